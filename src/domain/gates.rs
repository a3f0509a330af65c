//! The gates before a council write: one pure function per rule, asked by the store before it writes and by the
//! interface before it offers the key or shows the prompt. Each returns a typed refusal, worded once in
//! `messages::gates` (so the interface's refusal is the store's, word for word).

use super::code::BlocCode;
use super::evaluate::{Round, evaluate_round, unappraised_in_bloc};
use super::permissions::{AppraisalEntry, Role};
use super::ranking::BlocRanking;
use super::regulation::Regulation;
use super::scoring::ComponentScore;
use std::collections::BTreeSet;

/// Why the chairman cannot approve a bloc now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApprovalBlocker {
    /// Approved already: its results are frozen; a change now is a re-rating (Điều 10.4).
    AlreadyApproved {
        /// The bloc's code.
        bloc: BlocCode,
        /// The regulation's article of re-rating (`rerating`), if it has one.
        rerating: Option<String>,
    },
    /// The bloc has no unit in the round.
    EmptyBloc {
        /// The bloc's code.
        bloc: BlocCode,
    },
    /// `count` components of the bloc's units are applicable and not appraised yet.
    NotAppraised {
        /// The bloc's code.
        bloc: BlocCode,
        /// How many components remain.
        count: usize,
    },
    /// Ties the chairman has not ordered yet, each as its units joined by commas.
    TieOpen {
        /// The bloc's code.
        bloc: BlocCode,
        /// Each open tie group, its units joined by commas.
        ties: Vec<String>,
    },
}

/// May the chairman approve `bloc` now? Approved already, empty, a component unappraised, or a tie the chairman has
/// not ordered refuses it; otherwise the bloc's ranking, as the approval publishes it.
///
/// # Errors
/// The first blocker, in that order.
pub fn approval_gate(
    regulation: &Regulation,
    round: &Round,
    approved: &BTreeSet<BlocCode>,
    bloc: &BlocCode,
) -> Result<BlocRanking, ApprovalBlocker> {
    if approved.contains(bloc) {
        let rerating = regulation.rerating.clone();
        return Err(ApprovalBlocker::AlreadyApproved { bloc: bloc.clone(), rerating });
    }
    if !round.units.iter().any(|unit| unit.bloc == *bloc) {
        return Err(ApprovalBlocker::EmptyBloc { bloc: bloc.clone() });
    }
    let count = unappraised_in_bloc(regulation, round, bloc);
    if count > 0 {
        return Err(ApprovalBlocker::NotAppraised { bloc: bloc.clone(), count });
    }
    let Some(ranking) = evaluate_round(regulation, round).into_iter().find(|r| r.bloc == *bloc).map(|r| r.ranking)
    else {
        return Err(ApprovalBlocker::EmptyBloc { bloc: bloc.clone() });
    };
    let ties: Vec<String> = ranking.unresolved_ties().map(|group| group.units.join(",")).collect();
    if !ties.is_empty() {
        return Err(ApprovalBlocker::TieOpen { bloc: bloc.clone(), ties });
    }
    Ok(ranking)
}

/// Why a recorded appraisal cannot be withdrawn by this user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WithdrawalRefusal {
    /// A provincial leader's score is not withdrawn: the leader enters a new one.
    LeaderScore,
    /// The bloc is approved: a change is the chairman's re-rating (Điều 10.4).
    Frozen,
    /// Nothing appraised is recorded.
    NothingToWithdraw,
    /// An assistant withdraws only their own entry still awaiting a member's confirmation.
    NotOwnEntry,
}

/// An appraised score as recorded: who entered it, and whether it still awaits a member's confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded<'a> {
    /// An assistant entered it and no member has confirmed it yet.
    pub awaiting_confirmation: bool,
    /// The council user who entered it, where recorded.
    pub appraised_by: Option<&'a str>,
}

