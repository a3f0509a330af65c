//! The live ranking of a bloc with its quota line and tie groups, the reasons of the selected unit, and the chairman's ties.

use super::{Column, Spelled, heading, level_style, selected, warning};
use crate::domain::code::UnitCode;
use crate::domain::ranking::{BlocRanking, RankedUnit};
use crate::messages::views::{self as words, Word, word};
use crate::tui::app::{App, TieEdit};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Row, Table, TableState, Wrap};

/// One ranked unit's cells: rank (`=` for an open tie), code, name, totals and level (in words; the row is coloured).
/// The further decimals the regulation's tie chain counts (2610: 3), if a decimal is a tie key.
fn further_decimals(app: &App) -> Option<u32> {
    app.regulation.tie_keys.iter().find_map(|key| match key {
        crate::domain::tie_keys::TieKey::Decimals(n) => Some(*n),
        _ => None,
    })
}

/// The heading of the further decimals' column, named only where a decimal is a tie key.
fn further_heading(app: &App) -> String {
    further_decimals(app).map(|n| crate::messages::cli::further_decimals(app.lang, n)).unwrap_or_default()
}

/// A ranked unit's cells: full words where `wide`, else the level abbreviated and `*` marking a provisional total.
fn ranked_cells(app: &App, unit: &RankedUnit, name: String, tie: &str, wide: bool, flagged: bool) -> Vec<String> {
    let further = further_decimals(app).is_some();
    let provisional = match (unit.provisional, wide) {
        (true, true) => word(Word::Provisional, app.lang),
        (true, false) => " *",
        _ => "",
    };
    let level = if wide {
        crate::messages::levels::outcome(&app.regulation, unit.outcome, app.lang)
    } else {
        crate::messages::levels::outcome_short(&app.regulation, unit.outcome, app.lang)
    };
    // ⚑: not completed two years running (Điều 11.2.d), for the chairman; the reasons say it in words.
    let level = if flagged { format!("⚑ {level}") } else { level };
    let level = if unit.quota_exception {
        format!("{level} ({})", crate::messages::exceed::beyond_mark(crate::messages::Lang::Vi))
    } else {
        level
    };
    vec![
        format!("{}{tie}", unit.rank),
        unit.unit.to_string(),
        name,
        words::total(unit.official_total, app.lang),
        if further { words::total(unit.tiebreak_total, app.lang) } else { String::new() },
        format!("{level}{provisional}"),
    ]
}

/// The ranking's columns in `width`: the rank, the code, the total and the level are never cut; the three-decimal
/// total hides first, then the unit's name shrinks (ending in …). Full level names where they leave the name room.
fn ranking_columns(rows: &[Spelled], header: &Spelled, width: u16) -> (bool, Vec<Option<u16>>) {
    super::fit_spelled(
        rows,
        header,
        width,
        |widest| {
            vec![
                Column::fixed(widest(0)),
                Column::fixed(widest(1)),
                Column::shrinks(widest(2), 16, 2).filling(),
                Column::fixed(widest(3).max(6)),
                Column::optional(widest(4), widest(4), 1),
                Column::fixed(widest(5)),
            ]
        },
        |wide| wide[4].is_some() && wide[2].map_or(0, usize::from) >= 24,
    )
}

/// Why the selected unit has its level.
fn reasons_pane(frame: &mut Frame, app: &App, ranking: &BlocRanking, area: Rect) {
    let selected = app.ranking_rows().get(app.browse.ranking_selected).map(|index| &ranking.units[*index]);
    // Inside the borders; a reason's wrapped lines hang under its first word, past the bullet (as the unit's
    // file wraps its texts).
    let width = usize::from(area.width.saturating_sub(2)).max(12);
    let reasons: Vec<Line> = selected
        .map(|unit| {
            app.reasons_of(unit)
                .iter()
                .flat_map(|r| super::wrap::lines(&format!("• {r}"), width, 0, 2))
                .map(Line::raw)
                .collect()
        })
        .unwrap_or_default();
    let none = UnitCode::default();
    let unit_title = selected.map_or(&none, |unit| &unit.unit);
    frame.render_widget(
        Paragraph::new(reasons).block(Block::bordered().title(words::reasons_title(unit_title, app.lang))),
        area,
    );
}

