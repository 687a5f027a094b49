//! Byte ranges (RFC 9110 §14) of the files the preview serves as they are.
//!
//! The handlers never see `Range` or `If-Range`: [`Asked::take`] removes
//! them from the request, and [`Asked::apply`] cuts the range out of the
//! whole file's answer once it is known to be sent unchanged. An answer
//! whose body is transformed (HTML, given the live-reload script) is not
//! the file the range counts in, so it ignores the range and is sent whole,
//! as a server may always do. So is the answer to a range the server does
//! not serve (several ranges: no multipart answers; a malformed one) and
//! to an `If-Range` naming another version of the file. Only a single
//! well-formed range that starts past the file's end gets 416.

use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use tokio_stream::Stream;

/// One range of a `Range` header (`bytes=…`), not yet set against a length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spec {
    /// `first-` or `first-last`.
    From(u64, Option<u64>),
    /// `-length`: the last `length` bytes.
    Suffix(u64),
}

/// What a GET asked for with `Range` (and `If-Range`).
#[derive(Debug)]
pub struct Asked {
    spec: Spec,
    if_range: Option<HeaderValue>,
}

impl Asked {
    /// Removes `Range` and `If-Range` from `headers`; gives the range asked
    /// for when it is one the server serves: a single, well-formed byte
    /// range.
    pub fn take(headers: &mut HeaderMap) -> Option<Asked> {
        let ranges: Vec<HeaderValue> = headers.get_all(header::RANGE).iter().cloned().collect();
        headers.remove(header::RANGE);
        let if_range = headers.remove(header::IF_RANGE);
        let [range] = ranges.as_slice() else {
            return None;
        };
        let spec = parse(range.to_str().ok()?)?;
        Some(Asked { spec, if_range })
    }

    /// `response` narrowed to the range: 206 with that part of the body, or
    /// 416 when the range starts past its end. Unchanged unless it is the
    /// whole of a file sent as it is (200, `Accept-Ranges: bytes`, a known
    /// length), and when `If-Range` names another version of the file.
    pub fn apply(self, response: Response) -> Response {
        let headers = response.headers();
        let length = headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        let is_file = response.status() == StatusCode::OK
            && headers.get(header::ACCEPT_RANGES) == Some(&HeaderValue::from_static("bytes"))
            && !headers.contains_key(header::CONTENT_ENCODING);
        let (Some(length), true) = (length, is_file) else {
            return response;
        };
        if let Some(validator) = &self.if_range
            && !is_current(validator, headers)
        {
            return response;
        }
        let (mut parts, body) = response.into_parts();
        match self.spec.within(length) {
            Within::Whole => Response::from_parts(parts, body),
            Within::Unsatisfiable => {
                parts.status = StatusCode::RANGE_NOT_SATISFIABLE;
                parts.headers.remove(header::CONTENT_TYPE);
                parts.headers.insert(header::CONTENT_LENGTH, 0.into());
                let whole = format!("bytes */{length}");
                if let Ok(value) = HeaderValue::from_str(&whole) {
                    parts.headers.insert(header::CONTENT_RANGE, value);
                }
                Response::from_parts(parts, Body::empty())
            }
            Within::Part(first, last) => {
                parts.status = StatusCode::PARTIAL_CONTENT;
                let size = last - first + 1;
                parts.headers.insert(header::CONTENT_LENGTH, size.into());
                let range = format!("bytes {first}-{last}/{length}");
                if let Ok(value) = HeaderValue::from_str(&range) {
                    parts.headers.insert(header::CONTENT_RANGE, value);
                }
                let slice = Slice {
                    body: body.into_data_stream(),
                    skip: first,
                    left: size,
                };
                Response::from_parts(parts, Body::from_stream(slice))
            }
        }
    }
}

/// Where a range falls in a body of some length.
#[derive(Debug, PartialEq, Eq)]
enum Within {
    /// The bytes `first..=last`.
    Part(u64, u64),
    /// Nothing to cut: the whole body (a suffix of an empty one).
    Whole,
    /// No byte of the body.
    Unsatisfiable,
}

impl Spec {
    fn within(self, length: u64) -> Within {
        match self {
            Spec::From(first, _) if first >= length => Within::Unsatisfiable,
            Spec::From(first, last) => {
                let last = last.map_or(length - 1, |last| last.min(length - 1));
                Within::Part(first, last)
            }
            // A suffix of length 0 asks for no byte (RFC 9110 §14.1.1).
            Spec::Suffix(0) => Within::Unsatisfiable,
            Spec::Suffix(_) if length == 0 => Within::Whole,
            Spec::Suffix(suffix) => Within::Part(length - suffix.min(length), length - 1),
        }
    }
}

