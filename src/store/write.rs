//! Writing score and evidence rows, with an audit row for each value that changes (old → new):
//! shared by the CSV imports, the sheet import and the demo generator.
//!
//! An import row says what it changes, cell by cell ([`Cell`]): an absent column or an empty cell leaves
//! the stored value as it is, the marker `-` clears it, anything else sets it. [`merge`] reads the stored
//! entry and applies the row to it, [`check_merged`] checks the rules on the merged result, and [`write_merged`]
//! writes what differs.

use super::audit::{AppraisalTransition, AuditAction, AuditTrail, Change, ImportKind};
use super::error::{HeldScore, Result, RowFault, RowPlace};
use super::rows::{EvidenceRow, ScoreRow};
use super::state::{removed_row, row_state, text_key};
use crate::domain::appraisal::self_assessment_against_appraisal;
use crate::domain::code::UnitCode;
use crate::domain::framework::ComponentPlace;
use crate::domain::regulation::Regulation;
use rusqlite::{OptionalExtension, params};
use rust_decimal::Decimal;
use std::str::FromStr;

/// The marker that clears a stored value on purpose (an empty cell leaves it as it is).
pub const CLEAR_MARKER: &str = "-";

impl super::Store {
    /// The one write of an import, shared by the five CSV imports and the sheet import (each plans every row
    /// first, stopping at the first refusal): one transaction and its audit trail, `write` making the planned
    /// changes and recording each, then the commit. A refusal met while writing drops the transaction unfinished:
    /// it rolls back, so nothing of the import is written nor audited, and the refusal is returned as it is.
    pub(super) fn write_in_one_transaction<T>(
        &self,
        write: impl FnOnce(&rusqlite::Connection, &mut AuditTrail) -> Result<T>,
    ) -> Result<T> {
        let tx = self.write_transaction()?;
        let mut trail = self.audit_trail(&tx)?;
        let written = write(&tx, &mut trail)?;
        tx.commit()?;
        Ok(written)
    }
}

/// The audit's summary row of an import (a CSV file, or one sheet of a workbook): `file: what`, naming the file.
pub(super) fn import_summary(kind: ImportKind, file: &str, what: &str) -> Change {
    Change::new(AuditAction::Import(kind), format!("{file}: {what}")).value("file", None, Some(file.to_string()))
}

/// What one cell of an import asks of the stored value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Cell<T> {
    /// An absent column or an empty cell: the stored value stays.
    #[default]
    Keep,
    /// `-`: the value is cleared (back to its default).
    Clear,
    /// The value is set to this.
    Set(T),
}

impl<T: Clone> Cell<T> {
    /// The value after this cell: the stored one, none, or the new one.
    pub fn apply(&self, stored: Option<T>) -> Option<T> {
        match self {
            Cell::Keep => stored,
            Cell::Clear => None,
            Cell::Set(value) => Some(value.clone()),
        }
    }

    /// The same cell with its value mapped (kept and cleared stay so).
    pub fn map<U>(&self, f: impl FnOnce(&T) -> U) -> Cell<U> {
        match self {
            Cell::Keep => Cell::Keep,
            Cell::Clear => Cell::Clear,
            Cell::Set(value) => Cell::Set(f(value)),
        }
    }
}

impl<'t> Cell<&'t str> {
    /// How a CSV cell reads: empty keeps, `-` clears, any other text sets.
    pub fn of(text: &'t str) -> Cell<&'t str> {
        match text {
            "" => Cell::Keep,
            CLEAR_MARKER => Cell::Clear,
            text => Cell::Set(text),
        }
    }
}

fn text(value: Option<Decimal>) -> Option<String> {
    value.map(|v| v.normalize().to_string())
}

/// A component's entry as stored (the `score` row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entry {
    pub self_score: Option<String>,
    pub appraised: Option<String>,
    pub reason: String,
    pub explanation: String,
    pub applicable: bool,
    pub appraised_by: Option<String>,
    pub awaiting_confirmation: bool,
}

impl Default for Entry {
    fn default() -> Entry {
        Entry {
            self_score: None,
            appraised: None,
            reason: String::new(),
            explanation: String::new(),
            applicable: true,
            appraised_by: None,
            awaiting_confirmation: false,
        }
    }
}

/// One provincial leader's score of a component and its deduction reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LeaderEntry {
    pub score: String,
    pub reason: String,
}

/// What one import row changes in a component's entry (and, with `leader`, in that provincial leader's
/// score of it: then `appraised` and `reason` are the leader's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ScoreChange {
    pub unit: crate::domain::code::UnitCode,
    pub criterion: String,
    pub leader: Option<String>,
    pub self_score: Cell<Decimal>,
    pub appraised: Cell<Decimal>,
    pub reason: Cell<String>,
    pub explanation: Cell<String>,
    pub applicable: Cell<bool>,
}

