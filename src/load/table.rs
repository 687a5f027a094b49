//! CSV files as *tables*: a header row naming the columns, then rows of
//! *cells*, each cell with the line and column (in characters, 1-based) it
//! starts at, so that a problem in a cell is reported where it is written.
//!
//! The files come from spreadsheets: a UTF-8 byte-order mark (Excel's "CSV
//! UTF-8") is skipped, a file that is not UTF-8 gets a hint to save it as
//! "CSV UTF-8", cells may be quoted and hold line breaks, blank lines and
//! rows of empty cells are skipped, as are empty columns after the last
//! named one (a spreadsheet's formatted cells), and the delimiter is the one of `,`, `;` (Excel's in locales
//! whose decimal separator is a comma, Kazakh and Russian among them) and
//! a tab (a table copied out of a spreadsheet) that the header row has
//! most of, `,` when none is more.
//!
//! The parser is `csv-core`, the `csv` crate's own: unlike `csv::Reader`,
//! which tells where a row starts, it tells where each cell starts.

use std::path::Path;

use crate::diag::{Diagnostic, Lines, Span};
use crate::msg;

/// One cell: its text, unquoted, and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text, quotes removed and `""` read as `"`.
    pub value: String,
    /// The position of its first character (the opening quote, if any).
    pub span: Span,
}

/// A CSV file: its header row and the rows below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The header row: the columns' names.
    pub header: Vec<Cell>,
    /// The other rows; a row may have fewer or more cells than the header.
    pub rows: Vec<Vec<Cell>>,
    /// What sets its cells apart: `,`, `;` or a tab.
    pub delimiter: u8,
    /// A quote never closed, an error: the rows from its row on are not
    /// read (they would be taken into its cell), those before it are.
    pub unclosed: Option<Diagnostic>,
}

impl Cell {
    /// Whether it holds nothing but spaces.
    fn is_blank(&self) -> bool {
        self.value.trim().is_empty()
    }
}

impl Table {
    /// The first cell that is not empty beyond the header's columns of
    /// each row that has one: an error, as such a cell has no column to be
    /// read under.
    pub fn extra_cells(&self) -> impl Iterator<Item = &Cell> {
        self.rows.iter().filter_map(|row| {
            let beyond = row.get(self.header.len()..).unwrap_or_default();
            beyond.iter().find(|cell| !cell.is_blank())
        })
    }
}

/// The error for `cell`, beyond the header's columns, in the CSV file
/// `path` whose text's lines are `lines`.
pub fn extra_cell(path: &Path, lines: &Lines, cell: &Cell) -> Diagnostic {
    Diagnostic::error(path, cell.span, msg!("csv-extra-cell"))
        .with_hint(msg!("csv-extra-cell-hint"))
        .with_quote(lines.quote_line(cell.span))
}

/// Reads `root/rel` as a table; its text, without a byte-order mark, is
/// returned too, for diagnostics.
pub fn read(root: &Path, rel: &Path) -> Result<(String, Table), Diagnostic> {
    let bytes = super::files::read_bytes(root, rel)?;
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&bytes)
        .to_vec();
    let text =
        super::files::into_text(rel, bytes).map_err(|d| d.with_hint(msg!("csv-not-utf8-hint")))?;
    let table = parse(rel, &text)?;
    Ok((text, table))
}

/// Parses `text`, the CSV file `path`. An error when it has no header row
/// or two columns of the same name.
pub fn parse(path: &Path, text: &str) -> Result<Table, Diagnostic> {
    let (rows, unclosed) = cells(text);
    // A quote not closed where its cell ends takes the rows after it into
    // the cell: they would be lost without a word.
    let unclosed = unclosed.map(|at| {
        let span = Position::default().advance(text, at);
        Diagnostic::error(path, span, msg!("csv-unclosed-quote"))
            .with_hint(msg!("csv-unclosed-quote-hint"))
            .with_source(text)
    });
    let mut rows = rows.into_iter();
    let Some(mut header) = rows.next() else {
        return Err(unclosed.unwrap_or_else(|| {
            Diagnostic::error(path, Span::START, msg!("csv-no-header"))
                .with_hint(msg!("csv-no-header-hint"))
        }));
    };
    // Nor do empty columns after the last named one make columns.
    while header.last().is_some_and(Cell::is_blank) {
        header.pop();
    }
    for (i, cell) in header.iter().enumerate() {
        if let Some(first) = header[..i].iter().find(|c| c.value == cell.value) {
            return Err(Diagnostic::error(
                path,
                cell.span,
                msg!(
                    "csv-duplicate-column",
                    name = &cell.value,
                    col = first.span.col.to_string()
                ),
            )
            .with_hint(msg!("csv-duplicate-column-hint"))
            .with_source(text));
        }
    }
    Ok(Table {
        header,
        rows: rows.collect(),
        delimiter: delimiter(text),
        unclosed,
    })
}

