//! Files of the site (hardening issue, classes 5, 8, 9 and 12): nothing
//! unreadable is skipped in silence, nothing outside the site is read or
//! published, `check` fails where `build` would, names and texts that would
//! break addresses or XML are refused, and a missing theme or `content/` is
//! one clear error.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{Run, TestSite, assert_reported, snapshot};

/// Runs the binary with `args` and `--root`, killing it after a minute: a
/// FIFO must never make it wait forever.
fn run_bounded(site: &TestSite, args: &[&str]) -> Run {
    let mut child = crate::util::aqparat()
        .args(args)
        .arg("--root")
        .arg(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("aqparat {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&output.stderr)
            .replace(&site.root().display().to_string(), "[ROOT]"),
    }
}

/// Builds `site`, lets `break_it` break it, then checks that `check` and
/// `build` both fail with exactly the errors `expected` (prefixes, in
/// order), each with a hint, and that the previous output is unchanged.
/// Returns the stderr of both runs.
fn assert_fails(site: &TestSite, break_it: impl FnOnce(&Path), expected: &[&str]) -> String {
    site.build();
    let before = snapshot(&site.public());
    break_it(site.root());
    let mut all = String::new();
    for command in ["check", "build"] {
        let run = run_bounded(site, &[command]);
        assert_reported(&run, expected, command);
        all.push_str(&run.stderr);
    }
    assert_eq!(
        snapshot(&site.public()),
        before,
        "the previous output changed"
    );
    all
}

fn symlink(target: &Path, link: &Path) {
    std::fs::create_dir_all(link.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(target, link).unwrap();
}

const SECRET: &str = "server-secret: [TOP-SECRET-LINE";

#[test]
fn symlinks_out_of_the_site_are_refused_and_never_read() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret");
    std::fs::write(&secret, SECRET).unwrap();
    std::fs::create_dir(outside.path().join("dir")).unwrap();
    std::fs::write(outside.path().join("dir/x.kk.md"), "---\ntitle: x\n---\n").unwrap();
    let site = TestSite::fixture("basic");
    let stderr = assert_fails(
        &site,
        |root| {
            symlink(&secret, &root.join("static/leak.txt"));
            symlink(&secret, &root.join("content/leak.kk.md"));
            symlink(&secret, &root.join("data/leak.yaml"));
            symlink(&outside.path().join("dir"), &root.join("content/linked"));
            symlink(&secret, &root.join("themes/default/i18n/xx.yaml"));
            symlink(&secret, &root.join("themes/default/static/leak.css"));
            // Inside the site, a link is fine.
            symlink(Path::new("about.kk.md"), &root.join("content/also.kk.md"));
        },
        &[
            "content/leak.kk.md:1:1: error: this is a symbolic link that leads outside the site's folder",
            "content/linked:1:1: error: this is a symbolic link that leads outside",
            "data/leak.yaml:1:1: error: this is a symbolic link that leads outside",
            "static/leak.txt:1:1: error: this is a symbolic link that leads outside",
            "themes/default/i18n/xx.yaml:1:1: error: this is a symbolic link that leads outside",
            "themes/default/static/leak.css:1:1: error: this is a symbolic link that leads outside",
        ],
    );
    assert!(!stderr.contains("TOP-SECRET"), "{stderr}");
    assert!(!site.public().join("leak.txt").exists());
}

/// Whether `dir` (an output) holds, anywhere, a file whose text contains
/// `secret`, or a symbolic link.
fn holds_secret_or_link(dir: &Path, secret: &str) -> bool {
    walkdir::WalkDir::new(dir).into_iter().any(|entry| {
        let entry = entry.unwrap();
        entry.path_is_symlink()
            || (entry.file_type().is_file()
                && std::fs::read(entry.path())
                    .unwrap()
                    .windows(secret.len())
                    .any(|w| w == secret.as_bytes()))
    })
}

// Links that stay inside the site but lead to what is no file of it: a
// hidden file, the repository, the cache, a file the `.gitignore` leaves
// out, the output itself; in the site's `static/`, the theme's, its
// templates and UI strings, deep in a folder. Each is an error at the
// link, and nothing it leads to is read; what a linked folder holds that
// the `.gitignore` leaves out is left out, as in the folder itself.
#[test]
fn symlinks_to_what_is_no_input_are_refused_and_never_read() {
    let site = TestSite::fixture("basic");
    site.write(".env", format!("SECRET={SECRET}\n"));
    site.write(".git/HEAD", "ref: refs/heads/main\n");
    site.write(".git/config", format!("# {SECRET}\n"));
    site.write("private.txt", SECRET);
    site.write("content/files/open.txt", "open");
    site.write("content/files/private.txt", SECRET);
    site.write(".gitignore", "/private.txt\n/content/files/private.txt\n");
    site.write("static/kept.txt", "kept");
    let stderr = assert_fails(
        &site,
        |root| {
            // The build before made `.aqparat/` and `public/`.
            assert!(root.join(".aqparat").is_dir() && root.join("public").is_dir());
            symlink(Path::new("../.env"), &root.join("static/env.txt"));
            symlink(Path::new("../.git"), &root.join("static/gitdir"));
            symlink(Path::new("../.aqparat"), &root.join("static/cache"));
            symlink(Path::new("../private.txt"), &root.join("static/p.txt"));
            symlink(Path::new("../public"), &root.join("static/pub"));
            symlink(
                Path::new("../../../.git/config"),
                &root.join("static/a/b/config.txt"),
            );
            symlink(Path::new("../content/files"), &root.join("static/files"));
            symlink(
                Path::new("../../../.env"),
                &root.join("themes/default/static/env.css"),
            );
            symlink(Path::new("../.env"), &root.join("templates/env.html"));
            symlink(
                Path::new("../../../private.txt"),
                &root.join("themes/default/i18n/en.yaml"),
            );
        },
        &[
            "static/a/b/config.txt:1:1: error: through a symbolic link, this leads to `.git/config`, which is no file of the site",
            "static/cache:1:1: error: through a symbolic link, this leads to `.aqparat`, which is no file of the site",
            "static/env.txt:1:1: error: through a symbolic link, this leads to `.env`, which is no file of the site",
            "static/gitdir:1:1: error: through a symbolic link, this leads to `.git`, which is no file of the site",
            "static/p.txt:1:1: error: through a symbolic link, this leads to `private.txt`, which is no file of the site",
            "static/pub:1:1: error: through a symbolic link, this leads into `public`, a folder aqparat built",
            "templates/env.html:1:1: error: through a symbolic link, this leads to `.env`, which is no file of the site",
            "themes/default/i18n/en.yaml:1:1: error: through a symbolic link, this leads to `private.txt`, which is no file of the site",
            "themes/default/static/env.css:1:1: error: through a symbolic link, this leads to `.env`, which is no file of the site",
        ],
    );
    assert!(!stderr.contains("TOP-SECRET"), "{stderr}");
    assert!(
        stderr.contains("replace the link by a copy of the file"),
        "{stderr}"
    );
    assert!(!holds_secret_or_link(&site.public(), "TOP-SECRET"));
    assert!(
        !site.public().join("pub").exists(),
        "the output copied into itself"
    );

    // Once the links are gone the site builds again, none of it published.
    for link in ["env.txt", "gitdir", "cache", "p.txt", "pub", "a"] {
        let path = site.root().join("static").join(link);
        match std::fs::symlink_metadata(&path).unwrap().is_symlink() {
            true => std::fs::remove_file(&path).unwrap(),
            false => std::fs::remove_dir_all(&path).unwrap(),
        }
    }
    for link in [
        "themes/default/static/env.css",
        "templates/env.html",
        "themes/default/i18n/en.yaml",
    ] {
        std::fs::remove_file(site.root().join(link)).unwrap();
    }
    site.build();
    site.build();
    assert_eq!(site.read("kept.txt"), "kept");
    // Through the linked folder, what git would commit, as in the folder
    // itself: the file the `.gitignore` leaves out is no error, and stays out.
    assert_eq!(site.read("files/open.txt"), "open");
    assert!(!site.public().join("files/private.txt").exists());
    assert!(!holds_secret_or_link(&site.public(), "TOP-SECRET"));
    assert!(!site.public().join("pub").exists());
}

/// An output of aqparat elsewhere in the site (built with `--output`) is
/// no input either, however a link reaches into it.
#[test]
fn symlinks_into_an_output_are_refused() {
    let site = TestSite::fixture("basic");
    let built = site.run(&[
        "build",
        "--output",
        site.root().join("out").to_str().unwrap(),
    ]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert_fails(
        &site,
        |root| {
            symlink(Path::new("../../out/kk"), &root.join("static/old/kk"));
            symlink(
                Path::new("../out/index.html"),
                &root.join("static/index-old.html"),
            );
        },
        &[
            "static/index-old.html:1:1: error: through a symbolic link, this leads into `out`, a folder aqparat built",
            "static/old/kk:1:1: error: through a symbolic link, this leads into `out`, a folder aqparat built",
        ],
    );
}

/// A link to a file or folder of the site (input, or elsewhere in the site
/// and neither hidden nor left out) is followed, and what it leads to is
/// published as a copy.
#[test]
fn symlinks_to_input_files_still_work() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.write("content/files/report.txt", "report");
    site.write("static/style-extra.css", "p {}");
    // A file of the site outside the folders a build reads.
    site.write("LICENSE", "licence");
    let root = site.root();
    symlink(Path::new("../LICENSE"), &root.join("static/LICENSE.txt"));
    symlink(
        Path::new("../content/logo.svg"),
        &root.join("static/logo.svg"),
    );
    symlink(Path::new("../content/files"), &root.join("static/files"));
    symlink(
        Path::new("../../content/files/report.txt"),
        &root.join("static/deep/report.txt"),
    );
    symlink(
        Path::new("../../../static/style-extra.css"),
        &root.join("themes/default/static/extra.css"),
    );
    site.build();
    site.build();
    assert_eq!(
        site.read("logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
    );
    assert_eq!(site.read("files/report.txt"), "report");
    assert_eq!(site.read("deep/report.txt"), "report");
    assert_eq!(site.read("extra.css"), "p {}");
    assert_eq!(site.read("LICENSE.txt"), "licence");
    assert!(
        !holds_secret_or_link(&site.public(), "TOP-SECRET"),
        "links published as links"
    );
}

#[test]
fn a_statistics_file_linked_outside_is_not_read() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret");
    std::fs::write(&secret, SECRET).unwrap();
    let site = TestSite::fixtures("basic", "stats");
    let stderr = assert_fails(
        &site,
        |root| {
            let records = root.join("data/aid/records.yaml");
            std::fs::remove_file(&records).unwrap();
            symlink(&secret, &records);
        },
        &["data/aid/records.yaml:1:1: error: this is a symbolic link that leads outside"],
    );
    assert!(!stderr.contains("TOP-SECRET"), "{stderr}");
}

/// A link round a loop of links (here of two, and of one) is said to be
/// one, not to lead nowhere as a link to nothing does.
#[test]
fn broken_links_loops_and_fifos_are_errors_without_hanging() {
    let site = TestSite::fixture("basic");
    assert_fails(
        &site,
        |root| {
            symlink(Path::new("gone.txt"), &root.join("static/dangling.txt"));
            symlink(Path::new(".."), &root.join("content/rules/loop"));
            symlink(Path::new("b.kk.md"), &root.join("content/a.kk.md"));
            symlink(Path::new("a.kk.md"), &root.join("content/b.kk.md"));
            symlink(Path::new("self.txt"), &root.join("static/self.txt"));
            std::fs::create_dir_all(root.join("static")).unwrap();
            let fifo = root.join("static/pipe.txt");
            let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
            assert!(made.success());
        },
        &[
            "content/a.kk.md:1:1: error: this symbolic link (to `b.kk.md`) is one of a loop of links",
            "content/b.kk.md:1:1: error: this symbolic link (to `a.kk.md`) is one of a loop of links",
            "content/rules/loop:1:1: error: this symbolic link leads to a folder that contains it",
            "static/dangling.txt:1:1: error: this symbolic link leads nowhere",
            "static/pipe.txt:1:1: error: this is a named pipe (FIFO)",
            "static/self.txt:1:1: error: this symbolic link (to `self.txt`) is one of a loop of links",
        ],
    );
}

/// Whether `setpriv` can run a command as `nobody` here (root can read
/// files without permission; `nobody` cannot).
fn can_drop_privileges() -> bool {
    Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn unreadable_files_and_folders_are_errors() {
    use std::os::unix::fs::PermissionsExt;
    let site = TestSite::fixtures("basic", "stats");
    site.write("static/report.txt", "report");
    site.write("data/extra/more.yaml", "a: 1\n");
    let as_nobody = can_drop_privileges();
    if as_nobody {
        // `nobody` must reach and write the site to build it.
        let chmod = Command::new("chmod")
            .args(["-R", "a+rwX"])
            .arg(site.root())
            .status()
            .unwrap();
        assert!(chmod.success());
    }
    site.build();
    let before = snapshot(&site.public());
    let deny = |rel: &str| {
        let path = site.root().join(rel);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    };
    for rel in [
        "static/report.txt",
        "content/about.kk.md",
        "data/extra",
        "themes/default/templates/page.html",
    ] {
        deny(rel);
    }
    let run = |command: &str| {
        let mut cmd = if as_nobody {
            let mut cmd = Command::new("setpriv");
            cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(env!("CARGO_BIN_EXE_aqparat"))
                .env("AQPARAT_LANG", "en");
            cmd
        } else {
            crate::util::aqparat()
        };
        let output = cmd
            .args([command, "--root"])
            .arg(site.root())
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).to_string(),
        )
    };
    let running_as_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if running_as_root && !as_nobody {
        // Root reads everything: nothing to see here.
        return;
    }
    for command in ["check", "build"] {
        let (code, stderr) = run(command);
        assert_eq!(code, Some(1), "{command}:\n{stderr}");
        for expected in [
            "content/about.kk.md:1:1: error: cannot read this file",
            "data/extra:1:1: error: cannot read this folder",
            "static/report.txt:1:1: error: cannot read this file",
            "themes/default/templates/page.html:1:1: error: cannot read this file",
        ] {
            assert!(
                stderr.contains(expected),
                "{command}: no `{expected}` in\n{stderr}"
            );
        }
        assert!(stderr.contains("fix its permissions"), "{stderr}");
    }
    assert_eq!(
        snapshot(&site.public()),
        before,
        "the previous output changed"
    );
}

