//! Everything the statistics add to a site: per language the overview page
//! `/LANG/infographics/`, a page per organisation, each chart's SVG and PNG
//! card, `/LANG/data/aid.csv`, `aid.xlsx`, `aid.json` and its schema; and what holds
//! every language: `/data/aid.json` with its schema, `/data/aid.csv`, the
//! lookups' CSV files and `/datapackage.json`.

use std::io;

use super::charts::{self, Chart};
use super::prepare::{self, LangStats, OrganisationOf, paths};
use super::series::Series;
use super::view::{self, AidView, RecordView};
use super::{changes, lookups, opendata, package, tables};
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::model::{History, LangId, Site};
use crate::msg;
use crate::render::context::GeneratedPage;
use crate::render::functions::Localizer;
use crate::render::inputs::Input;
use crate::render::previews::Dataset;
use crate::render::reads::Reading;
use crate::render::search;
use crate::render::units::{Outcome, Renderer};
use crate::write::UnitOutput;

/// The statistics of a site, prepared in every language.
pub struct Infographics<'a> {
    langs: Vec<LangStats<'a>>,
    /// The changes of the figures, when the site's history has them.
    history: Option<&'a History>,
}

impl<'a> Infographics<'a> {
    /// The statistics in `lang`.
    pub fn lang(&self, lang: LangId) -> Option<&LangStats<'a>> {
        self.langs.iter().find(|l| l.lang == lang)
    }

    /// The URL paths of the pages this adds, each page's languages together
    /// (for the sitemap).
    pub fn url_groups(&self) -> Vec<Vec<(String, String)>> {
        let Some(first) = self.langs.first() else {
            return Vec::new();
        };
        let codes: Vec<&str> = self.langs.iter().map(|l| l.format.lang).collect();
        let group = |path: &dyn Fn(&str) -> String| {
            codes.iter().map(|c| (c.to_string(), path(c))).collect()
        };
        let mut groups = vec![group(&|l| paths::overview(l))];
        for org in first.view.organisations.iter().filter(|o| o.url.is_some()) {
            groups.push(group(&|l| paths::organisation(l, &org.id)));
        }
        if self.history.is_some() {
            groups.push(group(&|l| paths::changes(l)));
        }
        groups
    }

    /// The view of `lang`, for templates' `aid` and `data.aid`.
    pub fn view(&self, lang: LangId) -> Option<&AidView> {
        self.lang(lang).map(|l| &l.view)
    }
}

/// Prepares the statistics in every language; a missing UI string or noun
/// form becomes a diagnostic on the theme's strings (and no statistics).
pub fn prepare_all<'a>(
    site: &'a Site,
    localizer: &'a Localizer,
    diagnostics: &mut Diagnostics,
) -> Option<Infographics<'a>> {
    let stats = site.stats.as_ref()?;
    let mut ready = true;
    let mut langs = Vec::new();
    for lang in &site.languages {
        match prepare::prepare(site, localizer, stats, lang) {
            Ok(prepared) => langs.push(prepared),
            Err(message) => {
                ready = false;
                diagnostics.push(cannot_show(site, &lang.code, message));
            }
        }
    }
    ready.then_some(Infographics {
        langs,
        history: site.history.as_ref(),
    })
}

/// Why the statistics cannot be shown in `lang`: `message`, a missing UI
/// string or noun form, reported at the theme's strings of `lang`.
fn cannot_show(site: &Site, lang: &str, message: String) -> Diagnostic {
    Diagnostic::error(
        site.theme_dir().join("i18n").join(format!("{lang}.yaml")),
        Span::START,
        msg!("stats-cannot-show", lang = lang, error = message),
    )
    .with_hint(msg!("stats-cannot-show-hint"))
}

/// The template of the overview pages.
pub const OVERVIEW_TEMPLATE: &str = "infographics.html";
/// The template of the organisations' pages.
pub const ORGANISATION_TEMPLATE: &str = "organisation.html";
/// The template of the changes pages.
pub const CHANGES_TEMPLATE: &str = "changes.html";

