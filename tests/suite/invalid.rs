//! The catalogue of bad input. Each case is a fixture under
//! `tests/fixtures/invalid/` laid over the valid `basic` site; each holds
//! several problems, and every one must be reported at once with its file,
//! line and column, a hint, exit code 1, and the previous output untouched.

use crate::util::{TestSite, assert_reported, copy_dir, repo, snapshot};

/// Builds `basic`, then lays the broken `case` over it and checks that
/// `check` and `build` report `expected` (diagnostic headers, in order) and
/// that the output of the good build is unchanged, byte for byte.
fn assert_reports(case: &str, expected: &[&str]) {
    assert_reports_over(TestSite::fixture("basic"), case, expected);
}

/// `assert_reports` over the `basic` site with the `stats` fixture's
/// statistics (`tests/fixtures/invalid/stats-*`).
fn assert_stats_reports(case: &str, expected: &[&str]) {
    assert_reports_over(TestSite::fixtures("basic", "stats"), case, expected);
}

fn assert_reports_over(site: TestSite, case: &str, expected: &[&str]) {
    site.build();
    let before = snapshot(&site.public());
    assert!(!before.is_empty());
    copy_dir(
        &repo().join("tests/fixtures/invalid").join(case),
        site.root(),
    );

    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_reported(&run, expected, &format!("{command} {case}"));
    }
    assert_eq!(
        snapshot(&site.public()),
        before,
        "{case}: the previous output changed"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        // `.aqparat/` is the site's cache (cards, images), not staging.
        .filter(|n| n.starts_with('.') && n != ".aqparat")
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
            "content/rules/broken.kk.md:2:8: error: this value should be a single value",
            "content/rules/broken.ru.md:3:7: error: a colon and a space mark a key, and no key can be here",
        ],
    );
}

/// A tab and a quote never closed are blamed where they are, not on the
/// line where YAML noticed (the start of the value the tab ends, the line
/// whose quote closed the value by chance).
#[test]
fn tabs_and_unclosed_quotes_are_reported_where_they_are() {
    assert_reports(
        "tabs-and-quotes",
        &[
            "content/rules/masks.kk.md:2:8: error: the quote \" opened here is not closed on this line, so YAML read on to a quote on line 3",
            "content/rules/masks.ru.md:3:1: error: a tab character, where YAML allows only spaces",
        ],
    );
}

