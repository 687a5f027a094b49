//! `aqparat serve`: HTTP, live reload, errors shown over the last good page.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::mpsc;
use std::time::Duration;

use crate::util::{Running, TestSite, wait_until};

/// Starts `serve` on a free port; returns the process and its address.
pub fn serve(site: &TestSite) -> (Running, String) {
    let root = site.root().display().to_string();
    let server = Running::start(&["serve", "--root", &root, "--port", "0"]);
    let output = server.wait_for_output("the server to build", |t| {
        t.lines().any(|l| l.starts_with("built ")) && t.contains("serving ")
    });
    let start = output.find("http://127.0.0.1:").unwrap();
    let address = output[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    (server, address)
}

/// An answer as it came over the socket.
pub struct Raw {
    /// The status code.
    pub status: u16,
    /// The header fields in order, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body, as sent.
    pub body: Vec<u8>,
}

impl Raw {
    /// The value of the header field `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The header fields but the date, which may tick between two answers,
    /// sorted (their order means nothing).
    fn undated(&self) -> Vec<(String, String)> {
        let mut headers = self.headers.clone();
        headers.retain(|(name, _)| name != "date");
        headers.sort();
        headers
    }
}

/// `METHOD PATH` with the header fields `headers` (and `Host: ADDRESS`
/// unless they have a `Host`) sent to `address`
/// (`http://127.0.0.1:PORT`) on a connection of its own, exactly as
/// written (no client tidies the path), and the answer read to the
/// connection's end (`Connection: close`).
pub fn raw(address: &str, method: &str, path: &str, headers: &[(&str, &str)]) -> Raw {
    let socket = address.trim_start_matches("http://");
    let mut request = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    if !headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("host"))
    {
        request.push_str(&format!("Host: {socket}\r\n"));
    }
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    send(address, &request)
}

/// The answer of `address` (`http://127.0.0.1:PORT`) to `request`, sent
/// exactly as written on a connection of its own, read to the
/// connection's end.
pub fn send(address: &str, request: &str) -> Raw {
    let socket = address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(socket).unwrap();
    // A hang guard, not a limit on the answer's time.
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    stream
        .read_to_end(&mut answer)
        .unwrap_or_else(|e| panic!("{request:?}: {e}"));
    let end = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("{request:?}: no whole head in {answer:?}"));
    let head = std::str::from_utf8(&answer[..end]).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split(' ').nth(1).unwrap();
    let headers = lines
        .map(|line| {
            let (name, value) = line.split_once(':').unwrap();
            (name.to_ascii_lowercase(), value.trim().to_string())
        })
        .collect();
    Raw {
        status: status.parse().unwrap(),
        headers,
        body: answer[end + 4..].to_vec(),
    }
}

/// The overlay's errors come in each language of messages, for the page's
/// `<html lang>` to choose (issue 13); this run's language is the fallback.
fn overlay_is_in_every_language(status: &str) {
    let status: serde_json::Value = serde_json::from_str(status).unwrap();
    assert_eq!(status["lang"], "en", "{status}");
    for (lang, title, severity) in [
        ("en", "the site has errors", "2:8: error:"),
        ("kk", "сайтта қателер бар", "2:8: қате:"),
        ("ru", "на сайте есть ошибки", "2:8: ошибка:"),
    ] {
        let shown = &status["messages"][lang];
        assert!(shown["title"].as_str().unwrap().contains(title), "{shown}");
        let errors = shown["errors"].as_array().unwrap();
        let here = format!("content/rules/first.kk.md:{severity}");
        assert!(
            errors
                .iter()
                .any(|e| e.as_str().unwrap().starts_with(&here)),
            "{here}: {shown}"
        );
    }
}

fn get(url: &str) -> (u16, String) {
    match ureq::get(url).call() {
        Ok(mut response) => (
            response.status().as_u16(),
            response.body_mut().read_to_string().unwrap(),
        ),
        Err(ureq::Error::StatusCode(code)) => (code, String::new()),
        Err(error) => panic!("{url}: {error}"),
    }
}

