//! A unit's focal person in a real terminal (issue 16): three self-scores with explanations and one document,
//! the submission; the member's queue then holds the unit; after approval a unit reads its deductions.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

use std::path::Path;
use std::time::Duration;
use tools::{Tmux, thamdinh};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");
const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");

fn open_as(db: &str, user: &str, socket: &str) -> Tmux {
    let tmux = Tmux::new(socket, "u");
    tmux.open(120, 40, &format!("{BIN} --db {db} --user {user}"));
    tmux
}

/// One component: Enter, the score, Tab, the explanation, Ctrl-S; the form stays on it.
fn self_assess(tmux: &Tmux, score: &str, explanation: &str) {
    tmux.keys(&["Enter"]);
    tmux.wait_for("Điểm tự đánh giá");
    tmux.type_text(score);
    tmux.keys(&["Tab"]);
    tmux.type_text(explanation);
    tmux.keys(&["C-s"]);
    tmux.wait_for("Đã lưu tự đánh giá");
}

#[test]
fn a_unit_self_assesses_and_submits_in_a_real_terminal() {
    if !tools::available("tmux", "-V", "tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db").display().to_string();
    thamdinh(&["init", "--db", &db, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    thamdinh(&["import", "units", "--db", &db, &Path::new(FIXTURES).join("units.csv").display().to_string()]);
    thamdinh(&["user", "add", "--db", &db, "tv-so-noi-vu", "--role", "member", "--agency", "so-noi-vu"]);
    thamdinh(&["user", "add", "--db", &db, "dau-moi-snv", "--role", "unit", "--unit", "snv"]);

    let unit = open_as(&db, "dau-moi-snv", &format!("units-{}", std::process::id()));
    unit.wait_for("Chưa nộp");
    self_assess(&unit, "1", "Đã ban hành kế hoạch cải cách hành chính");
    unit.keys(&["Tab"]);
    unit.type_text("12/KH-SNV");
    unit.keys(&["Tab"]);
    unit.type_text("2024-02-01");
    unit.keys(&["Tab"]);
    unit.type_text("Kế hoạch cải cách hành chính năm 2024");
    unit.keys(&["C-a"]);
    unit.wait_for("Đã thêm tài liệu");
    unit.wait_for("12/KH-SNV");
    for explanation in ["Giải trình thứ hai", "Giải trình thứ ba"] {
        unit.keys(&["Escape"]);
        std::thread::sleep(Duration::from_millis(300));
        unit.keys(&["j"]);
        self_assess(&unit, "1", explanation);
    }
    unit.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    unit.wait_for("tự đánh giá 3/");
    unit.keys(&["p"]);
    unit.wait_for("Nộp bản tự đánh giá cho Hội đồng");
    unit.type_text("2024-11-20");
    unit.keys(&["Tab"]);
    unit.type_text("05/BB-SNV");
    unit.keys(&["Enter"]);
    // Issue 22 item 9: three components scored of the unit's framework: refused on the form.
    unit.wait_for("chưa nộp được");
    let rest = tools::fill_self_assessment(dir.path(), "snv");
    thamdinh(&["import", "scores", "--db", &db, &rest.display().to_string()]);
    unit.keys(&["Enter"]);
    unit.wait_for("Đã nộp bản tự đánh giá");
    unit.wait_for("chỉ xem");
    drop(unit);

    let member = open_as(&db, "tv-so-noi-vu", &format!("member-{}", std::process::id()));
    let queue = member.wait_for("Hàng chờ thẩm định");
    let queue = if queue.contains("snv") { queue } else { member.wait_for("snv") };
    assert!(!queue.contains("stp"), "units that have not submitted wait outside the queue:\n{queue}");
}

#[test]
fn after_approval_a_unit_reads_its_deductions_in_a_real_terminal() {
    if !tools::available("tmux", "-V", "tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db").display().to_string();
    tools::fixture_round(&db);
    thamdinh(&["user", "add", "--db", &db, "dau-moi-dai-tu", "--role", "unit", "--unit", "h-dai-tu"]);
    let unit = open_as(&db, "dau-moi-dai-tu", &format!("result-{}", std::process::id()));
    unit.wait_for("Tự đánh giá");
    unit.keys(&["2"]);
    unit.wait_for("Kết quả được công bố sau khi");
    thamdinh(&["approve", "--db", &db, "--bloc", "huyen"]);
    // The interface follows the approval by itself (another process wrote).
    let screen = unit.wait_for("Tiêu chí bị trừ điểm");
    assert!(screen.contains("Kết quả (đã phê duyệt)"), "{screen}");
}
