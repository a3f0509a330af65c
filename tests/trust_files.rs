//! Issue 21, items 1 and the minor file items: no name reaches the live database or its companions (a link, a
//! relative path, `init --db`), nothing but a regular file is written or read (devices, FIFOs), and the one guard
//! `store::paths::check_destination` every writer calls.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod binary;
mod tools;

use binary::{ok, refused};
use std::path::Path;
use std::process::Command;

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

fn round(dir: &Path) -> String {
    tools::units_round(dir, "2024.db")
}

const OVER_DATABASE: &str = "bản xuất không bao giờ ghi đè lên nó, dù có --force hay không";

#[test]
fn an_export_through_a_link_to_the_database_never_names_its_companions() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let link = path(dir.path(), "cur.db");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    for companion in ["-wal", "-shm", "-journal", ""] {
        let out = format!("{db}{companion}");
        let error = refused(&["export", "ranking", "--db", &link, "--out", &out, "--force"]);
        assert!(error.contains(OVER_DATABASE), "{companion}: {error}");
    }
    // A link named as the destination, pointing at a companion that does not exist yet.
    let pointer = path(dir.path(), "ket-qua.xlsx");
    std::os::unix::fs::symlink(format!("{db}-wal"), &pointer).unwrap();
    let error = refused(&["export", "ranking", "--db", &db, "--out", &pointer, "--force"]);
    assert!(error.contains(OVER_DATABASE), "{error}");
    // A relative name from the database's folder.
    let output = Command::new(env!("CARGO_BIN_EXE_thamdinh"))
        .current_dir(dir.path())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .args(["export", "ranking", "--db", &link, "--out", "./2024.db-wal", "--force"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains(OVER_DATABASE));
    assert!(!Path::new(&format!("{db}-wal")).exists() || std::fs::metadata(format!("{db}-wal")).unwrap().len() == 0);
    ok(&["audit", "verify", "--db", &db]);
}

#[test]
fn a_device_or_a_fifo_is_never_a_destination_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let fifo = path(dir.path(), "pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for out in ["/dev/full", "/dev/null", fifo.as_str(), dir.path().to_str().unwrap()] {
        let error = refused(&["export", "ranking", "--db", &db, "--out", out, "--force"]);
        assert!(error.contains("không phải một tệp thông thường"), "{out}: {error}");
    }
    let error = refused(&["init", "--db", "/dev/full", "--regulation", "thai-nguyen-2024", "--year", "2025"]);
    assert!(error.contains("không phải một tệp thông thường"), "{error}");
}

#[test]
fn init_never_makes_the_new_round_a_companion_of_the_old() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let link = path(dir.path(), "cur.db");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let error = refused(&["init", "--db", &format!("{link}-shm"), "--from", &link, "--year", "2025"]);
    assert!(error.contains(OVER_DATABASE), "{error}");
    for new in [format!("{db}-wal"), format!("{db}-shm"), format!("{db}-journal"), link.clone()] {
        let error = refused(&["init", "--db", &new, "--from", &db, "--year", "2025"]);
        assert!(error.contains(OVER_DATABASE) || error.contains("2024.db"), "{new}: {error}");
        let error = refused(&["init", "--db", &new, "--from", &link, "--year", "2025"]);
        assert!(error.contains(OVER_DATABASE) || error.contains("2024.db"), "{new}: {error}");
    }
    assert!(!Path::new(&format!("{db}-journal")).exists());
    ok(&["audit", "verify", "--db", &db]);
    ok(&["rank", "--db", &db]);
}

/// Runs a command that must end (refused) well before the guard's limit; a hung reader is killed and fails.
fn refused_in_time(args: &[&str]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_thamdinh"))
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    for _ in 0..600 {
        if child.try_wait().unwrap().is_some() {
            let output = child.wait_with_output().unwrap();
            assert!(!output.status.success(), "{args:?} should be refused");
            return String::from_utf8_lossy(&output.stderr).into_owned();
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    child.kill().unwrap();
    panic!("{args:?} kept reading: an input must be a regular file");
}

#[test]
fn an_input_that_is_a_device_or_a_fifo_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let fifo = path(dir.path(), "scores.csv");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for input in ["/dev/zero", "/dev/urandom", fifo.as_str()] {
        for kind in ["units", "scores", "sheet"] {
            let error = refused_in_time(&["import", kind, "--db", &db, input]);
            assert!(error.contains("không phải một tệp thông thường"), "{kind} {input}: {error}");
        }
        let error = refused_in_time(&["export", "verify", input]);
        assert!(error.contains("không phải một tệp thông thường"), "verify {input}: {error}");
    }
}
