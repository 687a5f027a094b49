//! What each page's output depends on, as one number per page: when it is
//! the same as in the last build, the page's file is the same too and need
//! not be rendered again.
//!
//! A page depends on its own source file and template, on the site-wide
//! files (`site.yaml`, UI strings, static files), on the statistics when it
//! shows figures, on the data files its templates read (`data.<stem>`), and
//! on the *summaries* (title, dates, URL…) of the pages its
//! context shows: its breadcrumbs, its listing (for sections), its
//! neighbours, the menu, and its translations or their nearest sections.

use std::hash::{DefaultHasher, Hash, Hasher};

use super::{Page, Site};

/// The fingerprint of every page's output; `uses_data` says whether a page
/// showed statistics when last rendered.
pub fn page_fingerprints(site: &Site, uses_data: &dyn Fn(&Page) -> bool) -> Vec<u64> {
    let summaries: Vec<u64> = site.pages.iter().map(summary).collect();
    let nav = |lang: &str| -> u64 {
        let mut hasher = DefaultHasher::new();
        if let Some(home) = site.page("", lang) {
            for &id in site.pages[home]
                .subsections
                .iter()
                .chain(&site.pages[home].pages)
            {
                summaries[id].hash(&mut hasher);
            }
        }
        hasher.finish()
    };
    let navs: Vec<(String, u64)> = site
        .languages
        .iter()
        .map(|l| (l.code.clone(), nav(&l.code)))
        .collect();
    let fingerprints = &site.fingerprints;
    site.pages
        .iter()
        .enumerate()
        .map(|(id, page)| {
            let mut hasher = DefaultHasher::new();
            page.stamp.hash(&mut hasher);
            summaries[id].hash(&mut hasher);
            fingerprints.site.hash(&mut hasher);
            site.stats.is_some().hash(&mut hasher);
            fingerprints.templates.get(&page.template).hash(&mut hasher);
            let reads = |stem: &str| {
                fingerprints.template_data.contains(stem)
                    || fingerprints.template_data.contains("*")
            };
            if uses_data(page) || reads("aid") {
                fingerprints.aid.hash(&mut hasher);
            }
            for (stem, stamp) in &fingerprints.free_data {
                if reads(stem) {
                    (stem, stamp).hash(&mut hasher);
                }
            }
            navs.iter()
                .find(|(l, _)| *l == page.lang)
                .map(|(_, n)| *n)
                .hash(&mut hasher);
            let related = site
                .ancestors(id)
                .into_iter()
                .chain(page.pages.iter().copied())
                .chain(page.subsections.iter().copied())
                .chain(page.previous)
                .chain(page.next);
            for other in related {
                summaries[other].hash(&mut hasher);
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
        })
        .collect()
}

/// What other pages show of a page.
fn summary(page: &Page) -> u64 {
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
