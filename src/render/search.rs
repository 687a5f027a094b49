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

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::Arc;

use bytes::Bytes;
use serde::{Deserialize, Serialize};

use crate::model::{Page, Site};
#[cfg(feature = "search")]
use crate::write::Cache;
use crate::write::Output;

#[cfg(feature = "search")]
mod arena;
#[cfg(feature = "search")]
mod cbor;
#[cfg(feature = "search")]
mod indexer;
#[cfg(feature = "search")]
mod library;
#[cfg(feature = "search")]
mod pack;
#[cfg(feature = "search")]
mod page_cache;
#[cfg(feature = "search")]
mod postings;
#[cfg(feature = "search")]
mod words;
#[cfg(feature = "search")]
mod writer;

#[cfg(all(test, feature = "search"))]
mod compare;

#[cfg(feature = "search")]
pub use indexer::index_from_stream;

/// The folder of the index and of Pagefind's library in the output.
pub const DIR: &str = "pagefind";

/// What tells records apart: a 128-bit hash of all a record holds, so
/// that an index kept between builds tokenises only the records it has
/// not seen.
pub type Key = [u64; 2];

/// What the index knows of one page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    /// Its [`Key`].
    key: Key,
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
        Record::keyed(url, lang, title, String::new(), text.into())
    }

    /// The record of content page `page`, whose text is `text`.
    pub fn of_page(site: &Site, page: &Page, text: &str) -> Record {
        Record::keyed(
            site.link(&page.url),
            site.code(page.lang),
            &page.title,
            page.description.clone(),
            text.into(),
        )
    }

    /// A record of these, with its key.
    fn keyed(url: String, lang: &str, title: &str, description: String, text: Arc<str>) -> Record {
        use std::hash::BuildHasher;
        let hash = |seed| {
            let state = foldhash::quality::FixedState::with_seed(seed);
            state.hash_one((&url, lang, title, &description, &*text))
        };
        Record {
            key: [hash(0x6171_7061_7261_7431), hash(0x7365_6172_6368_0002)],
            url,
            lang: lang.to_string(),
            title: title.to_string(),
            description,
            text,
        }
    }
}

/// Where a page's record is kept tokenised in the site's search cache
/// (see `search/page_cache.rs`): what a build needs to index the page
/// again without its text, when the render cache carries its unit over.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeptPage {
    /// Its language code.
    lang: String,
    /// Its URL path, with the site's base path.
    url: String,
    /// The name of its file in the cache; `None` for a page without a word
    /// to index, which has none.
    name: Option<String>,
    /// The most its file may hold (see `page_cache::limit`).
    limit: u64,
}

/// The files of a search index, by path relative to the output root. The
/// contents are shared: an indexer keeps the files it may give again.
pub struct Index {
    files: Vec<(String, Bytes)>,
    /// Files written already, as a one-off build writes each page's
    /// fragment: where each is and where it belongs.
    placed: Vec<(String, String)>,
    pages: usize,
}

impl Index {
    /// How many pages it indexes.
    pub fn pages(&self) -> usize {
        self.pages
    }
}

/// Makes a session's search indexes, one after another, each from the
/// records of the pages then. With a program (the `aqparat` binary, whose
/// hidden `search-index` command does it), in a process of its own that
/// lives as long as the indexer and keeps every page tokenised, so that
/// an index after an edit tokenises the edited pages only and sends only
/// their records; Pagefind-sized memory then stays out of the process
/// that builds. Without one, in this process, keeping them alike.
pub struct Indexer {
    program: Option<PathBuf>,
    /// The site whose cache keeps pages tokenised and packed files, if any.
    site: Option<PathBuf>,
    worker: Option<Worker>,
    /// The pages kept for the next index when indexing in this process;
    /// none for a one-off index.
    #[cfg(feature = "search")]
    here: Option<indexer::Catalogue>,
}

/// A `search-index` process, and the keys of the records it holds.
struct Worker {
    child: Child,
    input: io::BufWriter<ChildStdin>,
    output: io::BufReader<ChildStdout>,
    holds: HashSet<Key>,
}

/// Where the index's pages tokenised and packed files are kept from build
/// to build, for the site in `root`: `.aqparat/cache/search/`.
#[cfg(feature = "search")]
pub(crate) fn packed_files_cache(root: &Path) -> Cache {
    Cache::new(root, "search")
}

