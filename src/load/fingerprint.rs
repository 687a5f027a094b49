//! Fingerprints of input files, so that a later build (of a `serve` or
//! `watch` session, or a `build` starting from the render cache) can tell
//! what changed since the last one.
//!
//! A file's *stamp* hashes its path, inode, size, and modification and
//! change times: a file put back with an old modification time (`cp -p`,
//! `tar x`, `rsync -t`) has a new change time. A template's fingerprint
//! also covers the templates it extends or includes.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use super::files;

/// What the whole site's output depends on, in a few numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fingerprints {
    /// `site.yaml`, the UI strings, fonts and static files: a change
    /// re-renders everything.
    pub site: u64,
    /// Each template with the templates it extends or includes.
    pub templates: BTreeMap<String, u64>,
    /// Everything under `data/` (the infographics depend on it).
    pub data: u64,
    /// The statistics, `data/aid/`: pages with figures depend on them.
    pub aid: u64,
    /// Every other data file by stem: pages depend on those their
    /// templates read.
    pub free_data: BTreeMap<String, u64>,
    /// What the templates use that Tera's analysis does not tell.
    pub template_uses: TemplateUses,
}

/// What the theme's templates use that Tera's analysis of the names each
/// template reads (see `render::reads`) does not tell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TemplateUses {
    /// What they read of `data`, for those that read it at all: the stem
    /// of each `data.<stem>`, and `*` for any other use of the name
    /// (`[data, 1]`, `m::f(d=data)`, `data` at the end of a line…), which
    /// counts as reading every data file. An HTML attribute such as
    /// `data-unit` is not the name.
    pub data: BTreeSet<String>,
    /// The names they assign with `set` or `set_global`: Tera counts a
    /// name set anywhere before its use as the template's own, even in a
    /// branch not taken, so these count as read by every template.
    pub assigned: BTreeSet<String>,
    /// Whether one reads its whole context (`__tera_context`).
    pub whole_context: bool,
    /// The keys of the UI strings they name, `i18n.<key>` and
    /// `t(key="<key>"…)`, and `*` for any other use of `i18n` or `t`
    /// (`i18n[name]`, `t(key=name)`, `i18n` given whole), which may read
    /// any string.
    pub ui_strings: BTreeSet<String>,
}

/// What the templates `texts` use; see [`TemplateUses`].
pub fn template_uses(texts: &BTreeMap<String, String>) -> TemplateUses {
    let is_name_char = |c: char| c.is_alphanumeric() || c == '_';
    let mut uses = TemplateUses::default();
    for text in texts.values() {
        uses.whole_context |= text.contains("__tera_context");
        for tag in text.split("{%").skip(1) {
            let tag = tag.trim_start_matches(['-', '+']).trim_start();
            let Some(rest) = tag
                .strip_prefix("set_global")
                .or_else(|| tag.strip_prefix("set"))
                .filter(|rest| rest.starts_with(char::is_whitespace))
            else {
                continue;
            };
            let name: String = rest
                .trim_start()
                .chars()
                .take_while(|c| is_name_char(*c))
                .collect();
            if !name.is_empty() {
                uses.assigned.insert(name);
            }
        }
        for (i, _) in text.match_indices("data") {
            let before = text[..i].chars().next_back();
            let rest = &text[i + "data".len()..];
            // Part of a longer name (`metadata`, `page.data`, `data_x`) or an
            // HTML attribute (`data-unit`).
            let attribute = rest
                .strip_prefix('-')
                .is_some_and(|r| r.starts_with(char::is_alphabetic));
            if before.is_some_and(|c| is_name_char(c) || c == '.')
                || rest.starts_with(is_name_char)
                || attribute
            {
                continue;
            }
            let stem: String = rest
                .strip_prefix('.')
                .map(|field| field.chars().take_while(|c| is_name_char(*c)).collect())
                .unwrap_or_default();
            uses.data.insert(if stem.is_empty() {
                "*".to_string()
            } else {
                stem
            });
        }
        ui_strings(text, &mut uses.ui_strings);
    }
    uses
}

