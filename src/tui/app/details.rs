//! A unit's details read when it is first shown: its documents, explanations and files, and the gaps of
//! its file (*thiếu hồ sơ*).

use super::*;
use crate::domain::code::UnitCode;

impl App {
    /// How many documents back a component (its own, and its criterion's).
    pub fn evidence_count(&self, unit: &UnitCode, place: &ComponentPlace<'_>) -> u32 {
        let Some(&index) = self.unit_index.get(unit) else { return 0 };
        evidence_codes(place).map(|code| self.evidence_counts.count(index, code)).sum()
    }

    /// Why a ranked unit has its level: its level's reasons, the quota's, and the gaps of its file, in the
    /// What the file behind a component lacks (*thiếu hồ sơ*), if the regulation marks such gaps.
    pub fn file_gap(&self, unit: &UnitCode, place: &ComponentPlace<'_>) -> Option<FileGap> {
        let &index = self.unit_index.get(unit)?;
        let entry = self.round.units.get(index)?.entries.get(&place.component.code);
        component_gap(&self.regulation, &self.evidence_counts, index, entry, place)
    }

    /// The documents of a component, once its unit's documents were read (when its form opened).
    pub fn evidence_for(&self, unit: &UnitCode, place: &ComponentPlace<'_>) -> Vec<&EvidenceRow> {
        evidence_codes(place).filter_map(|code| self.evidence.get(&(unit.into(), code.to_string()))).flatten().collect()
    }

    /// The files a unit sent for a component (its criterion's and its own folder), current versions only.
    pub fn files_for(&self, unit: &UnitCode, place: &ComponentPlace<'_>) -> Vec<&crate::store::files::DocumentFile> {
        let codes: Vec<&str> = evidence_codes(place).collect();
        self.files
            .get(unit)
            .map(|files| {
                files.iter().filter(|f| f.replaced_by.is_none() && codes.contains(&f.folder.as_str())).collect()
            })
            .unwrap_or_default()
    }

    /// Keeps the files a unit sent, as read with its details.
    pub(super) fn keep_files(&mut self, unit: &UnitCode, files: Vec<crate::store::files::DocumentFile>) {
        self.files.insert(unit.into(), files);
    }

    /// Asks once for a unit's documents and explanations, unless they are in memory or were asked for.
    pub(super) fn load_details(&mut self, unit: crate::domain::code::UnitCode) -> Option<Effect> {
        self.details_loaded.insert(unit.clone()).then_some(Effect::LoadUnitDetails { unit })
    }

    /// The details of the unit on screen (an open form's, else the queue preview's), when they are not in
    /// memory: after a move, or after the whole round was read again under an open form.
    #[deny(clippy::wildcard_enum_match_arm, reason = "every screen is named: a new form must say what it does here")]
    pub(super) fn details_for_screen(&mut self) -> Option<Effect> {
        let unit = match &self.screen {
            Screen::Unit { view, .. } => view.unit.clone(),
            Screen::Appraisal(form) => form.unit.clone(),
            Screen::Comment(form) => form.unit.clone(),
            Screen::SelfAssess(form) => form.unit.clone(),
            Screen::Browse { .. } if self.browse.pane == Pane::SelfAssessment => self.own_unit()?.into(),
            Screen::Browse { .. } if self.browse.pane == Pane::Queue && self.user.is_some() => {
                let item = *self.queue().get(self.browse.queue_selected)?;
                self.round.units.get(item.unit as usize)?.code.clone()
            }
            // Every screen is named: a new screen says here whether it shows a unit's details.
            Screen::Browse { .. }
            | Screen::Picker { .. }
            | Screen::TieOrder(_)
            | Screen::Facts(_)
            | Screen::Grades(_)
            | Screen::Approval(_)
            | Screen::Submit(_)
            | Screen::Desk(_) => return None,
        };
        self.load_details(unit)
    }

    /// Keeps a unit's documents and explanations, read when it was first shown.
    pub(super) fn keep_details(
        &mut self,
        unit: crate::domain::code::UnitCode,
        evidence: Vec<EvidenceRow>,
        explanations: Vec<(String, String)>,
    ) {
        self.evidence.retain(|(u, _), _| *u != unit);
        for row in evidence {
            self.evidence.entry((row.unit.clone(), row.criterion.clone())).or_default().push(row);
        }
        if let Some(&index) = self.unit_index.get(unit.as_str()) {
            let entries = &mut self.round.units[index].entries;
            for (component, text) in explanations {
                if let Some(entry) = entries.get_mut(&component) {
                    entry.explanation = text.into();
                }
            }
        }
        self.details_loaded.insert(unit);
    }
}

/// What the file behind a component of the unit at `index` lacks; a component with no entry has none.
pub(super) fn component_gap(
    regulation: &Regulation,
    evidence_counts: &EvidenceCounts,
    index: usize,
    entry: Option<&ComponentScore>,
    place: &ComponentPlace<'_>,
) -> Option<FileGap> {
    let rules = &regulation.self_assessment;
    if !rules.marks_gaps() {
        return None;
    }
    let documents = criterion_documents(place.criterion, |code| evidence_counts.count(index, code));
    let missing = ComponentScore::default();
    rules.gap_of(place, entry.unwrap_or(&missing), documents)
}

/// The codes a component's documents are filed under: its own, and its criterion's (once, for a criterion
/// printed without components).
pub(super) fn evidence_codes<'a>(place: &ComponentPlace<'a>) -> impl Iterator<Item = &'a str> {
    let criterion = (place.component.code != place.criterion.code).then_some(place.criterion.code.as_str());
    std::iter::once(place.component.code.as_str()).chain(criterion)
}
