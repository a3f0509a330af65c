//! Issue 12: bad input, file by file and cell by cell. Each refusal names the file, the line and the rule, and
//! leaves the database exactly as it was: every table's content (hashed) and the audit head.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod binary;

use binary::{ok, refused};
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use std::path::Path;

/// Every row of every table, in a fixed order, hashed: equal hashes, equal content.
fn content_hash(db: &str) -> String {
    let conn = Connection::open(db).expect("open");
    let tables: Vec<String> = {
        let mut statement = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .unwrap();
        statement.query_map([], |row| row.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    };
    let mut hasher = Sha256::new();
    for table in tables {
        hasher.update(format!("table {table}\n"));
        let mut statement = conn
            .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
            // A table WITHOUT ROWID (the scores) is read in its primary key's order.
            .or_else(|_| conn.prepare(&format!("SELECT * FROM \"{table}\"")))
            .unwrap();
        let columns = statement.column_count();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for column in 0..columns {
                hasher.update(format!("{:?}\u{1f}", row.get_ref(column).unwrap()));
            }
            hasher.update("\n");
        }
    }
    thamdinh::store::audit::hex(&hasher.finalize())
}

fn audit_head(db: &str) -> String {
    ok(&["audit", "verify", "--db", db])
}

fn round(dir: &Path, name: &str, regulation: &str, units: &str) -> String {
    let db = dir.join(name).display().to_string();
    ok(&["init", "--db", &db, "--regulation", regulation, "--year", "2024"]);
    let file = dir.join(format!("{name}-units.csv"));
    std::fs::write(&file, format!("code,name,bloc,group\n{units}")).unwrap();
    ok(&["import", "units", "--db", &db, &file.display().to_string()]);
    let seed = dir.join(format!("{name}-seed.csv"));
    std::fs::write(&seed, "unit,criterion,title,reference,date\nsnv,I,Báo cáo,Số 12/BC-SNV,2024-11-20\n").unwrap();
    if regulation == "thai-nguyen-2024" {
        ok(&["import", "evidence", "--db", &db, &seed.display().to_string()]);
    }
    db
}

const SCORES: &str = "unit,criterion,self_score,appraised_score,reason,explanation";

/// (round, import kind, file text, words the Vietnamese refusal must hold, words the English one must hold)
type BadFile<'a> = (&'a str, &'a str, String, Vec<&'a str>, Vec<&'a str>);

/// Words of the English wording of a refused row that the Vietnamese one never carries.
const ENGLISH: &[&str] =
    &["column ", "unit ", "refused", "already", "unknown", " is not ", "not a ", " the ", " has ", " needs ", " to "];

/// Imports each bad file into its round: each is refused in Vietnamese by default (no English word leaks) and in
/// English with `--lang en`, with the words given, and changes neither the database nor the audit head.
fn refuse_each(dir: &Path, cases: Vec<BadFile<'_>>) {
    for (db, kind, text, vi, en) in cases {
        let (content, head) = (content_hash(db), audit_head(db));
        let file = dir.join("bad.csv");
        std::fs::write(&file, &text).unwrap();
        let file = file.display().to_string();
        let error = refused(&["import", kind, "--db", db, &file]);
        for word in vi {
            assert!(error.contains(word), "{kind} {text:?}: {error:?} lacks {word:?}");
        }
        let leaked: Vec<&&str> = ENGLISH.iter().filter(|word| error.contains(**word)).collect();
        assert!(leaked.is_empty(), "{kind} {text:?}: English {leaked:?} in {error:?}");
        let english = refused(&["import", kind, "--db", db, &file, "--lang", "en"]);
        for word in en {
            assert!(english.contains(word), "{kind} {text:?} --lang en: {english:?} lacks {word:?}");
        }
        assert_eq!(content_hash(db), content, "{kind} {text:?} changed the database");
        assert_eq!(audit_head(db), head, "{kind} {text:?} moved the audit head");
    }
}

