//! Reading .xlsx back (calamine): the content hash of any export, and a unit's self-assessment from its score sheet, strictly.

use super::SheetError;
use super::layout::{
    APPLICABLE_NO, APPLICABLE_YES, AUDIT_MARKER, CHECK_MARKER, Column, EVIDENCE_HEADERS, EVIDENCE_TITLE,
    FIRST_TABLE_ROW, FRAMEWORK_ROW, HEADER_ROW, Layout, META_ROW, Meta, PlannedRow, SOURCE_ROW, TITLE_ROW, TOTAL_CODE,
    plan_rows,
};
use super::model::{Readback, a1, canonical_text, col_at, column_letters, row_at, to_cell_number};
use crate::domain::evaluate::{Round, UnitRecord};
use crate::domain::evidence::{EvidenceRow, SheetAssessment, SheetScore};
use crate::domain::framework::Framework;
use crate::domain::regulation::Regulation;
use crate::domain::score::parse_score;
use crate::domain::scoring::ComponentScore;
use crate::domain::validate::clean_line;
use crate::store::dates::parse_date;
use crate::store::{FileFault, Oversize, RowFault, SheetItem};
use calamine::{Data, DataRef, Dimensions, Reader, Xlsx, open_workbook};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::str::FromStr;
use unicode_normalization::UnicodeNormalization;

/// What a workbook may hold. The largest files the program writes are those of a round of 10 000 units (the
/// largest it is built for; measured at 1 000 units and scaled): every unit's score sheet in one workbook (about
/// 75 MB, 10 000 sheets, 540 MB of XML, 6 million cells) and the council's result (one sheet of 128 MB of XML);
/// a score sheet alone is a few hundred rows of at most 14 columns and under a hundred merged ranges. A file
/// beyond these is refused before it is unpacked, or at the first cell beyond them, so a small hostile file (one
/// cell at XFD1048576, a zip bomb) costs neither time nor memory.
pub mod limits {
    /// The file on disk.
    pub const FILE_BYTES: u64 = 128 << 20;
    /// Parts (files) in the .xlsx package.
    pub const PARTS: u64 = 40_000;
    /// One part, uncompressed (a worksheet's XML, the shared strings).
    pub const PART_BYTES: u64 = 256 << 20;
    /// Every part together, uncompressed.
    pub const TOTAL_BYTES: u64 = 1 << 30;
    /// Worksheets: one score sheet per unit.
    pub const SHEETS: usize = 10_000;
    /// Columns a cell may stand in (A … BL); the program writes at most 14.
    pub const COLUMNS: u32 = 64;
    /// Rows, as in Excel.
    pub const ROWS: u32 = 1_048_576;
    /// Non-empty cells in the whole workbook.
    pub const CELLS: usize = 8_000_000;
    /// Text held by those cells together.
    pub const TEXT_BYTES: usize = 512 << 20;
    /// Merged ranges in one sheet.
    pub const MERGES: usize = 10_000;
    /// How many times its packed size a part may unpack to, once it unpacks beyond `RATIO_FROM` bytes: the
    /// program's own parts stay under 100 times; deflate's most is about 1 000 times (a zip bomb).
    pub const RATIO: u64 = 300;
    /// Parts smaller than this unpacked are not held to `RATIO`.
    pub const RATIO_FROM: u64 = 1 << 20;
    /// Packed bytes per worksheet below which a workbook of many sheets is refused before any is read: a score
    /// sheet the program writes packs to several kilobytes (75 MB for 10 000 sheets).
    pub const SHEET_BYTES: u64 = 256;
    /// Worksheets a workbook may hold whatever its size (a few empty sheets a person added).
    pub const SMALL_BOOK_SHEETS: u64 = 16;
}

/// One worksheet as read: its non-empty values (formulas by their cached results) in row and column order,
/// which cells hold a formula or a percent format, and its merged ranges. Only cells that hold something are
/// kept, so memory follows what the file holds, never the rectangle it claims.
pub struct RawSheet {
    /// The worksheet's name.
    pub name: String,
    cells: Vec<((u32, u16), Data)>,
    formulas: Vec<(u32, u16)>,
    percent: Vec<(u32, u16)>,
    /// Its merged ranges.
    pub merges: Vec<Dimensions>,
}

/// A workbook as read from an .xlsx file: its worksheets, in order.
pub struct RawBook {
    /// The worksheets, in order.
    pub sheets: Vec<RawSheet>,
}

/// `A1` of any position a file may name, even one beyond the columns a sheet may use.
fn cell_name(row: u32, col: u32) -> String {
    match u16::try_from(col) {
        Ok(col) => a1(row, col),
        Err(_) => format!("R{}C{}", u64::from(row) + 1, u64::from(col) + 1),
    }
}

