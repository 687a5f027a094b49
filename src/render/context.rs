//! The variables a template sees. The README lists them for theme authors.

use std::sync::OnceLock;

use serde::Serialize;
use tera::{Context, Value};

use super::functions::Localizer;
use super::inputs::Input;
use super::markdown::Heading;
use super::previews::{self, Crumb, Dataset, Facts};
use super::reads::Reading;
use super::stats::Infographics;
use super::versions::Versions;
use super::{page_index, search};
use crate::date::Date;
use crate::model::{LangId, Page, PageId, PageKind, Site};

/// A page as listed elsewhere (sections, neighbours, breadcrumbs).
#[derive(Serialize)]
struct Summary<'a> {
    key: &'a str,
    kind: &'static str,
    lang: &'a str,
    title: &'a str,
    description: &'a str,
    url: String,
    permalink: String,
    date: Option<String>,
    date_display: Option<String>,
    updated: Option<String>,
    updated_display: Option<String>,
    last_updated: Option<String>,
    last_updated_display: Option<String>,
    expires: Option<String>,
    expires_display: Option<String>,
    expired: bool,
}

/// A language in the switcher.
#[derive(Serialize)]
struct SwitcherEntry<'a> {
    code: &'a str,
    name: &'a str,
    url: String,
    is_current: bool,
    /// False when the page has no translation and `url` leads to the
    /// nearest section instead.
    is_translation: bool,
}

/// A `<link rel="alternate" hreflang>`.
#[derive(Serialize)]
struct Alternate {
    hreflang: String,
    href: String,
}

#[derive(Serialize)]
struct LanguageEntry<'a> {
    code: &'a str,
    name: &'a str,
    title: &'a str,
    url: String,
}

/// What a page that aqparat makes itself is.
pub struct GeneratedPage<'a> {
    /// `page.kind`: `404`, `infographics`, `organisation`.
    pub kind: &'static str,
    /// `page.title`.
    pub title: &'a str,
    /// Whether the page exists in every language (so the switcher and
    /// `hreflang` lead to its translations).
    pub has_translations: bool,
    /// `page.image`: the URL path of its preview image (a chart's card).
    pub image: Option<String>,
    /// The open data it offers, for its JSON-LD.
    pub dataset: Option<Dataset<'a>>,
}

impl<'a> LanguageEntry<'a> {
    /// The language `lang` of `site`, with its home page.
    fn of(site: &Site, lang: &'a crate::model::Lang) -> LanguageEntry<'a> {
        LanguageEntry {
            code: &lang.code,
            name: &lang.name,
            title: &lang.title,
            url: site.link(&format!("{}/", lang.code)),
        }
    }
}

/// Values shared by many contexts, computed once per build; the summaries
/// of pages only when a rendered page shows them (an incremental build
/// renders few pages of many).
pub struct Shared<'a> {
    pages: &'a Site,
    localizer: &'a Localizer,
    data: Vec<Value>,
    /// The statistics' view as a template value, per language: made once
    /// and shared (by `data.aid` too, and the overview's and each
    /// organisation's `aid`); made again for each organisation's page, it
    /// took time growing with the square of the organisations.
    aid: Vec<Option<Value>>,
    summaries: Vec<OnceLock<Value>>,
    site: Vec<Value>,
    nav: Vec<Value>,
    /// The URL of each of `nav`'s items, per language.
    nav_urls: Vec<Vec<String>>,
    i18n: Vec<Value>,
}

