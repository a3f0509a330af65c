//! Score values: parsing what a person types (`3,5`, `3.5`, `80%`) and the regulation's rounding.

use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

/// Why a typed score was refused, in the council's words; the caller adds the file, unit and criterion.
/// Every path that takes a score (form, CSV, sheet, re-rating) words it the same.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScoreInputError {
    /// Not a number in either notation (`3,5` or `3.5`); carries the text as typed.
    #[error("“{0}” không phải là điểm hợp lệ (ví dụ 3,5 hoặc 3.5)")]
    NotANumber(String),
    /// A percentage of plan (`80%`) where the regulation scores by points only (2610); carries the text as typed.
    #[error("“{0}”: quy chế này chấm bằng điểm, không theo % kế hoạch")]
    PercentNotAllowed(String),
    /// Below zero: a score lies in [0, max].
    #[error("“{value}” không phải là điểm hợp lệ: điểm không được âm (điểm nằm trong [0; {}])", display_vi(*max))]
    Negative {
        /// The text as typed.
        value: String,
        /// The component's max points, named in the refusal's range.
        max: Decimal,
    },
    /// Above the component's max (a percentage of plan above 100 % is capped instead, never refused).
    #[error("“{value}” vượt điểm tối đa {} (điểm nằm trong [0; {}])", display_vi(*max), display_vi(*max))]
    AboveMax {
        /// The text as typed.
        value: String,
        /// The component's max points.
        max: Decimal,
    },
    /// More decimals than the regulation counts: refused rather than rounded, so nothing typed is silently changed.
    #[error(
        "“{value}” có {found} chữ số sau dấu phẩy; quy chế tính điểm đến {allowed} chữ số sau dấu phẩy (không làm tròn tự động: hãy nhập lại)"
    )]
    TooManyDecimals {
        /// The text as typed.
        value: String,
        /// The decimals it carries.
        found: u32,
        /// The decimals the regulation counts (2610 Điều 6.4.c: two).
        allowed: u32,
    },
}

/// What a typed score must respect: the component's max, whether a percentage of plan is how the regulation
/// scores, and how many decimals a score may carry (regulation data: Thái Nguyên Điều 6.4.c counts two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreRule {
    /// The component's max points: a score lies in [0, max].
    pub max: Decimal,
    /// The regulation scores by percentage of plan (453 Điều 4.2: `80%` = 0.8 × max, above 100 % earns the max).
    pub percent_of_plan: bool,
    /// The most decimals a typed score may carry.
    pub decimals: u32,
}

/// Parses a score typed by a person: `3,5` and `3.5` are the same; `80%` means 0.8 × max when the regulation
/// scores by percentage of plan, and a percentage above 100 earns the max (the plan was exceeded). The typed
/// number may carry at most `rule.decimals` decimals (a percentage's product stays exact). The result lies
/// in [0, max]; nothing is rounded and nothing typed is dropped.
pub fn parse_score(text: &str, rule: &ScoreRule) -> Result<Decimal, ScoreInputError> {
    let trimmed = text.trim();
    let (number_text, is_percent) = match trimmed.strip_suffix('%') {
        Some(rest) => (rest.trim(), true),
        None => (trimmed, false),
    };
    if is_percent && !rule.percent_of_plan {
        return Err(ScoreInputError::PercentNotAllowed(trimmed.to_string()));
    }
    let number = parse_decimal(number_text).ok_or_else(|| ScoreInputError::NotANumber(trimmed.to_string()))?;
    if below_zero(number) {
        return Err(ScoreInputError::Negative { value: trimmed.to_string(), max: rule.max });
    }
    let found = number.normalize().scale();
    if found > rule.decimals {
        return Err(ScoreInputError::TooManyDecimals { value: trimmed.to_string(), found, allowed: rule.decimals });
    }
    let points = if is_percent { (number * rule.max / Decimal::ONE_HUNDRED).min(rule.max) } else { number };
    within_range(points, rule.max)
        .ok_or_else(|| ScoreInputError::AboveMax { value: trimmed.to_string(), max: rule.max })
}

/// Below zero; `-0` is zero, not below it.
fn below_zero(points: Decimal) -> bool {
    points.is_sign_negative() && !points.is_zero()
}

/// The one range check of a score, for every path that takes one (typed, imported, saved): a score lies in
/// [0, max]. Returns it as it is stored (zero without a sign, no trailing zeros), or None outside the range.
pub fn within_range(points: Decimal, max: Decimal) -> Option<Decimal> {
    (!below_zero(points) && points <= max).then(|| points.abs().normalize())
}