/// The server-sent events of `address`, one `(event, data)` at a time.
fn events(address: &str) -> mpsc::Receiver<(String, String)> {
    events_at(&format!("{address}/__aqparat/events"))
}

/// The server-sent events of the stream at `url`.
fn events_at(url: &str) -> mpsc::Receiver<(String, String)> {
    let (sender, receiver) = mpsc::channel();
    let response = ureq::get(url).call().unwrap();
    std::thread::spawn(move || {
        let reader = BufReader::new(response.into_body().into_reader());
        let mut event = String::new();
        for line in reader.lines().map_while(Result::ok) {
            if let Some(name) = line.strip_prefix("event: ") {
                event = name.to_string();
            } else if let Some(data) = line.strip_prefix("data: ")
                && sender.send((event.clone(), data.to_string())).is_err()
            {
                break;
            }
        }
    });
    receiver
}

fn next_event(events: &mpsc::Receiver<(String, String)>) -> (String, String) {
    events
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("an event within a minute")
}

/// Listening beyond this computer is said to be so: a preview, drafts
/// included, open to the network. On loopback, the default, nothing is.
#[test]
fn listening_beyond_loopback_is_warned_of() {
    let site = TestSite::fixture("basic");
    let root = site.root().display().to_string();
    let open = ["serve", "--root", &root, "--port", "0", "--bind", "0.0.0.0"];
    let server = Running::start(&open);
    let output = server.wait_for_output("the server to build", |t| {
        t.lines().any(|l| l.starts_with("built ")) && t.contains("serving ")
    });
    assert!(
        output.contains("warning: listening on 0.0.0.0:") && output.contains("--drafts"),
        "{output}"
    );
    // It gives an address a browser can open, this machine's own (or
    // loopback's, without a network), and the pages' links lead there.
    let url = (output.lines())
        .find_map(|line| line.split(" at ").nth(1)?.split(' ').next())
        .unwrap_or_else(|| panic!("no address in {output}"));
    assert!(
        url.starts_with("http://") && !url.contains("0.0.0.0"),
        "{url}"
    );
    let (status, html) = get(&format!("{url}kk/rules/first/"));
    assert_eq!(status, 200);
    assert!(
        html.contains(&format!("href=\"{url}kk/rules/first/\">")),
        "{html}"
    );
    drop(server);
    let (server, _) = serve(&site);
    assert!(!server.stderr().contains("beyond this computer"));
    drop(server);
    // `localhost` is this computer alone.
    let local = [
        "serve",
        "--root",
        &root,
        "--port",
        "0",
        "--bind",
        "localhost",
    ];
    let server = Running::start(&local);
    let output = server.wait_for_output("the server to build", |t| {
        t.lines().any(|l| l.starts_with("built ")) && t.contains("serving ")
    });
    assert!(output.contains(" at http://127.0.0.1:"), "{output}");
    assert!(!output.contains("beyond this computer"), "{output}");
}

#[test]
fn serve_answers_http_with_the_reload_script_and_404_pages() {
    let site = TestSite::fixture("basic");
    let (_server, address) = serve(&site);
    let (status, html) = get(&format!("{address}/kk/rules/first/"));
    assert_eq!(status, 200);
    assert!(html.contains("<h1>Бірінші ереже</h1>"));
    assert!(
        html.contains("<script src=\"/__aqparat/livereload.js?build=1\" defer></script></body>")
    );
    assert!(
        html.contains(&format!(
            "<link rel=\"canonical\" href=\"{address}/kk/rules/first/\">"
        )),
        "links lead to the server"
    );
    let (status, _) = get(&format!("{address}/__aqparat/livereload.js"));
    assert_eq!(status, 200);
    let (status, _) = get(&format!("{address}/ru/nothing-here/"));
    assert_eq!(status, 404);
    // A name longer than a file system takes is no file of the site.
    let (status, html) = get(&format!("{address}/ru/{}", "a".repeat(5000)));
    assert_eq!(status, 404, "{html}");
    // The script is the server's: the site's own files never contain it.
    site.build();
    assert!(
        !site
            .read("kk/rules/first/index.html")
            .contains("livereload")
    );
}

