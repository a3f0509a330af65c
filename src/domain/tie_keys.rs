//! The regulation's shapes of the excellent quota (its base, rounding and cap) and of its tie-break chain
//! (after the official total: a further decimal, a part's total, a criterion's score; then the chairman).

use super::regulation::Regulation;
use super::score::round_half_away;
use super::scoring::UnitScore;
use rust_decimal::Decimal;

/// What the quota's rate is taken of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuotaBase {
    /// The bloc's units that reach good or excellent (both seeds: *trên tổng số … được xếp loại tốt*).
    #[default]
    Eligible,
    /// Every unit of the bloc (*tổng số cơ quan, đơn vị của khối*).
    All,
}

/// How a fractional quota is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuotaRounding {
    /// *Không vượt quá*: the whole part (both seeds).
    #[default]
    Down,
    /// *Số lẻ được làm tròn lên*.
    Up,
}

impl QuotaBase {
    /// The base as `regulation.toml` writes it (`quota_base = "eligible"`).
    pub fn slug(self) -> &'static str {
        match self {
            QuotaBase::Eligible => "eligible",
            QuotaBase::All => "all",
        }
    }
}

impl QuotaRounding {
    /// The rounding as `regulation.toml` writes it (`quota_rounding = "down"`).
    pub fn slug(self) -> &'static str {
        match self {
            QuotaRounding::Down => "down",
            QuotaRounding::Up => "up",
        }
    }
}

/// The quota of excellent for a bloc of `units` units of which `eligible` reach good or excellent:
/// rate × base, rounded as the regulation says, then no more than the cap.
pub fn quota_of(
    rate: Decimal,
    base: QuotaBase,
    rounding: QuotaRounding,
    cap: Option<u32>,
    units: usize,
    eligible: usize,
) -> usize {
    let counted = match base {
        QuotaBase::Eligible => eligible,
        QuotaBase::All => units,
    };
    let product = rate * Decimal::from(counted);
    let rounded = match rounding {
        QuotaRounding::Down => product.floor(),
        QuotaRounding::Up => product.ceil(),
    };
    let by_rate = usize::try_from(rounded.mantissa() / 10i128.pow(rounded.scale())).unwrap_or(0);
    match cap {
        Some(cap) => by_rate.min(cap as usize),
        None => by_rate,
    }
}

/// One key of the tie-break chain, after the official total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TieKey {
    /// The total at more decimals (2610 Điều 6.4.c: three).
    Decimals(u32),
    /// A part's (content's) total, by its code (`B`).
    Part(String),
    /// A criterion's score, by its code (`B.1`).
    Criterion(String),
}

impl TieKey {
    /// The key as the data writes it and `rank --json` names it: `decimals:3`, `part:B`, `criterion:B.1`.
    pub fn slug(&self) -> String {
        match self {
            TieKey::Decimals(decimals) => format!("decimals:{decimals}"),
            TieKey::Part(code) => format!("part:{code}"),
            TieKey::Criterion(code) => format!("criterion:{code}"),
        }
    }

    /// Reads `decimals:N`, `part:CODE` or `criterion:CODE`; None for anything else.
    pub fn parse(text: &str) -> Option<TieKey> {
        let (kind, value) = text.trim().split_once(':')?;
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        match kind.trim() {
            "decimals" => value.parse().ok().filter(|n| *n <= 6).map(TieKey::Decimals),
            "part" => Some(TieKey::Part(value.to_string())),
            "criterion" => Some(TieKey::Criterion(value.to_string())),
            _ => None,
        }
    }

    /// The unit's value of this key (nothing scored in a part or criterion counts as 0).
    pub fn value(&self, score: &UnitScore) -> Decimal {
        match self {
            TieKey::Decimals(decimals) => round_half_away(score.total, *decimals),
            TieKey::Part(code) => {
                score.contents.iter().find(|(c, _)| c == code).and_then(|(_, value)| *value).unwrap_or_default()
            }
            TieKey::Criterion(code) => score.criterion(code).and_then(|c| c.score).unwrap_or_default(),
        }
    }
}

/// Which key of the chain placed a unit against the unit of equal official total next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decider {
    /// The key at this position of the regulation's chain.
    Key(usize),
    /// Every key equal: the chairman's order.
    Chairman,
}

/// The values of a unit for each key of the regulation's chain, in order.
pub fn tie_values(regulation: &Regulation, score: &UnitScore) -> Vec<Decimal> {
    regulation.tie_keys.iter().map(|key| key.value(score)).collect()
}
