//! Issue 4 through the write path itself, as each role: who may write what, double entry, stale saves,
//! the approval freeze and re-rating, the hash-chained audit log and its verification.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;
mod tui_support;

use rusqlite::Connection;
use rust_decimal::Decimal;
use std::path::Path;
use std::process::Command;
use thamdinh::domain::facts::FactValue;
use thamdinh::domain::grades::Grade;
use thamdinh::domain::permissions::Role;
use thamdinh::store::appraise::{AppraisalInput, Saved};
use thamdinh::store::audit::ChainCheck;
use thamdinh::store::rerate::RerateChange;
use thamdinh::store::{Store, StoreError};
use tools::{as_user, refused_because};
use tui_support::fixture_store;

const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");

fn d(text: &str) -> Decimal {
    text.replace(',', ".").parse().unwrap()
}

fn version(store: &Store, unit: &str, component: &str) -> i64 {
    let round = store.load_round().unwrap();
    round.units.iter().find(|u| u.code == unit).and_then(|u| u.entries.get(component)).map_or(0, |e| e.version)
}

fn input(store: &Store, unit: &str, component: &str, appraised: &str, reason: &str) -> AppraisalInput {
    AppraisalInput {
        unit: unit.into(),
        component: component.into(),
        appraised: d(appraised),
        deduction_reason: reason.into(),
        based_on_version: version(store, unit, component),
    }
}

fn audit_rows(store: &Store) -> usize {
    store.audit_log(None, None).unwrap().len()
}

fn csv(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn each_role_writes_only_what_it_may() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    // III.7 is led by Sở Nội vụ; II.1 by Thanh tra tỉnh; V.5 by Sở Nội vụ with TT&TT and Tư pháp commenting.
    let before = audit_rows(&store);

    as_user(&mut store, "tv-so-noi-vu");
    let ok = input(&store, "skhcn", "III.7", "2,5", "Thiếu một báo cáo");
    assert!(matches!(store.save_appraisal(&ok), Ok(Saved::Final { .. })));
    let other_agency = input(&store, "stc", "II.1", "2", "Thiếu hồ sơ");
    refused_because(store.save_appraisal(&other_agency), "II.1 is assigned to thanh-tra-tinh");
    let leaders_only = input(&store, "stc", "I.1", "3", "x");
    refused_because(store.save_appraisal(&leaders_only), "scored by the provincial leaders");
    for write in [
        store.save_facts(&"stc".into(), &[("discipline".into(), FactValue::Choice("yes".into()))]).err(),
        store.override_grade(&"stc".into(), "V", Grade::Poor, "x").err(),
        store.order_tie(&"so-nganh".into(), &["snv".into(), "stp".into()]).err(),
        store.approve_bloc(&"so-nganh".into()).err(),
        store.import_facts(&csv(dir.path(), "f.csv", "unit,fact,value\nstc,discipline,yes\n")).err(),
        store.add_user("x", "", Role::Secretary, None).err(),
    ] {
        let error = write.expect("refused").to_string();
        assert!(error.contains("tv-so-noi-vu (member, so-noi-vu) may not"), "{error}");
    }

    // A co-assigned agency comments but does not score; the leading agency does not comment.
    as_user(&mut store, "tv-so-tttt");
    refused_because(store.save_appraisal(&input(&store, "stc", "V.5", "12", "")), "may only comment");
    store.add_comment(&"stc".into(), "V.5", "Đề nghị bổ sung tài liệu").unwrap();
    as_user(&mut store, "tv-so-noi-vu");
    refused_because(store.add_comment(&"stc".into(), "V.5", "x"), "only members of the agencies named after the first");

    // A leader scores group I only, as their own score; the appraised score is the leaders' mean.
    as_user(&mut store, "lanh-dao-1");
    assert_eq!(store.save_appraisal(&input(&store, "stc", "I.1", "3", "Chưa quyết liệt")).unwrap(), Saved::LeaderScore);
    as_user(&mut store, "lanh-dao-2");
    store.save_appraisal(&input(&store, "stc", "I.1", "4", "")).unwrap();
    refused_because(
        store.save_appraisal(&input(&store, "stc", "II.1", "3", "x")),
        "only the criteria scored by the leaders",
    );
    let round = store.load_round().unwrap();
    let i1 = &round.units.iter().find(|u| u.code == "stc").unwrap().entries["I.1"];
    assert_eq!(i1.effective_appraised(), Some(d("3.5")));

    // The secretary records facts and imports, but neither appraises nor decides.
    as_user(&mut store, "thu-ky");
    refused_because(
        store.save_appraisal(&input(&store, "stc", "II.1", "3", "x")),
        "appraisals are written by the members",
    );
    store.save_facts(&"stc".into(), &[("discipline".into(), FactValue::Choice("remedied".into()))]).unwrap();
    refused_because(store.order_tie(&"so-nganh".into(), &["snv".into(), "stp".into()]), "only the chairman");
    refused_because(store.override_grade(&"stc".into(), "V", Grade::Poor, "x"), "only the chairman");
    refused_because(store.approve_bloc(&"so-nganh".into()), "only the chairman");
    refused_because(store.add_user("x", "", Role::Secretary, None), "service account");

    // The chairman decides.
    as_user(&mut store, "chu-tich");
    store.order_tie(&"so-nganh".into(), &["stp".into(), "snv".into()]).unwrap();
    store.override_grade(&"stc".into(), "V", Grade::Average, "Chưa khắc phục hết").unwrap();
    refused_because(
        store.save_appraisal(&input(&store, "stc", "II.1", "3", "x")),
        "appraisals are written by the members",
    );

    // Every write that landed is in the log under its user; refusals wrote nothing.
    let log = store.audit_log(None, None).unwrap();
    let actors: Vec<(&str, &str)> = log[before..].iter().map(|r| (r.actor.as_str(), r.action.as_str())).collect();
    assert_eq!(
        actors,
        [
            ("tv-so-noi-vu", "appraise"),
            ("tv-so-tttt", "comment"),
            ("lanh-dao-1", "leader score"),
            ("lanh-dao-2", "leader score"),
            ("thu-ky", "fact"),
            ("chu-tich", "order tie"),
            ("chu-tich", "override grade"),
        ]
    );
    assert!(matches!(store.audit_verify().unwrap(), ChainCheck::Intact { .. }));
}

