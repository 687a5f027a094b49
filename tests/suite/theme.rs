//! A site of one's own: `init`, the built-in theme, overrides in layers,
//! `theme eject`.

use std::path::Path;

use crate::util::{TestSite, repo, snapshot, walk};

/// Runs `aqparat ARGS` (no `--root` added) in `dir`; gives the exit code
/// and what it printed.
fn aqparat(dir: &Path, args: &[&str]) -> (i32, String) {
    let output = crate::util::aqparat()
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&output.stderr).to_string()
        + &String::from_utf8_lossy(&output.stdout);
    (output.status.code().unwrap_or(-1), printed)
}

/// A new site from nothing but the binary passes `check --strict` and
/// builds, in any list of languages, statistics included; `init` refuses
/// a folder that is not empty.
#[test]
fn init_makes_a_site_that_checks_strictly_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    for (name, args) in [
        ("plain", vec![]),
        (
            "three",
            vec![
                "--languages",
                "kk,ru,en",
                "--default",
                "ru",
                "--title",
                "Ақтау",
                "--statistics",
            ],
        ),
        ("polish", vec!["--languages", "kk,pl", "--statistics"]),
    ] {
        let mut all = vec!["init", name];
        all.extend(args);
        let (code, printed) = aqparat(dir.path(), &all);
        assert_eq!(code, 0, "{name}: {printed}");
        let site = dir.path().join(name);
        let root = site.to_str().unwrap();
        let (code, printed) = aqparat(dir.path(), &["check", "--strict", "--root", root]);
        assert_eq!(code, 0, "{name}: {printed}");
        assert!(printed.contains("no errors, 0 warnings"), "{printed}");
        let (code, printed) = aqparat(dir.path(), &["build", "--root", root]);
        assert_eq!(code, 0, "{name}: {printed}");
        assert!(
            !site.join("themes").exists(),
            "the built-in theme serves it"
        );
    }
    let three = dir.path().join("three");
    let yaml = std::fs::read_to_string(three.join("site.yaml")).unwrap();
    assert!(yaml.contains("default_language: ru"), "{yaml}");
    assert!(yaml.contains("title: \"Ақтау\""), "{yaml}");
    let home = std::fs::read_to_string(three.join("public/en/index.html")).unwrap();
    assert!(home.contains("<html lang=\"en\""), "{home}");
    assert!(three.join("public/en/infographics/index.html").is_file());
    assert!(three.join("public/ru/guide/index.html").is_file());
    // Polish has no built-in UI strings: they are copied from English, in
    // Polish plural forms (one, few, many, other).
    let polish = std::fs::read_to_string(dir.path().join("polish/i18n/pl.yaml")).unwrap();
    assert!(
        polish.contains("few:") && polish.contains("many:"),
        "{polish}"
    );
    // Its home page, in English words, names its own file.
    let home = std::fs::read_to_string(dir.path().join("polish/content/_index.pl.md")).unwrap();
    assert!(home.contains("`content/_index.pl.md`"), "{home}");
    // Its guide, in English words, names Polish files in its examples.
    let guide = std::fs::read_to_string(dir.path().join("polish/content/guide.pl.md")).unwrap();
    assert!(guide.contains("content/rules/masks.pl.md") && !guide.contains("masks.en.md"));

    let before = snapshot(&three);
    let (code, printed) = aqparat(dir.path(), &["init", "three"]);
    assert_eq!(code, 2, "{printed}");
    assert!(printed.contains("is not empty"), "{printed}");
    assert_eq!(snapshot(&three), before, "nothing written");
    let (code, printed) = aqparat(dir.path(), &["init", "bad", "--languages", "kk,Russian"]);
    assert_eq!(code, 2, "{printed}");
    assert!(
        printed.contains("`Russian` is not a language code"),
        "{printed}"
    );
    assert!(!dir.path().join("bad").exists());
    // `og` is the folder of the preview cards, beside the languages'.
    let (code, printed) = aqparat(dir.path(), &["init", "bad", "--languages", "kk,og"]);
    assert_eq!(code, 2, "{printed}");
    assert!(
        printed.contains("`og` cannot be a language's code"),
        "{printed}"
    );
    assert!(!dir.path().join("bad").exists());
    let (code, printed) = aqparat(dir.path(), &["init", "bad", "--title", " "]);
    assert_eq!(code, 2, "{printed}");
    assert!(printed.contains("--title is empty"), "{printed}");
    assert!(!dir.path().join("bad").exists());
    // What the new site's own check would refuse.
    for (title, code_point) in [
        ("Tab\there", "U+0009"),
        ("Бір\nекі", "U+000A"),
        ("a\u{1}", "U+0001"),
    ] {
        let (code, printed) = aqparat(dir.path(), &["init", "bad", "--title", title]);
        assert_eq!(code, 2, "{printed}");
        assert!(
            printed.contains(&format!("control character {code_point}")),
            "{printed}"
        );
        assert!(!dir.path().join("bad").exists());
    }
    // Nor a character that would turn the title round on every page.
    let (code, printed) = aqparat(dir.path(), &["init", "bad", "--title", "a\u{202e}b"]);
    assert_eq!(code, 2, "{printed}");
    assert!(printed.contains("--title holds U+202E"), "{printed}");
    assert!(!dir.path().join("bad").exists());
    // A file where the folder, or one of its parents, would be.
    std::fs::write(dir.path().join("file"), "мәтін").unwrap();
    for target in ["file", "file/sub"] {
        let (code, printed) = aqparat(dir.path(), &["init", target]);
        assert_eq!(code, 2, "{printed}");
        assert!(
            printed.contains("file is a file, not a folder"),
            "{printed}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("file")).unwrap(),
        "мәтін"
    );
    // A fresh clone of an empty repository holds its `.git` only.
    let clone = dir.path().join("clone");
    std::fs::create_dir_all(clone.join(".git")).unwrap();
    let (code, printed) = aqparat(dir.path(), &["init", "clone"]);
    assert_eq!(code, 0, "{printed}");
    assert!(clone.join("site.yaml").is_file() && clone.join(".git").is_dir());
}