/// The range of a `Range` value when it holds exactly one well-formed byte
/// range (`bytes=0-9`, `bytes=100-`, `bytes=-5`; empty list elements and
/// spaces around them allowed, as in any list).
fn parse(value: &str) -> Option<Spec> {
    let (unit, set) = value.split_once('=')?;
    if !unit.eq_ignore_ascii_case("bytes") {
        return None;
    }
    let mut specs = set
        .split(',')
        .map(|s| s.trim_matches([' ', '\t']))
        .filter(|s| !s.is_empty());
    let (Some(spec), None) = (specs.next(), specs.next()) else {
        return None;
    };
    let (first, last) = spec.split_once('-')?;
    // Digits only; a number too large for u64 is past any end.
    let number = |digits: &str| {
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<u64>().unwrap_or(u64::MAX))
    };
    match (first.is_empty(), last.is_empty()) {
        (true, true) => None,
        (true, false) => Some(Spec::Suffix(number(last)?)),
        (false, true) => Some(Spec::From(number(first)?, None)),
        (false, false) => {
            let (first, last) = (number(first)?, number(last)?);
            (last >= first).then_some(Spec::From(first, Some(last)))
        }
    }
}

/// Whether an `If-Range` validator is the current one of the answer: its
/// entity tag, compared strongly (a weak tag never matches, RFC 9110
/// §13.1.5), or its `Last-Modified` date, exactly as the server sent it
/// (which is what a client that kept it sends back).
fn is_current(validator: &HeaderValue, headers: &HeaderMap) -> bool {
    let validator = validator.as_bytes().trim_ascii();
    if validator.starts_with(b"\"") {
        headers
            .get(header::ETAG)
            .is_some_and(|tag| tag.as_bytes() == validator)
    } else if validator.starts_with(b"W/") {
        false
    } else {
        headers
            .get(header::LAST_MODIFIED)
            .is_some_and(|date| date.as_bytes() == validator)
    }
}

/// The bytes `skip..skip + left` of a body. The file is read from its
/// start, the bytes before the range thrown away: the preview's files are
/// small, and this keeps opening files to tower-http's file service alone.
struct Slice<S> {
    body: S,
    skip: u64,
    left: u64,
}

impl<S, E> Stream for Slice<S>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
{
    type Item = Result<Bytes, E>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            if self.left == 0 {
                return Poll::Ready(None);
            }
            let mut bytes = match std::task::ready!(Pin::new(&mut self.body).poll_next(cx)) {
                Some(Ok(bytes)) => bytes,
                other => return Poll::Ready(other),
            };
            let length = bytes.len() as u64;
            if self.skip >= length {
                self.skip -= length;
                continue;
            }
            // Both below `bytes.len()`, so they fit a usize.
            let start = usize::try_from(self.skip).unwrap_or(usize::MAX);
            let end = usize::try_from(self.left.min(length - self.skip)).unwrap_or(usize::MAX);
            bytes = bytes.slice(start..start + end);
            self.skip = 0;
            self.left -= bytes.len() as u64;
            return Poll::Ready(Some(Ok(bytes)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Slice, Spec, Within, parse};
    use axum::body::Bytes;
    use tokio_stream::StreamExt;

    #[test]
    fn one_well_formed_range_is_read_and_anything_else_ignored() {
        assert_eq!(parse("bytes=0-9"), Some(Spec::From(0, Some(9))));
        assert_eq!(parse("bytes=100-"), Some(Spec::From(100, None)));
        assert_eq!(parse("bytes=-5"), Some(Spec::Suffix(5)));
        assert_eq!(parse("Bytes= 3-4 ,"), Some(Spec::From(3, Some(4))));
        assert_eq!(
            parse("bytes=99999999999999999999-"),
            Some(Spec::From(u64::MAX, None))
        );
        for ignored in [
            "bytes=0-0,5-6",
            "bytes=abc",
            "bytes=",
            "bytes=-",
            "bytes=5-3",
            "bytes=1-2-3",
            "bytes=+1-2",
            "items=0-9",
            "bytes 0-9",
            "",
        ] {
            assert_eq!(parse(ignored), None, "{ignored}");
        }
    }

    #[test]
    fn a_range_is_set_against_the_length_and_unsatisfiable_only_past_the_end() {
        assert_eq!(Spec::From(0, Some(9)).within(100), Within::Part(0, 9));
        assert_eq!(Spec::From(90, Some(200)).within(100), Within::Part(90, 99));
        assert_eq!(Spec::From(99, None).within(100), Within::Part(99, 99));
        assert_eq!(Spec::From(100, None).within(100), Within::Unsatisfiable);
        assert_eq!(Spec::From(0, None).within(0), Within::Unsatisfiable);
        assert_eq!(Spec::Suffix(5).within(100), Within::Part(95, 99));
        assert_eq!(Spec::Suffix(500).within(100), Within::Part(0, 99));
        assert_eq!(Spec::Suffix(5).within(0), Within::Whole);
        assert_eq!(Spec::Suffix(0).within(100), Within::Unsatisfiable);
    }

    #[test]
    fn a_slice_cuts_across_chunks() {
        let chunks = ["abc", "defg", "", "hij"].map(|c| Ok::<_, ()>(Bytes::from(c)));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        for (skip, left, expected) in [
            (0, 10, "abcdefghij"),
            (2, 3, "cde"),
            (3, 4, "defg"),
            (8, 5, "ij"),
            (9, 1, "j"),
        ] {
            let slice = Slice {
                body: tokio_stream::iter(chunks.clone()),
                skip,
                left,
            };
            let got: Vec<Bytes> =
                runtime.block_on(slice.map(Result::unwrap).collect::<Vec<Bytes>>());
            assert_eq!(got.concat(), expected.as_bytes(), "{skip} {left}");
        }
    }
}
