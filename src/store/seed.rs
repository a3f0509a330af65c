//! Writing a whole generated round at once (the demo), and reading the evidence back.

use super::audit::{AuditAction, Change};
use super::error::{Result, StoreError};
use super::rows::{EvidenceRow, Seed, UnitRow};
use super::state::row_state;
use super::write::{write_evidence, write_score};
use super::{Store, audit_one};
use crate::domain::code::UnitCode;
use crate::domain::regulation::Regulation;
use crate::store::Refused;
use rusqlite::params;

/// How a demo round's values were generated for its units: enough to generate them again, which `audit verify`
/// does to check every seeded value without an audit row per value.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DemoRecipe {
    /// The generator's version ([`super::generate::GENERATOR`]): every earlier version is generated again as it
    /// was (a demo round made before still verifies); a later one, from a newer program, is refused and named.
    pub generator: u32,
    /// The seed every value is generated from (`demo --seed`).
    pub seed: u64,
    /// Percent of the components appraised.
    pub appraised_share: u64,
}

impl DemoRecipe {
    /// The values this recipe generates for these units.
    pub fn generate(&self, regulation: &Regulation, units: &[UnitRow]) -> Result<Seed> {
        if !(1..=super::generate::GENERATOR).contains(&self.generator) {
            return Err(StoreError::from(Refused::DemoGenerator {
                found: self.generator.to_string(),
                ours: super::generate::GENERATOR.to_string(),
            }));
        }
        Ok(super::generate::generate(regulation, units, self.seed, self.appraised_share, self.generator))
    }
}

impl Store {
    /// Writes a generated round (the demo) for these units. It is audited as one `seed` row, not value by value (it
    /// is not a council decision, and the round is marked as demo data): the row holds the units and the recipe, so
    /// `audit verify` regenerates the values and compares them with the tables.
    pub fn seed_demo(&mut self, recipe: &DemoRecipe, units: &[UnitRow], note: &str) -> Result<()> {
        self.permit(crate::domain::permissions::CouncilWrite::Import)?;
        let seed = recipe.generate(&self.regulation, units)?;
        let tx = self.write_transaction()?;
        let mut states = Vec::with_capacity(seed.units.len() + 1);
        for unit in &seed.units {
            states.push(
                tx.prepare_cached(
                    "INSERT OR REPLACE INTO unit (code, name, bloc, unit_group) VALUES (?1, ?2, ?3, ?4) RETURNING *",
                )?
                .query_row(params![unit.code, unit.name, unit.bloc, unit.group], |row| row_state("unit", row))?,
            );
        }
        write_generated(&tx, &seed, &self.actor.name)?;
        states.push(
            tx.query_row("UPDATE round SET demo = 1 WHERE id = 1 RETURNING *", [], |row| row_state("round", row))?,
        );
        // The rows stored, not the rows generated: two generated under one key are one row (the later replaces it).
        let facts: std::collections::HashSet<(&str, &str)> =
            seed.facts.iter().map(|(unit, name, _)| (unit.as_str(), name.as_str())).collect();
        let evidence: std::collections::HashSet<(&str, &str, &str)> = seed
            .evidence
            .iter()
            .map(|row| (row.unit.as_str(), row.criterion.as_str(), row.reference.as_str()))
            .collect();
        let counts = format!(
            "{note}: {} units, {} scores, {} facts, {} evidence rows",
            seed.units.len(),
            seed.scores.len(),
            facts.len(),
            evidence.len()
        );
        let recipe = serde_json::to_string(recipe).map_err(|e| Refused::DemoRecipe { why: e.to_string() })?;
        audit_one(
            &tx,
            &self.actor,
            self.clock,
            Change::new(AuditAction::Seed, counts).value("demo_seed", None, Some(recipe)).states(states),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The evidence every unit sent, by unit, criterion and date.
    pub fn all_evidence(&self) -> Result<Vec<EvidenceRow>> {
        self.evidence_where("", &[])
    }

    /// The evidence one unit sent.
    pub fn evidence_of(&self, unit: &UnitCode) -> Result<Vec<EvidenceRow>> {
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

/// Writes a generated round's scores, facts and evidence (its units are written, and recorded, by the caller): the
/// demo's seeding, and `audit verify`'s regeneration of it, through the same statements.
pub(super) fn write_generated(tx: &rusqlite::Connection, seed: &Seed, actor: &str) -> Result<()> {
    for row in &seed.scores {
        write_score(tx, row, actor)?;
    }
    for (unit, name, value) in &seed.facts {
        tx.prepare_cached("INSERT OR REPLACE INTO fact (unit, name, value) VALUES (?1, ?2, ?3)")?
            .execute(params![unit, name, value])?;
    }
    for row in &seed.evidence {
        write_evidence(tx, row)?;
    }
    Ok(())
}

impl Store {
    /// True for a round made by `thamdinh demo` or the first run: the only kind that offers the start-up picker.
    pub fn is_demo(&self) -> Result<bool> {
        Ok(self.conn.query_row("SELECT demo FROM round WHERE id = 1", [], |r| r.get(0))?)
    }
}
