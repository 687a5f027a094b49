//! One language's Pagefind index, written directly from aqparat's records:
//! the metadata file (`pagefind.{hash}.pf_meta`: the pages and the word
//! range of each index chunk), the word index in chunks by word range
//! (`index/*.pf_index`) and a fragment per page (`fragment/*.pf_fragment`:
//! its URL, title and text, for the result and its excerpt). A search
//! fetches the metadata, the chunks of its words and the fragments of the
//! results it shows.
//!
//! What goes in is what Pagefind 1.6.0 makes of the same records given to
//! its `add_custom_record` (title, description and text joined by ". ",
//! the title as metadata): the same words at the same positions, page
//! numbers, word counts, fragments and names; the tests compare the two.
//! Two differences: words of the form `___PAGEFIND_WEIGHT___…` in a text
//! are words here, not instructions; and files are compressed faster.
//!
//! A [`Language`] keeps each page tokenised (its words as numbers, a few
//! bytes each, and its packed fragment) by the record's key, from one
//! index to the next: `watch` indexes again only the pages whose records
//! changed, and makes the word index of every page from what it kept. A
//! one-off index keeps no key: each page is tokenised as it comes
//! ([`Language::tokenise_one`], on the thread that rendered it), and only
//! its words and packed fragment wait for the word index
//! ([`Language::index_pages`]). Pages are tokenised on all cores; each
//! thread remembers the words of the tokens it has seen, so that a token
//! seen before costs a lookup. With the site's cache, a page tokenised by
//! an earlier build or session is taken from there, not tokenised again
//! (see [`page_cache`]).

use std::cell::RefCell;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use bytes::Bytes;
use compact_str::CompactString;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use pagefind_stem::Stemmer;
use rayon::prelude::*;

use super::cbor;
use super::pack::{self, Names, Packing};
use super::page_cache::{self, Entry, PageCache};
use super::postings::{self, PageWords, PageWordsBuilder, WordIndex, Words};
use super::words;
use super::{KeptPage, Key, Record};
use crate::write::Cache;

/// Pagefind's version, which its library checks in the metadata.
pub const VERSION: &str = "1.6.0";

/// Pagefind's default size of index chunks (its own measure).
const CHUNK_SIZE: usize = 20_000;

/// Tokens whose words a thread remembers, per language, before starting
/// afresh.
const CACHE_TOKENS: usize = 100_000;

/// The files of one language's index.
#[derive(Clone)]
pub struct LanguageIndex {
    /// Its language code.
    pub lang: String,
    /// The name of its metadata file, which the entry file gives.
    pub meta_hash: String,
    /// How many pages it indexes.
    pub pages: usize,
    /// Its files, by path under the index folder.
    pub files: Vec<(String, Bytes)>,
    /// Its fragments written already (see [`Kept::place`]): where each is
    /// and where it belongs, paths under the index folder. Those of pages
    /// it leaves out (replaced by a later page of the same URL) are not
    /// in it, and go as stale files do.
    pub placed: Vec<(String, String)>,
}

/// One language's pages, tokenised, kept from one index to the next.
pub struct Language {
    lang: String,
    stemmer: Option<Stemmer>,
    /// The words of every page, numbered. Words no page has any more stay
    /// numbered: a session's edits add a few.
    words: Mutex<Words>,
    /// Tells this language's numbers from another's in the threads' caches.
    generation: u64,
    /// Each page given, by its record's key.
    pages: HashMap<Key, Kept>,
    /// The pages of the last index, when kept, and that index.
    last: Option<(Vec<Key>, Option<LanguageIndex>)>,
    /// The word index's chunks of the last index, packed, by the hash of
    /// what they hold: after an edit most chunks are as they were, and
    /// packing every chunk again was half the time of an index.
    packed_chunks: HashMap<String, Bytes>,
    /// Where a one-off index's packed chunks are kept from build to
    /// build, if anywhere (see [`pack::gzip_kept`]).
    cache: Option<Cache>,
    /// The same cache, where pages tokenised are kept (see
    /// [`page_cache`]).
    kept_pages: Option<PageCache>,
}

/// A page as kept: its URL, and its words and fragment unless it has no
/// word to index.
pub struct Kept {
    url: Box<str>,
    tokenised: Option<Tokenised>,
}

/// A page tokenised: its words, word count and packed fragment.
struct Tokenised {
    words: PageWords,
    word_count: usize,
    hash: Box<str>,
    fragment: FragmentFile,
}

