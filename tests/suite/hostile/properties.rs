//! Property tests: sites made of generated front matter, Markdown, file
//! names, link targets and statistics, hostile and ordinary mixed. For every
//! one, through the library (in process, so a panic fails the case):
//!
//! - neither `check` nor `build` panics;
//! - `check` fails exactly when `build` fails;
//! - a failed build leaves the previous output byte for byte;
//! - nothing is written outside the output folder, and the input is
//!   untouched;
//! - no markup that the input did not put in a Markdown body reaches a page,
//!   feed, sitemap or chart: generated texts carry the tag `<pwn`, which
//!   must only ever come out escaped.
//!
//! `PROPTEST_CASES` sets the number of cases of each test (48 by default).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use crate::util::{lay_fixtures, snapshot};

/// The tag generated texts carry; found unescaped in markup, it escaped.
const MARKER: &str = "<pwn";

/// An absolute path that a hostile id names; it must never be written.
const ABSOLUTE_TARGET: &str = "/tmp/aqparat-property-pwned";

/// Text as staff might write it, or as an attacker would.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Карантин ережелері".to_string()),
        Just("Помощь в цифрах".to_string()),
        Just("<pwn>".to_string()),
        Just("\"><pwn x=\"".to_string()),
        Just("'><pwn>".to_string()),
        Just("&amp; & &#x3c;".to_string()),
        Just("{{ stat(id=\"r1\") }}".to_string()),
        Just("{% raw %}".to_string()),
        Just("=HYPERLINK(\"http://x.example\")".to_string()),
        Just("@SUM(1)".to_string()),
        Just(": колон #".to_string()),
        Just("\u{0}\u{1b}[31m\u{7}".to_string()),
        Just("\u{85}\u{7f}\u{202e}".to_string()),
        Just("\r\n\t".to_string()),
        Just("😷 ә ғ қ ң ө ұ ү һ і".to_string()),
        "[a-zа-яәғқңөұүһі ]{0,12}",
    ];
    prop::collection::vec(piece, 0..4).prop_map(|parts| parts.concat())
}

/// A YAML scalar for `value`: quoted (always valid YAML) or, sometimes, as
/// it is (which may break the file, as a typo would).
fn yaml_scalar(value: String, quoted: bool) -> String {
    if quoted {
        serde_json::to_string(&value).unwrap_or_default()
    } else {
        value
    }
}

/// A file name stem for a page: ordinary, or one that breaks URLs, or one
/// that names a file aqparat makes.
fn stem() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,8}",
        1 => Just("a b".to_string()),
        1 => Just("a?b".to_string()),
        1 => Just("a%20b".to_string()),
        1 => Just("a#b".to_string()),
        1 => Just("a\\b".to_string()),
        1 => Just("a\tb".to_string()),
        1 => Just("a\nb".to_string()),
        1 => Just("a\"><pwn>".to_string()),
        1 => Just("атом".to_string()),
        1 => Just("atom.xml".to_string()),
        1 => Just("404.html".to_string()),
        1 => Just("index.html".to_string()),
        1 => Just("sitemap.xml".to_string()),
        1 => Just("data/aid.csv".to_string()),
        1 => Just("pages".to_string()),
        1 => Just("infographics/x".to_string()),
        1 => Just("rules/first".to_string()),
        1 => Just("_index".to_string()),
    ]
}

/// A generated page: its file name, front matter and body.
#[derive(Debug, Clone)]
struct Page {
    stem: String,
    lang: &'static str,
    title: Option<String>,
    quoted: bool,
    date: &'static str,
    weight: Option<i64>,
    description: Option<String>,
    body: String,
}

fn page() -> impl Strategy<Value = Page> {
    (
        stem(),
        prop_oneof![8 => Just("kk"), 8 => Just("ru"), 1 => Just("en"), 1 => Just("")],
        prop::option::weighted(0.9, text()),
        prop::bool::weighted(0.85),
        prop_oneof![
            Just("2020-04-03"),
            Just("2020-02-30"),
            Just("2020-13-01"),
            Just("3 апреля"),
            Just("")
        ],
        prop::option::of(any::<i64>()),
        prop::option::of(text()),
        body(),
    )
        .prop_map(
            |(stem, lang, title, quoted, date, weight, description, body)| Page {
                stem,
                lang,
                title,
                quoted,
                date,
                weight,
                description,
                body,
            },
        )
}

