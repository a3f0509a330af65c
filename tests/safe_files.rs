//! Issue 12 (nothing changes silently; no file that can hurt the round or the server) and issue 13 (exports are a
//! permission; the command line never writes control sequences): hostile workbooks refused in bounded time and
//! memory, exports that never destroy, implausible dates, foreign databases, closed pipes, control characters.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod binary;
mod tools;
mod tui_support;

use binary::{ok, refused, thamdinh};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

fn round(dir: &Path) -> String {
    tools::units_round(dir, "round.db")
}

/// What a refused write must leave as it was: the audit head and the ranking.
fn state(db: &str) -> (String, String) {
    let head = ok(&["audit", "verify", "--db", db]);
    (head, ok(&["rank", "--db", db, "--json"]))
}

/// A minimal .xlsx package with the given worksheet XML as its one sheet, "stc".
fn workbook(file: &Path, sheet_xml: &str, extra: Option<(&str, u64)>) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(file).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let package = "http://schemas.openxmlformats.org/package/2006/relationships";
    let parts = [
        (
            "[Content_Types].xml".to_string(),
            r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string(),
        ),
        (
            "_rels/.rels".to_string(),
            format!(r#"<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
        ),
        (
            "xl/workbook.xml".to_string(),
            format!(r#"<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="stc" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
        ),
        (
            "xl/_rels/workbook.xml.rels".to_string(),
            format!(r#"<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
        ),
        ("xl/worksheets/sheet1.xml".to_string(), sheet_xml.replace("MAIN", main)),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    if let Some((name, zeros)) = extra {
        zip.start_file(name, options.large_file(true)).unwrap();
        let block = vec![b' '; 1 << 20];
        for _ in 0..zeros >> 20 {
            zip.write_all(&block).unwrap();
        }
    }
    zip.finish().unwrap();
}

/// The workbook of issue 12: one cell at A1 and one at XFD1048576, a range of 17 billion cells (512 GiB dense).
fn bomb(file: &Path) {
    workbook(
        file,
        r#"<worksheet xmlns="MAIN"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>"#,
        None,
    );
}

/// Peak resident memory of this process in MB, after `clear_refs` reset it (where the kernel allows).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn peak_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let kb: u64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/self/status");
    kb / 1024
}

fn timed_refusal(args: &[&str]) -> (String, Duration) {
    let start = Instant::now();
    let error = refused(args);
    (error, start.elapsed())
}

#[test]
fn a_workbook_claiming_every_cell_of_excel_is_refused_at_once_and_in_little_memory() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let file = dir.path().join("bomb.xlsx");
    bomb(&file);
    assert!(std::fs::metadata(&file).unwrap().len() < 2_000, "the bomb is small");
    let before = state(&db);
    let bomb = file.display().to_string();
    for args in [vec!["import", "sheet", "--db", &db, &bomb], vec!["export", "verify", &bomb]] {
        let (error, took) = timed_refusal(&args);
        assert!(took < Duration::from_secs(1), "{args:?} took {took:?}");
        assert!(error.contains("bomb.xlsx: trang \"stc\": ô XFD1048576 nằm ngoài vùng"), "{error}");
    }
    assert_eq!(state(&db), before, "a refused import changes nothing");

    // In this process, through the library, with resident memory measured.
    reset_peak();
    let start = Instant::now();
    let error = thamdinh::sheet::verify(&file, None).unwrap_err().to_string();
    let mut store = thamdinh::store::Store::open(Path::new(&db)).unwrap();
    let import = thamdinh::sheet::import_sheet(&mut store, &file).unwrap_err().to_string();
    let took = start.elapsed();
    let peak = peak_mb();
    assert!(error.contains("XFD1048576") && import.contains("XFD1048576"), "{error} / {import}");
    assert!(took < Duration::from_secs(1), "{took:?}");
    assert!(peak < 100, "peak resident memory {peak} MB");
}

#[test]
fn a_part_that_unpacks_beyond_the_limit_is_refused_before_it_is_unpacked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("zip-bomb.xlsx");
    let sheet = r#"<worksheet xmlns="MAIN"><sheetData/></worksheet>"#;
    workbook(&file, sheet, Some(("xl/sharedStrings.xml", 300 << 20)));
    assert!(std::fs::metadata(&file).unwrap().len() < 2 << 20, "it packs small");
    let (error, took) = timed_refusal(&["export", "verify", &file.display().to_string()]);
    assert!(took < Duration::from_secs(1), "{took:?}");
    // Refused from the package's directory: the part is far larger unpacked than packed (it is never unpacked).
    assert!(error.contains("phần \"xl/sharedStrings.xml\" khi giải nén lớn gấp"), "{error}");
    let english = refused(&["export", "verify", &file.display().to_string(), "--lang", "en"]);
    assert!(english.contains("part \"xl/sharedStrings.xml\""), "{english}");
}

