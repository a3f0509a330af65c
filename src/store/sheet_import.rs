//! Importing a unit's self-assessment from its score sheet (.xlsx): every sheet read and checked first, then one transaction.

use super::Store;
use super::audit::ImportKind;
use super::error::Result;
use super::rows::{EvidenceRow, Imported};
use super::write::{Cell, ScoreChange, import_summary, merge, write_evidence_audited, write_merged};
use crate::domain::appraisal::self_assessment_against_appraisal;
use crate::domain::code::UnitCode;
use crate::domain::evidence::SheetAssessment;
use crate::domain::scoring::ComponentScore;
use crate::domain::validate::{TextKind, check};
use crate::store::{RowFault, RowPlace, Subject};
use rust_decimal::Decimal;

/// A refusal at a sheet or one of its cells: `sheet "stc", cell E14: …`, reported with the file's name.
enum SheetError {
    At {
        sheet: String,
        cell: Option<String>,
        fault: Box<RowFault>,
    },
    /// An error of the store that is not a refusal (the database's), as it is.
    Store(super::StoreError),
    /// A unit's focal person's sheet of a unit it may not write.
    Refused {
        sheet: String,
        unit: crate::domain::code::UnitCode,
        refusal: Box<crate::domain::permissions::Refusal>,
    },
}

impl SheetError {
    fn in_file(self, file: &str) -> super::StoreError {
        match self {
            SheetError::At { sheet, cell, fault } => {
                fault.at(RowPlace::Sheet { file: file.to_string(), sheet, cell }, None)
            }
            SheetError::Store(error) => error,
            SheetError::Refused { sheet, unit, refusal } => {
                super::Refused::SheetRefused { file: file.to_string(), sheet, unit, refusal: *refusal }.into()
            }
        }
    }

    /// A fault at a sheet, at one of its cells when it is about one.
    fn at(sheet: &str, cell: Option<&str>, fault: RowFault) -> SheetError {
        SheetError::At { sheet: sheet.to_string(), cell: cell.map(str::to_string), fault: Box::new(fault) }
    }

    /// An error of the store met on a sheet: a refusal is named at the sheet.
    fn on_sheet(sheet: &str, error: super::StoreError) -> SheetError {
        match error {
            super::StoreError::Refused(why) => SheetError::at(sheet, None, RowFault::Refused(why)),
            other => SheetError::Store(other),
        }
    }
}

/// What one sheet import writes: the unit's columns that differ from what is recorded, and evidence.
struct Planned {
    scores: Vec<ScoreChange>,
    evidence: Vec<EvidenceRow>,
    summary: String,
}

impl Store {
    /// Writes the self-assessments read from a workbook's score sheets (`sheet::import_sheet` reads them): the
    /// self-scores, explanations, applicability and evidence, every sheet checked first, then one transaction.
    /// The council's columns (appraised score, deduction reason) are not imported; a sheet that changes a
    /// self-score the council already appraised is refused. An empty cell changes nothing.
    pub fn import_self_assessments(&mut self, file: &str, assessments: &[SheetAssessment]) -> Result<Imported> {
        let round = self.load_round()?;
        let known = self.all_evidence()?;
        let mut planned = Vec::new();
        for assessment in assessments {
            planned.push(self.plan_sheet(&round, &known, assessment).map_err(|e| e.in_file(file))?);
        }
        self.write_planned(file, &planned)
    }

    /// A unit's focal person is refused a sheet of a unit it may not write before anything of the council's is
    /// read (the refusal then names nothing the council wrote).
    fn unit_right_first(&self, sheet: &str, unit: &UnitCode) -> std::result::Result<(), SheetError> {
        if self.actor.role == crate::domain::permissions::Role::Unit
            && let Err(refusal) = self.self_assessment_right(unit).map_err(|e| SheetError::on_sheet(sheet, e))?
        {
            return Err(SheetError::Refused {
                sheet: sheet.to_string(),
                unit: unit.into(),
                refusal: Box::new(refusal),
            });
        }
        Ok(())
    }

    /// The refusal of a self-score on a criterion the leaders score, naming them as the regulation does.
    fn self_score_by_leaders(&self, unit: &UnitCode, code: &str) -> RowFault {
        let (unit, code, leaders) = (unit.to_string(), code.to_string(), self.regulation.leaders_name.clone());
        RowFault::SelfScoreByLeaders { unit: unit.into(), code, leaders }
    }

