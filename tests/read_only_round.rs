//! An archived round in a read-only folder (or a read-only file) reads: every reading command opens it
//! read-only, and a database that does not open says why (permission, not SQLite) instead of "not ours".
//! Root ignores file permissions, so as root the commands run as `nobody` under `setpriv`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Runs the program as an account the file permissions apply to (`nobody` when the test runs as root).
fn run_unprivileged(args: &[&str]) -> Output {
    let mut command = if is_root() {
        let mut command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
        command
    } else {
        Command::new(BIN)
    };
    command.args(args).env("NO_COLOR", "1").output().unwrap()
}

fn can_drop_privileges() -> bool {
    !is_root() || tools::available("setpriv", "--version", "util-linux")
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn demo(dir: &Path) -> String {
    chmod(dir, 0o755);
    let db = dir.join("2024.db").display().to_string();
    let made = Command::new(BIN).args(["demo", "--db", &db]).output().unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    db
}

#[test]
fn a_round_in_a_read_only_folder_reads() {
    if !can_drop_privileges() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let sheet = dir.path().join("xep-hang.xlsx").display().to_string();
    let exported = Command::new(BIN).args(["export", "ranking", "--db", &db, "--out", &sheet]).output().unwrap();
    assert!(exported.status.success(), "{}", String::from_utf8_lossy(&exported.stderr));
    let before = std::fs::read(&db).unwrap();
    chmod(Path::new(&db), 0o444);
    chmod(Path::new(&sheet), 0o444);
    chmod(dir.path(), 0o555);
    let commands: Vec<Vec<&str>> = vec![
        vec!["rank", "--db", &db],
        vec!["rank", "--json", "--db", &db],
        vec!["audit", "verify", "--db", &db],
        vec!["audit", "log", "--db", &db],
        vec!["round", "show", "--db", &db],
        vec!["user", "list", "--db", &db],
        vec!["result", "--unit", "syt", "--db", &db],
        vec!["export", "verify", &sheet, "--db", &db],
    ];
    for args in commands {
        let output = run_unprivileged(&args);
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{args:?}: {error}");
        assert!(!output.stdout.is_empty(), "{args:?} printed nothing");
    }
    chmod(dir.path(), 0o755);
    assert_eq!(std::fs::read(&db).unwrap(), before, "a reading command changed the round");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 2, "{leftovers:?}");
}

#[test]
fn a_database_that_does_not_open_says_why() {
    if !can_drop_privileges() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    chmod(Path::new(&db), 0o000);
    for (lang, expected) in [("vi", "2024.db: không có quyền"), ("en", "2024.db: permission denied")] {
        let output = run_unprivileged(&["--lang", lang, "rank", "--db", &db]);
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success() && error.contains(expected), "{lang}: {error}");
    }
    chmod(Path::new(&db), 0o644);
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "đây là ghi chú, không phải cơ sở dữ liệu\n".repeat(200)).unwrap();
    let text = text.display().to_string();
    for args in
        [vec!["rank", "--db", &text], vec!["audit", "verify", "--db", &text], vec!["tie", "--bloc", "x", "--db", &text]]
    {
        let output = Command::new(BIN).args(&args).output().unwrap();
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(error.contains("notes.db: không phải tệp cơ sở dữ liệu SQLite"), "{args:?}: {error}");
    }
}
