//! A unit's submission of its self-assessment (Điều 8.1.b: approved by its leadership collective, on a date and
//! in minutes; Điều 8.2: sent to the council before the deadline): recorded, frozen for the unit, reopened by the
//! secretary with a reason. A late submission is accepted and marked late: nothing is refused by a date.

use super::Store;
use super::audit::Change;
use super::dates::parse_date;
use super::error::{Result, StoreError};
use super::state::{removed_row, row_state, text_key};
use crate::domain::calendar::{Date, is_late};
use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::entries::Entries;
use crate::domain::permissions::{CouncilWrite, Role, may_submit};
use crate::domain::scoring::ComponentScore;
use crate::domain::self_assessment::{NAMED_UNSCORED, unscored_components};
use crate::store::{AuditAction, Refused, Subject, TextField};
use rusqlite::{OptionalExtension, params};

/// A recorded submission.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Submission {
    /// The unit's code.
    pub unit: crate::domain::code::UnitCode,
    /// When it was recorded, UTC (`2024-11-20T03:14:00Z`).
    pub submitted_at: String,
    /// The day it was received, Vietnam's date (`2024-11-20`): the appraisal period counts from it (Điều 9.5).
    pub submitted_on: String,
    /// The day the unit's leadership collective approved the self-assessment (Điều 8.1.b).
    pub approved_on: String,
    /// The number of the collective's minutes (*số biên bản*).
    pub minutes: String,
    /// Who submitted it.
    pub actor: String,
    /// Received on or after the deadline (*trước ngày …*).
    pub late: bool,
}

/// One unit and its submission, if any: what the secretary's progress lists.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UnitSubmission {
    /// The unit's code.
    pub unit: crate::domain::code::UnitCode,
    /// Its full name.
    pub name: String,
    /// Its bloc.
    pub bloc: BlocCode,
    /// Its submission; None: not submitted yet.
    pub submission: Option<Submission>,
}

const COLUMNS: &str = "unit, submitted_at, submitted_on, approved_on, minutes, actor, late";

fn read_submission(row: &rusqlite::Row<'_>) -> rusqlite::Result<Submission> {
    Ok(Submission {
        unit: row.get(0)?,
        submitted_at: row.get(1)?,
        submitted_on: row.get(2)?,
        approved_on: row.get(3)?,
        minutes: row.get(4)?,
        actor: row.get(5)?,
        late: row.get(6)?,
    })
}

impl Store {
    /// Today's date in Vietnam, from the program's one clock (`store::clock`).
    pub fn today(&self) -> Result<Date> {
        Ok(self.clock.today())
    }

