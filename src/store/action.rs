//! What each audit row records, as a type: the actions of the audit trail and the transitions of an appraisal.
//! Each has a stable slug, the text stored in the `audit` table and covered by its hash: a slug never changes,
//! or the rows written before would no longer verify. People read the catalog's name for it (`messages`).

/// The kind of write an audit row records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AuditAction {
    /// A new round created.
    Init,
    /// Rows that existed before every write recorded its rows, sealed by a migration.
    Baseline,
    /// A demo round's synthetic data.
    Seed,
    /// A unit added or changed by `import units`.
    Unit,
    /// A unit's self-assessed score of a component.
    SelfScore,
    /// A unit's explanation of its own deduction.
    Explanation,
    /// Whether a component applies to a unit.
    Applicable,
    /// A change of an appraisal (`appraise`, `enter`, `confirm`, `correct`).
    Appraisal(AppraisalTransition),
    /// A provincial leader's own score of a criterion scored by the leaders.
    LeaderScore,
    /// The appraisal of a component withdrawn while its bloc is open: its score and reason cleared.
    Withdraw,
    /// A comment on a unit or a component.
    Comment,
    /// A document backing a self-score, added, changed or removed.
    Evidence,
    /// A unit's fact (discipline, outstanding, …) set or cleared.
    Fact,
    /// The council's override of a criterion's proposed grade, set or removed.
    OverrideGrade,
    /// The order of units tied on the same score in a bloc.
    OrderTie,
    /// A bloc's results approved: its data is frozen from then on.
    Approve,
    /// A change of an approved bloc's unit by a re-rating (a score, a fact or a grade), with its reason.
    Rerate,
    /// A user added to the round.
    AddUser,
    /// A user removed from the round.
    RemoveUser,
    /// A unit's focal person submits its self-assessment (issue 16, on main: `submit`).
    Submit,
    /// The secretary reopens a submitted self-assessment (`reopen`).
    Reopen,
    /// The round's deadlines and settings (`round settings`).
    RoundSettings,
    /// Units, users and settings carried over from the previous round by `init --from` (`carry over`).
    CarryOver,
    /// The summary row of an import file; its values have rows of their own.
    Import(ImportKind),
    /// A file a unit sent over SFTP (a document or its signed sheet), or a new version of one (issue 24).
    Upload,
    /// A document file or a unit's dossier taken over SFTP.
    Download,
    /// A unit's focal person's refused attempt: who, what, when, never the values (`refused`).
    Refused,
    /// The chairman rates a unit excellent beyond the quota, or withdraws that decision (`exceed-quota`).
    ExceedQuota,
}

/// How an appraised score moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AppraisalTransition {
    /// A final appraisal written (by a member, or an import).
    Appraise,
    /// An assistant's entry, awaiting a member's confirmation.
    Enter,
    /// A member confirmed an assistant's entry as it was.
    Confirm,
    /// A member corrected an assistant's entry.
    Correct,
}

/// Which import file a summary row records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ImportKind {
    /// `units.csv`: the round's units.
    Units,
    /// A scores CSV: self-assessed and appraised scores.
    Scores,
    /// A grades CSV: the council's overrides of proposed grades.
    Grades,
    /// A facts CSV.
    Facts,
    /// An evidence CSV: the documents backing self-scores.
    Evidence,
    /// A unit's self-assessment workbook.
    Sheet,
}

impl AuditAction {
    /// Every action, for tests and catalogs.
    pub const ALL: [AuditAction; 36] = [
        AuditAction::Init,
        AuditAction::Baseline,
        AuditAction::Seed,
        AuditAction::Unit,
        AuditAction::SelfScore,
        AuditAction::Explanation,
        AuditAction::Applicable,
        AuditAction::Appraisal(AppraisalTransition::Appraise),
        AuditAction::Appraisal(AppraisalTransition::Enter),
        AuditAction::Appraisal(AppraisalTransition::Confirm),
        AuditAction::Appraisal(AppraisalTransition::Correct),
        AuditAction::LeaderScore,
        AuditAction::Withdraw,
        AuditAction::Comment,
        AuditAction::Evidence,
        AuditAction::Fact,
        AuditAction::OverrideGrade,
        AuditAction::OrderTie,
        AuditAction::Approve,
        AuditAction::Rerate,
        AuditAction::AddUser,
        AuditAction::RemoveUser,
        AuditAction::Submit,
        AuditAction::Reopen,
        AuditAction::RoundSettings,
        AuditAction::CarryOver,
        AuditAction::Import(ImportKind::Units),
        AuditAction::Import(ImportKind::Scores),
        AuditAction::Import(ImportKind::Grades),
        AuditAction::Import(ImportKind::Facts),
        AuditAction::Import(ImportKind::Evidence),
        AuditAction::Import(ImportKind::Sheet),
        AuditAction::Upload,
        AuditAction::Download,
        AuditAction::Refused,
        AuditAction::ExceedQuota,
    ];

