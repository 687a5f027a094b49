//! Rebuild on change: the one pipeline, run again whenever the site's input
//! changes. `serve` and `watch` are this loop with something done after each
//! build (reload the browsers; publish and write a status file).
//!
//! A change counts when it is to an input file, as a build reads them
//! ([`crate::load::Inputs`]: `site.yaml`, the `.gitignore`, `content/`,
//! `data/`, `themes/` and `static/`, without hidden files, editors'
//! temporary and backup files and what the `.gitignore` leaves out), or to
//! a file of the site that an input links to (`static/LICENSE.txt` →
//! `../LICENSE`); the output and everything else are ignored. Editors' atomic saves, renames, deletions, new folders and bursts
//! of changes (a `git checkout`) arrive as debounced batches; batches that
//! follow each other closely make one build. Only the site's own folders
//! are watched (see [`Watching`]), never `.git`, aqparat's cache or the
//! output.
//!
//! The site also changes without a change of its files: at 00:00 UTC of the
//! day a page is dated (it is published) or expires (it says it is no
//! longer in force). Each build's report says the next such moment
//! ([`Report::next_change`]), and the loop builds again once the options'
//! clock reaches it, so that a rule scheduled for Monday goes live on
//! Monday without a commit. And when a commit or a checkout moves `HEAD`,
//! which the changes page and `dates: git` read: the loop looks at it
//! every [`CHECK_INTERVAL`] while no change comes in, and builds again
//! when it moved.
//!
//! With [`crate::write::Publish::Link`] the loop also looks after what it
//! published: when the output link, the build it points at (or the whole
//! `OUTPUT.builds/` folder) or a file of that build is removed by hand, it
//! builds the whole site again from scratch, keeping nothing of the last
//! build, without waiting for a change of the input (see [`Published`]).

mod poll;

use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use foldhash::HashSet;
use notify::event::{MetadataKind, ModifyKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache, new_debouncer,
};
use poll::Poller;

use crate::clock::Moment;
use crate::error::Error;
use crate::load::{CONFIG_FILE, Entry, GITIGNORE, INPUT_DIRS, Inputs, head_commit};
use crate::messages::{Arg, Message};
use crate::msg;
use crate::write::{Output, builds_dir, parent_of, resolve};
use crate::{Options, Report, Session};

/// How long a file must be left alone before its change is reported: long
/// enough for an editor's save (a temporary file renamed over the old one).
const DEBOUNCE: Duration = Duration::from_millis(5);
/// How long no file may change before the changes are built: a burst (a
/// `git checkout` writing both languages of a page) makes one build. Short
/// enough not to keep the writer waiting.
const QUIET: Duration = Duration::from_millis(10);
/// The longest a build waits for a burst of changes to end.
const MAX_WAIT: Duration = Duration::from_secs(2);
/// How often to look at every file when the file system sends no events.
const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// How often, while no change comes in, the published build is compared
/// with what was published: at most every 2 s, and for a large site (whose
/// listing takes a while) at most 1/20 of the time.
const CHECK_INTERVAL: Duration = Duration::from_secs(2);
/// How many times the time a listing of the build takes passes between
/// two comparisons.
const CHECK_SPACING: u32 = 20;

/// The outcome of one build of the loop.
pub struct Build {
    /// The report, or why the build could not run at all.
    pub result: Result<Report, Error>,
    /// How long it took.
    pub duration: Duration,
}

/// How `watch` learns of changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// From the file system's events (inotify).
    Events,
    /// By scanning the files every half second (network and container file
    /// systems, which send no events).
    Polling,
}

