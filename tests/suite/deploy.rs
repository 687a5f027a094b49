//! Publishing by `git push` through `deploy/pre-receive` and
//! `deploy/post-receive`: a push to `main` with errors is refused with
//! every message shown to the person who pushed and the server's `main`
//! unchanged; warnings are shown and the push accepted; other branches and
//! deletions pass unchecked; the hook's temporary checkout is always
//! removed.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

use crate::util::{
    TestSite, commit_site, git, read, repo, wait_for_page, wait_until, watch,
    watch_status as status,
};

/// The server: a bare repository with hooks from `deploy/`, the working
/// tree post-receive checks `main` out into, and the folder the hooks are
/// given as `TMPDIR` (to see that they leave nothing in it).
struct Server {
    scratch: TempDir,
    /// What the hooks' environment gets besides `TMPDIR` and
    /// `AQPARAT_WORK_TREE`.
    env: Vec<(&'static str, OsString)>,
}

impl Server {
    /// A server with the hooks `hooks` (file names in `deploy/`).
    fn new(hooks: &[&str], env: Vec<(&'static str, OsString)>) -> Server {
        let server = Server {
            scratch: tempfile::Builder::new()
                .prefix("aqparat-server")
                .tempdir()
                .unwrap(),
            env,
        };
        std::fs::create_dir_all(server.work_tree()).unwrap();
        std::fs::create_dir_all(server.tmp()).unwrap();
        git(
            server.scratch.path(),
            &[
                "init",
                "--bare",
                "-b",
                "main",
                server.bare().to_str().unwrap(),
            ],
        );
        for hook in hooks {
            // fs::copy keeps the executable bit of the file in deploy/.
            std::fs::copy(
                repo().join("deploy").join(hook),
                server.bare().join("hooks").join(hook),
            )
            .unwrap();
        }
        server
    }

    fn bare(&self) -> PathBuf {
        self.scratch.path().join("site.git")
    }

    fn work_tree(&self) -> PathBuf {
        self.scratch.path().join("work-tree")
    }

    fn tmp(&self) -> PathBuf {
        self.scratch.path().join("tmp")
    }

    fn output(&self) -> PathBuf {
        self.scratch.path().join("public")
    }

    /// The commit of `branch` on the server, if it has the branch.
    fn branch(&self, branch: &str) -> Option<String> {
        let out = Command::new("git")
            .args(["rev-parse", "--verify", "--quiet"])
            .arg(format!("refs/heads/{branch}"))
            .current_dir(self.bare())
            .output()
            .unwrap();
        out.status
            .success()
            .then(|| String::from_utf8(out.stdout).unwrap().trim().to_string())
    }

    /// A staff member's clone: the `basic` fixture with the translation it
    /// lacks (so it has no warning of its own), committed on `main`, with
    /// the server as `origin`.
    fn clone(&self) -> TestSite {
        let site = TestSite::fixture("basic");
        site.write(
            "content/rules/third.ru.md",
            "---\ntitle: Третье правило\ndate: 2020-04-04\nweight: 30\n---\nТекст.\n",
        );
        let clone = site.root();
        commit_site(clone);
        git(
            clone,
            &["remote", "add", "origin", self.bare().to_str().unwrap()],
        );
        site
    }

    /// `git push origin REFSPECS…` from `clone`: whether git accepted it,
    /// and what git printed (the hooks' output comes as `remote:` lines).
    /// The hooks leave nothing in their temporary folder, whatever the
    /// outcome.
    fn push(&self, clone: &TestSite, refspecs: &[&str]) -> (bool, String) {
        let out = Command::new("git")
            .arg("push")
            .arg("origin")
            .args(refspecs)
            .env("AQPARAT_WORK_TREE", self.work_tree())
            .env("TMPDIR", self.tmp())
            .env_remove("AQPARAT_BIN")
            .env_remove("AQPARAT_BRANCH")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .current_dir(clone.root())
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let left: Vec<_> = std::fs::read_dir(self.tmp())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(left.is_empty(), "the hooks left {left:?}:\n{text}");
        assert!(!text.contains("panicked"), "{text}");
        (out.status.success(), text)
    }
}

/// The environment that has the hook run the binary under test.
fn aqparat_bin() -> Vec<(&'static str, OsString)> {
    vec![
        ("AQPARAT_BIN", env!("CARGO_BIN_EXE_aqparat").into()),
        ("AQPARAT_LANG", "en".into()),
    ]
}

#[test]
fn a_push_with_errors_is_refused_with_its_messages_and_the_fix_is_published() {
    let server = Server::new(&["pre-receive", "post-receive"], aqparat_bin());
    let site = server.clone();
    let clone = site.root();
    let output = server.output();

    // A good site: checked, accepted, checked out, published.
    let (ok, text) = server.push(&site, &["main"]);
    assert!(ok, "{text}");
    assert!(
        text.contains("remote: aqparat: checking ") && text.contains(": no errors, "),
        "{text}"
    );
    assert!(!text.contains("warning: no translation"), "{text}");
    assert!(server.work_tree().join("site.yaml").is_file(), "{text}");
    let _watch = watch(&server.work_tree(), &output, &[]);
    let good = git(clone, &["rev-parse", "HEAD"]);
    let good_page = read(&output, "kk/about/index.html").unwrap();

    // A broken page: refused, with the message, its source line and its
    // hint; nothing changes on the server.
    site.write("content/about.kk.md", "---\ntitle: [сынған\n---\nМәтін.\n");
    git(clone, &["commit", "-am", "broken YAML"]);
    let broken = git(clone, &["rev-parse", "HEAD"]);
    let (ok, text) = server.push(&site, &["main"]);
    assert!(!ok, "a push with errors is refused:\n{text}");
    assert!(
        text.contains("remote: content/about.kk.md:2:8: error: "),
        "{text}"
    );
    assert!(text.contains("remote:  2 | title: [сынған"), "{text}");
    assert!(text.contains("remote:   = help: "), "{text}");
    assert!(text.contains("remote: check failed: 1 error"), "{text}");
    assert!(
        text.contains("to main refused: the site has errors")
            && text.contains("pre-receive hook declined"),
        "{text}"
    );
    assert_eq!(
        server.branch("main"),
        Some(good.clone()),
        "main is unchanged"
    );
    assert!(
        std::fs::read_to_string(server.work_tree().join("content/about.kk.md"))
            .unwrap()
            .starts_with("---\ntitle: "),
        "post-receive did not run"
    );
    assert!(!text.contains("remote: aqparat: checked out"), "{text}");
    assert_eq!(status(&output).unwrap()["ok"], true);
    assert_eq!(read(&output, "kk/about/index.html").unwrap(), good_page);

    // Another branch is not checked: a draft may be broken.
    let (ok, text) = server.push(&site, &["HEAD:refs/heads/work"]);
    assert!(ok, "{text}");
    assert!(!text.contains("aqparat: checking"), "{text}");
    assert_eq!(server.branch("work"), Some(broken));

    // A tag named as the branch, on the good commit, is not the branch;
    // a file put into the working tree by hand is not the site.
    git(clone, &["tag", "main", &good]);
    let (ok, text) = server.push(&site, &["refs/tags/main"]);
    assert!(ok, "{text}");
    let stray = server.work_tree().join("content/stray.kk.md");
    std::fs::write(&stray, "---\ntitle: Қолмен\n---\n").unwrap();

    // The fix, pushed with the draft branch's deletion: both refs go
    // through the hook; main is checked and published.
    site.write(
        "content/about.kk.md",
        "---\ntitle: Түзетілді\n---\nМәтін.\n",
    );
    git(clone, &["commit", "-am", "fix"]);
    let fixed = git(clone, &["rev-parse", "HEAD"]);
    let (ok, text) = server.push(&site, &["refs/heads/main", ":work"]);
    assert!(ok, "{text}");
    assert_eq!(
        text.matches("remote: aqparat: checking ").count(),
        1,
        "{text}"
    );
    assert_eq!(server.branch("main"), Some(fixed.clone()));
    assert_eq!(server.branch("work"), None);
    wait_for_page(&output, "kk/about/index.html", "Түзетілді");
    // The working tree is a clone at the commit pushed, with its history,
    // which the changes page and `dates: git` read.
    assert_eq!(git(&server.work_tree(), &["rev-parse", "HEAD"]), fixed);
    assert!(!stray.exists(), "a file put there by hand is removed");
    let history = git(&server.work_tree(), &["rev-list", "--count", "HEAD"]);
    assert_eq!(history, git(clone, &["rev-list", "--count", "HEAD"]));
    wait_until("an ok status", || {
        status(&output).filter(|s| s["ok"] == true)
    });

    // Warnings only: shown, and the push accepted and published.
    git(clone, &["rm", "-q", "content/rules/third.ru.md"]);
    git(clone, &["commit", "-m", "no Russian third rule"]);
    let warned = git(clone, &["rev-parse", "HEAD"]);
    let (ok, text) = server.push(&site, &["refs/heads/main"]);
    assert!(ok, "a push with warnings only is accepted:\n{text}");
    assert!(
        text.contains("remote: content/rules/third.kk.md:1:1: warning: no translation into `ru`"),
        "{text}"
    );
    assert!(text.contains(": no errors, "), "{text}");
    assert_eq!(server.branch("main"), Some(warned));
    wait_for_page(&output, "kk/rules/third/index.html", "class=\"missing\"");
}

#[test]
fn only_the_published_branch_is_checked_and_deleting_it_is_allowed() {
    // The binary found on the PATH (the hook's default), and a published
    // branch other than main.
    let bin = Path::new(env!("CARGO_BIN_EXE_aqparat")).parent().unwrap();
    let path = std::env::join_paths(
        std::iter::once(bin.to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let server = Server::new(
        &["pre-receive", "post-receive"],
        vec![("PATH", path), ("AQPARAT_BRANCH", "release".into())],
    );
    let site = server.clone();
    let clone = site.root();

    let (ok, text) = server.push(&site, &["main:release"]);
    assert!(ok && text.contains("remote: aqparat: checking "), "{text}");
    let good = git(clone, &["rev-parse", "HEAD"]);

    site.write("content/about.ru.md", "---\ntitle: \"\"\n---\nТекст.\n");
    git(clone, &["commit", "-am", "an empty title"]);
    let (ok, text) = server.push(&site, &["main"]);
    assert!(ok, "main is not the published branch here:\n{text}");
    assert!(!text.contains("aqparat: checking"), "{text}");

    let (ok, text) = server.push(&site, &["main:release"]);
    assert!(!ok, "{text}");
    assert!(text.contains("remote: content/about.ru.md:2:"), "{text}");
    assert_eq!(server.branch("release"), Some(good.clone()));

    let (ok, text) = server.push(&site, &[":release"]);
    assert!(ok, "deleting the published branch is allowed:\n{text}");
    assert!(
        text.contains("remote: aqparat: refs/heads/release deleted; nothing to check"),
        "{text}"
    );
    assert!(
        text.contains("remote: aqparat: release deleted; the published site is left as it was"),
        "{text}"
    );
    assert_eq!(server.branch("release"), None);
    assert_eq!(git(&server.work_tree(), &["rev-parse", "HEAD"]), good);
}

#[test]
fn a_push_is_refused_when_aqparat_cannot_run() {
    let missing = tempfile::tempdir().unwrap();
    let server = Server::new(
        &["pre-receive"],
        vec![("AQPARAT_BIN", missing.path().join("aqparat").into())],
    );
    let site = server.clone();
    let (ok, text) = server.push(&site, &["main"]);
    assert!(!ok, "{text}");
    assert!(
        text.contains("check` could not run (exit code 127)"),
        "{text}"
    );
    assert_eq!(server.branch("main"), None);
}
