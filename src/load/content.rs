//! Content files: `content/**/NAME.LANG.md`, split into front matter and
//! Markdown body.
//!
//! A *key* names a page independently of its language: the file's path
//! under `content/` without the language suffix and `.md`, with `_index`
//! standing for the folder itself. `content/rules/quarantine.kk.md` has the
//! key `rules/quarantine`, `content/rules/_index.ru.md` the key `rules`, and
//! the home page `content/_index.kk.md` the empty key.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use super::files::{read_text, read_text_until};
use super::yaml::{self, Spanned};
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::msg;

/// Front matter as written, with positions for every value that may be
/// wrong.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The page's title (required, not empty).
    pub title: Option<Spanned<String>>,
    /// One sentence for listings, search engines and feeds.
    pub description: Option<Spanned<String>>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<Spanned<String>>,
    /// Date of the last change, `YYYY-MM-DD`.
    pub updated: Option<Spanned<String>>,
    /// The day from which the page is no longer in force, `YYYY-MM-DD`.
    pub expires: Option<Spanned<String>>,
    /// Order inside a section, smallest first.
    pub weight: Option<i64>,
    /// Drafts are built only with `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// Whether `draft:` holds a value that could not be read (reported):
    /// the page is then taken as a draft (see `left_out`), and a link to
    /// it is not another problem.
    #[serde(skip)]
    pub draft_unread: bool,
    /// Template to render with instead of the default.
    pub template: Option<Spanned<String>>,
    /// The page's old addresses (`/ru/old-name/`), each of which gets a
    /// page that leads to it (see `validate::pages::check_aliases`).
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
}

/// How much of a page's front matter was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontRead {
    /// All of it.
    Whole,
    /// All but its parts that had problems (reported), which were left out
    /// (see [`yaml::parse_recovering`]); `title_left_out`: the title was
    /// one of them, not missing. (A page whose `draft:` was left out is
    /// taken as a draft: it may be one.)
    Partly {
        /// Whether `title:` is written, and was left out.
        title_left_out: bool,
    },
    /// Nothing: there is none, or it could not be read (reported); its
    /// values are not checked.
    Not,
}

/// A content file as read: its key, language and text, not yet checked.
#[derive(Debug, Clone)]
pub struct RawPage {
    /// Path relative to the site root (`content/rules/quarantine.kk.md`).
    pub path: PathBuf,
    /// Language-independent name (see the module docs).
    pub key: String,
    /// Whether this is a section's `_index` file.
    pub is_section: bool,
    /// The language suffix of the file name.
    pub lang: String,
    /// Parsed front matter; the default when it could not be parsed.
    pub front: FrontMatter,
    /// How much of the front matter was read.
    pub front_read: FrontRead,
    /// The file's stamp (path, size, time): whether it changed since the
    /// last build.
    pub stamp: u64,
    /// The file up to the end of its front matter, for diagnostics. The
    /// body is not kept: `render` reads it with [`read_page`] when it renders
    /// the page, so a large site's text is never all in memory at once.
    pub front_text: String,
}

/// A content file's text, split into front matter and body.
#[derive(Debug, Default)]
pub struct PageText {
    /// The whole file.
    pub text: String,
    /// Byte offset of the Markdown body in `text`.
    pub body_start: usize,
    /// Number of lines before the body.
    pub body_line_offset: usize,
}

