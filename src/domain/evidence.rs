//! How many documents back each criterion and component of every unit, as small numbers: a national round
//! files about 250 000 (unit, code) counts, too many to key by strings. The documents themselves are read
//! when a unit is shown.

use super::evaluate::Round;
use super::framework::Framework;
use super::regulation::Regulation;
use std::collections::HashMap;

/// One document backing a self-score (*tài liệu kiểm chứng*), as the store keeps it and the sheets list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceRow {
    /// The unit's code.
    pub unit: crate::domain::code::UnitCode,
    /// The criterion (or component) code it is filed under.
    pub criterion: String,
    /// The document's number (*số hiệu*, `123/QĐ-UBND`).
    pub reference: String,
    /// The document's title (*trích yếu*).
    pub title: String,
    /// ISO date, `2024-11-20`.
    pub issued_on: String,
}

/// A unit's self-assessment as read from its score sheet: what the sheet import hands the store.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetAssessment {
    /// The sheet it was read from, for messages.
    pub sheet: String,
    /// The unit's code, as the sheet names it.
    pub unit: crate::domain::code::UnitCode,
    /// Each component row the unit filled, in the sheet's order.
    pub scores: Vec<SheetScore>,
    /// Each document with the cell of its row.
    pub evidence: Vec<(String, EvidenceRow)>,
}

/// One component's row of a score sheet as the unit filled it; `None` where a cell is empty (no change).
#[derive(Debug, Clone, PartialEq)]
pub struct SheetScore {
    /// The component's code.
    pub code: String,
    /// The self-score cell, for messages.
    pub cell: String,
    /// The self-score typed, already parsed.
    pub self_score: Option<rust_decimal::Decimal>,
    /// The unit's explanation of its self-score.
    pub explanation: Option<String>,
    /// False where the unit marked the component not applicable (453 Điều 4.2).
    pub applicable: Option<bool>,
}

/// How many evidence documents each unit filed under each code, counted once per round: what the file-gap check
/// (*thiếu hồ sơ*) and the views read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvidenceCounts {
    /// Per framework: each code documents are filed under, by its position in `Framework::evidence_codes`.
    code_ids: Vec<HashMap<String, u16>>,
    /// Per unit (by index in `Round::units`): its framework's position in the regulation.
    frameworks: Vec<Option<usize>>,
    /// Per unit: (code id, documents), only for codes that have some.
    by_unit: Vec<Vec<(u16, u32)>>,
}

impl EvidenceCounts {
    /// No documents yet for any unit of the round.
    pub fn new(regulation: &Regulation, round: &Round) -> EvidenceCounts {
        let frameworks =
            round.units.iter().map(|unit| regulation.framework_index_for(&unit.bloc, unit.group.as_deref())).collect();
        EvidenceCounts::for_frameworks(regulation, frameworks)
    }

    /// No documents yet for units whose frameworks are these (by unit index: each framework's position
    /// in the regulation).
    pub fn for_frameworks(regulation: &Regulation, frameworks: Vec<Option<usize>>) -> EvidenceCounts {
        let code_ids = regulation
            .frameworks
            .iter()
            .map(|framework| {
                let codes = framework.evidence_codes().into_iter().enumerate();
                codes.filter_map(|(id, code)| Some((code.to_string(), u16::try_from(id).ok()?))).collect()
            })
            .collect();
        let units = frameworks.len();
        EvidenceCounts { code_ids, frameworks, by_unit: vec![Vec::new(); units] }
    }

    fn id(&self, unit: usize, code: &str) -> Option<u16> {
        let framework = (*self.frameworks.get(unit)?)?;
        self.code_ids.get(framework)?.get(code).copied()
    }

    /// Adds documents filed under `code` for the unit at `unit`; a code outside its framework is not counted.
    pub fn add(&mut self, unit: usize, code: &str, documents: u32) {
        let Some(id) = self.id(unit, code) else { return };
        self.add_id(unit, id, documents);
    }

    /// Each framework's codes (by its position in the regulation) in text order, with the ids `add_id` takes:
    /// counts read in (unit, code) order find their codes by walking this list, not by hashing each code.
    pub fn codes_in_order(&self) -> Vec<Vec<(String, u16)>> {
        self.code_ids
            .iter()
            .map(|ids| {
                let mut codes: Vec<(String, u16)> = ids.iter().map(|(code, id)| (code.clone(), *id)).collect();
                codes.sort_unstable();
                codes
            })
            .collect()
    }

    /// The position in the regulation of the framework of the unit at `unit`.
    pub fn framework_of(&self, unit: usize) -> Option<usize> {
        *self.frameworks.get(unit)?
    }

    /// Adds documents filed under the code whose id (from `codes_in_order`) is `id`, for the unit at `unit`.
    pub fn add_id(&mut self, unit: usize, id: u16, documents: u32) {
        let Some(counts) = self.by_unit.get_mut(unit) else { return };
        match counts.iter_mut().find(|(known, _)| *known == id) {
            Some((_, count)) => *count += documents,
            None => counts.push((id, documents)),
        }
    }

    /// Forgets the unit's counts (before they are counted again from its documents).
    pub fn clear_unit(&mut self, unit: usize) {
        if let Some(counts) = self.by_unit.get_mut(unit) {
            counts.clear();
        }
    }

    /// Documents filed under each criterion or any of its components, for the unit at `unit` whose framework is
    /// `framework`, by the criterion's position in `Framework::criteria`: one pass over the unit's few counts
    /// per criterion, no lookup by code (the interface asks this for every unit when it builds progress).
    pub fn criterion_totals(&self, unit: usize, framework: &Framework) -> Vec<u32> {
        let counts = self.by_unit.get(unit).map_or(&[][..], Vec::as_slice);
        let mut totals = Vec::new();
        // Ids follow `Framework::evidence_codes`: each criterion, then its own components.
        let mut first: usize = 0;
        for (_, criterion) in framework.criteria() {
            let last = first + criterion.components.iter().filter(|c| c.code != criterion.code).count();
            let filed = counts.iter().filter(|(id, _)| (first..=last).contains(&usize::from(*id))).map(|(_, n)| *n);
            totals.push(filed.sum());
            first = last + 1;
        }
        totals
    }

    /// Documents filed under `code` for the unit at `unit`.
    pub fn count(&self, unit: usize, code: &str) -> u32 {
        let (Some(id), Some(counts)) = (self.id(unit, code), self.by_unit.get(unit)) else { return 0 };
        counts.iter().find(|(known, _)| *known == id).map_or(0, |(_, count)| *count)
    }
}
