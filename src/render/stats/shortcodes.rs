//! Shortcodes: statistics inside Markdown, so prose never repeats a number
//! by hand.
//!
//! - `{{ stat(id="RECORD") }}` — a record's figure: "320 семей".
//! - `{{ stat(total="UNIT") }}`, optionally with `org="ORG"` or
//!   `category="CATEGORY"` — a total in that unit.
//! - `{{ chart(id="reached") }}`, `{{ chart(org="ORG") }}`,
//!   `{{ chart(category="CATEGORY") }}` — a chart with its table, alone in
//!   its paragraph.

use super::format::Shown;
use super::prepare::LangStats;
use crate::messages::{Arg, Message};
use crate::model::{Record, Stats};
use crate::msg;

/// A shortcode call found in text.
#[derive(Debug, PartialEq, Eq)]
pub struct Call<'a> {
    /// `stat` or `chart`.
    pub name: &'a str,
    /// `key="value"` arguments.
    pub args: Vec<(&'a str, &'a str)>,
    /// Byte range of the whole `{{ … }}` in the text.
    pub start: usize,
    /// End of the range.
    pub end: usize,
}

impl Call<'_> {
    fn arg(&self, key: &str) -> Option<&str> {
        self.args.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }
}

/// What a shortcode becomes.
#[derive(Debug)]
pub enum Expansion {
    /// Text (escaped when written).
    Text(String),
    /// A figure shown in another language than the page's: HTML within a
    /// line, marked with its `lang` (`html`), or where no markup goes (an
    /// image's description) its `text`.
    Inline {
        /// The figure marked with its language.
        html: String,
        /// The figure's words.
        text: String,
    },
    /// A block of HTML: a chart.
    Html(String),
}

/// Every `{{ … }}` in `text`: a call, or a message saying what is wrong
/// with it, and where it starts.
pub fn find(text: &str) -> Vec<Result<Call<'_>, (usize, Message)>> {
    let mut calls = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("{{").map(|i| i + from) {
        let Some(close) = text[open..].find("}}").map(|i| i + open) else {
            calls.push(Err((open, msg!("shortcode-not-closed"))));
            break;
        };
        calls.push(
            parse(&text[open + 2..close])
                .map(|(name, args)| Call {
                    name,
                    args,
                    start: open,
                    end: close + 2,
                })
                .map_err(|(at, m)| (at.map_or(open, |at| open + 2 + at), m)),
        );
        from = close + 2;
    }
    calls
}

/// A shortcode's name and its `key="value"` arguments.
type NameAndArgs<'a> = (&'a str, Vec<(&'a str, &'a str)>);

/// Parses `name(key="value", …)`; a problem comes with the byte of
/// `inner` where it is (the value not quoted, the quote not closed), or
/// none for a problem of the whole call.
fn parse(inner: &str) -> Result<NameAndArgs<'_>, (Option<usize>, Message)> {
    // Where a part of `inner` starts in it.
    let at = |part: &str| Some(part.as_ptr() as usize - inner.as_ptr() as usize);
    let call = inner.trim();
    let (name, rest) = call
        .split_once('(')
        .ok_or_else(|| (None, msg!("shortcode-not-call", inner = call)))?;
    let rest = (rest.trim_end().strip_suffix(')')).ok_or_else(|| {
        (
            at(call).map(|at| at + call.len()),
            msg!("shortcode-no-paren"),
        )
    })?;
    let mut args = Vec::new();
    for part in rest.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (key, value) = part
            .split_once('=')
            .ok_or_else(|| (at(part), msg!("shortcode-bad-arg", arg = part)))?;
        let (key, value) = (key.trim(), value.trim());
        let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''));
        let unquoted = match quote {
            Some(q) if value.len() > 1 && value.ends_with(q) => &value[1..value.len() - 1],
            Some(q) => {
                let message = msg!(
                    "shortcode-quote-not-closed",
                    quote = q.to_string(),
                    key = key
                );
                return Err((at(value), message));
            }
            None => return Err((at(value), msg!("shortcode-unquoted", key = key))),
        };
        args.push((key, unquoted));
    }
    Ok((name.trim(), args))
}

