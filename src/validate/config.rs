//! Checks on `site.yaml`.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::load::yaml_span;
use crate::load::{LanguagesRead, RawConfig, Spanned};
use crate::messages::Message;
use crate::msg;

const PATH: &str = "site.yaml";

/// Whether the site has languages, all read (none left out for its
/// problems), each of a code that can name its pages and folders: else
/// nothing in a language can be checked or rendered, and the codes' own
/// errors are the report.
pub fn has_usable_languages(config: &RawConfig) -> bool {
    matches!(config.languages_read, LanguagesRead::All) && are_usable(&language_codes(config))
}

/// Whether `codes` are some, each a code that can name pages and folders.
fn are_usable(codes: &[String]) -> bool {
    !codes.is_empty() && codes.iter().all(|code| is_language_code(code))
}

/// The site's language codes, in the order of `site.yaml`.
pub fn language_codes(config: &RawConfig) -> Vec<String> {
    config.languages.value.keys().cloned().collect()
}

/// Checks the address, the languages, the default language and, for a site
/// that `has_statistics`, the licence and publisher of its open data.
pub fn check(config: &RawConfig, text: &str, has_statistics: bool, diagnostics: &mut Diagnostics) {
    let error = |span, message: Message, hint: Message| {
        Diagnostic::error(PATH, span, message)
            .with_hint(hint)
            .with_source(text)
    };
    let base_url = &config.base_url;
    if let Err(problem) = crate::address::parse_base_url(&base_url.value) {
        diagnostics.push(error(
            base_url_span(base_url, text),
            msg!("config-base-url", problem = problem),
            msg!("config-base-url-hint"),
        ));
    }
    let languages = &config.languages;
    // The codes texts are checked against: all those written, when an
    // entry was left out (reported: what is in it waits until it is read);
    // when those cannot be told, those read, some of them: only what holds
    // of each is checked, not what needs them all.
    let (codes, all) = match &config.languages_read {
        LanguagesRead::All => (language_codes(config), true),
        LanguagesRead::SomeLeftOut(written) => (written.clone(), true),
        LanguagesRead::Untold => (language_codes(config), false),
    };
    if codes.is_empty() && matches!(config.languages_read, LanguagesRead::All) {
        diagnostics.push(error(
            yaml_span(languages, 0),
            msg!("config-no-languages"),
            msg!("config-no-languages-hint"),
        ));
    }
    for code in &codes {
        if !is_language_code(code) {
            let (message, hint) = bad_language_code(code);
            diagnostics.push(error(
                key_span(text, yaml_span(languages, 0), code),
                message,
                hint,
            ));
        }
    }
    // Texts per language are checked against usable codes only: against
    // `RU`, every `ru:` would be one more error of the one typo.
    let usable = are_usable(&codes);
    if let Some(notice) = config.notice.as_ref().filter(|_| usable) {
        if all {
            let foreign = |lang: &str| msg!("config-notice-lang", lang = lang);
            let hint = |lang: &str| msg!("config-notice-lang-hint", lang = lang);
            check_languages(&codes, text, notice, foreign, hint, diagnostics);
        }
        // The default language's notice stands in for a missing one.
        let default = &config.default_language.value;
        if notice.value.contains_key(default) {
            for lang in codes.iter().filter(|l| !notice.value.contains_key(*l)) {
                diagnostics.push(
                    Diagnostic::warning(
                        PATH,
                        yaml_span(notice, 0),
                        msg!("config-notice-missing", lang = lang),
                    )
                    .with_hint(msg!(
                        "config-notice-missing-hint",
                        lang = lang,
                        default = default
                    ))
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
                let what = msg!("what-language-field", field = field, code = code);
                check_text(PATH, text, value, 0, what, diagnostics);
            }
        }
        // What every page shows: the site's name and its language's.
        for (field, value) in [("name", &language.name), ("title", &language.title)] {
            if value.value.trim().is_empty() {
                diagnostics.push(error(
                    yaml_span(value, 0),
                    msg!("config-language-field-empty", field = field, code = code),
                    msg!("config-language-field-empty-hint", field = field),
                ));
            }
        }
    }
    if let Some(notice) = &config.notice {
        for (code, value) in &notice.value {
            let what = msg!("what-notice", code = code);
            check_text(PATH, text, value, 0, what, diagnostics);
        }
    }
    check_open_data(config, text, has_statistics, (&codes, all), diagnostics);
    if !cfg!(feature = "search") && config.wants_search() {
        diagnostics.push(search_not_built(config, text));
    }
    // Without the feature the dates come from the front matter: a warning,
    // as for search, not a site that cannot be built.
    if let Some(dates) = &config.dates
        && config.wants_git_dates()
        && !config.has_git_dates()
    {
        diagnostics.push(
            Diagnostic::warning(PATH, yaml_span(dates, 0), msg!("dates-git-not-built"))
                .with_source(text)
                .with_hint(msg!("dates-git-not-built-hint")),
        );
    }
    let default = &config.default_language;
    if all && !codes.is_empty() && !codes.contains(&default.value) {
        diagnostics.push(error(
            yaml_span(default, 0),
            msg!("config-default-language", lang = &default.value),
            msg!("use-one-of", list = codes.join(", ")),
        ));
    }
}

/// Where the problem of `base_url` is: at the first character an address
/// may not hold (a space), when it is written as it is on the value's line
/// in `text` (`site.yaml`); else at the value.
fn base_url_span(base_url: &Spanned<String>, text: &str) -> Span {
    let span = yaml_span(base_url, 0);
    let Some((at, _)) = crate::address::forbidden_character(&base_url.value) else {
        return span;
    };
    let Some((line, start)) = crate::diag::Lines::new(text, 0).at(span) else {
        return span;
    };
    let written = &line[start..];
    let quote = usize::from(written.starts_with(['"', '\'']));
    let before = &base_url.value[..at];
    match written[quote..].starts_with(before) {
        true => Span::new(span.line, span.col + quote + before.chars().count()),
        false => span,
    }
}

/// Whether a problem of `site.yaml` (its `text`) among `diagnostics` is in
/// its item `key` at the top (or in a key read as it: a slip of it).
fn has_problems_in(text: &str, key: &str, diagnostics: &Diagnostics) -> bool {
    let items = crate::load::top_items(text);
    let is_key = |written: &str| written == key || crate::diag::key_meant(written, [key]).is_some();
    let Some(at) = (items.iter()).position(|item| item.key.as_deref().is_some_and(is_key)) else {
        return false;
    };
    let lines = items[at].line..items.get(at + 1).map_or(usize::MAX, |item| item.line);
    (diagnostics.iter()).any(|d| d.path == Path::new(PATH) && lines.contains(&d.span.line))
}

/// Reports each language of `texts` (a text per language) that is not one
/// of the site's, at its key, with the `foreign` message and the `hint`.
fn check_languages(
    codes: &[String],
    text: &str,
    texts: &Spanned<BTreeMap<String, Spanned<String>>>,
    foreign: impl Fn(&str) -> Message,
    hint: impl Fn(&str) -> Message,
    diagnostics: &mut Diagnostics,
) {
    for lang in texts.value.keys().filter(|l| !codes.contains(*l)) {
        // The mapping is placed at its first key; the language's key is
        // found from there.
        let span = key_span(text, yaml_span(texts, 0), lang);
        diagnostics.push(
            Diagnostic::error(PATH, span, foreign(lang))
                .with_hint(hint(lang))
                .with_source(text),
        );
    }
}

/// Checks `open_data`: required once the site has statistics (their
/// downloads carry its licence and publisher), with a licence aqparat
/// knows and the publisher's name in the default language (in the others
/// too, else a warning), against `codes` (all the site's, or, when not
/// `all`, some of them).
fn check_open_data(
    config: &RawConfig,
    text: &str,
    has_statistics: bool,
    (codes, all): (&[String], bool),
    diagnostics: &mut Diagnostics,
) {
    let Some(open_data) = &config.open_data else {
        // Written, and left out for its problems: those are the report.
        if has_statistics && !has_problems_in(text, "open_data", diagnostics) {
            let names: Vec<String> = codes.iter().map(|c| format!("{c}: …")).collect();
            let missing = msg!("open-data-missing");
            let hint = msg!("open-data-missing-hint", names = names.join(", "));
            // Written empty (`open_data: ~`): told where.
            let written = (crate::load::top_items(text).into_iter())
                .find(|item| item.key.as_deref() == Some("open_data"));
            diagnostics.push(match written {
                Some(item) => Diagnostic::error(PATH, Span::new(item.line, 1), missing)
                    .with_hint(hint)
                    .with_source(text),
                None => Diagnostic::error(PATH, Span::START, missing).with_hint(hint),
            });
        }
        return;
    };
    let error = |span, message: Message, hint: Message| {
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
            msg!(
                "open-data-licence",
                licence = licence.value.escape_debug().to_string(),
                guess = crate::diag::did_you_mean(&licence.value, known.clone())
            ),
            msg!(
                "open-data-licence-hint",
                list = known.collect::<Vec<_>>().join(", ")
            ),
        ));
    }
    // Against unusable codes (`RU`), every name would be one more error.
    if !are_usable(codes) {
        return;
    }
    let publisher = &open_data.publisher;
    let foreign = |lang: &str| msg!("open-data-publisher-lang", lang = lang);
    let hint = |lang: &str| msg!("open-data-publisher-lang-hint", lang = lang);
    if all {
        check_languages(codes, text, publisher, foreign, hint, diagnostics);
    }
    let default = &config.default_language.value;
    for code in codes {
        match publisher.value.get(code) {
            Some(name) if !name.value.trim().is_empty() => {
                let what = msg!("what-publisher", code = code);
                check_text(PATH, text, name, 0, what, diagnostics);
            }
            Some(name) => diagnostics.push(error(
                yaml_span(name, 0),
                msg!("open-data-publisher-empty", code = code),
                msg!("open-data-publisher-empty-hint"),
            )),
            // The default language's name stands in for a missing one.
            None if publisher.value.contains_key(default) => diagnostics.push(
                Diagnostic::warning(
                    PATH,
                    yaml_span(publisher, 0),
                    msg!("open-data-publisher-missing", code = code),
                )
                .with_hint(msg!(
                    "open-data-publisher-fallback-hint",
                    code = code,
                    default = default
                ))
                .with_source(text),
            ),
            None => diagnostics.push(error(
                yaml_span(publisher, 0),
                msg!("open-data-publisher-missing", code = code),
                msg!("open-data-publisher-missing-hint", code = code),
            )),
        }
    }
}