#[test]
fn exports_never_write_over_the_database_or_an_existing_file_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let before = std::fs::read(&db).unwrap();
    for out in [db.clone(), format!("{db}-wal"), format!("{db}-shm")] {
        for force in [false, true] {
            let mut args = vec!["export", "ranking", "--db", &db, "--out", &out];
            if force {
                args.push("--force");
            }
            let error = refused(&args);
            assert!(error.contains("bản xuất không bao giờ ghi đè lên nó, dù có --force hay không"), "{error}");
        }
    }
    // Another name for the same file is the same file.
    let alias = path(dir.path(), "alias.db");
    std::fs::hard_link(&db, &alias).unwrap();
    let error = refused(&["export", "ranking", "--db", &db, "--out", &alias, "--force"]);
    assert!(error.contains("cơ sở dữ liệu của kỳ đánh giá"), "{error}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "the database is untouched");
    ok(&["rank", "--db", &db]);

    let out = path(dir.path(), "ket-qua.xlsx");
    ok(&["export", "ranking", "--db", &db, "--out", &out]);
    let first = std::fs::read(&out).unwrap();
    let error = refused(&["export", "sheet", "--db", &db, "--unit", "stc", "--out", &out]);
    assert!(error.contains("ket-qua.xlsx: tệp đã có; hãy chọn tên khác, hoặc thêm --force"), "{error}");
    assert_eq!(std::fs::read(&out).unwrap(), first, "the refused export left the file as it was");
    ok(&["export", "sheet", "--db", &db, "--unit", "stc", "--out", &out, "--force"]);
    assert_ne!(std::fs::read(&out).unwrap(), first, "--force replaced it");
    ok(&["export", "verify", "--db", &db, &out]);
    let strays: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| Path::new(name).extension().is_some_and(|ext| ext.eq_ignore_ascii_case("tmp")))
        .collect();
    assert!(strays.is_empty(), "no temporary file is left: {strays:?}");
}

#[test]
fn exporting_is_a_permission_on_the_command_line_as_in_the_interface() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    ok(&["user", "add", "--db", &db, "tv-snv", "--role", "member", "--agency", "so-noi-vu"]);
    ok(&["user", "add", "--db", &db, "ld", "--role", "leader"]);
    ok(&["user", "add", "--db", &db, "thu-ky", "--role", "secretary"]);
    ok(&["user", "add", "--db", &db, "chu-tich", "--role", "chairman"]);
    let out = path(dir.path(), "out.xlsx");
    for user in ["tv-snv", "ld"] {
        for args in [
            vec!["--user", user, "export", "ranking", "--db", &db, "--out", &out],
            vec!["--user", user, "export", "sheet", "--db", &db, "--unit", "stc", "--out", &out],
        ] {
            let error = refused(&args);
            assert!(error.contains(&format!("{user} (")), "names the user: {error}");
            assert!(error.contains("không được xuất bảng tính của Hội đồng"), "{error}");
            assert!(error.contains("chỉ Thư ký hoặc Chủ tịch Hội đồng xuất"), "names the rule: {error}");
            assert!(!Path::new(&out).exists(), "nothing written");
        }
    }
    for (user, name) in [("thu-ky", "a.xlsx"), ("chu-tich", "b.xlsx")] {
        ok(&["--user", user, "export", "ranking", "--db", &db, "--out", &path(dir.path(), name)]);
    }
    ok(&["export", "ranking", "--db", &db, "--out", &path(dir.path(), "c.xlsx")]);
}

#[test]
fn a_document_date_outside_plausible_years_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let before = state(&db);
    for date in ["0000-01-01", "31/12/9999", "1900-01-01"] {
        let file = dir.path().join("evidence.csv");
        std::fs::write(&file, format!("unit,criterion,title,reference,date\nstc,I.1,Kế hoạch,12/KH,{date}\n")).unwrap();
        let error = refused(&["import", "evidence", "--db", &db, &file.display().to_string()]);
        assert!(error.contains("evidence.csv:2: cột date"), "{error}");
        assert!(error.contains("năm từ 1945 đến 2100"), "{error}");
    }
    assert_eq!(state(&db), before);
}

