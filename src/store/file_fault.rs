//! What is wrong with a file read or written whole: a workbook, one of its sheets or cells (a filled score
//! sheet refused), a regulation's own file, a folder or an export that cannot be written. The `sheet` layer
//! builds these (the store may not name it), `RowFault::File` carries them to a `RowPlace`, and the catalog
//! (`messages`) words them; the `Display` text is the English wording (`--lang en`). An OS's or a library's own
//! error text travels as a field and is shown as it comes inside the worded frame.

use crate::domain::code::UnitCode;

/// Which cell of a score sheet a fault is about, as the English names it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetItem {
    #[error("wrong framework (title)")]
    Title,
    #[error("wrong framework (framework title)")]
    FrameworkTitle,
    #[error("column header changed")]
    Header,
    #[error("evidence list: column header changed")]
    EvidenceHeader,
    #[error("unit {unit}, {code}: changed row (STT)")]
    Stt { unit: UnitCode, code: String },
    #[error("unit {unit}, {code}: changed row (name)")]
    Name { unit: UnitCode, code: String },
    #[error("unit {unit}, {code}: self-score")]
    SelfScore { unit: UnitCode, code: String },
    #[error("unit {unit}, {code}: applicable")]
    Applicable { unit: UnitCode, code: String },
    #[error("unit {unit}, {code}: explanation")]
    Explanation { unit: UnitCode, code: String },
    #[error("unit {unit}, evidence")]
    Evidence { unit: UnitCode },
}

/// A limit a workbook is over; thamdinh's own workbooks are far smaller.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Oversize {
    #[error("the file is {megabytes} MB, above the {limit} MB a workbook may be")]
    File { megabytes: u64, limit: u64 },
    #[error("the package declares {parts} parts, above {limit}")]
    DeclaredParts { parts: u64, limit: u64 },
    #[error("the package holds {parts} parts, above {limit}")]
    Parts { parts: u64, limit: u64 },
    #[error("part {part:?} unpacks to {megabytes} MB, above the {limit} MB a part may be")]
    Part { part: String, megabytes: u64, limit: u64 },
    #[error("the package unpacks to more than {limit} MB")]
    Unpacked { limit: u64 },
    #[error("the workbook has {sheets} sheets, above {limit}")]
    Sheets { sheets: usize, limit: usize },
    #[error("part {part:?} unpacks to {ratio} times its packed size, above the {limit} times a workbook's part may")]
    Ratio { part: String, ratio: u64, limit: u64 },
    #[error(
        "the package holds {sheets} sheets in {kilobytes} KB: fewer than {limit} bytes a sheet, too small to be score sheets"
    )]
    SparseSheets { sheets: u64, kilobytes: u64, limit: u64 },
    #[error("sheet {sheet:?}: the workbook holds more than {cells} cells or {megabytes} MB of text")]
    Cells { sheet: String, cells: usize, megabytes: usize },
    #[error("sheet {sheet:?}: more than {limit} merged ranges")]
    Merges { sheet: String, limit: usize },
}

