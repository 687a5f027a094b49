//! What an output read while it was rendered, and whether the site still
//! says the same: the record that lets a later build (of a session, or a
//! `build` starting from the render cache, see [`super::kept`]) render
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

use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::OnceLock;

use foldhash::HashMap;

use super::page_index::Parts;
use crate::address::UrlPath;
use crate::model::{PageId, Site};

/// A name the site defines (a language code, a template, a data file's
/// stem), as a number: see [`Names`].
pub type NameId = u32;

/// One thing an output read.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
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
    /// Every page of a language with its summary (feeds).
    Pages(NameId),
    /// Every page of a language: its URL and date (the sitemap).
    Addresses(NameId),
    /// The parts of a language's index of all pages and what each lists.
    IndexParts(NameId),
    /// A template, with what it extends and includes.
    Template(NameId),
    /// The data file of a stem (`aid` is the statistics).
    Data(NameId),
    /// Every data file, those not there yet too.
    AllData,
    /// The build's date (the open data carry it).
    BuildDate,
    /// Every page's old addresses, with its own (the redirects).
    Aliases,
    /// The committed history of the records: the commit it was read at.
    History,
    /// What every output reads: `site.yaml`, the options, the UI strings,
    /// fonts and static files, which templates exist.
    Site,
}

impl Input {
    /// The page it asks about, if it asks about one.
    pub fn page(self) -> Option<PageId> {
        match self {
            Input::Source(id)
            | Input::Summary(id)
            | Input::Listing(id)
            | Input::Neighbours(id)
            | Input::Ancestors(id)
            | Input::Versions(id) => Some(id),
            Input::Menu(_)
            | Input::Pages(_)
            | Input::Addresses(_)
            | Input::IndexParts(_)
            | Input::Template(_)
            | Input::Data(_)
            | Input::AllData
            | Input::BuildDate
            | Input::Aliases
            | Input::History
            | Input::Site => None,
        }
    }
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

    /// The names numbered by their place in `list` (as [`Names::list`]
    /// gives them).
    pub fn from_list(list: Vec<String>) -> Names {
        let mut names = Names::default();
        for name in list {
            names.intern(&name);
        }
        names
    }

    /// Every name, in the order of their numbers.
    pub fn list(&self) -> &[String] {
        &self.names
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
    /// Whether every number stays.
    identity: bool,
}

impl Remap {
    /// From the model whose pages had the URLs `urls` and whose names were
    /// `earlier` to `site` and `names`.
    pub fn new(urls: &[UrlPath], earlier: &Names, site: &Site, names: &Names) -> Remap {
        let same_pages = urls.len() == site.pages.len()
            && urls
                .iter()
                .zip(&site.pages)
                .all(|(url, page)| *url == page.url);
        let names: Vec<Option<NameId>> = earlier.names.iter().map(|name| names.id(name)).collect();
        let same_names = (names.iter().enumerate()).all(|(i, id)| *id == NameId::try_from(i).ok());
        Remap {
            pages: (!same_pages).then(|| urls.iter().map(|url| site.page_at(url)).collect()),
            names,
            identity: same_pages && same_names,
        }
    }

    /// `input` in this model's numbers.
    pub fn input(&self, input: Input) -> Option<Input> {
        let page = |id: PageId| match &self.pages {
            None => Some(id),
            Some(map) => map.get(id.index()).copied().flatten(),
        };
        let name = |id: NameId| match self.identity {
            true => Some(id),
            false => self.names.get(id as usize).copied().flatten(),
        };
        Some(match input {
            Input::Source(id) => Input::Source(page(id)?),
            Input::Summary(id) => Input::Summary(page(id)?),
            Input::Listing(id) => Input::Listing(page(id)?),
            Input::Neighbours(id) => Input::Neighbours(page(id)?),
            Input::Ancestors(id) => Input::Ancestors(page(id)?),
            Input::Versions(id) => Input::Versions(page(id)?),
            Input::Menu(id) => Input::Menu(name(id)?),
            Input::Pages(id) => Input::Pages(name(id)?),
            Input::Addresses(id) => Input::Addresses(name(id)?),
            Input::IndexParts(id) => Input::IndexParts(name(id)?),
            Input::Template(id) => Input::Template(name(id)?),
            Input::Data(id) => Input::Data(name(id)?),
            Input::AllData => Input::AllData,
            Input::BuildDate => Input::BuildDate,
            Input::Aliases => Input::Aliases,
            Input::History => Input::History,
            Input::Site => Input::Site,
        })
    }