/// A page of what an [`Indexer`] sends its process: each page of the
/// index, in order, as its record or, when the process holds that, its
/// key; then [`RequestPage::End`]. Each is a JSON value of its own.
#[derive(Serialize, Deserialize)]
enum RequestPage<'a> {
    /// The key of a record sent before, and its language.
    Known(Key, Cow<'a, str>),
    /// A record.
    New(Cow<'a, Record>),
    /// The end of the pages: the process makes the index.
    End,
}

impl Indexer {
    /// An indexer for a session, which runs `program search-index`, or
    /// indexes in this process without one; pages tokenised are kept in
    /// the cache of the site in `site`, when given.
    pub fn new(program: Option<PathBuf>, site: Option<&Path>) -> Indexer {
        Indexer {
            program,
            site: site.map(Path::to_path_buf),
            worker: None,
            #[cfg(feature = "search")]
            here: Some(indexer::Catalogue::new(site.map(packed_files_cache))),
        }
    }

    /// An indexer for one index, in this process: it keeps no page for a
    /// next one, and so holds less while it indexes; pages tokenised and
    /// packed chunks are kept in the cache of the site in `site`, and
    /// those there it does not use removed, as by a build.
    pub fn once(site: &Path) -> Indexer {
        Indexer {
            program: None,
            site: Some(site.to_path_buf()),
            worker: None,
            #[cfg(feature = "search")]
            here: None,
        }
    }

    /// The index of `records`. After an error, the next index starts a new
    /// process and sends it every record.
    pub fn index(&mut self, records: &[Record]) -> io::Result<Index> {
        let Some(program) = &self.program else {
            return self.index_here(records);
        };
        let worker = match self.worker.take() {
            Some(worker) => worker,
            None => Worker::start(program, self.site.as_deref())?,
        };
        let (worker, index) = worker.index(records)?;
        self.worker = Some(worker);
        Ok(index)
    }

    #[cfg(feature = "search")]
    fn index_here(&mut self, records: &[Record]) -> io::Result<Index> {
        let Some(catalogue) = &mut self.here else {
            let cache = self.site.as_deref().map(packed_files_cache);
            return indexer::index_once(records, cache);
        };
        catalogue.tokenise(records)?;
        let pages: Vec<(Key, &str)> = records.iter().map(|r| (r.key, r.lang.as_str())).collect();
        catalogue.index(&pages)
    }

    /// Without the `search` feature there is no indexer. Never called then
    /// (`site.search` is false), it fails rather than publish an empty
    /// index.
    #[cfg(not(feature = "search"))]
    fn index_here(&mut self, _records: &[Record]) -> io::Result<Index> {
        Err(unsupported())
    }
}

/// A one-off build's search index, made as its units render: each unit's
/// records are tokenised on the thread that rendered them, and only their
/// words are kept, not their text, until [`Stream::finish`]; each page's
/// fragment is written to the output at once (or, made with `default`,
/// kept with the words).
#[derive(Default)]
pub struct Stream<'a> {
    #[cfg(feature = "search")]
    stream: indexer::Stream<'a>,
    #[cfg(not(feature = "search"))]
    output: std::marker::PhantomData<&'a Output>,
}

