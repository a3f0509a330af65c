//! The checks of `[classification]` in `regulation.toml`: the levels' order, each condition's facts, grades,
//! contents, ratios, blocs and predicates. Every problem is reported (file, line, key, what is expected), and
//! each check runs on whatever parts of the regulation could be read, so a bad key elsewhere in the folder
//! does not hide a bad condition (`regulations check`).

use super::classification::{ClassificationRules, Condition, LabeledCondition, Level};
use super::error::{DataError, line_of};
use super::facts::{FactDefinition, FactKind};
use super::regulation::Bloc;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// What the checks read besides the rules; a part that could not be read is None and its checks are skipped
/// (its own problem is reported where it was read).
pub struct Known<'a> {
    /// The blocs of `blocs.toml`.
    pub blocs: Option<&'a [Bloc]>,
    /// The facts of `[[facts]]` that were read.
    pub facts: Option<&'a [FactDefinition]>,
    /// Facts declared but refused: a condition naming one is not reported again.
    pub broken_facts: &'a BTreeSet<String>,
    /// The codes of the contents (parts) of every framework.
    pub contents: Option<BTreeSet<&'a str>>,
    /// Whether the regulation has `[grades]`.
    pub graded: Option<bool>,
}

/// Every problem of the classification rules, each on the line of the condition (or predicate) it concerns.
pub fn check(file: &str, text: &str, rules: &ClassificationRules, known: &Known<'_>) -> Vec<DataError> {
    let lines = Lines::new(text);
    let mut problems = Vec::new();
    let order: Vec<Level> = rules.levels.iter().map(|rule| rule.level).collect();
    let allowed = [Level::Excellent, Level::Good, Level::Completed];
    if order.iter().any(|l| !allowed.contains(l)) || order.windows(2).any(|w| w[0] <= w[1]) || order.is_empty() {
        problems.push(DataError::at(
            file,
            lines.levels_line(),
            "classification.levels: key level: the levels must be excellent, good, completed, highest first, each once",
        ));
    }
    let mut levels_cursor = lines.classification;
    for labeled in rules.levels.iter().flat_map(|rule| &rule.conditions) {
        let at = lines.label_at(&labeled.label, &mut levels_cursor);
        check_labeled(file, text, labeled, at, rules, known, &mut problems);
    }
    let mut not_completed_cursor = lines.classification;
    for labeled in &rules.not_completed {
        let at = lines.label_at(&labeled.label, &mut not_completed_cursor);
        check_labeled(file, text, labeled, at, rules, known, &mut problems);
    }
    for (name, predicate) in &rules.predicates {
        let at = lines.predicate_at(name);
        let mut nested = false;
        predicate.walk(&mut |c| nested |= matches!(c, Condition::Predicate { .. }));
        if nested {
            problems.push(DataError::at(
                file,
                line_of(text, at),
                format!("classification.predicates.{name}: kind predicate: a predicate may not use other predicates"),
            ));
        }
        let mut found = Vec::new();
        predicate.walk(&mut |c| found.extend(condition_problem(c, rules, known)));
        for (key, message) in found {
            let line = line_of(text, lines.key_after(at, &key));
            problems.push(DataError::at(file, line, format!("classification.predicates.{name}: {message}")));
        }
    }
    problems
}

/// The problems of one listed condition: its blocs, then each rule it holds.
fn check_labeled(
    file: &str,
    text: &str,
    labeled: &LabeledCondition,
    at: usize,
    rules: &ClassificationRules,
    known: &Known<'_>,
    problems: &mut Vec<DataError>,
) {
    let lines = Lines::new(text);
    let name = format!("classification, condition {:?}", labeled.label);
    if let Some(blocs) = known.blocs {
        for bloc in labeled.blocs.iter().filter(|b| !blocs.iter().any(|known| known.code == **b)) {
            let line = line_of(text, lines.key_after(at, &format!("\"{bloc}\"")));
            problems.push(DataError::at(
                file,
                line,
                format!("{name}: key blocs: {bloc:?} is not a bloc of blocs.toml (expected one of its codes)"),
            ));
        }
    }
    let mut found = Vec::new();
    labeled.rule.walk(&mut |c| found.extend(condition_problem(c, rules, known)));
    for (needle, message) in found {
        let line = line_of(text, lines.key_after(at, &needle));
        problems.push(DataError::at(file, line, format!("{name}: {message}")));
    }
}

