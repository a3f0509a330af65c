//! Issue 22 item 2: group I of `thai-nguyen-2024` is scored by the provincial leaders (Điều 6.2.b). It is never
//! a gap of the unit's file (*thiếu hồ sơ*), and a self-score on it is refused on every path (CSV, the unit's
//! form, the self-assessment sheet), with the catalog's words.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tui_support;

use std::path::Path;
use thamdinh::domain::self_assessment::unit_gaps;
use thamdinh::store::Cell;
use thamdinh::store::Store;
use thamdinh::store::self_assessment::SelfAssessmentInput;

fn round(dir: &Path) -> Store {
    let mut store = Store::init(&dir.join("round.db"), "thai-nguyen-2024", 2024).unwrap();
    std::fs::write(dir.join("units.csv"), "code,name,bloc,group\nsnv,Sở Nội vụ,so-nganh,\n").unwrap();
    store.import_units(&dir.join("units.csv")).unwrap();
    store.add_unit_user("dau-moi-snv", "Đầu mối Sở Nội vụ", &"snv".into()).unwrap();
    store
}

#[test]
fn group_one_is_never_a_gap_of_the_units_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = round(dir.path());
    let regulation = store.regulation();
    let framework = regulation.framework_for(&"so-nganh".into(), None).unwrap();
    let unit = store.load_unit("snv").unwrap().unwrap();
    // Nothing filed at all: every component of the unit's own 80 points is a gap, none of group I.
    let gaps = unit_gaps(&regulation.self_assessment, framework, &unit.entries, |_| 0);
    assert!(!gaps.is_empty());
    assert!(gaps.iter().all(|(code, _)| !code.starts_with("I.")), "{gaps:?}");
    assert!(gaps.iter().any(|(code, _)| code.as_str() == "II.1"), "{gaps:?}");
}

#[test]
fn a_self_score_on_group_one_is_refused_on_every_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = round(dir.path());
    let words = "do lãnh đạo UBND tỉnh chấm";
    // CSV.
    let csv = dir.path().join("scores.csv");
    std::fs::write(&csv, "unit,criterion,self_score,appraised_score,reason,explanation\nsnv,I.1,4,,,Đủ\n").unwrap();
    let refused = store.import_scores(&csv).unwrap_err();
    let text = thamdinh::messages::store_error(&refused, thamdinh::messages::Lang::Vi);
    assert!(text.contains(words) && text.contains("I.1"), "{text}");
    assert!(store.load_unit("snv").unwrap().unwrap().entries.get("I.1").is_none_or(|e| e.self_score.is_none()));
    // A group II self-score is the unit's: accepted.
    std::fs::write(&csv, "unit,criterion,self_score,appraised_score,reason,explanation\nsnv,II.1,3,,,Đủ\n").unwrap();
    store.import_scores(&csv).unwrap();
    // The unit's form.
    store.sign_in("dau-moi-snv").unwrap();
    let input = SelfAssessmentInput {
        unit: "snv".into(),
        component: "I.2".into(),
        self_score: Cell::Set("4".into()),
        explanation: Cell::Keep,
        applicable: Cell::Keep,
    };
    let refused = store.save_self_assessment(&input).unwrap_err();
    let text = thamdinh::messages::store_error(&refused, thamdinh::messages::Lang::Vi);
    assert!(text.contains(words), "{text}");
    // The unit's screen does not offer group I at all: its first item is II.1.
    let mut app = tui_support::app_as(&mut store, "dau-moi-snv");
    tui_support::press(&mut app, &mut store, "<Enter>");
    let form = app.self_form().expect("the form opens");
    assert_eq!(form.component, "II.1");
}