#[test]
fn an_edit_reloads_a_broken_edit_shows_its_errors_and_the_fix_clears_them() {
    let site = TestSite::fixture("basic");
    let (server, address) = serve(&site);
    let events = events(&address);
    // The good build a page is of, as its script's address says.
    let build_of = |html: &str| -> u64 {
        let start = html.find("livereload.js?build=").expect("the script") + 20;
        let digits = html[start..].split('"').next().unwrap();
        digits.parse().unwrap()
    };
    let (_, html) = get(&format!("{address}/kk/rules/first/"));
    let first = build_of(&html);
    site.save(
        "content/rules/first.kk.md",
        "---\ntitle: Жаңа тақырып\n---\n## Қолды жуу\n\nЖаңа мәтін.\n",
    );
    assert_eq!(next_event(&events).0, "reload");
    let (_, html) = get(&format!("{address}/kk/rules/first/"));
    assert!(html.contains("<h1>Жаңа тақырып</h1>"));
    assert_eq!(build_of(&html), first + 1);
    // A page of the build before, whose stream opens only now, is told to
    // reload at once.
    let late = events_at(&format!("{address}/__aqparat/events?build={first}"));
    assert_eq!(next_event(&late).0, "reload");

    site.save(
        "content/rules/first.kk.md",
        "---\ntitle: [сынған\n---\nМәтін.\n",
    );
    let (event, data) = next_event(&events);
    assert_eq!(event, "failed");
    assert!(
        data.contains("content/rules/first.kk.md:2:8: error:"),
        "{data}"
    );
    let (_, status) = get(&format!("{address}/__aqparat/status"));
    assert!(
        status.contains("\"ok\":false") && status.contains("content/rules/first.kk.md:2:8"),
        "{status}"
    );
    overlay_is_in_every_language(&status);
    // A page opened after the failure is told of it as its stream opens,
    // whenever its script connects.
    let (event, data) = next_event(&self::events(&address));
    assert_eq!(event, "failed");
    assert!(data.contains("content/rules/first.kk.md:2:8"), "{data}");
    let (_, html) = get(&format!("{address}/kk/rules/first/"));
    assert!(
        html.contains("<h1>Жаңа тақырып</h1>"),
        "the last good page is still served"
    );
    server.wait_for_output("the error in the terminal", |t| {
        t.contains("content/rules/first.kk.md:2:8: error:")
    });

    site.write(
        "content/rules/first.kk.md",
        "---\ntitle: Түзетілді\n---\n## Қолды жуу\n\nМәтін.\n",
    );
    assert_eq!(next_event(&events).0, "reload");
    let (_, status) = get(&format!("{address}/__aqparat/status"));
    assert_eq!(status, "{\"ok\":true}");
    wait_until("the fixed page", || {
        get(&format!("{address}/kk/rules/first/"))
            .1
            .contains("<h1>Түзетілді</h1>")
            .then_some(())
    });
}

/// Before a build has succeeded there is no 404 page: the server answers
/// with a page of its own, its path escaped, which carries the reload
/// script (it shows the failed build's errors, and reloads once a build
/// succeeds); then the site's 404 page.
#[test]
fn a_failed_first_build_is_served_a_page_that_shows_its_errors() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/rules/first.kk.md",
        "---\ntitle: [сынған\n---\nМәтін.\n",
    );
    let root = site.root().display().to_string();
    let server = Running::start(&["serve", "--root", &root, "--port", "0", "--lang", "en"]);
    let output = server.wait_for_output("the server to start", |t| t.contains("serving "));
    assert!(
        output.contains("content/rules/first.kk.md:2:8: error:"),
        "{output}"
    );
    let start = output.find("http://127.0.0.1:").unwrap();
    let address = output[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .trim_end_matches('/');
    let get_any = |path: &str| {
        let mut response = ureq::get(&format!("{address}{path}"))
            .config()
            .http_status_as_error(false)
            .build()
            .call()
            .unwrap();
        let body = response.body_mut().read_to_string().unwrap();
        (response.status().as_u16(), body)
    };
    let (status, html) = get_any("/kk/a&b/");
    assert_eq!(status, 404);
    assert!(html.contains("/kk/a&amp;b/: nothing here yet"), "{html}");
    assert!(
        html.contains("<script src=\"/__aqparat/livereload.js?build=0\" defer></script>"),
        "{html}"
    );

    site.write(
        "content/rules/first.kk.md",
        "---\ntitle: Түзетілді\n---\n## Қолды жуу\n\nМәтін.\n",
    );
    wait_until("the site's 404 page", || {
        let (status, html) = get_any("/kk/a&b/");
        (status == 404 && !html.contains("nothing here yet") && html.contains("<html lang=\"kk\""))
            .then_some(())
    });
}

