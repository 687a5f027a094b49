//! Where rendered files go: a staging directory, or nowhere (for `check`),
//! and how a finished build replaces the previous one.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use foldhash::HashSet;

use super::guard::{self, remove_own};
use crate::lock;

/// How a finished build replaces the previous output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Publish {
    /// The output is a directory; the new build takes its place in one step
    /// (`build`).
    #[default]
    Replace,
    /// The output is a symbolic link to the current build, one of two
    /// folders `OUTPUT.builds/a` and `OUTPUT.builds/b`; a build goes into the
    /// other one and the link is switched in one step, so a web server
    /// reading through it never sees a half-written site (`watch`, `serve`).
    Link,
}

/// The destination of rendered files.
pub enum Output {
    /// Files are written under `staging`, then published to `destination`.
    Staging {
        /// The directory being filled.
        staging: PathBuf,
        /// The output it will replace.
        destination: PathBuf,
        /// How it replaces it.
        mode: Publish,
        /// Whether it started as a copy (hard links) of the current build:
        /// files are then replaced, never written through, so the current
        /// build stays as it is.
        seeded: bool,
        /// For [`Publish::Replace`]: whether the output it replaces was
        /// aqparat's (stamped) when the build began. When not (a first
        /// build, or one into a deleted folder), [`Output::keeps`] looks
        /// for no file there.
        replaces_own: bool,
        /// Set when a hard link from the site's cache failed because the
        /// cache is on another file system (see [`Output::link`]).
        cache_elsewhere: AtomicBool,
        /// Set once published, so that dropping does not delete it.
        published: AtomicBool,
        /// Every file written or removed, for the next build of a session
        /// or the render cache's copy (see [`Output::record`]).
        written: Mutex<Vec<String>>,
        /// Whether `written` is kept (see [`Output::record`]).
        lists: bool,
        /// For [`Publish::Link`]: the names at the top of the build folder
        /// that its stamp lists, each added there before anything of that
        /// name is made (see [`Output::place`]). So the stamp always
        /// vouches for what aqparat made in the folder, even for a build
        /// cut short, and for nothing a user put there meanwhile, which
        /// stops the publish (see [`only_own_slot`]).
        made_at_top: Option<Mutex<BTreeSet<String>>>,
        /// Folders found to be there already when a file was placed in
        /// them, among them those that many files share (`og/`, the search
        /// index's fragments): not made again for every file, until a file
        /// is removed (which removes the folders it leaves empty). So no
        /// file may be removed while others are placed: a build writes,
        /// then removes what is stale, then writes the search index.
        existing_folders: ExistingFolders,
    },
    /// Files are rendered and dropped: `check` writes nothing.
    Discard,
}

/// The folders of a staging directory (or of a copy being made, see
/// [`link_listed`]) found there already when a file was placed in them
/// (see `Output::Staging`'s `existing_folders`).
#[derive(Default)]
pub struct ExistingFolders(Mutex<HashSet<PathBuf>>);

impl ExistingFolders {
    /// Makes the folder of `inside` (a relative path checked by
    /// [`inside_output`]) in `staging`, unless it was found there before.
    fn make_folder_of(&self, staging: &Path, inside: &Path) -> io::Result<()> {
        let folder = folder_of(inside);
        let known = folder.as_os_str().is_empty() || lock(&self.0).contains(folder);
        if !known && make_dir_below(staging, folder)? {
            lock(&self.0).insert(folder.to_path_buf());
        }
        Ok(())
    }

    /// Forgets them all: a removed file may have taken its folders with it.
    fn forget(&self) {
        lock(&self.0).clear();
    }
}

/// `OUTPUT.builds`: where [`Publish::Link`] keeps the builds.
pub fn builds_dir(destination: &Path) -> PathBuf {
    sibling(destination, "builds")
}

/// `OUTPUT.SUFFIX`, beside the output.
pub fn sibling(destination: &Path, suffix: &str) -> PathBuf {
    let name = destination
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().to_string());
    parent_of(destination).join(format!("{name}.{suffix}"))
}

/// The folder holding `path` (`.` for a bare name).
pub fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

impl Output {
    /// A staging directory on the same file system as `destination`, so
    /// that publishing is a rename: a fresh one beside it for
    /// [`Publish::Replace`]; for [`Publish::Link`] the build folder the link
    /// does not point at.
    ///
    /// With [`Publish::Link`] and `changed_last_time` (the files the last
    /// build wrote), that folder, which holds the build before the current
    /// one, is first brought up to the current build: only those files are
    /// replaced, by hard links to the current build's. Then only what changes
    /// now needs writing; `is_seeded` says whether that happened.
    pub fn staging(
        destination: &Path,
        mode: Publish,
        changed_last_time: Option<&[String]>,
    ) -> io::Result<Output> {
        let (staging, seeded) = match mode {
            Publish::Replace => (replace_staging(destination)?, false),
            Publish::Link => link_staging(destination, changed_last_time)?,
        };
        let made = match mode {
            Publish::Link => {
                Some(guard::stamp_names(&staging).map_err(|e| with_path(e, &staging))?)
            }
            Publish::Replace => None,
        };
        let mut output = Output::staged(staging, destination, mode, seeded);
        if let Output::Staging { made_at_top, .. } = &mut output {
            *made_at_top = made.map(Mutex::new);
        }
        Ok(output)
    }

    /// A staging directory for [`Publish::Replace`] that starts as a copy
    /// (hard links) of the build `seed` (one kept in the render cache, see
    /// `render::kept`): only what changes since needs writing, and
    /// [`Output::written`] lists what did.
    pub fn staging_from(destination: &Path, seed: &Path) -> io::Result<Output> {
        let staging = replace_staging(destination)?;
        // The output is dropped (its staging removed) when linking fails.
        let output = Output::staged(staging.clone(), destination, Publish::Replace, true);
        link_files(seed, &staging, &|_| true)?;
        Ok(output)
    }

    fn staged(staging: PathBuf, destination: &Path, mode: Publish, seeded: bool) -> Output {
        Output::Staging {
            staging,
            destination: destination.to_path_buf(),
            mode,
            seeded,
            replaces_own: mode == Publish::Replace && guard::is_stamped(destination),
            cache_elsewhere: AtomicBool::new(false),
            published: AtomicBool::new(false),
            written: Mutex::new(Vec::new()),
            lists: mode == Publish::Link || seeded,
            existing_folders: ExistingFolders::default(),
            made_at_top: None,
        }
    }

    /// This output, listing every file written from now on (see
    /// [`Output::written`]); to be asked before any is. A build made
    /// afresh whose copy is kept (see [`Output::copy_to`]) links the files
    /// listed, not what it finds by reading every folder of the build.
    pub fn listing(mut self) -> Output {
        if let Output::Staging { lists, .. } = &mut self {
            *lists = true;
        }
        self
    }

    /// Makes the folder `copy` the same as this build, hard links to its
    /// files (for the render cache, see `render::kept`): when this build
    /// started as a copy of `copy` ([`Output::staging_from`]), only the
    /// files it wrote or removed are linked again; else `copy` is made
    /// afresh, of the files listed when the build listed them all (see
    /// [`Output::listing`]). Marked unfinished while it changes (see
    /// [`NOT_PREVIOUS`]): see [`Output::is_whole_copy`].
    pub fn copy_to(&self, copy: &Path) -> io::Result<()> {
        let Output::Staging {
            staging,
            seeded,
            lists,
            written,
            mode: Publish::Replace,
            ..
        } = self
        else {
            return Ok(());
        };
        let written = lock(written);
        if *seeded && Output::is_whole_copy(copy) {
            return relink(staging, copy, &written);
        }
        match fs::symlink_metadata(copy) {
            Ok(found) if found.is_dir() => remove_own(copy)?,
            // A link (or a file) in its place: removed, never followed.
            Ok(_) => fs::remove_file(copy).map_err(|e| with_path(e, copy))?,
            Err(_) => {}
        }
        // A seeded build listed only what it changed.
        let listed = (*lists && !*seeded).then_some(written.as_slice());
        link_tree(staging, copy, listed, &|_| true)
    }

    /// Whether the folder `copy` is a whole copy of a build, made by
    /// [`Output::copy_to`] and not cut short. Never a link to one (put
    /// there by hand, or committed): it may lead to another site's build,
    /// which the next build would publish and write into.
    pub fn is_whole_copy(copy: &Path) -> bool {
        let is_folder = fs::symlink_metadata(copy).is_ok_and(|found| found.is_dir());
        is_folder && guard::is_stamped(copy) && !copy.join(NOT_PREVIOUS).exists()
    }

