//! Residents' side, in a real browser: Debian's Chromium, driven through
//! chromedriver (fantoccini), against the example site as nginx serves it
//! with `deploy/nginx.conf`.
//!
//! Without Chromium, chromedriver or nginx these tests say they are skipped
//! and how to install them; `.ci/run` installs them and sets
//! `AQPARAT_BROWSER_TESTS=required`, which turns a skip into a failure.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use fantoccini::{Client, ClientBuilder, Locator};

use crate::util::{TestSite, repo, wait_until};

const INSTALL: &str = "apt-get install chromium chromium-driver nginx";

/// Whether the browser tests can run here; panics when they must but cannot.
fn available() -> bool {
    let missing: Vec<&str> = [
        "/usr/bin/chromium",
        "/usr/bin/chromedriver",
        "/usr/sbin/nginx",
    ]
    .into_iter()
    .filter(|p| !Path::new(p).exists())
    .collect();
    if missing.is_empty() {
        return true;
    }
    let required = std::env::var("AQPARAT_BROWSER_TESTS").is_ok_and(|v| v == "required");
    assert!(
        !required,
        "browser tests are required but {missing:?} are missing: {INSTALL}"
    );
    eprintln!("SKIPPED: browser tests need {missing:?}; to run them: {INSTALL}");
    false
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A child process killed when dropped.
struct Process(Child);

impl Drop for Process {
    /// SIGTERM first, so that a server stops its own children.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.0.id().to_string())
            .status();
        for _ in 0..100 {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The example site, built for `http://127.0.0.1:PORT/` and served by nginx
/// with the configuration the deployment uses.
struct Served {
    _site: TestSite,
    _nginx: Process,
    url: String,
}

fn serve_example() -> Served {
    let site = TestSite::example();
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let run = site.run(&["build", "--base-url", &format!("{url}/")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let prefix = site.root().join("nginx");
    std::fs::create_dir_all(prefix.join("logs")).unwrap();
    let server = std::fs::read_to_string(repo().join("deploy/nginx.conf"))
        .unwrap()
        .replace("listen 80;", &format!("listen 127.0.0.1:{port};"))
        .replace("listen [::]:80;", "")
        .replace("/srv/aqparat/public", &site.public().display().to_string());
    let config = format!(
        "daemon off;\nmaster_process off;\npid {pid};\nerror_log {log};\nevents {{}}\nhttp {{\ninclude /etc/nginx/mime.types;\naccess_log off;\n{server}\n}}\n",
        pid = prefix.join("nginx.pid").display(),
        log = prefix.join("logs/error.log").display(),
    );
    let config_path = prefix.join("nginx.conf");
    std::fs::write(&config_path, config).unwrap();
    let nginx = Command::new("/usr/sbin/nginx")
        .arg("-p")
        .arg(&prefix)
        .arg("-c")
        .arg(&config_path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_until("nginx to answer", || {
        ureq::get(&format!("{url}/")).call().ok()
    });
    Served {
        _site: site,
        _nginx: Process(nginx),
        url,
    }
}

/// A headless Chromium session through a fresh chromedriver.
struct Browser {
    client: Client,
    _driver: Process,
    _profile: tempfile::TempDir,
}

async fn browser(javascript: bool) -> Browser {
    let port = free_port();
    let driver = Command::new("/usr/bin/chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let driver = Process(driver);
    let webdriver = format!("http://127.0.0.1:{port}");
    wait_until("chromedriver to answer", || {
        ureq::get(&format!("{webdriver}/status")).call().ok()
    });
    let profile = tempfile::tempdir().unwrap();
    let mut args = vec![
        "--headless".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--no-first-run".into(),
        "--window-size=360,740".into(),
        format!("--user-data-dir={}", profile.path().display()),
    ];
    if !javascript {
        args.push("--blink-settings=scriptEnabled=false".into());
    }
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({ "binary": "/usr/bin/chromium", "args": args }),
    );
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&webdriver)
        .await
        .expect("a Chromium session");
    Browser {
        client,
        _driver: driver,
        _profile: profile,
    }
}

async fn path_of(client: &Client) -> String {
    client.current_url().await.unwrap().path().to_string()
}

/// Clicks the link `selector` and waits until the browser is at `path`.
async fn follow(client: &Client, selector: &str, path: &str) {
    client
        .find(Locator::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector}: {e}"))
        .click()
        .await
        .unwrap();
    for _ in 0..200 {
        if path_of(client).await == path {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!(
        "after clicking {selector} the browser is at {}, not {path}",
        path_of(client).await
    );
}

/// `/` → Қазақша → the rules section → a rules page → Русский: the Russian
/// translation of the same page; back returns to the Kazakh page.
async fn walk_through_languages(javascript: bool) {
    let served = serve_example();
    let browser = browser(javascript).await;
    let client = &browser.client;
    client.goto(&format!("{}/", served.url)).await.unwrap();
    follow(client, "main a[hreflang=\"kk\"]", "/kk/").await;
    follow(client, "a[href=\"/kk/rules/\"]", "/kk/rules/").await;
    follow(
        client,
        "main a[href=\"/kk/rules/protection/\"]",
        "/kk/rules/protection/",
    )
    .await;
    let kk = client.source().await.unwrap();
    assert!(kk.contains("<html lang=\"kk\""));
    follow(client, "a[hreflang=\"ru\"]", "/ru/rules/protection/").await;
    let ru = client.source().await.unwrap();
    assert!(ru.contains("<html lang=\"ru\""));
    client.back().await.unwrap();
    for _ in 0..200 {
        if path_of(client).await == "/kk/rules/protection/" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        path_of(client).await,
        "/kk/rules/protection/",
        "back returns to the Kazakh page"
    );
    browser.client.clone().close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_switches_language_on_a_rules_page() {
    if available() {
        walk_through_languages(true).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_walk_works_without_javascript() {
    if available() {
        walk_through_languages(false).await;
    }
}
