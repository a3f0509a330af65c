//! The round before this one (`init --from`): each unit's level then, and what two years together say
//! (Thái Nguyên Điều 11.2.d: "02 năm liên tiếp được xếp loại không hoàn thành nhiệm vụ").

use super::classification::Level;
use super::ranking::Outcome;

/// A unit's level in the round this one was started from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousLevel {
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

/// The flags of a unit whose outcome this year is `now` and whose previous level was `previous`.
pub fn year_flags(previous: Option<&PreviousLevel>, now: Outcome) -> Vec<YearFlag> {
    let before = previous.map(|p| p.level.as_str());
    if before == Some(Outcome::Level(Level::NotCompleted).slug()) && now == Outcome::Level(Level::NotCompleted) {
        vec![YearFlag::NotCompletedTwoYears]
    } else {
        Vec::new()
    }
}

/// The Vietnamese words of an outcome slug stored for a previous round (the slug itself if unknown).
pub fn level_words(slug: &str) -> String {
    [Level::Excellent, Level::Good, Level::Completed, Level::NotCompleted]
        .into_iter()
        .map(Outcome::Level)
        .chain([Outcome::TiePending])
        .find(|outcome| outcome.slug() == slug)
        .map_or_else(|| slug.to_string(), |outcome| outcome.vietnamese().to_string())
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
        assert_eq!(year_flags(Some(&previous("not_completed")), not_completed), [YearFlag::NotCompletedTwoYears]);
        assert!(year_flags(Some(&previous("completed")), not_completed).is_empty());
        assert!(year_flags(Some(&previous("not_completed")), Outcome::Level(Level::Completed)).is_empty());
        assert!(year_flags(None, not_completed).is_empty());
    }
}
