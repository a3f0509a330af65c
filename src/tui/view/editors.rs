//! The secretary's facts form and the chairman's grade override form.

use super::{heading, selected, warning};
use crate::domain::facts::FactValue;
use crate::domain::grades::Grade;
use crate::messages::Lang;
use crate::messages::views::{self as words, Word, word};
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Row, Table, TableState};

fn grade_name(grade: Option<Grade>, lang: Lang) -> &'static str {
    grade.map_or("—", |grade| words::grade(grade, lang))
}

/// A fact's value in the reader's words.
fn fact_value(value: &FactValue, lang: Lang) -> String {
    match value {
        FactValue::Bool(yes) => words::fact_choice(if *yes { "true" } else { "false" }, lang),
        FactValue::Count(n) => n.to_string(),
        FactValue::Choice(choice) => words::fact_choice(choice, lang),
    }
}

pub fn facts(frame: &mut Frame, app: &App, area: Rect) {
    let Some(form) = app.facts_form() else { return };
    let name = super::safe(app.unit(&form.unit).map(|u| u.name.as_str()).unwrap_or(""));
    // The fact's short title always, whole where the screen allows; the regulation's whole sentence beside it
    // where there is room. A text that must be cut ends in … (never cut silently).
    let texts: Vec<(String, &str, &str)> = form
        .values
        .iter()
        .map(|(fact, value)| {
            let definition = app.regulation.fact(fact);
            let title = definition.map_or(fact.as_str(), |f| f.title.as_str());
            let label = definition.map_or(fact.as_str(), |f| f.label.as_str());
            (fact_value(value, app.lang), title, label)
        })
        .collect();
    // Borders, the selection column and the spaces between columns.
    let inner = usize::from(area.width.saturating_sub(4));
    let longest_title = texts.iter().map(|(_, title, _)| super::text_width(title)).max().unwrap_or(0);
    let title_width =
        if area.width >= 120 { longest_title.min(inner.saturating_sub(13 + 20)) } else { inner.saturating_sub(13) };
    let label_width = inner.saturating_sub(13 + title_width);
    let rows: Vec<Row> = texts
        .into_iter()
        .map(|(value, title, label)| {
            let label = if area.width >= 120 { super::fit(label, label_width) } else { String::new() };
            Row::new(vec![value, super::fit(title, title_width), label])
        })
        .collect();
    let widths = if area.width >= 120 {
        [
            Constraint::Length(13),
            Constraint::Length(u16::try_from(title_width).unwrap_or(u16::MAX)),
            Constraint::Min(20),
        ]
    } else {
        [Constraint::Length(13), Constraint::Min(20), Constraint::Length(0)]
    };
    let table = Table::new(rows, widths)
        .header(Row::new([Word::Value, Word::Fact, Word::ByRegulation].map(|w| word(w, app.lang))).style(heading()))
        .block(Block::bordered().title(words::facts_title(&form.unit, &name, app.lang)))
        .row_highlight_style(selected());
    let (values_area, reason_area, error_area) = match &form.rerate_reason {
        Some(_) => {
            let [values, reason, error] =
                Layout::vertical([Constraint::Min(4), Constraint::Length(4), Constraint::Length(1)]).areas(area);
            (values, Some(reason), error)
        }
        None => {
            let [values, error] = Layout::vertical([Constraint::Min(4), Constraint::Length(1)]).areas(area);
            (values, None, error)
        }
    };
    let mut state = TableState::default().with_selected(Some(form.selected));
    frame.render_stateful_widget(table, values_area, &mut state);
    if let (Some(area), Some(reason)) = (reason_area, &form.rerate_reason) {
        let mut reason = reason.clone();
        let title = crate::messages::rerating::reason_box(app.regulation.rerating.as_deref(), app.lang);
        let mut block = Block::bordered().title(title);
        if form.reason_focus {
            block = block.title_style(heading().add_modifier(ratatui::style::Modifier::REVERSED));
        }
        reason.set_block(block);
        frame.render_widget(&reason, area);
    }
    if let Some(message) = &form.error {
        frame.render_widget(Line::styled(format!("✗ {message}"), warning()), error_area);
    }
}

pub fn grades(frame: &mut Frame, app: &App, area: Rect) {
    let Some(form) = app.grade_form() else { return };
    let name = super::safe(app.unit(&form.unit).map(|u| u.name.as_str()).unwrap_or(""));
    let [list, chosen, reason, error] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(1), Constraint::Length(4), Constraint::Length(1)])
            .areas(area);
    let unit = app.unit(&form.unit);
    let rows: Vec<Row> = form
        .criteria
        .iter()
        .map(|(code, proposed, current)| {
            let override_reason =
                unit.and_then(|u| u.grade_overrides.get(code)).map(|o| o.reason.clone()).unwrap_or_default();
            Row::new(vec![
                code.clone(),
                grade_name(*proposed, app.lang).to_string(),
                grade_name(*current, app.lang).to_string(),
                override_reason,
            ])
        })
        .collect();
    let table =
        Table::new(rows, [Constraint::Length(8), Constraint::Length(11), Constraint::Length(11), Constraint::Min(10)])
            .header(
                Row::new(
                    [Word::Criterion, Word::Proposed, Word::Applied, Word::OverrideReason].map(|w| word(w, app.lang)),
                )
                .style(heading()),
            )
            .block(Block::bordered().title(words::grades_title(&form.unit, &name, app.lang)))
            .row_highlight_style(selected());
    let mut state = TableState::default().with_selected(Some(form.selected));
    frame.render_stateful_widget(table, list, &mut state);
    let code = form.criteria.get(form.selected).map(|c| c.0.as_str()).unwrap_or("");
    let score = unit
        .and_then(|u| crate::domain::evaluate::evaluate_unit(&app.regulation, u))
        .and_then(|e| e.score.criterion(code).map(|c| (c.score, c.max)))
        .map(|(score, max)| {
            let shown = score.map_or_else(|| "—".into(), |score| words::score(score, app.lang));
            format!("{shown}/{}", words::score(max, app.lang))
        })
        .unwrap_or_default();
    let proposed = form.criteria.get(form.selected).and_then(|c| c.1);
    let overridden = unit.is_some_and(|u| u.grade_overrides.contains_key(code));
    // An override equal to the proposed grade is not stored: said before the chairman saves.
    let chosen_line = words::grade_choice(
        code,
        &score,
        grade_name(form.chosen, app.lang),
        proposed == form.chosen,
        overridden,
        app.lang,
    );
    frame.render_widget(Line::styled(chosen_line, heading()), chosen);
    let mut textarea = form.reason.clone();
    textarea.set_block(Block::bordered().title(word(Word::OverrideReasonBox, app.lang)));
    frame.render_widget(&textarea, reason);
    if let Some(message) = &form.error {
        frame.render_widget(Line::styled(format!("✗ {message}"), warning()), error);
    }
}
