//! Classification of one unit: the regulation's level conditions as data, evaluated with the reasons behind the level.

use super::facts::FactWords;
use super::facts::{FactDefinition, Facts};
use super::grades::Grade;
use super::reasons::{FactShown, Observation};
use super::scoring::UnitScore;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// Mức xếp loại of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// *Không hoàn thành nhiệm vụ*: an explicit not-completed condition held (2610 Điều 7.2.d, 453 Điều 6.4), or no
    /// level's conditions all held.
    NotCompleted,
    /// *Hoàn thành nhiệm vụ* (2610 Điều 7.2.c, 453 Điều 6.3).
    Completed,
    /// *Hoàn thành tốt nhiệm vụ* (2610 Điều 7.2.b, 453 Điều 6.2).
    Good,
    /// *Hoàn thành xuất sắc nhiệm vụ* (2610 Điều 7.2.a, 453 Điều 6.1); limited by the bloc's quota.
    Excellent,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 4] = [Level::NotCompleted, Level::Completed, Level::Good, Level::Excellent];

    /// The level's slug in `rank --json`, the CSV files and the data (`excellent`, `not_completed`).
    pub fn slug(self) -> &'static str {
        match self {
            Level::Excellent => "excellent",
            Level::Good => "good",
            Level::Completed => "completed",
            Level::NotCompleted => "not_completed",
        }
    }

    /// The level as the regulations and the council's papers write it (*Hoàn thành tốt nhiệm vụ*).
    pub fn vietnamese(self) -> &'static str {
        match self {
            Level::Excellent => "Hoàn thành xuất sắc nhiệm vụ",
            Level::Good => "Hoàn thành tốt nhiệm vụ",
            Level::Completed => "Hoàn thành nhiệm vụ",
            Level::NotCompleted => "Không hoàn thành nhiệm vụ",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// Reads a decimal only from a string, so no float ever carries a threshold.
fn decimal_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    let text = String::deserialize(deserializer)?;
    Decimal::from_str(text.trim()).map_err(|_| serde::de::Error::custom(format!("{text:?} is not a decimal number")))
}

