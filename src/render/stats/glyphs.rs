//! Text on cards, each glyph rasterised once a build. resvg fills every
//! glyph's outline again on every card: more than half of a page card's
//! time, and a site has a card a page. Here a glyph (its font, its size,
//! and where it falls within a pixel, to a quarter of one) is filled once,
//! by tiny-skia as resvg fills it, into a mask of how much of each pixel it
//! covers; each time it comes again, that mask is added to its span's
//! ink, laid on the card in the span's colour. A glyph is thus drawn up to
//! an eighth of a pixel from where resvg draws it: the edges of a letter
//! differ by a shade, not to be seen at a card's size.
//!
//! Only text that this draws as resvg does goes this way: at the SVG's top
//! level, not transformed, filled with one opaque colour, without stroke
//! or lines, anti-aliased, from a font of outlines only (no colour, bitmap
//! or SVG glyphs, no variation axes), no two glyphs of a span over each
//! other. Any other node is drawn by resvg, in its place among the others.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, PoisonError};

use resvg::tiny_skia::{self, PixmapMut, Transform};
use resvg::usvg::{self, fontdb};
use skrifa::MetadataProvider;
use skrifa::raw::TableProvider;

/// In how many places within a pixel a glyph is rasterised, across and
/// down: its position is rounded to the nearest.
const STEPS: f32 = 4.0;

/// The most bytes of masks kept (a glyph of a card's title takes about
/// 4 KB; the letters of Kazakh and Russian at a card's two sizes, about 5
/// MB): a glyph past it is rasterised for its card alone.
const MOST_KEPT: usize = 32 << 20;

/// The widest and tallest mask rasterised, in pixels: a larger glyph's
/// text is left to resvg.
const LARGEST: f32 = 1024.0;

/// The glyphs of a build's cards, each rasterised once.
#[derive(Default)]
pub struct Glyphs(Mutex<Kept>);

/// What [`Glyphs`] keeps.
#[derive(Default)]
struct Kept {
    /// Each glyph's mask; `None` for one with nothing to fill (a space).
    masks: HashMap<GlyphKey, Option<Arc<Mask>>>,
    /// Whether each font's glyphs are all outlines (see [`is_plain`]).
    plain: HashMap<fontdb::ID, bool>,
    /// The bytes of the masks kept.
    bytes: usize,
}

/// A glyph as it is rasterised.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct GlyphKey {
    font: fontdb::ID,
    glyph: u32,
    /// Its scale across and down (the bits of each `f32`).
    scale: (u32, u32),
    /// Where it falls within its pixel, in [`STEPS`].
    step: (u8, u8),
}

/// How much of each pixel of its box a glyph covers.
struct Mask {
    /// Its box's top left corner from the pixel the glyph is placed at.
    left: i32,
    top: i32,
    width: usize,
    /// Row by row, 0 (not at all) to 255 (wholly).
    coverage: Box<[u8]>,
}

/// A span's glyphs, to lay on a card in their colour (RGBA, opaque): how
/// much of each pixel of their box (cut to the card) they cover together.
struct Ink {
    left: usize,
    top: usize,
    width: usize,
    /// Row by row: the sum of the glyphs' coverage (see [`Ink::add`]).
    coverage: Vec<u8>,
    colour: [u8; 4],
}

impl Glyphs {
    /// Draws `tree` onto `pixmap` as `resvg::render` with no transform
    /// does, its text as above where it can, and tells where it drew after
    /// the picture's [`Glyphs::background`]. With `left`, the pixmap holds
    /// that background already but in the rows `left` names (the last
    /// picture drawn there, of the same background and size): only those
    /// are filled again.
    pub fn render(&self, tree: &usvg::Tree, pixmap: &mut PixmapMut, left: Option<&Drawn>) -> Drawn {
        let size = (pixmap.width(), pixmap.height());
        let mut drawn = Drawn::Everywhere;
        for (at, node) in tree.root().children().iter().enumerate() {
            if let Some(colour) = covering_colour(node, size) {
                match left.filter(|_| at == 0) {
                    Some(left) => left.fill(pixmap, colour),
                    None => pixmap.fill(colour),
                }
                // Another colour over it all is no longer the background.
                drawn = match at {
                    0 => Drawn::Rows(Vec::new()),
                    _ => Drawn::Everywhere,
                };
                continue;
            }
            let inks = match node {
                usvg::Node::Text(text) => self.inks(tree.fontdb(), text, pixmap),
                _ => None,
            };
            match inks {
                Some(inks) => inks.iter().for_each(|ink| {
                    ink.lay(pixmap);
                    drawn.add(ink.top..ink.top + ink.coverage.len() / ink.width);
                }),
                None => {
                    render_node(node, pixmap);
                    drawn.add_node(node);
                }
            }
        }
        drawn
    }

