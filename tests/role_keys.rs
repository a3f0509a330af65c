//! The keymap is role-aware: the help and the hint bar list only the keys that act for this user here, and a
//! key that does not act says why in one line (issue 14); the member's queue moves as issue 15 asks.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

mod tui_support;

use thamdinh::messages::{Lang, store_error};
use thamdinh::tui::app::{ApprovalPrompt, Pane, Screen};
use thamdinh::tui::keymap::{BINDINGS, Command, Context};
use tui_support::{app_as, ctrl, fixture_store, press, screen};

fn message(app: &thamdinh::tui::app::App) -> String {
    app.message.as_ref().map(|(text, _)| text.clone()).unwrap_or_default()
}

#[test]
fn the_secretary_is_told_who_approves_and_nothing_opens() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    press(&mut app, &mut store, "a");
    assert!(matches!(app.screen, Screen::Browse { .. }), "no approval prompt for the secretary");
    // The store's own refusal, word for word (the interface once kept a shorter copy of its own).
    let store_says = store_error(&store.approve_bloc(&"so-nganh".into()).unwrap_err(), Lang::Vi);
    assert_eq!(message(&app), store_says);
    assert!(store_says.contains("chỉ Chủ tịch Hội đồng"), "{store_says}");
    press(&mut app, &mut store, "o");
    assert!(
        message(&app).contains("không được điều chỉnh xếp loại tiêu chí: chỉ Chủ tịch Hội đồng"),
        "{}",
        message(&app)
    );
    let acting: Vec<Command> = app.acting(Context::List).map(|b| b.command).collect();
    assert!(acting.contains(&Command::EditFacts) && !acting.contains(&Command::Approve), "{acting:?}");
}

#[test]
fn the_chairman_sees_and_uses_his_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "chu-tich");
    let acting: Vec<Command> = app.acting(Context::List).map(|b| b.command).collect();
    assert!(acting.contains(&Command::Approve) && acting.contains(&Command::OverrideGrade), "{acting:?}");
    press(&mut app, &mut store, "?");
    let help = screen(&app, 160, 48);
    assert!(help.contains("Phê duyệt kết quả của khối"), "{help}");
    press(&mut app, &mut store, "<Esc>a");
    assert!(app.approval().is_some(), "a opens the approval prompt on the ranking");
}

#[test]
fn a_key_of_another_pane_names_the_pane() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "chu-tich");
    press(&mut app, &mut store, "4");
    assert_eq!(app.browse.pane, Pane::Charts);
    press(&mut app, &mut store, "a");
    assert_eq!(message(&app), "Phím a dùng ở khung Xếp hạng");
    assert!(app.approval().is_none());
    press(&mut app, &mut store, "/");
    assert_eq!(message(&app), "Phím / dùng ở khung Xếp hạng");
    assert!(!app.filtering());
}

#[test]
fn a_member_has_no_pane_keys_and_no_exports() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    let hints = screen(&app, 160, 48);
    let hint_bar = hints.lines().rev().find(|line| !line.trim().is_empty()).unwrap();
    assert!(!hint_bar.contains("Khung sau"), "one pane: no Tab hint: {hint_bar}");
    press(&mut app, &mut store, "x");
    assert!(message(&app).contains("chỉ Thư ký hoặc Chủ tịch Hội đồng xuất giấy tờ"), "{}", message(&app));
    press(&mut app, &mut store, "2");
    assert_eq!(message(&app), "Không có khung 2");
}

#[test]
fn every_binding_that_acts_for_nobody_is_a_mistake() {
    // Each binding acts for at least one role somewhere: a condition no one meets is a dead key.
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    store.add_unit_user("dau-moi-snv", "", &"snv".into()).unwrap();
    let mut acted = vec![false; BINDINGS.len()];
    for user in ["tv-so-noi-vu", "thu-ky", "chu-tich", "dau-moi-snv"] {
        let mut app = app_as(&mut store, user);
        for pane in app.panes() {
            app.browse.pane = pane;
            for (index, binding) in BINDINGS.iter().enumerate() {
                acted[index] |= app.acts(binding).is_ok();
            }
        }
        // The approval prompt on a bloc nothing holds back.
        app.screen = Screen::Approval(ApprovalPrompt { bloc: "huyen".into(), typed: String::new(), blocker: None });
        for (index, binding) in BINDINGS.iter().enumerate() {
            acted[index] |= app.acts(binding).is_ok();
        }
    }
    // F4 (not applicable) acts under 453 only, which this Thái Nguyên round is not.
    let regulation_bound =
        |binding: &thamdinh::tui::keymap::Binding| binding.when == thamdinh::tui::keymap::When::NotApplicableAllowed;
    for (binding, acted) in BINDINGS.iter().zip(acted).filter(|(binding, _)| !regulation_bound(binding)) {
        assert!(acted, "{:?} {} acts for no one", binding.context, binding.label);
    }
}

