//! Diagnostics: problems an author can fix, each with a file, a position and
//! a hint.
//!
//! Every stage returns what it could build and collects the problems it found
//! in [`Diagnostics`] instead of stopping at the first problem, so `check` and
//! `build` report everything at once. A diagnostic prints as
//! `path:line:col: error: message`, then the offending source line when it is
//! known, then `help: hint`.

use std::fmt;
use std::path::{Path, PathBuf};

use anstyle::{AnsiColor, Style};

use crate::messages::{Lang, Message};
use crate::msg;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build goes on; `check --strict` counts it as an error.
    Warning,
    /// The build fails and publishes nothing.
    Error,
}

/// A 1-based line and column (the column counts characters, not bytes).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

impl Span {
    /// The start of a file, for problems that concern a whole file.
    pub const START: Span = Span { line: 1, col: 1 };

    /// A position from a 1-based line and column.
    pub fn new(line: usize, col: usize) -> Span {
        Span {
            line: line.max(1),
            col: col.max(1),
        }
    }

    /// The position of byte `offset` in `text`, plus `line_offset` lines
    /// (for text that starts further down a file, such as front matter).
    pub fn at_offset(text: &str, offset: usize, line_offset: usize) -> Span {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        Span::new(line + line_offset, col)
    }
}

/// One problem found in the site's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root.
    pub path: PathBuf,
    /// Where in the file.
    pub span: Span,
    /// What is wrong.
    pub message: Message,
    /// What to do about it.
    pub hint: Option<Message>,
    /// The source line at `span`, shown under the message when known.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// An error at `path:span`.
    pub fn error(path: impl Into<PathBuf>, span: Span, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            span,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    /// A warning at `path:span`.
    pub fn warning(path: impl Into<PathBuf>, span: Span, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, span, message)
        }
    }

    /// Adds what the author should do.
    pub fn with_hint(mut self, hint: impl Into<Message>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds the source line at the diagnostic's position, taken from the
    /// whole text of the file.
    pub fn with_source(mut self, file_text: &str) -> Self {
        self.source_line = file_text
            .lines()
            .nth(self.span.line.saturating_sub(1))
            .map(|line| line.trim_end().to_string());
        self
    }

    /// Whether this diagnostic fails the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `text` with its control characters (but tabs) shown as `�`: what a
/// diagnostic quotes from a file must not drive the terminal it prints on.
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(|c| c.is_control() && c != '\t') {
        text.chars()
            .map(|c| match c.is_control() && c != '\t' {
                true => char::REPLACEMENT_CHARACTER,
                false => c,
            })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

impl fmt::Display for Diagnostic {
    /// The diagnostic in this run's language ([`Lang::current`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, Palette::PLAIN, Lang::current())
    }
}

/// A diagnostic in a given language (see [`Diagnostic::in_lang`]).
pub struct InLang<'a>(&'a Diagnostic, Lang);

impl fmt::Display for InLang<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(f, Palette::PLAIN, self.1)
    }
}

/// The styles of a diagnostic's parts.
#[derive(Clone, Copy)]
struct Palette {
    path: Style,
    error: Style,
    warning: Style,
    margin: Style,
    help: Style,
}

impl Palette {
    /// No styles: for files, the status file, the `serve` overlay.
    const PLAIN: Palette = Palette {
        path: Style::new(),
        error: Style::new(),
        warning: Style::new(),
        margin: Style::new(),
        help: Style::new(),
    };

    /// Colours for a terminal, as compilers show them.
    const TERMINAL: Palette = Palette {
        path: Style::new().bold(),
        error: AnsiColor::Red.on_default().bold(),
        warning: AnsiColor::Yellow.on_default().bold(),
        margin: AnsiColor::Blue.on_default().bold(),
        help: AnsiColor::Cyan.on_default().bold(),
    };
}