#[test]
fn a_missing_theme_is_one_error() {
    let site = TestSite::fixture("basic");
    let stderr = assert_fails(
        &site,
        |root| {
            let config = std::fs::read_to_string(root.join("site.yaml")).unwrap();
            let config = config.replace("theme: default", "theme: plain");
            std::fs::write(root.join("site.yaml"), config).unwrap();
        },
        &["site.yaml:6:8: error: theme `plain` not found: there is no folder themes/plain/ in"],
    );
    assert!(stderr.contains("themes/ (there: default)"), "{stderr}");
}

/// With statistics too: their pages, figures and charts need the theme,
/// and none of that is reported again.
#[test]
fn a_missing_theme_on_a_site_with_statistics_is_one_error() {
    let site = TestSite::fixtures("basic", "stats");
    assert_fails(
        &site,
        |root| {
            let config = std::fs::read_to_string(root.join("site.yaml")).unwrap();
            let config = config.replace("theme: default", "theme: plain");
            std::fs::write(root.join("site.yaml"), config).unwrap();
        },
        &["site.yaml:6:8: error: theme `plain` not found"],
    );
}

#[test]
fn a_theme_name_that_is_no_folder_name_is_one_error() {
    let site = TestSite::fixture("basic");
    assert_fails(
        &site,
        |root| {
            let config = std::fs::read_to_string(root.join("site.yaml")).unwrap();
            let config = config.replace("theme: default", "theme: ../../etc");
            std::fs::write(root.join("site.yaml"), config).unwrap();
        },
        &["site.yaml:6:8: error: theme `../../etc` is not the name of a folder under themes/"],
    );
}

