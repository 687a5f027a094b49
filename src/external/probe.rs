//! A probe: asks one address whether it answers. HEAD first, and GET when
//! the server refuses HEAD (405 Method Not Allowed, 501 Not Implemented);
//! redirects followed, up to [`MAX_REDIRECTS`]; a timeout, a server error
//! (5xx) or 429 Too Many Requests tried again after a pause that doubles
//! (or the server's `Retry-After`, up to [`MAX_PAUSE`]). The address is
//! live when its last answer is 2xx; a permanent redirect to a live page
//! counts as live (the link works; it is not a warning, which `--strict`
//! would make an error).

use std::time::Duration;

use ureq::RequestBuilder;
use ureq::typestate::WithoutBody;

use crate::messages::{Arg, Message};
use crate::{ExternalCheck, msg};

/// How many redirects a probe follows.
pub const MAX_REDIRECTS: usize = 10;
/// The pause before the first retry; each next one is twice as long.
const FIRST_PAUSE: Duration = Duration::from_millis(500);
/// The longest pause before a retry, whatever `Retry-After` asks.
pub const MAX_PAUSE: Duration = Duration::from_secs(10);

/// What a probe found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The address, after its redirects, answered this 2xx status.
    Live(u16),
    /// It did not answer, or not with 2xx.
    Dead(Problem),
}

/// Why an address is not live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The server answered this status (not 2xx, nor a redirect).
    Status(u16),
    /// No answer within the timeout.
    Timeout,
    /// The host's name is not known (DNS).
    HostNotFound,
    /// The server refused the connection.
    Refused,
    /// No secure connection: what rustls said.
    Tls(String),
    /// More than [`MAX_REDIRECTS`] redirects.
    Redirects,
    /// Another failure: what the HTTP client said.
    Failed(String),
}

impl Problem {
    /// What the problem is, in words; `timeout` is the time waited.
    pub fn message(&self, timeout: Duration) -> Message {
        match self {
            Problem::Status(status) => msg!("external-status", status = status.to_string()),
            Problem::Timeout => msg!(
                "external-timeout",
                seconds = Arg::count(timeout.as_secs().max(1) as usize)
            ),
            Problem::HostNotFound => msg!("external-host-not-found"),
            Problem::Refused => msg!("external-refused"),
            Problem::Tls(error) => msg!("external-tls", error = error.as_str()),
            Problem::Redirects => msg!("external-redirects", count = Arg::count(MAX_REDIRECTS)),
            Problem::Failed(error) => msg!("external-failed", error = error.as_str()),
        }
    }

    /// The problem for the cache file: the status, or a few words.
    pub fn code(&self) -> (Option<u16>, Option<String>) {
        let words = match self {
            Problem::Status(status) => return (Some(*status), None),
            Problem::Timeout => "timeout".to_string(),
            Problem::HostNotFound => "host not found".to_string(),
            Problem::Refused => "connection refused".to_string(),
            Problem::Tls(error) => format!("tls: {error}"),
            Problem::Redirects => "too many redirects".to_string(),
            Problem::Failed(error) => error.clone(),
        };
        (None, Some(words))
    }
}

/// Asks addresses, one at a time (a thread of the pool each has one).
pub struct Prober {
    agent: ureq::Agent,
    retries: u32,
}

/// One answer's status and what a probe needs of its headers.
struct Reply {
    status: u16,
    location: Option<String>,
    retry_after: Option<Duration>,
}

impl Prober {
    /// A prober with the timeout and retries of `settings`.
    pub fn new(settings: &ExternalCheck) -> Prober {
        let config = ureq::Agent::config_builder()
            // Statuses and redirects are the probe's to judge.
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .timeout_per_call(Some(settings.timeout))
            .user_agent(concat!(
                "aqparat/",
                env!("CARGO_PKG_VERSION"),
                " (link check)"
            ))
            .build();
        Prober {
            agent: ureq::Agent::new_with_config(config),
            retries: settings.retries,
        }
    }

    /// Asks `url` (an absolute http(s) address), following its redirects.
    pub fn probe(&self, url: &str) -> Answer {
        let mut current = url.to_string();
        for _ in 0..=MAX_REDIRECTS {
            let reply = match self.ask_again_if_busy(&current) {
                Ok(reply) => reply,
                Err(problem) => return Answer::Dead(problem),
            };
            let next = (reply.location.as_deref())
                .filter(|_| (300..400).contains(&reply.status))
                .and_then(|location| url::Url::parse(&current).ok()?.join(location).ok());
            match next {
                Some(next) => current = next.into(),
                None if (200..300).contains(&reply.status) => return Answer::Live(reply.status),
                None => return Answer::Dead(Problem::Status(reply.status)),
            }
        }
        Answer::Dead(Problem::Redirects)
    }

    /// [`Self::ask`], again after a timeout, a 5xx or a 429, up to the
    /// retries, each after a pause.
    fn ask_again_if_busy(&self, url: &str) -> Result<Reply, Problem> {
        let mut pause = FIRST_PAUSE;
        for _ in 0..self.retries {
            let wait = match self.ask(url) {
                Err(Problem::Timeout) => pause,
                Ok(reply) if reply.status == 429 || reply.status >= 500 => {
                    reply.retry_after.unwrap_or(pause)
                }
                done => return done,
            };
            std::thread::sleep(wait.min(MAX_PAUSE));
            pause *= 2;
        }
        self.ask(url)
    }

    /// Asks `url` with HEAD, and with GET when HEAD is refused.
    fn ask(&self, url: &str) -> Result<Reply, Problem> {
        let head = send(self.agent.head(url))?;
        match head.status {
            405 | 501 => send(self.agent.get(url)),
            _ => Ok(head),
        }
    }
}

/// Sends `request`; its body, if any, is not read.
fn send(request: RequestBuilder<WithoutBody>) -> Result<Reply, Problem> {
    let response = request.call().map_err(problem)?;
    let header = |name: &str| {
        let value = response.headers().get(name)?;
        value.to_str().ok().map(str::to_string)
    };
    Ok(Reply {
        status: response.status().as_u16(),
        location: header("location"),
        retry_after: header("retry-after")
            .and_then(|v| v.trim().parse().ok())
            .map(Duration::from_secs),
    })
}

/// The problem that ureq's `error` is.
fn problem(error: ureq::Error) -> Problem {
    use std::io::ErrorKind;
    match error {
        ureq::Error::Timeout(_) => Problem::Timeout,
        ureq::Error::HostNotFound => Problem::HostNotFound,
        ureq::Error::TooManyRedirects => Problem::Redirects,
        ureq::Error::Io(e) => match e.kind() {
            ErrorKind::ConnectionRefused => Problem::Refused,
            ErrorKind::TimedOut | ErrorKind::WouldBlock => Problem::Timeout,
            _ => Problem::Failed(e.to_string()),
        },
        ureq::Error::Tls(e) => Problem::Tls(e.to_string()),
        ureq::Error::Rustls(e) => Problem::Tls(e.to_string()),
        other => Problem::Failed(other.to_string()),
    }
}