/// A diagnostic in colour (see [`Diagnostic::styled`]).
pub struct Styled<'a>(&'a Diagnostic);

impl fmt::Display for Styled<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(f, Palette::TERMINAL, Lang::current())
    }
}

impl Diagnostic {
    /// The diagnostic with terminal colours: print it through `anstream`,
    /// which leaves them out when the output is no terminal or `NO_COLOR`
    /// is set.
    pub fn styled(&self) -> Styled<'_> {
        Styled(self)
    }

    /// The diagnostic, without colours, in `lang` rather than this run's
    /// language: for the `serve` overlay, in the page's language.
    pub fn in_lang(&self, lang: Lang) -> InLang<'_> {
        InLang(self, lang)
    }

    fn write(&self, f: &mut fmt::Formatter<'_>, p: Palette, lang: Lang) -> fmt::Result {
        let (severity, style) = match self.severity {
            Severity::Error => (msg!("severity-error"), p.error),
            Severity::Warning => (msg!("severity-warning"), p.warning),
        };
        let severity = severity.in_lang(lang);
        write!(
            f,
            "{}{}:{}:{}:{} {style}{severity}:{style:#} {}",
            p.path,
            printable(&display_path(&self.path)),
            self.span.line,
            self.span.col,
            p.path.render_reset(),
            printable(&self.message.in_lang(lang))
        )?;
        let m = p.margin;
        if let Some(line) = &self.source_line {
            let (line, col) = excerpt(&printable(line), self.span.col);
            let number = self.span.line.to_string();
            let pad = " ".repeat(number.len());
            let caret_pad: String = line
                .chars()
                .take(col.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(
                f,
                "\n {pad} {m}|{m:#}\n {m}{number} |{m:#} {line}\n {pad} {m}|{m:#} {caret_pad}{style}^{style:#}"
            )?;
        }
        if let Some(hint) = &self.hint {
            let h = p.help;
            let help = msg!("help").in_lang(lang);
            write!(
                f,
                "\n  {h}= {help}:{h:#} {}",
                printable(&hint.in_lang(lang))
            )?;
        }
        Ok(())
    }
}

/// The most characters of a source line a diagnostic quotes.
const QUOTED_CHARS: usize = 160;

/// What a diagnostic quotes of `line` for column `col` (from 1), and the
/// column there: the whole line when it is short, else [`QUOTED_CHARS`]
/// characters around the column, `…` where the line was cut (a line of
/// 200,000 characters is no help on a terminal).
fn excerpt(line: &str, col: usize) -> (String, usize) {
    let count = line.chars().count();
    if count <= QUOTED_CHARS {
        return (line.to_string(), col);
    }
    let at = col.saturating_sub(1).min(count);
    let start = at
        .saturating_sub(QUOTED_CHARS / 3)
        .min(count - QUOTED_CHARS);
    let mut quoted = String::from(if start > 0 { "…" } else { "" });
    quoted.extend(line.chars().skip(start).take(QUOTED_CHARS));
    if start + QUOTED_CHARS < count {
        quoted.push('…');
    }
    (quoted, at - start + 1 + usize::from(start > 0))
}

/// " (did you mean `x`?)" when one of `known` is a typo away from
/// `given` (an edit distance, counting a swap of two letters as one, of at
/// most 2 and at most a quarter of its letters; 1 for short words; the
/// first of the closest), else nothing: for the message of an unknown id,
/// key, link, anchor or shortcode.
pub fn did_you_mean<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Message {
    let most = (given.chars().count() / 4).clamp(1, 2);
    let best = known
        .into_iter()
        .filter(|k| *k != given)
        .map(|k| (strsim::damerau_levenshtein(given, k), k))
        .filter(|(distance, _)| *distance <= most)
        .min_by_key(|(distance, _)| *distance);
    best.map_or(Message::Text(String::new()), |(_, k)| {
        msg!("did-you-mean", name = k)
    })
}

