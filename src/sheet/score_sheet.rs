//! The score sheet of one unit as a sheet model: the appendix's table with sums by formula, the level, evidence, signatures.

use super::layout::{
    APPLICABLE_NO, APPLICABLE_YES, Column, EVIDENCE_BLANK_ROWS, EVIDENCE_HEADERS, EVIDENCE_TITLE, FIRST_TABLE_ROW,
    FRAMEWORK_ROW, GRADE_GROUP_HEADER, HEADER_ROW, Layout, META_ROW, Meta, PlannedRow, ROUNDED_TOTAL_CODE, RowKind,
    SOURCE_ROW, TITLE_ROW, TOTAL_CODE, TOTAL_LABEL, UNIT_ROW, plan_rows,
};
use super::model::{Align, FormulaResult, Sheet, Style, Validation, Value, column_letters};
use crate::domain::entries::Entries;
use crate::domain::evaluate::UnitRecord;
use crate::domain::framework::Framework;
use crate::domain::grades::Grade;
use crate::domain::ranking::RankedUnit;
use crate::domain::reasons::unit_reasons;
use crate::domain::regulation::Regulation;
use crate::domain::score::{display_vi, round_half_away};
use crate::domain::scoring::{ComponentScore, UnitScore, score_unit};
use crate::store::import::EvidenceRow;
use rust_decimal::Decimal;

/// Everything one unit's sheet shows.
pub struct UnitSheet<'a> {
    pub regulation: &'a Regulation,
    pub year: i32,
    pub unit: &'a UnitRecord,
    pub framework: &'a Framework,
    pub evidence: Vec<&'a EvidenceRow>,
    /// The unit's place in its bloc's ranking (level after the quota, reasons), when it has one.
    pub ranked: Option<&'a RankedUnit>,
    /// The sheet's name in the workbook (the unit code, within Excel's 31 characters).
    pub sheet_name: String,
}

pub(super) fn plain() -> Style {
    Style::default()
}

pub(super) fn cell() -> Style {
    Style { border: true, ..Style::default() }
}

fn centered(style: Style) -> Style {
    Style { align: Align::Center, ..style }
}

fn bold(style: Style) -> Style {
    Style { bold: true, ..style }
}

fn italic(style: Style) -> Style {
    Style { italic: true, ..style }
}

/// Entries with only the unit's self-scores, or only the council's appraisals, so each column is scored alone.
fn column_entries(unit: &UnitRecord, appraised: bool) -> Entries {
    unit.entries
        .iter()
        .map(|(code, entry)| {
            let mut entry = entry.clone();
            if appraised {
                entry.self_score = None;
            } else {
                entry.appraised_score = None;
                entry.leader_scores.clear();
            }
            (code.clone(), entry)
        })
        .collect()
}

/// Where each planned row landed, for formulas.
struct Rows<'p> {
    planned: &'p [PlannedRow],
    first: u32,
}

impl Rows<'_> {
    fn row_of(&self, code: &str) -> u32 {
        let index = self.planned.iter().position(|row| row.code == code).unwrap_or(0);
        self.first + index as u32
    }
}

/// The formulas of one score column (self or appraised), in the regulation's arithmetic.
struct Formulas<'a> {
    framework: &'a Framework,
    rows: Rows<'a>,
    /// Column letters of the max and of the applicability marks (453 only).
    max: String,
    applicable: Option<String>,
}

