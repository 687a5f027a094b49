//! How Pagefind packs and names its index files: gzip of `pagefind_dcd`
//! followed by the contents (the browser library checks that signature
//! once unpacked), and names from the SHA-1 of the unpacked contents, as
//! Pagefind writes it (each byte in hex without its leading zero), cut
//! short and lengthened only where two would collide.

use std::collections::HashSet;
use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;
use sha1::{Digest, Sha1};

/// What every unpacked index file starts with.
const SIGNATURE: &[u8] = b"pagefind_dcd";

/// The deflate level of the fragments (a page's text each: most of the
/// bytes). With zlib-rs, level 3 is a few per cent larger than Pagefind's
/// level 9 and several times as fast.
pub const FRAGMENT_LEVEL: u32 = 3;

/// The deflate level of the metadata and word index chunks: level 9 took
/// 20 times as long on the chunks for 2.5 % fewer bytes.
pub const INDEX_LEVEL: u32 = 3;

/// `contents` packed as Pagefind packs index files, with deflate `level`.
pub fn gzip(contents: &[u8], level: u32) -> Vec<u8> {
    let mut gz = GzEncoder::new(
        Vec::with_capacity(contents.len() / 3 + 64),
        Compression::new(level),
    );
    // Writing to a Vec does not fail.
    let written = gz
        .write_all(SIGNATURE)
        .and_then(|()| gz.write_all(contents));
    written.and_then(|()| gz.finish()).unwrap_or_default()
}

/// Pagefind's hash of `contents`: the SHA-1 with each byte in hex, without
/// its leading zero.
pub fn full_hash(contents: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut hash = String::with_capacity(40);
    for byte in Sha1::digest(contents) {
        let _ = write!(hash, "{byte:x}");
    }
    hash
}

/// The names Pagefind gives files of one language: `{lang}_{hash}` cut to
/// `lang.len() + 8` characters, one character longer for each name already
/// taken.
#[derive(Default)]
pub struct Names {
    taken: HashSet<String>,
}

impl Names {
    /// The name of a file whose [`full_hash`] is `hash`, in language `lang`.
    pub fn name(&mut self, lang: &str, hash: &str) -> String {
        let full = format!("{lang}_{hash}");
        let mut len = lang.len() + 8;
        loop {
            let name = full.get(..len).unwrap_or(&full);
            if !self.taken.contains(name) {
                self.taken.insert(name.to_string());
                return name.to_string();
            }
            if len >= full.len() {
                // The same contents twice: Pagefind would loop; a number
                // makes the name unique.
                let mut n = 2;
                while self.taken.contains(&format!("{full}_{n}")) {
                    n += 1;
                }
                let name = format!("{full}_{n}");
                self.taken.insert(name.clone());
                return name;
            }
            len += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn packed_files_unpack_to_the_signature_and_contents() {
        let packed = gzip("мәтін".as_bytes(), FRAGMENT_LEVEL);
        let mut unpacked = Vec::new();
        flate2::read::GzDecoder::new(&packed[..])
            .read_to_end(&mut unpacked)
            .unwrap();
        assert_eq!(unpacked, "pagefind_dcdмәтін".as_bytes());
    }

    #[test]
    fn hashes_drop_leading_zeros_as_pagefind_does() {
        // SHA-1 of "" is da39a3ee5e6b4b0d3255bfef95601890afd80709.
        assert_eq!(full_hash(b""), "da39a3ee5e6b4bd3255bfef95601890afd879");
    }

    #[test]
    fn colliding_names_grow_until_unique() {
        let mut names = Names::default();
        assert_eq!(names.name("kk", "0123456789"), "kk_0123456");
        assert_eq!(names.name("kk", "0123456789"), "kk_01234567");
        assert_eq!(names.name("kk", "012"), "kk_012");
        assert_eq!(names.name("kk", "012"), "kk_012_2");
        assert_eq!(names.name("kk", "012"), "kk_012_3");
    }
}
