//! The preview server's connections, guarded against clients that connect
//! and never finish a request, or send one and never read the answer.
//!
//! - **A header-read timeout**: a connection must deliver a whole request
//!   head within [`HEADER_TIMEOUT`] of being accepted, or of the last bytes
//!   the server wrote on it (an idle keep-alive connection waits as long).
//!   Bytes trickling in do not extend it, so a client sending a byte every
//!   few seconds is closed too.
//! - **A write timeout**: an answer its client reads none of for
//!   [`WRITE_TIMEOUT`] (the socket's buffers full, no byte taken) is
//!   dropped with its connection.
//! - **A connection limit**, [`limit`], below the process's descriptor
//!   limit. When a new connection finds it reached, room is made by closing
//!   the one that has made the least progress, the one whose acceptance,
//!   last request head or last byte of an answer written is the oldest: a
//!   request never finished, an idle keep-alive connection, an answer its
//!   client has stopped reading. An answer being read progresses all the
//!   time, so it is the last cut; live-reload event streams are cut only
//!   when nothing else is open (the oldest first; the browser reopens it by
//!   itself).
//!
//! Room is made only for a connection already accepted, never in advance:
//! a slot taken before accepting would close a connection for one that may
//! never come.
//!
//! axum's `serve` gives hyper no timer, hence no header timeout, has no
//! write timeout and takes any number of connections; this module does all
//! three at the level of the socket, as a [`axum::serve::Listener`]. It reads the request head only
//! far enough to find where it ends (an empty line) and whether it asks for
//! the event stream (`GET /__aqparat/events`), whose connection stays open
//! with nothing more to read.

use std::collections::VecDeque;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
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

/// How long an answer may wait for its client to read a byte of it.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

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
    /// When the listener started, which [`Connection::progress`] counts from.
    epoch: Instant,
    /// Milliseconds from `epoch` to its last progress: its acceptance, the
    /// end of a request head, a byte of an answer written.
    progress: AtomicU64,
    /// Set to close the connection to make room for a new one.
    closing: AtomicBool,
    /// The task serving it, woken to notice `closing`.
    waker: Mutex<Option<Waker>>,
}

impl Connection {
    fn new(epoch: Instant) -> Connection {
        let connection = Connection {
            phase: AtomicU8::new(WAITING_FOR_HEAD),
            epoch,
            progress: AtomicU64::new(0),
            closing: AtomicBool::new(false),
            waker: Mutex::new(None),
        };
        connection.made_progress();
        connection
    }

    fn made_progress(&self) {
        let since = u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.progress.store(since, Ordering::SeqCst);
    }

    /// Keeps the waker of the task serving the connection, to wake it when
    /// the connection is to close, whether it waits to read or to write.
    fn remember(&self, cx: &Context<'_>) {
        if let Ok(mut waker) = self.waker.lock()
            && !waker.as_ref().is_some_and(|w| w.will_wake(cx.waker()))
        {
            *waker = Some(cx.waker().clone());
        }
    }

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
/// closes those that do not send a request, or read the answer, in time.
pub struct GuardedListener {
    listener: TcpListener,
    slots: Arc<Semaphore>,
    /// The open connections, oldest first (closed ones are pruned lazily).
    open: VecDeque<Weak<Connection>>,
    epoch: Instant,
}

impl GuardedListener {
    /// Guards `listener` with at most `limit` connections at once.
    pub fn new(listener: TcpListener, limit: usize) -> GuardedListener {
        GuardedListener {
            listener,
            slots: Arc::new(Semaphore::new(limit.max(1))),
            open: VecDeque::new(),
            epoch: Instant::now(),
        }
    }