impl Formulas<'_> {
    fn component_range(&self, column: &str, criterion: &crate::domain::framework::Criterion) -> String {
        let first = criterion.components.first().map(|c| self.rows.row_of(&c.code)).unwrap_or(0);
        let last = criterion.components.last().map(|c| self.rows.row_of(&c.code)).unwrap_or(0);
        format!("{column}{}:{column}{}", first + 1, last + 1)
    }

    /// True (as an Excel expression) when every item of a criterion is marked not applicable.
    fn wholly_not_applicable(&self, criterion: &crate::domain::framework::Criterion) -> Option<String> {
        let applicable = self.applicable.as_ref()?;
        if criterion.is_leaf {
            let row = self.rows.row_of(&criterion.code) + 1;
            return Some(format!("{applicable}{row}=\"{APPLICABLE_NO}\""));
        }
        let range = self.component_range(applicable, criterion);
        Some(format!("COUNTIF({range},\"{APPLICABLE_NO}\")=ROWS({range})"))
    }

    /// A criterion's max plus the points of wholly not-applicable siblings that move to it (453 part C).
    fn effective_max(
        &self,
        criterion: &crate::domain::framework::Criterion,
        siblings: &[crate::domain::framework::Criterion],
    ) -> String {
        let mut expression = format!("{}{}", self.max, self.rows.row_of(&criterion.code) + 1);
        for sibling in siblings.iter().filter(|s| s.transfer_to.as_deref() == Some(criterion.code.as_str())) {
            if let Some(gone) = self.wholly_not_applicable(sibling) {
                expression += &format!("+IF({gone},{}{},0)", self.max, self.rows.row_of(&sibling.code) + 1);
            }
        }
        expression
    }

    fn criterion(
        &self,
        column: &str,
        criterion: &crate::domain::framework::Criterion,
        siblings: &[crate::domain::framework::Criterion],
    ) -> String {
        let range = self.component_range(column, criterion);
        let Some(applicable) = &self.applicable else { return format!("SUM({range})") };
        let marks = self.component_range(applicable, criterion);
        let maxes = self.component_range(&self.max, criterion);
        let row = self.rows.row_of(&criterion.code) + 1;
        let effective = self.effective_max(criterion, siblings);
        format!(
            "IF(COUNTIF({marks},\"{APPLICABLE_NO}\")=ROWS({marks}),\"\",IF(AND(COUNTIF({marks},\"{APPLICABLE_NO}\")=0,{effective}={max}{row}),SUM({range}),SUMIF({marks},\"<>{APPLICABLE_NO}\",{range})*({effective})/SUMIF({marks},\"<>{APPLICABLE_NO}\",{maxes})))",
            max = self.max
        )
    }

    fn content(&self, column: &str, content: &crate::domain::framework::Content) -> String {
        let cells: Vec<String> =
            content.criteria.iter().map(|c| format!("{column}{}", self.rows.row_of(&c.code) + 1)).collect();
        let sum = format!("SUM({})", cells.join(","));
        if self.applicable.is_none() {
            return sum;
        }
        let denominator: Vec<String> = content
            .criteria
            .iter()
            .map(|criterion| {
                let gone = self.wholly_not_applicable(criterion).unwrap_or_else(|| "FALSE".into());
                format!("IF({gone},0,{})", self.effective_max(criterion, &content.criteria))
            })
            .collect();
        let denominator = denominator.join("+");
        let max = format!("{}{}", self.max, self.rows.row_of(&content.code) + 1);
        format!("IF(({denominator})=0,\"\",IF(({denominator})={max},{sum},{sum}*{max}/({denominator})))")
    }

    fn total(&self, column: &str, total_row: u32) -> String {
        let cells: Vec<String> =
            self.framework.contents.iter().map(|c| format!("{column}{}", self.rows.row_of(&c.code) + 1)).collect();
        let sum = format!("SUM({})", cells.join(","));
        if self.applicable.is_none() {
            return sum;
        }
        let denominator: Vec<String> = self
            .framework
            .contents
            .iter()
            .map(|c| {
                let row = self.rows.row_of(&c.code) + 1;
                format!("IF({column}{row}=\"\",0,{}{row})", self.max)
            })
            .collect();
        let denominator = denominator.join("+");
        let max = format!("{}{}", self.max, total_row + 1);
        format!("IF(({denominator})=0,0,IF(({denominator})={max},{sum},{sum}*{max}/({denominator})))")
    }
}

fn result_of(value: Option<Decimal>) -> FormulaResult {
    match value {
        Some(number) => FormulaResult::Number(number),
        None => FormulaResult::Text(String::new()),
    }
}

