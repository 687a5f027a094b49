//! Checks on `site.yaml`.

use crate::diag::Diagnostic;
use crate::load::RawConfig;
use crate::load::yaml_span;

const PATH: &str = "site.yaml";

/// The site's language codes, in the order of `site.yaml`.
pub fn language_codes(config: &RawConfig) -> Vec<String> {
    config.languages.value.keys().cloned().collect()
}

/// Checks the address, the languages and the default language.
pub fn check(config: &RawConfig, text: &str, diagnostics: &mut Vec<Diagnostic>) {
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
        for lang in notice
            .value
            .keys()
            .filter(|l| !languages.value.contains_key(*l))
        {
            diagnostics.push(error(
                yaml_span(notice, 0),
                format!("the notice has text in `{lang}`, which is not one of the languages"),
                "write the notice in the languages listed under `languages`",
            ));
        }
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

fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}
