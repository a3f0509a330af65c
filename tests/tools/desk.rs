//! The secretary's walk over the desk (issue 25) in a real terminal, the same keys whether the program runs in tmux
//! directly (`tests/tmux_desk.rs`) or behind `ssh -t` and the README's forced command (`tests/ssh_desk.rs`).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use super::Tmux;
use std::path::Path;
use std::time::Duration;

/// A new Thái Nguyên round at `db` with its secretary `thu-ky`, and nothing else.
pub fn secretary_round(db: &str) {
    super::thamdinh(&["init", "--db", db, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    super::thamdinh(&["user", "add", "--db", db, "thu-ky", "--role", "secretary", "--full-name", "Thư ký"]);
}

/// The desk's row `row` (from the top), opened.
pub fn open_row(tmux: &Tmux, row: usize) {
    tmux.keys(&["g"]);
    for _ in 0..row {
        tmux.keys(&["j"]);
    }
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["Enter"]);
}

/// Types each field, Tab between them (an empty one left as it is), the last without Tab.
fn fill(tmux: &Tmux, fields: &[&str]) {
    for (at, text) in fields.iter().enumerate() {
        if !text.is_empty() {
            tmux.type_text(text);
        }
        if at + 1 < fields.len() {
            tmux.keys(&["Tab"]);
        }
    }
}

/// From the program's first screen: the desk (key 4), the units CSV `don-vi.csv` waiting in the secretary's
/// inbox imported after its preview (the Thái Nguyên fixture's 8 units, all new).
pub fn import_units_from_the_inbox(tmux: &Tmux) {
    tmux.wait_for("Bàn làm việc");
    tmux.keys(&["4"]);
    tmux.wait_for("Nhập tệp từ thư mục /nhap");
    open_row(tmux, 0);
    tmux.wait_for("don-vi.csv");
    tmux.keys(&["Enter"]);
    let preview = tmux.wait_for("dòng dữ liệu");
    assert!(preview.contains("8 đơn vị mới, 0 thay đổi, 0 xóa"), "{preview}");
    tmux.type_text("y");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Đã nhập don-vi.csv: 8 dòng");
}

/// A member `tv-moi` of so-noi-vu added (the key line shown, naming them), then the deadline set the Vietnamese
/// way (15/01/2025).
pub fn add_a_member_and_set_the_deadline(tmux: &Tmux) {
    open_row(tmux, 1);
    tmux.wait_for("Người dùng của Hội đồng");
    tmux.keys(&["a"]);
    tmux.wait_for("Tên đăng nhập");
    fill(tmux, &["tv-moi", "member", "so-noi-vu", "", "Nguyễn Văn Mới"]);
    tmux.keys(&["C-s"]);
    let key = tmux.wait_for("restrict,pty ssh-ed25519");
    assert!(key.contains("--user tv-moi"), "{key}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("tv-moi");
    // Back on the desk before the next key: an Escape followed at once by `g` reads as Alt-g (over ssh, under load).
    tmux.keys(&["Escape"]);
    tmux.wait_for("Nhập tệp từ thư mục /nhap");

    open_row(tmux, 2);
    tmux.wait_for("Hiện nay: hạn nộp");
    tmux.type_text("15/01/2025");
    tmux.keys(&["C-s"]);
    tmux.wait_for("hạn nộp 15/01/2025");
}

/// snv's self-assessment made whole (as the unit would have sent it, into the round at `db`), then its paper copy
/// recorded on the desk and the submission reopened with a reason.
pub fn record_and_reopen_a_submission(tmux: &Tmux, db: &str, dir: &Path) {
    let rest = super::fill_self_assessment(dir, "snv");
    super::thamdinh(&["import", "scores", "--db", db, &rest.display().to_string()]);
    open_row(tmux, 3);
    tmux.wait_for("Ngày nhận hồ sơ");
    fill(tmux, &["snv", "10/01/2025", "08/01/2025", "12/BB-SNV"]);
    tmux.keys(&["C-s"]);
    tmux.wait_for("Đã ghi nhận hồ sơ giấy của snv");

    open_row(tmux, 4);
    tmux.wait_for("Lý do mở lại");
    fill(tmux, &["snv", "Thiếu biên bản họp"]);
    tmux.keys(&["C-s"]);
    tmux.wait_for("Đã mở lại bản tự đánh giá của snv");
}

/// The walk both tests take: the import, the member and the deadline, the submission recorded and reopened.
pub fn walk(tmux: &Tmux, db: &str, dir: &Path) {
    import_units_from_the_inbox(tmux);
    add_a_member_and_set_the_deadline(tmux);
    record_and_reopen_a_submission(tmux, db, dir);
}

/// What the walk left in the round at `db`: the 8 units, the member, snv's submission reopened.
pub fn assert_walked(db: &str) {
    let store = thamdinh::store::Store::open(Path::new(db)).unwrap();
    assert_eq!(store.load_round().unwrap().units.len(), 8);
    assert!(store.user("tv-moi").unwrap().is_some());
    assert!(store.submission_of(&"snv".into()).unwrap().is_none(), "reopened");
}
