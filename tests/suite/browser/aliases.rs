//! Moved pages keep their addresses (issue 15): through nginx, configured
//! as `deploy/nginx.conf` says, an alias answers with a 301 to the page's
//! address now; the page aqparat writes at the alias leads on by itself,
//! without JavaScript.

use super::harness::{BROWSER, Browser, ready, serve};
use crate::util::TestSite;

/// The status and `Location` of a request for `url`, redirects not followed.
fn answer(url: &str) -> (u16, Option<String>) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .build()
        .into();
    let response = agent.get(url).call().unwrap();
    let location = (response.headers().get("location")).map(|l| l.to_str().unwrap().to_string());
    (response.status().as_u16(), location)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_old_address_leads_to_the_page_with_a_301_and_without_javascript() {
    if !ready(BROWSER) {
        return;
    }
    let site = TestSite::example();
    let page = std::fs::read_to_string(site.root().join("content/rules/protection.ru.md")).unwrap();
    let page = page.replacen("---\n", "---\naliases: [/ru/old-rules/, /ru/памятка]\n", 1);
    site.write("content/rules/protection.ru.md", page);
    let served = serve(site);
    let target = "/ru/rules/protection/";
    for old in [
        "/ru/old-rules/",
        "/ru/old-rules",
        "/ru/%D0%BF%D0%B0%D0%BC%D1%8F%D1%82%D0%BA%D0%B0/",
    ] {
        let (status, location) = answer(&served.url(old));
        assert_eq!(status, 301, "{old}");
        let location = location.unwrap_or_default();
        assert!(location.ends_with(target), "{old} → {location}");
    }
    // The page at the old address, as a server without the map serves it.
    let browser = Browser::start(false).await;
    (browser.client)
        .goto(&served.url("/ru/old-rules/index.html"))
        .await
        .unwrap();
    browser.wait_for_path(target).await;
    let html = browser.client.source().await.unwrap();
    assert!(html.contains("<html lang=\"ru\""), "{html}");
    browser.close().await;
}
