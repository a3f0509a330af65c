//! The shapes the store's files share, and the layers above read: a unit, a score row and an evidence row as
//! imported or generated, a generated round, and what an import wrote. They live here, not in `import.rs`, so naming
//! one names no import.

use crate::domain::code::BlocCode;
use rust_decimal::Decimal;

/// One score row as imported or generated: a unit's entry for one component.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreRow {
    /// The unit's code.
    pub unit: crate::domain::code::UnitCode,
    /// The component's code (`III.7`).
    pub criterion: String,
    /// The unit's own score; None: not self-assessed.
    pub self_score: Option<Decimal>,
    /// The council's score (or, with `leader`, that leader's); None: not appraised.
    pub appraised: Option<Decimal>,
    /// Why the appraisal deducts; empty when it does not.
    pub reason: String,
    /// The unit's explanation of its own deduction.
    pub explanation: String,
    /// False: the component does not apply to the unit, and carries no score.
    pub applicable: bool,
    /// Set when the row is one provincial leader's score of a group I component.
    pub leader: Option<String>,
}

/// A document backing a self-score (the domain's shape: the rules read it too).
pub use crate::domain::evidence::EvidenceRow;

/// How many rows an import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    /// The rows the file held (each checked, whether or not it changed anything).
    pub rows: usize,
    /// The values it changed (one audit row each); 0: the file changed nothing and left no audit row.
    pub changes: usize,
}

/// A unit as listed in `units.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    /// The unit's code, as every other file names it.
    pub code: String,
    /// Its full name, as the papers print it.
    pub name: String,
    /// The regulation's bloc it is appraised in.
    pub bloc: BlocCode,
    /// Its group within the bloc, where the regulation has groups.
    pub group: Option<String>,
}

/// Everything a generated round holds, written in one transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seed {
    /// The round's units.
    pub units: Vec<UnitRow>,
    /// Every score the round holds, self-assessed and appraised.
    pub scores: Vec<ScoreRow>,
    /// (unit, fact, value)
    pub facts: Vec<(String, String, String)>,
    /// The documents backing the self-scores.
    pub evidence: Vec<EvidenceRow>,
}
