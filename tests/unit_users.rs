#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]
//! Issue 16: a unit's own focal person (role `unit`), end to end through the store and the binary: its own unit
//! only, before submission only, never the council's side; submission, the secretary's reopening (audited and
//! covered by `audit verify`), late submissions, and the unit's result after approval.

mod binary;
mod tools;
mod tui_support;

use binary::{ok, refused, thamdinh};
use rust_decimal::Decimal;
use std::path::Path;
use thamdinh::domain::facts::FactValue;
use thamdinh::domain::grades::Grade;
use thamdinh::store::appraise::AppraisalInput;
use thamdinh::store::self_assessment::SelfAssessmentInput;
use thamdinh::store::{Cell, Store, StoreError};
use tui_support::fixture_store;

fn input(unit: &str, component: &str, score: &str, explanation: &str) -> SelfAssessmentInput {
    SelfAssessmentInput {
        unit: unit.into(),
        component: component.into(),
        self_score: Cell::Set(score.into()),
        explanation: Cell::Set(explanation.into()),
        applicable: Cell::Keep,
    }
}

fn forbidden(result: Result<impl std::fmt::Debug, StoreError>, words: &str) -> String {
    match result {
        Err(error @ StoreError::Forbidden(_)) => {
            let text = thamdinh::messages::store_error(&error, thamdinh::messages::Lang::Vi);
            assert!(text.contains(words), "expected {words:?} in: {text}");
            text
        }
        other => panic!("expected a permission refusal naming {words:?}, got {other:?}"),
    }
}

fn self_score(store: &Store, unit: &str, component: &str) -> Option<Decimal> {
    let round = store.load_round().unwrap();
    round.units.iter().find(|u| u.code == unit).and_then(|u| u.entries.get(component)).and_then(|e| e.self_score)
}

fn assert_verified(store: &Store) {
    assert!(matches!(store.audit_verify().unwrap(), thamdinh::store::audit::ChainCheck::Intact { .. }));
    assert!(store.audit_unexplained().unwrap().is_empty(), "{:?}", store.audit_unexplained().unwrap());
}

