//! Ranking inside a bloc: the official total, then the regulation's tie-break chain (a further decimal, a part,
//! a criterion), the chairman's tie orders, the excellent quota with its base, rounding and cap.

use super::classification::{Assessment, Level};
use super::code::UnitCode;
use super::quota_exception::{QuotaException, exception_note, lapsed_note};
use super::score::round_half_away;
use super::tie_keys::{Decider, QuotaBase, QuotaRounding, TieKey, quota_of};
use rust_decimal::Decimal;
use std::sync::Arc;

/// One unit entering the bloc's ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The unit being ranked.
    pub unit: UnitCode,
    /// Exact total.
    pub total: Decimal,
    /// The total still takes self-scores where the council has not appraised (SPEC, provisional total).
    pub provisional: bool,
    /// Shared with the unit's evaluation: ranking a bloc again copies no conditions.
    pub assessment: Arc<Assessment>,
}

/// What the bloc's ranking needs from the regulation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuotaTerms {
    /// The share of the base that may be excellent (`0.2`: 20 %, 2610 Điều 7.2).
    pub rate: Decimal,
    /// The most units of the bloc that may be excellent, whatever the rate gives (2610 Điều 7.2: 4, 2, 1, 1 by bloc);
    /// none: no cap.
    pub cap: Option<u32>,
    /// Decimals of the official total that thresholds, ranks and quota compare (2: 2610 Điều 6.4.c).
    pub official_decimals: u32,
    /// Decimals of the first tie-break figure (3: 2610 Điều 6.4.c).
    pub tiebreak_decimals: u32,
}

/// The level a unit ends with, after the quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The unit's level, the quota applied.
    Level(Level),
    /// Its tie group straddles the quota line and the chairman has not ordered it.
    TiePending,
}

impl Outcome {
    /// The outcome as `rank --json` writes it: a level's slug or `tie_pending`.
    pub fn slug(self) -> &'static str {
        match self {
            Outcome::Level(level) => level.slug(),
            Outcome::TiePending => "tie_pending",
        }
    }

    /// The outcome in the council's words (*Chờ Chủ tịch quyết định thứ tự* for a pending tie).
    pub fn vietnamese(self) -> &'static str {
        match self {
            Outcome::Level(level) => level.vietnamese(),
            Outcome::TiePending => "Chờ Chủ tịch quyết định thứ tự",
        }
    }
}

/// What the bloc's excellent quota, its approval or a re-rating did to a unit: the numbers, worded by
/// `messages::reasons`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuotaNote {
    /// Its tie group straddles the quota line (`quota` places, `remaining` left) at `rank`: the chairman orders it.
    TiePending {
        /// The bloc's excellent places.
        quota: usize,
        /// The places still free when the tie group is reached.
        remaining: usize,
        /// The rank the tie group shares.
        rank: usize,
    },
    /// Within the quota: the `nth` of its `quota` places, at `rank`.
    Within {
        /// Which place of the quota the unit takes (1 = the first).
        nth: usize,
        /// The bloc's excellent places.
        quota: usize,
        /// The unit's rank.
        rank: usize,
    },
    /// Meets the excellent level's conditions but at `rank`, beyond the `quota` places, all taken: rated `fallback`.
    Beyond {
        /// The unit's rank.
        rank: usize,
        /// The bloc's excellent places.
        quota: usize,
        /// The level it gets instead (good).
        fallback: Level,
    },
    /// The bloc's approved result differs from the live one: the approved rank and level.
    Approved {
        /// The rank as approved.
        rank: usize,
        /// The level as approved.
        level: Level,
    },
    /// Re-rated after the approval (2610 Điều 10.4): the new rank and level, and the regulation's article of
    /// re-rating (None where it has none).
    Rerated {
        /// The article the regulation's data cites for re-rating (`rerating`), if any.
        article: Option<String>,
        /// The rank after the re-rating.
        rank: usize,
        /// The level the re-rating gave.
        level: Level,
    },
    /// Rated excellent beyond the quota by the chairman's decision under `article` (the regulation's data), with
    /// the chairman's `reason`, at `rank`; the bloc's quota stays `quota`.
    ChairmanException {
        /// The article allowing the exception, as the regulation's data cites it (synthetic Điều 7.2).
        article: String,
        /// The chairman's reason, as recorded.
        reason: String,
        /// The unit's rank.
        rank: usize,
        /// The bloc's computed quota, unchanged.
        quota: usize,
    },
    /// The chairman's decision under `article` no longer applies: the unit does not meet the conditions of excellent.
    ExceptionLapsed {
        /// The article the decision was made under.
        article: String,
    },
}

