//! The preview server's connections, guarded against clients that connect
//! and never finish a request.
//!
//! - **A header-read timeout**: a connection must deliver a whole request
//!   head within [`HEADER_TIMEOUT`] of being accepted, or of the last bytes
//!   the server wrote on it (an idle keep-alive connection waits as long).
//!   Bytes trickling in do not extend it, so a client sending a byte every
//!   few seconds is closed too.
//! - **A connection limit**, [`limit`], below the process's descriptor
//!   limit. When it is reached, the oldest connection still waiting for its
//!   request head is closed to make room (then the oldest live-reload event
//!   stream, which the browser reopens by itself); a connection that is
//!   being answered is never cut off.
//!
//! axum's `serve` gives hyper no timer, hence no header timeout, and takes
//! any number of connections; this module does both at the level of the
//! socket, as a [`axum::serve::Listener`]. It reads the request head only
//! far enough to find where it ends (an empty line) and whether it asks for
//! the event stream (`GET /__aqparat/events`), whose connection stays open
//! with nothing more to read.

use std::collections::VecDeque;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use crate::msg;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, Sleep};

/// How long a connection may take to send a request head, counted from
/// its acceptance or from the server's last write on it.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// The request line of the live-reload event stream.
const EVENTS_REQUEST: &[u8] = b"GET /__aqparat/events";

/// Descriptors left for everything but connections: the files being
/// served, the build, the file watcher, the runtime.
const RESERVED_DESCRIPTORS: u64 = 64;

/// The most connections open at once: half of the descriptors left by the
/// process's limit (`ulimit -n`) once [`RESERVED_DESCRIPTORS`] are set
/// aside (each answer may open a file too), between 8 and 1,024.
pub fn limit() -> usize {
    let descriptors = rustix::process::getrlimit(rustix::process::Resource::Nofile)
        .current
        .unwrap_or(u64::MAX);
    let limit = (descriptors.saturating_sub(RESERVED_DESCRIPTORS) / 2).clamp(8, 1024);
    usize::try_from(limit).unwrap_or(1024)
}

/// Where a connection is in its exchange.
const WAITING_FOR_HEAD: u8 = 0;
const ANSWERING: u8 = 1;
const EVENT_STREAM: u8 = 2;

/// What the listener knows of an open connection.
struct Connection {
    phase: AtomicU8,
    /// Set to close the connection to make room for a new one.
    closing: AtomicBool,
    /// The task serving it, woken to notice `closing`.
    waker: Mutex<Option<Waker>>,
}

impl Connection {
    fn close(&self) {
        self.closing.store(true, Ordering::SeqCst);
        if let Ok(mut waker) = self.waker.lock()
            && let Some(waker) = waker.take()
        {
            waker.wake();
        }
    }
}

/// A TCP listener that keeps at most [`limit`] connections open and
/// closes those that do not send a request in time.
pub struct GuardedListener {
    listener: TcpListener,
    slots: Arc<Semaphore>,
    /// The open connections, oldest first (closed ones are pruned lazily).
    open: VecDeque<Weak<Connection>>,
}

impl GuardedListener {
    /// Guards `listener` with at most `limit` connections at once.
    pub fn new(listener: TcpListener, limit: usize) -> GuardedListener {
        GuardedListener {
            listener,
            slots: Arc::new(Semaphore::new(limit.max(1))),
            open: VecDeque::new(),
        }
    }

    /// Closes the oldest connection waiting for its request head, else the
    /// oldest event stream; gives whether there was one.
    fn make_room(&mut self) -> bool {
        self.open.retain(|c| c.strong_count() > 0);
        let open: Vec<Arc<Connection>> = self.open.iter().filter_map(Weak::upgrade).collect();
        let victim = [WAITING_FOR_HEAD, EVENT_STREAM].iter().find_map(|phase| {
            open.iter().find(|c| {
                !c.closing.load(Ordering::SeqCst) && c.phase.load(Ordering::SeqCst) == *phase
            })
        });
        match victim {
            Some(connection) => {
                connection.close();
                true
            }
            None => false,
        }
    }

    /// A free slot, waiting (and making room) while there is none.
    async fn slot(&mut self) -> OwnedSemaphorePermit {
        loop {
            if let Ok(permit) = Arc::clone(&self.slots).try_acquire_owned() {
                return permit;
            }
            self.make_room();
            // A closed connection frees its slot once its task has seen
            // the news; look again shortly in case it never does.
            let wait = Arc::clone(&self.slots).acquire_owned();
            if let Ok(Ok(permit)) = tokio::time::timeout(Duration::from_millis(200), wait).await {
                return permit;
            }
        }
    }
}

