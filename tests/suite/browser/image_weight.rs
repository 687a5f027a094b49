//! "The first screen's images ≤ 100 KB on a 360 px phone" (issue 15), the
//! sibling of the page weight budget: a page that opens with a large phone
//! photo (2400×1600) and shows more below sends a 360 px wide phone only
//! the images it shows on its first screen, at the width it shows them.

use image::ImageFormat;

use super::harness::{BROWSER, Browser, ready, serve};
use crate::images::photo;
use crate::util::TestSite;

/// The budget of the images of the first screen, as transferred.
const BUDGET: u64 = 100 * 1024;

/// Every image whose box meets the first screen: its URL as the browser
/// chose it from `srcset`, and the bytes transferred for it (Resource
/// Timing: the response's size with its headers).
const FIRST_SCREEN_IMAGES: &str = r#"
    const seen = [];
    for (const img of document.images) {
        const box = img.getBoundingClientRect();
        if (box.width > 0 && box.bottom > 0 && box.top < window.innerHeight) {
            const entry = performance.getEntriesByName(img.currentSrc)[0];
            const size = entry ? Math.max(entry.transferSize, entry.encodedBodySize) : -1;
            seen.push([img.currentSrc, size]);
        }
    }
    return seen;
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_screen_of_a_page_with_a_large_photo_loads_under_100_kb_of_images_on_a_360_px_phone()
 {
    if !ready(BROWSER) {
        return;
    }
    let site = TestSite::fixture("basic");
    let original = photo(2400, 1600, ImageFormat::Jpeg);
    // Sent as it is, the photo alone would be over the budget.
    assert!(original.len() as u64 > BUDGET, "{} bytes", original.len());
    site.write("content/rules/photo.jpg", original);
    site.write(
        "content/rules/shop.png",
        photo(2400, 1600, ImageFormat::Png),
    );
    site.write(
        "content/rules/photos.kk.md",
        "---\ntitle: Суреттер\n---\n![Маска киген дәрігер](photo.jpg)\n\nМәтін.\n\n\
         ![Дүкен](shop.png)\n\nМәтін.\n\n![Дәрігер тағы](photo.jpg)\n",
    );
    let served = serve(site);
    let browser = Browser::start(true).await;
    browser.viewport(360, 740).await;
    browser.load(&served.url("/kk/rules/photos/")).await;
    let seen = browser
        .client
        .execute(FIRST_SCREEN_IMAGES, vec![])
        .await
        .unwrap();
    browser.close().await;
    let seen: Vec<(String, u64)> = (seen.as_array().unwrap().iter())
        .map(|pair| {
            let size = pair[1].as_i64().unwrap();
            assert!(size > 0, "{pair}: not loaded, or not measured");
            (pair[0].as_str().unwrap().to_string(), size as u64)
        })
        .collect();
    println!("first screen's images at 360 px: {seen:?}");
    assert!(!seen.is_empty(), "the photo is on the first screen");
    // The browser chose the 360 px WebP of the photo, not the original.
    assert!(seen[0].0.ends_with("-360.webp"), "{seen:?}");
    let total: u64 = seen.iter().map(|(_, size)| size).sum();
    assert!(
        total <= BUDGET,
        "{total} bytes of images on the first screen: {seen:?}"
    );
}
