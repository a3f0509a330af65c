//! The interface's state: who is at the keyboard, the round as last read, its standing, the open forms;
//! `update` (in `update.rs`) is the only thing that changes it.

use super::keymap::Context;
use crate::domain::appraisal::check_reason;
use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::evaluate::{BlocResult, Round, UnitRecord, evaluate_unit};
use crate::domain::evidence::EvidenceCounts;
use crate::domain::facts::{FactKind, FactValue};
use crate::domain::framework::ComponentPlace;
use crate::domain::grades::Grade;
use crate::domain::permissions::{Actor, Role};
use crate::domain::ranking::RankedUnit;
use crate::domain::reasons::unit_reasons;
use crate::domain::regulation::Regulation;
use crate::domain::score::{display_vi, parse_score};
use crate::domain::scoring::ComponentScore;
use crate::domain::search;
use crate::domain::self_assessment::{FileGap, criterion_documents};
use crate::domain::standing::Standing;
use crate::store::audit::AuditRow;
use crate::store::council::CommentRow;
use crate::store::import::EvidenceRow;
use crate::store::users::CouncilUser;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};
use ratatui_textarea::TextArea;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet, HashMap};

mod desk;
mod forms;
mod keys;
mod messages;
mod unit_side;
mod update;
mod views;

pub use desk::{
    Desk, DeskAction, DeskForm, DeskFormKind, DeskPaper, MAINTENANCE, READS, Right, SCREEN_WAYS, ScreenWay,
};
pub use messages::{Action, Effect, Snapshot, UnitRefresh};
pub use unit_side::{SelfField, SelfForm, Submissions, SubmitForm, UnitSide};
pub use update::update;

/// Why the scoring form of an approved bloc takes no keys (and what it says from the moment it opens).
pub const READ_ONLY: &str = crate::messages::status::READ_ONLY.vi();

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Queue,
    Ranking,
    Progress,
    Ties,
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
    Pending,
    NeedsReason,
    /// The unit's file lacks an explanation or documents (*thiếu hồ sơ*, Điều 8.2.b–c, 9.4.đ): appraisable,
    /// usually with a deduction.
    IncompleteFile,
    /// Entered by the assistant team; waits for a member of the agency to confirm or correct it.
    AwaitingConfirmation,
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
    pub status: Status,
    /// The unit's file lacks an explanation or documents for it (*thiếu hồ sơ*), whatever its status: the
    /// *Thiếu hồ sơ* filter lists it.
    pub incomplete: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Score,
    Reason,
}

/// The scoring form of one component.
pub struct Form {
    pub unit: String,
    pub component: String,
    pub score: String,
    pub reason: TextArea<'static>,
    pub field: Field,
    pub error: Option<String>,
    pub dirty: bool,
    /// The component's version when the form opened; the store refuses the save if another session saved since.
    pub based_on_version: i64,
    /// Withdrawing the recorded appraisal: the reason box asks the reason for it, and this keeps the deduction
    /// reason it held, given back if the withdrawal is cancelled (Esc).
    pub withdrawing: Option<TextArea<'static>>,
}

/// A co-appraising agency's comment on one component (it writes no score).
pub struct CommentForm {
    pub unit: String,
    pub component: String,
    pub text: TextArea<'static>,
    pub error: Option<String>,
    pub dirty: bool,
}

/// What fills the screen; each screen owns its state, and `update` moves between them.
#[expect(clippy::large_enum_variant, reason = "one screen lives at a time, inside the App: boxing buys nothing")]
pub enum Screen {
    /// The demo's start-up picker: who is at the keyboard (the selected choice).
    Picker { selected: usize },
    /// The panes and their lists (`App::browse`); `filtering` while the filter is being typed.
    Browse { filtering: bool },
    /// The scoring form of one component.
    Appraisal(Form),
    /// A co-appraising agency's comment.
    Comment(CommentForm),
    /// The chairman ordering one tie group.
    TieOrder(TieEdit),
    /// The secretary recording a unit's facts (the chairman re-rating them).
    Facts(FactsForm),
    /// The chairman overriding criterion grades.
    Grades(GradeForm),
    /// A unit's file, read-only; `back` is the screen it was opened from when that was not the panes.
    Unit { view: UnitView, back: Option<Box<Screen>> },
    /// The chairman about to approve a bloc.
    Approval(ApprovalPrompt),
    /// A unit's focal person filling one component's self-assessment.
    SelfAssess(SelfForm),
    /// A unit's focal person submitting its self-assessment.
    Submit(SubmitForm),
    /// The secretary's desk at work: a file list, a preview, a form …
    Desk(Desk),
}

