//! Writes made from the interface besides appraisals: a unit's facts, a grade override, a co-assigned agency's comment.

use super::error::{Result, StoreError};
use super::{Store, audit};
use crate::domain::facts::FactValue;
use crate::domain::grades::Grade;
use rusqlite::{OptionalExtension, params};

/// A remark of a co-assigned agency on one component of one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentRow {
    pub unit: String,
    pub criterion: String,
    pub agency: String,
    pub text: String,
    pub at: String,
}

impl Store {
    /// Records a comment by an agency named on a shared component after the leading one.
    pub fn add_comment(&mut self, unit: &str, component: &str, agency: &str, text: &str) -> Result<()> {
        let (_, place) = self.component_of(unit, component)?;
        if !place.agencies.iter().skip(1).any(|a| a == agency) {
            return Err(StoreError::Refused(format!(
                "unit {unit}, {component}: only the agencies named after the first ({}) may comment",
                place.agencies.join(", ")
            )));
        }
        if text.trim().is_empty() {
            return Err(StoreError::Refused(format!("unit {unit}, {component}: a comment needs text")));
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO comment (unit, criterion, agency, text) VALUES (?1, ?2, ?3, ?4)",
            params![unit, component, agency, text.trim()],
        )?;
        audit(&tx, "comment", &format!("{unit} {component} ({agency}): {}", text.trim()))?;
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
    pub fn save_facts(&mut self, unit: &str, facts: &[(String, FactValue)]) -> Result<()> {
        let (bloc, _) = self.unit_place(unit)?;
        self.check_not_frozen(&bloc, &format!("unit {unit}"))?;
        for (name, value) in facts {
            let definition = self
                .regulation
                .fact(name)
                .ok_or_else(|| StoreError::Refused(format!("unit {unit}: unknown fact {name:?}")))?;
            definition.parse_value(&value.to_string()).map_err(|e| StoreError::Refused(format!("unit {unit}: {e}")))?;
        }
        let tx = self.conn.transaction()?;
        for (name, value) in facts {
            let old: Option<String> = tx
                .query_row("SELECT value FROM fact WHERE unit = ?1 AND name = ?2", params![unit, name], |r| r.get(0))
                .optional()?;
            if old.as_deref() == Some(value.to_string().as_str()) {
                continue;
            }
            tx.execute(
                "INSERT OR REPLACE INTO fact (unit, name, value) VALUES (?1, ?2, ?3)",
                params![unit, name, value.to_string()],
            )?;
            audit(&tx, "fact", &format!("{unit} {name}: {} → {value}", old.unwrap_or_else(|| "—".into())))?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Overrides the proposed grade of one criterion; the reason is required and audited.
    pub fn override_grade(&mut self, unit: &str, criterion: &str, grade: Grade, reason: &str) -> Result<()> {
        let (bloc, group) = self.unit_place(unit)?;
        self.check_not_frozen(&bloc, &format!("unit {unit}"))?;
        if self.regulation.grades.is_none() {
            return Err(StoreError::Refused(format!("{} grades no criteria", self.regulation.id)));
        }
        let known =
            self.regulation.framework_for(&bloc, group.as_deref()).is_some_and(|f| f.criterion(criterion).is_some());
        if !known {
            return Err(StoreError::Refused(format!("unit {unit}: {criterion:?} is not a criterion of its framework")));
        }
        if reason.trim().is_empty() {
            return Err(StoreError::Refused(format!("unit {unit}, {criterion}: overriding a grade needs a reason")));
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT OR REPLACE INTO grade_override (unit, criterion, grade, reason) VALUES (?1, ?2, ?3, ?4)",
            params![unit, criterion, grade.slug(), reason.trim()],
        )?;
        audit(&tx, "override grade", &format!("{unit} {criterion} → {grade}: {}", reason.trim()))?;
        tx.commit()?;
        Ok(())
    }
}
