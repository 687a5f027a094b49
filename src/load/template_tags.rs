//! A template's block tags, to tell in plain words what Tera's parser
//! reports as "Unknown tag", "Unexpected end of input" or an unclosed
//! comment: an end tag that does not close the block open where it
//! stands (an `{% endif %}` forgotten before `{% endblock %}`), one that
//! closes nothing, an `{% else %}` out of place, a block never closed, a
//! misspelt tag, a `{%`, `{{` or `{#` never closed. Told at the tag left
//! open, with the end it needs, rather than where the parser gave up.

use crate::diag::{Span, did_you_mean, guess};
use crate::messages::Message;
use crate::msg;

/// The tags that open a block, each with the tag that closes it. (`raw`'s
/// content is skipped whole: it opens no block the scan keeps open.)
const BLOCKS: [(&str, &str); 8] = [
    ("if", "endif"),
    ("for", "endfor"),
    ("block", "endblock"),
    ("filter", "endfilter"),
    ("component", "endcomponent"),
    ("set", "endset"),
    ("set_global", "endset"),
    ("raw", "endraw"),
];

/// Every tag Tera knows (tera 2.4's parser), for a guess at the one meant.
const TAGS: [&str; 21] = [
    "if",
    "elif",
    "else",
    "endif",
    "for",
    "endfor",
    "block",
    "endblock",
    "filter",
    "endfilter",
    "component",
    "endcomponent",
    "set",
    "set_global",
    "endset",
    "raw",
    "endraw",
    "include",
    "extends",
    "break",
    "continue",
];

/// What a piece of template markup is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `{% … %}`.
    Tag,
    /// `{{ … }}`.
    Expression,
    /// `{# … #}`.
    Comment,
}

impl Kind {
    /// The delimiters that open and close it.
    fn delimiters(self) -> (&'static str, &'static str) {
        match self {
            Kind::Tag => ("{%", "%}"),
            Kind::Expression => ("{{", "}}"),
            Kind::Comment => ("{#", "#}"),
        }
    }
}

/// A piece of template markup: a tag, an expression or a comment.
#[derive(Debug, Clone, Copy)]
struct Piece<'t> {
    kind: Kind,
    /// A tag's first word (`if`, `endblock`); empty for the others.
    name: &'t str,
    /// The piece as written (`{% if page.description %}`).
    text: &'t str,
    /// The byte offsets of its start and of the end of its closing
    /// delimiter (of the text, when it has none).
    start: usize,
    end: usize,
    /// Whether its closing delimiter is there.
    closed: bool,
}

/// What is wrong with template `text` where Tera's syntax error
/// `message` stands (`at`, a byte offset): where to tell it, the message
/// and the hint; `None` when the markup does not explain it (Tera's words
/// are then shown).
pub fn explain(text: &str, message: &str, at: usize) -> Option<(Span, Message, Message)> {
    let at_end = match message {
        "Unknown tag" => false,
        "Unexpected end of input" => true,
        _ if message.starts_with("Closing comment tag") => true,
        _ => return None,
    };
    let mut open: Vec<Piece> = Vec::new();
    for piece in pieces(text) {
        if !at_end && piece.kind == Kind::Tag && piece.start <= at && at < piece.end {
            return misplaced(text, piece, &open);
        }
        if !at_end && piece.start > at {
            return None;
        }
        if !piece.closed {
            return Some(unclosed_delimiter(text, piece));
        }
        if opens_block(piece) {
            open.push(piece);
        } else if BLOCKS.iter().any(|&(_, end)| end == piece.name) {
            open.pop();
        }
    }
    let unclosed = open.last().filter(|_| at_end)?;
    Some((
        Span::at_offset(text, unclosed.start, 0),
        msg!("template-unclosed-at-end", open = shown(unclosed.text)),
        msg!("template-unclosed-hint", end = closer(unclosed.name)),
    ))
}

