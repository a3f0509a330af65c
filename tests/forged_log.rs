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

use binary::{ok, thamdinh};
use rusqlite::{Connection, params};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use thamdinh::domain::facts::FactValue;
use thamdinh::store::Store;
use thamdinh::store::appraise::AppraisalInput;
use thamdinh::store::audit::{AuditRow, row_hash};
use thamdinh::store::rerate::RerateChange;
use thamdinh::store::state::row_state;
use tui_support::fixture_store;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");

fn save(store: &mut Store, user: &str, unit: &str, component: &str, appraised: &str, reason: &str) {
    store.sign_in(user).unwrap();
    let based_on_version = store.appraisal_version(unit, component).unwrap();
    let appraised: Decimal = appraised.parse().unwrap();
    let input = AppraisalInput {
        unit: unit.into(),
        component: component.into(),
        appraised,
        deduction_reason: reason.into(),
        based_on_version,
    };
    store.save_appraisal(&input).unwrap_or_else(|e| panic!("{user}: {e}"));
}

fn checkpoint(db: &Path) {
    Connection::open(db).unwrap().query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
}

/// A component of the `huyen` bloc led by so-noi-vu (not scored by the leaders).
fn led_component(store: &Store) -> String {
    let huyen = store.regulation().framework_for("huyen", None).unwrap();
    huyen
        .components()
        .find(|p| {
            !p.criterion.scored_by_leaders && p.component.agencies.first().map(String::as_str) == Some("so-noi-vu")
        })
        .unwrap()
        .component
        .code
        .to_string()
}

/// The fixture round after a council's work through the program: an assistant's entry, a member's appraisal, a
/// leader's score, a comment, a tie order, an approval of so-nganh, a re-rating of stc, a removed user, a unit's
/// focal person, its self-score.
fn real_round(dir: &Path) -> (PathBuf, String) {
    let mut store = fixture_store(dir);
    let led = led_component(&store);
    let clear = dir.join("clear.csv");
    std::fs::write(&clear, format!("unit,criterion,appraised_score,reason\nh-dai-tu,{led},-,-\n")).unwrap();
    store.import_scores(&clear).unwrap();
    save(&mut store, "tgv-so-noi-vu", "h-dai-tu", &led, "0", "Chưa có báo cáo");
    save(&mut store, "tv-so-noi-vu", "skhcn", "III.7", "2.5", "Thiếu một báo cáo");
    save(&mut store, "lanh-dao-1", "stc", "I.1", "3", "Chưa quyết liệt");
    store.sign_in("tv-so-tttt").unwrap();
    store.add_comment("stc", "V.5", "Đề nghị bổ sung tài liệu").unwrap();
    store.sign_in("chu-tich").unwrap();
    store.order_tie("so-nganh", &["stp".into(), "snv".into()]).unwrap();
    store.approve_bloc("so-nganh").unwrap();
    let change = RerateChange::Fact { name: "discipline".into(), value: "yes".into() };
    store.rerate("stc", &[change], "Phát hiện vi phạm sau khi công bố").unwrap();
    store.sign_in("thu-ky").unwrap();
    store.save_facts("h-dai-tu", &[("disunity".into(), FactValue::Bool(true))]).unwrap();
    let mut admin = Store::open(store.path()).unwrap();
    admin.remove_user("tv-so-tu-phap").unwrap();
    admin.add_unit_user("dau-moi-h-dai-tu", "Cán bộ đầu mối Đại Từ", "h-dai-tu").unwrap();
    let path = store.path().to_path_buf();
    drop((store, admin));
    checkpoint(&path);
    (path, led)
}

/// What a forger appends: one row, its values, and the data table's row written to match it.
struct Forgery<'a> {
    actor: &'a str,
    action: &'a str,
    unit: Option<&'a str>,
    criterion: Option<&'a str>,
    field: Option<&'a str>,
    /// Raw SQL that changes one row of a data table and returns it (`… RETURNING *`), and its table.
    write: Option<(&'a str, &'a str)>,
}

