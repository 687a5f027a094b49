//! YAML parsing with positions: every syntax or type error becomes a
//! [`Diagnostic`] that points at the file, line and column.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Span};

/// A value with the position it was written at (serde-saphyr's wrapper).
pub type Spanned<T> = serde_saphyr::Spanned<T>;

/// The position of a spanned YAML value, shifted by `line_offset` lines.
pub fn span_of<T>(value: &Spanned<T>, line_offset: usize) -> Span {
    Span::new(
        value.referenced.line() as usize + line_offset,
        value.referenced.column() as usize,
    )
}

/// Parses `text` (which starts `line_offset` lines into the file `path`) as
/// YAML into `T`. On failure returns a diagnostic that names the position
/// and says how to fix it.
pub fn parse<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    line_offset: usize,
    file_text: &str,
) -> Result<T, Diagnostic> {
    let options = serde_saphyr::options! { with_snippet: false };
    serde_saphyr::from_str_with_options(text, options).map_err(|error| {
        let span = error.location().map_or(Span::new(1 + line_offset, 1), |l| {
            Span::new(l.line() as usize + line_offset, l.column() as usize)
        });
        let message = error.to_string();
        let message = strip_position(&message);
        Diagnostic::error(path, span, message.to_string())
            .with_hint(hint_for(message))
            .with_source(file_text)
    })
}

/// serde-saphyr appends " at line N, column M"; our diagnostics already say
/// where, so the suffix is dropped.
fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// A hint for the common YAML mistakes of people who are not programmers.
fn hint_for(message: &str) -> &'static str {
    if message.starts_with("unknown field") {
        "check the spelling of this key; only the keys listed are allowed"
    } else if message.starts_with("missing field") {
        "add this key; it is required"
    } else if message.starts_with("mapping values are not allowed") {
        "a value that contains `: ` must be put in quotes, e.g. title: 'Біргеміз: Білім'; or fix the indentation of this line"
    } else if message.starts_with("duplicate mapping key") {
        "this key appears twice; keep one of them"
    } else if message.starts_with("invalid") || message.starts_with("expected") {
        "this value has the wrong type or form; put text containing `:`, `#`, `[` or `{` in quotes"
    } else {
        "fix the YAML syntax here: `key: value`, one per line, nested keys indented by two spaces"
    }
}
