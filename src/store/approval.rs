//! The chairman's approval of a bloc: refused while a tie or an appraisal is outstanding; afterwards the bloc is frozen.

use super::audit::{AuditAction, Change};
use super::error::{Result, StoreError};
use super::state::row_state;
use super::{Store, audit_one};
use crate::domain::code::BlocCode;
use crate::domain::gates::approval_gate;
use crate::domain::permissions::CouncilWrite;
use crate::store::{Refused, Subject};
use rusqlite::params;
use std::collections::BTreeSet;

impl Store {
    /// The blocs whose results the chairman approved.
    pub fn approved_blocs(&self) -> Result<BTreeSet<BlocCode>> {
        let mut statement = self.conn.prepare_cached("SELECT bloc FROM approval")?;
        let rows = statement.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Refuses a write to a unit of an approved bloc, before any row is touched.
    pub(super) fn check_not_frozen(&self, bloc: &BlocCode, at: Subject) -> Result<()> {
        if self.approved_blocs()?.contains(bloc) {
            let rerating = self.regulation.rerating.clone();
            return Err(StoreError::from(Refused::Frozen { bloc: bloc.clone(), at, rerating }));
        }
        Ok(())
    }

    /// Approves a bloc's results. Refused, saying why, while any tie is unresolved or any component unappraised.
    /// Returns the head of the audit log with the approval in it: the hash of the approval's own audit row, which
    /// is where it is stored. Printed and signed outside the database, it proves with `audit verify --head` that
    /// nothing up to the approval was changed or removed since.
    pub fn approve_bloc(&mut self, bloc: &BlocCode) -> Result<String> {
        self.permit(CouncilWrite::Approve)?;
        if self.regulation.bloc(bloc).is_none() {
            return Err(StoreError::from(Refused::UnknownBloc {
                bloc: bloc.to_string(),
                regulation: self.regulation.id.clone(),
                known: self.regulation.blocs.iter().map(|b| b.code.to_string()).collect(),
            }));
        }
        let tx = self.write_transaction()?;
        let round = self.load_round()?;
        let ranking =
            approval_gate(&self.regulation, &round, &self.approved_blocs()?, bloc).map_err(Refused::Approval)?;
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        let state = tx.query_row(
            "INSERT INTO approval (bloc, actor, eligible, quota, approved_at) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING *",
            params![
                bloc,
                self.actor.name,
                count(ranking.eligible),
                count(ranking.quota),
                self.clock.stored_now_seconds()
            ],
            |row| row_state("approval", row),
        )?;
        // The published result: written with the approval, never changed (a re-rating records its own).
        let published = super::published::write_published(&tx, bloc, &ranking)?;
        let ranked: Vec<String> = ranking.units.iter().map(|u| format!("{} {}", u.unit, u.outcome.slug())).collect();
        let change = Change::new(AuditAction::Approve, format!("bloc {bloc} approved: {}", ranked.join(", "))).value(
            "approval",
            None,
            Some(bloc.to_string()),
        );
        audit_one(&tx, &self.actor, self.clock, change.state(state).states(published))?;
        let head: String = tx.query_row("SELECT hash FROM audit ORDER BY id DESC LIMIT 1", [], |r| r.get(0))?;
        tx.commit()?;
        Ok(head)
    }
}
