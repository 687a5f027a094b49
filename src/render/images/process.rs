//! Responsive images: a source image (beside its page, or a static file)
//! is *probed* once (the hash of its bytes, its format and size), then
//! made into *variants*: resized to the widths of [`WIDTHS`] up to its own
//! (never larger), in its own format and in WebP.
//!
//! Variants are named after the hash of the source's bytes, their width
//! and format (`images/<hash>-<width>.<ext>`), so a browser or a CDN may
//! keep them for ever. Each is kept in the site's image cache (see
//! [`Cache`]) under the same name: a later build, in the same process or
//! not, takes it from there and encodes nothing it encoded before.
//! Probes are kept in the process too (by file, size and time), for the
//! builds of `serve` and `watch`.

use std::collections::HashMap;
use std::fs;
use std::hash::Hasher;
use std::io::{self, Cursor};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

use fast_image_resize::images::Image;
use fast_image_resize::{PixelType, ResizeOptions, Resizer};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{DynamicImage, ExtendedColorType, ImageDecoder, ImageEncoder, ImageReader, Limits};

use crate::load::FileSource;
use crate::write::{Cache, UnitOutput};

/// The widths made of an image wider than them. A 360 px phone takes the
/// first (or, at twice the pixels, the second); the default theme's
/// column is 44rem wide (704 px, 1408 at twice the pixels).
pub const WIDTHS: [u32; 4] = [360, 720, 1080, 1440];

/// The folder of the variants in the output.
pub const OUTPUT_DIR: &str = "images";

/// JPEG quality (libjpeg's scale): no visible loss on photos at a third of
/// a phone camera's bytes.
const JPEG_QUALITY: u8 = 80;

/// WebP quality (libwebp's scale, its own default).
const WEBP_QUALITY: f32 = 75.0;

/// The most pixels (width × height) of an image aqparat decodes: twice
/// the 48–50 megapixels of a phone camera's largest ordinary photo. An
/// image's pixels are all in memory while it is resized, 3 or 4 bytes each
/// and as much again while converted: 100 megapixels are 0.6–0.8 GB. A
/// PNG of one colour packs far more pixels in a few hundred kilobytes.
pub const MAX_PIXELS: u64 = 100_000_000;

/// The longest side of an image aqparat decodes: JPEG's largest, longer
/// than any panorama a phone stitches.
pub const MAX_SIDE: u32 = 65_535;

/// The tallest a variant may be: the longest side libwebp encodes. An image
/// taller than this once resized to its widest variant (see
/// [`tallest_variant`]) cannot be made in WebP; a panorama, however wide,
/// is short once 1440 pixels wide.
pub const MAX_VARIANT_HEIGHT: u32 = 16_383;

/// The most bytes a decoder may allocate: [`MAX_PIXELS`] at 8 bytes a
/// pixel (16-bit RGBA, the widest these decoders give).
const MAX_DECODED_BYTES: u64 = MAX_PIXELS * 8;

/// Changed with what the variants are made of (widths, qualities,
/// encoders), so that variants made otherwise get other names.
const RECIPE: &[u8] = b"aqparat images 1: 360 720 1080 1440, jpeg 80, webp 75, lanczos3";

/// An image format aqparat publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JPEG: resized, and WebP beside it.
    Jpeg,
    /// PNG: resized, and WebP beside it.
    Png,
    /// WebP: resized.
    WebP,
    /// GIF (perhaps animated): copied as it is.
    Gif,
    /// SVG (scales by itself): copied as it is.
    Svg,
}

impl Format {
    /// The format of a file named `name`, by its extension.
    pub fn of_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "jpg" | "jpeg" => Format::Jpeg,
            "png" => Format::Png,
            "webp" => Format::WebP,
            "gif" => Format::Gif,
            "svg" => Format::Svg,
            _ => return None,
        })
    }

    /// The extension of its files.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::WebP => "webp",
            Format::Gif => "gif",
            Format::Svg => "svg",
        }
    }

    /// Whether its images are resized (else copied as they are).
    fn is_resized(self) -> bool {
        matches!(self, Format::Jpeg | Format::Png | Format::WebP)
    }
}

