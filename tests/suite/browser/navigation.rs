//! A resident switches language on a rules page.

use super::harness::{BROWSER, open_example};

/// `/` → Қазақша → the rules section → a rules page → Русский: the Russian
/// translation of the same page; back returns to the Kazakh page.
async fn walk_through_languages(javascript: bool) {
    let Some((served, browser)) = open_example(BROWSER, javascript).await else {
        return;
    };
    browser.client.goto(&served.url("/")).await.unwrap();
    browser.follow("main a[hreflang=\"kk\"]", "/kk/").await;
    browser.follow("a[href=\"/kk/rules/\"]", "/kk/rules/").await;
    browser
        .follow(
            "main a[href=\"/kk/rules/protection/\"]",
            "/kk/rules/protection/",
        )
        .await;
    let kk = browser.client.source().await.unwrap();
    assert!(kk.contains("<html lang=\"kk\""));
    browser
        .follow("a[hreflang=\"ru\"]", "/ru/rules/protection/")
        .await;
    let ru = browser.client.source().await.unwrap();
    assert!(ru.contains("<html lang=\"ru\""));
    browser.client.back().await.unwrap();
    browser.wait_for_path("/kk/rules/protection/").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_switches_language_on_a_rules_page() {
    walk_through_languages(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_walk_works_without_javascript() {
    walk_through_languages(false).await;
}
