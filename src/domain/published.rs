//! The published (approved) result of a bloc: each unit's level, rank and total as the chairman approved them,
//! and a re-rating's new result for one unit (SPEC "Quota and order": approved is approved; a re-rating
//! changes that unit's level only, every other unit keeps its approved level and rank, the bloc its quota).

use super::classification::{Assessment, Level};
use super::code::UnitCode;
use super::ranking::{BlocRanking, Outcome, QuotaNote};
use super::score::round_half_away;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// One unit's published result: as approved, or as its latest re-rating left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The rank as approved (or re-rated).
    pub rank: usize,
    /// The level as approved (or re-rated).
    pub level: Level,
    /// Exact total.
    pub total: Decimal,
    /// Changed by a re-rating after the approval.
    pub rerated: bool,
}

/// A bloc's published results, with the quota it was approved with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PublishedBloc {
    /// The eligible units counted at the approval.
    pub eligible: usize,
    /// The excellent quota approved; a re-rating never changes it (SPEC, re-rating).
    pub quota: usize,
    /// Each unit's published result.
    pub units: BTreeMap<UnitCode, Published>,
}

/// Where the chairman places a re-rated unit among the units whose totals it now equals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TiePlace {
    /// Above the units it ties with.
    Before,
    /// Below the units it ties with.
    After,
}

/// A re-rating's outcome that needs the chairman: the re-rated unit's new totals equal these units'.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieToOrder {
    /// The units the re-rated unit now ties with.
    pub tied: Vec<UnitCode>,
}

/// A level read back from its slug (as stored).
pub fn level_of_slug(slug: &str) -> Option<Level> {
    [Level::Excellent, Level::Good, Level::Completed, Level::NotCompleted].into_iter().find(|l| l.slug() == slug)
}

/// Shows a bloc's published results in place of its live ranking: every published unit takes its published rank
/// and level, the bloc its approved eligible count and quota; ties are settled (approval needed them so), and the
/// units are listed by rank.
/// A re-rated unit's note cites `rerating`, the regulation's article of re-rating (None: no citation).
pub fn apply_published(ranking: &mut BlocRanking, published: &PublishedBloc, rerating: Option<&str>) {
    ranking.eligible = published.eligible;
    ranking.quota = published.quota;
    for unit in &mut ranking.units {
        let Some(result) = published.units.get(&unit.unit) else { continue };
        let outcome = Outcome::Level(result.level);
        if unit.outcome != outcome || unit.rank != result.rank || result.rerated {
            let (rank, level) = (result.rank, result.level);
            unit.quota_note = Some(if result.rerated {
                QuotaNote::Rerated { rank, level, article: rerating.map(str::to_string) }
            } else {
                QuotaNote::Approved { rank, level }
            });
        }
        unit.rank = result.rank;
        unit.outcome = outcome;
    }
    for group in &mut ranking.tie_groups {
        group.resolved = true;
        group.straddles_quota = false;
    }
    ranking.units.sort_by_key(|unit| unit.rank);
}

/// The new published result of a unit re-rated after approval. Every other unit keeps its published result,
/// and the bloc its quota: the unit is rated excellent only where it was, or where a place of the quota is free
/// (no other unit holds it); its rank is one more than the units published above its new total. A new total
/// equal to other units' (at the official and the tie-break decimals) needs the chairman's `place`.
///
/// # Errors
/// The tied units, when the totals tie and no place is given.
pub fn rerated_result(
    published: &PublishedBloc,
    unit: &UnitCode,
    assessment: &Assessment,
    total: Decimal,
    decimals: (u32, u32),
    place: Option<TiePlace>,
) -> Result<Published, TieToOrder> {
    let key = |total: Decimal| (round_half_away(total, decimals.0), round_half_away(total, decimals.1));
    let own = key(total);
    let others = published.units.iter().filter(|(code, _)| code.as_str() != unit);
    let above = others.clone().filter(|(_, p)| key(p.total) > own).count();
    let tied: Vec<UnitCode> = others.clone().filter(|(_, p)| key(p.total) == own).map(|(c, _)| c.clone()).collect();
    // A total the re-rating leaves as published keeps its published rank (a tie ordered at approval stays so).
    let kept = published.units.get(unit).filter(|p| key(p.total) == own).map(|p| p.rank);
    let rank = match (tied.is_empty(), place) {
        _ if kept.is_some() => kept.unwrap_or(above + 1),
        (true, _) | (false, Some(TiePlace::Before)) => above + 1,
        (false, Some(TiePlace::After)) => above + tied.len() + 1,
        (false, None) => return Err(TieToOrder { tied }),
    };
    let was_excellent = published.units.get(unit).is_some_and(|p| p.level == Level::Excellent);
    let held = others.filter(|(_, p)| p.level == Level::Excellent).count();
    let level = if assessment.meets(Level::Excellent) {
        if was_excellent || held < published.quota { Level::Excellent } else { assessment.best_below(Level::Excellent) }
    } else if assessment.level == Level::Excellent {
        assessment.best_below(Level::Excellent)
    } else {
        assessment.level
    };
    Ok(Published { rank, level, total, rerated: true })
}
