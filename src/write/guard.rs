//! Which folders aqparat may replace or delete: only those it made.
//!
//! Publishing replaces the output folder whole, so a wrong `--output` could
//! delete a user's files. Every folder aqparat writes a site into carries a
//! stamp file ([`STAMP`]); a folder without it is replaced only when it is
//! empty. Paths are compared after resolving symbolic links and `..`, so
//! `public/../content` or a linked parent cannot slip past the checks.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fs;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

use super::output::{Publish, builds_dir};
use crate::messages::{Lang, Message};
use crate::msg;

/// The file that marks a folder as a site aqparat built.
pub const STAMP: &str = ".aqparat-output";

/// What the stamp file says to a person who opens it.
const STAMP_TEXT: &str = "This folder is a site built by aqparat. Every build replaces it whole:\n\
                          keep no files of your own here (put them in the site's static/ folder).\n";

/// The folders of a site that a build reads besides its input folders
/// (the loader's one list, `crate::load::INPUT_DIRS`, so that a folder it
/// comes to read is refused too): the git repository (the history of the
/// figures) and aqparat's cache (the render cache's copy of the last
/// build). The output may not be one of them, nor lie inside one: the next
/// build would read it as input.
fn read_folders() -> [&'static str; 2] {
    let cache = super::cache::DIR
        .split('/')
        .next()
        .unwrap_or(super::cache::DIR);
    [".git", cache]
}

/// Why an output folder is refused.
#[derive(Debug)]
pub struct Refused(Message);

impl Refused {
    /// Why, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        self.0.in_lang(lang)
    }
}

