//! The score sheet of one unit as a sheet model: the appendix's table with sums by formula, the level, evidence, signatures.

use super::formulas::{Formulas, Rows, result_of};
use super::layout::{
    APPLICABLE_NO, APPLICABLE_YES, Column, EVIDENCE_BLANK_ROWS, EVIDENCE_HEADERS, EVIDENCE_TITLE, FIRST_TABLE_ROW,
    FRAMEWORK_ROW, GRADE_GROUP_HEADER, HEADER_ROW, Layout, META_ROW, Meta, PlannedRow, ROUNDED_TOTAL_CODE, RowKind,
    SOURCE_ROW, TITLE_ROW, TOTAL_CODE, TOTAL_LABEL, UNIT_ROW, plan_rows,
};
use super::model::{Align, FormulaResult, Sheet, Style, Validation, Value, col_at, column_letters, row_at};
use crate::domain::entries::Entries;
use crate::domain::evaluate::UnitRecord;
use crate::domain::framework::Framework;
use crate::domain::grades::Grade;
use crate::domain::ranking::RankedUnit;
use crate::domain::reasons::unit_reasons;
use crate::domain::regulation::Regulation;
use crate::domain::score::{display_vi, round_half_away};
use crate::domain::scoring::{ComponentScore, UnitScore, score_unit};
use crate::store::EvidenceRow;
use rust_decimal::Decimal;
use std::fmt::Write;

/// Everything one unit's sheet shows.
pub struct UnitSheet<'a> {
    /// The regulation, for the layout, grades and words.
    pub regulation: &'a Regulation,
    /// The round's year, in the title.
    pub year: i32,
    /// The unit and everything recorded for it.
    pub unit: &'a UnitRecord,
    /// The framework its rows follow.
    pub framework: &'a Framework,
    /// Its evidence documents, listed below the table.
    pub evidence: Vec<&'a EvidenceRow>,
    /// The unit's place in its bloc's ranking (level after the quota, reasons), when it has one.
    pub ranked: Option<&'a RankedUnit>,
    /// The sheet's name in the workbook (the unit code, within Excel's 31 characters).
    pub sheet_name: String,
    /// Its bloc is approved; otherwise the sheet is a draft (DỰ THẢO, levels tạm tính, no council signature).
    pub approved: bool,
    /// The unit's own sheet before approval: no council column, level or reason (`Layout::for_unit`).
    pub own: bool,
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

/// Builds the sheet model of one unit; the check block is added by the caller once the hash is known.
pub fn build(input: &UnitSheet<'_>) -> Sheet {
    let page = Page::new(input);
    let mut sheet = Sheet::new(input.sheet_name.clone(), page.layout.widths());
    if let Some(code) = page.col(Column::Code) {
        sheet.hidden_columns.push(code);
    }
    page.write_heading(&mut sheet);
    page.write_table_header(&mut sheet);
    page.write_table_rows(&mut sheet);
    page.write_totals(&mut sheet);
    let r = page.write_level(&mut sheet, page.total_row + 3);
    let r = page.write_evidence(&mut sheet, r + 1);
    page.write_signatures(&mut sheet, r + 1);
    sheet.draft = page.is_draft();
    sheet
}

/// The three scorings a unit's sheet shows: the self column alone, the appraised column alone, and the two
/// together (the level reached and the quality grades).
struct Scores {
    self_score: UnitScore,
    appraised: UnitScore,
    full: UnitScore,
}

impl Scores {
    fn of(input: &UnitSheet<'_>) -> Scores {
        let (framework, unit, grades) = (input.framework, input.unit, input.regulation.grades.as_ref());
        Scores {
            self_score: score_unit(framework, &column_entries(unit, false), grades, &unit.grade_overrides),
            appraised: score_unit(framework, &column_entries(unit, true), grades, &unit.grade_overrides),
            full: score_unit(framework, &unit.entries, grades, &unit.grade_overrides),
        }
    }

    /// The two score columns with the scoring each one shows.
    fn columns(&self) -> [(Column, &UnitScore); 2] {
        [(Column::SelfScore, &self.self_score), (Column::Appraised, &self.appraised)]
    }
}

/// What every section of one unit's sheet reads: the input, the columns, the appendix's rows and the scores.
struct Page<'a> {
    input: &'a UnitSheet<'a>,
    layout: Layout,
    planned: Vec<PlannedRow>,
    scores: Scores,
    /// The row of the exact total, right under the appendix's rows.
    total_row: u32,
}

