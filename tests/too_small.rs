//! Below 80×24 the interface shows a notice instead of its screens; the notice is laid at its phrases' ends,
//! so it reads well at 40×12 and smaller (it once read "…; q để" / "thoát").
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

mod tui_support;

use thamdinh::messages::Lang;
use tui_support::{app_as, fixture_store, screen};

/// The screen's non-empty lines.
fn shown(app: &thamdinh::tui::app::App, width: u16, height: u16) -> Vec<String> {
    screen(app, width, height).lines().filter(|line| !line.is_empty()).map(String::from).collect()
}

#[test]
fn the_notice_reads_in_whole_phrases_at_40_by_12_and_smaller() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "chu-tich");
    assert_eq!(
        shown(&app, 40, 12),
        ["Cửa sổ quá nhỏ: cần ít nhất 80×24", "hiện 40×12 — hãy phóng to cửa sổ;", "q để thoát"]
    );
    assert_eq!(
        shown(&app, 30, 8),
        ["Cửa sổ quá nhỏ:", "cần ít nhất 80×24", "hiện 30×8 —", "hãy phóng to cửa sổ;", "q để thoát"]
    );
    assert_eq!(
        shown(&app, 20, 6),
        ["Cửa sổ quá nhỏ:", "cần ít nhất 80×24", "hiện 20×6 —", "hãy phóng to cửa sổ;", "q để thoát"]
    );
    // Narrower than a phrase: that phrase alone is wrapped at its spaces, the others stay whole.
    assert_eq!(
        shown(&app, 14, 9),
        ["Cửa sổ quá", "nhỏ:", "cần ít nhất", "80×24", "hiện 14×9 —", "hãy phóng to", "cửa sổ;", "q để thoát"]
    );
    app.lang = Lang::En;
    assert_eq!(
        shown(&app, 40, 12),
        ["The window is too small:", "it needs at least 80×24", "now 40×12 — make the window larger;", "q to quit"]
    );
    // At every size from 79×23 down to 20×6 (the widest phrase's width), no line is wider than the screen and no phrase is cut.
    app.lang = Lang::Vi;
    for width in 20..80 {
        let height = 6 + (width - 20) / 4;
        let lines = shown(&app, width, height);
        for line in &lines {
            assert!(unicode_width::UnicodeWidthStr::width(line.as_str()) <= usize::from(width), "{width}: {line}");
        }
        for phrase in ["cần ít nhất 80×24", "hãy phóng to cửa sổ;", "q để thoát"] {
            assert!(lines.iter().any(|line| line.contains(phrase)), "{width}×{height}: {phrase} cut in {lines:?}");
        }
    }
}
