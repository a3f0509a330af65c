//! One language for people: every subcommand's error path and help speak Vietnamese by default, with no English
//! sentence leaking, and English under `--lang en` (or an `en` locale). JSON keys and slugs stay English.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

mod binary;
mod tools;

use binary::{ok, thamdinh};
use std::path::Path;
use std::process::{Command, Output};
use tools::vietnamese;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");

/// Words an English sentence of this program carries and a Vietnamese one never does.
const ENGLISH: &[&str] = &[
    "refused",
    "imported",
    " rows",
    "unit ",
    "error:",
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "Print help",
    "not a ",
    "unknown",
    "already",
    "is required",
    " may not ",
    "possible values",
    "default:",
    "approved",
    "database",
    " the ",
];

/// clap's English placeholders, which the Vietnamese help words (`[TÙY_CHỌN]`, `<TỆP>`, `<ĐƠN_VỊ>` …).
const ENGLISH_PLACEHOLDERS: &[&str] =
    &["[OPTIONS]", "COMMAND", "<PATH>", "<NAME>", "<UNIT>", "<FILE>", "<CODE>", "<BLOC>", "<REASON>", "<KIND>"];

/// The English words found in a text; what stays English on purpose is taken out first: flags and value names
/// (`--unit`, `<CODE>`), the program's name and commands quoted in backticks.
fn english_in(text: &str) -> Vec<&'static str> {
    let mut cleaned = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if c == '`' {
            quoted = !quoted;
        } else if !quoted {
            cleaned.push(c);
        }
    }
    let cleaned = cleaned.replace("--unit", "--").replace("<CODE>", "");
    ENGLISH.iter().copied().filter(|word| cleaned.contains(word)).collect()
}

fn run(args: &[&str]) -> Output {
    thamdinh(args)
}

fn with_lang(args: &[&str], lang: &str) -> Vec<String> {
    let mut all: Vec<String> = args.iter().map(ToString::to_string).collect();
    all.extend(["--lang".to_string(), lang.to_string()]);
    all
}

