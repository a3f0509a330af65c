//! Why the store refused a write or a read, as facts: which unit, component, bloc, value and rule. The
//! `Display` text is the English wording (`--lang en`); people read the catalog's (`messages`).

use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::facts::{FactValueRefused, FactsInconsistent};
use crate::domain::score::ScoreInputError;
use crate::domain::validate::TextRefusal;
use rust_decimal::Decimal;

/// What a refusal is about: where a text, a freeze or a write applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A unit, by code.
    Unit(UnitCode),
    /// A component or criterion of a unit.
    Item {
        /// The unit's code.
        unit: UnitCode,
        /// The criterion's or component's code.
        item: String,
    },
    /// A bloc, by code.
    Bloc(BlocCode),
    /// A bloc's tie order.
    Tie,
    /// A bloc's approval.
    Approval,
    /// A council user, by login.
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
    /// The council's reason for a deduction.
    DeductionReason,
    /// A co-appraising agency's comment.
    Comment,
    /// The chairman's reason for overriding a grade.
    OverrideReason,
    /// The chairman's reason for removing an override.
    RemoveOverrideReason,
    /// The agency's reason for withdrawing an appraisal.
    WithdrawReason,
    /// The chairman's reason for changing a recorded tie order.
    TieReorderReason,
    /// The chairman's reason for a re-rating (Điều 10.4).
    RerateReason,
    /// A user's full name.
    FullName,
    /// A unit's explanation of its self-score.
    Explanation,
    /// The number of the minutes of the unit's leadership meeting that approved its self-assessment.
    Minutes,
    /// The secretary's reason for reopening a submission.
    ReopenReason,
    /// A document's title (*trích yếu*).
    DocumentTitle,
    /// A document's number (*số, ký hiệu*).
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

    /// Every text a person types, checked by the same rules.
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

    /// The text's name in the English refusals (`--lang en`).
    pub fn english(self) -> &'static str {
        match self {
            TextField::DeductionReason => "deduction reason",
            TextField::Comment => "the comment",
            TextField::OverrideReason => "the reason for overriding a grade",
            TextField::RemoveOverrideReason => "the reason for removing a grade override",
            TextField::WithdrawReason => "the reason for withdrawing an appraisal",
            TextField::TieReorderReason => "the reason for changing a tie order",
            TextField::RerateReason => "a re-rating's reason (the violation or shortcoming found)",
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
    /// The file.
    pub file: String,
    /// The row's line.
    pub line: u64,
    /// The column's name.
    pub column: String,
    /// The row's unit.
    pub unit: UnitCode,
    /// What of the unit the value is about.
    pub item: RowItem,
    /// The value refused (the user's own, so it may be quoted).
    pub value: String,
    /// The rule of the role that refuses it.
    pub refusal: crate::domain::permissions::Refusal,
}