/// What is wrong with a file; `unit` is a unit's code, `code` a criterion's or component's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileFault {
    #[error("not a readable .xlsx workbook ({why}); save it as Excel Workbook (.xlsx)")]
    NotXlsx { why: String },
    #[error("{what}; a thamdinh workbook is far smaller: this is not a score sheet or result exported by thamdinh")]
    TooLarge { what: Oversize },
    #[error("the workbook has no sheets")]
    NoSheets,
    #[error("no check block (a cell starting {marker:?}); this file was not exported by thamdinh")]
    NoCheckBlock { marker: String },
    #[error("unreadable: {why}")]
    SheetUnreadable { why: String },
    #[error(
        "cell {cell} is beyond the used range a thamdinh workbook can have (columns A to {last_column}, rows 1 to {rows}); this is not a score sheet or result exported by thamdinh"
    )]
    BeyondRange { cell: String, last_column: String, rows: u32 },
    #[error("unit {unit} is already in sheet {first:?}")]
    UnitInTwoSheets { unit: UnitCode, first: String },
    #[error(
        "not a thamdinh score sheet: cell {cell} should read \"Mã đơn vị: … · Khung tiêu chí: … · Quy chế: … · Năm: …\"; fill the sheet `thamdinh export sheet` made"
    )]
    NotAScoreSheet { cell: String },
    #[error("wrong framework: the sheet is for regulation {sheet}, this round runs {round}")]
    WrongRegulation { sheet: String, round: String },
    #[error("the sheet is for year {sheet}, this round is {round}")]
    WrongYear { sheet: i32, round: i32 },
    #[error("unit {unit}: its bloc and group name no framework")]
    NoFramework { unit: UnitCode },
    #[error("wrong framework: the sheet is made on {sheet}, unit {unit} is scored on {framework}")]
    WrongFramework { sheet: String, unit: UnitCode, framework: String },
    #[error("{what}: reads {found:?}, the layout has {expected:?}")]
    TextChanged { what: SheetItem, found: String, expected: String },
    #[error("wrong framework (regulation reference): reads {found:?}, the layout cites {expected:?}")]
    SourceChanged { found: String, expected: String },
    #[error("extra row {row}: the appendix's rows are fixed; {code} should be here")]
    ExtraRow { row: u32, code: String },
    #[error("missing row: {} should come before {found}", missing.join(", "))]
    MissingRows { missing: Vec<String>, found: String },
    #[error("changed row: expected {code} ({name}), found {found:?}")]
    ChangedRow { code: String, name: String, found: String },
    #[error("unit {unit}, {code}: changed row (max): reads {found:?}, the appendix has {max}")]
    MaxChanged { unit: UnitCode, code: String, found: String, max: String },
    #[error("extra row {row}: the appendix's rows are fixed and the total ({total}) should be here")]
    TotalExpected { row: u32, total: String },
    #[error("extra row {row}: {code} is not in the unit's framework at this place")]
    RowNotInFramework { row: u32, code: String },
    #[error(
        "{what}: a formula in a cell the unit fills; type the value itself (formulas are read by the value the file caches, which need not be true)"
    )]
    Formula { what: SheetItem },
    #[error("{what}: a merged cell where a number should be; unmerge it")]
    MergedScore { what: SheetItem },
    #[error("{what}: text {text:?} in a score cell; type the points as a number (3,5)")]
    TextScore { what: SheetItem, text: String },
    /// A cell of another kind (a date, a truth value, an error) where a score should be, as the reader shows it.
    #[error("{what}: {value} in a score cell; type the points as a number")]
    OtherScore { what: SheetItem, value: String },
    #[error("{what}: {number} is not a number a score can be")]
    NotAScore { what: SheetItem, number: String },
    #[error("unit {unit}, {code}: a not-applicable component carries no scores; empty the self-score or mark it {yes}")]
    NotApplicableScored { unit: UnitCode, code: String, yes: String },
    #[error("unit {unit}, {code}: a merged cell where {yes} or {no} should be")]
    MergedApplicable { unit: UnitCode, code: String, yes: String, no: String },
    #[error("unit {unit}, {code}: applicable {value:?} must be {yes} or {no}")]
    NotAMark { unit: UnitCode, code: String, value: String, yes: String, no: String },
    #[error(
        "unit {unit}, {code}: column {column} is the council's and is not imported; it reads {found:?} here but the database has {}; leave it as exported",
        stored.as_deref().unwrap_or("nothing")
    )]
    CouncilScore { unit: UnitCode, code: String, column: String, found: String, stored: Option<String> },
    #[error(
        "unit {unit}, {code}: column {column} (deduction reason) is the council's and is not imported; leave it as exported"
    )]
    CouncilReason { unit: UnitCode, code: String, column: String },
    #[error("the evidence list ({title}) below the table is missing")]
    NoEvidenceList { title: String },
    /// A document's title (`title` true) or reference that is not one line of plain text.
    #[error("unit {unit}, evidence {code}: {} {why}", if *title { "trích yếu" } else { "số, ký hiệu" })]
    EvidenceText { unit: UnitCode, code: String, title: bool, why: crate::domain::validate::TextRefusal },
    #[error("unit {unit}, evidence: no criterion {code:?} in the unit's framework ({framework})")]
    EvidenceCriterion { unit: UnitCode, code: String, framework: String },
    #[error("unit {unit}, evidence: {code}: a document needs its title (trích yếu)")]
    EvidenceTitle { unit: UnitCode, code: String },
    #[error("unit {unit}, evidence: {code}: a document needs its number (số, ký hiệu) or link")]
    EvidenceReference { unit: UnitCode, code: String },
    #[error("unit {unit}, evidence: {code}: {value:?} is not a date ({})", super::dates::DATE_RULE)]
    EvidenceDate { unit: UnitCode, code: String, value: String },
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
