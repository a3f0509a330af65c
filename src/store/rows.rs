//! The shapes the store's files share, and the layers above read: a score row and an evidence row as imported or
//! generated, and what an import wrote. They live here, not in `import.rs`, so naming one names no import.

use rust_decimal::Decimal;

/// One score row as imported or generated: a unit's entry for one component.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreRow {
    pub unit: String,
    pub criterion: String,
    pub self_score: Option<Decimal>,
    pub appraised: Option<Decimal>,
    pub reason: String,
    pub explanation: String,
    pub applicable: bool,
    /// Set when the row is one provincial leader's score of a group I component.
    pub leader: Option<String>,
}

pub use crate::domain::evidence::EvidenceRow;

/// How many rows an import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub rows: usize,
    /// The values it changed (one audit row each); 0: the file changed nothing and left no audit row.
    pub changes: usize,
}
