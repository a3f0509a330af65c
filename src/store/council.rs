//! Writes made from the interface besides appraisals: a unit's facts, a grade override, a co-assigned agency's comment.

use super::audit::{AuditAction, Change};
use super::error::{Result, StoreError};
use super::state::{removed_row, row_state, text_key};
use super::write::write_fact;
use super::{Store, audit_one};
use crate::domain::code::UnitCode;
use crate::domain::evaluate::evaluate_unit;
use crate::domain::facts::{FactValue, Facts, check_facts};
use crate::domain::grades::Grade;
use crate::domain::permissions::{CouncilWrite, may_comment};
use crate::domain::regulation::Regulation;
use crate::store::{Refused, Subject, TextField};
use rusqlite::{OptionalExtension, params};

/// A remark of a co-assigned agency on one component of one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentRow {
    /// The unit's code.
    pub unit: crate::domain::code::UnitCode,
    /// The component's code.
    pub criterion: String,
    /// The co-assigned agency that wrote it.
    pub agency: String,
    /// The remark.
    pub text: String,
    /// When it was written, UTC as the store keeps times.
    pub at: String,
}

impl Store {
    /// Records a comment by this session's member, whose agency is named on a shared component after the leading one.
    pub fn add_comment(&mut self, unit: &UnitCode, component: &str, text: &str) -> Result<()> {
        let (_, place) = self.component_of(unit, component)?;
        may_comment(&self.actor, &place, unit)?;
        let agency = self.actor.agency.clone().unwrap_or_default();
        let text =
            &*super::required(text, TextField::Comment, &Subject::Item { unit: unit.into(), item: component.into() })?;
        let tx = self.write_transaction()?;
        let state = tx.query_row(
            "INSERT INTO comment (unit, criterion, agency, text, at) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING *",
            params![unit, component, agency, text.trim(), self.clock.stored_now_seconds()],
            |row| row_state("comment", row),
        )?;
        let change = Change::new(AuditAction::Comment, format!("{unit} {component} ({agency}): {}", text.trim()))
            .on(unit, Some(component))
            .value("comment", None, Some(text.trim().to_string()))
            .state(state);
        audit_one(&tx, &self.actor, self.clock, change)?;
        tx.commit()?;
        Ok(())
    }