impl std::fmt::Display for Refused {
    /// Why, in this run's language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Refused {}

impl From<Refused> for io::Error {
    fn from(refused: Refused) -> io::Error {
        io::Error::new(io::ErrorKind::PermissionDenied, refused)
    }
}

/// Checks that the site in `root` may be published to `output` with `mode`:
/// the output is neither the site, nor above it, nor inside one of its input
/// folders, and whatever is there already is aqparat's own (stamped) or
/// empty. Nothing is changed.
pub fn check_output(root: &Path, output: &Path, mode: Publish) -> Result<(), Refused> {
    // A root that is no folder is told by `load`: no site is there.
    if fs::metadata(root).is_ok_and(|meta| !meta.is_dir()) {
        return Ok(());
    }
    let root = resolve(root).map_err(|e| cannot_resolve(root, &e))?;
    let resolved = resolve(output).map_err(|e| cannot_resolve(output, &e))?;
    let shown = output.display().to_string();
    if let Some(place) = place_in_site(&root, &resolved, output)? {
        return Err(Refused(match place {
            SitePlace::Site => msg!(
                "refused-site-folder",
                output = &shown,
                public = root.join("public").display().to_string()
            ),
            SitePlace::InputFolder(input) => {
                msg!("refused-input-folder", output = &shown, input = input)
            }
            SitePlace::ReadFolder(folder) => {
                msg!("refused-read-folder", output = &shown, folder = folder)
            }
            SitePlace::InputFile(input) => {
                msg!("refused-input-file", output = &shown, input = input)
            }
        }));
    }
    let link = lexical_parent(output).join(output.file_name().unwrap_or(OsStr::new("")));
    match mode {
        Publish::Replace if link.is_symlink() => {
            Err(Refused(msg!("refused-symlink", output = &shown)))
        }
        Publish::Replace => {
            outside_watchs_builds(&resolved, &shown)?;
            own_or_empty(&resolved, output)?;
            // Once built, the loader tells the link among every problem.
            if !is_stamped(&resolved) {
                through_no_link(&root, &resolved, &shown)?;
            }
            only_own_entries(&resolved, &shown)
        }
        Publish::Link => {
            // `watch` writes its builds there, before the output's link
            // leads to one: a link or a path into the site is refused
            // before anything is written.
            let builds = builds_dir(output);
            let builds_resolved = resolve(&builds).map_err(|e| cannot_resolve(&builds, &e))?;
            if let Some(place) = place_in_site(&root, &builds_resolved, &builds)? {
                let inside = match place {
                    SitePlace::Site => root.display().to_string(),
                    SitePlace::InputFolder(input)
                    | SitePlace::ReadFolder(input)
                    | SitePlace::InputFile(input) => input,
                };
                return Err(Refused(msg!(
                    "refused-builds-in-site",
                    output = &shown,
                    builds = builds.display().to_string(),
                    target = builds_resolved.display().to_string(),
                    inside = inside
                )));
            }
            through_no_link(&root, &builds_resolved, &shown)?;
            if link.is_symlink() {
                if !resolved.starts_with(&builds_resolved) {
                    return Err(Refused(msg!(
                        "refused-foreign-link",
                        output = &shown,
                        target = resolved.display().to_string(),
                        builds = builds_resolved.display().to_string()
                    )));
                }
            } else {
                outside_watchs_builds(&resolved, &shown)?;
                own_or_empty(&resolved, output)?;
            }
            // What is published now, a build of `watch` or of `build`: the
            // next publish hides or deletes it.
            if resolved.is_dir() {
                only_own_entries(&resolved, &shown)?;
            }
            for slot in super::output::SLOTS {
                let slot = builds.join(slot);
                own_or_empty(&slot, &slot)?;
                // The next build starts from the one not published (which
                // was looked at above).
                if builds_resolved.join(slot.file_name().unwrap_or_default()) != resolved {
                    super::output::only_own_slot(&slot)?;
                }
            }
            Ok(())
        }
    }
}

/// Refused if `resolved` is the builds folder of a `watch` (`OUT.builds/`,
/// with the link `OUT` leading into one of its build folders `a` and `b`),
/// or lies in one of those, running or not: a build there would replace
/// the site that link publishes. Other folders of a `.builds` folder of
/// the user's are theirs.
fn outside_watchs_builds(resolved: &Path, shown: &str) -> Result<(), Refused> {
    for builds in resolved.ancestors() {
        let Some(name) = builds.file_name().and_then(OsStr::to_str) else {
            continue;
        };
        let Some(stem) = name.strip_suffix(".builds").filter(|s| !s.is_empty()) else {
            continue;
        };
        let in_a_slot = |path: &Path| {
            (super::output::SLOTS.iter()).any(|slot| path.starts_with(builds.join(slot)))
        };
        let link = builds.with_file_name(stem);
        let is_watchs = link.is_symlink() && resolve(&link).is_ok_and(|target| in_a_slot(&target));
        if is_watchs && (resolved == builds || in_a_slot(resolved)) {
            return Err(Refused(msg!(
                "refused-watch-builds",
                output = shown,
                builds = builds.display().to_string(),
                link = link.display().to_string()
            )));
        }
    }
    Ok(())
}

/// Refused if `dir`, an output aqparat made (shown as `shown`), holds at
/// its top what aqparat did not put there (see [`foreign_entries`]): a
/// `CNAME` or a verification file added by hand, which the next publish
/// would delete, or hide behind the link of `watch`.
pub fn only_own_entries(dir: &Path, shown: &str) -> Result<(), Refused> {
    refuse_any(foreign_entries(dir, None), |files| {
        msg!("refused-foreign-files", output = shown, files = files)
    })
}

/// Refused if `slot`, the build folder of `watch` that is not published,
/// holds at its top what neither its stamp nor that of `other`, the other
/// build folder, names (see [`foreign_entries`]).
pub fn only_own_entries_unpublished(slot: &Path, other: Option<&Path>) -> Result<(), Refused> {
    refuse_any(foreign_entries(slot, other), |files| {
        let folder = slot.display().to_string();
        msg!(
            "refused-foreign-files-unpublished",
            folder = folder,
            files = files
        )
    })
}

/// Refused with `message` (given the list of them) if there are `foreign`
/// entries.
fn refuse_any(
    foreign: Vec<String>,
    message: impl FnOnce(String) -> Message,
) -> Result<(), Refused> {
    match foreign.is_empty() {
        true => Ok(()),
        false => Err(Refused(message(listed(&foreign)))),
    }
}

/// `names` as a message lists them: the first few, then how many more.
fn listed(names: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut list = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        list.push_str(", …");
    }
    list
}

/// Where in the site a path lies that a build may not write into.
enum SitePlace {
    /// The site's folder, or a folder above it.
    Site,
    /// Inside this input folder (resolved, shown).
    InputFolder(String),
    /// Inside this folder aqparat reads of its own: `.git`, its cache.
    ReadFolder(String),
    /// At or inside this input file.
    InputFile(String),
}

/// A [`SitePlace`] that names a folder or file.
type Place = fn(String) -> SitePlace;