/// A round with the fixtures' units and scores, a member and a secretary, and a score sheet exported.
fn round(dir: &Path) -> (String, String) {
    let db = dir.join("round.db").display().to_string();
    ok(&["init", "--db", &db, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    for kind in ["units", "scores"] {
        ok(&["import", kind, "--db", &db, &format!("{FIXTURES}/{kind}.csv")]);
    }
    ok(&["user", "add", "--db", &db, "tv-snv", "--role", "member", "--agency", "so-noi-vu"]);
    let sheet = dir.join("stc.xlsx").display().to_string();
    ok(&["export", "sheet", "--db", &db, "--unit", "stc", "--out", &sheet]);
    // The database moves on: the exported sheet no longer matches it.
    let scores = dir.join("change.csv");
    std::fs::write(&scores, "unit,criterion,appraised_score,reason\nstc,III.1,0,Thiếu báo cáo\n").unwrap();
    ok(&["import", "scores", "--db", &db, &scores.display().to_string()]);
    ok(&["user", "add", "--db", &db, "thu-ky", "--role", "secretary"]);
    (db, sheet)
}

/// Every subcommand's refusal: its arguments, the Vietnamese words it must say, the English ones under `--lang en`.
fn refusals(db: &str, sheet: &str, dir: &Path) -> Vec<(Vec<String>, &'static str, &'static str)> {
    let fresh = dir.join("fresh.db").display().to_string();
    let missing = dir.join("missing.db").display().to_string();
    let out = dir.join("out.xlsx").display().to_string();
    let units = dir.join("new-units.csv");
    std::fs::write(&units, "code,name,bloc,group\nsmoi,Sở Mới,so-nganh,\n").unwrap();
    let units = units.display().to_string();
    let scores = dir.join("bad-scores.csv");
    std::fs::write(&scores, "unit,criterion,self_score\nstc,III.1,abc\n").unwrap();
    let scores = scores.display().to_string();
    let evidence = dir.join("bad-evidence.csv");
    std::fs::write(&evidence, "unit,criterion,title,reference,date\nstc,III,Báo cáo,1/BC,31/02/2024\n").unwrap();
    let evidence = evidence.display().to_string();
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (
            vec!["import", "scores", "--db", db, &scores],
            "bad-scores.csv:2: cột self_score: đơn vị stc, III.1: điểm tự đánh giá “abc”",
            "bad-scores.csv:2: column self_score: unit stc, III.1:",
        ),
        (
            vec!["import", "evidence", "--db", db, &evidence],
            "bad-evidence.csv:2: cột date: đơn vị stc, III: ngày \"31/02/2024\" không phải là ngày hợp lệ",
            "bad-evidence.csv:2: column date: unit stc, III: \"31/02/2024\" is not a date",
        ),
        (vec!["--db", db], "mở dưới tên một người dùng", "opens as one of its users"),
        (vec!["init", "--db", db, "--regulation", "thai-nguyen-2024", "--year", "2024"], "đã chứa", "already holds"),
        (
            vec!["init", "--db", &fresh, "--regulation", "ha-noi", "--year", "2024"],
            "không có quy chế",
            "unknown regulation",
        ),
        (
            vec!["init", "--db", &fresh, "--regulation", "thai-nguyen-2024", "--year", "20"],
            "không phải là một năm",
            "plausible year",
        ),
        (
            vec!["import", "units", "--db", db, "--user", "tv-snv", &units],
            "cột name: đơn vị smoi: giá trị",
            "column name: unit smoi",
        ),
        (vec!["import", "units", "--db", db, "--user", "nobody", &units], "không có người dùng", "no council user"),
        (vec!["import", "scores", "--db", &missing, &units], "không có cơ sở dữ liệu", "no database here"),
        (vec!["export", "sheet", "--db", db, "--unit", "nope", "--out", &out], "không có đơn vị", "unknown unit"),
        (vec!["export", "ranking", "--db", db, "--user", "tv-snv", "--out", &out], "không được xuất", "may not export"),
        (vec!["export", "verify", "--db", db, sheet], "đã thay đổi từ khi xuất", "changed since this export"),
        (vec!["tie", "--db", db, "--bloc", "khoi-x", "--order", "snv,stp"], "không có khối", "unknown bloc"),
        (vec!["tie", "--db", db, "--bloc", "so-nganh", "--order", "snv,snv"], "hai lần", "names a unit twice"),
        (vec!["approve", "--db", db, "--bloc", "so-nganh"], "chưa thể phê duyệt", "cannot be approved"),
        (vec!["rank", "--db", db, "--user", "nobody"], "không có người dùng", "no council user"),
        (vec!["rank"], "cần --db", "is required"),
        (vec!["demo", "--db", db], "đã chứa", "already holds"),
        (
            vec!["user", "add", "--db", db, "Bad Name", "--role", "secretary"],
            "không phải là tên người dùng",
            "not a user name",
        ),
        (vec!["user", "add", "--db", db, "tv2", "--role", "member"], "thêm --agency", "add --agency"),
        (vec!["user", "list", "--db", &missing], "không có cơ sở dữ liệu", "no database here"),
        (
            // The secretary keeps the users (issue 25); a member does not.
            vec!["user", "remove", "--db", db, "--user", "tv-snv", "thu-ky"],
            "không được thêm hoặc xóa",
            "may not add or remove",
        ),
        (vec!["audit", "verify", "--db", db, "--head", "00"], "không có trong nhật ký", "is not in this audit log"),
        (vec!["audit", "log", "--db", &missing], "không có cơ sở dữ liệu", "no database here"),
        (
            vec!["rerate", "--db", db, "--unit", "stc", "--reason", "Sai", "--criterion", "I.1", "--score", "1"],
            "chưa được phê duyệt",
            "not approved yet",
        ),
        (vec!["rerate", "--db", db, "--unit", "stc", "--reason", "Sai"], "thay đổi một điều", "changes one thing"),
        (vec!["rank", "--db", db, "--bogus"], "lỗi dòng lệnh", "unexpected argument"),
        (vec!["user", "add", "--db", db, "x", "--role", "king"], "không hợp lệ", "invalid value"),
    ];
    cases.into_iter().map(|(args, vi, en)| (args.iter().map(ToString::to_string).collect(), vi, en)).collect()
}

#[test]
fn every_refusal_speaks_vietnamese_by_default_and_english_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let (db, sheet) = round(dir.path());
    for (args, vi, en) in refusals(&db, &sheet, dir.path()) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run(&args);
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(!output.status.success(), "{args:?} should be refused");
        assert!(stderr.contains(vi), "{args:?}: expected {vi:?} in {stderr}");
        assert!(english_in(&stderr).is_empty(), "{args:?}: English {:?} in {stderr}", english_in(&stderr));
        let english = with_lang(&args, "en");
        let english: Vec<&str> = english.iter().map(String::as_str).collect();
        let output = run(&english);
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(!output.status.success(), "{english:?} should be refused");
        assert!(stderr.contains(en), "{english:?}: expected {en:?} in {stderr}");
        assert!(!stderr.contains(vi), "{english:?}: Vietnamese {vi:?} in {stderr}");
    }
}

