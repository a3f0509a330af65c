//! Issue 21 item 2: a unit's focal person learns nothing of the council's work through refusals — the unit's
//! right first, no stored appraisal, reason or score in a message it can cause, the appraisal-needs-a-reason rule
//! not applied to its own self-score — and its refused attempts are in the audit log, without their values.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod binary;
mod tools;
mod tui_support;

use binary::{ok, refused, thamdinh};
use std::path::Path;
use thamdinh::sheet::layout::{Column, Layout, META_ROW};
use thamdinh::sheet::model::Value;
use thamdinh::store::self_assessment::SelfAssessmentInput;
use thamdinh::store::{Cell, Store};
use tools::file as write;

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

/// Thái Nguyên 2024: the council appraised stc III.7 at 3 (self 3) and snv II.2 at 1,75 with a reason; stc has its
/// focal person `dau-moi-stc`.
fn round(dir: &Path) -> String {
    let db = tools::units_round(dir, "2024.db");
    let scores = write(
        dir,
        "council.csv",
        "unit,criterion,self_score,appraised_score,reason\nstc,III.7,3,3,\nsnv,II.2,2,1.75,Chậm nộp báo cáo quý\n",
    );
    ok(&["import", "scores", "--db", &db, &scores]);
    ok(&["user", "add", "--db", &db, "dau-moi-stc", "--role", "unit", "--unit", "stc"]);
    db
}

fn assert_silent(error: &str) {
    for secret in ["1,75", "1.75", "Chậm nộp", "điểm thẩm định 3"] {
        assert!(!error.contains(secret), "a unit's refusal names the council's {secret:?}: {error}");
    }
}

#[test]
fn a_unit_changing_its_appraised_self_score_is_not_told_the_appraisal_and_the_rule_is_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    // The form: self-score 2 where the council appraised 3. The council's reason rule is not the unit's refusal.
    let mut store = Store::open(Path::new(&db)).unwrap();
    store.sign_in("dau-moi-stc").unwrap();
    let input = SelfAssessmentInput {
        unit: "stc".into(),
        component: "III.7".into(),
        self_score: Cell::Set("2".into()),
        explanation: Cell::Set("Một sáng kiến chưa được công nhận".into()),
        applicable: Cell::Keep,
    };
    store.save_self_assessment(&input).unwrap();
    drop(store);
    // CSV, the same rule.
    let csv = write(dir.path(), "own.csv", "unit,criterion,self_score,explanation\nstc,III.7,2.5,Một phần\n");
    ok(&["import", "scores", "--db", &db, "--user", "dau-moi-stc", &csv]);
    // The sheet, the same rule: its own sheet as the secretary exported it (with the council's columns).
    let out = sheet_with_self_score(dir.path(), &db, "stc", "III.7", rust_decimal::Decimal::ONE);
    ok(&["import", "sheet", "--db", &db, "--user", "dau-moi-stc", &out]);
    ok(&["audit", "verify", "--db", &db]);
}

#[test]
fn a_unit_reads_nothing_of_the_council_through_a_csv_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    // A guessed deduction reason reads the same refusal whether it is right or wrong.
    let right = write(dir.path(), "guess.csv", "unit,criterion,reason\nsnv,II.2,Chậm nộp báo cáo quý\n");
    let a = refused(&["import", "scores", "--db", &db, "--user", "dau-moi-stc", &right]);
    let wrong = write(dir.path(), "guess.csv", "unit,criterion,reason\nsnv,II.2,Sai\n");
    let b = refused(&["import", "scores", "--db", &db, "--user", "dau-moi-stc", &wrong]);
    assert_eq!(a.replace("Chậm nộp báo cáo quý", "X"), b.replace("Sai", "X"));
    // Its own unit: a reason or an appraisal cell is refused as typed, never compared with what is stored.
    let own = write(dir.path(), "own.csv", "unit,criterion,reason\nstc,III.7,Không có\n");
    let error = refused(&["import", "scores", "--db", &db, "--user", "dau-moi-stc", &own]);
    assert!(error.contains("cột reason"), "{error}");
    let empty_reason = write(dir.path(), "same.csv", "unit,criterion,appraised_score\nstc,III.7,3\n");
    let error = refused(&["import", "scores", "--db", &db, "--user", "dau-moi-stc", &empty_reason]);
    assert_silent(&error);
}

