//! Issue 27 item 4: one clock, passed in. Every time a row carries comes from the store's clock, never from
//! SQLite's `now`: a round worked on with its clock stopped at a day long past stamps every row with that day,
//! and the command line's `THAMDINH_NOW` reaches the round's own creation time.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use std::fmt::Write;
use std::path::Path;
use std::process::Command;
use thamdinh::store::Store;
use thamdinh::store::clock::Clock;
use thamdinh::store::rerate::RerateChange;

const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");
/// A day long past, that no test machine's own clock shows.
const STOPPED: &str = "2024-12-03T04:05:06Z";

/// Every time column of the schema whose default is SQLite's `now`, with its table.
const TIME_COLUMNS: [(&str, &str); 8] = [
    ("round", "created_at"),
    ("audit", "at"),
    ("approval", "approved_at"),
    ("comment", "at"),
    ("council_user", "added_at"),
    ("submission", "submitted_at"),
    ("document_file", "uploaded_at"),
    ("rerating", "at"),
];

/// Each time column's values that were not written at `STOPPED`: the round's own row and the audit rows up to
/// `since_audit` excepted when they were written before the clock was stopped.
fn other_times(db: &Path, since_audit: i64) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut found = Vec::new();
    for (table, column) in TIME_COLUMNS {
        if table == "round" && since_audit > 0 {
            continue;
        }
        let filter = if table == "audit" { format!("WHERE id > {since_audit}") } else { String::new() };
        let mut statement = conn.prepare(&format!("SELECT \"{column}\" FROM \"{table}\" {filter}")).unwrap();
        let values = statement.query_map([], |row| row.get::<_, String>(0)).unwrap();
        for value in values {
            let value = value.unwrap();
            if !value.starts_with(&STOPPED[..19]) {
                found.push(format!("{table}.{column} = {value}"));
            }
        }
    }
    found
}

fn count(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |row| row.get(0)).unwrap()
}

#[test]
fn every_row_written_under_a_stopped_clock_carries_its_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db");
    let mut store = Store::init(&db, "thai-nguyen-2024", 2024).unwrap();
    let before: i64 = count(&db, "audit");
    store.set_clock(Clock::fixed_at(STOPPED.parse().unwrap()));
    assert_eq!(store.today().unwrap().to_string(), "2024-12-03", "today is the clock's");

    let mut units = String::from("code,name,bloc,group\n");
    let mut scores = String::from("unit,criterion,self_score,appraised_score,reason,explanation\n");
    let mut facts = String::from("unit,fact,value\n");
    let framework = store.regulation().framework_for(&"so-nganh".into(), None).unwrap().clone();
    for (code, cut) in [("a", "0"), ("b", "0.5"), ("c", "1")] {
        writeln!(units, "{code},Đơn vị {code},so-nganh,").unwrap();
        for place in framework.components() {
            let max = place.component.max;
            let appraised = if place.component.code.as_str() == "I.1" {
                max - cut.parse::<rust_decimal::Decimal>().unwrap()
            } else {
                max
            };
            let reason = if appraised < max { "Thiếu tài liệu" } else { "" };
            let own = if place.criterion.scored_by_leaders { String::new() } else { max.to_string() };
            writeln!(scores, "{code},{},{own},{appraised},{reason},", place.component.code).unwrap();
        }
        writeln!(facts, "{code},outstanding,true").unwrap();
    }
    for (name, text) in [("units.csv", &units), ("scores.csv", &scores), ("facts.csv", &facts)] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    store.import_units(&dir.path().join("units.csv")).unwrap();
    store.import_scores(&dir.path().join("scores.csv")).unwrap();
    store.import_facts(&dir.path().join("facts.csv")).unwrap();
    thamdinh::demo::add_demo_users(&mut store).unwrap();
    store.submit_received(Some("a"), "2024-11-20", "12/BB", Some("2024-11-22")).unwrap();
    store.sign_in("chu-tich").unwrap();
    store.approve_bloc(&"so-nganh".into()).unwrap();
    let change = RerateChange::Fact { name: "discipline".into(), value: "yes".into() };
    store.rerate(&"c".into(), &[change], "Phát hiện vi phạm sau khi công bố").unwrap();

    for table in ["council_user", "submission", "approval", "rerating"] {
        assert!(count(&db, table) > 0, "the scenario writes {table}");
    }
    assert!(count(&db, "audit") > before);
    let others = other_times(&db, before);
    assert!(others.is_empty(), "rows stamped by another clock than the store's:\n{}", others.join("\n"));
}

#[test]
fn the_command_lines_fixed_time_stamps_the_round_it_creates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db");
    let output = Command::new(BIN)
        .args(["init", "--db", db.to_str().unwrap(), "--regulation", "thai-nguyen-2024", "--year", "2024"])
        .env("THAMDINH_NOW", STOPPED)
        .env_remove("THAMDINH_TODAY")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(count(&db, "round"), 1);
    let others = other_times(&db, 0);
    assert!(others.is_empty(), "rows stamped by another clock than THAMDINH_NOW:\n{}", others.join("\n"));
}

/// No write leans on the schema's `DEFAULT (strftime(…, 'now'))`: every statement inserting into a table with a
/// time column names that column, so the store's clock fills it.
#[test]
fn every_insert_into_a_timed_table_names_its_time() {
    let mut missing = Vec::new();
    for entry in std::fs::read_dir("src/store").unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "schema.rs") || path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (table, column) in TIME_COLUMNS {
            let opening = format!("INSERT INTO {table} (");
            for (at, _) in text.match_indices(&opening) {
                let columns = &text[at + opening.len()..];
                let columns = &columns[..columns.find(')').unwrap_or(columns.len())];
                if !columns.split(',').any(|c| c.trim() == column) {
                    missing.push(format!("{}: INSERT INTO {table} ({columns})", path.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "inserts left to SQLite's clock:\n{}", missing.join("\n"));
}