#[test]
fn the_queue_opens_on_open_work_and_jumps() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    let selected = app.queue()[app.browse.queue_selected];
    assert!(app.waits_for_me(selected.status), "opens on an item still waiting: {selected:?}");
    let first_unit = selected.unit;
    press(&mut app, &mut store, "N");
    let next = app.queue()[app.browse.queue_selected];
    assert_ne!(next.unit, first_unit, "N goes to the next unit");
    assert_ne!(app.browse.queue_selected, 0);
    press(&mut app, &mut store, "gn");
    assert!(app.waits_for_me(app.queue()[app.browse.queue_selected].status), "n finds the next open item");
}

#[test]
fn ctrl_u_clears_the_filter_being_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    press(&mut app, &mut store, "/snv");
    assert_eq!(app.browse.filter, "snv");
    thamdinh::tui::dispatch(&mut app, &mut store, ctrl('u'));
    assert_eq!(app.browse.filter, "");
    assert!(app.filtering(), "still typing");
    press(&mut app, &mut store, "zzzz<Enter>");
    assert!(screen(&app, 80, 24).contains("không có mục nào khớp"));
}

#[test]
fn a_blocked_approval_offers_no_confirmation_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "chu-tich");
    press(&mut app, &mut store, "a");
    let blocker =
        app.approval().and_then(|prompt| prompt.blocker.clone()).expect("the fixture's first bloc is not ready");
    let shown = screen(&app, 160, 48);
    let hint_bar = shown.lines().rev().find(|line| !line.trim().is_empty()).unwrap();
    assert!(!hint_bar.contains("để phê duyệt"), "nothing to confirm: {hint_bar}");
    press(&mut app, &mut store, "y<Enter>");
    assert_eq!(message(&app), blocker, "Enter says why instead");
    assert!(store.approved_blocs().unwrap().is_empty());
}

/// The help's lines for the digit keys (`1` … `5`), as `?` shows them: the key, then what it opens. Read inside
/// the overlay's frame only (from its title's border down to its bottom border, at the border's column).
fn digit_lines(help: &str) -> Vec<String> {
    let lines: Vec<Vec<char>> = help.lines().map(|line| line.chars().collect()).collect();
    let top = lines.iter().position(|line| line.iter().collect::<String>().contains("Phím tắt — Esc để đóng")).unwrap();
    let left = lines[top].iter().position(|c| *c == '┌').unwrap();
    let right = left + lines[top][left..].iter().position(|c| *c == '┐').unwrap();
    lines[top + 1..]
        .iter()
        .take_while(|line| line.get(left) == Some(&'│'))
        .map(|line| line[left + 1..right].iter().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| line.len() > 2 && line.as_bytes()[0].is_ascii_digit() && line.as_bytes()[1] == b' ')
        .collect()
}

#[test]
fn the_help_names_each_pane_a_digit_opens_and_lists_no_digit_for_one_pane() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    store.add_unit_user("dau-moi-snv", "Đầu mối Sở Nội vụ", &"snv".into()).unwrap();
    // One pane (a member, an assistant, a leader): no digit key in the help, and a digit says why it does nothing.
    for user in ["tv-so-noi-vu", "tgv-so-noi-vu", "lanh-dao-1"] {
        let mut app = app_as(&mut store, user);
        press(&mut app, &mut store, "?");
        let help = screen(&app, 160, 48);
        assert_eq!(digit_lines(&help), Vec::<String>::new(), "{user}: {help}");
        assert!(!help.contains("Khung 1"), "{user}: {help}");
        press(&mut app, &mut store, "<Esc>1");
        assert_eq!(message(&app), "Chỉ có một khung, không có khung nào để chuyển", "{user}");
    }
    // Several panes: each digit names its pane as the tab does.
    let expected = [
        ("chu-tich", vec!["1 Xếp hạng", "2 Tiến độ", "3 Bằng điểm", "4 Biểu đồ", "5 Bàn làm việc"]),
        ("thu-ky", vec!["1 Xếp hạng", "2 Tiến độ", "3 Biểu đồ", "4 Bàn làm việc"]),
        ("dau-moi-snv", vec!["1 Tự đánh giá", "2 Kết quả"]),
    ];
    for (user, lines) in expected {
        let mut app = app_as(&mut store, user);
        let titles: Vec<String> =
            app.panes().iter().enumerate().map(|(i, pane)| format!("{} {}", i + 1, pane.title())).collect();
        assert_eq!(titles, lines, "{user}: the tabs' titles");
        press(&mut app, &mut store, "?");
        let help = screen(&app, 160, 60);
        assert_eq!(digit_lines(&help), lines, "{user}: {help}");
    }
}
