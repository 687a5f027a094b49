//! Dates that keep themselves: "last updated" from git (`dates: git`),
//! pages that expire, pages published on their date, and `watch` building
//! again at the moment one is published. "Now" is `AQPARAT_NOW`.
//! See: issue 15, "Dates that keep themselves".

use std::fs;

use crate::util::{
    TestSite, assert_reported, assert_same_files, read, wait_for_page, wait_for_search_index,
    watch_with,
};

/// The basic fixture with the built-in theme (whose templates show the
/// notice of an expired page) instead of the test theme.
fn site() -> TestSite {
    let site = TestSite::fixture("basic");
    fs::remove_dir_all(site.root().join("themes")).unwrap();
    site
}

/// `aqparat ARGS` with the clock at `now`; fails the test unless it
/// succeeds.
fn build_at(site: &TestSite, now: &str, args: &[&str]) {
    let run = site.run_with(args, &[("AQPARAT_NOW", now)]);
    assert_eq!(run.code, 0, "{args:?} at {now}:\n{}", run.stderr);
}

/// A page of the rules section in both languages, dated `date`.
fn write_new_rule(site: &TestSite, date: &str) {
    for (lang, title) in [("kk", "Жаңа ереже"), ("ru", "Новое правило")] {
        let front = format!("---\ntitle: {title}\ndate: {date}\n---\nМәтін.\n");
        site.write(&format!("content/rules/new.{lang}.md"), front);
    }
}

/// Whether any output the residents or robots read of language `lang`
/// mentions the address `url`, and which.
fn mentioned_in(site: &TestSite, lang: &str, url: &str) -> Vec<&'static str> {
    let outputs: [(&str, String); 5] = [
        ("the section", format!("{lang}/rules/index.html")),
        ("the home page", format!("{lang}/index.html")),
        ("the feed", format!("{lang}/atom.xml")),
        ("the index of all pages", format!("{lang}/pages/index.html")),
        ("the sitemap", "sitemap.xml".to_string()),
    ];
    outputs
        .into_iter()
        .filter(|(_, rel)| site.read(rel).contains(url))
        .map(|(name, _)| name)
        .collect()
}

