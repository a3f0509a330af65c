//! The secretary's inbox and desk over the real deployment (issues 24, 25): a private `sshd` on a loopback port with
//! the README's forced commands. The secretary sends a units CSV and a unit's filled sheet into `/nhap` with
//! `sftp -b` and imports both; a unit's focal person can neither write nor read `/nhap`. Then the desk itself through
//! `ssh -t` in tmux: an import from `/nhap`, a member added, the deadline set, a paper submission recorded and
//! reopened, a backup into `/xuat` downloaded with sftp and verified. Needs root (sshd switches to the key's
//! account) and `openssh-server`; under `CI=true` a missing sshd or tmux fails.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;
use thamdinh::sheet::layout::{Column, Layout};
use thamdinh::sheet::model::Value;
use thamdinh::store::Store;
use tools::sshd::{start_sshd, text};
use tools::{Tmux, desk, sshd_ready as ready, thamdinh};

const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");

fn cli(args: &[&str]) -> Output {
    Command::new(BIN).env_remove("THAMDINH_LANG").args(args).output().unwrap()
}

fn self_score(db: &Path, unit: &str, criterion: &str) -> Option<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT self_score FROM score WHERE unit = ?1 AND criterion = ?2", [unit, criterion], |row| {
        row.get(0)
    })
    .ok()
    .flatten()
}

/// The score sheet exported for `unit`, filled in by the unit: a self-score and its explanation on `criterion`.
fn filled_sheet(store: &Store, unit: &str, criterion: &str, out: &Path) {
    let mut book = thamdinh::sheet::score_sheets_book(store, &[unit.into()], &mut |_, _| {}).unwrap();
    let layout = Layout::for_regulation(store.regulation());
    let (code_column, score_column, explanation) = (
        layout.col(Column::Code).unwrap(),
        layout.col(Column::SelfScore).unwrap(),
        layout.col(Column::Explanation).unwrap(),
    );
    let sheet = &mut book.sheets[0];
    let row = sheet
        .cells
        .iter()
        .find(|((_, column), cell)| *column == code_column && cell.value == Some(Value::Text(criterion.to_string())))
        .map(|((row, _), _)| *row)
        .unwrap();
    for (column, value) in [
        (score_column, Value::Number(rust_decimal::Decimal::TWO)),
        (explanation, Value::Text("Đã ban hành kế hoạch, còn thiếu báo cáo quý".into())),
    ] {
        let style = sheet.cells.get(&(row, column)).map(|c| c.style).unwrap_or_default();
        sheet.put(row, column, Some(value), style);
    }
    let footer = thamdinh::sheet::render::Footer { content_hash: book.content_hash(), audit_head: None };
    thamdinh::sheet::write_book(book, &footer, out, "test").unwrap();
}