    /// The colour [`Glyphs::render`] sets every pixel of `tree`'s picture
    /// to before it draws anything else, when its first shape is a card's
    /// background (see [`covering_colour`]): then what the pixmap held
    /// before does not show.
    pub fn background(tree: &usvg::Tree) -> Option<tiny_skia::Color> {
        let size = tree.size().to_int_size();
        let first = tree.root().children().first()?;
        covering_colour(first, (size.width(), size.height()))
    }

    /// The ink of each span of `text` on `pixmap`, from its glyphs
    /// rasterised or taken from those kept, or `None` when it is not text
    /// this draws as resvg does (see the module's documentation).
    fn inks(
        &self,
        fontdb: &fontdb::Database,
        text: &usvg::Text,
        pixmap: &PixmapMut,
    ) -> Option<Vec<Ink>> {
        let drawn_as_resvg = text.abs_transform().is_identity()
            && text.rendering_mode() != usvg::TextRendering::OptimizeSpeed;
        if !drawn_as_resvg {
            return None;
        }
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        // Each span's colour and glyphs; their ink is made once the glyphs
        // kept are let go, for the other threads' cards.
        let mut spans = Vec::new();
        for span in text.layouted() {
            let colour = plain_colour(span)?;
            let mut placed = Vec::new();
            for glyph in &span.positioned_glyphs {
                let plain = *(kept.plain)
                    .entry(glyph.font)
                    .or_insert_with(|| is_plain(fontdb, glyph.font));
                let at = glyph.outline_transform();
                if !plain || at.kx != 0.0 || at.ky != 0.0 {
                    return None;
                }
                let (Some((x, step_x)), Some((y, step_y))) = (pixel(at.tx), pixel(at.ty)) else {
                    // Far off the card: not seen.
                    continue;
                };
                let key = GlyphKey {
                    font: glyph.font,
                    glyph: glyph.id.0,
                    scale: (at.sx.to_bits(), at.sy.to_bits()),
                    step: (step_x, step_y),
                };
                let mask = match kept.masks.get(&key) {
                    Some(mask) => mask.clone(),
                    None => {
                        let mask = rasterise(fontdb, key, at.sx, at.sy)?.map(Arc::new);
                        let bytes = mask.as_ref().map_or(0, |mask| mask.coverage.len());
                        if kept.bytes + bytes <= MOST_KEPT {
                            kept.bytes += bytes;
                            kept.masks.insert(key, mask.clone());
                        }
                        mask
                    }
                };
                placed.extend(mask.map(|mask| (mask, x, y)));
            }
            spans.push((colour, placed));
        }
        drop(kept);
        let inks = spans
            .iter()
            .map(|(colour, placed)| Ink::of(placed, *colour, pixmap));
        let inks: Vec<Option<Ink>> = inks.collect::<Option<_>>()?;
        Some(inks.into_iter().flatten().collect())
    }
}

/// Where [`Glyphs::render`] drew on a picture after its background.
#[derive(Debug, Clone, PartialEq)]
pub enum Drawn {
    /// In these rows (some may overlap), the rest all background.
    Rows(Vec<Range<usize>>),
    /// Anywhere: no background, or something drawn whose bounds are not
    /// known.
    Everywhere,
}

impl Drawn {
    /// Adds the rows `rows`.
    fn add(&mut self, rows: Range<usize>) {
        if let Drawn::Rows(drawn) = self {
            drawn.push(rows);
        }
    }

