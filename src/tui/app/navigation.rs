//! Moving between screens and along lists: opening a unit's file, closing a form, the next item waiting.

use super::*;
use crate::domain::code::UnitCode;

impl App {
    /// Back to the panes (a form saved or closed); the desk's user form back to its list of users.
    #[deny(clippy::wildcard_enum_match_arm, reason = "every screen is named: a new form must say what it does here")]
    pub(super) fn close_screen(&mut self) {
        self.screen = match &self.screen {
            Screen::Desk(Desk::Form(form)) if form.kind == DeskFormKind::AddUser => {
                Screen::Desk(Desk::Users { selected: 0, removing: None })
            }
            Screen::Desk(Desk::Form(DeskForm { kind: DeskFormKind::PaperNumbers(slot), .. })) => {
                Screen::Desk(Desk::Papers {
                    selected: DeskPaper::ALL.iter().position(|p| p.slot() == Some(*slot)).unwrap_or(0),
                })
            }
            // Every screen is named: a new form says here where closing it leads.
            Screen::Picker { .. }
            | Screen::Browse { .. }
            | Screen::Appraisal(_)
            | Screen::Comment(_)
            | Screen::TieOrder(_)
            | Screen::Facts(_)
            | Screen::Grades(_)
            | Screen::Unit { .. }
            | Screen::Approval(_)
            | Screen::SelfAssess(_)
            | Screen::Submit(_)
            | Screen::Desk(_) => Screen::Browse { filtering: false },
        };
    }

    /// The selected row of the pane in front, and how many rows it lists (for moves and clicks).
    pub(super) fn selection(&mut self) -> (&mut usize, usize) {
        let own_components = self.round.units.first().map_or(0, |unit| self.self_assessed_components(&unit.code).len());
        let desk_rows = self.desk_actions().len();
        let browse = &mut self.browse;
        match browse.pane {
            Pane::Queue => (&mut browse.queue_selected, self.queue.len()),
            Pane::Ranking => (&mut browse.ranking_selected, self.ranking_rows.len()),
            Pane::Progress => (&mut browse.progress_selected, self.round.units.len()),
            Pane::Ties => (&mut browse.ties_selected, self.open_ties.len() + self.recorded_ties.len()),
            Pane::Charts => (&mut browse.bloc, self.standing.results().len()),
            Pane::SelfAssessment => (&mut browse.self_selected, own_components),
            Pane::Result => (&mut browse.self_selected, self.scroll.result_lines.get()),
            Pane::Desk => (&mut browse.desk_selected, desk_rows),
        }
    }

    /// Opens a unit's file, read-only, on one of its components (or its first).
    #[deny(clippy::wildcard_enum_match_arm, reason = "every screen is named: a new form must say what it does here")]
    pub(super) fn open_unit(&mut self, unit: UnitCode, component: Option<&str>) {
        let selected = component
            .and_then(|code| self.unit_components(&unit).iter().position(|p| p.component.code == code))
            .unwrap_or(0);
        // From a decision screen (the tie order) the file goes back to it; from the panes, to them.
        let back = match std::mem::replace(&mut self.screen, Screen::Browse { filtering: false }) {
            Screen::Browse { .. } | Screen::Picker { .. } => None,
            Screen::Unit { back, .. } => back,
            other @ (Screen::Appraisal(_)
            | Screen::Comment(_)
            | Screen::TieOrder(_)
            | Screen::Facts(_)
            | Screen::Grades(_)
            | Screen::Approval(_)
            | Screen::SelfAssess(_)
            | Screen::Submit(_)
            | Screen::Desk(_)) => Some(Box::new(other)),
        };
        self.screen = Screen::Unit { view: UnitView { unit, selected, chart: false }, back };
    }

    /// `n` in the queue: the next item still waiting for this user, after the selected one (from the top
    /// again past the end).
    pub(super) fn select_next_open(&mut self) {
        let queue = self.queue();
        let from = self.browse.queue_selected + 1;
        let next = (from..queue.len()).chain(0..from.min(queue.len())).find(|&i| self.waits_for_me(queue[i].status));
        match next {
            Some(index) => self.browse.queue_selected = index,
            None => self.message = Some((crate::messages::status::NOTHING_LEFT.say(self.lang).into(), false)),
        }
    }

    /// `N` in the queue: the first item of the next unit (the queue lists each unit's items together).
    pub(super) fn select_next_unit(&mut self) {
        let queue = self.queue();
        let Some(current) = queue.get(self.browse.queue_selected).map(|item| item.unit) else { return };
        let from = self.browse.queue_selected;
        let next = (from..queue.len()).find(|&i| queue[i].unit != current);
        self.browse.queue_selected = next.unwrap_or(0);
    }

    /// Where the queue opens: on the first item still waiting for this user.
    pub(super) fn select_first_open(&mut self) {
        if let Some(index) = self.queue().iter().position(|item| self.waits_for_me(item.status)) {
            self.browse.queue_selected = index;
        }
    }

    /// The item after a saved one: the next still waiting for this user, or after a comment the next item
    /// this agency comments on.
    pub(super) fn next_item_after(&self, unit: &UnitCode, component: &str) -> Option<QueueItem> {
        let queue = self.queue();
        let unit_index = u32::try_from(*self.unit_index.get(unit)?).ok()?;
        let position = queue.iter().position(|item| {
            item.unit == unit_index && self.item_place(item).is_some_and(|(_, place)| place.component.code == component)
        })?;
        let commenting = queue[position].status == Status::CoAssigned;
        let next = |item: &&QueueItem| {
            if commenting { item.status == Status::CoAssigned } else { self.waits_for_me(item.status) }
        };
        queue.iter().skip(position + 1).find(next).copied()
    }
}