#[test]
fn unknown_front_matter_keys() {
    assert_reports(
        "unknown-key",
        &[
            "content/rules/extra.kk.md:3:1: error: unknown key `titel`; the keys allowed here: title,",
            "content/rules/extra.ru.md:4:1: error: unknown key `tags`",
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

/// A front matter opened and never closed is told from none at all.
#[test]
fn front_matter_never_closed() {
    assert_reports(
        "front-matter-unclosed",
        &[
            "content/rules/open.kk.md:1:1: error: the front matter opened by this `---` line is never closed",
            "content/rules/open.ru.md:1:1: error: the page has no front matter",
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
            "site.yaml:7:1: error: unknown key `titel`",
        ],
    );
}

/// `site.yaml`'s problems come in one round: an unknown key and a value of
/// the wrong type (`yes` is not a boolean here) are left out, and what the
/// rest says is checked in the same run, not once they are mended.
#[test]
fn site_yaml_problems_come_in_one_round() {
    let site = TestSite::fixture("basic");
    site.write(
        "site.yaml",
        "base_url: test.example\n\
         default_language: kz\n\
         languages:\n  kk: { name: Қазақша, title: Сынақ сайты }\n  ru: { name: Русский, title: Тестовый сайт }\n\
         theme: defualt\n\
         searh: true\n\
         previews: yes\n",
    );
    let run = site.run(&["check"]);
    crate::util::assert_reported(
        &run,
        &[
            "site.yaml:1:11: error: base_url: `test.example` lacks `https://` at its start; write the full address: `https://test.example/`",
            "site.yaml:2:19: error: default_language `kz` is not one of the languages",
            "site.yaml:6:8: error: theme `defualt` not found",
            "site.yaml:7:1: error: unknown key `searh`",
            "site.yaml:8:11: error: this value should be `true` or `false`",
        ],
        "site.yaml with five problems",
    );
    assert!(
        run.stderr.contains("(did you mean `search`?)"),
        "{}",
        run.stderr
    );
    // Each case: what it is, its site.yaml, the errors expected in order
    // (each by the start of its line).
    let cases: [(&str, &str, &[&str]); 7] = [
        // A language's entry of the wrong type is not left out: every page
        // and text in that language would be a problem of its own.
        (
            "a language of the wrong type",
            "base_url: https://test.example/\n\
             default_language: kk\n\
             languages:\n  kk: { name: Қазақша, title: Сынақ сайты }\n  ru: [Русский, Тестовый сайт]\n\
             theme: default\n",
            &["site.yaml:5:7: error: "],
        ),
        // The rest of the file is still checked, in the same round; nothing
        // that needs the languages is: not the default language (it may be
        // the one left out), nor a page, nor the notice in each language.
        (
            "a language of the wrong type and other problems",
            "base_url: test.example\n\
             default_language: ru\n\
             languages:\n  kk: { name: Қазақша, title: Сынақ сайты }\n  ru: [Русский, Тестовый сайт]\n\
             notice: { kk: Ескерту }\n\
             theme: defualt\n\
             searh: true\n",
            &[
                "site.yaml:1:11: error: base_url: `test.example` lacks `https://` at its start; write the full address: `https://test.example/`",
                "site.yaml:5:7: error: ",
                "site.yaml:7:8: error: theme `defualt` not found",
                "site.yaml:8:1: error: unknown key `searh`",
            ],
        ),
        // What needs only the codes written is checked against them: the
        // default language, the languages of the notice, a code that is
        // none.
        (
            "a language left out, checked against the codes written",
            "base_url: https://test.example/\n\
             default_language: en\n\
             languages:\n  kk: { name: Қазақша, title: Сынақ сайты }\n  RU: [Русский, Тестовый сайт]\n\
             notice: { kk: Ескерту, de: Hinweis }\n",
            &[
                "site.yaml:2:19: error: default_language `en` is not one of the languages",
                "site.yaml:5:3: error: ",
                "site.yaml:5:7: error: ",
            ],
        ),
        (
            "a language left out and a notice in another",
            "base_url: https://test.example/\n\
             default_language: kk\n\
             languages:\n  kk: { name: Қазақша, title: Сынақ сайты }\n  ru: [Русский, Тестовый сайт]\n\
             notice: { kk: Ескерту, de: Hinweis }\n",
            &[
                "site.yaml:5:7: error: ",
                "site.yaml:6:24: error: the notice has text in `de`",
            ],
        ),
        // When the codes written cannot be told (two keys that may be
        // `languages`, a key given twice), those read are checked each, and
        // nothing that needs them all.
        (
            "two slips of `languages:`",
            "base_url: https://test.example/\n\
             default_language: ru\n\
             \"langauges\":\n  kk: { name: Қазақша, title: Сынақ сайты }\n\
             languagse:\n  ru: { name: Русский, title: Тестовый сайт }\n\
             notice: { ru: Ескерту }\n",
            &[
                "site.yaml:3:1: error: unknown key `langauges`",
                "site.yaml:5:1: error: unknown key `languagse`",
            ],
        ),
        (
            "a key given twice and a code that is none",
            "base_url: https://test.example/\n\
             default_language: kk\n\
             languages:\n  kk: { name: Қазақша, title: Сынақ сайты }\n  RU: { name: Русский, title: Тестовый сайт }\n\
             theme: default\n\
             theme: default\n",
            &[
                "site.yaml:5:3: error: `RU` is not",
                "site.yaml:7:1: error: ",
            ],
        ),
        // A slip of `languages:`, read as it, leaves out none of them: the
        // languages are known, and checked.
        (
            "a slip of `languages:`",
            "base_url: https://test.example/\n\
             default_language: en\n\
             langauges:\n  kk: { name: Қазақша, title: Сынақ сайты }\n  ru: { name: Русский, title: Тестовый сайт }\n",
            &[
                "site.yaml:2:19: error: default_language `en` is not one of the languages",
                "site.yaml:3:1: error: unknown key `langauges`",
            ],
        ),
    ];
    for (what, yaml, expected) in cases {
        site.write("site.yaml", yaml);
        let run = site.run(&["check"]);
        crate::util::assert_reported(&run, expected, &format!("site.yaml with {what}"));
    }
}

/// The statistics' problems come in one round too: a value of the wrong
/// type (a required one: the record or entry holding it is read without
/// it) or a misspelt key does not hide what the checks find in the other
/// records, nor the problems of the other files; what they would find in
/// the record read without a part (a count missing) is not reported.
#[test]
fn statistics_problems_come_in_one_round() {
    let site = TestSite::fixtures("basic", "stats");
    let read = |rel: &str| std::fs::read_to_string(site.root().join(rel)).unwrap();
    let records = read("data/aid/records.yaml");
    let mut lines: Vec<String> = records.lines().map(String::from).collect();
    for (line, from, to) in [
        (4, "count: 1", "count: [1]"),
        (5, "unit: families", "unit: [families]"),
        (16, "frequency: weekly", "frequncy: weekly"),
        (21, "category: food", "category: fod"),
    ] {
        assert!(lines[line - 1].contains(from), "{}", lines[line - 1]);
        lines[line - 1] = lines[line - 1].replace(from, to);
    }
    site.write("data/aid/records.yaml", lines.join("\n") + "\n");
    let organisations = read("data/aid/organisations.yaml");
    site.write(
        "data/aid/organisations.yaml",
        organisations
            .replacen(
                "name: { kk: \"Сынақ ұйымы Б\"",
                "name: [{ kk: \"Сынақ ұйымы Б\"",
                1,
            )
            .replacen(
                "ru: \"Тестовая организация Б\" }",
                "ru: \"Тестовая организация Б\" }]",
                1,
            )
            .replacen(
                "partners: [org-a]",
                "partners: [org-a, org-b, nobody]\n  quoted_lang: de\n  bogus: 1",
                1,
            ),
    );
    let run = site.run(&["check"]);
    assert_reported(
        &run,
        &[
            "data/aid/organisations.yaml:6:9: error: this value should be a mapping",
            "data/aid/organisations.yaml:10:28: error: organisation `org-c`: unknown organisation `nobody`",
            "data/aid/organisations.yaml:11:16: error: organisation `org-c`",
            "data/aid/organisations.yaml:12:3: error: unknown key `bogus`",
            "data/aid/records.yaml:4:10: error: a whole number belongs here, not a list",
            "data/aid/records.yaml:5:9: error: this value should be a single value",
            "data/aid/records.yaml:16:3: error: unknown key `frequncy`",
            "data/aid/records.yaml:21:13: error: record `r5`: unknown category `fod`",
        ],
        "statistics with eight problems",
    );
    // Organisation `org-b` left out, no reference to it (org-c's, r5's) is
    // reported, though one to an id written nowhere is.
    let unknown = run
        .stderr
        .lines()
        .filter(|l| l.contains("unknown organisation"));
    assert_eq!(unknown.count(), 1, "{}", run.stderr);
}

/// A page's front matter too: a misspelt key does not hide a date that is
/// no date nor a template the theme lacks; a title of the wrong type, left
/// out, is not also reported missing.
#[test]
fn front_matter_problems_come_in_one_round() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/about.kk.md",
        "---\ntitle: Біз туралы\ndate: 2020-03-33\nweigth: 3\ntemplate: nosuch.html\n---\nМәтін.\n",
    );
    site.write(
        "content/about.ru.md",
        "---\ntitle: [О нас]\ndate: 2020-03-30\nupdated: 2020-03-01\n---\nТекст.\n",
    );
    let run = site.run(&["check"]);
    assert_reported(
        &run,
        &[
            "content/about.kk.md:3:7: error: invalid date: `2020-03-33` does not exist",
            "content/about.kk.md:4:1: error: unknown key `weigth`",
            "content/about.kk.md:5:11: error: template `nosuch.html`",
            "content/about.ru.md:2:8: error: this value should be a single value",
            "content/about.ru.md:4:10: error: ",
        ],
        "front matter with five problems",
    );
    assert!(!run.stderr.contains("has no title"), "{}", run.stderr);

    // A `draft:` that could not be read is taken as a draft: its links and
    // its translation are not checked as a published page's would be.
    // A title never written is missing, whatever else is wrong.
    site.write(
        "content/about.kk.md",
        "---\ntitle: Біз туралы\ndraft: maybe\n---\n[x](@/nope.md)\n",
    );
    site.write(
        "content/about.ru.md",
        "---\ndescription: О нас\nzzz: 1\n---\nТекст.\n",
    );
    let run = site.run(&["check"]);
    assert_reported(
        &run,
        &[
            "content/about.kk.md:3:8: error: this value should be `true` or `false`",
            "content/about.ru.md:1:1: error: the page has no title",
            "content/about.ru.md:3:1: error: unknown key `zzz`",
        ],
        "a draft not read, a title not written",
    );
    let about = |l: &&str| l.starts_with("content/about.") && l.contains(": warning: ");
    assert!(!run.stderr.lines().any(|l| about(&l)), "{}", run.stderr);
    assert!(!run.stderr.contains("nope"), "{}", run.stderr);
}

/// No language: the one error, not a panic nor one per page for want of
/// a language.
#[test]
fn no_languages_in_site_yaml() {
    assert_reports(
        "site-yaml-no-languages",
        &["site.yaml:3:12: error: no languages are listed"],
    );
}

/// A language code that cannot name pages (`RU`, the cards' `og`): an
/// error at its key each, and nothing more, not an error or a warning per
/// page of a language the site no longer seems to have.
#[test]
fn language_codes_that_cannot_be_used() {
    assert_reports(
        "site-yaml-bad-language-codes",
        &[
            "site.yaml:5:3: error: `RU` is not a language code",
            "site.yaml:6:3: error: `og` cannot be a language's code",
        ],
    );
    let site = TestSite::fixture("basic");
    copy_dir(
        &repo().join("tests/fixtures/invalid/site-yaml-bad-language-codes"),
        site.root(),
    );
    let run = site.run(&["check"]);
    // No warning follows from the codes (one says, without the `search`
    // feature, that the site gets no search index).
    let warnings = (run.stderr.lines())
        .filter(|l| l.contains(": warning: ") && !l.contains("without the `search` feature"));
    assert_eq!(warnings.count(), 0, "{}", run.stderr);
    // An empty code is told as one, not as ``.
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write("site.yaml", config.replacen("  RU:", "  \"\":", 1));
    let run = site.run(&["check"]);
    assert!(
        run.stderr
            .contains("site.yaml:5:4: error: a language is listed without a code"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("``"), "{}", run.stderr);
}

/// Files that look like pages but are not read as pages (Notepad's
/// `.md.txt`, `.MD`, `.markdown`, `.mdx`, a name with a dot or a space
/// after `.md`, which Windows drops) are each named in a warning, with the
/// name to give them; other files of `content/` are not.
#[test]
fn files_meant_as_pages_are_named() {
    let site = TestSite::fixture("basic");
    let page = "---\ntitle: Су\n---\nМәтін.\n";
    let meant = [
        ("water.ru.md.txt", "water.ru.md"),
        ("notes.kk.MD", "notes.kk.md"),
        ("notes2.kk.markdown", "notes2.kk.md"),
        ("notes3.kk.mdx", "notes3.kk.md"),
        ("notes4.ru.md.", "notes4.ru.md"),
        ("notes5.ru.md ", "notes5.ru.md"),
    ];
    for (name, _) in meant {
        site.write(&format!("content/rules/{name}"), page);
    }
    site.write("content/rules/plan.pdf", "%PDF");
    let run = site.run(&["check", "--strict", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for (name, meant) in meant {
        let header = format!("content/rules/{name}:1:1: warning: this file is not read as a page");
        assert!(run.stderr.contains(&header), "{name}:\n{}", run.stderr);
        let hidden_end = format!("{header}: its name ends in a dot or a space after `.md`");
        assert_eq!(
            run.stderr.contains(&hidden_end),
            name.ends_with(['.', ' ']),
            "{name}:\n{}",
            run.stderr
        );
        let hint = format!("rename it `{meant}` if it is a page");
        assert!(run.stderr.contains(&hint), "{meant}:\n{}", run.stderr);
    }
    assert!(!run.stderr.contains("plan.pdf"), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

/// A text of the statistics longer than a spreadsheet's cell is an error
/// at the text, not a failure to write the download.
#[test]
fn a_statistics_text_longer_than_a_spreadsheet_cell() {
    let site = TestSite::fixtures("basic", "stats");
    let records = std::fs::read_to_string(site.root().join("data/aid/records.yaml")).unwrap();
    let long = "ә".repeat(33_000);
    site.write(
        "data/aid/records.yaml",
        records.replacen("Бірінші сынақ жазбасы", &long, 1),
    );
    for command in ["check", "build"] {
        let run = site.run(&[command, "--lang", "en"]);
        assert_reported(
            &run,
            &[
                "data/aid/records.yaml:6:15: error: record `r1`: the `kk` what is longer than 32766 characters (33000)",
            ],
            command,
        );
    }
    assert!(!site.public().exists());
}

/// Statistics with errors are left out with their pages: links to those
/// pages are not reported too, only the statistics' errors; a link that is
/// broken anyway still is.
#[test]
fn broken_statistics_are_reported_without_their_pages_links() {
    let site = TestSite::fixtures("basic", "stats");
    site.write(
        "content/rules/figures.kk.md",
        "---\ntitle: Сандар\n---\n[Инфографика](/kk/infographics/), [CSV](/kk/data/aid.csv), [Ұйымдар](/data/organisations.csv), [жоқ](/kk/nothing/).\n",
    );
    let records = std::fs::read_to_string(site.root().join("data/aid/records.yaml")).unwrap();
    site.write(
        "data/aid/records.yaml",
        records.replacen("count: 1\n", "count: бір\n", 1),
    );
    let run = site.run(&["check", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains(": error: "))
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("data/aid/records.yaml:")),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("infographics/`"), "{}", run.stderr);
    assert!(!run.stderr.contains("aid.csv`"), "{}", run.stderr);
    assert!(!run.stderr.contains("organisations.csv`"), "{}", run.stderr);
    assert!(run.stderr.contains("/kk/nothing/"), "{}", run.stderr);
}

/// A site address that does not parse: its error and the other problems
/// of the files, not one broken link per page and template.
#[test]
fn site_address_that_does_not_parse() {
    assert_reports(
        "site-yaml-bad-address",
        &[
            "content/rules/bad.kk.md:3:7: error: invalid date: `2020-04-31` does not exist",
            "site.yaml:1:11: error: base_url:",
        ],
    );
}

/// Every page shows the site's title and its language's name.
#[test]
fn empty_site_title_or_language_name() {
    assert_reports(
        "site-yaml-empty-titles",
        &[
            "site.yaml:4:31: error: the title of language `kk` is empty",
            "site.yaml:5:15: error: the name of language `ru` is empty",
        ],
    );
}

#[test]
fn missing_field_in_site_yaml() {
    assert_reports(
        "site-yaml-missing-field",
        &[
            "content/rules/bad.kk.md:3:9: error: this value should be a whole number",
            "site.yaml:1:1: error: the required key `default_language` is missing",
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

/// Pages whose addresses differ only in capital letters, or in how a
/// letter is encoded (`й` composed, or `и` and a combining breve), are
/// one folder on Windows and macOS: each is an error naming the other,
/// and nothing is published.
#[test]
fn pages_whose_addresses_differ_only_in_case_or_encoding() {
    let site = TestSite::fixture("basic");
    let page = "---\ntitle: Бет\n---\nМәтін.\n";
    site.write("content/About.kk.md", page);
    site.write("content/ABOUT.kk.md", page);
    site.write("content/rules/\u{439}ол.kk.md", page);
    site.write("content/rules/\u{438}\u{306}ол.kk.md", page);
    let run = site.run(&["build", "--lang", "en"]);
    crate::util::assert_reported(
        &run,
        &[
            "content/ABOUT.kk.md:1:1: error: this file becomes /kk/ABOUT/, and content/About.kk.md, content/about.kk.md become addresses that differ from it only in capital letters",
            "content/About.kk.md:1:1: error: this file becomes /kk/About/, and content/ABOUT.kk.md, content/about.kk.md become addresses",
            "content/about.kk.md:1:1: error: this file becomes /kk/about/, and content/ABOUT.kk.md, content/About.kk.md become addresses",
            "content/rules/\u{438}\u{306}ол.kk.md:1:1: error: this file becomes /kk/rules/\u{438}\\u{306}ол/, and content/rules/\u{439}ол.kk.md becomes an address that differs",
            "content/rules/\u{439}ол.kk.md:1:1: error: this file becomes /kk/rules/\u{439}ол/, and content/rules/\u{438}\\u{306}ол.kk.md becomes an address",
        ],
        "twin addresses",
    );
    assert!(!site.public().exists(), "nothing is published");
}

#[test]
fn files_that_take_the_url_of_a_page_aqparat_makes() {
    assert_reports(
        "reserved-url",
        &[
            "content/infographics/_index.ru.md:1:1: error: this file would become /ru/infographics/, but /ru/infographics/ holds the infographic pages that aqparat makes",
            "content/infographics/masks.ru.md:1:1: error: this file would become /ru/infographics/masks/, but /ru/infographics/ holds the infographic pages that aqparat makes",
            "content/pages.kk.md:1:1: error: this file would become /kk/pages/, but /kk/pages/ holds the index of all pages that aqparat makes",
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
            "content/rules/links.kk.md:17:15: error: the id `contacts` is given to an earlier heading of this page too",
            "content/rules/links.ru.md:5:11: error: link to a page that does not exist: `@/news/_index.md`",
        ],
    );
}

#[test]
fn links_written_as_urls_and_in_templates_lead_to_files_of_the_build() {
    assert_reports(
        "broken-url-link",
        &[
            "content/rules/urls.kk.md:8:1: error: link to a page or file that the build does not make: `/ru/rulez/` (did you mean `/ru/rules/`?)",
            "content/rules/urls.kk.md:8:37: error: link to a page or file that the build does not make: `/ru/nothing/`",
            "content/rules/urls.kk.md:10:1: error: image not found: `/img/missing.png`",
            "content/rules/urls.kk.md:12:1: error: link to an anchor that does not exist: #жоқ in /kk/rules/first/",
            "content/rules/urls.kk.md:17:1: error: link to a page or file that the build does not make: `/kk/rules/first.ru.md` (did you mean `@/rules/first.ru.md`?)",
            "content/rules/urls.kk.md:17:34: error: link to a page or file that the build does not make: `/kk/rules/urls/first.ru.md`",
            "content/rules/urls.kk.md:17:55: error: link to a page or file that the build does not make: `/kk/rules/_index.ru.md` (did you mean `@/rules/_index.ru.md`?)",
            "themes/default/templates/links.html:3:33: error: link to a page or file that the build does not make: `/kk/rules/nowhere/` (on /kk/rules/urls/ and 1 other page)",
        ],
    );
}

#[test]
fn template_syntax_errors() {
    assert_reports(
        "template-syntax",
        &[
            "themes/default/templates/page.html:5:25: error: template syntax error:",
            "themes/default/templates/section.html:4:1: error: template error: `{% for p in section.pages %}` is not closed: `{% endblock content %}` on line 6 comes before its `{% endfor %}`",
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
            "themes/default/templates/page.html:4:29: error: template error: `subtitle` is not defined here",
        ],
    );
}

#[test]
fn ui_string_missing_in_one_language() {
    assert_reports(
        "i18n-missing-key",
        &[
            // `not_found` is the test theme's own: the built-in theme
            // below it does not have it either. Reported once, here, not
            // again where a template uses it.
            "themes/default/i18n/ru.yaml:1:1: error: UI string `not_found` is missing in language `ru`",
            "themes/default/i18n/ru.yaml:2:1: error: UI string `pages_count` lacks the plural form `few`",
        ],
    );
}

/// A key misspelt in one language's strings is told at the slip, with
/// the key meant: not as a string every other language lacks, nor the key
/// meant as one this language lacks.
#[test]
fn a_key_misspelt_in_one_language_is_told_at_the_slip() {
    let site = TestSite::example();
    let strings = site.read_source("themes/default/i18n/ru.yaml");
    let line = strings
        .lines()
        .position(|l| l.starts_with("contents:"))
        .unwrap()
        + 1;
    site.write(
        "themes/default/i18n/ru.yaml",
        strings.replacen("\ncontents:", "\ncontnts:", 1),
    );
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        let expected = format!(
            "themes/default/i18n/ru.yaml:{line}:1: error: unknown key `contnts`: no other language has it (did you mean `contents`?)"
        );
        assert_reported(&run, &[expected.as_str()], command);
        assert!(
            run.stderr.contains("correct the key to `contents`"),
            "{}",
            run.stderr
        );
    }
}

/// A block left open in a template is told at the tag that opens it,
/// with the end it needs, in the run's language: not where Tera's parser
/// gave up ("Unknown tag" at a later `{% endblock %}`); an end tag that
/// closes nothing is told at that tag. Both are told in one run, and the
/// templates that extend the broken `base.html` are not told that it does
/// not exist.
#[test]
fn a_block_left_open_is_told_where_it_opens() {
    let site = TestSite::example();
    let page = site.read_source("themes/default/templates/page.html");
    let (line, at) = (page.lines().enumerate())
        .find_map(|(i, l)| Some((i + 1, l.find("{% if page.description %}")? + 1)))
        .unwrap();
    site.write(
        "themes/default/templates/page.html",
        page.replacen(
            "{% if page.description %}",
            "{% if page.description %}{% if x %}",
            1,
        ),
    );
    let base = site.read_source("themes/default/templates/base.html");
    let base = base.trim_end();
    site.write(
        "themes/default/templates/base.html",
        format!("{base}\n{{% endfor %}}\n"),
    );
    let expected = [
        format!(
            "themes/default/templates/base.html:{}:1: error: template error: `{{% endfor %}}` closes nothing",
            base.lines().count() + 1
        ),
        format!(
            "themes/default/templates/page.html:{line}:{at}: error: template error: `{{% if page.description %}}` is not closed: `{{% endblock content %}}` on line "
        ),
    ];
    let run = site.run(&["check"]);
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    assert_reported(&run, &expected, "check");
    assert!(
        run.stderr
            .contains("= help: add `{% endif %}` where its block should end"),
        "{}",
        run.stderr
    );
    let run = site.run(&["check", "--lang", "ru"]);
    assert!(
        run.stderr
            .contains("не закрыт: `{% endblock content %}` в строке"),
        "{}",
        run.stderr
    );
}

/// A language taken out of `site.yaml` while the statistics still have
/// texts in it is told once a file, at its first text, with the lines of
/// the others: not as an error at each (75 in the example), which buried
/// the pages' own errors. A file with one such text tells it as before.
#[test]
fn texts_in_a_language_taken_out_are_told_once_a_file() {
    let site = TestSite::example();
    let config = site.read_source("site.yaml");
    let mut in_ru = false;
    let kept: Vec<&str> = (config.lines())
        .filter(|line| {
            in_ru = *line == "  ru:" || (in_ru && line.starts_with("    "));
            !in_ru
        })
        .collect();
    site.write("site.yaml", kept.join("\n"));
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let errors: Vec<&str> = (run.stderr.lines())
        .filter(|l| l.starts_with("data/aid/") && l.contains(": error: "))
        .collect();
    for file in ["categories", "organisations", "records", "units"] {
        let told: Vec<&&str> = (errors.iter())
            .filter(|l| l.starts_with(&format!("data/aid/{file}.yaml:")))
            .filter(|l| l.contains("texts of this file are in `ru`"))
            .collect();
        assert_eq!(told.len(), 1, "{file}:\n{}", run.stderr);
        assert!(told[0].contains(", and those on lines "), "{}", told[0]);
    }
    let one_by_one = errors.iter().filter(|l| l.contains("has text in `ru`"));
    assert_eq!(
        one_by_one.count(),
        1,
        "only sources.yaml's one text:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("= help: add `ru` to `languages` in site.yaml; or, if the site is not to be in `ru`, remove the file's `ru:` texts"),
        "{}",
        run.stderr
    );
}

/// Texts in a language the site lacks are listed in the file's order,
/// each line once, the first text's line not among the others; two on
/// one line and one more are told with "the one on line".
#[test]
fn texts_in_a_language_the_site_lacks_are_listed_in_the_files_order() {
    let site = TestSite::fixtures("basic", "stats");
    let organisations = site.read_source("data/aid/organisations.yaml");
    let extra = concat!(
        "org-x: { name: { kk: \"Х\", ru: \"Х\", en: \"X\" }, short: { kk: \"Х\", ru: \"Х\", en: \"X\" } }\n",
        "org-y:\n  name: { kk: \"Ы\", ru: \"Ы\", en: \"Y\" }\n",
    );
    site.write(
        "data/aid/organisations.yaml",
        format!("{organisations}{extra}"),
    );
    let first = organisations.lines().count() + 1;
    let run = site.run(&["check"]);
    let expected = format!("data/aid/organisations.yaml:{first}:");
    let told: Vec<&str> = (run.stderr.lines())
        .filter(|l| l.starts_with(&expected) && l.contains("`en`"))
        .collect();
    assert_eq!(told.len(), 1, "{}", run.stderr);
    assert!(
        told[0].ends_with(&format!(
            "3 texts of this file are in `en`, which is not a language of the site: this one, and the one on line {}",
            first + 2
        )),
        "{}",
        told[0]
    );
}

/// A template included that the theme does not have is told at the
/// `include`, in the run's language, with where templates are; one that
/// it has but cannot parse is told at its own mistake, not as missing.
#[test]
fn an_included_template_that_does_not_exist_is_told_at_the_include() {
    let site = TestSite::example();
    let page = site.read_source("themes/default/templates/page.html");
    let line = page.lines().position(|l| l.contains("<article>")).unwrap() + 1;
    site.write(
        "themes/default/templates/page.html",
        page.replacen(
            "<article>",
            "<article>{% include \"partials/nav.html\" %}",
            1,
        ),
    );
    let run = site.run(&["check"]);
    let expected = format!(
        "themes/default/templates/page.html:{line}:21: error: template error: there is no template `partials/nav.html`"
    );
    assert_reported(&run, &[expected.as_str()], "check");
    assert!(run.stderr.contains("`templates/` folder"), "{}", run.stderr);
    let run = site.run(&["check", "--lang", "ru"]);
    assert!(
        run.stderr.contains("шаблона `partials/nav.html` нет"),
        "{}",
        run.stderr
    );
    // One that is there but broken is told once, at its own mistake.
    site.write(
        "themes/default/templates/partials/nav.html",
        "<nav>{% if a %}</nav>\n",
    );
    let run = site.run(&["check"]);
    let expected = "themes/default/templates/partials/nav.html:1:6: error: template error: `{% if a %}` is not closed before the template ends";
    assert_reported(&run, &[expected], "check");
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
    assert!(run.stderr.contains("refusing to publish"), "{}", run.stderr);
    assert!(site.root().join("content/_index.kk.md").exists());
}

// The statistics' catalogue (issue 3): every problem with file, line, column,
// the record and the field.

#[test]
fn statistics_with_unknown_references() {
    assert_stats_reports(
        "stats-references",
        &[
            "data/aid/records.yaml:2:8: error: record `r1`: unknown organisation `org-x`",
            "data/aid/records.yaml:3:21: error: record `r1`: unknown organisation `org-y`",
            "data/aid/records.yaml:11:13: error: record `r2`: unknown category `clothes`",
            "data/aid/records.yaml:13:9: error: record `r2`: unknown unit `boxes`",
            "data/aid/records.yaml:15:11: error: record `r2`: unknown source `src-9`",
        ],
    );
}

#[test]
fn statistics_with_a_duplicate_record_id_and_a_missing_count() {
    assert_stats_reports(
        "stats-duplicate-id",
        &[
            "data/aid/records.yaml:8:7: error: duplicate record id `r1` (also on line 1)",
            "data/aid/records.yaml:15:7: error: record `r2`: has no count",
        ],
    );
}

#[test]
fn statistics_with_negative_or_non_integer_counts() {
    assert_stats_reports(
        "stats-count",
        &[
            "data/aid/records.yaml:4:10: error: record `negative`: count -5 is negative",
            "data/aid/records.yaml:11:10: error: record `fraction`: count `3.5` is not a whole number",
            "data/aid/records.yaml:18:10: error: record `words`: count `many` is not a whole number",
            "data/aid/records.yaml:25:10: error: record `hexadecimal`: count `0x10` is not a whole number written in digits",
            "data/aid/records.yaml:32:10: error: record `underscores`: count `1_000` is not a whole number written in digits",
            "data/aid/records.yaml:39:10: error: record `plus`: count `+12` is not a whole number written in digits",
            "data/aid/records.yaml:53:10: error: record `decimal-comma`: count `1,5` is not a whole number",
            "data/aid/records.yaml:60:10: error: record `quoted`: count `\"300\"` is written as text, in quotes",
            "data/aid/records.yaml:67:10: error: record `thousands`: count `1 250` has a space or a mark between its digits",
            "data/aid/records.yaml:74:10: error: record `thousands-comma`: count `1,250` has a space or a mark between its digits",
            "data/aid/records.yaml:81:10: error: record `leading-zeros`: count `007` begins with a zero that is not the number's",
        ],
    );
}

#[test]
fn statistics_with_ids_that_are_not_ids() {
    assert_stats_reports(
        "stats-ids",
        &[
            "data/aid/categories.yaml:3:1: error: category id `x\"><script>alert(1)</script>` is not lowercase words joined by `-`",
            "data/aid/organisations.yaml:8:1: error: organisation id `../../../../pwned` is not lowercase words joined by `-`",
            "data/aid/organisations.yaml:10:1: error: organisation id `Org_D` is not lowercase words joined by `-`",
            "data/aid/sources.yaml:5:1: error: source id `src 2` is not lowercase words joined by `-`",
        ],
    );
}

#[test]
fn statistics_with_invalid_dates_and_backward_periods() {
    assert_stats_reports(
        "stats-dates",
        &[
            "data/aid/records.yaml:7:9: error: record `bad-date`: invalid date: `2020-04-31` does not exist",
            "data/aid/records.yaml:15:35: error: record `backwards`: the period ends (2020-03-01) before it starts (2020-04-10)",
            "data/aid/records.yaml:23:19: error: record `bad-month`: invalid period: `2020-13` is neither YYYY-MM-DD nor YYYY-MM",
        ],
    );
}

/// A name or noun forms missing in the default language (kk) are errors;
/// `org-a`'s name missing in Russian is only a warning since issue 13 (it
/// is then shown in Kazakh; see languages.rs).
#[test]
fn statistics_with_a_name_or_noun_forms_missing_in_the_default_language() {
    assert_stats_reports(
        "stats-languages",
        &[
            "data/aid/categories.yaml:2:9: error: category `food` has no `kk` text",
            "data/aid/organisations.yaml:4:66: error: organisation `org-b` has text in `en`, which is not a language of the site",
            "data/aid/units.yaml:4:5: error: unit `families` has no `kk` noun forms",
        ],
    );
}

#[test]
fn statistics_with_a_unit_lacking_the_plural_form_a_count_needs() {
    assert_stats_reports(
        "stats-plural-needed",
        &[
            "data/aid/units.yaml:5:9: error: unit `families` lacks the `ru` plural form `few`; record `r2` (count 2) needs it",
            "data/aid/units.yaml:11:9: error: unit `masks` has an unknown `ru` plural form `lots`",
        ],
    );
}

#[test]
fn statistics_with_yaml_syntax_errors() {
    assert_stats_reports(
        "stats-yaml-syntax",
        &[
            "data/aid/categories.yaml:2:1: error: this part cannot be read: while parsing a flow mapping",
            "data/aid/sources.yaml:4:8: error: a colon and a space mark a key, and no key can be here",
        ],
    );
}

#[test]
fn statistics_with_values_of_the_wrong_type() {
    assert_stats_reports(
        "stats-wrong-type",
        &[
            "data/aid/organisations.yaml:5:13: error: this value should be a list",
            "data/aid/units.yaml:6:10: error: this value should be `true` or `false`",
        ],
    );
}

#[test]
fn shortcodes_with_unknown_ids_are_reported_where_they_are_written() {
    let site = TestSite::fixtures("basic", "stats");
    site.write(
        "content/rules/first.ru.md",
        "---\ntitle: Первое\n---\nВсего {{ stat(id=\"nope\") }}.\n\n{{ chart(org=\"org-x\") }}\n\n{{ stat(total=\"boxes\") }}\n\n{{ stat(total=\"families\", category=\"fod\") }}\n\n{{ chart(id=\"reachd\") }}\n\nИ {{ 7*7 }}, {{ data.some_value }}.\n",
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(!run.stderr.contains("is not closed"), "{}", run.stderr);
    for expected in [
        "content/rules/first.ru.md:4:7: error: no record `nope` in data/aid/records.yaml",
        "content/rules/first.ru.md:6:1: error: no organisation `org-x` in data/aid/organisations.yaml (did you mean `org-a`?)",
        "content/rules/first.ru.md:8:1: error: no unit `boxes` in data/aid/units.yaml",
        "content/rules/first.ru.md:10:1: error: no category `fod` in data/aid/categories.yaml (did you mean `food`?)",
        "content/rules/first.ru.md:12:1: error: no chart `chart(id=\"reachd\")` (did you mean `chart(id=\"reached\")`?); the charts are `chart(id=\"reached\")`, `chart(id=\"items\")`, `chart(category=\"food\")`, `chart(category=\"masks\")`, `chart(org=\"org-a\")`",
        // Closed, though Markdown splits its text at `*` and `_`.
        "content/rules/first.ru.md:14:3: error: `{{ 7*7 }}` is not a shortcode call",
        "content/rules/first.ru.md:14:14: error: `{{ data.some_value }}` is not a shortcode call",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
}

#[test]
fn odd_input_gives_diagnostics_never_a_panic() {
    let site = TestSite::fixtures("basic", "stats");
    let odd: &[(&str, &[u8])] = &[
        ("content/empty.kk.md", b""),
        ("content/only-dashes.kk.md", b"---\n"),
        ("content/unclosed.kk.md", b"---\ntitle: x\n"),
        ("content/binary.kk.md", b"---\ntitle: \xff\xfe\x00\n---\n"),
        ("content/nested.kk.md", b"---\ntitle: [[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]\n---\n"),
        ("content/huge.kk.md", b"---\ntitle: A\nweight: 99999999999999999999999\ndate: 0000-00-00\n---\n"),
        (
            "content/links.kk.md",
            "---\ntitle: Сілтемелер\n---\n[a](@/) [b](@/.md) [c](@/../../etc/passwd.md) [d](@/_index.md#) [e](#) [f](@/rules/first.md#)\n\n{{ stat(\n\n{{ chart() }}\n\n{{ stat(id=\"r1\", total=\"x\") }} {{}} {{ ünknown() }}\n\n# {#}\n".as_bytes(),
        ),
        ("content/.hidden.kk.md", b"not a page"),
        ("content/no-suffix.md", b"---\ntitle: x\n---\n"),
        ("data/aid/records.yaml", b"- id: r1\n  count: 18446744073709551616\n  reported: maybe\n"),
        ("data/list.yaml", b"[1, 2, {a: b}]\n"),
        ("themes/default/i18n/kk.yaml", b"pages_count: { one: 1 }\nlast_updated: [x]\n"),
    ];
    for (path, bytes) in odd {
        site.write(path, bytes);
    }
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert!(
            !run.stderr.contains("panicked"),
            "{command}:\n{}",
            run.stderr
        );
        assert_eq!(run.code, 1, "{command}:\n{}", run.stderr);
        for line in run.stderr.lines().filter(|l| l.contains(": error: ")) {
            let location = line.split(": error: ").next().unwrap();
            let parts: Vec<&str> = location.rsplitn(3, ':').collect();
            assert!(
                parts.len() == 3
                    && parts[0].parse::<usize>().is_ok()
                    && parts[1].parse::<usize>().is_ok(),
                "no line:col in `{line}`"
            );
        }
    }
}

/// A typo in a key, a link, an anchor, an id or a shortcode gets the name
/// it is close to.
#[test]
fn typos_get_what_was_meant() {
    let site = TestSite::fixtures("basic", "stats");
    site.write(
        "content/typos.kk.md",
        "---\ntitel: Қателер\n---\n[а](@/rules/frist.md) [ә](@/rules/first.md#қолды-жу) {{ stat(id=\"r11x\") }} {{ stats(id=\"r1\") }}\n",
    );
    let records = std::fs::read_to_string(site.root().join("data/aid/records.yaml")).unwrap();
    site.write(
        "data/aid/records.yaml",
        records.replacen("category: food", "category: fod", 1),
    );
    let run = site.run(&["check"]);
    for expected in [
        "content/typos.kk.md:2:1: error: unknown key `titel`; the keys allowed here: title, description, date, updated, expires, weight, draft, template, aliases (did you mean `title`?)",
        "data/aid/records.yaml:3:13: error: record `r1`: unknown category `fod` (did you mean `food`?)",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    // With the statistics broken, pages are still checked: fix them.
    site.write("data/aid/records.yaml", &records);
    site.write(
        "content/typos.kk.md",
        "---\ntitle: Қателер\n---\n[а](@/rules/frist.md) [ә](@/rules/first.md#қолды-жу) {{ stat(id=\"r11x\") }} {{ stats(id=\"r1\") }}\n",
    );
    let run = site.run(&["check"]);
    for expected in [
        "error: link to a page that does not exist: `@/rules/frist.md` (did you mean `@/rules/first.md`?)",
        "error: link to an anchor that does not exist: #қолды-жу (did you mean `қолды-жуу`?)",
        "error: no record `r11x` in data/aid/records.yaml or records.csv (did you mean `r11`?)",
        "error: unknown shortcode `stats` (did you mean `stat`?)",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
}

/// Links to missing anchors of a page of many headings: the hint lists
/// its first headings, not hundreds, and says how many it has; the first
/// links get the heading meant, and every one is reported.
#[test]
fn links_to_missing_anchors_of_a_long_page_get_a_short_hint() {
    let site = TestSite::fixture("basic");
    let mut page = String::from("---\ntitle: Ұзын бет\n---\n");
    for i in 0..300 {
        page.push_str(&format!("\n## Бөлім {i}\n\n[сілтеме](#бөлм-{i})\n"));
    }
    site.write("content/rules/long.kk.md", &page);
    let run = site.run(&["check"]);
    let first = "content/rules/long.kk.md:7:1: error: link to an anchor that does not exist: #бөлм-0 (did you mean `бөлім-0`?) in content/rules/long.kk.md";
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains(first), "{first}\n{}", run.stderr);
    let listed: Vec<String> = (0..12).map(|i| format!("#бөлім-{i}")).collect();
    let hint = format!(
        "its first 12 headings of 300 are {}; link to one of them",
        listed.join(", ")
    );
    assert!(run.stderr.contains(&hint), "{hint}\n{}", run.stderr);
    assert!(!run.stderr.contains("#бөлім-12,"), "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("error: link to an anchor").count(),
        300,
        "{}",
        run.stderr
    );
    // Guessed for the first hundred; the rest are told without a guess.
    assert_eq!(
        run.stderr.matches("(did you mean `бөлім-").count(),
        100,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("#бөлм-299 in content/rules/long.kk.md"),
        "{}",
        run.stderr
    );
}

/// A link that leads to no page, written as staff often slip (`@/` without
/// `.md`, with `content/`, or from the page's folder; a source file linked
/// from the folder of the page's own file, with its language's suffix or
/// without), gets the `@/` link meant.
#[test]
fn links_written_from_the_wrong_folder_get_the_link_meant() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/rules/x.kk.md",
        "---\ntitle: Сілтемелер\n---\n[а](@/rules/first) [ә](@/content/rules/first.md) [б](@/second.md)\n\n[в](first.kk.md) [г](_index.ru.md) [и](first.md) [й](../about.md)\n\n[д](@/) [е](@/rules) [ж](@/first) [з](@/content/about)\n",
    );
    let run = site.run(&["check"]);
    crate::util::assert_reported(
        &run,
        &[
            "content/rules/x.kk.md:4:1: error: link to a page that does not exist: `@/rules/first` (did you mean `@/rules/first.md`?)",
            "content/rules/x.kk.md:4:20: error: link to a page that does not exist: `@/content/rules/first.md` (did you mean `@/rules/first.md`?)",
            "content/rules/x.kk.md:4:50: error: link to a page that does not exist: `@/second.md` (did you mean `@/rules/second.md`?)",
            "content/rules/x.kk.md:6:1: error: link to a page or file that the build does not make: `/kk/rules/x/first.kk.md` (did you mean `@/rules/first.kk.md`?)",
            "content/rules/x.kk.md:6:18: error: link to a page or file that the build does not make: `/kk/rules/x/_index.ru.md` (did you mean `@/rules/_index.ru.md`?)",
            "content/rules/x.kk.md:6:36: error: link to a page or file that the build does not make: `/kk/rules/x/first.md` (did you mean `@/rules/first.md`?)",
            "content/rules/x.kk.md:6:50: error: link to a page or file that the build does not make: `/kk/rules/about.md` (did you mean `@/about.md`?)",
            "content/rules/x.kk.md:8:1: error: link to a page that does not exist: `@/` (did you mean `@/_index.md`?)",
            "content/rules/x.kk.md:8:9: error: link to a page that does not exist: `@/rules` (did you mean `@/rules/_index.md`?)",
            "content/rules/x.kk.md:8:22: error: link to a page that does not exist: `@/first` (did you mean `@/rules/first.md`?)",
            "content/rules/x.kk.md:8:35: error: link to a page that does not exist: `@/content/about` (did you mean `@/about.md`?)",
        ],
        "links from the wrong folder",
    );
}

/// A page named with a country's code (`.kz.md`) is told to take the
/// language's suffix, not to add the country's code to the site's
/// languages (which `site.yaml` refuses).
#[test]
fn a_page_named_with_a_countrys_code_gets_the_languages_suffix() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/contacts.kz.md",
        "---\ntitle: Байланыс\n---\nМәтін.\n",
    );
    let run = site.run(&["check"]);
    crate::util::assert_reported(
        &run,
        &["content/contacts.kz.md:1:1: error: language `kz` is not one of the site's languages"],
        "a country's code",
    );
    assert!(
        run.stderr.contains(
            "help: `kz` is a country's code, not a language's: rename the file to end in `.kk.md`"
        ),
        "{}",
        run.stderr
    );
}

/// A shortcode's argument it does not take, one given twice, or two that
/// do not go together is an error at the shortcode, not ignored.
#[test]
fn shortcode_arguments_are_checked() {
    let site = TestSite::fixtures("basic", "stats");
    site.write(
        "content/args.kk.md",
        "---\ntitle: Аргументтер\n---\n{{ stat(id=\"r1\", id=\"r2\") }}\n\n{{ stat(id=\"r1\", orgg=\"x\") }}\n\n{{ stat(id=\"r1\", total=\"families\") }}\n\n{{ chart(org=\"org-a\", id=\"reached\") }}\n\n{{ stat(total=\"families\", org=\"org-a\") }} {{ stat(id=\"r1\") }}\n",
    );
    let run = site.run(&["check"]);
    let expected = [
        "content/args.kk.md:4:1: error: argument `id` is given twice",
        "content/args.kk.md:6:1: error: `stat` has no argument `orgg` (did you mean `org`?); it takes id, total, org, category",
        "content/args.kk.md:8:1: error: `stat` needs either `id=\"RECORD\"` alone or `total=\"UNIT\"`",
        "content/args.kk.md:10:1: error: `chart` needs one of",
    ];
    assert_reported(&run, &expected, "check");
}

/// A shortcode that Markdown cut before shortcodes were looked for (one
/// wrapped onto the next line, one holding a tag or a backquote) is told
/// by its cause, not as a `{{` never closed; one never closed (no `}}`
/// after the tag or on the next line) still is.
#[test]
fn a_shortcode_cut_by_markdown_is_told_by_its_cause() {
    let site = TestSite::fixtures("basic", "stats");
    site.write(
        "content/cut.kk.md",
        "---\ntitle: Бөлінген\n---\nСаны: {{ stat(\nid=\"r1\") }}\n\n{{ stat(id=\"\\\"><script>\") }}\n\nБар: {{ stat(id=\"`r1`\") }}\n\nСоңы {{ stat(id=\"r1\") <b>қалың</b>\nжалғасы.\n",
    );
    let run = site.run(&["check"]);
    let expected = [
        "content/cut.kk.md:4:7: error: this shortcode goes on to the next line",
        "content/cut.kk.md:7:1: error: this shortcode holds `<script>`, which Markdown reads first, as HTML",
        "content/cut.kk.md:9:6: error: this shortcode holds a backquote",
        "content/cut.kk.md:11:6: error: a shortcode `{{` is not closed with `}}`",
    ];
    assert_reported(&run, &expected, "check");
}

/// A shortcode written wrong is told in the same run as the statistics'
/// own errors, which leave the site without figures: it was held back
/// until they were mended. What depends on the figures (an unknown record)
/// is not told until then.
#[test]
fn shortcodes_written_wrong_are_told_while_the_statistics_have_errors() {
    let site = TestSite::fixtures("basic", "stats");
    let records = site.read_source("data/aid/records.yaml");
    site.write(
        "data/aid/records.yaml",
        records.replacen("date: 2020-04-03", "date: 2020-4-3", 1),
    );
    site.write(
        "content/args.kk.md",
        "---\ntitle: Аргументтер\n---\n{{ chart() }}\n\n{{ stat(idd=\"r1\") }}\n\n{{ chrt(id=\"reached\") }}\n\n{{ stat(id=\"no-such-record\") }}\n\nМәтін {{ stat(id=\"r1\"\n",
    );
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_reported(
            &run,
            &[
                "content/args.kk.md:4:1: error: `chart` needs one of",
                "content/args.kk.md:6:1: error: `stat` has no argument `idd` (did you mean `id`?)",
                "content/args.kk.md:8:1: error: unknown shortcode `chrt` (did you mean `chart`?)",
                "content/args.kk.md:12:7: error:",
                "data/aid/records.yaml:7:9: error:",
            ],
            command,
        );
    }
}

/// A statistics file emptied by a slip is told once, at that file, not
/// at every record that names one of its ids.
#[test]
fn an_emptied_lookup_file_is_one_error_at_the_file() {
    let site = TestSite::fixtures("basic", "stats");
    site.write("data/aid/categories.yaml", "");
    site.write("data/aid/sources.yaml", "# no sources yet\n");
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_reported(
            &run,
            &[
                "data/aid/categories.yaml:1:1: error: data/aid/categories.yaml defines no category, yet the records name some",
                "data/aid/sources.yaml:1:1: error: data/aid/sources.yaml defines no source, yet the records name some",
            ],
            command,
        );
    }
}

/// A page whose `draft:` cannot be read is taken as a draft (what is
/// checked only of published pages is not) and that one error is told:
/// the links to it, which would say to remove a `draft: true` it does not
/// hold, are not.
#[test]
fn a_draft_value_that_cannot_be_read_is_one_error_not_one_per_link() {
    let site = TestSite::example();
    let page = site.read_source("content/rules/if-ill.kk.md");
    site.write(
        "content/rules/if-ill.kk.md",
        page.replacen("weight: 30\n", "weight: 30\ndraft: yes\n", 1),
    );
    std::fs::remove_file(site.root().join("content/rules/if-ill.ru.md")).unwrap();
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_reported(
            &run,
            &["content/rules/if-ill.kk.md:5:8: error: this value should be `true` or `false`"],
            command,
        );
    }
}

/// A template that cannot be read (a filter misspelt) is its own error:
/// the pages it would have made are not reported as missing where the
/// site links to them (the infographics, from the home pages).
#[test]
fn a_broken_template_makes_no_broken_links_of_its_own() {
    let site = TestSite::example();
    let page = site.read_source("themes/default/templates/page.html");
    let broken = page.replacen("{{ page.title }}", "{{ page.title | uper }}", 1);
    assert_ne!(page, broken);
    site.write("themes/default/templates/page.html", broken);
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        let errors: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.contains(": error: "))
            .collect();
        assert_eq!(errors.len(), 1, "{command}:\n{}", run.stderr);
        assert!(
            errors[0].starts_with("themes/default/templates/page.html:"),
            "{}",
            run.stderr
        );
        assert!(
            errors[0].ends_with("template error: unknown filter `uper` (did you mean `upper`?)"),
            "{}",
            run.stderr
        );
    }
    // In the run's language, with the name meant; a field as a filter.
    let run = site.run(&["check", "--lang", "ru"]);
    assert!(
        run.stderr
            .contains("ошибка в шаблоне: неизвестный фильтр `uper` (может быть, `upper`?)"),
        "{}",
        run.stderr
    );
    site.write(
        "themes/default/templates/page.html",
        page.replacen("{{ page.title }}", "{{ page.titel }}", 1),
    );
    let run = site.run(&["check"]);
    assert!(
        run.stderr.contains(
            "template error: `titel` is not defined here (did you mean `title`?); what there is: "
        ),
        "{}",
        run.stderr
    );
}

