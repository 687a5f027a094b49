//! Edits that keep the site's shape: pages whose files changed but whose
//! place did not (same URL, same language, still published, same order in
//! their section). The model of the last build is then patched instead of
//! built again, which keeps an edit on a large site fast; what to render
//! again is decided as for any build, from what each output read.

use super::build::{listing, page_from_raw};
use super::{Page, PageId, Site};
use crate::load::RawPage;

/// The pages an edit replaced, as they were, to take it back.
pub struct Edit {
    before: Vec<(PageId, Page)>,
}

impl Edit {
    /// Puts the edited pages back as they were.
    pub fn undo(self, site: &mut Site) {
        for (id, page) in self.before.into_iter().rev() {
            site.pages[id] = page;
        }
    }
}

/// Replaces the pages of `site` that `changed` files are with what those
/// files now say, when that leaves the site's shape as it was; otherwise
/// leaves `site` untouched and gives `None` (the model must be built
/// again). `changed` must be valid (see `validate::page`).
pub fn edit(site: &mut Site, changed: Vec<RawPage>, include_drafts: bool) -> Option<Edit> {
    let mut edit = Edit { before: Vec::new() };
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
        let page = &mut site.pages[id];
        edit.before.push((id, page.clone()));
        page.stamp = new.stamp;
        page.title = new.title;
        page.description = new.description;
        page.date = new.date;
        page.updated = new.updated;
        page.weight = new.weight;
        page.template = new.template;
        let in_order = site.pages[id]
            .parent
            .is_none_or(|parent| keeps_order(site, parent));
        if !in_order {
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