/// What a build knows of a source image before making its variants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// The hash of its bytes (and of [`RECIPE`]).
    pub hash: u64,
    /// Its format, from its bytes when resized, else from its name.
    pub format: Format,
    /// Its width and height as shown (after its EXIF orientation); none
    /// for an image copied as it is.
    pub size: Option<(u32, u32)>,
}

/// Why a source image is not made into variants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// It cannot be read or decoded: why (what the decoder said).
    Unreadable(String),
    /// Its header says it is larger than [`fits`] allows: its width and
    /// height, as stored.
    TooLarge {
        /// Its width in pixels.
        width: u32,
        /// Its height in pixels.
        height: u32,
    },
}

impl From<String> for Refusal {
    fn from(reason: String) -> Refusal {
        Refusal::Unreadable(reason)
    }
}

/// The height of the widest variant of an image of `width` × `height`
/// pixels (rounded as [`Probe::variants`] rounds); `width` is not 0.
fn tallest_variant(width: u32, height: u32) -> u64 {
    let widest = u64::from(width.min(WIDTHS[WIDTHS.len() - 1]));
    (u64::from(height) * widest + u64::from(width) / 2) / u64::from(width)
}

/// Whether an image of `width` × `height` pixels is one aqparat decodes
/// and makes variants of (an empty one is left to the decoder's error).
pub fn fits(width: u32, height: u32) -> bool {
    width == 0
        || height == 0
        || (width <= MAX_SIDE
            && height <= MAX_SIDE
            && u64::from(width) * u64::from(height) <= MAX_PIXELS
            && tallest_variant(width, height) <= u64::from(MAX_VARIANT_HEIGHT))
}

/// The limits of the decoders: [`MAX_SIDE`] and [`MAX_DECODED_BYTES`].
/// [`decoder`] checks the sides itself first, to say what they are.
fn limits(sides: bool) -> Limits {
    let mut limits = Limits::default();
    if sides {
        limits.max_image_width = Some(MAX_SIDE);
        limits.max_image_height = Some(MAX_SIDE);
    }
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    limits
}

/// One file made of a source image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Variant {
    /// Its width in pixels (none: the source as it is).
    pub width: Option<u32>,
    /// Its height in pixels.
    pub height: Option<u32>,
    /// Its format.
    pub format: Format,
}

impl Probe {
    /// Every variant, the source's format first (then WebP), narrowest
    /// first within a format.
    pub fn variants(&self) -> Vec<Variant> {
        let resized = self.format.is_resized();
        let Some((width, height)) = self.size.filter(|&(w, h)| resized && w > 0 && h > 0) else {
            let as_is = Variant {
                width: None,
                height: None,
                format: self.format,
            };
            return vec![as_is];
        };
        let top = width.min(WIDTHS[WIDTHS.len() - 1]);
        let widths = WIDTHS.iter().copied().filter(|&w| w < top).chain([top]);
        let formats: &[Format] = match self.format {
            Format::WebP => &[Format::WebP],
            own => &[own, Format::WebP],
        };
        let mut variants = Vec::new();
        for &format in formats {
            for w in widths.clone() {
                let h =
                    (u64::from(height) * u64::from(w) + u64::from(width) / 2) / u64::from(width);
                variants.push(Variant {
                    width: Some(w),
                    height: Some(u32::try_from(h.max(1)).unwrap_or(u32::MAX)),
                    format,
                });
            }
        }
        variants
    }

    /// The file of `variant`, relative to the output root (and to the
    /// cache).
    pub fn file(&self, variant: &Variant) -> String {
        let ext = variant.format.extension();
        match variant.width {
            Some(w) => format!("{OUTPUT_DIR}/{:016x}-{w}.{ext}", self.hash),
            None => format!("{OUTPUT_DIR}/{:016x}.{ext}", self.hash),
        }
    }
}

/// How many variants were encoded, and how many copied from the cache,
/// since the process started (see [`counts`]).
static ENCODED: AtomicUsize = AtomicUsize::new(0);
static CACHED: AtomicUsize = AtomicUsize::new(0);

