//! Which files are the site's *input*: the one rule that both the build's
//! walk of the site's folders ([`super::files`]) and the watcher of `serve`
//! and `watch` (which changes start a build) follow, so that a file that
//! starts a build is a file a build reads, and the other way round.
//!
//! An *input file* is `site.yaml`, the site's `.gitignore`, or a file under
//! `content/`, `data/`, `themes/`, `static/`, `templates/` or `i18n/` (the
//! site's own overrides of the theme), unless the file or one of
//! its folders below the site root
//!
//! - matches one of [`NEVER_INPUT`]: hidden files and folders, editors'
//!   temporary, swap, lock and backup files, partial downloads, the files
//!   desktops leave in folders; or
//! - is ignored by the site's own `.gitignore` (the one in the site's root
//!   folder): what is not committed never reaches the server, so a build
//!   on the author's machine must not read it either.
//!
//! Both lists use `.gitignore` syntax and the `ignore` crate's matcher, as
//! mdBook's watcher does. The site's `.gitignore` can only leave out more:
//! a `!pattern` in it does not bring back what [`NEVER_INPUT`] leaves out.
//! Patterns are matched against paths relative to the site root, a folder
//! before what it holds (as git does: a file in a left-out folder is left
//! out, whatever a later `!pattern` says).

use std::path::{Component, Path};
use std::sync::{Arc, OnceLock};

use ignore::gitignore::{Gitignore, GitignoreBuilder};

use super::config::CONFIG_FILE;
use super::content::CONTENT_DIR;
use super::data::DATA_DIR;
use super::files::read_text;
use super::sources::STATIC_DIR;
use super::theme::{I18N_DIR, TEMPLATES_DIR, THEMES_DIR};
use crate::diag::{Diagnostic, Diagnostics, Lines, Span};
use crate::msg;

/// The patterns of files and folders that are never input, in `.gitignore`
/// syntax, each with who leaves such files. The README lists them as they
/// are here.
pub const NEVER_INPUT: &str = r"
# hidden files and folders: .git/, .DS_Store (macOS), .#page.kk.md (emacs'
# lock links), .page.kk.md.swp (vim), .page.kk.md.kate-swp (Kate),
# .~lock.report.odt# (LibreOffice), .goutputstream-XXXXXX (gedit)
.*
# backups (emacs, vim, gedit, Kate)
*~
# emacs' auto-save files
\#*#
# vim's swap files (.swp, then .swo … .swa) and its probes whether a folder
# is writable
*.sw[a-p]
*.swx
4913
# Kate's swap files
*.kate-swp
# temporary files of safe saves (many editors; JetBrains IDEs)
*.tmp
*___jb_tmp___
*___jb_old___
# partial downloads (Firefox, wget, KDE; Chrome)
*.part
*.crdownload
# Microsoft Office's lock files; Windows Explorer's thumbnails and settings
~$*
Thumbs.db
desktop.ini
";

/// What a path names: the rules of `.gitignore` can differ for the two
/// (`logs/` leaves out folders only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A file, or anything that is not a folder.
    File,
    /// A folder.
    Folder,
}

impl Entry {
    /// What `path` is on disk now, through links as the walk follows them;
    /// a path that is gone, or a link that leads nowhere, counts as a file.
    pub fn of(path: &Path) -> Entry {
        match path.is_dir() {
            true => Entry::Folder,
            false => Entry::File,
        }
    }

    /// The entry that a `walkdir` entry of this `file_type` is.
    pub fn of_type(file_type: std::fs::FileType) -> Entry {
        match file_type.is_dir() {
            true => Entry::Folder,
            false => Entry::File,
        }
    }

    fn is_folder(self) -> bool {
        self == Entry::Folder
    }
}

/// The site's `.gitignore`, in the site root.
pub const GITIGNORE: &str = ".gitignore";

