//! Importing a unit's self-assessment from its score sheet (.xlsx): every sheet read and checked first, then one transaction.

use super::Store;
use super::audit::{AuditAction, Change, ImportKind};
use super::error::Result;
use super::import::{EvidenceRow, Imported};
use super::write::{Cell, ScoreChange, merge, write_evidence_audited, write_merged};
use crate::domain::evidence::SheetAssessment;
use crate::domain::scoring::ComponentScore;
use crate::domain::validate::clean_text;
use crate::store::Subject;
use rust_decimal::Decimal;

/// A refusal at a sheet or one of its cells: `sheet "stc", cell E14: …`, reported with the file's name.
enum SheetError {
    Cell {
        sheet: String,
        cell: String,
        message: String,
    },
    Sheet {
        sheet: String,
        message: String,
    },
    /// A unit's focal person's sheet of a unit it may not write.
    Refused {
        sheet: String,
        unit: String,
        refusal: Box<crate::domain::permissions::Refusal>,
    },
}

impl SheetError {
    fn in_file(self, file: &str) -> super::StoreError {
        if let SheetError::Refused { sheet, unit, refusal } = self {
            return super::Refused::SheetRefused { file: file.to_string(), sheet, unit, refusal: *refusal }.into();
        }
        let message = match self {
            SheetError::Refused { .. } => String::new(),
            SheetError::Cell { sheet, cell, message } => format!("sheet {sheet:?}, cell {cell}: {message}"),
            SheetError::Sheet { sheet, message } => format!("sheet {sheet:?}: {message}"),
        };
        super::StoreError::File { file: file.to_string(), message }
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
        let rows = self.write_planned(file, &planned)?;
        Ok(Imported { rows })
    }

    /// Merges a sheet's self-assessment into the unit's entries, refusing what the council's record forbids.
    fn plan_sheet(
        &self,
        round: &crate::domain::evaluate::Round,
        known: &[EvidenceRow],
        assessment: &SheetAssessment,
    ) -> std::result::Result<Planned, SheetError> {
        let sheet = &assessment.sheet;
        let unit = round.units.iter().find(|u| u.code == assessment.unit).ok_or_else(|| SheetError::Sheet {
            sheet: sheet.clone(),
            message: format!("unknown unit {:?}", assessment.unit),
        })?;
        self.check_not_frozen(&unit.bloc, Subject::Unit(unit.code.to_string()))
            .map_err(|e| SheetError::Sheet { sheet: sheet.clone(), message: e.to_string() })?;
        let on_sheet = |e: super::StoreError| SheetError::Sheet { sheet: sheet.clone(), message: e.to_string() };
        if self.actor.role == crate::domain::permissions::Role::Unit
            && let Err(refusal) = self.self_assessment_right(&unit.code).map_err(on_sheet)?
        {
            return Err(SheetError::Refused {
                sheet: sheet.clone(),
                unit: unit.code.to_string(),
                refusal: Box::new(refusal),
            });
        }
        // Each value the sheet changes is a write of the unit's self-assessment (SPEC, Roles), checked as if typed.
        let right = self.self_assessment_right(&unit.code).map_err(on_sheet)?;
        let mut scores = Vec::new();
        for score in &assessment.scores {
            let stored = unit.entries.get(&score.code).cloned().unwrap_or_default();
            let at = |message: String| SheetError::Cell { sheet: sheet.clone(), cell: score.cell.clone(), message };
            let what = format!("unit {}, {}", unit.code, score.code);
            let applicable = score.applicable.unwrap_or(stored.applicable);
            let self_score = if applicable { score.self_score.or(stored.self_score) } else { None };
            let explanation = match &score.explanation {
                Some(text) => clean_text(text).map_err(|why| at(format!("{what}: giải trình {why}")))?,
                None => stored.explanation.to_string(),
            };
            let max = self
                .regulation
                .framework_for(&unit.bloc, unit.group.as_deref())
                .and_then(|framework| framework.component(&score.code))
                .map(|place| place.component.max);
            if let (Some(max), true) = (max, applicable) {
                self.regulation
                    .self_assessment
                    .check(max, self_score, &explanation)
                    .map_err(|why| at(format!("{what}: {why}")))?;
            }
            check_against_appraisal(&stored, self_score, applicable, &what).map_err(at)?;
            if self_score == stored.self_score && *explanation == *stored.explanation && applicable == stored.applicable
            {
                continue;
            }
            right.clone().map_err(|refusal| {
                at(format!("{what}: value {}: refused: {refusal}", shown(self_score, &explanation, applicable)))
            })?;
            let cell = |changed: bool, value: Option<Decimal>| match (changed, value) {
                (false, _) => Cell::Keep,
                (true, Some(value)) => Cell::Set(value),
                (true, None) => Cell::Clear,
            };
            scores.push(ScoreChange {
                unit: unit.code.to_string(),
                criterion: score.code.clone(),
                leader: None,
                self_score: cell(self_score != stored.self_score, self_score),
                appraised: Cell::Keep,
                reason: Cell::Keep,
                explanation: if *explanation == *stored.explanation { Cell::Keep } else { Cell::Set(explanation) },
                applicable: if applicable == stored.applicable { Cell::Keep } else { Cell::Set(applicable) },
            });
        }
        // Documents already recorded as they are are not written again, so the audit says what changed.
        let mut evidence = Vec::new();
        for (cell, row) in assessment.evidence.iter().filter(|(_, row)| !known.contains(row)) {
            right.clone().map_err(|refusal| SheetError::Cell {
                sheet: sheet.clone(),
                cell: cell.clone(),
                message: format!(
                    "unit {}, {}: document {}: refused: {refusal}",
                    row.unit, row.criterion, row.reference
                ),
            })?;
            evidence.push(row.clone());
        }
        let summary =
            format!("sheet {sheet:?}, unit {}: {} components, {} documents", unit.code, scores.len(), evidence.len());
        Ok(Planned { scores, evidence, summary })
    }
}

