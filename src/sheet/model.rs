//! A workbook as plain data (cells, styles, merges, page setup) and the SHA-256 of its content, before any xlsx is written.

use rust_decimal::Decimal;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::str::FromStr;

/// What a cell holds. Numbers stay exact decimals until the xlsx writer turns them into the cell's number.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text, written as is.
    Text(String),
    /// An exact number.
    Number(Decimal),
    /// A formula and the result the program computed exactly, stored as the cell's cached value.
    Formula {
        /// The formula, without the leading `=`.
        formula: String,
        /// The value the program computed for it.
        result: FormulaResult,
    },
}

/// The cached value of a formula cell.
#[derive(Debug, Clone, PartialEq)]
pub enum FormulaResult {
    /// The formula yields a number.
    Number(Decimal),
    /// The formula yields text; an empty string where nothing applies.
    Text(String),
}

/// A cell's horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Left (text, the default).
    #[default]
    Left,
    /// Centred (headers, codes, marks).
    Center,
    /// Right (numbers).
    Right,
}

/// How a cell looks. Every cell is Times New Roman; `size` in points.
#[derive(Debug, Clone, Copy, PartialEq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "a cell's style is a set of independent on/off properties, as in xlsx"
)]
pub struct Style {
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// The font's size, in points.
    pub size: f64,
    /// The horizontal alignment.
    pub align: Align,
    /// A thin border on every side (the table's cells).
    pub border: bool,
    /// Long text wraps within the column (and the row grows to fit it).
    pub wrap: bool,
    /// Excel number format code; None is General.
    pub number_format: Option<&'static str>,
    /// A light fill for header rows.
    pub shaded: bool,
    /// Cells the unit fills in are left unlocked.
    pub input: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            bold: false,
            italic: false,
            size: 11.0,
            align: Align::Left,
            border: false,
            wrap: true,
            number_format: None,
            shaded: false,
            input: false,
        }
    }
}

/// One cell: its value (None: empty, styled only) and its style.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// What the cell holds; None for an empty cell that carries a style (a border).
    pub value: Option<Value>,
    /// How it looks.
    pub style: Style,
}

/// A merged range, inclusive, zero-based (row, column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    /// The top-left cell.
    pub first: (u32, u16),
    /// The bottom-right cell.
    pub last: (u32, u16),
}

/// A rule Excel checks while a person types into a cell range.
#[derive(Debug, Clone, PartialEq)]
pub enum Validation {
    /// A decimal number in [0, max].
    Score {
        /// The cell's row, zero-based.
        row: u32,
        /// The cell's column, zero-based.
        col: u16,
        /// The component's max points.
        max: Decimal,
    },
    /// One of a list of words.
    List {
        /// The cell's row, zero-based.
        row: u32,
        /// The cell's column, zero-based.
        col: u16,
        /// The words allowed (*Có*, *Không*).
        choices: Vec<&'static str>,
    },
}

/// One worksheet: its cells, merges, column widths and page setup.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// The sheet's name as Excel shows it on its tab (a unit code, within 31 characters).
    pub name: String,
    /// The cells that hold something or carry a style, by (row, column), zero-based.
    pub cells: BTreeMap<(u32, u16), Cell>,
    /// The merged ranges.
    pub merges: Vec<Merge>,
    /// Column widths in Excel's character units; a hidden column is still read back.
    pub widths: Vec<f64>,
    /// Columns that are not shown (the row codes the reader keys by).
    pub hidden_columns: Vec<u16>,
    /// Row heights in points, where set (by `fit_row`).
    pub row_heights: BTreeMap<u32, f64>,
    /// Header rows printed again at the top of every page.
    pub repeat_rows: Option<(u32, u32)>,
    /// Typing rules Excel checks in the cells the unit fills.
    pub validations: Vec<Validation>,
    /// The first row of the check block (hash and audit head); it and the rows after it are not content.
    pub check_row: Option<u32>,
    /// Shows a bloc not approved: every printed page's header says DỰ THẢO.
    pub draft: bool,
}

impl Sheet {
    /// An empty sheet with this name and these column widths.
    pub fn new(name: impl Into<String>, widths: Vec<f64>) -> Sheet {
        Sheet { name: name.into(), widths, ..Sheet::default() }
    }

    /// Sets a cell's value and style, replacing what it held.
    pub fn put(&mut self, row: u32, col: u16, value: Option<Value>, style: Style) {
        self.cells.insert((row, col), Cell { value, style });
    }

