//! The theme: Tera templates (parsed once, here), UI strings per language,
//! static files and fonts, in layers. The default theme is built into the
//! binary; a theme on disk (`themes/NAME`) lies over it, and the site's own
//! `templates/` and `i18n/` over both: a template replaces the one of the
//! same name below, a UI strings file replaces or adds single strings of
//! its language, a static file replaces the one at the same place.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use indexmap::IndexMap;
use serde::Deserialize;
use tera::{Error, ErrorKind, Kwargs, State, Tera, TeraResult};

use super::files::{self, FileSource, StaticFile, read_text};
use super::yaml::{self, Spanned};
use crate::diag::{Diagnostic, Diagnostics, Span, did_you_mean, display_path};
use crate::messages::Message;
use crate::msg;

/// The folder of themes, relative to the root.
pub const THEMES_DIR: &str = "themes";

/// The theme of a site whose `site.yaml` names none: built in, and lain
/// over by `themes/default` when the site has that folder.
pub const DEFAULT_THEME: &str = "default";

/// The default theme, built into the binary (this repository's
/// `themes/default` as it was compiled).
pub static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Every file of the built-in theme, its path relative to the theme.
pub fn built_in_files() -> impl Iterator<Item = &'static include_dir::File<'static>> {
    let mut todo = vec![&BUILT_IN];
    std::iter::from_fn(move || {
        let dir = todo.pop()?;
        todo.extend(dir.dirs());
        Some(dir.files())
    })
    .flatten()
}

/// How messages name the built-in theme's folder.
pub const BUILT_IN_DIR: &str = "(built-in theme)";

/// The folders of a theme, and of the site's own overrides at its root.
pub const TEMPLATES_DIR: &str = "templates";
/// See [`TEMPLATES_DIR`].
pub const I18N_DIR: &str = "i18n";

/// Whether `name` can name one folder: not empty, not hidden, made of
/// letters, digits, `-`, `_` and `.` (so no `/`, `\` or `..`).
fn is_folder_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The folders of every theme under `themes/` whose files a build reads
/// as they are (UI strings, static files, fonts), not as templates: which
/// theme is the site's is known only once `site.yaml` is read, and they
/// are stamped before it is (see `sources`).
pub fn read_folders(root: &Path) -> Vec<PathBuf> {
    let theme = |name: String| Path::new(THEMES_DIR).join(name);
    (folders(root).into_iter().map(theme))
        .flat_map(|dir| ["i18n", "static", "fonts"].map(|folder| dir.join(folder)))
        .collect()
}

/// The folder, relative to the root, of the theme that `site.yaml` names
/// `name`: `themes/NAME`, `themes/default` when it names none; `None` when
/// `name` cannot name a folder.
pub fn theme_dir(name: Option<&str>) -> Option<PathBuf> {
    let name = name.unwrap_or(DEFAULT_THEME);
    is_folder_name(name).then(|| Path::new(THEMES_DIR).join(name))
}

/// The names of the folders under `themes/`, sorted.
fn folders(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join(THEMES_DIR))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| is_folder_name(n))
        .collect();
    names.sort();
    names
}

/// ", themes here: a, b" listing the folders under `themes/`, or nothing.
fn available(root: &Path) -> Message {
    let names = folders(root);
    if names.is_empty() {
        Message::default()
    } else {
        msg!("theme-there", names = names.join(", "))
    }
}

impl RawTheme {
    /// The theme in `dir` whose templates are `templates` (name, text),
    /// parsed as [`load`] parses them, without UI strings or files: for
    /// tests that build a site without files. Gives the template errors too.
    #[cfg(test)]
    pub(crate) fn from_templates(
        dir: PathBuf,
        templates: &[(String, String)],
    ) -> (RawTheme, Diagnostics) {
        let texts = templates
            .iter()
            .map(|(name, text)| {
                let rel = dir.join("templates").join(name);
                (name.clone(), rel, text.clone())
            })
            .collect();
        let mut diagnostics = Diagnostics::new();
        let (tera, template_paths, template_fingerprints, template_uses) =
            parse_templates(texts, BTreeMap::new(), &mut diagnostics);
        let theme = RawTheme {
            dir,
            tera,
            template_paths,
            template_fingerprints,
            template_uses,
            i18n: Vec::new(),
            static_files: Vec::new(),
            fonts: Vec::new(),
            is_missing: false,
        };
        (theme, diagnostics)
    }

