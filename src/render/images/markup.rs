//! A page's Markdown images (`![alt](src "title")`) as responsive images.
//!
//! Where an image is: a relative `src` (`masks.jpg`, `img/masks.jpg`,
//! `../shared/map.png`) is a file of the page's folder under `content/`
//! (a *page bundle*: both languages' pages beside it show the same file);
//! a `src` from the site's root (`/img/a.png`) is a static file. An image
//! at another address (another host, a file the build makes) is left as it
//! is, for the link check.
//!
//! Every image needs its alt text; one that only decorates says so with
//! the alt text `-` (`![-](border.png)`) and gets `alt=""`. An image found
//! becomes a `<picture>`: a WebP `<source>` and an `<img>` in the source's
//! format, each with `srcset` and `sizes`, the `<img>` with `width` and
//! `height` (no layout shift while it loads). The page's first image may
//! be in the first screen and loads at once; the others load when the
//! reader scrolls near them (`loading="lazy" decoding="async"`).

use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::process::{
    self, Format, MAX_PIXELS, MAX_SIDE, MAX_VARIANT_HEIGHT, Probe, Refusal, Variant, WIDTHS,
};
use crate::diag::{Diagnostic, Diagnostics, Lines, Quote, Span, closest, display_path, guess};
use crate::load::FileSource;
use crate::model::{Page, Site};
use crate::msg;
use crate::render::links::{self, MarkdownLink, Target};
use crate::render::xml::attribute;

/// The alt text that marks an image as decorative.
pub const DECORATIVE: &str = "-";

/// The `sizes` of every image: the default theme's column, the screen's
/// width less its margins up to 46rem, 44rem beyond.
const SIZES: &str = "(max-width: 46rem) calc(100vw - 2rem), 44rem";

/// An image a page shows, whose variants its unit writes.
#[derive(Debug, Clone)]
pub struct ImageUse {
    /// Where its bytes are.
    pub source: FileSource,
    /// What is known of it.
    pub probe: Probe,
    /// The source file as shown in messages (`content/rules/masks.jpg`).
    pub path: PathBuf,
    /// Where the page shows it.
    pub span: Span,
    /// What a diagnostic quotes of that line of the page's file.
    pub quote: Quote,
}

/// The page whose Markdown is rewritten, and where its text is.
pub struct PageSource<'a> {
    /// The site.
    pub site: &'a Site,
    /// The page.
    pub page: &'a Page,
    /// The body's lines, for the positions and lines quoted in messages.
    pub lines: &'a Lines<'a>,
}

/// What rewriting a page's images gave, besides its events.
#[derive(Debug, Default)]
pub struct Images {
    /// The images found, whose variants the page's unit writes.
    pub uses: Vec<ImageUse>,
    /// The `src` of each `<img>` written, for the link check.
    pub links: Vec<MarkdownLink>,
    /// Images not found, not readable, or without alt text.
    pub diagnostics: Diagnostics,
    /// The alt texts of the images shown, for the search index (as
    /// Markdown's own images gave them).
    pub alt_texts: String,
}

