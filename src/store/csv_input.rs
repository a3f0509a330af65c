//! Reading a CSV file strictly: UTF-8, a header row, columns by name in any order, nothing unknown.

use super::error::{CsvProblem, Refused, Result, StoreError};
use crate::domain::validate::{TextKind, TextRefusal, check};
use std::collections::BTreeMap;
use std::path::Path;

/// A CSV file read whole, with each row's line number for error messages.
pub struct CsvTable {
    pub file: String,
    columns: BTreeMap<String, usize>,
    pub rows: Vec<(u64, csv::StringRecord)>,
}

/// Every cell as it is compared and stored: NFC (an NFD reference is the same document), and refused, naming the
/// line and the column, when it breaks the text rule of its column's kind (`validate::check`: a control
/// character, a length beyond the bound, a name or title of invisible characters or with a bidi control).
fn clean_record(
    record: &csv::StringRecord,
    (headers, names): (&csv::StringRecord, &Names),
    file: &str,
    line: u64,
) -> Result<csv::StringRecord> {
    let plain = |cell: &str| cell.bytes().all(|b| (0x20..0x7f).contains(&b));
    if record.iter().enumerate().all(|(index, cell)| plain(cell) && cell.len() <= names.kind(index).limit()) {
        return Ok(record.clone());
    }
    let mut cleaned = csv::StringRecord::with_capacity(record.as_slice().len(), record.len());
    for (index, cell) in record.iter().enumerate() {
        let cell = check(names.kind(index), cell).map_err(|why| {
            let column = headers.get(index).unwrap_or("?").to_string();
            // A value beyond its bound is named by its start only.
            let value = match why {
                TextRefusal::TooLong { .. } => format!("{}…", cell.chars().take(40).collect::<String>()),
                _ => cell.to_string(),
            };
            csv_error(file, line, CsvProblem::Cell { column, value, why })
        })?;
        cleaned.push_field(&cell);
    }
    Ok(cleaned)
}

/// Each header's name as the columns are matched (trimmed, lowercase) and the text rule of its kind, worked out
/// once for the file rather than for every cell of every row.
struct Names {
    names: Vec<String>,
    kinds: Vec<TextKind>,
}

impl Names {
    fn of(headers: &csv::StringRecord) -> Names {
        let names: Vec<String> = headers.iter().map(|header| header.trim().to_lowercase()).collect();
        let kinds = names.iter().map(|name| TextKind::of_column(name)).collect();
        Names { names, kinds }
    }

    /// The name of column `index` (`?` past the header row).
    fn name(&self, index: usize) -> &str {
        self.names.get(index).map_or("?", String::as_str)
    }

    /// The text rule of column `index` (a column without a header is held to the rule of no name).
    fn kind(&self, index: usize) -> TextKind {
        self.kinds.get(index).copied().unwrap_or_else(|| TextKind::of_column(""))
    }
}

/// The columns whose text may span lines (a quoted field with line breaks): the explanation, reason and title.
const TEXT_COLUMNS: [&str; 3] = ["explanation", "reason", "title"];

/// The physical line (1-based, as an editor numbers it: blank lines and CRLF counted as they are) of a byte offset.
struct PhysicalLines(Vec<usize>);

impl PhysicalLines {
    fn of(text: &str) -> PhysicalLines {
        PhysicalLines(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(at, _)| at).collect())
    }

    fn at(&self, byte: u64) -> u64 {
        let byte = usize::try_from(byte).unwrap_or(usize::MAX);
        self.0.partition_point(|&newline| newline < byte) as u64 + 1
    }
}

/// A line break inside a cell is allowed only in the text columns; elsewhere it is a quote left open, or a value
/// that spans rows, refused at the record's first line.
fn check_line_breaks(record: &csv::StringRecord, names: &Names, file: &str, line: u64) -> Result<()> {
    for (index, cell) in record.iter().enumerate() {
        let column = names.name(index);
        if (cell.contains('\n') || cell.contains('\r')) && !TEXT_COLUMNS.contains(&column) {
            let column = column.to_string();
            return Err(super::trust::TrustRefused::CsvLineBreak { file: file.to_string(), line, column }.into());
        }
    }
    Ok(())
}

/// The last record read must close every quote it opens: a quote left open swallows the rows after it.
fn check_quotes_closed(text: &str, start: u64, lines: &PhysicalLines, file: &str) -> Result<()> {
    let start = usize::try_from(start).unwrap_or(usize::MAX).min(text.len());
    match first_open_quote(&text[start..]) {
        Some(at) => {
            let line = lines.at((start + at) as u64);
            Err(super::trust::TrustRefused::CsvQuoteOpen { file: file.to_string(), line }.into())
        }
        None => Ok(()),
    }
}

/// Where the quote that is never closed opens (a doubled `""` inside a quoted field is a quote character).
fn first_open_quote(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut at, mut open) = (0, None);
    while at < bytes.len() {
        if bytes[at] == b'"' {
            match open {
                None => open = Some(at),
                Some(_) if bytes.get(at + 1) == Some(&b'"') => at += 1,
                Some(_) => open = None,
            }
        }
        at += 1;
    }
    open
}