    /// With [`Publish::Link`], brings the build folder that `destination`
    /// does not point at up to the current build, as [`Output::staging`]
    /// would (`changed_last_time`: the files the current build wrote or
    /// removed); the next build then starts at once.
    pub fn prepare_next(destination: &Path, changed_last_time: &[String]) -> io::Result<()> {
        match link_slots(destination) {
            (Some(current), slot) => {
                only_own_slot(&slot)?;
                bring_up(&current, &slot, changed_last_time)
            }
            (None, _) => Ok(()),
        }
    }

    /// Refused if either build folder of [`Publish::Link`] behind
    /// `destination` holds at its top what aqparat did not put there (see
    /// [`guard::only_own_entries`] and [`only_own_slot`]): the next
    /// publish, or the next build, would be refused for it.
    pub fn check_builds(destination: &Path) -> Result<(), guard::Refused> {
        let (current, slot) = link_slots(destination);
        if let Some(current) = current.filter(|current| current.is_dir()) {
            guard::only_own_entries(&current, &destination.display().to_string())?;
        }
        only_own_slot(&slot)
    }

    /// Whether no file was written or removed so far (of those noted, see
    /// [`Output::record`]).
    pub fn wrote_nothing(&self) -> bool {
        match self {
            Output::Staging { written, .. } => written.lock().is_ok_and(|w| w.is_empty()),
            Output::Discard => true,
        }
    }

    /// The files written or removed so far, relative to the output root.
    pub fn written(&self) -> Vec<String> {
        match self {
            Output::Staging { written, .. } => {
                written.lock().map(|w| w.clone()).unwrap_or_default()
            }
            Output::Discard => Vec::new(),
        }
    }

    /// Notes a written or removed file; only [`Publish::Link`] builds (for
    /// the next build of a session), builds started as a copy and those
    /// whose copy is kept (for that copy, see [`Output::copy_to`]) need the
    /// list.
    fn record(&self, rel: &str) {
        if let Output::Staging { written, lists, .. } = self
            && *lists
            && let Ok(mut written) = written.lock()
        {
            written.push(rel.to_string());
        }
    }

    /// Whether files are dropped instead of written (`check`).
    pub fn is_discarded(&self) -> bool {
        matches!(self, Output::Discard)
    }

    /// The files under the folder `rel` of the staging directory, as paths
    /// relative to the output root; none if it does not exist.
    pub fn files_under(&self, rel: &str) -> io::Result<Vec<String>> {
        let Output::Staging { staging, .. } = self else {
            return Ok(Vec::new());
        };
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(staging.join(rel)) {
            let entry = match entry {
                Err(e)
                    if e.io_error()
                        .is_some_and(|e| e.kind() == io::ErrorKind::NotFound) =>
                {
                    break;
                }
                entry => entry.map_err(io::Error::other)?,
            };
            if entry.file_type().is_file()
                && let Ok(path) = entry.path().strip_prefix(staging)
            {
                files.push(path.to_string_lossy().replace('\\', "/"));
            }
        }
        Ok(files)
    }

    /// The staging directory; `None` when files are dropped.
    pub fn folder(&self) -> Option<&Path> {
        match self {
            Output::Staging { staging, .. } => Some(staging),
            Output::Discard => None,
        }
    }

    /// Whether the staging directory started as a copy of the current build.
    pub fn is_seeded(&self) -> bool {
        matches!(self, Output::Staging { seeded: true, .. })
    }

    /// Removes `rel` (and its folder, when that is left empty).
    pub fn remove(&self, rel: &str) -> io::Result<()> {
        let Output::Staging {
            staging,
            existing_folders,
            ..
        } = self
        else {
            return Ok(());
        };
        let path = staging.join(inside_output(rel)?);
        self.record(rel);
        remove_if_there(&path)?;
        remove_empty_folders(&path, staging);
        existing_folders.forget();
        Ok(())
    }

    /// The path in the staging directory where the file `rel` (a
    /// `/`-separated path under the output root) is to be made, its folder
    /// made and what was there removed, and `rel` noted as written; `None`
    /// when files are dropped.
    fn place(&self, rel: &str) -> io::Result<Option<PathBuf>> {
        let Output::Staging {
            staging,
            seeded,
            existing_folders,
            made_at_top,
            ..
        } = self
        else {
            return Ok(None);
        };
        let inside = inside_output(rel)?;
        if let Some(made) = made_at_top {
            vouch_first(staging, made, rel)?;
        }
        existing_folders.make_folder_of(staging, inside)?;
        let path = staging.join(inside);
        if *seeded {
            // A hard link to the current build: replace it, do not write into it.
            let _ = fs::remove_file(&path);
        }
        self.record(rel);
        Ok(Some(path))
    }

    /// Writes `bytes` at `rel` (a `/`-separated path under the output root).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        match self.place(rel)? {
            Some(path) => fs::write(&path, bytes).map_err(|e| with_path(e, &path)),
            None => Ok(()),
        }
    }

    /// Moves the file `rel` of this build to `to` (both `/`-separated paths
    /// under the output root), replacing what is there.
    pub fn rename(&self, rel: &str, to: &str) -> io::Result<()> {
        let Output::Staging { staging, .. } = self else {
            return Ok(());
        };
        let from = staging.join(inside_output(rel)?);
        let Some(path) = self.place(to)? else {
            return Ok(());
        };
        self.record(rel);
        fs::rename(&from, &path).map_err(|e| with_path(e, &from))
    }

    /// Writes `bytes` at `rel` unless the output keeps a file there (see
    /// [`Output::keeps`]) that holds these very bytes: for files named by a
    /// short hash of what they hold (Pagefind's seven hexadecimal digits),
    /// which two contents may share, so that the name alone does not say
    /// the file is unchanged. A bad `rel` is refused as [`Output::write`]
    /// refuses it, even when it names a file that exists.
    pub fn write_content_named(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let holds = |path: &Path, found: &fs::Metadata| {
            found.len() == bytes.len() as u64 && fs::read(path).is_ok_and(|held| held == bytes)
        };
        if self.keeps_where(rel, holds)? {
            return Ok(());
        }
        self.write(rel, bytes)
    }

    /// Whether the output holds the file `rel` already, a path named by
    /// what the file holds (a page's card): when the staging directory
    /// started as a copy of the current build that has it, or, for a
    /// [`Publish::Replace`] build, when the output it replaces (stamped as
    /// aqparat's) has it as a regular file, which is then linked (or
    /// copied) in. Such a file is made once, not at every build.
    pub fn keeps(&self, rel: &str) -> io::Result<bool> {
        self.keeps_where(rel, |_, _| true)
    }

    /// [`Output::keeps`], for a file at `rel` that `holds` accepts (given
    /// its path in the staging folder or in the output it replaces, and
    /// what the file system says of it).
    fn keeps_where(
        &self,
        rel: &str,
        holds: impl Fn(&Path, &fs::Metadata) -> bool,
    ) -> io::Result<bool> {
        let Output::Staging {
            staging,
            destination,
            seeded,
            replaces_own,
            existing_folders,
            ..
        } = self
        else {
            return Ok(false);
        };
        let inside = inside_output(rel)?;
        let path = staging.join(inside);
        if *seeded {
            return Ok(fs::metadata(&path).is_ok_and(|m| m.is_file() && holds(&path, &m)));
        }
        if !*replaces_own {
            return Ok(false);
        }
        let previous = destination.join(inside);
        // Never a symbolic link: it could lead anywhere.
        let kept = fs::symlink_metadata(&previous)
            .is_ok_and(|m| m.file_type().is_file() && holds(&previous, &m));
        if !kept {
            return Ok(false);
        }
        existing_folders.make_folder_of(staging, inside)?;
        let linked = fs::hard_link(&previous, &path).is_ok() || fs::copy(&previous, &path).is_ok();
        if linked {
            self.record(rel);
        }
        Ok(linked)
    }

    /// Copies the file `source` to `rel` under the output root.
    pub fn copy(&self, source: &Path, rel: &Path) -> io::Result<()> {
        let rel = rel.to_str().ok_or_else(|| {
            io::Error::other(format!(
                "{}: the file name is not UTF-8; rename the file",
                source.display()
            ))
        })?;
        let Some(path) = self.place(rel)? else {
            return Ok(());
        };
        fs::copy(source, &path).map(|_| ()).map_err(|e| {
            let (from, to) = (source.display(), path.display());
            io::Error::new(e.kind(), format!("copying {from} to {to}: {e}"))
        })
    }

    /// Puts `source`, a file of the site's cache (see [`super::Cache`]), at
    /// `rel` under the output root: a hard link when both are on one file
    /// system, no byte copied; else a copy. A link is safe because neither
    /// side is ever written through: the cache renames new files into
    /// place, and a build replaces files of the output rather than writing
    /// into them.
    pub fn link(&self, source: &Path, rel: &str) -> io::Result<()> {
        let (
            Output::Staging {
                cache_elsewhere, ..
            },
            Some(path),
        ) = (self, self.place(rel)?)
        else {
            return Ok(());
        };
        if !cache_elsewhere.load(Ordering::Relaxed) {
            let linked = match fs::hard_link(source, &path) {
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    fs::remove_file(&path).and_then(|()| fs::hard_link(source, &path))
                }
                linked => linked,
            };
            match linked {
                Ok(()) => return Ok(()),
                Err(e) if e.kind() == io::ErrorKind::CrossesDevices => {
                    // Every file of the cache would fail alike: 20,222
                    // cards tried first took 8 % longer to copy.
                    cache_elsewhere.store(true, Ordering::Relaxed);
                }
                Err(_) => {}
            }
        }
        // Read and written: for files of tens of kilobytes (cards, resized
        // images) `fs::copy`'s probing (fchmod, statx, copy_file_range,
        // then sendfile) costs more than the buffer it saves: 20,222 cards
        // from disk to tmpfs took 506 ms so, 457 ms read and written.
        let bytes = fs::read(source).map_err(|e| with_path(e, source))?;
        fs::write(&path, bytes).map_err(|e| with_path(e, &path))
    }

    /// Makes the staged build the output, in one step. Its stamp names
    /// what it holds at its top first (see [`guard::foreign_entries`]), so
    /// that the next build tells what a user put there.
    pub fn publish(self) -> io::Result<()> {
        let Output::Staging {
            staging,
            destination,
            mode,
            published,
            seeded,
            ..
        } = &self
        else {
            return Ok(());
        };
        // What a user put into the folder while it was built.
        if *mode == Publish::Link {
            guard::only_own_entries_unpublished(staging, None)?;
        }
        guard::stamp_with_contents(staging).map_err(|e| with_path(e, staging))?;
        match mode {
            Publish::Replace => replace(staging, destination, published),
            Publish::Link => link(staging, destination, published, *seeded),
        }
    }
}

