//! The word index of one language, held as Pagefind's chunks will hold
//! it: for each word, the pages it is on (page number as the difference
//! from the last, positions in the body text, positions in the title),
//! already CBOR-encoded as they arrive in page order, so that a word on
//! 10,000 pages costs a few bytes per occurrence rather than a vector per
//! page; then cut into chunks by word range and encoded as Pagefind's
//! `WordIndex`.
//!
//! Words are numbers given by the language's [`Words`]. A page's words
//! are kept as one buffer ([`PageWords`]), a few bytes per word, so that
//! an index kept between builds holds every page's words cheaply and
//! makes the word index again from them without tokenising again.

use std::sync::Arc;

use bytes::Bytes;
use foldhash::HashMap;

use super::arena::Arena;
use super::cbor;

/// The words of one language, each numbered once.
#[derive(Default)]
pub struct Words {
    words: Vec<Arc<str>>,
    ids: HashMap<Arc<str>, u32>,
}

impl Words {
    /// The number of `word`, numbering it if it is new.
    pub fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        // Four billion distinct words do not fit in memory first.
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        let word: Arc<str> = word.into();
        self.words.push(word.clone());
        self.ids.insert(word, id);
        id
    }

    /// The word numbered `id`.
    pub fn word(&self, id: u32) -> &Arc<str> {
        static NONE: std::sync::LazyLock<Arc<str>> = std::sync::LazyLock::new(|| "".into());
        self.words.get(id as usize).unwrap_or(&NONE)
    }
}

/// The words of one page with their occurrences, encoded: for each word,
/// its number, how many of its forms follow, and for each form (the word
/// itself first, if it occurs as itself, then its variants in Pagefind's
/// order) the form's number plus one (0: the word itself), its number of
/// positions and its occurrences as Pagefind packs them (see
/// [`PageWordsBuilder::form`]). Numbers are LEB128.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageWords(Bytes);

/// Writes a [`PageWords`], word by word.
#[derive(Default)]
pub struct PageWordsBuilder {
    encoded: Vec<u8>,
    scratch: Vec<u8>,
    locs: Vec<i32>,
    meta_locs: Vec<i32>,
}

/// One form of a word on a page, read from [`PageWords`].
struct Form<'a> {
    /// The variant's number, or `None` for the word itself.
    variant: Option<u32>,
    /// How many positions `encoded` holds.
    positions: usize,
    /// Its two arrays of positions, CBOR.
    encoded: &'a [u8],
}

impl PageWordsBuilder {
    /// Starts word `word`, which has `forms` forms with occurrences.
    pub fn word(&mut self, word: u32, forms: usize) {
        leb128(&mut self.encoded, u64::from(word));
        leb128(&mut self.encoded, forms as u64);
    }

    /// Adds a form of the current word (`variant`: `None` for the word
    /// itself) with its occurrences: `body` as (weight, position) and
    /// `meta` as positions in the title. Pagefind's
    /// `positions_to_packed_page` and `meta_positions_to_packed`. Sorts
    /// both.
    pub fn form(&mut self, variant: Option<u32>, body: &mut [(u8, u32)], meta: &mut [u32]) {
        // Weight 25 (never given) would come first: the rest by weight,
        // then by position, each weight announced by a negative number.
        body.sort_unstable_by_key(|&(weight, position)| {
            (if weight == 25 { 0 } else { weight }, position)
        });
        self.locs.clear();
        let mut weight_now = 25;
        let mut last = 0;
        for &(weight, position) in body.iter() {
            if weight != weight_now {
                self.locs.push(-i32::from(weight) - 1);
                self.locs.push(clamp(position));
                weight_now = weight;
            } else {
                self.locs.push(clamp(position.saturating_sub(last)));
            }
            last = position;
        }
        meta.sort_unstable();
        self.meta_locs.clear();
        if !meta.is_empty() {
            self.meta_locs.push(-1);
        }
        let mut last = 0;
        for &position in meta.iter() {
            self.meta_locs.push(clamp(position.saturating_sub(last)));
            last = position;
        }
        self.scratch.clear();
        cbor::ints(&mut self.scratch, &self.locs);
        cbor::ints(&mut self.scratch, &self.meta_locs);
        leb128(&mut self.encoded, variant.map_or(0, |v| u64::from(v) + 1));
        leb128(
            &mut self.encoded,
            (self.locs.len() + self.meta_locs.len()) as u64,
        );
        leb128(&mut self.encoded, self.scratch.len() as u64);
        self.encoded.extend_from_slice(&self.scratch);
    }