/// A CSV file's own problem at a line.
fn csv_error(file: &str, line: u64, problem: CsvProblem) -> StoreError {
    StoreError::from(Refused::Csv { file: file.to_string(), line, problem })
}

impl CsvTable {
    /// Reads the file; `required` columns must be present, `optional` ones may be, others are refused.
    pub fn read(path: &Path, required: &[&str], optional: &[&str]) -> Result<CsvTable> {
        let file =
            path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
        let bytes = super::paths::read_input(path)?;
        let text = String::from_utf8(bytes).map_err(|e| {
            #[allow(clippy::naive_bytecount, reason = "once, for an error message: not worth the bytecount crate")]
            let line = e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            csv_error(&file, line as u64, CsvProblem::NotUtf8)
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        // Excel in a Vietnamese locale (decimal comma) saves CSV with ';' between fields.
        let header = text.lines().next().unwrap_or("");
        let delimiter = if header.contains(';') && !header.contains(',') { b';' } else { b',' };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .delimiter(delimiter)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| csv_error(&file, 1, CsvProblem::Header(e.to_string())))?.clone();
        let mut columns = BTreeMap::new();
        for (index, header) in headers.iter().enumerate() {
            let name = header.trim().to_lowercase();
            if !required.contains(&name.as_str()) && !optional.contains(&name.as_str()) {
                let mut known: Vec<String> = required.iter().chain(optional).map(ToString::to_string).collect();
                known.sort();
                return Err(csv_error(&file, 1, CsvProblem::UnknownColumn { column: header.to_string(), known }));
            }
            if columns.insert(name.clone(), index).is_some() {
                return Err(csv_error(&file, 1, CsvProblem::ColumnTwice { column: name }));
            }
        }
        if let Some(missing) = required.iter().find(|column| !columns.contains_key(**column)) {
            return Err(csv_error(&file, 1, CsvProblem::MissingColumn { column: missing.to_string() }));
        }
        let lines = PhysicalLines::of(text);
        let names = Names::of(&headers);
        let mut rows = Vec::new();
        let mut last_start = None;
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, |p| lines.at(p.byte()));
                csv_error(&file, line, CsvProblem::Unreadable(e.to_string()))
            })?;
            // The reader's position is where it began looking, before the blank lines it skipped.
            let mut start = record.position().map_or(0, csv::Position::byte);
            while matches!(text.as_bytes().get(usize::try_from(start).unwrap_or(usize::MAX)), Some(b'\r' | b'\n')) {
                start += 1;
            }
            let line = lines.at(start);
            last_start = Some(start);
            if record.iter().all(str::is_empty) {
                continue;
            }
            check_line_breaks(&record, &names, &file, line)?;
            rows.push((line, clean_record(&record, (&headers, &names), &file, line)?));
        }
        if let Some(start) = last_start {
            check_quotes_closed(text, start, &lines, &file)?;
        }
        Ok(CsvTable { file, columns, rows })
    }

    /// Plans every row of an import in file order, the one loop the five CSV imports share: `plan` reads a row
    /// (its line, as an editor numbers it, and its record) and returns what the row will write, None when nothing;
    /// `seen` is what the rows before it named (`plan` refuses a key met twice, naming the first line). The first
    /// refusal stops the reading, naming its line: nothing is written.
    pub fn plan<S: Default, T>(
        &self,
        mut plan: impl FnMut(u64, &csv::StringRecord, &mut S) -> Result<Option<T>>,
    ) -> Result<Vec<(u64, T)>> {
        let mut seen = S::default();
        let mut planned = Vec::with_capacity(self.rows.len());
        for (line, record) in &self.rows {
            if let Some(row) = plan(*line, record, &mut seen)? {
                planned.push((*line, row));
            }
        }
        Ok(planned)
    }

    /// The cell of a column in a row, empty when the column is absent.
    pub fn cell<'r>(&self, record: &'r csv::StringRecord, column: &str) -> &'r str {
        self.columns.get(column).and_then(|&index| record.get(index)).unwrap_or("")
    }

    /// A value of a row its user may not write.
    pub fn refused(
        &self,
        line: u64,
        column: &str,
        (unit, item): (&str, super::RowItem),
        value: &str,
        refusal: crate::domain::permissions::Refusal,
    ) -> StoreError {
        StoreError::RowRefused(Box::new(super::RowRefused {
            file: self.file.clone(),
            line,
            column: column.to_string(),
            unit: unit.into(),
            item,
            value: value.to_string(),
            refusal,
        }))
    }

    /// A fault of a row, in one of its columns when it is about one: `file:line: column c: …`.
    pub fn fault(&self, line: u64, column: Option<&str>, fault: super::RowFault) -> StoreError {
        fault.at(super::RowPlace::Line { file: self.file.clone(), line }, column)
    }

    /// A refusal of the store met at a row, named at the row's line; any other error as it is.
    pub fn at_line(&self, line: u64, error: StoreError) -> StoreError {
        match error {
            StoreError::Refused(why) => self.fault(line, None, super::RowFault::Refused(why)),
            other => other,
        }
    }
}
