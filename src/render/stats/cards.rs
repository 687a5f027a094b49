//! PNG cards for social networks: a chart's card SVG (1080×1080) or a
//! page's (1200×630, see `render::previews`) rasterised by resvg, its text
//! from glyphs rasterised once (see `glyphs`), with the font the theme
//! ships (never system fonts), so the picture is the same on every
//! machine.

use std::borrow::Cow;
use std::cell::RefCell;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};
use skrifa::MetadataProvider;

use super::glyphs::{Drawn, Glyphs};
use crate::load::FileSource;
use crate::write::Cache;

/// The painter of a build's cards, made when the first card needs it.
#[derive(Default)]
pub struct Painter(OnceLock<Result<CardPainter, String>>);

impl Painter {
    /// The painter with the theme's `fonts`, or why there is none.
    pub fn get(&self, fonts: &[FileSource]) -> Result<&CardPainter, &str> {
        self.0
            .get_or_init(|| CardPainter::new(fonts))
            .as_ref()
            .map_err(String::as_str)
    }

    /// Whether its fonts were asked for and could not be loaded.
    pub fn failed(&self) -> bool {
        matches!(self.0.get(), Some(Err(_)))
    }
}

/// Rasterises card SVGs with the theme's fonts.
pub struct CardPainter {
    options: usvg::Options<'static>,
    /// The family name of the theme's font, for the cards' `font-family`.
    pub family: String,
    /// A hash of the fonts' bytes: what the pictures depend on besides
    /// their SVG.
    fonts: u64,
    /// The glyphs of the cards drawn so far.
    glyphs: Glyphs,
    /// The characters the fonts draw.
    coverage: Coverage,
}

impl CardPainter {
    /// Loads the font files `fonts`; fails when none can be loaded.
    pub fn new(fonts: &[FileSource]) -> Result<CardPainter, String> {
        let mut database = usvg::fontdb::Database::new();
        let mut hasher = DefaultHasher::new();
        for font in fonts {
            let data = font.bytes().map_err(|e| match font {
                FileSource::Disk(path) => format!("cannot read font {}: {e}", path.display()),
                FileSource::BuiltIn(_) => format!("cannot read a built-in font: {e}"),
            })?;
            data.hash(&mut hasher);
            database.load_font_data(data.into_owned());
        }
        let family = database
            .faces()
            .find_map(|face| face.families.first().map(|(name, _)| name.clone()))
            .ok_or(
                "the theme has no font in fonts/ (a .ttf or .otf file is needed to draw cards)",
            )?;
        let coverage = Coverage::of(&database);
        let mut options = usvg::Options {
            font_family: family.clone(),
            ..usvg::Options::default()
        };
        options.fontdb = Arc::new(database);
        Ok(CardPainter {
            options,
            family,
            fonts: hasher.finish(),
            glyphs: Glyphs::default(),
            coverage,
        })
    }

    /// The name of the PNG of `svg` in the [`ChartCards`] cache: a hash of
    /// the SVG, the fonts, [`PNG_VERSION`] and aqparat's version (whose
    /// release may draw with other crates). (`DefaultHasher::new`
    /// hashes alike from one build to the next; an aqparat whose Rust
    /// hashes otherwise merely draws the cards again.)
    pub fn card_name(&self, svg: &str) -> String {
        let mut hasher = DefaultHasher::new();
        (PNG_VERSION, env!("CARGO_PKG_VERSION"), self.fonts, svg).hash(&mut hasher);
        format!("{:016x}.png", hasher.finish())
    }

