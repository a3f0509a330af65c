//! Who may write what (SPEC, Roles): the council's roles and the rule behind every refusal.

use super::framework::ComponentPlace;
use crate::domain::code::UnitCode;
use std::fmt;
use std::str::FromStr;

/// A council user's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Member of the council for an appraising agency: appraises that agency's components.
    Member,
    /// Tổ giúp việc of an agency: enters appraisals that a member of the same agency confirms.
    Assistant,
    /// Lãnh đạo UBND tỉnh: scores group I (criteria scored by the provincial leaders).
    Leader,
    /// Reads everything, records facts, imports and exports.
    Secretary,
    /// What the secretary may, and orders ties, overrides grades, approves and re-rates.
    Chairman,
    /// Whoever holds the database file (the service account): the command-line subcommands.
    ServiceAccount,
    /// Cán bộ đầu mối of one unit: writes only that unit's self-assessment, only until it is submitted, and
    /// sees its result once its bloc is approved.
    Unit,
}

impl Role {
    /// The roles a council user can be given (the service account is not a user).
    pub const USER_ROLES: [Role; 6] =
        [Role::Member, Role::Assistant, Role::Leader, Role::Secretary, Role::Chairman, Role::Unit];

    /// The role's slug, as `users add --role`, the audit log and the interface's `--lang en` name it (`admin` for the
    /// service account).
    pub fn slug(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Assistant => "assistant",
            Role::Leader => "leader",
            Role::Secretary => "secretary",
            Role::Chairman => "chairman",
            Role::ServiceAccount => "admin",
            Role::Unit => "unit",
        }
    }

    /// The role's Vietnamese name, as the title bar and the papers write it (*Chủ tịch Hội đồng*).
    pub fn label_vi(self) -> &'static str {
        match self {
            Role::Member => "Thành viên Hội đồng",
            Role::Assistant => "Tổ giúp việc",
            Role::Leader => "Lãnh đạo UBND tỉnh",
            Role::Secretary => "Thư ký",
            Role::Chairman => "Chủ tịch Hội đồng",
            Role::ServiceAccount => "Quản trị (tài khoản dịch vụ)",
            Role::Unit => "Cán bộ đầu mối của đơn vị",
        }
    }

    /// Members and assistants act for one appraising agency.
    pub fn needs_agency(self) -> bool {
        matches!(self, Role::Member | Role::Assistant)
    }

    /// A unit's focal person acts for one unit of the round.
    pub fn needs_unit(self) -> bool {
        self == Role::Unit
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(text: &str) -> Result<Role, String> {
        Role::USER_ROLES.into_iter().find(|role| role.slug() == text).ok_or_else(|| {
            format!("unknown role {text:?}; roles: member, assistant, leader, secretary, chairman, unit")
        })
    }
}

/// The person a write is made for, as the audit log names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The user's name (`--user`), or `admin` for the service account.
    pub name: String,
    /// What the person may write (SPEC, Roles).
    pub role: Role,
    /// The appraising agency of a member or assistant.
    pub agency: Option<String>,
    /// The unit of a unit's focal person (role `unit`).
    pub unit: Option<UnitCode>,
    /// Who scores the leaders' criteria in the words of the round's regulation (`leaders_name`), so a refusal
    /// names them as the regulation does; None: the seeds' *Lãnh đạo UBND tỉnh*.
    pub leaders_name: Option<String>,
}

/// Who scores the leaders' criteria in an English sentence's middle: *the provincial leaders* in the seeds (None),
/// else *the leaders* followed by the regulation's own words (`leaders_name`). The errors' English `Display` and
/// the catalog (`messages::leaders::name_en`) both say it so.
pub fn leaders_en(leaders_name: Option<&str>) -> String {
    leaders_name.map_or_else(|| "the provincial leaders".to_string(), |name| format!("the leaders ({name})"))
}

/// The name the audit log gives the service account.
pub const SERVICE_ACCOUNT: &str = "admin";

impl Actor {
    /// The service account (`admin`): whoever holds the database file and runs the command line's subcommands.
    pub fn service_account() -> Actor {
        Actor { name: SERVICE_ACCOUNT.into(), role: Role::ServiceAccount, agency: None, unit: None, leaders_name: None }
    }

