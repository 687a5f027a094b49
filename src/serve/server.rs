//! An HTTP server (axum and tower-http's file service) for the output
//! folder, with live-reload events.
//!
//! Routes: `/__aqparat/events` (server-sent events: `reload` after a good
//! build, `failed` with the error messages after a bad one, and at once
//! while the last build is failed, or to a page of an older good build),
//! `/__aqparat/status` (the last build's errors as JSON),
//! `/__aqparat/livereload.js`; everything else is a file of the output, HTML
//! with the script injected, and a missing file gets the 404 page of its
//! language with status 404. Files are opened without following links (see
//! `beneath`). Connections are limited in number, must send their request
//! in time and read their answer (see `connections`).
//!
//! Every request passes through `finish`: one for a host other than
//! `localhost` or an IP address is refused (see `is_allowed_host`), one
//! that names no host, or two, is a bad request; HEAD
//! gets the headers GET would (RFC 9110 §9.3.2), the length
//! of the HTML with its script among them; ranges are cut from files sent
//! as they are, never from HTML (see `ranges`); text says it is UTF-8; a
//! redirect leads to a path of this server, never to `//host`.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
// HttpBody: a body's size, which HEAD's answer tells.
use axum::body::{Body, HttpBody};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, Version, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;
use tower_http::services::ServeDir;

use super::beneath::{self, Beneath};
use super::connections::{self, GuardedListener};
use super::ranges;
use crate::messages::Lang;
use crate::msg;

const SCRIPT: &str = include_str!("livereload.js");
/// The live-reload script's tag, which names the good build the page is
/// of (see [`event_stream`]).
fn script_tag(build: u64) -> String {
    format!("<script src=\"/__aqparat/livereload.js?build={build}\" defer></script>")
}

/// What the last build left for the browsers.
#[derive(Debug, Clone)]
pub enum BuildState {
    /// The build succeeded: browsers reload.
    Ok,
    /// The build failed: browsers show its errors.
    Failed(Failure),
}

/// A failed build's errors, in every language of messages: the overlay
/// shows them in the language of the page it covers (its `<html lang>`),
/// else in this run's language.
#[derive(Debug, Clone)]
pub struct Failure(serde_json::Value);

impl Failure {
    /// The errors `render` shows in each language.
    pub fn new(render: impl Fn(Lang) -> Vec<String>) -> Failure {
        let messages: serde_json::Map<String, serde_json::Value> = Lang::ALL
            .into_iter()
            .map(|lang| {
                let shown = serde_json::json!({
                    "title": msg!("overlay-title").in_lang(lang),
                    "errors": render(lang),
                });
                (lang.code().to_string(), shown)
            })
            .collect();
        Failure(serde_json::json!({
            "ok": false,
            "lang": Lang::current().code(),
            "messages": messages,
        }))
    }
}

#[derive(Clone)]
struct Shared {
    output: PathBuf,
    /// The path the site is published at (`/`, `/aqparat/`), served so.
    base_path: Arc<Mutex<String>>,
    state: Arc<Mutex<BuildState>>,
    /// How many good builds were announced: the number of the last.
    good_builds: Arc<AtomicU64>,
    events: broadcast::Sender<BuildState>,
}

/// A running preview server.
pub struct Server {
    shared: Shared,
    /// The address it listens on.
    pub address: SocketAddr,
    runtime: tokio::runtime::Runtime,
}