    /// The empty stand-in for a theme that is not there (already
    /// reported): no templates, strings or files, and `is_missing` set so
    /// that no check repeats the report for each of them.
    pub(super) fn missing(dir: PathBuf) -> RawTheme {
        RawTheme {
            dir,
            tera: Tera::new(),
            template_paths: BTreeMap::new(),
            template_fingerprints: BTreeMap::new(),
            template_uses: Default::default(),
            i18n: Vec::new(),
            static_files: Vec::new(),
            fonts: Vec::new(),
            is_missing: true,
        }
    }
}

/// A theme as loaded: templates already parsed.
pub struct RawTheme {
    /// The folder of the site's overrides, relative to the root: the theme
    /// on disk (`themes/default`), else the root itself (empty).
    pub dir: PathBuf,
    /// All templates, parsed, inheritance resolved.
    pub tera: Tera,
    /// Template name to file path, for diagnostics.
    pub template_paths: BTreeMap<String, PathBuf>,
    /// Each template's fingerprint (with what it extends or includes).
    pub template_fingerprints: BTreeMap<String, u64>,
    /// What templates use that Tera does not tell (see
    /// `fingerprint::template_uses`).
    pub template_uses: super::fingerprint::TemplateUses,
    /// UI strings files, lowest layer first (several per language).
    pub i18n: Vec<RawI18n>,
    /// The theme's `static/` files.
    pub static_files: Vec<StaticFile>,
    /// The font files for drawing chart cards: the highest layer's that
    /// has any.
    pub fonts: Vec<FileSource>,
    /// Whether the theme's folder was not found (reported once; the theme
    /// is then empty).
    pub is_missing: bool,
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
    /// The file's text, for diagnostics.
    pub text: String,
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

/// Loads the theme of the site in `root`: the built-in theme, `themes/NAME`
/// over it (`name` as written in `site.yaml`, with its position there, or
/// `None` or `default`: `themes/default` if the site has it), and the site's own
/// `templates/` and `i18n/` over both. A named theme that is not there
/// gives one error, and an empty theme that no later check complains about.
pub fn load(
    root: &Path,
    name: Option<&Spanned<String>>,
    diagnostics: &mut Diagnostics,
) -> RawTheme {
    let on_disk = match name {
        Some(name) if name.value != DEFAULT_THEME => match named(root, name, diagnostics) {
            Ok(dir) => Some(dir),
            Err(missing) => return RawTheme::missing(missing),
        },
        // `default` is the built-in theme, with `themes/default` over it
        // when the site has that folder.
        _ => Some(Path::new(THEMES_DIR).join(DEFAULT_THEME))
            .filter(|dir| std::fs::symlink_metadata(root.join(dir)).is_ok()),
    };
    let mut layers = Layers::built_in(diagnostics);
    if let Some(dir) = &on_disk {
        layers.add(root, dir, diagnostics);
        let fonts = fonts(root, &dir.join("fonts"), diagnostics);
        if !fonts.is_empty() {
            layers.fonts = fonts;
        }
    }
    layers.add(root, Path::new(""), diagnostics);
    let mut texts = Vec::new();
    let mut unread = BTreeMap::new();
    for (name, (rel, text)) in layers.templates {
        match text {
            Some(text) => texts.push((name, rel, text)),
            // Known but not parsed: rendering then skips it rather than
            // report it missing once per page.
            None => {
                unread.insert(name, rel);
            }
        }
    }
    let (tera, template_paths, template_fingerprints, template_uses) =
        parse_templates(texts, unread, diagnostics);
    RawTheme {
        dir: on_disk.unwrap_or_default(),
        tera,
        template_paths,
        template_fingerprints,
        template_uses,
        i18n: layers.i18n,
        static_files: layers.static_files.into_values().collect(),
        fonts: layers.fonts,
        is_missing: false,
    }
}

/// The folder of the theme `name` that `site.yaml` names, or, when there
/// is none (reported), the folder it would be.
fn named(
    root: &Path,
    name: &Spanned<String>,
    diagnostics: &mut Diagnostics,
) -> Result<PathBuf, PathBuf> {
    let span = yaml::span_of(name, 0);
    let name = name.value.as_str();
    if !is_folder_name(name) {
        diagnostics.push(
            Diagnostic::error(
                super::config::CONFIG_FILE,
                span,
                msg!("theme-bad-name", name = name),
            )
            .with_hint(msg!("theme-bad-name-hint", available = available(root))),
        );
        return Err(Path::new(THEMES_DIR).to_path_buf());
    }
    let dir = Path::new(THEMES_DIR).join(name);
    if std::fs::symlink_metadata(root.join(&dir)).is_err() {
        // The themes there are: the built-in one, and those on disk.
        let folders = folders(root);
        let themes = std::iter::once(DEFAULT_THEME).chain(folders.iter().map(String::as_str));
        diagnostics.push(
            Diagnostic::error(
                super::config::CONFIG_FILE,
                span,
                msg!(
                    "theme-not-found",
                    name = name,
                    dir = display_path(&dir),
                    root = root.display().to_string(),
                    guess = crate::diag::did_you_mean(name, themes)
                ),
            )
            .with_hint(msg!(
                "theme-not-found-hint",
                available = available(root),
                dir = display_path(&dir)
            )),
        );
        return Err(dir);
    }
    Ok(dir)
}

/// The theme's files, layer upon layer.
#[derive(Default)]
struct Layers {
    /// Each template's file and text (`None`: it could not be read).
    templates: BTreeMap<String, (PathBuf, Option<String>)>,
    /// UI strings files, lowest layer first.
    i18n: Vec<RawI18n>,
    /// Static files by place in the output.
    static_files: BTreeMap<PathBuf, StaticFile>,
    /// Font files.
    fonts: Vec<FileSource>,
}

impl Layers {
    /// The built-in theme.
    fn built_in(diagnostics: &mut Diagnostics) -> Layers {
        let mut layers = Layers::default();
        for file in built_in_files() {
            let rel = file.path();
            let shown = Path::new(BUILT_IN_DIR).join(rel);
            let mut parts = rel.components();
            let folder = parts.next().map(|c| c.as_os_str().to_string_lossy());
            let inside = parts.as_path().to_path_buf();
            let text = || String::from_utf8_lossy(file.contents()).into_owned();
            match folder.as_deref() {
                Some(TEMPLATES_DIR) => {
                    let name = inside.to_string_lossy().replace('\\', "/");
                    layers.templates.insert(name, (shown, Some(text())));
                }
                Some(I18N_DIR) if is_yaml(rel) => {
                    layers.i18n.extend(diagnostics.ok(i18n_file(shown, text())));
                }
                Some("static") => {
                    let source = FileSource::BuiltIn(file.contents());
                    layers.static_files.insert(
                        inside.clone(),
                        StaticFile {
                            source,
                            output: inside,
                        },
                    );
                }
                Some("fonts") if is_font(rel) => {
                    layers.fonts.push(FileSource::BuiltIn(file.contents()));
                }
                _ => {}
            }
        }
        layers
    }