    /// The same actor, acting in a round whose regulation names the leaders so (None: the seeds' words).
    #[must_use]
    pub fn in_round_of(mut self, leaders_name: Option<&str>) -> Actor {
        self.leaders_name = leaders_name.map(str::to_string);
        self
    }

    /// `thu-ky (secretary)`, `an (member, snv)`, `dv (unit, đơn vị ubnd-x)`: how a refusal names the actor.
    pub fn describe(&self) -> String {
        match (&self.agency, &self.unit) {
            (Some(agency), _) => format!("{} ({}, {agency})", self.name, self.role),
            (None, Some(unit)) => format!("{} ({}, unit {unit})", self.name, self.role),
            (None, None) => format!("{} ({})", self.name, self.role),
        }
    }
}

/// A write the rules do not allow; names who, what and the rule (the catalog words it for people).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} may not {act}: {}", who.describe(), rule.english(who.leaders_name.as_deref()))]
pub struct Refusal {
    /// Who tried.
    pub who: Actor,
    /// What they tried.
    pub act: Box<Act>,
    /// The rule that refuses it; `messages::errors` words it for people.
    pub rule: Box<Rule>,
}

/// What the actor tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Act {
    /// Write the council's appraised score (and deduction reason) of a component.
    Appraise {
        /// The component's code (`III.10`).
        component: String,
        /// The unit's code.
        unit: UnitCode,
    },
    /// Comment on a component co-assigned to the actor's agency (*góp ý*).
    Comment {
        /// The component's code.
        component: String,
        /// The unit's code.
        unit: UnitCode,
    },
    /// Enter one provincial leader's score of a group I component (2610 Điều 6.2.b; the appraised score is the
    /// leaders' mean).
    EnterLeaderScore {
        /// The leader whose score it is.
        leader: String,
        /// The component's code.
        component: String,
        /// The unit's code.
        unit: UnitCode,
    },
    /// An appraisal row of `import scores` (appraised score, reason) from a file.
    ImportAppraisal {
        /// The component's code.
        component: String,
        /// The unit's code.
        unit: UnitCode,
    },
    /// A write of the secretary or the chairman.
    Council(CouncilWrite),
    /// Write a unit's self-assessment (self-score, explanation, not-applicable mark, documents).
    SelfAssess {
        /// The unit's code.
        unit: UnitCode,
    },
    /// Submit a unit's self-assessment to the council (it is then locked).
    Submit {
        /// The unit's code.
        unit: UnitCode,
    },
    /// Read a unit's approved result (Điều 3.2 *công bố công khai*).
    SeeResult {
        /// The unit's code.
        unit: UnitCode,
    },
    /// Read the whole round: every unit's scores, appraisals and results.
    ReadRound,
}

impl fmt::Display for Act {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Act::Appraise { component, unit } => write!(f, "appraise {component} of unit {unit}"),
            Act::Comment { component, unit } => write!(f, "comment on {component} of unit {unit}"),
            Act::EnterLeaderScore { leader, component, unit } => {
                write!(f, "enter the score of leader {leader} for {component} of unit {unit}")
            }
            Act::ImportAppraisal { component, unit } => write!(f, "import an appraisal of {component} of unit {unit}"),
            Act::Council(write) => f.write_str(write.what()),
            Act::SelfAssess { unit } => write!(f, "write the self-assessment of unit {unit}"),
            Act::Submit { unit } => write!(f, "submit the self-assessment of unit {unit}"),
            Act::SeeResult { unit } => write!(f, "see the result of unit {unit}"),
            Act::ReadRound => f.write_str("read the whole round"),
        }
    }
}

