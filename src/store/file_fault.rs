//! What is wrong with a file read or written whole: a workbook, one of its sheets or cells (a filled score
//! sheet refused), a regulation's own file, a folder or an export that cannot be written. The `sheet` layer
//! builds these (the store may not name it), `RowFault::File` carries them to a `RowPlace`, and the catalog
//! (`messages`) words them; the `Display` text is the English wording (`--lang en`). An OS's or a library's own
//! error text travels as a field and is shown as it comes inside the worded frame.

use crate::domain::code::UnitCode;

/// Which cell of a score sheet a fault is about, as the English names it.
#[expect(
    missing_docs,
    reason = "the fields sit on their variant's one line: its doc and #[error] text say what each is"
)]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetItem {
    /// The sheet's title cell is not the one exported for this framework.
    #[error("wrong framework (title)")]
    Title,
    /// The framework's title line is not the one exported.
    #[error("wrong framework (framework title)")]
    FrameworkTitle,
    /// The score table's column headings were changed.
    #[error("column header changed")]
    Header,
    /// The evidence list's column headings were changed.
    #[error("evidence list: column header changed")]
    EvidenceHeader,
    /// A row's number (STT) was changed: the rows are the appendix's, fixed.
    #[error("unit {unit}, {code}: changed row (STT)")]
    Stt { unit: UnitCode, code: String },
    /// A row's criterion name was changed.
    #[error("unit {unit}, {code}: changed row (name)")]
    Name { unit: UnitCode, code: String },
    /// A row's self-score cell.
    #[error("unit {unit}, {code}: self-score")]
    SelfScore { unit: UnitCode, code: String },
    /// A row's applicable cell.
    #[error("unit {unit}, {code}: applicable")]
    Applicable { unit: UnitCode, code: String },
    /// A row's explanation cell.
    #[error("unit {unit}, {code}: explanation")]
    Explanation { unit: UnitCode, code: String },
    /// The unit's evidence list.
    #[error("unit {unit}, evidence")]
    Evidence { unit: UnitCode },
}

/// A limit a workbook is over; thamdinh's own workbooks are far smaller.
#[expect(
    missing_docs,
    reason = "the fields sit on their variant's one line: its doc and #[error] text say what each is"
)]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Oversize {
    /// The file itself is too large.
    #[error("the file is {megabytes} MB, above the {limit} MB a workbook may be")]
    File { megabytes: u64, limit: u64 },
    /// The zip package's directory declares too many parts.
    #[error("the package declares {parts} parts, above {limit}")]
    DeclaredParts { parts: u64, limit: u64 },
    /// The zip package holds too many parts.
    #[error("the package holds {parts} parts, above {limit}")]
    Parts { parts: u64, limit: u64 },
    /// One part unpacks too large.
    #[error("part {part:?} unpacks to {megabytes} MB, above the {limit} MB a part may be")]
    Part { part: String, megabytes: u64, limit: u64 },
    /// The parts together unpack too large.
    #[error("the package unpacks to more than {limit} MB")]
    Unpacked { limit: u64 },
    /// Too many sheets.
    #[error("the workbook has {sheets} sheets, above {limit}")]
    Sheets { sheets: usize, limit: usize },
    /// A part packed far tighter than text packs: a zip bomb.
    #[error("part {part:?} unpacks to {ratio} times its packed size, above the {limit} times a workbook's part may")]
    Ratio { part: String, ratio: u64, limit: u64 },
    /// Many sheets in very few bytes: not score sheets.
    #[error(
        "the package holds {sheets} sheets in {kilobytes} KB: fewer than {limit} bytes a sheet, too small to be score sheets"
    )]
    SparseSheets { sheets: u64, kilobytes: u64, limit: u64 },
    /// A sheet with more cells or text than a score sheet can have.
    #[error("sheet {sheet:?}: the workbook holds more than {cells} cells or {megabytes} MB of text")]
    Cells { sheet: String, cells: usize, megabytes: usize },
    /// A sheet with more merged ranges than a score sheet can have.
    #[error("sheet {sheet:?}: more than {limit} merged ranges")]
    Merges { sheet: String, limit: usize },
}