/// What is drawn over the screen, and takes the keys until it is closed.
pub enum Overlay {
    /// The keys that act here, from the keymap.
    Help,
    /// A component's (or a unit's) audit history: title and rows, oldest first.
    /// Who by full name (login → full name, where one is recorded).
    History { title: String, rows: Vec<AuditRow>, names: BTreeMap<String, String> },
    /// A question before unsaved work is thrown away.
    Confirm(Pending),
    /// The commands that fetch a component's files over SFTP, one selected (copied to the clipboard).
    Paths { lines: Vec<String>, selected: usize },
}

/// The panes' state, kept while a form or a file is open over them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Browse {
    pub pane: Pane,
    pub queue_selected: usize,
    /// The bloc shown by the ranking and the charts (index in `App::results`).
    pub bloc: usize,
    pub ranking_selected: usize,
    pub progress_selected: usize,
    pub ties_selected: usize,
    /// The component selected in a unit's own self-assessment.
    pub self_selected: usize,
    /// The action selected on the desk.
    pub desk_selected: usize,
    pub filter: String,
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

/// The chairman ordering one tie group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieEdit {
    pub bloc: String,
    pub units: Vec<String>,
    pub selected: usize,
    /// Reopening a recorded order: the reason for the change, asked when the chairman saves (None: a new order).
    pub reason: Option<String>,
    /// Typing goes to the reason (the new order is set; Enter saves it, Esc goes back to the order).
    pub reason_focus: bool,
    /// A new order about to be recorded: what was typed at the question (`y` and Enter, or Ctrl-S, records it;
    /// Esc goes back to the order). None while the order is being set. A decision is confirmed like an approval.
    pub confirm: Option<String>,
}

/// The secretary recording a unit's facts; on an approved bloc, the chairman re-rating them (Điều 10.4).
pub struct FactsForm {
    pub unit: String,
    pub values: Vec<(String, FactValue)>,
    pub selected: usize,
    /// Present when the bloc is approved: the change is a re-rating and needs the chairman's reason.
    pub rerate_reason: Option<TextArea<'static>>,
    /// Typing goes to the reason (Tab switches).
    pub reason_focus: bool,
    pub error: Option<String>,
}

/// A re-rating's reason box (Điều 10.4).
pub fn rerate_reason_box(lang: crate::messages::Lang) -> TextArea<'static> {
    let mut reason = TextArea::default();
    reason.set_placeholder_text(crate::messages::status::RERATE_PLACEHOLDER.say(lang));
    reason
}

/// The chairman overriding the grade of one criterion of a unit.
pub struct GradeForm {
    pub unit: String,
    /// (criterion code, proposed grade, grade that counts now)
    pub criteria: Vec<(String, Option<Grade>, Option<Grade>)>,
    pub selected: usize,
    pub chosen: Option<Grade>,
    pub reason: TextArea<'static>,
    pub error: Option<String>,
}

/// A unit's file, read-only: every component with its scores, reasons, explanation and documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitView {
    pub unit: String,
    /// The selected component's position in the unit's framework (`Framework::components` order).
    pub selected: usize,
    /// Self-score against appraised score by criterion, as a chart, instead of the text.
    pub chart: bool,
}

/// The chairman about to approve a bloc: nothing is written until `y` and Enter (or Ctrl-S).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApprovalPrompt {
    pub bloc: String,
    /// What was typed: `y` confirms.
    pub typed: String,
    /// Why approval is not possible yet (then nothing can be confirmed).
    pub blocker: Option<String>,
}

/// How far each long list is scrolled (kept by the views, which alone know the height), and the height of
/// the last list drawn (so PgUp/PgDn move by what a person sees).
#[derive(Debug, Default)]
pub struct Scroll {
    pub queue: std::cell::Cell<usize>,
    pub ranking: std::cell::Cell<usize>,
    pub progress: std::cell::Cell<usize>,
    pub ties: std::cell::Cell<usize>,
    pub picker: std::cell::Cell<usize>,
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
    pub help_lines: std::cell::Cell<usize>,
    /// The history overlay's first row shown, and the positions it scrolls through (as `help_lines`).
    pub history: std::cell::Cell<usize>,
    pub history_lines: std::cell::Cell<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    Quit,
    CloseForm,
}

