//! `check --external` against a small HTTP server on 127.0.0.1 that this
//! test runs: answers 200, 301, 404, 503 once, 405 to HEAD, and none at
//! all (a held connection). Dead links are warnings at every place that
//! writes them; the cache spares the live ones a second request; no host
//! gets more than two requests at a time.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crate::util::{Run, TestSite};

/// What the test server saw.
#[derive(Default)]
struct Seen {
    /// Every request, as `METHOD /path`, in order.
    requests: Mutex<Vec<String>>,
    /// Requests being answered now (all but `/slow`, which never is).
    answering: AtomicUsize,
    /// The most requests answered at once.
    most: AtomicUsize,
    /// Whether `/flaky` has answered once (503).
    flaky_failed: AtomicBool,
    /// How many of `/c/1` and `/c/2` have arrived.
    pair: (Mutex<usize>, Condvar),
}

/// A server on a free port of 127.0.0.1, a thread per connection, for as
/// long as the test runs.
struct Server {
    port: u16,
    seen: Arc<Seen>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Seen::default());
        let shared = seen.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().map_while(Result::ok) {
                let seen = shared.clone();
                std::thread::spawn(move || answer(stream, &seen));
            }
        });
        Server { port, seen }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// The requests so far.
    fn requests(&self) -> Vec<String> {
        self.seen.requests.lock().unwrap().clone()
    }
}

/// Answers one connection: one request, then closes it.
fn answer(mut stream: TcpStream, seen: &Seen) {
    let mut head = Vec::new();
    let mut buffer = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buffer[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head);
    let mut words = head.split_whitespace();
    let (method, path) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    seen.requests
        .lock()
        .unwrap()
        .push(format!("{method} {path}"));
    if path == "/slow" {
        // Never answer; hold the connection until the client gives up.
        while stream.read(&mut buffer).is_ok_and(|n| n > 0) {}
        return;
    }
    let now = seen.answering.fetch_add(1, Ordering::SeqCst) + 1;
    seen.most.fetch_max(now, Ordering::SeqCst);
    if path.starts_with("/c/") {
        // `/c/1` and `/c/2` wait for each other, so the client must ask
        // both at once (the second of its two requests to this host).
        let (count, arrived) = &seen.pair;
        let mut count = count.lock().unwrap();
        *count += 1;
        arrived.notify_all();
        let _ = arrived.wait_timeout_while(count, Duration::from_secs(30), |c| *c < 2);
    } else {
        // A server that takes a while to answer: time for a client that
        // asked more at once than it should to be seen doing so.
        std::thread::sleep(Duration::from_millis(100));
    }
    let status = match (method, path) {
        (_, "/ok" | "/c/1" | "/c/2") | ("GET", "/no-head") => "200 OK",
        (_, "/moved") => "301 Moved Permanently\r\nLocation: /ok",
        ("HEAD", "/no-head") => "405 Method Not Allowed",
        (_, "/flaky") if !seen.flaky_failed.swap(true, Ordering::SeqCst) => {
            "503 Service Unavailable\r\nRetry-After: 0"
        }
        (_, "/flaky") => "200 OK",
        _ => "404 Not Found",
    };
    // Counted out before the answer leaves, so that the count never
    // includes a request the client is done with.
    seen.answering.fetch_sub(1, Ordering::SeqCst);
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
}

/// The `basic` fixture, all translated (so that `check --strict` passes
/// on it), with pages and the page template linking to `server`.
fn site_linking_to(server: &Server) -> TestSite {
    let site = TestSite::fixture("basic");
    site.write(
        "content/rules/third.ru.md",
        "---\ntitle: Третья\ndate: 2020-04-01\n---\nТекст.\n",
    );
    let u = |path| server.url(path);
    site.write(
        "content/links.kk.md",
        format!(
            "---\ntitle: Сілтемелер\ndate: 2020-04-01\n---\n[Жұмыс істейді]({}), [көшті]({}).\n\n[Жоқ]({}#bolim)\n\n<p><a href=\"{}\">Баяу</a></p>\n\n[1]({}) [2]({}) [HEAD-сыз]({}) [сәтсіз]({})\n",
            u("/ok"),
            u("/moved"),
            u("/gone"),
            u("/slow"),
            u("/c/1"),
            u("/c/2"),
            u("/no-head"),
            u("/flaky"),
        ),
    );
    site.write(
        "content/links.ru.md",
        format!(
            "---\ntitle: Ссылки\ndate: 2020-04-01\n---\n[Нет]({})\n\n[Свой сайт](https://test.example/ru/about/)\n",
            u("/gone")
        ),
    );
    // A source's address, which a template writes from a data file.
    site.write(
        "data/sources.yaml",
        format!("briefing: {}\n", u("/gone?from=data")),
    );
    let template = "themes/default/templates/page.html";
    let page = std::fs::read_to_string(site.root().join(template)).unwrap();
    let footer = format!(
        "<p><a href=\"{}\">old</a> <a href=\"{{{{ data.sources.briefing }}}}\">source</a></p>\n{{% endblock",
        u("/gone")
    );
    site.write(template, page.replacen("{% endblock", &footer, 1));
    site
}

/// The warnings' first lines.
fn warnings(run: &Run) -> Vec<&str> {
    (run.stderr.lines())
        .filter(|l| l.contains(": warning: "))
        .collect()
}