/// The variants encoded and those copied from the cache so far in this
/// process: a run reports the difference.
pub fn counts() -> (usize, usize) {
    (
        ENCODED.load(Ordering::Relaxed),
        CACHED.load(Ordering::Relaxed),
    )
}

/// The size and time of a file on disk, which say whether a probe kept
/// for it still holds.
type Stamp = (u64, Option<std::time::SystemTime>);

/// Probes kept for the builds of a session, by file.
static PROBES: LazyLock<Mutex<HashMap<PathBuf, (Stamp, Probe)>>> = LazyLock::new(Default::default);

/// Probes `source`, or says why it cannot be shown. `name` is its file
/// name (for the format of images copied as they are). Only the image's
/// header is read: an image larger than [`fits`] allows is refused here,
/// so that `check` refuses it too.
pub fn probe(source: &FileSource, name: &str) -> Result<Probe, Refusal> {
    let stamp = match source {
        FileSource::Disk(path) => fs::metadata(path)
            .ok()
            .map(|m| ((m.len(), m.modified().ok()), path)),
        FileSource::BuiltIn(_) => None,
    };
    if let Some((stamp, path)) = &stamp
        && let Some((known, probe)) = PROBES.lock().ok().and_then(|p| p.get(*path).cloned())
        && known == *stamp
    {
        return Ok(probe);
    }
    let bytes = source.bytes().map_err(|e| e.to_string())?;
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(RECIPE);
    hasher.write(&bytes);
    let hash = hasher.finish();
    let named = Format::of_name(name).ok_or_else(|| name.to_string())?;
    let probe = match named.is_resized() {
        true => {
            let (format, mut decoder) = decoder(&bytes)?;
            let (w, h) = decoder.dimensions();
            let size = match decoder.orientation().map_err(|e| e.to_string())? {
                o if turns(o) => (h, w),
                _ => (w, h),
            };
            Probe {
                hash,
                format,
                size: Some(size),
            }
        }
        false => Probe {
            hash,
            format: named,
            size: None,
        },
    };
    if let (Some((stamp, path)), Ok(mut probes)) = (stamp, PROBES.lock()) {
        probes.insert(path.clone(), (stamp, probe.clone()));
    }
    Ok(probe)
}

/// Whether `orientation` turns the image on its side.
fn turns(orientation: image::metadata::Orientation) -> bool {
    use image::metadata::Orientation::*;
    matches!(
        orientation,
        Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH
    )
}

/// A decoder of `bytes` (by their content, whatever the file's name says)
/// and the format it reads; refused, from its header, when the image is
/// larger than [`fits`] allows.
fn decoder(bytes: &[u8]) -> Result<(Format, impl ImageDecoder + '_), Refusal> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    // Not the sides yet: the PNG decoder would refuse them without saying
    // what they are.
    reader.limits(limits(false));
    let format = match reader.format() {
        Some(image::ImageFormat::Jpeg) => Format::Jpeg,
        Some(image::ImageFormat::Png) => Format::Png,
        Some(image::ImageFormat::WebP) => Format::WebP,
        _ => return Err("not a JPEG, PNG or WebP image".to_string().into()),
    };
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let (width, height) = decoder.dimensions();
    if !fits(width, height) {
        return Err(Refusal::TooLarge { width, height });
    }
    decoder
        .set_limits(limits(true))
        .map_err(|e| e.to_string())?;
    Ok((format, decoder))
}

/// One lock per source image, so that two pages showing it (its two
/// languages, rendered at once) encode it once: the second finds the
/// first's variants in the cache.
static LOCKS: LazyLock<Mutex<HashMap<u64, Arc<Mutex<()>>>>> = LazyLock::new(Default::default);