/// Expands `call` with the statistics of the page's language.
pub fn expand(stats: Option<&LangStats>, call: &Call) -> Result<Expansion, Message> {
    check_args(call)?;
    let stats = stats.ok_or_else(|| msg!("shortcode-no-stats"))?;
    let f = &stats.format;
    check_org_and_category(f.stats, call)?;
    match call.name {
        "stat" => {
            if let Some(id) = call.arg("id") {
                if f.stats.records.is_empty() {
                    return Err(msg!("shortcode-no-records", id = id));
                }
                let record = f.stats.record(id).ok_or_else(|| {
                    let known = f.stats.records.iter().map(|r| r.id.as_str());
                    let guess = crate::diag::did_you_mean(id, known);
                    msg!("shortcode-no-record", id = id, guess = guess)
                })?;
                return Ok(f.record_figure(record).map(figure)?);
            }
            let unit = call
                .arg("total")
                .ok_or_else(|| msg!("shortcode-stat-args"))?;
            let counted =
                (f.stats.unit(unit)).ok_or_else(|| msg!("shortcode-no-unit", unit = unit))?;
            let (org, category) = (call.arg("org"), call.arg("category"));
            let included = |r: &Record| {
                r.unit == unit
                    && org.is_none_or(|o| r.org == o)
                    && category.is_none_or(|c| r.category == c)
            };
            let totals = f.stats.totals(included)?;
            let Some(total) = totals.first() else {
                // Figures there are, but they are not added up.
                let any = (f.stats.records.iter()).any(|r| included(r) && r.figure.is_some());
                return Err(match any && !counted.add {
                    true => msg!("shortcode-not-added", unit = unit),
                    false => msg!("shortcode-no-figures", unit = unit),
                });
            };
            Ok(f.shown_figure(total.figure, unit).map(figure)?)
        }
        "chart" => {
            // `check_args` leaves `chart` one argument, of those it takes.
            let Some(&written) = call.args.first() else {
                return Err(msg!("shortcode-chart-args"));
            };
            let id = match written {
                ("org", org) => format!("org-{org}"),
                ("category", category) => format!("category-{category}"),
                (_, id) => id.to_string(),
            };
            match stats.chart(&id) {
                Some((_, html)) => Ok(Expansion::Html(html.clone())),
                None => Err(no_chart(stats, written, &id)),
            }
        }
        other => Err(unknown(other)),
    }
}

/// How many charts the error for a chart that is not there lists.
const CHARTS_LISTED: usize = 12;

/// The error for `chart(KEY="VALUE")`, `written`, asking for chart `id`,
/// which `stats` lacks: one it would make but does not draw, as it
/// compares nothing (fewer than two figures in every unit), or an id that
/// names no chart; with the charts there are as they are written, or that
/// there is none yet.
fn no_chart(stats: &LangStats, (key, value): (&str, &str), id: &str) -> Message {
    let charts: Vec<String> = (stats.charts.iter())
        .map(|(chart, _)| written_chart(&chart.id))
        .collect();
    let listed = &charts[..charts.len().min(CHARTS_LISTED)];
    let there = match listed.is_empty() {
        true => msg!("shortcode-no-charts"),
        false => {
            let more = match charts.len() - listed.len() {
                0 => Message::default(),
                count => msg!("shortcode-charts-more", count = Arg::count(count)),
            };
            let list: Vec<String> = listed.iter().map(|chart| format!("`{chart}`")).collect();
            msg!("shortcode-charts", list = list.join(", "), more = more)
        }
    };
    let call = format!("chart({key}=\"{value}\")");
    let known = stats.format.stats;
    let made = matches!(id, "reached" | "items")
        || (id.strip_prefix("org-")).is_some_and(|org| known.organisation(org).is_some())
        || (id.strip_prefix("category-")).is_some_and(|c| known.category(c).is_some());
    match made {
        true => msg!("shortcode-chart-not-drawn", call = call, charts = there),
        false => {
            let guess = crate::diag::did_you_mean(&call, charts.iter().map(String::as_str));
            msg!(
                "shortcode-no-chart",
                call = call,
                guess = guess,
                charts = there
            )
        }
    }
}

/// The shortcode that shows chart `id`: `chart(org="ORG")` for `org-ORG`,
/// `chart(category="CATEGORY")` for `category-CATEGORY`, else
/// `chart(id="ID")`.
fn written_chart(id: &str) -> String {
    let (key, value) = match (id.strip_prefix("org-"), id.strip_prefix("category-")) {
        (Some(org), _) => ("org", org),
        (None, Some(category)) => ("category", category),
        (None, None) => ("id", id),
    };
    format!("chart({key}=\"{value}\")")
}

