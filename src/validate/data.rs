//! Checks on the aid statistics: every reference resolves, ids are unique,
//! counts are whole and not negative, dates exist and periods run forward,
//! every name and noun form exists in every language.

use std::collections::BTreeMap;
use std::path::Path;

use indexmap::IndexMap;

use crate::diag::{Diagnostic, Span};
use crate::load::{DataFile, RawAid, RawCount, RawRecord, Spanned, Texts, yaml_span};
use crate::locale::LocaleFormat;
use crate::model::{Date, DayOrMonth};

/// Accepted values of a record's `qualifier`.
pub const QUALIFIERS: [&str; 2] = ["more-than", "about"];
/// Accepted values of a record's `frequency`.
pub const FREQUENCIES: [&str; 4] = ["once", "daily", "weekly", "monthly"];

/// Collects diagnostics for one file.
struct Checker<'a> {
    path: &'a Path,
    text: &'a str,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, span: Span, message: String, hint: impl Into<String>) {
        self.diagnostics.push(
            Diagnostic::error(self.path, span, message)
                .with_hint(hint)
                .with_source(self.text),
        );
    }

    /// A text must exist, not empty, in every language, and in no other.
    fn texts(&mut self, texts: &Texts, what: &str, languages: &[String]) {
        for lang in languages {
            if texts.value.get(lang).is_none_or(|t| t.trim().is_empty()) {
                self.error(
                    yaml_span(texts, 0),
                    format!("{what} has no `{lang}` text"),
                    format!(
                        "add `{lang}: …` here; every name is written in each of the languages {}",
                        languages.join(", ")
                    ),
                );
            }
        }
        for lang in texts.value.keys().filter(|l| !languages.contains(l)) {
            self.error(
                yaml_span(texts, 0),
                format!("{what} has text in `{lang}`, which is not a language of the site"),
                format!("use the languages of site.yaml: {}", languages.join(", ")),
            );
        }
    }

    /// `id` must be a key of `table`.
    fn reference<T>(
        &mut self,
        id: &Spanned<String>,
        table: &IndexMap<Spanned<String>, T>,
        kind: &str,
        file: &str,
        context: &str,
    ) {
        if !table.keys().any(|k| k.value == id.value) {
            let known: Vec<&str> = table.keys().map(|k| k.value.as_str()).collect();
            self.error(
                yaml_span(id, 0),
                format!("{context}: unknown {kind} `{}`", id.value),
                format!("use an id defined in data/aid/{file}: {}", known.join(", ")),
            );
        }
    }
}

/// Checks the statistics against the site's languages.
pub fn check(aid: &RawAid, languages: &[String], diagnostics: &mut Vec<Diagnostic>) {
    let formats: Vec<(String, LocaleFormat)> = languages
        .iter()
        .map(|l| (l.clone(), LocaleFormat::new(l)))
        .collect();
    if let Some(file) = &aid.organisations {
        let mut c = checker(file, diagnostics);
        for (id, org) in &file.value {
            let what = format!("organisation `{}`", id.value);
            c.texts(&org.name, &what, languages);
            if let Some(short) = &org.short {
                c.texts(short, &what, languages);
            }
            if let Some(lang) = &org.quoted_lang
                && !languages.contains(&lang.value)
            {
                c.error(
                    yaml_span(lang, 0),
                    format!(
                        "{what}: `quoted_lang` is `{}`, not a language of the site",
                        lang.value
                    ),
                    format!(
                        "use one of {}: the language of the name in «…»",
                        languages.join(", ")
                    ),
                );
            }
            for other in org.parent.iter().chain(&org.partners) {
                c.reference(
                    other,
                    &file.value,
                    "organisation",
                    "organisations.yaml",
                    &what,
                );
            }
        }
    }
    if let Some(file) = &aid.categories {
        let mut c = checker(file, diagnostics);
        for (id, category) in &file.value {
            c.texts(
                &category.name,
                &format!("category `{}`", id.value),
                languages,
            );
        }
    }
    if let Some(file) = &aid.sources {
        let mut c = checker(file, diagnostics);
        for (id, source) in &file.value {
            let what = format!("source `{}`", id.value);
            c.texts(&source.title, &what, languages);
            if let Some(date) = &source.date
                && let Err(message) = Date::parse(&date.value)
            {
                c.error(
                    yaml_span(date, 0),
                    format!("{what}: invalid date: {message}"),
                    "write the date as YYYY-MM-DD",
                );
            }
            if let Some(url) = &source.url
                && !(url.value.starts_with("https://") || url.value.starts_with("http://"))
            {
                c.error(
                    yaml_span(url, 0),
                    format!("{what}: `{}` is not an absolute address", url.value),
                    "write the full address, starting with https://",
                );
            }
        }
    }
    if let Some(file) = &aid.units {
        check_units(file, aid.records.as_ref(), languages, &formats, diagnostics);
    }
    if let Some(file) = &aid.records {
        check_records(file, aid, languages, diagnostics);
    }
}

