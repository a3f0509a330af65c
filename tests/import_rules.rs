//! Issue 21 items 6 and 7: a grade override by import follows the form's rules (not the proposed grade, a reason
//! that shows something), and a `leader` value names an existing user with the leader role.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod binary;
mod tools;

use binary::{ok, refused};
use std::path::Path;
use tools::file;

fn round(dir: &Path) -> String {
    tools::units_round(dir, "2024.db")
}

#[test]
fn a_grade_override_by_import_keeps_the_forms_rules() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    // VI fully appraised at max: the proposed grade is excellent.
    let scores = file(dir.path(), "s.csv", "unit,criterion,self_score,appraised_score\nsnv,VI.1,1,1\nsnv,VI.2,2,2\n");
    ok(&["import", "scores", "--db", &db, &scores]);
    let head = ok(&["audit", "verify", "--db", &db]);
    let same = file(dir.path(), "same.csv", "unit,criterion,grade,reason\nsnv,VI,excellent,Lý do\n");
    let error = refused(&["import", "grades", "--db", &db, &same]);
    assert!(error.contains("đúng là xếp loại đề xuất"), "{error}");
    for invisible in ["\u{200b}", "\u{202e}", "\u{2800}\u{200b}"] {
        let blank = file(dir.path(), "blank.csv", &format!("unit,criterion,grade,reason\nsnv,VI,good,{invisible}\n"));
        let error = refused(&["import", "grades", "--db", &db, &blank]);
        assert!(error.contains("cần lý do điều chỉnh xếp loại"), "{invisible:?}: {error}");
    }
    assert_eq!(ok(&["audit", "verify", "--db", &db]), head, "nothing written");
    let fine = file(dir.path(), "fine.csv", "unit,criterion,grade,reason\nsnv,VI,good,Chậm báo cáo\n");
    ok(&["import", "grades", "--db", &db, &fine]);
}

#[test]
fn a_leader_score_names_a_leader_of_the_round() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let before = ok(&["rank", "--db", &db, "--json"]);
    ok(&["user", "add", "--db", &db, "tv", "--role", "member", "--agency", "so-noi-vu"]);
    for name in ["ghost", "tv"] {
        let row =
            file(dir.path(), "l.csv", &format!("unit,criterion,appraised_score,reason,leader\nsnv,I.1,0,x,{name}\n"));
        let error = refused(&["import", "scores", "--db", &db, &row]);
        assert!(error.contains("l.csv:2: cột leader") && error.contains(name), "{error}");
    }
    assert_eq!(ok(&["rank", "--db", &db, "--json"]), before);
    ok(&["user", "add", "--db", &db, "pct", "--role", "leader"]);
    let row = file(dir.path(), "l.csv", "unit,criterion,appraised_score,reason,leader\nsnv,I.1,0,x,pct\n");
    ok(&["import", "scores", "--db", &db, &row]);
}
