//! `audit verify`'s judgement of each row of the log against what the program would have allowed when it was
//! written: its actor existed then (and was not removed), their role then allowed the action (the same rules the
//! store applies, `domain::permissions`), and no row changed an approved bloc's data outside a re-rating. A row
//! appended by raw SQL with a correctly computed chain passes the hash check; this is what names it. And the
//! triggers the schema creates (the freeze of approved blocs, the append-only log) are compared with the
//! database's: a dropped or altered one is named.

use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::permissions::{
    Act, Actor, AppraisalEntry, CouncilWrite, Refusal, Role, Rule, SERVICE_ACCOUNT, SelfAssessmentState, may,
    may_appraise, may_comment, may_self_assess, may_submit,
};
use crate::domain::regulation::Regulation;
use crate::store::action::{AppraisalTransition, AuditAction, ImportKind};
use crate::store::error::Result;
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashSet;

/// Why a row of the log is not one the program would have written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ForgedWhy {
    /// The actor names no user of the round at that time (never added, or added later).
    NoSuchUser,
    /// The actor was a user removed before the row.
    RemovedUser {
        /// When the user was removed (as the log stores times).
        removed_at: String,
    },
    /// The actor's role at that time did not allow the action (the rule that refuses it).
    NotAllowed(Box<Refusal>),
    /// Only the service account writes this kind of row (a new round, a migration's baseline, a carry-over).
    ServiceAccountOnly,
    /// A baseline row after the migration that writes them.
    LateBaseline,
    /// The actor's role may manage users but not grant or remove this one (`domain::gates::role_grant_gate`): a
    /// secretary adding a chairman or a secretary.
    RoleGrant {
        /// The user granted or removed.
        user: String,
        /// The rule that refuses it.
        why: crate::domain::gates::RoleGrantRefusal,
    },
    /// A change to the data of a unit (or tie) whose bloc was approved, with no re-rating of it in that write.
    FrozenBloc {
        /// The approved bloc.
        bloc: BlocCode,
        /// The table of the row changed.
        table: String,
        /// The row's key (a unit's code, a tie order's bloc).
        key: String,
        /// The regulation's article of re-rating (`rerating`), cited where it has one.
        rerating: Option<String>,
    },
}

/// One row of the log the program would not have written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forged {
    /// The row's id in the log.
    pub row: i64,
    /// Who the row says wrote it.
    pub actor: String,
    /// The action's slug as stored.
    pub action: String,
    /// Why the program would not have written it.
    pub why: ForgedWhy,
}

/// A trigger the schema creates that the database lacks, or holds with other SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriggerProblem {
    /// The trigger's name in the schema.
    pub name: String,
    /// True when it is gone; false when its SQL differs.
    pub missing: bool,
}

/// A row of the log as the judgement reads it.
pub(super) struct LoggedRow<'a> {
    pub id: i64,
    pub at: &'a str,
    pub actor: &'a str,
    pub action: &'a str,
    pub unit: Option<&'a str>,
    pub criterion: Option<&'a str>,
    pub field: Option<&'a str>,
}

/// A record of a data table's row, as the judgement needs it: which table, and the values of its key's first
/// column and of the unit's bloc where the record carries one.
pub(super) struct Touched {
    pub table: String,
    /// The first key column's value (a unit's code; a tie order's bloc).
    pub first_key: Option<String>,
    /// A unit row's new bloc.
    pub new_bloc: Option<String>,
    /// A council user row's role (as added, or as removed).
    pub role: Option<String>,
}

/// A user as the log knew them at a row: role, agency, unit, when removed.
type UserThen = (String, Option<String>, Option<String>, Option<String>);

/// The tables an approval freezes (the schema's freeze triggers), keyed by unit, or by bloc for a tie order.
const FROZEN_BY_UNIT: [&str; 6] = ["score", "leader_score", "grade_override", "fact", "evidence", "quota_exception"];

/// The judgement carried along the replay of the log.
pub(super) struct Judge<'r> {
    regulation: &'r Regulation,
    /// Rows before the first baseline predate the records the judgement reads (schema < 5): not judged.
    first_baseline: Option<i64>,
    /// The baseline run is over once a row of another kind follows it.
    baseline_over: bool,
    /// Each write (its time, its actor) that closes a re-rating, with the re-rated unit.
    reratings: HashSet<(String, String, String)>,
    pub found: Vec<Forged>,
}