#[test]
fn a_sqlite_file_that_is_not_a_round_gets_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let ours = path(dir.path(), "ours.db");
    ok(&["init", "--db", &ours, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    let id: i64 =
        rusqlite::Connection::open(&ours).unwrap().query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
    // Our application id, but not our schema (user_version 0): an empty file given the id, then another
    // program's table.
    let foreign = path(dir.path(), "foreign.db");
    let conn = rusqlite::Connection::open(&foreign).unwrap();
    conn.pragma_update(None, "application_id", id).unwrap();
    let empty = refused(&["rank", "--db", &foreign]);
    assert!(empty.contains("foreign.db: không phải cơ sở dữ liệu của thamdinh"), "{empty}");
    conn.execute_batch("CREATE TABLE round (x INTEGER);").unwrap();
    drop(conn);
    for args in [vec!["rank", "--db", &foreign], vec!["audit", "verify", "--db", &foreign]] {
        let error = refused(&args);
        assert!(error.contains("foreign.db: không phải cơ sở dữ liệu của thamdinh"), "{error}");
    }
}

#[test]
fn a_closed_pipe_ends_every_printing_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    for args in [
        vec!["audit", "verify", "--db", &db],
        vec!["audit", "log", "--db", &db],
        vec!["rank", "--db", &db],
        vec!["rank", "--db", &db, "--json"],
        vec!["user", "list", "--db", &db],
        vec!["regulations"],
    ] {
        let mut child = Command::new(BIN)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before the command writes anything (`| head -0`).
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{args:?}: {:?} {stderr}", output.status);
        assert!(stderr.is_empty(), "{args:?} said {stderr}");
    }
}

/// The characters of issue 13: an OSC retitle ended by BEL, a C1 CSI, a bidi override.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}Sở\u{9b}31m Nội \u{202e}vụ";

fn assert_no_controls(output: &[u8], what: &str) {
    let has = |needle: &[u8]| output.windows(needle.len()).any(|w| w == needle);
    assert!(!output.contains(&0x1b), "{what}: ESC in {:?}", String::from_utf8_lossy(output));
    assert!(!output.contains(&0x07), "{what}: BEL");
    assert!(!has(&[0xc2, 0x9b]), "{what}: C1 CSI");
    assert!(!has("\u{202e}".as_bytes()), "{what}: U+202E");
}

#[test]
fn control_characters_are_refused_in_unit_names_and_shown_as_escapes_when_already_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = round(dir.path());
    let before = state(&db);
    for (name, column, shown) in [("Sở\u{1b}]0;pwned\u{7}", 3, "U+001B"), ("Sở \u{9b}31m", 4, "U+009B")] {
        let file = dir.path().join("units.csv");
        std::fs::write(&file, format!("code,name,bloc,group\nstc,Sở Tài chính,so-nganh,\nxyz,{name},so-nganh,\n"))
            .unwrap();
        let output = thamdinh(&["import", "units", "--db", &db, &file.display().to_string()]);
        assert!(!output.status.success());
        assert_no_controls(&output.stderr, "the refusal");
        let error = String::from_utf8(output.stderr).unwrap();
        assert!(error.contains("units.csv:3: cột name:"), "{error}");
        assert!(error.contains(&format!("chứa ký tự điều khiển {shown} ở vị trí {column}")), "{error}");
    }
    assert_eq!(state(&db), before, "nothing imported");

    // Written behind the program's back (raw SQL), or from before this rule: printed as escapes.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE unit SET name = ?1 WHERE code = 'stc'", [HOSTILE]).unwrap();
    conn.execute(
        "INSERT INTO audit (actor, action, detail, unit, criterion, reason) VALUES (?1, 'score', ?1, 'stc', 'I.1', ?1)",
        [HOSTILE],
    )
    .unwrap();
    drop(conn);
    for args in [vec!["rank", "--db", &db], vec!["rank", "--db", &db, "--json"], vec!["audit", "log", "--db", &db]] {
        let output = thamdinh(&args);
        assert!(output.status.success(), "{args:?}");
        assert_no_controls(&output.stdout, &format!("{args:?}"));
        let text = String::from_utf8(output.stdout).unwrap();
        if !args.contains(&"--json") {
            assert!(text.contains("\\x1b]0;pwned\\x07Sở\\u{9b}31m Nội \\u{202e}vụ"), "{args:?}: {text}");
        }
    }
    let json: serde_json::Value = serde_json::from_str(&ok(&["rank", "--db", &db, "--json"])).unwrap();
    assert!(json["blocs"].is_array(), "the escaped JSON is still JSON");
}

#[test]
fn the_interface_shows_c1_and_bidi_characters_as_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = tui_support::fixture_store(dir.path());
    let db = store.path().display().to_string();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE unit SET name = ?1 WHERE code = 'stc'", ["Sở\u{9b}2J Tài \u{202e}chính\u{1b}]0;x\u{7}"])
        .unwrap();
    drop(conn);
    let app = tui_support::app_as(&mut store, "thu-ky");
    let screen = tui_support::screen(&app, 200, 60);
    assert!(screen.contains("Sở\\u{9b}2J Tài \\u{202e}chính\\x1b]0;x\\x07"), "{screen}");
    assert!(!screen.chars().any(|c| c != '\n' && thamdinh::domain::text::is_terminal_control(c)), "{screen:?}");
}