/// The folders of the site root whose files are input (see the module
/// docs): the one list of what a build reads, which the output may not lie
/// in either (`write::check_output`).
pub const INPUT_DIRS: [&str; 6] = [
    CONTENT_DIR,
    DATA_DIR,
    THEMES_DIR,
    STATIC_DIR,
    TEMPLATES_DIR,
    I18N_DIR,
];

/// The rule for one site: [`NEVER_INPUT`] and the site's `.gitignore`.
/// Cheap to clone.
#[derive(Clone)]
pub struct Inputs {
    /// The site's `.gitignore`, or no patterns.
    site: Arc<Gitignore>,
}

impl Inputs {
    /// The rule for the site in `root`, and what was wrong with its
    /// `.gitignore`: an error when it cannot be read (the build cannot tell
    /// its input), a warning for each line that is no pattern. A missing
    /// `.gitignore` is no problem. The file is read on every call (a build
    /// calls this for each folder it walks; an edit of the `.gitignore`
    /// must count at once) but parsed again only when its text changed.
    pub fn read(root: &Path) -> (Inputs, Diagnostics) {
        type Parsed = (Inputs, Diagnostics);
        thread_local! {
            static LAST: std::cell::RefCell<Option<(std::path::PathBuf, String, Parsed)>> =
                const { std::cell::RefCell::new(None) };
        }
        let text = match read_text(root, Path::new(GITIGNORE)) {
            Ok(text) => text,
            Err(_) if std::fs::symlink_metadata(root.join(GITIGNORE)).is_err() => String::new(),
            // Not cached: the error is about the file, not its text.
            Err(d) => return (Inputs::from_gitignore("").0, Diagnostics::from_iter([d])),
        };
        LAST.with_borrow_mut(|last| {
            if let Some((given, known, parsed)) = last.as_ref()
                && given == root
                && *known == text
            {
                return parsed.clone();
            }
            let parsed = Inputs::from_gitignore(&text);
            *last = Some((root.to_path_buf(), text, parsed.clone()));
            parsed
        })
    }

    /// The rule of a site without a `.gitignore`: [`NEVER_INPUT`] only.
    pub fn without_gitignore() -> Inputs {
        Inputs::from_gitignore("").0
    }

    /// The rule with `gitignore` as the text of the site's `.gitignore`, and
    /// a warning for each line that is no pattern.
    fn from_gitignore(gitignore: &str) -> (Inputs, Diagnostics) {
        let (site, errors) = matcher(gitignore);
        let lines = Lines::new(gitignore, 0);
        let diagnostics = errors
            .into_iter()
            .map(|(line, error)| {
                Diagnostic::warning(
                    GITIGNORE,
                    Span::new(line, 1),
                    msg!("gitignore-pattern", error = error),
                )
                .with_hint(msg!("gitignore-pattern-hint"))
                .with_quote(lines.quote_line(Span::new(line, 1)))
            })
            .collect();
        (
            Inputs {
                site: Arc::new(site),
            },
            diagnostics,
        )
    }

    /// Whether `rel` (a path relative to the site root, naming `entry`) is
    /// input. A path outside the site (`..`, absolute) is not.
    pub fn is_input(&self, rel: &Path, entry: Entry) -> bool {
        let mut parts = rel.components();
        let Some(Component::Normal(first)) = parts.next() else {
            return false;
        };
        let first = first.to_str().unwrap_or_default();
        let is_root_file = parts.clone().next().is_none()
            && (first == CONFIG_FILE || first == GITIGNORE)
            && entry == Entry::File;
        if is_root_file {
            return true;
        }
        INPUT_DIRS.contains(&first) && self.is_site_file(rel, entry)
    }