/// Where `resolved` (a resolved path; `path` as given, for a message) lies
/// in the site in `root` (resolved), if it is the site's folder, above it,
/// or in one of its input folders or files, there or not yet: a folder in a
/// file's place breaks every later build.
fn place_in_site(root: &Path, resolved: &Path, path: &Path) -> Result<Option<SitePlace>, Refused> {
    if root.starts_with(resolved) {
        return Ok(Some(SitePlace::Site));
    }
    let input_folders = crate::load::INPUT_DIRS.map(|name| (name, SitePlace::InputFolder as Place));
    let read_folders = read_folders().map(|name| (name, SitePlace::ReadFolder as Place));
    let files = [crate::load::CONFIG_FILE, crate::load::GITIGNORE]
        .map(|name| (name, SitePlace::InputFile as Place));
    for (name, place) in input_folders.into_iter().chain(read_folders).chain(files) {
        let input = resolve(&root.join(name)).map_err(|e| cannot_resolve(path, &e))?;
        if resolved.starts_with(&input) {
            return Ok(Some(place(input.display().to_string())));
        }
    }
    Ok(None)
}

/// Refused if a symbolic link in one of the site's input folders leads to
/// a folder that holds `resolved` (the output, or the builds of `watch`,
/// resolved; shown as `shown`): the next build would read what was
/// published there as the site's files, through the link
/// (`content/shared` → `../shared`, the output `shared/public`), and
/// `watch` would hear its own writes as edits, and build without end. The
/// loader tells such a link once a build is there (a folder with the
/// stamp), not before. Looked for only when `resolved`, or a folder of the
/// site holding it, is one a link may lead to (not hidden, nor left out by
/// the `.gitignore`): the loader refuses a link to any other. The usual
/// `public/`, left out and at the top, costs no walk; `shared/public`, left
/// out too, is still read through a link to `shared`.
fn through_no_link(root: &Path, resolved: &Path, shown: &str) -> Result<(), Refused> {
    use crate::load::{Entry, INPUT_DIRS, Inputs};
    let Ok(rel) = resolved.strip_prefix(root) else {
        return Ok(());
    };
    let inputs = Inputs::read(root).0;
    let reachable = (rel.ancestors())
        .filter(|folder| !folder.as_os_str().is_empty())
        .any(|folder| inputs.is_site_file(folder, Entry::Folder));
    if !reachable {
        return Ok(());
    }
    let admitted = |entry: &walkdir::DirEntry| {
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        entry.depth() == 0 || inputs.admits(rel, Entry::of_type(entry.file_type()))
    };
    for dir in INPUT_DIRS {
        let walk = walkdir::WalkDir::new(root.join(dir)).follow_links(true);
        for entry in walk.into_iter().filter_entry(admitted).flatten() {
            if !(entry.path_is_symlink() && entry.file_type().is_dir()) {
                continue;
            }
            let Ok(folder) = fs::canonicalize(entry.path()) else {
                continue;
            };
            if folder != root && resolved.starts_with(&folder) {
                let link = entry.path().strip_prefix(root).unwrap_or(entry.path());
                return Err(Refused(msg!(
                    "refused-linked-folder",
                    output = shown,
                    link = link.display().to_string(),
                    folder = folder.display().to_string()
                )));
            }
        }
    }
    Ok(())
}

/// `path` (shown as `shown`) may be replaced: it does not exist, is an
/// empty folder, or is a folder stamped by aqparat.
fn own_or_empty(path: &Path, shown: &Path) -> Result<(), Refused> {
    let shown = shown.display().to_string();
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Refused(msg!(
            "refused-cannot-look",
            output = shown,
            error = e.to_string(),
            advice = crate::error::output_advice(path, e.kind())
        ))),
        Ok(meta) if !meta.is_dir() => Err(Refused(msg!("refused-not-folder", output = shown))),
        Ok(meta) if is_mount_point(path, &meta) => Err(mount_point(&shown)),
        Ok(_) if is_stamped(path) || is_empty_dir(path) => Ok(()),
        Ok(_) => Err(Refused(msg!(
            "refused-foreign-folder",
            output = shown,
            stamp = STAMP
        ))),
    }
}

/// Whether the folder `path` (of metadata `meta`) is where another file
/// system is mounted (a disk, a container's volume): on another device
/// than its parent.
fn is_mount_point(path: &Path, meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    let parent = path.parent().and_then(|parent| fs::metadata(parent).ok());
    parent.is_some_and(|parent| parent.dev() != meta.dev())
}

/// The refusal to publish to `output` (as shown), a mount point: a build
/// is published by putting its folder in the old one's place, which a
/// mount point does not allow.
pub fn mount_point(output: &str) -> Refused {
    let output = output.trim_end_matches('/');
    Refused(msg!("refused-mount-point", output = output))
}

