//! Previews (issue 15): the Open Graph and Twitter meta of every page in its
//! language, its card (a 1200×630 PNG drawn once), and its JSON-LD, read
//! back by parsing the published HTML.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{
    TestSite, assert_same_as_a_full_build, copy_dir, repo, wait_for_search_index, wait_until, watch,
};

/// What a page's head tells previews: its `<meta property|name content>`
/// (every value, in order) and its JSON-LD scripts, parsed.
struct Head {
    meta: BTreeMap<String, Vec<String>>,
    json_ld: Vec<Value>,
    canonical: String,
}

impl Head {
    /// The head of the HTML `html`, read with lol_html's tokenizer.
    fn of(html: &str) -> Head {
        use lol_html::{HtmlRewriter, Settings, element, text};
        let mut meta: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut scripts: Vec<String> = Vec::new();
        let mut canonical = String::new();
        let mut current = String::new();
        {
            let settings = Settings::new()
                .append_element_content_handler(element!("meta", |el| {
                    let key = el.get_attribute("property").or(el.get_attribute("name"));
                    if let (Some(key), Some(content)) = (key, el.get_attribute("content")) {
                        meta.entry(key).or_default().push(unescape(&content));
                    }
                    Ok(())
                }))
                .append_element_content_handler(element!("link[rel=canonical]", |el| {
                    canonical = el.get_attribute("href").unwrap_or_default();
                    Ok(())
                }))
                .append_element_content_handler(text!(
                    r#"script[type="application/ld+json"]"#,
                    |t| {
                        current.push_str(t.as_str());
                        if t.last_in_text_node() {
                            scripts.push(std::mem::take(&mut current));
                        }
                        Ok(())
                    }
                ));
            let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
            rewriter.write(html.as_bytes()).unwrap();
            rewriter.end().unwrap();
        }
        let json_ld = scripts
            .iter()
            .map(|s| serde_json::from_str(s).unwrap_or_else(|e| panic!("JSON-LD {s}: {e}")))
            .collect();
        Head {
            meta,
            json_ld,
            canonical,
        }
    }

    /// The one value of meta `key`.
    fn one(&self, key: &str) -> &str {
        match self.meta.get(key).map(Vec::as_slice) {
            Some([one]) => one,
            other => panic!("meta {key}: {other:?}"),
        }
    }

    /// The values of meta `key`.
    fn all(&self, key: &str) -> Vec<&str> {
        (self.meta.get(key).into_iter().flatten())
            .map(String::as_str)
            .collect()
    }

    /// The node of type `kind` of the page's one JSON-LD graph.
    fn node(&self, kind: &str) -> Option<&Value> {
        assert_eq!(self.json_ld.len(), 1, "one JSON-LD script");
        let graph = self.json_ld[0]["@graph"].as_array().expect("a @graph");
        graph.iter().find(|n| n["@type"] == kind)
    }
}

/// `&amp;`, `&quot;`, `&lt;`, `&gt;`, `&#39;`, `&#x27;` decoded.
fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// The file of the build at absolute address `url` of a site published at
/// `base`.
fn file_at(public: &Path, base: &str, url: &str) -> PathBuf {
    let rel = url
        .strip_prefix(base)
        .unwrap_or_else(|| panic!("{url} is not under {base}"));
    public.join(rel)
}

/// The width and height of the PNG `bytes`, from its header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let number = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

const EXAMPLE_BASE: &str = "https://mangystau-volunteers.example/";