/// The problem with `tag`, which Tera did not expect where it stands,
/// inside the blocks `open`, the innermost last.
fn misplaced(text: &str, tag: Piece, open: &[Piece]) -> Option<(Span, Message, Message)> {
    if tag.name.is_empty() {
        return None;
    }
    let is_else = matches!(tag.name, "else" | "elif");
    let opener = match tag.name {
        "else" | "elif" => "if",
        name => match (BLOCKS.iter()).find_map(|&(open, end)| (end == name).then_some(open)) {
            Some(opener) => opener,
            None => return Some(unknown(text, tag, open)),
        },
    };
    // The blocks that would take the tag: an `else` is an `if`'s or a
    // `for`'s, an `elif` an `if`'s.
    let takes = |block: &Piece| match tag.name {
        "else" => matches!(block.name, "if" | "for"),
        _ => block.name == opener,
    };
    let innermost = open.last();
    Some(match innermost {
        // Taken by the block it stands in, had it been in its place: an
        // `elif` or `else` after the block's `else`, an `elif` in a `for`.
        Some(block) if is_else && (takes(block) || block.name == "for") => (
            Span::at_offset(text, tag.start, 0),
            msg!(
                "template-misplaced-else",
                found = shown(tag.text),
                open = shown(block.text),
                line = Span::at_offset(text, block.start, 0).line.to_string()
            ),
            msg!("template-misplaced-else-hint"),
        ),
        // A block of its kind is open further out: those opened since
        // are not closed.
        Some(block) if open.iter().any(takes) => (
            Span::at_offset(text, block.start, 0),
            msg!(
                "template-unclosed",
                open = shown(block.text),
                found = shown(tag.text),
                line = Span::at_offset(text, tag.start, 0).line.to_string(),
                end = closer(block.name)
            ),
            msg!("template-unclosed-hint", end = closer(block.name)),
        ),
        _ => {
            let wanted = format!("{{% {opener} … %}}");
            (
                Span::at_offset(text, tag.start, 0),
                msg!(
                    "template-closes-nothing",
                    found = shown(tag.text),
                    open = wanted.clone()
                ),
                msg!("template-closes-nothing-hint", open = wanted),
            )
        }
    })
}

/// A tag Tera does not know, inside the blocks `open`, with the one
/// meant: other languages' `elseif` is `elif`, a bare `end` the end of
/// the innermost block, else the known tag nearest in spelling.
fn unknown(text: &str, tag: Piece, open: &[Piece]) -> (Span, Message, Message) {
    let end_of_innermost = || {
        let block = open.last()?.name;
        (BLOCKS.iter()).find_map(|&(opener, end)| (opener == block).then_some(end))
    };
    let guess = match tag.name.to_ascii_lowercase().as_str() {
        "elseif" | "elsif" | "else_if" | "elsf" => guess(Some("elif")),
        "end" => guess(end_of_innermost()),
        _ => did_you_mean(tag.name, TAGS),
    };
    (
        Span::at_offset(text, tag.start, 0),
        msg!("template-unknown-tag", name = tag.name, guess = guess),
        msg!("template-unknown-tag-hint", tags = TAGS.join(", ")),
    )
}

/// A `{%`, `{{` or `{#` never closed.
fn unclosed_delimiter(text: &str, piece: Piece) -> (Span, Message, Message) {
    let (start, end) = piece.kind.delimiters();
    (
        Span::at_offset(text, piece.start, 0),
        msg!("template-delimiter-unclosed", start = start, end = end),
        msg!("template-delimiter-unclosed-hint", end = end),
    )
}

/// Whether `piece` opens a block the scan keeps open: `set` only in its
/// block form (`{% set x %}…{% endset %}`, no `=`), never `raw` (its
/// content is skipped with its end).
fn opens_block(piece: Piece) -> bool {
    let is_set = matches!(piece.name, "set" | "set_global");
    piece.kind == Kind::Tag
        && piece.name != "raw"
        && BLOCKS.iter().any(|&(open, _)| open == piece.name)
        && !(is_set && piece.text.contains('='))
}

/// The tag that closes a block opened by `name` (`{% endif %}`).
fn closer(name: &str) -> String {
    let end = (BLOCKS.iter()).find_map(|&(open, end)| (open == name).then_some(end));
    format!("{{% {} %}}", end.unwrap_or("end"))
}

/// `tag` as shown in a message: at most 60 characters of it.
fn shown(tag: &str) -> String {
    let tag: String = tag.split_whitespace().collect::<Vec<_>>().join(" ");
    match tag.chars().count() > 60 {
        true => format!("{}… %}}", tag.chars().take(50).collect::<String>()),
        false => tag,
    }
}

/// The tags, expressions and comments of `text` in order, as Tera's lexer
/// reads them: a closing delimiter inside a quoted string of a tag or an
/// expression not taken for its end, the content of a raw block skipped.
fn pieces(text: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from + text.get(from..)?.find('{')?;
        let kind = match text[start..].get(..2) {
            Some("{%") => Kind::Tag,
            Some("{{") => Kind::Expression,
            Some("{#") => Kind::Comment,
            _ => {
                from = start + 1;
                return Some(None);
            }
        };
        let piece = piece_at(text, start, kind);
        from = match piece.name {
            "raw" => end_of_raw(text, piece.end),
            _ => piece.end,
        };
        Some(Some(piece))
    })
    .flatten()
}

