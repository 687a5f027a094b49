//! Bar charts of the statistics, drawn at build time as SVG: inline in
//! pages (with `role="img"`, `<title>`, `<desc>` and a real table of the
//! same numbers), and as a square card for social networks.
//!
//! A chart is made of *panels* (`ChartGroup`), one per unit, each titled
//! with its unit and drawn against its own labelled scale, from 0 to a round
//! figure at or above its largest bar ("0 … 400 семей"): bars of families
//! and of masks are never measured against each other, and a lone 35 is not
//! drawn as long as a 320 of another unit. A page draws a panel's 12
//! largest bars, a card 12 bars in all, and each says how many more the
//! table lists: a chart of thousands of bars is read by no one, and laying
//! out their texts took seconds and a gigabyte. A text
//! shown in the default language (see `format`) carries its `lang`, in the
//! SVG as in the table.

use std::fmt::Write;

use super::format::{Shown, StatsFormat};
use crate::model::{Figure, Record};
pub use crate::render::xml::{attribute, escape};

/// A bar chart in one language.
#[derive(Debug, Clone)]
pub struct Chart {
    /// Unique on a site, used for file names and element ids.
    pub id: String,
    /// The chart's title.
    pub title: String,
    /// The chart's title as HTML, a name in it shown in the default
    /// language marked with its `lang`.
    pub title_html: String,
    /// One group per unit.
    pub groups: Vec<ChartGroup>,
    /// The line drawn after a card's bars when some are not drawn there
    /// ("ещё 18 цифр — в таблице на сайте").
    pub card_more: Option<String>,
    /// The sources of its figures, in words.
    pub sources: Vec<Shown>,
}

/// The bars of one unit: a panel with its own scale.
#[derive(Debug, Clone)]
pub struct ChartGroup {
    /// Unit id.
    pub unit: String,
    /// The unit's name.
    pub heading: Shown,
    /// The end of the panel's scale: a round number at or above its
    /// largest bar.
    pub scale: u64,
    /// [`ChartGroup::scale`] as a figure ("400 семей").
    pub scale_label: Shown,
    /// Bars, largest first: every figure, for the table; a drawing takes
    /// the first few (see [`drawn`]).
    pub bars: Vec<Bar>,
    /// The line drawn after the panel's bars in a page when some are not
    /// drawn there.
    pub more: Option<String>,
}

/// One bar.
#[derive(Debug, Clone)]
pub struct Bar {
    /// What the bar stands for (an organisation, a record).
    pub label: Shown,
    /// The number.
    pub value: u64,
    /// The figure in words ("320 семей").
    pub display: Shown,
    /// When the figure applies, in words, once per distinct date (a bar
    /// is one record: one date; a card's footnotes take them as a list).
    pub whens: Vec<String>,
    /// How often, in words ("ежедневно"), when its records say.
    pub frequency: Option<String>,
}

/// Builds a chart of `records` titled `title` (`title_html`), one group per
/// unit (in the units' order), one bar per record that has a figure, named
/// by `label`. A bar is never a sum: two figures of one organisation may
/// count the same families. How many bars a page or a card leaves out is
/// said in the UI string `chart_more`.
pub fn build(
    f: &StatsFormat,
    id: String,
    (title, title_html): (String, String),
    records: &[&Record],
    label: impl Fn(&Record) -> Shown,
) -> Result<Chart, String> {
    let mut groups = Vec::new();
    for unit in &f.stats.units {
        let mut bars = Vec::new();
        for record in records.iter().filter(|r| r.unit == unit.id) {
            let Some(figure) = record.figure else {
                continue;
            };
            let frequency = record.frequency.as_ref();
            bars.push(Bar {
                label: label(record),
                value: figure.count,
                display: f.shown_figure(figure, &unit.id)?,
                whens: vec![f.when(record.when)?],
                frequency: frequency.map(|often| f.frequency(often)).transpose()?,
            });
        }
        bars.sort_by(|a, b| {
            b.value
                .cmp(&a.value)
                .then_with(|| a.label.text.cmp(&b.label.text))
        });
        if let Some(largest) = bars.first() {
            let scale = round_up(largest.value);
            let more = more_than(f, bars.len(), INLINE.panel_bars)?;
            groups.push(ChartGroup {
                unit: unit.id.clone(),
                heading: f.shown(&unit.name),
                scale,
                scale_label: f.shown_figure(
                    Figure {
                        count: scale,
                        qualifier: None,
                    },
                    &unit.id,
                )?,
                bars,
                more,
            });
        }
    }
    let all_bars = groups.iter().map(|g| g.bars.len()).sum();
    let card_more = more_than(f, all_bars, CARD_BARS)?;
    let mut sources: Vec<Shown> = Vec::new();
    for record in records {
        if let Some(source) = f.stats.source(&record.source) {
            let title = f.shown(&source.title);
            if !sources.contains(&title) {
                sources.push(title);
            }
        }
    }
    Ok(Chart {
        id,
        title,
        title_html,
        groups,
        card_more,
        sources,
    })
}

