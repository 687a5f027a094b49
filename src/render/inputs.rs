//! What an output read while it was rendered, and whether the site still
//! says the same: the record that lets a later build of a session render
//! only the outputs whose inputs changed.
//!
//! An *input* is a question to the model — a page's summary, a section's
//! listing, a language's menu, a template, a data file. The render stage
//! records each input as it builds an output's context (and, for what the
//! template reads of `data`, as far as Tera can tell, see
//! [`super::reads::TemplateReads`]); an output's fingerprint is the hash of
//! the answers. A later build asks the same questions of its own model: the
//! same answers, the same output. Nothing here lists, per kind of output,
//! what it shows: that is whatever was recorded.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::OnceLock;

use super::page_index;
use crate::model::{PageId, Site};

/// A name the site defines (a language code, a template, a data file's
/// stem), as a number: see [`Names`].
pub type NameId = u32;

/// One thing an output read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Input {
    /// A page's source file.
    Source(PageId),
    /// What other outputs show of a page: its URL, title, description,
    /// dates, weight, kind.
    Summary(PageId),
    /// Which pages and subsections a section lists, in order.
    Listing(PageId),
    /// A page's neighbours in its section.
    Neighbours(PageId),
    /// The sections above a page.
    Ancestors(PageId),
    /// A page in every language: its translation there, or the nearest
    /// section that exists there.
    Versions(PageId),
    /// The menu of a language: its entries and their summaries.
    Menu(NameId),
    /// Every page of a language with its summary (feeds, sitemap).
    Pages(NameId),
    /// The parts of a language's index of all pages and what each lists.
    IndexParts(NameId),
    /// A template, with what it extends and includes.
    Template(NameId),
    /// The data file of a stem (`aid` is the statistics).
    Data(NameId),
    /// Every data file, those not there yet too.
    AllData,
    /// What every output reads: `site.yaml`, the options, the UI strings,
    /// fonts and static files, which templates exist.
    Site,
}

/// The inputs one output read, as it reads them.
#[derive(Debug, Default)]
pub struct Inputs(Vec<Input>);

impl Inputs {
    /// Notes that `input` was read.
    pub fn read(&mut self, input: Input) {
        self.0.push(input);
    }

    /// Notes that each of `inputs` was read.
    pub fn read_all(&mut self, inputs: impl IntoIterator<Item = Input>) {
        self.0.extend(inputs);
    }

    /// Each input once, in a fixed order.
    pub fn finish(mut self) -> Box<[Input]> {
        self.0.sort_unstable();
        self.0.dedup();
        self.0.into_boxed_slice()
    }
}

/// The names of a site as numbers: its languages, templates and data
/// stems (and stems templates name that have no file yet).
#[derive(Debug, Clone, Default)]
pub struct Names {
    ids: HashMap<String, NameId>,
    names: Vec<String>,
}

impl Names {
    /// The names of `site`, and `more`.
    pub fn of<'a>(site: &'a Site, more: impl IntoIterator<Item = &'a str>) -> Names {
        let mut names = Names::default();
        let langs = site.languages.iter().map(|l| l.code.as_str());
        let templates = site.fingerprints.templates.keys().map(String::as_str);
        let stems = site.data.keys().map(String::as_str);
        for name in langs
            .chain(templates)
            .chain(stems)
            .chain(["aid"])
            .chain(more)
        {
            names.intern(name);
        }
        names
    }

    fn intern(&mut self, name: &str) -> NameId {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = NameId::try_from(self.names.len()).unwrap_or(NameId::MAX);
        self.ids.insert(name.to_string(), id);
        self.names.push(name.to_string());
        id
    }

    /// The number of `name`, if the site has it.
    pub fn id(&self, name: &str) -> Option<NameId> {
        self.ids.get(name).copied()
    }

    /// The name numbered `id`.
    pub fn name(&self, id: NameId) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }
}

/// How to translate the inputs recorded against an earlier model into
/// this one's numbers: a page is the page at the same URL, a name the same
/// name. `None` where the earlier one is gone.
pub struct Remap {
    /// Earlier page to page now; `None` when every page kept its number.
    pages: Option<Vec<Option<PageId>>>,
    /// Earlier name to name now.
    names: Vec<Option<NameId>>,
}

impl Remap {
    /// From the model whose pages had the URLs `urls` and whose names were
    /// `earlier` to `site` and `names`.
    pub fn new(urls: &[String], earlier: &Names, site: &Site, names: &Names) -> Remap {
        let same_pages = urls.len() == site.pages.len()
            && urls
                .iter()
                .zip(&site.pages)
                .all(|(url, page)| *url == page.url);
        Remap {
            pages: (!same_pages).then(|| urls.iter().map(|url| site.page_at(url)).collect()),
            names: earlier.names.iter().map(|name| names.id(name)).collect(),
        }
    }

    /// `input` in this model's numbers.
    pub fn input(&self, input: Input) -> Option<Input> {
        let page = |id: PageId| match &self.pages {
            None => Some(id),
            Some(map) => map.get(id).copied().flatten(),
        };
        let name = |id: NameId| self.names.get(id as usize).copied().flatten();
        Some(match input {
            Input::Source(id) => Input::Source(page(id)?),
            Input::Summary(id) => Input::Summary(page(id)?),
            Input::Listing(id) => Input::Listing(page(id)?),
            Input::Neighbours(id) => Input::Neighbours(page(id)?),
            Input::Ancestors(id) => Input::Ancestors(page(id)?),
            Input::Versions(id) => Input::Versions(page(id)?),
            Input::Menu(id) => Input::Menu(name(id)?),
            Input::Pages(id) => Input::Pages(name(id)?),
            Input::IndexParts(id) => Input::IndexParts(name(id)?),
            Input::Template(id) => Input::Template(name(id)?),
            Input::Data(id) => Input::Data(name(id)?),
            Input::AllData => Input::AllData,
            Input::Site => Input::Site,
        })
    }