    /// The page's words, and a builder for the next page.
    pub fn finish(&mut self) -> PageWords {
        let words = PageWords(Arena::Words.keep(&self.encoded));
        self.encoded.clear();
        words
    }
}

impl PageWords {
    /// Calls `each` with every word of the page and its forms.
    fn for_each(&self, each: impl FnMut(u32, &mut dyn Iterator<Item = Form<'_>>)) {
        each_word(&self.0, each);
    }

    /// Calls `each` with the number of every word and form these name,
    /// in their order (a form as often as it comes).
    pub fn each_number(&self, mut each: impl FnMut(u32)) {
        self.for_each(|word, forms| {
            each(word);
            forms.filter_map(|form| form.variant).for_each(&mut each);
        });
    }

    /// These words' bytes, as [`renumber`] takes them.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The words `bytes` from [`renumber`] hold, kept with the other
    /// pages' words.
    pub fn from_renumbered(bytes: &[u8]) -> PageWords {
        PageWords(Arena::Words.keep(bytes))
    }
}

/// Calls `each` with every word of page words' bytes `bytes` and its
/// forms; `false` when they are not a page's words whole (a number past
/// 32 bits, a form cut short, more positions than bytes: a position takes
/// a byte at least), after the words before.
fn each_word<'a>(
    bytes: &'a [u8],
    mut each: impl FnMut(u32, &mut dyn Iterator<Item = Form<'a>>),
) -> bool {
    let mut at = bytes;
    let mut whole = true;
    while whole && !at.is_empty() {
        let word = read_leb128(&mut at).and_then(|w| u32::try_from(w).ok());
        let (Some(word), Some(count)) = (word, read_leb128(&mut at)) else {
            return false;
        };
        // Each form takes three bytes at least: a count beyond the bytes
        // left ends with them.
        let mut forms = (0..count).map_while(|_| {
            let form = (|| {
                let variant = match read_leb128(&mut at)? {
                    0 => None,
                    v => Some(u32::try_from(v - 1).ok()?),
                };
                let positions = usize::try_from(read_leb128(&mut at)?).ok()?;
                let len = usize::try_from(read_leb128(&mut at)?).ok()?;
                let encoded = at.get(..len).filter(|_| positions <= len)?;
                at = &at[len..];
                Some(Form {
                    variant,
                    positions,
                    encoded,
                })
            })();
            whole &= form.is_some();
            form
        });
        each(word, &mut forms);
        // A form left unread would leave `at` mid-word.
        forms.for_each(drop);
    }
    whole
}

/// The words of page words' bytes `bytes` ([`PageWords::as_bytes`]) with
/// each word and form numbered anew by `number`, word by word in the
/// order of the new numbers, as a page's words are. `None` when `number`
/// has no number for one, when two words or two forms of a word get the
/// same, or when `bytes` are not a page's words whole (see [`each_word`]:
/// they may come from a file, see `page_cache`).
pub fn renumber(bytes: &[u8], number: impl Fn(u32) -> Option<u32>) -> Option<Vec<u8>> {
    // (new number, its forms in `forms`: start and count)
    let mut words: Vec<(u32, usize, usize)> = Vec::new();
    // (new variant number plus one, or 0; positions; encoded)
    let mut forms: Vec<(u64, usize, &[u8])> = Vec::new();
    let mut variants: Vec<u64> = Vec::new();
    let mut numbered = true;
    let whole = each_word(bytes, |word, found| {
        let start = forms.len();
        for form in found {
            let variant = match form.variant {
                None => Some(0),
                Some(v) => number(v).map(|n| u64::from(n) + 1),
            };
            let Some(variant) = variant else {
                numbered = false;
                return;
            };
            forms.push((variant, form.positions, form.encoded));
        }
        variants.clear();
        variants.extend(forms[start..].iter().map(|form| form.0));
        variants.sort_unstable();
        let once = variants.windows(2).all(|pair| pair[0] != pair[1]);
        match number(word) {
            Some(word) if once => words.push((word, start, forms.len() - start)),
            _ => numbered = false,
        }
    });
    if !(whole && numbered) {
        return None;
    }
    words.sort_unstable_by_key(|&(word, ..)| word);
    if words.windows(2).any(|pair| pair[0].0 == pair[1].0) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 8);
    for (word, start, count) in words {
        leb128(&mut out, u64::from(word));
        leb128(&mut out, count as u64);
        for &(variant, positions, encoded) in &forms[start..start + count] {
            leb128(&mut out, variant);
            leb128(&mut out, positions as u64);
            leb128(&mut out, encoded.len() as u64);
            out.extend_from_slice(encoded);
        }
    }
    Some(out)
}