/// The rule that refuses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// Group I: scored by the provincial leaders only.
    ScoredByLeaders {
        /// The criterion's code (`I`).
        criterion: String,
    },
    /// The actor's agency is named after the first: it comments, the first appraises.
    LedByAnother {
        /// The component's code.
        component: String,
        /// The agency named first, which appraises.
        leading: String,
    },
    /// The component is appraised by another agency than the actor's.
    AssignedTo {
        /// The component's code.
        component: String,
        /// The agency (or agencies, as the appendix names them) that appraises it.
        agency: String,
    },
    /// The appendix names no appraising agency for the component, so no member may appraise it.
    NoAgencyNamed {
        /// The component's code.
        component: String,
    },
    /// A provincial leader scores only group I (the criteria scored by the leaders), nothing else.
    LeadersScoreGroupI,
    /// Secretary and chairman do not appraise; after approval the chairman re-rates.
    MembersAppraise,
    /// Only the agencies named after the first comment.
    CoAssignedComment {
        /// The agencies named after the first.
        agencies: Vec<String>,
    },
    /// Only the secretary or the chairman does this (facts, imports, reopening a submission).
    SecretaryOrChairman,
    /// Only the secretary or the chairman exports the council's papers (SPEC, Roles).
    SecretaryOrChairmanExport,
    /// Users are added and removed by the secretary or the service account.
    ServiceAccountManagesUsers,
    /// Only the chairman does this: order a tie, override a grade, approve, re-rate.
    ChairmanOnly,
    /// A provincial leader enters only their own score, never another leader's.
    LeaderOwnScore,
    /// An imported leader's score must name the leader (column `leader`).
    LeaderRowNamesLeader,
    /// An assistant's entry awaits a member's confirmation: it is entered in the interface, never imported.
    AssistantEntriesNotImported,
    /// A unit's focal person never writes the council's side.
    UnitNeverAppraises,
    /// A unit's focal person self-assesses its own unit only (`own`).
    OwnUnitSelfAssessment {
        /// The actor's own unit.
        own: UnitCode,
    },
    /// The unit submitted: its self-assessment is frozen until the secretary reopens it.
    Submitted {
        /// The unit that submitted.
        unit: UnitCode,
    },
    /// A unit's focal person submits its own unit's self-assessment only.
    OwnUnitSubmission {
        /// The actor's own unit.
        own: UnitCode,
    },
    /// A self-assessment is submitted by the unit's focal person (or recorded for it by the secretary).
    FocalPersonSubmits,
    /// A unit's focal person sees its own unit's result only.
    OwnUnitResult {
        /// The actor's own unit.
        own: UnitCode,
    },
    /// A result is shown to a unit only once its bloc is approved and published (Điều 10).
    ResultAfterApproval,
    /// A unit's focal person reads only its own unit (`thamdinh result` once approved), never the round.
    UnitReadsOwnOnly,
}

impl Rule {
    /// The rules without fields, for tests and the catalog's check that each is worded in both languages.
    pub const ALL_SIMPLE: [Rule; 13] = [
        Rule::UnitNeverAppraises,
        Rule::FocalPersonSubmits,
        Rule::ResultAfterApproval,
        Rule::UnitReadsOwnOnly,
        Rule::LeadersScoreGroupI,
        Rule::MembersAppraise,
        Rule::SecretaryOrChairman,
        Rule::SecretaryOrChairmanExport,
        Rule::ServiceAccountManagesUsers,
        Rule::ChairmanOnly,
        Rule::LeaderOwnScore,
        Rule::LeaderRowNamesLeader,
        Rule::AssistantEntriesNotImported,
    ];
}

