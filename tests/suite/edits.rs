//! Random sequences of edits applied to a session (`aqparat::Session`,
//! publishing through a link as `watch` and `serve` do): after each step,
//! built with exactly the paths the watcher would report, the published site
//! is the same, folder for folder and byte for byte, as a full build of the
//! same files, and the session reports what a full build reports. The search
//! index, which a session makes in the background, is compared once it has
//! caught up, at the end of each sequence (as the `watch` tests do).
//!
//! An edit that makes the site invalid (a full build of it fails) must fail
//! in the session too, leaving the published site as it was; it is then
//! undone, and the session must publish the site as it was.
//!
//! `PROPTEST_CASES` sets the number of sequences (24 by default).

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestCaseError};

use crate::util::{append_in_place, folders, lay_fixtures, read_tree, snapshot, walk};

fn config() -> Config {
    Config {
        max_shrink_iters: 256,
        ..crate::util::proptest_config(24)
    }
}

/// Pages that other pages link to (some with an anchor): deleting,
/// renaming or hiding them would break those links, so the edits that
/// would are not generated for them (a full build tells the others apart).
const LINKED: &[&str] = &[
    "content/_index",
    "content/rules/_index",
    "content/rules/first",
    "content/rules/second",
    "content/rules/third",
];

const TITLES: &[&str] = &[
    "Жаңа атау",
    "Новое название",
    "Ақпарат",
    "Бірінші ереже",
    "Альфа",
    "Zeta",
];
const DATES: &[&str] = &[
    "2020-03-01",
    "2020-04-02",
    "2020-04-03",
    "2020-04-30",
    "2021-01-15",
];
const BODIES: &[&str] = &[
    "Жаңа абзац.",
    "Новый абзац.",
    "## Жаңа тақырып",
    "Мәтін **қалың**, [басты бет](@/_index.md).",
];
const STEMS: &[&str] = &["alpha", "beta", "жаңа", "delta"];
const SECTIONS: &[&str] = &["help", "extra", "мұрағат"];
const LANGS: &[&str] = &["kk", "ru"];
const TEMPLATES: &[&str] = &[
    "page.html",
    "section.html",
    "index.html",
    "base.html",
    "pages.html",
    "404.html",
];
const UI_KEYS: &[&str] = &[
    "last_updated",
    "not_found",
    "all_pages",
    "translation_missing",
];
const UI_TEXTS: &[&str] = &["Жаңартылған", "Обновлено недавно", "Барлығы"];
const RECORDS: &[&str] = &["r1", "r2", "r5"];

