//! QR codes as inline SVG, so a printed memo leads back to its page online.
//!
//! Every page gets one, so the code is made with a fixed mask pattern: an
//! encoder that picks the best of the eight masks scores each of them over
//! the whole matrix, which was about a tenth of a build without search.
//! Readers decode any mask (the mask is in the format information); the
//! penalty score only steers an encoder away from patterns that could
//! confuse a poor reader, and on URLs mask 7 is the one the score picks
//! most often anyway (about half of a synthetic corpus's addresses).
//!
//! Even so, making the codes (the Reed–Solomon codes, the drawing) was a
//! ninth of the instructions of a build without search: so the codes are
//! kept in the site's cache by their text, and a later build, a one-off or
//! not, reads them from there (see [`Codes`]).

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use foldhash::HashMap;
use qrcodegen::{Mask, QrCode, QrCodeEcc, QrSegment, Version};

use crate::lock;
use crate::write::Cache;

/// Light modules around the code, as the QR specification asks.
const QUIET_ZONE: usize = 4;

/// The mask pattern of every code (see the module's documentation).
const MASK: u8 = 7;

/// The name of the file of kept codes in the site's cache (`qr/`).
const FILE: &str = "codes";

/// The first line of the file of kept codes: it names how they were made,
/// so that codes made otherwise (another encoder, level or mask) are not
/// taken. Its entries follow, then a hash of all that precedes it.
const HEADER: &[u8] = b"aqparat QR codes 1: qrcodegen 1.8, level M or better, mask 7\n";

/// A QR code's modules: its side, and whether each module is dark, one bit
/// a module, row after row (the first module in a byte's highest bit).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Modules {
    size: u8,
    dark: Box<[u8]>,
}

impl Modules {
    /// The bytes of the modules of a code of side `size`; `None` for a side
    /// no QR code has (21 to 177, by fours).
    fn len(size: u8) -> Option<usize> {
        let size = usize::from(size);
        ((21..=177).contains(&size) && (size - 17) % 4 == 0).then(|| (size * size).div_ceil(8))
    }

    /// The modules of `code`.
    fn of(code: &QrCode) -> Modules {
        let size = code.size();
        let mut dark = vec![0u8; ((size * size) as usize).div_ceil(8)];
        for y in 0..size {
            for x in 0..size {
                if code.get_module(x, y) {
                    let i = (y * size + x) as usize;
                    dark[i / 8] |= 0x80 >> (i % 8);
                }
            }
        }
        Modules {
            // A code's side is at most 177.
            size: size as u8,
            dark: dark.into(),
        }
    }

    /// Whether the module at `x`, `y` is dark: what [`Modules::row`] reads
    /// many at a time, module by module, for the tests.
    #[cfg(test)]
    fn is_dark(&self, x: usize, y: usize) -> bool {
        let i = y * usize::from(self.size) + x;
        self.dark[i / 8] & (0x80 >> (i % 8)) != 0
    }

    /// The modules of row `y`, as the bits of three words from the
    /// highest down (a side is at most 177): column `x` is bit
    /// `63 - x % 64` of word `x / 64`; bits past the row's end are light.
    /// A row starts anywhere in a byte, so each word is read from the nine
    /// bytes that hold its 64 bits, as one number, and shifted.
    fn row(&self, y: usize) -> [u64; 3] {
        let size = usize::from(self.size);
        let mut row = [0u64; 3];
        for (i, word) in row.iter_mut().enumerate().take(size.div_ceil(64)) {
            let left = size - 64 * i;
            let at = y * size + 64 * i;
            let nine = (0..9).fold(0u128, |bits, k| {
                let byte = self.dark.get(at / 8 + k).copied().unwrap_or(0);
                bits << 8 | u128::from(byte)
            });
            // The nine bytes are the low 72 bits; the word's first module
            // is bit 71 - at % 8. The cast keeps the 64 bits from there.
            let bits = (nine >> (8 - at % 8)) as u64;
            *word = match left >= 64 {
                true => bits,
                false => bits & !(u64::MAX >> left),
            };
        }
        row
    }