impl<'a> Recorded<'a> {
    /// The appraisal recorded in a component's entry, if any.
    pub fn of(score: &'a ComponentScore) -> Option<Recorded<'a>> {
        score.appraised_score.map(|_| Recorded {
            awaiting_confirmation: score.awaiting_confirmation,
            appraised_by: score.appraised_by.as_deref(),
        })
    }
}

/// May a user whose right to appraise the component is `entry` ([`super::permissions::may_appraise`]) withdraw its
/// recorded appraisal `recorded` (None: nothing appraised), the bloc being approved or not? `user` is the user's
/// name (an assistant's own entry is the one they entered).
///
/// # Errors
/// The first refusal: a leader's score, an approved bloc, nothing recorded, another's entry (for an assistant).
pub fn withdrawal_gate(
    entry: AppraisalEntry,
    approved: bool,
    recorded: Option<Recorded<'_>>,
    user: &str,
) -> Result<(), WithdrawalRefusal> {
    if entry == AppraisalEntry::LeaderScore {
        return Err(WithdrawalRefusal::LeaderScore);
    }
    if approved {
        return Err(WithdrawalRefusal::Frozen);
    }
    let Some(recorded) = recorded else {
        return Err(WithdrawalRefusal::NothingToWithdraw);
    };
    let own = recorded.awaiting_confirmation && recorded.appraised_by == Some(user);
    if entry == AppraisalEntry::AwaitingConfirmation && !own {
        return Err(WithdrawalRefusal::NotOwnEntry);
    }
    Ok(())
}

/// Why a user may not add or remove a council user of this role, beyond the right to manage users
/// ([`super::permissions::CouncilWrite::ManageUsers`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleGrantRefusal {
    /// The secretary keeps the council's users but never grants or removes the chairman's or a secretary's role:
    /// only whoever holds the database (the service account) does.
    NotForSecretary(Role),
}

/// May a user of role `granter` add or remove a user of role `role`? The secretary may not touch a chairman, a
/// secretary or the service account; the store asks it before it writes, `audit verify` of every logged user row.
///
/// # Errors
/// [`RoleGrantRefusal::NotForSecretary`] for the secretary and those roles.
pub fn role_grant_gate(granter: Role, role: Role) -> Result<(), RoleGrantRefusal> {
    if granter == Role::Secretary && matches!(role, Role::Chairman | Role::Secretary | Role::ServiceAccount) {
        return Err(RoleGrantRefusal::NotForSecretary(role));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn recorded(by: &str, awaiting: bool) -> ComponentScore {
        ComponentScore {
            appraised_score: Some(Decimal::ONE),
            awaiting_confirmation: awaiting,
            appraised_by: Some(by.into()),
            ..ComponentScore::default()
        }
    }

    fn gate(
        entry: AppraisalEntry,
        approved: bool,
        score: Option<&ComponentScore>,
        user: &str,
    ) -> Result<(), WithdrawalRefusal> {
        withdrawal_gate(entry, approved, score.and_then(Recorded::of), user)
    }

    #[test]
    fn withdrawal_refuses_in_order() {
        let mine = recorded("tgv", true);
        assert_eq!(gate(AppraisalEntry::LeaderScore, false, Some(&mine), "tgv"), Err(WithdrawalRefusal::LeaderScore));
        assert_eq!(gate(AppraisalEntry::Final, true, Some(&mine), "tv"), Err(WithdrawalRefusal::Frozen));
        assert_eq!(
            gate(AppraisalEntry::Final, false, Some(&ComponentScore::default()), "tv"),
            Err(WithdrawalRefusal::NothingToWithdraw)
        );
        assert_eq!(gate(AppraisalEntry::Final, false, Some(&mine), "tv"), Ok(()));
        assert_eq!(gate(AppraisalEntry::AwaitingConfirmation, false, Some(&mine), "tgv"), Ok(()));
        assert_eq!(
            gate(AppraisalEntry::AwaitingConfirmation, false, Some(&recorded("tv", false)), "tgv"),
            Err(WithdrawalRefusal::NotOwnEntry)
        );
    }

    #[test]
    fn the_secretary_grants_no_council_leadership() {
        for role in [Role::Chairman, Role::Secretary, Role::ServiceAccount] {
            assert_eq!(role_grant_gate(Role::Secretary, role), Err(RoleGrantRefusal::NotForSecretary(role)));
            assert_eq!(role_grant_gate(Role::ServiceAccount, role), Ok(()));
        }
        assert_eq!(role_grant_gate(Role::Secretary, Role::Member), Ok(()));
    }
}