    /// Lays the templates, UI strings and static files of `root/dir` over
    /// the layers so far (`dir` empty: the site's own, which has no
    /// `static/` here, as the site's `static/` is copied on its own).
    fn add(&mut self, root: &Path, dir: &Path, diagnostics: &mut Diagnostics) {
        let templates_dir = dir.join(TEMPLATES_DIR);
        for rel in files::walk(root, &templates_dir, diagnostics) {
            let name = rel
                .strip_prefix(&templates_dir)
                .unwrap_or(&rel)
                .to_string_lossy()
                .replace('\\', "/");
            // A byte-order mark, as Windows' editors save one, is no text
            // of the template (Tera would take it for text before
            // `{% extends %}`).
            let text = diagnostics.ok(read_text(root, &rel)).map(|text| {
                match text.strip_prefix('\u{feff}') {
                    Some(rest) => rest.to_string(),
                    None => text,
                }
            });
            self.templates.insert(name, (rel, text));
        }
        self.i18n
            .extend(load_i18n(root, &dir.join(I18N_DIR), diagnostics));
        if !dir.as_os_str().is_empty() {
            for file in files::static_files(root, &dir.join("static"), diagnostics) {
                self.static_files.insert(file.output.clone(), file);
            }
        }
    }
}

/// Whether `path` names a YAML file.
fn is_yaml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// Whether `path` names a font file aqparat can draw with.
fn is_font(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "ttf" || e == "otf")
}