/// A page's template that the theme does not have is one error, at the
/// front matter, with the templates there are; nothing is looked for at a
/// path made of the name.
#[test]
fn a_template_the_theme_does_not_have_is_one_error_at_the_front_matter() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/rules/odd.kk.md",
        "---\ntitle: Бөтен үлгі\ntemplate: ../../../etc/passwd\n---\nМәтін.\n",
    );
    site.write(
        "content/rules/typo.kk.md",
        "---\ntitle: Қате атау\ntemplate: pag.html\n---\nМәтін.\n",
    );
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_reported(
            &run,
            &[
                "content/rules/odd.kk.md:3:11: error: template `../../../etc/passwd` does not exist in the theme",
                "content/rules/typo.kk.md:3:11: error: template `pag.html` does not exist in the theme (did you mean `page.html`?)",
            ],
            command,
        );
    }
}

/// A page's template that is one of a page aqparat makes itself (the
/// statistics pages', the index of all pages'), or, for a page that is not
/// a section, the sections' template (`section.html`, whose list of pages
/// a page has not), is one error at the front matter, not an error inside
/// the theme where its context lacks what it reads; neither it nor the
/// list of templates offers such a template. A section may name
/// `section.html`.
#[test]
fn a_template_of_aqparats_own_pages_is_one_error_at_the_front_matter() {
    let site = TestSite::fixture("basic");
    for (name, template) in [
        ("org", "organisation.html"),
        ("index", "pages.html"),
        ("list", "section.html"),
        ("typo", "organization.html"),
        ("more/_index", "section.html"),
    ] {
        site.write(
            &format!("content/rules/{name}.kk.md"),
            format!("---\ntitle: Үлгі\ntemplate: {template}\n---\nМәтін.\n"),
        );
    }
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_reported(
            &run,
            &[
                "content/rules/index.kk.md:3:11: error: `pages.html` is the template of a page aqparat makes itself (the index of all pages)",
                "content/rules/list.kk.md:3:11: error: `section.html` is the template of sections (`_index.md`): it shows a section's list of pages, which a page has not",
                "content/rules/org.kk.md:3:11: error: `organisation.html` is the template of a page aqparat makes itself (an organisation's page of the statistics)",
                "content/rules/typo.kk.md:3:11: error: template `organization.html` does not exist in the theme",
            ],
            command,
        );
        let hint = "  = help: use one of: index.html, page.html\n";
        assert_eq!(run.stderr.matches(hint).count(), 4, "{}", run.stderr);
        assert!(!run.stderr.contains("did you mean"), "{}", run.stderr);
    }
}