/// A fresh staging folder for [`Publish::Replace`], beside `destination`;
/// those that killed builds left there go first.
fn replace_staging(destination: &Path) -> io::Result<PathBuf> {
    let prefix = staging_prefix(destination);
    let parent = parent_of(destination);
    remove_abandoned(&parent, &prefix);
    let staging = parent.join(format!("{prefix}{}", std::process::id()));
    if staging.exists() {
        remove_own(&staging)?;
    }
    guard::make_stamped(&staging)?;
    take_access_of(destination, &staging);
    Ok(staging)
}

/// The start of the name of a staging folder of `destination`
/// (`.public.staging-`), which the build's process id ends.
fn staging_prefix(destination: &Path) -> String {
    let name = destination
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().to_string());
    format!(".{name}.staging-")
}

/// The longest name of a file or folder, in bytes, on the usual file
/// systems (ext4, XFS, APFS).
const MAX_NAME_LENGTH: usize = 255;

/// The longest path, in bytes, that Linux takes (`PATH_MAX`, its final
/// NUL aside).
const MAX_PATH_LENGTH: usize = 4095;

/// Whether the path `destination` (`--output`) is itself too long for the
/// file system, whatever the site holds: it is, or has, a folder named
/// longer than a name may be, its name leaves no room for that of the
/// staging folder made beside it (`.NAME.staging-PID`), or the whole path
/// is longer than a path may be.
pub fn is_too_long(destination: &Path) -> bool {
    let staging = format!("{}{}", staging_prefix(destination), std::process::id());
    (destination.components()).any(|c| c.as_os_str().len() > MAX_NAME_LENGTH)
        || staging.len() > MAX_NAME_LENGTH
        || destination.as_os_str().len() > MAX_PATH_LENGTH
}

/// Gives `staging` the owner, group and mode (set-group-id bit included)
/// of the folder `destination` that it is to replace, if that is one: a
/// folder prepared for the web server (its group, set-group-id so that
/// what is made in it takes that group) stays so, build after build. Done
/// before any file is written in it, which then takes its group as it
/// would the destination's; as far as this user may (anyone may give a
/// folder of theirs one of their own groups), and always writable by its
/// owner, this build.
fn take_access_of(destination: &Path, staging: &Path) {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, chown};
    let Ok(meta) = fs::symlink_metadata(destination) else {
        return;
    };
    if !meta.is_dir() {
        return;
    }
    if chown(staging, Some(meta.uid()), Some(meta.gid())).is_err() {
        let _ = chown(staging, None, Some(meta.gid()));
    }
    let mode = (meta.mode() & 0o7777) | 0o700;
    let _ = fs::set_permissions(staging, fs::Permissions::from_mode(mode));
}

/// Swaps the staged directory with the output directory, then deletes the
/// old output.
fn replace(staging: &Path, destination: &Path, published: &AtomicBool) -> io::Result<()> {
    if destination.is_symlink() {
        return Err(io::Error::other(format!(
            "{} is a link to the builds of `aqparat watch`; publish there with `watch`, or choose another --output",
            destination.display()
        )));
    }
    if destination.is_dir() {
        // A mount point not told by its device (a folder bound on the
        // same file system) is told by the swap.
        exchange(staging, destination).map_err(|e| match e.raw_os_error() {
            Some(busy) if busy == rustix::io::Errno::BUSY.raw_os_error() => {
                guard::mount_point(&destination.display().to_string()).into()
            }
            _ => e,
        })?;
        published.store(true, Ordering::SeqCst);
        // `staging` now holds the previous output.
        remove_own(staging)?;
    } else {
        if destination.exists() {
            return Err(io::Error::other(format!(
                "{} exists and is not a directory; remove it or choose another --output",
                destination.display()
            )));
        }
        fs::rename(staging, destination)?;
        published.store(true, Ordering::SeqCst);
    }
    Ok(())
}

/// Removes the staging folders in `parent` named `prefix` and a process
/// id whose process is gone, last changed an hour ago or more: a build
/// killed before it published leaves its staging folder behind (tens or
/// hundreds of megabytes on a large site). The folder of a build still
/// running is left alone: its process is there, or, in another process
/// namespace (a container) or on another machine sharing the folder,
/// where its number means nothing here, it is younger (a build of 200,000
/// pages takes half a minute). So is a folder that aqparat did not make
/// (see [`remove_own`]).
fn remove_abandoned(parent: &Path, prefix: &str) {
    const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);
    use rustix::process::{Pid, test_kill_process};
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let pid = (name.to_str())
            .and_then(|name| name.strip_prefix(prefix))
            .filter(|digits| digits.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|digits| digits.parse::<i32>().ok())
            .and_then(Pid::from_raw);
        let gone = pid.is_some_and(|pid| test_kill_process(pid) == Err(rustix::io::Errno::SRCH));
        let old = || {
            let changed = entry.metadata().and_then(|m| m.modified());
            changed.is_ok_and(|t| t.elapsed().is_ok_and(|age| age >= ABANDONED_AFTER))
        };
        if gone && old() {
            let _ = remove_own(&entry.path());
        }
    }
}

/// Whether an entry at the top of a build, by its name, is copied.
type TopEntry = dyn Fn(&str) -> bool + Sync;

/// The two build folders of [`Publish::Link`].
pub(super) const SLOTS: [&str; 2] = ["a", "b"];

/// Put in the build folder the output link no longer points at when the
/// build it now points at was made afresh (not as a copy of the one
/// before): that folder, say the last build of an earlier `watch`, is then
/// no earlier state of the current build, and the next build copies the
/// current one into it whole instead of the files it changed (else a page
/// deleted while no watcher ran would come back). Also in a folder being
/// copied or relinked (see [`link_tree`], [`relink`]) until that is done.
pub(super) const NOT_PREVIOUS: &str = ".aqparat-not-previous";

/// Refused if the build folder `slot` of [`Publish::Link`], the one its
/// link does not lead to, holds at its top what aqparat did not put there:
/// a file written through the link just as a publish switched it lands
/// there, and the next build, which starts from that folder, would take it
/// for its own, publish it, and delete it later. What the stamp of the
/// other build folder (the published one, unless its link was removed)
/// names is aqparat's too: `slot` may be brought up to it file by file
/// (see [`relink`]).
pub(super) fn only_own_slot(slot: &Path) -> Result<(), guard::Refused> {
    if !guard::is_stamped(slot) {
        return Ok(());
    }
    let other = (SLOTS.iter())
        .map(|name| slot.with_file_name(name))
        .find(|other| other != slot);
    guard::only_own_entries_unpublished(slot, other.as_deref())
}

