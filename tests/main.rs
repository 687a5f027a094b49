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

/// Old addresses of moved pages: redirect pages, the nginx map, errors.
#[path = "suite/aliases.rs"]
mod aliases;

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

/// Records from a spreadsheet; CSV and JSON data files (issue 14).
#[path = "suite/data_files.rs"]
mod data_files;

/// Dates that keep themselves: from git, expiring pages, pages published
/// on their date, `watch` building at that moment (issue 15).
#[path = "suite/dates.rs"]
mod dates;

/// The changes page: the figures' history from git.
#[path = "suite/history.rs"]
mod history;

/// Open data a portal accepts: the data package (checked by Frictionless),
/// aid.json's schema, the XLSX files, reproducible builds.
#[path = "suite/opendata.rs"]
mod opendata;

/// Images beside pages and in `static/`: responsive, cached, checked.
#[path = "suite/images.rs"]
mod images;

/// The search index, the index of all pages, QR codes for printing.
#[path = "suite/residents.rs"]
mod residents;

/// Which files are input: temporary files and what the `.gitignore` leaves
/// out are neither read nor watched.
#[path = "suite/inputs.rs"]
mod inputs;

/// `aqparat serve`: HTTP, live reload, errors over the last good page.
#[cfg(feature = "serve")]
#[path = "suite/serve.rs"]
mod serve;

/// A site of one's own: `init`, the built-in theme, overrides in layers,
/// `theme eject`.
#[path = "suite/theme.rs"]
mod theme;

/// `aqparat watch`: atomic publishing, status file, broken input, git push.
#[path = "suite/watch.rs"]
mod watch;

/// Publishing by `git push` through `deploy/pre-receive` and
/// `deploy/post-receive`: a push with errors refused, with its messages.
#[path = "suite/deploy.rs"]
mod deploy;

/// Publishing to S3-compatible object storage with `deploy/publish-s3.sh`,
/// against moto's server on 127.0.0.1 (skipped without it and the AWS CLI).
#[path = "suite/s3.rs"]
mod s3;

/// `check --external`: links to other sites asked over HTTP (a server on
/// 127.0.0.1), dead ones warnings at their places, the cache, a limit per
/// host.
#[cfg(feature = "external")]
#[path = "suite/external.rs"]
mod external;

/// Snapshots (insta) of a page's HTML, a chart's SVG and the diagnostics
/// of a broken site.
#[path = "suite/snapshots.rs"]
mod snapshots;

/// Messages in English, Kazakh or Russian, chosen by `--lang`,
/// `AQPARAT_LANG` or the locale (issue 13).
#[path = "suite/messages.rs"]
mod messages;

/// The render cache: a `build` renders only what changed since the last.
#[path = "suite/render_cache.rs"]
mod render_cache;

/// Random sequences of edits in a session: after each, what a full build
/// makes.
#[path = "suite/edits.rs"]
mod edits;

/// The residents' side in Chromium behind nginx (skipped without them).
/// It checks the site as residents get it, search box included, so it runs
/// with the `search` feature (in the full test run) only.
#[cfg(feature = "search")]
#[path = "suite/browser.rs"]
mod browser;

/// What an aqparat built without a cargo feature (`search`, `serve`,
/// `external`) does and says.
#[cfg(not(all(feature = "search", feature = "serve", feature = "external")))]
#[path = "suite/features.rs"]
mod features;

/// Hostile input, one file per class of the hardening issue: the output
/// folder, ids and texts of the statistics, file names and links, `serve`,
/// `watch`, and property tests that generate what no one thought of.
#[path = "suite/hostile/mod.rs"]
mod hostile;

/// A language added to a running site: what it lacks is a warning and is
/// shown in the default language, marked with its `lang`.
#[path = "suite/languages.rs"]
mod languages;

/// Previews (issue 15): Open Graph and Twitter meta, page cards, JSON-LD.
#[path = "suite/previews.rs"]
mod previews;

/// Errors told in the staff's words at their cause: YAML syntax, values of
/// the wrong form, the site's address.
#[path = "suite/staff_words.rs"]
mod staff_words;