impl From<Entry> for Tokenised {
    fn from(page: Entry) -> Tokenised {
        Tokenised {
            words: page.words,
            word_count: page.word_count,
            hash: page.hash,
            fragment: FragmentFile::Held(page.fragment),
        }
    }
}

/// A page's packed fragment.
enum FragmentFile {
    /// Its bytes, to be written with the index.
    Held(Bytes),
    /// Already written, under this name (see [`Kept::place`]).
    Placed(Box<str>),
}

impl Kept {
    /// Writes the page's packed fragment with `write` (given its path
    /// under the index folder) under the name `name` gives its hash, and
    /// keeps that name rather than the bytes: a one-off build writes
    /// each fragment as its page renders. The index names the file again
    /// in page order; [`LanguageIndex::placed`] says where it belongs.
    pub fn place(
        &mut self,
        name: impl FnOnce(&str) -> String,
        write: impl FnOnce(&str, &[u8]) -> io::Result<()>,
    ) -> io::Result<()> {
        let Some(page) = &mut self.tokenised else {
            return Ok(());
        };
        let FragmentFile::Held(bytes) = &page.fragment else {
            return Ok(());
        };
        let name = name(&page.hash);
        write(&fragment_path(&name), bytes)?;
        page.fragment = FragmentFile::Placed(name.into());
        Ok(())
    }
}

/// The path of fragment file `name` under the index folder.
fn fragment_path(name: &str) -> String {
    format!("fragment/{name}.pf_fragment")
}

/// Pagefind's fragment of a page, as JSON, in its field order (no
/// filters, the title its only metadata, no anchors).
fn fragment_json(url: &str, content: &str, word_count: usize, title: &str) -> Vec<u8> {
    let mut json = Vec::with_capacity(content.len() + url.len() + title.len() + 96);
    json.extend_from_slice(b"{\"url\":");
    push_json_string(&mut json, url);
    json.extend_from_slice(b",\"content\":");
    push_json_string(&mut json, content);
    json.extend_from_slice(b",\"word_count\":");
    json.extend_from_slice(word_count.to_string().as_bytes());
    json.extend_from_slice(b",\"filters\":{},\"meta\":{\"title\":");
    push_json_string(&mut json, title);
    json.extend_from_slice(b"},\"anchors\":[]}");
    json
}

/// `text` as a JSON string, escaped as `serde_json` escapes it (which
/// Pagefind's fragments are written with). Each sixteen bytes are tested
/// together first, and copied at once when none needs escaping: escaping
/// a page's text took a tenth of tokenising it while `serde_json` looked
/// at each byte alone.
fn push_json_string(json: &mut Vec<u8>, text: &str) {
    let needs_escape = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    json.push(b'"');
    let bytes = text.as_bytes();
    let mut done = 0;
    let mut at = 0;
    while at < bytes.len() {
        let chunk = &bytes[at..(at + 16).min(bytes.len())];
        if !chunk.iter().fold(false, |any, &b| any | needs_escape(b)) {
            at += chunk.len();
            continue;
        }
        for (i, &b) in chunk.iter().enumerate() {
            if !needs_escape(b) {
                continue;
            }
            json.extend_from_slice(&bytes[done..at + i]);
            done = at + i + 1;
            match b {
                b'"' => json.extend_from_slice(b"\\\""),
                b'\\' => json.extend_from_slice(b"\\\\"),
                b'\n' => json.extend_from_slice(b"\\n"),
                b'\r' => json.extend_from_slice(b"\\r"),
                b'\t' => json.extend_from_slice(b"\\t"),
                0x08 => json.extend_from_slice(b"\\b"),
                0x0C => json.extend_from_slice(b"\\f"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    json.extend_from_slice(b"\\u00");
                    json.push(HEX[usize::from(b >> 4)]);
                    json.push(HEX[usize::from(b & 0xF)]);
                }
            }
        }
        at += chunk.len();
    }
    json.extend_from_slice(&bytes[done..]);
    json.push(b'"');
}

impl Language {
    /// A language with no page yet, whose pages tokenised and packed
    /// files are kept in `cache` if given.
    pub fn new(lang: &str, cache: Option<Cache>) -> Language {
        static GENERATIONS: AtomicU64 = AtomicU64::new(0);
        let kept_pages = (cache.as_ref())
            .map(|cache| PageCache::new(cache.clone(), Language::fingerprint(lang)));
        Language {
            lang: lang.to_string(),
            stemmer: words::stemmer(lang).map(|(_, stemmer)| stemmer),
            words: Mutex::new(Words::default()),
            generation: GENERATIONS.fetch_add(1, Ordering::Relaxed),
            pages: HashMap::new(),
            last: None,
            packed_chunks: HashMap::new(),
            cache,
            kept_pages,
        }
    }

