//! The scoring form: the component in its framework, the unit's self-score, explanation and evidence, and the appraisal.

use super::{heading, selected, warning};
use crate::domain::evaluate::UnitRecord;
use crate::domain::framework::ComponentPlace;
use crate::domain::score::display_vi;
use crate::domain::scoring::ComponentScore;
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
    let title = if read_only {
        "Phiếu thẩm định (chỉ xem — khối đã phê duyệt)"
    } else {
        "Phiếu thẩm định"
    };
    let Some([score, reason, error]) = component_file(frame, app, &form.unit, &form.component, title, area) else {
        return;
    };
    let entry = app.unit(&form.unit).and_then(|unit| unit.entries.get(&form.component));
    if form.withdrawing.is_some() {
        let appraised = entry.and_then(|e| e.appraised_score).map(display_vi).unwrap_or_else(|| "—".into());
        frame.render_widget(
            Line::styled(
                format!("Rút kết quả thẩm định {appraised}: nhập lý do rồi Ctrl-S để rút · Esc để thôi"),
                warning(),
            ),
            score,
        );
        let mut textarea = form.reason.clone();
        textarea.set_block(
            Block::bordered()
                .title(" Lý do rút kết quả thẩm định ")
                .title_style(heading().add_modifier(Modifier::REVERSED)),
        );
        frame.render_widget(&textarea, reason);
        draw_error(frame, form.error.as_deref(), error);
        return;
    }
    let score_style = if form.field == Field::Score { selected() } else { heading() };
    let unit_hint = if app.regulation.percent_input { " (3,5 · 3.5 · 80%)" } else { " (3,5 hoặc 3.5)" };
    frame.render_widget(
        Line::from(vec![
            Span::raw("Điểm thẩm định: "),
            Span::styled(format!(" {:<8}", form.score), score_style),
            Span::raw(unit_hint),
        ]),
        score,
    );
    let mut textarea = form.reason.clone();
    let mut block = Block::bordered().title(" Lý do trừ điểm ");
    if form.field == Field::Reason {
        block = block.title_style(heading().add_modifier(Modifier::REVERSED));
    }
    textarea.set_block(block);
    frame.render_widget(&textarea, reason);
    let read_only_note = read_only.then_some(crate::tui::app::READ_ONLY);
    draw_error(frame, form.error.as_deref().or(read_only_note), error);
}

/// A co-appraising agency's comment form: the component's file above, the leading agency's score, the comment.
pub fn comment(frame: &mut Frame, app: &App, area: Rect) {
    let Some(form) = app.comment_form() else { return };
    let Some([score, text, error]) = component_file(frame, app, &form.unit, &form.component, "Phiếu góp ý", area)
    else {
        return;
    };
    let entry = app.unit(&form.unit).and_then(|unit| unit.entries.get(&form.component));
    let appraised = entry.and_then(ComponentScore::effective_appraised).map(display_vi).unwrap_or_else(|| "—".into());
    frame.render_widget(
        Line::raw(format!("Điểm thẩm định (cơ quan chủ trì): {appraised} — cơ quan phối hợp chỉ góp ý")),
        score,
    );
    let mut textarea = form.text.clone();
    textarea
        .set_block(Block::bordered().title(" Ý kiến góp ý ").title_style(heading().add_modifier(Modifier::REVERSED)));
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
    let title = if evidence.is_empty() && files.is_empty() {
        " Tài liệu kiểm chứng: không có ".to_string()
    } else if files.is_empty() {
        format!(" Tài liệu kiểm chứng ({}) ", evidence.len())
    } else {
        format!(" Tài liệu kiểm chứng ({}) · tệp đã gửi ({}) ", evidence.len(), files.len())
    };
    let table = super::documents_table(rows, documents.width.saturating_sub(2)).block(Block::bordered().title(title));
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
    let self_score = entry.and_then(|e| e.self_score).map(display_vi).unwrap_or_else(|| "—".into());
    let mut lines = vec![
        Line::styled(super::safe(&unit.name), heading()),
        Line::raw(format!(
            "{} › {} {} › {} {}",
            place.content.name, place.criterion.code, place.criterion.name, place.component.code, place.component.name
        )),
        Line::from(vec![
            Span::raw("Điểm tối đa "),
            Span::styled(display_vi(place.component.max), heading()),
            Span::raw("   Điểm tự đánh giá "),
            Span::styled(self_score, heading()),
            Span::raw(format!(
                "   Cơ quan thẩm định: {}",
                place
                    .component
                    .agencies
                    .iter()
                    .map(|code| app.regulation.agency(code).map(|a| a.name.as_str()).unwrap_or(code))
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
        ]),
        Line::raw(format!(
            "Giải trình của đơn vị: {}",
            super::safe(entry.map(|e| &*e.explanation).filter(|t| !t.is_empty()).unwrap_or("(không có)"))
        )),
    ];
    if let Some(gap) = app.file_gap(&unit.code, place) {
        lines.push(Line::styled(
            format!("⚠ Thiếu hồ sơ: {} — F2 điền lý do “{}”", gap.vietnamese(), gap.offered_reason()),
            warning(),
        ));
    }
    if let Some(entry) = entry {
        if let Some(by) = entry.appraised_by.as_deref() {
            let who = match app.users.iter().find(|u| u.name == by) {
                Some(user) => format!("{} nhập", app.describe(&user.actor())),
                None if by == crate::domain::permissions::SERVICE_ACCOUNT => format!("nhập từ tệp ({by})"),
                None => format!("{by} nhập"),
            };
            let state = if entry.awaiting_confirmation {
                " — CHỜ XÁC NHẬN: Ctrl-S giữ nguyên để xác nhận, hoặc sửa điểm rồi Ctrl-S"
            } else {
                ""
            };
            lines.push(Line::styled(format!("Điểm hiện tại: {who}{state}"), heading()));
        }
        if !entry.leader_scores.is_empty() {
            let scores: Vec<String> =
                entry.leader_scores.iter().map(|(leader, score)| format!("{leader} {}", display_vi(*score))).collect();
            let mean = entry.effective_appraised().map(display_vi).unwrap_or_default();
            lines.push(Line::raw(format!("Điểm của các lãnh đạo: {} — trung bình {mean}", scores.join("; "))));
        }
    }
    for comment in app.comments_on(&unit.code, &place.component.code) {
        let agency = app.regulation.agency(&comment.agency).map(|a| a.name.as_str()).unwrap_or(&comment.agency);
        lines.push(Line::raw(format!("Góp ý của {agency}: {}", super::safe(&comment.text))));
    }
    lines
}
