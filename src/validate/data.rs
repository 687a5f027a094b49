//! Checks on the aid statistics: every id has the form of an id and every
//! reference resolves, ids are unique, counts are whole, not negative and
//! bounded, no total passes the largest total, dates exist and periods run
//! forward, every name and noun form exists in every language, and no text
//! holds a control character.

use std::collections::BTreeMap;
use std::path::Path;

use indexmap::IndexMap;

use crate::date::{Date, DayOrMonth};
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::load::limits;
use crate::load::{DataFile, RawAid, RawCount, RawRecord, Spanned, Texts, yaml_span};
use crate::locale::LocaleFormat;

/// Accepted values of a record's `qualifier`.
pub const QUALIFIERS: [&str; 2] = ["more-than", "about"];
/// Accepted values of a record's `frequency`.
pub const FREQUENCIES: [&str; 4] = ["once", "daily", "weekly", "monthly"];

/// Organisation ids that would take a folder aqparat writes itself:
/// `/LANG/infographics/charts/` holds the charts.
const RESERVED_ORGANISATION_IDS: [&str; 1] = ["charts"];

/// Whether a text may run over several lines (and hold tabs): prose such as
/// names and descriptions may; noun forms and addresses may not.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lines {
    /// Tabs and line breaks are allowed.
    Allowed,
    /// One line, no tab.
    Forbidden,
}

/// Collects diagnostics for one file.
struct Checker<'a> {
    path: &'a Path,
    text: &'a str,
    diagnostics: &'a mut Diagnostics,
}