    /// What the tokeniser of language `lang` makes of a fixed record (see
    /// [`page_cache::fingerprint`]): a change to tokenising, to the
    /// stemmer, to fragments or to their packing changes it, so that
    /// pages kept by another aqparat are not taken.
    fn fingerprint(lang: &str) -> page_cache::Fingerprint {
        const TITLE: &str = "Үлгі бет · Образец страницы · Sample page";
        const TEXT: &str = "Қазақстан Республикасы: үйде қалыңыз, қолды жиі жуыңыз! \
            Ёлка и йогурт; оставайтесь дома, соблюдайте карантин (12,5 %). \
            Café naïve co-operation camelCase e-mail 2020-05-28 🙂 «Жедел» ‘желі’ \
            сөз\u{200B}бөлгіш ___PAGEFIND_WEIGHT___ ü-ö-ä İstanbul ǅ ﬁ";
        // Numbered apart from this language's pages, in a cache of tokens
        // of its own.
        let sample = Language::new(lang, None);
        let record = Record::new("/sample/".to_string(), lang, TITLE, TEXT.to_string());
        let entry = sample.tokeniser().tokenise_page(&record);
        page_cache::fingerprint(entry.as_ref(), &sample.words)
    }

    /// Tokenises `records`, all in this language, on all cores, and keeps
    /// them; those it keeps already are not tokenised again.
    pub fn tokenise(&mut self, records: &[&Record]) {
        let mut seen = HashSet::new();
        let new: Vec<&Record> = records
            .iter()
            .copied()
            .filter(|record| !self.pages.contains_key(&record.key) && seen.insert(record.key))
            .collect();
        let tokeniser = self.tokeniser();
        let tokenised: Vec<(Key, Kept)> = new
            .par_iter()
            .map(|record| {
                let kept = Kept {
                    url: record.url.as_str().into(),
                    tokenised: tokeniser.tokenise(record),
                };
                (record.key, kept)
            })
            .collect();
        self.pages.extend(tokenised);
    }

    /// The index of the pages whose records' keys are `keys` (records
    /// given to [`Language::tokenise`], now or before), or `None` when no
    /// page has a word to index (Pagefind leaves such a language out). A
    /// later page with the URL of an earlier one replaces it in its place,
    /// as in Pagefind. Pages not in `keys` are forgotten; a key of a page
    /// not kept is an error. The same pages as last time give the same
    /// index, made once.
    pub fn index(&mut self, keys: &[Key]) -> io::Result<Option<LanguageIndex>> {
        if let Some((last_keys, index)) = &self.last
            && last_keys == keys
        {
            return Ok(index.clone());
        }
        let order = self.order(keys)?;
        // Every page given is kept, a page replaced by a later one of the
        // same URL too: the next request may give it by its key.
        let mut kept: HashMap<Key, Kept> = HashMap::with_capacity(keys.len());
        for key in keys {
            if let Some((key, page)) = self.pages.remove_entry(key) {
                kept.insert(key, page);
            }
        }
        self.pages = kept;
        let mut files = Files::default();
        for key in &order {
            if let Some(page) = self.pages.get(key).and_then(|p| p.tokenised.as_ref()) {
                files.add(&self.lang, page);
            }
        }
        let chunks = Chunks::Held(&mut self.packed_chunks);
        let index = files.finish(&self.lang, &self.words, chunks);
        self.last = Some((keys.to_vec(), index.clone()));
        Ok(index)
    }

    /// Tokenises `record`, in this language, on this thread, and keeps
    /// nothing: a page of a one-off index, for [`Language::index_pages`];
    /// and where the site's cache keeps it tokenised, if it has one.
    pub fn tokenise_one(&self, record: &Record) -> (Kept, Option<KeptPage>) {
        let (tokenised, name) = self.tokeniser().tokenise_named(record);
        let kept = self.kept_pages.as_ref().map(|_| KeptPage {
            lang: record.lang.clone(),
            url: record.url.clone(),
            name,
            limit: page_cache::limit(record),
        });
        let page = Kept {
            url: record.url.as_str().into(),
            tokenised,
        };
        (page, kept)
    }

    /// The page that `page` says the site's cache keeps tokenised, as
    /// [`Language::tokenise_one`] made it; `None` when it is not there
    /// whole.
    pub fn take_one(&self, page: &KeptPage) -> Option<Kept> {
        let tokenised = match &page.name {
            Some(name) => {
                let entry = self
                    .kept_pages
                    .as_ref()?
                    .take(name, page.limit, &self.words)?;
                Some(entry.into())
            }
            None => None,
        };
        Some(Kept {
            url: page.url.as_str().into(),
            tokenised,
        })
    }