impl Server {
    /// Starts serving `output` on `address` in background threads.
    pub fn start(address: SocketAddr, output: &Path) -> std::io::Result<Server> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let (events, _) = broadcast::channel(16);
        let shared = Shared {
            output: output.to_path_buf(),
            base_path: Arc::new(Mutex::new("/".to_string())),
            state: Arc::new(Mutex::new(BuildState::Ok)),
            good_builds: Arc::new(AtomicU64::new(0)),
            events,
        };
        let listener = runtime.block_on(tokio::net::TcpListener::bind(address))?;
        let address = listener.local_addr()?;
        let app = Router::new()
            .route("/__aqparat/events", get(event_stream))
            .route("/__aqparat/status", get(status))
            .route("/__aqparat/livereload.js", get(script))
            .fallback(files)
            .layer(middleware::from_fn_with_state(shared.clone(), finish))
            .with_state(shared.clone());
        runtime.spawn(async move {
            let listener = GuardedListener::new(listener, connections::limit());
            if let Err(error) = axum::serve(listener, app).await {
                crate::tell!(
                    "aqparat: {}",
                    msg!("server-stopped", error = error.to_string())
                );
            }
        });
        Ok(Server {
            shared,
            address,
            runtime,
        })
    }

    /// Tells the browsers how the last build went.
    pub fn announce(&self, state: BuildState) {
        if matches!(state, BuildState::Ok) {
            self.shared.good_builds.fetch_add(1, Ordering::SeqCst);
        }
        if let Ok(mut current) = self.shared.state.lock() {
            *current = state.clone();
        }
        // No browser listening is not an error.
        let _ = self.shared.events.send(state);
    }

    /// Serves the site under `base_path` (`/aqparat/`), the path of its
    /// address: its links lead there, as they will once published.
    pub fn serve_under(&self, base_path: &str) {
        if let Ok(mut current) = self.shared.base_path.lock() {
            base_path.clone_into(&mut current);
        }
    }

    /// Its address for a browser (`http://HOST:PORT`): where it listens,
    /// or, listening on every interface (`0.0.0.0`, `::`), where `0.0.0.0`
    /// leads nowhere, this machine's address on its network (see
    /// [`reachable`]).
    pub fn origin(&self) -> String {
        format!("http://{}", reachable(self.address))
    }

    /// Stops the server.
    pub fn stop(self) {
        self.runtime.shutdown_background();
    }
}

/// The live-reload events. A browser that connects is told at once, if
/// the last build failed, of its errors, and else, if a good build came
/// after the one its page is of (`?build=N`, the number its script tag
/// gave), to reload: it subscribes before reading the state, so no build's
/// result can fall between its page and its stream.
async fn event_stream(
    State(shared): State<Shared>,
    uri: Uri,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let updates = BroadcastStream::new(shared.events.subscribe()).filter_map(Result::ok);
    let page_build = (uri.query())
        .and_then(|query| query.strip_prefix("build="))
        .and_then(|number| number.parse::<u64>().ok());
    let missed = match current(&shared) {
        failed @ BuildState::Failed(_) => Some(failed),
        BuildState::Ok => page_build
            .filter(|build| *build != shared.good_builds.load(Ordering::SeqCst))
            .map(|_| BuildState::Ok),
    };
    let stream = tokio_stream::iter(missed)
        .chain(updates)
        .map(|state| Ok(event(state)));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The event that tells browsers of `state`.
fn event(state: BuildState) -> Event {
    match state {
        BuildState::Ok => Event::default().event("reload").data("ok"),
        BuildState::Failed(failure) => Event::default().event("failed").data(failure.0.to_string()),
    }
}

/// How the last build went.
fn current(shared: &Shared) -> BuildState {
    shared
        .state
        .lock()
        .map(|s| s.clone())
        .unwrap_or(BuildState::Ok)
}

async fn status(State(shared): State<Shared>) -> Response {
    let body = match current(&shared) {
        BuildState::Ok => serde_json::json!({ "ok": true }).to_string(),
        BuildState::Failed(failure) => failure.0.to_string(),
    };
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}

/// A file of the output; a missing one gets the 404 page of its language.
async fn files(State(shared): State<Shared>, request: Request) -> Response {
    let base_path = (shared.base_path.lock()).map_or_else(|_| "/".to_string(), |b| b.clone());
    let request = match below(request, &base_path) {
        Ok(request) => request,
        Err(response) => return *response,
    };
    let path = request.uri().path().to_string();
    let mut serve = ServeDir::with_backend(&shared.output, Beneath::new(&shared.output))
        .redirect_path_prefix(base_path.trim_end_matches('/'));
    match serve.try_call(request).await {
        Ok(response) if response.status() == StatusCode::NOT_FOUND => {
            not_found(&shared.output, &path).await
        }
        Ok(response) => response.map(Body::new),
        // tower-http reports a missing file without a trailing slash as an
        // error rather than a 404 response.
        Err(error) if is_not_found(&error) => not_found(&shared.output, &path).await,
        Err(error) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!("aqparat serve: cannot read {path}: {error}\n"),
        )
            .into_response(),
    }
}