    /// Adds the rows resvg may draw `node` on: a path's (its stroke's
    /// bounds, and the row above and below for its anti-aliased edges);
    /// anywhere for another node.
    fn add_node(&mut self, node: &usvg::Node) {
        let usvg::Node::Path(path) = node else {
            *self = Drawn::Everywhere;
            return;
        };
        let bounds = path.abs_stroke_bounding_box();
        let top = (bounds.top().floor() - 1.0).max(0.0);
        let bottom = (bounds.bottom().ceil() + 1.0).max(0.0);
        // `as` saturates: a path far below the picture ends there.
        self.add(top as usize..bottom as usize);
    }

    /// For each of a picture's `height` rows, whether nothing was drawn
    /// on it: all of it background.
    pub fn plain_rows(&self, height: usize) -> Vec<bool> {
        let Drawn::Rows(rows) = self else {
            return vec![false; height];
        };
        let mut plain = vec![true; height];
        for rows in rows {
            let (top, bottom) = (rows.start.min(height), rows.end.min(height));
            plain[top..bottom].fill(false);
        }
        plain
    }

    /// Fills its rows of `pixmap` (all of it, [`Drawn::Everywhere`]) with
    /// `colour`, as [`PixmapMut::fill`] fills them.
    fn fill(&self, pixmap: &mut PixmapMut, colour: tiny_skia::Color) {
        let Drawn::Rows(rows) = self else {
            return pixmap.fill(colour);
        };
        let width = pixmap.width() as usize;
        let pixels = pixmap.pixels_mut();
        let height = pixels.len() / width.max(1);
        let colour = colour.premultiply().to_color_u8();
        for rows in rows {
            let (top, bottom) = (rows.start.min(height), rows.end.min(height));
            pixels[top * width..bottom * width].fill(colour);
        }
    }
}

impl Ink {
    /// The ink of the glyphs `placed` (each a mask and the pixel it is
    /// placed at) in `colour`, cut to `pixmap`: `Some(None)` when none is
    /// on it, `None` when two of them overlap (see [`Ink::add`]).
    fn of(
        placed: &[(Arc<Mask>, i64, i64)],
        colour: [u8; 4],
        pixmap: &PixmapMut,
    ) -> Option<Option<Ink>> {
        let boxes = placed.iter().map(|(mask, x, y)| mask.placed_box(*x, *y));
        let (mut left, mut top) = (i64::MAX, i64::MAX);
        let (mut right, mut bottom) = (i64::MIN, i64::MIN);
        for (l, t, r, b) in boxes {
            (left, top) = (left.min(l), top.min(t));
            (right, bottom) = (right.max(r), bottom.max(b));
        }
        let (left, top) = (left.max(0), top.max(0));
        let right = right.min(i64::from(pixmap.width()));
        let bottom = bottom.min(i64::from(pixmap.height()));
        if left >= right || top >= bottom {
            return Some(None);
        }
        let width = (right - left) as usize;
        let mut ink = Ink {
            left: left as usize,
            top: top as usize,
            width,
            coverage: vec![0; width * (bottom - top) as usize],
            colour,
        };
        for (mask, x, y) in placed {
            ink.add(mask, *x, *y)?;
        }
        Some(Some(ink))
    }

    /// Adds the coverage of `mask` placed at the pixel (`x`, `y`), cut to
    /// the ink's box: summed, as one outline filled covers a pixel where
    /// two glyphs share it side by side. `None` when a pixel is wholly
    /// inside both, glyphs on top of each other (combining marks stacked,
    /// boxes of missing glyphs): resvg fills their overlap once, which a
    /// sum would darken at its edges, so their text is left to it.
    fn add(&mut self, mask: &Mask, x: i64, y: i64) -> Option<()> {
        let (left, top, ..) = mask.placed_box(x, y);
        let height = self.coverage.len() / self.width;
        let (box_left, box_top) = (self.left as i64, self.top as i64);
        // The columns of the mask within the box.
        let first = usize::try_from(box_left - left).unwrap_or(0);
        let end = usize::try_from(box_left + self.width as i64 - left)
            .map_or(0, |end| end.min(mask.width));
        if first >= end {
            return Some(());
        }
        for (row, coverage) in mask.coverage.chunks_exact(mask.width).enumerate() {
            let Ok(at) = usize::try_from(top + row as i64 - box_top) else {
                continue;
            };
            if at >= height {
                break;
            }
            let start = at * self.width + (left + first as i64 - box_left) as usize;
            let summed = &mut self.coverage[start..start + (end - first)];
            for (sum, &covered) in summed.iter_mut().zip(&coverage[first..end]) {
                if *sum == 255 && covered == 255 {
                    return None;
                }
                *sum = sum.saturating_add(covered);
            }
        }
        Some(())
    }

