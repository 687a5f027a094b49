//! Hostile `data/aid/`: ids that try to leave the output or their
//! attribute, formulas in the CSV downloads, counts that would wrap a total,
//! control characters, explicit YAML tags and alias bombs. Each is an error
//! at its file, line and column (exit code 1, nothing written), or, for the
//! CSV, neutralised in the output.

use std::fs;
use std::time::{Duration, Instant};

use crate::util::{Run, TestSite, snapshot, walk};

/// Appends `text` to the file `rel` of `site`; returns the line number the
/// appended text starts at.
fn append(site: &TestSite, rel: &str, text: &str) -> usize {
    let path = site.root().join(rel);
    let mut old = fs::read_to_string(&path).unwrap();
    if !old.ends_with('\n') {
        old.push('\n');
    }
    let first_line = old.lines().count() + 1;
    site.write(rel, format!("{old}{text}"));
    first_line
}

/// A record of the example site in `unit`, by `org`, of `count`.
fn example_record(id: &str, org: &str, count: &str) -> String {
    format!(
        "- id: {id}\n  org: {org}\n  category: food\n  count: {count}\n  unit: families\n  what: {{ kk: \"Сынақ\", ru: \"Тест\" }}\n  source: briefing\n"
    )
}

/// Runs `check` and `build`; both must fail with exit code 1, without a
/// panic, and report each of `expected` (the start of an error line).
/// Returns the build's run.
fn assert_fails_with(site: &TestSite, expected: &[String]) -> Run {
    let mut last = None;
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_eq!(run.code, 1, "{command}:\n{}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        for expected in expected {
            assert!(
                run.stderr.lines().any(|l| l.starts_with(expected.as_str())),
                "{command}: expected `{expected}` in\n{}",
                run.stderr
            );
        }
        last = Some(run);
    }
    last.unwrap()
}

/// Every file under the site's root and its parent folder's entries, to
/// show that nothing was written outside the output.
fn files_around(site: &TestSite) -> (Vec<std::path::PathBuf>, Vec<std::ffi::OsString>) {
    let parent = site.root().parent().unwrap();
    let mut siblings: Vec<_> = fs::read_dir(parent)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .filter(|n| n.to_string_lossy().contains("pwned"))
        .collect();
    siblings.sort();
    (walk(site.root()), siblings)
}

#[test]
fn an_organisation_id_that_climbs_out_of_the_output_is_an_error_and_writes_nothing() {
    let site = TestSite::example();
    site.build();
    let before = snapshot(&site.public());
    let unique = site
        .root()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string();
    let id = format!("../../../../pwned-{unique}");
    let line = append(
        &site,
        "data/aid/organisations.yaml",
        &format!("'{id}':\n  name: {{ kk: \"Сынақ\", ru: \"Тест\" }}\n"),
    );
    append(
        &site,
        "data/aid/records.yaml",
        &example_record("pwned-record", &format!("'{id}'"), "5"),
    );
    let (files, siblings) = files_around(&site);
    assert_fails_with(
        &site,
        &[format!(
            "data/aid/organisations.yaml:{line}:1: error: organisation id `{id}` is not lowercase words joined by `-`"
        )],
    );
    assert_eq!(
        files_around(&site),
        (files, siblings),
        "something was written"
    );
    assert_eq!(
        snapshot(&site.public()),
        before,
        "the previous output changed"
    );
}

