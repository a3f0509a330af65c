//! The score sheet's layout, in one place for the writer and the reader: which column is which, which row is which code.

use crate::domain::framework::Framework;
use crate::domain::grades::Grade;
use crate::domain::regulation::Regulation;
use rust_decimal::Decimal;

/// A column of the score sheet's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// *STT*: the row's number as the appendix numbers it (I, 1, a).
    Stt,
    /// The content's, criterion's or component's name.
    Name,
    /// *Điểm tối đa* / *Điểm chuẩn*: max points.
    Max,
    /// *Điểm tự đánh giá* / *Điểm tự chấm*: the unit's self-score, the column it fills.
    SelfScore,
    /// *Điểm thẩm định*: the council's appraised score.
    Appraised,
    /// One of the four marks under "Xếp loại chất lượng" (Thái Nguyên's appendices).
    Grade(Grade),
    /// *Cơ quan thẩm định*: the agencies appraising the row (Thái Nguyên's appendices).
    Agency,
    /// *Lý do trừ điểm*: the council's deduction reason.
    Reason,
    /// Có / Không: the component lies within the unit's functions (Điều 4.2 of 453).
    Applicable,
    /// The unit's explanation of its self-score (*giải trình*).
    Explanation,
    /// The criterion code, hidden; the reader keys rows by it.
    Code,
}

/// One column of the table: which it is, its header and its width.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnSpec {
    /// Which column it is.
    pub column: Column,
    /// The header, in the regulation's words where its data names it (`[sheet]`).
    pub header: String,
    /// Its width in Excel's character units.
    pub width: f64,
}

/// The fixed rows above the table.
pub const TITLE_ROW: u32 = 0;
/// The framework's title (*Phụ lục I …*).
pub const FRAMEWORK_ROW: u32 = 1;
/// Where the framework is printed (the regulation's number and date).
pub const SOURCE_ROW: u32 = 2;
/// The unit's name.
pub const UNIT_ROW: u32 = 3;
/// The meta line the reader checks: unit code, bloc, framework, regulation, year.
pub const META_ROW: u32 = 4;
/// The table's header takes two rows (the grade marks sit under a merged "Xếp loại chất lượng").
pub const HEADER_ROW: u32 = 6;
/// The table's first row below its two header rows.
pub const FIRST_TABLE_ROW: u32 = 8;

/// The group header above the four grade columns.
pub const GRADE_GROUP_HEADER: &str = "Xếp loại chất lượng";
/// The name cell of the total row, and its hidden code.
pub const TOTAL_LABEL: &str = "TỔNG ĐIỂM";
/// The hidden code of the exact total's row.
pub const TOTAL_CODE: &str = "TOTAL";
/// The hidden code of the row with the total rounded to the official decimals.
pub const ROUNDED_TOTAL_CODE: &str = "TOTAL-2";
/// The title of the evidence list below the table.
pub const EVIDENCE_TITLE: &str = "DANH MỤC TÀI LIỆU KIỂM CHỨNG";
/// The evidence list's column headers, in order.
pub const EVIDENCE_HEADERS: [&str; 5] =
    ["STT", "Trích yếu nội dung văn bản", "Tiêu chí", "Ngày ban hành", "Số, ký hiệu văn bản"];
/// Blank numbered rows left in the evidence list for the unit to fill.
pub const EVIDENCE_BLANK_ROWS: usize = 5;
/// The words that mark a component outside the unit's functions, and inside.
pub const APPLICABLE_YES: &str = "Có";
/// The word that marks a component outside the unit's functions (453 Điều 4.2).
pub const APPLICABLE_NO: &str = "Không";
/// Starts the check block: the content hash and the audit head, below everything that is hashed.
pub const CHECK_MARKER: &str = "Mã kiểm tra nội dung (SHA-256): ";
/// Starts the check block's second line: the audit log's head when the sheet was made.
pub const AUDIT_MARKER: &str = "Đầu nhật ký kiểm toán: ";

