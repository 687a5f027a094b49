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
//! Pages are tokenised in batches on all cores (each thread remembering
//! the words of the tokens it has seen), then added in page order to the
//! word index, which keeps them encoded.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;
use serde::Serialize;

use super::Record;
use super::cbor;
use super::pack::{self, Names};
use super::postings::{self, WordIndex, WordOnPage, page_word};
use super::words::{self, Indexable};

/// Pagefind's version, which its library checks in the metadata.
pub const VERSION: &str = "1.6.0";

/// Pagefind's default size of index chunks (its own measure).
const CHUNK_SIZE: usize = 20_000;

/// Pages tokenised together before they join the word index.
const BATCH: usize = 256;

/// Tokens whose words a thread remembers, per stemmer, before starting
/// afresh.
const CACHE_TOKENS: usize = 100_000;

/// The files of one language's index.
pub struct LanguageIndex {
    /// Its language code.
    pub lang: String,
    /// The name of its metadata file, which the entry file gives.
    pub meta_hash: String,
    /// How many pages it indexes.
    pub pages: usize,
    /// Its files, by path under the index folder.
    pub files: Vec<(String, Vec<u8>)>,
}

/// A page tokenised: its words, word count and packed fragment.
struct Tokenised {
    words: Vec<WordOnPage>,
    word_count: usize,
    hash: String,
    fragment: Vec<u8>,
}

/// Pagefind's fragment of a page, as JSON (its field order).
#[derive(Serialize)]
struct Fragment<'a> {
    url: &'a str,
    content: &'a str,
    word_count: usize,
    filters: BTreeMap<String, Vec<String>>,
    meta: BTreeMap<&'static str, &'a str>,
    anchors: [(); 0],
}

/// The index of `records`, all in language `lang`, or `None` when no page
/// has a word to index (Pagefind leaves such a language out). A later
/// record with the URL of an earlier one replaces it in its place, as in
/// Pagefind.
pub fn language_index(lang: &str, records: &[&Record]) -> Option<LanguageIndex> {
    let records = dedup(records);
    let mut word_index = WordIndex::default();
    let mut fragment_names = Names::default();
    let mut pages: Vec<(String, usize)> = Vec::new();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for batch in records.chunks(BATCH) {
        let tokenised: Vec<Option<Tokenised>> = batch
            .par_iter()
            .map(|record| tokenise(lang, record))
            .collect();
        for page in tokenised.into_iter().flatten() {
            let name = fragment_names.name(lang, &page.hash);
            word_index.add(pages.len(), page.words);
            files.push((format!("fragment/{name}.pf_fragment"), page.fragment));
            pages.push((name, page.word_count));
        }
    }
    if pages.is_empty() {
        return None;
    }
    let chunks = word_index.into_chunks(CHUNK_SIZE);
    let ranges = postings::ranges(&chunks);
    // Each chunk's words are dropped once encoded.
    let packed: Vec<(String, Vec<u8>)> = chunks
        .into_par_iter()
        .map(|chunk| {
            let encoded = chunk.encode();
            drop(chunk);
            (
                pack::full_hash(&encoded),
                pack::gzip(&encoded, pack::INDEX_LEVEL),
            )
        })
        .collect();
    let mut chunk_names = Names::default();
    let mut meta = Vec::new();
    cbor::array(&mut meta, 6);
    cbor::text(&mut meta, VERSION);
    cbor::array(&mut meta, pages.len());
    for (name, word_count) in &pages {
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
        pack::gzip(&meta, pack::INDEX_LEVEL),
    ));
    Some(LanguageIndex {
        lang: lang.to_string(),
        meta_hash,
        pages: pages.len(),
        files,
    })
}

/// `records` with each URL once: where it was first, as it was last.
fn dedup<'a>(records: &[&'a Record]) -> Vec<&'a Record> {
    let mut at: HashMap<&str, usize> = HashMap::with_capacity(records.len());
    let mut unique: Vec<&Record> = Vec::with_capacity(records.len());
    for record in records {
        match at.get(record.url.as_str()) {
            Some(&i) => unique[i] = record,
            None => {
                at.insert(&record.url, unique.len());
                unique.push(record);
            }
        }
    }
    unique
}

/// The words of each token, as this thread has found them, per stemmer.
type TokenCache = HashMap<Box<str>, Box<[Indexable]>>;

