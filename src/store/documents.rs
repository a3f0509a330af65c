//! A unit's evidence documents (*tài liệu kiểm chứng*): the one check of a document on every path (CSV, the
//! unit's own form), and adding or removing one document as the unit's self-assessment.

use super::Store;
use super::audit::Change;
use super::error::{Result, StoreError};
use super::import::{EvidenceRow, parse_date};
use super::state::{removed_row, text_key};
use super::write::write_evidence_audited;
use crate::domain::framework::Framework;
use crate::store::{AuditAction, Refused, RowFault, RowPlace, Subject, TextField};
use rusqlite::{OptionalExtension, params};

/// Checks one document of unit `unit` filed under `code` (a criterion or component of its framework): a title, a
/// reference (*số, ký hiệu*, or a link) and a date (`DATE_RULE`). A refusal names `at` (the import's line, or
/// the unit's form), its column, and says why.
pub(super) fn check_document(
    at: &RowPlace,
    framework: &Framework,
    unit: &str,
    code: &str,
    title: &str,
    reference: &str,
    date: &str,
) -> Result<EvidenceRow> {
    let (unit_code, criterion) = (unit.to_string(), code.to_string());
    let refuse = |column: &str, fault: RowFault| Err(fault.at(at.clone(), Some(column)));
    if framework.component(code).is_none() && framework.criterion(code).is_none() {
        return refuse("criterion", RowFault::NoCriterion { unit: unit_code, code: criterion });
    }
    if title.is_empty() {
        return refuse("title", RowFault::NoTitle { unit: unit_code, code: criterion });
    }
    if reference.is_empty() {
        return refuse("reference", RowFault::NoReference { unit: unit_code, code: criterion });
    }
    let Some(issued_on) = parse_date(date) else {
        return refuse("date", RowFault::NotADate { unit: unit_code, code: criterion, value: date.to_string() });
    };
    Ok(EvidenceRow {
        unit: unit.to_string(),
        criterion: code.to_string(),
        reference: reference.to_string(),
        title: title.to_string(),
        issued_on,
    })
}

/// A document as a person typed it in a form: each text cleaned as every path cleans it.
fn typed(text: &str, field: TextField, at: &Subject) -> Result<String> {
    crate::domain::validate::clean_line(text)
        .map_err(|why| StoreError::from(Refused::BadText { field, at: at.clone(), why }))
}

impl Store {
    /// Adds (or replaces, by its reference) one document of a unit's self-assessment, checked as the CSV import
    /// checks it. A unit's focal person: only its own unit, only before submission. One transaction, audited.
    pub fn add_document(&mut self, unit: &str, code: &str, title: &str, reference: &str, date: &str) -> Result<()> {
        let place = Subject::Item { unit: unit.to_string(), item: code.to_string() };
        let (title, reference) =
            (typed(title, TextField::DocumentTitle, &place)?, typed(reference, TextField::DocumentReference, &place)?);
        let (bloc, group) = self.unit_place(unit)?;
        let framework = self
            .regulation
            .framework_for(&bloc, group.as_deref())
            .ok_or_else(|| Refused::NoFramework { unit: unit.to_string() })?;
        let row = check_document(&RowPlace::Form, framework, unit, code, &title, &reference, date)?;
        self.check_not_frozen(&bloc, Subject::Unit(unit.to_string()))?;
        let tx = self.write_transaction()?;
        self.permit_self_assessment(unit)?;
        let mut trail = self.audit_trail(&tx)?;
        write_evidence_audited(&tx, &mut trail, &row, || Ok(()))?;
        tx.commit()?;
        Ok(())
    }

    /// Removes one document of a unit's self-assessment (by criterion and reference). Same rights as adding one.
    pub fn remove_document(&mut self, unit: &str, code: &str, reference: &str) -> Result<()> {
        let (bloc, _) = self.unit_place(unit)?;
        self.check_not_frozen(&bloc, Subject::Unit(unit.to_string()))?;
        let tx = self.write_transaction()?;
        self.permit_self_assessment(unit)?;
        let old: Option<String> = tx
            .query_row(
                "SELECT title || ' (' || issued_on || ')' FROM evidence WHERE unit = ?1 AND criterion = ?2 AND reference = ?3",
                params![unit, code, reference],
                |r| r.get(0),
            )
            .optional()?;
        let Some(old) = old else {
            return Err(Refused::NoSuchDocument {
                unit: unit.to_string(),
                component: code.to_string(),
                reference: reference.to_string(),
            }
            .into());
        };
        tx.execute(
            "DELETE FROM evidence WHERE unit = ?1 AND criterion = ?2 AND reference = ?3",
            params![unit, code, reference],
        )?;
        let change = Change::new(AuditAction::Evidence, format!("{unit} {code}: evidence {reference} removed — {old}"))
            .on(unit, Some(code))
            .value(&format!("evidence:{reference}"), Some(old), None)
            .state(removed_row("evidence", &text_key(&[unit, code, reference])));
        self.audit_trail(&tx)?.record(&tx, change)?;
        tx.commit()?;
        Ok(())
    }
}
