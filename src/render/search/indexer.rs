//! The search index (the `search` feature): Pagefind's format, written by
//! aqparat (`writer.rs`), with Pagefind's browser library (`library.rs`);
//! and the hidden `search-index` command that makes it in a process of
//! its own, again and again for a session, keeping every page tokenised.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use bytes::Bytes;

use super::pack::{self, Names};
use super::page_cache;
use super::writer::{Kept, Language, LanguageIndex};
use super::{DIR, Index, KeptPage, Key, Record, RequestPage, library};
use crate::lock;
use crate::write::{Cache, Output};

/// Records read before they are tokenised together, by the
/// `search-index` process.
const BATCH: usize = 256;

/// The indexes of a site's languages, each keeping its pages tokenised
/// from one index to the next (see [`Language`]).
#[derive(Default)]
pub struct Catalogue {
    languages: BTreeMap<String, Language>,
    /// Threads of its own (not rayon's global ones: a background index
    /// must not hold the workers that the next build renders with).
    pool: Option<rayon::ThreadPool>,
    /// Where pages tokenised are kept from session to session, if
    /// anywhere.
    cache: Option<Cache>,
}

impl Catalogue {
    /// A catalogue with no page yet, whose pages tokenised are kept in
    /// `cache` if given (see [`super::page_cache`]).
    pub fn new(cache: Option<Cache>) -> Catalogue {
        Catalogue {
            cache,
            ..Catalogue::default()
        }
    }

    /// Tokenises `records` and keeps them for [`Catalogue::index`]; those
    /// it keeps already are not tokenised again.
    pub fn tokenise(&mut self, records: &[Record]) -> io::Result<()> {
        let by_lang = by_lang(records);
        for lang in by_lang.keys() {
            if !self.languages.contains_key(*lang) {
                let language = Language::new(lang, self.cache.clone());
                self.languages.insert(lang.to_string(), language);
            }
        }
        let languages = &mut self.languages;
        in_pool(&mut self.pool, || {
            use rayon::prelude::*;
            languages.par_iter_mut().for_each(|(lang, language)| {
                if let Some(records) = by_lang.get(lang.as_str()) {
                    language.tokenise(records);
                }
            });
        })
    }

    /// The index of `pages`, each the key and language of a record given
    /// to [`Catalogue::tokenise`], now or before: one Pagefind index per
    /// language. The pages not in `pages` are forgotten.
    pub fn index(&mut self, pages: &[(Key, &str)]) -> io::Result<Index> {
        let mut by_lang: BTreeMap<&str, Vec<Key>> = BTreeMap::new();
        for &(key, lang) in pages {
            by_lang.entry(lang).or_default().push(key);
        }
        self.languages
            .retain(|lang, _| by_lang.contains_key(lang.as_str()));
        if let Some(lang) = by_lang.keys().find(|l| !self.languages.contains_key(**l)) {
            return Err(io::Error::other(format!(
                "the search indexer has no page of language {lang}"
            )));
        }
        let languages = &mut self.languages;
        let indexes: Vec<io::Result<Option<LanguageIndex>>> = in_pool(&mut self.pool, || {
            use rayon::prelude::*;
            languages
                .par_iter_mut()
                .map(|(lang, language)| {
                    let keys = by_lang.get(lang.as_str()).map_or(&[][..], Vec::as_slice);
                    language.index(keys)
                })
                .collect()
        })?;
        let mut languages = Vec::new();
        for index in indexes {
            languages.extend(index?);
        }
        Ok(files(languages, pages.len()))
    }
}

/// A one-off index made from records as they come, from any thread: each
/// is tokenised on the thread that gives it (a build's, as it renders),
/// and only its words and packed fragment are kept until
/// [`Stream::finish`] makes the word index; with an output, only its
/// words, the fragment being written there at once. The records
/// themselves are not kept.
#[derive(Default)]
pub struct Stream<'a> {
    languages: Mutex<BTreeMap<String, Streamed>>,
    /// Where fragments are written as they come, if anywhere.
    output: Option<&'a Output>,
    /// The first fragment that could not be written.
    failed: Mutex<Option<io::Error>>,
    /// Where pages tokenised and packed chunks are kept from build to
    /// build, if anywhere.
    cache: Option<Cache>,
}

/// A language of a [`Stream`] and its pages, each with its place in the
/// index's order, and the names its fragments were written under.
struct Streamed {
    language: Arc<Language>,
    pages: Vec<(Place, Kept)>,
    names: Names,
}

/// Where a record is in an index's order: the number of what gave it (a
/// build's unit) and its place among the records given with it.
type Place = (usize, usize);