/// The warning for a site that asks for the search index (`search: true`,
/// or no `search`) from an aqparat built without the `search` feature: the
/// build goes on without the index, as with `search: false`. At `search`
/// when it is written, else at the file.
fn search_not_built(config: &RawConfig, text: &str) -> Diagnostic {
    let message = msg!("search-not-built");
    let hint = msg!("search-not-built-hint");
    match &config.search {
        Some(search) => Diagnostic::warning(PATH, yaml_span(search, 0), message).with_source(text),
        None => Diagnostic::warning(PATH, Span::START, message),
    }
    .with_hint(hint)
}

/// Whether `code` is a language code aqparat takes: two or three
/// lowercase ASCII letters (ISO 639), but for [`is_reserved_code`] and
/// the codes of countries (see [`language_of_country`]).
pub fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_lowercase())
        && !is_reserved_code(code)
        && language_of_country(code).is_none()
}

/// Countries' codes that people write for their language, and the
/// language's code: `kz` (Kazakhstan) for Kazakh, which is `kk`. None of
/// them is a language's code in ISO 639.
const COUNTRY_CODES: [(&str, &str); 5] = [
    ("kz", "kk"),
    ("ua", "uk"),
    ("cz", "cs"),
    ("gr", "el"),
    ("jp", "ja"),
];

