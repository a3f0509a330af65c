//! Quota, caps, ties and the chairman's order inside one bloc (SPEC "Quota and order").
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod common;

use common::{candidate, d};
use thamdinh::domain::classification::Level;
use thamdinh::domain::ranking::{Outcome, QuotaTerms, excellent_quota, rank_bloc};
use thamdinh::messages::Lang;
use thamdinh::messages::reasons::quota_note;

fn terms(cap: Option<u32>) -> QuotaTerms {
    QuotaTerms { rate: d("0.2"), cap, official_decimals: 2, tiebreak_decimals: 3 }
}

fn outcomes(ranking: &thamdinh::domain::ranking::BlocRanking) -> Vec<(String, usize, &'static str)> {
    ranking.units.iter().map(|u| (u.unit.to_string(), u.rank, u.outcome.slug())).collect()
}

#[test]
fn quota_is_the_floor_of_twenty_percent_of_eligible() {
    assert_eq!(excellent_quota(5, &terms(None)), 1);
    assert_eq!(excellent_quota(4, &terms(None)), 0);
    assert_eq!(excellent_quota(9, &terms(None)), 1);
    assert_eq!(excellent_quota(10, &terms(None)), 2);
    assert_eq!(excellent_quota(0, &terms(None)), 0);
}

#[test]
fn the_bloc_cap_limits_the_quota() {
    // 20 eligible departments → 4 by rate, cap 4; 30 → 6 by rate, still 4.
    assert_eq!(excellent_quota(20, &terms(Some(4))), 4);
    assert_eq!(excellent_quota(30, &terms(Some(4))), 4);
    assert_eq!(excellent_quota(30, &terms(Some(1))), 1);
    assert_eq!(excellent_quota(30, &terms(None)), 6);
}

#[test]
fn excellent_candidates_take_the_quota_from_the_top_and_the_rest_are_good() {
    let units = [
        candidate("a", "95", true),
        candidate("b", "96", true),
        candidate("c", "80", false),
        candidate("d", "91", true),
        candidate("e", "75", false),
        candidate("f", "74", false),
        candidate("g", "73", false),
        candidate("h", "72", false),
        candidate("i", "71", false),
        candidate("j", "70", false),
    ];
    let ranking = rank_bloc(&units, &terms(Some(4)), &[]);
    assert_eq!(ranking.eligible, 10);
    assert_eq!(ranking.quota, 2);
    let got = outcomes(&ranking);
    assert_eq!(got[0], ("b".into(), 1, "excellent"));
    assert_eq!(got[1], ("a".into(), 2, "excellent"));
    assert_eq!(got[2], ("d".into(), 3, "good"));
    let note = ranking.units[2]
        .quota_note
        .as_ref()
        .map(|note| quota_note(&thamdinh::domain::regulation::LevelNames::default(), note, Lang::Vi));
    assert!(note.is_some_and(|note| note.contains("ngoài chỉ tiêu của khối (2 đơn vị, đã hết)")));
}

#[test]
fn equal_at_two_decimals_is_decided_at_three() {
    let units = [candidate("a", "93.444", false), candidate("b", "93.4449", false), candidate("c", "93.441", false)];
    let ranking = rank_bloc(&units, &terms(None), &[]);
    // All are 93.44 officially; 3 decimals: b 93.445, a 93.444, c 93.441.
    assert!(ranking.units.iter().all(|u| u.official_total.to_string() == "93.44"));
    assert_eq!(
        outcomes(&ranking).iter().map(|o| (o.0.as_str(), o.1)).collect::<Vec<_>>(),
        [("b", 1), ("a", 2), ("c", 3)]
    );
    assert!(ranking.tie_groups.is_empty());
}

#[test]
fn equal_at_three_decimals_share_a_rank_until_the_chairman_orders_them() {
    let units = [candidate("x", "88", false), candidate("a", "90.1234", false), candidate("b", "90.1231", false)];
    let ranking = rank_bloc(&units, &terms(None), &[]);
    assert_eq!(outcomes(&ranking).iter().map(|o| o.1).collect::<Vec<_>>(), [1, 1, 3]);
    assert_eq!(ranking.unresolved_ties().count(), 1);

    let ordered = rank_bloc(&units, &terms(None), &[vec!["b".into(), "a".into()]]);
    assert_eq!(
        outcomes(&ordered).iter().map(|o| (o.0.as_str(), o.1)).collect::<Vec<_>>(),
        [("b", 1), ("a", 2), ("x", 3)]
    );
    assert_eq!(ordered.unresolved_ties().count(), 0);
}

