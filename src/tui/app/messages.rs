//! What flows into `update` (actions: keys and the results of effects) and out of it (effects to run
//! against the store), and the data the store hands back.

use super::*;

/// The round as the store last read it.
pub struct Snapshot {
    pub round: Round,
    /// How many documents back each (unit, criterion or component); the documents themselves are read
    /// when a unit's form opens.
    pub evidence_counts: EvidenceCounts,
    /// Blocs whose results the chairman approved.
    pub approved: BTreeSet<BlocCode>,
    pub comments: Vec<CommentRow>,
    /// The council's users (for the demo's start-up picker).
    pub users: Vec<CouncilUser>,
    /// A unit's focal person: its submission, the deadline, its published result.
    pub unit_side: UnitSide,
    /// Who has submitted, and the round's calendar.
    pub submissions: Submissions,
    pub previous_levels: BTreeMap<crate::domain::code::UnitCode, crate::domain::previous_year::PreviousLevel>,
    /// The newest audit row when this was read: later changes are read unit by unit from there.
    pub audit_id: i64,
}

/// What another session (or this one) changed, read again unit by unit instead of the whole round.
pub struct UnitRefresh {
    pub records: Vec<UnitRecord>,
    /// The evidence of those units.
    pub evidence: Vec<EvidenceRow>,
    /// The files those units sent (issue 24).
    pub files: Vec<crate::store::files::DocumentFile>,
    pub comments: Vec<CommentRow>,
    pub approved: BTreeSet<BlocCode>,
    /// The approved blocs' published results (a re-rating changes one unit's).
    pub published: BTreeMap<BlocCode, crate::domain::published::PublishedBloc>,
    /// Who has submitted (None: the round takes no submissions in the program).
    pub submitted: Option<BTreeMap<crate::domain::code::UnitCode, crate::store::submission::Submission>>,
    pub audit_id: i64,
}

