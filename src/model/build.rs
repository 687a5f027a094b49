//! The model stage's entry: from loaded sources to a linked [`Site`].

use std::cmp::Reverse;
use std::path::PathBuf;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::site::{PageIndex, base_path};
use super::{
    Draft, History, Lang, LangId, Languages, OpenData, Page, PageId, PageKind, Pages, Site, Stats,
    Theme, Waiting,
};
use crate::address::output_url;
use crate::date::Date;
use crate::load::{FrontRead, RawConfig, RawPage, Sources, UiString};
use crate::validate::Statistics;
use crate::{Options, Publishing};

/// Builds the site from its sources, at `base_url` (the address as
/// [`crate::address::parse_base_url`] normalised it), with the pages `publishing` publishes and the statistics only when they
/// are valid. Tolerates invalid input (already reported by `validate`), so
/// that rendering can still find the remaining problems: pages in unknown
/// languages or with a file or folder name that no address may hold are
/// left out, bad dates are ignored.
pub fn site(
    sources: Sources,
    config: &RawConfig,
    base_url: String,
    options: &Options,
    publishing: Publishing,
    statistics: Statistics,
) -> Site {
    let notice = |code: &str| {
        let notice = config.notice.as_ref()?;
        notice.value.get(code).map(|text| text.value.clone())
    };
    let default = &config.default_language.value;
    let languages = config
        .languages
        .value
        .iter()
        .map(|(code, raw)| Lang {
            // A language without a notice shows the default language's.
            notice_lang: notice(code)
                .is_none()
                .then(|| notice(default).map(|_| default.clone()))
                .flatten(),
            notice: notice(code).or_else(|| notice(default)),
            id: LangId::default(),
            code: code.clone(),
            name: raw.name.value.clone(),
            title: raw.title.value.clone(),
            description: raw
                .description
                .as_ref()
                .map(|d| d.value.clone())
                .unwrap_or_default(),
        })
        .collect();
    let languages = Languages::new(languages);
    let default_lang = (languages.id(&config.default_language.value)).unwrap_or_default();
    let mut seen = HashSet::new();
    let mut waiting = Vec::new();
    let mut drafts = Vec::new();
    let dating = Dating {
        publishing,
        committed: sources.committed.as_ref(),
    };
    let mut pages: Pages = sources
        .pages
        .into_iter()
        .filter(|p| {
            let published = publishing.publishes(&p.front);
            if let Some(day) = publishing.scheduled(&p.front)
                && !published
                && publishing.drafts.publishes(p.front.draft)
            {
                waiting.push(Waiting {
                    key: p.key.clone(),
                    lang: p.lang.clone(),
                    path: p.path.clone(),
                    day,
                });
            }
            if !publishing.drafts.publishes(p.front.draft) {
                drafts.push(Draft {
                    key: p.key.clone(),
                    lang: p.lang.clone(),
                    path: p.path.clone(),
                    unread: p.front.draft_unread,
                });
            }
            published
        })
        .filter_map(|p| Some((languages.id(&p.lang)?, p)))
        .filter(|(_, p)| crate::validate::has_clean_names(&p.path))
        .filter(|(_, p)| seen.insert(output_url(&p.lang, &p.key)))
        .map(|(lang, p)| page_from_raw(p, lang, &dating))
        .collect::<Vec<Page>>()
        .into();
    let mut synthetic = Vec::new();
    for lang in &languages {
        if !pages
            .iter()
            .any(|p| p.kind == PageKind::Home && p.lang == lang.id)
        {
            synthetic.push(PageId::new(pages.len()));
            pages.push(synthetic_home(lang, &dating));
        }
    }
    link(&mut pages);
    list_untranslated(&mut pages, &synthetic, default_lang);
    // Each layer's strings replace or add to those below.
    let mut strings: HashMap<String, HashMap<String, UiString>> = HashMap::new();
    for file in sources.theme.i18n {
        let layer = file.strings.into_iter().map(|(k, v)| (k.value, v));
        strings.entry(file.lang).or_default().extend(layer);
    }
    let theme = Theme {
        tera: sources.theme.tera,
        template_paths: sources.theme.template_paths,
        strings,
        static_files: sources.theme.static_files,
        fonts: sources.theme.fonts,
        dir: sources.theme.dir,
    };
    let stats = (statistics == Statistics::Valid).then(|| Stats::from_raw(&sources.data.aid));
    let head = (sources.history.as_ref()).map(|history| history.head.clone());
    let history = (stats.as_ref())
        .zip(sources.history)
        .and_then(|(stats, raw)| History::from_raw(raw, stats));
    Site {
        root: sources.root,
        base_path: base_path(&base_url),
        base_url,
        default_lang,
        languages,
        by_key: PageIndex::new(&pages),
        pages,
        theme,
        static_files: sources.static_files,
        assets: sources.assets,
        stats,
        history,
        head,
        stats_broken: statistics == Statistics::Broken,
        fingerprints: sources.fingerprints,
        data: sources.data.free,
        search: config.has_search(),
        previews: config.wants_previews(),
        open_data: open_data(config),
        build_date: options.build_date.seconds(),
        publishing,
        waiting: {
            waiting.sort_by(|a, b| (b.day, &a.path).cmp(&(a.day, &b.path)));
            waiting
        },
        drafts,
        dates_from_git: sources.committed.is_some(),
    }
}