    /// Lays the ink on `pixmap` (whose part it was cut to): each pixel
    /// towards its colour by how much it is covered (source-over).
    fn lay(&self, pixmap: &mut PixmapMut) {
        let stride = pixmap.width() as usize * 4;
        let data = pixmap.data_mut();
        for (row, coverage) in self.coverage.chunks_exact(self.width).enumerate() {
            let start = (self.top + row) * stride + self.left * 4;
            let pixels = &mut data[start..start + self.width * 4];
            // Eight pixels at once where none is covered: most of a span's
            // box, between and around its letters' strokes, a twelfth of
            // a card's time looked at pixel by pixel.
            let (eights, rest) = coverage.as_chunks::<8>();
            let (eights_of_pixels, rest_of_pixels) = pixels.as_chunks_mut::<32>();
            for (eight, pixels) in eights.iter().zip(eights_of_pixels) {
                if u64::from_ne_bytes(*eight) != 0 {
                    self.lay_run(eight, pixels);
                }
            }
            self.lay_run(rest, rest_of_pixels);
        }
    }

    /// Lays the ink of `coverage` (a byte a pixel) on `pixels` (four
    /// bytes a pixel, RGBA), a run of one of its rows.
    fn lay_run(&self, coverage: &[u8], pixels: &mut [u8]) {
        for (&covered, pixel) in coverage.iter().zip(pixels.chunks_exact_mut(4)) {
            match covered {
                0 => {}
                // Inside a glyph (most of its pixels that are not outside).
                255 => pixel.copy_from_slice(&self.colour),
                _ => {
                    for (channel, &colour) in pixel.iter_mut().zip(&self.colour) {
                        *channel = towards(*channel, colour, covered);
                    }
                }
            }
        }
    }
}

impl Mask {
    /// Its box placed at the pixel (`x`, `y`): left, top, right, bottom.
    fn placed_box(&self, x: i64, y: i64) -> (i64, i64, i64, i64) {
        let (left, top) = (x + i64::from(self.left), y + i64::from(self.top));
        let height = self.coverage.len() / self.width;
        (left, top, left + self.width as i64, top + height as i64)
    }
}

/// The colour of `node` when it is a rectangle that covers the whole of
/// a picture of `(width, height)` in one opaque colour (a card's
/// background): resvg would set every pixel to it, as filling the pixmap
/// does, in a fraction of the time.
fn covering_colour(node: &usvg::Node, (width, height): (u32, u32)) -> Option<tiny_skia::Color> {
    let usvg::Node::Path(path) = node else {
        return None;
    };
    let fill = path
        .fill()
        .filter(|_| path.is_visible() && path.stroke().is_none())?;
    let usvg::Paint::Color(colour) = fill.paint() else {
        return None;
    };
    let opaque = fill.opacity().get() == 1.0;
    let shape = path.data();
    let bounds = shape.bounds();
    let covers = bounds.left() <= 0.0
        && bounds.top() <= 0.0
        && bounds.right() >= width as f32
        && bounds.bottom() >= height as f32;
    let drawn_as_is = path.abs_transform().is_identity() && opaque && covers;
    (drawn_as_is && is_rectangle(shape))
        .then(|| tiny_skia::Color::from_rgba8(colour.red, colour.green, colour.blue, 255))
}