/// The folder the next build goes into, and whether it already holds the
/// current build (see [`Output::staging`]).
fn link_staging(
    destination: &Path,
    changed_last_time: Option<&[String]>,
) -> io::Result<(PathBuf, bool)> {
    let (current, slot) = link_slots(destination);
    only_own_slot(&slot)?;
    let seeded = match (current, changed_last_time) {
        (Some(current), Some(changed)) => {
            bring_up(&current, &slot, changed)?;
            true
        }
        _ => {
            if slot.exists() {
                remove_own(&slot)?;
            }
            guard::make_stamped(&slot)?;
            false
        }
    };
    Ok((slot, seeded))
}

/// The build folder the output link points at, if any, and the other one.
/// A link whose folder is gone still names it: the other one is given, so
/// that readers following the link never see a build being written.
fn link_slots(destination: &Path) -> (Option<PathBuf>, PathBuf) {
    let builds = builds_dir(destination);
    let current = fs::canonicalize(destination)
        .ok()
        .filter(|_| destination.is_symlink());
    let named = fs::read_link(destination).ok();
    let slot = SLOTS
        .iter()
        .map(|s| builds.join(s))
        .find(|slot| match &current {
            Some(c) => fs::canonicalize(slot).ok().as_ref() != Some(c),
            None => named
                .as_ref()
                .is_none_or(|n| n.file_name() != slot.file_name()),
        })
        .unwrap_or_else(|| builds.join(SLOTS[0]));
    (current, slot)
}

/// Brings the build folder `slot` up to `current`, which changed the files
/// `changed` of the build before it: those files are linked again when
/// `slot` holds that build (stamped, not marked [`NOT_PREVIOUS`]), else the
/// whole of `current` is linked into it afresh.
fn bring_up(current: &Path, slot: &Path, changed: &[String]) -> io::Result<()> {
    if guard::is_stamped(slot) && !slot.join(NOT_PREVIOUS).exists() {
        return relink(current, slot, changed);
    }
    if slot.exists() {
        remove_own(slot)?;
    }
    // What a user put into the published build (its publish is refused)
    // would be taken for the build's in this one.
    // Listed when the folder is read, so that one put there meanwhile too.
    link_tree(current, slot, None, &guard::made_at_top(current))
}

/// Replaces the files `changed` in `slot` with hard links to `current`'s
/// (removes those `current` no longer has); `slot` is marked
/// [`NOT_PREVIOUS`] until that is done, so that a relinking cut short is
/// never taken for a build to update.
fn relink(current: &Path, slot: &Path, changed: &[String]) -> io::Result<()> {
    let unfinished = slot.join(NOT_PREVIOUS);
    fs::write(&unfinished, "").map_err(|e| with_path(e, &unfinished))?;
    // The stamp names what comes at the top before it comes (see
    // `made_at_top`), and then only what of it is still there: a name of
    // what went is no longer aqparat's to vouch for.
    let made = guard::listed_in_stamp(slot).map(|mut made| {
        let tops = changed.iter().filter_map(|rel| rel.split('/').next());
        let new: BTreeSet<&str> = tops.filter(|top| !made.contains(*top)).collect();
        let before = made.len();
        made.extend(
            (new.into_iter())
                .filter(|top| current.join(top).exists())
                .map(String::from),
        );
        (made.len() > before, made)
    });
    if let Some((true, made)) = &made {
        guard::stamp_listing(slot, made).map_err(|e| with_path(e, slot))?;
    }
    for rel in changed {
        let (from, to) = (current.join(rel), slot.join(rel));
        let _ = fs::remove_file(&to);
        if from.is_file() {
            make_dir_below(slot, folder_of(Path::new(rel)))?;
            fs::hard_link(&from, &to).map_err(|e| with_path(e, &to))?;
        } else {
            remove_empty_folders(&to, slot);
        }
    }
    if let Some((_, made)) = &made {
        guard::stamp_still_there(slot, made).map_err(|e| with_path(e, slot))?;
    }
    fs::remove_file(&unfinished)
}

/// Removes the folders above the removed file `path` that are left empty,
/// up to `root`: a removed page leaves no empty folder behind, nor does a
/// removed section once its pages are gone too.
fn remove_empty_folders(path: &Path, root: &Path) {
    let mut folder = path.parent();
    while let Some(dir) = folder.filter(|dir| *dir != root && dir.starts_with(root)) {
        // Fails, harmlessly, when other files live below.
        if fs::remove_dir(dir).is_err() {
            break;
        }
        folder = dir.parent();
    }
}

/// Points the output link at the staged build: a new link renamed over the
/// old one. The other build folder keeps the previous build, so a reader
/// that followed the old link a moment ago can finish reading it.
/// A build made afresh (not `seeded`) marks the other build folder (see
/// [`NOT_PREVIOUS`]), or removes it when it is an empty folder without the
/// stamp (a marker in it would make it a user's folder).
fn link(
    staging: &Path,
    destination: &Path,
    published: &AtomicBool,
    seeded: bool,
) -> io::Result<()> {
    let builds = builds_dir(destination);
    // What a user put into the published build since the guard looked
    // would be hidden by the new one, and deleted later.
    if let Ok(current) = fs::canonicalize(destination)
        && current.is_dir()
    {
        guard::only_own_entries(&current, &destination.display().to_string())?;
    }
    // An output made by `build` (stamped or empty, as the guard checked):
    // set it aside, and remove it once the link is in place.
    let previous = builds.join(format!(".previous-output-{}", std::process::id()));
    let replaced = destination.is_dir() && !destination.is_symlink();
    if replaced {
        fs::rename(destination, &previous)?;
    }
    let target = staging
        .strip_prefix(parent_of(destination))
        .unwrap_or(staging);
    let new_link = sibling(destination, &format!("link-{}", std::process::id()));
    let _ = fs::remove_file(&new_link);
    std::os::unix::fs::symlink(target, &new_link)?;
    fs::rename(&new_link, destination)?;
    published.store(true, Ordering::SeqCst);
    if replaced {
        remove_own(&previous)?;
    }
    if let (false, (_, other)) = (seeded, link_slots(destination))
        && other.is_dir()
    {
        // An empty folder (the only other kind the guard let through)
        // is removed: a file put in it would make it a user's.
        match guard::is_stamped(&other) {
            true => fs::write(other.join(NOT_PREVIOUS), "")?,
            false => remove_own(&other)?,
        }
    }
    Ok(())
}

impl Drop for Output {
    /// An unpublished staging directory is removed: a failed build leaves
    /// nothing behind. One of [`Publish::Link`] that started as a copy of
    /// the current build is put back to that copy instead, so that the next
    /// build need not copy the whole build again.
    fn drop(&mut self) {
        if let Output::Staging {
            staging,
            destination,
            mode,
            seeded,
            published,
            written,
            ..
        } = self
            && !published.load(Ordering::SeqCst)
        {
            let linked = *mode == Publish::Link && *seeded;
            let restored = match (linked, link_slots(destination), written.get_mut()) {
                (true, (Some(current), _), Ok(written)) => {
                    relink(&current, staging, written).is_ok()
                }
                _ => false,
            };
            if restored {
                return;
            }
            // A build folder holding a user's file is kept, whole, for the
            // next build to name it: marked, so that it is not updated.
            let kept = *mode == Publish::Link && only_own_slot(staging).is_err();
            match kept {
                true => drop(fs::write(staging.join(NOT_PREVIOUS), "")),
                false => drop(remove_own(staging)),
            }
        }
    }
}

/// Creates the folder `rel` (a path relative to `root`, a build's folder)
/// with those missing between them, but never `root` itself nor what holds
/// it: when `root` is gone (deleted or moved away by hand meanwhile) an
/// error, not a folder made again without its stamp, which aqparat would
/// then refuse to replace as a user's. An empty `rel` is `root`: nothing is
/// made, and what is written into it fails if it is gone. A `rel` that is
/// not a plain relative path (absolute, `.`, `..`) is refused. Each page has
/// a folder of its own, so one `mkdir` usually does it. Whether something
/// was at `rel` already (a folder, or a file in the way of one; an empty
/// `rel` is there).
fn make_dir_below(root: &Path, rel: &Path) -> io::Result<bool> {
    if rel.as_os_str().is_empty() {
        return Ok(true);
    }
    if !rel
        .components()
        .all(|part| matches!(part, Component::Normal(_)))
    {
        let message = format!("{}: not a folder inside {}", rel.display(), root.display());
        return Err(io::Error::new(io::ErrorKind::InvalidInput, message));
    }
    let dir = root.join(rel);
    let made = || match fs::create_dir(&dir) {
        Ok(()) => Ok(false),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(true),
        Err(e) => Err(with_path(e, &dir)),
    };
    match made() {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            make_dir_below(root, folder_of(rel))?;
            made()
        }
        made => made,
    }
}

/// The folder holding `rel` (a relative path), empty at the top.
fn folder_of(rel: &Path) -> &Path {
    rel.parent().unwrap_or(Path::new(""))
}

