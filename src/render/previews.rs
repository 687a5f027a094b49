//! What a page tells social networks and search engines about itself: its
//! Open Graph locale, its preview card (a 1200×630 PNG of its title and the
//! site's name, drawn with the theme's font) and its JSON-LD (`WebSite`,
//! `WebPage`, `BreadcrumbList`, `Dataset`).
//!
//! A card is named by a hash of what it shows and of its page's address
//! (`og/HASH.png`), so a card whose page changed in other ways is not drawn
//! again in `watch`. (The address keeps two pages of the same title from
//! sharing a file, which an edit of one of them would remove.)

use std::fmt::Write;
use std::hash::{DefaultHasher, Hash, Hasher};

use serde::Serialize;

use super::stats::{chars_in, wrap};
use super::xml::{attribute, escape};
use crate::date::Date;

/// The folder of the page cards, under the output's root.
pub const CARDS_DIR: &str = "og";

/// Width and height of a page card, as Open Graph recommends.
pub const CARD_SIZE: (u32, u32) = (1200, 630);

/// Bumped when the drawing changes, so that cards are drawn again.
const CARD_VERSION: u32 = 4;

/// The Open Graph locale (`kk_KZ`) of language `code`: the usual country
/// of the languages aqparat's sites use; a code with a region
/// (`pt-BR`) keeps it; any other code `xx` becomes `xx_XX`.
pub fn og_locale(code: &str) -> String {
    let known = match code {
        "kk" => Some("kk_KZ"),
        "ru" => Some("ru_RU"),
        "en" => Some("en_US"),
        "uk" => Some("uk_UA"),
        "uz" => Some("uz_UZ"),
        "ky" => Some("ky_KG"),
        "tg" => Some("tg_TJ"),
        "be" => Some("be_BY"),
        "zh" => Some("zh_CN"),
        _ => None,
    };
    if let Some(known) = known {
        return known.to_string();
    }
    match code.split_once('-') {
        Some((lang, region)) => format!("{lang}_{}", region.to_ascii_uppercase()),
        None => format!("{code}_{}", code.to_ascii_uppercase()),
    }
}

/// What a page card shows, and whose it is.
pub struct Card<'a> {
    /// The URL path of its page.
    pub url: &'a str,
    /// The page's title.
    pub title: &'a str,
    /// The site's name in the page's language.
    pub site_title: &'a str,
    /// The font family it is drawn with.
    pub family: &'a str,
}

impl Card<'_> {
    /// Its path in the output, `og/HASH.png`, HASH of what it shows and
    /// of its page's address. (`DefaultHasher::new` hashes alike from one
    /// build to the next; an aqparat whose Rust hashes otherwise merely
    /// draws the cards again.)
    pub fn path(&self) -> String {
        let mut hasher = DefaultHasher::new();
        (
            CARD_VERSION,
            self.url,
            self.title,
            self.site_title,
            self.family,
        )
            .hash(&mut hasher);
        format!("{CARDS_DIR}/{:016x}.png", hasher.finish())
    }

    /// Its SVG: the site's name at the top, the title below it in large
    /// type (at most five lines, the last one cut with `…`), a band of the
    /// theme's colour at the foot.
    pub fn svg(&self) -> String {
        let (width, height) = CARD_SIZE;
        const MARGIN: f32 = 80.0;
        const MAX_LINES: usize = 5;
        let long = self.title.chars().count() > 90;
        let font = if long { 52.0 } else { 64.0 };
        let mut lines = wrap(self.title, chars_in(width as f32 - 2.0 * MARGIN, font));
        if lines.len() > MAX_LINES {
            lines.truncate(MAX_LINES);
            if let Some(last) = lines.last_mut() {
                last.push('…');
            }
        }
        // The site's name on one line, cut with `…` if longer.
        let names = wrap(self.site_title, chars_in(width as f32 - 2.0 * MARGIN, 36.0));
        let mut name = names.first().cloned().unwrap_or_default();
        if names.len() > 1 {
            name.push('…');
        }
        let mut text = String::new();
        let _ = write!(
            text,
            r##"<text x="{MARGIN}" y="120" font-size="36" fill="#1d5b8c">{}</text>"##,
            escape(&name)
        );
        let mut y = 140.0 + font * 1.2;
        for line in &lines {
            let _ = write!(
                text,
                r##"<text x="{MARGIN}" y="{y:.0}" font-size="{font}" font-weight="bold" fill="#111111">{}</text>"##,
                escape(line)
            );
            y += font * 1.2;
        }
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{}"><rect width="{width}" height="{height}" fill="#ffffff"/><rect y="{}" width="{width}" height="24" fill="#1d5b8c"/>{text}</svg>"##,
            attribute(self.family),
            height - 24,
        )
    }
}