    /// Writes text into a cell; an empty text leaves the cell empty but styled.
    pub fn text(&mut self, row: u32, col: u16, text: impl Into<String>, style: Style) {
        let text = text.into();
        let value = (!text.is_empty()).then_some(Value::Text(text));
        self.put(row, col, value, style);
    }

    /// Writes an exact number into a cell; None leaves it empty but styled.
    pub fn number(&mut self, row: u32, col: u16, number: Option<Decimal>, style: Style) {
        self.put(row, col, number.map(Value::Number), style);
    }

    /// Merges a range and writes the text into its first cell; the other cells carry the style (borders).
    pub fn merged_text(&mut self, first: (u32, u16), last: (u32, u16), text: impl Into<String>, style: Style) {
        for row in first.0..=last.0 {
            for col in first.1..=last.1 {
                self.put(row, col, None, style);
            }
        }
        self.text(first.0, first.1, text, style);
        if first != last {
            self.merges.push(Merge { first, last });
        }
    }

    /// The last row that holds a cell (0 for an empty sheet).
    pub fn last_row(&self) -> u32 {
        self.cells.keys().map(|(row, _)| *row).max().unwrap_or(0)
    }

    /// The last column, from the widths.
    pub fn last_column(&self) -> u16 {
        col_at(self.widths.len()).saturating_sub(1)
    }

    /// Sets a row's height from the longest wrapped text in it, so the sheet prints without adjusting.
    pub fn fit_row(&mut self, row: u32) {
        let mut lines = 1usize;
        let mut size: f64 = 11.0;
        for ((r, col), cell) in self.cells.range((row, 0)..=(row, u16::MAX)) {
            debug_assert_eq!(*r, row);
            size = size.max(cell.style.size);
            let Some(Value::Text(text)) = &cell.value else { continue };
            let width = self.merged_width(row, *col);
            // Times New Roman at 11 pt fits about 1.2 characters per unit of column width.
            #[allow(
                clippy::cast_sign_loss,
                clippy::cast_possible_truncation,
                reason = "a column's width and a font's size are positive; a line holds a few hundred characters"
            )]
            let per_line = ((width * 1.2 * 11.0 / cell.style.size).floor() as usize).max(1);
            let needed: usize =
                text.split('\n').map(|line| line.chars().count().div_ceil(per_line).max(1)).sum::<usize>();
            if cell.style.wrap {
                lines = lines.max(needed);
            }
        }
        // Vietnamese stacks diacritics above the letters: a little more than the font size per line.
        self.row_heights.insert(row, (f64::from(row_at(lines)) * size * 1.4).max(15.0));
    }

    fn merged_width(&self, row: u32, col: u16) -> f64 {
        let last = self.merges.iter().find(|m| m.first == (row, col)).map(|m| m.last.1).unwrap_or(col);
        (col..=last).map(|c| self.widths.get(c as usize).copied().unwrap_or(8.0)).sum()
    }
}

/// A whole workbook, sheets in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Book {
    /// The worksheets, in order.
    pub sheets: Vec<Sheet>,
}

/// One cell's value as it reads back from the file, the unit of the content hash.
#[derive(Debug, Clone, PartialEq)]
pub enum Readback {
    /// A text cell.
    Text(String),
    /// A number cell, as Excel stores it (a double).
    Number(f64),
}

/// The canonical text of a workbook's content: for each sheet `sheet\t<name>`, then one line `<A1>\t<s|n>\t<value>`
/// per non-empty cell above its check block, in row then column order. Text is escaped (`\\`, `\n`, `\t`, `\r`);
/// numbers are the shortest text that reads back as the same double (what Excel stores), so a file and the
/// workbook it was written from give the same text.
pub fn canonical_text<'a>(sheets: impl IntoIterator<Item = (&'a str, Vec<((u32, u16), Readback)>)>) -> String {
    let mut out = String::new();
    for (name, cells) in sheets {
        let _ = writeln!(out, "sheet\t{}", escape(name));
        for ((row, col), value) in cells {
            match value {
                Readback::Text(text) if text.is_empty() => {}
                Readback::Text(text) => {
                    let _ = writeln!(out, "{}\ts\t{}", a1(row, col), escape(&text));
                }
                Readback::Number(number) => {
                    let _ = writeln!(out, "{}\tn\t{number}", a1(row, col));
                }
            }
        }
    }
    out
}

