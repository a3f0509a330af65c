//! Saving one appraisal from a session: permission, version, double entry and audit, in one transaction.

use super::audit::{AppraisalTransition, AuditAction, Change};
use super::error::{Result, StaleSave, StoreError};
use super::state::row_state;
use super::{Store, audit_one};
use crate::domain::appraisal::check_reason;
use crate::domain::code::UnitCode;
use crate::domain::gates::{Recorded, WithdrawalRefusal, withdrawal_gate};
use crate::domain::permissions::{AppraisalEntry, may_appraise};
use crate::domain::score::within_range;
use crate::store::{Refused, Subject, TextField};
use rusqlite::{OptionalExtension, params};
use rust_decimal::Decimal;
use std::str::FromStr;

/// What a session asks to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppraisalInput {
    /// The unit appraised.
    pub unit: UnitCode,
    /// The component (`tiêu chí thành phần`) appraised.
    pub component: String,
    /// The appraised score; the store refuses one outside the component's range.
    pub appraised: Decimal,
    /// Why the score is below the self-score; required then, and kept as the council's reason.
    pub deduction_reason: String,
    /// The component's version the user saw when they started (0: nothing was recorded yet).
    pub based_on_version: i64,
}

/// How a save was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// The council's figure (a member's save, or a member's correction of an assistant's entry).
    Final {
        /// The component's version after the save (the next save builds on it).
        version: i64,
    },
    /// A member confirmed an assistant's entry unchanged.
    Confirmed {
        /// The component's version after the confirmation.
        version: i64,
    },
    /// An assistant's entry, waiting for a member of the same agency.
    AwaitingConfirmation {
        /// The component's version after the entry.
        version: i64,
    },
    /// One provincial leader's own score of a group I component.
    LeaderScore,
}

struct Current {
    self_score: Option<String>,
    appraised: Option<String>,
    reason: String,
    version: i64,
    appraised_by: Option<String>,
    awaiting_confirmation: bool,
}

impl Current {
    /// What the component holds now, read inside the write's transaction; None when nothing is recorded.
    fn read(tx: &rusqlite::Connection, unit: &UnitCode, component: &str) -> Result<Option<Current>> {
        Ok(tx
            .prepare_cached(
                "SELECT self_score, appraised_score, deduction_reason, version, appraised_by, awaiting_confirmation
                 FROM score WHERE unit = ?1 AND criterion = ?2",
            )?
            .query_row(params![unit, component], |row| {
                Ok(Current {
                    self_score: row.get(0)?,
                    appraised: row.get(1)?,
                    reason: row.get(2)?,
                    version: row.get(3)?,
                    appraised_by: row.get(4)?,
                    awaiting_confirmation: row.get(5)?,
                })
            })
            .optional()?)
    }
}

