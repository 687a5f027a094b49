//! Edits that keep the site's shape: pages whose files changed but whose
//! place did not (same URL, same language, still published, same order in
//! their section), and which are not shown by every page (the home page and
//! the menu). The model of the last build is then patched instead of
//! built again, which keeps an edit on a large site fast.

use super::build::{listing, page_from_raw};
use super::deps::{in_menu, summary};
use super::{Page, PageId, Site};
use crate::load::RawPage;

/// What an edit changed, and how to take it back.
pub struct Edit {
    /// The edited pages.
    pub pages: Vec<PageId>,
    /// Those whose summary (title, description, dates…) changed: the pages
    /// showing them change too.
    pub summaries: Vec<PageId>,
    /// Whether a date changed (the sitemap shows dates).
    pub dates: bool,
    /// The pages as they were.
    before: Vec<(PageId, Page)>,
}

impl Edit {
    /// Puts the edited pages back as they were.
    pub fn undo(self, site: &mut Site) {
        for (id, page) in self.before {
            site.pages[id] = page;
        }
    }
}

/// Replaces the pages of `site` that `changed` files are with what those
/// files now say, when that leaves the site's shape as it was; otherwise
/// leaves `site` untouched and gives `None` (a full build is needed).
/// `changed` must be valid (see `validate::page`).
pub fn edit(site: &mut Site, changed: Vec<RawPage>, include_drafts: bool) -> Option<Edit> {
    let mut edit = Edit {
        pages: Vec::new(),
        summaries: Vec::new(),
        dates: false,
        before: Vec::new(),
    };
    for raw in changed {
        let published = include_drafts || !raw.front.draft;
        let id = site
            .page(&raw.key, &raw.lang)
            .filter(|&id| published && site.pages[id].path == raw.path);
        let Some(id) = id else {
            edit.undo(site);
            return None;
        };
        let new = page_from_raw(raw);
        let old = site.pages[id].clone();
        let page = &mut site.pages[id];
        page.stamp = new.stamp;
        page.title = new.title;
        page.description = new.description;
        page.date = new.date;
        page.updated = new.updated;
        page.weight = new.weight;
        page.template = new.template;
        let summary_changed = summary(page) != summary(&old);
        edit.dates |= (page.date, page.updated) != (old.date, old.updated);
        edit.pages.push(id);
        edit.before.push((id, old));
        if summary_changed {
            edit.summaries.push(id);
        }
        let in_order = site.pages[id]
            .parent
            .is_none_or(|parent| keeps_order(site, parent));
        // Every page of its language shows the menu: not a small change.
        let shown_everywhere = summary_changed && in_menu(site, id);
        if !in_order || shown_everywhere {
            edit.undo(site);
            return None;
        }
    }
    Some(edit)
}

/// Whether the listing of `section` is still in listing order.
fn keeps_order(site: &Site, section: PageId) -> bool {
    let section = &site.pages[section];
    let mut children: Vec<PageId> = section
        .subsections
        .iter()
        .chain(&section.pages)
        .copied()
        .collect();
    children.sort_unstable();
    let (subsections, pages) = listing(&site.pages, children);
    subsections == section.subsections && pages == section.pages
}
