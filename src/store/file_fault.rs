//! What is wrong with a file read or written whole: a workbook, one of its sheets or cells (a filled score
//! sheet refused), a regulation's own file, a folder or an export that cannot be written. The `sheet` layer
//! builds these (the store may not name it), `RowFault::File` carries them to a `RowPlace`, and the catalog
//! (`messages`) words them; the `Display` text is the English wording (`--lang en`). An OS's or a library's own
//! error text travels as a field and is shown as it comes inside the worded frame.

use crate::domain::code::UnitCode;

/// Which cell of a score sheet a fault is about, as the English names it.
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
    Stt {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
    },
    /// A row's criterion name was changed.
    #[error("unit {unit}, {code}: changed row (name)")]
    Name {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
    },
    /// A row's self-score cell.
    #[error("unit {unit}, {code}: self-score")]
    SelfScore {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
    },
    /// A row's applicable cell.
    #[error("unit {unit}, {code}: applicable")]
    Applicable {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
    },
    /// A row's explanation cell.
    #[error("unit {unit}, {code}: explanation")]
    Explanation {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
    },
    /// The unit's evidence list.
    #[error("unit {unit}, evidence")]
    Evidence {
        /// The unit whose evidence list it is.
        unit: UnitCode,
    },
}

/// A limit a workbook is over; thamdinh's own workbooks are far smaller.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Oversize {
    /// The file itself is too large.
    #[error("the file is {megabytes} MB, above the {limit} MB a workbook may be")]
    File {
        /// The file's size, in MB.
        megabytes: u64,
        /// thamdinh's bound on a workbook, in MB.
        limit: u64,
    },
    /// The zip package's directory declares too many parts.
    #[error("the package declares {parts} parts, above {limit}")]
    DeclaredParts {
        /// How many parts the zip directory declares.
        parts: u64,
        /// thamdinh's fixed bound, the same for every file.
        limit: u64,
    },
    /// The zip package holds too many parts.
    #[error("the package holds {parts} parts, above {limit}")]
    Parts {
        /// How many parts the package holds.
        parts: u64,
        /// thamdinh's fixed bound, the same for every file.
        limit: u64,
    },
    /// One part unpacks too large.
    #[error("part {part:?} unpacks to {megabytes} MB, above the {limit} MB a part may be")]
    Part {
        /// The part's name inside the package.
        part: String,
        /// What it unpacks to, in MB.
        megabytes: u64,
        /// thamdinh's bound on one part, in MB.
        limit: u64,
    },
    /// The parts together unpack too large.
    #[error("the package unpacks to more than {limit} MB")]
    Unpacked {
        /// thamdinh's bound on the unpacked package, in MB.
        limit: u64,
    },
    /// Too many sheets.
    #[error("the workbook has {sheets} sheets, above {limit}")]
    Sheets {
        /// How many sheets the workbook has.
        sheets: usize,
        /// thamdinh's fixed bound, the same for every file.
        limit: usize,
    },
    /// A part packed far tighter than text packs: a zip bomb.
    #[error("part {part:?} unpacks to {ratio} times its packed size, above the {limit} times a workbook's part may")]
    Ratio {
        /// The part's name inside the package.
        part: String,
        /// How many times its packed size it unpacks to.
        ratio: u64,
        /// thamdinh's bound on that ratio.
        limit: u64,
    },
    /// Many sheets in very few bytes: not score sheets.
    #[error(
        "the package holds {sheets} sheets in {kilobytes} KB: fewer than {limit} bytes a sheet, too small to be score sheets"
    )]
    SparseSheets {
        /// How many sheets the package holds.
        sheets: u64,
        /// The package's size, in KB.
        kilobytes: u64,
        /// thamdinh's least bytes a sheet.
        limit: u64,
    },
    /// A sheet with more cells or text than a score sheet can have.
    #[error("sheet {sheet:?}: the workbook holds more than {cells} cells or {megabytes} MB of text")]
    Cells {
        /// The sheet's name in the workbook (the user's own file).
        sheet: String,
        /// thamdinh's bound on a sheet's cells.
        cells: usize,
        /// thamdinh's bound on a sheet's text, in MB.
        megabytes: usize,
    },
    /// A sheet with more merged ranges than a score sheet can have.
    #[error("sheet {sheet:?}: more than {limit} merged ranges")]
    Merges {
        /// The sheet's name in the workbook (the user's own file).
        sheet: String,
        /// thamdinh's fixed bound, the same for every file.
        limit: usize,
    },
}

