//! The search index: Pagefind's, one per language, written to `pagefind/`
//! with Pagefind's own browser library, which the theme's script loads on
//! the first search.
//!
//! Pages are given to Pagefind as records (URL, language, title, text)
//! taken from the Markdown, rather than as HTML it would parse again; the
//! statistics pages give theirs in words (see `stats::Infographics`). Each
//! language gets its own index, so results stay in the page's language.
//!
//! Pagefind itself, with its ~90 crates, comes with the `search` feature
//! (`search/indexer.rs`). Without it, `site.search` is always false (see
//! [`crate::load::RawConfig::has_search`]), so nothing here is asked for an
//! index; the records and the writing of an index stay, as the pipeline
//! speaks of them either way.

use std::collections::HashSet;
use std::io::{self, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::{Page, Site};
use crate::write::Output;

#[cfg(feature = "search")]
mod cbor;
#[cfg(feature = "search")]
mod indexer;
#[cfg(feature = "search")]
mod library;
#[cfg(feature = "search")]
mod pack;
#[cfg(feature = "search")]
mod postings;
#[cfg(feature = "search")]
mod words;
#[cfg(feature = "search")]
mod writer;

#[cfg(all(test, feature = "search"))]
mod compare;

#[cfg(feature = "search")]
pub use indexer::{index, index_from_stream};

/// The folder of the index and of Pagefind's library in the output.
pub const DIR: &str = "pagefind";

/// What the index knows of one page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    /// Its URL path, with the site's base path.
    url: String,
    /// Its language code.
    lang: String,
    /// Its title, shown in the results.
    title: String,
    /// Its description.
    description: String,
    /// Its text.
    text: Arc<str>,
}

impl Record {
    /// The record of a page that aqparat makes (statistics): `url` with the
    /// base path, its language, title and text.
    pub fn new(url: String, lang: &str, title: &str, text: String) -> Record {
        Record {
            url,
            lang: lang.to_string(),
            title: title.to_string(),
            description: String::new(),
            text: text.into(),
        }
    }

    /// The record of content page `page`, whose text is `text`.
    pub fn of_page(site: &Site, page: &Page, text: &str) -> Record {
        Record {
            url: site.link(&page.url),
            lang: site.code(page.lang).to_string(),
            title: page.title.clone(),
            description: page.description.clone(),
            text: text.into(),
        }
    }
}

/// The files of a search index, by path relative to the output root.
pub struct Index {
    files: Vec<(String, Vec<u8>)>,
    pages: usize,
}

impl Index {
    /// How many pages it indexes.
    pub fn pages(&self) -> usize {
        self.pages
    }
}

/// Without the `search` feature there is no indexer. Never called then
/// (`site.search` is false), it fails rather than publish an empty index.
#[cfg(not(feature = "search"))]
pub fn index(_records: &[Record]) -> io::Result<Index> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "this aqparat was built without the `search` feature",
    ))
}

/// Indexes `records` as `index` does, in a process of its own: `program`
/// with the argument `search-index` (see `index_from_stream`). Pagefind
/// takes gigabytes for a large site; in another process, its memory
/// traffic does not hold up the builds of this one.
pub fn index_in_process(program: &Path, records: &[Record]) -> io::Result<Index> {
    let mut child = Command::new(program)
        .arg("search-index")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let (Some(stdin), Some(mut stdout)) = (child.stdin.take(), child.stdout.take()) else {
        return Err(io::Error::other("no pipes to the search indexer"));
    };
    let files = std::thread::scope(|scope| {
        let writer = scope.spawn(move || {
            serde_json::to_writer(io::BufWriter::new(stdin), records).map_err(io::Error::other)
        });
        let files = read_files(&mut stdout);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the search records were not sent")));
        files.and_then(|files| written.map(|()| files))
    });
    let status = child.wait()?;
    if !status.success() {
        return Err(io::Error::other(format!(
            "the search indexer failed: {status}"
        )));
    }
    Ok(Index {
        files: files?,
        pages: records.len(),
    })
}

/// Reads the files that `index_from_stream` writes.
fn read_files(input: &mut impl Read) -> io::Result<Vec<(String, Vec<u8>)>> {
    let mut input = io::BufReader::new(input);
    let mut files = Vec::new();
    loop {
        let mut name_len = [0; 4];
        match input.read_exact(&mut name_len) {
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(files),
            result => result?,
        }
        let mut name = vec![0; u32::from_le_bytes(name_len) as usize];
        input.read_exact(&mut name)?;
        let mut len = [0; 8];
        input.read_exact(&mut len)?;
        let len = usize::try_from(u64::from_le_bytes(len)).map_err(io::Error::other)?;
        let mut contents = vec![0; len];
        input.read_exact(&mut contents)?;
        files.push((String::from_utf8(name).map_err(io::Error::other)?, contents));
    }
}

/// Writes `index` under [`DIR`], removing what an earlier build left there
/// and this one does not write.
pub fn write(index: &Index, output: &Output) -> io::Result<()> {
    let mut written = HashSet::with_capacity(index.files.len());
    for (rel, contents) in &index.files {
        // Pagefind names its index files after their content: most are
        // unchanged from one build to the next.
        if rel.contains(".pf_") {
            output.write_content_named(rel, contents)?;
        } else {
            output.write(rel, contents)?;
        }
        written.insert(rel.as_str());
    }
    for stale in output.files_under(DIR)? {
        if !written.contains(stale.as_str()) {
            output.remove(&stale)?;
        }
    }
    Ok(())
}
