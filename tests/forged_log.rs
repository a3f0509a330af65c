//! Issue 21 item 4: rows appended to the audit log by someone with raw SQL access, chained exactly as the program
//! chains them (so the hash check passes) and with the data tables changed to match (so the table comparison
//! passes), are each named by `audit verify` against what the program would have allowed: an appraisal by a unit's
//! focal person, a row by a user who does not exist or was removed, a role that did not allow the action, a change
//! to an approved bloc outside a re-rating. Dropped or altered guard triggers are named. An untouched round
//! verifies clean.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod binary;
mod tools;
mod tui_support;

use binary::ok;
use rusqlite::Connection;
use std::path::Path;
use thamdinh::store::Store;
use tools::forge::{Forgery, case, checkpoint, forge, real_round, verify};
use tui_support::fixture_store;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");

/// Every row the program wrote in a council's real work verifies, in both languages: the judgement names nothing.
#[test]
fn an_untouched_round_and_a_demo_verify_clean() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = real_round(fixture_store(dir.path()));
    for lang in ["vi", "en"] {
        let (success, stdout, stderr) = verify(&db, lang, None);
        assert!(success, "{lang}: {stdout}{stderr}");
    }
    let demo = dir.path().join("demo.db");
    ok(&["demo", "--db", &demo.display().to_string(), "--units", "20"]);
    let (success, stdout, stderr) = verify(&demo, "vi", None);
    assert!(success, "{stdout}{stderr}");
}

/// Each forgery (name, what the forger appends, what verify must say in Vietnamese, in English) is named.
#[test]
#[allow(clippy::too_many_lines, reason = "one table of forgeries, each with what verify must say")]
fn each_forged_row_is_named_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (db, led) = real_round(fixture_store(dir.path()));
    let add_chairman =
        "INSERT INTO council_user (name, full_name, role) VALUES ('ke-gian', 'Kẻ gian', 'chairman') RETURNING *";
    let cases = [
        (
            "an appraisal by a unit's focal person",
            Forgery::appraisal("dau-moi-h-dai-tu", "h-dai-tu", &led),
            "vai trò của người ghi lúc đó không cho phép: dau-moi-h-dai-tu (Cán bộ đầu mối của đơn vị, đơn vị h-dai-tu) không được",
            "its actor's role at that time did not allow it: dau-moi-h-dai-tu (unit, unit h-dai-tu) may not appraise",
        ),
        (
            "an appraisal by a user who does not exist",
            Forgery::appraisal("ke-gian", "h-dai-tu", &led),
            "người ghi \"ke-gian\" không phải người dùng của kỳ này vào lúc đó",
            "its actor \"ke-gian\" was not a user of this round at that time",
        ),
        (
            "an appraisal by a removed member",
            Forgery::appraisal("tv-so-tu-phap", "h-dai-tu", &led),
            "người ghi \"tv-so-tu-phap\" đã bị gỡ khỏi Hội đồng từ",
            "its actor \"tv-so-tu-phap\" was removed from the council on",
        ),
        (
            "an appraisal by the secretary",
            Forgery::appraisal("thu-ky", "h-dai-tu", &led),
            "thu-ky (Thư ký) không được",
            "thu-ky (secretary) may not appraise",
        ),
        (
            "an appraisal by a member of another agency",
            Forgery::appraisal("tv-so-tttt", "h-dai-tu", &led),
            "tv-so-tttt (Thành viên Hội đồng, so-tttt) không được",
            "tv-so-tttt (member, so-tttt) may not appraise",
        ),
        (
            "a user added by a member",
            Forgery::new("tv-so-tttt", "add user", "council_user", add_chairman),
            "tv-so-tttt (Thành viên Hội đồng, so-tttt) không được",
            "tv-so-tttt (member, so-tttt) may not add or remove council users",
        ),
        (
            // The secretary keeps users, but never raises one to the chairman (the store's role-grant gate).
            "a chairman added by the secretary",
            Forgery::new("thu-ky", "add user", "council_user", add_chairman),
            "người dùng ke-gian: Thư ký Hội đồng không được thêm hoặc xóa người dùng vai trò Chủ tịch Hội đồng",
            "user ke-gian: the secretary may not add or remove a chairman",
        ),
        (
            "an approval by a leader",
            Forgery::new(
                "lanh-dao-2",
                "approve",
                "approval",
                "INSERT INTO approval (bloc, actor) VALUES ('huyen', 'lanh-dao-2') RETURNING *",
            ),
            "lanh-dao-2 (Lãnh đạo UBND tỉnh) không được",
            "lanh-dao-2 (leader) may not approve a bloc",
        ),
        (
            "a fact of an approved unit changed outside a re-rating, by the chairman",
            fact_of_stc("fact"),
            "thay đổi fact (stc) của khối so-nganh đã phê duyệt mà không qua xếp loại lại",
            "changes fact (stc) of the approved bloc so-nganh outside a re-rating",
        ),
        (
            "an appraised score of an approved unit changed outside a re-rating, by its member",
            Forgery::appraisal("tv-so-noi-vu", "skhcn", "III.7").unguard(&["score_frozen_update"]),
            "thay đổi score (skhcn) của khối so-nganh đã phê duyệt mà không qua xếp loại lại",
            "changes score (skhcn) of the approved bloc so-nganh outside a re-rating",
        ),
        (
            "a decision beyond the quota by the secretary",
            beyond_quota("thu-ky", "h-dai-tu", "huyen"),
            "thu-ky (Thư ký) không được quyết định Hoàn thành xuất sắc ngoài tỷ lệ",
            "thu-ky (secretary) may not rate a unit excellent beyond the quota",
        ),
        (
            "a decision beyond the quota on a unit of an approved bloc, by the chairman",
            beyond_quota("chu-tich", "snv", "so-nganh").unguard(&["quota_exception_frozen_insert"]),
            "thay đổi quota_exception (snv) của khối so-nganh đã phê duyệt mà không qua xếp loại lại",
            "changes quota_exception (snv) of the approved bloc so-nganh outside a re-rating",
        ),
    ];
    for (name, forgery, vi, en) in &cases {
        case(&db, name, forgery, vi, en);
    }
}

