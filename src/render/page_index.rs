//! The index of all pages of a language, `/LANG/pages/`: every page,
//! grouped by section, for readers without JavaScript (the search box's
//! fallback). A large site's index comes in parts of at most [`PART_SIZE`]
//! entries (`/LANG/pages/2/`…), so that each part stays light on a phone and
//! an edit renders again only the part that shows the page.

use serde::Serialize;
use tera::Context;

use super::context::{GeneratedPage, Shared};
use super::functions::Localizer;
use super::reads::Reading;
use crate::model::{LangId, PageId, Site};

/// The theme's template of the index; a theme without it has no index.
pub const TEMPLATE: &str = "pages.html";

/// The most entries (sections and pages) in one part.
pub const PART_SIZE: usize = 500;

/// One part of a language's index.
pub struct Part {
    /// The language.
    pub lang: LangId,
    /// Its number, from 1.
    pub number: usize,
    /// How many parts the language's index has.
    pub count: usize,
    /// The sections it shows, each with its pages that fall in this part.
    pub groups: Vec<Group>,
}

/// A section and (some of) its pages.
pub struct Group {
    /// The section.
    pub section: PageId,
    /// Its pages, in listing order.
    pub pages: Vec<PageId>,
}

impl Part {
    /// Its URL path in `site`.
    pub fn url(&self, site: &Site) -> String {
        url(site.code(self.lang), self.number)
    }
}

/// The URL path of part `number` of `lang`'s index.
pub fn url(lang: &str, number: usize) -> String {
    match number {
        1 => format!("{lang}/pages/"),
        n => format!("{lang}/pages/{n}/"),
    }
}

/// Whether the site has an index of all pages (its theme has the template).
pub fn exists(site: &Site) -> bool {
    site.theme.template_paths.contains_key(TEMPLATE)
}

/// Every language's index, made once per build.
#[derive(Default)]
pub struct Parts {
    /// Each language's code and parts, in the site's order; none when the
    /// theme has no index.
    langs: Vec<(String, Vec<Part>)>,
}

impl Parts {
    /// The index of `site`.
    pub fn of(site: &Site) -> Parts {
        if !exists(site) {
            return Parts::default();
        }
        let langs = (site.languages.iter())
            .map(|l| (l.code.clone(), parts(site, l.id)))
            .collect();
        Parts { langs }
    }

    /// The parts of `lang`'s index.
    pub fn parts(&self, lang: &str) -> &[Part] {
        (self.langs.iter())
            .find(|(code, _)| code == lang)
            .map_or(&[], |(_, parts)| parts)
    }

    /// Every part with its language's code, each language's in order.
    pub fn all(&self) -> impl Iterator<Item = (&str, &Part)> {
        (self.langs.iter()).flat_map(|(code, parts)| parts.iter().map(|p| (code.as_str(), p)))
    }

    /// The URL paths of every part, for the sitemap: the first parts of all
    /// languages are translations of each other, the other parts stand
    /// alone.
    pub fn url_groups(&self) -> Vec<Vec<(String, String)>> {
        if self.langs.is_empty() {
            return Vec::new();
        }
        let mut groups = vec![
            (self.langs.iter())
                .map(|(code, _)| (code.clone(), url(code, 1)))
                .collect::<Vec<_>>(),
        ];
        for (code, part) in self.all().filter(|(_, p)| p.number > 1) {
            groups.push(vec![(code.to_string(), url(code, part.number))]);
        }
        groups
    }
}

/// The parts of `lang`'s index: the home page's group first, then each
/// section's in the order of the menu, depth first; only pages of `lang`
/// (a made-up home page also lists the default language's, see
/// `model::build`).
fn parts(site: &Site, lang: LangId) -> Vec<Part> {
    let own = |ids: &[PageId]| -> Vec<PageId> {
        let ids = ids.iter().copied();
        ids.filter(|&id| site.pages[id].lang == lang).collect()
    };
    let mut parts: Vec<Part> = Vec::new();
    let mut entries = PART_SIZE;
    let mut todo: Vec<PageId> = site.page("", lang).into_iter().collect();
    while let Some(section) = todo.pop() {
        let listed = own(&site.pages[section].pages);
        let mut pages = listed.as_slice();
        loop {
            // A section's heading starts a new part rather than end one.
            if entries + 1 + usize::from(!pages.is_empty()) > PART_SIZE {
                parts.push(Part {
                    lang,
                    number: parts.len() + 1,
                    count: 0,
                    groups: Vec::new(),
                });
                entries = 0;
            }
            let room = PART_SIZE - entries - 1;
            let (now, later) = pages.split_at(room.min(pages.len()));
            entries += 1 + now.len();
            if let Some(part) = parts.last_mut() {
                part.groups.push(Group {
                    section,
                    pages: now.to_vec(),
                });
            }
            if later.is_empty() {
                break;
            }
            pages = later;
        }
        todo.extend(own(&site.pages[section].subsections).into_iter().rev());
    }
    let count = parts.len();
    for part in &mut parts {
        part.count = count;
    }
    parts
}

/// A link to another part, for the template's `pagination`.
#[derive(Serialize)]
struct PartLink {
    number: usize,
    url: String,
    is_current: bool,
}

/// `pagination` in the template's context.
#[derive(Serialize)]
struct Pagination {
    number: usize,
    count: usize,
    previous: Option<String>,
    next: Option<String>,
    parts: Vec<PartLink>,
}

/// The context of `part`.
pub fn context(
    site: &Site,
    shared: &Shared,
    localizer: &Localizer,
    part: &Part,
    reading: &mut Reading,
) -> Context {
    let code = site.code(part.lang);
    let title = localizer
        .translate(code, "all_pages", None)
        .unwrap_or_default();
    let title = match part.count {
        1 => title,
        count => format!("{title} · {}/{count}", part.number),
    };
    let own_url = part.url(site);
    // Only the first parts are translations of each other.
    let first = part.number == 1;
    let mut context = shared.generated(
        site,
        part.lang,
        |l| {
            if l == code {
                own_url.clone()
            } else {
                url(l, 1)
            }
        },
        GeneratedPage {
            kind: "pages",
            title: &title,
            has_translations: first,
            image: None,
            dataset: None,
        },
        reading,
    );
    context.insert_value("groups", shared.page_groups(&part.groups, reading));
    let link = |n: usize| site.link(&url(code, n));
    let pagination = Pagination {
        number: part.number,
        count: part.count,
        previous: (part.number > 1).then(|| link(part.number - 1)),
        next: (part.number < part.count).then(|| link(part.number + 1)),
        parts: (1..=part.count)
            .map(|n| PartLink {
                number: n,
                url: link(n),
                is_current: n == part.number,
            })
            .collect(),
    };
    context.insert("pagination", &pagination);
    context
}
