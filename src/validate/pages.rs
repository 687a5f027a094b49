//! Checks on content files: languages, front matter values, URLs that two
//! files would share, and missing translations.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::Drafts;
use crate::address::{UrlPath, output_url};
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics, Span, display_path};
use crate::load::{FileSource, RawConfig, RawPage, Sources, yaml_span};

/// What aqparat writes in each language's folder besides the pages, as
/// paths under `LANG/`: files, then folders it fills (URL prefixes no
/// content file may take).
const GENERATED_FILES: [(&str, &str); 7] = [
    ("index.html", "the home page"),
    ("404.html", "the page for addresses that do not exist"),
    ("atom.xml", "the news feed"),
    ("data/aid.csv", "the statistics download"),
    ("data/aid.json", "the statistics download"),
    ("data/aid.xlsx", "the statistics download"),
    ("data/aid.schema.json", "the statistics download"),
];
/// What aqparat writes at the root for a site with statistics: the open
/// data in every language and the data package.
const GENERATED_OPEN_DATA: [&str; 8] = [
    "data/aid.json",
    "data/aid.schema.json",
    "data/aid.csv",
    "data/organisations.csv",
    "data/units.csv",
    "data/categories.csv",
    "data/sources.csv",
    "datapackage.json",
];
const GENERATED_FOLDERS: [(&str, &str); 2] = [
    ("pages", "the index of all pages"),
    ("infographics", "the infographic pages"),
];

