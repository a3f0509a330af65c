//! Why a unit has its level, as typed values: its total, the conditions that decided the level, what was
//! missing for each level above it with what the unit shows (the criteria below the grade, a fact and its
//! value), the quota and its rank, the gaps in its self-assessment file and last year's level. No words here:
//! `messages::reasons` words each reason in Vietnamese or English; a condition's label, a fact's title and a
//! regulation's article are the regulation's own text (data) and are carried as they are.
//!
//! To add a reason (the chairman's quota exception, a middle level's subtotal …): add a variant to [`Reason`]
//! (or, for what the quota did, to [`super::ranking::QuotaNote`]), push it where the reason arises, and word it
//! in both languages in `messages/reasons.rs` (the compiler lists every `match` that must learn it).

use super::classification::{Assessment, ClassificationRules, Level, UnitEvidence};
use super::code::ComponentCode;
use super::evaluate::{UnitRecord, evaluate_unit};
use super::facts::FactWords;
use super::grades::Grade;
use super::ranking::{QuotaNote, RankedUnit};
use super::regulation::Regulation;
use super::score::round_half_away;
use super::self_assessment::{FileGap, gaps_reason, unit_gaps};
use rust_decimal::Decimal;
use std::sync::Arc;

/// A recorded fact (or its default) as a reason shows it: the regulation's short title for it (or its name
/// where the regulation declares none) and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactShown {
    /// The regulation's short title for the fact (its name where none is declared).
    pub title: String,
    /// The value, typed: yes/no, a count or the choice's label.
    pub value: FactWords,
}

/// What a unit shows on one condition: the values that decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Observation {
    /// The official total.
    Total(Decimal),
    /// A fact and its value.
    Fact(FactShown),
    /// Two count facts read together (subunits disciplined; subunits).
    Facts(FactShown, FactShown),
    /// The graded criteria below a grade, each with its grade.
    GradesBelow(Vec<(String, Grade)>),
    /// `low.len()` of `graded` criteria are graded `grade` or lower; `low` names them.
    GradedAtMost {
        /// The grade counted, with every grade below it.
        grade: Grade,
        /// How many criteria are graded.
        graded: usize,
        /// The codes of those at `grade` or lower.
        low: Vec<String>,
    },
    /// Of `scored` criteria, those below `percent` % of their max: (code, score, max).
    BelowRatio {
        /// The share of the max, in percent (80 for 80 %).
        percent: Decimal,
        /// How many criteria are judged (those not applicable left out).
        scored: usize,
        /// Each criterion below it: (code, score, max).
        below: Vec<(String, Decimal, Decimal)>,
    },
}

/// One level of a criterion's tree as a reason shows it: the criterion (depth 0), a middle level (B.2.1, depth
/// 1) or a leaf below one (B.2.1.1), with its score and max; None where nothing in it applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelScore {
    /// 0 for the criterion itself, 1 for a sub-criterion, 2 for a sub-sub-criterion.
    pub depth: usize,
    /// The component's code as the framework writes it (`B.2.1`).
    pub code: String,
    /// Its score (a middle level's is the sum of its children), None where nothing in it applies.
    pub score: Option<Decimal>,
    /// Its maximum points in the framework.
    pub max: Decimal,
}

/// One reason behind a unit's level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The official total, at the regulation's decimals.
    Total(Decimal),
    /// Where the regulation has points: each part's score, the bonus and the penalty after their caps, and
    /// the regulation's article (data; may be empty).
    Points {
        /// Each part's code and score (none: nothing scored yet).
        parts: Vec<(String, Option<Decimal>)>,
        /// The bonus points after the regulation's cap (synthetic Điều 4.1: at most 5).
        bonus: Decimal,
        /// The penalty points after the cap (synthetic Điều 4.2: at most 10).
        penalty: Decimal,
        /// The regulation's article for the points.
        source: String,
    },
    /// A criterion of more than two levels (B.2 › B.2.1 › B.2.1.1) with every level's score: the criterion
    /// first (after transfers), then its tree in the framework's order (middle levels' subtotals, leaves' scores).
    Subtotals(Vec<LevelScore>),
    /// A not-completed condition held (its label is the regulation's text).
    NotCompleted {
        /// The condition's words, from the regulation.
        label: Arc<str>,
        /// What the unit shows on it.
        observed: Vec<Observation>,
    },
    /// A condition of the level reached.
    Reached {
        /// The level whose condition it is.
        level: Level,
        /// The condition's words, from the regulation.
        label: Arc<str>,
    },
    /// A condition of a level above the one reached that the unit does not meet.
    Missing {
        /// The level whose condition the unit misses.
        level: Level,
        /// The condition's words, from the regulation.
        label: Arc<str>,
        /// What the unit shows on it.
        observed: Vec<Observation>,
    },
    /// Not completed: no higher level's conditions hold.
    NoHigherLevel,
    /// What the bloc's excellent quota (or its approval, or a re-rating) did to the unit.
    Quota(QuotaNote),
    /// The gaps of the unit's self-assessment file: `count` components, the first ones `listed`; `source` is
    /// the regulation's article (data; may be empty).
    FileGaps {
        /// The regulation's article (2610 Điều 8.2.b–c, 9.4.đ).
        source: String,
        /// How many components have a gap.
        count: usize,
        /// The first of them, each with what it lacks.
        listed: Vec<(ComponentCode, FileGap)>,
    },
    /// The unit's level in the round this one started from: the stored outcome slug, and whether that bloc
    /// was approved then.
    PreviousYear {
        /// The previous round's year.
        year: i32,
        /// The stored outcome's slug (`not_completed`).
        level: String,
        /// That round's bloc was approved, so the level is final.
        approved: bool,
    },
    /// Rated not completed in `year` and this year: for the chairman (the regulation's `article`).
    NotCompletedTwoYears {
        /// The previous year, rated not completed too.
        year: i32,
        /// The rule's article (2610 Điều 11.2.d).
        article: String,
    },
}

