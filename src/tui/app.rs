//! The interface's state and its pure `update`: keys become commands, commands change the state and ask for effects.

use super::keymap::{Command, Context, command_for};
use crate::domain::appraisal::reason_needed_vi;
use crate::domain::evaluate::{BlocResult, Round, UnitRecord, evaluate_unit, unappraised_in_bloc};
use crate::domain::facts::{FactKind, FactValue};
use crate::domain::framework::ComponentPlace;
use crate::domain::grades::Grade;
use crate::domain::permissions::{Actor, Role};
use crate::domain::regulation::Regulation;
use crate::domain::score::{ScoreInputError, display_vi, parse_score};
use crate::domain::search;
use crate::domain::standing::Standing;
use crate::store::audit::AuditRow;
use crate::store::council::CommentRow;
use crate::store::import::EvidenceRow;
use crate::store::users::CouncilUser;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Queue,
    Ranking,
    Progress,
    Ties,
}

impl Pane {
    pub fn title(self) -> &'static str {
        match self {
            Pane::Queue => "Hàng chờ thẩm định",
            Pane::Ranking => "Xếp hạng",
            Pane::Progress => "Tiến độ",
            Pane::Ties => "Bằng điểm",
        }
    }
}

/// Where an item of the queue stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Pending,
    NeedsReason,
    NoEvidence,
    /// Entered by the assistant team; waits for a member of the agency to confirm or correct it.
    AwaitingConfirmation,
    Appraised,
    /// Led by another agency; this one may comment.
    CoAssigned,
}

impl Status {
    /// Still waits for this agency's appraisal.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Pending | Status::NeedsReason | Status::NoEvidence)
    }

    pub fn vietnamese(self) -> &'static str {
        match self {
            Status::Pending => "Chưa thẩm định",
            Status::NeedsReason => "Thiếu lý do",
            Status::NoEvidence => "Không có tài liệu",
            Status::AwaitingConfirmation => "Chờ xác nhận",
            Status::Appraised => "Đã thẩm định",
            Status::CoAssigned => "Phối hợp — góp ý",
        }
    }
}

/// One component of one unit waiting for (or done by) this member's agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueItem {
    pub unit: String,
    pub component: String,
    pub status: Status,
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
    /// The member's agency is co-assigned: the text area holds a comment and no score is written.
    pub commenting: bool,
    /// The component's version when the form opened; the store refuses the save if another session saved since.
    pub based_on_version: i64,
}

/// The chairman ordering one tie group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieEdit {
    pub bloc: String,
    pub units: Vec<String>,
    pub selected: usize,
}

/// The secretary recording a unit's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactsForm {
    pub unit: String,
    pub values: Vec<(String, FactValue)>,
    pub selected: usize,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    Quit,
    CloseForm,
}

/// The round as the store last read it.
pub struct Snapshot {
    pub round: Round,
    /// How many documents back each (unit, criterion or component); the documents themselves are read
    /// when a unit's form opens.
    pub evidence_counts: Vec<(String, String, u32)>,
    /// Blocs whose results the chairman approved.
    pub approved: BTreeSet<String>,
    pub comments: Vec<CommentRow>,
    /// The council's users (for the demo's start-up picker).
    pub users: Vec<CouncilUser>,
    /// The newest audit row when this was read: later changes are read unit by unit from there.
    pub audit_id: i64,
}

/// What another session (or this one) changed, read again unit by unit instead of the whole round.
pub struct UnitRefresh {
    pub records: Vec<UnitRecord>,
    /// The evidence of those units.
    pub evidence: Vec<EvidenceRow>,
    pub comments: Vec<CommentRow>,
    pub approved: BTreeSet<String>,
    pub audit_id: i64,
}

pub enum Action {
    Key(KeyEvent),
    Resize,
    Reloaded(Box<Snapshot>),
    Saved(String),
    Failed(String),
    /// Another session saved the component meanwhile: the newer value, and the version to save over it.
    Stale {
        message: String,
        version: i64,
    },
    /// The audit history of one component, for the history overlay.
    History {
        title: String,
        rows: Vec<AuditRow>,
    },
    SignedIn(Actor),
    /// The documents of one unit, read when its form opened.
    EvidenceLoaded {
        unit: String,
        rows: Vec<EvidenceRow>,
    },
    /// Another session committed (the database's data version moved).
    ExternalChange,
    UnitsRefreshed(Box<UnitRefresh>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    SaveAppraisal {
        unit: String,
        component: String,
        appraised: Decimal,
        reason: String,
        based_on_version: i64,
    },
    OrderTie {
        bloc: String,
        order: Vec<String>,
    },
    Approve {
        bloc: String,
    },
    Comment {
        unit: String,
        component: String,
        text: String,
    },
    SaveFacts {
        unit: String,
        values: Vec<(String, FactValue)>,
    },
    OverrideGrade {
        unit: String,
        criterion: String,
        grade: Grade,
        reason: String,
    },
    /// The score sheet of one unit, or of every unit, written beside the database.
    ExportSheets {
        unit: Option<String>,
    },
    /// The council's result written beside the database.
    ExportRanking,
    Reload,
    /// Reads what the audit log says changed after row `since`: the changed units, or the whole round.
    Refresh {
        since: i64,
    },
    /// The start-up picker (demo only) chose a user: the store writes as them from now on.
    SignIn {
        name: String,
    },
    LoadHistory {
        unit: String,
        component: String,
    },
    LoadEvidence {
        unit: String,
    },
}

/// How far the appraisal of one unit is: appraised / applicable components, overall and by leading agency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitProgress {
    pub done: usize,
    pub total: usize,
    pub by_agency: BTreeMap<String, (usize, usize)>,
}

