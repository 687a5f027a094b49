//! `--output` may name any folder, through `..` and symbolic links; aqparat
//! replaces only what it made (stamped) or an empty folder, never the site's
//! own folders, and says so with exit code 2.

use std::fs;
use std::path::Path;
use std::process::Stdio;

use crate::util::{TestSite, snapshot, wait_until, watch};

/// The stamp aqparat leaves in every output it writes.
const STAMP: &str = ".aqparat-output";

/// The stamp aqparat wrote before stop 63, which named nothing.
const OLDER_STAMP: &str = "This folder is a site built by aqparat. Every build replaces it whole:\n\
                           keep no files of your own here (put them in the site's static/ folder).\n";

/// Runs `aqparat build --root ROOT --output OUTPUT` and returns its exit code
/// and what it printed.
fn build_into(site: &TestSite, output: &Path) -> (i32, String) {
    let run = site.run(&["build", "--output", output.to_str().unwrap()]);
    (run.code, run.stderr)
}

#[test]
fn the_sites_own_folders_are_refused_however_they_are_written() {
    let site = TestSite::fixture("basic");
    fs::create_dir_all(site.root().join(".git/objects")).unwrap();
    fs::write(site.root().join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    fs::create_dir_all(site.root().join("src")).unwrap();
    fs::write(site.root().join("src/main.rs"), "fn main() {}\n").unwrap();
    let before = snapshot(site.root());
    let root = site.root();
    for output in [
        root.join("public/../content"),
        root.join("content"),
        root.join("content/out"),
        root.join("themes/default/static"),
        root.join(".git"),
        root.join(".aqparat"),
        root.join(".aqparat/cache/render/build"),
        root.join("src"),
        // Input files, there (site.yaml) or not yet (.gitignore).
        root.join("site.yaml"),
        root.join(".gitignore"),
        root.join(".gitignore/public"),
        root.to_path_buf(),
        root.join(".."),
        root.join("content/../.."),
    ] {
        let (code, stderr) = build_into(&site, &output);
        assert_eq!(code, 2, "{} was accepted:\n{stderr}", output.display());
        assert!(
            stderr.contains("refusing to publish") && stderr.contains("--output"),
            "{} refused without saying what to do:\n{stderr}",
            output.display()
        );
    }
    assert_eq!(
        snapshot(site.root()),
        before,
        "a refused build changed the site"
    );
}

/// Every folder a build reads is refused as the output, the site's own
/// `templates/` and `i18n/` too, whether or not the site has them yet: the
/// next build would read the output as templates or UI strings.
#[test]
fn an_output_in_any_folder_the_build_reads_is_refused() {
    let site = TestSite::fixture("basic");
    site.write("templates/.keep", "");
    let before = snapshot(site.root());
    for folder in [
        "templates",
        "i18n",
        "themes/default/templates",
        "data",
        "static",
    ] {
        for output in [folder.to_string(), format!("{folder}/out")] {
            let (code, stderr) = build_into(&site, &site.root().join(&output));
            assert_eq!(code, 2, "{output} was accepted:\n{stderr}");
            let input = folder.split('/').next().unwrap();
            assert!(
                stderr.contains("inside the site's input folder")
                    && stderr.contains(&format!("/{input}, whose files")),
                "{output} refused without naming {input}:\n{stderr}"
            );
        }
    }
    assert_eq!(
        snapshot(site.root()),
        before,
        "a refused build changed the site"
    );
    // The site still builds, reading no output as its templates.
    site.build();
}

/// An output in a folder of the site that a link in an input folder leads
/// to (`content/shared` → `../shared`) would be read back as the site's
/// pages by the next build, and `watch` would hear its own writes as edits
/// (it built without end): refused, for `build` and `watch`, before
/// anything is written, naming the link.
#[test]
fn an_output_that_a_link_of_the_site_leads_to_is_refused() {
    let site = TestSite::fixture("basic");
    site.write("shared/notes/a.kk.md", "---\ntitle: Ортақ\n---\nМәтін.\n");
    site.write("shared/notes/a.ru.md", "---\ntitle: Общее\n---\nТекст.\n");
    std::os::unix::fs::symlink("../shared/notes", site.root().join("content/shared")).unwrap();
    // Left out by the `.gitignore`, as outputs are: still read through
    // the link, whose path the `.gitignore` does not name.
    site.write(
        ".gitignore",
        "/shared/notes/public/\n/shared/notes/deeper/\n",
    );
    let before = snapshot(site.root());
    for output in ["shared/notes/public", "shared/notes/deeper/out"] {
        let output = site.root().join(output);
        let (code, stderr) = build_into(&site, &output);
        assert_eq!(code, 2, "{stderr}");
        let watched = crate::util::start_watch(site.root(), &output, &[], &[]);
        let (watch_code, watch_said) = watched.exit_code_and_output();
        assert_eq!(watch_code, Some(2), "{watch_said}");
        for said in [&stderr, &watch_said] {
            assert!(
                said.contains("the symbolic link content/shared leads to")
                    && said.contains("choose an --output outside"),
                "{said}"
            );
        }
        assert_eq!(snapshot(site.root()), before, "{}", output.display());
    }
    // Beside the linked folder, it builds, and the linked pages are there.
    let output = site.root().join("shared/public");
    let (code, stderr) = build_into(&site, &output);
    assert_eq!(code, 0, "{stderr}");
    assert!(output.join("kk/shared/a/index.html").is_file());
}

#[test]
fn symbolic_links_to_the_site_are_resolved_before_comparing() {
    let site = TestSite::fixture("basic");
    let elsewhere = tempfile::tempdir().unwrap();
    // A link to the site's content folder, outside the site.
    let into_content = elsewhere.path().join("into-content");
    std::os::unix::fs::symlink(site.root().join("content"), &into_content).unwrap();
    // The site reached through a linked root.
    let linked_root = elsewhere.path().join("linked-site");
    std::os::unix::fs::symlink(site.root(), &linked_root).unwrap();
    let before = snapshot(&site.root().join("content"));
    for output in [
        into_content.join("out"),
        into_content.join("x/../.."),
        linked_root.join("content"),
        linked_root.join("static/../content"),
    ] {
        let (code, stderr) = build_into(&site, &output);
        assert_eq!(code, 2, "{} was accepted:\n{stderr}", output.display());
    }
    let run = crate::util::aqparat()
        .args(["build", "--root"])
        .arg(&linked_root)
        .arg("--output")
        .arg(site.root().join("content"))
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(2),
        "a linked root defeated the guard"
    );
    assert_eq!(snapshot(&site.root().join("content")), before);
}