impl<'a> Stream<'a> {
    /// A stream that writes each page's fragment to `output`'s index
    /// folder as the page comes, under a name of its own; its index says
    /// where each belongs ([`Index::placed`]). Pages tokenised and
    /// packed chunks are taken from `cache`, and kept there, when given
    /// (see [`super::page_cache`], [`super::pack::gzip_kept`]);
    /// [`Stream::finish`] then removes the files there that this index
    /// did not use.
    pub fn writing_to(output: &'a Output, cache: Option<Cache>) -> Stream<'a> {
        Stream {
            output: Some(output),
            ..Stream::keeping_in(cache)
        }
    }

    /// A stream that writes nothing, whose pages tokenised and packed
    /// chunks are taken from `cache`, and kept there, when given;
    /// [`Stream::finish`] then removes those there that this index did
    /// not use.
    fn keeping_in(cache: Option<Cache>) -> Stream<'a> {
        Stream {
            cache: cache.map(Cache::noting_use),
            ..Stream::default()
        }
    }

    /// Tokenises `records`, the records of `unit` (the index's order is
    /// that of the units, and of the records of each); says where the
    /// site's cache keeps each tokenised, when it keeps them all.
    pub fn add(&self, unit: usize, records: &[Record]) -> Option<Box<[KeptPage]>> {
        let mut kept = Vec::with_capacity(records.len());
        for (n, record) in records.iter().enumerate() {
            let (page, where_kept) = self.language(&record.lang).tokenise_one(record);
            kept.push(where_kept);
            self.push(&record.lang, (unit, n), page);
        }
        kept.into_iter().collect()
    }

    /// Takes the pages that `pages` says the site's cache keeps tokenised,
    /// the records of `unit` in an earlier build, as [`Stream::add`] took
    /// them; `false`, taking none, when one is not kept whole.
    pub fn add_kept(&self, unit: usize, pages: &[KeptPage]) -> bool {
        let taken: Option<Vec<Kept>> = (pages.iter())
            .map(|page| self.language(&page.lang).take_one(page))
            .collect();
        let Some(taken) = taken else {
            return false;
        };
        for (n, (page, kept)) in pages.iter().zip(taken).enumerate() {
            self.push(&page.lang, (unit, n), kept);
        }
        true
    }

    /// The language `lang` of this index, made if need be.
    fn language(&self, lang: &str) -> Arc<Language> {
        lock(&self.languages)
            .entry(lang.to_string())
            .or_insert_with(|| Streamed {
                language: Arc::new(Language::new(lang, self.cache.clone())),
                pages: Vec::new(),
                names: Names::default(),
            })
            .language
            .clone()
    }

    /// Keeps `page`, tokenised, at `place` in language `lang`'s index,
    /// its fragment written to the output if there is one.
    fn push(&self, lang: &str, place: Place, mut page: Kept) {
        if let Some(output) = self.output {
            let named = |hash: &str| {
                lock(&self.languages)
                    .get_mut(lang)
                    .map_or_else(String::new, |s| s.names.name(lang, hash))
            };
            // As `search::write` writes index files: one the output
            // holds already is kept as it is, for deploys that
            // compare times.
            let write = |rel: &str, bytes: &[u8]| {
                output.write_content_named(&format!("{DIR}/{rel}"), bytes)
            };
            if let Err(error) = page.place(named, write) {
                lock(&self.failed).get_or_insert(error);
            }
        }
        if let Some(streamed) = lock(&self.languages).get_mut(lang) {
            streamed.pages.push((place, page));
        }
    }

    /// The index of every record added: one Pagefind index per language;
    /// the first error writing a fragment, if there was one. The files of
    /// the cache that this index did not use are removed: those of pages
    /// since changed or gone, and of chunks since renumbered.
    pub fn finish(self) -> io::Result<Index> {
        use rayon::prelude::*;
        if let Some(error) = lock(&self.failed).take() {
            return Err(error);
        }
        let languages = self
            .languages
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let count = languages.values().map(|s| s.pages.len()).sum();
        let indexes: Vec<LanguageIndex> = languages
            .into_par_iter()
            .filter_map(|(_, mut streamed)| {
                streamed.pages.sort_unstable_by_key(|(place, _)| *place);
                let pages = streamed.pages.into_iter().map(|(_, page)| page);
                streamed.language.index_pages(pages.collect())
            })
            .collect();
        if let Some(cache) = &self.cache {
            cache.prune(|name| pack::is_kept_name(name) || page_cache::is_kept_name(name));
        }
        Ok(files(indexes, count))
    }
}