pub struct App {
    pub regulation: Regulation,
    pub round: Round,
    /// Every unit's evaluation and every bloc's ranking, kept up to date unit by unit.
    standing: Standing,
    /// Unit code → index in `round.units`.
    unit_index: HashMap<String, usize>,
    /// This user's queue items, by unit index, each with its unit's folded text for the filter.
    items: Vec<Vec<QueueItem>>,
    /// Each unit's code and name folded for the diacritic-free filter, by unit index.
    folded_units: Vec<String>,
    /// Each framework component's code and name folded, by (framework key, component code).
    folded_components: HashMap<(String, String), String>,
    /// The queue as shown: items filtered by status and text.
    queue: Vec<QueueItem>,
    /// The selected bloc's ranking rows that match the filter.
    ranking_rows: Vec<usize>,
    /// How many queue items still wait for this user.
    queue_left: usize,
    /// The unresolved tie groups of every bloc: (bloc, units).
    open_ties: Vec<(String, Vec<String>)>,
    /// Per unit (by index): components appraised, applicable, and the same by leading agency.
    unit_progress: Vec<UnitProgress>,
    /// Per leading agency: components appraised and applicable, over every unit.
    agency_progress: BTreeMap<String, (usize, usize)>,
    /// What the derived views were built for: (filter, status filter, bloc, user); rebuilt when it moves.
    views_built_for: Option<(String, Option<Status>, usize, Option<String>)>,
    pub audit_id: i64,
    /// Evidence by (unit, criterion or component code).
    /// The documents of the units whose forms were opened, by (unit, criterion or component code).
    pub evidence: BTreeMap<(String, String), Vec<EvidenceRow>>,
    /// Units whose documents are in `evidence`.
    evidence_loaded: BTreeSet<String>,
    /// How many documents back each criterion or component, by unit.
    evidence_counts: HashMap<String, BTreeMap<String, u32>>,
    pub approved: BTreeSet<String>,
    pub comments: Vec<CommentRow>,
    pub users: Vec<CouncilUser>,
    pub demo: bool,
    /// Who is at the keyboard; None while the start-up picker is shown (demo only).
    pub user: Option<Actor>,
    pub picker: usize,
    pub pane: Pane,
    pub queue_selected: usize,
    pub bloc: usize,
    pub ranking_selected: usize,
    pub progress_selected: usize,
    pub ties_selected: usize,
    pub filter: String,
    pub filtering: bool,
    pub status_filter: Option<Status>,
    pub form: Option<Form>,
    pub tie_edit: Option<TieEdit>,
    pub facts_form: Option<FactsForm>,
    pub grade_form: Option<GradeForm>,
    pub help: bool,
    /// A component's audit history: title and rows, oldest first.
    pub history: Option<(String, Vec<AuditRow>)>,
    pub confirm: Option<Pending>,
    pub message: Option<(String, bool)>,
    pub should_quit: bool,
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
            folded_components: HashMap::new(),
            queue: Vec::new(),
            ranking_rows: Vec::new(),
            queue_left: 0,
            open_ties: Vec::new(),
            unit_progress: Vec::new(),
            agency_progress: BTreeMap::new(),
            views_built_for: None,
            audit_id: 0,
            evidence: BTreeMap::new(),
            evidence_loaded: BTreeSet::new(),
            evidence_counts: HashMap::new(),
            approved: BTreeSet::new(),
            comments: Vec::new(),
            users: Vec::new(),
            demo,
            user: None,
            picker: 0,
            pane: Pane::Queue,
            queue_selected: 0,
            bloc: 0,
            ranking_selected: 0,
            progress_selected: 0,
            ties_selected: 0,
            filter: String::new(),
            filtering: false,
            status_filter: None,
            form: None,
            tie_edit: None,
            facts_form: None,
            grade_form: None,
            help: false,
            history: None,
            confirm: None,
            message: None,
            should_quit: false,
        };
        app.folded_components = app
            .regulation
            .frameworks
            .iter()
            .flat_map(|framework| {
                framework.components().map(|place| {
                    let code = place.component.code.clone();
                    let folded = search::fold(&format!("{code} {}", place.component.name));
                    ((framework.key.clone(), code), folded)
                })
            })
            .collect();
        app.load(snapshot);
        if let Some(user) = user {
            app.sign_in(user);
        }
        app.refresh_views();
        app
    }

    fn sign_in(&mut self, user: Actor) {
        self.user = Some(user);
        self.pane = self.panes().first().copied().unwrap_or(Pane::Queue);
        self.rebuild_items();
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
        self.audit_id = snapshot.audit_id;
        self.standing = Standing::new(&self.regulation, &self.round);
        self.unit_index = self.round.units.iter().enumerate().map(|(i, u)| (u.code.clone(), i)).collect();
        self.folded_units =
            self.round.units.iter().map(|u| search::fold(&format!("{} {} {}", u.code, u.name, u.bloc))).collect();
        self.evidence.clear();
        self.evidence_loaded.clear();
        self.evidence_counts.clear();
        for (unit, code, count) in snapshot.evidence_counts {
            self.evidence_counts.entry(unit).or_default().insert(code, count);
        }
        self.bloc = self.bloc.min(self.results().len().saturating_sub(1));
        self.rebuild_items();
    }

    /// Applies the units another session (or this one) changed: only they are evaluated again, only their
    /// blocs ranked again, only their queue items rebuilt. None when a unit is new: the round must be read whole.
    fn apply(&mut self, refresh: UnitRefresh) -> Option<()> {
        let indexes: Vec<usize> =
            refresh.records.iter().map(|r| self.unit_index.get(&r.code).copied()).collect::<Option<_>>()?;
        let changed: BTreeSet<&str> = refresh.records.iter().map(|r| r.code.as_str()).collect();
        self.evidence.retain(|(unit, _), _| !changed.contains(unit.as_str()));
        for unit in &changed {
            self.evidence_counts.remove(*unit);
            self.evidence_loaded.insert(unit.to_string());
        }
        for row in refresh.evidence {
            *self.evidence_counts.entry(row.unit.clone()).or_default().entry(row.criterion.clone()).or_default() += 1;
            self.evidence.entry((row.unit.clone(), row.criterion.clone())).or_default().push(row);
        }
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

    /// "Thành viên Hội đồng — Sở Nội vụ (tv-so-noi-vu)".
    pub fn describe(&self, user: &Actor) -> String {
        let agency = user.agency.as_deref().map(|a| self.regulation.agency(a).map_or(a, |agency| agency.name.as_str()));
        match agency {
            Some(agency) => format!("{} — {agency} ({})", user.role.label_vi(), user.name),
            None => format!("{} ({})", user.role.label_vi(), user.name),
        }
    }

    pub fn panes(&self) -> Vec<Pane> {
        match self.role() {
            Some(Role::Member | Role::Assistant | Role::Leader) => vec![Pane::Queue],
            Some(Role::Secretary) => vec![Pane::Ranking, Pane::Progress],
            Some(Role::Chairman | Role::ServiceAccount) => vec![Pane::Ranking, Pane::Progress, Pane::Ties],
            None => vec![],
        }
    }

    pub fn context(&self) -> Context {
        if self.confirm.is_some() {
            Context::ConfirmQuit
        } else if self.help {
            Context::Help
        } else if self.history.is_some() {
            Context::History
        } else if self.user.is_none() {
            Context::Picker
        } else if self.form.is_some() {
            Context::Form
        } else if self.tie_edit.is_some() {
            Context::Ties
        } else if self.facts_form.is_some() {
            Context::Facts
        } else if self.grade_form.is_some() {
            Context::Grades
        } else if self.filtering {
            Context::Filter
        } else {
            Context::List
        }
    }

    pub fn unit(&self, code: &str) -> Option<&UnitRecord> {
        self.unit_index.get(code).and_then(|&index| self.round.units.get(index))
    }

    pub fn place<'a>(&'a self, unit: &UnitRecord, component: &str) -> Option<ComponentPlace<'a>> {
        self.regulation.framework_for(&unit.bloc, unit.group.as_deref())?.component(component)
    }

    /// The comments on one component of one unit.
    pub fn comments_on(&self, unit: &str, component: &str) -> Vec<&CommentRow> {
        self.comments.iter().filter(|c| c.unit == unit && c.criterion == component).collect()
    }

    /// How many documents back a component (its own, and its criterion's).
    pub fn evidence_count(&self, unit: &str, place: &ComponentPlace<'_>) -> u32 {
        let Some(counts) = self.evidence_counts.get(unit) else { return 0 };
        evidence_codes(place).iter().filter_map(|code| counts.get(*code)).sum()
    }

    /// The documents of a component, once its unit's documents were read (when its form opened).
    pub fn evidence_for(&self, unit: &str, place: &ComponentPlace<'_>) -> Vec<&EvidenceRow> {
        evidence_codes(place)
            .iter()
            .filter_map(|code| self.evidence.get(&(unit.to_string(), code.to_string())))
            .flatten()
            .collect()
    }

    /// The queue as shown: this user's items filtered by status and text.
    pub fn queue(&self) -> &[QueueItem] {
        &self.queue
    }

    fn rebuild_items(&mut self) {
        self.items = vec![Vec::new(); self.round.units.len()];
        self.unit_progress = vec![UnitProgress::default(); self.round.units.len()];
        for index in 0..self.round.units.len() {
            self.rebuild_unit_items(index);
        }
        self.views_built_for = None;
    }

    /// This user's items of one unit: components their agency leads or shares (member, assistant),
    /// or the criteria the provincial leaders score (leader), with where each stands.
    fn rebuild_unit_items(&mut self, index: usize) {
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
        let mut progress = UnitProgress::default();
        let Some(unit) = self.round.units.get(index) else { return progress };
        let Some(framework) = self.regulation.framework_for(&unit.bloc, unit.group.as_deref()) else {
            return progress;
        };
        for place in framework.components() {
            let entry = unit.entries.get(&place.component.code);
            if entry.is_some_and(|e| !e.applicable) {
                continue;
            }
            let appraised = usize::from(entry.is_some_and(|e| e.is_final()));
            progress.total += 1;
            progress.done += appraised;
            if let Some(agency) = place.component.agencies.first() {
                let counts = progress.by_agency.entry(agency.clone()).or_default();
                counts.0 += appraised;
                counts.1 += 1;
            }
        }
        progress
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
        let agency = user.agency.as_ref();
        let mut items = Vec::new();
        for place in framework.components() {
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
                None if self.evidence_count(&unit.code, &place) == 0 => Status::NoEvidence,
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
            items.push(QueueItem { unit: unit.code.clone(), component: place.component.code.clone(), status });
        }
        items
    }

    /// Rebuilds the filtered queue and ranking rows when the filter, the status filter, the bloc, the user
    /// or the data moved since they were built; a cursor move costs nothing.
    fn refresh_views(&mut self) {
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
            let framework_key = self
                .regulation
                .framework_for(&unit.bloc, unit.group.as_deref())
                .map(|f| f.key.clone())
                .unwrap_or_default();
            for item in items {
                if self.status_filter.is_some_and(|s| s != item.status) {
                    continue;
                }
                let matches = words.is_empty() || {
                    let component = self.folded_component(&framework_key, unit, &item.component);
                    words.iter().all(|w| folded_unit.contains(w.as_str()) || component.contains(w.as_str()))
                };
                if matches {
                    queue.push(item.clone());
                }
            }
        }
        self.queue_left = queue.iter().filter(|item| self.waits_for_me(item.status)).count();
        self.queue = queue;
        let mut agency_progress: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for progress in &self.unit_progress {
            for (agency, (done, total)) in &progress.by_agency {
                let counts = agency_progress.entry(agency.clone()).or_default();
                counts.0 += done;
                counts.1 += total;
            }
        }
        self.agency_progress = agency_progress;
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

    /// A component's code and name folded for the filter (computed once per framework and component).
    fn folded_component(&self, framework_key: &str, unit: &UnitRecord, code: &str) -> std::borrow::Cow<'_, str> {
        match self.folded_components.get(&(framework_key.to_string(), code.to_string())) {
            Some(folded) => std::borrow::Cow::Borrowed(folded.as_str()),
            None => {
                let name = self.place(unit, code).map(|p| p.component.name.clone()).unwrap_or_default();
                std::borrow::Cow::Owned(search::fold(&format!("{code} {name}")))
            }
        }
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
    pub fn open_ties(&self) -> &[(String, Vec<String>)] {
        &self.open_ties
    }

    fn selection(&mut self) -> (&mut usize, usize) {
        match self.pane {
            Pane::Queue => {
                let len = self.queue().len();
                (&mut self.queue_selected, len)
            }
            Pane::Ranking => {
                let len = self.ranking_rows().len();
                (&mut self.ranking_selected, len)
            }
            Pane::Progress => {
                let len = self.round.units.len();
                (&mut self.progress_selected, len)
            }
            Pane::Ties => {
                let len = self.open_ties().len();
                (&mut self.ties_selected, len)
            }
        }
    }

    /// Opens the form of an item; asks for the unit's documents if they were not read yet.
    fn open_form(&mut self, item: &QueueItem) -> Vec<Effect> {
        self.open_form_fields(item);
        if self.evidence_loaded.contains(&item.unit) {
            Vec::new()
        } else {
            vec![Effect::LoadEvidence { unit: item.unit.clone() }]
        }
    }

    fn open_form_fields(&mut self, item: &QueueItem) {
        if item.status == Status::CoAssigned {
            let mut comment = TextArea::default();
            comment.set_placeholder_text("Ý kiến góp ý của cơ quan phối hợp");
            self.form = Some(Form {
                unit: item.unit.clone(),
                component: item.component.clone(),
                score: String::new(),
                reason: comment,
                field: Field::Reason,
                error: None,
                dirty: false,
                commenting: true,
                based_on_version: 0,
            });
            return;
        }
        let Some(unit) = self.unit(&item.unit) else { return };
        let entry = unit.entries.get(&item.component);
        let shown = match &self.user {
            Some(user) if user.role == Role::Leader => entry.and_then(|e| e.leader_scores.get(&user.name).copied()),
            _ => entry.and_then(|e| e.effective_appraised()),
        };
        let score = shown.map(display_vi).unwrap_or_default();
        let reason_text = entry.map(|e| e.deduction_reason.clone()).unwrap_or_default();
        let mut reason = TextArea::new(reason_text.lines().map(str::to_string).collect());
        // Typing continues the recorded reason rather than writing in front of it.
        reason.move_cursor(ratatui_textarea::CursorMove::Bottom);
        reason.move_cursor(ratatui_textarea::CursorMove::End);
        reason.set_placeholder_text("Lý do trừ điểm (bắt buộc khi điểm thấp hơn tối đa hoặc khác điểm tự đánh giá)");
        self.form = Some(Form {
            unit: item.unit.clone(),
            component: item.component.clone(),
            score,
            reason,
            field: Field::Score,
            error: None,
            dirty: false,
            commenting: false,
            based_on_version: entry.map_or(0, |e| e.version),
        });
    }

    /// Checks the form as the store will, so a refusal shows inline before any write.
    fn check_form(&self) -> Result<Effect, String> {
        let Some(form) = &self.form else { return Err("Không có phiếu".into()) };
        if form.commenting {
            let text = form.reason.lines().join("\n");
            if text.trim().is_empty() {
                return Err("Chưa nhập ý kiến góp ý".into());
            }
            return Ok(Effect::Comment {
                unit: form.unit.clone(),
                component: form.component.clone(),
                text: text.trim().to_string(),
            });
        }
        let unit = self.unit(&form.unit).ok_or("Đơn vị không còn trong dữ liệu")?;
        let place = self.place(unit, &form.component).ok_or("Tiêu chí không có trong khung")?;
        let max = place.component.max;
        if form.score.trim().is_empty() {
            return Err("Chưa nhập điểm thẩm định".into());
        }
        let appraised = parse_score(&form.score, max, self.regulation.percent_input).map_err(|error| match error {
            ScoreInputError::AboveMax { value, max } => {
                format!("Điểm {value} vượt điểm tối đa {} (điểm phải trong [0, {}])", display_vi(max), display_vi(max))
            }
            ScoreInputError::Negative { value } => format!("Điểm {value} nhỏ hơn 0"),
            ScoreInputError::PercentNotAllowed(value) => format!("{value}: quy chế này chấm bằng điểm, không theo %"),
            ScoreInputError::NotANumber(value) => format!("{value:?} không phải là số (ví dụ 3,5)"),
        })?;
        let reason = form.reason.lines().join("\n");
        let self_score = unit.entries.get(&form.component).and_then(|e| e.self_score);
        if let Some(why) = reason_needed_vi(max, self_score, appraised)
            && reason.trim().is_empty()
        {
            return Err(format!("Cần lý do trừ điểm: {why}"));
        }
        Ok(Effect::SaveAppraisal {
            unit: form.unit.clone(),
            component: form.component.clone(),
            appraised,
            reason: reason.trim().to_string(),
            based_on_version: form.based_on_version,
        })
    }

    /// Why the chairman cannot approve a bloc yet, in the council's words; the store checks again.
    pub fn approval_blocker(&self, bloc: &str) -> Option<String> {
        if self.approved.contains(bloc) {
            return Some(format!("Khối {bloc} đã được phê duyệt; kết quả đã khóa"));
        }
        let unappraised = unappraised_in_bloc(&self.regulation, &self.round, bloc);
        if unappraised > 0 {
            return Some(format!(
                "Chưa thể phê duyệt khối {bloc}: còn {unappraised} tiêu chí thành phần chưa thẩm định"
            ));
        }
        let result = self.results().iter().find(|r| r.bloc == bloc)?;
        let open: Vec<String> = result.ranking.unresolved_ties().map(|g| g.units.join(", ")).collect();
        (!open.is_empty()).then(|| {
            format!("Chưa thể phê duyệt khối {bloc}: Chủ tịch chưa quyết định thứ tự bằng điểm của {}", open.join("; "))
        })
    }

    /// The unit selected in the ranking pane.
    pub fn selected_ranked_unit(&self) -> Option<String> {
        let result = self.results().get(self.bloc)?;
        let index = *self.ranking_rows().get(self.ranking_selected)?;
        Some(result.ranking.units[index].unit.clone())
    }

    fn next_item_after(&self, unit: &str, component: &str) -> Option<QueueItem> {
        let queue = self.queue();
        let position = queue.iter().position(|i| i.unit == unit && i.component == component)?;
        queue.iter().skip(position + 1).find(|i| self.waits_for_me(i.status)).cloned()
    }
}

