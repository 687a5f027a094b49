//! Diagnostics: problems an author can fix, each with a file, a position and
//! a hint.
//!
//! Every stage returns what it could build and collects the problems it found
//! in [`Diagnostics`] instead of stopping at the first problem, so `check` and
//! `build` report everything at once. A diagnostic prints as
//! `path:line:col: error: message`, then the offending source line when it is
//! known, then `help: hint`.

/// `eprintln!` that never panics: a line that cannot be written to stderr
/// (its reader gone: `aqparat check 2>&1 | head -1`) is dropped, and the
/// run goes on to its end and its exit code. Control characters in it (a
/// path's given on the command line, `--output $'\e[2J'`) are shown as
/// `�` (see [`printable_lines`]).
#[macro_export]
macro_rules! tell {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let line = format!($($arg)*);
        let _ = writeln!(std::io::stderr(), "{}", $crate::diag::printable_lines(&line));
    }};
}

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
    /// For many positions in one text, index it once with [`Lines`].
    pub fn at_offset(text: &str, offset: usize, line_offset: usize) -> Span {
        Lines::new(text, line_offset).span(offset)
    }
}

/// A text's lines, found at the first question (most pages are never
/// asked one): the spans and quotes of many places in it (a page's links,
/// a data file's errors) then cost a binary search each, not a count from
/// the text's start, which made a page of 20,000 links take time and
/// memory that grew with their square.
pub struct Lines<'a> {
    text: &'a str,
    /// Where each line starts, in bytes.
    starts: std::cell::OnceCell<Vec<usize>>,
    line_offset: usize,
    /// The last place [`Lines::span`] counted a column to, and that
    /// column: places asked in order along one long line are counted from
    /// there, not each from the line's start.
    last: std::cell::Cell<(usize, usize)>,
    /// The same for [`Lines::at`]: the line, column and byte in the line
    /// last found.
    last_at: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> Lines<'a> {
    /// The lines of `text`, which starts `line_offset` lines down its file.
    pub fn new(text: &'a str, line_offset: usize) -> Lines<'a> {
        Lines {
            text,
            starts: std::cell::OnceCell::new(),
            line_offset,
            last: std::cell::Cell::new((0, 1)),
            last_at: std::cell::Cell::new((usize::MAX, 1, 0)),
        }
    }

    fn starts(&self) -> &[usize] {
        self.starts.get_or_init(|| {
            let newlines = memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1);
            std::iter::once(0).chain(newlines).collect()
        })
    }

    /// `offset` moved back to a character's start, and the index of its
    /// line.
    fn locate(&self, offset: usize) -> (usize, usize) {
        let text = self.text;
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        (offset, self.starts().partition_point(|&s| s <= offset) - 1)
    }

    /// The position of byte `offset`.
    pub fn span(&self, offset: usize) -> Span {
        let (offset, line) = self.locate(offset);
        let start = self.starts()[line];
        let (last, last_col) = self.last.get();
        let col = match (start..=offset).contains(&last) {
            true => last_col + self.text[last..offset].chars().count(),
            false => self.text[start..offset].chars().count() + 1,
        };
        self.last.set((offset, col));
        Span::new(line + 1 + self.line_offset, col)
    }

    /// The text of line `index` (from 0 in the text) and where it starts,
    /// without its end (`\n`, `\r\n`); none after the text's last line
    /// break, nor in an empty text, as [`str::lines`] has none.
    fn nth(&self, index: usize) -> Option<(&'a str, usize)> {
        let starts = self.starts();
        let start = *starts.get(index)?;
        if start == self.text.len() {
            return None;
        }
        let end = starts.get(index + 1).map_or(self.text.len(), |&s| s - 1);
        let line = &self.text[start..end];
        Some((line.strip_suffix('\r').unwrap_or(line), start))
    }

    /// What a diagnostic quotes of the line that holds byte `offset`.
    pub fn quote(&self, offset: usize) -> Quote {
        let (offset, index) = self.locate(offset);
        let (line, start) = self.nth(index).unwrap_or_default();
        Quote::of(line, offset - start)
    }

    /// Line `span.line` (counted in the file, as spans are) and the byte
    /// of it at the span's column (its end, for a column beyond it), if
    /// the text has that line. Columns asked in order along one line are
    /// counted on from the last one.
    pub fn at(&self, span: Span) -> Option<(&'a str, usize)> {
        let index = span.line.checked_sub(1 + self.line_offset)?;
        let (line, _) = self.nth(index)?;
        let col = span.col.max(1);
        let (from_col, from) = match self.last_at.get() {
            (last, last_col, last_byte) if last == index && last_col <= col => {
                (last_col, last_byte)
            }
            _ => (1, 0),
        };
        let at = (line[from..].char_indices().map(|(i, _)| from + i))
            .chain([line.len()])
            .nth(col - from_col)
            .unwrap_or(line.len());
        self.last_at.set((index, col, at));
        Some((line, at))
    }

    /// What a diagnostic quotes of line `span.line` at the span's column,
    /// if the text has that line.
    pub fn quote_line(&self, span: Span) -> Option<Quote> {
        self.at(span).map(|(line, at)| Quote::of(line, at))
    }
}