/// A path as shown to users: forward slashes on every platform.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Sorts diagnostics by file, then position, so reports come out in a fixed
/// order, and drops exact duplicates.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.span, &a.message, b.severity).cmp(&(&b.path, b.span, &b.message, a.severity))
    });
    diagnostics.dedup();
}

/// The diagnostics a stage collects as it goes: every function that can
/// find problems takes `&mut Diagnostics` and adds to it, whatever else it
/// returns. A function that makes one value or finds one problem returns
/// `Result<T, Diagnostic>` instead, and its caller collects the problem
/// with [`Diagnostics::ok`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// No diagnostics yet.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Adds one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// The value of `result`, or `None` with its diagnostic collected.
    pub fn ok<T>(&mut self, result: Result<T, Diagnostic>) -> Option<T> {
        result.map_err(|d| self.push(d)).ok()
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many errors were found.
    pub fn errors(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// The diagnostics collected, in the order they were found.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// The diagnostics, sorted as [`sort`] does: by file, then position,
    /// without duplicates.
    pub fn into_sorted(self) -> Vec<Diagnostic> {
        let mut diagnostics = self.0;
        sort(&mut diagnostics);
        diagnostics
    }
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, diagnostics: I) {
        self.0.extend(diagnostics);
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(diagnostics: I) -> Diagnostics {
        Diagnostics(diagnostics.into_iter().collect())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_quoted_around_its_column() {
        assert_eq!(excerpt("short", 3), ("short".to_string(), 3));
        let line: String = ('a'..='z').cycle().take(200_000).collect();
        for col in [1, 70, 100_000, 200_000, 200_001] {
            let (quoted, at) = excerpt(&line, col);
            assert!(quoted.chars().count() <= QUOTED_CHARS + 2, "{col}");
            let pointed = quoted.chars().nth(at - 1);
            assert_eq!(pointed, line.chars().nth(col - 1), "{col}");
        }
    }

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let text = "---\ntitle: Қазақ\nкүн: x\n";
        let offset = text.find("x").unwrap();
        assert_eq!(Span::at_offset(text, offset, 0), Span::new(3, 6));
        assert_eq!(Span::at_offset(text, 0, 10), Span::new(11, 1));
    }

    #[test]
    fn display_shows_position_source_and_hint() {
        let d = Diagnostic::error("content/a.kk.md", Span::new(2, 7), "bad date")
            .with_hint("write YYYY-MM-DD")
            .with_source("---\ndate: 2020-13-01\n");
        assert_eq!(
            d.in_lang(Lang::En).to_string(),
            "content/a.kk.md:2:7: error: bad date\n   |\n 2 | date: 2020-13-01\n   |       ^\n  = help: write YYYY-MM-DD"
        );
    }

    #[test]
    fn diagnostics_collect_then_come_out_sorted_without_duplicates() {
        let mut diagnostics = Diagnostics::new();
        let late = Diagnostic::warning("b.md", Span::new(3, 1), "late");
        assert_eq!(diagnostics.ok(Ok::<_, Diagnostic>(1)), Some(1));
        assert!(!diagnostics.has_errors());
        diagnostics.push(late.clone());
        let early = Diagnostic::error("a.md", Span::START, "early");
        assert_eq!(diagnostics.ok::<()>(Err(early.clone())), None);
        diagnostics.extend([late.clone()]);
        assert!(diagnostics.has_errors());
        assert_eq!(diagnostics.errors(), 1);
        assert_eq!(diagnostics.into_sorted(), [early, late]);
    }

    #[test]
    fn control_characters_are_never_printed() {
        let d = Diagnostic::error("content/\u{1b}[2J.kk.md", Span::new(1, 8), "bad \u{7}")
            .with_hint("not \u{0}")
            .with_source("title: \u{1b}]0;owned\u{7}\n");
        let shown = d.in_lang(Lang::Ru).to_string();
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
    }
}
