//! What flows into `update` (actions: keys and the results of effects) and out of it (effects to run
//! against the store), and the data the store hands back.

use super::*;
use crate::domain::code::BlocCode;

/// The round as the store last read it.
pub struct Snapshot {
    /// The regulation's framework, every unit's record and the blocs' results, as the domain evaluates them.
    pub round: Round,
    /// How many documents back each (unit, criterion or component); the documents themselves are read
    /// when a unit's form opens.
    pub evidence_counts: EvidenceCounts,
    /// Blocs whose results the chairman approved.
    pub approved: BTreeSet<BlocCode>,
    /// The council's comments on the units' components, newest last.
    pub comments: Vec<CommentRow>,
    /// The council's users (for the demo's start-up picker).
    pub users: Vec<CouncilUser>,
    /// A unit's focal person: its submission, the deadline, its published result.
    pub unit_side: UnitSide,
    /// Who has submitted, and the round's calendar.
    pub submissions: Submissions,
    /// Each unit's level of last year, by unit code (the ranking shows the change).
    pub previous_levels: BTreeMap<crate::domain::code::UnitCode, crate::domain::previous_year::PreviousLevel>,
    /// The newest audit row when this was read: later changes are read unit by unit from there.
    pub audit_id: i64,
}

/// What another session (or this one) changed, read again unit by unit instead of the whole round.
pub struct UnitRefresh {
    /// The changed units' records (scores, appraisals, facts, overrides), replacing the held ones.
    pub records: Vec<UnitRecord>,
    /// The evidence of those units.
    pub evidence: Vec<EvidenceRow>,
    /// The files those units sent (issue 24).
    pub files: Vec<crate::store::files::DocumentFile>,
    /// The comments on those units.
    pub comments: Vec<CommentRow>,
    /// The blocs approved now (an approval or a withdrawal of one changes the set).
    pub approved: BTreeSet<BlocCode>,
    /// The approved blocs' published results (a re-rating changes one unit's).
    pub published: BTreeMap<BlocCode, crate::domain::published::PublishedBloc>,
    /// Who has submitted (None: the round takes no submissions in the program).
    pub submitted: Option<BTreeMap<crate::domain::code::UnitCode, crate::store::submission::Submission>>,
    /// The newest audit row read: the next refresh starts after it.
    pub audit_id: i64,
}

/// What `update` is told: a key or the mouse, or the result of an effect the store ran.
pub enum Action {
    /// A key pressed; the keymap of the screen (and overlay) in front decides what it means.
    Key(KeyEvent),
    /// The mouse: the wheel scrolls, a click selects, a double click opens (the time tells a double click).
    Mouse(MouseEvent, std::time::Instant),
    /// The terminal changed size: the next frame is drawn at the new size.
    Resize,
    /// The first frame is on screen: fetch what it shows that the round is held without (the selected
    /// unit's explanations and documents).
    Started,
    /// The whole round read again (at start, after sign-in or an import).
    Reloaded(Box<Snapshot>),
    /// A write the store accepted, worded for the status line.
    Saved(String),
    /// A text sent to the terminal's clipboard (OSC 52).
    Copied(String),
    /// A write or read the store refused, its refusal worded for the status line; nothing changed.
    Failed(String),
    /// Another session saved the component meanwhile: the newer value, and the version to save over it.
    Stale {
        /// The status line's words: who saved what, the newer value and yours.
        message: String,
        /// The component's version now: saving again on top of it overrides the other session's value.
        version: i64,
    },
    /// The audit history of one component, for the history overlay.
    History {
        /// What the history is of (unit · component, or the unit).
        title: String,
        /// The audit rows, oldest first.
        rows: Vec<AuditRow>,
        /// Each user's full name by login, as the history names who changed what.
        names: BTreeMap<String, String>,
    },
    /// The start-up picker's sign-in succeeded: the interface now acts as this person.
    SignedIn(Actor),
    /// The documents and explanations of one unit, read when it was first shown.
    UnitDetailsLoaded {
        /// The unit's code.
        unit: crate::domain::code::UnitCode,
        /// The documents it cites, per criterion or component.
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
        /// The file tried, in the person's inbox.
        file: std::path::PathBuf,
        /// What it was read as (units, scores, appraisals …).
        kind: crate::sheet::desk::FileKind,
        /// How many rows it holds.
        rows: usize,
        /// What the import would add, change or leave, by table.
        changes: Vec<crate::store::preview::ChangeCount>,
    },
    /// A file refused: every problem, worded.
    DeskRefused {
        /// The file refused.
        file: std::path::PathBuf,
        /// Every problem of the file, each worded for the person (row and column where known).
        problems: Vec<String>,
    },
    /// A user added from the desk, with the key line for the IT officer.
    DeskUserAdded {
        /// The new user's login.
        name: String,
        /// The `authorized_keys` line the IT officer adds to the SFTP server for them.
        key_line: String,
    },
    /// The units another session changed, read again (see [`UnitRefresh`]).
    UnitsRefreshed(Box<UnitRefresh>),
}

