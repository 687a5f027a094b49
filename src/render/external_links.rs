//! The links of a build to other sites (`http:` and `https:` addresses),
//! each with every place that writes it, for `check --external`, which
//! asks their servers (see `crate::external`).
//!
//! A link a page's Markdown writes is placed at its line and column in
//! the page's file; one a template writes, at the first place a template
//! holds it, else a data file of `data/` (a source's `url:`), else the
//! template's start, once per place, with the page that shows it and how
//! many others do (as the internal link check reports them).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::PageFacts;
use super::links::{self, HtmlFile};
use crate::diag::{Quote, Span};
use crate::messages::Message;
use crate::model::Site;

/// One address on another site, and where the site links to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalLink {
    /// The address to ask, parsed and normalised (an IDN host as ASCII,
    /// the path percent-encoded), without its `#fragment`.
    pub url: String,
    /// Every place that writes it, in the order of the files.
    pub places: Vec<Place>,
}

/// Where a link is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The file, relative to the site's root.
    pub path: PathBuf,
    /// Where in the file.
    pub span: Span,
    /// What a diagnostic quotes of that line of the file, when known.
    pub quote: Option<Quote>,
    /// For a link a template writes: the URL of the first page that shows
    /// it, and how many other pages do.
    pub shown_on: Option<(String, usize)>,
}

impl Place {
    /// `message` about the link at this place: for a template's, said to
    /// be on the pages that show it.
    pub fn shown(&self, message: &Message) -> Message {
        match &self.shown_on {
            Some((url, others)) => links::on_page(message, url, *others),
            None => message.clone(),
        }
    }
}

/// The web address `raw` (an attribute's value, as in the HTML) as it is
/// asked: `None` for one that is not an absolute `http:` or `https:`
/// address with a host.
pub fn normalise(raw: &str) -> Option<String> {
    let value = links::unescape(raw);
    let mut url = url::Url::parse(value.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return None;
    }
    url.set_fragment(None);
    Some(url.into())
}

/// Collects the external links of a build from its pages' facts (the
/// links their Markdown writes, with positions; `pages` gives each page's
/// source file and facts) and from its units' HTML files (the links their
/// templates write), by address; the site's own absolute addresses are
/// internal links, left out.
pub fn collect<'a>(
    site: &Site,
    pages: impl Iterator<Item = (&'a Path, &'a PageFacts)>,
    html: impl Iterator<Item = &'a HtmlFile>,
) -> Vec<ExternalLink> {
    let base = links::Base::of(site);
    let mut by_url: BTreeMap<String, Vec<Place>> = BTreeMap::new();
    for (path, facts) in pages {
        for link in &facts.url_links {
            // An absolute address of the site itself is an internal link,
            // which the build checks.
            let elsewhere = links::resolve(&base, "", &link.url) == links::Target::Elsewhere;
            if let Some(url) = normalise(&link.url).filter(|_| elsewhere) {
                by_url.entry(url).or_default().push(Place {
                    path: path.to_path_buf(),
                    span: link.span,
                    quote: Some(link.quote.clone()),
                    shown_on: None,
                });
            }
        }
    }
    // A template's link: one place per template and link, with the pages
    // that show it.
    let mut shown: BTreeMap<(&str, &str), (&str, usize)> = BTreeMap::new();
    for file in html {
        for raw in file.external.lines() {
            shown
                .entry((&file.template, raw))
                .and_modify(|(_, others)| *others += 1)
                .or_insert((&file.file, 0));
        }
    }
    for ((template, raw), (file, others)) in shown {
        let Some(url) = normalise(raw) else { continue };
        let (path, span, text) = locate(site, template, raw);
        by_url.entry(url).or_default().push(Place {
            quote: text.and_then(|t| Quote::in_file(&t, span)),
            path,
            span,
            shown_on: Some((links::display_url(site, file), others)),
        });
    }
    by_url
        .into_iter()
        .map(|(url, mut places)| {
            places.sort_by(|a, b| (&a.path, a.span).cmp(&(&b.path, b.span)));
            places.dedup();
            ExternalLink { url, places }
        })
        .collect()
}

/// Where `template` writes the link `raw`: in a template (see
/// [`links::locate_in_template`]), else in a data file that holds it (a
/// source's `url:`), else the template's start.
fn locate(site: &Site, template: &str, raw: &str) -> (PathBuf, Span, Option<String>) {
    let found = links::locate_in_template(site, template, raw);
    if found.2.is_some() {
        return found;
    }
    let needle = links::unescape(raw);
    let data = site.root.join("data");
    let files = walkdir::WalkDir::new(&data).sort_by_file_name().into_iter();
    for entry in files.filter_map(Result::ok) {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        if let (Some(offset), Ok(rel)) = (
            text.find(needle.as_ref()),
            entry.path().strip_prefix(&site.root),
        ) {
            let span = Span::at_offset(&text, offset, 0);
            return (rel.to_path_buf(), span, Some(text));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn web_addresses_are_normalised_and_others_left_out() {
        assert_eq!(
            normalise("https://Example.ORG/a?b=1&amp;c=2#top").as_deref(),
            Some("https://example.org/a?b=1&c=2")
        );
        assert_eq!(
            normalise("http://қазақ.example/Ақтау").as_deref(),
            Some("http://xn--80aau21bd.example/%D0%90%D2%9B%D1%82%D0%B0%D1%83")
        );
        assert_eq!(normalise("mailto:a@x.example"), None);
        assert_eq!(normalise("https://"), None);
        assert_eq!(normalise("/kk/"), None);
    }
}
