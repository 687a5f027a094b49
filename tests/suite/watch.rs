//! `aqparat watch`: atomic publishing, the status file, surviving broken
//! input, editors' saves, renames and deletions, SIGTERM, and publishing by
//! `git push`.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::util::{
    Running, TestSite, assert_same_as_a_full_build, commit_site, git, inode, read, repo,
    wait_for_page, wait_for_search_index, wait_until, watch, watch_status as status,
};

#[test]
fn each_build_is_published_whole_while_readers_poll() {
    let site = TestSite::fixture("basic");
    // Without search: its index is published by a switch of the link of its
    // own, and two switches while a reader is held back could bring it back
    // to a folder that has changed under the reader.
    site.add_to_config("search: false");
    let output = site.root().join("published");
    let _watch = watch(site.root(), &output, &[]);
    assert!(
        output.is_symlink(),
        "the output is a link to the current build"
    );
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let (stop, output) = (stop.clone(), output.clone());
        std::thread::spawn(move || {
            let mut builds_seen = 0;
            let mut last = 0;
            while !stop.load(Ordering::SeqCst) {
                // A reader follows the link once, as a web server does for a
                // request, and must find a whole build behind it.
                let Ok(build) = std::fs::canonicalize(&output) else {
                    continue;
                };
                let kk = std::fs::read_to_string(build.join("kk/index.html"));
                let ru = std::fs::read_to_string(build.join("ru/index.html"));
                let (Ok(kk), Ok(ru)) = (kk, ru) else {
                    // Only builds older than the previous one are deleted.
                    continue;
                };
                // A reader kept from reading for longer than a build takes
                // reads a folder no longer published, which the next build
                // is being prepared in: only "a moment" is promised.
                if std::fs::canonicalize(&output).ok().as_ref() != Some(&build) {
                    continue;
                }
                assert!(
                    kk.trim_end().ends_with("</html>") && ru.trim_end().ends_with("</html>"),
                    "a page is incomplete"
                );
                let number = |html: &str, title: &str| {
                    let rest = html.split(title).nth(1).unwrap_or_default();
                    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    digits.parse::<u32>().unwrap_or(0)
                };
                let n_kk = number(&kk, "Сынақ сайты ");
                let n_ru = number(&ru, "Тестовый сайт ");
                assert_eq!(
                    n_kk, n_ru,
                    "both languages of one build come from the same edit"
                );
                assert!(n_kk >= last, "builds go forward");
                if n_kk > last {
                    builds_seen += 1;
                }
                last = n_kk;
            }
            builds_seen
        })
    };
    // One file that both languages show, so that each edit is one change
    // (two files written one after the other may be built apart).
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    for n in 1..=5 {
        let numbered = config
            .replace("Сынақ сайты", &format!("Сынақ сайты {n}"))
            .replace("Тестовый сайт", &format!("Тестовый сайт {n}"));
        site.save("site.yaml", numbered);
        wait_for_page(&output, "kk/index.html", &format!("Сынақ сайты {n}<"));
        wait_for_page(&output, "ru/index.html", &format!("Тестовый сайт {n}<"));
    }
    stop.store(true, Ordering::SeqCst);
    let builds_seen = reader.join().unwrap();
    assert!(builds_seen >= 1, "the reader saw the site change");
    let builds: Vec<_> = std::fs::read_dir(site.root().join("published.builds"))
        .unwrap()
        .collect();
    assert!(
        builds.len() <= 2,
        "old builds are removed: {}",
        builds.len()
    );
}

#[test]
fn a_broken_edit_keeps_the_last_good_site_and_records_the_errors() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("published");
    let _watch = watch(site.root(), &output, &[]);
    let first_success = status(&output).unwrap()["last_success"].clone();
    let good = read(&output, "kk/rules/first/index.html").unwrap();
    site.save(
        "content/rules/second.kk.md",
        "---\ntitle: [сынған\ndate: 2020-04-03\n---\nМәтін.\n",
    );
    let broken = wait_until("a failed status", || {
        status(&output).filter(|s| s["ok"] == false)
    });
    let errors = broken["errors"].as_array().unwrap();
    assert!(
        errors[0]
            .as_str()
            .unwrap()
            .starts_with("content/rules/second.kk.md:2:8: error:"),
        "{errors:?}"
    );
    assert_eq!(broken["last_success"], first_success);
    assert_eq!(
        read(&output, "kk/rules/first/index.html").unwrap(),
        good,
        "the last good site stays online"
    );
    site.write(
        "content/rules/second.kk.md",
        "---\ntitle: Түзетілген ереже\ndate: 2020-04-03\n---\n[Бірінші](@/rules/first.md).\n",
    );
    wait_until("a good status", || {
        status(&output).filter(|s| s["ok"] == true)
    });
    wait_for_page(&output, "kk/rules/second/index.html", "Түзетілген ереже");
}

