//! A language added to a running site (issue 13): a data text, noun forms
//! or a page missing in it is a warning, shown in the default language and
//! marked with its `lang`; a language without UI strings is one error.
//! See: issue 13, "Languages".

use crate::util::{
    TestSite, assert_internal_links_resolve, assert_same_as_a_full_build, wait_for_page,
    wait_for_search_index, watch,
};

/// The example site with `LANG` (`name`, `title`) added to its languages,
/// without a page, a data text or UI strings of its own.
fn example_with(lang: &str, name: &str, title: &str) -> TestSite {
    let site = TestSite::example_as_built();
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    let config = config.replacen(
        "\ntheme: default\n",
        &format!("\n  {lang}:\n    name: {name}\n    title: {title}\ntheme: default\n"),
        1,
    );
    site.write("site.yaml", config);
    site
}

/// `lines` of `printed` that report `severity` (`error`).
fn reported<'a>(printed: &'a str, severity: &str) -> Vec<&'a str> {
    let tag = format!(": {severity}: ");
    printed.lines().filter(|l| l.contains(&tag)).collect()
}

#[test]
fn i13_a_new_language_falls_back_to_the_default_one_with_warnings() {
    let site = example_with("en", "English", "Mangystau volunteers");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(reported(&run.stderr, "error"), Vec::<&str>::new());
    let warnings = reported(&run.stderr, "warning");
    for expected in [
        "data/aid/organisations.yaml:5:9: warning: organisation `regional-corps` has no `en` text",
        "data/aid/units.yaml:7:5: warning: unit `families` has no `en` noun forms",
        "content/_index.en.md:1:1: warning: there is no home page in `en`",
        "content/rules/_index.kk.md:1:1: warning: no translation into `en`",
        "site.yaml:22:3: warning: the notice has no `en` text",
        "site.yaml:30:5: warning: open_data: the publisher has no name in `en`",
    ] {
        assert!(warnings.contains(&expected), "{expected}:\n{}", run.stderr);
    }
    assert!(
        run.stderr
            .contains("= help: add `en: …` here; every name is written in each of the languages kk, ru, en; until then pages in `en` show the `kk` text"),
        "{}",
        run.stderr
    );
    assert_eq!(site.run(&["check", "--strict"]).code, 1);

    // The build's own link check passes: nothing leads nowhere.
    site.build();
    assert_internal_links_resolve(&site.public(), "/");
    let overview = site.read("en/infographics/index.html");
    assert!(overview.contains("<html lang=\"en\""));
    assert!(
        overview.contains(": <span lang=\"kk\">Маңғыстау облыстық еріктілер корпусы</span>.</p>"),
        "{overview}"
    );
    assert!(
        overview.contains(
            "<a href=\"/en/infographics/volunteer-hq/\"><span lang=\"kk\">Маңғыстау облыстық еріктілер корпусының еріктілер штабы</span></a>"
        ),
        "{overview}"
    );
    // A unit without English nouns gives its figure wholly in Kazakh.
    assert!(
        overview.contains("<strong class=\"tile-figure\" lang=\"kk\">400\u{a0}бетперде</strong>"),
        "{overview}"
    );
    // Tables and charts mark the names; the chart cards too.
    assert!(
        overview.contains("<th scope=\"row\"><span lang=\"kk\">"),
        "{overview}"
    );
    assert!(
        overview.contains("fill=\"currentColor\" lang=\"kk\">"),
        "{overview}"
    );
    let card = site.read("en/infographics/charts/items.svg");
    assert!(card.contains(" lang=\"kk\">Бетперделер</text>"), "{card}");
    let organisation = site.read("en/infographics/volunteer-hq/index.html");
    assert!(
        organisation.contains("<p class=\"category\" lang=\"kk\">"),
        "{organisation}"
    );
    // Downloads hold the default language's text as it is.
    let csv = site.read("en/data/aid.csv");
    assert!(csv.contains("Маңғыстау облыстық еріктілер корпусының еріктілер штабы"));
    // The Kazakh and Russian pages are as before: nothing in another language.
    let kk = site.read("kk/infographics/index.html");
    assert!(!kk.contains("<span lang=\"kk\">"), "{kk}");

    // The made-up home page lists the default language's sections and
    // pages, marked as Kazakh, at their Kazakh addresses; the Kazakh pages'
    // switcher leads to it.
    let home = site.read("en/index.html");
    assert!(
        home.contains("<div class=\"emergency\" role=\"note\" lang=\"kk\"><p>Бұл — 2020 жылғы"),
        "{home}"
    );
    assert!(
        home.contains("<li><a href=\"/kk/rules/\" lang=\"kk\" hreflang=\"kk\">Кеңестер</a></li>"),
        "{home}"
    );
    assert!(
        home.contains("<li lang=\"kk\"><h3><a href=\"/kk/rules/\">"),
        "{home}"
    );
    // The index of all English pages holds English pages only (its menu
    // is the home page's).
    let index = site.read("en/pages/index.html");
    let main = &index[index.find("<main").unwrap()..];
    assert!(!main.contains("href=\"/kk/"), "{index}");
    let rules = site.read("kk/rules/index.html");
    assert!(
        rules.contains("<a href=\"/en/\" hreflang=\"en\" lang=\"en\">English</a>"),
        "{rules}"
    );
}

#[test]
fn i13_a_language_without_ui_strings_is_one_error_naming_the_file_to_add() {
    let site = example_with("de", "Deutsch", "Freiwillige");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        reported(&run.stderr, "error"),
        ["i18n/de.yaml:1:1: error: no UI strings for language `de`"],
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("= help: create i18n/de.yaml with the keys"),
        "{}",
        run.stderr
    );
    assert_eq!(site.run(&["build"]).code, 1);
}

/// The made-up home page and the menus of a language without pages show
/// the default language's sections: an edit of one reaches them in `watch`
/// as a full build makes them.
#[test]
fn i13_an_edit_of_the_default_language_reaches_the_new_languages_menu() {
    let site = example_with("en", "English", "Mangystau volunteers");
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    wait_for_page(&output, "en/index.html", "Кеңестер");
    let rules = "content/rules/_index.kk.md";
    let text = std::fs::read_to_string(site.root().join(rules)).unwrap();
    site.save(
        rules,
        text.replacen("title: Кеңестер", "title: Кеңестер жинағы", 1),
    );
    wait_for_page(&output, "en/index.html", "Кеңестер жинағы");
    wait_for_page(&output, "en/infographics/index.html", "Кеңестер жинағы");
    wait_for_search_index(&watch);
    assert_same_as_a_full_build(&site, &output, &watch);
    assert_eq!(watch.terminate(), Some(0));
}