fn too_large(what: Oversize) -> SheetError {
    SheetError::workbook(FileFault::TooLarge { what })
}

#[allow(clippy::needless_pass_by_value, reason = "called as `map_err(not_xlsx)` with errors of several types")]
fn not_xlsx(why: impl ToString) -> SheetError {
    SheetError::workbook(FileFault::NotXlsx { why: why.to_string() })
}

/// The number of parts an .xlsx package declares, read from its end-of-central-directory record before the
/// zip reader builds its index (whose size follows that number).
fn declared_parts(file: &mut std::fs::File, size: u64) -> std::io::Result<Option<u64>> {
    let tail = size.min(22 + 65_535);
    file.seek(SeekFrom::Start(size - tail))?;
    let mut bytes = Vec::new();
    file.take(tail).read_to_end(&mut bytes)?;
    let Some(at) = bytes.windows(4).rposition(|w| w == [0x50, 0x4b, 0x05, 0x06]) else { return Ok(None) };
    let field =
        |offset: usize| bytes.get(at + offset..at + offset + 2).map(|b| u64::from(u16::from_le_bytes([b[0], b[1]])));
    Ok(field(10))
}

/// Refuses a package that is too large, has too many parts, or a part that unpacks beyond the limits, before
/// anything is unpacked. The sizes checked are the ones the zip reader then enforces while unpacking.
pub(crate) fn check_package(path: &Path) -> Result<(), SheetError> {
    let mut file = std::fs::File::open(path).map_err(not_xlsx)?;
    let size = file.metadata().map_err(not_xlsx)?.len();
    if size > limits::FILE_BYTES {
        return Err(too_large(Oversize::File { megabytes: size >> 20, limit: limits::FILE_BYTES >> 20 }));
    }
    if let Some(parts) = declared_parts(&mut file, size).map_err(not_xlsx)?
        && parts > limits::PARTS
    {
        return Err(too_large(Oversize::DeclaredParts { parts, limit: limits::PARTS }));
    }
    file.seek(SeekFrom::Start(0)).map_err(not_xlsx)?;
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(not_xlsx)?;
    if archive.len() as u64 > limits::PARTS {
        return Err(too_large(Oversize::Parts { parts: archive.len() as u64, limit: limits::PARTS }));
    }
    let mut total: u64 = 0;
    let mut sheets: u64 = 0;
    for index in 0..archive.len() {
        let part = archive.by_index_raw(index).map_err(not_xlsx)?;
        let unpacked = part.size();
        let name = part.name().unwrap_or_default();
        if name.starts_with("xl/worksheets/") && name.ends_with(".xml") && !name.contains("/_rels/") {
            sheets += 1;
        }
        if unpacked > limits::RATIO_FROM && unpacked / part.compressed_size().max(1) > limits::RATIO {
            return Err(too_large(Oversize::Ratio {
                part: name.to_string(),
                ratio: unpacked / part.compressed_size().max(1),
                limit: limits::RATIO,
            }));
        }
        if unpacked > limits::PART_BYTES {
            return Err(too_large(Oversize::Part {
                part: part.name().unwrap_or_default().to_string(),
                megabytes: unpacked >> 20,
                limit: limits::PART_BYTES >> 20,
            }));
        }
        total = total.saturating_add(unpacked);
        if total > limits::TOTAL_BYTES {
            return Err(too_large(Oversize::Unpacked { limit: limits::TOTAL_BYTES >> 20 }));
        }
    }
    if sheets > limits::SHEETS as u64 {
        return Err(too_large(Oversize::Sheets {
            sheets: usize::try_from(sheets).unwrap_or(usize::MAX),
            limit: limits::SHEETS,
        }));
    }
    if sheets > limits::SMALL_BOOK_SHEETS && size / sheets < limits::SHEET_BYTES {
        return Err(too_large(Oversize::SparseSheets { sheets, kilobytes: size >> 10, limit: limits::SHEET_BYTES }));
    }
    Ok(())
}

/// What the sheets read so far hold, against the workbook's limits.
#[derive(Default)]
struct Budget {
    cells: usize,
    text: usize,
}

