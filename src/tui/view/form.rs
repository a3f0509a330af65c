//! The scoring form: the component in its framework, the unit's self-score, explanation and evidence, and the appraisal.

use super::{heading, selected, warning};
use crate::domain::evaluate::UnitRecord;
use crate::domain::framework::ComponentPlace;
use crate::domain::scoring::ComponentScore;
use crate::messages::views::{self as words, Word, word};
use crate::tui::app::{App, Field};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// The scoring form: the component's file above, the score and the deduction reason (or a withdrawal's reason).
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(form) = app.form() else { return };
    let read_only = app.form_read_only();
    let title = word(if read_only { Word::AppraisalFormReadOnly } else { Word::AppraisalForm }, app.lang);
    let Some([score, reason, error]) = component_file(frame, app, &form.unit, &form.component, title, area) else {
        return;
    };
    let entry = app.unit(&form.unit).and_then(|unit| unit.entries.get(&form.component));
    if form.withdrawing.is_some() {
        let appraised =
            entry.and_then(|e| e.appraised_score).map(|v| words::score(v, app.lang)).unwrap_or_else(|| "—".into());
        frame.render_widget(Line::styled(words::withdraw_line(&appraised, app.lang), warning()), score);
        let mut textarea = form.reason.clone();
        textarea.set_block(
            Block::bordered()
                .title(word(Word::WithdrawReason, app.lang))
                .title_style(heading().add_modifier(Modifier::REVERSED)),
        );
        frame.render_widget(&textarea, reason);
        draw_error(frame, form.error.as_deref(), error);
        return;
    }
    let score_style = if form.field == Field::Score { selected() } else { heading() };
    let unit_hint = word(if app.regulation.percent_input { Word::ScoreHintPercent } else { Word::ScoreHint }, app.lang);
    frame.render_widget(
        Line::from(vec![
            Span::raw(word(Word::ScoreLabel, app.lang)),
            Span::styled(format!(" {:<8}", form.score), score_style),
            Span::raw(unit_hint),
        ]),
        score,
    );
    let mut textarea = form.reason.clone();
    let mut block = Block::bordered().title(word(Word::DeductionReason, app.lang));
    if form.field == Field::Reason {
        block = block.title_style(heading().add_modifier(Modifier::REVERSED));
    }
    textarea.set_block(block);
    frame.render_widget(&textarea, reason);
    let read_only_note = read_only.then(|| app.read_only_note());
    draw_error(frame, form.error.as_deref().or(read_only_note.as_deref()), error);
}

/// A co-appraising agency's comment form: the component's file above, the leading agency's score, the comment.
pub fn comment(frame: &mut Frame, app: &App, area: Rect) {
    let Some(form) = app.comment_form() else { return };
    let title = word(Word::CommentForm, app.lang);
    let Some([score, text, error]) = component_file(frame, app, &form.unit, &form.component, title, area) else {
        return;
    };
    let entry = app.unit(&form.unit).and_then(|unit| unit.entries.get(&form.component));
    let appraised = entry
        .and_then(ComponentScore::effective_appraised)
        .map(|v| words::score(v, app.lang))
        .unwrap_or_else(|| "—".into());
    frame.render_widget(Line::raw(words::lead_score(&appraised, app.lang)), score);
    let mut textarea = form.text.clone();
    textarea.set_block(
        Block::bordered()
            .title(word(Word::CommentBox, app.lang))
            .title_style(heading().add_modifier(Modifier::REVERSED)),
    );
    frame.render_widget(&textarea, text);
    draw_error(frame, form.error.as_deref(), error);
}

fn draw_error(frame: &mut Frame, message: Option<&str>, area: Rect) {
    if let Some(message) = message {
        frame.render_widget(Line::styled(format!("✗ {message}"), warning()), area);
    }
}

