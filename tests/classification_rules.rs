//! Levels of one unit and their reasons, under Thái Nguyên (Điều 7) and Bắc Giang 453 (Điều 6).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod common;

use common::{appraise, bac_giang, thai_nguyen, unit_at_max};
use thamdinh::domain::classification::Level;
use thamdinh::domain::evaluate::{UnitRecord, evaluate_unit};
use thamdinh::domain::facts::FactValue;
use thamdinh::domain::grades::{Grade, GradeOverride};
use thamdinh::domain::regulation::Regulation;

fn level(regulation: &Regulation, unit: &UnitRecord) -> Level {
    evaluate_unit(regulation, unit).unwrap().assessment.level
}

fn set(unit: &mut UnitRecord, fact: &str, value: FactValue) {
    unit.facts.insert(fact.to_string(), value);
}

fn choice(value: &str) -> FactValue {
    FactValue::Choice(value.to_string())
}

fn outstanding_department() -> (Regulation, UnitRecord) {
    let regulation = thai_nguyen();
    let mut unit = unit_at_max(&regulation, "snv", "so-nganh", None);
    set(&mut unit, "outstanding", FactValue::Bool(true));
    (regulation, unit)
}

#[test]
fn facts_never_recorded_take_their_harmless_defaults() {
    let regulation = thai_nguyen();
    let unit = unit_at_max(&regulation, "snv", "so-nganh", None);
    // outstanding defaults to false: good, not excellent; nothing else counts against it.
    let evaluation = evaluate_unit(&regulation, &unit).unwrap();
    assert_eq!(evaluation.assessment.level, Level::Good);
    assert!(evaluation.assessment.not_completed_because.is_empty());
}

#[test]
fn excellent_needs_every_condition_and_the_reasons_say_which_failed() {
    let (regulation, mut unit) = outstanding_department();
    assert_eq!(level(&regulation, &unit), Level::Excellent);
    set(&mut unit, "staff_prosecuted", FactValue::Bool(true));
    let evaluation = evaluate_unit(&regulation, &unit).unwrap();
    assert_eq!(evaluation.assessment.level, Level::Good);
    let reasons = common::level_reasons(&regulation, &unit);
    assert!(
        reasons.iter().any(|r| r.starts_with("Chưa đạt mức Hoàn thành xuất sắc nhiệm vụ — thiếu điều kiện:")
            && r.contains("truy tố")
            && r.ends_with("(Cán bộ bị tạm giam, tạm giữ, khởi tố, truy tố: có)")),
        "{reasons:?}"
    );
    assert!(reasons.iter().any(|r| r.starts_with("Đạt mức Hoàn thành tốt")), "{reasons:?}");
}

#[test]
fn discipline_remedied_bars_excellent_but_not_good_and_yes_fails_the_unit() {
    let (regulation, mut unit) = outstanding_department();
    set(&mut unit, "discipline", choice("remedied"));
    assert_eq!(level(&regulation, &unit), Level::Good);
    set(&mut unit, "discipline", choice("yes"));
    assert_eq!(level(&regulation, &unit), Level::NotCompleted);
}

#[test]
fn more_than_twenty_percent_of_subunits_disciplined_fails_the_unit() {
    let (regulation, mut unit) = outstanding_department();
    set(&mut unit, "subunits_total", FactValue::Count(10));
    set(&mut unit, "subunits_disciplined", FactValue::Count(2));
    // 20 % is not more than 20 %, so not "not completed"; excellent needs no disciplined subunit (Điều 7.2.a).
    assert_eq!(level(&regulation, &unit), Level::Good, "20 % is not more than 20 %");
    set(&mut unit, "subunits_disciplined", FactValue::Count(3));
    let evaluation = evaluate_unit(&regulation, &unit).unwrap();
    assert_eq!(evaluation.assessment.level, Level::NotCompleted);
    assert!(evaluation.assessment.not_completed_because[0].contains("trên 20%"));
}