/// One unit's place in its bloc's ranking: its rank, totals, outcome after the quota and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedUnit {
    /// The unit.
    pub unit: UnitCode,
    /// The rank within the bloc, 1 first; units of an unordered tie group share one.
    pub rank: usize,
    /// The exact total (every decimal kept).
    pub total: Decimal,
    /// The total rounded half away from zero to the official decimals: what `rank --json` prints as `total`.
    pub official_total: Decimal,
    /// The total rounded to the tie-break decimals (`total3`).
    pub tiebreak_total: Decimal,
    /// The level after the quota, or a tie waiting for the chairman.
    pub outcome: Outcome,
    /// The total still counts self-scores where no appraisal is recorded.
    pub provisional: bool,
    /// The unit's classification, from which its reasons are written when they are shown.
    pub assessment: Arc<Assessment>,
    /// What the quota did to it (within, beyond, or waiting for the chairman), if anything.
    pub quota_note: Option<QuotaNote>,
    /// Index of its tie group in `BlocRanking::tie_groups`, if it shares its totals with others.
    pub tie_group: Option<usize>,
    /// Its value of each key of the tie-break chain, in the chain's order.
    pub tie_values: Vec<Decimal>,
    /// Which key placed it against a unit of equal official total next to it; None when no unit shares it.
    pub decided_by: Option<Decider>,
    /// Rated excellent beyond the quota by the chairman's decision (`exceed-quota`); it holds no place of it.
    pub quota_exception: bool,
}

/// Units with equal official and tie-break totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieGroup {
    /// In rank order (the chairman's order when resolved).
    pub units: Vec<UnitCode>,
    /// The chairman has ordered the group (`thamdinh tie`), so its units have distinct ranks.
    pub resolved: bool,
    /// Some of its units compete for the last excellent places.
    pub straddles_quota: bool,
}

/// A bloc's ranking: its units in rank order, the excellent quota and the tie groups (SPEC, Quota and order).
#[derive(Debug, Clone, PartialEq)]
pub struct BlocRanking {
    /// Units that meet no not-completed condition and reach good or excellent: the quota's base in both seeds.
    pub eligible: usize,
    /// How many units may be excellent: min(floor(rate × eligible), cap) by default.
    pub quota: usize,
    /// The units in rank order.
    pub units: Vec<RankedUnit>,
    /// Groups of units with equal totals under every tie key.
    pub tie_groups: Vec<TieGroup>,
}

impl BlocRanking {
    /// The tie groups the chairman has not ordered yet; while one straddles the quota line the bloc cannot be
    /// approved.
    pub fn unresolved_ties(&self) -> impl Iterator<Item = &TieGroup> {
        self.tie_groups.iter().filter(|group| !group.resolved)
    }

    /// Where the excellent quota's line goes: after the unit (its index in `units`) that holds the last place of
    /// the quota (rated excellent, or waiting for the chairman at the line), not after row `quota`: a unit above
    /// it that does not meet the conditions takes no place. `None` when no unit holds a place.
    pub fn quota_line_after(&self) -> Option<usize> {
        if self.quota == 0 {
            return None;
        }
        self.units.iter().rposition(|u| {
            !u.quota_exception && matches!(u.outcome, Outcome::Level(Level::Excellent) | Outcome::TiePending)
        })
    }
}

/// Quota for excellent = min(floor(rate × eligible), cap).
pub fn excellent_quota(eligible: usize, terms: &QuotaTerms) -> usize {
    quota_of(terms.rate, QuotaBase::Eligible, QuotaRounding::Down, terms.cap, eligible, eligible)
}

/// The shapes of a regulation's ranking beyond `QuotaTerms`: what the quota's rate is taken of, how it is
/// rounded, and the tie-break chain after the official total.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankShape<'a> {
    /// What the quota's rate is taken of.
    pub base: QuotaBase,
    /// How a fractional quota is rounded.
    pub rounding: QuotaRounding,
    /// The tie-break chain after the official total (a further decimal, a part, a criterion).
    pub keys: &'a [TieKey],
    /// The chairman's decisions to rate a unit excellent beyond the quota, and the article allowing them (None:
    /// the regulation allows none, and any decision is ignored).
    pub exceptions: &'a [QuotaException],
    /// The article allowing the chairman's exception (synthetic Điều 7.2), cited in the unit's reasons.
    pub exception_article: Option<&'a str>,
}

