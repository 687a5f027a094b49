//! The model stage's entry: from loaded sources to a linked [`Site`].

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use super::site::{PageIndex, base_path};
use super::{Lang, Page, PageId, PageKind, Site, Stats, Theme};
use crate::address::output_url;
use crate::date::Date;
use crate::load::{RawConfig, RawPage, Sources};

/// Builds the site from its sources. Tolerates invalid input (already
/// reported by `validate`), so that rendering can still find the remaining
/// problems: pages in unknown languages are left out, bad dates are ignored.
pub fn site(
    sources: Sources,
    config: &RawConfig,
    base_url: Option<&str>,
    include_drafts: bool,
    stats_broken: bool,
) -> Site {
    let languages: Vec<Lang> = config
        .languages
        .value
        .iter()
        .map(|(code, raw)| Lang {
            code: code.clone(),
            name: raw.name.value.clone(),
            title: raw.title.value.clone(),
            description: raw
                .description
                .as_ref()
                .map(|d| d.value.clone())
                .unwrap_or_default(),
            notice: config
                .notice
                .as_ref()
                .and_then(|n| n.value.get(code).map(|text| text.value.clone())),
        })
        .collect();
    let mut seen = HashSet::new();
    let mut pages: Vec<Page> = sources
        .pages
        .into_iter()
        .filter(|p| languages.iter().any(|l| l.code == p.lang))
        .filter(|p| include_drafts || !p.front.draft)
        .filter(|p| seen.insert(output_url(&p.lang, &p.key)))
        .map(page_from_raw)
        .collect();
    for lang in &languages {
        if !pages
            .iter()
            .any(|p| p.kind == PageKind::Home && p.lang == lang.code)
        {
            pages.push(synthetic_home(lang));
        }
    }
    link(&mut pages);
    let theme = Theme {
        tera: sources.theme.tera,
        template_paths: sources.theme.template_paths,
        strings: sources
            .theme
            .i18n
            .into_iter()
            .map(|f| {
                (
                    f.lang,
                    f.strings.into_iter().map(|(k, v)| (k.value, v)).collect(),
                )
            })
            .collect(),
        static_files: sources.theme.static_files,
        fonts: sources.theme.fonts,
        dir: sources.theme.dir,
    };
    // An address that does not parse is reported by `validate`; the site
    // is then rendered into nothing, so any string does here.
    let written = base_url.unwrap_or(&config.base_url.value);
    let base_url = crate::address::parse_base_url(written).unwrap_or_else(|_| written.to_string());
    let stats = (sources.data.has_aid && !stats_broken).then(|| Stats::from_raw(&sources.data.aid));
    Site {
        root: sources.root,
        base_path: base_path(&base_url),
        base_url,
        default_lang: config.default_language.value.clone(),
        languages,
        by_key: PageIndex::new(&pages),
        pages,
        theme,
        static_files: sources.static_files,
        stats,
        stats_broken,
        fingerprints: sources.fingerprints,
        data: sources.data.free,
        search: config.has_search(),
    }
}

/// The page a content file becomes, not yet linked to the others.
pub(super) fn page_from_raw(raw: RawPage) -> Page {
    let kind = match (raw.is_section, raw.key.is_empty()) {
        (true, true) => PageKind::Home,
        (true, false) => PageKind::Section,
        (false, _) => PageKind::Page,
    };
    let front = raw.front;
    let parse = |d: &Option<crate::load::Spanned<String>>| {
        d.as_ref().and_then(|d| Date::parse(&d.value).ok())
    };
    Page {
        url: output_url(&raw.lang, &raw.key),
        stamp: raw.stamp,
        title: front.title.map(|t| t.value).unwrap_or_default(),
        description: front.description.map(|d| d.value).unwrap_or_default(),
        date: parse(&front.date),
        updated: parse(&front.updated),
        weight: front.weight,
        template: front
            .template
            .map_or_else(|| default_template(kind).to_string(), |t| t.value),
        key: raw.key,
        lang: raw.lang,
        kind,
        path: raw.path,
        parent: None,
        pages: Vec::new(),
        subsections: Vec::new(),
        previous: None,
        next: None,
    }
}

/// The template of a page that names none.
pub fn default_template(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Home => "index.html",
        PageKind::Section => "section.html",
        PageKind::Page => "page.html",
    }
}

/// A home page for a language whose `content/_index.LANG.md` is missing, so
/// that `/LANG/` always exists.
fn synthetic_home(lang: &Lang) -> Page {
    let mut page = page_from_raw(RawPage {
        path: format!("content/_index.{}.md", lang.code).into(),
        key: String::new(),
        is_section: true,
        lang: lang.code.clone(),
        front: Default::default(),
        stamp: 0,
        has_front_matter: true,
        front_text: String::new(),
    });
    page.title = lang.title.clone();
    page
}

/// Sets parents, listings and neighbours.
fn link(pages: &mut [Page]) {
    let by_key = PageIndex::new(pages);
    let parents: Vec<Option<PageId>> = pages
        .iter()
        .map(|page| {
            if page.kind == PageKind::Home {
                return None;
            }
            let mut key = page.key.as_str();
            loop {
                key = key.rsplit_once('/').map_or("", |(p, _)| p);
                if let Some(parent) = by_key.find(pages, key, &page.lang) {
                    return Some(parent);
                }
                if key.is_empty() {
                    return None;
                }
            }
        })
        .collect();
    let mut children: HashMap<PageId, Vec<PageId>> = HashMap::new();
    for (id, parent) in parents.into_iter().enumerate() {
        pages[id].parent = parent;
        if let Some(parent) = parent {
            children.entry(parent).or_default().push(id);
        }
    }
    for (parent, ids) in children {
        let (sections, plain) = listing(pages, ids);
        for pair in plain.windows(2) {
            pages[pair[0]].next = Some(pair[1]);
            pages[pair[1]].previous = Some(pair[0]);
        }
        pages[parent].pages = plain;
        pages[parent].subsections = sections;
    }
}

/// A section's listing of its children `ids` (given in file order): its
/// subsections and its pages, each in listing order — by weight, then the
/// newest first, then by title.
pub(super) fn listing(pages: &[Page], mut ids: Vec<PageId>) -> (Vec<PageId>, Vec<PageId>) {
    ids.sort_by_key(|&id| {
        let p = &pages[id];
        (
            p.weight.unwrap_or(i64::MAX),
            Reverse(p.date),
            p.title.clone(),
        )
    });
    ids.into_iter()
        .partition(|&id| pages[id].kind == PageKind::Section)
}