pub enum Action {
    Key(KeyEvent),
    /// The mouse: the wheel scrolls, a click selects, a double click opens (the time tells a double click).
    Mouse(MouseEvent, std::time::Instant),
    Resize,
    /// The first frame is on screen: fetch what it shows that the round is held without (the selected
    /// unit's explanations and documents).
    Started,
    Reloaded(Box<Snapshot>),
    Saved(String),
    /// A text sent to the terminal's clipboard (OSC 52).
    Copied(String),
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
        /// Each user's full name by login, as the history names who changed what.
        names: BTreeMap<String, String>,
    },
    SignedIn(Actor),
    /// The documents and explanations of one unit, read when it was first shown.
    UnitDetailsLoaded {
        unit: crate::domain::code::UnitCode,
        evidence: Vec<EvidenceRow>,
        /// (component, the unit's explanation of its self-score)
        explanations: Vec<(String, String)>,
        /// The files the unit sent over SFTP (issue 24), replaced versions included.
        files: Vec<crate::store::files::DocumentFile>,
    },
    /// Another session committed (the database's data version moved).
    ExternalChange,
    /// The files of the person's inbox, for the desk.
    DeskFiles(Vec<std::path::PathBuf>),
    /// An import tried and rolled back: what it would change.
    DeskPreviewed {
        file: std::path::PathBuf,
        kind: crate::sheet::desk::FileKind,
        rows: usize,
        changes: Vec<crate::store::preview::ChangeCount>,
    },
    /// A file refused: every problem, worded.
    DeskRefused {
        file: std::path::PathBuf,
        problems: Vec<String>,
    },
    /// A user added from the desk, with the key line for the IT officer.
    DeskUserAdded {
        name: String,
        key_line: String,
    },
    UnitsRefreshed(Box<UnitRefresh>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    SaveAppraisal {
        unit: crate::domain::code::UnitCode,
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
        unit: crate::domain::code::UnitCode,
        component: String,
        text: String,
    },
    SaveFacts {
        unit: crate::domain::code::UnitCode,
        values: Vec<(String, FactValue)>,
    },
    /// The chairman re-rating a unit of an approved bloc (Điều 10.4): every change under one reason.
    Rerate {
        unit: crate::domain::code::UnitCode,
        changes: Vec<crate::store::rerate::RerateChange>,
        reason: String,
    },
    OverrideGrade {
        unit: crate::domain::code::UnitCode,
        criterion: String,
        grade: Grade,
        reason: String,
    },
    /// The chairman removing a criterion's grade override: the proposed grade applies again.
    RemoveOverride {
        unit: crate::domain::code::UnitCode,
        criterion: String,
        reason: String,
    },
    /// The appraising agency withdrawing a recorded appraisal while the bloc is open.
    Withdraw {
        unit: crate::domain::code::UnitCode,
        component: String,
        reason: String,
        based_on_version: i64,
    },
    /// The chairman replacing a recorded tie order, for a reason.
    ReorderTie {
        bloc: String,
        order: Vec<String>,
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
        unit: crate::domain::code::UnitCode,
        component: String,
    },
    /// Every audit row of one unit (F3 on a ranking row).
    LoadUnitHistory {
        unit: crate::domain::code::UnitCode,
    },
    /// Read a unit's documents and explanations (the round is held without them).
    LoadUnitDetails {
        unit: crate::domain::code::UnitCode,
    },
    /// A unit's focal person saving one component's self-assessment.
    SaveSelfAssessment(crate::store::self_assessment::SelfAssessmentInput),
    AddDocument {
        unit: crate::domain::code::UnitCode,
        component: String,
        reference: String,
        date: String,
        title: String,
    },
    /// A unit's focal person giving a file it sent its number, date and title.
    DescribeFile {
        unit: crate::domain::code::UnitCode,
        file: i64,
        name: String,
        reference: String,
        date: String,
        title: String,
    },
    RemoveDocument {
        unit: crate::domain::code::UnitCode,
        component: String,
        reference: String,
    },
    /// A unit's focal person submitting its self-assessment (Điều 8.1.b).
    Submit {
        approved_on: String,
        minutes: String,
    },
    /// The desk: list the person's inbox (`/nhap`).
    DeskInbox,
    /// The desk: try an import in a transaction that is rolled back (`import KIND FILE`, not written).
    DeskPreview {
        file: std::path::PathBuf,
        kind: crate::sheet::desk::FileKind,
    },
    /// The desk: `import KIND FILE`.
    DeskImport {
        file: std::path::PathBuf,
        kind: crate::sheet::desk::FileKind,
    },
    /// `user add NAME --role … [--agency …] [--unit …] --full-name …`.
    AddUser {
        name: String,
        role: String,
        agency: Option<String>,
        unit: Option<String>,
        full_name: String,
    },
    /// `user remove NAME`.
    RemoveUser {
        name: String,
    },
    /// `round set [--deadline …] [--appraisal-days …]`.
    SetRound {
        deadline: Option<String>,
        appraisal_days: Option<u32>,
    },
    /// `submit --unit … --received … --approved-on … --minutes …`: a paper submission.
    RecordPaper {
        unit: crate::domain::code::UnitCode,
        /// The day it was received; None: today.
        received: Option<String>,
        approved_on: String,
        minutes: String,
    },
    /// `submit --reopen --unit … --reason …`.
    Reopen {
        unit: crate::domain::code::UnitCode,
        reason: String,
    },
    /// `exceed-quota --unit … --reason … [--undo]`.
    ExceedQuota {
        unit: crate::domain::code::UnitCode,
        reason: String,
        undo: bool,
    },
    /// `backup --out …` into the person's exports folder (`/xuat`).
    Backup,
    /// `export report|proposal|decision|minutes|notice --all|publication` into the person's exports folder.
    ExportPaper {
        paper: super::DeskPaper,
    },
    /// Copies a text to the clipboard of the person's terminal (OSC 52, where the terminal allows).
    Clipboard {
        text: String,
    },
    /// `round paper --kind … [--number …] [--signer …] [--issued …]`: None clears a value.
    SetPaperNumbering {
        slot: crate::store::paper_settings::PaperSlot,
        number: Option<String>,
        signer: Option<String>,
        issued: Option<String>,
        lang: crate::messages::Lang,
    },
}