/// Whether `shape` is a rectangle: one figure through the four corners of
/// its bounds, each once, by straight lines across or down (back to the
/// first corner written or not).
fn is_rectangle(shape: &tiny_skia::Path) -> bool {
    use tiny_skia::PathSegment::{Close, LineTo, MoveTo};
    let bounds = shape.bounds();
    let corner = |point: &tiny_skia::Point| {
        (point.x == bounds.left() || point.x == bounds.right())
            && (point.y == bounds.top() || point.y == bounds.bottom())
    };
    let mut points = shape.points();
    if let [first, .., last] = points
        && points.len() == 5
        && first == last
    {
        points = &points[..4];
    }
    let straight = |(a, b): (&tiny_skia::Point, &tiny_skia::Point)| (a.x == b.x) != (a.y == b.y);
    let around = points.iter().zip(points.iter().cycle().skip(1));
    let distinct = points
        .iter()
        .enumerate()
        .all(|(i, p)| !points[..i].contains(p));
    let mut segments = shape.segments();
    let one_figure = matches!(segments.next(), Some(MoveTo(_)))
        && segments.all(|segment| matches!(segment, LineTo(_) | Close));
    one_figure
        && points.len() == 4
        && distinct
        && points.iter().all(corner)
        && around.clone().all(straight)
}

/// The colour `span` is filled with, when it is one opaque colour filled
/// as glyphs are (non-zero), without stroke or lines, and visible; else
/// `None`. (Its variations, `wght` from `font-weight` at the least, are
/// no matter: they vary only a font with axes, never drawn here.)
fn plain_colour(span: &usvg::layout::Span) -> Option<[u8; 4]> {
    let lines = [&span.underline, &span.overline, &span.line_through];
    let plain = span.visible && span.stroke.is_none() && lines.iter().all(|line| line.is_none());
    let fill = span.fill.as_ref().filter(|_| plain)?;
    let opaque = fill.opacity().get() == 1.0 && fill.rule() == usvg::FillRule::NonZero;
    match fill.paint() {
        usvg::Paint::Color(colour) if opaque => Some([colour.red, colour.green, colour.blue, 255]),
        _ => None,
    }
}

/// Whether every glyph of `font` is an outline, as usvg draws it, and the
/// same at every size: no colour (COLR), SVG or bitmap (CBDT, sbix)
/// glyphs, no variation axes (fvar).
fn is_plain(fontdb: &fontdb::Database, font: fontdb::ID) -> bool {
    let tables = [*b"COLR", *b"SVG ", *b"CBDT", *b"sbix", *b"fvar"];
    fontdb
        .with_face_data(font, |data, index| {
            let face = skrifa::FontRef::from_index(data, index).ok()?;
            let has = |tag: [u8; 4]| face.data_for_tag(skrifa::Tag::new(&tag)).is_some();
            Some(!tables.into_iter().any(has))
        })
        .flatten()
        .unwrap_or(false)
}

/// The pixel at `position` and the step of [`STEPS`] within it nearest to
/// it; `None` for a position far off any card.
fn pixel(position: f32) -> Option<(i64, u8)> {
    if !position.is_finite() || position.abs() > 1e7 {
        return None;
    }
    let steps = (position * STEPS).round() as i64;
    let per_pixel = STEPS as i64;
    Some((
        steps.div_euclid(per_pixel),
        steps.rem_euclid(per_pixel) as u8,
    ))
}

/// The mask of the glyph `key` scaled by `scale_x` and `scale_y` (those of
/// its key): `Some(None)` when it has nothing to fill, `None` when it is
/// too large to keep (or its outline cannot be scaled).
fn rasterise(
    fontdb: &fontdb::Database,
    key: GlyphKey,
    scale_x: f32,
    scale_y: f32,
) -> Option<Option<Mask>> {
    let Some(outline) = outline(fontdb, key.font, key.glyph) else {
        return Some(None);
    };
    let step = |step: u8| f32::from(step) / STEPS;
    let placed = Transform::from_row(
        scale_x,
        0.0,
        0.0,
        scale_y,
        step(key.step.0),
        step(key.step.1),
    );
    let bounds = outline.clone().transform(placed)?.bounds();
    let (left, top) = (bounds.left().floor(), bounds.top().floor());
    let (width, height) = (
        bounds.right().ceil() - left + 1.0,
        bounds.bottom().ceil() - top + 1.0,
    );
    if !(width <= LARGEST && height <= LARGEST) {
        return None;
    }
    let Some(mut mask) = tiny_skia::Mask::new(width as u32, height as u32) else {
        return Some(None);
    };
    let to_box = placed.post_translate(-left, -top);
    mask.fill_path(&outline, tiny_skia::FillRule::Winding, true, to_box);
    Some(Some(Mask {
        left: left as i32,
        top: top as i32,
        width: width as usize,
        coverage: mask.data().into(),
    }))
}