    /// Whether `rel` (a path relative to the site root, naming `entry`) is
    /// one of the site's files, input or not: below the root, and neither
    /// it nor a folder on its way hidden, an editor's leftover or left out
    /// by the `.gitignore` (what git would commit). A symbolic link may
    /// lead to such a file (`static/LICENSE.txt` → `../LICENSE`).
    pub fn is_site_file(&self, rel: &Path, entry: Entry) -> bool {
        let normal = |c: Component| matches!(c, Component::Normal(_));
        if rel.as_os_str().is_empty() || !rel.components().all(normal) {
            return false;
        }
        // Each folder from the top, then the path itself, as a walk meets
        // them.
        let mut prefix = std::path::PathBuf::new();
        let count = rel.components().count();
        rel.components().enumerate().all(|(i, part)| {
            prefix.push(part);
            let entry = match i + 1 < count {
                true => Entry::Folder,
                false => entry,
            };
            self.admits(&prefix, entry)
        })
    }

    /// Whether the walk of a folder takes its `entry` at `rel` (relative to
    /// the site root), whose folders it took already: whether neither
    /// [`NEVER_INPUT`] nor the site's `.gitignore` leaves out `rel` itself.
    pub fn admits(&self, rel: &Path, entry: Entry) -> bool {
        let is_dir = entry.is_folder();
        !never_input().matched(rel, is_dir).is_ignore()
            && !self.site.matched(rel, is_dir).is_ignore()
    }
}

/// [`NEVER_INPUT`], parsed once.
fn never_input() -> &'static Gitignore {
    static NEVER: OnceLock<Gitignore> = OnceLock::new();
    NEVER.get_or_init(|| matcher(NEVER_INPUT).0)
}

