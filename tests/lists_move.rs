//! Lists that move as lazygit's (issue 15.4): the mouse, new comments flagged in the queue, a comment sent
//! moving on to the next item.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

mod tui_support;

use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use std::time::{Duration, Instant};
use thamdinh::store::Store;
use thamdinh::tui::app::{Action, App, Pane, Screen};
use thamdinh::tui::dispatch;
use tui_support::{app_as, fixture_store, press, screen};

fn mouse(kind: MouseEventKind, row: u16, at: Instant) -> Action {
    Action::Mouse(MouseEvent { kind, column: 10, row, modifiers: KeyModifiers::NONE }, at)
}

/// The screen line a text is drawn on.
fn line_of(app: &App, text: &str) -> u16 {
    let shown = screen(app, 80, 24);
    let line = shown.lines().position(|line| line.contains(text)).unwrap_or_else(|| panic!("{text} in\n{shown}"));
    u16::try_from(line).unwrap()
}

#[test]
fn a_click_selects_and_a_double_click_opens_the_unit() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    assert_eq!(app.browse.pane, Pane::Ranking);
    let line = line_of(&app, "Sở Xây dựng");
    let start = Instant::now();
    dispatch(&mut app, &mut store, mouse(MouseEventKind::Down(MouseButton::Left), line, start));
    assert_eq!(app.selected_ranked_unit().as_deref(), Some("sxd"), "a click selects the row under the pointer");
    assert!(matches!(app.screen, Screen::Browse { .. }), "one click only selects");
    let later = start + Duration::from_millis(200);
    dispatch(&mut app, &mut store, mouse(MouseEventKind::Down(MouseButton::Left), line, later));
    assert_eq!(app.unit_view().map(|v| v.unit.as_str()), Some("sxd"), "a double click opens the unit's file");
}

#[test]
fn two_slow_clicks_do_not_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    let line = line_of(&app, "Sở Xây dựng");
    let start = Instant::now();
    dispatch(&mut app, &mut store, mouse(MouseEventKind::Down(MouseButton::Left), line, start));
    let _ = screen(&app, 80, 24);
    let slow = start + Duration::from_secs(2);
    dispatch(&mut app, &mut store, mouse(MouseEventKind::Down(MouseButton::Left), line, slow));
    assert!(app.unit_view().is_none());
}

#[test]
fn the_wheel_scrolls_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    press(&mut app, &mut store, "<Tab>");
    assert_eq!(app.browse.pane, Pane::Progress);
    let now = Instant::now();
    dispatch(&mut app, &mut store, mouse(MouseEventKind::ScrollDown, 10, now));
    assert_eq!(app.browse.progress_selected, 3, "a notch moves three rows");
    dispatch(&mut app, &mut store, mouse(MouseEventKind::ScrollUp, 10, now));
    assert_eq!(app.browse.progress_selected, 0);
}

#[test]
fn a_new_comment_is_flagged_until_the_item_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut lead = app_as(&mut store, "tv-so-noi-vu");
    assert!(!lead.has_new_comment(&"sxd".into(), "V.5"));
    // Another session: Sở TT&TT comments on V.5, which Sở Nội vụ leads.
    let mut other = Store::open(&dir.path().join("round.db")).unwrap();
    other.sign_in("tv-so-tttt").unwrap();
    other.add_comment(&"sxd".into(), "V.5", "Chưa cập nhật cổng dịch vụ công").unwrap();
    dispatch(&mut lead, &mut store, Action::ExternalChange);
    assert!(lead.has_new_comment(&"sxd".into(), "V.5"), "the lead agency's item is flagged");
    press(&mut lead, &mut store, "/sxd V.5<Enter>");
    let shown = screen(&lead, 80, 24);
    assert!(shown.contains("góp ý mới"), "the queue shows the flag:\n{shown}");
    press(&mut lead, &mut store, "<Enter>");
    assert!(lead.form().is_some());
    press(&mut lead, &mut store, "<Esc>");
    assert!(!lead.has_new_comment(&"sxd".into(), "V.5"), "opened: no longer new");
}

#[test]
fn a_comment_sent_moves_to_the_next_item() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-tttt");
    press(&mut app, &mut store, "<Enter>");
    let first = app.comment_form().map(|f| f.unit.clone()).expect("the comment form");
    press(&mut app, &mut store, "Cần bổ sung tài liệu<C-s>");
    let next = app.comment_form().map(|f| f.unit.clone()).expect("the next item's comment form");
    assert_ne!(first, next, "sent, and on to the next unit's item");
}

#[test]
fn the_queue_shows_a_long_unit_code_whole_in_a_narrow_pane() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = tui_support::demo_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    press(&mut app, &mut store, "/bqlda-dan-dung<Enter>");
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("bqlda-dan-dung "), "the whole code, not bqlda-dan-du: {shown}");
}
