//! `serve`: every missing file gets its language's 404 page with status
//! 404; clients that send half a request and stall, or send a request and
//! never read the answer, neither hold a connection for ever nor stop the
//! server from answering others; no redirect leads to another host; no
//! link in the output is followed; no other host's name is answered.
//!
//! Loopback only; every loop is bounded and every wait has a generous
//! timeout.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use crate::serve::{raw, send};
use crate::util::{TestSite, wait_until};

/// `aqparat serve` of a site on a free port, optionally with a lower limit
/// of open files (`ulimit -n`); killed when dropped.
struct Serving {
    child: Child,
    stderr: Arc<Mutex<String>>,
    /// `http://127.0.0.1:PORT`.
    address: String,
}

impl Serving {
    fn start(site: &TestSite, open_files: Option<u32>) -> Serving {
        let binary = env!("CARGO_BIN_EXE_aqparat");
        let root = site.root().to_str().unwrap();
        let args = ["serve", "--root", root, "--port", "0"];
        let mut command = match open_files {
            Some(limit) => {
                let mut sh = Command::new("sh");
                sh.arg("-c")
                    .arg(format!("ulimit -n {limit} && exec \"$0\" \"$@\""))
                    .arg(binary)
                    .args(args);
                sh
            }
            None => {
                let mut command = Command::new(binary);
                command.args(args);
                command
            }
        };
        let mut child = command
            .env("AQPARAT_LANG", "en")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let pipe = child.stderr.take().unwrap();
        let sink = stderr.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                let mut text = sink.lock().unwrap();
                text.push_str(&line);
                text.push('\n');
            }
        });
        let text = wait_until("the server to build", || {
            let text = stderr.lock().unwrap().clone();
            (text.lines().any(|l| l.starts_with("built ")) && text.contains("serving "))
                .then_some(text)
        });
        let start = text.find("http://127.0.0.1:").unwrap();
        let address = text[start..]
            .split_whitespace()
            .next()
            .unwrap()
            .trim_end_matches('/')
            .to_string();
        Serving {
            child,
            stderr,
            address,
        }
    }

    /// `127.0.0.1:PORT`.
    fn socket(&self) -> &str {
        self.address.trim_start_matches("http://")
    }

    /// The folder it builds into and serves (`built … into FOLDER in …`).
    fn output(&self) -> std::path::PathBuf {
        let stderr = self.stderr.lock().unwrap().clone();
        let line = stderr.lines().find(|l| l.starts_with("built ")).unwrap();
        let start = line.find(" into ").unwrap() + " into ".len();
        let end = start + line[start..].rfind(" in ").unwrap();
        std::path::PathBuf::from(&line[start..end])
    }

    /// GET `path`: the status and the body, whatever the status.
    fn get(&self, path: &str) -> (u16, String) {
        let url = format!("{}{path}", self.address);
        let mut response = ureq::get(&url)
            .config()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .call()
            .unwrap_or_else(|e| panic!("{url}: {e}"));
        let body = response.body_mut().read_to_string().unwrap();
        (response.status().as_u16(), body)
    }
}

impl Drop for Serving {
    /// Stops `serve` as a user would: it removes its temporary folder.
    fn drop(&mut self) {
        crate::util::stop(&mut self.child);
    }
}

#[test]
fn a_missing_file_without_a_trailing_slash_gets_its_languages_404_page() {
    let site = TestSite::fixture("basic");
    let server = Serving::start(&site, None);
    let kk = "<h1>Бет табылмады</h1>";
    let ru = "<h1>Страница не найдена</h1>";
    for (path, page, lang) in [
        ("/favicon.ico", kk, "kk"),
        ("/kk/rules/firs", kk, "kk"),
        ("/kk/rules/first/index.htm", kk, "kk"),
        ("/ru/rules/firs", ru, "ru"),
        ("/ru/nothing-here/", ru, "ru"),
        ("/robots.txt/x", kk, "kk"),
        ("/../../etc/passwd", kk, "kk"),
        ("/xx/nothing", kk, "kk"),
    ] {
        let (status, body) = server.get(path);
        assert_eq!(status, 404, "{path}: {body}");
        assert!(
            body.contains(page) && body.contains(&format!("<html lang=\"{lang}\">")),
            "{path} gets the {lang} 404 page:\n{body}"
        );
    }
    // What exists is still served.
    assert_eq!(server.get("/kk/rules/first/").0, 200);
    assert_eq!(server.get("/robots.txt").0, 200);
}

/// Opens a connection that sends half a request head and stalls.
fn stalled(socket: &str) -> TcpStream {
    let mut stream = TcpStream::connect(socket).unwrap();
    stream
        .write_all(b"GET /kk/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: sl")
        .unwrap();
    stream
}

