//! Reading files from disk: UTF-8 text with a precise error for any byte that
//! is not UTF-8, and listing static files to copy.

use std::io::Read;
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
    let bytes = std::fs::read(root.join(rel)).map_err(|e| unreadable(rel, &e))?;
    into_text(rel, bytes)
}

/// Reads the beginning of `root/rel`, chunk by chunk, until `end` finds in
/// the text read so far where the wanted part ends; returns that part. When
/// `end` finds nothing, the whole file is read (and checked as UTF-8).
pub fn read_text_until(
    root: &Path,
    rel: &Path,
    end: impl Fn(&str) -> Option<usize>,
) -> Result<String, Diagnostic> {
    // Front matter is rarely longer than this: usually one read suffices.
    const CHUNK: u64 = 2 * 1024;
    let mut file = std::fs::File::open(root.join(rel)).map_err(|e| unreadable(rel, &e))?;
    let mut bytes = Vec::with_capacity(CHUNK as usize);
    loop {
        let read = (&mut file)
            .take(CHUNK)
            .read_to_end(&mut bytes)
            .map_err(|e| unreadable(rel, &e))?;
        if read == 0 {
            return into_text(rel, bytes);
        }
        let valid = match simdutf8::compat::from_utf8(&bytes) {
            Ok(text) => text,
            // A chunk may end inside a character: look at the valid part.
            Err(e) => simdutf8::basic::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
        };
        if let Some(len) = end(valid) {
            return Ok(valid[..len].to_string());
        }
    }
}

fn unreadable(rel: &Path, error: &std::io::Error) -> Diagnostic {
    Diagnostic::error(rel, Span::START, format!("cannot read this file: {error}"))
        .with_hint("check that the file exists and is readable")
}

fn into_text(rel: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    // simdutf8 validates Cyrillic text several times faster than the
    // standard library; on the benchmark corpus this check was a tenth of
    // the whole build.
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: the bytes were just validated as UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    let valid_up_to = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
    let prefix = String::from_utf8_lossy(&bytes[..valid_up_to]);
    let span = Span::at_offset(&prefix, prefix.len(), 0);
    Err(
        Diagnostic::error(rel, span, "this file is not UTF-8 text").with_hint(
            "save the file with UTF-8 encoding (in most editors: Save as… → Encoding: UTF-8)",
        ),
    )
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
