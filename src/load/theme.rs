//! The theme: Tera templates (parsed once, here), UI strings per language
//! and static files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;
use tera::{ErrorKind, Tera};

use super::files::{self, StaticFile, read_text};
use super::yaml::{self, Spanned};
use crate::diag::{Diagnostic, Span};

/// A theme as loaded: templates already parsed.
pub struct RawTheme {
    /// The theme's folder relative to the root (`themes/default`).
    pub dir: PathBuf,
    /// All templates, parsed, inheritance resolved.
    pub tera: Tera,
    /// Template name to file path, for diagnostics.
    pub template_paths: BTreeMap<String, PathBuf>,
    /// Each template's fingerprint (with what it extends or includes).
    pub template_fingerprints: BTreeMap<String, u64>,
    /// The data files templates read (see `fingerprint::template_data`).
    pub template_data: std::collections::BTreeSet<String>,
    /// UI strings, one file per language.
    pub i18n: Vec<RawI18n>,
    /// The theme's `static/` files.
    pub static_files: Vec<StaticFile>,
    /// Font files in the theme's `fonts/`, for drawing chart cards.
    pub fonts: Vec<PathBuf>,
}

/// One language's UI strings file, `i18n/LANG.yaml`.
#[derive(Debug)]
pub struct RawI18n {
    /// The language code (the file stem).
    pub lang: String,
    /// Path relative to the root.
    pub path: PathBuf,
    /// Strings by key, with the key's position.
    pub strings: IndexMap<Spanned<String>, UiString>,
}

/// A UI string: plain text, or forms per CLDR plural category (`one`, `few`,
/// `many`, `other`) for strings that take a count.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum UiString {
    /// Text used as it is.
    Text(String),
    /// Text per plural category; `{count}` is replaced by the number.
    Plural(BTreeMap<String, String>),
}

/// Loads `themes/NAME`.
pub fn load(root: &Path, name: &str, diagnostics: &mut Vec<Diagnostic>) -> RawTheme {
    let dir = Path::new("themes").join(name);
    if !root.join(&dir).is_dir() {
        diagnostics.push(
            Diagnostic::error(
                "site.yaml",
                Span::START,
                format!("theme `{name}` not found"),
            )
            .with_hint(format!(
                "create {}/ or set `theme:` to an existing folder under themes/",
                dir.display()
            )),
        );
    }
    let templates_dir = dir.join("templates");
    let (tera, template_paths, template_fingerprints, template_data) =
        load_templates(root, &templates_dir, diagnostics);
    RawTheme {
        i18n: load_i18n(root, &dir.join("i18n"), diagnostics),
        static_files: files::static_files(root, &dir.join("static")),
        fonts: files::list(root, &dir.join("fonts"))
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e == "ttf" || e == "otf"))
            .map(|f| root.join(f))
            .collect(),
        dir,
        tera,
        template_paths,
        template_fingerprints,
        template_data,
    }
}

/// Parses every template. Each one is first parsed on its own so that every
/// syntax error is reported, not just the first.
fn load_templates(
    root: &Path,
    templates_dir: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> (
    Tera,
    BTreeMap<String, PathBuf>,
    BTreeMap<String, u64>,
    std::collections::BTreeSet<String>,
) {
    let mut sources = Vec::new();
    let mut paths = BTreeMap::new();
    for rel in files::list(root, templates_dir) {
        let name = rel
            .strip_prefix(templates_dir)
            .unwrap_or(&rel)
            .to_string_lossy()
            .replace('\\', "/");
        match read_text(root, &rel) {
            Ok(text) => {
                let mut alone = Tera::new();
                crate::render::declare_functions(&mut alone);
                match alone.add_raw_template(&name, &text) {
                    Err(e) if !matches!(e.kind(), ErrorKind::MissingParent { .. }) => {
                        diagnostics.extend(template_errors(&e, &name, &rel, &text));
                    }
                    _ => sources.push((name.clone(), text)),
                }
                paths.insert(name, rel);
            }
            Err(d) => diagnostics.push(d),
        }
    }
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    crate::render::declare_functions(&mut tera);
    if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str()))) {
        diagnostics.extend(tera_error_diagnostics(&e, &paths));
    }
    let texts: BTreeMap<String, String> = sources.into_iter().collect();
    let fingerprints = super::fingerprint::templates(&texts);
    (
        tera,
        paths,
        fingerprints,
        super::fingerprint::template_data(&texts),
    )
}