/// A matcher of `patterns` (`.gitignore` syntax) for paths relative to the
/// site root, and the lines (1-based) it could not take, with why.
fn matcher(patterns: &str) -> (Gitignore, Vec<(usize, String)>) {
    // "." as the root: paths are matched as they are given, relative.
    let mut builder = GitignoreBuilder::new(".");
    let mut errors = Vec::new();
    for (i, line) in patterns.lines().enumerate() {
        // git skips a byte order mark at the start.
        let line = if i == 0 {
            line.trim_start_matches('\u{feff}')
        } else {
            line
        };
        if let Err(error) = builder.add_line(None, line) {
            errors.push((i + 1, error.to_string()));
        }
    }
    match builder.build() {
        Ok(gitignore) => (gitignore, errors),
        Err(error) => {
            errors.push((1, error.to_string()));
            (Gitignore::empty(), errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(gitignore: &str) -> Inputs {
        Inputs::from_gitignore(gitignore).0
    }

    fn input(rule: &Inputs, rel: &str) -> bool {
        rule.is_input(Path::new(rel), Entry::File)
    }

    #[test]
    fn pages_data_themes_and_static_files_are_input() {
        let rule = parse("");
        for rel in [
            "site.yaml",
            ".gitignore",
            "content",
            "content/_index.kk.md",
            "content/rules/protection.ru.md",
            "content/ережелер/қорғау.kk.md",
            "content/Ақтау/Жаңаөзен.ru.md",
            "content/правила/защита.ru.md",
            "content/ұйымдар/әйелдер-кеңесі_2.0.kk.md",
            "content/2020/4913-жыл.kk.md",
            "content/4913.kk.md",
            "content/a~b.kk.md",
            "content/notes.tmp.kk.md",
            "content/part.kk.md",
            "content/swp.kk.md",
            "content/#1.kk.md",
            "content/a#b/x.kk.md",
            "content/what is this?.kk.md",
            "data/aid/records.yaml",
            "data/ұйымдар.yaml",
            "data/мәліметтер.yml",
            "themes/default/templates/base.html",
            "themes/default/i18n/kk.yaml",
            "themes/default/fonts/DejaVuSans.ttf",
            "static/есеп-2020.pdf",
            "static/logo.svg",
            "static/files/report.part1.pdf",
            "static/thumbs.db.txt",
        ] {
            assert!(input(&rule, rel), "{rel} is input");
        }
    }

    #[test]
    fn temporary_hidden_and_outside_files_are_not() {
        let rule = parse("");
        for rel in [
            // Hidden files and folders.
            "content/.DS_Store",
            "content/.hidden.kk.md",
            "content/.#protection.kk.md",
            "content/.protection.kk.md.swp",
            "content/.protection.kk.md.swx",
            "content/.protection.kk.md.kate-swp",
            "content/.goutputstream-ABC123",
            "static/.~lock.есеп.odt#",
            "content/.obsidian/workspace.kk.md",
            "content/.git/HEAD",
            "themes/.old/templates/base.html",
            "data/.aid/records.yaml",
            // Editors' temporary, swap and backup files.
            "content/қорғау.kk.md~",
            "content/~",
            "content/#қорғау.kk.md#",
            "content/##",
            "content/protection.kk.md.swp",
            "content/protection.kk.md.swo",
            "content/protection.kk.md.swa",
            "content/protection.kk.md.swx",
            "content/4913",
            "content/ережелер/4913",
            "content/protection.kk.md.tmp",
            "content/ережелер.kk.md.tmp",
            "content/a.kk.md.kate-swp",
            "content/a.kk.md___jb_tmp___",
            "content/a.kk.md___jb_old___",
            "data/aid/records.yaml~",
            "data/ұйымдар.yaml.tmp",
            "data/aid/4913",
            "themes/default/templates/page.html~",
            "themes/default/templates/page.html.swp",
            // Downloads and desktops.
            "static/есеп.pdf.part",
            "static/есеп.pdf.crdownload",
            "static/~$есеп.docx",
            "static/Thumbs.db",
            "static/images/desktop.ini",
            // Folders named like them, and what they hold.
            "content/old~/a.kk.md",
            "content/4913/a.kk.md",
            // Not the site's input at all.
            "public/index.html",
            "public.builds/x/index.html",
            "README.md",
            "site.yaml~",
            ".git/index",
            ".github/workflows/ci.yml",
            "target/debug/aqparat",
            "../content/a.kk.md",
            "/content/a.kk.md",
            "content/../../etc/passwd",
            "",
        ] {
            assert!(!input(&rule, rel), "{rel} is not input");
        }
    }

    #[test]
    fn the_sites_gitignore_leaves_out_more_never_less() {
        let rule = parse(
            "\u{feff}# notes\n/content/drafts/\n*.bak\nжоба-*.kk.md\n!.DS_Store\n!content/drafts/keep.kk.md\nsite.yaml\n",
        );
        for rel in [
            "content/a.kk.md",
            "content/rules/drafts/a.kk.md",
            "content/ережелер.kk.md",
            "site.yaml",
        ] {
            assert!(input(&rule, rel), "{rel} is input");
        }
        for rel in [
            "content/drafts/a.kk.md",
            "content/drafts/keep.kk.md",
            "content/a.kk.md.bak",
            "static/есеп.pdf.bak",
            "content/жоба-1.kk.md",
            "content/ережелер/жоба-2.kk.md",
            "static/.DS_Store",
        ] {
            assert!(!input(&rule, rel), "{rel} is not input");
        }
        // A folder pattern leaves out the folder, not a file of that name.
        assert!(!rule.is_input(Path::new("content/drafts"), Entry::Folder));
        assert!(rule.is_input(Path::new("content/a/drafts"), Entry::File));
    }

    #[test]
    fn a_line_that_is_no_pattern_is_a_warning_at_its_line() {
        let (rule, diagnostics) = Inputs::from_gitignore("*.bak\n[z-a]\n*.old\n");
        let diagnostics = diagnostics.into_sorted();
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].span, Span::new(2, 1));
        assert!(!diagnostics[0].is_error());
        assert!(!input(&rule, "content/a.old"));
        assert!(!input(&rule, "content/a.bak"));
    }

    #[test]
    fn the_readme_lists_the_patterns_as_they_are() {
        let readme = include_str!("../../README.md");
        let block = format!("```gitignore\n{}\n```", NEVER_INPUT.trim());
        assert!(readme.contains(&block), "the README has:\n{block}");
    }
}
