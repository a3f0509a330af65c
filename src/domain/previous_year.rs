//! The round before this one (`init --from`): each unit's level then, and what two years together say
//! (Thái Nguyên Điều 11.2.d: "02 năm liên tiếp được xếp loại không hoàn thành nhiệm vụ").

use super::classification::Level;
use super::ranking::Outcome;
use crate::domain::code::BlocCode;

/// A unit's level in the round this one was started from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousLevel {
    /// The previous round's year (this round's year − 1 for 2610 Điều 11.2.d to apply).
    pub year: i32,
    /// The outcome's slug then: `excellent`, `good`, `completed`, `not_completed`, `tie_pending`.
    pub level: String,
    /// The official total then, 2 decimals.
    pub total: String,
    /// Whether that bloc's results were approved (otherwise the level was provisional when carried over).
    pub approved: bool,
}

/// A flag for the chairman on a unit's standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearFlag {
    /// Rated `not_completed` in the previous round and in this one (Điều 11.2.d).
    NotCompletedTwoYears,
}

impl YearFlag {
    /// As `rank --json` names it.
    pub fn slug(self) -> &'static str {
        match self {
            YearFlag::NotCompletedTwoYears => "not_completed_two_years",
        }
    }
}

/// What the two-year rule needs to know of this round and a unit's bloc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearContext<'a> {
    /// The article of the regulation's rule (2610 Điều 11.2.d); None where the regulation has no such rule (453).
    pub article: Option<&'a str>,
    /// This round's year.
    pub year: i32,
    /// This year's level of the unit is final: its bloc is approved.
    pub final_level: bool,
}

impl<'a> YearContext<'a> {
    /// The context of a unit of `bloc` in `round`.
    pub fn of(regulation: &'a super::regulation::Regulation, round: &super::evaluate::Round, bloc: &BlocCode) -> Self {
        YearContext {
            article: regulation.two_years_not_completed.as_deref(),
            year: round.year,
            final_level: round.published.contains_key(bloc),
        }
    }
}

/// The flags of a unit whose outcome this year is `now` and whose previous level was `previous`: only under a
/// regulation with the rule, for the year just before this one, an approved level then and a final one now.
pub fn year_flags(context: &YearContext<'_>, previous: Option<&PreviousLevel>, now: Outcome) -> Vec<YearFlag> {
    let before = previous
        .filter(|p| context.article.is_some() && context.final_level && p.approved && p.year + 1 == context.year)
        .map(|p| p.level.as_str());
    if before == Some(Outcome::Level(Level::NotCompleted).slug()) && now == Outcome::Level(Level::NotCompleted) {
        vec![YearFlag::NotCompletedTwoYears]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn previous(level: &str) -> PreviousLevel {
        PreviousLevel { year: 2024, level: level.into(), total: "40.00".into(), approved: true }
    }

    #[test]
    fn two_years_not_completed_are_flagged() {
        let not_completed = Outcome::Level(Level::NotCompleted);
        let context = YearContext { article: Some("Điều 11.2.d"), year: 2025, final_level: true };
        let flags = |previous: Option<&PreviousLevel>, now| year_flags(&context, previous, now);
        assert_eq!(flags(Some(&previous("not_completed")), not_completed), [YearFlag::NotCompletedTwoYears]);
        assert!(flags(Some(&previous("completed")), not_completed).is_empty());
        assert!(flags(Some(&previous("not_completed")), Outcome::Level(Level::Completed)).is_empty());
        assert!(flags(None, not_completed).is_empty());
        // Not the year before, not approved then, not final now, or no such rule: no flag.
        let two_years_back = YearContext { year: 2026, ..context };
        assert!(year_flags(&two_years_back, Some(&previous("not_completed")), not_completed).is_empty());
        let provisional = PreviousLevel { approved: false, ..previous("not_completed") };
        assert!(flags(Some(&provisional), not_completed).is_empty());
        let open = YearContext { final_level: false, ..context };
        assert!(year_flags(&open, Some(&previous("not_completed")), not_completed).is_empty());
        let no_rule = YearContext { article: None, ..context };
        assert!(year_flags(&no_rule, Some(&previous("not_completed")), not_completed).is_empty());
    }
}
