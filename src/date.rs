//! Calendar dates as authors write them: `YYYY-MM-DD`.

use std::fmt;

use crate::messages::Message;
use crate::msg;

/// A valid date of the ISO calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, four digits.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting dates that do not exist
    /// (`2020-02-30`). The error says what is wrong, for a diagnostic.
    pub fn parse(text: &str) -> Result<Date, Message> {
        let bytes = text.as_bytes();
        let is_shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !is_shaped {
            return Err(msg!("date-form", text = text));
        }
        let year = text[0..4]
            .parse()
            .map_err(|_| msg!("date-bad-year", text = text))?;
        let month: u8 = text[5..7]
            .parse()
            .map_err(|_| msg!("date-bad-month", text = text))?;
        let day = text[8..10]
            .parse()
            .map_err(|_| msg!("date-bad-day", text = text))?;
        if !(1..=12).contains(&month) {
            return Err(msg!(
                "date-month-range",
                text = text,
                month = month.to_string()
            ));
        }
        icu_calendar::Date::try_new_iso(year, month, day)
            .map_err(|_| msg!("date-no-such-day", text = text, day = day.to_string()))?;
        Ok(Date { year, month, day })
    }

    /// The date in the ISO calendar, for ICU formatting.
    pub fn to_iso(self) -> icu_calendar::Date<icu_calendar::Iso> {
        icu_calendar::Date::try_new_iso(self.year, self.month, self.day)
            .expect("a parsed Date is valid by construction")
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A day, or a whole month when the source gives only the month (`2020-04`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrMonth {
    /// A day.
    Day(Date),
    /// A month: year and month.
    Month(i32, u8),
}

impl DayOrMonth {
    /// Parses `YYYY-MM-DD` or `YYYY-MM`.
    pub fn parse(text: &str) -> Result<DayOrMonth, Message> {
        if text.len() == 7 {
            let month = Date::parse(&format!("{text}-01"))
                .map_err(|_| msg!("date-or-month", text = text))?;
            return Ok(DayOrMonth::Month(month.year, month.month));
        }
        Date::parse(text).map(DayOrMonth::Day)
    }

    /// The first day it covers.
    pub fn first_day(self) -> Date {
        match self {
            DayOrMonth::Day(d) => d,
            DayOrMonth::Month(year, month) => Date {
                year,
                month,
                day: 1,
            },
        }
    }

    /// The last day it covers.
    pub fn last_day(self) -> Date {
        match self {
            DayOrMonth::Day(d) => d,
            DayOrMonth::Month(year, month) => (28..=31)
                .rev()
                .find_map(|day| Date::parse(&format!("{year:04}-{month:02}-{day:02}")).ok())
                .unwrap_or(Date {
                    year,
                    month,
                    day: 28,
                }),
        }
    }
}

impl fmt::Display for DayOrMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DayOrMonth::Day(d) => d.fmt(f),
            DayOrMonth::Month(year, month) => write!(f, "{year:04}-{month:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Date, DayOrMonth};

    #[test]
    fn parses_valid_and_rejects_impossible_dates() {
        assert_eq!(Date::parse("2020-04-03").unwrap().to_string(), "2020-04-03");
        assert!(Date::parse("2020-02-29").is_ok());
        assert!(Date::parse("2019-02-29").is_err());
        assert!(Date::parse("2020-13-01").is_err());
        assert!(Date::parse("3 April 2020").is_err());
        assert!(Date::parse("2020-4-3").is_err());
    }

    #[test]
    fn months_cover_their_days() {
        let april = DayOrMonth::parse("2020-04").unwrap();
        assert_eq!(april.first_day().to_string(), "2020-04-01");
        assert_eq!(april.last_day().to_string(), "2020-04-30");
        assert_eq!(
            DayOrMonth::parse("2020-02").unwrap().last_day().to_string(),
            "2020-02-29"
        );
        assert!(DayOrMonth::parse("2020-13").is_err());
    }
}
