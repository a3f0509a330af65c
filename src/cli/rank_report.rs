//! The ranking as `rank --json` prints it (SPEC's contract), and as a plain table for people.

use crate::domain::evaluate::{Round, UnitRecord, evaluate_round};
use crate::domain::ranking::RankedUnit;
use crate::domain::reasons::unit_reasons;
use crate::domain::regulation::Regulation;
use crate::store::DocumentCounts;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write;

#[derive(Serialize)]
struct Report<'a> {
    regulation: &'a str,
    year: i32,
    blocs: Vec<BlocReport>,
}

#[derive(Serialize)]
struct BlocReport {
    bloc: String,
    eligible: usize,
    quota: usize,
    units: Vec<UnitReport>,
}

#[derive(Serialize)]
struct UnitReport {
    unit: String,
    rank: usize,
    total: String,
    total3: String,
    level: &'static str,
    provisional: bool,
    tie_pending: bool,
    reasons: Vec<String>,
}

/// A ranked unit's reasons: its level's, the quota's and its file's gaps.
fn reasons(
    regulation: &Regulation,
    units: &HashMap<&str, &UnitRecord>,
    documents: &DocumentCounts,
    ranked: &RankedUnit,
) -> Vec<String> {
    match units.get(ranked.unit.as_str()) {
        Some(unit) => unit_reasons(regulation, unit, ranked, |code| documents.count(&unit.code, code)),
        None => ranked.quota_note.iter().cloned().collect(),
    }
}

pub fn json(regulation: &Regulation, round: &Round, documents: &DocumentCounts) -> String {
    let units: HashMap<&str, &UnitRecord> = round.units.iter().map(|u| (u.code.as_str(), u)).collect();
    let blocs = evaluate_round(regulation, round)
        .into_iter()
        .map(|result| BlocReport {
            bloc: result.bloc,
            eligible: result.ranking.eligible,
            quota: result.ranking.quota,
            units: result
                .ranking
                .units
                .into_iter()
                .map(|unit| UnitReport {
                    reasons: reasons(regulation, &units, documents, &unit),
                    unit: unit.unit,
                    rank: unit.rank,
                    total: unit.official_total.to_string(),
                    total3: unit.tiebreak_total.to_string(),
                    level: unit.outcome.slug(),
                    provisional: unit.provisional,
                    tie_pending: unit.outcome == crate::domain::ranking::Outcome::TiePending,
                })
                .collect(),
        })
        .collect();
    let report = Report { regulation: &regulation.id, year: round.year, blocs };
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

/// The widest a name column grows; a longer name is cut at a character boundary and marked `…`.
const NAME_WIDTH: usize = 40;

/// `text` padded with spaces to `width` columns as a terminal shows it (Vietnamese letters with combining marks
/// take one column, wide characters two), cut with `…` if it is wider.
fn fit(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let mut out = String::new();
    let mut used = 0;
    if text.width() > width {
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > width {
                break;
            }
            out.push(c);
            used += w;
        }
        out.push('…');
        used += 1;
    } else {
        out.push_str(text);
        used = text.width();
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

/// The ranking for people: columns aligned by display width, `=` beside the rank of a tie the chairman has not
/// ordered yet (as the interface marks it).
pub fn text(regulation: &Regulation, round: &Round) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = String::new();
    let names: HashMap<&str, &str> = round.units.iter().map(|u| (u.code.as_str(), u.name.as_str())).collect();
    for result in evaluate_round(regulation, round) {
        let bloc_name = regulation.bloc(&result.bloc).map(|b| b.name.as_str()).unwrap_or(&result.bloc);
        let _ = writeln!(
            out,
            "{bloc_name} ({}): {} đủ điều kiện, chỉ tiêu xuất sắc {}",
            result.bloc, result.ranking.eligible, result.ranking.quota
        );
        // A name is one line of the table whatever it holds (newlines and controls shown as escapes).
        let rows: Vec<(String, &RankedUnit, String)> = result
            .ranking
            .units
            .iter()
            .map(|unit| {
                let tie = match unit.tie_group.map(|g| &result.ranking.tie_groups[g]) {
                    Some(group) if !group.resolved => "=",
                    _ => "",
                };
                let name = crate::domain::text::escape_line(names.get(unit.unit.as_str()).copied().unwrap_or(""));
                (format!("{}{tie}", unit.rank), unit, name.into_owned())
            })
            .collect();
        let code_width = rows.iter().map(|(_, u, _)| u.unit.width()).max().unwrap_or(0).max(3);
        let name_width = rows.iter().map(|(_, _, n)| n.width()).max().unwrap_or(0).clamp(6, NAME_WIDTH);
        let _ = writeln!(
            out,
            "{:>4}  {}  {}  {:>7}  {:>8}  Xếp loại",
            "Hạng",
            fit("Mã", code_width),
            fit("Đơn vị", name_width),
            "Tổng",
            "3 số lẻ"
        );
        for (rank, unit, name) in &rows {
            let _ = writeln!(
                out,
                "{rank:>4}  {}  {}  {:>7}  {:>8}  {}{}",
                fit(&unit.unit, code_width),
                fit(name, name_width),
                unit.official_total.to_string().replace('.', ","),
                unit.tiebreak_total.to_string().replace('.', ","),
                unit.outcome.vietnamese(),
                if unit.provisional { " (tạm tính)" } else { "" },
            );
        }
        for group in result.ranking.unresolved_ties() {
            let _ = writeln!(out, "      = bằng điểm, chờ Chủ tịch quyết định thứ tự: {}", group.units.join(", "));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fit;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn names_fit_their_column_by_display_width() {
        assert_eq!(fit("Sở Nội vụ", 12), "Sở Nội vụ   ");
        assert_eq!(fit("Sở Nội vụ", 12).width(), 12);
        // Combining marks (NFD) take no column.
        assert_eq!(fit("So\u{31b}\u{309}", 4).width(), 4);
        assert_eq!(fit("Ủy ban nhân dân huyện Đại Từ", 10), "Ủy ban nh…");
        assert_eq!(fit("東京都庁", 5).width(), 5);
    }
}