/// Whether `dir` is a folder aqparat made: it holds the stamp file, a file
/// (not a link) that begins with the first line of the stamp's text, as
/// every stamp has. A file of that name made by hand (`touch
/// .aqparat-output`) vouches for nothing.
pub fn is_stamped(dir: &Path) -> bool {
    let path = dir.join(STAMP);
    if !fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let first_line = STAMP_TEXT
        .split_inclusive('\n')
        .next()
        .unwrap_or(STAMP_TEXT);
    let mut start = vec![0; first_line.len()];
    fs::File::open(&path)
        .and_then(|mut file| file.read_exact(&mut start))
        .is_ok_and(|()| start == first_line.as_bytes())
}

/// Marks `dir`, a folder aqparat just made, as its own.
pub fn stamp(dir: &Path) -> io::Result<()> {
    fs::write(dir.join(STAMP), STAMP_TEXT)
}

/// The line of a stamp after which come the names of what aqparat made at
/// the top of its folder, one a line, each as a JSON string.
const MADE_HEADER: &str = "Made by aqparat at the top of this folder:";

/// Stamps `dir`, a build about to be published, with the names of what it
/// holds at its top (see [`foreign_entries`]).
pub fn stamp_with_contents(dir: &Path) -> io::Result<()> {
    let mut names = top_names(dir)?;
    names.retain(|name| name != STAMP && name != STAMP_WRITTEN);
    stamp_listing(dir, &names)
}

/// The names of what is at the top of `dir`.
fn top_names(dir: &Path) -> io::Result<BTreeSet<String>> {
    (fs::read_dir(dir)?)
        .map(|entry| Ok(entry?.file_name().to_string_lossy().into_owned()))
        .collect()
}

/// Stamps `dir` with `names`, what aqparat made, or is about to make, at
/// its top. The stamp is replaced, not written into: a copy of the build
/// may share it (a hard link).
pub fn stamp_listing(dir: &Path, names: &BTreeSet<String>) -> io::Result<()> {
    let mut text = format!("{STAMP_TEXT}\n{MADE_HEADER}\n");
    for name in names {
        text.push_str(&serde_json::Value::from(name.as_str()).to_string());
        text.push('\n');
    }
    let written = dir.join(STAMP_WRITTEN);
    fs::write(&written, text)?;
    fs::rename(&written, dir.join(STAMP))
}

/// The names the stamp of `dir` lists (see [`stamp_listing`]); `None` for
/// a stamp that lists nothing (before stop 63) or none.
pub fn listed_in_stamp(dir: &Path) -> Option<BTreeSet<String>> {
    match Vouched::by(dir) {
        Vouched::Listed(names) => Some(names),
        Vouched::Unhidden => None,
    }
}

/// The names the stamp of the build folder `dir` lists; a stamp that
/// lists none (of an aqparat before stop 63) is made to list what is
/// there but hidden names, as it vouched.
pub fn stamp_names(dir: &Path) -> io::Result<BTreeSet<String>> {
    if let Some(names) = listed_in_stamp(dir) {
        return Ok(names);
    }
    let mut names = top_names(dir)?;
    names.retain(|name| !name.starts_with('.'));
    stamp_listing(dir, &names)?;
    Ok(names)
}

/// Stamps `dir` with those of `made`, names its stamp lists, that are
/// still at its top (see [`stamp_listing`]), when some are not.
pub fn stamp_still_there(dir: &Path, made: &BTreeSet<String>) -> io::Result<()> {
    let there = top_names(dir)?;
    let kept: BTreeSet<String> = made.intersection(&there).cloned().collect();
    match kept.len() == made.len() {
        true => Ok(()),
        false => stamp_listing(dir, &kept),
    }
}

/// The stamp of [`stamp_with_contents`] while it is written.
const STAMP_WRITTEN: &str = ".aqparat-output.new";