/// Builds once, then again after every change, until `stop` is set; calls
/// `after_build` after each build; `notice` says how it learns of
/// changes.
pub fn run(
    options: &Options,
    notice: Notice,
    stop: &AtomicBool,
    after_build: &mut dyn FnMut(&Build),
) -> io::Result<()> {
    let (sender, changes) = mpsc::channel::<DebounceEventResult>();
    let to_io = |e: notify::Error| {
        io::Error::other(format!("cannot watch {}: {e}", options.root.display()))
    };
    // Which files count; read again when the `.gitignore` changes.
    let mut inputs = Inputs::read(&options.root).0;
    // The watcher stops when dropped, so it is kept until the loop ends.
    let mut watching = Watching::start(&options.root, notice, sender).map_err(to_io)?;
    let none = BTreeSet::new();
    (watching.follow(&options.root, &inputs, &options.output, &none)).map_err(to_io)?;
    let mut session = Session::new(options.clone());
    // `HEAD`'s commit, read before the build that reads it: a commit made
    // meanwhile is a move seen at the next look.
    let mut head = head_commit(&options.root);
    let mut head_looked_at = Instant::now();
    let first = timed(|| session.build());
    let looks_after_output = options.publish == crate::write::Publish::Link;
    let mut published = Published::default();
    // Whether a rebuild from scratch may put a damaged output right: not
    // before anything was published, nor again after one that published
    // nothing, until the input changes.
    let mut published_any = first.result.as_ref().is_ok_and(|r| r.published);
    let mut may_repair = published_any;
    let mut last_check = Instant::now();
    // Whether the last publish was refused for what stands in its way (a
    // file of the user's in the published build): tried again once that
    // is gone, without a change.
    let refused = std::cell::Cell::new(false);
    // When the build folders were last looked at for such a file, or for
    // its going.
    let mut last_look = Instant::now();
    // The files of each new build are known as soon as it is out (listed,
    // or the last build's with what this one changed), so that one removed
    // at once is noticed too.
    let mut look_after = |build: &Build, published: &mut Published, session: &Session| {
        refused.set(matches!(build.result, Err(Error::Refused(_))));
        published_any |= build.result.as_ref().is_ok_and(|r| r.published);
        if looks_after_output {
            let _ = published.check(&options.output, false, session.last_publish());
        }
        published_any
    };
    // Known before the status file says it is out, so that a file removed
    // as soon as the status says so is noticed.
    look_after(&first, &mut published, &session);
    // The next moment a page is published or expires: the site is built
    // again then, without a change of its files.
    let mut next_change = next_change_of(&first);
    after_build(&first);
    while !stop.load(Ordering::SeqCst) {
        let committed = head_looked_at.elapsed() >= CHECK_INTERVAL && {
            head_looked_at = Instant::now();
            let now = head_commit(&options.root);
            std::mem::replace(&mut head, now) != head
        };
        if committed || next_change.is_some_and(|moment| options.clock.now() >= moment) {
            let build = timed(|| session.build());
            may_repair = look_after(&build, &mut published, &session);
            next_change = next_change_of(&build);
            after_build(&build);
            continue;
        }
        match changes.recv_timeout(Duration::from_millis(100)) {
            Ok(Ok(events)) => {
                // The batches that follow within `QUIET` join this one.
                let mut batch = Changes::default();
                batch.add(&options.root, &mut inputs, &events);
                let started = Instant::now();
                while started.elapsed() < MAX_WAIT {
                    match changes.recv_timeout(QUIET) {
                        Ok(Ok(events)) => batch.add(&options.root, &mut inputs, &events),
                        Ok(Err(errors)) => report_watch_errors(&options.root, &errors),
                        Err(_) => break,
                    }
                }
                // A folder new at the top is watched from now on; what was
                // written into it before is not known: all is built.
                if !batch.at_top.is_empty() {
                    match watching.follow(&options.root, &inputs, &options.output, &batch.at_top) {
                        Ok(added) => batch.unknown |= added,
                        Err(error) => {
                            batch.unknown = true;
                            report_watch_errors(&options.root, &[error]);
                        }
                    }
                }
                // Only files that are not the site's input (the output, an
                // editor's files) are as quiet as no event: else a stream of
                // them would hold back the idle work below.
                let build = if batch.unknown {
                    Some(timed(|| session.build()))
                } else if !batch.paths.is_empty() {
                    Some(timed(|| session.build_changed(&batch.paths)))
                } else {
                    None
                };
                if let Some(build) = build {
                    may_repair = look_after(&build, &mut published, &session);
                    next_change = next_change_of(&build);
                    after_build(&build);
                    continue;
                }
            }
            Ok(Err(errors)) => report_watch_errors(&options.root, &errors),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        // Quiet: the next build's folder is prepared, and the search index
        // catches up in the background.
        match session.when_idle() {
            Some(Ok(pages)) => {
                crate::tell!(
                    "{}",
                    msg!("search-index-published", pages = pages.to_string())
                );
                if looks_after_output {
                    let _ = published.check(&options.output, false, session.last_publish());
                }
            }
            // Refused for what stands in its way: told, and put in the
            // status file, as a build's refusal is.
            Some(Err(error @ Error::Refused(_))) => {
                refused.set(true);
                after_build(&Build {
                    result: Err(error),
                    duration: Duration::ZERO,
                });
            }
            Some(Err(error)) => {
                let message = msg!("search-index-not-updated", error = error.to_string());
                crate::tell!("aqparat: {message}");
            }
            None => {}
        }
        if (refused.get() || looks_after_output) && last_look.elapsed() >= CHECK_INTERVAL {
            last_look = Instant::now();
            if refused.get() {
                let clear =
                    crate::write::check_output(&options.root, &options.output, options.publish);
                if clear.is_ok() {
                    let build = timed(|| session.build());
                    may_repair = look_after(&build, &mut published, &session);
                    next_change = next_change_of(&build);
                    after_build(&build);
                    continue;
                }
            } else if let Err(refusal) = Output::check_builds(&options.output) {
                // A file put into a build folder meanwhile is told now, not
                // at the next edit, whose publish it would stop.
                refused.set(true);
                after_build(&Build {
                    result: Err(Error::Refused(refusal)),
                    duration: Duration::ZERO,
                });
            }
        }
        if !(looks_after_output && may_repair) {
            continue;
        }
        let compare = last_check.elapsed() >= published.check_interval();
        if compare {
            last_check = Instant::now();
        }
        if let Some(damage) = published.check(&options.output, compare, session.last_publish()) {
            crate::tell!("aqparat: {}", msg!("rebuild-damaged", damage = damage));
            // Nothing of the last build is trusted: a new session renders
            // every page into an empty folder.
            session = Session::new(options.clone());
            let build = timed(|| session.build());
            may_repair = build.result.as_ref().is_ok_and(|r| r.published);
            published = Published::default();
            look_after(&build, &mut published, &session);
            next_change = next_change_of(&build);
            after_build(&build);
        }
    }
    Ok(())
}

/// The file watcher, and the folders it looks at: the site's folder itself
/// for its own files (`site.yaml`, the `.gitignore`) and new folders, and
/// each folder at its top that holds the site's files, whole. Hidden
/// folders (`.git`, aqparat's cache), what the `.gitignore` leaves out and
/// the output are never looked at: the poller would read each of their
/// files every half second, and inotify would watch each of their folders
/// and hear of every file a build writes.
struct Watching {
    watcher: Watcher,
    /// The folders at the top of the site watched whole.
    folders: BTreeSet<PathBuf>,
}

/// The file system's events, debounced, or a [`Poller`].
enum Watcher {
    Events(Debouncer<RecommendedWatcher, RecommendedCache>),
    Polling(Poller),
}

impl Watching {
    /// Watches the site's folder at `root` as `notice` says, sending the
    /// changes to `sender`; its folders are watched by [`Watching::follow`].
    fn start(
        root: &Path,
        notice: Notice,
        sender: mpsc::Sender<DebounceEventResult>,
    ) -> notify::Result<Watching> {
        let watcher = match notice {
            Notice::Events => {
                let mut debouncer = new_debouncer(DEBOUNCE, None, sender)?;
                debouncer.watch(root, RecursiveMode::NonRecursive)?;
                Watcher::Events(debouncer)
            }
            Notice::Polling => Watcher::Polling(Poller::start(root, POLL_INTERVAL, sender)),
        };
        Ok(Watching {
            watcher,
            folders: BTreeSet::new(),
        })
    }

    /// Watches the folders now at the top of the site (see
    /// [`watched_folders`]) and no others; those `touched` (named at the
    /// top by the last events: made, removed, moved) anew, since one may
    /// have been replaced under its name in one go (`rm -rf content && cp
    /// -r … content`, a `mv` of a folder over it), which the watch of the
    /// old one does not see. Whether one is watched anew. An error (no more
    /// inotify watches) is the first folder's that could not be watched;
    /// the others are watched still.
    fn follow(
        &mut self,
        root: &Path,
        inputs: &Inputs,
        output: &Path,
        touched: &BTreeSet<OsString>,
    ) -> notify::Result<bool> {
        let now = watched_folders(root, inputs, output);
        let is_touched = |folder: &PathBuf| folder.file_name().is_some_and(|n| touched.contains(n));
        for gone in (self.folders.iter()).filter(|f| !now.contains(*f) || is_touched(f)) {
            // A folder removed is no longer watched by inotify already.
            let _ = self.watcher.unwatch(gone);
        }
        let mut added = false;
        let mut failed = None;
        for new in (now.iter()).filter(|f| !self.folders.contains(*f) || is_touched(f)) {
            match self.watcher.watch_whole(new) {
                Ok(()) => added = true,
                // A folder removed at once is not there to watch.
                Err(_) if !new.is_dir() => {}
                Err(error) => failed = failed.or(Some(error)),
            }
        }
        self.folders = now;
        match failed {
            Some(error) => Err(error),
            None => Ok(added),
        }
    }
}

impl Watcher {
    fn watch_whole(&mut self, folder: &Path) -> notify::Result<()> {
        match self {
            Watcher::Events(debouncer) => debouncer.watch(folder, RecursiveMode::Recursive),
            Watcher::Polling(poller) => {
                poller.watch(folder);
                Ok(())
            }
        }
    }

    fn unwatch(&mut self, folder: &Path) -> notify::Result<()> {
        match self {
            Watcher::Events(debouncer) => debouncer.unwatch(folder),
            Watcher::Polling(poller) => {
                poller.unwatch(folder);
                Ok(())
            }
        }
    }
}

/// The folders at the top of the site at `root` that hold its files (not
/// hidden, nor left out by the `.gitignore`, see [`Inputs::is_site_file`]),
/// but the one that holds the `output` (or is it) and `watch`'s builds
/// beside it.
fn watched_folders(root: &Path, inputs: &Inputs, output: &Path) -> BTreeSet<PathBuf> {
    let outputs = [top_name(root, output), top_name(root, &builds_dir(output))];
    let is_output = |name: &OsStr| outputs.iter().flatten().any(|output| output == name);
    let Ok(entries) = std::fs::read_dir(root) else {
        return BTreeSet::new();
    };
    entries
        .flatten()
        .filter(|entry| entry.path().is_dir())
        .filter(|entry| !is_output(&entry.file_name()))
        .filter(|entry| inputs.is_site_file(Path::new(&entry.file_name()), Entry::Folder))
        .map(|entry| entry.path())
        .collect()
}

/// The name at the top of the site at `root` of the folder that holds
/// `path`, if it lies in the site, however the two are written (`.` and
/// `public`, `./public`, one absolute): their folders' links resolved, not
/// `path`'s own (the output of `watch` is a link into its builds).
fn top_name(root: &Path, path: &Path) -> Option<OsString> {
    let root = resolve(root).ok()?;
    let full = resolve(&parent_of(path)).ok()?.join(path.file_name()?);
    let first = full.strip_prefix(&root).ok()?.components().next()?;
    Some(first.as_os_str().to_os_string())
}

/// What the output link pointed at when last looked at, and the files of
/// that build, to notice what is removed from the published site by hand.
#[derive(Default)]
struct Published {
    build: Option<PathBuf>,
    /// Which of the session's publishes that build is.
    publish: u64,
    files: Arc<HashSet<PathBuf>>,
    /// A comparison in progress on a thread of its own: the build it lists,
    /// and what it found missing.
    comparing: Option<(PathBuf, JoinHandle<Option<Message>>)>,
    /// How long the last listing of a build took.
    listing: Duration,
}

impl Published {
    /// The time between two comparisons (see [`CHECK_INTERVAL`]).
    fn check_interval(&self) -> Duration {
        CHECK_INTERVAL.max(self.listing * CHECK_SPACING)
    }

    /// What is missing from the published site at `output`, if anything.
    /// The link and the build it points at are looked at each time. A build
    /// not seen before gets its list of files (what it should keep) at
    /// once: from the list of the build before it and the files it changed,
    /// when it is the session's next publish and started as a copy of that
    /// build (`last_publish`, see [`Session::last_publish`]); else by
    /// listing it. With `compare`, a build seen before is listed again and
    /// compared on a thread of its own, for a large site's listing takes a
    /// while and must not hold up the next build; what it finds is reported
    /// by a later call.
    fn check(
        &mut self,
        output: &Path,
        compare: bool,
        last_publish: (u64, Option<&[String]>),
    ) -> Option<Message> {
        match std::fs::symlink_metadata(output) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Some(msg!(
                    "damage-output-removed",
                    output = output.display().to_string()
                ));
            }
            // Not ours to judge (a folder put in its place is reported
            // when the next build tries to publish).
            Ok(metadata) if !metadata.file_type().is_symlink() => return None,
            Err(_) | Ok(_) => {}
        }
        let Ok(build) = std::fs::canonicalize(output) else {
            return Some(msg!(
                "damage-build-removed",
                output = output.display().to_string()
            ));
        };
        if self.build.as_ref() != Some(&build) {
            // A comparison of an earlier build no longer matters.
            self.comparing = None;
            let (publish, changed) = last_publish;
            let follows = self.build.is_some() && publish == self.publish + 1;
            self.publish = publish;
            match changed.filter(|_| follows) {
                // Listing 60,000 files took 0.4 s after every edit of a
                // site of 20,000 pages; an edit changes a few.
                Some(changed) => apply_changes(Arc::make_mut(&mut self.files), &build, changed),
                None => {
                    let started = Instant::now();
                    let listed = list_files(&build);
                    self.listing = started.elapsed();
                    match listed {
                        Ok(files) => self.files = Arc::new(files),
                        Err(error) => return Some(unreadable(&build, &error)),
                    }
                }
            }
            self.build = Some(build);
            return None;
        }
        match self.comparing.take() {
            Some((listed, job)) if job.is_finished() => {
                let found = job.join().unwrap_or(None);
                return found.filter(|_| listed == build);
            }
            Some(running) => self.comparing = Some(running),
            None if compare => {
                let (files, listed, output) =
                    (self.files.clone(), build.clone(), output.to_owned());
                let job = std::thread::spawn(move || missing(&files, &listed, &output));
                self.comparing = Some((build, job));
            }
            None => {}
        }
        None
    }
}

