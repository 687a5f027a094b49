//! `aliases:` in front matter (issue 15): a moved page's old addresses
//! each get a page that leads on, and a line of nginx's redirect map; an
//! alias that is not a clean address, or is taken, is an error at its
//! place.

use crate::util::{TestSite, assert_internal_links_resolve, snapshot};

/// The basic site with `aliases` added to the front matter of `page`.
fn with_aliases(site: &TestSite, page: &str, aliases: &str) {
    let path = site.root().join(page);
    let text = std::fs::read_to_string(&path).unwrap();
    site.write(
        page,
        text.replacen("---\n", &format!("---\naliases: {aliases}\n"), 1),
    );
}

#[test]
fn i15_each_old_address_leads_to_the_page_and_is_in_the_map() {
    let site = TestSite::fixture("basic");
    with_aliases(
        &site,
        "content/rules/first.ru.md",
        "[/ru/old-first/, /ru/ещё]",
    );
    site.build();
    for old in ["ru/old-first/index.html", "ru/ещё/index.html"] {
        let html = site.read(old);
        for expected in [
            "<html lang=\"ru\">",
            "<link rel=\"canonical\" href=\"https://test.example/ru/rules/first/\">",
            "<meta http-equiv=\"refresh\" content=\"0; url=/ru/rules/first/\">",
            "<meta name=\"robots\" content=\"noindex\">",
            "<p>Страница переехала по новому адресу: <a href=\"/ru/rules/first/\">",
        ] {
            assert!(html.contains(expected), "{old}: {expected}\n{html}");
        }
    }
    assert_eq!(
        site.read(".redirects.map")
            .lines()
            .skip(1)
            .collect::<Vec<_>>(),
        [
            "\"/ru/old-first/\" \"/ru/rules/first/\";",
            "\"/ru/old-first\" \"/ru/rules/first/\";",
            "\"/ru/ещё/\" \"/ru/rules/first/\";",
            "\"/ru/ещё\" \"/ru/rules/first/\";",
        ]
    );
    assert!(!site.read("sitemap.xml").contains("old-first"));
    assert_internal_links_resolve(&site.public(), "/");

    // Without aliases, neither the pages nor the map are left behind.
    site.write(
        "content/rules/first.ru.md",
        std::fs::read_to_string(site.root().join("content/rules/first.ru.md"))
            .unwrap()
            .replacen("aliases: [/ru/old-first/, /ru/ещё]\n", "", 1),
    );
    site.build();
    assert!(!site.public().join("ru/old-first").exists());
    assert!(!site.public().join(".redirects.map").exists());
}

/// An alias that differs from a page's address, or from another alias,
/// only in capital letters is an error at its place: on Windows and macOS
/// both are one folder, and the redirect would replace the page (a page
/// renamed from `About` keeping its old address) or the other redirect.
#[test]
fn an_alias_that_differs_from_an_address_only_in_case_is_an_error() {
    let site = TestSite::fixture("basic");
    with_aliases(&site, "content/about.kk.md", "[/kk/About/, /kk/Old/]");
    with_aliases(&site, "content/rules/first.kk.md", "[/kk/old/]");
    let run = site.run(&["check"]);
    crate::util::assert_reported(
        &run,
        &[
            "content/about.kk.md:2:11: error: the alias `/kk/About/` differs from the address /kk/about/ only in capital letters",
            "content/rules/first.kk.md:2:11: error: the alias `/kk/old/` differs from the address /kk/Old/ only in capital letters",
        ],
        "aliases in other case",
    );
}

/// An alias at the address of a content page (a section, the home page,
/// another page, the page itself) is one error at the alias that names
/// that page, and nothing else: the redirect does not stand for the page
/// when its links are checked (it did, and every anchor the theme writes
/// on the section was said not to exist).
#[test]
fn an_alias_at_a_pages_address_names_that_page_and_nothing_else() {
    let site = TestSite::fixture("basic");
    with_aliases(
        &site,
        "content/about.kk.md",
        "[/kk/rules/, /kk/, /kk/rules/first, /kk/about/]",
    );
    let run = site.run(&["check"]);
    crate::util::assert_reported(
        &run,
        &[
            "content/about.kk.md:2:11: error: the alias `/kk/rules/` is the address of the section content/rules/_index.kk.md",
            "content/about.kk.md:2:23: error: the alias `/kk/` is the address of the home page content/_index.kk.md",
            "content/about.kk.md:2:29: error: the alias `/kk/rules/first` is the address of the page content/rules/first.kk.md",
            "content/about.kk.md:2:46: error: the alias `/kk/about/` is this page's own address",
        ],
        "aliases at pages' addresses",
    );
    assert!(
        run.stderr
            .contains("first give content/rules/_index.kk.md another name"),
        "{}",
        run.stderr
    );
}

