//! Test-only: sites built in memory, so that the model, edits and the
//! render stage's records can be tested without temporary folders.
//!
//! A [`SiteBuilder`] holds what a site's files would say — languages, pages
//! (path under `content/`, front matter, body), data values, templates —
//! and [`SiteBuilder::build`] turns it into a [`Site`] through the real
//! stages: each page is parsed as `load` parses a file, the templates as
//! `load` parses a theme (with aqparat's functions declared), and the
//! [`Sources`] go through [`model::site`]. Nothing is on disk, so what reads
//! page bodies at render time (Markdown, search records) is out of reach;
//! the model, edits, inputs and template reads are not.
//!
//! A page's *stamp* is the hash of its path and text, so that a changed text
//! changes it, as a changed file changes a file's stamp.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::load::fingerprint::Fingerprints;
use crate::load::{CONTENT_DIR, RawConfig, RawData, RawPage, RawTheme, Sources};
use crate::model::{self, Site};
use crate::validate::Statistics;
use crate::{Drafts, Options};

/// What an in-memory site is made of; change it and build again to compare
/// two sites. Starts as a Kazakh and Russian site, Kazakh by default, with
/// one-line templates for home, section and page.
#[derive(Clone)]
pub(crate) struct SiteBuilder {
    /// Code and site title of each language, in switcher order.
    languages: Vec<(String, String)>,
    /// Each content file's text, by path under `content/`, in the order
    /// `load` lists files.
    pages: BTreeMap<PathBuf, String>,
    data: BTreeMap<String, serde_json::Value>,
    templates: BTreeMap<String, String>,
    drafts: Drafts,
}

impl SiteBuilder {
    /// A home page and a `rules` section of three pages (weights 1, 2, 3)
    /// in Kazakh, two of them in Russian: the site most tests start from.
    pub(crate) fn rules() -> SiteBuilder {
        SiteBuilder::new()
            .page("_index.kk.md", "title: Басты", "")
            .page("_index.ru.md", "title: Главная", "")
            .page("rules/_index.kk.md", "title: Ережелер\nweight: 1", "")
            .page("rules/_index.ru.md", "title: Правила\nweight: 1", "")
            .page("rules/quarantine.kk.md", "title: Карантин\nweight: 1", "")
            .page("rules/quarantine.ru.md", "title: Карантин\nweight: 1", "")
            .page("rules/masks.kk.md", "title: Маскалар\nweight: 2", "Мәтін")
            .page("rules/masks.ru.md", "title: Маски\nweight: 2", "")
            .page("rules/distance.kk.md", "title: Қашықтық\nweight: 3", "")
    }

    /// A site with the languages `kk` (default) and `ru`, no pages, no
    /// data, and the templates `index.html`, `section.html`, `page.html` and
    /// `pages.html` (the index of all pages).
    pub(crate) fn new() -> SiteBuilder {
        let template = "{{ page.title }}";
        SiteBuilder {
            languages: vec![
                ("kk".into(), "Ақпарат".into()),
                ("ru".into(), "Информация".into()),
            ],
            pages: BTreeMap::new(),
            data: BTreeMap::new(),
            templates: ["index.html", "section.html", "page.html", "pages.html"]
                .into_iter()
                .map(|name| (name.to_string(), template.to_string()))
                .collect(),
            drafts: Drafts::LeaveOut,
        }
    }

    /// Adds the language `code` whose site title is `title`, after the
    /// others.
    pub(crate) fn lang(mut self, code: &str, title: &str) -> SiteBuilder {
        self.languages.push((code.into(), title.into()));
        self
    }

    /// Adds, or replaces, the content file `path` (under `content/`, as
    /// `rules/masks.kk.md`) with the front matter `front` (YAML lines, as
    /// `title: Masks\nweight: 2`) and `body`.
    pub(crate) fn page(mut self, path: &str, front: &str, body: &str) -> SiteBuilder {
        let text = format!("---\n{front}\n---\n{body}");
        self.pages.insert(path.into(), text);
        self
    }

