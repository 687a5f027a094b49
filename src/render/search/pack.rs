//! How Pagefind packs and names its index files: gzip of `pagefind_dcd`
//! followed by the contents (the browser library checks that signature
//! once unpacked), and names from the SHA-1 of the unpacked contents, as
//! Pagefind writes it (each byte in hex without its leading zero), cut
//! short and lengthened only where two would collide. A packed file can
//! be kept in the site's cache (see [`gzip_kept`]).

use std::cell::RefCell;
use std::collections::HashSet;

use bytes::Bytes;
use libdeflater::{CompressionLvl, Compressor};
use sha1::{Digest, Sha1};

use super::arena::Arena;
use crate::write::Cache;

/// What every unpacked index file starts with.
const SIGNATURE: &[u8] = b"pagefind_dcd";

/// How hard a file is packed: libdeflate's level for it.
#[derive(Clone, Copy)]
pub enum Packing {
    /// A page's fragment, level 1. Fragments are most of the bytes to
    /// pack (a page's text each), and a search fetches only those of the
    /// results it shows: on the fragments of the 20,000-page corpus,
    /// level 1 is 10 % larger than level 3 (44.4 against 40.4 MB, about
    /// 0.2 KB a fragment) and saves about a tenth of the build's time with
    /// the index.
    Fragment,
    /// A word index chunk or the metadata, level 3: every search fetches
    /// the metadata and a chunk per word, so their size matters more than
    /// the little time they take. Level 3 makes files about 2 % smaller
    /// than zlib's level 3 in less than half the time, and a few per cent
    /// larger than Pagefind's level 9; level 6 would save 2.5 % of the
    /// chunks' bytes for 1.6 times the time (see the README, *The search
    /// index*).
    Index,
}

impl Packing {
    fn level(self) -> i32 {
        match self {
            Packing::Fragment => 1,
            Packing::Index => 3,
        }
    }
}

/// A thread's compressors (libdeflate allocates its matchfinder with
/// each), one per [`Packing`], and buffers for the signed contents and the
/// packed file.
struct Deflate {
    fragment: Compressor,
    index: Compressor,
    signed: Vec<u8>,
    packed: Vec<u8>,
}

thread_local! {
    static DEFLATE: RefCell<Deflate> = RefCell::new(Deflate {
        fragment: compressor(Packing::Fragment),
        index: compressor(Packing::Index),
        signed: Vec::new(),
        packed: Vec::new(),
    });
}

/// A compressor for `packing`.
fn compressor(packing: Packing) -> Compressor {
    Compressor::new(CompressionLvl::new(packing.level()).unwrap_or_default())
}

/// `contents` packed as Pagefind packs index files, as hard as `packing`
/// says, kept in this thread's chunk of files (see [`Arena`]).
pub fn gzip(contents: &[u8], packing: Packing) -> Bytes {
    DEFLATE.with(|deflate| {
        let deflate = &mut *deflate.borrow_mut();
        let compressor = match packing {
            Packing::Fragment => &mut deflate.fragment,
            Packing::Index => &mut deflate.index,
        };
        let (signed, packed) = (&mut deflate.signed, &mut deflate.packed);
        signed.clear();
        signed.extend_from_slice(SIGNATURE);
        signed.extend_from_slice(contents);
        packed.resize(compressor.gzip_compress_bound(signed.len()), 0);
        // The buffer is as large as libdeflate says it may need; the file
        // is copied out of it at its own size, as thousands are kept.
        let len = compressor.gzip_compress(signed, packed).unwrap_or(0);
        Arena::Files.keep(packed.get(..len).unwrap_or_default())
    })
}