/// Messages are in colour on a terminal (forced here with `CLICOLOR_FORCE`)
/// and plain when piped or when `NO_COLOR` is set.
#[test]
fn messages_are_coloured_only_on_a_terminal() {
    let site = TestSite::fixture("basic");
    site.write("content/bad.kk.md", "---\ntitel: x\n---\n");
    let check = |env: &[(&str, &str)]| {
        let mut command = crate::util::aqparat();
        command.args(["check", "--root"]).arg(site.root());
        command.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
        command.envs(env.iter().copied());
        String::from_utf8(command.output().unwrap().stderr).unwrap()
    };
    let piped = check(&[]);
    assert!(
        piped.contains("bad.kk.md:2:1: error: unknown key"),
        "{piped}"
    );
    assert!(!piped.contains('\u{1b}'), "{piped}");
    let forced = check(&[("CLICOLOR_FORCE", "1")]);
    assert!(
        forced.contains("\u{1b}[1m\u{1b}[31merror:\u{1b}[0m"),
        "{forced:?}"
    );
    let refused = check(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert!(!refused.contains('\u{1b}'), "{refused:?}");
}

/// A path given on the command line is shown with its control characters
/// as `�`: `--output $'\e[2J'` does not clear the terminal it is told on.
#[test]
fn control_characters_of_a_path_given_are_not_sent_to_the_terminal() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("out\u{1b}[2J\u{7}");
    let run = site.run(&["build", "--output", output.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("out\u{fffd}[2J\u{fffd}"),
        "{:?}",
        run.stderr
    );
    assert!(
        !run.stderr.contains(['\u{1b}', '\u{7}']),
        "{:?}",
        run.stderr
    );
    assert!(output.join("kk/index.html").is_file(), "built where asked");
}

/// serde stops at a file's first problem; every other one is reported too,
/// in front matter and in data, each at its own place.
#[test]
fn every_problem_of_a_yaml_file_is_reported_at_once() {
    assert_stats_reports(
        "every-yaml-problem",
        &[
            "content/rules/many.kk.md:3:9: error: this value should be a whole number",
            "content/rules/many.kk.md:4:1: error: unknown key `titel`",
            "content/rules/many.kk.md:5:8: error: this value should be `true` or `false`",
            "data/aid/organisations.yaml:3:13: error: this value should be a list",
            "data/aid/organisations.yaml:6:3: error: unknown key `website`",
            "data/aid/organisations.yaml:9:3: error: unknown key `nmae`",
        ],
    );
}

/// A count written as YAML's not-a-number or infinity is told as no
/// figure, not in the parser's words (a "non-finite float").
#[test]
fn a_count_that_is_no_figure_is_told_in_the_staffs_words() {
    let site = TestSite::fixtures("basic", "stats");
    let records = std::fs::read_to_string(site.root().join("data/aid/records.yaml")).unwrap();
    site.write(
        "data/aid/records.yaml",
        records.replacen("count: 1\n", "count: .nan\n", 1),
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "data/aid/records.yaml:4:10: error: `.nan` is no figure: write the number in digits"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("non-finite"), "{}", run.stderr);
}

/// A ` #` in a text written without quotes starts a YAML comment, which
/// cuts the text short: a warning at the `#`, with the line as it should
/// be. Quoted, or a comment after a number, it is no problem.
#[test]
fn a_comment_that_cuts_a_text_short_is_a_warning() {
    use std::fs::read_to_string;
    let site = TestSite::fixtures("basic", "stats");
    let page = read_to_string(site.root().join("content/rules/first.ru.md")).unwrap();
    site.write(
        "content/rules/first.ru.md",
        page.replacen(
            "title: Первое правило",
            "title: Приказ #5 об отключении воды",
            1,
        )
        .replacen("weight: 10", "weight: 10 # order", 1)
        .replacen(
            "description: Синтетическая тестовая страница",
            "description: Синтетическая тестовая страница  #TODO сверить",
            1,
        ),
    );
    let page = read_to_string(site.root().join("content/rules/first.kk.md")).unwrap();
    site.write(
        "content/rules/first.kk.md",
        page.replacen("title:", "title: \"№ 5 #бұйрық\" #", 1)
            .replacen("description: ", "description: Сынақ # ескерту\n# ", 1),
    );
    let config = read_to_string(site.root().join("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        config.replacen(
            "  ru: { name: Русский, title: Тестовый сайт }",
            "  ru:\n    name: Русский\n    title: Акимат #1 района",
            1,
        ),
    );
    let records = read_to_string(site.root().join("data/aid/records.yaml")).unwrap();
    site.write(
        "data/aid/records.yaml",
        records.replacen(
            "what: { kk: \"Бірінші сынақ жазбасы\", ru: \"Первая тестовая запись\" }",
            "what:\n    kk: Бірінші сынақ жазбасы\n    ru: Запись #1 теста",
            1,
        ),
    );
    let run = site.run(&["build", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warnings: Vec<&str> = (run.stderr.lines())
        .filter(|l| l.contains(": warning: `#`"))
        .collect();
    assert_eq!(
        warnings,
        [
            "content/rules/first.ru.md:2:15: warning: `#` after a space starts a comment in YAML: the text is only `Приказ`, and `#5 об отключении воды` is left out",
            "data/aid/records.yaml:8:16: warning: `#` after a space starts a comment in YAML: the text is only `Запись`, and `#1 теста` is left out",
            "site.yaml:7:19: warning: `#` after a space starts a comment in YAML: the text is only `Акимат`, and `#1 района` is left out",
        ],
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("`title: \"Приказ #5 об отключении воды\"`"),
        "{}",
        run.stderr
    );
    assert!(
        site.read("ru/rules/first/index.html")
            .contains("<title>Приказ ·")
    );
}

/// A link or image whose address has a space is not read as one by
/// Markdown and would show as written: an error at its `[` (or `!`). In
/// angle brackets, or in code, it is no problem.
#[test]
fn a_link_with_a_space_in_its_address_is_an_error() {
    let site = TestSite::fixture("basic");
    let page = std::fs::read_to_string(site.root().join("content/rules/first.ru.md")).unwrap();
    site.write(
        "content/rules/first.ru.md",
        format!(
            "{page}\n![Карта](Фото карта.png)\n\nСм. [приказ](приказ 5.pdf), [верно](<@/rules/second.md>).\n\n```\n![x](a b.png)\n```\n\n`[y](c d)`\n\nТекст (без скобки и [a](b c) и ![Карта [2020]](Фото карта.png).\n"
        ),
    );
    let lines = page.lines().count();
    for command in ["check", "build"] {
        let run = site.run(&[command, "--lang", "en"]);
        let message = "error: this link is not read as a link";
        assert_reported(
            &run,
            &[
                &format!("content/rules/first.ru.md:{}:1: {message}", lines + 2),
                &format!("content/rules/first.ru.md:{}:5: {message}", lines + 4),
                &format!("content/rules/first.ru.md:{}:21: {message}", lines + 12),
                &format!("content/rules/first.ru.md:{}:32: {message}", lines + 12),
            ],
            command,
        );
        assert!(run.stderr.contains("`<Фото карта.png>`"), "{}", run.stderr);
    }
}

/// A placeholder that nothing replaces (`{data}` for `{date}`) in the
/// site's UI strings would reach the pages as written: an error at it,
/// with the placeholders the string may hold.
#[test]
fn a_placeholder_that_nothing_replaces_is_an_error() {
    let site = TestSite::fixture("basic");
    site.write(
        "i18n/kk.yaml",
        "no_longer_in_force: \"{data} бастап күшін жойды\"\nread_more: \"Толығырақ {cnt}\"\nas_of: \"{date} күнгі жағдай\"\n",
    );
    for command in ["check", "build"] {
        let run = site.run(&[command, "--lang", "en"]);
        assert_reported(
            &run,
            &[
                "i18n/kk.yaml:1:22: error: the UI string `no_longer_in_force` holds `{data}`, which nothing replaces: the pages would show it as written (did you mean `{date}`?)",
                "i18n/kk.yaml:2:23: error: the UI string `read_more` holds `{cnt}`",
            ],
            command,
        );
        assert!(
            run.stderr.contains("write its text without braces"),
            "{}",
            run.stderr
        );
    }
}

/// An id written with a space would give the heading its first word as id
/// and each other word as an empty attribute: an error with the id joined.
#[test]
fn a_heading_id_with_a_space_is_an_error() {
    let site = TestSite::fixture("basic");
    let page = std::fs::read_to_string(site.root().join("content/rules/first.ru.md")).unwrap();
    site.write(
        "content/rules/first.ru.md",
        format!(
            "{page}\n## Первый шаг {{#первый шаг}}\n\n## Второй {{#второй data-x=1}}\n\n## Шаг {{#шаг .note два}}\n\n## Шаг 3 {{#третий 3}}\n\nОтветы {{да нет}}\nи что они значат {{#ответы}}\n---\n"
        ),
    );
    let line = page.lines().count() + 2;
    for command in ["check", "build"] {
        let run = site.run(&[command, "--lang", "en"]);
        assert_reported(
            &run,
            &[
                &format!("content/rules/first.ru.md:{line}:15: error: an id cannot hold a space"),
                &format!(
                    "content/rules/first.ru.md:{}:8: error: an id cannot hold a space",
                    line + 4
                ),
                // Markdown drops a one-letter word, but it was written.
                &format!(
                    "content/rules/first.ru.md:{}:10: error: an id cannot hold a space",
                    line + 6
                ),
            ],
            command,
        );
        // As written, not as the ids are made unique; classes kept.
        assert!(run.stderr.contains("`{#первый-шаг}`"), "{}", run.stderr);
        assert!(run.stderr.contains("`{#шаг-два .note}`"), "{}", run.stderr);
        assert!(run.stderr.contains("`{#третий-3}`"), "{}", run.stderr);
    }
}

/// `--root` naming a file (aqparat cannot run: exit code 2), or a site
/// whose `site.yaml` is a FIFO, is told as it is, not as a site without
/// `site.yaml` or a bad output.
#[test]
fn a_root_that_is_a_file_or_a_site_yaml_that_is_no_file() {
    let site = TestSite::fixture("basic");
    let file = site.root().join("site.yaml");
    for command in ["build", "check"] {
        let run = crate::util::aqparat()
            .args([command, "--lang", "en", "--root"])
            .arg(&file)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("site.yaml is a file, not the folder of a site"),
            "{stderr}"
        );
    }
    std::fs::remove_file(&file).unwrap();
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &file,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .unwrap();
    let run = site.run(&["check", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("site.yaml:1:1: error: this is a named pipe (FIFO)"),
        "{}",
        run.stderr
    );
}

/// A file that defines no id, written `{}`, is told once at that file,
/// not with an empty list of the ids to use at each record.
#[test]
fn an_unknown_id_of_an_empty_file_gets_a_hint_of_its_own() {
    let site = TestSite::fixtures("basic", "stats");
    site.write("data/aid/organisations.yaml", "{}\n");
    let run = site.run(&["check", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "data/aid/organisations.yaml:1:1: error: data/aid/organisations.yaml defines no organisation, yet the records name some"
        ),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("unknown organisation"),
        "{}",
        run.stderr
    );
}

/// A key misspelt in the site's own UI strings (`last_updatd` for the
/// theme's `last_updated`) is an unknown key at its place, with the key
/// meant; not a string the other language lacks.
#[test]
fn a_misspelt_key_of_the_sites_own_ui_strings_is_an_unknown_key() {
    let site = TestSite::fixture("basic");
    site.write(
        "i18n/ru.yaml",
        "read_more: Подробнее\nlast_updatd: Обновлено\n",
    );
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_reported(
            &run,
            &[
                "i18n/ru.yaml:2:1: error: unknown key `last_updatd`: the theme has no UI string of this name (did you mean `last_updated`?)",
            ],
            command,
        );
        assert!(
            run.stderr
                .contains("help: correct the key to `last_updated`"),
            "{}",
            run.stderr
        );
    }
}

/// The same slip in every language's file is an unknown key too while no
/// template names it; once one of the site's own templates does, it is a
/// string of the site's own.
#[test]
fn a_key_misspelt_in_every_language_that_no_template_names_is_an_unknown_key() {
    let site = TestSite::fixture("basic");
    site.write("i18n/kk.yaml", "last_updatd: Жаңартылды\n");
    site.write("i18n/ru.yaml", "last_updatd: Обновлено\n");
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_reported(
            &run,
            &[
                "i18n/kk.yaml:1:1: error: unknown key `last_updatd`: the theme has no UI string of this name (did you mean `last_updated`?)",
                "i18n/ru.yaml:1:1: error: unknown key `last_updatd`: the theme has no UI string of this name (did you mean `last_updated`?)",
            ],
            command,
        );
    }
    site.write(
        "templates/note.html",
        "{% extends \"page.html\" %}{% block content %}{{ i18n.last_updatd }}{% endblock content %}",
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// A theme that is not there gets the name of the one meant, of the
/// built-in theme and the folders under themes/.
#[test]
fn a_misspelt_theme_gets_the_theme_meant() {
    let site = TestSite::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        config.replacen("theme: default", "theme: defualt", 1),
    );
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_reported(
            &run,
            &[
                "site.yaml:6:8: error: theme `defualt` not found: there is no folder themes/defualt/",
            ],
            command,
        );
        assert!(
            run.stderr.contains("(did you mean `default`?)"),
            "{}",
            run.stderr
        );
    }
}

/// A record's key written as a word staff use for it (`organisation`
/// for `org`) gets the key meant, as a key a letter off does.
#[test]
fn a_record_key_written_as_a_full_word_gets_the_key_meant() {
    let site = TestSite::fixtures("basic", "stats");
    let records = std::fs::read_to_string(site.root().join("data/aid/records.yaml")).unwrap();
    site.write(
        "data/aid/records.yaml",
        records.replacen("  org: org-a\n", "  organisation: org-a\n", 1),
    );
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_reported(
            &run,
            &[
                "data/aid/records.yaml:2:3: error: unknown key `organisation`; the keys allowed here: id, org, ",
            ],
            command,
        );
        assert!(
            run.stderr.contains("(did you mean `org`?)"),
            "{}",
            run.stderr
        );
    }
}

