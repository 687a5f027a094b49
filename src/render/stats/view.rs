//! The statistics in one language, as plain data: what templates see as
//! `data.aid`, what the infographic pages show and what `/LANG/data/aid.json`
//! contains (labels in the language, numbers raw).

use serde::Serialize;

use super::format::StatsFormat;
use crate::model::{Record, Total};

/// The statistics of a site in one language.
#[derive(Debug, Serialize)]
pub struct AidView {
    /// Language code.
    pub language: String,
    /// Every record.
    pub records: Vec<RecordView>,
    /// Every organisation.
    pub organisations: Vec<OrganisationView>,
    /// Every unit.
    pub units: Vec<NamedView>,
    /// Every category.
    pub categories: Vec<NamedView>,
    /// Every source.
    pub sources: Vec<SourceView>,
    /// Totals per unit, per organisation and per category.
    pub totals: TotalsView,
    /// How many organisations delivered something, how many records, how
    /// many without a figure.
    pub counts: CountsView,
}

/// A record in one language.
#[derive(Debug, Serialize)]
pub struct RecordView {
    /// Id.
    pub id: String,
    /// Organisation id and name.
    pub organisation: String,
    /// The organisation's name.
    pub organisation_name: String,
    /// Partners' names.
    pub partners: Vec<String>,
    /// Category id.
    pub category: String,
    /// Category name.
    pub category_name: String,
    /// What was delivered.
    pub what: String,
    /// The number, or none when the source gives none.
    pub count: Option<u64>,
    /// `more-than`, `about`, or none.
    pub qualifier: Option<&'static str>,
    /// Whether the source gives a figure.
    pub reported: bool,
    /// Unit id.
    pub unit: String,
    /// The figure in words, or "no figure given".
    pub display: String,
    /// When, in words.
    pub when: String,
    /// `date` or period ends as written (`YYYY-MM-DD`, `YYYY-MM`).
    pub date: Option<String>,
    /// Start of the period.
    pub period_from: Option<String>,
    /// End of the period.
    pub period_to: Option<String>,
    /// How often, in words.
    pub frequency: Option<String>,
    /// Source id.
    pub source: String,
    /// Source title.
    pub source_title: String,
    /// Source address.
    pub source_url: Option<String>,
}

/// An organisation in one language.
#[derive(Debug, Serialize)]
pub struct OrganisationView {
    /// Id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Full name as HTML, the proper name in «…» marked with its language
    /// when that is not the page's.
    pub name_html: String,
    /// Short name.
    pub short: String,
    /// Its page, when it delivered something (`/ru/infographics/ID/`).
    pub url: Option<String>,
    /// Its totals per unit.
    pub totals: Vec<TotalView>,
    /// How many records it has.
    pub records: usize,
}

/// A unit or category: id and name.
#[derive(Debug, Serialize)]
pub struct NamedView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// A source in one language.
#[derive(Debug, Serialize)]
pub struct SourceView {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Address.
    pub url: Option<String>,
}

/// A total in one language.
#[derive(Debug, Serialize)]
pub struct TotalView {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// The sum.
    pub count: u64,
    /// `more-than`, `about`, or none.
    pub qualifier: Option<&'static str>,
    /// The sum in words.
    pub display: String,
    /// How many records it adds up.
    pub records: usize,
}

/// Totals grouped by what they are totals of.
#[derive(Debug, Serialize)]
pub struct TotalsView {
    /// Per unit, over all records.
    pub by_unit: Vec<TotalView>,
    /// Per category: id, name and totals.
    pub by_category: Vec<GroupTotals>,
}

/// The totals of one category.
#[derive(Debug, Serialize)]
pub struct GroupTotals {
    /// Category id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Totals per unit.
    pub totals: Vec<TotalView>,
}

/// Counts of things.
#[derive(Debug, Serialize)]
pub struct CountsView {
    /// Organisations with at least one record.
    pub organisations: usize,
    /// Records.
    pub records: usize,
    /// Records without a figure.
    pub unreported: usize,
}

