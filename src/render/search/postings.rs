//! The word index of one language, held as Pagefind's chunks will hold
//! it: for each word, the pages it is on (page number as the difference
//! from the last, positions in the body text, positions in the title),
//! already CBOR-encoded as they arrive in page order, so that a word on
//! 10,000 pages costs a few bytes per occurrence rather than a vector per
//! page; then cut into chunks by word range and encoded as Pagefind's
//! `WordIndex`.

use std::sync::Arc;

use foldhash::HashMap;

use super::cbor;

/// A page's occurrences of a word (or of one of its variants), encoded
/// but for the page number: Pagefind's `PackedPage` without its first
/// field.
#[derive(Debug, Default)]
pub struct PageWord {
    /// `locs` then `meta_locs`, as two CBOR arrays.
    pub encoded: Vec<u8>,
    /// How many positions the two hold (for the size of chunks).
    pub positions: usize,
}

/// The pages of a word or of a variant.
#[derive(Debug, Default)]
struct Pages {
    encoded: Vec<u8>,
    count: usize,
    last: usize,
}

impl Pages {
    /// Adds page `page` (not before the last one added).
    fn push(&mut self, page: usize, word: &PageWord) {
        cbor::array(&mut self.encoded, 3);
        cbor::uint(&mut self.encoded, page.saturating_sub(self.last) as u64);
        self.encoded.extend_from_slice(&word.encoded);
        self.last = page;
        self.count += 1;
    }

    fn encode(&self, out: &mut Vec<u8>) {
        cbor::array(out, self.count);
        out.extend_from_slice(&self.encoded);
    }
}

/// A word's pages and those of its variants (its forms with diacritics).
#[derive(Debug, Default)]
struct Postings {
    pages: Pages,
    variants: Vec<(Arc<str>, Pages)>,
    /// Pagefind's measure of its size: positions plus pages plus variants.
    size: usize,
}

/// The occurrences of one word on one page, given to [`Postings`].
#[derive(Debug)]
pub struct WordOnPage {
    /// The word as indexed.
    pub word: Arc<str>,
    /// Its occurrences as the word itself, if any.
    pub plain: Option<PageWord>,
    /// Its occurrences as each variant, in Pagefind's order.
    pub variants: Vec<(Arc<str>, PageWord)>,
}

/// The word index of a language being built.
#[derive(Default)]
pub struct WordIndex {
    words: HashMap<Arc<str>, Postings>,
}

/// The words of a chunk of the word index, with their pages.
pub struct Chunk {
    words: Vec<(Arc<str>, Postings)>,
}

impl Chunk {
    /// Pagefind's `WordIndex` of its words, CBOR.
    pub fn encode(&self) -> Vec<u8> {
        encode(&self.words)
    }
}

impl WordIndex {
    /// Adds the words of page `page`; pages come in order.
    pub fn add(&mut self, page: usize, words: Vec<WordOnPage>) {
        for on_page in words {
            let postings = self.words.entry(on_page.word).or_default();
            if let Some(plain) = &on_page.plain {
                postings.pages.push(page, plain);
                postings.size += plain.positions + 1;
            }
            for (form, word) in on_page.variants {
                let pages = match postings.variants.iter().position(|(f, _)| *f == form) {
                    Some(i) => &mut postings.variants[i].1,
                    None => {
                        postings.size += 1;
                        postings.variants.push((form, Pages::default()));
                        let last = postings.variants.len() - 1;
                        &mut postings.variants[last].1
                    }
                };
                pages.push(page, &word);
                postings.size += word.positions + 1;
            }
        }
    }

    /// The index cut into chunks of about `chunk_size` (Pagefind's measure,
    /// 20,000 by default) in word order, as Pagefind cuts it.
    pub fn into_chunks(self, chunk_size: usize) -> Vec<Chunk> {
        let mut words: Vec<(Arc<str>, Postings)> = self.words.into_iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut chunks = Vec::new();
        let mut chunk = Vec::new();
        let mut size = 0;
        for word in words {
            size += word.1.size;
            chunk.push(word);
            if size >= chunk_size {
                chunks.push(Chunk {
                    words: std::mem::take(&mut chunk),
                });
                size = 0;
            }
        }
        if !chunk.is_empty() {
            chunks.push(Chunk { words: chunk });
        }
        chunks
    }
}

/// The word range of each of `chunks`, trimmed to the prefixes that tell
/// it from its neighbours, as Pagefind does (the metadata gives them, so
/// that a search fetches the chunks of its words only).
pub fn ranges(chunks: &[Chunk]) -> Vec<(String, String)> {
    let mut ranges: Vec<(String, String)> = chunks
        .iter()
        .map(|chunk| {
            let word = |w: Option<&(Arc<str>, Postings)>| w.map(|w| w.0.to_string());
            (
                word(chunk.words.first()).unwrap_or_default(),
                word(chunk.words.last()).unwrap_or_default(),
            )
        })
        .collect();
    for i in 1..ranges.len() {
        let (to, from) = prefixes(&ranges[i - 1].1, &ranges[i].0);
        if to >= ranges[i - 1].0 {
            ranges[i - 1].1 = to;
        }
        ranges[i].0 = from;
    }
    ranges
}

