//! The whole site: languages, pages, theme.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use super::{Page, PageId};
use crate::load::{StaticFile, UiString};

/// A language of the site.
#[derive(Debug, Clone)]
pub struct Lang {
    /// ISO 639 code (`kk`).
    pub code: String,
    /// The language's own name (`Қазақша`).
    pub name: String,
    /// The site's title in this language.
    pub title: String,
    /// The site's description in this language.
    pub description: String,
}

/// The theme, ready to render with.
pub struct Theme {
    /// Parsed templates.
    pub tera: tera::Tera,
    /// Template name to source file, for diagnostics.
    pub template_paths: BTreeMap<String, PathBuf>,
    /// UI strings by language, then key.
    pub strings: HashMap<String, HashMap<String, UiString>>,
    /// Files copied from the theme's `static/`.
    pub static_files: Vec<StaticFile>,
}

/// The validated, linked site.
pub struct Site {
    /// Absolute base URL, ending in `/`.
    pub base_url: String,
    /// The path part of `base_url` (`/` or `/sub/`), the prefix of every link.
    pub base_path: String,
    /// The default language's code.
    pub default_lang: String,
    /// Languages, in switcher order.
    pub languages: Vec<Lang>,
    /// Every page in every language.
    pub pages: Vec<Page>,
    /// The theme.
    pub theme: Theme,
    /// The site's own static files.
    pub static_files: Vec<StaticFile>,
    by_key: HashMap<(String, String), PageId>,
}

impl Site {
    /// Assembles a site; `pages` must already be linked.
    pub(super) fn new(
        base_url: String,
        default_lang: String,
        languages: Vec<Lang>,
        pages: Vec<Page>,
        theme: Theme,
        static_files: Vec<StaticFile>,
    ) -> Site {
        let by_key = index_by_key(&pages);
        let base_path = base_path(&base_url);
        Site {
            base_url,
            base_path,
            default_lang,
            languages,
            pages,
            theme,
            static_files,
            by_key,
        }
    }

    /// The page `key` in `lang`, if it exists.
    pub fn page(&self, key: &str, lang: &str) -> Option<PageId> {
        self.by_key
            .get(&(key.to_string(), lang.to_string()))
            .copied()
    }

    /// The language `code`.
    pub fn lang(&self, code: &str) -> Option<&Lang> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// A link to `url` (relative to the base), as written in HTML.
    pub fn link(&self, url: &str) -> String {
        format!("{}{url}", self.base_path)
    }

    /// The absolute address of `url` (relative to the base).
    pub fn permalink(&self, url: &str) -> String {
        format!("{}{url}", self.base_url)
    }

    /// The page to offer in `lang` for a page that has no translation there:
    /// the nearest enclosing section that exists in `lang`.
    pub fn nearest_in(&self, key: &str, lang: &str) -> Option<PageId> {
        let mut key = key;
        loop {
            if let Some(id) = self.page(key, lang) {
                return Some(id);
            }
            if key.is_empty() {
                return None;
            }
            key = key.rsplit_once('/').map_or("", |(parent, _)| parent);
        }
    }
}

pub(super) fn index_by_key(pages: &[Page]) -> HashMap<(String, String), PageId> {
    pages
        .iter()
        .enumerate()
        .map(|(id, p)| ((p.key.clone(), p.lang.clone()), id))
        .collect()
}

/// `https://example.kz/sub/` → `/sub/`.
fn base_path(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) => after_scheme[i..].to_string(),
        None => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn base_path_is_the_path_of_the_base_url() {
        assert_eq!(super::base_path("https://example.kz/"), "/");
        assert_eq!(super::base_path("https://example.kz/site/"), "/site/");
    }
}
