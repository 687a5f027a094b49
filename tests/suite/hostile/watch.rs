//! `watch`: one watcher per output, a status file that never claims a
//! success the last attempt did not have, and a published site that puts
//! itself right when parts of it are removed by hand.
//!
//! Every wait has a generous timeout; no test relies on a fixed sleep.

use std::path::{Path, PathBuf};

use crate::util::{
    Running, TestSite, assert_same_as_a_full_build, read, wait_until, watch, watch_status as status,
};

/// `OUTPUT.SUFFIX`, beside the output.
fn sibling(output: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}.{suffix}", output.display()))
}

/// The build folder of `watch` that the link `output` does not lead to:
/// the one the next build starts from.
fn other_build_folder(output: &Path) -> PathBuf {
    let current = std::fs::read_link(output).unwrap();
    sibling(output, "builds").join(match current.ends_with("a") {
        true => "b",
        false => "a",
    })
}

#[test]
fn a_second_watcher_of_one_output_is_refused_naming_the_first() {
    let site = TestSite::fixture("basic");
    // Without search: publishing its index would switch the link to the
    // build folder whose stamp the test takes away below.
    site.add_to_config("search: false");
    let output = site.root().join("published");
    let first = watch(site.root(), &output, &[]);
    let pid = std::fs::read_to_string(sibling(&output, "lock")).unwrap();
    assert!(!pid.trim().is_empty(), "the lock names its holder");
    let published = std::fs::canonicalize(&output).unwrap();
    // The first watcher's other build folder as it is while that watcher
    // fills it: not yet stamped. The second must still name the first, not
    // take the folder for a user's.
    let other = other_build_folder(&output);
    let stamp = other.join(".aqparat-output");
    wait_until("the other build folder", || stamp.is_file().then_some(()));
    let aside = site.root().join("stamp-aside");
    std::fs::rename(&stamp, &aside).unwrap();
    let (code, message) = watch_that_exits(site.root(), &output);
    assert_eq!(code, Some(2), "{message}");
    assert!(
        message.contains(&format!("(pid {})", pid.trim())) && message.contains("--output"),
        "{message}"
    );
    assert_eq!(
        std::fs::canonicalize(&output).unwrap(),
        published,
        "the first watcher's site is untouched"
    );
    std::fs::rename(&aside, &stamp).unwrap();
    // Once the first one stops, another may take over.
    assert_eq!(first.terminate(), Some(0));
    let third = crate::util::start_watch(site.root(), &output, &[], &[]);
    third.wait_for_output("the new watcher to build", |t| {
        t.lines().any(|l| l.starts_with("built "))
    });
    assert!(!third.stderr().contains("already publishing"));
}

/// Runs `aqparat watch` of `root` into `output`, expected to exit by
/// itself (it is stopped if it has not within a minute): its exit code and
/// what it said.
fn watch_that_exits(root: &Path, output: &Path) -> (Option<i32>, String) {
    crate::util::start_watch(root, output, &[], &[]).exit_code_and_output()
}

/// A user's own files named as `watch`'s lock and status beside the output
/// are refused, not emptied or replaced; a lock holding a pid and an empty
/// status file are taken as watch's own.
#[test]
fn a_users_files_named_as_the_lock_or_the_status_are_left_as_they_are() {
    let site = TestSite::fixture("basic");
    let elsewhere = tempfile::tempdir().unwrap();
    let output = elsewhere.path().join("www");
    for suffix in ["lock", "status.json"] {
        let mine = sibling(&output, suffix);
        std::fs::write(&mine, "my precious notes").unwrap();
        let (code, message) = watch_that_exits(site.root(), &output);
        assert_eq!(code, Some(2), "{message}");
        assert!(message.contains("is not a file aqparat made"), "{message}");
        assert_eq!(std::fs::read_to_string(&mine).unwrap(), "my precious notes");
        assert!(!output.exists(), "nothing published");
        std::fs::remove_file(&mine).unwrap();
    }
    std::fs::write(sibling(&output, "lock"), "12345\n").unwrap();
    std::fs::write(sibling(&output, "status.json"), "").unwrap();
    let watch = crate::util::start_watch(site.root(), &output, &[], &[]);
    watch.wait_for_output("the watcher to build", |t| {
        t.lines().any(|l| l.starts_with("built "))
    });
    assert!(output.join("index.html").exists());
}

