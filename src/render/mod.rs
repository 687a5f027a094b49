//! Stage 4, **render**: Markdown to HTML, then Tera templates, in parallel;
//! the sitemap, feeds and 404 pages too. Each rendered file goes straight to
//! the `write` stage's [`crate::write::Output`].
//!
//! Input: a [`crate::model::Site`]. Output: [`Rendered`], the problems found
//! on the way (broken links and anchors, template errors).

pub(crate) mod context;
pub mod functions;
mod markdown;
pub(crate) mod page_index;
mod qr;
pub(crate) mod search;
mod site;
mod stats;
pub(crate) mod xml;

pub use functions::declare as declare_functions;
pub use markdown::slugify;
pub use site::{FactsByUrl, PageFacts, Plan, Rendered, check_anchors, site};
