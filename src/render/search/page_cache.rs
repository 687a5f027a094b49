//! Each page tokenised, kept in the site's search cache from build to
//! build: a build tokenises only the pages whose records changed since,
//! and takes the others' words and packed fragments from there.
//! Tokenising was a third of the instructions of a build with search (see
//! the README, *The search index*).
//!
//! A kept page is one file, named by the SHA-256 of its record and of
//! what this tokeniser makes of a fixed sample ([`PageCache::new`]), so
//! that a file is taken only for the same record tokenised the same way:
//! another aqparat's files are not taken, and go as stale files do. It
//! holds a line naming its format, the page's word count, its fragment's
//! hash, the words and forms it names (its words are numbered by their
//! place in this list: a build that reads the file numbers them its own
//! way), its [`PageWords`] so numbered, its packed fragment, then the
//! fragment's length and a CRC-32 of all before it (each four bytes,
//! little-endian). Numbers are LEB128. A file that does not read back
//! whole (its CRC-32, every length, a hash that is one, its words' numbers
//! among those it names, each word and form once) is a miss: the page is
//! tokenised and kept again.

use std::collections::hash_map;
use std::sync::{Mutex, PoisonError};

use bytes::Bytes;
use foldhash::HashMap;
use sha2::{Digest, Sha256};

use super::Record;
use super::arena::Arena;
use super::pack;
use super::postings::{self, PageWords, Words, leb128, read_leb128};
use crate::write::Cache;

/// The first bytes of a kept page: its format.
const FORMAT: &str = "aqparat search page 1\n";

/// How the names of kept pages end.
const SUFFIX: &str = ".page";

/// A page tokenised, its words numbered as the build numbers them.
pub struct Entry {
    /// Its word count.
    pub word_count: usize,
    /// Its fragment's hash, which names the fragment's file.
    pub hash: Box<str>,
    /// Its words.
    pub words: PageWords,
    /// Its packed fragment.
    pub fragment: Bytes,
}

/// What tells one tokeniser's pages from another's.
pub type Fingerprint = [u8; 32];

/// The site's cache, for the pages of one language's tokeniser.
pub struct PageCache {
    cache: Cache,
    fingerprint: Fingerprint,
}

impl PageCache {
    /// The pages kept in `cache` by a tokeniser whose [`fingerprint`] is
    /// `fingerprint`.
    pub fn new(cache: Cache, fingerprint: Fingerprint) -> PageCache {
        PageCache { cache, fingerprint }
    }

    /// The page kept here under `name` (its record's [`PageCache::name`]),
    /// if it is there, whole and at most `limit` bytes (its record's
    /// [`limit`]); its words numbered by `words` (new words numbered
    /// there).
    pub fn take(&self, name: &str, limit: u64, words: &Mutex<Words>) -> Option<Entry> {
        let file = self.cache.read(name, limit)?;
        decode(&file, words)
    }

    /// Keeps `entry`, the page of `record`, whose words `words` numbers,
    /// under `name` (its [`PageCache::name`]).
    pub fn keep(&self, name: &str, record: &Record, entry: &Entry, words: &Mutex<Words>) {
        if let Some(file) = encode(entry, words).filter(|file| file.len() as u64 <= limit(record)) {
            self.cache.keep_checked(name, &file);
        }
    }

    /// The name of the file that keeps the page of `record`: the first
    /// 128 bits of the SHA-256 of the fingerprint and of each of the
    /// record's texts after its length, in hex, then `.page`.
    pub fn name(&self, record: &Record) -> String {
        use std::fmt::Write as _;
        let mut sha = Sha256::new();
        sha.update(self.fingerprint);
        let texts = [
            &record.lang,
            &record.url,
            &record.title,
            &record.description,
        ];
        for text in texts.into_iter().map(String::as_str).chain([&*record.text]) {
            sha.update((text.len() as u64).to_le_bytes());
            sha.update(text);
        }
        let mut name = String::with_capacity(32 + SUFFIX.len());
        for byte in &sha.finalize()[..16] {
            let _ = write!(name, "{byte:02x}");
        }
        name.push_str(SUFFIX);
        name
    }
}