/// The command `init` prints to see the new site can be pasted: a folder
/// whose name has a space or a quote is one word of it.
#[test]
fn init_prints_a_command_that_can_be_pasted() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["Мой сайт", "it's", "сайт"] {
        let (code, printed) = aqparat(dir.path(), &["init", name, "--lang", "en"]);
        assert_eq!(code, 0, "{printed}");
        let command = printed
            .lines()
            .find_map(|line| line.trim().strip_prefix("aqparat "))
            .unwrap_or_else(|| panic!("no command in {printed}"));
        let words = std::process::Command::new("sh")
            .args(["-c", &format!("printf '%s\\n' {command}")])
            .output()
            .unwrap();
        let words = String::from_utf8(words.stdout).unwrap();
        // The command this aqparat has: without `serve`, `build`.
        let subcommand = if cfg!(feature = "serve") {
            "serve"
        } else {
            "build"
        };
        assert_eq!(
            words,
            format!("{subcommand}\n--root\n{name}\n"),
            "{printed}"
        );
    }
}

/// The chart the staff guide shows is drawn on the site `init
/// --statistics` makes; where there is no chart, the error names the
/// shortcode as written and says why there is none.
#[test]
fn the_guides_chart_is_drawn_on_a_new_site_and_a_missing_one_told_why() {
    let dir = tempfile::tempdir().unwrap();
    let (code, printed) = aqparat(dir.path(), &["init", "site", "--statistics"]);
    assert_eq!(code, 0, "{printed}");
    let site = dir.path().join("site");
    let root = site.to_str().unwrap();
    let guide = std::fs::read_to_string(site.join("content/guide.kk.md")).unwrap();
    let start = guide.find("{{ chart(").expect("the guide shows a chart");
    let chart = &guide[start..start + guide[start..].find("}}").unwrap() + 2];
    // Its figures too: every `stat` it shows names the new site's own.
    let stats: Vec<&str> = (guide.match_indices("{{ stat("))
        .map(|(start, _)| &guide[start..start + guide[start..].find("}}").unwrap() + 2])
        .collect();
    assert!(stats.len() >= 2, "{stats:?}");
    let home = site.join("content/_index.kk.md");
    let mut text = std::fs::read_to_string(&home).unwrap();
    text += &format!("\n{chart}\n\n{{{{ chart(org=\"our-organisation\") }}}}\n");
    text += &format!("\n{}\n", stats.join(" "));
    std::fs::write(&home, text).unwrap();
    let (code, printed) = aqparat(dir.path(), &["check", "--strict", "--root", root]);
    assert_eq!(code, 0, "{printed}");
    let (code, printed) = aqparat(dir.path(), &["build", "--root", root]);
    assert_eq!(code, 0, "{printed}");
    let page = std::fs::read_to_string(site.join("public/kk/index.html")).unwrap();
    for chart in ["reached", "org-our-organisation"] {
        let labelled = format!("aria-labelledby=\"{chart}-title");
        assert!(page.contains(&labelled), "{chart}: {page}");
    }

    // One record left: no chart compares anything.
    let records = site.join("data/aid/records.yaml");
    let yaml = std::fs::read_to_string(&records).unwrap();
    std::fs::write(&records, &yaml[..yaml.find("- id: hot-meals").unwrap()]).unwrap();
    let (code, printed) = aqparat(dir.path(), &["check", "--root", root, "--lang", "en"]);
    assert_eq!(code, 1, "{printed}");
    for expected in [
        "no chart `chart(id=\"reached\")`: a chart compares figures, so it is drawn only where one unit has two or more",
        "no chart `chart(org=\"our-organisation\")`: a chart compares",
        "there is no chart yet",
        "help: `chart` takes `id=\"reached\"`",
    ] {
        assert!(printed.contains(expected), "{expected}\n{printed}");
    }
    assert!(!printed.contains("org-our-organisation"), "{printed}");
    assert!(
        !printed.contains("ids are those of the records"),
        "{printed}"
    );
}

