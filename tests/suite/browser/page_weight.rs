//! "Budget per page: HTML + CSS + JS under 60 KB uncompressed on the
//! example's pages (charts included), no third-party requests at all."

use super::harness::{BROWSER, open_example};

/// The budget of HTML + CSS + JS a page may load, uncompressed.
const BUDGET: u64 = 60 * 1024;

/// Every HTML page of the built example, loaded with JavaScript: the
/// documents, style sheets and scripts it loads (charts are inline SVG, in
/// the HTML) weigh under the budget, measured as the files nginx sends
/// before compression; and no request leaves 127.0.0.1.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_loads_under_60_kb_of_html_css_and_js_from_localhost_only() {
    let Some((served, browser)) = open_example(BROWSER, true).await else {
        return;
    };
    let mut weights = Vec::new();
    let mut problems = Vec::new();
    for path in served.html_paths() {
        let load = browser.load(&served.url(&path)).await;
        let mut bytes = 0;
        let mut parts = Vec::new();
        for request in &load.requests {
            if request.is_local_scheme() {
                continue;
            }
            if request.host() != Some("127.0.0.1") {
                problems.push(format!(
                    "{path}: a request leaves localhost: {}",
                    request.url
                ));
            }
            if !["Document", "Stylesheet", "Script"].contains(&request.kind.as_str()) {
                continue;
            }
            match served.file_of(request.path()) {
                Some(file) => {
                    let size = std::fs::metadata(file).unwrap().len();
                    bytes += size;
                    parts.push(format!("{} {size}", request.path()));
                }
                None => problems.push(format!("{path}: {} is no file", request.url)),
            }
        }
        if bytes >= BUDGET {
            problems.push(format!(
                "{path}: {bytes} bytes of HTML + CSS + JS, over {BUDGET} ({})",
                parts.join(", ")
            ));
        }
        weights.push((bytes, path, parts));
    }
    browser.close().await;
    assert!(!weights.is_empty(), "no page was weighed");
    weights.sort();
    println!("heaviest pages (bytes of HTML + CSS + JS):");
    for (bytes, path, parts) in weights.iter().rev().take(5) {
        println!("{bytes:>7} {path} ({})", parts.join(", "));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