/// The fingerprint of a tokeniser that makes `sample` of a fixed record,
/// numbering its words in `words` (numbered only for it): the SHA-256 of
/// the file that keeps it.
pub fn fingerprint(sample: Option<&Entry>, words: &Mutex<Words>) -> Fingerprint {
    let file = sample.and_then(|sample| encode(sample, words));
    Sha256::digest(file.unwrap_or_default()).into()
}

/// Whether `name` is that of a kept page: 32 lowercase hex digits, then
/// `.page`.
pub fn is_kept_name(name: &str) -> bool {
    (name.strip_suffix(SUFFIX)).is_some_and(|hash| hash.len() == 32 && pack::is_hex(hash))
}

/// The most bytes the file of `record`'s page takes: a few times its
/// text (each token a few words, each occurrence a few bytes; the text
/// again, packed). A larger file is not ours, and is not read.
pub fn limit(record: &Record) -> u64 {
    let text = record.url.len() + record.title.len() + record.description.len() + record.text.len();
    (text as u64).saturating_mul(16).saturating_add(64 << 10)
}

/// The file of `page`, whose words `words` numbers.
fn encode(page: &Entry, words: &Mutex<Words>) -> Option<Vec<u8>> {
    // The page's words and forms, numbered in the file by the order they
    // first come in: their names, and the number each has there.
    let mut place: HashMap<u32, u32> = HashMap::default();
    let mut names = Vec::new();
    {
        let words = words.lock().unwrap_or_else(PoisonError::into_inner);
        page.words.each_number(|n| {
            let next = u32::try_from(place.len()).unwrap_or(u32::MAX);
            if let hash_map::Entry::Vacant(vacant) = place.entry(n) {
                vacant.insert(next);
                push_bytes(&mut names, words.word(n).as_bytes());
            }
        });
    }
    let local = postings::renumber(page.words.as_bytes(), |n| place.get(&n).copied())?;
    let mut file =
        Vec::with_capacity(FORMAT.len() + 64 + names.len() + local.len() + page.fragment.len());
    file.extend_from_slice(FORMAT.as_bytes());
    leb128(&mut file, page.word_count as u64);
    push_bytes(&mut file, page.hash.as_bytes());
    leb128(&mut file, place.len() as u64);
    file.extend_from_slice(&names);
    push_bytes(&mut file, &local);
    file.extend_from_slice(&page.fragment);
    file.extend_from_slice(&u32::try_from(page.fragment.len()).ok()?.to_le_bytes());
    let crc = libdeflater::crc32(&file);
    file.extend_from_slice(&crc.to_le_bytes());
    Some(file)
}

/// The page file `file` keeps, its words numbered by `words`, if it is
/// whole and of this format.
fn decode(file: &[u8], words: &Mutex<Words>) -> Option<Entry> {
    let (body, crc) = file.split_last_chunk::<4>()?;
    if libdeflater::crc32(body) != u32::from_le_bytes(*crc) {
        return None;
    }
    let (body, fragment_len) = body.split_last_chunk::<4>()?;
    let fragment_len = usize::try_from(u32::from_le_bytes(*fragment_len)).ok()?;
    let (body, fragment) = body.split_at_checked(body.len().checked_sub(fragment_len)?)?;
    let mut at = body.strip_prefix(FORMAT.as_bytes())?;
    let word_count = usize::try_from(read_leb128(&mut at)?).ok()?;
    let hash = std::str::from_utf8(read_bytes(&mut at)?).ok()?;
    // The hash names a file of the index: Pagefind's hash, twenty bytes
    // in hex each without its leading zero.
    if !((20..=40).contains(&hash.len()) && pack::is_hex(hash)) {
        return None;
    }
    let count = read_leb128(&mut at)?;
    let mut names = Vec::new();
    for _ in 0..count {
        names.push(std::str::from_utf8(read_bytes(&mut at)?).ok()?);
    }
    let local = read_bytes(&mut at)?;
    if !at.is_empty() {
        return None;
    }
    let numbers: Vec<u32> = {
        let mut words = words.lock().unwrap_or_else(PoisonError::into_inner);
        names.iter().map(|name| words.id(name)).collect()
    };
    let numbered = postings::renumber(local, |n| numbers.get(n as usize).copied())?;
    Some(Entry {
        word_count,
        hash: hash.into(),
        words: PageWords::from_renumbered(&numbered),
        fragment: Arena::Files.keep(fragment),
    })
}

