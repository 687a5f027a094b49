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
use serde_saphyr::granit_parser::{ErrorKind, Event, Marker, Parser, StructureStyle};

use crate::diag::{Diagnostic, Diagnostics, Lines, Quote, Span};
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

/// The warning that a comment cut short the text `value`, written at the
/// position `span` of file `path`, where `lines` finds its line: YAML reads
/// ` #` as the start of a comment, so `title: Приказ #5 об отключении` is
/// `Приказ`, and the rest was lost without a word. `None` when the value
/// is written whole (in quotes, or with no comment after it), or when the
/// comment looks meant: set apart by more than one space, or by a space
/// after its `#` (`title: Вода  # TODO`, `title: Вода # note`).
pub fn cut_by_comment(path: &Path, lines: &Lines, span: Span, value: &str) -> Option<Diagnostic> {
    let (line, at) = lines.at(span)?;
    let rest = line.get(at..)?.strip_prefix(value)?;
    let comment = rest.trim_start();
    // A comment meant as one is set apart (`  # TODO`, `# note`); `#5`
    // one space after a word is the text's.
    let one_space = rest.len() - comment.len() == 1;
    let glued = comment
        .strip_prefix('#')
        .is_some_and(|after| after.starts_with(|c: char| !c.is_whitespace()));
    if value.is_empty() || !one_space || !glued {
        return None;
    }
    let whole = line[at..]
        .trim_end()
        .replace('\\', "\\\\")
        .replace('"', "\\\"");
    let quoted = format!("{}\"{whole}\"", line[..at].trim_start());
    // Told at the `#`.
    let hash = at + value.len() + (rest.len() - comment.len());
    let col = span.col + line[at..hash].chars().count();
    Some(
        Diagnostic::warning(
            path,
            Span::new(span.line, col),
            msg!(
                "yaml-comment-cut",
                value = value,
                comment = comment.trim_end()
            ),
        )
        .with_hint(msg!("yaml-comment-cut-hint", quoted = quoted))
        .with_quote(Some(Quote::of(line, hash))),
    )
}

/// At most this many problems are reported of one file: each after the
/// first is found by reading the file again without the parts that failed.
const MAX_PROBLEMS: usize = 50;

/// Parses `text` (which starts `line_offset` lines into the file `path`) as
/// YAML into `T`. On failure returns a diagnostic for each problem, which
/// names the position and says how to fix it. Explicit tags are refused
/// (see the module's documentation).
///
/// serde stops at the first problem. The others are found by reading the
/// text again with the part that failed (the key and value, the item of a
/// list) blanked out, lines and columns kept, until it reads or
/// [`MAX_PROBLEMS`] are found. A syntax error anywhere in the file ends
/// the search at the first problem, and so does any problem that blanking
/// may have made (a field missing because its line was blanked, a problem
/// where one was reported, an alias whose anchor was blanked): it is not
/// reported, so that each problem reported is the file's own.
pub fn parse<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    line_offset: usize,
    file_text: &str,
) -> Result<T, Diagnostics> {
    parse_at_most(path, text, line_offset, file_text, MAX_PROBLEMS)
}

/// [`parse`], reporting at most `most` problems (1 for a caller that asks
/// only whether the file reads: each after the first costs a reading).
pub fn parse_at_most<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    line_offset: usize,
    file_text: &str,
    most: usize,
) -> Result<T, Diagnostics> {
    match read(path, text, line_offset, file_text, most) {
        (Some(value), problems) if problems.is_empty() => Ok(value),
        (_, problems) => Err(problems),
    }
}

/// [`parse`], with what the text reads as once every part reported is
/// blanked out, when it then reads: a file whose problems were all keys
/// and values that can be left out (an unknown key, a value of the wrong
/// type) is still read, so that what it says can be checked too and its
/// problems come in one round, not one after the other. `None` when a
/// problem cannot be left out (a syntax error, a key required).
pub fn parse_recovering<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    line_offset: usize,
    file_text: &str,
) -> (Option<T>, Diagnostics) {
    read(path, text, line_offset, file_text, MAX_PROBLEMS)
}

/// Whether `problem`, one that [`parse_recovering`] reported, is of a key
/// no field has: left out, or read as the key it was written for, it
/// leaves nothing that a field has unread.
pub fn is_unknown_key(problem: &Diagnostic) -> bool {
    matches!(&problem.message, Message::Entry(entry) if entry.id == "yaml-unknown-key")
}

/// An item at the top of a YAML text: a key of the mapping it is, or an
/// item of its list.
pub struct TopItem {
    /// The line (from 1) where it starts: it runs to the line before the
    /// next item's.
    pub line: usize,
    /// Its key, when it is a key of a mapping and text.
    pub key: Option<String>,
}

/// The items at the top of `text`, in order; none when it does not parse.
pub fn top_items(text: &str) -> Vec<TopItem> {
    let Some(Parts { parts, .. }) = parts(text) else {
        return Vec::new();
    };
    // The document's own collection is the first to open.
    let mut items: Vec<TopItem> = (parts.into_iter())
        .filter(|part| part.collection == 0)
        .map(|part| TopItem {
            line: part.start.line(),
            key: part.key,
        })
        .collect();
    items.sort_by_key(|item| item.line);
    items
}

/// [`parse_recovering`], reporting at most `most` problems.
fn read<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    line_offset: usize,
    file_text: &str,
    most: usize,
) -> (Option<T>, Diagnostics) {
    if let Some(tagged) = first_explicit_tag(text) {
        let more = match tagged.others {
            0 => Message::default(),
            n => msg!("yaml-tag-more", count = Arg::count(n)),
        };
        let tag = Diagnostic::error(
            path,
            Span::new(tagged.line + line_offset, tagged.col),
            msg!("yaml-tag", tag = tagged.tag, more = more),
        )
        .with_hint(msg!("yaml-tag-hint"))
        .with_source(file_text);
        return (None, tag.into());
    }
    let first = match deserialize(text) {
        Ok(value) => return (Some(value), Diagnostics::new()),
        Err(error) => Problem::of(&error),
    };
    let source = Source {
        path,
        line_offset,
        file_text,
    };
    let mut problems = Diagnostics::from(source.tell(&first, text, &[], &[]));
    if !first.is_about_a_part() || most == 1 {
        return (None, problems);
    }
    // A syntax error later in the file stops the search before it starts:
    // with it, nothing more can be read for sure, and it is often the
    // first problem's cause (`title: [Карантин` is a list of the wrong
    // type, then a bracket never closed), reported when that is mended.
    // A key given twice is found there too: it is one more problem.
    let syntax = deserialize::<serde::de::IgnoredAny>(text).err();
    if syntax.is_some_and(|error| !Problem::of(&error).is_about_a_part()) {
        return (None, problems);
    }
    // The places reported, and the keys blanked out.
    let mut reported: Vec<(usize, usize)> = Vec::new();
    let mut blanked_keys: Vec<String> = Vec::new();
    // How keys read as longer ones moved what follows them.
    let mut shifts: Vec<Shift> = Vec::new();
    let mut current = std::borrow::Cow::Borrowed(text);
    let mut problem = first;
    // The text before the part last blanked, and the part that holds it.
    let mut holder: Option<(String, Part)>;
    // Whether what is read can be used: not when a stand-in was written
    // for a key the top of the file lacks.
    let mut usable = true;
    loop {
        // The other keys that the mapping lacking one lacks are told with
        // it; at the top of the file, where nothing can be left out, read
        // on with stand-ins for them.
        let mut stood_in = None;
        if let (Some(field), Some(place)) = (missing_field(&problem.message), problem.place) {
            let blanked = |key: &str| is_blanked(&blanked_keys, key);
            let (more, at_top) = also_missing::<T>(&current, place, &field, &blanked);
            for key in more {
                problems.push(source.missing_key(&current, place, &key, &shifts, &blanked_keys));
            }
            if problems.iter().len() >= most {
                return (None, problems);
            }
            stood_in = at_top;
        }
        reported.extend(problem.place.map(|place| written_place(place, &shifts)));
        let next = match stood_in {
            Some(next) => {
                usable = false;
                holder = None;
                next
            }
            None => {
                let failed = (problem.place)
                    .and_then(|place| failed_part(&current, place, About::of(&problem.message)));
                let (failed, outer) = failed.unzip();
                // A key written for another is read as the key meant, so
                // that its value is read too and the key meant is not
                // missing; else left out.
                let renamed = (failed.as_ref().zip(problem.meant_key.as_deref()))
                    .and_then(|(failed, meant)| rename(&current, failed, meant));
                let was_renamed = renamed.is_some();
                let next = match renamed {
                    Some((next, shift)) => {
                        shifts.extend(shift);
                        next
                    }
                    None => match failed.as_ref().and_then(|failed| blank(&current, failed)) {
                        Some(next) => next,
                        None => return (None, problems),
                    },
                };
                blanked_keys.extend(
                    failed
                        .and_then(|failed| failed.key)
                        .filter(|_| !was_renamed),
                );
                holder = outer.flatten().map(|outer| (current.into_owned(), outer));
                next
            }
        };
        current = std::borrow::Cow::Owned(next);
        loop {
            // Nothing left but comments: "unexpected end of input" would be
            // ours.
            if (current.lines()).all(|line| matches!(line.trim().chars().next(), None | Some('#')))
            {
                return (None, problems);
            }
            problem = match deserialize::<T>(&current) {
                Ok(value) => return (Some(value).filter(|_| usable), problems),
                Err(error) => Problem::of(&error),
            };
            // A key missing because it was left out, or because the key
            // left out was a slip of it (`default_langauge`) or a word for
            // it (`organisation` for `org`): the key left out is the
            // problem, and so the part that holds it is left out instead
            // (a record whose `unit:` is a list), so that the rest is read.
            let Some(field) =
                missing_field(&problem.message).filter(|f| is_blanked(&blanked_keys, f))
            else {
                break;
            };
            let Some((before, outer)) = holder.take() else {
                // At the top of the file: read on with a stand-in for it.
                let Some((next, _)) = problem.place.and_then(|place| {
                    let top = parts(&current).and_then(|found| lacking(&found, place))?;
                    stand_in::<T>(&current, top.start, &field)
                }) else {
                    return (None, problems);
                };
                usable = false;
                current = std::borrow::Cow::Owned(next);
                continue;
            };
            let Some(next) = blank(&before, &outer) else {
                return (None, problems);
            };
            blanked_keys.extend(outer.key.clone());
            holder = (parts(&before))
                .and_then(|parts| parts.holder_of(&outer))
                .map(|holder| (before, holder));
            current = std::borrow::Cow::Owned(next);
        }
        let made_by_blanking = !problem.is_about_a_part()
            || (problem.place)
                .is_some_and(|place| reported.contains(&written_place(place, &shifts)));
        if made_by_blanking {
            return (None, problems);
        }
        problems.push(source.tell(&problem, &current, &shifts, &blanked_keys));
        if problems.iter().len() >= most {
            return (None, problems);
        }
    }
}

