//! Council users: who may open a session (`--user NAME`), with which role and, for members and assistants, which agency.

use super::audit::{AuditAction, Change};
use super::error::{Result, StoreError};
use super::state::row_state;
use super::{Store, audit_one};
use crate::domain::code::UnitCode;
use crate::domain::permissions::{Actor, CouncilWrite, Role};
use crate::store::{Refused, Subject, TextField};
use rusqlite::{OptionalExtension, params};
use std::str::FromStr;

/// A council user as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouncilUser {
    /// The login (`--user`), as the audit log names them.
    pub name: String,
    /// The name people read.
    pub full_name: String,
    /// What they may do.
    pub role: Role,
    /// The appraising agency of a member or assistant.
    pub agency: Option<String>,
    /// The unit of a unit's focal person (role `unit`).
    pub unit: Option<crate::domain::code::UnitCode>,
    /// When they were added, UTC as the store keeps times.
    pub added_at: String,
    /// Set when the user was removed; the row stays so the audit log keeps naming them.
    pub removed_at: Option<String>,
}

impl CouncilUser {
    /// The user as the permission rules see them.
    pub fn actor(&self) -> Actor {
        Actor {
            name: self.name.clone(),
            role: self.role,
            agency: self.agency.clone(),
            unit: self.unit.clone(),
            leaders_name: None,
        }
    }
}