#[test]
fn atomic_saves_renames_deletions_and_new_folders_are_published() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("published");
    let _watch = watch(site.root(), &output, &[]);
    // An editor's atomic save: a temporary file renamed over the page.
    let page = site.root().join("content/about.kk.md");
    let temporary = site.root().join("content/.about.kk.md.swp");
    std::fs::write(&temporary, "---\ntitle: Жаңа «біз туралы»\n---\nМәтін.\n").unwrap();
    std::fs::rename(&temporary, &page).unwrap();
    wait_for_page(&output, "kk/about/index.html", "Жаңа «біз туралы»");
    // The same with a temporary file whose name tells nothing.
    let temporary = site.root().join("content/tmp4f2a");
    std::fs::write(&temporary, "---\ntitle: Тағы жаңа\n---\nМәтін.\n").unwrap();
    std::fs::rename(&temporary, &page).unwrap();
    wait_for_page(&output, "kk/about/index.html", "Тағы жаңа");
    // A rename: the old URL goes, the new one comes.
    std::fs::rename(
        site.root().join("content/about.ru.md"),
        site.root().join("content/contacts.ru.md"),
    )
    .unwrap();
    wait_until("the renamed page", || {
        read(&output, "ru/contacts/index.html")
    });
    wait_until("the old URL to go", || {
        read(&output, "ru/about/index.html").is_none().then_some(())
    });
    // A new folder with a page, then its deletion.
    site.write(
        "content/news/_index.kk.md",
        "---\ntitle: Жаңалықтар\n---\nМәтін.\n",
    );
    wait_for_page(&output, "kk/news/index.html", "Жаңалықтар");
    std::fs::remove_dir_all(site.root().join("content/news")).unwrap();
    wait_until("the deleted folder to go", || {
        read(&output, "kk/news/index.html").is_none().then_some(())
    });
    // A folder of pages moved out of the site (one event for the folder),
    // with a page saved at the same moment.
    site.write(
        "content/news/_index.kk.md",
        "---\ntitle: Жаңалықтар\n---\nМәтін.\n",
    );
    site.write(
        "content/news/first.kk.md",
        "---\ntitle: Бірінші жаңалық\n---\nМәтін.\n",
    );
    wait_for_page(&output, "kk/news/first/index.html", "Бірінші жаңалық");
    // Beside the site's input, on the same file system: a move, not a copy.
    std::fs::rename(
        site.root().join("content/news"),
        site.root().join("news-moved-away"),
    )
    .unwrap();
    // (Not in the menu, and the same title: an edit, were it alone.)
    let second = "content/rules/second.kk.md";
    let text = std::fs::read_to_string(site.root().join(second)).unwrap();
    site.save(second, format!("{text}\nСоңғы абзац.\n"));
    wait_for_page(&output, "kk/rules/second/index.html", "Соңғы абзац.");
    wait_until("the moved folder to go", || {
        read(&output, "kk/news/first/index.html")
            .is_none()
            .then_some(())
    });
}

#[test]
fn polling_notices_changes_too() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("published");
    let _watch = watch(site.root(), &output, &["--poll"]);
    site.write(
        "content/about.ru.md",
        "---\ntitle: Опрос файлов\n---\nТекст.\n",
    );
    wait_for_page(&output, "ru/about/index.html", "Опрос файлов");
    a_new_folder_at_the_top_is_watched(&site, &output);
}

#[test]
fn inotify_watches_a_new_folder_at_the_top() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("published");
    let _watch = watch(site.root(), &output, &[]);
    a_new_folder_at_the_top_is_watched(&site, &output);
}