/// A site published in a folder is served under that folder, as it will
/// be published: a link written with the folder (`/sub/favicon.svg`, as a
/// build wants it) works in the preview too, and `/` leads to the site.
#[test]
fn a_site_in_a_folder_is_served_under_its_path() {
    let site = TestSite::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        config.replace("https://test.example/", "https://test.example/sub/"),
    );
    site.write(
        "content/rules/icon.kk.md",
        "---\ntitle: Белгі\ndate: 2020-04-03\n---\n[Белгі](/sub/favicon.svg)\n",
    );
    let (_server, address) = serve(&site);
    let (code, home) = get(&format!("{address}/sub/kk/"));
    assert_eq!(code, 200);
    assert!(home.contains("href=\"/sub/kk/rules/"), "{home}");
    assert!(home.contains(&format!("{address}/sub/kk/")), "{home}");
    assert_eq!(get(&format!("{address}/sub/favicon.svg")).0, 200);
    assert_eq!(get(&format!("{address}/sub/kk/rules/icon/")).0, 200);
    assert_eq!(get(&format!("{address}/kk/")).0, 404);
    // A folder without its slash is redirected within the site.
    let (code, home) = get(&format!("{address}/sub/kk"));
    assert_eq!(code, 200);
    assert!(home.contains("href=\"/sub/kk/rules/"), "{home}");
    let (code, start) = get(&format!("{address}/"));
    assert_eq!(code, 200, "/ leads to the site");
    assert!(start.contains("/sub/kk/"), "{start}");
}

/// HEAD is answered with the header fields GET is (RFC 9110 §9.3.2) and no
/// body: a page's length is that of the page with its live-reload script,
/// a 404's that of the 404 page, a redirect's that of its empty body.
#[test]
fn head_is_answered_with_the_headers_of_get() {
    let site = TestSite::fixture("basic");
    let (_server, address) = serve(&site);
    for path in [
        "/kk/",
        "/kk/rules/first/",
        "/kk",
        "/style.css",
        "/favicon.svg",
        "/robots.txt",
        "/ru/nothing-here/",
        "/nothing.css",
        "/__aqparat/livereload.js",
        "/__aqparat/status",
    ] {
        let get = raw(&address, "GET", path, &[]);
        let head = raw(&address, "HEAD", path, &[]);
        assert_eq!(head.status, get.status, "{path}");
        assert_eq!(head.undated(), get.undated(), "{path}");
        assert!(head.body.is_empty(), "{path}: HEAD has no body");
        let length = get.body.len().to_string();
        assert_eq!(
            get.header("content-length"),
            Some(length.as_str()),
            "{path}"
        );
    }
    let page = raw(&address, "GET", "/kk/", &[]);
    let script = b"<script src=\"/__aqparat/livereload.js?build=1\" defer></script>";
    assert!(page.body.windows(script.len()).any(|w| w == script));
}

