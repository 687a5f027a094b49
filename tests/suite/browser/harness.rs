//! What the browser tests share: the tools each needs (a test is skipped
//! without them, or fails under `AQPARAT_BROWSER_TESTS=required`), the
//! example site behind nginx, and a Chromium session with its console and
//! network logs.

use std::collections::HashMap;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value as Json, json};

use crate::util::{TestSite, percent_decode, repo, wait_until};

/// How a missing tool is installed.
#[derive(Clone, Copy)]
pub enum Install {
    /// A Debian package.
    Apt(&'static str),
    /// The npm packages pinned in `tests/browser/package.json`.
    Npm,
}

/// A tool a test needs: a file that must exist (absolute, or relative to
/// the repository) and how to get it.
#[derive(Clone, Copy)]
pub struct Need {
    path: &'static str,
    install: Install,
}

/// Debian's Chromium.
pub const CHROMIUM: Need = apt("/usr/bin/chromium", "chromium");
/// Chromium's WebDriver server.
pub const CHROMEDRIVER: Need = apt("/usr/bin/chromedriver", "chromium-driver");
/// The web server the deployment uses.
pub const NGINX: Need = apt("/usr/sbin/nginx", "nginx");
/// Java, for the Nu Html Checker.
pub const JAVA: Need = apt("/usr/bin/java", "default-jre-headless");
/// Page count and size of a PDF.
pub const PDFINFO: Need = apt("/usr/bin/pdfinfo", "poppler-utils");
/// The text of a PDF.
pub const PDFTOTEXT: Need = apt("/usr/bin/pdftotext", "poppler-utils");
/// A PDF's pages as images.
pub const PDFTOPPM: Need = apt("/usr/bin/pdftoppm", "poppler-utils");
/// Reads QR codes in images.
pub const ZBARIMG: Need = apt("/usr/bin/zbarimg", "zbar-tools");
/// axe-core, injected into pages.
pub const AXE: Need = npm("tests/browser/node_modules/axe-core/axe.min.js");
/// The Nu Html Checker.
pub const VNU: Need = npm("tests/browser/node_modules/vnu-jar/build/dist/vnu.jar");

/// What every test in a browser needs: Chromium, chromedriver, nginx.
pub const BROWSER: &[Need] = &[CHROMIUM, CHROMEDRIVER, NGINX];

/// A tool from a Debian package.
const fn apt(path: &'static str, package: &'static str) -> Need {
    Need {
        path,
        install: Install::Apt(package),
    }
}

/// A tool from the npm packages of `tests/browser`.
const fn npm(path: &'static str) -> Need {
    Need {
        path,
        install: Install::Npm,
    }
}

impl Need {
    /// Where the tool is.
    pub fn path(&self) -> PathBuf {
        repo().join(self.path)
    }
}

/// Whether the tools in `needs` are all here. If not, the test is skipped
/// (it says so, with the command that installs them), or fails when
/// `AQPARAT_BROWSER_TESTS=required`.
pub fn ready(needs: &[Need]) -> bool {
    let missing: Vec<&Need> = needs.iter().filter(|n| !n.path().exists()).collect();
    if missing.is_empty() {
        return true;
    }
    let mut apt: Vec<&str> = Vec::new();
    let mut npm = false;
    for need in &missing {
        match need.install {
            Install::Apt(package) if !apt.contains(&package) => apt.push(package),
            Install::Apt(_) => {}
            Install::Npm => npm = true,
        }
    }
    let mut commands = Vec::new();
    if !apt.is_empty() {
        commands.push(format!("apt-get install {}", apt.join(" ")));
    }
    if npm {
        commands.push("npm ci --prefix tests/browser".to_string());
    }
    let install = commands.join(" && ");
    let paths: Vec<&str> = missing.iter().map(|n| n.path).collect();
    let required = std::env::var("AQPARAT_BROWSER_TESTS").is_ok_and(|v| v == "required");
    assert!(
        !required,
        "browser tests are required but {paths:?} are missing: {install}"
    );
    eprintln!("SKIPPED: this browser test needs {paths:?}; to run it: {install}");
    false
}

/// A TCP port nobody listens on right now.
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
        crate::util::stop(&mut self.0);
    }
}

