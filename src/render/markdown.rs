//! Markdown to HTML: CommonMark plus tables, footnotes, strikethrough and
//! heading attributes; an id on every heading; links by source path.
//!
//! An *internal link* is written by source path, `@/rules/quarantine.md` or
//! `@/rules/_index.md`, optionally with `#anchor`, and becomes the URL of that
//! page in the current language. A link to a page that does not exist is
//! reported here; anchors are checked once every page is rendered, since the
//! target's headings are known only then.

use std::ops::Range;
use std::sync::LazyLock;

use foldhash::{HashMap, HashSet};
use pulldown_cmark::{
    CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeWithOffset, html,
};

use super::images;
use super::links::{self, MarkdownLink};
use super::stats::{self, Expansion, LangStats};
use crate::diag::{Diagnostic, Diagnostics, Lines, Quote, Span, did_you_mean};
use crate::load;
use crate::messages::Message;
use crate::model::{LangId, LeftOut, Page, PageId, PageKind, Site};
use crate::msg;

/// A heading, for the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1–6.
    pub level: u8,
    /// The `id` attribute.
    pub id: String,
    /// The heading's text.
    pub title: String,
}

/// A link to an anchor that must exist in the target page.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct AnchorLink {
    /// The linked page's URL path (stable across builds, unlike its id).
    pub target: crate::address::UrlPath,
    /// The anchor, without `#`.
    pub anchor: String,
    /// Where the link is written.
    pub span: Span,
    /// What a diagnostic quotes of the link's line, if it is broken.
    pub quote: Option<Quote>,
}

/// A page's rendered Markdown.
#[derive(Debug, Default)]
pub struct RenderedMarkdown {
    /// The HTML.
    pub html: String,
    /// Every heading, in order.
    pub toc: Vec<Heading>,
    /// Links to anchors, to check when all pages are rendered.
    pub anchor_links: Vec<AnchorLink>,
    /// Broken links.
    pub diagnostics: Diagnostics,
    /// Whether it shows statistics (through shortcodes).
    pub uses_data: bool,
    /// The pages it links to, whose URLs it shows.
    pub links: Vec<PageId>,
    /// Its links written as URLs (not `@/`), to check when all units are
    /// rendered.
    pub url_links: Vec<MarkdownLink>,
    /// Every link it writes, as in its HTML: the page's template output
    /// holds them, and they are not the template's.
    pub written: Vec<String>,
    /// Its text without markup, for the search index (empty without one).
    pub text: String,
    /// The images it shows, whose variants its unit writes.
    pub images: Vec<images::ImageUse>,
}