/// A Markdown body: headings (often the same), links by source path to
/// pages that may not exist, anchors, shortcodes. No `<`: raw HTML in a
/// body is the trusted author's.
fn body() -> impl Strategy<Value = String> {
    let block = prop_oneof![
        "[a-zа-яә ]{0,30}".prop_map(|t| format!("{t}\n")),
        Just("## Бөлім\n".to_string()),
        Just("## Бөлім {#x}\n".to_string()),
        Just("## x-1\n".to_string()),
        stem().prop_map(|s| format!("[сілтеме](@/{s}.md)\n")),
        Just("[басы](@/_index.md#жоқ)\n".to_string()),
        Just("[about](@/about.md)\n".to_string()),
        Just("[x](/kk/about/)\n".to_string()),
        Just("{{ stat(id=\"nothing\") }}\n".to_string()),
        Just("| a | b |\n|---|---|\n| 1 | 2 |\n".to_string()),
        Just("\u{0}\u{1b}\n".to_string()),
    ];
    prop::collection::vec(block, 0..6).prop_map(|blocks| blocks.join("\n"))
}

impl Page {
    fn path(&self) -> String {
        match self.lang {
            "" => format!("content/{}.md", self.stem),
            lang => format!("content/{}.{lang}.md", self.stem),
        }
    }

    fn text(&self) -> String {
        let mut front = String::new();
        if let Some(title) = &self.title {
            front += &format!("title: {}\n", yaml_scalar(title.clone(), self.quoted));
        }
        if !self.date.is_empty() {
            front += &format!("date: {}\n", self.date);
        }
        if let Some(weight) = self.weight {
            front += &format!("weight: {weight}\n");
        }
        if let Some(description) = &self.description {
            front += &format!("description: {}\n", yaml_scalar(description.clone(), true));
        }
        format!("---\n{front}---\n{}\n", self.body)
    }
}

/// A site in `dir/site`, with a stamped previous output holding one file.
struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    /// The `basic` fixture (over the test theme), with `stats` laid over it
    /// when `statistics`, and the search index off (it is tested elsewhere,
    /// and it is the slowest part of a build).
    fn new(statistics: bool) -> Site {
        let dir = tempfile::Builder::new()
            .prefix("aqparat-property")
            .tempdir()
            .unwrap();
        let root = dir.path().join("site");
        let fixtures: &[&str] = if statistics {
            &["basic", "stats"]
        } else {
            &["basic"]
        };
        lay_fixtures(&root, fixtures);
        let config = fs::read_to_string(root.join("site.yaml")).unwrap();
        fs::write(root.join("site.yaml"), format!("{config}search: false\n")).unwrap();
        let public = root.join("public");
        fs::create_dir_all(&public).unwrap();
        aqparat::write::stamp(&public).unwrap();
        fs::write(public.join("previous.html"), "the previous build").unwrap();
        Site { dir }
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    /// Writes a generated file; a name the file system refuses is skipped.
    fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        if let Some(parent) = path.parent() {
            let _ = fs::create_dir_all(parent);
        }
        let _ = fs::write(path, text);
    }
}