/// Whether `field` is missing because a key left out was it, a slip of
/// it (`default_langauge`) or a word for it (`organisation` for `org`).
fn is_blanked(blanked_keys: &[String], field: &str) -> bool {
    (blanked_keys.iter()).any(|k| k == field || crate::diag::key_meant(k, [field]).is_some())
}

/// The file whose YAML is read, as its problems are told.
struct Source<'a> {
    /// Its path.
    path: &'a Path,
    /// How many lines into it the YAML starts.
    line_offset: usize,
    /// Its whole text.
    file_text: &'a str,
}

impl Source<'_> {
    /// The diagnostic of `problem`, found in `text` (what was read, moved
    /// by `shifts`, with `blanked_keys` left out): a key missing is told
    /// as [`Source::missing_key`] tells it.
    fn tell(
        &self,
        problem: &Problem,
        text: &str,
        shifts: &[Shift],
        blanked_keys: &[String],
    ) -> Diagnostic {
        let missing = (missing_field(&problem.message).zip(problem.place))
            .map(|(field, place)| self.missing_key(text, place, &field, shifts, blanked_keys));
        missing.unwrap_or_else(|| {
            problem.diagnostic(self.path, self.line_offset, self.file_text, shifts)
        })
    }

    /// The error of the key `field` missing from the mapping that serde
    /// placed at `place` in `text` (see [`lacking`]): at its first key,
    /// named by its `id` or its own key when it has one; with a key left
    /// out (of `blanked_keys`) that may be it misspelt, when there is one
    /// (`languag` for `languages`, too far from it to be read as it).
    fn missing_key(
        &self,
        text: &str,
        place: (usize, usize),
        field: &str,
        shifts: &[Shift],
        blanked_keys: &[String],
    ) -> Diagnostic {
        let mapping = parts(text).and_then(|found| lacking(&found, place));
        let (line, col) = written_place(mapping.as_ref().map_or(place, |m| m.first), shifts);
        let message = match mapping.and_then(|m| m.name) {
            Some(name) => msg!("yaml-missing-key-of", name = name, key = field),
            None => msg!("yaml-missing-key", key = field),
        };
        let near = |key: &&String| {
            strsim::damerau_levenshtein(&key.to_lowercase(), field) <= MISSPELT_DISTANCE
        };
        let hint = match blanked_keys.iter().find(near) {
            Some(written) => msg!("yaml-hint-missing-written", key = written.as_str()),
            None => msg!("yaml-hint-missing-field"),
        };
        Diagnostic::error(self.path, Span::new(line + self.line_offset, col), message)
            .with_hint(hint)
            .with_source(self.file_text)
    }
}

/// How many edits a key left out may be from a key missing for the hint
/// to name it as maybe that key misspelt.
const MISSPELT_DISTANCE: usize = 2;

/// A mapping that lacks a key, as found in a text.
struct Lacking {
    /// Where the part whose value it is starts (a byte offset); `None`
    /// for the document's own.
    start: Option<usize>,
    /// Where its first key is (line, column, from 1).
    first: (usize, usize),
    /// What names it: its `id`, else its own key, if any.
    name: Option<String>,
}

/// The mapping of `found` that serde's missing field at `place` is of
/// (see [`chosen_part`]): a part's value, or the document's own.
fn lacking(found: &Parts, place: (usize, usize)) -> Option<Lacking> {
    let part = chosen_part(found, place, About::Mapping);
    let collection = match part {
        Some(part) => (found.collections.iter()).position(|c| c.2 == Some(part))?,
        None => 0,
    };
    let keys = || (found.parts.iter()).filter(|p| p.collection == collection && !p.item);
    let first = keys().min_by_key(|p| p.start.index())?;
    let id = keys().find(|p| p.key.as_deref() == Some("id"));
    let own = part.and_then(|part| found.parts[part].key.clone());
    Some(Lacking {
        start: part.and_then(|part| found.parts[part].start.byte_offset()),
        first: place_of(first.start),
        name: id.and_then(|id| id.scalar.clone()).or(own),
    })
}

/// The values a stand-in for a key missing is tried with, in turn, until
/// one is of the type the key takes.
const STAND_INS: [&str; 4] = ["x", "{}", "[]", "0"];

/// `text` with a stand-in for the key `key` written after the last key
/// of the mapping that is the value of the part starting at `start`
/// (`None`: the document's own), lined up with its first key, and the
/// problem (if any) reading it as `T` then finds; `None` when no value of
/// [`STAND_INS`] is of the key's type.
fn stand_in<T: DeserializeOwned>(
    text: &str,
    start: Option<usize>,
    key: &str,
) -> Option<(String, Option<Problem>)> {
    let found = parts(text)?;
    let collection = match start {
        Some(start) => (found.collections.iter()).position(|c| {
            c.2.is_some_and(|owner| found.parts[owner].start.byte_offset() == Some(start))
        })?,
        None => 0,
    };
    let keys = || (found.parts.iter()).filter(|p| p.collection == collection && !p.item);
    let first = keys().min_by_key(|p| p.start.index())?;
    let last = keys().max_by_key(|p| p.end.index())?;
    let at = text.get(..last.end.byte_offset()?)?.trim_end().len();
    let block = found.collections[collection].1;
    STAND_INS.iter().find_map(|value| {
        let written = match block {
            true => format!("\n{}{key}: {value}", " ".repeat(first.start.col())),
            false => format!(", {key}: {value}"),
        };
        let with = format!("{}{written}{}", &text[..at], &text[at..]);
        let problem = deserialize::<T>(&with)
            .err()
            .map(|error| Problem::of(&error));
        let offset = |place: (usize, usize)| offset_of(&with, Span::new(place.0, place.1));
        // A key missing is placed at the mapping's last key, maybe this.
        let of_its_value = problem
            .as_ref()
            .filter(|p| missing_field(&p.message).is_none());
        let in_it = (of_its_value.and_then(|p| p.place).and_then(offset))
            .is_some_and(|offset| (at..at + written.len()).contains(&offset));
        (!in_it).then_some((with, problem))
    })
}

/// The keys besides `field` that the mapping lacking it (serde's missing
/// field at `place` in `text`) lacks too, but those `blanked` (left out:
/// their problem is told), found by reading `text` as `T` again with a
/// stand-in for each key found (see [`stand_in`]); with the text with
/// those stand-ins when the mapping is the document's own. None when
/// nothing of it can be found.
fn also_missing<T: DeserializeOwned>(
    text: &str,
    place: (usize, usize),
    field: &str,
    blanked: &dyn Fn(&str) -> bool,
) -> (Vec<String>, Option<String>) {
    let Some(mapping) = parts(text).and_then(|found| lacking(&found, place)) else {
        return (Vec::new(), None);
    };
    let mut more: Vec<String> = Vec::new();
    let mut written = text.to_string();
    let mut field = field.to_string();
    while more.len() < MAX_PROBLEMS {
        let Some((with, problem)) = stand_in::<T>(&written, mapping.start, &field) else {
            return (more, None);
        };
        written = with;
        let same_mapping = |place: (usize, usize)| {
            let found = parts(&written).and_then(|found| lacking(&found, place));
            found.is_some_and(|found| found.start == mapping.start)
        };
        let next = problem.and_then(|problem| {
            let next = missing_field(&problem.message)?;
            problem.place.filter(|place| same_mapping(*place))?;
            Some(next).filter(|next| *next != field && !more.contains(next))
        });
        let Some(next) = next else { break };
        if !blanked(&next) {
            more.push(next.clone());
        }
        field = next;
    }
    (more, mapping.start.is_none().then_some(written))
}

/// A problem serde-saphyr found: its message, without its position and
/// advice to programmers, its words for the staff, and its place (line,
/// column) in the text read.
struct Problem {
    /// What serde-saphyr says, in English: what the problem is about and
    /// its hint are told by it.
    message: String,
    /// What it says to the staff, in their language.
    words: Message,
    /// What to do, told by `message`.
    hint: Message,
    /// Line and column, from 1; unknown for a few (budget) errors.
    place: Option<(usize, usize)>,
    /// For an unknown key, the key it was meant to be (see
    /// [`crate::diag::key_meant`]).
    meant_key: Option<String>,
    /// A syntax error told in words once what is written at its place is
    /// read.
    slip: Option<Slip>,
}

/// A syntax error whose words need what is written where it was found
/// (the quote, the alias, the character): see [`tell_slip`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slip {
    /// Text after the quote that closed a text in quotes (`"` or `'`).
    AfterQuote(char),
    /// An alias (`*name`) of an anchor defined nowhere above it.
    UnknownAnchor,
    /// A quote opened and never closed in the file.
    QuoteNeverClosed,
    /// A character that cannot start a value (`@`, `` ` ``).
    CannotStart,
    /// A backslash in text in double quotes that starts no escape.
    UnknownEscape,
    /// A line without `: ` after its key.
    NoColon,
    /// A line where a key lined up with those above was expected.
    NotAKey,
    /// A closing bracket that no bracket opened.
    StrayBracket,
    /// `: ` where no key can be: in a value, or on a line indented too
    /// deep.
    Colon,
}

impl Slip {
    /// The slip `error` is, if it is one.
    fn of(error: &serde_saphyr::Error) -> Option<Slip> {
        use serde_saphyr::Error as E;
        let kind = match innermost(error) {
            E::UnknownAnchor { .. } => return Some(Slip::UnknownAnchor),
            E::ExternalMessage { source, .. } => match source.as_ref() {
                serde_saphyr::ExternalMessageSource::Parser(scan) => scan.kind(),
                _ => return None,
            },
            _ => return None,
        };
        Some(match kind {
            ErrorKind::InvalidTrailingDoubleQuotedScalar => Slip::AfterQuote('"'),
            ErrorKind::InvalidTrailingSingleQuotedScalar => Slip::AfterQuote('\''),
            ErrorKind::UnknownAnchor => Slip::UnknownAnchor,
            ErrorKind::UnclosedQuotedScalar => Slip::QuoteNeverClosed,
            ErrorKind::UnexpectedCharacter { character } if !character.is_control() => {
                Slip::CannotStart
            }
            ErrorKind::UnknownQuotedScalarEscape => Slip::UnknownEscape,
            ErrorKind::SimpleKeyExpected => Slip::NoColon,
            ErrorKind::ExpectedBlockMappingKey | ErrorKind::InvalidIndentation => Slip::NotAKey,
            ErrorKind::MisplacedFlowCollectionEnd
            | ErrorKind::MismatchedFlowCollectionEnd { .. } => Slip::StrayBracket,
            ErrorKind::MappingValueNotAllowed => Slip::Colon,
            _ => return None,
        })
    }
}

