//! Reading files from disk: UTF-8 text with a precise error for any byte that
//! is not UTF-8, and walking the site's folders (`content/`, `data/`,
//! `static/`, the theme) for their input files (see [`super::inputs`]).
//!
//! Nothing outside the site's folder is ever read or published: a site may
//! arrive by `git push`, and a symbolic link in it must not publish the
//! server's files. A *symbolic link* is followed only when it leads to a
//! file or folder inside the site root (resolved, the root itself resolved
//! too); one that leads outside, or nowhere, is an error naming the link.
//! Inside the site, a link is followed only to a file or folder of the site
//! that git would commit (see [`Inputs::is_site_file`]), and never into an
//! output of aqparat (a folder holding its stamp): else `static/env.txt` →
//! `../.env` would publish a hidden file, `static/git` → `../.git` the
//! repository, `static/p.txt` → `../private.txt` a file the `.gitignore`
//! leaves out (one never committed), and `static/pub` → `../public` the
//! last build, into itself, bigger at every build. Such a link is an error
//! naming it; what a linked folder holds that git would not commit is left
//! out, as in the folder itself. What cannot be read (a folder or file
//! without permission, a FIFO, a socket), and a file or folder whose name
//! is not UTF-8, is an error naming it too, never skipped in silence.

use std::io::Read;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::inputs::{Entry, GITIGNORE, INPUT_DIRS, Inputs};
use crate::diag::{Diagnostic, Diagnostics, Span, display_path};
use crate::messages::Message;
use crate::msg;
// The write stage's stamp: the one mark of a folder aqparat built, which
// no link may lead into (see the module docs).
use crate::write::STAMP;

/// Where the bytes of a file of the theme are.
#[derive(Debug, Clone)]
pub enum FileSource {
    /// In a file on disk.
    Disk(PathBuf),
    /// In the binary (the built-in theme).
    BuiltIn(&'static [u8]),
}

impl FileSource {
    /// Its bytes.
    pub fn bytes(&self) -> std::io::Result<std::borrow::Cow<'static, [u8]>> {
        match self {
            FileSource::Disk(path) => std::fs::read(path).map(Into::into),
            FileSource::BuiltIn(bytes) => Ok((*bytes).into()),
        }
    }
}

/// A file copied into the output as it is.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Where its bytes are.
    pub source: FileSource,
    /// Where it goes, relative to the output root.
    pub output: PathBuf,
}

/// Reads `root/rel` as UTF-8 text. A file that is not UTF-8 gives a
/// diagnostic at the first bad byte; one that is a symbolic link leading
/// outside the site, or no regular file, gives a diagnostic and is not read.
pub fn read_text(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    into_text(rel, read_bytes(root, rel)?)
}

/// Reads `root/rel` as bytes, refusing what [`read_text`] refuses.
pub fn read_bytes(root: &Path, rel: &Path) -> Result<Vec<u8>, Diagnostic> {
    let (file, found) = open(root, rel)?;
    // Sized by what `open` found: `read_to_end` on the `File` itself would
    // ask for the size again (a `statx` and an `lseek`), and every page is
    // read so, 40,000 system calls in a build of 20,222 pages; through
    // `take` it reads into the room it is given.
    let mut bytes = Vec::with_capacity(usize::try_from(found.len()).unwrap_or(0));
    file.take(u64::MAX)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(rel, &e))?;
    Ok(bytes)
}

/// Opens `root/rel` for reading, refusing what lies outside the site and
/// what is not a regular file (a FIFO would block the build forever); gives
/// the file and what the file system says of it.
fn open(root: &Path, rel: &Path) -> Result<(std::fs::File, std::fs::Metadata), Diagnostic> {
    let file = match open_without_links(root, rel) {
        Some(file) => file,
        None => open_checked(root, rel)?,
    };
    let metadata = file.metadata().map_err(|e| unreadable(rel, &e))?;
    if !metadata.is_file() {
        return Err(not_a_file(rel, metadata.file_type()));
    }
    Ok((file, metadata))
}