#[test]
fn a_missing_content_folder_home_page_or_site_yaml_is_one_error() {
    let site = TestSite::fixture("basic");
    assert_fails(
        &site,
        |root| std::fs::remove_dir_all(root.join("content")).unwrap(),
        &["content:1:1: error: no content/ folder in"],
    );
    let site = TestSite::fixture("basic");
    assert_fails(
        &site,
        |root| std::fs::remove_file(root.join("content/_index.kk.md")).unwrap(),
        &["content/_index.kk.md:1:1: error: there is no home page in `kk`"],
    );
    let site = TestSite::fixture("basic");
    assert_fails(
        &site,
        |root| {
            std::fs::remove_file(root.join("site.yaml")).unwrap();
            std::fs::remove_dir_all(root.join("themes")).unwrap();
        },
        &["site.yaml:1:1: error: no site.yaml in"],
    );
}

#[test]
fn pages_may_not_take_the_place_of_generated_files() {
    let site = TestSite::fixture("basic");
    let page = "---\ntitle: Бет\n---\nМәтін\n";
    assert_fails(
        &site,
        |root| {
            for rel in [
                "content/atom.xml.kk.md",
                "content/404.html.ru.md",
                "content/index.html.kk.md",
                "content/data/aid.csv.kk.md",
                "content/rules/index.html/x.ru.md",
                "content/Pages/_index.kk.md",
            ] {
                let path = root.join(rel);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, page).unwrap();
            }
        },
        &[
            "content/404.html.ru.md:1:1: error: this file would become /ru/404.html/, but /ru/404.html is",
            "content/Pages/_index.kk.md:1:1: error: this file would become /kk/Pages/, but /kk/pages/ holds",
            "content/atom.xml.kk.md:1:1: error: this file would become /kk/atom.xml/, but /kk/atom.xml is the news feed",
            "content/data/aid.csv.kk.md:1:1: error: this file would become /kk/data/aid.csv/, but /kk/data/aid.csv is",
            "content/index.html.kk.md:1:1: error: this file would become /kk/index.html/, but /kk/index.html is the home page",
            "content/rules/index.html/x.ru.md:1:1: error: this file would become /ru/rules/index.html/x/, but /ru/rules/index.html/x/index.html is",
        ],
    );
}