/// One output of the statistics, an output unit of its own (see
/// `render::units`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Output {
    /// A language's overview page, `/LANG/infographics/`.
    Overview(String),
    /// An organisation's page in a language.
    Organisation {
        /// The language.
        lang: String,
        /// The organisation's id.
        org: String,
    },
    /// A language's changes page, `/LANG/infographics/changes/`.
    Changes(String),
    /// A chart's card, SVG and PNG, in a language.
    Card {
        /// The language.
        lang: String,
        /// The chart's id.
        chart: String,
    },
    /// A language's `aid.csv`, `aid.xlsx`, `aid.json` and its schema.
    Downloads(String),
    /// Every record in every language (`/data/`), and the data package.
    AllLanguages,
}

impl Output {
    /// The template it is rendered with, if it is a page.
    pub fn template(&self) -> Option<&'static str> {
        match self {
            Output::Overview(_) => Some(OVERVIEW_TEMPLATE),
            Output::Organisation { .. } => Some(ORGANISATION_TEMPLATE),
            Output::Changes(_) => Some(CHANGES_TEMPLATE),
            Output::Card { .. } | Output::Downloads(_) | Output::AllLanguages => None,
        }
    }
}

impl Infographics<'_> {
    /// Every output, each language's together.
    pub fn outputs(&self) -> Vec<Output> {
        let mut outputs = Vec::new();
        for lang in &self.langs {
            let code = lang.format.lang.to_string();
            outputs.push(Output::Overview(code.clone()));
            for org in lang.view.organisations.iter().filter(|o| o.url.is_some()) {
                outputs.push(Output::Organisation {
                    lang: code.clone(),
                    org: org.id.clone(),
                });
            }
            if self.history.is_some() {
                outputs.push(Output::Changes(code.clone()));
            }
            for (chart, _) in &lang.charts {
                outputs.push(Output::Card {
                    lang: code.clone(),
                    chart: chart.id.clone(),
                });
            }
            outputs.push(Output::Downloads(code));
        }
        outputs.push(Output::AllLanguages);
        outputs
    }

    /// Writes `output` into `out`, recording what it reads in `reading`;
    /// adds to `outcome` its problems and search records.
    pub fn render(
        &self,
        output: &Output,
        renderer: &Renderer,
        out: &UnitOutput,
        reading: &mut Reading,
        outcome: &mut Outcome,
    ) -> io::Result<()> {
        let to_io = |e: String| io::Error::other(e);
        let site = renderer.site;
        let render =
            |template: &str, context: &tera::Context| renderer.render_template(template, context);
        let lang = match output {
            Output::Overview(lang)
            | Output::Organisation { lang, .. }
            | Output::Changes(lang)
            | Output::Card { lang, .. }
            | Output::Downloads(lang) => site.languages.id(lang).and_then(|id| self.lang(id)),
            Output::AllLanguages => {
                reading.inputs.read(Input::BuildDate);
                return self.all_languages(site, out).map_err(to_io);
            }
        };
        // An output of a language the statistics are not shown in (a unit
        // of an earlier build) writes nothing.
        let Some(lang) = lang else {
            return Ok(());
        };
        let code = lang.format.lang;
        match output {
            Output::Overview(_) => {
                let title = lang.format.ui("infographics_title").unwrap_or_default();
                let mut context = renderer.shared.generated(
                    site,
                    lang.lang,
                    paths::overview,
                    GeneratedPage {
                        kind: "infographics",
                        title: &title,
                        has_translations: true,
                        image: card_of(lang, |id| !id.starts_with("org-")),
                        dataset: Some(dataset(site, code, &title)),
                    },
                    reading,
                );
                insert_aid(&mut context, renderer, lang);
                context.insert(
                    "organisation_figures",
                    &view::organisation_figures(&lang.view),
                );
                context.insert(
                    "charts",
                    &chart_values(
                        lang.charts
                            .iter()
                            .filter(|(c, _)| !c.id.starts_with("org-")),
                        &lang.series,
                    ),
                );
                context.insert("downloads", &downloads(site, code));
                context.insert("changes_url", &self.changes_url(site, code, reading));
                renderer.write_html(
                    out,
                    &format!("{}index.html", paths::overview(code)),
                    OVERVIEW_TEMPLATE,
                    render(OVERVIEW_TEMPLATE, &context),
                    &mut outcome.html,
                    &mut outcome.diagnostics,
                )?;
                if site.search {
                    let all: Vec<&RecordView> = lang.view.records.iter().collect();
                    outcome.search.push(search_record(
                        site,
                        code,
                        &paths::overview(code),
                        &title,
                        &all,
                    ));
                }
            }
            Output::Organisation { org, .. } => {
                let Some(OrganisationOf {
                    view: org,
                    records,
                    series,
                }) = lang.organisation(org)
                else {
                    return Ok(());
                };
                let chart_id = format!("org-{}", org.id);
                let mut context = renderer.shared.generated(
                    site,
                    lang.lang,
                    |l| paths::organisation(l, &org.id),
                    GeneratedPage {
                        kind: "organisation",
                        title: &org.name,
                        has_translations: true,
                        image: (lang.chart(&chart_id))
                            .map(|_| paths::chart(code, &chart_id, "png")),
                        dataset: None,
                    },
                    reading,
                );
                let changes_url = self.changes_url(site, code, reading);
                let rows: Vec<RecordRow> = (records.iter())
                    .map(|&record| RecordRow {
                        record,
                        changes_url: (changes_url.as_ref())
                            .filter(|_| self.history.is_some_and(|h| h.has(&record.id)))
                            .map(|url| format!("{url}#record-{}", record.id)),
                    })
                    .collect();
                insert_aid(&mut context, renderer, lang);
                context.insert("organisation", org);
                context.insert("records", &rows);
                context.insert("charts", &chart_values(lang.chart(&chart_id), series));
                context.insert("overview_url", &site.link(&paths::overview(code)));
                let path = paths::organisation(code, &org.id);
                renderer.write_html(
                    out,
                    &format!("{path}index.html"),
                    ORGANISATION_TEMPLATE,
                    render(ORGANISATION_TEMPLATE, &context),
                    &mut outcome.html,
                    &mut outcome.diagnostics,
                )?;
                if site.search {
                    outcome
                        .search
                        .push(search_record(site, code, &path, &org.name, &records));
                }
            }
            Output::Changes(_) => {
                let Some(history) = self.history else {
                    return Ok(());
                };
                reading.inputs.read(Input::History);
                let view = match changes::view(&lang.format, history) {
                    Ok(view) => view,
                    Err(message) => {
                        outcome.diagnostics.push(cannot_show(site, code, message));
                        return Ok(());
                    }
                };
                let title = lang.format.ui("changes_title").unwrap_or_default();
                let mut context = renderer.shared.generated(
                    site,
                    lang.lang,
                    paths::changes,
                    GeneratedPage {
                        kind: "changes",
                        title: &title,
                        has_translations: true,
                        image: None,
                        dataset: None,
                    },
                    reading,
                );
                context.insert("changes", &view.changes);
                context.insert("records", &view.records);
                context.insert("overview_url", &site.link(&paths::overview(code)));
                renderer.write_html(
                    out,
                    &format!("{}index.html", paths::changes(code)),
                    CHANGES_TEMPLATE,
                    render(CHANGES_TEMPLATE, &context),
                    &mut outcome.html,
                    &mut outcome.diagnostics,
                )?;
            }
            Output::Card { chart, .. } => {
                let Some((chart, _)) = lang.chart(chart) else {
                    return Ok(());
                };
                let fonts = || site.theme_dir().join("fonts");
                let painter = match renderer.painter.get(&site.theme.fonts) {
                    Ok(painter) => painter,
                    Err(message) => {
                        // Every card reports it; the report keeps one.
                        outcome.diagnostics.push(
                            Diagnostic::error(fonts(), Span::START, message)
                                .with_hint(msg!("stats-font-hint")),
                        );
                        return Ok(());
                    }
                };
                let site_title = site.lang(code).map_or("", |l| l.title.as_str());
                let svg = charts::card_svg(
                    chart,
                    site_title,
                    &card_footer(lang, chart),
                    &painter.family,
                );
                out.write(&paths::chart(code, &chart.id, "svg"), svg.as_bytes())?;
                let png_path = paths::chart(code, &chart.id, "png");
                let name = painter.card_name(&svg);
                let cards = renderer.chart_cards;
                // A card removed from the cache meanwhile (by another
                // build's pruning) is drawn again.
                let cached = cards.get(&name).map(|cached| out.link(&cached, &png_path));
                if !matches!(cached, Some(Ok(()))) {
                    match painter.png(&svg) {
                        Ok(png) => {
                            if !out.is_discarded() {
                                cards.keep(&name, &png);
                            }
                            out.write(&png_path, &png)?
                        }
                        Err(message) => outcome.diagnostics.push(Diagnostic::error(
                            fonts(),
                            Span::START,
                            message,
                        )),
                    }
                }
            }
            Output::Downloads(_) => {
                reading.inputs.read(Input::BuildDate);
                let table = tables::records(&lang.view, paths::download(code, "csv"));
                out.write(&table.path, &table.csv().map_err(to_io)?)?;
                let xlsx = table.xlsx(site.build_date).map_err(to_io)?;
                out.write(&paths::download(code, "xlsx"), &xlsx)?;
                let json = opendata::json(&lang.view).map_err(to_io)?;
                out.write(&paths::download(code, "json"), &json)?;
                out.write(&paths::download(code, "schema.json"), opendata::SCHEMA)?;
            }
            Output::AllLanguages => {}
        }
        Ok(())
    }

    /// Writes what holds every language: `/data/aid.json` and its schema,
    /// `/data/aid.csv`, the lookups' CSV files and the data package that
    /// describes them and each language's CSV.
    fn all_languages(&self, site: &Site, out: &UnitOutput) -> Result<(), String> {
        let Some(stats) = &site.stats else {
            return Ok(());
        };
        let io = |e: io::Error| e.to_string();
        let all = opendata::all_languages_json(stats)?;
        out.write(paths::ALL_LANGUAGES, &all).map_err(io)?;
        out.write(paths::ALL_LANGUAGES_SCHEMA, opendata::ALL_LANGUAGES_SCHEMA)
            .map_err(io)?;
        let codes: Vec<&str> = self.langs.iter().map(|l| l.format.lang).collect();
        let mut written = vec![tables::all_records(
            &self.langs,
            paths::ALL_LANGUAGES_CSV.into(),
        )];
        let default = site.code(site.default_lang);
        written.extend(lookups::tables(stats, (&codes, default), paths::lookup));
        for table in &written {
            out.write(&table.path, &table.csv()?).map_err(io)?;
        }
        // Each language's table is its `Downloads` unit's to write.
        let languages: Vec<tables::Table> = (self.langs.iter())
            .map(|l| tables::records(&l.view, paths::download(l.format.lang, "csv")))
            .collect();
        let described: Vec<&tables::Table> = languages.iter().chain(&written).collect();
        let package = package::datapackage(site, &described)?;
        out.write(paths::PACKAGE, &package).map_err(io)
    }

    /// The address of the changes page in `lang`, when there is one; the
    /// page reading it depends on the history.
    fn changes_url(&self, site: &Site, lang: &str, reading: &mut Reading) -> Option<String> {
        reading.inputs.read(Input::History);
        self.history.map(|_| site.link(&paths::changes(lang)))
    }
}

