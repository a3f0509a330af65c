//! The member's appraisal queue: every component assigned to the agency, across units, with what is left.

use super::{Column, Spelled, heading, selected};
use crate::domain::code::UnitCode;
use crate::domain::framework::ComponentPlace;
use crate::messages::views::{self as words, Heading, Word, word};
use crate::tui::app::{App, QueueItem, Status};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, TableState, Wrap};

fn status_style(status: Status) -> Style {
    match status {
        Status::Appraised => Style::new().fg(Color::Green),
        Status::Pending | Status::CoAssigned | Status::NotSubmitted => Style::new(),
        Status::AwaitingConfirmation => Style::new().fg(Color::Yellow),
        Status::NeedsReason | Status::IncompleteFile => Style::new().fg(Color::Red),
    }
}

/// The item's status, with what else needs the member's eye: a gap in the unit's file, a new comment.
fn status_text(app: &App, item: QueueItem, unit: &UnitCode, place: &ComponentPlace<'_>) -> String {
    let mut text = super::status_words(item.status, app.lang).to_string();
    if item.status != Status::IncompleteFile && app.file_gap(unit, place).is_some() {
        text.push_str(word(Word::AlsoIncompleteFile, app.lang));
    }
    if app.has_new_comment(unit, &place.component.code) {
        text.push_str(word(Word::AlsoNewComment, app.lang));
    }
    text
}

/// Why the queue is empty, in the council's words.
fn empty_queue(app: &App) -> &'static str {
    let filtered = !app.browse.filter.is_empty() || app.browse.status_filter.is_some();
    match app.submissions.by_unit.as_ref() {
        _ if filtered => word(Word::NoMatch, app.lang),
        Some(by_unit) if by_unit.is_empty() => word(Word::NothingSubmitted, app.lang),
        _ => word(Word::QueueEmpty, app.lang),
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
    let rows: Vec<(Spelled, ratatui::style::Style)> = queue[shown.clone()]
        .iter()
        .enumerate()
        .filter_map(|(offset, item)| app.item_place(item).map(|(unit, place)| (offset, item, unit, place)))
        .map(|(offset, item, unit, place)| {
            let entry = unit.entries.get(&place.component.code);
            let show = |value: Option<rust_decimal::Decimal>| {
                value.map(|v| words::score(v, app.lang)).unwrap_or_else(|| "—".into())
            };
            let first_of_unit = offset == 0 || queue[shown.start + offset - 1].unit != item.unit;
            let cells = Spelled::same(vec![
                if first_of_unit { unit.code.to_string() } else { String::new() },
                place.component.code.to_string(),
                show(entry.and_then(|e| e.self_score)),
                show(entry.and_then(crate::domain::scoring::ComponentScore::effective_appraised)),
                // A gap in the unit's file is marked wherever the component is shown, appraised or not.
                status_text(app, *item, &unit.code, &place),
            ]);
            (cells, status_style(item.status))
        })
        .collect();
    if queue.is_empty() {
        let title = words::queue_title(0, 0, app.lang);
        let why = empty_queue(app);
        frame.render_widget(
            Paragraph::new(Line::styled(why, super::warning()))
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title(title)),
            list_area,
        );
        return;
    }
    let title = words::queue_title(left, queue.len(), app.lang);
    // The unit's and the component's codes are never cut; the status shrinks first, then the headings take their
    // abbreviations (*Tự ĐG*) where the columns are narrow.
    let lang = app.lang;
    let (unit, component, appraised, status) =
        (word(Word::Unit, lang), word(Word::Component, lang), word(Word::Appraised, lang), word(Word::Status, lang));
    let header = Spelled::headings(&[
        (unit, unit),
        (component, component),
        words::heading(Heading::SelfScore, lang),
        (appraised, appraised),
        (status, status),
    ]);
    let table = super::spelled_table(
        rows,
        &header,
        list_area.width.saturating_sub(2),
        |widest| {
            vec![
                Column::fixed(widest(0).max(6)),
                Column::fixed(widest(1).max(5)),
                Column::fixed(widest(2)),
                Column::fixed(widest(3)),
                Column::shrinks(widest(4), 12, 1).filling(),
            ]
        },
        |wide| wide[4].is_some_and(|status| usize::from(status) >= 16),
    )
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
        Line::raw(words::preview_max(&words::score(place.component.max, app.lang), app.lang)),
        Line::raw(words::preview_explanation(&super::safe(entry.map(|e| &*e.explanation).unwrap_or("")), app.lang)),
        Line::raw(words::documents_count(app.evidence_count(&unit.code, &place), app.lang)),
    ];
    let comments = app.comments_on(&unit.code, &place.component.code).len();
    let new = app.has_new_comment(&unit.code, &place.component.code);
    let mut lines = lines;
    if comments > 0 {
        lines.push(Line::raw(words::preview_comments(comments, new, app.lang)));
    }
    if let Some(gap) = app.file_gap(&unit.code, &place) {
        lines.push(Line::styled(
            words::gap_line(super::gap_words(gap, app.lang), app.lang),
            Style::new().fg(Color::Red),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(word(Word::PreviewTitle, app.lang))),
        area,
    );
}
