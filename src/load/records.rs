//! `data/aid/records.csv`, the records as a spreadsheet: one row per record,
//! read into the same [`RawRecord`]s as `records.yaml`, each value with the
//! line and column of its cell, so that `validate` checks both alike and
//! reports `records.csv:ROW:COL`.
//!
//! The columns are [`COLUMNS`] and `what_LANG`, one per language; the header
//! row names them, in any order. An empty cell is a value not given.
//! `partners` lists ids separated by `;`, `,` or spaces; `reported` is
//! `true` or `false`; `period_from` and `period_to` are the period's ends.

use std::collections::BTreeMap;
use std::path::Path;

use super::data::{RawCount, RawPeriod, RawRecord};
use super::table::{Cell, Table};
use super::yaml::{Spanned, spanned_at};
use crate::diag::{Diagnostic, Diagnostics, Lines, Span};
use crate::messages::Message;
use crate::msg;

/// The columns of `records.csv` besides `what_LANG`.
pub const COLUMNS: [&str; 13] = [
    "id",
    "organisation",
    "partners",
    "category",
    "count",
    "qualifier",
    "reported",
    "unit",
    "date",
    "period_from",
    "period_to",
    "frequency",
    "source",
];

/// The columns every record needs a value in.
const REQUIRED: [&str; 5] = ["id", "organisation", "category", "unit", "source"];

/// The prefix of the columns of `what`, one per language (`what_kk`).
const WHAT: &str = "what_";

/// The columns of the file: [`COLUMNS`] and `what_LANG` for each language
/// of the site (any language, when the site's are not known).
struct Columns<'a> {
    /// The site's languages; `None` when `site.yaml` could not be read.
    languages: Option<&'a [String]>,
}

impl Columns<'_> {
    /// Whether `name` is a column: one of [`COLUMNS`], or `what_` and a
    /// language of the site.
    fn has(&self, name: &str) -> bool {
        COLUMNS.contains(&name)
            || name
                .strip_prefix(WHAT)
                .is_some_and(|lang| match self.languages {
                    Some(languages) => languages.iter().any(|l| l == lang),
                    None => !lang.is_empty(),
                })
    }

    /// Every column by name (`what_LANG` for the site's languages).
    fn names(&self) -> Vec<String> {
        let whats = self.languages.unwrap_or_default().iter();
        let whats = whats.map(|lang| format!("{WHAT}{lang}"));
        COLUMNS.iter().map(|c| c.to_string()).chain(whats).collect()
    }

    /// The column a header's `name` that is none was meant to be: the
    /// same in other letter case (`Count`, `What_kk`), else the nearest a
    /// slip away (`organization`, `what_kz`), else the one staff write
    /// `name` for (`org`).
    fn meant(&self, name: &str) -> Option<String> {
        let lower = name.to_lowercase();
        if self.has(&lower) {
            return Some(lower);
        }
        let names = self.names();
        crate::diag::key_meant(&lower, names.iter().map(String::as_str)).map(str::to_string)
    }

    /// The hint that lists the columns.
    fn hint(&self) -> Message {
        let whats = match self.languages {
            Some(languages) => (languages.iter())
                .map(|lang| format!("{WHAT}{lang}"))
                .collect::<Vec<_>>()
                .join(", "),
            None => format!("{WHAT}LANG"),
        };
        msg!(
            "records-columns-hint",
            columns = COLUMNS.join(", "),
            what = whats
        )
    }
}

/// The records of `table`, the file `path` (whose `text` diagnostics
/// quote), for a site of `languages` (`None`: not known, any `what_LANG`
/// is a column). A row without a required value is reported and left out;
/// an unknown or missing column is reported once, at the header, and a
/// column whose name is a slip of a column's (`what_kz` for `what_kk`) is
/// read as that column, so that its rows are checked without one more
/// problem each for want of it.
pub fn records(
    path: &Path,
    text: &str,
    table: &Table,
    languages: Option<&[String]>,
    diagnostics: &mut Diagnostics,
) -> Vec<RawRecord> {
    let known = Columns { languages };
    let lines = Lines::new(text, 0);
    let error = |span: Span, message, hint| {
        Diagnostic::error(path, span, message)
            .with_hint(hint)
            .with_quote(lines.quote_line(span))
    };
    let mut columns: BTreeMap<String, usize> = BTreeMap::new();
    // A header that names no column, nor one close to a column (written
    // in Russian, or a first row of figures): one problem, not one per
    // column and per column missing.
    let names = || table.header.iter().map(|cell| cell.value.trim());
    if !names().any(|name| known.has(name) || known.meant(name).is_some()) {
        let first = table.header.first().map_or(Span::START, |cell| cell.span);
        diagnostics.push(error(first, msg!("records-header-unknown"), known.hint()));
        return Vec::new();
    }
    // The columns that names not quite right were meant to be: each is
    // reported at its name, not again as missing, and read as meant.
    let mut meant = Vec::new();
    for (i, cell) in table.header.iter().enumerate() {
        let name = cell.value.trim();
        if known.has(name) {
            columns.insert(name.to_string(), i);
        } else {
            // Not one the header has already (`id,ID`: a second `id`).
            let column = known
                .meant(name)
                .filter(|column| !names().any(|n| n == column));
            let guess = crate::diag::guess(column.as_deref());
            meant.extend(column.map(|column| (column, i)));
            diagnostics.push(error(
                cell.span,
                msg!("records-unknown-column", name = name, guess = guess),
                known.hint(),
            ));
        }
    }
    for (column, i) in meant {
        columns.entry(column).or_insert(i);
    }
    for name in REQUIRED.iter().filter(|name| !columns.contains_key(**name)) {
        diagnostics.push(error(
            Span::START,
            msg!("records-missing-column", name = *name),
            known.hint(),
        ));
    }
    for cell in table.extra_cells() {
        diagnostics.push(super::table::extra_cell(path, &lines, cell));
    }
    table
        .rows
        .iter()
        .filter_map(|row| {
            let row = Row {
                cells: row,
                columns: &columns,
                delimiter: table.delimiter,
            };
            record(&row, &mut |span, message, hint| {
                diagnostics.push(error(span, message, hint));
            })
        })
        .collect()
}

