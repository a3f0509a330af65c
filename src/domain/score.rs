//! Score values: parsing what a person types (`3,5`, `3.5`, `80%`) and the regulation's rounding.

use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

/// Why a typed score was refused; the caller adds the unit, criterion and file position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScoreInputError {
    #[error("{0:?} is not a number")]
    NotANumber(String),
    #[error("{0:?}: a percentage of plan is not how this regulation scores; type the points")]
    PercentNotAllowed(String),
    #[error("{value} is below 0")]
    Negative { value: String },
    #[error("{value} exceeds max {max}")]
    AboveMax { value: String, max: Decimal },
}

/// Parses a score typed by a person: `3,5` and `3.5` are the same; `80%` means 0.8 × max
/// when the regulation scores by percentage of plan. The result lies in [0, max].
pub fn parse_score(text: &str, max: Decimal, percent_allowed: bool) -> Result<Decimal, ScoreInputError> {
    let trimmed = text.trim();
    let (number_text, is_percent) = match trimmed.strip_suffix('%') {
        Some(rest) => (rest.trim(), true),
        None => (trimmed, false),
    };
    if is_percent && !percent_allowed {
        return Err(ScoreInputError::PercentNotAllowed(trimmed.to_string()));
    }
    let number = parse_decimal(number_text).ok_or_else(|| ScoreInputError::NotANumber(trimmed.to_string()))?;
    if number.is_sign_negative() && !number.is_zero() {
        return Err(ScoreInputError::Negative { value: trimmed.to_string() });
    }
    let points = if is_percent { number * max / Decimal::ONE_HUNDRED } else { number };
    if points > max {
        return Err(ScoreInputError::AboveMax { value: trimmed.to_string(), max: max.normalize() });
    }
    Ok(points.normalize())
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

    #[test]
    fn comma_and_dot_are_the_same_score() {
        assert_eq!(parse_score("3,5", d("4"), false), Ok(d("3.5")));
        assert_eq!(parse_score(" 3.5 ", d("4"), false), Ok(d("3.5")));
    }

    #[test]
    fn percentage_of_plan_scales_the_max_only_where_allowed() {
        assert_eq!(parse_score("80%", d("3"), true), Ok(d("2.4")));
        assert_eq!(parse_score("100 %", d("5"), true), Ok(d("5")));
        assert!(matches!(parse_score("80%", d("3"), false), Err(ScoreInputError::PercentNotAllowed(_))));
        assert!(matches!(parse_score("120%", d("3"), true), Err(ScoreInputError::AboveMax { .. })));
    }

    #[test]
    fn out_of_range_and_garbage_are_refused() {
        assert_eq!(parse_score("5", d("4"), false), Err(ScoreInputError::AboveMax { value: "5".into(), max: d("4") }));
        assert!(matches!(parse_score("-1", d("4"), false), Err(ScoreInputError::Negative { .. })));
        for bad in ["", "abc", "1e2", "1.2.3", "1,2,3", ".5", "5.", "NaN", "inf", "0x10", "+1"] {
            assert!(matches!(parse_score(bad, d("4"), false), Err(ScoreInputError::NotANumber(_))), "{bad}");
        }
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
