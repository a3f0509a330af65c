//! Facts recorded per unit (discipline, outstanding, …): their declared kinds, values and defaults.

use std::collections::BTreeMap;
use std::fmt;

/// What values a fact takes, as its regulation declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactKind {
    Bool,
    /// A count, never negative.
    Count,
    /// One of the listed words; the first is the harmless default (`none`).
    Choice(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactDefinition {
    pub name: String,
    /// The regulation's words for it, shown to the council.
    pub label: String,
    pub kind: FactKind,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum FactValue {
    Bool(bool),
    Count(u64),
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

impl FactDefinition {
    /// A fact never recorded for a unit takes its harmless default: `none`, `false`, `0`.
    pub fn default_value(&self) -> FactValue {
        match &self.kind {
            FactKind::Bool => FactValue::Bool(false),
            FactKind::Count => FactValue::Count(0),
            FactKind::Choice(choices) => FactValue::Choice(choices.first().cloned().unwrap_or_default()),
        }
    }

    /// Reads a value as typed in a file: `true/false/yes/no/có/không/1/0`, a count, or one of the choices.
    pub fn parse_value(&self, text: &str) -> Result<FactValue, String> {
        let text = text.trim();
        match &self.kind {
            FactKind::Bool => match text.to_lowercase().as_str() {
                "true" | "yes" | "1" | "có" => Ok(FactValue::Bool(true)),
                "false" | "no" | "0" | "không" => Ok(FactValue::Bool(false)),
                _ => Err(format!("fact {} takes true or false, not {text:?}", self.name)),
            },
            FactKind::Count => text
                .parse::<u64>()
                .map(FactValue::Count)
                .map_err(|_| format!("fact {} takes a whole number ≥ 0, not {text:?}", self.name)),
            FactKind::Choice(choices) => {
                if choices.iter().any(|choice| choice == text) {
                    Ok(FactValue::Choice(text.to_string()))
                } else {
                    Err(format!("fact {} takes one of {}, not {text:?}", self.name, choices.join("|")))
                }
            }
        }
    }
}

/// The facts recorded for one unit, by fact name; absent ones take their default.
pub type Facts = BTreeMap<String, FactValue>;