/// One row, its cells found by column name.
struct Row<'a> {
    cells: &'a [Cell],
    columns: &'a BTreeMap<String, usize>,
    /// The table's delimiter, named in hints.
    delimiter: u8,
}

impl Row<'_> {
    /// The cell of column `name`, when the header has it.
    fn cell(&self, name: &str) -> Option<&Cell> {
        self.cells.get(*self.columns.get(name)?)
    }

    /// The text of column `name`, trimmed, unless it is empty.
    fn text(&self, name: &str) -> Option<Spanned<String>> {
        let cell = self.cell(name)?;
        let value = cell.value.trim();
        (!value.is_empty()).then(|| spanned_at(value.to_string(), cell.span))
    }

    /// Where its last cell starts: where a row that ends too early is
    /// reported.
    fn end(&self) -> Span {
        self.cells.last().map_or(Span::START, |c| c.span)
    }
}

/// What reports a problem: where, what, and what to do.
type Report<'a> = dyn FnMut(Span, crate::messages::Message, crate::messages::Message) + 'a;

/// The record of `row`, or `None` (reported) when a required value is
/// missing.
fn record(row: &Row, report: &mut Report) -> Option<RawRecord> {
    // Cells every record needs that the row ends before: one report.
    let cut_off: Vec<&str> = (REQUIRED.iter().copied())
        .filter(|name| row.columns.contains_key(*name) && row.cell(name).is_none())
        .collect();
    if !cut_off.is_empty() {
        report(
            row.end(),
            msg!("records-short-row", names = cut_off.join("`, `")),
            msg!(
                "records-short-row-hint",
                delimiter = match row.delimiter {
                    b';' => "semicolon",
                    b'\t' => "tab",
                    _ => "comma",
                }
            ),
        );
    }
    let mut required = |name: &str| {
        let value = row.text(name);
        if value.is_none()
            && let Some(cell) = row.cell(name)
        {
            report(
                cell.span,
                msg!("records-empty-cell", name = name),
                msg!("records-empty-cell-hint"),
            );
        }
        value
    };
    let (id, org, category, unit, source) = (
        required("id"),
        required("organisation"),
        required("category"),
        required("unit"),
        required("source"),
    );
    let reported = row.text("reported").and_then(|cell| {
        let value = match cell.value.to_lowercase().as_str() {
            "true" => true,
            "false" => false,
            _ => {
                report(
                    span(&cell),
                    msg!("records-bad-boolean", value = &cell.value),
                    msg!("records-bad-boolean-hint"),
                );
                return None;
            }
        };
        Some(spanned_at(value, span(&cell)))
    });
    let (from, to) = (row.text("period_from"), row.text("period_to"));
    let period = from
        .as_ref()
        .or(to.as_ref())
        .map(span)
        .map(|at| spanned_at(RawPeriod { from, to }, at));
    Some(RawRecord {
        id: id?,
        org: org?,
        partners: partners(row),
        category: category?,
        count: row
            .text("count")
            .map(|c| spanned_at(count(&c.value), span(&c))),
        qualifier: row.text("qualifier"),
        reported,
        unit: unit?,
        what: what(row),
        date: row.text("date"),
        period,
        frequency: row.text("frequency"),
        source: source?,
    })
}

/// Where `value` was written.
fn span<T>(value: &Spanned<T>) -> Span {
    super::yaml::span_of(value, 0)
}

/// The ids of the `partners` cell, each at the cell's position.
fn partners(row: &Row) -> Vec<Spanned<String>> {
    let Some(cell) = row.text("partners") else {
        return Vec::new();
    };
    cell.value
        .split([';', ',', ' '])
        .filter(|id| !id.is_empty())
        .map(|id| spanned_at(id.to_string(), span(&cell)))
        .collect()
}