/// Every page of the example site in both languages has its Open Graph
/// meta in its language, a card that is a 1200×630 PNG of the build, and
/// JSON-LD that parses, with the types and fields each kind of page needs.
#[test]
fn pages_tell_previews_about_themselves_in_their_language() {
    let site = TestSite::example_as_built();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let public = site.public();
    for (lang, locale, other) in [("kk", "kk_KZ", "ru_RU"), ("ru", "ru_RU", "kk_KZ")] {
        for rel in ["", "rules/", "rules/emergency/"] {
            let html = site.read(&format!("{lang}/{rel}index.html"));
            let head = Head::of(&html);
            let url = format!("{EXAMPLE_BASE}{lang}/{rel}");
            assert_eq!(head.one("og:url"), url);
            assert_eq!(head.canonical, url);
            assert_eq!(head.one("og:locale"), locale);
            assert_eq!(head.all("og:locale:alternate"), [other]);
            let title = head.one("og:title");
            assert!(!title.is_empty());
            assert_eq!(head.one("twitter:card"), "summary_large_image");
            let image = head.one("og:image");
            assert!(image.starts_with(&format!("{EXAMPLE_BASE}og/")), "{image}");
            let card = std::fs::read(file_at(&public, EXAMPLE_BASE, image)).unwrap();
            assert_eq!(png_size(&card), (1200, 630), "{image}");
            let website = head.node("WebSite").expect("WebSite");
            assert_eq!(website["url"], format!("{EXAMPLE_BASE}{lang}/"));
            assert_eq!(website["inLanguage"], lang);
            let page = head.node("WebPage").expect("WebPage");
            assert_eq!(page["url"], url);
            assert_eq!(page["name"], title);
            // The example's pages claim no date its sources do not give.
            assert_eq!(page.get("dateModified"), None, "{lang}/{rel}");
            assert!(!html.contains("datetime="), "{lang}/{rel}");
            let crumbs = head.node("BreadcrumbList");
            match rel {
                "" => assert!(crumbs.is_none(), "the home page has no breadcrumbs"),
                _ => {
                    let items = crumbs.expect("BreadcrumbList")["itemListElement"]
                        .as_array()
                        .unwrap()
                        .clone();
                    assert_eq!(items.len(), rel.matches('/').count() + 1);
                    assert_eq!(items[0]["item"], format!("{EXAMPLE_BASE}{lang}/"));
                    assert_eq!(items.last().unwrap()["item"], url);
                    for (i, item) in items.iter().enumerate() {
                        assert_eq!(item["position"], i + 1);
                    }
                }
            }
            assert!(head.node("Dataset").is_none());
        }
        let html = site.read(&format!("{lang}/infographics/index.html"));
        let head = Head::of(&html);
        assert_eq!(head.one("og:locale"), locale);
        let image = head.one("og:image");
        assert!(
            image.contains("/infographics/charts/"),
            "a chart's card: {image}"
        );
        let card = std::fs::read(file_at(&public, EXAMPLE_BASE, image)).unwrap();
        assert_eq!(png_size(&card), (1080, 1080));
        let dataset = head.node("Dataset").expect("Dataset");
        assert_eq!(
            dataset["license"],
            "https://creativecommons.org/licenses/by/4.0/"
        );
        assert!(
            dataset["publisher"]["name"]
                .as_str()
                .is_some_and(|p| !p.is_empty())
        );
        let distributions = dataset["distribution"].as_array().unwrap();
        let formats: Vec<&str> = distributions
            .iter()
            .map(|d| d["encodingFormat"].as_str().unwrap())
            .collect();
        assert!(formats.contains(&"text/csv") && formats.contains(&"application/json"));
        assert!(distributions.len() >= 4);
        for distribution in distributions {
            let url = distribution["contentUrl"].as_str().unwrap();
            assert!(file_at(&public, EXAMPLE_BASE, url).is_file(), "{url}");
        }
    }
}

/// The `basic` site under the theme the repository ships.
fn basic_with_shipped_theme() -> TestSite {
    let site = TestSite::fixture("basic");
    copy_dir(
        &repo().join("themes/default"),
        &site.root().join("themes/default"),
    );
    site
}

/// A title is text, never markup: one with `</script>`, quotes and `&`
/// stays inside its attribute and its JSON-LD script, and reads back as
/// written.
#[test]
fn a_title_cannot_break_out_of_the_head() {
    let site = basic_with_shipped_theme();
    let title = r#"Ереже </script><script>alert("x")</script> & 'сол' "#;
    let page = std::fs::read_to_string(site.root().join("content/about.kk.md")).unwrap();
    let (_, rest) = page.split_once("title:").unwrap();
    let (_, rest) = rest.split_once('\n').unwrap();
    site.write(
        "content/about.kk.md",
        format!("---\ntitle: '{}'\n{rest}", title.replace('\'', "''")),
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = site.read("kk/about/index.html");
    assert!(
        !html.contains("<script>alert"),
        "no script of the title's:\n{html}"
    );
    assert_eq!(
        html.matches("</script>").count(),
        html.matches("<script").count(),
        "each script's own end alone"
    );
    let head = Head::of(&html);
    assert_eq!(head.one("og:title"), title);
    assert_eq!(head.node("WebPage").unwrap()["name"], title);
    let ld = &html[html.find("application/ld+json").unwrap()..];
    let ld = &ld[..ld.find("</script>").unwrap()];
    assert!(ld.contains(r"\u003c/script>"), "`<` is written `\\u003c`");
}

/// `previews: false`: no cards, and the pages say so to previews.
#[test]
fn previews_false_draws_no_cards() {
    let site = basic_with_shipped_theme();
    site.add_to_config("previews: false");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!site.public().join("og").exists());
    let head = Head::of(&site.read("kk/rules/first/index.html"));
    assert!(head.all("og:image").is_empty());
    assert_eq!(head.one("twitter:card"), "summary");
    assert_eq!(head.one("og:locale"), "kk_KZ");
}

