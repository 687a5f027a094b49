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
        let feed = site.read(&format!("{lang}/atom.xml"));
        let doc = parse_xml(&feed);
        assert!(
            doc.descendants()
                .filter(|n| n.has_tag_name("entry"))
                .count()
                >= 7
        );
    }
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