/// A candidate with its official total and its value of each tie key, as the regulation counts them.
type Keyed<'a> = (Decimal, &'a [Decimal], &'a Candidate);

/// Ranks a bloc as both seeds do: 2 then 3 decimals (`terms`' decimals), the quota of eligible units rounded
/// down. `tie_orders` are the chairman's orders, each a list of units in his order; a tie group is resolved when
/// one order lists all of its units.
pub fn rank_bloc(candidates: &[Candidate], terms: &QuotaTerms, tie_orders: &[Vec<UnitCode>]) -> BlocRanking {
    let keys = [TieKey::Decimals(terms.tiebreak_decimals)];
    let values: Vec<Vec<Decimal>> =
        candidates.iter().map(|c| vec![round_half_away(c.total, terms.tiebreak_decimals)]).collect();
    let shape = RankShape {
        base: QuotaBase::Eligible,
        rounding: QuotaRounding::Down,
        keys: &keys,
        exceptions: &[],
        exception_article: None,
    };
    rank_bloc_shaped(candidates, &values, terms, &shape, tie_orders)
}

/// Ranks a bloc under the regulation's shapes. `values[i]`: candidate i's value of each key of `shape.keys`.
pub fn rank_bloc_shaped(
    candidates: &[Candidate],
    values: &[Vec<Decimal>],
    terms: &QuotaTerms,
    shape: &RankShape<'_>,
    tie_orders: &[Vec<UnitCode>],
) -> BlocRanking {
    let no_values: Vec<Decimal> = Vec::new();
    let keyed: Vec<Keyed<'_>> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let values = values.get(i).map_or(no_values.as_slice(), Vec::as_slice);
            (round_half_away(c.total, terms.official_decimals), values, c)
        })
        .collect();
    let further = shape.keys.iter().position(|key| matches!(key, TieKey::Decimals(_)));
    // Whether each candidate meets the excellent level's conditions, asked once.
    let excellent: Vec<bool> = candidates.iter().map(|c| c.assessment.meets(Level::Excellent)).collect();
    // The chairman's decision on each candidate, where the regulation allows one.
    let decided: Vec<Option<(&str, &QuotaException)>> = candidates
        .iter()
        .map(|c| {
            shape.exception_article.and_then(|a| shape.exceptions.iter().find(|e| e.unit == c.unit).map(|e| (a, e)))
        })
        .collect();
    let mut order = rank_order(&keyed);
    let groups = group_ties(&mut order, &keyed, tie_orders);
    let deciders = deciders(&order, &keyed);
    let eligible = candidates
        .iter()
        .zip(&excellent)
        .filter(|(c, excellent)| **excellent || c.assessment.meets(Level::Good))
        .count();
    let quota = quota_of(terms.rate, shape.base, shape.rounding, terms.cap, candidates.len(), eligible);
    let mut remaining = quota;
    let mut units = Vec::with_capacity(candidates.len());
    let mut tie_groups = Vec::new();
    let mut position = 0;
    for (range, resolved) in groups {
        let members = &order[range];
        let contenders = members.iter().filter(|&&m| excellent[m] && decided[m].is_none()).count();
        let straddles = !resolved && contenders > remaining && remaining > 0;
        let tie_group = (members.len() > 1).then(|| {
            tie_groups.push(TieGroup {
                units: members.iter().map(|&m| keyed[m].2.unit.clone()).collect(),
                resolved,
                straddles_quota: straddles,
            });
            tie_groups.len() - 1
        });
        let shared_rank = position + 1;
        for &m in members {
            position += 1;
            let rank = if resolved { position } else { shared_rank };
            let (official_total, tie_values, candidate) = keyed[m];
            let tiebreak_total = further.and_then(|k| tie_values.get(k).copied()).unwrap_or(official_total);
            let assessment = &candidate.assessment;
            let (outcome, quota_note) = match (excellent[m], decided[m]) {
                (true, Some((article, decision))) => {
                    (Outcome::Level(Level::Excellent), Some(exception_note(article, &decision.reason, rank, quota)))
                }
                (true, None) => quota_outcome(assessment, rank, quota, &mut remaining, straddles),
                (false, Some((article, _))) => (Outcome::Level(assessment.level), Some(lapsed_note(article))),
                (false, None) => (Outcome::Level(assessment.level), None),
            };
            units.push(RankedUnit {
                unit: candidate.unit.clone(),
                rank,
                total: candidate.total,
                official_total,
                tiebreak_total,
                outcome,
                provisional: candidate.provisional,
                assessment: Arc::clone(assessment),
                quota_note,
                tie_group,
                tie_values: tie_values.to_vec(),
                decided_by: deciders.get(&m).cloned(),
                quota_exception: excellent[m] && decided[m].is_some(),
            });
        }
        if straddles {
            remaining = 0;
        }
    }
    BlocRanking { eligible, quota, units, tie_groups }
}

