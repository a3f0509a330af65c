//! The round's settings: the submission deadline (Thái Nguyên Điều 8.2.a) and the appraisal period in working
//! days (Điều 9.5), each the council's setting or else the regulation's default. Nothing is refused by them.

use super::Store;
use super::audit::Change;
use super::dates::parse_date;
use super::error::{Result, StoreError};
use super::state::row_state;
use crate::domain::calendar::Date;
use crate::domain::permissions::CouncilWrite;
use crate::store::{AuditAction, Refused};
use rusqlite::{OptionalExtension, params};

/// Where a setting's value comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingSource {
    /// Set for this round (`round set`, or carried over by `init --from`).
    Round,
    /// The regulation's own words.
    Regulation(String),
    /// Neither: no value.
    Unset,
}

/// The round's deadline and appraisal period as they apply now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundSettings {
    /// The submission deadline (Vietnam's date); None when neither the round nor the regulation sets one.
    pub deadline: Option<Date>,
    /// Where the deadline comes from: the round's own setting or the regulation.
    pub deadline_from: SettingSource,
    /// The appraisal period in working days from receipt; None when unset.
    pub appraisal_working_days: Option<u32>,
    /// Where the appraisal period comes from.
    pub appraisal_from: SettingSource,
}

impl Store {
    /// The values set for this round (either may be unset).
    pub(super) fn stored_settings(&self) -> Result<(Option<String>, Option<u32>)> {
        Ok(self
            .conn
            .query_row("SELECT submission_deadline, appraisal_working_days FROM round_setting WHERE id = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?
            .unwrap_or((None, None)))
    }

    /// The deadline and appraisal period: the round's own settings, else the regulation's (for the round's year).
    pub fn round_settings(&self) -> Result<RoundSettings> {
        let (deadline, days) = self.stored_settings()?;
        let rules = &self.regulation.deadlines;
        let words = |source: &Option<String>| SettingSource::Regulation(source.clone().unwrap_or_default());
        let (deadline, deadline_from) = match deadline.as_deref().and_then(Date::parse_iso) {
            Some(date) => (Some(date), SettingSource::Round),
            None => match rules.submission_in(self.year) {
                Some(date) => (Some(date), words(&rules.submission_source)),
                None => (None, SettingSource::Unset),
            },
        };
        let (appraisal_working_days, appraisal_from) = match (days, rules.appraisal_working_days) {
            (Some(days), _) => (Some(days), SettingSource::Round),
            (None, Some(days)) => (Some(days), words(&rules.appraisal_source)),
            (None, None) => (None, SettingSource::Unset),
        };
        Ok(RoundSettings { deadline, deadline_from, appraisal_working_days, appraisal_from })
    }

    /// Sets the round's deadline (`2024-11-25` or `25/11/2024`) and/or appraisal period in working days; what is
    /// not given stays. The secretary, the chairman or the service account; audited.
    pub fn set_round_settings(&mut self, deadline: Option<&str>, appraisal_working_days: Option<u32>) -> Result<()> {
        self.permit(CouncilWrite::RoundSettings)?;
        let deadline = deadline
            .map(|text| {
                parse_date(text).ok_or_else(|| StoreError::from(Refused::DeadlineNotADate { value: text.to_string() }))
            })
            .transpose()?;
        if appraisal_working_days == Some(0) {
            return Err(Refused::AppraisalDaysZero.into());
        }
        if let Some(days) = appraisal_working_days
            && days > crate::domain::validate::APPRAISAL_DAYS_LIMIT
        {
            return Err(
                Refused::AppraisalDaysTooMany { days, limit: crate::domain::validate::APPRAISAL_DAYS_LIMIT }.into()
            );
        }
        if deadline.is_none() && appraisal_working_days.is_none() {
            return Err(Refused::NoRoundSetting.into());
        }
        let tx = self.write_transaction()?;
        self.write_settings(&tx, deadline, appraisal_working_days)?;
        tx.commit()?;
        Ok(())
    }

    /// Writes the given settings over the stored ones, with one audit row per value that changes.
    pub(super) fn write_settings(
        &self,
        tx: &rusqlite::Connection,
        deadline: Option<String>,
        days: Option<u32>,
    ) -> Result<()> {
        let (old_deadline, old_days) = self.stored_settings()?;
        let new_deadline = deadline.or(old_deadline.clone());
        let new_days = days.or(old_days);
        if new_deadline == old_deadline && new_days == old_days {
            return Ok(());
        }
        let state = tx.query_row(
            "INSERT INTO round_setting (id, submission_deadline, appraisal_working_days) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET submission_deadline = excluded.submission_deadline,
                appraisal_working_days = excluded.appraisal_working_days
             RETURNING *",
            params![new_deadline, new_days],
            |row| row_state("round_setting", row),
        )?;
        let mut changes = Vec::new();
        if new_deadline != old_deadline {
            let detail =
                format!("submission deadline {} → {}", shown(old_deadline.as_deref()), shown(new_deadline.as_deref()));
            changes.push(Change::new(AuditAction::RoundSettings, detail).value(
                "submission_deadline",
                old_deadline,
                new_deadline,
            ));
        }
        if new_days != old_days {
            let (old, new) = (old_days.map(|d| d.to_string()), new_days.map(|d| d.to_string()));
            let detail = format!("appraisal period {} → {} working days", shown(old.as_deref()), shown(new.as_deref()));
            changes.push(Change::new(AuditAction::RoundSettings, detail).value("appraisal_working_days", old, new));
        }
        let mut trail = self.audit_trail(tx)?;
        let last = changes.len().saturating_sub(1);
        for (n, change) in changes.into_iter().enumerate() {
            trail.record(tx, if n == last { change.state(state.clone()) } else { change })?;
        }
        Ok(())
    }
}

fn shown(value: Option<&str>) -> &str {
    value.unwrap_or("—")
}
