//! A unit's own screens: its self-assessment (every component with max, self-score, explanation and documents),
//! one component's form, the submission prompt, and its result once published.

use super::{Column, Spelled, heading, selected, warning};
use crate::messages::views::{self as words, Heading, Word, word};
use crate::tui::app::{App, SelfField};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, TableState, Wrap};

/// Submitted or not, and the deadline.
fn status_lines(app: &App) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    match &app.unit_side.submission {
        Some(done) => {
            lines.push(Line::styled(
                words::submitted(
                    &crate::domain::vn_time::vietnam_time(&done.submitted_at),
                    &crate::domain::calendar::shown_vietnamese(&done.approved_on),
                    &super::safe(&done.minutes),
                    done.late,
                    app.lang,
                ),
                heading(),
            ));
        }
        None => lines.push(Line::styled(word(Word::NotSubmittedYet, app.lang), warning())),
    }
    if let Some(note) = app.deadline_note() {
        lines.push(Line::raw(note));
    }
    lines
}

/// The files this user sent lately that were refused, newest first, with why (what `sftp` and `scp` showed only as
/// *Failure*): a heading and the three latest, wrapped to `width`, at most `room` lines.
fn refusal_lines(app: &App, width: u16, room: u16) -> Vec<Line<'static>> {
    use crate::messages::refusals::{screen_heading, screen_line};
    let refusals = &app.unit_side.refusals;
    if refusals.is_empty() {
        return Vec::new();
    }
    let width = usize::from(width);
    let mut lines: Vec<Line<'static>> = super::wrap::lines(&screen_heading(refusals.len(), app.lang), width, 0, 2)
        .into_iter()
        .map(|line| Line::styled(line, warning()))
        .collect();
    for refusal in refusals.iter().take(3) {
        let text = super::safe(&screen_line(refusal, app.lang)).into_owned();
        lines.extend(super::wrap::lines(&text, width, 2, 4).into_iter().map(Line::raw));
    }
    lines.truncate(usize::from(room));
    lines
}

/// Above the unit's list: submitted or not, the deadline, the recent refused uploads; the area left for the list.
fn head(frame: &mut Frame, app: &App, area: Rect) -> Rect {
    let refused = refusal_lines(app, area.width, area.height.saturating_sub(6));
    let [status, refusals, list] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(u16::try_from(refused.len()).unwrap_or(0)),
        Constraint::Min(4),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(status_lines(app)).wrap(Wrap { trim: true }), status);
    frame.render_widget(Paragraph::new(refused), refusals);
    list
}