/// Opens `root/rel` once [`reached`] finds it inside the site and, when
/// links lead elsewhere in it, an input file outside any output (see the
/// module docs). Every read of a file that may be reached through a link
/// comes here, whether a walk listed it or not (`site.yaml`, the
/// `.gitignore`).
fn open_checked(root: &Path, rel: &Path) -> Result<std::fs::File, Diagnostic> {
    let path = root.join(rel);
    if let Some(canonical_root) = canonical(root) {
        // The `.gitignore` is read to know the input: a link in its place
        // is checked against the patterns every site has.
        let inputs = || match rel == Path::new(GITIGNORE) {
            true => Inputs::without_gitignore(),
            false => Inputs::read(root).0,
        };
        if let Reach::NoSiteFile(d) = reached(&canonical_root, inputs, &path, rel)? {
            return Err(d);
        }
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Non-blocking, so that opening a FIFO returns at once; `open`
        // then refuses it. Regular files ignore the flag.
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    options.open(&path).map_err(|e| unreadable(rel, &e))
}

/// `root/rel` opened in one system call when no symbolic link lies on the
/// way from the resolved root (Linux's `openat2` with
/// `RESOLVE_NO_SYMLINKS`): the file is then inside the site by
/// construction, and [`reached`]'s `realpath` (a `readlink` per folder
/// of the path) is not needed; that was 6 % of the time of a build of
/// 20,222 pages, each page file being opened twice. `None` when a link is
/// met, on other systems, or on any error: [`open_checked`] then checks,
/// and reports what is wrong.
#[cfg(target_os = "linux")]
fn open_without_links(root: &Path, rel: &Path) -> Option<std::fs::File> {
    use rustix::fs::{CWD, Mode, OFlags, ResolveFlags};
    // `..` is no link, but may lead out.
    let plain = |c: std::path::Component| matches!(c, std::path::Component::Normal(_));
    if !rel.components().all(plain) {
        return None;
    }
    let path = canonical(root)?.join(rel);
    let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let fd = rustix::fs::openat2(CWD, &path, flags, Mode::empty(), ResolveFlags::NO_SYMLINKS);
    fd.ok().map(std::fs::File::from)
}

/// Linux only: see above.
#[cfg(not(target_os = "linux"))]
fn open_without_links(_: &Path, _: &Path) -> Option<std::fs::File> {
    None
}

/// How a path of the site is reached (see [`reached`]).
enum Reach {
    /// Where its path says: no symbolic link on the way.
    Here,
    /// Through links, to another file or folder of the site.
    ThroughLink,
    /// Through links, to what is no file of the site (hidden, or left out
    /// by the `.gitignore`): an error for a link; what a linked folder holds
    /// of that kind is left out, as the folder itself leaves it out.
    NoSiteFile(Diagnostic),
}

/// How `path`, `rel` under the resolved root, is reached, and whether it
/// may be read: through symbolic links, only to a file or folder of the
/// site (see [`Inputs::is_site_file`]; `inputs` is called only then) that
/// no output of aqparat holds. An error when it resolves outside the root,
/// cannot be resolved (a broken link), or leads into an output. Files that
/// do not exist are left to the caller's own error.
fn reached(
    canonical_root: &Path,
    inputs: impl FnOnce() -> Inputs,
    path: &Path,
    rel: &Path,
) -> Result<Reach, Diagnostic> {
    let resolved = match std::fs::canonicalize(path) {
        Ok(resolved) => resolved,
        Err(_) if is_symlink(path) && std::fs::metadata(path).is_err() => {
            return Err(broken_link(rel, path));
        }
        // Not there, or not permitted: opening it reports why.
        Err(_) => return Ok(Reach::Here),
    };
    let Ok(target) = resolved.strip_prefix(canonical_root) else {
        return Err(leads_outside(rel));
    };
    if target == rel {
        // No link on the way (or one leading back to where it stands):
        // the caller took `rel` as input itself.
        return Ok(Reach::Here);
    }
    if let Some(output) = output_holding(canonical_root, &resolved) {
        let output = output.strip_prefix(canonical_root).unwrap_or(output);
        return Err(leads_into_output(rel, output));
    }
    if !inputs().is_site_file(target, Entry::of(&resolved)) {
        return Ok(Reach::NoSiteFile(leads_to_no_site_file(rel, target)));
    }
    Ok(Reach::ThroughLink)
}

/// The folder aqparat built (holding its [`STAMP`]) that is, or holds,
/// `resolved`, a path under the resolved root; the root itself does not
/// count.
fn output_holding<'a>(canonical_root: &Path, resolved: &'a Path) -> Option<&'a Path> {
    resolved
        .ancestors()
        .take_while(|folder| *folder != canonical_root && folder.starts_with(canonical_root))
        .find(|folder| std::fs::symlink_metadata(folder.join(STAMP)).is_ok_and(|m| m.is_file()))
}

