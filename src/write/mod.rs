//! Stage 5, **write**: files go into a staging directory beside the output;
//! when the build succeeds the staging directory replaces the output in one
//! step, and when it fails it is deleted. A failed build publishes nothing
//! and leaves the previous output as it was. Only folders aqparat made
//! (stamped with [`STAMP`]) or empty ones are ever replaced or deleted.

mod cache;
mod guard;
mod output;
mod unit;

pub use cache::Cache;
pub use guard::{Refused, STAMP, check_output, resolve};
pub use output::{Output, Publish, builds_dir, parent_of, sibling};
pub use unit::{Content, UnitOutput};