#[test]
fn every_bad_score_is_refused_by_name_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let thai_nguyen = round(dir.path(), "tn.db", "thai-nguyen-2024", "snv,Sở Nội vụ,so-nganh,\n");
    let bac_giang = round(dir.path(), "bg.db", "bac-giang-453", "snv,Ban Tổ chức Tỉnh ủy,tap-the,XII\n");
    let cases: Vec<BadFile<'_>> = vec![
        (
            &thai_nguyen,
            "scores",
            format!("{SCORES}\nsnv,I.1,-1,,,\n"),
            vec!["bad.csv:2: cột self_score: đơn vị snv, I.1: điểm tự đánh giá “-1” không phải là điểm hợp lệ"],
            vec!["bad.csv:2: column self_score: unit snv, I.1:", "\"-1\" is not a score: a score is never negative"],
        ),
        (
            &thai_nguyen,
            "scores",
            format!("{SCORES}\nsnv,I.1,,1/2,x,\n"),
            vec!["bad.csv:2: cột appraised_score: đơn vị snv, I.1: điểm thẩm định “1/2” không phải là điểm hợp lệ"],
            vec!["bad.csv:2: column appraised_score", "\"1/2\" is not a score"],
        ),
        (
            &thai_nguyen,
            "scores",
            format!("{SCORES}\nsnv,I.1,1e0,,,\n"),
            vec!["bad.csv:2: cột self_score", "“1e0” không phải là điểm hợp lệ"],
            vec!["bad.csv:2: column self_score", "\"1e0\" is not a score"],
        ),
        (
            &thai_nguyen,
            "scores",
            format!("{SCORES}\nsnv,III.1,\"0,555\",,,\n"),
            vec!["bad.csv:2: cột self_score: đơn vị snv, III.1:", "“0,555” có 3 chữ số sau dấu phẩy", "đến 2 chữ số"],
            vec!["bad.csv:2: column self_score: unit snv, III.1:", "\"0,555\" has 3 decimals; the regulation counts 2"],
        ),
        (
            &thai_nguyen,
            "scores",
            format!("{SCORES}\nsnv,I.1,4,3,\u{200B}\u{FEFF},\n"),
            vec!["bad.csv:2: cột reason: đơn vị snv, I.1: cần lý do trừ điểm"],
            vec!["bad.csv:2: column reason: unit snv, I.1: a deduction needs a reason"],
        ),
        (
            &thai_nguyen,
            "scores",
            format!("{SCORES}\nsnv,I.1,4,3,thiếu\u{0}báo cáo,\n"),
            vec!["bad.csv:2: cột reason", "ký tự điều khiển U+0000"],
            vec!["bad.csv:2: column reason", "U+0000"],
        ),
        (
            &thai_nguyen,
            "scores",
            format!("{SCORES}\nsnv,I.1,4,,,giải\u{1b}[31m trình\n"),
            vec!["bad.csv:2: cột explanation", "U+001B"],
            vec!["bad.csv:2: column explanation", "U+001B"],
        ),
        (
            &thai_nguyen,
            "scores",
            format!("{SCORES}\nSNV,I.1,4,,,\n"),
            vec!["bad.csv:2: cột unit: không có đơn vị \"SNV\"; kỳ đánh giá có đơn vị snv", "hãy viết snv"],
            vec!["bad.csv:2: column unit: unknown unit \"SNV\"; the round has snv"],
        ),
        (
            &bac_giang,
            "scores",
            format!("{SCORES}\nsnv,A.1.1,4,,,\n"),
            vec!["bad.csv:2: cột explanation: đơn vị snv, A.1.1: điểm tự đánh giá", "(Điều 4.2)"],
            vec!["bad.csv:2: column explanation: unit snv, A.1.1:", "(Điều 4.2)"],
        ),
        (
            &bac_giang,
            "scores",
            format!("{SCORES}\nsnv,A.1.1,-10%,,,\n"),
            vec!["bad.csv:2: cột self_score: đơn vị snv, A.1.1:", "không được âm"],
            vec!["bad.csv:2: column self_score", "a score is never negative"],
        ),
    ];
    refuse_each(dir.path(), cases);
}

