//! `deploy/publish-s3.sh` end to end against moto's S3 server on
//! 127.0.0.1 with the AWS CLI (both from `tests/s3/.venv`, else the PATH):
//! the example site published, then edited (a page changed, one deleted)
//! and published again. Every file of the build is an object with the
//! Content-Type and Cache-Control the script gives its kind; an old address
//! (`aliases:`) is a website redirect; the deleted page's objects are gone
//! and the edited page's changed. A wrapper `aws` before the real one
//! records, after each of the script's calls, the bucket's listing: at no
//! moment is a page the new build changed there before every other file of
//! the new build, nor an object of the old build gone before the last call.

use std::collections::BTreeMap;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::util::{TestSite, repo, wait_until, walk};

/// The bucket the site is published to.
const BUCKET: &str = "aqparat-site";

/// The AWS CLI and moto's server, from `tests/s3/.venv`, else the PATH;
/// `None`, said, when either is missing, or a failure when
/// `AQPARAT_S3_TESTS=required` (set by `.ci/run`).
fn tools() -> Option<(PathBuf, PathBuf)> {
    let venv = repo().join("tests/s3/.venv/bin");
    // Absolute paths: the wrapper `aws` that `publish` puts first on the
    // PATH calls the real one by its path, not by its name.
    let on_path = |name: &str| {
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .map(|dir| dir.join(name))
            .find(|path| path.is_file())
    };
    let find = |name: &str, probe: &str| {
        std::iter::once(venv.join(name))
            .chain(on_path(name))
            .find(|c| {
                Command::new(c)
                    .arg(probe)
                    .output()
                    .is_ok_and(|o| o.status.success())
            })
    };
    let found = find("aws", "--version").zip(find("moto_server", "--help"));
    if found.is_none() {
        let install = "python3 -m venv tests/s3/.venv && tests/s3/.venv/bin/pip install -r tests/s3/requirements.txt";
        let required = std::env::var("AQPARAT_S3_TESTS").is_ok_and(|v| v == "required");
        assert!(
            !required,
            "the AWS CLI and moto's server are required but missing: {install}"
        );
        eprintln!("SKIPPED: this test needs the AWS CLI and moto's server; to run it: {install}");
    }
    found
}

/// moto's server on a free port of 127.0.0.1, stopped when dropped.
struct Moto {
    child: Child,
    endpoint: String,
}

impl Moto {
    fn start(moto_server: &Path) -> Moto {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(moto_server)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let moto = Moto {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
        };
        wait_until("moto's server to listen", || {
            TcpStream::connect(("127.0.0.1", port)).ok()
        });
        moto
    }

    /// The address of `key` in the bucket (path-style).
    fn object(&self, key: &str) -> String {
        format!("{}/{BUCKET}/{key}", self.endpoint)
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The objects of a listing: key → ETag.
type Listing = BTreeMap<String, String>;

/// Parses a ListObjectsV2 answer.
fn listing(xml: &str) -> Listing {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}: {xml}"));
    let text = |node: roxmltree::Node, name: &str| {
        node.children()
            .find(|c| c.tag_name().name() == name)
            .and_then(|c| c.text())
            .unwrap_or_default()
            .to_string()
    };
    let truncated = doc
        .descendants()
        .any(|n| n.has_tag_name("IsTruncated") && n.text() == Some("true"));
    assert!(!truncated, "more than one page of objects");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "Contents")
        .map(|n| (text(n, "Key"), text(n, "ETag")))
        .collect()
}

/// What one run of the script did: its calls of `aws` (and the CDN purge)
/// in order, and the bucket after each call of `aws`.
struct Publish {
    calls: Vec<String>,
    states: Vec<Listing>,
}