/// The search record of a statistics page at `path` in `lang`, whose text
/// is its `records` in words.
fn search_record(
    site: &Site,
    lang: &str,
    path: &str,
    title: &str,
    records: &[&RecordView],
) -> search::Record {
    let text: Vec<String> = records
        .iter()
        .map(|r| {
            format!(
                "{}: {} {} — {} ({}; {}).",
                r.organisation_name, r.category_name, r.what, r.display, r.when, r.source_title
            )
        })
        .collect();
    search::Record::new(site.link(path), lang, title, text.join(" "))
}

/// The sources at the foot of a card (its dates are footnotes of their
/// own, see `charts::card_svg`).
fn card_footer(lang: &LangStats, chart: &Chart) -> String {
    let label = lang.format.ui("source").unwrap_or_default();
    let sources: Vec<&str> = chart.sources.iter().map(|s| s.text.as_str()).collect();
    format!("{label}: {}", sources.join("; "))
}

/// A record as the organisation's page lists it: with the address of its
/// changes, when it has any.
#[derive(serde::Serialize)]
struct RecordRow<'a> {
    #[serde(flatten)]
    record: &'a RecordView,
    changes_url: Option<String>,
}

#[derive(serde::Serialize)]
struct ChartValue<'a> {
    id: &'a str,
    title: &'a str,
    title_html: &'a str,
    html: &'a str,
}

