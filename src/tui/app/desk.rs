//! The secretary's desk (issue 25): the standing office's work from the screens — imports from the person's
//! inbox with a preview, users, the round's settings, paper submissions and reopening, re-rating, backup. Every
//! action runs the same store function as its command line (`thamdinh import|user|round set|submit|rerate|backup`).

use super::*;
use crate::domain::code::UnitCode;
use crate::domain::permissions::CouncilWrite;
use crate::messages::Lang;
use crate::messages::desk as say;
use crate::messages::keys::Words;
use crate::sheet::desk::FileKind;
use crate::store::paper_settings::PaperSlot;
use crate::store::preview::ChangeCount;
use std::path::PathBuf;

/// One row of the desk pane: an action, and the command line it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskAction {
    /// Import a file of the person's inbox (units, scores, grades, facts, evidence, a score sheet), after a preview.
    Import,
    /// The council's users: add one (with the key line for the IT officer), remove one.
    Users,
    /// The submission deadline and the appraisal period (`round set`).
    RoundSettings,
    /// Record a unit's self-assessment received on paper (`submit`).
    PaperSubmission,
    /// Reopen a unit's submission so it may correct its self-assessment, for a reason (`submit --reopen`).
    Reopen,
    /// The chairman re-rating a unit of an approved bloc (Điều 10.4).
    Rerate,
    /// The chairman's decision beyond the quota (`exceed-quota`), where the regulation allows it.
    ExceedQuota,
    /// A consistent copy of the database into the person's exports folder.
    Backup,
    /// The council's papers (report, proposal, decision, minutes, notices, publication) and their numbering.
    Papers,
}

impl DeskAction {
    /// Every action in the desk's order; [`App::desk_actions`] keeps those the person may take.
    pub const ALL: [DeskAction; 9] = [
        DeskAction::Import,
        DeskAction::Users,
        DeskAction::RoundSettings,
        DeskAction::PaperSubmission,
        DeskAction::Reopen,
        DeskAction::Rerate,
        DeskAction::ExceedQuota,
        DeskAction::Backup,
        DeskAction::Papers,
    ];

    /// The council write the action makes (the permission the store checks again).
    pub fn write(self) -> CouncilWrite {
        match self {
            DeskAction::Import | DeskAction::PaperSubmission => CouncilWrite::Import,
            DeskAction::Users => CouncilWrite::ManageUsers,
            DeskAction::RoundSettings => CouncilWrite::RoundSettings,
            DeskAction::Reopen => CouncilWrite::Reopen,
            DeskAction::Rerate => CouncilWrite::Rerate,
            DeskAction::ExceedQuota => CouncilWrite::ExceedQuota,
            DeskAction::Backup => CouncilWrite::Backup,
            DeskAction::Papers => CouncilWrite::Export,
        }
    }

    /// The command line's subcommands this action runs (`tests` check that every write of the command line is
    /// one of these, or a documented exception).
    pub fn commands(self) -> &'static [&'static str] {
        match self {
            DeskAction::Import => &["import"],
            DeskAction::Users => &["user add", "user remove"],
            DeskAction::RoundSettings => &["round set"],
            DeskAction::PaperSubmission => &["submit"],
            DeskAction::Reopen => &["submit --reopen"],
            DeskAction::Rerate => &["rerate"],
            DeskAction::ExceedQuota => &["exceed-quota"],
            DeskAction::Backup => &["backup"],
            DeskAction::Papers => &[
                "export report",
                "export proposal",
                "export decision",
                "export minutes",
                "export notice",
                "export publication",
                "round paper",
            ],
        }
    }

    /// The action's row on the desk; `rerating`: the regulation's article of re-rating (None: none cited).
    pub fn label(self, lang: Lang, rerating: Option<&str>) -> std::borrow::Cow<'static, str> {
        match self {
            DeskAction::Import => say::IMPORT,
            DeskAction::Users => say::USERS,
            DeskAction::RoundSettings => say::ROUND,
            DeskAction::PaperSubmission => say::PAPER,
            DeskAction::Reopen => say::REOPEN,
            DeskAction::Rerate => say::RERATE,
            DeskAction::ExceedQuota => crate::messages::exceed::DESK_ACTION,
            DeskAction::Backup => say::BACKUP,
            DeskAction::Papers => say::PAPERS,
        }
        .cite(lang, rerating)
    }
}