/// One rule of a level, as written in `regulation.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// Official total (rounded) ≥ value.
    TotalAtLeast {
        /// The threshold, compared with the official total at the regulation's decimals (89.995 is 90.00).
        #[serde(deserialize_with = "decimal_text")]
        value: Decimal,
    },
    /// Official total (rounded) < value.
    TotalBelow {
        /// The threshold (70 in 453 Điều 6.4: a total below it is not completed).
        #[serde(deserialize_with = "decimal_text")]
        value: Decimal,
    },
    /// A recorded fact (or its default) equals the value (`true`, `none`, `3`).
    FactIs {
        /// The fact's name as `facts.toml` defines it (`discipline`).
        fact: String,
        /// The value as text: `true`/`false`, a choice (`none`, `remedied`, `yes`) or a count.
        value: String,
    },
    /// A recorded fact (or its default) differs from the value (`discipline` ≠ `yes`: *không bị xử lý kỷ luật*).
    FactIsNot {
        /// The fact's name as `facts.toml` defines it.
        fact: String,
        /// The value as text that the fact must not have.
        value: String,
    },
    /// Every graded criterion (of one content, if named; outside one content, if `except_content` names it)
    /// is at least this grade.
    EveryCriterionAtLeast {
        /// The lowest grade allowed (2610 excellent: every criterion ≥ good).
        grade: Grade,
        /// The content (`II`) whose criteria are judged; every content when absent.
        content: Option<String>,
        /// A content left out (its criteria are judged by a sibling condition of their own).
        #[serde(default)]
        except_content: Option<String>,
    },
    /// At least this share of the graded criteria (of one content, if named) are at this grade or below.
    ShareGradedAtMost {
        /// The grade counted, with every grade below it (`poor`).
        grade: Grade,
        /// The content (`II`) whose graded criteria are counted; every content when absent.
        content: Option<String>,
        /// The share that decides, as a fraction (`0.5`: at least half are poor, 2610 Điều 7.2.d).
        #[serde(deserialize_with = "decimal_text")]
        share: Decimal,
    },
    /// numerator > share × denominator, both count facts (subunits disciplined > 20 % of subunits).
    CountShareAbove {
        /// The count fact that is compared (`subunits_disciplined`).
        numerator: String,
        /// The count fact it is a share of (`subunits_total`).
        denominator: String,
        /// The share as a fraction (`0.2`: more than 20 % of the subordinate units disciplined, 2610 Điều 7.2.d).
        #[serde(deserialize_with = "decimal_text")]
        share: Decimal,
    },
    /// Every criterion (of one content, if named) scored at least `ratio` of its max (*không có tiêu chí nào
    /// của Phần B đạt dưới 80 % điểm tối đa*); a criterion not applicable is not counted.
    CriteriaRatioAtLeast {
        /// The content (`B`) whose criteria are judged; every content when absent.
        content: Option<String>,
        /// The least share of its max each criterion must score, as a fraction (`0.8`).
        #[serde(deserialize_with = "decimal_text")]
        ratio: Decimal,
    },
    /// The criteria (of one content, if named) scored below `ratio` of their max are at most `share` of them
    /// (*không có trên 30 % số tiêu chí của Phần B đạt dưới 50 %*: exactly 30 % holds).
    ShareBelowRatioAtMost {
        /// The content (`B`) whose criteria are judged; every content when absent.
        content: Option<String>,
        /// A criterion scoring below this share of its max counts against the unit (`0.5`).
        #[serde(deserialize_with = "decimal_text")]
        ratio: Decimal,
        /// The most those criteria may be, as a fraction of all judged (`0.3`; exactly 30 % holds).
        #[serde(deserialize_with = "decimal_text")]
        share: Decimal,
    },
    /// Every condition of the list holds.
    All {
        /// The conditions, each evaluated with the same unit and predicates.
        of: Vec<Condition>,
    },
    /// At least one condition of the list holds (453's completed: total ≥ 70 without a defect, or ≥ 85 with one).
    Any {
        /// The alternatives.
        of: Vec<Condition>,
    },
    /// The condition does not hold (453: no defect).
    Not {
        /// The condition negated.
        of: Box<Condition>,
    },
    /// A named condition from `[classification.predicates]` (453's "defect").
    Predicate {
        /// The predicate's key in `[classification.predicates]`.
        name: String,
    },
}

/// A condition of a level with the regulation's words for it: what the unit's reasons list as held or failed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabeledCondition {
    /// The regulation's words for the condition, shown as the reason.
    /// Shared with every unit's assessment (a national round holds a quarter of a million checks).
    pub label: Arc<str>,
    /// What is evaluated.
    pub rule: Condition,
    /// The blocs where the condition counts (synthetic Điều 6.3: blocs III, IV); every bloc when empty.
    #[serde(default)]
    pub blocs: Vec<String>,
}

impl LabeledCondition {
    /// The condition counts for a unit of this bloc (None: every condition counts).
    pub fn applies_to(&self, bloc: Option<&str>) -> bool {
        self.blocs.is_empty() || bloc.is_none_or(|bloc| self.blocs.iter().any(|b| b == bloc))
    }
}

/// One level (excellent, good, completed) and the conditions that must all hold for it (2610 Điều 7.2, 453 Điều 6).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelRule {
    /// The level these conditions grant.
    pub level: Level,
    /// All must hold.
    pub conditions: Vec<LabeledCondition>,
}

/// The `[classification]` table of a regulation: how a unit's total, grades and facts give its level before the
/// quota.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassificationRules {
    /// Excellent, good, completed: highest first.
    pub levels: Vec<LevelRule>,
    /// Any one makes the unit not completed.
    pub not_completed: Vec<LabeledCondition>,
    /// Named conditions the others may refer to by `predicate` (453's *khuyết điểm*: disunity, targets missed without
    /// force majeure, leadership disciplined).
    #[serde(default)]
    pub predicates: BTreeMap<String, Condition>,
}

