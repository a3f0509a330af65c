//! A 40×12 terminal for every role of the demo: the size notice, never a panic or a screen cut without a sign; keys
//! act on nothing unseen while it shows; a window shrunk over an open form and grown back finds the form as it was.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

use std::time::Duration;
use tools::{Tmux, thamdinh};

const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");

#[test]
fn every_role_of_the_demo_at_40_by_12_sees_the_size_notice_and_acts_on_nothing_unseen() {
    if !tools::available("tmux", "-V", "tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db").display().to_string();
    thamdinh(&["demo", "--db", &db]);
    let roles = ["thu-ky", "chu-tich", "tv-so-noi-vu", "tgv-so-noi-vu", "lanh-dao-1", "dau-moi-snv"];
    for user in roles {
        let tmux = Tmux::new(&format!("small-{user}-{}", std::process::id()), "s");
        tmux.open(40, 12, &format!("{BIN} --db {db} --user {user}; echo THOAT=$?; sleep 30"));
        let screen = tmux.wait_for("Cửa sổ quá nhỏ");
        assert!(screen.contains("80×24") && screen.contains("40×12"), "{user}: {screen}");
        assert!(screen.contains("DỮ LIỆU MINH HỌA"), "{user}: the demo marker stays: {screen}");
        // Laid at its phrases' ends: no phrase cut across two lines.
        for line in ["Cửa sổ quá nhỏ: cần ít nhất 80×24", "hiện 40×12 — hãy phóng to cửa sổ;", "q để thoát"]
        {
            assert!(screen.lines().any(|shown| shown.trim_end() == line), "{user}: {line}: {screen}");
        }
        // Keys that would open, move or type do nothing unseen; q quits cleanly.
        tmux.keys(&["Enter", "j", "Tab", "x", "4"]);
        std::thread::sleep(Duration::from_millis(300));
        assert!(tmux.screen().contains("Cửa sổ quá nhỏ"), "{user}: {}", tmux.screen());
        tmux.keys(&["q"]);
        let screen = tmux.wait_for("THOAT=");
        assert!(screen.contains("THOAT=0"), "{user} quit without a panic: {screen}");
    }

    // The member's form, shrunk to 40×12 and grown back: the keys pressed meanwhile did nothing.
    let tmux = Tmux::new(&format!("small-form-{}", std::process::id()), "s");
    tmux.open(120, 40, &format!("{BIN} --db {db} --user tv-so-noi-vu; echo THOAT=$?; sleep 30"));
    tmux.wait_for("Hàng chờ thẩm định");
    tmux.keys(&["Enter"]);
    let form = tmux.wait_for("Điểm thẩm định:");
    let title = form.lines().find(|line| line.contains("Phiếu thẩm định —")).unwrap().to_string();
    tmux.run(&["resize-window", "-t", "s", "-x", "40", "-y", "12"]);
    tmux.wait_for("Cửa sổ quá nhỏ");
    tmux.keys(&["Escape", "j", "Enter", "7"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.run(&["resize-window", "-t", "s", "-x", "120", "-y", "40"]);
    // The form's last field: the whole frame is drawn (the title alone may be caught mid-draw).
    let back = tmux.wait_for("Điểm thẩm định:");
    assert!(back.contains(title.trim()), "the same form: {back}");
    assert!(back.contains("Điểm thẩm định:") && !back.contains("Điểm thẩm định: 7"), "nothing typed: {back}");
    assert!(tmux.alive());
}