/// The score sheet's columns for a regulation: Thái Nguyên's appendix (with quality grades and appraising
/// agencies), or 453's (Điểm chuẩn, Điểm tự chấm, Điểm thẩm định, Lý do trừ điểm, and whether an item applies).
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Thái Nguyên's appendix: the four quality-grade columns and the appraising agency (the regulation grades
    /// criteria).
    pub graded: bool,
    /// The title the regulation's data gives (`[sheet] title`, `{year}` for the year); None: the seeds'.
    pub named_title: Option<String>,
    /// The unit's own sheet before approval: none of the council's columns (appraisal, grades, agency, reason).
    pub own: bool,
    /// The table's columns, left to right; the last is the hidden code.
    pub columns: Vec<ColumnSpec>,
}

fn spec(column: Column, header: &str, width: f64) -> ColumnSpec {
    ColumnSpec { column, header: header.to_string(), width }
}

impl Layout {
    /// The columns and headers of this regulation's score sheet, in the regulation's own words where its data names
    /// them.
    pub fn for_regulation(regulation: &Regulation) -> Layout {
        let graded = regulation.grades.is_some();
        let mut columns = Vec::new();
        if graded {
            columns.extend([
                spec(Column::Stt, "STT", 5.0),
                spec(Column::Name, "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", 44.0),
                spec(Column::Max, "Điểm tối đa", 8.0),
                spec(Column::SelfScore, "Điểm tự đánh giá", 10.0),
                spec(Column::Appraised, "Điểm thẩm định", 10.0),
            ]);
            columns.extend(Grade::ALL.map(|grade| spec(Column::Grade(grade), grade.vietnamese(), 6.0)));
            columns.extend([
                spec(Column::Agency, "Cơ quan thẩm định điểm tự đánh giá", 16.0),
                spec(Column::Reason, "Lý do trừ điểm", 22.0),
                spec(Column::Explanation, "Giải trình của cơ quan, đơn vị", 24.0),
            ]);
        } else {
            columns.extend([
                spec(Column::Stt, "STT", 5.0),
                spec(Column::Name, "Tiêu chí đánh giá", 50.0),
                spec(Column::Max, "Điểm chuẩn", 8.0),
                spec(Column::SelfScore, "Điểm tự chấm", 10.0),
                spec(Column::Appraised, "Điểm thẩm định", 10.0),
                spec(Column::Reason, "Lý do trừ điểm", 24.0),
            ]);
            if regulation.not_applicable_allowed {
                columns.push(spec(Column::Applicable, "Áp dụng", 8.0));
            }
            columns.push(spec(Column::Explanation, "Giải trình của tập thể lãnh đạo", 26.0));
        }
        columns.push(spec(Column::Code, "Mã", 8.0));
        // The regulation's own words for the columns, where its data names them.
        let names = &regulation.sheet;
        for column in &mut columns {
            let words = match column.column {
                Column::Name => names.criterion.as_ref(),
                Column::Max => names.max.as_ref(),
                Column::SelfScore => names.self_score.as_ref(),
                Column::Appraised => names.appraised.as_ref(),
                _ => None,
            };
            if let Some(words) = words {
                column.header.clone_from(words);
            }
        }
        Layout { graded, named_title: names.title.clone(), own: false, columns }
    }

    /// The unit's own sheet before its bloc is approved: the self-assessment, explanations and documents only.
    pub fn for_unit(regulation: &Regulation) -> Layout {
        let mut layout = Layout::for_regulation(regulation);
        layout.columns.retain(|spec| {
            !matches!(spec.column, Column::Appraised | Column::Grade(_) | Column::Agency | Column::Reason)
        });
        layout.own = true;
        layout
    }

    /// The title of a sheet that shows a bloc not approved.
    pub fn draft_title(&self, year: i32) -> String {
        format!("{} (DỰ THẢO)", self.title(year))
    }

    /// The zero-based index of a column, if this layout has it.
    pub fn col(&self, column: Column) -> Option<u16> {
        self.columns.iter().position(|spec| spec.column == column).map(super::model::col_at)
    }

    /// The last column that is printed (every one but the hidden code).
    pub fn last_visible(&self) -> u16 {
        super::model::col_at(self.columns.len()).saturating_sub(2)
    }