/// The codes a component's documents are filed under: its own, and its criterion's (once, for a criterion
/// printed without components).
fn evidence_codes<'a>(place: &ComponentPlace<'a>) -> Vec<&'a str> {
    if place.component.code == place.criterion.code {
        vec![place.component.code.as_str()]
    } else {
        vec![place.component.code.as_str(), place.criterion.code.as_str()]
    }
}

/// The pure heart of the interface: applies one action and returns the effects to run.
/// The filtered views are rebuilt afterwards only if what they depend on moved.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let effects = apply_action(app, action);
    app.refresh_views();
    effects
}

fn apply_action(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Resize => Vec::new(),
        Action::Reloaded(snapshot) => {
            app.load(*snapshot);
            Vec::new()
        }
        Action::ExternalChange => vec![Effect::Refresh { since: app.audit_id }],
        Action::UnitsRefreshed(refresh) => match app.apply(*refresh) {
            Some(()) => Vec::new(),
            None => vec![Effect::Reload],
        },
        Action::Saved(what) => {
            app.message = Some((what, false));
            if let Some(form) = app.form.take() {
                match app.next_item_after(&form.unit, &form.component) {
                    Some(next) => {
                        app.queue_selected = app.queue().iter().position(|i| *i == next).unwrap_or(app.queue_selected);
                        let mut effects = app.open_form(&next);
                        effects.push(Effect::Refresh { since: app.audit_id });
                        return effects;
                    }
                    None => app.form = None,
                }
            }
            app.tie_edit = None;
            app.facts_form = None;
            app.grade_form = None;
            vec![Effect::Refresh { since: app.audit_id }]
        }
        Action::Stale { message, version } => {
            if let Some(form) = app.form.as_mut() {
                form.error = Some(message);
                form.based_on_version = version;
            } else {
                app.message = Some((message, true));
            }
            vec![Effect::Refresh { since: app.audit_id }]
        }
        Action::History { title, rows } => {
            app.history = Some((title, rows));
            Vec::new()
        }
        Action::EvidenceLoaded { unit, rows } => {
            app.evidence.retain(|(u, _), _| *u != unit);
            for row in rows {
                app.evidence.entry((row.unit.clone(), row.criterion.clone())).or_default().push(row);
            }
            app.evidence_loaded.insert(unit);
            Vec::new()
        }
        Action::SignedIn(user) => {
            app.sign_in(user);
            Vec::new()
        }
        Action::Failed(error) => {
            match (app.form.as_mut(), app.grade_form.as_mut()) {
                (Some(form), _) => form.error = Some(error),
                (None, Some(form)) => form.error = Some(error),
                (None, None) => app.message = Some((error, true)),
            }
            vec![Effect::Refresh { since: app.audit_id }]
        }
        Action::Key(key) => on_key(app, key),
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let context = app.context();
    let command = command_for(context, key);
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        return quit(app);
    }
    match (context, command) {
        (Context::ConfirmQuit, Some(Command::Yes)) => {
            match app.confirm.take() {
                Some(Pending::Quit) => app.should_quit = true,
                Some(Pending::CloseForm) => app.form = None,
                None => {}
            }
            Vec::new()
        }
        (Context::ConfirmQuit, Some(Command::No)) => {
            app.confirm = None;
            Vec::new()
        }
        (Context::ConfirmQuit, _) => Vec::new(),
        (Context::Help, Some(Command::Back)) => {
            app.help = false;
            Vec::new()
        }
        (Context::Help, _) => Vec::new(),
        (Context::History, Some(Command::Back)) => {
            app.history = None;
            Vec::new()
        }
        (Context::History, _) => Vec::new(),
        (Context::Picker, command) => on_picker(app, command),
        (Context::Form, command) => on_form(app, command, key),
        (Context::Filter, command) => {
            match command {
                Some(Command::Confirm) => app.filtering = false,
                Some(Command::Back) => {
                    app.filtering = false;
                    app.filter.clear();
                }
                _ => match key.code {
                    KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => app.filter.push(c),
                    KeyCode::Backspace => {
                        app.filter.pop();
                    }
                    _ => {}
                },
            }
            app.queue_selected = 0;
            app.ranking_selected = 0;
            Vec::new()
        }
        (Context::Ties, command) => on_ties(app, command),
        (Context::Facts, command) => on_facts(app, command),
        (Context::Grades, command) => on_grades(app, command, key),
        (Context::List, Some(command)) => on_list(app, command),
        (Context::List, None) => Vec::new(),
    }
}