/// `root` resolved, remembered per thread: every file read checks that it
/// lies inside, and resolving the root each time would double the cost.
fn canonical(root: &Path) -> Option<PathBuf> {
    thread_local! {
        static LAST: std::cell::RefCell<Option<(PathBuf, PathBuf)>> =
            const { std::cell::RefCell::new(None) };
    }
    LAST.with_borrow_mut(|last| {
        if let Some((given, resolved)) = last.as_ref()
            && given == root
        {
            return Some(resolved.clone());
        }
        let resolved = std::fs::canonicalize(root).ok()?;
        *last = Some((root.to_path_buf(), resolved.clone()));
        Some(resolved)
    })
}

fn is_symlink(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

fn leads_outside(rel: &Path) -> Diagnostic {
    // Neither the target nor any of its text is shown: the person who
    // pushed the site must not learn the server's files from the log.
    Diagnostic::error(rel, Span::START, msg!("symlink-outside"))
        .with_hint(msg!("symlink-outside-hint"))
}

/// `rel`, a link (or reached through one), leads to `target` in the site,
/// which is no file of the site (hidden, or left out by the `.gitignore`).
fn leads_to_no_site_file(rel: &Path, target: &Path) -> Diagnostic {
    Diagnostic::error(
        rel,
        Span::START,
        msg!("symlink-not-site-file", target = shown_in_site(target)),
    )
    .with_hint(msg!("symlink-not-site-file-hint"))
}

/// `rel`, a link (or reached through one), leads into `output`, a folder
/// of the site that a build made.
fn leads_into_output(rel: &Path, output: &Path) -> Diagnostic {
    Diagnostic::error(
        rel,
        Span::START,
        msg!("symlink-into-output", output = shown_in_site(output)),
    )
    .with_hint(msg!("symlink-into-output-hint"))
}

/// A path relative to the site root as messages show it; the root itself
/// is `.`.
fn shown_in_site(rel: &Path) -> String {
    match rel.as_os_str().is_empty() {
        true => ".".to_string(),
        false => display_path(rel),
    }
}

/// `rel`, the symbolic link `path`, leads to nothing: to a path that does
/// not exist, or round a loop of links (each leading to the next, the
/// last back to the first), which the system gives up following.
fn broken_link(rel: &Path, path: &Path) -> Diagnostic {
    let target = std::fs::read_link(path).map_or(Message::default(), |t| {
        msg!("symlink-target", target = display_path(&t))
    });
    let loop_error = rustix::io::Errno::LOOP.raw_os_error();
    match std::fs::metadata(path).map_err(|e| e.raw_os_error()) {
        Err(Some(error)) if error == loop_error => Diagnostic::error(
            rel,
            Span::START,
            msg!("symlink-links-loop", target = target),
        )
        .with_hint(msg!("symlink-links-loop-hint")),
        _ => Diagnostic::error(rel, Span::START, msg!("symlink-broken", target = target))
            .with_hint(msg!("symlink-broken-hint")),
    }
}

fn not_a_file(rel: &Path, file_type: std::fs::FileType) -> Diagnostic {
    Diagnostic::error(
        rel,
        Span::START,
        msg!("not-a-file", kind = kind_of(file_type)),
    )
    .with_hint(msg!("not-a-file-hint"))
}

/// Reports each of the site's input folders ([`INPUT_DIRS`]) that is there
/// but is no folder (a file named `content`): walked, it gave errors about
/// what the folder lacked, or nothing at all.
pub fn input_folders(root: &Path, diagnostics: &mut Diagnostics) {
    for dir in INPUT_DIRS {
        if let Some(file_type) = no_folder(&root.join(dir)) {
            diagnostics.push(not_a_folder(Path::new(dir), file_type));
        }
    }
}

/// What stands at `path` (links followed), when something does and it is
/// no folder.
pub fn no_folder(path: &Path) -> Option<std::fs::FileType> {
    let metadata = std::fs::metadata(path).ok()?;
    (!metadata.is_dir()).then(|| metadata.file_type())
}

/// The error of `dir`, a folder of the site that is `file_type` instead.
fn not_a_folder(dir: &Path, file_type: std::fs::FileType) -> Diagnostic {
    let name = display_path(dir);
    let kind = kind_of(file_type);
    Diagnostic::error(
        dir,
        Span::START,
        msg!("not-a-folder", kind = kind, name = &name),
    )
    .with_hint(msg!("not-a-folder-hint", name = name))
}

/// What a file system entry is, in words.
fn kind_of(file_type: std::fs::FileType) -> Message {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return msg!("kind-fifo");
        }
        if file_type.is_socket() {
            return msg!("kind-socket");
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return msg!("kind-device");
        }
    }
    if file_type.is_dir() {
        msg!("kind-folder")
    } else if file_type.is_file() {
        msg!("kind-file")
    } else {
        msg!("kind-special")
    }
}