/// The code of the language meant by `code` when it is a country's code
/// (`kk` for `kz`).
pub fn language_of_country(code: &str) -> Option<&'static str> {
    let found = COUNTRY_CODES.iter().find(|(country, _)| *country == code);
    found.map(|(_, language)| *language)
}

/// Whether `code` has the form of a language code but names the folder
/// of the preview cards, beside the languages' (`og`).
pub fn is_reserved_code(code: &str) -> bool {
    code == crate::render::CARDS_DIR
}

/// Where the key `key` is first written in `text` from `from` on (a key of
/// a map, whose parser keeps no place for its keys): at a line's start
/// after its indentation, or after `{` or `,`, followed by `:`; `from`
/// when it is not found.
fn key_span(text: &str, from: Span, key: &str) -> Span {
    let lines = text.lines().enumerate().skip(from.line.saturating_sub(1));
    for (index, line) in lines {
        for (at, _) in line.match_indices(key) {
            let before = line[..at].trim_end_matches([' ', '\t']);
            let after = line[at + key.len()..].trim_start_matches([' ', '\t']);
            let starts = before.is_empty() || before.ends_with(['{', ',']);
            // Quoted (`"kk": …`), the key's quotes are around it.
            let quoted = |q: char| {
                let before = before
                    .strip_suffix(q)
                    .map(|b| b.trim_end_matches([' ', '\t']));
                let after = after
                    .strip_prefix(q)
                    .map(|a| a.trim_start_matches([' ', '\t']));
                before.is_some_and(|b| b.is_empty() || b.ends_with(['{', ',']))
                    && after.is_some_and(|a| a.starts_with(':'))
            };
            if (starts && after.starts_with(':')) || quoted('"') || quoted('\'') {
                let col = line[..at].chars().count() + 1;
                return Span::new(index + 1, col);
            }
        }
    }
    from
}