    /// The index of `pages` (see [`Language::index`]), each from
    /// [`Language::tokenise_one`], in index order: a one-off build's. Each
    /// page is dropped once it has joined the word index.
    pub fn index_pages(&self, pages: Vec<Kept>) -> Option<LanguageIndex> {
        let numbers: Vec<usize> = (0..pages.len()).collect();
        let order = once_per_url(&numbers, |&i| &pages[i].url);
        let mut pages: Vec<Option<Kept>> = pages.into_iter().map(Some).collect();
        let mut files = Files::default();
        for i in order {
            if let Some(page) = pages[i].take().and_then(|p| p.tokenised) {
                files.add(&self.lang, &page);
            }
        }
        files.finish(&self.lang, &self.words, Chunks::Kept(self.cache.as_ref()))
    }

    /// What tokenises this language's records.
    fn tokeniser(&self) -> Tokeniser<'_> {
        Tokeniser {
            stemmer: self.stemmer.as_ref(),
            words: &self.words,
            generation: self.generation,
            kept_pages: self.kept_pages.as_ref(),
        }
    }

    /// `keys` in index order: each URL once, where it was first, as it
    /// was last.
    fn order(&self, keys: &[Key]) -> io::Result<Vec<Key>> {
        let mut pages = Vec::with_capacity(keys.len());
        for &key in keys {
            let Some(kept) = self.pages.get(&key) else {
                return Err(io::Error::other(format!(
                    "the search indexer does not have page {key:?} of language {}",
                    self.lang
                )));
            };
            pages.push((key, &*kept.url));
        }
        Ok(once_per_url(&pages, |(_, url)| url)
            .into_iter()
            .map(|(key, _)| key)
            .collect())
    }
}

/// `items` with each URL (`url` of an item) once: where it was first, as
/// it was last, as Pagefind replaces a record given again.
fn once_per_url<'a, T: Copy + 'a>(items: &[T], url: impl Fn(&T) -> &'a str) -> Vec<T> {
    let mut at: HashMap<&str, usize> = HashMap::with_capacity(items.len());
    let mut unique: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        match at.get(url(item)) {
            Some(&i) => unique[i] = *item,
            None => {
                at.insert(url(item), unique.len());
                unique.push(*item);
            }
        }
    }
    unique
}