fn read_sheet<RS: Read + Seek>(
    workbook: &mut Xlsx<RS>,
    name: &str,
    budget: &mut Budget,
) -> Result<RawSheet, SheetError> {
    let whole = |fault: FileFault| SheetError::sheet(name, fault);
    let unreadable = |e: calamine::XlsxError| whole(FileFault::SheetUnreadable { why: e.to_string() });
    let mut cells = Vec::new();
    let mut formulas = Vec::new();
    {
        let mut reader = workbook.worksheet_cells_reader(name).map_err(unreadable)?;
        while let Some(cell) = reader.next_cell_with_formula_metadata().map_err(unreadable)? {
            let (row, col) = cell.pos;
            let has_formula = cell.formula.is_some();
            if matches!(cell.value, DataRef::Empty) && !has_formula {
                continue;
            }
            if col >= limits::COLUMNS || row >= limits::ROWS {
                return Err(whole(FileFault::BeyondRange {
                    cell: cell_name(row, col),
                    last_column: column_letters(col_at(limits::COLUMNS) - 1),
                    rows: limits::ROWS,
                }));
            }
            let position = (row, col_at(col));
            if has_formula {
                formulas.push(position);
            }
            let value: Data = cell.value.into();
            if let Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) = &value {
                budget.text += text.len();
            }
            if !matches!(value, Data::Empty) {
                cells.push((position, value));
                budget.cells += 1;
            }
            if budget.cells > limits::CELLS || budget.text > limits::TEXT_BYTES {
                return Err(too_large(Oversize::Cells {
                    sheet: name.to_string(),
                    cells: limits::CELLS,
                    megabytes: limits::TEXT_BYTES >> 20,
                }));
            }
        }
    }
    let mut percent = Vec::new();
    {
        let mut reader = workbook.worksheet_cells_reader(name).map_err(unreadable)?;
        while let Some((row, col, style)) = reader.next_style_id().map_err(unreadable)? {
            let is_percent = reader
                .styles()
                .get(style)
                .and_then(|style| style.number_format.as_ref())
                .is_some_and(|format| format.format_code.contains('%'));
            if is_percent && col < limits::COLUMNS && row < limits::ROWS {
                percent.push((row, col_at(col)));
            }
        }
    }
    let merges = workbook.merge_cells_by_sheet_name(name).map_err(unreadable)?;
    if merges.len() > limits::MERGES {
        return Err(too_large(Oversize::Merges { sheet: name.to_string(), limit: limits::MERGES }));
    }
    // Rows come in order in every file a spreadsheet program writes; a file that shuffles them is read the same.
    cells.sort_by_key(|(position, _)| *position);
    cells.dedup_by_key(|(position, _)| *position);
    formulas.sort_unstable();
    percent.sort_unstable();
    Ok(RawSheet { name: name.to_string(), cells, formulas, percent, merges })
}

impl RawBook {
    /// Reads every sheet of a workbook, refusing one beyond `limits` before holding it in memory.
    pub fn open(path: &Path) -> Result<RawBook, SheetError> {
        check_package(path)?;
        let mut workbook: Xlsx<_> = open_workbook(path).map_err(not_xlsx)?;
        let names = workbook.sheet_names();
        if names.len() > limits::SHEETS {
            return Err(too_large(Oversize::Sheets { sheets: names.len(), limit: limits::SHEETS }));
        }
        let mut budget = Budget::default();
        let mut sheets = Vec::new();
        for name in names {
            sheets.push(read_sheet(&mut workbook, &name, &mut budget)?);
        }
        Ok(RawBook { sheets })
    }

    /// The hash and audit head stated in the check block of the first sheet that has one.
    pub fn check_block(&self) -> Result<(String, Option<String>), SheetError> {
        for sheet in &self.sheets {
            let Some(row) = sheet.check_row() else { continue };
            let text = sheet.text(row, 0).unwrap_or_default();
            let line = |marker: &str| {
                text.lines().find_map(|line| line.strip_prefix(marker)).map(|rest| rest.trim().to_string())
            };
            let hash = line(CHECK_MARKER).unwrap_or_default();
            let head = line(AUDIT_MARKER).filter(|h| h.len() == 64 && h.chars().all(|c| c.is_ascii_hexdigit()));
            return Ok((hash, head));
        }
        Err(SheetError::workbook(FileFault::NoCheckBlock { marker: CHECK_MARKER.to_string() }))
    }

    /// The canonical text of the content, as `model::canonical_text` defines it.
    pub fn canonical_text(&self) -> String {
        canonical_text(self.sheets.iter().map(|sheet| (sheet.name.as_str(), sheet.readback())))
    }

    /// The units of the score sheets in this workbook, in sheet order; empty when none is a score sheet.
    pub fn score_sheet_units(&self) -> Vec<crate::domain::code::UnitCode> {
        self.sheets.iter().filter_map(RawSheet::meta).map(|meta| meta.unit).collect()
    }
}

impl RawSheet {
    fn value(&self, row: u32, col: u16) -> &Data {
        match self.cells.binary_search_by_key(&(row, col), |(position, _)| *position) {
            Ok(index) => &self.cells[index].1,
            Err(_) => &Data::Empty,
        }
    }