/// What of `files` is missing from the build `build` (published at
/// `output`), said for the log.
fn missing(files: &HashSet<PathBuf>, build: &Path, output: &Path) -> Option<Message> {
    let now = match list_files(build) {
        Ok(now) => now,
        Err(error) => return Some(unreadable(build, &error)),
    };
    // A name the listing spells otherwise (a file system that folds case
    // or normalises Unicode) is there all the same.
    let gone =
        |f: &&PathBuf| !now.contains(*f) && std::fs::symlink_metadata(build.join(f)).is_err();
    let count = files.iter().filter(gone).count();
    let example = files.iter().find(gone)?;
    Some(msg!(
        "damage-files-removed",
        count = Arg::count(count),
        output = output.display().to_string(),
        example = example.display().to_string()
    ))
}

fn unreadable(build: &Path, error: &io::Error) -> Message {
    msg!(
        "damage-unreadable",
        build = build.display().to_string(),
        error = error.to_string()
    )
}

/// Brings `files`, the files of a build, to those of `build`, which
/// started as a copy of it and then wrote or removed `changed` (paths
/// relative to it).
fn apply_changes(files: &mut HashSet<PathBuf>, build: &Path, changed: &[String]) {
    for rel in changed {
        let is_file = std::fs::symlink_metadata(build.join(rel)).is_ok_and(|m| !m.is_dir());
        match is_file {
            true => files.insert(PathBuf::from(rel)),
            false => files.remove(Path::new(rel)),
        };
    }
}

