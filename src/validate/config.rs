//! Checks on `site.yaml`.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::load::yaml_span;
use crate::load::{RawConfig, Spanned};

const PATH: &str = "site.yaml";

/// The site's language codes, in the order of `site.yaml`.
pub fn language_codes(config: &RawConfig) -> Vec<String> {
    config.languages.value.keys().cloned().collect()
}

/// Checks the address, the languages, the default language and, for a site
/// that `has_statistics`, the licence and publisher of its open data.
pub fn check(config: &RawConfig, text: &str, has_statistics: bool, diagnostics: &mut Diagnostics) {
    let error = |span, message: String, hint: &str| {
        Diagnostic::error(PATH, span, message)
            .with_hint(hint)
            .with_source(text)
    };
    let base_url = &config.base_url;
    if let Err(problem) = crate::address::parse_base_url(&base_url.value) {
        diagnostics.push(error(
            yaml_span(base_url, 0),
            format!("base_url: {problem}"),
            "write the full address the site is published at, e.g. `https://example.kz/`",
        ));
    }
    let languages = &config.languages;
    if languages.value.is_empty() {
        diagnostics.push(error(
            yaml_span(languages, 0),
            "no languages are listed".into(),
            "list at least one language, e.g. `kk: { name: Қазақша, title: … }`",
        ));
    }
    for code in languages.value.keys() {
        if !is_language_code(code) {
            diagnostics.push(error(
                yaml_span(languages, 0),
                format!("`{code}` is not a language code"),
                "use a two- or three-letter lowercase ISO 639 code, such as `kk` or `ru`",
            ));
        }
    }
    if let Some(notice) = &config.notice {
        check_languages(config, text, notice, "the notice", diagnostics);
        // The default language's notice stands in for a missing one.
        let default = &config.default_language.value;
        if notice.value.contains_key(default) {
            for lang in languages
                .value
                .keys()
                .filter(|l| !notice.value.contains_key(*l))
            {
                diagnostics.push(
                    Diagnostic::warning(PATH, yaml_span(notice, 0), format!("the notice has no `{lang}` text"))
                        .with_hint(format!("add `{lang}: …` here; until then pages in `{lang}` show the `{default}` notice"))
                        .with_source(text),
                );
            }
        }
    }
    for (code, language) in &languages.value {
        let fields = [
            ("name", Some(&language.name)),
            ("title", Some(&language.title)),
            ("description", language.description.as_ref()),
        ];
        for (field, value) in fields {
            if let Some(value) = value {
                let what = format!("the {field} of language `{code}`");
                check_text(PATH, text, value, 0, &what, diagnostics);
            }
        }
    }
    if let Some(notice) = &config.notice {
        for (code, value) in &notice.value {
            let what = format!("the notice in `{code}`");
            check_text(PATH, text, value, 0, &what, diagnostics);
        }
    }
    check_open_data(config, text, has_statistics, diagnostics);
    if base_url
        .value
        .chars()
        .any(|c| c.is_whitespace() || is_forbidden(c))
    {
        diagnostics.push(error(
            yaml_span(base_url, 0),
            format!(
                "base_url `{}` has spaces or control characters",
                base_url.value.escape_debug()
            ),
            "write the address without spaces, e.g. `https://example.kz/`",
        ));
    }
    if !cfg!(feature = "search") && config.wants_search() {
        diagnostics.push(search_not_built(config, text));
    }
    let default = &config.default_language;
    if !languages.value.contains_key(&default.value) {
        diagnostics.push(error(
            yaml_span(default, 0),
            format!(
                "default_language `{}` is not one of the languages",
                default.value
            ),
            &format!("use one of: {}", language_codes(config).join(", ")),
        ));
    }
}

/// Reports each language of `texts` (`what`, a text per language) that is
/// not one of the site's.
fn check_languages(
    config: &RawConfig,
    text: &str,
    texts: &Spanned<BTreeMap<String, Spanned<String>>>,
    what: &str,
    diagnostics: &mut Diagnostics,
) {
    let languages = &config.languages.value;
    for lang in texts.value.keys().filter(|l| !languages.contains_key(*l)) {
        diagnostics.push(
            Diagnostic::error(
                PATH,
                yaml_span(texts, 0),
                format!("{what} has text in `{lang}`, which is not one of the languages"),
            )
            .with_hint(format!(
                "write {what} in the languages listed under `languages`"
            ))
            .with_source(text),
        );
    }
}