    /// Whether the cell holds a formula (its value is then the cached result the file states).
    fn is_formula(&self, row: u32, col: u16) -> bool {
        self.formulas.binary_search(&(row, col)).is_ok()
    }

    /// The last row that holds a value.
    fn last_row(&self) -> Option<u32> {
        self.cells.last().map(|((row, _), _)| *row)
    }

    /// The cell as text: strings trimmed, numbers written back; None when empty.
    pub fn text(&self, row: u32, col: u16) -> Option<String> {
        match self.value(row, col) {
            // NFC, as every text is compared and stored: an NFD reference is the same document.
            Data::String(text) => Some(text.trim().nfc().collect::<String>()).filter(|t| !t.is_empty()),
            Data::Float(number) => Some(format!("{number}")),
            Data::Int(number) => Some(number.to_string()),
            Data::Bool(value) => Some(value.to_string()),
            Data::DateTimeIso(text) | Data::DurationIso(text) => Some(text.clone()),
            Data::DateTime(date) => Some(format!("{}", date.as_f64())),
            Data::Error(error) => Some(format!("#{error:?}")),
            Data::Empty => None,
        }
    }

    fn meta(&self) -> Option<Meta> {
        Meta::parse(&self.text(META_ROW, 0)?)
    }

    /// The unit code the sheet's small meta line names, if it has one.
    pub fn unit_named(&self) -> Option<crate::domain::code::UnitCode> {
        self.meta().map(|meta| meta.unit)
    }

    /// The first row of the check block, if the sheet has one.
    fn check_row(&self) -> Option<u32> {
        self.cells.iter().find_map(|((row, col), value)| {
            (*col == 0 && matches!(value, Data::String(text) if text.starts_with(CHECK_MARKER))).then_some(*row)
        })
    }

    fn readback(&self) -> Vec<((u32, u16), Readback)> {
        let check = self.check_row();
        self.cells
            .iter()
            .filter(|((row, _), _)| check.is_none_or(|check| *row < check))
            .filter_map(|(position, value)| {
                let value = match value {
                    Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
                        Readback::Text(text.clone())
                    }
                    Data::Float(number) => Readback::Number(*number),
                    Data::Int(number) => Readback::Number(excel_number(*number)),
                    Data::Bool(value) => Readback::Text(value.to_string()),
                    Data::DateTime(date) => Readback::Number(date.as_f64()),
                    Data::Error(error) => Readback::Text(format!("#{error:?}")),
                    Data::Empty => return None,
                };
                Some((*position, value))
            })
            .collect()
    }

    /// A merged range of more than one cell that covers this cell.
    fn merge_at(&self, row: u32, col: u16) -> Option<&Dimensions> {
        self.merges.iter().find(|m| m.len() > 1 && m.contains(row, u32::from(col)))
    }

    fn is_percent(&self, row: u32, col: u16) -> bool {
        self.percent.binary_search(&(row, col)).is_ok()
    }

    /// Refuses a formula in a cell the unit fills: its value would be whatever the file caches, true or not.
    fn refuse_formula(&self, row: u32, col: u16, what: SheetItem) -> Result<(), SheetError> {
        if self.is_formula(row, col) {
            return Err(self.error(row, col, FileFault::Formula { what }));
        }
        Ok(())
    }

    fn error(&self, row: u32, col: u16, fault: impl Into<RowFault>) -> SheetError {
        SheetError { sheet: Some(self.name.clone()), cell: Some(a1(row, col)), fault: Box::new(fault.into()) }
    }
}

/// How a score cell reads: points, a percentage of plan, or nothing.
enum ScoreCell {
    Empty,
    Points(Decimal),
    Percent(Decimal),
}

/// Turns the double in a cell into the decimal a person typed: through its shortest text, never by arithmetic.
fn decimal_of(number: f64) -> Option<Decimal> {
    Decimal::from_str(&format!("{number}")).ok()
}