impl Rule {
    /// The rule in English, the leaders named as the round's regulation names them (`leaders_name`; None: the
    /// seeds' *provincial leaders*, the rule's own `Display`).
    pub fn english(&self, leaders_name: Option<&str>) -> String {
        let Some(name) = leaders_name else { return self.to_string() };
        let leaders = leaders_en(Some(name));
        match self {
            Rule::ScoredByLeaders { criterion } => {
                format!("criterion {criterion} is scored by {leaders} (role leader) only")
            }
            Rule::LeadersScoreGroupI => format!("{leaders} score only the criteria the regulation gives them"),
            Rule::LeaderOwnScore => format!("the score of each of {leaders} is entered by that person only"),
            Rule::LeaderRowNamesLeader => {
                format!("a score of {leaders} is a row that names its author in column leader")
            }
            _ => self.to_string(),
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::ScoredByLeaders { criterion } => {
                write!(f, "criterion {criterion} is scored by the provincial leaders (role leader) only")
            }
            Rule::LedByAnother { component, leading } => {
                write!(f, "{component} is led by {leading}; an agency named after the first may only comment")
            }
            Rule::AssignedTo { component, agency } => write!(f, "{component} is assigned to {agency}"),
            Rule::NoAgencyNamed { component } => write!(f, "{component} names no appraising agency"),
            Rule::LeadersScoreGroupI => {
                f.write_str("a provincial leader scores only the criteria scored by the leaders (group I)")
            }
            Rule::MembersAppraise => f.write_str(
                "appraisals are written by the members of the assigned agency; after approval the chairman re-rates",
            ),
            Rule::CoAssignedComment { agencies } => write!(
                f,
                "only members of the agencies named after the first ({}) comment on a shared component",
                agencies.join(", ")
            ),
            Rule::SecretaryOrChairman => f.write_str("only the secretary or the chairman does this"),
            Rule::SecretaryOrChairmanExport => {
                f.write_str("only the secretary or the chairman exports the council's papers (SPEC, Roles)")
            }
            Rule::ServiceAccountManagesUsers => {
                f.write_str("users are managed by the secretary or whoever holds the database (the service account)")
            }
            Rule::ChairmanOnly => f.write_str("only the chairman does this"),
            Rule::LeaderOwnScore => f.write_str("a provincial leader's score is entered by that leader only"),
            Rule::LeaderRowNamesLeader => {
                f.write_str("a provincial leader's score is a row that names them in column leader")
            }
            Rule::AssistantEntriesNotImported => f.write_str(
                "an assistant's entry awaits a member's confirmation and is entered in the interface, not imported",
            ),
            Rule::UnitNeverAppraises => f.write_str(
                "a unit only assesses itself; appraised scores, comments, facts, grades, tie orders and approvals are the council's",
            ),
            Rule::OwnUnitSelfAssessment { own } => {
                write!(f, "a unit's focal person self-assesses its own unit only ({own})")
            }
            Rule::Submitted { unit } => write!(
                f,
                "unit {unit} has submitted its self-assessment, which is now locked; only the secretary reopens it (thamdinh submit --reopen), with a reason"
            ),
            Rule::OwnUnitSubmission { own } => {
                write!(f, "a unit's focal person submits its own unit's self-assessment only ({own})")
            }
            Rule::FocalPersonSubmits => {
                f.write_str("a unit's focal person submits it (the secretary may record it for the unit)")
            }
            Rule::OwnUnitResult { own } => write!(f, "a unit's focal person sees its own unit's result only ({own})"),
            Rule::ResultAfterApproval => f.write_str(
                "an appraisal result is shown only once the unit's bloc is approved and published",
            ),
            Rule::UnitReadsOwnOnly => f.write_str(
                "a unit's focal person reads its own unit only: thamdinh result (once the result is approved)",
            ),
        }
    }
}

fn refuse(actor: &Actor, act: Act, rule: Rule) -> Refusal {
    Refusal { who: actor.clone(), act: Box::new(act), rule: Box::new(rule) }
}

/// How an allowed appraisal is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppraisalEntry {
    /// Counts as the council's figure at once (a member, or the service account's import).
    Final,
    /// An assistant's entry: provisional until a member of the same agency confirms or corrects it.
    AwaitingConfirmation,
    /// One provincial leader's own score; the appraised score is the leaders' mean.
    LeaderScore,
}

/// How `actor` may write the appraised score of this component, or `None` when a rule refuses it: the same
/// answer as [`may_appraise`] without building the refusal, for a caller that asks it of every component (the
/// queue of a national round asks it 372 500 times when it opens).
pub fn appraisal_entry(actor: &Actor, place: &ComponentPlace<'_>) -> Option<AppraisalEntry> {
    appraisal(actor, place).ok()
}