/// The stored entry (and leader's score) and what the row makes of them.
#[derive(Debug, Clone)]
pub(super) struct Merged {
    /// Whether the component had an entry before the row.
    pub existed: bool,
    /// The stored entry, or the default one when there was none.
    pub before: Entry,
    pub after: Entry,
    pub leader_before: Option<LeaderEntry>,
    pub leader_after: Option<LeaderEntry>,
}

impl Merged {
    pub fn self_score_changed(&self) -> bool {
        self.before.self_score != self.after.self_score
    }

    /// The council's appraised score or its deduction reason changes.
    pub fn appraisal_changed(&self) -> bool {
        self.before.appraised != self.after.appraised || self.before.reason != self.after.reason
    }

    pub fn explanation_changed(&self) -> bool {
        self.before.explanation != self.after.explanation
    }

    pub fn applicable_changed(&self) -> bool {
        self.before.applicable != self.after.applicable
    }

    pub fn leader_changed(&self) -> bool {
        self.leader_before != self.leader_after
    }

    fn entry_changed(&self) -> bool {
        self.before != self.after
    }
}

/// The stored entry of a component, if any.
pub(super) fn read_entry(tx: &rusqlite::Connection, unit: &UnitCode, criterion: &str) -> Result<Option<Entry>> {
    Ok(tx
        .prepare_cached(
            "SELECT self_score, appraised_score, deduction_reason, explanation, applicable, appraised_by, awaiting_confirmation
             FROM score WHERE unit = ?1 AND criterion = ?2",
        )?
        .query_row(params![unit, criterion], |r| {
            Ok(Entry {
                self_score: r.get(0)?,
                appraised: r.get(1)?,
                reason: r.get(2)?,
                explanation: r.get(3)?,
                applicable: r.get(4)?,
                appraised_by: r.get(5)?,
                awaiting_confirmation: r.get(6)?,
            })
        })
        .optional()?)
}

/// Reads what is stored for the row's component and applies the row's cells to it. An appraised score the
/// row changes is recorded as `actor`'s and final; one it leaves keeps who entered it and whether it awaits
/// confirmation.
pub(super) fn merge(tx: &rusqlite::Connection, change: &ScoreChange, actor: &str) -> Result<Merged> {
    let stored = read_entry(tx, &change.unit, &change.criterion)?;
    let existed = stored.is_some();
    let base = stored.unwrap_or_default();
    let number = |cell: &Cell<Decimal>, stored: Option<String>| match cell {
        Cell::Keep => stored,
        cell => text(cell.apply(None)),
    };
    let mut after = Entry {
        self_score: number(&change.self_score, base.self_score.clone()),
        explanation: change.explanation.apply(Some(base.explanation.clone())).unwrap_or_default(),
        applicable: change.applicable.apply(Some(base.applicable)).unwrap_or(true),
        ..base.clone()
    };
    let (mut leader_before, mut leader_after) = (None, None);
    match &change.leader {
        Some(leader) => {
            leader_before = tx
                .prepare_cached(
                    "SELECT score, deduction_reason FROM leader_score WHERE unit = ?1 AND criterion = ?2 AND leader = ?3",
                )?
                .query_row(params![change.unit, change.criterion, leader], |r| {
                    Ok(LeaderEntry { score: r.get(0)?, reason: r.get(1)? })
                })
                .optional()?;
            let score = number(&change.appraised, leader_before.as_ref().map(|l| l.score.clone()));
            let reason = change.reason.apply(leader_before.as_ref().map(|l| l.reason.clone())).unwrap_or_default();
            leader_after = score.map(|score| LeaderEntry { score, reason });
        }
        None => {
            after.appraised = number(&change.appraised, base.appraised.clone());
            after.reason = change.reason.apply(Some(base.reason.clone())).unwrap_or_default();
            if after.appraised != base.appraised || after.reason != base.reason {
                after.appraised_by = after.appraised.as_ref().map(|_| actor.to_string());
                after.awaiting_confirmation = false;
            }
        }
    }
    Ok(Merged { existed, before: base, after, leader_before, leader_after })
}

