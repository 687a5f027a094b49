//! PNG cards for social networks: a chart's card SVG (1080×1080) or a
//! page's (1200×630, see `render::previews`) rasterised by resvg, with the
//! font the theme ships (never system fonts), so the picture is the same on
//! every machine.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use crate::load::FileSource;

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
}

/// Rasterises card SVGs with the theme's fonts.
pub struct CardPainter {
    options: usvg::Options<'static>,
    /// The family name of the theme's font, for the cards' `font-family`.
    pub family: String,
}

impl CardPainter {
    /// Loads the font files `fonts`; fails when none can be loaded.
    pub fn new(fonts: &[FileSource]) -> Result<CardPainter, String> {
        let mut database = usvg::fontdb::Database::new();
        for font in fonts {
            let data = font.bytes().map_err(|e| match font {
                FileSource::Disk(path) => format!("cannot read font {}: {e}", path.display()),
                FileSource::BuiltIn(_) => format!("cannot read a built-in font: {e}"),
            })?;
            database.load_font_data(data.into_owned());
        }
        let family = database
            .faces()
            .find_map(|face| face.families.first().map(|(name, _)| name.clone()))
            .ok_or(
                "the theme has no font in fonts/ (a .ttf or .otf file is needed to draw cards)",
            )?;
        let mut options = usvg::Options {
            font_family: family.clone(),
            ..usvg::Options::default()
        };
        options.fontdb = Arc::new(database);
        Ok(CardPainter { options, family })
    }

    /// The PNG of `svg`.
    pub fn png(&self, svg: &str) -> Result<Vec<u8>, String> {
        let tree =
            usvg::Tree::from_str(svg, &self.options).map_err(|e| format!("card SVG: {e}"))?;
        let size = tree.size().to_int_size();
        let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("empty card")?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        match opaque_png(&pixmap) {
            Some(png) => Ok(png),
            None => pixmap.encode_png().map_err(|e| format!("card PNG: {e}")),
        }
    }
}

/// The PNG of `pixmap` with png's fast deflate, when every pixel is opaque
/// (cards have a background): indexed when it has at most 256 colours (a
/// card's text on its background usually has), else RGB. Lossless, a
/// third to a quarter of the bytes to pack, and several times tiny-skia's
/// speed; `None` for a picture with transparency.
fn opaque_png(pixmap: &tiny_skia::Pixmap) -> Option<Vec<u8>> {
    let rgba = pixmap.data();
    if rgba.chunks_exact(4).any(|pixel| pixel[3] != u8::MAX) {
        return None;
    }
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, pixmap.width(), pixmap.height());
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let data = match palette(rgba) {
        Some((palette, indexes)) => {
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_palette(palette);
            indexes
        }
        None => {
            encoder.set_color(png::ColorType::Rgb);
            (rgba.chunks_exact(4))
                .flat_map(|pixel| [pixel[0], pixel[1], pixel[2]])
                .collect()
        }
    };
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(&data).ok()?;
    writer.finish().ok()?;
    Some(png)
}

/// The colours of opaque `rgba` as a palette (RGB triples) and each
/// pixel's index in it, if there are at most 256.
fn palette(rgba: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut colours: foldhash::HashMap<[u8; 3], u8> = foldhash::HashMap::default();
    let mut palette = Vec::new();
    let mut indexes = Vec::with_capacity(rgba.len() / 4);
    let mut last: Option<([u8; 3], u8)> = None;
    for pixel in rgba.chunks_exact(4) {
        let colour = [pixel[0], pixel[1], pixel[2]];
        let index = match last {
            // Runs of one colour (the background) are most of a card.
            Some((same, index)) if same == colour => index,
            _ => match colours.get(&colour) {
                Some(&index) => index,
                None => {
                    let index = u8::try_from(colours.len()).ok()?;
                    colours.insert(colour, index);
                    palette.extend_from_slice(&colour);
                    index
                }
            },
        };
        last = Some((colour, index));
        indexes.push(index);
    }
    Some((palette, indexes))
}
