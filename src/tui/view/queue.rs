//! The member's appraisal queue: every component assigned to the agency, across units, with what is left.

use super::{heading, selected};
use crate::domain::framework::ComponentPlace;
use crate::domain::score::display_vi;
use crate::tui::app::{App, QueueItem, Status};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState, Wrap};

fn status_style(status: Status) -> Style {
    match status {
        Status::Appraised => Style::new().fg(Color::Green),
        Status::Pending | Status::CoAssigned | Status::NotSubmitted => Style::new(),
        Status::AwaitingConfirmation => Style::new().fg(Color::Yellow),
        Status::NeedsReason | Status::IncompleteFile => Style::new().fg(Color::Red),
    }
}

/// The item's status, with what else needs the member's eye: a gap in the unit's file, a new comment.
fn status_text(app: &App, item: QueueItem, unit: &str, place: &ComponentPlace<'_>) -> String {
    let mut text = item.status.vietnamese().to_string();
    if item.status != Status::IncompleteFile && app.file_gap(unit, place).is_some() {
        text.push_str(" · thiếu hồ sơ");
    }
    if app.has_new_comment(unit, &place.component.code) {
        text.push_str(" · ✉ góp ý mới");
    }
    text
}

/// Why the queue is empty, in the council's words.
fn empty_queue(app: &App) -> &'static str {
    let filtered = !app.browse.filter.is_empty() || app.browse.status_filter.is_some();
    match app.submissions.by_unit.as_ref() {
        _ if filtered => super::NO_MATCH,
        Some(by_unit) if by_unit.is_empty() => {
            "Chưa đơn vị nào nộp bản tự đánh giá — s đến “Đơn vị chưa nộp” để xem trước"
        }
        _ => "Không có mục nào của cơ quan trong hàng chờ",
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let queue = app.queue();
    let left = app.queue_left();
    let (list_area, preview_area) = if area.width >= 120 {
        let [a, b] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
        (a, Some(b))
    } else {
        (area, None)
    };
    let shown = super::window(app.browse.queue_selected, queue.len(), list_area.height, &app.scroll.queue, app);
    super::clickable(app, list_area.y + 2, shown.clone().map(Some));
    // Each unit's items together, its code on its first row (and on the top row of the page).
    let rows: Vec<Row> = queue[shown.clone()]
        .iter()
        .enumerate()
        .filter_map(|(offset, item)| app.item_place(item).map(|(unit, place)| (offset, item, unit, place)))
        .map(|(offset, item, unit, place)| {
            let entry = unit.entries.get(&place.component.code);
            let show = |value: Option<rust_decimal::Decimal>| value.map(display_vi).unwrap_or_else(|| "—".into());
            let first_of_unit = offset == 0 || queue[shown.start + offset - 1].unit != item.unit;
            Row::new(vec![
                if first_of_unit { unit.code.to_string() } else { String::new() },
                place.component.code.to_string(),
                show(entry.and_then(|e| e.self_score)),
                show(entry.and_then(crate::domain::scoring::ComponentScore::effective_appraised)),
                // A gap in the unit's file is marked wherever the component is shown, appraised or not.
                status_text(app, *item, &unit.code, &place),
            ])
            .style(status_style(item.status))
        })
        .collect();
    if queue.is_empty() {
        let title = " Hàng chờ thẩm định — còn 0 / 0 mục ";
        let why = empty_queue(app);
        frame.render_widget(
            Paragraph::new(Line::styled(why, super::warning()))
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title(title)),
            list_area,
        );
        return;
    }
    let title = format!(" Hàng chờ thẩm định — còn {left} / {} mục ", queue.len());
    // As wide as the longest code on the page, so two units are never cut to one name (`bqlda-dan-du…`).
    let longest =
        queue[shown.clone()].iter().filter_map(|item| app.item_place(item)).map(|(unit, _)| unit.code.chars().count());
    let code_width = u16::try_from(longest.max().unwrap_or(6).clamp(6, 20)).unwrap_or(20);
    let table = Table::new(
        rows,
        [
            Constraint::Length(code_width),
            Constraint::Length(7),
            Constraint::Length(6),
            Constraint::Length(9),
            Constraint::Min(12),
        ],
    )
    .header(Row::new(vec!["Đơn vị", "Mục", "Tự ĐG", "Thẩm định", "Trạng thái"]).style(heading()))
    .block(Block::bordered().title(title))
    .row_highlight_style(selected());
    let mut state =
        TableState::default().with_selected((!queue.is_empty()).then_some(app.browse.queue_selected - shown.start));
    frame.render_stateful_widget(table, list_area, &mut state);

    if let (Some(area), Some(item)) = (preview_area, queue.get(app.browse.queue_selected)) {
        preview(frame, app, *item, area);
    }
}

/// The selected item at a glance, beside the queue on a wide screen.
fn preview(frame: &mut Frame, app: &App, item: QueueItem, area: Rect) {
    let Some((unit, place)) = app.item_place(&item) else { return };
    let entry = unit.entries.get(&place.component.code);
    let lines = vec![
        Line::styled(super::safe(&unit.name), heading()),
        Line::raw(format!("{} › {}", place.criterion.code, place.criterion.name)),
        Line::raw(format!("{} {}", place.component.code, place.component.name)),
        Line::raw(format!("Điểm tối đa {}", display_vi(place.component.max))),
        Line::raw(format!("Giải trình: {}", super::safe(entry.map(|e| &*e.explanation).unwrap_or("")))),
        Line::raw(format!("Tài liệu kiểm chứng: {}", app.evidence_count(&unit.code, &place))),
    ];
    let comments = app.comments_on(&unit.code, &place.component.code).len();
    let new = if app.has_new_comment(&unit.code, &place.component.code) { " — có góp ý mới" } else { "" };
    let lines = if comments > 0 {
        let mut lines = lines;
        lines.push(Line::raw(format!("Góp ý của cơ quan phối hợp: {comments}{new}")));
        lines
    } else {
        lines
    };
    let mut lines = lines;
    if let Some(gap) = app.file_gap(&unit.code, &place) {
        lines.push(Line::styled(format!("⚠ Thiếu hồ sơ: {}", gap.vietnamese()), Style::new().fg(Color::Red)));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(Block::bordered().title(" Xem nhanh — Enter để chấm ")),
        area,
    );
}