impl Checker<'_> {
    fn error(&mut self, span: Span, message: String, hint: impl Into<String>) {
        self.diagnostics.push(
            Diagnostic::error(self.path, span, message)
                .with_hint(hint.into())
                .with_source(self.text),
        );
    }

    /// A text must exist, not empty, in every language, and in no other,
    /// without control characters. `field` names it in messages (`name`).
    fn texts(&mut self, texts: &Texts, what: &str, field: &str, languages: &[String]) {
        for lang in languages {
            if texts
                .value
                .get(lang)
                .is_none_or(|t| t.value.trim().is_empty())
            {
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
        for (lang, text) in &texts.value {
            if languages.contains(lang) {
                self.plain_text(text, what, &format!("the `{lang}` {field}"), Lines::Allowed);
            } else {
                self.error(
                    yaml_span(texts, 0),
                    format!(
                        "{what} has text in `{}`, which is not a language of the site",
                        shown(lang)
                    ),
                    format!("use the languages of site.yaml: {}", languages.join(", ")),
                );
            }
        }
    }

    /// A text may hold no control character (NUL, ESC, BEL, DEL, C1…); tabs
    /// and line breaks only where `lines` allows them. Such characters are
    /// invisible to the author, break the chart cards' XML and can drive a
    /// terminal.
    fn plain_text(&mut self, text: &Spanned<String>, what: &str, field: &str, lines: Lines) {
        let allowed = |c: char| lines == Lines::Allowed && (c == '\t' || c == '\n');
        if let Some(control) = text.value.chars().find(|c| c.is_control() && !allowed(*c)) {
            self.error(
                yaml_span(text, 0),
                format!(
                    "{what}: {field} contains the control character U+{:04X}",
                    u32::from(control)
                ),
                if lines == Lines::Allowed {
                    "remove it (it is invisible, and pages, charts and downloads cannot show it); retype the text if it was pasted; only tabs and line breaks are allowed"
                } else {
                    "remove it (it is invisible, and pages, charts and downloads cannot show it); retype the text if it was pasted; this text is one line, without tabs"
                },
            );
        }
    }

    /// `id`, the id of a `kind` (`organisation`), must have the form of an
    /// id: it becomes a file name, an address and an HTML id.
    fn id(&mut self, id: &Spanned<String>, kind: &str) {
        if !limits::is_id(&id.value) {
            self.error(
                yaml_span(id, 0),
                format!(
                    "{kind} id `{}` is not lowercase words joined by `-`",
                    shown(&id.value)
                ),
                format!(
                    "write the id with the letters a–z and digits 0–9 only, words joined by single `-` (e.g. `city-volunteers`), at most {} characters: ids become file names and addresses",
                    limits::MAX_ID_LENGTH
                ),
            );
        } else if kind == "organisation" && RESERVED_ORGANISATION_IDS.contains(&id.value.as_str()) {
            self.error(
                yaml_span(id, 0),
                format!("organisation id `{}` is reserved", id.value),
                "choose another id: /LANG/infographics/charts/ holds the charts of each language",
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
            let guess = crate::diag::did_you_mean(&id.value, known.iter().copied());
            self.error(
                yaml_span(id, 0),
                format!("{context}: unknown {kind} `{}`{guess}", shown(&id.value)),
                format!("use an id defined in data/aid/{file}: {}", known.join(", ")),
            );
        }
    }
}

/// Checks the statistics against the site's languages.
pub fn check(aid: &RawAid, languages: &[String], diagnostics: &mut Diagnostics) {
    let formats: Vec<(String, LocaleFormat)> = languages
        .iter()
        .map(|l| (l.clone(), LocaleFormat::new(l)))
        .collect();
    if let Some(file) = &aid.organisations {
        let mut c = checker(file, diagnostics);
        for (id, org) in &file.value {
            c.id(id, "organisation");
            let what = format!("organisation `{}`", shown(&id.value));
            c.texts(&org.name, &what, "name", languages);
            if let Some(short) = &org.short {
                c.texts(short, &what, "short name", languages);
            }
            if let Some(lang) = &org.quoted_lang
                && !languages.contains(&lang.value)
            {
                c.error(
                    yaml_span(lang, 0),
                    format!(
                        "{what}: `quoted_lang` is `{}`, not a language of the site",
                        shown(&lang.value)
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
            c.id(id, "category");
            let what = format!("category `{}`", shown(&id.value));
            c.texts(&category.name, &what, "name", languages);
        }
    }
    if let Some(file) = &aid.sources {
        let mut c = checker(file, diagnostics);
        for (id, source) in &file.value {
            c.id(id, "source");
            let what = format!("source `{}`", shown(&id.value));
            c.texts(&source.title, &what, "title", languages);
            if let Some(date) = &source.date
                && let Err(message) = Date::parse(&date.value)
            {
                c.error(
                    yaml_span(date, 0),
                    format!("{what}: invalid date: {message}"),
                    "write the date as YYYY-MM-DD",
                );
            }
            if let Some(url) = &source.url {
                c.plain_text(url, &what, "`url`", Lines::Forbidden);
                if !(url.value.starts_with("https://") || url.value.starts_with("http://")) {
                    c.error(
                        yaml_span(url, 0),
                        format!("{what}: `{}` is not an absolute address", shown(&url.value)),
                        "write the full address, starting with https://",
                    );
                }
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

fn checker<'a, T>(file: &'a DataFile<T>, diagnostics: &'a mut Diagnostics) -> Checker<'a> {
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
    diagnostics: &mut Diagnostics,
) {
    let mut c = checker(file, diagnostics);
    for (id, unit) in &file.value {
        c.id(id, "unit");
        let what = format!("unit `{}`", shown(&id.value));
        c.texts(&unit.name, &what, "name", languages);
        for (lang, forms) in &unit.forms.value {
            for (category, noun) in &forms.value {
                let field = format!("the `{}` noun form `{}`", shown(lang), shown(category));
                c.plain_text(noun, &what, &field, Lines::Forbidden);
            }
        }
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
                            && i64::try_from(*n)
                                .is_ok_and(|n| format.plural_category(n) == category) =>
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
                    format!(
                        "{what} has an unknown `{lang}` plural form `{}`",
                        shown(category)
                    ),
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
    diagnostics: &mut Diagnostics,
) {
    let mut c = checker(file, diagnostics);
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for record in &file.value {
        let id = &record.id;
        c.id(id, "record");
        let what = format!("record `{}`", shown(&id.value));
        if let Some(line) = seen.insert(&id.value, yaml_span(id, 0).line) {
            c.error(
                yaml_span(id, 0),
                format!(
                    "duplicate record id `{}` (also on line {line})",
                    shown(&id.value)
                ),
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
        c.texts(&record.what, &what, "what", languages);
        check_count(&mut c, record, &what);
        check_when(&mut c, record, &what);
        for (value, allowed, field) in [
            (&record.qualifier, &QUALIFIERS[..], "qualifier"),
            (&record.frequency, &FREQUENCIES[..], "frequency"),
        ] {
            if let Some(value) = value
                && !allowed.contains(&value.value.as_str())
            {
                let guess = crate::diag::did_you_mean(&value.value, allowed.iter().copied());
                c.error(
                    yaml_span(value, 0),
                    format!("{what}: unknown {field} `{}`{guess}", shown(&value.value)),
                    format!("use one of: {}", allowed.join(", ")),
                );
            }
        }
    }
    check_totals(&mut c, &file.value);
}

/// No total in a unit may pass [`limits::MAX_TOTAL`]: a sum is never
/// wrapped or rounded into a wrong figure. Every total the site shows adds
/// up some of a unit's records, so checking the sum of all of them is
/// enough. Reported once per unit, at the record that passes the bound,
/// naming the records.
fn check_totals(c: &mut Checker, records: &[RawRecord]) {
    let mut units: Vec<&str> = Vec::new();
    for record in records {
        if !units.contains(&record.unit.value.as_str()) {
            units.push(&record.unit.value);
        }
    }
    for unit in units {
        let mut total: u64 = 0;
        let mut added: Vec<&str> = Vec::new();
        for record in records.iter().filter(|r| r.unit.value == unit) {
            let Some(count) = valid_count(record) else {
                continue;
            };
            added.push(&record.id.value);
            match limits::add_count(total, count) {
                Some(sum) => total = sum,
                None => {
                    let span = record
                        .count
                        .as_ref()
                        .map_or(yaml_span(&record.id, 0), |n| yaml_span(n, 0));
                    c.error(
                        span,
                        format!(
                            "record `{}`: the total of unit `{}` would pass {}, the largest total aqparat adds up: records {} add up to more",
                            shown(&record.id.value),
                            shown(unit),
                            limits::MAX_TOTAL,
                            named_records(&added)
                        ),
                        "check these counts for a typo (an extra digit); if they are right, count in a larger unit (thousands)",
                    );
                    break;
                }
            }
        }
    }
}

/// `record`'s count when it is one that is shown and added up.
fn valid_count(record: &RawRecord) -> Option<u64> {
    if record.reported.as_ref().is_some_and(|r| !r.value) {
        return None;
    }
    match record.count.as_ref()?.value {
        RawCount::Integer(n) => u64::try_from(n).ok().filter(|n| *n <= limits::MAX_COUNT),
        _ => None,
    }
}

/// `` `a`, `b`, `c` `` for a few ids, the first and the last few for many.
fn named_records(ids: &[&str]) -> String {
    const SHOWN: usize = 3;
    let quote = |ids: &[&str]| {
        ids.iter()
            .map(|id| format!("`{}`", shown(id)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if ids.len() <= 2 * SHOWN {
        quote(ids)
    } else {
        format!(
            "{}, … {} (all {})",
            quote(&ids[..SHOWN]),
            quote(&ids[ids.len() - SHOWN..]),
            ids.len()
        )
    }
}

/// `text` for a message: control characters written as escapes
/// (`\u{1b}`), so that a diagnostic never sends them to a terminal.
fn shown(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The scalar written at `span` in `file_text` (`1e3`, `"many"`), to quote
/// what the author wrote rather than how YAML read it.
fn written_at(file_text: &str, span: Span) -> Option<String> {
    let line = file_text.lines().nth(span.line.checked_sub(1)?)?;
    let rest: String = line.chars().skip(span.col.saturating_sub(1)).collect();
    let written = match rest.chars().next()? {
        quote @ ('"' | '\'') => {
            let end = rest[1..].find(quote).map_or(rest.len(), |i| i + 2);
            &rest[..end]
        }
        _ => {
            let end = rest
                .find([',', '}', ']'])
                .into_iter()
                .chain(rest.find(" #"))
                .min()
                .unwrap_or(rest.len());
            rest[..end].trim_end()
        }
    };
    (!written.is_empty()).then(|| written.to_string())
}

fn check_count(c: &mut Checker, record: &RawRecord, what: &str) {
    let reported = record.reported.as_ref().is_none_or(|r| r.value);
    match (&record.count, reported) {
        (Some(count), true) => check_count_value(c, count, what),
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

/// A count is a whole number from 0 to [`limits::MAX_COUNT`], written in
/// digits. Messages quote the count as it is written (`1e3`), not as YAML
/// read it (`1000`).
fn check_count_value(c: &mut Checker, count: &Spanned<RawCount>, what: &str) {
    let span = yaml_span(count, 0);
    let file_text = c.text;
    let written = |fallback: String| shown(&written_at(file_text, span).unwrap_or(fallback));
    let too_large = |written: String| {
        (
            format!(
                "{what}: count `{written}` is more than {}, the largest count aqparat takes",
                limits::MAX_COUNT
            ),
            "check the figure for a typo; a count is at most 1000000000000 (10^12)".to_string(),
        )
    };
    let problem = match &count.value {
        RawCount::Integer(n) if *n < 0 => Some((
            format!("{what}: count {} is negative", written(n.to_string())),
            "a count is a whole number, 0 or more".to_string(),
        )),
        RawCount::Integer(n) if *n > i128::from(limits::MAX_COUNT) => {
            Some(too_large(written(n.to_string())))
        }
        RawCount::Integer(_) => None,
        RawCount::Real(v) if v.is_finite() && v.fract() == 0.0 => {
            let shown_value = written(v.to_string());
            if *v < 0.0 {
                Some((
                    format!("{what}: count `{shown_value}` is negative"),
                    "a count is a whole number, 0 or more".to_string(),
                ))
            } else if *v > limits::MAX_COUNT as f64 {
                Some(too_large(shown_value))
            } else {
                Some((
                    format!(
                        "{what}: count `{shown_value}` is not a whole number written in digits"
                    ),
                    format!("write the number in digits: {v:.0}"),
                ))
            }
        }
        RawCount::Real(v) => Some((
            format!(
                "{what}: count `{}` is not a whole number",
                written(v.to_string())
            ),
            "a count is a whole number such as 320, without spaces or units".to_string(),
        )),
        RawCount::Other(text) => Some((
            format!(
                "{what}: count `{}` is not a whole number",
                written(text.clone())
            ),
            "a count is a whole number such as 320, without spaces or units".to_string(),
        )),
    };
    if let Some((message, hint)) = problem {
        c.error(span, message, hint);
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