impl PageText {
    /// The Markdown body.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// Reads the content file `root/rel` and finds where its body starts (at 0
/// when it has no front matter).
pub fn read_page(root: &Path, rel: &Path) -> Result<PageText, Diagnostic> {
    let text = read_text(root, rel)?;
    let (body_start, body_line_offset) = split_front_matter(&text)
        .map_or((0, 0), |split| (split.body_start, split.body_line_offset));
    Ok(PageText {
        text,
        body_start,
        body_line_offset,
    })
}

/// The folder of content files, relative to the root.
pub const CONTENT_DIR: &str = "content";

/// One content file as loaded: the page and the problems of its front
/// matter, or why it could not be read.
pub type Loaded = Result<(RawPage, Diagnostics), Diagnostic>;

/// Content files loaded by the earlier builds of a session, with their
/// stamps: a file whose stamp has not changed is not read again.
#[derive(Default)]
pub struct ContentCache(HashMap<PathBuf, (u64, Loaded)>);

impl ContentCache {
    /// Reads the content file `rel` again, as it changed; keeps it and
    /// gives the page with the problems of its front matter.
    pub fn reload(&mut self, root: &Path, rel: &Path) -> Loaded {
        let stamp = super::fingerprint::stamp(root, rel);
        let loaded = load_page(root, rel.to_path_buf(), Stamp::Taken(stamp));
        self.0.insert(rel.to_path_buf(), (stamp, loaded.clone()));
        loaded
    }
}

/// The name that file `rel` of `content/` was meant to have, if it looks
/// like a page that is not read as one: `.MD`, `.markdown`, `.mdx`,
/// `.md.txt` (as Notepad saves it), or a name ending in dots or spaces
/// after `.md` (which Windows drops: the file is a page there, and not
/// here); only `.md` files are pages.
fn meant_as_page(rel: &Path) -> Option<String> {
    let name = rel.file_name()?.to_str()?;
    let name = name.trim_end_matches(['.', ' ']);
    let stem = [".md.txt", ".markdown", ".mdown", ".mkd", ".mdx", ".md"]
        .iter()
        .find_map(|ext| {
            let start = name.len().checked_sub(ext.len())?;
            let suffix = name.get(start..)?;
            suffix.eq_ignore_ascii_case(ext).then(|| &name[..start])
        })?;
    Some(format!("{stem}.md"))
}

/// Reads every `.md` file under `content/`, except those `cache` holds
/// unchanged; leaves what it read in `cache`. Gives the pages, and the
/// other files of `content/` (images beside their pages), sorted. Each
/// page carries its file's stamp when there is a `cache`, or `stamped`
/// (a build that takes pages from the render cache compares them).
///
/// Files are read and parsed in parallel: on a large site, reading and
/// parsing front matter one file at a time took a quarter of the build
/// (measured on the benchmark corpus, see README).
pub fn load(
    root: &Path,
    mut cache: Option<&mut ContentCache>,
    stamped: bool,
    diagnostics: &mut Diagnostics,
) -> (Vec<RawPage>, Vec<PathBuf>, Vec<PathBuf>) {
    // (A `content` that is a broken link is reported by the walk.)
    if std::fs::symlink_metadata(root.join(CONTENT_DIR)).is_err() {
        diagnostics.push(
            Diagnostic::error(
                CONTENT_DIR,
                Span::START,
                msg!("no-content", root = root.display().to_string()),
            )
            .with_hint(msg!("no-content-hint")),
        );
        return (Vec::new(), Vec::new(), Vec::new());
    }
    let (files, mut assets): (Vec<PathBuf>, Vec<PathBuf>) =
        super::files::walk(root, Path::new(CONTENT_DIR), diagnostics)
            .into_iter()
            .partition(|rel| rel.extension().is_some_and(|ext| ext == "md"));
    assets.sort_unstable();
    for rel in &assets {
        if let Some(name) = meant_as_page(rel) {
            // Windows shows no dot or space at the end of a name.
            let hidden_end = (rel.as_os_str().to_string_lossy()).ends_with(['.', ' ']);
            let message = match hidden_end {
                true => msg!("content-not-md-hidden-end"),
                false => msg!("content-not-md"),
            };
            diagnostics.push(
                Diagnostic::warning(rel, Span::START, message)
                    .with_hint(msg!("content-not-md-hint", name = name)),
            );
        }
    }
    let empty = HashMap::new();
    let known = cache.as_deref().map_or(&empty, |c| &c.0);
    let in_session = cache.is_some();
    let loaded: Vec<(PathBuf, u64, Loaded)> = files
        .into_par_iter()
        .map(|rel| {
            // Stamps matter only to a later build. A session's cache needs
            // each before reading the file, to read only those that changed;
            // else the file's is taken as it is read.
            let (stamp, result) = if in_session {
                let stamp = super::fingerprint::stamp(root, &rel);
                match known.get(&rel) {
                    Some((kept, result)) if *kept == stamp => (stamp, result.clone()),
                    _ => (stamp, load_page(root, rel.clone(), Stamp::Taken(stamp))),
                }
            } else {
                let stamp = if stamped {
                    Stamp::OfFile
                } else {
                    Stamp::Taken(0)
                };
                (0, load_page(root, rel.clone(), stamp))
            };
            (rel, stamp, result)
        })
        .collect();
    let mut pages = Vec::with_capacity(loaded.len());
    let mut unread = Vec::new();
    let mut next = HashMap::new();
    for (rel, stamp, result) in loaded {
        if result.is_err() {
            unread.push(rel.clone());
        }
        let result = match (&mut cache, result) {
            // Kept for the next build of the session.
            (Some(_), result) => {
                next.insert(rel, (stamp, result.clone()));
                result
            }
            (None, result) => result,
        };
        match result {
            Ok((page, page_diagnostics)) => {
                diagnostics.extend(page_diagnostics);
                pages.push(page);
            }
            Err(d) => diagnostics.push(d),
        }
    }
    if let Some(cache) = cache {
        cache.0 = next;
    }
    (pages, assets, unread)
}

/// The stamp a content file read is given (see [`RawPage::stamp`]).
#[derive(Clone, Copy)]
enum Stamp {
    /// This one, taken before.
    Taken(u64),
    /// The file's, as it is opened.
    OfFile,
}

/// Reads one content file. A broken front matter still gives a page (with
/// default front matter) so that links to it are not reported as broken too.
fn load_page(root: &Path, rel: PathBuf, stamp: Stamp) -> Loaded {
    let names = key_and_lang(&rel)?;
    // Only the front matter is read now; `render` reads the body.
    let (text, found) = read_text_until(root, &rel, |text| {
        split_front_matter(text).map(|s| s.body_start)
    })?;
    let stamp = match stamp {
        Stamp::Taken(stamp) => stamp,
        Stamp::OfFile => super::fingerprint::stamp_of(&rel, Some(&found)),
    };
    Ok(parse_page(rel, names, &text, stamp))
}

impl RawPage {
    /// The page a content file at `rel` holding `text` is, as [`load`] would
    /// read it, for tests that build a site without files.
    #[cfg(test)]
    pub(crate) fn from_text(rel: PathBuf, text: &str, stamp: u64) -> Loaded {
        let names = key_and_lang(&rel)?;
        Ok(parse_page(rel, names, text, stamp))
    }
}

/// The page of the content file `rel`, whose key, section flag and language
/// are `names`, from its `text` (at least up to the end of its front matter).
fn parse_page(
    rel: PathBuf,
    (key, is_section, lang): (String, bool, String),
    text: &str,
    stamp: u64,
) -> (RawPage, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let (front, body_start) = match split_front_matter(text) {
        Some(split) => {
            let (front, problems) = yaml::parse_recovering(&rel, split.yaml, 1, text);
            let read = match problems.is_empty() {
                true => front.map(|front| (front, FrontRead::Whole)),
                false => front.map(|front| left_out(&rel, split.yaml, text, front)),
            };
            diagnostics.extend(problems);
            (read, split.body_start)
        }
        None => {
            let (message, hint) = if after_opening_fence(text).is_some() {
                (
                    msg!("front-matter-unclosed"),
                    msg!("front-matter-unclosed-hint"),
                )
            } else {
                (msg!("no-front-matter"), msg!("no-front-matter-hint"))
            };
            diagnostics.push(
                Diagnostic::error(&rel, Span::START, message)
                    .with_hint(hint)
                    .with_source(text),
            );
            (None, 0)
        }
    };
    let front_text = text[..body_start].to_string();
    let page = RawPage {
        stamp,
        path: rel,
        key,
        is_section,
        lang,
        front_read: front.as_ref().map_or(FrontRead::Not, |(_, read)| *read),
        front: front.map(|(front, _)| front).unwrap_or_default(),
        front_text,
    };
    (page, diagnostics)
}

/// `front`, read from the front matter `yaml` (of the file `rel`, whose
/// `text` it is in) without its parts that had problems, and what of it
/// was left out: a page whose `draft:` could not be read is taken as a
/// draft, so that what is checked only of pages published is not.
fn left_out(
    rel: &Path,
    yaml: &str,
    text: &str,
    mut front: FrontMatter,
) -> (FrontMatter, FrontRead) {
    /// The front matter's draft, whatever else it holds.
    #[derive(serde::Deserialize)]
    struct Draft {
        #[serde(default)]
        #[allow(dead_code)]
        draft: bool,
    }
    /// The front matter's title, if written, whatever its value.
    #[derive(serde::Deserialize)]
    struct Title {
        title: Option<serde::de::IgnoredAny>,
    }
    front.draft_unread = yaml::parse_at_most::<Draft>(rel, yaml, 1, text, 1).is_err();
    front.draft |= front.draft_unread;
    let title_written = yaml::parse_at_most::<Title>(rel, yaml, 1, text, 1)
        .is_ok_and(|written| written.title.is_some());
    let title_left_out = title_written && front.title.is_none();
    (front, FrontRead::Partly { title_left_out })
}

/// The key, section flag and language of a content file, from its path.
fn key_and_lang(rel: &Path) -> Result<(String, bool, String), Diagnostic> {
    let file_name = rel.file_name().unwrap_or_default().to_string_lossy();
    let stem = file_name.strip_suffix(".md").unwrap_or(&file_name);
    let Some((name, lang)) = stem
        .rsplit_once('.')
        .filter(|(name, lang)| !name.is_empty() && !lang.is_empty())
    else {
        return Err(
            Diagnostic::error(rel, Span::START, msg!("no-language-suffix"))
                .with_hint(msg!("no-language-suffix-hint", stem = stem)),
        );
    };
    let folder = rel
        .parent()
        .and_then(|p| p.strip_prefix(CONTENT_DIR).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    let is_section = name == "_index";
    let key = match (is_section, folder.is_empty()) {
        (true, _) => folder,
        (false, true) => name.to_string(),
        (false, false) => format!("{folder}/{name}"),
    };
    Ok((key, is_section, lang.to_string()))
}

/// Where the front matter and body are in a file.
struct Split<'a> {
    yaml: &'a str,
    body_start: usize,
    body_line_offset: usize,
}

/// The text after the `---` line that opens a front matter (spaces after
/// it allowed, as after the closing one), if `text` (after a byte order
/// mark) starts with one.
fn after_opening_fence(text: &str) -> Option<&str> {
    let text_no_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (first, rest) = text_no_bom.split_once('\n').unwrap_or((text_no_bom, ""));
    (first.trim_end() == "---").then_some(rest)
}

/// Splits `---\nYAML\n---\nbody`. Returns `None` without a front matter.
fn split_front_matter(text: &str) -> Option<Split<'_>> {
    let rest = after_opening_fence(text)?;
    let yaml_start = text.len() - rest.len();
    // Line by line with `memchr`, counting the lines as they go: each page
    // is split when loaded (once a chunk read) and again when rendered.
    let mut line_start = 0;
    // The lines before `line_start`, the opening `---` included.
    let mut lines = 1;
    while line_start < rest.len() {
        let line_end = memchr::memchr(b'\n', &rest.as_bytes()[line_start..])
            .map_or(rest.len(), |i| line_start + i + 1);
        let line = &rest[line_start..line_end];
        let ends_line = usize::from(line.ends_with('\n'));
        if line.trim_end() == "---" {
            return Some(Split {
                yaml: &rest[..line_start],
                body_start: yaml_start + line_end,
                body_line_offset: lines + ends_line,
            });
        }
        lines += ends_line;
        line_start = line_end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_meant_as_pages_are_told_from_others() {
        for (name, meant) in [
            ("a.ru.md.txt", Some("a.ru.md")),
            ("a.kk.MD", Some("a.kk.md")),
            ("Су.Markdown", Some("Су.md")),
            ("a.mkd", Some("a.md")),
            ("a.kk.mdx", Some("a.kk.md")),
            ("a.kk.md.", Some("a.kk.md")),
            ("a.kk.md. .", Some("a.kk.md")),
            ("a.kk.MD ", Some("a.kk.md")),
            ("...", None),
            ("plan.pdf.", None),
            ("masks.jpg", None),
            ("plan.pdf", None),
            ("md", None),
            // The Kelvin sign lowercases to `k`: never cut inside it.
            ("a.m\u{212A}d", None),
            ("\u{212A}.md.txt", Some("\u{212A}.md")),
        ] {
            assert_eq!(meant_as_page(Path::new(name)).as_deref(), meant, "{name}");
        }
    }

    #[test]
    fn keys_follow_paths() {
        let k = |p: &str| key_and_lang(Path::new(p)).unwrap();
        assert_eq!(
            k("content/_index.kk.md"),
            (String::new(), true, "kk".into())
        );
        assert_eq!(
            k("content/rules/_index.ru.md"),
            ("rules".into(), true, "ru".into())
        );
        assert_eq!(
            k("content/rules/a.kk.md"),
            ("rules/a".into(), false, "kk".into())
        );
        assert_eq!(
            k("content/about.ru.md"),
            ("about".into(), false, "ru".into())
        );
        assert!(key_and_lang(Path::new("content/about.md")).is_err());
    }

    #[test]
    fn front_matter_is_split_from_body() {
        let s = split_front_matter("---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body_line_offset, 3);
        assert!(split_front_matter("title: A\n").is_none());
        assert!(split_front_matter("---\ntitle: A\n").is_none());
        // Spaces after the opening line, as after the closing one.
        let spaced = split_front_matter("--- \r\ntitle: A\n---  \nBody\n").unwrap();
        assert_eq!(spaced.yaml, "title: A\n");
        assert!(split_front_matter("---").is_none());
    }

    /// A page's file in a new site folder: the folder and the file's path.
    fn page_file(text: &str) -> (tempfile::TempDir, PathBuf) {
        let root = tempfile::tempdir().unwrap();
        let rel = PathBuf::from("content/a.kk.md");
        std::fs::create_dir(root.path().join("content")).unwrap();
        std::fs::write(root.path().join(&rel), text).unwrap();
        (root, rel)
    }

    /// A build that keeps the render cache takes each page's stamp from the
    /// file as it opens it: the stamp of the file by its path, which a
    /// session takes before reading.
    #[test]
    fn a_page_stamped_as_it_is_read_has_its_files_stamp() {
        let (root, rel) = page_file("---\ntitle: T\n---\nBody\n");
        let (page, _) = load_page(root.path(), rel.clone(), Stamp::OfFile).unwrap();
        let by_path = super::super::fingerprint::stamp(root.path(), &rel);
        assert_eq!(page.stamp, by_path);
        assert_ne!(by_path, super::super::fingerprint::stamp_of(&rel, None));
    }

    /// The front matter is read in chunks; one that ends just after the
    /// `---` of a line `---more` does not end the front matter there.
    #[test]
    fn a_chunk_ending_inside_a_line_of_dashes_does_not_end_the_front_matter() {
        let head = "---\ndescription: ";
        let padding = "a".repeat(2 * 1024 - head.len() - "\n---".len());
        let text = format!("{head}{padding}\n---more\ntitle: T\n---\nBody\n");
        assert_eq!(text.find("---more").unwrap() + 3, 2 * 1024);
        let (root, rel) = page_file(&text);
        let (page, _) = load_page(root.path(), rel, Stamp::Taken(0)).unwrap();
        assert_eq!(page.front_text, text.trim_end_matches("Body\n"));
    }

    /// A large file without the closing line is read in a few chunks, each
    /// twice the one before, not looked at anew for every 2 KiB.
    #[test]
    fn a_large_file_without_an_end_of_front_matter_is_read_in_a_few_looks() {
        let text = format!("---\n{}", "k: v\n".repeat(200_000));
        let (root, rel) = page_file(&text);
        let looks = std::cell::Cell::new(0);
        let (read, _) = super::super::files::read_text_until(root.path(), &rel, |text| {
            looks.set(looks.get() + 1);
            split_front_matter(text).map(|s| s.body_start)
        })
        .unwrap();
        assert_eq!(read, text);
        // 2 KiB, 4 KiB, … up to the file's 1 MB: ten looks.
        assert!(looks.get() <= 10, "{} looks", looks.get());
    }

    proptest::proptest! {
        /// Any text splits as a plain reading of it line by line does: the
        /// same YAML, body and count of lines before the body, with or
        /// without a BOM, `\r\n`, spaces after an opening or closing
        /// line, a closing line at the very end.
        #[test]
        fn any_text_splits_as_read_line_by_line(
            text in "\u{feff}?(---[ \t]*\r?\n)?((---|[a-z: ]{0,6})[ \t\r]*\n?){0,6}"
        ) {
            let by_lines = || {
                let no_bom = text.strip_prefix('\u{feff}').unwrap_or(&text);
                let (first, rest) = no_bom.split_once('\n').unwrap_or((no_bom, ""));
                if first.trim_end() != "---" {
                    return None;
                }
                let yaml_start = text.len() - rest.len();
                let mut offset = yaml_start;
                for line in rest.split_inclusive('\n') {
                    if line.trim_end() == "---" {
                        let body_start = offset + line.len();
                        let lines = text[..body_start].matches('\n').count();
                        return Some((&text[yaml_start..offset], body_start, lines));
                    }
                    offset += line.len();
                }
                None
            };
            let split = split_front_matter(&text);
            let split = split.map(|s| (s.yaml, s.body_start, s.body_line_offset));
            proptest::prop_assert_eq!(split, by_lines());
        }
    }
}