/// What is wrong with a file; `unit` is a unit's code, `code` a criterion's or component's.
#[expect(
    missing_docs,
    reason = "the fields sit on their variant's one line: its doc and #[error] text say what each is"
)]
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileFault {
    /// Not an .xlsx workbook at all (an .xls, a CSV, a damaged file).
    #[error("not a readable .xlsx workbook ({why}); save it as Excel Workbook (.xlsx)")]
    NotXlsx { why: String },
    /// A workbook over one of the bounds that keep a crafted file from exhausting the machine.
    #[error("{what}; a thamdinh workbook is far smaller: this is not a score sheet or result exported by thamdinh")]
    TooLarge { what: Oversize },
    /// A workbook without sheets.
    #[error("the workbook has no sheets")]
    NoSheets,
    /// A paper or result without the check block thamdinh writes: not one of its exports.
    #[error("no check block (a cell starting {marker:?}); this file was not exported by thamdinh")]
    NoCheckBlock { marker: String },
    /// A sheet the reader cannot read.
    #[error("unreadable: {why}")]
    SheetUnreadable { why: String },
    /// A value outside the range a thamdinh workbook uses: not an exported sheet, or one added to.
    #[error(
        "cell {cell} is beyond the used range a thamdinh workbook can have (columns A to {last_column}, rows 1 to {rows}); this is not a score sheet or result exported by thamdinh"
    )]
    BeyondRange { cell: String, last_column: String, rows: u32 },
    /// One unit's sheet twice in a workbook.
    #[error("unit {unit} is already in sheet {first:?}")]
    UnitInTwoSheets { unit: UnitCode, first: String },
    /// The sheet's identity cell is not a score sheet's.
    #[error(
        "not a thamdinh score sheet: cell {cell} should read \"Mã đơn vị: … · Khung tiêu chí: … · Quy chế: … · Năm: …\"; fill the sheet `thamdinh export sheet` made"
    )]
    NotAScoreSheet { cell: String },
    /// A sheet made under another regulation.
    #[error("wrong framework: the sheet is for regulation {sheet}, this round runs {round}")]
    WrongRegulation { sheet: String, round: String },
    /// A sheet of another year's round.
    #[error("the sheet is for year {sheet}, this round is {round}")]
    WrongYear { sheet: i32, round: i32 },
    /// The unit's bloc and group name no framework of the regulation.
    #[error("unit {unit}: its bloc and group name no framework")]
    NoFramework { unit: UnitCode },
    /// A sheet made on another framework than the unit's.
    #[error("wrong framework: the sheet is made on {sheet}, unit {unit} is scored on {framework}")]
    WrongFramework { sheet: String, unit: UnitCode, framework: String },
    /// A fixed text of the layout was changed.
    #[error("{what}: reads {found:?}, the layout has {expected:?}")]
    TextChanged { what: SheetItem, found: String, expected: String },
    /// The regulation reference line was changed.
    #[error("wrong framework (regulation reference): reads {found:?}, the layout cites {expected:?}")]
    SourceChanged { found: String, expected: String },
    /// A row inserted into the appendix's fixed rows.
    #[error("extra row {row}: the appendix's rows are fixed; {code} should be here")]
    ExtraRow { row: u32, code: String },
    /// Rows of the appendix deleted.
    #[error("missing row: {} should come before {found}", missing.join(", "))]
    MissingRows { missing: Vec<String>, found: String },
    /// A row's code or name changed.
    #[error("changed row: expected {code} ({name}), found {found:?}")]
    ChangedRow { code: String, name: String, found: String },
    /// A row's maximum score changed.
    #[error("unit {unit}, {code}: changed row (max): reads {found:?}, the appendix has {max}")]
    MaxChanged { unit: UnitCode, code: String, found: String, max: String },
    /// A row where the total should be.
    #[error("extra row {row}: the appendix's rows are fixed and the total ({total}) should be here")]
    TotalExpected { row: u32, total: String },
    /// A row of a criterion not in the unit's framework.
    #[error("extra row {row}: {code} is not in the unit's framework at this place")]
    RowNotInFramework { row: u32, code: String },
    /// A formula where the unit types a value: its cached result may not be its value, so it is refused.
    #[error(
        "{what}: a formula in a cell the unit fills; type the value itself (formulas are read by the value the file caches, which need not be true)"
    )]
    Formula { what: SheetItem },
    /// A merged cell where a score should be.
    #[error("{what}: a merged cell where a number should be; unmerge it")]
    MergedScore { what: SheetItem },
    /// Text in a score cell.
    #[error("{what}: text {text:?} in a score cell; type the points as a number (3,5)")]
    TextScore { what: SheetItem, text: String },
    /// A cell of another kind (a date, a truth value, an error) where a score should be, as the reader shows it.
    #[error("{what}: {value} in a score cell; type the points as a number")]
    OtherScore { what: SheetItem, value: String },
    /// A number that cannot be a score (infinite, too large).
    #[error("{what}: {number} is not a number a score can be")]
    NotAScore { what: SheetItem, number: String },
    /// A self-score on a row marked not applicable.
    #[error("unit {unit}, {code}: a not-applicable component carries no scores; empty the self-score or mark it {yes}")]
    NotApplicableScored { unit: UnitCode, code: String, yes: String },
    /// A merged cell where the applicable mark should be.
    #[error("unit {unit}, {code}: a merged cell where {yes} or {no} should be")]
    MergedApplicable { unit: UnitCode, code: String, yes: String, no: String },
    /// An applicable mark that is neither of the two words.
    #[error("unit {unit}, {code}: applicable {value:?} must be {yes} or {no}")]
    NotAMark { unit: UnitCode, code: String, value: String, yes: String, no: String },
    /// The council's appraised score changed on the unit's sheet: the unit does not write it.
    #[error(
        "unit {unit}, {code}: column {column} is the council's and is not imported; it reads {found:?} here but the database has {}; leave it as exported",
        stored.as_deref().unwrap_or("nothing")
    )]
    CouncilScore { unit: UnitCode, code: String, column: String, found: String, stored: Option<String> },
    /// The council's deduction reason changed on the unit's sheet.
    #[error(
        "unit {unit}, {code}: column {column} (deduction reason) is the council's and is not imported; leave it as exported"
    )]
    CouncilReason { unit: UnitCode, code: String, column: String },
    /// The evidence list below the table was deleted.
    #[error("the evidence list ({title}) below the table is missing")]
    NoEvidenceList { title: String },
    /// A document's title (`title` true) or reference that is not one line of plain text.
    #[error("unit {unit}, evidence {code}: {} {why}", if *title { "trích yếu" } else { "số, ký hiệu" })]
    EvidenceText { unit: UnitCode, code: String, title: bool, why: crate::domain::validate::TextRefusal },
    /// A document listed under a criterion not in the unit's framework.
    #[error("unit {unit}, evidence: no criterion {code:?} in the unit's framework ({framework})")]
    EvidenceCriterion { unit: UnitCode, code: String, framework: String },
    /// A listed document without its title.
    #[error("unit {unit}, evidence: {code}: a document needs its title (trích yếu)")]
    EvidenceTitle { unit: UnitCode, code: String },
    /// A listed document without its number or link.
    #[error("unit {unit}, evidence: {code}: a document needs its number (số, ký hiệu) or link")]
    EvidenceReference { unit: UnitCode, code: String },
    /// A listed document's date that is not a date.
    #[error("unit {unit}, evidence: {code}: {value:?} is not a date ({})", super::dates::DATE_RULE)]
    EvidenceDate { unit: UnitCode, code: String, value: String },
    /// The same document listed twice for one criterion.
    #[error("unit {unit}, evidence: {code}, {reference}: already listed at {first}")]
    EvidenceTwice { unit: UnitCode, code: String, reference: String, first: String },
    /// The spreadsheet writer's own error, making an export.
    #[error("writing the workbook: {why}")]
    NotMade { why: String },
    /// The OS's own error, writing an export.
    #[error("{why}")]
    NotWritten { why: String },
    /// The OS's own error, making the folder a file goes in.
    #[error("{why}")]
    NoFolder { why: String },
    /// A regulation without its list of units.
    #[error("the regulation lists no units")]
    NoUnitList,
    /// The CSV reader's own error, reading a regulation's list of units.
    #[error("{why}")]
    BadUnitList { why: String },
}

impl FileFault {
    /// The fault at a place, as the store returns it.
    pub fn at(self, place: super::RowPlace) -> super::StoreError {
        super::RowFault::File(Box::new(self)).at(place, None)
    }

    /// The fault of a whole file, as the store returns it.
    pub fn in_file(self, file: impl Into<String>) -> super::StoreError {
        self.at(super::RowPlace::File { file: file.into() })
    }
}

impl From<FileFault> for super::RowFault {
    fn from(fault: FileFault) -> super::RowFault {
        super::RowFault::File(Box::new(fault))
    }
}