/// The staff guide of the example site is the one `init` writes.
#[test]
fn the_example_site_has_the_guide_that_init_writes() {
    for lang in ["kk", "ru"] {
        let shipped = std::fs::read(repo().join(format!("content/guide.{lang}.md"))).unwrap();
        let init = std::fs::read(repo().join(format!("src/init/guide.{lang}.md"))).unwrap();
        assert_eq!(shipped, init, "content/guide.{lang}.md");
    }
}

/// The site's own `templates/`, `i18n/` and `static/` lie over the theme:
/// one template, one string, one file each, the rest as the theme has it.
#[test]
fn a_site_overrides_single_templates_strings_and_files() {
    let site = TestSite::fixture("basic");
    std::fs::remove_dir_all(site.root().join("themes")).unwrap();
    site.build();
    let plain_page = site.read("kk/rules/first/index.html");
    let plain_css = site.read("style.css");
    let built_in = repo().join("themes/default");
    let page = std::fs::read_to_string(built_in.join("templates/page.html")).unwrap();
    let marked = page.replacen("<article", "<article data-own=\"yes\"", 1);
    assert_ne!(page, marked, "the built-in page.html has an <article>");
    site.write("templates/page.html", &marked);
    site.write("i18n/kk.yaml", "all_pages: Барлық беттер тізімі\n");
    site.write("static/style.css", "body { color: black }\n");
    site.build();
    let own_page = site.read("kk/rules/first/index.html");
    assert!(own_page.contains("data-own=\"yes\""));
    assert!(
        !site.read("kk/rules/index.html").contains("data-own"),
        "section.html stays"
    );
    assert!(
        own_page.contains("Барлық беттер тізімі"),
        "the string replaced"
    );
    assert!(!plain_page.contains("Барлық беттер тізімі"));
    let ru = site.read("ru/rules/first/index.html");
    assert!(
        !ru.contains("Барлық беттер тізімі"),
        "Russian keeps its own"
    );
    assert_eq!(site.read("style.css"), "body { color: black }\n");
    assert_ne!(plain_css, "body { color: black }\n");
    assert!(
        site.public().join("favicon.svg").is_file(),
        "the rest stays"
    );
}