/// The piece of `kind` that starts at byte `start` of `text`.
fn piece_at(text: &str, start: usize, kind: Kind) -> Piece<'_> {
    let (_, close) = kind.delimiters();
    let length = closed_length(&text[start..], close, kind != Kind::Comment);
    let end = start + length.unwrap_or(text.len() - start);
    let name = match kind {
        Kind::Tag => {
            let inner = text[start + 2..end].trim_start_matches('-').trim_start();
            let length =
                (inner.find(|c: char| !(c.is_alphanumeric() || c == '_'))).unwrap_or(inner.len());
            &inner[..length]
        }
        Kind::Expression | Kind::Comment => "",
    };
    Piece {
        kind,
        name,
        text: &text[start..end],
        start,
        end,
        closed: length.is_some(),
    }
}

/// The length of the piece at the start of `rest` to the end of its
/// `close` (`%}`), quoted strings skipped when `quotes`; `None` when it
/// is never closed.
fn closed_length(rest: &str, close: &str, quotes: bool) -> Option<usize> {
    let mut quote = None;
    for (i, c) in rest.char_indices().skip(2) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if quotes && matches!(c, '"' | '\'' | '`') => quote = Some(c),
            None if rest[i..].starts_with(close) => return Some(i + close.len()),
            None => {}
        }
    }
    None
}