thread_local! {
    static CACHE: RefCell<HashMap<&'static str, TokenCache>> = RefCell::new(HashMap::new());
}

/// A word in a page's text: the word, its form with diacritics (if
/// folded), its weight and position.
type Occurrence = (Arc<str>, Option<Arc<str>>, u8, u32);

/// Occurrences on a page of a word, or of one of its variants.
#[derive(Default)]
struct Occurrences {
    body: Vec<(u8, u32)>,
    meta: Vec<u32>,
}

/// A page's occurrences of a word: as itself and as its variants.
#[derive(Default)]
struct Local<'a> {
    plain: Occurrences,
    variants: BTreeMap<&'a str, Occurrences>,
}

/// Tokenises `record` as Pagefind does a custom record; `None` when it has
/// no word to index.
fn tokenise(lang: &str, record: &Record) -> Option<Tokenised> {
    let stemmer = words::stemmer(lang);
    let (stemmer_name, stemmer) = match &stemmer {
        Some((name, stemmer)) => (*name, Some(stemmer)),
        None => ("", None),
    };
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
    let mut content = String::with_capacity(joined.len());
    let mut body: Vec<Occurrence> = Vec::new();
    let mut position: u32 = 0;
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let cache = cache.entry(stemmer_name).or_default();
        for token in joined.split_whitespace() {
            let token: std::borrow::Cow<str> = match token.contains('\u{200B}') {
                true => token.replace('\u{200B}', "").into(),
                false => token.into(),
            };
            if token.is_empty() {
                continue;
            }
            content.push_str(&token);
            content.push(' ');
            let found = match cache.get(token.as_ref()) {
                Some(found) => found,
                None => {
                    if cache.len() >= CACHE_TOKENS {
                        cache.clear();
                    }
                    let found = words::body_words(&token, stemmer).into_boxed_slice();
                    cache.entry(token.as_ref().into()).or_insert(found)
                }
            };
            for word in found.iter() {
                body.push((
                    word.word.clone(),
                    word.original.clone(),
                    word.weight,
                    position,
                ));
            }
            position = position.saturating_add(1);
        }
    });
    if body.is_empty() {
        return None;
    }
    content.pop();
    let word_count = position as usize;
    let mut meta: Vec<(String, Option<String>, u32)> = Vec::new();
    for (i, token) in record.title.split_whitespace().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        for (word, original) in words::meta_words(token, stemmer) {
            meta.push((word, original, i));
        }
    }
    let mut local: HashMap<&str, Local> = HashMap::with_capacity(body.len() / 2);
    for (word, original, weight, position) in &body {
        let at = local.entry(word).or_default();
        let occurrences = match original {
            None => &mut at.plain,
            Some(original) => at.variants.entry(original).or_default(),
        };
        occurrences.body.push((*weight, *position));
    }
    for (word, original, position) in &meta {
        let at = local.entry(word).or_default();
        let occurrences = match original {
            None => &mut at.plain,
            Some(original) => at.variants.entry(original).or_default(),
        };
        occurrences.meta.push(*position);
    }
    let words = local
        .into_iter()
        .map(|(word, mut at)| {
            let plain = (!at.plain.body.is_empty() || !at.plain.meta.is_empty())
                .then(|| page_word(&mut at.plain.body, &mut at.plain.meta));
            // Pagefind's order: the variants in the text, then those only
            // in the title, each by form.
            let (in_text, in_title): (Vec<_>, Vec<_>) = at
                .variants
                .into_iter()
                .partition(|(_, o)| !o.body.is_empty());
            let variants = in_text
                .into_iter()
                .chain(in_title)
                .map(|(form, mut o)| (form.into(), page_word(&mut o.body, &mut o.meta)))
                .collect();
            WordOnPage {
                word: word.into(),
                plain,
                variants,
            }
        })
        .collect();
    let fragment = Fragment {
        url: &record.url,
        content: &content,
        word_count,
        filters: BTreeMap::new(),
        meta: BTreeMap::from([("title", record.title.as_str())]),
        anchors: [],
    };
    let json = serde_json::to_vec(&fragment).ok()?;
    Some(Tokenised {
        words,
        word_count,
        hash: pack::full_hash(&json),
        fragment: pack::gzip(&json, pack::FRAGMENT_LEVEL),
    })
}