#[test]
fn a_removed_or_unknown_user_cannot_sign_in_and_agencies_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    refused_because(store.add_user("x", "", Role::Member, None), "add --agency");
    refused_because(store.add_user("x", "", Role::Member, Some("so-khong-co")), "unknown agency");
    refused_because(store.add_user("x", "", Role::Member, Some("lanh-dao-ubnd")), "--role leader");
    refused_because(store.add_user("x", "", Role::Chairman, Some("so-noi-vu")), "leave --agency out");
    refused_because(store.add_user("Ông A", "", Role::Chairman, None), "not a user name");
    refused_because(store.add_user("thu-ky", "", Role::Secretary, None), "already exists");
    store.remove_user("tv-so-tu-phap").unwrap();
    assert!(matches!(store.sign_in("tv-so-tu-phap"), Err(StoreError::UnknownUser { .. })));
    assert!(matches!(store.sign_in("nobody"), Err(StoreError::UnknownUser { .. })));
    // Removed users stay listed (the log names them) and cannot be deleted even by raw SQL.
    assert!(store.users().unwrap().iter().any(|u| u.name == "tv-so-tu-phap" && u.removed_at.is_some()));
    let conn = Connection::open(store.path()).unwrap();
    assert!(conn.execute("DELETE FROM council_user WHERE name = 'tv-so-tu-phap'", []).is_err());
}