/// A link in a page's breadcrumbs, or the page itself.
pub struct Crumb<'a> {
    /// Its title.
    pub title: &'a str,
    /// Its absolute address.
    pub url: String,
}

/// The open data a `Dataset` describes.
pub struct Dataset<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its description.
    pub description: &'a str,
    /// Its licence's address.
    pub licence: Option<&'a str>,
    /// Who publishes it.
    pub publisher: Option<&'a str>,
    /// Its downloads: `(absolute address, media type)`.
    pub distributions: Vec<(String, &'static str)>,
}

/// What a page's JSON-LD says.
pub struct Facts<'a> {
    /// The page's language code.
    pub lang: &'a str,
    /// The site's name in that language.
    pub site_title: &'a str,
    /// The site's address in that language (its home page).
    pub site_url: String,
    /// Whether the page is the language's home page.
    pub is_home: bool,
    /// Its title.
    pub title: &'a str,
    /// Its description.
    pub description: &'a str,
    /// Its absolute address.
    pub url: String,
    /// When it was last updated.
    pub modified: Option<Date>,
    /// Its image's absolute address.
    pub image: Option<String>,
    /// The sections above it, home first, then itself.
    pub crumbs: Vec<Crumb<'a>>,
    /// The open data it offers.
    pub dataset: Option<Dataset<'a>>,
}

impl Facts<'_> {
    /// The JSON-LD graph, ready to go inside `<script
    /// type="application/ld+json">`: every `<` (only ever inside a JSON
    /// string) is written `\u003c`, so no title can end the script or open
    /// a comment or script of its own in it (`<\/` would stop the first
    /// only).
    pub fn json_ld(&self) -> String {
        let website_id = format!("{}#website", self.site_url);
        let mut graph = vec![
            Node::WebSite(WebSite {
                id: &website_id,
                kind: "WebSite",
                in_language: self.lang,
                name: self.site_title,
                url: &self.site_url,
            }),
            Node::WebPage(WebPage {
                id: &self.url,
                kind: "WebPage",
                date_modified: self.modified.map(|d| d.to_string()),
                description: self.description,
                in_language: self.lang,
                is_part_of: Reference { id: &website_id },
                name: self.title,
                primary_image_of_page: self.image.as_deref(),
                url: &self.url,
            }),
        ];
        if !self.is_home && !self.crumbs.is_empty() {
            let items = (self.crumbs.iter().enumerate())
                .map(|(i, c)| ListItem {
                    kind: "ListItem",
                    item: &c.url,
                    name: c.title,
                    position: i + 1,
                })
                .collect();
            graph.push(Node::Breadcrumbs(BreadcrumbList {
                kind: "BreadcrumbList",
                item_list_element: items,
            }));
        }
        if let Some(dataset) = &self.dataset {
            graph.push(Node::Dataset(self.dataset(dataset)));
        }
        let ld = Graph {
            context: "https://schema.org",
            graph,
        };
        // Strings and numbers only: serialising cannot fail.
        let json = serde_json::to_string(&ld).unwrap_or_default();
        json.replace('<', "\\u003c")
    }

    fn dataset<'a>(&'a self, dataset: &'a Dataset) -> DatasetNode<'a> {
        DatasetNode {
            kind: "Dataset",
            date_modified: self.modified.map(|d| d.to_string()),
            description: dataset.description,
            distribution: (dataset.distributions.iter())
                .map(|(url, format)| DataDownload {
                    kind: "DataDownload",
                    content_url: url,
                    encoding_format: format,
                })
                .collect(),
            in_language: self.lang,
            is_accessible_for_free: true,
            license: dataset.licence,
            name: dataset.name,
            publisher: dataset.publisher.map(|name| Organization {
                kind: "Organization",
                name,
            }),
            url: &self.url,
        }
    }
}