    /// Between two models that number everything alike (an edit's).
    pub fn identity() -> Remap {
        Remap {
            pages: None,
            names: Vec::new(),
            identity: true,
        }
    }

    /// For each of the `count` pages now, its number in the earlier model
    /// (`None` for a new page); `None` when the numbers are the same.
    pub fn earlier_pages(&self, count: usize) -> Option<Vec<Option<PageId>>> {
        let pages = self.pages.as_ref()?;
        let mut earlier = vec![None; count];
        for (old, now) in pages.iter().enumerate() {
            if let Some(slot) = now.and_then(|now| earlier.get_mut(now.index())) {
                *slot = Some(PageId::new(old));
            }
        }
        Some(earlier)
    }

    /// Whether every number is the same in both models.
    pub fn is_identity(&self) -> bool {
        self.identity
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
    index: &'a Parts,
    /// Per name: its menu, its pages, its index parts, its addresses.
    per_lang: Vec<[OnceLock<u64>; 4]>,
    site_value: OnceLock<u64>,
}

impl<'a> Values<'a> {
    /// The answers of `site`, whose names are `names` and whose index of
    /// all pages is `index`.
    pub fn new(site: &'a Site, names: &'a Names, index: &'a Parts) -> Values<'a> {
        Values {
            site,
            names,
            index,
            per_lang: names.names.iter().map(|_| Default::default()).collect(),
            site_value: OnceLock::new(),
        }
    }

    /// The fingerprint of an output that read `inputs`.
    pub fn fingerprint(&self, inputs: &[Input]) -> u64 {
        let mut hasher = Fingerprint::default().build_hasher();
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
                        let translation = site.page(&page.key, l.id);
                        let nearest = translation.or_else(|| site.nearest_in(&page.key, l.id));
                        (&l.code, translation.is_some(), nearest.map(url))
                    })
                    .collect();
                hash(&versions)
            }
            Input::Menu(lang) => self.per_lang(lang, 0, |lang| {
                let menu: Vec<u64> = (site.languages.id(lang).into_iter())
                    .flat_map(|lang| site.menu(lang))
                    .map(|id| self.summary(id))
                    .collect();
                hash(&menu)
            }),
            Input::Pages(lang) => self.per_lang(lang, 1, |lang| {
                let lang = site.languages.id(lang);
                let pages: Vec<u64> = (site.pages.ids())
                    .filter(|&id| Some(site.pages[id].lang) == lang)
                    .map(|id| self.summary(id))
                    .collect();
                hash(&pages)
            }),
            Input::Addresses(lang) => self.per_lang(lang, 3, |lang| {
                let addresses: Vec<_> = (site.languages.id(lang).into_iter())
                    .flat_map(|lang| site.pages_of(lang))
                    .map(|page| (&page.key, &page.url, page.last_updated()))
                    .collect();
                hash(&addresses)
            }),
            Input::IndexParts(lang) => self.per_lang(lang, 2, |lang| {
                let parts: Vec<Vec<(&str, Vec<&str>)>> = (self.index.parts(lang).iter())
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
            Input::BuildDate => hash(&site.build_date),
            Input::Aliases => {
                let pages = site.pages.iter().filter(|p| !p.aliases.is_empty());
                hash(&pages.map(|p| (&p.url, &p.aliases)).collect::<Vec<_>>())
            }
            Input::History => hash(&site.history.as_ref().map(|h| &h.head)),
            Input::Site => *self.site_value.get_or_init(|| site_answer(site)),
        }
    }

    fn summary(&self, id: PageId) -> u64 {
        self.site.pages[id].summary
    }

