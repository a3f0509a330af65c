//! The ranking as `rank --json` prints it (SPEC's contract), and as a plain table for people.

use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::evaluate::{Round, UnitRecord, evaluate_round};
use crate::domain::previous_year::{PreviousLevel, YearContext, year_flags};
use crate::domain::ranking::RankedUnit;
use crate::domain::reasons::{previous_year_reasons, unit_reasons};
use crate::domain::regulation::Regulation;
use crate::messages::{Lang, cli as say};
use crate::store::DocumentCounts;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

#[derive(Serialize)]
struct Report<'a> {
    regulation: &'a str,
    year: i32,
    blocs: Vec<BlocReport>,
}

#[derive(Serialize)]
struct BlocReport {
    bloc: BlocCode,
    eligible: usize,
    quota: usize,
    units: Vec<UnitReport>,
}

#[derive(Serialize)]
struct UnitReport {
    unit: UnitCode,
    rank: usize,
    total: String,
    total3: String,
    level: &'static str,
    provisional: bool,
    tie_pending: bool,
    reasons: Vec<String>,
    /// The unit's level in the round this one was started from (`init --from`); null without one.
    previous_level: Option<String>,
    /// Flags for the chairman: `not_completed_two_years` (Điều 11.2.d).
    flags: Vec<&'static str>,
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

pub fn json(
    regulation: &Regulation,
    round: &Round,
    documents: &DocumentCounts,
    previous: &BTreeMap<String, PreviousLevel>,
) -> String {
    let units: HashMap<&str, &UnitRecord> = round.units.iter().map(|u| (u.code.as_str(), u)).collect();
    let blocs = evaluate_round(regulation, round)
        .into_iter()
        .map(|result| (YearContext::of(regulation, round, &result.bloc), result))
        .map(|(context, result)| BlocReport {
            bloc: result.bloc,
            eligible: result.ranking.eligible,
            quota: result.ranking.quota,
            units: result
                .ranking
                .units
                .into_iter()
                .map(|unit| UnitReport {
                    reasons: {
                        let mut reasons = reasons(regulation, &units, documents, &unit);
                        reasons.extend(previous_year_reasons(&context, previous.get(unit.unit.as_str()), unit.outcome));
                        reasons
                    },
                    previous_level: previous.get(unit.unit.as_str()).map(|p| p.level.clone()),
                    flags: year_flags(&context, previous.get(unit.unit.as_str()), unit.outcome)
                        .into_iter()
                        .map(crate::domain::previous_year::YearFlag::slug)
                        .collect(),
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

/// `text` padded with spaces to `width` columns as a terminal shows it (a Vietnamese letter with combining marks
/// takes one column, a wide character two).
fn pad(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// The ranking for people: columns aligned by display width, the name last so it is never cut (a name holding
/// escaped controls stays whole), `=` beside the rank of a tie the chairman has not ordered yet (as the interface
/// marks it).
pub fn text(regulation: &Regulation, round: &Round, lang: Lang) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = String::new();
    let names: HashMap<&str, &str> = round.units.iter().map(|u| (u.code.as_str(), u.name.as_str())).collect();
    for result in evaluate_round(regulation, round) {
        let bloc_name = regulation.bloc(&result.bloc).map(|b| b.name.as_str()).unwrap_or(&result.bloc);
        let _ = writeln!(
            out,
            "{}",
            say::rank_bloc(lang, bloc_name, &result.bloc, result.ranking.eligible, result.ranking.quota)
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
        let level = |unit: &RankedUnit| {
            format!("{}{}", unit.outcome.vietnamese(), if unit.provisional { say::provisional(lang) } else { "" })
        };
        let level_width = rows.iter().map(|(_, u, _)| level(u).width()).max().unwrap_or(0).max(8);
        let [rank, code, total, three, level_heading, name] = say::rank_columns(lang);
        let _ = writeln!(
            out,
            "{rank:>4}  {}  {total:>7}  {three:>8}  {}  {name}",
            pad(code, code_width),
            pad(level_heading, level_width)
        );
        for (rank, unit, name) in &rows {
            let _ = writeln!(
                out,
                "{rank:>4}  {}  {:>7}  {:>8}  {}  {name}",
                pad(&unit.unit, code_width),
                unit.official_total.to_string().replace('.', ","),
                unit.tiebreak_total.to_string().replace('.', ","),
                pad(&level(unit), level_width),
            );
        }
        for group in result.ranking.unresolved_ties() {
            let _ = writeln!(
                out,
                "      = {}",
                say::rank_open_tie(lang, &group.units.iter().map(UnitCode::to_string).collect::<Vec<_>>())
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::pad;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn columns_are_padded_by_display_width() {
        assert_eq!(pad("Tốt", 5), "Tốt  ");
        // Combining marks (NFD) take no column; wide characters two.
        assert_eq!(pad("So\u{31b}\u{309}", 4).width(), 4);
        assert_eq!(pad("東京", 6).width(), 6);
        assert_eq!(pad("Hoàn thành tốt nhiệm vụ", 3), "Hoàn thành tốt nhiệm vụ");
    }
}
