//! YAML parsing with positions: every syntax or type error becomes a
//! [`Diagnostic`] that points at the file, line and column.
//!
//! Every YAML file aqparat reads (`site.yaml`, front matter, UI strings,
//! `data/`) goes through [`parse`], which also refuses what a site never
//! needs and an attacker could use: explicit tags (`!!binary`, `!!str`,
//! `!custom`), which would decode a value differently from what it looks
//! like, and documents that expand beyond a budget (an alias bomb).

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_saphyr::granit_parser::{Event, Parser};

use crate::diag::{Diagnostic, Span};
use crate::messages::{Arg, Message};
use crate::msg;

/// A value with the position it was written at (serde-saphyr's wrapper).
pub type Spanned<T> = serde_saphyr::Spanned<T>;

/// How many events the aliases of one document may replay in all. A site's
/// files hardly use aliases; a "billion laughs" document needs millions.
const MAX_REPLAYED_EVENTS: usize = 100_000;

/// serde-saphyr's budget less its limits on what a file holds of itself
/// (its events, nodes and bytes of text, its merge keys, its aliases per
/// anchor), which an honest file of 20,000 records exceeded (its default
/// was 250,000 nodes) and which cannot make more than the file's own size:
/// what a file may expand to is held by the limit on the events its
/// aliases replay, and nesting by its depth.
fn budget() -> serde_saphyr::Budget {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_events = usize::MAX;
    budget.max_nodes = usize::MAX;
    budget.max_total_scalar_bytes = usize::MAX;
    // Many aliases of one anchor (`unit: *families` in every record) and a
    // merge key in each of thousands of records are honest too.
    budget.enforce_alias_anchor_ratio = false;
    budget.max_merge_keys = usize::MAX;
    budget
}

/// `value` spanned at `span`, as if YAML had read it there: for values
/// read from other formats (`records.csv`), which the same checks take.
/// serde-saphyr makes its positions only by deserializing one, so this
/// does; a line or column beyond `u32` is unknown (reported at 1:1).
pub fn spanned_at<T>(value: T, span: Span) -> Spanned<T> {
    use serde::Deserialize;
    use serde::de::value::{Error, MapDeserializer};
    let fields = [("line", span.line as u64), ("column", span.col as u64)];
    let location =
        serde_saphyr::Location::deserialize(MapDeserializer::<_, Error>::new(fields.into_iter()))
            .unwrap_or(serde_saphyr::Location::UNKNOWN);
    Spanned::new(value, location, location)
}

/// The position of a spanned YAML value, shifted by `line_offset` lines.
pub fn span_of<T>(value: &Spanned<T>, line_offset: usize) -> Span {
    Span::new(
        value.referenced.line() as usize + line_offset,
        value.referenced.column() as usize,
    )
}

/// Parses `text` (which starts `line_offset` lines into the file `path`) as
/// YAML into `T`. On failure returns a diagnostic that names the position
/// and says how to fix it. Explicit tags are refused (see the module's
/// documentation).
pub fn parse<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    line_offset: usize,
    file_text: &str,
) -> Result<T, Diagnostic> {
    if let Some(tagged) = first_explicit_tag(text) {
        let more = match tagged.others {
            0 => Message::Text(String::new()),
            n => msg!("yaml-tag-more", count = Arg::count(n)),
        };
        return Err(Diagnostic::error(
            path,
            Span::new(tagged.line + line_offset, tagged.col),
            msg!("yaml-tag", tag = tagged.tag, more = more),
        )
        .with_hint(msg!("yaml-tag-hint"))
        .with_source(file_text));
    }
    let mut options = serde_saphyr::options! { with_snippet: false, budget: Some(budget()) };
    options.alias_limits.max_total_replayed_events = MAX_REPLAYED_EVENTS;
    serde_saphyr::from_str_with_options(text, options).map_err(|error| {
        let span = error.location().map_or(Span::new(1 + line_offset, 1), |l| {
            Span::new(l.line() as usize + line_offset, l.column() as usize)
        });
        let message = error.to_string();
        let message = without_library_advice(strip_position(&message));
        let d = Diagnostic::error(
            path,
            span,
            msg!("yaml-error", error = message, guess = guess_field(message)),
        )
        .with_hint(hint_for(message));
        point_at_control_character(d, message, file_text).with_source(file_text)
    })
}