/// Writes every variant of `source` (probed as `probe`) into `out`, from
/// the cache of the site in `root` when it has them; gives why the image
/// cannot be made, if it cannot (a damaged file). Into a build that writes
/// nothing (`check`), only notes the files.
pub fn write(
    root: &Path,
    source: &FileSource,
    probe: &Probe,
    out: &UnitOutput,
) -> io::Result<Result<(), Refusal>> {
    let variants = probe.variants();
    if out.is_discarded() {
        for variant in &variants {
            out.write(&probe.file(variant), &[])?;
        }
        return Ok(Ok(()));
    }
    let lock = LOCKS
        .lock()
        .map(|mut locks| locks.entry(probe.hash).or_default().clone())
        .unwrap_or_default();
    let _held = lock.lock();
    let cache = Cache::new(root, "images");
    let mut decoded: Option<DynamicImage> = None;
    for variant in &variants {
        let rel = probe.file(variant);
        let name = rel.trim_start_matches(OUTPUT_DIR).trim_start_matches('/');
        if let Some(cached) = cache.get(name) {
            out.link(&cached, &rel)?;
            CACHED.fetch_add(1, Ordering::Relaxed);
            continue;
        }
        let bytes = match (variant.width, variant.height) {
            (Some(width), Some(height)) => {
                let image = match decoded.take() {
                    Some(image) => image,
                    None => match decode(source) {
                        Ok(image) => image,
                        Err(e) => return Ok(Err(e)),
                    },
                };
                let encoded = encode(&image, width, height, variant.format);
                decoded = Some(image);
                match encoded {
                    Ok(bytes) => bytes,
                    Err(e) => return Ok(Err(Refusal::Unreadable(e))),
                }
            }
            _ => source.bytes()?.into_owned(),
        };
        ENCODED.fetch_add(1, Ordering::Relaxed);
        cache.keep(name, &bytes);
        out.write(&rel, &bytes)?;
    }
    Ok(Ok(()))
}

