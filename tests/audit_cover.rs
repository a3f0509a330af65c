//! Issue 13: `audit verify` covers every stored fact, on a real round and on a demo round: raw SQL that changes,
//! adds or removes any of them is named (table, row, field) with a non-zero exit. And a head recorded outside the
//! database (`audit verify --head`) proves the log up to it, against a truncated tail or a recomputed chain.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod binary;
mod tools;
mod tui_support;

use binary::ok;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use thamdinh::store::Store;
use tools::forge::{self, checkpoint, copy_of, save};
use tui_support::fixture_store;

/// The fixture round after a council's work through the program: every table holds rows.
fn real_round(dir: &Path) -> PathBuf {
    forge::real_round(fixture_store(dir)).0
}

/// `thamdinh demo --db … --units 20`.
fn demo_round(dir: &Path) -> PathBuf {
    let path = dir.join("demo.db");
    ok(&["demo", "--db", &path.display().to_string(), "--units", "20"]);
    checkpoint(&path);
    path
}

/// A copy of the round with raw SQL run on it, as someone holding the file could (triggers dropped first).
fn tampered(original: &Path, name: &str, sql: &str) -> PathBuf {
    let copy = copy_of(original, name);
    let conn = Connection::open(&copy).unwrap();
    let triggers: Vec<(String, String)> = {
        let mut statement = conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").unwrap();
        statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap()
    };
    for (trigger, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{trigger}\"")).unwrap();
    }
    conn.execute_batch(sql).unwrap_or_else(|e| panic!("{name}: {sql}: {e}"));
    // Put back as they were (a dropped trigger is itself named by verify, issue 21).
    for (_, create) in &triggers {
        conn.execute_batch(create).unwrap();
    }
    copy
}

/// `audit verify` in Vietnamese: success, and what it wrote to stderr.
fn verify(db: &Path, head: Option<&str>) -> (bool, String) {
    let (success, _, stderr) = forge::verify(db, "vi", head);
    (success, stderr)
}

