//! The render cache: what a one-off `build` rendered, kept for the next
//! one. A build that publishes keeps its records (what each unit read, the
//! fingerprint of the answers, its files, its HTML's ids and links; see
//! [`Records`]) in `.aqparat/cache/render/records`, and a copy of its files
//! (hard links, no byte copied) in `.aqparat/cache/render/build/`. The next
//! `build` of the site starts its staging folder as a copy of that one and
//! renders only the units whose inputs answer otherwise, as each build of
//! `watch` does from the last: the same files, byte for byte, as a build
//! without the cache.
//!
//! The cache only saves time, and is taken only when it is sure to:
//! - records are read only when this very program (its size, time and
//!   inode) wrote them, with the same options, for the same site and the
//!   same answer to what every unit reads, and they read back whole (a
//!   checksum, and every page they name one of theirs);
//! - a unit whose files are not as it left them (inode, mode, size and
//!   time: a file changed in place through the published output, which
//!   shares it), or that reported problems, is rendered again;
//! - one build at a time holds the cache; another builds without it;
//! - it is neither read nor written through a link (`.aqparat`, its
//!   `cache` or `render` folder): that may be another site's cache, or a
//!   folder of the user's, in which it would replace and remove files;
//! - it is not taken when the output is on another file system than the
//!   site (no hard link between them);
//! - for a site with a search index, a unit whose pages the search cache
//!   does not keep tokenised, whole, is rendered again (the records keep
//!   where each is, not its text).

use std::fs;
use std::hash::{BuildHasher, Hash, Hasher};
use std::io::{self, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::inputs::Names;
use super::site::{Records, UnitRecord, is_own_content_named};
use super::units::Unit;
use crate::address::UrlPath;
use crate::write::{Cache, Output};

/// The render cache's folder in the site's cache.
const KIND: &str = "render";

/// The file of the records, in that folder.
const RECORDS: &str = "records";

/// The folder of the copy of the last build's files, in that folder.
const COPY: &str = "build";

/// The records' format: a new number when what they hold changes.
const FORMAT: u32 = 5;

/// The render cache of a site, held by this process.
pub struct RenderCache {
    cache: Cache,
    key: Key,
    /// The lock that keeps other builds out while this one lives.
    _held: fs::File,
}

/// What records depend on besides the site's files.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
struct Key {
    format: u32,
    /// This program's size, modification time and inode: another aqparat
    /// may render otherwise.
    program: (u64, i64, i64, u64),
    /// The options that shape the pages (see [`RenderCache::open`]).
    options: String,
}

/// The records as written, between their [`Key`] and their checksum (see
/// [`sums_up`]).
#[derive(Serialize)]
struct Saved<'a> {
    page_urls: &'a [UrlPath],
    names: &'a [String],
    pages: &'a [Option<Arc<UnitRecord>>],
    others: Vec<(&'a Unit, &'a Arc<UnitRecord>)>,
    /// Each record's [`stamp`], pages first; `None` for one to render again.
    stamps: Vec<Option<u64>>,
}

/// The records as read back: [`Saved`]'s fields, owned.
#[derive(Deserialize)]
struct Loaded {
    page_urls: Vec<UrlPath>,
    names: Vec<String>,
    pages: Vec<Option<Arc<UnitRecord>>>,
    others: Vec<(Unit, Arc<UnitRecord>)>,
    stamps: Vec<Option<u64>>,
}

impl RenderCache {
    /// The render cache of the site in `root`, for a build that publishes
    /// to `output` with `options` (the options that shape the pages, as
    /// text), held until it is dropped. `None` when another build holds
    /// it, when it cannot be made, when its folder is reached through a
    /// link, when `output`'s folder is on another file system, or when
    /// this program cannot tell what it is.
    pub fn open(root: &Path, output: &Path, options: String) -> Option<RenderCache> {
        let program = std::env::current_exe().and_then(fs::metadata).ok()?;
        let cache = Cache::new(root, KIND);
        // It replaces and removes files: never in a folder that may not be
        // this site's cache.
        if cache.is_reached_through_link() {
            return None;
        }
        let held = cache.hold()?;
        let device = |path: &Path| fs::metadata(path).map(|m| m.dev()).ok();
        let output_device = device(&crate::write::parent_of(output));
        if device(cache.folder()).is_none() || device(cache.folder()) != output_device {
            return None;
        }
        let key = Key {
            format: FORMAT,
            program: (
                program.len(),
                program.mtime(),
                program.mtime_nsec(),
                program.ino(),
            ),
            options,
        };
        Some(RenderCache {
            cache,
            key,
            _held: held,
        })
    }

    /// The copy of the last build's files, which the records describe.
    pub fn copy(&self) -> PathBuf {
        self.cache.folder().join(COPY)
    }

