//! The start-up picker, the help overlay generated from the keymap, and the confirmation dialog.

use super::{centered, heading, selected, warning};
use crate::tui::app::{App, Pending};
use crate::tui::keymap::bindings;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Row, Table, Wrap};

pub fn picker(frame: &mut Frame, app: &App, area: Rect) {
    let choices = app.choices();
    let height = choices.len() as u16 + 2;
    let area = centered(area, 76, height);
    let items: Vec<ListItem> = choices.iter().map(|(_, label)| ListItem::new(super::safe(label))).collect();
    let list = List::new(items)
        .block(
            Block::bordered()
                .title(" Bạn là ai? ")
                .title_bottom(" Chỉ dữ liệu minh họa; hội đồng thật đăng nhập bằng --user qua SSH "),
        )
        .highlight_style(selected())
        .highlight_symbol("› ");
    let mut state = ListState::default().with_selected(Some(app.picker));
    frame.render_stateful_widget(list, area, &mut state);
}

pub fn help(frame: &mut Frame, app: &App) {
    // The screen under the overlay: what `context()` would be without the help open.
    let context = if app.form.is_some() {
        crate::tui::keymap::Context::Form
    } else if app.user.is_none() {
        crate::tui::keymap::Context::Picker
    } else if app.tie_edit.is_some() {
        crate::tui::keymap::Context::Ties
    } else if app.facts_form.is_some() {
        crate::tui::keymap::Context::Facts
    } else if app.grade_form.is_some() {
        crate::tui::keymap::Context::Grades
    } else {
        crate::tui::keymap::Context::List
    };
    let rows: Vec<Row> =
        bindings(context).map(|b| Row::new(vec![b.label.to_string(), b.description.to_string()])).collect();
    // Every key must be readable on a small screen: the table wraps into as many columns as it needs.
    let fits = frame.area().height.saturating_sub(5).max(1) as usize;
    let columns = rows.len().div_ceil(fits).max(1);
    let per_column = rows.len().div_ceil(columns).max(1);
    let width = if columns == 1 { 64 } else { frame.area().width };
    let area = centered(frame.area(), width, per_column as u16 + 4);
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(" Phím tắt — Esc để đóng ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let slots = Layout::horizontal(vec![Constraint::Ratio(1, columns as u32); columns]).split(inner);
    let mut rows = rows.into_iter();
    for slot in slots.iter() {
        let chunk: Vec<Row> = rows.by_ref().take(per_column).collect();
        let table = Table::new(chunk, [Constraint::Length(8), Constraint::Min(10)])
            .header(Row::new(vec!["Phím", "Việc"]).style(heading()));
        frame.render_widget(table, *slot);
    }
}

pub fn confirm(frame: &mut Frame, app: &App) {
    let question = match app.confirm {
        Some(Pending::Quit) => "Phiếu thẩm định chưa lưu. Thoát và bỏ thay đổi?",
        _ => "Phiếu thẩm định chưa lưu. Đóng phiếu và bỏ thay đổi?",
    };
    let area = centered(frame.area(), 56, 5);
    frame.render_widget(Clear, area);
    let text = vec![Line::styled(question, warning()), Line::raw("y: bỏ thay đổi    n: ở lại")];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).block(Block::bordered()), area);
}

/// The audit history of one component: who, when, old → new, reason.
pub fn history(frame: &mut Frame, app: &App) {
    let Some((title, rows)) = &app.history else { return };
    let area = centered(frame.area(), 150, rows.len() as u16 + 4);
    frame.render_widget(Clear, area);
    let body: Vec<Row> = if rows.is_empty() {
        vec![Row::new(vec![String::new(), String::new(), "Chưa có thay đổi nào được ghi".into()])]
    } else {
        rows.iter()
            .map(|row| {
                let at = row.at.get(..16).unwrap_or(&row.at).replace('T', " ");
                // Scores with the decimal comma the council writes; other values as recorded.
                let shown = |value: &Option<String>| match value.as_deref() {
                    None => "—".to_string(),
                    Some(text) => {
                        text.parse().map(crate::domain::score::display_vi).unwrap_or_else(|_| text.to_string())
                    }
                };
                let change = match &row.new_value {
                    Some(_) => format!("{} → {}", shown(&row.old_value), shown(&row.new_value)),
                    None => row.detail.clone(),
                };
                let reason = row.reason.clone().unwrap_or_default();
                let cells = [at, row.actor.clone(), row.action.clone(), change, reason];
                Row::new(cells.map(|text| super::safe(&text).into_owned()))
            })
            .collect()
    };
    let table = Table::new(
        body,
        [
            Constraint::Length(16),
            Constraint::Length(18),
            Constraint::Length(10),
            Constraint::Min(16),
            Constraint::Percentage(40),
        ],
    )
    .block(Block::bordered().title(format!(" Lịch sử — {title} (giờ UTC) — Esc để đóng ")))
    .header(Row::new(vec!["Lúc", "Người", "Việc", "Cũ → mới", "Lý do"]).style(heading()));
    frame.render_widget(table, area);
}