impl axum::serve::Listener for GuardedListener {
    type Io = GuardedStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (GuardedStream, SocketAddr) {
        let permit = self.slot().await;
        loop {
            match self.listener.accept().await {
                Ok((stream, address)) => {
                    let connection = Arc::new(Connection {
                        phase: AtomicU8::new(WAITING_FOR_HEAD),
                        closing: AtomicBool::new(false),
                        waker: Mutex::new(None),
                    });
                    self.open.push_back(Arc::downgrade(&connection));
                    let stream = GuardedStream {
                        stream,
                        connection,
                        _permit: permit,
                        deadline: Box::pin(tokio::time::sleep(HEADER_TIMEOUT)),
                        head: HeadScan::default(),
                    };
                    return (stream, address);
                }
                // The client gave up before it was accepted.
                Err(error) if is_connection_error(&error) => {}
                // Out of descriptors, most likely: wait for some to close
                // rather than spin (as axum's own listener does).
                Err(error) => {
                    let message = msg!("cannot-accept", error = error.to_string());
                    crate::tell!("aqparat: {message}");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }
}

fn is_connection_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

/// Finds the end of request heads in the bytes read, and the event
/// stream's request line.
#[derive(Default)]
struct HeadScan {
    /// The first bytes of the head being read.
    start: Vec<u8>,
    /// Whether the current line has nothing but `\r` so far (after a `\n`).
    line_is_empty: bool,
}

impl HeadScan {
    /// Goes through `bytes`; gives the phase after them, from `phase`.
    fn scan(&mut self, mut phase: u8, bytes: &[u8]) -> (u8, bool) {
        let mut head_ended = false;
        for &byte in bytes {
            match phase {
                EVENT_STREAM => break,
                ANSWERING => {
                    // The next request of a kept-alive connection.
                    phase = WAITING_FOR_HEAD;
                    *self = HeadScan::default();
                }
                _ => {}
            }
            if self.start.len() < EVENTS_REQUEST.len() {
                self.start.push(byte);
            }
            match byte {
                b'\n' if self.line_is_empty => {
                    head_ended = true;
                    phase = if self.start.starts_with(EVENTS_REQUEST) {
                        EVENT_STREAM
                    } else {
                        ANSWERING
                    };
                }
                b'\n' => self.line_is_empty = true,
                b'\r' => {}
                _ => self.line_is_empty = false,
            }
        }
        (phase, head_ended)
    }
}

/// A connection of [`GuardedListener`]: closed when its request head is
/// late or when room is made for a newer one; frees its slot when dropped.
pub struct GuardedStream {
    stream: TcpStream,
    connection: Arc<Connection>,
    _permit: OwnedSemaphorePermit,
    deadline: Pin<Box<Sleep>>,
    head: HeadScan,
}

impl GuardedStream {
    fn closing_error(&self) -> Option<io::Error> {
        self.connection.closing.load(Ordering::SeqCst).then(|| {
            io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "closed to make room for a newer connection",
            )
        })
    }

    fn extend_deadline(&mut self) {
        if self.connection.phase.load(Ordering::SeqCst) != EVENT_STREAM {
            self.deadline
                .as_mut()
                .reset(Instant::now() + HEADER_TIMEOUT);
        }
    }
}

impl AsyncRead for GuardedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if let Some(error) = self.closing_error() {
            return Poll::Ready(Err(error));
        }
        if let Ok(mut waker) = self.connection.waker.lock()
            && !waker.as_ref().is_some_and(|w| w.will_wake(cx.waker()))
        {
            *waker = Some(cx.waker().clone());
        }
        let phase = self.connection.phase.load(Ordering::SeqCst);
        if phase != EVENT_STREAM && self.deadline.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "no request head within the header timeout",
            )));
        }
        let before = buf.filled().len();
        let result = Pin::new(&mut self.stream).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = result {
            let this = &mut *self;
            let (phase, head_ended) = this.head.scan(phase, &buf.filled()[before..]);
            this.connection.phase.store(phase, Ordering::SeqCst);
            if head_ended {
                this.extend_deadline();
            }
        }
        result
    }
}

impl AsyncWrite for GuardedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if let Some(error) = self.closing_error() {
            return Poll::Ready(Err(error));
        }
        let result = Pin::new(&mut self.stream).poll_write(cx, buf);
        if let Poll::Ready(Ok(n)) = result
            && n > 0
        {
            self.extend_deadline();
        }
        result
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        if let Some(error) = self.closing_error() {
            return Poll::Ready(Err(error));
        }
        let result = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        if let Poll::Ready(Ok(n)) = result
            && n > 0
        {
            self.extend_deadline();
        }
        result
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::{ANSWERING, EVENT_STREAM, HeadScan, WAITING_FOR_HEAD};

    #[test]
    fn heads_end_at_an_empty_line_and_the_event_stream_is_told_apart() {
        let mut scan = HeadScan::default();
        let (phase, ended) = scan.scan(WAITING_FOR_HEAD, b"GET /kk/ HTTP/1.1\r\nHost: x\r\n");
        assert_eq!((phase, ended), (WAITING_FOR_HEAD, false));
        assert_eq!(scan.scan(phase, b"\r"), (WAITING_FOR_HEAD, false));
        assert_eq!(scan.scan(WAITING_FOR_HEAD, b"\n"), (ANSWERING, true));
        // The next request on the same connection.
        assert_eq!(
            scan.scan(ANSWERING, b"GET /ru/ HTTP/1.1\n"),
            (WAITING_FOR_HEAD, false)
        );
        assert_eq!(scan.scan(WAITING_FOR_HEAD, b"\n"), (ANSWERING, true));
        let mut scan = HeadScan::default();
        let events = b"GET /__aqparat/events HTTP/1.1\r\nHost: x\r\n\r\n";
        assert_eq!(scan.scan(WAITING_FOR_HEAD, events), (EVENT_STREAM, true));
        assert_eq!(
            scan.scan(EVENT_STREAM, b"GET / HTTP/1.1\r\n\r\n"),
            (EVENT_STREAM, false)
        );
        // Half a head never ends.
        let mut scan = HeadScan::default();
        assert_eq!(
            scan.scan(WAITING_FOR_HEAD, b"GET / HTTP/1.1\r\nHost: x\r\nX-A: b"),
            (WAITING_FOR_HEAD, false)
        );
    }
}