fn read_score_cell(sheet: &RawSheet, row: u32, col: u16, what: &SheetItem) -> Result<ScoreCell, SheetError> {
    if sheet.merge_at(row, col).is_some() {
        return Err(sheet.error(row, col, FileFault::MergedScore { what: what.clone() }));
    }
    sheet.refuse_formula(row, col, what.clone())?;
    let number = match sheet.value(row, col) {
        Data::Empty => return Ok(ScoreCell::Empty),
        Data::String(text) if text.trim().is_empty() => return Ok(ScoreCell::Empty),
        Data::String(text) => {
            return Err(sheet.error(row, col, FileFault::TextScore { what: what.clone(), text: text.clone() }));
        }
        Data::Float(number) => *number,
        Data::Int(number) => excel_number(*number),
        other => {
            return Err(sheet.error(
                row,
                col,
                FileFault::OtherScore { what: what.clone(), value: format!("{other:?}") },
            ));
        }
    };
    let value = decimal_of(number).ok_or_else(|| {
        sheet.error(row, col, FileFault::NotAScore { what: what.clone(), number: number.to_string() })
    })?;
    if sheet.is_percent(row, col) {
        Ok(ScoreCell::Percent(value * Decimal::ONE_HUNDRED))
    } else {
        Ok(ScoreCell::Points(value))
    }
}

/// Reads one unit's score sheet against its framework; any difference from the layout refuses the whole sheet.
/// `council_columns`: compare the council's columns with the database (the council's import); a unit's focal
/// person's sheet is never compared with what the council holds, and its council columns are not read.
pub fn parse_unit_sheet(
    sheet: &RawSheet,
    regulation: &Regulation,
    round: &Round,
    council_columns: bool,
) -> Result<SheetAssessment, SheetError> {
    let meta = sheet
        .meta()
        .ok_or_else(|| SheetError::sheet(&sheet.name, FileFault::NotAScoreSheet { cell: a1(META_ROW, 0) }))?;
    let meta_cell = |fault: RowFault| sheet.error(META_ROW, 0, fault);
    if meta.regulation != regulation.id {
        let fault = FileFault::WrongRegulation { sheet: meta.regulation.clone(), round: regulation.id.clone() };
        return Err(meta_cell(fault.into()));
    }
    if meta.year != round.year {
        return Err(meta_cell(FileFault::WrongYear { sheet: meta.year, round: round.year }.into()));
    }
    let unit = round
        .units
        .iter()
        .find(|u| u.code == meta.unit)
        .ok_or_else(|| meta_cell(RowFault::UnknownUnit { code: meta.unit.to_string() }))?;
    let framework = regulation
        .framework_for(&unit.bloc, unit.group.as_deref())
        .ok_or_else(|| meta_cell(FileFault::NoFramework { unit: unit.code.clone() }.into()))?;
    if meta.framework != framework.key {
        return Err(meta_cell(
            FileFault::WrongFramework {
                sheet: meta.framework.clone(),
                unit: unit.code.clone(),
                framework: framework.key.clone(),
            }
            .into(),
        ));
    }
    // The unit's own sheet (written before approval) has none of the council's columns.
    let full = Layout::for_regulation(regulation);
    let appraised_header = full.col(Column::Appraised).and_then(|c| sheet.text(HEADER_ROW, c));
    let layout = if full.col(Column::Appraised).is_some() && appraised_header.as_deref() != Some("Điểm thẩm định")
    {
        Layout::for_unit(regulation)
    } else {
        full
    };
    check_fixed_text(sheet, &layout, framework, round.year)?;
    let scores = read_table(sheet, &layout, regulation, unit, framework, council_columns)?;
    let evidence = read_evidence(sheet, &layout, unit, framework)?;
    Ok(SheetAssessment { sheet: sheet.name.clone(), unit: unit.code.clone(), scores, evidence })
}

fn expect_text(sheet: &RawSheet, row: u32, col: u16, expected: &str, what: SheetItem) -> Result<(), SheetError> {
    let found = sheet.text(row, col).unwrap_or_default();
    if found != expected.trim() {
        return Err(sheet.error(row, col, FileFault::TextChanged { what, found, expected: expected.to_string() }));
    }
    Ok(())
}

fn check_fixed_text(sheet: &RawSheet, layout: &Layout, framework: &Framework, year: i32) -> Result<(), SheetError> {
    // A sheet of a bloc not yet approved says so in its title.
    if sheet.text(TITLE_ROW, 0).as_deref() != Some(layout.draft_title(year).as_str()) {
        expect_text(sheet, TITLE_ROW, 0, &layout.title(year), SheetItem::Title)?;
    }
    expect_text(sheet, FRAMEWORK_ROW, 0, &framework.title, SheetItem::FrameworkTitle)?;
    let source = sheet.text(SOURCE_ROW, 0).unwrap_or_default();
    if !source.contains(&framework.source) {
        let fault = FileFault::SourceChanged { found: source, expected: framework.source.clone() };
        return Err(sheet.error(SOURCE_ROW, 0, fault));
    }
    for (index, spec) in layout.columns.iter().enumerate() {
        let row = if matches!(spec.column, Column::Grade(_)) { HEADER_ROW + 1 } else { HEADER_ROW };
        expect_text(sheet, row, col_at(index), &spec.header, SheetItem::Header)?;
    }
    Ok(())
}

