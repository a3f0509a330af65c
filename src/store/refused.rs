//! Why the store refused a write or a read, as facts: which unit, component, bloc, value and rule. The
//! `Display` text is the English wording (`--lang en`); people read the catalog's (`messages`).

use crate::domain::facts::{FactValueRefused, FactsInconsistent};
use crate::domain::score::ScoreInputError;
use crate::domain::validate::TextRefusal;
use rust_decimal::Decimal;

/// What a refusal is about: where a text, a freeze or a write applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Unit(String),
    /// A component or criterion of a unit.
    Item {
        unit: String,
        item: String,
    },
    Bloc(String),
    /// A bloc's tie order.
    Tie,
    /// A bloc's approval.
    Approval,
    User(String),
}

impl std::fmt::Display for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Subject::Unit(unit) => write!(f, "unit {unit}"),
            Subject::Item { unit, item } => write!(f, "unit {unit}, {item}"),
            Subject::Bloc(bloc) => write!(f, "bloc {bloc}"),
            Subject::Tie => f.write_str("tie"),
            Subject::Approval => f.write_str("approve"),
            Subject::User(name) => write!(f, "user {name}"),
        }
    }
}

/// Which person's text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    DeductionReason,
    Comment,
    OverrideReason,
    RemoveOverrideReason,
    WithdrawReason,
    TieReorderReason,
    RerateReason,
    FullName,
    /// A unit's explanation of its self-score.
    Explanation,
    /// The number of the minutes of the unit's leadership meeting that approved its self-assessment.
    Minutes,
    ReopenReason,
    DocumentTitle,
    DocumentReference,
    /// The chairman's reason for rating a unit excellent beyond the quota.
    QuotaExceptionReason,
    /// The reason for withdrawing that decision.
    QuotaExceptionUndoReason,
}

impl TextField {
    /// The kind of text it is, which bounds it (`validate::check`).
    pub fn kind(self) -> crate::domain::validate::TextKind {
        use crate::domain::validate::TextKind;
        match self {
            TextField::FullName => TextKind::Name,
            TextField::Minutes | TextField::DocumentTitle | TextField::DocumentReference => TextKind::Line,
            _ => TextKind::Long,
        }
    }

    pub const ALL: [TextField; 15] = [
        TextField::Explanation,
        TextField::Minutes,
        TextField::ReopenReason,
        TextField::DocumentTitle,
        TextField::DocumentReference,
        TextField::DeductionReason,
        TextField::Comment,
        TextField::OverrideReason,
        TextField::RemoveOverrideReason,
        TextField::WithdrawReason,
        TextField::TieReorderReason,
        TextField::RerateReason,
        TextField::QuotaExceptionReason,
        TextField::QuotaExceptionUndoReason,
        TextField::FullName,
    ];

    pub fn english(self) -> &'static str {
        match self {
            TextField::DeductionReason => "deduction reason",
            TextField::Comment => "the comment",
            TextField::OverrideReason => "the reason for overriding a grade",
            TextField::RemoveOverrideReason => "the reason for removing a grade override",
            TextField::WithdrawReason => "the reason for withdrawing an appraisal",
            TextField::TieReorderReason => "the reason for changing a tie order",
            TextField::RerateReason => "a re-rating's reason (the violation or shortcoming found, Điều 10.4)",
            TextField::FullName => "the full name",
            TextField::Explanation => "the explanation",
            TextField::Minutes => "the minutes' number",
            TextField::ReopenReason => "the reason for reopening",
            TextField::DocumentTitle => "the document's summary",
            TextField::DocumentReference => "the document's number",
            TextField::QuotaExceptionReason => "the reason for rating the unit excellent beyond the quota",
            TextField::QuotaExceptionUndoReason => "the reason for withdrawing the decision beyond the quota",
        }
    }
}

/// What a refused row of an import file names besides its unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowItem {
    /// The unit itself (its name).
    Unit,
    /// A criterion or component.
    Criterion(String),
    /// A fact, by its name in the file.
    Fact(String),
}

/// A value of an import file its user may not write: the file, line, column, unit, what of it, the value and
/// the rule (`scores.csv:3: column appraised_score: unit stc, II.1: value 2: refused: …`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: column {column}: unit {unit}{}: value {value}: refused: {refusal}", match item {
    RowItem::Unit => String::new(),
    RowItem::Criterion(code) => format!(", {code}"),
    RowItem::Fact(name) => format!(", fact {name}"),
})]
pub struct RowRefused {
    pub file: String,
    pub line: u64,
    pub column: String,
    pub unit: String,
    pub item: RowItem,
    pub value: String,
    pub refusal: crate::domain::permissions::Refusal,
}