/// A content file must not take the URL of a file or folder aqparat makes:
/// its key (the path under `LANG/`) must not begin with one, segment by
/// segment, and no segment may be `index.html`, the file each page is.
/// Compared without case: on a file system that ignores case (a staff
/// member's Mac), `Atom.xml` would be `atom.xml`.
fn check_reserved_url(page: &RawPage, diagnostics: &mut Diagnostics) {
    let key = page.key.to_lowercase();
    let segments: Vec<&str> = key.split('/').collect();
    let begins_with = |path: &str| {
        let reserved: Vec<&str> = path.split('/').collect();
        segments.len() >= reserved.len() && segments[..reserved.len()] == reserved[..]
    };
    let taken = GENERATED_FILES
        .iter()
        .find(|(path, _)| begins_with(path))
        .map(|(path, what)| format!("/{}/{path} is {what}", page.lang))
        .or_else(|| {
            GENERATED_FOLDERS
                .iter()
                .find(|(path, _)| begins_with(path))
                .map(|(path, what)| format!("/{}/{path}/ holds {what}", page.lang))
        })
        .or_else(|| {
            segments.contains(&"index.html").then(|| {
                format!(
                    "/{}index.html is the page's own file",
                    output_url(&page.lang, &page.key)
                )
            })
        });
    if let Some(taken) = taken {
        diagnostics.push(
            Diagnostic::error(
                &page.path,
                Span::START,
                format!(
                    "this file would become /{}, but {taken} that aqparat makes",
                    output_url(&page.lang, &page.key),
                ),
            )
            .with_hint(format!(
                "rename the file or its folder: a page's path may not begin with {}, nor have a part `index.html`",
                GENERATED_FILES
                    .iter()
                    .chain(&GENERATED_FOLDERS)
                    .map(|(p, _)| format!("`{p}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        );
    }
}

/// Whether `name` (a file or folder name under `content/`) makes a clean
/// URL: letters of any script, digits, `-`, `_` and `.` only (and the
/// combining accents of decomposed letters, as some systems store them).
fn is_clean_name(name: &str) -> bool {
    name.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '\u{300}'..='\u{36f}'))
}

/// `name` made clean: other characters become `-`, never two in a row nor
/// at the start or end of a dot-separated part.
fn clean_name(name: &str) -> String {
    let parts: Vec<String> = name
        .split('.')
        .map(|part| {
            let mut clean = String::new();
            for c in part.chars() {
                if is_clean_name(c.encode_utf8(&mut [0; 4])) {
                    clean.push(c);
                } else if !clean.is_empty() && !clean.ends_with('-') {
                    clean.push('-');
                }
            }
            clean.trim_end_matches('-').to_string()
        })
        .collect();
    match parts.join(".") {
        clean if clean.trim_matches('.').is_empty() => "page".into(),
        clean => clean,
    }
}

/// Every file and folder name on the way to a content file must be clean
/// (see [`is_clean_name`]): `?`, `#`, `%`, spaces or control characters
/// would break the page's links and the sitemap. Each bad name is reported
/// once, at the file or folder that has it.
fn check_names(pages: &[RawPage], diagnostics: &mut Diagnostics) {
    let mut reported = BTreeSet::new();
    for page in pages {
        let mut path = PathBuf::new();
        for component in page.path.components() {
            path.push(component);
            let name = component.as_os_str().to_string_lossy();
            if path.as_path() == std::path::Path::new(crate::load::CONTENT_DIR)
                || is_clean_name(&name)
                || !reported.insert(path.clone())
            {
                continue;
            }
            let what = if path == page.path { "file" } else { "folder" };
            diagnostics.push(
                Diagnostic::error(
                    &path,
                    Span::START,
                    format!(
                        "the {what} name `{}` has characters that do not belong in an address",
                        name.escape_debug()
                    ),
                )
                .with_hint(format!(
                    "rename it `{}`: names of pages and folders are made of letters, digits, `-`, `_` and `.`",
                    clean_name(&name)
                )),
            );
        }
    }
}

/// Checks every content file. Without `languages` (when `site.yaml` is
/// broken) only each file's own front matter is checked.
pub fn check(
    sources: &Sources,
    languages: Option<&[String]>,
    drafts: Drafts,
    diagnostics: &mut Diagnostics,
) {
    check_names(&sources.pages, diagnostics);
    let mut by_url: BTreeMap<UrlPath, Vec<&RawPage>> = BTreeMap::new();
    let mut langs_by_key: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for page in &sources.pages {
        let Some(languages) = languages else {
            check_front_matter(page, &sources.theme.template_paths, diagnostics);
            continue;
        };
        if !languages.contains(&page.lang) {
            diagnostics.push(
                Diagnostic::error(
                    &page.path,
                    Span::START,
                    format!("language `{}` is not one of the site's languages", page.lang),
                )
                .with_hint(format!(
                    "rename the file with one of the suffixes {}, or add `{}` to `languages` in site.yaml",
                    languages.iter().map(|l| format!(".{l}.md")).collect::<Vec<_>>().join(", "),
                    page.lang
                )),
            );
            continue;
        }
        check_front_matter(page, &sources.theme.template_paths, diagnostics);
        if !drafts.publishes(page.front.draft) {
            continue;
        }
        check_reserved_url(page, diagnostics);
        by_url
            .entry(output_url(&page.lang, &page.key))
            .or_default()
            .push(page);
        langs_by_key
            .entry(&page.key)
            .or_default()
            .insert(&page.lang);
    }
    for (url, pages) in by_url.iter().filter(|(_, pages)| pages.len() > 1) {
        for page in pages {
            let others: Vec<String> = pages
                .iter()
                .filter(|p| p.path != page.path)
                .map(|p| display_path(&p.path))
                .collect();
            diagnostics.push(
                Diagnostic::error(
                    &page.path,
                    Span::START,
                    format!("this file and {} both become /{url}", others.join(", ")),
                )
                .with_hint("keep one of them: a folder's page belongs in its `_index.LANG.md`"),
            );
        }
    }
    // A home page missing in the default language is an error; in
    // another, a warning: `/LANG/` then lists the default language's pages
    // (see `model::build`).
    let default = (sources.config.as_ref()).map(|c| c.default_language.value.as_str());
    for lang in languages.unwrap_or_default() {
        if sources.has_content && !by_url.contains_key(&output_url(lang, "")) {
            let path = PathBuf::from(format!("{}/_index.{lang}.md", crate::load::CONTENT_DIR));
            let message = format!("there is no home page in `{lang}`");
            let hint = format!(
                "create {} with a front matter `title: …` (and `draft: false`): /{lang}/ is made from it",
                display_path(&path)
            );
            diagnostics.push(match default {
                Some(default) if default != lang => {
                    Diagnostic::warning(&path, Span::START, message).with_hint(format!(
                        "{hint}; until then /{lang}/ lists the `{default}` sections and pages"
                    ))
                }
                _ => Diagnostic::error(&path, Span::START, message).with_hint(hint),
            });
        }
    }
    if let Some(languages) = languages {
        report_missing_translations(sources, languages, &langs_by_key, drafts, diagnostics);
    }
}

/// Title, dates and template of one page; `templates`: the theme's.
pub fn check_front_matter(
    page: &RawPage,
    templates: &BTreeMap<String, PathBuf>,
    diagnostics: &mut Diagnostics,
) {
    if !page.has_front_matter {
        return;
    }
    let front = &page.front;
    let error = |span, message: String, hint: &str| {
        Diagnostic::error(&page.path, span, message)
            .with_hint(hint)
            .with_source(&page.front_text)
    };
    match &front.title {
        None => diagnostics.push(error(
            Span::START,
            "the page has no title".into(),
            "add a line `title: …` to the front matter",
        )),
        Some(title) if title.value.trim().is_empty() => diagnostics.push(error(
            yaml_span(title, 1),
            "the title is empty".into(),
            "write the page's title after `title:`",
        )),
        Some(_) => {}
    }
    for (field, value) in [("title", &front.title), ("description", &front.description)] {
        if let Some(value) = value {
            let what = format!("the {field}");
            super::config::check_text(&page.path, &page.front_text, value, 1, &what, diagnostics);
        }
    }
    let mut dates = Vec::new();
    for (name, value) in [("date", &front.date), ("updated", &front.updated)] {
        let Some(value) = value else { continue };
        match Date::parse(&value.value) {
            Ok(date) => dates.push(date),
            Err(message) => diagnostics.push(error(
                yaml_span(value, 1),
                format!("invalid {name}: {message}"),
                "write the date as YYYY-MM-DD, for example 2020-04-03",
            )),
        }
    }
    if let (Some(updated), [date, later]) = (&front.updated, dates.as_slice())
        && later < date
    {
        diagnostics.push(error(
            yaml_span(updated, 1),
            format!("`updated` ({later}) is before `date` ({date})"),
            "`updated` is the date of the last change; it cannot precede the publication date",
        ));
    }
    // A theme without templates is missing, and reported once already.
    if let Some(template) = &front.template
        && !templates.is_empty()
        && !templates.contains_key(&template.value)
    {
        diagnostics.push(error(
            yaml_span(template, 1),
            format!(
                "template `{}` does not exist in the theme{}",
                template.value,
                crate::diag::did_you_mean(&template.value, templates.keys().map(String::as_str))
            ),
            &format!(
                "use one of: {}",
                templates.keys().cloned().collect::<Vec<_>>().join(", ")
            ),
        ));
    }
}

/// A page without its translation is a warning: the switcher then leads to
/// the other language's nearest section.
fn report_missing_translations(
    sources: &Sources,
    languages: &[String],
    langs_by_key: &BTreeMap<&str, BTreeSet<&str>>,
    drafts: Drafts,
    diagnostics: &mut Diagnostics,
) {
    for page in &sources.pages {
        if !drafts.publishes(page.front.draft) {
            continue;
        }
        let Some(present) = langs_by_key.get(page.key.as_str()) else {
            continue;
        };
        for lang in languages.iter().filter(|l| !present.contains(l.as_str())) {
            let file_name = page.path.file_name().unwrap_or_default().to_string_lossy();
            let translation = page.path.with_file_name(file_name.replacen(
                &format!(".{}.md", page.lang),
                &format!(".{lang}.md"),
                1,
            ));
            diagnostics.push(
                Diagnostic::warning(&page.path, Span::START, format!("no translation into `{lang}`"))
                    .with_hint(format!(
                        "write {}; until then the language switcher leads to the nearest `{lang}` section",
                        display_path(&translation)
                    )),
            );
        }
    }
}

/// Static files (the site's and the theme's) are copied over what the
/// build made: one must not take the place of a generated file or folder,
/// and its name must not break an address (`?`, `#`, `\`, control
/// characters). The site's own files may replace the theme's.
pub fn check_static(
    sources: &Sources,
    languages: &[String],
    drafts: Drafts,
    diagnostics: &mut Diagnostics,
) {
    let has_aid = sources.data.has_aid;
    let mut files: BTreeMap<String, &str> = BTreeMap::new();
    let mut folders: Vec<(String, &str)> = Vec::new();
    for (path, what) in [
        ("index.html", "the page that offers the languages"),
        ("404.html", "the page for addresses that do not exist"),
        ("sitemap.xml", "the sitemap"),
        ("robots.txt", "robots.txt"),
    ] {
        files.insert(path.into(), what);
    }
    if has_aid {
        for path in GENERATED_OPEN_DATA {
            files.insert(path.into(), "the statistics download");
        }
    }
    if sources.config.as_ref().is_none_or(RawConfig::has_search) {
        folders.push(("pagefind/".into(), "the search index"));
    }
    for lang in languages {
        for (path, what) in GENERATED_FILES {
            if has_aid || !path.starts_with("data/") {
                files.insert(format!("{lang}/{path}"), what);
            }
        }
        for (path, what) in GENERATED_FOLDERS {
            folders.push((format!("{lang}/{path}/"), what));
        }
    }
    for page in &sources.pages {
        if languages.contains(&page.lang) && drafts.publishes(page.front.draft) {
            let url = output_url(&page.lang, &page.key);
            files.insert(format!("{url}index.html"), "a page");
        }
    }
    // Every folder that holds a generated file is generated too.
    let mut made_folders = BTreeSet::new();
    for path in files.keys().chain(folders.iter().map(|(f, _)| f)) {
        let mut end = 0;
        while let Some(slash) = path[end..].find('/') {
            end += slash + 1;
            made_folders.insert(&path[..end - 1]);
        }
    }
    for file in sources
        .theme
        .static_files
        .iter()
        .chain(&sources.static_files)
    {
        // The built-in theme's files are aqparat's own, named well.
        let FileSource::Disk(source) = &file.source else {
            continue;
        };
        let source = source.strip_prefix(&sources.root).unwrap_or(source);
        let name = file.output.to_string_lossy();
        let output = display_path(&file.output);
        if let Some(c) = name.chars().find(|c| is_bad_in_url(*c)) {
            diagnostics.push(
                Diagnostic::error(
                    source,
                    Span::START,
                    format!(
                        "the name of this file has `{}`, which breaks its address",
                        c.escape_debug()
                    ),
                )
                .with_hint(
                    "rename the file without `?`, `#`, `\\` and control characters (e.g. with `-`)",
                ),
            );
            continue;
        }
        let taken = files
            .get(&output)
            .map(|what| format!("/{output} is {what}, which aqparat makes"))
            .or_else(|| {
                folders
                    .iter()
                    .find(|(folder, _)| output.starts_with(folder.as_str()))
                    .map(|(folder, what)| format!("/{folder} holds {what}, which aqparat makes"))
            })
            .or_else(|| {
                made_folders
                    .contains(output.as_str())
                    .then(|| format!("aqparat makes a folder /{output}/"))
            });
        if let Some(taken) = taken {
            diagnostics.push(
                Diagnostic::error(
                    source,
                    Span::START,
                    format!("this static file would be copied to /{output}, but {taken}"),
                )
                .with_hint(
                    "rename or move the file, e.g. into a folder of its own such as static/files/",
                ),
            );
        }
    }
}

/// Characters a static file's name may not have: `?` and `#` end a URL's
/// path, `\` is a separator to some, and control characters are invisible.
fn is_bad_in_url(c: char) -> bool {
    c.is_control() || matches!(c, '?' | '#' | '\\')
}