/// `open_data` of `site.yaml`, when its licence is one aqparat knows (else
/// `validate` reported it).
fn open_data(config: &RawConfig) -> Option<OpenData> {
    let written = &config.open_data.as_ref()?.value;
    Some(OpenData {
        licence: crate::licence::find(&written.licence.value)?,
        publisher: (written.publisher.value.iter())
            .map(|(code, name)| (code.clone(), name.value.clone()))
            .collect(),
    })
}

/// What a page's dates depend on besides its front matter.
pub(super) struct Dating<'a> {
    /// Which pages are published, on which day.
    pub publishing: Publishing,
    /// With `dates: git`, the day of the last commit that changed each
    /// content file, by path.
    pub committed: Option<&'a std::collections::HashMap<PathBuf, Date>>,
}

/// The page a content file in language `lang` becomes, not yet linked to
/// the others.
pub(super) fn page_from_raw(raw: RawPage, lang: LangId, dating: &Dating) -> Page {
    let kind = match (raw.is_section, raw.key.is_empty()) {
        (true, true) => PageKind::Home,
        (true, false) => PageKind::Section,
        (false, _) => PageKind::Page,
    };
    let front = raw.front;
    let parse = |d: &Option<crate::load::Spanned<String>>| {
        d.as_ref().and_then(|d| Date::parse(&d.value).ok())
    };
    let date = parse(&front.date);
    // A commit before the page's date (one that scheduled it) is not a
    // change since it was published.
    let committed = (dating.committed.and_then(|days| days.get(&raw.path)))
        .copied()
        .filter(|day| date.is_none_or(|date| *day >= date));
    let expires = parse(&front.expires);
    let mut page = Page {
        url: output_url(&raw.lang, &raw.key),
        stamp: raw.stamp,
        summary: 0,
        title: front.title.map(|t| t.value).unwrap_or_default(),
        description: front.description.map(|d| d.value).unwrap_or_default(),
        date,
        updated: parse(&front.updated).or(committed),
        expires,
        expired: dating.publishing.has_expired(expires),
        weight: front.weight,
        // A template whose context the page lacks (that of a page aqparat
        // makes itself): `validate` reported it, and the page is rendered
        // with its kind's template to find the rest.
        template: (front.template)
            .filter(|t| {
                crate::render::unusable_template(&t.value, kind != PageKind::Page).is_none()
            })
            .map_or_else(|| default_template(kind).to_string(), |t| t.value),
        aliases: (front.aliases.iter())
            .filter_map(|a| crate::address::parse_alias(&a.value).ok())
            .collect(),
        key: raw.key,
        lang,
        kind,
        path: raw.path,
        made_up: false,
        parent: None,
        pages: Vec::new(),
        subsections: Vec::new(),
        previous: None,
        next: None,
    };
    page.summary = page.summary_fingerprint();
    page
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
fn synthetic_home(lang: &Lang, dating: &Dating) -> Page {
    let mut page = page_from_raw(
        RawPage {
            path: format!("content/_index.{}.md", lang.code).into(),
            key: String::new(),
            is_section: true,
            lang: lang.code.clone(),
            front: Default::default(),
            stamp: 0,
            front_read: FrontRead::Whole,
            front_text: String::new(),
        },
        lang.id,
        dating,
    );
    page.title = lang.title.clone();
    page.made_up = true;
    page.summary = page.summary_fingerprint();
    page
}

/// Sets parents, listings and neighbours.
fn link(pages: &mut Pages) {
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
                if let Some(parent) = by_key.find(pages, key, page.lang) {
                    return Some(parent);
                }
                if key.is_empty() {
                    return None;
                }
            }
        })
        .collect();
    let mut children: HashMap<PageId, Vec<PageId>> = HashMap::new();
    for (id, parent) in pages.ids().zip(parents) {
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

/// Makes each home page in `homes` (made up for a language without
/// `content/_index.LANG.md`) list, besides its own children, the default
/// language's home's sections and pages that have no version in its
/// language: a language added to a running site then leads to them, shown
/// in the default language (templates mark them with their `lang`). They
/// keep their own parent and neighbours.
fn list_untranslated(pages: &mut Pages, homes: &[PageId], default: LangId) {
    let by_key = PageIndex::new(pages);
    let Some(default_home) = by_key.find(pages, "", default) else {
        return;
    };
    for &home in homes.iter().filter(|&&home| home != default_home) {
        let lang = pages[home].lang;
        let theirs = &pages[default_home];
        let borrowed = theirs.subsections.iter().chain(&theirs.pages);
        let borrowed = borrowed.filter(|&&id| by_key.find(pages, &pages[id].key, lang).is_none());
        let own = pages[home].subsections.iter().chain(&pages[home].pages);
        let children = own.chain(borrowed).copied().collect();
        let (sections, plain) = listing(pages, children);
        pages[home].subsections = sections;
        pages[home].pages = plain;
    }
}

/// A section's listing of its children `ids` (given in file order): its
/// subsections and its pages, each in listing order — by weight, then the
/// newest first, then by title.
pub(super) fn listing(pages: &Pages, mut ids: Vec<PageId>) -> (Vec<PageId>, Vec<PageId>) {
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

#[cfg(test)]
mod tests {
    use crate::model::{PageId, PageKind, Site};
    use crate::testing::SiteBuilder;

    /// The page at URL path `url`.
    fn at(site: &Site, url: &str) -> PageId {
        site.page_at(url)
            .unwrap_or_else(|| panic!("no page at {url}"))
    }

    /// The URL paths of `ids`.
    fn urls(site: &Site, ids: impl IntoIterator<Item = PageId>) -> Vec<&str> {
        ids.into_iter()
            .map(|id| site.pages[id].url.as_str())
            .collect()
    }

    /// A site with a home page and a `rules` section of three pages in
    /// each language, and a page outside any section.
    fn rules() -> SiteBuilder {
        SiteBuilder::rules().page("about.kk.md", "title: Біз туралы", "")
    }

    #[test]
    fn urls_follow_keys_and_languages() {
        let site = rules().build();
        for (url, key, kind) in [
            ("kk/", "", PageKind::Home),
            ("ru/", "", PageKind::Home),
            ("kk/rules/", "rules", PageKind::Section),
            ("kk/rules/masks/", "rules/masks", PageKind::Page),
            ("ru/rules/masks/", "rules/masks", PageKind::Page),
            ("kk/about/", "about", PageKind::Page),
        ] {
            let page = &site.pages[at(&site, url)];
            assert_eq!((page.key.as_str(), page.kind), (key, kind), "{url}");
        }
        assert_eq!(site.page_at("ru/about/"), None);
        assert_eq!(site.link("kk/rules/"), "/kk/rules/");
        assert_eq!(site.permalink("kk/"), "https://example.kz/kk/");
    }

    #[test]
    fn parents_are_the_nearest_section_in_the_same_language() {
        let site = rules()
            .page("rules/old/2020/ban.kk.md", "title: Тыйым", "")
            .build();
        let parent = |url| {
            site.pages[at(&site, url)]
                .parent
                .map(|id| site.pages[id].url.as_str())
        };
        assert_eq!(parent("kk/"), None);
        assert_eq!(parent("kk/rules/"), Some("kk/"));
        assert_eq!(parent("kk/rules/masks/"), Some("kk/rules/"));
        assert_eq!(parent("ru/rules/masks/"), Some("ru/rules/"));
        assert_eq!(parent("kk/about/"), Some("kk/"));
        // No section for `rules/old` or `rules/old/2020`: the nearest above.
        assert_eq!(parent("kk/rules/old/2020/ban/"), Some("kk/rules/"));
    }

    #[test]
    fn listings_are_by_weight_then_newest_then_title() {
        let site = SiteBuilder::new()
            .page("news/_index.kk.md", "title: Жаңалықтар", "")
            .page("news/unweighted.kk.md", "title: A", "")
            .page(
                "news/old.kk.md",
                "title: Z\nweight: 5\ndate: 2020-01-01",
                "",
            )
            .page(
                "news/new.kk.md",
                "title: Y\nweight: 5\ndate: 2021-01-01",
                "",
            )
            .page("news/b.kk.md", "title: B\nweight: 5", "")
            .page("news/a.kk.md", "title: A\nweight: 5", "")
            .page("news/first.kk.md", "title: Z\nweight: -1", "")
            .page("news/sub/_index.kk.md", "title: Sub\nweight: 9", "")
            .page("news/other/_index.kk.md", "title: Other\nweight: 2", "")
            .build();
        let news = &site.pages[at(&site, "kk/news/")];
        assert_eq!(
            urls(&site, news.pages.iter().copied()),
            [
                "kk/news/first/",
                "kk/news/new/",
                "kk/news/old/",
                // Undated after dated, then by title.
                "kk/news/a/",
                "kk/news/b/",
                "kk/news/unweighted/",
            ]
        );
        assert_eq!(
            urls(&site, news.subsections.iter().copied()),
            ["kk/news/other/", "kk/news/sub/"]
        );
    }

    #[test]
    fn neighbours_are_the_pages_next_in_the_listing() {
        let site = rules().build();
        let neighbours = |url| {
            let page = &site.pages[at(&site, url)];
            (
                page.previous.map(|id| site.pages[id].url.as_str()),
                page.next.map(|id| site.pages[id].url.as_str()),
            )
        };
        assert_eq!(
            neighbours("kk/rules/quarantine/"),
            (None, Some("kk/rules/masks/"))
        );
        assert_eq!(
            neighbours("kk/rules/masks/"),
            (Some("kk/rules/quarantine/"), Some("kk/rules/distance/"))
        );
        assert_eq!(
            neighbours("kk/rules/distance/"),
            (Some("kk/rules/masks/"), None)
        );
        assert_eq!(
            neighbours("ru/rules/masks/"),
            (Some("ru/rules/quarantine/"), None)
        );
        // Sections are not anyone's neighbours, nor have any.
        assert_eq!(neighbours("kk/rules/"), (None, None));
        assert_eq!(neighbours("kk/about/"), (None, None));
    }

    #[test]
    fn ancestors_run_from_the_home_page_down() {
        let site = rules()
            .page("rules/old/_index.kk.md", "title: Ескі", "")
            .page("rules/old/ban.kk.md", "title: Тыйым", "")
            .build();
        let ancestors = |url| urls(&site, site.ancestors(at(&site, url)));
        assert_eq!(
            ancestors("kk/rules/old/ban/"),
            ["kk/", "kk/rules/", "kk/rules/old/"]
        );
        assert_eq!(ancestors("kk/rules/"), ["kk/"]);
        assert!(ancestors("kk/").is_empty());
    }

    #[test]
    fn nearest_in_falls_back_to_the_enclosing_sections() {
        let site = rules()
            .page("rules/old/_index.kk.md", "title: Ескі", "")
            .page("rules/old/ban.kk.md", "title: Тыйым", "")
            .build();
        let ru = site.languages.id("ru").unwrap();
        let nearest = |key, lang| {
            site.nearest_in(key, lang)
                .map(|id| site.pages[id].url.as_str())
        };
        assert_eq!(nearest("rules/masks", ru), Some("ru/rules/masks/"));
        assert_eq!(nearest("rules/distance", ru), Some("ru/rules/"));
        assert_eq!(nearest("rules/old/ban", ru), Some("ru/rules/"));
        assert_eq!(nearest("about", ru), Some("ru/"));
    }

    #[test]
    fn the_menu_is_the_home_pages_sections_then_pages() {
        let site = rules()
            .page("help/_index.kk.md", "title: Көмек\nweight: 0", "")
            .page("contacts.kk.md", "title: Байланыс\nweight: 1", "")
            .lang("en", "Information")
            .build();
        let menu = |code| urls(&site, site.menu(site.languages.id(code).unwrap()));
        assert_eq!(
            menu("kk"),
            ["kk/help/", "kk/rules/", "kk/contacts/", "kk/about/"]
        );
        assert_eq!(menu("ru"), ["ru/rules/"]);
        // Issue 13: a language without pages (its home page made up) lists
        // the default language's, shown in that language.
        assert_eq!(
            menu("en"),
            ["kk/help/", "kk/rules/", "kk/contacts/", "kk/about/"]
        );
    }

    /// Issue 13: a made-up home page lists its language's own pages and the
    /// default language's that it lacks, which keep their own section and
    /// neighbours.
    #[test]
    fn a_made_up_home_page_lists_the_default_languages_pages_it_lacks() {
        let site = rules()
            .lang("en", "Information")
            .page("about.en.md", "title: About", "")
            .build();
        let home = &site.pages[at(&site, "en/")];
        assert_eq!(urls(&site, home.subsections.clone()), ["kk/rules/"]);
        assert_eq!(urls(&site, home.pages.clone()), ["en/about/"]);
        let rules = &site.pages[at(&site, "kk/rules/")];
        assert_eq!(rules.parent, site.page_at("kk/"));
        assert_eq!(
            site.pages[at(&site, "en/about/")].parent,
            Some(at(&site, "en/"))
        );
        // A home page of its own lists its own pages only.
        let ru = &site.pages[at(&site, "ru/")];
        assert_eq!(urls(&site, ru.pages.clone()), Vec::<&str>::new());
    }

    #[test]
    fn drafts_are_left_out_unless_asked_for() {
        let site = rules()
            .page(
                "rules/masks.kk.md",
                "title: Маскалар\nweight: 2\ndraft: true",
                "",
            )
            .page("draft/_index.kk.md", "title: Жоба\ndraft: true", "")
            .page("draft/page.kk.md", "title: Бет", "")
            .build();
        assert_eq!(site.page_at("kk/rules/masks/"), None);
        assert_eq!(site.page_at("kk/draft/"), None);
        let rules_kk = &site.pages[at(&site, "kk/rules/")];
        assert_eq!(
            urls(&site, rules_kk.pages.iter().copied()),
            ["kk/rules/quarantine/", "kk/rules/distance/"]
        );
        // A page of a draft section goes to the section above.
        let page = &site.pages[at(&site, "kk/draft/page/")];
        assert_eq!(page.parent, site.page_at("kk/"));

        let site = rules()
            .page(
                "rules/masks.kk.md",
                "title: Маскалар\nweight: 2\ndraft: true",
                "",
            )
            .drafts()
            .build();
        let rules_kk = &site.pages[at(&site, "kk/rules/")];
        assert_eq!(rules_kk.pages.len(), 3);
    }

    /// Issue 15: a page dated after today is left out (its day kept for a
    /// link to it), one expired stays but leaves the menu, and the site
    /// knows the next day it changes.
    #[test]
    fn pages_publish_on_their_date_and_expire() {
        let site = rules()
            .page("soon.kk.md", "title: Жақында\ndate: 2999-01-02", "")
            .page(
                "old.kk.md",
                "title: Ескі\ndate: 2000-01-01\nexpires: 2000-02-01",
                "",
            )
            .page(
                "ends.kk.md",
                "title: Бітеді\ndate: 2000-01-01\nexpires: 2998-05-06",
                "",
            )
            .build();
        assert_eq!(site.page_at("kk/soon/"), None);
        assert_eq!(site.scheduled("soon").unwrap().to_string(), "2999-01-02");
        let old = at(&site, "kk/old/");
        assert!(site.pages[old].expired);
        assert!(!site.pages[at(&site, "kk/ends/")].expired);
        let kk = site.languages.id("kk").unwrap();
        assert!(site.menu(kk).all(|id| id != old));
        assert!(site.pages[at(&site, "kk/")].pages.contains(&old));
        assert_eq!(site.next_change().unwrap().to_string(), "2998-05-06");
    }

    #[test]
    fn a_missing_home_page_is_made_up_and_unknown_languages_left_out() {
        let site = SiteBuilder::new()
            .page("about.kk.md", "title: Біз туралы", "")
            .page("about.en.md", "title: About", "")
            .build();
        let home = &site.pages[at(&site, "ru/")];
        assert_eq!(home.title, "Информация");
        assert_eq!(home.kind, PageKind::Home);
        assert_eq!(site.page_at("en/about/"), None);
        assert_eq!(
            site.pages[at(&site, "kk/about/")].parent,
            site.page_at("kk/")
        );
    }

    #[test]
    fn of_two_files_with_one_url_the_first_is_kept() {
        let site = SiteBuilder::new()
            .page("rules.kk.md", "title: Page", "")
            .page("rules/_index.kk.md", "title: Section", "")
            .build();
        let rules = &site.pages[at(&site, "kk/rules/")];
        // Files are listed by path components: `rules/…` before `rules.…`.
        let kept = (rules.title.as_str(), rules.kind);
        assert_eq!(kept, ("Section", PageKind::Section));
        assert_eq!(
            site.pages.iter().filter(|p| p.url == "kk/rules/").count(),
            1
        );
    }
}
