//! An aqparat built without a cargo feature: a site that asks for search
//! still builds, with a warning and without the index; `serve` and `check
//! --external` say that they are not built in. These run in `cargo test
//! --no-default-features`.

use crate::util::TestSite;

/// The warning at `site.yaml` when the site asks for search (here by
/// saying nothing: `search` is `true` when absent).
#[cfg(not(feature = "search"))]
const NO_SEARCH: &str = "site.yaml:1:1: warning: this aqparat was built without the `search` feature, so the site gets no search index (the index of all pages stays)";

#[test]
#[cfg(not(feature = "search"))]
fn without_search_a_site_builds_with_a_warning_and_no_index() {
    let site = TestSite::example();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains(NO_SEARCH), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("install aqparat with its default features"),
        "{}",
        run.stderr
    );
    // Search is off, as with `search: false`: no index, no search box, and
    // the index of all pages stays.
    assert!(!site.public().join("pagefind").exists());
    let page = site.read("kk/rules/protection/index.html");
    assert!(page.contains("<a class=\"search-link\" href=\"/kk/pages/\""));
    assert!(!page.contains("data-search"));
    assert!(!page.contains("search.js"));
    // A warning: `--strict` makes it fail, as any warning.
    let strict = site.run(&["check", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    assert!(strict.stderr.contains(NO_SEARCH), "{}", strict.stderr);
    // `search: true` written: the warning points at it.
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    let line = config.lines().count() + 1;
    site.write("site.yaml", format!("{config}search: true\n"));
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let at =
        format!("site.yaml:{line}:9: warning: this aqparat was built without the `search` feature");
    assert!(run.stderr.contains(&at), "{}", run.stderr);
    // `search: false`: nothing to say, and `pagefind/` is free for static files.
    site.write("site.yaml", format!("{config}search: false\n"));
    site.write("static/pagefind/note.txt", "x");
    let run = site.run(&["check", "--strict"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains(": warning:"), "{}", run.stderr);
}

#[test]
#[cfg(not(feature = "serve"))]
fn without_serve_the_serve_command_says_it_is_not_built_in() {
    let site = TestSite::example();
    let run = site.run(&["serve", "--port", "0"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "`serve` is not built into this aqparat (it was built without the `serve` feature)"
        ),
        "{}",
        run.stderr
    );
}

#[test]
#[cfg(not(feature = "external"))]
fn without_external_check_external_says_it_is_not_built_in() {
    let site = TestSite::example();
    let run = site.run(&["check", "--external"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "`check --external` is not built into this aqparat (it was built without the `external` feature)"
        ),
        "{}",
        run.stderr
    );
}
