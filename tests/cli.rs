//! The built `thamdinh` binary driven as scripts and acceptance tests drive it: CSV files in, `rank --json` out.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod binary;
mod tools;

use binary::{ok, refused};
use serde_json::Value;
use std::fmt::Write;
use std::path::Path;
use tools::file as write;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn rank(db: &str) -> Value {
    serde_json::from_str(&ok(&["rank", "--db", db, "--json"])).expect("json")
}

/// Compares with a golden file; `UPDATE_GOLDEN=1 cargo test` rewrites it after a reviewed change.
fn assert_golden(actual: &Value, file: &str) {
    let path = Path::new(FIXTURES).join(file);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(actual).unwrap() + "\n").unwrap();
    }
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("golden file")).unwrap();
    assert_eq!(actual, &expected, "rank --json differs from {file}");
}

fn fixture(name: &str) -> String {
    Path::new(FIXTURES).join("thai-nguyen").join(name).display().to_string()
}

fn new_round(dir: &Path, regulation: &str) -> String {
    let db = dir.join("round.db").display().to_string();
    ok(&["init", "--db", &db, "--regulation", regulation, "--year", "2024"]);
    db
}

fn thai_nguyen_round(dir: &Path) -> String {
    let db = new_round(dir, "thai-nguyen-2024");
    for kind in ["units", "scores", "facts", "grades", "evidence"] {
        ok(&["import", kind, "--db", &db, &fixture(&format!("{kind}.csv"))]);
    }
    db
}

fn unit<'a>(report: &'a Value, bloc: &str, code: &str) -> &'a Value {
    let bloc = report["blocs"].as_array().unwrap().iter().find(|b| b["bloc"] == bloc).expect("bloc");
    bloc["units"].as_array().unwrap().iter().find(|u| u["unit"] == code).expect("unit")
}