/// One generated edit. Which file it touches is chosen among the files the
/// site has when it is applied; an edit that finds nothing to touch (a new
/// page whose file exists) is skipped.
#[derive(Debug, Clone)]
enum Edit {
    /// A paragraph added to a page's body.
    Body(Index, &'static str),
    /// A page's title.
    Title(Index, &'static str),
    /// The title of a section of the home page, in the menu.
    MenuTitle(Index, &'static str),
    /// A page's date, set or removed.
    Date(Index, Option<&'static str>),
    /// A page's `updated`, set or removed.
    Updated(Index, Option<&'static str>),
    /// A page's weight, set or removed: a new order.
    Weight(Index, Option<u8>),
    /// `draft: true` set or removed.
    Draft(Index),
    /// The free-form data file that `base.html` reads.
    Hours(u8, u8),
    /// The CSV data file that `page.html` reads (issue 14).
    Phone(u16),
    /// A statistics record's figure.
    Figure(Index, u32),
    /// A template: a mark in its content, plain or showing data read
    /// through a list.
    Template(Index, u8, bool),
    /// A UI string of one language.
    UiString(Index, Index, &'static str),
    /// A new page in a section, in one or both languages.
    NewPage {
        section: Index,
        stem: Index,
        langs: Index,
        title: &'static str,
        date: Option<&'static str>,
        weight: Option<u8>,
    },
    /// A page's file renamed, or both its languages.
    Rename(Index, Index, bool),
    /// A page deleted, both languages.
    Delete(Index),
    /// A new section (both languages), with a page or without.
    NewSection(Index, Index, bool),
    /// A section deleted with everything in it.
    DeleteSection(Index),
    /// The missing language of a page written.
    AddTranslation(Index, &'static str),
    /// One language of a page that has both deleted.
    RemoveTranslation(Index),
}

/// An edit and whether the watcher then goes idle (preparing the next
/// build's folder and starting the search index) before the next one.
#[derive(Debug, Clone)]
struct Step {
    edit: Edit,
    idle: bool,
}

fn pick<T: Clone + fmt::Debug + 'static>(items: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(items)
}

fn maybe_date() -> impl Strategy<Value = Option<&'static str>> {
    prop::option::of(pick(DATES))
}

fn edit() -> impl Strategy<Value = Edit> {
    let i = any::<Index>;
    prop_oneof![
        3 => (i(), pick(BODIES)).prop_map(|(f, t)| Edit::Body(f, t)),
        3 => (i(), pick(TITLES)).prop_map(|(f, t)| Edit::Title(f, t)),
        2 => (i(), pick(TITLES)).prop_map(|(f, t)| Edit::MenuTitle(f, t)),
        2 => (i(), maybe_date()).prop_map(|(f, d)| Edit::Date(f, d)),
        2 => (i(), maybe_date()).prop_map(|(f, d)| Edit::Updated(f, d)),
        2 => (i(), prop::option::of(0..4u8)).prop_map(|(f, w)| Edit::Weight(f, w)),
        1 => i().prop_map(Edit::Draft),
        1 => (0..12u8, 12..24u8).prop_map(|(a, b)| Edit::Hours(a, b)),
        1 => (100..120u16).prop_map(Edit::Phone),
        1 => (i(), 0..2000u32).prop_map(|(r, n)| Edit::Figure(r, n)),
        1 => (i(), any::<u8>(), any::<bool>()).prop_map(|(t, n, d)| Edit::Template(t, n, d)),
        1 => (i(), i(), pick(UI_TEXTS)).prop_map(|(l, k, t)| Edit::UiString(l, k, t)),
        2 => (i(), i(), i(), pick(TITLES), maybe_date(), prop::option::of(0..4u8)).prop_map(
            |(section, stem, langs, title, date, weight)| Edit::NewPage {
                section,
                stem,
                langs,
                title,
                date,
                weight,
            }
        ),
        1 => (i(), i(), any::<bool>()).prop_map(|(f, s, both)| Edit::Rename(f, s, both)),
        1 => i().prop_map(Edit::Delete),
        1 => (i(), i(), any::<bool>()).prop_map(|(p, n, page)| Edit::NewSection(p, n, page)),
        1 => i().prop_map(Edit::DeleteSection),
        1 => (i(), pick(TITLES)).prop_map(|(f, t)| Edit::AddTranslation(f, t)),
        1 => i().prop_map(Edit::RemoveTranslation),
    ]
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let step = (edit(), prop::bool::weighted(0.3)).prop_map(|(edit, idle)| Step { edit, idle });
    prop::collection::vec(step, 1..=6)
}

/// The site of a sequence: the `basic` and `stats` fixtures over the test
/// theme (the statistics cut down to one organisation), with a nested
/// section and a second section in the menu; the session publishes to
/// `published` (a link), full builds go to `fresh`.
struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    fn new() -> Site {
        let dir = tempfile::Builder::new()
            .prefix("aqparat-edits")
            .tempdir()
            .unwrap();
        let site = Site { dir };
        let root = site.root();
        lay_fixtures(&root, &["basic", "stats"]);
        // The statistics of one organisation: two charts to draw in each
        // full build rather than fourteen, which would take most of its time.
        site.write(
            "data/aid/organisations.yaml",
            "org-a:\n  name: { kk: \"Ұйым А\", ru: \"Организация А\" }\n",
        );
        site.write(
            "data/aid/categories.yaml",
            "food: { name: { kk: \"Азық-түлік\", ru: \"Продукты\" } }\n",
        );
        let units = site.read("data/aid/units.yaml");
        site.write(
            "data/aid/units.yaml",
            &units[..units.find("masks:").unwrap()],
        );
        let records: String = RECORDS
            .iter()
            .enumerate()
            .map(|(n, id)| {
                format!(
                    "- id: {id}\n  org: org-a\n  category: food\n  count: {}\n  unit: families\n  what: {{ kk: \"Жазба {n}\", ru: \"Запись {n}\" }}\n  source: src-1\n",
                    n + 1
                )
            })
            .collect();
        site.write("data/aid/records.yaml", &records);
        site.write("data/hospitals.csv", "name,phone\nАурухана,103\n");
        let template = "themes/default/templates/page.html";
        let page = site.read(template).replacen(
            "{% block content %}",
            "{% block content %}<p class=\"phone\">{{ data.hospitals[0].phone }}</p>",
            1,
        );
        site.write(template, &page);
        let figures = "{{ stat(id=\"r1\") }}, {{ stat(id=\"r5\") }}, {{ stat(total=\"families\") }}\n\n{{ chart(id=\"org-org-a\") }}\n";
        let page = |title: &str, extra: &str| format!("---\ntitle: {title}\n{extra}---\nМәтін.\n");
        for (rel, text) in [
            (
                "figures.kk.md",
                format!("---\ntitle: Сандар\n---\n{figures}"),
            ),
            (
                "figures.ru.md",
                format!("---\ntitle: Цифры\n---\n{figures}"),
            ),
            (
                "rules/hygiene/_index.kk.md",
                page("Гигиена", "weight: 40\n"),
            ),
            (
                "rules/hygiene/_index.ru.md",
                page("Гигиена", "weight: 40\n"),
            ),
            (
                "rules/hygiene/masks.kk.md",
                page("Бетперде", "date: 2020-04-02\n"),
            ),
            (
                "rules/hygiene/masks.ru.md",
                page("Маски", "date: 2020-04-02\n"),
            ),
            ("news/_index.kk.md", page("Жаңалықтар", "weight: 20\n")),
            ("news/_index.ru.md", page("Новости", "weight: 20\n")),
            ("news/opening.kk.md", page("Ашылу", "date: 2020-04-01\n")),
            ("news/opening.ru.md", page("Открытие", "date: 2020-04-01\n")),
            (
                "news/briefing.kk.md",
                page("Брифинг", "date: 2020-04-03\nweight: 1\n"),
            ),
        ] {
            site.write(&format!("content/{rel}"), &text);
        }
        site
    }

    /// A session publishing to [`Site::published`] through a link, as
    /// `watch` does, after its first build.
    fn session(&self) -> aqparat::Session {
        let mut options = aqparat::Options::new(self.root());
        options.output = self.published();
        options.publish = aqparat::write::Publish::Link;
        let mut session = aqparat::Session::new(options);
        let first = session.build().unwrap();
        assert!(!first.failed, "the first build fails: {:?}", said(&first));
        session
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    /// Where the session publishes (a link to its current build).
    fn published(&self) -> PathBuf {
        self.dir.path().join("published")
    }

    /// Where full builds go.
    fn fresh(&self) -> PathBuf {
        self.dir.path().join("fresh")
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap()
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    fn exists(&self, rel: &str) -> bool {
        self.path(rel).exists()
    }

    /// Every content file, relative to the root, sorted.
    fn pages(&self) -> Vec<String> {
        let root = self.root();
        walk(&root.join("content"))
            .iter()
            .map(|p| p.strip_prefix(&root).unwrap().display().to_string())
            .collect()
    }

    /// Every section folder (one with an `_index` page), relative.
    fn sections(&self) -> Vec<String> {
        let mut sections: Vec<String> = self
            .pages()
            .iter()
            .filter_map(|p| p.rsplit_once("/_index.").map(|(dir, _)| dir.to_string()))
            .collect();
        sections.sort();
        sections.dedup();
        sections
    }

    /// The files that edits change, with their bytes.
    fn inputs(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let root = self.root();
        [
            "content",
            "data",
            "themes/default/templates",
            "themes/default/i18n",
        ]
        .iter()
        .flat_map(|dir| {
            snapshot(&root.join(dir))
                .into_iter()
                .map(|(p, b)| (Path::new(dir).join(p), b))
        })
        .collect()
    }

    /// Puts back the files `saved` by [`Site::inputs`] and the folders of
    /// `content/` that were `saved_folders`; gives what changed, as the
    /// watcher would report it.
    fn restore(
        &self,
        saved: &BTreeMap<PathBuf, Vec<u8>>,
        saved_folders: &[PathBuf],
    ) -> Vec<String> {
        let mut changed = Vec::new();
        let now = self.inputs();
        for rel in now.keys().filter(|rel| !saved.contains_key(*rel)) {
            fs::remove_file(self.root().join(rel)).unwrap();
            changed.push(rel.clone());
        }
        let content = self.path("content");
        for folder in folders(&content).iter().rev() {
            if !saved_folders.contains(folder) {
                fs::remove_dir(content.join(folder)).unwrap();
                changed.push(Path::new("content").join(folder));
            }
        }
        for folder in saved_folders {
            if !content.join(folder).is_dir() {
                fs::create_dir_all(content.join(folder)).unwrap();
                changed.push(Path::new("content").join(folder));
            }
        }
        for (rel, bytes) in saved {
            if now.get(rel) != Some(bytes) {
                fs::write(self.root().join(rel), bytes).unwrap();
                changed.push(rel.clone());
            }
        }
        changed.iter().map(|p| p.display().to_string()).collect()
    }

    /// Every file and folder under `rel` (itself included), relative.
    fn tree(&self, rel: &str) -> Vec<String> {
        let root = self.root();
        let dir = self.path(rel);
        let mut all: Vec<String> = walk(&dir)
            .into_iter()
            .chain(folders(&dir).into_iter().map(|f| dir.join(f)))
            .map(|p| p.strip_prefix(&root).unwrap().display().to_string())
            .collect();
        all.push(rel.to_string());
        all
    }
}

/// `content/a/b.kk.md` → (`content/a/b`, `kk`).
fn split(file: &str) -> (&str, &str) {
    let stem = file.strip_suffix(".md").unwrap();
    stem.rsplit_once('.').unwrap()
}

fn is_section(file: &str) -> bool {
    split(file).0.ends_with("/_index")
}

fn linked(file: &str) -> bool {
    LINKED.contains(&split(file).0)
}

fn other_lang(lang: &str) -> &'static str {
    if lang == "kk" { "ru" } else { "kk" }
}

/// `text` (a page) with front matter field `key` set to `value`, or
/// removed.
fn set_field(text: &str, key: &str, value: Option<&str>) -> String {
    let rest = text.strip_prefix("---\n").unwrap();
    let end = rest.find("\n---\n").unwrap() + 1;
    let (front, body) = rest.split_at(end);
    let prefix = format!("{key}:");
    let mut lines: Vec<String> = front
        .lines()
        .filter(|l| !l.starts_with(&prefix))
        .map(str::to_string)
        .collect();
    if let Some(value) = value {
        lines.push(format!("{key}: {value}"));
    }
    format!("---\n{}\n{body}", lines.join("\n"))
}

fn field<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let front = text.strip_prefix("---\n")?.split("\n---\n").next()?;
    front
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(": "))
}

fn page_text(title: &str, date: Option<&str>, weight: Option<u8>) -> String {
    let mut text = format!("---\ntitle: {title}\n");
    if let Some(date) = date {
        text += &format!("date: {date}\n");
    }
    if let Some(weight) = weight {
        text += &format!("weight: {weight}\n");
    }
    text + "---\nМәтін.\n"
}

/// The line of `text` that starts with `prefix`, replaced by `line`.
fn replace_line(text: &str, prefix: &str, line: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| l.starts_with(prefix)).unwrap();
    lines[at] = line;
    lines.join("\n") + "\n"
}

/// Applies `edit` to the files of `site`; gives what it did, for the
/// failure message, and the paths the watcher would report, or `None` when
/// there was nothing to do.
fn apply(site: &Site, edit: &Edit) -> Option<(String, Vec<String>)> {
    let pages = site.pages();
    let choose = |index: &Index, list: &[String]| -> Option<String> {
        (!list.is_empty()).then(|| list[index.index(list.len())].clone())
    };
    let set = |index: &Index, key: &str, value: Option<&str>, only: &dyn Fn(&str) -> bool| {
        let candidates: Vec<String> = pages.iter().filter(|p| only(p)).cloned().collect();
        let file = choose(index, &candidates)?;
        site.write(&file, &set_field(&site.read(&file), key, value));
        Some((format!("{key} of {file} := {value:?}"), vec![file]))
    };
    let any = |_: &str| true;
    let free = |p: &str| !linked(p) && !is_section(p);
    match edit {
        Edit::Body(f, text) => {
            let file = choose(f, &pages)?;
            site.write(&file, &format!("{}\n{text}\n", site.read(&file)));
            Some((format!("body of {file} += {text:?}"), vec![file]))
        }
        Edit::Title(f, title) => set(f, "title", Some(title), &any),
        Edit::MenuTitle(f, title) => set(f, "title", Some(title), &|p: &str| {
            is_section(p) && p.matches('/').count() == 2
        }),
        Edit::Date(f, date) => set(f, "date", *date, &any),
        Edit::Updated(f, date) => set(f, "updated", *date, &any),
        Edit::Weight(f, weight) => {
            let weight = weight.map(|w| (w * 10).to_string());
            set(f, "weight", weight.as_deref(), &any)
        }
        Edit::Draft(f) => {
            let candidates: Vec<String> = pages.iter().filter(|p| !linked(p)).cloned().collect();
            let file = choose(f, &candidates)?;
            let text = site.read(&file);
            let draft = field(&text, "draft") != Some("true");
            let value = draft.then_some("true");
            site.write(&file, &set_field(&text, "draft", value));
            Some((format!("draft of {file} := {draft}"), vec![file]))
        }
        Edit::Hours(from, to) => {
            let file = "data/hotline.yaml";
            let line = format!("hours: [{from}, {to}]");
            site.write(file, &replace_line(&site.read(file), "hours:", &line));
            Some((format!("{file}: {line}"), vec![file.to_string()]))
        }
        Edit::Phone(phone) => {
            let file = "data/hospitals.csv";
            site.write(file, &format!("name,phone\nАурухана,{phone}\n"));
            Some((format!("{file}: phone {phone}"), vec![file.to_string()]))
        }
        Edit::Figure(r, count) => {
            let file = "data/aid/records.yaml";
            let id = RECORDS[r.index(RECORDS.len())];
            let text = site.read(file);
            let start = text.find(&format!("- id: {id}\n")).unwrap();
            let (before, after) = text.split_at(start);
            let line = format!("  count: {count}");
            let after = replace_line(after, "  count:", &line);
            site.write(file, &format!("{before}{after}"));
            Some((
                format!("{file}: {id} count := {count}"),
                vec![file.to_string()],
            ))
        }
        Edit::Template(t, n, data) => {
            let name = TEMPLATES[t.index(TEMPLATES.len())];
            let file = format!("themes/default/templates/{name}");
            let text = site.read(&file);
            // The mark of an earlier edit goes first.
            let text = match (text.find("{#m#}"), text.find("{#/m#}")) {
                (Some(a), Some(b)) => format!("{}{}", &text[..a], &text[b + "{#/m#}".len()..]),
                _ => text,
            };
            let mark = match data {
                true => format!(
                    "{{#m#}}{{% set d = [data, {n}] %}}<i class=\"h{n}\">{{{{ d[0].hotline.hours | join(sep=\",\") }}}}</i>{{#/m#}}"
                ),
                false => format!("{{#m#}}<i class=\"v{n}\"></i>{{#/m#}}"),
            };
            let anchor = match name {
                "base.html" => "<main>",
                _ => "{% block content %}",
            };
            let text = text.replacen(anchor, &format!("{anchor}{mark}"), 1);
            site.write(&file, &text);
            Some((format!("{file}: mark {mark:?}"), vec![file]))
        }
        Edit::UiString(l, k, value) => {
            let lang = LANGS[l.index(LANGS.len())];
            let key = UI_KEYS[k.index(UI_KEYS.len())];
            let file = format!("themes/default/i18n/{lang}.yaml");
            let line = format!("{key}: {value}");
            site.write(
                &file,
                &replace_line(&site.read(&file), &format!("{key}:"), &line),
            );
            Some((format!("{file}: {line}"), vec![file]))
        }
        Edit::NewPage {
            section,
            stem,
            langs,
            title,
            date,
            weight,
        } => {
            let dir = choose(section, &site.sections())?;
            let stem = STEMS[stem.index(STEMS.len())];
            let langs = [&["kk"][..], &["ru"], &["kk", "ru"]][langs.index(3)];
            let files: Vec<String> = langs
                .iter()
                .map(|lang| format!("{dir}/{stem}.{lang}.md"))
                .collect();
            if files.iter().any(|f| site.exists(f)) {
                return None;
            }
            for file in &files {
                site.write(file, &page_text(title, *date, *weight));
            }
            let what = format!("new {files:?}: title {title:?}, date {date:?}, weight {weight:?}");
            Some((what, files))
        }
        Edit::Rename(f, s, both) => {
            let candidates: Vec<String> = pages.iter().filter(|p| free(p)).cloned().collect();
            let file = choose(f, &candidates)?;
            let (path, lang) = split(&file);
            let (dir, _) = path.rsplit_once('/').unwrap();
            let stem = STEMS[s.index(STEMS.len())];
            let langs: Vec<&str> = match both {
                true => LANGS.to_vec(),
                false => vec![lang],
            };
            let mut changed = Vec::new();
            for lang in langs {
                let from = format!("{path}.{lang}.md");
                let to = format!("{dir}/{stem}.{lang}.md");
                if !site.exists(&from) || site.exists(&to) {
                    continue;
                }
                fs::rename(site.path(&from), site.path(&to)).unwrap();
                changed.extend([from, to]);
            }
            (!changed.is_empty()).then(|| (format!("renamed {changed:?}"), changed))
        }
        Edit::Delete(f) => {
            let candidates: Vec<String> = pages.iter().filter(|p| free(p)).cloned().collect();
            let file = choose(f, &candidates)?;
            let path = split(&file).0;
            let files: Vec<String> = LANGS
                .iter()
                .map(|lang| format!("{path}.{lang}.md"))
                .filter(|f| site.exists(f))
                .collect();
            for file in &files {
                fs::remove_file(site.path(file)).unwrap();
            }
            Some((format!("deleted {files:?}"), files))
        }
        Edit::NewSection(p, n, with_page) => {
            let parent = choose(p, &site.sections())?;
            let dir = format!("{parent}/{}", SECTIONS[n.index(SECTIONS.len())]);
            if site.exists(&dir) {
                return None;
            }
            let mut files = Vec::new();
            for lang in LANGS {
                files.push(format!("{dir}/_index.{lang}.md"));
                if *with_page {
                    files.push(format!("{dir}/item.{lang}.md"));
                }
            }
            for file in &files {
                site.write(file, &page_text("Жаңа бөлім", Some("2020-04-10"), Some(5)));
            }
            files.insert(0, dir);
            Some((format!("new section {files:?}"), files))
        }
        Edit::DeleteSection(s) => {
            let candidates: Vec<String> = site
                .sections()
                .into_iter()
                .filter(|dir| *dir != "content" && *dir != "content/rules")
                .collect();
            let dir = choose(s, &candidates)?;
            let files = site.tree(&dir);
            fs::remove_dir_all(site.path(&dir)).unwrap();
            Some((format!("deleted section {dir}"), files))
        }
        Edit::AddTranslation(f, title) => {
            let candidates: Vec<String> = pages
                .iter()
                .filter(|p| {
                    let (path, lang) = split(p);
                    !site.exists(&format!("{path}.{}.md", other_lang(lang)))
                })
                .cloned()
                .collect();
            let file = choose(f, &candidates)?;
            let (path, lang) = split(&file);
            let text = site.read(&file);
            let translation = format!("{path}.{}.md", other_lang(lang));
            let text = set_field(&text, "title", Some(title));
            site.write(&translation, &text);
            Some((format!("new translation {translation}"), vec![translation]))
        }
        Edit::RemoveTranslation(f) => {
            let candidates: Vec<String> = pages
                .iter()
                .filter(|p| {
                    let (path, lang) = split(p);
                    free(p) && site.exists(&format!("{path}.{}.md", other_lang(lang)))
                })
                .cloned()
                .collect();
            let file = choose(f, &candidates)?;
            fs::remove_file(site.path(&file)).unwrap();
            Some((format!("deleted translation {file}"), vec![file]))
        }
    }
}

/// What differs between the published site and a full build (see
/// [`crate::util::differences`]); the search index is left out unless
/// `with_search`.
fn site_differences(published: &Path, fresh: &Path, with_search: bool) -> Vec<String> {
    let published = read_tree(&fs::canonicalize(published).unwrap()).unwrap();
    let keep = |p: &Path| with_search || !p.starts_with("pagefind");
    crate::util::differences(&published, &read_tree(fresh).unwrap(), keep)
}

/// A report's diagnostics, as printed.
fn said(report: &aqparat::Report) -> Vec<String> {
    report.diagnostics.iter().map(|d| d.to_string()).collect()
}

/// A full build of the site into `fresh`, every page rendered (not from
/// the render cache, which a stale page would be stale in too): whether it
/// succeeded, and what it said.
fn full_build(site: &Site) -> (bool, Vec<String>) {
    let mut options = aqparat::Options::new(site.root());
    options.output = site.fresh();
    options.fresh = true;
    let report = aqparat::build(&options).unwrap();
    (!report.failed, said(&report))
}

/// Builds in `session` after the files `changed` (relative to the root)
/// changed, and a full build. When the full build succeeds, the session's
/// must too, say the same and publish the same files (but the search
/// index); when it fails, the session's must fail too and leave the
/// published site as it was. Gives whether the site was valid, or what went
/// wrong.
fn build_and_compare(
    site: &Site,
    session: &mut aqparat::Session,
    changed: &[String],
) -> Result<bool, String> {
    let before = snapshot(&fs::canonicalize(site.published()).unwrap());
    let paths: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
    let (valid, expected) = full_build(site);
    let report = session.build_changed(&paths).unwrap();
    if !valid {
        if !report.failed || report.published {
            return Err(format!(
                "the session published an invalid site: {expected:?}"
            ));
        }
        if snapshot(&fs::canonicalize(site.published()).unwrap()) != before {
            return Err("a failed build changed the published site".to_string());
        }
        return Ok(false);
    }
    if report.failed || !report.published {
        return Err(format!("the session failed: {:?}", said(&report)));
    }
    if said(&report) != expected {
        return Err(format!(
            "the session said {:?}\na full build says {expected:?}",
            said(&report)
        ));
    }
    let found = site_differences(&site.published(), &site.fresh(), false);
    match found.is_empty() {
        true => Ok(true),
        false => Err(found.join("\n")),
    }
}

/// Runs `steps` in a session and checks each against a full build.
fn check_sequence(steps: &[Step]) -> Result<(), TestCaseError> {
    let site = Site::new();
    let mut session = site.session();
    let mut log = Vec::new();
    let fail = |log: &[String], problem: String| {
        TestCaseError::fail(format!(
            "{problem}\nafter the edits:\n  {}",
            log.join("\n  ")
        ))
    };
    let mut search_current = true;
    for step in steps {
        let (saved, saved_folders) = (site.inputs(), folders(&site.path("content")));
        let Some((what, changed)) = apply(&site, &step.edit) else {
            continue;
        };
        log.push(format!("{what} (reported: {changed:?})"));
        search_current = false;
        let valid = build_and_compare(&site, &mut session, &changed).map_err(|e| fail(&log, e))?;
        if !valid {
            // Undone, the site is valid again and published as it was.
            let undone = site.restore(&saved, &saved_folders);
            log.push(format!("(invalid) undone: {undone:?}"));
            match build_and_compare(&site, &mut session, &undone) {
                Ok(true) => {}
                Ok(false) => return Err(fail(&log, "still invalid when undone".to_string())),
                Err(problem) => return Err(fail(&log, problem)),
            }
        }
        if step.idle
            && let Some(result) = session.when_idle()
        {
            result.unwrap();
            search_current = true;
        }
    }
    // The search index catches up once the session is idle (an aqparat
    // without the `search` feature makes none).
    let deadline = Instant::now() + Duration::from_secs(60);
    while cfg!(feature = "search") && !search_current {
        prop_assert!(Instant::now() < deadline, "the search index never came");
        match session.when_idle() {
            Some(result) => {
                result.unwrap();
                search_current = true;
            }
            None => std::thread::sleep(Duration::from_millis(10)),
        }
    }
    if !log.is_empty() {
        full_build(&site);
        let found = site_differences(&site.published(), &site.fresh(), true);
        if !found.is_empty() {
            return Err(fail(&log, found.join("\n")));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_step_of_a_sequence_of_edits_publishes_what_a_full_build_makes(steps in steps()) {
        check_sequence(&steps)?;
    }
}

/// A one-off build of `site` into `output`, with the render cache or,
/// `fresh`, without it.
fn one_off(site: &Site, output: PathBuf, fresh: bool) -> aqparat::Report {
    let mut options = aqparat::Options::new(site.root());
    options.output = output;
    options.fresh = fresh;
    aqparat::build(&options).unwrap()
}

/// Runs `steps` as one-off builds with the render cache (`build`, its output
/// a folder), each checked against a build of the same files without it
/// (`build --fresh`): the same files, folder for folder and byte for byte,
/// and the same report; a failed build leaves the output as it was. After
/// a step marked so, a published page is written in place (appended to,
/// as a tool writing into the output would): the file is the cache's too,
/// and no later build may carry it over. The search index is compared too
/// (an aqparat without the `search` feature makes none).
fn one_off_sequence(steps: &[(Edit, bool)]) -> Result<(), TestCaseError> {
    let site = Site::new();
    let published = site.published();
    let first = one_off(&site, published.clone(), false);
    prop_assert!(!first.failed, "the first build fails: {:?}", said(&first));
    let mut log = Vec::new();
    let fail = |log: &[String], problem: String| {
        TestCaseError::fail(format!(
            "{problem}\nafter the edits:\n  {}",
            log.join("\n  ")
        ))
    };
    let build_and_compare = |log: &[String]| -> Result<bool, TestCaseError> {
        let before = snapshot(&published);
        let expected = one_off(&site, site.fresh(), true);
        let report = one_off(&site, published.clone(), false);
        if said(&report) != said(&expected) || report.failed != expected.failed {
            let (now, then) = (said(&report), said(&expected));
            return Err(fail(
                log,
                format!("the cached build said {now:?}\nthe fresh build {then:?}"),
            ));
        }
        if report.failed {
            if snapshot(&published) != before {
                return Err(fail(log, "a failed build changed the output".to_string()));
            }
            return Ok(false);
        }
        let found = site_differences(&published, &site.fresh(), true);
        match found.is_empty() {
            true => Ok(true),
            false => Err(fail(log, found.join("\n"))),
        }
    };
    for (edit, tamper) in steps {
        let (saved, saved_folders) = (site.inputs(), folders(&site.path("content")));
        let Some((what, _)) = apply(&site, edit) else {
            continue;
        };
        log.push(what);
        if !build_and_compare(&log)? {
            site.restore(&saved, &saved_folders);
            log.push("(invalid) undone".to_string());
            prop_assert!(build_and_compare(&log)?, "still invalid when undone");
        }
        if *tamper {
            append_in_place(
                &published.join("kk/index.html"),
                b"<!-- written in place -->",
            );
            log.push("kk/index.html written in place".to_string());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_one_off_build_with_the_render_cache_makes_what_a_fresh_build_makes(
        steps in prop::collection::vec((edit(), prop::bool::weighted(0.3)), 1..=6)
    ) {
        one_off_sequence(&steps)?;
    }
}

/// Sets `key` in the front matter of page `rel` of `site`, then asserts
/// that the session's build is valid and the same as a full build.
fn assert_set_field(
    site: &Site,
    session: &mut aqparat::Session,
    rel: &str,
    key: &str,
    value: &str,
) {
    site.write(rel, &set_field(&site.read(rel), key, Some(value)));
    match build_and_compare(site, session, &[rel.to_string()]) {
        Ok(valid) => assert!(valid, "setting {key} of {rel} made the site invalid"),
        Err(problem) => panic!("{problem}"),
    }
}

/// Found by the property test: the infographics' breadcrumbs show the home
/// page's title, which a session did not follow.
#[test]
fn a_new_title_of_the_home_page_reaches_the_infographics() {
    let site = Site::new();
    let mut session = site.session();
    let home = "content/_index.kk.md";
    assert_set_field(&site, &mut session, home, "title", "Жаңа атау");
}

/// Found by a review: a language's home page written where the build had
/// made one up, and deleted again, keeps the language's addresses as they
/// were but moves its home among the other languages' pages; the session's
/// sitemap kept the home where it was, a full build's did not.
#[test]
fn a_home_page_written_and_deleted_is_where_a_full_build_puts_it() {
    let site = Site::new();
    let mut session = site.session();
    // A third language, first in `site.yaml`, with the UI strings and the
    // data text the theme shows in every language, and no page yet.
    let strings = site.read("themes/default/i18n/kk.yaml");
    site.write("themes/default/i18n/en.yaml", &strings);
    let hotline = site.read("data/hotline.yaml");
    site.write(
        "data/hotline.yaml",
        &hotline.replace(" }", ", en: \"Test line\" }"),
    );
    let config = site.read("site.yaml");
    let english = "languages:\n  en: { name: English, title: Test site }\n";
    site.write("site.yaml", &config.replacen("languages:\n", english, 1));
    let home = "content/_index.en.md";
    let cached = site.dir.path().join("cached");
    let steps: [(&[&str], &str); 3] = [
        (
            &[
                "themes/default/i18n/en.yaml",
                "data/hotline.yaml",
                "site.yaml",
            ],
            "a language added",
        ),
        (&[home], "its home page written"),
        (&[home], "its home page deleted"),
    ];
    for (changed, step) in steps {
        if changed == [home] {
            match site.exists(home) {
                true => fs::remove_file(site.path(home)).unwrap(),
                false => site.write(home, "---\ntitle: Home\n---\n\nHome.\n"),
            }
        }
        let changed: Vec<String> = changed.iter().map(|c| c.to_string()).collect();
        match build_and_compare(&site, &mut session, &changed) {
            Ok(valid) => assert!(valid, "{step}: {:?}", full_build(&site).1),
            Err(problem) => panic!("{step}: {problem}"),
        }
        // A one-off build from the render cache, beside the full build.
        assert!(!one_off(&site, cached.clone(), false).failed, "{step}");
        let found = site_differences(&cached, &site.fresh(), false);
        assert!(
            found.is_empty(),
            "{step}, from the cache: {}",
            found.join("\n")
        );
    }
}
