//! A template's block tags, to tell in plain words what Tera's parser
//! reports as "Unknown tag" or "Unexpected end of input": an end tag that
//! does not close the block open where it stands (an `{% endif %}`
//! forgotten before `{% endblock %}`), one that closes nothing, a block
//! never closed, a misspelt tag. Told at the tag left open, with the end
//! it needs, rather than where the parser gave up.

use crate::diag::{Span, did_you_mean};
use crate::messages::Message;
use crate::msg;

/// The tags that open a block, each with the tag that closes it.
const BLOCKS: [(&str, &str); 7] = [
    ("if", "endif"),
    ("for", "endfor"),
    ("block", "endblock"),
    ("filter", "endfilter"),
    ("component", "endcomponent"),
    ("set", "endset"),
    ("set_global", "endset"),
];

/// Every tag Tera knows (tera 2.4's parser), for a guess at the one meant.
const TAGS: [&str; 20] = [
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
    "include",
    "extends",
    "break",
    "continue",
];

/// A tag of a template, `{% name … %}`.
#[derive(Debug, Clone, Copy)]
struct Tag<'t> {
    /// Its first word (`if`, `endblock`).
    name: &'t str,
    /// The whole tag as written (`{% if page.description %}`).
    text: &'t str,
    /// The byte offsets of its `{%` and of the end of its `%}`.
    start: usize,
    end: usize,
}

/// What is wrong with the blocks of template `text` where Tera's syntax
/// error `message` stands (`at`, a byte offset): where to tell it, the
/// message and the hint; `None` when the tags do not explain it (Tera's
/// words are then shown).
pub fn explain(text: &str, message: &str, at: usize) -> Option<(Span, Message, Message)> {
    let at_end = match message {
        "Unknown tag" => false,
        "Unexpected end of input" => true,
        _ => return None,
    };
    let mut open: Vec<Tag> = Vec::new();
    for tag in tags(text) {
        if !at_end && tag.start <= at && at < tag.end {
            return Some(misplaced(text, tag, &open));
        }
        if tag.start > at {
            break;
        }
        if opens_block(tag) {
            open.push(tag);
        } else if BLOCKS.iter().any(|&(_, end)| end == tag.name) {
            open.pop();
        }
    }
    let unclosed = open.last().filter(|_| at_end)?;
    let end = closer(unclosed.name);
    Some((
        span_of(text, unclosed.start),
        msg!("template-unclosed-at-end", open = shown(unclosed.text)),
        msg!("template-unclosed-hint", end = end),
    ))
}

/// The problem with `tag`, which Tera did not expect where it stands,
/// inside the blocks `open`, the innermost last.
fn misplaced(text: &str, tag: Tag, open: &[Tag]) -> (Span, Message, Message) {
    let opener = match tag.name {
        "else" | "elif" => "if",
        name => match (BLOCKS.iter()).find_map(|&(open, end)| (end == name).then_some(open)) {
            Some(opener) => opener,
            None => return unknown(text, tag),
        },
    };
    // Tera takes `else` and `elif` where an `if` is open (and `else` in a
    // `for`): one it did not take belongs to none. An end tag with no
    // block of its kind open closes nothing; with one open, the blocks
    // opened since are left open.
    let is_end = !matches!(tag.name, "else" | "elif");
    let open = open
        .last()
        .filter(|_| is_end && open.iter().any(|o| o.name == opener));
    match open {
        Some(open) => {
            let (line, _) = line_col(text, tag.start);
            (
                span_of(text, open.start),
                msg!(
                    "template-unclosed",
                    open = shown(open.text),
                    found = shown(tag.text),
                    line = line.to_string(),
                    end = closer(open.name)
                ),
                msg!("template-unclosed-hint", end = closer(open.name)),
            )
        }
        None => {
            let wanted = format!("{{% {opener} … %}}");
            (
                span_of(text, tag.start),
                msg!(
                    "template-closes-nothing",
                    found = shown(tag.text),
                    open = wanted.clone()
                ),
                msg!("template-closes-nothing-hint", open = wanted),
            )
        }
    }
}