/// What a diagnostic shows of its source line: the whole line when it is
/// short, else [`QUOTED_CHARS`] characters around the column, `…` where it
/// was cut (a line of 200,000 characters is no help on a terminal, and kept
/// whole for each of its links it would fill the memory).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    /// The text shown, its control characters but tabs shown as `�`.
    pub text: String,
    /// The column of the position in `text`, from 1.
    pub col: usize,
}

impl Quote {
    /// The quote of `line` (without its end) at byte `at`: only the
    /// characters quoted are read.
    pub fn of(line: &str, at: usize) -> Quote {
        let line = line.trim_end();
        let mut at = at.min(line.len());
        while !line.is_char_boundary(at) {
            at -= 1;
        }
        let (before, after) = line.split_at(at);
        let after_count = after.chars().take(QUOTED_CHARS).count();
        let wanted_before = (QUOTED_CHARS / 3).max(QUOTED_CHARS - after_count);
        let (taken_before, start) = (before.char_indices().rev().take(wanted_before))
            .fold((0, at), |(n, _), (i, _)| (n + 1, i));
        let end = (after.char_indices().map(|(i, _)| at + i))
            .chain([line.len()])
            .nth(QUOTED_CHARS - taken_before)
            .unwrap_or(line.len());
        let cut_before = start > 0;
        let mut text = String::from(if cut_before { "…" } else { "" });
        text.push_str(&printable(&line[start..end]));
        if end < line.len() {
            text.push('…');
        }
        Quote {
            text,
            col: taken_before + 1 + usize::from(cut_before),
        }
    }

    /// The quote of line `span.line` of `text` (a whole file) at the
    /// span's column, if the file has that line. A byte order mark at the
    /// file's start is no character of its first line: columns are counted
    /// without it.
    pub fn in_file(text: &str, span: Span) -> Option<Quote> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Lines::new(text, 0).quote_line(span)
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
    /// What is shown of the source line at `span`, under the message,
    /// when known.
    pub quote: Option<Box<Quote>>,
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
            quote: None,
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
    /// whole text of the file (for many diagnostics in one file, quote
    /// through [`Lines`] and [`Diagnostic::with_quote`]).
    pub fn with_source(mut self, file_text: &str) -> Self {
        self.quote = Quote::in_file(file_text, self.span).map(Box::new);
        self
    }

    /// Adds what is shown of the source line.
    pub fn with_quote(mut self, quote: Option<Quote>) -> Self {
        self.quote = quote.map(Box::new);
        self
    }

