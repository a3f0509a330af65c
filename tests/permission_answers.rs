//! The permission rules asked without a refusal (the queue asks them of every component of a national round,
//! the import of every row) answer exactly as the rules that word the refusal, for every role, every agency and
//! every component of every regulation in `data/`.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use std::cell::Cell;
use thamdinh::domain::loader::load_regulation;
use thamdinh::domain::permissions::{
    Actor, Role, SelfAssessmentState, appraisal_entry, comments, may_appraise, may_comment, may_self_assess,
    may_self_assess_with,
};
use thamdinh::store::catalog;

const REGULATIONS: [&str; 2] = ["thai-nguyen-2024", "bac-giang-453"];

fn actors(agencies: &[String]) -> Vec<Actor> {
    let mut actors = Vec::new();
    for role in Role::USER_ROLES.into_iter().chain([Role::ServiceAccount]) {
        for agency in agencies.iter().map(|a| Some(a.clone())).chain([None]) {
            for unit in [None, Some("u1".into())] {
                actors.push(Actor { name: "x".into(), role, agency: agency.clone(), unit, leaders_name: None });
            }
        }
    }
    actors
}

#[test]
fn the_queue_asks_appraise_and_comment_as_the_refusals_rule() {
    let mut asked = 0;
    for folder in REGULATIONS {
        let regulation = load_regulation(folder, &catalog::files(folder).unwrap()).unwrap();
        let agencies: Vec<String> = regulation.agencies.iter().map(|a| a.code.clone()).collect();
        let actors = actors(&agencies);
        for framework in &regulation.frameworks {
            for place in framework.components() {
                for actor in &actors {
                    assert_eq!(
                        appraisal_entry(actor, &place),
                        may_appraise(actor, &place, &"u1".into()).ok(),
                        "{actor:?}"
                    );
                    assert_eq!(comments(actor, &place), may_comment(actor, &place, &"u1".into()).is_ok(), "{actor:?}");
                    asked += 1;
                }
            }
        }
    }
    assert!(asked > 1_000, "only {asked} answers compared");
}

#[test]
fn a_self_assessment_reads_the_units_state_only_when_it_decides() {
    let actors = actors(&["snv".to_string()]);
    for actor in &actors {
        for unit in ["u1", "u2"] {
            for state in [SelfAssessmentState::Open, SelfAssessmentState::Submitted] {
                let read = Cell::new(false);
                let answer = may_self_assess_with(actor, &unit.into(), || {
                    read.set(true);
                    Ok::<_, ()>(state)
                })
                .unwrap();
                assert_eq!(answer, may_self_assess(actor, &unit.into(), state), "{actor:?} {unit} {state:?}");
                let own_unit = actor.role == Role::Unit && actor.unit.as_deref() == Some(unit);
                assert_eq!(read.get(), own_unit, "{actor:?} {unit}: the state is read only for the unit's own person");
            }
        }
    }
    let focal = Actor { name: "f".into(), role: Role::Unit, agency: None, unit: Some("u1".into()), leaders_name: None };
    assert_eq!(may_self_assess_with(&focal, &"u1".into(), || Err("the database failed")), Err("the database failed"));
}
