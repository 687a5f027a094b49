//! Figures, units and dates of the statistics as text in one language:
//! "320 семей", "более 1 000 памяток", "по состоянию на 3 апреля 2020 г.".
//! The wording comes from the theme's UI strings (see the README).

use crate::date::DayOrMonth;
use crate::model::{Figure, Qualifier, Record, Stats, Text, When};
use crate::render::functions::Localizer;

/// Formats statistics in one language.
pub struct StatsFormat<'a> {
    /// The language.
    pub lang: &'a str,
    /// The statistics.
    pub stats: &'a Stats,
    localizer: &'a Localizer,
}

impl<'a> StatsFormat<'a> {
    /// Formatting of `stats` in `lang`.
    pub fn new(localizer: &'a Localizer, stats: &'a Stats, lang: &'a str) -> Self {
        StatsFormat {
            lang,
            stats,
            localizer,
        }
    }

    /// A UI string; a missing one is an error message.
    pub fn ui(&self, key: &str) -> Result<String, String> {
        self.localizer.translate(self.lang, key, None)
    }

    /// The text of `text` in this language.
    pub fn text(&self, text: &'a Text) -> &'a str {
        text.get(self.lang).map_or("", String::as_str)
    }

    /// "320 семей": the count, a no-break space, then the unit's noun in the
    /// plural form the count takes, with "more than"/"about" when the figure
    /// is approximate: the UI strings `figure_more_than` and `figure_about`
    /// place `{figure}` (the whole), or `{number}` and `{noun}` apart, and
    /// `{number_from}`, the number with the Kazakh ablative ending
    /// (`1 000-нан астам жадынама`; in other languages the number alone).
    pub fn figure(&self, figure: Figure, unit: &str) -> Result<String, String> {
        let format = self
            .localizer
            .format(self.lang)
            .ok_or_else(|| format!("unknown language `{}`", self.lang))?;
        let n = i64::try_from(figure.count).unwrap_or(i64::MAX);
        let category = format.plural_category(n);
        let noun = self
            .stats
            .unit(unit)
            .and_then(|u| u.forms.get(self.lang))
            .and_then(|forms| forms.get(category).or_else(|| forms.get("other")))
            .ok_or_else(|| format!("unit `{unit}` has no `{}` form `{category}`", self.lang))?;
        // A no-break space: a number is not left at the end of a line
        // without its noun.
        let plain = format!("{}\u{a0}{noun}", format.number(n));
        match figure.qualifier {
            None => Ok(plain),
            Some(q) => {
                let key = match q {
                    Qualifier::MoreThan => "figure_more_than",
                    Qualifier::About => "figure_about",
                };
                let number = format.number(n);
                let number_from = match self.lang {
                    "kk" => format!("{number}-{}", crate::locale::kazakh_ablative(figure.count)),
                    _ => number.clone(),
                };
                Ok(self
                    .ui(key)?
                    .replace("{figure}", &plain)
                    .replace("{number_from}", &number_from)
                    .replace("{number}", &number)
                    .replace("{noun}", noun))
            }
        }
    }

    /// A record's figure, or "no figure given".
    pub fn record_figure(&self, record: &Record) -> Result<String, String> {
        match record.figure {
            Some(figure) => self.figure(figure, &record.unit),
            None => self.ui("no_figure"),
        }
    }

    /// When a record's figure applies, in words.
    pub fn when(&self, when: When) -> Result<String, String> {
        let format = self
            .localizer
            .format(self.lang)
            .ok_or_else(|| format!("unknown language `{}`", self.lang))?;
        let show = |d: DayOrMonth| match d {
            DayOrMonth::Day(date) => format.date(date),
            DayOrMonth::Month(year, month) => format.month(year, month),
        };
        Ok(match when {
            When::Unknown => self.ui("date_not_given")?,
            When::AsOf(date) => self.ui("as_of")?.replace("{date}", &format.date(date)),
            When::Period(Some(from), None) => {
                self.ui("period_from")?.replace("{from}", &show(from))
            }
            // Only the end is known: "to 3 April", not "as of 3 April".
            When::Period(None, Some(to)) => self.ui("period_to")?.replace("{to}", &show(to)),
            When::Period(from, to) => self
                .ui("period_from_to")?
                .replace("{from}", &from.map(show).unwrap_or_default())
                .replace("{to}", &to.map(show).unwrap_or_default()),
        })
    }

    /// How often, in words (`frequency_daily`…).
    pub fn frequency(&self, frequency: &str) -> Result<String, String> {
        self.ui(&format!("frequency_{frequency}"))
    }

    /// The short name of organisation `id`.
    pub fn org_short(&self, id: &str) -> &'a str {
        self.stats
            .organisation(id)
            .map_or("", |o| self.text(&o.short))
    }
}