/// The UI string `chart_more` when a drawing of at most `drawn` of `bars`
/// leaves some out.
fn more_than(f: &StatsFormat, bars: usize, drawn: usize) -> Result<Option<String>, String> {
    let left_out = bars.saturating_sub(drawn);
    (left_out > 0)
        .then(|| f.ui_count("chart_more", left_out))
        .transpose()
}

/// The panels drawn in `style`, each with its bars drawn: every panel's
/// largest, at most `panel_bars` of a panel and `chart_bars` in all (a
/// panel left without any is not drawn).
fn drawn<'c>(chart: &'c Chart, style: &Style) -> Vec<(&'c ChartGroup, &'c [Bar])> {
    let mut left = style.chart_bars;
    let mut panels = Vec::new();
    for group in &chart.groups {
        let count = group.bars.len().min(style.panel_bars).min(left);
        if count == 0 {
            break;
        }
        left -= count;
        panels.push((group, &group.bars[..count]));
    }
    panels
}

/// What a drawing in `style` says of `group`, whose `bars` it draws: how
/// many more the table lists, when the panel's limit left those out.
fn panel_more<'c>(group: &'c ChartGroup, bars: &[Bar], style: &Style) -> Option<&'c str> {
    let cut = bars.len() == style.panel_bars && group.bars.len() > bars.len();
    cut.then_some(group.more.as_deref()).flatten()
}

/// What a drawing in `style` of `panels` says after its last: how many
/// more the table lists, when the chart's limit left those out.
fn chart_more<'c>(
    chart: &'c Chart,
    panels: &[(&ChartGroup, &[Bar])],
    style: &Style,
) -> Option<&'c str> {
    let drawn: usize = panels.iter().map(|(_, bars)| bars.len()).sum();
    let all: usize = chart.groups.iter().map(|g| g.bars.len()).sum();
    let cut = drawn == style.chart_bars && all > drawn;
    cut.then_some(chart.card_more.as_deref()).flatten()
}

/// Adds `item` to `items` unless it is there already.
fn push_new(items: &mut Vec<String>, item: String) {
    if !items.contains(&item) {
        items.push(item);
    }
}

/// The smallest round number at or above `value` (at least 1): 1, 1.5, 2,
/// 2.5, 3, 4, 5, 6 or 8 times a power of ten, a whole number. A scale that
/// ends there keeps a bar's length proportional to its number and the end
/// of the scale easy to read.
pub fn round_up(value: u64) -> u64 {
    const STEPS: [u64; 9] = [10, 15, 20, 25, 30, 40, 50, 60, 80];
    let mut power: u64 = 1;
    loop {
        for step in STEPS {
            let Some(round) = step.checked_mul(power) else {
                return value.max(1);
            };
            if round % 10 == 0 && round / 10 >= value.max(1) {
                return round / 10;
            }
        }
        let Some(next) = power.checked_mul(10) else {
            return value.max(1);
        };
        power = next;
    }
}

/// Sizes and colours of one drawing of a chart, and how many bars it
/// draws (see [`drawn`]).
struct Style {
    width: f32,
    font: f32,
    text: &'static str,
    bar: &'static str,
    panel_bars: usize,
    chart_bars: usize,
}