#[test]
fn an_assistants_entry_waits_for_a_member_who_confirms_or_corrects_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    // stc's III.7 back to unappraised (as the service account, before anyone signs in): `-` clears.
    store
        .import_scores(&csv(dir.path(), "s.csv", "unit,criterion,self_score,appraised_score,reason\nstc,III.7,3,-,-\n"))
        .unwrap();
    as_user(&mut store, "tgv-so-noi-vu");
    let entry = input(&store, "skhcn", "III.7", "2", "Thiếu một báo cáo");
    assert!(matches!(store.save_appraisal(&entry), Ok(Saved::AwaitingConfirmation { .. })));
    let round = store.load_round().unwrap();
    let skhcn = round.units.iter().find(|u| u.code == "skhcn").unwrap();
    assert!(skhcn.entries["III.7"].awaiting_confirmation);
    assert_eq!(skhcn.entries["III.7"].appraised_by.as_deref(), Some("tgv-so-noi-vu"));
    // It counts provisionally: the bloc cannot be approved while it waits.
    let results = thamdinh::domain::evaluate::evaluate_round(store.regulation(), &round);
    let ranked = results[0].ranking.units.iter().find(|u| u.unit == "skhcn").unwrap();
    assert!(ranked.provisional);
    assert_eq!(
        thamdinh::domain::evaluate::unappraised_in_bloc(store.regulation(), &round, &"so-nganh".into()),
        2,
        "skhcn's entry and stc's III.7"
    );

    // The member confirms it unchanged …
    as_user(&mut store, "tv-so-noi-vu");
    let same = input(&store, "skhcn", "III.7", "2", "Thiếu một báo cáo");
    assert!(matches!(store.save_appraisal(&same), Ok(Saved::Confirmed { .. })));
    let round = store.load_round().unwrap();
    let entry = &round.units.iter().find(|u| u.code == "skhcn").unwrap().entries["III.7"];
    assert!(!entry.awaiting_confirmation && entry.is_final());
    assert_eq!(entry.appraised_by.as_deref(), Some("tgv-so-noi-vu"), "the entry stays the assistant's");
    // … and an assistant cannot overwrite a final appraisal.
    as_user(&mut store, "tgv-so-noi-vu");
    refused_because(store.save_appraisal(&input(&store, "skhcn", "III.7", "1", "x")), "is final");

    // A member corrects another entry.
    store.save_appraisal(&input(&store, "stc", "III.7", "2", "Chậm")).unwrap();
    as_user(&mut store, "tv-so-noi-vu");
    assert!(matches!(store.save_appraisal(&input(&store, "stc", "III.7", "3", "")), Ok(Saved::Final { .. })), "3 of 3");
    let log = store.audit_log(Some("stc"), Some("III.7")).unwrap();
    let actions: Vec<&str> = log.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(actions[actions.len() - 2..], ["enter", "correct"]);
    assert_eq!(log.last().unwrap().old_value.as_deref(), Some("2"));
    assert_eq!(log.last().unwrap().new_value.as_deref(), Some("3"));
}

#[test]
fn a_save_from_a_stale_version_is_refused_with_the_newer_value() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    as_user(&mut store, "tv-so-noi-vu");
    let opened = input(&store, "skhcn", "III.7", "2.5", "Chậm");
    let also_opened = input(&store, "skhcn", "III.7", "2", "Thiếu báo cáo");
    assert_eq!(opened.based_on_version, also_opened.based_on_version);
    store.save_appraisal(&opened).unwrap();
    let message = refused_because(store.save_appraisal(&also_opened), "saved it meanwhile");
    assert!(message.contains("tv-so-noi-vu saved it meanwhile (2.5, reason: Chậm;"), "{message}");
    assert!(message.contains("your value 2 was not written"), "{message}");
    let round = store.load_round().unwrap();
    assert_eq!(
        round.units.iter().find(|u| u.code == "skhcn").unwrap().entries["III.7"].appraised_score,
        Some(d("2.5"))
    );
    // Having seen it, the user saves on the newer version.
    let again = input(&store, "skhcn", "III.7", "2", "Thiếu báo cáo");
    store.save_appraisal(&again).unwrap();
}