/// A folder at the top replaced in one go, as a deploy does (a copy moved
/// over it), is watched anew: an edit after it is published.
#[test]
fn a_folder_replaced_in_one_go_is_watched_anew() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("published");
    let _watch = watch(site.root(), &output, &[]);
    let root = site.root();
    let copied = Command::new("cp")
        .arg("-r")
        .arg(root.join("content"))
        .arg(root.join("content.new"))
        .status()
        .unwrap();
    assert!(copied.success());
    std::fs::write(
        root.join("content.new/about.kk.md"),
        "---\ntitle: Жаңа көшірме\n---\nМәтін.\n",
    )
    .unwrap();
    std::fs::rename(root.join("content"), root.join("content.old")).unwrap();
    std::fs::rename(root.join("content.new"), root.join("content")).unwrap();
    wait_for_page(&output, "kk/about/index.html", "Жаңа көшірме");
    site.save(
        "content/about.kk.md",
        "---\ntitle: Кейінгі түзету\n---\nМәтін.\n",
    );
    wait_for_page(&output, "kk/about/index.html", "Кейінгі түзету");
}

/// `site.yaml` as a link to a file elsewhere in the site: an edit of that
/// file is an edit of `site.yaml`.
#[test]
fn a_linked_site_yaml_is_followed() {
    let site = TestSite::fixture("basic");
    let root = site.root();
    std::fs::create_dir(root.join("config")).unwrap();
    std::fs::rename(root.join("site.yaml"), root.join("config/site.yaml")).unwrap();
    std::os::unix::fs::symlink("config/site.yaml", root.join("site.yaml")).unwrap();
    let output = root.join("published");
    let _watch = watch(root, &output, &[]);
    let config = std::fs::read_to_string(root.join("config/site.yaml")).unwrap();
    site.save(
        "config/site.yaml",
        config.replace("Сынақ сайты", "Жаңа атау"),
    );
    wait_for_page(&output, "kk/index.html", "Жаңа атау");
}

/// A folder the site did not have (`static/`), made with its files at
/// once, is published, and watched from then on.
fn a_new_folder_at_the_top_is_watched(site: &TestSite, output: &Path) {
    site.write("static/files/notice.txt", "first");
    wait_until("the new folder's file", || {
        read(output, "files/notice.txt").filter(|text| text == "first")
    });
    site.write("static/files/notice.txt", "second");
    wait_until("its edit", || {
        read(output, "files/notice.txt").filter(|text| text == "second")
    });
}

/// Links planted beside the output, where `watch` keeps its lock and its
/// status, are never written through: the status's temporary file is made
/// anew, and a linked lock is refused.
#[test]
fn links_beside_the_output_are_not_written_through() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("published");
    let victim = site.root().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let planted = site.root().join("published.status.json.tmp");
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    let watcher = watch(site.root(), &output, &[]);
    assert_eq!(watcher.terminate(), Some(0));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    let status = site.root().join("published.status.json");
    assert!(std::fs::symlink_metadata(&status).unwrap().is_file());

    let lock = site.root().join("published.lock");
    std::fs::remove_file(&lock).unwrap();
    std::os::unix::fs::symlink(&victim, &lock).unwrap();
    let (root, out) = (site.root().to_str().unwrap(), output.to_str().unwrap());
    let refused = Running::start(&["watch", "--root", root, "--output", out, "--lang", "en"]);
    let (code, printed) = refused.exit_code_and_output();
    assert_eq!(code, Some(2), "{printed}");
    assert!(printed.contains("published.lock"), "{printed}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
}

#[test]
fn sigterm_stops_cleanly_with_the_site_whole() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    site.write(
        "content/about.ru.md",
        "---\ntitle: Перед остановкой\n---\nТекст.\n",
    );
    assert_eq!(watch.terminate(), Some(0));
    let build = std::fs::canonicalize(&output).unwrap();
    assert!(build.join("kk/index.html").is_file() && build.join("sitemap.xml").is_file());
    let builds = std::fs::read_dir(site.root().join("published.builds"))
        .unwrap()
        .count();
    assert!(builds <= 2, "no half-written build is left: {builds}");
}

