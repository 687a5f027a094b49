//! Figures over time. The records of one organisation, unit and `what` with
//! several dates are a *series*: one figure per date. A series is drawn as
//! an accessible step chart (inline SVG with `role="img"`, `<title>` and
//! `<desc>`), each figure holding until the next date, against a scale
//! from 0 to a round figure labelled with the unit's noun, and followed by
//! a table of date → figure.
//!
//! A record's date is its `date` (as of), or the last day of its period
//! when the period has an end; a record without either is no point of a
//! series.

use std::fmt::Write;

use foldhash::HashMap;

use super::charts::{TableLabels, attribute, escape, round_up};
use super::format::{Shown, StatsFormat};
use crate::date::Date;
use crate::model::{Figure, Record, Text};

/// A series of figures of one organisation, unit and `what`, in one
/// language.
#[derive(Debug, Clone)]
pub struct Series {
    /// `series-` and the id of its first record: unique on a site, used
    /// for element ids.
    pub id: String,
    /// The organisation's id.
    pub org: String,
    /// "Organisation — what", in words.
    pub title: String,
    /// [`Series::title`] as HTML, a fallback marked with its `lang`.
    pub title_html: String,
    /// The unit's id.
    pub unit: String,
    /// The end of the scale: a round number at or above the largest figure.
    pub scale: u64,
    /// [`Series::scale`] as a figure ("400 семей").
    pub scale_label: Shown,
    /// The figures, oldest first.
    pub points: Vec<Point>,
}

/// One figure of a series.
#[derive(Debug, Clone)]
pub struct Point {
    /// The day it applies to.
    pub date: Date,
    /// The day in words ("3 апреля 2020 г.").
    pub day: String,
    /// When it applies, in words, as the record says it.
    pub when: String,
    /// The number.
    pub value: u64,
    /// The figure in words ("320 семей").
    pub display: Shown,
    /// How often, in words.
    pub frequency: Option<String>,
}

/// What the records of a series share: organisation, unit and `what`.
type SeriesKey<'a> = (&'a str, &'a str, &'a Text);

