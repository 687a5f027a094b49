//! Snapshot tests (insta): whole outputs compared with the reviewed copies
//! in `tests/suite/snapshots/*.snap`, so that any change to them, meant or
//! not, shows up as a diff to accept or fix (README, "Snapshot tests").
//! Everything snapshotted is deterministic: fixed dates from the fixtures,
//! no absolute paths (the temporary folder is redacted), sorted output.

use crate::util::{TestSite, copy_dir, repo};

/// The `basic` site with the `stats` fixture's statistics, under the theme
/// the repository ships rather than the small test theme: the page
/// snapshot guards the real theme's markup.
fn site_with_shipped_theme() -> TestSite {
    let site = TestSite::fixtures("basic", "stats");
    copy_dir(
        &repo().join("themes/default"),
        &site.root().join("themes/default"),
    );
    site
}

/// Snapshots named after their test alone (`tests/suite/snapshots/NAME.snap`),
/// each saying what it covers.
fn settings(description: &str) -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_description(description);
    settings
}

/// `text` as a regular expression that matches it literally.
#[cfg(feature = "search")]
fn literal(text: &str) -> String {
    let mut pattern = String::new();
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern
}

/// The page as residents get it from a default build, search box included
/// (a build without the `search` feature has none).
#[test]
#[cfg(feature = "search")]
fn page_html() {
    let site = site_with_shipped_theme();
    site.build();
    settings(
        "/kk/rules/first/ of the basic site under the shipped theme: head with canonical and \
         hreflang alternates, language switcher, menu, breadcrumbs, table of contents, \
         headings' ids, a link to another page and a footnote, pager, print QR code, footer",
    )
    .bind(|| insta::assert_snapshot!(site.read("kk/rules/first/index.html")));
}

#[test]
fn chart_svg() {
    let site = site_with_shipped_theme();
    site.build();
    settings(
        "The Russian chart of people and families reached, per organisation, from the stats \
         fixture, one element a line: title and description for screen readers, a panel per \
         unit with its scale from 0 to a round figure, bars with their values, how often and \
         the marks of their dates, Russian plural forms of the unit, the dates as footnotes",
    )
    .bind(|| {
        // One element a line, so that a diff shows which bar or label changed.
        let svg = site.read("ru/infographics/charts/reached.svg");
        insta::assert_snapshot!(svg.replace("><", ">\n<"));
    });
}

/// The broken cases of `tests/fixtures/invalid/` laid together over the
/// `basic` site with statistics: YAML syntax, unknown keys, dates, links and
/// anchors, references between statistics files, template syntax.
#[cfg(feature = "search")]
const BROKEN: [&str; 6] = [
    "front-matter-syntax",
    "unknown-key",
    "invalid-date",
    "broken-link",
    "stats-references",
    "template-syntax",
];

/// A build without the `search` feature adds its own warning to the list.
#[test]
#[cfg(feature = "search")]
fn diagnostics() {
    let site = TestSite::fixtures("basic", "stats");
    for case in BROKEN {
        copy_dir(
            &repo().join("tests/fixtures/invalid").join(case),
            site.root(),
        );
    }
    let run = |command: &str| {
        let output = crate::util::aqparat()
            .args([command, "--root"])
            .arg(site.root())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{command} should fail");
        String::from_utf8(output.stderr).unwrap()
    };
    let (check, build) = (run("check"), run("build"));
    // `build` reports the same list; only its last line differs.
    let (list, summary) = build.trim_end().rsplit_once('\n').unwrap();
    assert!(check.starts_with(list), "check:\n{check}\nbuild:\n{build}");

    let redacted = |description: &str| {
        let mut settings = settings(description);
        settings.add_filter(&literal(&site.root().display().to_string()), "[ROOT]");
        settings
    };
    redacted(
        "`aqparat check` on the basic site with statistics and six broken cases of \
         tests/fixtures/invalid laid over it: every error of eleven files, in order, with its \
         source line, caret and hint, then the count",
    )
    .bind(|| insta::assert_snapshot!(check));
    redacted(
        "The last line of `aqparat build` on the same site (the list before it is check's), \
         naming the output folder: the temporary folder is redacted as [ROOT]",
    )
    .bind(|| insta::assert_snapshot!("diagnostics_build_summary", summary));
}
