//! An HTTP server (axum and tower-http's file service) for the output
//! folder, with live-reload events.
//!
//! Routes: `/__aqparat/events` (server-sent events: `reload` after a good
//! build, `failed` with the error messages after a bad one),
//! `/__aqparat/status` (the last build's errors as JSON),
//! `/__aqparat/livereload.js`; everything else is a file of the output, HTML
//! with the script injected, and a missing file gets the 404 page of its
//! language with status 404.

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

const SCRIPT: &str = include_str!("livereload.js");
const SCRIPT_TAG: &str = "<script src=\"/__aqparat/livereload.js\" defer></script>";

/// What the last build left for the browsers.
#[derive(Debug, Clone)]
pub enum BuildState {
    /// The build succeeded: browsers reload.
    Ok,
    /// The build failed with these messages: browsers show them.
    Failed(Vec<String>),
}

#[derive(Clone)]
struct Shared {
    output: PathBuf,
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
            if let Err(error) = axum::serve(listener, app).await {
                eprintln!("aqparat: server stopped: {error}");
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
        Ok(BuildState::Failed(errors)) => Some(Ok(Event::default()
            .event("failed")
            .data(serde_json::to_string(&errors).unwrap_or_default()))),
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
    let (ok, errors) = match state {
        BuildState::Ok => (true, Vec::new()),
        BuildState::Failed(errors) => (false, errors),
    };
    let body = serde_json::json!({ "ok": ok, "errors": errors }).to_string();
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}

/// A file of the output; a missing one gets the nearest 404 page.
async fn files(State(shared): State<Shared>, request: Request) -> Response {
    let path = request.uri().path().to_string();
    let response = match ServeDir::new(&shared.output).try_call(request).await {
        Ok(response) => response.map(Body::new),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if response.status() != StatusCode::NOT_FOUND {
        return response;
    }
    // The 404 page of the language the path is in, else the site's.
    let lang = path
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    let mut candidates = vec![shared.output.join("404.html")];
    if !lang.is_empty() {
        candidates.insert(0, shared.output.join(lang).join("404.html"));
    }
    for page in candidates {
        if let Ok(html) = tokio::fs::read(&page).await {
            return (
                StatusCode::NOT_FOUND,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                html,
            )
                .into_response();
        }
    }
    response
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