/// One page of each kind the site has, as the tests visit it.
pub struct Kind {
    /// Names the page in messages and screenshot files: `kk-rules-page`.
    pub name: &'static str,
    pub path: &'static str,
    /// The HTTP status of the document.
    pub status: u16,
}

/// The kinds of pages: the root, home pages, a section, a page, the
/// infographics, an organisation, a 404 and the index of all pages.
pub const KINDS: &[Kind] = &[
    kind("root", "/", 200),
    kind("kk-home", "/kk/", 200),
    kind("ru-home", "/ru/", 200),
    kind("kk-section", "/kk/rules/", 200),
    kind("kk-rules-page", "/kk/rules/protection/", 200),
    kind("kk-infographics", "/kk/infographics/", 200),
    kind("kk-organisation", "/kk/infographics/volunteer-hq/", 200),
    kind("kk-404", "/kk/no-such-page/", 404),
    kind("kk-pages", "/kk/pages/", 200),
];

/// A [`Kind`], briefly.
const fn kind(name: &'static str, path: &'static str, status: u16) -> Kind {
    Kind { name, path, status }
}

/// The example site, built for `http://127.0.0.1:PORT/` and served by nginx
/// with the configuration the deployment uses.
pub struct Served {
    site: TestSite,
    /// nginx, while it runs (see [`Served::stop`]).
    nginx: Option<Process>,
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub url: String,
}

impl Served {
    /// The absolute URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    /// Stops nginx: from now on the site's address refuses connections,
    /// as when the network is down.
    pub fn stop(&mut self) {
        self.nginx = None;
    }

    /// Starts nginx again, on the same address.
    pub fn restart(&mut self) {
        self.stop();
        self.nginx = Some(start_nginx(&self.site, &self.url));
    }

    /// The copy of the example site that was built.
    pub fn site(&self) -> &TestSite {
        &self.site
    }

    /// The built output nginx serves.
    pub fn public(&self) -> PathBuf {
        self.site.public()
    }

    /// The file of the output that answers URL path `path`, if any.
    pub fn file_of(&self, path: &str) -> Option<PathBuf> {
        let file = self
            .public()
            .join(percent_decode(path.trim_start_matches('/')));
        let file = if file.is_dir() {
            file.join("index.html")
        } else {
            file
        };
        file.is_file().then_some(file)
    }

    /// The URL path of every HTML file of the output: `/kk/rules/`,
    /// `/kk/404.html`.
    pub fn html_paths(&self) -> Vec<String> {
        let public = self.public();
        crate::util::walk(&public)
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e == "html"))
            .map(|f| {
                let rel = f.strip_prefix(&public).unwrap().to_string_lossy();
                format!("/{}", rel.strip_suffix("index.html").unwrap_or(&rel))
            })
            .collect()
    }
}

/// The example site served with nginx and a browser to read it, with or
/// without JavaScript, once the tools `needs` (at least [`BROWSER`]) are
/// there; `None` when they are not (see [`ready`]).
pub async fn open_example(needs: &[Need], javascript: bool) -> Option<(Served, Browser)> {
    if !ready(needs) {
        return None;
    }
    Some((serve_example(), Browser::start(javascript).await))
}

/// Builds the example site with the real binary and serves it with nginx.
fn serve_example() -> Served {
    serve(TestSite::example())
}

