//! Re-rating one unit after its bloc was approved (Điều 10.4 of 2610/QĐ-UBND): the chairman, a reason, one
//! change, audited with the level before and after. The freeze triggers let the write through only while the
//! re-rating row is open, and it is closed in the same transaction.

use super::Store;
use super::audit::{AuditAction, AuditTrail, Change};
use super::council::write_grade_override;
use super::error::{Result, StoreError};
use super::state::row_state;
use super::write::write_fact;
use crate::domain::code::UnitCode;
use crate::domain::evaluate::evaluate_unit;
use crate::domain::framework::Framework;
use crate::domain::grades::Grade;
use crate::domain::permissions::CouncilWrite;
use crate::domain::published::{PublishedBloc, TiePlace, rerated_result};
use crate::domain::score::parse_score;
use crate::store::{Refused, Subject, TextField};
use rusqlite::{OptionalExtension, params};

/// What a re-rating changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RerateChange {
    /// A component's appraised score (typed as on a form: `3,5`, `3.5`, or `80%` where the regulation allows).
    Score {
        /// The component's code.
        component: String,
        /// The new appraised score as typed.
        appraised: String,
    },
    /// A fact such as discipline (the usual cause: a violation found later).
    Fact {
        /// The fact's name in the data (`discipline`).
        name: String,
        /// Its new value as typed (`reprimand`, `true`, `2`).
        value: String,
    },
    /// A criterion's grade.
    Grade {
        /// The criterion's code.
        criterion: String,
        /// The grade the council decides.
        grade: Grade,
    },
}

impl Store {
    /// Re-rates one unit of an approved bloc: every change in one transaction, under one reason. Refused unless
    /// the bloc is approved, the user is the chairman (or the service account) and a reason is given.
    pub fn rerate(&mut self, unit: &UnitCode, changes: &[RerateChange], reason: &str) -> Result<()> {
        self.rerate_placed(unit, changes, None, reason)
    }