/// Runs `check` and `build` on the site and asserts every property.
fn assert_properties(site: &Site) -> Result<(), TestCaseError> {
    let root = site.root();
    let public = root.join("public");
    let options = aqparat::Options::new(&root);
    let inputs = |root: &Path| -> BTreeMap<PathBuf, Vec<u8>> {
        snapshot(root)
            .into_iter()
            // The site's cache (cards, images) is not input.
            .filter(|(path, _)| !path.starts_with("public") && !path.starts_with(".aqparat"))
            .collect()
    };
    let input_before = inputs(&root);
    let output_before = snapshot(&public);

    let check = aqparat::check(&options);
    let build = aqparat::build(&options);
    let check_failed = check.as_ref().map_or(true, |r| r.failed);
    let build_failed = build.as_ref().map_or(true, |r| r.failed);
    let said = |r: &Result<aqparat::Report, aqparat::Error>| match r {
        Ok(report) => report
            .diagnostics
            .iter()
            .map(|d| format!("{d}\n"))
            .collect::<String>(),
        Err(e) => format!("fatal: {e}"),
    };
    prop_assert_eq!(
        check_failed,
        build_failed,
        "check and build disagree\ncheck said:\n{}\nbuild said:\n{}",
        said(&check),
        said(&build)
    );
    if build_failed {
        prop_assert_eq!(
            snapshot(&public),
            output_before,
            "a failed build changed the output"
        );
    }
    prop_assert_eq!(inputs(&root), input_before, "the input was changed");
    let beside: Vec<String> = fs::read_dir(site.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    prop_assert_eq!(beside, vec!["site".to_string()], "files beside the site");
    let beside_output: Vec<String> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|name| name.starts_with(".public") || name.starts_with("public."))
        .collect();
    prop_assert!(beside_output.is_empty(), "left {:?}", beside_output);
    prop_assert!(!Path::new(ABSOLUTE_TARGET).exists());
    for (path, bytes) in snapshot(&public) {
        let markup = ["html", "xml", "svg", "txt"]
            .iter()
            .any(|ext| path.extension().is_some_and(|e| e == *ext));
        if markup && String::from_utf8_lossy(&bytes).contains(MARKER) {
            return Err(TestCaseError::fail(format!(
                "{} holds unescaped markup from a text",
                path.display()
            )));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(crate::util::proptest_config(48))]

    /// Generated pages on the small test site.
    #[test]
    fn generated_pages_never_escape_and_check_agrees_with_build(
        pages in prop::collection::vec(page(), 1..5),
        site_title in prop::option::of(text()),
    ) {
        let site = Site::new(false);
        for page in &pages {
            site.write(&page.path(), &page.text());
        }
        if let Some(title) = site_title {
            let config = fs::read_to_string(site.root().join("site.yaml")).unwrap();
            let config = config.replacen(
                "title: Сынақ сайты",
                &format!("title: {}", yaml_scalar(title, true)),
                1,
            );
            site.write("site.yaml", &config);
        }
        assert_properties(&site)?;
    }

    /// Generated statistics: ids, texts and counts, hostile and ordinary.
    #[test]
    fn generated_statistics_never_escape_and_check_agrees_with_build(
        statistics in statistics(id().boxed(), text().boxed(), count().boxed(), url().boxed()),
    ) {
        let site = Site::new(true);
        statistics.write(&site);
        assert_properties(&site)?;
    }

    /// Valid statistics whose texts are full of markup, quotes and
    /// formulas: every such site builds, and every text comes out escaped.
    #[test]
    fn statistics_with_markup_in_their_texts_build_and_escape_it(
        statistics in statistics(
            "gen-[a-z]{1,6}".boxed(),
            markup_text().boxed(),
            (0u64..5000).prop_map(|n| n.to_string()).boxed(),
            Just("https://source.example/1?a=1&b=2".to_string()).boxed(),
        ),
    ) {
        let site = Site::new(true);
        statistics.write(&site);
        let report = aqparat::check(&aqparat::Options::new(site.root()));
        prop_assert!(
            report.as_ref().is_ok_and(|r| !r.failed),
            "a valid site failed: {:?}",
            report.map(|r| r.diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>())
        );
        assert_properties(&site)?;
    }
}

/// Generated statistics: an organisation, a category and two records, added
/// to those of the `stats` fixture.
#[derive(Debug)]
struct Statistics {
    org_id: String,
    category_id: String,
    record_id: String,
    org_name: String,
    org_short: String,
    what: String,
    count: String,
    second_count: String,
    source_url: String,
}

fn statistics(
    ids: BoxedStrategy<String>,
    texts: BoxedStrategy<String>,
    counts: BoxedStrategy<String>,
    urls: BoxedStrategy<String>,
) -> impl Strategy<Value = Statistics> {
    (
        (ids.clone(), ids.clone(), ids),
        (texts.clone(), texts.clone(), texts),
        (counts.clone(), counts),
        urls,
    )
        .prop_map(
            |(
                (org_id, category_id, record_id),
                (org_name, org_short, what),
                (count, second_count),
                source_url,
            )| {
                Statistics {
                    org_id,
                    category_id,
                    record_id,
                    org_name,
                    org_short,
                    what,
                    count,
                    second_count,
                    source_url,
                }
            },
        )
}

impl Statistics {
    /// Writes the statistics into the site's `data/aid/`.
    fn write(&self, site: &Site) {
        let q = |t: &str| yaml_scalar(t.to_string(), true);
        let (org_id, org_name, org_short) = (&self.org_id, &self.org_name, &self.org_short);
        let (category_id, record_id, what) = (&self.category_id, &self.record_id, &self.what);
        let (count, second_count, source_url) = (&self.count, &self.second_count, &self.source_url);
        site.write(
            "data/aid/organisations.yaml",
            &format!(
                "{}:\n  name: {{ kk: {}, ru: {} }}\n  short: {{ kk: {}, ru: {} }}\norg-a:\n  name: {{ kk: А, ru: А }}\norg-b:\n  name: {{ kk: Б, ru: Б }}\norg-c:\n  name: {{ kk: В, ru: В }}\n",
                q(org_id), q(org_name), q(org_name), q(org_short), q(org_short)
            ),
        );
        site.write(
            "data/aid/categories.yaml",
            &format!(
                "{}: {{ name: {{ kk: {}, ru: {} }} }}\nfood: {{ name: {{ kk: Азық, ru: Еда }} }}\nmasks: {{ name: {{ kk: Бет, ru: Маски }} }}\n",
                q(category_id), q(what), q(what)
            ),
        );
        site.write(
            "data/aid/sources.yaml",
            &format!(
                "src-1:\n  title: {{ kk: {}, ru: {} }}\n  url: {}\n",
                q(what),
                q(what),
                q(source_url)
            ),
        );
        let records = fs::read_to_string(site.root().join("data/aid/records.yaml")).unwrap();
        site.write(
            "data/aid/records.yaml",
            &format!(
                "{records}\n- id: {}\n  org: {}\n  category: {}\n  count: {count}\n  unit: families\n  what: {{ kk: {}, ru: {} }}\n  source: src-1\n- id: {}\n  org: {}\n  category: food\n  count: {second_count}\n  unit: families\n  what: {{ kk: х, ru: х }}\n  source: src-1\n",
                q(record_id), q(org_id), q(category_id), q(what), q(what),
                q(&format!("{record_id}-2")), q(org_id)
            ),
        );
    }
}

/// A source's address: valid, or one that reaches for markup.
fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://source.example/1".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("https://x.example/\"><pwn>".to_string()),
        Just("https://x.example/\n<pwn>".to_string()),
    ]
}

