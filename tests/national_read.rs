//! A national-size round (over 2 000 units) is read in two halves on their own connections, with its documents
//! counted alongside; what the interface holds must be exactly the store's round, less the explanations that it
//! reads unit by unit.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod common;

use std::collections::BTreeMap;
use thamdinh::domain::evaluate::{Round, UnitRecord};
use thamdinh::domain::evidence::EvidenceCounts;

#[test]
fn a_large_round_read_in_parts_is_the_round_as_stored() {
    let dir = tempfile::tempdir().unwrap();
    let store = thamdinh::demo::create(&dir.path().join("large.db"), "thai-nguyen-2024", 2024, Some(2_100), 7).unwrap();
    let full = store.load_round().unwrap();
    let (held, counts) = store.load_round_for_interface().unwrap();
    assert_eq!(held.units.len(), 2_100);

    // The same units, scores, facts and overrides, in the same order; only the explanations are left out.
    let mut without_explanations = full.clone();
    for unit in &mut without_explanations.units {
        for entry in unit.entries.values_mut() {
            entry.explanation = Box::default();
        }
    }
    assert_eq!(held, without_explanations);
    assert!(full.units.iter().flat_map(|u| u.entries.values()).any(|e| !e.explanation.is_empty()));

    // A unit's explanations, read when it is shown, are those the whole read has.
    for unit in [&full.units[3], &full.units[1_500]] {
        let read: BTreeMap<String, String> = store.explanations_of(&unit.code).unwrap().into_iter().collect();
        let stored: BTreeMap<String, String> = unit
            .entries
            .iter()
            .filter(|(_, e)| !e.explanation.is_empty())
            .map(|(code, e)| (code.to_string(), e.explanation.to_string()))
            .collect();
        assert!(!read.is_empty());
        assert_eq!(read, stored, "{}", unit.code);
    }

    // Documents counted alongside the read are the documents stored, unit by unit and code by code.
    let mut stored: BTreeMap<(String, String), u32> = BTreeMap::new();
    for row in store.all_evidence().unwrap() {
        *stored.entry((row.unit.into_string(), row.criterion)).or_default() += 1;
    }
    assert!(stored.len() > 2_100);
    let regulation = store.regulation();
    for (index, unit) in held.units.iter().enumerate() {
        let framework = regulation.framework_for(&unit.bloc, unit.group.as_deref()).unwrap();
        for code in framework.evidence_codes() {
            let expected = stored.get(&(unit.code.to_string(), code.to_string())).copied().unwrap_or(0);
            assert_eq!(counts.count(index, code), expected, "{} {code}", unit.code);
        }
    }
}

#[test]
fn documents_are_counted_by_unit_and_code_and_a_code_outside_the_framework_is_not() {
    let regulation = common::thai_nguyen();
    let unit = |code: &str, bloc: &str| UnitRecord { code: code.into(), bloc: bloc.into(), ..UnitRecord::default() };
    let round = Round { units: vec![unit("snv", "so-nganh"), unit("dvx", "no-such-bloc")], ..Round::default() };
    let mut counts = EvidenceCounts::new(&regulation, &round);
    counts.add(0, "III.7", 2);
    counts.add(0, "III", 1);
    counts.add(0, "III.7", 1);
    counts.add(0, "XX.1", 5);
    counts.add(1, "III.7", 4);
    assert_eq!((counts.count(0, "III.7"), counts.count(0, "III"), counts.count(0, "III.8")), (3, 1, 0));
    assert_eq!(counts.count(0, "XX.1"), 0, "not a code of the unit's framework");
    assert_eq!(counts.count(1, "III.7"), 0, "a unit without a framework has no codes");
    counts.clear_unit(0);
    assert_eq!(counts.count(0, "III.7"), 0);
}