/// Adds the keys of the UI strings `text` names to `keys` (see
/// [`TemplateUses::ui_strings`]).
fn ui_strings(text: &str, keys: &mut BTreeSet<String>) {
    let is_name_char = |c: char| c.is_alphanumeric() || c == '_';
    let name = |rest: &str| -> String { rest.chars().take_while(|c| is_name_char(*c)).collect() };
    // Where `word` stands as a name of its own: not part of a longer one
    // (`my_i18n`, `page.t(`).
    let at = |word: &'static str| {
        text.match_indices(word).filter_map(move |(i, _)| {
            let before = text[..i].chars().next_back();
            let rest = &text[i + word.len()..];
            let own = !before.is_some_and(|c| is_name_char(c) || c == '.');
            own.then_some(rest)
        })
    };
    for rest in at("i18n").filter(|rest| !rest.starts_with(is_name_char)) {
        let key = rest.strip_prefix('.').map(name).unwrap_or_default();
        keys.insert(if key.is_empty() { "*".to_string() } else { key });
    }
    for rest in at("t(") {
        let arguments = &rest[..call_end(rest)];
        // Without a `key`, no call of `t` (`don't(`, in text).
        let Some(key) = arguments.split(',').find_map(|argument| {
            let value = argument.trim().strip_prefix("key")?.trim_start();
            value.strip_prefix('=').map(str::trim)
        }) else {
            continue;
        };
        // A key written as one literal, else any key.
        let quote = key.chars().next().filter(|c| "\"'`".contains(*c));
        let literal = quote.and_then(|quote| {
            let inner = key[1..].strip_suffix(quote)?;
            (!inner.contains(quote)).then(|| inner.to_string())
        });
        keys.insert(literal.unwrap_or_else(|| "*".to_string()));
    }
}

/// Where the call whose arguments `rest` starts with ends: at its `)`,
/// past the parentheses and quoted texts within (`count=(n + 1)`).
fn call_end(rest: &str) -> usize {
    let mut depth = 0usize;
    let mut quote = None;
    for (i, c) in rest.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') if depth == 0 => return i,
            (None, ')') => depth -= 1,
            _ => {}
        }
    }
    rest.len()
}

/// The stamp of one file: path, inode, size, modification and change
/// times.
pub fn stamp(root: &Path, rel: &Path) -> u64 {
    stamp_of(rel, std::fs::metadata(root.join(rel)).ok().as_ref())
}

/// The stamp of the file at `rel`, of which the file system says `found`
/// (nothing when it is not there).
pub fn stamp_of(rel: &Path, found: Option<&std::fs::Metadata>) -> u64 {
    use std::os::unix::fs::MetadataExt;
    let mut hasher = DefaultHasher::new();
    rel.hash(&mut hasher);
    if let Some(found) = found {
        (found.ino(), found.len()).hash(&mut hasher);
        (found.mtime(), found.mtime_nsec()).hash(&mut hasher);
        (found.ctime(), found.ctime_nsec()).hash(&mut hasher);
    }
    hasher.finish()
}

/// The stamps of every file under the folders `dirs`, and of `files`.
pub fn tree(root: &Path, dirs: &[&Path], files: &[&Path]) -> u64 {
    let mut hasher = DefaultHasher::new();
    for dir in dirs {
        for rel in files::list(root, dir) {
            stamp(root, &rel).hash(&mut hasher);
        }
    }
    for file in files {
        stamp(root, file).hash(&mut hasher);
    }
    hasher.finish()
}

/// One fingerprint of several.
pub fn combined(parts: &[u64]) -> u64 {
    let mut hasher = DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}

/// Each template's fingerprint: its text, and the texts of the templates it
/// extends, includes or imports, all the way up, and of every template that
/// defines a component (Tera's components are global: a call does not
/// name the template that defines it).
pub fn templates(sources: &BTreeMap<String, String>) -> BTreeMap<String, u64> {
    let defining_components: Vec<&str> = (sources.iter())
        .filter(|(_, text)| tags(text).any(|tag| keyword(tag, "component").is_some()))
        .map(|(name, _)| name.as_str())
        .collect();
    sources
        .keys()
        .map(|name| {
            let mut hasher = DefaultHasher::new();
            let mut seen = vec![name.as_str()];
            seen.extend(defining_components.iter().filter(|d| **d != name.as_str()));
            let mut next = 0;
            while let Some(current) = seen.get(next).copied() {
                if let Some(text) = sources.get(current) {
                    text.hash(&mut hasher);
                    for used in referenced_templates(text) {
                        if !seen.contains(&used) {
                            seen.push(used);
                        }
                    }
                }
                next += 1;
            }
            (name.clone(), hasher.finish())
        })
        .collect()
}

/// The text of each `{% … %}` tag of `text`, from its keyword on.
fn tags(text: &str) -> impl Iterator<Item = &str> {
    (text.split("{%").skip(1)).map(|tag| tag.trim_start().trim_start_matches('-').trim_start())
}