fn checker<'a, T>(file: &'a DataFile<T>, diagnostics: &'a mut Vec<Diagnostic>) -> Checker<'a> {
    Checker {
        path: &file.path,
        text: &file.text,
        diagnostics,
    }
}

/// Units need a name per language and a noun for every plural category a
/// whole number can take in each language.
fn check_units(
    file: &DataFile<IndexMap<Spanned<String>, crate::load::RawUnit>>,
    records: Option<&DataFile<Vec<RawRecord>>>,
    languages: &[String],
    formats: &[(String, LocaleFormat)],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut c = checker(file, diagnostics);
    for (id, unit) in &file.value {
        let what = format!("unit `{}`", id.value);
        c.texts(&unit.name, &what, languages);
        for (lang, format) in formats {
            let Some(forms) = unit.forms.value.get(lang) else {
                c.error(
                    yaml_span(&unit.forms, 0),
                    format!("{what} has no `{lang}` noun forms"),
                    format!("add `{lang}:` with the forms {}", category_list(format)),
                );
                continue;
            };
            for (category, example) in format.integer_plural_categories() {
                if forms.value.contains_key(category) {
                    continue;
                }
                let needed_by = records.and_then(|r| {
                    r.value.iter().find_map(|record| match &record.count {
                        Some(Spanned {
                            value: RawCount::Integer(n),
                            ..
                        }) if record.unit.value == id.value
                            && format.plural_category(*n) == category =>
                        {
                            Some(format!("record `{}` (count {n}) needs it", record.id.value))
                        }
                        _ => None,
                    })
                });
                c.error(
                    yaml_span(forms, 0),
                    format!(
                        "{what} lacks the `{lang}` plural form `{category}`; {}",
                        needed_by.unwrap_or_else(|| format!("counts such as {example} need it"))
                    ),
                    format!("`{lang}` needs the forms {}", category_list(format)),
                );
            }
            let known: Vec<&str> = format
                .integer_plural_categories()
                .iter()
                .map(|(c, _)| *c)
                .collect();
            for category in forms
                .value
                .keys()
                .filter(|k| !known.contains(&k.as_str()) && k.as_str() != "other")
            {
                c.error(
                    yaml_span(forms, 0),
                    format!("{what} has an unknown `{lang}` plural form `{category}`"),
                    format!("`{lang}` uses the forms {}", category_list(format)),
                );
            }
        }
    }
}

