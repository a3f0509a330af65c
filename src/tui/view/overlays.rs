//! The start-up picker, the help overlay generated from the keymap, and the confirmation dialog.

use super::{Column, Spelled, centered, heading, selected, warning};
use crate::domain::ranking::BlocRanking;
use crate::messages::Lang;
use crate::messages::views::{self as words, Word, word};
use crate::tui::app::{App, ApprovalPrompt, Pending};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Row, Table, Wrap};

pub fn picker(frame: &mut Frame, app: &App, area: Rect) {
    let choices = app.choices();
    let height = super::cells(choices.len()).saturating_add(2);
    // Each person by full name, role and agency; the login (what `--user` takes) in parentheses, never cut: a
    // narrow screen shortens the name part.
    let labels: Vec<(String, String)> = choices
        .iter()
        .map(|(actor, _)| {
            let name = super::full_name(app, &actor.name);
            let person = super::with_role(&super::one_line(&name), &app.role_name(actor.role));
            let agency =
                actor.agency.as_deref().map(|a| app.regulation.agency(a).map_or(a, |agency| agency.name.as_str()));
            let text = match agency.filter(|agency| !super::says(&name, agency)) {
                Some(agency) => format!("{person} — {}", super::one_line(agency)),
                None => person,
            };
            (text, format!(" ({})", actor.name))
        })
        .collect();
    // Borders and the selection mark take four columns.
    let widest = labels.iter().map(|(text, login)| super::text_width(text) + super::text_width(login)).max();
    let wanted = u16::try_from(widest.unwrap_or(0) + 4).unwrap_or(u16::MAX).max(40);
    let area = centered(area, wanted, height);
    let room = usize::from(area.width.saturating_sub(4));
    let items: Vec<ListItem> = labels
        .into_iter()
        .map(|(text, login)| {
            let text = super::fit(&text, room.saturating_sub(super::text_width(&login)));
            ListItem::new(format!("{text}{login}"))
        })
        .collect();
    let list = List::new(items)
        .block(Block::bordered().title(word(Word::WhoAreYou, app.lang)).title_bottom(word(Word::PickerNote, app.lang)))
        .highlight_style(selected())
        .highlight_symbol("› ");
    let mut state = ListState::default().with_selected(app.picker());
    frame.render_stateful_widget(list, area, &mut state);
    super::clickable(app, area.y + 1, (state.offset()..choices.len()).map(Some));
}

/// The commands that fetch a component's files, the selected one highlighted (it is what Enter copies).
pub fn paths(frame: &mut Frame, app: &App, lines: &[String], selected: usize) {
    use crate::messages::desk_more as say;
    let screen = frame.area();
    let width = screen.width.saturating_sub(4);
    let mut shown: Vec<Line> = lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let text = format!(" {} ", super::safe(line));
            if index == selected { Line::styled(text, super::selected()) } else { Line::raw(text) }
        })
        .collect();
    shown.push(Line::raw(""));
    shown.push(Line::raw(say::paths_note(app.lang)));
    let height = super::cells(shown.len() + 4).min(screen.height.saturating_sub(2));
    let area = centered(screen, width, height);
    frame.render_widget(ratatui::widgets::Clear, area);
    let block = Block::bordered().title(format!(" {} ", say::paths_title(app.lang)));
    frame.render_widget(Paragraph::new(shown).wrap(ratatui::widgets::Wrap { trim: false }).block(block), area);
}

