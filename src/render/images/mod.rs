//! Images: a page's Markdown images as responsive images (`markup`), and
//! their resized variants, encoded once and kept in a cache (`process`).

mod markup;
mod process;

pub use markup::{ImageUse, PageSource, refused, rewrite};
pub use process::{OUTPUT_DIR, counts, write};
