//! Open data as JSON: the statistics per language (labels in the language,
//! numbers raw), and every record with its source in every language as one
//! file, each with its JSON Schema. The tables (CSV, XLSX) are `tables.rs`'s.

use serde::Serialize;

use super::view::AidView;
use crate::model::Stats;

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
        .map(|u| serde_json::json!({ "id": u.id, "name": u.name, "forms": u.forms, "reach": u.reach, "add": u.add }))
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

/// `/LANG/data/aid.schema.json`: the JSON Schema (draft 2020-12) of
/// [`json`]'s file.
pub const SCHEMA: &[u8] = include_bytes!("aid-language.schema.json");

/// `/data/aid.schema.json`: the JSON Schema (draft 2020-12) of
/// [`all_languages_json`]'s file.
pub const ALL_LANGUAGES_SCHEMA: &[u8] = include_bytes!("aid.schema.json");
