//! Checks on content files: languages, front matter values, URLs that two
//! files would share, and missing translations.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::diag::{Diagnostic, Span, display_path};
use crate::load::{RawPage, Sources, yaml_span};
use crate::model::{Date, output_url};

/// The first folders of URLs that aqparat makes pages in, in every
/// language, with what those pages are.
const RESERVED: [(&str, &str); 2] = [
    ("pages", "the index of all pages"),
    ("infographics", "the infographic pages"),
];

/// A content file must not take the URL of a page aqparat makes.
fn check_reserved_url(page: &RawPage, diagnostics: &mut Vec<Diagnostic>) {
    let first = page.key.split('/').next().unwrap_or("");
    if let Some((name, what)) = RESERVED.iter().find(|(name, _)| *name == first) {
        diagnostics.push(
            Diagnostic::error(
                &page.path,
                Span::START,
                format!(
                    "this file would become /{}, but /{}/{name}/ holds {what} that aqparat makes",
                    output_url(&page.lang, &page.key),
                    page.lang
                ),
            )
            .with_hint(format!(
                "rename the file or its folder: `{name}` cannot begin a page's path"
            )),
        );
    }
}

/// Checks every content file. Without `languages` (when `site.yaml` is
/// broken) only each file's own front matter is checked.
pub fn check(
    sources: &Sources,
    languages: Option<&[String]>,
    include_drafts: bool,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut by_url: BTreeMap<String, Vec<&RawPage>> = BTreeMap::new();
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
        if page.front.draft && !include_drafts {
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
    if let Some(languages) = languages {
        report_missing_translations(
            sources,
            languages,
            &langs_by_key,
            include_drafts,
            diagnostics,
        );
    }
}

/// Title, dates and template of one page; `templates`: the theme's.
pub fn check_front_matter(
    page: &RawPage,
    templates: &BTreeMap<String, PathBuf>,
    diagnostics: &mut Vec<Diagnostic>,
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
    if let Some(template) = &front.template
        && !templates.contains_key(&template.value)
    {
        diagnostics.push(error(
            yaml_span(template, 1),
            format!("template `{}` does not exist in the theme", template.value),
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
    include_drafts: bool,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for page in &sources.pages {
        if page.front.draft && !include_drafts {
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
