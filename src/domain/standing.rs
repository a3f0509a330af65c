//! The round's standing kept up to date incrementally: every unit's evaluation and every bloc's ranking,
//! recomputed only where a change reaches (one unit, then its bloc), never the whole round.

use super::classification::Assessment;
use super::code::{BlocCode, UnitCode};
use super::evaluate::{BlocResult, Round, UnitEvaluation, evaluate_unit};
use super::ranking::{Candidate, QuotaTerms, RankShape, rank_bloc_shaped};
use super::regulation::Regulation;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Every unit's evaluation (by its index in `Round::units`) and every bloc's ranking (in the regulation's
/// bloc order, blocs without units left out — as `evaluate_round` gives them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Standing {
    evaluations: Vec<Option<UnitStanding>>,
    /// Each bloc's candidates as last evaluated, so a change replaces one instead of gathering them all again.
    candidates: BTreeMap<BlocCode, Vec<Candidate>>,
    /// Each bloc's candidates' tie-key values, beside `candidates`.
    tie_values: BTreeMap<BlocCode, Vec<Vec<Decimal>>>,
    /// Where each unit (by index) sits among its bloc's candidates.
    slots: Vec<Option<usize>>,
    /// The ranking of every bloc that has units, in the regulation's bloc order.
    results: Vec<BlocResult>,
}

/// What the standing keeps of a unit's evaluation: what ranking and approval read, not every criterion's
/// figures (a unit's full score is evaluated again in microseconds where it is shown).
#[derive(Debug, Clone, PartialEq)]
pub struct UnitStanding {
    /// Exact total.
    pub total: Decimal,
    /// Some applicable component is not appraised yet: the total takes self-scores there.
    pub provisional: bool,
    /// Applicable components not yet finally appraised.
    pub unappraised: usize,
    /// Shared with the bloc's ranking.
    pub assessment: Arc<Assessment>,
    /// Its value of each key of the regulation's tie-break chain.
    pub tie_values: Vec<Decimal>,
}

impl UnitStanding {
    /// What the standing keeps of an evaluation under this regulation.
    pub fn of(regulation: &Regulation, evaluation: UnitEvaluation) -> UnitStanding {
        let score = evaluation.score;
        UnitStanding {
            total: score.total,
            provisional: score.provisional,
            unappraised: score.applicable_count - score.appraised_count,
            tie_values: super::tie_keys::tie_values(regulation, &score),
            assessment: evaluation.assessment,
        }
    }
}

impl Standing {
    /// Evaluates every unit (split over the machine's cores) and ranks every bloc.
    pub fn new(regulation: &Regulation, round: &Round) -> Standing {
        let evaluations = evaluate_all(regulation, round);
        let mut candidates: BTreeMap<BlocCode, Vec<Candidate>> = BTreeMap::new();
        let mut tie_values: BTreeMap<BlocCode, Vec<Vec<Decimal>>> = BTreeMap::new();
        let mut slots = vec![None; round.units.len()];
        for ((unit, evaluation), slot) in round.units.iter().zip(&evaluations).zip(&mut slots) {
            if let Some(evaluation) = evaluation {
                let bloc = candidates.entry(unit.bloc.clone()).or_default();
                *slot = Some(bloc.len());
                bloc.push(candidate(&unit.code, evaluation));
                tie_values.entry(unit.bloc.clone()).or_default().push(evaluation.tie_values.clone());
            }
        }
        let mut standing = Standing { evaluations, candidates, tie_values, slots, results: Vec::new() };
        for bloc in &regulation.blocs {
            standing.rerank(regulation, round, &bloc.code);
        }
        standing
    }

    /// The ranking of every bloc that has units, in the regulation's bloc order.
    pub fn results(&self) -> &[BlocResult] {
        &self.results
    }

    /// Every bloc's result, taken out of the standing.
    pub fn into_results(self) -> Vec<BlocResult> {
        self.results
    }

    /// The standing of the unit at `index` in `Round::units`.
    pub fn evaluation(&self, index: usize) -> Option<&UnitStanding> {
        self.evaluations.get(index).and_then(Option::as_ref)
    }

    /// After the record of the unit at `index` changed (a score, a fact, a grade): re-evaluates that unit
    /// and re-ranks its bloc. The round must hold the same units as when the standing was made.
    pub fn unit_changed(&mut self, regulation: &Regulation, round: &Round, index: usize) {
        let Some(unit) = round.units.get(index) else { return };
        let evaluation = evaluate_unit(regulation, unit).map(|e| UnitStanding::of(regulation, e));
        let slot = self.slots.get(index).copied().flatten();
        match (&evaluation, slot, self.candidates.get_mut(&unit.bloc)) {
            (Some(evaluation), Some(slot), Some(bloc)) if slot < bloc.len() && bloc[slot].unit == unit.code => {
                bloc[slot] = candidate(&unit.code, evaluation);
                if let Some(values) = self.tie_values.get_mut(&unit.bloc).and_then(|v| v.get_mut(slot)) {
                    values.clone_from(&evaluation.tie_values);
                }
            }
            // The unit entered or left its bloc's ranking: gather the bloc's candidates again.
            _ => {
                if let Some(stored) = self.evaluations.get_mut(index) {
                    stored.clone_from(&evaluation);
                }
                self.gather(round, &unit.bloc);
            }
        }
        if let Some(stored) = self.evaluations.get_mut(index) {
            *stored = evaluation;
        }
        self.rerank(regulation, round, &unit.bloc);
    }