/// Reads the beginning of `root/rel`, chunk by chunk, until `end` finds in
/// the whole lines read so far where the wanted part ends; returns that
/// part, and what the file system said of the file when it was opened.
/// When `end` finds nothing, the whole file is read (and checked as
/// UTF-8). `end` sees whole lines only, so that a chunk ending inside a
/// line (`---` of `---title`) is not taken for a line of its own; each
/// chunk is twice the one before, so that a large file is looked at a
/// few times, not once for every 2 KiB.
pub fn read_text_until(
    root: &Path,
    rel: &Path,
    end: impl Fn(&str) -> Option<usize>,
) -> Result<(String, std::fs::Metadata), Diagnostic> {
    // Front matter is rarely longer than this: usually one read suffices.
    let mut chunk: u64 = 2 * 1024;
    let (mut file, found) = open(root, rel)?;
    let mut bytes = Vec::with_capacity(chunk as usize);
    loop {
        let read = (&mut file)
            .take(chunk)
            .read_to_end(&mut bytes)
            .map_err(|e| unreadable(rel, &e))?;
        if read == 0 {
            return Ok((into_text(rel, bytes)?, found));
        }
        chunk = chunk.saturating_mul(2);
        // The whole lines read so far (a line's end is never inside a
        // character); text that is not UTF-8 ends the look.
        let lines = memchr::memrchr(b'\n', &bytes).map_or(0, |i| i + 1);
        let valid = match simdutf8::compat::from_utf8(&bytes[..lines]) {
            Ok(text) => text,
            Err(e) => simdutf8::basic::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
        };
        if let Some(len) = end(valid) {
            return Ok((valid[..len].to_string(), found));
        }
    }
}

fn unreadable(rel: &Path, error: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        rel,
        Span::START,
        msg!("cannot-read-file", error = error.to_string()),
    )
    .with_hint(unreadable_hint(error))
}

fn unreadable_hint(error: &std::io::Error) -> Message {
    match error.kind() {
        std::io::ErrorKind::PermissionDenied => msg!("unreadable-permission-hint"),
        _ => msg!("unreadable-hint"),
    }
}

/// `bytes`, the file `rel`, as text; a diagnostic at the first byte that
/// is not UTF-8.
pub fn into_text(rel: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
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
    Err(Diagnostic::error(rel, span, msg!("not-utf8")).with_hint(msg!("not-utf8-hint")))
}

