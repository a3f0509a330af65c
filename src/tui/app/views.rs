//! Views derived from the round for this user: the queue, the filtered ranking rows, the progress and the
//! open ties, rebuilt only when what they depend on moved.

use super::*;

impl App {
    /// The queue as shown: this user's items filtered by status and text.
    pub fn queue(&self) -> &[QueueItem] {
        &self.queue
    }

    /// A queue item's unit and where its component sits in the unit's framework.
    pub fn item_place(&self, item: &QueueItem) -> Option<(&UnitRecord, ComponentPlace<'_>)> {
        let unit = self.round.units.get(item.unit as usize)?;
        let place = self.regulation.framework_for(&unit.bloc, unit.group.as_deref())?;
        Some((unit, place.component_at(usize::from(item.component))?))
    }

    /// A queue item's unit code and component code.
    pub fn item_codes(&self, item: &QueueItem) -> Option<(String, String)> {
        self.item_place(item).map(|(unit, place)| (unit.code.clone(), place.component.code.clone()))
    }

    pub(super) fn rebuild_items(&mut self) {
        self.items = vec![Vec::new(); self.round.units.len()];
        self.unit_progress = vec![UnitProgress::default(); self.round.units.len()];
        for index in 0..self.round.units.len() {
            self.rebuild_unit_items(index);
        }
        self.views_built_for = None;
    }

    /// This user's items of one unit: components their agency leads or shares (member, assistant),
    /// or the criteria the provincial leaders score (leader), with where each stands.
    pub(super) fn rebuild_unit_items(&mut self, index: usize) {
        let items = self.unit_items(index);
        if let Some(slot) = self.items.get_mut(index) {
            *slot = items;
        }
        let progress = self.progress_of(index);
        if let Some(slot) = self.unit_progress.get_mut(index) {
            *slot = progress;
        }
    }

    fn progress_of(&self, index: usize) -> UnitProgress {
        let mut progress =
            UnitProgress { by_agency: vec![(0, 0); self.regulation.agencies.len()], ..UnitProgress::default() };
        let Some(unit) = self.round.units.get(index) else { return progress };
        let Some(framework) = self.regulation.framework_for(&unit.bloc, unit.group.as_deref()) else {
            return progress;
        };
        let leads = self.lead_agencies.get(self.framework_of(unit).unwrap_or(usize::MAX));
        for (position, place) in framework.components().enumerate() {
            let entry = unit.entries.get(&place.component.code);
            if entry.is_some_and(|e| !e.applicable) {
                continue;
            }
            let appraised = u32::from(entry.is_some_and(|e| e.is_final()));
            progress.total += 1;
            progress.done += appraised;
            let lead = leads.and_then(|leads| leads.get(position).copied().flatten());
            if let Some(counts) = lead.and_then(|agency| progress.by_agency.get_mut(agency)) {
                counts.0 += appraised;
                counts.1 += 1;
            }
        }
        progress
    }

    /// The position of a unit's framework in the regulation.
    fn framework_of(&self, unit: &UnitRecord) -> Option<usize> {
        self.regulation.framework_index_for(&unit.bloc, unit.group.as_deref())
    }

    /// Progress of one unit (by its index in `round.units`).
    pub fn unit_progress(&self, index: usize) -> Option<&UnitProgress> {
        self.unit_progress.get(index)
    }

    /// Progress per leading agency over every unit.
    pub fn agency_progress(&self) -> &BTreeMap<String, (usize, usize)> {
        &self.agency_progress
    }

    /// How many items of the queue still wait for this user.
    pub fn queue_left(&self) -> usize {
        self.queue_left
    }

