//! Issue 21, the minor list: every input has a bound, and what is beyond it is refused with a clear sentence in
//! the user's language, before anything is created or stored.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod binary;
mod tools;

use binary::{ok, refused};
use std::fmt::Write;
use tools::file;

/// Words of an English sentence that a Vietnamese refusal never carries.
const ENGLISH: &[&str] =
    &[" the ", " is ", " not ", " of ", " or ", "found", "could", "error", "invalid", "denied", "directory", "must"];

fn no_english(error: &str) {
    let lowered = error.to_lowercase();
    let leaked: Vec<&&str> = ENGLISH.iter().filter(|word| lowered.contains(**word)).collect();
    assert!(leaked.is_empty(), "English {leaked:?} in {error:?}");
}

#[test]
fn a_demo_is_made_with_one_to_ten_thousand_units() {
    let dir = tempfile::tempdir().unwrap();
    for units in ["0", "10001", "100000000", "18446744073709551615"] {
        let db = dir.path().join(format!("demo-{units}.db"));
        let db = db.display().to_string();
        let error = refused(&["demo", "--db", &db, "--units", units]);
        assert!(error.contains("từ 1 đến 10000"), "--units {units}: {error}");
        no_english(&error);
        let english = refused(&["demo", "--db", &db, "--units", units, "--lang", "en"]);
        assert!(english.contains("from 1 to 10000"), "--units {units}: {english}");
        assert!(!std::path::Path::new(&db).exists(), "--units {units} created {db}");
    }
    let db = dir.path().join("demo-3.db").display().to_string();
    ok(&["demo", "--db", &db, "--units", "3"]);
    let help = ok(&["demo", "--help"]);
    assert!(help.contains("1 đến 10000"), "the help states the bound: {help}");
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");

/// Every row of every table, in a fixed order, as one text: equal texts, equal content.
fn content(db: &str) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = {
        let mut statement = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .unwrap();
        statement.query_map([], |row| row.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    };
    let mut all = String::new();
    for table in tables {
        writeln!(all, "table {table}").unwrap();
        let mut statement = conn
            .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
            // A table WITHOUT ROWID (the scores) is read in its primary key's order.
            .or_else(|_| conn.prepare(&format!("SELECT * FROM \"{table}\"")))
            .unwrap();
        let columns = statement.column_count();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for column in 0..columns {
                write!(all, "{:?}\u{1f}", row.get_ref(column).unwrap()).unwrap();
            }
            all.push('\n');
        }
    }
    all
}

