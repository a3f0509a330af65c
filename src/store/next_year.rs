//! The next year from this one (`init --from`): a new round with the same (or another) regulation, the units,
//! the active users and the settings of the old one (the deadline moved by the years between), no scores, no
//! submissions; and each unit's level in the old round, kept for the ranking's `previous_level` and the two-year
//! flag (Điều 11.2.d). The old database is only read.

use super::Store;
use super::audit::{AuditTrail, Change};
use super::error::{Result, StoreError};
use super::state::row_state;
use crate::domain::calendar::Date;
use crate::domain::evaluate::evaluate_round;
use crate::domain::regulation::Regulation;
use crate::store::{AuditAction, Refused};
use rusqlite::{Transaction, params};
use std::path::Path;

impl Store {
    /// Creates the round of `year` in a new file `path` from the round in `from` (opened read-only), with its
    /// regulation or `regulation`. Units that do not fit the new regulation's blocs or groups are refused, naming
    /// them; nothing is created then.
    pub fn init_from(path: &Path, from: &Path, year: i32, regulation: Option<&str>) -> Result<Store> {
        // The new round's file is never the old database or one of its companions, under any name.
        super::paths::check_destination(from, path, true)?;
        let old = Store::open_read_only(from)?;
        if year <= old.year {
            return Err(Refused::YearNotAfter { from: from.display().to_string(), old_year: old.year, year }.into());
        }
        let regulation_id = regulation.unwrap_or(&old.regulation.id).to_string();
        let from_name = from.display().to_string();
        let existed = path.exists();
        let created = Store::init_with(path, &regulation_id, year, |tx, trail, regulation| {
            old.carry_units(tx, trail, regulation, &from_name)?;
            old.carry_users(tx, trail, regulation, &from_name)?;
            old.carry_settings(tx, trail, year, &from_name)?;
            old.carry_levels(tx, trail, &from_name)
        });
        if created.is_err() && !existed {
            // Nothing was carried over: the file this call made holds no round, so it goes.
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let mut name = path.as_os_str().to_owned();
                name.push(suffix);
                let _ = std::fs::remove_file(std::path::PathBuf::from(name));
            }
        }
        created
    }

    /// The units, as they are, checked against the new regulation.
    fn carry_units(&self, tx: &Transaction<'_>, trail: &mut AuditTrail, new: &Regulation, from: &str) -> Result<()> {
        let round = self.load_round()?;
        let mut states = Vec::with_capacity(round.units.len());
        for unit in &round.units {
            if new.framework_for(&unit.bloc, unit.group.as_deref()).is_none() {
                return Err(StoreError::from(Refused::NoFrameworkIn {
                    from: from.to_string(),
                    unit: unit.code.clone(),
                    bloc: unit.bloc.clone(),
                    group: unit.group.clone(),
                    regulation: new.id.clone(),
                }));
            }
            states.push(tx.query_row(
                "INSERT INTO unit (code, name, bloc, unit_group) VALUES (?1, ?2, ?3, ?4) RETURNING *",
                params![unit.code, unit.name, unit.bloc, unit.group],
                |row| row_state("unit", row),
            )?);
        }
        let detail = format!("{} units carried over from the round {} of {from}", states.len(), self.year);
        Ok(trail.record(
            tx,
            Change::new(AuditAction::CarryOver, detail).value("file", None, Some(from.to_string())).states(states),
        )?)
    }

    /// The active users with their roles; a member's or assistant's agency must exist in the new regulation.
    fn carry_users(&self, tx: &Transaction<'_>, trail: &mut AuditTrail, new: &Regulation, from: &str) -> Result<()> {
        let mut states = Vec::new();
        for user in self.users()?.into_iter().filter(|u| u.removed_at.is_none()) {
            if let Some(agency) = user.agency.as_deref().filter(|agency| new.agency(agency).is_none()) {
                return Err(StoreError::from(Refused::AgencyGone {
                    from: from.to_string(),
                    user: user.name.clone(),
                    agency: agency.to_string(),
                    regulation: new.id.clone(),
                }));
            }
            states.push(tx.query_row(
                "INSERT INTO council_user (name, full_name, role, agency, unit, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING *",
                params![
                    user.name,
                    user.full_name,
                    user.role.slug(),
                    user.agency,
                    user.unit,
                    self.clock.stored_now_seconds()
                ],
                |row| row_state("council_user", row),
            )?);
        }
        let detail = format!("{} users carried over from the round {} of {from}", states.len(), self.year);
        Ok(trail.record(
            tx,
            Change::new(AuditAction::CarryOver, detail).value("file", None, Some(from.to_string())).states(states),
        )?)
    }

    /// The round's own settings: the deadline moved by the years between the rounds, the appraisal period as is.
    fn carry_settings(&self, tx: &Transaction<'_>, trail: &mut AuditTrail, year: i32, from: &str) -> Result<()> {
        let (deadline, days) = self.stored_settings()?;
        let deadline = deadline.as_deref().and_then(Date::parse_iso).map(|d| d.plus_years(year - self.year));
        if deadline.is_none() && days.is_none() {
            return Ok(());
        }
        let state = tx.query_row(
            "INSERT INTO round_setting (id, submission_deadline, appraisal_working_days) VALUES (1, ?1, ?2) RETURNING *",
            params![deadline.map(|d| d.to_string()), days],
            |row| row_state("round_setting", row),
        )?;
        let detail = format!(
            "settings carried over from {from}: deadline {}, appraisal period {} working days",
            deadline.map_or("—".to_string(), |d| d.to_string()),
            days.map_or("—".to_string(), |d| d.to_string())
        );
        // The value, as other settings rows record theirs, so the history words it in the reader's language.
        let value = format!(
            "{}, {}",
            deadline.map_or("—".to_string(), |d| d.to_string()),
            days.map_or("—".to_string(), |d| d.to_string())
        );
        Ok(trail.record(
            tx,
            Change::new(AuditAction::CarryOver, detail).value("carried_settings", None, Some(value)).state(state),
        )?)
    }

    /// Each unit's level in this (the old) round, as its ranking gives it, and whether its bloc was approved.
    fn carry_levels(&self, tx: &Transaction<'_>, trail: &mut AuditTrail, from: &str) -> Result<()> {
        let round = self.load_round()?;
        let approved = self.approved_blocs()?;
        let mut states = Vec::new();
        // Approved levels only: a provisional level is not a previous level (SPEC, Previous year).
        for result in evaluate_round(&self.regulation, &round).into_iter().filter(|r| approved.contains(&r.bloc)) {
            for unit in &result.ranking.units {
                states.push(tx.query_row(
                    "INSERT INTO previous_level (unit, year, level, total, approved) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING *",
                    params![
                        unit.unit,
                        self.year,
                        unit.outcome.slug(),
                        unit.official_total.to_string(),
                        approved.contains(&result.bloc)
                    ],
                    |row| row_state("previous_level", row),
                )?);
            }
        }
        let detail = format!("levels of {} units in the round {} of {from} recorded", states.len(), self.year);
        let change = Change::new(AuditAction::CarryOver, detail)
            .value("previous_levels", None, Some(format!("{}, {}", self.year, states.len())))
            .states(states);
        Ok(trail.record(tx, change)?)
    }
}