/// The candidates' indices, highest official total first, then by each tie key in turn, equal ones by unit code.
fn rank_order(keyed: &[Keyed<'_>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keyed.len()).collect();
    order.sort_by(|&a, &b| {
        let (a_total, a_values, a_candidate) = &keyed[a];
        let (b_total, b_values, b_candidate) = &keyed[b];
        b_total.cmp(a_total).then_with(|| b_values.cmp(a_values)).then_with(|| a_candidate.unit.cmp(&b_candidate.unit))
    });
    order
}

/// For each candidate (by index) whose official total another shares next to it in `order`: the first key of
/// the chain on which they differ (the unit above is asked first), or the chairman when every key is equal.
fn deciders(order: &[usize], keyed: &[Keyed<'_>]) -> std::collections::HashMap<usize, Decider> {
    let mut found = std::collections::HashMap::new();
    for (at, &m) in order.iter().enumerate() {
        let above = at.checked_sub(1).map(|i| order[i]);
        let below = order.get(at + 1).copied();
        let neighbour = [above, below].into_iter().flatten().find(|&other| keyed[other].0 == keyed[m].0);
        if let Some(other) = neighbour {
            let key = keyed[m].1.iter().zip(keyed[other].1).position(|(mine, theirs)| mine != theirs);
            found.insert(m, key.map_or(Decider::Chairman, Decider::Key));
        }
    }
    found
}

/// Groups equal totals (as ranges of `order`, with whether the group is resolved) and orders each group by
/// the chairman where one of his orders covers it.
fn group_ties(
    order: &mut [usize],
    keyed: &[Keyed<'_>],
    tie_orders: &[Vec<UnitCode>],
) -> Vec<(std::ops::Range<usize>, bool)> {
    let mut groups: Vec<(std::ops::Range<usize>, bool)> = Vec::new();
    for (at, &index) in order.iter().enumerate() {
        match groups.last_mut() {
            Some((members, _))
                if keyed[order[members.start]].0 == keyed[index].0
                    && keyed[order[members.start]].1 == keyed[index].1 =>
            {
                members.end = at + 1;
            }
            _ => groups.push((at..at + 1, true)),
        }
    }
    for (members, resolved) in &mut groups {
        if members.len() < 2 {
            continue;
        }
        let members = &mut order[members.clone()];
        let covering =
            tie_orders.iter().find(|tie_order| members.iter().all(|&m| tie_order.contains(&keyed[m].2.unit)));
        match covering {
            Some(tie_order) => {
                members.sort_by_key(|&m| tie_order.iter().position(|u| *u == keyed[m].2.unit));
            }
            None => *resolved = false,
        }
    }
    groups
}

/// What the excellent quota makes of a unit that meets the excellent level's conditions, at `rank`: waiting
/// for the chairman when its tie group straddles the quota line, excellent while places remain (taking one),
/// else the best level below.
fn quota_outcome(
    assessment: &Assessment,
    rank: usize,
    quota: usize,
    remaining: &mut usize,
    straddles: bool,
) -> (Outcome, Option<QuotaNote>) {
    if straddles {
        (Outcome::TiePending, Some(QuotaNote::TiePending { quota, remaining: *remaining, rank }))
    } else if *remaining > 0 {
        *remaining -= 1;
        (Outcome::Level(Level::Excellent), Some(QuotaNote::Within { nth: quota - *remaining, quota, rank }))
    } else {
        let fallback = assessment.best_below(Level::Excellent);
        (Outcome::Level(fallback), Some(QuotaNote::Beyond { rank, quota, fallback }))
    }
}