impl Problem {
    /// The problem `error` is.
    fn of(error: &serde_saphyr::Error) -> Problem {
        let message = error.to_string();
        let message = without_library_advice(strip_position(&message)).to_string();
        let slip = Slip::of(error);
        let words = words_of(error, &message);
        let hint = match slip {
            Some(Slip::Colon) => msg!("yaml-hint-colon"),
            Some(_) => msg!("yaml-hint-syntax"),
            // `.nan`, `.inf`, `1e999`: well written, no figure.
            None if matches!(innermost(error), serde_saphyr::Error::NonFiniteFloat { .. }) => {
                msg!("yaml-hint-number")
            }
            None => hint_for(&message, &words, is_syntax_error(error)),
        };
        Problem {
            words,
            hint,
            message,
            place: (error.location()).map(|l| (l.line() as usize, l.column() as usize)),
            meant_key: meant_key(error),
            slip,
        }
    }

    /// Its diagnostic in the file `path`, whose text the text read starts
    /// `line_offset` lines into, once `shifts` are undone (see
    /// [`written_place`]).
    fn diagnostic(
        &self,
        path: &Path,
        line_offset: usize,
        file_text: &str,
        shifts: &[Shift],
    ) -> Diagnostic {
        let message = self.message.as_str();
        let (line, col) = written_place(self.place.unwrap_or((1, 1)), shifts);
        let d = Diagnostic::error(path, Span::new(line + line_offset, col), self.words.clone())
            .with_hint(self.hint.clone());
        let d = point_at_control_character(d, message, file_text);
        let d = number_out_of_range(d, file_text);
        let d = point_at_value(d, self.is_about_a_value(), file_text);
        let d = point_at_tab(d, message, !self.is_about_a_part(), file_text);
        let d = point_at_unclosed_quote(d, message, file_text);
        // A tab or a quote never closed on its line is the slip's cause,
        // told already.
        let told = matches!(&d.message, Message::Entry(entry)
            if ["yaml-tab", "yaml-quote-unclosed"].contains(&entry.id));
        // A first line without its colon (`base_url https://…`) makes the
        // file, or the value, one text where keys belong.
        let slip = self.slip.or_else(|| {
            let mapping = msg!("yaml-wrong-form", expected = msg!("yaml-kind-mapping"));
            (self.words == mapping && is_key_without_colon(file_text, d.span))
                .then_some(Slip::NoColon)
        });
        match slip {
            Some(slip) if !told => tell_slip(d, slip, file_text),
            _ => d,
        }
        .with_source(file_text)
    }

    /// Whether it is about a value of the wrong kind (a list where a
    /// number belongs).
    fn is_about_a_value(&self) -> bool {
        [
            msg!("yaml-hint-type"),
            msg!("yaml-hint-single"),
            msg!("yaml-hint-bool"),
            msg!("yaml-hint-list"),
            msg!("yaml-hint-whole-number"),
            msg!("yaml-hint-number"),
            msg!("yaml-hint-mapping"),
        ]
        .contains(&self.hint)
    }

    /// Whether it is about one part of the file (a key or a value of the
    /// wrong type), which can be left out to read on; not about its
    /// syntax, its nesting or its aliases.
    fn is_about_a_part(&self) -> bool {
        [
            msg!("yaml-hint-unknown-field"),
            msg!("yaml-hint-unknown-value"),
            msg!("yaml-hint-missing-field"),
            msg!("yaml-hint-empty"),
            msg!("yaml-hint-single"),
            msg!("yaml-hint-duplicate"),
            msg!("yaml-hint-type"),
            msg!("yaml-hint-bool"),
            msg!("yaml-hint-list"),
            msg!("yaml-hint-whole-number"),
            msg!("yaml-hint-number"),
            msg!("yaml-hint-mapping"),
        ]
        .contains(&self.hint)
    }
}

/// Whether the line of `file_text` at `span` starts, at the span, with a
/// word that could be a key followed by text, and has no `: ` (nor ends
/// with `:`): a key whose colon was left out.
fn is_key_without_colon(file_text: &str, span: Span) -> bool {
    let Some(at) = offset_of(file_text, span) else {
        return false;
    };
    let line = file_text[at..]
        .lines()
        .next()
        .unwrap_or_default()
        .trim_end();
    let key_end = line
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(line.len());
    let (key, rest) = line.split_at(key_end);
    key.chars().next().is_some_and(char::is_alphabetic)
        && rest.starts_with([' ', '\t'])
        && !rest.trim().is_empty()
        && !line.contains(": ")
        && !line.ends_with(':')
}

/// Whether `error` is the YAML reader's, about the file's syntax (not
/// about what a value is read as).
fn is_syntax_error(error: &serde_saphyr::Error) -> bool {
    use serde_saphyr::Error as E;
    matches!(innermost(error), E::ExternalMessage { source, .. }
        if matches!(source.as_ref(), serde_saphyr::ExternalMessageSource::Parser(_)))
}

/// `text` read by serde-saphyr as `T`, within the budget.
fn deserialize<T: DeserializeOwned>(text: &str) -> Result<T, serde_saphyr::Error> {
    // `yes`, `no`, `on`, `off` are YAML 1.1's booleans, not 1.2's: `true`
    // and `false` alone are (a `draft: no` is told, not taken).
    let mut options = serde_saphyr::options! {
        with_snippet: false,
        budget: Some(budget()),
        strict_booleans: true,
    };
    options.alias_limits.max_total_replayed_events = MAX_REPLAYED_EVENTS;
    serde_saphyr::from_str_with_options(text, options)
}

/// The field of "missing field `x`".
fn missing_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    Some(rest.split_once('`')?.0.to_string())
}

/// What a problem of serde's is about, by its `message`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum About {
    /// A key: unknown, or given twice. It is placed at the key.
    Key,
    /// A mapping that lacks a field. It is placed at the mapping's last
    /// key, or where it starts.
    Mapping,
    /// A value of the wrong type or form.
    Value,
}

impl About {
    /// What serde-saphyr's `message` is about.
    fn of(message: &str) -> About {
        if message.starts_with("unknown field") || message.starts_with("duplicate mapping key") {
            About::Key
        } else if message.starts_with("missing field") {
            About::Mapping
        } else {
            About::Value
        }
    }
}

/// A part of a YAML text that can be left out whole: a key with its value,
/// or an item of a list.
#[derive(Debug, Clone)]
struct Part {
    /// Where it starts: its key, or its item.
    start: Marker,
    /// Where its value starts.
    value: Marker,
    /// Where it ends.
    end: Marker,
    /// Its key, if it is a key's and the key is text.
    key: Option<String>,
    /// Its value, when that is text (a scalar).
    scalar: Option<String>,
    /// Whether it is an item of a list (with a `-` before it in block style).
    item: bool,
    /// The anchors (`&name`) it defines, which an alias may use.
    anchors: Vec<usize>,
    /// The collection it is in (see [`Parts::collections`]).
    collection: usize,
}

/// The parts of a YAML text, and the collections they are in.
struct Parts {
    /// Every part, each after the parts inside it.
    parts: Vec<Part>,
    /// Each collection: how many parts it holds, whether it is in block
    /// style (left without parts, it is no longer a collection: `{}` and
    /// `[]` are), and the part whose value it is (none for the
    /// document's own).
    collections: Vec<(usize, bool, Option<usize>)>,
    /// The anchors an alias (`*name`) uses.
    aliased: Vec<usize>,
}

/// The (line, column) of `marker`, both from 1, as serde-saphyr places its
/// problems.
fn place_of(marker: Marker) -> (usize, usize) {
    (marker.line(), marker.col() + 1)
}

impl Parts {
    /// Part `i`, widened to the part that holds it while it is the only
    /// part of a collection in block style (left out, it would leave an
    /// empty value, of the wrong type); `None` if it defines an anchor
    /// that an alias uses.
    fn whole(&self, mut i: usize) -> Option<Part> {
        while let (1, true, Some(outer)) = self.collections[self.parts[i].collection] {
            i = outer;
        }
        let aliased = |part: &Part| part.anchors.iter().any(|a| self.aliased.contains(a));
        Some(self.parts[i].clone()).filter(|part| !aliased(part))
    }

    /// The part that holds `part` (one of these, found by where it starts
    /// and ends), widened as [`Parts::whole`] widens; `None` for a part of
    /// the document's own collection.
    fn holder_of(&self, part: &Part) -> Option<Part> {
        let i = (self.parts.iter()).position(|p| p.start == part.start && p.end == part.end)?;
        self.whole(self.collections[self.parts[i].collection].2?)
    }
}

/// The part of `text` that serde's problem at `place` (line and column,
/// from 1) is about: the one whose key is there for a problem of a key,
/// the one whose value (a mapping) holds it for a missing field, else the
/// one whose value starts there or the smallest that holds it, made whole
/// (see [`Parts::whole`]); with the part that holds it, if any (see
/// [`Parts::holder_of`]). `None` when the text does not parse, no part is
/// found, or the part defines an anchor that an alias uses.
fn failed_part(text: &str, place: (usize, usize), about: About) -> Option<(Part, Option<Part>)> {
    let found = parts(text)?;
    let part = found.whole(chosen_part(&found, place, about)?)?;
    let holder = found.holder_of(&part);
    Some((part, holder))
}

