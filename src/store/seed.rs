//! Writing a whole generated round at once (the demo), and reading the evidence back.

use super::audit::Change;
use super::error::Result;
use super::import::{EvidenceRow, ScoreRow};
use super::write::{write_evidence, write_score};
use super::{Store, audit_one};
use rusqlite::params;

/// A unit as listed in `units.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    pub code: String,
    pub name: String,
    pub bloc: String,
    pub group: Option<String>,
}

/// Everything a generated round holds, written in one transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seed {
    pub units: Vec<UnitRow>,
    pub scores: Vec<ScoreRow>,
    /// (unit, fact, value)
    pub facts: Vec<(String, String, String)>,
    pub evidence: Vec<EvidenceRow>,
}

impl Store {
    /// Writes generated data (the demo). It is audited as one row naming what was generated, not row by row:
    /// it is not a council decision, and the round is marked as demo data.
    pub fn seed(&mut self, seed: &Seed, note: &str) -> Result<()> {
        self.permit(crate::domain::permissions::CouncilWrite::Import)?;
        let tx = self.write_transaction()?;
        for unit in &seed.units {
            tx.prepare_cached("INSERT OR REPLACE INTO unit (code, name, bloc, unit_group) VALUES (?1, ?2, ?3, ?4)")?
                .execute(params![unit.code, unit.name, unit.bloc, unit.group])?;
        }
        for row in &seed.scores {
            write_score(&tx, row, &self.actor.name)?;
        }
        for (unit, name, value) in &seed.facts {
            tx.prepare_cached("INSERT OR REPLACE INTO fact (unit, name, value) VALUES (?1, ?2, ?3)")?
                .execute(params![unit, name, value])?;
        }
        for row in &seed.evidence {
            write_evidence(&tx, row)?;
        }
        tx.execute("UPDATE round SET demo = 1 WHERE id = 1", [])?;
        let counts = format!(
            "{note}: {} units, {} scores, {} facts, {} evidence rows",
            seed.units.len(),
            seed.scores.len(),
            seed.facts.len(),
            seed.evidence.len()
        );
        audit_one(&tx, &self.actor, Change::new("seed", counts))?;
        tx.commit()?;
        Ok(())
    }

    /// The evidence every unit sent, by unit, criterion and date.
    pub fn all_evidence(&self) -> Result<Vec<EvidenceRow>> {
        self.evidence_where("", &[])
    }

    /// The evidence one unit sent.
    pub fn evidence_of(&self, unit: &str) -> Result<Vec<EvidenceRow>> {
        self.evidence_where("WHERE unit = ?1", &[unit])
    }

    fn evidence_where(&self, filter: &str, bind: &[&str]) -> Result<Vec<EvidenceRow>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT unit, criterion, reference, title, issued_on FROM evidence {filter} ORDER BY unit, criterion, issued_on, reference"
        ))?;
        let rows = statement.query_map(rusqlite::params_from_iter(bind), |row| {
            Ok(EvidenceRow {
                unit: row.get(0)?,
                criterion: row.get(1)?,
                reference: row.get(2)?,
                title: row.get(3)?,
                issued_on: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// True for a round made by `thamdinh demo` or the first run: the only kind that offers the start-up picker.
    pub fn is_demo(&self) -> Result<bool> {
        Ok(self.conn.query_row("SELECT demo FROM round WHERE id = 1", [], |r| r.get(0))?)
    }
}