/// Pagefind's `WordIndex` of `words`.
fn encode(words: &[(Arc<str>, Postings)]) -> Vec<u8> {
    let bytes: usize = words
        .iter()
        .map(|(w, p)| {
            w.len()
                + p.pages.encoded.len()
                + p.variants.iter().map(|v| v.1.encoded.len()).sum::<usize>()
        })
        .sum();
    let mut out = Vec::with_capacity(bytes + 16 * words.len() + 8);
    cbor::array(&mut out, 1);
    cbor::array(&mut out, words.len());
    for (word, postings) in words {
        cbor::array(&mut out, 3);
        cbor::text(&mut out, word);
        postings.pages.encode(&mut out);
        cbor::array(&mut out, postings.variants.len());
        for (form, pages) in &postings.variants {
            cbor::array(&mut out, 2);
            cbor::text(&mut out, form);
            pages.encode(&mut out);
        }
    }
    out
}

/// Pagefind's `get_prefixes`: `a` and `b` cut one character past their
/// common prefix.
fn prefixes(a: &str, b: &str) -> (String, String) {
    let common = b.chars().zip(a.chars()).take_while(|(x, y)| x == y).count();
    (
        a.chars().take(common + 1).collect(),
        b.chars().take(common + 1).collect(),
    )
}

/// Pagefind's `positions_to_packed_page` and `meta_positions_to_packed`:
/// `body` as (weight, position) and `meta` as positions in field 0 (the
/// title), encoded as the two arrays of a page. Sorts both.
pub fn page_word(body: &mut [(u8, u32)], meta: &mut [u32]) -> PageWord {
    // Weight 25 (never given) would come first: the rest by weight, then
    // by position, each weight announced by a negative number.
    body.sort_unstable_by_key(|&(weight, position)| {
        (if weight == 25 { 0 } else { weight }, position)
    });
    let mut locs = Vec::with_capacity(body.len() + 2);
    let mut weight_now = 25;
    let mut last = 0;
    for &(weight, position) in body.iter() {
        if weight != weight_now {
            locs.push(-i32::from(weight) - 1);
            locs.push(clamp(position));
            weight_now = weight;
        } else {
            locs.push(clamp(position.saturating_sub(last)));
        }
        last = position;
    }
    meta.sort_unstable();
    let mut meta_locs = Vec::with_capacity(meta.len() + 1);
    if !meta.is_empty() {
        meta_locs.push(-1);
    }
    let mut last = 0;
    for &position in meta.iter() {
        meta_locs.push(clamp(position.saturating_sub(last)));
        last = position;
    }
    let mut encoded = Vec::with_capacity(locs.len() + meta_locs.len() + 4);
    cbor::ints(&mut encoded, &locs);
    cbor::ints(&mut encoded, &meta_locs);
    PageWord {
        encoded,
        positions: locs.len() + meta_locs.len(),
    }
}

/// A position as Pagefind's `i32`.
fn clamp(position: u32) -> i32 {
    i32::try_from(position).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_grouped_by_weight_and_delta_encoded() {
        let word = page_word(&mut [(24, 7), (12, 3), (24, 2)], &mut [4, 1]);
        let mut expected = Vec::new();
        cbor::ints(&mut expected, &[-13, 3, -25, 2, 5]);
        cbor::ints(&mut expected, &[-1, 1, 3]);
        assert_eq!(word.encoded, expected);
        assert_eq!(word.positions, 8);
    }

    #[test]
    fn chunk_ranges_are_trimmed_to_telling_prefixes() {
        assert_eq!(prefixes("apple", "apricot"), ("app".into(), "apr".into()));
        assert_eq!(
            prefixes("cath", "cathartic"),
            ("cath".into(), "catha".into())
        );
        let mut index = WordIndex::default();
        for (page, word) in ["apple", "apricot", "banana", "peach"].iter().enumerate() {
            let body = page_word(&mut [(24, 1), (24, 2), (24, 3)], &mut []);
            index.add(
                page,
                vec![WordOnPage {
                    word: (*word).into(),
                    plain: Some(body),
                    variants: Vec::new(),
                }],
            );
        }
        let chunks = index.into_chunks(8);
        let ranges = ranges(&chunks);
        let ranges: Vec<(&str, &str)> = ranges
            .iter()
            .map(|(f, t)| (f.as_str(), t.as_str()))
            .collect();
        assert_eq!(ranges, [("apple", "apricot"), ("b", "peach")]);
    }
}
