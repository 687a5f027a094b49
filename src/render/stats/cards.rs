//! PNG cards for social networks: a chart's card SVG rasterised at
//! 1080×1080 by resvg, with the font the theme ships (never system fonts),
//! so the picture is the same on every machine.

use std::sync::Arc;

use resvg::{tiny_skia, usvg};

use crate::load::FileSource;

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
            .ok_or("the theme has no font in fonts/ (a .ttf or .otf file is needed to draw chart cards)")?;
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
            usvg::Tree::from_str(svg, &self.options).map_err(|e| format!("chart card SVG: {e}"))?;
        let size = tree.size().to_int_size();
        let mut pixmap =
            tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("empty chart card")?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        pixmap
            .encode_png()
            .map_err(|e| format!("chart card PNG: {e}"))
    }
}