    /// Every comment, oldest first.
    pub fn comments(&self) -> Result<Vec<CommentRow>> {
        let mut statement = self.conn.prepare("SELECT unit, criterion, agency, text, at FROM comment ORDER BY id")?;
        let rows = statement.query_map([], |row| {
            Ok(CommentRow {
                unit: row.get(0)?,
                criterion: row.get(1)?,
                agency: row.get(2)?,
                text: row.get(3)?,
                at: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a unit's facts (discipline, outstanding, …) in one transaction.
    pub fn save_facts(&mut self, unit: &UnitCode, facts: &[(String, FactValue)]) -> Result<()> {
        self.permit(CouncilWrite::Facts)?;
        let (bloc, _) = self.unit_place(unit)?;
        self.check_not_frozen(&bloc, Subject::Unit(unit.into()))?;
        for (name, value) in facts {
            let definition = self
                .regulation
                .fact(name)
                .ok_or_else(|| StoreError::from(Refused::UnknownFact { unit: unit.into(), fact: name.clone() }))?;
            definition
                .parse_value(&value.to_string())
                .map_err(|why| Refused::BadFactValue { unit: unit.into(), why })?;
        }
        let tx = self.write_transaction()?;
        let mut trail = self.audit_trail(&tx)?;
        for (name, value) in facts {
            let old: Option<String> = tx
                .query_row("SELECT value FROM fact WHERE unit = ?1 AND name = ?2", params![unit, name], |r| r.get(0))
                .optional()?;
            // Unchanged, or a fact never recorded left at its default: nothing to write.
            let default = self.regulation.fact(name).map(crate::domain::facts::FactDefinition::default_value);
            if old.as_deref() == Some(value.to_string().as_str()) || (old.is_none() && default.as_ref() == Some(value))
            {
                continue;
            }
            let state = write_fact(&tx, unit, name, Some(&value.to_string()))?;
            let detail = format!("{unit} {name}: {} → {value}", old.as_deref().unwrap_or("—"));
            let change =
                Change::new(AuditAction::Fact, detail).on(unit, None).value(name, old, Some(value.to_string()));
            trail.record(&tx, change.state(state))?;
        }
        check_stored_facts(&tx, &self.regulation, unit)?;
        tx.commit()?;
        Ok(())
    }

    /// Overrides the proposed grade of one criterion; the reason is required and audited.
    pub fn override_grade(&mut self, unit: &UnitCode, criterion: &str, grade: Grade, reason: &str) -> Result<()> {
        self.permit(CouncilWrite::OverrideGrade)?;
        let (bloc, group) = self.unit_place(unit)?;
        self.check_not_frozen(&bloc, Subject::Unit(unit.into()))?;
        if self.regulation.grades.is_none() {
            return Err(StoreError::from(Refused::NoGrades { regulation: self.regulation.id.clone() }));
        }
        let known =
            self.regulation.framework_for(&bloc, group.as_deref()).is_some_and(|f| f.criterion(criterion).is_some());
        if !known {
            return Err(StoreError::from(Refused::NotACriterion {
                unit: unit.into(),
                criterion: criterion.to_string(),
            }));
        }
        let reason = &*super::required(
            reason,
            TextField::OverrideReason,
            &Subject::Item { unit: unit.into(), item: criterion.into() },
        )?;
        // An override equal to the proposed grade would change nothing and hide the proposal: it is refused.
        let proposed = self.proposed_grade(unit, criterion)?;
        if proposed == Some(grade) {
            return Err(StoreError::from(Refused::OverrideIsProposed {
                unit: unit.into(),
                criterion: criterion.to_string(),
                grade: grade.to_string(),
            }));
        }
        let tx = self.write_transaction()?;
        write_grade_override(&tx, &mut self.audit_trail(&tx)?, unit, criterion, grade, reason.trim())?;
        tx.commit()?;
        Ok(())
    }

    /// Removes the override of one criterion's grade (the proposed grade applies again); the reason is required
    /// and audited with the row removed.
    pub fn remove_grade_override(&mut self, unit: &UnitCode, criterion: &str, reason: &str) -> Result<()> {
        self.permit(CouncilWrite::OverrideGrade)?;
        let (bloc, _) = self.unit_place(unit)?;
        self.check_not_frozen(&bloc, Subject::Unit(unit.into()))?;
        let reason = &*super::required(
            reason,
            TextField::RemoveOverrideReason,
            &Subject::Item { unit: unit.into(), item: criterion.into() },
        )?;
        let tx = self.write_transaction()?;
        let exists: Option<String> = tx
            .query_row(
                "SELECT grade FROM grade_override WHERE unit = ?1 AND criterion = ?2",
                params![unit, criterion],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_none() {
            return Err(StoreError::from(Refused::NoOverride { unit: unit.into(), criterion: criterion.to_string() }));
        }
        remove_grade_override(&tx, &mut self.audit_trail(&tx)?, unit, criterion, reason.trim())?;
        tx.commit()?;
        Ok(())
    }

    /// The form's rules for an override, on every path (the import too): a reason that shows something, and a
    /// grade other than the proposed one.
    pub(super) fn check_override(&self, unit: &UnitCode, criterion: &str, grade: Grade, reason: &str) -> Result<()> {
        super::required(
            reason,
            TextField::OverrideReason,
            &Subject::Item { unit: unit.into(), item: criterion.into() },
        )?;
        if self.proposed_grade(unit, criterion)? == Some(grade) {
            return Err(StoreError::from(Refused::OverrideIsProposed {
                unit: unit.into(),
                criterion: criterion.to_string(),
                grade: grade.to_string(),
            }));
        }
        Ok(())
    }

    /// The grade a criterion's appraised sum proposes (None while it cannot be proposed).
    fn proposed_grade(&self, unit: &UnitCode, criterion: &str) -> Result<Option<Grade>> {
        let record =
            self.load_unit(unit)?.ok_or_else(|| StoreError::from(Refused::UnknownUnit { unit: unit.to_string() }))?;
        Ok(evaluate_unit(&self.regulation, &record)
            .and_then(|evaluation| evaluation.score.criterion(criterion).and_then(|c| c.proposed_grade)))
    }
}

/// Checks, inside a write transaction and before it commits, that a unit's facts as now stored hold together
/// (a count at most another, `facts::check_facts`); every path that writes facts calls it, so a refusal rolls
/// the whole write back.
pub(super) fn check_stored_facts(tx: &rusqlite::Connection, regulation: &Regulation, unit: &UnitCode) -> Result<()> {
    let mut facts = Facts::new();
    let mut statement = tx.prepare_cached("SELECT name, value FROM fact WHERE unit = ?1")?;
    let mut rows = statement.query([unit])?;
    while let Some(row) = rows.next()? {
        let name: String = row.get(0)?;
        let value: String = row.get(1)?;
        if let Some(value) = regulation.fact(&name).and_then(|definition| definition.parse_value(&value).ok()) {
            facts.insert(name, value);
        }
    }
    check_facts(&regulation.facts, &facts)
        .map_err(|why| StoreError::from(Refused::FactsInconsistent { unit: unit.into(), why }))
}

/// Writes one grade override and its audit row, naming the grade it replaces.
pub(super) fn write_grade_override(
    tx: &rusqlite::Connection,
    trail: &mut super::audit::AuditTrail,
    unit: &UnitCode,
    criterion: &str,
    grade: Grade,
    reason: &str,
) -> Result<()> {
    let old = stored_override(tx, unit, criterion)?;
    let state = tx
        .prepare_cached(
            "INSERT OR REPLACE INTO grade_override (unit, criterion, grade, reason) VALUES (?1, ?2, ?3, ?4) RETURNING *",
        )?
        .query_row(params![unit, criterion, grade.slug(), reason], |row| row_state("grade_override", row))?;
    let change = Change::new(AuditAction::OverrideGrade, format!("{unit} {criterion} → {grade}: {reason}"))
        .on(unit, Some(criterion))
        .value("grade", old, Some(grade.slug().to_string()))
        .because(reason)
        .state(state);
    Ok(trail.record(tx, change)?)
}

/// The grade a criterion's override holds now, if any.
fn stored_override(tx: &rusqlite::Connection, unit: &UnitCode, criterion: &str) -> Result<Option<String>> {
    Ok(tx
        .prepare_cached("SELECT grade FROM grade_override WHERE unit = ?1 AND criterion = ?2")?
        .query_row(params![unit, criterion], |r| r.get(0))
        .optional()?)
}

/// Removes one grade override (the proposed grade applies again) and its audit row, naming the grade it removes.
pub(super) fn remove_grade_override(
    tx: &rusqlite::Connection,
    trail: &mut super::audit::AuditTrail,
    unit: &UnitCode,
    criterion: &str,
    reason: &str,
) -> Result<()> {
    let old = stored_override(tx, unit, criterion)?;
    tx.prepare_cached("DELETE FROM grade_override WHERE unit = ?1 AND criterion = ?2")?
        .execute(params![unit, criterion])?;
    let change = Change::new(
        AuditAction::OverrideGrade,
        format!("{unit} {criterion}: override {} removed; the proposed grade applies", old.as_deref().unwrap_or("—")),
    )
    .on(unit, Some(criterion))
    .value("grade", old, None)
    .because(reason)
    .state(removed_row("grade_override", &text_key(&[unit, criterion])));
    Ok(trail.record(tx, change)?)
}
