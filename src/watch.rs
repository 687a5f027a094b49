//! Rebuild on change: the one pipeline, run again whenever the site's input
//! changes. `serve` and `watch` are this loop with something done after each
//! build (reload the browsers; publish and write a status file).
//!
//! Input is `site.yaml`, `content/`, `data/`, `themes/` and `static/`;
//! hidden files, editors' temporary and backup files and the output are
//! ignored. Editors' atomic saves, renames, deletions, new folders and bursts
//! of changes (a `git checkout`) arrive as one debounced batch: one rebuild.

use std::io;
use std::path::{Component, Path};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{MetadataKind, ModifyKind};
use notify::{EventKind, PollWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, FileIdMap, new_debouncer, new_debouncer_opt};

use crate::{Options, Report, Session};

/// How long to wait for a burst of changes to end before rebuilding.
const DEBOUNCE: Duration = Duration::from_millis(50);
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
    after_build(&build(&mut session));
    while !stop.load(Ordering::SeqCst) {
        match changes.recv_timeout(Duration::from_millis(100)) {
            Ok(Ok(events)) => {
                let relevant = events
                    .iter()
                    .filter(|e| is_change(&e.kind))
                    .flat_map(|e| &e.paths)
                    .any(|path| is_input(&options.root, path));
                if relevant {
                    after_build(&build(&mut session));
                }
            }
            Ok(Err(errors)) => {
                for error in errors {
                    eprintln!("aqparat: file watcher: {error}");
                }
            }
            // Quiet: the search index catches up, in the background.
            Err(RecvTimeoutError::Timeout) => match session.update_search() {
                Some(Ok(pages)) => eprintln!("search index of {pages} pages published"),
                Some(Err(error)) => eprintln!("aqparat: search index not updated: {error}"),
                None => {}
            },
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    Ok(())
}

fn build(session: &mut Session) -> Build {
    let started = Instant::now();
    let result = session.build();
    Build {
        result,
        duration: started.elapsed(),
    }
}

/// Whether an event changes a file: reading a file (as the build itself
/// does) or touching its access time is not a change.
fn is_change(kind: &EventKind) -> bool {
    !matches!(
        kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))
    )
}

/// Whether a changed `path` is part of the site's input.
pub fn is_input(root: &Path, path: &Path) -> bool {
    let absolute_root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let Ok(rel) = path
        .strip_prefix(&absolute_root)
        .or_else(|_| path.strip_prefix(root))
    else {
        return false;
    };
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
        || name == "4913";
    is_input_root
        && !is_temporary
        && !rel
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::is_input;
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
            "/site/.git/index",
            "/site/content/.hidden/a.kk.md",
            "/elsewhere/content/a.kk.md",
        ];
        for path in yes {
            assert!(is_input(root, Path::new(path)), "{path}");
        }
        for path in no {
            assert!(!is_input(root, Path::new(path)), "{path}");
        }
    }
}