/// A refused `watch` asks the output's lock whether another watcher holds
/// it: a FIFO in the lock's place does not make it wait.
#[test]
fn a_refused_watch_does_not_wait_on_a_fifo_in_the_place_of_its_lock() {
    use rustix::fs::{CWD, FileType, Mode, mknodat};
    let site = TestSite::fixture("basic");
    let elsewhere = tempfile::tempdir().unwrap();
    let output = elsewhere.path().join("www");
    std::fs::create_dir(&output).unwrap();
    std::fs::write(output.join("index.html"), "my own page").unwrap();
    let lock = sibling(&output, "lock");
    mknodat(CWD, &lock, FileType::Fifo, Mode::RUSR | Mode::WUSR, 0).unwrap();
    let (code, message) = watch_that_exits(site.root(), &output);
    assert_eq!(code, Some(2), "{message}");
    assert!(message.contains("refusing to publish"), "{message}");
}

/// `watch` keeps its builds in `OUTPUT.builds`: a link there into the
/// site (an input folder, the site itself) is refused before any build is
/// written, where two whole builds landed in `content/` and the next
/// `build` published them.
#[test]
fn builds_that_would_land_in_the_site_are_refused_before_anything_is_written() {
    let site = TestSite::fixture("basic");
    let elsewhere = tempfile::tempdir().unwrap();
    for (name, target) in [
        ("in-content", site.root().join("content")),
        ("in-site", site.root().to_path_buf()),
    ] {
        let before = crate::util::walk(site.root());
        let output = elsewhere.path().join(name);
        std::os::unix::fs::symlink(&target, sibling(&output, "builds")).unwrap();
        let (code, message) = watch_that_exits(site.root(), &output);
        assert_eq!(code, Some(2), "{message}");
        assert!(message.contains("keeps its builds in"), "{message}");
        assert_eq!(
            crate::util::walk(site.root()),
            before,
            "{name}: nothing written"
        );
        assert!(!output.exists(), "{name}");
    }
}

#[test]
fn the_status_file_never_claims_success_for_a_failed_attempt() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    let before = status(&output).unwrap();
    // A status file's temporary file that cannot be made: a folder in its
    // place (a link there is removed, never written through).
    let temporary = PathBuf::from(format!("{}.status.json.tmp", output.display()));
    std::fs::create_dir_all(temporary.join("in-the-way")).unwrap();
    site.write("content/about.kk.md", "---\ntitle: [сынған\n---\nМәтін.\n");
    watch.wait_for_output("the status file error", |t| {
        t.contains("cannot write the status file")
    });
    match status(&output) {
        None => {}
        Some(after) => {
            assert_eq!(after["ok"], false, "{after}");
            assert!(after["last_attempt"].is_string(), "{after}");
            assert_eq!(after["last_success"], before["last_success"], "{after}");
        }
    }
    // With the way clear, the status is whole and true to the next attempt.
    std::fs::remove_dir_all(&temporary).unwrap();
    site.write(
        "content/about.kk.md",
        "---\ntitle: Түзетілді\n---\nМәтін.\n",
    );
    let fixed = wait_until("an ok status", || {
        status(&output).filter(|s| s["ok"] == true)
    });
    assert!(fixed["duration_ms"].is_u64(), "{fixed}");
    assert!(
        read(&output, "kk/about/index.html")
            .unwrap()
            .contains("Түзетілді")
    );
}