/// What the conditions read about one unit.
pub struct UnitEvidence<'a> {
    /// The total at the regulation's official decimals, the figure thresholds compare.
    pub official_total: Decimal,
    /// The unit's computed score: criteria, their grades and applicability.
    pub score: &'a UnitScore,
    /// The facts recorded for the unit this year (an unrecorded fact reads as its default).
    pub facts: &'a Facts,
    /// The regulation's fact definitions, for defaults and the words of a reason.
    pub fact_definitions: &'a [FactDefinition],
}

impl UnitEvidence<'_> {
    fn fact_text(&self, name: &str) -> String {
        match self.facts.get(name) {
            Some(value) => value.to_string(),
            None => self
                .fact_definitions
                .iter()
                .find(|definition| definition.name == name)
                .map(|definition| definition.default_value().to_string())
                .unwrap_or_default(),
        }
    }

    fn count(&self, name: &str) -> Decimal {
        self.fact_text(name).parse::<u64>().map(Decimal::from).unwrap_or(Decimal::ZERO)
    }

    fn grades<'s>(&'s self, content: Option<&'s String>) -> impl Iterator<Item = Grade> + 's {
        self.graded(content, None).map(|(_, grade)| grade)
    }

    /// The graded criteria (code, grade) of one content (or all), less one content (or none).
    fn graded<'s>(
        &'s self,
        content: Option<&'s String>,
        except: Option<&'s String>,
    ) -> impl Iterator<Item = (&'s str, Grade)> + 's {
        self.score
            .criteria
            .iter()
            .filter(move |criterion| content.is_none_or(|code| &criterion.content == code))
            .filter(move |criterion| except != Some(&criterion.content))
            .filter_map(|criterion| Some((criterion.code.as_str(), criterion.grade?)))
    }

    /// The scored criteria (code, score, max) of one content (or all).
    fn ratios<'s>(&'s self, content: Option<&'s String>) -> impl Iterator<Item = (&'s str, Decimal, Decimal)> + 's {
        self.score
            .criteria
            .iter()
            .filter(move |criterion| content.is_none_or(|code| &criterion.content == code))
            .filter_map(|criterion| Some((criterion.code.as_str(), criterion.score?, criterion.max)))
    }

    fn fact_definition(&self, name: &str) -> Option<&FactDefinition> {
        self.fact_definitions.iter().find(|definition| definition.name == name)
    }

    /// A fact as recorded (or its default), with its title: "Thành tích nổi bật: không" once worded.
    fn fact_shown(&self, name: &str) -> FactShown {
        let Some(definition) = self.fact_definition(name) else {
            return FactShown { title: name.to_string(), value: FactWords::Label(self.fact_text(name)) };
        };
        let value = self.facts.get(name).cloned().unwrap_or_else(|| definition.default_value());
        FactShown { title: definition.title.clone(), value: definition.words(&value) }
    }
}

impl ClassificationRules {
    /// The lowest total each level asks for (its `total_at_least` conditions, however nested), highest level
    /// first: the thresholds a chart of totals draws, read from the regulation rather than assumed.
    pub fn total_thresholds(&self) -> Vec<(Level, Decimal)> {
        fn lowest(condition: &Condition) -> Option<Decimal> {
            match condition {
                Condition::TotalAtLeast { value } => Some(*value),
                Condition::All { of } | Condition::Any { of } => of.iter().filter_map(lowest).min(),
                _ => None,
            }
        }
        self.levels
            .iter()
            .filter_map(|rule| Some((rule.level, rule.conditions.iter().filter_map(|c| lowest(&c.rule)).min()?)))
            .collect()
    }
}

