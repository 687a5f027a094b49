//! Each page tokenised, kept in the site's search cache from build to
//! build under its record's [`Key`]: a build tokenises only the pages
//! whose records changed since, and takes the others' words and packed
//! fragments from there. Tokenising was a third of the instructions of a
//! build with search (see the README, *The search index*).
//!
//! A kept page is one file, `{key}.page`: a line naming the format and
//! aqparat's version (another version's file is a miss, and is replaced),
//! the page's word count, its fragment's hash, the words and forms it
//! names (its words are numbered by their place in this list: a build
//! that reads the file numbers them its own way), its [`PageWords`] so
//! numbered, its packed fragment, then the
//! fragment's length and a CRC-32 of all before it (each four bytes,
//! little-endian). Numbers are LEB128. A file that does not read back
//! whole, or holds a hash that is not one, is a miss: the page is
//! tokenised and kept again.

use std::collections::hash_map::Entry;
use std::sync::{Mutex, PoisonError};

use bytes::Bytes;
use foldhash::HashMap;

use super::arena::Arena;
use super::postings::{self, PageWords, Words, leb128, read_leb128};
use super::{Key, Record};
use crate::write::Cache;

/// The first bytes of a kept page: its format and who wrote it.
const FORMAT: &str = concat!("aqparat search page 1, ", env!("CARGO_PKG_VERSION"), "\n");

/// How the names of kept pages end.
const SUFFIX: &str = ".page";

/// A page as kept, its words numbered as the build numbers them.
pub struct Page {
    /// Its word count.
    pub word_count: usize,
    /// Its fragment's hash, which names the fragment's file.
    pub hash: Box<str>,
    /// Its words.
    pub words: PageWords,
    /// Its packed fragment.
    pub fragment: Bytes,
}

/// The name of the file that keeps the page of record key `key`.
fn name(key: &Key) -> String {
    format!("{:016x}{:016x}{SUFFIX}", key[0], key[1])
}