/// The message and hint for `code`, which [`is_language_code`] refuses.
fn bad_language_code(code: &str) -> (Message, Message) {
    if let Some(language) = language_of_country(code) {
        return (
            msg!("language-code-country", code = code, lang = language),
            msg!("language-code-country-hint", code = code, lang = language),
        );
    }
    let message = match is_reserved_code(code) {
        true => msg!("language-code-reserved", code = code),
        false if code.is_empty() => msg!("config-empty-language-code"),
        false => msg!("config-bad-language-code", code = code),
    };
    (message, msg!("config-bad-language-code-hint"))
}

/// Whether `c` is a control character no text of the site may hold: C0
/// controls but the line break (a tab included: in a title or a UI string
/// it is invisible), DEL and the C1 controls. They make XML outputs (the
/// feeds, the sitemap) invalid and are invisible in an editor.
pub(super) fn is_forbidden(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r')
}

/// Whether `c` turns the text after it round: the bidirectional
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069;
/// U+202E before "txt.exe" shows "exe.txt"). The marks (U+200E, U+200F)
/// that place punctuation are not among them. No text shown on a page
/// may hold one.
pub fn reorders(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Reports a text value of a YAML file (`file_text`, whose YAML starts
/// `line_offset` lines in) that holds a control character or one that
/// [`reorders`] the text, at that character when it is written as it is
/// on the value's line, else at the value (`what` names the value in the
/// message); and one that a comment cut short (see
/// [`crate::load::cut_by_comment`]).
pub(super) fn check_text(
    path: impl AsRef<Path>,
    file_text: &str,
    value: &Spanned<String>,
    line_offset: usize,
    what: Message,
    diagnostics: &mut Diagnostics,
) {
    let at = yaml_span(value, line_offset);
    let lines = crate::diag::Lines::new(file_text, 0);
    let cut = crate::load::cut_by_comment(path.as_ref(), &lines, at, &value.value);
    diagnostics.extend(cut);
    forbidden_characters(
        path.as_ref(),
        file_text,
        at,
        &value.value,
        what,
        diagnostics,
    );
}

/// The errors for the characters `text`, a value of `what` written at `at`
/// in `file_text`, may not hold: the first that [`reorders`] the text, and
/// the first control character ([`is_forbidden`]), each where it is
/// written.
pub(super) fn forbidden_characters(
    path: &Path,
    file_text: &str,
    at: Span,
    text: &str,
    what: Message,
    diagnostics: &mut Diagnostics,
) {
    let turning = text.chars().find(|c| reorders(*c)).map(|c| (c, true));
    let control = text.chars().find(|c| is_forbidden(*c)).map(|c| (c, false));
    for (c, turns) in turning.into_iter().chain(control) {
        let code = format!("{:04X}", u32::from(c));
        let what = what.clone();
        let (message, hint) = match turns {
            true => (
                msg!("direction-control", what = what, code = code),
                msg!("direction-control-hint"),
            ),
            false => (
                msg!("control-character", what = what, code = code),
                msg!("control-character-hint"),
            ),
        };
        let at = character_span(file_text, at, c);
        let diagnostic = Diagnostic::error(path, at, message).with_hint(hint);
        diagnostics.push(diagnostic.with_source(file_text));
    }
}

/// Where `c` is first written on the line of a value written at `at` in
/// `file_text`, from the value on; `at` when it is not written there as
/// it is (an escape in double quotes, `"\u202E"`).
fn character_span(file_text: &str, at: Span, c: char) -> Span {
    file_text
        .lines()
        .nth(at.line - 1)
        .and_then(|line| {
            line.chars()
                .enumerate()
                .skip(at.col - 1)
                .find(|(_, x)| *x == c)
        })
        .map_or(at, |(col, _)| Span::new(at.line, col + 1))
}