#[test]
fn every_help_is_vietnamese_by_default_and_english_when_asked() {
    let commands: &[&[&str]] = &[
        &[],
        &["init"],
        &["import"],
        &["export"],
        &["export", "sheet"],
        &["export", "ranking"],
        &["export", "verify"],
        &["export", "report"],
        &["export", "notice"],
        &["export", "publication"],
        &["tie"],
        &["approve"],
        &["rank"],
        &["demo"],
        &["regulations"],
        &["user"],
        &["user", "add"],
        &["user", "list"],
        &["user", "remove"],
        &["audit"],
        &["audit", "verify"],
        &["audit", "log"],
        &["rerate"],
    ];
    for command in commands {
        for flag in ["--help", "-h"] {
            let mut args = command.to_vec();
            args.push(flag);
            let help = ok(&args);
            assert!(help.contains("Cách dùng:"), "{args:?}: {help}");
            assert!(english_in(&help).is_empty(), "{args:?}: English {:?} in:\n{help}", english_in(&help));
            let placeholders: Vec<_> = ENGLISH_PLACEHOLDERS.iter().filter(|p| help.contains(*p)).collect();
            assert!(placeholders.is_empty(), "{args:?}: English placeholders {placeholders:?} in:\n{help}");
            let english = with_lang(&args, "en");
            let english: Vec<&str> = english.iter().map(String::as_str).collect();
            let help = ok(&english);
            assert!(help.contains("Usage:") && !help.contains("Cách dùng"), "{english:?}: {help}");
        }
    }
    let help = ok(&["help", "rank"]);
    assert!(help.contains("In xếp hạng") && english_in(&help).is_empty(), "{help}");
}

#[test]
fn the_output_of_a_run_is_vietnamese_whatever_the_locale_and_thamdinh_lang_en_gives_english() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = round(dir.path());
    let units = format!("{FIXTURES}/units.csv");
    let imported = ok(&["import", "units", "--db", &db, &units]);
    assert!(imported.contains("đã nhập 8 dòng") && english_in(&imported).is_empty(), "{imported}");
    let log = ok(&["audit", "log", "--db", &db, "--unit", "stc", "--criterion", "II.1"]);
    assert!(log.contains("Tự chấm điểm") && log.contains("Thẩm định") && log.contains("điểm thẩm định: "), "{log}");
    let verify = ok(&["audit", "verify", "--db", &db]);
    assert!(verify.contains("nhật ký nguyên vẹn") && english_in(&verify).is_empty(), "{verify}");
    let users = ok(&["user", "list", "--db", &db]);
    assert!(users.starts_with("tên") && users.contains("thêm "), "{users}");
    let rank = ok(&["rank", "--db", &db]);
    assert!(rank.contains("Hạng") && rank.contains("đủ điều kiện"), "{rank}");
    // `--json` keeps its keys and the log's slugs stay what is stored.
    let json = ok(&["rank", "--db", &db, "--json"]);
    assert!(json.contains("\"blocs\"") && json.contains("\"eligible\""), "{json}");

    let english = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_thamdinh"))
            .args(args)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "en_US.UTF-8")
            .env("THAMDINH_LANG", "en")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    };
    // An English locale alone (a server's default, a Mac's SSH forward) leaves the program Vietnamese.
    let locale_only = Command::new(env!("CARGO_BIN_EXE_thamdinh"))
        .args(["rank", "--db", &db])
        .env("LC_ALL", "en_US.UTF-8")
        .env("LANG", "en_US.UTF-8")
        .env_remove("THAMDINH_LANG")
        .output()
        .unwrap();
    let locale_only = String::from_utf8_lossy(&locale_only.stdout).into_owned();
    assert!(locale_only.contains("Hạng") && english_in(&locale_only).is_empty(), "{locale_only}");
    assert!(english(&["import", "units", "--db", &db, &units]).contains("8 rows imported"));
    let log = english(&["audit", "log", "--db", &db, "--unit", "stc", "--criterion", "II.1"]);
    assert!(log.contains("Self-score") && log.contains("appraised score: "), "{log}");
    assert!(english(&["rank", "--db", &db]).contains("Rank"));
    assert!(english(&["rank", "--db", &db, "--lang", "vi"]).contains("Hạng"), "--lang wins over THAMDINH_LANG");
}