impl<'a> Stream<'a> {
    /// A stream that writes each page's fragment into `output` as it
    /// comes, keeping pages tokenised and packed chunks in the cache of
    /// the site in `root`: a later build tokenises and packs only what
    /// changed. Those this index does not use are removed from there when
    /// it is finished.
    #[cfg(feature = "search")]
    pub fn new(output: &'a Output, root: &Path) -> Stream<'a> {
        Stream {
            stream: indexer::Stream::writing_to(output, Some(packed_files_cache(root))),
        }
    }

    /// Without the `search` feature no record is made (`site.search` is
    /// false): nothing is written.
    #[cfg(not(feature = "search"))]
    pub fn new(_output: &'a Output, _root: &Path) -> Stream<'a> {
        Stream::default()
    }

    /// Takes the search records of unit number `unit` (the index keeps
    /// the units' order, and the order of each unit's records); says where
    /// each is kept tokenised, for [`Stream::add_kept`] in a later build.
    #[cfg(feature = "search")]
    pub fn add(&self, unit: usize, records: &[Record]) -> Option<Box<[KeptPage]>> {
        self.stream.add(unit, records)
    }

    /// Takes the pages that `pages` says are kept tokenised, the records
    /// of unit number `unit` in an earlier build, as [`Stream::add`] took
    /// those records; `false`, taking none, when one is not kept whole
    /// (the unit is to be rendered again and its records added).
    #[cfg(feature = "search")]
    pub fn add_kept(&self, unit: usize, pages: &[KeptPage]) -> bool {
        self.stream.add_kept(unit, pages)
    }

    /// The index of every record taken: one Pagefind index per language.
    #[cfg(feature = "search")]
    pub fn finish(self) -> io::Result<Index> {
        self.stream.finish()
    }

    /// Without the `search` feature no record is made (`site.search` is
    /// false).
    #[cfg(not(feature = "search"))]
    pub fn add(&self, _unit: usize, _records: &[Record]) -> Option<Box<[KeptPage]>> {
        None
    }

    /// Without the `search` feature nothing is kept tokenised.
    #[cfg(not(feature = "search"))]
    pub fn add_kept(&self, _unit: usize, _pages: &[KeptPage]) -> bool {
        false
    }

    /// Without the `search` feature there is no indexer: fails rather than
    /// publish an empty index (see [`Indexer::index`]).
    #[cfg(not(feature = "search"))]
    pub fn finish(self) -> io::Result<Index> {
        Err(unsupported())
    }
}

impl Worker {
    /// Starts `program search-index`, keeping pages tokenised in the
    /// cache of the site in `site` if given.
    fn start(program: &Path, site: Option<&Path>) -> io::Result<Worker> {
        let mut command = Command::new(program);
        command.arg("search-index");
        if let Some(site) = site {
            command.arg("--site").arg(site);
        }
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let (Some(input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(io::Error::other("no pipes to the search indexer"));
        };
        Ok(Worker {
            child,
            input: io::BufWriter::new(input),
            output: io::BufReader::new(output),
            holds: HashSet::new(),
        })
    }

    /// Sends `records` (the keys of those the process holds) and reads
    /// the index back; gives the worker back unless it failed.
    fn index(mut self, records: &[Record]) -> io::Result<(Worker, Index)> {
        let pages = records
            .iter()
            .map(|record| match self.holds.contains(&record.key) {
                true => RequestPage::Known(record.key, Cow::Borrowed(&record.lang)),
                false => RequestPage::New(Cow::Borrowed(record)),
            });
        let sent = pages
            .chain([RequestPage::End])
            .try_for_each(|page| serde_json::to_writer(&mut self.input, &page))
            .map_err(io::Error::other)
            .and_then(|()| self.input.flush());
        let index = sent.and_then(|()| read_index(&mut self.output));
        let files = match index {
            Ok(files) => files,
            Err(error) => {
                // The process's own words, if it said any, went to stderr.
                let _ = self.child.kill();
                let status = self.child.wait()?;
                return Err(io::Error::other(format!(
                    "the search indexer failed ({status}): {error}"
                )));
            }
        };
        self.holds = records.iter().map(|record| record.key).collect();
        let index = Index {
            files,
            placed: Vec::new(),
            pages: records.len(),
        };
        Ok((self, index))
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The error of an index asked of an aqparat built without the `search`
/// feature.
#[cfg(not(feature = "search"))]
fn unsupported() -> io::Error {
    io::Error::new(
        io::ErrorKind::Unsupported,
        "this aqparat was built without the `search` feature",
    )
}

/// Writes `index`'s files as [`read_index`] reads them: their number (8
/// bytes, little-endian), then each as its name's length (4 bytes), its
/// name, its length (8 bytes) and its contents.
#[cfg(feature = "search")]
fn write_index(index: &Index, output: &mut impl Write) -> io::Result<()> {
    output.write_all(&(index.files.len() as u64).to_le_bytes())?;
    for (name, contents) in &index.files {
        let name_len = u32::try_from(name.len()).map_err(io::Error::other)?;
        output.write_all(&name_len.to_le_bytes())?;
        output.write_all(name.as_bytes())?;
        output.write_all(&(contents.len() as u64).to_le_bytes())?;
        output.write_all(contents)?;
    }
    Ok(())
}

/// Reads the files of an index that [`write_index`] wrote.
fn read_index(input: &mut impl Read) -> io::Result<Vec<(String, Bytes)>> {
    let mut count = [0; 8];
    input.read_exact(&mut count)?;
    let count = u64::from_le_bytes(count);
    let mut files = Vec::new();
    for _ in 0..count {
        let mut name_len = [0; 4];
        input.read_exact(&mut name_len)?;
        let mut name = vec![0; u32::from_le_bytes(name_len) as usize];
        input.read_exact(&mut name)?;
        let mut len = [0; 8];
        input.read_exact(&mut len)?;
        let len = usize::try_from(u64::from_le_bytes(len)).map_err(io::Error::other)?;
        let mut contents = Vec::new();
        input.by_ref().take(len as u64).read_to_end(&mut contents)?;
        if contents.len() != len {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        let name = String::from_utf8(name).map_err(io::Error::other)?;
        files.push((name, contents.into()));
    }
    Ok(files)
}

/// Removes the search index that a build of `site`, a site without one
/// (`search: false`), carried over from the build it started from (a
/// session's last, or the render cache's), leaving the static files that
/// the site itself puts under [`DIR`].
pub fn remove(site: &Site, output: &Output) -> io::Result<()> {
    let statics: HashSet<String> = (site.static_files.iter())
        .chain(&site.theme.static_files)
        .map(|file| file.output.to_string_lossy().replace('\\', "/"))
        .collect();
    for file in output.files_under(DIR)? {
        if !statics.contains(&file) {
            output.remove(&file)?;
        }
    }
    Ok(())
}

/// Writes `index` under [`DIR`], moving the files it placed to where they
/// belong and removing what an earlier build left there and this one does
/// not write.
pub fn write(index: &Index, output: &Output) -> io::Result<()> {
    use rayon::prelude::*;
    // Placed files whose name another may hold now (two fragments' names
    // met, and the later page was written first) are moved aside first,
    // then to their names: a few among 100,000 pages of a language.
    let moves: Vec<&(String, String)> = index.placed.iter().filter(|(at, to)| at != to).collect();
    for (at, _) in &moves {
        output.rename(at, &format!("{at}.moving"))?;
    }
    for (at, to) in &moves {
        output.rename(&format!("{at}.moving"), to)?;
    }
    // Each file on its own: a one-off build waits for these, a fragment
    // a page, to be written. Pagefind names its index files after their
    // content: most are unchanged from one build to the next, and its
    // library and entry too; one unchanged is not written again (a build
    // that writes nothing need not keep its render cache again).
    index
        .files
        .par_iter()
        .try_for_each(|(rel, contents)| output.write_content_named(rel, contents))?;
    let written: HashSet<&str> = (index.files.iter().map(|(rel, _)| rel))
        .chain(index.placed.iter().map(|(_, rel)| rel))
        .map(String::as_str)
        .collect();
    for stale in output.files_under(DIR)? {
        if !written.contains(stale.as_str()) {
            output.remove(&stale)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::Publish;

    /// The files under `root`'s index folder, by path under it.
    fn index_files(root: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = walkdir::WalkDir::new(root.join(DIR))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(root.join(DIR)).unwrap();
                let text = std::fs::read_to_string(e.path()).unwrap();
                (rel.to_string_lossy().replace('\\', "/"), text)
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn placed_files_move_to_their_names_even_when_two_swap() {
        let temp = tempfile::tempdir().unwrap();
        let destination = temp.path().join("public");
        let output = Output::staging(&destination, Publish::Replace, None).unwrap();
        let fragment = |name: &str| format!("{DIR}/fragment/{name}.pf_fragment");
        for (name, text) in [("kk_1", "one"), ("kk_2", "two"), ("kk_3", "three")] {
            output.write(&fragment(name), text.as_bytes()).unwrap();
        }
        // A file of a page left out of the index.
        output.write(&fragment("kk_4"), b"replaced").unwrap();
        let index = Index {
            files: vec![(format!("{DIR}/other.txt"), Bytes::from_static(b"other"))],
            placed: vec![
                (fragment("kk_1"), fragment("kk_2")),
                (fragment("kk_2"), fragment("kk_1")),
                (fragment("kk_3"), fragment("kk_3")),
            ],
            pages: 3,
        };
        write(&index, &output).unwrap();
        output.publish().unwrap();
        let expected = [
            ("fragment/kk_1.pf_fragment", "two"),
            ("fragment/kk_2.pf_fragment", "one"),
            ("fragment/kk_3.pf_fragment", "three"),
            ("other.txt", "other"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(rel, text)| (rel.to_string(), text.to_string()))
            .collect();
        assert_eq!(index_files(&destination), expected);
    }
}