/// How far the appraisal of one unit is: appraised / applicable components, overall and by leading agency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitProgress {
    pub done: u32,
    pub total: u32,
    /// Applicable components whose file lacks an explanation or documents (*thiếu hồ sơ*).
    pub incomplete: u32,
    /// (appraised, applicable) by the leading agency's position in `Regulation::agencies`.
    pub by_agency: Vec<(u32, u32)>,
}

pub struct App {
    pub regulation: Regulation,
    pub round: Round,
    /// Every unit's evaluation and every bloc's ranking, kept up to date unit by unit.
    standing: Standing,
    /// Unit code → index in `round.units`.
    unit_index: HashMap<UnitCode, usize>,
    /// This user's queue items, by unit index, each with its unit's folded text for the filter.
    items: Vec<Vec<QueueItem>>,
    /// Each unit's code and name folded for the diacritic-free filter, by unit index.
    folded_units: Vec<String>,
    /// Each component's code and name folded for the filter, by framework and position in it.
    folded_components: Vec<Vec<String>>,
    /// Each component's leading agency (its position in `Regulation::agencies`), by framework and position.
    lead_agencies: Vec<Vec<Option<usize>>>,
    /// The queue as shown: items filtered by status and text.
    queue: Vec<QueueItem>,
    /// The selected bloc's ranking rows that match the filter.
    ranking_rows: Vec<usize>,
    /// How many queue items still wait for this user.
    queue_left: usize,
    /// The unresolved tie groups of every bloc: (bloc, units).
    open_ties: Vec<(BlocCode, Vec<UnitCode>)>,
    /// The tie groups the chairman has ordered, in his order: (bloc, units); listed after the open ones.
    recorded_ties: Vec<(BlocCode, Vec<UnitCode>)>,
    /// Per unit (by index): components appraised, applicable, and the same by leading agency.
    unit_progress: Vec<UnitProgress>,
    /// Per leading agency: components appraised and applicable, over every unit.
    agency_progress: BTreeMap<String, (usize, usize)>,
    /// Components with an incomplete file, and units with any, over every unit.
    incomplete_files: (usize, usize),
    /// What the derived views were built for: (filter, status filter, bloc, user); rebuilt when it moves.
    views_built_for: Option<(String, Option<Status>, usize, Option<String>)>,
    pub audit_id: i64,
    /// Evidence by (unit, criterion or component code).
    /// The documents of the units whose forms were opened, by (unit, criterion or component code).
    pub evidence: BTreeMap<(String, String), Vec<EvidenceRow>>,
    /// The files each unit sent over SFTP (issue 24), read with its documents.
    pub files: BTreeMap<String, Vec<crate::store::files::DocumentFile>>,
    /// Units whose documents are in `evidence` and whose explanations are in `round` (or were asked for).
    details_loaded: BTreeSet<String>,
    /// How many documents back each criterion or component, by unit.
    evidence_counts: EvidenceCounts,
    pub approved: BTreeSet<BlocCode>,
    pub comments: Vec<CommentRow>,
    /// Comments this user has had in front of them: those on items already done when the interface opened,
    /// and those of every form opened since. Any other comment on one of their items is flagged as new.
    comments_known: BTreeSet<(String, String, String, String)>,
    pub users: Vec<CouncilUser>,
    pub demo: bool,
    /// What a unit's focal person reads beside its unit (empty for the council).
    pub unit_side: UnitSide,
    /// Who has submitted and the round's calendar (the council).
    pub submissions: Submissions,
    /// Each unit's level in the round before this one (`init --from`).
    pub previous_levels: BTreeMap<String, crate::domain::previous_year::PreviousLevel>,
    /// Who is at the keyboard; None while the start-up picker is shown (demo only).
    pub user: Option<Actor>,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub browse: Browse,
    pub scroll: Scroll,
    /// The last click (screen line, when), to tell a double click.
    pub last_click: Option<(u16, std::time::Instant)>,
    pub message: Option<(String, bool)>,
    pub should_quit: bool,
    /// The language the screens speak: Vietnamese unless `--lang en` (or `THAMDINH_LANG=en`) asked otherwise.
    pub lang: crate::messages::Lang,
    /// Whom and where the person fetches files from (`thamdinh@10.0.0.5`), as the SSH session says; a placeholder
    /// outside one.
    pub remote: String,
}