#[test]
fn the_audit_log_names_values_as_people_read_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/before-audit-action/round.db");
    std::fs::copy(fixture, &db).unwrap();
    let db = db.to_str().unwrap();
    let log = ok(&["audit", "log", "--db", db]);
    let fact = log.lines().find(|line| line.contains("Thành tích nổi bật")).unwrap();
    assert!(fact.ends_with("— → có"), "a yes/no fact reads có/không: {fact}");
    let grade = log.lines().find(|line| line.contains("xếp loại tiêu chí: — →")).unwrap();
    assert!(!grade.contains("→ good") && grade.contains("→ Tốt"), "a grade reads by its name: {grade}");
    let rerate = log.lines().find(|line| line.contains("Xếp loại lại")).unwrap();
    assert!(rerate.contains("3,25 → 1"), "a score reads with the decimal comma: {rerate}");
    // English keeps the values as recorded.
    let english = ok(&["audit", "log", "--db", db, "--lang", "en"]);
    assert!(english.contains("3.25 → 1"));
    // A new round's first row names the round in Vietnamese, not an English sentence.
    let fresh = dir.path().join("new.db");
    ok(&["init", "--db", fresh.to_str().unwrap(), "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    let first = ok(&["audit", "log", "--db", fresh.to_str().unwrap()]);
    assert!(first.contains("kỳ đánh giá (quy chế, năm): — → thai-nguyen-2024 2024"), "{first}");
    assert!(english_in(&first).is_empty(), "{first}");
}

/// A stored time (`2026-11-30T22:29:03Z`) or date (`2024-11-20`) as written in the database, which people
/// should never read in Vietnamese mode.
fn iso_dates_in(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9))
        .filter(|&at| {
            let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
            digits(at..at + 4) && bytes[at + 4] == b'-' && digits(at + 5..at + 7) && bytes[at + 7] == b'-'
        })
        .filter_map(|at| text.get(at..at + 10).map(ToString::to_string))
        .collect()
}

#[test]
fn users_submissions_and_the_log_read_roles_and_dates_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = round(dir.path());
    ok(&["user", "add", "--db", &db, "dau-moi-snv", "--role", "unit", "--unit", "snv"]);
    ok(&["round", "set", "--db", &db, "--deadline", "2024-12-01"]);
    let submitted =
        ok(&["submit", "--db", &db, "--user", "dau-moi-snv", "--approved-on", "2024-11-20", "--minutes", "12/BB"]);
    assert!(submitted.contains("thông qua ngày 20/11/2024"), "{submitted}");
    assert!(iso_dates_in(&submitted).is_empty(), "{submitted}");
    let show = ok(&["round", "show", "--db", &db]);
    let snv = show.lines().find(|line| line.trim_start().starts_with("snv ")).unwrap();
    assert!(snv.contains("thông qua 20/11/2024") && iso_dates_in(snv).is_empty(), "{snv}");

    let users = ok(&["user", "list", "--db", &db]);
    for (name, role) in [("tv-snv", "Thành viên Hội đồng"), ("thu-ky", "Thư ký"), ("dau-moi-snv", "Cán bộ đầu mối")]
    {
        let line = users.lines().find(|line| line.starts_with(name)).unwrap();
        assert!(line.contains(role), "{name} reads as {role}: {line}");
    }
    for slug in [" member ", " secretary ", " unit "] {
        assert!(!users.contains(slug), "the role slug {slug:?} in:\n{users}");
    }
    assert!(iso_dates_in(&users).is_empty(), "{users}");

    let log = ok(&["audit", "log", "--db", &db]);
    assert!(iso_dates_in(&log).is_empty(), "stored times and dates in:\n{log}");
    assert!(log.contains("tv-snv: Thành viên Hội đồng, so-noi-vu"), "{log}");
    assert!(log.contains("hạn nộp hồ sơ tự đánh giá: — → 01/12/2024"), "{log}");
    assert!(log.contains("hồ sơ tự đánh giá đã nộp (ngày thông qua, biên bản): — → 20/11/2024, 12/BB"), "{log}");
    for slug in ["submission", ": member", ": secretary"] {
        assert!(!log.contains(slug), "{slug:?} in:\n{log}");
    }
    // Next year's round: what was carried over reads in Vietnamese, not as the English detail it stores.
    let next = dir.path().join("next.db").display().to_string();
    ok(&["init", "--db", &next, "--from", &db, "--year", "2025"]);
    let log = ok(&["audit", "log", "--db", &next]);
    assert!(english_in(&log).is_empty() && iso_dates_in(&log).is_empty(), "{log}");
    // Nothing was approved in 2024: no level is carried (a provisional level is not a previous one).
    assert!(log.contains("→ 01/12/2025, ") && log.contains("→ 2024, 0"), "{log}");

    // English names the roles as the English screens do, and reads dates dd/mm/yyyy too.
    let english = ok(&["user", "list", "--db", &db, "--lang", "en"]);
    assert!(english.starts_with("name "), "{english}");
    for (name, role) in [("tv-snv", "Council member"), ("thu-ky", "Secretary"), ("dau-moi-snv", "Unit's focal person")]
    {
        let line = english.lines().find(|line| line.starts_with(name)).unwrap();
        assert!(line.contains(role), "{name} reads as {role}: {line}");
        let added = line.split("added ").nth(1).unwrap();
        assert!(added.as_bytes()[2] == b'/' && added.as_bytes()[5] == b'/', "dd/mm/yyyy: {line}");
    }
    for slug in ["member", "secretary", "unit"] {
        let as_column = english.lines().any(|line| line.split_whitespace().nth(1) == Some(slug));
        assert!(!as_column, "the role slug {slug:?} in:\n{english}");
    }
    assert!(iso_dates_in(&english).is_empty(), "{english}");
}