impl Condition {
    /// Whether the condition holds for this unit; `predicates` resolves a `predicate` by name (an unknown name does
    /// not hold, and the loader refuses one).
    pub fn holds(&self, unit: &UnitEvidence<'_>, predicates: &BTreeMap<String, Condition>) -> bool {
        match self {
            Condition::TotalAtLeast { value } => unit.official_total >= *value,
            Condition::TotalBelow { value } => unit.official_total < *value,
            Condition::FactIs { fact, value } => unit.fact_text(fact) == *value,
            Condition::FactIsNot { fact, value } => unit.fact_text(fact) != *value,
            Condition::EveryCriterionAtLeast { grade, content, except_content } => {
                unit.graded(content.as_ref(), except_content.as_ref()).all(|(_, g)| g >= *grade)
            }
            Condition::ShareGradedAtMost { grade, content, share } => {
                let graded = unit.grades(content.as_ref()).count();
                let at_most = unit.grades(content.as_ref()).filter(|g| g <= grade).count();
                graded > 0 && Decimal::from(at_most) >= *share * Decimal::from(graded)
            }
            Condition::CountShareAbove { numerator, denominator, share } => {
                unit.count(numerator) > *share * unit.count(denominator)
            }
            Condition::CriteriaRatioAtLeast { content, ratio } => {
                unit.ratios(content.as_ref()).all(|(_, score, max)| score >= *ratio * max)
            }
            Condition::ShareBelowRatioAtMost { content, ratio, share } => {
                let scored = unit.ratios(content.as_ref()).count();
                let below = unit.ratios(content.as_ref()).filter(|(_, score, max)| *score < *ratio * *max).count();
                Decimal::from(below) <= *share * Decimal::from(scored)
            }
            Condition::All { of } => of.iter().all(|c| c.holds(unit, predicates)),
            Condition::Any { of } => of.iter().any(|c| c.holds(unit, predicates)),
            Condition::Not { of } => !of.holds(unit, predicates),
            Condition::Predicate { name } => predicates.get(name).is_some_and(|c| c.holds(unit, predicates)),
        }
    }

    /// What the unit shows on this condition, where it came out `outcome`: the criteria below the grade and
    /// their grades, a fact and its value, the total. Composite conditions give the observations of the parts
    /// that decided them. Gathered only when reasons are shown.
    pub fn observe(
        &self,
        unit: &UnitEvidence<'_>,
        predicates: &BTreeMap<String, Condition>,
        outcome: bool,
        out: &mut Vec<Observation>,
    ) {
        let mut push = |observation: Observation| {
            if !out.contains(&observation) {
                out.push(observation);
            }
        };
        match self {
            Condition::TotalAtLeast { .. } | Condition::TotalBelow { .. } => {
                push(Observation::Total(unit.official_total));
            }
            Condition::FactIs { fact, .. } | Condition::FactIsNot { fact, .. } => {
                push(Observation::Fact(unit.fact_shown(fact)));
            }
            Condition::EveryCriterionAtLeast { grade, content, except_content } => {
                let below: Vec<(String, Grade)> = unit
                    .graded(content.as_ref(), except_content.as_ref())
                    .filter(|(_, g)| g < grade)
                    .map(|(code, g)| (code.to_string(), g))
                    .collect();
                if !below.is_empty() {
                    push(Observation::GradesBelow(below));
                }
            }
            Condition::ShareGradedAtMost { grade, content, .. } => {
                let graded: Vec<(&str, Grade)> = unit.graded(content.as_ref(), None).collect();
                let low = graded.iter().filter(|(_, g)| g <= grade).map(|(code, _)| (*code).to_string()).collect();
                push(Observation::GradedAtMost { grade: *grade, graded: graded.len(), low });
            }
            Condition::CountShareAbove { numerator, denominator, .. } => {
                push(Observation::Facts(unit.fact_shown(numerator), unit.fact_shown(denominator)));
            }
            Condition::CriteriaRatioAtLeast { content, ratio }
            | Condition::ShareBelowRatioAtMost { content, ratio, .. } => {
                let scored: Vec<(&str, Decimal, Decimal)> = unit.ratios(content.as_ref()).collect();
                let below = scored
                    .iter()
                    .filter(|(_, score, max)| *score < *ratio * *max)
                    .map(|(code, score, max)| ((*code).to_string(), *score, *max))
                    .collect();
                push(Observation::BelowRatio { percent: *ratio * Decimal::ONE_HUNDRED, scored: scored.len(), below });
            }
            Condition::All { of } | Condition::Any { of } => {
                // An `all` that failed, or an `any` that held, is decided by its parts that came out the same way.
                let deciding = matches!(self, Condition::All { .. }) != outcome;
                for part in of {
                    if !deciding || part.holds(unit, predicates) == outcome {
                        part.observe(unit, predicates, outcome, out);
                    }
                }
            }
            Condition::Not { of } => of.observe(unit, predicates, !outcome, out),
            Condition::Predicate { name } => {
                if let Some(condition) = predicates.get(name) {
                    condition.observe(unit, predicates, outcome, out);
                }
            }
        }
    }