/// When YAML stopped at an invisible control character ("unexpected
/// character"), the diagnostic points at it in `file_text` and says what
/// to do.
fn point_at_control_character(mut d: Diagnostic, message: &str, file_text: &str) -> Diagnostic {
    if !message.starts_with("unexpected character") {
        return d;
    }
    let line = file_text.lines().nth(d.span.line.saturating_sub(1));
    let found = line.and_then(|line| {
        line.chars()
            .enumerate()
            .skip(d.span.col.saturating_sub(1))
            .find(|(_, c)| c.is_control() && *c != '\t')
    });
    if let Some((col, c)) = found {
        d.span = Span::new(d.span.line, col + 1);
        d.message = msg!(
            "yaml-control-character",
            code = format!("{:04X}", u32::from(c))
        );
        d.hint = Some(msg!("yaml-control-character-hint"));
    }
    d
}

/// The first explicit tag of a document and how many others follow.
#[derive(Debug, PartialEq, Eq)]
struct TaggedNode {
    /// The tag as YAML prints it (`!!binary`, `!foo`).
    tag: String,
    /// 1-based line in `text`.
    line: usize,
    /// 1-based column.
    col: usize,
    /// How many more tagged nodes the document has.
    others: usize,
}

/// The first node of `text` that carries an explicit tag, if any. Scans the
/// parser's events only (aliases are not replayed, so this is linear in the
/// text); a syntax error ends the scan and is left for the deserializer to
/// report with its own message.
fn first_explicit_tag(text: &str) -> Option<TaggedNode> {
    // Every tag starts with `!`: most files have none and skip the scan.
    if !text.contains('!') {
        return None;
    }
    let mut first: Option<TaggedNode> = None;
    for result in Parser::new_from_str(text) {
        let Ok((event, span)) = result else { break };
        let tag = match &event {
            Event::Scalar(_, _, _, tag)
            | Event::SequenceStart(_, _, tag)
            | Event::MappingStart(_, _, tag) => tag.as_ref(),
            _ => None,
        };
        let Some(tag) = tag else { continue };
        match &mut first {
            Some(first) => first.others += 1,
            None => {
                let at = span.tag_start.unwrap_or(span.start);
                first = Some(TaggedNode {
                    tag: written_tag(tag.original_handle(), tag.suffix()),
                    line: at.line(),
                    col: at.col() + 1,
                    others: 0,
                });
            }
        }
    }
    first
}

/// A tag as the author wrote it: its handle before `%TAG` resolution, then
/// its suffix (`!!` + `binary`); a verbatim tag as `!<…>`.
fn written_tag(handle: &str, suffix: &str) -> String {
    if handle.starts_with('!') {
        format!("{handle}{suffix}")
    } else {
        format!("!<{handle}{suffix}>")
    }
}

/// serde-saphyr appends " at line N, column M" (serde_json " at line N
/// column M"); our diagnostics already say where, so the suffix is dropped.
pub fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// serde-saphyr's `message` without its advice to programmers ("set
/// DuplicateKeyPolicy in Options", "rejected by the configured policy"):
/// the hint says what to do in the file.
fn without_library_advice(message: &str) -> &str {
    const ADVICE: [&str; 2] = [
        ", set DuplicateKeyPolicy in Options if acceptable",
        " rejected by the configured policy",
    ];
    // At the end only: the message may quote the file's own text.
    ADVICE
        .iter()
        .find_map(|advice| message.strip_suffix(advice))
        .unwrap_or(message)
}

/// For "unknown field `titel`, expected one of title, description, …",
/// the field meant, if one is close.
fn guess_field(message: &str) -> Message {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return Message::Text(String::new());
    };
    let Some((given, expected)) = rest.split_once('`') else {
        return Message::Text(String::new());
    };
    let expected = expected
        .split_once("expected one of ")
        .map_or("", |(_, e)| e);
    let known = expected.split(", ").map(|k| k.trim_matches('`'));
    crate::diag::did_you_mean(given, known)
}

