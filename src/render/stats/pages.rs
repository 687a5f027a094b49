//! Everything the statistics add to a site: per language the overview page
//! `/LANG/infographics/`, a page per organisation, each chart's SVG and PNG
//! card, `/LANG/data/aid.csv` and `aid.json`; and `/data/aid.json`.

use std::io;

use rayon::prelude::*;
use tera::Value;

use super::cards::CardPainter;
use super::charts::{self, Chart};
use super::opendata;
use super::prepare::{self, LangStats, paths};
use super::view::{AidView, RecordView};
use crate::diag::{Diagnostic, Span};
use crate::model::Site;
use crate::render::context::{GeneratedPage, Shared};
use crate::render::functions::Localizer;
use crate::render::reads::Reading;
use crate::render::search;
use crate::write::UnitOutput;

/// The statistics of a site, prepared in every language.
pub struct Infographics<'a> {
    langs: Vec<LangStats<'a>>,
}

impl<'a> Infographics<'a> {
    /// The statistics in `lang`.
    pub fn lang(&self, lang: &str) -> Option<&LangStats<'a>> {
        self.langs.iter().find(|l| l.format.lang == lang)
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

    /// The search records of the pages this adds: the overview, with every
    /// record, and each organisation's page, with its own.
    pub fn search_records(&self, site: &Site) -> Vec<search::Record> {
        let describe = |r: &RecordView| {
            format!(
                "{}: {} {} — {} ({}; {}).",
                r.organisation_name, r.category_name, r.what, r.display, r.when, r.source_title
            )
        };
        let mut records = Vec::new();
        for lang in &self.langs {
            let code = lang.format.lang;
            let view = &lang.view;
            let title = lang.format.ui("infographics_title").unwrap_or_default();
            let all: Vec<String> = view.records.iter().map(describe).collect();
            records.push(search::Record::new(
                site.link(&paths::overview(code)),
                code,
                &title,
                all.join(" "),
            ));
            for org in view.organisations.iter().filter(|o| o.url.is_some()) {
                let own: Vec<String> = view
                    .records
                    .iter()
                    .filter(|r| r.organisation == org.id)
                    .map(describe)
                    .collect();
                records.push(search::Record::new(
                    site.link(&paths::organisation(code, &org.id)),
                    code,
                    &org.name,
                    own.join(" "),
                ));
            }
        }
        records
    }

    /// The view of `lang`, for templates' `data.aid`.
    pub fn view(&self, lang: &str) -> Option<&AidView> {
        self.lang(lang).map(|l| &l.view)
    }
}

/// Prepares the statistics in every language; a missing UI string or noun
/// form becomes a diagnostic on the theme's strings.
pub fn prepare_all<'a>(
    site: &'a Site,
    localizer: &'a Localizer,
) -> (Option<Infographics<'a>>, Vec<Diagnostic>) {
    let Some(stats) = &site.stats else {
        return (None, Vec::new());
    };
    let mut diagnostics = Vec::new();
    let mut langs = Vec::new();
    for lang in &site.languages {
        match prepare::prepare(site, localizer, stats, &lang.code) {
            Ok(prepared) => langs.push(prepared),
            Err(message) => diagnostics.push(
                Diagnostic::error(
                    site.theme_dir().join("i18n").join(format!("{}.yaml", lang.code)),
                    Span::START,
                    format!("cannot show the statistics in `{}`: {message}", lang.code),
                )
                .with_hint("the statistics need the UI strings listed in the README (figure_about, as_of, chart_reached…) in every language"),
            ),
        }
    }
    let ready = diagnostics.is_empty().then_some(Infographics { langs });
    (ready, diagnostics)
}

/// The templates the statistics' pages are rendered with.
pub const TEMPLATES: [&str; 2] = ["infographics.html", "organisation.html"];