#[test]
fn i15_an_alias_that_is_no_clean_address_or_is_taken_is_an_error_at_its_place() {
    let site = TestSite::fixture("basic");
    with_aliases(
        &site,
        "content/rules/first.ru.md",
        "[ru/x/, \"/ru/a b/\", /ru/../etc/, /ru/rules/second/, /ru/pages/x/, /ru/twice/]",
    );
    with_aliases(
        &site,
        "content/rules/second.ru.md",
        "[/ru/twice/, /og/0123456789abcdef.png, /images/x/]",
    );
    site.write("static/ru/static-taken/index.html", "<p>x</p>");
    // Static files in the folders of cards and images are copied.
    site.write("static/images/logo.png", "png");
    site.write("static/og/site.png", "png");
    with_aliases(&site, "content/rules/second.kk.md", "[/ru/static-taken/]");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for expected in [
        "content/rules/first.ru.md:2:11: error: the alias `ru/x/` does not begin with `/`",
        "content/rules/first.ru.md:2:18: error: an alias may hold letters, digits",
        "content/rules/first.ru.md:2:30: error: the alias `/ru/../etc/` has an empty folder, one that begins with `.`",
        "content/rules/first.ru.md:2:43: error: the alias `/ru/rules/second/` is the address of",
        "content/rules/first.ru.md:2:62: error: the alias `/ru/pages/x/` is the address of",
        "error: the alias `/ru/twice/` is also an alias of content/rules/",
        "content/rules/second.ru.md:2:23: error: the alias `/og/0123456789abcdef.png` is the address of the folder of the preview cards",
        "content/rules/second.ru.md:2:49: error: the alias `/images/x/` is the address of the folder of the resized images",
        "static/ru/static-taken/index.html:1:1: error: this static file would be copied to /ru/static-taken/index.html, but /ru/static-taken/index.html is the page at a moved page's old address",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    assert!(!run.stderr.contains("static/images/"), "{}", run.stderr);
    assert!(!run.stderr.contains("static/og/"), "{}", run.stderr);
}

/// An alias whose redirect page would need one of the build's files as a
/// folder (`/robots.txt` needs `robots.txt/`), or that is hidden (the
/// output's stamp, the redirect map), is an error of `check` at its place,
/// as of `build`, which leaves the last output as it was.
#[test]
fn an_alias_through_a_file_of_the_build_or_hidden_is_an_error_at_its_place() {
    let site = TestSite::fixture("basic");
    site.build();
    let before = snapshot(&site.public());
    with_aliases(
        &site,
        "content/rules/first.kk.md",
        "[/robots.txt, /kk/atom.xml/old/, /style.css, /kk/rules/index.html/x/, /.redirects.map, /kk/.old/]",
    );
    site.write("static/files/report.pdf", "%PDF-1.4");
    with_aliases(
        &site,
        "content/rules/second.kk.md",
        "[/files/report.pdf/, /kk/moved/]",
    );
    let expected = [
        "content/rules/first.kk.md:2:11: error: the alias `/robots.txt` needs a folder /robots.txt/ for its redirect page, but /robots.txt is robots.txt",
        "content/rules/first.kk.md:2:24: error: the alias `/kk/atom.xml/old/` needs a folder /kk/atom.xml/ for its redirect page, but /kk/atom.xml is the news feed",
        "content/rules/first.kk.md:2:43: error: the alias `/style.css` needs a folder /style.css/ for its redirect page, but /style.css is a static file",
        "content/rules/first.kk.md:2:55: error: the alias `/kk/rules/index.html/x/` needs a folder /kk/rules/index.html/ for its redirect page, but /kk/rules/index.html is a page",
        "content/rules/first.kk.md:2:80: error: the alias `/.redirects.map` has an empty folder, one that begins with `.`",
        "content/rules/first.kk.md:2:97: error: the alias `/kk/.old/` has an empty folder, one that begins with `.`",
        "content/rules/second.kk.md:2:11: error: the alias `/files/report.pdf/` needs a folder /files/report.pdf/ for its redirect page, but /files/report.pdf is a static file",
    ];
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_eq!(run.code, 1, "{command}: {}", run.stderr);
        for expected in expected {
            assert!(
                run.stderr.contains(expected),
                "{command}: {expected}\n{}",
                run.stderr
            );
        }
        assert_eq!(
            run.stderr.matches(": error: ").count(),
            expected.len(),
            "{}",
            run.stderr
        );
    }
    assert_eq!(snapshot(&site.public()), before, "the last output changed");
}
