//! Stage 3, **model**: the typed, linked, immutable site.
//!
//! Input: validated [`crate::load::Sources`]. Output: a [`Site`] whose pages
//! know their URL, section, neighbours and translations. Terms: a *page* is
//! any content file; a *section* is a folder's `_index` page, which lists the
//! pages in that folder; the *home* is the root section.

mod build;
mod edit;
mod history;
mod page;
mod site;
mod stats;

pub use build::site;
pub use edit::{Edit, edit};
pub use history::{Change, History};
pub use page::{Page, PageId, PageKind, Pages};
pub use site::{
    Draft, Lang, LangId, Languages, LeftOut, OpenData, Site, Theme, Waiting, base_path,
};
pub use stats::{
    Category, Figure, Organisation, Qualifier, Record, Source, Stats, Text, Total, Unit, When,
    positions_of,
};