/// The index of the part of `found` that serde's problem at `place` is
/// about, as [`failed_part`] finds it, before it is made whole; `None`
/// when there is none (a missing field of the document's own mapping).
fn chosen_part(found: &Parts, place: (usize, usize), about: About) -> Option<usize> {
    let parts = &found.parts;
    let smallest = |at: &dyn Fn(&Part) -> bool| {
        (0..parts.len())
            .filter(|&i| at(&parts[i]))
            .min_by_key(|&i| parts[i].end.index() - parts[i].start.index())
    };
    let keyed = || smallest(&|p| place_of(p.start) == place);
    let valued = || smallest(&|p| place_of(p.value) == place);
    let holding = || smallest(&|p| place_of(p.start) <= place && place < place_of(p.end));
    // serde-saphyr places a missing field at the mapping's start, or at its
    // last key: the mapping is the value that holds the place, not a key's.
    let lacking = || {
        smallest(&|p| {
            place_of(p.start) != place && place_of(p.value) <= place && place < place_of(p.end)
        })
    };
    match about {
        About::Key => keyed(),
        About::Mapping => valued().or_else(lacking),
        About::Value => valued().or_else(holding),
    }
}

/// Every part of `text` (see [`Part`]), from its parser's events; `None`
/// if it does not parse.
fn parts(text: &str) -> Option<Parts> {
    /// A collection being read: where it started, its number in
    /// `collections`, the anchors defined in it, and for a mapping the key
    /// read and waiting for its value.
    struct Open {
        start: Marker,
        number: usize,
        anchors: Vec<usize>,
        mapping: bool,
        key: Option<(Marker, Option<String>)>,
    }
    let mut open: Vec<Open> = Vec::new();
    let mut found = Parts {
        parts: Vec::new(),
        collections: Vec::new(),
        aliased: Vec::new(),
    };
    for result in Parser::new_from_str(text) {
        let (event, span) = result.ok()?;
        let anchored: Vec<usize> = event
            .anchor_id()
            .filter(|&id| id != 0)
            .into_iter()
            .collect();
        let (node, scalar, anchors, inner) = match event {
            Event::MappingStart(style, ..) | Event::SequenceStart(style, ..) => {
                found
                    .collections
                    .push((0, style == StructureStyle::Block, None));
                open.push(Open {
                    start: span.start,
                    number: found.collections.len() - 1,
                    anchors: anchored,
                    mapping: matches!(event, Event::MappingStart(..)),
                    key: None,
                });
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let closed = open.pop()?;
                (
                    (closed.start, span.end),
                    None,
                    closed.anchors,
                    Some(closed.number),
                )
            }
            Event::Scalar(value, ..) => (
                (span.start, span.end),
                Some(value.to_string()),
                anchored,
                None,
            ),
            Event::Alias(id) => {
                found.aliased.push(id);
                ((span.start, span.end), None, Vec::new(), None)
            }
            _ => continue,
        };
        let Some(parent) = open.last_mut() else {
            continue;
        };
        parent.anchors.extend_from_slice(&anchors);
        let (value, end) = node;
        let (start, key, item) = match (parent.mapping, parent.key.take()) {
            (true, None) => {
                parent.key = Some((value, scalar));
                continue;
            }
            (true, Some((start, key))) => (start, key, false),
            (false, _) => (value, None, true),
        };
        found.collections[parent.number].0 += 1;
        if let Some(inner) = inner {
            found.collections[inner].2 = Some(found.parts.len());
        }
        found.parts.push(Part {
            start,
            value,
            end,
            key,
            scalar,
            item,
            anchors,
            collection: parent.number,
        });
    }
    Some(found)
}

/// `text` with `part` blanked out: a list item's `-` before it and a `,`
/// after it (in `[a, b]` or `{a: 1, b: 2}`) too, every character a space
/// but line breaks, so that what follows keeps its line and column. `None`
/// if the parser gave no byte offsets.
fn blank(text: &str, part: &Part) -> Option<String> {
    let (start, end) = (part.start.byte_offset()?, part.end.byte_offset()?);
    let dash = text.get(..start)?.trim_end_matches([' ', '\t']);
    let start = match dash.strip_suffix('-') {
        Some(rest) if part.item && (rest.is_empty() || rest.ends_with([' ', '\t', '\n'])) => {
            rest.len()
        }
        _ => start,
    };
    let after = text.get(end..)?;
    let end = match after.trim_start_matches([' ', '\t']).strip_prefix(',') {
        Some(rest) => text.len() - rest.len(),
        None => end,
    };
    let spaces = text.get(start..end)?.chars().map(|c| match c {
        '\n' | '\r' => c,
        _ => ' ',
    });
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..start]);
    out.extend(spaces);
    out.push_str(&text[end..]);
    Some(out)
}

/// `text` with the key of `part` written as `meant`, then spaces to the
/// written key's width, so that what follows keeps its line and column
/// (`organisation: x` read as `org         : x`); a key narrower than
/// `meant` (`language:` for `languages:`) moves the rest of its line
/// right, by the [`Shift`] returned. `None` when the key is not written
/// as it reads (quoted), is no slip of `meant`, or its mapping has
/// `meant` already (a key given twice would be a problem of the
/// renaming's own).
fn rename(text: &str, part: &Part, meant: &str) -> Option<(String, Option<Shift>)> {
    // Not the key of a part widened to hold the slip (see [`Parts::whole`]).
    let key = (part.key.as_deref()).filter(|key| crate::diag::key_meant(key, [meant]).is_some())?;
    let start = part.start.byte_offset()?;
    let rest = text.get(start..)?.strip_prefix(key)?;
    let (written, wanted) = (key.chars().count(), meant.chars().count());
    let padding = written.saturating_sub(wanted);
    let (line, col) = place_of(part.start);
    let shift = (wanted > written).then(|| Shift {
        line,
        col: col + written,
        by: wanted - written,
    });
    let Parts { parts, .. } = parts(text)?;
    let has_meant =
        |other: &Part| other.collection == part.collection && other.key.as_deref() == Some(meant);
    if parts.iter().any(has_meant) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..start]);
    out.push_str(meant);
    out.extend(std::iter::repeat_n(' ', padding));
    out.push_str(rest);
    Some((out, shift))
}

/// Columns moved by reading a key as a longer one (see [`rename`]): on
/// `line`, what is written from column `col` on is read `by` columns
/// further right.
#[derive(Debug, Clone, Copy)]
struct Shift {
    /// The line (from 1).
    line: usize,
    /// The first column moved, as written (from 1).
    col: usize,
    /// How far it moved.
    by: usize,
}

/// Where `place` (line, column) of the text read after `shifts` (in the
/// order made) is written in the file; a place in a key's letters added
/// is at the key's end.
fn written_place(place: (usize, usize), shifts: &[Shift]) -> (usize, usize) {
    (shifts.iter().rev()).fold(place, |(line, col), shift| match line == shift.line {
        true if col >= shift.col + shift.by => (line, col - shift.by),
        true if col >= shift.col => (line, shift.col),
        _ => (line, col),
    })
}

/// The error `error` wraps, past the alias and the snippet it was found
/// in.
fn innermost(mut error: &serde_saphyr::Error) -> &serde_saphyr::Error {
    use serde_saphyr::Error as E;
    while let E::AliasError { error: inner, .. } | E::WithSnippet { error: inner, .. } = error {
        error = inner;
    }
    error
}

/// For an unknown key, the key of those allowed that it was meant to be.
fn meant_key(error: &serde_saphyr::Error) -> Option<String> {
    use serde_saphyr::Error as E;
    match innermost(error) {
        E::SerdeUnknownField {
            field, expected, ..
        } => crate::diag::key_meant(field, expected.iter().copied()).map(String::from),
        _ => None,
    }
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

/// A whole number written in digits that does not fit where it was
/// written is told as too large (`weight: 99999999999999999999`) or too
/// small (`weight: -99999999999999999999`), not as no whole number.
fn number_out_of_range(mut d: Diagnostic, file_text: &str) -> Diagnostic {
    if d.message != msg!("yaml-wrong-form", expected = msg!("yaml-kind-whole-number")) {
        return d;
    }
    let line = file_text.lines().nth(d.span.line.saturating_sub(1));
    let value: String = (line.unwrap_or("").chars())
        .skip(d.span.col.saturating_sub(1))
        .take_while(|c| !c.is_whitespace() && *c != '#' && *c != ',' && *c != ']' && *c != '}')
        .collect();
    let digits = value.strip_prefix(['-', '+']).unwrap_or(&value);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return d;
    }
    d.message = if value.starts_with('-') {
        msg!("yaml-number-too-small", value = value.as_str())
    } else {
        msg!("yaml-number-too-large", value = value.as_str())
    };
    d.with_hint(msg!("yaml-number-hint"))
}

/// A value of the wrong kind that YAML places at its key, a list written
/// in brackets (`count: [11]`, where a number belongs): the diagnostic
/// points at the value instead.
fn point_at_value(mut d: Diagnostic, about_a_value: bool, file_text: &str) -> Diagnostic {
    let line = file_text.lines().nth(d.span.line.saturating_sub(1));
    let rest: Vec<char> = (line.unwrap_or("").chars())
        .skip(d.span.col.saturating_sub(1))
        .collect();
    let key = (rest.iter())
        .take_while(|c| c.is_alphanumeric() || **c == '_' || **c == '-')
        .count();
    if !about_a_value || key == 0 || rest.get(key) != Some(&':') {
        return d;
    }
    let spaces = rest[key + 1..].iter().take_while(|c| **c == ' ').count();
    if spaces > 0 && rest.get(key + 1 + spaces) == Some(&'[') {
        d.span.col += key + 1 + spaces;
    }
    d
}

/// When YAML stopped at a tab (in an indentation, after a value, at the
/// start of a block of text), or at a syntax error on a line indented
/// with one (a tab is no indentation: the line reads as more of the line
/// before), the diagnostic points at the tab itself, the first at or after
/// where YAML stopped (which names the start of the value it was reading),
/// and says what to do.
fn point_at_tab(mut d: Diagnostic, message: &str, syntax: bool, file_text: &str) -> Diagnostic {
    // The parser's own words for a tab; serde's messages quote keys and
    // values, which may hold the word.
    let tab_words = [
        "tabs disallowed",
        "tab cannot be",
        "with a tab",
        "found a tab",
    ];
    let about_tabs = syntax && tab_words.iter().any(|w| message.contains(w));
    let line = file_text
        .lines()
        .nth(d.span.line.saturating_sub(1))
        .unwrap_or("");
    let indented_with_tab = line
        .chars()
        .take_while(|c| c.is_whitespace())
        .any(|c| c == '\t');
    if !(about_tabs || (syntax && indented_with_tab)) {
        return d;
    }
    if !about_tabs {
        // The tab of the indentation, not one further on.
        d.span.col = 1;
    }
    // On the line YAML names, at or after its column, else before it (the
    // indentation it stopped after); else on a line after it.
    let tabs_on = |index: usize, line: &str| {
        let columns = line.chars().enumerate().filter(|(_, c)| *c == '\t');
        columns
            .map(move |(col, _)| Span::new(index + 1, col + 1))
            .collect::<Vec<_>>()
    };
    let here = tabs_on(d.span.line.saturating_sub(1), line);
    let (before, after): (Vec<Span>, Vec<Span>) =
        here.into_iter().partition(|t| t.col < d.span.col);
    // Not into a page's body, after its front matter's closing `---`.
    let later = file_text.lines().enumerate().skip(d.span.line);
    let later = later.take_while(|(_, line)| line.trim_end() != "---");
    let mut tabs = (after.into_iter())
        .chain(before.last().copied())
        .chain(later.flat_map(|(index, line)| tabs_on(index, line)));
    if let Some(tab) = tabs.next() {
        d.span = tab;
        d.message = msg!("yaml-tab");
        d.hint = Some(msg!("yaml-tab-hint"));
    }
    d
}

