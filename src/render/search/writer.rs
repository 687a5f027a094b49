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
use pagefind_stem::Stemmer;
use rayon::prelude::*;
use serde::Serialize;

use super::Record;
use super::cbor;
use super::pack::{self, Names};
use super::postings::{self, PageWord, WordIndex, WordOnPage, page_word};
use super::words;

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
            (pack::full_hash(&encoded), pack::gzip(&encoded))
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
    files.push((format!("pagefind.{meta_hash}.pf_meta"), pack::gzip(&meta)));
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

/// A thread's record of the words it has found, per stemmer: each word
/// (and form with diacritics) once, by number, and the words of each
/// token, so that a token seen before costs a lookup and its words compare
/// as numbers.
#[derive(Default)]
struct Lexicon {
    words: Vec<Arc<str>>,
    ids: HashMap<Arc<str>, u32>,
    /// Each token's words, as a range of `found`.
    tokens: HashMap<Box<str>, (usize, usize)>,
    found: Vec<Found>,
}

/// A word of a token, by number: the word, its form with diacritics
/// ([`NONE`] if not folded) and its weight.
type Found = (u32, u32, u8);

/// No form with diacritics.
const NONE: u32 = u32::MAX;

impl Lexicon {
    /// The number of `word`.
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = u32::try_from(self.words.len()).unwrap_or(NONE - 1);
        let word: Arc<str> = word.into();
        self.words.push(word.clone());
        self.ids.insert(word, id);
        id
    }

    /// The words of body-text token `token`.
    fn token(&mut self, token: &str, stemmer: Option<&Stemmer>) -> &[Found] {
        let (start, len) = match self.tokens.get(token) {
            Some(&range) => range,
            None => {
                let start = self.found.len();
                for w in words::body_words(token, stemmer) {
                    let original = w.original.as_deref().map_or(NONE, |o| self.id(o));
                    let found = (self.id(&w.word), original, w.weight);
                    self.found.push(found);
                }
                let range = (start, self.found.len() - start);
                self.tokens.insert(token.into(), range);
                range
            }
        };
        self.found.get(start..start + len).unwrap_or(&[])
    }
}

thread_local! {
    static LEXICONS: RefCell<HashMap<&'static str, Lexicon>> = RefCell::new(HashMap::new());
}

/// Tokenises `record` as Pagefind does a custom record; `None` when it has
/// no word to index.
fn tokenise(lang: &str, record: &Record) -> Option<Tokenised> {
    let stemmer = words::stemmer(lang);
    let (stemmer_name, stemmer) = match &stemmer {
        Some((name, stemmer)) => (*name, Some(stemmer)),
        None => ("", None),
    };
    LEXICONS.with(|lexicons| {
        let mut lexicons = lexicons.borrow_mut();
        let lexicon = lexicons.entry(stemmer_name).or_default();
        if lexicon.tokens.len() >= CACHE_TOKENS {
            *lexicon = Lexicon::default();
        }
        tokenise_with(record, stemmer, lexicon)
    })
}

/// [`tokenise`] with the words `lexicon` knows.
fn tokenise_with(
    record: &Record,
    stemmer: Option<&Stemmer>,
    lexicon: &mut Lexicon,
) -> Option<Tokenised> {
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
    for token in joined.split_whitespace() {
        content.push_str(token);
        content.push(' ');
        for &(word, original, weight) in lexicon.token(token, stemmer) {
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
    for (i, token) in record.title.split_whitespace().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        for (word, original) in words::meta_words(token, stemmer) {
            let original = original.map_or(NONE, |o| lexicon.id(&o));
            meta.push((lexicon.id(&word), original, i));
        }
    }
    body.sort_unstable();
    meta.sort_unstable();
    let words = group(&body, &meta, lexicon);
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
        fragment: pack::gzip(&json),
    })
}

/// The words of a page, from its occurrences in the text and the title,
/// both sorted: each word with its occurrences as itself and as each form
/// with diacritics, encoded.
fn group(
    body: &[(u32, u32, u8, u32)],
    meta: &[(u32, u32, u32)],
    lexicon: &Lexicon,
) -> Vec<WordOnPage> {
    let name = |id: u32| {
        lexicon
            .words
            .get(id as usize)
            .cloned()
            .unwrap_or_else(|| "".into())
    };
    let mut words = Vec::new();
    let (mut b, mut m) = (0, 0);
    let mut weighted: Vec<(u8, u32)> = Vec::new();
    let mut positions: Vec<u32> = Vec::new();
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
        let mut occurrences = |form: u32| {
            weighted.clear();
            weighted.extend(in_body.iter().filter(|o| o.1 == form).map(|o| (o.2, o.3)));
            positions.clear();
            positions.extend(in_meta.iter().filter(|o| o.1 == form).map(|o| o.2));
            (!weighted.is_empty() || !positions.is_empty()).then(|| {
                (
                    !weighted.is_empty(),
                    page_word(&mut weighted, &mut positions),
                )
            })
        };
        let plain = occurrences(NONE).map(|(_, word)| word);
        // Pagefind's order: the forms in the text, then those only in the
        // title, each by form.
        let mut forms: Vec<u32> = in_body
            .iter()
            .map(|o| o.1)
            .chain(in_meta.iter().map(|o| o.1))
            .filter(|&f| f != NONE)
            .collect();
        forms.sort_unstable();
        forms.dedup();
        let mut variants: Vec<(bool, Arc<str>, PageWord)> = forms
            .into_iter()
            .filter_map(|form| occurrences(form).map(|(in_text, word)| (in_text, name(form), word)))
            .collect();
        variants.sort_by(|x, y| y.0.cmp(&x.0).then_with(|| x.1.cmp(&y.1)));
        words.push(WordOnPage {
            word: name(word),
            plain,
            variants: variants
                .into_iter()
                .map(|(_, form, word)| (form, word))
                .collect(),
        });
        (b, m) = (b_end, m_end);
    }
    words
}