#[test]
fn disunity_and_a_corruption_case_fail_the_unit_unless_remedied() {
    let (regulation, mut unit) = outstanding_department();
    set(&mut unit, "corruption_case", choice("remedied"));
    assert_eq!(level(&regulation, &unit), Level::Excellent);
    set(&mut unit, "corruption_case", choice("yes"));
    assert_eq!(level(&regulation, &unit), Level::NotCompleted);
    let (regulation, mut unit) = outstanding_department();
    set(&mut unit, "disunity", FactValue::Bool(true));
    assert_eq!(level(&regulation, &unit), Level::NotCompleted);
}

#[test]
fn half_of_content_two_poor_fails_the_unit_unless_force_majeure() {
    let (regulation, mut unit) = outstanding_department();
    // VI (3) and VII (9) poor, VIII excellent: 2 of 3 content II criteria poor.
    appraise(&mut unit, "VI.2", "0");
    for code in ["VII.1", "VII.2", "VII.5"] {
        appraise(&mut unit, code, "0");
    }
    let evaluation = evaluate_unit(&regulation, &unit).unwrap();
    assert_eq!(evaluation.score.criterion("VI").unwrap().grade, Some(Grade::Poor));
    assert_eq!(evaluation.score.criterion("VII").unwrap().grade, Some(Grade::Poor));
    assert!(evaluation.assessment.not_completed_because.iter().any(|r| r.contains("Kém")));
    set(&mut unit, "force_majeure", FactValue::Bool(true));
    let evaluation = evaluate_unit(&regulation, &unit).unwrap();
    assert!(evaluation.assessment.not_completed_because.is_empty());
    // Content II poor under force majeure no longer fails completed (SPEC); good still needs it average.
    assert_eq!(evaluation.assessment.level, Level::Completed);

    // One of three poor is under half: the rule does not fire.
    let (regulation, mut unit) = outstanding_department();
    appraise(&mut unit, "VI.2", "0");
    let evaluation = evaluate_unit(&regulation, &unit).unwrap();
    assert!(evaluation.assessment.not_completed_because.is_empty());
}

#[test]
fn a_grade_override_replaces_the_proposed_grade() {
    let (regulation, mut unit) = outstanding_department();
    appraise(&mut unit, "VI.2", "1"); // VI: 2 of 3 = 66.7 % → average
    let evaluation = evaluate_unit(&regulation, &unit).unwrap();
    assert_eq!(evaluation.score.criterion("VI").unwrap().proposed_grade, Some(Grade::Average));
    assert_eq!(evaluation.assessment.level, Level::Completed, "content II must be good for good");
    unit.grade_overrides
        .insert("VI".into(), GradeOverride { grade: Grade::Excellent, reason: "Hội đồng xem xét lại sản phẩm".into() });
    let evaluation = evaluate_unit(&regulation, &unit).unwrap();
    assert_eq!(evaluation.score.criterion("VI").unwrap().proposed_grade, Some(Grade::Average));
    assert_eq!(evaluation.score.criterion("VI").unwrap().grade, Some(Grade::Excellent));
    assert_eq!(evaluation.assessment.level, Level::Excellent);
}

#[test]
fn thresholds_compare_the_official_total() {
    let (regulation, mut unit) = outstanding_department();
    common::deduct_to_89_995(&mut unit);
    assert_eq!(level(&regulation, &unit), Level::Excellent, "89.995 is 90.00");
    appraise(&mut unit, "II.1", "2.994");
    assert_eq!(level(&regulation, &unit), Level::Good, "89.994 is 89.99");
}

fn bac_giang_unit(total_deduction: &str) -> (Regulation, UnitRecord) {
    let regulation = bac_giang();
    let mut unit = unit_at_max(&regulation, "snv", "tap-the", Some("XII"));
    // B.1 (6) carries the deduction.
    let appraised = rust_decimal::Decimal::from(6) - common::d(total_deduction);
    appraise(&mut unit, "B.1", &appraised.to_string());
    for fact in ["outstanding", "innovation", "reform_and_tech", "all_members_good"] {
        set(&mut unit, fact, FactValue::Bool(true));
    }
    (regulation, unit)
}