/// The `what_LANG` cells as texts by language, at the first of them; at
/// the row's last cell when it ends before one of them (where the cells
/// missing are to be written), or has none. An empty cell is an empty
/// text at that cell, so that a text missing is reported where it is to
/// be written; a cell the row ends before is no text.
fn what(row: &Row) -> super::data::Texts {
    let mut at = None;
    let mut cut_off = false;
    let mut texts = BTreeMap::new();
    for (name, _) in row.columns.iter() {
        let Some(lang) = name.strip_prefix(WHAT) else {
            continue;
        };
        let Some(cell) = row.cell(name) else {
            cut_off = true;
            continue;
        };
        at.get_or_insert(cell.span);
        let text = row.text(name);
        let text = text.unwrap_or_else(|| spanned_at(String::new(), cell.span));
        texts.insert(lang.to_string(), text);
    }
    let at = at.filter(|_| !cut_off).unwrap_or_else(|| row.end());
    spanned_at(texts, at)
}

/// A count as written: a whole number, another number, or other text, as
/// YAML reads a scalar, so that `validate` says the same of each.
fn count(text: &str) -> RawCount {
    if let Ok(n) = text.parse::<i128>() {
        RawCount::Integer(n)
    } else if text.bytes().any(|b| b.is_ascii_digit())
        && let Ok(v) = text.parse::<f64>()
    {
        RawCount::Real(v)
    } else {
        RawCount::Other(text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml_span;

    fn read(text: &str) -> (Vec<RawRecord>, Diagnostics) {
        let path = Path::new("data/aid/records.csv");
        let table = super::super::table::parse(path, text).expect("a table");
        let mut diagnostics = Diagnostics::new();
        let languages = ["kk".to_string(), "ru".to_string()];
        let records = records(path, text, &table, Some(&languages), &mut diagnostics);
        (records, diagnostics)
    }

    #[test]
    fn each_value_is_at_its_cell() {
        let (records, diagnostics) = read(
            "id,organisation,category,count,unit,what_kk,what_ru,source,period_from,partners\n\
             r1,club,food,\"1,5\",kits,Ас,Еда,brief,2020-04,a;b\n",
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let r = &records[0];
        assert_eq!(yaml_span(&r.id, 0), Span::new(2, 1));
        assert_eq!(yaml_span(&r.org, 0), Span::new(2, 4));
        assert_eq!(yaml_span(&r.category, 0), Span::new(2, 9));
        assert_eq!(yaml_span(r.count.as_ref().unwrap(), 0), Span::new(2, 14));
        assert_eq!(
            r.count.as_ref().unwrap().value,
            RawCount::Other("1,5".into())
        );
        assert_eq!(yaml_span(&r.unit, 0), Span::new(2, 20));
        assert_eq!(yaml_span(&r.what, 0), Span::new(2, 25));
        assert_eq!(yaml_span(&r.what.value["ru"], 0), Span::new(2, 28));
        assert_eq!(yaml_span(&r.source, 0), Span::new(2, 32));
        let period = r.period.as_ref().unwrap();
        assert_eq!(yaml_span(period, 0), Span::new(2, 38));
        assert!(period.value.to.is_none());
        let partners: Vec<&str> = r.partners.iter().map(|p| p.value.as_str()).collect();
        assert_eq!(partners, ["a", "b"]);
        assert!(r.date.is_none() && r.qualifier.is_none() && r.reported.is_none());
    }

    #[test]
    fn counts_are_read_as_yaml_reads_them() {
        assert_eq!(count("320"), RawCount::Integer(320));
        assert_eq!(count("-2"), RawCount::Integer(-2));
        assert_eq!(count("3.5"), RawCount::Real(3.5));
        assert_eq!(count("1e3"), RawCount::Real(1000.0));
        assert_eq!(count("inf"), RawCount::Other("inf".into()));
        assert_eq!(count("many"), RawCount::Other("many".into()));
    }

    #[test]
    fn problems_are_reported_at_their_cells() {
        let (records, diagnostics) = read(
            "id,organisation,category,unit,source,reported,colour,what_kk\n\
             r1,club,food,kits,brief,maybe,,Ас\n\
             r2,,food,kits,brief,FALSE,,Ас,extra\n",
        );
        let spans: Vec<Span> = diagnostics.into_sorted().iter().map(|d| d.span).collect();
        assert_eq!(
            spans,
            [
                Span::new(1, 47),
                Span::new(2, 25),
                Span::new(3, 4),
                Span::new(3, 31)
            ]
        );
        assert_eq!(records.len(), 1, "r2 has no organisation");
        assert!(records[0].reported.is_none());
    }

    #[test]
    fn a_row_that_ends_too_early_is_reported_at_its_end() {
        let (records, diagnostics) = read(
            "id,organisation,category,unit,source,what_kk\n\
             r1,club,food\n\
             r2,club,food,kits,brief,Ас\n",
        );
        let spans: Vec<Span> = diagnostics.into_sorted().iter().map(|d| d.span).collect();
        assert_eq!(spans, [Span::new(2, 9)], "unit and source, at once");
        assert_eq!(records.len(), 1);
    }

    #[test]
    fn a_missing_column_is_reported_once() {
        let (records, diagnostics) = read("id,organisation,category,unit\nr1,a,b,c\nr2,a,b,c\n");
        assert_eq!(diagnostics.into_sorted().len(), 1);
        assert!(records.is_empty());
    }
}