/// One stored fact each: (what, raw SQL, what `audit verify` must name: table (row) field). `{u}` is a unit, `{c}`
/// one of its components, of the round under test.
const TAMPERING: &[(&str, &str, &str)] = &[
    (
        "self-score",
        "UPDATE score SET self_score = '0.125' WHERE unit = '{u}' AND criterion = '{c}'",
        "score ({u}, {c}) self_score",
    ),
    (
        "appraised score",
        "UPDATE score SET appraised_score = '0.125' WHERE unit = '{u}' AND criterion = '{c}'",
        "score ({u}, {c}) appraised_score",
    ),
    (
        "deduction reason",
        "UPDATE score SET deduction_reason = 'Sửa ngoài chương trình' WHERE unit = '{u}' AND criterion = '{c}'",
        "score ({u}, {c}) deduction_reason",
    ),
    (
        "explanation",
        "UPDATE score SET explanation = 'Sửa ngoài chương trình' WHERE unit = '{u}' AND criterion = '{c}'",
        "score ({u}, {c}) explanation",
    ),
    (
        "applicable",
        "UPDATE score SET applicable = 1 - applicable WHERE unit = '{u}' AND criterion = '{c}'",
        "score ({u}, {c}) applicable",
    ),
    (
        "appraised_by",
        "UPDATE score SET appraised_by = 'ke-gian' WHERE unit = '{u}' AND criterion = '{c}'",
        "score ({u}, {c}) appraised_by",
    ),
    (
        "awaiting_confirmation",
        "UPDATE score SET awaiting_confirmation = 1 - awaiting_confirmation WHERE unit = '{u}' AND criterion = '{c}'",
        "score ({u}, {c}) awaiting_confirmation",
    ),
    (
        "version",
        "UPDATE score SET version = version + 7 WHERE unit = '{u}' AND criterion = '{c}'",
        "score ({u}, {c}) version",
    ),
    (
        "a score removed",
        "DELETE FROM score WHERE unit = '{u}' AND criterion = '{c}'",
        "score ({u}, {c}) (row): the log wrote this row, and it is gone",
    ),
    (
        "leader's score",
        "INSERT OR REPLACE INTO leader_score VALUES ('{u}', 'I.1', 'lanh-dao-1', '0.125', 'x')",
        "leader_score ({u}, I.1, lanh-dao-1) score",
    ),
    (
        "grade override",
        "INSERT OR REPLACE INTO grade_override VALUES ('{u}', 'V', 'poor', 'Sửa ngoài chương trình')",
        "grade_override ({u}, V) grade",
    ),
    ("fact", "INSERT OR REPLACE INTO fact VALUES ('{u}', 'discipline', 'none')", "fact ({u}, discipline) value"),
    (
        "evidence document",
        "INSERT OR REPLACE INTO evidence VALUES ('{u}', '{c}', '99/GIA', 'Văn bản giả', '2024-01-01', NULL)",
        "evidence ({u}, {c}, 99/GIA) title",
    ),
    ("unit name", "UPDATE unit SET name = 'Đơn vị khác' WHERE code = '{u}'", "unit ({u}) name"),
    ("unit bloc", "UPDATE unit SET bloc = 'hoi' WHERE code = '{u}'", "unit ({u}) bloc"),
    ("unit group", "UPDATE unit SET unit_group = 'I' WHERE code = '{u}'", "unit ({u}) unit_group"),
    (
        "tie order",
        "INSERT OR REPLACE INTO tie_order VALUES ('so-nganh', 1, 1, '{u}')",
        "tie_order (so-nganh, 1, 1) unit",
    ),
    (
        "comment",
        "INSERT OR REPLACE INTO comment (id, unit, criterion, agency, text, at) VALUES (1, '{u}', 'V.5', 'so-tttt', 'Góp ý giả', '2024-01-01T00:00:00Z')",
        "comment (1) text",
    ),
    ("user's role", "UPDATE council_user SET role = 'chairman' WHERE name = 'thu-ky'", "council_user (thu-ky) role"),
    (
        "a user added",
        "INSERT INTO council_user (name, full_name, role) VALUES ('ke-gian', 'Kẻ gian', 'chairman')",
        "council_user (ke-gian) role",
    ),
    (
        "a removed user back",
        "UPDATE council_user SET removed_at = NULL WHERE name = 'tv-so-tu-phap'; UPDATE council_user SET removed_at = '2024-01-01T00:00:00Z' WHERE name = 'tgv-so-tu-phap'",
        "council_user (tgv-so-tu-phap) removed_at",
    ),
    (
        "approval",
        "INSERT OR REPLACE INTO approval (bloc, approved_at, actor) VALUES ('so-nganh', '2024-01-01T00:00:00Z', 'thu-ky')",
        "approval (so-nganh) actor",
    ),
    (
        "re-rating",
        "INSERT OR REPLACE INTO rerating (id, unit, reason, actor, at, open) VALUES (1, '{u}', 'Lý do giả', 'chu-tich', '2024-01-01T00:00:00Z', 0)",
        "rerating (1) reason",
    ),
    ("round year", "UPDATE round SET year = 2023", "round (1) year"),
    ("round demo mark", "UPDATE round SET demo = 1 - demo", "round (1) demo"),
    (
        "regulation file",
        "UPDATE regulation_file SET content = content || char(10) || '# sửa' || char(10) WHERE path = 'regulation.toml'",
        "regulation_file (regulation.toml) content",
    ),
];

fn every_stored_fact_changed_by_raw_sql_is_named(round: &Path, unit: &str, component: &str) {
    let (intact, stderr) = verify(round, None);
    assert!(intact, "the untouched round verifies: {stderr}");
    for (what, sql, expected) in TAMPERING {
        let fill = |text: &str| text.replace("{u}", unit).replace("{c}", component);
        let copy = tampered(round, &what.replace([' ', '\''], "-"), &fill(sql));
        // In English: the table, key and field named as the schema spells them (the Vietnamese frames them the same).
        let (passed, _, stderr) = forge::verify(&copy, "en", None);
        assert!(!passed, "{what}: verify passed after {}", fill(sql));
        assert!(stderr.contains(&fill(expected)), "{what}: expected {:?} in:\n{stderr}", fill(expected));
        std::fs::remove_file(&copy).unwrap();
    }
}

#[test]
fn every_stored_fact_of_a_real_round_is_covered() {
    let dir = tempfile::tempdir().unwrap();
    let round = real_round(dir.path());
    every_stored_fact_changed_by_raw_sql_is_named(&round, "stc", "III.7");
}

#[test]
fn every_stored_fact_of_a_demo_round_is_covered_its_seeded_values_regenerated() {
    let dir = tempfile::tempdir().unwrap();
    let round = demo_round(dir.path());
    every_stored_fact_changed_by_raw_sql_is_named(&round, "dv00001", "III.7");
}