fn read_table(
    sheet: &RawSheet,
    layout: &Layout,
    regulation: &Regulation,
    unit: &UnitRecord,
    framework: &Framework,
    council_columns: bool,
) -> Result<Vec<SheetScore>, SheetError> {
    let planned = plan_rows(regulation, framework);
    let code_col = layout.col(Column::Code).unwrap_or(0);
    let table = Table { sheet, layout, regulation, unit, code_col, council_columns };
    let mut scores = Vec::new();
    for (index, plan) in planned.iter().enumerate() {
        let row = FIRST_TABLE_ROW.saturating_add(row_at(index));
        table.check_row_place(row, &planned, index)?;
        table.check_row_labels(row, plan)?;
        if plan.kind.is_scored()
            && let Some(score) = table.read_scored_row(row, plan)?
        {
            scores.push(score);
        }
    }
    table.check_total_row(FIRST_TABLE_ROW.saturating_add(row_at(planned.len())), framework)?;
    Ok(scores)
}

/// The appendix's table of one unit's score sheet, read row by row against the planned rows.
struct Table<'a> {
    sheet: &'a RawSheet,
    layout: &'a Layout,
    regulation: &'a Regulation,
    unit: &'a UnitRecord,
    /// The hidden column that keys each row by its criterion's code.
    code_col: u16,
    /// Compare the council's columns with the database (not for a unit's focal person).
    council_columns: bool,
}