#[test]
fn round_show_keeps_its_columns_in_line_with_long_unit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    ok(&["demo", "--db", db]);
    let show = ok(&["round", "show", "--db", db]);
    let rows: Vec<&str> = show.lines().filter(|line| line.starts_with("  ") && line.contains("chưa nộp")).collect();
    assert!(rows.iter().any(|row| row.contains("bqlda-nong-nghiep")), "a code of 17 characters: {show}");
    let status_column: std::collections::BTreeSet<usize> =
        rows.iter().map(|row| row[..row.find(" chưa nộp").unwrap()].chars().count()).collect();
    assert_eq!(status_column.len(), 1, "every status starts in one column: {show}");
}

/// What the test types into the round (a reopening's reason, a full name, a deduction's reason): data, which
/// an English run shows as typed.
const TYPED: &[&str] = &["Sửa lại", "Lê Văn X", "Thiếu một báo cáo", "Thiếu báo cáo"];

/// The tie groups of a bloc still waiting for the chairman, from `rank --json`: each group's units, best first.
fn open_ties(db: &str, bloc: &str) -> Vec<Vec<String>> {
    let json: serde_json::Value = serde_json::from_str(&ok(&["rank", "--db", db, "--json"])).unwrap();
    let bloc = json["blocs"].as_array().unwrap().iter().find(|b| b["bloc"] == bloc).unwrap();
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for unit in bloc["units"].as_array().unwrap().iter().filter(|u| u["tie_pending"] == true) {
        let total = unit["total3"].as_str().unwrap().to_string();
        let code = unit["unit"].as_str().unwrap().to_string();
        match groups.last_mut() {
            Some((last, units)) if *last == total => units.push(code),
            _ => groups.push((total, vec![code])),
        }
    }
    groups.into_iter().map(|(_, units)| units).collect()
}