fn valid_user_name(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && name.len() <= crate::domain::validate::TextKind::Code.limit()
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

/// A user row before its role is read: (name, full name, role, agency, added, removed, unit).
type UserRow = (String, String, String, Option<String>, String, Option<String>, Option<crate::domain::code::UnitCode>);

fn read_user(row: &rusqlite::Row<'_>) -> rusqlite::Result<UserRow> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?))
}

impl Store {
    /// Every user ever added, removed ones included, by name.
    pub fn users(&self) -> Result<Vec<CouncilUser>> {
        let mut statement = self.conn.prepare(
            "SELECT name, full_name, role, agency, added_at, removed_at, unit FROM council_user ORDER BY name",
        )?;
        let rows = statement.query_map([], read_user)?.collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(name, full_name, role, agency, added_at, removed_at, unit)| {
                let Ok(role) = Role::from_str(&role) else {
                    return Err(StoreError::from(Refused::StoredRoleUnknown { name, role }));
                };
                Ok(CouncilUser { name, full_name, role, agency, unit, added_at, removed_at })
            })
            .collect()
    }

    /// The active user of that name.
    pub fn user(&self, name: &str) -> Result<Option<CouncilUser>> {
        Ok(self.users()?.into_iter().find(|u| u.name == name && u.removed_at.is_none()))
    }

    /// From now on this session writes as `name`; refused for an unknown or removed user.
    pub fn sign_in(&mut self, name: &str) -> Result<()> {
        let user = self.user(name)?.ok_or_else(|| StoreError::UnknownUser { name: name.to_string() })?;
        self.actor = user.actor().in_round_of(self.regulation.leaders_name.as_deref());
        Ok(())
    }

    /// `user add` as it is typed (the command line, the secretary's desk): the role by its name, an agency for a
    /// member or an assistant, a unit for a unit's focal person (and for no one else). Returns the role.
    pub fn add_user_typed(
        &mut self,
        name: &str,
        full_name: &str,
        role: &str,
        agency: Option<&str>,
        unit: Option<&str>,
    ) -> Result<Role> {
        let role =
            <Role as std::str::FromStr>::from_str(role).map_err(|_| Refused::UnknownRole { role: role.to_string() })?;
        match (role, unit) {
            (Role::Unit, Some(unit)) => self.add_unit_user(name, full_name, &unit.into())?,
            (Role::Unit, None) => return Err(Refused::UnitNeeded.into()),
            (_, Some(unit)) => {
                return Err(Refused::NoUnitForRole { role: role.slug().to_string(), unit: unit.to_string() }.into());
            }
            (_, None) => self.add_user(name, full_name, role, agency)?,
        }
        Ok(role)
    }

    /// The secretary keeps every role but the chairman's and the secretary's own (and the service account's):
    /// those only the service account adds or removes, so no user can raise another above themselves.
    fn permit_role_change(&self, role: Role) -> Result<()> {
        crate::domain::gates::role_grant_gate(self.actor.role, role).map_err(|why| Refused::RoleGrant(why).into())
    }

    /// Adds a council user. Members and assistants need one of the regulation's appraising agencies.
    pub fn add_user(&mut self, name: &str, full_name: &str, role: Role, agency: Option<&str>) -> Result<()> {
        if role.needs_unit() {
            return Err(Refused::UnitNeeded.into());
        }
        self.insert_user(name, full_name, role, agency, None)
    }

    /// Adds a unit's focal person (*cán bộ đầu mối*, role `unit`) for one unit of the round.
    pub fn add_unit_user(&mut self, name: &str, full_name: &str, unit: &UnitCode) -> Result<()> {
        self.permit(CouncilWrite::ManageUsers)?;
        let known: Option<String> =
            self.conn.query_row("SELECT code FROM unit WHERE code = ?1", [unit], |r| r.get(0)).optional()?;
        if known.is_none() {
            return Err(Refused::UnitNotInRound { unit: unit.to_string() }.into());
        }
        self.insert_user(name, full_name, Role::Unit, None, Some(unit))
    }

    fn insert_user(
        &mut self,
        name: &str,
        full_name: &str,
        role: Role,
        agency: Option<&str>,
        unit: Option<&str>,
    ) -> Result<()> {
        self.permit(CouncilWrite::ManageUsers)?;
        self.permit_role_change(role)?;
        if !valid_user_name(name) || name == crate::domain::permissions::SERVICE_ACCOUNT {
            return Err(StoreError::from(Refused::BadUserName { name: name.to_string() }));
        }
        let full_name = &*crate::domain::validate::check(crate::domain::validate::TextKind::Name, full_name)
            .map_err(|why| Refused::BadText { field: TextField::FullName, at: Subject::User(name.to_string()), why })?;
        match (role.needs_agency(), agency) {
            (true, None) => {
                let codes: Vec<&str> = self.regulation.agencies.iter().map(|a| a.code.as_str()).collect();
                return Err(StoreError::from(Refused::AgencyNeeded {
                    role: role.to_string(),
                    agencies: codes.iter().map(ToString::to_string).collect(),
                }));
            }
            (false, Some(agency)) => {
                return Err(StoreError::from(Refused::NoAgencyForRole {
                    role: role.to_string(),
                    agency: agency.to_string(),
                    leaders: self.regulation.leaders_name.clone(),
                }));
            }
            (true, Some(agency)) if self.regulation.agency(agency).is_none() => {
                let codes: Vec<&str> = self.regulation.agencies.iter().map(|a| a.code.as_str()).collect();
                return Err(StoreError::from(Refused::UnknownAgency {
                    agency: agency.to_string(),
                    regulation: self.regulation.id.clone(),
                    agencies: codes.iter().map(ToString::to_string).collect(),
                }));
            }
            (true, Some(agency)) if !self.regulation.agency_appraises_components(agency) => {
                return Err(StoreError::from(Refused::AgencyAppraisesNothing {
                    agency: agency.to_string(),
                    leaders: self.regulation.leaders_name.clone(),
                }));
            }
            _ => {}
        }
        if role == Role::Leader && !self.regulation.frameworks_have_leader_criteria() {
            return Err(StoreError::from(Refused::NoLeaderRole {
                regulation: self.regulation.id.clone(),
                leaders: self.regulation.leaders_name.clone(),
            }));
        }
        let tx = self.write_transaction()?;
        let existing: Option<Option<String>> =
            tx.query_row("SELECT removed_at FROM council_user WHERE name = ?1", [name], |r| r.get(0)).optional()?;
        if existing.is_some() {
            return Err(StoreError::from(Refused::UserExists { name: name.to_string() }));
        }
        let state = tx.query_row(
            "INSERT INTO council_user (name, full_name, role, agency, unit, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING *",
            params![name, full_name.trim(), role.slug(), agency, unit, self.clock.stored_now_seconds()],
            |row| row_state("council_user", row),
        )?;
        let described = match (agency, unit) {
            (Some(agency), _) => format!("{role}, {agency}"),
            (None, Some(unit)) => format!("{role}, đơn vị {unit}"),
            (None, None) => role.to_string(),
        };
        audit_one(
            &tx,
            &self.actor,
            self.clock,
            Change::new(AuditAction::AddUser, format!("user {name} ({}) added as {described}", full_name.trim()))
                .value("user", None, Some(format!("{name}: {described}")))
                .state(state),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Removes a user: their sessions are refused from now on; their name stays in the log.
    pub fn remove_user(&mut self, name: &str) -> Result<()> {
        self.permit(CouncilWrite::ManageUsers)?;
        let role: Option<String> = self
            .conn
            .query_row("SELECT role FROM council_user WHERE name = ?1 AND removed_at IS NULL", [name], |r| r.get(0))
            .optional()?;
        if let Some(role) = role.and_then(|role| <Role as std::str::FromStr>::from_str(&role).ok()) {
            self.permit_role_change(role)?;
        }
        let tx = self.write_transaction()?;
        let state = tx
            .query_row(
                "UPDATE council_user SET removed_at = ?2 WHERE name = ?1 AND removed_at IS NULL RETURNING *",
                params![name, self.clock.stored_now_seconds()],
                |row| row_state("council_user", row),
            )
            .optional()?
            .ok_or_else(|| StoreError::UnknownUser { name: name.to_string() })?;
        audit_one(
            &tx,
            &self.actor,
            self.clock,
            Change::new(AuditAction::RemoveUser, format!("user {name} removed"))
                .value("user", Some(name.to_string()), None)
                .state(state),
        )?;
        tx.commit()?;
        Ok(())
    }
}
