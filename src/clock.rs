//! The build's "now": which pages are published yet (a `date` to come) and
//! which are no longer in force (`expires`), and when `watch` must build
//! again because that changes.
//!
//! A build reads the clock once (see `pipeline`). Days are UTC days: a
//! page dated D is published from 00:00 UTC of D, one that expires on E is
//! no longer in force from 00:00 UTC of E. The clock is the system's,
//! unless `AQPARAT_NOW` sets it (RFC 3339, `2026-03-02T09:00:00+05:00`, or
//! a day, `2026-03-02`, meaning its 00:00 UTC); from that reading it runs on
//! as the system's clock does, so that `watch` under a set clock still
//! reaches the next moment a page is published (tests set it a second
//! before).

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::date::Date;
use crate::messages::Message;
use crate::msg;

/// The environment variable that sets the clock.
pub const NOW_VARIABLE: &str = "AQPARAT_NOW";

const DAY_MS: i64 = 86_400_000;

/// An instant, in milliseconds since 1970-01-01 00:00 UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment(i64);

impl Moment {
    /// 00:00 UTC of `date`: the moment a page dated `date` is published.
    pub fn start_of(date: Date) -> Moment {
        Moment(date.days() * DAY_MS)
    }

    /// The UTC day it is in (at the latest 9999-12-31, the last day a
    /// front matter date can name).
    pub fn today(self) -> Date {
        let last = Date {
            year: 9999,
            month: 12,
            day: 31,
        };
        Date::from_days(self.0.div_euclid(DAY_MS)).unwrap_or(last)
    }

    /// How long from `self` until `later` (nothing when it has passed).
    pub fn until(self, later: Moment) -> Duration {
        Duration::from_millis(u64::try_from(later.0 - self.0).unwrap_or(0))
    }
}

/// Where "now" comes from: the system clock, or one set by
/// [`NOW_VARIABLE`] that runs on from its setting.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    set: Option<(Moment, Instant)>,
}

impl Default for Clock {
    fn default() -> Clock {
        Clock::system()
    }
}

impl Clock {
    /// The system clock.
    pub fn system() -> Clock {
        Clock { set: None }
    }

    /// A clock that reads `moment` now, and runs on from it.
    pub fn starting_at(moment: Moment) -> Clock {
        Clock {
            set: Some((moment, Instant::now())),
        }
    }

    /// The clock `AQPARAT_NOW` sets, else the system clock; an error,
    /// naming the value, when it is neither RFC 3339 nor `YYYY-MM-DD`.
    pub fn from_environment() -> Result<Clock, Message> {
        let Some(value) = std::env::var_os(NOW_VARIABLE) else {
            return Ok(Clock::system());
        };
        value
            .to_str()
            .and_then(|text| parse(text.trim()))
            .map(Clock::starting_at)
            .ok_or_else(|| {
                let value = value.to_string_lossy().escape_debug().to_string();
                msg!("clock-invalid", variable = NOW_VARIABLE, value = value)
            })
    }

    /// The moment it is.
    pub fn now(&self) -> Moment {
        match self.set {
            Some((moment, since)) => {
                let elapsed = i64::try_from(since.elapsed().as_millis()).unwrap_or(i64::MAX);
                Moment(moment.0.saturating_add(elapsed))
            }
            None => {
                let since_epoch = SystemTime::now().duration_since(UNIX_EPOCH);
                Moment(since_epoch.map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX)))
            }
        }
    }
}

/// `YYYY-MM-DD` (00:00 UTC), or RFC 3339's
/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
fn parse(text: &str) -> Option<Moment> {
    let (day, rest) = (text.get(..10)?, text.get(10..)?);
    let date = Date::parse(day).ok()?;
    let day_start = Moment::start_of(date).0;
    if rest.is_empty() {
        return Some(Moment(day_start));
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let number = |text: &str, max: i64| {
        let n: i64 = text.parse().ok()?;
        (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()) && n <= max).then_some(n)
    };
    let (hour, minute, second) = (
        number(rest.get(0..2)?, 23)?,
        number(rest.get(3..5)?, 59)?,
        // 60: a leap second, as RFC 3339 allows.
        number(rest.get(6..8)?, 60)?,
    );
    if rest.get(2..3)? != ":" || rest.get(5..6)? != ":" {
        return None;
    }
    let mut zone = rest.get(8..)?;
    if let Some(fraction) = zone.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        zone = &fraction[digits..];
    }
    let offset = match zone {
        "Z" | "z" => 0,
        _ => {
            let sign = match zone.get(0..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            if zone.len() != 6 || zone.get(3..4)? != ":" {
                return None;
            }
            sign * (number(zone.get(1..3)?, 23)? * 60 + number(zone.get(4..6)?, 59)?)
        }
    };
    let seconds = hour * 3600 + minute * 60 + second - offset * 60;
    Some(Moment(day_start + seconds * 1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn now_is_a_day_or_an_rfc_3339_time() {
        let start = Moment::start_of(day("2026-03-02"));
        assert_eq!(parse("2026-03-02"), Some(start));
        assert_eq!(parse("2026-03-02T00:00:00Z"), Some(start));
        assert_eq!(parse("2026-03-02t05:00:00.250+05:00"), Some(start));
        assert_eq!(parse("2026-03-01T23:59:59Z"), Some(Moment(start.0 - 1000)));
        assert_eq!(parse("2026-03-01 19:00:00-05:00"), Some(start));
        for bad in [
            "",
            "tomorrow",
            "2026-02-30",
            "2026-03-02T24:00:00Z",
            "2026-03-02T10:00:00",
            "2026-03-02T10:00Z",
            "2026-03-02T10:00:00+5:00",
            "2026-03-02T10:00:00.Z",
            "2026-03-02T10:00:00Zjunk",
            "1700000000",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_moment_is_in_its_utc_day() {
        let start = Moment::start_of(day("2026-03-02"));
        assert_eq!(start.today(), day("2026-03-02"));
        assert_eq!(Moment(start.0 - 1).today(), day("2026-03-01"));
        assert_eq!(Moment(start.0 - 1000).until(start), Duration::from_secs(1));
        assert_eq!(start.until(Moment(start.0 - 1000)), Duration::ZERO);
    }

    #[test]
    fn a_set_clock_runs_on() {
        let start = Moment::start_of(day("2026-03-02"));
        let clock = Clock::starting_at(start);
        assert!(clock.now() >= start);
        assert!(Clock::system().now() > start.min(Moment(0)));
    }
}
