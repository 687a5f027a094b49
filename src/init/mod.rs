//! `aqparat init` and `aqparat theme eject`: the files of a new site, and
//! the built-in theme copied into a site for those who want all of it.
//!
//! A new site gets `site.yaml`, per language a home page, a section with
//! one page and the staff guide (`guide.md`, in Kazakh, Russian or
//! English), a `.gitignore`, and on request a skeleton of the statistics.
//! It needs no theme of its own: the built-in theme serves it (see
//! [`crate::load::BUILT_IN`]). A language the built-in theme has no UI
//! strings for gets a copy of the English ones, in its own plural forms,
//! to translate.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::load::{BUILT_IN, I18N_DIR, UiString, built_in_files};
use crate::locale::LocaleFormat;
use crate::messages::Message;
use crate::msg;

mod words;

use words::Words;

/// What `aqparat init` is asked for.
#[derive(Debug, Clone)]
pub struct NewSite {
    /// Language codes, in the switcher's order.
    pub languages: Vec<String>,
    /// The default language; the first when `None`.
    pub default_language: Option<String>,
    /// The site's title, in every language; a title per language when
    /// `None`.
    pub title: Option<String>,
    /// The site's address.
    pub base_url: String,
    /// Whether to write a skeleton of the statistics (`data/aid/`).
    pub statistics: bool,
}

/// Why a new site was not made.
#[derive(Debug)]
pub enum InitError {
    /// The folder holds files already: nothing is written into it.
    NotEmpty(PathBuf),
    /// The options are not valid; the message says which and why.
    Invalid(Message),
    /// A file could not be written.
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for InitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InitError::NotEmpty(dir) => {
                msg!("init-not-empty", dir = dir.display().to_string()).fmt(f)
            }
            InitError::Invalid(message) => message.fmt(f),
            InitError::Io(path, error) => msg!(
                "init-cannot-write",
                path = path.display().to_string(),
                error = error.to_string()
            )
            .fmt(f),
        }
    }
}

impl std::error::Error for InitError {}

/// Makes a new site in `dir` (created if needed; refused unless empty, or
/// holding only a repository's `.git`) and
/// gives the files written, relative to `dir`.
pub fn new_site(dir: &Path, site: &NewSite) -> Result<Vec<PathBuf>, InitError> {
    let files = site_files(site)?;
    // The folder, or the nearest of its parents that exists, is a file:
    // nothing could be written under it.
    let existing = dir.ancestors().find(|a| fs::symlink_metadata(a).is_ok());
    if let Some(file) = existing.filter(|a| !a.is_dir()) {
        let path = file.display().to_string();
        return Err(InitError::Invalid(msg!("init-not-a-folder", path = path)));
    }
    // A fresh clone of an empty repository holds its `.git` only.
    let holds_files = fs::read_dir(dir)
        .is_ok_and(|entries| entries.flatten().any(|entry| entry.file_name() != ".git"));
    if holds_files {
        return Err(InitError::NotEmpty(dir.to_path_buf()));
    }
    write_all(dir, &files)
}

/// What `theme eject` wrote.
#[derive(Debug)]
pub struct Ejected {
    /// The theme's folder, relative to the root.
    pub dir: PathBuf,
    /// The theme's name when `site.yaml` names one other than `default`.
    pub named: Option<String>,
    /// The files written, relative to the root.
    pub files: Vec<PathBuf>,
}

