//! Issue 21 (minor): refusals once embedded untranslated library text (*Could not find EOCD*, *Is a directory (os
//! error 21)*, *Invalid column type Blob*, a Rust debug struct). Each class, one by one, through the command line
//! as people run it: the refusal is one Vietnamese line, with no English library text and no debug shape, and the
//! database is unchanged.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod binary;

use binary::{ok, thamdinh};
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");

fn round(dir: &Path) -> String {
    let db = dir.join("2024.db").display().to_string();
    ok(&["init", "--db", &db, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    ok(&["import", "units", "--db", &db, &format!("{FIXTURES}/units.csv")]);
    ok(&["import", "scores", "--db", &db, &format!("{FIXTURES}/scores.csv")]);
    db
}

/// The database and its companions' bytes, to compare before and after a refusal.
fn bytes(db: &str) -> Vec<Option<Vec<u8>>> {
    ["", "-wal", "-shm"].iter().map(|suffix| std::fs::read(format!("{db}{suffix}")).ok()).collect()
}

/// Library English and debug shapes a person must never read.
const LIBRARY_TEXT: [&str; 12] = [
    "os error",
    "Could not",
    "Invalid",
    "invalid",
    "EOCD",
    "Is a directory",
    "No such file",
    "Permission denied",
    "Blob",
    "stream did not contain valid UTF-8",
    " { ",
    "Some(",
];

/// The command is refused in one Vietnamese line with no library text, and changes nothing.
fn refused_cleanly(case: &str, db: &str, args: &[&str]) -> String {
    let before = bytes(db);
    let output = thamdinh(args);
    let stderr = String::from_utf8_lossy(&output.stderr).trim_end().to_string();
    assert!(!output.status.success(), "{case}: accepted: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{case}: one line: {stderr}");
    for text in LIBRARY_TEXT {
        assert!(!stderr.contains(text), "{case}: library text {text:?} in: {stderr}");
    }
    let vietnamese = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹýàáèéìíòóùú";
    assert!(stderr.chars().any(|c| vietnamese.contains(c)), "{case}: not Vietnamese: {stderr}");
    assert!(bytes(db) == before, "{case}: the database changed");
    stderr
}

fn file(dir: &Path, name: &str, content: &[u8]) -> String {
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.display().to_string()
}

#[test]
fn each_class_of_library_fault_is_refused_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());

    // A workbook that is not a zip package.
    let not_zip = file(dir.path(), "not-zip.xlsx", b"this is not a workbook\n");
    let said = refused_cleanly("a non-zip .xlsx", &db, &["import", "sheet", "--db", &db, &not_zip]);
    assert!(said.contains("không phải tệp nén zip"), "{said}");

    // A truncated workbook: the first half of a real export.
    let whole = dir.path().join("whole.xlsx").display().to_string();
    ok(&["export", "sheet", "--db", &db, "--unit", "stc", "--out", &whole]);
    let full = std::fs::read(&whole).unwrap();
    let truncated = file(dir.path(), "truncated.xlsx", &full[..full.len() / 2]);
    refused_cleanly("a truncated .xlsx", &db, &["import", "sheet", "--db", &db, &truncated]);

    // A directory where a file is named, for a CSV and for a workbook.
    let folder = dir.path().join("a-folder");
    std::fs::create_dir(&folder).unwrap();
    let folder = folder.display().to_string();
    let said = refused_cleanly("a directory as a CSV", &db, &["import", "scores", "--db", &db, &folder]);
    assert!(said.contains("thư mục"), "{said}");
    refused_cleanly("a directory as a workbook", &db, &["import", "sheet", "--db", &db, &folder]);

    // A CSV that is not UTF-8 (Windows-1258 bytes).
    let latin = file(dir.path(), "latin.csv", b"unit,criterion,explanation\nstc,III.7,Gi\xe1i tr\xecnh\n");
    let said = refused_cleanly("a CSV with invalid UTF-8", &db, &["import", "scores", "--db", &db, &latin]);
    assert!(said.contains("UTF-8"), "{said}");

    // A file that is not there.
    let missing = dir.path().join("missing.csv").display().to_string();
    let said = refused_cleanly("a missing file", &db, &["import", "scores", "--db", &db, &missing]);
    assert!(said.contains("không có tệp"), "{said}");

    // A file the user may not read (root reads anything: the case then says nothing).
    let locked = file(dir.path(), "locked.csv", b"unit,criterion,self_score\nstc,III.7,1\n");
    let mut permissions = std::fs::metadata(&locked).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o000);
    std::fs::set_permissions(&locked, permissions).unwrap();
    if std::fs::read(&locked).is_err() {
        let said = refused_cleanly("a file without read permission", &db, &["import", "scores", "--db", &db, &locked]);
        assert!(said.contains("quyền"), "{said}");
    }

    // A database that is not one: a text file, and a folder.
    let text_db = file(dir.path(), "notes.db", b"not a database at all\n");
    refused_cleanly("a text file as the database", &text_db, &["rank", "--db", &text_db]);
    refused_cleanly("a folder as the database", &folder, &["audit", "verify", "--db", &folder]);
}

#[test]
fn a_blob_written_past_the_program_is_named_without_library_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE score SET explanation = X'00FF10' WHERE unit = 'stc' AND criterion = 'III.7'", []).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    drop(conn);
    let output = thamdinh(&["audit", "verify", "--db", &db]);
    let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(!output.status.success(), "a blob past the program is found: {said}");
    for text in LIBRARY_TEXT {
        assert!(!said.contains(text), "library text {text:?} in: {said}");
    }
    for command in [vec!["rank", "--db", db.as_str()], vec!["round", "show", "--db", db.as_str()]] {
        let output = thamdinh(&command);
        let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        for text in LIBRARY_TEXT {
            assert!(!said.contains(text), "{command:?}: library text {text:?} in: {said}");
        }
    }
}