#[test]
fn a_unit_sheet_naming_another_unit_is_refused_before_any_cell_is_compared() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let store = Store::open(Path::new(&db)).unwrap();
    // stc's own sheet with its meta line pointed at snv and the council's cells emptied.
    let mut book = thamdinh::sheet::score_sheets_book(&store, &["snv".into()], &mut |_, _| {}).unwrap();
    let layout = Layout::for_regulation(store.regulation());
    let columns = [layout.col(Column::Appraised).unwrap(), layout.col(Column::Reason).unwrap()];
    let keys: Vec<(u32, u16)> = book.sheets[0].cells.keys().copied().filter(|(_, c)| columns.contains(c)).collect();
    for (row, col) in keys.into_iter().filter(|(row, _)| *row > META_ROW + 2) {
        let style = book.sheets[0].cells.get(&(row, col)).map(|c| c.style).unwrap_or_default();
        book.sheets[0].put(row, col, None, style);
    }
    let out = path(dir.path(), "snv.xlsx");
    let footer = thamdinh::sheet::render::Footer { content_hash: book.content_hash(), audit_head: None };
    thamdinh::sheet::write_book(book, &footer, Path::new(&out), "test").unwrap();
    let error = refused(&["import", "sheet", "--db", &db, "--user", "dau-moi-stc", &out]);
    assert!(error.contains("snv"), "{error}");
    assert_silent(&error);
}

#[test]
fn a_unit_marking_an_appraised_component_not_applicable_is_not_told_its_appraisal() {
    let dir = tempfile::tempdir().unwrap();
    let db = path(dir.path(), "453.db");
    ok(&["init", "--db", &db, "--regulation", "bac-giang-453", "--year", "2024"]);
    let units = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/bac-giang-453/units.csv");
    ok(&["import", "units", "--db", &db, &units.display().to_string()]);
    let council = write(
        dir.path(),
        "council.csv",
        "unit,criterion,self_score,appraised_score,reason\ndd-hdnd,A.1.2,5,4.25,Chưa đủ biên bản\n",
    );
    ok(&["import", "scores", "--db", &db, &council]);
    ok(&["user", "add", "--db", &db, "dau-moi", "--role", "unit", "--unit", "dd-hdnd"]);
    let file = write(dir.path(), "na.csv", "unit,criterion,applicable\ndd-hdnd,A.1.2,no\n");
    let output = thamdinh(&["import", "scores", "--db", &db, "--user", "dau-moi", &file]);
    let error = String::from_utf8_lossy(&output.stderr);
    for secret in ["4,25", "4.25", "Chưa đủ"] {
        assert!(!error.contains(secret), "{error}");
    }
}

#[test]
fn a_units_refused_attempt_is_in_the_audit_log_without_its_values() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let file = write(dir.path(), "other.csv", "unit,criterion,self_score\nsnv,II.2,0.5\n");
    refused(&["import", "scores", "--db", &db, "--user", "dau-moi-stc", &file]);
    refused(&["approve", "--db", &db, "--user", "dau-moi-stc", "--bloc", "so-nganh"]);
    let log = ok(&["audit", "log", "--db", &db]);
    let refusals: Vec<&str> = log.lines().filter(|line| line.contains("Bị từ chối")).collect();
    assert_eq!(refusals.len(), 2, "{log}");
    assert!(refusals.iter().all(|line| line.contains("dau-moi-stc")), "{refusals:?}");
    assert!(refusals[0].contains("import scores") && refusals[1].contains("approve"), "{refusals:?}");
    assert!(!refusals.iter().any(|line| line.contains("0.5") || line.contains("0,5")), "{refusals:?}");
    // A council user's refusal is its own business, not a unit's attempt; the log still verifies.
    ok(&["user", "add", "--db", &db, "tv", "--role", "member", "--agency", "so-noi-vu"]);
    refused(&["approve", "--db", &db, "--user", "tv", "--bloc", "so-nganh"]);
    assert_eq!(ok(&["audit", "log", "--db", &db]).lines().filter(|line| line.contains("Bị từ chối")).count(), 2);
    ok(&["audit", "verify", "--db", &db]);
}

