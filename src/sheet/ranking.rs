//! The council's result as a workbook: each bloc's ranking with the quota line, the list by level, what each agency appraised.

use super::model::{Align, Book, Sheet, Style, col_at};
use super::score_sheet::{cell, plain};
use crate::domain::classification::Level;
use crate::domain::code::UnitCode;
use crate::domain::evaluate::{BlocResult, Round, UnitRecord, evaluate_round};
use crate::domain::framework::ComponentPlace;
use crate::domain::ranking::{BlocRanking, Outcome, RankedUnit};
use crate::domain::reasons::{Reason, unit_reasons};
use crate::domain::regulation::{LevelNames, Regulation};
use crate::domain::score::display_vi;
use crate::domain::scoring::ComponentScore;
use crate::messages::Lang;
use crate::store::{DocumentCounts, Refused, Store, StoreError};
use rust_decimal::Decimal;

fn header() -> Style {
    Style { bold: true, align: Align::Center, border: true, shaded: true, ..plain() }
}

fn centered(style: Style) -> Style {
    Style { align: Align::Center, ..style }
}

fn title_block(sheet: &mut Sheet, regulation: &Regulation, year: i32, subtitle: &str, draft: bool) -> u32 {
    let last = sheet.last_column();
    sheet.draft = draft;
    let mark = if draft { " (DỰ THẢO)" } else { "" };
    let title = if regulation.grades.is_some() {
        format!("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI MỨC ĐỘ HOÀN THÀNH NHIỆM VỤ NĂM {year}{mark}")
    } else {
        format!("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TẬP THỂ LÃNH ĐẠO NĂM {year}{mark}")
    };
    sheet.merged_text((0, 0), (0, last), title, Style { bold: true, size: 14.0, align: Align::Center, ..plain() });
    sheet.merged_text((1, 0), (1, last), subtitle, Style { bold: true, align: Align::Center, ..plain() });
    sheet.merged_text(
        (2, 0),
        (2, last),
        format!("(Theo {})", regulation.title),
        Style { italic: true, align: Align::Center, ..plain() },
    );
    for row in 0..3 {
        sheet.fit_row(row);
    }
    4
}

fn table_header(sheet: &mut Sheet, row: u32, headers: &[&str]) {
    for (col, text) in headers.iter().enumerate() {
        sheet.text(row, col_at(col), *text, header());
    }
    sheet.fit_row(row);
    sheet.repeat_rows = Some((row, row));
}

/// The signatures; a draft (a bloc not approved) carries none of an approved result.
fn signatures(sheet: &mut Sheet, row: u32) {
    let last = sheet.last_column();
    let signer = Style { bold: true, align: Align::Center, ..plain() };
    let hint = Style { italic: true, align: Align::Center, ..plain() };
    let right = last.saturating_sub(1);
    sheet.merged_text((row, right), (row, last), "…………, ngày …… tháng …… năm ……", hint);
    sheet.merged_text((row + 1, 0), (row + 1, 1), "NGƯỜI LẬP BIỂU", signer);
    sheet.merged_text((row + 2, 0), (row + 2, 1), "(Ký, ghi rõ họ tên)", hint);
    if sheet.draft {
        sheet.merged_text((row + 1, right), (row + 1, last), "BẢN DỰ THẢO", signer);
        sheet.merged_text((row + 2, right), (row + 2, last), "Kết quả chưa được phê duyệt", hint);
    } else {
        sheet.merged_text((row + 1, right), (row + 1, last), "TM. HỘI ĐỒNG THẨM ĐỊNH", signer);
        sheet.merged_text((row + 2, right), (row + 2, last), "CHỦ TỊCH", signer);
        sheet.merged_text((row + 3, right), (row + 3, last), "(Ký, ghi rõ họ tên, đóng dấu)", hint);
    }
    for blank in 4..=7 {
        sheet.row_heights.insert(row + blank, 18.0);
    }
}

fn unit_name<'a>(round: &'a Round, code: &'a str) -> &'a str {
    round.units.iter().find(|u| u.code == code).map(|u| u.name.as_str()).unwrap_or(code)
}

