//! The free-form *data files* of `data/` (all but the statistics), each
//! read into one value that templates see as `data.<stem>`: YAML and JSON
//! as they are, CSV as a list of objects keyed by the header row's names.

use std::cell::Cell;
use std::path::Path;

use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};

use super::files::read_text;
use super::table::{self, Table};
use super::yaml;
use crate::diag::{Diagnostic, Diagnostics, Lines, Span};
use crate::messages::Message;
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
    pub fn read(self, root: &Path, rel: &Path) -> Result<serde_json::Value, Diagnostics> {
        match self {
            Kind::Yaml => {
                let text = read_text(root, rel)?;
                yaml::parse(rel, &text, 0, &text)
            }
            Kind::Csv => {
                let (text, mut table) = table::read(root, rel)?;
                let lines = Lines::new(&text, 0);
                let mut problems = Diagnostics::new();
                for cell in table.extra_cells() {
                    problems.push(table::extra_cell(rel, &lines, cell));
                }
                problems.extend(table.unclosed.take());
                match problems.is_empty() {
                    true => Ok(objects(table)),
                    false => Err(problems),
                }
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
/// Every key given twice is reported, and a syntax error after them.
fn parse_json(path: &Path, text: &str) -> Result<serde_json::Value, Diagnostics> {
    // A byte order mark, which Windows' editors write, is no JSON value.
    let json = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut problems = Diagnostics::new();
    // Read again for each key given twice, letting those found pass: the
    // next problem, if any, is after them (serde_json reads in order).
    for found in 0..=MAX_REPEATED_KEYS {
        let error = match Distinct::read(json, found) {
            Ok(value) if found == 0 => return Ok(value),
            Ok(_) => break,
            Err(error) => error,
        };
        problems.push(json_problem(path, text, &error));
        if !error.to_string().starts_with(DUPLICATE_KEY) {
            break;
        }
    }
    Err(problems)
}

/// The most keys given twice that one JSON file reports (each costs a
/// reading of the file).
const MAX_REPEATED_KEYS: usize = 100;

/// serde_json's `error` in the file `path` (its `text`) as a diagnostic,
/// at its line and column in characters, in the staff's words.
fn json_problem(path: &Path, text: &str, error: &serde_json::Error) -> Diagnostic {
    let json = text.strip_prefix('\u{feff}').unwrap_or(text);
    // serde_json counts the column in bytes, of the text after the mark,
    // which is no character of the line, as editors count.
    let line = json.lines().nth(error.line().saturating_sub(1));
    let col = line.map_or(error.column(), |line| {
        let mut end = error.column().min(line.len());
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        line[..end].chars().count()
    });
    let said = error.to_string();
    let said = yaml::strip_position(&said);
    let repeated = (said.strip_prefix(DUPLICATE_KEY)).and_then(|rest| rest.split_once('`'));
    let (message, hint) = match repeated {
        Some((key, _)) => (
            msg!("yaml-repeated-key", key = key),
            msg!("yaml-hint-duplicate"),
        ),
        None => (json_words(said), msg!("json-error-hint")),
    };
    Diagnostic::error(path, Span::new(error.line(), col), message)
        .with_hint(hint)
        .with_source(text)
}

/// What serde_json's `said` (its message without the position) means, in
/// the staff's words; else its own words, introduced in theirs.
fn json_words(said: &str) -> Message {
    let starts = |start: &str| said.starts_with(start);
    match () {
        () if starts("EOF while parsing") => msg!("json-ends-early"),
        () if starts("expected value") => msg!("json-expected-value"),
        () if starts("expected `,` or") => msg!("json-expected-comma"),
        () if starts("expected `:`") => msg!("json-expected-colon"),
        () if starts("key must be a string") => msg!("json-key-not-text"),
        () if starts("trailing comma") => msg!("json-trailing-comma"),
        () if starts("trailing characters") => msg!("json-trailing-text"),
        () if starts("recursion limit exceeded") => msg!("json-too-deep"),
        () if starts("number out of range") => msg!("json-number-too-large"),
        () if starts("control character") => msg!("json-control-character"),
        () => msg!("json-error", error = said),
    }
}

/// How [`Distinct`]'s error for a key given twice starts.
const DUPLICATE_KEY: &str = "duplicate key `";

/// Reads a JSON value whose objects' keys are each given once:
/// serde_json's `Value` keeps the last of a key given twice, so a count
/// written twice would silently be the second. The first `passing` keys
/// given twice pass (the last value kept), to find those after them.
#[derive(Clone, Copy)]
struct Distinct<'a> {
    passing: &'a Cell<usize>,
}

impl Distinct<'_> {
    /// The value of `json`, letting the first `passing` keys given twice
    /// pass.
    fn read(json: &str, passing: usize) -> serde_json::Result<serde_json::Value> {
        let passing = Cell::new(passing);
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let value = Distinct { passing: &passing }.deserialize(&mut deserializer)?;
        deserializer.end()?;
        Ok(value)
    }
}

impl<'de> DeserializeSeed<'de> for Distinct<'_> {
    type Value = serde_json::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Distinct<'_> {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }

    fn visit_i64<E>(self, v: i64) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }

    fn visit_u64<E>(self, v: u64) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }

    fn visit_f64<E>(self, v: f64) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }

    fn visit_str<E>(self, v: &str) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }

    fn visit_string<E>(self, v: String) -> Result<serde_json::Value, E> {
        Ok(v.into())
    }

    fn visit_unit<E>(self) -> Result<serde_json::Value, E> {
        Ok(serde_json::Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<serde_json::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(items.into())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<serde_json::Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                let Some(passing) = self.passing.get().checked_sub(1) else {
                    return Err(A::Error::custom(format!("{DUPLICATE_KEY}{key}`")));
                };
                self.passing.set(passing);
            }
            let value = map.next_value_seed(self)?;
            object.insert(key, value);
        }
        Ok(object.into())
    }
}