#[test]
fn a_git_push_publishes_a_broken_push_keeps_the_site_and_the_fix_publishes_again() {
    let scratch = tempfile::tempdir().unwrap();
    // The server: a bare repository whose post-receive hook checks main out
    // into the working tree that `watch` watches.
    let bare = scratch.path().join("site.git");
    let work_tree = scratch.path().join("work-tree");
    let output = scratch.path().join("public");
    std::fs::create_dir_all(&work_tree).unwrap();
    git(
        scratch.path(),
        &["init", "--bare", "-b", "main", bare.to_str().unwrap()],
    );
    let hook = bare.join("hooks/post-receive");
    std::fs::copy(repo().join("deploy/post-receive"), &hook).unwrap();
    // A staff member's clone, with a first version of the site.
    let site = TestSite::fixture("basic");
    let clone = site.root();
    commit_site(clone);
    git(clone, &["remote", "add", "origin", bare.to_str().unwrap()]);
    let push = || {
        let out = Command::new("git")
            .args(["push", "origin", "main"])
            .env("AQPARAT_WORK_TREE", &work_tree)
            .current_dir(clone)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    push();
    assert!(
        work_tree.join("site.yaml").is_file(),
        "the hook checked main out"
    );
    let _watch = watch(&work_tree, &output, &[]);

    site.write(
        "content/about.kk.md",
        "---\ntitle: Жіберілген өзгеріс\n---\nМәтін.\n",
    );
    git(clone, &["commit", "-am", "edit a page"]);
    push();
    wait_for_page(&output, "kk/about/index.html", "Жіберілген өзгеріс");

    site.write("content/about.kk.md", "---\ntitle: [сынған\n---\nМәтін.\n");
    git(clone, &["commit", "-am", "broken YAML"]);
    push();
    let broken = wait_until("a failed status", || {
        status(&output).filter(|s| s["ok"] == false)
    });
    assert!(
        broken["errors"][0]
            .as_str()
            .unwrap()
            .starts_with("content/about.kk.md:2:8: error:")
    );
    assert!(
        read(&output, "kk/about/index.html")
            .unwrap()
            .contains("Жіберілген өзгеріс"),
        "the previous site stays online"
    );

    site.write(
        "content/about.kk.md",
        "---\ntitle: Түзетілді\n---\nМәтін.\n",
    );
    git(clone, &["commit", "-am", "fix"]);
    push();
    wait_for_page(&output, "kk/about/index.html", "Түзетілді");
    // The status file follows the publication.
    wait_until("an ok status", || {
        status(&output).filter(|s| s["ok"] == true)
    });
}

/// A home page written while `watch` runs, for a language whose home was
/// made up, is published as written, as a full build makes it: the page
/// made up in its place read no file, so the model is built again, not
/// patched with the new file.
#[test]
fn a_home_page_written_where_one_was_made_up_is_published() {
    let site = TestSite::fixture("basic");
    std::fs::remove_file(site.root().join("content/_index.ru.md")).unwrap();
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    site.save(
        "content/_index.ru.md",
        "---\ntitle: Главная\n---\nГЛАВНАЯ страница написана.\n",
    );
    wait_for_page(&output, "ru/index.html", "ГЛАВНАЯ страница написана");
    assert_same_as_a_full_build(&site, &output, &watch);
}

/// The `(rendered, total)` counts of the last "built" line once there are
/// `builds` of them.
fn rendered_counts(watch: &Running, builds: usize) -> (usize, usize) {
    let log = watch.wait_for_output(&format!("build {builds}"), |t| {
        // Lines, not words: a warning may say "built without".
        t.lines().filter(|l| l.starts_with("built ")).count() >= builds
    });
    let line = log
        .lines()
        .filter(|l| l.starts_with("built "))
        .nth(builds - 1)
        .unwrap()
        .to_string();
    let total: usize = line["built ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let rendered = line
        .split('(')
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(total);
    (rendered, total)
}

#[test]
fn a_change_re_renders_only_what_depends_on_it_and_matches_a_full_build() {
    let site = TestSite::fixtures("basic", "stats");
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    let (_, total) = rendered_counts(&watch, 1);
    // The body of one page: that page alone.
    let page = "content/rules/second.kk.md";
    let text = std::fs::read_to_string(site.root().join(page)).unwrap();
    site.save(page, format!("{text}\nЖаңа абзац.\n"));
    assert_eq!(rendered_counts(&watch, 2), (1, total));
    wait_for_page(&output, "kk/rules/second/index.html", "Жаңа абзац.");
    // Its title: the page, its section's listing, its neighbours.
    site.save(
        page,
        text.replace("title: Екінші ереже", "title: Екінші ереже (жаңа)"),
    );
    let (rendered, _) = rendered_counts(&watch, 3);
    assert!((2..total / 2).contains(&rendered), "{rendered} of {total}");
    wait_for_page(&output, "kk/rules/index.html", "Екінші ереже (жаңа)");
    wait_for_page(&output, "kk/rules/first/index.html", "Екінші ереже (жаңа)");
    wait_for_page(&output, "kk/pages/index.html", "Екінші ереже (жаңа)");
    // A template: the pages that use it.
    let template = "themes/default/templates/section.html";
    let section = std::fs::read_to_string(site.root().join(template)).unwrap();
    site.save(
        template,
        section.replace("<ul class=\"listing\">", "<ul class=\"listing changed\">"),
    );
    let sections = rendered_counts(&watch, 4).0;
    assert_eq!(
        sections, 2,
        "the two sections (the home pages use index.html)"
    );
    // The data: the pages that show it.
    let records = std::fs::read_to_string(site.root().join("data/aid/records.yaml")).unwrap();
    site.save(
        "data/aid/records.yaml",
        records.replace("count: 25", "count: 26"),
    );
    assert_eq!(
        rendered_counts(&watch, 5).0,
        2,
        "the two pages with figures:\n{}",
        watch.stderr()
    );
    wait_for_page(&output, "ru/figures/index.html", "88\u{a0}семей");

    // The search index follows the pages once the watcher is quiet.
    wait_for_search_index(&watch);

    assert_same_as_a_full_build(&site, &output, &watch);
    // The search index too: rebuilt for the edits, with nothing stale.
    let has_index = output.join("pagefind/pagefind-entry.json").is_file();
    assert_eq!(has_index, cfg!(feature = "search"));
}

#[test]
fn edits_update_the_feeds_sitemap_menu_and_links_that_show_them() {
    let site = TestSite::fixtures("basic", "stats");
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    let (_, total) = rendered_counts(&watch, 1);
    let text = |rel: &str| std::fs::read_to_string(site.root().join(rel)).unwrap();
    // A page's new date: its neighbours, its section, the feed, the sitemap.
    let first = "content/rules/first.kk.md";
    let original = text(first);
    site.save(
        first,
        original.replace("updated: 2020-04-05", "updated: 2020-04-09"),
    );
    let (rendered, _) = rendered_counts(&watch, 2);
    assert!((2..total / 2).contains(&rendered), "{rendered} of {total}");
    wait_for_page(&output, "kk/atom.xml", "<updated>2020-04-09");
    wait_for_page(&output, "sitemap.xml", "<lastmod>2020-04-09</lastmod>");
    // A section in the menu: every page of its language shows it, the 404
    // page too, and none of the other language.
    let rules = "content/rules/_index.kk.md";
    site.save(
        rules,
        text(rules).replace("title: Ережелер", "title: Ережелер мен талаптар"),
    );
    let (rendered, _) = rendered_counts(&watch, 3);
    let kk_pages = walk_pages(&std::fs::canonicalize(&output).unwrap().join("kk"));
    assert_eq!(rendered, kk_pages, "every kk page, no ru page");
    wait_for_page(&output, "kk/404.html", "Ережелер мен талаптар");
    wait_for_page(&output, "kk/about/index.html", "Ережелер мен талаптар");
    wait_for_page(
        &output,
        "kk/infographics/index.html",
        "Ережелер мен талаптар",
    );
    assert!(
        !read(&output, "ru/404.html")
            .unwrap()
            .contains("Ережелер мен талаптар")
    );
    // A heading that another page links to: the broken link is reported and
    // the site stays as it was; putting it back publishes again.
    site.save(first, original.replace("## Қолды жуу", "## Қол жуу"));
    let broken = wait_until("a failed status", || {
        status(&output).filter(|s| s["ok"] == false)
    });
    let error = broken["errors"][0].as_str().unwrap();
    assert!(error.starts_with("content/_index.kk.md:"), "{error}");
    assert!(error.contains("#қолды-жуу"), "{error}");
    site.save(first, &original);
    wait_until("an ok status", || {
        status(&output).filter(|s| s["ok"] == true)
    });
    // A new order: the section lists its pages in it.
    let second = "content/rules/second.kk.md";
    site.save(second, text(second).replace("weight: 20", "weight: 5"));
    wait_until("the new order", || {
        let listing = read(&output, "kk/rules/index.html")?;
        let (a, b) = (
            listing.find("Екінші ереже")?,
            listing.find("Бірінші ереже")?,
        );
        (a < b).then_some(())
    });
    wait_for_search_index(&watch);
    assert_same_as_a_full_build(&site, &output, &watch);
}

/// The number of pages (`index.html` files) under `dir`, the index of all
/// pages and the statistics pages excepted.
fn walk_pages(dir: &Path) -> usize {
    crate::util::walk(dir)
        .iter()
        .filter(|p| p.ends_with("index.html"))
        .filter(|p| {
            !p.components()
                .any(|c| c.as_os_str() == "pages" || c.as_os_str() == "infographics")
        })
        .count()
}

#[test]
fn an_edit_renders_again_only_the_part_of_the_index_of_all_pages_that_shows_it() {
    let site = TestSite::example();
    for n in 1..=620 {
        for lang in ["kk", "ru"] {
            site.write(
                &format!("content/archive/note-{n:04}.{lang}.md"),
                format!("---\ntitle: Хабар {n:04}\ndate: 2020-04-01\n---\nМәтін.\n"),
            );
        }
    }
    for lang in ["kk", "ru"] {
        site.write(
            &format!("content/archive/_index.{lang}.md"),
            "---\ntitle: Мұрағат\n---\n",
        );
    }
    // Outside the site: the events of writing and linking its thousands of
    // files could overflow the watcher's queue, and a rescan would be a
    // build this test does not count on.
    let published = tempfile::tempdir().unwrap();
    let output = published.path().join("published");
    let watch = watch(site.root(), &output, &[]);
    rendered_counts(&watch, 1);
    let parts = ["kk/pages/index.html", "kk/pages/2/index.html"];
    let before = parts.map(|rel| inode(&output.join(rel)));
    let page = "content/archive/note-0610.kk.md";
    // A title that keeps the page's place in its section.
    let title = "Хабар 0610 (өзгерген)";
    site.save(
        page,
        format!("---\ntitle: {title}\ndate: 2020-04-01\n---\nМәтін.\n"),
    );
    let (rendered, _) = rendered_counts(&watch, 2);
    assert_eq!(rendered, 4, "the page, its section, its neighbours");
    wait_for_page(&output, "kk/pages/2/index.html", title);
    let after = parts.map(|rel| inode(&output.join(rel)));
    assert_eq!(
        before[0], after[0],
        "the first part is carried over, not rendered"
    );
    assert_ne!(before[1], after[1], "the second part is rendered again");
    // A title in the menu, which every part shows.
    let rules = "content/rules/_index.kk.md";
    let text = std::fs::read_to_string(site.root().join(rules)).unwrap();
    site.save(
        rules,
        text.replace("title: Кеңестер", "title: Кеңестер мен ережелер"),
    );
    wait_for_page(&output, "kk/pages/2/index.html", "Кеңестер мен ережелер");
    // The archive deleted: its pages, its folders and the second part go.
    std::fs::remove_dir_all(site.root().join("content/archive")).unwrap();
    wait_until("the archive gone", || {
        let gone = !output.join("kk/archive").exists() && !output.join("kk/pages/2").exists();
        gone.then_some(())
    });
    wait_for_search_index(&watch);
    assert_same_as_a_full_build(&site, &output, &watch);
}

/// The statistics are many units: a change of one template renders again
/// only the pages made with it, and the chart cards (the slow part) are
/// carried over; a change of the figures renders the cards again.
#[test]
fn the_statistics_render_again_only_the_outputs_that_read_what_changed() {
    let site = TestSite::fixtures("basic", "stats");
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    rendered_counts(&watch, 1);
    let files = crate::util::walk(&output.join("kk/infographics"));
    let card = files
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "png"))
        .expect("a chart card");
    let organisation = files
        .iter()
        .find(|p| p.ends_with("index.html") && p.parent() != Some(&output.join("kk/infographics")))
        .expect("an organisation's page");
    let overview = output.join("kk/infographics/index.html");
    let before = [card, organisation, &overview].map(|p| inode(p));
    let template = "themes/default/templates/organisation.html";
    let text = std::fs::read_to_string(site.root().join(template)).unwrap();
    site.save(
        template,
        text.replace("<ul class=\"records\">", "<ul class=\"records changed\">"),
    );
    rendered_counts(&watch, 2);
    wait_until("the organisation's page rendered again", || {
        (inode(organisation) != before[1]).then_some(())
    });
    assert_eq!(inode(card), before[0], "the card is carried over");
    assert_eq!(inode(&overview), before[2], "the overview is carried over");
    let records = std::fs::read_to_string(site.root().join("data/aid/records.yaml")).unwrap();
    site.save(
        "data/aid/records.yaml",
        records.replace("count: 25", "count: 26"),
    );
    rendered_counts(&watch, 3);
    wait_until("the card drawn again", || {
        (inode(card) != before[0]).then_some(())
    });
    wait_for_search_index(&watch);
    assert_same_as_a_full_build(&site, &output, &watch);
}

