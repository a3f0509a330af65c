//! The mouse, as lazygit and htop take it: the wheel scrolls the list (three rows a notch), a click selects the
//! row under the pointer, a second click on it soon after opens it, as Enter does.

use super::{browse, decisions};
use crate::tui::app::*;
use crate::tui::keymap::Command;
use ratatui::crossterm::event::{MouseButton, MouseEventKind};
use std::time::{Duration, Instant};

/// Two clicks on one row within this time are a double click.
const DOUBLE_CLICK: Duration = Duration::from_millis(500);
/// Rows a notch of the wheel moves.
const WHEEL_ROWS: usize = 3;

pub(super) fn on_mouse(app: &mut App, event: MouseEvent, at: Instant) -> Vec<Effect> {
    // Nothing is clicked on a screen not drawn (below the smallest size only the notice shows).
    if app.overlay.is_some() || app.scroll.too_small.get() {
        return Vec::new();
    }
    match event.kind {
        MouseEventKind::ScrollUp => wheel(app, Command::Up),
        MouseEventKind::ScrollDown => wheel(app, Command::Down),
        MouseEventKind::Down(MouseButton::Left)
            if event.row == TAB_ROW && matches!(app.screen, Screen::Browse { .. }) =>
        {
            if let Some(pane) = tab_at(app, event.column) {
                app.browse.pane = pane;
            }
            Vec::new()
        }
        MouseEventKind::Down(MouseButton::Left) => click(app, event.row, at),
        _ => Vec::new(),
    }
}

fn wheel(app: &mut App, command: Command) -> Vec<Effect> {
    for _ in 0..WHEEL_ROWS {
        match app.screen {
            Screen::Picker { .. } => {
                browse::on_picker(app, Some(command));
            }
            Screen::Browse { filtering: false } if app.browse.pane != Pane::Charts => {
                browse::on_list(app, command);
            }
            Screen::Unit { .. } => {
                decisions::on_unit(app, Some(command));
            }
            // The wheel scrolls lists only: not the charts, not a form's fields.
            Screen::Browse { .. }
            | Screen::Appraisal(_)
            | Screen::Comment(_)
            | Screen::TieOrder(_)
            | Screen::Facts(_)
            | Screen::Grades(_)
            | Screen::Approval(_)
            | Screen::SelfAssess(_)
            | Screen::Submit(_)
            | Screen::Desk(_) => {}
        }
    }
    Vec::new()
}

/// The screen line of the panes' tabs (under the title).
const TAB_ROW: u16 = 1;

/// The pane whose tab is drawn at `column` of the tab row (each ` 1 Xếp hạng `, a space between, as the view
/// draws them).
fn tab_at(app: &App, column: u16) -> Option<Pane> {
    let mut x = 0;
    for (index, pane) in app.panes().into_iter().enumerate() {
        let width = ratatui::text::Span::raw(format!(" {} {} ", index + 1, pane.title())).width();
        if (x..x + width).contains(&usize::from(column)) {
            return Some(pane);
        }
        x += width + 1;
    }
    None
}

fn click(app: &mut App, line: u16, at: Instant) -> Vec<Effect> {
    let row = app.scroll.clickable.borrow().iter().find(|(y, _)| *y == line).map(|&(_, row)| row);
    let double = app.last_click.is_some_and(|(last, when)| last == line && at.duration_since(when) < DOUBLE_CLICK);
    app.last_click = Some((line, at));
    let Some(row) = row else { return Vec::new() };
    match app.screen {
        Screen::Picker { .. } => {
            app.screen = Screen::Picker { selected: row };
            if double {
                return browse::on_picker(app, Some(Command::Open));
            }
        }
        Screen::Browse { filtering: false } => {
            let (selected, len) = app.selection();
            if row < len {
                *selected = row;
            }
            if double {
                app.last_click = None;
                return browse::on_list(app, Command::Open);
            }
        }
        // A click selects a row of the picker or of a pane's list only.
        Screen::Browse { filtering: true }
        | Screen::Appraisal(_)
        | Screen::Comment(_)
        | Screen::TieOrder(_)
        | Screen::Facts(_)
        | Screen::Grades(_)
        | Screen::Unit { .. }
        | Screen::Approval(_)
        | Screen::SelfAssess(_)
        | Screen::Submit(_)
        | Screen::Desk(_) => {}
    }
    Vec::new()
}