    /// The PNG of `svg`, without the characters its fonts have no glyph
    /// for (see [`Coverage::drawable`]).
    pub fn png(&self, svg: &str) -> Result<Vec<u8>, String> {
        let svg = self.coverage.drawable(svg);
        let tree =
            usvg::Tree::from_str(&svg, &self.options).map_err(|e| format!("card SVG: {e}"))?;
        let size = tree.size().to_int_size();
        let (width, height) = (size.width(), size.height());
        // The glyphs kept are known by the painter's fonts: a tree that
        // loaded fonts of its own, into a copy of them, is left to resvg.
        let own_fonts = Arc::ptr_eq(tree.fontdb(), &self.options.fontdb);
        CANVAS.with_borrow_mut(|canvas| {
            let bytes = (width as usize)
                .checked_mul(height as usize * 4)
                .ok_or("card too large")?;
            canvas.bytes.resize(bytes, 0);
            // The last card drawn shows through unless the first shape
            // covers the picture (a card's background, filled at once);
            // of the same background and size, it is that background but
            // where it drew.
            let background = own_fonts.then(|| Glyphs::background(&tree)).flatten();
            let left = (canvas.left.take())
                .filter(|left| Some(left.background) == background && left.size == (width, height));
            if background.is_none() {
                canvas.bytes.fill(0);
            }
            let mut pixmap = tiny_skia::PixmapMut::from_bytes(&mut canvas.bytes, width, height)
                .ok_or("empty card")?;
            let drawn = match own_fonts {
                true => (self.glyphs).render(&tree, &mut pixmap, left.as_ref().map(|l| &l.drawn)),
                false => {
                    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap);
                    Drawn::Everywhere
                }
            };
            // Rows of the background, one under another, are the same.
            let plain = match background {
                Some(_) => drawn.plain_rows(height as usize),
                None => Vec::new(),
            };
            let same_as_above =
                |row: usize| row > 0 && plain.get(row - 1..=row) == Some(&[true; 2]);
            canvas.left = background.map(|background| Left {
                size: (width, height),
                background,
                drawn,
            });
            match opaque_png(pixmap.as_ref(), same_as_above) {
                Some(png) => Ok(png),
                None => (pixmap.as_ref().encode_png()).map_err(|e| format!("card PNG: {e}")),
            }
        })
    }
}

thread_local! {
    /// Each thread's picture of the last card it drew, drawn over by the
    /// next: a card's 3 MB (1200×630 RGBA) were allocated and cleared for
    /// every card, and then covered by its background, a seventh of the
    /// time of a build that drew 2,024 cards.
    static CANVAS: RefCell<Canvas> = const {
        RefCell::new(Canvas {
            bytes: Vec::new(),
            left: None,
        })
    };
}

/// A thread's picture of the last card it drew (see `CANVAS`).
struct Canvas {
    /// Its pixels, RGBA.
    bytes: Vec<u8>,
    /// What it holds, when that is known.
    left: Option<Left>,
}

/// A picture left on a [`Canvas`]: all `background` but where it was
/// `drawn`. A card of the same background and size fills only those
/// rows with it again, where its whole 3 MB were filled.
struct Left {
    size: (u32, u32),
    background: tiny_skia::Color,
    drawn: Drawn,
}

/// Bumped when the drawing or the encoding of an SVG changes, so that
/// cached chart cards are drawn again.
const PNG_VERSION: u32 = 3;

/// The characters a painter's fonts have a glyph for: a bit per code point.
struct Coverage(Vec<u64>);

impl Coverage {
    /// The characters of every face in `database`.
    fn of(database: &usvg::fontdb::Database) -> Coverage {
        let mut bits = vec![0; (char::MAX as usize + 1).div_ceil(64)];
        for face in database.faces() {
            database.with_face_data(face.id, |data, index| {
                let Ok(font) = skrifa::FontRef::from_index(data, index) else {
                    return;
                };
                for (code, _) in font.charmap().mappings() {
                    if let Some(word) = bits.get_mut(code as usize / 64) {
                        *word |= 1 << (code % 64);
                    }
                }
            });
        }
        Coverage(bits)
    }

    /// Whether a font draws `c`.
    fn has(&self, c: char) -> bool {
        let code = c as usize;
        self.0[code / 64] & (1 << (code % 64)) != 0
    }

    /// `svg` without the characters beyond ASCII that no font draws (an
    /// emoji, a letter of a script the theme's fonts lack), each of which
    /// resvg drew as an empty box, nor the joiners and selectors that
    /// follow one (the U+200D between a family's emoji, the U+FE0F after
    /// a heart); a space no font draws becomes a plain space. ASCII is
    /// kept as it is, the SVG's markup with it.
    fn drawable<'s>(&self, svg: &'s str) -> Cow<'s, str> {
        let missing = |c: char| !c.is_ascii() && !self.has(c);
        if !svg.contains(missing) {
            return Cow::Borrowed(svg);
        }
        let mut dropped = false;
        let kept = svg.chars().filter_map(|c| {
            let kept = match missing(c) {
                false if dropped && is_joiner_or_selector(c) => None,
                false => Some(c),
                true if c.is_whitespace() => Some(' '),
                true => None,
            };
            dropped = kept.is_none();
            kept
        });
        Cow::Owned(kept.collect())
    }
}