/// `html` with its no-break spaces (which dates have, narrow ones too) as
/// spaces.
fn text_of(html: String) -> String {
    html.replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn a_page_dated_in_the_future_is_published_on_its_day() {
    let site = site();
    write_new_rule(&site, "2030-01-01");
    build_at(&site, "2029-12-31T23:59:59Z", &["build"]);
    assert!(!site.public().join("kk/rules/new").exists());
    assert!(!site.public().join("ru/rules/new").exists());
    for lang in ["kk", "ru"] {
        let url = format!("/{lang}/rules/new/");
        assert_eq!(
            mentioned_in(&site, lang, &url),
            Vec::<&str>::new(),
            "{lang}"
        );
    }
    let searched = search_counts(&site);

    // `--future` builds it, as does the day it is dated, in its time zone
    // (05:00 in Almaty is 00:00 UTC).
    for (now, args) in [
        ("2029-12-31T23:59:59Z", &["build", "--future"][..]),
        ("2030-01-01T05:00:00+05:00", &["build"][..]),
    ] {
        build_at(&site, now, args);
        for lang in ["kk", "ru"] {
            let url = format!("/{lang}/rules/new/");
            assert!(site.public().join(&url[1..]).join("index.html").exists());
            for place in [
                "the section",
                "the feed",
                "the index of all pages",
                "the sitemap",
            ] {
                assert!(
                    mentioned_in(&site, lang, &url).contains(&place),
                    "{url} in {place} at {now} {args:?}"
                );
            }
        }
        // One page more in each language's search index.
        let more: Vec<u64> = searched.iter().map(|n| n + 1).collect();
        assert_eq!(search_counts(&site), more, "{now} {args:?}");
    }
}

#[test]
fn build_and_check_name_the_pages_that_wait_for_their_date() {
    let site = site();
    // A slip of the year (2202 for 2020) hides a page: its file is named.
    write_new_rule(&site, "2202-04-01");
    site.write(
        "content/about.kk.md",
        "---\ntitle: Біз туралы\ndate: 2030-01-01\n---\nМәтін.\n",
    );
    for command in ["build", "check"] {
        let run = site.run_with(&[command], &[("AQPARAT_NOW", "2029-06-01")]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let waiting = "3 pages dated after today are not published yet: \
            content/rules/new.kk.md (2202-04-01), content/rules/new.ru.md (2202-04-01), \
            content/about.kk.md (2030-01-01) (`--future` builds them, to preview)";
        assert!(run.stderr.contains(waiting), "{command}:\n{}", run.stderr);
    }
    // In the staff's language; the latest first, the fourth and later
    // counted.
    write_new_rule(&site, "2202-04-01");
    site.write(
        "content/rules/other.ru.md",
        "---\ntitle: Ещё\ndate: 2203-01-01\n---\nТекст.\n",
    );
    let run = site.run_with(&["build", "--lang", "ru"], &[("AQPARAT_NOW", "2029-06-01")]);
    assert!(
        run.stderr.contains(
            "пока не опубликованы (4): content/rules/other.ru.md (2203-01-01), \
             content/rules/new.kk.md (2202-04-01)"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(" и ещё 1 (`--future`"),
        "{}",
        run.stderr
    );
    // Nothing waits under `--future`, nor on the day: no line.
    for (now, args) in [
        ("2029-06-01", &["build", "--future"][..]),
        ("2203-01-01", &["build"][..]),
    ] {
        let run = site.run_with(args, &[("AQPARAT_NOW", now)]);
        assert!(!run.stderr.contains("not published yet"), "{}", run.stderr);
    }
    // One page is one.
    site.write(
        "content/about.kk.md",
        "---\ntitle: Біз туралы\ndate: 2020-01-01\n---\nМәтін.\n",
    );
    for lang in ["kk", "ru"] {
        site.write(
            &format!("content/rules/new.{lang}.md"),
            "---\ntitle: Жаңа\ndate: 2020-01-01\n---\nМәтін.\n",
        );
    }
    let run = site.run_with(&["check"], &[("AQPARAT_NOW", "2029-06-01")]);
    let one = "1 page dated after today is not published yet: content/rules/other.ru.md (2203-01-01) (`--future` builds it, to preview)";
    assert!(run.stderr.contains(one), "{}", run.stderr);
}

/// How many pages the search index of each language has (none without
/// the `search` feature).
fn search_counts(site: &TestSite) -> Vec<u64> {
    if !cfg!(feature = "search") {
        return Vec::new();
    }
    let entry: serde_json::Value =
        serde_json::from_str(&site.read("pagefind/pagefind-entry.json")).unwrap();
    ["kk", "ru"]
        .map(|lang| entry["languages"][lang]["page_count"].as_u64().unwrap())
        .to_vec()
}

#[test]
fn a_link_to_a_page_not_yet_published_is_an_error_that_says_when() {
    let site = site();
    write_new_rule(&site, "2030-01-01");
    site.write(
        "content/about.kk.md",
        "---\ntitle: Біз туралы\ndate: 2020-03-30\n---\nҚараңыз: [жаңа ереже](@/rules/new.md).\n",
    );
    let run = site.run_with(&["check"], &[("AQPARAT_NOW", "2029-06-01")]);
    assert_reported(
        &run,
        &["content/about.kk.md:5:10: error: "],
        "a scheduled link",
    );
    assert!(
        run.stderr.contains(
            "link to a page that is not published yet: `@/rules/new.md` is dated 2030-01-01"
        ),
        "{}",
        run.stderr
    );
    // With `--future`, and from its day, the link is fine.
    let run = site.run_with(&["check", "--future"], &[("AQPARAT_NOW", "2029-06-01")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = site.run_with(&["check"], &[("AQPARAT_NOW", "2030-01-01")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// A link to a page left out of the build, by its source path or by its
/// address, says why the page is not there (before, a link by address to
/// either, and by source path to a draft, said the page does not exist):
/// dated after today, with the day; a draft, with its file; and what to do.
#[test]
fn a_link_to_a_page_left_out_says_why() {
    let site = site();
    write_new_rule(&site, "2030-01-01");
    for lang in ["kk", "ru"] {
        let front = "---\ntitle: Жоба\ndraft: true\n---\nМәтін.\n";
        site.write(&format!("content/rules/plan.{lang}.md"), front);
    }
    site.write(
        "content/about.kk.md",
        "---\ntitle: Біз туралы\ndate: 2020-03-30\n---\n\
         [а](/kk/rules/new/) [ә](/kk/rules/plan) [б](@/rules/plan.md) [в](/kk/rules/plan/index.html)\n",
    );
    let run = site.run_with(&["check"], &[("AQPARAT_NOW", "2029-06-01")]);
    let at = ["5:1", "5:21", "5:41", "5:62"].map(|at| format!("content/about.kk.md:{at}: error: "));
    assert_reported(
        &run,
        &at.each_ref().map(String::as_str),
        "links to pages left out",
    );
    for (link, why) in [
        (
            "/kk/rules/new/",
            "a page that is not published yet: `/kk/rules/new/` is dated 2030-01-01",
        ),
        (
            "/kk/rules/plan",
            "a draft, which is not published: `/kk/rules/plan` is content/rules/plan.kk.md",
        ),
        (
            "@/rules/plan.md",
            "a draft, which is not published: `@/rules/plan.md` is content/rules/plan.kk.md",
        ),
        (
            "/kk/rules/plan/index.html",
            "a draft, which is not published: `/kk/rules/plan/index.html` is content/rules/plan.kk.md",
        ),
    ] {
        let message = format!("error: link to {why}");
        assert!(run.stderr.contains(&message), "{link}:\n{}", run.stderr);
    }
    assert!(
        run.stderr
            .contains("help: publish it by removing `draft: true` from it"),
        "{}",
        run.stderr
    );
    // Checked or built with both, every link leads to its page.
    for command in ["check", "build"] {
        let args = [command, "--future", "--drafts"];
        let run = site.run_with(&args, &[("AQPARAT_NOW", "2029-06-01")]);
        assert_eq!(run.code, 0, "{command}: {}", run.stderr);
    }
}

#[test]
fn an_expired_page_says_so_and_leaves_the_home_page_and_the_feed() {
    let site = site();
    for (lang, title) in [("kk", "Біз туралы"), ("ru", "О нас")] {
        site.write(
            &format!("content/about.{lang}.md"),
            format!("---\ntitle: {title}\ndate: 2020-03-30\nexpires: 2020-05-01\n---\nМәтін.\n"),
        );
        // A page of a section stays in its section's listing, marked.
        site.write(
            &format!("content/rules/old.{lang}.md"),
            format!("---\ntitle: {title} 2\ndate: 2020-03-30\nexpires: 2020-05-01\n---\nМәтін.\n"),
        );
    }
    let notices = [
        ("kk", "Бұл бет күшін жойды: 2020 ж. 1 мамыр."),
        ("ru", "С 1 мая 2020 г. эта страница не действует;"),
    ];

    // The day before it expires, it is a page like any other.
    build_at(&site, "2020-04-30T23:59:59Z", &["build"]);
    for (lang, notice) in notices {
        let page = text_of(site.read(&format!("{lang}/about/index.html")));
        assert!(!page.contains(notice), "{lang}:\n{page}");
        assert!(
            site.read(&format!("{lang}/index.html"))
                .contains(&format!("/{lang}/about/"))
        );
        assert!(
            site.read(&format!("{lang}/atom.xml"))
                .contains(&format!("/{lang}/about/"))
        );
    }

    build_at(&site, "2020-05-01", &["build"]);
    for (lang, notice) in notices {
        let page = text_of(site.read(&format!("{lang}/about/index.html")));
        assert!(page.contains(notice), "{lang}:\n{page}");
        let url = format!("/{lang}/about/");
        assert!(
            !site.read(&format!("{lang}/index.html")).contains(&url),
            "home, {lang}"
        );
        assert!(
            !site.read(&format!("{lang}/atom.xml")).contains(&url),
            "feed, {lang}"
        );
        // Still reachable, and found: the sitemap and the index of all pages
        // keep it.
        assert!(site.read("sitemap.xml").contains(&url));
        assert!(
            site.read(&format!("{lang}/pages/index.html"))
                .contains(&url)
        );
        let section = text_of(site.read(&format!("{lang}/rules/index.html")));
        assert!(section.contains(&format!("/{lang}/rules/old/")), "{lang}");
        assert!(section.contains(notice), "the section marks it, {lang}");
        assert!(
            !site
                .read(&format!("{lang}/atom.xml"))
                .contains(&format!("/{lang}/rules/old/"))
        );
    }
}

#[test]
fn bad_dates_and_a_bad_clock_are_reported() {
    let site = site();
    site.write(
        "content/about.kk.md",
        "---\ntitle: Біз туралы\ndate: 2020-03-30\nexpires: 2020-02-30\n---\nМәтін.\n",
    );
    site.write(
        "content/about.ru.md",
        "---\ntitle: О нас\ndate: 2020-03-30\nexpires: 2020-03-30\n---\nМәтін.\n",
    );
    let run = site.run(&["check"]);
    assert_reported(
        &run,
        &[
            "content/about.kk.md:4:10: error: invalid expires: `2020-02-30` does not exist",
            "content/about.ru.md:4:10: error: `expires` (2020-03-30) is not after `date` (2020-03-30)",
        ],
        "bad expiry dates",
    );

    for bad in [
        "tomorrow",
        "2020-02-30",
        "2020-03-01T10:00:00",
        "1585872000",
    ] {
        let run = site.run_with(&["build"], &[("AQPARAT_NOW", bad)]);
        assert_eq!(run.code, 2, "{bad}:\n{}", run.stderr);
        assert!(
            run.stderr.contains(&format!(
                "AQPARAT_NOW is `{bad}`, which is neither a day (2026-03-02) nor an RFC 3339 time"
            )),
            "{}",
            run.stderr
        );
        assert!(!site.public().exists());
    }
}

/// `dates: git`, which only an aqparat with the `history` feature reads.
#[cfg(feature = "history")]
mod from_git {
    use std::fs;

    use super::site;
    use crate::util::{TestSite, commit_site, git, git_with};

    /// The `<time>` of "last updated" on the page at `rel`.
    fn last_updated(site: &TestSite, rel: &str) -> String {
        let page = site.read(rel);
        let (_, after) = page
            .split_once("<time datetime=\"")
            .unwrap_or_else(|| panic!("no date on {rel}:\n{page}"));
        after[..10].to_string()
    }

    #[test]
    fn dates_from_git_are_each_pages_last_commit_and_updated_wins() {
        let site = site();
        let config = fs::read_to_string(site.root().join("site.yaml")).unwrap();
        site.write("site.yaml", format!("{config}dates: git\n"));
        // about.ru.md says `updated`; the others do not.
        site.write(
            "content/about.ru.md",
            "---\ntitle: О нас\ndate: 2020-03-30\nupdated: 2020-04-02\n---\nТекст.\n",
        );
        commit_site(site.root());
        let on = |day: &str| {
            let time = format!("{day}T12:00:00+05:00");
            [
                ("GIT_COMMITTER_DATE", time.clone()),
                ("GIT_AUTHOR_DATE", time),
            ]
        };
        let commit = |day: &str, files: &[&str], subject: &str| {
            let dates = on(day);
            let env: Vec<(&str, &str)> = dates.iter().map(|(k, v)| (*k, v.as_str())).collect();
            for file in files {
                let path = site.root().join(file);
                let text = fs::read_to_string(&path).unwrap();
                fs::write(&path, format!("{text}\nЖаңа жол.\n")).unwrap();
            }
            git_with(site.root(), &["commit", "-q", "-a", "-m", subject], &env);
        };
        commit(
            "2021-02-03",
            &["content/about.kk.md", "content/about.ru.md"],
            "about",
        );
        commit("2021-05-06", &["content/rules/first.kk.md"], "first");
        // An uncommitted edit does not count; a file never committed keeps its
        // front matter's date.
        let second = site.root().join("content/rules/second.kk.md");
        let text = fs::read_to_string(&second).unwrap();
        fs::write(&second, format!("{text}\nӨзгеріс.\n")).unwrap();
        site.write(
            "content/rules/fourth.kk.md",
            "---\ntitle: Төртінші\ndate: 2020-04-07\n---\nМәтін.\n",
        );
        let first_commit = git(site.root(), &["log", "--reverse", "--format=%cs"]);
        let first_day = first_commit.lines().next().unwrap().to_string();

        site.build();
        assert_eq!(last_updated(&site, "kk/about/index.html"), "2021-02-03");
        assert_eq!(
            last_updated(&site, "ru/about/index.html"),
            "2020-04-02",
            "`updated` wins"
        );
        // first.kk.md says `updated: 2020-04-05`, which wins over its commit.
        assert_eq!(
            last_updated(&site, "kk/rules/first/index.html"),
            "2020-04-05"
        );
        assert_eq!(last_updated(&site, "kk/rules/second/index.html"), first_day);
        assert_eq!(
            last_updated(&site, "kk/rules/fourth/index.html"),
            "2020-04-07"
        );

        // A page without `updated` whose last commit is the second one.
        let first = site.root().join("content/rules/first.kk.md");
        let text = fs::read_to_string(&first).unwrap();
        fs::write(&first, text.replace("updated: 2020-04-05\n", "")).unwrap();
        commit("2021-07-08", &["content/rules/first.kk.md"], "first again");
        site.build();
        assert_eq!(
            last_updated(&site, "kk/rules/first/index.html"),
            "2021-07-08"
        );
        assert_eq!(last_updated(&site, "kk/about/index.html"), "2021-02-03");
    }
}

#[test]
fn watch_publishes_a_page_at_the_moment_of_its_date() {
    let site = site();
    write_new_rule(&site, "2030-01-01");
    for (lang, title) in [("kk", "Біз туралы"), ("ru", "О нас")] {
        site.write(
            &format!("content/about.{lang}.md"),
            format!("---\ntitle: {title}\ndate: 2020-03-30\nexpires: 2030-01-01\n---\nМәтін.\n"),
        );
    }
    // The first build must read the clock within the five seconds below:
    // without the page cards, which a debug build on a loaded machine draws
    // slowly.
    site.add_to_config("previews: false");
    let output = site.root().join("out");
    // Five seconds before the page's day: the clock runs on from there.
    let watch = watch_with(
        site.root(),
        &output,
        &[],
        &[("AQPARAT_NOW", "2029-12-31T23:59:55Z")],
    );
    // No file is touched: the page appears, and the one that expires says so.
    wait_for_page(&output, "kk/rules/new/index.html", "Жаңа ереже");
    wait_for_page(&output, "ru/about/index.html", "эта страница не действует;");
    let notice = text_of(read(&output, "ru/about/index.html").unwrap());
    assert!(
        notice.contains("С 1 января 2030 г. эта страница не действует;"),
        "{notice}"
    );
    assert!(
        read(&output, "kk/rules/index.html")
            .unwrap()
            .contains("/kk/rules/new/")
    );
    assert!(
        !read(&output, "kk/index.html")
            .unwrap()
            .contains("/kk/about/")
    );
    // Two builds: the first without the page (whatever the time the test
    // looks), the second, at its moment, with it in both languages.
    // The pages are out before the build's line is: wait for the line.
    let stderr = watch.wait_for_output("the build at the page's moment", |err| {
        err.contains("built 13 ")
    });
    let pages: Vec<&str> = (stderr.lines())
        .filter_map(|line| line.strip_prefix("built ")?.split(' ').next())
        .collect();
    assert_eq!(pages, ["11", "13"], "{stderr}");
    // What it published is what a full build on that day makes.
    wait_for_search_index(&watch);
    let fresh = site.root().join("fresh");
    let fresh_arg = fresh.to_str().unwrap();
    build_at(
        &site,
        "2030-01-01T00:00:01Z",
        &["build", "--output", fresh_arg],
    );
    assert_same_files(&fs::canonicalize(&output).unwrap(), &fresh);
    drop(watch);
}

#[test]
#[cfg(not(feature = "history"))]
fn dates_from_git_without_the_history_feature_are_a_warning() {
    use crate::util::commit_site;

    let site = site();
    let config = fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write("site.yaml", format!("{config}dates: git\n"));
    commit_site(site.root());
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "site.yaml:10:8: warning: `dates: git` asks for pages' dates from git, but this aqparat was built without the `history` feature"
        ),
        "{}",
        run.stderr
    );
}

/// A translation that is written but waits for its date, or is a draft,
/// or both, is said to be so, not to be missing.
#[test]
fn a_translation_that_waits_or_is_a_draft_is_not_called_missing() {
    let site = site();
    site.write(
        "content/news.ru.md",
        "---\ntitle: Новость\ndate: 2020-04-01\n---\nТекст.\n",
    );
    site.write(
        "content/news.kk.md",
        "---\ntitle: Жаңалық\ndate: 2030-05-01\n---\nМәтін.\n",
    );
    let run = site.run_with(&["check", "--lang", "en"], &[("AQPARAT_NOW", "2029-06-01")]);
    assert!(
        run.stderr.contains(
            "content/news.ru.md:1:1: warning: the translation into `kk`, content/news.kk.md, is published only from 2030-05-01"
        ),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("no translation into `kk`"),
        "{}",
        run.stderr
    );
    site.write(
        "content/news.kk.md",
        "---\ntitle: Жаңалық\ndate: 2020-04-01\ndraft: true\n---\nМәтін.\n",
    );
    let run = site.run_with(&["check", "--lang", "en"], &[("AQPARAT_NOW", "2029-06-01")]);
    assert!(
        run.stderr.contains(
            "content/news.ru.md:1:1: warning: the translation into `kk`, content/news.kk.md, is a draft and is not published"
        ),
        "{}",
        run.stderr
    );
    // Both reasons, when it is both; with `--future`, the draft's only.
    site.write(
        "content/news.kk.md",
        "---\ntitle: Жаңалық\ndate: 2030-05-01\ndraft: true\n---\nМәтін.\n",
    );
    let both = "content/news.ru.md:1:1: warning: the translation into `kk`, content/news.kk.md, is a draft, and dated after today (2030-05-01): it is not published for either reason";
    let run = site.run_with(&["check", "--lang", "en"], &[("AQPARAT_NOW", "2029-06-01")]);
    assert!(run.stderr.contains(both), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("remove `draft: true` and give it this page's date"),
        "{}",
        run.stderr
    );
    let run = site.run_with(
        &["check", "--lang", "en", "--future"],
        &[("AQPARAT_NOW", "2029-06-01")],
    );
    assert!(
        run.stderr.contains(
            "content/news.ru.md:1:1: warning: the translation into `kk`, content/news.kk.md, is a draft and is not published"
        ),
        "{}",
        run.stderr
    );
    fs::remove_file(site.root().join("content/news.kk.md")).unwrap();
    let run = site.run_with(&["check", "--lang", "en"], &[("AQPARAT_NOW", "2029-06-01")]);
    assert!(
        run.stderr
            .contains("content/news.ru.md:1:1: warning: no translation into `kk`"),
        "{}",
        run.stderr
    );
}

/// A link that names its language (`@/news.kk.md`) leads to that
/// language's page or is an error: to a draft, the draft's; to a
/// translation not written, a missing page's. It led, in silence, to the
/// page in the other language. One that names no language (`@/news.md`)
/// still leads to the other language's page when its own has none.
#[test]
fn a_link_to_one_language_never_leads_to_another() {
    let site = site();
    site.write("content/news.ru.md", "---\ntitle: Новость\n---\nТекст.\n");
    site.write(
        "content/news.kk.md",
        "---\ntitle: Жаңалық\ndraft: true\n---\nМәтін.\n",
    );
    site.write(
        "content/links.ru.md",
        "---\ntitle: Ссылки\n---\n[а](@/news.kk.md) [б](@/news.ru.md)\n",
    );
    site.write(
        "content/links.kk.md",
        "---\ntitle: Сілтемелер\n---\n[в](@/news.md)\n",
    );
    let run = site.run(&["build", "--lang", "en"]);
    assert_reported(
        &run,
        &[
            "content/links.ru.md:4:1: error: link to a draft, which is not published: `@/news.kk.md`",
        ],
        "a link to the kk draft",
    );
    fs::remove_file(site.root().join("content/news.kk.md")).unwrap();
    let run = site.run(&["build", "--lang", "en"]);
    assert_reported(
        &run,
        &["content/links.ru.md:4:1: error: link to a page that does not exist: `@/news.kk.md`"],
        "a link to a kk page not written",
    );
    site.write(
        "content/links.ru.md",
        "---\ntitle: Ссылки\n---\n[б](@/news.ru.md)\n",
    );
    let run = site.run(&["build", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for lang in ["kk", "ru"] {
        let links = site.read(&format!("{lang}/links/index.html"));
        assert!(links.contains("href=\"/ru/news/\""), "{lang}: {links}");
    }
}