impl Store {
    /// The component's current version, as a form reads it when it opens (0: nothing recorded yet).
    pub fn appraisal_version(&self, unit: &UnitCode, component: &str) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT version FROM score WHERE unit = ?1 AND criterion = ?2")?
            .query_row(params![unit, component], |r| r.get(0))
            .optional()?
            .unwrap_or(0))
    }

    /// Records an appraised score and deduction reason for one component of one unit, as this session's user.
    /// Refused when the role may not, when the value breaks a rule, when the bloc is approved, or when
    /// another session saved the component since `based_on_version` (the newer value is named, nothing is lost).
    pub fn save_appraisal(&mut self, input: &AppraisalInput) -> Result<Saved> {
        let AppraisalInput { unit, component, appraised, deduction_reason, based_on_version } = input;
        let reason = &*super::clean(
            deduction_reason,
            TextField::DeductionReason,
            &Subject::Item { unit: unit.clone(), item: component.clone() },
        )?;
        let (bloc, place) = self.component_of(unit, component)?;
        let entry = may_appraise(&self.actor, &place, unit)?;
        let max = place.component.max;
        let appraised = within_range(*appraised, max).ok_or_else(|| {
            StoreError::from(Refused::ScoreOutOfRange {
                unit: unit.clone(),
                component: component.clone(),
                value: *appraised,
                max,
            })
        })?;
        self.check_not_frozen(&bloc, Subject::Item { unit: unit.clone(), item: component.clone() })?;
        let tx = self.write_transaction()?;
        let current = Current::read(&tx, unit, component)?;
        let self_score = current.as_ref().and_then(|c| c.self_score.as_deref()).and_then(|s| Decimal::from_str(s).ok());
        check_reason(max, self_score, appraised, reason).map_err(|why| Refused::ReasonNeeded {
            unit: unit.clone(),
            component: component.clone(),
            why,
        })?;
        let value = appraised.to_string();
        let old_value = current.as_ref().and_then(|c| c.appraised.clone());
        let version = current.as_ref().map_or(0, |c| c.version);

        if entry == AppraisalEntry::LeaderScore {
            self.save_leader_score(&tx, unit, component, value, reason)?;
            tx.commit()?;
            return Ok(Saved::LeaderScore);
        }

        if version != *based_on_version {
            return Err(stale_save(current, version, unit, component, value));
        }

        let entered_by = current.as_ref().and_then(|c| c.appraised_by.clone());
        let transition = transition_of(entry, current.as_ref(), &value, reason).map_err(|()| {
            StoreError::from(Refused::AppraisalFinal {
                unit: unit.clone(),
                component: component.clone(),
                value: old_value.clone().unwrap_or_default(),
                by: entered_by.clone(),
            })
        })?;
        let awaiting_after = transition == AppraisalTransition::Enter;
        let appraised_by = match transition {
            AppraisalTransition::Confirm => entered_by.clone().unwrap_or_else(|| self.actor.name.clone()),
            _ => self.actor.name.clone(),
        };
        let new_version = version + 1;
        let state = tx.prepare_cached("INSERT INTO score (unit, criterion, appraised_score, deduction_reason, version, appraised_by, awaiting_confirmation)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (unit, criterion) DO UPDATE SET appraised_score = excluded.appraised_score,
                deduction_reason = excluded.deduction_reason, version = excluded.version,
                appraised_by = excluded.appraised_by, awaiting_confirmation = excluded.awaiting_confirmation
             RETURNING *")?.query_row(params![unit, component, value, reason, new_version, appraised_by, awaiting_after],
            |row| row_state("score", row),
        )?;
        let detail =
            transition_detail(transition, unit, component, old_value.as_deref(), &value, entered_by.as_deref());
        let change = Change::new(AuditAction::Appraisal(transition), detail).on(unit, Some(component)).value(
            "appraised_score",
            old_value,
            Some(value),
        );
        audit_one(&tx, &self.actor, self.clock, change.because(reason).state(state))?;
        tx.commit()?;
        Ok(match transition {
            AppraisalTransition::Enter => Saved::AwaitingConfirmation { version: new_version },
            AppraisalTransition::Confirm => Saved::Confirmed { version: new_version },
            AppraisalTransition::Correct | AppraisalTransition::Appraise => Saved::Final { version: new_version },
        })
    }

    /// A provincial leader's own score of a group I component (the appraised score is then the leaders' mean).
    fn save_leader_score(
        &self,
        tx: &rusqlite::Connection,
        unit: &UnitCode,
        component: &str,
        value: String,
        reason: &str,
    ) -> Result<()> {
        let leader = self.actor.name.clone();
        let stored: Option<(String, String)> = tx
            .prepare_cached(
                "SELECT score, deduction_reason FROM leader_score WHERE unit = ?1 AND criterion = ?2 AND leader = ?3",
            )?
            .query_row(params![unit, component, leader], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        // Saved again unchanged: nothing is written, and no `3 → 3` row is logged.
        let same = |(score, stored_reason): &(String, String)| {
            Decimal::from_str(score).ok() == Decimal::from_str(&value).ok() && stored_reason == reason
        };
        if stored.as_ref().is_some_and(same) {
            return Ok(());
        }
        let old = stored.map(|(score, _)| score);
        let state = tx.prepare_cached("INSERT INTO leader_score (unit, criterion, leader, score, deduction_reason) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (unit, criterion, leader) DO UPDATE SET score = excluded.score, deduction_reason = excluded.deduction_reason
             RETURNING *")?.query_row(params![unit, component, leader, value, reason],
            |row| row_state("leader_score", row),
        )?;
        let detail = format!("leader {leader}: {unit} {component} {} → {value}", old.as_deref().unwrap_or("—"));
        let change = Change::new(AuditAction::LeaderScore, detail)
            .on(unit, Some(component))
            .value(&format!("leader_score:{leader}"), old, Some(value))
            .because(reason)
            .state(state);
        audit_one(tx, &self.actor, self.clock, change)?;
        Ok(())
    }
}

/// What saving `value` does to the stored appraisal: an assistant's entry awaits a member's confirmation (and
/// may not replace a final appraisal: `Err`); a member saving the awaiting value and reason unchanged confirms
/// it, saving anything else over it corrects it, and otherwise appraises.
fn transition_of(
    entry: AppraisalEntry,
    current: Option<&Current>,
    value: &str,
    reason: &str,
) -> std::result::Result<AppraisalTransition, ()> {
    let awaiting_before = current.is_some_and(|c| c.awaiting_confirmation);
    let old_value = current.and_then(|c| c.appraised.as_deref());
    let old_reason = current.map_or("", |c| c.reason.as_str());
    Ok(match entry {
        AppraisalEntry::AwaitingConfirmation if old_value.is_some() && !awaiting_before => return Err(()),
        AppraisalEntry::AwaitingConfirmation => AppraisalTransition::Enter,
        _ if awaiting_before && old_value == Some(value) && old_reason == reason => AppraisalTransition::Confirm,
        _ if awaiting_before => AppraisalTransition::Correct,
        _ => AppraisalTransition::Appraise,
    })
}