/// When YAML found more text after a quoted value that it read across
/// lines, the quote that opened the value is one never closed on its own
/// line (YAML read on to the next quote): the diagnostic points at that
/// quote, not at the line where the value ended by chance.
fn point_at_unclosed_quote(mut d: Diagnostic, message: &str, file_text: &str) -> Diagnostic {
    let quote = match message {
        m if m.ends_with("trailing content after double-quoted scalar") => '"',
        m if m.ends_with("trailing content after single-quoted scalar") => '\'',
        _ => return d,
    };
    let Some(at) = offset_of(file_text, d.span) else {
        return d;
    };
    let before = file_text[..at].trim_end_matches([' ', '\t']);
    let Some(inside) = before.strip_suffix(quote) else {
        return d;
    };
    // The quote YAML took for the end opens a value of its own (after a
    // key, in a list): the value before it was never closed. Otherwise it
    // is an end, and the problem the text after it.
    let line_before = inside[inside.rfind('\n').map_or(0, |i| i + 1)..].trim_end();
    if !line_before.ends_with([':', '[', '{', ',', '-']) {
        return d;
    }
    let opening = match quote {
        '"' => opening_double_quote(inside),
        _ => opening_single_quote(inside),
    };
    let Some(opening) = opening else {
        return d;
    };
    let line = file_text[..opening].matches('\n').count() + 1;
    if line == d.span.line {
        return d;
    }
    let line_start = file_text[..opening].rfind('\n').map_or(0, |i| i + 1);
    let col = file_text[line_start..opening].chars().count() + 1;
    d.message = msg!(
        "yaml-quote-unclosed",
        quote = quote.to_string(),
        line = d.span.line.to_string()
    );
    d.hint = Some(msg!("yaml-quote-unclosed-hint", quote = quote.to_string()));
    d.span = Span::new(line, col);
    d
}

/// The diagnostic `d` of `slip` in the staff's words, placed where its
/// cause is written in `file_text` and with what to write instead; as it
/// is when what it names is not found there.
fn tell_slip(mut d: Diagnostic, slip: Slip, file_text: &str) -> Diagnostic {
    let Some(at) = offset_of(file_text, d.span) else {
        return d;
    };
    let line_start = file_text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = file_text[at..]
        .find('\n')
        .map_or(file_text.len(), |i| at + i);
    let line = file_text[line_start..line_end].trim_end();
    let at = at - line_start;
    let column = |byte: usize| line[..byte.min(line.len())].chars().count() + 1;
    let (message, hint, col) = match slip {
        Slip::AfterQuote(quote) => {
            // The quote YAML took for the end, before the text it found
            // after it, and the quote that opened the text, maybe lines
            // above.
            let Some(end) = line[..at.min(line.len())].trim_end().strip_suffix(quote) else {
                return d;
            };
            let end = end.len();
            let before = &file_text[..line_start + end];
            let opening = match quote {
                '"' => opening_double_quote(before),
                _ => opening_single_quote(before),
            };
            let Some(opening) = opening else {
                return d;
            };
            // The text as YAML reads it, its lines joined by spaces, after
            // what its first line has before it.
            let first_line = file_text[..opening].rfind('\n').map_or(0, |i| i + 1);
            let prefix = file_text[first_line..opening].trim_start();
            let value: Vec<&str> = file_text[opening..line_end]
                .lines()
                .map(str::trim)
                .collect();
            let joined = format!("{prefix}{}", value.join(" "));
            let quoted = single_quoted(&joined, prefix.len(), Some(quote));
            (
                msg!("yaml-quote-inside", quote = quote.to_string()),
                msg!("yaml-quote-inside-hint", quoted = quoted),
                column(end),
            )
        }
        Slip::UnknownAnchor => {
            let name: String = (line[at..].strip_prefix('*').unwrap_or_default().chars())
                .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']' | '{' | '}'))
                .collect();
            if name.is_empty() {
                return d;
            }
            let key = line[..at].trim_end().strip_suffix(':').map(str::trim);
            let key = key.map(|key| key.trim_start_matches("- ")).unwrap_or("key");
            (
                msg!("yaml-unknown-anchor", name = name.as_str()),
                msg!("yaml-unknown-anchor-hint", name = name.as_str(), key = key),
                column(at),
            )
        }
        Slip::QuoteNeverClosed => {
            let Some(quote) = line[at..]
                .chars()
                .next()
                .filter(|c| matches!(c, '"' | '\''))
            else {
                return d;
            };
            (
                msg!("yaml-quote-never-closed", quote = quote.to_string()),
                msg!("yaml-quote-unclosed-hint", quote = quote.to_string()),
                column(at),
            )
        }
        Slip::CannotStart => {
            let Some(c) = line[at..].chars().next() else {
                return d;
            };
            (
                msg!("yaml-cannot-start", char = c.to_string()),
                msg!(
                    "yaml-cannot-start-hint",
                    quoted = single_quoted(line, at, None)
                ),
                column(at),
            )
        }
        Slip::UnknownEscape => {
            // The first backslash after the opening quote that starts no
            // escape YAML knows.
            let mut chars = line[at..].char_indices().skip(1);
            let mut found = None;
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => match chars.next() {
                        Some((_, e)) if "0abt\tnvfre \"/\\N_LPxuU".contains(e) => {}
                        Some((_, e)) => {
                            found = Some((at + i, e));
                            break;
                        }
                        None => break,
                    },
                    '"' => break,
                    _ => {}
                }
            }
            let Some((slash, escaped)) = found else {
                return d;
            };
            (
                msg!("yaml-unknown-escape", escape = format!("\\{escaped}")),
                msg!(
                    "yaml-unknown-escape-hint",
                    quoted = single_quoted(line, at, Some('"'))
                ),
                column(slash),
            )
        }
        Slip::NoColon => (
            msg!("yaml-no-colon"),
            msg!("yaml-no-colon-hint"),
            column(at),
        ),
        Slip::NotAKey => (msg!("yaml-not-a-key"), msg!("yaml-hint-syntax"), column(at)),
        Slip::Colon => (msg!("yaml-colon"), msg!("yaml-hint-colon"), column(at)),
        Slip::StrayBracket => {
            let Some(c) = line[at..].chars().next().filter(|c| matches!(c, ']' | '}')) else {
                return d;
            };
            (
                msg!("yaml-stray-bracket", bracket = c.to_string()),
                msg!("yaml-stray-bracket-hint", bracket = c.to_string()),
                column(at),
            )
        }
    };
    d.message = message;
    d.hint = Some(hint);
    d.span = Span::new(d.span.line, col);
    d
}

/// The line `line` from its start to the end of the value that starts at
/// byte `at`, that value written in single quotes (a `'` in it written
/// twice): `title: 'Закон "О ЧП" и мы'`. A value in `quotes` loses them;
/// a comment after its last quote is left out.
fn single_quoted(line: &str, at: usize, quotes: Option<char>) -> String {
    let mut value = line[at..].trim_end();
    if let Some(quote) = quotes {
        value = value.strip_prefix(quote).unwrap_or(value);
        // Up to the last quote, when only a comment follows it.
        if let Some(last) = value.rfind(quote) {
            let after = value[last + 1..].trim_start();
            if after.is_empty() || after.starts_with('#') {
                value = &value[..last];
            }
        }
    }
    format!("{}'{}'", line[..at].trim_start(), value.replace('\'', "''"))
}

/// The byte offset of `span` (line and column in characters, from 1) in
/// `text`, if it is in it.
fn offset_of(text: &str, span: Span) -> Option<usize> {
    let line_start = if span.line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(span.line - 2)?.0 + 1
    };
    let line = &text[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let mut columns = line.char_indices().map(|(i, _)| i).chain([line.len()]);
    Some(line_start + columns.nth(span.col.checked_sub(1)?)?)
}

/// The offset of the quote that opens a double-quoted value whose text,
/// up to its closing quote, `before` ends with: the last `"` that no
/// backslash escapes.
fn opening_double_quote(before: &str) -> Option<usize> {
    let quotes = before.match_indices('"').map(|(i, _)| i).rev();
    let mut openings = quotes.filter(|&i| {
        let slashes = before[..i]
            .bytes()
            .rev()
            .take_while(|&b| b == b'\\')
            .count();
        slashes % 2 == 0
    });
    openings.next()
}