#[test]
fn a_unit_user_writes_only_its_own_self_assessment_and_only_before_submission() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    store.add_unit_user("dau-moi-stc", "Cán bộ đầu mối Sở Tài chính", &"stc".into()).unwrap();
    store.sign_in("dau-moi-stc").unwrap();

    store.save_self_assessment(&input("stc", "V.5", "10,5", "Thiếu một báo cáo quý")).unwrap();
    assert_eq!(self_score(&store, "stc", "V.5"), Some(Decimal::new(105, 1)));
    store.add_document(&"stc".into(), "III", "Báo cáo quý IV", "Số 12/BC-STC", "20/11/2024").unwrap();
    store.remove_document(&"stc".into(), "III", "Số 12/BC-STC").unwrap();
    // The same validators as every path: a score outside [0, max], a date that is none.
    let too_high = store.save_self_assessment(&input("stc", "V.5", "13", "x"));
    let too_high = thamdinh::messages::store_error(&too_high.unwrap_err(), thamdinh::messages::Lang::Vi);
    assert!(too_high.contains("điểm tự đánh giá"), "{too_high}");
    let bad_date = store.add_document(&"stc".into(), "III", "Báo cáo", "Số 1", "9999-01-01");
    assert!(bad_date.unwrap_err().to_string().contains("is not a date"));

    // Never another unit, never the council's side.
    forbidden(store.save_self_assessment(&input("skhcn", "III.7", "3", "x")), "đơn vị của mình (stc)");
    forbidden(store.add_document(&"skhcn".into(), "III", "Báo cáo", "Số 2", "2024-11-20"), "đơn vị của mình (stc)");
    let version = store.appraisal_version(&"stc".into(), "III.7").unwrap();
    let appraisal = AppraisalInput {
        unit: "stc".into(),
        component: "III.7".into(),
        appraised: Decimal::from(2),
        deduction_reason: "Thiếu sản phẩm".into(),
        based_on_version: version,
    };
    forbidden(store.save_appraisal(&appraisal), "đơn vị chỉ tự đánh giá");
    forbidden(store.add_comment(&"stc".into(), "V.5", "Góp ý"), "không được");
    forbidden(store.save_facts(&"stc".into(), &[("outstanding".into(), FactValue::Bool(true))]), "không được");
    forbidden(store.override_grade(&"stc".into(), "V", Grade::Excellent, "Tự nâng"), "không được");
    forbidden(store.order_tie(&"so-nganh".into(), &["stp".into(), "snv".into()]), "không được");
    forbidden(store.approve_bloc(&"huyen".into()), "không được");
    forbidden(store.reopen_submission(&"stc".into(), "x"), "không được");
    forbidden(store.set_round_settings(Some("2024-12-31"), None), "không được");
    forbidden(store.submit(Some("skhcn"), "2024-11-20", "1/BB"), "đơn vị mình (stc)");

    // Submitted: frozen for the unit.
    let submission = store.submit(None, "2024-11-20", "12/BB-STC").unwrap();
    assert_eq!((submission.unit.as_str(), submission.minutes.as_str()), ("stc", "12/BB-STC"));
    forbidden(store.save_self_assessment(&input("stc", "V.5", "12", "Đủ")), "đã nộp");
    forbidden(store.add_document(&"stc".into(), "III", "Báo cáo", "Số 3", "2024-11-20"), "đã nộp");
    assert!(
        thamdinh::messages::store_error(
            &store.submit(None, "2024-11-20", "12/BB-STC").unwrap_err(),
            thamdinh::messages::Lang::Vi
        )
        .contains("đã nộp")
    );
    assert_eq!(self_score(&store, "stc", "V.5"), Some(Decimal::new(105, 1)));

    // The secretary reopens it with a reason, audited; the unit may write again.
    store.sign_in("thu-ky").unwrap();
    assert!(
        thamdinh::messages::store_error(
            &store.reopen_submission(&"stc".into(), "  ").unwrap_err(),
            thamdinh::messages::Lang::Vi
        )
        .contains("lý do")
    );
    store.reopen_submission(&"stc".into(), "Thiếu tài liệu kiểm chứng tiêu chí III").unwrap();
    let log = store.audit_log(Some("stc"), None).unwrap();
    let reopen = log.iter().find(|row| row.action == "reopen").expect("a reopen row");
    assert_eq!(
        (reopen.actor.as_str(), reopen.reason.as_deref()),
        ("thu-ky", Some("Thiếu tài liệu kiểm chứng tiêu chí III"))
    );
    assert!(log.iter().any(|row| row.action == "submit" && row.actor == "dau-moi-stc"));
    store.sign_in("dau-moi-stc").unwrap();
    store.save_self_assessment(&input("stc", "V.5", "11", "Đã bổ sung báo cáo")).unwrap();
    assert_eq!(self_score(&store, "stc", "V.5"), Some(Decimal::from(11)));
    assert_verified(&store);
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