    /// The text stored in the audit table (and hashed): never changes.
    pub fn slug(self) -> &'static str {
        match self {
            AuditAction::Init => "init",
            AuditAction::Baseline => "baseline",
            AuditAction::Seed => "seed",
            AuditAction::Unit => "unit",
            AuditAction::SelfScore => "self-score",
            AuditAction::Explanation => "explanation",
            AuditAction::Applicable => "applicable",
            AuditAction::Appraisal(transition) => transition.slug(),
            AuditAction::LeaderScore => "leader score",
            AuditAction::Withdraw => "withdraw",
            AuditAction::Comment => "comment",
            AuditAction::Evidence => "evidence",
            AuditAction::Fact => "fact",
            AuditAction::OverrideGrade => "override grade",
            AuditAction::OrderTie => "order tie",
            AuditAction::Approve => "approve",
            AuditAction::Rerate => "rerate",
            AuditAction::AddUser => "add user",
            AuditAction::RemoveUser => "remove user",
            AuditAction::Submit => "submit",
            AuditAction::Reopen => "reopen",
            AuditAction::RoundSettings => "round settings",
            AuditAction::CarryOver => "carry over",
            AuditAction::Import(kind) => kind.slug(),
            AuditAction::Upload => "upload",
            AuditAction::Download => "download",
            AuditAction::Refused => "refused",
            AuditAction::ExceedQuota => "exceed quota",
        }
    }

    /// The action a stored slug names; None for a slug this program does not know (a newer program's).
    pub fn from_slug(slug: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|action| action.slug() == slug)
    }

    /// A row of this action names a unit whose data it changed (live refresh reads only that unit again);
    /// a unit's own row (its bloc or framework may have moved) and the round's rows change the whole round.
    pub fn changes_one_unit(self) -> bool {
        !matches!(self, AuditAction::Unit | AuditAction::ExceedQuota)
    }
}

impl AppraisalTransition {
    /// The text stored for it in the log (never changes: the hashes cover it).
    pub fn slug(self) -> &'static str {
        match self {
            AppraisalTransition::Appraise => "appraise",
            AppraisalTransition::Enter => "enter",
            AppraisalTransition::Confirm => "confirm",
            AppraisalTransition::Correct => "correct",
        }
    }
}

impl ImportKind {
    /// The text stored for it in the log (never changes: the hashes cover it).
    pub fn slug(self) -> &'static str {
        match self {
            ImportKind::Units => "import units",
            ImportKind::Scores => "import scores",
            ImportKind::Grades => "import grades",
            ImportKind::Facts => "import facts",
            ImportKind::Evidence => "import evidence",
            ImportKind::Sheet => "import sheet",
        }
    }
}

impl std::fmt::Display for AuditAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slugs are the stored text of every audit row ever written: a renamed slug breaks old chains.
    #[test]
    fn slugs_are_the_stored_text_and_read_back() {
        let slugs: Vec<&str> = AuditAction::ALL.iter().map(|a| a.slug()).collect();
        assert_eq!(
            slugs,
            [
                "init",
                "baseline",
                "seed",
                "unit",
                "self-score",
                "explanation",
                "applicable",
                "appraise",
                "enter",
                "confirm",
                "correct",
                "leader score",
                "withdraw",
                "comment",
                "evidence",
                "fact",
                "override grade",
                "order tie",
                "approve",
                "rerate",
                "add user",
                "remove user",
                "submit",
                "reopen",
                "round settings",
                "carry over",
                "import units",
                "import scores",
                "import grades",
                "import facts",
                "import evidence",
                "import sheet",
                "upload",
                "download",
                "refused",
                "exceed quota",
            ]
        );
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::from_slug(action.slug()), Some(action));
        }
        assert_eq!(AuditAction::from_slug("something newer"), None);
    }
}