    /// Collects a bloc's candidates from the units' evaluations.
    fn gather(&mut self, round: &Round, bloc: &BlocCode) {
        let mut gathered = Vec::new();
        let mut values = Vec::new();
        for (index, (unit, evaluation)) in round.units.iter().zip(&self.evaluations).enumerate() {
            if unit.bloc != *bloc {
                continue;
            }
            let slot = evaluation.as_ref().map(|evaluation| {
                gathered.push(candidate(&unit.code, evaluation));
                values.push(evaluation.tie_values.clone());
                gathered.len() - 1
            });
            if let Some(stored) = self.slots.get_mut(index) {
                *stored = slot;
            }
        }
        self.candidates.insert(bloc.into(), gathered);
        self.tie_values.insert(bloc.into(), values);
    }

    /// Ranks one bloc again from its candidates (after a unit changed, or the chairman ordered a tie).
    pub fn rerank(&mut self, regulation: &Regulation, round: &Round, bloc: &BlocCode) {
        let Some(definition) = regulation.bloc(bloc) else { return };
        let no_candidates = Vec::new();
        let candidates = self.candidates.get(bloc).unwrap_or(&no_candidates);
        let position = self.results.iter().position(|r| r.bloc == *bloc);
        if candidates.is_empty() {
            if let Some(position) = position {
                self.results.remove(position);
            }
            return;
        }
        let cap = match (definition.excellent_cap, regulation.quota.cap) {
            (Some(bloc_cap), Some(cap)) => Some(bloc_cap.min(cap)),
            (bloc_cap, cap) => bloc_cap.or(cap),
        };
        let terms = QuotaTerms {
            rate: regulation.quota.rate,
            cap,
            official_decimals: regulation.official_decimals,
            tiebreak_decimals: regulation.tiebreak_decimals,
        };
        let exceptions = round.quota_exceptions.get(bloc).map(Vec::as_slice).unwrap_or(&[]);
        let shape = RankShape {
            base: regulation.quota.base,
            rounding: regulation.quota.rounding,
            keys: &regulation.tie_keys,
            exceptions,
            exception_article: regulation.quota.chairman_exception.as_deref(),
        };
        let no_values = Vec::new();
        let values = self.tie_values.get(bloc).unwrap_or(&no_values);
        let orders = round.tie_orders.get(bloc).map(Vec::as_slice).unwrap_or(&[]);
        let mut ranking = rank_bloc_shaped(candidates, values, &terms, &shape, orders);
        // An approved bloc shows its published result, not a ranking computed again (approved is approved).
        if let Some(published) = round.published.get(bloc) {
            super::published::apply_published(&mut ranking, published, regulation.rerating.as_deref());
        }
        let result = BlocResult { bloc: bloc.into(), ranking };
        if let Some(position) = position {
            self.results[position] = result;
        } else {
            // Keep the regulation's bloc order.
            let order = |code: &str| regulation.blocs.iter().position(|b| b.code == code);
            let at = self.results.iter().position(|r| order(&r.bloc) > order(bloc)).unwrap_or(self.results.len());
            self.results.insert(at, result);
        }
    }
}

fn candidate(code: &UnitCode, evaluation: &UnitStanding) -> Candidate {
    Candidate {
        unit: code.clone(),
        total: evaluation.total,
        provisional: evaluation.provisional,
        assessment: Arc::clone(&evaluation.assessment),
    }
}

/// Evaluates every unit, on two threads when the round is large enough to be worth it.
fn evaluate_all(regulation: &Regulation, round: &Round) -> Vec<Option<UnitStanding>> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(4);
    if round.units.len() < 512 || threads < 2 {
        return round
            .units
            .iter()
            .map(|unit| evaluate_unit(regulation, unit).map(|e| UnitStanding::of(regulation, e)))
            .collect();
    }
    let chunk = round.units.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = round
            .units
            .chunks(chunk)
            .map(|units| {
                scope.spawn(move || {
                    units
                        .iter()
                        .map(|unit| evaluate_unit(regulation, unit).map(|e| UnitStanding::of(regulation, e)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| match handle.join() {
                Ok(evaluations) => evaluations,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}