    /// A column's header.
    pub fn header(&self, column: Column) -> Option<&str> {
        self.columns.iter().find(|spec| spec.column == column).map(|spec| spec.header.as_str())
    }

    /// Each column's width, left to right.
    pub fn widths(&self) -> Vec<f64> {
        self.columns.iter().map(|spec| spec.width).collect()
    }

    /// The title of the sheet, as in Điều 8.2.c (Thái Nguyên) or Điều 7.4 (453).
    pub fn title(&self, year: i32) -> String {
        if let Some(named) = &self.named_title {
            named.replace("{year}", &year.to_string())
        } else if self.graded {
            format!("BIỂU CHẤM ĐIỂM ĐÁNH GIÁ, XẾP LOẠI MỨC ĐỘ HOÀN THÀNH NHIỆM VỤ NĂM {year}")
        } else {
            format!("BIỂU TỰ CHẤM ĐIỂM, ĐÁNH GIÁ VÀ XẾP LOẠI CHẤT LƯỢNG TẬP THỂ LÃNH ĐẠO NĂM {year}")
        }
    }

    /// The evidence list's columns: STT, title, criterion, date, and the reference merged to this column.
    pub fn evidence_reference_end(&self) -> u16 {
        if self.graded { self.col(Column::Grade(Grade::Poor)).unwrap_or(4) } else { 5 }
    }

    /// The columns of the signature block on the right.
    pub fn right_block(&self) -> (u16, u16) {
        let last = self.last_visible();
        if self.graded { (last - 2, last) } else { (last - 1, last) }
    }

    /// Who signs for the unit on the left.
    pub fn unit_signer(&self) -> &'static str {
        if self.graded { "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ" } else { "TM. TẬP THỂ LÃNH ĐẠO" }
    }
}

/// What a row of the table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// *Nội dung* (or part A/B/C): its subtotal.
    Content,
    /// *Tiêu chí*: its sum and, where the regulation grades, its grade.
    Criterion,
    /// A criterion printed without components: graded like a criterion, scored like a component.
    LeafCriterion,
    /// A middle level (B.2.1 between B.2 and B.2.1.1): its subtotal, by formula.
    SubCriterion,
    /// *Tiêu chí thành phần*: a scored leaf.
    Component,
}

impl RowKind {
    /// The unit types a self-score into this row.
    pub fn is_scored(self) -> bool {
        matches!(self, RowKind::LeafCriterion | RowKind::Component)
    }
}

/// One row of the table as the layout fixes it: the reader refuses a sheet where any of this differs.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedRow {
    /// What the row is.
    pub kind: RowKind,
    /// The hidden code the reader keys the row by.
    pub code: String,
    /// The number printed in the STT column.
    pub stt: String,
    /// The name, as the framework has it.
    pub name: String,
    /// Max points.
    pub max: Decimal,
    /// The appraising agencies' names, joined by commas (empty where none is named).
    pub agencies: String,
}