/// The chairman sets stc's `discipline` fact (stc's bloc is approved: its guard triggers lifted) as `action`.
fn fact_of_stc(action: &str) -> Forgery {
    let sql = "INSERT OR REPLACE INTO fact (unit, name, value) VALUES ('stc', 'discipline', 'no') RETURNING *";
    Forgery::new("chu-tich", action, "fact", sql)
        .on("stc")
        .field("discipline")
        .unguard(&["fact_frozen_insert", "fact_frozen_delete"])
}

/// `actor` rates `unit` of `bloc` excellent beyond the quota.
fn beyond_quota(actor: &str, unit: &str, bloc: &str) -> Forgery {
    let sql = format!(
        "INSERT INTO quota_exception (unit, bloc, reason, actor) VALUES ('{unit}', '{bloc}', 'x', '{actor}') RETURNING *"
    );
    Forgery::new(actor, "exceed quota", "quota_exception", &sql).on(unit).field("quota_exception")
}

/// A real re-rating changes an approved unit's data: it is allowed; the same change in a write of its own is not.
#[test]
fn a_rerating_is_allowed_and_recorded_head_does_not_hide_a_later_forgery() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = real_round(fixture_store(dir.path()));
    let head = ok(&["audit", "verify", "--db", &db.display().to_string()]);
    let head = head.lines().find_map(|line| line.strip_prefix("mã cuối: ")).unwrap().trim().to_string();
    let id = forge(&db, &fact_of_stc("rerate"));
    let (success, stdout, stderr) = verify(&db, "vi", Some(&head));
    assert!(!success);
    assert!(stdout.contains(&format!("mã đã ghi {head} là dòng {}/{id}", id - 1)), "the head is found: {stdout}");
    assert!(stderr.contains(&format!("dòng #{id} (")) && stderr.contains("mà không qua xếp loại lại"), "{stderr}");
}