    /// Removes the content file `path`.
    pub(crate) fn without(mut self, path: &str) -> SiteBuilder {
        self.pages.remove(Path::new(path));
        self
    }

    /// Sets the data file of `stem` (`data/STEM.yaml`) to `value`.
    pub(crate) fn data(mut self, stem: &str, value: serde_json::Value) -> SiteBuilder {
        self.data.insert(stem.into(), value);
        self
    }

    /// Adds, or replaces, the template `name` with `text`.
    pub(crate) fn template(mut self, name: &str, text: &str) -> SiteBuilder {
        self.templates.insert(name.into(), text.into());
        self
    }

    /// Builds drafts too (`--drafts`).
    pub(crate) fn drafts(mut self) -> SiteBuilder {
        self.drafts = Drafts::Include;
        self
    }

    /// The content file `path` as `load` reads it. Panics if it is not
    /// there, has no language suffix, or its front matter has problems.
    pub(crate) fn raw_page(&self, path: &str) -> RawPage {
        let text = self
            .pages
            .get(Path::new(path))
            .unwrap_or_else(|| panic!("no page {path}"));
        let rel = Path::new(CONTENT_DIR).join(path);
        let stamp = hash(&(&rel, text));
        match RawPage::from_text(rel, text, stamp) {
            Ok((page, diagnostics)) if diagnostics.is_empty() => page,
            Ok((_, diagnostics)) => panic!("{path}: {diagnostics:?}"),
            Err(diagnostic) => panic!("{path}: {diagnostic:?}"),
        }
    }

    /// The site, made by the model stage. Panics if a page or a template
    /// has problems that `load` reports.
    pub(crate) fn build(&self) -> Site {
        let config_text = self.config_text();
        let config: RawConfig = serde_saphyr::from_str(&config_text)
            .unwrap_or_else(|e| panic!("site.yaml: {e}\n{config_text}"));
        let templates: Vec<(String, String)> = self
            .templates
            .iter()
            .map(|(name, text)| (name.clone(), text.clone()))
            .collect();
        let (theme, diagnostics) = RawTheme::from_templates("themes/test".into(), &templates);
        assert!(diagnostics.is_empty(), "templates: {diagnostics:?}");
        let free_data = self
            .data
            .iter()
            .map(|(stem, value)| (stem.clone(), hash(&value.to_string())))
            .collect();
        let fingerprints = Fingerprints {
            site: hash(&config_text),
            templates: theme.template_fingerprints.clone(),
            data: hash(&free_data),
            aid: 0,
            free_data,
            template_uses: theme.template_uses.clone(),
        };
        let sources = Sources {
            root: PathBuf::from("in-memory"),
            config: None,
            config_text,
            pages: (self.pages.keys())
                .map(|path| self.raw_page(&path.to_string_lossy()))
                .collect(),
            unread_pages: Vec::new(),
            has_content: true,
            data: RawData {
                free: self.data.clone(),
                ..RawData::default()
            },
            theme,
            fingerprints,
            static_files: Vec::new(),
            assets: Vec::new(),
            history: None,
            committed: None,
        };
        let mut options = Options::new("in-memory");
        options.drafts = self.drafts;
        let publishing = options.publishing(options.clock.now().today());
        let base_url = crate::address::parse_base_url(&config.base_url.value).expect("an address");
        model::site(
            sources,
            &config,
            base_url,
            &options,
            publishing,
            Statistics::Absent,
        )
    }

    /// `site.yaml` for the languages.
    fn config_text(&self) -> String {
        let mut text = String::from("base_url: https://example.kz/\n");
        text += &format!("default_language: {}\nlanguages:\n", self.languages[0].0);
        for (code, title) in &self.languages {
            text += &format!("  {code}:\n    name: {code}\n    title: {title}\n");
        }
        text
    }
}

fn hash(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