/// Builds the view; `org_url` gives an organisation's page.
pub fn build(f: &StatsFormat, org_url: impl Fn(&str) -> String) -> Result<AidView, String> {
    let stats = f.stats;
    let totals = |include: &dyn Fn(&Record) -> bool| -> Result<Vec<TotalView>, String> {
        stats.totals(include)?.iter().map(|t| total(f, t)).collect()
    };
    let records = stats
        .records
        .iter()
        .map(|r| record(f, r))
        .collect::<Result<_, String>>()?;
    let organisations = stats
        .organisations
        .iter()
        .map(|o| {
            let count = stats.records.iter().filter(|r| r.org == o.id).count();
            Ok(OrganisationView {
                id: o.id.clone(),
                name: f.text(&o.name).to_string(),
                name_html: mark_quoted(f.text(&o.name), o.quoted_lang.as_deref(), f.lang),
                short: f.text(&o.short).to_string(),
                url: (count > 0).then(|| org_url(&o.id)),
                totals: totals(&|r| r.org == o.id)?,
                records: count,
            })
        })
        .collect::<Result<_, String>>()?;
    let by_category = stats
        .categories
        .iter()
        .map(|c| {
            Ok(GroupTotals {
                id: c.id.clone(),
                name: f.text(&c.name).to_string(),
                totals: totals(&|r| r.category == c.id)?,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(AidView {
        language: f.lang.to_string(),
        records,
        organisations,
        units: stats
            .units
            .iter()
            .map(|u| named(&u.id, f.text(&u.name)))
            .collect(),
        categories: stats
            .categories
            .iter()
            .map(|c| named(&c.id, f.text(&c.name)))
            .collect(),
        sources: stats
            .sources
            .iter()
            .map(|s| SourceView {
                id: s.id.clone(),
                title: f.text(&s.title).to_string(),
                date: s.date.map(|d| d.to_string()),
                url: s.url.clone(),
            })
            .collect(),
        totals: TotalsView {
            by_unit: totals(&|_| true)?,
            by_category,
        },
        counts: CountsView {
            organisations: stats.active_organisations().len(),
            records: stats.records.len(),
            unreported: stats.unreported().count(),
        },
    })
}

/// `text` escaped for HTML, the parts in «…» inside `<span lang>` when
/// `quoted_lang` is given and is not `page_lang`.
fn mark_quoted(text: &str, quoted_lang: Option<&str>, page_lang: &str) -> String {
    let escape = crate::render::xml::escape;
    let Some(lang) = quoted_lang.filter(|l| *l != page_lang) else {
        return escape(text);
    };
    let mut html = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('«') {
        let Some((quoted, after)) = after.split_once('»') else {
            break;
        };
        html.push_str(&escape(before));
        html.push_str(&format!(
            "«<span lang=\"{}\">{}</span>»",
            crate::render::xml::attribute(lang),
            escape(quoted)
        ));
        rest = after;
    }
    html.push_str(&escape(rest));
    html
}

fn named(id: &str, name: &str) -> NamedView {
    NamedView {
        id: id.to_string(),
        name: name.to_string(),
    }
}

fn total(f: &StatsFormat, t: &Total) -> Result<TotalView, String> {
    Ok(TotalView {
        unit: t.unit.clone(),
        unit_name: f
            .stats
            .unit(&t.unit)
            .map_or("", |u| f.text(&u.name))
            .to_string(),
        count: t.figure.count,
        qualifier: t.figure.qualifier.map(|q| q.name()),
        display: f.figure(t.figure, &t.unit)?,
        records: t.records,
    })
}

fn record(f: &StatsFormat, r: &Record) -> Result<RecordView, String> {
    use crate::model::When;
    let source = f.stats.source(&r.source);
    let (date, period_from, period_to) = match r.when {
        When::Unknown => (None, None, None),
        When::AsOf(d) => (Some(d.to_string()), None, None),
        When::Period(from, to) => (None, from.map(|d| d.to_string()), to.map(|d| d.to_string())),
    };
    Ok(RecordView {
        id: r.id.clone(),
        organisation: r.org.clone(),
        organisation_name: f
            .stats
            .organisation(&r.org)
            .map_or("", |o| f.text(&o.name))
            .to_string(),
        partners: r
            .partners
            .iter()
            .map(|p| {
                f.stats
                    .organisation(p)
                    .map_or(p.as_str(), |o| f.text(&o.name))
                    .to_string()
            })
            .collect(),
        category: r.category.clone(),
        category_name: f
            .stats
            .category(&r.category)
            .map_or("", |c| f.text(&c.name))
            .to_string(),
        what: f.text(&r.what).to_string(),
        count: r.figure.map(|fig| fig.count),
        qualifier: r.figure.and_then(|fig| fig.qualifier).map(|q| q.name()),
        reported: r.figure.is_some(),
        unit: r.unit.clone(),
        display: f.record_figure(r)?,
        when: f.when(r.when)?,
        date,
        period_from,
        period_to,
        frequency: r
            .frequency
            .as_deref()
            .map(|fr| f.frequency(fr))
            .transpose()?,
        source: r.source.clone(),
        source_title: source.map_or("", |s| f.text(&s.title)).to_string(),
        source_url: source.and_then(|s| s.url.clone()),
    })
}
