//! Which files are input (issue 11, "One definition of an input file"):
//! editors' temporary files, hidden files and what the site's `.gitignore`
//! leaves out are neither read by a build nor start one in `watch`.
//! See: README, *Which files are read*; the rule's own unit tests are in
//! `src/load/inputs.rs`.

use std::path::Path;

use crate::util::{
    Running, TestSite, assert_reported, assert_same_as_a_full_build, snapshot, wait_for_page,
    wait_for_search_index, wait_until, watch, watch_status,
};

/// What editors, downloads and desktops leave beside a file `name`.
fn temporaries(name: &str) -> Vec<String> {
    [
        ".{}.swp",
        ".{}.swx",
        "{}.swp",
        "{}.swo",
        "{}~",
        "#{}#",
        ".{}.kate-swp",
        "{}.kate-swp",
        "{}.tmp",
        "{}___jb_tmp___",
        "{}___jb_old___",
        "{}.part",
        "{}.crdownload",
        "~${}",
        ".{}",
    ]
    .iter()
    .map(|pattern| pattern.replace("{}", name))
    .chain(
        ["4913", ".DS_Store", "Thumbs.db", "desktop.ini"]
            .iter()
            .map(ToString::to_string),
    )
    .collect()
}

/// Text that is an error wherever it is read: not UTF-8, and no page's
/// front matter nor YAML.
const BROKEN: &[u8] = b"---\ntitle: [\xff\n";

/// Leaves every kind of temporary file in `content/`, `data/` and
/// `static/` of `site`: regular files whose text is an error if read, and,
/// as emacs leaves its lock files, symbolic links that lead nowhere, which
/// are an error if the walk meets them at all.
fn leave_temporaries(site: &TestSite) {
    for (dir, name) in [
        ("content/rules", "first.kk.md"),
        ("content", "қорғау.ru.md"),
        ("data/aid", "records.yaml"),
        ("data", "hotline.yaml"),
        ("static", "есеп.pdf"),
    ] {
        for temporary in temporaries(name) {
            site.write(&format!("{dir}/{temporary}"), BROKEN);
        }
    }
    for (dir, name) in [("content/rules", "second.kk.md"), ("data", "ұйымдар.yaml")] {
        let link = site.root().join(dir).join(format!(".#{name}"));
        std::os::unix::fs::symlink("user@host.12345:1700000000", link).unwrap();
    }
    // Hidden folders, with pages and data in them.
    site.write("content/.obsidian/notes.kk.md", BROKEN);
    site.write("data/.cache/ұйымдар.yaml", BROKEN);
    site.write("static/.well-known/x.txt", BROKEN);
}

#[test]
fn a_build_reads_no_temporary_file() {
    let site = TestSite::fixtures("basic", "stats");
    site.write("static/есеп.txt", "Есеп.\n");
    let clean = site.build();
    let before = snapshot(&site.public());
    assert!(before.contains_key(Path::new("есеп.txt")));

    leave_temporaries(&site);
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_eq!(run.code, 0, "{command}:\n{}", run.stderr);
        // The same warnings as before, none about the temporary files.
        let problems = |stderr: &str| -> Vec<String> {
            stderr
                .lines()
                .filter(|l| l.contains(": warning: ") || l.contains(": error: "))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(problems(&run.stderr), problems(&clean.stderr), "{command}");
    }
    let after = snapshot(&site.public());
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>(),
        "no page, data file or static file more"
    );
    assert!(after == before, "the same site, byte for byte");
}

