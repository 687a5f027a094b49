//! Reading files from disk: UTF-8 text with a precise error for any byte that
//! is not UTF-8, and listing static files to copy.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diag::{Diagnostic, Span};

/// A file copied into the output as it is.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Where it is on disk.
    pub source: PathBuf,
    /// Where it goes, relative to the output root.
    pub output: PathBuf,
}

/// Reads `root/rel` as UTF-8 text. A file that is not UTF-8 gives a
/// diagnostic at the first bad byte.
pub fn read_text(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(root.join(rel)).map_err(|e| {
        Diagnostic::error(rel, Span::START, format!("cannot read this file: {e}"))
            .with_hint("check that the file exists and is readable")
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let prefix = String::from_utf8_lossy(valid);
        let span = Span::at_offset(&prefix, prefix.len(), 0);
        Diagnostic::error(rel, span, "this file is not UTF-8 text").with_hint(
            "save the file with UTF-8 encoding (in most editors: Save as… → Encoding: UTF-8)",
        )
    })
}

/// Every file under `root/dir`, relative to `root`, sorted, skipping hidden
/// files and editors' backup files.
pub fn list(root: &Path, dir: &Path) -> Vec<PathBuf> {
    let base = root.join(dir);
    let mut files: Vec<PathBuf> = WalkDir::new(&base)
        .follow_links(true)
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_ignored(entry.file_name()))
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter_map(|entry| entry.path().strip_prefix(root).ok().map(Path::to_path_buf))
        .collect();
    files.sort();
    files
}

/// Hidden files, editor swap and backup files are never input.
fn is_ignored(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") || name.starts_with('#')
}

/// The files of `root/dir` as static files, placed at the output root.
pub fn static_files(root: &Path, dir: &Path) -> Vec<StaticFile> {
    list(root, dir)
        .into_iter()
        .filter_map(|rel| {
            let output = rel.strip_prefix(dir).ok()?.to_path_buf();
            Some(StaticFile {
                source: root.join(&rel),
                output,
            })
        })
        .collect()
}
