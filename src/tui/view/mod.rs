//! Views: functions of `&App` into a frame. Layout: title, pane tabs, the pane, a message and the hint bar.

mod editors;
mod form;
mod overlays;
mod progress;
mod queue;
mod ranking;

use super::app::{App, Pane};
use super::keymap::bindings;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

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

/// Text people typed or files brought (names, explanations, documents, history, messages) as the screen shows it:
/// a control or bidi character as its escape (`\u{9b}`, `\u{202e}`), never acting on the terminal nor silently
/// dropped; the same function as the command line's (`domain::text`).
pub fn safe(text: &str) -> std::borrow::Cow<'_, str> {
    crate::domain::text::escape_text(text)
}

pub fn draw(frame: &mut Frame, app: &App) {
    let [title, tabs, main, message, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    draw_title(frame, app, title);
    match &app.user {
        None => overlays::picker(frame, app, main),
        Some(_) => {
            draw_tabs(frame, app, tabs);
            if app.form.is_some() {
                form::draw(frame, app, main);
            } else if app.facts_form.is_some() {
                editors::facts(frame, app, main);
            } else if app.grade_form.is_some() {
                editors::grades(frame, app, main);
            } else {
                match app.pane {
                    Pane::Queue => queue::draw(frame, app, main),
                    Pane::Ranking => ranking::draw(frame, app, main),
                    Pane::Progress => progress::draw(frame, app, main),
                    Pane::Ties => ranking::ties(frame, app, main),
                }
            }
        }
    }
    draw_message(frame, app, message);
    draw_hints(frame, app, hints);
    if app.history.is_some() {
        overlays::history(frame, app);
    }
    if app.help {
        overlays::help(frame, app);
    }
    if app.confirm.is_some() {
        overlays::confirm(frame, app);
    }
}

fn draw_title(frame: &mut Frame, app: &App, area: Rect) {
    let role = match &app.user {
        None => "chọn người dùng".to_string(),
        Some(user) => app.describe(user),
    };
    let mut spans = vec![
        Span::styled(" thamdinh ", heading().add_modifier(Modifier::REVERSED)),
        Span::raw(format!(" {} · năm {} · {} ", app.regulation.id, app.round.year, safe(&role))),
    ];
    if app.demo {
        spans.push(Span::styled(" DỮ LIỆU MINH HỌA ", warning().add_modifier(Modifier::REVERSED)));
    }
    frame.render_widget(Line::from(spans), area);
}

fn draw_tabs(frame: &mut Frame, app: &App, area: Rect) {
    let mut spans = Vec::new();
    for (index, pane) in app.panes().iter().enumerate() {
        let text = format!(" {} {} ", index + 1, pane.title());
        spans.push(if *pane == app.pane { Span::styled(text, selected().bold()) } else { Span::raw(text) });
        spans.push(Span::raw(" "));
    }
    if !app.filter.is_empty() || app.filtering {
        spans.push(Span::styled(format!(" /{}{} ", app.filter, if app.filtering { "▏" } else { "" }), heading()));
    }
    if let Some(status) = app.status_filter {
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

/// The hint bar: the keys that matter now, read from the keymap.
fn draw_hints(frame: &mut Frame, app: &App, area: Rect) {
    let mut spans = Vec::new();
    for binding in bindings(app.context()).filter(|b| b.hint) {
        spans.push(Span::styled(format!(" {} ", binding.label), selected()));
        spans.push(Span::raw(format!(" {}  ", binding.description)));
    }
    frame.render_widget(Line::from(spans), area);
}

/// A rectangle centred in `area`, at most the given size.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

/// The rows of a long list that fit a table of `height` lines (borders and header included) around the
/// selected row, page by page: only those are built and drawn, so a list of 250 000 items costs what 40 do.
/// Returns the first row shown and the selected row's place among those shown.
pub fn window(selected: usize, len: usize, height: u16) -> std::ops::Range<usize> {
    let page = usize::from(height.saturating_sub(3)).max(1);
    let start = (selected.min(len.saturating_sub(1)) / page) * page;
    start..(start + page).min(len)
}