/// Why an appraisal is refused, before the refusal is worded (nothing allocated on the way to a yes).
enum AppraisalRefused<'a> {
    ScoredByLeaders,
    LedByAnother(&'a String),
    AssignedTo(&'a String),
    NoAgencyNamed,
    LeadersScoreGroupI,
    MembersAppraise,
    UnitNeverAppraises,
}

/// The rule of [`may_appraise`], once: the entry allowed, or why not.
fn appraisal<'a>(actor: &Actor, place: &ComponentPlace<'a>) -> Result<AppraisalEntry, AppraisalRefused<'a>> {
    let leading = place.component.agencies.first();
    if place.criterion.scored_by_leaders {
        return match actor.role {
            Role::Leader => Ok(AppraisalEntry::LeaderScore),
            Role::ServiceAccount => Ok(AppraisalEntry::Final),
            _ => Err(AppraisalRefused::ScoredByLeaders),
        };
    }
    match actor.role {
        Role::ServiceAccount => Ok(AppraisalEntry::Final),
        Role::Member | Role::Assistant if actor.agency.as_ref() == leading => Ok(match actor.role {
            Role::Member => AppraisalEntry::Final,
            _ => AppraisalEntry::AwaitingConfirmation,
        }),
        Role::Member | Role::Assistant => Err(match leading {
            Some(leading) if place.component.agencies.iter().skip(1).any(|a| Some(a) == actor.agency.as_ref()) => {
                AppraisalRefused::LedByAnother(leading)
            }
            Some(leading) => AppraisalRefused::AssignedTo(leading),
            None => AppraisalRefused::NoAgencyNamed,
        }),
        Role::Leader => Err(AppraisalRefused::LeadersScoreGroupI),
        Role::Secretary | Role::Chairman => Err(AppraisalRefused::MembersAppraise),
        Role::Unit => Err(AppraisalRefused::UnitNeverAppraises),
    }
}

/// May `actor` write the appraised score of this component, and how is it recorded?
pub fn may_appraise(actor: &Actor, place: &ComponentPlace<'_>, unit: &UnitCode) -> Result<AppraisalEntry, Refusal> {
    appraisal(actor, place).map_err(|why| {
        let code = place.component.code.to_string();
        let rule = match why {
            AppraisalRefused::ScoredByLeaders => Rule::ScoredByLeaders { criterion: place.criterion.code.clone() },
            AppraisalRefused::LedByAnother(leading) => {
                Rule::LedByAnother { component: code.clone(), leading: leading.clone() }
            }
            AppraisalRefused::AssignedTo(leading) => {
                Rule::AssignedTo { component: code.clone(), agency: leading.clone() }
            }
            AppraisalRefused::NoAgencyNamed => Rule::NoAgencyNamed { component: code.clone() },
            AppraisalRefused::LeadersScoreGroupI => Rule::LeadersScoreGroupI,
            AppraisalRefused::MembersAppraise => Rule::MembersAppraise,
            AppraisalRefused::UnitNeverAppraises => Rule::UnitNeverAppraises,
        };
        refuse(actor, Act::Appraise { component: code, unit: unit.into() }, rule)
    })
}

/// May `actor` comment on this component: the same answer as [`may_comment`] without building the refusal.
pub fn comments(actor: &Actor, place: &ComponentPlace<'_>) -> bool {
    let agencies = &place.component.agencies;
    let co_assigned = actor.agency.as_ref().is_some_and(|agency| agencies.iter().skip(1).any(|a| a == agency));
    matches!(actor.role, Role::Member | Role::Assistant) && co_assigned
}

/// May `actor` comment on this component (an agency named after the first)?
pub fn may_comment(actor: &Actor, place: &ComponentPlace<'_>, unit: &UnitCode) -> Result<(), Refusal> {
    if comments(actor, place) {
        return Ok(());
    }
    Err(refuse(
        actor,
        Act::Comment { component: place.component.code.to_string(), unit: unit.into() },
        Rule::CoAssignedComment { agencies: place.component.agencies.clone() },
    ))
}

/// The secretary's and chairman's writes other than appraisals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CouncilWrite {
    /// Import a file (units, self-assessments, appraisals, evidence …).
    Import,
    /// Record a unit's facts (discipline, outstanding, …).
    Facts,
    /// Order a tie group within a bloc (SPEC, Quota and order).
    OrderTie,
    /// Override a criterion's proposed grade, with a reason (audited).
    OverrideGrade,
    /// Approve a bloc's result, which freezes it and publishes it to its units.
    Approve,
    /// Re-rate a unit after approval (Điều 10.4).
    Rerate,
    /// Add or remove council users.
    ManageUsers,
    /// Export the council's papers (score sheets, the result) to a file: they leave the database, so only
    /// those who hold the council's file do it, the same from the command line and the interface.
    Export,
    /// Reopen a unit's submitted self-assessment (with a reason).
    Reopen,
    /// Set the round's deadline and appraisal period.
    RoundSettings,
    /// Set the council's papers' document numbers, signers and dates of issue (`round paper`).
    PaperSettings,
    /// Copy the round's database to a new file (`thamdinh backup`): the whole round leaves the database.
    Backup,
    /// Rate a unit excellent beyond its bloc's quota, or withdraw that decision (`exceed-quota`).
    ExceedQuota,
}

