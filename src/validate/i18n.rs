//! Checks on the theme's UI strings: one file per language, the same keys in
//! each, and every plural form that the language needs.

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, Span, display_path};
use crate::load::{RawI18n, RawTheme, UiString, yaml_span};
use crate::locale::LocaleFormat;

/// Checks `themes/NAME/i18n/*.yaml` against the site's languages.
pub fn check(theme: &RawTheme, languages: &[String], diagnostics: &mut Diagnostics) {
    if theme.is_missing {
        // Reported once by `load`; a missing file per language would repeat it.
        return;
    }
    let files: Vec<&RawI18n> = languages
        .iter()
        .filter_map(|lang| {
            let file = theme.i18n.iter().find(|f| &f.lang == lang);
            if file.is_none() {
                let path = theme.dir.join("i18n").join(format!("{lang}.yaml"));
                diagnostics.push(
                    Diagnostic::error(
                        &path,
                        Span::START,
                        format!("no UI strings for language `{lang}`"),
                    )
                    .with_hint(format!(
                        "create {} with the same keys as the other languages",
                        display_path(&path)
                    )),
                );
            }
            file
        })
        .collect();
    for file in &files {
        check_controls(file, diagnostics);
        check_plural_forms(file, diagnostics);
        for other in &files {
            report_missing_keys(file, other, diagnostics);
        }
    }
}

/// Keys of `other` that `file` lacks.
fn report_missing_keys(file: &RawI18n, other: &RawI18n, diagnostics: &mut Diagnostics) {
    for key in other.strings.keys() {
        if !file.strings.keys().any(|k| k.value == key.value) {
            let there = yaml_span(key, 0);
            diagnostics.push(
                Diagnostic::error(
                    &file.path,
                    Span::START,
                    format!(
                        "UI string `{}` is missing in language `{}`",
                        key.value, file.lang
                    ),
                )
                .with_hint(format!(
                    "add `{}:` to this file; {}:{} has it",
                    key.value,
                    display_path(Path::new(&other.path)),
                    there.line
                )),
            );
        }
    }
}

/// Plural strings must have every category the language distinguishes, and
/// no category it does not know.
fn check_plural_forms(file: &RawI18n, diagnostics: &mut Diagnostics) {
    let needed = LocaleFormat::new(&file.lang).plural_categories();
    for (key, value) in &file.strings {
        let UiString::Plural(forms) = value else {
            continue;
        };
        let span = yaml_span(key, 0);
        for category in &needed {
            if !forms.contains_key(*category) {
                diagnostics.push(
                    Diagnostic::error(
                        &file.path,
                        span,
                        format!(
                            "UI string `{}` lacks the plural form `{category}`",
                            key.value
                        ),
                    )
                    .with_hint(format!(
                        "language `{}` needs the forms {}",
                        file.lang,
                        needed.join(", ")
                    )),
                );
            }
        }
        for category in forms.keys() {
            if !needed.contains(&category.as_str()) {
                diagnostics.push(
                    Diagnostic::error(
                        &file.path,
                        span,
                        format!(
                            "UI string `{}` has an unknown plural form `{category}`",
                            key.value
                        ),
                    )
                    .with_hint(format!(
                        "language `{}` uses only the forms {}",
                        file.lang,
                        needed.join(", ")
                    )),
                );
            }
        }
    }
}

/// No UI string may hold a control character (see
/// [`super::config::is_forbidden`]); reported at the string.
fn check_controls(file: &RawI18n, diagnostics: &mut Diagnostics) {
    for (key, value) in &file.strings {
        let texts: Vec<(String, &String)> = match value {
            UiString::Text(text) => vec![(format!("UI string `{}`", key.value), text)],
            UiString::Plural(forms) => forms
                .iter()
                .map(|(form, text)| {
                    (
                        format!("the form `{form}` of UI string `{}`", key.value),
                        text,
                    )
                })
                .collect(),
        };
        for (what, value) in texts {
            if let Some(c) = value.chars().find(|c| super::config::is_forbidden(*c)) {
                diagnostics.push(super::config::control_character(
                    &file.path,
                    &file.text,
                    yaml_span(key, 0),
                    c,
                    &what,
                ));
            }
        }
    }
}