#[test]
fn dropped_or_altered_guard_triggers_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = real_round(fixture_store(dir.path()));
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_no_update;
         DROP TRIGGER score_frozen_update;
         DROP TRIGGER approval_no_delete;
         CREATE TRIGGER approval_no_delete BEFORE DELETE ON approval WHEN 0
         BEGIN SELECT RAISE(ABORT, 'an approval is never withdrawn; re-rate a unit instead (Điều 10.4)'); END;",
    )
    .unwrap();
    drop(conn);
    checkpoint(&db);
    let (success, _, stderr) = verify(&db, "vi", None);
    assert!(!success);
    for expected in [
        "trigger audit_no_update: đã bị xóa",
        "trigger score_frozen_update: đã bị xóa",
        "trigger approval_no_delete: nội dung khác",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in:\n{stderr}");
    }
    assert_eq!(stderr.matches("  trigger ").count(), 3, "only those three:\n{stderr}");
    let (_, _, stderr) = verify(&db, "en", None);
    assert!(stderr.contains("trigger audit_no_update: dropped"), "{stderr}");
}

fn audit_rows(db: &Path) -> i64 {
    Connection::open(db).unwrap().query_row("SELECT count(*) FROM audit", [], |r| r.get(0)).unwrap()
}

/// Issue 21, minor: an import that changes nothing (a member's or the secretary's `import units` of the units the
/// round has, a scores file of the values it holds) writes no audit row, and the command says 0 changes.
#[test]
fn an_import_that_changes_nothing_writes_no_audit_row() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let db = store.path().to_path_buf();
    drop(store);
    let db_text = db.display().to_string();
    let units = Path::new(FIXTURES).join("units.csv").display().to_string();
    let scores = Path::new(FIXTURES).join("scores.csv").display().to_string();
    for (user, kind, file) in
        [("tv-so-noi-vu", "units", &units), ("thu-ky", "units", &units), ("thu-ky", "scores", &scores)]
    {
        let before = audit_rows(&db);
        let out = ok(&["import", kind, "--db", &db_text, "--user", user, file]);
        assert!(out.contains(", 0 thay đổi"), "{user} {kind}: {out}");
        assert_eq!(audit_rows(&db), before, "{user} {kind}: no audit row for an import that changed nothing");
    }
    // One that changes something still writes its rows and its summary.
    let one = dir.path().join("one.csv");
    std::fs::write(&one, "unit,criterion,explanation\nstc,III.7,Giải trình bổ sung\n").unwrap();
    let before = audit_rows(&db);
    let out = ok(&["import", "scores", "--db", &db_text, "--user", "thu-ky", &one.display().to_string()]);
    assert!(out.contains("đã nhập 1 dòng, 1 thay đổi"), "{out}");
    assert_eq!(audit_rows(&db), before + 2, "the value's row and the import's");
}

/// Issue 21, minor: the demo's audit row counts the evidence rows stored (two generated under one key are one row).
#[test]
fn the_demo_row_counts_the_evidence_stored() {
    let dir = tempfile::tempdir().unwrap();
    for (name, units) in [("named", None), ("synthetic", Some("20"))] {
        let db = dir.path().join(format!("{name}.db"));
        let db_text = db.display().to_string();
        let mut args = vec!["demo", "--db", db_text.as_str()];
        if let Some(units) = units {
            args.extend(["--units", units]);
        }
        ok(&args);
        let conn = Connection::open(&db).unwrap();
        let detail: String =
            conn.query_row("SELECT detail FROM audit WHERE action = 'seed'", [], |r| r.get(0)).unwrap();
        let stored: i64 = conn.query_row("SELECT count(*) FROM evidence", [], |r| r.get(0)).unwrap();
        let facts: i64 = conn.query_row("SELECT count(*) FROM fact", [], |r| r.get(0)).unwrap();
        assert!(detail.ends_with(&format!(", {facts} facts, {stored} evidence rows")), "{name}: {detail}");
        drop(conn);
        let (success, stdout, stderr) = verify(&db, "vi", None);
        assert!(success, "{name}: {stdout}{stderr}");
    }
}