/// Replaces each image of `events` that is a file of the site with a
/// responsive image, and one that cannot be shown (missing, unreadable,
/// without alt text) with nothing, reporting why.
pub fn rewrite<'a>(
    page: &PageSource,
    events: Vec<(Event<'a>, Range<usize>)>,
) -> (Vec<(Event<'a>, Range<usize>)>, Images) {
    let mut images = Images::default();
    if !events
        .iter()
        .any(|(e, _)| matches!(e, Event::Start(Tag::Image { .. })))
    {
        return (events, images);
    }
    let mut out = Vec::with_capacity(events.len());
    let mut events = events.into_iter();
    while let Some((event, range)) = events.next() {
        let Event::Start(Tag::Image {
            dest_url, title, ..
        }) = &event
        else {
            out.push((event, range));
            continue;
        };
        let (dest_url, title) = (dest_url.clone(), title.clone());
        let mut inner = vec![(event, range.clone())];
        let mut alt = String::new();
        let mut depth = 0;
        for (e, r) in events.by_ref() {
            match &e {
                Event::Text(t) | Event::Code(t) => alt.push_str(t),
                Event::Start(Tag::Image { .. }) => depth += 1,
                Event::End(TagEnd::Image) if depth == 0 => {
                    inner.push((e, r));
                    break;
                }
                Event::End(TagEnd::Image) => depth -= 1,
                _ => {}
            }
            inner.push((e, r));
        }
        let span = page.lines.span(range.start);
        let error = |d: Diagnostic| d.with_quote(Some(page.lines.quote(range.start)));
        let alt = alt.trim();
        let has_alt = !alt.is_empty();
        if !has_alt {
            images.diagnostics.push(error(
                Diagnostic::error(
                    &page.page.path,
                    span,
                    msg!("image-no-alt", src = &*dest_url),
                )
                .with_hint(msg!("image-no-alt-hint", decorative = DECORATIVE)),
            ));
        }
        let found = match find(page, &dest_url) {
            Found::Elsewhere => {
                // Not the site's file to process: the link check's.
                out.extend(inner);
                continue;
            }
            Found::Missing(guess) => {
                images.diagnostics.push(error(
                    Diagnostic::error(
                        &page.page.path,
                        span,
                        msg!("image-missing", src = &*dest_url, guess = guess),
                    )
                    .with_hint(msg!("image-missing-hint")),
                ));
                continue;
            }
            Found::File(path, source) => (path, source),
        };
        let (path, source) = found;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let probed = match Format::of_name(&name) {
            Some(_) => process::probe(&source, &name),
            None => {
                images.diagnostics.push(error(
                    Diagnostic::error(
                        &page.page.path,
                        span,
                        msg!("image-format", path = display_path(&path)),
                    )
                    .with_hint(msg!("image-format-hint")),
                ));
                continue;
            }
        };
        let probe = match probed {
            Ok(probe) => probe,
            Err(refusal) => {
                images
                    .diagnostics
                    .push(error(refused(&page.page.path, span, &path, &refusal)));
                continue;
            }
        };
        if !has_alt {
            continue;
        }
        let alt = if alt == DECORATIVE { "" } else { alt };
        images.alt_texts.push_str(alt);
        images.alt_texts.push(' ');
        let first = images.uses.is_empty();
        let (html, src) = picture(page.site, &probe, alt, &title, first);
        let quote = page.lines.quote(range.start);
        images.links.push(MarkdownLink {
            url: src.into(),
            span,
            quote: quote.clone(),
        });
        images.uses.push(ImageUse {
            source,
            probe,
            path,
            span,
            quote,
        });
        out.push((Event::InlineHtml(CowStr::from(html)), range));
    }
    (out, images)
}

/// The error of the image at `path`, shown at `span` of the page at
/// `page`, that is not made into variants, for `refusal`.
pub fn refused(page: &Path, span: Span, path: &Path, refusal: &Refusal) -> Diagnostic {
    match refusal {
        Refusal::Unreadable(reason) => Diagnostic::error(
            page,
            span,
            msg!(
                "image-unreadable",
                path = display_path(path),
                error = reason
            ),
        )
        .with_hint(msg!("image-unreadable-hint")),
        Refusal::TooLarge { width, height } => Diagnostic::error(
            page,
            span,
            msg!(
                "image-too-large",
                path = display_path(path),
                size = format!("{width}×{height}"),
                max_side = MAX_SIDE.to_string(),
                max_megapixels = (MAX_PIXELS / 1_000_000).to_string(),
                max_height = MAX_VARIANT_HEIGHT.to_string(),
                page_width = WIDTHS[WIDTHS.len() - 1].to_string(),
            ),
        )
        .with_hint(msg!("image-too-large-hint")),
    }
}

/// Where an image's `src` leads.
enum Found {
    /// A file of the site: as shown in messages, and where its bytes are.
    File(PathBuf, FileSource),
    /// To a file that is not there; the guess of what was meant.
    Missing(crate::messages::Message),
    /// Elsewhere: another host, or a file the build makes.
    Elsewhere,
}

/// Finds the file an image's `src` names.
fn find(page: &PageSource, src: &str) -> Found {
    let site = page.site;
    let path_part = src.split(['?', '#']).next().unwrap_or_default();
    let scheme = path_part
        .split('/')
        .next()
        .is_some_and(|first| first.contains(':'));
    if !scheme && !src.starts_with('/') {
        let folder = page.page.path.parent().unwrap_or(Path::new(""));
        let rel = normalise(&folder.join(path_part));
        return match rel.filter(|rel| site.assets.binary_search(rel).is_ok()) {
            Some(rel) => {
                let source = FileSource::Disk(site.root.join(&rel));
                Found::File(rel, source)
            }
            None => {
                let names = (site.assets.iter())
                    .filter(|a| a.starts_with(folder))
                    .filter_map(|a| a.strip_prefix(folder).ok())
                    .map(|a| a.to_string_lossy().into_owned())
                    .collect::<Vec<_>>();
                // Else a static file of that name (`static/img/map.png` for
                // `map.png`), whose address begins with `/`.
                let elsewhere = static_named(site, path_part);
                let known = names.iter().chain(&elsewhere).map(String::as_str);
                let meant = closest(path_part, known).or(elsewhere.as_deref());
                Found::Missing(guess(meant))
            }
        };
    }
    let Target::Internal { path, .. } = links::resolve(&links::Base::of(site), "", src) else {
        return Found::Elsewhere;
    };
    let statics = site.static_files.iter().chain(&site.theme.static_files);
    if let Some(file) = statics.clone().find(|f| f.output == Path::new(&path)) {
        let shown = match &file.source {
            FileSource::Disk(disk) => disk.strip_prefix(&site.root).unwrap_or(disk),
            FileSource::BuiltIn(_) => Path::new(&path),
        };
        return Found::File(shown.to_path_buf(), file.source.clone());
    }
    // A file the build makes (a chart's card) is the link check's; an
    // image that is none of these was meant to be a static file.
    let is_image = Format::of_name(&path).is_some();
    let is_page_output = site
        .languages
        .iter()
        .any(|l| path.starts_with(&format!("{}/", l.code)));
    match is_image && !is_page_output {
        true => {
            let outputs: Vec<String> = statics
                .map(|f| format!("{}{}", site.base_path, display_path(&f.output)))
                .collect();
            // Else a static file of that name in another folder
            // (`/img/map.png` for `/map.png`), else a file of that name in
            // the page's folder, which a relative path names (`map.png`).
            let folder = page.page.path.parent().unwrap_or(Path::new(""));
            let beside = (site.assets.iter())
                .filter_map(|a| a.strip_prefix(folder).ok())
                .map(display_path)
                .find(|name| !name.contains('/') && same_file_name(name, &path));
            let meant = (closest(src, outputs.iter().map(String::as_str)))
                .map(str::to_string)
                .or_else(|| static_named(site, &path))
                .or(beside);
            Found::Missing(guess(meant.as_deref()))
        }
        false => Found::Elsewhere,
    }
}

/// The address of the static file (the site's or the theme's) named as
/// the last part of `path`, letter case aside; the first, of several.
fn static_named(site: &Site, path: &str) -> Option<String> {
    let statics = site.static_files.iter().chain(&site.theme.static_files);
    statics
        .map(|f| display_path(&f.output))
        .filter(|output| same_file_name(output, path))
        .map(|output| format!("{}{output}", site.base_path))
        .min()
}

/// Whether the last parts of the `/`-separated paths `a` and `b` are the
/// same name, letter case aside.
fn same_file_name(a: &str, b: &str) -> bool {
    let name = |path: &str| path.rsplit('/').next().unwrap_or_default().to_lowercase();
    name(a) == name(b)
}

/// `path` without `.` and `..` parts, if it stays inside `content/`.
fn normalise(path: &Path) -> Option<PathBuf> {
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    let rel: PathBuf = parts.iter().collect();
    rel.starts_with(crate::load::CONTENT_DIR).then_some(rel)
}

/// The HTML of an image, and its `<img>`'s `src`.
fn picture(site: &Site, probe: &Probe, alt: &str, title: &str, first: bool) -> (String, String) {
    let url = |v: &Variant| format!("{}{}", site.base_path, probe.file(v));
    let variants = probe.variants();
    let srcset = |format: Format| {
        (variants.iter())
            .filter(|v| v.format == format)
            .filter_map(|v| Some(format!("{} {}w", url(v), v.width?)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // The fallback: the widest of the source's format up to 720 px.
    let own: Vec<&Variant> = variants
        .iter()
        .filter(|v| v.format == probe.format)
        .collect();
    let fallback = (own.iter())
        .rev()
        .find(|v| v.width.is_none_or(|w| w <= 720))
        .or(own.first())
        .map(|v| url(v))
        .unwrap_or_default();
    let mut img = format!("<img src=\"{}\"", attribute(&fallback));
    if let Some((width, height)) = own.last().and_then(|v| v.width.zip(v.height)) {
        img += &format!(
            " srcset=\"{}\" sizes=\"{SIZES}\" width=\"{width}\" height=\"{height}\"",
            srcset(probe.format)
        );
    }
    img += &format!(" alt=\"{}\"", attribute(alt));
    if !title.is_empty() {
        img += &format!(" title=\"{}\"", attribute(title));
    }
    if !first {
        img += " loading=\"lazy\" decoding=\"async\"";
    }
    img.push('>');
    let html = match variants.iter().any(|v| v.format == Format::WebP)
        && probe.format != Format::WebP
    {
        true => format!(
            "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{SIZES}\">{img}</picture>",
            srcset(Format::WebP)
        ),
        false => img,
    };
    (html, fallback)
}

#[cfg(test)]
mod tests {
    use super::normalise;
    use std::path::{Path, PathBuf};

    #[test]
    fn relative_paths_stay_in_content() {
        let n = |p: &str| normalise(Path::new(p));
        assert_eq!(
            n("content/rules/./img/../masks.jpg"),
            Some(PathBuf::from("content/rules/masks.jpg"))
        );
        assert_eq!(n("content/../site.yaml"), None);
        assert_eq!(n("content/../../etc/passwd"), None);
    }
}
