//! Facts recorded per unit (discipline, outstanding, …): their declared kinds, values and defaults.

use crate::domain::code::BlocCode;
use std::collections::BTreeMap;
use std::fmt;

/// What values a fact takes, as its regulation declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactKind {
    /// Yes or no (`outstanding`, `disunity`); the default is `false`.
    Bool,
    /// A count, never negative.
    Count,
    /// One of the listed words; the first is the harmless default (`none`).
    Choice(Vec<String>),
}

/// One fact of the regulation's `facts.toml`: what the council records per unit and year (SPEC, Classification), its
/// kind, words, default and points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactDefinition {
    /// The fact's name in the data, the CSV files and the conditions (`discipline`, `subunits_total`).
    pub name: String,
    /// The regulation's words for it, shown to the council.
    pub label: String,
    /// A short Vietnamese name for it, where a whole sentence does not fit (a form's line, a reason).
    pub title: String,
    /// What values it takes.
    pub kind: FactKind,
    /// How each choice reads to a person, in the order of the choices (empty: the choices as written).
    pub choice_labels: Vec<String>,
    /// A count that may not exceed another count fact (subunits disciplined ≤ subunits).
    pub at_most: Option<String>,
    /// Bonus points it earns outside the 100-point frame: each count, or once when true (Điều 4.1 of the
    /// synthetic text: 2 per model recognised).
    pub bonus: Option<rust_decimal::Decimal>,
    /// Penalty points it costs: each count, or once when true.
    pub penalty: Option<rust_decimal::Decimal>,
    /// The blocs where the fact is asked and counted (Điều 6.3 of the synthetic text: blocs III, IV); empty:
    /// every bloc.
    pub blocs: Vec<String>,
}

/// Recorded facts that cannot hold together (subunits disciplined above the subunits there are).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{title} ({value}) vượt quá {limit_title} ({limit}): sự kiện {name} không được lớn hơn {limit_name}")]
pub struct FactsInconsistent {
    /// The fact's name that exceeds its limit (`subunits_disciplined`).
    pub name: String,
    /// Its short Vietnamese title.
    pub title: String,
    /// The value recorded.
    pub value: u64,
    /// The count fact it may not exceed (`subunits_total`).
    pub limit_name: String,
    /// That fact's short Vietnamese title.
    pub limit_title: String,
    /// That fact's value.
    pub limit: u64,
}

/// A fact's recorded value; a fact never recorded takes its harmless default (`none`, `false`, `0`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum FactValue {
    /// A yes/no fact's value.
    Bool(bool),
    /// A count fact's value, never negative.
    Count(u64),
    /// A choice fact's value, one of its listed words (`remedied`).
    Choice(String),
}

impl fmt::Display for FactValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactValue::Bool(value) => write!(f, "{value}"),
            FactValue::Count(value) => write!(f, "{value}"),
            FactValue::Choice(value) => f.write_str(value),
        }
    }
}

/// A fact's value as a person reads it, before it is worded: yes or no, a count, or a choice's label (the
/// regulation's text) or the value as stored where it has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactWords {
    /// A yes/no fact that is true.
    Yes,
    /// A yes/no fact that is false.
    No,
    /// A count.
    Count(u64),
    /// A choice's label in the regulation's words, or the value as stored where it has none.
    Label(String),
}

impl FactDefinition {
    /// The fact is asked, shown and counted for a unit of this bloc.
    pub fn applies_to(&self, bloc: &BlocCode) -> bool {
        self.blocs.is_empty() || self.blocs.iter().any(|b| b == bloc)
    }

    /// The points this value is worth (count × points each, or the points when true); zero otherwise.
    pub fn points_of(&self, value: &FactValue, each: rust_decimal::Decimal) -> rust_decimal::Decimal {
        match value {
            FactValue::Bool(true) => each,
            FactValue::Count(count) => each * rust_decimal::Decimal::from(*count),
            FactValue::Bool(false) | FactValue::Choice(_) => rust_decimal::Decimal::ZERO,
        }
    }

    /// A fact never recorded for a unit takes its harmless default: `none`, `false`, `0`.
    pub fn default_value(&self) -> FactValue {
        match &self.kind {
            FactKind::Bool => FactValue::Bool(false),
            FactKind::Count => FactValue::Count(0),
            FactKind::Choice(choices) => FactValue::Choice(choices.first().cloned().unwrap_or_default()),
        }
    }

