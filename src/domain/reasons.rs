//! Why a unit has its level, in the council's words: its total, the conditions that decided the level, what
//! was missing for each level above it with what the unit shows (the criteria below the grade, a fact and
//! its value), the quota and its rank, and the gaps in its self-assessment file. Written when shown.

use super::classification::{Assessment, ClassificationRules, Level, UnitEvidence};
use super::evaluate::{UnitRecord, evaluate_unit};
use super::ranking::RankedUnit;
use super::regulation::Regulation;
use super::score::round_half_away;
use super::self_assessment::{gaps_reason, unit_gaps};

/// " (IX: Trung bình)": the observations of a condition, or nothing.
fn observed(observations: &[String]) -> String {
    if observations.is_empty() { String::new() } else { format!(" ({})", observations.join("; ")) }
}

/// The reasons of the level before the quota: the total, then the not-completed conditions that held, or the
/// conditions of the level reached and, for each level above it, each condition missing.
pub fn level_reasons(rules: &ClassificationRules, unit: &UnitEvidence<'_>, assessment: &Assessment) -> Vec<String> {
    level_reasons_in_bloc(rules, unit, assessment, None)
}

/// `level_reasons` for a unit of a bloc: a condition scoped to other blocs is not named.
pub fn level_reasons_in_bloc(
    rules: &ClassificationRules,
    unit: &UnitEvidence<'_>,
    assessment: &Assessment,
    bloc: Option<&str>,
) -> Vec<String> {
    let mut reasons = vec![format!("Tổng điểm {}", unit.official_total.to_string().replace('.', ","))];
    if !assessment.not_completed_because.is_empty() {
        let holding =
            rules.not_completed.iter().filter(|c| c.applies_to(bloc) && c.rule.holds(unit, &rules.predicates));
        for condition in holding {
            let mut observations = Vec::new();
            condition.rule.observe(unit, &rules.predicates, true, &mut observations);
            reasons.push(format!("Không hoàn thành nhiệm vụ: {}{}", condition.label, observed(&observations)));
        }
        return reasons;
    }
    for rule in &rules.levels {
        if rule.level < assessment.level {
            break;
        }
        for condition in rule.conditions.iter().filter(|c| c.applies_to(bloc)) {
            let held = condition.rule.holds(unit, &rules.predicates);
            if rule.level == assessment.level {
                reasons.push(format!("Đạt mức {}: {}", rule.level.vietnamese(), condition.label));
            } else if !held {
                let mut observations = Vec::new();
                condition.rule.observe(unit, &rules.predicates, false, &mut observations);
                reasons.push(format!(
                    "Chưa đạt mức {} — thiếu điều kiện: {}{}",
                    rule.level.vietnamese(),
                    condition.label,
                    observed(&observations)
                ));
            }
        }
    }
    if assessment.level == Level::NotCompleted {
        reasons.push("Không đáp ứng điều kiện của mức nào cao hơn".to_string());
    }
    reasons
}

/// Everything that explains a ranked unit's level: the level's reasons, what the quota did, and the gaps of
/// its self-assessment file. `documents(code)`: how many documents the unit filed under a criterion or
/// component code.
pub fn unit_reasons(
    regulation: &Regulation,
    unit: &UnitRecord,
    ranked: &RankedUnit,
    documents: impl Fn(&str) -> u32,
) -> Vec<String> {
    let mut reasons = match evaluate_unit(regulation, unit) {
        Some(evaluation) => {
            let evidence = UnitEvidence {
                official_total: round_half_away(evaluation.score.total, regulation.official_decimals),
                score: &evaluation.score,
                facts: &unit.facts,
                fact_definitions: &regulation.facts,
            };
            let mut reasons =
                level_reasons_in_bloc(&regulation.classification, &evidence, &ranked.assessment, Some(&unit.bloc));
            reasons.splice(1..1, points_reasons(regulation, &evaluation.score));
            reasons
        }
        None => Vec::new(),
    };
    reasons.extend(ranked.quota_note.iter().cloned());
    if let Some(framework) = regulation.framework_for(&unit.bloc, unit.group.as_deref()) {
        let gaps = unit_gaps(&regulation.self_assessment, framework, &unit.entries, documents);
        reasons.extend(gaps_reason(&regulation.self_assessment, &gaps));
    }
    reasons
}

/// "Điểm Phần A 28,5; Phần B 61; điểm thưởng 5; điểm trừ 1,5 (Điều 2.2, Điều 4)": the parts and the points
/// that make the total, where the regulation has points; nothing otherwise.
fn points_reasons(regulation: &Regulation, score: &super::scoring::UnitScore) -> Vec<String> {
    let (Some(rule), Some(points)) = (&regulation.points, score.points) else { return Vec::new() };
    let display = super::score::display_vi;
    let parts: Vec<String> = score
        .contents
        .iter()
        .map(|(code, value)| format!("Phần {code} {}", value.map_or_else(|| "—".to_string(), display)))
        .collect();
    let source = if rule.source.is_empty() { String::new() } else { format!(" ({})", rule.source) };
    vec![format!(
        "Điểm {}; điểm thưởng {}; điểm trừ {}{source}",
        parts.join("; "),
        display(points.bonus),
        display(points.penalty)
    )]
}

/// What the round before this one says of a unit: its level then and, when it was rated not completed in both
/// years, the flag for the chairman (Thái Nguyên Điều 11.2.d). Nothing without an earlier round.
pub fn previous_year_reasons(
    context: &super::previous_year::YearContext<'_>,
    previous: Option<&super::previous_year::PreviousLevel>,
    now: super::ranking::Outcome,
) -> Vec<String> {
    use super::previous_year::{YearFlag, level_words, year_flags};
    let Some(previous) = previous else { return Vec::new() };
    let mut reasons = vec![format!(
        "Năm {}: {}{}",
        previous.year,
        level_words(&previous.level),
        if previous.approved { "" } else { " (chưa phê duyệt khi chuyển sang năm mới)" }
    )];
    for flag in year_flags(context, Some(previous), now) {
        match flag {
            YearFlag::NotCompletedTwoYears => reasons.push(format!(
                "02 năm liên tiếp ({} và năm nay) được xếp loại không hoàn thành nhiệm vụ: đề nghị Chủ tịch xem xét ({})",
                previous.year,
                context.article.unwrap_or_default()
            )),
        }
    }
    reasons
}
