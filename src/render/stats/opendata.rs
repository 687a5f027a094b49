//! Open data: the statistics as CSV and JSON, per language (labels in the
//! language, numbers raw), and every record with its source in every
//! language as one JSON file.
//!
//! Spreadsheets run a CSV cell that begins with `=`, `+`, `-` or `@` as a
//! formula (`=HYPERLINK(…)` in an organisation's name): every text cell of
//! the CSV that begins so, after any leading spaces, or with a tab or a
//! carriage return, gets a `'` in front, as OWASP recommends. Numbers stay
//! numbers.

use std::borrow::Cow;

use serde::Serialize;

use super::view::AidView;
use crate::model::Stats;

/// `/LANG/data/aid.csv`: one row per record.
pub fn csv(view: &AidView) -> Result<Vec<u8>, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "id",
        "organisation",
        "organisation_name",
        "partners",
        "category",
        "category_name",
        "what",
        "count",
        "qualifier",
        "reported",
        "unit",
        "figure",
        "date",
        "period_from",
        "period_to",
        "frequency",
        "source",
        "source_title",
        "source_url",
    ];
    writer.write_record(header).map_err(|e| e.to_string())?;
    for r in &view.records {
        let count = r.count.map(|c| c.to_string()).unwrap_or_default();
        let texts = [
            r.id.as_str(),
            &r.organisation,
            &r.organisation_name,
            &r.partners.join("; "),
            &r.category,
            &r.category_name,
            &r.what,
            // Filled in below: the count is a number, never neutralised.
            "",
            r.qualifier.unwrap_or_default(),
            if r.reported { "true" } else { "false" },
            &r.unit,
            &r.display,
            r.date.as_deref().unwrap_or_default(),
            r.period_from.as_deref().unwrap_or_default(),
            r.period_to.as_deref().unwrap_or_default(),
            r.frequency.as_deref().unwrap_or_default(),
            &r.source,
            &r.source_title,
            r.source_url.as_deref().unwrap_or_default(),
        ];
        let mut cells: Vec<Cow<str>> = texts.into_iter().map(neutralise).collect();
        cells[COUNT_COLUMN] = Cow::Borrowed(&count);
        writer
            .write_record(cells.iter().map(|c| c.as_bytes()))
            .map_err(|e| e.to_string())?;
    }
    writer.into_inner().map_err(|e| e.to_string())
}

/// The index of the `count` column, the one column of numbers.
const COUNT_COLUMN: usize = 7;

/// A text cell that a spreadsheet would run as a formula, with a `'` in
/// front: one that begins with `=`, `+`, `-` or `@` (after any leading
/// whitespace), or with a tab or a carriage return.
fn neutralise(cell: &str) -> Cow<'_, str> {
    let is_trigger = |c: char| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r');
    let starts_formula = cell.starts_with(is_trigger)
        || cell
            .trim_start_matches(|c: char| c.is_whitespace() && c != '\t' && c != '\r')
            .starts_with(is_trigger);
    if starts_formula {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// `/LANG/data/aid.json`: the whole view.
pub fn json(view: &AidView) -> Result<Vec<u8>, String> {
    serde_json::to_vec_pretty(view).map_err(|e| e.to_string())
}

/// `/data/aid.json`: every record and every lookup with all its languages.
pub fn all_languages_json(stats: &Stats) -> Result<Vec<u8>, String> {
    #[derive(Serialize)]
    struct Entry<'a, T: Serialize> {
        id: &'a str,
        #[serde(flatten)]
        fields: T,
    }
    let organisations: Vec<_> = stats
        .organisations
        .iter()
        .map(|o| serde_json::json!({ "id": o.id, "name": o.name, "short": o.short, "parent": o.parent, "partners": o.partners }))
        .collect();
    let units: Vec<_> = stats
        .units
        .iter()
        .map(|u| serde_json::json!({ "id": u.id, "name": u.name, "forms": u.forms, "reach": u.reach }))
        .collect();
    let categories: Vec<_> = stats
        .categories
        .iter()
        .map(|c| serde_json::json!({ "id": c.id, "name": c.name }))
        .collect();
    let sources: Vec<_> = stats
        .sources
        .iter()
        .map(|s| serde_json::json!({ "id": s.id, "title": s.title, "date": s.date.map(|d| d.to_string()), "url": s.url }))
        .collect();
    let records: Vec<_> = stats
        .records
        .iter()
        .map(|r| {
            let fields = serde_json::json!({
                "organisation": r.org,
                "partners": r.partners,
                "category": r.category,
                "count": r.figure.map(|f| f.count),
                "qualifier": r.figure.and_then(|f| f.qualifier).map(|q| q.name()),
                "reported": r.figure.is_some(),
                "unit": r.unit,
                "what": r.what,
                "when": when_json(r.when),
                "frequency": r.frequency,
                "source": r.source,
            });
            Entry { id: &r.id, fields }
        })
        .collect();
    let all = serde_json::json!({
        "organisations": organisations,
        "units": units,
        "categories": categories,
        "sources": sources,
        "records": records,
    });
    serde_json::to_vec_pretty(&all).map_err(|e| e.to_string())
}

fn when_json(when: crate::model::When) -> serde_json::Value {
    use crate::model::When;
    match when {
        When::Unknown => serde_json::Value::Null,
        When::AsOf(d) => serde_json::json!({ "date": d.to_string() }),
        When::Period(from, to) => serde_json::json!({
            "from": from.map(|d| d.to_string()),
            "to": to.map(|d| d.to_string()),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_begin_a_formula_are_neutralised() {
        for cell in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "  =1",
            "\u{a0}=1",
        ] {
            assert_eq!(neutralise(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in [
            "Қор «Біз бірге»",
            "more-than",
            "2020-04-03",
            "",
            "a=b",
            "320",
        ] {
            assert_eq!(neutralise(cell), cell, "{cell:?}");
        }
    }
}