/// Every subcommand once as it succeeds and once as it is typically refused, in an order a round goes through:
/// a demo round, its users, settings and submission, imports of each kind, the ties, the approval, the result,
/// a re-rating, every export and its check, a backup, the regulations, next year's round. Each step: its
/// arguments and whether it succeeds. `rank --json` is a contract for scripts, not prose: left out.
#[allow(clippy::too_many_lines, reason = "a list, one step per subcommand and refusal")]
fn every_subcommand(dir: &Path) -> Vec<(Vec<String>, bool)> {
    let path = |name: &str| dir.join(name).display().to_string();
    let db = path("round.db");
    let fixture = |name: &str| format!("{FIXTURES}/{name}");
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let bad_scores = path("bad-scores.csv");
    std::fs::write(&bad_scores, "unit,criterion,self_score\nstc,III.1,abc\n").unwrap();
    let sheet = path("syt.xlsx");
    let mut steps: Vec<(Vec<String>, bool)> = Vec::new();
    let mut step = |args: &[&str], succeeds: bool| {
        steps.push((args.iter().map(ToString::to_string).collect(), succeeds));
    };
    let demo = path("demo.db");
    step(&["demo", "--db", &demo], true);
    step(&["demo", "--db", &demo], false);
    step(&["round", "show", "--db", &demo], true);
    step(&["init", "--db", &db, "--regulation", "thai-nguyen-2024", "--year", "2024"], true);
    step(&["init", "--db", &db, "--regulation", "thai-nguyen-2024", "--year", "2024"], false);
    for kind in ["units", "scores", "facts", "grades", "evidence"] {
        step(&["import", kind, "--db", &db, &fixture(&format!("{kind}.csv"))], true);
        step(&["import", kind, "--db", &db, &bad_scores], false);
    }
    // The one component the fixtures leave unappraised in bloc so-nganh.
    let last = path("last.csv");
    std::fs::write(
        &last,
        "unit,criterion,self_score,appraised_score,reason\nskhcn,III.7,\"2,5\",\"2,5\",Thiếu một báo cáo\n",
    )
    .unwrap();
    step(&["import", "scores", "--db", &db, &last], true);
    step(&["rank", "--db", &db], true);
    step(&["rank", "--db", &path("missing.db")], false);
    step(&["round", "show", "--db", &db], true);
    step(&["round", "show", "--db", &db, "--user", "nobody"], false);
    step(&["round", "set", "--db", &db, "--deadline", "2024-12-01", "--appraisal-days", "40"], true);
    step(&["round", "set", "--db", &db, "--deadline", "31/02/2024"], false);
    step(&["user", "list", "--db", &demo], true);
    step(&["user", "list", "--db", &path("missing.db")], false);
    step(
        &["user", "add", "--db", &db, "tv-x", "--role", "member", "--agency", "so-noi-vu", "--full-name", TYPED[1]],
        true,
    );
    step(&["user", "add", "--db", &db, "dau-moi-snv", "--role", "unit", "--unit", "snv"], true);
    step(&["user", "add", "--db", &db, "Bad Name", "--role", "secretary"], false);
    step(&["user", "remove", "--db", &db, "tv-x"], true);
    step(&["user", "remove", "--db", &db, "ghost"], false);
    step(&["submit", "--db", &db, "--unit", "snv", "--approved-on", "2024-11-20", "--minutes", "12/BB"], true);
    step(&["submit", "--db", &db, "--unit", "snv", "--approved-on", "2024-11-20", "--minutes", "12/BB"], false);
    step(&["submit", "--db", &db, "--unit", "snv", "--reopen", "--reason", TYPED[0]], true);
    step(&["submit", "--db", &db, "--unit", "stc", "--approved-on", "2100-01-01", "--minutes", "1"], false);
    step(&["export", "sheet", "--db", &db, "--unit", "syt", "--out", &sheet], true);
    step(&["export", "sheet", "--db", &db, "--unit", "ghost", "--out", &path("ghost.xlsx")], false);
    step(&["import", "sheet", "--db", &db, &sheet], true);
    step(&["import", "units", "--db", &demo, &format!("{data}/thai-nguyen-2024/units.csv")], true);
    step(&["import", "sheet", "--db", &db, &bad_scores], false);
    step(&["audit", "verify", "--db", &db], true);
    step(&["audit", "verify", "--db", &db, "--head", "00"], false);
    step(&["audit", "log", "--db", &db], true);
    step(&["audit", "log", "--db", &path("missing.db")], false);
    step(&["tie", "--db", &db, "--bloc", "so-nganh", "--order", "snv,snv"], false);
    step(&["approve", "--db", &db, "--bloc", "so-nganh"], false);
    step(&["result", "--db", &db, "--unit", "ghost"], false);
    step(&["rerate", "--db", &db, "--unit", "syt", "--reason", "Sai", "--criterion", "II.1", "--score", "1"], false);
    step(&["export", "ranking", "--db", &db, "--out", &path("ranking.xlsx")], true);
    step(&["export", "ranking", "--db", &db, "--out", &db], false);
    step(&["export", "verify", "--db", &db, &path("ranking.xlsx")], true);
    step(&["export", "verify", "--db", &db, &bad_scores], false);
    step(&["export", "publication", "--db", &db, "--out", &path("publication.html")], false);
    for paper in ["report", "proposal", "decision", "minutes"] {
        step(&["export", paper, "--db", &db, "--out", &path(&format!("{paper}.out"))], true);
        step(&["export", paper, "--db", &db, "--out", &path(&format!("{paper}.out"))], false);
    }
    step(&["export", "notice", "--db", &db, "--unit", "syt", "--out", &path("notice.docx")], true);
    step(&["export", "notice", "--db", &db, "--unit", "ghost", "--out", &path("ghost.docx")], false);
    step(&["backup", "--db", &db, "--out", &path("backup.db")], true);
    step(&["backup", "--db", &db, "--out", &db], false);
    step(&["regulations"], true);
    step(&["regulations", "show", "bac-giang-453"], true);
    step(&["regulations", "show", "ha-noi"], false);
    step(&["regulations", "check", &format!("{data}/bac-giang-453")], true);
    step(&["regulations", "check", &dir.display().to_string()], false);
    step(&["init", "--db", &path("new.db"), "--regulation", "bac-giang-453", "--year", "2026"], true);
    step(&["init", "--db", &path("new.db"), "--regulation", "bac-giang-453", "--year", "2026"], false);
    step(&["init", "--db", &path("next.db"), "--from", &path("missing.db"), "--year", "2025"], false);
    step(&["no-such-command"], false);
    steps
}