/// Every input file under `root/dir` (see [`Inputs`]), relative to `root`,
/// sorted; what cannot be listed or is refused (see the module docs) is
/// left out and reported in `diagnostics`. A missing `dir` is no error
/// here: callers decide whether it is required.
pub fn walk(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    let base = root.join(dir);
    // What is wrong with the `.gitignore` is reported once, by `sources`.
    let inputs = Inputs::read(root).0;
    // A folder of the site root that is no folder is reported by
    // `input_folders`, one further down (a theme's) here; a link that leads
    // nowhere, by the walk.
    if let Some(file_type) = no_folder(&base) {
        if !INPUT_DIRS.iter().any(|d| Path::new(d) == dir) {
            diagnostics.push(not_a_folder(dir, file_type));
        }
        return Vec::new();
    }
    if std::fs::symlink_metadata(&base).is_err() || !inputs.is_input(dir, Entry::Folder) {
        return Vec::new();
    }
    let Some(canonical_root) = canonical(root) else {
        // An unreadable root is reported (and fatal) elsewhere.
        return Vec::new();
    };
    let relative = |path: &Path| relative_to(root, path);
    let mut files = Vec::new();
    // The depths of the folders being walked that links lead to (the base
    // folder itself may be one): what they hold is where they lead, and is
    // checked as input there, not by the path through the link.
    let mut linked: Vec<usize> = Vec::new();
    let mut entries = WalkDir::new(&base)
        .follow_links(true)
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0
                || inputs.admits(&relative(entry.path()), Entry::of_type(entry.file_type()))
        });
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().unwrap_or(&base);
                // An entry that cannot be followed (emacs' lock links lead
                // nowhere) comes as an error, past `filter_entry`.
                if path != base && !inputs.admits(&relative(path), Entry::of(path)) {
                    continue;
                }
                diagnostics.push(walk_error(&relative(path), path, &error));
                continue;
            }
        };
        let rel = relative(entry.path());
        if entry.depth() > 0 && entry.file_name().to_str().is_none() {
            diagnostics.push(name_not_utf8(&rel, entry.file_type().is_dir()));
            if entry.file_type().is_dir() {
                entries.skip_current_dir();
            }
            continue;
        }
        while linked.last().is_some_and(|&depth| depth >= entry.depth()) {
            linked.pop();
        }
        // The base folder itself may be reached through a link too.
        if entry.depth() == 0 || entry.path_is_symlink() || !linked.is_empty() {
            // What is left out, and the error to report, if any.
            let left_out = match reached(&canonical_root, || inputs.clone(), entry.path(), &rel) {
                Ok(Reach::ThroughLink) if entry.file_type().is_dir() => {
                    linked.push(entry.depth());
                    None
                }
                Ok(Reach::Here | Reach::ThroughLink) => None,
                // Below a linked folder, what git would not commit is left
                // out as in the folder itself (a local file the
                // `.gitignore` leaves out is no error on one machine).
                Ok(Reach::NoSiteFile(d)) => {
                    Some((entry.depth() == 0 || entry.path_is_symlink()).then_some(d))
                }
                Err(d) => Some(Some(d)),
            };
            if let Some(error) = left_out {
                diagnostics.extend(error);
                if entry.file_type().is_dir() {
                    entries.skip_current_dir();
                }
                continue;
            }
        }
        let file_type = entry.file_type();
        if file_type.is_dir() {
            continue;
        }
        if file_type.is_file() {
            files.push(rel);
        } else {
            diagnostics.push(not_a_file(&rel, file_type));
        }
    }
    files.sort();
    files
}

/// The error for the file (or the folder, `is_folder`) `rel`, whose name
/// is not UTF-8: a ZIP archive made on Windows gives such names (cp866,
/// cp1251). It cannot name a page, a file of the site or a data file, and
/// is never left out without a word.
fn name_not_utf8(rel: &Path, is_folder: bool) -> Diagnostic {
    let message = match is_folder {
        true => msg!("folder-name-not-utf8"),
        false => msg!("file-name-not-utf8"),
    };
    Diagnostic::error(rel, Span::START, message).with_hint(msg!("name-not-utf8-hint"))
}

/// `path`, one of the walk's paths below `root`, relative to `root`. The
/// walk's paths begin with `root` as written, so the bytes are cut off:
/// `Path::strip_prefix` parses both paths into components, which cost more
/// than the rest of the walk on a site of many pages, and the walk is done
/// before anything else can start.
fn relative_to(root: &Path, path: &Path) -> PathBuf {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let root_bytes = root.as_os_str().as_bytes();
    let rest = path.as_os_str().as_bytes().strip_prefix(root_bytes);
    // Then a `/`, unless the root is empty or ends with one.
    let separated = root_bytes.is_empty() || root_bytes.ends_with(b"/");
    match rest.and_then(|rest| {
        if separated {
            Some(rest)
        } else {
            rest.strip_prefix(b"/")
        }
    }) {
        Some(rest) if !rest.is_empty() && !rest.starts_with(b"/") => {
            PathBuf::from(OsStr::from_bytes(rest))
        }
        _ => path.strip_prefix(root).unwrap_or(path).to_path_buf(),
    }
}

/// A diagnostic for an entry the walk could not read.
fn walk_error(rel: &Path, path: &Path, error: &walkdir::Error) -> Diagnostic {
    if error.loop_ancestor().is_some() {
        return Diagnostic::error(rel, Span::START, msg!("symlink-loop"))
            .with_hint(msg!("symlink-loop-hint"));
    }
    if is_symlink(path) && std::fs::metadata(path).is_err() {
        return broken_link(rel, path);
    }
    let cannot_read =
        |error: String| match std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
            true => msg!("cannot-read-folder", error = error),
            false => msg!("cannot-read-file", error = error),
        };
    match error.io_error() {
        Some(io) => Diagnostic::error(rel, Span::START, cannot_read(io.to_string()))
            .with_hint(unreadable_hint(io)),
        None => Diagnostic::error(rel, Span::START, cannot_read(error.to_string()))
            .with_hint(msg!("walk-unreadable-hint")),
    }
}

