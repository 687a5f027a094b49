//! A page in every language: where the language switcher leads, and the
//! `hreflang` alternates with `x-default` that the page's head and the
//! sitemap list. The one place that decides them, for content pages, the
//! pages aqparat makes, `/` and the sitemap alike.

use crate::model::{Page, Site};

/// A page in one language.
pub struct Version<'a> {
    /// The language's code.
    pub lang: &'a str,
    /// Its URL path there: the translation, or, without one, the nearest
    /// section or the language's home page.
    pub url: String,
    /// Whether `url` is a translation of the page.
    pub is_translation: bool,
}

/// A page in every language of a site, in switcher order.
pub struct Versions<'a>(Vec<Version<'a>>);

impl<'a> Versions<'a> {
    /// Of content page `page`: in each language its translation, else the
    /// nearest section that exists there.
    pub fn of_page(site: &'a Site, page: &Page) -> Versions<'a> {
        Versions(
            site.languages
                .iter()
                .map(|l| {
                    let translation = site.page(&page.key, l.id);
                    let target = translation.or_else(|| site.nearest_in(&page.key, l.id));
                    Version {
                        lang: &l.code,
                        url: target.map_or_else(
                            || format!("{}/", l.code),
                            |t| site.pages[t].url.to_string(),
                        ),
                        is_translation: translation.is_some(),
                    }
                })
                .collect(),
        )
    }

    /// Of a page aqparat makes: at `url_of(lang)` in every language when
    /// `has_translations`, else in its own only, the switcher leading to
    /// each language's home page.
    pub fn of_generated(
        site: &'a Site,
        url_of: impl Fn(&str) -> String,
        has_translations: bool,
    ) -> Versions<'a> {
        Versions(
            site.languages
                .iter()
                .map(|l| Version {
                    lang: &l.code,
                    url: match has_translations {
                        true => url_of(&l.code),
                        false => format!("{}/", l.code),
                    },
                    is_translation: has_translations,
                })
                .collect(),
        )
    }

    /// Of a page that exists at the URL paths `urls`, by language.
    pub fn of_urls(urls: &'a [(String, String)]) -> Versions<'a> {
        Versions(
            urls.iter()
                .map(|(lang, url)| Version {
                    lang,
                    url: url.clone(),
                    is_translation: true,
                })
                .collect(),
        )
    }

    /// Every language's version, in switcher order.
    pub fn all(&self) -> &[Version<'a>] {
        &self.0
    }

    /// The `hreflang` alternates, as `(hreflang, URL path)`: each
    /// translation, then `x-default`, the default language's (else the
    /// first); none when the page has no translation.
    pub fn alternates(&self, site: &Site) -> Vec<(&str, &str)> {
        let translations: Vec<&Version> = self.0.iter().filter(|v| v.is_translation).collect();
        let Some(first) = translations.first() else {
            return Vec::new();
        };
        let default = translations
            .iter()
            .find(|v| v.lang == site.code(site.default_lang))
            .unwrap_or(first);
        translations
            .iter()
            .map(|v| (v.lang, v.url.as_str()))
            .chain([("x-default", default.url.as_str())])
            .collect()
    }

    /// How many languages the page exists in.
    pub fn translations(&self) -> usize {
        self.0.iter().filter(|v| v.is_translation).count()
    }
}
