//! Progress of the appraisal: per appraising agency and per unit, how many components are appraised.

use super::{heading, selected};
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Row, Table, TableState};
use std::fmt::Write;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let by_agency = app.agency_progress();
    let [agencies, units] =
        Layout::vertical([Constraint::Length(super::cells(by_agency.len()).saturating_add(3)), Constraint::Min(3)])
            .areas(area);
    let rows: Vec<Row> = by_agency
        .iter()
        .map(|(code, (done, total))| {
            let name = app.regulation.agency(code).map(|a| a.name.as_str()).unwrap_or(code);
            let percent = if *total == 0 { 100 } else { done * 100 / total };
            Row::new(vec![name.to_string(), format!("{done}/{total}"), format!("{percent}%")])
        })
        .collect();
    frame.render_widget(
        Table::new(rows, [Constraint::Min(20), Constraint::Length(11), Constraint::Length(5)])
            .header(Row::new(vec!["Cơ quan thẩm định", "Đã thẩm định", ""]).style(heading()))
            .block(Block::bordered().title(" Tiến độ theo cơ quan thẩm định ")),
        agencies,
    );
    // A round that takes submissions shows each unit's (issue 16).
    let submissions = app.submissions.by_unit.is_some();
    // Only the page of units around the selection is built.
    let shown =
        super::window(app.browse.progress_selected, app.round.units.len(), units.height, &app.scroll.progress, app);
    super::clickable(app, units.y + 2, shown.clone().map(Some));
    let by_unit: Vec<Row> = app.round.units[shown.clone()]
        .iter()
        .enumerate()
        .map(|(offset, unit)| {
            let progress = app.unit_progress(shown.start + offset).cloned().unwrap_or_default();
            let incomplete = if progress.incomplete == 0 { String::new() } else { progress.incomplete.to_string() };
            let mut cells = vec![
                unit.code.to_string(),
                super::safe(&unit.name).into_owned(),
                format!("{}/{}", progress.done, progress.total),
                incomplete,
            ];
            if submissions {
                cells.push(app.submission_cell(&unit.code));
            }
            Row::new(cells)
        })
        .collect();
    let (components, units_incomplete) = app.incomplete_files();
    let mut title = " Tiến độ theo đơn vị ".to_string();
    if components > 0 {
        let _ = write!(title, "— thiếu hồ sơ: {components} tiêu chí thành phần ở {units_incomplete} đơn vị ");
    }
    if let Some(note) = app.submissions_note() {
        let _ = write!(title, "— {note} ");
    }
    let mut widths = vec![Constraint::Length(16), Constraint::Min(20), Constraint::Length(9), Constraint::Length(12)];
    let mut header = vec!["Mã", "Đơn vị", "Đã TĐ", "Thiếu hồ sơ"];
    if submissions {
        widths.push(Constraint::Length(44));
        header.push("Nộp");
    }
    let table = Table::new(by_unit, widths)
        .header(Row::new(header).style(heading()))
        .block(Block::bordered().title(title))
        .row_highlight_style(selected());
    let selected_row = app.browse.progress_selected.checked_sub(shown.start);
    let mut state = TableState::default().with_selected(selected_row.filter(|_| !app.round.units.is_empty()));
    frame.render_stateful_widget(table, units, &mut state);
}
