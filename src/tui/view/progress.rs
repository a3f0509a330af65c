//! Progress of the appraisal: per appraising agency and per unit, how many components are appraised.

use super::{heading, selected};
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Row, Table, TableState};
use std::collections::BTreeMap;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let mut by_agency: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut by_unit = Vec::new();
    for unit in &app.round.units {
        let Some(framework) = app.regulation.framework_for(&unit.bloc, unit.group.as_deref()) else { continue };
        let (mut done, mut total) = (0, 0);
        for place in framework.components() {
            let entry = unit.entries.get(&place.component.code);
            if entry.is_some_and(|e| !e.applicable) {
                continue;
            }
            let appraised = entry.and_then(|e| e.effective_appraised()).is_some();
            total += 1;
            done += usize::from(appraised);
            if let Some(agency) = place.component.agencies.first() {
                let counts = by_agency.entry(agency.as_str()).or_default();
                counts.1 += 1;
                counts.0 += usize::from(appraised);
            }
        }
        by_unit.push(Row::new(vec![unit.code.clone(), unit.name.clone(), format!("{done}/{total}")]));
    }
    let [agencies, units] =
        Layout::vertical([Constraint::Length(by_agency.len() as u16 + 3), Constraint::Min(3)]).areas(area);
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
    let table = Table::new(by_unit, [Constraint::Length(16), Constraint::Min(20), Constraint::Length(9)])
        .header(Row::new(vec!["Mã", "Đơn vị", "Đã TĐ"]).style(heading()))
        .block(Block::bordered().title(" Tiến độ theo đơn vị "))
        .row_highlight_style(selected());
    let mut state = TableState::default().with_selected(Some(app.progress_selected));
    frame.render_stateful_widget(table, units, &mut state);
}
