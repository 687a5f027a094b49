//! The statistics as tables: one definition of each table's columns (name,
//! type, what it refers to) and its rows, from which the CSV and XLSX files
//! and the data package's Table Schemas are all made, so that a file and
//! its description cannot drift apart.
//!
//! A *table* is a records table in one language (`/LANG/data/aid.csv`,
//! labels in that language), the records table in every language
//! (`/data/aid.csv`, a language's columns named `what_kk`, `what_ru`…) or a
//! lookup (`/data/organisations.csv`, units, categories, sources) that the
//! records' ids refer to (`lookups.rs`).
//!
//! Spreadsheets run a CSV cell that begins with `=`, `+`, `-` or `@` as a
//! formula (`=HYPERLINK(…)` in an organisation's name): every text cell
//! that begins so, after any leading spaces, or with a tab or a carriage
//! return, gets a `'` in front, as OWASP recommends; the XLSX files hold the
//! same cells. Numbers stay numbers.

use std::borrow::Cow;

use super::prepare::LangStats;
use super::view::{AidView, RecordView};

/// What a column holds, as Table Schema types it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text.
    Text,
    /// An id: lowercase words joined by `-`.
    Id,
    /// A whole number, 0 or more.
    Count,
    /// `true` or `false`.
    Boolean,
    /// A day, `YYYY-MM-DD`.
    Date,
    /// A day or a month, `YYYY-MM-DD` or `YYYY-MM`.
    DayOrMonth,
    /// An address.
    Url,
    /// One of a few words.
    OneOf(&'static [&'static str]),
}

/// A column of a table.
#[derive(Debug, Clone)]
pub struct Column {
    /// Its name in the header.
    pub name: String,
    /// What it holds.
    pub kind: Kind,
    /// What it means, in English (for the data package).
    pub description: &'static str,
    /// The lookup (a table's name) whose `id` it names, if any.
    pub refers_to: Option<&'static str>,
    /// Whether every row has a value.
    pub required: bool,
}

/// A cell of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text (ids, names, `true`, dates as written).
    Text(String),
    /// A number.
    Number(u64),
    /// Nothing.
    Empty,
}

/// A table: its name in the data package, its columns and rows.
#[derive(Debug)]
pub struct Table {
    /// Its name in the data package (`records-kk`, `organisations`).
    pub name: String,
    /// Its URL path, relative to the base.
    pub path: String,
    /// What it is, in English.
    pub title: String,
    /// Its columns; the first is its key when it is a lookup or records.
    pub columns: Vec<Column>,
    /// Its rows, a cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// A column of the records table; `per_language` columns are in words.
struct RecordColumn {
    name: &'static str,
    kind: Kind,
    description: &'static str,
    refers_to: Option<&'static str>,
    required: bool,
    per_language: bool,
    cell: fn(&RecordView) -> Cell,
}

impl RecordColumn {
    /// A column no row need fill, the same in every language.
    const fn new(
        name: &'static str,
        kind: Kind,
        description: &'static str,
        cell: fn(&RecordView) -> Cell,
    ) -> RecordColumn {
        RecordColumn {
            name,
            kind,
            description,
            refers_to: None,
            required: false,
            per_language: false,
            cell,
        }
    }

    /// Every row fills it.
    const fn required(mut self) -> RecordColumn {
        self.required = true;
        self
    }

    /// It is in words, so once per language in the table of every
    /// language.
    const fn in_words(mut self) -> RecordColumn {
        self.per_language = true;
        self
    }

    /// The field of a record whose language [`RecordView::langs`] tells
    /// when it is not the table's.
    fn field(&self) -> &'static str {
        match self.name {
            "figure" => "display",
            name => name,
        }
    }

    /// It names an entry of the lookup `lookup`.
    const fn refers_to(mut self, lookup: &'static str) -> RecordColumn {
        self.refers_to = Some(lookup);
        self
    }
}