/// What is wrong with a file; `unit` is a unit's code, `code` a criterion's or component's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileFault {
    /// Not an .xlsx workbook at all (an .xls, a CSV, a damaged file).
    #[error("not a readable .xlsx workbook ({why}); save it as Excel Workbook (.xlsx)")]
    NotXlsx {
        /// The workbook reader's own text.
        why: String,
    },
    /// A workbook over one of the bounds that keep a crafted file from exhausting the machine.
    #[error("{what}; a thamdinh workbook is far smaller: this is not a score sheet or result exported by thamdinh")]
    TooLarge {
        /// The bound it is over, and by how much.
        what: Oversize,
    },
    /// A workbook without sheets.
    #[error("the workbook has no sheets")]
    NoSheets,
    /// A paper or result without the check block thamdinh writes: not one of its exports.
    #[error("no check block (a cell starting {marker:?}); this file was not exported by thamdinh")]
    NoCheckBlock {
        /// The text the check block's cell starts with.
        marker: String,
    },
    /// A sheet the reader cannot read.
    #[error("unreadable: {why}")]
    SheetUnreadable {
        /// The workbook reader's own text.
        why: String,
    },
    /// A value outside the range a thamdinh workbook uses: not an exported sheet, or one added to.
    #[error(
        "cell {cell} is beyond the used range a thamdinh workbook can have (columns A to {last_column}, rows 1 to {rows}); this is not a score sheet or result exported by thamdinh"
    )]
    BeyondRange {
        /// The first cell found beyond the range, by its A1 name.
        cell: String,
        /// The last column a thamdinh workbook uses, by its letters.
        last_column: String,
        /// The rows a thamdinh workbook may use.
        rows: u32,
    },
    /// One unit's sheet twice in a workbook.
    #[error("unit {unit} is already in sheet {first:?}")]
    UnitInTwoSheets {
        /// The unit whose sheet comes twice (named by the user's own workbook).
        unit: UnitCode,
        /// The name of the sheet it came in first.
        first: String,
    },
    /// The sheet's identity cell is not a score sheet's.
    #[error(
        "not a thamdinh score sheet: cell {cell} should read \"Mã đơn vị: … · Khung tiêu chí: … · Quy chế: … · Năm: …\"; fill the sheet `thamdinh export sheet` made"
    )]
    NotAScoreSheet {
        /// The identity cell's A1 name.
        cell: String,
    },
    /// A sheet made under another regulation.
    #[error("wrong framework: the sheet is for regulation {sheet}, this round runs {round}")]
    WrongRegulation {
        /// The regulation id the sheet names.
        sheet: String,
        /// This round's regulation id.
        round: String,
    },
    /// A sheet of another year's round.
    #[error("the sheet is for year {sheet}, this round is {round}")]
    WrongYear {
        /// The year the sheet names.
        sheet: i32,
        /// This round's year.
        round: i32,
    },
    /// The unit's bloc and group name no framework of the regulation.
    #[error("unit {unit}: its bloc and group name no framework")]
    NoFramework {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
    },
    /// A sheet made on another framework than the unit's.
    #[error("wrong framework: the sheet is made on {sheet}, unit {unit} is scored on {framework}")]
    WrongFramework {
        /// The framework the sheet is made on.
        sheet: String,
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The framework the unit is scored on.
        framework: String,
    },
    /// A fixed text of the layout was changed.
    #[error("{what}: reads {found:?}, the layout has {expected:?}")]
    TextChanged {
        /// Which fixed text (the title, a heading, a row's STT or name).
        what: SheetItem,
        /// What the sheet's cell reads: the user's own file, quoted back.
        found: String,
        /// The fixed text the exported layout has there (the regulation's words).
        expected: String,
    },
    /// The regulation reference line was changed.
    #[error("wrong framework (regulation reference): reads {found:?}, the layout cites {expected:?}")]
    SourceChanged {
        /// What the sheet's cell reads: the user's own file, quoted back.
        found: String,
        /// The fixed text the exported layout has there (the regulation's words).
        expected: String,
    },
    /// A row inserted into the appendix's fixed rows.
    #[error("extra row {row}: the appendix's rows are fixed; {code} should be here")]
    ExtraRow {
        /// The sheet's row, numbered as Excel shows it (from 1).
        row: u32,
        /// The code of the row the appendix has there.
        code: String,
    },
    /// Rows of the appendix deleted.
    #[error("missing row: {} should come before {found}", missing.join(", "))]
    MissingRows {
        /// The codes of the rows deleted.
        missing: Vec<String>,
        /// The code of the row found in their place.
        found: String,
    },
    /// A row's code or name changed.
    #[error("changed row: expected {code} ({name}), found {found:?}")]
    ChangedRow {
        /// The code of the row the appendix has there.
        code: String,
        /// That row's name, as the regulation words it.
        name: String,
        /// What the sheet's row reads instead.
        found: String,
    },
    /// A row's maximum score changed.
    #[error("unit {unit}, {code}: changed row (max): reads {found:?}, the appendix has {max}")]
    MaxChanged {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// What the sheet's cell reads: the user's own file, quoted back.
        found: String,
        /// The maximum the appendix gives (the regulation's, public).
        max: String,
    },
    /// A row where the total should be.
    #[error("extra row {row}: the appendix's rows are fixed and the total ({total}) should be here")]
    TotalExpected {
        /// The sheet's row, numbered as Excel shows it (from 1).
        row: u32,
        /// The total row's label (`TỔNG ĐIỂM`).
        total: String,
    },
    /// A row of a criterion not in the unit's framework.
    #[error("extra row {row}: {code} is not in the unit's framework at this place")]
    RowNotInFramework {
        /// The sheet's row, numbered as Excel shows it (from 1).
        row: u32,
        /// The code the sheet's row carries.
        code: String,
    },
    /// A formula where the unit types a value: its cached result may not be its value, so it is refused.
    #[error(
        "{what}: a formula in a cell the unit fills; type the value itself (formulas are read by the value the file caches, which need not be true)"
    )]
    Formula {
        /// Which cell of the sheet: a row's self-score, applicable or explanation cell.
        what: SheetItem,
    },
    /// A merged cell where a score should be.
    #[error("{what}: a merged cell where a number should be; unmerge it")]
    MergedScore {
        /// Which cell of the sheet: a row's self-score, applicable or explanation cell.
        what: SheetItem,
    },
    /// Text in a score cell.
    #[error("{what}: text {text:?} in a score cell; type the points as a number (3,5)")]
    TextScore {
        /// Which cell of the sheet: a row's self-score, applicable or explanation cell.
        what: SheetItem,
        /// The cell's text (the user's own file).
        text: String,
    },
    /// A cell of another kind (a date, a truth value, an error) where a score should be, as the reader shows it.
    #[error("{what}: {value} in a score cell; type the points as a number")]
    OtherScore {
        /// Which cell of the sheet: a row's self-score, applicable or explanation cell.
        what: SheetItem,
        /// The cell's value, as the reader shows it (the user's own file).
        value: String,
    },
    /// A number that cannot be a score (infinite, too large).
    #[error("{what}: {number} is not a number a score can be")]
    NotAScore {
        /// Which cell of the sheet: a row's self-score, applicable or explanation cell.
        what: SheetItem,
        /// The number as the reader shows it.
        number: String,
    },
    /// A self-score on a row marked not applicable.
    #[error("unit {unit}, {code}: a not-applicable component carries no scores; empty the self-score or mark it {yes}")]
    NotApplicableScored {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The sheet's word for applicable (`Có`).
        yes: String,
    },
    /// A merged cell where the applicable mark should be.
    #[error("unit {unit}, {code}: a merged cell where {yes} or {no} should be")]
    MergedApplicable {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The sheet's word for applicable (`Có`).
        yes: String,
        /// The sheet's word for not applicable (`Không`).
        no: String,
    },
    /// An applicable mark that is neither of the two words.
    #[error("unit {unit}, {code}: applicable {value:?} must be {yes} or {no}")]
    NotAMark {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The cell as the sheet writes it.
        value: String,
        /// The sheet's word for applicable (`Có`).
        yes: String,
        /// The sheet's word for not applicable (`Không`).
        no: String,
    },
    /// The council's appraised score changed on the unit's sheet: the unit does not write it.
    #[error(
        "unit {unit}, {code}: column {column} is the council's and is not imported; it reads {found:?} here but the database has {}; leave it as exported",
        stored.as_deref().unwrap_or("nothing")
    )]
    CouncilScore {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The council's column, by its letters (e.g. `E`).
        column: String,
        /// What the sheet's cell reads.
        found: String,
        /// The council's stored appraisal; raised only on the council's own import (a unit's sheet is never compared with it).
        stored: Option<String>,
    },
    /// The council's deduction reason changed on the unit's sheet.
    #[error(
        "unit {unit}, {code}: column {column} (deduction reason) is the council's and is not imported; leave it as exported"
    )]
    CouncilReason {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The council's column, by its letters.
        column: String,
    },
    /// The evidence list below the table was deleted.
    #[error("the evidence list ({title}) below the table is missing")]
    NoEvidenceList {
        /// The evidence list's title (`DANH MỤC TÀI LIỆU KIỂM CHỨNG`).
        title: String,
    },
    /// A document's title (`title` true) or reference that is not one line of plain text.
    #[error("unit {unit}, evidence {code}: {} {why}", if *title { "trích yếu" } else { "số, ký hiệu" })]
    EvidenceText {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion the document is listed under.
        code: String,
        /// The title (*trích yếu*) is at fault (true) or the reference (*số, ký hiệu*) (false).
        title: bool,
        /// What the text breaks (a line break, a control character, the length bound …).
        why: crate::domain::validate::TextRefusal,
    },
    /// A document listed under a criterion not in the unit's framework.
    #[error("unit {unit}, evidence: no criterion {code:?} in the unit's framework ({framework})")]
    EvidenceCriterion {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion code as the list writes it.
        code: String,
        /// The unit's framework.
        framework: String,
    },
    /// A listed document without its title.
    #[error("unit {unit}, evidence: {code}: a document needs its title (trích yếu)")]
    EvidenceTitle {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion the document is listed under.
        code: String,
    },
    /// A listed document without its number or link.
    #[error("unit {unit}, evidence: {code}: a document needs its number (số, ký hiệu) or link")]
    EvidenceReference {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion the document is listed under.
        code: String,
    },
    /// A listed document's date that is not a date.
    #[error("unit {unit}, evidence: {code}: {value:?} is not a date ({})", super::dates::DATE_RULE)]
    EvidenceDate {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion the document is listed under.
        code: String,
        /// The date as the list writes it.
        value: String,
    },
    /// The same document listed twice for one criterion.
    #[error("unit {unit}, evidence: {code}, {reference}: already listed at {first}")]
    EvidenceTwice {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion the document is listed under.
        code: String,
        /// The document's number (*số, ký hiệu*) or link, as the user gave it.
        reference: String,
        /// The A1 name of the cell where it is listed first.
        first: String,
    },
    /// The spreadsheet writer's own error, making an export.
    #[error("writing the workbook: {why}")]
    NotMade {
        /// The spreadsheet writer's own text.
        why: String,
    },
    /// The OS's own error, writing an export.
    #[error("{why}")]
    NotWritten {
        /// The OS's own text.
        why: String,
    },
    /// The OS's own error, making the folder a file goes in.
    #[error("{why}")]
    NoFolder {
        /// The OS's own text.
        why: String,
    },
    /// A regulation without its list of units.
    #[error("the regulation lists no units")]
    NoUnitList,
    /// The CSV reader's own error, reading a regulation's list of units.
    #[error("{why}")]
    BadUnitList {
        /// The CSV reader's own text.
        why: String,
    },
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
