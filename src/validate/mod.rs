//! Stage 2, **validate**: checks on the loaded input.
//!
//! Input: [`crate::load::Sources`]. Output: diagnostics only; nothing is
//! changed. Checks that need rendered Markdown (links and anchors) happen in
//! `render`, which sees the headings.

mod config;
mod data;
mod i18n;
mod pages;
mod sources;

pub use config::{
    has_usable_languages, is_language_code, is_reserved_code, language_codes, language_of_country,
    reorders,
};
pub use pages::check_front_matter as page;
pub use pages::has_clean_names;
pub use sources::{Statistics, sources};
