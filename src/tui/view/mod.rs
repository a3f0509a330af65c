//! Views: functions of `&App` into a frame. Layout: title, pane tabs, the pane, a message and the hint bar.

mod charts;
mod desk;
mod editors;
mod form;
mod overlays;
mod progress;
mod queue;
mod ranking;
mod self_assessment;
pub mod unit;

use super::app::{App, Overlay, Pane, Screen};
use crate::domain::classification::Level;
use crate::domain::ranking::Outcome;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::cell::Cell;

/// Colours that read on dark and light terminals alike: the terminal's own foreground, plus
/// emphasis by bold, reverse video and the basic named colours.
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn warning() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

/// A level in colour; the text is always there too (a monochrome terminal or a colour-blind reader loses nothing).
pub fn level_style(outcome: Outcome) -> Style {
    match outcome {
        Outcome::Level(Level::Excellent) => heading().fg(Color::Green),
        Outcome::Level(Level::Good) => Style::new().fg(Color::Cyan),
        Outcome::Level(Level::Completed) => Style::new().fg(Color::Yellow),
        Outcome::Level(Level::NotCompleted) | Outcome::TiePending => warning(),
    }
}

/// The smallest terminal every screen is drawn for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Text people typed or files brought (names, explanations, documents, history, messages) as the screen shows it:
/// a control or bidi character as its escape (`\u{9b}`, `\u{202e}`), never acting on the terminal nor silently
/// dropped; the same function as the command line's (`domain::text`).
pub fn safe(text: &str) -> std::borrow::Cow<'_, str> {
    crate::domain::text::escape_text(text)
}

/// A count of lines or columns as a terminal size: past `u16` (no terminal is that large) it is `u16::MAX`,
/// which the layout clamps to the screen, rather than wrapping round to a small size.
pub fn cells(count: usize) -> u16 {
    u16::try_from(count).unwrap_or(u16::MAX)
}

pub fn draw(frame: &mut Frame, app: &App) {
    app.scroll.clickable.borrow_mut().clear();
    let area = frame.area();
    app.scroll.too_small.set(area.width < MIN_WIDTH || area.height < MIN_HEIGHT);
    if app.scroll.too_small.get() {
        too_small(frame, app, area);
        return;
    }
    let [title, tabs, main, message, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    draw_title(frame, app, title);
    if !matches!(app.screen, Screen::Picker { .. }) {
        draw_tabs(frame, app, tabs);
    }
    match &app.screen {
        Screen::Picker { .. } => overlays::picker(frame, app, main),
        Screen::Browse { .. } => match app.browse.pane {
            Pane::Queue => queue::draw(frame, app, main),
            Pane::Ranking => ranking::draw(frame, app, main),
            Pane::Progress => progress::draw(frame, app, main),
            Pane::Ties => ranking::ties(frame, app, main),
            Pane::Charts => charts::draw(frame, app, main),
            Pane::SelfAssessment => self_assessment::pane(frame, app, main),
            Pane::Result => self_assessment::result(frame, app, main),
            Pane::Desk => desk::pane(frame, app, main),
        },
        Screen::Appraisal(_) => form::draw(frame, app, main),
        Screen::Comment(_) => form::comment(frame, app, main),
        Screen::TieOrder(_) => ranking::ties(frame, app, main),
        Screen::Facts(_) => editors::facts(frame, app, main),
        Screen::Grades(_) => editors::grades(frame, app, main),
        Screen::Unit { .. } => unit::draw(frame, app, main),
        // The whole pane: the bloc's ranking is what the prompt lists.
        Screen::Approval(_) => overlays::approval(frame, app, main),
        Screen::SelfAssess(_) => self_assessment::form(frame, app, main),
        Screen::Submit(_) => self_assessment::submit(frame, app, main),
        Screen::Desk(_) => desk::draw(frame, app, main),
    }
    draw_message(frame, app, message);
    draw_hints(frame, app, hints);
    match &app.overlay {
        Some(Overlay::History { title, rows, names }) => {
            overlays::history(frame, &app.regulation, title, rows, names);
        }
        Some(Overlay::Help) => overlays::help(frame, app),
        Some(Overlay::Confirm(pending)) => overlays::confirm(frame, *pending),
        None => {}
    }
}

/// Below the size the screens are drawn for, a notice instead of a broken screen (the demo marker stays).
fn too_small(frame: &mut Frame, app: &App, area: Rect) {
    let mut lines = vec![
        Line::styled(format!("Cửa sổ quá nhỏ: cần ít nhất {MIN_WIDTH}×{MIN_HEIGHT}"), warning()),
        Line::raw(format!("hiện {}×{} — hãy phóng to cửa sổ; q để thoát", area.width, area.height)),
    ];
    // Quitting with unsaved work asks here too: the question is the only thing that acts besides q.
    if matches!(app.overlay, Some(Overlay::Confirm(_))) {
        lines.push(Line::styled("Có thay đổi chưa lưu sẽ bị bỏ: y để thoát, n để ở lại", warning()));
    }
    if app.demo {
        lines.insert(0, Line::styled(" DỮ LIỆU MINH HỌA ", warning().add_modifier(Modifier::REVERSED)));
    }
    frame.render_widget(Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true }), area);
}