#[test]
fn static_files_may_not_take_the_place_of_generated_files() {
    let site = TestSite::fixture("basic");
    assert_fails(
        &site,
        |root| {
            for rel in [
                "static/sitemap.xml",
                "static/kk/atom.xml",
                "static/kk/about",
                "static/ru/rules/first/index.html",
                "static/pagefind/pagefind.js",
                // The name of a part of a sitemap of more than 50,000
                // addresses; one aqparat never gives a part is fine.
                "static/sitemap-1.xml",
                "static/sitemap-01.xml",
                "themes/default/static/404.html",
                // The folders of the preview cards and resized images.
                "static/og",
                "static/images",
                // Beside a page, a file is fine.
                "static/kk/rules/photo.txt",
            ] {
                let path = root.join(rel);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, "x").unwrap();
            }
        },
        &[
            "static/images:1:1: error: this static file would be copied to /images, but aqparat makes a folder /images/",
            "static/kk/about:1:1: error: this static file would be copied to /kk/about, but aqparat makes a folder /kk/about/",
            "static/kk/atom.xml:1:1: error: this static file would be copied to /kk/atom.xml, but /kk/atom.xml is the news feed",
            "static/og:1:1: error: this static file would be copied to /og, but aqparat makes a folder /og/",
            "static/pagefind/pagefind.js:1:1: error: this static file would be copied to /pagefind/pagefind.js, but /pagefind/ holds the search index",
            "static/ru/rules/first/index.html:1:1: error: this static file would be copied to /ru/rules/first/index.html, but /ru/rules/first/index.html is a page",
            "static/sitemap-1.xml:1:1: error: this static file would be copied to /sitemap-1.xml, but /sitemap-1.xml is a part of the sitemap",
            "static/sitemap.xml:1:1: error: this static file would be copied to /sitemap.xml, but /sitemap.xml is the sitemap",
            "themes/default/static/404.html:1:1: error: this static file would be copied to /404.html, but",
        ]
        .into_iter()
        // Without the `search` feature `/pagefind/` is free (features.rs).
        .filter(|e| cfg!(feature = "search") || !e.starts_with("static/pagefind/"))
        .collect::<Vec<_>>(),
    );
}