/// Templates may read `data` in any way: through a list, a variable, a
/// macro's argument. Whatever the form, a change of the data file reaches
/// every page that shows it, as a full build would.
#[test]
fn data_read_by_a_template_in_any_form_is_followed() {
    let site = TestSite::fixture("basic");
    site.write("data/contacts.yaml", "phone: \"111-11-11\"\n");
    let template = "themes/default/templates/page.html";
    let page = std::fs::read_to_string(site.root().join(template)).unwrap();
    let reads = "{% set both = [data, 1] %}<p class=\"phone\">{{ both[0].contacts.phone }}</p>\n\
                 {% set all = data\n%}<p class=\"phone2\">{{ all.contacts.phone }}</p>\n";
    site.write(
        template,
        page.replacen(
            "{% block content %}",
            &format!("{{% block content %}}{reads}"),
            1,
        ),
    );
    assert!(
        std::fs::read_to_string(site.root().join(template))
            .unwrap()
            .contains("class=\"phone\""),
        "the test theme's page.html has no content block"
    );
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    wait_for_page(&output, "kk/about/index.html", "111-11-11");
    site.save("data/contacts.yaml", "phone: \"222-22-22\"\n");
    wait_for_page(
        &output,
        "kk/about/index.html",
        "<p class=\"phone\">222-22-22</p>",
    );
    wait_for_page(
        &output,
        "kk/about/index.html",
        "<p class=\"phone2\">222-22-22</p>",
    );
    assert_same_as_a_full_build(&site, &output, &watch);
    drop(watch);
}

