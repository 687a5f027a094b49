//! Rebuild on change: the one pipeline, run again whenever the site's input
//! changes. `serve` and `watch` are this loop with something done after each
//! build (reload the browsers; publish and write a status file).
//!
//! Input is `site.yaml`, `content/`, `data/`, `themes/` and `static/`;
//! hidden files, editors' temporary and backup files and the output are
//! ignored. Editors' atomic saves, renames, deletions, new folders and bursts
//! of changes (a `git checkout`) arrive as debounced batches; batches that
//! follow each other closely make one build.

use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{MetadataKind, ModifyKind};
use notify::{EventKind, PollWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, DebouncedEvent, FileIdMap, new_debouncer, new_debouncer_opt,
};

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

/// The outcome of one build of the loop.
pub struct Build {
    /// The report, or why the build could not run at all.
    pub result: io::Result<Report>,
    /// How long it took.
    pub duration: Duration,
}

/// Builds once, then again after every change, until `stop` is set; calls
/// `after_build` after each build. With `poll`, files are scanned every
/// half second instead of waiting for the file system's events.
pub fn run(
    options: &Options,
    poll: bool,
    stop: &AtomicBool,
    after_build: &mut dyn FnMut(&Build),
) -> io::Result<()> {
    let (sender, changes) = mpsc::channel::<DebounceEventResult>();
    let to_io = |e: notify::Error| {
        io::Error::other(format!("cannot watch {}: {e}", options.root.display()))
    };
    // The watcher stops when dropped, so it is kept until the loop ends.
    let _watcher: Box<dyn std::any::Any> = if poll {
        // notify's poller compares modification times in whole seconds, so
        // it also compares contents to see edits made within one second.
        let config = notify::Config::default()
            .with_poll_interval(POLL_INTERVAL)
            .with_compare_contents(true);
        let mut debouncer = new_debouncer_opt::<_, PollWatcher, _>(
            DEBOUNCE,
            None,
            sender,
            FileIdMap::new(),
            config,
        )
        .map_err(to_io)?;
        debouncer
            .watch(&options.root, RecursiveMode::Recursive)
            .map_err(to_io)?;
        Box::new(debouncer)
    } else {
        let mut debouncer = new_debouncer(DEBOUNCE, None, sender).map_err(to_io)?;
        debouncer
            .watch(&options.root, RecursiveMode::Recursive)
            .map_err(to_io)?;
        Box::new(debouncer)
    };
    let mut session = Session::new(options.clone());
    after_build(&timed(|| session.build()));
    while !stop.load(Ordering::SeqCst) {
        match changes.recv_timeout(Duration::from_millis(100)) {
            Ok(Ok(events)) => {
                // The batches that follow within `QUIET` join this one.
                let mut batch = Changes::default();
                batch.add(&options.root, &events);
                let started = Instant::now();
                while started.elapsed() < MAX_WAIT {
                    match changes.recv_timeout(QUIET) {
                        Ok(Ok(events)) => batch.add(&options.root, &events),
                        Ok(Err(errors)) => report_watch_errors(&errors),
                        Err(_) => break,
                    }
                }
                if batch.unknown {
                    after_build(&timed(|| session.build()));
                } else if !batch.paths.is_empty() {
                    after_build(&timed(|| session.build_changed(&batch.paths)));
                }
            }
            Ok(Err(errors)) => report_watch_errors(&errors),
            // Quiet: the next build's folder is prepared, and the search
            // index catches up in the background.
            Err(RecvTimeoutError::Timeout) => match session.when_idle() {
                Some(Ok(pages)) => eprintln!("search index of {pages} pages published"),
                Some(Err(error)) => eprintln!("aqparat: search index not updated: {error}"),
                None => {}
            },
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    Ok(())
}

fn report_watch_errors(errors: &[notify::Error]) {
    for error in errors {
        eprintln!("aqparat: file watcher: {error}");
    }
}

fn timed(build: impl FnOnce() -> io::Result<Report>) -> Build {
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
}

impl Changes {
    fn add(&mut self, root: &Path, events: &[DebouncedEvent]) {
        for event in events.iter().filter(|e| is_change(&e.kind)) {
            self.unknown |= event.need_rescan() || event.paths.is_empty();
            for path in &event.paths {
                let Some(rel) = relative(root, path).filter(|rel| is_input(rel)) else {
                    continue;
                };
                if !self.paths.contains(&rel) {
                    self.paths.push(rel);
                }
            }
        }
    }
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

/// Whether a changed path `rel` (relative to the root) is part of the
/// site's input.
fn is_input(rel: &Path) -> bool {
    let mut components = rel.components();
    let first = match components.next() {
        Some(Component::Normal(name)) => name.to_string_lossy(),
        _ => return false,
    };
    let is_input_root =
        matches!(first.as_ref(), "content" | "data" | "themes" | "static") || first == "site.yaml";
    let name = rel.file_name().unwrap_or_default().to_string_lossy();
    let is_temporary = name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".kate-swp")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name == "4913";
    is_input_root
        && !is_temporary
        && !rel
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::{is_input, relative};
    use std::path::Path;

    #[test]
    fn only_the_sites_input_counts() {
        let root = Path::new("/site");
        let yes = [
            "/site/site.yaml",
            "/site/content/a.kk.md",
            "/site/themes/default/templates/base.html",
            "/site/data/aid/records.yaml",
        ];
        let no = [
            "/site/public/index.html",
            "/site/public.builds/x/index.html",
            "/site/content/.a.kk.md.swp",
            "/site/content/a.kk.md~",
            "/site/content/4913",
            "/site/content/a.kk.md___jb_tmp___",
            "/site/content/a.kk.md.kate-swp",
            "/site/.git/index",
            "/site/content/.hidden/a.kk.md",
            "/elsewhere/content/a.kk.md",
        ];
        let input = |path: &str| relative(root, Path::new(path)).is_some_and(|rel| is_input(&rel));
        for path in yes {
            assert!(input(path), "{path}");
        }
        for path in no {
            assert!(!input(path), "{path}");
        }
    }
}
