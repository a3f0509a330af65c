//! The rule every appraisal obeys, wherever it is entered: a deduction or a change needs a reason.

use super::score::display_vi;
use rust_decimal::Decimal;

/// Why an appraisal needs a deduction reason, or None when it needs none.
/// An appraised score below max, or different from the self-score, needs one.
pub fn reason_needed(max: Decimal, self_score: Option<Decimal>, appraised: Decimal) -> Option<String> {
    if appraised < max {
        Some(format!("below max {}", max.normalize()))
    } else {
        self_score.filter(|s| *s != appraised).map(|s| format!("different from self-score {}", s.normalize()))
    }
}

/// The same rule in the interface's words.
pub fn reason_needed_vi(max: Decimal, self_score: Option<Decimal>, appraised: Decimal) -> Option<String> {
    if appraised < max {
        Some(format!("điểm thẩm định thấp hơn điểm tối đa {}", display_vi(max)))
    } else {
        self_score
            .filter(|s| *s != appraised)
            .map(|s| format!("điểm thẩm định khác điểm tự đánh giá {}", display_vi(s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_needed_below_max_or_when_the_self_score_differs() {
        let four = Decimal::from(4);
        assert!(reason_needed(four, Some(four), four).is_none());
        assert!(reason_needed(four, None, four).is_none());
        assert_eq!(reason_needed(four, Some(four), Decimal::from(3)).as_deref(), Some("below max 4"));
        assert_eq!(reason_needed(four, Some(Decimal::from(3)), four).as_deref(), Some("different from self-score 3"));
    }
}
