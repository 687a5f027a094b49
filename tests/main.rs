//! Integration tests: each runs the real `aqparat` binary on a site copied
//! into a temporary folder and checks what it wrote and printed.

/// Running the binary on fixture sites, reading its output.
#[path = "suite/util.rs"]
mod util;

/// The example site shipped in the repository builds completely.
#[path = "suite/example_site.rs"]
mod example_site;

/// URLs, translations, links, listings and feeds of a small site.
#[path = "suite/build.rs"]
mod build;

/// Plural forms, numbers and dates per language.
#[path = "suite/locale.rs"]
mod locale;

/// Bad input: every problem reported with file, line and column; nothing
/// written.
#[path = "suite/invalid.rs"]
mod invalid;

/// Aid statistics: figures, charts, infographic pages, downloads.
#[path = "suite/stats.rs"]
mod stats;

/// The search index, the index of all pages, QR codes for printing.
#[path = "suite/residents.rs"]
mod residents;

/// `aqparat serve`: HTTP, live reload, errors over the last good page.
#[path = "suite/serve.rs"]
mod serve;

/// `aqparat watch`: atomic publishing, status file, broken input, git push.
#[path = "suite/watch.rs"]
mod watch;

/// Random sequences of edits in a session: after each, what a full build
/// makes.
#[path = "suite/edits.rs"]
mod edits;

/// The residents' side in Chromium behind nginx (skipped without them).
#[path = "suite/browser.rs"]
mod browser;

/// Hostile input, one file per class of the hardening issue: the output
/// folder, ids and texts of the statistics, file names and links, `serve`,
/// `watch`, and property tests that generate what no one thought of.
#[path = "suite/hostile/mod.rs"]
mod hostile;