/// The records table's columns, in order.
const RECORD_COLUMNS: [RecordColumn; 19] = {
    use Kind::*;
    const fn column(
        name: &'static str,
        kind: Kind,
        description: &'static str,
        cell: fn(&RecordView) -> Cell,
    ) -> RecordColumn {
        RecordColumn::new(name, kind, description, cell)
    }
    [
        column("id", Id, "The record's id.", |r| text(&r.id)).required(),
        column(
            "organisation",
            Id,
            "The id of the organisation that delivered it.",
            |r| text(&r.organisation),
        )
        .required()
        .refers_to(ORGANISATIONS),
        column("organisation_name", Text, "The organisation's name.", |r| {
            text(&r.organisation_name)
        })
        .required()
        .in_words(),
        column(
            "partners",
            Text,
            "The names of its partners, separated by `; `.",
            |r| text(&r.partners.join("; ")),
        )
        .in_words(),
        column("category", Id, "The id of its category of aid.", |r| {
            text(&r.category)
        })
        .required()
        .refers_to(CATEGORIES),
        column("category_name", Text, "The category's name.", |r| {
            text(&r.category_name)
        })
        .required()
        .in_words(),
        column("what", Text, "What was delivered.", |r| text(&r.what))
            .required()
            .in_words(),
        column(
            "count",
            Count,
            "How many, in the unit of the column `unit`; empty when the source gives no figure.",
            |r| r.count.map_or(Cell::Empty, Cell::Number),
        ),
        column(
            "qualifier",
            OneOf(&["more-than", "about"]),
            "Whether the count is a lower bound (`more-than`) or approximate (`about`); empty when exact.",
            |r| r.qualifier.map_or(Cell::Empty, text),
        ),
        column(
            "reported",
            Boolean,
            "Whether the source gives a figure.",
            |r| text(if r.reported { "true" } else { "false" }),
        )
        .required(),
        column("unit", Id, "The id of the unit of `count`.", |r| {
            text(&r.unit)
        })
        .required()
        .refers_to(UNITS),
        column(
            "figure",
            Text,
            "The figure in words, or that none was given.",
            |r| text(&r.display),
        )
        .required()
        .in_words(),
        column("date", Date, "The day the figure is as of.", |r| {
            optional(&r.date)
        }),
        column(
            "period_from",
            DayOrMonth,
            "The first day or month of the period it covers.",
            |r| optional(&r.period_from),
        ),
        column(
            "period_to",
            DayOrMonth,
            "The end of the period it covers, as the source gives it: \"to 3 April\" (which may not include that day) is 3 April.",
            |r| optional(&r.period_to),
        ),
        column(
            "frequency",
            Text,
            "How often it was delivered, in words.",
            |r| optional(&r.frequency),
        )
        .in_words(),
        column("source", Id, "The id of the source of the figure.", |r| {
            text(&r.source)
        })
        .required()
        .refers_to(SOURCES),
        column("source_title", Text, "The source's title.", |r| {
            text(&r.source_title)
        })
        .required()
        .in_words(),
        column("source_url", Url, "The source's address.", |r| {
            optional(&r.source_url)
        }),
    ]
};

/// The lookups' names in the data package.
pub const ORGANISATIONS: &str = "organisations";
/// See [`ORGANISATIONS`].
pub const UNITS: &str = "units";
/// See [`ORGANISATIONS`].
pub const CATEGORIES: &str = "categories";
/// See [`ORGANISATIONS`].
pub const SOURCES: &str = "sources";

/// A text cell.
pub(super) fn text(value: &str) -> Cell {
    Cell::Text(value.to_string())
}

/// A text cell, or an empty one.
pub(super) fn optional(value: &Option<String>) -> Cell {
    value.as_deref().map_or(Cell::Empty, text)
}

/// The records in one language (`/LANG/data/aid.csv`), at `path`.
pub fn records(view: &AidView, path: String) -> Table {
    Table {
        name: format!("records-{}", view.language),
        title: format!("Aid delivered, one row per record, in `{}`", view.language),
        path,
        columns: RECORD_COLUMNS.iter().map(record_column).collect(),
        rows: (view.records.iter())
            .map(|r| RECORD_COLUMNS.iter().map(|c| (c.cell)(r)).collect())
            .collect(),
    }
}

fn record_column(c: &RecordColumn) -> Column {
    Column {
        name: c.name.to_string(),
        kind: c.kind,
        description: c.description,
        refers_to: c.refers_to,
        required: c.required,
    }
}

/// The records in every language (`/data/aid.csv`), at `path`: a column in
/// words once per language, named `NAME_LANG`, holding only the texts
/// written in that language (a cell a language lacks is empty, not the
/// default language's text; only the default language's are required).
pub fn all_records(langs: &[LangStats], path: String) -> Table {
    let mut columns = Vec::new();
    for c in &RECORD_COLUMNS {
        match c.per_language {
            true => columns.extend(langs.iter().map(|l| Column {
                name: format!("{}_{}", c.name, l.format.lang),
                required: c.required && l.format.lang == l.format.default,
                ..record_column(c)
            })),
            false => columns.push(record_column(c)),
        }
    }
    let count = langs.first().map_or(0, |l| l.view.records.len());
    let rows = (0..count)
        .map(|i| {
            let mut row = Vec::with_capacity(columns.len());
            for c in &RECORD_COLUMNS {
                let records = langs
                    .iter()
                    .filter_map(|l| Some((l, l.view.records.get(i)?)));
                match c.per_language {
                    true => row.extend(records.map(|(l, r)| {
                        let lacking = r
                            .langs
                            .get(c.field())
                            .is_some_and(|lang| lang != l.format.lang);
                        if lacking { Cell::Empty } else { (c.cell)(r) }
                    })),
                    false => row.extend(records.take(1).map(|(_, r)| (c.cell)(r))),
                }
            }
            row
        })
        .collect();
    Table {
        name: "records".into(),
        title: "Aid delivered, one row per record, in every language".into(),
        path,
        columns,
        rows,
    }
}