/// A CSV data file is followed as a YAML one is: an edit renders again the
/// pages whose template reads it, and only those.
/// See: https://github.com/aqparat/aqparat/issues/14
#[test]
fn r14_an_edit_of_a_csv_data_file_reaches_the_pages_that_read_it() {
    let site = TestSite::fixture("basic");
    site.write("data/hospitals.csv", "name,phone\nАурухана,103\n");
    site.page_template_reads("<p class=\"hospital\">{{ data.hospitals[0].phone }}</p>");
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    let (_, total) = rendered_counts(&watch, 1);
    wait_for_page(
        &output,
        "kk/about/index.html",
        "<p class=\"hospital\">103</p>",
    );
    site.save("data/hospitals.csv", "name,phone\nАурухана,112\n");
    let (rendered, _) = rendered_counts(&watch, 2);
    assert!((1..total).contains(&rendered), "{rendered} of {total}");
    wait_for_page(
        &output,
        "kk/about/index.html",
        "<p class=\"hospital\">112</p>",
    );
    assert_same_as_a_full_build(&site, &output, &watch);
}

/// Every file a build writes belongs to one output unit; when a unit is
/// gone (the statistics, a static file) or no longer makes a file, the next
/// build of the session removes that file, as a full build would not make
/// it.
#[test]
fn files_no_unit_makes_any_more_are_removed() {
    let site = TestSite::fixtures("basic", "stats");
    site.write("static/leaflet.txt", "Жадынама.\n");
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    rendered_counts(&watch, 1);
    assert!(read(&output, "leaflet.txt").is_some());
    assert!(read(&output, "kk/infographics/index.html").is_some());
    std::fs::remove_file(site.root().join("static/leaflet.txt")).unwrap();
    rendered_counts(&watch, 2);
    wait_until("the static file to go", || {
        read(&output, "leaflet.txt").is_none().then_some(())
    });
    for page in ["content/figures.kk.md", "content/figures.ru.md"] {
        std::fs::remove_file(site.root().join(page)).unwrap();
    }
    std::fs::remove_dir_all(site.root().join("data/aid")).unwrap();
    wait_until("the statistics to go", || {
        read(&output, "kk/infographics/index.html")
            .is_none()
            .then_some(())
    });
    wait_for_search_index(&watch);
    assert_same_as_a_full_build(&site, &output, &watch);
    drop(watch);
}

