//! A refused value of an import (a CSV line, a score sheet's cell) or of a unit's form, as facts: where it was
//! read, which column, which unit and item, the value and the rule broken. The `Display` text is the English
//! wording (`--lang en`); people read the catalog's (`messages`).

use super::file_fault::FileFault;
use super::refused::Refused;
use crate::domain::appraisal::ReasonNeeded;
use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::permissions::{Refusal, leaders_en};
use crate::domain::score::ScoreInputError;
use crate::domain::self_assessment::ExplanationMissing;
use crate::domain::validate::TextRefusal;
use rust_decimal::Decimal;

/// Where a refused value was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowPlace {
    /// A file as a whole (a workbook, a folder, a regulation's list).
    File {
        /// The file's name as the user gave it.
        file: String,
    },
    /// A line of a CSV file.
    Line {
        /// The file's name as the user gave it.
        file: String,
        /// The line, as an editor numbers it (blank lines and CRLF counted; 1 is the header).
        line: u64,
    },
    /// A sheet of a workbook, at one of its cells when the refusal is about one.
    Sheet {
        /// The file's name as the user gave it.
        file: String,
        /// The sheet's name in the workbook (the user's own file).
        sheet: String,
        /// The cell's A1 name; None: the refusal is about the sheet as a whole.
        cell: Option<String>,
    },
    /// A unit's form in the interface: the form shows its unit and component, so the Vietnamese tells only the
    /// reason.
    Form,
}

/// A refused value: where, in which column (the file's header, when there is one), and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    /// Where it was read.
    pub place: RowPlace,
    /// The column's name in the file's header (None: the row or file as a whole).
    pub column: Option<String>,
    /// What is wrong with it.
    pub fault: RowFault,
}

impl std::error::Error for RowProblem {}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.place {
            RowPlace::File { file } => write!(f, "{file}: ")?,
            RowPlace::Line { file, line } => write!(f, "{file}:{line}: ")?,
            RowPlace::Sheet { file, sheet, cell: Some(cell) } => write!(f, "{file}: sheet {sheet:?}, cell {cell}: ")?,
            RowPlace::Sheet { file, sheet, cell: None } => write!(f, "{file}: sheet {sheet:?}: ")?,
            RowPlace::Form => {}
        }
        if let Some(column) = &self.column {
            write!(f, "column {column}: ")?;
        }
        write!(f, "{}", self.fault)
    }
}

/// A score a not-applicable component would still hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeldScore {
    /// The unit's self-score, as stored or typed.
    SelfScore(String),
    /// The council's appraised score.
    Appraised(String),
    /// A leader's score, and the regulation's words for the leaders (`leaders_name`; None: the seeds').
    Leader(String, Option<String>),
}

impl std::fmt::Display for HeldScore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HeldScore::SelfScore(score) => write!(f, "self-score {score}"),
            HeldScore::Appraised(score) => write!(f, "appraised score {score}"),
            HeldScore::Leader(score, _) => write!(f, "leader's score {score}"),
        }
    }
}