impl Table<'_> {
    fn code_at(&self, row: u32) -> String {
        self.sheet.text(row, self.code_col).unwrap_or_default()
    }

    /// The row holds the planned criterion, or the sheet says whether a row was added, removed or changed.
    fn check_row_place(&self, row: u32, planned: &[PlannedRow], index: usize) -> Result<(), SheetError> {
        let plan = &planned[index];
        let found = self.code_at(row);
        if found == plan.code {
            return Ok(());
        }
        let fault = if self.code_at(row + 1) == plan.code {
            FileFault::ExtraRow { row: row + 1, code: plan.code.clone() }
        } else if let Some(later) = planned[index..].iter().position(|p| p.code == found).filter(|_| !found.is_empty())
        {
            let missing = planned[index..index + later].iter().map(|p| p.code.clone()).collect();
            FileFault::MissingRows { missing, found }
        } else {
            FileFault::ChangedRow { code: plan.code.clone(), name: plan.name.clone(), found }
        };
        Err(self.sheet.error(row, self.code_col, fault))
    }

    /// The row's number, name and max read as the appendix has them.
    fn check_row_labels(&self, row: u32, plan: &PlannedRow) -> Result<(), SheetError> {
        let (sheet, col) = (self.sheet, |column: Column| self.layout.col(column));
        let (unit, code) = (self.unit.code.clone(), plan.code.clone());
        if let Some(c) = col(Column::Stt) {
            expect_text(sheet, row, c, &plan.stt, SheetItem::Stt { unit: unit.clone(), code: code.clone() })?;
        }
        if let Some(c) = col(Column::Name) {
            expect_text(sheet, row, c, &plan.name, SheetItem::Name { unit: unit.clone(), code: code.clone() })?;
        }
        if let Some(c) = col(Column::Max) {
            let max = match sheet.value(row, c) {
                Data::Float(number) => decimal_of(*number),
                Data::Int(number) => Some(Decimal::from(*number)),
                _ => None,
            };
            if max.map(|m| m.normalize()) != Some(plan.max.normalize()) {
                let found = sheet.text(row, c).unwrap_or_default();
                let max = plan.max.normalize().to_string();
                return Err(sheet.error(row, c, FileFault::MaxChanged { unit, code, found, max }));
            }
        }
        Ok(())
    }

    /// What the unit filled in on a scored row: its self-score, whether the item applies, its explanation; the
    /// council's columns must read as exported. None when the layout has no self-score column.
    fn read_scored_row(&self, row: u32, plan: &PlannedRow) -> Result<Option<SheetScore>, SheetError> {
        let (sheet, col) = (self.sheet, |column: Column| self.layout.col(column));
        let Some(self_col) = col(Column::SelfScore) else { return Ok(None) };
        let (unit, code) = (self.unit.code.clone(), plan.code.clone());
        let what = SheetItem::SelfScore { unit: unit.clone(), code: code.clone() };
        let score = |value, percent| {
            let at = (row, self_col);
            checked_score(sheet, at, (&unit, &code), self.regulation, plan.max, value, percent)
        };
        let self_score = match read_score_cell(sheet, row, self_col, &what)? {
            ScoreCell::Empty => None,
            ScoreCell::Points(points) => Some(score(points, false)?),
            ScoreCell::Percent(percent) => Some(score(percent, true)?),
        };
        let applicable = match col(Column::Applicable) {
            None => None,
            Some(c) => read_applicable(sheet, row, c, (&unit, &code))?,
        };
        if applicable == Some(false) && self_score.is_some() {
            let fault = FileFault::NotApplicableScored { unit, code, yes: APPLICABLE_YES.to_string() };
            return Err(sheet.error(row, self_col, fault));
        }
        if self.council_columns {
            self.check_council_columns(row, plan)?;
        }
        if let Some(c) = col(Column::Explanation) {
            sheet.refuse_formula(row, c, SheetItem::Explanation { unit, code })?;
        }
        let explanation = col(Column::Explanation).and_then(|c| sheet.text(row, c));
        Ok(Some(SheetScore { code: plan.code.clone(), cell: a1(row, self_col), self_score, explanation, applicable }))
    }

    /// The council's columns are not imported; a value there that differs from the database is a mistake.
    fn check_council_columns(&self, row: u32, plan: &PlannedRow) -> Result<(), SheetError> {
        let (sheet, col) = (self.sheet, |column: Column| self.layout.col(column));
        let missing = ComponentScore::default();
        let entry = self.unit.entries.get(&plan.code).unwrap_or(&missing);
        if let Some(c) = col(Column::Appraised) {
            let appraised = match sheet.value(row, c) {
                Data::Float(number) => Some(*number),
                Data::Int(number) => Some(excel_number(*number)),
                Data::Empty => None,
                Data::String(text) if text.trim().is_empty() => None,
                _ => Some(f64::NAN),
            };
            let stored = entry.effective_appraised();
            if let Some(value) = appraised
                && stored.map(to_cell_number) != Some(value)
            {
                return Err(sheet.error(
                    row,
                    c,
                    FileFault::CouncilScore {
                        unit: self.unit.code.clone(),
                        code: plan.code.clone(),
                        column: column_letters(c),
                        found: sheet.text(row, c).unwrap_or_default(),
                        stored: stored.map(|s| s.normalize().to_string()),
                    },
                ));
            }
        }
        if let Some(c) = col(Column::Reason)
            && let Some(reason) = sheet.text(row, c)
            && reason != entry.deduction_reason.trim()
        {
            let (unit, code) = (self.unit.code.clone(), plan.code.clone());
            return Err(sheet.error(row, c, FileFault::CouncilReason { unit, code, column: column_letters(c) }));
        }
        Ok(())
    }

    /// The total follows the last planned row; anything else there is a row the appendix does not have.
    fn check_total_row(&self, total_row: u32, framework: &Framework) -> Result<(), SheetError> {
        let found = self.code_at(total_row);
        if found == TOTAL_CODE {
            return Ok(());
        }
        let fault = if found.is_empty() || !found.contains('.') && framework.criterion(&found).is_none() {
            FileFault::TotalExpected { row: total_row + 1, total: super::layout::TOTAL_LABEL.to_string() }
        } else {
            FileFault::RowNotInFramework { row: total_row + 1, code: found }
        };
        Err(self.sheet.error(total_row, self.code_col, fault))
    }
}

/// The applicability mark of a row (453 only): Có, Không, or empty.
fn read_applicable(sheet: &RawSheet, row: u32, c: u16, item: (&str, &str)) -> Result<Option<bool>, SheetError> {
    let (unit, code) = (item.0.to_string(), item.1.to_string());
    let (yes, no) = (APPLICABLE_YES.to_string(), APPLICABLE_NO.to_string());
    if sheet.merge_at(row, c).is_some() {
        return Err(sheet.error(row, c, FileFault::MergedApplicable { unit: unit.into(), code, yes, no }));
    }
    sheet.refuse_formula(row, c, SheetItem::Applicable { unit: unit.clone().into(), code: code.clone() })?;
    match sheet.text(row, c) {
        None => Ok(None),
        Some(mark) if mark.to_lowercase() == APPLICABLE_YES.to_lowercase() => Ok(Some(true)),
        Some(mark) if mark.to_lowercase() == APPLICABLE_NO.to_lowercase() => Ok(Some(false)),
        Some(value) => Err(sheet.error(row, c, FileFault::NotAMark { unit: unit.into(), code, value, yes, no })),
    }
}

