//! An HTTP server (axum and tower-http's file service) for the output
//! folder, with live-reload events.
//!
//! Routes: `/__aqparat/events` (server-sent events: `reload` after a good
//! build, `failed` with the error messages after a bad one),
//! `/__aqparat/status` (the last build's errors as JSON),
//! `/__aqparat/livereload.js`; everything else is a file of the output, HTML
//! with the script injected, and a missing file gets the 404 page of its
//! language with status 404. Connections are limited in number and must
//! send their request in time (see `connections`).

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;
use tower_http::services::ServeDir;

use super::connections::{self, GuardedListener};
use crate::messages::Lang;
use crate::msg;

const SCRIPT: &str = include_str!("livereload.js");
const SCRIPT_TAG: &str = "<script src=\"/__aqparat/livereload.js\" defer></script>";

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
            events,
        };
        let listener = runtime.block_on(tokio::net::TcpListener::bind(address))?;
        let address = listener.local_addr()?;
        let app = Router::new()
            .route("/__aqparat/events", get(event_stream))
            .route("/__aqparat/status", get(status))
            .route("/__aqparat/livereload.js", get(script))
            .fallback(files)
            .layer(middleware::from_fn(inject_script))
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

    /// Stops the server.
    pub fn stop(self) {
        self.runtime.shutdown_background();
    }
}

async fn event_stream(
    State(shared): State<Shared>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(shared.events.subscribe()).filter_map(|state| match state {
        Ok(BuildState::Ok) => Some(Ok(Event::default().event("reload").data("ok"))),
        Ok(BuildState::Failed(failure)) => Some(Ok(Event::default()
            .event("failed")
            .data(failure.0.to_string()))),
        Err(_) => None,
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn status(State(shared): State<Shared>) -> Response {
    let state = shared
        .state
        .lock()
        .map(|s| s.clone())
        .unwrap_or(BuildState::Ok);
    let body = match state {
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
    let mut serve =
        ServeDir::new(&shared.output).redirect_path_prefix(base_path.trim_end_matches('/'));
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
        if let Ok(html) = tokio::fs::read(&page).await {
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

/// Adds the live-reload script to every HTML response.
async fn inject_script(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let html = String::from_utf8_lossy(&bytes);
    let injected = match html.rfind("</body>") {
        Some(i) => format!("{}{SCRIPT_TAG}{}", &html[..i], &html[i..]),
        None => format!("{html}{SCRIPT_TAG}"),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Response::from_parts(parts, Body::from(injected))
}

#[cfg(test)]
mod tests {
    use super::not_found_pages;
    use std::path::{Path, PathBuf};

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