    /// `rerate`, with the chairman's place for the unit where its new total equals other units' (a tie the
    /// re-rating creates is ordered within it). Every other unit keeps its published result and the bloc its
    /// quota; the audit row records the published level before and the new level after.
    pub fn rerate_placed(
        &mut self,
        unit: &UnitCode,
        changes: &[RerateChange],
        tie: Option<TiePlace>,
        reason: &str,
    ) -> Result<()> {
        self.permit(CouncilWrite::Rerate)?;
        let reason = &*super::required(reason, TextField::RerateReason, &Subject::Unit(unit.into()))?;
        let (bloc, group) = self.unit_place(unit)?;
        if !self.approved_blocs()?.contains(bloc.as_str()) {
            return Err(StoreError::from(Refused::NotApproved { unit: unit.into(), bloc }));
        }
        let framework = self
            .regulation
            .framework_for(&bloc, group.as_deref())
            .ok_or_else(|| StoreError::from(Refused::NoFramework { unit: unit.into() }))?;
        let tx = self.write_transaction()?;
        let published = super::published::published_results(&tx)?.remove(bloc.as_str());
        let level_before = match published.as_ref().and_then(|p| p.units.get(unit)) {
            Some(result) => (result.level.vietnamese().to_string(), format!(" (hạng {})", result.rank)),
            // A bloc approved before results were published: the unit's own classification.
            None => (self.own_level(unit)?, String::new()),
        };
        tx.execute(
            "INSERT INTO rerating (unit, reason, actor, at) VALUES (?1, ?2, ?3, ?4)",
            params![unit, reason, self.actor.name, self.clock.stored_now_seconds()],
        )?;
        let rerating = tx.last_insert_rowid();
        let mut trail = self.audit_trail(&tx)?;
        if changes.is_empty() {
            return Err(StoreError::from(Refused::NothingToRerate { unit: unit.into() }));
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
                            unit: unit.into(),
                            criterion: criterion.clone(),
                        }));
                    }
                    write_grade_override(&tx, &mut trail, unit, criterion, *grade, reason)?;
                }
            }
        }
        super::council::check_stored_facts(&tx, &self.regulation, unit)?;
        let (level_after, state) = match &published {
            Some(published) => self.close_published(&tx, published, unit, rerating, tie)?,
            None => {
                let state =
                    tx.query_row("UPDATE rerating SET open = 0 WHERE id = ?1 RETURNING *", [rerating], |row| {
                        row_state("rerating", row)
                    })?;
                ((self.own_level(unit)?, String::new()), state)
            }
        };
        // The regulation's own article of re-rating, where it has one (issue 26).
        let article = self.regulation.rerating.as_deref().map(|a| format!(" ({a})")).unwrap_or_default();
        trail.record(
            &tx,
            Change::new(
                AuditAction::Rerate,
                format!(
                    "re-rating of {unit}{article}: {}{} → {}{}",
                    level_before.0, level_before.1, level_after.0, level_after.1
                ),
            )
            .on(unit, None)
            .value("level", Some(level_before.0), Some(level_after.0))
            .because(reason)
            .state(state),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The unit's own classification, from its record only (not the round).
    fn own_level(&self, unit: &UnitCode) -> Result<String> {
        Ok(self
            .load_unit(unit)?
            .and_then(|record| evaluate_unit(&self.regulation, &record))
            .map(|evaluation| evaluation.assessment.level.vietnamese().to_string())
            .unwrap_or_default())
    }

    /// Closes the re-rating with the unit's new published result (level, rank, exact total), the others' left as
    /// published; returns the new level and its rank as the audit row words them, and the re-rating row's state.
    fn close_published(
        &self,
        tx: &rusqlite::Connection,
        published: &PublishedBloc,
        unit: &UnitCode,
        rerating: i64,
        tie: Option<TiePlace>,
    ) -> Result<((String, String), String)> {
        let evaluation = self
            .load_unit(unit)?
            .and_then(|record| evaluate_unit(&self.regulation, &record))
            .ok_or_else(|| StoreError::from(Refused::NoFramework { unit: unit.into() }))?;
        let decimals = (self.regulation.official_decimals, self.regulation.tiebreak_decimals);
        let result = rerated_result(published, unit, &evaluation.assessment, evaluation.score.total, decimals, tie)
            .map_err(|tie| {
                StoreError::from(Refused::RerateTie {
                    unit: unit.into(),
                    tied: tie.tied.iter().map(ToString::to_string).collect(),
                })
            })?;
        let rank = i64::try_from(result.rank).unwrap_or(i64::MAX);
        let state = tx.query_row(
            "UPDATE rerating SET open = 0, level = ?2, rank = ?3, total = ?4 WHERE id = ?1 RETURNING *",
            params![rerating, result.level.slug(), rank, result.total.to_string()],
            |row| row_state("rerating", row),
        )?;
        Ok(((result.level.vietnamese().to_string(), format!(" (hạng {})", result.rank)), state))
    }

    /// A component's appraised score set anew, with the reason as its deduction reason.
    #[allow(clippy::too_many_arguments, reason = "the re-rating's transaction, trail, unit and reason, and the change")]
    fn rerate_score(
        &self,
        tx: &rusqlite::Connection,
        trail: &mut AuditTrail,
        framework: &Framework,
        unit: &UnitCode,
        component: &str,
        appraised: &str,
        reason: &str,
    ) -> Result<()> {
        let place = framework.component(component).ok_or_else(|| {
            StoreError::from(Refused::UnknownComponent { unit: unit.into(), component: component.to_string() })
        })?;
        let value = parse_score(appraised, &self.regulation.score_rule(place.component.max))
            .map_err(|why| Refused::BadScore { unit: unit.into(), component: component.to_string(), why })?
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
        unit: &UnitCode,
        name: &str,
        value: &str,
        reason: &str,
    ) -> Result<()> {
        let definition = self
            .regulation
            .fact(name)
            .ok_or_else(|| StoreError::from(Refused::UnknownFact { unit: unit.into(), fact: name.to_string() }))?;
        let value =
            definition.parse_value(value).map_err(|why| Refused::BadFactValue { unit: unit.into(), why })?.to_string();
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