/// The offset of the quote that opens a single-quoted value whose text,
/// up to its closing quote, `before` ends with: the last `'` that is not
/// one of a pair (`''`, a quote within the text).
fn opening_single_quote(before: &str) -> Option<usize> {
    let bytes = before.as_bytes();
    let mut i = before.len();
    while let Some(quote) = before[..i].rfind('\'') {
        if quote > 0 && bytes[quote - 1] == b'\'' {
            i = quote - 1;
        } else {
            return Some(quote);
        }
    }
    None
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

/// What `error` says to the staff, in their language: a key unknown,
/// missing or given twice, a value of the wrong kind; else the parser's
/// own (English) `message`, introduced in their language.
fn words_of(error: &serde_saphyr::Error, message: &str) -> Message {
    use serde_saphyr::Error as E;
    let error = innermost(error);
    // The names allowed, and the one meant by `given`.
    let allowed = |given: &str, expected: &[&str]| {
        let guess = crate::diag::did_you_mean(given, expected.iter().copied());
        (expected.join(", "), guess)
    };
    match error {
        E::SerdeUnknownField {
            field, expected, ..
        } => {
            // A key may be a word staff write for another (`organisation`
            // for `org`), too far from it to be a slip.
            let known = expected.join(", ");
            let guess = crate::diag::did_you_mean_key(field, expected.iter().copied());
            msg!(
                "yaml-unknown-key",
                key = field.as_str(),
                known = known,
                guess = guess
            )
        }
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let (known, guess) = allowed(variant, expected);
            msg!(
                "yaml-unknown-value",
                value = variant.as_str(),
                known = known,
                guess = guess
            )
        }
        E::SerdeMissingField { field, .. } => msg!("yaml-missing-key", key = *field),
        E::MultipleDocuments { .. } => msg!("yaml-second-document"),
        // The parser's end of input: a file of nothing but comments.
        E::Eof { .. } => msg!("yaml-empty"),
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => msg!("yaml-aliases-too-much"),
        E::NonFiniteFloat { value, .. } => msg!("yaml-not-a-figure", value = value.as_str()),
        E::Budget {
            breach: serde_saphyr::budget::BudgetBreach::Depth { .. },
            ..
        } => msg!("yaml-too-deep"),
        E::DuplicateMappingKey { key: Some(key), .. } => {
            msg!("yaml-repeated-key", key = key.as_str())
        }
        E::InvalidBooleanStrict { .. } => {
            msg!("yaml-wrong-form", expected = msg!("yaml-kind-boolean"))
        }
        E::NullIntoString { .. } => msg!(
            "yaml-wrong-kind",
            expected = msg!("yaml-kind-text"),
            found = msg!("yaml-kind-empty")
        ),
        // An enum's value given as a list or a mapping: its words are not
        // at hand, the form is.
        E::ExternallyTaggedEnumExpectedScalarOrMapping { .. }
        | E::ExpectedStringKeyForExternallyTaggedEnum { .. }
        | E::UnexpectedValueForUnitEnumVariant { .. } => {
            msg!("yaml-wrong-form", expected = msg!("yaml-kind-single"))
        }
        // The one untagged enum read from YAML (serde names it in words).
        E::Message { msg, .. } if msg.contains("untagged enum UiString") => {
            msg!("yaml-wrong-form", expected = msg!("yaml-kind-ui-string"))
        }
        E::InvalidScalar { ty: expected, .. } | E::Unexpected { expected, .. } => {
            match kind_named(expected) {
                Some(expected) => msg!("yaml-wrong-form", expected = expected),
                None => msg!("yaml-unreadable", error = message),
            }
        }
        E::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | E::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => match (kind_named(expected), kind_named(unexpected)) {
            (Some(expected), Some(found)) if expected != found => {
                msg!("yaml-wrong-kind", expected = expected, found = found)
            }
            (Some(expected), None) => msg!("yaml-wrong-form", expected = expected),
            _ => msg!("yaml-unreadable", error = message),
        },
        _ => msg!("yaml-unreadable", error = message),
    }
}

/// The kind of value serde names in `words` ("a string", "u32",
/// "struct Front", "integer `5`", "unit value"; the parser's "string
/// scalar", which it says of any single value a list or mapping stands
/// for), in the staff's words; `None` for a kind the staff never write.
fn kind_named(words: &str) -> Option<Message> {
    if words.ends_with("scalar") {
        return Some(msg!("yaml-kind-single"));
    }
    let words = words.strip_prefix("a ").unwrap_or(words);
    let first = words.split([' ', '`']).next().unwrap_or(words);
    let whole_number = ["i8", "i16", "i32", "i64", "i128", "isize"]
        .iter()
        .chain(&["u8", "u16", "u32", "u64", "u128", "usize"])
        .any(|t| *t == first);
    Some(match first {
        _ if whole_number => msg!("yaml-kind-whole-number"),
        // "a whole number": a count's own word (`RawCount`).
        "whole" | "integer" => msg!("yaml-kind-whole-number"),
        "f32" | "f64" | "floating" => msg!("yaml-kind-number"),
        "string" | "borrowed" | "character" | "char" => msg!("yaml-kind-text"),
        "sequence" | "tuple" => msg!("yaml-kind-list"),
        // "mapping start": the parser's word for a file of `key: value`.
        "map" | "mapping" | "struct" => msg!("yaml-kind-mapping"),
        "boolean" | "bool" => msg!("yaml-kind-boolean"),
        "unit" | "null" | "Option" => msg!("yaml-kind-empty"),
        _ => return None,
    })
}