/// A ranked unit's cells in both spellings of its level (full and short), with the row's colour.
struct RankedLine {
    cells: Spelled,
    style: ratatui::style::Style,
}

/// The page of the ranking (`shown` of the `visible` rows) as lines, None for the quota line; which ranking row
/// each line shows (None: the quota line), for the mouse; and the selected line.
fn ranked_lines(
    app: &App,
    result: &crate::domain::evaluate::BlocResult,
    visible: &[usize],
    shown: std::ops::Range<usize>,
) -> (Vec<Option<RankedLine>>, Vec<Option<usize>>, Option<usize>) {
    let ranking = &result.ranking;
    let (mut built, mut positions, mut selected_row) = (Vec::new(), Vec::new(), None);
    for (position, index) in visible.iter().enumerate().skip(shown.start).take(shown.len()) {
        let unit = &ranking.units[*index];
        let name = app.unit(&unit.unit).map(|u| super::one_line(&u.name)).unwrap_or_default();
        let tie = match unit.tie_group.map(|g| &ranking.tie_groups[g]) {
            Some(group) if !group.resolved => "=",
            _ => "",
        };
        if position == app.browse.ranking_selected {
            selected_row = Some(built.len());
        }
        positions.push(Some(position));
        let previous = app.previous_levels.get(unit.unit.as_str());
        let context = crate::domain::previous_year::YearContext::of(&app.regulation, &app.round, &result.bloc);
        let flagged = !crate::domain::previous_year::year_flags(&context, previous, unit.outcome).is_empty();
        built.push(Some(RankedLine {
            cells: Spelled {
                full: ranked_cells(app, unit, name.clone(), tie, true, flagged),
                short: ranked_cells(app, unit, name, tie, false, flagged),
            },
            style: level_style(unit.outcome),
        }));
        // The quota line: below it no unit can be rated excellent.
        if ranking.quota_line_after() == Some(*index) && app.browse.filter.is_empty() {
            positions.push(None);
            built.push(None);
        }
    }
    (built, positions, selected_row)
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(result) = app.results().get(app.browse.bloc) else {
        frame.render_widget(Paragraph::new(word(Word::NoUnitYet, app.lang)).block(Block::bordered()), area);
        return;
    };
    let ranking = &result.ranking;
    let bloc_name = app.regulation.bloc(&result.bloc).map(|b| b.name.as_str()).unwrap_or(&result.bloc);
    let [table_area, reasons_area] =
        Layout::vertical([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(area);
    let visible = app.ranking_rows();
    // Only the page around the selection is built (the quota line may take one more line).
    let shown = super::window(
        app.browse.ranking_selected,
        visible.len(),
        table_area.height.saturating_sub(1),
        &app.scroll.ranking,
        app,
    );
    let (built, positions, selected_row) = ranked_lines(app, result, visible, shown);
    let measured: Vec<Spelled> = built.iter().flatten().map(|line| line.cells.clone()).collect();
    let header = Spelled::same(vec![
        word(Word::Rank, app.lang).to_string(),
        word(Word::Code, app.lang).into(),
        word(Word::Unit, app.lang).into(),
        word(Word::Total, app.lang).into(),
        further_heading(app),
        word(Word::Level, app.lang).into(),
    ]);
    let (wide, widths) = ranking_columns(&measured, &header, table_area.width.saturating_sub(2));
    let line = |width: Option<u16>| "─".repeat(usize::from(width.unwrap_or(0)));
    let mut rows: Vec<Row> = built
        .into_iter()
        .map(|row| match row {
            Some(line) => Row::new(super::shown_cells(line.cells.pick(wide), &widths)).style(line.style),
            None => Row::new(super::shown_cells(
                vec![
                    line(widths[0]),
                    line(widths[1]),
                    words::quota_line(ranking.quota, app.lang),
                    line(widths[3]),
                    line(widths[4]),
                    line(widths[5]),
                ],
                &widths,
            ))
            .style(warning()),
        })
        .collect();
    if visible.is_empty() && !app.browse.filter.is_empty() {
        let cells = vec![String::new(), String::new(), word(Word::NoMatch, app.lang).to_string()];
        rows.push(Row::new(super::shown_cells(cells, &widths)).style(warning()));
    }
    // The counts in full words where the title has room (at 160 columns), abbreviated on a narrow screen.
    let title = |short: bool| {
        words::ranking_title(
            bloc_name,
            (app.browse.bloc + 1, app.results().len()),
            app.approved.contains(&result.bloc),
            (ranking.eligible, ranking.quota),
            short,
            app.lang,
        )
    };
    let room = usize::from(table_area.width.saturating_sub(4));
    let title = if super::text_width(&title(false)) <= room { title(false) } else { title(true) };
    let table = Table::new(rows, super::shown_constraints(&widths))
        .header(Row::new(super::shown_cells(header.pick(wide), &widths)).style(heading()))
        .block(Block::bordered().title(title))
        .row_highlight_style(selected());
    super::clickable(app, table_area.y + 2, positions);
    let mut state = TableState::default().with_selected(selected_row);
    frame.render_stateful_widget(table, table_area, &mut state);

    reasons_pane(frame, app, ranking, reasons_area);
}

/// The chairman's pane: unresolved tie groups, and the one being ordered.
pub fn ties(frame: &mut Frame, app: &App, area: Rect) {
    if let Some(edit) = app.tie_edit() {
        tie_order(frame, app, edit, area);
        return;
    }
    let ties = app.open_ties();
    let rows = app.tie_rows();
    if rows == 0 {
        frame.render_widget(
            Paragraph::new(word(Word::NoOpenTie, app.lang))
                .block(Block::bordered().title(word(Word::TiesTitle, app.lang))),
            area,
        );
        return;
    }
    // Only the page around the selection is built.
    let shown = super::window(app.browse.ties_selected, rows, area.height.saturating_add(1), &app.scroll.ties, app);
    super::clickable(app, area.y + 1, shown.clone().map(Some));
    let items: Vec<ListItem> = shown
        .clone()
        .filter_map(|index| app.tie_row(index))
        .map(|(bloc, units, ordered)| {
            let total = app
                .results()
                .iter()
                .find(|r| r.bloc == *bloc)
                .and_then(|r| r.ranking.units.iter().find(|u| u.unit == units[0]))
                .map(|u| words::total(u.tiebreak_total, app.lang))
                .unwrap_or_default();
            ListItem::new(words::tie_row(bloc, &units.join(", "), &total, ordered, app.lang))
        })
        .collect();
    let list = List::new(items)
        .block(Block::bordered().title(words::ties_title(ties.len(), app.recorded_ties().len(), app.lang)))
        .highlight_style(selected());
    let mut state = ListState::default().with_selected(app.browse.ties_selected.checked_sub(shown.start));
    frame.render_stateful_widget(list, area, &mut state);
}

/// The chairman ordering a tie group, with the figures to decide on: each unit's name and total to 3 decimals,
/// its criterion grades side by side, and the components where the units differ.
fn tie_order(frame: &mut Frame, app: &App, edit: &TieEdit, area: Rect) {
    let table_height = super::cells(edit.units.len()).saturating_add(3).min(area.height / 2).max(4);
    let reason_height = if edit.reason.is_some() || edit.confirm.is_some() { 3 } else { 0 };
    let [table_area, reason_area, differences_area] =
        Layout::vertical([Constraint::Length(table_height), Constraint::Length(reason_height), Constraint::Min(3)])
            .areas(area);
    if let Some(typed) = &edit.confirm {
        tie_confirm(frame, app, edit, typed, reason_area);
    } else if let Some(reason) = &edit.reason {
        tie_reason(frame, app, edit, reason, reason_area);
    }
    tie_figures(frame, app, edit, table_area);
    let mut lines = differing_components(app, &edit.units);
    let title = words::differing_title(lines.len(), app.lang);
    if lines.is_empty() {
        lines.push(Line::raw(word(Word::NoDifference, app.lang)));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(Block::bordered().title(title)),
        differences_area,
    );
}

/// A reopened order's reason for the change.
fn tie_reason(frame: &mut Frame, app: &App, edit: &TieEdit, reason: &str, area: Rect) {
    let (text, title) = if edit.reason_focus {
        (format!("{reason}▏"), word(Word::TieReasonFocused, app.lang))
    } else {
        (String::new(), word(Word::TieReasonWaiting, app.lang))
    };
    let mut block = Block::bordered().title(title);
    if edit.reason_focus {
        block = block.title_style(heading().add_modifier(ratatui::style::Modifier::REVERSED));
    }
    frame.render_widget(Paragraph::new(text).block(block), area);
}

/// The question before a new order is recorded, as the approval asks, naming who records it by full name.
fn tie_confirm(frame: &mut Frame, app: &App, edit: &TieEdit, typed: &str, area: Rect) {
    let block = Block::bordered()
        .title(words::tie_confirm_title(&super::acting_person(app), app.lang))
        .title_style(heading().add_modifier(ratatui::style::Modifier::REVERSED));
    let text = format!("{} · {typed}▏", words::tie_confirm_order(&edit.units.join(", "), app.lang));
    frame.render_widget(Paragraph::new(text).block(block), area);
}

/// The units in the chairman's order: name, total to 3 decimals, criterion grades side by side.
fn tie_figures(frame: &mut Frame, app: &App, edit: &TieEdit, area: Rect) {
    let evaluations: Vec<_> = edit
        .units
        .iter()
        .map(|code| app.unit(code).and_then(|unit| crate::domain::evaluate::evaluate_unit(&app.regulation, unit)))
        .collect();
    let criteria: Vec<String> = evaluations
        .iter()
        .flatten()
        .next()
        .map(|e| e.score.criteria.iter().map(|c| c.code.clone()).collect())
        .unwrap_or_default();
    let rows: Vec<Row> = edit
        .units
        .iter()
        .zip(&evaluations)
        .enumerate()
        .map(|(i, (code, evaluation))| {
            let name = app.unit(code).map(|u| super::safe(&u.name).into_owned()).unwrap_or_default();
            let total = app.ranked(code).map(|r| words::total(r.tiebreak_total, app.lang)).unwrap_or_default();
            let mut cells = vec![format!("{}.", i + 1), code.clone(), name, total];
            for criterion in &criteria {
                let grade = evaluation.as_ref().and_then(|e| e.score.criterion(criterion)).and_then(|c| c.grade);
                cells.push(words::grade_letter(grade, app.lang).to_string());
            }
            Row::new(cells)
        })
        .collect();
    let total_heading = match further_decimals(app) {
        Some(n) => words::total_with(&crate::messages::cli::further_decimals(app.lang, n), app.lang),
        None => word(Word::Total, app.lang).into(),
    };
    let mut header =
        vec![String::new(), word(Word::Code, app.lang).into(), word(Word::Unit, app.lang).into(), total_heading];
    header.extend(criteria.iter().cloned());
    let mut widths = vec![Constraint::Length(3), Constraint::Length(10), Constraint::Min(12), Constraint::Length(14)];
    widths.extend(criteria.iter().map(|c| Constraint::Length(super::cells(c.chars().count().max(2)))));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(heading()))
        .block(Block::bordered().title(words::tie_figures_title(&edit.bloc, app.lang)))
        .row_highlight_style(selected());
    let mut state = TableState::default().with_selected(Some(edit.selected));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The components where the units' scores differ (appraised where present, else self-score).
fn differing_components(app: &App, units: &[String]) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let first = units.first().and_then(|code| app.unit(code));
    let Some(framework) = first.and_then(|u| app.regulation.framework_for(&u.bloc, u.group.as_deref())) else {
        return lines;
    };
    for place in framework.components() {
        let values: Vec<Option<rust_decimal::Decimal>> = units
            .iter()
            .map(|code| {
                let entry = app.unit(code)?.entries.get(&place.component.code)?;
                entry.effective_appraised().or(entry.self_score)
            })
            .collect();
        if values.windows(2).all(|pair| pair[0] == pair[1]) {
            continue;
        }
        let shown: Vec<String> = units
            .iter()
            .zip(&values)
            .map(|(code, value)| {
                format!("{code} {}", value.map(|v| words::score(v, app.lang)).unwrap_or_else(|| "—".into()))
            })
            .collect();
        lines.push(Line::raw(words::differing_line(
            &place.component.code,
            &words::score(place.component.max, app.lang),
            &shown.join(" · "),
            app.lang,
        )));
    }
    lines
}