impl<'r> Judge<'r> {
    /// Reads what the judgement needs ahead of the rows: where the baseline starts, and the re-ratings' writes.
    pub fn new(regulation: &'r Regulation, log: &Connection) -> Result<Judge<'r>> {
        let first_baseline: Option<i64> =
            log.query_row("SELECT MIN(id) FROM real.audit WHERE action = 'baseline'", [], |r| r.get(0))?;
        let mut reratings = HashSet::new();
        let mut statement = log.prepare(
            "SELECT at, actor, unit FROM real.audit
             WHERE action = 'rerate' AND unit IS NOT NULL AND state LIKE '%\"table\":\"rerating\"%'",
        )?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            reratings.insert((row.get(0)?, row.get(1)?, row.get(2)?));
        }
        Ok(Judge { regulation, first_baseline, baseline_over: false, reratings, found: Vec::new() })
    }

    fn forged(&mut self, row: &LoggedRow<'_>, why: ForgedWhy) {
        self.found.push(Forged { row: row.id, actor: row.actor.to_string(), action: row.action.to_string(), why });
    }

    /// Judges one row against the tables as the log left them before it (`main` of `expected`), and the records of
    /// the rows it wrote.
    pub fn row(&mut self, expected: &Connection, row: &LoggedRow<'_>, touched: &[Touched]) -> Result<()> {
        let action = AuditAction::from_slug(row.action);
        if action == Some(AuditAction::Baseline) {
            if self.baseline_over {
                self.forged(row, ForgedWhy::LateBaseline);
            } else if row.actor != SERVICE_ACCOUNT {
                self.forged(row, ForgedWhy::ServiceAccountOnly);
            }
            return Ok(());
        }
        match self.first_baseline {
            Some(first) if row.id < first => return Ok(()),
            Some(_) => self.baseline_over = true,
            None => {}
        }
        let Some(actor) = self.actor_then(expected, row)? else { return Ok(()) };
        if let Some(action) = action
            && let Err(why) = self.allowed(expected, &actor, action, row)?
        {
            self.forged(row, why);
        } else if matches!(action, Some(AuditAction::AddUser | AuditAction::RemoveUser))
            && let Some(why) = role_granted(&actor, touched)
        {
            self.forged(row, why);
        }
        self.frozen(expected, row, touched)
    }

