use std::collections::BTreeSet;

use crate::util::{
    TestSite, assert_internal_links_resolve, assert_reported, attributes, copy_dir, hreflangs,
    parse_xml, repo, walk,
};

#[test]
fn every_page_gets_a_pretty_url_in_its_language() {
    let site = TestSite::fixture("basic");
    site.build();
    // The search index under pagefind/ and the pages' cards under og/ have
    // tests of their own (search.rs, previews.rs).
    let files: BTreeSet<String> = walk(&site.public())
        .iter()
        .map(|f| f.strip_prefix(site.public()).unwrap().display().to_string())
        .filter(|f| !f.starts_with("pagefind/") && !f.starts_with("og/"))
        .collect();
    let expected = [
        ".aqparat-output",
        "index.html",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "style.css",
        "kk/index.html",
        "kk/404.html",
        "kk/atom.xml",
        "kk/about/index.html",
        "kk/rules/index.html",
        "kk/rules/first/index.html",
        "kk/rules/second/index.html",
        "kk/rules/third/index.html",
        "kk/pages/index.html",
        "ru/index.html",
        "ru/404.html",
        "ru/atom.xml",
        "ru/about/index.html",
        "ru/rules/index.html",
        "ru/rules/first/index.html",
        "ru/rules/second/index.html",
        "ru/pages/index.html",
        // The built-in theme's static files, under the test theme's.
        "favicon.svg",
        "offline.js",
        "search.js",
        "sw.js",
    ];
    assert_eq!(files, expected.iter().map(|s| s.to_string()).collect());
    assert!(
        site.read("kk/rules/first/index.html")
            .contains("<html lang=\"kk\">")
    );
    assert!(
        site.read("ru/rules/first/index.html")
            .contains("<html lang=\"ru\">")
    );
}