    /// Every sub-condition, this one included, for validation.
    pub fn walk<'a>(&'a self, visit: &mut impl FnMut(&'a Condition)) {
        visit(self);
        match self {
            Condition::All { of } | Condition::Any { of } => of.iter().for_each(|c| c.walk(visit)),
            Condition::Not { of } => of.walk(visit),
            _ => {}
        }
    }
}

/// One condition and whether it held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// The regulation's words for the condition.
    pub label: Arc<str>,
    /// The condition held for this unit.
    pub held: bool,
}

/// The unit's level before the bloc's quota, and every check behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// The highest level whose conditions all held, or not completed; before the quota.
    pub level: Level,
    /// The not-completed conditions that held.
    pub not_completed_because: Vec<Arc<str>>,
    /// Each level's conditions, highest level first.
    pub level_checks: Vec<(Level, Vec<Check>)>,
}

impl Assessment {
    /// All conditions of this level held (false for a level the regulation does not define).
    pub fn meets(&self, level: Level) -> bool {
        self.not_completed_because.is_empty()
            && self.level_checks.iter().any(|(l, checks)| *l == level && checks.iter().all(|c| c.held))
    }

    /// The highest level below `level` whose conditions hold, else not completed.
    pub fn best_below(&self, level: Level) -> Level {
        self.level_checks
            .iter()
            .map(|(l, _)| *l)
            .filter(|l| *l < level && self.meets(*l))
            .max()
            .unwrap_or(Level::NotCompleted)
    }

    /// Counts toward the quota: meets no not-completed condition and meets good (or excellent).
    pub fn eligible(&self) -> bool {
        self.meets(Level::Excellent) || self.meets(Level::Good)
    }
}

/// Evaluates a unit: first the explicit not-completed conditions, then the highest level whose conditions all hold.
pub fn assess(rules: &ClassificationRules, unit: &UnitEvidence<'_>) -> Assessment {
    assess_in_bloc(rules, unit, None)
}

/// `assess` for a unit of a bloc: a condition scoped to other blocs is neither checked nor shown.
pub fn assess_in_bloc(rules: &ClassificationRules, unit: &UnitEvidence<'_>, bloc: Option<&str>) -> Assessment {
    let not_completed_because: Vec<Arc<str>> = rules
        .not_completed
        .iter()
        .filter(|c| c.applies_to(bloc))
        .filter(|c| c.rule.holds(unit, &rules.predicates))
        .map(|c| c.label.clone())
        .collect();
    let level_checks: Vec<(Level, Vec<Check>)> = rules
        .levels
        .iter()
        .map(|rule| {
            let checks = rule
                .conditions
                .iter()
                .filter(|c| c.applies_to(bloc))
                .map(|c| Check { label: c.label.clone(), held: c.rule.holds(unit, &rules.predicates) })
                .collect();
            (rule.level, checks)
        })
        .collect();
    let mut assessment = Assessment { level: Level::NotCompleted, not_completed_because, level_checks };
    if assessment.not_completed_because.is_empty() {
        assessment.level = [Level::Excellent, Level::Good, Level::Completed]
            .into_iter()
            .find(|level| assessment.meets(*level))
            .unwrap_or(Level::NotCompleted);
    }
    assessment
}
