//! Checks on the theme's UI strings: every language of the site has them,
//! each language has the keys the others have (taking every layer of the
//! theme together: the built-in theme, a theme on disk, the site's own
//! `i18n/`), and every plural form that the language needs.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, Span, closest, did_you_mean, display_path, guess};
use crate::load::{BUILT_IN_DIR, I18N_DIR, RawI18n, RawTheme, UiString, yaml_span};
use crate::locale::LocaleFormat;
use crate::messages::Message;
use crate::msg;

/// Checks the theme's UI strings files against the site's languages.
pub fn check(theme: &RawTheme, languages: &[String], diagnostics: &mut Diagnostics) {
    if theme.is_missing {
        // Reported once by `load`; a missing file per language would repeat it.
        return;
    }
    let placeholders = theme_placeholders(theme);
    // Each language's files, lowest layer first.
    let mut layered: Vec<Vec<&RawI18n>> = Vec::new();
    for lang in languages {
        let files: Vec<&RawI18n> = theme.i18n.iter().filter(|f| &f.lang == lang).collect();
        if files.is_empty() {
            // The site's own strings file: the one layer that is the site's
            // whatever its theme.
            let path = Path::new(I18N_DIR).join(format!("{lang}.yaml"));
            diagnostics.push(
                Diagnostic::error(&path, Span::START, msg!("i18n-missing-lang", lang = lang))
                    .with_hint(msg!("i18n-missing-lang-hint", path = display_path(&path))),
            );
            continue;
        }
        for file in &files {
            check_controls(file, diagnostics);
            check_plural_forms(file, diagnostics);
            check_placeholders(file, &placeholders, diagnostics);
        }
        layered.push(files);
    }
    let mut typos = report_unknown_keys(theme, &layered, diagnostics);
    let meant = report_slips(&layered, &mut typos, diagnostics);
    for files in &layered {
        for other in &layered {
            report_missing_keys(&theme.dir, files, other, (&typos, &meant), diagnostics);
        }
    }
}

/// Keys of one language that no other has and that are slips of a key
/// every other language has (`contnts` in `ru.yaml`, where the others
/// have `contents`): reported at the key, with the key meant. Each is
/// added to `typos`, so that no other language is told it lacks it;
/// returned are the languages and keys meant, which those languages are
/// not told they lack either (renaming the slip adds it).
fn report_slips<'a>(
    layered: &[Vec<&'a RawI18n>],
    typos: &mut HashSet<&'a str>,
    diagnostics: &mut Diagnostics,
) -> HashSet<(&'a str, &'a str)> {
    let keys_of = |files: &[&'a RawI18n]| -> BTreeSet<&'a str> {
        (files.iter())
            .flat_map(|f| f.strings.keys().map(|k| k.value.as_str()))
            .collect()
    };
    let keys: Vec<BTreeSet<&str>> = layered.iter().map(|files| keys_of(files)).collect();
    let mut meant_keys = HashSet::new();
    for (i, files) in layered.iter().enumerate() {
        let others = || keys.iter().enumerate().filter(move |(j, _)| *j != i);
        let shared: BTreeSet<&str> = (others().flat_map(|(_, k)| k.iter().copied()))
            .filter(|key| others().all(|(_, k)| k.contains(key)))
            .collect();
        for file in files {
            for key in file.strings.keys() {
                let name = key.value.as_str();
                if typos.contains(name) || others().any(|(_, k)| k.contains(name)) {
                    continue;
                }
                let Some(meant) = closest(name, shared.iter().copied()) else {
                    continue;
                };
                typos.insert(name);
                meant_keys.insert((file.lang.as_str(), meant));
                diagnostics.push(
                    Diagnostic::error(
                        &file.path,
                        yaml_span(key, 0),
                        msg!("i18n-slip-key", key = name, guess = guess(Some(meant))),
                    )
                    .with_hint(msg!("i18n-slip-key-hint", key = name, meant = meant))
                    .with_source(&file.text),
                );
            }
        }
    }
    meant_keys
}

/// Keys of the site's own UI strings (`i18n/`) that are slips of the
/// theme's (`last_updatd`): a key that no layer of the theme has, that
/// another language of the site lacks or no template names, and that is a
/// slip of a key of the theme. Reported at the key, with the key meant;
/// returned, so that no language is told it lacks them. (A key of the
/// site's own that is no slip of the theme's is one of its own
/// templates', and must be in every language.)
fn report_unknown_keys<'a>(
    theme: &'a RawTheme,
    layered: &[Vec<&'a RawI18n>],
    diagnostics: &mut Diagnostics,
) -> HashSet<&'a str> {
    let theme_keys: BTreeSet<&str> = (theme.i18n.iter())
        .filter(|f| !is_sites_own(f))
        .flat_map(|f| f.strings.keys().map(|k| k.value.as_str()))
        .collect();
    let has = |files: &[&RawI18n], key: &str| {
        (files.iter()).any(|f| f.strings.keys().any(|k| k.value == key))
    };
    // A key every language has is one of the site's own templates', when
    // one of them names it (or names strings in a way that may be it).
    let named = &theme.template_uses.ui_strings;
    let is_named = |key: &str| named.contains("*") || named.contains(key);
    let mut typos = HashSet::new();
    for files in layered {
        for file in files.iter().filter(|f| is_sites_own(f)) {
            for key in file.strings.keys() {
                let key_name = key.value.as_str();
                let is_own = is_named(key_name) && layered.iter().all(|o| has(o, key_name));
                if theme_keys.contains(key_name) || is_own {
                    continue;
                }
                let Some(meant) = closest(key_name, theme_keys.iter().copied()) else {
                    continue;
                };
                typos.insert(key_name);
                diagnostics.push(
                    Diagnostic::error(
                        &file.path,
                        yaml_span(key, 0),
                        msg!(
                            "i18n-unknown-key",
                            key = key_name,
                            guess = guess(Some(meant))
                        ),
                    )
                    .with_hint(msg!("i18n-unknown-key-hint", meant = meant))
                    .with_source(&file.text),
                );
            }
        }
    }
    typos
}