/// What `update` asks of the outside world: a write or read of the store, a file, the clipboard. Run by
/// `run_effect`, which answers with an [`Action`].
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// A council member recording the appraised score of one component, with the reason.
    SaveAppraisal {
        /// The unit appraised.
        unit: crate::domain::code::UnitCode,
        /// The component (`tiêu chí thành phần`) appraised.
        component: String,
        /// The appraised score, within the component's maximum.
        appraised: Decimal,
        /// Why the score differs from the unit's own (required when it does).
        reason: String,
        /// The component's version the member saw: another session's newer save is refused as stale.
        based_on_version: i64,
    },
    /// The secretary recording the order of units tied on score in a bloc (Điều 9).
    OrderTie {
        /// The bloc whose tie is ordered.
        bloc: BlocCode,
        /// The tied units' codes, first to last.
        order: Vec<String>,
    },
    /// The chairman approving a bloc's results: its ranking is published and its scores freeze.
    Approve {
        /// The bloc approved.
        bloc: BlocCode,
    },
    /// A council member's comment on a unit's component (seen by the council, never by the unit).
    Comment {
        /// The unit commented on.
        unit: crate::domain::code::UnitCode,
        /// The component commented on.
        component: String,
        /// The comment as typed.
        text: String,
    },
    /// The secretary recording a unit's facts (discipline, outstanding …) that cap or lift its classification.
    SaveFacts {
        /// The unit whose facts change.
        unit: crate::domain::code::UnitCode,
        /// Each fact by code, with its new value.
        values: Vec<(String, FactValue)>,
    },
    /// The chairman re-rating a unit of an approved bloc (Điều 10.4): every change under one reason.
    Rerate {
        /// The unit re-rated.
        unit: crate::domain::code::UnitCode,
        /// The components' new appraised scores.
        changes: Vec<crate::store::rerate::RerateChange>,
        /// Why the approved result changes, recorded in the audit log.
        reason: String,
    },
    /// The chairman setting a criterion's grade by hand instead of the proposed one, for a reason.
    OverrideGrade {
        /// The unit whose grade is overridden.
        unit: crate::domain::code::UnitCode,
        /// The criterion (`tiêu chí`) overridden.
        criterion: String,
        /// The grade the council decided.
        grade: Grade,
        /// Why, recorded in the audit log.
        reason: String,
    },
    /// The chairman removing a criterion's grade override: the proposed grade applies again.
    RemoveOverride {
        /// The unit.
        unit: crate::domain::code::UnitCode,
        /// The criterion whose override goes.
        criterion: String,
        /// Why, recorded in the audit log.
        reason: String,
    },
    /// The appraising agency withdrawing a recorded appraisal while the bloc is open.
    Withdraw {
        /// The unit.
        unit: crate::domain::code::UnitCode,
        /// The component whose appraisal goes.
        component: String,
        /// Why, recorded in the audit log.
        reason: String,
        /// The version the agency saw: a newer save by another session is refused as stale.
        based_on_version: i64,
    },
    /// The chairman replacing a recorded tie order, for a reason.
    ReorderTie {
        /// The bloc whose tie order changes.
        bloc: BlocCode,
        /// The tied units' codes, first to last.
        order: Vec<String>,
        /// Why, recorded in the audit log.
        reason: String,
    },
    /// The score sheet of one unit, or of every unit, written beside the database.
    ExportSheets {
        /// One unit's code; None: every unit.
        unit: Option<crate::domain::code::UnitCode>,
    },
    /// The council's result written beside the database.
    ExportRanking,
    /// Read the whole round again.
    Reload,
    /// Reads what the audit log says changed after row `since`: the changed units, or the whole round.
    Refresh {
        /// The newest audit row already held.
        since: i64,
    },
    /// The start-up picker (demo only) chose a user: the store writes as them from now on.
    SignIn {
        /// The chosen user's login.
        name: String,
    },
    /// The audit history of one component (F3 on a form's row).
    LoadHistory {
        /// The unit.
        unit: crate::domain::code::UnitCode,
        /// The component.
        component: String,
    },
    /// Every audit row of one unit (F3 on a ranking row).
    LoadUnitHistory {
        /// The unit.
        unit: crate::domain::code::UnitCode,
    },
    /// Read a unit's documents and explanations (the round is held without them).
    LoadUnitDetails {
        /// The unit.
        unit: crate::domain::code::UnitCode,
    },
    /// A unit's focal person saving one component's self-assessment.
    SaveSelfAssessment(crate::store::self_assessment::SelfAssessmentInput),
    /// A unit's focal person citing a document (`văn bản`) as evidence of a component.
    AddDocument {
        /// The unit citing it.
        unit: crate::domain::code::UnitCode,
        /// The component it backs.
        component: String,
        /// The document's number (`số hiệu`).
        reference: String,
        /// Its date as typed (dd/mm/yyyy); the store checks it.
        date: String,
        /// Its title (`trích yếu`).
        title: String,
    },
    /// A unit's focal person giving a file it sent its number, date and title.
    DescribeFile {
        /// The unit that sent it.
        unit: crate::domain::code::UnitCode,
        /// The file's id in the store.
        file: i64,
        /// The file's name as sent (for the status line).
        name: String,
        /// The document's number.
        reference: String,
        /// Its date as typed (dd/mm/yyyy).
        date: String,
        /// Its title.
        title: String,
    },
    /// A unit's focal person removing a cited document from a component.
    RemoveDocument {
        /// The unit.
        unit: crate::domain::code::UnitCode,
        /// The component it backed.
        component: String,
        /// The document's number.
        reference: String,
    },
    /// A unit's focal person submitting its self-assessment (Điều 8.1.b).
    Submit {
        /// The day the unit's leaders approved the self-assessment (dd/mm/yyyy).
        approved_on: String,
        /// The number of the meeting's minutes that approved it.
        minutes: String,
    },
    /// The desk: list the person's inbox (`/nhap`).
    DeskInbox,
    /// The desk: try an import in a transaction that is rolled back (`import KIND FILE`, not written).
    DeskPreview {
        /// The file in the inbox.
        file: std::path::PathBuf,
        /// What to read it as.
        kind: crate::sheet::desk::FileKind,
    },
    /// The desk: `import KIND FILE`.
    DeskImport {
        /// The file in the inbox.
        file: std::path::PathBuf,
        /// What to read it as.
        kind: crate::sheet::desk::FileKind,
    },
    /// `user add NAME --role … [--agency …] [--unit …] --full-name …`.
    AddUser {
        /// The login.
        name: String,
        /// The role's slug (`member`, `secretary`, `unit` …); the store refuses an unknown one.
        role: String,
        /// The appraising agency, for a member who appraises.
        agency: Option<String>,
        /// The unit, for a unit's focal person.
        unit: Option<String>,
        /// The person's full name, as the papers and the history print it.
        full_name: String,
    },
    /// `user remove NAME`.
    RemoveUser {
        /// The login removed.
        name: String,
    },
    /// `round set [--deadline …] [--appraisal-days …]`.
    SetRound {
        /// The submission deadline (dd/mm/yyyy); None leaves it.
        deadline: Option<String>,
        /// The working days the council has to appraise; None leaves it.
        appraisal_days: Option<u32>,
    },
    /// `submit --unit … --received … --approved-on … --minutes …`: a paper submission.
    RecordPaper {
        /// The unit whose paper file arrived.
        unit: crate::domain::code::UnitCode,
        /// The day it was received; None: today.
        received: Option<String>,
        /// The day its leaders approved it (dd/mm/yyyy).
        approved_on: String,
        /// The number of the minutes that approved it.
        minutes: String,
    },
    /// `submit --reopen --unit … --reason …`.
    Reopen {
        /// The unit whose submission reopens.
        unit: crate::domain::code::UnitCode,
        /// Why, recorded in the audit log.
        reason: String,
    },
    /// `exceed-quota --unit … --reason … [--undo]`.
    ExceedQuota {
        /// The unit allowed (or no longer allowed) above its bloc's quota of top grades.
        unit: crate::domain::code::UnitCode,
        /// Why, recorded in the audit log.
        reason: String,
        /// True: take the exception back.
        undo: bool,
    },
    /// `backup --out …` into the person's exports folder (`/xuat`).
    Backup,
    /// `export report|proposal|decision|minutes|notice --all|publication` into the person's exports folder.
    ExportPaper {
        /// Which paper.
        paper: super::DeskPaper,
    },
    /// Copies a text to the clipboard of the person's terminal (OSC 52, where the terminal allows).
    Clipboard {
        /// The text copied.
        text: String,
    },
    /// `round paper --kind … [--number …] [--signer …] [--issued …]`: None clears a value.
    SetPaperNumbering {
        /// Which paper's numbering.
        slot: crate::store::paper_settings::PaperSlot,
        /// The paper's number (`số`).
        number: Option<String>,
        /// Who signs it.
        signer: Option<String>,
        /// The day it is issued (dd/mm/yyyy).
        issued: Option<String>,
        /// The language the refusal or confirmation is worded in.
        lang: crate::messages::Lang,
    },
}