/// Copies the built-in theme into the folder of the theme that `root`'s
/// `site.yaml` names (`themes/default` when it names none), which must not
/// exist, so that the site uses the copy.
pub fn eject(root: &Path) -> Result<Ejected, InitError> {
    // A root mistyped would get a theme of its own, anywhere.
    if !root.join(crate::load::CONFIG_FILE).is_file() {
        let root = root.display().to_string();
        return Err(InitError::Invalid(msg!("eject-no-site", root = root)));
    }
    let themes = root.join(crate::load::THEMES_DIR);
    if fs::symlink_metadata(&themes).is_ok_and(|meta| !meta.is_dir()) {
        let path = themes.display().to_string();
        return Err(InitError::Invalid(msg!("eject-themes-link", path = path)));
    }
    // Its own problems are `check`'s to tell.
    let (config, _) = crate::load::load_config(root, &mut crate::diag::Diagnostics::new())
        .ok_or_else(|| InitError::Invalid(msg!("eject-config-unread")))?;
    let name = config.theme.map(|name| name.value);
    let dir = crate::load::theme_dir(name.as_deref()).ok_or_else(|| {
        let name = name.clone().unwrap_or_default();
        InitError::Invalid(msg!("eject-bad-theme", name = name))
    })?;
    if fs::symlink_metadata(root.join(&dir)).is_ok() {
        return Err(InitError::Invalid(msg!(
            "init-theme-exists",
            path = root.join(&dir).display().to_string()
        )));
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> = built_in_files()
        .map(|file| (dir.join(file.path()), file.contents().to_vec()))
        .collect();
    files.sort();
    Ok(Ejected {
        files: write_all(root, &files)?,
        named: name.filter(|name| name != crate::load::DEFAULT_THEME),
        dir,
    })
}

/// Writes `files` (path relative to `dir`, bytes) under `dir`.
fn write_all(dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<Vec<PathBuf>, InitError> {
    for (rel, bytes) in files {
        let path = dir.join(rel);
        let written = match path.parent() {
            Some(parent) => fs::create_dir_all(parent).and_then(|()| fs::write(&path, bytes)),
            None => fs::write(&path, bytes),
        };
        written.map_err(|e| InitError::Io(path.clone(), e))?;
    }
    Ok(files.iter().map(|(rel, _)| rel.clone()).collect())
}

/// Every file of the new site `site`, checked first.
fn site_files(site: &NewSite) -> Result<Vec<(PathBuf, Vec<u8>)>, InitError> {
    let languages = &site.languages;
    if languages.is_empty() {
        return Err(InitError::Invalid(msg!("init-no-languages")));
    }
    for (i, code) in languages.iter().enumerate() {
        if crate::validate::is_reserved_code(code) {
            return Err(InitError::Invalid(msg!(
                "language-code-reserved",
                code = code
            )));
        }
        if let Some(language) = crate::validate::language_of_country(code) {
            return Err(InitError::Invalid(msg!(
                "language-code-country",
                code = code,
                lang = language
            )));
        }
        if !crate::validate::is_language_code(code) {
            return Err(InitError::Invalid(msg!("init-bad-language", code = code)));
        }
        if languages[..i].contains(code) {
            return Err(InitError::Invalid(msg!("init-language-twice", code = code)));
        }
    }
    let default = site.default_language.as_ref().unwrap_or(&languages[0]);
    if !languages.contains(default) {
        return Err(InitError::Invalid(msg!(
            "init-bad-default",
            lang = default,
            languages = languages.join(",")
        )));
    }
    crate::address::parse_base_url(&site.base_url).map_err(InitError::Invalid)?;
    if site
        .title
        .as_ref()
        .is_some_and(|title| title.trim().is_empty())
    {
        return Err(InitError::Invalid(msg!("init-empty-title")));
    }
    // What the new site's own check would refuse (a tab, a line break, any
    // other control character) is refused before anything is written.
    if let Some(c) =
        (site.title.as_deref()).and_then(|title| title.chars().find(|c| c.is_control()))
    {
        let code = format!("U+{:04X}", u32::from(c));
        return Err(InitError::Invalid(msg!("init-title-control", code = code)));
    }
    // Nor one that turns the title round on every page (see
    // [`crate::validate::reorders`]).
    if let Some(c) = (site.title.as_deref())
        .and_then(|title| title.chars().find(|c| crate::validate::reorders(*c)))
    {
        let code = format!("U+{:04X}", u32::from(c));
        return Err(InitError::Invalid(msg!(
            "init-title-direction",
            code = code
        )));
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut add = |rel: &str, text: String| files.push((rel.into(), text.into_bytes()));
    add("site.yaml", site_yaml(site, default));
    add(".gitignore", GITIGNORE.into());
    for code in languages {
        let words = Words::of(code);
        let page = |title: &str, weight: Option<u32>, body: &str| {
            let weight = weight.map(|w| format!("weight: {w}\n")).unwrap_or_default();
            format!("---\ntitle: {}\n{weight}---\n{body}\n", yaml_text(title))
        };
        let home = format!("content/_index.{code}.md");
        let home_body = words.home_body.replace("{file}", &home);
        add(&home, page(words.home_title, None, &home_body));
        add(
            &format!("content/rules/_index.{code}.md"),
            page(words.section_title, Some(1), words.section_body),
        );
        add(
            &format!("content/rules/first.{code}.md"),
            page(words.page_title, Some(1), words.page_body),
        );
        // The English guide, for a language without its own, names that
        // language's files in its examples; with the statistics, its
        // shortcodes name the skeleton's figures.
        let mut guide = words
            .guide
            .replace("masks.en.md", &format!("masks.{code}.md"));
        if site.statistics {
            for (example, own) in words::guide_shortcodes() {
                guide = guide.replace(example, &own);
            }
        }
        add(&format!("content/guide.{code}.md"), guide);
        if !has_built_in_strings(code) {
            add(
                &format!("{I18N_DIR}/{code}.yaml"),
                ui_strings_to_translate(code),
            );
        }
    }
    if site.statistics {
        for (name, text) in words::statistics(languages) {
            add(&format!("data/aid/{name}"), text);
        }
    }
    Ok(files)
}

/// The new site's `.gitignore`: the output folder is made, not written.
const GITIGNORE: &str = "# What aqparat makes: not committed.\n/public/\n/public.*\n/.aqparat/\n";

/// The new site's `site.yaml`.
fn site_yaml(site: &NewSite, default: &str) -> String {
    let mut text = format!(
        "# The site's settings (see aqparat's README, \"site.yaml\").\nbase_url: {}\ndefault_language: {default}\nlanguages:\n",
        site.base_url
    );
    for code in &site.languages {
        let words = Words::of(code);
        let title = site.title.as_deref().unwrap_or(words.site_title);
        text += &format!(
            "  {code}:\n    name: {}\n    title: {}\n    description: {}\n",
            yaml_text(&Words::name_of(code)),
            yaml_text(title),
            yaml_text(words.site_description),
        );
    }
    if site.statistics {
        text += &words::open_data(&site.languages);
    }
    if !cfg!(feature = "search") {
        // Else `check --strict` fails on the warning that asks for it.
        text += "# This aqparat was built without its search index: remove this line\n# when you install one with its default features.\nsearch: false\n";
    }
    text
}

/// `text` as a YAML double-quoted scalar (JSON's string syntax is YAML's).
fn yaml_text(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// Whether the built-in theme has UI strings for `code`.
fn has_built_in_strings(code: &str) -> bool {
    BUILT_IN
        .get_file(format!("{I18N_DIR}/{code}.yaml"))
        .is_some()
}

/// The built-in English UI strings for language `code` to translate: each
/// plural string in the forms `code` needs (CLDR), all from the English
/// `other` form.
fn ui_strings_to_translate(code: &str) -> String {
    let english = BUILT_IN
        .get_file(format!("{I18N_DIR}/en.yaml"))
        .and_then(|file| file.contents_utf8())
        .unwrap_or_default();
    let strings: indexmap::IndexMap<String, UiString> =
        serde_saphyr::from_str(english).unwrap_or_default();
    let categories = LocaleFormat::new(code).plural_categories();
    let mut text = format!(
        "# UI strings in `{code}`: copied from the English ones, to translate.\n# Plural strings need the forms {} (CLDR).\n",
        categories.join(", ")
    );
    for (key, value) in strings {
        match value {
            UiString::Text(value) => text += &format!("{key}: {}\n", yaml_text(&value)),
            UiString::Plural(forms) => {
                let other = forms.get("other").cloned().unwrap_or_default();
                text += &format!("{key}:\n");
                for category in &categories {
                    text += &format!("  {category}: {}\n", yaml_text(&other));
                }
            }
        }
    }
    text
}