impl Table {
    /// The table as CSV: UTF-8 without a byte-order mark, lines ended by
    /// CRLF, as RFC 4180 has it; text cells that would start a formula
    /// neutralised.
    pub fn csv(&self) -> Result<Vec<u8>, String> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let error = |e: csv::Error| e.to_string();
        writer
            .write_record(self.columns.iter().map(|c| c.name.as_bytes()))
            .map_err(error)?;
        for row in &self.rows {
            let cells = row.iter().map(|cell| match cell {
                Cell::Text(text) => neutralise(text),
                Cell::Number(n) => Cow::Owned(n.to_string()),
                Cell::Empty => Cow::Borrowed(""),
            });
            let cells: Vec<Cow<str>> = cells.collect();
            writer
                .write_record(cells.iter().map(|c| c.as_bytes()))
                .map_err(error)?;
        }
        writer.into_inner().map_err(|e| e.to_string())
    }

    /// The table as an XLSX workbook of one sheet, the same cells as
    /// [`Self::csv`] (numbers as numbers), created at `created` (seconds
    /// since 1970-01-01), so that the same table gives the same bytes.
    pub fn xlsx(&self, created: u64) -> Result<Vec<u8>, String> {
        use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
        let error = |e: rust_xlsxwriter::XlsxError| e.to_string();
        let mut workbook = Workbook::new();
        let created =
            ExcelDateTime::from_timestamp(i64::try_from(created).unwrap_or(0)).map_err(error)?;
        let properties = DocProperties::new()
            .set_title(&self.title)
            .set_creation_datetime(&created);
        workbook.set_properties(&properties);
        let sheet = workbook.add_worksheet();
        let bold = Format::new().set_bold();
        for (col, column) in self.columns.iter().enumerate() {
            let col = u16::try_from(col).map_err(|e| e.to_string())?;
            sheet
                .write_string_with_format(0, col, &column.name, &bold)
                .map_err(error)?;
        }
        for (row, cells) in self.rows.iter().enumerate() {
            let row = u32::try_from(row + 1).map_err(|e| e.to_string())?;
            for (col, cell) in cells.iter().enumerate() {
                let col = u16::try_from(col).map_err(|e| e.to_string())?;
                match cell {
                    Cell::Text(text) => sheet.write_string(row, col, fit(neutralise(text))),
                    // Counts are at most 10^12, exact as a float.
                    Cell::Number(n) => sheet.write_number(row, col, *n as f64),
                    Cell::Empty => continue,
                }
                .map_err(error)?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(error)?;
        sheet.autofit();
        workbook.save_to_buffer().map_err(error)
    }
}

/// The most UTF-16 code units a cell of a workbook holds (Excel's limit).
const CELL_LIMIT: usize = 32_767;

/// `text` cut to what a cell of a workbook holds, ending with `…` when
/// cut. Every text of the statistics fits (see `limits::MAX_TEXT_LENGTH`);
/// only a cell made of several (a figure with its noun, a list of
/// partners) can be longer, and the CSV and JSON downloads hold it whole.
fn fit(text: Cow<'_, str>) -> Cow<'_, str> {
    // A string has at least as many bytes as UTF-16 code units.
    if text.len() <= CELL_LIMIT || text.encode_utf16().count() <= CELL_LIMIT {
        return text;
    }
    let mut units = 0;
    for (at, c) in text.char_indices() {
        units += c.len_utf16();
        if units > CELL_LIMIT - 1 {
            return Cow::Owned(format!("{}…", &text[..at]));
        }
    }
    text
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_longer_than_a_workbook_holds_is_cut_with_a_mark() {
        let units = |text: &str| text.encode_utf16().count();
        for long in ["ә".repeat(40_000), "😀".repeat(20_000), "a".repeat(32_768)] {
            let cut = fit(Cow::Borrowed(&long));
            assert!(units(&cut) <= CELL_LIMIT && units(&cut) >= CELL_LIMIT - 1);
            assert!(cut.ends_with('…') && long.starts_with(cut.trim_end_matches('…')));
        }
        for fits in ["", "әб", &"a".repeat(CELL_LIMIT), &"ә".repeat(CELL_LIMIT)] {
            assert_eq!(fit(Cow::Borrowed(fits)), fits);
        }
    }

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
