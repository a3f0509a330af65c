//! The ranking as `rank --json` prints it (SPEC's contract), and as a plain table for people.

use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::evaluate::{Round, UnitRecord, evaluate_round};
use crate::domain::previous_year::{PreviousLevel, YearContext, year_flags};
use crate::domain::ranking::RankedUnit;
use crate::domain::reasons::{Reason, previous_year_reasons, unit_reasons};
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
    /// The total at the further decimal the tie chain counts; absent where no decimal is a tie key.
    #[serde(skip_serializing_if = "Option::is_none")]
    total3: Option<String>,
    /// Where the regulation lists its tie chain: the key that placed the unit against one of equal total
    /// (`part:B`, `criterion:B.1`, `decimals:3`, `chairman`).
    #[serde(skip_serializing_if = "Option::is_none")]
    tie_key: Option<String>,
    /// The unit's bonus and penalty points, each after its cap: only where the regulation has points.
    #[serde(skip_serializing_if = "Option::is_none")]
    bonus: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    penalty: Option<String>,
    level: &'static str,
    /// Rated excellent beyond the quota by the chairman's decision (`exceed-quota`): only where it is.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    quota_exception: bool,
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
) -> Vec<Reason> {
    match units.get(ranked.unit.as_str()) {
        Some(unit) => unit_reasons(regulation, unit, ranked, |code| documents.count(&unit.code, code)),
        None => ranked.quota_note.iter().cloned().map(Reason::Quota).collect(),
    }
}

/// Where the regulation lists its tie chain: why the unit at `at` stands where it does against the unit of
/// equal official total next to it (the one above first).
fn tie_reason(regulation: &Regulation, ranked: &[RankedUnit], at: usize, lang: Lang) -> Option<String> {
    if !regulation.tie_keys_listed {
        return None;
    }
    let unit = ranked.get(at)?;
    let above = at.checked_sub(1).and_then(|i| ranked.get(i)).filter(|n| n.official_total == unit.official_total);
    let below = ranked.get(at + 1).filter(|n| n.official_total == unit.official_total);
    match (above, below) {
        (Some(neighbour), _) => crate::messages::regulation::tie_reason(regulation, unit, neighbour, true, lang),
        (None, Some(neighbour)) => crate::messages::regulation::tie_reason(regulation, unit, neighbour, false, lang),
        (None, None) => None,
    }
}

/// `rank --json`: every bloc's ranking, each unit's reasons worded in `lang` (the slugs stay as SPEC names them).
pub fn json(
    regulation: &Regulation,
    round: &Round,
    documents: &DocumentCounts,
    previous: &BTreeMap<UnitCode, PreviousLevel>,
    lang: Lang,
) -> String {
    let units: HashMap<&str, &UnitRecord> = round.units.iter().map(|u| (u.code.as_str(), u)).collect();
    let further = regulation.tie_keys.iter().any(|key| matches!(key, crate::domain::tie_keys::TieKey::Decimals(_)));
    let blocs = evaluate_round(regulation, round)
        .into_iter()
        .map(|result| {
            let context = YearContext::of(regulation, round, &result.bloc);
            let ranked = &result.ranking.units;
            let units = ranked
                .iter()
                .enumerate()
                .map(|(at, unit)| {
                    let points = units
                        .get(unit.unit.as_str())
                        .and_then(|record| regulation.points_of(&record.bloc, &record.facts));
                    UnitReport {
                        bonus: points.map(|p| p.bonus.normalize().to_string()),
                        penalty: points.map(|p| p.penalty.normalize().to_string()),
                        reasons: {
                            let typed = reasons(regulation, &units, documents, unit);
                            let year = previous_year_reasons(&context, previous.get(unit.unit.as_str()), unit.outcome);
                            let mut worded = crate::messages::reasons::reasons(&regulation.level_names, &typed, lang);
                            worded.extend(tie_reason(regulation, ranked, at, lang));
                            worded.extend(crate::messages::reasons::reasons(&regulation.level_names, &year, lang));
                            worded
                        },
                        previous_level: previous.get(unit.unit.as_str()).map(|p| p.level.clone()),
                        flags: year_flags(&context, previous.get(unit.unit.as_str()), unit.outcome)
                            .into_iter()
                            .map(crate::domain::previous_year::YearFlag::slug)
                            .collect(),
                        unit: unit.unit.clone(),
                        rank: unit.rank,
                        total: unit.official_total.to_string(),
                        total3: further.then(|| unit.tiebreak_total.to_string()),
                        tie_key: unit
                            .decided_by
                            .as_ref()
                            .filter(|_| regulation.tie_keys_listed)
                            .map(|decider| crate::messages::regulation::decider_slug(regulation, decider)),
                        level: unit.outcome.slug(),
                        quota_exception: unit.quota_exception,
                        provisional: unit.provisional,
                        tie_pending: unit.outcome == crate::domain::ranking::Outcome::TiePending,
                    }
                })
                .collect();
            BlocReport { bloc: result.bloc, eligible: result.ranking.eligible, quota: result.ranking.quota, units }
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
            let beyond = if unit.quota_exception {
                format!(" ({})", crate::messages::exceed::beyond_mark(lang))
            } else {
                String::new()
            };
            format!(
                "{}{beyond}{}",
                crate::messages::levels::outcome(regulation, unit.outcome, lang),
                if unit.provisional { say::provisional(lang) } else { "" }
            )
        };
        let level_width = rows.iter().map(|(_, u, _)| level(u).width()).max().unwrap_or(0).max(8);
        let further = regulation.tie_keys.iter().find_map(|key| match key {
            crate::domain::tie_keys::TieKey::Decimals(n) => Some(*n),
            _ => None,
        });
        let [rank, code, total, three, level_heading, name] = say::rank_columns(lang, further);
        let _ = writeln!(
            out,
            "{rank:>4}  {}  {total:>7}  {three:>8}  {}  {name}",
            pad(&code, code_width),
            pad(&level_heading, level_width)
        );
        for (rank, unit, name) in &rows {
            let _ = writeln!(
                out,
                "{rank:>4}  {}  {:>7}  {:>8}  {}  {name}",
                pad(&unit.unit, code_width),
                say::number(unit.official_total, lang),
                if further.is_some() { say::number(unit.tiebreak_total, lang) } else { String::new() },
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
