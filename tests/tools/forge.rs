//! What someone holding the database file can do to a round, and what `audit verify` says of it (issues 13, 21):
//! a round after a council's real work, raw SQL on a copy of it, a row appended to the audit log chained exactly
//! as the program chains them. `tests/audit_cover.rs` and `tests/forged_log.rs` use it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use rusqlite::{Connection, params};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use thamdinh::domain::facts::FactValue;
use thamdinh::store::Store;
use thamdinh::store::appraise::AppraisalInput;
use thamdinh::store::audit::{AuditRow, row_hash};
use thamdinh::store::rerate::RerateChange;
use thamdinh::store::state::row_state;

/// `user` appraises `unit`'s `component` at `appraised` (a decimal point or comma) with `reason`, from the version
/// stored now; the version the save left.
pub fn save(store: &mut Store, user: &str, unit: &str, component: &str, appraised: &str, reason: &str) -> i64 {
    store.sign_in(user).unwrap();
    let based_on_version = store.appraisal_version(&unit.into(), component).unwrap();
    let appraised: Decimal = appraised.replace(',', ".").parse().unwrap();
    let input = AppraisalInput {
        unit: unit.into(),
        component: component.into(),
        appraised,
        deduction_reason: reason.into(),
        based_on_version,
    };
    store.save_appraisal(&input).unwrap_or_else(|e| panic!("{user}: {e}"));
    store.appraisal_version(&unit.into(), component).unwrap()
}

/// Writes the WAL back into the file, so a plain copy of the file is the whole database.
pub fn checkpoint(db: &Path) {
    Connection::open(db).unwrap().query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
}

