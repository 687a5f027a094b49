//! A page of the site in one language.

use std::path::PathBuf;

use crate::date::Date;

/// Index of a page in [`super::Site::pages`].
pub type PageId = usize;

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
    pub lang: String,
    /// Home, section or page.
    pub kind: PageKind,
    /// Source file relative to the root.
    pub path: PathBuf,
    /// The source file's stamp (see `load::fingerprint`).
    pub stamp: u64,
    /// Title.
    pub title: String,
    /// One-sentence description, possibly empty.
    pub description: String,
    /// Publication date.
    pub date: Option<Date>,
    /// Date of the last change.
    pub updated: Option<Date>,
    /// Order in the section.
    pub weight: Option<i64>,
    /// Template name.
    pub template: String,
    /// URL path relative to the site's base (`kk/rules/quarantine/`).
    pub url: String,
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
    /// The date shown as "last updated": `updated`, else `date`.
    pub fn last_updated(&self) -> Option<Date> {
        self.updated.or(self.date)
    }
}
