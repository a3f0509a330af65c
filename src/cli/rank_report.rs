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

pub fn text(regulation: &Regulation, round: &Round) -> String {
    let mut out = String::new();
    for result in evaluate_round(regulation, round) {
        let bloc_name = regulation.bloc(&result.bloc).map(|b| b.name.as_str()).unwrap_or(&result.bloc);
        let _ = writeln!(
            out,
            "{bloc_name} ({}): {} đủ điều kiện, chỉ tiêu xuất sắc {}",
            result.bloc, result.ranking.eligible, result.ranking.quota
        );
        for unit in &result.ranking.units {
            let name = round.units.iter().find(|u| u.code == unit.unit).map(|u| u.name.as_str()).unwrap_or("");
            // A name is one line of the table whatever it holds (newlines and controls shown as escapes).
            let name = crate::domain::text::escape_line(name);
            let _ = writeln!(
                out,
                "{:>3}  {:<12} {:>7} {:>8}  {}{}  {}",
                unit.rank,
                unit.unit,
                unit.official_total.to_string().replace('.', ","),
                unit.tiebreak_total.to_string().replace('.', ","),
                unit.outcome.vietnamese(),
                if unit.provisional { " (tạm tính)" } else { "" },
                name
            );
        }
        for group in result.ranking.unresolved_ties() {
            let _ = writeln!(out, "     bằng điểm, chờ Chủ tịch quyết định thứ tự: {}", group.units.join(", "));
        }
        out.push('\n');
    }
    out
}