/// The unit's framework, one component a row.
pub fn pane(frame: &mut Frame, app: &App, area: Rect) {
    let Some(unit) = app.round.units.first() else { return };
    let list = head(frame, app, area);
    let components = app.self_assessed_components(&unit.code);
    let shown = super::window(app.browse.self_selected, components.len(), list.height, &app.scroll.progress, app);
    super::clickable(app, list.y + 2, shown.clone().map(Some));
    let lang = app.lang;
    let rows: Vec<(Spelled, ratatui::style::Style)> = components[shown.clone()]
        .iter()
        .map(|place| {
            let entry = unit.entries.get(&place.component.code);
            let applicable = entry.is_none_or(|e| e.applicable);
            let explained = if entry.is_some_and(|e| !e.explanation.is_empty()) { word(Word::Yes, lang) } else { "" };
            let documents = app.evidence_count(&unit.code, place);
            let cells = |not_applicable: &str| {
                let score = match entry.and_then(|e| e.self_score) {
                    _ if !applicable => not_applicable.to_string(),
                    Some(score) => words::score(score, lang),
                    None => "—".into(),
                };
                vec![
                    place.component.code.to_string(),
                    super::one_line(&place.component.name),
                    words::score(place.component.max, lang),
                    score,
                    explained.to_string(),
                    if documents == 0 { String::new() } else { documents.to_string() },
                ]
            };
            // Not applicable in words where the column has room, its initials (KAD) only on a narrow screen.
            let spelled = Spelled {
                full: cells(word(Word::NotApplicable, lang)),
                short: cells(word(Word::NotApplicableShort, lang)),
            };
            (spelled, ratatui::style::Style::new())
        })
        .collect();
    // Counted over the components the unit scores (never the leaders' group I, whatever older data holds there).
    let filled = components
        .iter()
        .filter(|place| {
            unit.entries.get(&place.component.code).is_some_and(|e| e.self_score.is_some() || !e.applicable)
        })
        .count();
    let title = words::self_list_title(&super::safe(&unit.name), filled, components.len(), lang);
    let (component, name, max, own) = (
        word(Word::Component, lang),
        word(Word::ComponentName, lang),
        word(Word::Max, lang),
        word(Word::OwnScore, lang),
    );
    let header = Spelled::headings(&[
        (component, component),
        (name, name),
        (max, max),
        (own, own),
        words::heading(Heading::Explanation, lang),
        words::heading(Heading::Documents, lang),
    ]);
    // The code and the scores are never cut; the component's name shrinks first.
    let table = super::spelled_table(
        rows,
        &header,
        list.width.saturating_sub(2),
        |widest| {
            vec![
                Column::fixed(widest(0)),
                Column::shrinks(widest(1), 16, 1).filling(),
                Column::fixed(widest(2)),
                Column::fixed(widest(3)),
                Column::fixed(widest(4)),
                Column::fixed(widest(5)),
            ]
        },
        |wide| wide[1].is_some_and(|name| usize::from(name) >= 40),
    )
    .block(Block::bordered().title(title))
    .row_highlight_style(selected());
    let mut state = TableState::default().with_selected(Some(app.browse.self_selected.saturating_sub(shown.start)));
    frame.render_stateful_widget(table, list, &mut state);
}

/// The component's place: its content, its criterion and each middle level above it (B.2.1 above B.2.1.1) with the
/// unit's own subtotal.
fn context_line(
    app: &App,
    unit: &crate::domain::evaluate::UnitRecord,
    place: &crate::domain::framework::ComponentPlace<'_>,
) -> String {
    // The middle levels above the component (B.2.1 above B.2.1.1), each with the unit's own subtotal.
    let subs: Vec<String> = place
        .criterion
        .subcriteria
        .iter()
        .filter(|sub| sub.leaves.contains(&place.component.code))
        .map(|sub| {
            let own: rust_decimal::Decimal = sub
                .leaves
                .iter()
                .filter_map(|leaf| unit.entries.get(leaf))
                .filter(|entry| entry.applicable)
                .filter_map(|entry| entry.self_score)
                .sum();
            crate::messages::subtotals::self_context(app.lang, &sub.code, &sub.name, sub.max, own)
        })
        .collect();
    let mut context = format!("{} › {} {}", place.content.name, place.criterion.code, place.criterion.name);
    for sub in &subs {
        context.push_str(" › ");
        context.push_str(sub);
    }
    context
}

