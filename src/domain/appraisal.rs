//! The rule every appraisal obeys, wherever it is entered: a deduction or a change needs a reason.

use super::score::display_vi;
use super::validate::has_visible;
use rust_decimal::Decimal;

/// Why an appraisal needs a deduction reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReasonNeeded {
    /// The appraised score is below the component's max (SPEC, Scores).
    #[error("cần lý do trừ điểm: điểm thẩm định {} thấp hơn điểm tối đa {}", display_vi(*appraised), display_vi(*max))]
    BelowMax {
        /// The appraised score entered.
        appraised: Decimal,
        /// The component's max points.
        max: Decimal,
    },
    /// The appraised score differs from the unit's self-score (SPEC, Scores).
    #[error("cần lý do: điểm thẩm định {} khác điểm tự đánh giá {}", display_vi(*appraised), display_vi(*self_score))]
    DiffersFromSelfScore {
        /// The appraised score entered.
        appraised: Decimal,
        /// The unit's self-score it differs from.
        self_score: Decimal,
    },
}

/// Why an appraisal needs a deduction reason, or None when it needs none.
/// An appraised score below max, or different from the self-score, needs one.
pub fn reason_needed(max: Decimal, self_score: Option<Decimal>, appraised: Decimal) -> Option<ReasonNeeded> {
    if appraised < max {
        Some(ReasonNeeded::BelowMax { appraised, max })
    } else {
        self_score
            .filter(|s| *s != appraised)
            .map(|self_score| ReasonNeeded::DiffersFromSelfScore { appraised, self_score })
    }
}

/// The rule itself: refused when a reason is needed and the one given shows nothing a reader can see.
pub fn check_reason(
    max: Decimal,
    self_score: Option<Decimal>,
    appraised: Decimal,
    reason: &str,
) -> Result<(), ReasonNeeded> {
    match reason_needed(max, self_score, appraised) {
        Some(needed) if !has_visible(reason) => Err(needed),
        _ => Ok(()),
    }
}

/// Does the appraisal recorded on a component bind a write of its self-assessment (issue 21)? The one rule of
/// every path that writes a self-score or applicability (the unit's form, a CSV import, a sheet import):
///
/// - a unit's focal person (`by_unit`) may change its own self-score before submission even where the council
///   has appraised the component: never refused for what the council holds, never told of it. That the
///   appraisal then needs a reason is the council's to settle: its queue shows the component as needing one;
/// - the council's own write (the secretary's import of a unit's file) is checked so the appraisal it holds
///   still stands: refused when the appraisal would need a reason it does not have.
///
/// `appraised` is the appraisal recorded and its deduction reason, if any.
///
/// # Errors
/// The reason the council's appraisal would then need, for a write that is not the unit's.
pub fn self_assessment_against_appraisal(
    by_unit: bool,
    max: Decimal,
    self_score: Option<Decimal>,
    appraised: Option<(Decimal, &str)>,
) -> Result<(), ReasonNeeded> {
    match appraised {
        Some((appraised, reason)) if !by_unit => check_reason(max, self_score, appraised, reason),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_units_self_score_is_never_refused_for_the_councils_appraisal() {
        let (four, three) = (Decimal::from(4), Decimal::from(3));
        assert_eq!(self_assessment_against_appraisal(true, four, Some(three), Some((four, ""))), Ok(()));
        assert_eq!(
            self_assessment_against_appraisal(false, four, Some(three), Some((four, ""))),
            Err(ReasonNeeded::DiffersFromSelfScore { appraised: four, self_score: three })
        );
        assert_eq!(self_assessment_against_appraisal(false, four, Some(three), Some((four, "Thiếu")),), Ok(()));
        assert_eq!(self_assessment_against_appraisal(false, four, Some(three), None), Ok(()));
    }

    #[test]
    fn a_reason_is_needed_below_max_or_when_the_self_score_differs() {
        let four = Decimal::from(4);
        let three = Decimal::from(3);
        assert!(reason_needed(four, Some(four), four).is_none());
        assert!(reason_needed(four, None, four).is_none());
        assert_eq!(
            reason_needed(four, Some(four), three),
            Some(ReasonNeeded::BelowMax { appraised: three, max: four })
        );
        assert_eq!(
            reason_needed(four, Some(three), four).map(|r| r.to_string()).as_deref(),
            Some("cần lý do: điểm thẩm định 4 khác điểm tự đánh giá 3")
        );
        assert!(check_reason(four, Some(four), three, "thiếu báo cáo").is_ok());
        assert!(check_reason(four, Some(four), three, " \u{200B}\u{FEFF}").is_err(), "invisible text is no reason");
    }
}
