//! The quota's shapes (base, rounding, caps, from the units the bloc has now) and the tie-break chain (a part's
//! total, a criterion's score, then the chairman), written in a regulation's data and nowhere in the code.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod common;

use common::{appraise, unit_at_max};
use thamdinh::domain::evaluate::{Round, evaluate_round};
use thamdinh::domain::loader::load_regulation;
use thamdinh::domain::regulation::Regulation;
use thamdinh::domain::tie_keys::{Decider, QuotaBase, QuotaRounding, quota_of};
use thamdinh::store::catalog;

/// Thái Nguyên's data with `regulation.toml` edited: each `(from, to)` replaced once.
fn edited(changes: &[(&str, &str)]) -> Result<Regulation, String> {
    let mut files = catalog::files("thai-nguyen-2024").unwrap();
    let text = files.get_mut("regulation.toml").unwrap();
    for (from, to) in changes {
        assert!(text.contains(from), "{from}");
        *text = text.replacen(from, to, 1);
    }
    load_regulation("thai-nguyen-2024", &files).map_err(|e| e.to_string())
}

const FIFTEEN_UP_OF_ALL: (&str, &str) = ("rate = \"0.2\"", "rate = \"0.15\"\nbase = \"all\"\nrounding = \"up\"");

#[test]
fn fifteen_percent_of_all_units_rounded_up_is_not_zero() {
    let rate = common::d("0.15");
    // The synthetic text's blocs: 12, 5, 14 and 2 units give 2, 1, 3 and 1 (the bare rate gave 0 each).
    let got: Vec<usize> =
        [12, 5, 14, 2].iter().map(|&n| quota_of(rate, QuotaBase::All, QuotaRounding::Up, None, n, 0)).collect();
    assert_eq!(got, [2, 1, 3, 1]);
    // Both seeds: of the eligible units, rounded down, under the cap.
    assert_eq!(quota_of(common::d("0.2"), QuotaBase::Eligible, QuotaRounding::Down, Some(4), 30, 14), 2);
    assert_eq!(quota_of(common::d("0.2"), QuotaBase::Eligible, QuotaRounding::Down, Some(1), 30, 14), 1);
}

#[test]
fn the_quota_follows_the_units_the_bloc_has_now() {
    let regulation = edited(&[FIFTEEN_UP_OF_ALL]).unwrap();
    assert_eq!(regulation.quota.base, QuotaBase::All);
    let mut round = Round { year: 2024, ..Round::default() };
    // Thirteen units of "so-nganh" (cap 4 in blocs.toml), one of them weak.
    for n in 0..13 {
        let mut unit = unit_at_max(&regulation, &format!("s{n:02}"), "so-nganh", None);
        if n == 0 {
            for code in ["I.1", "I.2", "III.2", "V.5"] {
                appraise(&mut unit, code, "0");
            }
        }
        round.units.push(unit);
    }
    let quota = |round: &Round| evaluate_round(&regulation, round)[0].ranking.quota;
    // 15 % of 13 = 1.95 → 2, counting the weak unit too (the base is every unit, not the eligible ones).
    assert_eq!(quota(&round), 2);
    round.units.push(unit_at_max(&regulation, "s13", "so-nganh", None));
    assert_eq!(quota(&round), 3, "15 % of 14 = 2.1, rounded up: adding a unit moves the quota");
    for n in 14..40 {
        round.units.push(unit_at_max(&regulation, &format!("s{n:02}"), "so-nganh", None));
    }
    assert_eq!(quota(&round), 4, "so-nganh's cap of 4 still applies");
    // A regulation-wide cap applies beside the bloc's.
    let capped = edited(&[FIFTEEN_UP_OF_ALL, ("rounding = \"up\"", "rounding = \"up\"\ncap = 3")]).unwrap();
    assert_eq!(evaluate_round(&capped, &round)[0].ranking.quota, 3);
    // The seed's own rule on the same round: 20 % of the eligible units, down.
    let seed = common::thai_nguyen();
    let ranking = &evaluate_round(&seed, &round)[0].ranking;
    assert_eq!(ranking.quota, (ranking.eligible / 5).min(4));
}

#[test]
fn ties_are_broken_by_a_part_then_a_criterion_then_the_chairman() {
    let regulation = edited(&[("tiebreak_decimals = 3", "tie_keys = [\"part:ND-II\", \"criterion:I\"]")]).unwrap();
    let mut round = Round { year: 2024, ..Round::default() };
    // All four at 99: a loses a point in part ND-II, the others in part ND-I (c in criterion I, b and d in III).
    for (code, component, score) in [("a", "VI.2", "1"), ("b", "III.2", "3"), ("c", "I.1", "3"), ("d", "III.2", "3")] {
        let mut unit = unit_at_max(&regulation, code, "so-nganh", None);
        appraise(&mut unit, component, score);
        round.units.push(unit);
    }
    let ranking = evaluate_round(&regulation, &round).remove(0).ranking;
    let order: Vec<&str> = ranking.units.iter().map(|u| u.unit.as_str()).collect();
    assert_eq!(order, ["b", "d", "c", "a"], "Part ND-II first (a last), then criterion I (c below b and d)");
    let decided: Vec<Option<Decider>> = ranking.units.iter().map(|u| u.decided_by.clone()).collect();
    assert_eq!(
        decided,
        [Some(Decider::Chairman), Some(Decider::Chairman), Some(Decider::Key(1)), Some(Decider::Key(0))]
    );
    assert_eq!(ranking.unresolved_ties().count(), 1, "b and d wait for the chairman");
    assert_eq!(ranking.unresolved_ties().next().unwrap().units, ["b", "d"]);
    // Without the chain (the seed's three decimals) all four tie and wait for the chairman.
    let seed = evaluate_round(&common::thai_nguyen(), &round).remove(0).ranking;
    assert_eq!(seed.unresolved_ties().next().unwrap().units.len(), 4);
}

#[test]
fn bad_quota_and_tie_keys_are_refused_naming_file_line_and_key() {
    let error = edited(&[("rate = \"0.2\"", "rate = \"1.5\"")]).unwrap_err();
    assert!(error.starts_with("thai-nguyen-2024/regulation.toml:48:"), "{error}");
    assert!(error.contains("quota.rate"), "{error}");
    let error = edited(&[("rate = \"0.2\"", "rate = \"0.2\"\nrounding = \"nearest\"")]).unwrap_err();
    assert!(error.contains("quota.rounding") && error.contains("nearest"), "{error}");
    let error = edited(&[("tiebreak_decimals = 3", "tie_keys = [\"part:ND-IX\"]")]).unwrap_err();
    assert!(error.starts_with("thai-nguyen-2024/regulation.toml:9:"), "{error}");
    assert!(error.contains("tie_keys") && error.contains("part:ND-IX"), "{error}");
    let error = edited(&[("tiebreak_decimals = 3", "tie_keys = [\"phan:B\"]")]).unwrap_err();
    assert!(error.contains("tie_keys") && error.contains("phan:B"), "{error}");
}