/// One component's self-assessment: what it asks, the score, the explanation, the documents, a new document.
pub fn form(frame: &mut Frame, app: &App, area: Rect) {
    let crate::tui::app::Screen::SelfAssess(form) = &app.screen else { return };
    let Some(unit) = app.unit(&form.unit) else { return };
    let Some(place) = app.place(unit, &form.component) else { return };
    let documents = app.evidence_for(&unit.code, &place);
    let files = app.files_for(&unit.code, &place);
    let refused = app.refusals_for(&unit.code, &place);
    let outer = Block::bordered().title(words::self_form_title(&unit.code, &form.component, app.lang));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [about, score, explanation, listed, adding, error] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Min(4),
        Constraint::Length(super::cells(documents.len() + files.len() + refused.len()).saturating_add(3).clamp(4, 10)),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let context = context_line(app, unit, &place);
    let about_lines =
        vec![Line::raw(context), Line::styled(format!("{} {}", place.component.code, place.component.name), heading())];
    frame.render_widget(Paragraph::new(about_lines).wrap(Wrap { trim: true }), about);
    let focus = |field: SelfField| if form.field == field { selected() } else { heading() };
    let score_line = if form.applicable {
        Line::from(vec![
            Span::raw(words::self_score_label(&words::score(place.component.max, app.lang), app.lang)),
            Span::styled(format!(" {:<8}", form.score), focus(SelfField::Score)),
        ])
    } else {
        Line::styled(words::not_applicable_form(app.lang), warning())
    };
    frame.render_widget(score_line, score);
    let mut text = form.explanation.clone();
    let mut block = Block::bordered().title(word(Word::ExplanationBox, app.lang));
    if form.field == SelfField::Explanation {
        block = block.title_style(heading().add_modifier(Modifier::REVERSED));
    }
    text.set_block(block);
    frame.render_widget(&text, explanation);
    let mut rows: Vec<[String; 3]> = documents
        .iter()
        .map(|doc| {
            let issued_on = crate::domain::calendar::shown_vietnamese(&doc.issued_on);
            [&doc.reference, &issued_on, &doc.title].map(|t| super::one_line(t))
        })
        .collect();
    // The files the unit sent for it: each with its number and date, or "chưa có số/ngày/trích yếu" (Ctrl-F).
    for file in &files {
        let cells = [file.name.clone(), file.folder.clone(), crate::messages::uploads::file_line(file)];
        rows.push(cells.map(|text| super::one_line(&text)));
    }
    // The files sent here lately that were refused (sftp and scp said only "Failure"): why.
    for refusal in &refused {
        let name = refusal.path.rsplit('/').next().unwrap_or_default().to_string();
        let folder = refusal.path.split('/').nth(2).unwrap_or_default().to_string();
        let cells = [name, folder, crate::messages::refusals::form_cell(refusal, app.lang)];
        rows.push(cells.map(|text| super::one_line(&text)));
    }
    frame.render_widget(
        super::documents_table(rows, listed.width.saturating_sub(2), app.lang)
            .block(Block::bordered().title(words::documents_title(documents.len(), None, app.lang))),
        listed,
    );
    let [reference, date, title] = &form.document;
    let [reference_label, date_label, title_label] = words::add_document(app.lang);
    frame.render_widget(
        Line::from(vec![
            Span::raw(reference_label),
            Span::styled(format!(" {reference:<12}"), focus(SelfField::DocumentReference)),
            Span::raw(date_label),
            Span::styled(format!(" {date:<10}"), focus(SelfField::DocumentDate)),
            Span::raw(title_label),
            Span::styled(format!(" {title}▏"), focus(SelfField::DocumentTitle)),
        ]),
        adding,
    );
    if let Some(message) = &form.error {
        frame.render_widget(Line::styled(format!("✗ {}", super::safe(message)), warning()), error);
    }
}

/// The submission prompt (Điều 8.1.b): the collective's approval date and the minutes' number.
pub fn submit(frame: &mut Frame, app: &App, area: Rect) {
    let crate::tui::app::Screen::Submit(form) = &app.screen else { return };
    let focus = |on: bool| if on { selected() } else { heading() };
    let mut lines = vec![
        Line::styled(word(Word::SubmitTitle, app.lang), heading()),
        Line::raw(word(Word::SubmitLocked, app.lang)),
        Line::raw(""),
        Line::from(vec![
            Span::raw(words::approved_on_label(crate::messages::DATE_SPELLING_VI, app.lang)),
            Span::styled(format!(" {:<12}", form.approved_on), focus(!form.on_minutes)),
        ]),
        Line::from(vec![
            Span::raw(word(Word::MinutesNumber, app.lang)),
            Span::styled(format!(" {:<20}", form.minutes), focus(form.on_minutes)),
        ]),
    ];
    lines.extend(app.deadline_note().map(Line::raw));
    // What keeps the submission back, before Enter: the components still without a self-score.
    let unscored = app.unscored();
    let first: Vec<String> = unscored.iter().take(crate::domain::self_assessment::NAMED_UNSCORED).cloned().collect();
    let blockers = crate::messages::screens::submit_blockers(unscored.len(), &first, app.lang);
    lines.push(if unscored.is_empty() { Line::raw(blockers) } else { Line::styled(blockers, warning()) });
    if let Some(error) = &form.error {
        lines.push(Line::styled(format!("✗ {}", super::safe(error)), warning()));
    }
    let area = super::centered(area, 90, 14);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(word(Word::SubmitEnter, app.lang))),
        area,
    );
}

