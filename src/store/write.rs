//! Writing score and evidence rows, with an audit row for each value that changes (old → new):
//! shared by the CSV imports, the sheet import and the demo generator.

use super::audit::{AuditTrail, Change};
use super::error::Result;
use super::import::{EvidenceRow, ScoreRow};
use rusqlite::{OptionalExtension, params};
use rust_decimal::Decimal;

fn text(value: Option<Decimal>) -> Option<String> {
    value.map(|v| v.normalize().to_string())
}

/// Writes one score row: a leader's score, or the unit's whole entry for the component.
/// The entry's version goes up by one; an appraised score written here is final (no confirmation awaited).
pub(super) fn write_score(tx: &rusqlite::Connection, row: &ScoreRow, actor: &str) -> Result<()> {
    match &row.leader {
        Some(leader) => {
            match text(row.appraised) {
                Some(score) => tx.prepare_cached("INSERT OR REPLACE INTO leader_score (unit, criterion, leader, score, deduction_reason) VALUES (?1, ?2, ?3, ?4, ?5)")?.execute(params![row.unit, row.criterion, leader, score, row.reason])?,
                None => tx.prepare_cached("DELETE FROM leader_score WHERE unit = ?1 AND criterion = ?2 AND leader = ?3")?.execute(params![row.unit, row.criterion, leader])?,
            };
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

/// What a score row held before an import replaced it.
#[derive(Default)]
struct Before {
    self_score: Option<String>,
    appraised: Option<String>,
    reason: String,
    explanation: String,
    applicable: bool,
}

/// Writes one score row and appends an audit row for each value it changes (old → new).
pub(super) fn write_score_audited(
    tx: &rusqlite::Connection,
    trail: &mut AuditTrail,
    actor: &str,
    row: &ScoreRow,
) -> Result<()> {
    let (unit, code) = (row.unit.as_str(), Some(row.criterion.as_str()));
    if let Some(leader) = &row.leader {
        let old: Option<String> = tx
            .prepare_cached("SELECT score FROM leader_score WHERE unit = ?1 AND criterion = ?2 AND leader = ?3")?
            .query_row(params![row.unit, row.criterion, leader], |r| r.get(0))
            .optional()?;
        let new = text(row.appraised);
        let old_self: Option<String> = match row.self_score {
            Some(_) => tx
                .prepare_cached("SELECT self_score FROM score WHERE unit = ?1 AND criterion = ?2")?
                .query_row(params![row.unit, row.criterion], |r| r.get(0))
                .optional()?
                .flatten(),
            None => None,
        };
        write_score(tx, row, actor)?;
        if row.self_score.is_some() && old_self != text(row.self_score) {
            let new_self = text(row.self_score);
            let detail = format!("{unit} {}: self-score {} → {}", row.criterion, show(&old_self), show(&new_self));
            trail
                .record(tx, Change::new("self-score", detail).on(unit, code).value("self_score", old_self, new_self))?;
        }
        if old != new {
            let detail = format!("leader {leader}: {unit} {} {} → {}", row.criterion, show(&old), show(&new));
            let change =
                Change::new("leader score", detail).on(unit, code).value(&format!("leader_score:{leader}"), old, new);
            trail.record(tx, change.because(&row.reason))?;
        }
        return Ok(());
    }
    let before = tx
        .prepare_cached(
            "SELECT self_score, appraised_score, deduction_reason, explanation, applicable FROM score WHERE unit = ?1 AND criterion = ?2",
        )?
        .query_row(params![row.unit, row.criterion], |r| {
            Ok(Before {
                self_score: r.get(0)?,
                appraised: r.get(1)?,
                reason: r.get(2)?,
                explanation: r.get(3)?,
                applicable: r.get(4)?,
            })
        })
        .optional()?;
    let existed = before.is_some();
    let before = before.unwrap_or(Before { applicable: true, ..Before::default() });
    write_score(tx, row, actor)?;
    let (self_score, appraised) = (text(row.self_score), text(row.appraised));
    let c = &row.criterion;
    if before.self_score != self_score {
        let detail = format!("{unit} {c}: self-score {} → {}", show(&before.self_score), show(&self_score));
        trail.record(
            tx,
            Change::new("self-score", detail).on(unit, code).value("self_score", before.self_score, self_score),
        )?;
    }
    if before.appraised != appraised || before.reason != row.reason {
        let detail = format!("{unit} {c}: appraised {} → {}", show(&before.appraised), show(&appraised));
        let change =
            Change::new("appraise", detail).on(unit, code).value("appraised_score", before.appraised, appraised);
        trail.record(tx, change.because(&row.reason))?;
    }
    if before.explanation != row.explanation {
        let detail = format!("{unit} {c}: explanation changed");
        let change = Change::new("explanation", detail).on(unit, code).value(
            "explanation",
            existed.then_some(before.explanation),
            Some(row.explanation.clone()),
        );
        trail.record(tx, change)?;
    }
    if before.applicable != row.applicable {
        let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
        let detail = format!("{unit} {c}: applicable {} → {}", yes_no(before.applicable), yes_no(row.applicable));
        let change = Change::new("applicable", detail).on(unit, code).value(
            "applicable",
            Some(yes_no(before.applicable)),
            Some(yes_no(row.applicable)),
        );
        trail.record(tx, change)?;
    }
    Ok(())
}

fn show(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("—")
}

/// Writes one evidence row and its audit row (naming the title and date it replaces, if any).
pub(super) fn write_evidence_audited(
    tx: &rusqlite::Connection,
    trail: &mut AuditTrail,
    row: &EvidenceRow,
) -> Result<()> {
    let old: Option<String> = tx
        .prepare_cached("SELECT title || ' (' || issued_on || ')' FROM evidence WHERE unit = ?1 AND criterion = ?2 AND reference = ?3")?
        .query_row(params![row.unit, row.criterion, row.reference], |r| r.get(0))
        .optional()?;
    let new = format!("{} ({})", row.title, row.issued_on);
    if old.as_ref() == Some(&new) {
        return Ok(());
    }
    write_evidence(tx, row)?;
    let detail = format!("{} {}: evidence {} — {new}", row.unit, row.criterion, row.reference);
    let change = Change::new("evidence", detail).on(&row.unit, Some(&row.criterion)).value(
        &format!("evidence:{}", row.reference),
        old,
        Some(new),
    );
    trail.record(tx, change)
}

pub(super) fn write_evidence(tx: &rusqlite::Connection, row: &EvidenceRow) -> Result<()> {
    tx.prepare_cached(
        "INSERT OR REPLACE INTO evidence (unit, criterion, reference, title, issued_on) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![row.unit, row.criterion, row.reference, row.title, row.issued_on])?;
    Ok(())
}