/// Inline charts are drawn 400 units wide so that 15-unit text stays about
/// 13 px on a 360 px phone. They follow the page's text colour
/// (`currentColor`), so they work in dark mode; the theme's CSS may set the
/// bar colour.
/// A page draws a panel's 12 largest bars.
const INLINE: Style = Style {
    width: 400.0,
    font: 15.0,
    text: "currentColor",
    bar: "#1d5b8c",
    panel_bars: 12,
    chart_bars: usize::MAX,
};

/// A card draws 12 bars in all: their figures' dates are its footnotes,
/// and more leave the bars no room on a square.
const CARD_BARS: usize = 12;

/// A card's drawing at `font` size, black on white whatever the reader's
/// theme.
fn card_style(font: f32) -> Style {
    Style {
        width: CARD_WIDTH,
        font,
        text: "#111111",
        bar: "#1d5b8c",
        panel_bars: usize::MAX,
        chart_bars: CARD_BARS,
    }
}

/// The width of a card's bars and texts.
const CARD_WIDTH: f32 = 1000.0;

/// An upper estimate of the width of `text` at `font` size: Cyrillic
/// letters in sans-serif fonts run to about 0.62 of the size (bold more).
fn text_width(text: &str, font: f32) -> f32 {
    text.chars().count() as f32 * font * 0.64
}

/// Lines of at most `max` characters, broken at spaces.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// How many characters of `font` fit in `width`.
pub fn chars_in(width: f32, font: f32) -> usize {
    ((width / (font * 0.64)) as usize).max(8)
}