fn category_list(format: &LocaleFormat) -> String {
    format
        .integer_plural_categories()
        .iter()
        .map(|(c, n)| format!("{c} (e.g. {n})"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every record: unique id, known references, a valid count or `reported:
/// false`, valid dates, a known qualifier and frequency.
fn check_records(
    file: &DataFile<Vec<RawRecord>>,
    aid: &RawAid,
    languages: &[String],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut c = checker(file, diagnostics);
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for record in &file.value {
        let id = &record.id;
        let what = format!("record `{}`", id.value);
        if let Some(line) = seen.insert(&id.value, yaml_span(id, 0).line) {
            c.error(
                yaml_span(id, 0),
                format!("duplicate record id `{}` (also on line {line})", id.value),
                "give every record its own id",
            );
        }
        if let Some(orgs) = &aid.organisations {
            for org in std::iter::once(&record.org).chain(&record.partners) {
                c.reference(
                    org,
                    &orgs.value,
                    "organisation",
                    "organisations.yaml",
                    &what,
                );
            }
        }
        if let Some(categories) = &aid.categories {
            c.reference(
                &record.category,
                &categories.value,
                "category",
                "categories.yaml",
                &what,
            );
        }
        if let Some(units) = &aid.units {
            c.reference(&record.unit, &units.value, "unit", "units.yaml", &what);
        }
        if let Some(sources) = &aid.sources {
            c.reference(
                &record.source,
                &sources.value,
                "source",
                "sources.yaml",
                &what,
            );
        }
        c.texts(&record.what, &what, languages);
        check_count(&mut c, record, &what);
        check_when(&mut c, record, &what);
        for (value, allowed, field) in [
            (&record.qualifier, &QUALIFIERS[..], "qualifier"),
            (&record.frequency, &FREQUENCIES[..], "frequency"),
        ] {
            if let Some(value) = value
                && !allowed.contains(&value.value.as_str())
            {
                c.error(
                    yaml_span(value, 0),
                    format!("{what}: unknown {field} `{}`", value.value),
                    format!("use one of: {}", allowed.join(", ")),
                );
            }
        }
    }
}

fn check_count(c: &mut Checker, record: &RawRecord, what: &str) {
    let reported = record.reported.as_ref().is_none_or(|r| r.value);
    match (&record.count, reported) {
        (Some(count), true) => match &count.value {
            RawCount::Integer(n) if *n >= 0 => {}
            RawCount::Integer(n) => c.error(
                yaml_span(count, 0),
                format!("{what}: count {n} is negative"),
                "a count is a whole number, 0 or more",
            ),
            RawCount::Other(text) => c.error(
                yaml_span(count, 0),
                format!("{what}: count `{text}` is not a whole number"),
                "a count is a whole number such as 320, without spaces or units",
            ),
        },
        (Some(count), false) => c.error(
            yaml_span(count, 0),
            format!("{what}: has a count but says `reported: false`"),
            "remove `reported: false` if the source gives this figure, or remove `count`",
        ),
        (None, true) => c.error(
            yaml_span(&record.id, 0),
            format!("{what}: has no count"),
            "add `count: N`; if the source gives no figure, write `reported: false` (it is then shown as \"no figure given\", never as 0)",
        ),
        (None, false) => {
            if let Some(qualifier) = &record.qualifier {
                c.error(
                    yaml_span(qualifier, 0),
                    format!("{what}: a qualifier without a count"),
                    "remove `qualifier`: there is no figure to qualify",
                );
            }
        }
    }
}

fn check_when(c: &mut Checker, record: &RawRecord, what: &str) {
    if let Some(date) = &record.date {
        if let Err(message) = Date::parse(&date.value) {
            c.error(
                yaml_span(date, 0),
                format!("{what}: invalid date: {message}"),
                "write the date as YYYY-MM-DD",
            );
        }
        if let Some(period) = &record.period {
            c.error(
                yaml_span(period, 0),
                format!("{what}: has both `date` and `period`"),
                "`date` is the day the figure is as of; `period` the time it covers; keep one",
            );
        }
    }
    let Some(period) = &record.period else { return };
    let parse = |value: &Option<Spanned<String>>, c: &mut Checker| {
        let value = value.as_ref()?;
        DayOrMonth::parse(&value.value)
            .map_err(|message| {
                c.error(
                    yaml_span(value, 0),
                    format!("{what}: invalid period: {message}"),
                    "write YYYY-MM-DD, or YYYY-MM when the source gives only the month",
                )
            })
            .ok()
    };
    let from = parse(&period.value.from, c);
    let to = parse(&period.value.to, c);
    if period.value.from.is_none() && period.value.to.is_none() {
        c.error(
            yaml_span(period, 0),
            format!("{what}: the period is empty"),
            "give `from:`, `to:` or both",
        );
    }
    if let (Some(from), Some(to), Some(to_value)) = (from, to, &period.value.to)
        && to.last_day() < from.first_day()
    {
        c.error(
            yaml_span(to_value, 0),
            format!("{what}: the period ends ({to}) before it starts ({from})"),
            "swap `from` and `to`, or correct the date",
        );
    }
}