/// How the chunks of a language's word index are packed.
enum Chunks<'a> {
    /// A session's: a chunk held here by its hash is not packed again,
    /// and this is left holding the index's chunks (none without an
    /// index). They are not kept in the site's cache: a page added or
    /// removed numbers every later page anew and so changes most chunks,
    /// which every edit would leave there.
    Held(&'a mut HashMap<String, Bytes>),
    /// A one-off index's: taken from the cache, or packed and kept there,
    /// when given; the index prunes the cache after it.
    Kept(Option<&'a Cache>),
}

/// The files of a language's index being made, page by page in order:
/// the fragments and the word index so far.
#[derive(Default)]
struct Files {
    fragment_names: Names,
    files: Vec<(String, Bytes)>,
    placed: Vec<(String, String)>,
    listed: Vec<(String, usize)>,
    word_index: WordIndex,
}

impl Files {
    /// Adds `page`, the next page of language `lang`.
    fn add(&mut self, lang: &str, page: &Tokenised) {
        let name = self.fragment_names.name(lang, &page.hash);
        let path = fragment_path(&name);
        match &page.fragment {
            FragmentFile::Held(bytes) => self.files.push((path, bytes.clone())),
            FragmentFile::Placed(at) => self.placed.push((fragment_path(at), path)),
        }
        self.word_index.add(self.listed.len(), &page.words);
        self.listed.push((name, page.word_count));
    }

    /// The index of language `lang` (whose words `words` numbers), with
    /// the pages added, or `None` without one; its chunks packed as
    /// `chunks` says.
    fn finish(self, lang: &str, words: &Mutex<Words>, chunks: Chunks) -> Option<LanguageIndex> {
        let Files {
            mut files,
            placed,
            listed,
            word_index,
            ..
        } = self;
        if listed.is_empty() {
            if let Chunks::Held(held) = chunks {
                held.clear();
            }
            return None;
        }
        let words = words.lock().unwrap_or_else(PoisonError::into_inner);
        let word_chunks = word_index.into_chunks(CHUNK_SIZE, &words);
        drop(words);
        let ranges = postings::ranges(&word_chunks);
        // Each chunk's words are dropped once encoded.
        let packed: Vec<(String, Bytes)> = word_chunks
            .into_par_iter()
            .map(|chunk| {
                let encoded = chunk.encode();
                drop(chunk);
                let hash = pack::full_hash(&encoded);
                let bytes = match &chunks {
                    Chunks::Held(held) => match held.get(&hash) {
                        Some(kept) => kept.clone(),
                        // Out of the packing arena's blocks when held: a
                        // chunk held from index to index would keep a
                        // block alive.
                        None => Bytes::copy_from_slice(&pack::gzip(&encoded, Packing::Index)),
                    },
                    Chunks::Kept(cache) => pack::gzip_kept(&encoded, &hash, Packing::Index, *cache),
                };
                (hash, bytes)
            })
            .collect();
        if let Chunks::Held(held) = chunks {
            *held = packed.iter().cloned().collect();
        }
        let mut chunk_names = Names::default();
        let mut meta = Vec::new();
        cbor::array(&mut meta, 6);
        cbor::text(&mut meta, VERSION);
        cbor::array(&mut meta, listed.len());
        for (name, word_count) in &listed {
            cbor::array(&mut meta, 3);
            cbor::text(&mut meta, name);
            cbor::uint(&mut meta, *word_count as u64);
            cbor::text(&mut meta, "");
        }
        cbor::array(&mut meta, ranges.len());
        for ((from, to), (hash, contents)) in ranges.iter().zip(packed) {
            let name = chunk_names.name(lang, &hash);
            cbor::array(&mut meta, 3);
            cbor::text(&mut meta, from);
            cbor::text(&mut meta, to);
            cbor::text(&mut meta, &name);
            files.push((format!("index/{name}.pf_index"), contents));
        }
        // No filters, no sorts; the title is the one metadata field.
        cbor::array(&mut meta, 0);
        cbor::array(&mut meta, 0);
        cbor::array(&mut meta, 1);
        cbor::text(&mut meta, "title");
        let hash = pack::full_hash(&meta);
        let meta_hash = format!("{lang}_{}", hash.get(..lang.len() + 8).unwrap_or(&hash));
        files.push((
            format!("pagefind.{meta_hash}.pf_meta"),
            pack::gzip(&meta, Packing::Index),
        ));
        Some(LanguageIndex {
            lang: lang.to_string(),
            meta_hash,
            pages: listed.len(),
            files,
            placed,
        })
    }
}

/// What tokenising a language's records needs, shared by the threads.
struct Tokeniser<'a> {
    stemmer: Option<&'a Stemmer>,
    words: &'a Mutex<Words>,
    generation: u64,
    kept_pages: Option<&'a PageCache>,
}

/// A thread's record of the tokens it has seen in one language: each
/// token's words, by number, so that a token seen before costs a lookup
/// and its words compare as numbers; and the variants' names, which order
/// them.
#[derive(Default)]
struct TokenCache {
    /// Each token's words, as a range of `found` (its start and length;
    /// `found` holds a few words per token, and is dropped with the
    /// tokens once a record leaves more than [`CACHE_TOKENS`]: it reaches
    /// `u32::MAX` only with a record of billions of words, which would
    /// not fit in memory first).
    ///
    /// A token of up to 24 bytes, most words of any script, is kept in
    /// the table's slot itself: a lookup compares it there, where a
    /// `Box<str>` key made the comparison a second read from memory
    /// elsewhere, most often a miss of the processor's caches.
    tokens: HashMap<CompactString, (u32, u32)>,
    found: Vec<Found>,
    variants: HashMap<u32, Arc<str>>,
}

/// A word of a token, by number: the word, its form with diacritics
/// ([`NONE`] if not folded) and its weight.
type Found = (u32, u32, u8);

/// No form with diacritics.
const NONE: u32 = u32::MAX;

thread_local! {
    /// Each thread's token caches, by language generation.
    static TOKENS: RefCell<HashMap<u64, TokenCache>> = RefCell::new(HashMap::new());
}

