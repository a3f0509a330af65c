//! The real binary in a real terminal (tmux): open as a user, watch the ranking move when another process writes, quit.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use tools::{Tmux, thamdinh};

const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");

#[test]
fn the_secretary_watches_the_ranking_move_in_a_real_terminal() {
    if !tools::available("tmux", "-V", "tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db").display().to_string();
    tools::fixture_round(&db);
    thamdinh(&["user", "add", "--db", &db, "thu-ky", "--role", "secretary", "--full-name", "Trần Thị B"]);
    let tmux = Tmux::new(&format!("thamdinh-e2e-{}", std::process::id()), "e2e");
    // A real round refuses to open without --user (the picker is the demo's), and opens as the named user.
    let refused = Command::new(BIN)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["--db", &db])
        .output()
        .expect("thamdinh");
    assert!(!refused.status.success() && String::from_utf8_lossy(&refused.stderr).contains("--user NAME"));
    let command = format!("{BIN} --db {db} --user thu-ky");
    tmux.open(100, 30, &command);
    let screen = tmux.wait_for("1 Xếp hạng");
    assert!(
        screen.contains("Trần Thị B — Thư ký") && !screen.contains("(thu-ky)"),
        "by full name, not login: {screen}"
    );
    assert!(screen.contains("Khối các sở, ban, ngành"), "{screen}");
    assert!(screen.contains("Chờ Chủ tịch"), "{screen}");
    assert!(screen.lines().any(|l| l.contains("snv") && l.contains("100,00")), "{screen}");

    // Another process (a member's session) writes: the open ranking follows within a second.
    let file = dir.path().join("live.csv");
    std::fs::write(&file, "unit,criterion,self_score,appraised_score,reason\nsnv,V.5,12,2,Không triển khai\n").unwrap();
    thamdinh(&["import", "scores", "--db", &db, &file.display().to_string()]);
    let screen = tmux.wait_for("90,00");
    assert!(screen.lines().any(|l| l.contains("snv") && l.contains("90,00")), "{screen}");
    assert!(!screen.contains("Chờ Chủ tịch"), "the tie is broken by the new score:\n{screen}");

    tmux.keys(&["?"]);
    tmux.wait_for("Phím tắt");
    // Separate sends: ESC followed at once by q would read as Alt-q.
    tmux.keys(&["Escape"]);
    let start = Instant::now();
    while tmux.screen().contains("Phím tắt") {
        assert!(start.elapsed() < Duration::from_secs(10), "Esc did not close the help");
        std::thread::sleep(Duration::from_millis(100));
    }
    tmux.keys(&["q"]);
    let start = Instant::now();
    while tmux.alive() {
        assert!(start.elapsed() < Duration::from_secs(10), "q did not quit:\n{}", tmux.screen());
        std::thread::sleep(Duration::from_millis(100));
    }

    // SIGTERM ends the program too, even while it waits for a key, and leaves no process behind.
    tmux.open(100, 30, &command);
    tmux.wait_for("1 Xếp hạng");
    let pid = tmux.run(&["list-panes", "-t", "e2e", "-F", "#{pane_pid}"]).trim().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let start = Instant::now();
    while tmux.alive() {
        assert!(start.elapsed() < Duration::from_secs(10), "SIGTERM did not end the program:\n{}", tmux.screen());
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The fixture round with a secretary and a chairman, in a private tmux server.
fn deciders_round(dir: &Path, name: &str) -> Option<(String, Tmux)> {
    if !tools::available("tmux", "-V", "tmux") {
        return None;
    }
    let db = dir.join("round.db").display().to_string();
    tools::fixture_round(&db);
    thamdinh(&["user", "add", "--db", &db, "thu-ky", "--role", "secretary", "--full-name", "Trần Thị B"]);
    thamdinh(&["user", "add", "--db", &db, "chu-tich", "--role", "chairman", "--full-name", "Nguyễn Văn A"]);
    let tmux = Tmux::new(&format!("thamdinh-e2e-{name}-{}", std::process::id()), "e2e");
    Some((db, tmux))
}

/// Waits a moment for keys to be read (ESC followed at once by another key would read as Alt-key).
fn settle() {
    std::thread::sleep(Duration::from_millis(250));
}

#[test]
fn the_deciders_read_a_units_file_and_approval_asks_first_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let Some((db, tmux)) = deciders_round(dir.path(), "deciders") else { return };
    let command = format!("{BIN} --db {db} --user thu-ky");
    tmux.open(120, 40, &command);
    tmux.wait_for("1 Xếp hạng");
    // Enter on syt in the ranking: its file, with its components and the council's deduction reasons.
    tmux.keys(&["/", "syt", "Enter"]);
    settle();
    tmux.keys(&["Enter"]);
    tmux.wait_for("Hồ sơ đơn vị syt");
    for _ in 0..7 {
        tmux.keys(&["j"]);
    }
    let screen = tmux.wait_for("Lý do trừ điểm: Còn đơn thư tồn đọng");
    assert!(screen.contains("II.3 Thực hiện tiếp công dân"), "{screen}");
    tmux.keys(&["q"]);
    settle();
    tmux.keys(&["q"]);
    let start = Instant::now();
    while tmux.alive() {
        assert!(start.elapsed() < Duration::from_secs(10), "q did not quit:\n{}", tmux.screen());
        std::thread::sleep(Duration::from_millis(100));
    }

    // The chairman: one `a` on a complete bloc asks, and nothing is approved until y and Enter.
    let command = format!("{BIN} --db {db} --user chu-tich");
    tmux.open(120, 40, &command);
    tmux.wait_for("1 Xếp hạng");
    tmux.keys(&["l"]);
    tmux.wait_for("Khối Ủy ban nhân dân");
    tmux.keys(&["a"]);
    tmux.wait_for("Gõ y rồi Enter");
    settle();
    let audit = || {
        let out = Command::new(BIN)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .args(["audit", "log", "--db", &db])
            .output()
            .expect("audit");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(!audit().contains("Phê duyệt khối"), "nothing is approved before the confirmation:\n{}", audit());
    tmux.keys(&["y"]);
    settle();
    tmux.keys(&["Enter"]);
    tmux.wait_for("ĐÃ PHÊ DUYỆT");
    assert!(audit().contains("Phê duyệt khối"), "{}", audit());
}

#[test]
fn a_small_terminal_shows_the_size_notice() {
    let dir = tempfile::tempdir().unwrap();
    let Some((db, tmux)) = deciders_round(dir.path(), "small") else { return };
    let command = format!("{BIN} --db {db} --user thu-ky");
    tmux.open(40, 12, &command);
    let screen = tmux.wait_for("Cửa sổ quá nhỏ");
    assert!(screen.contains("80×24"), "{screen}");
    assert!(!screen.contains("Xếp hạng"), "no broken screen: {screen}");
}