pub fn help(frame: &mut Frame, app: &App) {
    // The keys of the screen under the overlay that act now, for this user: as wide as the terminal, each
    // description wrapped under its key, scrolled with ↑/↓, PgUp/PgDn, g/G when it is longer than the screen.
    let bindings: Vec<_> = app.acting(app.screen_context()).collect();
    let key_width = bindings.iter().map(|b| Span::raw(b.label).width()).max().unwrap_or(0) + 2;
    let screen = frame.area();
    let width = screen.width.saturating_sub(4);
    let inner_width = usize::from(width.saturating_sub(2)).max(key_width + 10);
    let text_width = inner_width - key_width;
    let mut lines = Vec::new();
    for binding in &bindings {
        let mut rows = super::wrap::lines(&app.describe_binding(binding), text_width, 0, 0).into_iter();
        let first = rows.next().unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!("{:<key_width$}", binding.label), heading()),
            Span::raw(first),
        ]));
        lines.extend(rows.map(|row| Line::raw(format!("{:key_width$}{row}", ""))));
    }
    // As tall as its lines, at most the screen less a line above and below.
    let area = centered(screen, width, super::cells(lines.len() + 2).min(screen.height.saturating_sub(2)));
    let height = usize::from(area.height.saturating_sub(2));
    app.scroll.help_lines.set(lines.len().saturating_sub(height) + 1);
    app.scroll.page.set(area.height.saturating_sub(2));
    let top = app.scroll.help.get().min(lines.len().saturating_sub(height));
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(words::help_title(lines.len() > height, app.lang));
    frame.render_widget(Paragraph::new(lines).scroll((u16::try_from(top).unwrap_or(u16::MAX), 0)).block(block), area);
}

pub fn confirm(frame: &mut Frame, pending: Pending, lang: Lang) {
    let question = match pending {
        Pending::Quit => word(Word::QuitUnsaved, lang),
        Pending::CloseForm => word(Word::CloseUnsaved, lang),
    };
    let area = centered(frame.area(), 64, 5);
    frame.render_widget(Clear, area);
    let text = vec![Line::styled(question, warning()), Line::raw(word(Word::DiscardOrStay, lang))];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).block(Block::bordered()), area);
}

/// The chairman's approval of a bloc, asked first: what is approved (units, levels, quota used), or what
/// is still open; `y` then Enter (or Ctrl-S) approves, Esc cancels.
pub fn approval(frame: &mut Frame, app: &App, area: Rect) {
    let Some(prompt) = app.approval() else { return };
    let Some(result) = app.results().iter().find(|r| r.bloc == prompt.bloc) else { return };
    let ranking = &result.ranking;
    let bloc_name = app.regulation.bloc(&prompt.bloc).map(|b| b.name.as_str()).unwrap_or(&prompt.bloc);
    let wanted = u16::try_from(ranking.units.len() + 10).unwrap_or(u16::MAX);
    let area = Rect { height: wanted.min(area.height), ..area };
    let block = Block::bordered().title(words::approval_title(bloc_name, app.lang)).border_style(warning());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = approval_lines(app, prompt, ranking);
    // Each line as many rows as it wraps to (a word moved whole may need one more).
    let columns = usize::from(inner.width.max(1));
    let header: usize = lines.iter().map(|line| (line.width() + columns / 4).div_ceil(columns).max(1)).sum();
    let header = u16::try_from(header).unwrap_or(u16::MAX);
    let [text, table] =
        ratatui::layout::Layout::vertical([Constraint::Length(header), Constraint::Min(1)]).areas(inner);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), text);
    approval_table(frame, app, ranking, table);
}

