//! Issue 12: an import row writes the cells it has. An absent column or an empty cell never erases a stored
//! value; the marker `-` clears one on purpose, audited; the rules are checked on the merged entry.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tui_support;

use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use thamdinh::domain::scoring::ComponentScore;
use thamdinh::store::Store;
use tui_support::fixture_store;

fn csv(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn entry(store: &Store, unit: &str, component: &str) -> ComponentScore {
    let round = store.load_round().unwrap();
    round.units.iter().find(|u| u.code == unit).and_then(|u| u.entries.get(component)).cloned().unwrap_or_default()
}

/// A score as an entry's field holds it, to compare with.
#[allow(clippy::unnecessary_wraps, reason = "the entry's fields are optional; comparing takes the same type")]
fn d(text: &str) -> Option<Decimal> {
    Some(text.parse().unwrap())
}

/// What the round looks like from outside: the audit head and the ranking as JSON.
fn state(store: &Store) -> (Option<String>, String) {
    let round = store.load_round().unwrap();
    (
        store.audit_head().unwrap(),
        format!("{:?}", thamdinh::domain::evaluate::evaluate_round(store.regulation(), &round)),
    )
}

fn assert_log_explains_the_database(store: &Store) {
    assert!(matches!(store.audit_verify().unwrap(), thamdinh::store::audit::ChainCheck::Intact { .. }));
    let unexplained = store.audit_unexplained().unwrap();
    assert!(unexplained.is_empty(), "{unexplained:?}");
}

#[test]
fn an_absent_explanation_column_keeps_the_explanations() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    assert_eq!(&*entry(&store, "snv", "I.1").explanation, "Đã thực hiện đầy đủ");
    store
        .import_scores(&csv(dir.path(), "s.csv", "unit,criterion,self_score,appraised_score,reason\nsnv,I.1,,3,Chậm\n"))
        .unwrap();
    let snv = entry(&store, "snv", "I.1");
    assert_eq!((snv.appraised_score, &*snv.explanation), (d("3"), "Đã thực hiện đầy đủ"));
    // An empty explanation cell keeps it too.
    store.import_scores(&csv(dir.path(), "s.csv", "unit,criterion,explanation\nsnv,I.1,\n")).unwrap();
    assert_eq!(&*entry(&store, "snv", "I.1").explanation, "Đã thực hiện đầy đủ");
    let explanations = store.audit_log(Some("snv"), Some("I.1")).unwrap();
    assert!(
        explanations.iter().filter(|r| r.field.as_deref() == Some("explanation")).count() == 1,
        "only the first import wrote it"
    );
    assert_log_explains_the_database(&store);
}

#[test]
fn an_empty_self_score_cell_or_an_appraisals_only_file_keeps_the_self_score() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    store
        .import_scores(&csv(
            dir.path(),
            "a.csv",
            "unit,criterion,self_score,appraised_score,reason\nsnv,II.1,,2,Thiếu hồ sơ\n",
        ))
        .unwrap();
    let snv = entry(&store, "snv", "II.1");
    assert_eq!((snv.self_score, snv.appraised_score), (d("3"), d("2")));
    // A file of appraisals only: no self_score column at all.
    store.import_scores(&csv(dir.path(), "b.csv", "unit,criterion,appraised_score,reason\nsnv,II.2,1,Chậm\n")).unwrap();
    let snv = entry(&store, "snv", "II.2");
    assert_eq!((snv.self_score, snv.appraised_score, snv.deduction_reason.as_str()), (d("2"), d("1"), "Chậm"));
    // An empty appraised cell keeps the council's score, and who entered it.
    store.import_scores(&csv(dir.path(), "c.csv", "unit,criterion,self_score,appraised_score\nsnv,II.3,4,\n")).unwrap();
    assert_eq!(entry(&store, "snv", "II.3").appraised_score, d("4"));
    assert_log_explains_the_database(&store);
}