#[test]
fn an_approved_bloc_refuses_every_kind_of_write_until_the_chairman_re_rates() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    as_user(&mut store, "tv-so-noi-vu");
    store.save_appraisal(&input(&store, "skhcn", "III.7", "2,5", "Thiếu một báo cáo")).unwrap();
    as_user(&mut store, "chu-tich");
    store.order_tie(&"so-nganh".into(), &["stp".into(), "snv".into()]).unwrap();
    store.approve_bloc(&"so-nganh".into()).unwrap();

    let frozen = "approved";
    refused_because(store.approve_bloc(&"so-nganh".into()), frozen);
    refused_because(store.override_grade(&"stc".into(), "V", Grade::Poor, "x"), frozen);
    refused_because(store.order_tie(&"so-nganh".into(), &["snv".into(), "stp".into()]), frozen);
    as_user(&mut store, "tv-so-noi-vu");
    refused_because(store.save_appraisal(&input(&store, "stc", "III.7", "1", "x")), frozen);
    as_user(&mut store, "thu-ky");
    refused_because(store.save_facts(&"stc".into(), &[("discipline".into(), FactValue::Choice("yes".into()))]), frozen);
    let imports = [
        ("scores.csv", "unit,criterion,self_score,appraised_score,reason\nstc,III.7,1,1,x\n"),
        ("grades.csv", "unit,criterion,grade,reason\nstc,V,poor,x\n"),
        ("facts.csv", "unit,fact,value\nstc,discipline,yes\n"),
        ("evidence.csv", "unit,criterion,title,reference,date\nstc,III.7,Báo cáo,BC-1,2024-11-01\n"),
        ("units.csv", "code,name,bloc,group\nstc,Sở Tài chính mới,so-nganh,\n"),
    ];
    for (name, text) in imports {
        let path = csv(dir.path(), name, text);
        let result = match name {
            "scores.csv" => store.import_scores(&path),
            "grades.csv" => store.import_grades(&path),
            "facts.csv" => store.import_facts(&path),
            "evidence.csv" => store.import_evidence(&path),
            _ => store.import_units(&path),
        };
        refused_because(result, frozen);
    }
    // Below the program, the triggers refuse raw SQL too.
    let conn = Connection::open(store.path()).unwrap();
    for sql in [
        "UPDATE score SET appraised_score = '0' WHERE unit = 'stc'",
        "DELETE FROM score WHERE unit = 'stc'",
        "UPDATE fact SET value = 'yes' WHERE unit = 'stc'",
        "DELETE FROM grade_override WHERE unit = 'syt'",
        "DELETE FROM evidence WHERE unit = 'snv'",
        "DELETE FROM approval",
        "DELETE FROM tie_order",
    ] {
        assert!(conn.execute(sql, []).is_err(), "{sql} must be refused");
    }

    // Re-rating (Điều 10.4) needs the chairman, a reason and an approved bloc.
    let change = RerateChange::Fact { name: "discipline".into(), value: "yes".into() };
    refused_because(store.rerate(&"stc".into(), std::slice::from_ref(&change), "Vi phạm kỷ luật"), "only the chairman");
    as_user(&mut store, "chu-tich");
    refused_because(store.rerate(&"stc".into(), std::slice::from_ref(&change), "  \u{200B}"), "is needed");
    refused_because(store.rerate(&"h-dai-tu".into(), std::slice::from_ref(&change), "x"), "not approved yet");
    store.rerate(&"stc".into(), std::slice::from_ref(&change), "Phát hiện vi phạm kỷ luật sau khi công bố").unwrap();
    let round = store.load_round().unwrap();
    assert_eq!(
        round.units.iter().find(|u| u.code == "stc").unwrap().facts["discipline"],
        FactValue::Choice("yes".into())
    );
    let log = store.audit_log(Some("stc"), None).unwrap();
    let last = log.last().unwrap();
    assert_eq!(
        (last.actor.as_str(), last.action.as_str(), last.field.as_deref()),
        ("chu-tich", "rerate", Some("level"))
    );
    assert_eq!(last.new_value.as_deref(), Some("Không hoàn thành nhiệm vụ"));
    assert_eq!(last.reason.as_deref(), Some("Phát hiện vi phạm kỷ luật sau khi công bố"));
    // The re-rating is closed in its transaction: the unit is frozen again.
    assert!(conn.execute("UPDATE score SET appraised_score = '0' WHERE unit = 'stc'", []).is_err());
    let change = RerateChange::Score { component: "III.7".into(), appraised: "1".into() };
    store.rerate(&"stc".into(), &[change], "Số liệu báo cáo sai").unwrap();
    assert!(matches!(store.audit_verify().unwrap(), ChainCheck::Intact { .. }));
}