/// The theme's readable font files (`.ttf`, `.otf`).
fn fonts(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) -> Vec<FileSource> {
    let listed = files::walk(root, dir, diagnostics)
        .into_iter()
        .filter(|f| is_font(f))
        .collect();
    files::readable(root, listed, diagnostics)
        .into_iter()
        .map(|f| FileSource::Disk(root.join(f)))
        .collect()
}

/// A theme's templates, parsed: the Tera instance, each name's file, each
/// template's fingerprint, and what the templates use that Tera does not
/// tell.
type Templates = (
    Tera,
    BTreeMap<String, PathBuf>,
    BTreeMap<String, u64>,
    super::fingerprint::TemplateUses,
);

/// Parses the templates `texts` (name, file, text); `paths` already holds
/// the files of those that could not be read. Each one is first parsed on
/// its own so that every error is reported, not just the first; what it
/// uses of the others (a parent, an included template, a component) is
/// checked when all are parsed together.
fn parse_templates(
    texts: Vec<(String, PathBuf, String)>,
    mut paths: BTreeMap<String, PathBuf>,
    diagnostics: &mut Diagnostics,
) -> Templates {
    let mut sources = Vec::new();
    for (name, rel, text) in texts {
        let mut alone = Tera::new();
        declare_functions(&mut alone);
        match alone.add_raw_template(&name, &text) {
            Err(e) if !uses_other_templates(&e) => {
                diagnostics.extend(template_errors(&e, &name, &rel, &text));
            }
            _ => sources.push((name.clone(), text)),
        }
        paths.insert(name, rel);
    }
    // A template whose parent could not be read or parsed (reported) is
    // left out, not told that its parent does not exist: it is checked
    // once the parent is mended.
    let tera = loop {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        declare_functions(&mut tera);
        let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        else {
            break tera;
        };
        match e.kind() {
            ErrorKind::MissingParent { current, parent }
                if paths.contains_key(parent) && !sources.iter().any(|(n, _)| n == parent) =>
            {
                let before = sources.len();
                sources.retain(|(name, _)| name != current);
                if sources.len() == before {
                    break tera;
                }
            }
            _ => {
                let broken = |name: &str| {
                    paths.contains_key(name) && !sources.iter().any(|(n, _)| n == name)
                };
                diagnostics.extend(tera_error_diagnostics(&e, &paths, &broken));
                break tera;
            }
        }
    };
    let texts: BTreeMap<String, String> = sources.into_iter().collect();
    let fingerprints = super::fingerprint::templates(&texts);
    let mut uses = super::fingerprint::template_uses(&texts);
    // A template not read or not parsed (reported) may name any UI string.
    if texts.len() < paths.len() {
        uses.ui_strings.insert("*".to_string());
    }
    (tera, paths, fingerprints, uses)
}