/// The search index turned off in `site.yaml` while `watch` runs is gone
/// with the next build, as a full build would not make it; a static file
/// the site itself puts under `pagefind/` then stays.
#[test]
#[cfg(feature = "search")]
fn the_search_index_turned_off_is_removed() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    rendered_counts(&watch, 1);
    // The first build publishes its index with the pages.
    assert!(read(&output, "pagefind/pagefind-entry.json").is_some());
    site.add_to_config("search: false");
    wait_until("the search index to go", || {
        read(&output, "pagefind/pagefind-entry.json")
            .is_none()
            .then_some(())
    });
    // Only a site without an index of its own may put files there.
    site.write("static/pagefind/own.txt", "Өз файлы.\n");
    wait_for_page(&output, "pagefind/own.txt", "Өз файлы.");
    assert!(read(&output, "pagefind/pagefind-entry.json").is_none());
    assert_same_as_a_full_build(&site, &output, &watch);
    drop(watch);
}

#[test]
fn a_page_deleted_while_no_watcher_ran_does_not_come_back_with_a_later_build() {
    let site = TestSite::fixture("basic");
    // Without a search index, whose publishing would be one more build.
    site.add_to_config("search: false");
    let output = site.root().join("published");
    // A first watcher's two builds fill both build folders, the second
    // one current.
    let first = watch(site.root(), &output, &[]);
    site.write(
        "content/rules/first.ru.md",
        std::fs::read_to_string(site.root().join("content/rules/first.ru.md"))
            .unwrap()
            .replacen("\n---\n", "\n---\nПервый наблюдатель.\n\n", 1),
    );
    wait_for_page(&output, "ru/rules/first/index.html", "Первый наблюдатель");
    drop(first);
    // Deleted while no watcher runs. The next watcher's first build goes
    // into the older folder, made afresh; its next one into the folder
    // that still holds the deleted page.
    for page in ["content/about.kk.md", "content/about.ru.md"] {
        std::fs::remove_file(site.root().join(page)).unwrap();
    }
    let second = watch(site.root(), &output, &[]);
    // (The first watcher's status file said its build was out.)
    wait_until("the second watcher's first build", || {
        read(&output, "kk/about/index.html").is_none().then_some(())
    });
    site.write(
        "content/rules/first.ru.md",
        std::fs::read_to_string(site.root().join("content/rules/first.ru.md"))
            .unwrap()
            .replace("Первый наблюдатель.", "Второй наблюдатель."),
    );
    wait_for_page(&output, "ru/rules/first/index.html", "Второй наблюдатель");
    assert!(read(&output, "kk/about/index.html").is_none());
    assert_same_as_a_full_build(&site, &output, &second);
    drop(second);
}