fn draw_title(frame: &mut Frame, app: &App, area: Rect) {
    let role = match &app.user {
        None => "chọn người dùng".to_string(),
        Some(user) => app.describe(user),
    };
    let spans = vec![
        Span::styled(" thamdinh ", heading().add_modifier(Modifier::REVERSED)),
        Span::raw(format!(" {} · năm {} · {} ", app.regulation.id, app.round.year, safe(&role))),
    ];
    // The demo marker is drawn last, at the right, so a long title never pushes it off the screen.
    let marker = Span::styled(" DỮ LIỆU MINH HỌA ", warning().add_modifier(Modifier::REVERSED));
    let marker_width = if app.demo { cells(marker.width()) } else { 0 };
    let [left, right] = Layout::horizontal([Constraint::Min(1), Constraint::Length(marker_width)]).areas(area);
    frame.render_widget(Line::from(spans), left);
    if app.demo {
        frame.render_widget(Line::from(marker), right);
    }
}

fn draw_tabs(frame: &mut Frame, app: &App, area: Rect) {
    let mut spans = Vec::new();
    for (index, pane) in app.panes().iter().enumerate() {
        let text = format!(" {} {} ", index + 1, pane.title());
        spans.push(if *pane == app.browse.pane { Span::styled(text, selected().bold()) } else { Span::raw(text) });
        spans.push(Span::raw(" "));
    }
    if !app.browse.filter.is_empty() || app.filtering() {
        spans.push(Span::styled(
            format!(" /{}{} ", app.browse.filter, if app.filtering() { "▏" } else { "" }),
            heading(),
        ));
    }
    if let Some(status) = app.browse.status_filter {
        spans.push(Span::styled(format!(" [{}] ", status.vietnamese()), heading()));
    }
    frame.render_widget(Line::from(spans), area);
}

fn draw_message(frame: &mut Frame, app: &App, area: Rect) {
    if let Some((text, is_error)) = &app.message {
        let style = if *is_error { warning() } else { Style::new().fg(Color::Green) };
        frame.render_widget(Paragraph::new(Line::styled(safe(text), style)), area);
    }
}

/// The hint bar: the keys that matter now, read from the keymap, in the table's order of importance; a hint
/// that does not fit whole is left out (`?` lists every key), never cut in the middle of a word.
fn draw_hints(frame: &mut Frame, app: &App, area: Rect) {
    frame.render_widget(Line::from(hint_spans(app, area.width)), area);
}

pub fn hint_spans(app: &App, width: u16) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut used = 0usize;
    for binding in app.acting(app.context()).filter(|b| b.hint) {
        let key = Span::styled(format!(" {} ", binding.label), selected());
        // The whole description, else its words before a parenthesis or a colon: a phrase, never half a word.
        let full = app.describe_binding(binding);
        let shorter = [full.split(':').next(), full.split(" (").next(), full.split(" /").next()];
        let fitting = std::iter::once(full)
            .chain(shorter.into_iter().flatten())
            .find(|text| used + key.width() + Span::raw(format!(" {text} ")).width() < usize::from(width));
        let Some(text) = fitting else { continue };
        let description = Span::raw(format!(" {text} "));
        used += key.width() + description.width() + 1;
        spans.extend([key, description, Span::raw(" ")]);
    }
    spans
}

/// A rectangle centred in `area`, at most the given size.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

/// The rows of a long list that fit a table of `height` lines (borders and header included) around the
/// selected row: only those are built and drawn, so a list of 250 000 items costs what 40 do. The list scrolls
/// line by line as lazygit and htop do: it moves only when the selection would leave it, and `offset` keeps where
/// it was between frames (the view alone knows the height; it also records the page for PgUp/PgDn).
pub fn window(selected: usize, len: usize, height: u16, offset: &Cell<usize>, app: &App) -> std::ops::Range<usize> {
    let page = usize::from(height.saturating_sub(3)).max(1);
    app.scroll.page.set(u16::try_from(page).unwrap_or(u16::MAX));
    let selected = selected.min(len.saturating_sub(1));
    let mut start = offset.get().min(len.saturating_sub(page));
    if selected < start {
        start = selected;
    } else if selected >= start + page {
        start = selected + 1 - page;
    }
    offset.set(start);
    start..(start + page).min(len)
}

/// Remembers which list row is drawn on which screen line, from `first_line` down (None: a line that is not a
/// row, as the quota line), so a click selects what the person sees under the pointer.
pub fn clickable(app: &App, first_line: u16, rows: impl IntoIterator<Item = Option<usize>>) {
    let mut lines = app.scroll.clickable.borrow_mut();
    lines.clear();
    for (line, row) in (first_line..).zip(rows) {
        if let Some(row) = row {
            lines.push((line, row));
        }
    }
}

/// What an empty list says when a filter hides every row.
pub const NO_MATCH: &str = "không có mục nào khớp";
