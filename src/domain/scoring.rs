//! Totals of one unit: component values, not-applicable redistribution, part C transfers, provisional totals, grades.

use super::entries::Entries;
use super::framework::{Criterion, Framework};
use super::grades::{Grade, GradeOverride, GradeScale};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// What was entered for one component of one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentScore {
    /// The unit's own score (*điểm tự đánh giá*); None: not entered.
    pub self_score: Option<Decimal>,
    /// The council's score (*điểm thẩm định*); for group I of 2610, the leaders' mean. None: not appraised.
    pub appraised_score: Option<Decimal>,
    /// Scores given by individual provincial leaders (group I of Thái Nguyên), by leader.
    pub leader_scores: LeaderScores,
    /// Why the council scored below max or away from the self-score (*lý do trừ điểm*); "" when none is needed.
    pub deduction_reason: String,
    /// The unit's justification of its self-score (boxed: most rounds in memory hold none).
    pub explanation: Box<str>,
    /// The unit wrote an explanation, as the store says when its text is not read (the interface reads the
    /// texts of the units it shows only).
    pub explanation_on_file: bool,
    /// False when the component lies outside the unit's functions (Điều 4.2 of 453).
    pub applicable: bool,
    /// Entered by an assistant (Tổ giúp việc) and not yet confirmed by a member: it counts, provisionally.
    pub awaiting_confirmation: bool,
    /// Who entered the appraised score (a council user's name), when recorded; shared by that user's entries.
    pub appraised_by: Option<std::sync::Arc<str>>,
    /// Bumped by every save; a save based on an older version is refused (0: nothing recorded).
    pub version: i64,
}

impl Default for ComponentScore {
    fn default() -> Self {
        ComponentScore {
            self_score: None,
            appraised_score: None,
            leader_scores: LeaderScores::default(),
            deduction_reason: String::new(),
            explanation: Box::default(),
            explanation_on_file: false,
            applicable: true,
            awaiting_confirmation: false,
            appraised_by: None,
            version: 0,
        }
    }
}

impl ComponentScore {
    /// The council's figure: the leaders' mean where leaders scored, else the appraised score.
    pub fn effective_appraised(&self) -> Option<Decimal> {
        let (sum, leaders) = self.leader_scores.values().fold((Decimal::ZERO, 0u32), |(sum, n), s| (sum + s, n + 1));
        if leaders == 0 { self.appraised_score } else { Some(sum / Decimal::from(leaders)) }
    }

    /// Appraised and, where an assistant entered it, confirmed by a member.
    pub fn is_final(&self) -> bool {
        self.effective_appraised().is_some() && !self.awaiting_confirmation
    }

    /// The unit explained its self-score (with something a reader can see).
    pub fn has_explanation(&self) -> bool {
        self.explanation_on_file || super::validate::has_visible(&self.explanation)
    }

    /// The figure that counts now: appraised where present, else the self-score, else 0.
    pub fn provisional_value(&self) -> Decimal {
        self.effective_appraised().or(self.self_score).unwrap_or(Decimal::ZERO)
    }
}

/// Scores given by individual provincial leaders, by leader, with each leader's own deduction reason: held only
/// where some leader scored (group I of Thái Nguyên), so the hundreds of thousands of other entries carry one
/// empty pointer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeaderScores(Option<Box<Leaders>>);

/// What the leaders entered on one component: their scores and their reasons, by leader.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Leaders {
    scores: BTreeMap<String, Decimal>,
    reasons: BTreeMap<String, String>,
}

impl LeaderScores {
    /// This leader's score, if they scored.
    pub fn get(&self, leader: &str) -> Option<&Decimal> {
        self.0.as_ref()?.scores.get(leader)
    }

    /// Records this leader's score; returns the score it replaces.
    pub fn insert(&mut self, leader: String, score: Decimal) -> Option<Decimal> {
        self.0.get_or_insert_default().scores.insert(leader, score)
    }

    /// The deduction reason this leader gave with their score ("" when none).
    pub fn reason(&self, leader: &str) -> &str {
        self.0.as_ref().and_then(|leaders| leaders.reasons.get(leader)).map_or("", String::as_str)
    }