/// The delimiter of `text`: of `,`, `;` and a tab, the one its first
/// line that is not blank (the header) has most of outside quotes (the
/// first of them, `,`, when none is more).
fn delimiter(text: &str) -> u8 {
    let header = text.lines().find(|line| !line.trim().is_empty());
    let header = header.unwrap_or_default();
    // The header's text outside quoted names (`"a,b"` is one name).
    let unquoted: String = header.split('"').step_by(2).collect();
    let count = |delimiter: &u8| unquoted.matches(char::from(*delimiter)).count();
    // `max_by_key` takes the last of equals: the list is in reverse order.
    [b'\t', b';', b',']
        .into_iter()
        .max_by_key(count)
        .unwrap_or(b',')
}

/// Whether `raw`, a cell as written (its delimiter or line break after
/// it, if any), opens a quote that it does not close where it ends: a
/// quoted cell ends with its closing quote and holds the others in pairs
/// (`""` for one). csv-core reads such a cell on as best it can, taking
/// the rows after a quote never closed into it.
fn is_unclosed(raw: &str, delimiter: u8) -> bool {
    let raw = raw
        .strip_suffix(char::from(delimiter))
        .unwrap_or(raw)
        .trim_end_matches(['\r', '\n']);
    let quotes = raw.bytes().filter(|&b| b == b'"').count();
    raw.starts_with('"') && (raw.len() < 2 || !raw.ends_with('"') || quotes % 2 == 1)
}

/// Every row of `text` before the first cell that opens a quote it does
/// not close, as cells with their positions, and where that cell starts
/// (a byte offset). A
/// row of empty cells (`;;;;`, a spreadsheet's formatted empty rows: a
/// million of them in a file saved from Excel) is a blank line, left out
/// as it is read.
fn cells(text: &str) -> (Vec<Vec<Cell>>, Option<usize>) {
    let delimiter = delimiter(text);
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let input = text.as_bytes();
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut position = Position::default();
    let mut value = Vec::new();
    let mut output = [0u8; 4096];
    // Where the cell being read starts; `None` between rows (blank lines
    // before a row are not part of it).
    let mut start: Option<usize> = None;
    let mut read = 0;
    let mut unclosed = None;
    loop {
        let at = start.get_or_insert_with(|| {
            input[read..]
                .iter()
                .position(|b| *b != b'\n' && *b != b'\r')
                .map_or(input.len(), |skip| read + skip)
        });
        let at = *at;
        let (result, consumed, written) = reader.read_field(&input[read..], &mut output);
        read += consumed;
        value.extend_from_slice(&output[..written]);
        let record_end = match result {
            csv_core::ReadFieldResult::InputEmpty | csv_core::ReadFieldResult::OutputFull => {
                continue;
            }
            csv_core::ReadFieldResult::Field { record_end } => record_end,
            csv_core::ReadFieldResult::End => break,
        };
        row.push(Cell {
            // A line break in a quoted cell written the Windows way is a
            // line break, not a control character.
            value: String::from_utf8_lossy(&value).replace("\r\n", "\n"),
            span: position.advance(text, at),
        });
        if unclosed.is_none() && is_unclosed(&text[at..read], delimiter) {
            unclosed = Some(at);
            // Its row, and what follows it, are one cell to csv-core.
            break;
        }
        value.clear();
        start = (!record_end).then_some(read);
        if record_end {
            match row.iter().all(Cell::is_blank) {
                true => row.clear(),
                false => rows.push(std::mem::take(&mut row)),
            }
        }
    }
    (rows, unclosed)
}