/// Writes the infographic pages, chart cards and downloads.
pub fn write(
    site: &Site,
    infographics: &Infographics,
    shared: &Shared,
    output: &UnitOutput,
    reading: &mut Reading,
    render: impl Fn(&str, &tera::Context) -> Result<Option<Vec<u8>>, Diagnostic>,
) -> io::Result<Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let painter = match CardPainter::new(&site.theme.fonts) {
        Ok(painter) => Some(painter),
        Err(message) => {
            diagnostics.push(
                Diagnostic::error(site.theme_dir().join("fonts"), Span::START, message)
                    .with_hint("put a TrueType font that covers Kazakh letters (ә ғ қ ң ө ұ ү һ і) in the theme's fonts/ folder"),
            );
            None
        }
    };
    for lang in &infographics.langs {
        let code = lang.format.lang;
        let view = Value::from_serializable(&lang.view);
        let title = lang.format.ui("infographics_title").unwrap_or_default();
        let mut context = shared.generated(
            site,
            code,
            paths::overview,
            GeneratedPage {
                kind: "infographics",
                title: &title,
                has_translations: true,
            },
            reading,
        );
        context.insert_value("aid", view.clone());
        context.insert("charts", &chart_values(lang, |id| !id.starts_with("org-")));
        context.insert("downloads", &downloads(site, code));
        output.write_page(
            &format!("{}index.html", paths::overview(code)),
            render(TEMPLATES[0], &context),
            &mut diagnostics,
        )?;
        for org in lang.view.organisations.iter().filter(|o| o.url.is_some()) {
            let org_id = org.id.clone();
            let mut context = shared.generated(
                site,
                code,
                |l| paths::organisation(l, &org_id),
                GeneratedPage {
                    kind: "organisation",
                    title: &org.name,
                    has_translations: true,
                },
                reading,
            );
            context.insert_value("aid", view.clone());
            context.insert("organisation", org);
            let records: Vec<_> = lang
                .view
                .records
                .iter()
                .filter(|r| r.organisation == org.id)
                .collect();
            context.insert("records", &records);
            context.insert(
                "charts",
                &chart_values(lang, |id| id == format!("org-{}", org.id)),
            );
            context.insert("overview_url", &site.link(&paths::overview(code)));
            output.write_page(
                &format!("{}index.html", paths::organisation(code, &org.id)),
                render(TEMPLATES[1], &context),
                &mut diagnostics,
            )?;
        }
        let to_io = |e: String| io::Error::other(e);
        output.write(
            &paths::download(code, "csv"),
            &opendata::csv(&lang.view).map_err(to_io)?,
        )?;
        output.write(
            &paths::download(code, "json"),
            &opendata::json(&lang.view).map_err(to_io)?,
        )?;
        write_cards(site, lang, painter.as_ref(), output, &mut diagnostics)?;
    }
    if let Some(stats) = &site.stats {
        let all = opendata::all_languages_json(stats).map_err(io::Error::other)?;
        output.write(paths::ALL_LANGUAGES, &all)?;
    }
    Ok(diagnostics)
}

/// Each chart's card as SVG and PNG, in parallel (rasterising is the slow
/// part of the statistics).
fn write_cards(
    site: &Site,
    lang: &LangStats,
    painter: Option<&CardPainter>,
    output: &UnitOutput,
    diagnostics: &mut Vec<Diagnostic>,
) -> io::Result<()> {
    let Some(painter) = painter else {
        return Ok(());
    };
    let code = lang.format.lang;
    let site_title = site.lang(code).map_or("", |l| l.title.as_str());
    let results: Vec<Result<(), String>> = lang
        .charts
        .par_iter()
        .map(|(chart, _)| {
            let svg = charts::card_svg(
                chart,
                site_title,
                &card_footer(lang, chart),
                &painter.family,
            );
            output
                .write(&paths::chart(code, &chart.id, "svg"), svg.as_bytes())
                .map_err(|e| e.to_string())?;
            let png = painter.png(&svg)?;
            output
                .write(&paths::chart(code, &chart.id, "png"), &png)
                .map_err(|e| e.to_string())
        })
        .collect();
    for result in results {
        if let Err(message) = result {
            diagnostics.push(Diagnostic::error(
                site.theme_dir().join("fonts"),
                Span::START,
                message,
            ));
        }
    }
    Ok(())
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
