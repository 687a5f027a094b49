//! Checks on content files: languages, front matter values, URLs that two
//! files would share, and missing translations.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use foldhash::HashMap;
use rayon::prelude::*;

use crate::Publishing;
use crate::address::{UrlPath, output_url, parse_alias};
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics, Lines, Span, display_path};
use crate::load::{
    Entry, FileSource, FrontRead, Inputs, RawConfig, RawPage, Sources, Spanned, yaml_span,
};
use crate::messages::{Arg, Message};
use crate::msg;

/// What aqparat writes in each language's folder besides the pages, as
/// paths under `LANG/`: files, then folders it fills (URL prefixes no
/// content file may take).
const GENERATED_FILES: [(&str, What); 7] = [
    ("index.html", || msg!("generated-home")),
    ("404.html", || msg!("generated-404")),
    ("atom.xml", || msg!("generated-feed")),
    ("data/aid.csv", || msg!("generated-download")),
    ("data/aid.json", || msg!("generated-download")),
    ("data/aid.xlsx", || msg!("generated-download")),
    ("data/aid.schema.json", || msg!("generated-download")),
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
const GENERATED_FOLDERS: [(&str, What); 2] = [
    ("pages", || msg!("generated-pages")),
    ("infographics", || msg!("generated-infographics")),
];

/// What a file or folder aqparat makes is, in words.
type What = fn() -> Message;

/// A content file must not take the URL of a file or folder aqparat makes:
/// its key (the path under `LANG/`) must not begin with one, segment by
/// segment, and no segment may be `index.html`, the file each page is.
/// Compared without case: on a file system that ignores case (a staff
/// member's Mac), `Atom.xml` would be `atom.xml`.
fn check_reserved_url(page: &RawPage, diagnostics: &mut Diagnostics) {
    let key = page.key.to_lowercase();
    let segments: Vec<&str> = key.split('/').collect();
    // Each part of the reserved path is the key's next segment.
    let begins_with = |path: &str| {
        let mut segments = segments.iter();
        path.split('/').all(|part| segments.next() == Some(&part))
    };
    let taken = GENERATED_FILES
        .iter()
        .find(|(path, _)| begins_with(path))
        .map(|(path, what)| {
            msg!(
                "taken-file",
                url = format!("{}/{path}", page.lang),
                what = what()
            )
        })
        .or_else(|| {
            GENERATED_FOLDERS
                .iter()
                .find(|(path, _)| begins_with(path))
                .map(|(path, what)| {
                    msg!(
                        "taken-folder",
                        url = format!("{}/{path}", page.lang),
                        what = what()
                    )
                })
        })
        .or_else(|| {
            segments.contains(&"index.html").then(|| {
                msg!(
                    "taken-index",
                    url = output_url(&page.lang, &page.key).to_string()
                )
            })
        });
    if let Some(taken) = taken {
        diagnostics.push(
            Diagnostic::error(
                &page.path,
                Span::START,
                msg!(
                    "page-reserved",
                    url = output_url(&page.lang, &page.key).to_string(),
                    taken = taken
                ),
            )
            .with_hint(msg!(
                "page-reserved-hint",
                list = GENERATED_FILES
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
/// at the start or end of a dot-separated part. A part left empty is left
/// out, and the first, the name before the language and extension, becomes
/// `page`: `😀.kk.md` is `page.kk.md`, never `.kk.md`, a hidden file.
fn clean_name(name: &str) -> String {
    let mut parts: Vec<String> = name
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
    // `split` gives at least one part.
    if parts[0].is_empty() {
        parts[0] = "page".into();
    }
    parts.retain(|part| !part.is_empty());
    parts.join(".")
}

/// Whether every file and folder name on the way to the content file
/// `path` is clean (see [`is_clean_name`]). A page that is not is reported
/// (see [`check_names`]) and left out of the site: every link to its
/// address, which the theme's menus and lists write, would be broken too.
pub fn has_clean_names(path: &std::path::Path) -> bool {
    path.components()
        .all(|part| is_clean_name(&part.as_os_str().to_string_lossy()))
}

/// Every file and folder name on the way to a content file must be clean
/// (see [`is_clean_name`]): `?`, `#`, `%`, spaces or control characters
/// would break the page's links and the sitemap. Each bad name is reported
/// once, at the file or folder that has it.
fn check_names(pages: &[RawPage], diagnostics: &mut Diagnostics) {
    let unclean: Vec<&RawPage> = (pages.par_iter())
        .filter(|page| !has_clean_names(&page.path))
        .collect();
    let mut reported = BTreeSet::new();
    for page in unclean {
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
            let shown = name.escape_debug().to_string();
            let message = match path == page.path {
                true => msg!("page-bad-file-name", name = shown),
                false => msg!("page-bad-folder-name", name = shown),
            };
            diagnostics.push(
                Diagnostic::error(&path, Span::START, message)
                    .with_hint(msg!("page-bad-name-hint", name = clean_name(&name))),
            );
        }
    }
}

/// Reports the pages whose URLs differ from another's only in letter case
/// or in how a letter is encoded (`й` as one character, or `и` and a
/// combining breve): on a file system that ignores case or normalises
/// names (Windows, macOS) both are one folder, and one page replaces the
/// other without a word.
fn check_twins(by_url: &HashMap<UrlPath, Vec<&RawPage>>, diagnostics: &mut Diagnostics) {
    // Of two URLs that fold alike at most one is folded already: only the
    // others are folded (on most sites none), each beside the URL that is
    // its folded form, if there is one.
    let mut by_folded: HashMap<String, Vec<&UrlPath>> = HashMap::default();
    for url in by_url.keys().filter(|url| !is_folded(url)) {
        by_folded.entry(folded(url)).or_default().push(url);
    }
    for (folded, urls) in &mut by_folded {
        if let Some((url, _)) = by_url.get_key_value(folded.as_str()) {
            urls.push(url);
        }
    }
    let mut twins: Vec<Vec<&UrlPath>> = (by_folded.into_values())
        .filter(|urls| urls.len() > 1)
        .collect();
    for urls in &mut twins {
        urls.sort_unstable();
    }
    twins.sort_unstable();
    for urls in twins {
        for url in &urls {
            let others: Vec<String> = (urls.iter().filter(|other| *other != url))
                .flat_map(|other| &by_url[*other])
                .map(|page| marks_shown(display_path(&page.path)))
                .collect();
            for page in &by_url[*url] {
                let message = msg!(
                    "page-url-twin",
                    url = marks_shown(url.to_string()),
                    others = others.join(", "),
                    count = Arg::count(others.len())
                );
                diagnostics.push(
                    Diagnostic::error(&page.path, Span::START, message)
                        .with_hint(msg!("page-url-twin-hint")),
                );
            }
        }
    }
}

/// `text` with the marks of a letter written as a letter and marks (not
/// in Unicode's composed form) shown as codes, `и\u{306}`: else two names
/// that differ only so look the same in a message.
fn marks_shown(text: String) -> String {
    use unicode_normalization::char::is_combining_mark;
    if unicode_normalization::is_nfc(&text) {
        return text;
    }
    let shown = |c: char| match is_combining_mark(c) {
        true => format!("\\u{{{:x}}}", u32::from(c)),
        false => c.to_string(),
    };
    text.chars().map(shown).collect()
}

/// Whether `url` is as [`folded`] makes it: no letter that lower case
/// changes, and in Unicode's composed form (surely: NFC's quick check).
fn is_folded(url: &str) -> bool {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    let lower = |c: char| c.to_lowercase().eq([c]);
    match url.is_ascii() {
        true => !url.bytes().any(|b| b.is_ascii_uppercase()),
        false => url.chars().all(lower) && is_nfc_quick(url.chars()) == IsNormalized::Yes,
    }
}

/// `url` as a file system that ignores case and normalises names compares
/// it: lower case, in Unicode's composed form (NFC).
fn folded(url: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    match url.is_ascii() {
        true => url.to_ascii_lowercase(),
        false => url.to_lowercase().nfc().collect(),
    }
}

/// Checks every content file. Without `languages` (when `site.yaml` is
/// broken) only each file's own front matter is checked.
///
/// What concerns one page alone is checked for all pages at once, in
/// parallel; what concerns several (a URL two files take, the languages a
/// page is in) after, one page at a time, in the pages' order.
pub fn check(
    sources: &Sources,
    languages: Option<&[String]>,
    publishing: Publishing,
    diagnostics: &mut Diagnostics,
) {
    check_names(&sources.pages, diagnostics);
    let templates = &sources.theme.template_paths;
    let alone: Vec<(Diagnostics, Option<UrlPath>)> = (sources.pages.par_iter())
        .map(|page| check_alone(page, languages, templates, publishing))
        .collect();
    let mut by_url: HashMap<UrlPath, Vec<&RawPage>> = HashMap::default();
    let mut langs_by_key: HashMap<&str, BTreeSet<&str>> = HashMap::default();
    for (page, (found, url)) in sources.pages.iter().zip(alone) {
        diagnostics.extend(found);
        let Some(url) = url else {
            continue;
        };
        by_url.entry(url).or_default().push(page);
        langs_by_key
            .entry(&page.key)
            .or_default()
            .insert(&page.lang);
    }
    check_twins(&by_url, diagnostics);
    let mut shared: Vec<_> = by_url.iter().filter(|(_, pages)| pages.len() > 1).collect();
    shared.sort_unstable_by_key(|(url, _)| *url);
    for (url, pages) in shared {
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
                    msg!(
                        "page-same-url",
                        others = others.join(", "),
                        url = url.to_string()
                    ),
                )
                .with_hint(msg!("page-same-url-hint")),
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
            let message = msg!("page-no-home", lang = lang);
            let hint = match is_left_out_by_gitignore(&sources.root, &path) {
                true => msg!("page-no-home-left-out-hint", path = display_path(&path)),
                false => msg!("page-no-home-hint", path = display_path(&path), lang = lang),
            };
            diagnostics.push(match default {
                Some(default) if default != lang => {
                    Diagnostic::warning(&path, Span::START, message).with_hint(msg!(
                        "page-no-home-fallback-hint",
                        hint = hint,
                        lang = lang,
                        default = default
                    ))
                }
                _ => Diagnostic::error(&path, Span::START, message).with_hint(hint),
            });
        }
    }
    if let Some(languages) = languages {
        report_missing_translations(sources, languages, &langs_by_key, publishing, diagnostics);
    }
}

/// Whether the file `rel` (a home page's, never hidden) is there but the
/// `.gitignore` leaves it out: git does not commit it, so aqparat does
/// not read it.
fn is_left_out_by_gitignore(root: &Path, rel: &Path) -> bool {
    let path = root.join(rel);
    path.exists() && !Inputs::read(root).0.is_site_file(rel, Entry::of(&path))
}

/// What to do with a page in `lang`, which is not one of the site's
/// `languages`: take one of their suffixes, the one meant for a country's
/// code (`.kz.md` is `.kk.md`), or add `lang` to the site's when it can
/// be a language's code.
fn unknown_lang_hint(lang: &str, languages: &[String]) -> Message {
    let suffixes = (languages.iter())
        .map(|l| format!(".{l}.md"))
        .collect::<Vec<_>>()
        .join(", ");
    match super::config::language_of_country(lang) {
        Some(meant) if languages.iter().any(|l| l == meant) => {
            msg!("page-unknown-lang-country-hint", lang = lang, meant = meant)
        }
        _ if super::config::is_language_code(lang) => {
            msg!("page-unknown-lang-hint", suffixes = suffixes, lang = lang)
        }
        _ => msg!("page-unknown-lang-rename-hint", suffixes = suffixes),
    }
}

/// What [`check`] finds of `page` on its own: its language (when the
/// site's `languages` are known), its front matter and, when it is
/// published, whether its URL is one aqparat makes; with that URL.
fn check_alone(
    page: &RawPage,
    languages: Option<&[String]>,
    templates: &BTreeMap<String, PathBuf>,
    publishing: Publishing,
) -> (Diagnostics, Option<UrlPath>) {
    let mut found = Diagnostics::new();
    let Some(languages) = languages else {
        check_front_matter(page, templates, &mut found);
        return (found, None);
    };
    if !languages.contains(&page.lang) {
        found.push(
            Diagnostic::error(
                &page.path,
                Span::START,
                msg!("page-unknown-lang", lang = &page.lang),
            )
            .with_hint(unknown_lang_hint(&page.lang, languages)),
        );
        return (found, None);
    }
    check_front_matter(page, templates, &mut found);
    if !publishing.publishes(&page.front) {
        return (found, None);
    }
    check_reserved_url(page, &mut found);
    (found, Some(output_url(&page.lang, &page.key)))
}

/// The line of the file where the front matter `front_text` (from its
/// opening `---`) has its key `title` at the top, if it has one.
fn title_key_line(front_text: &str) -> Option<usize> {
    let (_, yaml) = front_text.split_once('\n')?;
    // Without its closing `---`.
    let yaml = yaml.rfind("\n---").map_or(yaml, |end| &yaml[..=end]);
    let items = crate::load::top_items(yaml);
    let title = items
        .iter()
        .find(|item| item.key.as_deref() == Some("title"))?;
    Some(title.line + 1)
}

/// Title, dates and template of one page; `templates`: the theme's.
pub fn check_front_matter(
    page: &RawPage,
    templates: &BTreeMap<String, PathBuf>,
    diagnostics: &mut Diagnostics,
) {
    if page.front_read == FrontRead::Not {
        return;
    }
    let front = &page.front;
    let lines = Lines::new(&page.front_text, 0);
    let error = |span, message: Message, hint: Message| {
        Diagnostic::error(&page.path, span, message)
            .with_hint(hint)
            .with_quote(lines.quote_line(span))
    };
    match &front.title {
        // Left out for a problem of its own, reported.
        None if page.front_read
            == (FrontRead::Partly {
                title_left_out: true,
            }) => {}
        // `title:` with nothing after it (or `~`) is written, and empty.
        None => diagnostics.push(match title_key_line(&page.front_text) {
            Some(line) => error(
                Span::new(line, 1),
                msg!("page-empty-title"),
                msg!("page-empty-title-hint"),
            ),
            None => error(
                Span::START,
                msg!("page-no-title"),
                msg!("page-no-title-hint"),
            ),
        }),
        Some(title) if title.value.trim().is_empty() => diagnostics.push(error(
            yaml_span(title, 1),
            msg!("page-empty-title"),
            msg!("page-empty-title-hint"),
        )),
        Some(_) => {}
    }
    for (field, value) in [("title", &front.title), ("description", &front.description)] {
        if let Some(value) = value {
            let what = msg!("what-field", field = field);
            super::config::check_text(&page.path, &page.front_text, value, 1, what, diagnostics);
        }
    }
    let mut parse = |name: &str, value: &Option<Spanned<String>>| {
        let value = value.as_ref()?;
        Date::parse(&value.value)
            .map_err(|message| {
                diagnostics.push(error(
                    yaml_span(value, 1),
                    msg!("page-invalid-date", name = name, error = message),
                    msg!("page-date-hint"),
                ))
            })
            .ok()
            .map(|date| (date, yaml_span(value, 1)))
    };
    let date = parse("date", &front.date);
    let updated = parse("updated", &front.updated);
    let expires = parse("expires", &front.expires);
    if let (Some((date, _)), Some((later, at))) = (date, updated)
        && later < date
    {
        diagnostics.push(error(
            at,
            msg!(
                "page-updated-before-date",
                updated = later.to_string(),
                date = date.to_string()
            ),
            msg!("page-updated-before-date-hint"),
        ));
    }
    if let (Some((date, _)), Some((end, at))) = (date, expires)
        && end <= date
    {
        diagnostics.push(error(
            at,
            msg!(
                "page-expires-before-date",
                expires = end.to_string(),
                date = date.to_string()
            ),
            msg!("page-expires-before-date-hint"),
        ));
    }
    for alias in &front.aliases {
        if let Err(message) = parse_alias(&alias.value) {
            diagnostics.push(
                Diagnostic::error(&page.path, yaml_span(alias, 1), message)
                    .with_quote(lines.quote_line(yaml_span(alias, 1))),
            );
        }
    }
    // A theme without templates is missing, and reported once already.
    if let Some(template) = &front.template
        && !templates.is_empty()
        && let Some((message, hint)) = template_problem(&template.value, page.is_section, templates)
    {
        diagnostics.push(error(yaml_span(template, 1), message, hint));
    }
}

/// What is wrong with `name` as the `template:` of a page (`is_section`:
/// of a section's `_index` file), the message and the hint (which lists
/// the templates it may use): it must be one of the theme's `templates`,
/// and one whose context the page has (see
/// [`crate::render::unusable_template`]).
fn template_problem(
    name: &str,
    is_section: bool,
    templates: &BTreeMap<String, PathBuf>,
) -> Option<(Message, Message)> {
    let unusable = |t: &str| crate::render::unusable_template(t, is_section);
    if templates.contains_key(name) && unusable(name).is_none() {
        return None;
    }
    // Offered: not the layout the others extend, which shows no page.
    let usable = || {
        let usable = (templates.keys().map(String::as_str)).filter(|t| unusable(t).is_none());
        usable.filter(|t| *t != LAYOUT_TEMPLATE)
    };
    let message = unusable(name).unwrap_or_else(|| {
        msg!(
            "page-unknown-template",
            template = name,
            guess = crate::diag::did_you_mean(name, usable())
        )
    });
    let list = usable().collect::<Vec<_>>().join(", ");
    Some((message, msg!("use-one-of", list = list)))
}

/// The layout the theme's templates extend (README: *Themes*).
const LAYOUT_TEMPLATE: &str = "base.html";

/// A page without its translation is a warning: the switcher then leads to
/// the other language's nearest section.
fn report_missing_translations(
    sources: &Sources,
    languages: &[String],
    langs_by_key: &HashMap<&str, BTreeSet<&str>>,
    publishing: Publishing,
    diagnostics: &mut Diagnostics,
) {
    // Every page written, published or not, by its key and language: looked
    // up once per missing translation (a site adding a language misses
    // one for every page).
    let written: HashMap<(&str, &str), &RawPage> = (sources.pages.iter())
        .map(|p| ((p.key.as_str(), p.lang.as_str()), p))
        .collect();
    for page in &sources.pages {
        if !publishing.publishes(&page.front) {
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
            // Written, and reported: it could not be read.
            if sources.unread_pages.contains(&translation) {
                continue;
            }
            let path = display_path(&translation);
            // Written, but not published (yet): said as it is, with both
            // reasons when it is a draft dated after today.
            let written = written.get(&(page.key.as_str(), lang.as_str()));
            // Its front matter's problems reported, whether it is published
            // may be of a part left out.
            if written.is_some_and(|p| p.front_read != FrontRead::Whole) {
                continue;
            }
            let reasons = written.map(|p| {
                let is_draft = !publishing.drafts.publishes(p.front.draft);
                let day = publishing
                    .scheduled(&p.front)
                    .filter(|_| !publishing.future);
                (day, is_draft)
            });
            let (message, hint) = match reasons {
                Some((Some(day), true)) => (
                    msg!(
                        "page-translation-draft-waiting",
                        lang = lang,
                        path = path,
                        day = day.to_string()
                    ),
                    msg!("page-translation-draft-waiting-hint", lang = lang),
                ),
                Some((Some(day), false)) => (
                    msg!(
                        "page-translation-waiting",
                        lang = lang,
                        path = path,
                        day = day.to_string()
                    ),
                    msg!("page-translation-waiting-hint", lang = lang),
                ),
                Some((None, true)) => (
                    msg!("page-translation-draft", lang = lang, path = path),
                    msg!("page-translation-draft-hint", lang = lang),
                ),
                _ => (
                    msg!("page-no-translation", lang = lang),
                    msg!("page-no-translation-hint", path = path, lang = lang),
                ),
            };
            diagnostics.push(Diagnostic::warning(&page.path, Span::START, message).with_hint(hint));
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
    publishing: Publishing,
    diagnostics: &mut Diagnostics,
) {
    let has_aid = sources.data.has_aid;
    let mut files: BTreeMap<String, What> = BTreeMap::new();
    let mut folders: Vec<(String, What)> = Vec::new();
    let root_files: [(&str, What); 4] = [
        ("index.html", || msg!("generated-languages")),
        ("404.html", || msg!("generated-404")),
        ("sitemap.xml", || msg!("generated-sitemap")),
        ("robots.txt", || msg!("generated-robots")),
    ];
    for (path, what) in root_files {
        files.insert(path.into(), what);
    }
    if has_aid {
        for path in GENERATED_OPEN_DATA {
            files.insert(path.into(), || msg!("generated-download"));
        }
    }
    if sources.config.as_ref().is_none_or(RawConfig::has_search) {
        folders.push(("pagefind/".into(), || msg!("generated-search")));
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
        if languages.contains(&page.lang) && publishing.publishes(&page.front) {
            let url = output_url(&page.lang, &page.key);
            files.insert(format!("{url}index.html"), || msg!("generated-page"));
        }
    }
    // Files named by what they hold: any name in these folders may be one
    // a build makes. A static file there is copied (its name is no such
    // hash), but an alias's redirect page would stand in a card's way.
    let cards: What = || msg!("generated-cards");
    let images: What = || msg!("generated-images");
    let alias_folders: Vec<(String, What)> = (folders.iter().cloned())
        .chain([
            (format!("{}/", crate::render::CARDS_DIR), cards),
            (format!("{}/", crate::render::IMAGES_DIR), images),
        ])
        .collect();
    check_aliases(
        sources,
        languages,
        publishing,
        &mut files,
        &alias_folders,
        diagnostics,
    );
    // Every folder that holds a generated file is generated too, and so
    // are the folders of the cards and of the resized images, whatever
    // their files' names: a static file of their name stands in their way.
    let mut made_folders = BTreeSet::new();
    if sources
        .config
        .as_ref()
        .is_none_or(RawConfig::wants_previews)
    {
        made_folders.insert(crate::render::CARDS_DIR);
    }
    made_folders.insert(crate::render::IMAGES_DIR);
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
                    msg!("static-bad-name", char = c.escape_debug().to_string()),
                )
                .with_hint(msg!("static-bad-name-hint")),
            );
            continue;
        }
        let taken = files
            .get(&output)
            .map(|what| msg!("static-taken-file", output = &output, what = what()))
            .or_else(|| {
                folders
                    .iter()
                    .find(|(folder, _)| output.starts_with(folder.as_str()))
                    .map(|(folder, what)| {
                        msg!("static-taken-folder", folder = folder, what = what())
                    })
            })
            .or_else(|| {
                // The parts of a sitemap of more than 50,000 addresses.
                crate::render::xml::is_sitemap_part(&output).then(|| {
                    let what = msg!("generated-sitemap-part");
                    msg!("static-taken-file", output = &output, what = what)
                })
            })
            .or_else(|| {
                made_folders
                    .contains(output.as_str())
                    .then(|| msg!("static-taken-made-folder", output = &output))
            });
        if let Some(taken) = taken {
            diagnostics.push(
                Diagnostic::error(
                    source,
                    Span::START,
                    msg!("static-taken", output = &output, taken = taken),
                )
                .with_hint(msg!("static-taken-hint")),
            );
        }
    }
}

/// A page's aliases (old addresses) must not be the address of anything
/// the build makes (`files`, `folders`) nor another page's alias; each is
/// then one of the `files`, a redirect, which no static file may replace.
fn check_aliases(
    sources: &Sources,
    languages: &[String],
    publishing: Publishing,
    files: &mut BTreeMap<String, What>,
    folders: &[(String, What)],
    diagnostics: &mut Diagnostics,
) {
    let mut owners: BTreeMap<String, &RawPage> = BTreeMap::new();
    let static_files: BTreeSet<String> = (sources.theme.static_files.iter())
        .chain(&sources.static_files)
        .map(|file| display_path(&file.output))
        .collect();
    let published: Vec<&RawPage> = (sources.pages.iter())
        .filter(|p| languages.contains(&p.lang) && publishing.publishes(&p.front))
        .collect();
    // The file of each published content page, to name the page an alias
    // would replace (the first of two at one address, as the model keeps);
    // made only for a site with aliases, as most have none.
    let mut pages_at: HashMap<String, &RawPage> = HashMap::default();
    let has_aliases = published.iter().any(|p| !p.front.aliases.is_empty());
    for page in published.iter().filter(|_| has_aliases) {
        let file = output_url(&page.lang, &page.key).file();
        pages_at.entry(file).or_insert(page);
    }
    // The files not named as Windows and macOS compare them (see
    // `check_twins`; on most sites none), by that name.
    let mut unfolded: HashMap<String, String> = (files.keys())
        .filter(|f| !is_folded(f))
        .map(|f| (folded(f), f.clone()))
        .collect();
    for page in published {
        let lines = Lines::new(&page.front_text, 0);
        for alias in &page.front.aliases {
            // Its form is checked with the rest of the front matter.
            let Ok(url) = parse_alias(&alias.value) else {
                continue;
            };
            let file = url.file();
            let error = |message| {
                Diagnostic::error(&page.path, yaml_span(alias, 1), message)
                    .with_quote(lines.quote_line(yaml_span(alias, 1)))
            };
            if let Some((through, what)) = file_on_the_way(&file, files, &static_files) {
                diagnostics.push(
                    error(msg!(
                        "alias-through-file",
                        alias = &alias.value,
                        file = through,
                        what = what()
                    ))
                    .with_hint(msg!("alias-taken-hint")),
                );
                continue;
            }
            if let Some(other) = pages_at.get(&file) {
                diagnostics.push(taken_by_page(&alias.value, page, other, error));
                continue;
            }
            let folder = folders.iter().find(|(f, _)| file.starts_with(f.as_str()));
            if let Some(what) = files.get(&file).or(folder.map(|(_, what)| what)) {
                let other = owners.get(&file).map(|other| display_path(&other.path));
                diagnostics.push(match other {
                    Some(other) => error(msg!("alias-twice", alias = &alias.value, other = other))
                        .with_hint(msg!("alias-twice-hint")),
                    None => error(msg!("alias-taken", alias = &alias.value, what = what()))
                        .with_hint(msg!("alias-taken-hint")),
                });
                continue;
            }
            // Another file of the same folded name: that name itself, or
            // one folded otherwise.
            let same = folded(&file);
            let twin = match same != file && files.contains_key(&same) {
                true => Some(&same),
                false => unfolded.get(&same).filter(|twin| **twin != file),
            };
            if let Some(twin) = twin {
                let address = twin.strip_suffix("index.html").unwrap_or(twin);
                diagnostics.push(
                    error(msg!(
                        "alias-twin",
                        alias = &alias.value,
                        other = format!("/{address}")
                    ))
                    .with_hint(msg!("alias-twin-hint")),
                );
                continue;
            }
            if same != file {
                unfolded.insert(same, file.clone());
            }
            owners.insert(file.clone(), page);
            files.insert(file, || msg!("generated-redirect"));
        }
    }
}

/// The error of the `alias` of `page` that is the address of the content
/// page `other` (`page` itself, a section, a home page): a page's own
/// address leads to it, so no redirect could be there; `error` places it.
fn taken_by_page(
    alias: &str,
    page: &RawPage,
    other: &RawPage,
    error: impl Fn(Message) -> Diagnostic,
) -> Diagnostic {
    if std::ptr::eq(page, other) {
        return error(msg!("alias-own", alias = alias)).with_hint(msg!("alias-own-hint"));
    }
    let kind = match (other.is_section, other.key.is_empty()) {
        (true, true) => "home",
        (true, false) => "section",
        (false, _) => "page",
    };
    let path = display_path(&other.path);
    error(msg!(
        "alias-content",
        alias = alias,
        kind = kind,
        path = &path
    ))
    .with_hint(msg!("alias-content-hint", path = path))
}

/// The first folder of the redirect page `file` (an alias's) that is a
/// file of the build instead: one of `files` (what aqparat makes, pages and
/// redirects included), a static file, or a part of the sitemap. Its
/// redirect could not be written: `/robots.txt` as an alias would need a
/// folder `robots.txt/`.
fn file_on_the_way<'f>(
    file: &'f str,
    files: &BTreeMap<String, What>,
    static_files: &BTreeSet<String>,
) -> Option<(&'f str, What)> {
    let static_file: What = || msg!("generated-static");
    let sitemap_part: What = || msg!("generated-sitemap-part");
    let folders = file.match_indices('/').map(|(end, _)| &file[..end]);
    folders.into_iter().find_map(|folder| {
        let what = (files.get(folder).copied())
            .or_else(|| static_files.contains(folder).then_some(static_file))
            .or_else(|| crate::render::xml::is_sitemap_part(folder).then_some(sitemap_part));
        what.map(|what| (folder, what))
    })
}

