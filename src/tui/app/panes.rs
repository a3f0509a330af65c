//! The panes and the queue's items: which panes a role has, where an item stands, the panes' selections
//! and scroll positions, and how far each unit's appraisal is.

use super::*;

/// A pane of the main screen, one tab each; which a person has depends on their role (see [`App::panes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// A member's (or assistant's) queue: the components their agency appraises, unit by unit.
    Queue,
    /// A bloc's ranking: each unit's total, level and place, with the quota line.
    Ranking,
    /// How far each unit's appraisal is, overall and by leading agency.
    Progress,
    /// The units tied on score that the chairman orders (Điều 9).
    Ties,
    /// A bloc's levels and scores as bar charts.
    Charts,
    /// A unit's own self-assessment (its focal person).
    SelfAssessment,
    /// A unit's result, once published (its focal person).
    Result,
    /// The secretary's desk: imports, users, the round's settings, submissions, re-rating, backup.
    Desk,
}

impl Pane {
    /// The pane's title in Vietnamese (the views' call until they speak `title_in(app.lang)`).
    pub fn title(self) -> &'static str {
        self.title_in(crate::messages::Lang::Vi)
    }

    /// The pane's title in the language of the run.
    pub fn title_in(self, lang: crate::messages::Lang) -> &'static str {
        use crate::messages::status as say;
        match self {
            Pane::Queue => say::PANE_QUEUE,
            Pane::Ranking => say::PANE_RANKING,
            Pane::Progress => say::PANE_PROGRESS,
            Pane::Ties => say::PANE_TIES,
            Pane::Charts => say::PANE_CHARTS,
            Pane::SelfAssessment => say::PANE_SELF_ASSESSMENT,
            Pane::Result => say::PANE_RESULT,
            Pane::Desk => crate::messages::desk::PANE,
        }
        .say(lang)
    }
}

/// Where an item of the queue stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Not appraised yet.
    Pending,
    /// Appraised below the self-score without the reason the regulation asks for.
    NeedsReason,
    /// The unit's file lacks an explanation or documents (*thiếu hồ sơ*, Điều 8.2.b–c, 9.4.đ): appraisable,
    /// usually with a deduction.
    IncompleteFile,
    /// Entered by the assistant team; waits for a member of the agency to confirm or correct it.
    AwaitingConfirmation,
    /// Appraised by this agency.
    Appraised,
    /// Led by another agency; this one may comment.
    CoAssigned,
    /// Only as a filter: the items of units that have not submitted yet (outside the queue otherwise).
    NotSubmitted,
}

impl Status {
    /// Still waits for this agency's appraisal.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Pending | Status::NeedsReason | Status::IncompleteFile)
    }

    /// The status in Vietnamese (the views' call until they speak `words(app.lang)`).
    pub fn vietnamese(self) -> &'static str {
        self.words(crate::messages::Lang::Vi)
    }

    /// The status in the language of the run.
    pub fn words(self, lang: crate::messages::Lang) -> &'static str {
        use crate::messages::status as say;
        match self {
            Status::Pending => say::STATUS_PENDING,
            Status::NeedsReason => say::STATUS_NEEDS_REASON,
            Status::IncompleteFile => say::STATUS_INCOMPLETE_FILE,
            Status::AwaitingConfirmation => say::STATUS_AWAITING,
            Status::Appraised => say::STATUS_APPRAISED,
            Status::CoAssigned => say::STATUS_CO_ASSIGNED,
            Status::NotSubmitted => say::STATUS_NOT_SUBMITTED,
        }
        .say(lang)
    }
}

/// One component of one unit waiting for (or done by) this member's agency; `App::item_place` and
/// `App::item_codes` say which. Indices, not codes: a national queue holds a quarter of a million items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueItem {
    /// The unit's index in `Round::units`.
    pub unit: u32,
    /// The component's position in its framework (`Framework::components` order).
    pub component: u16,
    /// Where it stands for this agency.
    pub status: Status,
    /// The unit's file lacks an explanation or documents for it (*thiếu hồ sơ*), whatever its status: the
    /// *Thiếu hồ sơ* filter lists it.
    pub incomplete: bool,
}