impl<'a> Shared<'a> {
    /// Prepares the per-language `site`, `nav` (and its items' URLs, for
    /// `nav_current`), `data`, `aid` and `i18n` values.
    pub fn new(
        site: &'a Site,
        localizer: &'a Localizer,
        infographics: Option<&Infographics>,
    ) -> Shared<'a> {
        let summaries: Vec<OnceLock<Value>> =
            (0..site.pages.len()).map(|_| OnceLock::new()).collect();
        let languages: Vec<LanguageEntry> = site
            .languages
            .iter()
            .map(|l| LanguageEntry::of(site, l))
            .collect();
        let site_values = site
            .languages
            .iter()
            .map(|l| {
                let mut map = tera::Map::new();
                map.insert("title".into(), l.title.as_str().into());
                map.insert("description".into(), l.description.as_str().into());
                map.insert("base_url".into(), site.base_url.as_str().into());
                map.insert("base_path".into(), site.base_path.as_str().into());
                map.insert(
                    "default_language".into(),
                    site.code(site.default_lang).into(),
                );
                map.insert("home_url".into(), site.link(&format!("{}/", l.code)).into());
                map.insert(
                    "feed_url".into(),
                    site.link(&format!("{}/atom.xml", l.code)).into(),
                );
                map.insert("languages".into(), Value::from_serializable(&languages));
                if let Some(notice) = &l.notice {
                    map.insert("notice".into(), notice.as_str().into());
                }
                if let Some(lang) = &l.notice_lang {
                    map.insert("notice_lang".into(), lang.as_str().into());
                }
                if infographics.is_some() {
                    let url = site.link(&format!("{}/infographics/", l.code));
                    map.insert("infographics_url".into(), url.into());
                }
                if page_index::exists(site) {
                    let url = site.link(&page_index::url(&l.code, 1));
                    map.insert("pages_url".into(), url.into());
                }
                if site.search {
                    let search = site.link(&format!("{}/pagefind.js", search::DIR));
                    map.insert("search_url".into(), search.into());
                }
                Value::from(map)
            })
            .collect();
        let aid: Vec<Option<Value>> = (site.languages.iter())
            .map(|l| {
                infographics
                    .and_then(|i| i.view(l.id))
                    .map(Value::from_serializable)
            })
            .collect();
        let data = (aid.iter())
            .map(|aid| {
                let mut map = tera::Map::new();
                for (stem, value) in &site.data {
                    map.insert(stem.clone().into(), Value::from_serializable(value));
                }
                if let Some(aid) = aid {
                    map.insert("aid".into(), aid.clone());
                }
                Value::from(map)
            })
            .collect();
        let i18n = (site.languages.iter())
            .map(|l| Value::from(localizer.texts(&l.code)))
            .collect();
        let nav_urls = (site.languages.iter())
            .map(|l| {
                site.menu(l.id)
                    .map(|id| site.link(&site.pages[id].url))
                    .collect()
            })
            .collect();
        let mut shared = Shared {
            pages: site,
            localizer,
            data,
            aid,
            summaries,
            site: site_values,
            // Made of the summaries, once `shared` can give them.
            nav: Vec::new(),
            nav_urls,
            i18n,
        };
        shared.nav = site
            .languages
            .iter()
            .map(|l| {
                let items: Vec<Value> = site.menu(l.id).map(|id| shared.summary(id)).collect();
                Value::from(items)
            })
            .collect();
        shared
    }

    /// The statistics' view in `lang` as a template value (`aid`), when
    /// the site shows them in `lang`.
    pub fn aid(&self, lang: LangId) -> Option<Value> {
        self.aid[lang.index()].clone()
    }

    /// The summaries made for this build (a slot per page of the site,
    /// filled for the pages a rendered unit showed), which a whole build
    /// drops apart (see [`crate::drop_later`]).
    pub fn into_summaries(self) -> Vec<OnceLock<Value>> {
        self.summaries
    }

    /// The context common to every page of `lang`: `lang`, `lang_name`,
    /// `site`, `nav`, `data`, `i18n`, and `nav_current` of the page whose
    /// URL is `url` (as `page.url` gives it).
    pub fn base(&self, site: &Site, lang: LangId, url: &str, reading: &mut Reading) -> Context {
        let i = lang.index();
        let language = &site.languages[lang];
        reading.inputs.read(Input::Site);
        if let Some(lang) = reading.names().id(&language.code) {
            reading.variable("nav", [Input::Menu(lang)]);
            reading.variable("nav_current", [Input::Menu(lang)]);
        }
        reading.data();
        let mut context = Context::new();
        context.insert("lang", &language.code);
        context.insert("lang_name", &language.name);
        context.insert_value("site", self.site[i].clone());
        context.insert_value("nav", self.nav[i].clone());
        // What `page.url is starting_with(pat=item.url)` tells of each
        // item, found once: a test called in a template costs a map of its
        // arguments, and with a menu of 100 items that was about 7 % of the
        // processor time of a build of 200,000 pages.
        let current = (self.nav_urls[i].iter())
            .filter(|item| url.starts_with(item.as_str()))
            .map(|item| Value::from(item.as_str()))
            .collect::<Vec<Value>>();
        context.insert_value("nav_current", Value::from(current));
        context.insert_value("data", self.data[i].clone());
        context.insert_value("i18n", self.i18n[i].clone());
        context
    }

    /// The full context of page `id`, whose body rendered to `html` and
    /// whose preview card is at URL path `card`.
    pub fn page(
        &self,
        site: &Site,
        id: PageId,
        html: String,
        toc: &[Heading],
        card: Option<&str>,
        reading: &mut Reading,
    ) -> Context {
        let page = &site.pages[id];
        let mut context = self.base(site, page.lang, &site.link(&page.url), reading);
        reading
            .inputs
            .read_all([Input::Source(id), Input::Summary(id)]);
        let mut page_value = self.summary(id).into_map().unwrap_or_default();
        page_value.insert("content".into(), Value::safe_string(&html));
        page_value.insert("toc".into(), Value::from_serializable(&toc_value(toc)));
        page_value.insert(
            "weight".into(),
            page.weight.map_or(Value::none(), Value::from),
        );
        page_value.insert(
            "source_path".into(),
            crate::diag::display_path(&page.path).into(),
        );
        let image = card.map(|card| site.permalink(card));
        page_value.insert(
            "image".into(),
            image.clone().map_or(Value::none(), Value::from),
        );
        context.insert_value("page", Value::from(page_value));
        if page.kind != PageKind::Page {
            let listed = page.subsections.iter().chain(&page.pages);
            let listing = listed.map(|&child| Input::Summary(child));
            reading.variable("section", listing.chain([Input::Listing(id)]));
            let mut section = tera::Map::new();
            section.insert("pages".into(), self.list(&page.pages));
            section.insert("subsections".into(), self.list(&page.subsections));
            context.insert_value("section", Value::from(section));
        }
        let neighbours = [page.previous, page.next].into_iter().flatten();
        let neighbours = neighbours
            .map(Input::Summary)
            .chain([Input::Neighbours(id)]);
        reading.variable("previous", neighbours.clone());
        reading.variable("next", neighbours);
        context.insert_value("previous", self.maybe(page.previous));
        context.insert_value("next", self.maybe(page.next));
        let ancestors = site.ancestors(id);
        let shown = ancestors.iter().map(|&a| Input::Summary(a));
        reading.variable("breadcrumbs", shown.chain([Input::Ancestors(id)]));
        context.insert_value("breadcrumbs", self.list(&ancestors));
        for name in ["switcher", "alternates", "missing_translations", "og"] {
            reading.variable(name, [Input::Versions(id)]);
        }
        let shown = ancestors.iter().map(|&a| Input::Summary(a));
        reading.variable("json_ld", shown.chain([Input::Ancestors(id)]));
        let versions = Versions::of_page(site, page);
        insert_versions(&mut context, site, page.lang, &versions);
        let facts = || {
            let crumbs = (ancestors.iter().chain([&id]))
                .map(|&a| Crumb {
                    title: &site.pages[a].title,
                    url: site.permalink(&site.pages[a].url),
                })
                .collect();
            let language = &site.languages[page.lang];
            Facts {
                lang: &language.code,
                site_title: &language.title,
                site_url: site.permalink(&format!("{}/", language.code)),
                is_home: page.kind == PageKind::Home,
                title: &page.title,
                description: &page.description,
                url: site.permalink(&page.url),
                modified: page.last_updated(),
                image,
                crumbs,
                dataset: None,
            }
        };
        insert_previews(&mut context, site, page.lang, &versions, reading, facts);
        let missing: Vec<LanguageEntry> = site
            .languages
            .iter()
            .zip(versions.all())
            .filter(|(l, v)| l.id != page.lang && !v.is_translation)
            .map(|(l, _)| LanguageEntry::of(site, l))
            .collect();
        context.insert("missing_translations", &missing);
        context
    }

    /// The context of a page that aqparat makes itself (404, infographics):
    /// `url_of(lang)` gives its URL path in each language.
    pub fn generated(
        &self,
        site: &Site,
        lang: LangId,
        url_of: impl Fn(&str) -> String,
        generated: GeneratedPage,
        reading: &mut Reading,
    ) -> Context {
        let url = url_of(site.code(lang));
        let link = site.link(&url);
        let mut context = self.base(site, lang, &link, reading);
        let mut page = tera::Map::new();
        page.insert("kind".into(), generated.kind.into());
        page.insert("title".into(), generated.title.into());
        page.insert("description".into(), "".into());
        page.insert("url".into(), link.into());
        page.insert("permalink".into(), site.permalink(&url).into());
        let image = generated.image.map(|image| site.permalink(&image));
        page.insert(
            "image".into(),
            image.clone().map_or(Value::none(), Value::from),
        );
        context.insert_value("page", Value::from(page));
        let versions = Versions::of_generated(site, url_of, generated.has_translations);
        insert_versions(&mut context, site, lang, &versions);
        let home = site.page("", lang).filter(|_| generated.has_translations);
        reading.variable("breadcrumbs", home.map(Input::Summary));
        reading.variable("json_ld", home.map(Input::Summary));
        context.insert_value("breadcrumbs", self.list(home.as_slice()));
        let facts = || {
            let language = &site.languages[lang];
            let crumbs = (home.iter())
                .map(|&h| Crumb {
                    title: &site.pages[h].title,
                    url: site.permalink(&site.pages[h].url),
                })
                .chain([Crumb {
                    title: generated.title,
                    url: site.permalink(&url),
                }])
                .collect();
            Facts {
                lang: &language.code,
                site_title: &language.title,
                site_url: site.permalink(&format!("{}/", language.code)),
                is_home: false,
                title: generated.title,
                description: "",
                url: site.permalink(&url),
                modified: None,
                image,
                crumbs,
                dataset: generated.dataset,
            }
        };
        insert_previews(&mut context, site, lang, &versions, reading, facts);
        context.insert_value("missing_translations", Value::from(Vec::<Value>::new()));
        context
    }

    /// The summary of page `id`, made on first use.
    fn summary(&self, id: PageId) -> Value {
        self.summaries[id.index()]
            .get_or_init(|| Value::from_serializable(&summary(self.pages, id, self.localizer)))
            .clone()
    }

    /// The `groups` of a part of the index of all pages: each
    /// `{section, pages}`.
    pub fn page_groups(&self, groups: &[page_index::Group], reading: &mut Reading) -> Value {
        for group in groups {
            let shown = group.pages.iter().chain([&group.section]);
            reading.variable("groups", shown.map(|&id| Input::Summary(id)));
        }
        let groups: Vec<Value> = groups
            .iter()
            .map(|group| {
                let mut value = tera::Map::new();
                value.insert("section".into(), self.summary(group.section));
                value.insert("pages".into(), self.list(&group.pages));
                Value::from(value)
            })
            .collect();
        Value::from(groups)
    }

    fn list(&self, ids: &[PageId]) -> Value {
        Value::from(ids.iter().map(|&id| self.summary(id)).collect::<Vec<_>>())
    }

    fn maybe(&self, id: Option<PageId>) -> Value {
        id.map_or(Value::none(), |id| self.summary(id))
    }
}