/// What an older program left: schema 4, an audit chain whose last row appraised snv's II.1 at 2, and the rows
/// (the score as `appraised` says, which is not 2 if someone changed it before the upgrade).
fn schema_4_round(path: &Path, appraised: &str) {
    use thamdinh::store::audit::{AuditRow, row_hash};
    let conn = tools::old_round(path, 4);
    conn.execute("INSERT INTO unit VALUES ('snv', 'Sở Nội vụ', 'so-nganh', NULL)", []).unwrap();
    conn.execute(
        "INSERT INTO score (unit, criterion, self_score, appraised_score, deduction_reason) VALUES ('snv', 'II.1', '3', ?1, 'Thiếu')",
        [appraised],
    )
    .unwrap();
    let mut prev_hash = String::new();
    for (id, (action, field, new_value)) in
        [("init", None, None), ("appraise", Some("appraised_score"), Some("2"))].into_iter().enumerate()
    {
        let mut row = AuditRow {
            id: i64::try_from(id).unwrap() + 1,
            at: "2024-11-20T08:00:00.000Z".into(),
            actor: "admin".into(),
            action: action.into(),
            unit: field.map(|_| "snv".into()),
            criterion: field.map(|_| "II.1".into()),
            field: field.map(str::to_string),
            old_value: None,
            new_value: new_value.map(str::to_string),
            reason: None,
            detail: action.into(),
            prev_hash: prev_hash.clone(),
            hash: String::new(),
            state: None,
        };
        row.hash = row_hash(&row);
        conn.execute(
            "INSERT INTO audit (id, at, actor, action, unit, criterion, field, old_value, new_value, reason, detail, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            rusqlite::params![
                row.id,
                row.at,
                row.actor,
                row.action,
                row.unit,
                row.criterion,
                row.field,
                row.old_value,
                row.new_value,
                row.reason,
                row.detail,
                row.prev_hash,
                row.hash
            ],
        )
        .unwrap();
        prev_hash = row.hash;
    }
}

#[test]
fn a_round_from_before_schema_5_is_sealed_by_baseline_rows_and_checked_from_then_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    schema_4_round(&path, "2");
    let store = Store::open(&path).unwrap();
    let baseline: Vec<_> =
        store.audit_log(None, None).unwrap().into_iter().filter(|r| r.action == "baseline").collect();
    assert_eq!(baseline.len(), 1 + 8 + 1 + 1, "the round, its regulation files, the unit and the score");
    assert!(baseline.iter().all(|r| r.detail.contains("taken at migration to schema 5") && r.state.is_some()));
    drop(store);
    let (intact, stderr) = verify(&path, None);
    assert!(intact, "{stderr}");
    checkpoint(&path);
    let copy = tampered(&path, "later", "UPDATE score SET explanation = 'Sửa' WHERE unit = 'snv'");
    let (passed, stderr) = verify(&copy, None);
    assert!(!passed && stderr.contains("score (snv, II.1) explanation"), "{stderr}");

    // A value the old log wrote field by field is still compared with its last word: a change made before the
    // upgrade is not blessed by the baseline.
    let path = dir.path().join("changed-before-the-upgrade.db");
    schema_4_round(&path, "1");
    let (passed, stderr) = verify(&path, None);
    assert!(!passed, "{stderr}");
    assert!(
        stderr.contains("bảng score (snv, II.1) appraised_score: cơ sở dữ liệu đang giữ 1, nhật ký ghi lần cuối là 2"),
        "{stderr}"
    );
}

/// Rewrites the audit log from row `from` on with every hash recomputed by the program's own `row_hash`, as
/// someone holding the file could: the chain is intact again, only a head recorded elsewhere can tell.
fn recompute_chain(db: &Path, from: i64, edit: impl Fn(&mut thamdinh::store::audit::AuditRow)) {
    let rows = Store::open(db).unwrap().audit_log(None, None).unwrap();
    let conn = Connection::open(db).unwrap();
    conn.execute_batch("DROP TRIGGER IF EXISTS audit_no_update;").unwrap();
    let mut prev_hash = rows.iter().find(|r| r.id == from - 1).map(|r| r.hash.clone()).unwrap_or_default();
    for mut row in rows.into_iter().filter(|r| r.id >= from) {
        if row.id == from {
            edit(&mut row);
        }
        row.prev_hash = prev_hash;
        row.hash = thamdinh::store::audit::row_hash(&row);
        conn.execute(
            "UPDATE audit SET actor = ?1, detail = ?2, prev_hash = ?3, hash = ?4 WHERE id = ?5",
            rusqlite::params![row.actor, row.detail, row.prev_hash, row.hash, row.id],
        )
        .unwrap();
        prev_hash = row.hash;
    }
    // The trigger put back as it was (a dropped one is itself named, issue 21).
    conn.execute_batch(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
    )
    .unwrap();
}

