//! A page of the site in one language.

use std::path::PathBuf;

use super::LangId;
use crate::date::Date;

/// A page's number in [`super::Site::pages`]: valid for the model that
/// gave it (a later model may number the same page otherwise).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct PageId(u32);

impl PageId {
    /// The page at `index` of a list of pages.
    pub(crate) fn new(index: usize) -> PageId {
        PageId(u32::try_from(index).unwrap_or(u32::MAX))
    }

    /// Its place in the list of pages.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Every page of a site, in every language, numbered by [`PageId`].
#[derive(Debug, Clone, Default)]
pub struct Pages(Vec<Page>);

impl Pages {
    /// How many pages there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The pages, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Page> {
        self.0.iter()
    }

    /// The pages' numbers, in order.
    pub fn ids(&self) -> impl DoubleEndedIterator<Item = PageId> + ExactSizeIterator + use<> {
        (0..self.0.len()).map(PageId::new)
    }

    /// The pages with their numbers, in order.
    pub fn enumerate(&self) -> impl Iterator<Item = (PageId, &Page)> {
        self.0
            .iter()
            .enumerate()
            .map(|(i, page)| (PageId::new(i), page))
    }

    /// Adds `page` at the end.
    pub(crate) fn push(&mut self, page: Page) {
        self.0.push(page);
    }
}

impl From<Vec<Page>> for Pages {
    fn from(pages: Vec<Page>) -> Pages {
        Pages(pages)
    }
}

impl std::ops::Index<PageId> for Pages {
    type Output = Page;

    fn index(&self, id: PageId) -> &Page {
        &self.0[id.index()]
    }
}

impl std::ops::IndexMut<PageId> for Pages {
    fn index_mut(&mut self, id: PageId) -> &mut Page {
        &mut self.0[id.index()]
    }
}

impl<'a> IntoIterator for &'a Pages {
    type Item = &'a Page;
    type IntoIter = std::slice::Iter<'a, Page>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// What a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `content/_index.LANG.md`.
    Home,
    /// `content/DIR/_index.LANG.md`.
    Section,
    /// Any other content file.
    Page,
}

impl PageKind {
    /// The name templates see as `page.kind`.
    pub fn name(self) -> &'static str {
        match self {
            PageKind::Home => "home",
            PageKind::Section => "section",
            PageKind::Page => "page",
        }
    }
}

/// One content file, ready to render.
#[derive(Debug, Clone)]
pub struct Page {
    /// Language-independent name (`rules/quarantine`, `rules`, or `` for home).
    pub key: String,
    /// Language code.
    pub lang: LangId,
    /// Home, section or page.
    pub kind: PageKind,
    /// Source file relative to the root.
    pub path: PathBuf,
    /// Whether no file makes it: a home page made up for a language
    /// without one (see `model::build`), whose body is empty. Its `path`,
    /// where the file belongs, is never read: a file there that the
    /// `.gitignore` leaves out is no input.
    pub made_up: bool,
    /// The source file's stamp (see `load::fingerprint`).
    pub stamp: u64,
    /// The fingerprint of what other pages show of it (see
    /// [`Page::summary_fingerprint`]), kept for the many pages that show
    /// it.
    pub summary: u64,
    /// Title.
    pub title: String,
    /// One-sentence description, possibly empty.
    pub description: String,
    /// Publication date.
    pub date: Option<Date>,
    /// Date of the last change: `updated`, else (with `dates: git`) the
    /// day of the last commit that changed its file.
    pub updated: Option<Date>,
    /// The day from which it is no longer in force.
    pub expires: Option<Date>,
    /// Whether it is no longer in force on the build's day: it then says
    /// so, and leaves the home page's listing and the feed.
    pub expired: bool,
    /// Order in the section.
    pub weight: Option<i64>,
    /// Template name.
    pub template: String,
    /// Its old addresses, each of which leads to it.
    pub aliases: Vec<crate::address::UrlPath>,
    /// URL path relative to the site's base (`kk/rules/quarantine/`).
    pub url: crate::address::UrlPath,
    /// The section that lists this page (none for the home page).
    pub parent: Option<PageId>,
    /// For sections: their pages, in listing order.
    pub pages: Vec<PageId>,
    /// For sections: their subsections, in listing order.
    pub subsections: Vec<PageId>,
    /// The neighbours in the parent's listing.
    pub previous: Option<PageId>,
    /// See `previous`.
    pub next: Option<PageId>,
}

impl Page {
    /// The fingerprint of what other pages show of it: its key, language,
    /// URL, title, description, dates (and whether it expired), weight and
    /// kind.
    pub fn summary_fingerprint(&self) -> u64 {
        use std::hash::BuildHasher;
        foldhash::quality::FixedState::default().hash_one((
            (
                &self.key,
                &self.lang,
                &self.url,
                &self.title,
                &self.description,
            ),
            (self.date, self.updated, self.expires, self.expired),
            (self.weight, self.kind.name()),
        ))
    }

    /// The date shown as "last updated": `updated`, else `date`.
    pub fn last_updated(&self) -> Option<Date> {
        self.updated.or(self.date)
    }
}