/// One rule's own problem (not its parts'): the text to find its line by, and what is wrong.
fn condition_problem(
    condition: &Condition,
    rules: &ClassificationRules,
    known: &Known<'_>,
) -> Option<(String, String)> {
    match condition {
        Condition::FactIs { fact, value } | Condition::FactIsNot { fact, value } => {
            let facts = known.facts?;
            if known.broken_facts.contains(fact) {
                return None;
            }
            let needle = format!("\"{fact}\"");
            let Some(definition) = facts.iter().find(|f| f.name == *fact) else {
                return Some((needle, format!("key fact: fact {fact} is not declared in [[facts]]")));
            };
            let refused = definition.parse_value(value).err()?;
            Some((format!("\"{value}\""), format!("key value: {refused}")))
        }
        Condition::CountShareAbove { numerator, denominator, share } => {
            if *share < Decimal::ZERO || *share > Decimal::ONE {
                return Some(("share".into(), format!("key share: share {share} must be a share in [0, 1]")));
            }
            let facts = known.facts?;
            [("numerator", numerator), ("denominator", denominator)].into_iter().find_map(|(key, name)| {
                let count = facts.iter().any(|f| f.name == *name && f.kind == FactKind::Count);
                (!count && !known.broken_facts.contains(name))
                    .then(|| (format!("\"{name}\""), format!("key {key}: fact {name} must be declared as a count")))
            })
        }
        Condition::EveryCriterionAtLeast { content, except_content, .. } => {
            grade_problem(known, [("content", content), ("except_content", except_content)])
        }
        Condition::ShareGradedAtMost { content, share, .. } => {
            if *share < Decimal::ZERO || *share > Decimal::ONE {
                return Some(("share".into(), format!("key share: share {share} must be a share in [0, 1]")));
            }
            grade_problem(known, [("content", content), ("except_content", &None)])
        }
        Condition::CriteriaRatioAtLeast { content, ratio } => {
            ratio_problem(known, content.as_ref(), &[("ratio", *ratio)])
        }
        Condition::ShareBelowRatioAtMost { content, ratio, share } => {
            ratio_problem(known, content.as_ref(), &[("ratio", *ratio), ("share", *share)])
        }
        Condition::Predicate { name } => (!rules.predicates.contains_key(name)).then(|| {
            (format!("\"{name}\""), format!("key name: predicate {name} is not defined in [classification.predicates]"))
        }),
        Condition::TotalAtLeast { .. }
        | Condition::TotalBelow { .. }
        | Condition::All { .. }
        | Condition::Any { .. }
        | Condition::Not { .. } => None,
    }
}

/// A grade condition needs `[grades]`, and its contents must be parts of some framework.
fn grade_problem(known: &Known<'_>, contents: [(&str, &Option<String>); 2]) -> Option<(String, String)> {
    if known.graded == Some(false) {
        return Some(("grade".into(), "key grade: a grade condition needs [grades]".into()));
    }
    let codes = known.contents.as_ref()?;
    contents.into_iter().find_map(|(key, code)| {
        let code = code.as_ref()?;
        (!codes.contains(code.as_str()))
            .then(|| (format!("\"{code}\""), format!("key {key}: content {code} is in no framework")))
    })
}

/// A ratio condition: its ratio and share in [0, 1], its content a part of some framework.
fn ratio_problem(known: &Known<'_>, content: Option<&String>, values: &[(&str, Decimal)]) -> Option<(String, String)> {
    for (name, value) in values {
        if *value < Decimal::ZERO || *value > Decimal::ONE {
            return Some((
                format!("{name} ="),
                format!("key {name}: {name} {value} must be a share in [0, 1] (\"0.8\" for 80 %)"),
            ));
        }
    }
    let code = content?;
    let codes = known.contents.as_ref()?;
    (!codes.contains(code.as_str()))
        .then(|| (format!("\"{code}\""), format!("key content: content {code} is in no framework")))
}

/// Finds where things are written in `regulation.toml`, so each problem names its line.
struct Lines<'a> {
    text: &'a str,
    /// Where `[classification` first appears (0 when it does not).
    classification: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines { text, classification: text.find("[classification").unwrap_or(0) }
    }

    /// The line of the first `[[classification.levels]]`.
    fn levels_line(&self) -> usize {
        line_of(self.text, self.text.find("[[classification.levels]]").unwrap_or(self.classification))
    }

    /// Where the condition labelled `label` is written, from `cursor` on (moved past it, so a label used by two
    /// levels is found at each in turn); the classification's start when the label cannot be found as written.
    fn label_at(&self, label: &str, cursor: &mut usize) -> usize {
        match self.text.get(*cursor..).and_then(|rest| rest.find(label)) {
            Some(offset) => {
                *cursor += offset + label.len();
                *cursor - label.len()
            }
            None => self.classification,
        }
    }

    /// Where the predicate `name` is defined.
    fn predicate_at(&self, name: &str) -> usize {
        let start = self.text.find("[classification.predicates").unwrap_or(self.classification);
        let rest = self.text.get(start..).unwrap_or_default();
        [format!("\n{name} ="), format!("\n{name}="), format!(".{name}]")]
            .iter()
            .find_map(|needle| rest.find(needle.as_str()).map(|offset| start + offset + 1))
            .unwrap_or(start)
    }

    /// Where `needle` is next written from `at`, before the next condition's label; `at` when not there.
    fn key_after(&self, at: usize, needle: &str) -> usize {
        let rest = self.text.get(at..).unwrap_or_default();
        let end = rest.get(1..).and_then(|r| r.find("label =")).map_or(rest.len(), |e| e + 1);
        rest.get(..end).and_then(|scope| scope.find(needle)).map_or(at, |offset| at + offset)
    }
}