/// Runs the steps of [`every_subcommand`] in `lang`, then orders the ties, approves, asks for results and
/// re-rates: every output (stdout and stderr) with the command that wrote it.
fn run_every_subcommand(dir: &Path, lang: &str) -> Vec<(String, String)> {
    let mut outputs = Vec::new();
    let mut run_step = |args: &[String], succeeds: bool| {
        let args = with_lang(&args.iter().map(String::as_str).collect::<Vec<_>>(), lang);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run(&args);
        assert_eq!(output.status.success(), succeeds, "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        let text = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
        outputs.push((args.join(" "), text));
    };
    for (args, succeeds) in every_subcommand(dir) {
        run_step(&args, succeeds);
    }
    let db = dir.join("round.db").display().to_string();
    let s = |list: &[&str]| list.iter().map(ToString::to_string).collect::<Vec<_>>();
    for group in open_ties(&db, "so-nganh") {
        run_step(&s(&["tie", "--db", &db, "--bloc", "so-nganh", "--order", &group.join(",")]), true);
    }
    run_step(&s(&["approve", "--db", &db, "--bloc", "so-nganh"]), true);
    run_step(&s(&["approve", "--db", &db, "--bloc", "so-nganh"]), false);
    run_step(&s(&["rank", "--db", &db]), true);
    run_step(&s(&["result", "--db", &db, "--unit", "ghost"]), false);
    run_step(
        &s(&["rerate", "--db", &db, "--unit", "syt", "--reason", "Sai", "--criterion", "II.1", "--score", "1"]),
        true,
    );
    run_step(&s(&["rerate", "--db", &db, "--unit", "syt", "--reason", "Sai"]), false);
    run_step(
        &s(&["export", "publication", "--db", &db, "--out", &dir.join("published.html").display().to_string()]),
        true,
    );
    run_step(&s(&["init", "--db", &dir.join("next.db").display().to_string(), "--from", &db, "--year", "2025"]), true);
    run_step(&s(&["audit", "log", "--db", &db, "--unit", "syt"]), true);
    outputs
}

#[test]
fn english_asked_on_every_subcommand_shows_no_vietnamese_outside_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let outputs = run_every_subcommand(dir.path(), "en");
    assert_no_vietnamese_outside_data(dir.path(), &outputs);
}

/// `result` in English (issue 22.15): its reasons (the level reached, each condition missing, the quota, the
/// file's gaps) are typed in the domain and worded by the catalog; only the regulation's labels are Vietnamese.
#[test]
fn english_result_shows_no_vietnamese_outside_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = run_every_subcommand(dir.path(), "en");
    let db = dir.path().join("round.db").display().to_string();
    let result = run(&["result", "--db", &db, "--unit", "snv", "--lang", "en"]);
    outputs.push(("result --unit snv".into(), String::from_utf8_lossy(&result.stdout).into_owned()));
    assert_no_vietnamese_outside_data(dir.path(), &outputs);
}

fn assert_no_vietnamese_outside_data(dir: &Path, outputs: &[(String, String)]) {
    let mut phrases = vietnamese::data_phrases(&dir.join("round.db"), TYPED);
    phrases.extend(vietnamese::data_phrases(&dir.join("demo.db"), TYPED));
    let phrases = vietnamese::longest_first(phrases);
    let mut leaks = Vec::new();
    for (command, text) in outputs {
        for line in text.lines() {
            let words = vietnamese::outside(line, &phrases);
            if !words.is_empty() {
                leaks.push(format!("{command}\n    {line}\n    Vietnamese: {words:?}"));
            }
        }
    }
    assert!(leaks.is_empty(), "{} lines in Vietnamese under --lang en:\n{}", leaks.len(), leaks.join("\n"));
}

