//! "Screenshots at 360×740 and 1280×800 of each kind of page are written to
//! a folder the README names": `target/screenshots/` (under
//! `CARGO_TARGET_DIR` when that is set), `KIND-WIDTHxHEIGHT.png` and, in the
//! dark colour scheme, `KIND-dark-WIDTHxHEIGHT.png`.

use super::harness::{BROWSER, KINDS, open_example, screenshots};

/// The smallest phone the theme is for, a common phone, a laptop.
const SIZES: [(u32, u32); 3] = [(320, 640), (360, 740), (1280, 800)];

/// The width and height in a PNG's header.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let signature = b"\x89PNG\r\n\x1a\n";
    if png.len() < 24 || &png[..8] != signature || &png[12..16] != b"IHDR" {
        return None;
    }
    let number = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    Some((number(16), number(20)))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn screenshots_of_each_kind_of_page_on_a_phone_and_a_laptop() {
    let Some((served, browser)) = open_example(BROWSER, true).await else {
        return;
    };
    let folder = screenshots();
    let mut problems = Vec::new();
    for dark in [false, true] {
        browser.color_scheme(dark);
        for (width, height) in SIZES {
            browser.viewport(width, height).await;
            for kind in KINDS {
                browser.client.goto(&served.url(kind.path)).await.unwrap();
                assert_eq!(browser.prefers_dark().await, dark, "the colour scheme");
                let scroll_width = browser
                    .client
                    .execute("return document.documentElement.scrollWidth", vec![])
                    .await
                    .unwrap();
                if scroll_width.as_u64().is_none_or(|w| w > u64::from(width)) {
                    problems.push(format!(
                        "{} at {width}×{height}: scrolls sideways (scrollWidth {scroll_width})",
                        kind.path
                    ));
                }
                let scheme = if dark { "-dark" } else { "" };
                let file = folder.join(format!("{}{scheme}-{width}x{height}.png", kind.name));
                let _ = std::fs::remove_file(&file);
                let png = browser.client.screenshot().await.unwrap();
                std::fs::write(&file, &png).unwrap();
                let written = std::fs::read(&file).unwrap();
                assert_eq!(
                    png_size(&written),
                    Some((width, height)),
                    "{} is a {width}×{height} PNG",
                    file.display()
                );
            }
        }
    }
    browser.close().await;
    println!("screenshots in {}", folder.display());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