/// Issue 21 item 2: a unit's focal person's save refused by the store in the interface (its self-assessment was
/// submitted meanwhile) is audited as on the command line: a `refused` row naming who and what, no values.
#[test]
fn a_units_refused_save_in_the_interface_is_audited_without_its_values() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::init(&dir.path().join("round.db"), "thai-nguyen-2024", 2024).unwrap();
    store.import_units(&Path::new(FIXTURES).join("units.csv")).unwrap();
    thamdinh::demo::add_demo_users(&mut store).unwrap();
    store.add_unit_user("dau-moi-snv", "Nguyễn Thị Đầu Mối", &"snv".into()).unwrap();
    store.import_scores(&tools::fill_self_assessment(dir.path(), "snv")).unwrap();
    let mut unit = tui_support::app_as(&mut store, "dau-moi-snv");
    tui_support::press(&mut unit, &mut store, "<Enter>");
    // Meanwhile the secretary records the unit's submission: the unit's form is now frozen in the store.
    let mut secretary = Store::open(store.path()).unwrap();
    secretary.sign_in("thu-ky").unwrap();
    secretary.submit(Some("snv"), "2024-11-20", "05/BB-SNV").unwrap();
    let refused = |db: &Path| -> Vec<(String, Option<String>, Option<String>, String)> {
        let conn = Connection::open(db).unwrap();
        let mut statement =
            conn.prepare("SELECT actor, old_value, new_value, detail FROM audit WHERE action = 'refused'").unwrap();
        statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let db = store.path().to_path_buf();
    assert!(refused(&db).is_empty());
    tui_support::press(&mut unit, &mut store, "0,5<C-s>");
    let message = unit.message.as_ref().map(|(text, _)| text.clone()).unwrap_or_default();
    assert!(!message.contains("Đã lưu"), "the store refused: {message}");
    let rows = refused(&db);
    assert_eq!(rows.len(), 1, "{message}: {rows:?}");
    let (actor, old, new, detail) = &rows[0];
    assert_eq!(actor, "dau-moi-snv");
    assert_eq!((old.as_deref(), new.as_deref()), (None, Some("self-assessment (interface)")));
    assert!(!detail.contains("0,5") && !detail.contains("0.5"), "no value: {detail}");
    let (success, stdout, stderr) = verify(&db, "vi", None);
    assert!(success, "a refused row is one the program writes: {stdout}{stderr}");
}

/// A forged record naming a table the program does not have is named in words, in both languages, never printed
/// as a Rust structure (issue 21: *an unknown table in a log record prints a Rust debug struct*).
#[test]
fn a_record_naming_an_unknown_table_is_named_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = real_round(fixture_store(dir.path()));
    forge(&db, &Forgery::new("thu-ky", "import", "khong_co_bang", "SELECT 1 AS id"));
    for lang in ["vi", "en"] {
        let (success, stdout, stderr) = verify(&db, lang, None);
        let said = format!("{stdout}{stderr}");
        assert!(!success, "{lang}: a forged record verified clean:\n{said}");
        assert!(said.contains("khong_co_bang"), "{lang}: the unknown table is not named:\n{said}");
        for debug in [" { ", "Some(", "None", "\\\"", "Unexplained", "AuditRow"] {
            assert!(!said.contains(debug), "{lang}: {debug:?} printed:\n{said}");
        }
    }
}