/// What the prompt says: why approval is not possible yet, or what it freezes and how to confirm.
fn approval_lines(app: &App, prompt: &ApprovalPrompt, ranking: &BlocRanking) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut lines: Vec<Line> = Vec::new();
    match &prompt.blocker {
        Some(why) => {
            // A national bloc may hold hundreds of open ties: the first few, and how many more.
            let shown: String = why.chars().take(240).collect();
            let more = if why.chars().count() > 240 { "…" } else { "" };
            lines.push(Line::styled(format!("{}{more}", super::safe(&shown)), warning()));
            let open = ranking.unresolved_ties().count();
            let ties: Vec<String> = ranking.unresolved_ties().take(4).map(|g| g.units.join(" = ")).collect();
            if !ties.is_empty() {
                lines.push(Line::raw(words::approval_open_ties(&ties.join("; "), open - ties.len(), lang)));
            }
            lines.push(Line::raw(word(Word::EscBack, lang)));
        }
        None => {
            let excellent = ranking
                .units
                .iter()
                .filter(|u| {
                    u.outcome == crate::domain::ranking::Outcome::Level(crate::domain::classification::Level::Excellent)
                })
                .count();
            lines.push(Line::styled(
                words::approval_freezes(ranking.units.len(), app.regulation.rerating.as_deref(), lang),
                warning(),
            ));
            lines.push(Line::raw(words::approval_quota(ranking.eligible, ranking.quota, excellent, lang)));
            let mut counts = std::collections::BTreeMap::new();
            for unit in &ranking.units {
                *counts
                    .entry(crate::messages::levels::outcome(&app.regulation, unit.outcome, lang))
                    .or_insert(0usize) += 1;
            }
            lines.push(Line::raw(
                counts.iter().map(|(level, n)| format!("{level}: {n}")).collect::<Vec<_>>().join(" · "),
            ));
            // Who approves, by full name: the decision is theirs.
            let who = super::acting_person(app);
            lines.push(Line::styled(words::approval_question(&who, &super::safe(&prompt.typed), lang), heading()));
            lines.push(Line::raw(""));
        }
    }
    lines
}

/// The bloc's units as approval would freeze them (as many as fit): the rank, the code, the total and the level
/// are never cut, the unit's name shrinks first; levels in full words where the name keeps room.
fn approval_table(frame: &mut Frame, app: &App, ranking: &BlocRanking, area: Rect) {
    let lang = app.lang;
    let room = usize::from(area.height.saturating_sub(1));
    let mut rows: Vec<(Spelled, ratatui::style::Style)> = ranking
        .units
        .iter()
        .take(room)
        .map(|unit| {
            let name = app.unit(&unit.unit).map(|u| super::one_line(&u.name)).unwrap_or_default();
            let cells = |level: &str| {
                vec![
                    unit.rank.to_string(),
                    unit.unit.to_string(),
                    name.clone(),
                    words::total(unit.official_total, lang),
                    level.to_string(),
                ]
            };
            let spelled = Spelled {
                full: cells(&crate::messages::levels::outcome(&app.regulation, unit.outcome, lang)),
                short: cells(&crate::messages::levels::outcome_short(&app.regulation, unit.outcome, lang)),
            };
            (spelled, super::level_style(unit.outcome))
        })
        .collect();
    if ranking.units.len() > room && room > 0 {
        rows.pop();
        let more = words::more_units(ranking.units.len() + 1 - room, lang);
        rows.push((Spelled::same(vec![String::new(), String::new(), more]), ratatui::style::Style::new()));
    }
    let header = Spelled::same(
        [Word::Rank, Word::Code, Word::Unit, Word::Total, Word::Level].map(|w| word(w, lang).to_string()).to_vec(),
    );
    let table = super::spelled_table(
        rows,
        &header,
        area.width,
        |widest| {
            vec![
                Column::fixed(widest(0)),
                Column::fixed(widest(1)),
                Column::shrinks(widest(2), 16, 1).filling(),
                Column::fixed(widest(3).max(6)),
                Column::fixed(widest(4)),
            ]
        },
        |wide| wide[2].map_or(0, usize::from) >= 24,
    );
    frame.render_widget(table, area);
}

/// The audit history of one component: who, when, old → new, reason. As wide as the terminal; the reason never
/// hides (the action, then who, shrink first); longer than the screen, it scrolls with the keys of every pane.
/// A history row's action as people read it (a unit added reads *Thêm đơn vị*).
fn row_action(row: &crate::store::audit::AuditRow, app: &App) -> String {
    let (field, old) = (row.field.as_deref(), row.old_value.as_deref());
    crate::messages::audit_row_action(&row.action, field, old, app.regulation.leaders_name.as_deref(), app.lang)
}

