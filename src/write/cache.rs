//! The site's cache of files that take long to make and are named by what
//! they hold (resized images, preview cards): `.aqparat/cache/KIND/` under
//! the site's root. A hidden folder, so never read as input nor watched;
//! its `.gitignore` keeps it out of git. A later build, in the same process
//! or not, takes a file from there (a hard link, or a copy: see
//! [`super::Output::link`]) instead of making it again. A file in it is
//! never written through, only replaced, so the output may share it.
//!
//! The cache only saves time: one that cannot be written (a read-only
//! site folder) is left alone, and a file in it is taken only when it is a
//! regular file (never through a link). A cache whose every file a build
//! goes through (the search index's) can drop those it did not use since
//! ([`Cache::noting_use`], [`Cache::prune`]): what a page's old text made
//! does not pile up.

use std::collections::HashSet;
use std::fs;
use std::io::{self, ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// The folder of every cache, under the site's root.
pub const DIR: &str = ".aqparat/cache";

/// One kind of cached file of a site.
#[derive(Clone, Debug)]
pub struct Cache {
    dir: PathBuf,
    /// Set once this cache has seen to the `.gitignore` of every cache.
    ignored: OnceLock<()>,
    /// The names of the files found or kept, shared by every clone, when
    /// noted (see [`Cache::noting_use`]).
    used: Option<Arc<Mutex<HashSet<String>>>>,
}

impl Cache {
    /// The cache of files of `kind` (a folder name) of the site in `root`.
    pub fn new(root: &Path, kind: &str) -> Cache {
        Cache {
            dir: root.join(DIR).join(kind),
            ignored: OnceLock::new(),
            used: None,
        }
    }

    /// Removes the file `name`, if it is there.
    pub fn remove(&self, name: &str) {
        let _ = fs::remove_file(self.dir.join(name));
    }

    /// Its folder.
    pub fn folder(&self) -> &Path {
        &self.dir
    }

    /// An exclusive hold on this cache for as long as the file lives (an
    /// advisory lock, `flock`, on the file `lock` in its folder, made with
    /// the folder if need be), unless another process holds it: `None`
    /// then, or when the file cannot be made.
    pub fn hold(&self) -> Option<fs::File> {
        use rustix::fs::{FlockOperation, OFlags, flock};
        use std::os::unix::fs::OpenOptionsExt;
        let open = || {
            fs::File::options()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                // Never through a link; a FIFO in its place does not wait.
                .custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32)
                .open(self.dir.join("lock"))
        };
        let file = std::cell::OnceCell::new();
        self.in_folder(|| open().map(|opened| drop(file.set(opened))))
            .ok()?;
        let file = file.into_inner()?;
        let regular = file.metadata().is_ok_and(|m| m.is_file());
        let held = regular && flock(&file, FlockOperation::NonBlockingLockExclusive).is_ok();
        held.then_some(file)
    }

    /// This cache, noting from now on the name of each file it finds or
    /// keeps, in it and its clones, for [`Cache::prune`].
    pub fn noting_use(self) -> Cache {
        Cache {
            used: Some(Arc::default()),
            ..self
        }
    }

    /// Removes the files of the cache whose names `ours` accepts and that
    /// were neither found nor kept since [`Cache::noting_use`]; nothing
    /// when use is not noted. Other names, folders and links are left as
    /// they are: aqparat removes only what it made. Nothing is removed
    /// from a cache reached through a link (`.aqparat`, its `cache` or
    /// the kind's folder): one shared by several sites, each of which
    /// would remove the others' files.
    pub fn prune(&self, ours: impl Fn(&str) -> bool) {
        let Some(used) = &self.used else {
            return;
        };
        if self.is_reached_through_link() {
            return;
        }
        let used = used.lock().unwrap_or_else(PoisonError::into_inner);
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                continue;
            };
            let is_file = entry.file_type().is_ok_and(|t| t.is_file());
            if is_file && ours(name) && !used.contains(name) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Whether the cache's folder, or `.aqparat/cache` or `.aqparat`
    /// above it, is a link (or anything but a folder): a cache shared with
    /// other sites, or a folder that is not aqparat's. A folder not made
    /// yet is the site's own.
    pub fn is_reached_through_link(&self) -> bool {
        let not_a_folder = |dir: &Path| fs::symlink_metadata(dir).is_ok_and(|m| !m.is_dir());
        self.dir.ancestors().take(3).any(not_a_folder)
    }

    /// The cached file `name`, if the cache has it.
    pub fn get(&self, name: &str) -> Option<PathBuf> {
        let path = self.dir.join(name);
        let is_file = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        is_file.then(|| {
            self.note(name);
            path
        })
    }

    /// Notes that file `name` is used, when use is noted.
    fn note(&self, name: &str) {
        if let Some(used) = &self.used {
            let mut used = used.lock().unwrap_or_else(PoisonError::into_inner);
            used.insert(name.to_string());
        }
    }

    /// The bytes of the cached file `name`, if the cache has it, it can
    /// be read and it is at most `limit` bytes long (a larger file is
    /// not ours, and is not read into memory).
    pub fn read(&self, name: &str, limit: u64) -> Option<Vec<u8>> {
        let mut file = self.open(name)?;
        let len = file.metadata().ok().filter(|m| m.is_file())?.len();
        if len > limit {
            return None;
        }
        // One read for the whole file, with a byte to spare, without the
        // second read that `read_to_end` makes to see the end (a search
        // index reads a file per page). Any other count than `len` (a file
        // that changed meanwhile, a read cut short) is taken as a file not
        // there: the cache only saves time.
        let mut bytes = vec![0; usize::try_from(len).ok()?.checked_add(1)?];
        let read = file.read(&mut bytes).ok()?;
        bytes.truncate(read);
        (read as u64 == len).then(|| {
            self.note(name);
            bytes
        })
    }

    /// Opens the cached file `name` for reading, never through a link (a
    /// FIFO without waiting for a writer, a terminal without making it
    /// ours): one system call where a look at the name first made two.
    /// The caller takes only a regular file.
    #[cfg(unix)]
    fn open(&self, name: &str) -> Option<fs::File> {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        let flags = OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::NOCTTY;
        let mut options = fs::File::options();
        options.read(true).custom_flags(flags.bits() as i32);
        options.open(self.dir.join(name)).ok()
    }

    /// Opens the cached file `name` for reading if it is a regular file
    /// (noting its use: [`Cache::get`]).
    #[cfg(not(unix))]
    fn open(&self, name: &str) -> Option<fs::File> {
        fs::File::open(self.get(name)?).ok()
    }

    /// Keeps `bytes` as `name`, written whole or not at all (a temporary
    /// file renamed).
    pub fn keep(&self, name: &str, bytes: &[u8]) {
        self.keep_written(name, |file| file.write_all(bytes));
    }

    /// Keeps as `name` what `write` writes, whole or not at all (a
    /// temporary file renamed): a large file need not be made in memory
    /// first. `write` may be called again, from the start, when the folder
    /// had to be made.
    pub fn keep_written(&self, name: &str, write: impl Fn(&mut dyn Write) -> io::Result<()>) {
        self.note(name);
        let path = self.dir.join(name);
        let temporary = path.with_extension(format!("tmp{}", std::process::id()));
        let written = self.in_folder(|| {
            let mut file = io::BufWriter::new(super::create_anew(&temporary)?);
            write(&mut file)?;
            file.into_inner().map_err(io::IntoInnerError::into_error)?;
            Ok(())
        });
        if written.is_err() || fs::rename(&temporary, &path).is_err() {
            let _ = fs::remove_file(&temporary);
        }
    }

    /// Keeps `bytes` as `name`, written in place: for files whose reader
    /// checks them whole, so a write cut short reads as a damaged file,
    /// not a wrong one. Cheaper than [`Cache::keep`] for many small files.
    /// A file (or link) already there is replaced, never written through.
    pub fn keep_checked(&self, name: &str, bytes: &[u8]) {
        self.note(name);
        let path = self.dir.join(name);
        let _ = self.in_folder(|| {
            let mut file = super::create_anew(&path)?;
            // Only a file this call made is removed.
            file.write_all(bytes).inspect_err(|_| {
                let _ = fs::remove_file(&path);
            })
        });
    }

    /// Runs `write`, and again once the folder is made if it was not
    /// there (the first file of its kind, or the cache deleted since):
    /// making the folder only then spares a look for it with every file.
    /// Sees that git leaves the cache out after the first file written,
    /// and whenever the folder is made.
    fn in_folder(&self, write: impl Fn() -> io::Result<()>) -> io::Result<()> {
        let written = match write() {
            Err(e) if e.kind() == ErrorKind::NotFound => {
                fs::create_dir_all(&self.dir)?;
                self.ignore_in_git();
                write()
            }
            done => done,
        };
        if written.is_ok() {
            self.ignored.get_or_init(|| self.ignore_in_git());
        }
        written
    }

    /// Writes `.aqparat/.gitignore`, which keeps every cache out of git,
    /// if it is not there.
    fn ignore_in_git(&self) {
        if let Some(aqparat) = self.dir.parent().and_then(Path::parent) {
            // Only where nothing is: a link there, even to nothing, is
            // not written through.
            let ignore = fs::File::options()
                .write(true)
                .create_new(true)
                .open(aqparat.join(".gitignore"));
            if let Ok(mut ignore) = ignore {
                let _ = ignore.write_all(b"# aqparat's cache: not part of the site\n*\n");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_planted_at_a_temporary_name_or_the_ignore_file_are_not_written_through() {
        use std::os::unix::fs::symlink;
        let (root, outside) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let victim = outside.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let cache = Cache::new(root.path(), "charts");
        fs::create_dir_all(cache.folder()).unwrap();
        let temporary = format!("a.tmp{}", std::process::id());
        symlink(&victim, cache.folder().join(temporary)).unwrap();
        let made = outside.path().join("made");
        symlink(&made, cache.folder().join("../../.gitignore")).unwrap();
        cache.keep("a.png", b"png");
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert!(!made.exists(), "no file made through the link");
        assert_eq!(cache.read("a.png", 3).unwrap(), b"png");
    }

    #[test]
    fn a_kept_file_is_found_and_git_leaves_the_cache_out() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::new(root.path(), "cards");
        assert_eq!(cache.get("a.png"), None);
        cache.keep("a.png", b"png");
        let found = cache.get("a.png").unwrap();
        assert_eq!(fs::read(found).unwrap(), b"png");
        assert_eq!(cache.read("a.png", 3).unwrap(), b"png");
        // A file longer than the limit is not read.
        assert_eq!(cache.read("a.png", 2), None);
        assert_eq!(cache.read("b.png", 3), None);
        let ignore = fs::read_to_string(root.path().join(".aqparat/.gitignore")).unwrap();
        assert!(ignore.lines().any(|line| line == "*"), "{ignore}");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_cache_is_not_taken_and_a_kept_file_replaces_it() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::new(root.path(), "cards");
        cache.keep("a.png", b"png");
        let elsewhere = root.path().join("elsewhere.png");
        fs::write(&elsewhere, b"not ours").unwrap();
        let link = root.path().join(DIR).join("cards/b.png");
        std::os::unix::fs::symlink(&elsewhere, link).unwrap();
        assert_eq!(cache.get("b.png"), None);
        assert_eq!(cache.read("b.png", 100), None);
        // Kept under its name, the file replaces the link, and what the
        // link led to is left as it was.
        cache.keep_checked("b.png", b"kept");
        assert_eq!(cache.read("b.png", 100).unwrap(), b"kept");
        assert_eq!(fs::read(&elsewhere).unwrap(), b"not ours");
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_or_fifo_in_the_cache_is_not_read_nor_waited_for() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::new(root.path(), "search");
        cache.keep_checked("a.packed", b"kept");
        let dir = root.path().join(DIR).join("search");
        fs::create_dir(dir.join("folder.packed")).unwrap();
        rustix::fs::mknodat(
            rustix::fs::CWD,
            dir.join("fifo.packed"),
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
            0,
        )
        .unwrap();
        // No writer ever comes: reading would wait for ever, so it is
        // tried on a thread of its own.
        let (sender, receiver) = std::sync::mpsc::channel();
        let reader = cache.clone();
        std::thread::spawn(move || sender.send(reader.read("fifo.packed", 100)));
        let read = receiver.recv_timeout(std::time::Duration::from_secs(60));
        assert_eq!(read, Ok(None), "waited for a writer");
        assert_eq!(cache.read("folder.packed", 100), None);
        // An empty file is read, and a file read whole at its limit.
        cache.keep_checked("empty.packed", b"");
        assert_eq!(cache.read("empty.packed", 0).unwrap(), b"");
        assert_eq!(cache.read("a.packed", 4).unwrap(), b"kept");
    }

    #[test]
    fn pruning_removes_only_our_files_unused_since_use_was_noted() {
        let root = tempfile::tempdir().unwrap();
        let before = Cache::new(root.path(), "search");
        for name in ["a.packed", "b.packed", "notes.txt"] {
            before.keep_checked(name, name.as_bytes());
        }
        let dir = root.path().join(DIR).join("search");
        fs::create_dir(dir.join("folder.packed")).unwrap();
        let ours = |name: &str| name.ends_with(".packed");
        // Without use noted, nothing is removed.
        before.prune(ours);
        assert_eq!(names(&dir).len(), 4);
        let noting = Cache::new(root.path(), "search").noting_use();
        // A clone notes for the cache it was made from.
        assert_eq!(noting.clone().read("a.packed", 100).unwrap(), b"a.packed");
        noting.keep_checked("c.packed", b"c");
        noting.keep("d.packed", b"d");
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.join("a.packed"), dir.join("link.packed")).unwrap();
        noting.prune(ours);
        assert!(!dir.join("b.packed").exists());
        for kept in [
            "a.packed",
            "c.packed",
            "d.packed",
            "notes.txt",
            "folder.packed",
        ] {
            assert!(dir.join(kept).exists(), "{kept}");
        }
        #[cfg(unix)]
        assert!(dir.join("link.packed").is_symlink());
    }

    #[cfg(unix)]
    #[test]
    fn a_cache_reached_through_a_link_is_not_pruned() {
        let root = tempfile::tempdir().unwrap();
        let shared = root.path().join("shared");
        Cache::new(&shared, "search").keep_checked("a.packed", b"a");
        let site = root.path().join("site");
        fs::create_dir_all(site.join(".aqparat")).unwrap();
        let links = [
            (shared.join(".aqparat"), site.join(".aqparat"), "cache"),
            (
                shared.join(".aqparat/cache"),
                site.join(".aqparat/cache"),
                "search",
            ),
        ];
        for (target, at, name) in links {
            let _ = fs::remove_dir_all(&at);
            fs::create_dir_all(&at).unwrap();
            std::os::unix::fs::symlink(target.join(name), at.join(name)).unwrap();
            let cache = Cache::new(&site, "search").noting_use();
            cache.prune(|_| true);
            assert!(shared.join(DIR).join("search/a.packed").is_file(), "{name}");
        }
        // Reached without a link, it is.
        let cache = Cache::new(&shared, "search").noting_use();
        cache.prune(|_| true);
        assert!(!shared.join(DIR).join("search/a.packed").exists());
    }

    /// The names in folder `dir`.
    fn names(dir: &Path) -> Vec<String> {
        let names = fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name());
        names.map(|n| n.to_string_lossy().into_owned()).collect()
    }

    #[test]
    fn a_file_kept_checked_replaces_what_was_there_and_never_writes_through() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::new(root.path(), "search");
        // The folder is made with the first file, and git told to leave
        // the cache out.
        cache.keep_checked("a", b"first");
        assert_eq!(cache.read("a", 100).unwrap(), b"first");
        assert!(root.path().join(".aqparat/.gitignore").is_file());
        // A file shared with the output (a hard link) keeps its bytes.
        let dir = root.path().join(DIR).join("search");
        let shared = root.path().join("shared");
        fs::hard_link(dir.join("a"), &shared).unwrap();
        cache.keep_checked("a", b"second");
        assert_eq!(cache.read("a", 100).unwrap(), b"second");
        assert_eq!(fs::read(&shared).unwrap(), b"first");
        // The cache deleted meanwhile: made again, and left out of git.
        fs::remove_dir_all(root.path().join(".aqparat")).unwrap();
        cache.keep_checked("b", b"again");
        assert_eq!(cache.read("b", 100).unwrap(), b"again");
        assert!(root.path().join(".aqparat/.gitignore").is_file());
    }
}
