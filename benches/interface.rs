//! The interface at national scale (10 000 units, about 400 000 component scores) and at the real size:
//! opening the database to the first frame, one keystroke, and drawing each screen into a 160×48 `TestBackend`.
//! Run with `cargo bench --bench interface`; BENCHMARKS.md records the figures.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use std::sync::LazyLock;
use thamdinh::store::Store;
use thamdinh::tui::app::{Action, App};
use thamdinh::tui::{dispatch, snapshot, view};

fn main() {
    divan::main();
}

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn fixture(units: Option<usize>) -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    thamdinh::demo::create(&path, "thai-nguyen-2024", 2024, units, 1).expect("demo round");
    Fixture { path, _dir: dir }
}

static REAL: LazyLock<Fixture> = LazyLock::new(|| fixture(None));
static NATIONAL: LazyLock<Fixture> = LazyLock::new(|| fixture(Some(10_000)));

/// Opens the round as a user, as `thamdinh --db PATH --user NAME` does, without drawing.
fn open(fixture: &Fixture, user: &str) -> (Store, App) {
    let mut store = Store::open(&fixture.path).expect("open");
    store.sign_in(user).expect("user");
    let app =
        App::new(store.regulation().clone(), snapshot(&store).expect("snapshot"), false, Some(store.actor().clone()));
    (store, app)
}

fn draw(app: &App) -> usize {
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    terminal.draw(|frame| view::draw(frame, app)).expect("draw");
    terminal.backend().buffer().content.len()
}

fn key(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// From nothing to the first frame on screen: open, read the round, evaluate, build the user's views, draw;
/// for the secretary (the ranking) and a member (a queue of a quarter of a million items at national scale).
#[divan::bench(args = [("real", "thu-ky"), ("real", "tv-so-noi-vu"), ("national", "thu-ky"), ("national", "tv-so-noi-vu")], sample_count = 10)]
fn open_and_first_frame((size, user): (&str, &str)) -> usize {
    let fixture = if size == "real" { &*REAL } else { &*NATIONAL };
    let (_store, app) = open(fixture, user);
    draw(&app)
}

/// One keystroke (move down) in each role's first pane, answered and drawn, with the effects it asks for run
/// against the store (reaching a unit not shown before reads its explanations and documents).
#[divan::bench(args = [("real", "tv-so-noi-vu"), ("real", "thu-ky"), ("national", "tv-so-noi-vu"), ("national", "thu-ky")], sample_count = 20)]
fn keystroke_and_frame(bencher: divan::Bencher, (size, user): (&str, &str)) {
    let fixture = if size == "real" { &*REAL } else { &*NATIONAL };
    let (mut store, mut app) = open(fixture, user);
    bencher.bench_local(|| {
        dispatch(&mut app, &mut store, key('j'));
        draw(&app)
    });
}

/// Drawing each screen once (no state change) at 160×48.
/// The deciders' screens: a unit's file (and its chart), the tie being ordered, the approval prompt, the charts.
#[divan::bench(
    args = ["queue", "form", "ranking", "progress", "ties", "unit", "unit_chart", "tie_order", "approval", "charts"],
    sample_count = 20
)]
fn draw_screen_national(bencher: divan::Bencher, screen: &str) {
    let user = if screen == "queue" || screen == "form" { "tv-so-noi-vu" } else { "chu-tich" };
    let (mut store, mut app) = open(&NATIONAL, user);
    let keys: &[char] = match screen {
        "form" => &['\n'],
        "progress" => &['2'],
        "ties" => &['3'],
        "unit" => &['\n', 'j', 'j', 'j'],
        "unit_chart" => &['\n', 'c'],
        "tie_order" => &['3', '\n'],
        "approval" => &['a'],
        "charts" => &['4'],
        _ => &[],
    };
    for c in keys {
        let action = if *c == '\n' { Action::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)) } else { key(*c) };
        // The unit's file asks for its documents: run the effects, as the interface does.
        dispatch(&mut app, &mut store, action);
    }
    bencher.bench_local(|| draw(&app));
}