/// The cards of the published build, by file name, with their inodes: read
/// again when a build was published meanwhile (the one read may then be
/// changing into the next).
fn cards(output: &Path) -> BTreeMap<String, u64> {
    use std::os::unix::fs::MetadataExt;
    wait_until("a listing of one build's cards", || {
        let build = std::fs::canonicalize(output).ok()?;
        let cards = std::fs::read_dir(build.join("og")).ok()?.map(|entry| {
            let entry = entry.ok()?;
            let name = entry.file_name().to_string_lossy().to_string();
            Some((name, entry.metadata().ok()?.ino()))
        });
        let cards = cards.collect::<Option<BTreeMap<_, _>>>()?;
        (std::fs::canonicalize(output).ok()? == build).then_some(cards)
    })
}

/// In `watch`, a card is drawn again only when what it shows changes: an
/// edit of a page's text leaves every card's file as it was (the same
/// inode: not written again); an edit of its title replaces its card alone.
#[test]
fn a_card_is_drawn_again_only_when_what_it_shows_changes() {
    let site = basic_with_shipped_theme();
    let output = site.root().join("published");
    let running = watch(site.root(), &output, &[]);
    let before = cards(&output);
    assert!(before.len() > 5, "a card per page: {before:?}");
    let page = "content/rules/first.kk.md";
    let text = std::fs::read_to_string(site.root().join(page)).unwrap();
    site.save(page, text.replace("Мәтін.", "Мәтін өзгерді."));
    let first = output.join("kk/rules/first/index.html");
    wait_until("the page rendered again", || {
        std::fs::read_to_string(&first)
            .ok()
            .filter(|h| h.contains("Мәтін өзгерді."))
    });
    assert_eq!(cards(&output), before, "no card written again");
    site.save(
        page,
        text.replace("title: Бірінші ереже", "title: Жаңа ереже"),
    );
    let after = wait_until("the new card", || {
        let now = cards(&output);
        (now != before).then_some(now)
    });
    let gone: Vec<_> = before.keys().filter(|k| !after.contains_key(*k)).collect();
    let new: Vec<_> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    assert_eq!((gone.len(), new.len()), (1, 1), "{before:?} {after:?}");
    for (name, inode) in &after {
        if before.contains_key(name) {
            assert_eq!(before[name], *inode, "{name} not written again");
        }
    }
    wait_for_search_index(&running);
    assert_same_as_a_full_build(&site, &output, &running);
}

/// A second `build` draws no card again: it takes the previous output's
/// (the same file, linked).
#[test]
fn a_second_build_keeps_the_cards() {
    let site = basic_with_shipped_theme();
    assert_eq!(site.build().code, 0);
    let before = cards(&site.public());
    assert_eq!(site.build().code, 0);
    assert_eq!(cards(&site.public()), before);
}

/// A card with a long Kazakh title and one with a Russian title, drawn with
/// the theme's font, are kept in `target/screenshots` to be looked at.
#[test]
fn cards_to_look_at() {
    let site = basic_with_shipped_theme();
    let kk = "Төтенше жағдай кезінде қарттарға, мүгедектігі бар адамдарға және көпбалалы отбасыларға азық-түлік жеткізу тәртібі";
    let page = std::fs::read_to_string(site.root().join("content/about.kk.md")).unwrap();
    let (_, rest) = page.split_once("title:").unwrap();
    let (_, rest) = rest.split_once('\n').unwrap();
    site.write("content/about.kk.md", format!("---\ntitle: {kk}\n{rest}"));
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let screenshots = repo().join("target/screenshots");
    std::fs::create_dir_all(&screenshots).unwrap();
    for (lang, name) in [("kk", "card-kk.png"), ("ru", "card-ru.png")] {
        let head = Head::of(&site.read(&format!("{lang}/about/index.html")));
        let card = file_at(
            &site.public(),
            "https://test.example/",
            head.one("og:image"),
        );
        let bytes = std::fs::read(card).unwrap();
        assert_eq!(png_size(&bytes), (1200, 630));
        std::fs::write(screenshots.join(name), bytes).unwrap();
    }
}

/// A dated page's JSON-LD says when it was last modified: the day its
/// footer shows.
#[test]
fn a_dated_page_tells_previews_the_day_it_was_updated() {
    let site = TestSite::fixture("basic");
    crate::util::copy_dir(
        &crate::util::repo().join("themes/default"),
        &site.root().join("themes/default"),
    );
    site.build();
    let html = site.read("kk/rules/first/index.html");
    let head = Head::of(&html);
    let page = head.node("WebPage").expect("WebPage");
    assert_eq!(page["dateModified"], "2020-04-05");
    assert!(html.contains("datetime=\"2020-04-05\""), "{html}");
}
