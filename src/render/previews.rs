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

use serde_json::{Value, json};

use super::stats::{chars_in, wrap};
use super::xml::{attribute, escape};
use crate::date::Date;

/// The folder of the page cards, under the output's root.
pub const CARDS_DIR: &str = "og";

/// Width and height of a page card, as Open Graph recommends.
pub const CARD_SIZE: (u32, u32) = (1200, 630);

/// Bumped when the drawing changes, so that cards are drawn again.
const CARD_VERSION: u32 = 1;

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
        let mut text = String::new();
        let _ = write!(
            text,
            r##"<text x="{MARGIN}" y="120" font-size="36" fill="#1d5b8c">{}</text>"##,
            escape(self.site_title)
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
        let website = json!({
            "@type": "WebSite",
            "@id": format!("{}#website", self.site_url),
            "name": self.site_title,
            "url": self.site_url,
            "inLanguage": self.lang,
        });
        let mut page = json!({
            "@type": "WebPage",
            "@id": self.url,
            "url": self.url,
            "name": self.title,
            "inLanguage": self.lang,
            "isPartOf": { "@id": format!("{}#website", self.site_url) },
        });
        if !self.description.is_empty() {
            page["description"] = self.description.into();
        }
        if let Some(modified) = self.modified {
            page["dateModified"] = modified.to_string().into();
        }
        if let Some(image) = &self.image {
            page["primaryImageOfPage"] = image.as_str().into();
        }
        let mut graph = vec![website, page];
        if !self.is_home && !self.crumbs.is_empty() {
            let items: Vec<Value> = (self.crumbs.iter().enumerate())
                .map(|(i, c)| {
                    json!({ "@type": "ListItem", "position": i + 1, "name": c.title, "item": c.url })
                })
                .collect();
            graph.push(json!({ "@type": "BreadcrumbList", "itemListElement": items }));
        }
        if let Some(dataset) = &self.dataset {
            graph.push(self.dataset(dataset));
        }
        let ld = json!({ "@context": "https://schema.org", "@graph": graph });
        ld.to_string().replace('<', "\\u003c")
    }

    fn dataset(&self, dataset: &Dataset) -> Value {
        let distributions: Vec<Value> = (dataset.distributions.iter())
            .map(|(url, format)| {
                json!({ "@type": "DataDownload", "contentUrl": url, "encodingFormat": format })
            })
            .collect();
        let mut value = json!({
            "@type": "Dataset",
            "name": dataset.name,
            "description": dataset.description,
            "url": self.url,
            "inLanguage": self.lang,
            "isAccessibleForFree": true,
            "distribution": distributions,
        });
        if let Some(modified) = self.modified {
            value["dateModified"] = modified.to_string().into();
        }
        if let Some(licence) = dataset.licence {
            value["license"] = licence.into();
        }
        if let Some(publisher) = dataset.publisher {
            value["publisher"] = json!({ "@type": "Organization", "name": publisher });
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