/// The Markdown extensions aqparat enables.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Reads and renders the body of page `id`, expanding shortcodes with the
/// statistics of its language.
pub fn render(site: &Site, id: PageId, stats: Option<&LangStats>) -> RenderedMarkdown {
    let page = &site.pages[id];
    let read = match page.made_up {
        true => Ok(load::PageText::default()),
        false => load::read_page(&site.root, &page.path),
    };
    let source = match read {
        Ok(source) => source,
        Err(d) => {
            return RenderedMarkdown {
                diagnostics: Diagnostics::from_iter([d]),
                ..Default::default()
            };
        }
    };
    let body = source.body();
    // Made to hold all the events: grown from nothing, the list was copied
    // six times for a page of the corpus. Its pages hold an event per 22 to
    // 53 bytes of Markdown, the example site's per 30 to 60: one per 16
    // bytes is room for nearly every page, at most 65,536 events (6 MB of
    // them) for any, held while the page renders.
    let capacity = (body.len() / 16).min(1 << 16);
    let mut parsed: Vec<(Event, Range<usize>)> = Vec::with_capacity(capacity);
    parsed.extend(Parser::new_ext(body, options()).into_offset_iter());
    let mut shortcode_errors = Vec::new();
    // One fast scan of the source spares looking at every event.
    let uses_data = body.contains("{{") && parsed.iter().any(|(e, _)| has_shortcode(e));
    let mut events = if uses_data {
        // Markdown splits text at `*`, `_`, `\\`…: a shortcode is found
        // in the text as written, not in its pieces.
        let merged = TextMergeWithOffset::new(parsed.into_iter()).collect();
        expand_shortcodes(merged, stats, &mut shortcode_errors)
    } else {
        parsed
    };
    // As written, before each heading gets its id.
    let spaced_ids = ids_with_spaces(&events, body);
    let (toc, repeated_ids) = assign_heading_ids(&mut events);
    let lines = Lines::new(body, source.body_line_offset);
    let (mut events, found) = images::rewrite(
        &images::PageSource {
            site,
            page,
            lines: &lines,
        },
        events,
    );
    let alt_texts = found.alt_texts;
    let mut out = RenderedMarkdown {
        uses_data,
        toc,
        diagnostics: found.diagnostics,
        written: found.links.iter().map(|l| l.url.to_string()).collect(),
        url_links: found.links,
        images: found.uses,
        ..Default::default()
    };
    if site.stats_broken {
        // The statistics' own errors are told; a shortcode written wrong
        // is told as well, in the same run.
        let no_stats = msg!("shortcode-no-stats");
        shortcode_errors.retain(|(_, message, _)| *message != no_stats);
    }
    for RepeatedId { heading, id } in repeated_ids {
        let written = body.get(heading.clone()).and_then(|h| h.rfind("{#"));
        let offset = heading.start + written.unwrap_or(0);
        out.diagnostics.push(
            Diagnostic::error(
                &page.path,
                lines.span(offset),
                msg!("heading-id-repeated", id = &id),
            )
            .with_hint(msg!("heading-id-repeated-hint"))
            .with_quote(Some(lines.quote(offset))),
        );
    }
    for (heading, meant) in spaced_ids {
        let written = body.get(heading.clone()).and_then(|h| h.rfind("{#"));
        let offset = heading.start + written.unwrap_or(0);
        out.diagnostics.push(
            Diagnostic::error(&page.path, lines.span(offset), msg!("heading-id-space"))
                .with_hint(msg!("heading-id-space-hint", meant = meant))
                .with_quote(Some(lines.quote(offset))),
        );
    }
    for (offset, address) in unread_links(&events, body) {
        out.diagnostics.push(
            Diagnostic::error(&page.path, lines.span(offset), msg!("link-not-read"))
                .with_hint(msg!("link-not-read-hint", address = address))
                .with_quote(Some(lines.quote(offset))),
        );
    }
    for (offset, message, hint) in shortcode_errors {
        out.diagnostics.push(
            Diagnostic::error(&page.path, lines.span(offset), message)
                .with_hint(hint)
                .with_quote(Some(lines.quote(offset))),
        );
    }
    for (event, range) in &mut events {
        // Positions are computed only for what may be reported.
        let locate = || lines.span(range.start);
        match event {
            Event::Start(Tag::Link { dest_url, .. }) if !links::is_checked_here(dest_url) => {
                match resolve_link(site, page, id, dest_url, &locate) {
                    Ok(Some((target, url, anchor))) => {
                        out.links.push(target);
                        if let Some(mut anchor) = anchor {
                            anchor.quote = Some(lines.quote(range.start));
                            out.anchor_links.push(anchor);
                        }
                        *dest_url = CowStr::from(url);
                    }
                    Ok(None) => {}
                    Err(d) => out
                        .diagnostics
                        .push(d.with_quote(Some(lines.quote(range.start)))),
                }
                out.written.push(as_in_html(dest_url));
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let url = as_in_html(dest_url);
                out.url_links.push(MarkdownLink {
                    url: url.as_str().into(),
                    span: locate(),
                    quote: lines.quote(range.start),
                });
                out.written.push(url);
            }
            Event::Html(html) | Event::InlineHtml(html) if html.contains('<') => {
                let written = &body[range.clone()];
                // Each link is looked for after the one before it: from the
                // start, a block of n links was read n times.
                let mut from = 0;
                for url in links::scan(html.as_bytes()).links {
                    let found = memchr::memmem::find(&written.as_bytes()[from..], url.as_bytes());
                    let offset = found.map_or(from, |at| from + at);
                    from = found.map_or(from, |_| offset + url.len());
                    let at = range.start + offset;
                    out.url_links.push(MarkdownLink {
                        url: url.as_str().into(),
                        span: lines.span(at),
                        quote: lines.quote(at),
                    });
                    out.written.push(url);
                }
            }
            _ => {}
        }
    }
    if site.search {
        out.text = plain_text(&events);
        out.text.push_str(&alt_texts);
    }
    html::push_html(&mut out.html, events.into_iter().map(|(e, _)| e));
    out
}