/// A file or folder whose name is not UTF-8 (as a ZIP archive made on
/// Windows leaves them, in cp1251) is an error at it, its name shown with
/// `\u{FFFD}`, wherever it is: static files, data, beside pages, in a theme;
/// it hides no other problem, and a failed build leaves the last output as
/// it was.
#[test]
fn a_name_that_is_not_utf8_is_an_error_at_the_file_with_the_others() {
    use std::os::unix::ffi::OsStrExt;
    let site = TestSite::fixtures("basic", "stats");
    site.build();
    let before = snapshot(&site.public());
    // "Пр" in cp1251.
    for rel in [
        &b"static/\xcf\xf0.pdf"[..],
        b"static/\xcf\xf0/report.pdf",
        b"data/\xcf\xf0.yaml",
        b"content/rules/\xcf\xf0.png",
        b"themes/default/templates/a\xcf\xf0.html",
    ] {
        let path = site.root().join(std::ffi::OsStr::from_bytes(rel));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "x\n").unwrap();
    }
    // A problem of another kind, told in the same run.
    site.write("data/notes.json", "{\"a\": 1, \"a\": 2}");
    for command in ["check", "build"] {
        let run = site.run(&[command, "--lang", "en"]);
        assert_reported(
            &run,
            &[
                "content/rules/\u{FFFD}\u{FFFD}.png:1:1: error: this file's name is not UTF-8",
                "data/notes.json:1:",
                "data/\u{FFFD}\u{FFFD}.yaml:1:1: error: this file's name is not UTF-8",
                "static/\u{FFFD}\u{FFFD}:1:1: error: this folder's name is not UTF-8",
                "static/\u{FFFD}\u{FFFD}.pdf:1:1: error: this file's name is not UTF-8",
                "themes/default/templates/a\u{FFFD}\u{FFFD}.html:1:1: error: this file's name",
            ],
            command,
        );
        assert!(run.stderr.contains("rename it"), "{}", run.stderr);
    }
    assert!(
        snapshot(&site.public()) == before,
        "the last output as it was"
    );
}

#[test]
fn the_sites_gitignore_is_honoured() {
    let site = TestSite::fixtures("basic", "stats");
    site.write("static/есеп.txt", "Есеп.\n");
    // Not committed, so never on the server: a broken draft, a folder of
    // notes, a private file.
    site.write("content/drafts/жоба.kk.md", BROKEN);
    site.write("content/rules/жазба.kk.md", BROKEN);
    site.write("static/private.pdf", "secret");
    site.write(
        ".gitignore",
        "# not committed\n/content/drafts/\nжазба.*\nstatic/private.pdf\n/public\n",
    );
    let run = site.build();
    assert!(!run.stderr.contains("drafts") && !run.stderr.contains("жазба"));
    let output = snapshot(&site.public());
    assert!(output.contains_key(Path::new("есеп.txt")));
    assert!(!output.contains_key(Path::new("private.pdf")));
    assert!(
        !output
            .keys()
            .any(|p| p.to_string_lossy().contains("drafts"))
    );

    // A line that is no pattern is a warning at that line; the others hold.
    site.write(
        ".gitignore",
        "/content/drafts/\n[z-a]\nжазба.*\nstatic/private.pdf\n",
    );
    let run = site.build();
    assert!(
        run.stderr.contains(".gitignore:2:1: warning: "),
        "{}",
        run.stderr
    );
    assert!(!snapshot(&site.public()).contains_key(Path::new("private.pdf")));
}

/// A home page the `.gitignore` leaves out is no input: the language's
/// home is made up (and lists the default language's pages), never made
/// of the file's text, and the message says why the file is not read.
#[test]
fn a_home_page_the_gitignore_leaves_out_is_not_published() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/_index.ru.md",
        "---\ntitle: Черновик\n---\nНЕОПУБЛИКОВАННЫЙ текст.\n",
    );
    site.write(".gitignore", "/content/_index.ru.md\n");
    let run = site.build();
    assert!(
        run.stderr.contains("content/_index.ru.md:1:1: warning: ")
            && run.stderr.contains("the .gitignore leaves it out"),
        "{}",
        run.stderr
    );
    let home = site.read("ru/index.html");
    assert!(
        !home.contains("НЕОПУБЛИКОВАННЫЙ") && !home.contains("Черновик"),
        "{home}"
    );
    // Left out with all the content, the default language's home too: an
    // error at it, not its links read from the file left out.
    site.write(".gitignore", "content/\n");
    let run = site.run(&["build"]);
    assert_reported(
        &run,
        &["content/_index.kk.md:1:1: error: there is no home page in `kk`"],
        "content/ left out",
    );
    assert!(
        run.stderr.contains("the .gitignore leaves it out"),
        "{}",
        run.stderr
    );
}

