//! External programs some tests drive (tmux, LibreOffice, poppler): present, or the test says why it cannot
//! run — and under CI (`CI=true`) a missing program fails the test, so CI never passes what it did not run.
#![allow(dead_code)]

use std::process::Command;

/// Whether `program` runs (`program version_flag` succeeds). When it does not: under `CI=true` the test
/// fails naming what `.ci/run` should have installed; elsewhere it prints a notice and the caller skips.
pub fn available(program: &str, version_flag: &str, package: &str) -> bool {
    if Command::new(program).arg(version_flag).output().is_ok_and(|output| output.status.success()) {
        return true;
    }
    let ci = std::env::var("CI").is_ok_and(|value| value == "true" || value == "1");
    assert!(!ci, "{program} is missing under CI=true: .ci/run installs it (apt-get install {package})");
    println!("NOTICE: {program} is not installed (apt-get install {package}); this test is skipped outside CI");
    false
}