/// `kz` is Kazakhstan's code, not the Kazakh language's (`kk`): an error
/// at its key that says so, and nothing more.
#[test]
fn a_countrys_code_for_a_language_gets_the_languages_code() {
    let site = TestSite::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        config
            .replacen("default_language: kk", "default_language: kz", 1)
            .replacen("  kk: {", "  kz: {", 1),
    );
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_reported(
            &run,
            &[
                "site.yaml:4:3: error: `kz` is a country's code, not a language's: the language's code is `kk`",
            ],
            command,
        );
        assert!(
            run.stderr.contains("help: write `kk` instead of `kz`"),
            "{}",
            run.stderr
        );
    }
}

/// A statistics file that is a folder is told as such, not as missing.
#[test]
fn a_statistics_file_that_is_a_folder() {
    let site = TestSite::fixtures("basic", "stats");
    let records = site.root().join("data/aid/records.yaml");
    std::fs::remove_file(&records).unwrap();
    std::fs::create_dir(&records).unwrap();
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_reported(
            &run,
            &[
                "data/aid/records.yaml:1:1: error: this is a folder, but records.yaml must be a file",
            ],
            command,
        );
        assert!(!run.stderr.contains("is missing"), "{}", run.stderr);
    }
}

/// The invisible characters that turn the text after them round (U+202E,
/// U+2066…), refused in the statistics' texts, are refused in every text
/// of `site.yaml` and of front matter that pages show, and in UI strings:
/// at the character when it is written as it is, else at the value.
#[test]
fn direction_controls_in_titles_are_refused() {
    let site = TestSite::fixture("basic");
    let config = (site.read_source("site.yaml"))
        .replace("title: Сынақ сайты", "title: Сынақ\u{202e} сайты")
        .replace("name: Русский", "name: \"Рус\\u2066ский\"");
    site.write("site.yaml", &config);
    site.write(
        "content/about.kk.md",
        "---\ntitle: Біз\u{202e}туралы\ndescription: Бір\u{2067}екі\ndate: 2020-03-30\n---\nМәтін\n",
    );
    site.write("i18n/kk.yaml", "read_more: Толығырақ\u{202d}\n");
    let run = site.run(&["check"]);
    assert_reported(
        &run,
        &[
            "content/about.kk.md:2:11: error: the title has U+202E",
            "content/about.kk.md:3:17: error: the description has U+2067",
            "i18n/kk.yaml:1:21: error: UI string `read_more` has U+202D",
            "site.yaml:4:36: error: the title of language `kk` has U+202E",
            "site.yaml:5:15: error: the name of language `ru` has U+2066",
        ],
        "direction controls",
    );
}