#[test]
fn audit_verify_finds_a_changed_or_removed_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    as_user(&mut store, "tv-so-noi-vu");
    store.save_appraisal(&input(&store, "skhcn", "III.7", "2,5", "Thiếu một báo cáo")).unwrap();
    let db = store.path().display().to_string();
    let verify = || {
        Command::new(BIN)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .args(["audit", "verify", "--db", &db])
            .output()
            .unwrap()
    };
    let intact = verify();
    assert!(intact.status.success(), "{}", String::from_utf8_lossy(&intact.stderr));
    assert!(String::from_utf8_lossy(&intact.stdout).contains("nhật ký nguyên vẹn"));
    let log = Command::new(BIN)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["audit", "log", "--db", &db, "--unit", "skhcn", "--criterion", "III"])
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&log.stdout);
    assert!(
        log.contains("tv-so-noi-vu") && log.contains("điểm thẩm định: — → 2,5") && log.contains("Thiếu một báo cáo"),
        "{log}"
    );

    // Someone with the file drops the trigger and softens a score in the log.
    let target: i64 = store.audit_log(Some("skhcn"), Some("III.7")).unwrap().last().unwrap().id;
    drop(store);
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch("DROP TRIGGER audit_no_update;").unwrap();
    conn.execute("UPDATE audit SET new_value = '3' WHERE id = ?1", [target]).unwrap();
    let broken = verify();
    assert!(!broken.status.success());
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(
        stderr.contains(&format!("BỊ PHÁ VỠ ở dòng {target}")) && stderr.contains("đã bị sửa sau khi ghi"),
        "{stderr}"
    );

    // A value changed in the data tables behind the program's back is caught too.
    conn.execute("UPDATE audit SET new_value = '2.5' WHERE id = ?1", [target]).unwrap();
    conn.execute("UPDATE score SET appraised_score = '3' WHERE unit = 'skhcn' AND criterion = 'III.7'", []).unwrap();
    let outside = verify();
    let stderr = String::from_utf8_lossy(&outside.stderr);
    assert!(!outside.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "bảng score (skhcn, III.7) appraised_score: cơ sở dữ liệu đang giữ 3, nhật ký ghi lần cuối là 2.5"
        ),
        "{stderr}"
    );
    conn.execute("UPDATE score SET appraised_score = '2.5' WHERE unit = 'skhcn' AND criterion = 'III.7'", []).unwrap();
    conn.execute("INSERT INTO fact (unit, name, value) VALUES ('snv', 'disunity', 'true')", []).unwrap();
    let stderr = String::from_utf8_lossy(&verify().stderr).into_owned();
    assert!(
        stderr.contains(
            "bảng fact (snv, disunity) value: cơ sở dữ liệu đang giữ true, và không dòng nhật ký nào đã ghi giá trị này"
        ),
        "{stderr}"
    );
    conn.execute("DELETE FROM fact WHERE unit = 'snv' AND name = 'disunity'", []).unwrap();

    // Put it back (the trigger too: a dropped one is named, issue 21), then remove an earlier row instead.
    conn.execute("UPDATE audit SET new_value = '2.5' WHERE id = ?1", [target]).unwrap();
    let stderr = String::from_utf8_lossy(&verify().stderr).into_owned();
    assert!(stderr.contains("trigger audit_no_update: đã bị xóa"), "{stderr}");
    conn.execute_batch(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
    )
    .unwrap();
    assert!(verify().status.success(), "{}", String::from_utf8_lossy(&verify().stderr));
    conn.execute_batch("DROP TRIGGER audit_no_delete;").unwrap();
    conn.execute("DELETE FROM audit WHERE id = 5", []).unwrap();
    let stderr = String::from_utf8_lossy(&verify().stderr).into_owned();
    assert!(stderr.contains("BỊ PHÁ VỠ ở dòng 6") && stderr.contains("đã bị xóa khỏi nhật ký"), "{stderr}");
}

