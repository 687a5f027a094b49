//! The whole site: languages, pages, theme.

use std::collections::BTreeMap;
use std::ops::{Deref, Index};
use std::path::PathBuf;

use foldhash::{HashMap, HashMapExt};

use super::{Page, PageId, Pages, Stats};
use crate::load::fingerprint::Fingerprints;
use crate::load::{FileSource, StaticFile, UiString};

/// A language's number: its place in `site.yaml`'s list of languages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LangId(u32);

impl LangId {
    /// Its place in [`Languages`], from 0.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The site's languages in switcher order, numbered by [`LangId`].
#[derive(Debug, Clone, Default)]
pub struct Languages(Vec<Lang>);

impl Languages {
    /// Numbers `languages` in their order.
    pub fn new(mut languages: Vec<Lang>) -> Languages {
        for (i, lang) in languages.iter_mut().enumerate() {
            lang.id = LangId(u32::try_from(i).unwrap_or(u32::MAX));
        }
        Languages(languages)
    }

    /// The number of the language `code`, if the site has it.
    pub fn id(&self, code: &str) -> Option<LangId> {
        self.0.iter().find(|l| l.code == code).map(|l| l.id)
    }
}

impl Deref for Languages {
    type Target = [Lang];

    fn deref(&self) -> &[Lang] {
        &self.0
    }
}

impl Index<LangId> for Languages {
    type Output = Lang;

    fn index(&self, id: LangId) -> &Lang {
        &self.0[id.index()]
    }
}

impl<'a> IntoIterator for &'a Languages {
    type Item = &'a Lang;
    type IntoIter = std::slice::Iter<'a, Lang>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// A language of the site.
#[derive(Debug, Clone)]
pub struct Lang {
    /// Its number (see [`Languages::new`]).
    pub id: LangId,
    /// ISO 639 code (`kk`).
    pub code: String,
    /// The language's own name (`Қазақша`).
    pub name: String,
    /// The site's title in this language.
    pub title: String,
    /// The site's description in this language.
    pub description: String,
    /// The emergency notice in this language, if any: the default
    /// language's when this one has none.
    pub notice: Option<String>,
    /// The language of `notice` when it is the default language's.
    pub notice_lang: Option<String>,
}

/// What the open data say of themselves (`open_data` in `site.yaml`).
#[derive(Debug, Clone)]
pub struct OpenData {
    /// Their licence.
    pub licence: &'static crate::licence::Licence,
    /// Who publishes them, per language.
    pub publisher: super::stats::Text,
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
    /// Font files for chart cards.
    pub fonts: Vec<FileSource>,
    /// The theme's folder, relative to the root.
    pub dir: PathBuf,
}

/// The validated, linked site.
pub struct Site {
    /// The site's root folder; `render` reads page bodies from it.
    pub root: PathBuf,
    /// Absolute base URL, ending in `/`.
    pub base_url: String,
    /// The path part of `base_url` (`/` or `/sub/`), the prefix of every link.
    pub base_path: String,
    /// The default language (a language `site.yaml` does not list is
    /// reported by `validate`; the first is taken then).
    pub default_lang: LangId,
    /// Languages, in switcher order.
    pub languages: Languages,
    /// Every page in every language.
    pub pages: Pages,
    /// The theme.
    pub theme: Theme,
    /// The site's own static files.
    pub static_files: Vec<StaticFile>,
    /// The files under `content/` that are not pages (images beside their
    /// pages), relative to the root, sorted.
    pub assets: Vec<std::path::PathBuf>,
    /// The aid statistics, when the site has `data/aid/`.
    pub stats: Option<Stats>,
    /// What the output depends on besides the pages.
    pub fingerprints: Fingerprints,
    /// Whether the statistics had errors (already reported): they are then
    /// left out, and their shortcodes render as nothing.
    pub stats_broken: bool,
    /// The changes of the figures across the committed history, when the
    /// site is in a git repository that has them.
    pub history: Option<super::History>,
    /// `HEAD`'s commit when that history was read (a site with statistics
    /// in a repository): a commit since leaves the history behind.
    pub head: Option<String>,
    /// Every other data file, by file stem, free-form.
    pub data: BTreeMap<String, serde_json::Value>,
    /// Whether it has a search index (`search` in `site.yaml`).
    pub search: bool,
    /// Whether pages get a preview card (`previews` in `site.yaml`).
    pub previews: bool,
    /// The licence and publisher of its open data, when `site.yaml` gives
    /// a licence aqparat knows.
    pub open_data: Option<OpenData>,
    /// The build's date, in seconds since 1970-01-01 UTC (see
    /// [`crate::BuildDate`]).
    pub build_date: u64,
    /// Which pages it publishes, on which day.
    pub publishing: crate::Publishing,
    /// The pages left out because they are dated after that day, the
    /// latest first: a page dated years ahead by a slip heads the list
    /// named to its author.
    pub waiting: Vec<Waiting>,
    /// The drafts left out (none when drafts are built).
    pub drafts: Vec<Draft>,
    /// Whether pages' "last updated" comes from git (`dates: git`).
    pub dates_from_git: bool,
    pub(super) by_key: PageIndex,
}

/// A page left out because it is dated after today.
#[derive(Debug, Clone)]
pub struct Waiting {
    /// Its key.
    pub key: String,
    /// Its language's code.
    pub lang: String,
    /// Its file.
    pub path: std::path::PathBuf,
    /// The day it is published.
    pub day: crate::date::Date,
}

/// A page left out because it is a draft (`draft: true`, built only with
/// `--drafts`).
#[derive(Debug, Clone)]
pub struct Draft {
    /// Its key.
    pub key: String,
    /// Its language's code.
    pub lang: String,
    /// Its file.
    pub path: std::path::PathBuf,
    /// Whether it is taken as a draft because its `draft:` could not be
    /// read (reported at the page): links to it are not reported too.
    pub unread: bool,
}

/// Why a link leads to no page: the page is left out of this build.
#[derive(Debug, Clone, Copy)]
pub enum LeftOut<'a> {
    /// Dated after today.
    Waiting(&'a Waiting),
    /// A draft.
    Draft(&'a Draft),
    /// A page taken as a draft because its `draft:` could not be read:
    /// that is reported at the page, not at every link to it.
    Unread,
}

impl Site {
    /// The page `key` in `lang`, if it exists.
    pub fn page(&self, key: &str, lang: LangId) -> Option<PageId> {
        self.by_key.find(&self.pages, key, lang)
    }

    /// The pages of language `lang`, in the site's order: what the sitemap
    /// lists of it, and what its record of the language's addresses holds.
    pub fn pages_of(&self, lang: LangId) -> impl Iterator<Item = &Page> + '_ {
        self.pages.iter().filter(move |page| page.lang == lang)
    }

    /// The page at the URL path `url` (`kk/rules/quarantine/`), if any.
    pub fn page_at(&self, url: &str) -> Option<PageId> {
        let (code, rest) = url.split_once('/')?;
        let lang = self.languages.id(code)?;
        let id = self.page(rest.strip_suffix('/').unwrap_or(rest), lang)?;
        (*self.pages[id].url == *url).then_some(id)
    }

    /// The theme's folder, relative to the root (`themes/default`).
    pub fn theme_dir(&self) -> PathBuf {
        self.theme.dir.clone()
    }

    /// The language `code`.
    pub fn lang(&self, code: &str) -> Option<&Lang> {
        self.languages.id(code).map(|id| &self.languages[id])
    }

    /// The code of language `id` (`kk`).
    pub fn code(&self, id: LangId) -> &str {
        &self.languages[id].code
    }

    /// A link to `url` (relative to the base), as written in HTML.
    pub fn link(&self, url: &str) -> String {
        format!("{}{url}", self.base_path)
    }

    /// The absolute address of `url` (relative to the base).
    pub fn permalink(&self, url: &str) -> String {
        format!("{}{url}", self.base_url)
    }

    /// The sections above page `id`, home first.
    pub fn ancestors(&self, id: PageId) -> Vec<PageId> {
        let mut chain = Vec::new();
        let mut current = self.pages[id].parent;
        while let Some(parent) = current {
            chain.push(parent);
            current = self.pages[parent].parent;
        }
        chain.reverse();
        chain
    }

    /// The menu of `lang`, which the home page lists: the home page's
    /// sections and pages that are in force (an expired one stays in the
    /// index of all pages).
    pub fn menu(&self, lang: LangId) -> impl Iterator<Item = PageId> + '_ {
        self.page("", lang).into_iter().flat_map(|home| {
            let home = &self.pages[home];
            let listed = home.subsections.iter().chain(&home.pages).copied();
            listed.filter(|&id| !self.pages[id].expired)
        })
    }

