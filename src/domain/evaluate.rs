//! A whole round: every unit scored, assessed and ranked inside its bloc.

use super::classification::{Assessment, UnitEvidence, assess_in_bloc};
use super::code::{BlocCode, UnitCode};
use super::entries::Entries;
use super::facts::Facts;
use super::grades::GradeOverride;
use super::ranking::BlocRanking;
use super::regulation::Regulation;
use super::score::round_half_away;
use super::scoring::{UnitScore, score_unit};
use std::collections::BTreeMap;

/// Everything recorded about one unit in a round.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnitRecord {
    /// The unit's code (`snv`), as `import units` gave it.
    pub code: UnitCode,
    /// The unit's name, as the papers print it.
    pub name: String,
    /// The bloc it is ranked in.
    pub bloc: BlocCode,
    /// Its group (453: which part B applies); None where the regulation has no groups.
    pub group: Option<String>,
    /// By component code.
    pub entries: Entries,
    /// The facts recorded for it this year (an absent fact takes its default).
    pub facts: Facts,
    /// By criterion code.
    pub grade_overrides: BTreeMap<String, GradeOverride>,
}

/// One regulation's round for one year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Round {
    /// The round's year (the year appraised).
    pub year: i32,
    /// Every unit of the round, of every bloc.
    pub units: Vec<UnitRecord>,
    /// The chairman's orders of tie groups, by bloc.
    pub tie_orders: BTreeMap<BlocCode, Vec<Vec<UnitCode>>>,
    /// The published results of the approved blocs (as approved, with the re-ratings since), by bloc: what
    /// every reader of an approved bloc shows instead of a ranking computed again.
    pub published: BTreeMap<BlocCode, super::published::PublishedBloc>,
    /// The chairman's decisions to rate a unit excellent beyond the quota (`exceed-quota`), by bloc.
    pub quota_exceptions: BTreeMap<BlocCode, Vec<super::quota_exception::QuotaException>>,
}

/// One unit's score and its classification before the bloc's quota.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitEvaluation {
    /// Its total, criteria and grades.
    pub score: UnitScore,
    /// Shared with the bloc's ranking.
    pub assessment: std::sync::Arc<Assessment>,
}

/// One bloc's outcome: its ranking with the quota and tie groups.
#[derive(Debug, Clone, PartialEq)]
pub struct BlocResult {
    /// The bloc.
    pub bloc: BlocCode,
    /// Its units in rank order, the quota and the ties.
    pub ranking: BlocRanking,
}

/// Scores and assesses one unit; None when its bloc and group name no framework.
pub fn evaluate_unit(regulation: &Regulation, unit: &UnitRecord) -> Option<UnitEvaluation> {
    let framework = regulation.framework_for(&unit.bloc, unit.group.as_deref())?;
    let mut score = score_unit(framework, &unit.entries, regulation.grades.as_ref(), &unit.grade_overrides);
    score.points = regulation.points_of(&unit.bloc, &unit.facts);
    score.total = regulation.total_with(score.parts_total, score.points);
    let evidence = UnitEvidence {
        official_total: round_half_away(score.total, regulation.official_decimals),
        score: &score,
        facts: &unit.facts,
        fact_definitions: &regulation.facts,
    };
    let assessment = assess_in_bloc(&regulation.classification, &evidence, Some(&unit.bloc));
    Some(UnitEvaluation { score, assessment: std::sync::Arc::new(assessment) })
}

/// How many applicable components of a bloc's units still wait for an appraisal.
pub fn unappraised_in_bloc(regulation: &Regulation, round: &Round, bloc: &BlocCode) -> usize {
    round
        .units
        .iter()
        .filter(|unit| unit.bloc == *bloc)
        .filter_map(|unit| evaluate_unit(regulation, unit))
        .map(|evaluation| evaluation.score.applicable_count - evaluation.score.appraised_count)
        .sum()
}

/// Ranks every bloc that has units, in the regulation's bloc order (the whole round at once;
/// `Standing` keeps the same results up to date after each change).
pub fn evaluate_round(regulation: &Regulation, round: &Round) -> Vec<BlocResult> {
    super::standing::Standing::new(regulation, round).into_results()
}