/// The notes of a ranked unit: provisional, ties, and what kept it from the level above.
fn notes(names: &LevelNames, ranked: &RankedUnit, ranking: &BlocRanking, reasons: &[Reason]) -> String {
    let mut notes = Vec::new();
    if ranked.provisional {
        notes.push("Tạm tính: chưa thẩm định xong".to_string());
    }
    if let Some(group) = ranked.tie_group.and_then(|index| ranking.tie_groups.get(index)) {
        let others: Vec<&str> = group.units.iter().filter(|u| **u != ranked.unit).map(UnitCode::as_str).collect();
        notes.push(if group.resolved {
            format!("Bằng điểm với {}; thứ tự do Chủ tịch Hội đồng quyết định", others.join(", "))
        } else {
            format!("Bằng điểm với {}; chờ Chủ tịch Hội đồng quyết định thứ tự", others.join(", "))
        });
    }
    notes.extend(
        reasons
            .iter()
            .filter(|reason| !matches!(reason, Reason::Reached { .. } | Reason::Total(_)))
            .map(|reason| crate::messages::reasons::reason(names, reason, Lang::Vi)),
    );
    notes.join("\n")
}

const LEVELS: [Outcome; 5] = [
    Outcome::Level(Level::Excellent),
    Outcome::Level(Level::Good),
    Outcome::Level(Level::Completed),
    Outcome::Level(Level::NotCompleted),
    Outcome::TiePending,
];

const ROMAN: [&str; 5] = ["I", "II", "III", "IV", "V"];

/// Builds the result workbook from the round as it stands.
pub fn build(store: &Store) -> Result<Book, StoreError> {
    let regulation = store.regulation();
    let round = store.load_round()?;
    let results = evaluate_round(regulation, &round);
    if results.is_empty() {
        return Err(StoreError::from(Refused::NoUnitsYet));
    }
    let result = CouncilResult {
        regulation,
        year: store.year(),
        round: &round,
        by_code: round.units.iter().map(|unit| (unit.code.clone(), unit)).collect(),
        results,
        documents: store.document_counts()?,
        approved: store.approved_blocs()?,
    };
    let mut book = Book::default();
    for bloc in &result.results {
        book.sheets.push(result.bloc_sheet(bloc));
    }
    book.sheets.push(result.levels_sheet());
    book.sheets.push(result.agencies_sheet());
    Ok(book)
}

const TWO_DECIMALS: Option<&str> = Some("0.00");
const THREE_DECIMALS: Option<&str> = Some("0.000");

/// What every sheet of the result reads: the regulation, the round, each bloc's ranking, the documents filed.
struct CouncilResult<'a> {
    regulation: &'a Regulation,
    year: i32,
    round: &'a Round,
    /// Each unit's record by its code: a national round's ranking looks up 10 000 of them.
    by_code: std::collections::HashMap<UnitCode, &'a UnitRecord>,
    results: Vec<BlocResult>,
    documents: DocumentCounts,
    /// The approved blocs; a sheet showing any other is a draft.
    approved: std::collections::BTreeSet<crate::domain::code::BlocCode>,
}