impl Tokeniser<'_> {
    /// Tokenises `record` as Pagefind does a custom record, or takes it
    /// from the site's cache, and keeps it there; `None` when it has no
    /// word to index.
    fn tokenise(&self, record: &Record) -> Option<Tokenised> {
        self.tokenise_named(record).0
    }

    /// [`Tokeniser::tokenise`], and the name of the page's file in the
    /// site's cache (`None` without a cache, or a word to index).
    fn tokenise_named(&self, record: &Record) -> (Option<Tokenised>, Option<String>) {
        let Some(kept) = self.kept_pages else {
            return (self.tokenise_page(record).map(Tokenised::from), None);
        };
        let name = kept.name(record);
        if let Some(entry) = kept.take(&name, page_cache::limit(record), self.words) {
            return (Some(entry.into()), Some(name));
        }
        let Some(entry) = self.tokenise_page(record) else {
            return (None, None);
        };
        kept.keep(&name, record, &entry, self.words);
        (Some(entry.into()), Some(name))
    }

    /// Tokenises `record` as Pagefind does a custom record, with this
    /// thread's cache of tokens; `None` when it has no word to index.
    fn tokenise_page(&self, record: &Record) -> Option<Entry> {
        TOKENS.with(|caches| {
            let mut caches = caches.borrow_mut();
            // Caches of languages gone (an index of another session).
            if caches.len() > 8 && !caches.contains_key(&self.generation) {
                caches.clear();
            }
            let cache = caches.entry(self.generation).or_default();
            if cache.tokens.len() >= CACHE_TOKENS {
                *cache = TokenCache::default();
            }
            self.tokenise_with(record, cache)
        })
    }

    /// The words of body-text token `token`, numbered.
    fn token<'c>(&self, token: &str, cache: &'c mut TokenCache) -> &'c [Found] {
        let (start, len) = match cache.tokens.get(token) {
            Some(&range) => range,
            None => {
                let found = words::body_words(token, self.stemmer);
                let start = cache.found.len();
                let mut words = self.words.lock().unwrap_or_else(PoisonError::into_inner);
                for w in found {
                    let original = match &w.original {
                        Some(o) => {
                            let id = words.id(o);
                            cache.variants.insert(id, o.clone());
                            id
                        }
                        None => NONE,
                    };
                    cache.found.push((words.id(&w.word), original, w.weight));
                }
                drop(words);
                let range = (start as u32, (cache.found.len() - start) as u32);
                cache.tokens.insert(token.into(), range);
                range
            }
        };
        let (start, len) = (start as usize, len as usize);
        cache.found.get(start..start + len).unwrap_or(&[])
    }

    /// [`Tokeniser::tokenise_page`] with the words `cache` knows.
    fn tokenise_with(&self, record: &Record, cache: &mut TokenCache) -> Option<Entry> {
        let joined = [
            record.title.as_str(),
            record.description.as_str(),
            &record.text,
        ]
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<&str>>()
        .join(". ");
        // Pagefind drops zero-width spaces from each token; none is white
        // space, so dropping them from the whole text first makes the same
        // tokens.
        let joined = match joined.contains('\u{200B}') {
            true => joined.replace('\u{200B}', ""),
            false => joined,
        };
        let mut content = String::with_capacity(joined.len());
        // (word, form, weight, position)
        let mut body: Vec<(u32, u32, u8, u32)> = Vec::new();
        let mut position: u32 = 0;
        for token in words::tokens(&joined) {
            content.push_str(token);
            content.push(' ');
            for &(word, original, weight) in self.token(token, cache) {
                body.push((word, original, weight, position));
            }
            position = position.saturating_add(1);
        }
        if body.is_empty() {
            return None;
        }
        content.pop();
        let word_count = position as usize;
        // (word, form, position)
        let mut meta: Vec<(u32, u32, u32)> = Vec::new();
        // The title's words, found before the numbering is locked.
        let title: Vec<_> = words::tokens(&record.title)
            .map(|token| words::meta_words(token, self.stemmer))
            .collect();
        if !title.is_empty() {
            let mut words = self.words.lock().unwrap_or_else(PoisonError::into_inner);
            for (i, found) in title.into_iter().enumerate() {
                let i = u32::try_from(i).unwrap_or(u32::MAX);
                for (word, original) in found {
                    let original = original.map_or(NONE, |o| {
                        let id = words.id(&o);
                        cache.variants.insert(id, o.into());
                        id
                    });
                    meta.push((words.id(&word), original, i));
                }
            }
        }
        // Grouped by word, as `group` takes them: it sorts each form's
        // occurrences itself. Sorting them whole, field by field, was
        // about 4 % of a build with search.
        body.sort_unstable_by_key(|&(word, ..)| word);
        meta.sort_unstable_by_key(|&(word, ..)| word);
        let words = group(&body, &meta, &cache.variants);
        let json = fragment_json(&record.url, &content, word_count, &record.title);
        Some(Entry {
            words,
            word_count,
            hash: pack::full_hash(&json).into(),
            fragment: pack::gzip(&json, Packing::Fragment),
        })
    }
}