#[test]
fn names_that_break_addresses_are_refused_with_a_proposal() {
    let site = TestSite::fixture("basic");
    let page = "---\ntitle: Бет\n---\nМәтін\n";
    let stderr = assert_fails(
        &site,
        |root| {
            for rel in [
                "content/what is this?.kk.md",
                "content/50% off.ru.md",
                "content/a#b/x.kk.md",
                "content/a#b/y.kk.md",
                // Addresses that read as `/kk/../` and `/kk///y/`: left
                // out, the theme's lists do not link to them.
                "content/%2e%2e.kk.md",
                "content/%2e%2e.ru.md",
                "content/%2F/y.kk.md",
            ] {
                let path = root.join(rel);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, page).unwrap();
            }
            std::fs::create_dir_all(root.join("static")).unwrap();
            for rel in [
                "static/a?b.txt",
                "static/tab\there.txt",
                "static/back\\slash.txt",
            ] {
                std::fs::write(root.join(rel), "x").unwrap();
            }
            // Letters of any script, digits, `-`, `_` and `.` are fine.
            let fine = root.join("content/ереже_2.0-жаңа.kk.md");
            std::fs::write(fine, page).unwrap();
        },
        &[
            "content/%2F:1:1: error: the folder name `%2F` has characters",
            "content/%2e%2e.kk.md:1:1: error: the file name `%2e%2e.kk.md` has characters",
            "content/%2e%2e.ru.md:1:1: error: the file name `%2e%2e.ru.md` has characters",
            "content/50% off.ru.md:1:1: error: the file name `50% off.ru.md` has characters that do not belong in an address",
            "content/a#b:1:1: error: the folder name `a#b` has characters",
            "content/what is this?.kk.md:1:1: error: the file name `what is this?.kk.md` has characters",
            "static/a?b.txt:1:1: error: the name of this file has `?`",
            "static/back\\slash.txt:1:1: error: the name of this file has `\\\\`",
            "static/tab\there.txt:1:1: error: the name of this file has `\\t`",
        ],
    );
    assert!(
        stderr.contains("rename it `what-is-this.kk.md`"),
        "{stderr}"
    );
    assert!(stderr.contains("rename it `50-off.ru.md`"), "{stderr}");
    assert!(stderr.contains("rename it `a-b`"), "{stderr}");
}

