//! The words Pagefind 1.6.0 indexes for a word of text, done as Pagefind
//! does it (`fossick/splitting.rs` there), so that its browser library,
//! which normalises a query the same way, finds them: lowercased letters
//! and digits, diacritics folded (the unfolded form is kept as a variant,
//! which ranks exact matches first), stemmed where Pagefind ships a
//! stemmer for the language (its wasm stems the query alike), and the
//! parts of compound words (`кейс-стади`, `camelCase`, `a.b`) and emoji.
//!
//! The common word, letters with punctuation around them, takes a short
//! way; the rest goes through the same crates Pagefind uses.

use std::sync::Arc;

use convert_case::{Case, Casing};
use pagefind_stem::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// Characters that count as part of a word, as in Pagefind's default
/// options (the Unicode category "Punctuation, Connector").
pub const INCLUDE_CHARACTERS: [char; 10] = ['_', '‿', '⁀', '⁔', '︳', '︴', '﹍', '﹎', '﹏', '＿'];

/// The weight of a word of body text (Pagefind's weight 1 × 24).
pub const WEIGHT: u8 = 24;

/// Pagefind's limit on the length of a dotted tail (`a.b_c`), in chars.
const MAX_DOTTED_TAIL_CHARS: usize = 64;

/// Pagefind's limit on the length of a katakana suffix, in chars.
const MAX_KATAKANA_SUFFIX_CHARS: usize = 16;

/// The stemmer for language `lang` and its name, where aqparat ships
/// Pagefind's browser library with the same (see `library::wasm`):
/// Russian. Kazakh has none in Pagefind: its words are matched by prefix.
pub fn stemmer(lang: &str) -> Option<(&'static str, Stemmer)> {
    match lang.split('-').next() {
        Some("ru") => Some(("ru", Stemmer::create(Algorithm::Russian))),
        _ => None,
    }
}

/// The tokens of `text`, as [`str::split_whitespace`] gives them (runs
/// of characters that are not Unicode white space), found eight bytes at
/// a time: the body text of every page goes through here, and decoding
/// Cyrillic a character at a time took a fifth of tokenising it (this
/// takes less than half as long).
pub fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let len @ 1.. = whitespace_len(bytes, at) {
            at += len;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        at = next_candidate(bytes, at + 1);
        while at < bytes.len() && whitespace_len(bytes, at) == 0 {
            at = next_candidate(bytes, at + 1);
        }
        // Both ends are at characters' starts: white space is whole
        // characters, and a byte it may start with (a candidate) is never
        // a continuation byte (0x80 to 0xBF).
        debug_assert!(text.is_char_boundary(start) && text.is_char_boundary(at));
        text.get(start..at)
    })
}

