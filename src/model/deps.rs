//! What each page's output depends on, as one number per page: when it is
//! the same as in the last build, the page's file is the same too and need
//! not be rendered again.
//!
//! A page depends on its own source file and template, on the site-wide
//! files (`site.yaml`, UI strings, static files), on the statistics when it
//! shows figures, on the data files its templates read (`data.<stem>`), and
//! on the *summaries* (title, dates, URL…) of the pages its
//! context shows ([`shown_by`]): its breadcrumbs, its listing (for
//! sections), its neighbours, the menu, and its translations or their
//! nearest sections. [`showing`] is the same relation the other way round:
//! the pages to render again when one page's summary changes.

use std::cell::OnceCell;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::{Page, PageId, PageKind, Site};

/// The fingerprint of every page's output; `uses_data` says whether a page
/// showed statistics when last rendered.
pub fn page_fingerprints(site: &Site, uses_data: &dyn Fn(&Page) -> bool) -> Vec<u64> {
    let fingerprinter = Fingerprinter::new(site);
    (0..site.pages.len())
        .map(|id| fingerprinter.page(id, uses_data(&site.pages[id])))
        .collect()
}

/// Computes page fingerprints, each summary once, only when needed: an
/// incremental build asks for a few pages of many.
pub struct Fingerprinter<'a> {
    site: &'a Site,
    summaries: Vec<OnceCell<u64>>,
    /// Per language: the menu's summaries.
    navs: Vec<(&'a str, u64)>,
}

impl<'a> Fingerprinter<'a> {
    /// A fingerprinter of `site`'s pages.
    pub fn new(site: &'a Site) -> Fingerprinter<'a> {
        let mut fingerprinter = Fingerprinter {
            site,
            summaries: (0..site.pages.len()).map(|_| OnceCell::new()).collect(),
            navs: Vec::new(),
        };
        fingerprinter.navs = site
            .languages
            .iter()
            .map(|l| (l.code.as_str(), menu_fingerprint(site, &l.code)))
            .collect();
        fingerprinter
    }

    /// The fingerprint of page `id`'s output; `uses_data`: whether it shows
    /// statistics.
    pub fn page(&self, id: PageId, uses_data: bool) -> u64 {
        let site = self.site;
        let page = &site.pages[id];
        let mut hasher = DefaultHasher::new();
        page.stamp.hash(&mut hasher);
        self.summary(id).hash(&mut hasher);
        let fingerprints = &site.fingerprints;
        fingerprints.site.hash(&mut hasher);
        site.stats.is_some().hash(&mut hasher);
        fingerprints.templates.get(&page.template).hash(&mut hasher);
        let reads = |stem: &str| {
            fingerprints.template_data.contains(stem) || fingerprints.template_data.contains("*")
        };
        if uses_data || reads("aid") {
            fingerprints.aid.hash(&mut hasher);
        }
        for (stem, stamp) in &fingerprints.free_data {
            if reads(stem) {
                (stem, stamp).hash(&mut hasher);
            }
        }
        self.navs
            .iter()
            .find(|(l, _)| *l == page.lang)
            .map(|(_, n)| *n)
            .hash(&mut hasher);
        for other in shown_by(site, id) {
            self.summary(other).hash(&mut hasher);
        }
        for lang in &site.languages {
            let version = site
                .page(&page.key, &lang.code)
                .or_else(|| site.nearest_in(&page.key, &lang.code));
            version
                .map(|v| {
                    (
                        &site.pages[v].url,
                        site.page(&page.key, &lang.code).is_some(),
                    )
                })
                .hash(&mut hasher);
        }
        hasher.finish()
    }

    fn summary(&self, id: PageId) -> u64 {
        *self.summaries[id].get_or_init(|| summary(&self.site.pages[id]))
    }
}

/// The pages whose summaries page `id` shows, besides the menu: its
/// breadcrumbs, its listing and its neighbours.
fn shown_by(site: &Site, id: PageId) -> impl Iterator<Item = PageId> + '_ {
    let page = &site.pages[id];
    site.ancestors(id)
        .into_iter()
        .chain(page.pages.iter().copied())
        .chain(page.subsections.iter().copied())
        .chain(page.previous)
        .chain(page.next)
}