#[test]
fn every_bad_unit_document_or_fact_is_refused_by_name_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let thai_nguyen = round(dir.path(), "tn.db", "thai-nguyen-2024", "snv,Sở Nội vụ,so-nganh,\n");
    let cases: Vec<BadFile<'_>> = vec![
        (
            &thai_nguyen,
            "units",
            "code,name,bloc,group\nSNV,Sở Nội vụ,so-nganh,\n".into(),
            vec!["bad.csv:2: cột code: đơn vị SNV: chính là đơn vị snv của kỳ đánh giá", "hãy viết snv"],
            vec!["bad.csv:2: column code: unit SNV is unit snv of the round"],
        ),
        (
            &thai_nguyen,
            "units",
            "code,name,bloc,group\nsxd,Sở Xây\u{7}dựng,so-nganh,\n".into(),
            vec!["bad.csv:2: cột name", "U+0007"],
            vec!["bad.csv:2: column name", "U+0007"],
        ),
        (
            &thai_nguyen,
            "units",
            "code,name,bloc,group\nabc,A,so-nganh,\nABC,B,so-nganh,\n".into(),
            vec!["bad.csv:3: cột code: đơn vị ABC: đã có ở dòng 2 (viết là abc;"],
            vec!["bad.csv:3: column code: unit ABC already on line 2"],
        ),
        (
            &thai_nguyen,
            "evidence",
            "unit,criterion,title,reference,date\nsnv,II,Báo cáo,Số 3,0000-01-01\n".into(),
            vec!["bad.csv:2: cột date: đơn vị snv, II: ngày \"0000-01-01\" không phải là ngày", "từ 1945 đến 2100"],
            vec!["bad.csv:2: column date", "1945 to 2100"],
        ),
        (
            &thai_nguyen,
            "evidence",
            "unit,criterion,title,reference,date\nsnv,II,Báo cáo,Số 3,31/12/9999\n".into(),
            vec!["bad.csv:2: cột date: đơn vị snv, II:", "dd/mm/yyyy"],
            vec!["bad.csv:2: column date"],
        ),
        (
            &thai_nguyen,
            "facts",
            "unit,fact,value\nsnv,subunits_total,1\nsnv,subunits_disciplined,2\n".into(),
            vec!["bad.csv:3: đơn vị snv:", "(2) vượt quá"],
            vec!["bad.csv:3: unit snv:", "(2) vượt quá"],
        ),
    ];
    refuse_each(dir.path(), cases);
}