    /// The unit's submission, if it is submitted.
    pub fn submission_of(&self, unit: &UnitCode) -> Result<Option<Submission>> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM submission WHERE unit = ?1"))?
            .query_row([unit], read_submission)
            .optional()?)
    }

    /// The units that have submitted (the council's queue counts these by default).
    pub fn submitted_units(&self) -> Result<std::collections::BTreeSet<String>> {
        let mut statement = self.conn.prepare_cached("SELECT unit FROM submission")?;
        let rows = statement.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every unit of the round, in code order, with its submission or none.
    pub fn submissions(&self) -> Result<Vec<UnitSubmission>> {
        let mut statement = self.conn.prepare(
            "SELECT u.code, u.name, u.bloc, s.unit, s.submitted_at, s.submitted_on, s.approved_on, s.minutes, s.actor, s.late
             FROM unit u LEFT JOIN submission s ON s.unit = u.code ORDER BY u.code",
        )?;
        let rows = statement.query_map([], |row| {
            let submitted: Option<String> = row.get(3)?;
            let submission = match submitted {
                Some(unit) => Some(Submission {
                    unit: unit.into(),
                    submitted_at: row.get(4)?,
                    submitted_on: row.get(5)?,
                    approved_on: row.get(6)?,
                    minutes: row.get(7)?,
                    actor: row.get(8)?,
                    late: row.get(9)?,
                }),
                None => None,
            };
            Ok(UnitSubmission { unit: row.get(0)?, name: row.get(1)?, bloc: row.get(2)?, submission })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The unit a submission or a reopening is for: a unit's focal person's own (naming another is refused by
    /// the permission), anyone else's named with `--unit`.
    fn submission_unit(&self, unit: Option<&str>) -> Result<UnitCode> {
        match (unit, &self.actor.unit) {
            (Some(unit), _) => Ok(unit.into()),
            (None, Some(own)) if self.actor.role == Role::Unit => Ok(own.clone()),
            (None, _) => Err(Refused::UnitNotNamed.into()),
        }
    }

    /// Submits a unit's self-assessment: the date its leadership collective approved it and the minutes' number
    /// (Điều 8.1.b). From then on the unit cannot change it until the secretary reopens it. Received on or after
    /// the deadline, it is accepted and marked late.
    pub fn submit(&mut self, unit: Option<&str>, approved_on: &str, minutes: &str) -> Result<Submission> {
        self.submit_received(unit, approved_on, minutes, None)
    }

    /// [`Store::submit`], with the day a paper submission was received (`received`, YYYY-MM-DD or DD/MM/YYYY; the
    /// secretary or chairman only, not after today): the submission's date, on which lateness is judged. Without
    /// it, today. Refused while a component of the unit's framework has no self-score.
    pub fn submit_received(
        &mut self,
        unit: Option<&str>,
        approved_on: &str,
        minutes: &str,
        received: Option<&str>,
    ) -> Result<Submission> {
        let unit = self.submission_unit(unit)?;
        may_submit(&self.actor, &unit)?;
        let (bloc, _) = self.unit_place(&unit)?;
        let approved = parse_date(approved_on)
            .ok_or_else(|| Refused::ApprovedOnNotADate { unit: unit.clone(), value: approved_on.to_string() })?;
        let minutes = super::required(minutes, TextField::Minutes, &Subject::Unit(unit.clone()))?;
        let today = self.today()?;
        if Date::parse_iso(&approved).is_some_and(|approved| approved > today) {
            return Err(Refused::ApprovedInFuture { unit, approved, today: today.to_string() }.into());
        }
        // The leadership approves a year's self-assessment in that year or after it, never before.
        if let Some(date) = Date::parse_iso(&approved)
            && date.year < self.year()
        {
            let approved = format!("{:02}/{:02}/{}", date.day, date.month, date.year);
            return Err(Refused::ApprovedBeforeRound { unit, approved, year: self.year() }.into());
        }
        let received = self.received_on(&unit, received, today)?;
        self.check_not_frozen(&bloc, Subject::Unit(unit.clone()))?;
        let late = self.round_settings()?.deadline.is_some_and(|deadline| is_late(received, deadline));
        let tx = self.write_transaction()?;
        if let Some(earlier) = self.submission_of(&unit)? {
            return Err(Refused::AlreadySubmitted { unit, on: earlier.submitted_on, minutes: earlier.minutes }.into());
        }
        self.check_self_assessment_whole(&tx, &unit)?;
        let state = tx.query_row(
            "INSERT INTO submission (unit, submitted_on, approved_on, minutes, actor, late, submitted_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING *",
            params![
                unit,
                received.to_string(),
                approved,
                minutes,
                self.actor.name,
                late,
                self.clock.stored_now_seconds()
            ],
            |row| row_state("submission", row),
        )?;
        let detail = format!(
            "{unit}: self-assessment submitted (approved by the leadership collective on {approved}, minutes {minutes}){}",
            if late { ", late" } else { "" }
        );
        let change = Change::new(AuditAction::Submit, detail).on(&unit, None).value(
            "submission",
            None,
            Some(format!("{approved}, {minutes}")),
        );
        self.audit_trail(&tx)?.record(&tx, change.state(state))?;
        let submission = self.submission_of(&unit)?;
        tx.commit()?;
        submission.ok_or_else(|| Refused::SubmissionNotRecorded { unit }.into())
    }

    /// The day the submission is received: today, or the paper's receipt date the council gives (not a unit).
    fn received_on(&self, unit: &UnitCode, received: Option<&str>, today: Date) -> Result<Date> {
        let Some(value) = received else { return Ok(today) };
        if self.actor.role == Role::Unit {
            return Err(Refused::ReceivedNotForUnit { unit: unit.into() }.into());
        }
        let not_a_date = || Refused::ReceivedNotADate { unit: unit.into(), value: value.to_string() };
        let date = parse_date(value).and_then(|iso| Date::parse_iso(&iso)).ok_or_else(not_a_date)?;
        if date > today {
            let (received, today) = (date.to_string(), today.to_string());
            return Err(Refused::ReceivedInFuture { unit: unit.into(), received, today }.into());
        }
        Ok(date)
    }

    /// Refuses the submission while a component of the unit's framework has no self-score
    /// (`self_assessment::unscored_components`), read inside the submission's transaction.
    fn check_self_assessment_whole(&self, tx: &rusqlite::Connection, unit: &UnitCode) -> Result<()> {
        let (bloc, group) = self.unit_place(unit)?;
        let framework = self
            .regulation
            .framework_for(&bloc, group.as_deref())
            .ok_or_else(|| StoreError::from(Refused::NoFramework { unit: unit.into() }))?;
        let mut entries = Entries::default();
        let mut statement = tx.prepare_cached("SELECT criterion, self_score, applicable FROM score WHERE unit = ?1")?;
        let rows = statement.query_map([unit], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?, row.get::<_, bool>(2)?))
        })?;
        for row in rows {
            let (code, self_score, applicable) = row?;
            let self_score = self_score.and_then(|text| text.parse().ok());
            entries.insert(code, ComponentScore { self_score, applicable, ..ComponentScore::default() });
        }
        let missing = unscored_components(framework, &entries);
        if missing.is_empty() {
            return Ok(());
        }
        let first = missing.iter().take(NAMED_UNSCORED).map(ToString::to_string).collect();
        Err(Refused::SelfAssessmentIncomplete { unit: unit.into(), missing: missing.len(), first }.into())
    }

    /// Reopens a submitted self-assessment (the secretary, with a reason): the unit may change it again and submit
    /// anew. Audited with the reason; the earlier submission stays in the log.
    pub fn reopen_submission(&mut self, unit: &UnitCode, reason: &str) -> Result<()> {
        self.permit(CouncilWrite::Reopen)?;
        let reason = super::required(reason, TextField::ReopenReason, &Subject::Unit(unit.into()))?;
        let (bloc, _) = self.unit_place(unit)?;
        self.check_not_frozen(&bloc, Subject::Unit(unit.into()))?;
        let tx = self.write_transaction()?;
        let Some(earlier) = self.submission_of(unit)? else {
            return Err(Refused::NotSubmitted { unit: unit.into() }.into());
        };
        tx.execute("DELETE FROM submission WHERE unit = ?1", [unit])?;
        let change =
            Change::new(AuditAction::Reopen, format!("{unit}: submission of {} reopened", earlier.submitted_on))
                .on(unit, None)
                .value("submission", Some(format!("{}, {}", earlier.approved_on, earlier.minutes)), None)
                .because(&reason)
                .state(removed_row("submission", &text_key(&[unit])));
        self.audit_trail(&tx)?.record(&tx, change)?;
        tx.commit()?;
        Ok(())
    }
}