#[test]
fn a_folder_of_the_users_is_never_replaced_an_empty_or_stamped_one_is() {
    let site = TestSite::fixture("basic");
    let outside = tempfile::tempdir().unwrap();
    let mydocs = outside.path().join("mydocs");
    fs::create_dir_all(&mydocs).unwrap();
    fs::write(mydocs.join("thesis.txt"), "four years of work").unwrap();
    let (code, stderr) = build_into(&site, &mydocs);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(STAMP),
        "the refusal does not explain itself:\n{stderr}"
    );
    assert_eq!(
        fs::read_to_string(mydocs.join("thesis.txt")).unwrap(),
        "four years of work"
    );
    assert_eq!(
        fs::read_dir(outside.path()).unwrap().count(),
        1,
        "left files beside it"
    );
    // A stamp made by hand vouches for nothing.
    fs::write(mydocs.join(STAMP), "").unwrap();
    let (code, stderr) = build_into(&site, &mydocs);
    assert_eq!(
        code, 2,
        "a touched stamp let the build replace it:\n{stderr}"
    );
    assert_eq!(
        fs::read_to_string(mydocs.join("thesis.txt")).unwrap(),
        "four years of work"
    );

    // A file where the output folder should be is refused as well.
    let file = outside.path().join("notes.txt");
    fs::write(&file, "notes").unwrap();
    assert_eq!(build_into(&site, &file).0, 2);
    assert_eq!(fs::read_to_string(&file).unwrap(), "notes");
    // And one under a file, told which file is in the way.
    let (code, stderr) = build_into(&site, &file.join("site"));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&format!("{} is a file, not a folder", file.display()))
            && !stderr.contains("disk"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "notes");

    // An empty folder becomes aqparat's, stamped, and is then rebuilt.
    let empty = outside.path().join("www");
    fs::create_dir(&empty).unwrap();
    let (code, stderr) = build_into(&site, &empty);
    assert_eq!(code, 0, "{stderr}");
    assert!(empty.join(STAMP).is_file() && empty.join("kk/index.html").is_file());
    let (code, stderr) = build_into(&site, &empty);
    assert_eq!(code, 0, "a stamped output was not rebuilt:\n{stderr}");
}

