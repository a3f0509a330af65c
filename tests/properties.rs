//! Properties that must hold for any scores: quota and caps, order versus totals, monotone levels, 100 at max.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod common;

use common::{bac_giang, candidate, full_entries, thai_nguyen, unit_at_max};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use thamdinh::domain::classification::Level;
use thamdinh::domain::evaluate::evaluate_unit;
use thamdinh::domain::facts::FactValue;
use thamdinh::domain::ranking::{Outcome, QuotaTerms, rank_bloc};
use thamdinh::domain::scoring::score_unit;

/// Totals with three decimals between 40 and 100, often equal to provoke ties.
fn totals() -> impl Strategy<Value = Vec<(u32, bool)>> {
    prop::collection::vec((prop_oneof![40_000u32..=100_000, Just(95_000), Just(91_500)], any::<bool>()), 0..40)
}

proptest! {
    #[test]
    fn quota_and_cap_are_never_exceeded(units in totals(), cap in prop::option::of(0u32..6)) {
        let candidates: Vec<_> = units
            .iter()
            .enumerate()
            .map(|(i, (total, excellent))| candidate(&format!("u{i:02}"), &Decimal::new(i64::from(*total), 3).to_string(), *excellent))
            .collect();
        let terms = QuotaTerms { rate: Decimal::new(2, 1), cap, official_decimals: 2, tiebreak_decimals: 3 };
        let ranking = rank_bloc(&candidates, &terms, &[]);
        let excellent = ranking.units.iter().filter(|u| u.outcome == Outcome::Level(Level::Excellent)).count();
        prop_assert!(excellent <= ranking.quota);
        prop_assert!(ranking.quota <= ranking.eligible / 5);
        if let Some(cap) = cap {
            prop_assert!(ranking.quota <= cap as usize);
        }
    }

    #[test]
    fn ranking_order_never_contradicts_totals(units in totals()) {
        let candidates: Vec<_> = units
            .iter()
            .enumerate()
            .map(|(i, (total, excellent))| candidate(&format!("u{i:02}"), &Decimal::new(i64::from(*total), 3).to_string(), *excellent))
            .collect();
        let terms = QuotaTerms { rate: Decimal::new(2, 1), cap: Some(4), official_decimals: 2, tiebreak_decimals: 3 };
        let ranking = rank_bloc(&candidates, &terms, &[]);
        prop_assert_eq!(ranking.units.len(), candidates.len());
        for pair in ranking.units.windows(2) {
            let (upper, lower) = (&pair[0], &pair[1]);
            prop_assert!((upper.official_total, upper.tiebreak_total) >= (lower.official_total, lower.tiebreak_total));
            prop_assert!(upper.rank <= lower.rank);
            if upper.rank == lower.rank {
                prop_assert_eq!((upper.official_total, upper.tiebreak_total), (lower.official_total, lower.tiebreak_total));
            }
        }
    }

    #[test]
    fn lowering_one_score_never_raises_the_level(
        deductions in prop::collection::vec((0usize..60, 0u32..=100), 0..12),
        lowered in 0usize..60,
        cut in 1u32..=100,
        discipline in 0usize..3,
        outstanding in any::<bool>(),
        force_majeure in any::<bool>(),
    ) {
        let regulation = thai_nguyen();
        let mut unit = unit_at_max(&regulation, "u", "so-nganh", None);
        let codes: Vec<String> = unit.entries.keys().map(ToString::to_string).collect();
        let scale = |max: Decimal, percent: u32| max * Decimal::new(i64::from(percent), 2);
        for (index, percent) in deductions {
            let code = &codes[index % codes.len()];
            let entry = unit.entries.get_mut(code).unwrap();
            entry.appraised_score = Some(scale(entry.self_score.unwrap(), percent));
        }
        unit.facts.insert("discipline".into(), FactValue::Choice(["none", "remedied", "yes"][discipline].into()));
        unit.facts.insert("outstanding".into(), FactValue::Bool(outstanding));
        unit.facts.insert("force_majeure".into(), FactValue::Bool(force_majeure));
        let before = evaluate_unit(&regulation, &unit).unwrap();
        let code = &codes[lowered % codes.len()];
        let entry = unit.entries.get_mut(code).unwrap();
        let current = entry.appraised_score.unwrap();
        entry.appraised_score = Some((current - scale(entry.self_score.unwrap(), cut)).max(Decimal::ZERO));
        let after = evaluate_unit(&regulation, &unit).unwrap();
        prop_assert!(after.score.total <= before.score.total);
        prop_assert!(after.assessment.level <= before.assessment.level,
            "{:?} → {:?}", before.assessment.level, after.assessment.level);
    }

    #[test]
    fn any_set_of_not_applicable_items_at_max_still_totals_100(mask in prop::collection::vec(any::<bool>(), 70), group in 0usize..17) {
        let regulation = bac_giang();
        let group = &regulation.groups[group];
        let framework = &regulation.frameworks[group.framework];
        let mut entries = full_entries(framework);
        for (entry, out) in entries.values_mut().zip(mask) {
            if out {
                *entry = thamdinh::domain::scoring::ComponentScore { applicable: false, ..Default::default() };
            }
        }
        let score = score_unit(framework, &entries, None, &BTreeMap::new());
        if score.applicable_count > 0 {
            prop_assert_eq!(score.total, Decimal::ONE_HUNDRED);
        }
    }
}