#[test]
fn control_characters_in_texts_are_refused_where_they_are() {
    let site = TestSite::fixture("basic");
    let stderr = assert_fails(
        &site,
        |root| {
            let write = |rel: &str, text: &str| std::fs::write(root.join(rel), text).unwrap();
            // Escaped in YAML…
            write(
                "content/about.kk.md",
                "---\ntitle: \"Біз \\0 туралы\"\ndescription: \"Қоңырау \\a\"\n---\nМәтін\n",
            );
            write(
                "content/about.ru.md",
                "---\ntitle: \"О нас\\e[31m\"\ndescription: \"\\x7f\"\n---\nТекст\n",
            );
            write(
                "site.yaml",
                "base_url: https://test.example/\ndefault_language: kk\nlanguages:\n  kk: { name: Қазақша, title: \"Сынақ\\u0085сайты\" }\n  ru: { name: \"Рус\\tский\", title: Тестовый сайт }\ntheme: default\nnotice:\n  kk: \"Ескерту\\a\"\n",
            );
            let i18n = root.join("themes/default/i18n/kk.yaml");
            let text = std::fs::read_to_string(&i18n).unwrap();
            std::fs::write(&i18n, format!("{}\nextra: \"жаңа\\e\"\n", text.trim_end())).unwrap();
            let i18n = root.join("themes/default/i18n/ru.yaml");
            let text = std::fs::read_to_string(&i18n).unwrap();
            std::fs::write(&i18n, format!("{}\nextra: \"новый\"\n", text.trim_end())).unwrap();
            // …or as they are.
            write(
                "content/rules/second.kk.md",
                "---\ntitle: Бірінші\ndescription: Қоңырау \u{7} бар\n---\nМәтін\n",
            );
            write(
                "content/rules/second.ru.md",
                "---\ntitle: \"Первая\u{1b}[2J\"\n---\nТекст\n",
            );
        },
        &[
            "content/about.kk.md:2:8: error: the title has the control character U+0000",
            "content/about.kk.md:3:14: error: the description has the control character U+0007",
            "content/about.ru.md:2:8: error: the title has the control character U+001B",
            "content/about.ru.md:3:14: error: the description has the control character U+007F",
            "content/rules/second.kk.md:3:22: error: this line has the control character U+0007",
            "content/rules/second.ru.md:2:15: error: this line has the control character U+001B",
            "site.yaml:4:31: error: the title of language `kk` has the control character U+0085",
            "site.yaml:5:15: error: the name of language `ru` has the control character U+0009",
            "site.yaml:8:7: error: the notice in `kk` has the control character U+0007",
            "themes/default/i18n/kk.yaml:",
        ],
    );
    assert!(
        !stderr.contains('\u{1b}'),
        "control characters echoed:\n{stderr:?}"
    );
    assert!(
        !stderr.contains('\u{7}'),
        "control characters echoed:\n{stderr:?}"
    );
}