    /// An inline SVG of the code on white, labelled `label` for screen
    /// readers: one path that strokes each row's dark runs along the row's
    /// middle, a module wide, each run placed relative to where the one
    /// before ended (`M4 4.5h7m1 0h4…m-33 1h1…`). That is half the bytes of
    /// a rectangle a run, on a page every resident downloads.
    fn svg(&self, label: &str) -> String {
        let size = usize::from(self.size);
        let side = size + 2 * QUIET_ZONE;
        let mut path = String::with_capacity(size * size);
        // Where the last run ended: its column and row.
        let mut pen: Option<(usize, usize)> = None;
        for y in 0..size {
            let row = self.row(y);
            let mut x = 0;
            while x < size {
                // Light modules, then dark ones, up to 64 at a time: looked
                // at one by one, they were most of the time of a code.
                let ahead = bits_from(&row, x);
                if ahead == 0 {
                    x += 64;
                    continue;
                }
                let start = x + ahead.leading_zeros() as usize;
                x = start;
                while x < size {
                    let dark = (!bits_from(&row, x)).leading_zeros() as usize;
                    x += dark;
                    if dark < 64 {
                        break;
                    }
                }
                // Written without the formatting machinery: a page's code
                // has a few hundred runs, every page has one.
                match pen {
                    None => {
                        path.push('M');
                        push_number(&mut path, start + QUIET_ZONE);
                        path.push(' ');
                        push_number(&mut path, y + QUIET_ZONE);
                        path.push_str(".5");
                    }
                    Some((end, row)) => {
                        path.push('m');
                        if start < end {
                            path.push('-');
                        }
                        push_number(&mut path, start.abs_diff(end));
                        path.push(' ');
                        push_number(&mut path, y - row);
                    }
                }
                path.push('h');
                push_number(&mut path, x - start);
                pen = Some((x, y));
            }
        }
        let label = super::xml::escape(label);
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
             role=\"img\" aria-label=\"{label}\" shape-rendering=\"crispEdges\">\
             <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
             <path stroke=\"#000\" d=\"{path}\"/></svg>"
        )
    }
}

/// The QR code of `text`: medium error correction or better, mask 7.
fn encode(text: &str) -> Option<Modules> {
    let segments = QrSegment::make_segments(text);
    // Medium error correction survives a worn or creased sheet and keeps
    // the code small enough to print at a scannable size; a higher level
    // is used when it fits in the same number of modules (`true`).
    let code = QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::MIN,
        Version::MAX,
        Some(Mask::new(MASK)),
        true,
    )
    .ok()?;
    Some(Modules::of(&code))
}

/// The 64 modules of `row` (see [`Modules::row`]) from column `x` on, from
/// the highest bit down; light past the row's end.
fn bits_from(row: &[u64; 3], x: usize) -> u64 {
    let word = |i: usize| row.get(i).copied().unwrap_or(0);
    let (i, shift) = (x / 64, x % 64);
    match shift {
        0 => word(i),
        _ => word(i) << shift | word(i + 1) >> (64 - shift),
    }
}