#[test]
fn every_id_of_every_file_is_checked_and_every_problem_reported() {
    let site = TestSite::fixtures("basic", "stats");
    let organisation = append(
        &site,
        "data/aid/organisations.yaml",
        "Org_D:\n  name: { kk: \"Д\", ru: \"Д\" }\ncharts:\n  name: { kk: \"Е\", ru: \"Е\" }\n",
    );
    let category = append(
        &site,
        "data/aid/categories.yaml",
        "'x\"><script>alert(1)</script>': { name: { kk: \"Х\", ru: \"Х\" } }\n",
    );
    let unit = append(
        &site,
        "data/aid/units.yaml",
        "boxes-:\n  name: { kk: \"Қорап\", ru: \"Коробки\" }\n  forms:\n    kk: { one: \"қорап\", other: \"қорап\" }\n    ru: { one: \"коробка\", few: \"коробки\", many: \"коробок\", other: \"коробки\" }\n",
    );
    let source = append(
        &site,
        "data/aid/sources.yaml",
        "src 2:\n  title: { kk: \"Т\", ru: \"Т\" }\n",
    );
    let record = append(
        &site,
        "data/aid/records.yaml",
        "- id: R--1\n  org: org-a\n  category: food\n  count: 1\n  unit: families\n  what: { kk: \"Т\", ru: \"Т\" }\n  source: src-1\n",
    );
    let too_long = "a".repeat(101);
    let long = append(
        &site,
        "data/aid/records.yaml",
        &format!(
            "- id: {too_long}\n  org: org-a\n  category: food\n  count: 1\n  unit: families\n  what: {{ kk: \"Т\", ru: \"Т\" }}\n  source: src-1\n"
        ),
    );
    assert_fails_with(
        &site,
        &[
            format!(
                "data/aid/organisations.yaml:{organisation}:1: error: organisation id `Org_D` is not lowercase words joined by `-`"
            ),
            format!(
                "data/aid/organisations.yaml:{}:1: error: organisation id `charts` is reserved",
                organisation + 2
            ),
            format!(
                "data/aid/categories.yaml:{category}:1: error: category id `x\"><script>alert(1)</script>` is not"
            ),
            format!("data/aid/units.yaml:{unit}:1: error: unit id `boxes-` is not"),
            format!("data/aid/sources.yaml:{source}:1: error: source id `src 2` is not"),
            format!("data/aid/records.yaml:{record}:7: error: record id `R--1` is not"),
            format!("data/aid/records.yaml:{long}:7: error: record id `{too_long}` is not"),
        ],
    );
}

#[test]
fn ids_that_start_with_a_digit_are_ids() {
    let site = TestSite::fixtures("basic", "stats");
    append(
        &site,
        "data/aid/categories.yaml",
        "2020-food: { name: { kk: \"Х\", ru: \"Х\" } }\n",
    );
    append(
        &site,
        "data/aid/records.yaml",
        "- id: 1st\n  org: org-a\n  category: 2020-food\n  count: 1\n  unit: families\n  what: { kk: \"Т\", ru: \"Т\" }\n  source: src-1\n",
    );
    site.build();
    assert!(site.read("ru/data/aid.csv").contains("1st,"));
}

#[test]
fn csv_cells_that_begin_a_formula_are_neutralised_and_counts_stay_numbers() {
    let site = TestSite::example();
    append(
        &site,
        "data/aid/organisations.yaml",
        "formula-org:\n  name: { kk: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\", ru: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\" }\n",
    );
    append(
        &site,
        "data/aid/records.yaml",
        "- id: formula-record\n  org: formula-org\n  category: food\n  count: 7\n  unit: families\n  what: { kk: \"  @SUM(A1)\", ru: \"-2+3\" }\n  source: briefing\n",
    );
    site.build();
    for lang in ["kk", "ru"] {
        let csv = site.read(&format!("{lang}/data/aid.csv"));
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let header = reader.headers().unwrap().clone();
        let column = |name: &str| header.iter().position(|h| h == name).unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let row = rows
            .iter()
            .find(|r| &r[column("id")] == "formula-record")
            .expect("the record's row");
        assert_eq!(
            &row[column("organisation_name")],
            "'=HYPERLINK(\"http://evil.example\",\"x\")"
        );
        let what = &row[column("what")];
        assert!(what == "'  @SUM(A1)" || what == "'-2+3", "{what}");
        assert_eq!(&row[column("count")], "7");
        for row in &rows {
            let count = &row[column("count")];
            assert!(count.is_empty() || count.parse::<u64>().is_ok(), "{count}");
            for cell in row.iter() {
                let first = cell.trim_start_matches(' ').chars().next();
                assert!(
                    !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                    "a cell begins a formula: {cell:?}"
                );
            }
        }
    }
}

