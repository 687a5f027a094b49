//! The statistics in one language, as plain data: what templates see as
//! `data.aid`, what the infographic pages show and what `/LANG/data/aid.json`
//! contains (labels in the language, numbers raw).
//!
//! A text the language lacks is the default language's (see
//! `format`); each view names such texts in `langs`, by field, so that
//! templates mark them with their `lang`.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::Serialize;

use super::format::{Shown, StatsFormat};
use crate::model::{Record, Text, Total};

/// The language of each text of a view shown in the default language, the
/// view's lacking it, by field name (`what: kk`); left out when there is
/// none.
pub type Langs = BTreeMap<&'static str, String>;

/// Adds the language of `shown`, a fallback, to `langs` under `field`, and
/// gives its text.
fn note(langs: &mut Langs, field: &'static str, shown: Shown) -> String {
    if let Some(lang) = shown.lang {
        langs.insert(field, lang);
    }
    shown.text
}

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
    pub units: Vec<UnitView>,
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
    /// Texts in the default language (`partners` when all of them are).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub langs: Langs,
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
    /// Texts in the default language.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub langs: Langs,
}

/// One record's figure as its organisation lists it: what for and how much.
#[derive(Debug, Serialize)]
pub struct OrganisationFigure<'v> {
    /// The record's id.
    pub id: &'v str,
    /// Its category's name.
    pub category_name: &'v str,
    /// Its figure in words ("320 семей"), or that it has none.
    pub display: &'v str,
    /// Texts in the default language (`category_name`, `display`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub langs: BTreeMap<&'static str, &'v str>,
}

/// Each organisation's figures, in file order, by its id (every
/// organisation of `view`, one without records with none): the
/// overview's `organisation_figures`, found in one pass where a template
/// going through every record for each organisation took time growing
/// with the square of a site's size.
pub fn organisation_figures(view: &AidView) -> IndexMap<&str, Vec<OrganisationFigure<'_>>> {
    let mut figures: IndexMap<&str, Vec<OrganisationFigure>> = (view.organisations.iter())
        .map(|o| (o.id.as_str(), Vec::new()))
        .collect();
    for record in &view.records {
        let langs = (record.langs.iter())
            .filter(|(field, _)| ["category_name", "display"].contains(field))
            .map(|(field, lang)| (*field, lang.as_str()))
            .collect();
        if let Some(list) = figures.get_mut(record.organisation.as_str()) {
            list.push(OrganisationFigure {
                id: &record.id,
                category_name: &record.category_name,
                display: &record.display,
                langs,
            });
        }
    }
    figures
}

/// A unit or category: id and name.
#[derive(Debug, Serialize)]
pub struct NamedView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Texts in the default language.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub langs: Langs,
}