/// What is at the top of `dir`, an output aqparat stamped, that aqparat
/// did not put there (a `.git` of the user's, a `CNAME` added by hand),
/// sorted: what its stamp does not name, and any symbolic link. A stamp of
/// an aqparat that named nothing (before stop 63) vouches for everything
/// but hidden names and links: aqparat makes none but its own. What the
/// stamp of the folder `also` names is aqparat's too: the other build
/// folder of `watch`, which `dir` is brought up to file by file (an update
/// cut short, or one by an aqparat before stop 66, which left the stamp as
/// it was).
pub fn foreign_entries(dir: &Path, also: Option<&Path>) -> Vec<String> {
    let also = also.filter(|also| is_stamped(also));
    let vouchers: Vec<Vouched> = std::iter::once(dir).chain(also).map(Vouched::by).collect();
    let ours = [
        STAMP,
        STAMP_WRITTEN,
        super::output::NOT_PREVIOUS,
        crate::render::REDIRECTS_MAP,
    ];
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    // A symbolic link is never aqparat's (a build makes none): the output
    // of a `watch` of the user's, say, kept there.
    let mut foreign: Vec<String> = entries
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let link = entry.file_type().is_ok_and(|t| t.is_symlink());
            Some((entry.file_name().to_string_lossy().into_owned(), link))
        })
        .filter(|(name, link)| {
            *link
                || !ours.contains(&name.as_str())
                    && !vouchers.iter().any(|vouched| vouched.covers(name))
        })
        .map(|(name, _)| name)
        .collect();
    foreign.sort_unstable();
    foreign
}

/// Whether aqparat made the entry of a name at the top of `dir`, as its
/// stamp says (see [`foreign_entries`]), read once.
pub fn made_at_top(dir: &Path) -> impl Fn(&str) -> bool + Sync + use<> {
    let vouched = Vouched::by(dir);
    move |name| vouched.covers(name)
}

/// What the stamp of a folder says aqparat made at its top.
enum Vouched {
    /// The names it lists.
    Listed(BTreeSet<String>),
    /// Every name but hidden ones: a stamp that lists nothing (before
    /// stop 63).
    Unhidden,
}

impl Vouched {
    /// What the stamp of `dir` vouches for (read as listing nothing when
    /// it cannot be read).
    fn by(dir: &Path) -> Vouched {
        let stamp = fs::read_to_string(dir.join(STAMP)).unwrap_or_default();
        match stamp.split_once(MADE_HEADER) {
            Some((_, names)) => Vouched::Listed(
                (names.lines())
                    .filter_map(|line| serde_json::from_str(line).ok())
                    .collect(),
            ),
            None => Vouched::Unhidden,
        }
    }

    /// Whether the stamp vouches for the entry `name`.
    fn covers(&self, name: &str) -> bool {
        match self {
            Vouched::Listed(names) => names.contains(name),
            Vouched::Unhidden => !name.starts_with('.'),
        }
    }
}

/// Makes the folder `dir` (and those missing above it) and stamps it; an
/// error if `dir` is there already.
pub fn make_stamped(dir: &Path) -> io::Result<()> {
    if let Some(parent) = dir.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::create_dir(dir)?;
    stamp(dir)
}

/// Deletes the folder `dir` and everything in it, only if aqparat made it
/// (or it is empty); otherwise an error, and nothing is deleted.
pub fn remove_own(dir: &Path) -> io::Result<()> {
    if is_stamped(dir) || is_empty_dir(dir) {
        remove_tree(dir)
    } else {
        Err(Refused(msg!(
            "refused-delete",
            dir = dir.display().to_string(),
            stamp = STAMP
        ))
        .into())
    }
}

/// Deletes the folder `dir` and everything in it, the entries of each
/// folder several at once (a build's old output is tens of thousands of
/// files; see the README's *Output*). As `fs::remove_dir_all` does, each
/// folder is opened relative to the one holding it and without following
/// a link, so a link met on the way, or one put in place of a folder
/// meanwhile, is removed, never followed; unlike it, `dir` itself, when a
/// link (even written `link/`), is removed and what it leads to is kept,
/// and a `dir` already gone is no error. The stamp goes last, just before
/// its folder: a removal cut short leaves a folder still aqparat's.
#[cfg(target_os = "linux")]
fn remove_tree(dir: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, Mode, OFlags, openat};
    use std::os::fd::AsFd;
    use std::os::unix::ffi::OsStrExt;
    let name = dir
        .file_name()
        .and_then(|name| std::ffi::CString::new(name.as_bytes()).ok());
    let name = name.ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{}: not a folder's name", dir.display()),
        )
    })?;
    // `O_PATH`: the holding folder need only be searchable, as for `rmdir`.
    let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
    let holder = openat(CWD, lexical_parent(dir), flags, Mode::empty())?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.min(REMOVING_THREADS))
        .stack_size(REMOVING_STACK)
        .build();
    let removed = match pool {
        Ok(pool) => pool.install(|| remove_entry_tree(holder.as_fd(), &name, PARALLEL_LEVELS)),
        Err(_) => remove_entry_tree(holder.as_fd(), &name, 0),
    };
    removed.map_err(io::Error::from)
}

