//! "Readable offline": the home pages, the rules section and every page a
//! reader opened are shown without the network (nginx stopped, not
//! emulated), a page never opened is not; online, the network's page is
//! shown, never a kept one.

use fantoccini::Locator;
use serde_json::json;

use super::harness::{BROWSER, Browser, NGINX, Served, open_example, ready, serve, text_of};
use crate::util::TestSite;

/// The page read online, then offline.
const OPENED: &str = "/kk/rules/protection/";
/// A page never opened.
const UNOPENED: &str = "/kk/help/education/";
/// What the worker keeps as soon as it runs (the rules section is in the
/// menu).
const AHEAD: &[&str] = &["/", "/kk/", "/ru/", "/kk/rules/"];

/// The text of the first `<h1>` of `html`.
fn heading(html: &str) -> String {
    let start = html.find("<h1").expect("a heading");
    let end = start + html[start..].find("</h1>").expect("the heading's end");
    text_of(&html[start..end])
}

/// The heading of the built page at `path`.
fn built_heading(served: &Served, path: &str) -> String {
    heading(&std::fs::read_to_string(served.file_of(path).unwrap()).unwrap())
}

/// Opens `path` and returns the text of its first heading, or `None` when
/// the browser shows no page of the site (its own error page).
async fn shown_heading(browser: &Browser, served: &Served, path: &str) -> Option<String> {
    // A failed navigation is an error of chromedriver's, or its error page.
    if browser.client.goto(&served.url(path)).await.is_err() {
        return None;
    }
    let source = browser.client.source().await.unwrap();
    source
        .contains("<link rel=\"canonical\"")
        .then(|| heading(&source))
}

/// Whether the page shown has the notice that it is a kept copy.
async fn says_it_is_a_copy(browser: &Browser) -> bool {
    let notice = browser.client.find(Locator::Css(".offline")).await.unwrap();
    notice.is_displayed().await.unwrap()
}

/// Waits until the page is controlled by the site's service worker.
async fn wait_for_worker(browser: &Browser) {
    let script = "var done = arguments[0];
        if (navigator.serviceWorker.controller) done(true);
        else navigator.serviceWorker.addEventListener('controllerchange', function () { done(true); });";
    browser.client.execute_async(script, vec![]).await.unwrap();
}

/// Waits until the browser keeps a copy of `path` that contains `text`
/// (fails after the WebDriver script timeout).
async fn wait_until_kept(browser: &Browser, served: &Served, path: &str, text: &str) {
    let script = "var url = arguments[0], text = arguments[1], done = arguments[2];
        (function check() {
          caches.match(url).then(function (copy) {
            return copy ? copy.text().then(function (t) { return t.indexOf(text) >= 0; }) : false;
          }).then(function (kept) { if (kept) done(true); else setTimeout(check, 50); });
        })();";
    browser
        .client
        .execute_async(script, vec![json!(served.url(path)), json!(text)])
        .await
        .unwrap_or_else(|e| panic!("{path} is not kept with {text:?}: {e}"));
}

/// The home page installs the worker, which keeps the home pages and the
/// rules section; a rules page is opened. With nginx stopped, these are
/// shown and a page never opened is not. nginx back with a changed page:
/// the changed page is shown, and kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opened_pages_the_home_pages_and_the_rules_are_read_offline() {
    let Some((mut served, browser)) = open_example(BROWSER, true).await else {
        return;
    };
    browser.client.goto(&served.url("/kk/")).await.unwrap();
    wait_for_worker(&browser).await;
    for path in AHEAD {
        wait_until_kept(&browser, &served, path, "").await;
    }
    browser.client.goto(&served.url(OPENED)).await.unwrap();
    wait_until_kept(&browser, &served, OPENED, "").await;

    served.stop();
    for path in AHEAD.iter().chain([&OPENED]) {
        assert_eq!(
            shown_heading(&browser, &served, path).await,
            Some(built_heading(&served, path)),
            "{path} offline"
        );
        // `/`, the languages' chooser, has no notice (nor any script).
        if *path != "/" {
            assert!(says_it_is_a_copy(&browser).await, "{path} offline");
        }
    }
    assert_eq!(
        shown_heading(&browser, &served, UNOPENED).await,
        None,
        "{UNOPENED}, never opened, is shown offline"
    );

    served.restart();
    let file = served.file_of(OPENED).unwrap();
    let fresh = "<p id=\"fresh\">A fresh version</p>";
    let html = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, html.replacen("</h1>", &format!("</h1>{fresh}"), 1)).unwrap();
    browser.client.goto(&served.url(OPENED)).await.unwrap();
    let shown = browser.client.find(Locator::Css("#fresh")).await;
    assert!(shown.is_ok(), "{OPENED} online shows a kept, stale copy");
    assert!(!says_it_is_a_copy(&browser).await, "{OPENED} online");
    wait_until_kept(&browser, &served, OPENED, fresh).await;
    served.stop();
    browser.client.goto(&served.url(OPENED)).await.unwrap();
    let shown = browser.client.find(Locator::Css("#fresh")).await;
    assert!(shown.is_ok(), "{OPENED} offline shows the copy kept before");
    assert!(says_it_is_a_copy(&browser).await, "{OPENED} offline");
    browser.close().await;
}

/// The `Cache-Control` nginx sends with the site's `path`.
fn cache_control(served: &Served, path: &str) -> String {
    let response = ureq::get(&served.url(path)).call().unwrap();
    let value = response.headers().get("cache-control");
    value.map_or("", |v| v.to_str().unwrap()).to_string()
}

/// nginx makes browsers check the worker on every visit (a new worker
/// then replaces the old at once), and keeps the content-named images a
/// year.
#[test]
fn nginx_sends_the_worker_uncached_and_images_for_a_year() {
    if !ready(&[NGINX]) {
        return;
    }
    let served = serve(TestSite::example());
    assert_eq!(cache_control(&served, "/sw.js"), "no-cache");
    let images = served.public().join("images");
    std::fs::create_dir_all(&images).unwrap();
    std::fs::write(images.join("0123abcd-360.webp"), b"RIFF").unwrap();
    assert_eq!(
        cache_control(&served, "/images/0123abcd-360.webp"),
        "public, max-age=31536000, immutable"
    );
}