/// Makes the folder `to` (its parent must exist, `to` must not) a copy of
/// the build `from`, every file a hard link: of what its folders hold, the
/// same folders; or, when the build `listed` every file it wrote (paths
/// relative to `from`), of the files listed that it holds, with the
/// folders they need. Stamped first: a folder aqparat is filling is never,
/// even for a moment, a non-empty folder without the stamp (another
/// aqparat starting then would take it for a user's folder). Marked [`NOT_PREVIOUS`] until it is whole:
/// a copy cut short (`from` deleted meanwhile, a full disk, aqparat
/// stopped) is made again, never taken for a build to update. Only the
/// entries at the top of `from` that `keep` accepts are copied.
fn link_tree(from: &Path, to: &Path, listed: Option<&[String]>, keep: &TopEntry) -> io::Result<()> {
    fs::create_dir(to).map_err(|e| with_path(e, to))?;
    let own = fs::hard_link(from.join(guard::STAMP), to.join(guard::STAMP))
        .or_else(|_| guard::stamp(to))
        .and_then(|()| fs::write(to.join(NOT_PREVIOUS), ""));
    if let Err(error) = own {
        let _ = remove_own(to);
        return Err(with_path(error, to));
    }
    match listed {
        Some(files) => link_listed(from, to, files)?,
        None => link_files(from, to, keep)?,
    }
    fs::remove_file(to.join(NOT_PREVIOUS))
}

/// Makes in the folder `to` (which exists) a hard link to each of the
/// `files` of the build `from` (paths relative to it, each checked by
/// [`inside_output`]) and the folders they need, on every core. A file
/// listed that `from` no longer holds (renamed or removed after it was
/// written) is left out, and so are the folders made for it alone; with
/// `from` gone, or no longer aqparat's, an error. No folder is read: at
/// 20,000 pages (40,000 files) this took 0.09 to 0.10 s on two cores,
/// [`link_files`] 0.11 to 0.12 s.
fn link_listed(from: &Path, to: &Path, files: &[String]) -> io::Result<()> {
    use rayon::prelude::*;
    let folders = ExistingFolders::default();
    let gone: Vec<PathBuf> = (files.par_iter())
        .map(|rel| {
            let inside = inside_output(rel)?;
            folders.make_folder_of(to, inside)?;
            let target = to.join(inside);
            match fs::hard_link(from.join(inside), &target) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Some(target)),
                // Listed twice: linked already.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(None),
                linked => linked.map(|()| None).map_err(|e| with_path(e, &target)),
            }
        })
        .filter_map(Result::transpose)
        .collect::<io::Result<_>>()?;
    // Not a file the build moved away, but the build itself.
    if !gone.is_empty() && !guard::is_stamped(from) {
        let message = "the build's folder is gone, or no longer aqparat's";
        return Err(with_path(
            io::Error::new(io::ErrorKind::NotFound, message),
            from,
        ));
    }
    // Once every file is linked, so that no folder is removed while a
    // file is linked into it.
    for target in gone {
        remove_empty_folders(&target, to);
    }
    Ok(())
}

/// Makes in the folder `to` (which exists) the folders of the build `from`
/// and a hard link to each of its files, but its stamp and markers and the
/// entries at its top that `keep` does not accept; the folders are read
/// and made on every core. Anything else in `from` (a
/// symbolic link) is an error. At 20,000 pages (40,000 files, 20,000
/// folders) this takes 0.11 s on two cores; walking first, then linking on
/// one core, took 0.33 s.
fn link_files(from: &Path, to: &Path, keep: &TopEntry) -> io::Result<()> {
    let skipped = |name: &std::ffi::OsStr| {
        [guard::STAMP, NOT_PREVIOUS]
            .map(std::ffi::OsStr::new)
            .contains(&name)
            || !keep(&name.to_string_lossy())
    };
    link_folder(from, to, &skipped)
}

/// [`link_files`] of the folder `from` into `to`, but the entries that
/// `skip` names.
fn link_folder(
    from: &Path,
    to: &Path,
    skip: &(dyn Fn(&std::ffi::OsStr) -> bool + Sync),
) -> io::Result<()> {
    use rayon::prelude::*;
    let entries = fs::read_dir(from).map_err(|e| with_path(e, from))?;
    let entries: Vec<fs::DirEntry> = entries.collect::<io::Result<_>>()?;
    entries.par_iter().try_for_each(|entry| {
        let name = entry.file_name();
        if skip(&name) {
            return Ok(());
        }
        let (source, target) = (entry.path(), to.join(&name));
        let kind = entry.file_type()?;
        if kind.is_dir() {
            fs::create_dir(&target).map_err(|e| with_path(e, &target))?;
            link_folder(&source, &target, &|_| false)
        } else if kind.is_file() {
            fs::hard_link(&source, &target).map_err(|e| with_path(e, &target))
        } else {
            // A build makes no links: a file written or removed through one
            // could be anywhere.
            let message = "not a file nor a folder: a build makes only those";
            Err(io::Error::other(format!("{}: {message}", source.display())))
        }
    })
}

/// Swaps two directories atomically (Linux `renameat2(RENAME_EXCHANGE)`);
/// elsewhere, or on file systems without it, moves the old one aside first.
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok() {
            return Ok(());
        }
    }
    let aside = a.with_extension("old");
    fs::rename(b, &aside)?;
    fs::rename(a, b)?;
    fs::rename(&aside, a)
}

/// `rel`, a `/`-separated path below the output root, as a path; an error
/// when it could lead elsewhere or make a bad file name: empty, absolute, a
/// `.` or `..` part, a `\`, or a control character. Every file written,
/// copied or removed goes through here, whatever the stages before checked.
pub(super) fn inside_output(rel: &str) -> io::Result<&Path> {
    let bad_part = |part: &str| {
        part.is_empty()
            || part == "."
            || part == ".."
            || part.chars().any(|c| c == '\\' || c.is_control())
    };
    if rel.split('/').any(bad_part) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "refusing to write {rel:?}: the path would leave the output folder or make a bad \
                 file name (an empty, `.` or `..` part, a backslash or a control character)"
            ),
        ));
    }
    Ok(Path::new(rel))
}

/// Adds the name at the top of `rel` (a path checked by [`inside_output`])
/// to `made` and to the stamp of `staging`, unless it is there already:
/// before the file is made (see `Output::Staging`'s `made_at_top`).
fn vouch_first(staging: &Path, made: &Mutex<BTreeSet<String>>, rel: &str) -> io::Result<()> {
    let top = rel.split('/').next().unwrap_or(rel);
    let mut made = lock(made);
    if made.contains(top) {
        return Ok(());
    }
    made.insert(top.to_string());
    guard::stamp_listing(staging, &made).map_err(|e| with_path(e, staging))
}

/// Removes the file `path`; no error when it is not there.
fn remove_if_there(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        removed => removed.map_err(|e| with_path(e, path)),
    }
}