/// The panes' state, kept while a form or a file is open over them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Browse {
    /// The pane in front.
    pub pane: Pane,
    /// The queue's selected row (index in the filtered queue).
    pub queue_selected: usize,
    /// The bloc shown by the ranking and the charts (index in `App::results`).
    pub bloc: usize,
    /// The ranking's selected row (index in the filtered rows).
    pub ranking_selected: usize,
    /// The progress pane's selected unit.
    pub progress_selected: usize,
    /// The ties pane's selected group.
    pub ties_selected: usize,
    /// The component selected in a unit's own self-assessment.
    pub self_selected: usize,
    /// The action selected on the desk.
    pub desk_selected: usize,
    /// The text filter typed after `/`, matched without diacritics against codes and names.
    pub filter: String,
    /// The queue shows only items of this status; None: all.
    pub status_filter: Option<Status>,
}

impl Default for Browse {
    fn default() -> Browse {
        Browse {
            pane: Pane::Queue,
            queue_selected: 0,
            bloc: 0,
            ranking_selected: 0,
            progress_selected: 0,
            ties_selected: 0,
            self_selected: 0,
            desk_selected: 0,
            filter: String::new(),
            status_filter: None,
        }
    }
}

/// How far each long list is scrolled (kept by the views, which alone know the height), and the height of
/// the last list drawn (so PgUp/PgDn move by what a person sees).
#[derive(Debug, Default)]
pub struct Scroll {
    /// The queue's first row shown.
    pub queue: std::cell::Cell<usize>,
    /// The ranking's first row shown.
    pub ranking: std::cell::Cell<usize>,
    /// The progress pane's first row shown.
    pub progress: std::cell::Cell<usize>,
    /// The ties pane's first row shown.
    pub ties: std::cell::Cell<usize>,
    /// The start-up picker's first row shown.
    pub picker: std::cell::Cell<usize>,
    /// The height of the last list drawn: what PgUp/PgDn move by.
    pub page: std::cell::Cell<u16>,
    /// The list rows of the last frame by screen line: (line, row index), for clicks.
    pub clickable: std::cell::RefCell<Vec<(u16, usize)>>,
    /// The last frame was below the smallest size (only the size notice was drawn): keys other than `q` and
    /// Ctrl-C must not act on a screen nobody sees.
    pub too_small: std::cell::Cell<bool>,
    /// The positions the unit's result pane scrolls through (its wrapped lines beyond one screen, plus one).
    pub result_lines: std::cell::Cell<usize>,
    /// The help overlay's first line shown, and the positions it scrolls through (as `result_lines`).
    pub help: std::cell::Cell<usize>,
    /// The help's positions to scroll through.
    pub help_lines: std::cell::Cell<usize>,
    /// The history overlay's first row shown, and the positions it scrolls through (as `help_lines`).
    pub history: std::cell::Cell<usize>,
    /// The history's positions to scroll through.
    pub history_lines: std::cell::Cell<usize>,
}

/// How far the appraisal of one unit is: appraised / applicable components, overall and by leading agency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitProgress {
    /// Applicable components appraised.
    pub done: u32,
    /// Applicable components (a component marked not applicable counts in neither).
    pub total: u32,
    /// Applicable components whose file lacks an explanation or documents (*thiếu hồ sơ*).
    pub incomplete: u32,
    /// (appraised, applicable) by the leading agency's position in `Regulation::agencies`.
    pub by_agency: Vec<(u32, u32)>,
}

impl App {
    /// The panes this person's role has, in tab order (none before sign-in): a member's queue; the secretary's
    /// ranking, progress, charts and desk; the chairman's the same with the ties; a unit's own two.
    pub fn panes(&self) -> Vec<Pane> {
        match self.role() {
            Some(Role::Member | Role::Assistant | Role::Leader) => vec![Pane::Queue],
            Some(Role::Secretary) => vec![Pane::Ranking, Pane::Progress, Pane::Charts, Pane::Desk],
            Some(Role::Chairman | Role::ServiceAccount) => {
                vec![Pane::Ranking, Pane::Progress, Pane::Ties, Pane::Charts, Pane::Desk]
            }
            Some(Role::Unit) => vec![Pane::SelfAssessment, Pane::Result],
            None => vec![],
        }
    }
}