/// Appends the row as the program would: the next id, the head's hash as `prev_hash`, the row's SHA-256 over the
/// same fields (`row_hash`), its record of the row it wrote. Triggers are left as they are unless `unguard` names
/// some, which are dropped for the write and created again exactly as they were.
fn forge(db: &Path, forgery: &Forgery<'_>, unguard: &[&str]) -> i64 {
    let conn = Connection::open(db).unwrap();
    let saved: Vec<String> = unguard
        .iter()
        .map(|name| {
            conn.query_row("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1", [name], |r| r.get(0))
                .unwrap()
        })
        .collect();
    for name in unguard {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\"")).unwrap();
    }
    let state = forgery.write.map(|(table, sql)| conn.query_row(sql, [], |row| row_state(table, row)).unwrap());
    for sql in &saved {
        conn.execute_batch(sql).unwrap();
    }
    let (last, prev_hash): (i64, String) = conn
        .query_row("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    let at: String = conn.query_row("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')", [], |r| r.get(0)).unwrap();
    let mut row = AuditRow {
        id: last + 1,
        at,
        actor: forgery.actor.into(),
        action: forgery.action.into(),
        unit: forgery.unit.map(str::to_string),
        criterion: forgery.criterion.map(str::to_string),
        field: forgery.field.map(str::to_string),
        old_value: None,
        new_value: Some("1".into()),
        reason: None,
        detail: "giả mạo".into(),
        prev_hash,
        hash: String::new(),
        state: state.map(|s| format!("[{s}]")),
    };
    row.hash = row_hash(&row);
    conn.execute(
        "INSERT INTO audit (id, at, actor, action, unit, criterion, field, old_value, new_value, reason, detail, prev_hash, hash, state)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            row.id, row.at, row.actor, row.action, row.unit, row.criterion, row.field, row.old_value, row.new_value,
            row.reason, row.detail, row.prev_hash, row.hash, row.state
        ],
    )
    .unwrap();
    drop(conn);
    checkpoint(db);
    row.id
}

fn verify(db: &Path, lang: &str) -> (bool, String, String) {
    let db = db.display().to_string();
    let output = thamdinh(&["--lang", lang, "audit", "verify", "--db", db.as_str()]);
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn copy_of(original: &Path, name: &str) -> PathBuf {
    let copy = original.with_file_name(format!("{name}.db"));
    std::fs::copy(original, &copy).unwrap();
    copy
}

/// Every row the program wrote in a council's real work verifies, in both languages: the judgement names nothing.
#[test]
fn an_untouched_round_and_a_demo_verify_clean() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = real_round(dir.path());
    for lang in ["vi", "en"] {
        let (success, stdout, stderr) = verify(&db, lang);
        assert!(success, "{lang}: {stdout}{stderr}");
    }
    let demo = dir.path().join("demo.db");
    ok(&["demo", "--db", &demo.display().to_string(), "--units", "20"]);
    let (success, stdout, stderr) = verify(&demo, "vi");
    assert!(success, "{stdout}{stderr}");
}