#[test]
fn a_round_from_before_the_chain_is_sealed_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = tools::old_round(&path, 3);
        for detail in ["thai-nguyen-2024 2024", "units.csv: 8 rows"] {
            conn.execute("INSERT INTO audit (actor, action, detail) VALUES ('admin', 'import', ?1)", [detail]).unwrap();
        }
    }
    let mut store = Store::open(&path).unwrap();
    // The two old rows, then (schema 5) one baseline row each for the round and its eight regulation files.
    assert!(matches!(store.audit_verify().unwrap(), ChainCheck::Intact { rows: 11, .. }));
    store.import_units(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/thai-nguyen/units.csv")).unwrap();
    match store.audit_verify().unwrap() {
        ChainCheck::Intact { rows, .. } => assert!(rows > 10),
        broken @ ChainCheck::Broken { .. } => panic!("{broken:?}"),
    }
}

#[test]
fn the_command_line_runs_as_the_named_user_or_refuses_an_unknown_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let db = store.path().display().to_string();
    drop(store);
    let run = |args: &[&str]| {
        Command::new(BIN).env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG").args(args).output().unwrap()
    };
    let unknown = run(&["--user", "nobody", "--db", &db, "rank"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("không có người dùng \"nobody\""));
    let file = csv(dir.path(), "f.csv", "unit,fact,value\nstc,discipline,yes\n").display().to_string();
    let member = run(&["--user", "tv-so-noi-vu", "--db", &db, "import", "facts", &file]);
    let stderr = String::from_utf8_lossy(&member.stderr);
    assert!(stderr.contains("f.csv:2: cột value: đơn vị stc, sự kiện discipline: giá trị yes: bị từ chối"), "{stderr}");
    assert!(stderr.contains("không được ghi nhận sự kiện"), "{stderr}");
    let secretary = run(&["--user", "thu-ky", "--db", &db, "import", "facts", &file]);
    assert!(secretary.status.success(), "{}", String::from_utf8_lossy(&secretary.stderr));
    let store = Store::open(Path::new(&db)).unwrap();
    let last = store.audit_log(Some("stc"), None).unwrap().into_iter().rev().find(|r| r.action == "fact").unwrap();
    assert_eq!((last.actor.as_str(), last.new_value.as_deref()), ("thu-ky", Some("yes")));
}

/// The audit head and the ranking: what a refused import must leave as it was.
fn round_state(store: &Store) -> (Option<String>, String) {
    let round = store.load_round().unwrap();
    let results = thamdinh::domain::evaluate::evaluate_round(store.regulation(), &round);
    (store.audit_head().unwrap(), format!("{results:?}"))
}

