//! `/datapackage.json`: the statistics' CSV files described as a
//! Frictionless Tabular Data Package (v1), which data portals (CKAN and
//! others) import: each file's Table Schema (types, constraints, its key
//! and the lookups its ids refer to), the licence and publisher of
//! `site.yaml`'s `open_data`, the statistics' sources and the build's date.
//!
//! It sits at the site's root because a package may describe only files at
//! or below its own folder (a path with `..` is refused as unsafe), and the
//! language's tables are under `/LANG/data/`.

use std::time::{Duration, UNIX_EPOCH};

use serde_json::{Map, Value, json};

use super::tables::{Column, Kind, Table};
use crate::model::Site;

/// The package's URL path, relative to the base.
pub const PATH: &str = "datapackage.json";

/// The package describing `tables` of `site`.
pub fn datapackage(site: &Site, tables: &[&Table]) -> Result<Vec<u8>, String> {
    let default = &site.languages[site.default_lang];
    let in_default = |text: &crate::model::Text| text.get(&default.code).cloned();
    let mut package = Map::new();
    package.insert("profile".into(), "tabular-data-package".into());
    package.insert("name".into(), "aid-statistics".into());
    package.insert("title".into(), default.title.clone().into());
    if !default.description.is_empty() {
        package.insert("description".into(), default.description.clone().into());
    }
    package.insert("homepage".into(), site.base_url.clone().into());
    let created = UNIX_EPOCH + Duration::from_secs(site.build_date);
    package.insert(
        "created".into(),
        humantime::format_rfc3339_seconds(created)
            .to_string()
            .into(),
    );
    if let Some(open_data) = &site.open_data {
        let licence = open_data.licence;
        package.insert(
            "licenses".into(),
            json!([{ "name": licence.id, "path": licence.url, "title": licence.title }]),
        );
        if let Some(publisher) = in_default(&open_data.publisher) {
            package.insert(
                "contributors".into(),
                json!([{ "title": publisher, "role": "publisher", "path": site.base_url }]),
            );
        }
    }
    if let Some(stats) = &site.stats {
        let sources: Vec<Value> = (stats.sources.iter())
            .map(|s| {
                let mut source = Map::new();
                source.insert(
                    "title".into(),
                    in_default(&s.title).unwrap_or_default().into(),
                );
                if let Some(url) = &s.url {
                    source.insert("path".into(), url.clone().into());
                }
                Value::Object(source)
            })
            .collect();
        package.insert("sources".into(), sources.into());
    }
    let resources: Vec<Value> = tables.iter().map(|t| resource(t)).collect();
    package.insert("resources".into(), resources.into());
    serde_json::to_vec_pretty(&Value::Object(package)).map_err(|e| e.to_string())
}

/// A table as a tabular data resource with its Table Schema.
fn resource(table: &Table) -> Value {
    let fields: Vec<Value> = table.columns.iter().map(field).collect();
    let foreign_keys: Vec<Value> = (table.columns.iter())
        .filter_map(|c| {
            let lookup = c.refers_to?;
            // A lookup that refers to itself names no resource.
            let resource = if lookup == table.name { "" } else { lookup };
            Some(json!({ "fields": c.name, "reference": { "resource": resource, "fields": "id" } }))
        })
        .collect();
    let mut schema = Map::new();
    schema.insert("fields".into(), fields.into());
    schema.insert("primaryKey".into(), "id".into());
    if !foreign_keys.is_empty() {
        schema.insert("foreignKeys".into(), foreign_keys.into());
    }
    json!({
        "name": table.name,
        "path": table.path,
        "title": table.title,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    })
}

/// A column as a Table Schema field.
fn field(column: &Column) -> Value {
    let mut field = Map::new();
    let mut constraints = Map::new();
    field.insert("name".into(), column.name.clone().into());
    let kind = match column.kind {
        Kind::Text => "string",
        Kind::Id => {
            constraints.insert("pattern".into(), "[a-z0-9]+(-[a-z0-9]+)*".into());
            "string"
        }
        Kind::Count => {
            constraints.insert("minimum".into(), 0.into());
            "integer"
        }
        Kind::Boolean => {
            field.insert("trueValues".into(), json!(["true"]));
            field.insert("falseValues".into(), json!(["false"]));
            "boolean"
        }
        Kind::Date => "date",
        Kind::DayOrMonth => {
            let pattern = "[0-9]{4}-[0-9]{2}(-[0-9]{2})?";
            constraints.insert("pattern".into(), pattern.into());
            "string"
        }
        Kind::Url => {
            field.insert("format".into(), "uri".into());
            "string"
        }
        Kind::OneOf(words) => {
            constraints.insert("enum".into(), json!(words));
            "string"
        }
    };
    field.insert("type".into(), kind.into());
    field.insert("description".into(), column.description.into());
    if column.required {
        constraints.insert("required".into(), true.into());
    }
    if !constraints.is_empty() {
        field.insert("constraints".into(), constraints.into());
    }
    Value::Object(field)
}