/// Runs `deploy/publish-s3.sh public BUCKET` for `site` against `moto`,
/// through a wrapper `aws` that records each call and the bucket after it.
fn publish(site: &TestSite, moto: &Moto, aws: &Path) -> Publish {
    let log = tempfile::tempdir().unwrap();
    let bin = log.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let wrapper = bin.join("aws");
    std::fs::write(
        &wrapper,
        r#"#!/bin/sh
# The real aws, then the bucket's listing after it.
printf '%s\n' "$*" >>"$S3_LOG/calls"
status=0
"$REAL_AWS" "$@" || status=$?
n=$(wc -l <"$S3_LOG/calls")
python3 -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())' \
    "$S3_LIST_URL" >"$S3_LOG/state-$n.xml"
exit $status
"#,
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = std::env::var("PATH").unwrap_or_default();
    let output = Command::new("sh")
        .arg(repo().join("deploy/publish-s3.sh"))
        .arg(site.public())
        .arg(BUCKET)
        .env("PATH", format!("{}:{path}", bin.display()))
        .env("REAL_AWS", aws)
        .env("S3_LOG", log.path())
        .env(
            "S3_LIST_URL",
            format!("{}/{BUCKET}?list-type=2", moto.endpoint),
        )
        .env("CDN_INVALIDATE", r#"echo purge >>"$S3_LOG/calls""#)
        .env("AWS_ENDPOINT_URL", &moto.endpoint)
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_CONFIG_FILE", log.path().join("none"))
        .env("AWS_SHARED_CREDENTIALS_FILE", log.path().join("none"))
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "publish-s3.sh failed:\n{stderr}");
    assert!(stderr.trim().is_empty(), "it printed:\n{stderr}");
    let calls: Vec<String> = std::fs::read_to_string(log.path().join("calls"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let states = (1..calls.len())
        .map(|n| {
            listing(&std::fs::read_to_string(log.path().join(format!("state-{n}.xml"))).unwrap())
        })
        .collect();
    Publish { calls, states }
}

/// The files of the build as object keys (aqparat's hidden files are not
/// published).
fn files(site: &TestSite) -> Vec<String> {
    let public = site.public();
    walk(&public)
        .iter()
        .map(|f| f.strip_prefix(&public).unwrap().display().to_string())
        .filter(|key| !key.split('/').any(|part| part.starts_with('.')))
        .collect()
}

/// The Content-Type and Cache-Control the script gives `key`.
fn headers(key: &str) -> (&'static str, &'static str) {
    const HOUR: &str = "public, max-age=3600, must-revalidate";
    let extension = key.rsplit('.').next().unwrap_or("");
    if key.starts_with("pagefind/") {
        return match extension {
            e if e.starts_with("pf_") => (
                "application/octet-stream",
                "public, max-age=31536000, immutable",
            ),
            "js" => ("text/javascript; charset=utf-8", "no-cache"),
            "json" => ("application/json", "no-cache"),
            "pagefind" => ("application/octet-stream", "no-cache"),
            _ => panic!("a file of the search index the script does not know: {key}"),
        };
    }
    if key == "sw.js" {
        return ("text/javascript; charset=utf-8", "no-cache");
    }
    match extension {
        "html" => ("text/html; charset=utf-8", "no-cache"),
        "xml" if key.ends_with("atom.xml") => ("application/atom+xml; charset=utf-8", "no-cache"),
        "xml" => ("application/xml; charset=utf-8", "no-cache"),
        "css" => ("text/css; charset=utf-8", HOUR),
        "js" => ("text/javascript; charset=utf-8", HOUR),
        "json" => ("application/json", HOUR),
        "csv" => ("text/csv; charset=utf-8", HOUR),
        "txt" => ("text/plain; charset=utf-8", HOUR),
        "svg" => ("image/svg+xml", HOUR),
        "png" => ("image/png", HOUR),
        "xlsx" => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            HOUR,
        ),
        _ => panic!("a kind of file the script does not know: {key}"),
    }
}

/// An `Authorization` header moto takes (it checks no signature, but
/// answers only signed requests for objects).
const SIGNED: &str = "AWS4-HMAC-SHA256 Credential=testing/20200101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0";

/// A header of the object `key`.
fn header(moto: &Moto, key: &str, name: &str) -> Option<String> {
    let response = (ureq::head(&moto.object(key)).header("authorization", SIGNED))
        .call()
        .unwrap();
    let value = response.headers().get(name)?;
    Some(value.to_str().unwrap().to_string())
}

/// At every moment of `run`, a page (`.html`) that `before` does not have
/// as it is at the end is there only with every other object of the end
/// as it is at the end; and every object of `before` stays until the last
/// call, which deletes what the end does not have.
fn assert_nothing_missing_between_steps(run: &Publish, before: &Listing) {
    let end = run.states.last().unwrap();
    let is_page = |key: &str| key.ends_with(".html");
    for (n, state) in run.states.iter().enumerate() {
        let call = &run.calls[n];
        let new_pages: Vec<&String> = state
            .iter()
            .filter(|(key, etag)| is_page(key) && before.get(*key) != Some(etag))
            .map(|(key, _)| key)
            .collect();
        if let Some(page) = new_pages.first() {
            for (key, etag) in end.iter().filter(|(key, _)| !is_page(key)) {
                assert_eq!(
                    state.get(key),
                    Some(etag),
                    "after `aws {call}` the new page {page} is published, but not {key} as the new build has it"
                );
            }
        }
        if n + 1 < run.states.len() {
            for key in before.keys() {
                assert!(state.contains_key(key), "after `aws {call}`, {key} is gone");
            }
        }
    }
}

#[test]
fn the_site_is_published_to_object_storage_and_republished_whole_at_every_moment() {
    let Some((aws, moto_server)) = tools() else {
        return;
    };
    let moto = Moto::start(&moto_server);
    ureq::put(&format!("{}/{BUCKET}", moto.endpoint))
        .send_empty()
        .unwrap();
    let site = TestSite::example_as_built();
    let page = "content/rules/protection.kk.md";
    let text = std::fs::read_to_string(site.root().join(page)).unwrap();
    site.write(
        page,
        text.replacen("---\n", "---\naliases: [/kk/old-protection/]\n", 1),
    );
    for lang in ["kk", "ru"] {
        site.write(
            &format!("content/rules/extra.{lang}.md"),
            "---\ntitle: Extra\ndate: 2020-04-03\n---\nA page to delete.\n",
        );
    }
    site.build();

    // The first publish.
    let first = publish(&site, &moto, &aws);
    assert_eq!(first.calls.last().map(String::as_str), Some("purge"));
    let published = first.states.last().unwrap().clone();
    let keys: Vec<&String> = published.keys().collect();
    let mut expected = files(&site);
    expected.sort();
    assert_eq!(
        keys,
        expected.iter().collect::<Vec<_>>(),
        "every file an object, no other"
    );
    assert_nothing_missing_between_steps(&first, &Listing::new());
    for key in published.keys() {
        let (content_type, cache) = headers(key);
        assert_eq!(
            header(&moto, key, "content-type").as_deref(),
            Some(content_type),
            "{key}"
        );
        assert_eq!(
            header(&moto, key, "cache-control").as_deref(),
            Some(cache),
            "{key}"
        );
    }
    let redirect = "x-amz-website-redirect-location";
    assert_eq!(
        header(&moto, "kk/old-protection/index.html", redirect).as_deref(),
        Some("/kk/rules/protection/")
    );
    assert_eq!(
        header(&moto, "kk/rules/protection/index.html", redirect),
        None
    );

    // A page edited, one deleted (both languages), built and published again.
    let edited = "content/rules/emergency.kk.md";
    let text = std::fs::read_to_string(site.root().join(edited)).unwrap();
    site.write(edited, format!("{text}\nЖаңа абзац: жаңартылған мәтін.\n"));
    for lang in ["kk", "ru"] {
        std::fs::remove_file(site.root().join(format!("content/rules/extra.{lang}.md"))).unwrap();
    }
    site.build();
    let second = publish(&site, &moto, &aws);
    assert_eq!(second.calls.last().map(String::as_str), Some("purge"));
    let republished = second.states.last().unwrap();
    let mut expected = files(&site);
    expected.sort();
    assert_eq!(
        republished.keys().collect::<Vec<_>>(),
        expected.iter().collect::<Vec<_>>()
    );
    assert!(published.contains_key("kk/rules/extra/index.html"));
    assert!(!republished.contains_key("kk/rules/extra/index.html"));
    let page = "kk/rules/emergency/index.html";
    assert_ne!(
        published.get(page),
        republished.get(page),
        "the edited page changed"
    );
    let body = (ureq::get(&moto.object(page)).header("authorization", SIGNED))
        .call()
        .unwrap()
        .into_body()
        .read_to_string()
        .unwrap();
    assert!(body.contains("жаңартылған мәтін"), "{body}");
    assert_nothing_missing_between_steps(&second, &published);
    // The deletions come last (before the CDN's purge), in one call.
    let deleting: Vec<usize> = (second.calls.iter().enumerate())
        .filter(|(_, call)| call.contains("--delete"))
        .map(|(n, _)| n)
        .collect();
    assert_eq!(deleting, [second.calls.len() - 2], "{:#?}", second.calls);
    assert_eq!(
        header(&moto, "kk/old-protection/index.html", redirect).as_deref(),
        Some("/kk/rules/protection/")
    );
}