/// Whether a template parsed alone failed only for what it uses of other
/// templates: its parent, templates it includes, components they define.
fn uses_other_templates(error: &tera::Error) -> bool {
    if matches!(error.kind(), ErrorKind::MissingParent { .. }) {
        return true;
    }
    let message = error.to_string();
    let mut reports = message
        .split("\n\n")
        .map(str::trim_start)
        .filter(|r| !r.is_empty());
    reports.all(|report| {
        ["error: Unknown template `", "error: Unknown component `"]
            .iter()
            .any(|prefix| report.starts_with(prefix))
    })
}

/// The functions and filters aqparat gives templates (`t`, `qr`, `num`,
/// `date`; see `render::functions`), declared so that Tera 2, which rejects
/// templates that call unknown ones, can parse the theme: the real ones
/// need the site's UI strings and are registered at render time.
pub(crate) fn declare_functions(tera: &mut Tera) {
    let not_ready = || Error::message("aqparat's template functions are not registered yet");
    for name in ["t", "qr"] {
        tera.register_function(name, move |_: Kwargs, _: &State| -> TeraResult<String> {
            Err(not_ready())
        });
    }
    tera.register_filter(
        "num",
        move |_: i64, _: Kwargs, _: &State| -> TeraResult<String> { Err(not_ready()) },
    );
    tera.register_filter(
        "date",
        move |_: &str, _: Kwargs, _: &State| -> TeraResult<String> { Err(not_ready()) },
    );
}

/// Diagnostics for a Tera error: one for an error with a position, one per
/// report for Tera's combined reports (unknown functions, filters, blocks),
/// and one at the first template otherwise. A template that could not be
/// read or parsed (`broken`, reported) is not told unknown where it is
/// included.
fn tera_error_diagnostics(
    error: &tera::Error,
    paths: &BTreeMap<String, PathBuf>,
    broken: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    // Templates are only parsed here: no field is read yet.
    if let Some(d) = tera_error_diagnostic(error, paths, &|_| false) {
        return vec![d];
    }
    let message = error.to_string();
    let includes_broken = |report: &str| {
        let rest = report
            .trim_start()
            .strip_prefix("error: Unknown template `");
        rest.and_then(|rest| rest.split_once('`'))
            .is_some_and(|(name, _)| broken(name))
    };
    let reports: Vec<&str> = (message.split("\n\n"))
        .filter(|report| !report.trim().is_empty() && !includes_broken(report))
        .collect();
    let diagnostics: Vec<Diagnostic> = (reports.iter())
        .filter_map(|report| report_diagnostic(report, paths))
        .collect();
    if !diagnostics.is_empty() || reports.is_empty() {
        return diagnostics;
    }
    let path = paths
        .values()
        .next()
        .cloned()
        .unwrap_or_else(|| PathBuf::from("themes"));
    vec![Diagnostic::error(path, Span::START, message).with_hint(msg!("tera-names-hint"))]
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
            in_words(message, &|_| false)
                .unwrap_or_else(|| msg!("template-error", error = message)),
        )
        .with_hint(template_hint(message)),
    )
}

/// A diagnostic for a Tera error that carries a position in a template.
/// `is_ui_string` tells whether a name is one of the site's UI strings: a
/// template reading a field of `i18n` it lacks is told that the UI string
/// is not defined (see [`missing_ui_string`]).
pub fn tera_error_diagnostic(
    error: &tera::Error,
    paths: &BTreeMap<String, PathBuf>,
    is_ui_string: &dyn Fn(&str) -> bool,
) -> Option<Diagnostic> {
    let (report, is_syntax) = match error.kind() {
        ErrorKind::SyntaxError(r) => (r, true),
        ErrorKind::RenderingError(r) => (r, false),
        ErrorKind::MissingParent { current, parent } => {
            let path = paths.get(current)?;
            return Some(
                Diagnostic::error(
                    path,
                    Span::START,
                    msg!(
                        "template-missing-parent",
                        current = current,
                        parent = parent
                    ),
                )
                .with_hint(msg!("template-missing-parent-hint")),
            );
        }
        _ => return None,
    };
    let path = paths
        .get(report.filename())
        .cloned()
        .unwrap_or_else(|| PathBuf::from(report.filename()));
    let span = report.span();
    let message = report.message();
    let hint = match missing_ui_string(message, is_ui_string) {
        Some(_) => msg!("template-hint-ui-string"),
        None => template_hint(message),
    };
    Some(
        Diagnostic::error(
            path,
            Span::new(span.start_line, span.start_col + 1),
            in_words(message, is_ui_string).unwrap_or_else(|| match is_syntax {
                true => msg!("template-syntax-error", error = message),
                false => msg!("template-error", error = message),
            }),
        )
        .with_hint(hint),
    )
}