fn csv(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// The fixture round on disk with a unit user of stc; returns the database path.
fn round_with_unit_user(dir: &Path) -> String {
    let mut store = fixture_store(dir);
    store.add_unit_user("dau-moi-stc", "Cán bộ đầu mối Sở Tài chính", &"stc".into()).unwrap();
    dir.join("round.db").display().to_string()
}

fn audit_rows(db: &str) -> usize {
    Store::open(Path::new(db)).unwrap().audit_log(None, None).unwrap().len()
}

#[test]
fn a_unit_users_import_is_its_own_unit_only_and_refused_whole_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let db = round_with_unit_user(dir.path());
    let own = csv(dir.path(), "own.csv", "unit,criterion,self_score,explanation\nstc,V.5,10,Thiếu báo cáo\n");
    ok(&["import", "scores", "--db", &db, "--user", "dau-moi-stc", &own]);

    let before = audit_rows(&db);
    let mixed = csv(
        dir.path(),
        "mixed.csv",
        "unit,criterion,self_score,explanation\nstc,V.5,9,Thiếu hai báo cáo\nskhcn,III.7,1,x\n",
    );
    let error = refused(&["import", "scores", "--db", &db, "--user", "dau-moi-stc", &mixed]);
    assert!(error.contains("mixed.csv:3") && error.contains("đơn vị skhcn"), "{error}");
    let appraisal =
        csv(dir.path(), "appraisal.csv", "unit,criterion,appraised_score,reason\nstc,III.7,1,Tự thẩm định\n");
    let error = refused(&["import", "scores", "--db", &db, "--user", "dau-moi-stc", &appraisal]);
    assert!(error.contains("appraisal.csv:2") && error.contains("đơn vị chỉ tự đánh giá"), "{error}");
    let units = csv(dir.path(), "units.csv", "code,name,bloc,group\nstc,Sở Tài chính,so-nganh,\n");
    refused(&["import", "units", "--db", &db, "--user", "dau-moi-stc", &units]);
    // A refused import writes nothing but the attempt itself (issue 21: who, what, when; no values).
    assert_eq!(audit_rows(&db), before + 3, "a refused import writes only its refused-attempt row");

    ok(&["submit", "--db", &db, "--user", "dau-moi-stc", "--approved-on", "2024-11-20", "--minutes", "12/BB-STC"]);
    let evidence =
        csv(dir.path(), "evidence.csv", "unit,criterion,title,reference,date\nstc,III,Báo cáo,Số 9/BC,2024-11-20\n");
    let error = refused(&["import", "evidence", "--db", &db, "--user", "dau-moi-stc", &evidence]);
    assert!(error.contains("evidence.csv:2") && error.contains("đơn vị stc") && error.contains("đã nộp"), "{error}");
    // The secretary's import is not held by the unit's submission.
    ok(&["import", "evidence", "--db", &db, "--user", "thu-ky", &evidence]);
    ok(&["audit", "verify", "--db", &db]);
}

#[test]
fn submission_records_the_collectives_approval_and_marks_a_late_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = round_with_unit_user(dir.path());
    ok(&["round", "set", "--db", &db, "--user", "thu-ky", "--deadline", "2020-01-01", "--appraisal-days", "50"]);
    let out =
        ok(&["submit", "--db", &db, "--user", "dau-moi-stc", "--approved-on", "20/11/2024", "--minutes", "12/BB"]);
    assert!(out.contains("nộp muộn"), "{out}");
    ok(&["round", "set", "--db", &db, "--deadline", "2100-12-31"]);
    ok(&[
        "submit",
        "--db",
        &db,
        "--user",
        "thu-ky",
        "--unit",
        "skhcn",
        "--approved-on",
        "2024-11-20",
        "--minutes",
        "3/BB",
    ]);
    let error =
        refused(&["submit", "--db", &db, "--user", "thu-ky", "--approved-on", "2024-11-20", "--minutes", "3/BB"]);
    assert!(error.contains("--unit"), "{error}");
    let error = refused(&[
        "submit",
        "--db",
        &db,
        "--user",
        "thu-ky",
        "--unit",
        "snv",
        "--approved-on",
        "2099-01-01",
        "--minutes",
        "1",
    ]);
    assert!(error.contains("sau ngày hôm nay"), "{error}");
    refused(&[
        "submit",
        "--db",
        &db,
        "--user",
        "thu-ky",
        "--unit",
        "snv",
        "--approved-on",
        "hôm qua",
        "--minutes",
        "1",
    ]);

    let show: serde_json::Value = serde_json::from_str(&ok(&["round", "show", "--db", &db, "--json"])).unwrap();
    assert_eq!(show["deadline"], "2100-12-31");
    assert_eq!(show["appraisal_working_days"], 50);
    let units = show["units"].as_array().unwrap();
    let of = |code: &str| units.iter().find(|u| u["unit"] == code).unwrap()["submission"].clone();
    assert_eq!(of("stc")["late"], true);
    assert_eq!(of("stc")["approved_on"], "2024-11-20");
    assert_eq!(of("skhcn")["late"], false);
    assert!(of("snv").is_null());
    let text = ok(&["round", "show", "--db", &db]);
    assert!(text.contains("Đã nộp: 2/8") && text.contains("chưa nộp"), "{text}");

    // Reopening through the command line, audited with its reason and verified.
    ok(&["submit", "--db", &db, "--user", "thu-ky", "--reopen", "--unit", "stc", "--reason", "Bổ sung biên bản"]);
    let log = ok(&["audit", "log", "--db", &db, "--unit", "stc"]);
    assert!(log.contains("Bổ sung biên bản"), "{log}");
    ok(&["audit", "verify", "--db", &db]);
}