/// The forms of the desk: text fields typed in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskFormKind {
    /// A new user: login, role, agency or unit, full name.
    AddUser,
    /// The deadline and the appraisal period's working days.
    RoundSettings,
    /// A paper submission: unit, day received, day approved, minutes' number.
    PaperSubmission,
    /// Reopening a submission: unit and reason.
    Reopen,
    /// A re-rating: unit, reason, and one change (a component's score, a criterion's grade or a fact).
    Rerate,
    /// A paper's number, signer and date of issue (opened from the list of papers, filled with what is set).
    PaperNumbers(PaperSlot),
    /// The chairman's decision beyond the quota: unit, reason, and whether it is taken back.
    ExceedQuota,
}

impl DeskFormKind {
    /// The form's field labels, in order (the form has one text field per label).
    pub fn labels(self) -> &'static [Words] {
        match self {
            DeskFormKind::PaperNumbers(_) => &crate::messages::desk_more::NUMBERING_FIELDS,
            DeskFormKind::AddUser => &say::USER_FIELDS,
            DeskFormKind::RoundSettings => &say::ROUND_FIELDS,
            DeskFormKind::PaperSubmission => &say::PAPER_FIELDS,
            DeskFormKind::Reopen => &say::REOPEN_FIELDS,
            DeskFormKind::Rerate => &say::RERATE_FIELDS,
            DeskFormKind::ExceedQuota => &crate::messages::exceed::DESK_FIELDS,
        }
    }

    /// The form's title, the desk action (or paper) it belongs to; `rerating`: the regulation's article of
    /// re-rating (None: none cited).
    pub fn title(self, lang: Lang, rerating: Option<&str>) -> std::borrow::Cow<'static, str> {
        match self {
            DeskFormKind::PaperNumbers(slot) => crate::messages::desk_more::paper_name(lang, slot).into(),
            DeskFormKind::AddUser => say::USERS.say(lang).into(),
            DeskFormKind::RoundSettings => say::ROUND.say(lang).into(),
            DeskFormKind::PaperSubmission => say::PAPER.say(lang).into(),
            DeskFormKind::Reopen => say::REOPEN.say(lang).into(),
            DeskFormKind::Rerate => say::RERATE.cite(lang, rerating),
            DeskFormKind::ExceedQuota => crate::messages::exceed::DESK_ACTION.say(lang).into(),
        }
    }
}

/// A desk form being typed: its fields' text, the field with the keys and the last refusal. Nothing is written
/// until Enter on the last field (or Ctrl-S).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskForm {
    /// Which form.
    pub kind: DeskFormKind,
    /// Each field's text as typed, one per label.
    pub fields: Vec<String>,
    /// The field the keys go to.
    pub focus: usize,
    /// Why the last save was refused (the store's refusal, worded); the fields are kept.
    pub error: Option<String>,
    /// Something was typed since the form opened (Esc asks before throwing it away).
    pub dirty: bool,
}

impl DeskForm {
    /// A form filled with `fields` (what is set now, for the numbering), padded with empty fields to its labels.
    pub fn new(kind: DeskFormKind, fields: Vec<String>) -> DeskForm {
        let mut fields = fields;
        fields.resize(kind.labels().len(), String::new());
        DeskForm { kind, fields, focus: 0, error: None, dirty: false }
    }

    /// A field's text, trimmed; None when empty.
    pub fn value(&self, index: usize) -> Option<&str> {
        self.fields.get(index).map(|text| text.trim()).filter(|text| !text.is_empty())
    }
}

/// The council's papers the desk writes (`thamdinh export report|proposal|decision|minutes|notice|publication`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskPaper {
    /// *Báo cáo kết quả thẩm định*: the council's report.
    Report,
    /// *Tờ trình*: the proposal to the province's chairman.
    Proposal,
    /// *Dự thảo quyết định*: the draft decision recognising the results.
    Decision,
    /// *Biên bản họp Hội đồng*: the council meeting's minutes.
    Minutes,
    /// The notice of its result to every unit, one file each, in one folder.
    Notices,
    /// *Công bố*: the results page for the public, with neither number nor signature.
    Publication,
}

impl DeskPaper {
    /// Every paper in the desk's order.
    pub const ALL: [DeskPaper; 6] = [
        DeskPaper::Report,
        DeskPaper::Proposal,
        DeskPaper::Decision,
        DeskPaper::Minutes,
        DeskPaper::Notices,
        DeskPaper::Publication,
    ];

