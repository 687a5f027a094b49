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
        pixmap.encode_png().map_err(|e| format!("card PNG: {e}"))
    }
}