/// The panels and bars, drawn from the top; returns the SVG elements and
/// the height used. Every panel is a `<g class="panel" data-unit="U"
/// data-scale="N">`: the unit's name, its bars, then its scale, a line from
/// 0 to `N` with both ends labelled, `N` with the unit's noun. Every bar is
/// a `<g class="bar" data-value="N">`: its label on a line of its own, then
/// the bar, its figure and how often. Its length is to the scale's what its
/// number is to `N`, the scale as long as every figure leaves room for.
/// Only the bars [`drawn`] in the style are; then a page's panel, or the
/// card after its last, says how many are not in a `<text class="more">`.
/// With `dates` (on cards), each figure carries the marks of its dates,
/// the footnotes' numbers (see [`date_notes`]).
fn draw_bars(chart: &Chart, style: &Style, dates: Option<&[String]>) -> (String, f32) {
    let mut svg = String::new();
    let line = style.font * 1.35;
    let bar_height = style.font * 1.3;
    let gap = style.font * 0.5;
    let small = style.font * 0.85;
    let mut y = 0.0;
    // A line after the bars, in italics: how many more the table lists.
    let more_line = |svg: &mut String, y: &mut f32, more: &str| {
        for more_line in wrap(more, chars_in(style.width, style.font)) {
            *y += line;
            let _ = write!(
                svg,
                r#"<text class="more" x="0" y="{y:.1}" font-size="{:.1}" font-style="italic" fill="{}">{}</text>"#,
                style.font,
                style.text,
                escape(&more_line)
            );
        }
        *y += line * 0.3;
    };
    let panels = drawn(chart, style);
    for &(group, bars) in &panels {
        let figures: Vec<(String, String)> = (bars.iter())
            .map(|bar| {
                let marks = dates.map_or_else(String::new, |dates| date_marks(bar, dates));
                let often = bar
                    .frequency
                    .as_ref()
                    .map_or_else(String::new, |f| format!(" · {f}"));
                (format!("{}{marks}", bar.display.text), often)
            })
            .collect();
        // The longest scale that leaves room for every bar's figure after
        // the bar.
        let bar_max = (bars.iter().zip(&figures))
            .map(|(bar, (figure, often))| {
                let room =
                    style.width - gap - text_width(&format!("{figure}{often}"), style.font * 1.05);
                room * group.scale as f32 / bar.value.max(1) as f32
            })
            .fold(style.width, f32::min)
            .max(style.width * 0.25);
        let _ = write!(
            svg,
            r#"<g class="panel" data-unit="{}" data-scale="{}">"#,
            attribute(&group.unit),
            group.scale
        );
        let top = y + line * 0.3;
        for heading in wrap(&group.heading.text, chars_in(style.width, style.font * 1.1)) {
            y += line;
            let _ = write!(
                svg,
                r#"<text class="group" x="0" y="{y:.1}" font-size="{:.1}" font-weight="bold" fill="{}"{}>{}</text>"#,
                style.font * 1.1,
                style.text,
                group.heading.lang_attribute(),
                escape(&heading)
            );
        }
        y += line * 0.4;
        for (bar, (figure, often)) in bars.iter().zip(&figures) {
            let _ = write!(
                svg,
                r#"<g class="bar" data-unit="{}" data-value="{}">"#,
                attribute(&group.unit),
                bar.value
            );
            for label_line in wrap(&bar.label.text, chars_in(style.width, style.font)) {
                y += line;
                let _ = write!(
                    svg,
                    r#"<text x="0" y="{y:.1}" font-size="{:.1}" fill="{}"{}>{}</text>"#,
                    style.font,
                    style.text,
                    bar.label.lang_attribute(),
                    escape(&label_line)
                );
            }
            y += line * 0.35;
            let width = (bar_max * bar.value as f32 / group.scale as f32).max(2.0);
            let often = if often.is_empty() {
                String::new()
            } else {
                format!(r#"<tspan font-weight="normal">{}</tspan>"#, escape(often))
            };
            let _ = write!(
                svg,
                r#"<rect x="0" y="{y:.1}" width="{width:.1}" height="{bar_height:.1}" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="{:.1}" font-weight="bold" fill="{}"{}>{}{often}</text></g>"#,
                style.bar,
                width + gap,
                y + bar_height * 0.78,
                style.font,
                style.text,
                bar.display.lang_attribute(),
                escape(figure)
            );
            y += bar_height + line * 0.3;
        }
        if let Some(more) = panel_more(group, bars, style) {
            more_line(&mut svg, &mut y, more);
        }
        // The scale: a line under the bars with a tick at each end, the
        // ends labelled.
        y += line * 0.1;
        let tick = small * 0.4;
        let _ = write!(
            svg,
            r#"<path class="scale" d="M0 {:.1}V{y:.1}H{bar_max:.1}V{:.1}" fill="none" stroke="{}" stroke-width="1"/>"#,
            y - tick,
            y - tick,
            style.text
        );
        y += small * 1.3;
        let _ = write!(
            svg,
            r#"<text class="scale-label" x="0" y="{y:.1}" font-size="{small:.1}" fill="{text}">0</text><text class="scale-label" x="{bar_max:.1}" y="{y:.1}" font-size="{small:.1}" text-anchor="end" fill="{text}"{}>{}</text>"#,
            group.scale_label.lang_attribute(),
            escape(&group.scale_label.text),
            text = style.text,
        );
        let _ = write!(
            svg,
            r#"<path class="panel-rule" d="M0 {top:.1}H{:.1}" stroke="{}" stroke-width="0.5" opacity="0.5"/></g>"#,
            style.width, style.text
        );
        y += line;
    }
    if let Some(more) = chart_more(chart, &panels, style) {
        more_line(&mut svg, &mut y, more);
    }
    (svg, y)
}

/// Every date of `chart`'s bars drawn in `style`, each once, in the order
/// of the bars: the footnotes of its card, numbered from 1.
fn card_dates(chart: &Chart, style: &Style) -> Vec<String> {
    let mut dates = Vec::new();
    for bar in drawn(chart, style).into_iter().flat_map(|(_, bars)| bars) {
        for when in &bar.whens {
            push_new(&mut dates, when.clone());
        }
    }
    dates
}

/// `n` in superscript digits: the mark of the `n`th footnote.
fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|d| DIGITS[usize::from(d - b'0')])
        .collect()
}

/// The marks of `bar`'s dates among `dates`, in order, joined by commas
/// ("¹,²").
fn date_marks(bar: &Bar, dates: &[String]) -> String {
    let mut numbers: Vec<usize> = (bar.whens.iter())
        .filter_map(|when| dates.iter().position(|d| d == when))
        .collect();
    numbers.sort_unstable();
    let marks: Vec<String> = numbers.iter().map(|i| superscript(i + 1)).collect();
    marks.join(",")
}