#[test]
fn a_head_recorded_at_approval_proves_the_log_up_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = real_round(dir.path());
    let path = db.display().to_string();
    // Another bloc approved from the command line: the head it prints is its approval's audit row.
    let mut store = Store::open(&db).unwrap();
    store.sign_in("tv-so-noi-vu").unwrap();
    let huyen: Vec<String> = {
        let round = store.load_round().unwrap();
        let unit = round.units.iter().find(|u| u.code == "h-dai-tu").unwrap();
        unit.entries.iter().filter(|(_, e)| e.awaiting_confirmation).map(|(code, _)| code.to_string()).collect()
    };
    for code in &huyen {
        save(&mut store, "tv-so-noi-vu", "h-dai-tu", code, "0", "Chưa có báo cáo");
    }
    drop(store);
    let printed = ok(&["approve", "--db", &path, "--bloc", "huyen", "--user", "chu-tich"]);
    let head = printed
        .lines()
        .find_map(|line| line.strip_prefix("Nhật ký (mã cuối) kèm phê duyệt: "))
        .unwrap_or_else(|| panic!("{printed}"))
        .to_string();
    let store = Store::open(&db).unwrap();
    let approval = store.audit_log(None, None).unwrap().into_iter().rev().find(|r| r.action == "approve").unwrap();
    assert_eq!((approval.hash.as_str(), approval.new_value.as_deref()), (head.as_str(), Some("huyen")));
    let approval_row = approval.id;
    drop(store);
    // Work goes on after the approval; the recorded head still proves everything up to it.
    ok(&["user", "add", "--db", &path, "thu-ky-2", "--role", "secretary"]);
    checkpoint(&db);
    let (proven, stderr) = verify(&db, Some(&head));
    assert!(proven, "{stderr}");
    let (unknown, stderr) = verify(&db, Some(&"0".repeat(64)));
    assert!(!unknown && stderr.contains("không có trong nhật ký này"), "{stderr}");

    // The tail cut off, the approval with it, and the tables put back to match: the chain and the tables agree,
    // so verify alone cannot tell; the recorded head can.
    let truncated = tampered(
        &db,
        "truncated",
        &format!(
            "DELETE FROM audit WHERE id >= {approval_row}; DELETE FROM approval WHERE bloc = 'huyen'; DELETE FROM published_result WHERE bloc = 'huyen'; DELETE FROM council_user WHERE name = 'thu-ky-2';"
        ),
    );
    let (alone, stderr) = verify(&truncated, None);
    assert!(alone, "without an outside head a truncated tail is a valid log: {stderr}");
    let (proven, stderr) = verify(&truncated, Some(&head));
    assert!(!proven && stderr.contains(&format!("mã nhật ký đã ghi {head} không có trong nhật ký này")), "{stderr}");

    // An earlier row rewritten (who appraised skhcn's III.7) and every hash after it recomputed.
    let rewritten = tampered(&db, "rewritten", "");
    let forged = Store::open(&rewritten)
        .unwrap()
        .audit_log(Some("skhcn"), Some("III.7"))
        .unwrap()
        .into_iter()
        .rev()
        .find(|r| r.actor == "tv-so-noi-vu")
        .unwrap()
        .id;
    assert!(forged < approval_row);
    // A rewrite the program could have written passes verify alone; one it could not have (the chairman
    // appraising) is named even without the head (issue 21).
    let disallowed = tampered(&db, "disallowed", "");
    recompute_chain(&disallowed, forged, |row| row.actor = "chu-tich".into());
    let (alone, stderr) = verify(&disallowed, None);
    assert!(!alone && stderr.contains(&format!("dòng #{forged} (")), "{stderr}");
    recompute_chain(&rewritten, forged, |row| row.detail = "skhcn III.7: viết lại".into());
    let (alone, stderr) = verify(&rewritten, None);
    assert!(alone, "a recomputed chain is intact: {stderr}");
    let (proven, stderr) = verify(&rewritten, Some(&head));
    assert!(!proven && stderr.contains("không có trong nhật ký này"), "{stderr}");
}