/// `request` for a path under `base_path`, made a request for the path
/// below it; else the answer: the site's start for `/` (where a browser
/// opens the server), and a 404 saying where the site is for any other
/// path outside it.
fn below(request: Request, base_path: &str) -> Result<Request, Box<Response>> {
    if base_path == "/" {
        return Ok(request);
    }
    let path = request.uri().path().to_string();
    let Some(rest) = path.strip_prefix(base_path.trim_end_matches('/')) else {
        return Err(Box::new(match path.as_str() {
            "/" => (
                StatusCode::FOUND,
                [(header::LOCATION, base_path.to_string())],
            )
                .into_response(),
            _ => (
                StatusCode::NOT_FOUND,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                msg!("serve-outside-base", path = &path, base_path = base_path).to_string(),
            )
                .into_response(),
        }));
    };
    // `/sub//x` is no path of the site (its redirect would lead to the host `x`).
    if !(rest.is_empty() || rest.starts_with('/')) || rest.starts_with("//") {
        return Err(Box::new(StatusCode::NOT_FOUND.into_response()));
    }
    let rest = match rest.is_empty() {
        true => "/",
        false => rest,
    };
    let (mut parts, body) = request.into_parts();
    let query = parts
        .uri
        .query()
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    parts.uri = format!("{rest}{query}")
        .parse()
        .map_err(|_| Box::new(StatusCode::BAD_REQUEST.into_response()))?;
    Ok(Request::from_parts(parts, body))
}

/// Whether reading a file failed because there is no such file to serve.
fn is_not_found(error: &std::io::Error) -> bool {
    // ENOTDIR: a path through a file, as `/favicon.svg/x`.
    const NOT_A_DIRECTORY: i32 = 20;
    matches!(
        error.kind(),
        std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied
    ) || error.raw_os_error() == Some(NOT_A_DIRECTORY)
}

/// Status 404 with the 404 page of the language `path` is in (`/kk/…`
/// gets `/kk/404.html`), else the site's (`/404.html`, the default
/// language's); a short page saying so before a build has written them.
async fn not_found(output: &Path, path: &str) -> Response {
    for page in not_found_pages(output, path) {
        let root = output.to_path_buf();
        let read = tokio::task::spawn_blocking(move || {
            let mut html = Vec::new();
            std::io::Read::read_to_end(&mut beneath::open(&root, &page)?, &mut html).map(|_| html)
        });
        if let Ok(Ok(html)) = read.await {
            return (
                StatusCode::NOT_FOUND,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                html,
            )
                .into_response();
        }
    }
    // No 404 page: no build has succeeded yet. A page of its own, so that
    // the live-reload script shows the failed build's errors over it and
    // reloads it once a build succeeds.
    let escape = crate::render::xml::escape;
    let text = msg!("serve-no-build-yet", path = path).to_string();
    let html = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>aqparat serve</title></head><body><p>{}</p></body></html>\n",
        Lang::current().code(),
        escape(&text)
    );
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response()
}

/// The 404 pages to try for `path`, best first. The first segment names a
/// language only if it looks like a language code: never `..` or a file
/// name, so that no path leads out of the output.
fn not_found_pages(output: &Path, path: &str) -> Vec<PathBuf> {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    let is_language = !first.is_empty()
        && first.len() <= 16
        && first
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let mut pages = Vec::with_capacity(2);
    if is_language {
        pages.push(output.join(first).join("404.html"));
    }
    pages.push(output.join("404.html"));
    pages
}

/// Every answer, made what the request asked for (see the module's
/// account): the handlers answer every HEAD as a GET, and never see a
/// range.
async fn finish(State(shared): State<Shared>, request: Request, next: Next) -> Response {
    // The `Host` and, in a request for `http://host/path`, the host it
    // names instead (RFC 9112 §3.2.2); two `Host`s are a bad request, and
    // so is none in HTTP/1.1, which must name its host (§3.2).
    let hosts = request.headers().get_all(header::HOST).iter().count();
    if hosts > 1 || (hosts == 0 && request.version() == Version::HTTP_11) {
        return StatusCode::BAD_REQUEST.into_response();
    }
    let header = request
        .headers()
        .get(header::HOST)
        .map(HeaderValue::as_bytes);
    let authority = request.uri().authority().map(|a| a.as_str().as_bytes());
    if let Some(host) = header
        .into_iter()
        .chain(authority)
        .find(|h| !is_allowed_host(h))
    {
        let host = String::from_utf8_lossy(host).into_owned();
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            msg!("serve-host-refused", host = host).to_string(),
        )
            .into_response();
    }
    let (mut parts, body) = request.into_parts();
    let head = parts.method == Method::HEAD;
    if head {
        // GET's answer, so that HEAD's headers are GET's, its length among
        // them; the body is left out below.
        parts.method = Method::GET;
    }
    // Taken from every request, applied to GET's answers alone: range
    // handling is defined for GET only (RFC 9110 §14.2).
    let range = ranges::Asked::take(&mut parts.headers).filter(|_| !head);
    let mut response = next.run(Request::from_parts(parts, body)).await;
    if is_html(response.headers()) {
        // Transformed, so the range (counted in the file) is ignored.
        let build = shared.good_builds.load(Ordering::SeqCst);
        response = inject_script(response, build).await;
    } else if let Some(range) = range {
        response = range.apply(response);
    }
    add_charset(response.headers_mut());
    keep_on_this_server(response.headers_mut());
    if head {
        response = without_body(response);
    }
    response
}