/// The headings whose id was written with a space (`{#первый шаг}`):
/// Markdown takes the first word for the id and each other for an
/// attribute without a value (`<h2 id="первый" шаг="">`), or drops it when
/// it is one letter (`{#шаг 1}`). Each with its place and its attributes
/// as meant (`{#первый-шаг}`, classes kept). The words are read from the
/// heading as written in `body`, as Markdown's attributes leave out the
/// one-letter ones.
fn ids_with_spaces(events: &[(Event, Range<usize>)], body: &str) -> Vec<(Range<usize>, String)> {
    let mut found = Vec::new();
    for (event, range) in events {
        if let Event::Start(Tag::Heading {
            id: Some(id),
            classes,
            ..
        }) = event
        {
            let block = body.get(range.clone()).and_then(attribute_block);
            let words: Vec<&str> = (block.into_iter().flat_map(str::split_ascii_whitespace))
                .filter(|word| !(word.starts_with(['#', '.']) || word.contains('=')))
                .collect();
            if !words.is_empty() {
                let classes = classes.iter().map(|class| format!(" .{class}"));
                let meant = format!(
                    "{{#{id}-{}{}}}",
                    words.join("-"),
                    classes.collect::<String>()
                );
                found.push((range.clone(), meant));
            }
        }
    }
    found
}

/// What is written inside the attribute block (`{#id .class}`) that ends
/// the last line of text of `heading`, a heading as written (a setext
/// heading's text may run over lines, above its underline).
fn attribute_block(heading: &str) -> Option<&str> {
    let underline = |line: &str| {
        let line = line.trim();
        !line.is_empty() && (line.chars().all(|c| c == '=') || line.chars().all(|c| c == '-'))
    };
    let mut lines = heading
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect::<Vec<_>>();
    if lines.len() > 1 && lines.last().is_some_and(|line| underline(line)) {
        lines.pop();
    }
    let line = lines.last()?.trim_end();
    let inside = line.strip_suffix('}')?;
    inside.rfind('{').map(|open| &inside[open + 1..])
}

/// Where a link or image that Markdown did not read as one is written in
/// the text (byte offsets of its `[` or `![` in `body`), with its address: `[…](…)` whose
/// address has a space (`![Карта](Фото карта.jpg)`, a file named as a
/// camera or Windows names it) is shown as it is written. Text in code is
/// not looked at: a guide may show such a line there.
fn unread_links(events: &[(Event, Range<usize>)], body: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    // The text nodes of a paragraph, split at brackets, are read as one.
    let mut run: Option<Range<usize>> = None;
    let mut in_code = false;
    let mut look = |run: &mut Option<Range<usize>>| {
        if let Some((start, text)) = run.take().and_then(|r| Some((r.start, body.get(r)?))) {
            let links = unread_links_in(text).into_iter();
            found.extend(links.map(|(at, address)| (start + at, address.trim().to_string())));
        }
    };
    for (event, range) in events {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(_) if !in_code => match &mut run {
                Some(run) if run.end == range.start => run.end = range.end,
                _ => {
                    look(&mut run);
                    run = Some(range.clone());
                }
            },
            _ => look(&mut run),
        }
    }
    look(&mut run);
    found
}

/// Each `[…](…)` of `text` whose address has a space: the offset of its
/// `[` (of the `!` before it, for an image) and the address.
fn unread_links_in(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    // `]` looked for alone: a `memmem::find` of `](` set itself up again
    // for each of a page's many short texts, 2 % of a build's time.
    let bytes = text.as_bytes();
    for close in memchr::memchr_iter(b']', bytes) {
        if bytes.get(close + 1) != Some(&b'(') {
            continue;
        }
        let from = close + 2;
        // The `[` that this `]` closes, brackets between counted.
        let mut depth = 0;
        let open = text[..close].char_indices().rev().find_map(|(i, c)| {
            match c {
                ']' => depth += 1,
                '[' if depth == 0 => return Some(i),
                '[' => depth -= 1,
                _ => {}
            }
            None
        });
        let Some(end) = text[from..].find(')') else {
            continue;
        };
        let address = &text[from..from + end];
        let spaced = address.contains(char::is_whitespace) && !address.trim().is_empty();
        let plain = !address.contains(['(', '[', ']']);
        if let Some(open) = open.filter(|_| spaced && plain) {
            let image = text[..open].ends_with('!');
            found.push((if image { open - 1 } else { open }, address));
        }
    }
    found
}

