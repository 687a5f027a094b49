//! aqparat turns a folder of Markdown pages, YAML data and a Tera theme into
//! a bilingual static site.
//!
//! The work is one pipeline of five stages, each a module:
//! [`load`] → [`validate`] → [`model`] → [`render`] → [`write`].
//! [`build`] runs all five; [`check`] all but `write`.
//!
//! Cargo features, all on by default: `search` (the search index, made by
//! Pagefind), `serve` (the preview server, `aqparat serve`), `history` (the
//! changes page) and `external` (`check --external`, the check of links to
//! other sites). Without them a site builds the same, without a search
//! index or a changes page.
//!
//! ```no_run
//! let mut options = aqparat::Options::new(".");
//! options.output = "public".into();
//! let report = aqparat::build(&options)?;
//! for diagnostic in &report.diagnostics {
//!     eprintln!("{diagnostic}");
//! }
//! # Ok::<(), aqparat::Error>(())
//! ```

pub mod address;
pub mod clock;
pub mod date;
pub mod diag;
mod error;
#[cfg(feature = "external")]
pub mod external;
pub mod init;
pub mod licence;
pub mod load;
pub mod locale;
pub mod messages;
pub mod model;
mod options;
pub mod pipeline;
pub mod render;
#[cfg(feature = "serve")]
pub mod serve;
mod session;
#[cfg(test)]
mod testing;
pub mod validate;
pub mod watch;
pub mod write;

pub use error::Error;
pub use options::{BuildDate, Drafts, ExternalCheck, Options, Publishing};
pub use pipeline::{Report, build, check};
#[cfg(feature = "search")]
pub use render::search::index_from_stream as search_index;
pub use session::Session;

/// `mutex`'s value, even if a thread panicked holding it (what it guards
/// stays whole between statements).
pub(crate) fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Drops `value` on a thread of its own: what a build made of a site is
/// an allocation or more per page, freed one by one, which the build need
/// not wait for (a one-off `build` ends meanwhile, and the system takes its
/// memory back whole). Dropped here if no thread can be started.
pub(crate) fn drop_later<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("aqparat-drop".into())
        .spawn(move || drop(value));
}