fn quit(app: &mut App) -> Vec<Effect> {
    if app.form.as_ref().is_some_and(|f| f.dirty) {
        app.confirm = Some(Pending::Quit);
    } else {
        app.should_quit = true;
    }
    Vec::new()
}

fn on_picker(app: &mut App, command: Option<Command>) -> Vec<Effect> {
    let choices = app.choices();
    match command {
        Some(Command::Up) => app.picker = app.picker.saturating_sub(1),
        Some(Command::Down) => app.picker = (app.picker + 1).min(choices.len().saturating_sub(1)),
        Some(Command::Open) => {
            if let Some((user, _)) = choices.into_iter().nth(app.picker) {
                return vec![Effect::SignIn { name: user.name }];
            }
        }
        Some(Command::Quit) => app.should_quit = true,
        _ => {}
    }
    Vec::new()
}

fn on_list(app: &mut App, command: Command) -> Vec<Effect> {
    let panes = app.panes();
    let index = panes.iter().position(|p| *p == app.pane).unwrap_or(0);
    match command {
        Command::Up => {
            let (selected, _) = app.selection();
            *selected = selected.saturating_sub(1);
        }
        Command::Down => {
            let (selected, len) = app.selection();
            *selected = (*selected + 1).min(len.saturating_sub(1));
        }
        Command::Top => *app.selection().0 = 0,
        Command::Bottom => {
            let (selected, len) = app.selection();
            *selected = len.saturating_sub(1);
        }
        Command::Left | Command::Right if app.pane == Pane::Ranking && !app.results().is_empty() => {
            let count = app.results().len();
            app.bloc = if command == Command::Right { (app.bloc + 1) % count } else { (app.bloc + count - 1) % count };
            app.ranking_selected = 0;
        }
        Command::NextPane => app.pane = panes[(index + 1) % panes.len()],
        Command::PreviousPane => app.pane = panes[(index + panes.len() - 1) % panes.len()],
        Command::Pane1 | Command::Pane2 | Command::Pane3 => {
            let wanted = match command {
                Command::Pane1 => 0,
                Command::Pane2 => 1,
                _ => 2,
            };
            if let Some(pane) = panes.get(wanted) {
                app.pane = *pane;
            }
        }
        Command::Open => match app.pane {
            Pane::Queue => {
                if let Some(item) = app.queue().get(app.queue_selected).cloned() {
                    return app.open_form(&item);
                }
            }
            Pane::Ties => {
                if let Some((bloc, units)) = app.open_ties().get(app.ties_selected).cloned() {
                    app.tie_edit = Some(TieEdit { bloc, units, selected: 0 });
                }
            }
            _ => {}
        },
        Command::Approve => {
            if app.role() == Some(Role::Chairman)
                && app.pane == Pane::Ranking
                && let Some(result) = app.results().get(app.bloc)
            {
                match app.approval_blocker(&result.bloc) {
                    Some(why) => app.message = Some((why, true)),
                    None => return vec![Effect::Approve { bloc: result.bloc.clone() }],
                }
            }
        }
        Command::EditFacts
            if matches!(app.role(), Some(Role::Secretary | Role::Chairman)) && app.pane == Pane::Ranking =>
        {
            if let Some(unit) = app.selected_ranked_unit() {
                let values = app
                    .regulation
                    .facts
                    .iter()
                    .map(|def| {
                        let current = app.unit(&unit).and_then(|u| u.facts.get(&def.name).cloned());
                        (def.name.clone(), current.unwrap_or_else(|| def.default_value()))
                    })
                    .collect();
                app.facts_form = Some(FactsForm { unit, values, selected: 0 });
            }
        }
        Command::OverrideGrade
            if app.role() == Some(Role::Chairman) && app.pane == Pane::Ranking && app.regulation.grades.is_some() =>
        {
            if let Some(code) = app.selected_ranked_unit()
                && let Some(unit) = app.unit(&code)
                && let Some(evaluation) = evaluate_unit(&app.regulation, unit)
            {
                let criteria: Vec<_> =
                    evaluation.score.criteria.iter().map(|c| (c.code.clone(), c.proposed_grade, c.grade)).collect();
                let chosen = criteria.first().and_then(|c| c.2);
                let mut reason = TextArea::default();
                reason.set_placeholder_text("Lý do điều chỉnh (bắt buộc)");
                app.grade_form = Some(GradeForm { unit: code, criteria, selected: 0, chosen, reason, error: None });
            }
        }
        Command::History if app.pane == Pane::Queue => {
            if let Some(item) = app.queue().get(app.queue_selected) {
                return vec![Effect::LoadHistory { unit: item.unit.clone(), component: item.component.clone() }];
            }
        }
        Command::Filter => app.filtering = true,
        Command::CycleStatus => {
            app.status_filter = match app.status_filter {
                None => Some(Status::Pending),
                Some(Status::Pending) => Some(Status::NeedsReason),
                Some(Status::NeedsReason) => Some(Status::NoEvidence),
                Some(Status::NoEvidence) => Some(Status::AwaitingConfirmation),
                Some(Status::AwaitingConfirmation) => Some(Status::Appraised),
                Some(Status::Appraised) => Some(Status::CoAssigned),
                Some(Status::CoAssigned) => None,
            };
            app.queue_selected = 0;
        }
        Command::Back => {
            app.filter.clear();
            app.status_filter = None;
            app.message = None;
        }
        Command::Help => app.help = true,
        Command::Quit => return quit(app),
        Command::ExportSheet | Command::ExportAllSheets | Command::ExportRanking => return export(app, command),
        _ => {}
    }
    Vec::new()
}