/// A valid text full of markup, quotes and formulas (no control
/// characters), never empty.
fn markup_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<pwn>".to_string()),
        Just("\"><pwn x=\"".to_string()),
        Just("'><pwn>".to_string()),
        Just("</title><pwn>".to_string()),
        Just("]]><pwn>".to_string()),
        Just("&amp; & &#x3c;".to_string()),
        Just("=HYPERLINK(\"http://x.example\")".to_string()),
        Just("{{ stat(id=\"r1\") }}".to_string()),
        Just("«Біргеміз: Білім»".to_string()),
    ];
    prop::collection::vec(piece, 1..4).prop_map(|parts| format!("Ұйым {}", parts.concat()))
}

/// An id: valid, or one that reaches for paths or markup.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,6}(-[a-z0-9]{1,4}){0,2}",
        1 => Just("../../../../pwned".to_string()),
        1 => Just(ABSOLUTE_TARGET.to_string()),
        1 => Just("x\"><pwn>".to_string()),
        1 => Just("a/b".to_string()),
        1 => Just("a\\b".to_string()),
        1 => Just("..".to_string()),
        1 => Just("Ұйым".to_string()),
        1 => Just("a\u{0}b".to_string()),
        1 => Just("".to_string()),
    ]
}

/// A count as written in YAML.
fn count() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u64..5000).prop_map(|n| n.to_string()),
        1 => Just(i64::MAX.to_string()),
        1 => Just(u64::MAX.to_string()),
        1 => Just("-1".to_string()),
        1 => Just("1e3".to_string()),
        1 => Just("1.5".to_string()),
        1 => Just("\"12\"".to_string()),
        1 => Just("!!binary aGVsbG8=".to_string()),
        1 => Just("99999999999999999999999".to_string()),
    ]
}