/// The files under `dir`, relative to it.
fn list_files(dir: &Path) -> io::Result<HashSet<PathBuf>> {
    let mut files = HashSet::default();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.map_err(io::Error::other)?;
        if !entry.file_type().is_dir()
            && let Ok(rel) = entry.path().strip_prefix(dir)
        {
            files.insert(rel.to_path_buf());
        }
    }
    Ok(files)
}

/// Tells the watcher's `errors`, but those about files under a hidden
/// folder of the site at `root` (see [`is_told`]).
fn report_watch_errors(root: &Path, errors: &[notify::Error]) {
    let told = |error: &&notify::Error| is_told(root, error);
    for error in errors.iter().filter(told) {
        crate::tell!(
            "aqparat: {}",
            msg!("file-watcher-error", error = error.to_string())
        );
    }
}

/// Whether the watcher's `error` is worth telling: not when it is about
/// files under a hidden folder of the site at `root`, never input (an
/// editor's swap files in `content/` come and go, an error for each the
/// poller finds gone).
fn is_told(root: &Path, error: &notify::Error) -> bool {
    let hidden = |path: &PathBuf| {
        path.strip_prefix(root).is_ok_and(|rel| {
            (rel.components()).any(|part| part.as_os_str().to_string_lossy().starts_with('.'))
        })
    };
    error.paths.is_empty() || !error.paths.iter().all(hidden)
}