/// Statistics the `.gitignore` leaves out are not read, as a build from
/// the repository on a server would not have them: the whole folder left
/// out is a warning and a site without statistics, one file of it an
/// error at that file, each saying why.
#[test]
fn statistics_the_gitignore_leaves_out_are_not_read() {
    let site = TestSite::fixtures("basic", "stats");
    for page in ["content/figures.kk.md", "content/figures.ru.md"] {
        std::fs::remove_file(site.root().join(page)).unwrap();
    }
    site.build();
    assert!(site.public().join("data/aid.csv").is_file());
    site.write(".gitignore", "/data/aid/\n");
    let run = site.build();
    assert!(
        run.stderr
            .contains("data/aid:1:1: warning: the .gitignore leaves the statistics out")
            && run.stderr.contains("git check-ignore -v data/aid"),
        "{}",
        run.stderr
    );
    assert!(!site.public().join("data/aid.csv").exists());
    site.write(".gitignore", "/data/aid/units.yaml\n");
    let run = site.run(&["build"]);
    assert_reported(
        &run,
        &[
            "data/aid/units.yaml:1:1: error: this statistics file is there, but the .gitignore leaves it out",
        ],
        "units.yaml left out",
    );
}

/// The number of builds `watch` has reported.
fn builds(watch: &Running) -> usize {
    built_lines(&watch.stderr())
}

fn built_lines(log: &str) -> usize {
    log.lines().filter(|l| l.starts_with("built ")).count()
}

/// The number of builds once there are at least `n`: a build's output is
/// published a moment before its "built" line is printed.
fn builds_once_there_are(watch: &Running, n: usize) -> usize {
    let log = watch.wait_for_output(&format!("build {n}"), |t| built_lines(t) >= n);
    built_lines(&log)
}

#[test]
fn watch_builds_for_no_temporary_file_and_at_once_for_a_page_beside_it() {
    let site = TestSite::fixtures("basic", "stats");
    // There before: a new folder is a change.
    site.write("static/есеп.txt", "Есеп.\n");
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    let first = watch.wait_for_output("the first build", |t| t.contains("built "));
    assert_eq!(builds(&watch), 1, "{first}");

    // Temporary files appear, change, are renamed into one another and go.
    leave_temporaries(&site);
    site.write("content/rules/first.kk.md.tmp", "changed");
    site.write("data/aid/records.yaml~", "changed");
    std::fs::rename(
        site.root().join("content/rules/.first.kk.md.swp"),
        site.root().join("content/rules/.first.kk.md.swx"),
    )
    .unwrap();
    std::fs::remove_file(site.root().join("content/rules/4913")).unwrap();
    std::fs::remove_file(site.root().join("data/aid/records.yaml.part")).unwrap();
    // No build may follow; the watcher makes one of changes that come
    // within 10 ms of each other, so after this wait a page's change comes
    // in a batch of its own.
    std::thread::sleep(std::time::Duration::from_millis(1000));

    // A page beside them: one build, at once.
    let page = "content/rules/first.kk.md";
    let text = std::fs::read_to_string(site.root().join(page)).unwrap();
    site.save(page, format!("{text}\nЖаңа абзац.\n"));
    wait_for_page(&output, "kk/rules/first/index.html", "Жаңа абзац.");
    assert_eq!(builds_once_there_are(&watch, 2), 2, "{}", watch.stderr());
    assert_eq!(watch_status(&output).unwrap()["ok"], true);
    wait_for_search_index(&watch);
    assert_same_as_a_full_build(&site, &output, &watch);

    // An edit of the `.gitignore` changes what is read: the whole site is
    // built again without what it now leaves out.
    assert!(output.join("kk/about/index.html").is_file());
    site.save(".gitignore", "/published*\n/content/about.*\n");
    wait_until("the pages left out to go", || {
        (!output.join("kk/about/index.html").exists()).then_some(())
    });
    assert!(!output.join("ru/about/index.html").exists());
    assert_eq!(builds_once_there_are(&watch, 3), 3, "{}", watch.stderr());
    wait_for_search_index(&watch);
    assert_same_as_a_full_build(&site, &output, &watch);
}

/// Files that are not the site's input, written without pause (a log, an
/// editor's backups) are as quiet as no event: the search index still
/// catches up with an edit.
#[test]
#[cfg(feature = "search")]
fn a_stream_of_other_files_does_not_hold_back_the_search_index() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (stop, log) = (stop.clone(), site.root().join("notes.log"));
        std::thread::spawn(move || {
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                n += 1;
                std::fs::write(&log, format!("line {n}\n")).unwrap();
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        })
    };
    let page = "content/about.kk.md";
    site.save(page, "---\ntitle: Біз туралы\n---\nЖаңа сөз: шағала.\n");
    builds_once_there_are(&watch, 2);
    wait_for_search_index(&watch);
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    writer.join().unwrap();
}
