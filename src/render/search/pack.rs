//! How Pagefind packs and names its index files: gzip of `pagefind_dcd`
//! followed by the contents (the browser library checks that signature
//! once unpacked), and names from the SHA-1 of the unpacked contents, as
//! Pagefind writes it (each byte in hex without its leading zero), cut
//! short and lengthened only where two would collide.

use std::cell::RefCell;
use std::collections::HashSet;

use libdeflater::{CompressionLvl, Compressor};
use sha1::{Digest, Sha1};

/// What every unpacked index file starts with.
const SIGNATURE: &[u8] = b"pagefind_dcd";

/// The deflate level of every file. On the fragments (a page's text each:
/// most of the bytes), libdeflate's level 3 makes files about 2 % smaller
/// than zlib's level 3 in less than half the time, and a few per cent
/// larger than Pagefind's level 9; on the word index chunks, level 6 saves
/// 2.5 % of their bytes for 1.6 times the time (see the README, *The
/// search index*).
const LEVEL: i32 = 3;

thread_local! {
    /// Each thread's compressor (libdeflate allocates its matchfinder with
    /// it), and buffers for the signed contents and the packed file.
    static DEFLATE: RefCell<(Compressor, Vec<u8>, Vec<u8>)> = RefCell::new((
        Compressor::new(CompressionLvl::new(LEVEL).unwrap_or_default()),
        Vec::new(),
        Vec::new(),
    ));
}

/// `contents` packed as Pagefind packs index files.
pub fn gzip(contents: &[u8]) -> Vec<u8> {
    DEFLATE.with(|deflate| {
        let (compressor, signed, packed) = &mut *deflate.borrow_mut();
        signed.clear();
        signed.extend_from_slice(SIGNATURE);
        signed.extend_from_slice(contents);
        packed.resize(compressor.gzip_compress_bound(signed.len()), 0);
        // The buffer is as large as libdeflate says it may need; the file
        // is copied out of it at its own size, as thousands are kept.
        let len = compressor.gzip_compress(signed, packed).unwrap_or(0);
        packed.get(..len).unwrap_or_default().to_vec()
    })
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
        let packed = gzip("мәтін".as_bytes());
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
