//! The interface's state and its pure `update`: keys become commands, commands change the state and ask for effects.

use super::keymap::{Command, Context, command_for};
use crate::domain::appraisal::reason_needed_vi;
use crate::domain::evaluate::{BlocResult, Round, UnitRecord, evaluate_round, evaluate_unit, unappraised_in_bloc};
use crate::domain::facts::{FactKind, FactValue};
use crate::domain::framework::ComponentPlace;
use crate::domain::grades::Grade;
use crate::domain::permissions::{Actor, Role};
use crate::domain::regulation::Regulation;
use crate::domain::score::{ScoreInputError, display_vi, parse_score};
use crate::domain::search;
use crate::store::audit::AuditRow;
use crate::store::council::CommentRow;
use crate::store::import::EvidenceRow;
use crate::store::users::CouncilUser;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

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
    pub evidence: Vec<EvidenceRow>,
    /// Blocs whose results the chairman approved.
    pub approved: BTreeSet<String>,
    pub comments: Vec<CommentRow>,
    /// The council's users (for the demo's start-up picker).
    pub users: Vec<CouncilUser>,
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
    /// The start-up picker (demo only) chose a user: the store writes as them from now on.
    SignIn {
        name: String,
    },
    LoadHistory {
        unit: String,
        component: String,
    },
}

pub struct App {
    pub regulation: Regulation,
    pub round: Round,
    pub results: Vec<BlocResult>,
    /// Evidence by (unit, criterion or component code).
    pub evidence: BTreeMap<(String, String), Vec<EvidenceRow>>,
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
            results: Vec::new(),
            evidence: BTreeMap::new(),
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
        app.load(snapshot);
        if let Some(user) = user {
            app.sign_in(user);
        }
        app
    }

    fn sign_in(&mut self, user: Actor) {
        self.user = Some(user);
        self.pane = self.panes().first().copied().unwrap_or(Pane::Queue);
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
        self.results = evaluate_round(&self.regulation, &self.round);
        self.evidence.clear();
        for row in snapshot.evidence {
            self.evidence.entry((row.unit.clone(), row.criterion.clone())).or_default().push(row);
        }
        self.bloc = self.bloc.min(self.results.len().saturating_sub(1));
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
        self.round.units.iter().find(|u| u.code == code)
    }

    pub fn place<'a>(&'a self, unit: &UnitRecord, component: &str) -> Option<ComponentPlace<'a>> {
        self.regulation.framework_for(&unit.bloc, unit.group.as_deref())?.component(component)
    }

    /// The comments on one component of one unit.
    pub fn comments_on(&self, unit: &str, component: &str) -> Vec<&CommentRow> {
        self.comments.iter().filter(|c| c.unit == unit && c.criterion == component).collect()
    }

    pub fn evidence_for(&self, unit: &str, place: &ComponentPlace<'_>) -> Vec<&EvidenceRow> {
        [place.component.code.as_str(), place.criterion.code.as_str()]
            .iter()
            .filter_map(|code| self.evidence.get(&(unit.to_string(), code.to_string())))
            .flatten()
            .collect()
    }

    /// Every item of this user: components their agency leads or shares (member, assistant), or the
    /// criteria the provincial leaders score (leader); filtered.
    pub fn queue(&self) -> Vec<QueueItem> {
        let Some(user) = &self.user else { return Vec::new() };
        let agency = user.agency.as_ref();
        let mut items = Vec::new();
        for unit in &self.round.units {
            let Some(framework) = self.regulation.framework_for(&unit.bloc, unit.group.as_deref()) else { continue };
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
                    None if self.evidence_for(&unit.code, &place).is_empty() => Status::NoEvidence,
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
                let text = format!(
                    "{} {} {} {} {}",
                    unit.code, unit.name, unit.bloc, place.component.code, place.component.name
                );
                if self.status_filter.is_some_and(|s| s != status) || !search::matches(&text, &self.filter) {
                    continue;
                }
                items.push(QueueItem { unit: unit.code.clone(), component: place.component.code.clone(), status });
            }
        }
        items
    }

    /// The item still needs this user: open, or (for a member) an assistant's entry to confirm.
    pub fn waits_for_me(&self, status: Status) -> bool {
        status.is_open() || (status == Status::AwaitingConfirmation && self.role() == Some(Role::Member))
    }

    /// The unit rows of the selected bloc's ranking, filtered.
    pub fn ranking_rows(&self) -> Vec<usize> {
        let Some(result) = self.results.get(self.bloc) else { return Vec::new() };
        result
            .ranking
            .units
            .iter()
            .enumerate()
            .filter(|(_, ranked)| {
                let name = self.unit(&ranked.unit).map(|u| u.name.as_str()).unwrap_or("");
                search::matches(&format!("{} {name}", ranked.unit), &self.filter)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The unresolved tie groups of every bloc: (bloc, units).
    pub fn open_ties(&self) -> Vec<(String, Vec<String>)> {
        self.results
            .iter()
            .flat_map(|result| result.ranking.unresolved_ties().map(|group| (result.bloc.clone(), group.units.clone())))
            .collect()
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

    fn open_form(&mut self, item: &QueueItem) {
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
        let result = self.results.iter().find(|r| r.bloc == bloc)?;
        let open: Vec<String> = result.ranking.unresolved_ties().map(|g| g.units.join(", ")).collect();
        (!open.is_empty()).then(|| {
            format!("Chưa thể phê duyệt khối {bloc}: Chủ tịch chưa quyết định thứ tự bằng điểm của {}", open.join("; "))
        })
    }

    /// The unit selected in the ranking pane.
    pub fn selected_ranked_unit(&self) -> Option<String> {
        let result = self.results.get(self.bloc)?;
        let index = *self.ranking_rows().get(self.ranking_selected)?;
        Some(result.ranking.units[index].unit.clone())
    }

    fn next_item_after(&self, unit: &str, component: &str) -> Option<QueueItem> {
        let queue = self.queue();
        let position = queue.iter().position(|i| i.unit == unit && i.component == component)?;
        queue.into_iter().skip(position + 1).find(|i| self.waits_for_me(i.status))
    }
}

/// The pure heart of the interface: applies one action and returns the effects to run.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Resize => Vec::new(),
        Action::Reloaded(snapshot) => {
            app.load(*snapshot);
            Vec::new()
        }
        Action::Saved(what) => {
            app.message = Some((what, false));
            if let Some(form) = app.form.take() {
                match app.next_item_after(&form.unit, &form.component) {
                    Some(next) => {
                        app.queue_selected = app.queue().iter().position(|i| *i == next).unwrap_or(app.queue_selected);
                        app.open_form(&next);
                    }
                    None => app.form = None,
                }
            }
            app.tie_edit = None;
            app.facts_form = None;
            app.grade_form = None;
            vec![Effect::Reload]
        }
        Action::Stale { message, version } => {
            if let Some(form) = app.form.as_mut() {
                form.error = Some(message);
                form.based_on_version = version;
            } else {
                app.message = Some((message, true));
            }
            vec![Effect::Reload]
        }
        Action::History { title, rows } => {
            app.history = Some((title, rows));
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
            vec![Effect::Reload]
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
        Command::Left | Command::Right if app.pane == Pane::Ranking && !app.results.is_empty() => {
            let count = app.results.len();
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
                    app.open_form(&item);
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
                && let Some(result) = app.results.get(app.bloc)
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