/// The words of `events` without markup: text and code as they are, HTML
/// (shortcodes' output included) without its tags, a space between blocks.
fn plain_text(events: &[(Event, Range<usize>)]) -> String {
    let mut text = String::new();
    for (event, _) in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::Html(t) | Event::InlineHtml(t) => {
                let mut in_tag = false;
                for c in t.chars() {
                    match c {
                        '<' => in_tag = true,
                        '>' if in_tag => in_tag = false,
                        c if !in_tag => text.push(c),
                        _ => {}
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    text
}

/// A link's destination as pulldown-cmark writes it into `href` or `src`.
fn as_in_html(dest: &str) -> String {
    let mut url = String::with_capacity(dest.len());
    let _ = pulldown_cmark_escape::escape_href(&mut url, dest);
    url
}

/// Why a shortcode in a text is not closed, when the text ends where the
/// shortcode goes on (`after` are the events after the text): at the end
/// of its line, or where Markdown read HTML or code in it
/// (`{{ stat(id="<b>") }}`), a `}}` following in the same block. Markdown
/// reads those before shortcodes are looked for; only the error would be
/// told otherwise (`}}` missing), not its cause.
fn why_not_closed(after: &[(Event, Range<usize>)]) -> Option<Message> {
    let ((cut, _), rest) = after.split_first()?;
    let block_ends = |e: &Event| {
        matches!(
            e,
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell)
        )
    };
    let closes = (rest.iter())
        .take_while(|(e, _)| !block_ends(e))
        .any(|(e, _)| matches!(e, Event::Text(t) | Event::InlineHtml(t) | Event::Code(t) if t.contains("}}")));
    if !closes {
        return None;
    }
    match cut {
        Event::SoftBreak | Event::HardBreak => Some(msg!("shortcode-cut-line")),
        Event::InlineHtml(tag) => {
            // Shown on one line.
            let tag: String = (tag.chars().take(40))
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            Some(msg!("shortcode-cut-html", tag = tag))
        }
        Event::Code(_) => Some(msg!("shortcode-cut-code")),
        _ => None,
    }
}

/// Whether an event holds a shortcode.
fn has_shortcode(event: &Event) -> bool {
    matches!(event, Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) if t.contains("{{"))
}

/// Replaces shortcodes (`{{ stat(…) }}`, `{{ chart(…) }}`) in text by what
/// they stand for. A chart alone in its paragraph replaces the paragraph.
/// Code (blocks and inline) is shown as written: a guide may show a
/// shortcode there. Errors are collected with their byte offsets and
/// hints.
fn expand_shortcodes<'a>(
    events: Vec<(Event<'a>, Range<usize>)>,
    stats: Option<&LangStats>,
    errors: &mut Vec<(usize, Message, Message)>,
) -> Vec<(Event<'a>, Range<usize>)> {
    let mut out = Vec::with_capacity(events.len());
    let mut in_code = false;
    let mut in_image = false;
    let mut i = 0;
    while i < events.len() {
        match &events[i].0 {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Image { .. }) => in_image = true,
            Event::End(TagEnd::Image) => in_image = false,
            _ => {}
        }
        if in_code {
            out.push(events[i].clone());
            i += 1;
            continue;
        }
        // A paragraph that holds only one shortcode becomes that block.
        if let (
            Event::Start(Tag::Paragraph),
            Some((Event::Text(text), range)),
            Some((Event::End(TagEnd::Paragraph), _)),
        ) = (&events[i].0, events.get(i + 1), events.get(i + 2))
        {
            let calls = stats::find(text.trim());
            if let [Ok(call)] = calls.as_slice()
                && call.start == 0
                && call.end == text.trim().len()
            {
                match stats::expand(stats, call) {
                    Ok(Expansion::Html(html)) => {
                        out.push((Event::Html(CowStr::from(html)), range.clone()))
                    }
                    Ok(Expansion::Text(t)) => {
                        out.push(events[i].clone());
                        out.push((Event::Text(CowStr::from(t)), range.clone()));
                        out.push(events[i + 2].clone());
                    }
                    Ok(Expansion::Inline { html, .. }) => {
                        out.push(events[i].clone());
                        out.push((Event::InlineHtml(CowStr::from(html)), range.clone()));
                        out.push(events[i + 2].clone());
                    }
                    Err(message) => errors.push((range.start, message, stats::hint(call))),
                }
                i += 3;
                continue;
            }
        }
        let (event, range) = &events[i];
        match event {
            Event::Text(text) if text.contains("{{") => {
                let mut last = 0;
                for call in stats::find(text) {
                    match call {
                        Ok(call) => {
                            out.push((
                                Event::Text(CowStr::from(text[last..call.start].to_string())),
                                range.clone(),
                            ));
                            match stats::expand(stats, &call) {
                                Ok(Expansion::Text(t)) => {
                                    out.push((Event::Text(CowStr::from(t)), range.clone()))
                                }
                                // An image's description is text: no markup.
                                Ok(Expansion::Inline { text, .. }) if in_image => {
                                    out.push((Event::Text(CowStr::from(text)), range.clone()))
                                }
                                Ok(Expansion::Inline { html, .. }) => {
                                    out.push((Event::InlineHtml(CowStr::from(html)), range.clone()))
                                }
                                Ok(Expansion::Html(_)) => errors.push((
                                    range.start + call.start,
                                    msg!("shortcode-chart-alone"),
                                    stats::hint(&call),
                                )),
                                Err(message) => errors.push((
                                    range.start + call.start,
                                    message,
                                    stats::hint(&call),
                                )),
                            }
                            last = call.end;
                        }
                        Err((offset, message)) => {
                            let message = match message == msg!("shortcode-not-closed") {
                                true => why_not_closed(&events[i + 1..]).unwrap_or(message),
                                false => message,
                            };
                            errors.push((range.start + offset, message, msg!("shortcode-hint")))
                        }
                    }
                }
                out.push((
                    Event::Text(CowStr::from(text[last.min(text.len())..].to_string())),
                    range.clone(),
                ));
            }
            // In raw HTML, a figure becomes escaped text and a chart its HTML.
            Event::Html(html) | Event::InlineHtml(html) if html.contains("{{") => {
                let mut expanded = String::with_capacity(html.len());
                let mut last = 0;
                for call in stats::find(html) {
                    match call {
                        Ok(call) => {
                            expanded.push_str(&html[last..call.start]);
                            match stats::expand(stats, &call) {
                                Ok(Expansion::Text(t)) => {
                                    expanded.push_str(&super::xml::escape(&t))
                                }
                                Ok(Expansion::Inline { html: h, .. } | Expansion::Html(h)) => {
                                    expanded.push_str(&h)
                                }
                                Err(message) => errors.push((
                                    range.start + call.start,
                                    message,
                                    stats::hint(&call),
                                )),
                            }
                            last = call.end;
                        }
                        Err((offset, message)) => {
                            errors.push((range.start + offset, message, msg!("shortcode-hint")))
                        }
                    }
                }
                expanded.push_str(&html[last.min(html.len())..]);
                let event = match event {
                    Event::Html(_) => Event::Html(CowStr::from(expanded)),
                    _ => Event::InlineHtml(CowStr::from(expanded)),
                };
                out.push((event, range.clone()));
            }
            _ => out.push((event.clone(), range.clone())),
        }
        i += 1;
    }
    out
}

