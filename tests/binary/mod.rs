//! Running the built `thamdinh` binary from the tests: success with its output, or a one-line refusal.
#![allow(dead_code)]

use std::process::{Command, Output};

pub fn thamdinh(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_thamdinh"))
        .args(args)
        .env_remove("THAMDINH_DATA_DIR")
        // Tables keep one line per row off a terminal, unless `COLUMNS` asks for a width.
        .env_remove("COLUMNS")
        // The default language whatever the machine's locale (an `en_…` locale would give English).
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("run thamdinh")
}

/// Runs a command that must succeed; returns its standard output.
pub fn ok(args: &[&str]) -> String {
    let output = thamdinh(args);
    assert!(output.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("utf-8")
}

/// Like `ok`, and nothing may go to stderr (no progress bar when stderr is not a terminal).
pub fn ok_quiet(args: &[&str]) -> String {
    let output = thamdinh(args);
    assert!(output.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stderr.is_empty(), "{args:?} wrote to stderr (no progress bar off a terminal): {:?}", output.stderr);
    String::from_utf8(output.stdout).expect("utf-8")
}

/// Runs a command that must be refused; returns its one-line error.
pub fn refused(args: &[&str]) -> String {
    let output = thamdinh(args);
    assert!(!output.status.success(), "{args:?} should have failed");
    let stderr = String::from_utf8(output.stderr).expect("utf-8");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one-line error expected: {stderr}");
    stderr.trim_end().to_string()
}