/// `check --external`, waiting three seconds per try and trying once more:
/// thirty times what the server takes to answer, on a loaded machine too.
const CHECK: [&str; 6] = ["check", "--external", "--timeout", "3", "--retries", "1"];

#[test]
fn dead_links_are_warnings_at_every_place_and_live_ones_are_asked_once_a_day() {
    let server = Server::start();
    let site = site_linking_to(&server);
    let clean = site.run(&["check", "--strict"]);
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    assert!(server.requests().is_empty(), "no --external, no request");

    let run = site.run(&CHECK);
    assert_eq!(run.code, 0, "warnings only:\n{}", run.stderr);
    let gone = format!(
        "link to another site that does not work: {} (the server answered 404)",
        server.url("/gone")
    );
    let slow = format!(
        "link to another site that does not work: {} (no answer in 3 s)",
        server.url("/slow")
    );
    let source = format!(
        "link to another site that does not work: {} (the server answered 404)",
        server.url("/gone?from=data")
    );
    let warnings = warnings(&run);
    let expected = [
        format!("content/links.kk.md:7:1: warning: {gone}"),
        format!("content/links.kk.md:9:13: warning: {slow}"),
        format!("content/links.ru.md:5:1: warning: {gone}"),
        format!("data/sources.yaml:1:11: warning: {source} (on /"),
        format!("themes/default/templates/page.html:8:13: warning: {gone} (on /"),
    ];
    assert_eq!(warnings.len(), expected.len(), "{}", run.stderr);
    for (warning, expected) in warnings.iter().zip(&expected) {
        assert!(
            warning.starts_with(expected.as_str()),
            "{warning}\n{expected}"
        );
    }
    assert!(warnings[3].ends_with("other pages)"), "{}", warnings[3]);
    assert!(warnings[4].ends_with("other pages)"), "{}", warnings[4]);
    let summary =
        "links to other sites: 9 address(es) asked, 0 working as the cache says, 3 not working\n";
    assert!(run.stderr.contains(summary), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("help: correct the address or remove the link"),
        "{}",
        run.stderr
    );
    // Asked: HEAD, and GET after a 405; a redirect followed; a 503 and a
    // timeout asked once more; each address once, however many places.
    let mut requests = server.requests();
    requests.sort();
    assert_eq!(
        requests,
        [
            "GET /no-head",
            "HEAD /c/1",
            "HEAD /c/2",
            "HEAD /flaky",
            "HEAD /flaky",
            "HEAD /gone",
            "HEAD /gone?from=data",
            "HEAD /moved",
            "HEAD /no-head",
            "HEAD /ok",
            "HEAD /ok",
            "HEAD /slow",
            "HEAD /slow",
        ]
    );
    assert_eq!(server.seen.most.load(Ordering::SeqCst), 2, "two at a time");

    // Warnings fail a strict check.
    let asked = server.requests().len();
    let strict = site.run(&["check", "--strict", "--external", "--timeout", "3"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    let summary =
        "links to other sites: 3 address(es) asked, 6 working as the cache says, 3 not working\n";
    assert!(strict.stderr.contains(summary), "{}", strict.stderr);
    // The cache: the live links are not asked again, the dead ones are.
    let mut again = server.requests()[asked..].to_vec();
    again.sort();
    assert_eq!(
        again,
        [
            "HEAD /gone",
            "HEAD /gone?from=data",
            "HEAD /slow",
            "HEAD /slow",
            "HEAD /slow"
        ]
    );
    // --cache-hours 0 asks every link again.
    let asked = server.requests().len();
    let fresh = site.run(&[&CHECK[..], &["--cache-hours", "0"]].concat());
    assert_eq!(fresh.code, 0, "{}", fresh.stderr);
    assert!(server.requests()[asked..].contains(&"HEAD /ok".to_string()));
    // The cache is the site's, in a hidden folder: not an input.
    let cache = std::fs::read_to_string(site.root().join(".aqparat/external-links.json")).unwrap();
    assert!(cache.contains(&server.url("/ok")), "{cache}");
    // The site's own absolute addresses are internal links, not asked.
    assert!(!cache.contains("test.example"), "{cache}");
    let built = site.build();
    assert!(!site.public().join(".aqparat").exists(), "{}", built.stderr);
}

#[test]
fn a_corrupt_cache_is_a_warning_and_is_written_anew() {
    let server = Server::start();
    let site = site_linking_to(&server);
    site.write(".aqparat/external-links.json", "{\"links\": [1, 2\n");
    let run = site.run(&CHECK);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warning = ".aqparat/external-links.json:1:10: warning: the cache of links to other sites cannot be read, and is ignored: invalid type: sequence, expected a map\n";
    assert!(run.stderr.contains(warning), "{}", run.stderr);
    assert!(run.stderr.contains(&server.url("/gone")), "{}", run.stderr);
    let cache = std::fs::read_to_string(site.root().join(".aqparat/external-links.json")).unwrap();
    let cache: serde_json::Value = serde_json::from_str(&cache).unwrap();
    assert_eq!(cache["links"][server.url("/ok")]["ok"], true);
    assert_eq!(cache["links"][server.url("/gone")]["status"], 404);
}

#[test]
fn external_flags_need_external() {
    let site = TestSite::fixture("basic");
    let run = site.run(&["check", "--timeout", "3"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--external"), "{}", run.stderr);
}