/// Gives every heading an id: its explicit `{#id}`, else a slug of its text,
/// made unique with `-1`, `-2`…
fn assign_heading_ids(events: &mut [(Event, Range<usize>)]) -> (Vec<Heading>, Vec<RepeatedId>) {
    let mut ids = HeadingIds::default();
    let mut toc = Vec::new();
    let mut repeated = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[i].0 {
            let level = heading_level(*level);
            let explicit = id.as_ref().map(|s| s.to_string());
            let mut title = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j].0 {
                    title.push_str(t);
                }
                j += 1;
            }
            let written = explicit.clone();
            let unique = ids.unique(explicit.unwrap_or_else(|| slugify(&title)));
            if let Some(id) = written.filter(|id| *id != unique) {
                repeated.push(RepeatedId {
                    heading: events[i].1.clone(),
                    id,
                });
            }
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i].0 {
                *id = Some(CowStr::from(unique.clone()));
            }
            toc.push(Heading {
                level,
                id: unique,
                title,
            });
            i = j;
        }
        i += 1;
    }
    (toc, repeated)
}

/// An id written for a heading (`{#id}`) that an earlier heading of the
/// page has: links to it lead to the earlier one, and this heading gets
/// another, so it is an error.
struct RepeatedId {
    /// The heading's place in the body.
    heading: Range<usize>,
    /// The id as written.
    id: String,
}

