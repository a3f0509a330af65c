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
use crate::store::EvidenceRow;
use crate::store::audit::AuditRow;
use crate::store::council::CommentRow;
use crate::store::users::CouncilUser;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};
use ratatui_textarea::TextArea;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet, HashMap};

mod comments;
mod desk;
mod details;
mod forms;
mod guard;
mod keys;
mod messages;
mod navigation;
mod panes;
mod screens;
mod unit_side;
mod update;
mod views;

pub use desk::{
    Desk, DeskAction, DeskForm, DeskFormKind, DeskPaper, MAINTENANCE, READS, Right, SCREEN_WAYS, ScreenWay,
};
pub use messages::{Action, Effect, Snapshot, UnitRefresh};
pub use panes::{Browse, Pane, QueueItem, Scroll, Status, UnitProgress};
pub use screens::{
    ApprovalPrompt, CommentForm, FactsForm, Field, Form, GradeForm, Overlay, Pending, Screen, TieEdit, UnitView,
    rerate_reason_box,
};
pub use unit_side::{SelfField, SelfForm, Submissions, SubmitForm, UnitSide};
pub use update::update;

/// Everything the interface knows: who is at the keyboard, the round as last read and its standing, the screen
/// and overlay in front, and the derived views (queue, ranking rows, progress) rebuilt when what they depend on
/// moves. Only `update` changes it; the views read it.
pub struct App {
    /// The round's regulation (framework, blocs, agencies, facts), as the database holds it.
    pub regulation: Regulation,
    /// Every unit's record as the store last read it (a unit's focal person sees only its own, without appraisals).
    pub round: Round,
    /// Every unit's evaluation and every bloc's ranking, kept up to date unit by unit.
    standing: Standing,
    /// Unit code → index in `round.units`.
    unit_index: HashMap<UnitCode, usize>,
    /// This user's queue items, by unit index, each with its unit's folded text for the filter.
    items: Vec<Vec<QueueItem>>,
    /// Each unit's code and name folded for the diacritic-free filter, by unit index; empty until a filter is typed.
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
    /// The newest audit row this state has taken in: a refresh reads what changed after it.
    pub audit_id: i64,
    /// Evidence by (unit, criterion or component code).
    /// The documents of the units whose forms were opened, by (unit, criterion or component code).
    pub evidence: BTreeMap<(crate::domain::code::UnitCode, String), Vec<EvidenceRow>>,
    /// The files each unit sent over SFTP (issue 24), read with its documents.
    pub files: BTreeMap<crate::domain::code::UnitCode, Vec<crate::store::files::DocumentFile>>,
    /// Units whose documents are in `evidence` and whose explanations are in `round` (or were asked for).
    details_loaded: BTreeSet<crate::domain::code::UnitCode>,
    /// How many documents back each criterion or component, by unit.
    evidence_counts: EvidenceCounts,
    /// The blocs whose results the chairman approved: their scores take no more keys.
    pub approved: BTreeSet<BlocCode>,
    /// The council's comments on components, newest last (never shown to a unit).
    pub comments: Vec<CommentRow>,
    /// Comments this user has had in front of them: those on items already done when the interface opened,
    /// and those of every form opened since. Any other comment on one of their items is flagged as new.
    comments_known: BTreeSet<(crate::domain::code::UnitCode, String, String, String)>,
    /// The round's users, for the start-up picker and the desk's user list; the history names people from it.
    pub users: Vec<CouncilUser>,
    /// The demo round (`thamdinh demo`): anyone may sign in as anyone from the picker.
    pub demo: bool,
    /// What a unit's focal person reads beside its unit (empty for the council).
    pub unit_side: UnitSide,
    /// Who has submitted and the round's calendar (the council).
    pub submissions: Submissions,
    /// Each unit's level in the round before this one (`init --from`).
    pub previous_levels: BTreeMap<crate::domain::code::UnitCode, crate::domain::previous_year::PreviousLevel>,
    /// Who is at the keyboard; None while the start-up picker is shown (demo only).
    pub user: Option<Actor>,
    /// The screen in front (the panes, a form, the desk …).
    pub screen: Screen,
    /// A window over the screen (help, history, a prompt); it takes the keys while open.
    pub overlay: Option<Overlay>,
    /// The panes' selection and filters, kept while a form is open over them.
    pub browse: Browse,
    /// How far the long lists are scrolled, and what the last frame drew where (for the mouse).
    pub scroll: Scroll,
    /// The last click (screen line, when), to tell a double click.
    pub last_click: Option<(u16, std::time::Instant)>,
    /// The status line: the last thing said, and whether it is a refusal (drawn as a warning).
    pub message: Option<(String, bool)>,
    /// The person asked to leave (and nothing unsaved held them back): the loop ends after this frame.
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
        // Folded for the filter when a filter is first typed (`refresh_views`): the first frame needs none.
        self.folded_units.clear();
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
        self.details_loaded.extend(refresh.records.iter().map(|r| r.code.clone()));
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

    /// The record of the unit with this code, if the round (or, for a unit's focal person, what it may see) has it.
    pub fn unit(&self, code: &str) -> Option<&UnitRecord> {
        self.unit_index.get(code).and_then(|&index| self.round.units.get(index))
    }

    /// Where a component sits in the framework that applies to this unit (its bloc and group), with its criterion.
    pub fn place<'a>(&'a self, unit: &UnitRecord, component: &str) -> Option<ComponentPlace<'a>> {
        self.regulation.framework_for(&unit.bloc, unit.group.as_deref())?.component(component)
    }

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
                crate::messages::reasons::reasons(&self.regulation.level_names, &reasons, self.lang)
            }
            None => ranked
                .quota_note
                .iter()
                .map(|note| crate::messages::reasons::quota_note(&self.regulation.level_names, note, self.lang))
                .collect(),
        }
    }

    /// The item still needs this user: open, or (for a member) an assistant's entry to confirm.
    pub fn waits_for_me(&self, status: Status) -> bool {
        status.is_open() || (status == Status::AwaitingConfirmation && self.role() == Some(Role::Member))
    }

    /// Why the chairman cannot approve a bloc yet: the store's own gate (`domain::gates::approval_gate`), in the
    /// store's words, asked of the round the interface holds; the store asks it again before it writes.
    pub fn approval_blocker(&self, bloc: &BlocCode) -> Option<String> {
        crate::domain::gates::approval_gate(&self.regulation, &self.round, &self.approved, bloc)
            .err()
            .map(|blocker| crate::messages::gates::approval(&blocker, self.lang))
    }

    /// The unit selected in the ranking pane.
    pub fn selected_ranked_unit(&self) -> Option<UnitCode> {
        let result = self.results().get(self.browse.bloc)?;
        let index = *self.ranking_rows().get(self.browse.ranking_selected)?;
        Some(result.ranking.units[index].unit.clone())
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
}
