//! axe-core on each kind of page, in a light and a dark colour scheme.

use serde_json::{Value as Json, json};

use super::harness::{AXE, BROWSER, Browser, KINDS, open_example};

/// The WCAG 2.0 and 2.1 levels A and AA.
const TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/// Runs axe (already injected) on the page; returns its violations as
/// `id (impact): help; targets`, one per line.
async fn violations(browser: &Browser) -> Vec<String> {
    let script = r#"
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: arguments[0] } })
            .then(r => done(r.violations), e => done({ error: String(e) }));
    "#;
    let result = browser
        .client
        .execute_async(script, vec![json!(TAGS)])
        .await
        .unwrap();
    if let Some(error) = result.get("error") {
        panic!("axe failed: {error}");
    }
    let Json::Array(found) = result else {
        panic!("axe gave {result}");
    };
    found
        .iter()
        .map(|v| {
            let targets: Vec<String> = v["nodes"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|n| n["target"].to_string())
                .collect();
            format!(
                "{} ({}): {}; targets: {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or("?"),
                targets.join(", ")
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_of_page_passes_axe_in_light_and_dark() {
    let Some((served, browser)) = open_example(&[BROWSER, &[AXE]].concat(), true).await else {
        return;
    };
    let axe = std::fs::read_to_string(AXE.path()).unwrap();
    let mut problems = Vec::new();
    for dark in [false, true] {
        let scheme = if dark { "dark" } else { "light" };
        browser.color_scheme(dark);
        for kind in KINDS {
            browser.client.goto(&served.url(kind.path)).await.unwrap();
            assert_eq!(browser.prefers_dark().await, dark, "{scheme} scheme");
            browser.client.execute(&axe, vec![]).await.unwrap();
            for violation in violations(&browser).await {
                problems.push(format!("{} [{scheme}]: {violation}", kind.path));
            }
        }
    }
    browser.close().await;
    assert!(
        problems.is_empty(),
        "axe-core ({}) finds violations:\n{}",
        TAGS.join(", "),
        problems.join("\n")
    );
}