// The JSON-LD graph's nodes, serialised as they are: building it as
// `serde_json` values first was 3 % of a build of 20,222 pages. Fields are
// in alphabetical order, as the values' maps wrote them, so pages stay
// byte for byte what they were.

#[derive(Serialize)]
struct Graph<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@graph")]
    graph: Vec<Node<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Node<'a> {
    WebSite(WebSite<'a>),
    WebPage(WebPage<'a>),
    Breadcrumbs(BreadcrumbList<'a>),
    Dataset(DatasetNode<'a>),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WebSite<'a> {
    #[serde(rename = "@id")]
    id: &'a str,
    #[serde(rename = "@type")]
    kind: &'static str,
    in_language: &'a str,
    name: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WebPage<'a> {
    #[serde(rename = "@id")]
    id: &'a str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    in_language: &'a str,
    is_part_of: Reference<'a>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    primary_image_of_page: Option<&'a str>,
    url: &'a str,
}

#[derive(Serialize)]
struct Reference<'a> {
    #[serde(rename = "@id")]
    id: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BreadcrumbList<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    item_list_element: Vec<ListItem<'a>>,
}

#[derive(Serialize)]
struct ListItem<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    item: &'a str,
    name: &'a str,
    position: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DatasetNode<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    description: &'a str,
    distribution: Vec<DataDownload<'a>>,
    in_language: &'a str,
    is_accessible_for_free: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    license: Option<&'a str>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Organization<'a>>,
    url: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DataDownload<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    content_url: &'a str,
    encoding_format: &'static str,
}

#[derive(Serialize)]
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn locales() {
        assert_eq!(og_locale("kk"), "kk_KZ");
        assert_eq!(og_locale("ru"), "ru_RU");
        assert_eq!(og_locale("en"), "en_US");
        assert_eq!(og_locale("de"), "de_DE");
        assert_eq!(og_locale("pt-br"), "pt_BR");
    }

    #[test]
    fn card_escapes_and_names_what_it_shows() {
        let card = Card {
            url: "kk/a/",
            title: "a <b> & \"c\" </svg>",
            site_title: "S",
            family: "F",
        };
        let svg = card.svg();
        assert!(svg.contains("a &lt;b&gt; &amp; &quot;c&quot; &lt;/svg&gt;"));
        let other = Card { title: "x", ..card };
        assert_ne!(card.path(), other.path());
    }

    #[test]
    fn a_card_draws_a_bounded_text_however_long_the_titles() {
        let (word, name) = ("ә".repeat(200_000), "Сайт ".repeat(10_000));
        let card = Card {
            url: "kk/a/",
            title: &word,
            site_title: &name,
            family: "F",
        };
        let svg = card.svg();
        let texts: Vec<&str> = svg.split("<text").skip(1).collect();
        assert_eq!(texts.len(), 6, "the site's name and five lines");
        for text in texts {
            let shown = text
                .split('>')
                .nth(1)
                .unwrap_or_default()
                .trim_end_matches("</text");
            assert!(shown.chars().count() <= 50, "{shown}");
        }
        assert!(svg.contains("…</text>"));
    }

    #[test]
    fn json_ld_cannot_end_its_script() {
        let facts = Facts {
            lang: "kk",
            site_title: "S",
            site_url: "https://e.example/kk/".into(),
            is_home: false,
            title: "</script><b>",
            description: "",
            url: "https://e.example/kk/a/".into(),
            modified: None,
            image: None,
            crumbs: Vec::new(),
            dataset: None,
        };
        let ld = facts.json_ld();
        assert!(!ld.contains('<'));
        let parsed: Value = serde_json::from_str(&ld).unwrap();
        assert_eq!(parsed["@graph"][1]["name"], "</script><b>");
    }
}
