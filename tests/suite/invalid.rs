//! The catalogue of bad input. Each case is a fixture under
//! `tests/fixtures/invalid/` laid over the valid `basic` site; each holds
//! several problems, and every one must be reported at once with its file,
//! line and column, a hint, exit code 1, and the previous output untouched.

use crate::util::{TestSite, copy_dir, repo, snapshot};

/// Builds `basic`, then lays the broken `case` over it and checks that
/// `check` and `build` report `expected` (diagnostic headers, in order) and
/// that the output of the good build is unchanged, byte for byte.
fn assert_reports(case: &str, expected: &[&str]) {
    let site = TestSite::fixture("basic");
    site.build();
    let before = snapshot(&site.public());
    assert!(!before.is_empty());
    copy_dir(
        &repo().join("tests/fixtures/invalid").join(case),
        site.root(),
    );

    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_eq!(run.code, 1, "{command} {case} should fail:\n{}", run.stderr);
        let headers: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.contains(": error: "))
            .collect();
        assert_eq!(
            headers.len(),
            expected.len(),
            "{command} {case}:\n{}",
            run.stderr
        );
        for (header, expected) in headers.iter().zip(expected) {
            assert!(
                header.starts_with(expected),
                "{command} {case}: expected `{expected}`, got `{header}`"
            );
        }
        let hints = run
            .stderr
            .lines()
            .filter(|l| l.starts_with("  = help: "))
            .count();
        assert!(
            hints >= expected.len(),
            "every error has a hint:\n{}",
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
    assert_eq!(
        snapshot(&site.public()),
        before,
        "{case}: the previous output changed"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(
        leftovers.is_empty(),
        "{case}: staging left behind: {leftovers:?}"
    );
}

#[test]
fn yaml_syntax_errors_in_front_matter() {
    assert_reports(
        "front-matter-syntax",
        &[
            "content/rules/broken.kk.md:2:8: error: expected string scalar",
            "content/rules/broken.ru.md:3:7: error: mapping values are not allowed in this context",
        ],
    );
}

#[test]
fn unknown_front_matter_keys() {
    assert_reports(
        "unknown-key",
        &[
            "content/rules/extra.kk.md:3:1: error: unknown field `titel`, expected one of title,",
            "content/rules/extra.ru.md:4:1: error: unknown field `tags`",
        ],
    );
}

#[test]
fn missing_or_empty_titles() {
    assert_reports(
        "missing-title",
        &[
            "content/rules/untitled.kk.md:1:1: error: the page has no title",
            "content/rules/untitled.ru.md:2:8: error: the title is empty",
        ],
    );
}

#[test]
fn invalid_dates() {
    assert_reports(
        "invalid-date",
        &[
            "content/rules/dated.kk.md:3:7: error: invalid date: `2020-13-01` has month 13",
            "content/rules/dated.kk.md:4:10: error: invalid updated: `2020-02-30` does not exist",
            "content/rules/dated.ru.md:3:7: error: invalid date: `3 апреля 2020` is not a date of the form YYYY-MM-DD",
        ],
    );
}

#[test]
fn language_suffixes_not_in_site_yaml() {
    assert_reports(
        "unknown-language",
        &[
            "content/memo.md:1:1: error: the file name has no language suffix",
            "content/notes.kz.md:1:1: error: language `kz` is not one of the site's languages",
            "content/rules/first.en.md:1:1: error: language `en` is not one of the site's languages",
        ],
    );
}

#[test]
fn unknown_key_in_site_yaml() {
    assert_reports(
        "site-yaml-unknown-key",
        &[
            "content/rules/bad.kk.md:3:7: error: invalid date: `2020-04-31` does not exist",
            "site.yaml:7:1: error: unknown field `titel`",
        ],
    );
}

#[test]
fn missing_field_in_site_yaml() {
    assert_reports(
        "site-yaml-missing-field",
        &[
            "content/rules/bad.kk.md:3:9: error: invalid i64",
            "site.yaml:5:1: error: missing field `default_language`",
        ],
    );
}

#[test]
fn two_files_with_the_same_url() {
    assert_reports(
        "duplicate-url",
        &[
            "content/help/_index.kk.md:1:1: error: this file and content/help.kk.md both become /kk/help/",
            "content/help.kk.md:1:1: error: this file and content/help/_index.kk.md both become /kk/help/",
            "content/rules/_index.kk.md:1:1: error: this file and content/rules.kk.md both become /kk/rules/",
            "content/rules.kk.md:1:1: error: this file and content/rules/_index.kk.md both become /kk/rules/",
        ],
    );
}

#[test]
fn broken_internal_links_and_anchors() {
    assert_reports(
        "broken-link",
        &[
            "content/rules/links.kk.md:7:11: error: link to a page that does not exist: `@/rules/nope.md`",
            "content/rules/links.kk.md:9:5: error: link to an anchor that does not exist: #жоқ-тақырып in content/rules/first.kk.md",
            "content/rules/links.kk.md:9:48: error: link to an anchor that does not exist: #жоқ in content/rules/links.kk.md",
            "content/rules/links.ru.md:5:11: error: link to a page that does not exist: `@/news/_index.md`",
        ],
    );
}

#[test]
fn template_syntax_errors() {
    assert_reports(
        "template-syntax",
        &[
            "themes/default/templates/page.html:5:25: error: template syntax error:",
            "themes/default/templates/section.html:6:4: error: template syntax error:",
        ],
    );
}

#[test]
fn templates_using_undefined_variables_and_strings() {
    assert_reports(
        "template-undefined",
        &[
            "themes/default/templates/404.html:2:27: error: template error: UI string `no_such_string` is not defined in i18n/kk.yaml",
            "themes/default/templates/404.html:2:27: error: template error: UI string `no_such_string` is not defined in i18n/ru.yaml",
            "themes/default/templates/page.html:4:29: error: template error: Field `subtitle` is not defined",
        ],
    );
}

#[test]
fn ui_string_missing_in_one_language() {
    assert_reports(
        "i18n-missing-key",
        &[
            "themes/default/i18n/ru.yaml:1:1: error: UI string `last_updated` is missing in language `ru`",
            "themes/default/i18n/ru.yaml:3:1: error: UI string `pages_count` lacks the plural form `few`",
            "themes/default/templates/page.html:3:57: error: template error: UI string `last_updated` is not defined in i18n/ru.yaml",
        ],
    );
}

#[test]
fn files_that_are_not_utf8() {
    assert_reports(
        "not-utf8",
        &[
            "content/rules/latin.kk.md:4:7: error: this file is not UTF-8 text",
            "content/rules/latin.ru.md:2:8: error: this file is not UTF-8 text",
        ],
    );
}

#[test]
fn a_site_without_site_yaml_says_where_to_run() {
    let site = TestSite::fixture("basic");
    std::fs::remove_file(site.root().join("site.yaml")).unwrap();
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("site.yaml:1:1: error: no site.yaml in [ROOT]"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("pass --root DIR"));
}

#[test]
fn the_output_may_not_replace_the_site_itself() {
    let site = TestSite::fixture("basic");
    let root = site.root().display().to_string();
    let run = site.run(&["build", "--output", &root]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("refusing to write"), "{}", run.stderr);
    assert!(site.root().join("content/_index.kk.md").exists());
}
