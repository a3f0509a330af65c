//! A unit's file, read-only, for those who decide: its standing and reasons, facts, criterion grades, and every
//! component with its scores, who appraised, the deduction reason, the unit's explanation, its documents and the
//! comments of co-appraising agencies; or, with `c`, self-score against appraised score by criterion.

use super::{heading, selected, warning};
use crate::domain::evaluate::evaluate_unit;
use crate::domain::score::display_vi;
use crate::domain::vn_time::vietnam_time;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph};

/// Who entered an appraised score, in the council's words.
pub fn who_appraised(app: &App, by: &str) -> String {
    match app.users.iter().find(|u| u.name == by) {
        Some(user) => app.describe(&user.actor()),
        None if by == crate::domain::permissions::SERVICE_ACCOUNT => format!("nhập từ tệp ({by})"),
        None => by.to_string(),
    }
}

/// Wraps a text into lines of at most `width` columns at spaces (a word longer than a line is cut), each
/// line after the first indented as the first.
fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    let width = width.max(indent + 10);
    let mut lines = Vec::new();
    let mut line = " ".repeat(indent);
    let mut used = indent;
    for word in text.split_whitespace() {
        let word_width = Span::raw(word).width();
        if used > indent && used + 1 + word_width > width {
            lines.push(std::mem::replace(&mut line, " ".repeat(indent + 2)));
            used = indent + 2;
        }
        if used > indent && !line.ends_with("  ") {
            line.push(' ');
            used += 1;
        }
        line.push_str(word);
        used += word_width;
    }
    lines.push(line);
    lines
}

