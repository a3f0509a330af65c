//! Shared helpers for the tests: the real regulations, units scored at max, and plain candidates.
#![allow(dead_code)]

use rust_decimal::Decimal;
use std::str::FromStr;
use thamdinh::domain::classification::{Assessment, Check, Level};
use thamdinh::domain::evaluate::UnitRecord;
use thamdinh::domain::framework::Framework;
use thamdinh::domain::loader::load_regulation;
use thamdinh::domain::ranking::Candidate;
use thamdinh::domain::regulation::Regulation;
use thamdinh::domain::scoring::ComponentScore;
use thamdinh::store::catalog;

pub fn d(text: &str) -> Decimal {
    Decimal::from_str(text).expect("test decimal")
}

pub fn regulation(id: &str) -> Regulation {
    let files = catalog::files(id).expect("regulation in data/");
    load_regulation(id, &files).expect("regulation loads")
}

pub fn thai_nguyen() -> Regulation {
    regulation("thai-nguyen-2024")
}

pub fn bac_giang() -> Regulation {
    regulation("bac-giang-453")
}

/// Every component appraised at its max, self-score equal.
pub fn full_entries(framework: &Framework) -> thamdinh::domain::entries::Entries {
    framework
        .components()
        .map(|place| {
            let max = place.component.max;
            (
                place.component.code.to_string(),
                ComponentScore { self_score: Some(max), appraised_score: Some(max), ..ComponentScore::default() },
            )
        })
        .collect()
}

/// A unit of the bloc (and group) with every component at max.
pub fn unit_at_max(regulation: &Regulation, code: &str, bloc: &str, group: Option<&str>) -> UnitRecord {
    let framework = regulation.framework_for(&bloc.into(), group).expect("framework");
    UnitRecord {
        code: code.into(),
        name: code.to_uppercase(),
        bloc: bloc.into(),
        group: group.map(str::to_string),
        entries: full_entries(framework),
        ..UnitRecord::default()
    }
}

/// Sets a component's appraised score, with a deduction reason.
pub fn appraise(unit: &mut UnitRecord, code: &str, appraised: &str) {
    let entry = unit.entries.get_mut(code).expect("component");
    entry.appraised_score = Some(d(appraised));
    entry.deduction_reason = "trừ điểm thử".to_string();
}

pub fn not_applicable(unit: &mut UnitRecord, code: &str) {
    let entry = unit.entries.get_mut(code).expect("component");
    *entry = ComponentScore { applicable: false, ..ComponentScore::default() };
}

/// The reasons of a unit's level before the quota, as every screen words them.
pub fn level_reasons(regulation: &Regulation, unit: &UnitRecord) -> Vec<String> {
    use thamdinh::domain::classification::UnitEvidence;
    let evaluation = thamdinh::domain::evaluate::evaluate_unit(regulation, unit).expect("framework");
    let evidence = UnitEvidence {
        official_total: thamdinh::domain::score::round_half_away(evaluation.score.total, regulation.official_decimals),
        score: &evaluation.score,
        facts: &unit.facts,
        fact_definitions: &regulation.facts,
    };
    let reasons =
        thamdinh::domain::reasons::level_reasons(&regulation.classification, &evidence, &evaluation.assessment);
    thamdinh::messages::reasons::reasons(&regulation.level_names, &reasons, thamdinh::messages::Lang::Vi)
}

/// An assessment whose levels hold as given, for ranking tests that need no framework.
pub fn assessment(excellent: bool, good: bool) -> Assessment {
    let check = |held| vec![Check { label: "điều kiện".into(), held }];
    let level = if excellent {
        Level::Excellent
    } else if good {
        Level::Good
    } else {
        Level::Completed
    };
    Assessment {
        level,
        not_completed_because: vec![],
        level_checks: vec![
            (Level::Excellent, check(excellent)),
            (Level::Good, check(excellent || good)),
            (Level::Completed, check(true)),
        ],
    }
}

pub fn candidate(unit: &str, total: &str, excellent: bool) -> Candidate {
    Candidate {
        unit: unit.into(),
        total: d(total),
        provisional: false,
        assessment: std::sync::Arc::new(assessment(excellent, true)),
    }
}

/// Deductions that leave a Phụ lục I unit at exactly 89.995 with every criterion still good or better
/// (I and III at 80 %, V 26 of 28, II 9.995 of 10); II.1 carries the last fraction.
pub fn deduct_to_89_995(unit: &mut UnitRecord) {
    for (code, appraised) in
        [("I.1", "2"), ("I.2", "2"), ("III.2", "2"), ("III.10", "2"), ("V.5", "10"), ("II.1", "2.995")]
    {
        appraise(unit, code, appraised);
    }
}