    /// The paper's row on the desk; `proposal_to`: whom the regulation's papers address the proposal, if known.
    pub fn label(self, lang: Lang, proposal_to: Option<&str>) -> std::borrow::Cow<'static, str> {
        say::paper(self as usize, lang, proposal_to)
    }

    /// The paper's number and signer setting (`round paper --kind …`); the publication page has none.
    pub fn slot(self) -> Option<PaperSlot> {
        match self {
            DeskPaper::Report => Some(PaperSlot::Report),
            DeskPaper::Proposal => Some(PaperSlot::Proposal),
            DeskPaper::Decision => Some(PaperSlot::Decision),
            DeskPaper::Minutes => Some(PaperSlot::Minutes),
            DeskPaper::Notices => Some(PaperSlot::Notice),
            DeskPaper::Publication => None,
        }
    }

    /// The file's (or, for the notices, the folder's) name part.
    pub fn slug(self) -> &'static str {
        match self {
            DeskPaper::Report => "bao-cao",
            DeskPaper::Proposal => "to-trinh",
            DeskPaper::Decision => "du-thao-quyet-dinh",
            DeskPaper::Minutes => "bien-ban",
            DeskPaper::Notices => "thong-bao",
            DeskPaper::Publication => "cong-bo",
        }
    }
}

/// Who may run one write of the command line, as `domain::permissions` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Right {
    /// A council write: `domain::permissions` says which roles may.
    Council(CouncilWrite),
    /// `submit`: a unit's focal person for its own unit, the secretary and the chairman for any (on paper).
    Submit,
}

/// How the screens do one write of the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenWay {
    /// An action of the desk.
    Desk(DeskAction),
    /// A key of the panes (`keymap`, context List) in this pane.
    Key(Pane, crate::tui::keymap::Command),
}

/// Every write of the command line and where the screens do it (issue 25: nothing only on the command line).
/// `tests/desk_cover.rs` walks clap's command tree and fails on a write missing here, or not acting for a role
/// the permissions allow.
pub const SCREEN_WAYS: &[(&str, Right, ScreenWay)] = {
    use crate::tui::keymap::Command as C;
    use CouncilWrite as W;
    &[
        ("import", Right::Council(W::Import), ScreenWay::Desk(DeskAction::Import)),
        ("user add", Right::Council(W::ManageUsers), ScreenWay::Desk(DeskAction::Users)),
        ("user remove", Right::Council(W::ManageUsers), ScreenWay::Desk(DeskAction::Users)),
        ("round set", Right::Council(W::RoundSettings), ScreenWay::Desk(DeskAction::RoundSettings)),
        ("round paper", Right::Council(W::PaperSettings), ScreenWay::Desk(DeskAction::Papers)),
        ("submit", Right::Submit, ScreenWay::Desk(DeskAction::PaperSubmission)),
        ("submit", Right::Submit, ScreenWay::Key(Pane::SelfAssessment, C::SubmitSelfAssessment)),
        ("submit --reopen", Right::Council(W::Reopen), ScreenWay::Desk(DeskAction::Reopen)),
        ("rerate", Right::Council(W::Rerate), ScreenWay::Desk(DeskAction::Rerate)),
        ("exceed-quota", Right::Council(W::ExceedQuota), ScreenWay::Desk(DeskAction::ExceedQuota)),
        ("backup", Right::Council(W::Backup), ScreenWay::Desk(DeskAction::Backup)),
        ("tie", Right::Council(W::OrderTie), ScreenWay::Key(Pane::Ties, C::Open)),
        ("approve", Right::Council(W::Approve), ScreenWay::Key(Pane::Ranking, C::Approve)),
        ("export sheet", Right::Council(W::Export), ScreenWay::Key(Pane::Ranking, C::ExportSheet)),
        ("export ranking", Right::Council(W::Export), ScreenWay::Key(Pane::Ranking, C::ExportRanking)),
        ("export report", Right::Council(W::Export), ScreenWay::Desk(DeskAction::Papers)),
        ("export proposal", Right::Council(W::Export), ScreenWay::Desk(DeskAction::Papers)),
        ("export decision", Right::Council(W::Export), ScreenWay::Desk(DeskAction::Papers)),
        ("export minutes", Right::Council(W::Export), ScreenWay::Desk(DeskAction::Papers)),
        ("export notice", Right::Council(W::Export), ScreenWay::Desk(DeskAction::Papers)),
        ("export publication", Right::Council(W::Export), ScreenWay::Desk(DeskAction::Papers)),
    ]
};

/// The command line's subcommands that only read (nothing to do on a desk: the panes show what they print).
pub const READS: &[&str] = &[
    "rank",
    "result",
    "round show",
    "user list",
    "audit verify",
    "audit log",
    "regulations",
    "regulations show",
    "export verify",
];

/// Admin-only maintenance, run by whoever holds the database on the server (README, "Nothing only on the command
/// line"): creating a round, the demo, checking a regulation folder before it is installed. Migrations run by
/// themselves when the program opens a round.
pub const MAINTENANCE: &[&str] = &["init", "demo", "regulations check"];