/// Diagnostics for a Tera error: one for an error with a position, one per
/// report for Tera's combined reports (unknown functions, filters, blocks),
/// and one at the first template otherwise.
pub fn tera_error_diagnostics(
    error: &tera::Error,
    paths: &BTreeMap<String, PathBuf>,
) -> Vec<Diagnostic> {
    if let Some(d) = tera_error_diagnostic(error, paths) {
        return vec![d];
    }
    let message = error.to_string();
    let reports: Vec<Diagnostic> = message
        .split("\n\n")
        .filter_map(|report| report_diagnostic(report, paths))
        .collect();
    if !reports.is_empty() {
        return reports;
    }
    let path = paths
        .values()
        .next()
        .cloned()
        .unwrap_or_else(|| PathBuf::from("themes"));
    vec![
        Diagnostic::error(path, Span::START, message)
            .with_hint("check the templates' `extends` and `include` names"),
    ]
}

/// Reads one of Tera's text reports, `error: MESSAGE\n --> NAME:LINE:COL…`.
fn report_diagnostic(report: &str, paths: &BTreeMap<String, PathBuf>) -> Option<Diagnostic> {
    let message = report
        .trim_start()
        .strip_prefix("error: ")?
        .lines()
        .next()?;
    let location = report
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))?;
    let mut parts = location.rsplitn(3, ':');
    let col: usize = parts.next()?.trim().parse().ok()?;
    let line: usize = parts.next()?.trim().parse().ok()?;
    let name = parts.next()?;
    let path = paths
        .get(name)
        .cloned()
        .unwrap_or_else(|| PathBuf::from(name));
    Some(
        Diagnostic::error(
            path,
            Span::new(line, col),
            format!("template error: {message}"),
        )
        .with_hint(template_hint(message)),
    )
}

/// A diagnostic for a Tera error that carries a position in a template.
pub fn tera_error_diagnostic(
    error: &tera::Error,
    paths: &BTreeMap<String, PathBuf>,
) -> Option<Diagnostic> {
    let (report, kind) = match error.kind() {
        ErrorKind::SyntaxError(r) => (r, "template syntax error"),
        ErrorKind::RenderingError(r) => (r, "template error"),
        ErrorKind::MissingParent { current, parent } => {
            let path = paths.get(current)?;
            return Some(
                Diagnostic::error(
                    path,
                    Span::START,
                    format!("`{current}` extends `{parent}`, which does not exist"),
                )
                .with_hint("fix the name in `{% extends %}` or add the missing template"),
            );
        }
        _ => return None,
    };
    let path = paths
        .get(report.filename())
        .cloned()
        .unwrap_or_else(|| PathBuf::from(report.filename()));
    let span = report.span();
    Some(
        Diagnostic::error(
            path,
            Span::new(span.start_line, span.start_col + 1),
            format!("{kind}: {}", report.message()),
        )
        .with_hint(template_hint(report.message())),
    )
}

/// Diagnostics for a template parsed on its own, with its source lines.
fn template_errors(error: &tera::Error, name: &str, rel: &Path, text: &str) -> Vec<Diagnostic> {
    let paths = BTreeMap::from([(name.to_string(), rel.to_path_buf())]);
    tera_error_diagnostics(error, &paths)
        .into_iter()
        .map(|d| d.with_source(text))
        .collect()
}

fn template_hint(message: &str) -> &'static str {
    if message.starts_with("UI string") {
        "add the string to every themes/…/i18n/LANG.yaml, or fix its name here"
    } else if message.starts_with("Unknown function") || message.starts_with("Unknown filter") {
        "aqparat adds the function `t` and the filters `num` and `date` to Tera's built-ins; check the name"
    } else if ["undefined", "not defined", "not found"]
        .iter()
        .any(|w| message.contains(w))
    {
        "use a variable the page context provides (see the README), or guard it: `{% if x is defined %}` / `x | default(value=\"\")`"
    } else {
        "check the Tera syntax here: tags are `{% … %}`, expressions `{{ … }}`, every block needs its `end…`"
    }
}

/// Reads `i18n/*.yaml`.
fn load_i18n(root: &Path, dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<RawI18n> {
    let mut result = Vec::new();
    for rel in files::list(root, dir) {
        if rel.extension().is_none_or(|e| e != "yaml" && e != "yml") {
            continue;
        }
        let lang = rel
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let parsed = read_text(root, &rel).and_then(|text| yaml::parse(&rel, &text, 0, &text));
        match parsed {
            Ok(strings) => result.push(RawI18n {
                lang,
                path: rel,
                strings,
            }),
            Err(d) => diagnostics.push(d),
        }
    }
    result
}
