//! The database itself: WAL, foreign keys, the append-only audit log, and files it must refuse.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use rusqlite::Connection;
use thamdinh::store::{Store, StoreError};

#[test]
fn a_round_is_a_wal_database_with_an_append_only_audit_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("round.db");
    drop(Store::init(&path, "thai-nguyen-2024", 2024).unwrap());
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let rows: i64 = conn.query_row("SELECT COUNT(*) FROM audit WHERE action = 'init'", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 1);
    let error = conn.execute("UPDATE audit SET actor = 'someone'", []).unwrap_err();
    assert!(error.to_string().contains("append-only"), "{error}");
    let error = conn.execute("DELETE FROM audit", []).unwrap_err();
    assert!(error.to_string().contains("append-only"), "{error}");
}

#[test]
fn a_database_from_a_newer_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("round.db");
    drop(Store::init(&path, "bac-giang-453", 2023).unwrap());
    Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
    match Store::open(&path) {
        Err(error @ StoreError::TooNew { .. }) => assert!(error.to_string().contains("newer thamdinh")),
        Err(other) => panic!("unexpected error {other}"),
        Ok(_) => panic!("a newer schema must be refused"),
    }
}

#[test]
fn another_sqlite_file_is_not_taken_for_a_round() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    Connection::open(&path).unwrap().execute("CREATE TABLE t (x)", []).unwrap();
    assert!(matches!(Store::open(&path), Err(StoreError::NotThamdinh { .. })));
}

#[test]
fn the_round_keeps_the_rules_it_was_created_with() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("round.db");
    let created = Store::init(&path, "thai-nguyen-2024", 2024).unwrap();
    let reopened = Store::open(&path).unwrap();
    assert_eq!(created.regulation(), reopened.regulation());
    assert_eq!(reopened.year(), 2024);
    let conn = Connection::open(&path).unwrap();
    let files: i64 = conn.query_row("SELECT COUNT(*) FROM regulation_file", [], |r| r.get(0)).unwrap();
    assert_eq!(files, 8, "regulation, agencies, blocs, papers and the four frameworks");
}