    /// Keeps the deduction reason a leader gave with their score.
    pub fn set_reason(&mut self, leader: String, reason: String) {
        self.0.get_or_insert_default().reasons.insert(leader, reason);
    }

    /// Forgets every leader's score and reason.
    pub fn clear(&mut self) {
        self.0 = None;
    }

    /// No leader has scored.
    pub fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|leaders| leaders.scores.is_empty())
    }

    /// By leader.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Decimal)> {
        self.0.iter().flat_map(|leaders| leaders.scores.iter())
    }

    /// The scores, by leader's name; their mean is the appraised score.
    pub fn values(&self) -> impl Iterator<Item = &Decimal> {
        self.iter().map(|(_, score)| score)
    }
}

impl<const N: usize> From<[(String, Decimal); N]> for LeaderScores {
    fn from(scores: [(String, Decimal); N]) -> LeaderScores {
        let scores: BTreeMap<String, Decimal> = scores.into();
        LeaderScores((!scores.is_empty()).then(|| Box::new(Leaders { scores, reasons: BTreeMap::new() })))
    }
}

/// A criterion's result inside a unit's score.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionResult {
    /// The criterion's code.
    pub code: String,
    /// The code of the content (or part) that holds it.
    pub content: String,
    /// None when every component is not applicable.
    pub score: Option<Decimal>,
    /// Max after transfers from wholly not-applicable criteria (C.1 becomes 7 or 10).
    pub max: Decimal,
    /// The grade its ratio of score to max earns on the regulation's scale (≥ 90 % excellent …); None where criteria
    /// carry no grade.
    pub proposed_grade: Option<Grade>,
    /// The grade that counts: the override where the council set one, else the proposed grade.
    pub grade: Option<Grade>,
}

/// One unit's computed score: its total, provisional or not, each criterion's result and grade, each content's score.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitScore {
    /// Exact total; round with the regulation's decimals for display and thresholds. Where the regulation
    /// has bonus and penalty points, the parts' total with them, within the total's bounds.
    pub total: Decimal,
    /// The parts' total before any bonus or penalty.
    pub parts_total: Decimal,
    /// The unit's bonus and penalty (capped), where the regulation has them.
    pub points: Option<super::regulation::Points>,
    /// Some applicable component is not appraised yet.
    pub provisional: bool,
    /// Applicable components with an appraised score (progress, and whether the total is provisional).
    pub appraised_count: usize,
    /// Components that apply to the unit (those marked not applicable left out).
    pub applicable_count: usize,
    /// Each criterion's result, in framework order.
    pub criteria: Vec<CriterionResult>,
    /// Each content's score (Nội dung I/II/III, part A/B/C) in framework order; None when nothing in it applies.
    pub contents: Vec<(String, Option<Decimal>)>,
}

impl UnitScore {
    /// The result of the criterion with this code, if the framework has it.
    pub fn criterion(&self, code: &str) -> Option<&CriterionResult> {
        self.criteria.iter().find(|criterion| criterion.code == code)
    }

    /// A sub-criterion's score (B.2.1): the sum of its applicable leaves; None when none applies.
    pub fn subtotal(sub: &super::framework::SubCriterion, entries: &Entries) -> Option<Decimal> {
        let missing = ComponentScore::default();
        let applicable: Vec<&ComponentScore> = sub
            .leaves
            .iter()
            .map(|code| entries.get(code).unwrap_or(&missing))
            .filter(|entry| entry.applicable)
            .collect();
        (!applicable.is_empty()).then(|| applicable.iter().map(|entry| entry.provisional_value()).sum())
    }
}

/// Scales a sum of applicable parts up to the parent's max: Σ scores × max / Σ applicable max.
/// Exact (no division) when nothing was left out.
fn scale(sum: Decimal, applicable_max: Decimal, max: Decimal) -> Decimal {
    if applicable_max == max { sum } else { sum * max / applicable_max }
}