impl App {
    /// `user`: the signed-in user (`--user`); None opens the start-up picker, which only the demo offers.
    pub fn new(regulation: Regulation, snapshot: Snapshot, demo: bool, user: Option<Actor>) -> App {
        let mut app = App {
            regulation,
            round: Round::default(),
            standing: Standing::default(),
            unit_index: HashMap::new(),
            items: Vec::new(),
            folded_units: Vec::new(),
            folded_components: Vec::new(),
            lead_agencies: Vec::new(),
            queue: Vec::new(),
            ranking_rows: Vec::new(),
            queue_left: 0,
            open_ties: Vec::new(),
            recorded_ties: Vec::new(),
            unit_progress: Vec::new(),
            agency_progress: BTreeMap::new(),
            incomplete_files: (0, 0),
            views_built_for: None,
            audit_id: 0,
            evidence: BTreeMap::new(),
            files: BTreeMap::new(),
            details_loaded: BTreeSet::new(),
            evidence_counts: EvidenceCounts::default(),
            approved: BTreeSet::new(),
            comments: Vec::new(),
            comments_known: BTreeSet::new(),
            users: Vec::new(),
            demo,
            lang: crate::messages::Lang::Vi,
            remote: crate::messages::desk_more::REMOTE_PLACEHOLDER.to_string(),
            unit_side: UnitSide::default(),
            submissions: Submissions::default(),
            previous_levels: BTreeMap::new(),
            user: None,
            screen: Screen::Picker { selected: 0 },
            overlay: None,
            browse: Browse::default(),
            scroll: Scroll::default(),
            last_click: None,
            message: None,
            should_quit: false,
        };
        let frameworks = &app.regulation.frameworks;
        app.folded_components = frameworks
            .iter()
            .map(|framework| {
                framework
                    .components()
                    .map(|place| search::fold(&format!("{} {}", place.component.code, place.component.name)))
                    .collect()
            })
            .collect();
        let agencies = &app.regulation.agencies;
        app.lead_agencies = frameworks
            .iter()
            .map(|framework| {
                framework
                    .components()
                    .map(|place| {
                        let lead = place.component.agencies.first()?;
                        agencies.iter().position(|agency| &agency.code == lead)
                    })
                    .collect()
            })
            .collect();
        // Signed in before the round is taken in, so each unit's items are built once.
        if let Some(user) = user {
            app.user = Some(user);
            app.browse.pane = app.panes().first().copied().unwrap_or(Pane::Queue);
            app.screen = Screen::Browse { filtering: false };
        }
        app.load(snapshot);
        app.refresh_views();
        app.select_first_open();
        app.know_old_comments();
        app
    }

    fn sign_in(&mut self, user: Actor) {
        self.user = Some(user);
        self.browse.pane = self.panes().first().copied().unwrap_or(Pane::Queue);
        self.screen = Screen::Browse { filtering: false };
        self.rebuild_items();
        self.refresh_views();
        self.select_first_open();
        self.know_old_comments();
    }

    /// The signed-in user's role.
    pub fn role(&self) -> Option<Role> {
        self.user.as_ref().map(|u| u.role)
    }

    fn load(&mut self, snapshot: Snapshot) {
        self.round = snapshot.round;
        self.approved = snapshot.approved;
        self.comments = snapshot.comments;
        self.users = snapshot.users;
        self.unit_side = snapshot.unit_side;
        self.submissions = snapshot.submissions;
        self.previous_levels = snapshot.previous_levels;
        self.views_built_for = None;
        self.audit_id = snapshot.audit_id;
        self.standing = Standing::new(&self.regulation, &self.round);
        self.unit_index = self.round.units.iter().enumerate().map(|(i, u)| (u.code.clone(), i)).collect();
        self.folded_units = self.round.units.iter().map(|u| search::fold(&format!("{} {}", u.code, u.name))).collect();
        self.evidence.clear();
        self.files.clear();
        self.details_loaded.clear();
        self.evidence_counts = snapshot.evidence_counts;
        self.browse.bloc = self.browse.bloc.min(self.results().len().saturating_sub(1));
        self.rebuild_items();
    }