/// The words of a page, from its occurrences in the text, (word, form,
/// weight, position), and in the title, (word, form, position), each
/// grouped by word in the order of the words' numbers (in any order within
/// a word: each form's occurrences are sorted as they are encoded): each
/// word with its occurrences as itself and as each form with diacritics
/// (named by `variants`), encoded.
fn group(
    body: &[(u32, u32, u8, u32)],
    meta: &[(u32, u32, u32)],
    variants: &HashMap<u32, Arc<str>>,
) -> PageWords {
    let mut builder = PageWordsBuilder::default();
    let (mut b, mut m) = (0, 0);
    let mut weighted: Vec<(u8, u32)> = Vec::new();
    let mut positions: Vec<u32> = Vec::new();
    let mut forms: Vec<(bool, &str, u32)> = Vec::new();
    let mut numbers: Vec<u32> = Vec::new();
    while b < body.len() || m < meta.len() {
        let word = match (body.get(b), meta.get(m)) {
            (Some(x), Some(y)) => x.0.min(y.0),
            (Some(x), None) => x.0,
            (None, Some(y)) => y.0,
            (None, None) => break,
        };
        let b_end = b + body[b..].iter().take_while(|o| o.0 == word).count();
        let m_end = m + meta[m..].iter().take_while(|o| o.0 == word).count();
        let (in_body, in_meta) = (&body[b..b_end], &meta[m..m_end]);
        // Pagefind's order: the word itself; then the forms in the text,
        // then those only in the title, each by form.
        forms.clear();
        let plain = in_body.iter().any(|o| o.1 == NONE) || in_meta.iter().any(|o| o.1 == NONE);
        numbers.clear();
        numbers.extend(
            (in_body.iter().map(|o| o.1))
                .chain(in_meta.iter().map(|o| o.1))
                .filter(|&f| f != NONE),
        );
        numbers.sort_unstable();
        numbers.dedup();
        for &form in &numbers {
            let in_text = in_body.iter().any(|o| o.1 == form);
            let name = variants.get(&form).map_or("", |n| &**n);
            forms.push((in_text, name, form));
        }
        forms.sort_by(|x, y| y.0.cmp(&x.0).then_with(|| x.1.cmp(y.1)));
        builder.word(word, usize::from(plain) + forms.len());
        let mut add = |form: u32, variant: Option<u32>| {
            weighted.clear();
            weighted.extend(in_body.iter().filter(|o| o.1 == form).map(|o| (o.2, o.3)));
            positions.clear();
            positions.extend(in_meta.iter().filter(|o| o.1 == form).map(|o| o.2));
            builder.form(variant, &mut weighted, &mut positions);
        };
        if plain {
            add(NONE, None);
        }
        for &(_, _, form) in &forms {
            add(form, Some(form));
        }
        (b, m) = (b_end, m_end);
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// The index of `records` by a language that has been given them, and
    /// each of its files by name: its bytes and where they are in memory.
    fn index(
        language: &mut Language,
        records: &[Record],
    ) -> BTreeMap<String, (Vec<u8>, *const u8)> {
        language.tokenise(&records.iter().collect::<Vec<_>>());
        let keys: Vec<Key> = records.iter().map(|r| r.key).collect();
        let index = language.index(&keys).unwrap().unwrap();
        (index.files.iter())
            .map(|(name, bytes)| (name.clone(), (bytes.to_vec(), bytes.as_ptr())))
            .collect()
    }

    #[test]
    fn a_tokenisers_fingerprint_is_the_same_each_time_and_its_languages_own() {
        let fingerprint = Language::fingerprint;
        assert_eq!(fingerprint("ru"), fingerprint("ru"));
        // Russian words are stemmed, Kazakh ones are not.
        assert_ne!(fingerprint("ru"), fingerprint("kk"));
    }

    #[test]
    fn chunks_an_edit_leaves_as_they_were_are_not_packed_again() {
        // Pages of words of their own, enough for several chunks.
        let page = |i: usize, text: String| {
            Record::new(format!("/kk/{i}/"), "kk", &format!("Бет {i}"), text)
        };
        let words = |i: usize| {
            (0..40)
                .map(|j| format!("сөз{i:04}ә{j:02}"))
                .collect::<Vec<_>>()
        };
        let mut records: Vec<Record> = (0..1000).map(|i| page(i, words(i).join(" "))).collect();
        let mut language = Language::new("kk", None);
        let before = index(&mut language, &records);
        // The last page's words changed, for words after every other in
        // the index's order: the chunks before them are as they were. (A
        // chunk ends where its words reach a size, so a word that grows,
        // shrinks, comes or goes may move where every later chunk starts.)
        records[999] = page(999, "үй ұя".to_string());
        let after = index(&mut language, &records);
        let chunks = |files: &BTreeMap<String, (Vec<u8>, *const u8)>| {
            (files.iter().filter(|(name, _)| name.starts_with("index/")))
                .map(|(name, (_, at))| (name.clone(), *at))
                .collect::<Vec<_>>()
        };
        let (chunks_before, chunks_after) = (chunks(&before), chunks(&after));
        assert!(chunks_before.len() > 3, "{}", chunks_before.len());
        let kept = (chunks_after.iter())
            .filter(|chunk| chunks_before.contains(chunk))
            .count();
        assert!(
            kept > 0 && kept < chunks_after.len(),
            "{kept} of {}",
            chunks_after.len()
        );
        // And the index is the one a new language makes of the same pages.
        let fresh = index(&mut Language::new("kk", None), &records);
        let bytes = |files: BTreeMap<String, (Vec<u8>, *const u8)>| {
            files
                .into_iter()
                .map(|(name, (bytes, _))| (name, bytes))
                .collect::<Vec<_>>()
        };
        assert_eq!(bytes(after), bytes(fresh));
    }

    proptest::proptest! {
        /// A string is escaped as `serde_json` escapes it, at any place
        /// in the sixteen bytes looked at together.
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(
            text in "(\\PC|[\u{0}-\u{1f}\"\\\\\u{7f}]|ж){0,50}"
        ) {
            let mut json = Vec::new();
            push_json_string(&mut json, &text);
            proptest::prop_assert_eq!(
                String::from_utf8(json).unwrap(),
                serde_json::to_string(&text).unwrap()
            );
        }

        /// A fragment is the JSON that `serde_json` makes of Pagefind's
        /// fragment of the same page.
        #[test]
        fn fragments_are_the_json_serde_json_makes_of_them(
            url in "(\\PC|[\"\\\\\u{1}])*",
            content in "(\\PC|[\"\\\\\u{0}-\u{1f}])*",
            title in "(\\PC|[\"\\\\\u{8}])*",
            word_count: usize,
        ) {
            #[derive(serde::Serialize)]
            struct Fragment<'a> {
                url: &'a str,
                content: &'a str,
                word_count: usize,
                filters: BTreeMap<String, Vec<String>>,
                meta: BTreeMap<&'static str, &'a str>,
                anchors: [(); 0],
            }
            let fragment = Fragment {
                url: &url,
                content: &content,
                word_count,
                filters: BTreeMap::new(),
                meta: BTreeMap::from([("title", title.as_str())]),
                anchors: [],
            };
            proptest::prop_assert_eq!(
                String::from_utf8(fragment_json(&url, &content, word_count, &title)).unwrap(),
                serde_json::to_string(&fragment).unwrap()
            );
        }

        /// A page's words are the same whatever the order of each word's
        /// occurrences: grouping them by word is all `group` needs.
        #[test]
        fn words_are_grouped_whatever_the_order_within_a_word(
            body in proptest::collection::vec((0u32..4, 0u32..4, 1u8..=24, 0u32..8), 0..40),
            meta in proptest::collection::vec((0u32..4, 0u32..4, 0u32..4), 0..8),
            turn_at in proptest::prelude::any::<proptest::sample::Index>(),
        ) {
            // Form 3 stands for none (the word itself).
            let form = |f: u32| if f == 3 { NONE } else { 10 + f };
            let body: Vec<_> = body.into_iter().map(|(w, f, g, p)| (w, form(f), g, p)).collect();
            let meta: Vec<_> = meta.into_iter().map(|(w, f, p)| (w, form(f), p)).collect();
            let variants: HashMap<u32, Arc<str>> =
                (10..13).map(|f| (f, Arc::from(format!("form{}", 13 - f)))).collect();
            let (mut sorted, mut sorted_meta) = (body.clone(), meta.clone());
            sorted.sort_unstable();
            sorted_meta.sort_unstable();
            // Grouped by word, each word's occurrences turned about.
            let (mut grouped, mut grouped_meta) = (body, meta);
            let turn = turn_at.index(grouped.len().max(1));
            grouped.rotate_left(turn);
            grouped.reverse();
            grouped_meta.reverse();
            grouped.sort_by_key(|&(word, ..)| word);
            grouped_meta.sort_by_key(|&(word, ..)| word);
            proptest::prop_assert_eq!(
                group(&grouped, &grouped_meta, &variants),
                group(&sorted, &sorted_meta, &variants)
            );
        }
    }
}