/// A 2024 Thái Nguyên round with the fixtures' units, scores, facts, grades and evidence.
fn round(dir: &std::path::Path) -> String {
    let db = dir.join("round.db").display().to_string();
    ok(&["init", "--db", &db, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    for kind in ["units", "scores", "facts", "grades", "evidence"] {
        ok(&["import", kind, "--db", &db, &format!("{FIXTURES}/{kind}.csv")]);
    }
    db
}

/// Runs a command that must be refused, in Vietnamese with `vi` in its words and no English, then in English with
/// `en`; the database is as it was.
fn refused_both(db: &str, args: &[&str], vi: &str, en: &str) {
    let before = content(db);
    let error = refused(args);
    assert!(error.contains(vi), "{args:?}: {error:?} lacks {vi:?}");
    no_english(&error);
    let mut english: Vec<&str> = args.to_vec();
    english.extend(["--lang", "en"]);
    let error = refused(&english);
    assert!(error.contains(en), "{args:?} --lang en: {error:?} lacks {en:?}");
    assert_eq!(content(db), before, "{args:?} changed the database");
}

#[test]
fn text_that_shows_nothing_or_has_no_bound_is_refused_on_every_path() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let units = |name: &str| file(dir.path(), "units.csv", &format!("code,name,bloc,group\nsxd,{name},so-nganh,\n"));
    let invisible = "không có ký tự nào nhìn thấy được";
    for name in ["\u{200B}", "\u{2060}\u{FEFF}", "\u{2800}", "\u{202E}\u{2066}"] {
        refused_both(&db, &["import", "units", "--db", &db, &units(name)], "cột name", "column name");
    }
    refused_both(&db, &["import", "units", "--db", &db, &units("\u{200B}\u{2800}")], invisible, "shows nothing");
    refused_both(&db, &["import", "units", "--db", &db, &units("Sở Xây\u{202E}dựng")], "U+202E", "U+202E");
    refused_both(&db, &["import", "units", "--db", &db, &units(&"Sở ".repeat(100))], "quá giới hạn 200 ký tự", "200");

    let evidence = |title: &str, reference: &str| {
        file(
            dir.path(),
            "evidence.csv",
            &format!("unit,criterion,title,reference,date\nsnv,I,{title},{reference},2024-11-20\n"),
        )
    };
    refused_both(
        &db,
        &["import", "evidence", "--db", &db, &evidence("\"Báo\ncáo\"", "Số 1")],
        "xuống dòng",
        "may not break a line",
    );
    refused_both(
        &db,
        &["import", "evidence", "--db", &db, &evidence("Báo cáo", "\u{FEFF}\u{200B}")],
        invisible,
        "shows nothing",
    );
    refused_both(&db, &["import", "evidence", "--db", &db, &evidence("\u{202D}Báo cáo", "Số 1")], "U+202D", "U+202D");
    let long = "x".repeat(501);
    refused_both(&db, &["import", "evidence", "--db", &db, &evidence("Báo cáo", &long)], "quá giới hạn 500", "500");

    let reason = "x".repeat(4001);
    let scores = file(
        dir.path(),
        "scores.csv",
        &format!("unit,criterion,self_score,appraised_score,reason\nsnv,I.1,4,3,{reason}\n"),
    );
    refused_both(&db, &["import", "scores", "--db", &db, &scores], "quá giới hạn 4000", "4000");

    for full_name in ["\u{202E}", "\u{200B}", "Nguyễn\u{2067}Văn"] {
        refused_both(
            &db,
            &["user", "add", "--db", &db, "thu-ky-2", "--role", "secretary", "--full-name", full_name],
            "thu-ky-2",
            "thu-ky-2",
        );
    }
    ok(&["user", "add", "--db", &db, "thu-ky-2", "--role", "secretary", "--full-name", "Nguyễn Văn A"]);
}

#[test]
fn codes_counts_minutes_dates_and_days_have_their_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    for name in ["-", ".", "..", ".x", "_a"] {
        refused_both(
            &db,
            &["user", "add", "--db", &db, name, "--role", "secretary"],
            "không phải là tên người dùng",
            "is not a user name",
        );
        let units = file(dir.path(), "units.csv", &format!("code,name,bloc,group\n{name},Đơn vị,so-nganh,\n"));
        refused_both(&db, &["import", "units", "--db", &db, &units], "không phải là mã đơn vị", "is not a unit code");
    }
    let facts = file(dir.path(), "facts.csv", "unit,fact,value\nsnv,subunits_total,+3\n");
    refused_both(&db, &["import", "facts", "--db", &db, &facts], "cột value", "subunits_total");
    let submit = |approved: &str, minutes: &str| -> Vec<String> {
        ["submit", "--db", &db, "--unit", "snv", "--approved-on", approved, "--minutes", minutes]
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    let long_minutes = "1".repeat(100_000);
    for (approved, minutes, vi, en) in [
        ("2024-11-20", "12/BB\nkèm", "xuống dòng", "may not break a line"),
        ("2024-11-20", long_minutes.as_str(), "quá giới hạn 500", "500"),
        ("1950-05-01", "12/BB", "trước năm đánh giá 2024", "before the round's year 2024"),
        ("2023-12-31", "12/BB", "trước năm đánh giá 2024", "before the round's year 2024"),
    ] {
        let args = submit(approved, minutes);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        refused_both(&db, &args, vi, en);
    }
    for days in ["366", "3000000000"] {
        refused_both(&db, &["round", "set", "--db", &db, "--appraisal-days", days], "vượt quá giới hạn 365", "365");
    }
    ok(&["round", "set", "--db", &db, "--appraisal-days", "365"]);
}

#[test]
fn a_unit_reads_neither_the_council_nor_another_unit_through_user_list_or_export_verify() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let appraised = file(
        dir.path(),
        "last.csv",
        "unit,criterion,self_score,appraised_score,reason\nskhcn,III.7,\"2,5\",\"2,5\",Thiếu\n",
    );
    ok(&["import", "scores", "--db", &db, &appraised]);
    ok(&["tie", "--db", &db, "--bloc", "so-nganh", "--order", "stp,snv"]);
    ok(&["approve", "--db", &db, "--bloc", "so-nganh"]);
    ok(&["user", "add", "--db", &db, "dau-moi-snv", "--role", "unit", "--unit", "snv"]);
    let unit = ["--user", "dau-moi-snv"];
    let with = |args: &[&str]| -> Vec<String> { args.iter().chain(&unit).map(ToString::to_string).collect() };
    let users = with(&["user", "list", "--db", &db]);
    let error = refused(&users.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!error.contains("dau-moi-snv  "), "{error}");
    no_english(&error);
    assert!(ok(&["user", "list", "--db", &db]).contains("dau-moi-snv"));

    let sheet = |code: &str| {
        let out = dir.path().join(format!("{code}.xlsx")).display().to_string();
        ok(&["export", "sheet", "--db", &db, "--unit", code, "--out", &out]);
        out
    };
    let (own, other) = (sheet("snv"), sheet("stp"));
    let ranking = dir.path().join("ranking.xlsx").display().to_string();
    ok(&["export", "ranking", "--db", &db, "--out", &ranking]);
    for file in [&other, &ranking] {
        let args = with(&["export", "verify", "--db", &db, file]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let error = refused(&args);
        no_english(&error);
        assert!(!error.contains("khớp"), "{file}: {error}");
        // Without --db the file's own check block is read by anyone: it says nothing of the database.
        ok(&["export", "verify", file]);
    }
    let args = with(&["export", "verify", "--db", &db, &own]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(&args);
}

/// A package of the given parts, each deflated.
fn package(path: &std::path::Path, parts: &[(String, Vec<u8>)]) {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

fn workbook_parts() -> Vec<(String, Vec<u8>)> {
    vec![
        ("[Content_Types].xml".to_string(), b"<?xml version=\"1.0\"?><Types/>".to_vec()),
        ("xl/workbook.xml".to_string(), b"<?xml version=\"1.0\"?><workbook/>".to_vec()),
    ]
}

#[test]
fn hostile_workbooks_are_refused_from_the_package_directory() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    // A styles part that unpacks to 1 000 times its packed size (the 765 KB file that took 1,3 GB).
    let bomb = dir.path().join("bomb.xlsx");
    let mut parts = workbook_parts();
    parts.push(("xl/styles.xml".to_string(), vec![b' '; 40 << 20]));
    parts.push(("xl/worksheets/sheet1.xml".to_string(), b"<worksheet/>".to_vec()));
    package(&bomb, &parts);
    // 9 999 sheets of a few bytes each.
    let many = dir.path().join("many.xlsx");
    let mut parts = workbook_parts();
    parts.extend((1..=9999).map(|n| (format!("xl/worksheets/sheet{n}.xml"), b"<worksheet/>".to_vec())));
    package(&many, &parts);
    let many_size = std::fs::metadata(&many).unwrap().len();
    assert!(many_size / 9999 < 256, "{many_size} bytes: the sheets must be packed tighter than a score sheet");
    for (file, vi, en) in [
        (&bomb, "\"xl/styles.xml\" khi giải nén lớn gấp", "times its packed size"),
        (&many, "có 9999 trang tính", "9999 sheets"),
    ] {
        let file = file.display().to_string();
        refused_both(&db, &["import", "sheet", "--db", &db, &file], vi, en);
        refused_both(&db, &["export", "verify", "--db", &db, &file], vi, en);
    }
}

#[test]
fn library_faults_are_worded_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let text = file(dir.path(), "notes.xlsx", "not a workbook\n");
    let paper = file(dir.path(), "notes.docx", "not a paper\n");
    let nowhere = dir.path().join("nowhere").join("a.xlsx").display().to_string();
    let nowhere_db = dir.path().join("nowhere").join("b.db").display().to_string();
    let cases: [(Vec<&str>, &str); 5] = [
        (vec!["import", "sheet", "--db", &db, &text], "không phải tệp nén zip"),
        (vec!["export", "verify", &text], "không phải tệp nén zip"),
        (vec!["export", "verify", &paper], "không phải tệp nén zip"),
        (vec!["export", "ranking", "--db", &db, "--out", &nowhere], "không có tệp hay thư mục này"),
        (vec!["backup", "--db", &db, "--out", &nowhere_db], "không có tệp hay thư mục này"),
    ];
    for (args, worded) in cases {
        let error = refused(&args);
        assert!(error.contains(worded), "{args:?}: {error}");
        for library in ["EOCD", "os error", "No such file", "Is a directory"] {
            assert!(!error.contains(library), "{args:?}: {error}");
        }
        no_english(&error);
    }

    // A value of the wrong type stored behind the program's back, then a row of the log changed.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let score = "WHERE unit = 'snv' AND criterion = 'I.1'";
    let stored: Option<String> =
        conn.query_row(&format!("SELECT self_score FROM score {score}"), [], |row| row.get(0)).unwrap();
    conn.execute(&format!("UPDATE score SET self_score = X'0102' {score}"), []).unwrap();
    let error = refused(&["audit", "verify", "--db", &db]);
    assert!(error.contains("một giá trị lưu sai kiểu") && !error.contains("Blob"), "{error}");
    no_english(&error);
    conn.execute(&format!("UPDATE score SET self_score = ?1 {score}"), [stored]).unwrap();
    conn.execute_batch("DROP TRIGGER audit_no_update;").unwrap();
    conn.execute("UPDATE audit SET detail = 'x' WHERE id = 3", []).unwrap();
    let error = refused(&["audit", "verify", "--db", &db]);
    assert!(error.contains("BỊ PHÁ VỠ ở dòng 3") && error.contains("đã bị sửa sau khi ghi"), "{error}");
    no_english(&error);
    let english = refused(&["audit", "verify", "--db", &db, "--lang", "en"]);
    assert!(english.contains("changed after it was written"), "{english}");
}