/// Whether `host`, a request's `Host` (its port after it), names this
/// server as a browser reaches a preview: `localhost` (or a name under
/// it) or an IP address. A page of another site whose name was made to
/// resolve to this machine (DNS rebinding) sends its own name: refused,
/// it cannot read the preview (drafts included) from a visitor's browser.
/// As Vite's dev server allows by default.
fn is_allowed_host(host: &[u8]) -> bool {
    let Ok(host) = std::str::from_utf8(host) else {
        return false;
    };
    let host = host.to_ascii_lowercase();
    let name = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((address, port))
                if port.is_empty() || port.strip_prefix(':').is_some_and(is_port) =>
            {
                return address.parse::<std::net::Ipv6Addr>().is_ok();
            }
            _ => return false,
        },
        None => match host.rsplit_once(':') {
            Some((name, port)) if is_port(port) => name,
            Some(_) => return false,
            None => &host,
        },
    };
    let name = name.strip_suffix('.').unwrap_or(name);
    name == "localhost"
        || name.ends_with(".localhost")
        || name.parse::<std::net::Ipv4Addr>().is_ok()
}

/// `address`, or, when it is every interface's (`0.0.0.0`, `::`), the
/// address this machine sends from to others, with its port: what a UDP
/// socket connected to a documentation address (RFC 5737, RFC 3849) is
/// given, which sends nothing; loopback when the machine has no network.
fn reachable(address: SocketAddr) -> SocketAddr {
    if !address.ip().is_unspecified() {
        return address;
    }
    let to_v4 = ("0.0.0.0:0", "192.0.2.1:9");
    let probes = match address.ip() {
        IpAddr::V4(_) => vec![to_v4],
        // A listener on `::` takes IPv4 too (Linux's default).
        IpAddr::V6(_) => vec![("[::]:0", "[2001:db8::1]:9"), to_v4],
    };
    let found = probes.into_iter().find_map(|(from, to)| {
        let socket = std::net::UdpSocket::bind(from).ok()?;
        socket.connect(to).ok()?;
        let ip = socket.local_addr().ok()?.ip();
        (!ip.is_unspecified()).then_some(ip)
    });
    let loopback = match address.ip() {
        IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::LOCALHOST),
    };
    SocketAddr::new(found.unwrap_or(loopback), address.port())
}

/// Whether `digits` are a port number as a `Host` writes it.
fn is_port(digits: &str) -> bool {
    (1..=5).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// Adds the live-reload script of the good build `build` to an HTML
/// response, sent whole.
async fn inject_script(response: Response, build: u64) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let html = String::from_utf8_lossy(&bytes);
    let tag = script_tag(build);
    let injected = match html.rfind("</body>") {
        Some(i) => format!("{}{tag}{}", &html[..i], &html[i..]),
        None => format!("{html}{tag}"),
    };
    parts
        .headers
        .insert(header::CONTENT_LENGTH, injected.len().into());
    // The file's tag, made weak (as nginx makes it when it transforms an
    // answer): the page sent is not the file's bytes.
    if let Some(tag) = parts.headers.get(header::ETAG)
        && !tag.as_bytes().starts_with(b"W/")
        && let Ok(weak) = HeaderValue::from_bytes(&[b"W/", tag.as_bytes()].concat())
    {
        parts.headers.insert(header::ETAG, weak);
    }
    // No range of the page is served (see `finish`): clients need not ask.
    parts
        .headers
        .insert(header::ACCEPT_RANGES, HeaderValue::from_static("none"));
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Response::from_parts(parts, Body::from(injected))
}