/// The table's rows for a framework, in the appendix's order: contents, criteria, components.
pub fn plan_rows(regulation: &Regulation, framework: &Framework) -> Vec<PlannedRow> {
    let agency_names = |codes: &[String]| {
        codes
            .iter()
            .map(|code| regulation.agency(code).map(|a| a.name.clone()).unwrap_or_else(|| code.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut rows = Vec::new();
    for content in &framework.contents {
        let (stt, name) = match content.code.strip_prefix("ND-") {
            Some(roman) => (String::new(), format!("NỘI DUNG {roman}. {}", content.name)),
            None => (content.code.clone(), content.name.clone()),
        };
        rows.push(PlannedRow {
            kind: RowKind::Content,
            code: content.code.clone(),
            stt,
            name,
            max: content.max,
            agencies: String::new(),
        });
        for criterion in &content.criteria {
            let stt = criterion.code.rsplit('.').next().unwrap_or(&criterion.code).to_string();
            if criterion.is_leaf {
                let agencies = criterion.components.first().map(|c| agency_names(&c.agencies)).unwrap_or_default();
                rows.push(PlannedRow {
                    kind: RowKind::LeafCriterion,
                    code: criterion.code.clone(),
                    stt,
                    name: criterion.name.clone(),
                    max: criterion.max,
                    agencies: criterion.agency_note.clone().unwrap_or(agencies),
                });
                continue;
            }
            rows.push(PlannedRow {
                kind: RowKind::Criterion,
                code: criterion.code.clone(),
                stt,
                name: criterion.name.clone(),
                max: criterion.max,
                agencies: criterion.agency_note.clone().unwrap_or_default(),
            });
            if !criterion.subcriteria.is_empty() {
                // Every level on its own row, each middle level just before its first leaf (synthetic B.2).
                for row in criterion.tree() {
                    let component = row.component;
                    rows.push(PlannedRow {
                        kind: if component.is_some() { RowKind::Component } else { RowKind::SubCriterion },
                        code: row.code.to_string(),
                        stt: if component.is_some() { "-".to_string() } else { row.code.to_string() },
                        name: row.name.to_string(),
                        max: row.max,
                        agencies: component
                            .map(|c| c.agency_note.clone().unwrap_or_else(|| agency_names(&c.agencies)))
                            .unwrap_or_default(),
                    });
                }
                continue;
            }
            for component in &criterion.components {
                // 453 prints its items as dashes; Thái Nguyên numbers its components 1, 2, 3 …
                let stt = if component.code.split('.').count() >= 3 {
                    "-".to_string()
                } else {
                    component.code.rsplit('.').next().unwrap_or(&component.code).to_string()
                };
                rows.push(PlannedRow {
                    kind: RowKind::Component,
                    code: component.code.to_string(),
                    stt,
                    name: component.name.clone(),
                    max: component.max,
                    agencies: component.agency_note.clone().unwrap_or_else(|| agency_names(&component.agencies)),
                });
            }
        }
    }
    rows
}

/// The line under the unit's name that names the unit, its framework and the round, for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// The unit's code.
    pub unit: crate::domain::code::UnitCode,
    /// The framework's key (`phu-luc-1.toml`), so a sheet is read against the framework it was made from.
    pub framework: String,
    /// The regulation's id.
    pub regulation: String,
    /// The round's year.
    pub year: i32,
}

const META_UNIT: &str = "Mã đơn vị";
const META_FRAMEWORK: &str = "Khung tiêu chí";
const META_REGULATION: &str = "Quy chế";
const META_YEAR: &str = "Năm";

impl Meta {
    /// `Mã đơn vị: stc · Khối: … · Khung tiêu chí: phu-luc-1.toml · Quy chế: thai-nguyen-2024 · Năm: 2024`.
    pub fn line(&self, bloc: &str, group: Option<&str>) -> String {
        let mut parts = vec![format!("{META_UNIT}: {}", self.unit), format!("Khối: {bloc}")];
        if let Some(group) = group {
            parts.push(format!("Nhóm: {group}"));
        }
        parts.push(format!("{META_FRAMEWORK}: {}", self.framework));
        parts.push(format!("{META_REGULATION}: {}", self.regulation));
        parts.push(format!("{META_YEAR}: {}", self.year));
        parts.join(" · ")
    }

    /// Reads the meta line back; None when a field is missing or the year is not a number.
    pub fn parse(line: &str) -> Option<Meta> {
        let field = |label: &str| {
            line.split(" · ").find_map(|part| part.strip_prefix(label)?.strip_prefix(": ").map(str::trim))
        };
        Some(Meta {
            unit: field(META_UNIT)?.into(),
            framework: field(META_FRAMEWORK)?.to_string(),
            regulation: field(META_REGULATION)?.to_string(),
            year: field(META_YEAR)?.parse().ok()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meta_line_reads_back() {
        let meta = Meta {
            unit: "stc".into(),
            framework: "phu-luc-1.toml".into(),
            regulation: "thai-nguyen-2024".into(),
            year: 2024,
        };
        assert_eq!(Meta::parse(&meta.line("Khối các sở, ban, ngành", None)), Some(meta.clone()));
        assert_eq!(Meta::parse(&meta.line("Khối · lạ", Some("II"))), Some(meta));
        assert_eq!(Meta::parse("Cơ quan, đơn vị: Sở Tài chính"), None);
    }
}
