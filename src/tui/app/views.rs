//! Views derived from the round for this user: the queue, the filtered ranking rows, the progress and the
//! open ties, rebuilt only when what they depend on moved.

use super::*;
use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::permissions::{appraisal_entry, comments};

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
    pub fn item_codes(&self, item: &QueueItem) -> Option<(UnitCode, String)> {
        self.item_place(item).map(|(unit, place)| (unit.code.clone(), place.component.code.to_string()))
    }

    /// What building queue items and progress reads of the state.
    fn items_of(&self) -> ItemsOf<'_> {
        ItemsOf {
            regulation: &self.regulation,
            round: &self.round,
            user: self.user.as_ref(),
            evidence_counts: &self.evidence_counts,
            lead_agencies: &self.lead_agencies,
        }
    }

    /// Every unit's items and progress; a large round's units are shared out over two threads.
    pub(super) fn rebuild_items(&mut self) {
        let context = self.items_of();
        let units = self.round.units.len();
        let built: Vec<(Vec<QueueItem>, UnitProgress)> = if units < 2_000 {
            (0..units).map(|index| context.unit(index)).collect()
        } else {
            let middle = units / 2;
            std::thread::scope(|scope| {
                let context = &context;
                let upper = scope.spawn(move || (middle..units).map(|index| context.unit(index)).collect::<Vec<_>>());
                let mut built: Vec<_> = (0..middle).map(|index| context.unit(index)).collect();
                match upper.join() {
                    Ok(upper) => built.extend(upper),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
                built
            })
        };
        (self.items, self.unit_progress) = built.into_iter().unzip();
        self.views_built_for = None;
    }

    /// One unit's items and progress again, after it changed.
    pub(super) fn rebuild_unit_items(&mut self, index: usize) {
        let context = self.items_of();
        let (items, progress) = context.unit(index);
        if let Some(slot) = self.items.get_mut(index) {
            *slot = items;
        }
        if let Some(slot) = self.unit_progress.get_mut(index) {
            *slot = progress;
        }
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

    /// Applicable components whose file is incomplete (*thiếu hồ sơ*), and the units that have any.
    pub fn incomplete_files(&self) -> (usize, usize) {
        self.incomplete_files
    }

    /// How many items of the queue still wait for this user.
    pub fn queue_left(&self) -> usize {
        self.queue_left
    }

    /// Rebuilds the filtered queue and ranking rows when the filter, the status filter, the bloc, the user
    /// or the data moved since they were built; a cursor move costs nothing.
    pub(super) fn refresh_views(&mut self) {
        let key = (
            self.browse.filter.clone(),
            self.browse.status_filter,
            self.browse.bloc,
            self.user.as_ref().map(|u| u.name.clone()),
        );
        if self.views_built_for.as_ref() == Some(&key) {
            return;
        }
        let words: Vec<String> = search::fold(&self.browse.filter).split_whitespace().map(str::to_string).collect();
        if !words.is_empty() && self.folded_units.len() != self.round.units.len() {
            self.folded_units =
                self.round.units.iter().map(|u| search::fold(&format!("{} {}", u.code, u.name))).collect();
        }
        let queue = self.filtered_queue(&words);
        self.queue_left = queue.iter().filter(|item| self.waits_for_me(item.status)).count();
        self.queue = queue;
        self.sum_progress();
        self.collect_ties();
        self.ranking_rows = self.filtered_ranking_rows(&words);
        self.views_built_for = Some(key);
    }

    /// This user's items that pass the filter and the status filter, units that have not submitted set apart.
    fn filtered_queue(&self, words: &[String]) -> Vec<QueueItem> {
        let mut queue = Vec::new();
        // Units that have not submitted wait outside the queue; the status filter "Đơn vị chưa nộp" lists them.
        let unsubmitted_view = self.browse.status_filter == Some(Status::NotSubmitted);
        for (index, items) in self.items.iter().enumerate() {
            let Some(unit) = self.round.units.get(index) else { continue };
            // Folded only once a filter is typed (`refresh_views`).
            let folded_unit = self.folded_units.get(index).map_or("", String::as_str);
            if self.awaits_submission(&unit.code) != unsubmitted_view {
                continue;
            }
            let folded_components = self.framework_of(unit).and_then(|f| self.folded_components.get(f));
            for item in items {
                // *Thiếu hồ sơ* lists every item whose file has a gap, appraised or not, as the rows read.
                let shown = |s: Status| {
                    s == item.status || s == Status::NotSubmitted || (s == Status::IncompleteFile && item.incomplete)
                };
                if self.browse.status_filter.is_some_and(|s| !shown(s)) {
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
        queue
    }

    /// The progress by agency and the incomplete files, summed over the units.
    fn sum_progress(&mut self) {
        let mut by_agency = vec![(0usize, 0usize); self.regulation.agencies.len()];
        for progress in &self.unit_progress {
            for (sum, (done, total)) in by_agency.iter_mut().zip(&progress.by_agency) {
                sum.0 += *done as usize;
                sum.1 += *total as usize;
            }
        }
        self.incomplete_files = self.unit_progress.iter().fold((0, 0), |(components, units), progress| {
            (components + progress.incomplete as usize, units + usize::from(progress.incomplete > 0))
        });
        self.agency_progress = self
            .regulation
            .agencies
            .iter()
            .zip(by_agency)
            .filter(|(_, (_, total))| *total > 0)
            .map(|(agency, counts)| (agency.code.clone(), counts))
            .collect();
    }

    /// The open and the ordered tie groups of every bloc.
    fn collect_ties(&mut self) {
        self.open_ties = self
            .results()
            .iter()
            .flat_map(|result| result.ranking.unresolved_ties().map(|group| (result.bloc.clone(), group.units.clone())))
            .collect();
        self.recorded_ties = self
            .results()
            .iter()
            .flat_map(|result| {
                result.ranking.tie_groups.iter().filter(|g| g.resolved).map(|g| (result.bloc.clone(), g.units.clone()))
            })
            .collect();
    }

    /// The selected bloc's ranking rows whose unit passes the filter.
    fn filtered_ranking_rows(&self, words: &[String]) -> Vec<usize> {
        match self.results().get(self.browse.bloc) {
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
        }
    }
}

/// What building a unit's queue items and progress reads: plain data shared by the threads that build them.
struct ItemsOf<'a> {
    regulation: &'a Regulation,
    round: &'a Round,
    user: Option<&'a Actor>,
    evidence_counts: &'a EvidenceCounts,
    /// Each component's leading agency, by framework and position.
    lead_agencies: &'a [Vec<Option<usize>>],
}

impl ItemsOf<'_> {
    /// This user's items of one unit (components their agency leads or shares, for a member or assistant;
    /// the criteria the provincial leaders score, for a leader) with where each stands, and the unit's
    /// progress: one pass over its components.
    fn unit(&self, index: usize) -> (Vec<QueueItem>, UnitProgress) {
        let mut items = Vec::new();
        let mut progress =
            UnitProgress { by_agency: vec![(0, 0); self.regulation.agencies.len()], ..UnitProgress::default() };
        let Some(unit) = self.round.units.get(index) else { return (items, progress) };
        let Some(framework) = self.regulation.framework_for(&unit.bloc, unit.group.as_deref()) else {
            return (items, progress);
        };
        let framework_index = self.regulation.framework_index_for(&unit.bloc, unit.group.as_deref());
        let leads = framework_index.and_then(|f| self.lead_agencies.get(f));
        let unit_index = u32::try_from(index).ok();
        let rules = &self.regulation.self_assessment;
        // Each criterion's documents, counted once for the unit (only where the regulation marks gaps).
        let documents =
            if rules.marks_gaps() { self.evidence_counts.criterion_totals(index, framework) } else { Vec::new() };
        let missing = ComponentScore::default();
        let places = framework.criteria().enumerate().flat_map(|(criterion_position, (content, criterion))| {
            criterion
                .components
                .iter()
                .map(move |component| (criterion_position, ComponentPlace { content, criterion, component }))
        });
        for (position, (criterion_position, place)) in places.enumerate() {
            let entry = unit.entries.get(&place.component.code);
            if entry.is_some_and(|e| !e.applicable) {
                continue;
            }
            let appraised = u32::from(entry.is_some_and(ComponentScore::is_final));
            let incomplete = documents
                .get(criterion_position)
                .is_some_and(|&filed| rules.gap_of(&place, entry.unwrap_or(&missing), filed).is_some());
            progress.total += 1;
            progress.done += appraised;
            progress.incomplete += u32::from(incomplete);
            let lead = leads.and_then(|leads| leads.get(position).copied().flatten());
            if let Some(counts) = lead.and_then(|agency| progress.by_agency.get_mut(agency)) {
                counts.0 += appraised;
                counts.1 += 1;
            }
            let (Some(user), Some(unit_index), Ok(component)) = (self.user, unit_index, u16::try_from(position)) else {
                continue;
            };
            if let Some(status) = Self::item_status(user, entry, &place, incomplete) {
                items.push(QueueItem { unit: unit_index, component, status, incomplete });
            }
        }
        (items, progress)
    }

    /// Where a component stands for this user, or None when it is not theirs to appraise or comment on.
    fn item_status(
        user: &Actor,
        entry: Option<&ComponentScore>,
        place: &ComponentPlace<'_>,
        incomplete: bool,
    ) -> Option<Status> {
        // Theirs to appraise or to comment on: the store's own rules (`domain::permissions`), asked here.
        let leads = user.role != Role::ServiceAccount && appraisal_entry(user, place).is_some();
        let shares = comments(user, place);
        if !leads && !shares {
            return None;
        }
        let appraised = match user.role {
            Role::Leader => entry.and_then(|e| e.leader_scores.get(&user.name).copied()),
            _ => entry.and_then(ComponentScore::effective_appraised),
        };
        let awaiting = user.role != Role::Leader && entry.is_some_and(|e| e.awaiting_confirmation);
        Some(match appraised {
            _ if !leads => Status::CoAssigned,
            Some(_) if awaiting => Status::AwaitingConfirmation,
            None if incomplete => Status::IncompleteFile,
            None => Status::Pending,
            Some(value) => {
                let (self_score, reason) = entry.map_or((None, ""), |e| {
                    let reason = match user.role {
                        Role::Leader => e.leader_scores.reason(&user.name),
                        _ => e.deduction_reason.as_str(),
                    };
                    (e.self_score, reason)
                });
                if check_reason(place.component.max, self_score, value, reason).is_err() {
                    Status::NeedsReason
                } else {
                    Status::Appraised
                }
            }
        })
    }
}

impl App {
    /// The unit rows of the selected bloc's ranking, filtered.
    pub fn ranking_rows(&self) -> &[usize] {
        &self.ranking_rows
    }

    /// The unresolved tie groups of every bloc: (bloc, units).
    pub fn open_ties(&self) -> &[(BlocCode, Vec<UnitCode>)] {
        &self.open_ties
    }

    /// The tie groups already ordered by the chairman, in his order: (bloc, units).
    pub fn recorded_ties(&self) -> &[(BlocCode, Vec<UnitCode>)] {
        &self.recorded_ties
    }

    /// Row `index` of the ties pane: the open groups first, then the ordered ones (bloc, units, ordered).
    pub fn tie_row(&self, index: usize) -> Option<(&BlocCode, &[UnitCode], bool)> {
        match self.open_ties.get(index) {
            Some((bloc, units)) => Some((bloc, units, false)),
            None => {
                self.recorded_ties.get(index - self.open_ties.len()).map(|(bloc, units)| (bloc, units.as_slice(), true))
            }
        }
    }

    /// How many rows the ties pane lists.
    pub fn tie_rows(&self) -> usize {
        self.open_ties.len() + self.recorded_ties.len()
    }
}