    /// Applies the units another session (or this one) changed: only they are evaluated again, only their
    /// blocs ranked again, only their queue items rebuilt. None when a unit is new: the round must be read whole.
    fn apply(&mut self, refresh: UnitRefresh) -> Option<()> {
        let indexes: Vec<usize> =
            refresh.records.iter().map(|r| self.unit_index.get(r.code.as_str()).copied()).collect::<Option<_>>()?;
        let changed: BTreeSet<&str> = refresh.records.iter().map(|r| r.code.as_str()).collect();
        self.evidence.retain(|(unit, _), _| !changed.contains(unit.as_str()));
        for &index in &indexes {
            self.evidence_counts.clear_unit(index);
        }
        self.details_loaded.extend(changed.iter().map(ToString::to_string));
        self.files.retain(|unit, _| !changed.contains(unit.as_str()));
        for file in refresh.files {
            self.files.entry(file.unit.clone()).or_default().push(file);
        }
        for row in refresh.evidence {
            if let Some(&index) = self.unit_index.get(row.unit.as_str()) {
                self.evidence_counts.add(index, &row.criterion, 1);
            }
            self.evidence.entry((row.unit.clone(), row.criterion.clone())).or_default().push(row);
        }
        self.round.published = refresh.published;
        for (record, index) in refresh.records.into_iter().zip(indexes) {
            if record.bloc != self.round.units[index].bloc {
                return None;
            }
            self.round.units[index] = record;
            self.standing.unit_changed(&self.regulation, &self.round, index);
            self.rebuild_unit_items(index);
        }
        self.comments = refresh.comments;
        self.approved = refresh.approved;
        self.submissions.by_unit = refresh.submitted;
        self.audit_id = refresh.audit_id;
        self.views_built_for = None;
        Some(())
    }

    /// The ranking of every bloc that has units.
    pub fn results(&self) -> &[BlocResult] {
        self.standing.results()
    }

    /// The users offered by the demo's start-up picker, with how the picker names them.
    pub fn choices(&self) -> Vec<(Actor, String)> {
        let mut users: Vec<&CouncilUser> = self.users.iter().filter(|u| u.removed_at.is_none()).collect();
        users.sort_by_key(|u| (u.role, u.agency.clone(), u.name.clone()));
        users.into_iter().map(|u| (u.actor(), self.describe(&u.actor()))).collect()
    }

    /// A role's name, the leaders' in the regulation's words.
    pub fn role_name(&self, role: Role) -> String {
        crate::messages::leaders::role(role, self.lang, self.regulation.leaders_name.as_deref())
    }

    /// "Thành viên Hội đồng — Sở Nội vụ (tv-so-noi-vu)".
    pub fn describe(&self, user: &Actor) -> String {
        let agency = user.agency.as_deref().map(|a| self.regulation.agency(a).map_or(a, |agency| agency.name.as_str()));
        match agency {
            Some(agency) => {
                format!("{} — {agency} ({})", self.role_name(user.role), user.name)
            }
            None => format!("{} ({})", self.role_name(user.role), user.name),
        }
    }

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