/// What the desk shows, from the file list to the question before a removal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Desk {
    /// The files of the person's inbox.
    Files {
        /// The inbox's files, by name.
        files: Vec<PathBuf>,
        /// The file the cursor is on.
        selected: usize,
    },
    /// The kind of a file that does not say it itself.
    Kind {
        /// The file to import.
        file: PathBuf,
        /// The kind the cursor is on.
        selected: usize,
    },
    /// What an import would change, tried and rolled back; `typed` is the answer (`y` imports).
    Preview {
        /// The file tried.
        file: PathBuf,
        /// What it was read as.
        kind: FileKind,
        /// How many rows it holds.
        rows: usize,
        /// What the import would add, change or leave, by table.
        changes: Vec<ChangeCount>,
        /// The answer typed so far.
        typed: String,
    },
    /// Every problem of a refused file, worded, each with its line and column; nothing was written.
    Problems {
        /// The file refused.
        file: PathBuf,
        /// Every problem, worded.
        problems: Vec<String>,
        /// The problem the cursor is on (the list scrolls to it).
        selected: usize,
    },
    /// The council's users; `removing`: the answer typed to "remove this user?".
    Users {
        /// The user the cursor is on.
        selected: usize,
        /// While asking whether to remove the selected user: the answer typed so far.
        removing: Option<String>,
    },
    /// A desk form (a user to add, the round's settings, a paper submission …).
    Form(DeskForm),
    /// The council's papers to write into `/xuat`.
    Papers {
        /// The paper the cursor is on.
        selected: usize,
    },
    /// A text to read and copy (the new user's key line).
    Notice {
        /// What the text is.
        title: String,
        /// The text, line by line.
        lines: Vec<String>,
    },
}

impl App {
    /// The desk's actions this user may take (the decision beyond the quota only where the regulation has it).
    pub fn desk_actions(&self) -> Vec<DeskAction> {
        let beyond_quota = self.regulation.quota.chairman_exception.is_some();
        DeskAction::ALL
            .into_iter()
            .filter(|action| self.user_may(action.write()))
            .filter(|action| *action != DeskAction::ExceedQuota || beyond_quota)
            .collect()
    }

    /// The secretary's desk at work, when it is the screen.
    pub fn desk(&self) -> Option<&Desk> {
        let Screen::Desk(desk) = &self.screen else { return None };
        Some(desk)
    }

    /// The commands that fetch the current files of one component of a unit (`scp thamdinh@HOST:/stc/I.1/a.pdf .`).
    pub fn download_lines(&self, unit: &UnitCode, component: &str) -> Vec<String> {
        let Some(record) = self.unit(unit) else { return Vec::new() };
        let Some(place) = self.place(record, component) else { return Vec::new() };
        self.files_for(unit, &place)
            .iter()
            .map(|file| {
                crate::messages::desk_more::download_line(&self.remote, &crate::messages::uploads::sftp_path(file))
            })
            .collect()
    }

    /// The overlay of a component's download commands, the first copied; or a word that it has no file.
    pub(crate) fn show_paths(&mut self, unit: &UnitCode, component: &str) -> Vec<Effect> {
        let lines = self.download_lines(unit, component);
        let Some(first) = lines.first().cloned() else {
            self.message = Some((crate::messages::desk_more::no_files(self.lang).to_string(), true));
            return Vec::new();
        };
        self.overlay = Some(Overlay::Paths { lines, selected: 0 });
        vec![Effect::Clipboard { text: first }]
    }

    /// What the numbering form of a paper starts with: the values set now (the date as dd/mm/yyyy).
    pub fn paper_numbering_fields(&self, slot: PaperSlot) -> Vec<String> {
        let Some((_, set, _)) = self.submissions.papers.iter().find(|(s, ..)| *s == slot) else { return Vec::new() };
        vec![
            set.number.clone().unwrap_or_default(),
            set.signer.clone().unwrap_or_default(),
            set.issued_on.as_deref().map(crate::domain::calendar::shown_vietnamese).unwrap_or_default(),
        ]
    }

    /// A paper's line in the desk's list: what is set, as `round show` says it (None for the publication).
    pub fn paper_setting_line(&self, paper: DeskPaper) -> Option<String> {
        let slot = paper.slot()?;
        let (_, set, number) = self.submissions.papers.iter().find(|(s, ..)| *s == slot)?;
        Some(crate::messages::desk_more::paper_short(self.lang, set, number.as_deref()))
    }

    /// The users the desk lists: current ones first, then the removed.
    pub fn desk_users(&self) -> Vec<&CouncilUser> {
        let mut users: Vec<&CouncilUser> = self.users.iter().collect();
        users.sort_by_key(|user| (user.removed_at.is_some(), user.name.clone()));
        users
    }
}