/// A tag Tera does not know, with the one meant.
fn unknown(text: &str, tag: Tag) -> (Span, Message, Message) {
    (
        span_of(text, tag.start),
        msg!(
            "template-unknown-tag",
            name = tag.name,
            guess = did_you_mean(tag.name, TAGS)
        ),
        msg!("template-unknown-tag-hint", tags = TAGS.join(", ")),
    )
}

/// Whether `tag` opens a block: `set` only in its block form (`{% set x
/// %}…{% endset %}`, no `=`).
fn opens_block(tag: Tag) -> bool {
    let is_set = matches!(tag.name, "set" | "set_global");
    BLOCKS.iter().any(|&(open, _)| open == tag.name) && !(is_set && tag.text.contains('='))
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

/// The line and column (from 1, in characters) of byte `at` of `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
    (line, 1 + before[line_start..].chars().count())
}

/// The [`Span`] of byte `at` of `text`.
fn span_of(text: &str, at: usize) -> Span {
    let (line, col) = line_col(text, at);
    Span::new(line, col)
}

/// The tags of `text` in order: comments (`{# … #}`) and the contents of
/// raw blocks left out, a `%}` inside a quoted string not taken for the
/// tag's end. A tag not closed ends the text.
fn tags(text: &str) -> impl Iterator<Item = Tag<'_>> {
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let start = from + text.get(from..)?.find(['{'])?;
            let rest = &text[start..];
            if rest.starts_with("{#") {
                from = rest.find("#}").map_or(text.len(), |i| start + i + 2);
                continue;
            }
            if !rest.starts_with("{%") {
                from = start + 1;
                continue;
            }
            let end = start + tag_length(rest);
            let tag = tag_at(text, start, end);
            from = match tag.name {
                "raw" => end_of_raw(text, end),
                _ => end,
            };
            return Some(tag);
        }
    })
}

/// The tag of `text` from byte `start` to `end`.
fn tag_at(text: &str, start: usize, end: usize) -> Tag<'_> {
    let inner = text[start + 2..end].trim_start_matches('-').trim_start();
    let name_length = inner
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(inner.len());
    Tag {
        name: &inner[..name_length],
        text: &text[start..end],
        start,
        end,
    }
}

/// The length of the tag `{% … %}` at the start of `rest`, to the end of
/// its `%}` (the whole of `rest` when it has none), quotes skipped.
fn tag_length(rest: &str) -> usize {
    let mut quote = None;
    let mut chars = rest.char_indices().skip(2).peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, '%') if chars.peek().is_some_and(|&(_, next)| next == '}') => return i + 2,
            (None, _) => {}
        }
    }
    rest.len()
}

/// The byte after the `{% endraw %}` that closes a raw block whose
/// opening tag ends at `from` (the end of `text` when none does).
fn end_of_raw(text: &str, from: usize) -> usize {
    let mut at = from;
    while let Some(i) = text.get(at..).and_then(|rest| rest.find("{%")) {
        let start = at + i;
        let end = start + tag_length(&text[start..]);
        if tag_at(text, start, end).name == "endraw" {
            return end;
        }
        at = start + 2;
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
            ("{% for a in b %}{% elif c %}{% endfor %}", Span::new(1, 17)),
        ] {
            let (at, message, _) = explained(text).expect("explained");
            assert_eq!(at, span, "{text}");
            assert!(message.contains("closes nothing"), "{message}");
            assert!(message.contains("`{% if … %}`"), "{message}");
        }
        let (span, message, _) = explained("{% if a %}x{% endfi %}").expect("explained");
        assert_eq!(span, Span::new(1, 12));
        assert!(message.contains("`endif`"), "{message}");
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
        /// Whatever the tags, a block Tera's parser could not close is
        /// told at a tag: the place given is the `{%` of one.
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
                proptest::prop_assert_eq!(at, "{%", "{:?} at {:?}", text, span);
            }
        }
    }

    #[test]
    fn other_syntax_errors_keep_teras_words() {
        assert!(explained("{{ a + }}").is_none());
        assert!(explain("x", "Unknown tag", 99).is_none());
    }
}