/// The reasons of the level before the quota: the total, then the not-completed conditions that held, or the
/// conditions of the level reached and, for each level above it, each condition missing.
pub fn level_reasons(rules: &ClassificationRules, unit: &UnitEvidence<'_>, assessment: &Assessment) -> Vec<Reason> {
    level_reasons_in_bloc(rules, unit, assessment, None)
}

/// `level_reasons` for a unit of a bloc: a condition scoped to other blocs is not named.
pub fn level_reasons_in_bloc(
    rules: &ClassificationRules,
    unit: &UnitEvidence<'_>,
    assessment: &Assessment,
    bloc: Option<&str>,
) -> Vec<Reason> {
    let mut reasons = vec![Reason::Total(unit.official_total)];
    if !assessment.not_completed_because.is_empty() {
        let holding =
            rules.not_completed.iter().filter(|c| c.applies_to(bloc) && c.rule.holds(unit, &rules.predicates));
        for condition in holding {
            let mut observed = Vec::new();
            condition.rule.observe(unit, &rules.predicates, true, &mut observed);
            reasons.push(Reason::NotCompleted { label: condition.label.clone(), observed });
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
                reasons.push(Reason::Reached { level: rule.level, label: condition.label.clone() });
            } else if !held {
                let mut observed = Vec::new();
                condition.rule.observe(unit, &rules.predicates, false, &mut observed);
                reasons.push(Reason::Missing { level: rule.level, label: condition.label.clone(), observed });
            }
        }
    }
    if assessment.level == Level::NotCompleted {
        reasons.push(Reason::NoHigherLevel);
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
) -> Vec<Reason> {
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
            let mut scores = points_reasons(regulation, &evaluation.score);
            if let Some(framework) = regulation.framework_for(&unit.bloc, unit.group.as_deref()) {
                scores.extend(subtotal_reasons(framework, &evaluation.score, &unit.entries));
            }
            reasons.splice(1..1, scores);
            reasons
        }
        None => Vec::new(),
    };
    reasons.extend(ranked.quota_note.iter().cloned().map(Reason::Quota));
    if let Some(framework) = regulation.framework_for(&unit.bloc, unit.group.as_deref()) {
        let gaps = unit_gaps(&regulation.self_assessment, framework, &unit.entries, documents);
        reasons.extend(gaps_reason(&regulation.self_assessment, &gaps));
    }
    reasons
}

/// The parts and the points that make the total, where the regulation has points; nothing otherwise.
fn points_reasons(regulation: &Regulation, score: &super::scoring::UnitScore) -> Vec<Reason> {
    let (Some(rule), Some(points)) = (&regulation.points, score.points) else { return Vec::new() };
    vec![Reason::Points {
        parts: score.contents.clone(),
        bonus: points.bonus,
        penalty: points.penalty,
        source: rule.source.clone(),
    }]
}

/// Each criterion with middle levels (B.2 › B.2.1 › B.2.1.1), every level with its score: the criterion's as
/// scored, a middle level's subtotal and a leaf's value as the unit's file shows them (appraised where
/// appraised, else the self-score). Nothing for a framework of two levels (both seeds).
fn subtotal_reasons(
    framework: &super::framework::Framework,
    score: &super::scoring::UnitScore,
    entries: &super::entries::Entries,
) -> Vec<Reason> {
    framework
        .criteria()
        .filter(|(_, criterion)| !criterion.subcriteria.is_empty())
        .map(|(_, criterion)| {
            let scored = score.criterion(&criterion.code);
            let mut rows = vec![LevelScore {
                depth: 0,
                code: criterion.code.clone(),
                score: scored.and_then(|c| c.score),
                max: scored.map_or(criterion.max, |c| c.max),
            }];
            rows.extend(criterion.tree().into_iter().map(|row| {
                let value = match (row.sub, row.component) {
                    (Some(sub), _) => super::scoring::UnitScore::subtotal(sub, entries),
                    (None, Some(component)) => entries
                        .get(&component.code)
                        .map_or(Some(Decimal::ZERO), |entry| entry.applicable.then(|| entry.provisional_value())),
                    (None, None) => None,
                };
                LevelScore { depth: row.depth, code: row.code.to_string(), score: value, max: row.max }
            }));
            Reason::Subtotals(rows)
        })
        .collect()
}

/// What the round before this one says of a unit: its level then and, when it was rated not completed in both
/// years, the flag for the chairman (Thái Nguyên Điều 11.2.d). Nothing without an earlier round.
pub fn previous_year_reasons(
    context: &super::previous_year::YearContext<'_>,
    previous: Option<&super::previous_year::PreviousLevel>,
    now: super::ranking::Outcome,
) -> Vec<Reason> {
    use super::previous_year::{YearFlag, year_flags};
    let Some(previous) = previous else { return Vec::new() };
    let mut reasons =
        vec![Reason::PreviousYear { year: previous.year, level: previous.level.clone(), approved: previous.approved }];
    for flag in year_flags(context, Some(previous), now) {
        match flag {
            YearFlag::NotCompletedTwoYears => reasons.push(Reason::NotCompletedTwoYears {
                year: previous.year,
                article: context.article.unwrap_or_default().to_string(),
            }),
        }
    }
    reasons
}