/// Whether `name` is that of a kept page: 32 lowercase hex digits, then
/// `.page`.
pub fn is_kept_name(name: &str) -> bool {
    name.strip_suffix(SUFFIX).is_some_and(|key| {
        key.len() == 32 && key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

/// The page of `record` kept in `cache`, if it is there and whole; its
/// words numbered by `words` (new words numbered there).
pub fn take(cache: &Cache, record: &Record, words: &Mutex<Words>) -> Option<Page> {
    let file = cache.read(&name(&record.key), limit(record))?;
    decode(&file, words)
}

/// Keeps `page`, the page of `record`, whose words `words` numbers, in
/// `cache`.
pub fn keep(cache: &Cache, record: &Record, page: &Page, words: &Mutex<Words>) {
    if let Some(file) = encode(page, words).filter(|file| file.len() as u64 <= limit(record)) {
        cache.keep_checked(&name(&record.key), &file);
    }
}

/// The most bytes the file of `record`'s page takes: a few times its
/// text (each token a few words, each occurrence a few bytes; the text
/// again, packed). A larger file is not ours, and is not read.
fn limit(record: &Record) -> u64 {
    let text = record.url.len() + record.title.len() + record.description.len() + record.text.len();
    (text as u64).saturating_mul(16).saturating_add(64 << 10)
}

/// The file of `page`, whose words `words` numbers.
fn encode(page: &Page, words: &Mutex<Words>) -> Option<Vec<u8>> {
    // The page's words and forms, numbered in the file by the order they
    // first come in: their names, and the number each has there.
    let mut place: HashMap<u32, u32> = HashMap::default();
    let mut names = Vec::new();
    {
        let words = words.lock().unwrap_or_else(PoisonError::into_inner);
        page.words.each_number(|n| {
            let next = u32::try_from(place.len()).unwrap_or(u32::MAX);
            if let Entry::Vacant(vacant) = place.entry(n) {
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
fn decode(file: &[u8], words: &Mutex<Words>) -> Option<Page> {
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
    // The hash names a file of the index.
    let is_hash = (1..=40).contains(&hash.len())
        && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if !is_hash {
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
    Some(Page {
        word_count,
        hash: hash.into(),
        words: PageWords::kept(&numbered),
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
    use crate::render::search::postings::PageWordsBuilder;

    /// A page of three words, one with a form, numbered by `words`.
    fn page(words: &Mutex<Words>) -> Page {
        let mut numbered = words.lock().unwrap();
        let (ui, ai, aia) = (numbered.id("үй"), numbered.id("ai"), numbered.id("aiä"));
        drop(numbered);
        let mut builder = PageWordsBuilder::default();
        builder.word(ui, 1);
        builder.form(None, &mut [(24, 0), (24, 5)], &mut [0]);
        builder.word(ai, 2);
        builder.form(None, &mut [(24, 1)], &mut []);
        builder.form(Some(aia), &mut [(12, 3)], &mut []);
        Page {
            word_count: 6,
            hash: "0af3".into(),
            words: builder.finish(),
            fragment: Bytes::from_static(b"\x1f\x8b\x08 packed"),
        }
    }

    /// The word index of `page` alone, whose words `words` numbers, as
    /// Pagefind's chunks hold it: the words and forms by name.
    fn chunks(page: &Page, words: &Mutex<Words>) -> Vec<Vec<u8>> {
        let mut index = postings::WordIndex::default();
        index.add(0, &page.words);
        let chunks = index.into_chunks(usize::MAX, &words.lock().unwrap());
        chunks.iter().map(|chunk| chunk.encode()).collect()
    }

    #[test]
    fn a_kept_page_reads_back_numbered_by_the_build_that_reads_it() {
        let written = Mutex::new(Words::default());
        let kept = page(&written);
        let file = encode(&kept, &written).unwrap();
        // Another build, which numbered other words first.
        let read = Mutex::new(Words::default());
        read.lock().unwrap().id("бірінші");
        let back = decode(&file, &read).unwrap();
        assert_eq!(back.word_count, 6);
        assert_eq!(&*back.hash, "0af3");
        assert_eq!(back.fragment, kept.fragment);
        assert_eq!(chunks(&back, &read), chunks(&kept, &written));
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
        for len in 0..file.len() {
            assert!(decode(&file[..len], &words).is_none(), "{len}");
        }
        let mut changed = file.clone();
        changed[FORMAT.len() + 2] ^= 1;
        assert!(decode(&changed, &words).is_none());
        // Another version's.
        let mut old = b"aqparat search page 0, 0.0.1\n".to_vec();
        old.extend_from_slice(&file[FORMAT.len()..file.len() - 4]);
        old.extend_from_slice(&libdeflater::crc32(&old).to_le_bytes());
        assert!(decode(&old, &words).is_none());
    }

    #[test]
    fn names_of_kept_pages_are_told_from_others() {
        let key = [0x0123_4567_89ab_cdef, 42];
        assert!(is_kept_name(&name(&key)));
        assert_eq!(name(&key), "0123456789abcdef000000000000002a.page");
        for other in ["notes.txt", "1-0abc.packed", "0123.page", "../x.page"] {
            assert!(!is_kept_name(other), "{other}");
        }
    }

    proptest::proptest! {
        /// Any bytes read as a miss or as a page, never a panic: bytes
        /// after the format's line with a CRC that holds, or a kept
        /// page's file with a byte changed and its CRC made to hold.
        #[test]
        fn any_file_reads_without_a_panic(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
            at in proptest::prelude::any::<proptest::sample::Index>(),
            byte: u8,
        ) {
            let words = Mutex::new(Words::default());
            let mut framed = FORMAT.as_bytes().to_vec();
            framed.extend_from_slice(&bytes);
            framed.extend_from_slice(&libdeflater::crc32(&framed).to_le_bytes());
            let mut changed = encode(&page(&words), &words).unwrap();
            let len = changed.len() - 4;
            changed[FORMAT.len() + at.index(len - FORMAT.len())] = byte;
            let crc = libdeflater::crc32(&changed[..len]).to_le_bytes();
            changed[len..].copy_from_slice(&crc);
            for file in [bytes, framed, changed] {
                if let Some(page) = decode(&file, &words) {
                    proptest::prop_assert!(!page.hash.is_empty());
                }
            }
        }
    }
}