    fn unit_items(&self, index: usize) -> Vec<QueueItem> {
        let (Some(user), Some(unit)) = (&self.user, self.round.units.get(index)) else { return Vec::new() };
        let Some(framework) = self.regulation.framework_for(&unit.bloc, unit.group.as_deref()) else {
            return Vec::new();
        };
        let (Ok(unit_index), agency) = (u32::try_from(index), user.agency.as_ref()) else { return Vec::new() };
        let mut items = Vec::new();
        for (position, place) in framework.components().enumerate() {
            let (leads, shares) = match user.role {
                Role::Leader => (place.criterion.scored_by_leaders, false),
                Role::Member | Role::Assistant => (
                    !place.criterion.scored_by_leaders && place.component.agencies.first() == agency,
                    place.component.agencies.iter().skip(1).any(|a| Some(a) == agency),
                ),
                _ => (false, false),
            };
            if !leads && !shares {
                continue;
            }
            let entry = unit.entries.get(&place.component.code);
            if entry.is_some_and(|e| !e.applicable) {
                continue;
            }
            let appraised = match user.role {
                Role::Leader => entry.and_then(|e| e.leader_scores.get(&user.name).copied()),
                _ => entry.and_then(|e| e.effective_appraised()),
            };
            let awaiting = user.role != Role::Leader && entry.is_some_and(|e| e.awaiting_confirmation);
            let status = match appraised {
                _ if !leads => Status::CoAssigned,
                Some(_) if awaiting => Status::AwaitingConfirmation,
                None if evidence_codes(&place).all(|code| self.evidence_counts.count(index, code) == 0) => {
                    Status::NoEvidence
                }
                None => Status::Pending,
                Some(value) => {
                    let entry = entry.map(|e| (e.self_score, e.deduction_reason.trim().is_empty()));
                    let (self_score, no_reason) = entry.unwrap_or((None, true));
                    if no_reason && reason_needed_vi(place.component.max, self_score, value).is_some() {
                        Status::NeedsReason
                    } else {
                        Status::Appraised
                    }
                }
            };
            let Ok(component) = u16::try_from(position) else { continue };
            items.push(QueueItem { unit: unit_index, component, status });
        }
        items
    }

    /// Rebuilds the filtered queue and ranking rows when the filter, the status filter, the bloc, the user
    /// or the data moved since they were built; a cursor move costs nothing.
    pub(super) fn refresh_views(&mut self) {
        let key = (self.filter.clone(), self.status_filter, self.bloc, self.user.as_ref().map(|u| u.name.clone()));
        if self.views_built_for.as_ref() == Some(&key) {
            return;
        }
        let words: Vec<String> = search::fold(&self.filter).split_whitespace().map(str::to_string).collect();
        let mut queue = Vec::new();
        for (index, items) in self.items.iter().enumerate() {
            let (Some(unit), Some(folded_unit)) = (self.round.units.get(index), self.folded_units.get(index)) else {
                continue;
            };
            let folded_components = self.framework_of(unit).and_then(|f| self.folded_components.get(f));
            for item in items {
                if self.status_filter.is_some_and(|s| s != item.status) {
                    continue;
                }
                let matches = words.is_empty() || {
                    let component = folded_components
                        .and_then(|folded| folded.get(usize::from(item.component)))
                        .map_or("", String::as_str);
                    words.iter().all(|w| folded_unit.contains(w.as_str()) || component.contains(w.as_str()))
                };
                if matches {
                    queue.push(*item);
                }
            }
        }
        self.queue_left = queue.iter().filter(|item| self.waits_for_me(item.status)).count();
        self.queue = queue;
        let mut by_agency = vec![(0usize, 0usize); self.regulation.agencies.len()];
        for progress in &self.unit_progress {
            for (sum, (done, total)) in by_agency.iter_mut().zip(&progress.by_agency) {
                sum.0 += *done as usize;
                sum.1 += *total as usize;
            }
        }
        self.agency_progress = self
            .regulation
            .agencies
            .iter()
            .zip(by_agency)
            .filter(|(_, (_, total))| *total > 0)
            .map(|(agency, counts)| (agency.code.clone(), counts))
            .collect();
        self.open_ties = self
            .results()
            .iter()
            .flat_map(|result| result.ranking.unresolved_ties().map(|group| (result.bloc.clone(), group.units.clone())))
            .collect();
        self.ranking_rows = match self.results().get(self.bloc) {
            None => Vec::new(),
            Some(result) => result
                .ranking
                .units
                .iter()
                .enumerate()
                .filter(|(_, ranked)| {
                    let folded = self.unit_index.get(&ranked.unit).and_then(|&i| self.folded_units.get(i));
                    words.iter().all(|w| folded.is_some_and(|f| f.contains(w.as_str())))
                })
                .map(|(i, _)| i)
                .collect(),
        };
        self.views_built_for = Some(key);
    }
}