/// The byte after the `{% endraw %}` that closes a raw block whose
/// opening tag ends at `from` (the end of `text` when none does).
fn end_of_raw(text: &str, from: usize) -> usize {
    let mut at = from;
    while let Some(i) = text.get(at..).and_then(|rest| rest.find("{%")) {
        let tag = piece_at(text, at + i, Kind::Tag);
        if tag.name == "endraw" {
            return tag.end;
        }
        at += i + 2;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tera's own error for `text`, and what [`explain`] makes of it.
    fn explained(text: &str) -> Option<(Span, String, String)> {
        let mut tera = tera::Tera::new();
        let error = tera
            .add_raw_template("t.html", text)
            .expect_err("a syntax error");
        let tera::ErrorKind::SyntaxError(report) = error.kind() else {
            panic!("not a syntax error: {error}");
        };
        let (span, message, hint) = explain(text, report.message(), report.span().range.start)?;
        Some((span, message.to_string(), hint.to_string()))
    }

    #[test]
    fn an_end_tag_before_the_inner_blocks_end_is_told_at_the_block_left_open() {
        let text =
            "{% block content %}\n<p>{% if a %}x\n{% if b %}y{% endif %}\n{% endblock content %}";
        let (span, message, hint) = explained(text).expect("explained");
        assert_eq!(span, Span::new(2, 4));
        assert!(message.contains("`{% if a %}`"), "{message}");
        assert!(message.contains("`{% endblock content %}`"), "{message}");
        assert!(message.contains("line 4"), "{message}");
        assert!(hint.contains("`{% endif %}`"), "{hint}");
    }

    #[test]
    fn a_block_open_at_the_end_is_told_where_it_opens() {
        let text = "<ul>{# {% if x %} #}\n{% for p in pages %}<li>{{ p }}</li>\n</ul>";
        let (span, message, hint) = explained(text).expect("explained");
        assert_eq!(span, Span::new(2, 1));
        assert!(message.contains("`{% for p in pages %}`"), "{message}");
        assert!(hint.contains("`{% endfor %}`"), "{hint}");
    }

    #[test]
    fn an_end_tag_that_closes_nothing_and_a_misspelt_tag_are_told_at_the_tag() {
        for (text, span) in [
            ("a\nб {% endif %}", Span::new(2, 3)),
            ("{% block b %}\n{% endif %}{% endblock %}", Span::new(2, 1)),
            ("{% block b %}{% else %}{% endblock %}", Span::new(1, 14)),
        ] {
            let (at, message, _) = explained(text).expect("explained");
            assert_eq!(at, span, "{text}");
            assert!(message.contains("closes nothing"), "{message}");
            assert!(message.contains("`{% if … %}`"), "{message}");
        }
        for (text, meant) in [
            ("{% if a %}x{% endfi %}", "`endif`"),
            ("{% if a %}x{% elseif b %}y{% endif %}", "`elif`"),
            ("{% for a in b %}x{% end %}", "`endfor`"),
        ] {
            let (span, message, _) = explained(text).expect("explained");
            assert_eq!(span.line, 1, "{text}");
            assert!(
                message.contains(&format!("did you mean {meant}")),
                "{message}"
            );
        }
    }

    #[test]
    fn quotes_raw_blocks_and_assignments_do_not_open_or_close_blocks() {
        let text = concat!(
            "{% set a = \"%}\" %}{% raw %}{% if %}{% endraw %}",
            "{% set b %}x{% endset %}\n{% if a %}{{ b }}"
        );
        let (span, message, _) = explained(text).expect("explained");
        assert_eq!(span, Span::new(2, 1));
        assert!(message.contains("`{% if a %}`"), "{message}");
    }

    proptest::proptest! {
        /// Whatever the markup, what Tera's parser could not close is
        /// told at a piece of it: the place given is a `{%`, `{{` or `{#`.
        #[test]
        fn a_block_problem_is_told_at_a_tag(pieces in proptest::collection::vec(
            proptest::sample::select(&[
                "{% if a %}", "{% endif %}", "{% for x in y %}", "{% endfor %}",
                "{%- block b -%}", "{% endblock %}", "{% else %}", "{% elif b %}",
                "{% raw %}", "{% endraw %}", "{# ", " #}", "\"", "%}", "қ", "\n",
                "{{ a }}", "{% set s %}", "{% endset %}", "{% set t = 1 %}", "{% iff %}",
            ][..]),
            0..12,
        )) {
            let text = pieces.concat();
            let mut tera = tera::Tera::new();
            if let Err(error) = tera.add_raw_template("t.html", &text)
                && let tera::ErrorKind::SyntaxError(report) = error.kind()
                && let Some((span, _, _)) =
                    explain(&text, report.message(), report.span().range.start)
            {
                let line = text.split('\n').nth(span.line - 1).unwrap_or_default();
                let at: String = line.chars().skip(span.col - 1).take(2).collect();
                let is_markup = ["{%", "{{", "{#"].contains(&at.as_str());
                proptest::prop_assert!(is_markup, "{:?} at {:?}", text, span);
            }
        }
    }

    #[test]
    fn an_else_after_the_else_or_in_an_inner_block_is_told_so() {
        for (text, span, words) in [
            (
                "{% if a %}1{% else %}2{% elif b %}3{% endif %}",
                Span::new(1, 23),
                "cannot stand here in `{% if a %}` (line 1)",
            ),
            (
                "{% for a in b %}1{% else %}2{% else %}3{% endfor %}",
                Span::new(1, 29),
                "cannot stand here in `{% for a in b %}`",
            ),
            (
                "{% if a %}{% filter upper %}x{% else %}y{% endfilter %}{% endif %}",
                Span::new(1, 11),
                "`{% filter upper %}` is not closed: `{% else %}` on line 1",
            ),
        ] {
            let (at, message, _) = explained(text).expect("explained");
            assert_eq!(at, span, "{text}");
            assert!(message.contains(words), "{text}: {message}");
        }
    }

    #[test]
    fn a_delimiter_never_closed_is_told_where_it_opens() {
        for (text, span, delimiters) in [
            (
                "{% block b %}{% endblock %}\n{% if a",
                Span::new(2, 1),
                "`{%`",
            ),
            ("{% block b %}\nx {{ a ", Span::new(2, 3), "`{{`"),
            (
                "{% block b %}x {# note\n{% endblock %}",
                Span::new(1, 16),
                "`{#`",
            ),
        ] {
            let (at, message, hint) = explained(text).expect("explained");
            assert_eq!(at, span, "{text}");
            assert!(message.contains(delimiters), "{text}: {message}");
            assert!(hint.contains("add `"), "{hint}");
        }
    }

    #[test]
    fn strings_in_expressions_and_a_stray_endraw_are_read_as_tera_reads_them() {
        let text = "{% block c %}{% if b %}{{ \"{% endif %}\" }}\n{% endblock c %}";
        let (at, message, _) = explained(text).expect("explained");
        assert_eq!(at, Span::new(1, 14));
        assert!(message.contains("`{% if b %}` is not closed"), "{message}");
        let (at, message, _) = explained("x{% endraw %}").expect("explained");
        assert_eq!(at, Span::new(1, 2));
        assert!(message.contains("no `{% raw … %}`"), "{message}");
    }

    #[test]
    fn other_syntax_errors_keep_teras_words() {
        assert!(explained("{{ a + }}").is_none());
        assert!(explain("x", "Unknown tag", 99).is_none());
    }
}
