//! Issue 21 item 3 and issue 22 item 12: a quote left open is refused with its line instead of swallowing the rows
//! after it; a cell spans lines only in a text column; line numbers are the file's physical lines (blank lines,
//! CRLF from Excel on Windows), and a duplicate names the first row's line, never the header's.
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
fn a_quote_left_open_is_refused_at_its_line_and_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let before = ok(&["audit", "verify", "--db", &db]);
    let open = file(
        dir.path(),
        "open.csv",
        "unit,criterion,self_score,explanation\nsnv,II.3,1,ok\nsnv,II.4,0.5,\"giải trình\nsnv,II.1,1,x\nsnv,II.2,1,y\n",
    );
    let error = refused(&["import", "scores", "--db", &db, &open]);
    assert!(error.starts_with("thamdinh: open.csv:3: dấu ngoặc kép"), "{error}");
    assert_eq!(ok(&["audit", "verify", "--db", &db]), before, "nothing imported");
    // A quoted field with line breaks in a text column is one record; the summary counts records.
    let text = file(
        dir.path(),
        "text.csv",
        "unit,criterion,self_score,explanation\nsnv,II.1,1,\"hai\ndòng\"\nsnv,II.2,1,\"a \"\"b\"\" c\"\n",
    );
    assert!(ok(&["import", "scores", "--db", &db, &text]).contains("2 dòng"));
    // A line break in a code column is refused with its line and column.
    let code = file(dir.path(), "code.csv", "unit,criterion,self_score\nsnv,\"II.1\nII.2\",1\n");
    let error = refused(&["import", "scores", "--db", &db, &code]);
    assert!(error.contains("code.csv:2: cột criterion"), "{error}");
}

#[test]
fn line_numbers_are_physical_lines_with_blank_lines_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let blank = file(dir.path(), "blank.csv", "unit,criterion,self_score\n\n\nsnv,II.1,9\n");
    let error = refused(&["import", "scores", "--db", &db, &blank]);
    assert!(error.starts_with("thamdinh: blank.csv:4:"), "{error}");
    let crlf = file(dir.path(), "crlf.csv", "unit,criterion,self_score\r\nsnv,II.1,1\r\nsnv,II.2,9\r\n");
    let error = refused(&["import", "scores", "--db", &db, &crlf]);
    assert!(error.starts_with("thamdinh: crlf.csv:3:"), "{error}");
    let twice = file(dir.path(), "twice.csv", "unit,criterion,self_score\r\n\r\nsnv,II.1,1\r\nsnv,II.1,1\r\n");
    let error = refused(&["import", "scores", "--db", &db, &twice]);
    assert!(error.starts_with("thamdinh: twice.csv:4:") && error.contains("dòng 3"), "{error}");
    let spanning = file(
        dir.path(),
        "spanning.csv",
        "unit,criterion,self_score,explanation\nsnv,II.1,1,\"một\r\nhai\"\nsnv,II.2,9,x\n",
    );
    let error = refused(&["import", "scores", "--db", &db, &spanning]);
    assert!(error.starts_with("thamdinh: spanning.csv:4:"), "{error}");
}