/// The rest of the import's refusals (a unit's place, a grade, a fact, a document, a row twice): (round, import
/// kind, file text, words of the Vietnamese refusal, words of the English one).
const OTHER_BAD_ROWS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "tn",
        "units",
        "code,name,bloc,group\nsnv2,Sở mới,khoi-x,\n",
        "cột bloc: đơn vị snv2: không có khối \"khoi-x\"",
        "column bloc: unit snv2: unknown bloc",
    ),
    (
        "tn",
        "units",
        "code,name,bloc,group\nsnv2,Sở mới,so-nganh,XII\n",
        "cột group: đơn vị snv2: quy chế thai-nguyen-2024 không chia nhóm",
        "has no groups",
    ),
    (
        "bg",
        "units",
        "code,name,bloc,group\nx,Đơn vị mới,tap-the,\n",
        "cột group: đơn vị x: quy chế bac-giang-453 cần nhóm",
        "needs a group",
    ),
    (
        "bg",
        "units",
        "code,name,bloc,group\nx,Đơn vị mới,tap-the,XX\n",
        "cột group: đơn vị x: không có nhóm \"XX\"",
        "unknown group",
    ),
    (
        "tn",
        "units",
        "code,name,bloc,group\nsnv2,,so-nganh,\n",
        "bad.csv:2: cột name: đơn vị snv2: chưa có tên",
        "column name: unit snv2 has no name",
    ),
    (
        "tn",
        "units",
        "code,name,bloc,group\na b,Sở mới,so-nganh,\n",
        "cột code: \"a b\" không phải là mã đơn vị",
        "is not a unit code",
    ),
    (
        "tn",
        "scores",
        "unit,criterion,self_score,appraised_score,reason,explanation\nxyz,I.1,1,,,\n",
        "cột unit: không có đơn vị \"xyz\"; hãy nhập đơn vị trước",
        "column unit: unknown unit",
    ),
    (
        "tn",
        "scores",
        "unit,criterion,applicable\nsnv,I.1,maybe\n",
        "cột applicable: đơn vị snv, I.1: \"maybe\" phải là có hoặc không",
        "must be yes or no",
    ),
    (
        "tn",
        "scores",
        "unit,criterion,self_score,appraised_score,reason,explanation\nsnv,III,1,,,\n",
        "cột criterion: đơn vị snv: III được chấm qua các tiêu chí thành phần",
        "is scored through its components",
    ),
    (
        "tn",
        "scores",
        "unit,criterion,self_score,appraised_score,reason,explanation\nsnv,XI.1,1,,,\n",
        "cột criterion: đơn vị snv: khung tiêu chí của đơn vị không có tiêu chí \"XI.1\"",
        "no criterion \"XI.1\"",
    ),
    (
        "tn",
        "scores",
        "unit,criterion,self_score,appraised_score,reason,explanation\nsnv,III.1,1,,,\nsnv,III.1,1,,,\n",
        "bad.csv:3: đơn vị snv, III.1: đã có ở dòng 2",
        "bad.csv:3: unit snv, III.1: already on line 2",
    ),
    (
        "tn",
        "scores",
        "unit,criterion,self_score,leader\nsnv,III.1,1,Chủ tịch\n",
        "cột leader: đơn vị snv, III.1: chỉ tiêu chí do Lãnh đạo UBND tỉnh chấm",
        "column leader",
    ),
    (
        "tn",
        "scores",
        "unit,criterion,applicable\nsnv,III.1,no\n",
        "cột applicable: đơn vị snv, III.1: quy chế thai-nguyen-2024 không có tiêu chí thành phần nào",
        "has no not-applicable components",
    ),
    (
        "bg",
        "scores",
        "unit,criterion,self_score,applicable\nsnv,A.1.2,5,no\n",
        "đơn vị snv, A.1.2: tiêu chí thành phần không áp dụng thì không có điểm, nhưng nó sẽ còn điểm tự đánh giá 5",
        "a not-applicable component carries no scores",
    ),
    (
        "tn",
        "grades",
        "unit,criterion,grade,reason\nsnv,VI,great,Lý do\n",
        "cột grade: đơn vị snv, VI: xếp loại phải là excellent|good|average|poor, không phải \"great\"",
        "grade must be",
    ),
    (
        "tn",
        "grades",
        "unit,criterion,grade,reason\nsnv,VI,excellent,\n",
        "cột reason: đơn vị snv, VI: điều chỉnh xếp loại cần có lý do",
        "overriding a grade needs a reason",
    ),
    (
        "tn",
        "grades",
        "unit,criterion,grade,reason\nsnv,VI.1,good,Lý do\n",
        "cột criterion: đơn vị snv: \"VI.1\" không phải là tiêu chí",
        "is not a criterion of its framework",
    ),
    (
        "tn",
        "grades",
        "unit,criterion,grade,reason\nsnv,VI,,-\n",
        "cột reason: đơn vị snv, VI: điều chỉnh xếp loại luôn kèm lý do",
        "an override keeps its reason",
    ),
    (
        "tn",
        "grades",
        "unit,criterion,grade,reason\nsnv,VI,,Lý do\n",
        "cột grade: đơn vị snv, VI: chưa có điều chỉnh xếp loại nào",
        "no override to give this reason to",
    ),
    (
        "tn",
        "grades",
        "unit,criterion,grade,reason\nsnv,VI,good,A\nsnv,VI,poor,B\n",
        "bad.csv:3: đơn vị snv, VI: đã có ở dòng 2",
        "already on line 2",
    ),
    (
        "bg",
        "grades",
        "unit,criterion,grade,reason\nsnv,A.1,good,x\n",
        "bad.csv:1: quy chế bac-giang-453 không xếp loại tiêu chí",
        "grades no criteria",
    ),
    (
        "tn",
        "facts",
        "unit,fact,value\nsnv,lucky,true\n",
        "cột fact: đơn vị snv: không có sự kiện \"lucky\"",
        "unknown fact \"lucky\"",
    ),
    (
        "tn",
        "facts",
        "unit,fact,value\nsnv,discipline,maybe\n",
        "cột value: đơn vị snv: sự kiện “",
        "fact discipline takes",
    ),
    (
        "tn",
        "facts",
        "unit,fact,value\nsnv,discipline,yes\nsnv,discipline,none\n",
        "bad.csv:3: đơn vị snv, sự kiện discipline: đã có ở dòng 2",
        "already on line 2",
    ),
    (
        "tn",
        "evidence",
        "unit,criterion,title,reference,date\nsnv,II,,Số 3,2024-01-01\n",
        "cột title: đơn vị snv, II: tài liệu kiểm chứng cần có trích yếu",
        "evidence needs a title",
    ),
    (
        "tn",
        "evidence",
        "unit,criterion,title,reference,date\nsnv,II,Báo cáo,,2024-01-01\n",
        "cột reference: đơn vị snv, II: tài liệu kiểm chứng cần có số, ký hiệu",
        "needs a reference",
    ),
    (
        "tn",
        "evidence",
        "unit,criterion,title,reference,date\nsnv,XI,Báo cáo,Số 3,2024-01-01\n",
        "cột criterion: đơn vị snv: khung tiêu chí",
        "no criterion \"XI\"",
    ),
    (
        "tn",
        "evidence",
        "unit,criterion,title,reference,date\nsnv,II,A,Số 3,2024-01-01\nsnv,II,B,Số 3,2024-01-02\n",
        "bad.csv:3: đơn vị snv, II, tài liệu số Số 3: đã có ở dòng 2",
        "already on line 2",
    ),
];