fn held(scores: &[HeldScore]) -> String {
    scores.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

/// What is wrong with a value; `unit` is the unit's code, `code` the criterion or component.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RowFault {
    /// A refusal of the store met while reading the row (a frozen bloc, facts that do not hold together …).
    #[error("{0}")]
    Refused(Box<Refused>),
    /// A workbook, sheet or cell read whole, or a file or folder that cannot be written.
    #[error("{0}")]
    File(Box<FileFault>),
    /// A unit code that differs from a unit of the round only in case: the file is to write the round's spelling.
    #[error("unknown unit {code:?}; the round has {known} (a code is one code whatever its case: write {known})")]
    UnitCase {
        /// The unit code as the file writes it.
        code: String,
        /// The round's unit of that code in another case (the one the file should write).
        known: UnitCode,
    },
    /// A unit the round does not have: `import units` comes first.
    #[error("unknown unit {code:?}; import it first with `thamdinh import units`")]
    UnknownUnit {
        /// The unit code as the file writes it; the round has no such unit.
        code: String,
    },
    /// Not a code at all (spaces, accents, a symbol): the units file is refused whole.
    #[error("{code:?} is not a unit code (up to 64 letters, digits, '-', '_', '.', starting with a letter or a digit)")]
    BadUnitCode {
        /// The cell as the file writes it, which is no unit code.
        code: String,
    },
    /// The same unit twice in the units file.
    #[error("unit {code} already on line {first} (as {first_code}; codes are compared without case)")]
    CodeTwice {
        /// The unit's code, as the units file gives it.
        code: UnitCode,
        /// The line where the code came first.
        first: u64,
        /// The code as that first line writes it (perhaps in another case).
        first_code: UnitCode,
    },
    /// The code of a unit already in the round, in another case: one code names one unit.
    #[error("unit {code} is unit {known} of the round (codes are compared without case); write {known}")]
    CodeOfAnother {
        /// The unit's code, as the units file gives it.
        code: UnitCode,
        /// The round's unit of that code in another case.
        known: UnitCode,
    },
    /// A unit without a name: the papers would print a blank.
    #[error("unit {code} has no name")]
    NoName {
        /// The unit's code, as the units file gives it.
        code: UnitCode,
    },
    /// A unit's name carrying a control character, which could act on a terminal or a paper.
    #[error(
        "unit {code}: character {position} of the name is the control character {}; a name is plain text",
        crate::domain::text::describe(*control)
    )]
    ControlInName {
        /// The unit's code, as the units file gives it.
        code: UnitCode,
        /// Which character of the name it is (from 1).
        position: usize,
        /// The control character itself (the refusal describes it, never prints it).
        control: char,
    },
    /// A bloc the regulation does not define.
    #[error("unit {code}: unknown bloc {bloc:?}; {regulation} has {}", known.join(", "))]
    UnknownBloc {
        /// The unit's code, as the units file gives it.
        code: UnitCode,
        /// The bloc as the file writes it; the regulation has no such bloc.
        bloc: String,
        /// The regulation's id (e.g. `bac-giang-453`).
        regulation: String,
        /// The regulation's blocs' codes, to choose from.
        known: Vec<String>,
    },
    /// A group the regulation does not define.
    #[error("unit {code}: unknown group {group:?}")]
    UnknownGroup {
        /// The unit's code, as the units file gives it.
        code: UnitCode,
        /// The group as the file writes it; the regulation has no such group.
        group: String,
    },
    /// The regulation chooses part B by group (453), and the row names none.
    #[error("unit {code}: {regulation} needs a group (I … XVII) to choose part B")]
    GroupNeeded {
        /// The unit's code, as the units file gives it.
        code: UnitCode,
        /// The regulation's id, which chooses part B by group.
        regulation: String,
    },
    /// A group given under a regulation without groups.
    #[error("unit {code}: {regulation} has no groups; leave it empty, not {group:?}")]
    NoGroups {
        /// The unit's code, as the units file gives it.
        code: UnitCode,
        /// The regulation's id (e.g. `bac-giang-453`).
        regulation: String,
        /// The group the file gives, which the regulation has no use for.
        group: String,
    },
    /// Moving a unit that already has scores to another framework would leave its scores under no criterion.
    #[error(
        "unit {code} already has scores under its framework; moving it to bloc {bloc} / group {} would orphan them",
        group.as_deref().unwrap_or("-")
    )]
    WouldOrphan {
        /// The unit's code, as the units file gives it.
        code: UnitCode,
        /// The bloc the row moves the unit to.
        bloc: BlocCode,
        /// The group the row moves the unit to; None: none.
        group: Option<String>,
    },
    /// A score given to a criterion whose score is the sum of its components: score those instead.
    #[error("unit {unit}: {code} is scored through its components {}", components.join(", "))]
    ScoredThroughComponents {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion the row scores, which is scored through its components.
        code: String,
        /// Its components' codes, to score instead.
        components: Vec<String>,
    },
    /// A criterion or component the unit's framework does not have.
    #[error("unit {unit}: no criterion {code:?} in its framework")]
    NoCriterion {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The code as the file writes it; the unit's framework has no such criterion or component.
        code: String,
    },
    /// The same unit and criterion twice in one file.
    #[error("unit {unit}, {code}: already on line {first}")]
    Twice {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The line of the same file where it came first.
        first: u64,
    },
    /// A leader's score for a component the provincial leaders do not score.
    #[error("unit {unit}, {code}: only criterion scored by {} takes a leader's score", leaders_en(leaders.as_deref()))]
    NotLeaders {
        /// The unit.
        unit: UnitCode,
        /// The component.
        code: String,
        /// The regulation's words for the leaders (`leaders_name`); None: the seeds'.
        leaders: Option<String>,
    },
    /// The `applicable` cell is neither yes nor no.
    #[error("unit {unit}, {code}: {value:?} must be yes or no (or - for yes)")]
    NotYesNo {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The cell as the file writes it.
        value: String,
    },
    /// A score that is not one (the domain's words, in Vietnamese, in both languages' frame).
    #[error("unit {unit}, {code}: {} {}", if *self_score { "self-score" } else { "appraised score" }, score_en(why))]
    BadScore {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The self-score column (true) or the appraised score's (false).
        self_score: bool,
        /// What is wrong with the score; it quotes only what the file writes.
        why: ScoreInputError,
    },
    /// A component marked not applicable that would still hold scores: they are cleared (`-`) in the same file.
    #[error(
        "unit {unit}, {code}: a not-applicable component carries no scores, and it would hold {} (clear a stored value with -)",
        held(scores)
    )]
    NotApplicableHolds {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The scores it would hold; for a unit's focal person only its own self-score (never the council's).
        scores: Vec<HeldScore>,
    },
    /// An appraisal below the maximum (or the self-score) without the reason the regulation asks for.
    #[error("unit {unit}, {code}: {}", reason_needed_en(why))]
    ReasonNeeded {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The appraisal and what it falls below (raised only on the council's own import).
        why: ReasonNeeded,
    },
    /// A self-score for a component the provincial leaders score, which the unit does not.
    #[error(
        "unit {unit}, {code}: {} score this component; the unit gives it no self-score",
        leaders_en(leaders.as_deref())
    )]
    SelfScoreByLeaders {
        /// The unit.
        unit: UnitCode,
        /// The component.
        code: String,
        /// The regulation's words for the leaders (`leaders_name`); None: the seeds'.
        leaders: Option<String>,
    },
    /// A self-score without the explanation the regulation asks of the unit.
    #[error("unit {unit}, {code}: {why}")]
    ExplanationMissing {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The regulation's rule of explanation the self-score breaks.
        why: ExplanationMissing,
    },
    /// An explanation that is not acceptable text (a control character, too long …).
    #[error("unit {unit}, {code}: giải trình {why}")]
    ExplanationText {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// What the explanation's text breaks (a control character, the length bound …).
        why: TextRefusal,
    },
    /// A grades file under a regulation that grades no criteria.
    #[error("{regulation} grades no criteria, so there is nothing to override")]
    NoGrades {
        /// The regulation's id (e.g. `bac-giang-453`).
        regulation: String,
    },
    /// A grade given to something that is not a graded criterion.
    #[error("unit {unit}: {code:?} is not a criterion of its framework (grades belong to criteria such as I … X)")]
    NotACriterion {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The code as the file writes it, which is no graded criterion.
        code: String,
    },
    /// A grade that is not one of the four words.
    #[error("unit {unit}, {code}: grade must be excellent|good|average|poor, not {value:?}")]
    BadGrade {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The grade as the file writes it.
        value: String,
    },
    /// A reason given without a grade where an override is recorded: the override keeps its own reason.
    #[error("unit {unit}, {code}: an override keeps its reason; - in column grade removes the override")]
    ReasonKept {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
    },
    /// A grade override without a reason.
    #[error("unit {unit}, {code}: overriding a grade needs a reason")]
    OverrideNeedsReason {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
    },
    /// A reason for an override that does not exist.
    #[error("unit {unit}, {code}: no override to give this reason to; write the grade")]
    NoOverrideForReason {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
    },
    /// A fact the regulation does not record.
    #[error("unit {unit}: unknown fact {name:?}; {regulation} records {}", names.join(", "))]
    UnknownFact {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The fact's name as the file writes it.
        name: String,
        /// The regulation's id (e.g. `bac-giang-453`).
        regulation: String,
        /// The facts the regulation records, to choose from.
        names: Vec<String>,
    },
    /// A fact the regulation records only in other blocs.
    #[error("unit {unit} of bloc {bloc}: fact {name} is recorded only in blocs {}", blocs.join(", "))]
    FactNotInBloc {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The unit's bloc.
        bloc: BlocCode,
        /// The fact's name.
        name: String,
        /// The blocs the regulation records it in.
        blocs: Vec<String>,
    },
    /// The same unit and fact twice in one file.
    #[error("unit {unit}, fact {name}: already on line {first}")]
    FactTwice {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The fact's name.
        name: String,
        /// The line of the same file where it came first.
        first: u64,
    },
    /// A document without its title (*trích yếu*).
    #[error("unit {unit}, {code}: evidence needs a title")]
    NoTitle {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
    },
    /// A document without its number (*số, ký hiệu*) or link.
    #[error("unit {unit}, {code}: evidence needs a reference (document number or link)")]
    NoReference {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
    },
    /// A document's date that is not a date.
    #[error("unit {unit}, {code}: {value:?} is not a date ({})", super::dates::DATE_RULE)]
    NotADate {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The date as the file writes it.
        value: String,
    },
    /// The same document twice for one unit and criterion.
    #[error("unit {unit}, {code}, reference {reference}: already on line {first}")]
    DocumentTwice {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The document's number (*số, ký hiệu*) or link, as the user gave it.
        reference: String,
        /// The line where the document came first.
        first: u64,
    },
    /// A component marked not applicable that the council has already appraised: the appraisal is withdrawn first.
    #[error(
        "unit {unit}, {code}: marked not applicable, but the council appraised it at {}; a not-applicable component carries no scores",
        appraised.normalize()
    )]
    NotApplicableAppraised {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The council's stored appraisal (raised only on the council's own import, never to a unit).
        appraised: Decimal,
    },
    /// A sheet's values of a component its user may not write.
    #[error(
        "unit {unit}, {code}: value self-score {}, explanation {:?}, applicable {}: refused: {refusal}",
        self_score.map_or("-".to_string(), |s| s.normalize().to_string()),
        explanation.chars().take(40).collect::<String>(),
        if *applicable { "yes" } else { "no" }
    )]
    SheetValueRefused {
        /// The unit's code.
        unit: UnitCode,
        /// The component's code.
        code: String,
        /// The self-score the sheet holds.
        self_score: Option<Decimal>,
        /// The explanation the sheet holds.
        explanation: String,
        /// Whether the sheet marks it applicable.
        applicable: bool,
        /// The permission's refusal.
        refusal: Box<Refusal>,
    },
    /// A document of a sheet its user may not add (another unit's, a frozen bloc's).
    #[error("unit {unit}, {code}: document {reference}: refused: {refusal}")]
    DocumentRefused {
        /// The unit's code, as the round spells it (one the user named or acts on).
        unit: UnitCode,
        /// The criterion's or component's code, as the regulation numbers it (public).
        code: String,
        /// The document's number (*số, ký hiệu*) or link, as the user gave it.
        reference: String,
        /// The permission rule's refusal.
        refusal: Box<Refusal>,
    },
}