#[test]
fn bac_giang_levels_by_total() {
    assert_eq!(level(&bac_giang_unit("0").0, &bac_giang_unit("0").1), Level::Excellent);
    let (regulation, unit) = bac_giang_unit("5.5");
    assert_eq!(level(&regulation, &unit), Level::Good);
    let (regulation, mut unit) = bac_giang_unit("6");
    appraise(&mut unit, "A.1.1", "0"); // 100 − 6 − 5 = 89
    assert_eq!(level(&regulation, &unit), Level::Good);
    appraise(&mut unit, "A.2.2", "0"); // 85
    assert_eq!(level(&regulation, &unit), Level::Good);
    appraise(&mut unit, "A.2.3", "2.99"); // 84.99
    assert_eq!(level(&regulation, &unit), Level::Completed);
}

#[test]
fn bac_giang_defects() {
    // 90 with a defect: completed (≥ 85 with a defect).
    let (regulation, mut unit) = bac_giang_unit("6");
    appraise(&mut unit, "A.1.1", "1");
    set(&mut unit, "disunity", FactValue::Bool(true));
    assert_eq!(level(&regulation, &unit), Level::Completed);
    // 80 with a defect: not completed.
    appraise(&mut unit, "A.1.2", "0");
    appraise(&mut unit, "A.2.2", "0");
    appraise(&mut unit, "A.1.1", "0");
    let evaluation = evaluate_unit(&regulation, &unit).unwrap();
    assert_eq!(evaluation.score.total, common::d("80"));
    assert_eq!(evaluation.assessment.level, Level::NotCompleted);
    assert!(evaluation.assessment.not_completed_because[0].contains("khuyết điểm"));
    // Targets missed is a defect only without force majeure.
    let (regulation, mut unit) = bac_giang_unit("0");
    set(&mut unit, "targets_missed", FactValue::Bool(true));
    assert_eq!(level(&regulation, &unit), Level::Completed);
    set(&mut unit, "force_majeure", FactValue::Bool(true));
    assert_eq!(level(&regulation, &unit), Level::Excellent);
    // Leadership disciplined at 100: completed.
    let (regulation, mut unit) = bac_giang_unit("0");
    set(&mut unit, "leadership_disciplined", FactValue::Bool(true));
    assert_eq!(level(&regulation, &unit), Level::Completed);
}

#[test]
fn bac_giang_excellent_needs_no_critique_and_no_failed_member() {
    let (regulation, mut unit) = bac_giang_unit("0");
    set(&mut unit, "critique_suggested", FactValue::Bool(true));
    assert_eq!(level(&regulation, &unit), Level::Good);
    let (regulation, mut unit) = bac_giang_unit("0");
    set(&mut unit, "member_failed", FactValue::Bool(true));
    assert_eq!(level(&regulation, &unit), Level::Completed);
    set(&mut unit, "discipline", choice("yes"));
    assert_eq!(level(&regulation, &unit), Level::NotCompleted, "Điều 6.3: completed needs discipline ≠ yes");
}

#[test]
fn the_thresholds_a_chart_draws_are_read_from_each_regulation() {
    let levels = |regulation: &Regulation| -> Vec<(Level, String)> {
        regulation.classification.total_thresholds().into_iter().map(|(l, v)| (l, v.normalize().to_string())).collect()
    };
    assert_eq!(
        levels(&thai_nguyen()),
        [(Level::Excellent, "90".into()), (Level::Good, "70".into()), (Level::Completed, "50".into())]
    );
    // 453's completed is "≥ 70 without a defect, or ≥ 85 with one": the lowest, 70, is where the band begins.
    assert_eq!(
        levels(&bac_giang()),
        [(Level::Excellent, "95".into()), (Level::Good, "85".into()), (Level::Completed, "70".into())]
    );
}