/// A slip of a key in `site.yaml` is read as the key meant whatever its
/// length (`language:`, `Language:` are shorter than `languages:`), so the
/// rest of the site is checked in the same run; a key too far from it to
/// be read so is named in the hint of the key missing, which is told at
/// the top of the file.
#[test]
fn a_misspelt_key_in_site_yaml_hides_nothing() {
    let site = TestSite::fixtures("basic", "stats");
    let config = (site.read_source("site.yaml"))
        .replace("default_language: kk", "default_language: KK")
        .replace("licence: CC-BY-4.0", "licence: CC-BY");
    for slip in [
        "language",
        "Language",
        "languges",
        "langauges",
        "languagess",
    ] {
        site.write(
            "site.yaml",
            config.replace("languages:", &format!("{slip}:")),
        );
        let run = site.run(&["check"]);
        assert_reported(
            &run,
            &[
                "site.yaml:2:19: error: default_language `KK` is not one of the languages",
                &format!("site.yaml:3:1: error: unknown key `{slip}`"),
                "site.yaml:8:12: error: open_data: `CC-BY` is not a licence aqparat knows",
            ],
            slip,
        );
    }
    site.write("site.yaml", config.replace("languages:", "languag:"));
    let run = site.run(&["check"]);
    assert_reported(
        &run,
        &[
            "site.yaml:1:1: error: the required key `languages` is missing",
            "site.yaml:3:1: error: unknown key `languag`",
        ],
        "languag",
    );
    assert!(
        run.stderr.contains("if `languag` is meant to be it"),
        "{}",
        run.stderr
    );
}