/// What follows the keyword `word` that `tag` starts with, if it does.
fn keyword<'t>(tag: &'t str, word: &str) -> Option<&'t str> {
    let rest = tag.strip_prefix(word)?;
    rest.starts_with(|c: char| c.is_whitespace() || c == '"' || c == '\'')
        .then_some(rest)
}

/// The names in `{% extends "…" %}`, `{% include "…" %}` and
/// `{% import "…" %}`.
fn referenced_templates(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for tag in tags(text) {
        let Some(rest) = ["extends", "include", "import"]
            .iter()
            .find_map(|k| keyword(tag, k))
        else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if let Some(end) = rest[1..].find(quote) {
            names.push(&rest[1..1 + end]);
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_reading_data_are_found() {
        let texts = BTreeMap::from([
            (
                "a.html".to_string(),
                "{{ data.hotline.label }} {{ data.aid.counts }} data-unit=\"x\"".to_string(),
            ),
            (
                "b.html".to_string(),
                "{% for x in metadata.list %}".to_string(),
            ),
        ]);
        let stems: Vec<String> = template_uses(&texts).data.into_iter().collect();
        assert_eq!(stems, ["aid", "hotline"]);
        for every_form in [
            "{{ data[name] }}",
            "{% set both = [data, 1] %}",
            "{{ m::table(rows=data) }}",
            "{% set all = data\n%}",
            "{{ data }}",
            "{{ f(data) }}",
            "{% set x = data.%}",
        ] {
            let texts = BTreeMap::from([("c.html".to_string(), every_form.to_string())]);
            assert!(template_uses(&texts).data.contains("*"), "{every_form:?}");
        }
    }

    #[test]
    fn the_ui_strings_templates_name_are_found() {
        let uses = |text: &str| {
            let texts = BTreeMap::from([("a.html".to_string(), text.to_string())]);
            template_uses(&texts)
                .ui_strings
                .into_iter()
                .collect::<Vec<_>>()
        };
        assert_eq!(
            uses(
                "{{ i18n.last_updated }} {{ t(key=\"pages_count\", count=n) }} {{ t(count=1, key='a b') }} {{ my_i18n.x }} {{ split(x) }} {{ t(count=(1 + f(x)), key=\"c(\") }}"
            ),
            ["a b", "c(", "last_updated", "pages_count"]
        );
        for any in [
            "{{ i18n[name] }}",
            "{{ m::f(s=i18n) }}",
            "{{ t(key=name) }}",
            "{{ t(key=\"a_\" ~ b) }}",
            "{{ i18n. }}",
        ] {
            assert_eq!(uses(any), ["*"], "{any}");
        }
    }

    #[test]
    fn a_template_covers_what_it_extends() {
        let mut sources = BTreeMap::from([
            (
                "base.html".to_string(),
                "<html>{% block c %}{% endblock c %}".to_string(),
            ),
            (
                "page.html".to_string(),
                "{% extends \"base.html\" %}{% include 'part.html' %}".to_string(),
            ),
            ("part.html".to_string(), "part".to_string()),
            ("other.html".to_string(), "other".to_string()),
        ]);
        let before = templates(&sources);
        sources.insert(
            "base.html".into(),
            "<html lang>{% block c %}{% endblock c %}".into(),
        );
        let after = templates(&sources);
        assert_ne!(before["page.html"], after["page.html"]);
        assert_ne!(before["base.html"], after["base.html"]);
        assert_eq!(before["other.html"], after["other.html"]);
        assert_eq!(before["part.html"], after["part.html"]);
    }

    #[test]
    fn a_template_covers_the_components_it_may_call() {
        let mut sources = BTreeMap::from([
            (
                "components.html".to_string(),
                "{%- component Badge(label) %}1 {{ label }}{% endcomponent Badge %}".to_string(),
            ),
            (
                "page.html".to_string(),
                "{{ <Badge label=\"a\" /> }}".to_string(),
            ),
            (
                "other.html".to_string(),
                "{% include \"part.html\" %}".to_string(),
            ),
            ("part.html".to_string(), "part".to_string()),
        ]);
        let before = templates(&sources);
        sources.insert(
            "components.html".into(),
            "{% component Badge(label) %}2 {{ label }}{% endcomponent Badge %}".into(),
        );
        let after = templates(&sources);
        assert_ne!(before["page.html"], after["page.html"]);
        assert_ne!(before["other.html"], after["other.html"]);
        sources.insert("part.html".into(), "part, edited".into());
        let edited = templates(&sources);
        assert_ne!(after["other.html"], edited["other.html"]);
        assert_eq!(after["page.html"], edited["page.html"]);
    }
}