/// The moment after which the site that `build` made is out of date (see
/// [`Report::next_change`]); none after a build that could not run.
fn next_change_of(build: &Build) -> Option<Moment> {
    build.result.as_ref().ok()?.next_change
}

fn timed(build: impl FnOnce() -> Result<Report, Error>) -> Build {
    let started = Instant::now();
    let result = build();
    Build {
        result,
        duration: started.elapsed(),
    }
}

/// The site's input files that a batch of events changed.
#[derive(Default)]
struct Changes {
    /// The changed input files, relative to the root.
    paths: Vec<PathBuf>,
    /// Whether the watcher could not say which files changed (it lost
    /// events and asks for a rescan).
    unknown: bool,
    /// The names at the top of the site that changed (a folder made,
    /// removed or replaced, the `.gitignore`): the folders watched may
    /// change.
    at_top: BTreeSet<OsString>,
}

impl Changes {
    /// Adds the changes of `events` to input files (by `inputs`, which is
    /// read again first when the `.gitignore` changed).
    fn add(&mut self, root: &Path, inputs: &mut Inputs, events: &[DebouncedEvent]) {
        // Only then: reading it is an event too, and reading it for each
        // batch would make a batch of each reading, forever.
        let changes = || events.iter().filter(|e| is_change(&e.kind));
        if changes()
            .flat_map(|e| &e.paths)
            .any(|path| relative(root, path).is_some_and(|rel| rel == Path::new(GITIGNORE)))
        {
            *inputs = Inputs::read(root).0;
        }
        // Files of the site outside its input folders: changed for the
        // inputs that link to them, looked for once for the whole batch.
        let mut outside = Vec::new();
        for event in changes() {
            self.unknown |= event.need_rescan() || event.paths.is_empty();
            for path in &event.paths {
                let Some(rel) = relative(root, path) else {
                    continue;
                };
                if rel.components().count() == 1 {
                    self.at_top.insert(rel.clone().into_os_string());
                }
                let entry = Entry::of(path);
                if inputs.is_input(&rel, entry) {
                    self.push(rel);
                } else if inputs.is_site_file(&rel, entry) {
                    outside.push(rel);
                }
            }
        }
        if !outside.is_empty() {
            for rel in linked_to(root, inputs, &outside) {
                self.push(rel);
            }
        }
    }