#[test]
fn counts_are_bounded_and_the_largest_counts_add_up_exactly() {
    let site = TestSite::fixtures("basic", "stats");
    let records = "data/aid/records.yaml";
    let a = append(
        &site,
        records,
        "- id: big-a\n  org: org-a\n  category: food\n  count: 9223372036854775807\n  unit: masks\n  what: { kk: \"Т\", ru: \"Т\" }\n  source: src-1\n",
    );
    let b = append(
        &site,
        records,
        "- id: big-b\n  org: org-a\n  category: food\n  count: 1000000000001\n  unit: masks\n  what: { kk: \"Т\", ru: \"Т\" }\n  source: src-1\n",
    );
    let c = append(
        &site,
        records,
        "- id: big-c\n  org: org-a\n  category: food\n  count: 1e30\n  unit: masks\n  what: { kk: \"Т\", ru: \"Т\" }\n  source: src-1\n",
    );
    assert_fails_with(
        &site,
        &[
            format!(
                "data/aid/records.yaml:{}:10: error: record `big-a`: count `9223372036854775807` is more than 1,000,000,000,000",
                a + 3
            ),
            format!(
                "data/aid/records.yaml:{}:10: error: record `big-b`: count `1000000000001` is more than 1,000,000,000,000",
                b + 3
            ),
            format!(
                "data/aid/records.yaml:{}:10: error: record `big-c`: count `1e30` is more than 1,000,000,000,000",
                c + 3
            ),
        ],
    );

    // The largest count, twice: an exact total.
    let site = TestSite::fixtures("basic", "stats");
    for id in ["max-a", "max-b"] {
        append(
            &site,
            records,
            &format!(
                "- id: {id}\n  org: org-a\n  category: masks\n  count: 1000000000000\n  unit: masks\n  what: {{ kk: \"Т\", ru: \"Т\" }}\n  source: src-1\n"
            ),
        );
    }
    site.build();
    let json: serde_json::Value = serde_json::from_str(&site.read("ru/data/aid.json")).unwrap();
    let masks = json["totals"]["by_unit"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["unit"] == "masks")
        .unwrap();
    assert_eq!(masks["count"], 2_000_000_001_300u64);
}

#[test]
fn a_total_that_would_pass_the_largest_total_names_its_records() {
    let site = TestSite::fixtures("basic", "stats");
    // 2^53 − 1 is 9007.2 counts of 10^12: the 9008th passes it.
    let mut text = String::new();
    for i in 1..=9008 {
        text.push_str(&format!("- {{ id: huge-{i}, org: org-a, category: masks, count: 1000000000000, unit: masks, what: {{ kk: Т, ru: Т }}, source: src-1 }}\n"));
    }
    let first = append(&site, "data/aid/records.yaml", &text);
    let line = first + 9007;
    let run = assert_fails_with(
        &site,
        &[format!(
            "data/aid/records.yaml:{line}:56: error: record `huge-9008`: the total of unit `masks` would pass 9,007,199,254,740,991"
        )],
    );
    assert!(
        run.stderr.contains("`masks-about`, `masks-more`, `huge-1`, … `huge-9006`, `huge-9007`, `huge-9008` (all 9010)"),
        "{}",
        run.stderr
    );
    assert!(!site.public().exists());
    // A unit not added up has no total to pass it (the pages' totals of
    // masks are errors then, of their own).
    let units = site.read_source("data/aid/units.yaml");
    site.write(
        "data/aid/units.yaml",
        units.replace("masks:\n", "masks:\n  add: false\n"),
    );
    let run = site.run(&["check"]);
    assert!(run.stderr.contains("are not added up"), "{}", run.stderr);
    assert!(!run.stderr.contains("would pass"), "{}", run.stderr);
}

/// A character that turns the text after it round (a right-to-left
/// override) is refused in a name and in `what`, where it would make a
/// name or figure read backwards; the marks that place punctuation are
/// not.
#[test]
fn direction_overrides_in_a_text_are_refused() {
    let site = TestSite::fixtures("basic", "stats");
    let org = append(
        &site,
        "data/aid/organisations.yaml",
        "override-org:\n  name: { kk: \"Ұйым \\u202Eexe.txt\", ru: \"Организация\\u200F\" }\n",
    );
    let record = append(
        &site,
        "data/aid/records.yaml",
        "- id: isolate\n  org: org-a\n  category: food\n  count: 3\n  unit: families\n  what: { kk: \"Т\", ru: \"\\u2067Т\" }\n  source: src-1\n",
    );
    assert_fails_with(
        &site,
        &[
            format!(
                "data/aid/organisations.yaml:{}:15: error: organisation `override-org`: the `kk` name contains U+202E, an invisible character that reverses or reorders the text after it",
                org + 1
            ),
            format!(
                "data/aid/records.yaml:{}:24: error: record `isolate`: the `ru` what contains U+2067, an invisible character that reverses or reorders the text after it",
                record + 5
            ),
        ],
    );
}