/// What a user put at the top of an output aqparat made (a clone of the
/// published site's repository, a `CNAME`) is not deleted by the next
/// build, which refuses, naming it, and leaves the output as it was; what
/// the last build made and this one no longer does (a static file removed)
/// goes without a word. An output stamped by an aqparat that named nothing
/// in its stamp keeps at least its hidden folders (aqparat makes none).
#[test]
fn what_a_user_put_into_an_output_stops_the_next_build() {
    let site = TestSite::fixture("basic");
    let outside = tempfile::tempdir().unwrap();
    let public = outside.path().join("public");
    assert_eq!(build_into(&site, &public).0, 0);
    fs::create_dir_all(public.join(".git/objects")).unwrap();
    fs::write(public.join(".git/HEAD"), "ref: refs/heads/gh-pages\n").unwrap();
    fs::write(public.join("CNAME"), "example.kz\n").unwrap();
    let before = snapshot(&public);
    for lang in ["en", "ru"] {
        let run = site.run(&[
            "build",
            "--output",
            public.to_str().unwrap(),
            "--lang",
            lang,
        ]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        let said = match lang {
            "en" => "aqparat did not make what is at its top: .git, CNAME;",
            _ => "aqparat не создавал того, что лежит в ней наверху: .git, CNAME;",
        };
        assert!(run.stderr.contains(said), "{}", run.stderr);
        assert!(run.stderr.contains("static/"), "{}", run.stderr);
    }
    assert_eq!(
        snapshot(&public),
        before,
        "a refused build changed the output"
    );
    fs::remove_dir_all(public.join(".git")).unwrap();
    fs::remove_file(public.join("CNAME")).unwrap();
    // `notes.txt` was the last build's: a build without it replaces the output.
    site.write("static/notes.txt", "notes");
    assert_eq!(build_into(&site, &public).0, 0);
    assert!(public.join("notes.txt").is_file());
    fs::remove_file(site.root().join("static/notes.txt")).unwrap();
    let (code, stderr) = build_into(&site, &public);
    assert_eq!(code, 0, "{stderr}");
    assert!(!public.join("notes.txt").exists());
    // The stamp of an older aqparat vouches for all but hidden names.
    fs::write(public.join(STAMP), OLDER_STAMP).unwrap();
    fs::write(public.join("CNAME"), "example.kz\n").unwrap();
    assert_eq!(build_into(&site, &public).0, 0);
    // Nor a link (aqparat makes none): the output of a watch kept there.
    fs::write(public.join(STAMP), OLDER_STAMP).unwrap();
    std::os::unix::fs::symlink("live.builds/a", public.join("live")).unwrap();
    let (code, stderr) = build_into(&site, &public);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("live"), "{stderr}");
    fs::remove_file(public.join("live")).unwrap();
    fs::create_dir_all(public.join(".git")).unwrap();
    fs::write(public.join(STAMP), OLDER_STAMP).unwrap();
    let (code, stderr) = build_into(&site, &public);
    assert_eq!(code, 2, "{stderr}");
    assert!(public.join(".git").is_dir());
}

/// A folder prepared for the web server keeps its group, its mode and its
/// set-group-id bit (so that what is made in it takes that group) through
/// every build that replaces it.
#[test]
fn an_empty_folder_keeps_its_group_and_mode_through_builds() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let site = TestSite::fixture("basic");
    let outside = tempfile::tempdir().unwrap();
    let www = outside.path().join("www");
    fs::create_dir(&www).unwrap();
    // Another group where this user may give one (root), else its own.
    let group = match std::os::unix::fs::chown(&www, None, Some(33)) {
        Ok(()) => 33,
        Err(_) => fs::metadata(&www).unwrap().gid(),
    };
    fs::set_permissions(&www, fs::Permissions::from_mode(0o2750)).unwrap();
    for _ in 0..2 {
        let (code, stderr) = build_into(&site, &www);
        assert_eq!(code, 0, "{stderr}");
        let meta = fs::metadata(&www).unwrap();
        assert_eq!(meta.mode() & 0o7777, 0o2750, "{:o}", meta.mode());
        assert_eq!(meta.gid(), group);
        let page = fs::metadata(www.join("kk/index.html")).unwrap();
        assert_eq!(page.gid(), group, "a page does not take the folder's group");
    }
}

/// An output whose name the file system cannot hold is an error that says
/// so (exit code 2), not advice to free disk space, nor to shorten the
/// content's names, which are not what is too long: a name of 300 bytes,
/// and one of 246 that leaves no room for its staging folder's.
#[test]
fn an_output_name_too_long_is_said_to_be_too_long() {
    let site = TestSite::fixture("basic");
    for name in ["с".repeat(150), "s".repeat(246)] {
        let output = site.root().parent().unwrap().join(name);
        let (code, stderr) = build_into(&site, &output);
        assert_eq!(code, 2, "{stderr}");
        assert!(
            stderr.contains("the --output path itself is longer than the file system allows"),
            "{stderr}"
        );
        assert!(!stderr.contains("disk has room"), "{stderr}");
        assert!(!stderr.contains("content"), "{stderr}");
    }
}

