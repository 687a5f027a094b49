//! `aqparat serve` shows a build's errors over the last good page, in the
//! page's language (issue 13): the same errors read in Kazakh on a Kazakh
//! page and in Russian on a Russian one, whatever aqparat's own language.

use std::time::Duration;

use fantoccini::Locator;

use super::harness::{BROWSER, Browser, ready};
use crate::serve::serve;
use crate::util::TestSite;

/// The overlay's text on the page at `url` of a site that has errors.
async fn overlay_at(browser: &Browser, url: &str) -> String {
    browser.client.goto(url).await.unwrap();
    let overlay = (browser.client.wait())
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Id("aqparat-errors"))
        .await
        .unwrap_or_else(|e| panic!("{url}: no error overlay: {e}"));
    overlay.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_error_overlay_speaks_the_language_of_the_page() {
    if !ready(BROWSER) {
        return;
    }
    let site = TestSite::fixture("basic");
    let (_server, address) = serve(&site);
    let browser = Browser::start(true).await;
    browser
        .client
        .goto(&format!("{address}/kk/rules/first/"))
        .await
        .unwrap();
    site.save(
        "content/rules/first.kk.md",
        "---\ntitle: [сынған\n---\nМәтін.\n",
    );
    for (lang, title, error) in [
        (
            "kk",
            "сайтта қателер бар",
            "content/rules/first.kk.md:2:8: қате:",
        ),
        (
            "ru",
            "на сайте есть ошибки",
            "content/rules/first.kk.md:2:8: ошибка:",
        ),
    ] {
        let text = overlay_at(&browser, &format!("{address}/{lang}/rules/first/")).await;
        assert!(
            text.contains(title) && text.contains(error),
            "/{lang}/: {text}"
        );
    }
    browser.close().await;
}