/// Threads deleting at once. Each holds a few folders open: a bound keeps a
/// machine of many cores from running out of file descriptors (a `watch`
/// session keeps few spare beside its connections).
#[cfg(target_os = "linux")]
const REMOVING_THREADS: usize = 4;

/// The folder levels whose entries are deleted in parallel (the output, a
/// language, a section: `kk/archive/…`, `og/…`); deeper, one at a time, so
/// that the folders held open stay a few per thread.
#[cfg(target_os = "linux")]
const PARALLEL_LEVELS: usize = 3;

/// The deleting threads' stack: a main thread's, as a deep tree is deleted
/// recursively.
#[cfg(target_os = "linux")]
const REMOVING_STACK: usize = 8 << 20;

/// Elsewhere: the standard library's removal, one entry at a time.
#[cfg(not(target_os = "linux"))]
fn remove_tree(dir: &Path) -> io::Result<()> {
    fs::remove_dir_all(dir)
}

/// Deletes the folder `name` in the open folder `holder` and everything in
/// it, the entries of the top `parallel_levels` levels in parallel; see
/// [`remove_tree`]. An entry already gone is no error.
#[cfg(target_os = "linux")]
fn remove_entry_tree(
    holder: std::os::fd::BorrowedFd<'_>,
    name: &std::ffi::CStr,
    parallel_levels: usize,
) -> rustix::io::Result<()> {
    use rayon::prelude::*;
    use rustix::fs::{AtFlags, Dir, DirEntry, FileType, Mode, OFlags, openat, unlinkat};
    use rustix::io::Errno;
    let flags = OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let folder = match openat(holder, name, flags, Mode::empty()) {
        Err(Errno::NOENT) => return Ok(()),
        // A link or a file where a folder was: removed, not followed.
        Err(Errno::NOTDIR | Errno::LOOP) => {
            return gone_is_fine(unlinkat(holder, name, AtFlags::empty()));
        }
        other => other?,
    };
    let mut listing = Dir::new(folder)?;
    let mut entries = Vec::new();
    for entry in &mut listing {
        let entry = entry?;
        let name = entry.file_name().to_bytes();
        if name != b"." && name != b".." {
            entries.push(entry);
        }
    }
    let stamp = (entries.iter())
        .position(|entry| entry.file_name().to_bytes() == STAMP.as_bytes())
        .map(|at| entries.swap_remove(at));
    let folder = listing.fd()?;
    let deeper = parallel_levels.saturating_sub(1);
    let remove = |entry: &DirEntry| {
        let name = entry.file_name();
        match entry.file_type() {
            FileType::Directory => remove_entry_tree(folder, name, deeper),
            other => match unlinkat(folder, name, AtFlags::empty()) {
                // The file system did not tell the type, and it is a folder
                // (`EISDIR` on Linux, `EPERM` in POSIX).
                Err(Errno::ISDIR | Errno::PERM) if other == FileType::Unknown => {
                    remove_entry_tree(folder, name, deeper)
                }
                result => gone_is_fine(result),
            },
        }
    };
    match parallel_levels {
        0 => entries.iter().try_for_each(remove)?,
        _ => entries.par_iter().try_for_each(remove)?,
    }
    stamp.iter().try_for_each(remove)?;
    gone_is_fine(unlinkat(holder, name, AtFlags::REMOVEDIR))
}

/// `result`, with an entry found gone taken as removed.
#[cfg(target_os = "linux")]
fn gone_is_fine(result: rustix::io::Result<()>) -> rustix::io::Result<()> {
    match result {
        Err(rustix::io::Errno::NOENT) => Ok(()),
        other => other,
    }
}

