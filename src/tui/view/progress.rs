//! Progress of the appraisal: per appraising agency and per unit, how many components are appraised.

use super::{Column, Spelled, selected};
use crate::messages::views::{self as words, Heading, Word, word};
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, TableState};
use std::fmt::Write;

/// The agencies' table: the agency's name shrinks first; the counts are never cut.
fn agencies_table(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let rows: Vec<(Spelled, Style)> = app
        .agency_progress()
        .iter()
        .map(|(code, (done, total))| {
            let name = app.regulation.agency(code).map(|a| a.name.as_str()).unwrap_or(code);
            let percent = if *total == 0 { 100 } else { done * 100 / total };
            (Spelled::same(vec![super::one_line(name), format!("{done}/{total}"), format!("{percent}%")]), Style::new())
        })
        .collect();
    let agency = word(Word::Agency, lang);
    let header = Spelled::headings(&[(agency, agency), words::heading(Heading::Appraised, lang), ("", "")]);
    let table = super::spelled_table(
        rows,
        &header,
        area.width.saturating_sub(2),
        |widest| {
            vec![Column::shrinks(widest(0), 12, 1).filling(), Column::fixed(widest(1)), Column::fixed(widest(2).max(4))]
        },
        |wide| wide[0].is_some_and(|name| usize::from(name) >= 20),
    );
    frame.render_widget(table.block(Block::bordered().title(word(Word::AgencyProgress, lang))), area);
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let by_agency = app.agency_progress();
    let [agencies, units] =
        Layout::vertical([Constraint::Length(super::cells(by_agency.len()).saturating_add(3)), Constraint::Min(3)])
            .areas(area);
    agencies_table(frame, app, agencies);
    // A round that takes submissions shows each unit's (issue 16).
    let submissions = app.submissions.by_unit.is_some();
    // Only the page of units around the selection is built.
    let shown =
        super::window(app.browse.progress_selected, app.round.units.len(), units.height, &app.scroll.progress, app);
    super::clickable(app, units.y + 2, shown.clone().map(Some));
    let by_unit: Vec<(Spelled, Style)> = app.round.units[shown.clone()]
        .iter()
        .enumerate()
        .map(|(offset, unit)| {
            let progress = app.unit_progress(shown.start + offset).cloned().unwrap_or_default();
            let incomplete = if progress.incomplete == 0 { String::new() } else { progress.incomplete.to_string() };
            let mut cells = vec![
                unit.code.to_string(),
                super::one_line(&unit.name),
                format!("{}/{}", progress.done, progress.total),
                incomplete,
            ];
            if submissions {
                cells.push(super::one_line(&app.submission_cell(&unit.code)));
            }
            (Spelled::same(cells), Style::new())
        })
        .collect();
    let (components, units_incomplete) = app.incomplete_files();
    let mut title = words::progress_title((components > 0).then_some((components, units_incomplete)), lang);
    if let Some(note) = app.submissions_note() {
        let _ = write!(title, "— {note} ");
    }
    let (code, unit) = (word(Word::Code, lang), word(Word::Unit, lang));
    let mut headings = vec![
        (code, code),
        (unit, unit),
        words::heading(Heading::Appraised, lang),
        words::heading(Heading::IncompleteFile, lang),
    ];
    if submissions {
        let submission = word(Word::Submission, lang);
        headings.push((submission, submission));
    }
    // The code and the counts are never cut; the unit's name shrinks first, then the submission's cell; the
    // headings are spelled out where the name keeps its room.
    let table = super::spelled_table(
        by_unit,
        &Spelled::headings(&headings),
        units.width.saturating_sub(2),
        |widest| {
            let mut columns = vec![
                Column::fixed(widest(0)),
                Column::shrinks(widest(1), 14, 1).filling(),
                Column::fixed(widest(2)),
                Column::fixed(widest(3)),
            ];
            if submissions {
                columns.push(Column::shrinks(widest(4), 12, 2));
            }
            columns
        },
        |wide| wide[1].is_some_and(|name| usize::from(name) >= 24),
    )
    .block(Block::bordered().title(title))
    .row_highlight_style(selected());
    let selected_row = app.browse.progress_selected.checked_sub(shown.start);
    let mut state = TableState::default().with_selected(selected_row.filter(|_| !app.round.units.is_empty()));
    frame.render_stateful_widget(table, units, &mut state);
}