/// A hint for the common YAML mistakes of people who are not programmers.
fn hint_for(message: &str) -> Message {
    if message.starts_with("unknown field") {
        msg!("yaml-hint-unknown-field")
    } else if message.starts_with("missing field") {
        msg!("yaml-hint-missing-field")
    } else if message.starts_with("mapping values are not allowed") {
        msg!("yaml-hint-colon")
    } else if message.starts_with("duplicate mapping key") {
        msg!("yaml-hint-duplicate")
    } else if message.contains("breached: Depth") {
        msg!("yaml-hint-depth")
    } else if message.contains("budget") || message.contains("alias") {
        msg!("yaml-hint-alias")
    } else if message.starts_with("invalid") || message.starts_with("expected") {
        msg!("yaml-hint-type")
    } else {
        msg!("yaml-hint-syntax")
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::messages::Lang;

    fn parse_map(text: &str) -> Result<BTreeMap<String, serde_json::Value>, Diagnostic> {
        parse(Path::new("a.yaml"), text, 0, text)
    }

    #[test]
    fn messages_give_no_advice_to_programmers() {
        #[derive(serde::Deserialize, Debug)]
        struct Front {
            #[allow(dead_code)]
            date: String,
        }
        let text = "date: 2020-04-01\ndate: 2020-04-02\n";
        let twice = parse::<Front>(Path::new("a.md"), text, 0, text).unwrap_err();
        let message = twice.message.in_lang(Lang::En);
        assert!(message.contains("duplicate mapping key"), "{message}");
        assert!(!message.contains("Options"), "{message}");
        assert_eq!(
            without_library_advice("non-finite float .nan rejected by the configured policy"),
            "non-finite float .nan"
        );
        let quoted = "invalid value: string \"Bread, set of 3\", expected a number";
        assert_eq!(without_library_advice(quoted), quoted);
    }

    #[test]
    fn values_from_elsewhere_carry_their_position() {
        let value = spanned_at("x".to_string(), Span::new(12, 5));
        assert_eq!(span_of(&value, 0), Span::new(12, 5));
        let far = spanned_at(1, Span::new(usize::MAX, 1));
        assert_eq!(span_of(&far, 0), Span::START);
    }

    #[test]
    fn explicit_tags_are_refused_where_they_are_written() {
        for (text, tag, span) in [
            ("a: !!binary aGk=\n", "!!binary", Span::new(1, 4)),
            ("a: x\nb: !!str 5\n", "!!str", Span::new(2, 4)),
            ("a: 1\nb:\n  c: !!int \"3\"\n", "!!int", Span::new(3, 6)),
            ("a: !foo bar\n", "!foo", Span::new(1, 4)),
            ("a: !!map {b: c}\n", "!!map", Span::new(1, 4)),
            ("!!str k: v\n", "!!str", Span::new(1, 1)),
        ] {
            let error = parse_map(text).expect_err(text);
            assert_eq!(error.span, span, "{text}");
            assert!(
                error
                    .message
                    .in_lang(Lang::En)
                    .contains(&format!("`{tag}`")),
                "{}",
                error.message
            );
            assert!(error.hint.is_some());
        }
        let error = parse_map("a: !!str x\nb: !!str y\n").expect_err("two tags");
        let message = error.message.in_lang(Lang::En);
        assert!(message.contains("and 1 more"), "{message}");
    }

    /// Comments are YAML's to skip, however many: with its keeping of
    /// comments, serde-saphyr refused more than 32 between a key and its
    /// value ("too many buffered comments while looking ahead").
    #[test]
    fn any_number_of_comments_between_a_key_and_its_value_is_read() {
        let comments: String = (0..100).map(|n| format!("# note {n}\n")).collect();
        let text = format!("title:\n{comments}  Карантин\nweight: 2\n");
        let map = parse_map(&text).unwrap();
        assert_eq!(map["title"], "Карантин");
        assert_eq!(map["weight"], 2);
    }

    #[test]
    fn exclamation_marks_in_text_are_not_tags() {
        let map = parse_map("a: \"!!binary\"\nb: Сәлем!\nc: 'x !y'\n").expect("no tags");
        assert_eq!(map["b"], "Сәлем!");
    }

    /// A large honest file is read: serde-saphyr's default budget refused
    /// one of 250,000 nodes as if it were an alias bomb.
    #[test]
    fn a_file_of_many_records_is_read_whole() {
        let records = "- {id: r, count: 1, what: {kk: а, ru: б}}\n".repeat(60_000);
        let read: Vec<serde_json::Value> =
            parse(Path::new("records.yaml"), &records, 0, &records).unwrap();
        assert_eq!(read.len(), 60_000);
    }

    /// Nesting beyond the budget's depth says so, not that aliases expand.
    #[test]
    fn too_deep_a_nesting_is_named() {
        let text = format!("a: {}1{}\n", "[".repeat(70), "]".repeat(70));
        let error = parse_map(&text).expect_err("too deep");
        assert_eq!(error.hint, Some(msg!("yaml-hint-depth")));
    }

    #[test]
    fn an_alias_bomb_is_an_error_not_a_hang() {
        let mut text = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..10 {
            let prev = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        let started = std::time::Instant::now();
        let error = parse_map(&text).expect_err("an alias bomb must fail");
        assert!(started.elapsed().as_secs() < 5);
        assert!(error.hint.is_some());
    }
}
