//! A unit's self-assessment written one component at a time (the unit's own form, or the council for it): the
//! self-score through `parse_score`, the explanation through `validate`, the not-applicable mark, with the rules
//! every import checks (`write::check_merged`); and who may write it (`permissions::may_self_assess`).

use super::Store;
use super::error::{Result, StoreError};
use super::write::check_merged;
use super::write::{Cell, ScoreChange, merge, write_merged};
use crate::domain::code::UnitCode;
use crate::domain::permissions::{Refusal, Role, SelfAssessmentState, may_self_assess_with};
use crate::domain::score::parse_score;
use crate::store::{Refused, Subject, TextField};

/// One component's self-assessment as typed: each value kept, cleared (`Cell::Clear`) or set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelfAssessmentInput {
    /// The unit's code.
    pub unit: UnitCode,
    /// The component's code.
    pub component: String,
    /// The self-score as typed (`3,5`, `3.5`, `80%` under 453).
    pub self_score: Cell<String>,
    /// The unit's explanation of its own deduction.
    pub explanation: Cell<String>,
    /// Không áp dụng (453 only, Điều 4.2): `Set(false)`.
    pub applicable: Cell<bool>,
}

impl Store {
    /// Whether unit `unit`'s self-assessment is submitted (frozen for the unit) or still open.
    pub fn self_assessment_state(&self, unit: &UnitCode) -> Result<SelfAssessmentState> {
        Ok(if self.submission_of(unit)?.is_some() { SelfAssessmentState::Submitted } else { SelfAssessmentState::Open })
    }

    /// This session's right to write unit `unit`'s self-assessment now (`Ok(Err(_))`: refused, with the rule).
    pub(super) fn self_assessment_right(&self, unit: &UnitCode) -> Result<std::result::Result<(), Refusal>> {
        may_self_assess_with(&self.actor, unit, || self.self_assessment_state(unit))
    }

    /// Refuses, naming the rule, a write of unit `unit`'s self-assessment this session may not make now.
    pub(super) fn permit_self_assessment(&self, unit: &UnitCode) -> Result<()> {
        Ok(self.self_assessment_right(unit)??)
    }

    /// A unit's focal person importing a file: every row must be of its own unit, not yet submitted; otherwise the
    /// whole file is refused at that row, naming it (`file:line: đơn vị …: …`). Other roles pass (their values are
    /// checked one by one).
    pub(super) fn check_unit_user_row(
        &self,
        at: &dyn Fn(crate::domain::permissions::Refusal) -> StoreError,
        unit: &UnitCode,
    ) -> Result<()> {
        if self.actor.role != Role::Unit {
            return Ok(());
        }
        self.self_assessment_right(unit)?.map_err(at)
    }

    /// A unit's focal person's score sheet naming unit `unit`: refused whole, naming the sheet, unless it is its own
    /// unit's and not yet submitted. Other roles pass (their values are checked one by one).
    pub fn permit_unit_sheet(&self, file: &str, sheet: &str, unit: &UnitCode) -> Result<()> {
        if self.actor.role != Role::Unit {
            return Ok(());
        }
        self.self_assessment_right(unit)?.map_err(|refusal| {
            StoreError::from(Refused::SheetRefused {
                file: file.to_string(),
                sheet: sheet.to_string(),
                unit: unit.into(),
                refusal,
            })
        })
    }

    /// A unit's focal person may import only its own self-assessment (scores, evidence, its sheet): any other
    /// import is refused whole, before a row is read.
    pub(super) fn refuse_unit_user(&self, write: crate::domain::permissions::CouncilWrite) -> Result<()> {
        if self.actor.role == Role::Unit {
            self.permit(write)?;
        }
        Ok(())
    }

    /// Writes one component's self-assessment: one transaction, one audit row per value that changes, checked as
    /// every import checks it (a not-applicable component carries no score; under 453 a self-score below max
    /// needs the explanation). A unit's focal person: only its own unit, only before submission.
    pub fn save_self_assessment(&mut self, input: &SelfAssessmentInput) -> Result<()> {
        let (unit, code) = (&input.unit, input.component.as_str());
        let (bloc, place) = self.component_of(unit, code)?;
        self.check_not_frozen(&bloc, Subject::Unit(unit.into()))?;
        let self_score = match &input.self_score {
            Cell::Set(text) => Cell::Set(
                parse_score(text, &self.regulation.score_rule(place.component.max))
                    .map_err(|why| Refused::BadSelfScore { unit: unit.into(), component: code.to_string(), why })?,
            ),
            Cell::Clear => Cell::Clear,
            Cell::Keep => Cell::Keep,
        };
        let explanation = match &input.explanation {
            Cell::Set(text) => Cell::Set(super::clean(
                text,
                TextField::Explanation,
                &Subject::Item { unit: unit.into(), item: code.to_string() },
            )?),
            other => other.clone(),
        };
        if input.applicable == Cell::Set(false) && !self.regulation.not_applicable_allowed {
            return Err(Refused::NotApplicableNotAllowed {
                unit: unit.into(),
                component: code.to_string(),
                regulation: self.regulation.id.clone(),
            }
            .into());
        }
        let change = ScoreChange {
            unit: unit.into(),
            criterion: code.to_string(),
            leader: None,
            self_score,
            appraised: Cell::Keep,
            reason: Cell::Keep,
            explanation,
            applicable: input.applicable.clone(),
        };
        let tx = self.write_transaction()?;
        self.permit_self_assessment(unit)?;
        let merged = merge(&tx, &change, &self.actor.name)?;
        let by_unit = self.actor.role == Role::Unit;
        check_merged(&super::RowPlace::Form, &self.regulation, &place, &change, &merged, by_unit)?;
        let mut trail = self.audit_trail(&tx)?;
        write_merged(&tx, &mut trail, &change, &merged)?;
        super::parts::check_unit(&tx, &self.regulation, unit)?;
        tx.commit()?;
        Ok(())
    }
}
