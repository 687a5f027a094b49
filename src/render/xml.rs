//! The machine-readable files: `sitemap.xml` with language alternates, an
//! Atom feed per language, and `robots.txt`.

use std::borrow::Cow;
use std::fmt::Write;
use std::io;

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
    push_escaped(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped as by [`escape`].
fn push_escaped(out: &mut String, text: &str) {
    let text = without_xml_illegal(text);
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(out, &text);
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

/// How many addresses, and how many bytes, one sitemap file may hold.
#[derive(Debug, Clone, Copy)]
struct SitemapLimits {
    /// Addresses (`<url>` elements).
    urls: usize,
    /// Bytes, uncompressed.
    bytes: usize,
}

/// The sitemaps protocol's limits: 50,000 addresses and 50 MiB a file.
const SITEMAP_LIMITS: SitemapLimits = SitemapLimits {
    urls: 50_000,
    bytes: 50 * 1024 * 1024,
};

/// How a sitemap file (not the index) begins and ends.
const URLSET_START: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_END: &str = "</urlset>\n";

/// The sitemap: every page, language by language (in `site.yaml`'s order),
/// each with `xhtml:link` alternates for its translations and `x-default`;
/// then the pages aqparat makes itself,
/// given as groups of `(language, URL path)` translations. It is one file,
/// `sitemap.xml`, within [`SITEMAP_LIMITS`]; beyond them it is cut into
/// parts `sitemap-1.xml`, `sitemap-2.xml`… in order, and `sitemap.xml` is
/// the sitemap index that lists them. The parts are at the root, as the
/// protocol wants a sitemap to list only addresses below its own folder.
/// Each file is given to `write` (its path in the output, its bytes) once
/// it is whole, so no more than one part is held at a time.
pub fn sitemap(
    site: &Site,
    generated: &[Vec<(String, String)>],
    write: impl FnMut(&str, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let mut parts = SitemapParts::new(SITEMAP_LIMITS, write);
    let mut entry = String::new();
    // Each language's pages in their order, which the sitemap's record of
    // what it read holds (`Input::Addresses`): not where they stand among
    // the other languages' pages, which moves when a made-up home page is
    // written as a file.
    let pages = (site.languages.iter()).flat_map(|lang| site.pages_of(lang.id));
    for page in pages {
        entry.clear();
        let versions = Versions::of_page(site, page);
        write_url(&mut entry, site, &page.url, page.last_updated(), &versions);
        parts.push(&entry)?;
    }
    for group in generated {
        let versions = Versions::of_urls(group);
        for (_, url) in group {
            entry.clear();
            write_url(&mut entry, site, url, None, &versions);
            parts.push(&entry)?;
        }
    }
    parts.finish(|path| site.permalink(path))
}

/// `<url>` elements cut into sitemap files within limits (see [`sitemap`]).
struct SitemapParts<W> {
    limits: SitemapLimits,
    write: W,
    /// The part being filled: its start and its elements so far.
    part: String,
    /// How many elements `part` holds.
    urls: usize,
    /// How many parts were written.
    written: usize,
}

impl<W: FnMut(&str, &[u8]) -> io::Result<()>> SitemapParts<W> {
    fn new(limits: SitemapLimits, write: W) -> Self {
        SitemapParts {
            limits,
            write,
            part: String::from(URLSET_START),
            urls: 0,
            written: 0,
        }
    }

    /// Adds one `<url>` element, first writing the part so far if the
    /// element would take it beyond the limits. An element beyond them on
    /// its own is a part of its own.
    fn push(&mut self, element: &str) -> io::Result<()> {
        let bytes = self.part.len() + element.len() + URLSET_END.len();
        if self.urls > 0 && (self.urls >= self.limits.urls || bytes > self.limits.bytes) {
            self.write_part()?;
        }
        self.part.push_str(element);
        self.urls += 1;
        Ok(())
    }

    /// Writes the part being filled as the next part, and starts
    /// the next one in the same buffer.
    fn write_part(&mut self) -> io::Result<()> {
        self.written += 1;
        self.part.push_str(URLSET_END);
        (self.write)(&part_path(self.written), self.part.as_bytes())?;
        self.part.truncate(URLSET_START.len());
        self.urls = 0;
        Ok(())
    }

    /// Writes `sitemap.xml`: the only part, or the index of the parts
    /// (`permalink` gives a part's address from its path).
    fn finish(mut self, permalink: impl Fn(&str) -> String) -> io::Result<()> {
        if self.written == 0 {
            self.part.push_str(URLSET_END);
            return (self.write)("sitemap.xml", self.part.as_bytes());
        }
        if self.urls > 0 {
            self.write_part()?;
        }
        let mut index = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for number in 1..=self.written {
            index.push_str("  <sitemap>\n    <loc>");
            push_escaped(&mut index, &permalink(&part_path(number)));
            index.push_str("</loc>\n  </sitemap>\n");
        }
        index.push_str("</sitemapindex>\n");
        (self.write)("sitemap.xml", index.as_bytes())
    }
}

/// The path of the sitemap's part `number` (from 1).
fn part_path(number: usize) -> String {
    format!("sitemap-{number}.xml")
}

/// Whether `path` (from the output's root) is a name [`sitemap`] gives a
/// part: `sitemap-N.xml`, N a number from 1 written without leading zeros.
pub fn is_sitemap_part(path: &str) -> bool {
    let number = path
        .strip_prefix("sitemap-")
        .and_then(|p| p.strip_suffix(".xml"));
    number.is_some_and(|n| {
        !n.is_empty() && !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit())
    })
}

/// One `<url>` with its alternates (when there is more than one version).
fn write_url(
    xml: &mut String,
    site: &Site,
    url: &str,
    lastmod: Option<crate::date::Date>,
    versions: &Versions,
) {
    // `Site::permalink`, escaped into `xml` (escaping goes character by
    // character, so escaping the two parts is escaping the whole). The
    // sitemap protocol asks for addresses in ASCII: a page's Cyrillic path
    // is percent-encoded, as a browser sends it (the base URL is already).
    let push_permalink = |xml: &mut String, url: &str| {
        push_escaped(xml, &site.base_url);
        let ascii = percent_encoding::utf8_percent_encode(url, percent_encoding::CONTROLS);
        push_escaped(xml, &Cow::from(ascii));
    };
    xml.push_str("  <url>\n    <loc>");
    push_permalink(xml, url);
    xml.push_str("</loc>\n");
    if let Some(date) = lastmod {
        let _ = writeln!(xml, "    <lastmod>{date}</lastmod>");
    }
    if versions.translations() > 1 {
        for (lang, url) in versions.alternates(site) {
            xml.push_str("    <xhtml:link rel=\"alternate\" hreflang=\"");
            push_escaped(xml, lang);
            xml.push_str("\" href=\"");
            push_permalink(xml, url);
            xml.push_str("\"/>\n");
        }
    }
    xml.push_str("  </url>\n");
}

/// The Atom feed of `lang`: its pages (not sections) that are in force,
/// most recently updated first; updated when the newest was, or, with no
/// page dated, when it was built.
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
        // With no page dated, the feed was last changed when it was built
        // (a date of 1970 would be claimed of a site that has none).
        updated.map_or_else(
            || {
                let built = std::time::UNIX_EPOCH + std::time::Duration::from_secs(site.build_date);
                humantime::format_rfc3339_seconds(built).to_string()
            },
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

    /// The files `SitemapParts` writes for `elements`, in order, on a site
    /// at `https://x.example/`.
    fn cut(limits: SitemapLimits, elements: &[String]) -> Vec<(String, String)> {
        let mut files = Vec::new();
        let mut parts = SitemapParts::new(limits, |path: &str, bytes: &[u8]| {
            files.push((path.to_string(), String::from_utf8(bytes.to_vec()).unwrap()));
            Ok(())
        });
        for element in elements {
            parts.push(element).unwrap();
        }
        parts
            .finish(|path| format!("https://x.example/{path}"))
            .unwrap();
        files
    }

    /// A `<url>` element, the `n`th.
    fn element(n: usize) -> String {
        format!("  <url>\n    <loc>https://x.example/kk/{n}/</loc>\n  </url>\n")
    }

    /// The `<loc>`s of a sitemap file, parsed as XML.
    fn locs(xml: &str) -> Vec<String> {
        let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
        doc.descendants()
            .filter(|n| n.has_tag_name("loc"))
            .map(|n| n.text().unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn a_sitemap_within_the_limits_is_one_file() {
        let elements: Vec<String> = (0..3).map(element).collect();
        let files = cut(SITEMAP_LIMITS, &elements);
        assert_eq!(files.len(), 1);
        let (path, xml) = &files[0];
        assert_eq!(path, "sitemap.xml");
        assert!(xml.contains("<urlset "), "{xml}");
        assert_eq!(locs(xml).len(), 3);
        let empty = cut(SITEMAP_LIMITS, &[]);
        assert_eq!(
            empty,
            [(
                "sitemap.xml".to_string(),
                format!("{URLSET_START}{URLSET_END}")
            )]
        );
    }

    #[test]
    fn a_sitemap_beyond_the_limits_is_parts_and_an_index_of_them() {
        let elements: Vec<String> = (0..5).map(element).collect();
        let limits = SitemapLimits {
            urls: 2,
            bytes: usize::MAX,
        };
        let files = cut(limits, &elements);
        let paths: Vec<&str> = files.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml",
                "sitemap.xml"
            ]
        );
        let counts: Vec<usize> = files[..3].iter().map(|(_, xml)| locs(xml).len()).collect();
        assert_eq!(counts, [2, 2, 1]);
        let (_, index) = &files[3];
        assert!(index.contains("<sitemapindex "), "{index}");
        assert_eq!(
            locs(index),
            [1, 2, 3].map(|n| format!("https://x.example/sitemap-{n}.xml"))
        );
    }

    #[test]
    fn a_part_may_be_exactly_as_large_as_the_limit() {
        let elements: Vec<String> = (0..4).map(element).collect();
        let two = URLSET_START.len() + elements[0].len() * 2 + URLSET_END.len();
        for (bytes, parts) in [(two, 2), (two - 1, 4)] {
            let limits = SitemapLimits {
                urls: usize::MAX,
                bytes,
            };
            let files = cut(limits, &elements);
            assert_eq!(files.len(), parts + 1, "{bytes} bytes: {files:?}");
        }
    }

    #[test]
    fn only_the_names_of_parts_are_parts() {
        for part in ["sitemap-1.xml", "sitemap-20.xml", "sitemap-1234567.xml"] {
            assert!(is_sitemap_part(part), "{part}");
        }
        for other in [
            "sitemap.xml",
            "sitemap-.xml",
            "sitemap-0.xml",
            "sitemap-01.xml",
            "sitemap-1a.xml",
            "sitemap-1.xml.gz",
            "kk/sitemap-1.xml",
            "sitemap-١.xml",
        ] {
            assert!(!is_sitemap_part(other), "{other}");
        }
    }

    proptest::proptest! {
        /// Whatever the elements and limits: the parts hold every element
        /// once, in order; each holds at least one, and is within the
        /// limits unless it holds a single element; each but the last is
        /// full (the next element would take it beyond a limit);
        /// `sitemap.xml` comes last and lists every part, in order.
        #[test]
        fn sitemap_parts_hold_every_element_within_the_limits(
            lengths in proptest::collection::vec(0usize..300, 0..40),
            urls in 1usize..6,
            bytes in 0usize..1200,
        ) {
            let elements: Vec<String> = lengths
                .iter()
                .enumerate()
                .map(|(n, &len)| format!("{}{}", element(n), " ".repeat(len)))
                .collect();
            let files = cut(SitemapLimits { urls, bytes }, &elements);
            let (last, parts) = files.split_last().unwrap();
            proptest::prop_assert_eq!(&last.0, "sitemap.xml");
            let parts = if parts.is_empty() { std::slice::from_ref(last) } else { parts };
            let mut held = 0;
            for (n, (path, xml)) in parts.iter().enumerate() {
                if files.len() > 1 {
                    proptest::prop_assert_eq!(path, &part_path(n + 1));
                }
                let inner = xml.strip_prefix(URLSET_START).and_then(|x| x.strip_suffix(URLSET_END));
                let inner = inner.expect("a urlset");
                let count = locs(xml).len();
                proptest::prop_assert_eq!(inner, elements[held..held + count].concat());
                proptest::prop_assert!(count >= 1 || elements.is_empty());
                if count > 1 {
                    proptest::prop_assert!(count <= urls && xml.len() <= bytes, "{} {}", count, xml.len());
                }
                if n + 1 < parts.len() {
                    let next = &elements[held + count];
                    proptest::prop_assert!(count == urls || xml.len() + next.len() > bytes);
                }
                held += count;
            }
            proptest::prop_assert_eq!(held, elements.len());
            if files.len() > 1 {
                let expected: Vec<String> = (1..=parts.len())
                    .map(|n| format!("https://x.example/{}", part_path(n)))
                    .collect();
                proptest::prop_assert_eq!(locs(&last.1), expected);
            }
        }
    }

    #[test]
    fn characters_xml_forbids_are_replaced() {
        assert_eq!(escape("a\u{1b}b\u{0}c\td\n"), "a\u{fffd}b\u{fffd}c\td\n");
        assert_eq!(escape("Қазақ <b>"), "Қазақ &lt;b&gt;");
    }
}