/// A unit: id, name, and what its figures count and whether they are
/// added up.
#[derive(Debug, Serialize)]
pub struct UnitView {
    /// Id, name and texts in the default language.
    #[serde(flatten)]
    pub named: NamedView,
    /// Whether it counts people or households reached.
    pub reach: bool,
    /// Whether its figures are added up into totals.
    pub add: bool,
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
    /// Texts in the default language.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub langs: Langs,
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
    /// Texts in the default language.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub langs: Langs,
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
    /// Texts in the default language.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub langs: Langs,
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
    let views = |totals: Vec<Total>| -> Result<Vec<TotalView>, String> {
        totals.iter().map(|t| total(f, t)).collect()
    };
    let totals = |include: &dyn Fn(&Record) -> bool| views(stats.totals(include)?);
    let records: Vec<RecordView> = stats
        .records
        .iter()
        .map(|r| record(f, r))
        .collect::<Result<_, String>>()?;
    let by_organisation = stats.records_by_organisation();
    let organisations = stats
        .organisations
        .iter()
        .map(|o| {
            let own = by_organisation
                .get(o.id.as_str())
                .map_or(&[][..], Vec::as_slice);
            let count = own.len();
            let mut langs = Langs::new();
            let name = note(&mut langs, "name", f.shown(&o.name));
            Ok(OrganisationView {
                id: o.id.clone(),
                name_html: name_html(&f.shown(&o.name), o.quoted_lang.as_deref(), f.lang),
                name,
                short: note(&mut langs, "short", f.shown(&o.short)),
                url: (count > 0).then(|| org_url(&o.id)),
                totals: views(stats.totals_of(own)?)?,
                records: count,
                langs,
            })
        })
        .collect::<Result<_, String>>()?;
    let by_category = stats
        .categories
        .iter()
        .map(|c| {
            let mut langs = Langs::new();
            Ok(GroupTotals {
                id: c.id.clone(),
                name: note(&mut langs, "name", f.shown(&c.name)),
                totals: totals(&|r| r.category == c.id)?,
                langs,
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
            .map(|u| UnitView {
                named: named(&u.id, f.shown(&u.name)),
                reach: u.reach,
                add: u.add,
            })
            .collect(),
        categories: stats
            .categories
            .iter()
            .map(|c| named(&c.id, f.shown(&c.name)))
            .collect(),
        sources: stats
            .sources
            .iter()
            .map(|s| {
                let mut langs = Langs::new();
                SourceView {
                    id: s.id.clone(),
                    title: note(&mut langs, "title", f.shown(&s.title)),
                    date: s.date.map(|d| d.to_string()),
                    url: s.url.clone(),
                    langs,
                }
            })
            .collect(),
        totals: TotalsView {
            by_unit: totals(&|_| true)?,
            by_category,
        },
        counts: CountsView {
            organisations: (stats.organisations.iter())
                .filter(|o| by_organisation.contains_key(o.id.as_str()))
                .count(),
            records: stats.records.len(),
            unreported: stats.unreported().count(),
        },
    })
}

/// An organisation's `name` as HTML: a fallback inside `<span lang>`, the
/// parts in «…» inside `<span lang>` when `quoted_lang` is given and is not
/// the language the name is in.
fn name_html(name: &Shown, quoted_lang: Option<&str>, page_lang: &str) -> String {
    let in_lang = name.lang.as_deref().unwrap_or(page_lang);
    let html = mark_quoted(&name.text, quoted_lang, in_lang);
    match name.lang {
        Some(_) => format!("<span{}>{html}</span>", name.lang_attribute()),
        None => html,
    }
}

/// `text` escaped for HTML, the parts in «…» inside `<span lang>` when
/// `quoted_lang` is given and is not `text_lang`.
fn mark_quoted(text: &str, quoted_lang: Option<&str>, text_lang: &str) -> String {
    let escape = crate::render::xml::escape;
    let Some(lang) = quoted_lang.filter(|l| *l != text_lang) else {
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

fn named(id: &str, name: Shown) -> NamedView {
    let mut langs = Langs::new();
    NamedView {
        id: id.to_string(),
        name: note(&mut langs, "name", name),
        langs,
    }
}

fn total(f: &StatsFormat, t: &Total) -> Result<TotalView, String> {
    let mut langs = Langs::new();
    let unit_name = match f.stats.unit(&t.unit) {
        Some(u) => note(&mut langs, "unit_name", f.shown(&u.name)),
        None => String::new(),
    };
    Ok(TotalView {
        unit: t.unit.clone(),
        unit_name,
        count: t.figure.count,
        qualifier: t.figure.qualifier.map(|q| q.name()),
        display: note(&mut langs, "display", f.shown_figure(t.figure, &t.unit)?),
        records: t.records,
        langs,
    })
}

fn record<'a>(f: &StatsFormat<'a>, r: &'a Record) -> Result<RecordView, String> {
    use crate::model::When;
    let source = f.stats.source(&r.source);
    let (date, period_from, period_to) = match r.when {
        When::Unknown => (None, None, None),
        When::AsOf(d) => (Some(d.to_string()), None, None),
        When::Period(from, to) => (None, from.map(|d| d.to_string()), to.map(|d| d.to_string())),
    };
    let mut langs = Langs::new();
    let mut lookup = |field, text: Option<&'a Text>| match text {
        Some(text) => note(&mut langs, field, f.shown(text)),
        None => String::new(),
    };
    let organisation_name = lookup(
        "organisation_name",
        f.stats.organisation(&r.org).map(|o| &o.name),
    );
    let category_name = lookup(
        "category_name",
        f.stats.category(&r.category).map(|c| &c.name),
    );
    let source_title = lookup("source_title", source.map(|s| &s.title));
    let what = lookup("what", Some(&r.what));
    let partners: Vec<Shown> = r
        .partners
        .iter()
        .map(|p| match f.stats.organisation(p) {
            Some(o) => f.shown(&o.name),
            None => Shown::plain(p.as_str()),
        })
        .collect();
    if let Some(lang) = partners.first().and_then(|p| p.lang.clone())
        && partners.iter().all(|p| p.lang.as_ref() == Some(&lang))
    {
        langs.insert("partners", lang);
    }
    let display = note(&mut langs, "display", f.record_figure(r)?);
    Ok(RecordView {
        id: r.id.clone(),
        organisation: r.org.clone(),
        organisation_name,
        partners: partners.into_iter().map(|p| p.text).collect(),
        category: r.category.clone(),
        category_name,
        what,
        count: r.figure.map(|fig| fig.count),
        qualifier: r.figure.and_then(|fig| fig.qualifier).map(|q| q.name()),
        reported: r.figure.is_some(),
        unit: r.unit.clone(),
        display,
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
        source_title,
        source_url: source.and_then(|s| s.url.clone()),
        langs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_the_default_language_is_marked_and_so_is_its_quoted_part() {
        let name = |lang: Option<&str>| Shown {
            text: "«Мы вместе» қоры".to_string(),
            lang: lang.map(str::to_string),
        };
        // On a Kazakh page, the Russian part in «…» alone.
        assert_eq!(
            name_html(&name(None), Some("ru"), "kk"),
            "«<span lang=\"ru\">Мы вместе</span>» қоры"
        );
        // On an English page that lacks the name: the Kazakh name, its
        // Russian part inside.
        assert_eq!(
            name_html(&name(Some("kk")), Some("ru"), "en"),
            "<span lang=\"kk\">«<span lang=\"ru\">Мы вместе</span>» қоры</span>"
        );
        // A quoted part in the language the name is in is not marked again.
        assert_eq!(
            name_html(&name(Some("kk")), Some("kk"), "en"),
            "<span lang=\"kk\">«Мы вместе» қоры</span>"
        );
    }
}