/// Every series of the statistics: the records with a figure and a day,
/// grouped by organisation, unit and `what`, where a group has two days or
/// more. In the order of their first records.
pub fn find(f: &StatsFormat) -> Result<Vec<Series>, String> {
    let mut groups: Vec<(SeriesKey, Vec<(&Record, Date)>)> = Vec::new();
    let mut group_of: HashMap<SeriesKey, usize> = HashMap::default();
    for record in &f.stats.records {
        let (Some(_), Some(day)) = (record.figure, record.day()) else {
            continue;
        };
        let key = (record.org.as_str(), record.unit.as_str(), &record.what);
        let group = *group_of.entry(key).or_insert_with(|| {
            groups.push((key, Vec::new()));
            groups.len() - 1
        });
        groups[group].1.push((record, day));
    }
    let mut all = Vec::new();
    for ((org, unit, what), mut records) in groups {
        records.sort_by_key(|(_, day)| *day);
        if records.first().map(|r| r.1) == records.last().map(|r| r.1) {
            continue;
        }
        let mut points = Vec::new();
        for (record, date) in &records {
            let Some(figure) = record.figure else {
                continue;
            };
            points.push(Point {
                date: *date,
                day: f.date(*date)?,
                when: f.when(record.when)?,
                value: figure.count,
                display: f.shown_figure(figure, unit)?,
                frequency: record
                    .frequency
                    .as_deref()
                    .map(|fr| f.frequency(fr))
                    .transpose()?,
            });
        }
        let scale = round_up(points.iter().map(|p| p.value).max().unwrap_or(0));
        let (org_name, what) = (f.org_short(org), f.shown(what));
        let what_text = what.text.trim_end_matches('.');
        let what_html = Shown {
            text: what_text.to_string(),
            lang: what.lang.clone(),
        }
        .html();
        all.push(Series {
            id: format!("series-{}", records[0].0.id),
            org: org.to_string(),
            title: format!("{} — {what_text}", org_name.text),
            title_html: format!("{} — {what_html}", org_name.html()),
            unit: unit.to_string(),
            scale,
            scale_label: f.shown_figure(
                Figure {
                    count: scale,
                    qualifier: None,
                },
                unit,
            )?,
            points,
        });
    }
    Ok(all)
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`), to place
/// dates on the time axis.
fn day_number(date: Date) -> i64 {
    let (month, day) = (i64::from(date.month), i64::from(date.day));
    let year = i64::from(date.year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Width, height, text size and margins of the inline drawing: like the bar
/// charts, 400 units wide so that text stays legible on a phone.
const WIDTH: f32 = 400.0;
const HEIGHT: f32 = 220.0;
const FONT: f32 = 13.0;
const LEFT: f32 = 8.0;
const TOP: f32 = 24.0;
const BOTTOM: f32 = 40.0;

/// The series as an inline, accessible step chart: each figure a dot,
/// holding until the next date; the scale's ends labelled on the left, the
/// first and last days under the time axis.
pub fn inline_svg(series: &Series) -> String {
    let (Some(first), Some(last)) = (series.points.first(), series.points.last()) else {
        return String::new();
    };
    let start = day_number(first.date);
    let days = (day_number(last.date) - start).max(1) as f32;
    let right = WIDTH - LEFT;
    let base = HEIGHT - BOTTOM;
    let x = |date: Date| LEFT + (right - LEFT) * (day_number(date) - start) as f32 / days;
    let y = |value: u64| base - (base - TOP) * value as f32 / series.scale.max(1) as f32;
    let mut path = format!("M{:.1} {:.1}", x(first.date), y(first.value));
    let mut dots = String::new();
    for point in &series.points {
        let (px, py) = (x(point.date), y(point.value));
        let _ = write!(path, "H{px:.1}V{py:.1}");
        let _ = write!(
            dots,
            r##"<circle class="point" cx="{px:.1}" cy="{py:.1}" r="4" fill="#1d5b8c" data-date="{}" data-value="{}"/>"##,
            point.date, point.value
        );
    }
    let _ = write!(path, "H{right:.1}");
    let text = |x: f32, y: f32, anchor: &str, shown: &Shown| {
        format!(
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{FONT}" text-anchor="{anchor}" fill="currentColor"{}>{}</text>"#,
            shown.lang_attribute(),
            escape(&shown.text)
        )
    };
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg series-svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="system-ui, sans-serif"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc><path class="scale" d="M{LEFT} {TOP}H{right}M{LEFT} {base}H{right}" fill="none" stroke="currentColor" stroke-width="1" stroke-dasharray="3 3"/>{}{}<path class="step" d="{path}" fill="none" stroke="#1d5b8c" stroke-width="3"/>{dots}{}{}</svg>"##,
        escape(&series.title),
        escape(&description(series)),
        text(LEFT, TOP - 6.0, "start", &series.scale_label),
        text(LEFT, base - 6.0, "start", &Shown::plain("0")),
        text(
            LEFT,
            base + FONT * 1.6,
            "start",
            &Shown::plain(first.day.clone())
        ),
        text(
            right,
            base + FONT * 1.6,
            "end",
            &Shown::plain(last.day.clone())
        ),
        id = attribute(&series.id),
    )
}

/// What the series shows, in words, for `<desc>`: its title and scale,
/// then each day and figure.
fn description(series: &Series) -> String {
    let points: Vec<String> = series
        .points
        .iter()
        .map(|p| format!("{} — {}", p.day, p.display.text))
        .collect();
    format!("(0 – {}): {}.", series.scale_label.text, points.join("; "))
}

/// The series as a `<figure>`: caption, step chart and a table of the same
/// figures by date, how often beside each. One HTML block, like a bar
/// chart's.
pub fn figure_html(series: &Series, labels: &TableLabels) -> String {
    let mut html = format!(
        r#"<figure class="chart series" id="{}"><figcaption>{}</figcaption>{}"#,
        attribute(&series.id),
        series.title_html,
        inline_svg(series)
    );
    let _ = write!(
        html,
        r#"<table class="chart-data"><thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        escape(&labels.when),
        escape(&labels.figure)
    );
    for point in &series.points {
        let _ = write!(
            html,
            r#"<tr><th scope="row"><time datetime="{}">{}</time></th><td data-unit="{}" data-value="{}">{}{}</td></tr>"#,
            point.date,
            escape(&point.when),
            attribute(&series.unit),
            point.value,
            point.display.html(),
            point
                .frequency
                .as_ref()
                .map_or_else(String::new, |often| format!(
                    r#" <span class="frequency">{}</span>"#,
                    escape(often)
                )),
        );
    }
    html.push_str("</tbody></table></figure>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days() {
        let day = |text: &str| day_number(Date::parse(text).unwrap());
        assert_eq!(day("1970-01-01"), 0);
        assert_eq!(day("2020-03-01") - day("2020-02-28"), 2);
        assert_eq!(day("2021-01-01") - day("2020-01-01"), 366);
    }

    #[test]
    fn no_text_breaks_out_of_the_markup() {
        let hostile = "x\"><script>alert(1)</script>'";
        let shown = Shown {
            text: hostile.to_string(),
            lang: Some(hostile.to_string()),
        };
        let point = |day: u8, value: u64| Point {
            date: Date {
                year: 2020,
                month: 4,
                day,
            },
            day: hostile.to_string(),
            when: hostile.to_string(),
            value,
            display: shown.clone(),
            frequency: Some(hostile.to_string()),
        };
        let series = Series {
            id: hostile.to_string(),
            org: hostile.to_string(),
            title: hostile.to_string(),
            title_html: escape(hostile),
            unit: hostile.to_string(),
            scale: 20,
            scale_label: shown.clone(),
            points: vec![point(1, 10), point(8, 20)],
        };
        let labels = TableLabels {
            label: hostile.into(),
            figure: hostile.into(),
            when: hostile.into(),
            source: hostile.into(),
        };
        let html = figure_html(&series, &labels);
        assert!(!html.contains("<script") && !html.contains("x\""), "{html}");
    }
}