/// A template reads a plain UI string from `i18n` as `t` gives it, in the
/// page's language, the site's own strings over the theme's; a string
/// with plural forms is left to `t`.
#[test]
fn a_template_reads_plain_ui_strings_from_i18n() {
    let site = TestSite::fixture("basic");
    std::fs::remove_dir_all(site.root().join("themes")).unwrap();
    site.write(
        "templates/page.html",
        "<p>{{ i18n.last_updated }}|{{ t(key=\"last_updated\") }}|{{ i18n.home }}|\
         {{ \"pages_count\" in i18n }}|{{ t(key=\"pages_count\", count=5) }}</p>",
    );
    site.write("i18n/kk.yaml", "home: Бастапқы бет\n");
    site.build();
    assert_eq!(
        site.read("kk/rules/first/index.html"),
        "<p>Соңғы жаңарту|Соңғы жаңарту|Бастапқы бет|false|5 бет</p>"
    );
    assert_eq!(
        site.read("ru/rules/first/index.html"),
        "<p>Последнее обновление|Последнее обновление|Главная|false|5 страниц</p>"
    );
}

/// A template that reads a UI string `i18n` lacks is told so where it
/// reads it, with the hint to add the string, not offered the hundred
/// fields `i18n` has.
#[test]
fn a_ui_string_missing_from_i18n_is_named_where_it_is_read() {
    let site = TestSite::fixture("basic");
    std::fs::remove_dir_all(site.root().join("themes")).unwrap();
    site.write("templates/page.html", "<p>\n{{ i18n.last_update }}</p>");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "templates/page.html:2:9: error: template error: UI string `last_update` (`i18n.last_update`) is not defined"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "= help: add the string to every themes/…/i18n/LANG.yaml, or fix its name here"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("Available fields"), "{}", run.stderr);
}

/// A theme on disk may hold only what differs from the built-in theme;
/// `theme eject` copies the built-in theme into the site, which then
/// builds the same.
#[test]
fn a_partial_theme_on_disk_and_an_ejected_theme_lie_over_the_built_in_one() {
    let site = TestSite::fixture("basic");
    std::fs::remove_dir_all(site.root().join("themes")).unwrap();
    site.build();
    let built_in = snapshot(&site.public());
    let (code, printed) = aqparat(site.root(), &["theme", "eject"]);
    assert_eq!(code, 0, "{printed}");
    let ejected: Vec<_> = walk(&site.root().join("themes/default"));
    assert!(ejected.len() >= 15, "{ejected:?}");
    site.build();
    assert_eq!(snapshot(&site.public()), built_in, "the same site");
    let (code, printed) = aqparat(site.root(), &["theme", "eject"]);
    assert_eq!(code, 2, "{printed}");
    assert!(printed.contains("exists already"), "{printed}");

    std::fs::remove_dir_all(site.root().join("themes/default")).unwrap();
    site.write(
        "themes/mine/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<p class=\"mine\">404</p>{% endblock content %}",
    );
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    assert!(yaml.contains("theme: default"), "{yaml}");
    site.write("site.yaml", yaml.replace("theme: default", "theme: mine"));
    site.build();
    assert!(
        site.read("kk/404.html")
            .contains("<p class=\"mine\">404</p>")
    );
    assert!(site.read("kk/rules/first/index.html").contains("</html>"));
}