#[test]
fn a_round_from_csv_files_ranks_as_the_regulation_says() {
    let dir = tempfile::tempdir().unwrap();
    let db = thai_nguyen_round(dir.path());
    let report = rank(&db);
    assert_golden(&report, "thai-nguyen/expected-rank.json");

    assert_eq!(report["regulation"], "thai-nguyen-2024");
    assert_eq!(report["year"], 2024);
    let so_nganh = &report["blocs"][0];
    assert_eq!(so_nganh["bloc"], "so-nganh");
    assert_eq!(so_nganh["eligible"], 6);
    assert_eq!(so_nganh["quota"], 1);
    let order: Vec<&str> = so_nganh["units"].as_array().unwrap().iter().map(|u| u["unit"].as_str().unwrap()).collect();
    assert_eq!(order, ["snv", "stp", "skhcn", "sxd", "stc", "sct", "syt"]);
    for code in ["snv", "stp"] {
        let u = unit(&report, "so-nganh", code);
        assert_eq!(u["rank"], 1);
        assert_eq!(u["level"], "tie_pending");
        assert_eq!(u["tie_pending"], true);
        assert_eq!(u["total"], "100.00");
        assert_eq!(u["total3"], "100.000");
    }
    let skhcn = unit(&report, "so-nganh", "skhcn");
    assert_eq!((skhcn["total"].as_str(), skhcn["provisional"].as_bool()), (Some("99.50"), Some(true)));
    assert_eq!(unit(&report, "so-nganh", "sxd")["level"], "not_completed");
    assert_eq!(unit(&report, "so-nganh", "stc")["level"], "good");
    // syt's V is 16 of 28 (average); the council's override to good keeps content I's criteria ≥ average anyway.
    assert_eq!(unit(&report, "so-nganh", "syt")["total"], "82.00");
    assert_eq!(unit(&report, "huyen", "h-dai-tu")["total"], "99.25");
    assert!(
        unit(&report, "so-nganh", "sxd")["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.as_str().unwrap().contains("kỷ luật"))
    );
}

#[test]
fn the_chairman_orders_a_tie_and_the_pending_units_get_their_levels() {
    let dir = tempfile::tempdir().unwrap();
    let db = thai_nguyen_round(dir.path());
    let error = refused(&["tie", "--db", &db, "--bloc", "so-nganh", "--order", "stp,stc"]);
    assert!(error.contains("nhóm bằng điểm của stp gồm snv,stp"), "{error}");
    let error = refused(&["tie", "--db", &db, "--bloc", "huyen", "--order", "stp,snv"]);
    assert!(error.contains("đơn vị stp thuộc khối so-nganh, không thuộc khối huyen"), "{error}");
    ok(&["tie", "--db", &db, "--bloc", "so-nganh", "--order", "stp,snv"]);
    let report = rank(&db);
    assert_golden(&report, "thai-nguyen/expected-rank-after-tie.json");
    let stp = unit(&report, "so-nganh", "stp");
    let snv = unit(&report, "so-nganh", "snv");
    assert_eq!((stp["rank"].as_u64(), stp["level"].as_str()), (Some(1), Some("excellent")));
    assert_eq!((snv["rank"].as_u64(), snv["level"].as_str()), (Some(2), Some("good")));
    assert_eq!(snv["tie_pending"], false);
}

#[test]
fn a_file_with_one_bad_row_changes_nothing_and_names_line_column_value_and_rule() {
    let dir = tempfile::tempdir().unwrap();
    let db = thai_nguyen_round(dir.path());
    let before = rank(&db);
    // Twelve good rows (lines 2–13) that would change stc's total, then a faulty one on line 14.
    let mut rows = String::from("unit,criterion,self_score,appraised_score,reason\n");
    for n in 1..=10 {
        writeln!(rows, "stc,III.{n},0,0,Không có tài liệu kiểm chứng").unwrap();
    }
    rows.push_str("stc,IV.1,\"0,5\",\"0,5\",Chưa phối hợp\n");
    rows.push_str("stc,IV.2,1,1,\n");
    rows.push_str("stc,I.1,,5,\n");
    let file = write(dir.path(), "scores.csv", &rows);
    let error = refused(&["import", "scores", "--db", &db, &file]);
    assert_eq!(
        error,
        "thamdinh: scores.csv:14: cột appraised_score: đơn vị stc, I.1: điểm thẩm định “5” vượt điểm tối đa 4 (điểm nằm trong [0; 4])"
    );
    assert_eq!(rank(&db), before);

    let cases = [
        (
            "unit,criterion,self_score,appraised_score,reason\nstc,III.1,1,0.5,\n",
            "scores.csv:2: cột reason: đơn vị stc, III.1: cần lý do trừ điểm: điểm thẩm định 0,5 thấp hơn điểm tối đa 1",
        ),
        (
            // stc's V.5 has a stored reason, which an empty cell keeps; `-` clears it, and the rule sees that.
            "unit,criterion,self_score,appraised_score,reason\nstc,V.5,12,10,-\n",
            "cần lý do trừ điểm: điểm thẩm định 10 thấp hơn điểm tối đa 12",
        ),
        (
            "unit,criterion,self_score,appraised_score,reason\nstc,III.1,0.5,1,\n",
            "cần lý do: điểm thẩm định 1 khác điểm tự đánh giá 0,5",
        ),
        (
            "unit,criterion,self_score,appraised_score,reason\nxyz,III.1,1,1,\n",
            "scores.csv:2: cột unit: không có đơn vị \"xyz\"",
        ),
        (
            "unit,criterion,self_score,appraised_score,reason\nstc,III.11,1,1,\n",
            "đơn vị stc: khung tiêu chí của đơn vị không có tiêu chí \"III.11\"",
        ),
        (
            "unit,criterion,self_score,appraised_score,reason\nstc,III,20,20,\n",
            "III được chấm qua các tiêu chí thành phần III.1, III.2",
        ),
        (
            "unit,criterion,self_score,appraised_score,reason\nstc,III.1,abc,1,\n",
            "cột self_score: đơn vị stc, III.1: điểm tự đánh giá “abc” không phải là điểm hợp lệ",
        ),
        (
            "unit,criterion,self_score,appraised_score,reason\nstc,III.1,80%,1,\n",
            "quy chế này chấm bằng điểm, không theo % kế hoạch",
        ),
        (
            "unit,criterion,self_score,appraised_score,reason\nstc,III.1,-1,1,\n",
            "điểm tự đánh giá “-1” không phải là điểm hợp lệ: điểm không được âm",
        ),
        (
            "unit,criterion,self_score,appraised_score,reason,applicable\nstc,III.1,,,,no\n",
            "quy chế thai-nguyen-2024 không có tiêu chí thành phần nào được đánh dấu không áp dụng",
        ),
        (
            "unit,criterion,self_score,appraised_score,reason\nstc,III.1,1,1,\nstc,III.1,1,1,\n",
            "scores.csv:3: đơn vị stc, III.1: đã có ở dòng 2",
        ),
        ("unit,self_score,appraised_score\nstc,1,1\n", "scores.csv:1: thiếu cột criterion"),
        ("unit,criterion,self_score,appraised_score,reason,note\n", "không có cột \"note\""),
    ];
    for (text, expected) in cases {
        let file = write(dir.path(), "scores.csv", text);
        let error = refused(&["import", "scores", "--db", &db, &file]);
        assert!(error.contains(expected), "{error}\n  expected: {expected}");
        assert_eq!(rank(&db), before);
    }
}

#[test]
fn a_bad_file_of_any_kind_changes_nothing_and_names_its_rule() {
    let dir = tempfile::tempdir().unwrap();
    let db = thai_nguyen_round(dir.path());
    let before = rank(&db);
    let bad_utf8 = dir.path().join("scores.csv");
    std::fs::write(&bad_utf8, b"unit,criterion,self_score,appraised_score,reason\nstc,III.1,1,1,S\xe1\n").unwrap();
    let error = refused(&["import", "scores", "--db", &db, bad_utf8.to_str().unwrap()]);
    assert!(error.contains("scores.csv:2: không phải văn bản UTF-8"), "{error}");

    let other_cases = [
        ("facts", "unit,fact,value\nstc,discipline,maybe\n", "facts.csv:2: cột value: đơn vị stc: sự kiện “Kỷ luật"),
        ("facts", "unit,fact,value\nstc,lucky,true\n", "không có sự kiện \"lucky\""),
        ("facts", "unit,fact,value\nstc,subunits_total,-3\n", "nhận một số nguyên không âm"),
        ("grades", "unit,criterion,grade,reason\nstc,VI,excellent,\n", "điều chỉnh xếp loại cần có lý do"),
        ("grades", "unit,criterion,grade,reason\nstc,VI,great,Lý do\n", "xếp loại phải là excellent|good|average|poor"),
        (
            "grades",
            "unit,criterion,grade,reason\nstc,VI.1,good,Lý do\n",
            "không phải là tiêu chí trong khung tiêu chí của đơn vị",
        ),
        ("units", "code,name,bloc,group\nsnv2,Sở mới,khoi-x,\n", "không có khối \"khoi-x\""),
        ("units", "code,name,bloc,group\nsnv2,Sở mới,so-nganh,XII\n", "không chia nhóm"),
        (
            "units",
            "code,name,bloc,group\nsnv,Sở Nội vụ,huyen,\n",
            "đơn vị snv: đã có điểm theo khung tiêu chí hiện tại",
        ),
        (
            "evidence",
            "unit,criterion,title,reference,date\nsnv,V.5,Báo cáo,1/BC,31/02/2024\n",
            "không phải là ngày hợp lệ",
        ),
    ];
    for (kind, text, expected) in other_cases {
        let file = write(dir.path(), &format!("{kind}.csv"), text);
        let error = refused(&["import", kind, "--db", &db, &file]);
        assert!(error.contains(expected), "{error}\n  expected: {expected}");
        assert_eq!(rank(&db), before);
    }
}

#[test]
fn a_new_row_replaces_the_old_value() {
    let dir = tempfile::tempdir().unwrap();
    let db = thai_nguyen_round(dir.path());
    let file = write(
        dir.path(),
        "fix.csv",
        "unit,criterion,self_score,appraised_score,reason\nstc,V.5,12,\"11,5\",Còn chậm một nhiệm vụ\n",
    );
    ok(&["import", "scores", "--db", &db, &file]);
    assert_eq!(unit(&rank(&db), "so-nganh", "stc")["total"], "99.50");
    let file = write(dir.path(), "facts.csv", "unit,fact,value\nstc,outstanding,false\n");
    ok(&["import", "facts", "--db", &db, &file]);
    assert!(
        unit(&rank(&db), "so-nganh", "stc")["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.as_str().unwrap().contains("Chưa đạt mức Hoàn thành xuất sắc"))
    );
}

#[test]
fn a_semicolon_csv_from_vietnamese_excel_is_read_with_decimal_commas() {
    let dir = tempfile::tempdir().unwrap();
    let db = thai_nguyen_round(dir.path());
    let file = write(
        dir.path(),
        "excel.csv",
        "\u{feff}unit;criterion;self_score;appraised_score;reason\r\nstc;V.5;12;11,5;Chậm một nhiệm vụ\r\n",
    );
    ok(&["import", "scores", "--db", &db, &file]);
    assert_eq!(unit(&rank(&db), "so-nganh", "stc")["total"], "99.50");
}

#[test]
fn group_one_takes_the_mean_of_the_provincial_leaders_scores() {
    let dir = tempfile::tempdir().unwrap();
    let db = thai_nguyen_round(dir.path());
    // A leader row names a user with the leader role (issue 21 item 7), by user name or full name.
    for (name, full) in
        [("ct", "Chủ tịch UBND tỉnh"), ("pct-a", "Phó Chủ tịch Nguyễn Văn A"), ("pct-b", "Phó Chủ tịch Trần Thị B")]
    {
        ok(&["user", "add", "--db", &db, name, "--role", "leader", "--full-name", full]);
    }
    let file = write(
        dir.path(),
        "leaders.csv",
        "unit,criterion,self_score,appraised_score,reason,leader\nh-dai-tu,I.2,,4,,Chủ tịch UBND tỉnh\nh-dai-tu,I.2,,3,Chưa quyết liệt,Phó Chủ tịch Nguyễn Văn A\nh-dai-tu,I.2,,\"3,5\",Chậm một số việc,Phó Chủ tịch Trần Thị B\n",
    );
    ok(&["import", "scores", "--db", &db, &file]);
    // I.2 is the mean 3.5 of 4: 99.25 − 0.5.
    assert_eq!(unit(&rank(&db), "huyen", "h-dai-tu")["total"], "98.75");
    let error = refused(&[
        "import",
        "scores",
        "--db",
        &db,
        &write(
            dir.path(),
            "l.csv",
            "unit,criterion,self_score,appraised_score,reason,leader\nh-dai-tu,II.1,3,3,,Chủ tịch UBND tỉnh\n",
        ),
    ]);
    assert!(error.contains("cột leader"), "{error}");
}

#[test]
fn bac_giang_scores_by_percentage_and_redistributes_what_does_not_apply() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_round(dir.path(), "bac-giang-453");
    let units = concat!(env!("CARGO_MANIFEST_DIR"), "/data/bac-giang-453/units.csv");
    assert!(ok(&["import", "units", "--db", &db, units]).contains("đã nhập 56 dòng"));
    // Sở Nội vụ (group XII): everything at 100 % except A.2.1 not applicable, B.1 at 80 %, C.2 wholly not applicable.
    let mut rows = String::from("unit,criterion,self_score,appraised_score,reason,applicable\n");
    let components = [
        "A.1.1", "A.1.2", "A.2.2", "A.2.3", "A.3.1", "A.3.2", "A.3.3", "A.4.1", "A.4.2", "A.4.3", "B.2", "B.3", "B.4",
        "B.5", "B.6", "B.7", "B.8", "B.9", "C.1.1", "C.1.2", "C.3.1", "C.3.2",
    ];
    for code in components {
        writeln!(rows, "snv,{code},100%,100%,,").unwrap();
    }
    rows.push_str("snv,A.2.1,,,,no\nsnv,C.2.1,,,,no\nsnv,C.2.2,,,,no\n");
    rows.push_str("snv,B.1,100%,80%,Một chỉ tiêu chưa đạt kế hoạch,\n");
    let file = write(dir.path(), "scores.csv", &rows);
    ok(&["import", "scores", "--db", &db, &file]);
    let report = rank(&db);
    let snv = unit(&report, "tap-the", "snv");
    // B: (48 − 1.2) of 50 → 48.8; A and C full after redistribution and transfer.
    assert_eq!(snv["total"], "98.80");
    assert_eq!(snv["provisional"], false);
    assert_eq!(report["blocs"][0]["units"].as_array().unwrap().len(), 56);
    let error = refused(&[
        "import",
        "scores",
        "--db",
        &db,
        &write(dir.path(), "bad.csv", "unit,criterion,self_score,appraised_score,reason\nsnv,B.1,-10%,,\n"),
    ]);
    assert!(error.contains("bad.csv:2: cột self_score: đơn vị snv, B.1: điểm tự đánh giá “-10%” không phải là điểm hợp lệ: điểm không được âm"), "{error}");
    let error = refused(&[
        "import",
        "units",
        "--db",
        &db,
        &write(dir.path(), "u.csv", "code,name,bloc,group\nx,Đơn vị mới,tap-the,\n"),
    ]);
    assert!(error.contains("cần nhóm của đơn vị"), "{error}");
    let error = refused(&[
        "import",
        "grades",
        "--db",
        &db,
        &write(dir.path(), "g.csv", "unit,criterion,grade,reason\nsnv,A.1,good,x\n"),
    ]);
    assert!(error.contains("không xếp loại tiêu chí"), "{error}");
}

#[test]
fn approval_waits_for_ties_and_appraisals_then_freezes_the_bloc() {
    let dir = tempfile::tempdir().unwrap();
    let db = thai_nguyen_round(dir.path());
    let error = refused(&["approve", "--db", &db, "--bloc", "so-nganh"]);
    assert!(error.contains("còn 1 tiêu chí thành phần chưa được thẩm định"), "{error}");
    let file = write(
        dir.path(),
        "last.csv",
        "unit,criterion,self_score,appraised_score,reason\nskhcn,III.7,\"2,5\",\"2,5\",Thiếu một báo cáo\n",
    );
    ok(&["import", "scores", "--db", &db, &file]);
    let error = refused(&["approve", "--db", &db, "--bloc", "so-nganh"]);
    assert!(error.contains("chưa quyết định thứ tự bằng điểm snv,stp"), "{error}");
    ok(&["tie", "--db", &db, "--bloc", "so-nganh", "--order", "stp,snv"]);
    ok(&["approve", "--db", &db, "--bloc", "so-nganh"]);
    let approved = rank(&db);

    let writes = [
        ("scores", "unit,criterion,self_score,appraised_score,reason\nstc,III.1,1,1,\n"),
        ("facts", "unit,fact,value\nstc,outstanding,false\n"),
        ("grades", "unit,criterion,grade,reason\nstc,VI,poor,Lý do\n"),
        ("units", "code,name,bloc,group\nsnv2,Sở mới,so-nganh,\n"),
    ];
    for (kind, text) in writes {
        let error = refused(&["import", kind, "--db", &db, &write(dir.path(), &format!("{kind}.csv"), text)]);
        assert!(error.contains("khối so-nganh đã được phê duyệt, kết quả đã khóa"), "{kind}: {error}");
    }
    let error = refused(&["tie", "--db", &db, "--bloc", "so-nganh", "--order", "snv,stp"]);
    assert!(error.contains("khối so-nganh đã được phê duyệt, kết quả đã khóa"), "{error}");
    let error = refused(&["approve", "--db", &db, "--bloc", "so-nganh"]);
    assert!(error.contains("kết quả đã khóa"), "{error}");
    // Even a raw write past the program is refused by the database itself.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let error = conn.execute("UPDATE score SET appraised_score = '0' WHERE unit = 'stc'", []).unwrap_err();
    assert!(error.to_string().contains("frozen"), "{error}");
    assert_eq!(rank(&db), approved);
    // Another bloc is still open.
    let file = write(dir.path(), "huyen.csv", "unit,criterion,self_score,appraised_score,reason\nh-dai-tu,II.1,3,3,\n");
    ok(&["import", "scores", "--db", &db, &file]);
}

#[test]
fn databases_are_guarded() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_round(dir.path(), "thai-nguyen-2024");
    let error = refused(&["init", "--db", &db, "--regulation", "bac-giang-453", "--year", "2024"]);
    assert!(error.contains("đã chứa một kỳ đánh giá (thai-nguyen-2024 2024)"), "{error}");
    let other = dir.path().join("x.db").display().to_string();
    let error = refused(&["init", "--db", &other, "--regulation", "ha-noi-2030", "--year", "2024"]);
    assert!(
        error.contains("không có quy chế \"ha-noi-2030\"; các quy chế có sẵn: bac-giang-453, thai-nguyen-2024"),
        "{error}"
    );
    assert!(!Path::new(&other).exists(), "a refused init leaves no file");
    let error = refused(&["rank", "--db", &other, "--json"]);
    assert!(error.contains("không có cơ sở dữ liệu ở đây"), "{error}");
    let junk = write(dir.path(), "junk.db", "this is a spreadsheet, not a database");
    let error = refused(&["rank", "--db", &junk, "--json"]);
    assert!(error.contains("junk.db: không phải tệp cơ sở dữ liệu SQLite"), "{error}");
    let error = refused(&["import", "units", "--db", &db, &dir.path().join("missing.csv").display().to_string()]);
    assert!(error.contains("missing.csv: không có tệp này"), "{error}");
    let error = refused(&["rank", "--json"]);
    assert!(error.contains("cần --db TỆP"), "{error}");
}