/// The secretary's and the chairman's exports (SPEC, roles); the files land beside the database.
fn export(app: &mut App, command: Command) -> Vec<Effect> {
    if !matches!(app.role(), Some(Role::Secretary | Role::Chairman)) {
        app.message = Some(("Chỉ Thư ký và Chủ tịch Hội đồng xuất biểu".into(), true));
        return Vec::new();
    }
    match command {
        Command::ExportAllSheets => vec![Effect::ExportSheets { unit: None }],
        Command::ExportRanking => vec![Effect::ExportRanking],
        _ => {
            let unit = match app.pane {
                Pane::Progress => app.round.units.get(app.progress_selected).map(|u| u.code.clone()),
                _ => app.selected_ranked_unit(),
            };
            match unit {
                Some(unit) => vec![Effect::ExportSheets { unit: Some(unit) }],
                None => {
                    app.message = Some(("Chọn một đơn vị để xuất biểu chấm điểm".into(), true));
                    Vec::new()
                }
            }
        }
    }
}

fn on_form(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    match command {
        Some(Command::Save) => match app.check_form() {
            Ok(effect) => return vec![effect],
            Err(error) => {
                if let Some(form) = app.form.as_mut() {
                    form.error = Some(error);
                }
            }
        },
        Some(Command::NextField) => {
            if let Some(form) = app.form.as_mut().filter(|f| !f.commenting) {
                form.field = if form.field == Field::Score { Field::Reason } else { Field::Score };
            }
        }
        Some(Command::Back) => {
            if app.form.as_ref().is_some_and(|f| f.dirty) {
                app.confirm = Some(Pending::CloseForm);
            } else {
                app.form = None;
            }
        }
        Some(Command::Help) => app.help = true,
        Some(Command::History) => {
            if let Some(form) = &app.form {
                return vec![Effect::LoadHistory { unit: form.unit.clone(), component: form.component.clone() }];
            }
        }
        _ => {
            let Some(form) = app.form.as_mut() else { return Vec::new() };
            match form.field {
                Field::Score => match key.code {
                    KeyCode::Char(c) if c.is_ascii_digit() || matches!(c, ',' | '.' | '%') => {
                        // The first key typed replaces a score shown from before, as in a spreadsheet cell.
                        if !form.dirty {
                            form.score.clear();
                        }
                        form.score.push(c);
                        form.dirty = true;
                    }
                    KeyCode::Backspace => {
                        form.score.pop();
                        form.dirty = true;
                    }
                    KeyCode::Enter => form.field = Field::Reason,
                    _ => {}
                },
                Field::Reason => {
                    if form.reason.input(key) {
                        form.dirty = true;
                    }
                }
            }
            form.error = None;
        }
    }
    Vec::new()
}