/// Computes a unit's total, criterion scores and grades from its entries.
/// Components with no entry count as applicable, unscored and unappraised.
pub fn score_unit(
    framework: &Framework,
    entries: &Entries,
    grade_scale: Option<&GradeScale>,
    overrides: &BTreeMap<String, GradeOverride>,
) -> UnitScore {
    let missing = ComponentScore::default();
    // Each criterion's component entries, in framework order, looked up once.
    let recorded: Vec<Vec<&ComponentScore>> = framework
        .criteria()
        .map(|(_, criterion)| criterion.components.iter().map(|c| entries.get(&c.code).unwrap_or(&missing)).collect())
        .collect();
    let mut appraised_count = 0;
    let mut applicable_count = 0;
    let mut criteria = Vec::new();
    let mut content_sums: Vec<(Decimal, Decimal, Decimal)> = Vec::new();
    let mut contents = Vec::new();
    let mut first_of_content = 0;

    for content in &framework.contents {
        let siblings = &recorded[first_of_content..first_of_content + content.criteria.len()];
        first_of_content += content.criteria.len();
        let mut content_sum = Decimal::ZERO;
        let mut content_applicable_max = Decimal::ZERO;
        for (criterion, components) in content.criteria.iter().zip(siblings) {
            for entry in components {
                if entry.applicable {
                    applicable_count += 1;
                    appraised_count += usize::from(entry.is_final());
                }
            }
            let effective_max = effective_max(criterion, &content.criteria, siblings);
            let score = criterion_score(criterion, effective_max, components);
            let proposed_grade = match (grade_scale, score) {
                (Some(scale), Some(score)) => Some(scale.propose(score, effective_max)),
                _ => None,
            };
            let grade = match (proposed_grade, overrides.get(&criterion.code)) {
                (Some(_), Some(chairman)) => Some(chairman.grade),
                (proposed, _) => proposed,
            };
            if let Some(score) = score {
                content_sum += score;
                content_applicable_max += effective_max;
            }
            criteria.push(CriterionResult {
                code: criterion.code.clone(),
                content: content.code.clone(),
                score,
                max: effective_max,
                proposed_grade,
                grade,
            });
        }
        content_sums.push((content_sum, content_applicable_max, content.max));
        let content_score =
            (!content_applicable_max.is_zero()).then(|| scale(content_sum, content_applicable_max, content.max));
        contents.push((content.code.clone(), content_score));
    }

    let mut total_sum = Decimal::ZERO;
    let mut total_applicable_max = Decimal::ZERO;
    let mut total_max = Decimal::ZERO;
    for (sum, applicable_max, max) in content_sums {
        total_max += max;
        if !applicable_max.is_zero() {
            total_sum += scale(sum, applicable_max, max);
            total_applicable_max += max;
        }
    }
    let total =
        if total_applicable_max.is_zero() { Decimal::ZERO } else { scale(total_sum, total_applicable_max, total_max) };
    UnitScore {
        total,
        parts_total: total,
        points: None,
        provisional: appraised_count < applicable_count,
        appraised_count,
        applicable_count,
        criteria,
        contents,
    }
}

/// A criterion's max plus the points of wholly not-applicable siblings that transfer to it
/// (`recorded`: each sibling's component entries, in the same order as `siblings`).
fn effective_max(criterion: &Criterion, siblings: &[Criterion], recorded: &[Vec<&ComponentScore>]) -> Decimal {
    let transferred: Decimal = siblings
        .iter()
        .zip(recorded)
        .filter(|(sibling, _)| sibling.transfer_to.as_deref() == Some(criterion.code.as_str()))
        .filter(|(_, components)| components.iter().all(|entry| !entry.applicable))
        .map(|(sibling, _)| sibling.max)
        .sum();
    criterion.max + transferred
}

/// Σ applicable component values × effective max / Σ applicable component max; None if none applies.
fn criterion_score(criterion: &Criterion, effective_max: Decimal, recorded: &[&ComponentScore]) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    let mut applicable_max = Decimal::ZERO;
    let mut any = false;
    for (component, entry) in criterion.components.iter().zip(recorded) {
        if entry.applicable {
            any = true;
            sum += entry.provisional_value();
            applicable_max += component.max;
        }
    }
    any.then(|| scale(sum, applicable_max, effective_max))
}