/// The component as the unit filed it (framework place, max, self-score, explanation, who appraised, comments,
/// documents); returns the areas left for the score line, the text box and the error line.
fn component_file(
    frame: &mut Frame,
    app: &App,
    unit_code: &str,
    component: &str,
    title: &str,
    area: Rect,
) -> Option<[Rect; 3]> {
    let unit = app.unit(unit_code)?;
    let place = app.place(unit, component)?;
    let entry = unit.entries.get(component);
    let evidence = app.evidence_for(&unit.code, &place);
    let files = app.files_for(&unit.code, &place);
    let outer = Block::bordered().title(format!(" {title} — {} · {component} ", unit.code));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);

    let [about, documents, score, reason, error] = Layout::vertical([
        Constraint::Min(6),
        Constraint::Length(
            super::cells(evidence.len() + 3 * files.len())
                .saturating_add(3)
                .clamp(4, if files.is_empty() { 8 } else { 12 }),
        ),
        Constraint::Length(1),
        Constraint::Length(4),
        Constraint::Length(1),
    ])
    .areas(inner);

    let lines = about_lines(app, unit, &place, entry);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), about);

    let mut rows: Vec<[String; 3]> = evidence
        .iter()
        .map(|doc| {
            let issued_on = crate::domain::calendar::shown_vietnamese(&doc.issued_on);
            [&doc.reference, &issued_on, &doc.title].map(|text| super::one_line(text))
        })
        .collect();
    // The files the unit sent (issue 24): name, type, size, pages and the path to fetch them with.
    for file in &files {
        rows.push(
            [file.name.clone(), file.folder.clone(), crate::messages::uploads::file_line(file)]
                .map(|text| super::one_line(&text)),
        );
        // Its first lines, where the PDF has a text layer: what the document is, before fetching it.
        for line in file.preview.iter().flat_map(|preview| preview.lines().take(2)) {
            rows.push([String::new(), String::new(), format!("  │ {}", super::one_line(line))]);
        }
    }
    let title = words::documents_title(evidence.len(), Some(files.len()), app.lang);
    let table =
        super::documents_table(rows, documents.width.saturating_sub(2), app.lang).block(Block::bordered().title(title));
    frame.render_widget(table, documents);

    Some([score, reason, error])
}

/// The component as the unit filed it and as it stands: place in the framework, max, self-score, appraising
/// agencies, explanation, any gap in the file, who entered the current score, the leaders' scores, comments.
fn about_lines<'a>(
    app: &'a App,
    unit: &'a UnitRecord,
    place: &ComponentPlace<'a>,
    entry: Option<&'a ComponentScore>,
) -> Vec<Line<'a>> {
    let lang = app.lang;
    let self_score = entry.and_then(|e| e.self_score).map(|v| words::score(v, lang)).unwrap_or_else(|| "—".into());
    let [max_label, self_label, agencies_label] = words::form_scores(lang);
    let explanation = entry.map(|e| &*e.explanation).filter(|t| !t.is_empty()).unwrap_or(word(Word::NoneGiven, lang));
    let mut lines = vec![
        Line::styled(super::safe(&unit.name), heading()),
        Line::raw(format!(
            "{} › {} {} › {} {}",
            place.content.name, place.criterion.code, place.criterion.name, place.component.code, place.component.name
        )),
        Line::from(vec![
            Span::raw(max_label),
            Span::styled(words::score(place.component.max, lang), heading()),
            Span::raw(self_label),
            Span::styled(self_score, heading()),
            Span::raw(format!(
                "{agencies_label}{}",
                place
                    .component
                    .agencies
                    .iter()
                    .map(|code| app.regulation.agency(code).map(|a| a.name.as_str()).unwrap_or(code))
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
        ]),
        Line::raw(words::explanation_line(&super::safe(explanation), lang)),
    ];
    if let Some(gap) = app.file_gap(&unit.code, place) {
        lines.push(Line::styled(words::gap_offer(super::gap_words(gap, lang), gap.offered_reason(), lang), warning()));
    }
    if let Some(entry) = entry {
        if let Some(by) = entry.appraised_by.as_deref() {
            let who = if by == crate::domain::permissions::SERVICE_ACCOUNT {
                words::imported_by(by, lang)
            } else {
                words::entered_by(&super::unit::who_appraised(app, by), lang)
            };
            lines.push(Line::styled(words::current_score(&who, entry.awaiting_confirmation, lang), heading()));
        }
        if !entry.leader_scores.is_empty() {
            let scores: Vec<String> = entry
                .leader_scores
                .iter()
                .map(|(leader, score)| format!("{} {}", super::full_name(app, leader), words::score(*score, lang)))
                .collect();
            let mean = entry.effective_appraised().map(|v| words::score(v, lang)).unwrap_or_default();
            lines.push(Line::raw(words::leader_scores(&scores.join("; "), Some(&mean), lang)));
        }
    }
    for comment in app.comments_on(&unit.code, &place.component.code) {
        let agency = app.regulation.agency(&comment.agency).map(|a| a.name.as_str()).unwrap_or(&comment.agency);
        lines.push(Line::raw(words::comment_line(agency, None, &super::safe(&comment.text), lang)));
    }
    lines
}