/// A component the council has appraised keeps the self-score it was appraised on, and stays applicable.
fn check_against_appraisal(
    stored: &ComponentScore,
    self_score: Option<Decimal>,
    applicable: bool,
    what: &str,
) -> std::result::Result<(), String> {
    if let Some(appraised) = stored.effective_appraised() {
        if self_score != stored.self_score {
            return Err(format!(
                "{what}: already appraised at {} by the council, so its self-score stays {} (the sheet says {})",
                appraised.normalize(),
                stored.self_score.map(|s| s.normalize().to_string()).unwrap_or_else(|| "empty".into()),
                self_score.map(|s| s.normalize().to_string()).unwrap_or_else(|| "empty".into()),
            ));
        }
        if !applicable {
            return Err(format!(
                "{what}: marked not applicable, but the council appraised it at {}; a not-applicable component carries no scores",
                appraised.normalize()
            ));
        }
    }
    Ok(())
}

impl Store {
    /// Writes every planned row in one transaction, audited like the CSV imports: a row per changed value,
    /// and one per sheet naming the file.
    fn write_planned(&self, file: &str, planned: &[Planned]) -> Result<usize> {
        let tx = self.write_transaction()?;
        let mut trail = self.audit_trail(&tx)?;
        let mut rows = 0;
        for sheet in planned {
            for change in &sheet.scores {
                let merged = merge(&tx, change, &self.actor.name)?;
                write_merged(&tx, &mut trail, change, &merged)?;
            }
            for row in &sheet.evidence {
                write_evidence_audited(&tx, &mut trail, row, || Ok(()))?;
            }
            let change = Change::new(AuditAction::Import(ImportKind::Sheet), format!("{file}: {}", sheet.summary))
                .value("file", None, Some(file.to_string()));
            trail.record(&tx, change)?;
            rows += sheet.scores.len() + sheet.evidence.len();
        }
        tx.commit()?;
        Ok(rows)
    }
}

/// A sheet row's values as a refusal names them.
fn shown(self_score: Option<Decimal>, explanation: &str, applicable: bool) -> String {
    let score = self_score.map_or("-".to_string(), |s| s.normalize().to_string());
    let explanation: String = explanation.chars().take(40).collect();
    format!("self-score {score}, explanation {explanation:?}, applicable {}", if applicable { "yes" } else { "no" })
}