fn summary<'a>(site: &'a Site, id: PageId, localizer: &Localizer) -> Summary<'a> {
    let page: &Page = &site.pages[id];
    let lang = site.code(page.lang);
    let display = |d: Option<Date>| d.and_then(|d| localizer.format(lang).map(|f| f.date(d)));
    Summary {
        key: &page.key,
        kind: page.kind.name(),
        lang,
        title: &page.title,
        description: &page.description,
        url: site.link(&page.url),
        permalink: site.permalink(&page.url),
        date: page.date.map(|d| d.to_string()),
        date_display: display(page.date),
        updated: page.updated.map(|d| d.to_string()),
        updated_display: display(page.updated),
        last_updated: page.last_updated().map(|d| d.to_string()),
        last_updated_display: display(page.last_updated()),
        expires: page.expires.map(|d| d.to_string()),
        expires_display: display(page.expires),
        expired: page.expired,
    }
}

#[derive(Serialize)]
struct TocEntry<'a> {
    level: u8,
    id: &'a str,
    title: &'a str,
}

fn toc_value(toc: &[Heading]) -> Vec<TocEntry<'_>> {
    toc.iter()
        .map(|h| TocEntry {
            level: h.level,
            id: &h.id,
            title: &h.title,
        })
        .collect()
}