#[test]
fn the_demo_generator_is_reproducible() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("a.db").display().to_string();
    let second = dir.path().join("b.db").display().to_string();
    for db in [&first, &second] {
        ok(&["demo", "--db", db, "--regulation", "bac-giang-453", "--units", "40", "--seed", "7"]);
    }
    let report = rank(&first);
    assert_eq!(report, rank(&second));
    assert_eq!(report["blocs"][0]["units"].as_array().unwrap().len(), 40);
    let third = dir.path().join("c.db").display().to_string();
    ok(&["demo", "--db", &third, "--regulation", "bac-giang-453", "--units", "40", "--seed", "8"]);
    assert_ne!(report, rank(&third), "another seed gives another round");
    let error = refused(&["demo", "--db", &first]);
    assert!(error.contains("đã chứa một kỳ đánh giá"), "{error}");
}

#[test]
fn the_rank_text_aligns_its_columns_and_marks_ties() {
    use unicode_width::UnicodeWidthStr;
    let dir = tempfile::tempdir().unwrap();
    let db = thai_nguyen_round(dir.path());
    let text = ok(&["rank", "--db", &db]);
    let lines: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
    // snv and stp tie at 100,00 until the chairman orders them.
    let tied: Vec<&&str> = lines.iter().filter(|l| l.trim_start().starts_with("1=")).collect();
    assert_eq!(tied.len(), 2, "{text}");
    // The names start in the same column on every row, whatever the levels before them (display width,
    // not bytes: "Hoàn thành tốt" and "Không hoàn thành" differ in bytes).
    let ends: Vec<usize> = lines[2..]
        .iter()
        .filter(|l| !l.trim_start().starts_with('='))
        .map(|l| {
            let at = l.find("  Sở ").or_else(|| l.find("  UBND")).expect(l);
            l[..at].width()
        })
        .collect();
    assert!(ends.len() >= 7 && ends.windows(2).all(|w| w[0] == w[1]), "{ends:?}\n{text}");
}

