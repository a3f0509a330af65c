//! Styles asserted on the rendered `Buffer`'s cells (as ratatui's own tests do), not only the text: the selected
//! row stands out in reverse video, the quota line in bold red, a provisional total in its level's colour.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tui_support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use thamdinh::tui::app::App;
use thamdinh::tui::view;
use tui_support::{app_as, fixture_store, press};

fn render(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect()
}

/// The rows whose text holds `needle`.
fn rows_with(buffer: &Buffer, needle: &str) -> Vec<u16> {
    (0..buffer.area.height).filter(|&y| text(buffer, y).contains(needle)).collect()
}

/// The cells of a row inside the pane's border, from its first drawn character to its last.
fn inner_cells(buffer: &Buffer, y: u16) -> Vec<&ratatui::buffer::Cell> {
    (1..buffer.area.width - 1).map(|x| &buffer[(x, y)]).filter(|cell| cell.symbol().trim() != "").collect()
}

#[test]
fn the_selected_ranking_row_alone_is_in_reverse_video_and_follows_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    for moves in ["", "j", "j"] {
        press(&mut app, &mut store, moves);
        let unit = app.selected_ranked_unit().expect("a selected unit");
        let buffer = render(&app);
        // The table's rows: from under its heading to its bottom border (the title and tab bars are reversed too).
        let bottom = (3..buffer.area.height).find(|&y| text(&buffer, y).starts_with('└')).unwrap();
        let reversed: Vec<u16> = (4..bottom)
            .filter(|&y| inner_cells(&buffer, y).iter().any(|cell| cell.modifier.contains(Modifier::REVERSED)))
            .collect();
        assert_eq!(reversed.len(), 1, "one selected row: {reversed:?}");
        let row = reversed[0];
        assert!(text(&buffer, row).contains(unit.as_str()), "the selected row is {unit}'s: {}", text(&buffer, row));
        // The whole row, not only its first cell.
        for cell in inner_cells(&buffer, row).iter().filter(|cell| cell.symbol() != "│") {
            assert!(cell.modifier.contains(Modifier::REVERSED), "{:?} in {}", cell.symbol(), text(&buffer, row));
        }
    }
}

#[test]
fn the_quota_line_is_bold_red_across_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let app = app_as(&mut store, "thu-ky");
    let buffer = render(&app);
    let quota = rows_with(&buffer, "trên vạch");
    assert_eq!(quota.len(), 1, "one quota line");
    let cells = inner_cells(&buffer, quota[0]);
    assert!(cells.len() > 20, "{}", text(&buffer, quota[0]));
    for cell in cells.iter().filter(|cell| cell.symbol() != "│") {
        assert_eq!(cell.fg, Color::Red, "{:?} in {}", cell.symbol(), text(&buffer, quota[0]));
        assert!(cell.modifier.contains(Modifier::BOLD), "{:?} in {}", cell.symbol(), text(&buffer, quota[0]));
    }
    // The unit ranked just under it is drawn in its level's colour, not as a warning.
    let under = quota[0] + 1;
    assert!(inner_cells(&buffer, under).iter().all(|cell| cell.fg != Color::Red), "{}", text(&buffer, under));
}

#[test]
fn a_provisional_total_keeps_its_levels_colour_and_is_not_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let app = app_as(&mut store, "thu-ky");
    let buffer = render(&app);
    let provisional = rows_with(&buffer, "(tạm tính)");
    assert_eq!(provisional.len(), 1, "one provisional unit in the fixture");
    let y = provisional[0];
    let row = text(&buffer, y);
    // The marker's own cells: the level's colour (cyan, good), as the row; not bold, not red, not selected.
    let start = row.find("(tạm tính)").unwrap();
    let x = u16::try_from(row[..start].chars().count()).unwrap();
    for dx in 0..10 {
        let cell = &buffer[(x + dx, y)];
        assert_eq!(cell.fg, Color::Cyan, "{:?} in {row}", cell.symbol());
        assert!(!cell.modifier.intersects(Modifier::BOLD | Modifier::REVERSED), "{:?} in {row}", cell.symbol());
    }
    for cell in inner_cells(&buffer, y).iter().filter(|cell| cell.symbol() != "│") {
        assert_eq!(cell.fg, Color::Cyan, "{:?} in {row}", cell.symbol());
    }
}