impl CouncilResult<'_> {
    /// The reasons the council sees for a ranked unit's level.
    fn reasons_of(&self, ranked: &RankedUnit) -> Vec<Reason> {
        match self.by_code.get(&ranked.unit) {
            Some(unit) => unit_reasons(self.regulation, unit, ranked, |code| self.documents.count(&unit.code, code)),
            None => ranked.quota_note.iter().cloned().map(Reason::Quota).collect(),
        }
    }

    /// A bloc is not approved: the sheets showing every bloc are drafts.
    fn any_open(&self) -> bool {
        self.results.iter().any(|r| !self.approved.contains(&r.bloc))
    }

    /// One bloc's sheet: the ranking, with the line where the excellent quota ends.
    fn bloc_sheet(&self, result: &BlocResult) -> Sheet {
        let (regulation, ranking) = (self.regulation, &result.ranking);
        let bloc = regulation.bloc(&result.bloc);
        let bloc_name = bloc.map(|b| b.name.as_str()).unwrap_or(&result.bloc);
        let name: String = result.bloc.chars().take(31).collect();
        let mut sheet = Sheet::new(name, vec![6.0, 44.0, 10.0, 11.0, 26.0, 52.0]);
        let draft = !self.approved.contains(&result.bloc);
        let subtitle = format!("{} ({})", bloc_name.to_uppercase(), result.bloc);
        let mut row = title_block(&mut sheet, regulation, self.year, &subtitle, draft);
        let cap = bloc.and_then(|b| b.excellent_cap).map(|cap| format!(", tối đa {cap} đơn vị")).unwrap_or_default();
        let rate = display_vi(regulation.quota.rate * Decimal::ONE_HUNDRED);
        sheet.merged_text(
            (3, 0),
            (3, sheet.last_column()),
            format!(
                "Số đơn vị đủ điều kiện xét: {}; chỉ tiêu Hoàn thành xuất sắc nhiệm vụ: {} đơn vị ({rate}% số đủ điều kiện{cap})",
                ranking.eligible, ranking.quota
            ),
            plain(),
        );
        sheet.fit_row(3);
        row += 1;
        table_header(
            &mut sheet,
            row,
            &["STT", "Cơ quan, đơn vị", "Tổng điểm", "Điểm xét bằng điểm", "Xếp loại", "Ghi chú"],
        );
        row = self.write_ranking_rows(&mut sheet, row + 1, ranking);
        signatures(&mut sheet, row + 1);
        sheet
    }

    /// A bloc's units in rank order from `row`, the quota line under the last excellent one; returns the next row.
    fn write_ranking_rows(&self, sheet: &mut Sheet, mut row: u32, ranking: &BlocRanking) -> u32 {
        let last_excellent = ranking.quota_line_after();
        for (index, ranked) in ranking.units.iter().enumerate() {
            sheet.number(row, 0, Some(Decimal::from(ranked.rank)), centered(cell()));
            sheet.text(row, 1, unit_name(self.round, &ranked.unit), cell());
            let two = Style { number_format: TWO_DECIMALS, ..centered(cell()) };
            sheet.number(row, 2, Some(ranked.official_total), two);
            let three = Style { number_format: THREE_DECIMALS, ..centered(cell()) };
            sheet.number(row, 3, Some(ranked.tiebreak_total), three);
            let tentative = if sheet.draft { " (tạm tính)" } else { "" };
            // Marked where the chairman rated the unit excellent beyond the quota (`exceed-quota`).
            let beyond = if ranked.quota_exception { " (ngoài tỷ lệ)" } else { "" };
            sheet.text(row, 4, format!("{}{beyond}{tentative}", self.regulation.outcome_vi(ranked.outcome)), cell());
            sheet.text(
                row,
                5,
                notes(&self.regulation.level_names, ranked, ranking, &self.reasons_of(ranked)),
                Style { size: 10.0, ..cell() },
            );
            sheet.fit_row(row);
            row += 1;
            if Some(index) == last_excellent {
                let line = format!("——— Hết chỉ tiêu Hoàn thành xuất sắc nhiệm vụ ({} đơn vị) ———", ranking.quota);
                sheet.merged_text(
                    (row, 0),
                    (row, sheet.last_column()),
                    line,
                    Style { bold: true, italic: true, ..centered(cell()) },
                );
                sheet.fit_row(row);
                row += 1;
            }
        }
        row
    }

    /// The list by level, for the chairman's decision.
    fn levels_sheet(&self) -> Sheet {
        let mut sheet = Sheet::new("Theo mức xếp loại", vec![6.0, 44.0, 28.0, 10.0, 40.0]);
        let mut row =
            title_block(&mut sheet, self.regulation, self.year, "DANH SÁCH ĐỀ NGHỊ XẾP LOẠI THEO MỨC", self.any_open());
        table_header(&mut sheet, row, &["STT", "Cơ quan, đơn vị", "Khối", "Tổng điểm", "Ghi chú"]);
        row += 1;
        for (number, outcome) in LEVELS.iter().enumerate() {
            let units: Vec<(&str, &RankedUnit, &BlocRanking)> = self
                .results
                .iter()
                .flat_map(|r| r.ranking.units.iter().map(move |u| (r.bloc.as_str(), u, &r.ranking)))
                .filter(|(_, u, _)| u.outcome == *outcome)
                .collect();
            if units.is_empty() && *outcome == Outcome::TiePending {
                continue;
            }
            let tentative = if sheet.draft { " (tạm tính)" } else { "" };
            let heading = format!(
                "{}. {}{tentative} ({} đơn vị)",
                ROMAN[number],
                self.regulation.outcome_vi(*outcome),
                units.len()
            );
            sheet.merged_text((row, 0), (row, sheet.last_column()), heading, Style { bold: true, ..cell() });
            sheet.fit_row(row);
            row += 1;
            for (index, unit) in units.iter().enumerate() {
                self.write_level_row(&mut sheet, row, index, *unit);
                row += 1;
            }
        }
        signatures(&mut sheet, row + 1);
        sheet
    }

    /// One unit of the list by level: its number within the level, name, bloc, total and what is still open.
    fn write_level_row(&self, sheet: &mut Sheet, row: u32, index: usize, unit: (&str, &RankedUnit, &BlocRanking)) {
        let (bloc, ranked, ranking) = unit;
        let bloc_name = self.regulation.bloc(bloc).map(|b| b.name.as_str()).unwrap_or(bloc);
        sheet.number(row, 0, Some(Decimal::from(index + 1)), centered(cell()));
        sheet.text(row, 1, unit_name(self.round, &ranked.unit), cell());
        sheet.text(row, 2, bloc_name, cell());
        sheet.number(row, 3, Some(ranked.official_total), Style { number_format: TWO_DECIMALS, ..centered(cell()) });
        let mut note = Vec::new();
        if ranked.provisional {
            note.push("Tạm tính".to_string());
        }
        if ranked.outcome == Outcome::TiePending {
            note.push(notes(&self.regulation.level_names, ranked, ranking, &self.reasons_of(ranked)));
        }
        sheet.text(row, 4, note.join("; "), Style { size: 10.0, ..cell() });
        sheet.fit_row(row);
    }

    /// What each agency appraised: the components it leads, unit by unit.
    fn agencies_sheet(&self) -> Sheet {
        let mut sheet = Sheet::new("Cơ quan thẩm định", vec![6.0, 30.0, 8.0, 44.0, 8.0, 10.0, 10.0, 34.0]);
        let subtitle = "KẾT QUẢ THẨM ĐỊNH THEO CƠ QUAN THẨM ĐỊNH";
        let mut row = title_block(&mut sheet, self.regulation, self.year, subtitle, self.any_open());
        table_header(
            &mut sheet,
            row,
            &[
                "STT",
                "Cơ quan, đơn vị",
                "Tiêu chí",
                "Nội dung",
                "Điểm tối đa",
                "Điểm tự đánh giá",
                "Điểm thẩm định",
                "Lý do trừ điểm",
            ],
        );
        row += 1;
        for (number, agency) in self.regulation.agencies.iter().enumerate() {
            let lines = self.agency_lines(&agency.code);
            if lines.is_empty() {
                continue;
            }
            let done =
                lines.iter().filter(|(_, _, e)| e.and_then(ComponentScore::effective_appraised).is_some()).count();
            let heading =
                format!("{}. {}: đã thẩm định {done}/{} tiêu chí thành phần", number + 1, agency.name, lines.len());
            sheet.merged_text((row, 0), (row, sheet.last_column()), heading, Style { bold: true, ..cell() });
            sheet.fit_row(row);
            row += 1;
            for (index, line) in lines.iter().enumerate() {
                self.write_agency_row(&mut sheet, row, index, *line);
                row += 1;
            }
        }
        signatures(&mut sheet, row + 1);
        sheet
    }

    /// The components an agency leads, unit by unit, leaving out those a unit marked not applicable.
    fn agency_lines(&self, agency: &str) -> Vec<AgencyLine<'_>> {
        let mut lines = Vec::new();
        for unit in &self.round.units {
            let Some(framework) = self.regulation.framework_for(&unit.bloc, unit.group.as_deref()) else { continue };
            for place in framework.components() {
                if place.component.agencies.first().map(String::as_str) != Some(agency) {
                    continue;
                }
                let entry = unit.entries.get(&place.component.code);
                if entry.is_some_and(|e| !e.applicable) {
                    continue;
                }
                lines.push((unit, place, entry));
            }
        }
        lines
    }

    /// One component an agency appraised: the unit, the component, its max, the two scores and the reason.
    fn write_agency_row(&self, sheet: &mut Sheet, row: u32, index: usize, line: AgencyLine<'_>) {
        let (unit, place, entry) = line;
        let score = Style { align: Align::Center, ..cell() };
        sheet.number(row, 0, Some(Decimal::from(index + 1)), score);
        sheet.text(row, 1, &unit.name, cell());
        sheet.text(row, 2, place.component.code.as_str(), centered(cell()));
        sheet.text(row, 3, &place.component.name, cell());
        sheet.number(row, 4, Some(place.component.max), score);
        sheet.number(row, 5, entry.and_then(|e| e.self_score), score);
        let appraised = entry.and_then(ComponentScore::effective_appraised);
        let shown = match appraised {
            Some(value) if value.normalize().scale() > self.regulation.official_decimals => {
                Style { number_format: TWO_DECIMALS, ..score }
            }
            _ => score,
        };
        sheet.number(row, 6, appraised, shown);
        sheet.text(row, 7, entry.map(|e| e.deduction_reason.as_str()).unwrap_or(""), Style { size: 10.0, ..cell() });
        sheet.fit_row(row);
    }
}

/// One component an agency leads, in one unit: the unit, where the component sits, what the unit holds for it.
type AgencyLine<'a> = (&'a UnitRecord, ComponentPlace<'a>, Option<&'a ComponentScore>);