/// The ids given so far to a page's headings: a repeated id gets the first
/// free suffix of `-1`, `-2`, … (`x`, `x-1`, `x-2`; a heading written `x-1`
/// takes that id and its repeat gets `x-2`).
#[derive(Default)]
struct HeadingIds {
    used: HashSet<String>,
    /// The next suffix to try for each base id. Ids are never freed, so the
    /// suffixes below it are taken for good, and a page of n identical
    /// headings costs n tries, not n² / 2.
    next_suffix: HashMap<String, usize>,
}

impl HeadingIds {
    /// The id for a heading whose own id would be `base`.
    fn unique(&mut self, base: String) -> String {
        if self.used.insert(base.clone()) {
            return base;
        }
        let next = self.next_suffix.entry(base.clone()).or_insert(1);
        loop {
            let candidate = format!("{base}-{next}");
            *next += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// A heading's id from its text: lowercase letters and digits of any script
/// (Cyrillic stays Cyrillic), words joined by `-`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if push_lowercase_alphanumeric(&mut slug, c) {
            continue;
        }
        if (c.is_whitespace() || c == '-' || c == '_') && !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug.to_string()
    }
}

/// Below this, [`push_lowercase_alphanumeric`] reads a table: Latin (to
/// its Extended-B and IPA), Greek and Cyrillic, every letter of a Kazakh or
/// Russian heading.
const TABLE_END: char = '\u{500}';

/// Pushes `c` lowercased onto `slug` when it is a letter or digit
/// (`char::is_alphanumeric`, `char::to_lowercase`), and says whether it
/// was. The standard library's answers for the characters below
/// [`TABLE_END`] are looked up once and kept: its searches of Unicode's
/// tables made each heading's id cost 7,500 instructions, 1.6 % of a
/// build's.
fn push_lowercase_alphanumeric(slug: &mut String, c: char) -> bool {
    /// Not a letter or digit.
    const DROPPED: char = '\0';
    /// Not in the table, or lowercased to more than one character (`İ`):
    /// the standard library is asked.
    const ASK: char = '\u{1}';
    static TABLE: LazyLock<Vec<char>> = LazyLock::new(|| {
        let answer = |c: char| {
            let mut lower = c.to_lowercase();
            match (c.is_alphanumeric(), lower.next(), lower.next()) {
                (false, ..) => DROPPED,
                (true, Some(lower), None) => lower,
                (true, ..) => ASK,
            }
        };
        ('\0'..TABLE_END).map(answer).collect()
    });
    match TABLE.get(c as usize).copied().unwrap_or(ASK) {
        DROPPED => false,
        ASK if !c.is_alphanumeric() => false,
        ASK => {
            slug.extend(c.to_lowercase());
            true
        }
        lower => {
            slug.push(lower);
            true
        }
    }
}