#[test]
fn a_tie_straddling_the_quota_line_is_pending_until_ordered() {
    // Five eligible → quota 1; two excellent candidates tie for it.
    let units = [
        candidate("a", "95.5", true),
        candidate("b", "95.5", true),
        candidate("c", "80", false),
        candidate("d", "79", false),
        candidate("e", "78", false),
    ];
    let ranking = rank_bloc(&units, &terms(Some(4)), &[]);
    assert_eq!(ranking.quota, 1);
    assert_eq!(ranking.units[0].outcome, Outcome::TiePending);
    assert_eq!(ranking.units[1].outcome, Outcome::TiePending);
    assert_eq!(ranking.units[0].rank, 1);
    assert_eq!(ranking.units[1].rank, 1);
    assert!(ranking.tie_groups[0].straddles_quota);

    let ordered = rank_bloc(&units, &terms(Some(4)), &[vec!["b".into(), "a".into()]]);
    assert_eq!(outcomes(&ordered)[0], ("b".into(), 1, "excellent"));
    assert_eq!(outcomes(&ordered)[1], ("a".into(), 2, "good"));
}

#[test]
fn a_tie_inside_the_quota_is_not_pending() {
    let mut units: Vec<_> = (0..10).map(|i| candidate(&format!("u{i}"), &format!("{}", 70 + i), false)).collect();
    units.push(candidate("a", "97", true));
    units.push(candidate("b", "97", true));
    let ranking = rank_bloc(&units, &terms(Some(4)), &[]);
    assert_eq!(ranking.quota, 2);
    assert_eq!(ranking.units[0].outcome, Outcome::Level(Level::Excellent));
    assert_eq!(ranking.units[1].outcome, Outcome::Level(Level::Excellent));
    assert_eq!(ranking.unresolved_ties().count(), 1, "still a shared rank for the chairman to order");
}

#[test]
fn official_total_is_rounded_half_away_from_zero() {
    let units = [candidate("a", "93.445", false), candidate("b", "89.995", false)];
    let ranking = rank_bloc(&units, &terms(None), &[]);
    assert_eq!(ranking.units[0].official_total.to_string(), "93.45");
    assert_eq!(ranking.units[0].tiebreak_total.to_string(), "93.445");
    assert_eq!(ranking.units[1].official_total.to_string(), "90.00");
    assert_eq!(ranking.units[1].tiebreak_total.to_string(), "89.995");
}

/// Issue 22 item 5: the quota line goes after the unit that holds the quota, not after row `quota`: with the
/// top-ranked unit short of the excellent conditions, the line sits below the excellent unit at rank 2.
#[test]
fn the_quota_line_goes_after_the_unit_that_holds_the_quota() {
    let units = [
        candidate("a", "96", false),
        candidate("b", "95", true),
        candidate("c", "80", false),
        candidate("d", "75", false),
        candidate("e", "72", false),
    ];
    let ranking = rank_bloc(&units, &terms(None), &[]);
    assert_eq!(ranking.quota, 1);
    assert_eq!(ranking.units[1].outcome, Outcome::Level(Level::Excellent));
    assert_eq!(ranking.quota_line_after(), Some(1));
    // Nobody meeting the conditions: no line at all, even with a quota of 1.
    let units = [candidate("a", "96", false), candidate("b", "95", false), candidate("c", "80", false)];
    let mut none = rank_bloc(&units, &terms(None), &[]);
    none.quota = 1;
    assert_eq!(none.quota_line_after(), None);
    // The line follows the excellent units, whatever their number.
    let units = [
        candidate("a", "99", true),
        candidate("b", "98", false),
        candidate("c", "97", true),
        candidate("d", "90", true),
        candidate("e", "85", false),
        candidate("f", "84", false),
        candidate("g", "83", false),
        candidate("h", "82", false),
        candidate("i", "81", false),
        candidate("j", "80", false),
    ];
    let ranking = rank_bloc(&units, &terms(None), &[]);
    assert_eq!(ranking.quota, 2);
    assert_eq!(ranking.quota_line_after(), Some(2));
}