/// [`gzip`] of `contents`, whose [`full_hash`] is `hash`, taken from
/// `cache` when a build before packed the same contents as hard, else
/// packed and kept there. The kept file ends with the CRC-32 of the
/// packed bytes before it. A file is taken only when that holds and the
/// gzip member's own trailer gives the CRC-32 and length of the signature
/// and `contents`: a damaged file (cut short, a byte changed) or another
/// contents' is packed and kept again. Those checks cost little next to
/// packing; unpacking the file to compare would cost a quarter of it.
pub fn gzip_kept(contents: &[u8], hash: &str, packing: Packing, cache: Option<&Cache>) -> Bytes {
    let Some(cache) = cache else {
        return gzip(contents, packing);
    };
    let name = kept_name(packing, hash);
    let limit = DEFLATE.with(|deflate| {
        let signed = SIGNATURE.len() + contents.len();
        deflate.borrow_mut().index.gzip_compress_bound(signed) + 4
    });
    let kept = cache.read(&name, limit as u64);
    if let Some(packed) = kept.and_then(|kept| checked(kept, contents)) {
        // Into the arena too: a session's indexer keeps its fragments.
        return Arena::Files.keep(&packed);
    }
    let packed = gzip(contents, packing);
    let crc = libdeflater::crc32(&packed).to_le_bytes();
    cache.keep_checked(&name, &[&packed[..], &crc].concat());
    packed
}

/// How the names of kept files end (see [`kept_name`]).
const KEPT: &str = ".packed";

/// The name of the file [`gzip_kept`] keeps for contents whose
/// [`full_hash`] is `hash`, packed as `packing` says: `LEVEL-HASH.packed`.
fn kept_name(packing: Packing, hash: &str) -> String {
    format!("{}-{hash}{KEPT}", packing.level())
}

/// Whether `name` is that of a file [`gzip_kept`] keeps: a level, a dash,
/// a [`full_hash`] (lowercase hex, at most 40 digits), then `.packed`.
pub fn is_kept_name(name: &str) -> bool {
    let Some((level, hash)) = name.strip_suffix(KEPT).and_then(|n| n.split_once('-')) else {
        return false;
    };
    // Fragments were kept so until pages were kept tokenised (see
    // `page_cache`): those files go as unused ones.
    let levels = [Packing::Fragment, Packing::Index].map(|p| p.level().to_string());
    levels.iter().any(|l| l == level) && (1..=40).contains(&hash.len()) && is_hex(hash)
}