/// The index of `records`, made at once on threads of its own (see
/// [`Stream`]), pages tokenised and packed chunks kept in `cache` if
/// given (and those there it does not use removed).
pub fn index_once(records: &[Record], cache: Option<Cache>) -> io::Result<Index> {
    in_pool(&mut None, || {
        use rayon::prelude::*;
        let stream = Stream::keeping_in(cache);
        records.par_iter().enumerate().for_each(|(i, record)| {
            stream.add(i, std::slice::from_ref(record));
        });
        stream.finish()
    })?
}

/// `records` by language, each language's in their order.
fn by_lang(records: &[Record]) -> BTreeMap<&str, Vec<&Record>> {
    let mut by_lang: BTreeMap<&str, Vec<&Record>> = BTreeMap::new();
    for record in records {
        by_lang.entry(&record.lang).or_default().push(record);
    }
    by_lang
}

/// Runs `work` in `pool`, made first if need be.
fn in_pool<T: Send>(
    pool: &mut Option<rayon::ThreadPool>,
    work: impl FnOnce() -> T + Send,
) -> io::Result<T> {
    let pool = match pool {
        Some(pool) => pool,
        None => {
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            let made = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .thread_name(|i| format!("search-index-{i}"))
                .build()
                .map_err(io::Error::other)?;
            pool.insert(made)
        }
    };
    Ok(pool.install(work))
}

/// The files of the index of `languages`, with Pagefind's library.
fn files(languages: Vec<LanguageIndex>, pages: usize) -> Index {
    let mut files: Vec<(String, Bytes)> = library::FILES
        .iter()
        .map(|(name, contents)| (format!("{DIR}/{name}"), Bytes::from_static(contents)))
        .collect();
    files.push((
        format!("{DIR}/pagefind-entry.json"),
        library::entry(&languages).into(),
    ));
    let mut placed = Vec::new();
    for index in languages {
        if let Some(wasm) = library::wasm(&index.lang) {
            files.push((format!("{DIR}/wasm.{}.pagefind", index.lang), wasm.into()));
        }
        files.extend(
            index
                .files
                .into_iter()
                .map(|(name, contents)| (format!("{DIR}/{name}"), contents)),
        );
        placed.extend(
            index
                .placed
                .into_iter()
                .map(|(at, name)| (format!("{DIR}/{at}"), format!("{DIR}/{name}"))),
        );
    }
    Index {
        files,
        placed,
        pages,
    }
}

/// The `search-index` command: reads requests from `input` until it ends
/// and answers each with its index, written to `output` as
/// `search::read_index` reads it. A request is a series of JSON values
/// (see `search::Indexer`): each page of the index, in order, as its
/// record or the key of one sent before, then the end. Records are
/// tokenised a batch at a time as they come, so that their text is not
/// all held at once. Pages tokenised are kept in the cache of the site
/// in `site`, when given. Runs at the lowest CPU priority and ends with the
/// process that started it.
pub fn index_from_stream(
    input: impl Read,
    output: impl Write,
    site: Option<&Path>,
) -> io::Result<()> {
    let _ = rustix::process::setpriority_process(None, 19);
    // An index for a `watch` that has stopped is of no use.
    #[cfg(target_os = "linux")]
    let _ = rustix::process::set_parent_process_death_signal(Some(rustix::process::Signal::TERM));
    let mut catalogue = Catalogue::new(site.map(super::packed_files_cache));
    let mut output = io::BufWriter::new(output);
    let mut pages: Vec<(Key, String)> = Vec::new();
    let mut batch: Vec<Record> = Vec::with_capacity(BATCH);
    let values = serde_json::Deserializer::from_reader(io::BufReader::new(input));
    for value in values.into_iter::<RequestPage<'static>>() {
        match value.map_err(io::Error::other)? {
            RequestPage::Known(key, lang) => pages.push((key, lang.into_owned())),
            RequestPage::New(record) => {
                let record = record.into_owned();
                pages.push((record.key, record.lang.clone()));
                batch.push(record);
                if batch.len() == BATCH {
                    catalogue.tokenise(&batch)?;
                    batch.clear();
                }
            }
            RequestPage::End => {
                catalogue.tokenise(&batch)?;
                batch.clear();
                let keys: Vec<(Key, &str)> = pages
                    .iter()
                    .map(|(key, lang)| (*key, lang.as_str()))
                    .collect();
                let index = catalogue.index(&keys)?;
                drop(keys);
                pages.clear();
                super::write_index(&index, &mut output)?;
                output.flush()?;
            }
        }
    }
    Ok(())
}