/// A component of the `huyen` bloc led by so-noi-vu (not scored by the leaders).
pub fn led_component(store: &Store) -> String {
    let huyen = store.regulation().framework_for(&"huyen".into(), None).unwrap();
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

/// The fixture round (`tui_support::fixture_store`) after a council's work through the program: every table holds
/// rows (an assistant's entry awaiting confirmation, a member's appraisal, a leader's score, a comment, a tie
/// order, an approval of so-nganh, a re-rating of stc, a removed user, a unit's focal person). The database's
/// path and the `huyen` component the assistant entered.
pub fn real_round(mut store: Store) -> (PathBuf, String) {
    let dir = store.path().parent().unwrap().to_path_buf();
    let led = led_component(&store);
    let clear = dir.join("clear.csv");
    std::fs::write(&clear, format!("unit,criterion,appraised_score,reason\nh-dai-tu,{led},-,-\n")).unwrap();
    store.import_scores(&clear).unwrap();
    save(&mut store, "tgv-so-noi-vu", "h-dai-tu", &led, "0", "Chưa có báo cáo");
    save(&mut store, "tv-so-noi-vu", "skhcn", "III.7", "2.5", "Thiếu một báo cáo");
    save(&mut store, "lanh-dao-1", "stc", "I.1", "3", "Chưa quyết liệt");
    store.sign_in("tv-so-tttt").unwrap();
    store.add_comment(&"stc".into(), "V.5", "Đề nghị bổ sung tài liệu").unwrap();
    store.sign_in("chu-tich").unwrap();
    store.order_tie(&"so-nganh".into(), &["stp".into(), "snv".into()]).unwrap();
    store.approve_bloc(&"so-nganh".into()).unwrap();
    let change = RerateChange::Fact { name: "discipline".into(), value: "yes".into() };
    store.rerate(&"stc".into(), &[change], "Phát hiện vi phạm sau khi công bố").unwrap();
    store.sign_in("thu-ky").unwrap();
    store.save_facts(&"h-dai-tu".into(), &[("disunity".into(), FactValue::Bool(true))]).unwrap();
    let mut admin = Store::open(store.path()).unwrap();
    admin.remove_user("tv-so-tu-phap").unwrap();
    admin.add_unit_user("dau-moi-h-dai-tu", "Cán bộ đầu mối Đại Từ", &"h-dai-tu".into()).unwrap();
    let path = store.path().to_path_buf();
    drop((store, admin));
    checkpoint(&path);
    (path, led)
}

/// A copy of the round beside it, named `name`.db.
pub fn copy_of(original: &Path, name: &str) -> PathBuf {
    let copy = original.with_file_name(format!("{name}.db"));
    std::fs::copy(original, &copy).unwrap();
    copy
}

/// `audit verify` in `lang` (against a head recorded elsewhere, if any): whether it passed, its stdout, its stderr.
pub fn verify(db: &Path, lang: &str, head: Option<&str>) -> (bool, String, String) {
    let db = db.display().to_string();
    let mut args = vec!["--lang", lang, "audit", "verify", "--db", db.as_str()];
    args.extend(head.iter().flat_map(|head| ["--head", head]));
    let output = super::run(&args);
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// What a forger appends: one audit row, its values, and the data table's row written to match it.
pub struct Forgery {
    actor: String,
    action: String,
    unit: Option<String>,
    criterion: Option<String>,
    field: Option<String>,
    /// The data table, and raw SQL that changes one row of it and returns it (`… RETURNING *`).
    write: (String, String),
    /// Guard triggers dropped for the write and created again exactly as they were.
    unguard: Vec<String>,
}

impl Forgery {
    /// `actor` records `action`, writing the row `sql` returns into `table`.
    pub fn new(actor: &str, action: &str, table: &str, sql: &str) -> Forgery {
        Forgery {
            actor: actor.into(),
            action: action.into(),
            unit: None,
            criterion: None,
            field: None,
            write: (table.into(), sql.into()),
            unguard: Vec::new(),
        }
    }

    /// `actor` appraises `unit`'s `component` at 1, the score's version raised as a save raises it.
    pub fn appraisal(actor: &str, unit: &str, component: &str) -> Forgery {
        let sql = format!(
            "UPDATE score SET appraised_score = '1', version = version + 1 WHERE unit = '{unit}' AND criterion = '{component}' RETURNING *"
        );
        let mut forgery = Forgery::new(actor, "appraise", "score", &sql).on(unit).field("appraised_score");
        forgery.criterion = Some(component.into());
        forgery
    }

    /// The row names `unit`.
    #[must_use]
    pub fn on(mut self, unit: &str) -> Forgery {
        self.unit = Some(unit.into());
        self
    }

    /// The row names `field`.
    #[must_use]
    pub fn field(mut self, field: &str) -> Forgery {
        self.field = Some(field.into());
        self
    }

    /// The forger lifts these guard triggers for the write.
    #[must_use]
    pub fn unguard(mut self, triggers: &[&str]) -> Forgery {
        self.unguard = triggers.iter().map(ToString::to_string).collect();
        self
    }
}

/// Appends the forged row as the program would: the next id, the head's hash as `prev_hash`, the row's SHA-256 over
/// the same fields (`row_hash`), its record of the row it wrote. Returns the row's id.
pub fn forge(db: &Path, forgery: &Forgery) -> i64 {
    let conn = Connection::open(db).unwrap();
    let saved: Vec<String> = forgery
        .unguard
        .iter()
        .map(|name| {
            conn.query_row("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1", [name], |r| r.get(0))
                .unwrap()
        })
        .collect();
    for name in &forgery.unguard {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\"")).unwrap();
    }
    let (table, sql) = &forgery.write;
    let state = conn.query_row(sql, [], |row| row_state(table, row)).unwrap();
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
        actor: forgery.actor.clone(),
        action: forgery.action.clone(),
        unit: forgery.unit.clone(),
        criterion: forgery.criterion.clone(),
        field: forgery.field.clone(),
        old_value: None,
        new_value: Some("1".into()),
        reason: None,
        detail: "giả mạo".into(),
        prev_hash,
        hash: String::new(),
        state: Some(format!("[{state}]")),
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

/// One forgery on a copy of `round` (named after `name`): `audit verify` fails, naming that row, and only it, with
/// `vi` in Vietnamese and `en` in English; the chain is intact, the tables are as the log says, the triggers are
/// in place.
pub fn case(round: &Path, name: &str, forgery: &Forgery, vi: &str, en: &str) {
    let copy = copy_of(round, &name.replace(' ', "-"));
    let id = forge(&copy, forgery);
    let (success, stdout, stderr) = verify(&copy, "vi", None);
    assert!(!success, "{name}: verify passed:\n{stdout}");
    assert!(stderr.contains(&format!("dòng #{id} (")), "{name}: row #{id} not named:\n{stderr}");
    assert!(stderr.contains(vi), "{name}: {vi:?} not in:\n{stderr}");
    assert!(stdout.contains("nhật ký nguyên vẹn"), "{name}: {stdout}");
    assert_eq!(stderr.matches("dòng #").count(), 1, "{name}: only the forged row:\n{stderr}");
    assert!(!stderr.contains("trigger"), "{name}: {stderr}");
    let (_, _, stderr) = verify(&copy, "en", None);
    assert!(stderr.contains(&format!("row #{id} (")) && stderr.contains(en), "{name}: {en:?} not in:\n{stderr}");
}