/// The fingerprint of the menu of `lang`, which every page of that language
/// shows, those that aqparat makes too.
pub fn menu_fingerprint(site: &Site, lang: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    for id in menu(site, lang) {
        summary(&site.pages[id]).hash(&mut hasher);
    }
    hasher.finish()
}

/// The menu of `lang`: the home page's sections and pages.
fn menu<'a>(site: &'a Site, lang: &str) -> impl Iterator<Item = PageId> + 'a {
    site.page("", lang).into_iter().flat_map(|home| {
        let home = &site.pages[home];
        home.subsections.iter().chain(&home.pages).copied()
    })
}

/// The pages that show page `id`'s summary (itself included): those to
/// render again when its title, description or dates change. The reverse of
/// [`shown_by`] and the menu.
pub fn showing(site: &Site, id: PageId) -> Vec<PageId> {
    let page = &site.pages[id];
    if in_menu(site, id) {
        return (0..site.pages.len())
            .filter(|&other| site.pages[other].lang == page.lang)
            .collect();
    }
    let mut ids = vec![id];
    ids.extend(page.parent);
    ids.extend(page.previous);
    ids.extend(page.next);
    // Below a section, every page shows it in its breadcrumbs.
    let mut below: Vec<PageId> = page.subsections.clone();
    ids.extend(&page.pages);
    while let Some(section) = below.pop() {
        ids.push(section);
        ids.extend(&site.pages[section].pages);
        below.extend(&site.pages[section].subsections);
    }
    ids
}

/// Whether page `id` is the home page or in the menu, which every page of
/// its language shows (the 404 page too).
pub fn in_menu(site: &Site, id: PageId) -> bool {
    let page = &site.pages[id];
    page.kind == PageKind::Home
        || page
            .parent
            .is_some_and(|p| site.pages[p].kind == PageKind::Home)
}

/// The fingerprint of what other pages show of a page: its title,
/// description, dates, URL.
pub fn summary(page: &Page) -> u64 {
    let mut hasher = DefaultHasher::new();
    (
        &page.key,
        &page.lang,
        &page.url,
        &page.title,
        &page.description,
    )
        .hash(&mut hasher);
    (page.date, page.updated, page.weight, page.kind.name()).hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::{menu, showing, shown_by};

    /// Whatever a page's fingerprint reads of another page, that other
    /// page's `showing` must name it: otherwise an incremental build would
    /// leave it stale. Checked on a site three sections deep.
    #[test]
    fn showing_is_the_reverse_of_shown_by() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join("site.yaml"),
            "base_url: https://test.example/\ndefault_language: kk\nlanguages:\n  kk: { name: Қазақша, title: Т }\n",
        )
        .unwrap();
        let files = [
            "_index",
            "about",
            "a/_index",
            "a/one",
            "a/b/_index",
            "a/b/two",
            "a/b/three",
            "a/b/c/_index",
            "a/b/c/four",
            "a/b/c/five",
            "a/b/c/six",
            "d/_index",
            "d/seven",
        ];
        for (n, file) in files.iter().enumerate() {
            let path = root.join("content").join(format!("{file}.kk.md"));
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(
                path,
                format!("---\ntitle: P{n}\ndate: 2020-04-{:02}\n---\n", n + 1),
            )
            .unwrap();
        }
        let (mut sources, _) = crate::load::sources(root, None);
        let config = sources.config.take().expect("site.yaml loads");
        let site = crate::model::site(sources, &config, None, false, false);
        assert_eq!(site.pages.len(), files.len());
        for (id, page) in site.pages.iter().enumerate() {
            let shown = shown_by(&site, id).chain(menu(&site, &page.lang));
            for other in shown.chain([id]) {
                assert!(
                    showing(&site, other).contains(&id),
                    "{} shows {} but is not among the pages showing it",
                    page.url,
                    site.pages[other].url
                );
            }
        }
        let deep = site
            .pages
            .iter()
            .position(|p| p.key == "a/b/c/five")
            .unwrap();
        let mut shown: Vec<&str> = showing(&site, deep)
            .into_iter()
            .map(|id| site.pages[id].key.as_str())
            .collect();
        shown.sort_unstable();
        assert_eq!(shown, ["a/b/c", "a/b/c/five", "a/b/c/four", "a/b/c/six"]);
    }
}