/// The outline of `glyph` in `font`, in font units (y up), read as usvg
/// reads it; `None` when it has none.
fn outline(fontdb: &fontdb::Database, font: fontdb::ID, glyph: u32) -> Option<tiny_skia::Path> {
    fontdb
        .with_face_data(font, |data, index| {
            let face = skrifa::FontRef::from_index(data, index).ok()?;
            let outline = face.outline_glyphs().get(skrifa::GlyphId::new(glyph))?;
            let mut pen = Pen::default();
            let size = skrifa::prelude::Size::unscaled();
            let location = skrifa::instance::LocationRef::default();
            let settings = skrifa::outline::DrawSettings::unhinted(size, location);
            outline.draw(settings, &mut pen).ok()?;
            pen.0.finish()
        })
        .flatten()
}

/// Builds a glyph's outline as a path.
#[derive(Default)]
struct Pen(tiny_skia::PathBuilder);

impl skrifa::outline::OutlinePen for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }

    fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
        self.0.quad_to(cx, cy, x, y);
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0.cubic_to(cx0, cy0, cx1, cy1, x, y);
    }

    fn close(&mut self) {
        self.0.close();
    }
}

/// `from` moved towards `to` by `by` of 255, rounded.
fn towards(from: u8, to: u8, by: u8) -> u8 {
    let sum = u32::from(to) * u32::from(by) + u32::from(from) * u32::from(255 - by) + 128;
    ((sum + (sum >> 8)) >> 8) as u8
}

