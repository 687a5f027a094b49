//! Bar charts of the statistics, drawn at build time as SVG: inline in
//! pages (with `role="img"`, `<title>`, `<desc>` and a real table of
//! every figure), and as a square card for social networks.
//!
//! A chart is made of *panels* (`ChartGroup`), one per unit, each titled
//! with its unit and drawn against its own labelled scale, from 0 to a round
//! figure at or above its largest bar ("0 … 400 семей"): bars of families
//! and of masks are never measured against each other, and a lone 35 is not
//! drawn as long as a 320 of another unit. A page draws a panel's 12
//! largest bars, a card 12 bars in all, and each says how many more the
//! table lists: a chart of thousands of bars is read by no one, and laying
//! out their texts took seconds and hundreds of megabytes. A text
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
    /// The line drawn after a card's panels when the card leaves bars out
    /// ("Ещё 18 цифр — в таблице на сайте").
    pub more_on_card: Option<String>,
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
    /// The line drawn after the panel in a page when the page leaves some
    /// of its bars out.
    pub more_in_page: Option<String>,
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
                more_in_page: None,
            });
        }
    }
    let mut sources: Vec<Shown> = Vec::new();
    for record in records {
        if let Some(source) = f.stats.source(&record.source) {
            let title = f.shown(&source.title);
            if !sources.contains(&title) {
                sources.push(title);
            }
        }
    }
    let mut chart = Chart {
        id,
        title,
        title_html,
        groups,
        more_on_card: None,
        sources,
    };
    // What each drawing leaves out, in words: a page of each panel, a card
    // of the chart.
    let left_out = |count: usize| {
        (count > 0)
            .then(|| f.ui_count("chart_more", count))
            .transpose()
    };
    let in_page: Vec<usize> = (drawn(&chart, PAGE_BARS).iter())
        .map(|(group, bars)| group.bars.len() - bars.len())
        .collect();
    for (group, count) in chart.groups.iter_mut().zip(in_page) {
        group.more_in_page = left_out(count)?;
    }
    chart.more_on_card = left_out(bar_count(&chart) - drawn_count(&chart, CARD_BARS))?;
    Ok(chart)
}

/// How many bars of a chart a drawing draws.
#[derive(Clone, Copy)]
enum Limit {
    /// The largest of each panel, at most this many.
    EachPanel(usize),
    /// At most this many in all: each panel's largest first, in the
    /// panels' order, then the next largest of each panel in turn; a panel
    /// left without any is not drawn.
    InAll(usize),
}

/// A page draws a panel's 12 largest bars: more is a list no one reads,
/// and its table lists them.
const PAGE_BARS: Limit = Limit::EachPanel(12);

/// A card draws 12 bars in all: their figures' dates are its footnotes,
/// and more leave the bars no room on a square.
const CARD_BARS: Limit = Limit::InAll(12);

/// The panels a drawing limited by `limit` draws, each with its bars
/// drawn, largest first.
fn drawn(chart: &Chart, limit: Limit) -> Vec<(&ChartGroup, &[Bar])> {
    let counts: Vec<usize> = match limit {
        Limit::EachPanel(most) => (chart.groups.iter())
            .map(|g| g.bars.len().min(most))
            .collect(),
        Limit::InAll(most) => {
            let mut counts = vec![0; chart.groups.len()];
            let mut left = most;
            let mut round = 0;
            while left > 0 {
                let mut took = false;
                for (count, group) in counts.iter_mut().zip(&chart.groups) {
                    if left > 0 && group.bars.len() > round {
                        *count += 1;
                        left -= 1;
                        took = true;
                    }
                }
                if !took {
                    break;
                }
                round += 1;
            }
            counts
        }
    };
    (chart.groups.iter().zip(counts))
        .filter(|&(_, count)| count > 0)
        .map(|(group, count)| (group, &group.bars[..count]))
        .collect()
}

/// Every bar of `chart`.
fn bar_count(chart: &Chart) -> usize {
    chart.groups.iter().map(|g| g.bars.len()).sum()
}

/// How many bars of `chart` a drawing limited by `limit` draws.
fn drawn_count(chart: &Chart, limit: Limit) -> usize {
    drawn(chart, limit).iter().map(|(_, bars)| bars.len()).sum()
}

/// What a drawing limited by `limit` says after the panel `group`: how
/// many more of its bars the table lists.
fn panel_more(group: &ChartGroup, limit: Limit) -> Option<&str> {
    match limit {
        Limit::EachPanel(_) => group.more_in_page.as_deref(),
        Limit::InAll(_) => None,
    }
}