/// Every key a mapping lacks is told in one run, at the mapping's first
/// key, naming it by its id (or its own key) when it has one.
#[test]
fn missing_keys_come_in_one_run() {
    let site = TestSite::fixtures("basic", "stats");
    site.write(
        "site.yaml",
        "languages:\n  kk:\n    title: x\n  ru:\n    name: y\n    title: z\n",
    );
    let run = site.run(&["check"]);
    assert_reported(
        &run,
        &[
            "site.yaml:1:1: error: the required key `base_url` is missing",
            "site.yaml:1:1: error: the required key `default_language` is missing",
            "site.yaml:3:5: error: `kk`: the required key `name` is missing",
        ],
        "site.yaml lacking keys",
    );
    let site = TestSite::fixtures("basic", "stats");
    let records = site.read_source("data/aid/records.yaml");
    site.write(
        "data/aid/records.yaml",
        format!("- id: x\n  org: org-a\n  count: 1\n  what: {{ kk: a, ru: b }}\n{records}"),
    );
    let run = site.run(&["check"]);
    assert_reported(
        &run,
        &[
            "data/aid/records.yaml:1:3: error: `x`: the required key `category` is missing",
            "data/aid/records.yaml:1:3: error: `x`: the required key `source` is missing",
            "data/aid/records.yaml:1:3: error: `x`: the required key `unit` is missing",
        ],
        "a record lacking keys",
    );
}
