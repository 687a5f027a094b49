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

/// Records for the comparison below: the example site's Markdown, read as
/// text, each file a page in its language.
fn comparison_records(served: &Served) -> Vec<Json> {
    let content = served.site().root().join("content");
    let mut files = crate::util::walk(&content);
    files.retain(|f| f.extension().is_some_and(|x| x == "md"));
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).unwrap();
            let lang = if file.to_string_lossy().ends_with(".kk.md") {
                "kk"
            } else {
                "ru"
            };
            let title = text
                .lines()
                .find_map(|l| l.strip_prefix("title: "))
                .unwrap_or("")
                .to_string();
            let rel = file.strip_prefix(&content).unwrap().display().to_string();
            serde_json::json!({
                "url": format!("/{lang}/{rel}"),
                "lang": lang,
                "title": title,
                "description": "",
                "text": text,
            })
        })
        .collect()
}

/// aqparat's index of `records` (`aqparat search-index`: each record as a
/// JSON value `{"New": record}` with a key of its own, then `"End"`; the
/// index comes back as its number of files, then each file), by path.
fn aqparat_index(records: &[Json]) -> Vec<(String, Vec<u8>)> {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = crate::util::aqparat()
        .arg("search-index")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = Vec::new();
    for (i, record) in records.iter().enumerate() {
        let mut record = record.clone();
        record["key"] = serde_json::json!([i, 0]);
        serde_json::to_writer(&mut input, &serde_json::json!({ "New": record })).unwrap();
    }
    serde_json::to_writer(&mut input, "End").unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input).unwrap());
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(output.status.success(), "aqparat search-index failed");
    let mut rest = &output.stdout[..];
    let mut files = Vec::new();
    let take = |n: usize, rest: &mut &[u8]| {
        let (head, tail) = rest.split_at(n);
        *rest = tail;
        head.to_vec()
    };
    let count = u64::from_le_bytes(take(8, &mut rest).try_into().unwrap());
    for _ in 0..count {
        let name_len = u32::from_le_bytes(take(4, &mut rest).try_into().unwrap()) as usize;
        let name = String::from_utf8(take(name_len, &mut rest)).unwrap();
        let len = u64::from_le_bytes(take(8, &mut rest).try_into().unwrap()) as usize;
        files.push((name, take(len, &mut rest)));
    }
    assert!(rest.is_empty(), "one index, nothing after it");
    files
}

/// Pagefind's own index of `records` (the `pagefind` crate), one
/// `PagefindIndex` per language as aqparat used it, by path.
async fn pagefind_index(records: &[Json]) -> Vec<(String, Vec<u8>)> {
    use std::collections::BTreeMap;
    let mut files = Vec::new();
    let mut entry = serde_json::json!({});
    for lang in ["kk", "ru"] {
        let options = pagefind::options::PagefindServiceConfig::builder()
            .keep_index_url(true)
            .build();
        let mut index = pagefind::api::PagefindIndex::new(Some(options)).unwrap();
        for record in records.iter().filter(|r| r["lang"] == lang) {
            let title = record["title"].as_str().unwrap().to_string();
            let content = [&title, record["text"].as_str().unwrap()]
                .iter()
                .filter(|part| !part.is_empty())
                .copied()
                .collect::<Vec<&str>>()
                .join(". ");
            index
                .add_custom_record(
                    record["url"].as_str().unwrap().to_string(),
                    content,
                    lang.to_string(),
                    Some(BTreeMap::from([("title".to_string(), title)])),
                    None,
                    None,
                )
                .await
                .unwrap();
        }
        for file in index.get_files().await.unwrap() {
            let name = file.filename.to_string_lossy().to_string();
            if name == "pagefind-entry.json" {
                let more: Json = serde_json::from_slice(&file.contents).unwrap();
                match entry.get_mut("languages") {
                    Some(languages) => languages
                        .as_object_mut()
                        .unwrap()
                        .extend(more["languages"].as_object().unwrap().clone()),
                    None => entry = more,
                }
            } else {
                files.push((format!("pagefind/{name}"), file.contents));
            }
        }
    }
    files.push((
        "pagefind/pagefind-entry.json".to_string(),
        entry.to_string().into_bytes(),
    ));
    files
}

/// Queries in each language: whole words, prefixes (Kazakh has no
/// stemmer), inflected Russian forms (stemmed), ё and й, two words, and
/// words no page has.
const COMPARED_QUERIES: &[(&str, &[&str])] = &[
    (
        "kk",
        &[
            "түшкіргенде",
            "түшкі",
            "еріктілер",
            "ерікті",
            "қол",
            "қолды жуу",
            "маска",
            "Маңғыстау",
            "көмек",
            "дәрігер",
            "ақпарат",
            "жоқсөз",
        ],
    ),
    (
        "ru",
        &[
            "подбородок",
            "подбородка",
            "волонтёры",
            "волонтеры",
            "волонтёр",
            "руки",
            "мойте руки",
            "коронавирус",
            "помощь",
            "врач",
            "ещё",
            "как",
            "несуществующееслово",
        ],
    ),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_index_gives_the_results_of_pagefinds_own_index_of_the_same_records() {
    let Some((served, browser)) = open_example(BROWSER, true).await else {
        return;
    };
    let records = comparison_records(&served);
    for (side, files) in [
        ("aqparat", aqparat_index(&records)),
        ("pagefind", pagefind_index(&records).await),
    ] {
        for (name, contents) in files {
            let path = served.public().join("compare").join(side).join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, contents).unwrap();
        }
    }
    let mut results: Vec<Json> = Vec::new();
    for (lang, queries) in COMPARED_QUERIES {
        // Pagefind picks the index of the page's language.
        browser
            .client
            .goto(&served.url(&format!("/{lang}/")))
            .await
            .unwrap();
        let found = browser
            .client
            .execute_async(
                "const [queries, done] = arguments;
                 (async () => {
                   const out = {};
                   for (const side of ['aqparat', 'pagefind']) {
                     const pf = await import(`/compare/${side}/pagefind/pagefind.js`);
                     await pf.init();
                     out[side] = [];
                     for (const query of queries) {
                       const search = await pf.search(query);
                       const top = await Promise.all(search.results.slice(0, 5).map(
                         async r => { const d = await r.data();
                                      // The library puts its folder before URLs.
                                      const url = d.url.replace(`/compare/${side}`, '');
                                      return `${url} ${r.score.toFixed(5)} ${d.excerpt}`; }));
                       out[side].push({ query, count: search.results.length, top });
                     }
                   }
                   return out;
                 })().then(done, e => done({ error: String(e) }));",
                vec![Json::from(*queries)],
            )
            .await
            .unwrap();
        assert!(found.get("error").is_none(), "{lang}: {found}");
        results.push(found);
    }
    browser.close().await;
    let mut problems = Vec::new();
    let mut found_some = 0;
    for found in &results {
        let ours = found["aqparat"].as_array().unwrap();
        let theirs = found["pagefind"].as_array().unwrap();
        assert_eq!(ours.len(), theirs.len());
        for (ours, theirs) in ours.iter().zip(theirs) {
            if ours != theirs {
                problems.push(format!("aqparat {ours}\npagefind {theirs}"));
            }
            if ours["count"].as_u64().unwrap_or(0) > 0 {
                found_some += 1;
            }
        }
    }
    assert!(
        problems.is_empty(),
        "different results:\n{}",
        problems.join("\n")
    );
    // Not two empty indexes: most queries find pages.
    assert!(
        found_some >= 18,
        "only {found_some} queries found anything: {results:?}"
    );
}