#[test]
fn every_framework_scored_at_max_totals_exactly_100() {
    for regulation in [thai_nguyen(), bac_giang()] {
        for framework in &regulation.frameworks {
            let score = score_unit(framework, &full_entries(framework), regulation.grades.as_ref(), &BTreeMap::new());
            assert_eq!(score.total, Decimal::ONE_HUNDRED, "{} {}", regulation.id, framework.key);
            assert!(!score.provisional);
        }
    }
}

/// A round of `units` Thái Nguyên units over the blocs, every component at max, facts at their defaults.
fn thai_nguyen_round(units: usize) -> (thamdinh::domain::regulation::Regulation, thamdinh::domain::evaluate::Round) {
    let regulation = common::thai_nguyen();
    let blocs: Vec<String> = regulation.blocs.iter().map(|b| b.code.to_string()).collect();
    let units = (0..units)
        .map(|i| common::unit_at_max(&regulation, &format!("u{i:03}"), &blocs[i % blocs.len()], None))
        .collect();
    (regulation, thamdinh::domain::evaluate::Round { year: 2024, units, ..Default::default() })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Recomputing only the changed unit and its bloc gives exactly the full recompute, edit after edit.
    #[test]
    fn the_incremental_standing_equals_a_full_recompute(
        edits in prop::collection::vec((0usize..24, 0usize..200, 0u32..=100, any::<bool>()), 1..30)
    ) {
        use thamdinh::domain::evaluate::evaluate_round;
        use thamdinh::domain::facts::FactValue;
        use thamdinh::domain::standing::Standing;
        let (regulation, mut round) = thai_nguyen_round(24);
        let mut standing = Standing::new(&regulation, &round);
        prop_assert_eq!(standing.results().to_vec(), evaluate_round(&regulation, &round));
        for (unit, component, percent, discipline) in edits {
            let record = &mut round.units[unit];
            let codes: Vec<String> = record.entries.keys().map(ToString::to_string).collect();
            let code = &codes[component % codes.len()];
            let entry = record.entries.get_mut(code).unwrap();
            let max = regulation
                .framework_for(&record.bloc, None)
                .and_then(|f| f.component(code))
                .map(|p| p.component.max)
                .unwrap();
            // A score in [0, max] in steps of a hundredth of max, rounded to 2 decimals as the council writes.
            let value = thamdinh::domain::score::round_half_away(max * rust_decimal::Decimal::from(percent) / rust_decimal::Decimal::from(100), 2);
            entry.appraised_score = Some(value);
            entry.deduction_reason = "sửa".into();
            if discipline {
                record.facts.insert("discipline".into(), FactValue::Choice("yes".into()));
            }
            standing.unit_changed(&regulation, &round, unit);
            prop_assert_eq!(standing.results().to_vec(), evaluate_round(&regulation, &round));
        }
    }
}