/// The first place from `at` on whose byte may start a white-space
/// character, or the end of `bytes`: a byte below 0x21, 0xC2, or 0xE0 to
/// 0xE3 (0xE0, which starts no white space, keeps the third test one
/// subtraction; no byte of the Cyrillic of U+0400 to U+052F is any of
/// them). Eight bytes are tested at once, each test the classic "has a
/// byte less than n" of bit twiddling, whose lowest flag is exact (a
/// borrow runs only upwards from a byte that is less).
fn next_candidate(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let less_than = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut eight = [0; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        let flags = (less_than(x, 0x21)
            | less_than(x ^ (ONES * 0xC2), 1)
            | less_than(x ^ (ONES * 0xE0), 4))
            & HIGHS;
        if flags != 0 {
            return at + (flags.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && !matches!(bytes[at], 0..=0x20 | 0xC2 | 0xE0..=0xE3) {
        at += 1;
    }
    at
}

/// The length in bytes of the white-space character (Unicode's
/// White_Space, as [`char::is_whitespace`]) that starts at `bytes[at]`
/// of UTF-8 text, or 0 when there is none there (or `at` is past the end).
fn whitespace_len(bytes: &[u8], at: usize) -> usize {
    let next = |n: usize| bytes.get(at + n).copied();
    match next(0) {
        Some(b'\t'..=b'\r' | b' ') => 1,
        // U+0085, U+00A0
        Some(0xC2) if matches!(next(1), Some(0x85 | 0xA0)) => 2,
        // U+1680
        Some(0xE1) if next(1) == Some(0x9A) && next(2) == Some(0x80) => 3,
        // U+2000 to U+200A, U+2028, U+2029, U+202F; U+205F
        Some(0xE2) => match (next(1), next(2)) {
            (Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) | (Some(0x81), Some(0x9F)) => 3,
            _ => 0,
        },
        // U+3000
        Some(0xE3) if next(1) == Some(0x80) && next(2) == Some(0x80) => 3,
        _ => 0,
    }
}

/// One word to index for a word of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indexable {
    /// The indexed form: normalised, folded, stemmed.
    pub word: Arc<str>,
    /// The word before its diacritics were folded, when they were.
    pub original: Option<Arc<str>>,
    /// Its weight: [`WEIGHT`], less for a part of a compound word.
    pub weight: u8,
}

/// What Pagefind's `get_indexable_words` gives, before weights.
struct Found {
    stemmed: String,
    original: Option<String>,
    compound: bool,
}

/// The words to index for `raw`, a word of body text (Pagefind's
/// `get_indexable_words` and `get_dotted_tails`, with its weights).
pub fn body_words(raw: &str, stemmer: Option<&Stemmer>) -> Vec<Indexable> {
    let mut found = indexable_words(raw, stemmer);
    let tails = dotted_tails(raw, stemmer, &found);
    found.extend(tails);
    let compounds = found.iter().filter(|f| f.compound).count();
    let partial = match compounds {
        0 => 0,
        n => (WEIGHT / u8::try_from(n).unwrap_or(u8::MAX)).max(1),
    };
    found
        .into_iter()
        .map(|f| Indexable {
            word: f.stemmed.into(),
            original: f.original.map(Into::into),
            weight: if f.compound { partial } else { WEIGHT },
        })
        .collect()
}

/// The words to index for `raw`, a word of a metadata field such as the
/// title: as in body text, without dotted tails.
pub fn meta_words(raw: &str, stemmer: Option<&Stemmer>) -> Vec<(String, Option<String>)> {
    indexable_words(raw, stemmer)
        .into_iter()
        .map(|f| (f.stemmed, f.original))
        .collect()
}

/// Pagefind's `get_indexable_words`.
fn indexable_words(raw: &str, stemmer: Option<&Stemmer>) -> Vec<Found> {
    let mut found = Vec::new();
    let normalized = normalize_word(raw);
    if !normalized.is_empty() {
        found.push(stem_word(&normalized, stemmer, false));
    }
    for suffix in katakana_suffixes(raw) {
        let folded = fold_diacritics(suffix);
        found.push(Found {
            original: folded.as_ref().map(|_| suffix.to_string()),
            stemmed: folded.unwrap_or_else(|| suffix.to_string()),
            compound: true,
        });
    }
    let possibly_compound =
        raw.chars().any(|c| !c.is_alphanumeric()) || raw.chars().skip(1).any(char::is_uppercase);
    if !possibly_compound || is_plain(raw) {
        return found;
    }
    let parts = raw
        .replace(|c: char| c.is_ascii_punctuation(), " ")
        .to_case(Case::Lower)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if !normalized.is_empty()
        && (parts.contains(char::is_whitespace) || !normalized.starts_with(&parts))
    {
        // Pagefind keeps parts of more than one byte.
        for part in parts.split_whitespace().filter(|p| p.len() > 1) {
            let folded = fold_diacritics(part);
            let base = folded.as_deref().unwrap_or(part);
            let stemmed = match stemmer {
                Some(stemmer) => stemmer.stem(base).into_owned(),
                None => base.to_string(),
            };
            found.push(Found {
                stemmed,
                original: folded.map(|_| part.to_string()),
                compound: true,
            });
        }
    }
    if may_have_emoji(raw) {
        for grapheme in raw.graphemes(true) {
            if emojis::get(grapheme).is_some() {
                found.push(Found {
                    stemmed: grapheme.to_string(),
                    original: None,
                    compound: false,
                });
            }
        }
    }
    found
}

/// Whether `raw` is a word that Pagefind's compound splitting leaves
/// whole (its one part is the word itself) and that holds no emoji: ASCII
/// punctuation other than `_` around either ASCII digits or letters below
/// U+2000 (where no letter is an emoji) that lowercase to themselves, the
/// first one apart.
fn is_plain(raw: &str) -> bool {
    let core = raw.trim_matches(|c: char| c.is_ascii_punctuation() && c != '_');
    if core.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let letter = |c: char| c.is_alphabetic() && c < '\u{2000}';
    let lower = |c: char| c.is_lowercase() || c.to_lowercase().eq([c]);
    let mut chars = core.chars();
    chars
        .next()
        .is_none_or(|c| letter(c) && (lower(c) || c.is_uppercase()))
        && chars.all(|c| letter(c) && lower(c))
}

/// Whether `raw` may hold an emoji: every emoji has a character outside
/// ASCII that is no letter or digit, or one from U+2000 on.
fn may_have_emoji(raw: &str) -> bool {
    raw.chars()
        .any(|c| !c.is_ascii() && (!c.is_alphanumeric() || c >= '\u{2000}'))
}

/// Pagefind's `get_dotted_tails`: for `a.b_c`, the compound tail `b_c`.
fn dotted_tails(raw: &str, stemmer: Option<&Stemmer>, existing: &[Found]) -> Vec<Found> {
    let mut tails: Vec<Found> = Vec::new();
    if !raw.contains('.') {
        return tails;
    }
    for (i, _) in raw.match_indices('.') {
        let rest = &raw[i + 1..];
        let tail = match rest.char_indices().nth(MAX_DOTTED_TAIL_CHARS) {
            Some((end, _)) => &rest[..end],
            None => rest,
        };
        let compound = tail.chars().any(|c| !c.is_alphanumeric())
            || tail.chars().skip(1).any(char::is_uppercase);
        if !compound {
            continue;
        }
        let normalized = normalize_word(tail);
        if normalized.chars().count() < 2 {
            continue;
        }
        let word = stem_word(&normalized, stemmer, true);
        if !existing.iter().any(|w| w.stemmed == word.stemmed)
            && !tails.iter().any(|w| w.stemmed == word.stemmed)
        {
            tails.push(word);
        }
    }
    tails
}

/// Pagefind's `normalize_word`: the letters, digits and
/// [`INCLUDE_CHARACTERS`] of `raw`, lowercased.
fn normalize_word(raw: &str) -> String {
    let mut normalized = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() || c == '_' {
                normalized.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() || INCLUDE_CHARACTERS.contains(&c) {
            if c.is_uppercase() {
                normalized.extend(c.to_lowercase());
            } else {
                normalized.push(c);
            }
        }
    }
    normalized
}

/// Pagefind's `stem_word`.
fn stem_word(normalized: &str, stemmer: Option<&Stemmer>, compound: bool) -> Found {
    let folded = fold_diacritics(normalized);
    let base = folded.as_deref().unwrap_or(normalized);
    let stemmed = match stemmer {
        Some(stemmer) => stemmer.stem(base).into_owned(),
        None => base.to_string(),
    };
    Found {
        stemmed,
        original: folded.map(|_| normalized.to_string()),
        compound,
    }
}

/// Pagefind's `normalize_diacritics`: `word` without its combining marks
/// (but the kana sound marks), when that differs.
fn fold_diacritics(word: &str) -> Option<String> {
    if word.is_ascii() || !has_decomposition(word) {
        return None;
    }
    let is_kana_mark = |c: char| matches!(c, '\u{3099}' | '\u{309A}');
    let stripped: String = word
        .nfd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c) || is_kana_mark(c))
        .collect();
    let folded = if stripped.chars().any(is_kana_mark) {
        stripped.nfc().collect::<String>()
    } else {
        stripped
    };
    (folded != word).then_some(folded)
}