fn on_ties(app: &mut App, command: Option<Command>) -> Vec<Effect> {
    let Some(edit) = app.tie_edit.as_mut() else { return Vec::new() };
    let last = edit.units.len().saturating_sub(1);
    match command {
        Some(Command::Up) => edit.selected = edit.selected.saturating_sub(1),
        Some(Command::Down) => edit.selected = (edit.selected + 1).min(last),
        Some(Command::MoveUp) if edit.selected > 0 => {
            edit.units.swap(edit.selected, edit.selected - 1);
            edit.selected -= 1;
        }
        Some(Command::MoveDown) if edit.selected < last => {
            edit.units.swap(edit.selected, edit.selected + 1);
            edit.selected += 1;
        }
        Some(Command::Confirm) => return vec![Effect::OrderTie { bloc: edit.bloc.clone(), order: edit.units.clone() }],
        Some(Command::Back) => app.tie_edit = None,
        _ => {}
    }
    Vec::new()
}

fn on_facts(app: &mut App, command: Option<Command>) -> Vec<Effect> {
    let Some(form) = app.facts_form.as_mut() else { return Vec::new() };
    let last = form.values.len().saturating_sub(1);
    match command {
        Some(Command::Up) => form.selected = form.selected.saturating_sub(1),
        Some(Command::Down) => form.selected = (form.selected + 1).min(last),
        Some(command @ (Command::Cycle | Command::Increase | Command::Decrease)) => {
            let Some((name, value)) = form.values.get_mut(form.selected) else { return Vec::new() };
            let Some(definition) = app.regulation.fact(name) else { return Vec::new() };
            *value = match (&definition.kind, &*value, command) {
                (FactKind::Bool, FactValue::Bool(b), Command::Cycle) => FactValue::Bool(!b),
                (FactKind::Choice(choices), FactValue::Choice(current), Command::Cycle) => {
                    let next = choices.iter().position(|c| c == current).map(|i| (i + 1) % choices.len()).unwrap_or(0);
                    FactValue::Choice(choices[next].clone())
                }
                (FactKind::Count, FactValue::Count(n), Command::Increase | Command::Cycle) => FactValue::Count(n + 1),
                (FactKind::Count, FactValue::Count(n), Command::Decrease) => FactValue::Count(n.saturating_sub(1)),
                (_, other, _) => other.clone(),
            };
        }
        Some(Command::Save) => return vec![Effect::SaveFacts { unit: form.unit.clone(), values: form.values.clone() }],
        Some(Command::Back) => app.facts_form = None,
        _ => {}
    }
    Vec::new()
}