    /// Adds the input file `rel`, unless it is there.
    fn push(&mut self, rel: PathBuf) {
        if !self.paths.contains(&rel) {
            self.paths.push(rel);
        }
    }
}

/// The input files that lead through a symbolic link to one of `changed`,
/// files of the site outside its input folders (`static/LICENSE.txt` →
/// `../LICENSE`), or into one (a linked folder), as paths through the
/// links: a change of such a file is theirs. Looked for only when such
/// files change, which is rare, so that an edit of a page costs no walk.
fn linked_to(root: &Path, inputs: &Inputs, changed: &[PathBuf]) -> Vec<PathBuf> {
    let Ok(canonical_root) = root.canonicalize() else {
        return Vec::new();
    };
    // The links of the input folders, and `site.yaml` or the `.gitignore`
    // when they are links (`site.yaml` → `config/site.yaml`).
    let in_folders = INPUT_DIRS.into_iter().flat_map(|dir| {
        (walkdir::WalkDir::new(root.join(dir)).into_iter())
            .filter_entry(|entry| {
                relative(root, entry.path()).is_some_and(|rel| {
                    rel.as_os_str().is_empty()
                        || inputs.admits(&rel, Entry::of_type(entry.file_type()))
                })
            })
            .flatten()
            .filter(|entry| entry.path_is_symlink())
            .map(walkdir::DirEntry::into_path)
    });
    let at_top = [CONFIG_FILE, GITIGNORE]
        .map(|name| root.join(name))
        .into_iter()
        .filter(|path| path.is_symlink());
    let mut found = Vec::new();
    for link in in_folders.chain(at_top) {
        let target = link.canonicalize();
        let target = (target.as_deref().ok()).and_then(|t| t.strip_prefix(&canonical_root).ok());
        let (Some(target), Some(link)) = (target, relative(root, &link)) else {
            continue;
        };
        for rest in changed
            .iter()
            .filter_map(|rel| rel.strip_prefix(target).ok())
        {
            found.push(match rest.as_os_str().is_empty() {
                true => link.clone(),
                false => link.join(rest),
            });
        }
    }
    found
}

