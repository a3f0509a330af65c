//! Re-rating one unit after its bloc was approved (Điều 10.4 of 2610/QĐ-UBND): the chairman, a reason, one
//! change, audited with the level before and after. The freeze triggers let the write through only while the
//! re-rating row is open, and it is closed in the same transaction.

use super::Store;
use super::audit::{AuditAction, AuditTrail, Change};
use super::council::write_grade_override;
use super::error::{Result, StoreError};
use super::state::row_state;
use super::write::write_fact;
use crate::domain::evaluate::evaluate_unit;
use crate::domain::framework::Framework;
use crate::domain::grades::Grade;
use crate::domain::permissions::CouncilWrite;
use crate::domain::score::parse_score;
use crate::store::{Refused, Subject, TextField};
use rusqlite::{OptionalExtension, params};

/// What a re-rating changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RerateChange {
    /// A component's appraised score (typed as on a form: `3,5`, `3.5`, or `80%` where the regulation allows).
    Score { component: String, appraised: String },
    /// A fact such as discipline (the usual cause: a violation found later).
    Fact { name: String, value: String },
    /// A criterion's grade.
    Grade { criterion: String, grade: Grade },
}

impl Store {
    /// Re-rates one unit of an approved bloc: every change in one transaction, under one reason. Refused unless
    /// the bloc is approved, the user is the chairman (or the service account) and a reason is given.
    pub fn rerate(&mut self, unit: &str, changes: &[RerateChange], reason: &str) -> Result<()> {
        self.permit(CouncilWrite::Rerate)?;
        let reason = &*super::required(reason, TextField::RerateReason, &Subject::Unit(unit.to_string()))?;
        let (bloc, group) = self.unit_place(unit)?;
        if !self.approved_blocs()?.contains(bloc.as_str()) {
            return Err(StoreError::from(Refused::NotApproved { unit: unit.to_string(), bloc }));
        }
        let framework = self
            .regulation
            .framework_for(&bloc, group.as_deref())
            .ok_or_else(|| StoreError::from(Refused::NoFramework { unit: unit.to_string() }))?;
        let tx = self.write_transaction()?;
        // The unit's own classification before and after: only its record is read, not the round.
        let level_of = |store: &Store| -> Result<String> {
            Ok(store
                .load_unit(unit)?
                .and_then(|record| evaluate_unit(&store.regulation, &record))
                .map(|evaluation| evaluation.assessment.level.vietnamese().to_string())
                .unwrap_or_default())
        };
        let level_before = level_of(self)?;
        tx.execute(
            "INSERT INTO rerating (unit, reason, actor) VALUES (?1, ?2, ?3)",
            params![unit, reason, self.actor.name],
        )?;
        let rerating = tx.last_insert_rowid();
        let mut trail = self.audit_trail(&tx)?;
        if changes.is_empty() {
            return Err(StoreError::from(Refused::NothingToRerate { unit: unit.to_string() }));
        }
        for change in changes {
            match change {
                RerateChange::Score { component, appraised } => {
                    self.rerate_score(&tx, &mut trail, framework, unit, component, appraised, reason)?;
                }
                RerateChange::Fact { name, value } => self.rerate_fact(&tx, &mut trail, unit, name, value, reason)?,
                RerateChange::Grade { criterion, grade } => {
                    if self.regulation.grades.is_none() || framework.criterion(criterion).is_none() {
                        return Err(StoreError::from(Refused::NotAGradedCriterion {
                            unit: unit.to_string(),
                            criterion: criterion.clone(),
                        }));
                    }
                    write_grade_override(&tx, &mut trail, unit, criterion, *grade, reason)?;
                }
            }
        }
        super::council::check_stored_facts(&tx, &self.regulation, unit)?;
        let level_after = level_of(self)?;
        let state = tx.query_row("UPDATE rerating SET open = 0 WHERE id = ?1 RETURNING *", [rerating], |row| {
            row_state("rerating", row)
        })?;
        trail.record(
            &tx,
            Change::new(
                AuditAction::Rerate,
                format!("re-rating of {unit} (Điều 10.4): {level_before} → {level_after}"),
            )
            .on(unit, None)
            .value("level", Some(level_before), Some(level_after))
            .because(reason)
            .state(state),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// A component's appraised score set anew, with the reason as its deduction reason.
    #[allow(clippy::too_many_arguments, reason = "the re-rating's transaction, trail, unit and reason, and the change")]
    fn rerate_score(
        &self,
        tx: &rusqlite::Connection,
        trail: &mut AuditTrail,
        framework: &Framework,
        unit: &str,
        component: &str,
        appraised: &str,
        reason: &str,
    ) -> Result<()> {
        let place = framework.component(component).ok_or_else(|| {
            StoreError::from(Refused::UnknownComponent { unit: unit.to_string(), component: component.to_string() })
        })?;
        let value = parse_score(appraised, &self.regulation.score_rule(place.component.max))
            .map_err(|why| Refused::BadScore { unit: unit.to_string(), component: component.to_string(), why })?
            .normalize()
            .to_string();
        let old: Option<Option<String>> = tx
            .query_row(
                "SELECT appraised_score FROM score WHERE unit = ?1 AND criterion = ?2",
                params![unit, component],
                |r| r.get(0),
            )
            .optional()?;
        let state = tx.query_row(
            "INSERT INTO score (unit, criterion, appraised_score, deduction_reason, appraised_by) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (unit, criterion) DO UPDATE SET appraised_score = excluded.appraised_score,
                deduction_reason = excluded.deduction_reason, appraised_by = excluded.appraised_by,
                awaiting_confirmation = 0, version = score.version + 1
             RETURNING *",
            params![unit, component, value, reason, self.actor.name],
            |row| row_state("score", row),
        )?;
        let old = old.flatten();
        let detail = format!("re-rating {unit} {component}: {} → {value}", old.as_deref().unwrap_or("—"));
        trail.record(
            tx,
            Change::new(AuditAction::Rerate, detail)
                .on(unit, Some(component))
                .value("appraised_score", old, Some(value))
                .because(reason)
                .state(state),
        )?;
        Ok(())
    }

    /// A fact of the unit recorded anew.
    fn rerate_fact(
        &self,
        tx: &rusqlite::Connection,
        trail: &mut AuditTrail,
        unit: &str,
        name: &str,
        value: &str,
        reason: &str,
    ) -> Result<()> {
        let definition = self
            .regulation
            .fact(name)
            .ok_or_else(|| StoreError::from(Refused::UnknownFact { unit: unit.to_string(), fact: name.to_string() }))?;
        let value = definition
            .parse_value(value)
            .map_err(|why| Refused::BadFactValue { unit: unit.to_string(), why })?
            .to_string();
        let old: Option<String> = tx
            .query_row("SELECT value FROM fact WHERE unit = ?1 AND name = ?2", params![unit, name], |r| r.get(0))
            .optional()?;
        let state = write_fact(tx, unit, name, Some(&value))?;
        let detail = format!("re-rating {unit} {name}: {} → {value}", old.as_deref().unwrap_or("—"));
        trail.record(
            tx,
            Change::new(AuditAction::Rerate, detail)
                .on(unit, None)
                .value(name, old, Some(value))
                .because(reason)
                .state(state),
        )?;
        Ok(())
    }
}