#[test]
fn vietnamese_by_default_on_every_subcommand_shows_no_english_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let outputs = run_every_subcommand(dir.path(), "vi");
    let mut leaks = Vec::new();
    for (command, text) in &outputs {
        for line in text.lines() {
            let words = english_in(line);
            if !words.is_empty() {
                leaks.push(format!("{command}\n    {line}\n    English: {words:?}"));
            }
        }
    }
    assert!(leaks.is_empty(), "{} lines in English by default:\n{}", leaks.len(), leaks.join("\n"));
}

/// Issue 22.20: Vietnamese text shows no raw value — placeholders are Vietnamese words (`--db TỆP`, `--year NĂM`),
/// a date is spelled one way (*dd/mm/yyyy*) and shown dd/mm/yyyy, a fact's choice reads by its label.
#[test]
fn vietnamese_text_shows_placeholders_dates_and_choices_worded() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = round(dir.path());
    let stderr = |args: &[&str]| String::from_utf8_lossy(&run(args).stderr).into_owned();
    let missing = dir.path().join("missing.db").display().to_string();
    let no_db = stderr(&["rank", "--db", &missing]);
    assert!(no_db.contains("--regulation MÃ --year NĂM") && !no_db.contains("YYYY"), "{no_db}");
    let nobody = stderr(&["round", "show", "--db", &db, "--user", "nobody"]);
    assert!(nobody.contains("--db TỆP") && !nobody.contains("PATH"), "{nobody}");
    let rerate = stderr(&["rerate", "--db", &db, "--unit", "stc", "--reason", "Sai"]);
    assert!(rerate.contains("--fact TÊN --value GIÁ_TRỊ") && !rerate.contains("NAME"), "{rerate}");
    assert!(stderr(&["rank"]).contains("--db TỆP"));

    // One spelling of a date, the one people know from Excel.
    let not_a_date = stderr(&["round", "set", "--db", &db, "--deadline", "31/02/2024"]);
    assert!(not_a_date.contains("dd/mm/yyyy") && !not_a_date.contains("NN/TT"), "{not_a_date}");
    for command in [&["round", "set"][..], &["submit"]] {
        let mut args = command.to_vec();
        args.push("--help");
        let help = ok(&args);
        assert!(help.contains("dd/mm/yyyy") && !help.contains("DD/MM/YYYY"), "{help}");
    }
    let init = ok(&["init", "--help"]);
    assert!(init.contains("<NĂM>") && !init.contains("YYYY"), "{init}");

    // Dates in refusals as dd/mm/yyyy, never as stored.
    ok(&["user", "add", "--db", &db, "dau-moi-snv", "--role", "unit", "--unit", "snv", "--full-name", "Ngô Thị D"]);
    let ahead = stderr(&["submit", "--db", &db, "--unit", "snv", "--approved-on", "2100-01-01", "--minutes", "1"]);
    assert!(ahead.contains("01/01/2100") && iso_dates_in(&ahead).is_empty(), "{ahead}");
    ok(&["submit", "--db", &db, "--user", "dau-moi-snv", "--approved-on", "2024-11-20", "--minutes", "12/BB"]);
    // The history names a person by full name, the login in parentheses.
    let log = ok(&["audit", "log", "--db", &db, "--unit", "snv"]);
    let submitted = log.lines().find(|line| line.contains("Nộp hồ sơ tự đánh giá")).unwrap();
    assert!(submitted.contains(" Ngô Thị D (dau-moi-snv) "), "{submitted}");
    let again = stderr(&["submit", "--db", &db, "--unit", "snv", "--approved-on", "2024-11-20", "--minutes", "1"]);
    assert!(again.contains("đã nộp bản tự đánh giá ngày ") && iso_dates_in(&again).is_empty(), "{again}");

    // A choice fact in the history reads by the regulation's label, not the stored `remedied`.
    let facts = dir.path().join("facts.csv");
    std::fs::write(&facts, "unit,fact,value\nstc,discipline,remedied\n").unwrap();
    ok(&["import", "facts", "--db", &db, &facts.display().to_string()]);
    let log = ok(&["audit", "log", "--db", &db, "--unit", "stc"]);
    let line = log.lines().find(|line| line.contains("Kỷ luật tổ chức trực thuộc")).unwrap();
    assert!(line.ends_with("→ có, đã tự phát hiện và khắc phục xong hậu quả") && !line.contains("remedied"), "{line}");
    let english = ok(&["audit", "log", "--db", &db, "--unit", "stc", "--lang", "en"]);
    assert!(english.contains("→ remedied"), "English keeps the stored value: {english}");
}