impl CouncilWrite {
    /// The English name of the write (`--lang en`).
    pub fn what(self) -> &'static str {
        match self {
            CouncilWrite::Import => "import",
            CouncilWrite::Facts => "record facts",
            CouncilWrite::OrderTie => "order a tie",
            CouncilWrite::OverrideGrade => "override a grade",
            CouncilWrite::Approve => "approve a bloc",
            CouncilWrite::Rerate => "re-rate a unit",
            CouncilWrite::ManageUsers => "add or remove council users",
            CouncilWrite::Export => "export the council's spreadsheets",
            CouncilWrite::Reopen => "reopen a unit's submitted self-assessment",
            CouncilWrite::RoundSettings => "set the round's deadline and appraisal period",
            CouncilWrite::PaperSettings => "set the papers' document numbers, signers and dates of issue",
            CouncilWrite::Backup => "back up the round's database",
            CouncilWrite::ExceedQuota => "rate a unit excellent beyond the quota",
        }
    }
}

/// May `actor` make this write?
pub fn may(actor: &Actor, write: CouncilWrite) -> Result<(), Refusal> {
    let allowed = match write {
        CouncilWrite::Import
        | CouncilWrite::Facts
        | CouncilWrite::Export
        | CouncilWrite::Reopen
        | CouncilWrite::RoundSettings
        | CouncilWrite::PaperSettings
        | CouncilWrite::Backup => matches!(actor.role, Role::Secretary | Role::Chairman | Role::ServiceAccount),
        CouncilWrite::OrderTie
        | CouncilWrite::OverrideGrade
        | CouncilWrite::Approve
        | CouncilWrite::Rerate
        | CouncilWrite::ExceedQuota => {
            matches!(actor.role, Role::Chairman | Role::ServiceAccount)
        }
        // The standing office (the secretary, Sở Nội vụ: 2610 Điều 9.1) keeps the council's list of users.
        CouncilWrite::ManageUsers => matches!(actor.role, Role::Secretary | Role::ServiceAccount),
    };
    if allowed {
        return Ok(());
    }
    let rule = match write {
        _ if actor.role == Role::Unit => Rule::UnitNeverAppraises,
        CouncilWrite::Import
        | CouncilWrite::Facts
        | CouncilWrite::Reopen
        | CouncilWrite::RoundSettings
        | CouncilWrite::PaperSettings
        | CouncilWrite::Backup => Rule::SecretaryOrChairman,
        CouncilWrite::Export => Rule::SecretaryOrChairmanExport,
        CouncilWrite::ManageUsers => Rule::ServiceAccountManagesUsers,
        _ => Rule::ChairmanOnly,
    };
    Err(refuse(actor, Act::Council(write), rule))
}

/// May `actor` write this appraised score through an import file (`leader`: the provincial leader whose score the
/// row is)? As if typed ([`may_appraise`]): a member for the components their agency leads, a leader only their own
/// score of group I, the service account anything. An assistant's entry waits for a member's confirmation, which
/// is given entry by entry in the interface, so an assistant does not import appraisals.
pub fn may_import_appraisal(
    actor: &Actor,
    place: &ComponentPlace<'_>,
    unit: &UnitCode,
    leader: Option<&str>,
) -> Result<(), Refusal> {
    let code = &place.component.code.to_string();
    match (may_appraise(actor, place, unit)?, leader) {
        (AppraisalEntry::Final, _) => Ok(()),
        (AppraisalEntry::LeaderScore, Some(leader)) if leader == actor.name => Ok(()),
        (AppraisalEntry::LeaderScore, Some(leader)) => Err(refuse(
            actor,
            Act::EnterLeaderScore { leader: leader.to_string(), component: code.clone(), unit: unit.into() },
            Rule::LeaderOwnScore,
        )),
        (AppraisalEntry::LeaderScore, None) => {
            Err(refuse(actor, Act::Appraise { component: code.clone(), unit: unit.into() }, Rule::LeaderRowNamesLeader))
        }
        (AppraisalEntry::AwaitingConfirmation, _) => Err(refuse(
            actor,
            Act::ImportAppraisal { component: code.clone(), unit: unit.into() },
            Rule::AssistantEntriesNotImported,
        )),
    }
}