/// Checks a typed score as `import scores` does ([0, max], percentages only where the regulation scores so),
/// refusing more decimals than the regulation counts rather than rounding them away.
fn checked_score(
    sheet: &RawSheet,
    (row, col): (u32, u16),
    (unit, code): (&str, &str),
    regulation: &Regulation,
    max: Decimal,
    value: Decimal,
    percent: bool,
) -> Result<Decimal, SheetError> {
    let text = if percent { format!("{}%", value.normalize()) } else { value.normalize().to_string() };
    parse_score(&text, &regulation.score_rule(max)).map_err(|why| {
        let fault = RowFault::BadScore { unit: unit.into(), code: code.to_string(), self_score: true, why };
        sheet.error(row, col, fault)
    })
}

fn read_evidence(
    sheet: &RawSheet,
    layout: &Layout,
    unit: &UnitRecord,
    framework: &Framework,
) -> Result<Vec<(String, EvidenceRow)>, SheetError> {
    let Some(end) = sheet.last_row() else { return Ok(Vec::new()) };
    let last_row = sheet.check_row().map(|r| r.saturating_sub(1)).unwrap_or(end);
    let title_row =
        (FIRST_TABLE_ROW..=last_row).find(|row| sheet.text(*row, 0).as_deref() == Some(EVIDENCE_TITLE)).ok_or_else(
            || SheetError::sheet(&sheet.name, FileFault::NoEvidenceList { title: EVIDENCE_TITLE.to_string() }),
        )?;
    let header_row = title_row + 1;
    for (col, header) in EVIDENCE_HEADERS.iter().enumerate() {
        expect_text(sheet, header_row, col_at(col), header, SheetItem::EvidenceHeader)?;
    }
    let _ = layout;
    let mut rows = Vec::new();
    let mut seen: BTreeMap<(String, String), String> = BTreeMap::new();
    for row in header_row + 1..=last_row {
        // The list ends where column A holds words instead of a number (the signature block).
        if let Data::String(text) = sheet.value(row, 0)
            && !text.trim().is_empty()
            && text.trim().parse::<u32>().is_err()
        {
            break;
        }
        // Checked before an empty row is passed over: a formula with no cached value reads as empty.
        for col in 1..=4 {
            sheet.refuse_formula(row, col, SheetItem::Evidence { unit: unit.code.clone() })?;
        }
        let code = sheet.text(row, 2).unwrap_or_default();
        let unit_code = unit.code.clone();
        // The unit and criterion a fault of this row names.
        let item = || (unit.code.to_string(), code.clone());
        let line = |col: u16, title: bool| {
            clean_line(&sheet.text(row, col).unwrap_or_default()).map_err(|why| {
                let (unit, code) = item();
                sheet.error(row, col, FileFault::EvidenceText { unit: unit.into(), code, title, why })
            })
        };
        let title = line(1, true)?;
        let reference = line(4, false)?;
        let date_empty = matches!(sheet.value(row, 3), Data::Empty) || sheet.text(row, 3).is_none();
        if title.is_empty() && code.is_empty() && reference.is_empty() && date_empty {
            continue;
        }
        let at = |col: u16, fault: FileFault| sheet.error(row, col, fault);
        if framework.component(&code).is_none() && framework.criterion(&code).is_none() {
            let framework = framework.key.clone();
            return Err(at(2, FileFault::EvidenceCriterion { unit: unit_code, code, framework }));
        }
        if title.is_empty() {
            return Err(at(1, FileFault::EvidenceTitle { unit: unit_code, code }));
        }
        if reference.is_empty() {
            return Err(at(4, FileFault::EvidenceReference { unit: unit_code, code }));
        }
        let issued_on = match sheet.value(row, 3) {
            Data::DateTime(date) => {
                let (year, month, day, ..) = date.to_ymd_hms_milli();
                parse_date(&format!("{year:04}-{month:02}-{day:02}"))
            }
            Data::String(text) => parse_date(text),
            Data::DateTimeIso(text) => parse_date(text.get(..10).unwrap_or(text)),
            _ => None,
        }
        .ok_or_else(|| {
            let (unit, code) = item();
            at(3, FileFault::EvidenceDate { unit: unit.into(), code, value: sheet.text(row, 3).unwrap_or_default() })
        })?;
        let cell = a1(row, 1);
        if let Some(first) = seen.insert((code.clone(), reference.clone()), cell.clone()) {
            return Err(at(4, FileFault::EvidenceTwice { unit: unit_code, code, reference, first }));
        }
        rows.push((cell, EvidenceRow { unit: unit.code.clone(), criterion: code, reference, title, issued_on }));
    }
    Ok(rows)
}

/// An integer cell as the number it is in the workbook: Excel stores every number as a double.
#[allow(clippy::cast_precision_loss, reason = "Excel stores every number as a double; an integer cell holds one")]
fn excel_number(integer: i64) -> f64 {
    integer as f64
}