/// Builds `site` with the real binary and serves it with nginx, configured
/// as `deploy/nginx.conf` says.
pub fn serve(site: TestSite) -> Served {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let run = site.run(&["build", "--base-url", &format!("{url}/")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let nginx = start_nginx(&site, &url);
    Served {
        site,
        nginx: Some(nginx),
        url,
    }
}

/// Starts nginx for `site` at `url` (`http://127.0.0.1:PORT`), configured
/// as `deploy/nginx.conf` says, and waits until it answers.
fn start_nginx(site: &TestSite, url: &str) -> Process {
    let port = url.rsplit(':').next().unwrap();
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
    let nginx = Command::new(NGINX.path())
        .arg("-p")
        .arg(&prefix)
        .arg("-c")
        .arg(&config_path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let nginx = Process(nginx);
    wait_until("nginx to answer", || {
        ureq::get(&format!("{url}/")).call().ok()
    });
    nginx
}

/// One network request of a page load, from Chromium's performance log.
#[derive(Debug, Default)]
pub struct Request {
    pub url: String,
    /// The DevTools resource type: `Document`, `Stylesheet`, `Script`,
    /// `Image`, `Font`, `Fetch`…
    pub kind: String,
    /// The HTTP status, once the response came.
    pub status: Option<u64>,
    /// Why it failed (`Network.loadingFailed`), if it did.
    pub failure: Option<String>,
    /// Whether it finished or failed.
    pub done: bool,
}

impl Request {
    /// Whether the URL is one that never goes to the network (`data:`,
    /// `blob:`, `about:`).
    pub fn is_local_scheme(&self) -> bool {
        ["data:", "blob:", "about:"]
            .iter()
            .any(|scheme| self.url.starts_with(scheme))
    }

    /// The URL's host, if it has one.
    pub fn host(&self) -> Option<&str> {
        let rest = self.url.split_once("://")?.1;
        let authority = rest.split(['/', '?', '#']).next()?;
        let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        Some(host_port.rsplit_once(':').map_or(host_port, |(h, _)| h))
    }

    /// The URL's path (without query and fragment).
    pub fn path(&self) -> &str {
        let rest = self.url.split_once("://").map_or("", |(_, r)| r);
        let path = rest.find('/').map_or("/", |i| &rest[i..]);
        path.split(['?', '#']).next().unwrap()
    }
}

/// An entry of the browser console.
#[derive(Debug)]
pub struct ConsoleEntry {
    /// `SEVERE`, `WARNING`, `INFO`…
    pub level: String,
    pub message: String,
}

/// What loading a page did: its requests, in order, and what it wrote to
/// the console.
pub struct PageLoad {
    pub requests: Vec<Request>,
    pub console: Vec<ConsoleEntry>,
}

impl PageLoad {
    /// Everything wrong with loading `url`, whose document should answer
    /// `status`: console errors, requests that failed or answered 400 or
    /// more (except the document's own expected status), and requests that
    /// leave 127.0.0.1.
    pub fn problems(&self, url: &str, status: u16) -> Vec<String> {
        let mut problems = Vec::new();
        let document = self
            .requests
            .iter()
            .find(|r| r.kind == "Document" && r.url == url);
        match document.and_then(|d| d.status) {
            Some(s) if s == u64::from(status) => {}
            other => problems.push(format!("the document answered {other:?}, not {status}")),
        }
        for request in &self.requests {
            if request.is_local_scheme() {
                continue;
            }
            if request.host() != Some("127.0.0.1") {
                problems.push(format!("a request leaves localhost: {}", request.url));
            }
            if let Some(failure) = &request.failure {
                problems.push(format!("{} failed: {failure}", request.url));
            }
            let is_document = document.is_some_and(|d| std::ptr::eq(d, request));
            if let Some(s) = request.status
                && s >= 400
                && !is_document
            {
                problems.push(format!("{} answered {s}", request.url));
            }
        }
        for entry in &self.console {
            // Chromium logs the document's own expected 404 as an error.
            let expected = status >= 400
                && entry.message.starts_with(url)
                && entry.message.contains(&format!("status of {status}"));
            if entry.level == "SEVERE" && !expected {
                problems.push(format!("console error: {}", entry.message));
            }
        }
        problems
    }
}

/// The requests of one page load, read from Chromium's performance log:
/// those sent from the request of the document on (before it, the tab
/// still reports on the page it leaves, e.g. Chromium's new-tab page).
struct Network<'a> {
    document: &'a str,
    requests: Vec<Request>,
    /// DevTools request id → index in `requests`.
    ids: HashMap<String, usize>,
}

impl<'a> Network<'a> {
    /// Waits for the load of `document` (an absolute URL).
    fn new(document: &'a str) -> Network<'a> {
        Network {
            document,
            requests: Vec::new(),
            ids: HashMap::new(),
        }
    }

    /// Reads performance log entries; returns whether one of them was a
    /// network event of this page load.
    fn read(&mut self, entries: &[Json]) -> bool {
        let mut seen = false;
        for entry in entries {
            let message: Json =
                serde_json::from_str(entry["message"].as_str().unwrap_or("{}")).unwrap();
            let method = message["message"]["method"].as_str().unwrap_or("");
            let params = &message["message"]["params"];
            let Some(id) = params["requestId"].as_str() else {
                continue;
            };
            if method == "Network.requestWillBeSent" && !self.ids.contains_key(id) {
                let url = params["request"]["url"].as_str().unwrap_or("");
                let kind = params["type"].as_str().unwrap_or("");
                if self.requests.is_empty() && !(kind == "Document" && url == self.document) {
                    continue;
                }
                // The browser's own pages and icons (chrome://favicon2/…),
                // which it may fetch during a page load, are not the page's
                // requests and need not finish.
                if url.starts_with("chrome:") || url.starts_with("chrome-untrusted:") {
                    continue;
                }
                self.ids.insert(id.to_string(), self.requests.len());
                self.requests.push(Request {
                    url: url.into(),
                    kind: kind.into(),
                    ..Request::default()
                });
            }
            let Some(&index) = self.ids.get(id) else {
                continue;
            };
            seen = true;
            let request = &mut self.requests[index];
            match method {
                "Network.responseReceived" => {
                    request.status = params["response"]["status"].as_u64();
                    if let Some(kind) = params["type"].as_str() {
                        request.kind = kind.into();
                    }
                }
                "Network.loadingFinished" => request.done = true,
                "Network.loadingFailed" => {
                    request.done = true;
                    request.failure = Some(format!(
                        "{}{}",
                        params["errorText"].as_str().unwrap_or("failed"),
                        params["blockedReason"]
                            .as_str()
                            .map(|r| format!(" (blocked: {r})"))
                            .unwrap_or_default()
                    ));
                }
                _ => {}
            }
        }
        seen
    }
}

/// A headless Chromium session through a fresh chromedriver, logging the
/// console and the network, with the HTTP cache off (so that every page
/// load fetches, and logs, all it uses).
pub struct Browser {
    pub client: Client,
    /// `http://127.0.0.1:PORT/session/ID`, for chromedriver's own commands.
    session: String,
    _driver: Process,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts Chromium, with JavaScript on or off.
    pub async fn start(javascript: bool) -> Browser {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER.path())
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
            json!({ "binary": CHROMIUM.path(), "args": args }),
        );
        capabilities.insert(
            "goog:loggingPrefs".into(),
            json!({ "browser": "ALL", "performance": "ALL" }),
        );
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&webdriver)
            .await
            .expect("a Chromium session");
        let id = client.session_id().await.unwrap().expect("a session id");
        let browser = Browser {
            client,
            session: format!("{webdriver}/session/{id}"),
            _driver: driver,
            _profile: profile,
        };
        browser.cdp("Network.enable", json!({}));
        browser.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }));
        browser
    }

    /// Sends chromedriver `POST /session/ID/COMMAND` with `body`; returns
    /// the answer's `value`, failing the test with chromedriver's message.
    fn command(&self, command: &str, body: Json) -> Json {
        let url = format!("{}/{command}", self.session);
        tokio::task::block_in_place(|| {
            let agent: ureq::Agent = ureq::Agent::config_builder()
                .http_status_as_error(false)
                .build()
                .into();
            let mut response = agent
                .post(&url)
                .header("Content-Type", "application/json")
                .send(body.to_string())
                .unwrap_or_else(|e| panic!("{command}: {e}"));
            let status = response.status();
            let text = response
                .body_mut()
                .with_config()
                .limit(1 << 30)
                .read_to_string()
                .unwrap();
            assert!(status.is_success(), "{command} {body}: {status}: {text}");
            let mut answer: Json = serde_json::from_str(&text).unwrap();
            answer["value"].take()
        })
    }

    /// Runs a Chrome DevTools Protocol command through chromedriver.
    pub fn cdp(&self, cmd: &str, params: Json) -> Json {
        self.command("goog/cdp/execute", json!({ "cmd": cmd, "params": params }))
    }

    /// Takes the entries of log `kind` (`browser`, `performance`) gathered
    /// since the last call.
    pub fn logs(&self, kind: &str) -> Vec<Json> {
        match self.command("se/log", json!({ "type": kind })) {
            Json::Array(entries) => entries,
            other => panic!("log {kind}: {other}"),
        }
    }

    /// Makes pages prefer a dark (or light) colour scheme, from now on.
    pub fn color_scheme(&self, dark: bool) {
        let value = if dark { "dark" } else { "light" };
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": value }] }),
        );
    }

    /// Whether the page sees `prefers-color-scheme: dark`.
    pub async fn prefers_dark(&self) -> bool {
        let matches = self
            .client
            .execute(
                "return matchMedia('(prefers-color-scheme: dark)').matches",
                vec![],
            )
            .await
            .unwrap();
        matches == Json::Bool(true)
    }

    /// Makes the CSS viewport `width` × `height` pixels (at one device
    /// pixel per CSS pixel), and checks that it is.
    pub async fn viewport(&self, width: u32, height: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
        );
        let size = self
            .client
            .execute("return [window.innerWidth, window.innerHeight]", vec![])
            .await
            .unwrap();
        assert_eq!(size, json!([width, height]), "the viewport's size");
    }

    /// Opens `url` and waits until the network is idle; returns the
    /// requests and the console entries of that page load.
    pub async fn load(&self, url: &str) -> PageLoad {
        self.logs("browser");
        self.logs("performance");
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("{url}: {e}"));
        let requests = self.network_until_idle(url).await;
        let console = self
            .logs("browser")
            .into_iter()
            .map(|e| ConsoleEntry {
                level: e["level"].as_str().unwrap_or("").into(),
                message: e["message"].as_str().unwrap_or("").into(),
            })
            .collect();
        PageLoad { requests, console }
    }

    /// Reads the performance log until the document `url` was requested,
    /// every request since has finished and no network event came for
    /// 300 ms (failing after a minute).
    async fn network_until_idle(&self, url: &str) -> Vec<Request> {
        let mut network = Network::new(url);
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut last_event = Instant::now();
        loop {
            if network.read(&self.logs("performance")) {
                last_event = Instant::now();
            }
            let pending: Vec<&str> = network
                .requests
                .iter()
                .filter(|r| !r.done)
                .map(|r| r.url.as_str())
                .collect();
            if !network.requests.is_empty()
                && pending.is_empty()
                && last_event.elapsed() > Duration::from_millis(300)
            {
                return network.requests;
            }
            assert!(
                Instant::now() < deadline,
                "{url}: after a minute, requests are pending: {pending:?} (of {} requests)",
                network.requests.len()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The URL path the browser is at.
    pub async fn path(&self) -> String {
        self.client.current_url().await.unwrap().path().to_string()
    }

    /// Waits (up to a minute, as the other waits) until the browser is at
    /// `path`.
    pub async fn wait_for_path(&self, path: &str) {
        for _ in 0..1200 {
            if self.path().await == path {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(self.path().await, path, "the browser is elsewhere");
    }

    /// Clicks the link `selector` and waits until the browser is at `path`.
    pub async fn follow(&self, selector: &str, path: &str) {
        self.client
            .find(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("{selector}: {e}"))
            .click()
            .await
            .unwrap();
        self.wait_for_path(path).await;
    }

    /// Ends the session (Chromium quits).
    pub async fn close(self) {
        self.client.clone().close().await.unwrap();
    }
}

/// The folder the screenshots (and the printed PDFs) are written to,
/// for people to look at: `target/screenshots/`, under `CARGO_TARGET_DIR`
/// when that is set. Created if need be.
pub fn screenshots() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| repo().join("target"), |dir| repo().join(dir));
    let folder = target.join("screenshots");
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

/// The text of `html` without its tags, with the entities our output
/// uses decoded and white space collapsed.
pub fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    collapse_whitespace(&text)
}

/// `text` with every run of white space (no-break spaces included) made
/// one space, trimmed.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