/// The zero-width joiner and the variation selectors, which only shape
/// the character before them.
fn is_joiner_or_selector(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// The site's cache of chart cards' PNGs, `.aqparat/cache/charts/`, each
/// named by what it is drawn from ([`CardPainter::card_name`]). A build
/// with statistics renders their cards whenever a figure or a text
/// changes, and every time with the search index on; a card whose SVG is
/// as it was is linked from here, not drawn again (about 6 ms of CPU a
/// card, three quarters of a build of the example site).
pub struct ChartCards(Cache);

impl ChartCards {
    /// The cache of the site in `root`, noting which cards it gives or
    /// keeps.
    pub fn new(root: &Path) -> ChartCards {
        ChartCards(Cache::new(root, "charts").noting_use())
    }

    /// The cached PNG `name`, if there is one.
    pub fn get(&self, name: &str) -> Option<PathBuf> {
        self.0.get(name)
    }

    /// Keeps `png` as `name`.
    pub fn keep(&self, name: &str, png: &[u8]) {
        self.0.keep(name, png);
    }

    /// Removes the cards it neither gave nor kept: to be called after a
    /// build that rendered every chart card of the site, so that cards of
    /// figures since changed do not pile up.
    pub fn prune(&self) {
        self.0.prune(is_card_name);
    }
}

/// Whether `name` is one [`CardPainter::card_name`] makes.
fn is_card_name(name: &str) -> bool {
    name.strip_suffix(".png")
        .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The PNG of `pixmap` with png's fast deflate, when every pixel is opaque
/// (cards have a background): indexed when it has at most 256 colours (a
/// card's text on its background usually has), else RGB. Lossless, a
/// third to a quarter of the bytes to pack, and several times tiny-skia's
/// speed; `None` for a picture with transparency. The rows that
/// `same_as_above` names are known to be the same as the row above them,
/// and are not read (see [`palette`]).
fn opaque_png(
    pixmap: tiny_skia::PixmapRef,
    same_as_above: impl Fn(usize) -> bool,
) -> Option<Vec<u8>> {
    let rgba = pixmap.data();
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, pixmap.width(), pixmap.height());
    encoder.set_depth(png::BitDepth::Eight);
    // fdeflate on rows less the row above (`Up`): a card's rows of
    // background become zeros. `Fast` tried the five filters on every row
    // and kept the best, four times the time for a fifth fewer bytes.
    encoder.set_compression(png::Compression::Fastest);
    let data = match palette(rgba, pixmap.width() as usize, same_as_above) {
        Colours::Indexed { palette, indexes } => {
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_palette(palette);
            indexes
        }
        Colours::Many if is_opaque(rgba) => {
            encoder.set_color(png::ColorType::Rgb);
            (rgba.chunks_exact(4))
                .flat_map(|pixel| [pixel[0], pixel[1], pixel[2]])
                .collect()
        }
        Colours::Many | Colours::Translucent => return None,
    };
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(&data).ok()?;
    writer.finish().ok()?;
    Some(png)
}

/// Whether every pixel of `rgba` is opaque: the alpha bytes of all pixels
/// ANDed together, without stopping early, which the compiler turns into
/// wide instructions.
fn is_opaque(rgba: &[u8]) -> bool {
    let alphas = rgba
        .chunks_exact(4)
        .fold(u8::MAX, |all, pixel| all & pixel[3]);
    alphas == u8::MAX
}

/// The colours of a picture, as [`palette`] finds them.
#[derive(Debug, PartialEq)]
enum Colours {
    /// At most 256, all opaque: a palette of RGB triples, and each
    /// pixel's index in it.
    Indexed { palette: Vec<u8>, indexes: Vec<u8> },
    /// More than 256, the first 256 of them opaque.
    Many,
    /// One of the first 256 colours is not opaque.
    Translucent,
}

/// The colours of `rgba` (RGBA pixels, rows of `width`). A row the same
/// as the one above (most of a card's are its background) takes its
/// indexes; in another, a run of one colour is looked up once and its
/// indexes filled in at once. Pixels are compared whole, alpha too, and
/// each new colour is checked to be opaque as it is met, so a picture of
/// at most 256 colours is read once. A row that `same_as_above` names
/// (known to be so: where the card drew nothing after its background) is
/// not read at all: on a card, most of its 3 MB, which filling it with
/// the background no longer brings into the cache.
fn palette(rgba: &[u8], width: usize, same_as_above: impl Fn(usize) -> bool) -> Colours {
    let (pixels, _) = rgba.as_chunks::<4>();
    let mut colours: foldhash::HashMap<[u8; 4], u8> = foldhash::HashMap::default();
    let mut palette = Vec::new();
    let mut indexes = Vec::with_capacity(pixels.len());
    let mut above: &[[u8; 4]] = &[];
    for (y, row) in pixels.chunks(width.max(1)).enumerate() {
        let told = y > 0 && row.len() == above.len() && same_as_above(y);
        if told || row == above {
            indexes.extend_from_within(indexes.len() - row.len()..);
            continue;
        }
        above = row;
        let mut rest = row;
        while let Some(&colour) = rest.first() {
            let run = run_length(rest, colour);
            let index = match colours.get(&colour) {
                Some(&index) => index,
                None if colour[3] != u8::MAX => return Colours::Translucent,
                None => {
                    let Ok(index) = u8::try_from(colours.len()) else {
                        return Colours::Many;
                    };
                    colours.insert(colour, index);
                    palette.extend_from_slice(&colour[..3]);
                    index
                }
            };
            indexes.resize(indexes.len() + run, index);
            rest = &rest[run..];
        }
    }
    Colours::Indexed { palette, indexes }
}

/// How many of the first `pixels` are `colour`: four at a time while they
/// all are, compared as one 128-bit number (one vector instruction;
/// arrays of bytes were compared by a call to `memcmp`, a sixth of a
/// card's time), then one by one.
fn run_length(pixels: &[[u8; 4]], colour: [u8; 4]) -> usize {
    const BLOCK: usize = 4;
    // The colour's word in each of the four lanes, in either byte order.
    let block = u128::from(u32::from_ne_bytes(colour)) * 0x0000_0001_0000_0001_0000_0001_0000_0001;
    let (chunks, _) = pixels.as_flattened().as_chunks::<{ 4 * BLOCK }>();
    let blocks = (chunks.iter())
        .take_while(|&&chunk| u128::from_ne_bytes(chunk) == block)
        .count();
    let rest = &pixels[blocks * BLOCK..];
    blocks * BLOCK + rest.iter().take_while(|&&pixel| pixel == colour).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `width`×`height` picture whose pixel at (x, y) is `colour(x, y)`
    /// (premultiplied RGBA, as tiny-skia keeps it).
    fn picture(width: u32, height: u32, colour: impl Fn(u32, u32) -> [u8; 4]) -> tiny_skia::Pixmap {
        let mut pixmap = tiny_skia::Pixmap::new(width, height).expect("a size");
        for (i, pixel) in pixmap.data_mut().chunks_exact_mut(4).enumerate() {
            let i = u32::try_from(i).expect("small");
            pixel.copy_from_slice(&colour(i % width, i / width));
        }
        pixmap
    }

    /// A painter with the default theme's fonts.
    fn theme_painter() -> CardPainter {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/fonts");
        let fonts =
            ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map(|f| FileSource::Disk(dir.join(f)));
        CardPainter::new(&fonts).expect("fonts")
    }

    /// The PNG's colour type (3 indexed, 2 RGB) and its pixels as RGB.
    fn decoded(png: &[u8]) -> (u8, Vec<u8>) {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
        let frame = reader.next_frame(&mut pixels).expect("a frame");
        pixels.truncate(frame.buffer_size());
        (png[25], pixels)
    }

    #[test]
    fn a_cached_cards_name_changes_with_its_svg_and_the_fonts() {
        let font = |name: &str| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/fonts");
            FileSource::Disk(dir.join(name))
        };
        let regular = CardPainter::new(&[font("DejaVuSans.ttf")]).expect("a font");
        let both = CardPainter::new(&[font("DejaVuSans.ttf"), font("DejaVuSans-Bold.ttf")])
            .expect("fonts");
        let (svg, other) = ("<svg><text>12</text></svg>", "<svg><text>13</text></svg>");
        let name = regular.card_name(svg);
        assert!(is_card_name(&name), "{name}");
        assert_eq!(
            CardPainter::new(&[font("DejaVuSans.ttf")])
                .expect("a font")
                .card_name(svg),
            name
        );
        assert_ne!(regular.card_name(other), name);
        assert_ne!(both.card_name(svg), name);
        for not_ours in [
            "lock",
            "0123456789abcdef.png.tmp42",
            "0123456789abcdef",
            "x.png",
        ] {
            assert!(!is_card_name(not_ours), "{not_ours}");
        }
    }

    #[test]
    fn characters_the_fonts_lack_are_left_out_not_drawn_as_boxes() {
        let painter = theme_painter();
        let card = |title: &str| {
            format!(
                r##"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100" font-family="DejaVu Sans"><rect width="400" height="100" fill="#ffffff"/><text x="10" y="60" font-size="30" fill="#111111">{title}</text></svg>"##
            )
        };
        let plain = painter.png(&card("Көмек 12\u{202F}345")).expect("a card");
        // A handshake, a flag, a family joined by ZWJ, a skin tone, and a
        // letter of a script DejaVu lacks (Devanagari).
        for title in [
            "Көмек 🤝 12\u{202F}345",
            "Көмек 🇰🇿 12\u{202F}345",
            "Көмек 👨\u{200D}👩\u{200D}👧 12\u{202F}345",
            "Көмек 👍🏽 12\u{202F}345",
            "Көмек क 12\u{202F}345",
        ] {
            let drawn = painter.png(&card(title)).expect("a card");
            assert_eq!(decoded(&drawn), decoded(&plain), "{title}");
        }
        // What the fonts draw is kept: Kazakh letters, the narrow space.
        let drawn = "қ ә ө ү ұ і ғ ң һ \u{202F} «»—";
        assert!(matches!(painter.coverage.drawable(drawn), Cow::Borrowed(_)));
        assert_ne!(
            decoded(&painter.png(&card("Көмек 13\u{202F}345")).expect("a card")),
            decoded(&plain)
        );
    }

    #[test]
    fn an_opaque_picture_is_packed_without_loss_indexed_up_to_256_colours() {
        let runs = picture(300, 200, |x, y| {
            let shade = [10, 200, 30, 250, 0][((x / 7 + y) % 5) as usize];
            [shade, 255 - shade, 7, 255]
        });
        let distinct = |width| picture(width, 1, |x, _| [x as u8, (x >> 8) as u8, 4, 255]);
        let many = picture(300, 300, |x, y| [x as u8, y as u8, (x * y) as u8, 255]);
        for (name, pixmap, colour_type) in [
            ("runs", runs, 3),
            ("256 colours", distinct(256), 3),
            ("257 colours", distinct(257), 2),
            ("many colours", many, 2),
        ] {
            let png = opaque_png(pixmap.as_ref(), |_| false).expect("opaque");
            let rgb: Vec<u8> = (pixmap.data().chunks_exact(4))
                .flat_map(|pixel| [pixel[0], pixel[1], pixel[2]])
                .collect();
            assert_eq!(decoded(&png), (colour_type, rgb), "{name}");
        }
    }

    #[test]
    fn a_picture_with_one_pixel_not_opaque_is_left_to_tiny_skia() {
        for alpha in [0, 127, 128, 254] {
            for at in [(0, 0), (99, 49), (50, 20)] {
                let pixmap = picture(100, 50, |x, y| match (x, y) == at {
                    true => [0, 0, 0, alpha],
                    false => [9, 9, 9, 255],
                });
                assert!(
                    opaque_png(pixmap.as_ref(), |_| false).is_none(),
                    "{alpha} at {at:?}"
                );
            }
        }
    }

    #[test]
    fn the_palette_numbers_colours_in_the_order_they_first_appear() {
        let (a, b, c) = ([1, 2, 3, 255], [4, 5, 6, 255], [7, 8, 9, 255]);
        let rgba: Vec<u8> = [a, a, b, a, c, c, b].concat();
        let expected = Colours::Indexed {
            palette: vec![1, 2, 3, 4, 5, 6, 7, 8, 9],
            indexes: vec![0, 0, 1, 0, 2, 2, 1],
        };
        assert_eq!(palette(&rgba, 7, |_| false), expected);
        // Runs longer than a block, ending inside one or at its end.
        for (first, second) in [(16, 3), (17, 15), (32, 16), (40, 1)] {
            let rgba: Vec<u8> = [vec![a; first], vec![b; second], vec![a; 2]]
                .concat()
                .concat();
            let indexes = [vec![0; first], vec![1; second], vec![0; 2]].concat();
            let expected = Colours::Indexed {
                palette: vec![1, 2, 3, 4, 5, 6],
                indexes,
            };
            assert_eq!(
                palette(&rgba, rgba.len() / 4, |_| false),
                expected,
                "{first} then {second}"
            );
        }
        // Rows the same as the one above, and rows that differ from it.
        let rows = [[a, a, b], [a, a, b], [a, a, c], [a, a, b], [a, a, b]];
        let expected = Colours::Indexed {
            palette: vec![1, 2, 3, 4, 5, 6, 7, 8, 9],
            indexes: vec![0, 0, 1, 0, 0, 1, 0, 0, 2, 0, 0, 1, 0, 0, 1],
        };
        assert_eq!(palette(&rows.concat().concat(), 3, |_| false), expected);
        // Rows told the same as the one above take its indexes unread.
        let expected = Colours::Indexed {
            palette: vec![1, 2, 3, 4, 5, 6],
            indexes: vec![0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1],
        };
        let told = palette(&rows.concat().concat(), 3, |row| row == 2);
        assert_eq!(told, expected);
    }

    #[test]
    fn a_card_is_drawn_alike_whatever_card_the_thread_drew_before() {
        let painter = theme_painter();
        let svg = |size: &str, background: &str, drawn: &str| {
            format!(
                r##"<svg xmlns="http://www.w3.org/2000/svg" {size} font-family="DejaVu Sans">{background}{drawn}</svg>"##
            )
        };
        let title = |y: u32, title: &str| {
            format!(r##"<text x="10" y="{y}" font-size="30" fill="#111111">{title}</text>"##)
        };
        let (size, white) = (
            r#"width="400" height="100""#,
            r##"<rect width="400" height="100" fill="#ffffff"/>"##,
        );
        let cards = [
            svg(size, white, &title(60, "Көмек")),
            // The same background, drawn on in other rows.
            svg(size, white, &title(95, "Су")),
            svg(
                size,
                white,
                &format!(
                    r##"{}<rect y="2" width="400" height="6" fill="#1d5b8c"/>"##,
                    title(40, "Дәрі")
                ),
            ),
            // Drawn where its bounds are not known (a group): anywhere.
            svg(
                size,
                white,
                r##"<g opacity="0.5"><rect x="5" y="70" width="90" height="20" fill="#000"/></g>"##,
            ),
            svg(
                size,
                r##"<rect width="400" height="100" fill="#1d5b8c"/>"##,
                &title(60, "Маска"),
            ),
            // No background: transparent where there is no text.
            svg(size, "", &title(60, "Үй")),
            // A background that does not cover it all.
            svg(
                size,
                r##"<rect width="300" height="100" fill="#ffffff"/>"##,
                &title(60, "Тамақ"),
            ),
            svg(r#"width="300" height="200""#, white, &title(60, "Оқушы")),
        ];
        // Each card alone, on a thread of its own (a blank canvas).
        let alone: Vec<Vec<u8>> = std::thread::scope(|scope| {
            let drawn = cards
                .iter()
                .map(|card| scope.spawn(|| painter.png(card).expect("a card")));
            drawn
                .collect::<Vec<_>>()
                .into_iter()
                .map(|d| d.join().expect("drawn"))
                .collect()
        });
        // Then each after every other on one thread.
        for before in &cards {
            for (card, alone) in cards.iter().zip(&alone) {
                painter.png(before).expect("a card");
                assert_eq!(
                    &painter.png(card).expect("a card"),
                    alone,
                    "{card} after {before}"
                );
            }
        }
    }
}