/// Whether a character of `word` is a combining mark or decomposes.
fn has_decomposition(word: &str) -> bool {
    word.chars().any(|c| {
        // Below U+00C0 nothing decomposes or combines.
        c >= '\u{c0}'
            && (unicode_normalization::char::is_combining_mark(c) || {
                let mut decomposes = false;
                unicode_normalization::char::decompose_canonical(c, |part| {
                    decomposes = decomposes || part != c;
                });
                decomposes
            })
    })
}

/// Whether `c` is katakana (as ICU4X leaves it unsegmented).
fn is_katakana(c: char) -> bool {
    matches!(c as u32, 0x30A1..=0x30FA | 0x30FC..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F)
}

/// Pagefind's `katakana_suffixes`: for a katakana word, its suffixes.
fn katakana_suffixes(word: &str) -> Vec<&str> {
    let mut suffixes: Vec<&str> = Vec::new();
    if word.chars().count() < 3 || !word.chars().all(is_katakana) {
        return suffixes;
    }
    for (i, _) in word.char_indices().skip(1) {
        let rest = &word[i..];
        let suffix = match rest.char_indices().nth(MAX_KATAKANA_SUFFIX_CHARS) {
            Some((end, _)) => &rest[..end],
            None => rest,
        };
        if suffix.chars().count() >= 2 && !suffixes.contains(&suffix) {
            suffixes.push(suffix);
        }
    }
    suffixes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(raw: &str, lang: &str) -> Vec<(String, Option<String>, u8)> {
        body_words(raw, stemmer(lang).as_ref().map(|s| &s.1))
            .into_iter()
            .map(|w| {
                (
                    w.word.to_string(),
                    w.original.map(|o| o.to_string()),
                    w.weight,
                )
            })
            .collect()
    }

    fn plain(word: &str) -> (String, Option<String>, u8) {
        (word.to_string(), None, WEIGHT)
    }

    #[test]
    fn kazakh_words_are_lowercased_not_stemmed() {
        assert_eq!(words("Түшкіргенде,", "kk"), [plain("түшкіргенде")]);
        assert_eq!(words("«Еріктілер»", "kk")[0], plain("еріктілер"));
    }

    #[test]
    fn russian_words_are_stemmed_and_folded() {
        assert_eq!(words("подбородок.", "ru"), [plain("подбородок")]);
        assert_eq!(
            words("Волонтёры", "ru"),
            [(
                "волонтер".to_string(),
                Some("волонтёры".to_string()),
                WEIGHT
            )]
        );
    }

    #[test]
    fn compound_words_give_their_parts() {
        let found = words("бір-екі", "kk");
        assert_eq!(found[0], plain("бірекі"));
        assert_eq!(found[1], ("бір".to_string(), None, 12));
        assert_eq!(found[2], ("екі".to_string(), None, 12));
        // A part that is its word's start alone is no part.
        assert_eq!(words("Сөз,", "kk"), [plain("сөз")]);
    }

    #[test]
    fn tokens_are_split_at_every_white_space_character() {
        let spaces: String = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        let text = format!("a{spaces}б") + "\u{2000}ж x\u{200B}y\u{A0}\u{85}ё\u{3000}";
        assert_eq!(
            tokens(&text).collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
        // Characters that share a white-space character's first bytes.
        for c in [
            '\u{A1}', '\u{1681}', '\u{200B}', '\u{2030}', '\u{205E}', '\u{3001}', 'ж',
        ] {
            let text = format!(" {c}{c} ");
            assert_eq!(
                tokens(&text).collect::<Vec<_>>(),
                [&text[1..text.len() - 1]]
            );
        }
        // Each at every place of the eight bytes looked at together.
        for space in spaces.chars() {
            for before in 0..17 {
                let text = format!("{}{space}ә", "x".repeat(before));
                assert_eq!(
                    tokens(&text).collect::<Vec<_>>(),
                    text.split_whitespace().collect::<Vec<_>>(),
                    "{text:?}"
                );
            }
        }
        assert_eq!(tokens("").count(), 0);
        assert_eq!(tokens(" \n\t ").count(), 0);
    }

    #[test]
    fn every_character_is_white_space_or_not_as_rust_says() {
        // Within the first eight bytes after the first token's start, so
        // that the test of eight at once finds it.
        let mut text = [b'a'; 20];
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let len = c.encode_utf8(&mut text[5..]).len();
            text[5 + len..].fill(b'b');
            let expected = if c.is_whitespace() { len } else { 0 };
            assert_eq!(whitespace_len(&text, 5), expected, "{c:?}");
            let text = std::str::from_utf8(&text).unwrap();
            assert!(tokens(text).eq(text.split_whitespace()), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn tokens_are_those_of_split_whitespace(
            text in "(\\PC|\\s|[\u{0}-\u{20}]|\u{85}|\u{A0}|\u{A1}|\u{800}|\u{2000}|\u{2030}|\u{3000}|\u{3001}|жә){0,60}"
        ) {
            proptest::prop_assert_eq!(
                tokens(&text).collect::<Vec<_>>(),
                text.split_whitespace().collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn odd_input_gives_words_or_none_without_panicking() {
        for raw in [
            "",
            "...",
            "_",
            "\u{200B}",
            "🙂",
            "a🙂b",
            "ǅ",
            "ΣΣ",
            "x.",
            ".x_y",
            "ﾊﾝﾄﾞﾊﾝﾄﾞ",
            "e\u{301}\u{301}",
            &"ж".repeat(100_000),
            &".a_".repeat(1000),
        ] {
            let _ = words(raw, "ru");
            let _ = words(raw, "kk");
        }
        assert_eq!(words("🙂", "kk"), [("🙂".to_string(), None, WEIGHT)]);
        assert!(words("...", "kk").is_empty());
    }
}