pub fn history(
    frame: &mut Frame,
    app: &App,
    title: &str,
    rows: &[crate::store::audit::AuditRow],
    names: &std::collections::BTreeMap<String, String>,
) {
    let regulation = &app.regulation;
    let screen = frame.area();
    let area = centered(
        screen,
        screen.width.saturating_sub(4),
        super::cells(rows.len()).saturating_add(4).min(screen.height.saturating_sub(2)),
    );
    frame.render_widget(Clear, area);
    let body: Vec<[String; 5]> = if rows.is_empty() {
        vec![[String::new(), String::new(), String::new(), word(Word::NoChangeYet, app.lang).into(), String::new()]]
    } else {
        // A unit's whole history names the criterion of each change.
        let several = rows.iter().any(|row| row.criterion != rows[0].criterion);
        rows.iter()
            .map(|row| {
                let at = crate::domain::vn_time::vietnam_time(&row.at);
                // Scores with the decimal comma the council writes, yes/no, grades and levels by name.
                let shown = |value: &Option<String>| match (value.as_deref(), row.field.as_deref()) {
                    (None, _) => "—".to_string(),
                    (Some(text), Some(field)) => crate::messages::field_value(field, text, regulation, app.lang),
                    (Some(text), None) => text.to_string(),
                };
                // A value removed (a withdrawn score, a removed document) reads `old → —`, as `audit log` shows
                // it; only a row that recorded no value falls back to its stored detail.
                let change = match (&row.old_value, &row.new_value) {
                    (None, None) => crate::messages::unvalued_detail(&row.action, &row.detail, app.lang),
                    _ => format!("{} → {}", shown(&row.old_value), shown(&row.new_value)),
                };
                let change = match (&row.criterion, several, &row.field) {
                    (Some(criterion), true, _) => format!("{criterion}: {change}"),
                    // A fact's change names the fact by its title, never by its code.
                    (None, _, Some(field)) if regulation.fact(field).is_some() => {
                        let title = crate::messages::field_name(field, regulation, app.lang);
                        format!("{title}: {change}")
                    }
                    _ => change,
                };
                let reason = row.reason.clone().unwrap_or_default();
                let action = row_action(row, app);
                // Who by the name printed on the council's papers; the login where none is recorded.
                let who = names.get(&row.actor).cloned().unwrap_or_else(|| row.actor.clone());
                [at, who, action.clone(), change, reason].map(|text| super::one_line(&text))
            })
            .collect()
    };
    let header = [Word::When, Word::Who, Word::Action, Word::Change, Word::Reason].map(|w| word(w, app.lang));
    let widest = |column: usize| {
        body.iter()
            .map(|cells| super::text_width(&cells[column]))
            .chain([super::text_width(header[column])])
            .max()
            .unwrap_or(0)
    };
    let columns = [
        Column::fixed(widest(0)),
        Column::shrinks(widest(1), 10, 2),
        Column::shrinks(widest(2), 8, 1),
        Column::shrinks(widest(3), 14, 3),
        Column::shrinks(widest(4).max(20), 16, 4).filling(),
    ];
    let widths = super::fit_columns(&columns, area.width.saturating_sub(2));
    // The rows that fit under the header, from the first the keys scrolled to.
    let page = usize::from(area.height.saturating_sub(3)).max(1);
    app.scroll.history_lines.set(body.len().saturating_sub(page) + 1);
    app.scroll.page.set(super::cells(page));
    let top = app.scroll.history.get().min(body.len().saturating_sub(page));
    let scrolled = (body.len() > page).then(|| (top + 1, (top + page).min(body.len()), body.len()));
    let shown: Vec<Row> = body
        .into_iter()
        .skip(top)
        .take(page)
        .map(|cells| Row::new(super::shown_cells(cells.to_vec(), &widths)))
        .collect();
    let table = Table::new(shown, super::shown_constraints(&widths))
        .block(Block::bordered().title(crate::messages::screens::history_title(
            &super::one_line(title),
            scrolled,
            app.lang,
        )))
        .header(Row::new(super::shown_cells(header.map(String::from).to_vec(), &widths)).style(heading()));
    frame.render_widget(table, area);
}