/// Writes `bytes`, after their length.
fn push_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    leb128(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

/// Reads bytes written by [`push_bytes`] from the start of `at`.
fn read_bytes<'a>(at: &mut &'a [u8]) -> Option<&'a [u8]> {
    let len = usize::try_from(read_leb128(at)?).ok()?;
    let (bytes, rest) = at.split_at_checked(len)?;
    *at = rest;
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::search::postings::{PageWordsBuilder, WordIndex};

    /// A page of two words, one with two forms besides itself, numbered
    /// by `words`.
    fn page(words: &Mutex<Words>) -> Entry {
        let mut numbered = words.lock().unwrap();
        let [ui, ai, aia, aib] = ["үй", "ai", "aiä", "aiá"].map(|w| numbered.id(w));
        drop(numbered);
        let mut builder = PageWordsBuilder::default();
        builder.word(ui, 1);
        builder.form(None, &mut [(24, 0), (24, 5)], &mut [0]);
        builder.word(ai, 3);
        builder.form(None, &mut [(24, 1)], &mut []);
        builder.form(Some(aib), &mut [(12, 3)], &mut []);
        builder.form(Some(aia), &mut [(24, 4)], &mut [1]);
        Entry {
            word_count: 6,
            hash: "0af3c5d7e9b1a3c5d7e9b1a3".into(),
            words: builder.finish(),
            fragment: Bytes::from_static(b"\x1f\x8b\x08 packed"),
        }
    }

    /// The word index of `words` alone, numbered by `numbered`, as
    /// Pagefind's chunks hold it: the words and forms by name.
    fn chunks(words: &PageWords, numbered: &Mutex<Words>) -> Vec<Vec<u8>> {
        let mut index = WordIndex::default();
        index.add(0, words);
        let chunks = index.into_chunks(usize::MAX, &numbered.lock().unwrap());
        chunks.iter().map(|chunk| chunk.encode()).collect()
    }

    #[test]
    fn a_kept_page_reads_back_numbered_by_the_build_that_reads_it() {
        let written = Mutex::new(Words::default());
        let kept = page(&written);
        let file = encode(&kept, &written).unwrap();
        // Another build, which numbered other words first, and the forms
        // of "ai" the other way about.
        let read = Mutex::new(Words::default());
        for word in ["бірінші", "aiá", "aiä"] {
            read.lock().unwrap().id(word);
        }
        let back = decode(&file, &read).unwrap();
        assert_eq!(back.word_count, 6);
        assert_eq!(back.hash, kept.hash);
        assert_eq!(back.fragment, kept.fragment);
        assert_eq!(chunks(&back.words, &read), chunks(&kept.words, &written));
        // Its words hold the same bytes but the numbers.
        let renumbered = postings::renumber(back.words.as_bytes(), |n| {
            let name = read.lock().unwrap().word(n).clone();
            Some(written.lock().unwrap().id(&name))
        });
        assert_eq!(renumbered.unwrap(), kept.words.as_bytes());
    }

    #[test]
    fn a_file_cut_short_changed_or_of_another_format_is_a_miss() {
        let words = Mutex::new(Words::default());
        let file = encode(&page(&words), &words).unwrap();
        assert!(decode(&file, &words).is_some());
        for len in 0..file.len() {
            assert!(decode(&file[..len], &words).is_none(), "{len}");
        }
        let mut changed = file.clone();
        changed[FORMAT.len() + 2] ^= 1;
        assert!(decode(&changed, &words).is_none());
        // Another format's.
        let mut other = b"aqparat search page 0\n".to_vec();
        other.extend_from_slice(&file[FORMAT.len()..file.len() - 4]);
        other.extend_from_slice(&libdeflater::crc32(&other).to_le_bytes());
        assert!(decode(&other, &words).is_none());
    }

    #[test]
    fn a_page_is_kept_under_its_record_and_its_tokenisers_fingerprint() {
        let root = tempfile::tempdir().unwrap();
        let words = Mutex::new(Words::default());
        let record = Record::new("/kk/a/".into(), "kk", "Үй", "үй ai".into());
        let cache = |fingerprint| PageCache::new(Cache::new(root.path(), "search"), fingerprint);
        let (this, other) = (cache([1; 32]), cache([2; 32]));
        let name = this.name(&record);
        this.keep(&name, &record, &page(&words), &words);
        assert!(this.take(&name, limit(&record), &words).is_some());
        assert!(is_kept_name(&name));
        // Another tokeniser's, another record's: another name.
        let moved = Record::new("/kk/b/".into(), "kk", "Үй", "үй ai".into());
        for (cache, record) in [(&other, &record), (&this, &moved)] {
            let name = cache.name(record);
            assert!(is_kept_name(&name));
            assert!(cache.take(&name, limit(record), &words).is_none());
        }
        for other in ["notes.txt", "1-0abc.packed", "0123.page", "../x.page"] {
            assert!(!is_kept_name(other), "{other}");
        }
    }

    /// A file of the format whose words are `words_bytes`, naming
    /// `names`, with the CRC-32 that holds.
    fn framed(names: &[&str], words_bytes: &[u8]) -> Vec<u8> {
        let mut file = FORMAT.as_bytes().to_vec();
        leb128(&mut file, 3);
        push_bytes(&mut file, b"0af3c5d7e9b1a3c5d7e9b1a3");
        leb128(&mut file, names.len() as u64);
        for name in names {
            push_bytes(&mut file, name.as_bytes());
        }
        push_bytes(&mut file, words_bytes);
        file.extend_from_slice(b"gz");
        file.extend_from_slice(&2u32.to_le_bytes());
        file.extend_from_slice(&libdeflater::crc32(&file).to_le_bytes());
        file
    }

    proptest::proptest! {
        /// Any file reads as a miss or as a page whose words make a word
        /// index, never a panic: any bytes; a file of the format whose
        /// words are any bytes; a kept page's file with a byte changed,
        /// its CRC made to hold.
        #[test]
        fn any_file_reads_without_a_panic(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
            raw_words in proptest::collection::vec(
                (0u64..5, proptest::collection::vec(
                    (0u64..5, 0u64..6, proptest::collection::vec(proptest::prelude::any::<u8>(), 0..4)),
                    0..3,
                )),
                0..4,
            ),
            at in proptest::prelude::any::<proptest::sample::Index>(),
            byte: u8,
        ) {
            // Words (of numbers 0 to 4, three named) and forms as they are
            // written, whatever they hold.
            let mut words_bytes = Vec::new();
            for (word, forms) in &raw_words {
                leb128(&mut words_bytes, *word);
                leb128(&mut words_bytes, forms.len() as u64);
                for (variant, positions, encoded) in forms {
                    leb128(&mut words_bytes, *variant);
                    leb128(&mut words_bytes, *positions);
                    push_bytes(&mut words_bytes, encoded);
                }
            }
            let words = Mutex::new(Words::default());
            let mut changed = encode(&page(&words), &words).unwrap();
            let len = changed.len() - 4;
            changed[FORMAT.len() + at.index(len - FORMAT.len())] = byte;
            let crc = libdeflater::crc32(&changed[..len]).to_le_bytes();
            changed[len..].copy_from_slice(&crc);
            let names = framed(&["үй", "ai", "aiä"], &words_bytes);
            for file in [bytes, names, changed] {
                if let Some(page) = decode(&file, &words) {
                    chunks(&page.words, &words);
                }
            }
        }
    }
}
