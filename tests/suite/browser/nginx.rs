//! The example site served by nginx as `deploy/nginx.conf` says: a missing
//! address of any kind (a page, an `.html`, `.css` or `.xml` file) answers
//! 404 with its language's 404 page, not nginx's own; the feeds and the
//! sitemap are revalidated on every visit, as `deploy/publish-s3.sh` sends
//! them.

use super::harness::{NGINX, ready, serve};
use crate::util::TestSite;

/// The status, `Cache-Control` and body of a request for `url`.
fn answer(url: &str) -> (u16, String, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent.get(url).call().unwrap();
    let cache = (response.headers().get("cache-control"))
        .map_or("", |v| v.to_str().unwrap())
        .to_string();
    let body = response.body_mut().read_to_string().unwrap();
    (response.status().as_u16(), cache, body)
}

#[test]
fn every_missing_address_gets_its_languages_404_page() {
    if !ready(&[NGINX]) {
        return;
    }
    let served = serve(TestSite::example());
    let page_of = |lang: &str| {
        let file = served.public().join(lang).join("404.html");
        std::fs::read_to_string(file).unwrap()
    };
    for (path, lang) in [
        ("/kk/no-such-page/", "kk"),
        ("/kk/nope.html", "kk"),
        ("/kk/rules/nope.css", "kk"),
        ("/ru/nope.xml", "ru"),
        ("/ru/nope.json", "ru"),
        ("/ru/rules/nope.png", "ru"),
    ] {
        let (status, _, body) = answer(&served.url(path));
        assert_eq!(status, 404, "{path}");
        assert_eq!(body, page_of(lang), "{path}: the {lang} 404 page");
    }
    let (status, _, body) = answer(&served.url("/nope.html"));
    assert_eq!(status, 404);
    assert!(
        body.contains("<html"),
        "/nope.html: the site's own 404 page"
    );
    assert!(!body.contains("<center>nginx"), "/nope.html: {body}");
    for path in ["/kk/atom.xml", "/ru/atom.xml", "/sitemap.xml"] {
        let (status, cache, _) = answer(&served.url(path));
        assert_eq!((status, cache.as_str()), (200, "no-cache"), "{path}");
    }
    let (_, cache, _) = answer(&served.url("/style.css"));
    assert_eq!(cache, "public, max-age=3600, must-revalidate");
}