/// A range is cut from a file sent as it is. A page is sent with the
/// live-reload script in it, not as the file the range counts in: the
/// range is ignored and the whole page sent (200), as a server may always
/// do; so is a range the server does not serve (several, malformed), and
/// any range when `If-Range` names another version of the file. Only a
/// single range starting past the end gets 416.
#[test]
fn ranges_are_cut_from_files_sent_as_they_are_and_never_from_pages() {
    let site = TestSite::fixture("basic");
    let (_server, address) = serve(&site);
    let get = |path: &str, headers: &[(&str, &str)]| raw(&address, "GET", path, headers);

    let page = get("/kk/", &[]);
    assert_eq!(page.header("accept-ranges"), Some("none"));
    for range in ["bytes=0-9", "bytes=-5", "bytes=0-0,5-6", "bytes=100000000-"] {
        let answer = get("/kk/", &[("Range", range)]);
        assert_eq!(answer.status, 200, "{range}");
        assert_eq!(answer.header("content-range"), None, "{range}");
        assert_eq!(
            answer.header("content-length"),
            page.header("content-length")
        );
        assert_eq!(answer.body, page.body, "{range}: the whole page");
    }

    let css = get("/style.css", &[]);
    assert_eq!(css.header("accept-ranges"), Some("bytes"));
    let length = css.body.len();
    let tag = css.header("etag").unwrap().to_string();
    let date = css.header("last-modified").unwrap().to_string();
    let ask = |range: &str, if_range: Option<&str>| {
        let mut headers = vec![("Range", range)];
        headers.extend(if_range.map(|v| ("If-Range", v)));
        get("/style.css", &headers)
    };
    for (range, if_range, first, last) in [
        ("bytes=0-9", None, 0, 9),
        ("bytes=5-", None, 5, length - 1),
        ("bytes=-5", None, length - 5, length - 1),
        ("bytes=10-100000000", None, 10, length - 1),
        ("bytes=0-3", Some(tag.as_str()), 0, 3),
        ("bytes=0-3", Some(date.as_str()), 0, 3),
    ] {
        let answer = ask(range, if_range);
        assert_eq!(answer.status, 206, "{range} {if_range:?}");
        let whole = format!("bytes {first}-{last}/{length}");
        assert_eq!(answer.header("content-range"), Some(whole.as_str()));
        let size = (last - first + 1).to_string();
        assert_eq!(answer.header("content-length"), Some(size.as_str()));
        assert_eq!(answer.body, css.body[first..=last], "{range}");
    }
    let weak = format!("W/{tag}");
    for (range, if_range) in [
        ("bytes=0-3", Some("\"bogus\"")),
        ("bytes=0-3", Some(weak.as_str())),
        ("bytes=0-3", Some("Sun, 06 Nov 1994 08:49:37 GMT")),
        ("bytes=0-0,5-6", None),
        ("bytes=abc", None),
        ("bytes=5-3", None),
        ("lines=0-3", None),
    ] {
        let answer = ask(range, if_range);
        assert_eq!(answer.status, 200, "{range} {if_range:?}");
        assert_eq!(answer.header("content-range"), None);
        assert_eq!(
            answer.body, css.body,
            "{range} {if_range:?}: the whole file"
        );
    }
    let past = ask(&format!("bytes={length}-"), None);
    assert_eq!(past.status, 416);
    let unsatisfied = format!("bytes */{length}");
    assert_eq!(past.header("content-range"), Some(unsatisfied.as_str()));
    assert!(past.body.is_empty());
    // Ranges are defined for GET alone (RFC 9110 §14.2).
    let head = raw(&address, "HEAD", "/style.css", &[("Range", "bytes=0-3")]);
    assert_eq!(head.status, 200);
}

/// Text, which aqparat writes in UTF-8, is said to be UTF-8: a stylesheet,
/// or a page without `<meta charset>`, is not left to the browser's guess.
#[test]
fn text_is_sent_as_utf_8() {
    let site = TestSite::fixture("basic");
    let (_server, address) = serve(&site);
    for (path, kind) in [
        ("/kk/", "text/html; charset=utf-8"),
        ("/ru/nothing-here/", "text/html; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/favicon.svg", "image/svg+xml; charset=utf-8"),
        ("/sitemap.xml", "text/xml; charset=utf-8"),
        ("/__aqparat/livereload.js", "text/javascript; charset=utf-8"),
    ] {
        let answer = raw(&address, "GET", path, &[]);
        assert_eq!(answer.header("content-type"), Some(kind), "{path}");
    }
}
