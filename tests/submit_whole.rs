#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]
//! Issue 22 item 9: a self-assessment is submitted whole (every component of the unit's framework self-scored, or
//! not applicable under 453; group I, scored by the leaders, is not the unit's), and the secretary records a paper
//! submission on the day it was received (`submit --received DATE`), lateness judged on that day.

mod binary;

use binary::{ok, refused};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::Path;
use thamdinh::store::Store;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");

fn round(dir: &Path) -> String {
    let db = dir.join("round.db").display().to_string();
    ok(&["init", "--db", &db, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    ok(&["import", "units", "--db", &db, &format!("{FIXTURES}/units.csv")]);
    ok(&["user", "add", "--db", &db, "thu-ky", "--role", "secretary"]);
    ok(&["user", "add", "--db", &db, "dau-moi-sxd", "--role", "unit", "--unit", "sxd"]);
    ok(&["round", "set", "--db", &db, "--deadline", "2024-11-20"]);
    db
}

fn submission(db: &str, unit: &str) -> Value {
    let show: Value = serde_json::from_str(&ok(&["round", "show", "--db", db, "--json"])).unwrap();
    show["units"].as_array().unwrap().iter().find(|u| u["unit"] == unit).unwrap()["submission"].clone()
}

#[test]
fn an_empty_self_assessment_is_refused_naming_how_many_and_the_first_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let submit = ["submit", "--db", &db, "--user", "dau-moi-sxd", "--approved-on", "2024-11-01", "--minutes", "1/BB"];
    let error = refused(&submit);
    // 38 components in sxd's framework less group I's five, which the provincial leaders score.
    assert!(error.contains("còn 33 tiêu chí thành phần chưa tự chấm điểm"), "{error}");
    assert!(error.contains("(II.1, II.2, II.3, II.4, III.1, …)"), "{error}");
    assert!(submission(&db, "sxd").is_null(), "nothing recorded");
    let english = refused(&[&submit[..], &["--lang", "en"]].concat());
    assert!(english.contains("33 component(s) have no self-score (II.1"), "{english}");
    // The fixture's self-scores (none for group I): whole, submitted.
    ok(&["import", "scores", "--db", &db, &format!("{FIXTURES}/scores.csv")]);
    ok(&submit);
    assert_eq!(submission(&db, "sxd")["approved_on"], "2024-11-01");
}

#[test]
fn the_secretary_records_a_paper_submission_on_its_receipt_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    ok(&["import", "scores", "--db", &db, &format!("{FIXTURES}/scores.csv")]);
    let submit = |unit: &str, received: &str, user: &str| {
        let mut args = vec!["submit", "--db", &db, "--user", user, "--unit", unit];
        args.extend(["--approved-on", "2024-11-01", "--minutes", "2/BB", "--received", received]);
        args.into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    let refused_with = |args: Vec<String>| refused(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let ok_with = |args: Vec<String>| ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
    // The unit's focal person gives no receipt date; a date ahead or not a date is refused.
    let error = refused_with(submit("sxd", "2024-11-15", "dau-moi-sxd"));
    assert!(error.contains("chỉ Thư ký hoặc Chủ tịch Hội đồng ghi ngày nhận hồ sơ"), "{error}");
    let error = refused_with(submit("sxd", "01/01/2099", "thu-ky"));
    assert!(error.contains("ngày nhận hồ sơ 01/01/2099 sau ngày hôm nay"), "{error}");
    let error = refused_with(submit("sxd", "32/11/2024", "thu-ky"));
    assert!(error.contains("ngày nhận hồ sơ \"32/11/2024\" không phải là ngày"), "{error}");
    assert!(submission(&db, "sxd").is_null(), "nothing recorded");
    // Received before the deadline, though recorded today: on time, dated the day it arrived.
    ok_with(submit("sxd", "15/11/2024", "thu-ky"));
    let sxd = submission(&db, "sxd");
    assert_eq!((sxd["submitted_on"].as_str(), sxd["late"].as_bool()), (Some("2024-11-15"), Some(false)));
    // Received on the deadline day: late (Điều 8.2: before the deadline).
    ok_with(submit("snv", "2024-11-20", "thu-ky"));
    let snv = submission(&db, "snv");
    assert_eq!((snv["submitted_on"].as_str(), snv["late"].as_bool()), (Some("2024-11-20"), Some(true)));
    ok(&["audit", "verify", "--db", &db]);
}

#[test]
fn not_applicable_under_453_counts_as_done_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::init(&dir.path().join("bg.db"), "bac-giang-453", 2024).unwrap();
    store.import_units(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/bac-giang-453/units.csv"))).unwrap();
    let round = store.load_round().unwrap();
    let snv = round.units.iter().find(|u| u.code == "snv").unwrap();
    let framework = store.regulation().framework_for(&snv.bloc, snv.group.as_deref()).unwrap().clone();
    let mut csv = String::from("unit,criterion,self_score,explanation\n");
    for place in framework.components().filter(|place| place.component.code != "A.2.1") {
        writeln!(csv, "snv,{},{},Đủ hồ sơ", place.component.code, place.component.max).unwrap();
    }
    let file = dir.path().join("s.csv");
    std::fs::write(&file, csv).unwrap();
    store.import_scores(&file).unwrap();
    let error = store.submit(Some("snv"), "2024-11-01", "3/BB").unwrap_err();
    let words = thamdinh::messages::store_error(&error, thamdinh::messages::Lang::Vi);
    assert!(words.contains("còn 1 tiêu chí thành phần chưa tự chấm điểm (A.2.1)"), "{words}");
    assert!(store.submission_of(&"snv".into()).unwrap().is_none());
    std::fs::write(&file, "unit,criterion,self_score,applicable\nsnv,A.2.1,-,no\n").unwrap();
    store.import_scores(&file).unwrap();
    store.submit(Some("snv"), "2024-11-01", "3/BB").unwrap();
    assert!(store.submission_of(&"snv".into()).unwrap().is_some());
}
