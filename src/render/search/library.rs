//! Pagefind's browser library, version 1.6.0, as Pagefind writes it to a
//! site (`src/render/search/library/`, MIT licence): `pagefind.js` (its
//! search API, minified), the worker, and the wasm that decodes the index
//! and ranks results, the generic one and the one that stems Russian
//! queries; and the entry file that lists the language indexes. The
//! theme's `search.js` imports `pagefind.js` on the first search.
//!
//! The files are Pagefind's own, byte for byte (a test compares them with
//! what the `pagefind` crate writes), so residents' search runs Pagefind's
//! code on an index in Pagefind's format.

use std::collections::BTreeMap;

use serde::Serialize;

use super::words::INCLUDE_CHARACTERS;
use super::writer::{LanguageIndex, VERSION};

/// The library's files that every index has, by name.
pub const FILES: [(&str, &[u8]); 3] = [
    ("pagefind.js", include_bytes!("library/pagefind.js")),
    (
        "pagefind-worker.js",
        include_bytes!("library/pagefind-worker.js"),
    ),
    (
        "wasm.unknown.pagefind",
        include_bytes!("library/wasm.unknown.pagefind"),
    ),
];

/// The wasm for a language that Pagefind stems (its base code before `-`):
/// the one for Russian. Its `wasm.{lang}.pagefind` stems queries as
/// [`super::words::stemmer`] stems the index.
pub fn wasm(lang: &str) -> Option<&'static [u8]> {
    match lang.split('-').next() {
        Some("ru") => Some(include_bytes!("library/wasm.ru.pagefind")),
        _ => None,
    }
}

/// Pagefind's entry file.
#[derive(Serialize)]
struct Entry<'a> {
    version: &'static str,
    languages: BTreeMap<&'a str, EntryLanguage<'a>>,
    include_characters: [char; 10],
}

/// A language in Pagefind's entry file.
#[derive(Serialize)]
struct EntryLanguage<'a> {
    hash: &'a str,
    wasm: Option<&'a str>,
    page_count: usize,
}

/// `pagefind-entry.json` for `indexes`: the name of each language's
/// metadata file, its wasm and page count.
pub fn entry(indexes: &[LanguageIndex]) -> Vec<u8> {
    let entry = Entry {
        version: VERSION,
        languages: indexes
            .iter()
            .map(|index| {
                (
                    index.lang.as_str(),
                    EntryLanguage {
                        hash: &index.meta_hash,
                        wasm: wasm(&index.lang).map(|_| index.lang.as_str()),
                        page_count: index.pages,
                    },
                )
            })
            .collect(),
        include_characters: INCLUDE_CHARACTERS,
    };
    serde_json::to_vec(&entry).unwrap_or_default()
}
