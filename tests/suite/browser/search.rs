//! "Search for a Kazakh word and a Russian word finds the right page" (an
//! organisation's name, its page of the statistics), and without
//! JavaScript the header's link leads to the index of all pages.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::Value as Json;

use super::harness::{BROWSER, Browser, Served, open_example};

/// The search box that replaces the header's link when JavaScript runs.
const SEARCH_INPUT: &str = "form.search[role=search] input[type=search]";

/// Words each found in the body of one page only, in one language (from
/// `content/rules/protection.{kk,ru}.md`): "түшкіргенде" (when sneezing;
/// no other Kazakh page has a word starting "түшкі") and "подбородок"
/// (chin).
const KAZAKH_WORD: &str = "түшкіргенде";
const RUSSIAN_WORD: &str = "подбородок";
const PAGE: &str = "rules/protection/";

/// The paths the links matching the CSS `selector` lead to.
async fn link_paths(browser: &Browser, selector: &str) -> Vec<String> {
    let found = browser
        .client
        .execute(
            "return Array.from(document.querySelectorAll(arguments[0]), \
             a => new URL(a.getAttribute('href'), location.href).pathname)",
            vec![Json::from(selector)],
        )
        .await
        .unwrap();
    match found {
        Json::Array(paths) => paths
            .into_iter()
            .map(|p| p.as_str().unwrap_or("").to_string())
            .collect(),
        other => panic!("links {selector}: {other}"),
    }
}

/// On the home page of `lang`, types `query` into the search box and waits
/// (up to 30 s) for a result linking to `expected`; returns every result
/// path at that moment (or a problem).
async fn search(
    browser: &Browser,
    served: &Served,
    lang: &str,
    query: &str,
    expected: &str,
) -> Result<Vec<String>, String> {
    browser
        .client
        .goto(&served.url(&format!("/{lang}/")))
        .await
        .unwrap();
    let input = browser
        .client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(SEARCH_INPUT))
        .await
        .map_err(|e| format!("/{lang}/: no search box ({SEARCH_INPUT}): {e}"))?;
    input.send_keys(query).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let paths = link_paths(browser, ".search-results a").await;
        if paths.iter().any(|p| p == expected) {
            return Ok(paths);
        }
        if Instant::now() > deadline {
            return Err(format!(
                "/{lang}/: searching «{query}» gives {paths:?}, not {expected}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_finds_a_kazakh_and_a_russian_word_on_the_right_page() {
    let Some((served, browser)) = open_example(BROWSER, true).await else {
        return;
    };
    let prefix: String = KAZAKH_WORD.chars().take(5).collect();
    let mut problems = Vec::new();
    let rules_page = |lang: &str| format!("/{lang}/{PAGE}");
    for (lang, query, expected) in [
        ("kk", KAZAKH_WORD, rules_page("kk")),
        ("kk", prefix.as_str(), rules_page("kk")),
        ("ru", RUSSIAN_WORD, rules_page("ru")),
        // An organisation's name finds its page of the statistics.
        ("ru", "Чосон", "/ru/infographics/choson/".to_string()),
    ] {
        match search(&browser, &served, lang, query, &expected).await {
            Ok(paths) => {
                let other = if lang == "kk" { "/ru/" } else { "/kk/" };
                let strays: Vec<&String> = paths.iter().filter(|p| p.starts_with(other)).collect();
                if !strays.is_empty() {
                    problems.push(format!(
                        "/{lang}/: searching «{query}» also finds pages of the other language: {strays:?}"
                    ));
                }
            }
            Err(problem) => problems.push(problem),
        }
    }
    browser.close().await;
    assert!(problems.is_empty(), "search:\n{}", problems.join("\n"));
}

/// The URL path of each Kazakh page written from `content/` (drafts
/// apart): `content/rules/_index.kk.md` is `/kk/rules/`.
fn kazakh_content_pages(served: &Served) -> Vec<String> {
    let content = served.site().root().join("content");
    crate::util::walk(&content)
        .into_iter()
        .filter(|f| f.to_string_lossy().ends_with(".kk.md"))
        .filter(|f| {
            !std::fs::read_to_string(f)
                .unwrap()
                .lines()
                .any(|l| l.trim() == "draft: true")
        })
        .map(|f| {
            let rel = f.strip_prefix(&content).unwrap().to_string_lossy();
            let rel = rel.strip_suffix(".kk.md").unwrap();
            let rel = rel.strip_suffix("_index").unwrap_or(rel);
            let rel = rel.trim_end_matches('/');
            if rel.is_empty() {
                "/kk/".to_string()
            } else {
                format!("/kk/{rel}/")
            }
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_javascript_the_search_link_leads_to_an_index_of_all_pages() {
    let Some((served, browser)) = open_example(BROWSER, false).await else {
        return;
    };
    browser.client.goto(&served.url("/kk/")).await.unwrap();
    assert!(
        browser
            .client
            .find_all(Locator::Css("form.search"))
            .await
            .unwrap()
            .is_empty(),
        "without JavaScript there is no search form"
    );
    browser.follow("header a.search-link", "/kk/pages/").await;
    let links = link_paths(&browser, "main a[href]").await;
    browser.close().await;
    let links: Vec<&str> = links.iter().map(String::as_str).collect();
    assert!(
        links.contains(&"/kk/rules/protection/"),
        "/kk/pages/ lacks the rules page: {links:?}"
    );
    let missing: Vec<String> = kazakh_content_pages(&served)
        .into_iter()
        .filter(|p| !links.contains(&p.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "/kk/pages/ does not list {missing:?}; it links to {links:?}"
    );
}