#[test]
fn an_import_is_a_batch_of_writes_each_checked_as_if_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    // Each refused file changes nothing (the rows before the refused one included) and names file, line, value, rule.
    let refusals: [(&str, &str, &str, &str); 9] = [
        (
            "thu-ky",
            "grades.csv",
            "unit,criterion,grade,reason\nstc,V,poor,Chưa đạt\n",
            "grades.csv:2: column grade: unit stc, V: value poor: refused: thu-ky (secretary) may not override a grade: only the chairman does this",
        ),
        (
            "thu-ky",
            "scores.csv",
            "unit,criterion,self_score,appraised_score,reason\nstc,III.1,1,,\nstc,II.1,3,2,Thiếu\n",
            "scores.csv:3: column appraised_score: unit stc, II.1: value 2: refused: thu-ky (secretary) may not appraise II.1 of unit stc: appraisals are written by the members",
        ),
        (
            "thu-ky",
            "scores.csv",
            "unit,criterion,appraised_score,reason,leader\nstc,I.1,3,Chậm,lanh-dao-1\n",
            "scores.csv:2: column appraised_score: unit stc, I.1: value 3: refused: thu-ky (secretary) may not appraise I.1 of unit stc: criterion I is scored by the provincial leaders",
        ),
        (
            "chu-tich",
            "scores.csv",
            "unit,criterion,appraised_score,reason\nstc,II.1,2,Thiếu\n",
            "refused: chu-tich (chairman) may not appraise II.1",
        ),
        (
            "tv-so-noi-vu",
            "scores.csv",
            "unit,criterion,appraised_score,reason\nskhcn,III.7,2,Chậm\nstc,II.1,2,Thiếu\n",
            "scores.csv:3: column appraised_score: unit stc, II.1: value 2: refused: tv-so-noi-vu (member, so-noi-vu) may not appraise II.1 of unit stc: II.1 is assigned to thanh-tra-tinh",
        ),
        (
            "tv-so-noi-vu",
            "scores.csv",
            "unit,criterion,self_score\nskhcn,III.7,2\n",
            "column self_score: unit skhcn, III.7: value 2: refused: tv-so-noi-vu (member, so-noi-vu) may not import",
        ),
        (
            "tgv-so-noi-vu",
            "scores.csv",
            "unit,criterion,appraised_score,reason\nskhcn,III.7,2,Chậm\n",
            "an assistant's entry awaits a member's confirmation and is entered in the interface, not imported",
        ),
        (
            "lanh-dao-1",
            "scores.csv",
            "unit,criterion,appraised_score,reason,leader\nstc,I.1,3,Chậm,lanh-dao-1\nstc,I.1,3,Chậm,lanh-dao-2\n",
            "scores.csv:3: column appraised_score: unit stc, I.1: value 3: refused: lanh-dao-1 (leader) may not enter the score of leader lanh-dao-2 for I.1 of unit stc: a provincial leader's score is entered by that leader only",
        ),
        (
            "tv-so-noi-vu",
            "facts.csv",
            "unit,fact,value\nstc,discipline,yes\n",
            "facts.csv:2: column value: unit stc, fact discipline: value yes: refused: tv-so-noi-vu (member, so-noi-vu) may not record facts",
        ),
    ];
    for (user, name, text, expected) in refusals {
        as_user(&mut store, user);
        let before = round_state(&store);
        let path = csv(dir.path(), name, text);
        let result = match name {
            "grades.csv" => store.import_grades(&path),
            "facts.csv" => store.import_facts(&path),
            _ => store.import_scores(&path),
        };
        let error = refused_because(result, expected);
        assert_eq!(round_state(&store), before, "{user}: {error}");
    }
    let evidence = csv(dir.path(), "e.csv", "unit,criterion,title,reference,date\nstc,III.7,Báo cáo,BC-9,2024-11-01\n");
    refused_because(
        store.import_evidence(&evidence),
        "e.csv:2: column reference: unit stc, III.7: value BC-9: refused",
    );
    let units = csv(dir.path(), "u.csv", "code,name,bloc,group\nsnv2,Sở mới,so-nganh,\n");
    refused_because(store.import_units(&units), "u.csv:2: column name: unit snv2: value Sở mới | so-nganh: refused");
}

#[test]
fn what_each_role_may_write_it_imports_under_its_own_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let scores = "unit,criterion,self_score,appraised_score,reason,explanation,leader\n";
    let accepted: [(&str, &str, &str); 6] = [
        ("thu-ky", "scores.csv", "unit,criterion,self_score,explanation\nstc,III.1,1,Có báo cáo\n"),
        ("thu-ky", "facts.csv", "unit,fact,value\nstc,discipline,remedied\n"),
        ("chu-tich", "grades.csv", "unit,criterion,grade,reason\nstc,V,average,Đã khắc phục\n"),
        ("tv-so-noi-vu", "scores.csv", "unit,criterion,appraised_score,reason\nskhcn,III.7,2,Chậm\n"),
        ("lanh-dao-1", "scores.csv", "unit,criterion,appraised_score,reason,leader\nstc,I.1,3,Chậm,lanh-dao-1\n"),
        // A value that changes nothing is not a write: the secretary's full file with the council's columns unchanged.
        ("thu-ky", "scores.csv", "unit,criterion,self_score,appraised_score,reason\nstc,III.2,4,4,\n"),
    ];
    for (user, name, text) in accepted {
        as_user(&mut store, user);
        let path = csv(dir.path(), name, text);
        match name {
            "grades.csv" => store.import_grades(&path),
            "facts.csv" => store.import_facts(&path),
            _ => store.import_scores(&path),
        }
        .unwrap_or_else(|e| panic!("{user}: {e}"));
    }
    let log = store.audit_log(None, None).unwrap();
    let by = |field: &str| log.iter().rev().find(|r| r.field.as_deref() == Some(field)).map(|r| r.actor.clone());
    assert_eq!(by("appraised_score").as_deref(), Some("tv-so-noi-vu"));
    assert_eq!(by("leader_score:lanh-dao-1").as_deref(), Some("lanh-dao-1"));
    assert_eq!(by("grade").as_deref(), Some("chu-tich"));
    assert_eq!(by("discipline").as_deref(), Some("thu-ky"));
    let round = store.load_round().unwrap();
    let skhcn = &round.units.iter().find(|u| u.code == "skhcn").unwrap().entries["III.7"];
    assert_eq!(skhcn.appraised_by.as_deref(), Some("tv-so-noi-vu"));

    // The service account (no --user) may write anything, as documented.
    let mut admin = Store::open(store.path()).unwrap();
    admin
        .import_scores(&csv(
            dir.path(),
            "a.csv",
            &format!("{scores}stc,I.1,,2,Chậm,,lanh-dao-2\nstc,II.1,3,2,Thiếu,,\n"),
        ))
        .unwrap();
    admin.import_grades(&csv(dir.path(), "g.csv", "unit,criterion,grade,reason\nstc,V,-,\n")).unwrap();
}