/// A source's `url` is a link on every page that cites it: an http(s)
/// address (its scheme in any case) with a host name, a query if need be,
/// and no markup, user name or password. Each one that is not is told at
/// its place, with what is wrong.
#[test]
fn a_source_url_is_a_web_address_or_an_error_at_it() {
    let site = TestSite::fixtures("basic", "stats");
    let bad = [
        (
            "javascript:alert(1)",
            "`javascript:alert(1)` is not an http(s) address",
        ),
        ("https://x.example/\"><pwn>", "the address contains `\"`"),
        ("https://x.example/<pwn>", "the address contains `<`"),
        (
            "https://a..example/",
            "`https://a..example/` has no host name a browser can reach",
        ),
        (
            "https://user:pw@x.example/",
            "`https://user:pw@x.example/` holds a user name or password",
        ),
        (
            "x.example/report",
            "`x.example/report` lacks `https://` at its start",
        ),
        // A browser reads this as a path of the page's own site.
        (
            "https:x.example/report",
            "`https:x.example/report` cannot be read as an address",
        ),
    ];
    let mut sources = String::new();
    for (n, (url, _)) in bad.iter().enumerate() {
        let url = serde_json::to_string(url).unwrap();
        sources.push_str(&format!(
            "bad-{n}:\n  title: {{ kk: Т, ru: З }}\n  url: {url}\n"
        ));
    }
    // Told once, as a text's character, not again as an address's.
    sources
        .push_str("reversed:\n  title: { kk: Т, ru: З }\n  url: \"https://x\\u202e.example/\"\n");
    sources.push_str(
        "good-one:\n  title: { kk: Т, ru: З }\n  url: HTTPS://X.Example/Hawai'i?a=1&b=2#part\n",
    );
    let first = append(&site, "data/aid/sources.yaml", &sources);
    let mut expected: Vec<String> = (bad.iter().enumerate())
        .map(|(n, (_, problem))| {
            format!(
                "data/aid/sources.yaml:{}:8: error: source `bad-{n}`, `url`: {problem}",
                first + 3 * n + 2
            )
        })
        .collect();
    expected.push(format!(
        "data/aid/sources.yaml:{}:8: error: source `reversed`: `url` contains U+202E",
        first + 3 * bad.len() + 2
    ));
    let run = assert_fails_with(&site, &expected);
    assert!(!run.stderr.contains("good-one"), "{}", run.stderr);
    assert_eq!(
        run.stderr.matches(": error: source `").count(),
        expected.len(),
        "{}",
        run.stderr
    );
}

#[test]
fn control_characters_in_any_text_are_reported_where_they_are_written() {
    let site = TestSite::example();
    let org = append(
        &site,
        "data/aid/organisations.yaml",
        "control-org:\n  name: { kk: \"Бел\\a\", ru: \"Нуль\\0\" }\n  short: { kk: \"Эскейп\\e[31m\", ru: \"Дел\\x7f\" }\n",
    );
    let unit = append(
        &site,
        "data/aid/units.yaml",
        "control-unit:\n  name: { kk: \"Бірлік\", ru: \"Единица\" }\n  forms:\n    kk: { one: \"зат\", other: \"зат\\t\" }\n    ru: { one: \"штука\", few: \"штуки\", many: \"штук\\u0085\", other: \"штуки\" }\n",
    );
    let source = append(
        &site,
        "data/aid/sources.yaml",
        "control-source:\n  title: { kk: \"Тақырып\\x1b\", ru: \"Заголовок\" }\n  url: \"https://example.kz/\\n\"\n",
    );
    let record = append(
        &site,
        "data/aid/records.yaml",
        "- id: control-record\n  org: regional-corps\n  category: food\n  count: 3\n  unit: families\n  what: { kk: \"Бірінші\\nекінші\\tжол\", ru: \"\\u009bТекст\" }\n  source: briefing\n",
    );
    let run = assert_fails_with(
        &site,
        &[
            format!(
                "data/aid/organisations.yaml:{}:15: error: organisation `control-org`: the `kk` name contains the control character U+0007",
                org + 1
            ),
            format!(
                "data/aid/organisations.yaml:{}:28: error: organisation `control-org`: the `ru` name contains the control character U+0000",
                org + 1
            ),
            format!(
                "data/aid/organisations.yaml:{}:16: error: organisation `control-org`: the `kk` short name contains the control character U+001B",
                org + 2
            ),
            format!(
                "data/aid/organisations.yaml:{}:36: error: organisation `control-org`: the `ru` short name contains the control character U+007F",
                org + 2
            ),
            format!(
                "data/aid/units.yaml:{}:30: error: unit `control-unit`: the `kk` noun form `other` contains the control character U+0009",
                unit + 3
            ),
            format!(
                "data/aid/units.yaml:{}:45: error: unit `control-unit`: the `ru` noun form `many` contains the control character U+0085",
                unit + 4
            ),
            format!(
                "data/aid/sources.yaml:{}:16: error: source `control-source`: the `kk` title contains the control character U+001B",
                source + 1
            ),
            format!(
                "data/aid/sources.yaml:{}:8: error: source `control-source`: `url` contains the control character U+000A",
                source + 2
            ),
            format!(
                "data/aid/records.yaml:{}:43: error: record `control-record`: the `ru` what contains the control character U+009B",
                record + 5
            ),
        ],
    );
    assert!(!run.stderr.contains("themes/"), "{}", run.stderr);
    assert!(
        !run.stderr.contains('\u{1b}'),
        "a control character reached the terminal"
    );
    // A tab and a line break are allowed in prose (`what` of the record).
    assert!(!run.stderr.contains("the `kk` what"), "{}", run.stderr);
}