/// The unit's result once its bloc is approved: total, level, reasons and every deduction with the council's reason.
pub fn result(frame: &mut Frame, app: &App, area: Rect) {
    let Some(result) = &app.unit_side.result else {
        frame.render_widget(
            Paragraph::new(word(Word::ResultNotYet, app.lang))
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title(word(Word::ResultScroll, app.lang))),
            area,
        );
        return;
    };
    let lang = app.lang;
    let number = |text: &str| lang.pick(text.replace('.', ","), text.to_string());
    let mut lines = vec![
        Line::styled(words::result_heading(&super::safe(&result.name), result.year, lang), heading()),
        Line::raw(words::result_standing(
            result.rank,
            &number(&result.total),
            &crate::messages::levels::outcome_by_slug(&app.regulation, result.level, lang),
            lang,
        )),
    ];
    if let Some(previous) = &result.previous_level {
        lines.push(Line::raw(words::result_previous(
            &crate::messages::reasons::outcome_slug(&app.regulation.level_names, previous, lang),
            lang,
        )));
    }
    lines.push(Line::styled(word(Word::StandingReasons, lang), heading()));
    lines.extend(result.reasons.iter().map(|reason| {
        Line::raw(format!(
            "• {}",
            super::safe(&crate::messages::reasons::reason(&app.regulation.level_names, reason, lang))
        ))
    }));
    lines.push(Line::styled(words::result_deductions(result.deductions.len(), lang), heading()));
    for deduction in &result.deductions {
        lines.push(Line::raw(words::result_deduction(
            &format!("{} {}", deduction.component, deduction.name),
            &number(&deduction.max),
            &number(deduction.self_score.as_deref().unwrap_or("—")),
            &number(&deduction.appraised),
            &super::safe(&deduction.reason),
            lang,
        )));
    }
    lines.push(Line::raw(""));
    lines.push(Line::raw(word(Word::ResultSheet, lang)));
    // The lines as wrapped in the pane: the keys scroll them until the last one shows (↓/j, PgDn, G as in every
    // pane), however narrow the terminal.
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let wrapped: usize = lines.iter().map(|line| word_wrapped_rows(line, width)).sum();
    let height = usize::from(area.height.saturating_sub(2));
    app.scroll.result_lines.set(wrapped.saturating_sub(height) + 1);
    app.scroll.page.set(area.height.saturating_sub(2));
    let top = app.browse.self_selected.min(wrapped.saturating_sub(height));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .scroll((u16::try_from(top).unwrap_or(u16::MAX), 0))
            .block(Block::bordered().title(word(Word::ResultTitle, app.lang))),
        area,
    );
}

/// How many rows `line` takes when wrapped at word boundaries into `width` columns, as `Wrap { trim: true }`
/// draws it (a word longer than the row is cut across rows): the pane's scroll reaches the last row.
fn word_wrapped_rows(line: &Line<'_>, width: usize) -> usize {
    use unicode_width::UnicodeWidthStr;
    let text: String = line.spans.iter().map(|span| span.content.as_ref()).collect();
    let (mut rows, mut used) = (1, 0);
    for word in text.split(' ').filter(|word| !word.is_empty()) {
        let size = word.width();
        if used > 0 && used + 1 + size <= width {
            used += 1 + size;
        } else if used == 0 && size <= width {
            used = size;
        } else {
            rows += usize::from(used > 0);
            rows += size.saturating_sub(1) / width;
            used = (size - 1) % width + 1;
        }
    }
    rows
}
