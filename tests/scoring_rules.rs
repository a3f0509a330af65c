//! Totals of one unit under the real frameworks: rounding, not applicable, part C transfers, leaders, provisional.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod common;

use common::{appraise, bac_giang, d, not_applicable, thai_nguyen, unit_at_max};
use thamdinh::domain::evaluate::evaluate_unit;
use thamdinh::domain::score::round_half_away;

#[test]
fn a_unit_scored_at_max_totals_100_and_is_final() {
    let regulation = thai_nguyen();
    let unit = unit_at_max(&regulation, "snv", "so-nganh", None);
    let evaluation = evaluate_unit(&regulation, &unit).unwrap();
    assert_eq!(evaluation.score.total, d("100"));
    assert!(!evaluation.score.provisional);
}

#[test]
fn deductions_sum_exactly_and_round_half_away_from_zero() {
    let regulation = thai_nguyen();
    let mut unit = unit_at_max(&regulation, "snv", "so-nganh", None);
    common::deduct_to_89_995(&mut unit);
    let total = evaluate_unit(&regulation, &unit).unwrap().score.total;
    assert_eq!(total, d("89.995"));
    assert_eq!(round_half_away(total, 2).to_string(), "90.00");
    appraise(&mut unit, "II.1", "2.9945");
    let total = evaluate_unit(&regulation, &unit).unwrap().score.total;
    assert_eq!(round_half_away(total, 2).to_string(), "89.99");
    assert_eq!(round_half_away(total, 3).to_string(), "89.995", "89.9945 is 89.995 at three decimals");
}

#[test]
fn provisional_total_uses_appraised_then_self_score_then_zero() {
    let regulation = thai_nguyen();
    let mut unit = unit_at_max(&regulation, "snv", "so-nganh", None);
    let entry = unit.entries.get_mut("III.7").unwrap(); // max 3
    entry.appraised_score = None;
    entry.self_score = Some(d("2.5"));
    unit.entries.remove("III.2"); // max 4, nothing entered
    let score = evaluate_unit(&regulation, &unit).unwrap().score;
    assert!(score.provisional);
    assert_eq!(score.total, d("95.5"));
    assert_eq!(score.applicable_count - score.appraised_count, 2);
}

#[test]
fn group_one_is_the_mean_of_the_leaders_scores() {
    let regulation = thai_nguyen();
    let mut unit = unit_at_max(&regulation, "snv", "so-nganh", None);
    let entry = unit.entries.get_mut("I.1").unwrap();
    entry.appraised_score = None;
    entry.leader_scores = [("a", d("4")), ("b", d("3")), ("c", d("3"))].map(|(l, s)| (l.to_string(), s)).into();
    let score = evaluate_unit(&regulation, &unit).unwrap().score;
    // 96 + 10/3
    assert_eq!(round_half_away(score.total, 3).to_string(), "99.333");
    assert!(!score.provisional);
}

#[test]
fn a_not_applicable_item_moves_its_points_to_the_rest_of_its_criterion() {
    // A.2 (10 points): items 3, 4, 3. Item A.2.1 (3) out: 7 scored of 7 → 10.
    let regulation = bac_giang();
    let mut unit = unit_at_max(&regulation, "snv", "tap-the", Some("XII"));
    not_applicable(&mut unit, "A.2.1");
    let score = evaluate_unit(&regulation, &unit).unwrap().score;
    assert_eq!(score.criterion("A.2").unwrap().score, Some(d("10")));
    assert_eq!(score.total, d("100"));
    // 5.6 of 7 → 8.
    appraise(&mut unit, "A.2.2", "2.6");
    let score = evaluate_unit(&regulation, &unit).unwrap().score;
    assert_eq!(score.criterion("A.2").unwrap().score, Some(d("8")));
    assert_eq!(score.total, d("98"));
}

#[test]
fn part_b_keeps_its_50_points_when_a_criterion_is_out() {
    // Group XII part B: 6,6,6,6,6,5,5,5,5. B.1 out; the rest at 80 % → 44 × 0.8 / 44 × 50 = 40.
    let regulation = bac_giang();
    let mut unit = unit_at_max(&regulation, "snv", "tap-the", Some("XII"));
    not_applicable(&mut unit, "B.1");
    for code in ["B.2", "B.3", "B.4", "B.5"] {
        appraise(&mut unit, code, "4.8");
    }
    for code in ["B.6", "B.7", "B.8", "B.9"] {
        appraise(&mut unit, code, "4");
    }
    let score = evaluate_unit(&regulation, &unit).unwrap().score;
    assert_eq!(score.criterion("B.1").unwrap().score, None);
    assert_eq!(score.total, d("90"));
}

#[test]
fn part_c_criterion_wholly_out_transfers_to_criterion_one() {
    let regulation = bac_giang();
    let mut unit = unit_at_max(&regulation, "snv", "tap-the", Some("XII"));
    not_applicable(&mut unit, "C.2.1");
    not_applicable(&mut unit, "C.2.2");
    let score = evaluate_unit(&regulation, &unit).unwrap().score;
    assert_eq!(score.criterion("C.1").unwrap().max, d("7"));
    assert_eq!(score.criterion("C.1").unwrap().score, Some(d("7")));
    assert_eq!(score.total, d("100"));
    // Both C.2 and C.3 out: C.1 carries 10. C.1 items 1 + 2 of 2 + 2 → 3/4 × 10 = 7.5.
    not_applicable(&mut unit, "C.3.1");
    not_applicable(&mut unit, "C.3.2");
    appraise(&mut unit, "C.1.1", "1");
    let score = evaluate_unit(&regulation, &unit).unwrap().score;
    assert_eq!(score.criterion("C.1").unwrap().max, d("10"));
    assert_eq!(score.criterion("C.1").unwrap().score, Some(d("7.5")));
    assert_eq!(score.total, d("97.5"));
}

#[test]
fn part_c_criterion_with_one_item_out_gives_the_other_its_full_points() {
    let regulation = bac_giang();
    let mut unit = unit_at_max(&regulation, "snv", "tap-the", Some("XII"));
    not_applicable(&mut unit, "C.2.1");
    let score = evaluate_unit(&regulation, &unit).unwrap().score;
    assert_eq!(score.criterion("C.2").unwrap().score, Some(d("3")));
    assert_eq!(score.criterion("C.1").unwrap().max, d("4"));
    appraise(&mut unit, "C.2.2", "1");
    let score = evaluate_unit(&regulation, &unit).unwrap().score;
    assert_eq!(score.criterion("C.2").unwrap().score, Some(d("1.5")));
}