/// SHA-256 of a text, lowercase hex.
pub fn sha256_hex(text: &str) -> String {
    use std::fmt::Write;
    Sha256::digest(text.as_bytes()).iter().fold(String::with_capacity(64), |mut hex, byte| {
        let _ = write!(hex, "{byte:02x}");
        hex
    })
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\n', "\\n").replace('\t', "\\t").replace('\r', "\\r")
}

/// The double a decimal becomes in the cell: the nearest one, as Excel would read the decimal's text.
pub fn to_cell_number(value: Decimal) -> f64 {
    f64::from_str(&value.to_string()).unwrap_or(0.0)
}

impl Book {
    /// The SHA-256 of the canonical text of this workbook's content.
    pub fn content_hash(&self) -> String {
        sha256_hex(&self.canonical_text())
    }

    /// The canonical text of the workbook's content, which `content_hash` hashes (the format is described at
    /// [`canonical_text`]).
    pub fn canonical_text(&self) -> String {
        canonical_text(self.sheets.iter().map(|sheet| (sheet.name.as_str(), sheet.readback())))
    }
}

impl Sheet {
    /// The values as a spreadsheet program reads them back: text, numbers, formulas' cached results.
    fn readback(&self) -> Vec<((u32, u16), Readback)> {
        self.cells
            .iter()
            .filter(|((row, _), _)| self.check_row.is_none_or(|check| *row < check))
            .filter_map(|(position, cell)| {
                let value = match cell.value.as_ref()? {
                    Value::Text(text) | Value::Formula { result: FormulaResult::Text(text), .. } => {
                        Readback::Text(text.clone())
                    }
                    Value::Number(number) | Value::Formula { result: FormulaResult::Number(number), .. } => {
                        Readback::Number(to_cell_number(*number))
                    }
                };
                Some((*position, value))
            })
            .collect()
    }
}

/// A column index as the sheet counts columns. An index past `u16` (far past Excel's 16 384 columns) becomes
/// `u16::MAX`, which the writer refuses, rather than wrapping round onto another column.
pub fn col_at(index: impl TryInto<u16>) -> u16 {
    index.try_into().unwrap_or(u16::MAX)
}

/// A row offset as the sheet counts rows; past `u32` (Excel has 1 048 576 rows) it becomes `u32::MAX`, likewise.
pub fn row_at(index: impl TryInto<u32>) -> u32 {
    index.try_into().unwrap_or(u32::MAX)
}

/// `A1` reference of a zero-based cell (`rust_xlsxwriter`'s naming, the one the writer itself uses).
pub fn a1(row: u32, col: u16) -> String {
    rust_xlsxwriter::utility::row_col_to_cell(row, col)
}

/// A zero-based column's letters (`0` → `A`, `26` → `AA`): `rust_xlsxwriter`'s naming.
pub use rust_xlsxwriter::utility::column_number_to_name as column_letters;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_excel_letters() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(13, 4), "E14");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!((column_letters(701).as_str(), column_letters(702).as_str()), ("ZZ", "AAA"));
    }

    #[test]
    fn the_check_block_is_not_content() {
        let mut sheet = Sheet::new("stc", vec![10.0, 10.0]);
        sheet.text(0, 0, "Tiêu đề", Style::default());
        sheet.number(1, 1, Some(Decimal::new(35, 1)), Style::default());
        let before = Book { sheets: vec![sheet.clone()] }.content_hash();
        sheet.check_row = Some(5);
        sheet.text(5, 0, "Mã kiểm tra: …", Style::default());
        assert_eq!(Book { sheets: vec![sheet.clone()] }.content_hash(), before);
        sheet.number(1, 1, Some(Decimal::new(36, 1)), Style::default());
        assert_ne!(Book { sheets: vec![sheet] }.content_hash(), before);
    }

    #[test]
    fn canonical_text_reads_like_the_file() {
        let mut sheet = Sheet::new("a", vec![10.0]);
        sheet.text(0, 0, "x\ny", Style::default());
        sheet.number(1, 0, Some(Decimal::new(15, 1)), Style::default());
        assert_eq!(Book { sheets: vec![sheet] }.canonical_text(), "sheet\ta\nA1\ts\tx\\ny\nA2\tn\t1.5\n");
    }
}
