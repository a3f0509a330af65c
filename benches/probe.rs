//! Runs one benchmarked operation exactly once, so an instruction counter (callgrind) sees only it.
//! `probe gen-national DB` | `probe open DB USER` | `probe gen-import DIR` | `probe import DB CSV`, as
//! `target/release/deps/probe-*` (built by `cargo bench --bench probe --no-run`); under `cargo bench` it does nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a measuring tool: a failed unwrap is a failed run")]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use thamdinh::store::Store;
use thamdinh::tui::app::App;
use thamdinh::tui::{snapshot, view};

#[path = "tools/import_rows.rs"]
mod import_rows;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map_or("", String::as_str) {
        "gen-national" => {
            thamdinh::demo::create(Path::new(&args[2]), "thai-nguyen-2024", 2024, Some(10_000), 1).expect("demo");
        }
        "open" => {
            let mut store = Store::open(Path::new(&args[2])).expect("open");
            store.sign_in(&args[3]).expect("user");
            let app = App::new(
                store.regulation().clone(),
                snapshot(&store).expect("snapshot"),
                false,
                Some(store.actor().clone()),
            );
            let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
            terminal.draw(|frame| view::draw(frame, &app)).expect("draw");
            println!("{}", terminal.backend().buffer().content.len());
        }
        "gen-import" => {
            let dir = Path::new(&args[2]);
            let store =
                thamdinh::demo::create(&dir.join("import.db"), "thai-nguyen-2024", 2024, Some(4_000), 1).expect("demo");
            let text = import_rows::scores_csv(&store);
            std::fs::write(dir.join("scores.csv"), text).expect("csv");
        }
        "import" => {
            let mut store = Store::open(Path::new(&args[2])).expect("open");
            let rows = store.import_scores(Path::new(&args[3])).map(|i| i.rows).unwrap_or(0);
            println!("{rows}");
        }
        // `cargo bench` runs every bench with `--bench`: the probe only measures when asked by name.
        _ => {}
    }
}