/// The path of `path` relative to `root`, as the watcher reports changes
/// (absolute, or under `root` as given).
fn relative(root: &Path, path: &Path) -> Option<PathBuf> {
    let absolute_root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    path.strip_prefix(&absolute_root)
        .or_else(|_| path.strip_prefix(root))
        .ok()
        .map(Path::to_path_buf)
}

/// Whether an event changes a file: reading a file (as the build itself
/// does) or touching its access time is not a change.
fn is_change(kind: &EventKind) -> bool {
    !matches!(
        kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))
    )
}

#[cfg(test)]
mod tests {
    use super::{Entry, Inputs, Published, is_told, relative, watched_folders};
    use std::fs;
    use std::path::{Path, PathBuf};

    #[test]
    fn the_watchers_errors_about_hidden_folders_are_not_told() {
        let root = Path::new("./site");
        let error =
            |path: &str| notify::Error::io(std::io::Error::other("gone")).add_path(path.into());
        assert!(!is_told(root, &error("./site/.aqparat/cache/cards/1.tmp7")));
        assert!(!is_told(root, &error("./site/content/.#a.kk.md")));
        assert!(is_told(root, &error("./site/content/a.kk.md")));
        // Outside the site, or about nothing in particular: told.
        assert!(is_told(root, &error("/elsewhere/.x/a")));
        assert!(is_told(root, &notify::Error::generic("no more watches")));
    }