    /// The actor as the log knew them before this row; None once a problem with them is recorded.
    fn actor_then(&mut self, expected: &Connection, row: &LoggedRow<'_>) -> Result<Option<Actor>> {
        if row.actor == SERVICE_ACCOUNT {
            return Ok(Some(Actor::service_account()));
        }
        let user: Option<UserThen> = expected
            .prepare_cached("SELECT role, agency, unit, removed_at FROM main.council_user WHERE name = ?1")?
            .query_row([row.actor], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        let Some((role, agency, unit, removed_at)) = user else {
            self.forged(row, ForgedWhy::NoSuchUser);
            return Ok(None);
        };
        if let Some(removed_at) = removed_at {
            self.forged(row, ForgedWhy::RemovedUser { removed_at });
            return Ok(None);
        }
        let Ok(role) = role.parse::<Role>() else {
            self.forged(row, ForgedWhy::NoSuchUser);
            return Ok(None);
        };
        let leaders_name = self.regulation.leaders_name.clone();
        Ok(Some(Actor { name: row.actor.to_string(), role, agency, unit: unit.map(Into::into), leaders_name }))
    }

    /// Did the actor's role allow this action on this row's unit and component (the store's own rules)?
    fn allowed(
        &self,
        expected: &Connection,
        actor: &Actor,
        action: AuditAction,
        row: &LoggedRow<'_>,
    ) -> Result<std::result::Result<(), ForgedWhy>> {
        let refused = |refusal: Refusal| Err(ForgedWhy::NotAllowed(Box::new(refusal)));
        let council = |write: CouncilWrite| Ok(may(actor, write).or_else(refused));
        let unit = &UnitCode::from(row.unit.unwrap_or_default());
        match action {
            AuditAction::Init | AuditAction::CarryOver => {
                Ok(if actor.role == Role::ServiceAccount { Ok(()) } else { Err(ForgedWhy::ServiceAccountOnly) })
            }
            AuditAction::Seed | AuditAction::Unit | AuditAction::Import(ImportKind::Units | ImportKind::Grades) => {
                council(CouncilWrite::Import)
            }
            AuditAction::Import(ImportKind::Facts) | AuditAction::Fact => council(CouncilWrite::Facts),
            AuditAction::OverrideGrade => council(CouncilWrite::OverrideGrade),
            AuditAction::OrderTie => council(CouncilWrite::OrderTie),
            AuditAction::Approve => council(CouncilWrite::Approve),
            AuditAction::Rerate => council(CouncilWrite::Rerate),
            AuditAction::ExceedQuota => council(CouncilWrite::ExceedQuota),
            AuditAction::AddUser | AuditAction::RemoveUser => council(CouncilWrite::ManageUsers),
            AuditAction::Reopen => council(CouncilWrite::Reopen),
            // A paper's number, signer or date of issue is a row of its own field (`paper:report:signer`).
            AuditAction::RoundSettings if row.field.is_some_and(|field| field.starts_with("paper:")) => {
                council(CouncilWrite::PaperSettings)
            }
            AuditAction::RoundSettings => council(CouncilWrite::RoundSettings),
            AuditAction::Submit => Ok(may_submit(actor, unit).or_else(refused)),
            AuditAction::SelfScore | AuditAction::Explanation | AuditAction::Applicable | AuditAction::Evidence => {
                let submitted: bool = expected
                    .prepare_cached("SELECT EXISTS (SELECT 1 FROM main.submission WHERE unit = ?1)")?
                    .query_row([unit], |r| r.get(0))?;
                let state = if submitted { SelfAssessmentState::Submitted } else { SelfAssessmentState::Open };
                Ok(may_self_assess(actor, unit, state).or_else(refused))
            }
            // Only the rows that write an appraised score ("entry updated" rows change who entered it).
            AuditAction::Appraisal(_) | AuditAction::LeaderScore | AuditAction::Withdraw | AuditAction::Comment
                if row.field.is_none() && action != AuditAction::Comment =>
            {
                Ok(Ok(()))
            }
            AuditAction::Appraisal(transition) => self.on_component(expected, row, |place| {
                match may_appraise(actor, place, unit).map_err(|refusal| ForgedWhy::NotAllowed(Box::new(refusal)))? {
                    // An assistant's entry is an `enter` row; a member's appraisal is final.
                    AppraisalEntry::AwaitingConfirmation if transition != AppraisalTransition::Enter => {
                        Err(assistant_final(actor, place, unit))
                    }
                    _ => Ok(()),
                }
            }),
            AuditAction::LeaderScore | AuditAction::Withdraw => self.on_component(expected, row, |place| {
                may_appraise(actor, place, unit).map(|_| ()).map_err(|refusal| ForgedWhy::NotAllowed(Box::new(refusal)))
            }),
            AuditAction::Comment => self.on_component(expected, row, |place| {
                may_comment(actor, place, unit).map_err(|refusal| ForgedWhy::NotAllowed(Box::new(refusal)))
            }),
            // A summary row (its values have rows of their own), a file, a refused attempt: its actor existed.
            AuditAction::Import(ImportKind::Scores | ImportKind::Evidence | ImportKind::Sheet)
            | AuditAction::Upload
            | AuditAction::Download
            | AuditAction::Refused
            | AuditAction::Baseline => Ok(Ok(())),
        }
    }

    /// Judges a row on one component of its unit (the unit's framework as the log left it); a unit or component
    /// the log does not place is left to the table comparison.
    fn on_component(
        &self,
        expected: &Connection,
        row: &LoggedRow<'_>,
        judge: impl FnOnce(&crate::domain::framework::ComponentPlace<'_>) -> std::result::Result<(), ForgedWhy>,
    ) -> Result<std::result::Result<(), ForgedWhy>> {
        let (Some(unit), Some(component)) = (row.unit, row.criterion) else { return Ok(Ok(())) };
        let place: Option<(BlocCode, Option<String>)> = expected
            .prepare_cached("SELECT bloc, unit_group FROM main.unit WHERE code = ?1")?
            .query_row([unit], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((bloc, group)) = place else { return Ok(Ok(())) };
        let Some(framework) = self.regulation.framework_for(&bloc, group.as_deref()) else { return Ok(Ok(())) };
        let Some(place) = framework.component(component) else { return Ok(Ok(())) };
        Ok(judge(&place))
    }

    /// A change to an approved bloc's frozen data is a re-rating's, in the write that closes it; any other is not
    /// one the program makes.
    fn frozen(&mut self, expected: &Connection, row: &LoggedRow<'_>, touched: &[Touched]) -> Result<()> {
        for record in touched {
            let Some(first) = record.first_key.as_deref() else { continue };
            let blocs: Vec<String> = match record.table.as_str() {
                "tie_order" => vec![first.to_string()],
                "unit" => {
                    let old: Option<String> = expected
                        .prepare_cached("SELECT bloc FROM main.unit WHERE code = ?1")?
                        .query_row([first], |r| r.get(0))
                        .optional()?;
                    old.into_iter().chain(record.new_bloc.clone()).collect()
                }
                table if FROZEN_BY_UNIT.contains(&table) => expected
                    .prepare_cached("SELECT bloc FROM main.unit WHERE code = ?1")?
                    .query_row([first], |r| r.get(0))
                    .optional()?
                    .into_iter()
                    .collect(),
                _ => continue,
            };
            for bloc in blocs {
                let approved: bool = expected
                    .prepare_cached("SELECT EXISTS (SELECT 1 FROM main.approval WHERE bloc = ?1)")?
                    .query_row([&bloc], |r| r.get(0))?;
                if !approved {
                    continue;
                }
                let rerated = match record.table.as_str() {
                    // A re-rating places its unit among the tie's units.
                    "tie_order" => self.reratings.iter().any(|(at, actor, _)| at == row.at && actor == row.actor),
                    _ => self.reratings.contains(&(row.at.to_string(), row.actor.to_string(), first.to_string())),
                };
                if !rerated {
                    let (table, key, rerating) =
                        (record.table.clone(), first.to_string(), self.regulation.rerating.clone());
                    let why = ForgedWhy::FrozenBloc { bloc: bloc.into(), table, key, rerating };
                    self.forged(row, why);
                    return Ok(());
                }
            }
        }
        Ok(())
    }
}

/// A user row a write added or removed whose role the actor may not grant (the store's own gate).
fn role_granted(actor: &Actor, touched: &[Touched]) -> Option<ForgedWhy> {
    touched.iter().filter(|record| record.table == "council_user").find_map(|record| {
        let role = record.role.as_deref()?.parse::<Role>().ok()?;
        let why = crate::domain::gates::role_grant_gate(actor.role, role).err()?;
        Some(ForgedWhy::RoleGrant { user: record.first_key.clone().unwrap_or_default(), why })
    })
}

/// An assistant's entry written as a final appraisal: it waits for a member's confirmation (an `enter` row).
fn assistant_final(actor: &Actor, place: &crate::domain::framework::ComponentPlace<'_>, unit: &UnitCode) -> ForgedWhy {
    ForgedWhy::NotAllowed(Box::new(Refusal {
        who: actor.clone(),
        act: Box::new(Act::Appraise { component: place.component.code.to_string(), unit: unit.into() }),
        rule: Box::new(Rule::AssistantEntriesNotImported),
    }))
}

/// The triggers the schema creates, compared with the database's (`real`): each one missing or altered.
pub(super) fn trigger_problems(expected_schema: &[(String, String)], real: &Connection) -> Result<Vec<TriggerProblem>> {
    let mut statement = real.prepare("SELECT name, sql FROM real.sqlite_master WHERE type = 'trigger'")?;
    let present: std::collections::HashMap<String, Option<String>> =
        statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut problems = Vec::new();
    for (name, sql) in expected_schema {
        match present.get(name) {
            None => problems.push(TriggerProblem { name: name.clone(), missing: true }),
            Some(found) if found.as_deref().map(normalize) != Some(normalize(sql)) => {
                problems.push(TriggerProblem { name: name.clone(), missing: false });
            }
            Some(_) => {}
        }
    }
    Ok(problems)
}

/// A trigger's SQL with its white space collapsed (the text SQLite keeps is the text that created it).
fn normalize(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}