/// Writes what the merged row changes, with an audit row for each value (old → new). Nothing changed,
/// nothing written: the entry's version goes up only when it changes.
pub(super) fn write_merged(
    tx: &rusqlite::Connection,
    trail: &mut AuditTrail,
    change: &ScoreChange,
    merged: &Merged,
) -> Result<()> {
    let (unit, c) = (&change.unit, change.criterion.as_str());
    if merged.entry_changed() {
        let state = write_entry(tx, unit, c, &merged.after)?;
        let changes = entry_changes(unit, c, merged);
        let last = changes.len() - 1;
        for (n, change) in changes.into_iter().enumerate() {
            let change = if n == last { change.state(state.clone()) } else { change };
            trail.record(tx, change)?;
        }
    }
    if let Some(leader) = &change.leader
        && merged.leader_changed()
    {
        write_leader_score(tx, trail, unit, c, leader, merged)?;
    }
    Ok(())
}

/// The score row as merged, inserted or updated (its version up by one); returns its state for the log.
/// The row is read back by its key rather than with `RETURNING *`, which makes SQLite open and close a
/// temporary table for every row written (a sixth of a 100 000-row import's work).
fn write_entry(tx: &rusqlite::Connection, unit: &UnitCode, c: &str, after: &Entry) -> Result<String> {
    tx.prepare_cached(
        "INSERT INTO score (unit, criterion, self_score, appraised_score, deduction_reason, explanation, applicable,
            appraised_by, awaiting_confirmation)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (unit, criterion) DO UPDATE SET self_score = excluded.self_score,
            appraised_score = excluded.appraised_score, deduction_reason = excluded.deduction_reason,
            explanation = excluded.explanation, applicable = excluded.applicable,
            appraised_by = excluded.appraised_by, awaiting_confirmation = excluded.awaiting_confirmation,
            version = score.version + 1",
    )?
    .execute(params![
        unit,
        c,
        after.self_score,
        after.appraised,
        after.reason,
        after.explanation,
        after.applicable,
        after.appraised_by,
        after.awaiting_confirmation
    ])?;
    Ok(tx
        .prepare_cached("SELECT * FROM score WHERE unit = ?1 AND criterion = ?2")?
        .query_row(params![unit, c], |row| row_state("score", row))?)
}

/// One audit row per value that changed; the caller gives the last one the row as it now is.
fn entry_changes(unit: &UnitCode, c: &str, merged: &Merged) -> Vec<Change> {
    let after = &merged.after;
    let mut changes = Vec::with_capacity(4);
    let before = &merged.before;
    if merged.self_score_changed() {
        let (old, new) = (before.self_score.clone(), after.self_score.clone());
        let detail = format!("{unit} {c}: self-score {} → {}", show(old.as_deref()), show(new.as_deref()));
        changes.push(Change::new(AuditAction::SelfScore, detail).on(unit, Some(c)).value("self_score", old, new));
    }
    if merged.appraisal_changed() {
        let (old, new) = (before.appraised.clone(), after.appraised.clone());
        let detail = format!("{unit} {c}: appraised {} → {}", show(old.as_deref()), show(new.as_deref()));
        let change = Change::new(AuditAction::Appraisal(AppraisalTransition::Appraise), detail)
            .on(unit, Some(c))
            .value("appraised_score", old, new);
        changes.push(change.because(&after.reason));
    }
    if merged.explanation_changed() {
        let detail = format!("{unit} {c}: explanation changed");
        let change = Change::new(AuditAction::Explanation, detail).on(unit, Some(c)).value(
            "explanation",
            merged.existed.then(|| before.explanation.clone()),
            Some(after.explanation.clone()),
        );
        changes.push(change);
    }
    if merged.applicable_changed() {
        let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
        let detail = format!("{unit} {c}: applicable {} → {}", yes_no(before.applicable), yes_no(after.applicable));
        let change = Change::new(AuditAction::Applicable, detail).on(unit, Some(c)).value(
            "applicable",
            Some(yes_no(before.applicable)),
            Some(yes_no(after.applicable)),
        );
        changes.push(change);
    }
    if changes.is_empty() {
        // Only who entered the score, or whether it awaits confirmation, changed.
        changes.push(
            Change::new(AuditAction::Appraisal(AppraisalTransition::Appraise), format!("{unit} {c}: entry updated"))
                .on(unit, Some(c)),
        );
    }
    changes
}

