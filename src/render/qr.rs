//! QR codes as inline SVG, so a printed memo leads back to its page online.

use std::fmt::Write;

use fast_qr::{ECL, QRBuilder};

/// Light modules around the code, as the QR specification asks.
const QUIET_ZONE: usize = 4;

/// An inline SVG of the QR code of `text`, one path of black runs on white,
/// labelled `label` for screen readers; `None` if `text` is too long for a
/// QR code.
pub fn svg(text: &str, label: &str) -> Option<String> {
    // Medium error correction survives a worn or creased sheet and keeps
    // the code small enough to print at a scannable size.
    let code = QRBuilder::new(text).ecl(ECL::M).build().ok()?;
    let side = code.size + 2 * QUIET_ZONE;
    let mut path = String::with_capacity(code.size * code.size);
    for row in 0..code.size {
        let modules = &code[row];
        let mut col = 0;
        while col < code.size {
            if !modules[col].value() {
                col += 1;
                continue;
            }
            let start = col;
            while col < code.size && modules[col].value() {
                col += 1;
            }
            let _ = write!(
                path,
                "M{} {}h{}v1h-{}z",
                start + QUIET_ZONE,
                row + QUIET_ZONE,
                col - start,
                col - start
            );
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
    fn text_too_long_for_a_code_gives_none() {
        assert!(svg(&"x".repeat(5000), "").is_none());
    }
}