/// The key of a UI string a template read from `i18n` that is not there:
/// Tera says "Field `key` is not defined. Available fields: …", and every
/// field it offers is a UI string (`is_ui_string`).
fn missing_ui_string<'m>(message: &'m str, is_ui_string: &dyn Fn(&str) -> bool) -> Option<&'m str> {
    let (key, fields) = undefined("Field", message)?;
    (!fields.is_empty() && fields.iter().all(|field| is_ui_string(field))).then_some(key)
}

/// The name and the names offered of Tera's "KIND `name` is not defined.
/// Available …s: a, b" (`KIND` is `Field` or `Variable`; none offered when
/// Tera lists none).
fn undefined<'m>(kind: &str, message: &'m str) -> Option<(&'m str, Vec<&'m str>)> {
    let (name, rest) = message
        .strip_prefix(kind)?
        .strip_prefix(" `")?
        .split_once('`')?;
    let rest = rest.strip_prefix(" is not defined")?;
    let offered = rest.split_once(": ").map_or("", |(_, list)| list);
    let offered = offered.split(',').map(str::trim).filter(|n| !n.is_empty());
    Some((name, offered.collect()))
}

/// Tera's filters (tera 2.4's `Tera::new`) and aqparat's, for a guess at
/// the one meant: Tera does not list them.
const FILTERS: [&str; 39] = [
    "safe",
    "default",
    "upper",
    "lower",
    "wordcount",
    "escape",
    "escape_html",
    "escape_xml",
    "newlines_to_br",
    "pluralize",
    "trim",
    "trim_start",
    "trim_end",
    "replace",
    "capitalize",
    "title",
    "truncate",
    "indent",
    "str",
    "int",
    "float",
    "length",
    "reverse",
    "split",
    "abs",
    "round",
    "first",
    "last",
    "nth",
    "join",
    "sort",
    "unique",
    "get",
    "values",
    "keys",
    "pairs",
    "group_by",
    "num",
    "date",
];

/// Tera's report `message` in the run's words, with the name meant, for
/// the reports a theme's author meets most: a field, variable or UI string
/// not defined, a filter or function unknown. `None` for others, shown as
/// Tera words them.
fn in_words(message: &str, is_ui_string: &dyn Fn(&str) -> bool) -> Option<Message> {
    if let Some(key) = missing_ui_string(message, is_ui_string) {
        let (_, strings) = undefined("Field", message)?;
        let guess = did_you_mean(key, strings.iter().copied());
        return Some(msg!("template-no-ui-string", key = key, guess = guess));
    }
    if let Some((name, offered)) = undefined("Field", message) {
        let guess = did_you_mean(name, offered.iter().copied());
        let offered = offered.join(", ");
        return Some(match offered.is_empty() {
            true => msg!("template-no-field-bare", name = name),
            false => msg!(
                "template-no-field",
                name = name,
                guess = guess,
                offered = offered
            ),
        });
    }
    if let Some((name, offered)) = undefined("Variable", message) {
        let guess = did_you_mean(name, offered.iter().copied());
        let offered = offered.join(", ");
        return Some(match offered.is_empty() {
            true => msg!("template-no-variable-bare", name = name),
            false => msg!(
                "template-no-variable",
                name = name,
                guess = guess,
                offered = offered
            ),
        });
    }
    let unknown = |kind: &str| {
        message
            .strip_prefix(kind)?
            .strip_prefix(" `")?
            .strip_suffix('`')
    };
    if let Some(name) = unknown("Unknown template") {
        return Some(msg!("template-unknown-template", name = name));
    }
    if let Some(name) = unknown("Unknown filter") {
        let guess = did_you_mean(name, FILTERS.iter().copied());
        return Some(msg!("template-unknown-filter", name = name, guess = guess));
    }
    let name = unknown("Unknown function")?;
    Some(msg!("template-unknown-function", name = name))
}