/// Where a unit's self-assessment stands when someone writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelfAssessmentState {
    /// Still being filled in by the unit.
    Open,
    /// Submitted to the council (Điều 8.2): frozen for the unit until the secretary reopens it.
    Submitted,
}

/// May `actor` write unit `unit`'s self-assessment (self-score, explanation, not-applicable mark, documents)?
/// A unit's focal person: only its own unit, only while it is not submitted. The secretary, the chairman and the
/// service account: any unit, as their import always could. Nobody else.
pub fn may_self_assess(actor: &Actor, unit: &UnitCode, state: SelfAssessmentState) -> Result<(), Refusal> {
    match may_self_assess_with(actor, unit, || Ok::<_, std::convert::Infallible>(state)) {
        Ok(answer) => answer,
        Err(never) => match never {},
    }
}

/// The rule of [`may_self_assess`], asking for the unit's state only when it decides (the unit's own focal
/// person): the council's import of 100 000 rows reads no submission for each row.
#[allow(
    clippy::match_same_arms,
    reason = "a role's own arm, as in the permission table; a unit's comes after its refusals"
)]
pub fn may_self_assess_with<E>(
    actor: &Actor,
    unit: &UnitCode,
    state: impl FnOnce() -> Result<SelfAssessmentState, E>,
) -> Result<Result<(), Refusal>, E> {
    let what = || Act::SelfAssess { unit: unit.into() };
    Ok(match actor.role {
        Role::Secretary | Role::Chairman | Role::ServiceAccount => Ok(()),
        Role::Unit if actor.unit.as_deref() != Some(unit) => {
            Err(refuse(actor, what(), Rule::OwnUnitSelfAssessment { own: actor.unit.as_deref().unwrap_or("—").into() }))
        }
        Role::Unit if state()? == SelfAssessmentState::Submitted => {
            Err(refuse(actor, what(), Rule::Submitted { unit: unit.into() }))
        }
        Role::Unit => Ok(()),
        // The council's other roles are refused as their import of a unit's values always was.
        Role::Member | Role::Assistant | Role::Leader => may(actor, CouncilWrite::Import),
    })
}

/// May `actor` submit unit `unit`'s self-assessment (or, for the secretary, record its submission)?
pub fn may_submit(actor: &Actor, unit: &UnitCode) -> Result<(), Refusal> {
    match actor.role {
        Role::Secretary | Role::Chairman | Role::ServiceAccount => Ok(()),
        Role::Unit if actor.unit.as_deref() == Some(unit) => Ok(()),
        Role::Unit => Err(refuse(
            actor,
            Act::Submit { unit: unit.into() },
            Rule::OwnUnitSubmission { own: actor.unit.as_deref().unwrap_or("—").into() },
        )),
        _ => Err(refuse(actor, Act::Submit { unit: unit.into() }, Rule::FocalPersonSubmits)),
    }
}

/// May `actor` see unit `unit`'s result (its appraisal, level, reasons)? The council sees it any time; a unit's
/// focal person only its own unit's, and only once its bloc is approved (nothing appraised is shown a unit before
/// publication, Điều 10.3). Exporting its own score sheet follows the same rule.
pub fn may_see_result(actor: &Actor, unit: &UnitCode, approved: bool) -> Result<(), Refusal> {
    match actor.role {
        Role::Unit if actor.unit.as_deref() != Some(unit) => Err(refuse(
            actor,
            Act::SeeResult { unit: unit.into() },
            Rule::OwnUnitResult { own: actor.unit.as_deref().unwrap_or("—").into() },
        )),
        Role::Unit if !approved => Err(refuse(actor, Act::SeeResult { unit: unit.into() }, Rule::ResultAfterApproval)),
        _ => Ok(()),
    }
}

/// May `actor` read the whole round (the ranking, the audit log, every unit's submission)? Everyone of the
/// council; a unit's focal person reads only its own unit (`result`), never another unit or an appraisal before
/// publication.
pub fn may_read_round(actor: &Actor) -> Result<(), Refusal> {
    if actor.role == Role::Unit {
        return Err(refuse(actor, Act::ReadRound, Rule::UnitReadsOwnOnly));
    }
    Ok(())
}