/// `watch` with a refused output exits 2 at once and writes nothing: no
/// status file, no builds folder, nothing in the refused folder.
#[test]
fn watch_refuses_a_users_folder_at_once() {
    let site = TestSite::fixture("basic");
    let www = site.root().join("www");
    fs::create_dir(&www).unwrap();
    fs::write(www.join("index.html"), "my own page").unwrap();
    for output in [www.clone(), site.root().join("content")] {
        let before = snapshot(site.root());
        let mut child = crate::util::aqparat()
            .arg("watch")
            .arg("--root")
            .arg(site.root())
            .arg("--output")
            .arg(&output)
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let status = wait_until("watch to exit", || child.try_wait().ok().flatten());
        let mut stderr = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
        assert_eq!(status.code(), Some(2), "{}:\n{stderr}", output.display());
        assert!(stderr.contains("refusing to publish"), "{stderr}");
        assert_eq!(
            snapshot(site.root()),
            before,
            "the refused watch wrote files"
        );
    }
}

/// What a user keeps in `OUTPUT.builds/` stays; aqparat's build folders
/// come and go around it.
#[test]
fn watch_leaves_the_users_files_in_the_builds_folder() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("published");
    let builds = site.root().join("published.builds");
    fs::create_dir_all(builds.join("notes")).unwrap();
    fs::write(builds.join("notes/todo.txt"), "mine").unwrap();
    fs::write(builds.join("README"), "mine too").unwrap();
    let watching = watch(site.root(), &output, &[]);
    // A second build, then a third, each switching the link.
    for text in ["second", "third"] {
        let page = site.root().join("content/_index.kk.md");
        let old = fs::read_to_string(&page).unwrap();
        site.save("content/_index.kk.md", format!("{old}\n{text}\n"));
        wait_until("the rebuild", || {
            fs::read_to_string(output.join("kk/index.html"))
                .ok()
                .filter(|html| html.contains(text))
        });
    }
    drop(watching);
    assert_eq!(
        fs::read_to_string(builds.join("notes/todo.txt")).unwrap(),
        "mine"
    );
    assert_eq!(
        fs::read_to_string(builds.join("README")).unwrap(),
        "mine too"
    );
}

/// A build folder of `watch`, running or stopped, is no output for `build`
/// or another `watch`: a build there would replace the site its link
/// publishes.
#[test]
fn the_build_folders_of_watch_are_no_output_of_another_build() {
    let site = TestSite::fixture("basic");
    // Without search, whose index, published later, switches the link.
    site.add_to_config("search: false");
    let output = site.root().join("published");
    let watching = watch(site.root(), &output, &[]);
    let published = fs::canonicalize(&output).unwrap();
    let builds = site.root().join("published.builds");
    // The other build folder is watch's to fill; the published one stays.
    let before = snapshot(&published);
    for slot in ["a", "b", "a/deeper"] {
        let (code, stderr) = build_into(&site, &builds.join(slot));
        assert_eq!(code, 2, "{slot}: {stderr}");
        assert!(
            stderr.contains("where `aqparat watch` keeps the builds"),
            "{slot}: {stderr}"
        );
        let run = site.run(&[
            "watch",
            "--output",
            builds.join(slot).join("site").to_str().unwrap(),
        ]);
        assert_eq!(run.code, 2, "watch into {slot}: {}", run.stderr);
    }
    drop(watching);
    let (code, _) = build_into(&site, &builds.join("a"));
    assert_eq!(code, 2, "refused once watch has stopped too");
    // Another folder there is the user's to build into.
    let (code, stderr) = build_into(&site, &builds.join("release-2"));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        snapshot(&published) == before,
        "the published build changed"
    );
    assert_eq!(fs::canonicalize(&output).unwrap(), published);
}

/// A build folder of `watch` that someone replaced with their own files is
/// not deleted: `watch` refuses to start.
#[test]
fn watch_does_not_delete_an_unstamped_build_folder() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("published");
    let slot = site.root().join("published.builds/a");
    fs::create_dir_all(&slot).unwrap();
    fs::write(slot.join("keep.txt"), "keep").unwrap();
    let run = site.run(&["watch", "--output", output.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(fs::read_to_string(slot.join("keep.txt")).unwrap(), "keep");
}
