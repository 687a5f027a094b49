//! Everything the statistics add to a site: per language the overview page
//! `/LANG/infographics/`, a page per organisation, each chart's SVG and PNG
//! card, `/LANG/data/aid.csv` and `aid.json`; and `/data/aid.json`.

use std::io;
use std::sync::OnceLock;

use super::cards::CardPainter;
use super::charts::{self, Chart};
use super::opendata;
use super::prepare::{self, LangStats, paths};
use super::view::{AidView, RecordView};
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::model::{LangId, Site};
use crate::msg;
use crate::render::context::GeneratedPage;
use crate::render::functions::Localizer;
use crate::render::reads::Reading;
use crate::render::search;
use crate::render::units::{Outcome, Renderer};
use crate::write::UnitOutput;

/// The statistics of a site, prepared in every language.
pub struct Infographics<'a> {
    langs: Vec<LangStats<'a>>,
    /// The painter of the chart cards, or why there is none.
    painter: OnceLock<Result<CardPainter, String>>,
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
        groups
    }

    /// The view of `lang`, for templates' `data.aid`.
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
                diagnostics.push(
                    Diagnostic::error(
                        site.theme_dir()
                            .join("i18n")
                            .join(format!("{}.yaml", lang.code)),
                        Span::START,
                        msg!("stats-cannot-show", lang = &lang.code, error = message),
                    )
                    .with_hint(msg!("stats-cannot-show-hint")),
                );
            }
        }
    }
    ready.then_some(Infographics {
        langs,
        painter: OnceLock::new(),
    })
}

/// The template of the overview pages.
const OVERVIEW_TEMPLATE: &str = "infographics.html";
/// The template of the organisations' pages.
const ORGANISATION_TEMPLATE: &str = "organisation.html";

/// One output of the statistics, an output unit of its own (see
/// `render::units`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
    /// A chart's card, SVG and PNG, in a language.
    Card {
        /// The language.
        lang: String,
        /// The chart's id.
        chart: String,
    },
    /// A language's `aid.csv` and `aid.json`.
    Downloads(String),
    /// `/data/aid.json`, every record in every language.
    AllLanguages,
}

impl Output {
    /// The template it is rendered with, if it is a page.
    pub fn template(&self) -> Option<&'static str> {
        match self {
            Output::Overview(_) => Some(OVERVIEW_TEMPLATE),
            Output::Organisation { .. } => Some(ORGANISATION_TEMPLATE),
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
            | Output::Card { lang, .. }
            | Output::Downloads(lang) => site.languages.id(lang).and_then(|id| self.lang(id)),
            Output::AllLanguages => {
                if let Some(stats) = &site.stats {
                    let all = opendata::all_languages_json(stats).map_err(to_io)?;
                    out.write(paths::ALL_LANGUAGES, &all)?;
                }
                return Ok(());
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
                    },
                    reading,
                );
                context.insert("aid", &lang.view);
                context.insert("charts", &chart_values(lang, |id| !id.starts_with("org-")));
                context.insert("downloads", &downloads(site, code));
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
                let Some(org) = lang.view.organisations.iter().find(|o| &o.id == org) else {
                    return Ok(());
                };
                let mut context = renderer.shared.generated(
                    site,
                    lang.lang,
                    |l| paths::organisation(l, &org.id),
                    GeneratedPage {
                        kind: "organisation",
                        title: &org.name,
                        has_translations: true,
                    },
                    reading,
                );
                let records: Vec<&RecordView> = lang
                    .view
                    .records
                    .iter()
                    .filter(|r| r.organisation == org.id)
                    .collect();
                context.insert("aid", &lang.view);
                context.insert("organisation", org);
                context.insert("records", &records);
                context.insert(
                    "charts",
                    &chart_values(lang, |id| id == format!("org-{}", org.id)),
                );
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
            Output::Card { chart, .. } => {
                let Some((chart, _)) = lang.chart(chart) else {
                    return Ok(());
                };
                let fonts = || site.theme_dir().join("fonts");
                let painter = match self.painter(site) {
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
                match painter.png(&svg) {
                    Ok(png) => out.write(&paths::chart(code, &chart.id, "png"), &png)?,
                    Err(message) => {
                        outcome
                            .diagnostics
                            .push(Diagnostic::error(fonts(), Span::START, message))
                    }
                }
            }
            Output::Downloads(_) => {
                let csv = opendata::csv(&lang.view).map_err(to_io)?;
                out.write(&paths::download(code, "csv"), &csv)?;
                let json = opendata::json(&lang.view).map_err(to_io)?;
                out.write(&paths::download(code, "json"), &json)?;
            }
            Output::AllLanguages => {}
        }
        Ok(())
    }

    /// The painter of the chart cards, made when the first card needs it.
    fn painter(&self, site: &Site) -> Result<&CardPainter, &str> {
        self.painter
            .get_or_init(|| CardPainter::new(&site.theme.fonts))
            .as_ref()
            .map_err(String::as_str)
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

/// The source and dates at the foot of a card.
fn card_footer(lang: &LangStats, chart: &Chart) -> String {
    let label = lang.format.ui("source").unwrap_or_default();
    let mut whens: Vec<&str> = Vec::new();
    for bar in chart.groups.iter().flat_map(|g| &g.bars) {
        for when in bar.when.split("; ") {
            if !whens.contains(&when) {
                whens.push(when);
            }
        }
    }
    format!(
        "{label}: {} ({})",
        chart.sources.join("; "),
        whens.join("; ")
    )
}

#[derive(serde::Serialize)]
struct ChartValue<'a> {
    id: &'a str,
    title: &'a str,
    html: &'a str,
}

fn chart_values<'a>(lang: &'a LangStats, keep: impl Fn(&str) -> bool) -> Vec<ChartValue<'a>> {
    lang.charts
        .iter()
        .filter(|(c, _)| keep(&c.id))
        .map(|(c, html)| ChartValue {
            id: &c.id,
            title: &c.title,
            html,
        })
        .collect()
}

#[derive(serde::Serialize)]
struct Downloads {
    csv: String,
    json: String,
    all_languages: String,
}

fn downloads(site: &Site, lang: &str) -> Downloads {
    Downloads {
        csv: site.link(&paths::download(lang, "csv")),
        json: site.link(&paths::download(lang, "json")),
        all_languages: site.link(paths::ALL_LANGUAGES),
    }
}