/// Checks `open_data`: required once the site has statistics (their
/// downloads carry its licence and publisher), with a licence aqparat
/// knows and the publisher's name in every language of the site.
fn check_open_data(
    config: &RawConfig,
    text: &str,
    has_statistics: bool,
    diagnostics: &mut Diagnostics,
) {
    let codes = language_codes(config);
    let Some(open_data) = &config.open_data else {
        if has_statistics {
            let names: Vec<String> = codes.iter().map(|c| format!("{c}: …")).collect();
            diagnostics.push(
                Diagnostic::error(
                    PATH,
                    Span::START,
                    "the site has statistics (data/aid/), but site.yaml does not say under which licence and by whom their open data are published",
                )
                .with_hint(format!(
                    "add `open_data: {{ licence: CC-BY-4.0, publisher: {{ {} }} }}` with the publisher's name in each language (see the README, \"site.yaml\")",
                    names.join(", ")
                )),
            );
        }
        return;
    };
    let error = |span, message: String, hint: String| {
        Diagnostic::error(PATH, span, message)
            .with_hint(hint)
            .with_source(text)
    };
    let open_data = &open_data.value;
    let licence = &open_data.licence;
    if crate::licence::find(&licence.value).is_none() {
        let known = crate::licence::LICENCES.iter().map(|l| l.id);
        diagnostics.push(error(
            yaml_span(licence, 0),
            format!(
                "open_data: `{}` is not a licence aqparat knows{}",
                licence.value.escape_debug(),
                crate::diag::did_you_mean(&licence.value, known.clone()),
            ),
            format!(
                "write the SPDX identifier of an open licence, one of: {}",
                known.collect::<Vec<_>>().join(", ")
            ),
        ));
    }
    let publisher = &open_data.publisher;
    check_languages(config, text, publisher, "the publisher", diagnostics);
    for code in &codes {
        match publisher.value.get(code) {
            Some(name) if !name.value.trim().is_empty() => {
                let what = format!("the publisher in `{code}`");
                check_text(PATH, text, name, 0, &what, diagnostics);
            }
            Some(name) => diagnostics.push(error(
                yaml_span(name, 0),
                format!("open_data: the publisher's name in `{code}` is empty"),
                "write the name of the organisation that publishes the data".into(),
            )),
            // The default language's name stands in for a missing one.
            None if publisher.value.contains_key(&config.default_language.value) => diagnostics
                .push(
                    Diagnostic::warning(
                        PATH,
                        yaml_span(publisher, 0),
                        format!("open_data: the publisher has no name in `{code}`"),
                    )
                    .with_hint(format!(
                        "add `{code}: …` here; until then pages in `{code}` show the `{}` name",
                        config.default_language.value
                    ))
                    .with_source(text),
                ),
            None => diagnostics.push(error(
                yaml_span(publisher, 0),
                format!("open_data: the publisher has no name in `{code}`"),
                format!(
                    "write the publisher's name in every language of the site, e.g. `{code}: …`"
                ),
            )),
        }
    }
}

/// The warning for a site that asks for the search index (`search: true`,
/// or no `search`) from an aqparat built without the `search` feature: the
/// build goes on without the index, as with `search: false`. At `search`
/// when it is written, else at the file.
fn search_not_built(config: &RawConfig, text: &str) -> Diagnostic {
    let message = "this aqparat was built without the `search` feature, so the site gets no search index (the index of all pages stays)";
    let hint = "install aqparat with its default features (`cargo install --path .` in its source), or write `search: false` to go without search";
    match &config.search {
        Some(search) => Diagnostic::warning(PATH, yaml_span(search, 0), message).with_source(text),
        None => Diagnostic::warning(PATH, Span::START, message),
    }
    .with_hint(hint)
}

/// Whether `code` is a language code aqparat takes: two or three
/// lowercase ASCII letters (ISO 639).
pub fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// Whether `c` is a control character no text of the site may hold: C0
/// controls but the line break (a tab included: in a title or a UI string
/// it is invisible), DEL and the C1 controls. They make XML outputs (the
/// feeds, the sitemap) invalid and are invisible in an editor.
pub(super) fn is_forbidden(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r')
}

/// Reports a text value of a YAML file (`file_text`, whose YAML starts
/// `line_offset` lines in) that holds a control character, at that
/// character when it is written as it is on the value's line, else at the
/// value. `what` names the value in the message.
pub(super) fn check_text(
    path: impl AsRef<Path>,
    file_text: &str,
    value: &Spanned<String>,
    line_offset: usize,
    what: &str,
    diagnostics: &mut Diagnostics,
) {
    let Some(c) = value.value.chars().find(|c| is_forbidden(*c)) else {
        return;
    };
    let at = yaml_span(value, line_offset);
    diagnostics.push(control_character(path, file_text, at, c, what));
}

/// The diagnostic for the control character `c` in `what`, whose value is
/// written at `at` in `file_text`.
pub(super) fn control_character(
    path: impl AsRef<Path>,
    file_text: &str,
    at: Span,
    c: char,
    what: &str,
) -> Diagnostic {
    let span = file_text
        .lines()
        .nth(at.line - 1)
        .and_then(|line| {
            line.chars()
                .enumerate()
                .skip(at.col - 1)
                .find(|(_, x)| *x == c)
        })
        .map_or(at, |(col, _)| Span::new(at.line, col + 1));
    Diagnostic::error(
        path.as_ref(),
        span,
        format!(
            "{what} has the control character U+{:04X}, which is invisible and breaks the feeds",
            u32::from(c)
        ),
    )
    .with_hint(
        "delete it (retype the text around it if it does not show); for a break, use a new line",
    )
    .with_source(file_text)
}