#[test]
#[allow(clippy::too_many_lines, reason = "one table of forgeries, each with what verify must say")]
fn each_forged_row_is_named_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (db, led) = real_round(dir.path());
    let score = |unit: &str, component: &str| {
        format!(
            "UPDATE score SET appraised_score = '1', version = version + 1 WHERE unit = '{unit}' AND criterion = '{component}' RETURNING *"
        )
    };
    let on_dai_tu = score("h-dai-tu", &led);
    let on_skhcn = score("skhcn", "III.7");
    // (name, the forgery, triggers the forger lifts for the write, what verify must say in Vietnamese, in English)
    let cases: Vec<(&str, Forgery<'_>, Vec<&str>, &str, &str)> = vec![
        (
            "an appraisal by a unit's focal person",
            Forgery {
                actor: "dau-moi-h-dai-tu",
                action: "appraise",
                unit: Some("h-dai-tu"),
                criterion: Some(&led),
                field: Some("appraised_score"),
                write: Some(("score", &on_dai_tu)),
            },
            vec![],
            "vai trò của người ghi lúc đó không cho phép: dau-moi-h-dai-tu (Cán bộ đầu mối của đơn vị, đơn vị h-dai-tu) không được",
            "its actor's role at that time did not allow it: dau-moi-h-dai-tu (unit, unit h-dai-tu) may not appraise",
        ),
        (
            "an appraisal by a user who does not exist",
            Forgery {
                actor: "ke-gian",
                action: "appraise",
                unit: Some("h-dai-tu"),
                criterion: Some(&led),
                field: Some("appraised_score"),
                write: Some(("score", &on_dai_tu)),
            },
            vec![],
            "người ghi \"ke-gian\" không phải người dùng của kỳ này vào lúc đó",
            "its actor \"ke-gian\" was not a user of this round at that time",
        ),
        (
            "an appraisal by a removed member",
            Forgery {
                actor: "tv-so-tu-phap",
                action: "appraise",
                unit: Some("h-dai-tu"),
                criterion: Some(&led),
                field: Some("appraised_score"),
                write: Some(("score", &on_dai_tu)),
            },
            vec![],
            "người ghi \"tv-so-tu-phap\" đã bị gỡ khỏi Hội đồng từ",
            "its actor \"tv-so-tu-phap\" was removed from the council on",
        ),
        (
            "an appraisal by the secretary",
            Forgery {
                actor: "thu-ky",
                action: "appraise",
                unit: Some("h-dai-tu"),
                criterion: Some(&led),
                field: Some("appraised_score"),
                write: Some(("score", &on_dai_tu)),
            },
            vec![],
            "thu-ky (Thư ký) không được",
            "thu-ky (secretary) may not appraise",
        ),
        (
            "an appraisal by a member of another agency",
            Forgery {
                actor: "tv-so-tttt",
                action: "appraise",
                unit: Some("h-dai-tu"),
                criterion: Some(&led),
                field: Some("appraised_score"),
                write: Some(("score", &on_dai_tu)),
            },
            vec![],
            "tv-so-tttt (Thành viên Hội đồng, so-tttt) không được",
            "tv-so-tttt (member, so-tttt) may not appraise",
        ),
        (
            "a user added by a member",
            Forgery {
                actor: "tv-so-tttt",
                action: "add user",
                unit: None,
                criterion: None,
                field: None,
                write: Some((
                    "council_user",
                    "INSERT INTO council_user (name, full_name, role) VALUES ('ke-gian', 'Kẻ gian', 'chairman') RETURNING *",
                )),
            },
            vec![],
            "tv-so-tttt (Thành viên Hội đồng, so-tttt) không được",
            "tv-so-tttt (member, so-tttt) may not add or remove council users",
        ),
        (
            // The secretary keeps users, but never raises one to the chairman (the store's role-grant gate).
            "a chairman added by the secretary",
            Forgery {
                actor: "thu-ky",
                action: "add user",
                unit: None,
                criterion: None,
                field: None,
                write: Some((
                    "council_user",
                    "INSERT INTO council_user (name, full_name, role) VALUES ('ke-gian', 'Kẻ gian', 'chairman') RETURNING *",
                )),
            },
            vec![],
            "người dùng ke-gian: Thư ký Hội đồng không được thêm hoặc xóa người dùng vai trò Chủ tịch Hội đồng",
            "user ke-gian: the secretary may not add or remove a chairman",
        ),
        (
            "an approval by a leader",
            Forgery {
                actor: "lanh-dao-2",
                action: "approve",
                unit: None,
                criterion: None,
                field: None,
                write: Some((
                    "approval",
                    "INSERT INTO approval (bloc, actor) VALUES ('huyen', 'lanh-dao-2') RETURNING *",
                )),
            },
            vec![],
            "lanh-dao-2 (Lãnh đạo UBND tỉnh) không được",
            "lanh-dao-2 (leader) may not approve a bloc",
        ),
        (
            "a fact of an approved unit changed outside a re-rating, by the chairman",
            Forgery {
                actor: "chu-tich",
                action: "fact",
                unit: Some("stc"),
                criterion: None,
                field: Some("discipline"),
                write: Some((
                    "fact",
                    "INSERT OR REPLACE INTO fact (unit, name, value) VALUES ('stc', 'discipline', 'no') RETURNING *",
                )),
            },
            vec!["fact_frozen_insert", "fact_frozen_delete"],
            "thay đổi fact (stc) của khối so-nganh đã phê duyệt mà không qua xếp loại lại",
            "changes fact (stc) of the approved bloc so-nganh outside a re-rating",
        ),
        (
            "an appraised score of an approved unit changed outside a re-rating, by its member",
            Forgery {
                actor: "tv-so-noi-vu",
                action: "appraise",
                unit: Some("skhcn"),
                criterion: Some("III.7"),
                field: Some("appraised_score"),
                write: Some(("score", &on_skhcn)),
            },
            vec!["score_frozen_update"],
            "thay đổi score (skhcn) của khối so-nganh đã phê duyệt mà không qua xếp loại lại",
            "changes score (skhcn) of the approved bloc so-nganh outside a re-rating",
        ),
        (
            "a decision beyond the quota by the secretary",
            Forgery {
                actor: "thu-ky",
                action: "exceed quota",
                unit: Some("h-dai-tu"),
                criterion: None,
                field: Some("quota_exception"),
                write: Some((
                    "quota_exception",
                    "INSERT INTO quota_exception (unit, bloc, reason, actor) VALUES ('h-dai-tu', 'huyen', 'x', 'thu-ky') RETURNING *",
                )),
            },
            vec![],
            "thu-ky (Thư ký) không được quyết định Hoàn thành xuất sắc ngoài tỷ lệ",
            "thu-ky (secretary) may not rate a unit excellent beyond the quota",
        ),
        (
            "a decision beyond the quota on a unit of an approved bloc, by the chairman",
            Forgery {
                actor: "chu-tich",
                action: "exceed quota",
                unit: Some("snv"),
                criterion: None,
                field: Some("quota_exception"),
                write: Some((
                    "quota_exception",
                    "INSERT INTO quota_exception (unit, bloc, reason, actor) VALUES ('snv', 'so-nganh', 'x', 'chu-tich') RETURNING *",
                )),
            },
            vec!["quota_exception_frozen_insert"],
            "thay đổi quota_exception (snv) của khối so-nganh đã phê duyệt mà không qua xếp loại lại",
            "changes quota_exception (snv) of the approved bloc so-nganh outside a re-rating",
        ),
    ];
    for (name, forgery, unguard, vi, en) in &cases {
        let copy = copy_of(&db, &name.replace(' ', "-"));
        let id = forge(&copy, forgery, unguard);
        let (success, stdout, stderr) = verify(&copy, "vi");
        assert!(!success, "{name}: verify passed:\n{stdout}");
        assert!(stderr.contains(&format!("dòng #{id} (")), "{name}: row #{id} not named:\n{stderr}");
        assert!(stderr.contains(vi), "{name}: {vi:?} not in:\n{stderr}");
        // Nothing else is found: the chain is intact, the tables are as the log says, the triggers are in place.
        assert!(stdout.contains("nhật ký nguyên vẹn"), "{name}: {stdout}");
        assert_eq!(stderr.matches("dòng #").count(), 1, "{name}: only the forged row:\n{stderr}");
        assert!(!stderr.contains("trigger"), "{name}: {stderr}");
        let (_, _, stderr) = verify(&copy, "en");
        assert!(stderr.contains(&format!("row #{id} (")) && stderr.contains(en), "{name}: {en:?} not in:\n{stderr}");
    }
}