#[test]
fn half_sent_requests_do_not_stop_answers_at_a_low_limit_of_open_files() {
    let site = TestSite::fixture("basic");
    // The case: 200 stalled connections against 128 descriptors.
    let server = Serving::start(&site, Some(128));
    let connections: Vec<TcpStream> = (0..200).map(|_| stalled(server.socket())).collect();
    let (status, body) = server.get("/kk/rules/first/");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Бірінші ереже</h1>"));
    // And again, with the stalled ones still there or closed by the server.
    let more: Vec<TcpStream> = (0..50).map(|_| stalled(server.socket())).collect();
    assert_eq!(server.get("/ru/").0, 200);
    drop((connections, more));
    let stderr = server.stderr.lock().unwrap().clone();
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_stalled_request_is_closed_by_the_header_timeout_and_live_reload_stays_open() {
    let site = TestSite::fixture("basic");
    let server = Serving::start(&site, None);
    // The live-reload stream, opened first: it must outlive the timeout.
    let (sender, events) = mpsc::channel();
    let response = ureq::get(&format!("{}/__aqparat/events", server.address))
        .call()
        .unwrap();
    std::thread::spawn(move || {
        let reader = BufReader::new(response.into_body().into_reader());
        for line in reader.lines().map_while(Result::ok) {
            if let Some(name) = line.strip_prefix("event: ")
                && sender.send(name.to_string()).is_err()
            {
                break;
            }
        }
    });
    let mut stream = stalled(server.socket());
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut buffer = [0u8; 512];
    match stream.read(&mut buffer) {
        // Closed without an answer, or with one (a 408): either way closed.
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
        Err(e) => panic!("the server kept a half-sent request open: {e}"),
    }
    let mut rest = Vec::new();
    let closed = stream.read_to_end(&mut rest);
    assert!(
        closed.is_ok() || closed.is_err_and(|e| e.kind() == std::io::ErrorKind::ConnectionReset),
        "the connection is closed"
    );
    // The live-reload stream is older than the header timeout by now and
    // still brings the next reload.
    site.save(
        "content/about.kk.md",
        "---\ntitle: Кейінгі өзгеріс\n---\nМәтін.\n",
    );
    let event = events
        .recv_timeout(Duration::from_secs(60))
        .expect("a reload event within a minute");
    assert_eq!(event, "reload");
}

/// `//kk` names the folder `kk`, whose address is `/kk/`: the redirect
/// says so, never `//kk/`, which a browser reads as the host `kk`.
/// A request for another host's name (a page of another site whose name
/// was made to resolve to this machine: DNS rebinding) is refused, on
/// every path, the live-reload status among them; localhost and IP
/// addresses are answered.
#[test]
fn requests_for_another_hosts_name_are_refused() {
    let site = TestSite::fixture("basic");
    let server = Serving::start(&site, None);
    let port = server.address.rsplit(':').next().unwrap().to_string();
    for path in ["/kk/", "/__aqparat/status", "/style.css", "/nope"] {
        for host in ["evil.example", "evil.example:80", "localhost.evil.example"] {
            let answer = raw(&server.address, "GET", path, &[("Host", host)]);
            assert_eq!(answer.status, 403, "{host}{path}");
            let body = String::from_utf8_lossy(&answer.body);
            assert!(body.contains("not for "), "{body}");
        }
        for host in [format!("localhost:{port}"), format!("127.0.0.1:{port}")] {
            let answer = raw(&server.address, "GET", path, &[("Host", &host)]);
            assert_ne!(answer.status, 403, "{host}{path}");
        }
        // The host of a request for `http://host/path` is that host.
        let absolute = format!("http://evil.example{path}");
        let answer = raw(&server.address, "GET", &absolute, &[]);
        assert_eq!(answer.status, 403, "{absolute}");
        // Two `Host`s: which one is meant cannot be told.
        let two = [("Host", "localhost"), ("Host", "evil.example")];
        assert_eq!(
            raw(&server.address, "GET", path, &two).status,
            400,
            "{path}"
        );
        // HTTP/1.1 must name its host (RFC 9112 §3.2); HTTP/1.0 need not.
        let nameless = format!("GET {path} HTTP/1.1\r\nConnection: close\r\n\r\n");
        assert_eq!(send(&server.address, &nameless).status, 400, "{path}");
        let old = format!("GET {path} HTTP/1.0\r\n\r\n");
        assert_ne!(send(&server.address, &old).status, 400, "{path}");
        assert_ne!(send(&server.address, &old).status, 403, "{path}");
    }
}

#[test]
fn a_redirect_never_leads_to_another_host() {
    let site = TestSite::fixture("basic");
    let server = Serving::start(&site, None);
    for (path, location) in [
        ("/kk", "/kk/"),
        ("//kk", "/kk/"),
        ("///kk?x=1", "/kk/?x=1"),
        ("//kk/rules", "/kk/rules/"),
    ] {
        let answer = raw(&server.address, "GET", path, &[]);
        assert_eq!(answer.status, 307, "{path}");
        assert_eq!(answer.header("location"), Some(location), "{path}");
    }
}

/// A link in the output (put there by hand, or by anything else that can
/// write to the temporary folder) is not followed, to a file or a folder
/// outside the output or inside it: 404, and nothing of its target.
#[test]
fn links_in_the_output_are_not_followed() {
    let site = TestSite::fixture("basic");
    let server = Serving::start(&site, None);
    let output = server.output();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "the secret").unwrap();
    let link = |target: &std::path::Path, name: &str| {
        std::os::unix::fs::symlink(target, output.join(name)).unwrap();
    };
    link(&outside.path().join("secret.txt"), "secret.txt");
    link(&outside.path().join("secret.txt"), "kk/secret.txt");
    link(outside.path(), "outside");
    link(&output.join("robots.txt"), "robots-again.txt");
    link(&output.join("kk"), "kk-again");
    for path in [
        "/secret.txt",
        "/kk/secret.txt",
        "/outside/secret.txt",
        "/outside/",
        "/outside",
        "/robots-again.txt",
        "/kk-again/",
        "/kk-again/index.html",
    ] {
        for method in ["GET", "HEAD"] {
            let answer = raw(&server.address, method, path, &[]);
            assert_eq!(answer.status, 404, "{method} {path}");
            let body = String::from_utf8_lossy(&answer.body);
            assert!(!body.contains("the secret"), "{method} {path}: {body}");
        }
    }
    // What the links point at inside the output is still served.
    assert_eq!(server.get("/robots.txt").0, 200);
    assert_eq!(server.get("/kk/").0, 200);
}

