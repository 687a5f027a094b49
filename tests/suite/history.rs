//! The changes page: every change of a published figure across the git
//! history of `data/aid/`, read with gitoxide.
//! See: issue 14, "Every published figure's history is public".

use std::fs;

use crate::util::{TestSite, assert_internal_links_resolve, commit_site, git};

const RECORDS: &str = "data/aid/records.yaml";

/// Replaces `from` with `to` in the records, then commits with `subject`.
fn commit_records(site: &TestSite, from: &str, to: &str, subject: &str) {
    let path = site.root().join(RECORDS);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "no `{from}` in the records");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
    git(site.root(), &["commit", "-q", "-a", "-m", subject]);
}

/// The stats fixture in a repository of five commits: the site, a count
/// corrected (with markup in its subject), a page edited, a record
/// replaced by another, a qualifier changed.
fn site_with_history() -> TestSite {
    let site = TestSite::fixtures("basic", "stats");
    commit_site(site.root());
    commit_records(
        &site,
        "count: 1\n",
        "count: 3\n",
        "r1 corrected <script>alert(1)</script>",
    );
    // The pages stop showing the record that goes.
    for lang in ["kk", "ru"] {
        let path = site.root().join(format!("content/figures.{lang}.md"));
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replace(r#"|{{ stat(id="r25") }}"#, "")).unwrap();
    }
    git(
        site.root(),
        &["commit", "-q", "-a", "-m", "a page reworded"],
    );
    commit_records(
        &site,
        "- id: r25\n  org: org-c\n  category: food\n  count: 25\n",
        "- id: r30\n  org: org-c\n  category: food\n  count: 30\n",
        "r25 withdrawn, r30 published",
    );
    commit_records(
        &site,
        "qualifier: about",
        "qualifier: more-than",
        "masks: at least",
    );
    site
}

#[test]
#[cfg(feature = "history")]
fn the_changes_page_lists_each_figure_change_with_its_commit() {
    let site = site_with_history();
    site.build();
    let ru = site.read("ru/infographics/changes/index.html");
    // Newest first; the page edit is no change of a figure.
    let order = [
        "masks: at least",
        "r25 withdrawn, r30 published",
        "r1 corrected",
        "the site",
    ];
    let places: Vec<usize> = order.iter().map(|s| ru.find(s).unwrap()).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{places:?}");
    assert!(!ru.contains("a page reworded"));
    // Old → new, with the unit's noun forms and the figure's date.
    let r1 = "1\u{a0}семья (по состоянию на 3";
    assert!(ru.contains(r1), "{ru}");
    assert!(ru.contains(") → 3\u{a0}семьи (по состоянию на 3"), "{ru}");
    assert!(ru.contains("добавлено: 30\u{a0}семей"), "{ru}");
    assert!(ru.contains("удалено: 25\u{a0}семей"), "{ru}");
    assert!(ru.contains("масок (дата не указана) → более"), "{ru}");
    // Untrusted text is escaped.
    assert!(ru.contains("r1 corrected &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!ru.contains("<script>alert"));
    // An anchor per record, the record rows linking to it.
    assert!(ru.contains(r#"id="record-r1""#));
    assert!(ru.contains(r#"id="record-r30""#));
    let org = site.read("ru/infographics/org-a/index.html");
    assert!(
        org.contains("/ru/infographics/changes/#record-r1\""),
        "{org}"
    );
    let overview = site.read("ru/infographics/index.html");
    assert!(overview.contains("/ru/infographics/changes/\""));
    let kk = site.read("kk/infographics/changes/index.html");
    assert!(kk.contains("қосылды: "));
    assert!(kk.contains("алып тасталды: "));
    assert!(kk.contains("r1 corrected &lt;script&gt;"));
    assert_internal_links_resolve(&site.public(), "/");
}

#[test]
#[cfg(feature = "history")]
fn a_site_in_a_subfolder_of_a_repository_has_its_history() {
    let site = TestSite::fixtures("basic", "stats");
    let outer = tempfile::tempdir().unwrap();
    let root = outer.path().join("site");
    crate::util::copy_dir(site.root(), &root);
    commit_site(outer.path());
    let run = crate::util::aqparat()
        .args(["build", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    assert!(run.status.success());
    let page = fs::read_to_string(root.join("public/ru/infographics/changes/index.html")).unwrap();
    assert!(page.contains(r#"id="record-r1""#));
}

#[test]
fn outside_a_repository_there_is_no_changes_page() {
    let site = TestSite::fixtures("basic", "stats");
    site.build();
    assert!(!site.public().join("ru/infographics/changes").exists());
    for rel in [
        "ru/infographics/index.html",
        "ru/infographics/org-a/index.html",
    ] {
        assert!(!site.read(rel).contains("infographics/changes/"), "{rel}");
    }
    assert_internal_links_resolve(&site.public(), "/");
}

#[test]
#[cfg(feature = "history")]
fn a_commit_whose_records_do_not_parse_is_skipped() {
    let site = TestSite::fixtures("basic", "stats");
    commit_site(site.root());
    let path = site.root().join(RECORDS);
    let good = fs::read_to_string(&path).unwrap();
    fs::write(&path, "- id: [broken\n").unwrap();
    git(site.root(), &["commit", "-q", "-a", "-m", "broken records"]);
    fs::write(&path, good.replacen("count: 1\n", "count: 4\n", 1)).unwrap();
    git(site.root(), &["commit", "-q", "-a", "-m", "records mended"]);
    site.build();
    let ru = site.read("ru/infographics/changes/index.html");
    assert!(!ru.contains("broken records"));
    // The mended version is compared with the last one that parsed.
    assert!(ru.contains(") → 4\u{a0}семьи ("), "{ru}");
}

#[test]
#[cfg(not(feature = "history"))]
fn without_the_history_feature_there_is_no_changes_page() {
    let site = site_with_history();
    site.build();
    assert!(!site.public().join("ru/infographics/changes").exists());
    assert!(
        !site
            .read("ru/infographics/index.html")
            .contains("infographics/changes/")
    );
}

/// Staff who move from `records.yaml` to a spreadsheet keep the history:
/// a commit's records are its YAML or its CSV, and a figure changed in the
/// move is a change like any other.
#[test]
#[cfg(feature = "history")]
fn the_history_follows_the_records_from_yaml_to_csv() {
    let site = TestSite::example();
    commit_site(site.root());
    fs::remove_file(site.root().join(RECORDS)).unwrap();
    crate::util::copy_dir(
        &crate::util::repo().join("tests/fixtures/records-csv"),
        site.root(),
    );
    let csv = site.root().join("data/aid/records.csv");
    let text = fs::read_to_string(&csv).unwrap();
    assert!(text.contains(",320,"), "the example's 320 families");
    fs::write(&csv, text.replacen(",320,", ",321,", 1)).unwrap();
    git(site.root(), &["add", "-A"]);
    git(
        site.root(),
        &["commit", "-q", "-m", "records.csv from now on"],
    );
    site.build();
    let ru = site.read("ru/infographics/changes/index.html");
    assert!(ru.contains("records.csv from now on"), "{ru}");
    // The one change, not every record removed with the YAML file.
    assert!(
        ru.contains("320\u{a0}семей") && ru.contains("321\u{a0}семья"),
        "{ru}"
    );
    assert!(!ru.contains("удалено"), "{ru}");
}

/// A commit changes no file that `watch` watches (it never watches
/// `.git/`), yet the changes page and `dates: git` read it: `watch` looks
/// at `HEAD` while no change comes in and builds again when a commit moved
/// it.
#[test]
#[cfg(feature = "history")]
fn watch_builds_again_after_a_commit() {
    let site = TestSite::fixtures("basic", "stats");
    let config = site.root().join("site.yaml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(&config, format!("{text}dates: git\n")).unwrap();
    commit_site(site.root());
    let output = site.root().join("out");
    let _watching = crate::util::watch(site.root(), &output, &[]);
    let changes = "ru/infographics/changes/index.html";
    // The figure changed in its file, built, then committed: only the
    // commit names it.
    let path = site.root().join(RECORDS);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("count: 1\n", "count: 3\n", 1)).unwrap();
    crate::util::wait_for_page(&output, "ru/infographics/org-a/index.html", "3\u{a0}семьи");
    assert!(
        !fs::read_to_string(output.join(changes))
            .unwrap()
            .contains("r1 corrected")
    );
    git(site.root(), &["commit", "-q", "-a", "-m", "r1 corrected"]);
    crate::util::wait_for_page(&output, changes, "r1 corrected");
    // A page edited, built, then committed on a day of its own.
    let about = site.root().join("content/about.ru.md");
    let text = fs::read_to_string(&about).unwrap();
    fs::write(&about, format!("{text}\nНовый абзац.\n")).unwrap();
    crate::util::wait_for_page(&output, "ru/about/index.html", "Новый абзац.");
    let day = [("GIT_COMMITTER_DATE", "2021-07-15T10:00:00+05:00")];
    crate::util::git_with(site.root(), &["commit", "-q", "-a", "-m", "about"], &day);
    crate::util::wait_for_page(&output, "ru/about/index.html", "datetime=\"2021-07-15\"");
}
