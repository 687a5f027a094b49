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

    /// The number of days from 1970-01-01 to this date (negative before).
    pub fn days(self) -> i64 {
        // Howard Hinnant's `days_from_civil`: years begin in March, so
        // that the leap day is the last day of a year.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days after 1970-01-01 (the inverse of
    /// [`Date::days`]); `None` outside the years 0–9999, which dates of
    /// this form cannot write.
    pub fn from_days(days: i64) -> Option<Date> {
        let days = days.checked_add(719_468)?;
        let era = days.div_euclid(146_097);
        let day_of_era = days - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        if !(0..=9999).contains(&year) {
            return None;
        }
        Some(Date {
            year: i32::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
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
    fn days_count_from_1970_and_back() {
        let day = |text| Date::parse(text).unwrap();
        assert_eq!(day("1970-01-01").days(), 0);
        assert_eq!(day("2020-04-03").days(), 18_355);
        assert_eq!(day("1969-12-31").days(), -1);
        for text in [
            "2000-02-29",
            "2020-12-31",
            "2021-03-01",
            "0001-01-01",
            "9999-12-31",
        ] {
            assert_eq!(Date::from_days(day(text).days()), Some(day(text)), "{text}");
        }
        assert_eq!(Date::from_days(day("9999-12-31").days() + 1), None);
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