/// Appends `n` (from 0 to a code's side, at most 185) in decimal.
fn push_number(out: &mut String, n: usize) {
    if n >= 100 {
        out.push(char::from(b'0' + (n / 100 % 10) as u8));
    }
    if n >= 10 {
        out.push(char::from(b'0' + (n / 10 % 10) as u8));
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// A code kept from an earlier build, and whether this build used it.
struct Kept {
    modules: Modules,
    used: AtomicBool,
}

/// The QR codes of a build, or of a session's builds: those kept in the
/// site's cache (`.aqparat/cache/qr/codes`) by an earlier build, read when
/// the first is asked for, and those made since, which [`Codes::keep`]
/// adds to the cache. A file of the cache that cannot be read, or that
/// another version of aqparat wrote, is as no file: every code is made
/// again, and the file replaced.
pub struct Codes {
    cache: Option<Cache>,
    kept: OnceLock<HashMap<Box<str>, Kept>>,
    made: Mutex<HashMap<Box<str>, Modules>>,
    /// Whether a code was made since the cache was last written.
    unsaved: AtomicBool,
}

impl Codes {
    /// The codes of the site at `root`, kept in its cache.
    pub fn of_site(root: &Path) -> Codes {
        Codes::new(Some(Cache::new(root, "qr")))
    }

    /// Codes that `cache` keeps (none: each is made when asked for).
    fn new(cache: Option<Cache>) -> Codes {
        Codes {
            cache,
            kept: OnceLock::new(),
            made: Mutex::default(),
            unsaved: AtomicBool::new(false),
        }
    }

    /// An inline SVG of the QR code of `text`, labelled `label` for screen
    /// readers; `None` if `text` is too long for a QR code.
    pub fn svg(&self, text: &str, label: &str) -> Option<String> {
        if let Some(kept) = self.kept().get(text) {
            kept.used.store(true, Ordering::Relaxed);
            return Some(kept.modules.svg(label));
        }
        if let Some(made) = lock(&self.made).get(text) {
            return Some(made.svg(label));
        }
        let modules = encode(text)?;
        let svg = modules.svg(label);
        lock(&self.made).insert(text.into(), modules);
        self.unsaved.store(true, Ordering::Relaxed);
        Some(svg)
    }

    /// Writes the codes to the site's cache when some were made since it
    /// was read or last written: those it had and those made, or, when
    /// `every_page` was rendered, only the codes asked for (so that the
    /// codes of pages gone do not pile up).
    pub fn keep(&self, every_page: bool) {
        let Some(cache) = &self.cache else {
            return;
        };
        let made = lock(&self.made);
        let kept = self.kept.get();
        let unused = |k: &Kept| !k.used.load(Ordering::Relaxed);
        let prune = every_page && kept.is_some_and(|kept| kept.values().any(unused));
        if !self.unsaved.swap(false, Ordering::Relaxed) && !prune {
            return;
        }
        let kept = kept.into_iter().flatten();
        let kept = kept.filter(|(_, k)| !(every_page && unused(k)));
        let mut all: Vec<_> = kept.map(|(text, k)| (text, &k.modules)).collect();
        all.extend(made.iter());
        // In the order of their texts: the same codes, the same file.
        all.sort_unstable_by(|a, b| a.0.cmp(b.0));
        cache.keep(FILE, &serialise(all.into_iter()));
    }

    /// The codes of the cache, read the first time.
    fn kept(&self) -> &HashMap<Box<str>, Kept> {
        self.kept.get_or_init(|| {
            let file = self.cache.as_ref().and_then(|cache| cache.get(FILE));
            let bytes = file.and_then(|file| std::fs::read(file).ok());
            bytes.and_then(|bytes| parse(&bytes)).unwrap_or_default()
        })
    }
}

/// The file of `codes`: [`HEADER`], then for each code its text's length
/// (four bytes, little-endian), its text, its side (a byte) and its
/// modules; then the hash of all that.
fn serialise<'a>(codes: impl Iterator<Item = (&'a Box<str>, &'a Modules)>) -> Vec<u8> {
    let mut bytes = HEADER.to_vec();
    for (text, modules) in codes {
        // A code holds at most 2,953 bytes of text.
        bytes.extend_from_slice(&(text.len() as u32).to_le_bytes());
        bytes.extend_from_slice(text.as_bytes());
        bytes.push(modules.size);
        bytes.extend_from_slice(&modules.dark);
    }
    let hash = checksum(&bytes);
    bytes.extend_from_slice(&hash.to_le_bytes());
    bytes
}

/// The codes of a file [`serialise`] wrote; `None` if it is not one whole.
fn parse(bytes: &[u8]) -> Option<HashMap<Box<str>, Kept>> {
    let (body, hash) = bytes.split_last_chunk::<8>()?;
    if checksum(body) != u64::from_le_bytes(*hash) {
        return None;
    }
    let mut rest = body.strip_prefix(HEADER)?;
    let mut codes = HashMap::default();
    while !rest.is_empty() {
        let (len, after) = rest.split_first_chunk::<4>()?;
        let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
        let text = std::str::from_utf8(after.get(..len)?).ok()?;
        let (&size, after) = after[len..].split_first()?;
        let dark = after.get(..Modules::len(size)?)?;
        rest = &after[dark.len()..];
        let modules = Modules {
            size,
            dark: dark.into(),
        };
        let used = AtomicBool::new(false);
        codes.insert(text.into(), Kept { modules, used });
    }
    Some(codes)
}

/// The hash that ends the file of codes: foldhash's with a fixed seed (a
/// file written by a version of it that hashes otherwise is made again).
fn checksum(bytes: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    foldhash::quality::FixedState::with_seed(0x5152_636f_6465_7321).hash_one(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    /// The SVG of the code of `text`, made without a cache.
    fn svg(text: &str, label: &str) -> Option<String> {
        Codes::new(None).svg(text, label)
    }

    #[test]
    fn a_url_gives_a_square_code_with_a_quiet_zone() {
        let svg = svg("https://example.kz/kk/rules/quarantine/", "QR <код>").unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("aria-label=\"QR &lt;код&gt;\""));
        // A 39-byte URL at level M is version 3: 29 modules, plus 2 × 4.
        assert!(svg.contains("viewBox=\"0 0 37 37\""), "{svg}");
        // The top-left finder pattern starts with a run of 7 dark modules,
        // stroked along the middle of its row.
        assert!(svg.contains("d=\"M4 4.5h7m"), "{svg}");
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 100, 185] {
            let mut out = String::new();
            push_number(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }

    #[test]
    fn text_too_long_for_a_code_gives_none() {
        assert!(svg(&"x".repeat(5000), "").is_none());
    }

    #[test]
    fn the_same_text_gives_the_same_svg() {
        let url = "https://example.kz/ru/новости/2026/";
        assert_eq!(svg(url, "QR"), svg(url, "QR"));
    }

    /// The side of the SVG's code and its modules, quiet zone included,
    /// read back from its path: strokes along rows' middles (`M`/`m` moves,
    /// `h` runs: the commands `svg` writes, read as SVG reads them). The
    /// integration and browser tests draw the same SVG with resvg and
    /// Chromium.
    fn read_modules(svg: &str) -> (usize, Vec<bool>) {
        let side: usize = svg
            .split("viewBox=\"0 0 ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .unwrap()
            .parse()
            .unwrap();
        let path = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut dark = vec![false; side * side];
        let (mut x, mut y) = (0.0_f64, 0.0_f64);
        let mut rest = path;
        while let Some(command) = rest.chars().next() {
            let end = rest[1..]
                .find(['M', 'm', 'h'])
                .map_or(rest.len(), |i| i + 1);
            let numbers: Vec<f64> = rest[1..end]
                .split(' ')
                .map(|n| n.parse().unwrap())
                .collect();
            match (command, numbers.as_slice()) {
                ('M', &[to_x, to_y]) => (x, y) = (to_x, to_y),
                ('m', &[dx, dy]) => (x, y) = (x + dx, y + dy),
                ('h', &[run]) => {
                    // A stroke a module wide along the middle of row y - 0.5.
                    assert_eq!(y.fract(), 0.5, "{path}");
                    let (row, from) = (y.floor() as usize, x as usize);
                    for cell in &mut dark[row * side + from..row * side + from + run as usize] {
                        *cell = true;
                    }
                    x += run;
                }
                other => panic!("unexpected {other:?} in {path}"),
            }
            rest = &rest[end..];
        }
        (side, dark)
    }

    /// The text of the SVG's code, read back and decoded by an independent
    /// decoder.
    fn decode(svg: &str) -> String {
        let (side, dark) = read_modules(svg);
        // Three pixels a module: rqrr's grid detection wants some room.
        let scale = 3;
        let mut image =
            rqrr::PreparedImage::prepare_from_greyscale(side * scale, side * scale, |x, y| {
                if dark[(y / scale) * side + x / scale] {
                    0
                } else {
                    255
                }
            });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code in {svg}");
        grids[0].decode().unwrap().1
    }

    #[test]
    fn codes_of_urls_of_many_lengths_decode_to_their_url() {
        // From version 2 to version 10 or so, Latin and Cyrillic (UTF-8).
        for n in 0..60 {
            let url = format!(
                "https://bench.example/kk/g{:02}/s{:03}/page-{:05}/{}",
                n % 10,
                n * 7,
                n * 131,
                "ақпарат-".repeat(n / 4)
            );
            let svg = svg(&url, "QR").unwrap();
            assert_eq!(decode(&svg), url);
            // Module for module the code made (a decoder corrects errors).
            let code = encode(&url).unwrap();
            let (side, dark) = read_modules(&svg);
            let size = usize::from(code.size);
            assert_eq!(side, size + 2 * QUIET_ZONE);
            let inside = QUIET_ZONE..QUIET_ZONE + size;
            for (i, &is_dark) in dark.iter().enumerate() {
                let (x, y) = (i % side, i / side);
                let made = inside.contains(&x)
                    && inside.contains(&y)
                    && code.is_dark(x - QUIET_ZONE, y - QUIET_ZONE);
                assert_eq!(is_dark, made, "{url}: module {x}, {y}");
            }
        }
    }

    /// The texts of the codes in the file `root`'s cache keeps, sorted;
    /// `None` without a whole file.
    fn kept_texts(root: &Path) -> Option<Vec<String>> {
        let file = Cache::new(root, "qr").get(FILE)?;
        let codes = parse(&std::fs::read(file).ok()?)?;
        let mut texts: Vec<String> = codes.keys().map(|text| text.to_string()).collect();
        texts.sort();
        Some(texts)
    }

    #[test]
    fn a_later_build_takes_the_kept_codes_and_makes_none() {
        let root = tempfile::tempdir().unwrap();
        let (a, b) = ("https://example.kz/kk/a/", "https://example.kz/ru/б/");
        let first = Codes::of_site(root.path());
        let svgs = [first.svg(a, "QR"), first.svg(b, "QR")];
        first.keep(true);
        assert_eq!(kept_texts(root.path()).unwrap(), [a, b]);
        let later = Codes::of_site(root.path());
        assert_eq!([later.svg(a, "QR"), later.svg(b, "QR")], svgs);
        assert!(lock(&later.made).is_empty(), "nothing made again");
        assert_eq!(svgs[0], svg(a, "QR"), "as made without a cache");
    }

    #[test]
    fn a_damaged_or_foreign_file_is_as_none_and_is_replaced() {
        let root = tempfile::tempdir().unwrap();
        let url = "https://example.kz/kk/a/";
        let first = Codes::of_site(root.path());
        let made = first.svg(url, "QR");
        first.keep(true);
        let file = Cache::new(root.path(), "qr").get(FILE).unwrap();
        let whole = std::fs::read(&file).unwrap();
        let mut flipped = whole.clone();
        flipped[HEADER.len() + 10] ^= 0x20;
        let foreign = [b"aqparat QR codes 0\n", &whole[HEADER.len()..]].concat();
        for damaged in [
            flipped,
            whole[..whole.len() - 1].to_vec(),
            foreign,
            Vec::new(),
        ] {
            std::fs::write(&file, &damaged).unwrap();
            let later = Codes::of_site(root.path());
            assert_eq!(later.svg(url, "QR"), made);
            assert_eq!(lock(&later.made).len(), 1, "made again");
            later.keep(false);
            assert_eq!(std::fs::read(&file).unwrap(), whole, "replaced");
        }
    }

    #[test]
    fn only_a_build_of_every_page_drops_the_codes_it_did_not_ask_for() {
        let root = tempfile::tempdir().unwrap();
        let (a, b) = ("https://example.kz/kk/a/", "https://example.kz/kk/b/");
        let first = Codes::of_site(root.path());
        first.svg(a, "QR");
        first.svg(b, "QR");
        first.keep(true);
        // An edit's build asks for the codes of the few pages it renders.
        let edit = Codes::of_site(root.path());
        edit.svg(a, "QR");
        edit.keep(false);
        assert_eq!(kept_texts(root.path()).unwrap(), [a, b]);
        let every = Codes::of_site(root.path());
        every.svg(a, "QR");
        every.keep(true);
        assert_eq!(kept_texts(root.path()).unwrap(), [a]);
    }

    proptest::proptest! {
        /// The SVG of any modules, of any side a code has, strokes every
        /// dark module and no light one, each run of dark modules in one
        /// stroke: runs across the bytes of a row, rows whose bits start
        /// inside a byte, whole rows dark or light (the modules are drawn
        /// as runs of bytes, up to 320 modules long).
        #[test]
        fn the_svg_strokes_exactly_the_dark_modules(
            modules in (0u8..40).prop_flat_map(|version| {
                let size = 21 + 4 * version;
                let byte = proptest::prop_oneof![
                    proptest::strategy::Just(0u8),
                    proptest::strategy::Just(0xFF),
                    proptest::arbitrary::any::<u8>(),
                ];
                let len = Modules::len(size).unwrap();
                proptest::collection::vec((byte, 1usize..=40), 1..200).prop_map(move |runs| {
                    let mut dark: Vec<u8> = runs
                        .into_iter()
                        .flat_map(|(byte, n)| std::iter::repeat_n(byte, n))
                        .collect();
                    dark.resize(len, 0);
                    Modules { size, dark: dark.into() }
                })
            })
        ) {
            let svg = modules.svg("QR");
            // A run split in two would move by nothing between its parts.
            proptest::prop_assert!(!svg.contains("m0 0h"), "{}", svg);
            let (side, dark) = read_modules(&svg);
            let size = usize::from(modules.size);
            proptest::prop_assert_eq!(side, size + 2 * QUIET_ZONE);
            for (i, &stroked) in dark.iter().enumerate() {
                let (x, y) = (i % side, i / side);
                let inside = QUIET_ZONE..QUIET_ZONE + size;
                let is_dark = inside.contains(&x)
                    && inside.contains(&y)
                    && modules.is_dark(x - QUIET_ZONE, y - QUIET_ZONE);
                proptest::prop_assert_eq!(stroked, is_dark, "module {}, {}", x, y);
            }
        }

        /// Any bytes in the cache's file are read without a panic, and
        /// whatever codes the file gives are whole.
        #[test]
        fn any_file_is_read_without_a_panic(bytes in proptest::collection::vec(0u8..=255, 0..400)) {
            for file in [bytes.clone(), [HEADER, &bytes].concat()] {
                for modules in parse(&file).into_iter().flat_map(|codes| codes.into_values()) {
                    let modules = modules.modules;
                    proptest::prop_assert_eq!(Some(modules.dark.len()), Modules::len(modules.size));
                }
            }
        }

        /// What is kept is read back as it was.
        #[test]
        fn kept_codes_are_read_back(texts in proptest::collection::vec(".{0,40}", 0..6)) {
            let made: Vec<(Box<str>, Modules)> = texts
                .iter()
                .filter_map(|text| Some((text.as_str().into(), encode(text)?)))
                .collect();
            let file = serialise(made.iter().map(|(text, modules)| (text, modules)));
            let read = parse(&file).unwrap();
            for (text, modules) in &made {
                proptest::prop_assert_eq!(&read[text].modules, modules);
            }
            proptest::prop_assert_eq!(read.len(), made.iter().map(|(t, _)| t).collect::<std::collections::HashSet<_>>().len());
        }
    }
}