    fn per_lang(&self, lang: NameId, which: usize, compute: impl Fn(&str) -> u64) -> u64 {
        match self.per_lang.get(lang as usize) {
            Some(cells) => *cells[which].get_or_init(|| compute(self.names.name(lang))),
            None => 0,
        }
    }
}

/// The answer of `site` to [`Input::Site`], which every unit reads.
pub fn site_answer(site: &Site) -> u64 {
    let languages: Vec<_> = site
        .languages
        .iter()
        .map(|l| {
            let notice = (&l.notice, &l.notice_lang);
            (&l.code, &l.name, &l.title, &l.description, notice)
        })
        .collect();
    hash(&(
        site.fingerprints.site,
        site.fingerprints.templates.keys().collect::<Vec<_>>(),
        languages,
        (&site.base_url, site.code(site.default_lang), site.search),
        (site.stats.is_some(), site.stats_broken),
    ))
}

/// How answers are hashed: foldhash's quality hasher with fixed seeds, fast
/// on the many short strings a model's answers hold, and the same in every
/// build of a process.
type Fingerprint = foldhash::quality::FixedState;

fn hash(value: &impl Hash) -> u64 {
    Fingerprint::default().hash_one(value)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{Input, NameId, Names, Parts, Remap, Values};
    use crate::model::{PageId, Site};
    use crate::testing::SiteBuilder;

    /// A home page and a `rules` section of three pages (weights 1, 2, 3) in
    /// Kazakh, two of them in Russian; a `help` section in Kazakh; two data
    /// files.
    fn rules() -> SiteBuilder {
        SiteBuilder::rules()
            .page("help/_index.kk.md", "title: Көмек\nweight: 2", "")
            .page("help/call.kk.md", "title: Қоңырау", "")
            .data("hotline", json!({"phone": "1406"}))
            .data("links", json!(["a", "b"]))
            .template("base.html", "<title>{% block t %}{% endblock t %}</title>")
            .template(
                "page.html",
                "{% extends \"base.html\" %}{% block t %}{{ page.title }}{% endblock t %}",
            )
    }

    /// Two models of a site, before and after a change.
    struct Change {
        old: Site,
        new: Site,
        old_names: Names,
        new_names: Names,
    }

    impl Change {
        fn new(before: &SiteBuilder, after: &SiteBuilder) -> Change {
            let (old, new) = (before.build(), after.build());
            Change {
                old_names: Names::of(&old, []),
                new_names: Names::of(&new, []),
                old,
                new,
            }
        }

        fn remap(&self) -> Remap {
            let urls: Vec<crate::address::UrlPath> =
                self.old.pages.iter().map(|p| p.url.clone()).collect();
            Remap::new(&urls, &self.old_names, &self.new, &self.new_names)
        }

        /// The page at `url` in the old model.
        fn page(&self, url: &str) -> PageId {
            self.old.page_at(url).unwrap_or_else(|| panic!("no {url}"))
        }

        /// The name `name` in the old model.
        fn name(&self, name: &str) -> NameId {
            self.old_names
                .id(name)
                .unwrap_or_else(|| panic!("no {name}"))
        }

        /// Whether the answer to `input` (of the old model) changed.
        fn changes(&self, input: Input) -> bool {
            let now = self.remap().input(input).expect("still there");
            let (old_index, new_index) = (Parts::of(&self.old), Parts::of(&self.new));
            let old = Values::new(&self.old, &self.old_names, &old_index).fingerprint(&[input]);
            let new = Values::new(&self.new, &self.new_names, &new_index).fingerprint(&[now]);
            old != new
        }

        /// The labels of those of `asked` whose answer changed.
        fn which(&self, asked: &[(&str, Input)]) -> Vec<String> {
            asked
                .iter()
                .filter(|(_, input)| self.changes(*input))
                .map(|(label, _)| label.to_string())
                .collect()
        }
    }

    /// The inputs most outputs read, about the pages and names of `rules`.
    fn everything(c: &Change) -> Vec<(String, Input)> {
        let mut asked = vec![
            ("Site".to_string(), Input::Site),
            ("AllData".into(), Input::AllData),
            ("History".into(), Input::History),
        ];
        for page in &c.old.pages {
            let id = c.page(&page.url);
            let url = &page.url;
            asked.extend([
                (format!("Source {url}"), Input::Source(id)),
                (format!("Summary {url}"), Input::Summary(id)),
                (format!("Listing {url}"), Input::Listing(id)),
                (format!("Neighbours {url}"), Input::Neighbours(id)),
                (format!("Ancestors {url}"), Input::Ancestors(id)),
                (format!("Versions {url}"), Input::Versions(id)),
            ]);
        }
        for lang in ["kk", "ru"] {
            let id = c.name(lang);
            asked.extend([
                (format!("Menu {lang}"), Input::Menu(id)),
                (format!("Pages {lang}"), Input::Pages(id)),
                (format!("IndexParts {lang}"), Input::IndexParts(id)),
            ]);
        }
        for template in ["base.html", "page.html", "section.html", "index.html"] {
            asked.push((
                format!("Template {template}"),
                Input::Template(c.name(template)),
            ));
        }
        for stem in ["hotline", "links", "aid"] {
            asked.push((format!("Data {stem}"), Input::Data(c.name(stem))));
        }
        asked
    }

    /// Asserts that of [`everything`], exactly `expected` changes between
    /// `before` and `after`.
    #[track_caller]
    fn assert_changes(before: &SiteBuilder, after: &SiteBuilder, expected: &[&str]) {
        let change = Change::new(before, after);
        let asked = everything(&change);
        let asked: Vec<(&str, Input)> = asked.iter().map(|(l, i)| (l.as_str(), *i)).collect();
        let mut changed = change.which(&asked);
        changed.sort();
        let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(changed, expected);
    }

    #[test]
    fn nothing_changes_when_nothing_does() {
        assert_changes(&rules(), &rules(), &[]);
    }

    #[test]
    fn a_title_changes_the_summary_of_its_page_only() {
        let after = rules().page("rules/masks.kk.md", "title: Маска\nweight: 2", "Мәтін");
        let expected = [
            "Source kk/rules/masks/",
            "Summary kk/rules/masks/",
            "Pages kk",
        ];
        assert_changes(&rules(), &after, &expected);
    }

    #[test]
    fn a_body_changes_the_source_only() {
        let after = rules().page("rules/masks.kk.md", "title: Маскалар\nweight: 2", "Жаңа");
        assert_changes(&rules(), &after, &["Source kk/rules/masks/"]);
    }

    #[test]
    fn a_reorder_changes_listing_and_neighbours() {
        let after = rules().page("rules/masks.kk.md", "title: Маскалар\nweight: 0", "Мәтін");
        let expected = [
            "Source kk/rules/masks/",
            "Summary kk/rules/masks/",
            "Listing kk/rules/",
            "Neighbours kk/rules/quarantine/",
            "Neighbours kk/rules/masks/",
            "Neighbours kk/rules/distance/",
            "Pages kk",
            "IndexParts kk",
        ];
        assert_changes(&rules(), &after, &expected);
    }

    #[test]
    fn a_translation_changes_the_versions_of_its_page() {
        let after = rules().page("rules/distance.ru.md", "title: Дистанция\nweight: 3", "");
        let expected = [
            "Versions kk/rules/distance/",
            "Listing ru/rules/",
            "Neighbours ru/rules/masks/",
            "Pages ru",
            "IndexParts ru",
        ];
        assert_changes(&rules(), &after, &expected);
        // The switcher of a page without translation leads to the nearest
        // section there: a new section changes it too.
        let before = rules().page("help/call.kk.md", "title: Қоңырау", "");
        let after = before
            .clone()
            .page("help/_index.ru.md", "title: Помощь", "");
        let change = Change::new(&before, &after);
        let call = change.page("kk/help/call/");
        assert!(change.changes(Input::Versions(call)));
        assert!(!change.changes(Input::Versions(change.page("kk/rules/distance/"))));
    }

    #[test]
    fn a_menu_title_changes_the_menu_of_its_language_only() {
        let after = rules().page(
            "rules/_index.ru.md",
            "title: Правила поведения\nweight: 1",
            "",
        );
        let expected = [
            "Source ru/rules/",
            "Summary ru/rules/",
            "Menu ru",
            "Pages ru",
        ];
        assert_changes(&rules(), &after, &expected);
    }

    #[test]
    fn a_new_section_changes_the_ancestors_of_its_pages() {
        let before = rules().page("rules/old/ban.kk.md", "title: Тыйым", "");
        let after = before
            .clone()
            .page("rules/old/_index.kk.md", "title: Ескі", "");
        let change = Change::new(&before, &after);
        assert!(change.changes(Input::Ancestors(change.page("kk/rules/old/ban/"))));
        assert!(!change.changes(Input::Ancestors(change.page("kk/rules/masks/"))));
        assert!(change.changes(Input::Listing(change.page("kk/rules/"))));
    }

    #[test]
    fn a_data_value_changes_that_file_and_all_data() {
        let after = rules().data("hotline", json!({"phone": "1407"}));
        assert_changes(&rules(), &after, &["Data hotline", "AllData"]);
    }

    #[test]
    fn a_template_changes_those_that_extend_it() {
        let after = rules().template("base.html", "<title>{% block t %}{% endblock t %}!</title>");
        assert_changes(
            &rules(),
            &after,
            &["Template base.html", "Template page.html"],
        );
    }

    #[test]
    fn a_language_more_changes_the_site_and_every_page_versions() {
        let before = rules();
        let after = rules().lang("en", "Information");
        let change = Change::new(&before, &after);
        assert!(change.changes(Input::Site));
        for page in &change.old.pages {
            assert!(
                change.changes(Input::Versions(change.page(&page.url))),
                "{}",
                page.url
            );
        }
        assert!(!change.changes(Input::Menu(change.name("kk"))));
    }

    #[test]
    fn remap_is_the_identity_when_the_urls_are_the_same() {
        let after = rules().page("rules/masks.kk.md", "title: Маска\nweight: 0", "");
        let change = Change::new(&rules(), &after);
        let remap = change.remap();
        assert!(remap.pages.is_none());
        for id in change.old.pages.ids() {
            assert_eq!(remap.input(Input::Summary(id)), Some(Input::Summary(id)));
        }
    }

    #[test]
    fn remap_maps_pages_by_url_and_names_by_name() {
        // A page and a template earlier in their orders: every later number
        // moves.
        let after = rules()
            .page("a.kk.md", "title: A", "")
            .template("a.html", "a")
            .data("aaa", json!(1));
        let change = Change::new(&rules(), &after);
        let remap = change.remap();
        for (id, page) in change.old.pages.enumerate() {
            let Some(Input::Listing(now)) = remap.input(Input::Listing(id)) else {
                panic!("{} is gone", page.url);
            };
            assert_eq!(change.new.pages[now].url, page.url);
        }
        assert_ne!(
            change.new.page_at("kk/rules/masks/"),
            Some(change.page("kk/rules/masks/"))
        );
        for name in ["kk", "ru", "page.html", "hotline", "aid"] {
            let old = change.name(name);
            let now = remap.input(Input::Template(old));
            assert_eq!(
                now,
                change.new_names.id(name).map(Input::Template),
                "{name}"
            );
            assert_eq!(
                change.new_names.name(change.new_names.id(name).unwrap()),
                name
            );
        }
        assert_ne!(
            change.new_names.id("page.html"),
            Some(change.name("page.html"))
        );
        assert_eq!(remap.input(Input::Site), Some(Input::Site));
        assert_eq!(remap.input(Input::AllData), Some(Input::AllData));
    }

    #[test]
    fn remap_gives_none_for_what_is_gone() {
        let after = rules().without("rules/masks.kk.md");
        let change = Change::new(&rules(), &after);
        let remap = change.remap();
        let masks = change.page("kk/rules/masks/");
        let quarantine = change.page("kk/rules/quarantine/");
        assert_eq!(remap.input(Input::Summary(masks)), None);
        assert_eq!(remap.input(Input::Neighbours(masks)), None);
        assert!(remap.input(Input::Summary(quarantine)).is_some());
        assert_eq!(
            remap.inputs(&[Input::Summary(quarantine), Input::Source(masks)]),
            None
        );
        // A data file and a template gone.
        let gone = rules().template("page.html", "x");
        let without = SiteBuilder::new();
        let change = Change::new(&gone, &without);
        let remap = change.remap();
        assert_eq!(remap.input(Input::Data(change.name("hotline"))), None);
        assert_eq!(remap.input(Input::Template(change.name("base.html"))), None);
        assert!(remap.input(Input::Menu(change.name("kk"))).is_some());
    }
}