/// The audit's words for an appraisal saved.
fn transition_detail(
    transition: AppraisalTransition,
    unit: &UnitCode,
    component: &str,
    old_value: Option<&str>,
    value: &str,
    entered_by: Option<&str>,
) -> String {
    match transition {
        AppraisalTransition::Confirm => {
            format!("{unit} {component}: {value} confirmed (entered by {})", entered_by.unwrap_or("?"))
        }
        AppraisalTransition::Enter => {
            format!("{unit} {component}: {} → {value}, awaiting a member's confirmation", show(old_value))
        }
        AppraisalTransition::Correct => format!(
            "{unit} {component}: {} (entered by {}) corrected to {value}",
            show(old_value),
            entered_by.unwrap_or("?")
        ),
        AppraisalTransition::Appraise => format!("{unit} {component}: {} → {value}", show(old_value)),
    }
}

/// The refusal of a save made from a version another session has since replaced: the newer value, by whom.
fn stale_save(current: Option<Current>, version: i64, unit: &UnitCode, component: &str, yours: String) -> StoreError {
    let current = current.unwrap_or(Current {
        self_score: None,
        appraised: None,
        reason: String::new(),
        version,
        appraised_by: None,
        awaiting_confirmation: false,
    });
    StoreError::Stale(Box::new(StaleSave {
        unit: unit.into(),
        component: component.to_string(),
        current: current.appraised,
        current_reason: current.reason,
        by: current.appraised_by.unwrap_or_else(|| "an import".into()),
        version,
        yours,
    }))
}

impl Store {
    /// Withdraws the appraisal of one component while its bloc is open: the appraised score and the deduction
    /// reason are cleared, the version moves on, and the reason is audited with the row as left. A member of the
    /// leading agency withdraws any entry; an assistant only their own entry still awaiting confirmation; a
    /// provincial leader's score is not withdrawn here. Refused, with the newer value named, when another session
    /// saved the component since `based_on_version`.
    pub fn withdraw_appraisal(
        &mut self,
        unit: &UnitCode,
        component: &str,
        reason: &str,
        based_on_version: i64,
    ) -> Result<i64> {
        let at = Subject::Item { unit: unit.into(), item: component.to_string() };
        let reason = &*super::required(reason, TextField::WithdrawReason, &at)?;
        let reason = reason.trim();
        let (bloc, place) = self.component_of(unit, component)?;
        let entry = may_appraise(&self.actor, &place, unit)?;
        let tx = self.write_transaction()?;
        let approved = self.approved_blocs()?.contains(bloc.as_str());
        let current = Current::read(&tx, unit, component)?.filter(|c| c.appraised.is_some());
        let recorded = current.as_ref().map(|c| Recorded {
            awaiting_confirmation: c.awaiting_confirmation,
            appraised_by: c.appraised_by.as_deref(),
        });
        let rerating = &self.regulation.rerating;
        let leaders = &self.regulation.leaders_name;
        let refused = |why| {
            let (unit, component) = (unit.into(), component.to_string());
            let (rerating, leaders) = (rerating.clone(), leaders.clone());
            StoreError::from(Refused::Withdrawal { unit, component, why, rerating, leaders })
        };
        withdrawal_gate(entry, approved, recorded, &self.actor.name).map_err(refused)?;
        let Some(current) = current else { return Err(refused(WithdrawalRefusal::NothingToWithdraw)) };
        if current.version != based_on_version {
            return Err(StoreError::Stale(Box::new(StaleSave {
                unit: unit.into(),
                component: component.to_string(),
                current: current.appraised,
                current_reason: current.reason,
                by: current.appraised_by.unwrap_or_else(|| "an import".into()),
                version: current.version,
                yours: "—".into(),
            })));
        }
        let new_version = current.version + 1;
        let state = tx.query_row(
            "UPDATE score SET appraised_score = NULL, deduction_reason = '', version = ?3, appraised_by = NULL,
                awaiting_confirmation = 0
             WHERE unit = ?1 AND criterion = ?2 RETURNING *",
            params![unit, component, new_version],
            |row| row_state("score", row),
        )?;
        let old = current.appraised;
        let detail = format!("{unit} {component}: {} withdrawn: {reason}", show(old.as_deref()));
        let change =
            Change::new(AuditAction::Withdraw, detail).on(unit, Some(component)).value("appraised_score", old, None);
        audit_one(&tx, &self.actor, self.clock, change.because(reason).state(state))?;
        tx.commit()?;
        Ok(new_version)
    }
}

fn show(value: Option<&str>) -> &str {
    value.unwrap_or("—")
}