/// `charts`, then `series`, each with its HTML, as the templates read
/// them.
fn chart_values<'a>(
    charts: impl IntoIterator<Item = &'a (Chart, String)>,
    series: impl IntoIterator<Item = &'a (Series, String)>,
) -> Vec<ChartValue<'a>> {
    let charts = (charts.into_iter())
        .map(|(c, html)| (c.id.as_str(), c.title.as_str(), c.title_html.as_str(), html));
    let series = (series.into_iter())
        .map(|(s, html)| (s.id.as_str(), s.title.as_str(), s.title_html.as_str(), html));
    charts
        .chain(series)
        .map(|(id, title, title_html, html)| ChartValue {
            id,
            title,
            title_html,
            html,
        })
        .collect()
}

/// Inserts `aid`, the statistics' view in `lang`, made once for the build
/// (there is one whenever `lang` is: both come of the same statistics).
fn insert_aid(context: &mut tera::Context, renderer: &Renderer, lang: &LangStats) {
    if let Some(aid) = renderer.shared.aid(lang.lang) {
        context.insert_value("aid", aid);
    }
}

/// The URL path of the PNG card of the first chart of `lang` whose id
/// `keep` keeps.
fn card_of(lang: &LangStats, keep: impl Fn(&str) -> bool) -> Option<String> {
    let (chart, _) = lang.charts.iter().find(|(c, _)| keep(&c.id))?;
    Some(paths::chart(lang.format.lang, &chart.id, "png"))
}