fn with_path(error: io::Error, path: &Path) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::os::unix::fs::MetadataExt;

    use super::*;

    fn temp() -> tempfile::TempDir {
        tempfile::tempdir().expect("a temporary folder")
    }

    /// Every file under `dir`, relative, with its bytes.
    fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|entry| entry.expect("walks"))
            .filter(|entry| entry.file_type().is_file())
            .map(|entry| {
                let rel = entry.path().strip_prefix(dir).expect("below");
                let bytes = fs::read(entry.path()).expect("reads");
                (rel.to_string_lossy().to_string(), bytes)
            })
            .collect()
    }

    /// The inode of `path`: two paths with the same one are hard links.
    fn inode(path: &Path) -> u64 {
        fs::metadata(path).expect("exists").ino()
    }

    /// The names in `dir`.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("reads")
            .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        names
    }

    /// A folder for a test, the output in it, and the two build folders
    /// of [`Publish::Link`] behind that output.
    fn link_output() -> (tempfile::TempDir, PathBuf, PathBuf, PathBuf) {
        let dir = temp();
        let public = dir.path().join("public");
        let (a, b) = (builds_dir(&public).join("a"), builds_dir(&public).join("b"));
        (dir, public, a, b)
    }

    /// The folder `output` is filling.
    fn staging_of(output: &Output) -> PathBuf {
        output.folder().expect("staged").to_path_buf()
    }

    /// Stages `pages` (path, text) and publishes them; gives the files the
    /// build wrote or removed, for the next one.
    fn publish_build(
        destination: &Path,
        mode: Publish,
        changed_last_time: Option<&[String]>,
        pages: &[(&str, &str)],
    ) -> Vec<String> {
        let output = Output::staging(destination, mode, changed_last_time).expect("staged");
        for (rel, text) in pages {
            output.write(rel, text.as_bytes()).expect("written");
        }
        let written = output.written();
        output.publish().expect("published");
        written
    }

    const FIRST: [(&str, &str); 3] = [
        ("kk/index.html", "home 1"),
        ("kk/rules/first/index.html", "first 1"),
        ("kk/rules/gone/index.html", "gone 1"),
    ];

    #[test]
    fn a_build_after_its_folder_was_lost_is_never_written_where_the_link_leads() {
        let dir = temp();
        let public = dir.path().join("public");
        let output = Output::staging(&public, Publish::Link, None).expect("staged");
        output.write("index.html", b"one").expect("written");
        output.publish().expect("published");
        let named = fs::read_link(&public).expect("a link");
        fs::remove_dir_all(builds_dir(&public)).expect("builds removed");

        let output = Output::staging(&public, Publish::Link, None).expect("staged");
        output.write("index.html", b"half").expect("written");
        assert_ne!(staging_of(&output).file_name(), named.file_name());
        assert!(
            fs::read(public.join("index.html")).is_err(),
            "nothing shows yet"
        );
        output.publish().expect("published");
        assert_eq!(fs::read(public.join("index.html")).expect("reads"), b"half");
    }

    #[test]
    fn a_build_folder_removed_while_it_is_filled_is_never_made_again() {
        for mode in [Publish::Link, Publish::Replace] {
            let dir = temp();
            let public = dir.path().join("public");
            publish_build(&public, mode, None, &FIRST);
            let output = Output::staging(&public, mode, None).expect("staged");
            output.write("kk/index.html", b"home 2").expect("written");
            let staging = staging_of(&output);
            // Moved away and deleted by hand, as a user cleaning up might.
            let away = dir.path().join("away");
            fs::rename(&staging, &away).expect("moved");
            fs::remove_dir_all(&away).expect("deleted");
            let source = dir.path().join("source.png");
            fs::write(&source, "card").expect("written");
            for rel in ["kk/rules/new/index.html", "index.html", "kk/index.html"] {
                let tries: [(&str, &dyn Fn() -> io::Result<()>); 5] = [
                    ("write", &|| output.write(rel, b"new")),
                    ("write_content_named", &|| {
                        output.write_content_named(rel, b"new")
                    }),
                    ("copy", &|| output.copy(&source, Path::new(rel))),
                    ("link", &|| output.link(&source, rel)),
                    ("rename", &|| output.rename("kk/index.html", rel)),
                ];
                for (how, tried) in tries {
                    let Err(error) = tried() else {
                        panic!("{mode:?} {how} {rel}: written");
                    };
                    assert_eq!(
                        error.kind(),
                        io::ErrorKind::NotFound,
                        "{how} {rel}: {error}"
                    );
                    assert!(
                        !staging.exists(),
                        "{mode:?} {how} {rel}: made again unstamped"
                    );
                }
            }
            // Nor by bringing it up to the current build.
            let current = fs::canonicalize(&public).expect("there");
            let changed = ["kk/index.html".to_string()];
            relink(&current, &staging, &changed).expect_err("no folder");
            assert!(!staging.exists(), "{mode:?}: made again by relinking");
            drop(output);
            // The next build stages and publishes as before.
            publish_build(&public, mode, None, &FIRST);
            let published = fs::canonicalize(&public).expect("there");
            assert_eq!(files(&published).len(), FIRST.len() + 1, "{mode:?}");
        }
    }

    #[test]
    fn folders_are_made_only_inside_the_build() {
        let dir = temp();
        let root = dir.path().join("build");
        fs::create_dir(&root).expect("made");
        make_dir_below(&root, Path::new("kk/rules/new")).expect("made");
        assert!(root.join("kk/rules/new").is_dir());
        let outside = dir.path().join("outside");
        for rel in [outside.as_path(), Path::new("../up"), Path::new("./x")] {
            let error = make_dir_below(&root, rel).expect_err("refused");
            assert_eq!(error.kind(), io::ErrorKind::InvalidInput, "{rel:?}");
        }
        assert!(!outside.exists() && !dir.path().join("up").exists());
        assert!(!root.join("x").exists());
    }

    #[test]
    fn a_copy_made_afresh_holds_the_files_listed_and_no_folder_of_a_file_gone() {
        let dir = temp();
        let (out, copy) = (dir.path().join("public"), dir.path().join("copy"));
        let output = Output::staging(&out, Publish::Replace, None)
            .expect("staged")
            .listing();
        for (rel, text) in FIRST {
            output.write(rel, text.as_bytes()).expect("written");
        }
        // Written twice, then written and moved away.
        output.write("index.html", b"again").expect("written");
        output.write("tmp/x", b"x").expect("written");
        output.rename("tmp/x", "moved/x").expect("renamed");
        // In the folder, but not written through the output: not listed.
        let staging = output.folder().expect("staged").to_path_buf();
        fs::write(staging.join("unlisted"), "?").expect("written");

        output.copy_to(&copy).expect("copied");
        assert!(Output::is_whole_copy(&copy));
        let mut expected = files(&staging);
        expected.remove("unlisted");
        assert_eq!(files(&copy), expected);
        for rel in expected.keys() {
            assert_eq!(inode(&copy.join(rel)), inode(&staging.join(rel)), "{rel}");
        }
        assert!(!copy.join("tmp").exists(), "no folder of a file gone");

        // The build's folder gone: no copy is taken for whole.
        remove_own(&staging).expect("removed");
        remove_own(&copy).expect("removed");
        output.copy_to(&copy).expect_err("nothing to copy");
        assert!(!Output::is_whole_copy(&copy));
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn a_copy_of_a_build_cut_short_is_made_again_whole() {
        let dir = temp();
        let current = dir.path().join("a");
        // A slot's path longer than the build's by more than a deep
        // folder's room to spare: the copy stops there (the path is too
        // long). Linux takes paths of up to 4,095 bytes (PATH_MAX, less
        // the NUL).
        let slot = dir.path().join("b".repeat(60));
        let room = 4093usize
            .checked_sub(current.as_os_str().len())
            .expect("a temporary folder of a short path");
        let deep: PathBuf = std::iter::repeat_n("d".repeat(50), room / 51).collect();
        fs::create_dir_all(current.join(&deep)).expect("made");
        for (rel, text) in FIRST {
            fs::create_dir_all(current.join(rel).parent().expect("held")).expect("made");
            fs::write(current.join(rel), text).expect("written");
        }
        guard::stamp(&current).expect("stamped");
        link_tree(&current, &slot, None, &|_| true).expect_err("stopped by the deep folder");
        assert!(guard::is_stamped(&slot), "its own from the start");
        assert!(slot.join(NOT_PREVIOUS).is_file(), "marked unfinished");

        fs::remove_dir_all(current.join(deep.iter().next().expect("a part"))).expect("removed");
        bring_up(&current, &slot, &[]).expect("made again, not relinked");
        assert_eq!(files(&slot), files(&current));
        for (rel, _) in FIRST {
            assert_eq!(inode(&slot.join(rel)), inode(&current.join(rel)), "{rel}");
        }
        assert!(!slot.join(NOT_PREVIOUS).exists(), "whole");
    }

    #[test]
    fn an_empty_build_folder_beside_the_first_build_does_not_block_the_next() {
        let dir = temp();
        let public = dir.path().join("public");
        fs::create_dir_all(builds_dir(&public).join("b")).expect("made");
        let written = publish_build(&public, Publish::Link, None, &FIRST);
        assert!(
            !builds_dir(&public).join("b").exists(),
            "removed, not marked"
        );
        publish_build(&public, Publish::Link, None, &FIRST);
        publish_build(&public, Publish::Link, Some(&written), &FIRST);
        let published = fs::canonicalize(&public).expect("there");
        assert_eq!(files(&published).len(), FIRST.len() + 1);
    }

    #[test]
    fn a_content_named_file_is_kept_only_when_it_holds_the_same_bytes() {
        for mode in [Publish::Link, Publish::Replace] {
            let dir = temp();
            let public = dir.path().join("public");
            let rel = "pagefind/fragment/kk_0123456.pf_fragment";
            let output = Output::staging(&public, mode, None).expect("staged");
            output
                .write_content_named(rel, b"page one")
                .expect("written");
            let first = output.written();
            output.publish().expect("published");

            // Another page whose hash starts with the same seven digits.
            let output = Output::staging(&public, mode, Some(&first)).expect("staged");
            output
                .write_content_named(rel, b"page two")
                .expect("written");
            let second = output.written();
            output.publish().expect("published");
            assert_eq!(fs::read(public.join(rel)).expect("reads"), b"page two");

            let output = Output::staging(&public, mode, Some(&second)).expect("staged");
            output.write_content_named(rel, b"page two").expect("kept");
            output.publish().expect("published");
            assert_eq!(fs::read(public.join(rel)).expect("reads"), b"page two");
        }
    }

    #[test]
    fn a_cached_file_is_linked_in_and_never_written_through() {
        let dir = temp();
        let cached = dir.path().join("card.png");
        fs::write(&cached, b"card").expect("cached");
        let public = dir.path().join("public");
        let output = Output::staging(&public, Publish::Link, None).expect("staged");
        output.link(&cached, "og/a.png").expect("linked");
        output.link(&cached, "og/a.png").expect("linked again");
        let staged = staging_of(&output).join("og/a.png");
        assert_eq!(inode(&staged), inode(&cached), "one file system: a link");
        let first = output.written();
        output.publish().expect("published");

        // The next build starts as links to this one and replaces the file.
        let output = Output::staging(&public, Publish::Link, Some(&first)).expect("staged");
        output.write("og/a.png", b"other").expect("written");
        assert_eq!(fs::read(&cached).expect("reads"), b"card");
        assert_eq!(fs::read(public.join("og/a.png")).expect("reads"), b"card");
    }

    #[test]
    fn publishing_swaps_the_staged_build_in_for_the_old_output() {
        let dir = temp();
        let public = dir.path().join("public");
        publish_build(&public, Publish::Replace, None, &FIRST);
        assert_eq!(files(&public)["kk/index.html"], b"home 1");
        assert!(guard::is_stamped(&public));
        assert_eq!(names(dir.path()), ["public"], "no staging left behind");

        let output = Output::staging(&public, Publish::Replace, None).expect("staged");
        let staging = staging_of(&output);
        assert_eq!(staging.parent(), Some(dir.path()), "beside the output");
        assert!(!output.is_seeded());
        output.write("kk/index.html", b"home 2").expect("written");
        let before = files(&public);
        assert_eq!(
            before["kk/index.html"], b"home 1",
            "untouched until published"
        );
        let staged = inode(&staging);
        output.publish().expect("published");
        assert_eq!(
            inode(&public),
            staged,
            "the staged folder itself took its place"
        );
        let after = files(&public);
        assert_eq!(after["kk/index.html"], b"home 2");
        assert!(
            !after.contains_key("kk/rules/first/index.html"),
            "the old build is gone"
        );
        assert!(after.contains_key(guard::STAMP));
        assert_eq!(names(dir.path()), ["public"], "the old output was removed");
    }

    #[test]
    fn publishing_refuses_a_file_or_a_link_in_the_way() {
        let dir = temp();
        let file = dir.path().join("file");
        fs::write(&file, "mine").expect("write");
        let output = Output::staging(&file, Publish::Replace, None).expect("staged");
        output.write("index.html", b"site").expect("written");
        assert!(output.publish().is_err());
        assert_eq!(fs::read(&file).expect("reads"), b"mine");

        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).expect("mkdir");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&elsewhere, &link).expect("symlink");
        let output = Output::staging(&link, Publish::Replace, None).expect("staged");
        assert!(output.publish().is_err());
        assert!(link.is_symlink());
        assert_eq!(names(&elsewhere), Vec::<String>::new());
        assert_eq!(
            names(dir.path()),
            ["elsewhere", "file", "link"],
            "staging removed"
        );
    }

    #[test]
    fn a_build_dropped_unpublished_leaves_the_output_and_removes_its_staging() {
        let dir = temp();
        let public = dir.path().join("public");
        publish_build(&public, Publish::Replace, None, &FIRST);
        let before = files(&public);
        let output = Output::staging(&public, Publish::Replace, None).expect("staged");
        let staging = staging_of(&output);
        output.write("kk/index.html", b"home 2").expect("written");
        output.remove("kk/rules/first/index.html").expect("removed");
        assert!(staging.join("kk/index.html").is_file());
        drop(output);
        assert!(!staging.exists());
        assert_eq!(files(&public), before);
        assert_eq!(names(dir.path()), ["public"]);

        // The first build of a watched output: nothing to put back to.
        let watched = dir.path().join("watched");
        let output = Output::staging(&watched, Publish::Link, None).expect("staged");
        let slot = staging_of(&output);
        assert_eq!(slot, builds_dir(&watched).join("a"));
        output.write("kk/index.html", b"home").expect("written");
        drop(output);
        assert!(!slot.exists());
        assert!(fs::symlink_metadata(&watched).is_err(), "no output made");
    }

    #[test]
    fn a_seeded_build_dropped_unpublished_is_put_back_to_the_current_build() {
        let dir = temp();
        let public = dir.path().join("public");
        let written = publish_build(&public, Publish::Link, None, &FIRST);
        let current = builds_dir(&public).join("a");
        assert_eq!(
            fs::canonicalize(&public).ok(),
            fs::canonicalize(&current).ok()
        );
        let before = files(&current);

        let output = Output::staging(&public, Publish::Link, Some(&written)).expect("staged");
        let slot = staging_of(&output);
        assert_eq!(slot, builds_dir(&public).join("b"));
        assert!(output.is_seeded());
        output.write("kk/index.html", b"home 2").expect("written");
        output
            .write("kk/new/deep/index.html", b"new")
            .expect("written");
        output.remove("kk/rules/gone/index.html").expect("removed");
        drop(output);

        assert_eq!(files(&current), before, "the current build is untouched");
        assert_eq!(
            files(&slot),
            before,
            "the staging is the current build again"
        );
        for rel in before.keys() {
            assert_eq!(inode(&slot.join(rel)), inode(&current.join(rel)), "{rel}");
        }
        assert!(!slot.join("kk/new").exists(), "no empty folder left");
    }

    #[test]
    fn files_not_rewritten_are_carried_over_as_hard_links() {
        let (_dir, public, a, b) = link_output();
        let first = publish_build(&public, Publish::Link, None, &FIRST);
        let mut recorded = first.clone();
        recorded.sort();
        assert_eq!(recorded, FIRST.map(|(rel, _)| rel.to_string()));

        // The second build starts as hard links to the first.
        let output = Output::staging(&public, Publish::Link, Some(&first)).expect("staged");
        assert_eq!(staging_of(&output), b);
        assert!(output.is_seeded());
        assert_eq!(files(&b), files(&a));
        for rel in files(&a).keys() {
            assert_eq!(inode(&b.join(rel)), inode(&a.join(rel)), "{rel}");
        }
        output.write("kk/index.html", b"home 2").expect("written");
        output
            .write_content_named("kk/rules/first/index.html", b"first 1")
            .expect("kept");
        output.remove("kk/rules/gone/index.html").expect("removed");
        output
            .write("kk/rules/new/index.html", b"new 2")
            .expect("written");
        assert_eq!(fs::read(a.join("kk/index.html")).expect("reads"), b"home 1");
        assert_ne!(
            inode(&b.join("kk/index.html")),
            inode(&a.join("kk/index.html"))
        );
        let first_page = "kk/rules/first/index.html";
        assert_eq!(inode(&b.join(first_page)), inode(&a.join(first_page)));
        assert!(a.join("kk/rules/gone/index.html").is_file());
        let second = output.written();
        output.publish().expect("published");
        assert_eq!(fs::canonicalize(&public).ok(), fs::canonicalize(&b).ok());

        // The third build goes into `a`, brought up to `b` by relinking
        // only what the second one changed.
        let published = files(&b);
        let output = Output::staging(&public, Publish::Link, Some(&second)).expect("staged");
        assert_eq!(staging_of(&output), a);
        assert!(output.is_seeded());
        assert_eq!(files(&a), published);
        // Each build folder's stamp names what it held when published.
        for rel in published.keys().filter(|rel| *rel != guard::STAMP) {
            assert_eq!(inode(&a.join(rel)), inode(&b.join(rel)), "{rel}");
        }
        assert!(
            !a.join("kk/rules/gone").exists(),
            "the removed page's folder too"
        );
        assert_eq!(files(&b), published, "relinking leaves the output as it is");
        drop(output);
        assert_eq!(files(&a), published);
    }

    #[test]
    fn a_file_in_the_build_folder_not_published_stops_the_next_build_and_is_kept() {
        let (dir, public, a, b) = link_output();
        let first = publish_build(&public, Publish::Link, None, &FIRST);
        let second = publish_build(
            &public,
            Publish::Link,
            Some(&first),
            &[("kk/index.html", "2")],
        );
        // The third build goes into `a`, which a file written through the
        // link as the second publish switched it reached.
        fs::write(a.join("CNAME"), "example.org").expect("written");
        for changed in [None, Some(second.as_slice())] {
            let refused = Output::staging(&public, Publish::Link, changed).err();
            let refused = refused.expect("refused");
            assert!(refused.to_string().contains("CNAME"), "{refused}");
            assert_eq!(fs::read(a.join("CNAME")).expect("kept"), b"example.org");
        }
        assert!(Output::prepare_next(&public, &second).is_err());
        assert_eq!(fs::read(a.join("CNAME")).expect("kept"), b"example.org");
        let refused = guard::check_output(dir.path(), &public, Publish::Link).expect_err("refused");
        assert!(refused.to_string().contains("CNAME"), "{refused}");

        // Gone, the next build goes on; a new page at the top is the
        // build's, in either folder, as the published build's stamp says.
        fs::remove_file(a.join("CNAME")).expect("removed");
        let third = publish_build(&public, Publish::Link, Some(&second), &[("top.html", "3")]);
        Output::prepare_next(&public, &third).expect("brought up");
        assert_eq!(
            files(&b).get("top.html").map(Vec::as_slice),
            Some(&b"3"[..])
        );
        guard::check_output(dir.path(), &public, Publish::Link).expect("all aqparat's");
        // With the link removed by hand, each build folder is checked
        // against the other's stamp.
        let link = fs::read_link(&public).expect("a link");
        fs::remove_file(&public).expect("removed");
        guard::check_output(dir.path(), &public, Publish::Link).expect("still aqparat's");
        std::os::unix::fs::symlink(&link, &public).expect("put back");

        // A file put into the published build is not copied into the
        // other one, where the next build would take it for its own.
        let published = fs::canonicalize(&public).expect("published");
        fs::write(published.join("google.html"), "theirs").expect("written");
        fs::write(b.join(NOT_PREVIOUS), "").expect("marked");
        Output::prepare_next(&public, &[]).expect("copied afresh");
        assert!(!b.join("google.html").exists());
        assert!(b.join("top.html").is_file());
        fs::remove_file(published.join("google.html")).expect("removed");

        // A build cut short (aqparat killed) leaves its new files, which
        // its stamp names before they are made; a user's file is told.
        let output = Output::staging(&public, Publish::Link, Some(&[])).expect("staged");
        output.write(".well-known/x", b"4").expect("written");
        std::mem::forget(output);
        guard::check_output(dir.path(), &public, Publish::Link).expect("the build's own");
        fs::write(b.join("MINE"), "theirs").expect("written");
        let refused = guard::check_output(dir.path(), &public, Publish::Link).expect_err("refused");
        assert!(refused.to_string().contains(": MINE;"), "{refused}");
    }

    #[test]
    fn a_build_folders_stamp_names_what_aqparat_made_there_and_nothing_else() {
        let (dir, public, a, b) = link_output();
        let pages = [("index.html", "1"), ("top.txt", "1")];
        let first = publish_build(&public, Publish::Link, None, &pages);
        let refused = |name: &str| {
            let refused = guard::check_output(dir.path(), &public, Publish::Link).err();
            let refused = refused.expect("refused").to_string();
            assert!(refused.contains(&format!(": {name};")), "{refused}");
        };
        // A file at the top removed: once `a` is brought up to the build
        // without it, a user's file of that name is the user's.
        let output = Output::staging(&public, Publish::Link, Some(&first)).expect("staged");
        output.remove("top.txt").expect("removed");
        let second = output.written();
        output.publish().expect("published");
        Output::prepare_next(&public, &second).expect("brought up");
        fs::write(a.join("top.txt"), "theirs").expect("written");
        refused("top.txt");
        fs::remove_file(a.join("top.txt")).expect("removed");

        // The published folder deleted by hand: the other one's own stamp
        // names what it was brought up to.
        let third = publish_build(&public, Publish::Link, Some(&second), &[("new.txt", "3")]);
        Output::prepare_next(&public, &third).expect("brought up");
        fs::remove_dir_all(&a).expect("deleted");
        guard::check_output(dir.path(), &public, Publish::Link).expect("all aqparat's");

        // A file put into the folder a build fills stops its publish, and
        // is kept, with the folder, whose stamp names the build's files.
        let output = Output::staging(&public, Publish::Link, None).expect("staged");
        assert_eq!(staging_of(&output), b);
        output.write("index.html", b"4").expect("written");
        fs::write(b.join("CNAME"), "theirs").expect("written");
        let refusal = output.publish().expect_err("refused").to_string();
        assert!(refusal.contains("CNAME"), "{refusal}");
        assert_eq!(fs::read(b.join("CNAME")).expect("kept"), b"theirs");
        refused("CNAME");
        fs::remove_file(b.join("CNAME")).expect("removed");
        let fifth = publish_build(&public, Publish::Link, None, &[("index.html", "5")]);
        assert_eq!(
            fs::read(public.join("index.html")).expect("published"),
            b"5"
        );

        // A folder deleted by hand from the build being filled (`watch`
        // then builds the site again): the other build folder, brought up
        // to it, still names what it holds.
        let sixth = publish_build(&public, Publish::Link, Some(&fifth), &[("kept/x", "6")]);
        let output = Output::staging(&public, Publish::Link, Some(&sixth)).expect("staged");
        fs::remove_dir_all(b.join("kept")).expect("deleted");
        output.write("index.html", b"7").expect("written");
        let seventh = output.written();
        output.publish().expect("published");
        Output::prepare_next(&public, &seventh).expect("brought up");
        assert!(a.join("kept/x").is_file());
        guard::check_output(dir.path(), &public, Publish::Link).expect("all aqparat's");
    }

    #[test]
    fn removing_a_page_removes_the_folders_it_leaves_empty() {
        let dir = temp();
        let public = dir.path().join("public");
        let output = Output::staging(&public, Publish::Link, None).expect("staged");
        let staging = staging_of(&output);
        for rel in ["kk/rules/first/index.html", "kk/rules/second/index.html"] {
            output.write(rel, b"page").expect("written");
        }
        output.remove("kk/rules/first/index.html").expect("removed");
        assert!(!staging.join("kk/rules/first").exists());
        assert!(staging.join("kk/rules/second/index.html").is_file());
        output
            .remove("kk/rules/second/index.html")
            .expect("removed");
        assert!(!staging.join("kk").exists());
        assert!(guard::is_stamped(&staging), "the build folder itself stays");
        output
            .remove("kk/never/index.html")
            .expect("nothing to remove");
        assert_eq!(
            output.written(),
            [
                "kk/rules/first/index.html",
                "kk/rules/second/index.html",
                "kk/rules/first/index.html",
                "kk/rules/second/index.html",
                "kk/never/index.html",
            ]
        );
    }

    #[test]
    fn a_shared_folder_removed_with_its_last_file_is_made_again() {
        let dir = temp();
        let public = dir.path().join("public");
        let output = Output::staging(&public, Publish::Link, None).expect("staged");
        let staging = staging_of(&output);
        // The second file finds `og` there: it is not made again after.
        for rel in ["og/a.png", "og/b.png", "og/c.png"] {
            output.write(rel, b"card").expect("written");
        }
        for rel in ["og/a.png", "og/b.png", "og/c.png"] {
            output.remove(rel).expect("removed");
        }
        assert!(!staging.join("og").exists(), "left empty, removed");
        output.write("og/d.png", b"card").expect("written again");
        assert_eq!(fs::read(staging.join("og/d.png")).expect("read"), b"card");
    }

    #[test]
    fn paths_that_could_leave_the_output_or_make_bad_names_are_refused() {
        for bad in [
            "",
            "/etc/passwd",
            "..",
            "../outside",
            "kk/../../outside",
            ".",
            "./kk",
            "kk//index.html",
            "kk/",
            "kk\\..\\outside",
            "kk/a\u{0}b",
            "kk/line\nbreak",
            "kk/esc\u{1b}",
            "kk/next-line\u{85}",
        ] {
            let refused = inside_output(bad).expect_err(bad);
            assert_eq!(refused.kind(), io::ErrorKind::InvalidInput, "{bad:?}");
        }
        for good in [
            "index.html",
            "kk/rules/first/index.html",
            "ru/правила/a..b",
            ".well-known/x",
        ] {
            assert_eq!(inside_output(good).expect(good), Path::new(good));
        }

        let dir = temp();
        let public = dir.path().join("public");
        let written = publish_build(&public, Publish::Link, None, &FIRST);
        let output = Output::staging(&public, Publish::Link, Some(&written)).expect("staged");
        let source = dir.path().join("source.txt");
        fs::write(&source, "source").expect("write");
        let before = files(dir.path());
        // `../a/…` is a file of the current build, beside the staging `b`.
        for bad in ["../outside", "../a/kk/index.html", "/tmp/x", "kk/../../x"] {
            assert!(output.write(bad, b"x").is_err(), "write {bad}");
            assert!(
                output.write_content_named(bad, b"x").is_err(),
                "named {bad}"
            );
            assert!(output.copy(&source, Path::new(bad)).is_err(), "copy {bad}");
            assert!(output.remove(bad).is_err(), "remove {bad}");
        }
        assert_eq!(files(dir.path()), before, "nothing written or removed");
        assert!(output.written().is_empty());
    }
}
