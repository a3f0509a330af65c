//! Issue 25, the round's settings: each paper's document number, signer and date of issue (`round paper`, the
//! desk's list of papers). The papers print them instead of dotted lines; `export verify` makes the paper again
//! with them, so a paper printed before a change no longer matches; bad values are refused and change nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

use tools::{approved_round, document, ok, path, refused};

#[test]
fn a_paper_prints_the_number_signer_and_date_set_and_verify_follows_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = approved_round(dir.path());
    let before = path(dir.path(), "notice-before.docx");
    ok(&["export", "notice", "--db", &db, "--unit", "stc", "--out", &before]);
    let text = document(&before);
    assert!(text.contains("Số: ……/TB-HĐTĐ") && !text.contains("Nguyễn Văn An"), "unset: dotted");

    let shown = ok(&[
        "round",
        "paper",
        "--db",
        &db,
        "--kind",
        "notice",
        "--number",
        "17",
        "--signer",
        "Nguyễn Văn An",
        "--issued",
        "05/12/2024",
    ]);
    assert!(shown.contains("số 17/TB-HĐTĐ; người ký Nguyễn Văn An; ngày ban hành 05/12/2024"), "{shown}");
    // Only the papers: a heading and one line per kind, not the whole round (its deadline and every unit).
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 6, "{shown}");
    assert_eq!(lines[0], "Số, người ký và ngày ban hành của văn bản:");
    assert!(lines[1].contains("Báo cáo kết quả thẩm định: chưa đặt"), "{shown}");
    assert!(!shown.contains("stc") && !shown.contains("Hạn nộp"), "no unit, no deadline: {shown}");
    let english = ok(&["--lang", "en", "round", "paper", "--db", &db, "--kind", "minutes", "--number", "4"]);
    let lines: Vec<&str> = english.lines().collect();
    assert_eq!(lines.len(), 6, "{english}");
    assert_eq!(lines[0], "The papers' numbers, signers and dates of issue:");
    assert!(lines[4].contains("Minutes of the council's meeting: number 4/BB-HĐTĐ; signer —; issued —"), "{english}");
    assert!(lines[5].contains("number 17/TB-HĐTĐ; signer Nguyễn Văn An; issued 05/12/2024"), "{english}");
    ok(&["round", "paper", "--db", &db, "--kind", "decision", "--number", "2301", "--issued", "2024-12-20"]);
    ok(&["round", "paper", "--db", &db, "--kind", "proposal", "--number", "88"]);
    let json = ok(&["round", "show", "--db", &db, "--json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["papers"]["notice"]["number"], "17");
    assert_eq!(json["papers"]["notice"]["issued_on"], "2024-12-05");
    assert_eq!(json["papers"]["report"]["number"], serde_json::Value::Null);

    let notice = path(dir.path(), "notice.docx");
    ok(&["export", "notice", "--db", &db, "--unit", "stc", "--out", &notice]);
    let text = document(&notice);
    assert!(text.contains("Số: 17/TB-HĐTĐ"), "the number with the type and the body");
    assert!(text.contains("ngày 05 tháng 12 năm 2024"), "the date of issue in the place-and-date line");
    assert!(text.contains("Nguyễn Văn An"), "the signer under the signature");
    let decision = path(dir.path(), "decision.docx");
    ok(&["export", "decision", "--db", &db, "--out", &decision]);
    let text = document(&decision);
    assert!(text.contains("Số: 2301/QĐ-UBND"), "the decision's own number and issuer");
    assert!(text.contains("Tờ trình số 88/TTr-HĐTĐ"), "the decision cites the proposal's number");
    assert!(text.contains("Kèm theo Quyết định số 2301/QĐ-UBND ngày 20 tháng 12 năm 2024"), "the appendix cites it");
    let report = path(dir.path(), "report.docx");
    ok(&["export", "report", "--db", &db, "--out", &report]);
    assert!(document(&report).contains("Số: ……/BC-HĐTĐ"), "a paper with nothing set keeps its dots");

    for file in [&notice, &decision, &report] {
        let out = ok(&["export", "verify", "--db", &db, file]);
        assert!(out.contains("khớp với cơ sở dữ liệu hiện tại"), "{file}: {out}");
    }
    // Another signer: the notice printed before no longer matches the database; the report (untouched) does not
    // read the notice's setting, but the audit head moved.
    ok(&["round", "paper", "--db", &db, "--kind", "notice", "--signer", "Trần Thị Bình"]);
    let error = refused(&["export", "verify", "--db", &db, &notice]);
    assert!(error.contains("notice.docx"), "{error}");
    // `-` clears a value: the dots come back.
    ok(&["round", "paper", "--db", &db, "--kind", "notice", "--number", "-", "--signer", "-", "--issued", "-"]);
    ok(&["export", "notice", "--db", &db, "--unit", "stc", "--out", &path(dir.path(), "cleared.docx")]);
    let text = document(&path(dir.path(), "cleared.docx"));
    assert!(text.contains("Số: ……/TB-HĐTĐ") && !text.contains("Trần Thị Bình"), "cleared: dotted again");

    // Every change is in the audit log under the person, and the log explains the tables.
    let log = ok(&["audit", "log", "--db", &db]);
    assert!(log.contains("người ký của Thông báo kết quả cho đơn vị: Nguyễn Văn An → Trần Thị Bình"), "{log}");
    assert!(log.contains("ngày ban hành của Thông báo kết quả cho đơn vị: — → 05/12/2024"), "{log}");
    ok(&["audit", "verify", "--db", &db]);
}

#[test]
fn bad_numbers_signers_and_dates_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = approved_round(dir.path());
    ok(&["round", "paper", "--db", &db, "--kind", "report", "--number", "125"]);
    let before = ok(&["round", "show", "--db", &db, "--json"]);
    let log_before = ok(&["audit", "log", "--db", &db]);
    for (args, words) in [
        (vec!["--number", "125/BC-HĐTĐ", "--signer", "Nguyễn Văn An"], "chỉ ghi phần số"),
        (vec!["--number", "1 2"], "chỉ ghi phần số"),
        (vec!["--signer", "Nguyễn\u{1b}[31m"], "người ký"),
        (vec!["--signer", "Nguyễn\nVăn"], "người ký"),
        (vec!["--issued", "32/13/2024", "--number", "126"], "ngày ban hành"),
        (vec![], "cần ít nhất một"),
    ] {
        let mut all = vec!["round", "paper", "--db", &db, "--kind", "report"];
        all.extend(args.iter().copied());
        let error = refused(&all);
        assert!(error.contains(words), "{args:?}: {error}");
    }
    let error = refused(&["round", "paper", "--db", &db, "--kind", "publication", "--number", "1"]);
    assert!(error.contains("publication"), "{error}");
    // A member of an appraising agency does not set the council's papers.
    ok(&[
        "user",
        "add",
        "--db",
        &db,
        "tv-snv",
        "--role",
        "member",
        "--agency",
        "so-noi-vu",
        "--full-name",
        "Thành viên",
    ]);
    // The refusal names what was refused: the papers' numbers and signers, not the deadline.
    let error = refused(&["round", "paper", "--db", &db, "--user", "tv-snv", "--kind", "report", "--number", "9"]);
    assert!(error.contains("đặt số văn bản, người ký và ngày ban hành của các văn bản"), "{error}");
    assert!(error.contains("Thư ký") && !error.contains("hạn nộp"), "{error}");
    let args = ["--lang", "en", "round", "paper", "--db", &db, "--user", "tv-snv", "--kind", "report", "--number", "9"];
    let error = refused(&args);
    assert!(error.contains("set the papers' document numbers, signers and dates of issue"), "{error}");
    assert!(!error.contains("deadline"), "{error}");
    // The deadline keeps its own words.
    let error = refused(&["round", "set", "--db", &db, "--user", "tv-snv", "--appraisal-days", "40"]);
    assert!(error.contains("đặt hạn nộp và thời gian thẩm định"), "{error}");
    assert_eq!(ok(&["round", "show", "--db", &db, "--json"]), before, "nothing changed");
    let log_after = ok(&["audit", "log", "--db", &db]);
    assert_eq!(log_after.lines().filter(|l| l.contains("số văn bản của")).count(), 1, "{log_after}");
    assert!(log_after.len() > log_before.len(), "the user added is logged, nothing else");
}