/// `; charset=utf-8` on the text types aqparat writes, all in UTF-8 (HTML,
/// CSS, JavaScript, XML and its feeds, SVG, JSON, plain text): tower-http
/// names the type alone, and a browser guesses the encoding of a
/// stylesheet, or of a page without `<meta charset>`. nginx's `charset
/// utf-8` (deploy/nginx.conf) says the same of the published pages.
fn add_charset(headers: &mut HeaderMap) {
    let Some(kind) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return;
    };
    let is_text = matches!(
        kind,
        "text/html"
            | "text/css"
            | "text/javascript"
            | "application/javascript"
            | "text/xml"
            | "application/xml"
            | "image/svg+xml"
            | "application/json"
            | "text/plain"
    ) || (kind.starts_with("application/")
        && (kind.ends_with("+xml") || kind.ends_with("+json")));
    if is_text && let Ok(value) = HeaderValue::from_str(&format!("{kind}; charset=utf-8")) {
        headers.insert(header::CONTENT_TYPE, value);
    }
}

/// A redirect's location made a path of this server: no run of slashes at
/// its start, so that `//kk/` (the answer to `//kk`) is not read as the
/// host `kk`, and no backslash, which browsers read as a slash (`/\\kk/`
/// would be `//kk/`). Done here rather than where each location is made,
/// so that none escapes.
fn keep_on_this_server(headers: &mut HeaderMap) {
    if let Some(location) = headers.get(header::LOCATION) {
        let path = on_this_server(location.as_bytes());
        let value = HeaderValue::from_bytes(&path).unwrap_or(HeaderValue::from_static("/"));
        headers.insert(header::LOCATION, value);
    }
}

/// `location` with its backslashes percent-encoded (the same path to the
/// file service, which decodes them) and the slashes it starts with, if
/// more than one, made one; without the spaces and control characters
/// before it, which browsers skip too.
fn on_this_server(location: &[u8]) -> Vec<u8> {
    let start = location
        .iter()
        .position(|&b| b > b' ')
        .unwrap_or(location.len());
    let mut path = Vec::with_capacity(location.len() + 8);
    for &byte in &location[start..] {
        match byte {
            b'\\' => path.extend_from_slice(b"%5C"),
            b'/' if path.as_slice() == b"/" => {}
            byte => path.push(byte),
        }
    }
    path
}

/// `response` without its body, with the length it had (HEAD).
fn without_body(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    if let Some(length) = body.size_hint().exact()
        && !parts.headers.contains_key(header::CONTENT_LENGTH)
    {
        parts.headers.insert(header::CONTENT_LENGTH, length.into());
    }
    Response::from_parts(parts, Body::empty())
}

#[cfg(test)]
mod tests {
    use super::{is_allowed_host, not_found_pages, on_this_server};
    use std::path::{Path, PathBuf};

    #[test]
    fn only_localhost_and_ip_addresses_are_taken_as_this_servers_host() {
        for host in [
            "localhost",
            "localhost:1111",
            "LOCALHOST:1111",
            "preview.localhost:8080",
            "localhost.",
            "127.0.0.1:1111",
            "192.168.1.20:1111",
            "[::1]:1111",
            "[::1]",
            "[fe80::1]:80",
        ] {
            assert!(is_allowed_host(host.as_bytes()), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.evil.example",
            "[::1].evil:1",
            "[::1",
            "localhost:port",
            "localhost:123456",
            "::1",
            "",
        ] {
            assert!(!is_allowed_host(host.as_bytes()), "{host}");
        }
        assert!(!is_allowed_host(b"local\xffhost"));
    }

    #[test]
    fn a_redirect_never_leads_to_another_host() {
        for (location, path) in [
            ("/kk/", "/kk/"),
            ("//kk/", "/kk/"),
            ("///kk/?x=//y", "/kk/?x=//y"),
            ("/\\kk/", "/%5Ckk/"),
            ("\\\\kk", "%5C%5Ckk"),
            ("/\\/kk", "/%5C/kk"),
            (" \t//kk", "/kk"),
            ("/sub/kk/", "/sub/kk/"),
            ("/sub//kk/", "/sub//kk/"),
        ] {
            let got = on_this_server(location.as_bytes());
            assert_eq!(String::from_utf8(got).unwrap(), path, "{location:?}");
        }
    }

    #[test]
    fn a_missing_path_gets_its_languages_404_page_and_never_one_outside() {
        let output = Path::new("/out");
        let pages = |path: &str| not_found_pages(output, path);
        assert_eq!(
            pages("/kk/rules/protectio"),
            [
                PathBuf::from("/out/kk/404.html"),
                PathBuf::from("/out/404.html")
            ]
        );
        for path in [
            "/favicon.ico",
            "/../secret",
            "/",
            "/.git/config",
            "/%2e%2e/x",
        ] {
            assert_eq!(pages(path), [PathBuf::from("/out/404.html")], "{path}");
        }
    }
}
