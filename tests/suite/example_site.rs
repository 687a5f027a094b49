use crate::util::{TestSite, assert_internal_links_resolve, hreflangs, parse_xml, walk};

#[test]
fn the_example_site_builds_without_errors_or_warnings() {
    let site = TestSite::example_as_built();
    let run = site.run(&["check", "--strict"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site.build();
    let public = site.public();
    let content = walk(&site.root().join("content"));
    let mut pages = 0;
    for source in &content {
        let rel = source
            .strip_prefix(site.root().join("content"))
            .unwrap()
            .display()
            .to_string();
        let (stem, lang) = rel.strip_suffix(".md").unwrap().rsplit_once('.').unwrap();
        let dir = stem.trim_end_matches("_index").trim_end_matches('/');
        let out = if dir.is_empty() {
            format!("{lang}/index.html")
        } else {
            format!("{lang}/{dir}/index.html")
        };
        let html = site.read(&out);
        assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{out}");
        // Every page of the example exists in both languages.
        assert_eq!(hreflangs(&html).len(), 3, "{out}: kk, ru and x-default");
        pages += 1;
    }
    assert!(pages >= 20, "{pages}");
    assert_internal_links_resolve(&public, "/");
    parse_xml(&site.read("sitemap.xml"));
    for lang in ["kk", "ru"] {
        parse_xml(&site.read(&format!("{lang}/atom.xml")));
    }
}

/// The example is an archive of a briefing whose only dates are "to 3
/// April 2020" (up to, not including) and "from April 2020": no page
/// claims a day it was published or updated, and the Kazakh period says
/// "before 3 April began", as the Russian says «до». Figures that may
/// count the same families (30 and 6 of «Ақтау қайырымды жандары») or
/// citizens (17 and 104 of the headquarters) are never added, on the
/// pages or in the downloads.
#[test]
fn the_example_claims_no_date_and_no_sum_its_sources_do_not_give() {
    let site = TestSite::example();
    // 2021-01-01: the feeds, with no page dated, were updated when built.
    let run = site.run_with(&["build"], &[("SOURCE_DATE_EPOCH", "1609459200")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let public = site.public();
    for file in walk(&public) {
        if file.extension().is_some_and(|e| e == "html") {
            let html = site.read(file.to_str().unwrap());
            for claim in [
                "Соңғы жаңарту",
                "Последнее обновление",
                "Жарияланды",
                "Опубликовано",
            ] {
                assert!(!html.contains(claim), "{}: {claim}", file.display());
            }
        }
    }
    for lang in ["kk", "ru"] {
        let feed = site.read(&format!("{lang}/atom.xml"));
        assert!(
            feed.contains("<updated>2021-01-01T00:00:00Z</updated>"),
            "{feed}"
        );
        assert!(!feed.contains("<entry>"), "{feed}");
        let json: serde_json::Value =
            serde_json::from_str(&site.read(&format!("{lang}/data/aid.json"))).unwrap();
        let people = |totals: &serde_json::Value| {
            (totals.as_array().unwrap().iter())
                .filter(|t| t["unit"] == "families" || t["unit"] == "citizens")
                .map(|t| t["count"].as_u64().unwrap())
                .collect::<Vec<u64>>()
        };
        assert_eq!(people(&json["totals"]["by_unit"]), [0u64; 0], "{lang}");
        for org in json["organisations"].as_array().unwrap() {
            let id = org["id"].as_str().unwrap();
            let own = (json["records"].as_array().unwrap().iter())
                .filter(|r| r["organisation"] == id && r["count"].is_u64())
                .filter(|r| r["unit"] == "families" || r["unit"] == "citizens")
                .count();
            assert!(
                own <= 1 || people(&org["totals"]).is_empty(),
                "{lang}: {id}"
            );
        }
    }
    let overview = site.read("ru/infographics/index.html");
    assert!(
        !overview.contains("class=\"tile\" data-unit=\"families\""),
        "{overview}"
    );
    let hq = site.read("kk/infographics/volunteer-hq/index.html");
    assert!(
        hq.contains("2020\u{202f}ж.\u{a0}3\u{a0}сәуір басталғанға дейін"),
        "{hq}"
    );
    assert!(!hq.contains("аяқталуы"), "{hq}");
}

/// "More than 1000 memos", as the briefing said it, in each language's
/// grammar: the Kazakh ablative after the number ("1 000-нан астам"), the
/// Russian "более" before it, with no grouping of four digits.
#[test]
fn a_figure_given_as_more_than_reads_naturally_in_each_language() {
    let site = crate::util::TestSite::example();
    site.build();
    let kk = site.read("kk/help/information/index.html");
    assert!(kk.contains("1\u{a0}000-нан астам жадынама"), "{kk}");
    let ru = site.read("ru/help/information/index.html");
    assert!(ru.contains("более 1000\u{a0}памяток"), "{ru}");
}

/// The example can be published under a folder of a host: its pages link
/// the infographics by a path from the page, which holds there too.
#[test]
fn the_example_builds_under_a_folder_address() {
    let site = TestSite::example();
    let run = site.run(&["build", "--base-url", "https://example.kz/aq/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_internal_links_resolve(&site.public(), "/aq/");
    let home = site.read("kk/index.html");
    assert!(home.contains("href=\"infographics/\""), "{home}");
}