/// Draws `node`, a child of the SVG's root, as `resvg::render` would.
fn render_node(node: &usvg::Node, pixmap: &mut PixmapMut) {
    // resvg::render_node draws a node into a pixmap of its own bounds:
    // moved back by them, it draws in place.
    if let Some(bounds) = node.abs_layer_bounding_box() {
        let back = Transform::from_translate(bounds.x(), bounds.y());
        resvg::render_node(node, back, pixmap);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The theme's fonts, as the card painter loads them.
    fn options() -> usvg::Options<'static> {
        let mut fontdb = fontdb::Database::new();
        for font in ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] {
            let path = format!("{}/themes/default/fonts/{font}", env!("CARGO_MANIFEST_DIR"));
            fontdb.load_font_data(std::fs::read(path).unwrap());
        }
        usvg::Options {
            font_family: "DejaVu Sans".into(),
            fontdb: Arc::new(fontdb),
            ..usvg::Options::default()
        }
    }

    /// `svg` drawn by resvg, and by [`Glyphs`] (twice: glyphs rasterised,
    /// then glyphs kept), and how many glyphs that kept.
    fn both(svg: &str) -> (Vec<u8>, Vec<u8>, Vec<u8>, usize) {
        let tree = usvg::Tree::from_str(svg, &options()).unwrap();
        let size = tree.size().to_int_size();
        let blank = || tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
        let mut by_resvg = blank();
        resvg::render(&tree, Transform::default(), &mut by_resvg.as_mut());
        let glyphs = Glyphs::default();
        let drawn = || {
            let mut pixmap = blank();
            glyphs.render(&tree, &mut pixmap.as_mut(), None);
            pixmap.data().to_vec()
        };
        let (first, again) = (drawn(), drawn());
        let kept = glyphs.0.lock().unwrap().masks.len();
        (by_resvg.data().to_vec(), first, again, kept)
    }

    /// A card's text: its site's name, and a title in bold.
    const CARD: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300" font-family="DejaVu Sans"><rect width="600" height="300" fill="#ffffff"/><rect y="280" width="600" height="20" fill="#1d5b8c"/><text x="40" y="60" font-size="36" fill="#1d5b8c">Маңғыстау еріктілері</text><text x="40.3" y="150.6" font-size="52" font-weight="bold" fill="#111111">Қайырымдылық көмегі, 2020</text></svg>"##;

    #[test]
    fn text_is_drawn_as_resvg_draws_it_within_a_shade_at_the_edges() {
        let (by_resvg, first, again, kept) = both(CARD);
        // Each letter once, in its size and quarter of a pixel.
        assert!((20..=60).contains(&kept), "{kept} glyphs kept");
        assert_eq!(first, again, "a kept glyph is laid as it was rasterised");
        let differences: Vec<u8> = by_resvg
            .iter()
            .zip(&first)
            .map(|(a, b)| a.abs_diff(*b))
            .collect();
        let mean =
            differences.iter().map(|&d| f64::from(d)).sum::<f64>() / differences.len() as f64;
        let largest = differences.iter().copied().max().unwrap();
        // An eighth of a pixel at most (in tiny-skia's quarters of a pixel,
        // a quarter at times): a shade at an edge, never a letter missing
        // or misplaced (which differs by up to 255 over many pixels).
        assert!(largest <= 96, "a pixel differs by {largest}");
        assert!(mean < 0.5, "pixels differ by {mean} on average");
        // As many pixels inked, to a hundredth.
        let inked = |pixels: &[u8]| pixels.chunks(4).filter(|p| p[0] < 128).count();
        assert!(inked(&by_resvg).abs_diff(inked(&first)) * 100 < inked(&by_resvg));
    }

    #[test]
    fn text_it_cannot_draw_as_resvg_is_left_to_resvg() {
        let texts = [
            r##"<text x="20" y="60" font-size="30" stroke="#f00" fill="#000">Штрих</text>"##,
            r##"<text x="20" y="60" font-size="30" fill="#000" fill-opacity="0.5">Жартылай</text>"##,
            r##"<text x="20" y="60" font-size="30" fill="#000" text-decoration="underline">Асты</text>"##,
            r##"<text x="20" y="60" font-size="30" fill="#000" transform="rotate(10)">Бұрылған</text>"##,
            r##"<text x="20" y="60" font-size="30" fill="#000" rotate="5">Әріп</text>"##,
            r##"<text x="20" y="60" font-size="30" fill="#000" text-rendering="optimizeSpeed">Тез</text>"##,
            r##"<g opacity="0.5"><text x="20" y="60" font-size="30" fill="#000">Топ</text></g>"##,
            r##"<text x="20" y="60" font-size="30" fill="url(#g)">Градиент</text><linearGradient id="g"><stop offset="0" stop-color="#f00"/><stop offset="1" stop-color="#00f"/></linearGradient>"##,
        ];
        for text in texts {
            let svg = format!(
                r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" font-family="DejaVu Sans"><rect width="300" height="100" fill="#fff"/>{text}</svg>"##
            );
            let (by_resvg, drawn, _, kept) = both(&svg);
            assert!(by_resvg == drawn, "{text} is drawn otherwise than by resvg");
            assert_eq!(kept, 0, "{text}");
        }
    }

    #[test]
    fn glyphs_on_top_of_each_other_are_left_to_resvg() {
        // Two letters of a span drawn over each other: resvg fills them as
        // one outline.
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" font-family="DejaVu Sans"><rect width="200" height="100" fill="#fff"/><text x="20" y="60" font-size="40" letter-spacing="-20" fill="#000">ОО</text></svg>"##;
        let (by_resvg, drawn, ..) = both(svg);
        assert!(by_resvg == drawn, "overlapping glyphs are drawn otherwise");
        // Combining marks stacked on a letter: each in its place, drawn
        // as resvg draws them.
        let marks: String = (0..60)
            .map(|i| char::from_u32(0x300 + i % 0x70).unwrap())
            .collect();
        let svg = format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" font-family="DejaVu Sans"><rect width="300" height="300" fill="#fff"/><text x="40" y="250" font-size="40" fill="#000">A{marks}Б</text></svg>"##
        );
        let (by_resvg, drawn, ..) = both(&svg);
        let largest = by_resvg
            .iter()
            .zip(&drawn)
            .map(|(a, b)| a.abs_diff(*b))
            .max();
        assert!(largest <= Some(96), "a pixel differs by {largest:?}");
    }

    #[test]
    fn glyphs_off_the_card_or_on_its_edges_are_cut_not_a_panic() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" font-family="DejaVu Sans"><text x="-20" y="10" font-size="40" fill="#000">Шет</text><text x="60" y="70" font-size="40" fill="#000">Шет</text><text x="-9e9" y="9e9" font-size="40" fill="#000">Алыс</text></svg>"##;
        let (by_resvg, drawn, ..) = both(svg);
        let inked = |pixels: &[u8]| pixels.chunks(4).filter(|p| p[3] > 128).count();
        assert!(inked(&drawn) > 0);
        assert!(inked(&by_resvg).abs_diff(inked(&drawn)) <= inked(&by_resvg) / 20);
    }

    #[test]
    fn only_a_rectangle_covering_the_card_in_one_opaque_colour_fills_it() {
        let shapes = [
            (r##"<rect width="300" height="100" fill="#fff"/>"##, true),
            (
                r##"<rect x="-5" y="-5" width="400" height="200" fill="#1d5b8c"/>"##,
                true,
            ),
            (r##"<rect width="300" height="99" fill="#fff"/>"##, false),
            (
                r##"<rect width="300" height="100" fill="#fff" fill-opacity="0.9"/>"##,
                false,
            ),
            (
                r##"<rect width="300" height="100" fill="#fff" stroke="#000"/>"##,
                false,
            ),
            (
                r##"<rect width="300" height="100" rx="5" fill="#fff"/>"##,
                false,
            ),
            (
                r##"<rect width="300" height="100" fill="#fff" transform="rotate(1)"/>"##,
                false,
            ),
            (
                r##"<ellipse cx="150" cy="50" rx="300" ry="100" fill="#fff"/>"##,
                false,
            ),
            (
                r##"<path d="M0 0L300 100L300 0L0 100Z" fill="#fff"/>"##,
                false,
            ),
            (r##"<path d="M0 0H300V100V0Z" fill="#fff"/>"##, false),
            (r##"<path d="M0 0H300H0V100H300Z" fill="#fff"/>"##, false),
            (r##"<path d="M0 0H300V100H0Z" fill="#fff"/>"##, true),
            (r##"<path d="M300 100V0H0V100H300Z" fill="#fff"/>"##, true),
        ];
        for (shape, covers) in shapes {
            let svg = format!(
                r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100">{shape}</svg>"##
            );
            let tree = usvg::Tree::from_str(&svg, &options()).unwrap();
            let node = tree.root().children().first().unwrap();
            assert_eq!(
                covering_colour(node, (300, 100)).is_some(),
                covers,
                "{shape}"
            );
            assert_eq!(Glyphs::background(&tree).is_some(), covers, "{shape}");
            let (by_resvg, drawn, ..) = both(&svg);
            assert!(
                by_resvg == drawn,
                "{shape} is drawn otherwise than by resvg"
            );
        }
    }

    #[test]
    fn render_tells_the_rows_it_drew_on_after_the_background() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" font-family="DejaVu Sans"><rect width="300" height="100" fill="#fff"/><text x="10" y="50" font-size="30" fill="#111">Көмек</text><rect x="20" y="80.5" width="100" height="5" fill="#1d5b8c"/></svg>"##;
        let tree = usvg::Tree::from_str(svg, &options()).unwrap();
        let mut pixmap = tiny_skia::Pixmap::new(300, 100).unwrap();
        let drawn = Glyphs::default().render(&tree, &mut pixmap.as_mut(), None);
        let Drawn::Rows(rows) = drawn else {
            panic!("a text and a path have rows: {drawn:?}");
        };
        let is_drawn = |y: usize| rows.iter().any(|rows| rows.contains(&y));
        for (y, row) in pixmap.data().chunks(300 * 4).enumerate() {
            let background = row.iter().all(|&byte| byte == 255);
            assert!(background || is_drawn(y), "row {y} drawn on, not told");
        }
        // Not every row: above the text, between it and the path, below.
        assert!(!is_drawn(5) && !is_drawn(65) && !is_drawn(95), "{rows:?}");
    }

    #[test]
    fn a_position_is_split_into_its_pixel_and_the_nearest_quarter() {
        assert_eq!(pixel(10.3), Some((10, 1)));
        assert_eq!(pixel(10.9), Some((11, 0)));
        assert_eq!(pixel(-0.3), Some((-1, 3)));
        assert_eq!(pixel(f32::NAN), None);
        assert_eq!(pixel(-3e9), None);
        assert_eq!(towards(255, 0, 255), 0);
        assert_eq!(towards(255, 0, 0), 255);
        assert_eq!(towards(200, 100, 128), 150);
    }
}