#[test]
fn the_secretary_sends_files_into_the_inbox_and_imports_them_and_a_unit_cannot_reach_it() {
    if !ready() {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let db = dir.join("round.db");
    let db_text = db.to_str().unwrap();
    tools::fixture_round(db_text);
    thamdinh(&["user", "add", "--db", db_text, "thu-ky", "--role", "secretary", "--full-name", "Thư Ký"]);
    thamdinh(&["user", "add", "--db", db_text, "dau-moi-stc", "--role", "unit", "--unit", "stc"]);
    let sshd = start_sshd(dir, &db, &["thu-ky", "dau-moi-stc"]);
    let work = dir.join("work");
    std::fs::create_dir(&work).unwrap();
    std::fs::write(work.join("don-vi-moi.csv"), "code,name,bloc,group\nstttt,Sở Thông tin và Truyền thông,so-nganh,\n")
        .unwrap();

    // The units file goes into /nhap and is imported from there, as the secretary.
    let sent = sshd.sftp("thu-ky", "put don-vi-moi.csv /nhap/\nls -l /nhap\n", &work);
    assert!(sent.status.success(), "{}", text(&sent));
    assert!(text(&sent).contains("don-vi-moi.csv"), "{}", text(&sent));
    let inbox = thamdinh::store::files::inbox_dir(&db, "thu-ky");
    assert_eq!(
        std::fs::read(inbox.join("don-vi-moi.csv")).unwrap(),
        std::fs::read(work.join("don-vi-moi.csv")).unwrap()
    );
    let units = inbox.join("don-vi-moi.csv").display().to_string();
    let out = cli(&["import", "units", "--db", db_text, "--user", "thu-ky", &units]);
    assert!(out.status.success(), "{}", text(&out));
    let store = Store::open(&db).unwrap();
    assert!(store.load_round().unwrap().units.iter().any(|unit| unit.code == "stttt"), "the new unit is in the round");

    // The new unit's sheet, filled in, goes the same way.
    filled_sheet(&store, "stttt", "II.1", &work.join("stttt.xlsx"));
    drop(store);
    assert_eq!(self_score(&db, "stttt", "II.1"), None);
    let sent = sshd.sftp("thu-ky", "put stttt.xlsx /nhap/\n", &work);
    assert!(sent.status.success(), "{}", text(&sent));
    let sheet = inbox.join("stttt.xlsx").display().to_string();
    let out = cli(&["import", "sheet", "--db", db_text, "--user", "thu-ky", &sheet]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(self_score(&db, "stttt", "II.1").as_deref(), Some("2"), "the sheet's self-score is in the round");
    let log = text(&cli(&["audit", "log", "--db", db_text]));
    assert!(log.lines().any(|l| l.contains("thu-ky") && l.contains("Thêm đơn vị") && l.contains("stttt")), "{log}");
    assert!(log.lines().any(|l| l.contains("thu-ky") && l.contains("stttt") && l.contains("II.1")), "{log}");

    // A unit's focal person neither writes the inbox nor reads it.
    for forbidden in ["put don-vi-moi.csv /nhap/\n", "ls /nhap\n", "get /nhap/don-vi-moi.csv\n", "ls /nhap/thu-ky\n"] {
        let out = sshd.sftp("dau-moi-stc", forbidden, &work);
        assert!(!out.status.success(), "{forbidden:?} was allowed: {}", text(&out));
    }
    let files: Vec<PathBuf> = std::fs::read_dir(&inbox).unwrap().flatten().map(|e| e.path()).collect();
    assert_eq!(files.len(), 2, "{files:?}");
}

/// The backup in `/xuat`, downloaded with sftp, verified on the person's machine; its path there.
fn download_backup(sshd: &tools::sshd::Sshd, work: &Path) -> String {
    // The backup, downloaded with sftp from /xuat, verifies on the person's own machine.
    let listed = sshd.sftp("thu-ky", "ls /xuat\n", work);
    assert!(listed.status.success(), "{}", text(&listed));
    let listing = String::from_utf8_lossy(&listed.stdout).to_string();
    let name = listing
        .split_whitespace()
        .map(|word| word.rsplit('/').next().unwrap_or(word))
        .find(|word| {
            word.contains("sao-luu") && Path::new(word).extension().is_some_and(|e| e.eq_ignore_ascii_case("db"))
        })
        .unwrap_or_else(|| panic!("no backup in /xuat: {listing}"))
        .to_string();
    let got = sshd.sftp("thu-ky", &format!("get /xuat/{name} copy.db\n"), work);
    assert!(got.status.success(), "{}", text(&got));
    let copy = work.join("copy.db").display().to_string();
    let verified = cli(&["audit", "verify", "--db", &copy]);
    assert!(verified.status.success(), "{}", text(&verified));

    copy
}

#[test]
fn the_secretary_works_the_desk_through_ssh_t() {
    if !ready() || !tools::available("tmux", "-V", "tmux") {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let db = dir.join("round.db");
    let db_text = db.to_str().unwrap();
    desk::secretary_round(db_text);
    let sshd = start_sshd(dir, &db, &["thu-ky"]);
    let work = dir.join("work");
    std::fs::create_dir(&work).unwrap();
    std::fs::copy(Path::new(FIXTURES).join("units.csv"), work.join("don-vi.csv")).unwrap();
    let sent = sshd.sftp("thu-ky", "put don-vi.csv /nhap/\n", &work);
    assert!(sent.status.success(), "{}", text(&sent));

    let options = sshd.options("thu-ky", "-p").join(" ");
    let tmux = Tmux::new(&format!("ssh-desk-{}", std::process::id()), "d");
    tmux.open(130, 40, &format!("ssh -t {options} root@127.0.0.1"));
    desk::walk(&tmux, db_text, dir);

    desk::open_row(&tmux, 5);
    tmux.wait_for("Đã sao lưu");
    tmux.keys(&["q"]);
    std::thread::sleep(Duration::from_millis(500));
    drop(tmux);

    let copy = download_backup(&sshd, &work);

    desk::assert_walked(db_text);
    let store = Store::open(&db).unwrap();
    let log = store.audit_log(None, None).unwrap();
    for action in ["import units", "add user", "round settings", "submit", "reopen"] {
        assert!(log.iter().any(|row| row.actor == "thu-ky" && row.action == action), "{action} under the secretary");
    }
    let copied = Store::open(Path::new(&copy)).unwrap();
    assert_eq!(copied.load_round().unwrap().units.len(), 8, "the copy holds the round");
}