/// A position in a text, moved forward cell by cell so that finding the
/// line and column of every cell reads the text once.
#[derive(Debug, Default)]
struct Position {
    /// The byte offset reached.
    offset: usize,
    /// Its line, from 0.
    line: usize,
    /// The byte offset where that line starts.
    line_start: usize,
    /// The column reached on that line, in characters from 0: counted on
    /// from the last cell, not from the line's start, which made a row of
    /// thousands of cells take time that grew with their square.
    col: usize,
}

impl Position {
    /// Moves to byte `offset` of `text` (not before the current one) and
    /// returns its line and column.
    fn advance(&mut self, text: &str, offset: usize) -> Span {
        let offset = offset.clamp(self.offset, text.len());
        let passed = text.get(self.offset..offset).unwrap_or_default();
        let mut counted_from = self.offset;
        for (i, _) in passed.match_indices('\n') {
            self.line += 1;
            self.line_start = self.offset + i + 1;
            (counted_from, self.col) = (self.line_start, 0);
        }
        self.col += (text.get(counted_from..offset)).map_or(0, |rest| rest.chars().count());
        self.offset = offset;
        Span::new(self.line + 1, self.col + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Table {
        parse(Path::new("t.csv"), text).expect("a table")
    }

    /// Each cell as `value@line:col`.
    fn shown(row: &[Cell]) -> Vec<String> {
        row.iter()
            .map(|c| format!("{}@{}:{}", c.value, c.span.line, c.span.col))
            .collect()
    }

    #[test]
    fn cells_know_their_line_and_column_in_characters() {
        let t = table("id,what_kk,count\nа-1,Сәлем,5\r\nb,\"қ,ә\",7\n");
        assert_eq!(shown(&t.header), ["id@1:1", "what_kk@1:4", "count@1:12"]);
        assert_eq!(shown(&t.rows[0]), ["а-1@2:1", "Сәлем@2:5", "5@2:11"]);
        assert_eq!(shown(&t.rows[1]), ["b@3:1", "қ,ә@3:3", "7@3:9"]);
    }

    #[test]
    fn rows_and_columns_of_empty_cells_are_left_out() {
        let t = table("id;count;;\n;;;\na;5;;\n ; ;\nb;7;; x\n");
        assert_eq!(shown(&t.header), ["id@1:1", "count@1:4"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(shown(&t.rows[0])[..2], ["a@3:1", "5@3:3"]);
        let extra: Vec<String> = t.extra_cells().map(|c| c.value.clone()).collect();
        assert_eq!(extra, [" x"]);
    }

    #[test]
    fn a_line_break_written_the_windows_way_is_a_line_break() {
        let table = table("a,b\r\n\"one\r\ntwo\",3\r\n");
        assert_eq!(shown(&table.rows[0]), ["one\ntwo@2:1", "3@3:6"]);
    }

    #[test]
    fn quoted_cells_may_hold_quotes_and_line_breaks() {
        let t = table("a,b\n\"one\ntwo\",\"say \"\"hi\"\"\"\nx,y\n");
        assert_eq!(shown(&t.rows[0]), ["one\ntwo@2:1", "say \"hi\"@3:6"]);
        assert_eq!(shown(&t.rows[1]), ["x@4:1", "y@4:3"]);
    }

    #[test]
    fn blank_lines_are_skipped_and_rows_may_be_ragged() {
        let t = table("a,b\n\n\nx\n1,2,3");
        assert_eq!(t.rows.len(), 2);
        assert_eq!(shown(&t.rows[0]), ["x@4:1"]);
        assert_eq!(shown(&t.rows[1]), ["1@5:1", "2@5:3", "3@5:5"]);
    }

    #[test]
    fn empty_cells_are_cells() {
        let t = table("a,b,c\n,,z\n");
        assert_eq!(shown(&t.rows[0]), ["@2:1", "@2:2", "z@2:3"]);
    }

    #[test]
    fn semicolons_delimit_when_the_header_has_more_of_them() {
        let t = table("id;count;what_ru\nx;1,5;Да, так\n");
        assert_eq!(shown(&t.rows[0]), ["x@2:1", "1,5@2:3", "Да, так@2:7"]);
    }

    #[test]
    fn tabs_delimit_when_the_header_has_most_of_them() {
        let t = table("id\tcount\twhat_ru\nx\t1,5\tДа; так\n");
        assert_eq!(shown(&t.rows[0]), ["x@2:1", "1,5@2:3", "Да; так@2:7"]);
        assert_eq!(shown(&table("a,b\n1,2\n").rows[0]), ["1@2:1", "2@2:3"]);
        // A blank line before the header; tabs inside a quoted name.
        let t = table("\r\nid\tcount\n1\t2\n");
        assert_eq!(shown(&t.rows[0]), ["1@3:1", "2@3:3"]);
        let t = table("name,\"address\t(street\tand\thouse)\"\nA,\"x\ty\"\n");
        assert_eq!(shown(&t.rows[0]), ["A@2:1", "x\ty@2:3"]);
    }

    #[test]
    fn no_header_and_duplicate_columns_are_errors() {
        let path = Path::new("t.csv");
        assert!(parse(path, "").is_err());
        assert!(parse(path, "\n\n").is_err());
        let error = parse(path, "id,count,id\n").expect_err("two ids");
        assert_eq!(error.span, Span::new(1, 10));
    }

    #[test]
    fn a_quote_never_closed_is_an_error_where_it_opens() {
        let path = Path::new("t.csv");
        // Where the quote is, if it is never closed.
        let unclosed = |text: &str| match parse(path, text) {
            Ok(table) => table.unclosed.map(|d| d.span),
            Err(d) => Some(d.span),
        };
        assert_eq!(unclosed("id,what\na,\"y,y\nb,z\n"), Some(Span::new(2, 3)));
        // Closed by a later cell's quote: the row between is not lost.
        let later = "id,what,n\na,\"Ас\nb,x,\"Су\"\nc,z,1\n";
        assert_eq!(unclosed(later), Some(Span::new(2, 3)));
        assert!(unclosed("id,what\na,\"a\"b\nc,d\n").is_some(), "text after");
        assert!(unclosed("id,what\na,\"y\"\"\n").is_some(), "a quote within");
        assert!(unclosed("\"id,what\na,b\n").is_some(), "in the header");
        for closed in [
            "id,what\na,\"y\"\"\"\nb,z\n",
            "id,what\na,\"y\nz\"\n",
            "id\n\"\"\n",
            "id,what\na,b\"c\n",
            "id,what\n\"a\",\"b\"",
        ] {
            assert_eq!(unclosed(closed), None, "{closed}");
        }
        // The rows before it are read, to be checked.
        let table = parse(path, "id,what\nx,1\ny,2\na,\"q,3\nb,4\n").unwrap();
        let values: Vec<Vec<&str>> = (table.rows.iter())
            .map(|row| row.iter().map(|c| c.value.as_str()).collect())
            .collect();
        assert_eq!(values, [["x", "1"], ["y", "2"]]);
        assert_eq!(table.unclosed.map(|d| d.span), Some(Span::new(4, 3)));
    }

    proptest::proptest! {
        /// Whatever the text, parsing ends without a panic and every cell
        /// starts on a line of the text.
        #[test]
        fn any_text_is_parsed_with_cells_inside_it(text in "[a\",;\n\r әқ]{0,60}") {
            let lines = text.split('\n').count();
            if let Ok(t) = parse(Path::new("t.csv"), &text) {
                for cell in t.header.iter().chain(t.rows.iter().flatten()) {
                    proptest::prop_assert!(cell.span.line <= lines);
                }
            }
        }
    }

    #[test]
    fn long_cells_are_read_whole() {
        let long = "ә".repeat(10_000);
        let t = table(&format!("a,b\n{long},x\n"));
        assert_eq!(t.rows[0][0].value, long);
        assert_eq!(t.rows[0][1].span, Span::new(2, 10_002));
    }
}
