//! Who may write what (SPEC, Roles): the council's roles and the rule behind every refusal.

use super::framework::ComponentPlace;
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
    pub role: Role,
    /// The appraising agency of a member or assistant.
    pub agency: Option<String>,
    /// The unit of a unit's focal person (role `unit`).
    pub unit: Option<String>,
}

/// The name the audit log gives the service account.
pub const SERVICE_ACCOUNT: &str = "admin";

impl Actor {
    pub fn service_account() -> Actor {
        Actor { name: SERVICE_ACCOUNT.into(), role: Role::ServiceAccount, agency: None, unit: None }
    }

    fn describe(&self) -> String {
        match (&self.agency, &self.unit) {
            (Some(agency), _) => format!("{} ({}, {agency})", self.name, self.role),
            (None, Some(unit)) => format!("{} ({}, đơn vị {unit})", self.name, self.role),
            (None, None) => format!("{} ({})", self.name, self.role),
        }
    }
}

/// A write the rules do not allow; the message names who, what and the rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{who} may not {what}: {rule}")]
pub struct Refusal {
    pub who: String,
    pub what: String,
    pub rule: String,
}

fn refuse(actor: &Actor, what: impl Into<String>, rule: impl Into<String>) -> Refusal {
    Refusal { who: actor.describe(), what: what.into(), rule: rule.into() }
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

/// May `actor` write the appraised score of this component, and how is it recorded?
pub fn may_appraise(actor: &Actor, place: &ComponentPlace<'_>, unit: &str) -> Result<AppraisalEntry, Refusal> {
    let code = &place.component.code;
    let what = || format!("appraise {code} of unit {unit}");
    let leading = place.component.agencies.first();
    if place.criterion.scored_by_leaders {
        return match actor.role {
            Role::Leader => Ok(AppraisalEntry::LeaderScore),
            Role::ServiceAccount => Ok(AppraisalEntry::Final),
            _ => Err(refuse(
                actor,
                what(),
                format!("criterion {} is scored by the provincial leaders (role leader) only", place.criterion.code),
            )),
        };
    }
    match actor.role {
        Role::ServiceAccount => Ok(AppraisalEntry::Final),
        Role::Member | Role::Assistant if actor.agency.as_ref() == leading => Ok(match actor.role {
            Role::Member => AppraisalEntry::Final,
            _ => AppraisalEntry::AwaitingConfirmation,
        }),
        Role::Member | Role::Assistant => {
            let rule = match leading {
                Some(leading) if place.component.agencies.iter().skip(1).any(|a| Some(a) == actor.agency.as_ref()) => {
                    format!("{code} is led by {leading}; an agency named after the first may only comment")
                }
                Some(leading) => format!("{code} is assigned to {leading}"),
                None => format!("{code} names no appraising agency"),
            };
            Err(refuse(actor, what(), rule))
        }
        Role::Leader => Err(refuse(
            actor,
            what(),
            "a provincial leader scores only the criteria scored by the leaders (group I)".to_string(),
        )),
        Role::Secretary | Role::Chairman => Err(refuse(
            actor,
            what(),
            "appraisals are written by the members of the assigned agency; after approval the chairman re-rates (Điều 10.4)",
        )),
        Role::Unit => Err(refuse(actor, what(), UNIT_NEVER_APPRAISES)),
    }
}

/// Why a unit's focal person never writes the council's side.
const UNIT_NEVER_APPRAISES: &str =
    "đơn vị chỉ tự đánh giá; điểm thẩm định, góp ý, dữ kiện, xếp loại, thứ tự bằng điểm và phê duyệt là của Hội đồng";

/// May `actor` comment on this component (an agency named after the first)?
pub fn may_comment(actor: &Actor, place: &ComponentPlace<'_>, unit: &str) -> Result<(), Refusal> {
    let agencies = &place.component.agencies;
    let co_assigned = actor.agency.as_ref().is_some_and(|agency| agencies.iter().skip(1).any(|a| a == agency));
    if matches!(actor.role, Role::Member | Role::Assistant) && co_assigned {
        return Ok(());
    }
    Err(refuse(
        actor,
        format!("comment on {} of unit {unit}", place.component.code),
        format!(
            "only members of the agencies named after the first ({}) comment on a shared component",
            agencies.join(", ")
        ),
    ))
}

/// The secretary's and chairman's writes other than appraisals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CouncilWrite {
    /// Import a file (units, self-assessments, appraisals, evidence …).
    Import,
    /// Record a unit's facts (discipline, outstanding, …).
    Facts,
    OrderTie,
    OverrideGrade,
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
}

impl CouncilWrite {
    fn what(self) -> &'static str {
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
        | CouncilWrite::RoundSettings => matches!(actor.role, Role::Secretary | Role::Chairman | Role::ServiceAccount),
        CouncilWrite::OrderTie | CouncilWrite::OverrideGrade | CouncilWrite::Approve | CouncilWrite::Rerate => {
            matches!(actor.role, Role::Chairman | Role::ServiceAccount)
        }
        CouncilWrite::ManageUsers => actor.role == Role::ServiceAccount,
    };
    if allowed {
        return Ok(());
    }
    let rule = match write {
        _ if actor.role == Role::Unit => UNIT_NEVER_APPRAISES,
        CouncilWrite::Import | CouncilWrite::Facts | CouncilWrite::Reopen | CouncilWrite::RoundSettings => {
            "only the secretary or the chairman does this"
        }
        CouncilWrite::Export => "only the secretary or the chairman exports the council's papers (SPEC, Roles)",
        CouncilWrite::ManageUsers => "users are managed by whoever holds the database (the service account)",
        _ => "only the chairman does this",
    };
    Err(refuse(actor, write.what(), rule))
}