/// The lines of a unit's file at a width, and the line where each component begins.
pub fn lines(app: &App, code: &str, width: u16) -> (Vec<Line<'static>>, Vec<usize>) {
    let width = usize::from(width);
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut starts = Vec::new();
    let Some(unit) = app.unit(code) else { return (out, starts) };
    let selected_component = app.unit_view().as_ref().map(|v| v.selected);
    let text = |out: &mut Vec<Line<'static>>, text: &str, indent: usize, style: Style| {
        for line in wrap(text, width, indent) {
            out.push(Line::styled(line, style));
        }
    };
    let bloc = app.regulation.bloc(&unit.bloc).map(|b| b.name.as_str()).unwrap_or(&unit.bloc);
    text(&mut out, &format!("{} ({}) — {bloc}", super::safe(&unit.name), unit.code), 0, heading());
    if let Some(ranked) = app.ranked(code) {
        let provisional = if ranked.provisional { " (tạm tính)" } else { "" };
        out.push(Line::from(vec![
            Span::raw(format!("Hạng {} · Tổng điểm ", ranked.rank)),
            Span::styled(display_vi(ranked.official_total), heading()),
            Span::raw(format!(" ({}){provisional} · ", ranked.tiebreak_total.to_string().replace('.', ","))),
            Span::styled(ranked.outcome.vietnamese().to_string(), super::level_style(ranked.outcome)),
        ]));
        out.push(Line::styled("Lý do xếp loại:", heading()));
        for reason in app.reasons_of(ranked) {
            text(&mut out, &format!("• {}", super::safe(&reason)), 2, Style::new());
        }
    }
    if !app.regulation.facts.is_empty() {
        out.push(Line::styled("Sự kiện (Điều 7):", heading()));
        for definition in &app.regulation.facts {
            let value = unit.facts.get(&definition.name).cloned().unwrap_or_else(|| definition.default_value());
            text(&mut out, &format!("• {}: {}", definition.title, definition.display_value(&value)), 2, Style::new());
        }
    }
    let evaluation = evaluate_unit(&app.regulation, unit);
    // The unit's comments, read once (a round may hold many).
    let comments: Vec<_> = app.comments.iter().filter(|c| c.unit == code).collect();
    let Some(framework) = app.regulation.framework_for(&unit.bloc, unit.group.as_deref()) else {
        return (out, starts);
    };
    let mut position = 0;
    for content in &framework.contents {
        out.push(Line::raw(""));
        let content_score = evaluation
            .as_ref()
            .and_then(|e| e.score.contents.iter().find(|(c, _)| *c == content.code).and_then(|(_, s)| *s));
        text(
            &mut out,
            &format!(
                "{} {} — tối đa {}{}",
                content.code,
                content.name,
                display_vi(content.max),
                content_score.map(|s| format!(" · thẩm định {}", display_vi(s))).unwrap_or_default()
            ),
            0,
            heading().underlined(),
        );
        for criterion in &content.criteria {
            let result = evaluation.as_ref().and_then(|e| e.score.criterion(&criterion.code));
            let mut about = format!("{} {} — tối đa {}", criterion.code, criterion.name, display_vi(criterion.max));
            if let Some(score) = result.and_then(|r| r.score) {
                about.push_str(&format!(" · thẩm định {}", display_vi(score)));
            }
            if let Some(result) = result {
                if let Some(proposed) = result.proposed_grade {
                    about.push_str(&format!(" · xếp loại đề xuất: {}", proposed.vietnamese()));
                }
                if let Some(over) = unit.grade_overrides.get(&criterion.code) {
                    about.push_str(&format!(
                        " · Chủ tịch điều chỉnh: {} (lý do: {})",
                        over.grade.vietnamese(),
                        super::safe(&over.reason)
                    ));
                }
            }
            text(&mut out, &about, 1, heading());
            for component in &criterion.components {
                let Some(place) = framework.component_at(position) else { continue };
                let here = selected_component == Some(position);
                position += 1;
                starts.push(out.len());
                let entry = unit.entries.get(&component.code);
                let shown = |v: Option<rust_decimal::Decimal>| v.map(display_vi).unwrap_or_else(|| "—".into());
                let not_applicable = entry.is_some_and(|e| !e.applicable);
                let head = format!(
                    "{} {} — tối đa {} · tự đánh giá {} · thẩm định {}{}",
                    component.code,
                    component.name,
                    display_vi(component.max),
                    shown(entry.and_then(|e| e.self_score)),
                    shown(entry.and_then(|e| e.effective_appraised())),
                    if not_applicable { " · không áp dụng" } else { "" }
                );
                let style = if here { selected() } else { Style::new().bold() };
                text(&mut out, &head, 2, style);
                if let Some(gap) = app.file_gap(code, &place) {
                    text(&mut out, &format!("⚠ Thiếu hồ sơ: {}", gap.vietnamese()), 4, warning());
                }
                if let Some(entry) = entry {
                    if let Some(by) = entry.appraised_by.as_deref() {
                        let waiting =
                            if entry.awaiting_confirmation { " — chờ thành viên xác nhận" } else { "" };
                        text(
                            &mut out,
                            &format!("Người thẩm định: {}{waiting}", super::safe(&who_appraised(app, by))),
                            4,
                            Style::new(),
                        );
                    }
                    if !entry.leader_scores.is_empty() {
                        let scores: Vec<String> =
                            entry.leader_scores.iter().map(|(l, s)| format!("{l} {}", display_vi(*s))).collect();
                        text(&mut out, &format!("Điểm của các lãnh đạo: {}", scores.join("; ")), 4, Style::new());
                    }
                    if !entry.deduction_reason.is_empty() {
                        text(
                            &mut out,
                            &format!("Lý do trừ điểm: {}", super::safe(&entry.deduction_reason)),
                            4,
                            Style::new(),
                        );
                    }
                    let explanation = if entry.explanation.is_empty() { "(không có)" } else { &entry.explanation };
                    text(&mut out, &format!("Giải trình của đơn vị: {}", super::safe(explanation)), 4, Style::new());
                }
                let documents = app.evidence_for(code, &place);
                if documents.is_empty() {
                    text(&mut out, "Tài liệu kiểm chứng: không có", 4, Style::new());
                } else {
                    text(&mut out, &format!("Tài liệu kiểm chứng ({}):", documents.len()), 4, Style::new());
                    for doc in documents {
                        let line = format!(
                            "– {} · {} · {}",
                            super::safe(&doc.reference),
                            super::safe(&doc.issued_on),
                            super::safe(&doc.title)
                        );
                        text(&mut out, &line, 6, Style::new());
                    }
                }
                for comment in comments.iter().filter(|c| c.criterion == component.code) {
                    let agency =
                        app.regulation.agency(&comment.agency).map(|a| a.name.as_str()).unwrap_or(&comment.agency);
                    let line =
                        format!("Góp ý của {agency} ({}): {}", vietnam_time(&comment.at), super::safe(&comment.text));
                    text(&mut out, &line, 4, Style::new().fg(Color::Cyan));
                }
            }
        }
    }
    (out, starts)
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(view) = app.unit_view() else { return };
    let components = app.unit_components(&view.unit);
    let current = components.get(view.selected).map(|p| p.component.code.as_str()).unwrap_or("");
    let block = Block::bordered().title(format!(
        " Hồ sơ đơn vị {} (chỉ đọc) — {current} · {}/{} ",
        view.unit,
        view.selected + 1,
        components.len()
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if view.chart {
        chart(frame, app, &view.unit, inner);
        return;
    }
    let (lines, starts) = lines(app, &view.unit, inner.width);
    let height = usize::from(inner.height);
    // The selected component's first line stays in view, a third of the way down.
    let start = starts.get(view.selected).copied().unwrap_or(0);
    let offset = if view.selected == 0 || start < height * 2 / 3 { 0 } else { start - height / 3 };
    let offset = offset.min(lines.len().saturating_sub(height));
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// Self-score against appraised score by criterion, in percent of the criterion's max.
pub fn chart(frame: &mut Frame, app: &App, code: &str, area: Rect) {
    let Some(unit) = app.unit(code) else { return };
    let Some(evaluation) = evaluate_unit(&app.regulation, unit) else { return };
    let Some(framework) = app.regulation.framework_for(&unit.bloc, unit.group.as_deref()) else { return };
    let percent = |value: rust_decimal::Decimal, max: rust_decimal::Decimal| -> u64 {
        if max.is_zero() {
            return 0;
        }
        u64::try_from((value * rust_decimal::Decimal::from(100) / max).round()).unwrap_or(0)
    };
    let [legend, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    frame.render_widget(
        Line::from(vec![
            Span::raw("% điểm tối đa theo tiêu chí: "),
            Span::styled("▇ tự đánh giá", Style::new().fg(Color::Yellow)),
            Span::raw("  "),
            Span::styled("▇ thẩm định", Style::new().fg(Color::Green)),
        ]),
        legend,
    );
    let mut chart = BarChart::default().bar_width(2).bar_gap(0).group_gap(1).max(100);
    for (_, criterion) in framework.criteria() {
        let own: rust_decimal::Decimal =
            criterion.components.iter().filter_map(|c| unit.entries.get(&c.code).and_then(|e| e.self_score)).sum();
        let appraised = evaluation.score.criterion(&criterion.code).and_then(|c| c.score).unwrap_or_default();
        let bars = [
            Bar::default().value(percent(own, criterion.max)).style(Style::new().fg(Color::Yellow)).text_value(""),
            Bar::default().value(percent(appraised, criterion.max)).style(Style::new().fg(Color::Green)).text_value(""),
        ];
        chart = chart.data(BarGroup::default().label(Line::from(criterion.code.clone())).bars(&bars));
    }
    frame.render_widget(chart, body);
}