/// Diagnostics for a template parsed on its own, with its source lines.
fn template_errors(error: &tera::Error, name: &str, rel: &Path, text: &str) -> Vec<Diagnostic> {
    if let ErrorKind::SyntaxError(report) = error.kind()
        && let Some((span, message, hint)) =
            super::template_tags::explain(text, report.message(), report.span().range.start)
    {
        let diagnostic = Diagnostic::error(rel, span, message).with_hint(hint);
        return vec![diagnostic.with_source(text)];
    }
    let paths = BTreeMap::from([(name.to_string(), rel.to_path_buf())]);
    tera_error_diagnostics(error, &paths, &|_| false)
        .into_iter()
        .map(|d| d.with_source(text))
        .collect()
}

fn template_hint(message: &str) -> Message {
    if message.starts_with("UI string") {
        msg!("template-hint-ui-string")
    } else if message.starts_with("Unknown function") || message.starts_with("Unknown filter") {
        msg!("template-hint-function")
    } else if message.starts_with("Unknown template") {
        msg!("template-unknown-template-hint")
    } else if message.starts_with("Closing") {
        msg!("template-hint-syntax")
    } else if ["undefined", "not defined", "not found"]
        .iter()
        .any(|w| message.contains(w))
    {
        msg!("template-hint-undefined")
    } else {
        msg!("template-hint-syntax")
    }
}

/// Reads the UI strings files `dir/*.yaml`.
fn load_i18n(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) -> Vec<RawI18n> {
    let mut result = Vec::new();
    for rel in files::walk(root, dir, diagnostics) {
        if !is_yaml(&rel) {
            continue;
        }
        let file = (read_text(root, &rel).map_err(Diagnostics::from))
            .and_then(|text| i18n_file(rel, text));
        result.extend(diagnostics.ok(file));
    }
    result
}

/// The UI strings file at `path` (relative to the root, or in the built-in
/// theme) whose text is `text`.
fn i18n_file(path: PathBuf, text: String) -> Result<RawI18n, Diagnostics> {
    let lang = path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    let strings = yaml::parse(&path, &text, 0, &text)?;
    Ok(RawI18n {
        lang,
        path,
        strings,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::RawTheme;

    fn parse(templates: &[(&str, &str)]) -> RawTheme {
        let templates: Vec<(String, String)> = templates
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect();
        let (theme, diagnostics) = RawTheme::from_templates("themes/t".into(), &templates);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        theme
    }

    #[test]
    fn a_template_may_extend_another() {
        let theme = parse(&[
            ("base.html", "<b>{% block b %}{% endblock b %}</b>"),
            (
                "page.html",
                "{% extends \"base.html\" %}{% block b %}x{% endblock b %}",
            ),
        ]);
        assert!(theme.tera.contains_template("page.html"));
    }

    /// Fails: each template is first parsed on its own, to report every
    /// syntax error; only a missing parent is forgiven there, so a template
    /// that includes another, or calls a component another defines, is
    /// reported ("Unknown template `menu.html`", "Unknown component
    /// `Phone`") and left out.
    #[test]
    fn a_template_may_include_another_and_call_its_components() {
        let theme = parse(&[
            ("menu.html", "{{ nav }}"),
            (
                "components.html",
                "{% component Phone() %}1406{% endcomponent Phone %}",
            ),
            ("page.html", "{% include \"menu.html\" %}{{ <Phone /> }}"),
        ]);
        assert!(theme.tera.contains_template("page.html"));
    }
}