/// A big file, larger than the socket buffers of both ends can hold
/// (at most 4 MB sent and 6 MB received by Linux's defaults), so that an
/// answer its client does not read stalls.
const BIG: usize = 16 << 20;

/// Opens a connection that asks for `/big.bin`, reads the first bytes of
/// the answer (it has been accepted and is being answered) and reads no
/// more.
fn not_reading(socket: &str) -> TcpStream {
    let mut stream = TcpStream::connect(socket).unwrap();
    stream
        .write_all(b"GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut start = [0u8; 12];
    stream.read_exact(&mut start).unwrap();
    assert_eq!(&start, b"HTTP/1.1 200");
    stream
}

/// The review's case: clients that ask for a file and never read the
/// answer, as many as the connection limit allows and more, once held
/// every connection and made the server unreachable. Room is made by
/// closing the connection that has made the least progress; a new request
/// is answered at once.
#[test]
fn clients_that_never_read_the_answer_do_not_stop_answers_to_others() {
    let site = TestSite::fixture("basic");
    site.write("static/big.bin", vec![b'x'; BIG]);
    // At most 8 connections (80 descriptors, 64 set aside, half of the rest).
    let server = Serving::start(&site, Some(80));
    let stalled: Vec<TcpStream> = (0..12).map(|_| not_reading(server.socket())).collect();
    let (status, body) = server.get("/kk/rules/first/");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Бірінші ереже</h1>"));
    // Another wave, with the first still open (or closed by the server).
    let more: Vec<TcpStream> = (0..12).map(|_| not_reading(server.socket())).collect();
    assert_eq!(server.get("/ru/").0, 200);
    drop((stalled, more));
    let stderr = server.stderr.lock().unwrap().clone();
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Connections that got their answer and stay open (keep-alive) without
/// asking for more fill the limit too: the oldest is closed for a new one,
/// which is answered, not closed itself.
#[test]
fn idle_connections_at_the_limit_make_room_for_a_new_one() {
    let site = TestSite::fixture("basic");
    let server = Serving::start(&site, Some(80));
    let idle: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut stream = TcpStream::connect(server.socket()).unwrap();
            stream
                .write_all(b"HEAD /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(60)))
                .unwrap();
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") {
                stream.read_exact(&mut byte).unwrap();
                head.push(byte[0]);
            }
            assert!(head.starts_with(b"HTTP/1.1 200"));
            stream
        })
        .collect();
    for _ in 0..3 {
        assert_eq!(server.get("/kk/").0, 200);
    }
    drop(idle);
}
