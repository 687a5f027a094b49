//! `watch --poll`: changes found by looking at the files every half second,
//! on file systems that send no events (network shares, containers' shared
//! folders).
//!
//! notify's own poller reads and hashes every file of every round: half a
//! core, all the time, for a site of 20,000 pages. This one compares what
//! the file system says of each file (its modification and change times to
//! the nanosecond, size, inode) and reads only a file changed within the
//! last [`RECENT`]: a file system that keeps whole seconds could hide a
//! second edit of the same size within one second, and the contents tell
//! it.

use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasher, Hasher};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

use notify::event::{CreateKind, ModifyKind, RemoveKind};
use notify::{Event, EventKind};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent};

/// How long after its last change a file's contents are compared too.
const RECENT: Duration = Duration::from_secs(2);

/// A poller of the site's folder (its own entries) and of the folders
/// given to [`Poller::watch`] (whole), sending what changed each round as
/// one batch of events. It stops when dropped.
pub struct Poller {
    folders: Arc<Mutex<BTreeSet<PathBuf>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Poller {
    /// Looks at `root` every `interval`, sending changes to `sender`.
    pub fn start(root: &Path, interval: Duration, sender: Sender<DebounceEventResult>) -> Poller {
        let folders = Arc::new(Mutex::new(BTreeSet::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (root, shared, stopped) = (root.to_path_buf(), folders.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            let mut rounds = Rounds::default();
            rounds.look(&root, &shared);
            while !stopped.load(Ordering::SeqCst) {
                std::thread::sleep(interval);
                let changed = rounds.look(&root, &shared);
                if !changed.is_empty() && sender.send(Ok(changed)).is_err() {
                    break;
                }
            }
        });
        Poller {
            folders,
            stop,
            thread: Some(thread),
        }
    }

    /// Looks at `folder` and everything in it from the next round on, which
    /// tells all it holds as new.
    pub fn watch(&self, folder: &Path) {
        if let Ok(mut folders) = self.folders.lock() {
            folders.insert(folder.to_path_buf());
        }
    }

    /// Looks at `folder` no longer.
    pub fn unwatch(&self, folder: &Path) {
        if let Ok(mut folders) = self.folders.lock() {
            folders.remove(folder);
        }
    }
}

impl Drop for Poller {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// What the file system says of a file or folder, to tell a change.
#[derive(Clone, PartialEq, Eq)]
struct Seen {
    modified: (i64, i64),
    changed: (i64, i64),
    size: u64,
    inode: u64,
    is_dir: bool,
    /// A hash of the contents of a file changed within [`RECENT`].
    contents: Option<u64>,
}

impl Seen {
    /// Whether `self`, seen before, and `now` tell of a change. Contents
    /// are compared only when both were read. A folder changes only by
    /// being another: what is made or removed in it is told of itself, if
    /// it is watched.
    fn differs(&self, now: &Seen) -> bool {
        if self.is_dir && now.is_dir {
            return self.inode != now.inode;
        }
        let told = |s: &Seen| (s.modified, s.changed, s.size, s.inode, s.is_dir);
        told(self) != told(now) || self.contents.zip(now.contents).is_some_and(|(a, b)| a != b)
    }
}

/// The entries seen in the last round, by folder watched (the root's own
/// under the root), and a hasher of contents kept across rounds.
#[derive(Default)]
struct Rounds {
    seen: HashMap<PathBuf, HashMap<PathBuf, Seen>>,
    hasher: foldhash::quality::RandomState,
}

impl Rounds {
    /// Looks at every entry once; what changed since the last round, as
    /// events. The first round is where it starts from; a folder watched
    /// after it is new with all it holds (written, maybe, since the build
    /// that followed it being made read it).
    fn look(&mut self, root: &Path, folders: &Mutex<BTreeSet<PathBuf>>) -> Vec<DebouncedEvent> {
        let watched = folders.lock().map(|f| f.clone()).unwrap_or_default();
        let first_round = self.seen.is_empty();
        self.seen
            .retain(|folder, _| folder == root || watched.contains(folder));
        let mut events = Vec::new();
        let now = SystemTime::now();
        let scans =
            std::iter::once((root, false)).chain(watched.iter().map(|f| (f.as_path(), true)));
        for (folder, whole) in scans {
            let current = self.scan(folder, whole, now);
            match self.seen.get(folder) {
                Some(before) => changes(before, &current, &mut events),
                None if first_round => {}
                None => changes(&HashMap::new(), &current, &mut events),
            }
            self.seen.insert(folder.to_path_buf(), current);
        }
        events
    }

    /// The entries of `folder` (all of them if `whole`, else its own),
    /// each with what is seen of it at `now`.
    fn scan(&self, folder: &Path, whole: bool, now: SystemTime) -> HashMap<PathBuf, Seen> {
        let walk = walkdir::WalkDir::new(folder)
            .follow_links(true)
            .min_depth(1)
            .max_depth(if whole { usize::MAX } else { 1 });
        walk.into_iter()
            .flatten()
            .filter_map(|entry| {
                let meta = entry.metadata().ok()?;
                let recent = (meta.modified().ok())
                    .and_then(|modified| now.duration_since(modified).ok())
                    .is_none_or(|age| age < RECENT);
                let contents = (recent && meta.is_file())
                    .then(|| self.hash(entry.path()))
                    .flatten();
                let seen = Seen {
                    modified: (meta.mtime(), meta.mtime_nsec()),
                    changed: (meta.ctime(), meta.ctime_nsec()),
                    size: meta.len(),
                    inode: meta.ino(),
                    is_dir: meta.is_dir(),
                    contents,
                };
                Some((entry.into_path(), seen))
            })
            .collect()
    }

    /// A hash of the contents of the file at `path`, if it can be read.
    fn hash(&self, path: &Path) -> Option<u64> {
        let contents = std::fs::read(path).ok()?;
        let mut hasher = self.hasher.build_hasher();
        hasher.write(&contents);
        Some(hasher.finish())
    }
}

/// The events that lead from `before` to `now`: entries made, changed and
/// removed.
fn changes(
    before: &HashMap<PathBuf, Seen>,
    now: &HashMap<PathBuf, Seen>,
    events: &mut Vec<DebouncedEvent>,
) {
    let at = Instant::now();
    let event =
        |kind, path: &Path| DebouncedEvent::new(Event::new(kind).add_path(path.to_path_buf()), at);
    for (path, seen) in now {
        match before.get(path) {
            None => events.push(event(EventKind::Create(CreateKind::Any), path)),
            Some(old) if old.differs(seen) => {
                events.push(event(EventKind::Modify(ModifyKind::Any), path));
            }
            Some(_) => {}
        }
    }
    for path in before.keys().filter(|path| !now.contains_key(*path)) {
        events.push(event(EventKind::Remove(RemoveKind::Any), path));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::{fs, slice};

    /// The paths of the next batch of events, sorted.
    fn next(changes: &mpsc::Receiver<DebounceEventResult>) -> Vec<PathBuf> {
        let events = changes
            .recv_timeout(Duration::from_secs(10))
            .expect("a batch")
            .expect("no errors");
        let mut paths: Vec<PathBuf> = events.iter().flat_map(|e| e.paths.clone()).collect();
        paths.sort();
        paths
    }

    /// Every edit is seen, a folder watched late is told with its files,
    /// and a folder not watched is not looked at.
    #[test]
    fn every_edit_is_seen_and_only_the_watched_folders_are_looked_at() {
        let dir = tempfile::tempdir().expect("temp");
        let root = dir.path();
        fs::create_dir_all(root.join("content")).expect("mkdir");
        fs::create_dir_all(root.join(".git")).expect("mkdir");
        let page = root.join("content/a.md");
        fs::write(&page, "first").expect("write");
        let (sender, changes) = mpsc::channel();
        let poller = Poller::start(root, Duration::from_millis(50), sender);
        // After its first round, which is where it starts from.
        std::thread::sleep(Duration::from_millis(200));
        poller.watch(&root.join("content"));
        assert_eq!(
            next(&changes),
            slice::from_ref(&page),
            "told with its files"
        );
        fs::write(root.join(".git/index"), "not looked at").expect("write");
        fs::write(&page, "other").expect("write");
        assert_eq!(next(&changes), slice::from_ref(&page));
        // Same size, its modification time put back: its change time
        // tells (on a file system of whole seconds, its contents would).
        let modified = fs::metadata(&page).expect("meta").modified().expect("time");
        fs::write(&page, "third").expect("write");
        fs::File::options()
            .write(true)
            .open(&page)
            .and_then(|file| file.set_modified(modified))
            .expect("times");
        assert_eq!(next(&changes), slice::from_ref(&page));
        fs::write(root.join("site.yaml"), "").expect("write");
        assert_eq!(next(&changes), [root.join("site.yaml")]);
        fs::remove_file(&page).expect("remove");
        assert_eq!(next(&changes), [page]);
        drop(poller);
        assert!(changes.recv().is_err(), "stopped, nothing more sent");
    }

    /// On a file system of whole seconds, an edit within the second that
    /// keeps the size is told by the contents, compared while both were
    /// read.
    #[test]
    fn contents_tell_an_edit_the_times_do_not() {
        let seen = |contents| Seen {
            modified: (1_600_000_000, 0),
            changed: (1_600_000_000, 0),
            size: 5,
            inode: 7,
            is_dir: false,
            contents,
        };
        assert!(seen(Some(1)).differs(&seen(Some(2))));
        assert!(!seen(Some(1)).differs(&seen(Some(1))));
        // No longer recent, so no longer read: no change.
        assert!(!seen(Some(1)).differs(&seen(None)));
        let folder = |inode| Seen {
            is_dir: true,
            inode,
            ..seen(None)
        };
        assert!(!folder(7).differs(&Seen {
            size: 4096,
            ..folder(7)
        }));
        assert!(folder(7).differs(&folder(8)));
    }
}