/// Builds the sheet model of one unit; the check block is added by the caller once the hash is known.
pub fn build(input: &UnitSheet<'_>) -> Sheet {
    let regulation = input.regulation;
    let layout = Layout::for_regulation(regulation);
    let last = layout.last_visible();
    let mut sheet = Sheet::new(input.sheet_name.clone(), layout.widths());
    if let Some(code) = layout.col(Column::Code) {
        sheet.hidden_columns.push(code);
    }
    let col = |column: Column| layout.col(column);

    // Title, framework, source, unit, and the line the reader keys the sheet by.
    let title = Style { bold: true, size: 14.0, align: Align::Center, ..plain() };
    sheet.merged_text((TITLE_ROW, 0), (TITLE_ROW, last), layout.title(input.year), title);
    sheet.merged_text((FRAMEWORK_ROW, 0), (FRAMEWORK_ROW, last), &input.framework.title, centered(bold(plain())));
    sheet.merged_text(
        (SOURCE_ROW, 0),
        (SOURCE_ROW, last),
        format!("(Theo {}; {})", input.framework.source, regulation.title),
        centered(italic(plain())),
    );
    let unit = input.unit;
    sheet.merged_text((UNIT_ROW, 0), (UNIT_ROW, last), format!("Cơ quan, đơn vị: {}", unit.name), bold(plain()));
    let bloc_name = regulation.bloc(&unit.bloc).map(|b| b.name.as_str()).unwrap_or(&unit.bloc);
    let meta = Meta {
        unit: unit.code.clone(),
        framework: input.framework.key.clone(),
        regulation: regulation.id.clone(),
        year: input.year,
    };
    sheet.merged_text(
        (META_ROW, 0),
        (META_ROW, last),
        meta.line(bloc_name, unit.group.as_deref()),
        Style { italic: true, size: 9.0, ..plain() },
    );
    for row in [TITLE_ROW, FRAMEWORK_ROW, SOURCE_ROW, UNIT_ROW, META_ROW] {
        sheet.fit_row(row);
    }

    // The table's header: two rows, the grade marks under one merged heading.
    let header = Style { bold: true, align: Align::Center, border: true, shaded: true, ..plain() };
    for (index, spec) in layout.columns.iter().enumerate() {
        let index = index as u16;
        match spec.column {
            Column::Grade(_) => sheet.text(HEADER_ROW + 1, index, spec.header, header),
            _ => sheet.merged_text((HEADER_ROW, index), (HEADER_ROW + 1, index), spec.header, header),
        }
    }
    if let (Some(first), Some(last_grade)) = (col(Column::Grade(Grade::Excellent)), col(Column::Grade(Grade::Poor))) {
        sheet.merged_text((HEADER_ROW, first), (HEADER_ROW, last_grade), GRADE_GROUP_HEADER, header);
    }
    sheet.row_heights.insert(HEADER_ROW, 20.0);
    sheet.row_heights.insert(HEADER_ROW + 1, 34.0);
    sheet.repeat_rows = Some((HEADER_ROW, HEADER_ROW + 1));

    // The rows of the appendix.
    let planned = plan_rows(regulation, input.framework);
    let total_row = FIRST_TABLE_ROW + planned.len() as u32;
    let letter = |column: Column| col(column).map(column_letters).unwrap_or_default();
    let formulas = Formulas {
        framework: input.framework,
        rows: Rows { planned: &planned, first: FIRST_TABLE_ROW },
        max: letter(Column::Max),
        applicable: col(Column::Applicable).map(column_letters),
    };
    let self_score: UnitScore =
        score_unit(input.framework, &column_entries(unit, false), regulation.grades.as_ref(), &unit.grade_overrides);
    let appraised_score: UnitScore =
        score_unit(input.framework, &column_entries(unit, true), regulation.grades.as_ref(), &unit.grade_overrides);
    let full_score = score_unit(input.framework, &unit.entries, regulation.grades.as_ref(), &unit.grade_overrides);
    let missing = ComponentScore::default();
    let score_style = Style { align: Align::Center, ..cell() };
    let sum_style = Style { bold: true, number_format: Some("0.00"), ..score_style };

    for (index, row) in planned.iter().enumerate() {
        let r = FIRST_TABLE_ROW + index as u32;
        let emphasis = matches!(row.kind, RowKind::Content | RowKind::Criterion | RowKind::LeafCriterion);
        let text_style = if emphasis { bold(cell()) } else { cell() };
        let number_style = if emphasis { bold(score_style) } else { score_style };
        for (c, _) in layout.columns.iter().enumerate() {
            sheet.put(r, c as u16, None, cell());
        }
        if let Some(c) = col(Column::Stt) {
            sheet.text(r, c, &row.stt, centered(text_style));
        }
        if let Some(c) = col(Column::Name) {
            sheet.text(r, c, &row.name, text_style);
        }
        if let Some(c) = col(Column::Max) {
            sheet.number(r, c, Some(row.max), number_style);
        }
        if let Some(c) = col(Column::Agency) {
            sheet.text(r, c, &row.agencies, Style { size: 10.0, ..cell() });
        }
        if let Some(c) = col(Column::Code) {
            sheet.text(r, c, &row.code, cell());
        }
        match row.kind {
            RowKind::Component | RowKind::LeafCriterion => {
                let entry = unit.entries.get(&row.code).unwrap_or(&missing);
                let input = Style { input: true, ..number_style };
                if let Some(c) = col(Column::SelfScore) {
                    sheet.number(r, c, entry.self_score, input);
                    sheet.validations.push(Validation::Score { row: r, col: c, max: row.max });
                }
                if let Some(c) = col(Column::Appraised) {
                    let appraised = entry.effective_appraised();
                    // A leaders' mean may run past two decimals: show two, keep the exact value in the cell.
                    let shown = match appraised {
                        Some(value) if value.normalize().scale() > regulation.official_decimals => {
                            Style { number_format: Some("0.00"), ..number_style }
                        }
                        _ => number_style,
                    };
                    sheet.number(r, c, appraised, shown);
                }
                if let Some(c) = col(Column::Reason) {
                    sheet.text(r, c, &entry.deduction_reason, Style { size: 10.0, ..cell() });
                }
                if let Some(c) = col(Column::Explanation) {
                    sheet.text(r, c, &*entry.explanation, Style { size: 10.0, input: true, ..cell() });
                }
                if let Some(c) = col(Column::Applicable) {
                    let mark = if entry.applicable { APPLICABLE_YES } else { APPLICABLE_NO };
                    sheet.text(r, c, mark, Style { input: true, ..centered(cell()) });
                    sheet.validations.push(Validation::List {
                        row: r,
                        col: c,
                        choices: vec![APPLICABLE_YES, APPLICABLE_NO],
                    });
                }
            }
            RowKind::Criterion => {
                let Some((content, criterion)) = input.framework.criterion(&row.code) else { continue };
                for (column, score) in [(Column::SelfScore, &self_score), (Column::Appraised, &appraised_score)] {
                    let Some(c) = col(column) else { continue };
                    let formula = formulas.criterion(&column_letters(c), criterion, &content.criteria);
                    let result = result_of(score.criterion(&row.code).and_then(|s| s.score));
                    sheet.put(r, c, Some(Value::Formula { formula, result }), sum_style);
                }
            }
            RowKind::Content => {
                let Some(content) = input.framework.contents.iter().find(|c| c.code == row.code) else { continue };
                for (column, score) in [(Column::SelfScore, &self_score), (Column::Appraised, &appraised_score)] {
                    let Some(c) = col(column) else { continue };
                    let formula = formulas.content(&column_letters(c), content);
                    let value = score.contents.iter().find(|(code, _)| *code == row.code).and_then(|(_, s)| *s);
                    sheet.put(r, c, Some(Value::Formula { formula, result: result_of(value) }), sum_style);
                }
            }
        }
        // The quality grade of a criterion, marked once the council has appraised all of it.
        if layout.graded && matches!(row.kind, RowKind::Criterion | RowKind::LeafCriterion) {
            let fully_appraised = input.framework.criterion(&row.code).is_some_and(|(_, criterion)| {
                criterion.components.iter().all(|component| {
                    let entry = unit.entries.get(&component.code).unwrap_or(&missing);
                    !entry.applicable || entry.effective_appraised().is_some()
                })
            });
            let grade = full_score.criterion(&row.code).and_then(|c| c.grade).filter(|_| fully_appraised);
            if let Some(grade) = grade
                && let Some(c) = col(Column::Grade(grade))
            {
                sheet.text(r, c, "x", bold(centered(cell())));
            }
        }
        sheet.fit_row(r);
    }

    // Totals: the exact sum, then the official figure rounded half away from zero (ROUND in Excel does the same).
    let label_end = col(Column::Name).unwrap_or(1);
    for (r, label, code) in [
        (total_row, TOTAL_LABEL.to_string(), TOTAL_CODE),
        (
            total_row + 1,
            format!("Tổng điểm làm tròn {} chữ số thập phân", regulation.official_decimals),
            ROUNDED_TOTAL_CODE,
        ),
    ] {
        for (c, _) in layout.columns.iter().enumerate() {
            sheet.put(r, c as u16, None, cell());
        }
        sheet.merged_text((r, 0), (r, label_end), label, bold(centered(cell())));
        if let Some(c) = col(Column::Code) {
            sheet.text(r, c, code, cell());
        }
    }
    if let Some(c) = col(Column::Max) {
        sheet.number(total_row, c, Some(input.framework.max()), bold(score_style));
    }
    for (column, score) in [(Column::SelfScore, &self_score), (Column::Appraised, &appraised_score)] {
        let Some(c) = col(column) else { continue };
        let letters = column_letters(c);
        let formula = formulas.total(&letters, total_row);
        sheet.put(
            total_row,
            c,
            Some(Value::Formula { formula, result: FormulaResult::Number(score.total) }),
            sum_style,
        );
        let decimals = regulation.official_decimals;
        let rounded = round_half_away(score.total, decimals);
        let formula = format!("ROUND({letters}{},{decimals})", total_row + 1);
        sheet.put(
            total_row + 1,
            c,
            Some(Value::Formula { formula, result: FormulaResult::Number(rounded) }),
            sum_style,
        );
    }
    sheet.fit_row(total_row);
    sheet.fit_row(total_row + 1);

    // The level reached, with the reasons the council sees.
    let mut r = total_row + 3;
    if let Some(ranked) = input.ranked {
        let mut line = format!(
            "Tổng điểm thẩm định: {} điểm",
            display_vi(round_half_away(ranked.total, regulation.official_decimals))
        );
        if ranked.provisional {
            let open = full_score.applicable_count - full_score.appraised_count;
            line += &format!(
                " (tạm tính: còn {open} tiêu chí thành phần chưa thẩm định; điểm chưa thẩm định tính theo điểm tự đánh giá)"
            );
        }
        sheet.merged_text((r, 0), (r, last), line, bold(plain()));
        sheet.fit_row(r);
        r += 1;
        let level = format!("Mức xếp loại: {}", ranked.outcome.vietnamese().to_uppercase());
        sheet.merged_text((r, 0), (r, last), level, Style { bold: true, size: 12.0, ..plain() });
        sheet.fit_row(r);
        r += 1;
        let reasons = unit_reasons(regulation, input.unit, ranked, |code| {
            let filed = input.evidence.iter().filter(|document| document.criterion == code).count();
            u32::try_from(filed).unwrap_or(u32::MAX)
        });
        if !reasons.is_empty() {
            let reasons: Vec<String> = reasons.iter().map(|reason| format!("- {reason}")).collect();
            sheet.merged_text(
                (r, 0),
                (r, last),
                format!("Căn cứ xếp loại:\n{}", reasons.join("\n")),
                Style { italic: true, size: 10.0, ..plain() },
            );
            sheet.fit_row(r);
            r += 1;
        }
    }

    // The evidence list: what the unit sent, then blank numbered rows to add more.
    r += 1;
    sheet.merged_text((r, 0), (r, last), EVIDENCE_TITLE, bold(plain()));
    r += 1;
    let reference_end = layout.evidence_reference_end();
    for (c, label) in EVIDENCE_HEADERS.iter().enumerate() {
        let c = c as u16;
        let end = if c == 4 { reference_end } else { c };
        sheet.merged_text((r, c), (r, end), *label, header);
    }
    sheet.fit_row(r);
    r += 1;
    let order: Vec<&str> = planned.iter().map(|p| p.code.as_str()).collect();
    let mut evidence = input.evidence.clone();
    evidence.sort_by_key(|e| {
        (order.iter().position(|code| *code == e.criterion), e.issued_on.clone(), e.reference.clone())
    });
    let count = evidence.len() + EVIDENCE_BLANK_ROWS;
    for index in 0..count {
        let row = evidence.get(index);
        let style = Style { input: true, ..cell() };
        sheet.number(r, 0, Some(Decimal::from(index + 1)), centered(cell()));
        sheet.text(r, 1, row.map(|e| e.title.as_str()).unwrap_or(""), style);
        sheet.text(r, 2, row.map(|e| e.criterion.as_str()).unwrap_or(""), centered(style));
        sheet.text(r, 3, row.map(|e| iso_to_vn(&e.issued_on)).unwrap_or_default(), centered(style));
        sheet.merged_text((r, 4), (r, reference_end), row.map(|e| e.reference.as_str()).unwrap_or(""), style);
        sheet.fit_row(r);
        r += 1;
    }

    // Signatures: the unit's head on the left, the council's chairman on the right.
    r += 1;
    let (right_first, right_last) = layout.right_block();
    let signer = centered(bold(plain()));
    let hint = centered(italic(plain()));
    sheet.merged_text((r, right_first), (r, right_last), "…………, ngày …… tháng …… năm ……", hint);
    r += 1;
    sheet.merged_text((r, 0), (r, label_end), layout.unit_signer(), signer);
    sheet.merged_text((r, right_first), (r, right_last), "TM. HỘI ĐỒNG THẨM ĐỊNH", signer);
    r += 1;
    sheet.merged_text((r, 0), (r, label_end), "(Ký, ghi rõ họ tên, đóng dấu)", hint);
    sheet.merged_text((r, right_first), (r, right_last), "CHỦ TỊCH", signer);
    r += 1;
    sheet.merged_text((r, right_first), (r, right_last), "(Ký, ghi rõ họ tên, đóng dấu)", hint);
    for blank in 1..=4 {
        sheet.row_heights.insert(r + blank, 18.0);
    }
    sheet
}

/// `2024-11-20` → `20/11/2024`, as offices write dates.
pub fn iso_to_vn(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [year, month, day] => format!("{day}/{month}/{year}"),
        _ => iso.to_string(),
    }
}