#[test]
fn a_score_sheet_import_is_checked_value_by_value_too() {
    use thamdinh::sheet::layout::{Column, Layout};
    use thamdinh::sheet::model::Value;
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut book = thamdinh::sheet::score_sheets_book(&store, &["stc".into()], &mut |_, _| {}).unwrap();
    let layout = Layout::for_regulation(store.regulation());
    let (code_col, explanation) = (layout.col(Column::Code).unwrap(), layout.col(Column::Explanation).unwrap());
    let row = book.sheets[0]
        .cells
        .iter()
        .find(|((_, c), cell)| *c == code_col && cell.value == Some(Value::Text("III.7".into())))
        .map(|((row, _), _)| *row)
        .unwrap();
    let style = book.sheets[0].cells.get(&(row, explanation)).map(|c| c.style).unwrap_or_default();
    book.sheets[0].put(row, explanation, Some(Value::Text("Đã bổ sung báo cáo".into())), style);
    let file = dir.path().join("stc-filled.xlsx");
    let footer = thamdinh::sheet::render::Footer { content_hash: book.content_hash(), audit_head: None };
    thamdinh::sheet::write_book(book, &footer, &file, "test").unwrap();

    as_user(&mut store, "tv-so-noi-vu");
    let before = round_state(&store);
    let error = refused_because(
        thamdinh::sheet::import_sheet(&mut store, &file),
        "refused: tv-so-noi-vu (member, so-noi-vu) may not import",
    );
    assert!(error.contains("stc-filled.xlsx") && error.contains("unit stc, III.7"), "{error}");
    assert_eq!(round_state(&store), before);
    as_user(&mut store, "thu-ky");
    thamdinh::sheet::import_sheet(&mut store, &file).unwrap();
    assert_ne!(round_state(&store).0, before.0);
}

/// The desk lets the secretary keep the council's users (issue 25), but never raise one: a chairman or a secretary is
/// added or removed only by the service account, whoever holds the database file.
#[test]
fn the_secretary_keeps_users_but_never_adds_or_removes_a_chairman_or_a_secretary() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    thamdinh::demo::add_demo_users(&mut store).unwrap();
    let before = audit_rows(&store);
    as_user(&mut store, "thu-ky");
    for role in [Role::Chairman, Role::Secretary] {
        refused_because(store.add_user("ke-gian", "Kẻ gian", role, None), "only the service account");
    }
    refused_because(store.remove_user("chu-tich"), "only the service account");
    assert_eq!(audit_rows(&store), before, "a refusal writes nothing");
    store.add_user("lanh-dao-moi", "Lãnh đạo mới", Role::Leader, None).unwrap();
    store.remove_user("lanh-dao-moi").unwrap();
    assert_eq!(audit_rows(&store), before + 2);
}