#[test]
fn the_unit_sees_its_result_and_sheet_only_after_approval() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    store.add_unit_user("dau-moi-dai-tu", "Cán bộ đầu mối UBND huyện Đại Từ", &"h-dai-tu".into()).unwrap();
    drop(store);
    let db = dir.path().join("round.db").display().to_string();
    let as_unit = |args: &[&str]| -> Vec<String> {
        let mut all: Vec<String> = args.iter().map(ToString::to_string).collect();
        all.extend(["--db", &db, "--user", "dau-moi-dai-tu"].map(String::from));
        all
    };

    let error = refused(&strs(&as_unit(&["result"])));
    assert!(error.contains("phê duyệt"), "{error}");
    let sheet = dir.path().join("dai-tu.xlsx").display().to_string();
    // Before approval the unit exports its own sheet to sign and stamp (issue 23): without the council's columns.
    let own = dir.path().join("dai-tu-own.xlsx").display().to_string();
    ok(&strs(&as_unit(&["export", "sheet", "--out", &own])));
    let mut workbook = calamine::open_workbook_auto(&own).unwrap();
    let cells = calamine::Reader::worksheet_range(&mut workbook, "h-dai-tu").unwrap();
    let words: Vec<String> = cells.used_cells().map(|(_, _, value)| value.to_string()).collect();
    assert!(!words.iter().any(|w| w.contains("Điểm thẩm định") || w.contains("Mức xếp loại")), "{words:?}");

    ok(&["approve", "--db", &db, "--bloc", "huyen"]);
    let result: serde_json::Value = serde_json::from_str(&ok(&strs(&as_unit(&["result", "--json"])))).unwrap();
    assert_eq!(result["unit"], "h-dai-tu");
    assert_eq!(result["total"], "99.25");
    assert_eq!(result["approved"], true);
    assert!(result["previous_level"].is_null());
    let deductions = result["deductions"].as_array().unwrap();
    assert!(!deductions.is_empty());
    assert!(deductions.iter().all(|d| !d["reason"].as_str().unwrap().is_empty()), "{deductions:?}");
    assert!(result["reasons"].as_array().unwrap().iter().any(|r| r.as_str().unwrap().starts_with("Tổng điểm")));
    let text = ok(&strs(&as_unit(&["result"])));
    assert!(text.contains("Các tiêu chí bị trừ điểm"), "{text}");

    ok(&strs(&as_unit(&["export", "sheet", "--out", &sheet])));
    assert!(Path::new(&sheet).exists());
    let other = dir.path().join("stc.xlsx").display().to_string();
    let error = refused(&strs(&as_unit(&["export", "sheet", "--unit", "stc", "--out", &other])));
    assert!(error.contains("đơn vị mình"), "{error}");
    let error = refused(&strs(&as_unit(&["result", "--unit", "stc"])));
    assert!(error.contains("đơn vị mình"), "{error}");
    assert!(thamdinh(&["audit", "verify", "--db", &db]).status.success());
}

#[test]
fn user_add_takes_a_unit_for_the_unit_role_only() {
    let dir = tempfile::tempdir().unwrap();
    drop(fixture_store(dir.path()));
    let db = dir.path().join("round.db").display().to_string();
    ok(&["user", "add", "--db", &db, "dau-moi-stc", "--role", "unit", "--unit", "stc", "--full-name", "Trần Văn D"]);
    let list = ok(&["user", "list", "--db", &db]);
    let line = list.lines().find(|l| l.starts_with("dau-moi-stc")).unwrap();
    // The role by its Vietnamese name (`--lang en` keeps the slug `unit`).
    assert!(line.contains(" Cán bộ đầu mối của đơn vị ") && line.contains(" stc "), "{line}");
    assert!(refused(&["user", "add", "--db", &db, "a", "--role", "unit"]).contains("--unit"));
    assert!(refused(&["user", "add", "--db", &db, "b", "--role", "unit", "--unit", "khong-co"]).contains("khong-co"));
    assert!(refused(&["user", "add", "--db", &db, "c", "--role", "secretary", "--unit", "stc"]).contains("--unit"));
    ok(&["audit", "verify", "--db", &db]);
}