    /// The site's folders are watched, whole; hidden ones, what the
    /// `.gitignore` leaves out and the output with its builds are not.
    #[test]
    fn only_the_sites_own_folders_are_watched() {
        let dir = tempfile::tempdir().expect("temp");
        let root = dir.path();
        for folder in [
            "content/rules",
            "data",
            "shared",
            ".git/objects",
            ".aqparat/cache",
            "published/kk",
            "published.builds/a",
            "out/site",
            "ignored",
        ] {
            fs::create_dir_all(root.join(folder)).expect("mkdir");
        }
        fs::write(root.join(".gitignore"), "/ignored/\n").expect("write");
        fs::write(root.join("site.yaml"), "").expect("write");
        let inputs = Inputs::read(root).0;
        let watched = |output: &Path| -> Vec<String> {
            (watched_folders(root, &inputs, output).iter())
                .map(|path| {
                    path.strip_prefix(root)
                        .expect("in root")
                        .display()
                        .to_string()
                })
                .collect()
        };
        for output in ["published", "./published", "content/../published"] {
            assert_eq!(
                watched(&root.join(output)),
                ["content", "data", "out", "shared"],
                "{output}"
            );
        }
        // An output deeper in the site: the folder that holds it is not
        // watched.
        assert_eq!(
            watched(&root.join("out/site")),
            ["content", "data", "published", "published.builds", "shared"]
        );
        // An output elsewhere leaves a folder of that name a site's folder.
        assert_eq!(
            watched(Path::new("/srv/www/published")),
            [
                "content",
                "data",
                "out",
                "published",
                "published.builds",
                "shared"
            ]
        );
    }

    #[test]
    fn only_the_sites_input_counts() {
        let root = Path::new("/site");
        let yes = [
            "/site/site.yaml",
            "/site/content/a.kk.md",
            "/site/themes/default/templates/base.html",
            "/site/data/aid/records.yaml",
            "/site/content/ережелер/қорғау.kk.md",
            "/site/.gitignore",
        ];
        let no = [
            "/site/public/index.html",
            "/site/public.builds/x/index.html",
            "/site/content/.a.kk.md.swp",
            "/site/content/a.kk.md~",
            "/site/content/4913",
            "/site/content/a.kk.md___jb_tmp___",
            "/site/content/a.kk.md.kate-swp",
            "/site/content/a.kk.md.part",
            "/site/data/.#records.yaml",
            "/site/.git/index",
            "/site/content/.hidden/a.kk.md",
            "/elsewhere/content/a.kk.md",
        ];
        // The rule itself is tested with `Inputs`; here, that paths as the
        // watcher reports them reach it.
        let inputs = Inputs::read(root).0;
        let input = |path: &str| {
            relative(root, Path::new(path)).is_some_and(|rel| inputs.is_input(&rel, Entry::File))
        };
        for path in yes {
            assert!(input(path), "{path}");
        }
        for path in no {
            assert!(!input(path), "{path}");
        }
    }

    /// The files `published` holds for the build it saw last, sorted.
    fn listed(published: &Published) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = published.files.iter().cloned().collect();
        files.sort();
        files
    }

    #[cfg(unix)]
    #[test]
    fn a_publish_that_follows_the_last_changes_its_list_and_others_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let make = |build: &str, files: &[&str]| {
            for file in files {
                let path = dir.path().join(build).join(file);
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(path, "x").unwrap();
            }
            let _ = fs::remove_file(&output);
            std::os::unix::fs::symlink(dir.path().join(build), &output).unwrap();
        };
        let paths = |files: &[&str]| files.iter().map(PathBuf::from).collect::<Vec<_>>();
        let mut published = Published::default();
        make("a", &["index.html", "kk/index.html"]);
        assert!(published.check(&output, false, (1, None)).is_none());
        assert_eq!(listed(&published), paths(&["index.html", "kk/index.html"]));
        // The next publish, a copy of the last that wrote one file and
        // removed one: its list is the last one's with those changes, the
        // build itself is not listed (`stray` is not in it).
        make("b", &["index.html", "ru/index.html", "stray"]);
        let changed = ["kk/index.html".to_string(), "ru/index.html".to_string()];
        assert!(
            published
                .check(&output, false, (2, Some(&changed)))
                .is_none()
        );
        assert_eq!(listed(&published), paths(&["index.html", "ru/index.html"]));
        // A publish that does not follow the one seen (one was missed), or
        // that did not start as a copy: listed.
        make("c", &["index.html", "other"]);
        assert!(
            published
                .check(&output, false, (4, Some(&changed)))
                .is_none()
        );
        assert_eq!(listed(&published), paths(&["index.html", "other"]));
        make("d", &["index.html"]);
        assert!(published.check(&output, false, (5, None)).is_none());
        assert_eq!(listed(&published), paths(&["index.html"]));
    }
}
