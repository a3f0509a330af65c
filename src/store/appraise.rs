//! Saving one appraisal from the interface: the same checks as an import, one transaction, audited.

use super::error::{Result, StoreError};
use super::{Store, audit};
use crate::domain::appraisal::reason_needed;
use rusqlite::{OptionalExtension, params};
use rust_decimal::Decimal;
use std::str::FromStr;

impl Store {
    /// Records the council's appraised score and deduction reason for one component of one unit.
    pub fn save_appraisal(&mut self, unit: &str, component: &str, appraised: Decimal, reason: &str) -> Result<()> {
        let (bloc, place) = self.component_of(unit, component)?;
        self.check_not_frozen(&bloc, &format!("unit {unit}, {component}"))?;
        let max = place.max;
        if appraised.is_sign_negative() || appraised > max {
            return Err(StoreError::Refused(format!(
                "unit {unit}, {component}: appraised {appraised} outside [0, {}]",
                max.normalize()
            )));
        }
        let previous: Option<(Option<String>, Option<String>, String)> = self
            .conn
            .query_row(
                "SELECT self_score, appraised_score, deduction_reason FROM score WHERE unit = ?1 AND criterion = ?2",
                params![unit, component],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        let self_score = previous.as_ref().and_then(|p| p.0.as_deref()).and_then(|s| Decimal::from_str(s).ok());
        if let Some(why) = reason_needed(max, self_score, appraised)
            && reason.trim().is_empty()
        {
            return Err(StoreError::Refused(format!(
                "unit {unit}, {component}: appraised {appraised} is {why} and needs a deduction reason"
            )));
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO score (unit, criterion, appraised_score, deduction_reason) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (unit, criterion) DO UPDATE SET appraised_score = excluded.appraised_score, deduction_reason = excluded.deduction_reason",
            params![unit, component, appraised.normalize().to_string(), reason.trim()],
        )?;
        let old = previous.and_then(|p| p.1).unwrap_or_else(|| "—".into());
        audit(&tx, "appraise", &format!("{unit} {component}: {old} → {}; {}", appraised.normalize(), reason.trim()))?;
        tx.commit()?;
        Ok(())
    }
}
