//! The machine-readable files: `sitemap.xml` with language alternates, an
//! Atom feed per language, and `robots.txt`.

use std::fmt::Write;

use crate::model::{PageKind, Site};

/// How many of the most recently updated pages a feed lists.
pub const FEED_LENGTH: usize = 50;

/// Escapes text for XML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// `sitemap.xml`: every page, each with `xhtml:link` alternates for its
/// translations and `x-default`.
pub fn sitemap(site: &Site) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in &site.pages {
        let _ = write!(
            xml,
            "  <url>\n    <loc>{}</loc>\n",
            escape(&site.permalink(&page.url))
        );
        if let Some(date) = page.last_updated() {
            let _ = writeln!(xml, "    <lastmod>{date}</lastmod>");
        }
        let versions: Vec<_> = site
            .languages
            .iter()
            .filter_map(|l| site.page(&page.key, &l.code))
            .collect();
        if versions.len() > 1 {
            for &id in &versions {
                let _ = writeln!(
                    xml,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    escape(&site.pages[id].lang),
                    escape(&site.permalink(&site.pages[id].url))
                );
            }
            let default = site
                .page(&page.key, &site.default_lang)
                .unwrap_or(versions[0]);
            let _ = writeln!(
                xml,
                "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                escape(&site.permalink(&site.pages[default].url))
            );
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// The Atom feed of `lang`: its pages (not sections), most recently updated
/// first.
pub fn atom(site: &Site, lang: &str) -> String {
    let mut pages: Vec<_> = site
        .pages
        .iter()
        .filter(|p| p.lang == lang && p.kind == PageKind::Page && p.last_updated().is_some())
        .collect();
    pages.sort_by(|a, b| {
        b.last_updated()
            .cmp(&a.last_updated())
            .then(a.title.cmp(&b.title))
    });
    pages.truncate(FEED_LENGTH);
    let title = site.lang(lang).map_or("", |l| l.title.as_str());
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