/// Characters a static file's name may not have: `?` and `#` end a URL's
/// path, `\` is a separator to some, and control characters are invisible.
fn is_bad_in_url(c: char) -> bool {
    c.is_control() || matches!(c, '?' | '#' | '\\')
}

#[cfg(test)]
mod tests {
    use super::{clean_name, folded, is_folded};

    /// The twins' check folds only the URLs not folded already: for it,
    /// a URL taken as folded must be its own folded form.
    #[test]
    fn a_url_taken_as_folded_is_its_own_folded_form() {
        let urls = [
            "kk/about/",
            "kk/About/",
            "kk/ереже/",
            "kk/Ереже/",
            "kk/й/",
            "kk/и\u{306}/",
            "kk/ǅ/",
        ];
        for url in urls.into_iter().filter(|url| is_folded(url)) {
            assert_eq!(folded(url), url);
        }
        assert!(is_folded("kk/about/") && is_folded("kk/ереже/") && is_folded("kk/й/"));
        assert!(!is_folded("kk/About/") && !is_folded("kk/и\u{306}/") && !is_folded("kk/ǅ/"));
    }

    #[test]
    fn a_clean_name_is_never_hidden_nor_empty() {
        for (name, clean) in [
            ("what is this?.kk.md", "what-is-this.kk.md"),
            ("50% off.ru.md", "50-off.ru.md"),
            ("😀.kk.md", "page.kk.md"),
            ("a.😀.kk.md", "a.kk.md"),
            ("#", "page"),
            ("..", "page"),
            ("ереже 2.0.kk.md", "ереже-2.0.kk.md"),
        ] {
            assert_eq!(clean_name(name), clean, "{name}");
        }
    }
}
