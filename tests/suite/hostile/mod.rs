//! Hostile input: each file a class of problem that once lost data, escaped
//! its place or passed silently.

/// `--output`: never delete or replace what aqparat did not make.
mod output;

/// Ids and texts of `data/aid/`: validated, escaped, bounded.
mod data;

/// Files of the site: unreadable, symlinked out, badly named, control characters.
mod files;

/// `serve`: 404 pages, slow clients.
#[cfg(feature = "serve")]
mod serve;

/// `watch`: one watcher per output, an honest status file, self-repair.
mod watch;

/// `base_url` and other flags.
mod flags;

/// Generated input: no panic, `check` agrees with `build`, nothing escapes.
mod properties;

/// Input small on disk but large to process: image bombs, pages of many
/// headings.
mod size;