/// Writes `value` as LEB128.
pub fn leb128(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a LEB128 number from the start of `at`; `None` when `at` ends
/// first or the number runs past ten bytes (64 bits).
pub fn read_leb128(at: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = at.split_first()?;
        *at = rest;
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(value);
        }
    }
    None
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
    fn push(&mut self, page: usize, encoded: &[u8]) {
        cbor::array(&mut self.encoded, 3);
        cbor::uint(&mut self.encoded, page.saturating_sub(self.last) as u64);
        self.encoded.extend_from_slice(encoded);
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
    variants: Vec<(u32, Pages)>,
    /// Pagefind's measure of its size: positions plus pages plus variants.
    size: usize,
}

/// The word index of a language being built.
#[derive(Default)]
pub struct WordIndex {
    words: HashMap<u32, Postings>,
}

/// The words of a chunk of the word index, with their pages.
pub struct Chunk {
    words: Vec<ChunkWord>,
}

/// A word of a chunk: the word, its pages, and its variants' pages.
struct ChunkWord {
    word: Arc<str>,
    pages: Pages,
    variants: Vec<(Arc<str>, Pages)>,
}

impl Chunk {
    /// Pagefind's `WordIndex` of its words, CBOR.
    pub fn encode(&self) -> Vec<u8> {
        encode(&self.words)
    }
}

impl WordIndex {
    /// Adds the words of page `page`; pages come in order.
    pub fn add(&mut self, page: usize, words: &PageWords) {
        words.for_each(|word, forms| {
            let postings = self.words.entry(word).or_default();
            for form in forms {
                let pages = match form.variant {
                    None => &mut postings.pages,
                    Some(variant) => {
                        match postings.variants.iter().position(|(v, _)| *v == variant) {
                            Some(i) => &mut postings.variants[i].1,
                            None => {
                                postings.size += 1;
                                postings.variants.push((variant, Pages::default()));
                                let last = postings.variants.len() - 1;
                                &mut postings.variants[last].1
                            }
                        }
                    }
                };
                pages.push(page, form.encoded);
                postings.size += form.positions + 1;
            }
        });
    }

