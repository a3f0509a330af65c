//! The secretary's desk in a real terminal (issue 25): a units CSV imported from the inbox after its preview, a
//! member added (the key line shown), the deadline set, a paper submission recorded and reopened.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

use std::path::Path;
use std::time::Duration;
use tools::{Tmux, thamdinh};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");
const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");

/// The desk's row `row` (from the top), opened.
fn open_row(tmux: &Tmux, row: usize) {
    tmux.keys(&["g"]);
    for _ in 0..row {
        tmux.keys(&["j"]);
    }
    std::thread::sleep(Duration::from_millis(200));
    tmux.keys(&["Enter"]);
}

#[test]
fn the_secretary_works_the_desk_in_a_real_terminal() {
    if !tools::available("tmux", "-V", "tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db").display().to_string();
    thamdinh(&["init", "--db", &db, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    thamdinh(&["user", "add", "--db", &db, "thu-ky", "--role", "secretary", "--full-name", "Thư ký"]);
    let inbox = thamdinh::store::files::inbox_dir(Path::new(&db), "thu-ky");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::copy(Path::new(FIXTURES).join("units.csv"), inbox.join("don-vi.csv")).unwrap();

    let tmux = Tmux::new(&format!("desk-{}", std::process::id()), "d");
    tmux.open(130, 40, &format!("{BIN} --db {db} --user thu-ky"));
    tmux.wait_for("Bàn làm việc");
    tmux.keys(&["4"]);
    tmux.wait_for("Nhập tệp từ thư mục /nhap");
    open_row(&tmux, 0);
    tmux.wait_for("don-vi.csv");
    tmux.keys(&["Enter"]);
    let preview = tmux.wait_for("dòng dữ liệu");
    assert!(preview.contains("8 đơn vị mới, 0 thay đổi, 0 xóa"), "{preview}");
    tmux.type_text("y");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Đã nhập don-vi.csv: 8 dòng");

    open_row(&tmux, 1);
    tmux.wait_for("Người dùng của Hội đồng");
    tmux.keys(&["a"]);
    tmux.wait_for("Tên đăng nhập");
    for (text, next) in [("tv-moi", true), ("member", true), ("so-noi-vu", true), ("", true), ("Nguyễn Văn Mới", false)]
    {
        if !text.is_empty() {
            tmux.type_text(text);
        }
        if next {
            tmux.keys(&["Tab"]);
        }
    }
    tmux.keys(&["C-s"]);
    let key = tmux.wait_for("restrict,pty ssh-ed25519");
    assert!(key.contains("--user tv-moi"), "{key}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("tv-moi");
    tmux.keys(&["Escape"]);

    open_row(&tmux, 2);
    tmux.wait_for("Hiện nay: hạn nộp");
    tmux.type_text("15/01/2025");
    tmux.keys(&["C-s"]);
    tmux.wait_for("hạn nộp 15/01/2025");

    let rest = tools::fill_self_assessment(dir.path(), "snv");
    thamdinh(&["import", "scores", "--db", &db, &rest.display().to_string()]);
    open_row(&tmux, 3);
    tmux.wait_for("Ngày nhận hồ sơ");
    tmux.type_text("snv");
    tmux.keys(&["Tab"]);
    tmux.type_text("10/01/2025");
    tmux.keys(&["Tab"]);
    tmux.type_text("08/01/2025");
    tmux.keys(&["Tab"]);
    tmux.type_text("12/BB-SNV");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Đã ghi nhận hồ sơ giấy của snv");

    open_row(&tmux, 4);
    tmux.wait_for("Lý do mở lại");
    tmux.type_text("snv");
    tmux.keys(&["Tab"]);
    tmux.type_text("Thiếu biên bản họp");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Đã mở lại bản tự đánh giá của snv");
    drop(tmux);

    let store = thamdinh::store::Store::open(Path::new(&db)).unwrap();
    assert_eq!(store.load_round().unwrap().units.len(), 8);
    assert!(store.user("tv-moi").unwrap().is_some());
    assert!(store.submission_of("snv").unwrap().is_none(), "reopened");
    let log = store.audit_log(Some("snv"), None).unwrap();
    assert!(log.iter().filter(|row| row.actor == "thu-ky").count() >= 2, "submitted and reopened under the person");
}