    /// How a value reads to a person: `có`/`không`, a count, or the choice's label.
    pub fn display_value(&self, value: &FactValue) -> String {
        match (&self.kind, value) {
            (_, FactValue::Bool(true)) => "có".into(),
            (_, FactValue::Bool(false)) => "không".into(),
            (FactKind::Choice(choices), FactValue::Choice(choice)) => choices
                .iter()
                .position(|c| c == choice)
                .and_then(|at| self.choice_labels.get(at))
                .cloned()
                .unwrap_or_else(|| choice.clone()),
            (_, other) => other.to_string(),
        }
    }

    /// How a value reads to a person, typed: yes/no, a count, or the choice's label.
    pub fn words(&self, value: &FactValue) -> FactWords {
        match (&self.kind, value) {
            (_, FactValue::Bool(true)) => FactWords::Yes,
            (_, FactValue::Bool(false)) => FactWords::No,
            (_, FactValue::Count(count)) => FactWords::Count(*count),
            (FactKind::Choice(choices), FactValue::Choice(choice)) => FactWords::Label(
                choices
                    .iter()
                    .position(|c| c == choice)
                    .and_then(|at| self.choice_labels.get(at))
                    .cloned()
                    .unwrap_or_else(|| choice.clone()),
            ),
            (_, FactValue::Choice(choice)) => FactWords::Label(choice.clone()),
        }
    }

    /// Reads a value as typed in a file: `true/false/yes/no/có/không/1/0`, a count, or one of the choices.
    pub fn parse_value(&self, text: &str) -> Result<FactValue, FactValueRefused> {
        let text = text.trim();
        match &self.kind {
            FactKind::Bool => match text.to_lowercase().as_str() {
                "true" | "yes" | "1" | "có" => Ok(FactValue::Bool(true)),
                "false" | "no" | "0" | "không" => Ok(FactValue::Bool(false)),
                _ => Err(self.refuse(text, FactKindExpected::Bool)),
            },
            FactKind::Count => {
                // Digits only: `+3` and ` 3` are not how a count is written.
                let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
                let count = if digits { text.parse::<u64>().ok() } else { None };
                count.map(FactValue::Count).ok_or_else(|| self.refuse(text, FactKindExpected::Count))
            }
            FactKind::Choice(choices) => {
                if choices.iter().any(|choice| choice == text) {
                    Ok(FactValue::Choice(text.to_string()))
                } else {
                    Err(self.refuse(text, FactKindExpected::Choice(choices.clone())))
                }
            }
        }
    }
}

impl FactDefinition {
    fn refuse(&self, text: &str, expected: FactKindExpected) -> FactValueRefused {
        FactValueRefused { name: self.name.clone(), title: self.title.clone(), value: text.to_string(), expected }
    }
}

/// What a fact's value must be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactKindExpected {
    /// `true` or `false`.
    Bool,
    /// A whole number ≥ 0.
    Count,
    /// One of these words.
    Choice(Vec<String>),
}

/// A value that does not fit its fact's kind; names the fact (its name and its title) and the value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("fact {name} takes {}, not {value:?}", match expected {
    FactKindExpected::Bool => "true or false".to_string(),
    FactKindExpected::Count => "a whole number ≥ 0".to_string(),
    FactKindExpected::Choice(choices) => format!("one of {}", choices.join("|")),
})]
pub struct FactValueRefused {
    /// The fact's name.
    pub name: String,
    /// Its short Vietnamese title.
    pub title: String,
    /// The value refused, as typed.
    pub value: String,
    /// What the fact takes instead.
    pub expected: FactKindExpected,
}

/// The facts recorded for one unit, by fact name; absent ones take their default.
pub type Facts = BTreeMap<String, FactValue>;

/// A count fact as recorded, else its default (0).
fn count_of(facts: &Facts, name: &str) -> u64 {
    match facts.get(name) {
        Some(FactValue::Count(count)) => *count,
        _ => 0,
    }
}

/// Checks that a unit's facts, as they will be stored, hold together (every `at_most` limit).
pub fn check_facts(definitions: &[FactDefinition], facts: &Facts) -> Result<(), FactsInconsistent> {
    for definition in definitions {
        let Some(limit_name) = &definition.at_most else { continue };
        let (value, limit) = (count_of(facts, &definition.name), count_of(facts, limit_name));
        if value > limit {
            let limit_title = definitions.iter().find(|d| &d.name == limit_name).map_or(limit_name, |d| &d.title);
            return Err(FactsInconsistent {
                name: definition.name.clone(),
                title: definition.title.clone(),
                value,
                limit_name: limit_name.clone(),
                limit_title: limit_title.clone(),
                limit,
            });
        }
    }
    Ok(())
}