/// What is wrong with a CSV file itself, before any row is read for its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblem {
    NotUtf8,
    /// The header row cannot be read (the csv reader's account).
    Header(String),
    UnknownColumn {
        column: String,
        known: Vec<String>,
    },
    ColumnTwice {
        column: String,
    },
    MissingColumn {
        column: String,
    },
    /// A row the csv reader cannot read (its account).
    Unreadable(String),
    /// A cell carrying a control character.
    Cell {
        column: String,
        value: String,
        why: TextRefusal,
    },
}

impl std::fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CsvProblem::NotUtf8 => f.write_str("not UTF-8 text; save the file as CSV UTF-8"),
            CsvProblem::Header(why) => f.write_str(why),
            CsvProblem::UnknownColumn { column, known } => {
                write!(f, "unknown column {column:?}; the columns are {}", known.join(", "))
            }
            CsvProblem::ColumnTwice { column } => write!(f, "column {column} appears twice"),
            CsvProblem::MissingColumn { column } => write!(f, "missing column {column}"),
            CsvProblem::Unreadable(why) => write!(f, "unreadable row: {why}"),
            CsvProblem::Cell { column, value, why } => write!(f, "column {column}: {value:?} {why}"),
        }
    }
}

/// A refusal with its facts.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refused {
    #[error("the round has no units yet; import them with `thamdinh import units`")]
    NoUnitsYet,
    #[error("unknown unit {unit:?}")]
    UnknownUnit { unit: String },
    #[error("unit {unit}: its bloc and group name no framework")]
    NoFramework { unit: String },
    #[error("unit {unit}: no component {component:?} in its framework")]
    UnknownComponent { unit: String, component: String },
    #[error("unit {unit}: {criterion:?} is not a criterion of its framework")]
    NotACriterion { unit: String, criterion: String },
    #[error("unit {unit}: {criterion:?} is not a graded criterion of its framework")]
    NotAGradedCriterion { unit: String, criterion: String },
    #[error("{regulation} grades no criteria")]
    NoGrades { regulation: String },
    #[error("unit {unit}: unknown fact {fact:?}")]
    UnknownFact { unit: String, fact: String },
    /// A fact's value that does not fit its kind.
    #[error("unit {unit}: {why}")]
    BadFactValue { unit: String, why: FactValueRefused },
    #[error("unit {unit}: {why}")]
    FactsInconsistent { unit: String, why: FactsInconsistent },
    #[error("unit {unit}, {component}: appraised score {}", super::row_problem::score_en(why))]
    BadScore { unit: String, component: String, why: ScoreInputError },
    #[error("unit {unit}, {component}: appraised {value} outside [0, {}] (a score lies in [0, max])", max.normalize())]
    ScoreOutOfRange { unit: String, component: String, value: Decimal, max: Decimal },
    /// The reason rule (the domain's words, in Vietnamese).
    #[error("unit {unit}, {component}: {why}")]
    ReasonNeeded { unit: String, component: String, why: crate::domain::appraisal::ReasonNeeded },
    #[error("{at}: {} {why}", field.english())]
    BadText { field: TextField, at: Subject, why: TextRefusal },
    #[error("{at}: {} is needed (empty, or nothing visible in it)", field.english())]
    TextNeeded { field: TextField, at: Subject },
    #[error("{at}: bloc {bloc} is approved and its results are frozen; a change now is a re-rating{}", rerating_en(rerating.as_deref()))]
    Frozen { bloc: String, at: Subject, rerating: Option<String> },
    #[error("unit {unit}: bloc {bloc} is not approved yet; change the score, fact or grade the usual way")]
    NotApproved { unit: String, bloc: String },
    #[error("unit {unit}: a re-rating changes something; nothing was given")]
    NothingToRerate { unit: String },
    #[error(
        "unit {unit}: every item of {part} would be not applicable; Điều 4.1 fixes each part's points (A 40, B 50, C 10)"
    )]
    WhollyNotApplicable { unit: String, part: String },
    #[error(
        "unit {unit}: after the re-rating its total equals {}'s; the chairman orders the tie within the re-rating (--tie before|after)",
        tied.join(", ")
    )]
    RerateTie { unit: String, tied: Vec<String> },
    #[error("unknown bloc {bloc:?}; {regulation} has {}", known.join(", "))]
    UnknownBloc { bloc: String, regulation: String, known: Vec<String> },
    /// The approval gate refuses (`domain::gates::approval_gate`); worded in `messages::gates`.
    #[error("bloc approval refused ({0:?}); see messages::gates for its words")]
    Approval(crate::domain::gates::ApprovalBlocker),
    #[error("--order names a unit twice")]
    OrderRepeats,
    #[error("--order needs the units of a tie group, at least two")]
    OrderTooShort,
    #[error("unit {unit} is in bloc {its_bloc}, not {bloc}")]
    NotInBloc { unit: String, bloc: String, its_bloc: String },
    #[error("unit {unit} shares its total with no other unit of {bloc}: there is no tie to order")]
    NoTie { unit: String, bloc: String },
    #[error("the tie group of {unit} is {}; order all of them, and only them", group.join(","))]
    NotTheTieGroup { unit: String, group: Vec<String> },
    #[error("bloc {bloc}: no order of {} is recorded; there is nothing to reopen", order.join(","))]
    NoTieOrder { bloc: String, order: Vec<String> },
    /// The chairman's decision beyond the quota (`exceed-quota`), refused.
    #[error("{0}")]
    QuotaException(super::exceptions::QuotaRefusal),
    #[error(
        "unit {unit}, {criterion}: {grade} is the proposed grade; an override equal to it is not stored (remove the override instead)"
    )]
    OverrideIsProposed { unit: String, criterion: String, grade: String },
    #[error("unit {unit}, {criterion}: no grade override to remove; the proposed grade applies")]
    NoOverride { unit: String, criterion: String },
    #[error(
        "unit {unit}, {component}: the appraisal {value} is final (by {}); an assistant's entry cannot replace it — a member of the agency changes it",
        by.as_deref().unwrap_or("an import")
    )]
    AppraisalFinal { unit: String, component: String, value: String, by: Option<String> },
    /// The withdrawal gate refuses (`domain::gates::withdrawal_gate`); worded in `messages::gates`.
    #[error("unit {unit}, {component}: withdrawal refused ({why:?}); see messages::gates for its words")]
    Withdrawal { unit: String, component: String, why: crate::domain::gates::WithdrawalRefusal },
    #[error(
        "{name:?} is not a user name: up to 64 lowercase letters, digits, '-', '_', '.', starting with a letter or a digit; not \"admin\""
    )]
    BadUserName { name: String },
    #[error("a {role} acts for one appraising agency: add --agency ({})", agencies.join(", "))]
    AgencyNeeded { role: String, agencies: Vec<String> },
    #[error("a {role} acts for the whole council, not for agency {agency}; leave --agency out")]
    NoAgencyForRole { role: String, agency: String },
    #[error("unknown agency {agency:?}; {regulation} has {}", agencies.join(", "))]
    UnknownAgency { agency: String, regulation: String, agencies: Vec<String> },
    #[error(
        "agency {agency} appraises no component itself (only criteria scored by the provincial leaders): add its people with --role leader"
    )]
    AgencyAppraisesNothing { agency: String },
    #[error("{regulation} has no criteria scored by the provincial leaders, so no leader role")]
    NoLeaderRole { regulation: String },
    #[error("a council user {name:?} already exists (or existed: the audit log names them); choose another name")]
    UserExists { name: String },
    #[error("unknown role {role:?}; roles: member, assistant, leader, secretary, chairman, unit")]
    UnknownRole { role: String },
    #[error("grade must be excellent|good|average|poor, not {grade:?}")]
    UnknownGrade { grade: String },
    #[error("council user {name}: unknown role {role:?} (database damaged?)")]
    StoredRoleUnknown { name: String, role: String },
    #[error("generated by demo generator {found}, and this program's is {ours}")]
    DemoGenerator { found: String, ours: String },
    #[error("demo recipe: {why}")]
    DemoRecipe { why: String },
    #[error(
        "{file}: this is {} ({database}); an export never writes over it, --force or not: choose another file name",
        part.as_ref().map_or_else(|| "the round's database".to_string(), |part| format!("the database's {part} file"))
    )]
    ExportOverDatabase { file: String, database: String, part: Option<String> },
    #[error("{file}:{line}: {problem}")]
    Csv { file: String, line: u64, problem: CsvProblem },
    /// An input file that cannot be read (`not_found`: there is no such file).
    #[error("{file}: {why}")]
    Unreadable { file: String, not_found: bool, why: String },
    #[error("{file}: the file already exists; choose another name, or add --force to replace it")]
    ExportExists { file: String },
    #[error("an audit record of table {table:?} does not fit it: {record}")]
    AuditRecordUnfit { table: String, record: String },
    #[error("audit row {row}: its record of the rows it wrote is unreadable: {why}")]
    AuditRecordUnreadable { row: i64, why: String },
    #[error("a unit's focal person (--role unit) belongs to one unit: add --unit UNIT")]
    UnitNeeded,
    /// The secretary keeps members, assistants, leaders and units' focal persons; a chairman or a secretary is
    /// added or removed only by the service account (whoever holds the database file), so no user raises another.
    #[error("role grant refused ({0:?}); see messages::gates for its words")]
    RoleGrant(crate::domain::gates::RoleGrantRefusal),
    #[error(
        "only a unit's focal person (--role unit) belongs to a unit; a {role} works for the council: leave out --unit {unit}"
    )]
    NoUnitForRole { role: String, unit: String },
    #[error("name the unit: --unit UNIT")]
    UnitNotNamed,
    #[error(
        "no unit {unit:?} in this round; import the units first (thamdinh import units), then add its focal person"
    )]
    UnitNotInRound { unit: String },
    #[error("the database clock gives no date ({text:?})")]
    ClockNoDate { text: String },
    #[error("unit {unit}: the leadership's approval date {value:?} is not a date ({})", crate::store::dates::DATE_RULE)]
    ApprovedOnNotADate { unit: String, value: String },
    #[error("unit {unit}: approved on {approved}, after today ({today}); give the date the leadership met")]
    ApprovedInFuture { unit: String, approved: String, today: String },
    #[error("unit {unit}: approved on {approved}, before the round's year {year}; give the date the leadership met")]
    ApprovedBeforeRound { unit: String, approved: String, year: i32 },
    #[error(
        "unit {unit} submitted its self-assessment on {on} (minutes {minutes}); to change it, the secretary reopens it with a reason"
    )]
    AlreadySubmitted { unit: String, on: String, minutes: String },
    #[error(
        "unit {unit}: {missing} component(s) have no self-score ({}{}); score each, or mark it not applicable where the regulation allows, before submitting",
        first.join(", "),
        if *missing > first.len() { ", …" } else { "" }
    )]
    SelfAssessmentIncomplete { unit: String, missing: usize, first: Vec<String> },
    #[error("unit {unit}: the receipt date {value:?} is not a date ({})", crate::store::dates::DATE_RULE)]
    ReceivedNotADate { unit: String, value: String },
    #[error("unit {unit}: received on {received}, after today ({today}); give the day the papers arrived")]
    ReceivedInFuture { unit: String, received: String, today: String },
    #[error("unit {unit}: only the council's secretary or chairman records a receipt date (--received)")]
    ReceivedNotForUnit { unit: String },
    #[error("unit {unit}: the submission was not recorded")]
    SubmissionNotRecorded { unit: String },
    #[error("unit {unit} has not submitted its self-assessment: there is nothing to reopen")]
    NotSubmitted { unit: String },
    #[error("deadline {value:?} is not a date ({})", crate::store::dates::DATE_RULE)]
    DeadlineNotADate { value: String },
    #[error("the appraisal period is at least 1 working day")]
    AppraisalDaysZero,
    #[error("an appraisal period of {days} working days is beyond the bound of {limit}")]
    AppraisalDaysTooMany { days: u32, limit: u32 },
    #[error("give --deadline DATE or --appraisal-days N")]
    NoRoundSetting,
    #[error("{from}: the old round is of {old_year}; the new round's year must come after it, not {year}")]
    YearNotAfter { from: String, old_year: i32, year: i32 },
    #[error("{from}: unit {unit} (bloc {bloc}, group {}) has no framework in regulation {regulation}; create the new round with the old regulation or import the units again", group.as_deref().unwrap_or("—"))]
    NoFrameworkIn { from: String, unit: String, bloc: String, group: Option<String>, regulation: String },
    #[error("{from}: user {user} belongs to agency {agency}, which regulation {regulation} does not have")]
    AgencyGone { from: String, user: String, agency: String, regulation: String },
    #[error(
        "{path}: a database of an older schema ({version}); reading commands do not upgrade it: open it once with this version with write access (e.g. `thamdinh backup --db {path} --out copy.db`) and try again"
    )]
    OldSchema { path: String, version: i64 },
    #[error("unit {unit}, {component}: no document numbered {reference:?} to remove")]
    NoSuchDocument { unit: String, component: String, reference: String },
    #[error("unit {unit}, {component}: self-assessed score {}", super::row_problem::score_en(why))]
    BadSelfScore { unit: String, component: String, why: ScoreInputError },
    #[error("unit {unit}, {component}: {regulation} has no not-applicable components")]
    NotApplicableNotAllowed { unit: String, component: String, regulation: String },
    /// A unit's focal person's score sheet of a unit it may not write.
    #[error("{file}: sheet {sheet:?}: unit {unit}: refused: {refusal}")]
    SheetRefused { file: String, sheet: String, unit: String, refusal: crate::domain::permissions::Refusal },
    /// The council's papers (`export report|proposal|decision|minutes|notice|publication`).
    #[error("{0}")]
    Paper(crate::store::papers::PaperRefusal),
}

/// " (Article 10.4)": the regulation's article of re-rating in the English refusal, where it has one.
fn rerating_en(article: Option<&str>) -> String {
    article.map(|a| format!(" ({})", a.replace("Điều", "Article"))).unwrap_or_default()
}
