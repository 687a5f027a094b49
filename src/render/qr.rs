//! QR codes as inline SVG, so a printed memo leads back to its page online.
//!
//! Every page gets one, so the code is made with a fixed mask pattern: an
//! encoder that picks the best of the eight masks scores each of them over
//! the whole matrix, which was about a tenth of a build without search.
//! Readers decode any mask (the mask is in the format information); the
//! penalty score only steers an encoder away from patterns that could
//! confuse a poor reader, and on URLs mask 7 is the one the score picks
//! most often anyway (about half of a synthetic corpus's addresses).

use qrcodegen::{Mask, QrCode, QrCodeEcc, QrSegment, Version};

/// Light modules around the code, as the QR specification asks.
const QUIET_ZONE: i32 = 4;

/// The mask pattern of every code (see the module's documentation).
const MASK: u8 = 7;

/// The QR code of `text`: medium error correction or better, mask 7.
fn encode(text: &str) -> Option<QrCode> {
    let segments = QrSegment::make_segments(text);
    // Medium error correction survives a worn or creased sheet and keeps
    // the code small enough to print at a scannable size; a higher level
    // is used when it fits in the same number of modules (`true`).
    QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::MIN,
        Version::MAX,
        Some(Mask::new(MASK)),
        true,
    )
    .ok()
}

/// An inline SVG of the QR code of `text`, one path of black runs on white,
/// labelled `label` for screen readers; `None` if `text` is too long for a
/// QR code.
pub fn svg(text: &str, label: &str) -> Option<String> {
    let code = encode(text)?;
    let size = code.size();
    let side = size + 2 * QUIET_ZONE;
    let mut path = String::with_capacity((size * size) as usize);
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && code.get_module(x, y) {
                x += 1;
            }
            // `M{x} {y}h{n}v1h-{n}z`, without the formatting machinery: a
            // page's code has a few hundred runs, every page has one.
            path.push('M');
            push_number(&mut path, start + QUIET_ZONE);
            path.push(' ');
            push_number(&mut path, y + QUIET_ZONE);
            path.push('h');
            push_number(&mut path, x - start);
            path.push_str("v1h-");
            push_number(&mut path, x - start);
            path.push('z');
        }
    }
    let label = super::xml::escape(label);
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
         role=\"img\" aria-label=\"{label}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

/// Appends `n` (from 0 to a code's side, at most 185) in decimal.
fn push_number(out: &mut String, n: i32) {
    let n = n.unsigned_abs();
    if n >= 100 {
        out.push(char::from(b'0' + (n / 100 % 10) as u8));
    }
    if n >= 10 {
        out.push(char::from(b'0' + (n / 10 % 10) as u8));
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_gives_a_square_code_with_a_quiet_zone() {
        let svg = svg("https://example.kz/kk/rules/quarantine/", "QR <код>").unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("aria-label=\"QR &lt;код&gt;\""));
        // A 39-byte URL at level M is version 3: 29 modules, plus 2 × 4.
        assert!(svg.contains("viewBox=\"0 0 37 37\""), "{svg}");
        // The top-left finder pattern starts with a run of 7 dark modules.
        assert!(svg.contains("M4 4h7v1h-7z"), "{svg}");
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

    /// Reads the modules back from the SVG's runs (`M{x} {y}h{n}v1h-{n}z`)
    /// and decodes them with an independent decoder, one pixel a module.
    fn decode(svg: &str) -> String {
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
        for run in path.split('z').filter(|run| !run.is_empty()) {
            let (xy, rest) = run.trim_start_matches('M').split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let n: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            for cell in &mut dark[y * side + x..y * side + x + n] {
                *cell = true;
            }
        }
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
        }
    }
}