impl RowFault {
    /// The fault at a place and column, as the store returns it.
    pub fn at(self, place: RowPlace, column: Option<&str>) -> super::StoreError {
        super::StoreError::Row(Box::new(RowProblem { place, column: column.map(str::to_string), fault: self }))
    }
}

/// A typed score's refusal in English (the domain words it in Vietnamese).
pub fn score_en(why: &ScoreInputError) -> String {
    match why {
        ScoreInputError::NotANumber(value) => format!("{value:?} is not a score (e.g. 3.5 or 3,5)"),
        ScoreInputError::PercentNotAllowed(value) => {
            format!("{value:?}: this regulation scores in points, not in % of plan")
        }
        ScoreInputError::Negative { value, max } => {
            format!("{value:?} is not a score: a score is never negative (it lies in [0, {}])", max.normalize())
        }
        ScoreInputError::AboveMax { value, max } => {
            format!("{value:?} is above the maximum {} (a score lies in [0, {}])", max.normalize(), max.normalize())
        }
        ScoreInputError::TooManyDecimals { value, found, allowed } => format!(
            "{value:?} has {found} decimals; the regulation counts {allowed} (nothing is rounded: type it again)"
        ),
    }
}

/// Why an appraisal needs a reason, in English (the domain words it in Vietnamese).
pub fn reason_needed_en(why: &ReasonNeeded) -> String {
    match why {
        ReasonNeeded::BelowMax { appraised, max } => format!(
            "a deduction needs a reason: appraised {} is below the maximum {}",
            appraised.normalize(),
            max.normalize()
        ),
        ReasonNeeded::DiffersFromSelfScore { appraised, self_score } => format!(
            "a reason is needed: appraised {} differs from the self-score {}",
            appraised.normalize(),
            self_score.normalize()
        ),
    }
}
