//! The free-form *data files* of `data/` (all but the statistics), each
//! read into one value that templates see as `data.<stem>`: YAML and JSON
//! as they are, CSV as a list of objects keyed by the header row's names.

use std::path::Path;

use super::files::read_text;
use super::table::{self, Table};
use super::yaml;
use crate::diag::{Diagnostic, Lines, Span};
use crate::msg;

/// The kinds of free-form data files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `.yaml` or `.yml`.
    Yaml,
    /// `.csv`: a list of objects keyed by the header row.
    Csv,
    /// `.json`.
    Json,
}

impl Kind {
    /// The kind of the file `rel`, by its extension; `None` for a file
    /// aqparat does not read.
    pub fn of(rel: &Path) -> Option<Kind> {
        match rel.extension()?.to_str()? {
            "yaml" | "yml" => Some(Kind::Yaml),
            "csv" => Some(Kind::Csv),
            "json" => Some(Kind::Json),
            _ => None,
        }
    }

    /// Reads the file `rel` of this kind as a free-form value.
    pub fn read(self, root: &Path, rel: &Path) -> Result<serde_json::Value, Diagnostic> {
        match self {
            Kind::Yaml => {
                let text = read_text(root, rel)?;
                yaml::parse(rel, &text, 0, &text)
            }
            Kind::Csv => {
                let (text, table) = table::read(root, rel)?;
                if let Some(cell) = table.extra_cells().next() {
                    return Err(table::extra_cell(rel, &Lines::new(&text, 0), cell));
                }
                Ok(objects(table))
            }
            Kind::Json => {
                let text = read_text(root, rel)?;
                parse_json(rel, &text)
            }
        }
    }
}

/// The rows of `table` as objects keyed by the header's names, in their
/// order; a cell missing at the end of a row is empty.
fn objects(table: Table) -> serde_json::Value {
    table
        .rows
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter();
            let object: serde_json::Map<String, serde_json::Value> = table
                .header
                .iter()
                .map(|name| {
                    let value = cells.next().map(|c| c.value).unwrap_or_default();
                    (name.value.clone(), value.into())
                })
                .collect();
            serde_json::Value::Object(object)
        })
        .collect()
}

/// Parses `text`, the JSON file `path`; a syntax error at its line and
/// column (in characters). serde_json refuses nesting deeper than 128.
fn parse_json(path: &Path, text: &str) -> Result<serde_json::Value, Diagnostic> {
    serde_json::from_str(text).map_err(|error| {
        // serde_json counts the column in bytes.
        let line = text.lines().nth(error.line().saturating_sub(1));
        let col = line.map_or(error.column(), |line| {
            let mut end = error.column().min(line.len());
            while !line.is_char_boundary(end) {
                end -= 1;
            }
            line[..end].chars().count()
        });
        Diagnostic::error(
            path,
            Span::new(error.line(), col),
            msg!(
                "json-error",
                error = yaml::strip_position(&error.to_string())
            ),
        )
        .with_hint(msg!("json-error-hint"))
        .with_source(text)
    })
}
