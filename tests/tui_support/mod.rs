//! Shared helpers for the interface tests: rounds on disk, key presses, and the screen as text.
#![allow(dead_code)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use thamdinh::store::Store;
use thamdinh::tui::app::{Action, App};
use thamdinh::tui::{dispatch, snapshot, view};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");

/// The Thái Nguyên fixture round of the CLI tests, imported through the store.
pub fn fixture_store(dir: &Path) -> Store {
    let mut store = Store::init(&dir.join("round.db"), "thai-nguyen-2024", 2024).expect("init");
    store.import_units(&Path::new(FIXTURES).join("units.csv")).expect("units");
    store.import_scores(&Path::new(FIXTURES).join("scores.csv")).expect("scores");
    store.import_facts(&Path::new(FIXTURES).join("facts.csv")).expect("facts");
    store.import_grades(&Path::new(FIXTURES).join("grades.csv")).expect("grades");
    store.import_evidence(&Path::new(FIXTURES).join("evidence.csv")).expect("evidence");
    thamdinh::demo::add_demo_users(&mut store).expect("users");
    store
}

pub fn demo_store(dir: &Path) -> Store {
    thamdinh::demo::ensure_demo(&dir.join("demo.db")).expect("demo")
}

/// The interface on the start-up picker (as the demo opens).
pub fn app_for(store: &Store, demo: bool) -> App {
    App::new(store.regulation().clone(), snapshot(store).expect("snapshot"), demo, None)
}

/// The interface as `--user NAME` opens it: the store writes as that user.
pub fn app_as(store: &mut Store, user: &str) -> App {
    store.sign_in(user).expect("a user of the fixture");
    App::new(store.regulation().clone(), snapshot(store).expect("snapshot"), false, Some(store.actor().clone()))
}

pub fn key(code: KeyCode) -> Action {
    Action::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ctrl(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Presses keys written as in tmux: single characters, or names in angle brackets (`<Enter>`, `<Tab>`, `<Esc>`, `<C-s>`).
pub fn press(app: &mut App, store: &mut Store, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (action, used) = if c == '<' {
            let end = rest.find('>').expect("closing >");
            let name = &rest[1..end];
            let action = match name {
                "Enter" => key(KeyCode::Enter),
                "Tab" => key(KeyCode::Tab),
                "Esc" => key(KeyCode::Esc),
                "Down" => key(KeyCode::Down),
                "Up" => key(KeyCode::Up),
                "Right" => key(KeyCode::Right),
                "BS" => key(KeyCode::Backspace),
                "C-s" => ctrl('s'),
                "C-d" => ctrl('d'),
                "F2" => key(KeyCode::F(2)),
                "F3" => key(KeyCode::F(3)),
                other => panic!("unknown key {other}"),
            };
            (action, end + 1)
        } else {
            (key(KeyCode::Char(c)), c.len_utf8())
        };
        dispatch(app, store, action);
        rest = &rest[used..];
    }
}

/// Draws the app at a size and returns the screen as plain lines.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| view::draw(frame, app)).expect("draw");
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        let line: String = (0..width).map(|x| buffer[(x, y)].symbol().to_string()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Presses Ctrl and a key.
pub fn dispatch_ctrl(app: &mut App, store: &mut Store, c: char) {
    dispatch(app, store, ctrl(c));
}