/// May `actor` write this appraised score through an import file (`leader`: the provincial leader whose score the
/// row is)? As if typed ([`may_appraise`]): a member for the components their agency leads, a leader only their own
/// score of group I, the service account anything. An assistant's entry waits for a member's confirmation, which
/// is given entry by entry in the interface, so an assistant does not import appraisals.
pub fn may_import_appraisal(
    actor: &Actor,
    place: &ComponentPlace<'_>,
    unit: &str,
    leader: Option<&str>,
) -> Result<(), Refusal> {
    let code = &place.component.code;
    match (may_appraise(actor, place, unit)?, leader) {
        (AppraisalEntry::Final, _) => Ok(()),
        (AppraisalEntry::LeaderScore, Some(leader)) if leader == actor.name => Ok(()),
        (AppraisalEntry::LeaderScore, Some(leader)) => Err(refuse(
            actor,
            format!("enter the score of leader {leader} for {code} of unit {unit}"),
            "a provincial leader's score is entered by that leader only",
        )),
        (AppraisalEntry::LeaderScore, None) => Err(refuse(
            actor,
            format!("appraise {code} of unit {unit}"),
            "a provincial leader's score is a row that names them in column leader",
        )),
        (AppraisalEntry::AwaitingConfirmation, _) => Err(refuse(
            actor,
            format!("import an appraisal of {code} of unit {unit}"),
            "an assistant's entry awaits a member's confirmation and is entered in the interface, not imported",
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
pub fn may_self_assess(actor: &Actor, unit: &str, state: SelfAssessmentState) -> Result<(), Refusal> {
    let what = || format!("write the self-assessment of unit {unit}");
    match actor.role {
        Role::Secretary | Role::Chairman | Role::ServiceAccount => Ok(()),
        Role::Unit if actor.unit.as_deref() != Some(unit) => Err(refuse(
            actor,
            what(),
            format!(
                "cán bộ đầu mối chỉ tự đánh giá cho đơn vị của mình ({}), không cho đơn vị {unit}",
                actor.unit.as_deref().unwrap_or("—")
            ),
        )),
        Role::Unit if state == SelfAssessmentState::Submitted => Err(refuse(
            actor,
            what(),
            format!(
                "đơn vị {unit} đã nộp bản tự đánh giá nên bản này đã khóa; chỉ Thư ký mở lại được (thamdinh submit --reopen), kèm lý do"
            ),
        )),
        Role::Unit => Ok(()),
        // The council's other roles are refused as their import of a unit's values always was.
        Role::Member | Role::Assistant | Role::Leader => may(actor, CouncilWrite::Import),
    }
}

/// May `actor` submit unit `unit`'s self-assessment (or, for the secretary, record its submission)?
pub fn may_submit(actor: &Actor, unit: &str) -> Result<(), Refusal> {
    match actor.role {
        Role::Secretary | Role::Chairman | Role::ServiceAccount => Ok(()),
        Role::Unit if actor.unit.as_deref() == Some(unit) => Ok(()),
        Role::Unit => Err(refuse(
            actor,
            format!("submit the self-assessment of unit {unit}"),
            format!(
                "cán bộ đầu mối chỉ nộp bản tự đánh giá của đơn vị mình ({})",
                actor.unit.as_deref().unwrap_or("—")
            ),
        )),
        _ => Err(refuse(
            actor,
            format!("submit the self-assessment of unit {unit}"),
            "a unit's focal person submits it (the secretary may record it for the unit)",
        )),
    }
}

/// May `actor` see unit `unit`'s result (its appraisal, level, reasons)? The council sees it any time; a unit's
/// focal person only its own unit's, and only once its bloc is approved (nothing appraised is shown a unit before
/// publication, Điều 10.3). Exporting its own score sheet follows the same rule.
pub fn may_see_result(actor: &Actor, unit: &str, approved: bool) -> Result<(), Refusal> {
    match actor.role {
        Role::Unit if actor.unit.as_deref() != Some(unit) => Err(refuse(
            actor,
            format!("see the result of unit {unit}"),
            format!("cán bộ đầu mối chỉ xem kết quả của đơn vị mình ({})", actor.unit.as_deref().unwrap_or("—")),
        )),
        Role::Unit if !approved => Err(refuse(
            actor,
            format!("see the result of unit {unit}"),
            "kết quả thẩm định chỉ được xem sau khi khối của đơn vị được phê duyệt và công bố (Điều 10)",
        )),
        _ => Ok(()),
    }
}

/// May `actor` read the whole round (the ranking, the audit log, every unit's submission)? Everyone of the
/// council; a unit's focal person reads only its own unit (`result`), never another unit or an appraisal before
/// publication.
pub fn may_read_round(actor: &Actor) -> Result<(), Refusal> {
    if actor.role == Role::Unit {
        return Err(refuse(
            actor,
            "read the whole round",
            "cán bộ đầu mối chỉ xem đơn vị của mình: thamdinh result (sau khi kết quả được phê duyệt)",
        ));
    }
    Ok(())
}