    /// The index cut into chunks of about `chunk_size` (Pagefind's measure,
    /// 20,000 by default) in word order, as Pagefind cuts it; `words`
    /// names the numbers.
    pub fn into_chunks(self, chunk_size: usize, words: &Words) -> Vec<Chunk> {
        let mut sorted: Vec<(usize, ChunkWord)> = self
            .words
            .into_iter()
            .map(|(id, postings)| {
                let word = ChunkWord {
                    word: words.word(id).clone(),
                    pages: postings.pages,
                    variants: postings
                        .variants
                        .into_iter()
                        .map(|(v, pages)| (words.word(v).clone(), pages))
                        .collect(),
                };
                (postings.size, word)
            })
            .collect();
        sorted.sort_unstable_by(|a, b| a.1.word.cmp(&b.1.word));
        let mut chunks = Vec::new();
        let mut chunk = Vec::new();
        let mut size = 0;
        for (word_size, word) in sorted {
            size += word_size;
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
            let word = |w: Option<&ChunkWord>| w.map(|w| w.word.to_string());
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
fn encode(words: &[ChunkWord]) -> Vec<u8> {
    let bytes: usize = words
        .iter()
        .map(|w| {
            w.word.len()
                + w.pages.encoded.len()
                + w.variants.iter().map(|v| v.1.encoded.len()).sum::<usize>()
        })
        .sum();
    let mut out = Vec::with_capacity(bytes + 16 * words.len() + 8);
    cbor::array(&mut out, 1);
    cbor::array(&mut out, words.len());
    for word in words {
        cbor::array(&mut out, 3);
        cbor::text(&mut out, &word.word);
        word.pages.encode(&mut out);
        cbor::array(&mut out, word.variants.len());
        for (form, pages) in &word.variants {
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

/// A position as Pagefind's `i32`.
fn clamp(position: u32) -> i32 {
    i32::try_from(position).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_grouped_by_weight_and_delta_encoded() {
        let mut builder = PageWordsBuilder::default();
        builder.word(7, 1);
        builder.form(None, &mut [(24, 7), (12, 3), (24, 2)], &mut [4, 1]);
        let page = builder.finish();
        let mut expected = Vec::new();
        cbor::ints(&mut expected, &[-13, 3, -25, 2, 5]);
        cbor::ints(&mut expected, &[-1, 1, 3]);
        let mut seen = Vec::new();
        page.for_each(|word, forms| {
            for form in forms {
                seen.push((word, form.variant, form.positions, form.encoded.to_vec()));
            }
        });
        assert_eq!(seen, [(7, None, 8, expected)]);
    }

    #[test]
    fn page_words_give_back_every_word_and_form() {
        let mut builder = PageWordsBuilder::default();
        builder.word(300, 2);
        builder.form(None, &mut [(24, 1)], &mut []);
        builder.form(Some(100_000), &mut [(24, 2)], &mut [0]);
        builder.word(0, 1);
        builder.form(Some(0), &mut [], &mut [3]);
        let page = builder.finish();
        let mut seen = Vec::new();
        page.for_each(|word, forms| {
            seen.extend(forms.map(|f| (word, f.variant, f.positions)));
        });
        assert_eq!(
            seen,
            [(300, None, 2), (300, Some(100_000), 4), (0, Some(0), 2)]
        );
    }

    proptest::proptest! {
        /// A page's words numbered anew, then back, are the words they
        /// were: every word and form, with its occurrences, whatever the
        /// numbers (each word's forms its own); bytes that are not a
        /// page's words are refused, never a panic.
        #[test]
        fn words_numbered_anew_and_back_are_as_they_were(
            page in proptest::collection::btree_map(
                0u32..50,
                proptest::collection::btree_map(proptest::option::of(0u32..50), 0u32..9, 1..4),
                0..12,
            ),
            shift in 1u32..1000,
            noise in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
        ) {
            let mut builder = PageWordsBuilder::default();
            for (&word, forms) in &page {
                builder.word(word, forms.len());
                for (&variant, &position) in forms {
                    builder.form(variant, &mut [(24, position)], &mut [position]);
                }
            }
            let words = builder.finish();
            // Numbered backwards (the words' order turned about), shifted.
            let there = renumber(words.as_bytes(), |n| Some(shift + 100 - n)).unwrap();
            let back = renumber(&there, |n| Some(shift + 100 - n)).unwrap();
            proptest::prop_assert_eq!(&back[..], words.as_bytes());
            // A number without a new one; two words, or two forms of a
            // word, on one number.
            let absent = page.keys().next().copied();
            proptest::prop_assert_eq!(
                renumber(words.as_bytes(), |n| (Some(n) != absent).then_some(n)).is_none(),
                absent.is_some()
            );
            let clash = page.len() > 1
                || page.values().any(|forms| forms.keys().flatten().count() > 1);
            proptest::prop_assert_eq!(renumber(words.as_bytes(), |_| Some(7)).is_none(), clash);
            let _ = renumber(&noise, Some);
        }
    }

    #[test]
    fn chunk_ranges_are_trimmed_to_telling_prefixes() {
        assert_eq!(prefixes("apple", "apricot"), ("app".into(), "apr".into()));
        assert_eq!(
            prefixes("cath", "cathartic"),
            ("cath".into(), "catha".into())
        );
        let mut words = Words::default();
        let mut index = WordIndex::default();
        let mut builder = PageWordsBuilder::default();
        for (page, word) in ["apple", "apricot", "banana", "peach"].iter().enumerate() {
            builder.word(words.id(word), 1);
            builder.form(None, &mut [(24, 1), (24, 2), (24, 3)], &mut []);
            index.add(page, &builder.finish());
        }
        let chunks = index.into_chunks(8, &words);
        let ranges = ranges(&chunks);
        let ranges: Vec<(&str, &str)> = ranges
            .iter()
            .map(|(f, t)| (f.as_str(), t.as_str()))
            .collect();
        assert_eq!(ranges, [("apple", "apricot"), ("b", "peach")]);
    }
}