#[test]
fn a_removed_file_link_or_builds_folder_is_published_again_without_a_change() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    let repairs = |n: usize| {
        watch.wait_for_output(&format!("repair {n}"), |t| {
            t.matches("building the whole site again").count() >= n
        });
    };
    // A published file removed by hand.
    let build = std::fs::canonicalize(&output).unwrap();
    std::fs::remove_file(build.join("kk/about/index.html")).unwrap();
    repairs(1);
    wait_until("the removed page back", || {
        read(&output, "kk/about/index.html")
    });
    assert_same_as_a_full_build(&site, &output, &watch);
    // The output link removed.
    std::fs::remove_file(&output).unwrap();
    repairs(2);
    wait_until("the link back", || read(&output, "ru/about/index.html"));
    // The whole builds folder removed.
    // Moved away in one step, then deleted: a deletion that the rebuild
    // could overtake would delete the rebuilt folder's files as well. Moved
    // out of the site: a folder new at its top is built for as an edit,
    // which would repair the site before the watcher saw the damage.
    // A write of the watcher's begun before the move may still land in
    // the moved folder (a search index publish, the next build's folder
    // made ready), so its deletion is tried again until it is whole.
    let gone = sibling(site.root(), "gone");
    std::fs::rename(sibling(&output, "builds"), &gone).unwrap();
    wait_until("the moved builds folder deleted", || {
        std::fs::remove_dir_all(&gone).ok()
    });
    repairs(3);
    wait_until("the builds back", || read(&output, "kk/index.html"));
    assert_same_as_a_full_build(&site, &output, &watch);
    // Edits still publish as before.
    site.write(
        "content/about.ru.md",
        "---\ntitle: После починки\n---\nТекст.\n",
    );
    wait_until("the edit", || {
        read(&output, "ru/about/index.html").filter(|h| h.contains("После починки"))
    });
    // The search index follows the edit once the watcher is quiet.
    if cfg!(feature = "search") {
        watch.wait_for_output("the search index", |t| {
            t.rsplit("\nbuilt ")
                .next()
                .is_some_and(|after| after.contains("\nsearch index of "))
        });
    }
    assert_same_as_a_full_build(&site, &output, &watch);
    // Files removed by hand from the build after the edit (and its search
    // index), which the watcher knows from the first build's files and
    // what each publish since changed, not from listing it again: one the
    // edit wrote, and one carried over from the first build.
    let build = std::fs::canonicalize(&output).unwrap();
    for removed in ["ru/about/index.html", "kk/index.html"] {
        std::fs::remove_file(build.join(removed)).unwrap();
    }
    repairs(4);
    wait_until("the removed pages back", || {
        read(&output, "ru/about/index.html")
            .filter(|h| h.contains("После починки"))
            .and(read(&output, "kk/index.html"))
    });
    assert_same_as_a_full_build(&site, &output, &watch);
}

/// A file a user puts into the published site by hand (a `CNAME`, a
/// verification file) is neither hidden by the next publish nor deleted
/// by a later one: each is refused, naming it, and the site stays as it
/// was, whether the next publish is of pages, of the search index, or of
/// a `watch` started again. Once the file is gone, the next publish has
/// every edit made meanwhile. Put into `static/`, it is published.
#[test]
fn a_file_put_into_the_published_site_is_neither_hidden_nor_deleted() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    // Written into the build the link leads to now: a publish of the
    // search index may switch the link meanwhile, and the file is then in
    // the build folder the next build starts from, which refuses it too.
    let theirs = std::fs::canonicalize(&output)
        .unwrap()
        .join("google1234.html");
    let refusal = "aqparat did not make what is at its top: google1234.html";
    let page = |rel: &str, text: &str| {
        wait_until(&format!("{rel} with {text}"), || {
            read(&output, rel).filter(|html| html.contains(text))
        })
    };
    std::fs::write(&theirs, "verification").unwrap();
    site.save(
        "content/about.ru.md",
        "---\ntitle: Новое название\n---\nТекст.\n",
    );
    let said = watch.wait_for_output("the refusal", |t| t.contains(refusal));
    let failed = wait_until("a failed status", || {
        status(&output).filter(|s| s["ok"] == false)
    });
    assert!(
        failed["errors"].to_string().contains("google1234.html"),
        "{failed}"
    );
    assert!(said.contains("static/"), "{said}");
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "verification");
    assert!(
        read(&output, "ru/about/index.html")
            .unwrap()
            .contains("О нас")
    );
    // Gone, and another page edited at once: the edit refused before is
    // published with it, on every page that shows its title.
    std::fs::remove_file(&theirs).unwrap();
    site.save(
        "content/about.kk.md",
        "---\ntitle: Жаңа атауы\n---\nМәтін.\n",
    );
    page("kk/about/index.html", "Жаңа атауы");
    page("ru/about/index.html", "Новое название");
    let published = std::fs::canonicalize(&output).unwrap();
    for file in crate::util::walk(&published) {
        let text = std::fs::read_to_string(published.join(&file)).unwrap_or_default();
        assert!(
            !text.contains("О нас"),
            "{} shows the old title",
            file.display()
        );
    }
    wait_until("an ok status", || {
        status(&output).filter(|s| s["ok"] == true)
    });
}

/// `watch` of `site` into `published`, without search (whose index,
/// published later, would switch the link), once its other build folder
/// is brought up to the published build, as it is when `watch` is idle:
/// the watch, its output and that folder.
fn watch_until_idle(site: &TestSite) -> (Running, PathBuf, PathBuf) {
    site.add_to_config("search: false");
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    let other = other_build_folder(&output);
    wait_until("the other build folder", || {
        (other.join(".aqparat-output").is_file() && !other.join(".aqparat-not-previous").exists())
            .then_some(())
    });
    (watch, output, other)
}

