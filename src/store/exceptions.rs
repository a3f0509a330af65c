//! The chairman's decision to rate a unit excellent beyond its bloc's quota (`thamdinh exceed-quota`), where the
//! regulation allows it (`quota.chairman_exception`): recorded with its reason in one transaction and the audit
//! log, and withdrawn (`--undo`, with a reason) while the bloc is open. An approved bloc's decisions are frozen.

use super::audit::{AuditAction, Change};
use super::error::{Result, StoreError};
use super::state::{removed_row, row_state};
use super::{Refused, Store, Subject, TextField, audit_one};
use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::evaluate::evaluate_round;
use crate::domain::permissions::CouncilWrite;
use crate::domain::quota_exception::{ExceptionFit, QuotaException, fit};
use rusqlite::params;
use rusqlite::types::Value;
use std::collections::BTreeMap;

/// Why a decision beyond the quota is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuotaRefusal {
    /// The round's regulation has no chairman's exception to the quota.
    #[error("regulation {regulation} lets no one rate a unit excellent beyond the quota")]
    NotInRegulation {
        /// The round's regulation's id.
        regulation: String,
    },
    /// The unit is excellent within the quota already: an exception would change nothing.
    #[error("unit {unit} already holds a place of its bloc's excellent quota: it needs no exception")]
    WithinQuota {
        /// The unit's code.
        unit: UnitCode,
    },
    /// The unit is tied at the quota line: the chairman orders the tie before any exception.
    #[error("unit {unit} shares its total with others at the quota line: order the tie first")]
    TiePending {
        /// The unit's code.
        unit: UnitCode,
    },
    /// The unit misses a condition of excellent other than the quota: no exception lifts that.
    #[error("unit {unit} does not meet every condition of excellent besides the quota")]
    NotExcellent {
        /// The unit's code.
        unit: UnitCode,
    },
    /// The unit already holds an exception.
    #[error("unit {unit} is already rated excellent beyond the quota")]
    AlreadyDecided {
        /// The unit's code.
        unit: UnitCode,
    },
    /// Withdrawing (`--undo`) an exception the unit does not hold.
    #[error("unit {unit} has no decision beyond the quota to withdraw")]
    NoDecision {
        /// The unit's code.
        unit: UnitCode,
    },
}

impl Store {
    /// Records the chairman's decision to rate `unit` excellent beyond its bloc's quota, for `reason`.
    pub fn exceed_quota(&mut self, unit: &UnitCode, reason: &str) -> Result<()> {
        let (reason, bloc, article) = self.exception_terms(unit, reason, TextField::QuotaExceptionReason)?;
        let tx = self.write_transaction()?;
        self.check_not_frozen(&bloc, Subject::Unit(unit.into()))?;
        let round = self.load_round()?;
        let decided = round.quota_exceptions.get(bloc.as_str()).is_some_and(|all| all.iter().any(|e| e.unit == *unit));
        if decided {
            return Err(refused(QuotaRefusal::AlreadyDecided { unit: unit.into() }));
        }
        let results = evaluate_round(&self.regulation, &round);
        let ranked = results.iter().flat_map(|r| &r.ranking.units).find(|r| r.unit == *unit);
        let unit_text = || unit.to_string();
        match ranked.map(fit) {
            Some(ExceptionFit::Beyond) => {}
            Some(ExceptionFit::WithinQuota) => {
                return Err(refused(QuotaRefusal::WithinQuota { unit: unit_text().into() }));
            }
            Some(ExceptionFit::TiePending) => {
                return Err(refused(QuotaRefusal::TiePending { unit: unit_text().into() }));
            }
            Some(ExceptionFit::NotExcellent) => {
                return Err(refused(QuotaRefusal::NotExcellent { unit: unit_text().into() }));
            }
            None => return Err(StoreError::from(Refused::NoFramework { unit: unit_text().into() })),
        }
        let state = tx.query_row(
            "INSERT INTO quota_exception (unit, bloc, reason, actor) VALUES (?1, ?2, ?3, ?4) RETURNING *",
            params![unit, bloc, reason, self.actor.name],
            |row| row_state("quota_exception", row),
        )?;
        let change =
            Change::new(AuditAction::ExceedQuota, format!("unit {unit}: excellent beyond the quota ({article})"))
                .on(unit, None)
                .value("quota_exception", None, Some(article))
                .because(&reason)
                .state(state);
        audit_one(&tx, &self.actor, self.clock, change)?;
        tx.commit()?;
        Ok(())
    }

    /// Withdraws the chairman's decision on `unit`, for `reason`, while its bloc is open.
    pub fn withdraw_quota_exception(&mut self, unit: &UnitCode, reason: &str) -> Result<()> {
        let (reason, bloc, article) = self.exception_terms(unit, reason, TextField::QuotaExceptionUndoReason)?;
        let tx = self.write_transaction()?;
        self.check_not_frozen(&bloc, Subject::Unit(unit.into()))?;
        let removed = tx.execute("DELETE FROM quota_exception WHERE unit = ?1", params![unit])?;
        if removed == 0 {
            return Err(refused(QuotaRefusal::NoDecision { unit: unit.into() }));
        }
        let change = Change::new(
            AuditAction::ExceedQuota,
            format!("unit {unit}: decision beyond the quota withdrawn ({article})"),
        )
        .on(unit, None)
        .value("quota_exception", Some(article), None)
        .because(&reason)
        .state(removed_row("quota_exception", &[Value::Text(unit.to_string())]));
        audit_one(&tx, &self.actor, self.clock, change)?;
        tx.commit()?;
        Ok(())
    }

    /// What both writes check first: the chairman, the regulation's article, a reason, and the unit's bloc.
    fn exception_terms(&self, unit: &UnitCode, reason: &str, field: TextField) -> Result<(String, BlocCode, String)> {
        self.permit(CouncilWrite::ExceedQuota)?;
        let Some(article) = self.regulation.quota.chairman_exception.clone() else {
            return Err(refused(QuotaRefusal::NotInRegulation { regulation: self.regulation.id.clone() }));
        };
        let bloc: Option<BlocCode> = {
            use rusqlite::OptionalExtension;
            self.conn.query_row("SELECT bloc FROM unit WHERE code = ?1", [unit], |r| r.get(0)).optional()?
        };
        let Some(bloc) = bloc else { return Err(StoreError::from(Refused::UnknownUnit { unit: unit.to_string() })) };
        let reason = super::required(reason, field, &Subject::Unit(unit.into()))?;
        Ok((reason.trim().to_string(), bloc, article))
    }

    /// The chairman's decisions beyond the quota, by bloc.
    pub(super) fn quota_exceptions(&self) -> Result<BTreeMap<BlocCode, Vec<QuotaException>>> {
        let mut found: BTreeMap<BlocCode, Vec<QuotaException>> = BTreeMap::new();
        let mut statement = self.conn.prepare("SELECT bloc, unit, reason FROM quota_exception ORDER BY bloc, unit")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let bloc: BlocCode = row.get(0)?;
            let unit: UnitCode = row.get(1)?;
            found.entry(bloc).or_default().push(QuotaException { unit, reason: row.get(2)? });
        }
        Ok(found)
    }
}

fn refused(why: QuotaRefusal) -> StoreError {
    StoreError::from(Refused::QuotaException(why))
}