    /// Merges a sheet's self-assessment into the unit's entries, refusing what the council's record forbids.
    fn plan_sheet(
        &self,
        round: &crate::domain::evaluate::Round,
        known: &[EvidenceRow],
        assessment: &SheetAssessment,
    ) -> std::result::Result<Planned, SheetError> {
        let sheet = &assessment.sheet;
        let unit =
            round.units.iter().find(|u| u.code == assessment.unit).ok_or_else(|| {
                SheetError::at(sheet, None, RowFault::UnknownUnit { code: assessment.unit.to_string() })
            })?;
        let on_sheet = |e: super::StoreError| SheetError::on_sheet(sheet, e);
        self.check_not_frozen(&unit.bloc, Subject::Unit(unit.code.clone())).map_err(on_sheet)?;
        self.unit_right_first(sheet, &unit.code)?;
        // Each value the sheet changes is a write of the unit's self-assessment (SPEC, Roles), checked as if typed.
        let right = self.self_assessment_right(&unit.code).map_err(on_sheet)?;
        let mut scores = Vec::new();
        for score in &assessment.scores {
            let stored = unit.entries.get(&score.code).cloned().unwrap_or_default();
            let at = |fault: RowFault| SheetError::at(sheet, Some(&score.cell), fault);
            let (code, component) = (unit.code.clone(), &score.code);
            let applicable = score.applicable.unwrap_or(stored.applicable);
            let self_score = if applicable { score.self_score.or(stored.self_score) } else { None };
            let explanation = match &score.explanation {
                Some(text) => check(TextKind::Long, text).map_err(|why| {
                    at(RowFault::ExplanationText { unit: code.clone(), code: component.clone(), why })
                })?,
                None => stored.explanation.to_string(),
            };
            let place = self
                .regulation
                .framework_for(&unit.bloc, unit.group.as_deref())
                .and_then(|framework| framework.component(&score.code));
            let by_leaders = place.is_some_and(|place| place.criterion.scored_by_leaders);
            if by_leaders && score.self_score.is_some_and(|given| Some(given) != stored.self_score) {
                return Err(at(self.self_score_by_leaders(&code, component)));
            }
            let max = place.map(|place| place.component.max);
            if let (Some(max), true) = (max, applicable) {
                self.regulation.self_assessment.check(max, self_score, &explanation).map_err(|why| {
                    at(RowFault::ExplanationMissing { unit: code.clone(), code: component.clone(), why })
                })?;
            }
            // The one rule of the form, the CSV and the sheet (`domain::appraisal`): a unit's change is never refused
            // for the council's appraisal; the council's own import keeps its appraisal standing.
            let by_unit = self.actor.role == crate::domain::permissions::Role::Unit;
            if let Some(max) = max.filter(|_| self_score != stored.self_score) {
                let appraised = stored.effective_appraised().map(|a| (a, stored.deduction_reason.as_str()));
                self_assessment_against_appraisal(by_unit, max, self_score, appraised)
                    .map_err(|why| at(RowFault::ReasonNeeded { unit: code.clone(), code: component.clone(), why }))?;
            }
            if !by_unit {
                not_applicable_against_appraisal(&stored, applicable, (&code, component)).map_err(at)?;
            }
            if self_score == stored.self_score && *explanation == *stored.explanation && applicable == stored.applicable
            {
                continue;
            }
            right.clone().map_err(|refusal| {
                at(RowFault::SheetValueRefused {
                    unit: code.clone(),
                    code: component.clone(),
                    self_score,
                    explanation: explanation.clone(),
                    applicable,
                    refusal: Box::new(refusal),
                })
            })?;
            let cell = |changed: bool, value: Option<Decimal>| match (changed, value) {
                (false, _) => Cell::Keep,
                (true, Some(value)) => Cell::Set(value),
                (true, None) => Cell::Clear,
            };
            scores.push(ScoreChange {
                unit: unit.code.clone(),
                criterion: score.code.clone(),
                leader: None,
                self_score: cell(self_score != stored.self_score, self_score),
                appraised: Cell::Keep,
                reason: Cell::Keep,
                explanation: if *explanation == *stored.explanation { Cell::Keep } else { Cell::Set(explanation) },
                applicable: if applicable == stored.applicable { Cell::Keep } else { Cell::Set(applicable) },
            });
        }
        let evidence = new_evidence(assessment, known, &right)?;
        let summary =
            format!("sheet {sheet:?}, unit {}: {} components, {} documents", unit.code, scores.len(), evidence.len());
        Ok(Planned { scores, evidence, summary })
    }
}

/// The sheet's documents not recorded as they are (those are not written again, so the audit says what
/// changed), each refused at its cell when the sheet's user may not write the unit's self-assessment.
fn new_evidence(
    assessment: &SheetAssessment,
    known: &[EvidenceRow],
    right: &std::result::Result<(), crate::domain::permissions::Refusal>,
) -> std::result::Result<Vec<EvidenceRow>, SheetError> {
    let mut evidence = Vec::new();
    for (cell, row) in assessment.evidence.iter().filter(|(_, row)| !known.contains(row)) {
        right.clone().map_err(|refusal| {
            let (unit, code, reference) = (row.unit.clone(), row.criterion.clone(), row.reference.clone());
            let fault = RowFault::DocumentRefused { unit, code, reference, refusal: Box::new(refusal) };
            SheetError::at(&assessment.sheet, Some(cell), fault)
        })?;
        evidence.push(row.clone());
    }
    Ok(evidence)
}

/// A component the council has appraised stays applicable when the council imports a sheet (a not-applicable
/// component carries no score: the council withdraws its appraisal first).
fn not_applicable_against_appraisal(
    stored: &ComponentScore,
    applicable: bool,
    (unit, code): (&str, &str),
) -> std::result::Result<(), RowFault> {
    match stored.effective_appraised() {
        Some(appraised) if !applicable => {
            Err(RowFault::NotApplicableAppraised { unit: unit.into(), code: code.to_string(), appraised })
        }
        _ => Ok(()),
    }
}

impl Store {
    /// Writes every planned row (`write_in_one_transaction`, as the CSV imports do), audited like them: a row per
    /// changed value, and one per sheet naming the file.
    fn write_planned(&self, file: &str, planned: &[Planned]) -> Result<Imported> {
        self.write_in_one_transaction(|tx, trail| {
            let (mut rows, mut changes) = (0, 0);
            for sheet in planned {
                let before = trail.recorded;
                for change in &sheet.scores {
                    let merged = merge(tx, change, &self.actor.name)?;
                    write_merged(tx, trail, change, &merged)?;
                }
                super::parts::check_units(tx, &self.regulation, sheet.scores.iter().map(|c| &c.unit))?;
                for row in &sheet.evidence {
                    write_evidence_audited(tx, trail, row, || Ok(()))?;
                }
                changes += trail.record_summary(tx, before, import_summary(ImportKind::Sheet, file, &sheet.summary))?;
                rows += sheet.scores.len() + sheet.evidence.len();
            }
            Ok(Imported { rows, changes })
        })
    }
}