/// A file in the build folder that is not published (written there, or
/// through the link just as a publish switched it) is not taken for the
/// next build's, published, then deleted: that build is refused, naming
/// it, and the file kept. Once it is gone, `watch` publishes by itself,
/// with the edit it refused, though nothing changed since.
#[test]
fn a_file_in_the_build_folder_not_published_is_neither_published_nor_deleted() {
    let site = TestSite::fixture("basic");
    let (_watch, output, other) = watch_until_idle(&site);
    let theirs = other.join("CNAME");
    std::fs::write(&theirs, "example.org").unwrap();
    site.save(
        "content/about.ru.md",
        "---\ntitle: Новое название\n---\nТекст.\n",
    );
    let failed = wait_until("a failed status", || {
        status(&output).filter(|s| s["ok"] == false)
    });
    let errors = failed["errors"].to_string();
    assert!(
        errors.contains("CNAME") && errors.contains("builds"),
        "{failed}"
    );
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "example.org");
    let about = read(&output, "ru/about/index.html").unwrap();
    assert!(about.contains("О нас"), "the site stays as it was");
    std::fs::remove_file(&theirs).unwrap();
    wait_until("the refused edit, published by itself", || {
        read(&output, "ru/about/index.html").filter(|html| html.contains("Новое название"))
    });
    wait_until("an ok status", || {
        status(&output).filter(|s| s["ok"] == true)
    });
    let published = std::fs::canonicalize(&output).unwrap();
    assert!(!published.join("CNAME").exists());
}

/// A file put into either build folder while `watch` is idle is told
/// within seconds, in the log and the status file, not at the next edit,
/// whose publish it would stop; once it is gone, the status is ok again.
#[test]
fn a_file_put_into_a_build_folder_while_watch_is_idle_is_told_at_once() {
    let site = TestSite::fixture("basic");
    let (watch, output, other) = watch_until_idle(&site);
    let published = std::fs::canonicalize(&output).unwrap();
    for (folder, name) in [(&published, "CNAME"), (&other, "notes.txt")] {
        let theirs = folder.join(name);
        std::fs::write(&theirs, "theirs").unwrap();
        let failed = wait_until("a failed status", || {
            status(&output).filter(|s| s["ok"] == false)
        });
        assert!(failed["errors"].to_string().contains(name), "{failed}");
        watch.wait_for_output("the refusal", |t| t.contains(name));
        assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "theirs");
        std::fs::remove_file(&theirs).unwrap();
        wait_until("an ok status", || {
            status(&output).filter(|s| s["ok"] == true)
        });
    }
    assert_eq!(std::fs::canonicalize(&output).unwrap(), published);
}

/// `watch` started again over a published build that holds a file of the
/// user's at its top is refused, naming it, before anything is written;
/// the file moved into `static/`, it is published as the site's. The
/// stamp names what each publish holds, the search index's too.
#[test]
fn watch_started_over_a_users_file_in_its_published_site_is_refused() {
    let site = TestSite::fixture("basic");
    let output = site.root().join("published");
    let watch = watch(site.root(), &output, &[]);
    assert!(watch.terminate().is_some());
    let theirs = output.join("google1234.html");
    std::fs::write(&theirs, "verification").unwrap();
    let again = crate::util::start_watch(site.root(), &output, &[], &[]);
    let (code, said) = again.exit_code_and_output();
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("google1234.html"), "{said}");
    assert_eq!(read(&output, "google1234.html").unwrap(), "verification");
    // Moved into the site's static files, it is published as the site's.
    // (The status of the watch before says ok: waited for the file.)
    std::fs::remove_file(&theirs).unwrap();
    site.write("static/google1234.html", "from static");
    let watch = crate::util::watch(site.root(), &output, &[]);
    let published = wait_until("the static file", || {
        read(&output, "google1234.html").filter(|text| text == "from static")
    });
    assert_eq!(published, "from static");
    // The stamp names what each publish holds, the search index's too: a
    // copy of the published site is aqparat's to build into.
    site.write("static/robots-extra.txt", "new at the top");
    wait_until("the new file", || read(&output, "robots-extra.txt"));
    crate::util::wait_for_search_index(&watch);
    let copy = tempfile::TempDir::new().unwrap();
    let copied = copy.path().join("site");
    crate::util::copy_dir(&std::fs::canonicalize(&output).unwrap(), &copied);
    let run = site.run(&["build", "--output", copied.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}
