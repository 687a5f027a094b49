//! "No console errors, no failed requests, no request leaves localhost."

use super::harness::{BROWSER, KINDS, open_example};

/// Each kind of page, loaded with JavaScript: no SEVERE console entry,
/// every request answered below 400 (the 404 page's own document apart) and
/// none failed, every request to 127.0.0.1.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_load_without_errors_and_only_from_localhost() {
    let Some((served, browser)) = open_example(BROWSER, true).await else {
        return;
    };
    let mut problems = Vec::new();
    for kind in KINDS {
        let url = served.url(kind.path);
        let load = browser.load(&url).await;
        assert!(!load.requests.is_empty(), "{url}: no request was logged");
        problems.extend(
            load.problems(&url, kind.status)
                .into_iter()
                .map(|p| format!("{}: {p}", kind.path)),
        );
    }
    browser.close().await;
    assert!(
        problems.is_empty(),
        "pages that do not load cleanly:\n{}",
        problems.join("\n")
    );
}