/// `theme eject` copies the built-in theme into the theme `site.yaml`
/// names, which the site then uses, and says so; a name that cannot be a
/// folder is refused, nothing written.
#[test]
fn theme_eject_copies_into_the_theme_the_site_names() {
    let site = TestSite::fixture("basic");
    std::fs::remove_dir_all(site.root().join("themes")).unwrap();
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write("site.yaml", yaml.replace("theme: default", "theme: mine"));
    let (code, printed) = aqparat(site.root(), &["theme", "eject", "--lang", "en"]);
    assert_eq!(code, 0, "{printed}");
    assert!(
        printed.contains("themes/mine (")
            && printed.contains("the theme `mine` that site.yaml names"),
        "{printed}"
    );
    assert!(
        site.root()
            .join("themes/mine/templates/base.html")
            .is_file()
    );
    assert!(!site.root().join("themes/default").exists());
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    std::fs::remove_dir_all(site.root().join("themes")).unwrap();
    site.write(
        "site.yaml",
        yaml.replace("theme: default", "theme: ../mine"),
    );
    let (code, printed) = aqparat(site.root(), &["theme", "eject", "--lang", "en"]);
    assert_eq!(code, 2, "{printed}");
    assert!(
        printed.contains("site.yaml names the theme `../mine`"),
        "{printed}"
    );
    assert!(!site.root().join("themes").exists(), "nothing written");
}

/// `theme eject` writes only into a site: not into a folder without
/// `site.yaml` or one not there (a root mistyped), nor through a `themes`
/// link that leads elsewhere; nothing is written then.
#[test]
fn theme_eject_writes_into_a_site_only() {
    let dir = tempfile::tempdir().unwrap();
    let (code, printed) = aqparat(
        dir.path(),
        &["theme", "eject", "--root", "typo", "--lang", "en"],
    );
    assert_eq!(code, 2, "{printed}");
    assert!(
        printed.contains("the folder typo does not exist"),
        "{printed}"
    );
    assert!(!dir.path().join("typo").exists(), "nothing made");

    let site = TestSite::fixture("basic");
    std::fs::remove_dir_all(site.root().join("themes")).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), site.root().join("themes")).unwrap();
    let (code, printed) = aqparat(site.root(), &["theme", "eject", "--lang", "en"]);
    assert_eq!(code, 2, "{printed}");
    assert!(printed.contains("themes is not a folder"), "{printed}");
    assert_eq!(
        std::fs::read_dir(elsewhere.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

/// A language the theme has no UI strings for is one error, naming the
/// file to add, not one more at every template that uses a string.
#[test]
fn a_language_without_ui_strings_is_one_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (code, printed) = aqparat(dir.path(), &["init", "site"]);
    assert_eq!(code, 0, "{printed}");
    let site = dir.path().join("site");
    let yaml = std::fs::read_to_string(site.join("site.yaml")).unwrap();
    let yaml = yaml.replacen(
        "languages:\n",
        "languages:\n  de:\n    name: Deutsch\n    title: Unsere Seite\n",
        1,
    );
    std::fs::write(site.join("site.yaml"), yaml).unwrap();
    for page in ["_index", "rules/_index", "rules/first", "guide"] {
        let ru = site.join(format!("content/{page}.ru.md"));
        std::fs::copy(&ru, site.join(format!("content/{page}.de.md"))).unwrap();
    }
    let (code, printed) = aqparat(dir.path(), &["check", "--root", "site"]);
    assert_eq!(code, 1, "{printed}");
    assert!(
        printed.contains("i18n/de.yaml:1:1: error: no UI strings for language `de`"),
        "{printed}"
    );
    assert!(printed.contains("check failed: 1 error"), "{printed}");
}

/// A template saved with a byte-order mark (as Windows' editors save one)
/// builds as without it: the mark is no text before `{% extends %}`, nor
/// in the pages.
#[test]
fn a_template_saved_with_a_byte_order_mark_builds_as_without_it() {
    let site = TestSite::example();
    for template in ["base.html", "page.html"] {
        let path = format!("themes/default/templates/{template}");
        let text = site.read_source(&path);
        site.write(&path, format!("\u{feff}{text}"));
    }
    site.build();
    let built = site.read("kk/about/index.html");
    assert!(built.starts_with("<!doctype html>"), "{}", &built[..40]);
}