    /// `inputs` in this model's numbers, or `None` if one is gone.
    pub fn inputs(&self, inputs: &[Input]) -> Option<Box<[Input]>> {
        inputs.iter().map(|&input| self.input(input)).collect()
    }
}

/// The answers of one model to every input, each computed once, when first
/// asked.
pub struct Values<'a> {
    site: &'a Site,
    names: &'a Names,
    summaries: Vec<OnceLock<u64>>,
    /// Per name: its menu, its pages, its index parts.
    per_lang: Vec<[OnceLock<u64>; 3]>,
    site_value: OnceLock<u64>,
}

impl<'a> Values<'a> {
    /// The answers of `site`, whose names are `names`.
    pub fn new(site: &'a Site, names: &'a Names) -> Values<'a> {
        Values {
            site,
            names,
            summaries: site.pages.iter().map(|_| OnceLock::new()).collect(),
            per_lang: names.names.iter().map(|_| Default::default()).collect(),
            site_value: OnceLock::new(),
        }
    }

    /// The fingerprint of an output that read `inputs`.
    pub fn fingerprint(&self, inputs: &[Input]) -> u64 {
        let mut hasher = DefaultHasher::new();
        for &input in inputs {
            self.value(input).hash(&mut hasher);
        }
        hasher.finish()
    }

    /// The answer to `input`, hashed.
    fn value(&self, input: Input) -> u64 {
        let site = self.site;
        let url = |id: PageId| site.pages[id].url.as_str();
        match input {
            Input::Source(id) => site.pages[id].stamp,
            Input::Summary(id) => self.summary(id),
            Input::Listing(id) => {
                let page = &site.pages[id];
                let listed = page.subsections.iter().chain(&page.pages);
                hash(&(
                    page.subsections.len(),
                    listed.map(|&c| url(c)).collect::<Vec<_>>(),
                ))
            }
            Input::Neighbours(id) => {
                let page = &site.pages[id];
                hash(&(page.previous.map(url), page.next.map(url)))
            }
            Input::Ancestors(id) => {
                hash(&site.ancestors(id).into_iter().map(url).collect::<Vec<_>>())
            }
            Input::Versions(id) => {
                let page = &site.pages[id];
                let versions: Vec<_> = site
                    .languages
                    .iter()
                    .map(|l| {
                        let translation = site.page(&page.key, &l.code);
                        let nearest = translation.or_else(|| site.nearest_in(&page.key, &l.code));
                        (&l.code, translation.is_some(), nearest.map(url))
                    })
                    .collect();
                hash(&versions)
            }
            Input::Menu(lang) => self.per_lang(lang, 0, |lang| {
                let menu: Vec<u64> = site.menu(lang).map(|id| self.summary(id)).collect();
                hash(&menu)
            }),
            Input::Pages(lang) => self.per_lang(lang, 1, |lang| {
                let pages: Vec<u64> = (0..site.pages.len())
                    .filter(|&id| site.pages[id].lang == lang)
                    .map(|id| self.summary(id))
                    .collect();
                hash(&pages)
            }),
            Input::IndexParts(lang) => self.per_lang(lang, 2, |lang| {
                let parts: Vec<Vec<(&str, Vec<&str>)>> = page_index::parts(site, lang)
                    .iter()
                    .map(|part| {
                        part.groups
                            .iter()
                            .map(|g| (url(g.section), g.pages.iter().map(|&p| url(p)).collect()))
                            .collect()
                    })
                    .collect();
                hash(&parts)
            }),
            Input::Template(name) => hash(&site.fingerprints.templates.get(self.names.name(name))),
            Input::Data(stem) => match self.names.name(stem) {
                "aid" => hash(&(site.fingerprints.aid, site.stats.is_some())),
                stem => hash(&site.fingerprints.free_data.get(stem)),
            },
            Input::AllData => hash(&(site.fingerprints.data, site.stats.is_some())),
            Input::Site => *self.site_value.get_or_init(|| {
                let languages: Vec<_> = site
                    .languages
                    .iter()
                    .map(|l| (&l.code, &l.name, &l.title, &l.description, &l.notice))
                    .collect();
                hash(&(
                    site.fingerprints.site,
                    site.fingerprints.templates.keys().collect::<Vec<_>>(),
                    languages,
                    (&site.base_url, &site.default_lang, site.search),
                    (site.stats.is_some(), site.stats_broken),
                ))
            }),
        }
    }

    fn summary(&self, id: PageId) -> u64 {
        *self.summaries[id].get_or_init(|| {
            let page = &self.site.pages[id];
            hash(&(
                (
                    &page.key,
                    &page.lang,
                    &page.url,
                    &page.title,
                    &page.description,
                ),
                (page.date, page.updated, page.weight, page.kind.name()),
            ))
        })
    }

    fn per_lang(&self, lang: NameId, which: usize, compute: impl Fn(&str) -> u64) -> u64 {
        match self.per_lang.get(lang as usize) {
            Some(cells) => *cells[which].get_or_init(|| compute(self.names.name(lang))),
            None => 0,
        }
    }
}

fn hash(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