/// What is wrong with a CSV file itself, before any row is read for its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblem {
    /// Not UTF-8 (an Excel "CSV" in the Windows code page): save it as CSV UTF-8.
    NotUtf8,
    /// The header row cannot be read (the csv reader's account).
    Header(String),
    /// A column the file's kind does not have (a typo in the header).
    UnknownColumn {
        /// The column as written.
        column: String,
        /// The columns the file may have.
        known: Vec<String>,
    },
    /// A column written twice in the header.
    ColumnTwice {
        /// The column.
        column: String,
    },
    /// A column the file's kind requires, absent.
    MissingColumn {
        /// The column.
        column: String,
    },
    /// A row the csv reader cannot read (its account).
    Unreadable(String),
    /// A cell carrying a control character.
    Cell {
        /// The cell's column.
        column: String,
        /// The cell as written.
        value: String,
        /// What is wrong with it.
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
    /// The round has no units: `import units` comes before anything about them.
    #[error("the round has no units yet; import them with `thamdinh import units`")]
    NoUnitsYet,
    /// No unit of that code in the round.
    #[error("unknown unit {unit:?}")]
    UnknownUnit {
        /// The unit code as the user typed it; the round has no such unit.
        unit: String,
    },
    /// The unit's bloc and group name no framework of the regulation.
    #[error("unit {unit}: its bloc and group name no framework")]
    NoFramework {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
    },
    /// No such component in the unit's framework.
    #[error("unit {unit}: no component {component:?} in its framework")]
    UnknownComponent {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The code given, which is no component of the unit's framework.
        component: String,
    },
    /// No such criterion in the unit's framework.
    #[error("unit {unit}: {criterion:?} is not a criterion of its framework")]
    NotACriterion {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The code given, which is no criterion of the unit's framework.
        criterion: String,
    },
    /// A criterion the regulation does not grade.
    #[error("unit {unit}: {criterion:?} is not a graded criterion of its framework")]
    NotAGradedCriterion {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The code given, which is no graded criterion of the unit's framework.
        criterion: String,
    },
    /// A grade override under a regulation that grades no criteria.
    #[error("{regulation} grades no criteria")]
    NoGrades {
        /// The regulation's id (e.g. `bac-giang-453`).
        regulation: String,
    },
    /// A fact the regulation does not record.
    #[error("unit {unit}: unknown fact {fact:?}")]
    UnknownFact {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The fact's name as given; the regulation records no such fact.
        fact: String,
    },
    /// A fact's value that does not fit its kind.
    #[error("unit {unit}: {why}")]
    BadFactValue {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// Which fact and what its value breaks (the domain's facts).
        why: FactValueRefused,
    },
    /// The unit's facts together contradict each other (a count of parts above their total …).
    #[error("unit {unit}: {why}")]
    FactsInconsistent {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// Which facts contradict each other, and how.
        why: FactsInconsistent,
    },
    /// An appraised score that is not a score (not a number, too many decimals, above the maximum …).
    #[error("unit {unit}, {component}: appraised score {}", super::row_problem::score_en(why))]
    BadScore {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The component's code in the unit's framework (the regulation's numbering, public).
        component: String,
        /// What is wrong with the typed score; it quotes only what was typed.
        why: ScoreInputError,
    },
    /// An appraised score outside 0 to the component's maximum.
    #[error("unit {unit}, {component}: appraised {value} outside [0, {}] (a score lies in [0, max])", max.normalize())]
    ScoreOutOfRange {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The component's code in the unit's framework (the regulation's numbering, public).
        component: String,
        /// The appraised score as typed (the council's user typed it: no unit reads this refusal).
        value: Decimal,
        /// The component's maximum (the regulation's, public).
        max: Decimal,
    },
    /// The reason rule (the domain's words, in Vietnamese).
    #[error("unit {unit}, {component}: {why}")]
    ReasonNeeded {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The component's code in the unit's framework (the regulation's numbering, public).
        component: String,
        /// The appraisal and the maximum or self-score it falls below (raised only for the council's user who typed it).
        why: crate::domain::appraisal::ReasonNeeded,
    },
    /// A typed text that is not acceptable (a control character, too long …).
    #[error("{at}: {} {why}", field.english())]
    BadText {
        /// Which text it is (a title, a reason, an explanation …).
        field: TextField,
        /// The unit, bloc or round the refused write is about.
        at: Subject,
        /// What the text breaks (a control character, the length bound …); it quotes only the typed text.
        why: TextRefusal,
    },
    /// A text the rule requires, left empty.
    #[error("{at}: {} is needed (empty, or nothing visible in it)", field.english())]
    TextNeeded {
        /// Which text it is (a title, a reason, an explanation …).
        field: TextField,
        /// The unit, bloc or round the refused write is about.
        at: Subject,
    },
    /// A change to an approved bloc outside a re-rating.
    #[error("{at}: bloc {bloc} is approved and its results are frozen; a change now is a re-rating{}", rerating_en(rerating.as_deref()))]
    Frozen {
        /// The approved bloc's code.
        bloc: BlocCode,
        /// The unit, bloc or round the refused write is about.
        at: Subject,
        /// The regulation's article of re-rating (`rerating`, e.g. *Điều 10.4*); None: it names none.
        rerating: Option<String>,
    },
    /// A re-rating of a bloc not approved yet: the usual way changes it.
    #[error("unit {unit}: bloc {bloc} is not approved yet; change the score, fact or grade the usual way")]
    NotApproved {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The unit's bloc, not approved yet.
        bloc: BlocCode,
    },
    /// A re-rating that changes nothing.
    #[error("unit {unit}: a re-rating changes something; nothing was given")]
    NothingToRerate {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
    },
    /// Marking every item of a part not applicable, which the regulation forbids (Điều 4.1).
    #[error(
        "unit {unit}: every item of {part} would be not applicable; {} fixes each part's points ({})",
        article.as_deref().map_or_else(|| "the regulation".to_string(), |a| a.replace("Điều", "Article")),
        parts.iter().map(|(code, max)| format!("{code} {}", max.normalize())).collect::<Vec<_>>().join(", ")
    )]
    WhollyNotApplicable {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The part's code (A, B, C or C.1) that would have no applicable item.
        part: String,
        /// Each part of the unit's framework and its points, in the framework's order.
        parts: Vec<(String, rust_decimal::Decimal)>,
        /// The regulation's article fixing them (`[citations] part_points`), where its data names one.
        article: Option<String>,
    },
    /// A re-rating that ties the unit with others: the chairman orders the tie in the same re-rating.
    #[error(
        "unit {unit}: after the re-rating its total equals {}'s; the chairman orders the tie within the re-rating (--tie before|after)",
        tied.join(", ")
    )]
    RerateTie {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The codes of the units it would tie with (the chairman's re-rating: only the chairman reads it).
        tied: Vec<String>,
    },
    /// A bloc the regulation does not define.
    #[error("unknown bloc {bloc:?}; {regulation} has {}", known.join(", "))]
    UnknownBloc {
        /// The bloc code as given; the regulation has no such bloc.
        bloc: String,
        /// The regulation's id (e.g. `bac-giang-453`).
        regulation: String,
        /// The regulation's blocs' codes, to choose from.
        known: Vec<String>,
    },
    /// The approval gate refuses (`domain::gates::approval_gate`); worded in `messages::gates`.
    #[error("bloc approval refused ({0:?}); see messages::gates for its words")]
    Approval(crate::domain::gates::ApprovalBlocker),
    /// A tie order naming a unit twice.
    #[error("--order names a unit twice")]
    OrderRepeats,
    /// A tie order of fewer than two units.
    #[error("--order needs the units of a tie group, at least two")]
    OrderTooShort,
    /// A tie order naming a unit of another bloc.
    #[error("unit {unit} is in bloc {its_bloc}, not {bloc}")]
    NotInBloc {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The bloc the tie order is for.
        bloc: BlocCode,
        /// The bloc the unit is in.
        its_bloc: String,
    },
    /// A tie order for a unit tied with no one.
    #[error("unit {unit} shares its total with no other unit of {bloc}: there is no tie to order")]
    NoTie {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The bloc the tie order is for.
        bloc: BlocCode,
    },
    /// A tie order that is not exactly the tied group.
    #[error("the tie group of {unit} is {}; order all of them, and only them", group.join(","))]
    NotTheTieGroup {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The codes of the units tied with it (the chairman's order: only council users read it).
        group: Vec<String>,
    },
    /// Reopening a tie order that was never recorded.
    #[error("bloc {bloc}: no order of {} is recorded; there is nothing to reopen", order.join(","))]
    NoTieOrder {
        /// The bloc whose tie order would be reopened.
        bloc: BlocCode,
        /// The unit codes of the order given.
        order: Vec<String>,
    },
    /// The chairman's decision beyond the quota (`exceed-quota`), refused.
    #[error("{0}")]
    QuotaException(super::exceptions::QuotaRefusal),
    /// An override equal to the proposed grade: nothing to override.
    #[error(
        "unit {unit}, {criterion}: {grade} is the proposed grade; an override equal to it is not stored (remove the override instead)"
    )]
    OverrideIsProposed {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's code in the unit's framework (the regulation's numbering, public).
        criterion: String,
        /// The grade given, equal to the proposed one (the chairman's own decision).
        grade: String,
    },
    /// Removing an override that does not exist.
    #[error("unit {unit}, {criterion}: no grade override to remove; the proposed grade applies")]
    NoOverride {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's code in the unit's framework (the regulation's numbering, public).
        criterion: String,
    },
    /// An assistant's entry over a member's final appraisal: only a member of the agency changes it.
    #[error(
        "unit {unit}, {component}: the appraisal {value} is final (by {}); an assistant's entry cannot replace it — a member of the agency changes it",
        by.as_deref().unwrap_or("an import")
    )]
    AppraisalFinal {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The component's code in the unit's framework (the regulation's numbering, public).
        component: String,
        /// The member's final appraisal, as stored (told only to an assistant of the council, never to a unit).
        value: String,
        /// The member who made it final; None: an import did.
        by: Option<String>,
    },
    /// The withdrawal gate refuses (`domain::gates::withdrawal_gate`); worded in `messages::gates`.
    #[error("unit {unit}, {component}: withdrawal refused ({why:?}); see messages::gates for its words")]
    Withdrawal {
        /// The unit.
        unit: UnitCode,
        /// The component.
        component: String,
        /// Why the gate refuses.
        why: crate::domain::gates::WithdrawalRefusal,
        /// The regulation's article of re-rating (`rerating`), cited when the bloc is approved.
        rerating: Option<String>,
        /// The regulation's words for the leaders (`leaders_name`), for a leader's score; None: the seeds'.
        leaders: Option<String>,
    },
    /// A login that is not one (case, spaces, accents, `admin`).
    #[error(
        "{name:?} is not a user name: up to 64 lowercase letters, digits, '-', '_', '.', starting with a letter or a digit; not \"admin\""
    )]
    BadUserName {
        /// The login as typed.
        name: String,
    },
    /// A member or assistant added without the agency they act for.
    #[error("a {role} acts for one appraising agency: add --agency ({})", agencies.join(", "))]
    AgencyNeeded {
        /// The role being added (member or assistant).
        role: String,
        /// The regulation's agencies' codes, to choose from.
        agencies: Vec<String>,
    },
    /// An agency given to a role that acts for the whole council.
    #[error("a {role} acts for the whole council, not for agency {agency}; leave --agency out")]
    NoAgencyForRole {
        /// The role's slug.
        role: String,
        /// The agency given.
        agency: String,
        /// The regulation's words for the leaders (`leaders_name`), for the leader role; None: the seeds'.
        leaders: Option<String>,
    },
    /// An agency the regulation does not have.
    #[error("unknown agency {agency:?}; {regulation} has {}", agencies.join(", "))]
    UnknownAgency {
        /// The agency code as typed; the regulation has no such agency.
        agency: String,
        /// The regulation's id (e.g. `bac-giang-453`).
        regulation: String,
        /// The regulation's agencies' codes, to choose from.
        agencies: Vec<String>,
    },
    /// A member for an agency that appraises no component itself.
    #[error(
        "agency {agency} appraises no component itself (only criteria scored by the leaders): add its people with --role leader"
    )]
    AgencyAppraisesNothing {
        /// The agency given.
        agency: String,
        /// The regulation's words for the leaders (`leaders_name`); None: the seeds'.
        leaders: Option<String>,
    },
    /// A leader under a regulation where the leaders score nothing.
    #[error("{regulation} has no criteria scored by the leaders, so no leader role")]
    NoLeaderRole {
        /// The regulation's id.
        regulation: String,
        /// The regulation's words for the leaders (`leaders_name`); None: the seeds'.
        leaders: Option<String>,
    },
    /// A login already used in this round (now or before: the log names them).
    #[error("a council user {name:?} already exists (or existed: the audit log names them); choose another name")]
    UserExists {
        /// The login asked for, already used in this round.
        name: String,
    },
    /// A role that is not one of the six.
    #[error("unknown role {role:?}; roles: member, assistant, leader, secretary, chairman, unit")]
    UnknownRole {
        /// The role as typed.
        role: String,
    },
    /// A grade that is not one of the four words.
    #[error("grade must be excellent|good|average|poor, not {grade:?}")]
    UnknownGrade {
        /// The grade as typed or as stored.
        grade: String,
    },
    /// A stored role the program does not know: the database is damaged or from elsewhere.
    #[error("council user {name}: unknown role {role:?} (database damaged?)")]
    StoredRoleUnknown {
        /// The council user's login.
        name: String,
        /// The role the database holds for them.
        role: String,
    },
    /// A demo round made by another demo generator than this program's.
    #[error("generated by demo generator {found}, and this program's is {ours}")]
    DemoGenerator {
        /// The demo generator's version the round records.
        found: String,
        /// This program's demo generator version.
        ours: String,
    },
    /// A demo recipe that does not read.
    #[error("demo recipe: {why}")]
    DemoRecipe {
        /// The recipe reader's own text.
        why: String,
    },
    /// An export aimed at the round's database (or its journal): never written over.
    #[error(
        "{file}: this is {} ({database}); an export never writes over it, --force or not: choose another file name",
        part.as_ref().map_or_else(|| "the round's database".to_string(), |part| format!("the database's {part} file"))
    )]
    ExportOverDatabase {
        /// The export's file, as the user gave it.
        file: String,
        /// The round's database file it would write over.
        database: String,
        /// The database's companion it names (`-wal`, `-shm`, `-journal`); None: the database itself.
        part: Option<String>,
    },
    /// A CSV file that does not read as one.
    #[error("{file}:{line}: {problem}")]
    Csv {
        /// The file's name as the user gave it.
        file: String,
        /// The line, as an editor numbers it (1 is the header).
        line: u64,
        /// What is wrong at that line.
        problem: CsvProblem,
    },
    /// An input file that cannot be read (`not_found`: there is no such file).
    #[error("{file}: {why}")]
    Unreadable {
        /// The file's name as the user gave it.
        file: String,
        /// There is no such file (rather than one that cannot be read).
        not_found: bool,
        /// The OS's own text, shown as it comes.
        why: String,
    },
    /// An export aimed at an existing file, without `--force`.
    #[error("{file}: the file already exists; choose another name, or add --force to replace it")]
    ExportExists {
        /// The existing file, as the user gave it.
        file: String,
    },
    /// An audit row's record of a table's row that does not fit the table (the log or the schema damaged).
    #[error("an audit record of table {table:?} does not fit it: {record}")]
    AuditRecordUnfit {
        /// The table the audit row's record is of.
        table: String,
        /// The record as the audit row holds it (read by `audit verify`, a council command).
        record: String,
    },
    /// An audit row whose record of its writes does not read.
    #[error("audit row {row}: its record of the rows it wrote is unreadable: {why}")]
    AuditRecordUnreadable {
        /// The audit row's id.
        row: i64,
        /// The JSON reader's own text.
        why: String,
    },
    /// A unit's focal person added without their unit.
    #[error("a unit's focal person (--role unit) belongs to one unit: add --unit UNIT")]
    UnitNeeded,
    /// The secretary keeps members, assistants, leaders and units' focal persons; a chairman or a secretary is
    /// added or removed only by the service account (whoever holds the database file), so no user raises another.
    #[error("role grant refused ({0:?}); see messages::gates for its words")]
    RoleGrant(crate::domain::gates::RoleGrantRefusal),
    /// A unit given to a council role.
    #[error(
        "only a unit's focal person (--role unit) belongs to a unit; a {role} works for the council: leave out --unit {unit}"
    )]
    NoUnitForRole {
        /// The council role being added.
        role: String,
        /// The unit given, left out for that role.
        unit: String,
    },
    /// A command about one unit that names none.
    #[error("name the unit: --unit UNIT")]
    UnitNotNamed,
    /// A focal person for a unit the round does not have.
    #[error(
        "no unit {unit:?} in this round; import the units first (thamdinh import units), then add its focal person"
    )]
    UnitNotInRound {
        /// The unit code as typed; the round has no such unit.
        unit: String,
    },
    /// The clock's text is not a date (a wrong `THAMDINH_TODAY`).
    #[error("the database clock gives no date ({text:?})")]
    ClockNoDate {
        /// What the clock gave (`THAMDINH_TODAY` as set).
        text: String,
    },
    /// The leadership's approval date that is not a date.
    #[error("unit {unit}: the leadership's approval date {value:?} is not a date ({})", crate::store::dates::DATE_RULE)]
    ApprovedOnNotADate {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The approval date as typed.
        value: String,
    },
    /// An approval date after today.
    #[error("unit {unit}: approved on {approved}, after today ({today}); give the date the leadership met")]
    ApprovedInFuture {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The approval date given.
        approved: String,
        /// Today, by the store's clock.
        today: String,
    },
    /// An approval date before the round's year.
    #[error("unit {unit}: approved on {approved}, before the round's year {year}; give the date the leadership met")]
    ApprovedBeforeRound {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The approval date given.
        approved: String,
        /// The round's year.
        year: i32,
    },
    /// A change to a submitted self-assessment: the secretary reopens it first, with a reason.
    #[error(
        "unit {unit} submitted its self-assessment on {on} (minutes {minutes}); to change it, the secretary reopens it with a reason"
    )]
    AlreadySubmitted {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The day the unit submitted (the unit's own submission: it may read it).
        on: String,
        /// The minutes' number the submission gave.
        minutes: String,
    },
    /// Submitting with components left without a self-score.
    #[error(
        "unit {unit}: {missing} component(s) have no self-score ({}{}); score each, or mark it not applicable where the regulation allows, before submitting",
        first.join(", "),
        if *missing > first.len() { ", …" } else { "" }
    )]
    SelfAssessmentIncomplete {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// How many components have no self-score.
        missing: usize,
        /// The codes of the first of them (the unit's own entries).
        first: Vec<String>,
    },
    /// A receipt date that is not a date.
    #[error("unit {unit}: the receipt date {value:?} is not a date ({})", crate::store::dates::DATE_RULE)]
    ReceivedNotADate {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The receipt date as typed.
        value: String,
    },
    /// A receipt date after today.
    #[error("unit {unit}: received on {received}, after today ({today}); give the day the papers arrived")]
    ReceivedInFuture {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The receipt date given.
        received: String,
        /// Today, by the store's clock.
        today: String,
    },
    /// A unit's focal person giving a receipt date, which only the council records.
    #[error("unit {unit}: only the council's secretary or chairman records a receipt date (--received)")]
    ReceivedNotForUnit {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
    },
    /// The submission just written does not read back (should never happen; nothing is committed).
    #[error("unit {unit}: the submission was not recorded")]
    SubmissionNotRecorded {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
    },
    /// Reopening a self-assessment that was never submitted.
    #[error("unit {unit} has not submitted its self-assessment: there is nothing to reopen")]
    NotSubmitted {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
    },
    /// A deadline that is not a date.
    #[error("deadline {value:?} is not a date ({})", crate::store::dates::DATE_RULE)]
    DeadlineNotADate {
        /// The deadline as typed.
        value: String,
    },
    /// An appraisal period of no days.
    #[error("the appraisal period is at least 1 working day")]
    AppraisalDaysZero,
    /// An appraisal period beyond any plausible one.
    #[error("an appraisal period of {days} working days is beyond the bound of {limit}")]
    AppraisalDaysTooMany {
        /// The working days given.
        days: u32,
        /// thamdinh's bound on an appraisal period.
        limit: u32,
    },
    /// `round set` with nothing to set.
    #[error("give --deadline DATE or --appraisal-days N")]
    NoRoundSetting,
    /// `init --from` a round of the same year or later.
    #[error("{from}: the old round is of {old_year}; the new round's year must come after it, not {year}")]
    YearNotAfter {
        /// The old round's database, as `init --from` names it.
        from: String,
        /// The old round's year.
        old_year: i32,
        /// The new round's year, as given.
        year: i32,
    },
    /// `init --from`: a unit whose bloc and group have no framework in the new regulation.
    #[error("{from}: unit {unit} (bloc {bloc}, group {}) has no framework in regulation {regulation}; create the new round with the old regulation or import the units again", group.as_deref().unwrap_or("—"))]
    NoFrameworkIn {
        /// The old round's database, as `init --from` names it.
        from: String,
        /// The old round's unit that would have no framework.
        unit: UnitCode,
        /// Its bloc in the old round.
        bloc: BlocCode,
        /// Its group in the old round; None: it has none.
        group: Option<String>,
        /// The new round's regulation id.
        regulation: String,
    },
    /// `init --from`: a user's agency that the new regulation does not have.
    #[error("{from}: user {user} belongs to agency {agency}, which regulation {regulation} does not have")]
    AgencyGone {
        /// The old round's database, as `init --from` names it.
        from: String,
        /// The old round's user, by login.
        user: String,
        /// Their agency's code in the old round.
        agency: String,
        /// The new round's regulation id.
        regulation: String,
    },
    /// A reading command on a round of an older schema, which only a writing command upgrades.
    #[error(
        "{path}: a database of an older schema ({version}); reading commands do not upgrade it: open it once with this version with write access (e.g. `thamdinh backup --db {path} --out copy.db`) and try again"
    )]
    OldSchema {
        /// The database file.
        path: String,
        /// The schema version the file has.
        version: i64,
    },
    /// Removing a document that is not cited.
    #[error("unit {unit}, {component}: no document numbered {reference:?} to remove")]
    NoSuchDocument {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The component's code in the unit's framework (the regulation's numbering, public).
        component: String,
        /// The document number given; no document of that number is cited there.
        reference: String,
    },
    /// A self-score that is not a score.
    #[error("unit {unit}, {component}: self-assessed score {}", super::row_problem::score_en(why))]
    BadSelfScore {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The component's code in the unit's framework (the regulation's numbering, public).
        component: String,
        /// What is wrong with the typed self-score; it quotes only what was typed.
        why: ScoreInputError,
    },
    /// Marking a component not applicable under a regulation without that mark.
    #[error("unit {unit}, {component}: {regulation} has no not-applicable components")]
    NotApplicableNotAllowed {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The component's code in the unit's framework (the regulation's numbering, public).
        component: String,
        /// The regulation's id (e.g. `bac-giang-453`).
        regulation: String,
    },
    /// A unit's focal person's score sheet of a unit it may not write.
    #[error("{file}: sheet {sheet:?}: unit {unit}: refused: {refusal}")]
    SheetRefused {
        /// The workbook's name as the user gave it.
        file: String,
        /// The sheet's name in the workbook (the user's own file).
        sheet: String,
        /// The unit the sheet is of, which the user may not write (named by the user's own sheet).
        unit: UnitCode,
        /// The permission rule's refusal.
        refusal: crate::domain::permissions::Refusal,
    },
    /// The council's papers (`export report|proposal|decision|minutes|notice|publication`).
    #[error("{0}")]
    Paper(crate::store::papers::PaperRefusal),
}

/// " (Article 10.4)": the regulation's article of re-rating in the English refusal, where it has one.
fn rerating_en(article: Option<&str>) -> String {
    article.map(|a| format!(" ({})", a.replace("Điều", "Article"))).unwrap_or_default()
}