#[test]
fn drafts_are_built_only_when_asked() {
    let site = TestSite::fixture("basic");
    site.build();
    assert!(!site.public().join("kk/rules/draft").exists());
    let run = site.run(&["build", "--drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.read("kk/rules/draft/index.html").contains("Жоба"));
    assert!(site.read("ru/rules/draft/index.html").contains("Черновик"));
}

#[test]
fn hreflang_links_are_symmetric_with_x_default_and_canonical() {
    let site = TestSite::fixture("basic");
    site.build();
    let public = site.public();
    let mut pages_checked = 0;
    for file in walk(&public).iter().filter(|f| f.ends_with("index.html")) {
        let rel = file.strip_prefix(&public).unwrap().display().to_string();
        if rel == "index.html" {
            continue;
        }
        let html = std::fs::read_to_string(file).unwrap();
        let own_url = format!(
            "https://test.example/{}",
            rel.trim_end_matches("index.html")
        );
        assert!(
            html.contains(&format!("<link rel=\"canonical\" href=\"{own_url}\">")),
            "{rel}: canonical"
        );
        let links = hreflangs(&html);
        assert_eq!(
            links.iter().filter(|(l, _)| l == "x-default").count(),
            1,
            "{rel}: one x-default"
        );
        let lang = &rel[..2];
        assert!(
            links.contains(&(lang.to_string(), own_url.clone())),
            "{rel} lists itself"
        );
        for (hreflang, href) in links.iter().filter(|(l, _)| l != "x-default") {
            let other = std::fs::read_to_string(
                public
                    .join(href.strip_prefix("https://test.example/").unwrap())
                    .join("index.html"),
            )
            .unwrap();
            assert!(
                hreflangs(&other).contains(&(lang.to_string(), own_url.clone())),
                "{rel} → {hreflang} {href} does not link back"
            );
        }
        pages_checked += 1;
    }
    // 11 content pages and the index of all pages of each language.
    assert_eq!(pages_checked, 13);
    // A page without translation lists only itself.
    let third = hreflangs(&site.read("kk/rules/third/index.html"));
    assert_eq!(third.len(), 2, "{third:?}");
}

#[test]
fn the_switcher_leads_to_the_translation_or_the_nearest_section() {
    let site = TestSite::fixture("basic");
    let run = site.build();
    let first = site.read("kk/rules/first/index.html");
    assert!(first.contains(
        "<a href=\"/ru/rules/first/\" hreflang=\"ru\" data-translation=\"true\">Русский</a>"
    ));
    let ru_first = site.read("ru/rules/first/index.html");
    assert!(ru_first.contains(
        "<a href=\"/kk/rules/first/\" hreflang=\"kk\" data-translation=\"true\">Қазақша</a>"
    ));
    let third = site.read("kk/rules/third/index.html");
    assert!(
        third.contains(
            "<a href=\"/ru/rules/\" hreflang=\"ru\" data-translation=\"false\">Русский</a>"
        )
    );
    assert!(third.contains("<p class=\"missing\">Бұл бет мына тілде жоқ Русский</p>"));
    assert!(!first.contains("class=\"missing\""));
    // The missing translation is a warning, not an error.
    assert!(
        run.stderr
            .contains("content/rules/third.kk.md:1:1: warning: no translation into `ru`"),
        "{}",
        run.stderr
    );
}

#[test]
fn source_path_links_become_urls_in_the_current_language() {
    let site = TestSite::fixture("basic");
    site.build();
    let kk_home = site.read("kk/index.html");
    assert!(kk_home.contains("<a href=\"/kk/rules/\">Ережелер</a>"));
    assert!(kk_home.contains(
        "<a href=\"/kk/rules/first/#%D2%9B%D0%BE%D0%BB%D0%B4%D1%8B-%D0%B6%D1%83%D1%83\">"
    ));
    let ru_home = site.read("ru/index.html");
    assert!(ru_home.contains("<a href=\"/ru/rules/\">Правила</a>"));
    assert!(
        site.read("ru/rules/second/index.html")
            .contains("<a href=\"/ru/rules/first/\">Первое</a>")
    );
    // A page missing in this language links to the language that has it.
    assert!(
        site.read("kk/rules/second/index.html")
            .contains("<a href=\"/kk/rules/third/\">үшінші</a>")
    );
    assert!(
        site.read("kk/about/index.html")
            .contains("<a href=\"/kk/\">Басты бет</a>")
    );
    let checked = assert_internal_links_resolve(&site.public(), "/");
    assert!(checked > 50, "only {checked} links checked");
}

#[test]
fn headings_get_ids_in_their_own_script_and_a_table_of_contents() {
    let site = TestSite::fixture("basic");
    site.build();
    let html = site.read("kk/rules/first/index.html");
    assert!(html.contains("<h2 id=\"қолды-жуу\">Қолды жуу</h2>"));
    assert!(html.contains("<h2 id=\"тамақ\">Тамақ</h2>"));
    assert!(
        html.contains("<h2 id=\"тамақ-1\">Тамақ</h2>"),
        "duplicate headings get unique ids"
    );
    assert!(html.contains("<ol class=\"toc\"><li><a href=\"#қолды-жуу\">Қолды жуу</a></li><li><a href=\"#тамақ\">Тамақ</a></li><li><a href=\"#тамақ-1\">Тамақ</a></li></ol>"));
    assert!(
        site.read("kk/rules/second/index.html")
            .contains("<h2 id=\"custom-id\">")
    );
    let ru = site.read("ru/rules/first/index.html");
    assert!(ru.contains("<h2 id=\"мытьё-рук\">"));
    assert!(ru.contains("<table>"), "tables");
    assert!(ru.contains("<del>зачёркнуто</del>"), "strikethrough");
    assert!(html.contains("class=\"footnote-definition\""), "footnotes");
}

#[test]
fn sections_list_pages_by_weight_with_breadcrumbs_and_neighbours() {
    let site = TestSite::fixture("basic");
    site.build();
    let section = site.read("kk/rules/index.html");
    let listing = &section[section.find("class=\"listing\"").unwrap()..];
    let titles: Vec<_> = attributes(listing, "href");
    assert_eq!(
        titles,
        ["/kk/rules/first/", "/kk/rules/second/", "/kk/rules/third/"]
    );
    let second = site.read("kk/rules/second/index.html");
    assert!(second.contains("<a rel=\"prev\" href=\"/kk/rules/first/\">"));
    assert!(second.contains("<a rel=\"next\" href=\"/kk/rules/third/\">"));
    assert!(second.contains("<nav class=\"breadcrumbs\"><a href=\"/kk/\">Басты бет</a> / <a href=\"/kk/rules/\">Ережелер</a> / </nav>"));
    let first = site.read("kk/rules/first/index.html");
    assert!(!first.contains("rel=\"prev\""));
    // "Last updated" is `updated` when given, else `date`, in the page's language.
    assert!(
        first.contains("<time datetime=\"2020-04-05\">2020\u{202f}ж.\u{a0}5\u{a0}сәуір</time>")
    );
    assert!(
        site.read("ru/rules/first/index.html")
            .contains("<time datetime=\"2020-04-02\">2\u{a0}апреля\u{a0}2020\u{202f}г.</time>")
    );
}

#[test]
fn sitemap_and_feeds_are_valid_xml_with_alternates() {
    let site = TestSite::fixture("basic");
    // A page named in Kazakh: the sitemap gives its address in ASCII.
    site.write(
        "content/ережелер/қорғау.kk.md",
        "---\ntitle: Қорғау\n---\nМәтін.\n",
    );
    site.build();
    let sitemap = site.read("sitemap.xml");
    let doc = parse_xml(&sitemap);
    let locs: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .map(|n| n.text().unwrap().to_string())
        .collect();
    // 12 content pages and the index of all pages of each language.
    assert_eq!(locs.len(), 14);
    assert!(
        locs.contains(
            &"https://test.example/kk/%D0%B5%D1%80%D0%B5%D0%B6%D0%B5%D0%BB%D0%B5%D1%80/%D2%9B%D0%BE%D1%80%D2%93%D0%B0%D1%83/"
                .to_string()
        ),
        "{locs:?}"
    );
    assert!(sitemap.is_ascii(), "{sitemap}");
    assert!(locs.contains(&"https://test.example/kk/rules/third/".to_string()));
    let url = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("url")
                && n.descendants()
                    .any(|c| c.text() == Some("https://test.example/ru/rules/first/"))
        })
        .unwrap();
    let alternates: Vec<_> = url
        .children()
        .filter(|n| n.has_tag_name(("http://www.w3.org/1999/xhtml", "link")))
        .map(|n| {
            (
                n.attribute("hreflang").unwrap(),
                n.attribute("href").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        alternates,
        [
            ("kk", "https://test.example/kk/rules/first/"),
            ("ru", "https://test.example/ru/rules/first/"),
            ("x-default", "https://test.example/kk/rules/first/")
        ]
    );
    for lang in ["kk", "ru"] {
        let feed = site.read(&format!("{lang}/atom.xml"));
        let doc = parse_xml(&feed);
        assert_eq!(
            doc.root_element().tag_name().namespace(),
            Some("http://www.w3.org/2005/Atom")
        );
        let entries: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("entry"))
            .map(|e| {
                e.descendants()
                    .find(|n| n.has_tag_name("id"))
                    .unwrap()
                    .text()
                    .unwrap()
                    .to_string()
            })
            .collect();
        let expected: &[&str] = if lang == "kk" {
            // Newest update first: first (updated 04-05), third (04-04), second (04-03), about.
            &["rules/first/", "rules/third/", "rules/second/", "about/"]
        } else {
            &["rules/second/", "rules/first/", "about/"]
        };
        let expected: Vec<_> = expected
            .iter()
            .map(|p| format!("https://test.example/{lang}/{p}"))
            .collect();
        assert_eq!(entries, expected);
    }
    assert_eq!(
        site.read("robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://test.example/sitemap.xml\n"
    );
}

#[test]
fn links_written_as_urls_carry_the_base_path_of_a_site_in_a_folder() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/rules/urls.kk.md",
        "---\ntitle: Адрестер\ndate: 2020-04-03\n---\n[Бірінші](/sub/kk/rules/first/#тамақ), [екінші](../second/), [толық](https://mirror.example/sub/kk/), <img src=\"/sub/favicon.svg\" alt=\"\">.\n",
    );
    let run = site.run(&["build", "--base-url", "https://mirror.example/sub/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site.write(
        "content/rules/urls.kk.md",
        "---\ntitle: Адрестер\ndate: 2020-04-03\n---\nБазасыз [сілтеме](/kk/rules/first/) мен [файл](/favicon.svg), [жоқ](/kk/nothing/).\n",
    );
    let run = site.run(&["build", "--base-url", "https://mirror.example/sub/"]);
    // A path the build makes in the folder is given as meant.
    assert_reported(
        &run,
        &[
            "content/rules/urls.kk.md:5:9: error: link outside the site: `/kk/rules/first/` is not below the site's address https://mirror.example/sub/ (did you mean `/sub/kk/rules/first/`?)",
            "content/rules/urls.kk.md:5:41: error: link outside the site: `/favicon.svg` is not below the site's address https://mirror.example/sub/ (did you mean `/sub/favicon.svg`?)",
            "content/rules/urls.kk.md:5:63: error: link outside the site: `/kk/nothing/` is not below the site's address https://mirror.example/sub/",
        ],
        "a link without the base path",
    );
    assert!(!run.stderr.contains("`/sub/kk/nothing/`"), "{}", run.stderr);
}

/// Links to other sites, with addresses in any script, are left alone
/// wherever their letters fall: a two-byte letter across where this
/// site's origin (`https://test.example`, 20 bytes) or host
/// (`//test.example`) would end once made the build panic.
#[test]
fn links_to_addresses_in_any_script_are_left_alone() {
    let site = TestSite::fixture("basic");
    let host = "ә".repeat(12);
    // With and without one more ASCII byte before the letters, a letter
    // straddles each place in turn.
    let mut links = String::new();
    for scheme in ["https:", ""] {
        for pad in ["", "x"] {
            links += &format!("<a href=\"{scheme}//{pad}{host}.kz/\">сілтеме</a>\n");
        }
    }
    site.write(
        "content/rules/urls.kk.md",
        format!("---\ntitle: Адрестер\ndate: 2020-04-03\n---\n{links}"),
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = site.read("kk/rules/urls/index.html");
    for pad in ["", "x"] {
        assert!(
            html.contains(&format!("href=\"https://{pad}{host}.kz/\"")),
            "{html}"
        );
        assert!(
            html.contains(&format!("href=\"//{pad}{host}.kz/\"")),
            "{html}"
        );
    }
}

#[test]
fn base_url_can_be_overridden_including_a_sub_path() {
    let site = TestSite::fixture("basic");
    let run = site.run(&["build", "--base-url", "https://mirror.example/sub/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = site.read("kk/rules/first/index.html");
    assert!(
        html.contains(
            "<link rel=\"canonical\" href=\"https://mirror.example/sub/kk/rules/first/\">"
        )
    );
    assert!(html.contains("href=\"/sub/kk/rules/second/\""));
    assert_internal_links_resolve(&site.public(), "/sub/");
    let bad = site.run(&["build", "--base-url", "mirror.example"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .contains("write the full address: `https://mirror.example/`"),
        "{}",
        bad.stderr
    );
}

/// The basic site under the shipped theme, built for
/// `https://mirror.example/sub/`.
fn built_in_a_folder_with_the_shipped_theme() -> TestSite {
    let site = TestSite::fixture("basic");
    copy_dir(
        &repo().join("themes/default"),
        &site.root().join("themes/default"),
    );
    let run = site.run(&["build", "--base-url", "https://mirror.example/sub/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

/// The offline reader's worker, and the pages it keeps ahead of reading
/// (its script's list, and the menu's links it reads from the page),
/// carry the base path of a site in a folder: the worker serves that
/// folder (see `browser::offline`).
#[test]
fn the_offline_reader_of_a_site_in_a_folder_lives_in_its_folder() {
    let site = built_in_a_folder_with_the_shipped_theme();
    let html = site.read("kk/rules/first/index.html");
    let script = "<script src=\"/sub/offline.js\" data-worker=\"/sub/sw.js\" \
                  data-keep=\"/sub/ /sub/kk/ /sub/ru/ /sub/style.css\" defer>";
    assert!(html.contains(script), "{html}");
    let menu = &html[html.find("<nav class=\"menu\"").expect("a menu")..];
    assert!(menu.contains("<a href=\"/sub/kk/rules/\""), "{menu}");
    assert!(site.public().join("sw.js").is_file());
}

/// The menu marks the item a page lies under, and the item that is the
/// page, by its URL with the base path of a site in a folder; on a page
/// under none (the home page, the 404 page) it marks none.
#[test]
fn the_menu_marks_where_the_page_is_in_a_site_in_a_folder() {
    let site = built_in_a_folder_with_the_shipped_theme();
    let menu = |rel: &str| {
        let html = site.read(rel);
        let start = html.find("<nav class=\"menu\"").expect("a menu");
        let end = start + html[start..].find("</nav>").expect("its end");
        html[start..end].to_string()
    };
    let under = menu("kk/rules/first/index.html");
    assert!(
        under.contains("<a href=\"/sub/kk/rules/\" aria-current=\"true\">"),
        "{under}"
    );
    assert_eq!(under.matches("aria-current").count(), 1, "{under}");
    let itself = menu("kk/rules/index.html");
    assert!(
        itself.contains("<a href=\"/sub/kk/rules/\" aria-current=\"page\">"),
        "{itself}"
    );
    assert_eq!(itself.matches("aria-current").count(), 1, "{itself}");
    for rel in ["kk/index.html", "kk/404.html"] {
        let none = menu(rel);
        assert!(none.contains("/sub/kk/rules/"), "{none}");
        assert!(!none.contains("aria-current"), "{rel}: {none}");
    }
}

#[test]
fn the_root_page_offers_both_languages_without_javascript() {
    let site = TestSite::fixture("basic");
    site.build();
    let root = site.read("index.html");
    assert!(root.contains("<a href=\"/kk/\" lang=\"kk\" hreflang=\"kk\">Қазақша</a>"));
    assert!(root.contains("<a href=\"/ru/\" lang=\"ru\" hreflang=\"ru\">Русский</a>"));
    assert!(!root.contains("<script"));
    assert!(hreflangs(&root).contains(&("x-default".into(), "https://test.example/kk/".into())));
    assert!(site.read("ru/404.html").contains("Страница не найдена"));
    assert!(
        site.read("404.html").contains("Бет табылмады"),
        "the root 404 is the default language's"
    );
}

#[test]
fn a_rebuild_replaces_the_output_whole_and_leaves_no_staging_behind() {
    let site = TestSite::fixture("basic");
    site.build();
    // Below its top (what a user put at the top stops the build: see
    // hostile::output).
    site.write("public/kk/stale.html", "left over from an old build");
    std::fs::remove_file(site.root().join("content/about.ru.md")).unwrap();
    site.build();
    assert!(!site.public().join("kk/stale.html").exists());
    assert!(!site.public().join("ru/about").exists());
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("staging") || n.ends_with(".old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn check_writes_nothing() {
    let site = TestSite::fixture("basic");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The missing translation; without the `search` feature, also that
    // the site gets no search index (features.rs).
    let warnings = if cfg!(feature = "search") {
        "1 warning"
    } else {
        "2 warnings"
    };
    assert!(
        run.stderr.contains(&format!("no errors, {warnings}")),
        "{}",
        run.stderr
    );
    assert!(!site.public().exists());
    let names: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        3,
        "only site.yaml, content/ and themes/: {names:?}"
    );
}

#[test]
fn check_strict_turns_a_missing_translation_into_a_failure() {
    let site = TestSite::fixture("basic");
    let run = site.run(&["check", "--strict"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("content/rules/third.kk.md:1:1: warning: no translation into `ru`")
    );
    assert!(
        run.stderr
            .contains("warnings count as errors with --strict")
    );
}

#[test]
fn static_files_of_the_theme_and_the_site_are_copied_and_the_site_wins() {
    let site = TestSite::fixture("basic");
    site.write("static/style.css", "/* the site's own */");
    site.write("static/docs/memo.txt", "memo");
    site.build();
    assert_eq!(site.read("style.css"), "/* the site's own */");
    assert_eq!(site.read("docs/memo.txt"), "memo");
}

#[test]
fn the_emergency_notice_of_site_yaml_is_on_every_page_in_its_language() {
    let site = TestSite::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        format!(
            "{config}notice:\n  kk: Төтенше жағдай (сынақ)\n  ru: Чрезвычайное положение (тест)\n"
        ),
    );
    site.build();
    assert!(
        site.read("kk/rules/first/index.html")
            .contains("<p class=\"emergency\">Төтенше жағдай (сынақ)</p>")
    );
    assert!(
        site.read("ru/index.html")
            .contains("<p class=\"emergency\">Чрезвычайное положение (тест)</p>")
    );
    site.write(
        "site.yaml",
        format!("{config}notice:\n  en: State of emergency\n"),
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    let line = config.lines().count() + 2;
    assert!(
        run.stderr.contains(&format!(
            "site.yaml:{line}:3: error: the notice has text in `en`"
        )),
        "{}",
        run.stderr
    );
}

/// A build killed before it published leaves its staging folder beside the
/// output; the next build removes it, but not the staging folder of a
/// build still running, nor a folder aqparat did not make.
#[test]
fn staging_folders_of_killed_builds_are_removed() {
    let site = TestSite::fixture("basic");
    let staging = |pid: u32| site.root().join(format!(".public.staging-{pid}"));
    let (killed, running, foreign) = (
        staging(99_999_999),
        staging(std::process::id()),
        staging(99_999_998),
    );
    for folder in [&killed, &running] {
        std::fs::create_dir_all(folder.join("kk")).unwrap();
        aqparat::write::stamp(folder).unwrap();
        std::fs::write(folder.join("kk/index.html"), "half").unwrap();
    }
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("thesis.txt"), "mine").unwrap();
    let young = staging(99_999_997);
    std::fs::create_dir_all(&young).unwrap();
    aqparat::write::stamp(&young).unwrap();
    // Last changed two hours ago, but the young one (maybe a build in a
    // container, whose process this one cannot see).
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    for folder in [&killed, &running, &foreign] {
        std::fs::File::open(folder)
            .unwrap()
            .set_modified(then)
            .unwrap();
    }
    site.build();
    assert!(young.exists(), "a folder changed within the hour is kept");
    assert!(!killed.exists(), "the killed build's folder is removed");
    assert!(
        running.join("kk/index.html").is_file(),
        "a running build's is kept"
    );
    assert_eq!(
        std::fs::read_to_string(foreign.join("thesis.txt")).unwrap(),
        "mine"
    );
}