    /// Where the keyboard is: the overlay's context if one is open, else the screen's.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Confirm(_)) => Context::ConfirmQuit,
            Some(Overlay::Help) => Context::Help,
            Some(Overlay::History { .. }) => Context::History,
            Some(Overlay::Paths { .. }) => Context::Paths,
            None => self.screen_context(),
        }
    }

    /// The context of the screen under any overlay (the help lists its keys).
    pub fn screen_context(&self) -> Context {
        match &self.screen {
            Screen::Picker { .. } => Context::Picker,
            Screen::Browse { filtering: true } => Context::Filter,
            Screen::Browse { filtering: false } => Context::List,
            Screen::Appraisal(_) => Context::Form,
            Screen::Comment(_) => Context::Comment,
            Screen::TieOrder(_) => Context::Ties,
            Screen::Facts(_) => Context::Facts,
            Screen::Grades(_) => Context::Grades,
            Screen::Unit { .. } => Context::Unit,
            Screen::Approval(_) => Context::Approve,
            Screen::SelfAssess(_) => Context::SelfForm,
            Screen::Submit(_) => Context::Submit,
            Screen::Desk(desk) => match desk {
                Desk::Files { .. } => Context::DeskFiles,
                Desk::Kind { .. } => Context::DeskKind,
                Desk::Preview { .. } => Context::DeskPreview,
                Desk::Problems { .. } => Context::DeskProblems,
                Desk::Users { removing: None, .. } => Context::DeskUsers,
                Desk::Users { removing: Some(_), .. } => Context::DeskRemove,
                Desk::Form(_) => Context::DeskForm,
                Desk::Papers { .. } => Context::DeskPapers,
                Desk::Notice { .. } => Context::DeskNotice,
            },
        }
    }

    /// Back to the panes (a form saved or closed); the desk's user form back to its list of users.
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
            _ => Screen::Browse { filtering: false },
        };
    }

    /// The scoring form is of a unit whose bloc is approved: it is read, not written.
    pub fn form_read_only(&self) -> bool {
        self.form().and_then(|form| self.unit(&form.unit)).is_some_and(|unit| self.approved.contains(&unit.bloc))
    }

    /// The scoring form, when it is the screen.
    pub fn form(&self) -> Option<&Form> {
        match &self.screen {
            Screen::Appraisal(form) => Some(form),
            _ => None,
        }
    }

    pub fn comment_form(&self) -> Option<&CommentForm> {
        match &self.screen {
            Screen::Comment(form) => Some(form),
            _ => None,
        }
    }

    pub fn tie_edit(&self) -> Option<&TieEdit> {
        match &self.screen {
            Screen::TieOrder(edit) => Some(edit),
            _ => None,
        }
    }

    pub fn facts_form(&self) -> Option<&FactsForm> {
        match &self.screen {
            Screen::Facts(form) => Some(form),
            _ => None,
        }
    }

    pub fn grade_form(&self) -> Option<&GradeForm> {
        match &self.screen {
            Screen::Grades(form) => Some(form),
            _ => None,
        }
    }

    /// The unit's file on screen.
    pub fn unit_view(&self) -> Option<&UnitView> {
        match &self.screen {
            Screen::Unit { view, .. } => Some(view),
            _ => None,
        }
    }

    pub fn approval(&self) -> Option<&ApprovalPrompt> {
        match &self.screen {
            Screen::Approval(prompt) => Some(prompt),
            _ => None,
        }
    }

    /// The history overlay's title and rows, when it is open.
    pub fn history(&self) -> Option<(&str, &[AuditRow])> {
        match &self.overlay {
            Some(Overlay::History { title, rows, .. }) => Some((title, rows)),
            _ => None,
        }
    }

    /// The demo picker's selected choice, while it is the screen.
    pub fn picker(&self) -> Option<usize> {
        match self.screen {
            Screen::Picker { selected } => Some(selected),
            _ => None,
        }
    }

    /// The filter is being typed.
    pub fn filtering(&self) -> bool {
        matches!(self.screen, Screen::Browse { filtering: true })
    }

    pub fn unit(&self, code: &str) -> Option<&UnitRecord> {
        self.unit_index.get(code).and_then(|&index| self.round.units.get(index))
    }

    pub fn place<'a>(&'a self, unit: &UnitRecord, component: &str) -> Option<ComponentPlace<'a>> {
        self.regulation.framework_for(&unit.bloc, unit.group.as_deref())?.component(component)
    }

    /// At sign-in: comments on items already done are not news; those on items still open are.
    fn know_old_comments(&mut self) {
        let old: Vec<_> = self
            .comments
            .iter()
            .filter(|c| !self.my_status(&c.unit, &c.criterion).is_some_and(|status| self.waits_for_me(status)))
            .map(comment_key)
            .collect();
        self.comments_known.extend(old);
    }

    /// The status of this user's queue item for a component, if it is in their queue.
    fn my_status(&self, unit: &str, component: &str) -> Option<Status> {
        let &index = self.unit_index.get(unit)?;
        self.items
            .get(index)?
            .iter()
            .find(|item| self.item_codes(item).is_some_and(|(_, code)| code == component))
            .map(|item| item.status)
    }

    /// A co-appraising agency commented on this item of the user's and the user has not opened it since.
    pub fn has_new_comment(&self, unit: &str, component: &str) -> bool {
        self.comments
            .iter()
            .filter(|c| c.unit == unit && c.criterion == component)
            .any(|c| !self.comments_known.contains(&comment_key(c)))
            && self.my_status(unit, component).is_some_and(|status| status != Status::CoAssigned)
    }

    /// Opening an item's form puts its comments in front of the user.
    pub(super) fn know_comments_on(&mut self, unit: &str, component: &str) {
        let seen: Vec<_> =
            self.comments.iter().filter(|c| c.unit == unit && c.criterion == component).map(comment_key).collect();
        self.comments_known.extend(seen);
    }

    /// The comments on one component of one unit.
    pub fn comments_on(&self, unit: &str, component: &str) -> Vec<&CommentRow> {
        self.comments.iter().filter(|c| c.unit == unit && c.criterion == component).collect()
    }

    /// How many documents back a component (its own, and its criterion's).
    pub fn evidence_count(&self, unit: &str, place: &ComponentPlace<'_>) -> u32 {
        let Some(&index) = self.unit_index.get(unit) else { return 0 };
        evidence_codes(place).map(|code| self.evidence_counts.count(index, code)).sum()
    }

    /// Why a ranked unit has its level: its level's reasons, the quota's, and the gaps of its file, in the
    /// interface's language.
    pub fn reasons_of(&self, ranked: &RankedUnit) -> Vec<String> {
        match self.unit_index.get(&ranked.unit) {
            Some(&index) => {
                let mut reasons = unit_reasons(&self.regulation, &self.round.units[index], ranked, |code| {
                    self.evidence_counts.count(index, code)
                });
                let previous = self.previous_levels.get(ranked.unit.as_str());
                let bloc = &self.round.units[index].bloc;
                let context = crate::domain::previous_year::YearContext::of(&self.regulation, &self.round, bloc);
                reasons.extend(crate::domain::reasons::previous_year_reasons(&context, previous, ranked.outcome));
                crate::messages::reasons::reasons(&reasons, self.lang)
            }
            None => {
                ranked.quota_note.iter().map(|note| crate::messages::reasons::quota_note(note, self.lang)).collect()
            }
        }
    }

    /// What the file behind a component lacks (*thiếu hồ sơ*), if the regulation marks such gaps.
    pub fn file_gap(&self, unit: &str, place: &ComponentPlace<'_>) -> Option<FileGap> {
        let &index = self.unit_index.get(unit)?;
        let entry = self.round.units.get(index)?.entries.get(&place.component.code);
        component_gap(&self.regulation, &self.evidence_counts, index, entry, place)
    }

    /// The documents of a component, once its unit's documents were read (when its form opened).
    pub fn evidence_for(&self, unit: &str, place: &ComponentPlace<'_>) -> Vec<&EvidenceRow> {
        evidence_codes(place)
            .filter_map(|code| self.evidence.get(&(unit.to_string(), code.to_string())))
            .flatten()
            .collect()
    }

    /// The files a unit sent for a component (its criterion's and its own folder), current versions only.
    pub fn files_for(&self, unit: &str, place: &ComponentPlace<'_>) -> Vec<&crate::store::files::DocumentFile> {
        let codes: Vec<&str> = evidence_codes(place).collect();
        self.files
            .get(unit)
            .map(|files| {
                files.iter().filter(|f| f.replaced_by.is_none() && codes.contains(&f.folder.as_str())).collect()
            })
            .unwrap_or_default()
    }

    /// Keeps the files a unit sent, as read with its details.
    pub(super) fn keep_files(&mut self, unit: &str, files: Vec<crate::store::files::DocumentFile>) {
        self.files.insert(unit.to_string(), files);
    }

    /// Asks once for a unit's documents and explanations, unless they are in memory or were asked for.
    pub(super) fn load_details(&mut self, unit: String) -> Option<Effect> {
        self.details_loaded.insert(unit.clone()).then_some(Effect::LoadUnitDetails { unit })
    }

    /// The details of the unit on screen (an open form's, else the queue preview's), when they are not in
    /// memory: after a move, or after the whole round was read again under an open form.
    pub(super) fn details_for_screen(&mut self) -> Option<Effect> {
        let unit = match &self.screen {
            Screen::Unit { view, .. } => view.unit.clone(),
            Screen::Appraisal(form) => form.unit.clone(),
            Screen::Comment(form) => form.unit.clone(),
            Screen::SelfAssess(form) => form.unit.clone(),
            Screen::Browse { .. } if self.browse.pane == Pane::SelfAssessment => self.own_unit()?.to_string(),
            Screen::Browse { .. } if self.browse.pane == Pane::Queue && self.user.is_some() => {
                let item = *self.queue().get(self.browse.queue_selected)?;
                self.round.units.get(item.unit as usize)?.code.to_string()
            }
            _ => return None,
        };
        self.load_details(unit)
    }

    /// Keeps a unit's documents and explanations, read when it was first shown.
    pub(super) fn keep_details(
        &mut self,
        unit: String,
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

    /// The item still needs this user: open, or (for a member) an assistant's entry to confirm.
    pub fn waits_for_me(&self, status: Status) -> bool {
        status.is_open() || (status == Status::AwaitingConfirmation && self.role() == Some(Role::Member))
    }

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
    pub fn tie_row(&self, index: usize) -> Option<(&str, &[UnitCode], bool)> {
        match self.open_ties.get(index) {
            Some((bloc, units)) => Some((bloc, units, false)),
            None => self
                .recorded_ties
                .get(index - self.open_ties.len())
                .map(|(bloc, units)| (bloc.as_str(), units.as_slice(), true)),
        }
    }

    /// How many rows the ties pane lists.
    pub fn tie_rows(&self) -> usize {
        self.open_ties.len() + self.recorded_ties.len()
    }

    fn selection(&mut self) -> (&mut usize, usize) {
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

    /// Why the chairman cannot approve a bloc yet: the store's own gate (`domain::gates::approval_gate`), in the
    /// store's words, asked of the round the interface holds; the store asks it again before it writes.
    pub fn approval_blocker(&self, bloc: &str) -> Option<String> {
        crate::domain::gates::approval_gate(&self.regulation, &self.round, &self.approved, bloc)
            .err()
            .map(|blocker| crate::messages::gates::approval(&blocker, self.lang))
    }

    /// The unit selected in the ranking pane.
    pub fn selected_ranked_unit(&self) -> Option<String> {
        let result = self.results().get(self.browse.bloc)?;
        let index = *self.ranking_rows().get(self.browse.ranking_selected)?;
        Some(result.ranking.units[index].unit.to_string())
    }

    /// The ranked unit of a code (its rank, total, level), from the standing.
    pub fn ranked(&self, code: &str) -> Option<&RankedUnit> {
        let bloc = &self.unit(code)?.bloc;
        let result = self.results().iter().find(|r| &r.bloc == bloc)?;
        result.ranking.units.iter().find(|u| u.unit == code)
    }

    /// The components of a unit's framework, in order.
    pub fn unit_components(&self, code: &str) -> Vec<ComponentPlace<'_>> {
        let Some(unit) = self.unit(code) else { return Vec::new() };
        self.regulation
            .framework_for(&unit.bloc, unit.group.as_deref())
            .map(|framework| framework.components().collect())
            .unwrap_or_default()
    }

    /// The components a unit self-assesses: its framework's, less the criterion the provincial leaders score
    /// (group I of 2610, Điều 6.2.b), which is not the unit's.
    pub fn self_assessed_components(&self, code: &str) -> Vec<ComponentPlace<'_>> {
        let mut components = self.unit_components(code);
        components.retain(|place| !place.criterion.scored_by_leaders);
        components
    }

    /// Opens a unit's file, read-only, on one of its components (or its first).
    pub(super) fn open_unit(&mut self, unit: String, component: Option<&str>) {
        let selected = component
            .and_then(|code| self.unit_components(&unit).iter().position(|p| p.component.code == code))
            .unwrap_or(0);
        // From a decision screen (the tie order) the file goes back to it; from the panes, to them.
        let back = match std::mem::replace(&mut self.screen, Screen::Browse { filtering: false }) {
            Screen::Browse { .. } | Screen::Picker { .. } => None,
            Screen::Unit { back, .. } => back,
            other => Some(Box::new(other)),
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
    fn next_item_after(&self, unit: &str, component: &str) -> Option<QueueItem> {
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

/// What tells one comment from another (unit, component, agency, when).
fn comment_key(comment: &CommentRow) -> (String, String, String, String) {
    (comment.unit.clone(), comment.criterion.clone(), comment.agency.clone(), comment.at.clone())
}

/// What the file behind a component of the unit at `index` lacks; a component with no entry has none.
fn component_gap(
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
fn evidence_codes<'a>(place: &ComponentPlace<'a>) -> impl Iterator<Item = &'a str> {
    let criterion = (place.component.code != place.criterion.code).then_some(place.criterion.code.as_str());
    std::iter::once(place.component.code.as_str()).chain(criterion)
}