/// The footnotes of a card: each of `dates` after its mark
/// ("¹ по состоянию на 3 апреля 2020 г.").
fn date_notes(dates: &[String]) -> Vec<String> {
    (dates.iter().enumerate())
        .map(|(i, date)| format!("{} {date}", superscript(i + 1)))
        .collect()
}

/// The chart as an inline, accessible SVG.
pub fn inline_svg(chart: &Chart) -> String {
    let (bars, height) = draw_bars(chart, &INLINE, None);
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 {} {:.0}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="system-ui, sans-serif"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>{bars}</svg>"#,
        INLINE.width,
        height.ceil(),
        escape(&chart.title),
        escape(&description(chart, &INLINE)),
        id = attribute(&chart.id),
    )
}

/// Whether the chart compares anything: some unit has two bars or more.
/// A chart of lone bars says no more than its table.
pub fn compares(chart: &Chart) -> bool {
    chart.groups.iter().any(|g| g.bars.len() > 1)
}

/// What the chart drawn in `style` shows, in words, for `<desc>`: the bars
/// drawn, then how many are not.
fn description(chart: &Chart, style: &Style) -> String {
    let panels = drawn(chart, style);
    (panels.iter())
        .map(|&(g, bars)| {
            let bars: Vec<String> = (bars.iter())
                .map(|b| match &b.frequency {
                    Some(often) => format!("{} — {}, {often}", b.label.text, b.display.text),
                    None => format!("{} — {}", b.label.text, b.display.text),
                })
                .chain(panel_more(g, bars, style).map(str::to_string))
                .collect();
            format!(
                "{} (0 – {}): {}.",
                g.heading.text,
                g.scale_label.text,
                bars.join("; ")
            )
        })
        .chain(chart_more(chart, &panels, style).map(str::to_string))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The font sizes a card tries, largest first, for the largest that fits.
const CARD_FONTS: [f32; 10] = [36.0, 32.0, 28.0, 26.0, 24.0, 22.0, 20.0, 18.0, 16.0, 14.0];

/// The chart as a 1080×1080 card: the site's title, the chart's title, the
/// bars in the largest type that fits, each figure marked with the numbers
/// of its dates' footnotes, the footnotes ("¹ по состоянию на 3 апреля
/// 2020 г."), then `footer` (its sources). Text uses `font_family`,
/// the font the theme ships, so that the PNG made from it is the same
/// everywhere.
pub fn card_svg(chart: &Chart, site_title: &str, footer: &str, font_family: &str) -> String {
    const SIZE: f32 = 1080.0;
    const MARGIN: f32 = 40.0;
    let mut head = String::new();
    let _ = write!(
        head,
        r##"<text x="{MARGIN}" y="70" font-size="28" fill="#1d5b8c">{}</text>"##,
        escape(site_title)
    );
    let mut y = 80.0;
    for line in wrap(&chart.title, chars_in(CARD_WIDTH, 40.0 * 1.08)) {
        y += 50.0;
        let _ = write!(
            head,
            r##"<text x="{MARGIN}" y="{y}" font-size="40" font-weight="bold" fill="#111111">{}</text>"##,
            escape(&line)
        );
    }
    let dates = card_dates(chart, &card_style(CARD_FONTS[0]));
    let footer_lines: Vec<String> = (date_notes(&dates).iter())
        .chain([&footer.to_string()])
        .flat_map(|text| wrap(text, chars_in(CARD_WIDTH, 22.0)))
        .collect();
    let mut foot = String::new();
    let mut footer_y = SIZE - MARGIN - 30.0 * (footer_lines.len() as f32 - 1.0);
    for line in &footer_lines {
        let _ = write!(
            foot,
            r##"<text x="{MARGIN}" y="{footer_y}" font-size="22" fill="#333333">{}</text>"##,
            escape(line)
        );
        footer_y += 30.0;
    }
    let top = y + 30.0;
    let available = SIZE - top - MARGIN - 40.0 - 30.0 * footer_lines.len() as f32;
    let draw = |font: f32| draw_bars(chart, &card_style(font), Some(&dates));
    let (bars, height) = (CARD_FONTS.into_iter())
        .map(draw)
        .find(|(_, height)| *height <= available)
        .unwrap_or_else(|| draw(12.0));
    let scale = (available / height.max(1.0)).min(1.0);
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="1080" viewBox="0 0 1080 1080" role="img" aria-labelledby="card-title" font-family="{}"><title id="card-title">{}</title><desc>{}</desc><rect width="1080" height="1080" fill="#ffffff"/>{head}<g transform="translate({MARGIN} {top:.1}) scale({scale:.4})">{bars}</g>{foot}</svg>"##,
        attribute(font_family),
        escape(&chart.title),
        escape(&description(chart, &card_style(CARD_FONTS[0]))),
    )
}