/// The page an internal link leads to, its URL, and the anchor to check;
/// `None` for links that are not internal (`https://…`, `mailto:`).
fn resolve_link(
    site: &Site,
    page: &Page,
    id: PageId,
    dest: &str,
    locate: &dyn Fn() -> Span,
) -> Result<Option<(PageId, String, Option<AnchorLink>)>, Diagnostic> {
    let (target, anchor) = if let Some(path) = dest.strip_prefix("@/") {
        let (path, anchor) = path
            .split_once('#')
            .map_or((path, None), |(p, a)| (p, Some(a)));
        let Some(target) = resolve_source_path(site, page, path) else {
            let source = source_key(site, page, path);
            let key = source.as_ref().map(|source| source.key);
            let error = |message| Diagnostic::error(&page.path, locate(), message);
            if let Some(date) = key.and_then(|key| site.scheduled(key)) {
                let message = msg!("md-scheduled-page", dest = dest, date = date.to_string());
                return Err(error(message).with_hint(msg!("md-scheduled-page-hint")));
            }
            // A link to one language is to that language's draft.
            let left_out = |source: SourceKey| {
                let lang = source.named.then(|| &site.languages[source.lang].code);
                site.left_out(|l, k| k == source.key && lang.is_none_or(|lang| lang == l))
            };
            let guess = match source.and_then(left_out) {
                Some(LeftOut::Unread) => return Ok(None),
                Some(LeftOut::Draft(draft)) => {
                    let message = links::draft_page(dest, draft);
                    return Err(error(message).with_hint(msg!("link-draft-page-hint")));
                }
                Some(LeftOut::Waiting(_)) | None => guess_source_path(site, page, path),
            };
            let message = msg!("md-missing-page", dest = dest, guess = guess);
            return Err(error(message).with_hint(msg!("md-missing-page-hint")));
        };
        (target, anchor)
    } else if let Some(anchor) = dest.strip_prefix('#') {
        (id, Some(anchor))
    } else {
        return Ok(None);
    };
    let mut url = site.link(&site.pages[target].url);
    let anchor = anchor.filter(|a| !a.is_empty()).map(|anchor| {
        if target == id {
            url.clear();
        }
        url.push('#');
        url.push_str(anchor);
        AnchorLink {
            target: site.pages[target].url.clone(),
            anchor: anchor.to_string(),
            span: locate(),
            quote: None,
        }
    });
    Ok(Some((target, url, anchor)))
}

/// "Did you mean" for a link to the source `path` that leads to no page:
/// the page meant in another language or spelling, or the nearest of the
/// language's pages.
fn guess_source_path(site: &Site, page: &Page, path: &str) -> Message {
    if let Some(meant) = source_path_meant(site, page, path) {
        return crate::diag::guess(Some(&format!("@/{meant}")));
    }
    let paths: Vec<String> = (site.pages.iter())
        .filter(|p| p.lang == page.lang)
        .map(|p| match p.kind {
            PageKind::Page => format!("@/{}.md", p.key),
            PageKind::Section => format!("@/{}/_index.md", p.key),
            PageKind::Home => "@/_index.md".to_string(),
        })
        .collect();
    did_you_mean(&format!("@/{path}"), paths.iter().map(String::as_str))
}

/// `rules/quarantine.md` → that page in the current language (or, when it is
/// written with a language suffix, `rules/quarantine.ru.md`, in that one).
/// Falls back to another language when the current one lacks the page,
/// but not when the path names its language.
fn resolve_source_path(site: &Site, page: &Page, path: &str) -> Option<PageId> {
    let source = source_key(site, page, path)?;
    let own = site.page(source.key, source.lang);
    if source.named {
        return own;
    }
    own.or_else(|| (site.languages.iter()).find_map(|l| site.page(source.key, l.id)))
}

/// The `@/` path (without `@/`) of a page that `path`, which leads to
/// none, was meant for: written without `.md` (`rules/first`, or
/// `rules` for its `rules/_index.md`), with `content/` before it, or from
/// the folder of the page it is on rather than from `content/`
/// (`first.md` on a page of `rules/`).
fn source_path_meant(site: &Site, page: &Page, path: &str) -> Option<String> {
    let bare = path.trim_matches('/');
    let folder = match page.kind {
        PageKind::Page => page.key.rsplit_once('/').map_or("", |(folder, _)| folder),
        PageKind::Section | PageKind::Home => &page.key,
    };
    let bases = [
        Some(bare.to_string()),
        bare.strip_prefix("content/").map(str::to_string),
        (!folder.is_empty()).then(|| format!("{folder}/{bare}")),
    ];
    bases.into_iter().flatten().find_map(|base| {
        if base.ends_with(".md") {
            let found = base != path && resolve_source_path(site, page, &base).is_some();
            return found.then_some(base);
        }
        // Written without `.md`: the file of the page it names, as a
        // section's or as a page's.
        let id = resolve_source_path(site, page, &format!("{base}.md"))?;
        Some(match site.pages[id].kind {
            PageKind::Page => format!("{base}.md"),
            _ if base.is_empty() => "_index.md".to_string(),
            _ => format!("{base}/_index.md"),
        })
    })
}