/// Parses a plain decimal written with a dot or a comma, refusing exponents, thousands
/// separators and anything else a float parser would accept.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let text = text.trim();
    if text.is_empty() || text.matches([',', '.']).count() > 1 {
        return None;
    }
    let body = text.strip_prefix('-').unwrap_or(text);
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return None;
    }
    if body.starts_with([',', '.']) || body.ends_with([',', '.']) {
        return None;
    }
    Decimal::from_str(&text.replace(',', ".")).ok()
}

/// Rounds half away from zero (93.445 → 93.45), as the regulations count; never banker's rounding.
pub fn round_half_away(value: Decimal, decimals: u32) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(decimals);
    rounded
}

/// Writes a score the Vietnamese way for people (`3,5`), without trailing zeros.
pub fn display_vi(value: Decimal) -> String {
    value.normalize().to_string().replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn rule(max: &str, percent_of_plan: bool) -> ScoreRule {
        ScoreRule { max: d(max), percent_of_plan, decimals: 2 }
    }

    #[test]
    fn comma_and_dot_are_the_same_score() {
        assert_eq!(parse_score("3,5", &rule("4", false)), Ok(d("3.5")));
        assert_eq!(parse_score(" 3.5 ", &rule("4", false)), Ok(d("3.5")));
        assert_eq!(parse_score("-0", &rule("4", false)).map(|s| s.to_string()), Ok("0".into()));
    }

    #[test]
    fn a_score_lies_in_zero_to_max_and_minus_zero_is_zero() {
        assert_eq!(within_range(d("-0"), d("4")).map(|s| s.to_string()), Some("0".into()));
        assert_eq!(within_range(d("4.00"), d("4")).map(|s| s.to_string()), Some("4".into()));
        assert_eq!(within_range(d("-0.01"), d("4")), None);
        assert_eq!(within_range(d("4.01"), d("4")), None);
    }

    /// Điều 4.2 of 453: "Bằng tỷ lệ % kết quả đạt được của tiêu chí so với kế hoạch nhân với điểm chuẩn":
    /// a result above plan earns the max, a negative one is no result.
    #[test]
    fn percentage_of_plan_scales_the_max_only_where_allowed() {
        assert_eq!(parse_score("80%", &rule("3", true)), Ok(d("2.4")));
        assert_eq!(parse_score("100 %", &rule("5", true)), Ok(d("5")));
        assert_eq!(parse_score("120%", &rule("3", true)), Ok(d("3")));
        assert_eq!(parse_score("33%", &rule("1.5", true)), Ok(d("0.495")), "the product stays exact");
        assert!(matches!(parse_score("-10%", &rule("3", true)), Err(ScoreInputError::Negative { .. })));
        assert!(matches!(parse_score("80%", &rule("3", false)), Err(ScoreInputError::PercentNotAllowed(_))));
    }

    #[test]
    fn out_of_range_and_garbage_are_refused() {
        assert_eq!(
            parse_score("5", &rule("4", false)),
            Err(ScoreInputError::AboveMax { value: "5".into(), max: d("4") })
        );
        assert!(matches!(parse_score("-1", &rule("4", false)), Err(ScoreInputError::Negative { .. })));
        for bad in ["", "abc", "1e2", "1.2.3", "1,2,3", ".5", "5.", "NaN", "inf", "0x10", "+1", "1/2", "1e0", "--1"] {
            assert!(matches!(parse_score(bad, &rule("4", false)), Err(ScoreInputError::NotANumber(_))), "{bad}");
        }
    }

    /// Điều 6.4.c of 2610: "Điểm số được tính sau dấu phẩy “hai chữ số”".
    #[test]
    fn a_typed_score_carries_at_most_the_regulations_decimals() {
        assert_eq!(parse_score("0,55", &rule("1", false)), Ok(d("0.55")));
        assert_eq!(parse_score("0,550", &rule("1", false)), Ok(d("0.55")), "a trailing zero adds no precision");
        assert_eq!(
            parse_score("0,555", &rule("1", false)),
            Err(ScoreInputError::TooManyDecimals { value: "0,555".into(), found: 3, allowed: 2 })
        );
        assert_eq!(
            parse_score("-1", &rule("4", false)).map_err(|e| e.to_string()),
            Err("“-1” không phải là điểm hợp lệ: điểm không được âm (điểm nằm trong [0; 4])".into())
        );
    }

    #[test]
    fn rounding_is_half_away_from_zero_not_bankers() {
        assert_eq!(round_half_away(d("93.445"), 2).to_string(), "93.45");
        assert_eq!(round_half_away(d("89.995"), 2).to_string(), "90.00");
        assert_eq!(round_half_away(d("0.125"), 2).to_string(), "0.13");
        assert_eq!(round_half_away(d("93.5"), 3).to_string(), "93.500");
        assert_eq!(round_half_away(d("72.0004999"), 3).to_string(), "72.000");
    }
}
