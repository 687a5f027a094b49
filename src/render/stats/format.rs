//! Figures, units and dates of the statistics as text in one language:
//! "320 семей", "более 1 000 памяток", "по состоянию на 3 апреля 2020 г.".
//! The wording comes from the theme's UI strings (see the README).
//!
//! A text missing in the language (a warning of `validate`) is shown in the
//! site's default language instead: its *fallback*. A unit without nouns in
//! the language gives its figures wholly in the default language (number,
//! plural form, noun and wording), so that the noun always agrees with its
//! number. Whatever shows a fallback marks it with its `lang`.

use crate::date::DayOrMonth;
use crate::model::{Figure, Qualifier, Record, Stats, Text, When};
use crate::render::functions::Localizer;

/// Formats statistics in one language.
pub struct StatsFormat<'a> {
    /// The language.
    pub lang: &'a str,
    /// The site's default language, whose texts stand in for missing ones.
    pub default: &'a str,
    /// The statistics.
    pub stats: &'a Stats,
    localizer: &'a Localizer,
}

/// A text as shown in one language, with the language it is in when that
/// is another (a fallback).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The text.
    pub text: String,
    /// The language of a fallback; `None` when the text is in the language
    /// it is shown in.
    pub lang: Option<String>,
}

impl Shown {
    /// `text`, in the language it is shown in.
    pub fn plain(text: impl Into<String>) -> Shown {
        Shown {
            text: text.into(),
            lang: None,
        }
    }

    /// The `lang` attribute a fallback needs (` lang="kk"`), else nothing.
    pub fn lang_attribute(&self) -> String {
        self.lang.as_deref().map_or_else(String::new, |l| {
            format!(" lang=\"{}\"", crate::render::xml::attribute(l))
        })
    }

    /// The text escaped for HTML, a fallback inside `<span lang>`.
    pub fn html(&self) -> String {
        let text = crate::render::xml::escape(&self.text);
        match self.lang {
            Some(_) => format!("<span{}>{text}</span>", self.lang_attribute()),
            None => text,
        }
    }
}

impl<'a> StatsFormat<'a> {
    /// Formatting of `stats` in `lang`, the default language being
    /// `default`.
    pub fn new(
        localizer: &'a Localizer,
        stats: &'a Stats,
        lang: &'a str,
        default: &'a str,
    ) -> Self {
        StatsFormat {
            lang,
            default,
            stats,
            localizer,
        }
    }

    /// A UI string; a missing one is an error message.
    pub fn ui(&self, key: &str) -> Result<String, String> {
        self.localizer.translate(self.lang, key, None)
    }

    /// A UI string with plural forms, `{count}` in it replaced by `count`;
    /// a missing one is an error message.
    pub fn ui_count(&self, key: &str, count: usize) -> Result<String, String> {
        let count = i64::try_from(count).unwrap_or(i64::MAX);
        self.localizer.translate(self.lang, key, Some(count))
    }

    /// The text of `text` in this language, else its fallback (the default
    /// language's).
    fn text(&self, text: &'a Text) -> &'a str {
        let lang = self.text_lang(text).unwrap_or(self.lang);
        text.get(lang).map_or("", String::as_str)
    }

    /// The language of `text` as shown here when that is a fallback: the
    /// default language, when `text` has nothing in this one.
    fn text_lang(&self, text: &Text) -> Option<&'a str> {
        let missing = text.get(self.lang).is_none_or(|t| t.trim().is_empty());
        (missing && self.lang != self.default).then_some(self.default)
    }

    /// `text` as shown here, with the language of a fallback.
    pub fn shown(&self, text: &'a Text) -> Shown {
        Shown {
            text: self.text(text).to_string(),
            lang: self.text_lang(text).map(str::to_string),
        }
    }

    /// The language of the figures of `unit` when it has no nouns in this
    /// one: the default language, which then gives them.
    pub fn figure_lang(&self, unit: &str) -> Option<&'a str> {
        let missing = self
            .stats
            .unit(unit)
            .is_some_and(|u| !u.forms.contains_key(self.lang));
        (missing && self.lang != self.default).then_some(self.default)
    }

    /// [`StatsFormat::figure`] with the language of a fallback.
    pub fn shown_figure(&self, figure: Figure, unit: &str) -> Result<Shown, String> {
        Ok(Shown {
            text: self.figure(figure, unit)?,
            lang: self.figure_lang(unit).map(str::to_string),
        })
    }

    /// "320 семей": the count, a no-break space, then the unit's noun in the
    /// plural form the count takes, with "more than"/"about" when the figure
    /// is approximate: the UI strings `figure_more_than` and `figure_about`
    /// place `{figure}` (the whole), or `{number}` and `{noun}` apart, and
    /// `{number_from}`, the number with the Kazakh ablative ending
    /// (`1 000-нан астам жадынама`; in other languages the number alone),
    /// and `{noun_genitive}`, the noun as a word that takes the genitive
    /// puts it after the number (Russian `более 21 семьи`, `около 22
    /// семей`: the `few` form after a number of the `one` category, else
    /// the `many` form).
    /// A unit without nouns in this language gives the default language's
    /// figure (see [`StatsFormat::figure_lang`]).
    pub fn figure(&self, figure: Figure, unit: &str) -> Result<String, String> {
        let lang = self.figure_lang(unit).unwrap_or(self.lang);
        let format = self
            .localizer
            .format(lang)
            .ok_or_else(|| format!("unknown language `{lang}`"))?;
        let n = i64::try_from(figure.count).unwrap_or(i64::MAX);
        let category = format.plural_category(n);
        let forms = self.stats.unit(unit).and_then(|u| u.forms.get(lang));
        let noun = forms
            .and_then(|forms| forms.get(category).or_else(|| forms.get("other")))
            .ok_or_else(|| format!("unit `{unit}` has no `{lang}` form `{category}`"))?;
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
                let number_from = match lang {
                    "kk" => format!("{number}-{}", crate::locale::kazakh_ablative(figure.count)),
                    _ => number.clone(),
                };
                // After "более", "около" the Russian noun is in the
                // genitive: singular after a number ending in 1 (21
                // семьи), which is written as the `few` form; else plural,
                // as the `many` form (22 семей).
                let genitive = match category {
                    "one" => "few",
                    _ => "many",
                };
                let noun_genitive = forms.and_then(|f| f.get(genitive)).unwrap_or(noun);
                Ok(self
                    .localizer
                    .translate(lang, key, None)?
                    .replace("{figure}", &plain)
                    .replace("{noun_genitive}", noun_genitive)
                    .replace("{number_from}", &number_from)
                    .replace("{number}", &number)
                    .replace("{noun}", noun))
            }
        }
    }

    /// A record's figure, or "no figure given".
    pub fn record_figure(&self, record: &Record) -> Result<Shown, String> {
        match record.figure {
            Some(figure) => self.shown_figure(figure, &record.unit),
            None => self.ui("no_figure").map(Shown::plain),
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

    /// A day in words ("3 апреля 2020 г.").
    pub fn date(&self, date: crate::date::Date) -> Result<String, String> {
        let format = self
            .localizer
            .format(self.lang)
            .ok_or_else(|| format!("unknown language `{}`", self.lang))?;
        Ok(format.date(date))
    }

    /// How often, in words (`frequency_daily`…).
    pub fn frequency(&self, frequency: &str) -> Result<String, String> {
        self.ui(&format!("frequency_{frequency}"))
    }

    /// The short name of organisation `id`.
    pub fn org_short(&self, id: &str) -> Shown {
        (self.stats.organisation(id)).map_or_else(|| Shown::plain(""), |o| self.shown(&o.short))
    }
}