/// The image of `source`, upright (its EXIF orientation applied). Its
/// header is checked again: the file may have changed since its probe.
fn decode(source: &FileSource) -> Result<DynamicImage, Refusal> {
    let bytes = source.bytes().map_err(|e| e.to_string())?;
    let (_, mut decoder) = decoder(&bytes)?;
    let orientation = decoder.orientation().map_err(|e| e.to_string())?;
    // As `ImageReader::decode` does (`DynamicImage::from_decoder` does
    // not): the image's buffer counts against the limit.
    (limits(true).reserve(decoder.total_bytes())).map_err(|e| e.to_string())?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// `image` resized to `width` × `height` (Lanczos 3, SIMD where the CPU
/// has it) and encoded as `format`.
fn encode(
    image: &DynamicImage,
    width: u32,
    height: u32,
    format: Format,
) -> Result<Vec<u8>, String> {
    // JPEG has no alpha channel; an opaque PNG needs none.
    let alpha = image.color().has_alpha() && format != Format::Jpeg;
    let (pixels, pixel_type, color) = match alpha {
        true => (
            image.to_rgba8().into_raw(),
            PixelType::U8x4,
            ExtendedColorType::Rgba8,
        ),
        false => (
            image.to_rgb8().into_raw(),
            PixelType::U8x3,
            ExtendedColorType::Rgb8,
        ),
    };
    let pixels = if (width, height) == (image.width(), image.height()) {
        pixels
    } else {
        let source = Image::from_vec_u8(image.width(), image.height(), pixels, pixel_type)
            .map_err(|e| e.to_string())?;
        let mut resized = Image::new(width, height, pixel_type);
        Resizer::new()
            .resize(&source, &mut resized, &ResizeOptions::new())
            .map_err(|e| e.to_string())?;
        resized.into_vec()
    };
    let mut bytes = Vec::new();
    match format {
        Format::Jpeg => JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY)
            .write_image(&pixels, width, height, color)
            .map_err(|e| e.to_string())?,
        Format::Png => PngEncoder::new(&mut bytes)
            .write_image(&pixels, width, height, color)
            .map_err(|e| e.to_string())?,
        Format::WebP => {
            let encoder = match alpha {
                true => webp::Encoder::from_rgba(&pixels, width, height),
                false => webp::Encoder::from_rgb(&pixels, width, height),
            };
            let webp = encoder
                .encode_simple(false, WEBP_QUALITY)
                .map_err(|e| format!("{e:?}"))?;
            bytes.extend_from_slice(&webp);
        }
        Format::Gif | Format::Svg => return Err("not resized".to_string()),
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe(width: u32, height: u32, format: Format) -> Probe {
        Probe {
            hash: 0xabc,
            format,
            size: Some((width, height)),
        }
    }

    #[test]
    fn widths_stop_at_the_source_and_never_upscale() {
        let widths = |p: &Probe, f: Format| -> Vec<u32> {
            (p.variants().iter())
                .filter(|v| v.format == f)
                .filter_map(|v| v.width)
                .collect()
        };
        let big = probe(2400, 1600, Format::Png);
        assert_eq!(widths(&big, Format::Png), [360, 720, 1080, 1440]);
        assert_eq!(widths(&big, Format::WebP), [360, 720, 1080, 1440]);
        let small = probe(500, 300, Format::Jpeg);
        assert_eq!(widths(&small, Format::Jpeg), [360, 500]);
        let tiny = probe(200, 100, Format::WebP);
        assert_eq!(tiny.variants().len(), 1);
        assert_eq!(tiny.variants()[0].height, Some(100));
        assert_eq!(big.variants()[0].height, Some(240));
    }

    #[test]
    fn files_are_named_by_hash_width_and_format() {
        let p = probe(2400, 1600, Format::Jpeg);
        let names: Vec<String> = p.variants().iter().map(|v| p.file(v)).collect();
        assert_eq!(names[0], "images/0000000000000abc-360.jpg");
        assert_eq!(names[7], "images/0000000000000abc-1440.webp");
    }

    /// A PNG of `width` × `height` pixels of one shade at 1 bit a pixel:
    /// a large image in few bytes.
    fn plain_png(width: u32, height: u32) -> Vec<u8> {
        use std::io::Write;
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::One);
        let mut writer = encoder.write_header().unwrap();
        let mut stream = writer.stream_writer().unwrap();
        let row = vec![0u8; width.div_ceil(8) as usize];
        for _ in 0..height {
            stream.write_all(&row).unwrap();
        }
        stream.finish().unwrap();
        writer.finish().unwrap();
        bytes
    }

    #[test]
    fn images_fit_up_to_the_limits() {
        assert!(fits(10_000, 10_000));
        // A panorama: 1440×216 at its widest variant.
        assert!(fits(20_000, 3_000));
        assert!(fits(MAX_SIDE, 1_000));
        assert!(!fits(MAX_SIDE + 1, 1));
        // Tall: its variant 1440 wide would be 16,384 high.
        assert!(fits(1_440, MAX_VARIANT_HEIGHT));
        assert!(!fits(1_440, MAX_VARIANT_HEIGHT + 1));
        assert!(!fits(2, MAX_VARIANT_HEIGHT + 1));
        assert!(!fits(10_001, 10_000));
        assert!(!fits(u32::MAX, u32::MAX));
    }

    #[test]
    fn images_too_large_are_refused_from_their_header() {
        let probed = |bytes: Vec<u8>| {
            let source = FileSource::BuiltIn(Vec::leak(bytes));
            super::probe(&source, "a.png")
        };
        let wide = probed(plain_png(MAX_SIDE + 1, 1));
        let (width, height) = (MAX_SIDE + 1, 1);
        assert_eq!(wide, Err(Refusal::TooLarge { width, height }));
        let many = probed(plain_png(10_001, 10_000));
        let (width, height) = (10_001, 10_000);
        assert_eq!(many, Err(Refusal::TooLarge { width, height }));
        let panorama = probed(plain_png(MAX_SIDE, 2)).unwrap();
        assert_eq!(panorama.size, Some((MAX_SIDE, 2)));
        // The decoder refuses it too, should the file change after its
        // probe.
        let bytes = plain_png(2, MAX_VARIANT_HEIGHT + 1);
        let source = FileSource::BuiltIn(Vec::leak(bytes));
        let (width, height) = (2, MAX_VARIANT_HEIGHT + 1);
        assert_eq!(
            decode(&source).map(|_| ()),
            Err(Refusal::TooLarge { width, height })
        );
    }

    #[test]
    fn formats_come_from_names() {
        assert_eq!(Format::of_name("a.JPG"), Some(Format::Jpeg));
        assert_eq!(Format::of_name("a.svg"), Some(Format::Svg));
        assert_eq!(Format::of_name("a.pdf"), None);
        assert_eq!(Format::of_name("jpg"), None);
    }
}
