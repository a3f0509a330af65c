//! The secretary's desk in a real terminal (issue 25): a units CSV imported from the inbox after its preview, a
//! member added (the key line shown), the deadline set, a paper submission recorded and reopened.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

use std::path::Path;
use tools::{Tmux, desk};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");
const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");

#[test]
fn the_secretary_works_the_desk_in_a_real_terminal() {
    if !tools::available("tmux", "-V", "tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db").display().to_string();
    desk::secretary_round(&db);
    let inbox = thamdinh::store::files::inbox_dir(Path::new(&db), "thu-ky");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::copy(Path::new(FIXTURES).join("units.csv"), inbox.join("don-vi.csv")).unwrap();

    let tmux = Tmux::new(&format!("desk-{}", std::process::id()), "d");
    tmux.open(130, 40, &format!("{BIN} --db {db} --user thu-ky"));
    desk::walk(&tmux, &db, dir.path());
    drop(tmux);

    desk::assert_walked(&db);
    let store = thamdinh::store::Store::open(Path::new(&db)).unwrap();
    let log = store.audit_log(Some("snv"), None).unwrap();
    assert!(log.iter().filter(|row| row.actor == "thu-ky").count() >= 2, "submitted and reopened under the person");
}