/// The page an `@/` source path names.
struct SourceKey<'p> {
    /// Its key: `rules/quarantine` for `rules/quarantine.md`.
    key: &'p str,
    /// The language asked for: the suffix's (`rules/quarantine.ru.md`),
    /// else that of the page the link is on.
    lang: LangId,
    /// Whether the path names the language (a suffix): then only that
    /// language's page will do.
    named: bool,
}

/// The page that the source `path`, in a link on `page`, names.
fn source_key<'p>(site: &Site, page: &Page, path: &'p str) -> Option<SourceKey<'p>> {
    let stem = path.strip_suffix(".md")?;
    let suffixed = (stem.rsplit_once('.')).and_then(|(s, l)| Some((s, site.languages.id(l)?)));
    let (stem, lang) = suffixed.unwrap_or((stem, page.lang));
    let key = match stem.rsplit_once('/') {
        Some((dir, "_index")) => dir,
        None if stem == "_index" => "",
        _ => stem,
    };
    Some(SourceKey {
        key,
        lang,
        named: suffixed.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::{HeadingIds, slugify};

    /// The ids the old quadratic loop gave: the first of `base`, `base-1`,
    /// `base-2`, … not taken yet.
    fn ids_by_trying_every_suffix(bases: &[&str]) -> Vec<String> {
        let mut used = std::collections::HashSet::new();
        let mut ids = Vec::new();
        for base in bases {
            let mut unique = base.to_string();
            let mut n = 1;
            while !used.insert(unique.clone()) {
                unique = format!("{base}-{n}");
                n += 1;
            }
            ids.push(unique);
        }
        ids
    }

    #[test]
    fn repeated_headings_get_numbered_ids_that_never_collide() {
        let bases = [
            "x", "x", "x-1", "x", "x-3", "x", "x", "x-1", "y", "x-1-1", "x-1", "y", "x-10", "x",
            "x", "x", "x", "x", "x", "x", "x",
        ];
        let mut ids = HeadingIds::default();
        let given: Vec<String> = bases.iter().map(|b| ids.unique(b.to_string())).collect();
        assert_eq!(
            &given[..8],
            ["x", "x-1", "x-1-1", "x-2", "x-3", "x-4", "x-5", "x-1-2"]
        );
        assert_eq!(given, ids_by_trying_every_suffix(&bases));
        let distinct: std::collections::HashSet<_> = given.iter().collect();
        assert_eq!(distinct.len(), given.len(), "{given:?}");
    }

    #[test]
    fn thousands_of_identical_headings_are_numbered_in_order() {
        let mut ids = HeadingIds::default();
        let given: Vec<String> = (0..20_000).map(|_| ids.unique("x".to_string())).collect();
        assert_eq!(given[0], "x");
        assert_eq!(given[1], "x-1");
        assert_eq!(given[19_999], "x-19999");
    }

    #[test]
    fn slugs_keep_cyrillic_and_kazakh_letters() {
        assert_eq!(slugify("Қолды жуу"), "қолды-жуу");
        assert_eq!(
            slugify("Что делать, если заболели?"),
            "что-делать-если-заболели"
        );
        assert_eq!(slugify("  «Біргеміз: Білім» "), "біргеміз-білім");
        assert_eq!(slugify("!!!"), "section");
    }

    #[test]
    fn every_character_is_kept_lowercased_or_dropped_as_the_standard_library_says() {
        let mut slug = String::new();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            slug.clear();
            let kept = super::push_lowercase_alphanumeric(&mut slug, c);
            assert_eq!(kept, c.is_alphanumeric(), "{c:?}");
            let lower = c.to_lowercase().filter(|_| kept);
            assert!(slug.chars().eq(lower), "{c:?}: {slug:?}");
        }
    }
}