/// A provincial leader's score written or removed, audited with its reason.
fn write_leader_score(
    tx: &rusqlite::Connection,
    trail: &mut AuditTrail,
    unit: &UnitCode,
    c: &str,
    leader: &str,
    merged: &Merged,
) -> Result<()> {
    let state = match &merged.leader_after {
        Some(entry) => tx.prepare_cached(
            "INSERT INTO leader_score (unit, criterion, leader, score, deduction_reason) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (unit, criterion, leader) DO UPDATE SET score = excluded.score, deduction_reason = excluded.deduction_reason
             RETURNING *",
        )?
        .query_row(params![unit, c, leader, entry.score, entry.reason], |row| row_state("leader_score", row))?,
        None => {
            tx.prepare_cached("DELETE FROM leader_score WHERE unit = ?1 AND criterion = ?2 AND leader = ?3")?
                .execute(params![unit, c, leader])?;
            removed_row("leader_score", &text_key(&[unit, c, leader]))
        }
    };
    let old = merged.leader_before.as_ref().map(|l| l.score.clone());
    let new = merged.leader_after.as_ref().map(|l| l.score.clone());
    let reason = merged.leader_after.as_ref().map(|l| l.reason.clone()).unwrap_or_default();
    let detail = format!("leader {leader}: {unit} {c} {} → {}", show(old.as_deref()), show(new.as_deref()));
    let change = Change::new(AuditAction::LeaderScore, detail).on(unit, Some(c)).value(
        &format!("leader_score:{leader}"),
        old,
        new,
    );
    trail.record(tx, change.because(&reason).state(state))?;
    Ok(())
}

/// Writes one fact of a unit (None: clears it, so its default applies) and returns the record of the row it leaves.
pub(super) fn write_fact(
    tx: &rusqlite::Connection,
    unit: &UnitCode,
    name: &str,
    value: Option<&str>,
) -> Result<String> {
    Ok(match value {
        Some(value) => tx
            .prepare_cached("INSERT OR REPLACE INTO fact (unit, name, value) VALUES (?1, ?2, ?3) RETURNING *")?
            .query_row(params![unit, name, value], |row| row_state("fact", row))?,
        None => {
            tx.prepare_cached("DELETE FROM fact WHERE unit = ?1 AND name = ?2")?.execute(params![unit, name])?;
            removed_row("fact", &text_key(&[unit, name]))
        }
    })
}

/// Writes one generated score row as it is (the demo generator; audited as one `seed` row).
pub(super) fn write_score(tx: &rusqlite::Connection, row: &ScoreRow, actor: &str) -> Result<()> {
    match &row.leader {
        Some(leader) => {
            if let Some(score) = text(row.appraised) {
                tx.prepare_cached("INSERT OR REPLACE INTO leader_score (unit, criterion, leader, score, deduction_reason) VALUES (?1, ?2, ?3, ?4, ?5)")?
                    .execute(params![row.unit, row.criterion, leader, score, row.reason])?;
            }
            if row.self_score.is_some() {
                tx.prepare_cached(
                    "INSERT INTO score (unit, criterion, self_score) VALUES (?1, ?2, ?3)
                     ON CONFLICT (unit, criterion) DO UPDATE SET self_score = excluded.self_score, version = score.version + 1",
                )?
                .execute(params![row.unit, row.criterion, text(row.self_score)])?;
            }
        }
        None => {
            let appraised_by = row.appraised.map(|_| actor);
            tx.prepare_cached(
                "INSERT INTO score (unit, criterion, self_score, appraised_score, deduction_reason, explanation, applicable, appraised_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (unit, criterion) DO UPDATE SET self_score = excluded.self_score,
                    appraised_score = excluded.appraised_score, deduction_reason = excluded.deduction_reason,
                    explanation = excluded.explanation, applicable = excluded.applicable,
                    appraised_by = excluded.appraised_by, awaiting_confirmation = 0, version = score.version + 1",
            )?
            .execute(params![
                row.unit,
                row.criterion,
                text(row.self_score),
                text(row.appraised),
                row.reason,
                row.explanation,
                row.applicable,
                appraised_by
            ])?;
        }
    }
    Ok(())
}

fn show(value: Option<&str>) -> &str {
    value.unwrap_or("—")
}

/// Writes one evidence row and its audit row (naming the title and date it replaces, if any). `permit` is asked
/// only when the row changes what is stored: a document already recorded as it is is not a write.
pub(super) fn write_evidence_audited(
    tx: &rusqlite::Connection,
    trail: &mut AuditTrail,
    row: &EvidenceRow,
    permit: impl FnOnce() -> Result<()>,
) -> Result<()> {
    let old: Option<String> = tx
        .prepare_cached("SELECT title || ' (' || issued_on || ')' FROM evidence WHERE unit = ?1 AND criterion = ?2 AND reference = ?3")?
        .query_row(params![row.unit, row.criterion, row.reference], |r| r.get(0))
        .optional()?;
    let new = format!("{} ({})", row.title, row.issued_on);
    if old.as_ref() == Some(&new) {
        return Ok(());
    }
    permit()?;
    let state = tx
        .prepare_cached(
            "INSERT INTO evidence (unit, criterion, reference, title, issued_on) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (unit, criterion, reference) DO UPDATE SET title = excluded.title, issued_on = excluded.issued_on
             RETURNING *",
        )?
        .query_row(params![row.unit, row.criterion, row.reference, row.title, row.issued_on], |r| {
            row_state("evidence", r)
        })?;
    let detail = format!("{} {}: evidence {} — {new}", row.unit, row.criterion, row.reference);
    let change = Change::new(AuditAction::Evidence, detail).on(&row.unit, Some(&row.criterion)).value(
        &format!("evidence:{}", row.reference),
        old,
        Some(new),
    );
    Ok(trail.record(tx, change.state(state))?)
}