#[test]
fn migration_6_keeps_the_users_of_an_older_database_and_the_log_still_explains_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = tools::old_round(&path, 4);
        conn.execute("INSERT INTO unit VALUES ('snv', 'Sở Nội vụ', 'so-nganh', NULL)", []).unwrap();
        conn.execute("INSERT INTO council_user (name, full_name, role) VALUES ('thu-ky', 'Thư ký', 'secretary')", [])
            .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let users = store.users().unwrap();
    assert_eq!(users.len(), 1);
    assert_eq!((users[0].name.as_str(), users[0].unit.as_deref()), ("thu-ky", None));
    assert_verified(&store);
    store.add_unit_user("dau-moi-snv", "Đầu mối Sở Nội vụ", &"snv".into()).unwrap();
    store.sign_in("dau-moi-snv").unwrap();
    assert_eq!(store.actor().unit.as_deref(), Some("snv"));
    assert_verified(&store);
}

#[test]
fn a_not_applicable_mark_and_the_explanation_rule_of_453_hold_on_the_units_form() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("453.db");
    let mut store = Store::init(&path, "bac-giang-453", 2024).unwrap();
    let units = dir.path().join("units.csv");
    std::fs::write(&units, "code,name,bloc,group\nbtc,Ban Tổ chức Tỉnh ủy,tap-the,I\n").unwrap();
    store.import_units(&units).unwrap();
    store.add_unit_user("dau-moi-btc", "Đầu mối Ban Tổ chức", &"btc".into()).unwrap();
    store.sign_in("dau-moi-btc").unwrap();
    // Điều 4.2: a self-score below max needs the unit's explanation; 80 % of plan is a score.
    let mut below = input("btc", "A.1.1", "80%", "");
    below.explanation = Cell::Keep;
    assert!(store.save_self_assessment(&below).unwrap_err().to_string().contains("explanation"));
    store.save_self_assessment(&input("btc", "A.1.1", "80%", "Đạt 80% kế hoạch")).unwrap();
    // A not-applicable component carries no score: the mark with the score still there is refused.
    let not_applicable = SelfAssessmentInput {
        applicable: Cell::Set(false),
        self_score: Cell::Keep,
        explanation: Cell::Keep,
        ..input("btc", "A.1.1", "", "")
    };
    assert!(store.save_self_assessment(&not_applicable).unwrap_err().to_string().contains("not-applicable"));
    let cleared = SelfAssessmentInput { self_score: Cell::Clear, ..not_applicable };
    store.save_self_assessment(&cleared).unwrap();
    let round = store.load_round().unwrap();
    let entry = round.units[0].entries.get("A.1.1").unwrap().clone();
    assert!(!entry.applicable && entry.self_score.is_none());
    assert_verified(&store);
}

#[test]
fn a_unit_user_imports_only_its_own_score_sheet_and_never_reads_the_whole_round() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    store.add_unit_user("dau-moi-stc", "Đầu mối Sở Tài chính", &"stc".into()).unwrap();
    store.add_unit_user("dau-moi-skhcn", "Đầu mối Sở Khoa học và Công nghệ", &"skhcn".into()).unwrap();
    drop(store);
    let db = dir.path().join("round.db").display().to_string();
    let sheet = dir.path().join("stc.xlsx").display().to_string();
    // The secretary sends the unit its sheet; the unit sends it back.
    ok(&["export", "sheet", "--db", &db, "--user", "thu-ky", "--unit", "stc", "--out", &sheet]);
    let error = refused(&["import", "sheet", "--db", &db, "--user", "dau-moi-skhcn", &sheet]);
    assert!(
        error.contains("stc.xlsx") && error.contains("đơn vị stc") && error.contains("đơn vị của mình (skhcn)"),
        "{error}"
    );
    ok(&["import", "sheet", "--db", &db, "--user", "dau-moi-stc", &sheet]);
    for args in [vec!["rank", "--json"], vec!["audit", "log"], vec!["round", "show"]] {
        let error = refused(&strs(
            &[
                args.iter().map(ToString::to_string).collect::<Vec<_>>(),
                ["--db", &db, "--user", "dau-moi-stc"].map(String::from).to_vec(),
            ]
            .concat(),
        ));
        assert!(error.contains("thamdinh result"), "{args:?}: {error}");
    }
}