/// Whether `text` is all lowercase hexadecimal digits, as hashes are
/// written in file names.
pub fn is_hex(text: &str) -> bool {
    text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The packed file kept in `kept` (see [`gzip_kept`]), if it is whole
/// and packs the signature and `contents`.
fn checked(mut kept: Vec<u8>, contents: &[u8]) -> Option<Vec<u8>> {
    let len = kept.len().checked_sub(4)?;
    let crc = u32::from_le_bytes(kept.get(len..)?.try_into().ok()?);
    kept.truncate(len);
    if libdeflater::crc32(&kept) != crc {
        return None;
    }
    // A gzip member: a header of at least 10 bytes from its magic number
    // and method, and a trailer of the CRC-32 and length it unpacks to.
    let trailer = len.checked_sub(8).filter(|&at| at >= 10)?;
    let mut unpacked = libdeflater::Crc::new();
    unpacked.update(SIGNATURE);
    unpacked.update(contents);
    let size = u32::try_from(SIGNATURE.len() + contents.len()).ok()?;
    let expected = [unpacked.sum().to_le_bytes(), size.to_le_bytes()].concat();
    let whole = kept.starts_with(&[0x1f, 0x8b, 0x08]) && kept.get(trailer..)? == expected;
    whole.then_some(kept)
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
        for packing in [Packing::Fragment, Packing::Index] {
            let packed = gzip("мәтін".as_bytes(), packing);
            let mut unpacked = Vec::new();
            flate2::read::GzDecoder::new(&packed[..])
                .read_to_end(&mut unpacked)
                .unwrap();
            assert_eq!(unpacked, "pagefind_dcdмәтін".as_bytes());
        }
    }

    /// `unpacked` packed by flate2 at level 9: another packing than ours.
    fn packed_by_flate2(unpacked: &[u8]) -> Vec<u8> {
        use std::io::Write as _;
        let mut packer = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        packer.write_all(unpacked).unwrap();
        packer.finish().unwrap()
    }

    /// `packed` as [`gzip_kept`] keeps it: followed by its CRC-32.
    fn as_kept(packed: &[u8]) -> Vec<u8> {
        [packed, &libdeflater::crc32(packed).to_le_bytes()].concat()
    }

    #[test]
    fn a_kept_file_is_taken_only_when_it_is_whole_and_packs_the_contents() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::new(root.path(), "search");
        let contents = "Карантин кезінде үйде болыңыз. ".repeat(40);
        let contents = contents.as_bytes();
        let hash = full_hash(contents);
        let packed = gzip_kept(contents, &hash, Packing::Fragment, Some(&cache));
        assert_eq!(&packed[..], &gzip(contents, Packing::Fragment)[..]);
        let name = format!("1-{hash}.packed");
        let kept = cache.read(&name, 1 << 20).unwrap();
        assert_eq!(kept, as_kept(&packed));
        // Another packing of the same contents is taken as it is: proof
        // that the kept file, not a new packing, is given.
        let path = root.path().join(".aqparat/cache/search").join(&name);
        let other = packed_by_flate2(&[SIGNATURE, contents].concat());
        assert_ne!(other, &packed[..]);
        std::fs::write(&path, as_kept(&other)).unwrap();
        let taken = gzip_kept(contents, &hash, Packing::Fragment, Some(&cache));
        assert_eq!(&taken[..], &other[..]);
        // At the other level, it is another file.
        let index = gzip_kept(contents, &hash, Packing::Index, Some(&cache));
        assert_eq!(&index[..], &gzip(contents, Packing::Index)[..]);
        let name_3 = format!("3-{hash}.packed");
        assert_eq!(cache.read(&name_3, 1 << 20).unwrap(), as_kept(&index));
        // Both are named as kept files, for pruning.
        assert!(is_kept_name(&name) && is_kept_name(&name_3));
        // A damaged file, or another contents' whole one, is not taken:
        // packed again, and kept whole again.
        let mut flipped = kept.clone();
        flipped[kept.len() / 2] ^= 0x20;
        let damaged = [
            kept[..kept.len() / 2].to_vec(),
            flipped,
            [&kept[..], b"more"].concat(),
            kept[..3].to_vec(),
            Vec::new(),
            // The CRC-32 of nothing is 0.
            vec![0; 4],
            as_kept(&gzip(b"another page", Packing::Fragment)),
            as_kept(&packed_by_flate2(contents)),
            as_kept(&[0; 100]),
            vec![0; 100_000],
        ];
        for bytes in damaged {
            std::fs::write(&path, &bytes).unwrap();
            let again = gzip_kept(contents, &hash, Packing::Fragment, Some(&cache));
            assert_eq!(again, packed);
            assert_eq!(cache.read(&name, 1 << 20).unwrap(), kept);
        }
    }

    #[test]
    fn only_the_names_of_kept_files_are_taken_for_them() {
        let longest = format!("3-{}.packed", "f".repeat(40));
        for name in ["1-da39a3e.packed", "3-0f.packed", &longest] {
            assert!(is_kept_name(name), "{name}");
        }
        let others = [
            "1-.packed",
            "2-da39.packed",
            "1-DA39.packed",
            "1-da39",
            "1-da39.packed.tmp",
            "1-da39.packed~",
            "x1-da39.packed",
            "1-da-39.packed",
            &format!("1-{}.packed", "f".repeat(41)),
            "notes.txt",
            ".gitignore",
            "",
        ];
        for name in others {
            assert!(!is_kept_name(name), "{name}");
        }
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