/// `switcher` and `alternates` of a page in `lang` whose versions are
/// `versions`.
fn insert_versions(context: &mut Context, site: &Site, lang: LangId, versions: &Versions) {
    let switcher: Vec<SwitcherEntry> = site
        .languages
        .iter()
        .zip(versions.all())
        .map(|(l, version)| SwitcherEntry {
            code: &l.code,
            name: &l.name,
            url: site.link(&version.url),
            is_current: l.id == lang,
            is_translation: version.is_translation,
        })
        .collect();
    context.insert("switcher", &switcher);
    insert_alternates(context, site, versions);
}

/// `og` (`locale`, `locale_alternates`: the Open Graph locales of the page
/// and of its translations) and `json_ld` (see [`Facts::json_ld`]), each
/// only when the template reads it: a theme without them does not pay for
/// them (the graph was 4 % of a build of 20,222 pages).
fn insert_previews<'a>(
    context: &mut Context,
    site: &Site,
    lang: LangId,
    versions: &Versions,
    reading: &Reading,
    facts: impl FnOnce() -> Facts<'a>,
) {
    if reading.wants("og") {
        let alternates: Vec<String> = (site.languages.iter().zip(versions.all()))
            .filter(|(l, v)| l.id != lang && v.is_translation)
            .map(|(l, _)| previews::og_locale(&l.code))
            .collect();
        let mut og = tera::Map::new();
        og.insert("locale".into(), previews::og_locale(site.code(lang)).into());
        og.insert(
            "locale_alternates".into(),
            Value::from_serializable(&alternates),
        );
        context.insert_value("og", Value::from(og));
    }
    if reading.wants("json_ld") {
        context.insert_value("json_ld", Value::safe_string(&facts().json_ld()));
    }
}

/// `alternates`: the `hreflang` links of a page whose versions are
/// `versions`.
fn insert_alternates(context: &mut Context, site: &Site, versions: &Versions) {
    let alternates: Vec<Alternate> = versions
        .alternates(site)
        .into_iter()
        .map(|(hreflang, url)| Alternate {
            hreflang: hreflang.to_string(),
            href: site.permalink(url),
        })
        .collect();
    context.insert("alternates", &alternates);
}

/// The context of `/`, the page that offers every language: `lang`,
/// `default_language`, `base_url`, `base_path`, `languages`, `alternates`.
pub fn root(site: &Site) -> Context {
    let mut context = Context::new();
    let languages: Vec<LanguageEntry> = site
        .languages
        .iter()
        .map(|l| LanguageEntry::of(site, l))
        .collect();
    let default = site.code(site.default_lang);
    context.insert("lang", default);
    context.insert("default_language", default);
    context.insert("base_url", &site.base_url);
    context.insert("base_path", &site.base_path);
    context.insert("languages", &languages);
    let homes = Versions::of_generated(site, |lang| format!("{lang}/"), true);
    insert_alternates(&mut context, site, &homes);
    context
}