#[test]
fn a_count_in_exponent_form_is_quoted_as_written_with_its_digits() {
    let site = TestSite::fixtures("basic", "stats");
    let record = append(
        &site,
        "data/aid/records.yaml",
        "- id: exponent\n  org: org-a\n  category: food\n  count: 1e3\n  unit: families\n  what: { kk: \"Т\", ru: \"Т\" }\n  source: src-1\n",
    );
    let run = assert_fails_with(
        &site,
        &[format!(
            "data/aid/records.yaml:{}:10: error: record `exponent`: count `1e3` is not a whole number written in digits",
            record + 3
        )],
    );
    assert!(
        run.stderr
            .contains("help: write the number in digits: 1000"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("`1000`"), "{}", run.stderr);
}

#[test]
fn explicit_yaml_tags_are_refused_in_every_yaml_file() {
    let site = TestSite::fixtures("basic", "stats");
    let org = append(
        &site,
        "data/aid/organisations.yaml",
        "tagged:\n  name: { kk: !!binary 0JDQkdCS, ru: \"Т\" }\n",
    );
    let category = append(
        &site,
        "data/aid/categories.yaml",
        "tagged: { name: { kk: !foo \"Х\", ru: \"Х\" } }\n",
    );
    site.write(
        "content/tagged.kk.md",
        "---\ntitle: !!str Тег\ndate: 2020-04-03\n---\nМәтін.\n",
    );
    site.write("data/extra.yaml", "key: !!int \"3\"\n");
    assert_fails_with(
        &site,
        &[
            "content/tagged.kk.md:2:8: error: explicit YAML tag `!!str` is not allowed".to_string(),
            format!(
                "data/aid/categories.yaml:{category}:23: error: explicit YAML tag `!foo` is not allowed"
            ),
            format!(
                "data/aid/organisations.yaml:{}:15: error: explicit YAML tag `!!binary` is not allowed",
                org + 1
            ),
            "data/extra.yaml:1:6: error: explicit YAML tag `!!int` is not allowed".to_string(),
        ],
    );

    // site.yaml on its own: a broken site.yaml stops the run before the rest.
    let site = TestSite::fixtures("basic", "stats");
    let line = append(&site, "site.yaml", "notice: !!map { kk: а, ru: б }\n");
    assert_fails_with(
        &site,
        &[format!(
            "site.yaml:{line}:9: error: explicit YAML tag `!!map` is not allowed"
        )],
    );
}

#[test]
fn an_alias_bomb_in_a_data_file_is_an_error_not_a_hang() {
    let site = TestSite::fixtures("basic", "stats");
    // Ten to the twelfth `lol`s once expanded: a "billion laughs".
    let mut bomb = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..12 {
        let p = i - 1;
        bomb.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    site.write("data/bomb.yaml", &bomb);
    let started = Instant::now();
    let run = site.run(&["check"]);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(
        run.stderr
            .lines()
            .any(|l| l.starts_with("data/bomb.yaml:") && l.contains(": error: ")),
        "{}",
        run.stderr
    );
}