pub(super) fn write_evidence(tx: &rusqlite::Connection, row: &EvidenceRow) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO evidence (unit, criterion, reference, title, issued_on) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (unit, criterion, reference) DO UPDATE SET title = excluded.title, issued_on = excluded.issued_on",
    )?
    .execute(params![row.unit, row.criterion, row.reference, row.title, row.issued_on])?;
    Ok(())
}

/// The rules of SPEC (Scores) on what a component holds once an import row is merged into its stored entry:
/// a not-applicable component carries no scores; an appraised score below max, or different from the
/// self-score, needs a deduction reason. Checked where the row changes a value the rule reads, so a row that
/// only adds an explanation is not refused for what was stored before. A refusal names `at`: the import's line,
/// or the unit's form.
pub(super) fn check_merged(
    at: &RowPlace,
    regulation: &Regulation,
    place: &ComponentPlace<'_>,
    change: &ScoreChange,
    merged: &Merged,
    by_unit: bool,
) -> Result<()> {
    let (unit, code) = (change.unit.clone(), change.criterion.clone());
    let after = &merged.after;
    let scores_touched = merged.self_score_changed()
        || merged.appraisal_changed()
        || merged.leader_changed()
        || merged.applicable_changed();
    if !after.applicable && scores_touched {
        let mut scores = Vec::new();
        if let Some(score) = &after.self_score {
            scores.push(HeldScore::SelfScore(score.clone()));
        }
        // A unit's focal person is never told what the council holds: its own score is the only one named.
        if let (Some(score), false) = (&after.appraised, by_unit) {
            scores.push(HeldScore::Appraised(score.clone()));
        }
        if let (Some(leader), false) = (&merged.leader_after, by_unit) {
            scores.push(HeldScore::Leader(leader.score.clone(), regulation.leaders_name.clone()));
        }
        if !scores.is_empty() {
            return Err(RowFault::NotApplicableHolds { unit, code, scores }.at(at.clone(), None));
        }
    }
    let decimal = |text: &str| Decimal::from_str(text).ok();
    let self_score = after.self_score.as_deref().and_then(decimal);
    // An appraisal that needs a reason once the self-score moves is the council's to settle, not the unit's refusal
    // (`domain::appraisal::self_assessment_against_appraisal`, the one rule of the form, the CSV and the sheet).
    let judged = match (&change.leader, &merged.leader_after) {
        (Some(_), Some(leader)) if merged.leader_changed() || merged.self_score_changed() => {
            decimal(&leader.score).map(|score| (score, leader.reason.as_str()))
        }
        (None, _) if merged.appraisal_changed() || merged.self_score_changed() => {
            after.appraised.as_deref().and_then(decimal).map(|score| (score, after.reason.as_str()))
        }
        _ => None,
    };
    self_assessment_against_appraisal(by_unit, place.component.max, self_score, judged).map_err(|why| {
        RowFault::ReasonNeeded { unit: unit.clone(), code: code.clone(), why }.at(at.clone(), Some("reason"))
    })?;
    // Group I of 2610 (Điều 6.2.b): the leaders score it; the unit's self-assessment does not reach it.
    if place.criterion.scored_by_leaders && merged.self_score_changed() && self_score.is_some() {
        let leaders = regulation.leaders_name.clone();
        return Err(RowFault::SelfScoreByLeaders { unit, code, leaders }.at(at.clone(), Some("self_score")));
    }
    // Điều 4.2 of 453: the unit's own deduction needs its explanation, on what the component will hold.
    if after.applicable && (merged.self_score_changed() || change.explanation != Cell::Keep) {
        regulation
            .self_assessment
            .check(place.component.max, self_score, &after.explanation)
            .map_err(|why| RowFault::ExplanationMissing { unit, code, why }.at(at.clone(), Some("explanation")))?;
    }
    Ok(())
}
