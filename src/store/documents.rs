//! A unit's evidence documents (*tài liệu kiểm chứng*): the one check of a document on every path (CSV, the
//! unit's own form), and adding or removing one document as the unit's self-assessment.

use super::Store;
use super::audit::Change;
use super::dates::parse_date;
use super::error::{Result, StoreError};
use super::rows::EvidenceRow;
use super::state::{removed_row, text_key};
use super::write::write_evidence_audited;
use crate::domain::code::UnitCode;
use crate::domain::framework::Framework;
use crate::store::{AuditAction, Refused, RowFault, RowPlace, Subject, TextField};
use rusqlite::{OptionalExtension, params};

/// Checks one document of unit `unit` filed under `code` (a criterion or component of its framework): a title, a
/// reference (*số, ký hiệu*, or a link) and a date (`DATE_RULE`). A refusal names `at` (the import's line, or
/// the unit's form), its column, and says why.
pub(super) fn check_document(
    at: &RowPlace,
    framework: &Framework,
    unit: &UnitCode,
    code: &str,
    title: &str,
    reference: &str,
    date: &str,
) -> Result<EvidenceRow> {
    let (unit_code, criterion) = (unit.to_string(), code.to_string());
    let refuse = |column: &str, fault: RowFault| Err(fault.at(at.clone(), Some(column)));
    if framework.component(code).is_none() && framework.criterion(code).is_none() {
        return refuse("criterion", RowFault::NoCriterion { unit: unit_code.into(), code: criterion });
    }
    if title.is_empty() {
        return refuse("title", RowFault::NoTitle { unit: unit_code.into(), code: criterion });
    }
    if reference.is_empty() {
        return refuse("reference", RowFault::NoReference { unit: unit_code.into(), code: criterion });
    }
    let Some(issued_on) = parse_date(date) else {
        return refuse("date", RowFault::NotADate { unit: unit_code.into(), code: criterion, value: date.to_string() });
    };
    Ok(EvidenceRow {
        unit: unit.into(),
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
    pub fn add_document(
        &mut self,
        unit: &UnitCode,
        code: &str,
        title: &str,
        reference: &str,
        date: &str,
    ) -> Result<()> {
        let row = self.file_document_row(unit, code, title, reference, date)?;
        let (bloc, _) = self.unit_place(unit)?;
        self.check_not_frozen(&bloc, Subject::Unit(unit.into()))?;
        let tx = self.write_transaction()?;
        self.permit_self_assessment(unit)?;
        let mut trail = self.audit_trail(&tx)?;
        write_evidence_audited(&tx, &mut trail, &row, || Ok(()))?;
        tx.commit()?;
        Ok(())
    }

    /// Removes one document of a unit's self-assessment (by criterion and reference). Same rights as adding one.
    pub fn remove_document(&mut self, unit: &UnitCode, code: &str, reference: &str) -> Result<()> {
        let (bloc, _) = self.unit_place(unit)?;
        self.check_not_frozen(&bloc, Subject::Unit(unit.into()))?;
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
                unit: unit.into(),
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

impl Store {
    /// Checks a file's number, date and title by the rules of a typed document (text cleaned, `DATE_RULE`), in
    /// the file's criterion folder; nothing is written.
    pub fn check_file_document(
        &self,
        unit: &UnitCode,
        folder: &str,
        title: &str,
        reference: &str,
        date: &str,
    ) -> Result<()> {
        self.file_document_row(unit, folder, title, reference, date).map(|_| ())
    }

    /// One document of `unit`'s `folder` (a component's code), checked as a typed one: its text, its date, its place.
    fn file_document_row(
        &self,
        unit: &UnitCode,
        folder: &str,
        title: &str,
        reference: &str,
        date: &str,
    ) -> Result<EvidenceRow> {
        let place = Subject::Item { unit: unit.into(), item: folder.to_string() };
        let (title, reference) =
            (typed(title, TextField::DocumentTitle, &place)?, typed(reference, TextField::DocumentReference, &place)?);
        let (bloc, group) = self.unit_place(unit)?;
        let framework = self
            .regulation
            .framework_for(&bloc, group.as_deref())
            .ok_or_else(|| Refused::NoFramework { unit: unit.into() })?;
        check_document(&RowPlace::Form, framework, unit, folder, &title, &reference, date)
    }

    /// Gives an uploaded file (by its id: a current version) its number, date and title: it becomes a document of
    /// its criterion (an evidence row linked to it; a typed row of the same number gets this file). Given again,
    /// the document is changed (a new number moves it). Same rights as a typed document; one transaction, audited.
    pub fn describe_file(
        &mut self,
        unit: &UnitCode,
        file: i64,
        title: &str,
        reference: &str,
        date: &str,
    ) -> Result<()> {
        let current = self.document_files(unit)?.into_iter().find(|d| d.id == file && d.replaced_by.is_none());
        let Some(current) = current else {
            return Err(super::files::UploadRefused::NoSuchFile { unit: unit.into(), name: format!("#{file}") }.into());
        };
        let row = self.file_document_row(unit, &current.folder, title, reference, date)?;
        let (bloc, _) = self.unit_place(unit)?;
        self.check_not_frozen(&bloc, Subject::Unit(unit.into()))?;
        let tx = self.write_transaction()?;
        self.permit_self_assessment(unit)?;
        let holder: Option<Option<i64>> = tx
            .query_row(
                "SELECT file FROM evidence WHERE unit = ?1 AND criterion = ?2 AND reference = ?3",
                params![unit, row.criterion, row.reference],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(Some(other)) = holder.filter(|holder| *holder != Some(file)) {
            let other = format!("#{other}");
            let refused =
                super::files::UploadRefused::ReferenceTaken { name: current.name, reference: row.reference, other };
            return Err(refused.into());
        }
        let new = format!("{} ({})", row.title, row.issued_on);
        let before = current.document.as_ref().map(|d| (d.reference.clone(), format!("{} ({})", d.title, d.issued_on)));
        if before.as_ref() == Some(&(row.reference.clone(), new.clone())) {
            return Ok(());
        }
        let mut states = Vec::new();
        if let Some((old_reference, _)) = before.as_ref().filter(|(old, _)| *old != row.reference) {
            tx.execute("DELETE FROM evidence WHERE file = ?1", [file])?;
            states.push(removed_row("evidence", &text_key(&[unit, &row.criterion, old_reference])));
        }
        let state = tx
            .prepare_cached(
                "INSERT INTO evidence (unit, criterion, reference, title, issued_on, file) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (unit, criterion, reference)
                 DO UPDATE SET title = excluded.title, issued_on = excluded.issued_on, file = excluded.file
                 RETURNING *",
            )?
            .query_row(params![unit, row.criterion, row.reference, row.title, row.issued_on, file], |r| {
                super::state::row_state("evidence", r)
            })?;
        states.push(state);
        let detail =
            format!("{unit} {}: evidence {} — {new} — file {} (#{file})", row.criterion, row.reference, current.name);
        let old = before.map(|(reference, text)| format!("{reference}: {text}"));
        let change = Change::new(AuditAction::Evidence, detail)
            .on(unit, Some(&row.criterion))
            .value(&format!("evidence:{}", row.reference), old, Some(new))
            .states(states);
        self.audit_trail(&tx)?.record(&tx, change)?;
        tx.commit()?;
        Ok(())
    }
}
