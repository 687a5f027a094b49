//! The statistics prepared for rendering in each language: the view, the
//! charts and their HTML, ready for pages, shortcodes and downloads.

use foldhash::HashMap;

use super::charts::{self, Chart, TableLabels};
use super::format::{Shown, StatsFormat};
use super::series::{self, Series};
use super::view::{self, AidView, OrganisationView, RecordView};
use crate::model::{Lang, LangId, Record, Site, Stats, positions_of};
use crate::render::functions::Localizer;

/// The statistics in one language, ready to render.
pub struct LangStats<'a> {
    /// The language.
    pub lang: LangId,
    /// Formatting in this language.
    pub format: StatsFormat<'a>,
    /// The statistics as plain data.
    pub view: AidView,
    /// The overview's charts, then one per organisation (`org-ID`), each
    /// with its `<figure>` HTML.
    pub charts: Vec<(Chart, String)>,
    /// The series (figures over time), each with its `<figure>` HTML.
    pub series: Vec<(Series, String)>,
    /// Where each chart is in `charts`, by id: each organisation's page
    /// and card looks its chart up.
    chart_at: HashMap<String, usize>,
    /// Each organisation's place in the view and what its page shows, by
    /// id: a search through every record for each organisation took time
    /// growing with the square of the statistics.
    organisations: HashMap<String, OrganisationParts>,
}

/// Where an organisation and what its page shows are in [`LangStats`].
#[derive(Default)]
struct OrganisationParts {
    /// Its position in the view's organisations.
    at: usize,
    /// Its records' positions in the view's, in file order.
    records: Vec<usize>,
    /// Its series' positions in `series`, in order.
    series: Vec<usize>,
}

/// An organisation's page's parts (see [`LangStats::organisation`]).
pub struct OrganisationOf<'s> {
    /// The organisation, as the view shows it.
    pub view: &'s OrganisationView,
    /// Its records, in file order.
    pub records: Vec<&'s RecordView>,
    /// Its series with their HTML, in order.
    pub series: Vec<&'s (Series, String)>,
}

impl LangStats<'_> {
    /// The chart `id` and its HTML.
    pub fn chart(&self, id: &str) -> Option<&(Chart, String)> {
        self.charts.get(*self.chart_at.get(id)?)
    }

    /// The organisation `id` with its records and series.
    pub fn organisation(&self, id: &str) -> Option<OrganisationOf<'_>> {
        let parts = self.organisations.get(id)?;
        Some(OrganisationOf {
            view: self.view.organisations.get(parts.at)?,
            records: (parts.records.iter())
                .filter_map(|&i| self.view.records.get(i))
                .collect(),
            series: (parts.series.iter())
                .filter_map(|&i| self.series.get(i))
                .collect(),
        })
    }
}

/// URL paths (relative to the base) of the statistics' outputs.
pub mod paths {
    /// The overview page.
    pub fn overview(lang: &str) -> String {
        format!("{lang}/infographics/")
    }
    /// An organisation's page.
    pub fn organisation(lang: &str, org: &str) -> String {
        format!("{lang}/infographics/{org}/")
    }
    /// The changes of the figures across the history.
    pub fn changes(lang: &str) -> String {
        format!("{lang}/infographics/changes/")
    }
    /// A chart's card, `svg` or `png`.
    pub fn chart(lang: &str, id: &str, extension: &str) -> String {
        format!("{lang}/infographics/charts/{id}.{extension}")
    }
    /// A download of the statistics in one language, `csv`, `xlsx`,
    /// `json` or `schema.json`.
    pub fn download(lang: &str, extension: &str) -> String {
        format!("{lang}/data/aid.{extension}")
    }
    /// Every record and lookup in every language, as JSON.
    pub const ALL_LANGUAGES: &str = "data/aid.json";
    /// The JSON Schema of [`ALL_LANGUAGES`].
    pub const ALL_LANGUAGES_SCHEMA: &str = "data/aid.schema.json";
    /// Every record in every language, as CSV.
    pub const ALL_LANGUAGES_CSV: &str = "data/aid.csv";
    /// A lookup of the records' ids (`organisations`, `units`…), as CSV.
    pub fn lookup(name: &str) -> String {
        format!("data/{name}.csv")
    }
    /// The data package describing every CSV file.
    pub const PACKAGE: &str = super::super::package::PATH;
}