    /// The next day on which a page is published or expires (from its
    /// 00:00 UTC the site is not the same), if any.
    pub fn next_change(&self) -> Option<crate::date::Date> {
        let today = self.publishing.today;
        let expiries = self.pages.iter().filter_map(|p| p.expires);
        (self.waiting.iter().map(|w| w.day))
            .chain(expiries.filter(|&day| day > today))
            .min()
    }

    /// The page left out of this build (a draft, or dated after today)
    /// whose language code and key `is_it` accepts, if any.
    pub fn left_out(&self, is_it: impl Fn(&str, &str) -> bool) -> Option<LeftOut<'_>> {
        let waiting = self.waiting.iter().find(|w| is_it(&w.lang, &w.key));
        let draft = || {
            let draft = self.drafts.iter().find(|d| is_it(&d.lang, &d.key))?;
            Some(match draft.unread {
                true => LeftOut::Unread,
                false => LeftOut::Draft(draft),
            })
        };
        (waiting.map(LeftOut::Waiting)).or_else(draft)
    }

    /// The day the page `key` is published, in its first language to be,
    /// if it is left out because it is dated after today.
    pub fn scheduled(&self, key: &str) -> Option<crate::date::Date> {
        let days = self.waiting.iter().filter(|w| w.key == key);
        days.map(|w| w.day).min()
    }

    /// The page to offer in `lang` for a page that has no translation there:
    /// the nearest enclosing section that exists in `lang`.
    pub fn nearest_in(&self, key: &str, lang: LangId) -> Option<PageId> {
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

/// Pages by key, then language; looked up without allocating.
pub(super) struct PageIndex(HashMap<String, Vec<PageId>>);

impl PageIndex {
    /// Indexes `pages` by key.
    pub(super) fn new(pages: &Pages) -> PageIndex {
        let mut map: HashMap<String, Vec<PageId>> = HashMap::new();
        for (id, page) in pages.enumerate() {
            map.entry(page.key.clone()).or_default().push(id);
        }
        PageIndex(map)
    }

    /// The page `key` in `lang`.
    pub(super) fn find(&self, pages: &Pages, key: &str, lang: LangId) -> Option<PageId> {
        self.0
            .get(key)?
            .iter()
            .copied()
            .find(|&id| pages[id].lang == lang)
    }
}

/// `https://example.kz/sub/` → `/sub/`.
pub fn base_path(base_url: &str) -> String {
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