fn header_style() -> Style {
    Style { bold: true, align: Align::Center, border: true, shaded: true, ..plain() }
}

fn score_style() -> Style {
    Style { align: Align::Center, ..cell() }
}

fn sum_style() -> Style {
    Style { bold: true, number_format: Some("0.00"), ..score_style() }
}

impl<'a> Page<'a> {
    fn new(input: &'a UnitSheet<'a>) -> Page<'a> {
        let planned = plan_rows(input.regulation, input.framework);
        let total_row = FIRST_TABLE_ROW.saturating_add(row_at(planned.len()));
        let layout =
            if input.own { Layout::for_unit(input.regulation) } else { Layout::for_regulation(input.regulation) };
        Page { input, layout, planned, scores: Scores::of(input), total_row }
    }

    /// Shows a result its bloc has not approved (the unit's own sheet shows none: it is the unit's paper).
    fn is_draft(&self) -> bool {
        !self.input.approved && !self.input.own
    }

    fn col(&self, column: Column) -> Option<u16> {
        self.layout.col(column)
    }

    fn formulas(&self) -> Formulas<'_> {
        let letter = |column: Column| self.col(column).map(column_letters).unwrap_or_default();
        Formulas {
            framework: self.input.framework,
            rows: Rows { planned: &self.planned, first: FIRST_TABLE_ROW },
            max: letter(Column::Max),
            applicable: self.col(Column::Applicable).map(column_letters),
        }
    }

    /// Title, framework, source, unit, and the line the reader keys the sheet by.
    fn write_heading(&self, sheet: &mut Sheet) {
        let (input, regulation, last) = (self.input, self.input.regulation, self.layout.last_visible());
        let title = Style { bold: true, size: 14.0, align: Align::Center, ..plain() };
        let title_text =
            if self.is_draft() { self.layout.draft_title(input.year) } else { self.layout.title(input.year) };
        sheet.merged_text((TITLE_ROW, 0), (TITLE_ROW, last), title_text, title);
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
    }

    /// The table's header: two rows, the grade marks under one merged heading.
    fn write_table_header(&self, sheet: &mut Sheet) {
        let header = header_style();
        for (index, spec) in self.layout.columns.iter().enumerate() {
            let index = col_at(index);
            match spec.column {
                Column::Grade(_) => sheet.text(HEADER_ROW + 1, index, &spec.header, header),
                _ => sheet.merged_text((HEADER_ROW, index), (HEADER_ROW + 1, index), &spec.header, header),
            }
        }
        if let (Some(first), Some(last_grade)) =
            (self.col(Column::Grade(Grade::Excellent)), self.col(Column::Grade(Grade::Poor)))
        {
            sheet.merged_text((HEADER_ROW, first), (HEADER_ROW, last_grade), GRADE_GROUP_HEADER, header);
        }
        sheet.row_heights.insert(HEADER_ROW, 20.0);
        sheet.row_heights.insert(HEADER_ROW + 1, 34.0);
        sheet.repeat_rows = Some((HEADER_ROW, HEADER_ROW + 1));
    }

    /// The rows of the appendix: labels, the unit's and the council's scores, sums by formula, grade marks.
    fn write_table_rows(&self, sheet: &mut Sheet) {
        let formulas = self.formulas();
        for (index, row) in self.planned.iter().enumerate() {
            let r = FIRST_TABLE_ROW.saturating_add(row_at(index));
            let emphasis = matches!(row.kind, RowKind::Content | RowKind::Criterion | RowKind::LeafCriterion);
            let number_style = if emphasis { bold(score_style()) } else { score_style() };
            self.write_row_labels(sheet, r, row, emphasis);
            match row.kind {
                RowKind::Component | RowKind::LeafCriterion => self.write_entered_scores(sheet, r, row, number_style),
                RowKind::Criterion => self.write_criterion_sums(sheet, r, row, &formulas),
                RowKind::SubCriterion => self.write_subtotals(sheet, r, row, &formulas),
                RowKind::Content => self.write_content_sums(sheet, r, row, &formulas),
            }
            if self.layout.graded && matches!(row.kind, RowKind::Criterion | RowKind::LeafCriterion) {
                self.mark_criterion_grade(sheet, r, row);
            }
            sheet.fit_row(r);
        }
    }

    /// A row's bordered cells with its number, name, max, appraising agencies and code.
    fn write_row_labels(&self, sheet: &mut Sheet, r: u32, row: &PlannedRow, emphasis: bool) {
        let text_style = if emphasis { bold(cell()) } else { cell() };
        let number_style = if emphasis { bold(score_style()) } else { score_style() };
        for (c, _) in self.layout.columns.iter().enumerate() {
            sheet.put(r, col_at(c), None, cell());
        }
        if let Some(c) = self.col(Column::Stt) {
            sheet.text(r, c, &row.stt, centered(text_style));
        }
        if let Some(c) = self.col(Column::Name) {
            sheet.text(r, c, &row.name, text_style);
        }
        if let Some(c) = self.col(Column::Max) {
            sheet.number(r, c, Some(row.max), number_style);
        }
        if let Some(c) = self.col(Column::Agency) {
            sheet.text(r, c, &row.agencies, Style { size: 10.0, ..cell() });
        }
        if let Some(c) = self.col(Column::Code) {
            sheet.text(r, c, &row.code, cell());
        }
    }

    /// The cells of an item the unit scores: its self-score, the council's score, the reason, the explanation,
    /// whether it applies.
    fn write_entered_scores(&self, sheet: &mut Sheet, r: u32, row: &PlannedRow, number_style: Style) {
        let missing = ComponentScore::default();
        let entry = self.input.unit.entries.get(&row.code).unwrap_or(&missing);
        let input = Style { input: true, ..number_style };
        if let Some(c) = self.col(Column::SelfScore) {
            sheet.number(r, c, entry.self_score, input);
            sheet.validations.push(Validation::Score { row: r, col: c, max: row.max });
        }
        if let Some(c) = self.col(Column::Appraised) {
            let appraised = entry.effective_appraised();
            // A leaders' mean may run past two decimals: show two, keep the exact value in the cell.
            let shown = match appraised {
                Some(value) if value.normalize().scale() > self.input.regulation.official_decimals => {
                    Style { number_format: Some("0.00"), ..number_style }
                }
                _ => number_style,
            };
            sheet.number(r, c, appraised, shown);
        }
        if let Some(c) = self.col(Column::Reason) {
            sheet.text(r, c, &entry.deduction_reason, Style { size: 10.0, ..cell() });
        }
        if let Some(c) = self.col(Column::Explanation) {
            sheet.text(r, c, &*entry.explanation, Style { size: 10.0, input: true, ..cell() });
        }
        if let Some(c) = self.col(Column::Applicable) {
            let mark = if entry.applicable { APPLICABLE_YES } else { APPLICABLE_NO };
            sheet.text(r, c, mark, Style { input: true, ..centered(cell()) });
            sheet.validations.push(Validation::List { row: r, col: c, choices: vec![APPLICABLE_YES, APPLICABLE_NO] });
        }
    }

    /// A criterion's self and appraised sums, by formula, with the value computed here as the cached result.
    fn write_criterion_sums(&self, sheet: &mut Sheet, r: u32, row: &PlannedRow, formulas: &Formulas<'_>) {
        let Some((content, criterion)) = self.input.framework.criterion(&row.code) else { return };
        for (column, score) in self.scores.columns() {
            let Some(c) = self.col(column) else { continue };
            let formula = formulas.criterion(&column_letters(c), criterion, &content.criteria);
            let result = result_of(score.criterion(&row.code).and_then(|s| s.score));
            sheet.put(r, c, Some(Value::Formula { formula, result }), sum_style());
        }
    }

    /// A middle level's (B.2.1) self and appraised subtotals, by formula, with `UnitScore::subtotal` of each
    /// column's entries as the cached result.
    fn write_subtotals(&self, sheet: &mut Sheet, r: u32, row: &PlannedRow, formulas: &Formulas<'_>) {
        let found = self.input.framework.criteria().find_map(|(_, criterion)| {
            criterion.subcriteria.iter().find(|sub| sub.code == row.code).map(|sub| (criterion, sub))
        });
        let Some((criterion, sub)) = found else { return };
        for (column, appraised) in [(Column::SelfScore, false), (Column::Appraised, true)] {
            let Some(c) = self.col(column) else { continue };
            let formula = formulas.subcriterion(&column_letters(c), criterion, sub);
            let value = UnitScore::subtotal(sub, &column_entries(self.input.unit, appraised));
            sheet.put(r, c, Some(Value::Formula { formula, result: result_of(value) }), sum_style());
        }
    }

    /// A content's self and appraised sums, by formula, with the value computed here as the cached result.
    fn write_content_sums(&self, sheet: &mut Sheet, r: u32, row: &PlannedRow, formulas: &Formulas<'_>) {
        let Some(content) = self.input.framework.contents.iter().find(|c| c.code == row.code) else { return };
        for (column, score) in self.scores.columns() {
            let Some(c) = self.col(column) else { continue };
            let formula = formulas.content(&column_letters(c), content);
            let value = score.contents.iter().find(|(code, _)| *code == row.code).and_then(|(_, s)| *s);
            sheet.put(r, c, Some(Value::Formula { formula, result: result_of(value) }), sum_style());
        }
    }

    /// The quality grade of a criterion, marked once the council has appraised all of it.
    fn mark_criterion_grade(&self, sheet: &mut Sheet, r: u32, row: &PlannedRow) {
        let missing = ComponentScore::default();
        let unit = self.input.unit;
        let fully_appraised = self.input.framework.criterion(&row.code).is_some_and(|(_, criterion)| {
            criterion.components.iter().all(|component| {
                let entry = unit.entries.get(&component.code).unwrap_or(&missing);
                !entry.applicable || entry.effective_appraised().is_some()
            })
        });
        let grade = self.scores.full.criterion(&row.code).and_then(|c| c.grade).filter(|_| fully_appraised);
        if let Some(grade) = grade
            && let Some(c) = self.col(Column::Grade(grade))
        {
            sheet.text(r, c, "x", bold(centered(cell())));
        }
    }

    /// Totals: the exact sum, then the official figure rounded half away from zero (ROUND in Excel does the same).
    fn write_totals(&self, sheet: &mut Sheet) {
        let (regulation, total_row) = (self.input.regulation, self.total_row);
        let label_end = self.col(Column::Name).unwrap_or(1);
        let rounded_label = format!("Tổng điểm làm tròn {} chữ số thập phân", regulation.official_decimals);
        for (r, label, code) in
            [(total_row, TOTAL_LABEL.to_string(), TOTAL_CODE), (total_row + 1, rounded_label, ROUNDED_TOTAL_CODE)]
        {
            for (c, _) in self.layout.columns.iter().enumerate() {
                sheet.put(r, col_at(c), None, cell());
            }
            sheet.merged_text((r, 0), (r, label_end), label, bold(centered(cell())));
            if let Some(c) = self.col(Column::Code) {
                sheet.text(r, c, code, cell());
            }
        }
        if let Some(c) = self.col(Column::Max) {
            sheet.number(total_row, c, Some(self.input.framework.max()), bold(score_style()));
        }
        let formulas = self.formulas();
        for (column, score) in self.scores.columns() {
            let Some(c) = self.col(column) else { continue };
            let letters = column_letters(c);
            let formula = formulas.total(&letters, total_row);
            let total = Value::Formula { formula, result: FormulaResult::Number(score.total) };
            sheet.put(total_row, c, Some(total), sum_style());
            let decimals = regulation.official_decimals;
            let rounded = round_half_away(score.total, decimals);
            let formula = format!("ROUND({letters}{},{decimals})", total_row + 1);
            sheet.put(
                total_row + 1,
                c,
                Some(Value::Formula { formula, result: FormulaResult::Number(rounded) }),
                sum_style(),
            );
        }
        sheet.fit_row(total_row);
        sheet.fit_row(total_row + 1);
    }

    /// The level reached, with the reasons the council sees, from row `r`; returns the next free row.
    fn write_level(&self, sheet: &mut Sheet, mut r: u32) -> u32 {
        let Some(ranked) = self.input.ranked else { return r };
        let (regulation, last, full) = (self.input.regulation, self.layout.last_visible(), &self.scores.full);
        let mut line = format!(
            "Tổng điểm thẩm định: {} điểm",
            display_vi(round_half_away(ranked.total, regulation.official_decimals))
        );
        if ranked.provisional {
            let open = full.applicable_count - full.appraised_count;
            let _ = write!(
                line,
                " (tạm tính: còn {open} tiêu chí thành phần chưa thẩm định; điểm chưa thẩm định tính theo điểm tự đánh giá)"
            );
        }
        sheet.merged_text((r, 0), (r, last), line, bold(plain()));
        sheet.fit_row(r);
        r += 1;
        let tentative = if self.input.approved { "" } else { " (tạm tính)" };
        let level =
            format!("Mức xếp loại: {}{tentative}", self.input.regulation.outcome_vi(ranked.outcome).to_uppercase());
        sheet.merged_text((r, 0), (r, last), level, Style { bold: true, size: 12.0, ..plain() });
        sheet.fit_row(r);
        r += 1;
        let reasons = unit_reasons(regulation, self.input.unit, ranked, |code| {
            let filed = self.input.evidence.iter().filter(|document| document.criterion == code).count();
            u32::try_from(filed).unwrap_or(u32::MAX)
        });
        if !reasons.is_empty() {
            let reasons: Vec<String> = reasons
                .iter()
                .map(|reason| {
                    format!(
                        "- {}",
                        crate::messages::reasons::reason(&regulation.level_names, reason, crate::messages::Lang::Vi)
                    )
                })
                .collect();
            sheet.merged_text(
                (r, 0),
                (r, last),
                format!("Căn cứ xếp loại:\n{}", reasons.join("\n")),
                Style { italic: true, size: 10.0, ..plain() },
            );
            sheet.fit_row(r);
            r += 1;
        }
        r
    }

    /// The evidence list from row `r`: what the unit sent, then blank numbered rows to add more; returns the
    /// next free row.
    fn write_evidence(&self, sheet: &mut Sheet, mut r: u32) -> u32 {
        sheet.merged_text((r, 0), (r, self.layout.last_visible()), EVIDENCE_TITLE, bold(plain()));
        r += 1;
        let reference_end = self.layout.evidence_reference_end();
        for (c, label) in EVIDENCE_HEADERS.iter().enumerate() {
            let c = col_at(c);
            let end = if c == 4 { reference_end } else { c };
            sheet.merged_text((r, c), (r, end), *label, header_style());
        }
        sheet.fit_row(r);
        r += 1;
        let order: Vec<&str> = self.planned.iter().map(|p| p.code.as_str()).collect();
        let mut evidence = self.input.evidence.clone();
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
        r
    }

    /// Signatures from row `r`: the unit's head on the left, the council's chairman on the right.
    /// The unit's own sheet: the unit's head signs and stamps it, across the page (column A holds words, so
    /// `import sheet` reads the evidence list up to here).
    fn write_unit_signature(&self, sheet: &mut Sheet, r: u32) {
        let last = self.layout.last_visible();
        let (signer, hint) = (centered(bold(plain())), centered(italic(plain())));
        sheet.merged_text((r, 0), (r, last), "…………, ngày …… tháng …… năm ……", hint);
        sheet.merged_text((r + 1, 0), (r + 1, last), self.layout.unit_signer(), signer);
        sheet.merged_text((r + 2, 0), (r + 2, last), "(Ký, ghi rõ họ tên, đóng dấu)", hint);
        for blank in 3..=6 {
            sheet.row_heights.insert(r + blank, 18.0);
        }
    }

    fn write_signatures(&self, sheet: &mut Sheet, mut r: u32) {
        let label_end = self.col(Column::Name).unwrap_or(1);
        let (right_first, right_last) = self.layout.right_block();
        let signer = centered(bold(plain()));
        let hint = centered(italic(plain()));
        if self.input.own {
            self.write_unit_signature(sheet, r);
            return;
        }
        sheet.merged_text((r, right_first), (r, right_last), "…………, ngày …… tháng …… năm ……", hint);
        r += 1;
        sheet.merged_text((r, 0), (r, label_end), self.layout.unit_signer(), signer);
        if self.is_draft() {
            sheet.merged_text((r, right_first), (r, right_last), "BẢN DỰ THẢO", signer);
        } else if !self.input.own {
            sheet.merged_text((r, right_first), (r, right_last), "TM. HỘI ĐỒNG THẨM ĐỊNH", signer);
        }
        r += 1;
        sheet.merged_text((r, 0), (r, label_end), "(Ký, ghi rõ họ tên, đóng dấu)", hint);
        if self.is_draft() {
            sheet.merged_text((r, right_first), (r, right_last), "Kết quả chưa được phê duyệt", hint);
        } else if !self.input.own {
            sheet.merged_text((r, right_first), (r, right_last), "CHỦ TỊCH", signer);
            sheet.merged_text((r + 1, right_first), (r + 1, right_last), "(Ký, ghi rõ họ tên, đóng dấu)", hint);
        }
        r += 1;
        for blank in 1..=4 {
            sheet.row_heights.insert(r + blank, 18.0);
        }
    }
}

/// `2024-11-20` → `20/11/2024`, as offices write dates.
pub fn iso_to_vn(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [year, month, day] => format!("{day}/{month}/{year}"),
        _ => iso.to_string(),
    }
}