/// [`walk`] without its diagnostics, for callers whose folder [`walk`]
/// reports elsewhere (`data/` in `sources`, fingerprints); refused entries
/// are left out all the same.
pub fn list(root: &Path, dir: &Path) -> Vec<PathBuf> {
    walk(root, dir, &mut Diagnostics::new())
}

/// The files of `root/dir` as static files, placed at the output root.
/// Each is opened once here, so that a file the build could not copy is
/// reported by `check` as well as `build`.
pub fn static_files(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) -> Vec<StaticFile> {
    walk(root, dir, diagnostics)
        .into_iter()
        .filter_map(|rel| {
            diagnostics.ok(open(root, &rel))?;
            let output = rel.strip_prefix(dir).ok()?.to_path_buf();
            Some(StaticFile {
                source: FileSource::Disk(root.join(&rel)),
                output,
            })
        })
        .collect()
}

/// The readable files of `files` (paths relative to `root`); the others
/// are reported.
pub fn readable(root: &Path, files: Vec<PathBuf>, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    files
        .into_iter()
        .filter(|rel| diagnostics.ok(open(root, rel)).is_some())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[cfg(unix)]
    #[test]
    fn a_file_reached_through_a_link_is_checked() {
        let (site, outside) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let (root, content) = (site.path(), site.path().join("content"));
        std::fs::create_dir(&content).unwrap();
        std::fs::write(content.join("a.md"), "a").unwrap();
        std::fs::write(outside.path().join("secret"), "secret").unwrap();
        std::os::unix::fs::symlink(content.join("a.md"), content.join("b.md")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), content.join("c.md")).unwrap();
        std::os::unix::fs::symlink(outside.path(), content.join("d")).unwrap();
        let read = |rel: &str| read_text(root, Path::new(rel));
        assert_eq!(read("content/a.md").unwrap(), "a");
        assert_eq!(read("content/b.md").unwrap(), "a");
        assert!(read("content/c.md").is_err());
        assert!(read("content/d/secret").is_err());
        assert!(read("content/../content/d/secret").is_err());
        // Only what no link leads to is opened without the check.
        for rel in [
            "content/b.md",
            "content/c.md",
            "content/d/secret",
            "content/../content/a.md",
        ] {
            assert!(open_without_links(root, Path::new(rel)).is_none(), "{rel}");
        }
    }

    #[test]
    fn permission_errors_say_what_to_do() {
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let d = unreadable(Path::new("static/a.txt"), &denied);
        assert!(
            d.message
                .in_lang(Lang::En)
                .starts_with("cannot read this file")
        );
        assert!(
            d.hint
                .is_some_and(|h| h.in_lang(Lang::En).contains("permissions"))
        );
    }

    #[test]
    fn walked_paths_are_made_relative_as_strip_prefix_makes_them() {
        for (root, path) in [
            ("/srv/site", "/srv/site/content/a.kk.md"),
            ("/srv/site/", "/srv/site/content/a.kk.md"),
            ("site", "site/content/rules/b.ru.md"),
            ("./site", "./site/content/x.md"),
            (".", "./content/x.md"),
            ("./", "./content/x.md"),
            ("", "content/x.md"),
            ("/", "/content/x.md"),
            ("/srv/site", "/srv/site"),
            ("/srv/site", "/srv/site//content/x.md"),
            ("/srv/site", "/srv/sitemap/x.md"),
            ("/srv/site", "/elsewhere/x.md"),
        ] {
            let (root, path) = (Path::new(root), Path::new(path));
            let expected = path.strip_prefix(root).unwrap_or(path);
            assert_eq!(relative_to(root, path), expected, "{root:?} {path:?}");
        }
        // A root whose name is not UTF-8.
        use std::os::unix::ffi::OsStrExt;
        let root = Path::new(std::ffi::OsStr::from_bytes(b"/srv/s\xe9te"));
        assert_eq!(
            relative_to(root, &root.join("content/x.md")),
            Path::new("content/x.md")
        );
    }
}
