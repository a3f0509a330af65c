//! Issue 22 item 16: `thamdinh backup`, a consistent, verified copy while sessions write; never over an existing
//! file, the database or its companions; the secretary's, the chairman's or the service account's.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod binary;
mod tools;

use binary::{ok, refused, thamdinh};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

fn round(dir: &Path) -> String {
    tools::units_round(dir, "2024.db")
}

/// A writer process after another: `user add` of `prefix-0`, `prefix-1` …, counting the commands that returned.
fn writer(db: String, prefix: &'static str, rounds: usize, done: Arc<AtomicUsize>) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        for n in 0..rounds {
            let name = format!("{prefix}-{n}");
            ok(&["user", "add", "--db", &db, &name, "--role", "secretary"]);
            done.store(n + 1, Ordering::SeqCst);
        }
    })
}

#[test]
fn a_backup_while_two_processes_write_verifies_and_holds_every_committed_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let (a, b) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let writers = [writer(db.clone(), "ghi-a", 25, a.clone()), writer(db.clone(), "ghi-b", 25, b.clone())];
    let mut copies = Vec::new();
    for n in 0..6 {
        let committed = (a.load(Ordering::SeqCst), b.load(Ordering::SeqCst));
        let out = path(dir.path(), &format!("copy-{n}.db"));
        let said = ok(&["backup", "--db", &db, "--out", &out]);
        assert!(said.contains("đã sao lưu và kiểm tra"), "{said}");
        copies.push((out, committed));
    }
    for writer in writers {
        writer.join().unwrap();
    }
    let last = path(dir.path(), "last.db");
    ok(&["backup", "--db", &db, "--out", &last]);
    copies.push((last, (25, 25)));
    for (copy, (a, b)) in copies {
        ok(&["audit", "verify", "--db", &copy]);
        let users = ok(&["user", "list", "--db", &copy]);
        for name in (0..a).map(|n| format!("ghi-a-{n}")).chain((0..b).map(|n| format!("ghi-b-{n}"))) {
            assert!(users.lines().any(|line| line.split_whitespace().next() == Some(&name)), "{copy} lacks {name}");
        }
        let integrity = std::process::Command::new("sqlite3").arg(&copy).arg("PRAGMA integrity_check").output();
        if let Ok(output) = integrity {
            assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "ok");
        }
        // The copy is a database of its own: one file, no companions left beside it.
        assert!(!Path::new(&format!("{copy}-wal")).exists(), "{copy}-wal left");
    }
    assert_eq!(ok(&["rank", "--db", &db, "--json"]), ok(&["rank", "--db", &path(dir.path(), "last.db"), "--json"]));
}

#[test]
fn a_backup_never_replaces_a_file_nor_the_database_and_is_the_councils() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let existing = path(dir.path(), "old.db");
    std::fs::write(&existing, b"yesterday").unwrap();
    let error = refused(&["backup", "--db", &db, "--out", &existing]);
    assert!(error.contains("bản sao lưu luôn là một tệp mới"), "{error}");
    assert_eq!(std::fs::read(&existing).unwrap(), b"yesterday");
    let link = path(dir.path(), "cur.db");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    for out in [db.clone(), format!("{db}-wal"), format!("{db}-shm"), format!("{db}-journal")] {
        let error = refused(&["backup", "--db", &link, "--out", &out]);
        assert!(error.contains("không bao giờ ghi đè lên nó"), "{out}: {error}");
    }
    let error = refused(&["backup", "--db", &db, "--out", "/dev/full"]);
    assert!(error.contains("không phải một tệp thông thường"), "{error}");
    ok(&["user", "add", "--db", &db, "tk", "--role", "secretary"]);
    ok(&["user", "add", "--db", &db, "ct", "--role", "chairman"]);
    ok(&["user", "add", "--db", &db, "tv", "--role", "member", "--agency", "so-noi-vu"]);
    ok(&["user", "add", "--db", &db, "dv", "--role", "unit", "--unit", "stc"]);
    for (user, allowed) in [("tk", true), ("ct", true), ("tv", false), ("dv", false)] {
        let out = path(dir.path(), &format!("by-{user}.db"));
        let output = thamdinh(&["backup", "--db", &db, "--user", user, "--out", &out]);
        assert_eq!(output.status.success(), allowed, "{user}: {}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(Path::new(&out).exists(), allowed, "{user}");
    }
    let strays: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| Path::new(name).extension().is_some_and(|ext| ext.eq_ignore_ascii_case("tmp")))
        .collect();
    assert!(strays.is_empty(), "no temporary file is left: {strays:?}");
}