#[test]
fn a_dash_clears_a_value_on_purpose_and_is_audited() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    store
        .import_scores(&csv(
            dir.path(),
            "s.csv",
            "unit,criterion,self_score,appraised_score,reason,explanation\nsnv,II.1,3,3,,Đã thực hiện đầy đủ\n",
        ))
        .unwrap();
    store
        .import_scores(&csv(
            dir.path(),
            "s.csv",
            "unit,criterion,self_score,appraised_score,reason,explanation\nsnv,II.1,-,-,,-\n",
        ))
        .unwrap();
    let snv = entry(&store, "snv", "II.1");
    assert_eq!((snv.self_score, snv.appraised_score, &*snv.explanation), (None, None, ""));
    let log = store.audit_log(Some("snv"), Some("II.1")).unwrap();
    let last = |field: &str| log.iter().rev().find(|r| r.field.as_deref() == Some(field)).cloned().unwrap();
    assert_eq!((last("self_score").old_value.as_deref(), last("self_score").new_value), (Some("3"), None));
    assert_eq!((last("appraised_score").old_value.as_deref(), last("appraised_score").new_value), (Some("3"), None));
    assert_eq!(
        (last("explanation").old_value.as_deref(), last("explanation").new_value.as_deref()),
        (Some("Đã thực hiện đầy đủ"), Some(""))
    );

    // A fact back to its default: the row goes, the log says so.
    let facts =
        |store: &Store| store.load_round().unwrap().units.iter().find(|u| u.code == "snv").unwrap().facts.clone();
    assert!(facts(&store).contains_key("outstanding"));
    store.import_facts(&csv(dir.path(), "f.csv", "unit,fact,value\nsnv,outstanding,-\nstp,outstanding,\n")).unwrap();
    assert!(!facts(&store).contains_key("outstanding"));
    let fact = store.audit_log(Some("snv"), None).unwrap().into_iter().rev().find(|r| r.action == "fact").unwrap();
    assert_eq!(
        (fact.field.as_deref(), fact.old_value.as_deref(), fact.new_value),
        (Some("outstanding"), Some("true"), None)
    );
    // An empty value left stp's fact alone.
    let stp = store.load_round().unwrap().units.into_iter().find(|u| u.code == "stp").unwrap();
    assert!(stp.facts.contains_key("outstanding"));

    // A grade override removed: the proposed grade applies again.
    let overrides = |store: &Store| {
        store.load_round().unwrap().units.iter().find(|u| u.code == "syt").unwrap().grade_overrides.len()
    };
    assert_eq!(overrides(&store), 1);
    store.import_grades(&csv(dir.path(), "g.csv", "unit,criterion,grade,reason\nsyt,V,-,Xem xét lại\n")).unwrap();
    assert_eq!(overrides(&store), 0);
    let grade = store.audit_log(Some("syt"), Some("V")).unwrap().pop().unwrap();
    assert_eq!(
        (grade.old_value.as_deref(), grade.new_value, grade.reason.as_deref()),
        (Some("good"), None, Some("Xem xét lại"))
    );
    assert_log_explains_the_database(&store);
}

#[test]
fn the_reason_rule_sees_the_merged_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let before = state(&store);
    // The stored self-score 3 and no reason: an appraisal of 2 alone needs a reason, though the row has no self-score.
    let error = store
        .import_scores(&csv(dir.path(), "s.csv", "unit,criterion,appraised_score\nsnv,III.1,1\nsnv,II.1,2\n"))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains(
            "s.csv:3: column reason: unit snv, II.1: a deduction needs a reason: appraised 2 is below the maximum 3"
        ),
        "{error}"
    );
    // A self-score changed under an appraisal at max makes the stored appraisal differ from it.
    let error = store
        .import_scores(&csv(dir.path(), "s.csv", "unit,criterion,self_score\nsnv,II.1,2\n"))
        .unwrap_err()
        .to_string();
    assert!(error.contains("a reason is needed: appraised 3 differs from the self-score 2"), "{error}");
    // Refused imports changed nothing (one transaction), not even the rows before the refused one.
    assert_eq!(state(&store), before);

    // A reason stored earlier counts for the merged entry: a new score with the reason cell empty passes.
    store
        .import_scores(&csv(dir.path(), "r.csv", "unit,criterion,appraised_score,reason\nsnv,II.1,2,Thiếu\n"))
        .unwrap();
    store.import_scores(&csv(dir.path(), "r.csv", "unit,criterion,appraised_score,reason\nsnv,II.1,1,\n")).unwrap();
    let snv = entry(&store, "snv", "II.1");
    assert_eq!((snv.appraised_score, snv.deduction_reason.as_str()), (d("1"), "Thiếu"));
    // Clearing that reason on purpose is refused while the deduction stands.
    let error =
        store.import_scores(&csv(dir.path(), "r.csv", "unit,criterion,reason\nsnv,II.1,-\n")).unwrap_err().to_string();
    assert!(error.contains("a deduction needs a reason"), "{error}");
}

#[test]
fn a_not_applicable_component_carries_no_scores_after_the_merge() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bg.db");
    let mut store = Store::init(&path, "bac-giang-453", 2024).unwrap();
    store.import_units(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/bac-giang-453/units.csv"))).unwrap();
    // The unit's own deduction carries its explanation (Điều 4.2).
    store
        .import_scores(&csv(
            dir.path(),
            "s.csv",
            "unit,criterion,self_score,explanation\nsnv,A.2.1,2,Chưa đạt kế hoạch\n",
        ))
        .unwrap();
    let error = store
        .import_scores(&csv(dir.path(), "n.csv", "unit,criterion,applicable\nsnv,A.2.1,no\n"))
        .unwrap_err()
        .to_string();
    assert!(error.contains("a not-applicable component carries no scores, and it would hold self-score 2"), "{error}");
    store.import_scores(&csv(dir.path(), "n.csv", "unit,criterion,self_score,applicable\nsnv,A.2.1,-,no\n")).unwrap();
    let snv = entry(&store, "snv", "A.2.1");
    assert_eq!((snv.self_score, snv.applicable), (None, false));
}