/// A file where a folder of the site belongs (`content`, `data`, `static`,
/// `themes`, as an unzip or a mistaken save makes) is one error at its
/// name, saying what to do: not "no home page", a warning about a data
/// file named `data`, or nothing at all while the statistics, the static
/// files or the theme silently went missing.
#[test]
fn a_file_where_a_folder_of_the_site_belongs_is_named() {
    for dir in ["content", "data", "static", "themes"] {
        let site = TestSite::fixtures("basic", "stats");
        let stderr = assert_fails(
            &site,
            |root| {
                let path = root.join(dir);
                if path.is_dir() {
                    std::fs::remove_dir_all(&path).unwrap();
                }
                std::fs::write(path, "x").unwrap();
            },
            &[&format!(
                "{dir}:1:1: error: this is a file, not a folder: aqparat reads the site's files only from a folder `{dir}/`"
            )],
        );
        let hint = format!("what belongs in `{dir}` goes in a folder of that name");
        assert!(stderr.contains(&hint), "{stderr}");
    }
    // So is a folder of a theme: its templates silently missing.
    let site = TestSite::fixture("basic");
    assert_fails(
        &site,
        |root| {
            std::fs::create_dir_all(root.join("themes/mine")).unwrap();
            std::fs::write(root.join("themes/mine/templates"), "x").unwrap();
            let config = std::fs::read_to_string(root.join("site.yaml")).unwrap();
            let config = config.replace("theme: default", "theme: mine");
            std::fs::write(root.join("site.yaml"), config).unwrap();
        },
        &["themes/mine/templates:1:1: error: this is a file, not a folder"],
    );
}
