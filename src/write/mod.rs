//! Stage 5, **write**: files go into a staging directory beside the output;
//! when the build succeeds the staging directory replaces the output in one
//! step, and when it fails it is deleted. A failed build publishes nothing
//! and leaves the previous output as it was. Only folders aqparat made
//! (stamped with [`STAMP`]) or empty ones are ever replaced or deleted.

use std::fs;
use std::io;
use std::path::Path;

mod cache;
mod guard;
mod output;
mod unit;

pub use cache::Cache;
pub use guard::{Refused, STAMP, check_output, resolve, stamp};
pub use output::{Output, Publish, builds_dir, is_too_long, parent_of, sibling};
pub use unit::{Content, UnitOutput};

/// A new file at `path`, made by this call, to write: whatever is in its
/// place (a file left by a killed run, a link planted there to have it
/// written through) is removed first, never followed.
pub fn create_anew(path: &Path) -> io::Result<fs::File> {
    let create = || fs::File::options().write(true).create_new(true).open(path);
    match create() {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(path)?;
            create()
        }
        created => created,
    }
}
