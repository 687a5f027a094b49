//! The lookups the records' ids refer to, as tables in every language
//! (`/data/organisations.csv`, `units.csv`, `categories.csv`,
//! `sources.csv`): an entry per row, its texts once per language
//! (`name_kk`, `name_ru`).

use super::tables::{
    CATEGORIES, Cell, Column, Kind, ORGANISATIONS, SOURCES, Table, UNITS, optional, text,
};
use crate::model::Stats;

/// A lookup's column of what each of its entries says in every language
/// of `codes` (`name_kk`, `name_ru`): required in the `default` language
/// only, the others' texts being left empty where not written.
fn in_every_language(
    name: &str,
    description: &'static str,
    (codes, default): (&[&str], &str),
    columns: &mut Vec<Column>,
) {
    columns.extend(codes.iter().map(|code| Column {
        name: format!("{name}_{code}"),
        kind: Kind::Text,
        description,
        refers_to: None,
        required: *code == default,
    }));
}

/// The id column of a lookup.
fn id_column(description: &'static str) -> Column {
    Column {
        name: "id".into(),
        kind: Kind::Id,
        description,
        refers_to: None,
        required: true,
    }
}

/// A column of a lookup that not every entry fills.
fn optional_column(name: &str, kind: Kind, description: &'static str) -> Column {
    Column {
        name: name.into(),
        kind,
        description,
        refers_to: None,
        required: false,
    }
}

/// A text per language as cells, in the order of `codes`.
fn texts<'a>(text: &'a crate::model::Text, codes: &'a [&str]) -> impl Iterator<Item = Cell> + 'a {
    codes
        .iter()
        .map(|code| super::tables::text(text.get(*code).map_or("", String::as_str)))
}

/// The lookups of `stats` in the languages `codes`, `default` among them,
/// each at the path `path` gives its name.
pub fn tables(
    stats: &Stats,
    (codes, default): (&[&str], &str),
    path: impl Fn(&str) -> String,
) -> Vec<Table> {
    let languages = (codes, default);
    let table = |name: &str, title: &str, columns, rows| Table {
        name: name.to_string(),
        path: path(name),
        title: title.to_string(),
        columns,
        rows,
    };
    let mut columns = vec![id_column("The organisation's id.")];
    in_every_language("name", "Its full name.", languages, &mut columns);
    in_every_language("short", "Its short name.", languages, &mut columns);
    columns.push(Column {
        refers_to: Some(ORGANISATIONS),
        ..optional_column(
            "parent",
            Kind::Id,
            "The id of the organisation it is part of.",
        )
    });
    columns.push(optional_column(
        "partners",
        Kind::Text,
        "The ids of its partners, separated by `; `.",
    ));
    let rows = (stats.organisations.iter())
        .map(|o| {
            let mut row = vec![text(&o.id)];
            row.extend(texts(&o.name, codes));
            row.extend(texts(&o.short, codes));
            row.push(optional(&o.parent));
            row.push(text(&o.partners.join("; ")));
            row
        })
        .collect();
    let organisations = table(ORGANISATIONS, "The organisations", columns, rows);
    let mut columns = vec![id_column("The unit's id.")];
    in_every_language("name", "What it counts.", languages, &mut columns);
    columns.push(Column {
        required: true,
        ..optional_column(
            "reach",
            Kind::Boolean,
            "Whether it counts people or households reached (else items).",
        )
    });
    columns.push(Column {
        required: true,
        ..optional_column(
            "add",
            Kind::Boolean,
            "Whether its figures are added up into totals (false: two of them may count the same people).",
        )
    });
    let rows = (stats.units.iter())
        .map(|u| {
            let mut row = vec![text(&u.id)];
            row.extend(texts(&u.name, codes));
            row.push(text(if u.reach { "true" } else { "false" }));
            row.push(text(if u.add { "true" } else { "false" }));
            row
        })
        .collect();
    let units = table(UNITS, "The units of the counts", columns, rows);
    let mut columns = vec![id_column("The category's id.")];
    in_every_language("name", "Its name.", languages, &mut columns);
    let rows = (stats.categories.iter())
        .map(|c| {
            std::iter::once(text(&c.id))
                .chain(texts(&c.name, codes))
                .collect()
        })
        .collect();
    let categories = table(CATEGORIES, "The categories of aid", columns, rows);
    let mut columns = vec![id_column("The source's id.")];
    in_every_language("title", "Its title.", languages, &mut columns);
    columns.push(optional_column("date", Kind::Date, "Its date."));
    columns.push(optional_column("url", Kind::Url, "Its address."));
    let rows = (stats.sources.iter())
        .map(|s| {
            let mut row = vec![text(&s.id)];
            row.extend(texts(&s.title, codes));
            row.push(optional(&s.date.map(|d| d.to_string())));
            row.push(optional(&s.url));
            row
        })
        .collect();
    let sources = table(SOURCES, "The sources of the figures", columns, rows);
    vec![organisations, units, categories, sources]
}