/// `watch` does not watch `.git/`: a commit shows on the figures' changes
/// page with the next build, even one that only edits a page's text.
#[test]
#[cfg(feature = "history")]
fn a_commit_shows_on_the_changes_page_with_the_next_edit_of_a_page() {
    let site = TestSite::fixtures("basic", "stats");
    commit_site(site.root());
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    rendered_counts(&watch, 1);
    let records = std::fs::read_to_string(site.root().join("data/aid/records.yaml")).unwrap();
    site.save(
        "data/aid/records.yaml",
        records.replace("count: 25", "count: 26"),
    );
    rendered_counts(&watch, 2);
    git(site.root(), &["commit", "-q", "-a", "-m", "r25 corrected"]);
    let page = "content/rules/second.kk.md";
    let text = std::fs::read_to_string(site.root().join(page)).unwrap();
    site.save(page, format!("{text}\nЖаңа абзац.\n"));
    rendered_counts(&watch, 3);
    wait_for_page(&output, "kk/rules/second/index.html", "Жаңа абзац.");
    wait_for_page(
        &output,
        "ru/infographics/changes/index.html",
        "r25 corrected",
    );
    wait_for_search_index(&watch);
    assert_same_as_a_full_build(&site, &output, &watch);
}

/// A file of the site outside its input folders that an input links to
/// (`static/LICENSE.txt` → `../LICENSE`, a page kept in a folder of its
/// own) is watched through the link: its edit is published.
#[test]
fn an_edit_of_a_file_an_input_links_to_is_published() {
    let site = TestSite::fixture("basic");
    site.write("LICENSE", "License v1\n");
    let page = "---\ntitle: Ортақ бет\n---\nБірінші нұсқа.\n";
    site.write("shared/note.kk.md", page);
    site.write("static/.keep", "");
    std::os::unix::fs::symlink("../LICENSE", site.root().join("static/LICENSE.txt")).unwrap();
    std::os::unix::fs::symlink(
        "../../shared/note.kk.md",
        site.root().join("content/rules/note.kk.md"),
    )
    .unwrap();
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    rendered_counts(&watch, 1);
    wait_for_page(&output, "LICENSE.txt", "License v1");
    wait_for_page(&output, "kk/rules/note/index.html", "Бірінші нұсқа.");
    site.save("LICENSE", "License v2\n");
    wait_for_page(&output, "LICENSE.txt", "License v2");
    site.save("shared/note.kk.md", page.replace("Бірінші", "Екінші"));
    wait_for_page(&output, "kk/rules/note/index.html", "Екінші нұсқа.");
    wait_for_search_index(&watch);
    assert_same_as_a_full_build(&site, &output, &watch);
}
