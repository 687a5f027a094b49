//! The machine-readable files: `sitemap.xml` with language alternates, an
//! Atom feed per language, and `robots.txt`.

use std::fmt::Write;

use super::versions::Versions;
use crate::model::{Lang, Page, PageKind, Site};

/// How many of the most recently updated pages a feed lists.
pub const FEED_LENGTH: usize = 50;

/// Escapes text for XML and HTML content and double-quoted attributes.
/// Characters that XML 1.0 does not allow (C0 controls other than tab and
/// line breaks, U+FFFE, U+FFFF) become U+FFFD, so that the output stays
/// well-formed whatever the input.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let text = without_xml_illegal(text);
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, &text);
    out
}

/// Escapes text for an attribute value, quoted with `"` or `'`: as
/// [`escape`], and `'` too. Every attribute value the Rust code writes by
/// hand goes through this (or is a number), so that no value, validated or
/// not, can end its attribute.
pub fn attribute(text: &str) -> String {
    escape(text).replace('\'', "&#39;")
}

/// Whether XML 1.0 allows `c` in a document.
fn is_xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// `text` with the characters XML does not allow replaced by U+FFFD.
fn without_xml_illegal(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        std::borrow::Cow::Borrowed(text)
    } else {
        text.chars()
            .map(|c| if is_xml_char(c) { c } else { '\u{fffd}' })
            .collect()
    }
}

/// `sitemap.xml`: every page, each with `xhtml:link` alternates for its
/// translations and `x-default`; then the pages aqparat makes itself,
/// given as groups of `(language, URL path)` translations.
pub fn sitemap(site: &Site, generated: &[Vec<(String, String)>]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in &site.pages {
        let versions = Versions::of_page(site, page);
        write_url(&mut xml, site, &page.url, page.last_updated(), &versions);
    }
    for group in generated {
        let versions = Versions::of_urls(group);
        for (_, url) in group {
            write_url(&mut xml, site, url, None, &versions);
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

/// One `<url>` with its alternates (when there is more than one version).
fn write_url(
    xml: &mut String,
    site: &Site,
    url: &str,
    lastmod: Option<crate::date::Date>,
    versions: &Versions,
) {
    let _ = write!(
        xml,
        "  <url>\n    <loc>{}</loc>\n",
        escape(&site.permalink(url))
    );
    if let Some(date) = lastmod {
        let _ = writeln!(xml, "    <lastmod>{date}</lastmod>");
    }
    if versions.translations() > 1 {
        for (lang, url) in versions.alternates(site) {
            let _ = writeln!(
                xml,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                escape(lang),
                escape(&site.permalink(url))
            );
        }
    }
    xml.push_str("  </url>\n");
}

/// The Atom feed of `lang`: its pages (not sections) that are in force,
/// most recently updated first.
pub fn atom(site: &Site, language: &Lang) -> String {
    let mut pages: Vec<_> = site
        .pages
        .iter()
        .filter(|p| p.lang == language.id && p.kind == PageKind::Page && !p.expired)
        .filter(|p| p.last_updated().is_some())
        .collect();
    // Newest first, then by title and address: a total order, so the
    // newest FEED_LENGTH can be picked without sorting every page (an edit
    // of a large site renders the feed again).
    let newest_first = |a: &&Page, b: &&Page| {
        (b.last_updated().cmp(&a.last_updated()))
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.url.cmp(&b.url))
    };
    if pages.len() > FEED_LENGTH {
        pages.select_nth_unstable_by(FEED_LENGTH, newest_first);
        pages.truncate(FEED_LENGTH);
    }
    pages.sort_unstable_by(newest_first);
    let (lang, title) = (&language.code, &language.title);
    let home = site.permalink(&format!("{lang}/"));
    let self_url = site.permalink(&format!("{lang}/atom.xml"));
    let updated = pages.first().and_then(|p| p.last_updated());
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = write!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>{}</title>\n  <id>{}</id>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n  <updated>{}</updated>\n  <author><name>{}</name></author>\n",
        escape(title),
        escape(&home),
        escape(&home),
        escape(&self_url),
        updated.map_or_else(
            || "1970-01-01T00:00:00Z".to_string(),
            |d| format!("{d}T00:00:00Z")
        ),
        escape(title),
    );
    for page in pages {
        let url = escape(&site.permalink(&page.url));
        let _ = write!(
            xml,
            "  <entry>\n    <title>{}</title>\n    <id>{url}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n",
            escape(&page.title)
        );
        if let Some(date) = page.date {
            let _ = writeln!(xml, "    <published>{date}T00:00:00Z</published>");
        }
        if let Some(date) = page.last_updated() {
            let _ = writeln!(xml, "    <updated>{date}T00:00:00Z</updated>");
        }
        if !page.description.is_empty() {
            let _ = writeln!(xml, "    <summary>{}</summary>", escape(&page.description));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// `robots.txt`: everything may be indexed; the sitemap's address.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.permalink("sitemap.xml")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_values_cannot_end_their_attribute() {
        let hostile = "x\"><script>alert('1')</script>";
        let escaped = attribute(hostile);
        for forbidden in ['"', '\'', '<', '>'] {
            assert!(!escaped.contains(forbidden), "{escaped}");
        }
        assert_eq!(attribute("a&b"), "a&amp;b");
    }

    #[test]
    fn characters_xml_forbids_are_replaced() {
        assert_eq!(escape("a\u{1b}b\u{0}c\td\n"), "a\u{fffd}b\u{fffd}c\td\n");
        assert_eq!(escape("Қазақ <b>"), "Қазақ &lt;b&gt;");
    }
}