    /// Closes the connection that has made the least progress (see
    /// [`least_progress`]).
    fn make_room(&mut self) {
        self.open.retain(|c| c.strong_count() > 0);
        let open: Vec<Arc<Connection>> = self.open.iter().filter_map(Weak::upgrade).collect();
        if let Some(connection) = least_progress(&open) {
            connection.close();
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

/// Of `open` (oldest first), the connection to close to make room: of
/// those not closing already and not event streams, the one whose last
/// progress is the oldest (a request head never finished, an idle
/// keep-alive, an answer its client stopped reading; an answer being read
/// progresses all the time, so it comes last), else the oldest event
/// stream.
fn least_progress(open: &[Arc<Connection>]) -> Option<&Arc<Connection>> {
    let open = open.iter().filter(|c| !c.closing.load(Ordering::SeqCst));
    let is_stream = |c: &&Arc<Connection>| c.phase.load(Ordering::SeqCst) == EVENT_STREAM;
    open.clone()
        .filter(|c| !is_stream(c))
        .min_by_key(|c| c.progress.load(Ordering::SeqCst))
        .or_else(|| open.clone().find(is_stream))
}

impl axum::serve::Listener for GuardedListener {
    type Io = GuardedStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (GuardedStream, SocketAddr) {
        loop {
            match self.listener.accept().await {
                Ok((stream, address)) => {
                    // Room for this connection, not for one to come (see
                    // the module's account).
                    let permit = self.slot().await;
                    let connection = Arc::new(Connection::new(self.epoch));
                    self.open.push_back(Arc::downgrade(&connection));
                    let stream = GuardedStream {
                        stream,
                        connection,
                        _permit: permit,
                        deadline: Box::pin(tokio::time::sleep(HEADER_TIMEOUT)),
                        head: HeadScan::default(),
                        stalled: false,
                        stall: Box::pin(tokio::time::sleep(WRITE_TIMEOUT)),
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
/// late, when its client stops reading the answer, or when room is made
/// for a newer one; frees its slot when dropped.
pub struct GuardedStream {
    stream: TcpStream,
    connection: Arc<Connection>,
    _permit: OwnedSemaphorePermit,
    deadline: Pin<Box<Sleep>>,
    head: HeadScan,
    /// Whether the last write was refused (the socket's buffers full).
    stalled: bool,
    /// [`WRITE_TIMEOUT`] from the first write refused since the last one
    /// that went through; meaningful while `stalled`.
    stall: Pin<Box<Sleep>>,
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

    /// Progress: a request head read, or bytes of an answer written.
    fn progressed(&mut self) {
        self.connection.made_progress();
        if self.connection.phase.load(Ordering::SeqCst) != EVENT_STREAM {
            self.deadline
                .as_mut()
                .reset(Instant::now() + HEADER_TIMEOUT);
        }
    }

    /// Keeps track of a write's `result`: bytes taken are progress and end
    /// a stall; a write refused (the socket's buffers full) starts a stall,
    /// or fails once the stall has lasted [`WRITE_TIMEOUT`].
    fn wrote(
        &mut self,
        cx: &mut Context<'_>,
        result: Poll<io::Result<usize>>,
    ) -> Poll<io::Result<usize>> {
        match result {
            Poll::Ready(Ok(n)) if n > 0 => {
                self.stalled = false;
                self.progressed();
            }
            Poll::Pending => {
                if !self.stalled {
                    self.stalled = true;
                    self.stall.as_mut().reset(Instant::now() + WRITE_TIMEOUT);
                }
                // Polled now, so that the task wakes when the time is up
                // even if the client never reads again.
                if self.stall.as_mut().poll(cx).is_ready() {
                    return Poll::Ready(Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "the client read nothing of the answer within the write timeout",
                    )));
                }
            }
            Poll::Ready(_) => {}
        }
        result
    }
}

impl AsyncRead for GuardedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        // Remembered before looking: a close after the look wakes this waker.
        self.connection.remember(cx);
        if let Some(error) = self.closing_error() {
            return Poll::Ready(Err(error));
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
                this.progressed();
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
        // Remembered before looking: a close after the look wakes this waker.
        self.connection.remember(cx);
        if let Some(error) = self.closing_error() {
            return Poll::Ready(Err(error));
        }
        let result = Pin::new(&mut self.stream).poll_write(cx, buf);
        self.wrote(cx, result)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        // Remembered before looking: a close after the look wakes this waker.
        self.connection.remember(cx);
        if let Some(error) = self.closing_error() {
            return Poll::Ready(Err(error));
        }
        let result = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        self.wrote(cx, result)
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
    use super::{ANSWERING, Connection, EVENT_STREAM, HeadScan, WAITING_FOR_HEAD, least_progress};
    use std::sync::Arc;
    use std::sync::atomic::Ordering;
    use tokio::time::Instant;

    #[test]
    fn room_is_made_by_closing_the_connection_that_progressed_least() {
        let epoch = Instant::now();
        // (phase, milliseconds from the epoch to its last progress)
        let connection = |phase, progress| {
            let connection = Connection::new(epoch);
            connection.phase.store(phase, Ordering::SeqCst);
            connection.progress.store(progress, Ordering::SeqCst);
            Arc::new(connection)
        };
        let stream = connection(EVENT_STREAM, 0);
        let reading = connection(ANSWERING, 9_000);
        let stalled = connection(ANSWERING, 2_000);
        let idle = connection(ANSWERING, 1_000);
        let half_sent = connection(WAITING_FOR_HEAD, 3_000);
        let open = [&stream, &reading, &stalled, &idle, &half_sent].map(Arc::clone);
        let order: Vec<_> = std::iter::from_fn(|| {
            let victim = least_progress(&open)?;
            victim.close();
            Some(Arc::clone(victim))
        })
        .collect();
        let expected = [&idle, &stalled, &half_sent, &reading, &stream];
        assert_eq!(order.len(), expected.len());
        for (got, expected) in order.iter().zip(expected) {
            assert!(Arc::ptr_eq(got, expected));
        }
    }

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