fn on_grades(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    let Some(form) = app.grade_form.as_mut() else { return Vec::new() };
    let last = form.criteria.len().saturating_sub(1);
    match command {
        Some(Command::Up | Command::Down) => {
            form.selected = if command == Some(Command::Up) {
                form.selected.saturating_sub(1)
            } else {
                (form.selected + 1).min(last)
            };
            form.chosen = form.criteria.get(form.selected).and_then(|c| c.2);
        }
        Some(Command::Cycle) => {
            form.chosen = Some(match form.chosen {
                Some(Grade::Excellent) => Grade::Good,
                Some(Grade::Good) => Grade::Average,
                Some(Grade::Average) => Grade::Poor,
                _ => Grade::Excellent,
            });
        }
        Some(Command::Save) => {
            let reason = form.reason.lines().join("\n");
            let (Some((criterion, _, _)), Some(grade)) = (form.criteria.get(form.selected), form.chosen) else {
                return Vec::new();
            };
            if reason.trim().is_empty() {
                form.error = Some("Cần lý do điều chỉnh xếp loại".into());
                return Vec::new();
            }
            return vec![Effect::OverrideGrade {
                unit: form.unit.clone(),
                criterion: criterion.clone(),
                grade,
                reason: reason.trim().to_string(),
            }];
        }
        Some(Command::Back) => app.grade_form = None,
        _ => {
            form.reason.input(key);
            form.error = None;
        }
    }
    Vec::new()
}