/// The labels of the table that follows each chart.
#[derive(Clone)]
pub struct TableLabels {
    /// Header of the label column.
    pub label: String,
    /// Header of the figure column.
    pub figure: String,
    /// Header of the date column.
    pub when: String,
    /// "Source".
    pub source: String,
}

/// The chart as a `<figure>`: caption, inline SVG, a table of the same
/// numbers, its sources and the links to its downloads. Written without
/// blank lines, so that it stays one HTML block inside Markdown.
pub fn figure_html(chart: &Chart, labels: &TableLabels, downloads: &str) -> String {
    let mut html = format!(
        r#"<figure class="chart" id="{}"><figcaption>{}</figcaption>{}"#,
        attribute(&chart.id),
        chart.title_html,
        inline_svg(chart)
    );
    let _ = write!(
        html,
        r#"<table class="chart-data"><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead>"#,
        escape(&labels.label),
        escape(&labels.figure),
        escape(&labels.when)
    );
    for group in &chart.groups {
        let _ = write!(
            html,
            r#"<tbody><tr><th scope="colgroup" colspan="3">{} <span class="scale-label">(0 – {})</span></th></tr>"#,
            group.heading.html(),
            group.scale_label.html()
        );
        for bar in &group.bars {
            let _ = write!(
                html,
                r#"<tr><th scope="row">{}</th><td data-unit="{}" data-value="{}">{}{}</td><td>{}</td></tr>"#,
                bar.label.html(),
                attribute(&group.unit),
                bar.value,
                bar.display.html(),
                bar.frequency
                    .as_ref()
                    .map_or_else(String::new, |often| format!(
                        r#" <span class="frequency">{}</span>"#,
                        escape(often)
                    )),
                escape(&bar.whens.join("; "))
            );
        }
        html.push_str("</tbody>");
    }
    html.push_str("</table>");
    if !chart.sources.is_empty() {
        let sources: Vec<String> = chart.sources.iter().map(Shown::html).collect();
        let _ = write!(
            html,
            r#"<p class="chart-source">{}: {}</p>"#,
            escape(&labels.source),
            sources.join("; ")
        );
    }
    html.push_str(downloads);
    html.push_str("</figure>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hostile_chart() -> Chart {
        let hostile = "x\"><script>alert(1)</script>'";
        let shown = |text: String| Shown {
            text,
            lang: Some(hostile.to_string()),
        };
        Chart {
            id: format!("category-{hostile}"),
            title: hostile.to_string(),
            title_html: escape(hostile),
            groups: vec![ChartGroup {
                unit: hostile.to_string(),
                heading: shown(hostile.to_string()),
                scale: 1,
                scale_label: shown(hostile.to_string()),
                more: Some(hostile.to_string()),
                bars: ["a", "b"]
                    .map(|n| Bar {
                        label: shown(format!("{hostile}{n}")),
                        value: 1,
                        display: shown(hostile.to_string()),
                        whens: vec![hostile.to_string()],
                        frequency: Some(hostile.to_string()),
                    })
                    .to_vec(),
            }],
            card_more: Some(hostile.to_string()),
            sources: vec![shown(hostile.to_string())],
        }
    }

    #[test]
    fn no_value_breaks_out_of_an_attribute_or_element() {
        let chart = hostile_chart();
        let labels = TableLabels {
            label: "l".into(),
            figure: "f".into(),
            when: "w".into(),
            source: "s".into(),
        };
        for svg in [
            inline_svg(&chart),
            card_svg(&chart, "x\"'<", "x\"'<", "Font\"'<"),
            figure_html(&chart, &labels, ""),
        ] {
            assert!(!svg.contains("<script"), "{svg}");
            assert!(!svg.contains("x\""), "{svg}");
        }
        // The card is well-formed XML, whatever its texts.
        let card = card_svg(&chart, "\u{1b}", "\u{7}", "F");
        assert!(!card.contains('\u{1b}') && !card.contains('\u{7}'));
    }

    /// A chart of 40 bars in one panel, largest first, each of its own
    /// date, saying how many more there are.
    fn chart_of_many_bars() -> Chart {
        let bars: Vec<Bar> = (1..=40u64)
            .rev()
            .map(|n| Bar {
                label: Shown::plain(format!("bar {n}")),
                value: n,
                display: Shown::plain(n.to_string()),
                whens: vec![format!("day {n}")],
                frequency: None,
            })
            .collect();
        Chart {
            id: "many".into(),
            title: "Many".into(),
            title_html: "Many".into(),
            groups: vec![ChartGroup {
                unit: "u".into(),
                heading: Shown::plain("Unit"),
                scale: 40,
                scale_label: Shown::plain("40"),
                bars,
                more: Some("28 more".into()),
            }],
            card_more: Some("28 more on the card".into()),
            sources: Vec::new(),
        }
    }

    #[test]
    fn a_drawing_takes_the_largest_bars_and_says_how_many_more() {
        let chart = chart_of_many_bars();
        let count = |svg: &str| svg.matches(r#"<g class="bar""#).count();
        let inline = inline_svg(&chart);
        assert_eq!(count(&inline), 12);
        assert!(inline.contains(r#"data-value="29""#) && !inline.contains(r#"data-value="28""#));
        assert!(inline.contains(">28 more</text>"), "{inline}");
        let card = card_svg(&chart, "Site", "Source", "Font");
        assert_eq!(count(&card), 12);
        assert!(card.contains(">28 more on the card</text>"), "{card}");
        assert!(!card.contains(">28 more</text>"), "{card}");
        assert!(
            card.contains("¹² day 29") && !card.contains("day 28"),
            "{card}"
        );
        let labels = TableLabels {
            label: "l".into(),
            figure: "f".into(),
            when: "w".into(),
            source: "s".into(),
        };
        let html = figure_html(&chart, &labels, "");
        assert_eq!(html.matches("<td data-unit").count(), 40);
    }

    #[test]
    fn scales_end_at_a_round_number_at_or_above_the_largest_bar() {
        let ends: Vec<u64> = [0, 1, 2, 3, 7, 35, 47, 104, 225, 320, 1000, 1001]
            .map(round_up)
            .to_vec();
        assert_eq!(ends, [1, 1, 2, 3, 8, 40, 50, 150, 250, 400, 1000, 1500]);
        assert_eq!(round_up(u64::MAX), u64::MAX);
    }

    #[test]
    fn footnote_marks_are_superscript_numbers() {
        assert_eq!(superscript(1), "¹");
        assert_eq!(superscript(12), "¹²");
        let bar = |whens: &[&str]| Bar {
            label: Shown::plain("l"),
            value: 1,
            display: Shown::plain("1"),
            whens: whens.iter().map(|w| w.to_string()).collect(),
            frequency: None,
        };
        let dates = ["a".to_string(), "b".to_string()];
        assert_eq!(date_marks(&bar(&["b", "a"]), &dates), "¹,²");
        assert_eq!(date_notes(&dates), ["¹ a", "² b"]);
    }

    #[test]
    fn labels_wrap_at_spaces() {
        assert_eq!(wrap("бір екі үш төрт", 8), ["бір екі", "үш төрт"]);
        assert_eq!(wrap("ұзынсөзбірден", 4), ["ұзынсөзбірден"]);
    }
}
