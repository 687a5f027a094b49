//! Stage 4, **render**: every output unit of the site (pages, feeds,
//! sitemap, statistics…) in parallel, each recording what it read, so that
//! a later build of a session renders only those whose inputs changed. Each
//! rendered file goes straight to the `write` stage's
//! [`crate::write::Output`].
//!
//! Input: a [`crate::model::Site`] (and the last build's [`Records`]).
//! Output: [`Rendered`], the problems found on the way (broken links and
//! anchors, template errors) and the new records.

pub(crate) mod context;
pub mod external_links;
pub mod functions;
mod images;
mod inputs;
mod kept;
mod links;
mod markdown;
pub(crate) mod page_index;
mod previews;
mod qr;
mod reads;
mod redirects;
pub(crate) mod search;
mod site;
mod stats;
mod units;
mod versions;
pub(crate) mod xml;

pub use images::OUTPUT_DIR as IMAGES_DIR;
pub use images::counts as image_counts;
pub use inputs::site_answer;
pub use kept::RenderCache;
pub use markdown::slugify;
pub use previews::CARDS_DIR;
pub use redirects::MAP_FILE as REDIRECTS_MAP;
pub use site::{Changes, PageFacts, Records, Rendered, site};
pub use units::unusable_template;
