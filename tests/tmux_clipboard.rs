//! Issue 24, "a key names the exact path to fetch it with (and copies it to the clipboard through the terminal,
//! OSC 52)", tried in a real terminal: tmux with `set-clipboard on` keeps what a program copies through OSC 52 in
//! its paste buffers, as Windows Terminal, iTerm2 or kitty put it on the person's clipboard. F6 in the member's form,
//! `y` in a unit's file and Enter on another file of the Paths list each leave the command the status line shows.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;

use std::path::Path;
use std::time::{Duration, Instant};
use thamdinh::store::Store;
use tools::{Tmux, thamdinh};

const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");
/// What the status line says before the command it copied.
const COPIED: &str = "Đã sao chép vào bộ nhớ tạm (nếu terminal cho phép): ";

/// The demo round with two PDFs sent by unit snv for component II.4 (appraised by Sở Nội vụ).
fn demo_with_files(dir: &Path) -> String {
    let db = dir.join("demo.db").display().to_string();
    thamdinh(&["demo", "--db", &db]);
    let mut store = Store::open(Path::new(&db)).unwrap();
    store.sign_in("dau-moi-snv").unwrap();
    for name in ["bao-cao.pdf", "ke-hoach.pdf"] {
        let upload = dir.join("upload.part");
        std::fs::write(&upload, b"%PDF-1.4\n2 0 obj << /Type /Pages /Count 1 >> endobj\n%%EOF\n").unwrap();
        store.accept_upload(&"snv".into(), "II.4", name, &upload, None).unwrap();
    }
    db
}

/// The program in tmux as `user`, outside any SSH session (the command then names the server `MÁY-CHỦ`), with
/// tmux taking OSC 52 into its paste buffers.
fn open_as(db: &str, user: &str, socket: &str) -> Tmux {
    let tmux = Tmux::new(socket, "c");
    tmux.open(120, 40, &format!("env -u SSH_CONNECTION {BIN} --db {db} --user {user}"));
    tmux.run(&["set-option", "-g", "set-clipboard", "on"]);
    tmux
}

/// The command the status line says it copied.
fn shown_copy(tmux: &Tmux) -> String {
    let screen = tmux.wait_for(COPIED);
    let line = screen.lines().find(|line| line.contains(COPIED)).unwrap();
    line.split(COPIED).nth(1).unwrap().trim_end().to_string()
}

/// The newest paste buffer, waiting a little for it (tmux reads the pane's output on its own time).
fn clipboard(tmux: &Tmux, expected: &str) -> String {
    let start = Instant::now();
    loop {
        let buffer = tmux.run(&["show-buffer"]);
        if buffer == expected || start.elapsed() > Duration::from_secs(5) {
            return buffer;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn f6_y_and_the_paths_list_put_the_shown_command_on_the_terminals_clipboard() {
    if !tools::available("tmux", "-V", "tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = demo_with_files(dir.path());

    // The member's form: F6 copies the selected file's command and opens the list of paths.
    let member = open_as(&db, "tv-so-noi-vu", &format!("clip-member-{}", std::process::id()));
    member.wait_for("Hàng chờ thẩm định");
    member.keys(&["/"]);
    member.type_text("snv II.4");
    member.keys(&["Enter"]);
    std::thread::sleep(Duration::from_millis(300));
    member.keys(&["Enter"]);
    member.wait_for("tải về: /snv/II.4/");
    assert_eq!(member.run(&["list-buffers"]), "", "nothing copied yet");
    member.keys(&["F6"]);
    let first = shown_copy(&member);
    assert!(first.starts_with("scp thamdinh@MÁY-CHỦ:/snv/II.4/") && first.ends_with(".pdf ."), "{first}");
    assert_eq!(clipboard(&member, &first), first, "the form's F6 reached tmux's clipboard");

    // The paths list: the other file, Enter.
    member.keys(&["j"]);
    std::thread::sleep(Duration::from_millis(200));
    member.keys(&["Enter"]);
    let start = Instant::now();
    let second = loop {
        let shown = shown_copy(&member);
        if shown != first || start.elapsed() > Duration::from_secs(5) {
            break shown;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_ne!(second, first, "the list copies the file chosen in it");
    assert!(second.starts_with("scp thamdinh@MÁY-CHỦ:/snv/II.4/"), "{second}");
    assert_eq!(clipboard(&member, &second), second, "the list's Enter reached tmux's clipboard");
    assert_eq!(member.run(&["list-buffers"]).lines().count(), 2, "one copy per key");

    // The secretary's view of the unit's file: `y` on the component.
    let secretary = open_as(&db, "thu-ky", &format!("clip-secretary-{}", std::process::id()));
    secretary.wait_for("Xếp hạng");
    secretary.keys(&["/"]);
    secretary.type_text("snv");
    secretary.keys(&["Enter"]);
    std::thread::sleep(Duration::from_millis(300));
    secretary.keys(&["Enter"]);
    secretary.wait_for("Hồ sơ đơn vị snv");
    for _ in 0..40 {
        if secretary.screen().contains("— II.4 ·") {
            break;
        }
        secretary.keys(&["j"]);
        std::thread::sleep(Duration::from_millis(150));
    }
    secretary.wait_for("— II.4 ·");
    secretary.keys(&["y"]);
    let copied = shown_copy(&secretary);
    assert!(copied.starts_with("scp thamdinh@MÁY-CHỦ:/snv/II.4/"), "{copied}");
    assert_eq!(clipboard(&secretary, &copied), copied, "the unit's file's y reached tmux's clipboard");
}