/// The full name as a line of `user list` shows it: whole, or, cut, the longest run of words before the line's
/// last "…" that begins the full name (at least 8 columns of it).
fn shown_name(line: &str, full_name: &str, table: &str) -> String {
    use unicode_width::UnicodeWidthStr;
    if line.contains(full_name) {
        return full_name.to_string();
    }
    let before = line.rsplit_once('…').unwrap_or_else(|| panic!("{full_name:?} neither whole nor cut:\n{table}")).0;
    let words: Vec<&str> = before.split_whitespace().collect();
    let kept = (1..=words.len())
        .rev()
        .map(|k| words[words.len() - k..].join(" "))
        .find(|candidate| full_name.starts_with(candidate.as_str()))
        .unwrap_or_default();
    assert!(kept.width() >= 8, "{full_name:?}: the cut name keeps its first words ({kept:?}):\n{table}");
    kept
}

/// `user list` in an 80-column terminal (`COLUMNS=80`): the synthetic regulation's leaders carry a long role and a
/// long full name, and a name typed with combining marks (decomposed Vietnamese) has more characters than
/// columns. Every line fits, measured as a terminal shows it; the status column starts at the same column on
/// every line; each user takes one line, the role and the full name cut with "…" to their share (the name's
/// first words kept); wide enough, every word is whole. Off a terminal the list keeps one line per user, for scripts.
#[test]
fn user_list_fits_an_80_column_terminal_with_long_leader_names_and_combining_marks() {
    use unicode_width::UnicodeWidthStr;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("syn.db").display().to_string();
    let data = Path::new(FIXTURES).join("regulations");
    let run = |args: &[&str], columns: Option<&str>| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_thamdinh"));
        command.args(args).env("THAMDINH_DATA_DIR", &data);
        for name in ["LANG", "LC_ALL", "LC_MESSAGES", "COLUMNS", "THAMDINH_LANG"] {
            command.env_remove(name);
        }
        if let Some(columns) = columns {
            command.env("COLUMNS", columns);
        }
        let output = command.output().unwrap();
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    };
    run(&["demo", "--db", &db, "--regulation", "gia-lap-minh-son-2024", "--units", "3"], None);
    let decomposed = "Nguye\u{302}\u{303}n Thi\u{323} Hoa\u{300}ng Pho\u{301} Chu\u{309} ti\u{323}ch Ho\u{323}i \u{110}o\u{302}\u{300}ng";
    assert!(decomposed.chars().count() > decomposed.width());
    run(
        &[
            "user",
            "add",
            "tv-dau-mu",
            "--role",
            "member",
            "--agency",
            "vp-hdnd-ubnd",
            "--full-name",
            decomposed,
            "--db",
            &db,
        ],
        None,
    );
    let store = thamdinh::store::Store::open(Path::new(&db)).unwrap();
    let users = store.users().unwrap();
    let leader = users.iter().find(|user| user.name == "lanh-dao-1").unwrap();
    assert!(leader.full_name.width() > 40, "a long leader's name to fit: {}", leader.full_name);

    for (lang, status_header, status_word) in [("vi", "trạng thái", "thêm "), ("en", "status", "added ")] {
        let table = run(&["user", "list", "--db", &db, "--lang", lang], Some("80"));
        let lines: Vec<&str> = table.lines().collect();
        for line in &lines {
            assert!(line.width() <= 80, "wider than 80 columns ({}): {line:?}\n{table}", line.width());
        }
        let column_of = |line: &str, what: &str| line.find(what).map(|at| line[..at].width());
        let status = column_of(lines[0], status_header).unwrap();
        // English says whose time it is; Vietnamese readers are in Vietnam.
        let zone = "(Vietnam time, UTC+7)";
        let whole = run(&["user", "list", "--db", &db, "--lang", lang], None);
        assert_eq!(whole.lines().next().unwrap().ends_with(zone), lang == "en", "{whole}");
        for line in lines.iter().filter(|line| line.contains(status_word)) {
            assert_eq!(column_of(line, status_word), Some(status), "the status column out of line:\n{table}");
        }
        // One line per user: the full name whole where it fits its share, else cut with "…" (its first words kept,
        // a letter with its combining marks).
        assert_eq!(lines.len(), users.len() + 1, "one line per user at 80 columns:\n{table}");
        for user in &users {
            let line = lines.iter().find(|line| line.split_whitespace().next() == Some(user.name.as_str()));
            let line = line.unwrap_or_else(|| panic!("{} has no line:\n{table}", user.name));
            let shown_name = shown_name(line, &user.full_name, &table);
            assert!(user.full_name.starts_with(&shown_name), "{}: {shown_name:?}:\n{table}", user.name);
        }
        // The leaders' long name is cut, not wrapped.
        let leader_line = lines.iter().find(|line| line.starts_with("lanh-dao-1 ")).unwrap();
        assert!(leader_line.contains('…') && !leader_line.contains(&leader.full_name), "{table}");
        // Wide enough, every word whole, with the status's time.
        let wide = run(&["user", "list", "--db", &db, "--lang", lang], Some("250"));
        assert!(wide.lines().any(|line| line.contains(&leader.full_name) && line.contains(':')), "{wide}");
        assert_eq!(wide.lines().count(), users.len() + 1, "{wide}");

        let piped = run(&["user", "list", "--db", &db, "--lang", lang], None);
        assert_eq!(piped.lines().count(), users.len() + 1, "off a terminal, one line per user:\n{piped}");
    }
}