/// Issue 21 item 2, third probe: in its own screen, a unit that sets a self-score other than the council's appraisal
/// is not told the appraisal, nor that the council's appraisal now needs a reason; its save is accepted.
#[test]
fn a_units_own_screen_never_shows_the_appraisal_its_self_score_moves_away_from() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let mut store = Store::open(Path::new(&db)).unwrap();
    let mut app = tui_support::app_as(&mut store, "dau-moi-stc");
    let position = app.self_assessed_components("stc").iter().position(|p| p.component.code == "III.7").unwrap();
    press_down(&mut app, &mut store, position);
    tui_support::press(&mut app, &mut store, "<Enter>2<Tab>Một sáng kiến chưa được công nhận<C-s>");
    let said = app.message.as_ref().map(|(text, _)| text.clone()).unwrap_or_default();
    assert!(said.contains("Đã lưu tự đánh giá"), "{said}");
    for view in [tui_support::screen(&app, 160, 48), tui_support::screen(&app, 80, 24), said] {
        assert_silent(&view);
        assert!(!view.contains("cần lý do") && !view.contains("thẩm định 3"), "{view}");
    }
    let stored = store.load_unit("stc").unwrap().unwrap();
    assert_eq!(stored.entries["III.7"].self_score, Some(rust_decimal::Decimal::TWO));
}

fn press_down(app: &mut thamdinh::tui::app::App, store: &mut Store, times: usize) {
    for _ in 0..times {
        tui_support::press(app, store, "j");
    }
}

/// `unit`'s score sheet as the secretary exports it, with `component`'s self-score set to `value`.
fn sheet_with_self_score(dir: &Path, db: &str, unit: &str, component: &str, value: rust_decimal::Decimal) -> String {
    let store = Store::open(Path::new(db)).unwrap();
    let mut book = thamdinh::sheet::score_sheets_book(&store, &[unit.into()], &mut |_, _| {}).unwrap();
    let layout = Layout::for_regulation(store.regulation());
    let (code_col, self_col) = (layout.col(Column::Code).unwrap(), layout.col(Column::SelfScore).unwrap());
    let row = book.sheets[0]
        .cells
        .iter()
        .find(|((_, c), cell)| *c == code_col && cell.value == Some(Value::Text(component.into())))
        .map(|((row, _), _)| *row)
        .unwrap();
    let style = book.sheets[0].cells.get(&(row, self_col)).map(|c| c.style).unwrap_or_default();
    book.sheets[0].put(row, self_col, Some(Value::Number(value)), style);
    let out = path(dir, &format!("{unit}-{value}.xlsx"));
    let footer = thamdinh::sheet::render::Footer { content_hash: book.content_hash(), audit_head: None };
    thamdinh::sheet::write_book(book, &footer, Path::new(&out), "test").unwrap();
    out
}

/// Issue 21, one rule on every path: the council's own import of a unit's self-score (CSV or sheet) is held to the
/// appraisal it recorded (a reason once they differ) the same way; the sheet no longer refuses every change.
#[test]
fn the_councils_csv_and_sheet_hold_a_moved_self_score_to_the_same_rule() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    // stc III.7: appraised 3 with no reason; a self-score of 2 makes the appraisal need one.
    let csv = write(dir.path(), "council-self.csv", "unit,criterion,self_score,explanation\nstc,III.7,2,Một phần\n");
    let by_csv = refused(&["import", "scores", "--db", &db, &csv]);
    let sheet = sheet_with_self_score(dir.path(), &db, "stc", "III.7", rust_decimal::Decimal::TWO);
    let by_sheet = refused(&["import", "sheet", "--db", &db, &sheet]);
    for error in [&by_csv, &by_sheet] {
        assert!(error.contains("cần lý do: điểm thẩm định 3 khác điểm tự đánh giá 2"), "{error}");
    }
    // snv II.2: appraised 1,75 with its reason; a moved self-score stands, by either path.
    let sheet = sheet_with_self_score(dir.path(), &db, "snv", "II.2", rust_decimal::Decimal::ONE);
    ok(&["import", "sheet", "--db", &db, &sheet]);
    ok(&["audit", "verify", "--db", &db]);
}
