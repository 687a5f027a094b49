//! Edits that keep the site's shape: pages whose files changed but whose
//! place did not (same URL, same language, still published, same order in
//! their section). The model of the last build is then patched instead of
//! built again, which keeps an edit on a large site fast; what to render
//! again is decided as for any build, from what each output read.

use super::build::{Dating, listing, page_from_raw};
use super::{Page, PageId, Site};
use crate::load::RawPage;

/// The pages an edit replaced, as they were, to take it back.
pub struct Edit {
    before: Vec<(PageId, Page)>,
}

impl Edit {
    /// Each edited page, as it was before.
    pub fn before(&self) -> impl Iterator<Item = (PageId, &Page)> {
        self.before.iter().map(|(id, page)| (*id, page))
    }

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
/// again). `changed` must be valid (see `validate::page`). A site whose
/// dates come from git is built again: a changed file may be a checkout of
/// a new commit, which the last build's dates do not know.
pub fn edit(site: &mut Site, changed: Vec<RawPage>) -> Option<Edit> {
    if site.dates_from_git {
        return None;
    }
    let dating = Dating {
        publishing: site.publishing,
        committed: None,
    };
    let mut edit = Edit { before: Vec::new() };
    for raw in changed {
        let published = site.publishing.publishes(&raw.front);
        // A file where a home page was made up is a new page: the made-up
        // one read no file, and listed what its language lacks.
        let id = (site.languages.id(&raw.lang))
            .and_then(|lang| site.page(&raw.key, lang))
            .filter(|&id| published && !site.pages[id].made_up && site.pages[id].path == raw.path);
        let Some(id) = id else {
            edit.undo(site);
            return None;
        };
        let new = page_from_raw(raw, site.pages[id].lang, &dating);
        // New old addresses are new files, and a page that expires leaves
        // the menu: the site's shape changes.
        if new.aliases != site.pages[id].aliases || new.expired != site.pages[id].expired {
            edit.undo(site);
            return None;
        }
        let page = &mut site.pages[id];
        edit.before.push((id, page.clone()));
        page.stamp = new.stamp;
        page.title = new.title;
        page.description = new.description;
        page.date = new.date;
        page.updated = new.updated;
        page.expires = new.expires;
        page.weight = new.weight;
        page.template = new.template;
        page.summary = new.summary;
        // A made-up home page may list the page too (see
        // `build::list_untranslated`).
        let homes = site.languages.iter().filter_map(|l| site.page("", l.id));
        let in_order = (site.pages[id].parent.into_iter().chain(homes))
            .filter(|&section| lists(site, section, id))
            .all(|section| keeps_order(site, section));
        if !in_order {
            edit.undo(site);
            return None;
        }
    }
    Some(edit)
}

/// Whether `section` lists page `id`.
fn lists(site: &Site, section: PageId, id: PageId) -> bool {
    let section = &site.pages[section];
    section.pages.contains(&id) || section.subsections.contains(&id)
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

#[cfg(test)]
mod tests {
    use super::{Edit, edit};
    use crate::model::Site;
    use crate::testing::SiteBuilder;

    /// A `rules` section of three pages (weights 1, 2, 3) in Kazakh, two of
    /// them in Russian, and a `news` section of two pages ordered by title.
    fn rules() -> SiteBuilder {
        SiteBuilder::rules()
            .page("news/_index.kk.md", "title: Жаңалықтар\nweight: 2", "")
            .page("news/a.kk.md", "title: A", "")
            .page("news/b.kk.md", "title: B", "")
    }

    /// Everything an edit may change, to compare two models.
    fn model(site: &Site) -> String {
        format!("{:#?}", site.pages)
    }

    /// Edits `site` with the files `paths` as `after` has them.
    fn apply(site: &mut Site, after: &SiteBuilder, paths: &[&str]) -> Option<Edit> {
        let changed = paths.iter().map(|path| after.raw_page(path)).collect();
        edit(site, changed)
    }

    #[test]
    fn an_edit_that_keeps_the_shape_patches_the_page() {
        let before = rules();
        let mut site = before.build();
        let unedited = model(&site);
        let after = before
            .clone()
            .page(
                "rules/masks.kk.md",
                "title: Маска\ndescription: Қашан кию керек\nweight: 2\ndate: 2020-04-03\nupdated: 2020-05-01\ntemplate: index.html",
                "Жаңа мәтін",
            )
            .page("news/a.kk.md", "title: AA", "")
            .page("_index.kk.md", "title: Бастапқы бет\nweight: 7", "");
        let paths = ["rules/masks.kk.md", "news/a.kk.md", "_index.kk.md"];
        let edit = apply(&mut site, &after, &paths).expect("an edit");
        // The patched model is the model of the new files.
        assert_eq!(model(&site), model(&after.build()));
        let masks = &site.pages[site.page_at("kk/rules/masks/").unwrap()];
        assert_eq!(masks.title, "Маска");
        assert_eq!(masks.template, "index.html");
        edit.undo(&mut site);
        assert_eq!(model(&site), unedited);
    }

    #[test]
    fn a_new_weight_in_the_same_order_is_an_edit() {
        let before = rules();
        let mut site = before.build();
        let after =
            before
                .clone()
                .page("rules/quarantine.kk.md", "title: Карантин\nweight: -5", "");
        assert!(apply(&mut site, &after, &["rules/quarantine.kk.md"]).is_some());
        assert_eq!(model(&site), model(&after.build()));
    }

    /// Issue 13: a made-up home page lists pages of the default language
    /// among its own; an edit that reorders them there is no edit.
    #[test]
    fn an_edit_that_reorders_a_made_up_home_page_is_no_edit() {
        let before = rules()
            .page("about.kk.md", "title: Біз туралы\nweight: 9", "")
            .lang("en", "Information")
            .page("contacts.en.md", "title: Contacts\nweight: 5", "");
        let mut site = before.build();
        let same = before
            .clone()
            .page("about.kk.md", "title: Біз\nweight: 8", "");
        assert!(apply(&mut site, &same, &["about.kk.md"]).is_some());
        assert_eq!(model(&site), model(&same.build()));
        let unedited = model(&site);
        let reordered = before
            .clone()
            .page("about.kk.md", "title: Біз\nweight: 1", "");
        assert!(apply(&mut site, &reordered, &["about.kk.md"]).is_none());
        assert_eq!(model(&site), unedited);
    }

    #[test]
    fn a_draft_is_an_edit_when_drafts_are_built() {
        let before = rules().drafts();
        let mut site = before.build();
        let after = before.clone().page(
            "rules/masks.kk.md",
            "title: Маскалар\nweight: 2\ndraft: true",
            "",
        );
        let changed = vec![after.raw_page("rules/masks.kk.md")];
        assert!(edit(&mut site, changed).is_some());
        assert_eq!(model(&site), model(&after.build()));
    }

    #[test]
    fn edits_that_change_the_shape_leave_the_site_as_it_was() {
        let before = rules();
        let masks = |front: &str| before.clone().page("rules/masks.kk.md", front, "");
        let cases = [
            // Order: weight, title (the last tie-break), date.
            (
                masks("title: Маскалар\nweight: 9"),
                vec!["rules/masks.kk.md"],
            ),
            (
                before.clone().page("news/a.kk.md", "title: C", ""),
                vec!["news/a.kk.md"],
            ),
            (
                before
                    .clone()
                    .page("news/b.kk.md", "title: B\ndate: 2020-01-01", ""),
                vec!["news/b.kk.md"],
            ),
            // A section's place among the home page's sections.
            (
                before
                    .clone()
                    .page("news/_index.kk.md", "title: Жаңалықтар\nweight: 0", ""),
                vec!["news/_index.kk.md"],
            ),
            // Published no more.
            (
                masks("title: Маскалар\nweight: 2\ndraft: true"),
                vec!["rules/masks.kk.md"],
            ),
            // A language it was not in: a new page.
            (
                before
                    .clone()
                    .page("rules/distance.ru.md", "title: Қашықтық", ""),
                vec!["rules/distance.ru.md"],
            ),
            // Another file for the same URL.
            (
                before
                    .clone()
                    .page("rules/masks/_index.kk.md", "title: Маскалар\nweight: 2", ""),
                vec!["rules/masks/_index.kk.md"],
            ),
            // A page in a language the site does not have.
            (
                before
                    .clone()
                    .page("rules/masks.en.md", "title: Masks\nweight: 2", ""),
                vec!["rules/masks.en.md"],
            ),
            // One change that keeps the shape, then one that does not: the
            // first is taken back too.
            (
                masks("title: Маска\nweight: 2").page("news/a.kk.md", "title: C", ""),
                vec!["rules/masks.kk.md", "news/a.kk.md"],
            ),
            (
                masks("title: Маска\nweight: 2").page("rules/distance.ru.md", "title: Қ", ""),
                vec!["rules/masks.kk.md", "rules/distance.ru.md"],
            ),
        ];
        for (after, paths) in cases {
            let mut site = before.build();
            let unedited = model(&site);
            assert!(apply(&mut site, &after, &paths).is_none(), "{paths:?}");
            assert_eq!(model(&site), unedited, "{paths:?}");
        }
    }
}
