//! The secretary's desk: its pane (the actions) and its screens (the inbox, a preview, a refusal's problems,
//! the users, a form, the key line of a new user).

use super::{heading, safe, selected, warning};
use crate::messages::desk as say;
use crate::sheet::desk::FileKind;
use crate::tui::app::{App, Desk, DeskForm, DeskPaper};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Lines of a list around the selected one, as many as the area holds inside its borders.
fn list(frame: &mut Frame, app: &App, area: Rect, title: &str, rows: &[String], chosen: Option<usize>) {
    let height = usize::from(area.height.saturating_sub(2)).max(1);
    app.scroll.page.set(u16::try_from(height).unwrap_or(u16::MAX));
    let at = chosen.unwrap_or(0).min(rows.len().saturating_sub(1));
    let start = at.saturating_sub(height - 1);
    // Inside the borders, less the space each side: a longer row ends in … rather than being cut silently.
    let width = usize::from(area.width.saturating_sub(4));
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(index, row)| {
            let text = format!(" {} ", super::fit(&safe(row), width));
            if Some(index) == chosen { Line::styled(text, selected()) } else { Line::raw(text) }
        })
        .collect();
    super::clickable(app, area.y + 1, (start..start + lines.len()).map(Some));
    frame.render_widget(Paragraph::new(lines).block(Block::bordered().title(format!(" {title} "))), area);
}

/// The desk pane: what this person may do here. The rows carry no numbers: the digits switch panes (the pane
/// bar numbers them), so a number beside an action would promise a key that does something else; Enter opens
/// the selected action.
pub fn pane(frame: &mut Frame, app: &App, area: Rect) {
    let rows: Vec<String> = app
        .desk_actions()
        .iter()
        .map(|action| action.label(app.lang, app.regulation.rerating.as_deref()).into_owned())
        .collect();
    list(frame, app, area, say::PANE.say(app.lang), &rows, Some(app.browse.desk_selected));
}

#[expect(clippy::too_many_lines, reason = "one arm per desk screen: read as a table")]
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(desk) = app.desk() else { return };
    match desk {
        Desk::Files { files, selected } => {
            let rows: Vec<String> = files
                .iter()
                .map(|file| {
                    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    match FileKind::guess(file) {
                        Some(kind) => format!("{name}  —  {}", say::kind(kind, app.lang)),
                        None => name,
                    }
                })
                .collect();
            if rows.is_empty() {
                let text = Paragraph::new(say::INBOX_EMPTY.say(app.lang)).wrap(Wrap { trim: true });
                frame.render_widget(
                    text.block(Block::bordered().title(format!(" {} ", say::INBOX_TITLE.say(app.lang)))),
                    area,
                );
            } else {
                list(frame, app, area, say::INBOX_TITLE.say(app.lang), &rows, Some(*selected));
            }
        }
        Desk::Kind { file, selected } => {
            let rows: Vec<String> = FileKind::ALL.iter().map(|kind| say::kind(*kind, app.lang).to_string()).collect();
            let title = format!("{} {}", name_of(file), say::KIND_TITLE.say(app.lang));
            list(frame, app, area, &title, &rows, Some(*selected));
        }
        Desk::Preview { file, kind, rows, changes, typed } => {
            let mut lines = vec![
                Line::styled(say::rows(&name_of(file), *rows, app.lang), heading()),
                Line::raw(say::kind(*kind, app.lang)),
                Line::raw(""),
            ];
            if changes.is_empty() {
                lines.push(Line::raw(say::PREVIEW_NOTHING.say(app.lang)));
            }
            lines.extend(changes.iter().map(|count| Line::raw(format!("  • {}", say::change(count, app.lang)))));
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![
                Span::styled(say::PREVIEW_CONFIRM.say(app.lang), heading()),
                Span::raw(format!("  › {}▏", safe(typed))),
            ]));
            let block = Block::bordered().title(format!(" {} ", say::PREVIEW_TITLE.say(app.lang)));
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
        }
        Desk::Problems { file, problems, selected } => {
            let title = format!(
                "{} — {} ({})",
                name_of(file),
                say::PROBLEMS_TITLE.say(app.lang),
                say::problems(problems.len(), app.lang)
            );
            let rows: Vec<String> = problems.iter().enumerate().map(|(i, p)| format!("{}. {p}", i + 1)).collect();
            list(frame, app, area, &title, &rows, Some(*selected));
        }
        Desk::Users { selected, removing } => {
            let users = app.desk_users();
            let rows: Vec<String> = users
                .iter()
                .map(|user| {
                    let place =
                        user.agency.clone().or_else(|| user.unit.as_ref().map(ToString::to_string)).unwrap_or_default();
                    let removed = if user.removed_at.is_some() { say::REMOVED.say(app.lang) } else { "" };
                    format!(
                        "{:<20} {:<28} {:<18} {} {removed}",
                        user.name,
                        app.role_name(user.role),
                        place,
                        safe(&user.full_name)
                    )
                })
                .collect();
            match removing {
                Some(typed) => {
                    let name = users.get(*selected).map(|user| user.name.as_str()).unwrap_or_default();
                    let lines = vec![
                        Line::styled(say::remove_question(name, app.lang), warning()),
                        Line::raw(format!("› {}▏", safe(typed))),
                    ];
                    let block = Block::bordered().title(format!(" {} ", say::USERS_TITLE.say(app.lang)));
                    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
                }
                None => list(frame, app, area, say::USERS_TITLE.say(app.lang), &rows, Some(*selected)),
            }
        }
        Desk::Form(form) => draw_form(frame, app, area, form),
        Desk::Papers { selected } => {
            let rows: Vec<String> = DeskPaper::ALL
                .iter()
                .map(|paper| {
                    let label = paper.label(app.lang, app.submissions.proposal_to.as_deref());
                    match app.paper_setting_line(*paper) {
                        Some(set) => format!("{label} — {set}"),
                        None => label.into_owned(),
                    }
                })
                .collect();
            list(frame, app, area, say::PAPERS_TITLE.say(app.lang), &rows, Some(*selected));
        }
        Desk::Notice { title, lines } => {
            let lines: Vec<Line> = lines.iter().map(|line| Line::raw(line.clone())).collect();
            let block = Block::bordered().title(format!(" {title} "));
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
        }
    }
}

fn draw_form(frame: &mut Frame, app: &App, area: Rect, form: &DeskForm) {
    let mut lines = Vec::new();
    if form.kind == crate::tui::app::DeskFormKind::RoundSettings {
        let deadline = app.submissions.deadline.map(crate::domain::calendar::Date::vietnamese);
        lines.push(Line::raw(say::current_settings(deadline.as_deref(), app.submissions.appraisal_days, app.lang)));
        lines.push(Line::raw(""));
    }
    for (index, (label, value)) in form.kind.labels().iter().zip(&form.fields).enumerate() {
        let focused = index == form.focus;
        lines.push(Line::styled(
            format!("{}:", label.say(app.lang)),
            if focused { heading() } else { ratatui::style::Style::default() },
        ));
        let cursor = if focused { "▏" } else { "" };
        let text = format!("  {}{cursor}", safe(value));
        lines.push(if focused { Line::styled(text, selected()) } else { Line::raw(text) });
    }
    if let Some(error) = &form.error {
        lines.push(Line::raw(""));
        lines.push(Line::styled(safe(error).into_owned(), warning()));
    }
    let block = Block::bordered().title(format!(" {} ", form.kind.title(app.lang, app.regulation.rerating.as_deref())));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
}

fn name_of(file: &std::path::Path) -> String {
    file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}