/// A hint for the common YAML mistakes of people who are not programmers:
/// by serde-saphyr's `message`, the staff's `words` for it (a value of the
/// wrong form is told how to write the kind expected) and whether it is a
/// `syntax` error (never told to write a value of another type).
fn hint_for(message: &str, words: &Message, syntax: bool) -> Message {
    if syntax {
        return msg!("yaml-hint-syntax");
    }
    if message.starts_with("unknown field") {
        msg!("yaml-hint-unknown-field")
    } else if message.starts_with("unknown variant") {
        msg!("yaml-hint-unknown-value")
    } else if message.starts_with("missing field") {
        msg!("yaml-hint-missing-field")
    } else if message.starts_with("duplicate mapping key") {
        msg!("yaml-hint-duplicate")
    } else if message.starts_with("multiple YAML documents") {
        msg!("yaml-hint-second-document")
    } else if message.contains("breached: Depth") {
        msg!("yaml-hint-depth")
    } else if message.contains("budget") || message.contains("alias") {
        msg!("yaml-hint-alias")
    } else if (message.starts_with("expected") && message.ends_with("scalar"))
        // A list or mapping where one value (a count) belongs.
        || message.starts_with("invalid type: sequence")
        || message.starts_with("invalid type: map")
        || message.contains("externally tagged enum")
        || message.starts_with("unexpected value for unit enum")
    {
        msg!("yaml-hint-single")
    } else if message.starts_with("cannot deserialize null") {
        msg!("yaml-hint-empty")
    } else if message.starts_with("invalid boolean") {
        msg!("yaml-hint-bool")
    } else if message.starts_with("expected sequence") {
        msg!("yaml-hint-list")
    } else if ["invalid", "expected"]
        .iter()
        .any(|start| message.starts_with(start))
        || message.contains("untagged enum")
    {
        match words.arg("expected") {
            Some(Arg::Message(kind)) if *kind == msg!("yaml-kind-whole-number") => {
                msg!("yaml-hint-whole-number")
            }
            Some(Arg::Message(kind)) if *kind == msg!("yaml-kind-number") => {
                msg!("yaml-hint-number")
            }
            Some(Arg::Message(kind)) if *kind == msg!("yaml-kind-mapping") => {
                msg!("yaml-hint-mapping")
            }
            _ => msg!("yaml-hint-type"),
        }
    } else {
        msg!("yaml-hint-syntax")
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::messages::Lang;

    /// `text` as a map, or its first problem.
    fn parse_map(text: &str) -> Result<BTreeMap<String, serde_json::Value>, Diagnostic> {
        parse(Path::new("a.yaml"), text, 0, text).map_err(first)
    }

    fn first(problems: Diagnostics) -> Diagnostic {
        problems.into_iter().next().expect("a problem")
    }

    #[test]
    fn messages_give_no_advice_to_programmers() {
        #[derive(serde::Deserialize, Debug)]
        struct Front {
            #[allow(dead_code)]
            date: String,
        }
        let text = "date: 2020-04-01\ndate: 2020-04-02\n";
        let twice = first(parse::<Front>(Path::new("a.md"), text, 0, text).unwrap_err());
        let message = twice.message.in_lang(Lang::En);
        assert!(message.contains("given twice"), "{message}");
        assert!(!message.contains("Options"), "{message}");
        assert_eq!(
            without_library_advice("non-finite float .nan rejected by the configured policy"),
            "non-finite float .nan"
        );
        let quoted = "invalid value: string \"Bread, set of 3\", expected a number";
        assert_eq!(without_library_advice(quoted), quoted);
    }

    #[test]
    fn problems_are_told_in_the_staff_language() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Front {
            title: String,
            weight: Option<i64>,
            draft: Option<bool>,
            aliases: Option<Vec<String>>,
        }
        let cases = [
            (
                "title: a\ntitel: b\n",
                ["неизвестный ключ `titel`", "`titel` деген кілт жоқ"],
            ),
            (
                "weight: 1\n",
                ["нет обязательного ключа `title`", "міндетті `title` кілті"],
            ),
            (
                "title: a\ntitle: b\n",
                ["ключ `title` указан дважды", "`title` кілті екі рет"],
            ),
            (
                "title: a\nweight: abc\n",
                [
                    "ожидается целое число; это значение",
                    "бүтін сан керек, ал бұл мән",
                ],
            ),
            ("title: [a]\n", ["ожидается одно значение", "жалғыз мән"]),
            (
                "title: a\ndraft: [true]\n",
                ["ожидается одно значение", "жалғыз мән"],
            ),
            (
                "title:\n",
                [
                    "ожидается текст, а не пустое значение",
                    "мәтін керек, ал жазылғаны — бос мән",
                ],
            ),
            (
                "title: a\ndraft: maybe\n",
                ["`true` или `false`", "`true` не `false`"],
            ),
            (
                "title: a\naliases: /old/\n",
                ["ожидается список", "тізім керек"],
            ),
        ];
        for (text, [ru, kk]) in cases {
            let problem = first(parse::<Front>(Path::new("a.md"), text, 0, text).unwrap_err());
            for (lang, words) in [(Lang::Ru, ru), (Lang::Kk, kk)] {
                let message = problem.message.in_lang(lang);
                assert!(message.contains(words), "{text:?}: {message} lacks {words}");
                for english in ["field", "expected", "invalid", "mapping", "sequence"] {
                    assert!(!message.contains(english), "{text:?}: {message}");
                }
            }
        }
        // A parser's own words are quoted after the staff's.
        let text = "%YAML 2.0\n---\ntitle: a\n";
        let problem = first(parse::<Front>(Path::new("a.md"), text, 0, text).unwrap_err());
        let message = problem.message.in_lang(Lang::Ru);
        assert!(message.starts_with("это место не читается: "), "{message}");
        assert_eq!(problem.hint, Some(msg!("yaml-hint-syntax")));
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

    /// A number that is no figure is told how to write one, not to fix
    /// the syntax.
    #[test]
    fn a_number_that_is_no_figure_is_told_how_to_write_one() {
        for value in [".nan", ".inf", "-.Inf", "1e999"] {
            let error = parse_map(&format!("a: {value}\n")).expect_err(value);
            let message = error.message.in_lang(Lang::En);
            assert!(
                message.ends_with("is no figure: write the number in digits"),
                "{message}"
            );
            assert_eq!(error.hint, Some(msg!("yaml-hint-number")), "{value}");
        }
    }

    /// Nesting beyond the budget's depth says so, not that aliases expand.
    #[test]
    fn too_deep_a_nesting_is_named() {
        let text = format!("a: {}1{}\n", "[".repeat(70), "]".repeat(70));
        let error = parse_map(&text).expect_err("too deep");
        assert_eq!(error.message, msg!("yaml-too-deep"));
        assert_eq!(error.hint, Some(msg!("yaml-hint-depth")));
    }

    /// A page's front matter, as far as these tests need it.
    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Front {
        title: String,
        weight: Option<i64>,
        draft: Option<bool>,
    }

    /// The (line, column) and English message of each problem of `text`.
    fn problems<T: DeserializeOwned + std::fmt::Debug>(text: &str) -> Vec<(usize, usize, String)> {
        let found = parse::<T>(Path::new("a.yaml"), text, 0, text).expect_err(text);
        (found.into_iter())
            .map(|d| (d.span.line, d.span.col, d.message.in_lang(Lang::En)))
            .collect()
    }

    /// Each problem's place, and a word its message must hold.
    fn assert_problems<T: DeserializeOwned + std::fmt::Debug>(
        text: &str,
        expected: &[(usize, usize, &str)],
    ) {
        let found = problems::<T>(text);
        let places: Vec<(usize, usize)> = found.iter().map(|p| (p.0, p.1)).collect();
        let wanted: Vec<(usize, usize)> = expected.iter().map(|e| (e.0, e.1)).collect();
        assert_eq!(places, wanted, "{text}\n{found:#?}");
        for ((.., message), (.., word)) in found.iter().zip(expected) {
            assert!(message.contains(word), "{message} lacks {word}");
        }
    }

    /// A first key whose colon was left out makes the whole file one
    /// text: told as the missing colon, not as a file of the wrong form; a
    /// word alone where a mapping belongs is still told so (a line of
    /// words is taken for a key and its value).
    #[test]
    fn a_first_key_without_its_colon_is_told_so() {
        assert_problems::<Front>(
            "title Карантин\nweight: 2\n",
            &[(1, 1, "has no `: ` after its key")],
        );
        assert_problems::<Front>("Карантин\n", &[(1, 1, "should be a mapping")]);
        assert_problems::<Front>("Карантин жабылды\n", &[(1, 1, "has no `: `")]);
    }

    #[test]
    fn every_problem_of_a_file_is_reported_where_it_is() {
        let text = "title: Карантин\nweight: abc\nbogus: 1\ndraft: maybe\ntitle: Қайта\n";
        assert_problems::<Front>(
            text,
            &[
                (2, 9, "a whole number"),
                (3, 1, "unknown key `bogus`"),
                (4, 8, "`true` or `false`"),
                (5, 1, "given twice"),
            ],
        );
        // In flow style, with letters of two bytes before the problems.
        let text = "{title: Сәлем әлем, weight: x, draft: maybe}\n";
        assert_problems::<Front>(
            text,
            &[(1, 29, "a whole number"), (1, 39, "`true` or `false`")],
        );
        // A file that reads after its problems are left out is not checked further.
        let text = "title: ok\nweight: [1]\n";
        assert_problems::<Front>(text, &[(2, 9, "")]);
    }

    #[test]
    fn every_item_of_a_list_that_fails_is_reported() {
        let text = "- {title: a, weight: x}\n- oops\n- title: c\n  bogus: 1\n- {title: d}\n- [1]\n";
        assert_problems::<Vec<Front>>(
            text,
            &[
                (1, 22, "a whole number"),
                (2, 3, ""),
                (4, 3, "unknown key `bogus`"),
                (6, 3, ""),
            ],
        );
        let items = "- {title: a, weight: x}\n".repeat(MAX_PROBLEMS * 2);
        assert_eq!(problems::<Vec<Front>>(&items).len(), MAX_PROBLEMS);
    }

    /// What blanking a part out makes (its field missing, a problem at the
    /// same place) is not reported; a field missing from the file is.
    #[test]
    fn no_problem_is_made_by_leaving_parts_out() {
        assert_problems::<Front>(
            "title: [a]\nweight: x\n",
            &[(1, 8, ""), (2, 9, "a whole number")],
        );
        assert_problems::<Front>("weight: x\n", &[(1, 9, "a whole number")]);
        let untitled = "weight: 1\ndraft: true\n";
        assert_problems::<Front>(untitled, &[(1, 1, "key `title` is missing")]);
        let records = "- {title: a}\n- {weight: 1, draft: true}\n- {weight: 2}\n- {draft: x}\n";
        assert_problems::<Vec<Front>>(
            records,
            &[
                (2, 4, "key `title` is missing"),
                (3, 4, "key `title` is missing"),
                (4, 11, "`true` or `false`"),
                (4, 3, "key `title` is missing"),
            ],
        );
        let records = "- {weight: x}\n- {title: b, draft: 1}\n";
        assert_problems::<Vec<Front>>(
            records,
            &[
                (1, 12, "a whole number"),
                (1, 3, "key `title` is missing"),
                (2, 21, "`true` or `false`"),
            ],
        );
    }

    /// Lines of front matter and of lists, right and wrong, in any order.
    const FRAGMENTS: &[&str] = &[
        "title: a\n",
        "title: Сәлем, әлем\n",
        "weight: x\n",
        "weight: 2\n",
        "draft: maybe\n",
        "bogus: 1\n",
        "title:\n",
        "  - x\n",
        "- oops\n",
        "- {title: ә, weight: y}\n",
        "- title: b\n",
        "  draft: [1]\n",
        "- - 1\n",
        "{title: c, draft: no, weight: [}\n",
        "[a, {title: d}]\n",
        "k: &a [1]\n",
        "m: *a\n",
        "# note\n",
        ",\n",
        "\n",
    ];

    proptest::proptest! {
        /// Whatever a file holds, reading it gives its value or its
        /// problems, never a panic: the first as serde-saphyr alone finds
        /// it, each at a place of its own, at most [`MAX_PROBLEMS`].
        #[test]
        fn any_text_gives_a_value_or_its_problems(
            picked in proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..10)
        ) {
            let text = picked.concat();
            for found in [
                parse::<Front>(Path::new("a.md"), &text, 0, &text).map(|_| ()),
                parse::<Vec<Front>>(Path::new("a.yaml"), &text, 0, &text).map(|_| ()),
            ] {
                let Err(problems) = found else { continue };
                let places: Vec<Span> = problems.iter().map(|d| d.span).collect();
                proptest::prop_assert!((1..=MAX_PROBLEMS).contains(&places.len()));
                let distinct: std::collections::HashSet<&Span> = places.iter().collect();
                proptest::prop_assert_eq!(distinct.len(), places.len(), "{:?}", places);
            }
            if let (Err(problems), Err(alone)) = (
                parse::<Front>(Path::new("a.md"), &text, 0, &text),
                deserialize::<Front>(&text),
            ) {
                let first = problems.iter().next().expect("a problem");
                let place = alone.location().map(|l| (l.line() as usize, l.column() as usize));
                let (line, col) = place.unwrap_or((1, 1));
                // Or at the value on the line of the key it names.
                let at = Diagnostic::error(Path::new("a.md"), Span::new(line, col), msg!("yaml-hint-type"));
                let value = point_at_value(at, true, &text).span;
                proptest::prop_assert!(
                    first.span == Span::new(line, col) || first.span == value,
                    "{:?} for {:?}", first.span, place
                );
            }
        }
    }

    /// A list in brackets where a count belongs is reported at the list,
    /// not at its key (serde-saphyr's place for a value its visitor
    /// refuses); a mapping is at the mapping already.
    #[test]
    fn a_value_of_the_wrong_kind_is_reported_at_the_value() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Counted {
            count: Spanned<crate::load::RawCount>,
        }
        let text = "- count: [11]\n- count:   [1, 2]\n- count: {a: 1}\n";
        let at = [
            (1, 10, "not a list"),
            (2, 12, "not a list"),
            (3, 10, "not a mapping"),
        ];
        assert_problems::<Vec<Counted>>(text, &at);
        // What to do: one value, without the brackets (not quotes).
        let Err(problems) = parse::<Vec<Counted>>(Path::new("a.yaml"), text, 0, text) else {
            panic!("no problems in {text}");
        };
        for problem in problems.iter() {
            assert_eq!(problem.hint, Some(msg!("yaml-hint-single")), "{problem:?}");
        }
    }

    /// In a file with a syntax error nothing after the first problem can
    /// be read for sure: its first problem is the one reported.
    #[test]
    fn a_syntax_error_ends_the_search() {
        let text = "title: a\nweight: x\nbogus: 1\ndraft: [\n";
        assert_problems::<Front>(text, &[(2, 9, "a whole number")]);
        assert_problems::<Front>("title: a: b\nweight: x\n", &[(1, 9, "no key can be")]);
        assert_problems::<Front>(
            "title: [Карантин\nweight: 2\n",
            &[(1, 8, "should be a single value")],
        );
    }

    /// Left out, a part that defines an anchor would leave its aliases
    /// without one, and a part alone in its mapping would leave it empty:
    /// neither is reported as the file's problem.
    #[test]
    fn leaving_out_makes_no_problem_of_anchors_nor_of_empty_values() {
        let text = "- {title: &t [x], weight: 1}\n- {title: *t, weight: y}\n";
        assert_problems::<Vec<Front>>(text, &[(1, 14, "should be a single value")]);
        // An anchor no alias uses is no reason to stop.
        let text = "- {title: &t [x], weight: 1}\n- {title: z, weight: y}\n";
        assert_problems::<Vec<Front>>(
            text,
            &[
                (1, 14, "should be a single value"),
                (2, 22, "a whole number"),
            ],
        );
        let text = "a:\n  titel: x\nb:\n  title: y\n  weight: z\n";
        assert_problems::<BTreeMap<String, Front>>(
            text,
            &[(2, 3, "unknown key `titel`"), (5, 11, "a whole number")],
        );
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
        let error = parse_map(&text).expect_err("an alias bomb must fail");
        assert_eq!(error.hint, Some(msg!("yaml-hint-alias")));
        assert_eq!(error.message, msg!("yaml-aliases-too-much"));
    }

    /// The parser's words meant for programmers (`from_str_multiple`) are
    /// not shown: the staff's are.
    #[test]
    fn a_second_document_is_told_in_the_staffs_words() {
        let second = parse_map("a: 1\n---\nb: 2\n").expect_err("two documents");
        assert_eq!(second.message, msg!("yaml-second-document"));
        assert_eq!(second.hint, Some(msg!("yaml-hint-second-document")));
    }

    /// A whole number past the key's range is told as too large, in its
    /// flow form too; one with a fraction is still no whole number.
    #[test]
    fn a_whole_number_out_of_range_is_told_as_such() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Front {
            weight: i64,
        }
        let read =
            |text: &str| first(parse::<Front>(Path::new("a.md"), text, 0, text).unwrap_err());
        for (text, message) in [
            (
                "weight: 99999999999999999999\n",
                msg!("yaml-number-too-large", value = "99999999999999999999"),
            ),
            (
                "weight: -99999999999999999999 # no\n",
                msg!("yaml-number-too-small", value = "-99999999999999999999"),
            ),
            (
                "{weight: 99999999999999999999}\n",
                msg!("yaml-number-too-large", value = "99999999999999999999"),
            ),
        ] {
            let error = read(text);
            assert_eq!(error.message, message, "{text}");
            assert_eq!(error.hint, Some(msg!("yaml-number-hint")), "{text}");
        }
        let fraction = read("weight: 2.5\n");
        let no_whole = msg!("yaml-wrong-form", expected = msg!("yaml-kind-whole-number"));
        assert_eq!(fraction.message, no_whole);
    }

    #[test]
    fn a_tab_is_reported_where_it_is_not_where_the_value_it_ends_starts() {
        // In a line's indentation, after a value read on from the line
        // before, and inside a nested map.
        for text in [
            "title: Карантин\n\tweight: 1\n",
            "title: Карантин\n \tweight: 1\n",
            "title: Карантин\nmenu:\n  name: x\n\t weight: 1\n",
            "title: Карантин\nmenu:\n\tname: x\n",
            "menu:\n  name: x\n\tweight: 1\n",
        ] {
            let found = problems::<serde_json::Value>(text);
            let tab = text.lines().position(|l| l.contains('\t')).expect("a tab") + 1;
            let col = text
                .lines()
                .nth(tab - 1)
                .and_then(|l| l.find('\t'))
                .expect("a tab")
                + 1;
            assert_eq!((found[0].0, found[0].1), (tab, col), "{text:?}: {found:?}");
            assert!(found[0].2.contains("a tab character"), "{found:?}");
        }
    }

    #[test]
    fn a_key_or_value_named_tab_is_no_tab() {
        let found = problems::<Front>("title: \"a\tb\"\ntab: 1\n");
        assert_eq!((found[0].0, found[0].1), (2, 1), "{found:?}");
        assert!(found[0].2.contains("unknown key `tab`"), "{found:?}");
    }

    #[test]
    fn a_quote_never_closed_is_reported_where_it_opens() {
        // Double quotes, in flow and block style, with an escaped quote and
        // letters of two bytes before it; single quotes with a doubled one.
        let cases = [
            (
                "a: { kk: \"Әлеуметтік көмек\", ru: \"Социальная }\nb: { kk: \"Азық\" }\n",
                (1, 34),
            ),
            ("- a: \"Тұрғын \\\" үй\n  b: \"x\"\n", (1, 6)),
            ("- a: 'Тұрғын''ға\n  b: 'x'\n", (1, 6)),
        ];
        for (text, opening) in cases {
            let found = problems::<serde_json::Value>(text);
            assert_eq!((found[0].0, found[0].1), opening, "{text:?}: {found:?}");
            assert!(found[0].2.contains("not closed on this line"), "{found:?}");
            assert!(found[0].2.contains("on line 2"), "{found:?}");
        }
        // A value closed, on its line or a later one, that has more after
        // it is reported at the quote that ends it, the text it makes given
        // in single quotes.
        let text = "a: \"x\" y\n";
        let found = parse_map(text).expect_err(text);
        assert_eq!(found.span, Span::new(1, 6), "{found:?}");
        let said = found.message.in_lang(Lang::En);
        assert!(said.contains("ends the text in quotes"), "{said}");
        let hint = found.hint.expect("a hint").in_lang(Lang::En);
        assert!(hint.ends_with("`a: 'x\" y'`"), "{hint}");
        let text = "a: \"Ұзын\n  мәтін\" y\n";
        let found = parse_map(text).expect_err(text);
        assert_eq!(found.span, Span::new(2, 8), "{found:?}");
        let hint = found.hint.expect("a hint").in_lang(Lang::En);
        assert!(hint.ends_with("`a: 'Ұзын мәтін\" y'`"), "{hint}");
    }

    #[test]
    fn a_yes_or_no_in_words_and_a_list_of_one_written_bare_are_hinted_at_and_read_past() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Page {
            draft: Option<bool>,
            aliases: Option<Vec<String>>,
            weight: Option<i64>,
        }
        let text = "draft: нет\naliases: /old-page/\nweight: x\n";
        let found = parse::<Page>(Path::new("a.md"), text, 0, text).expect_err(text);
        let hints: Vec<_> = found.into_iter().map(|d| (d.span.line, d.hint)).collect();
        let expected = [
            (1, Some(msg!("yaml-hint-bool"))),
            (2, Some(msg!("yaml-hint-list"))),
            (3, Some(msg!("yaml-hint-whole-number"))),
        ];
        assert_eq!(hints, expected);
        // YAML 1.1's words for true and false are not taken for them.
        for word in ["yes", "no", "on", "off", "y"] {
            let text = format!("draft: {word}\n");
            let found = parse::<Page>(Path::new("a.md"), &text, 0, &text).expect_err(&text);
            let hints: Vec<_> = found.into_iter().map(|d| (d.span, d.hint)).collect();
            assert_eq!(
                hints,
                [(Span::new(1, 8), Some(msg!("yaml-hint-bool")))],
                "{text}"
            );
        }
    }

    #[test]
    fn a_required_key_misspelt_is_one_problem_not_two() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Config {
            default_language: String,
            title: String,
        }
        let text = "default_langauge: kk\ntitle: x\n";
        assert_problems::<Config>(text, &[(1, 1, "did you mean `default_language`")]);
    }

    /// A key written for another (a slip, or a word for it) is read as the
    /// key meant: its value is read too, and the problems after it are
    /// found in the same reading, not once it is mended.
    #[test]
    fn a_key_written_for_another_is_read_as_the_key_meant() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Record {
            org: String,
            count: u32,
        }
        let text = "- organisation: a\n  count: 1\n- org: b\n  count: many\n";
        assert_problems::<Vec<Record>>(
            text,
            &[
                (1, 3, "did you mean `org`"),
                (4, 10, "should be a whole number"),
            ],
        );
        // The value under the key meant is read, and checked.
        let text = "- organisation: [a]\n  count: 1\n- org: b\n  count: 2\n";
        assert_problems::<Vec<Record>>(text, &[(1, 3, "did you mean `org`"), (1, 17, "")]);
        // With the key meant given too, the slip is left out, as before.
        let text = "- organisation: a\n  org: a\n  count: 1\n- org: b\n  count: x\n";
        assert_problems::<Vec<Record>>(text, &[(1, 3, "did you mean `org`"), (5, 10, "")]);
        let read: (Option<Vec<Record>>, _) = parse_recovering(
            Path::new("a.yaml"),
            "- organisation: a\n  count: 1\n",
            0,
            "",
        );
        assert_eq!(read.0.map(|r| r[0].org.clone()).as_deref(), Some("a"));
    }

    /// A required value of the wrong type, left out, would leave its key
    /// missing: the part that holds it (its record) is left out instead,
    /// and the rest is read, problems and all.
    #[test]
    fn a_required_value_of_the_wrong_type_leaves_its_record_out() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        struct Record {
            org: String,
            count: Option<u32>,
        }
        let text = "- org: [a]\n  count: 1\n- org: b\n  count: many\n- org: c\n";
        assert_problems::<Vec<Record>>(
            text,
            &[(1, 8, "single value"), (4, 10, "should be a whole number")],
        );
        let text = "- org: [a]\n  count: 1\n- org: b\n  count: 2\n- org: c\n";
        let (read, problems) = parse_recovering::<Vec<Record>>(Path::new("a.yaml"), text, 0, "");
        assert_eq!(problems.iter().len(), 1);
        let read = read.expect("read without the first record");
        let orgs: Vec<(&str, Option<u32>)> =
            (read.iter()).map(|r| (r.org.as_str(), r.count)).collect();
        assert_eq!(orgs, [("b", Some(2)), ("c", None)]);
        // Nested deeper, the holder of the holder is left out in turn.
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Outer {
            id: String,
            inner: Inner,
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Inner {
            name: String,
        }
        let text = "- id: a\n  inner:\n    name: [x]\n- id: b\n  inner:\n    name: y\n";
        let (read, problems) = parse_recovering::<Vec<Outer>>(Path::new("a.yaml"), text, 0, "");
        assert_eq!(problems.iter().len(), 1);
        assert_eq!(read.map(|r| r.len()), Some(1));
        // At the top, nothing holds it: nothing is read, though the other
        // problems are found.
        let text = "org: [a]\ncount: many\n";
        let (read, problems) = parse_recovering::<Record>(Path::new("a.yaml"), text, 0, "");
        assert!(read.is_none());
        assert_eq!(problems.iter().len(), 2);
    }

    #[test]
    fn the_items_at_the_top_start_where_their_key_or_item_does_with_their_keys() {
        let lines = |text: &str| {
            top_items(text)
                .iter()
                .map(|item| item.line)
                .collect::<Vec<_>>()
        };
        let keys = |text: &str| top_items(text).into_iter().filter_map(|item| item.key);
        assert_eq!(lines("a: 1\nb:\n  c: 2\n\nd: [3]\n"), [1, 2, 5]);
        assert_eq!(lines("# x\n- id: a\n  n: 1\n- id: b\n"), [2, 4]);
        assert!(lines("a: [").is_empty());
        let found: Vec<String> = keys("a: 1\nb:\n  c: 2\n\"d e\": [3]\n").collect();
        assert_eq!(found, ["a", "b", "d e"]);
        assert_eq!(keys("- id: a\n").count(), 0);
    }
}