    /// The records of the last build, if this program wrote them with the
    /// same options, they read back whole (their checksum, and every page
    /// they name one of theirs) and the copy is whole (see
    /// [`Output::is_whole_copy`]). A unit whose files changed since, or
    /// that reported problems, is marked stale: it is rendered again (and
    /// its old files go if it no longer makes them).
    pub fn records(&self) -> Option<Records> {
        let copy = self.copy();
        if !Output::is_whole_copy(&copy) {
            return None;
        }
        let bytes = self.cache.read(RECORDS, u64::MAX)?;
        let (key, rest) = postcard::take_from_bytes::<Key>(&bytes).ok()?;
        let (rest, sum) = rest.split_last_chunk::<4>()?;
        if key != self.key || !sums_up(rest, *sum) {
            return None;
        }
        let mut loaded: Loaded = postcard::from_bytes(rest).ok()?;
        let pages = loaded.page_urls.len();
        if loaded.pages.len() != pages {
            return None;
        }
        let records = (loaded.pages.iter_mut().flatten())
            .chain(loaded.others.iter_mut().map(|(_, record)| record));
        let records: Vec<&mut Arc<UnitRecord>> = records.collect();
        let known = |record: &UnitRecord| {
            let mut inputs = record.inputs.iter().filter_map(|input| input.page());
            inputs.all(|page| page.index() < pages)
        };
        if records.len() != loaded.stamps.len() || !records.iter().all(|record| known(record)) {
            return None;
        }
        records
            .into_par_iter()
            .zip(&loaded.stamps)
            .for_each(|(record, kept)| {
                let record = Arc::make_mut(record);
                match kept.filter(|kept| stamp(&copy, &record.files) == Some(*kept)) {
                    Some(kept) => record.stamp = Some(kept),
                    None => record.stale = true,
                }
            });
        Some(Records::loaded(
            loaded.pages,
            loaded.others,
            loaded.page_urls,
            Names::from_list(loaded.names),
        ))
    }

    /// Keeps `records` and a copy of `output`'s files, the build they
    /// describe; a unit carried over keeps the stamp its files had when its
    /// record was read (a file written meanwhile, through the published
    /// output, is not taken for its own). The records go first, and come
    /// back last: cut short, the cache holds no records, and the next
    /// build renders everything. A cache that cannot be kept is left so.
    pub fn keep(&self, records: &Records, output: &Output) {
        let Some(built) = output.folder() else {
            return;
        };
        // Started from the copy and wrote nothing: the records kept hold.
        if output.is_seeded() && output.wrote_nothing() {
            return;
        }
        self.cache.remove(RECORDS);
        // The copy's files are the build's own (hard links, whose stamps
        // are the same): the stamps are taken while the copy is made.
        let (copied, stamps) =
            rayon::join(|| output.copy_to(&self.copy()), || stamps(records, built));
        if copied.is_ok() {
            let saved = Saved {
                page_urls: records.page_urls(),
                names: records.names().list(),
                pages: records.pages(),
                others: records.others().collect(),
                stamps,
            };
            self.cache
                .keep_written(RECORDS, |file| self.write(&saved, file));
        }
    }

    /// Writes `saved` to `file` after their key, and then their checksum
    /// (a CRC-32 of them), as they go: at 200,000 pages the records are
    /// hundreds of megabytes, not to be held twice.
    fn write(&self, saved: &Saved, file: &mut dyn Write) -> io::Result<()> {
        postcard::to_io(&self.key, &mut *file).map_err(io::Error::other)?;
        let mut summed = Summed {
            file,
            crc: crc32fast::Hasher::new(),
        };
        postcard::to_io(saved, &mut summed).map_err(io::Error::other)?;
        let sum = summed.crc.finalize();
        summed.file.write_all(&sum.to_le_bytes())
    }
}

/// A file that sums up what is written to it (a CRC-32).
struct Summed<'a> {
    file: &'a mut dyn Write,
    crc: crc32fast::Hasher,
}

impl Write for Summed<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = self.file.write(bytes)?;
        self.crc.update(&bytes[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// The [`stamp`] of each unit's files among `records`, in the order of
/// [`Saved`] (pages first), in the folder `built`; `None` for a unit that
/// reported problems, to render again.
fn stamps(records: &Records, built: &Path) -> Vec<Option<u64>> {
    let others = records.others().map(|(_, record)| record);
    let all: Vec<&Arc<UnitRecord>> = records.pages().iter().flatten().chain(others).collect();
    all.par_iter()
        .map(|record| match record.diagnostics.is_empty() {
            true => record.stamp.or_else(|| stamp(built, &record.files)),
            false => None,
        })
        .collect()
}

/// Whether `sum` is the checksum of the records `payload`, between their
/// key and it.
fn sums_up(payload: &[u8], sum: [u8; 4]) -> bool {
    crc32fast::hash(payload) == u32::from_le_bytes(sum)
}

/// What the file system says of `files` in the folder `build` (the copy,
/// or the build it is a copy of): a hash of each one's inode, mode
/// (permissions), size and modification time; `None` when one is not a
/// regular file. (Not its change time: linking it changes that.) Files
/// named by what they hold (cards, images) are left out: the copy shares
/// them with the caches they come from, which keep them as they are.
fn stamp(build: &Path, files: &[String]) -> Option<u64> {
    let mut hasher = foldhash::quality::FixedState::default().build_hasher();
    for file in files.iter().filter(|file| !is_own_content_named(file)) {
        let found = fs::symlink_metadata(build.join(file)).ok()?;
        if !found.is_file() {
            return None;
        }
        (found.ino(), found.mode(), found.len()).hash(&mut hasher);
        (found.mtime(), found.mtime_nsec()).hash(&mut hasher);
    }
    Some(hasher.finish())
}