/// Every other bad row, each in Vietnamese by default and in English with `--lang en`, changing nothing.
#[test]
fn every_other_bad_row_is_refused_in_both_languages_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let tn = round(dir.path(), "tn.db", "thai-nguyen-2024", "snv,Sở Nội vụ,so-nganh,\n");
    let bg = round(dir.path(), "bg.db", "bac-giang-453", "snv,Ban Tổ chức Tỉnh ủy,tap-the,XII\n");
    let cases: Vec<BadFile<'_>> = OTHER_BAD_ROWS
        .iter()
        .map(|&(db, kind, text, vi, en)| {
            (if db == "tn" { tn.as_str() } else { bg.as_str() }, kind, text.to_string(), vec![vi], vec![en])
        })
        .collect();
    refuse_each(dir.path(), cases);
}

/// A reference typed in NFD (as some keyboards and macOS files send it) is the same document as its NFC form.
#[test]
fn an_nfd_reference_is_the_same_document() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path(), "tn.db", "thai-nguyen-2024", "snv,Sở Nội vụ,so-nganh,\n");
    let nfd = "So\u{302}\u{301} 12/BC-SNV"; // "Số 12/BC-SNV" decomposed
    let file = dir.path().join("ev.csv");
    std::fs::write(&file, format!("unit,criterion,title,reference,date\nsnv,I,Báo cáo,{nfd},2024-11-20\n")).unwrap();
    let head = audit_head(&db);
    ok(&["import", "evidence", "--db", &db, &file.display().to_string()]);
    let conn = Connection::open(&db).unwrap();
    let documents: i64 = conn.query_row("SELECT COUNT(*) FROM evidence", [], |r| r.get(0)).unwrap();
    assert_eq!(documents, 1, "no second document");
    let reference: String = conn.query_row("SELECT reference FROM evidence", [], |r| r.get(0)).unwrap();
    assert_eq!(reference, "Số 12/BC-SNV");
    let log = ok(&["audit", "log", "--db", &db]);
    assert!(!log.contains("evidence:So"), "the import changed no document: {head} {log}");
}

/// A council user's full name is printed beside their work in the log and the interface: control characters
/// are refused there too, and nothing is written.
#[test]
fn a_full_name_with_control_characters_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path(), "tn.db", "thai-nguyen-2024", "snv,Sở Nội vụ,so-nganh,\n");
    let (content, head) = (content_hash(&db), audit_head(&db));
    let error =
        refused(&["user", "add", "--db", &db, "evil", "--role", "secretary", "--full-name", "Ev\u{1b}]0;x\u{7}il"]);
    assert!(error.contains("người dùng evil: Họ và tên chứa ký tự điều khiển U+001B"), "{error}");
    assert_eq!((content_hash(&db), audit_head(&db)), (content, head));
}