/// Prepares `stats` in `lang`. Errors are messages about missing UI strings
/// or noun forms.
pub fn prepare<'a>(
    site: &'a Site,
    localizer: &'a Localizer,
    stats: &'a Stats,
    language: &'a Lang,
) -> Result<LangStats<'a>, String> {
    let lang = language.code.as_str();
    let f = StatsFormat::new(localizer, stats, lang, site.code(site.default_lang));
    let view = view::build(&f, |org| site.link(&paths::organisation(lang, org)))?;
    let all: Vec<&Record> = stats.records.iter().collect();
    // A bar is named by its organisation, and by what it counts too when
    // the organisation has other figures of the unit in the chart.
    let org_name = |figures: &FiguresOf, record: &Record| {
        let org = f.org_short(&record.org);
        let key = (record.org.as_str(), record.unit.as_str());
        if figures.get(&key).copied().unwrap_or(0) < 2 {
            return org;
        }
        let what = f.shown(&record.what);
        Shown {
            text: format!("{} — {}", org.text, what.text),
            lang: org.lang.or(what.lang),
        }
    };
    // A UI string as a chart's title, `{name}` in it replaced by `name`.
    let title = |key: &str, name: Option<(&str, Shown)>| -> Result<(String, String), String> {
        let string = f.ui(key)?;
        Ok(match name {
            Some((placeholder, name)) => (
                string.replace(placeholder, &name.text),
                charts::escape(&string).replace(placeholder, &name.html()),
            ),
            None => (string.clone(), charts::escape(&string)),
        })
    };
    let reached = filter(&all, |r| stats.unit(&r.unit).is_some_and(|u| u.reach));
    let items = filter(&all, |r| stats.unit(&r.unit).is_some_and(|u| !u.reach));
    let (reached_figures, items_figures) = (figures_of(&reached), figures_of(&items));
    let mut charts = vec![
        charts::build(
            &f,
            "reached".into(),
            title("chart_reached", None)?,
            &reached,
            |r| org_name(&reached_figures, r),
        )?,
        charts::build(
            &f,
            "items".into(),
            title("chart_items", None)?,
            &items,
            |r| org_name(&items_figures, r),
        )?,
    ];
    for category in &stats.categories {
        let records = filter(&all, |r| r.category == category.id);
        let figures = figures_of(&records);
        charts.push(charts::build(
            &f,
            format!("category-{}", category.id),
            title(
                "chart_category",
                Some(("{category}", f.shown(&category.name))),
            )?,
            &records,
            |r| org_name(&figures, r),
        )?);
    }
    let by_organisation = stats.records_by_organisation();
    for org in &stats.organisations {
        // An organisation without records has no chart.
        let Some(records) = by_organisation.get(org.id.as_str()) else {
            continue;
        };
        charts.push(charts::build(
            &f,
            format!("org-{}", org.id),
            title(
                "chart_organisation",
                Some(("{organisation}", f.shown(&org.short))),
            )?,
            records,
            |r| f.shown(&r.what),
        )?);
    }
    let overview_labels = TableLabels {
        label: f.ui("chart_label")?,
        figure: f.ui("chart_figure")?,
        when: f.ui("chart_when")?,
        source: f.ui("source")?,
    };
    let organisation_labels = TableLabels {
        label: f.ui("chart_label_record")?,
        ..overview_labels.clone()
    };
    let (svg_label, png_label) = (f.ui("download_svg")?, f.ui("download_png")?);
    let charts: Vec<(Chart, String)> = charts
        .into_iter()
        .filter(charts::compares)
        .map(|chart| {
            let downloads = format!(
                r#"<p class="chart-downloads"><a href="{}" download>{}</a> · <a href="{}" download>{}</a></p>"#,
                charts::attribute(&site.link(&paths::chart(lang, &chart.id, "svg"))),
                charts::escape(&svg_label),
                charts::attribute(&site.link(&paths::chart(lang, &chart.id, "png"))),
                charts::escape(&png_label),
            );
            let labels = if chart.id.starts_with("org-") { &organisation_labels } else { &overview_labels };
            let html = charts::figure_html(&chart, labels, &downloads);
            (chart, html)
        })
        .collect();
    let series: Vec<(Series, String)> = series::find(&f)?
        .into_iter()
        .map(|s| {
            let html = series::figure_html(&s, &overview_labels);
            (s, html)
        })
        .collect();
    let chart_at = positions_of(&charts, |(chart, _)| &chart.id);
    let mut organisations: HashMap<String, OrganisationParts> = HashMap::default();
    for (i, org) in view.organisations.iter().enumerate().rev() {
        organisations.entry(org.id.clone()).or_default().at = i;
    }
    for (i, record) in view.records.iter().enumerate() {
        if let Some(parts) = organisations.get_mut(&record.organisation) {
            parts.records.push(i);
        }
    }
    for (i, (one, _)) in series.iter().enumerate() {
        if let Some(parts) = organisations.get_mut(&one.org) {
            parts.series.push(i);
        }
    }
    Ok(LangStats {
        lang: language.id,
        format: f,
        view,
        charts,
        series,
        chart_at,
        organisations,
    })
}

/// How many figures (records with a count) each organisation has in each
/// unit, by organisation and unit id.
type FiguresOf<'r> = HashMap<(&'r str, &'r str), usize>;

/// The [`FiguresOf`] one chart's `records`, counted once for the chart:
/// counted again for each of its bars, a chart of 15,000 records took
/// seconds.
fn figures_of<'r>(records: &[&'r Record]) -> FiguresOf<'r> {
    let mut figures = FiguresOf::default();
    for record in records.iter().filter(|r| r.figure.is_some()) {
        *figures.entry((&record.org, &record.unit)).or_default() += 1;
    }
    figures
}

fn filter<'r>(records: &[&'r Record], keep: impl Fn(&Record) -> bool) -> Vec<&'r Record> {
    records.iter().copied().filter(|r| keep(r)).collect()
}