/// A real re-rating changes an approved unit's data: it is allowed; the same change in a write of its own is not.
#[test]
fn a_rerating_is_allowed_and_recorded_head_does_not_hide_a_later_forgery() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = real_round(dir.path());
    let head = ok(&["audit", "verify", "--db", &db.display().to_string()]);
    let head = head.lines().find_map(|line| line.strip_prefix("mã cuối: ")).unwrap().trim().to_string();
    let forgery = Forgery {
        actor: "chu-tich",
        action: "rerate",
        unit: Some("stc"),
        criterion: None,
        field: Some("discipline"),
        write: Some((
            "fact",
            "INSERT OR REPLACE INTO fact (unit, name, value) VALUES ('stc', 'discipline', 'no') RETURNING *",
        )),
    };
    let id = forge(&db, &forgery, &["fact_frozen_insert", "fact_frozen_delete"]);
    let output = thamdinh(&["audit", "verify", "--db", &db.display().to_string(), "--head", &head]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stdout).contains(&format!("mã đã ghi {head} là dòng {}/{id}", id - 1)),
        "the head is found"
    );
    assert!(stderr.contains(&format!("dòng #{id} (")) && stderr.contains("mà không qua xếp loại lại"), "{stderr}");
}

#[test]
fn dropped_or_altered_guard_triggers_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = real_round(dir.path());
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
    let (success, _, stderr) = verify(&db, "vi");
    assert!(!success);
    for expected in [
        "trigger audit_no_update: đã bị xóa",
        "trigger score_frozen_update: đã bị xóa",
        "trigger approval_no_delete: nội dung khác",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in:\n{stderr}");
    }
    assert_eq!(stderr.matches("  trigger ").count(), 3, "only those three:\n{stderr}");
    let (_, _, stderr) = verify(&db, "en");
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
        let (success, stdout, stderr) = verify(&db, "vi");
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
    store.add_unit_user("dau-moi-snv", "Nguyễn Thị Đầu Mối", "snv").unwrap();
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
    let (success, stdout, stderr) = verify(&db, "vi");
    assert!(success, "a refused row is one the program writes: {stdout}{stderr}");
}

/// A forged record naming a table the program does not have is named in words, in both languages, never printed
/// as a Rust structure (issue 21: *an unknown table in a log record prints a Rust debug struct*).
#[test]
fn a_record_naming_an_unknown_table_is_named_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = real_round(dir.path());
    let forgery = Forgery {
        actor: "thu-ky",
        action: "import",
        unit: None,
        criterion: None,
        field: None,
        write: Some(("khong_co_bang", "SELECT 1 AS id")),
    };
    forge(&db, &forgery, &[]);
    for lang in ["vi", "en"] {
        let (success, stdout, stderr) = verify(&db, lang);
        let said = format!("{stdout}{stderr}");
        assert!(!success, "{lang}: a forged record verified clean:\n{said}");
        assert!(said.contains("khong_co_bang"), "{lang}: the unknown table is not named:\n{said}");
        for debug in [" { ", "Some(", "None", "\\\"", "Unexplained", "AuditRow"] {
            assert!(!said.contains(debug), "{lang}: {debug:?} printed:\n{said}");
        }
    }
}