/// What a drawing limited by `limit` says after its last panel: how many
/// more of the chart's bars the table lists.
fn chart_more(chart: &Chart, limit: Limit) -> Option<&str> {
    match limit {
        Limit::EachPanel(_) => None,
        Limit::InAll(_) => chart.more_on_card.as_deref(),
    }
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
/// draws.
struct Style {
    width: f32,
    font: f32,
    text: &'static str,
    bar: &'static str,
    limit: Limit,
}

/// Inline charts are drawn 400 units wide so that 15-unit text stays about
/// 13 px on a 360 px phone. They follow the page's text colour
/// (`currentColor`), so they work in dark mode; the theme's CSS may set the
/// bar colour.
const INLINE: Style = Style {
    width: 400.0,
    font: 15.0,
    text: "currentColor",
    bar: "#1d5b8c",
    limit: PAGE_BARS,
};

/// A card's drawing at `font` size, black on white whatever the reader's
/// theme.
fn card_style(font: f32) -> Style {
    Style {
        width: CARD_WIDTH,
        font,
        text: "#111111",
        bar: "#1d5b8c",
        limit: CARD_BARS,
    }
}

/// The width of a card's bars and texts.
const CARD_WIDTH: f32 = 1000.0;

/// An upper estimate of the width of `text` at `font` size: Cyrillic
/// letters in sans-serif fonts run to about 0.62 of the size (bold more).
fn text_width(text: &str, font: f32) -> f32 {
    text.chars().count() as f32 * font * 0.64
}

/// Lines of at most `max` characters (at least one), broken at spaces; a
/// word longer than a line is cut into lines of its own, so that no text
/// runs off a card and a drawing grows with the text's length, never
/// faster (the text shaper's work grows with the square of a line's).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let mut rest = word;
        while !rest.is_empty() {
            let cut = rest
                .char_indices()
                .nth(max)
                .map_or(rest.len(), |(at, _)| at);
            let (piece, after) = rest.split_at(cut);
            rest = after;
            match lines.last_mut() {
                Some(line) if line.chars().count() + 1 + piece.chars().count() <= max => {
                    line.push(' ');
                    line.push_str(piece);
                }
                _ => lines.push(piece.to_string()),
            }
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
/// Only the bars [`drawn`] within the style's limit are. After its scale,
/// a page's panel says how many of its bars are not drawn, and a card says
/// so of the chart after its last panel, each in a `<text class="more">`.
/// With `dates` (on cards), each figure carries the marks of its dates,
/// the footnotes' numbers (see [`date_notes`]).
fn draw_bars(chart: &Chart, style: &Style, dates: Option<&[String]>) -> (String, f32) {
    let mut svg = String::new();
    let line = style.font * 1.35;
    let bar_height = style.font * 1.3;
    let gap = style.font * 0.5;
    let small = style.font * 0.85;
    let mut y = 0.0;
    // How many more bars the table lists, after a panel's scale.
    let say_more = |svg: &mut String, y: &mut f32, more: &str| {
        for text in wrap(more, chars_in(style.width, style.font)) {
            *y += line;
            let _ = write!(
                svg,
                r#"<text class="more" x="0" y="{y:.1}" font-size="{:.1}" fill="{}">{}</text>"#,
                style.font,
                style.text,
                escape(&text)
            );
        }
    };
    for (group, bars) in drawn(chart, style.limit) {
        let figures: Vec<(String, String)> = (bars.iter())
            .map(|bar| {
                let marks = dates.map_or_else(String::new, |dates| date_marks(bar, dates));
                // A no-break space: a space that begins a `<tspan>` is
                // dropped by SVG's default white-space handling (resvg's
                // cards showed "наборов⁴· еженедельно").
                let often = bar
                    .frequency
                    .as_ref()
                    .map_or_else(String::new, |f| format!("\u{a0}· {f}"));
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
        if let Some(more) = panel_more(group, style.limit) {
            say_more(&mut svg, &mut y, more);
        }
        let _ = write!(
            svg,
            r#"<path class="panel-rule" d="M0 {top:.1}H{:.1}" stroke="{}" stroke-width="0.5" opacity="0.5"/></g>"#,
            style.width, style.text
        );
        y += line;
    }
    if let Some(more) = chart_more(chart, style.limit) {
        say_more(&mut svg, &mut y, more);
    }
    (svg, y)
}

/// Every date of the bars a card draws of `chart`, each once, in the
/// order of the bars: the footnotes of its card, numbered from 1.
fn card_dates(chart: &Chart) -> Vec<String> {
    let mut dates = Vec::new();
    for bar in drawn(chart, CARD_BARS)
        .into_iter()
        .flat_map(|(_, bars)| bars)
    {
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
        escape(&description(chart, INLINE.limit)),
        id = attribute(&chart.id),
    )
}

/// Whether the chart compares anything: some unit has two bars or more.
/// A chart of lone bars says no more than its table.
pub fn compares(chart: &Chart) -> bool {
    chart.groups.iter().any(|g| g.bars.len() > 1)
}

/// What the chart drawn within `limit` shows, in words, for `<desc>`: the
/// bars drawn, then how many are not, a sentence each.
fn description(chart: &Chart, limit: Limit) -> String {
    let sentence = |text: &str| format!("{}.", text.trim_end_matches('.'));
    let mut sentences = Vec::new();
    for (g, bars) in drawn(chart, limit) {
        let bars: Vec<String> = (bars.iter())
            .map(|b| match &b.frequency {
                Some(often) => format!("{} — {}, {often}", b.label.text, b.display.text),
                None => format!("{} — {}", b.label.text, b.display.text),
            })
            .collect();
        sentences.push(format!(
            "{} (0 – {}): {}.",
            g.heading.text,
            g.scale_label.text,
            bars.join("; ")
        ));
        sentences.extend(panel_more(g, limit).map(sentence));
    }
    sentences.extend(chart_more(chart, limit).map(sentence));
    sentences.join(" ")
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
    let dates = card_dates(chart);
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
        escape(&description(chart, CARD_BARS)),
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

/// The chart as a `<figure>`: caption, inline SVG, a table of every
/// figure (the drawing's and those it leaves out), its sources and the links to its downloads. Written without
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
                more_in_page: Some(hostile.to_string()),
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
            more_on_card: Some(hostile.to_string()),
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

    /// A panel of unit `unit` with bars `from`..=`to`, largest first,
    /// each of its own date.
    fn panel(unit: &str, from: u64, to: u64) -> ChartGroup {
        ChartGroup {
            unit: unit.into(),
            heading: Shown::plain(unit),
            scale: round_up(to),
            scale_label: Shown::plain(round_up(to).to_string()),
            bars: (from..=to)
                .rev()
                .map(|n| Bar {
                    label: Shown::plain(format!("bar {n}")),
                    value: n,
                    display: Shown::plain(n.to_string()),
                    whens: vec![format!("day {n}")],
                    frequency: None,
                })
                .collect(),
            more_in_page: None,
        }
    }

    /// A chart of `groups`, saying what a page and a card leave out.
    fn chart_of(groups: Vec<ChartGroup>) -> Chart {
        Chart {
            id: "many".into(),
            title: "Many".into(),
            title_html: "Many".into(),
            groups,
            more_on_card: None,
            sources: Vec::new(),
        }
    }

    #[test]
    fn a_card_draws_each_panels_largest_bar_first() {
        let chart = chart_of(vec![panel("a", 1, 20), panel("b", 1, 1), panel("c", 1, 3)]);
        let counts = |limit| -> Vec<(String, usize)> {
            (drawn(&chart, limit).into_iter())
                .map(|(g, bars)| (g.unit.clone(), bars.len()))
                .collect()
        };
        let count = |unit: &str, n| (unit.to_string(), n);
        assert_eq!(
            counts(CARD_BARS),
            [count("a", 8), count("b", 1), count("c", 3)]
        );
        assert_eq!(
            counts(PAGE_BARS),
            [count("a", 12), count("b", 1), count("c", 3)]
        );
        assert_eq!(counts(Limit::InAll(2)), [count("a", 1), count("b", 1)]);
        assert_eq!(
            counts(Limit::InAll(40)),
            [count("a", 20), count("b", 1), count("c", 3)]
        );
        assert_eq!(drawn_count(&chart, CARD_BARS), 12);
        assert_eq!(bar_count(&chart), 24);
    }

    #[test]
    fn a_drawing_takes_the_largest_bars_and_says_how_many_more() {
        let mut chart = chart_of(vec![panel("u", 1, 40)]);
        chart.groups[0].more_in_page = Some("28 more".into());
        chart.more_on_card = Some("28 more on the card".into());
        let count = |svg: &str| svg.matches(r#"<g class="bar""#).count();
        let inline = inline_svg(&chart);
        assert_eq!(count(&inline), 12);
        assert!(inline.contains(r#"data-value="29""#) && !inline.contains(r#"data-value="28""#));
        assert!(inline.contains(">28 more</text>"), "{inline}");
        assert!(inline.contains("bar 29 — 29. 28 more.</desc>"), "{inline}");
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
        assert_eq!(wrap("ұзынсөзбірден", 4), ["ұзын", "сөзб", "ірде", "н"]);
        assert_eq!(wrap("a ұзынсөз b", 3), ["a", "ұзы", "нсө", "з b"]);
        assert_eq!(wrap("  ", 3), Vec::<String>::new());
        assert_eq!(wrap("әб", 0), ["ә", "б"]);
    }
}