/// Keys of the language of `other` (its files, lowest layer first) that
/// the language of `files` lacks in all of its files, but `typos` and the
/// keys `meant` by a slip in that language (both already reported);
/// reported at its highest layer's file, or, when that is built in, at
/// the file of the site's overrides (in `dir`) to add them to.
fn report_missing_keys(
    dir: &Path,
    files: &[&RawI18n],
    other: &[&RawI18n],
    (typos, meant): (&HashSet<&str>, &HashSet<(&str, &str)>),
    diagnostics: &mut Diagnostics,
) {
    let Some(top) = files.last() else {
        return;
    };
    let path = match top.path.starts_with(BUILT_IN_DIR) {
        true => dir.join(I18N_DIR).join(format!("{}.yaml", top.lang)),
        false => top.path.clone(),
    };
    let has = |key: &str| {
        files
            .iter()
            .any(|f| f.strings.keys().any(|k| k.value == key))
    };
    let mut reported = HashSet::new();
    for file in other.iter().rev() {
        for key in file.strings.keys() {
            if has(&key.value)
                || typos.contains(key.value.as_str())
                || meant.contains(&(top.lang.as_str(), key.value.as_str()))
                || !reported.insert(key.value.as_str())
            {
                continue;
            }
            let there = yaml_span(key, 0);
            diagnostics.push(
                Diagnostic::error(
                    &path,
                    Span::START,
                    msg!("i18n-missing-key", key = &key.value, lang = &top.lang),
                )
                .with_hint(msg!(
                    "i18n-missing-key-hint",
                    key = &key.value,
                    path = display_path(&path),
                    there = display_path(Path::new(&file.path)),
                    line = there.line.to_string()
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
                        msg!("i18n-missing-form", key = &key.value, category = *category),
                    )
                    .with_hint(msg!(
                        "i18n-missing-form-hint",
                        lang = &file.lang,
                        forms = needed.join(", ")
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
                        msg!("i18n-unknown-form", key = &key.value, category = category),
                    )
                    .with_hint(msg!(
                        "i18n-unknown-form-hint",
                        lang = &file.lang,
                        forms = needed.join(", ")
                    )),
                );
            }
        }
    }
}

/// No UI string may hold a control character (see
/// [`super::config::is_forbidden`]), nor one that turns the text round
/// (see [`super::config::reorders`]); reported at the string.
fn check_controls(file: &RawI18n, diagnostics: &mut Diagnostics) {
    for (key, value) in &file.strings {
        let texts: Vec<(Message, &String)> = match value {
            UiString::Text(text) => vec![(msg!("what-ui-string", key = &key.value), text)],
            UiString::Plural(forms) => forms
                .iter()
                .map(|(form, text)| (msg!("what-ui-form", form = form, key = &key.value), text))
                .collect(),
        };
        for (what, value) in texts {
            super::config::forbidden_characters(
                &file.path,
                &file.text,
                yaml_span(key, 0),
                value,
                what,
                diagnostics,
            );
        }
    }
}

/// The placeholders (`{date}`) each UI string of the theme (built in, or
/// on disk) holds, in any language: what aqparat and the theme's
/// templates replace.
fn theme_placeholders(theme: &RawTheme) -> HashMap<&str, BTreeSet<&str>> {
    let mut known: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for file in theme.i18n.iter().filter(|f| !is_sites_own(f)) {
        for (key, value) in &file.strings {
            let names = texts_of(value).flat_map(|text| placeholders(text));
            known.entry(&key.value).or_default().extend(names);
        }
    }
    known
}

/// Whether `file` is one of the site's own UI strings (`i18n/`), which
/// lie over the theme's.
fn is_sites_own(file: &RawI18n) -> bool {
    file.path.starts_with(I18N_DIR)
}

/// A placeholder that no one replaces (`{data}` for `{date}`) would be
/// shown on the pages as written: an error at it, in the site's own UI
/// strings, for the strings of its theme (`known`: a theme's templates
/// may replace placeholders of their own).
fn check_placeholders(
    file: &RawI18n,
    known: &HashMap<&str, BTreeSet<&str>>,
    diagnostics: &mut Diagnostics,
) {
    if !is_sites_own(file) {
        return;
    }
    for (key, value) in &file.strings {
        let Some(allowed) = known.get(key.value.as_str()) else {
            continue;
        };
        let unknown = texts_of(value).flat_map(|text| placeholders(text));
        for name in unknown.filter(|name| !allowed.contains(name)) {
            let braced = |name: &str| format!("{{{name}}}");
            let written = braced(name);
            // At the placeholder, found from the key's line on.
            let key_line = yaml_span(key, 0).line;
            let line_start: usize = (file.text.split_inclusive('\n'))
                .take(key_line.saturating_sub(1))
                .map(str::len)
                .sum();
            let span = match file.text.get(line_start..).and_then(|t| t.find(&written)) {
                Some(at) => Span::at_offset(&file.text, line_start + at, 0),
                None => yaml_span(key, 0),
            };
            let listed: Vec<String> = allowed.iter().map(|name| braced(name)).collect();
            let hint = match listed.is_empty() {
                true => msg!("i18n-no-placeholder-hint", key = &key.value),
                false => msg!(
                    "i18n-placeholder-hint",
                    key = &key.value,
                    known = format!("`{}`", listed.join("`, `"))
                ),
            };
            let guess = did_you_mean(&written, listed.iter().map(String::as_str));
            diagnostics.push(
                Diagnostic::error(
                    &file.path,
                    span,
                    msg!(
                        "i18n-unknown-placeholder",
                        key = &key.value,
                        placeholder = written.as_str(),
                        guess = guess
                    ),
                )
                .with_hint(hint)
                .with_source(&file.text),
            );
        }
    }
}

/// The texts of a UI string: itself, or each of its plural forms.
fn texts_of(value: &UiString) -> Box<dyn Iterator<Item = &String> + '_> {
    match value {
        UiString::Text(text) => Box::new(std::iter::once(text)),
        UiString::Plural(forms) => Box::new(forms.values()),
    }
}

/// The names of the placeholders in `text`: a lower-case word, digits or
/// `_` between braces (`{date}` gives `date`).
fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|after| {
        let name = &after[..after.find('}')?];
        let is_name = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_';
        (!name.is_empty() && name.chars().all(is_name)).then_some(name)
    })
}