fn is_empty_dir(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

fn cannot_resolve(path: &Path, error: &io::Error) -> Refused {
    Refused(msg!(
        "refused-resolve",
        path = path.display().to_string(),
        error = error.to_string()
    ))
}

/// The folder that holds `path`, `.` for a bare name.
fn lexical_parent(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// `path` made absolute with every symbolic link and `..` resolved, as the
/// operating system would, including the parts that do not exist yet and
/// links that lead to them.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    resolve_within(path, 0)
}

/// Links followed before giving up, as the system does (`ELOOP`).
const MAX_LINKS: usize = 40;

fn resolve_within(path: &Path, links_followed: usize) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut resolved = PathBuf::from("/");
    let mut links_followed = links_followed;
    for component in absolute.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => resolved.push(component),
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => {
                resolved.push(name);
                // A link is followed where it stands, so that a `..` after
                // it leaves the folder it leads to, as the system does.
                if let Ok(target) = fs::read_link(&resolved) {
                    links_followed += 1;
                    if links_followed > MAX_LINKS {
                        return Err(io::Error::other(format!(
                            "{}: too many levels of symbolic links",
                            resolved.display()
                        )));
                    }
                    resolved.pop();
                    resolved = resolve_within(&resolved.join(target), links_followed)?;
                }
            }
        }
    }
    Ok(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp() -> tempfile::TempDir {
        tempfile::tempdir().expect("a temporary folder")
    }

    #[test]
    fn a_mount_point_is_told_by_its_device() {
        let proc = Path::new("/proc");
        assert!(is_mount_point(proc, &fs::metadata(proc).expect("/proc")));
        let dir = temp();
        assert!(!is_mount_point(
            dir.path(),
            &fs::metadata(dir.path()).expect("a folder")
        ));
    }

    #[test]
    fn resolve_follows_links_before_parent_folders() {
        let dir = temp();
        let root = fs::canonicalize(dir.path()).expect("canonical");
        fs::create_dir_all(root.join("site/content")).expect("mkdir");
        fs::create_dir_all(root.join("elsewhere/deep")).expect("mkdir");
        std::os::unix::fs::symlink(root.join("elsewhere/deep"), root.join("site/link"))
            .expect("symlink");
        assert_eq!(
            resolve(&root.join("site/public/../content")).expect("resolves"),
            root.join("site/content")
        );
        assert_eq!(
            resolve(&root.join("site/link/../x")).expect("resolves"),
            root.join("elsewhere/x")
        );
        assert_eq!(
            resolve(&root.join("site/new/folders")).expect("resolves"),
            root.join("site/new/folders")
        );
        std::os::unix::fs::symlink("gone/deeper", root.join("site/dangling")).expect("symlink");
        assert_eq!(
            resolve(&root.join("site/dangling/../x")).expect("resolves"),
            root.join("site/gone/x")
        );
        std::os::unix::fs::symlink("loop", root.join("site/loop")).expect("symlink");
        assert!(resolve(&root.join("site/loop")).is_err());
    }

    #[test]
    fn only_empty_or_stamped_folders_may_be_replaced() {
        let dir = temp();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content")).expect("mkdir");
        let output = dir.path().join("out");
        assert!(check_output(&root, &output, Publish::Replace).is_ok());
        fs::create_dir(&output).expect("mkdir");
        assert!(check_output(&root, &output, Publish::Replace).is_ok());
        fs::write(output.join("thesis.txt"), "mine").expect("write");
        let refused = check_output(&root, &output, Publish::Replace).expect_err("refused");
        assert!(refused.to_string().contains(STAMP), "{refused}");
        // A stamp made by hand, empty or of other words, is none.
        for by_hand in ["", "This folder is mine.\n"] {
            fs::write(output.join(STAMP), by_hand).expect("write");
            assert!(!is_stamped(&output));
            assert!(check_output(&root, &output, Publish::Replace).is_err());
        }
        stamp(&output).expect("stamp");
        assert!(check_output(&root, &output, Publish::Replace).is_ok());
        for inside in ["content/x", "public/../content", ".", ".."] {
            assert!(check_output(&root, &root.join(inside), Publish::Replace).is_err());
        }
    }

    #[test]
    fn no_folder_the_build_reads_may_hold_the_output() {
        let dir = temp();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("templates")).expect("mkdir");
        // The site's own overrides of the theme, and every folder the
        // loader reads, whether the site has it yet or not.
        let read = ["templates", "i18n", "content", "data", "themes", "static"];
        for folder in read.into_iter().chain([".git", ".aqparat"]) {
            for output in [
                folder.to_string(),
                format!("{folder}/out"),
                format!("{folder}/a/b"),
            ] {
                for mode in [Publish::Replace, Publish::Link] {
                    let refused = check_output(&root, &root.join(&output), mode)
                        .expect_err("an output inside an input folder");
                    let said = refused.in_lang(Lang::En);
                    let told = match folder.starts_with('.') {
                        true => "which aqparat reads",
                        false => "inside the site's input folder",
                    };
                    assert!(said.contains(told), "{output}: {said}");
                    assert!(said.contains(&format!("site/{folder}")), "{output}: {said}");
                }
            }
        }
        assert!(crate::load::INPUT_DIRS.iter().all(|d| read.contains(d)));
        // A folder of the site that no build reads is an output like another.
        for output in ["public", "out/site", "templates-out"] {
            assert!(check_output(&root, &root.join(output), Publish::Replace).is_ok());
        }
    }

    #[test]
    fn the_builds_of_watch_may_not_lead_into_the_site() {
        use std::os::unix::fs::symlink;
        let dir = temp();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content")).expect("mkdir");
        fs::create_dir_all(root.join("static")).expect("mkdir");
        // `out.builds` a link into an input folder, to the site itself, or
        // to a folder above it; `deep.builds` inside an input folder
        // through a linked parent.
        for (name, target) in [
            ("a", root.join("content")),
            ("b", root.join("static/x")),
            ("c", root.clone()),
            ("d", dir.path().to_path_buf()),
        ] {
            let output = dir.path().join(format!("out-{name}"));
            symlink(&target, dir.path().join(format!("out-{name}.builds"))).expect("link");
            let refused = check_output(&root, &output, Publish::Link).expect_err(name);
            let said = refused.in_lang(Lang::En);
            assert!(said.contains("keeps its builds in"), "{name}: {said}");
            assert!(
                said.contains(&format!("out-{name}.builds")),
                "{name}: {said}"
            );
            // A build that replaces the output does not use that folder.
            assert!(
                check_output(&root, &output, Publish::Replace).is_ok(),
                "{name}"
            );
        }
        symlink(root.join("content"), dir.path().join("linked")).expect("link");
        let output = dir.path().join("linked/../out-e");
        fs::create_dir_all(root.join("content/deep")).expect("mkdir");
        let refused = check_output(&root, &dir.path().join("linked/deep/out"), Publish::Link)
            .expect_err("inside content");
        assert!(refused.in_lang(Lang::En).contains("input folder"));
        // Builds beside the output, outside the input folders, are fine,
        // even inside the site's folder.
        assert!(check_output(&root, &output, Publish::Link).is_ok());
        assert!(check_output(&root, &root.join("public"), Publish::Link).is_ok());
        assert_eq!(fs::read_dir(root.join("content")).expect("read").count(), 1);
    }

    #[test]
    fn remove_own_deletes_a_tree_and_follows_no_link() {
        let dir = temp();
        let outside = dir.path().join("outside");
        fs::create_dir_all(outside.join("deep")).expect("mkdir");
        fs::write(outside.join("deep/thesis.txt"), "mine").expect("write");
        let built = dir.path().join("built");
        for folder in 0..40 {
            let folder = built.join(format!("kk/archive/{folder}/more"));
            fs::create_dir_all(&folder).expect("mkdir");
            fs::write(folder.join("index.html"), "page").expect("write");
            fs::write(folder.join("../index.html"), "page").expect("write");
        }
        fs::create_dir_all(built.join("kk/empty")).expect("mkdir");
        std::os::unix::fs::symlink(&outside, built.join("kk/archive/0/to-folder")).expect("link");
        std::os::unix::fs::symlink(outside.join("deep/thesis.txt"), built.join("to-file"))
            .expect("link");
        std::os::unix::fs::symlink("nowhere", built.join("kk/dangling")).expect("link");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            built.join("kk/pipe"),
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
            0,
        )
        .expect("fifo");
        stamp(&built).expect("stamp");

        remove_own(&built).expect("removed");
        assert!(
            fs::symlink_metadata(&built).is_err(),
            "the whole tree is gone"
        );
        assert_eq!(
            fs::read_to_string(outside.join("deep/thesis.txt")).expect("still there"),
            "mine",
            "what a link led to is kept"
        );
        assert_eq!(fs::read_dir(dir.path()).expect("lists").count(), 1);

        // A link to a stamped folder: the link goes, the folder stays.
        stamp(&outside).expect("stamp");
        let link = dir.path().join("link");
        for named in [link.clone(), dir.path().join("link/")] {
            std::os::unix::fs::symlink(&outside, &link).expect("link");
            remove_own(&named).expect("removed");
            assert!(fs::symlink_metadata(&link).is_err(), "the link is gone");
            assert!(is_stamped(&outside), "what it led to is kept");
            assert!(outside.join("deep/thesis.txt").is_file());
        }
    }

    #[test]
    fn remove_own_keeps_folders_aqparat_did_not_make() {
        let dir = temp();
        let theirs = dir.path().join("theirs");
        fs::create_dir(&theirs).expect("mkdir");
        fs::write(theirs.join("a"), "a").expect("write");
        assert!(remove_own(&theirs).is_err());
        assert!(theirs.join("a").exists());
        stamp(&theirs).expect("stamp");
        remove_own(&theirs).expect("removed");
        assert!(!theirs.exists());
    }
}