/// The hint for an error in `call`: the charts there can be, and when one
/// is drawn, for `chart`; the ids `stat` takes otherwise.
pub fn hint(call: &Call) -> Message {
    match call.name {
        "chart" => msg!("shortcode-chart-hint"),
        _ => msg!("shortcode-hint"),
    }
}

/// The error for a shortcode that is neither `stat` nor `chart`.
fn unknown(name: &str) -> Message {
    msg!(
        "shortcode-unknown",
        name = name,
        guess = crate::diag::did_you_mean(name, ["stat", "chart"])
    )
}

/// Refuses an `org` or a `category` that `stats` does not have, naming it
/// as written (not as the chart id it would make, `org-…`) with the
/// closest known id.
fn check_org_and_category(stats: &Stats, call: &Call) -> Result<(), Message> {
    if let Some(org) = call.arg("org")
        && stats.organisation(org).is_none()
    {
        let known = stats.organisations.iter().map(|o| o.id.as_str());
        let guess = crate::diag::did_you_mean(org, known);
        return Err(msg!("shortcode-no-org", id = org, guess = guess));
    }
    if let Some(category) = call.arg("category")
        && stats.category(category).is_none()
    {
        let known = stats.categories.iter().map(|c| c.id.as_str());
        let guess = crate::diag::did_you_mean(category, known);
        return Err(msg!("shortcode-no-category", id = category, guess = guess));
    }
    Ok(())
}

/// Refuses a shortcode that is neither `stat` nor `chart`, an argument
/// it does not take, one given twice, and arguments that do not go
/// together (`stat` with both `id` and `total`, `chart` with two): none is
/// ignored without a word. Nothing of this depends on the statistics, so
/// it is told even when they have errors of their own.
fn check_args(call: &Call) -> Result<(), Message> {
    let (known, together): (&[&str], Message) = match call.name {
        "stat" => (
            &["id", "total", "org", "category"],
            msg!("shortcode-stat-args"),
        ),
        "chart" => (&["id", "org", "category"], msg!("shortcode-chart-args")),
        other => return Err(unknown(other)),
    };
    for (i, (key, _)) in call.args.iter().enumerate() {
        if !known.contains(key) {
            return Err(msg!(
                "shortcode-unknown-arg",
                name = call.name,
                key = *key,
                guess = crate::diag::did_you_mean(key, known.iter().copied()),
                known = known.join(", ")
            ));
        }
        if call.args[..i].iter().any(|(earlier, _)| earlier == key) {
            return Err(msg!("shortcode-arg-twice", key = *key));
        }
    }
    let has = |key| call.arg(key).is_some();
    let fits = match call.name {
        "stat" => has("id") != has("total") && !(has("id") && (has("org") || has("category"))),
        _ => call.args.len() == 1,
    };
    fits.then_some(()).ok_or(together)
}

/// A figure as it goes into a page: a fallback as HTML, in its `<span
/// lang>`.
fn figure(shown: Shown) -> Expansion {
    match shown.lang {
        Some(_) => Expansion::Inline {
            html: shown.html(),
            text: shown.text,
        },
        None => Expansion::Text(shown.text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_are_found_with_their_arguments() {
        let calls =
            find(r#"Біз {{ stat(id="fund-families") }} және {{chart(org='club', x="1")}}."#);
        let calls: Vec<_> = calls.into_iter().map(Result::unwrap).collect();
        assert_eq!(calls[0].name, "stat");
        assert_eq!(calls[0].args, [("id", "fund-families")]);
        assert_eq!(calls[1].args, [("org", "club"), ("x", "1")]);
        assert!(find("{{ stat(id=fund) }}")[0].is_err());
        assert!(find("{{ stat }}")[0].is_err());
        assert!(find("a {{ b").first().unwrap().is_err());
        // A problem is placed where it is: the value, its opening quote.
        let unclosed = r#"x {{ stat(id="choson-masks) }}"#;
        assert_eq!(find(unclosed)[0].as_ref().unwrap_err().0, 13);
        assert_eq!(find("{{ stat(id=fund) }}")[0].as_ref().unwrap_err().0, 11);
    }
}