/// The open data as the overview's JSON-LD describes them: the downloads
/// in `lang` and the data package, with their licence and publisher.
fn dataset<'a>(site: &'a Site, lang: &str, title: &'a str) -> Dataset<'a> {
    let downloads = downloads(site, lang);
    let absolute = |path: &str| site.permalink(path);
    Dataset {
        name: title,
        description: site.lang(lang).map_or("", |l| l.description.as_str()),
        licence: downloads.licence.map(|l| l.url),
        publisher: downloads.publisher,
        distributions: vec![
            (absolute(&paths::download(lang, "csv")), "text/csv"),
            (
                absolute(&paths::download(lang, "xlsx")),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            (absolute(&paths::download(lang, "json")), "application/json"),
            (absolute(paths::ALL_LANGUAGES_CSV), "text/csv"),
            (absolute(paths::PACKAGE), "application/json"),
        ],
    }
}

/// The downloads as the overview's template sees them: addresses, and the
/// licence of the data.
#[derive(serde::Serialize)]
struct Downloads<'a> {
    csv: String,
    xlsx: String,
    json: String,
    json_schema: String,
    all_languages: String,
    all_languages_csv: String,
    schema: String,
    package: String,
    /// The licence's SPDX id, title and address, when `site.yaml` gives one.
    licence: Option<&'static crate::licence::Licence>,
    /// Who publishes the data, in the page's language, or else in the
    /// default language.
    publisher: Option<&'a str>,
    /// The default language's code, when `publisher` is in it instead of
    /// the page's.
    publisher_lang: Option<&'a str>,
}

fn downloads<'a>(site: &'a Site, lang: &str) -> Downloads<'a> {
    let open_data = site.open_data.as_ref();
    let default = site.code(site.default_lang);
    Downloads {
        csv: site.link(&paths::download(lang, "csv")),
        xlsx: site.link(&paths::download(lang, "xlsx")),
        json: site.link(&paths::download(lang, "json")),
        json_schema: site.link(&paths::download(lang, "schema.json")),
        all_languages: site.link(paths::ALL_LANGUAGES),
        all_languages_csv: site.link(paths::ALL_LANGUAGES_CSV),
        schema: site.link(paths::ALL_LANGUAGES_SCHEMA),
        package: site.link(paths::PACKAGE),
        licence: open_data.map(|o| o.licence),
        publisher: open_data
            .and_then(|o| o.publisher.get(lang).or_else(|| o.publisher.get(default)))
            .map(String::as_str),
        publisher_lang: open_data
            .filter(|o| !o.publisher.contains_key(lang))
            .map(|_| default),
    }
}