    /// Whether this diagnostic fails the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `text` with its control characters (but tabs) and the characters that
/// reorder or hide text (bidirectional controls, zero-width space, byte
/// order mark) shown as `�`: what a diagnostic quotes from a file, or of
/// its name, must not drive the terminal it prints on, nor turn its line
/// around.
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    shown_as_replacement(text, unprintable)
}

/// [`printable`] for text of several lines: its line breaks kept. For
/// what aqparat says besides diagnostics (see [`tell!`]), which may show a
/// path given on the command line (`--output`).
pub fn printable_lines(text: &str) -> std::borrow::Cow<'_, str> {
    shown_as_replacement(text, |c| c != '\n' && unprintable(c))
}

/// Whether `c` is shown as `�` (see [`printable`]).
fn unprintable(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(
            c,
            '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}'
                | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// `text` with each character that `hidden` picks shown as `�`.
fn shown_as_replacement(text: &str, hidden: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if text.chars().any(&hidden) {
        text.chars()
            .map(|c| match hidden(c) {
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
        if let Some(Quote { text: line, col }) = self.quote.as_deref() {
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

/// " (did you mean `x`?)" when one of `known` is a typo away from
/// `given` (an edit distance, counting a swap of two letters as one and
/// ignoring letter case, of at most 2 and at most a quarter of its
/// letters; 1 for short words; the first of the closest, the one nearest
/// in case among them: `map.JPG` is `map.jpg`), else nothing: for the
/// message of an unknown id, key, link, anchor, image or shortcode.
pub fn did_you_mean<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Message {
    guess(closest(given, known))
}

/// The one of `known` that `given` is a slip of, as [`did_you_mean`]
/// takes it (the first of the closest), if any.
pub fn closest<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let most = slip_distance(given);
    let folded = given.to_lowercase();
    let length = folded.chars().count();
    known
        .into_iter()
        .filter(|k| *k != given)
        .map(|k| (k.to_lowercase(), k))
        // Names whose lengths differ by more than `most` are further
        // apart than that; the distance, which takes time growing with
        // the product of the lengths, is not worked out for them.
        .filter(|(k, _)| k.chars().count().abs_diff(length) <= most)
        .map(|(folded_k, k)| (strsim::damerau_levenshtein(&folded, &folded_k), k))
        .filter(|(distance, _)| *distance <= most)
        .min_by_key(|&(distance, k)| (distance, strsim::damerau_levenshtein(given, k)))
        .map(|(_, k)| k)
}

/// " (did you mean `name`?)", or nothing without a name.
pub fn guess(name: Option<&str>) -> Message {
    name.map_or(Message::default(), |name| msg!("did-you-mean", name = name))
}

/// Words staff write for a key or a column that aqparat names otherwise,
/// too far from its name to be a slip of it: (written, meant).
const SYNONYMS: [(&str, &str); 6] = [
    ("organisation", "org"),
    ("organization", "org"),
    ("org", "organisation"),
    ("amount", "count"),
    ("quantity", "count"),
    ("description", "what"),
];

/// The one of `known`, the names of keys (or columns), that `given` was
/// meant to be: one it is a slip of, else one that staff write `given`
/// for (`organisation` for `org`), in any letter case.
pub fn key_meant<'a>(
    given: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    closest(given, known.clone()).or_else(|| {
        let given = given.to_lowercase();
        let meant = SYNONYMS.iter().find(|(written, _)| *written == given)?.1;
        known.into_iter().find(|k| *k == meant)
    })
}

/// [`did_you_mean`] for the name of a key (or a column): see
/// [`key_meant`].
pub fn did_you_mean_key<'a>(
    given: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
) -> Message {
    guess(key_meant(given, known))
}

/// How many edits a slip of `given` may be: one in a short name, two in a
/// longer one.
fn slip_distance(given: &str) -> usize {
    (given.chars().count() / 4).clamp(1, 2)
}

/// A path as shown to users, as it is: on Unix a backslash is a letter
/// of a file's name (`static/a\b.txt` is that file, not `static/a/b.txt`).
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().into_owned()
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
/// `Result<T, Diagnostic>` instead (or `Result<T, Diagnostics>` when it
/// may find several, as in a YAML file), and its caller collects the
/// problems with [`Diagnostics::ok`].
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

    /// The value of `result`, or `None` with its diagnostics collected.
    pub fn ok<T>(&mut self, result: Result<T, impl Into<Diagnostics>>) -> Option<T> {
        result.map_err(|d| self.0.extend(d.into().0)).ok()
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

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Diagnostics {
        Diagnostics(vec![diagnostic])
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
    fn a_key_meant_is_a_slip_of_it_or_a_word_for_it() {
        let keys = ["id", "org", "count", "what"];
        assert_eq!(key_meant("cont", keys), Some("count"));
        assert_eq!(key_meant("organisation", keys), Some("org"));
        assert_eq!(key_meant("Organization", keys), Some("org"));
        assert_eq!(key_meant("amount", keys), Some("count"));
        // A word for a key that is not among those known means nothing.
        assert_eq!(key_meant("organisation", ["id", "count"]), None);
        assert_eq!(key_meant("colour", keys), None);
        assert_eq!(closest("what_kz", ["what_ru", "what_kk"]), Some("what_kk"));
    }

    #[test]
    fn a_long_line_is_quoted_around_its_column() {
        let short = Quote::of("short", 2);
        assert_eq!((short.text.as_str(), short.col), ("short", 3));
        let line: String = ('a'..='z').cycle().take(200_000).collect();
        for col in [1, 70, 100_000, 200_000, 200_001] {
            let quote = Quote::of(&line, col - 1);
            assert!(quote.text.chars().count() <= QUOTED_CHARS + 2, "{col}");
            let pointed = quote.text.chars().nth(quote.col - 1);
            assert_eq!(pointed, line.chars().nth(col - 1), "{col}");
        }
    }

    proptest::proptest! {
        /// Positions and quotes through the index are those counted from
        /// the text's start, in whatever order they are asked.
        #[test]
        fn the_line_index_places_as_counting_does(
            text in "(\\PC{0,3}[ \r\n]?){0,60}",
            offsets in proptest::collection::vec(0usize..400, 0..20),
        ) {
            let lines = Lines::new(&text, 0);
            for offset in offsets {
                let mut at = offset.min(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let before = &text[..at];
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                let counted = Span::new(
                    before.matches('\n').count() + 1,
                    before[line_start..].chars().count() + 1,
                );
                proptest::prop_assert_eq!(lines.span(offset), counted);
                let line = text.lines().nth(counted.line - 1);
                let quoted = Quote::of(line.unwrap_or_default(), at - line_start);
                proptest::prop_assert_eq!(&lines.quote(offset), &quoted);
                proptest::prop_assert_eq!(lines.quote_line(counted), line.map(|_| quoted));
            }
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
    fn a_byte_order_mark_is_not_quoted_nor_counted() {
        let d = Diagnostic::error("site.yaml", Span::new(1, 11), "not a list")
            .with_source("\u{feff}base_url: [oops\n");
        assert_eq!(
            d.in_lang(Lang::En).to_string(),
            "site.yaml:1:11: error: not a list\n   |\n 1 | base_url: [oops\n   |           ^"
        );
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

    #[test]
    fn characters_that_turn_a_line_around_are_never_printed() {
        let d = Diagnostic::error("content/a\u{202e}b.kk.md", Span::START, "x\u{2067}")
            .with_source("a\u{200b}b\u{feff}\n");
        let shown = d.in_lang(Lang::En).to_string();
        assert!(
            shown.starts_with("content/a�b.kk.md:1:1: error: x�"),
            "{shown}"
        );
        assert!(shown.contains("a�b�"), "{shown}");
    }
}
