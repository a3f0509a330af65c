//! Views: functions of `&App` into a frame. Layout: title, pane tabs, the pane, a message and the hint bar.

mod charts;
mod desk;
mod editors;
mod form;
mod overlays;
mod progress;
mod queue;
mod ranking;
mod self_assessment;
pub mod unit;
pub mod wrap;

use super::app::{App, Overlay, Pane, Screen, Status};
use crate::domain::classification::Level;
use crate::domain::ranking::Outcome;
use crate::messages::views::{self as words, Word, word};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::cell::Cell;

/// Colours that read on dark and light terminals alike: the terminal's own foreground, plus
/// emphasis by bold, reverse video and the basic named colours.
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// Headings, a table's header row and the excellent level: bold in the terminal's own colour.
pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// A refusal, an overdue file, a level not completed: bold red, the words saying it too.
pub fn warning() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

/// A level in colour; the text is always there too (a monochrome terminal or a colour-blind reader loses nothing).
pub fn level_style(outcome: Outcome) -> Style {
    match outcome {
        Outcome::Level(Level::Excellent) => heading().fg(Color::Green),
        Outcome::Level(Level::Good) => Style::new().fg(Color::Cyan),
        Outcome::Level(Level::Completed) => Style::new().fg(Color::Yellow),
        Outcome::Level(Level::NotCompleted) | Outcome::TiePending => warning(),
    }
}

/// The smallest terminal every screen is drawn for.
pub const MIN_WIDTH: u16 = 80;
/// The fewest lines every screen is drawn for; below it the screen says to enlarge the terminal.
pub const MIN_HEIGHT: u16 = 24;

/// Text people typed or files brought (names, explanations, documents, history, messages) as the screen shows it:
/// a control or bidi character as its escape (`\u{9b}`, `\u{202e}`), never acting on the terminal nor silently
/// dropped; the same function as the command line's (`domain::text`).
///
/// What a terminal would draw at another width than the layout counts is made plain here (issue 21): a grapheme
/// cluster whose width differs from its characters' (an emoji ZWJ family 👨‍👩‍👧, a flag 🇻🇳, an emoji with a
/// variation selector or a skin tone) is drawn as its characters one by one (a flag as its two letters), so the
/// borders stay where the layout put them; a line or paragraph separator (U+2028, U+2029) shows as ⏎.
pub fn safe(text: &str) -> std::borrow::Cow<'_, str> {
    let escaped = crate::domain::text::escape_text(text);
    if escaped.chars().all(|c| c.is_ascii() || plain_char(c)) && is_plain_width(&escaped) {
        return escaped;
    }
    std::borrow::Cow::Owned(plain_clusters(&escaped))
}

/// One line of a table cell or a title: as [`safe`], with newlines and tabs drawn as ⏎ and a space (a cell has one
/// line: what follows a newline would vanish).
pub fn one_line(text: &str) -> String {
    safe(text)
        .chars()
        .map(|c| match c {
            '\n' => '⏎',
            '\t' | '\r' => ' ',
            other => other,
        })
        .collect()
}

/// A character that never changes the width of its cluster (not a joiner, selector, modifier, indicator or separator).
fn plain_char(c: char) -> bool {
    !matches!(c,
        '\u{200d}' | '\u{fe00}'..='\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}' | '\u{1f1e6}'..='\u{1f1ff}'
        | '\u{2028}' | '\u{2029}' | '\u{e0020}'..='\u{e007f}')
}

fn is_plain_width(text: &str) -> bool {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    text.graphemes(true)
        .all(|cluster| cluster.width() == cluster.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>())
}

fn plain_clusters(text: &str) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let mut out = String::with_capacity(text.len());
    for cluster in text.graphemes(true) {
        if matches!(cluster, "\u{2028}" | "\u{2029}") {
            out.push('⏎');
            continue;
        }
        let sum: usize = cluster.chars().map(|c| c.width().unwrap_or(0)).sum();
        if cluster.width() == sum && cluster.chars().all(plain_char) {
            out.push_str(cluster);
            continue;
        }
        for c in cluster.chars() {
            match c {
                // A regional indicator as the letter it stands for: 🇻🇳 reads VN.
                '\u{1f1e6}'..='\u{1f1ff}' => {
                    out.push(char::from(b'A' + u8::try_from(u32::from(c) - 0x1f1e6).unwrap_or(0)));
                }
                '\u{2028}' | '\u{2029}' => out.push('⏎'),
                c if plain_char(c) && c.width().unwrap_or(0) > 0 => out.push(c),
                // A combining mark stays on its letter; joiners, selectors, skin tones and tags go.
                c if plain_char(c) && !c.is_control() => out.push(c),
                _ => {}
            }
        }
    }
    // What is left must now measure as it draws; a cluster that still does not is dropped to its first character.
    if is_plain_width(&out) {
        return out;
    }
    out.graphemes(true)
        .map(|cluster| {
            if cluster.width() == cluster.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>() {
                cluster.to_string()
            } else {
                cluster.chars().next().map(String::from).unwrap_or_default()
            }
        })
        .collect()
}

/// Display columns of a text, by grapheme clusters as the buffer lays them out.
pub fn text_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// A text cut to `width` columns, whole grapheme clusters only, ending in … when cut.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    if text_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for cluster in text.graphemes(true) {
        let size = text_width(cluster);
        if used + size + 1 > width {
            break;
        }
        used += size;
        out.push_str(cluster);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// One column of a table: the width it wants, the least it may shrink to, and how soon it gives way (lower
/// priority shrinks first; an optional one hides once nothing can shrink more); a column that may neither is never cut (a code, a total, a level).
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The width it takes when there is room.
    pub want: u16,
    /// The least it shrinks to (its text then ends in …).
    pub min: u16,
    /// Lower gives way first.
    pub priority: u8,
    /// May hide entirely once every column is at its least.
    pub hideable: bool,
    /// Takes the room left over when the table is wider than its columns want.
    pub fill: bool,
}

impl Column {
    /// Never shrinks, never hides.
    pub fn fixed(width: usize) -> Column {
        let width = cells(width);
        Column { want: width, min: width, priority: u8::MAX, hideable: false, fill: false }
    }

    /// Shrinks to `min` (the text then ends in …), never hides.
    pub fn shrinks(want: usize, min: usize, priority: u8) -> Column {
        let want = cells(want);
        Column { want, min: cells(min).min(want), priority, hideable: false, fill: false }
    }

    /// Shrinks to `min`, then hides when still too wide.
    pub fn optional(want: usize, min: usize, priority: u8) -> Column {
        Column { hideable: true, ..Column::shrinks(want, min, priority) }
    }

    /// The same column, taking the room left over (a name, a title).
    #[must_use]
    pub fn filling(self) -> Column {
        Column { fill: true, ..self }
    }
}

/// The width of each column in a table `width` columns wide with one space between columns (None: hidden). The
/// lowest priority gives way first: every column shrinks to its least width before any hides, and then the
/// optional ones hide, the lowest priority first.
pub fn fit_columns(columns: &[Column], width: u16) -> Vec<Option<u16>> {
    let mut widths: Vec<Option<u16>> = columns.iter().map(|c| Some(c.want)).collect();
    let total = |widths: &[Option<u16>]| -> usize {
        let shown: Vec<usize> = widths.iter().flatten().map(|w| usize::from(*w)).collect();
        shown.iter().sum::<usize>() + shown.len().saturating_sub(1)
    };
    let room = usize::from(width);
    let mut order: Vec<usize> = (0..columns.len()).collect();
    order.sort_by_key(|index| columns[*index].priority);
    // First every column that may shrinks, the lowest priority first, down to its least width …
    for &index in &order {
        let excess = total(&widths).saturating_sub(room);
        let column = columns[index];
        let shrunk = usize::from(column.want).saturating_sub(excess).max(usize::from(column.min));
        widths[index] = Some(cells(shrunk));
    }
    // … then, still too wide, the columns that may hide do, the lowest priority first.
    for &index in &order {
        if total(&widths) <= room {
            break;
        }
        if columns[index].hideable {
            widths[index] = None;
        }
    }
    let spare = room.saturating_sub(total(&widths));
    if let Some(index) = columns.iter().enumerate().position(|(i, c)| c.fill && widths[i].is_some()) {
        widths[index] = widths[index].map(|w| w.saturating_add(cells(spare)));
    }
    widths
}

/// A row of cells (or a table's headings) in two spellings: full words, and the abbreviations a narrow column
/// takes (*Đã thẩm định* / *Đã TĐ*, *Hoàn thành xuất sắc nhiệm vụ* / *Xuất sắc*).
#[derive(Debug, Clone, Default)]
pub struct Spelled {
    /// The cells in full words.
    pub full: Vec<String>,
    /// The same cells abbreviated, for a narrow terminal.
    pub short: Vec<String>,
}

impl Spelled {
    /// Cells spelled one way only.
    pub fn same(cells: Vec<String>) -> Spelled {
        Spelled { short: cells.clone(), full: cells }
    }

    /// Headings, each in its full words and its abbreviation.
    pub fn headings(headings: &[(&str, &str)]) -> Spelled {
        Spelled {
            full: headings.iter().map(|(full, _)| (*full).to_string()).collect(),
            short: headings.iter().map(|(_, short)| (*short).to_string()).collect(),
        }
    }

    /// The cells in the spelling the layout chose.
    pub fn pick(self, wide: bool) -> Vec<String> {
        if wide { self.full } else { self.short }
    }
}

/// Lays out a table whose cells have two spellings: full words where `roomy` finds the full layout leaves room
/// (at 160 columns), else the abbreviations. `columns(widest)` makes the columns from the widest cell of each
/// (headings included) in the spelling tried, so the same priorities hold both ways.
pub fn fit_spelled(
    rows: &[Spelled],
    header: &Spelled,
    width: u16,
    columns: impl Fn(&dyn Fn(usize) -> usize) -> Vec<Column>,
    roomy: impl Fn(&[Option<u16>]) -> bool,
) -> (bool, Vec<Option<u16>>) {
    let layout = |wide: bool| {
        let widest = |column: usize| {
            rows.iter()
                .chain(std::iter::once(header))
                .map(|row| {
                    let cells = if wide { &row.full } else { &row.short };
                    cells.get(column).map_or(0, |cell| text_width(cell))
                })
                .max()
                .unwrap_or(0)
        };
        fit_columns(&columns(&widest), width)
    };
    let wide = layout(true);
    if roomy(&wide) { (true, wide) } else { (false, layout(false)) }
}

/// A table of rows spelled two ways (with each row's style), laid out by [`fit_spelled`] in `width` columns.
pub fn spelled_table<'a>(
    rows: Vec<(Spelled, Style)>,
    header: &Spelled,
    width: u16,
    columns: impl Fn(&dyn Fn(usize) -> usize) -> Vec<Column>,
    roomy: impl Fn(&[Option<u16>]) -> bool,
) -> ratatui::widgets::Table<'a> {
    let cells: Vec<Spelled> = rows.iter().map(|(cells, _)| cells.clone()).collect();
    let (wide, widths) = fit_spelled(&cells, header, width, columns, roomy);
    let body: Vec<ratatui::widgets::Row> = rows
        .into_iter()
        .map(|(cells, style)| ratatui::widgets::Row::new(shown_cells(cells.pick(wide), &widths)).style(style))
        .collect();
    ratatui::widgets::Table::new(body, shown_constraints(&widths))
        .header(ratatui::widgets::Row::new(shown_cells(header.clone().pick(wide), &widths)).style(heading()))
}

/// The constraints of the shown columns, and the cells of a row kept to them (cut with … where narrower).
pub fn shown_constraints(widths: &[Option<u16>]) -> Vec<Constraint> {
    widths.iter().flatten().map(|w| Constraint::Length(*w)).collect()
}

/// The cells of the columns shown, each cut with … to its width; a hidden column's cell is dropped.
pub fn shown_cells(cells: Vec<String>, widths: &[Option<u16>]) -> Vec<String> {
    cells.into_iter().zip(widths).filter_map(|(cell, width)| width.map(|w| fit(&cell, usize::from(w)))).collect()
}

/// A count of lines or columns as a terminal size: past `u16` (no terminal is that large) it is `u16::MAX`,
/// which the layout clamps to the screen, rather than wrapping round to a small size.
pub fn cells(count: usize) -> u16 {
    u16::try_from(count).unwrap_or(u16::MAX)
}

/// Draws the whole frame from the state: the screen in front, its overlay, the status and hint lines (or, on a
/// terminal smaller than 80×24, only the request to enlarge it). Also notes where clickable rows were drawn.
pub fn draw(frame: &mut Frame, app: &App) {
    app.scroll.clickable.borrow_mut().clear();
    let area = frame.area();
    app.scroll.too_small.set(area.width < MIN_WIDTH || area.height < MIN_HEIGHT);
    if app.scroll.too_small.get() {
        too_small(frame, app, area);
        return;
    }
    let [title, tabs, main, message, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(message_height(app, area.width)),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    draw_title(frame, app, title);
    if !matches!(app.screen, Screen::Picker { .. }) {
        draw_tabs(frame, app, tabs);
    }
    match &app.screen {
        Screen::Picker { .. } => overlays::picker(frame, app, main),
        Screen::Browse { .. } => match app.browse.pane {
            Pane::Queue => queue::draw(frame, app, main),
            Pane::Ranking => ranking::draw(frame, app, main),
            Pane::Progress => progress::draw(frame, app, main),
            Pane::Ties => ranking::ties(frame, app, main),
            Pane::Charts => charts::draw(frame, app, main),
            Pane::SelfAssessment => self_assessment::pane(frame, app, main),
            Pane::Result => self_assessment::result(frame, app, main),
            Pane::Desk => desk::pane(frame, app, main),
        },
        Screen::Appraisal(_) => form::draw(frame, app, main),
        Screen::Comment(_) => form::comment(frame, app, main),
        Screen::TieOrder(_) => ranking::ties(frame, app, main),
        Screen::Facts(_) => editors::facts(frame, app, main),
        Screen::Grades(_) => editors::grades(frame, app, main),
        Screen::Unit { .. } => unit::draw(frame, app, main),
        // The whole pane: the bloc's ranking is what the prompt lists.
        Screen::Approval(_) => overlays::approval(frame, app, main),
        Screen::SelfAssess(_) => self_assessment::form(frame, app, main),
        Screen::Submit(_) => self_assessment::submit(frame, app, main),
        Screen::Desk(_) => desk::draw(frame, app, main),
    }
    draw_message(frame, app, message);
    draw_hints(frame, app, hints);
    match &app.overlay {
        Some(Overlay::History { title, rows, names }) => overlays::history(frame, app, title, rows, names),
        Some(Overlay::Help) => overlays::help(frame, app),
        Some(Overlay::Paths { lines, selected }) => overlays::paths(frame, app, lines, *selected),
        Some(Overlay::Confirm(pending)) => overlays::confirm(frame, *pending, app.lang),
        None => {}
    }
}

/// Below the size the screens are drawn for, a notice instead of a broken screen (the demo marker stays).
fn too_small(frame: &mut Frame, app: &App, area: Rect) {
    // Each sentence laid at its phrases' ends (never "q để / thoát"), however narrow the terminal.
    let [need, now] = words::too_small(app.lang, (MIN_WIDTH, MIN_HEIGHT), (area.width, area.height));
    let width = usize::from(area.width);
    let laid = |text: &str, style: Style| -> Vec<Line<'static>> {
        wrap::phrases(text, width).into_iter().map(|row| Line::styled(row, style)).collect()
    };
    let mut lines = laid(&need, warning());
    lines.extend(laid(&now, Style::default()));
    // Quitting with unsaved work asks here too: the question is the only thing that acts besides q.
    if matches!(app.overlay, Some(Overlay::Confirm(_))) {
        lines.extend(laid(word(Word::TooSmallUnsaved, app.lang), warning()));
    }
    if app.demo {
        lines.insert(0, Line::styled(word(Word::DemoMarker, app.lang), warning().add_modifier(Modifier::REVERSED)));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_title(frame: &mut Frame, app: &App, area: Rect) {
    // The demo marker is drawn last, at the right, so a long title never pushes it off the screen.
    let marker = Span::styled(word(Word::DemoMarker, app.lang), warning().add_modifier(Modifier::REVERSED));
    let marker_width = if app.demo { cells(marker.width()) } else { 0 };
    let [left, right] = Layout::horizontal([Constraint::Min(1), Constraint::Length(marker_width)]).areas(area);
    frame.render_widget(Line::from(title_spans(app, left.width)), left);
    if app.demo {
        frame.render_widget(Line::from(marker), right);
    }
}

/// The title bar in `width` columns: the user's full name is never cut; the program's name, the round's
/// regulation, the year, the user's agency and role give way first, in that order.
pub fn title_spans(app: &App, width: u16) -> Vec<Span<'static>> {
    let program = Span::styled(" thamdinh ", heading().add_modifier(Modifier::REVERSED));
    let round = words::round_title(Some(&app.regulation.id), app.round.year, app.lang);
    let year = words::round_title(None, app.round.year, app.lang);
    let (full, short, name) = match &app.user {
        None => {
            let text = word(Word::ChooseUser, app.lang).to_string();
            (text.clone(), text.clone(), text)
        }
        Some(user) => {
            let name = one_line(&full_name(app, &user.name));
            let role = app.role_name(user.role);
            let agency =
                user.agency.as_deref().map(|a| app.regulation.agency(a).map_or(a, |agency| agency.name.as_str()));
            let short = with_role(&name, &role);
            let full = match agency.filter(|agency| !says(&name, agency)) {
                Some(agency) => format!("{short} — {}", one_line(agency)),
                None => short.clone(),
            };
            (full, short, name)
        }
    };
    let candidates = [
        (true, format!(" {round} · {full} ")),
        (false, format!(" {round} · {full} ")),
        (false, format!(" {year} · {full} ")),
        (false, format!(" {full} ")),
        (false, format!(" {year} · {short} ")),
        (false, format!(" {short} ")),
        (false, format!(" {name} ")),
    ];
    let room = usize::from(width);
    for (with_program, text) in &candidates {
        let used = text_width(text) + if *with_program { program.width() } else { 0 };
        if used <= room {
            let mut spans = if *with_program { vec![program.clone()] } else { Vec::new() };
            spans.push(Span::raw(text.clone()));
            return spans;
        }
    }
    vec![Span::raw(fit(&format!(" {name}"), room))]
}

/// A person by the full name the store holds (the name on the council's papers); the login only where none is
/// recorded.
pub fn full_name(app: &App, login: &str) -> String {
    app.users
        .iter()
        .find(|u| u.name == login && !u.full_name.trim().is_empty())
        .map_or_else(|| login.to_string(), |u| u.full_name.trim().to_string())
}

/// The full name already says it (the demo's *Thư ký Hội đồng* says its role): not said twice.
pub(super) fn says(name: &str, part: &str) -> bool {
    name.to_lowercase().contains(&part.to_lowercase())
}

/// A full name with the role, unless the name says it.
pub(super) fn with_role(name: &str, role: &str) -> String {
    if says(name, role) { name.to_string() } else { format!("{name} — {role}") }
}

/// A person with their role, as a prompt names who acts (*Nguyễn Văn A — Chủ tịch Hội đồng*).
pub fn acting_person(app: &App) -> String {
    app.user
        .as_ref()
        .map_or_else(String::new, |user| with_role(&one_line(&full_name(app, &user.name)), &app.role_name(user.role)))
}

/// A pane's name on its tab.
pub fn pane_title(pane: Pane, lang: crate::messages::Lang) -> &'static str {
    match pane {
        Pane::Queue => word(Word::PaneQueue, lang),
        Pane::Ranking => word(Word::PaneRanking, lang),
        Pane::Progress => word(Word::PaneProgress, lang),
        Pane::Ties => word(Word::PaneTies, lang),
        Pane::Charts => word(Word::PaneCharts, lang),
        Pane::SelfAssessment => word(Word::PaneSelfAssessment, lang),
        Pane::Result => word(Word::PaneResult, lang),
        Pane::Desk => pane.title_in(lang),
    }
}

/// A queue item's status in words.
pub fn status_words(status: Status, lang: crate::messages::Lang) -> &'static str {
    let name = match status {
        Status::Pending => Word::StatusPending,
        Status::NeedsReason => Word::StatusNeedsReason,
        Status::IncompleteFile => Word::StatusIncompleteFile,
        Status::AwaitingConfirmation => Word::StatusAwaitingConfirmation,
        Status::Appraised => Word::StatusAppraised,
        Status::CoAssigned => Word::StatusCoAssigned,
        Status::NotSubmitted => Word::StatusNotSubmitted,
    };
    word(name, lang)
}

/// What a unit's file lacks, in words.
pub fn gap_words(gap: crate::domain::self_assessment::FileGap, lang: crate::messages::Lang) -> &'static str {
    words::file_gap(gap.no_explanation, gap.no_evidence, lang)
}

fn draw_tabs(frame: &mut Frame, app: &App, area: Rect) {
    let mut spans = Vec::new();
    for (index, pane) in app.panes().iter().enumerate() {
        let text = format!(" {} {} ", index + 1, pane_title(*pane, app.lang));
        spans.push(if *pane == app.browse.pane { Span::styled(text, selected().bold()) } else { Span::raw(text) });
        spans.push(Span::raw(" "));
    }
    if !app.browse.filter.is_empty() || app.filtering() {
        spans.push(Span::styled(
            format!(" /{}{} ", app.browse.filter, if app.filtering() { "▏" } else { "" }),
            heading(),
        ));
    }
    if let Some(status) = app.browse.status_filter {
        spans.push(Span::styled(format!(" [{}] ", status_words(status, app.lang)), heading()));
    }
    frame.render_widget(Line::from(spans), area);
}

/// The most lines the status message takes: a long one (a backup's path and hash, a refusal with its rule) is
/// wrapped, never cut at the screen's edge.
const MESSAGE_LINES: u16 = 4;

/// The lines the status message needs at this width (one when there is none).
fn message_height(app: &App, width: u16) -> u16 {
    let Some((text, _)) = &app.message else { return 1 };
    let columns = Line::raw(safe(text)).width().max(1);
    let lines = columns.div_ceil(usize::from(width.max(1)));
    u16::try_from(lines).unwrap_or(MESSAGE_LINES).clamp(1, MESSAGE_LINES)
}

fn draw_message(frame: &mut Frame, app: &App, area: Rect) {
    if let Some((text, is_error)) = &app.message {
        let style = if *is_error { warning() } else { Style::new().fg(Color::Green) };
        let text = Paragraph::new(Line::styled(safe(text), style)).wrap(ratatui::widgets::Wrap { trim: false });
        frame.render_widget(text, area);
    }
}

/// The hint bar: the keys that matter now, read from the keymap, in the table's order of importance (quitting
/// last), and always closed by the help key (`? thêm phím`): the help lists every key. When the bar is narrow
/// every key is first given its shortest name, as many as fit; the room left lengthens them again, from the first.
fn draw_hints(frame: &mut Frame, app: &App, area: Rect) {
    frame.render_widget(Line::from(hint_spans(app, area.width)), area);
}

/// The hint line's keys for the context in front, fitted to `width` (see `draw_hints`).
pub fn hint_spans(app: &App, width: u16) -> Vec<Span<'static>> {
    use crate::tui::keymap::Command;
    let lang = app.lang;
    let context = app.context();
    let help = app.acting(context).find(|b| b.command == Command::Help);
    let tail: Vec<Span<'static>> = help
        .map(|binding| {
            vec![
                Span::styled(format!(" {} ", binding.label), selected()),
                Span::raw(format!(" {} ", crate::messages::screens::more_keys(lang))),
            ]
        })
        .unwrap_or_default();
    let tail_width: usize = tail.iter().map(Span::width).sum();
    let room = usize::from(width).saturating_sub(tail_width);
    let mut hints: Vec<&crate::tui::keymap::Binding> =
        app.acting(context).filter(|b| b.hint && b.command != Command::Help).collect();
    // Quitting is known to all and always in the help: it gives way to the keys of the work at hand.
    hints.sort_by_key(|b| b.command == Command::Quit);
    // Each hint's names, longest first: the whole description, its words before a colon, a parenthesis or a slash,
    // and the short name of the key.
    let names: Vec<Vec<String>> = hints
        .iter()
        .map(|binding| {
            let full = app.describe_binding(binding);
            let mut names: Vec<String> = vec![full.to_string()];
            for shorter in
                [full.split(':').next(), full.split(" (").next(), full.split(" /").next()].into_iter().flatten()
            {
                names.push(shorter.trim().to_string());
            }
            if let Some(short) = crate::messages::screens::short_hint(&format!("{:?}", binding.command), lang) {
                names.push(short.to_string());
            }
            names.sort_by_key(|name| std::cmp::Reverse(text_width(name)));
            names.dedup();
            names
        })
        .collect();
    let cost = |label: &str, name: &str| text_width(label) + 2 + text_width(name) + 2 + 1;
    // First pass: the shortest names, in priority order, as many keys as fit.
    let mut chosen: Vec<Option<usize>> = vec![None; hints.len()];
    let mut used = 0;
    for (index, binding) in hints.iter().enumerate() {
        let Some(shortest) = names[index].last() else { continue };
        let size = cost(binding.label, shortest);
        if used + size <= room {
            used += size;
            chosen[index] = Some(names[index].len() - 1);
        }
    }
    // Second pass: the room left lengthens the names, the most important first.
    for (index, binding) in hints.iter().enumerate() {
        let Some(current) = chosen[index] else { continue };
        let now = cost(binding.label, &names[index][current]);
        if let Some(longer) = (0..current).find(|n| used - now + cost(binding.label, &names[index][*n]) <= room) {
            used = used - now + cost(binding.label, &names[index][longer]);
            chosen[index] = Some(longer);
        }
    }
    let mut spans = Vec::new();
    for (index, binding) in hints.iter().enumerate() {
        if let Some(name) = chosen[index] {
            spans.push(Span::styled(format!(" {} ", binding.label), selected()));
            spans.push(Span::raw(format!(" {} ", names[index][name])));
            spans.push(Span::raw(" "));
        }
    }
    spans.extend(tail);
    spans
}

/// A table of documents (number, date, title) in `width` columns: the number shows whole where the room allows
/// (a wide terminal never cuts it); the title shrinks first, then the number, both ending in … when cut.
pub fn documents_table<'a>(
    rows: Vec<[String; 3]>,
    width: u16,
    lang: crate::messages::Lang,
) -> ratatui::widgets::Table<'a> {
    let header = [Word::Reference, Word::Date, Word::Title].map(|name| word(name, lang).to_string());
    let widest = |column: usize| {
        rows.iter().map(|cells| text_width(&cells[column])).chain([text_width(&header[column])]).max().unwrap_or(0)
    };
    let columns = [
        Column::shrinks(widest(0), 12, 2),
        Column::fixed(widest(1).max(10)),
        Column::shrinks(widest(2), 12, 1).filling(),
    ];
    let widths = fit_columns(&columns, width);
    let body: Vec<ratatui::widgets::Row> =
        rows.into_iter().map(|cells| ratatui::widgets::Row::new(shown_cells(cells.to_vec(), &widths))).collect();
    ratatui::widgets::Table::new(body, shown_constraints(&widths))
        .header(ratatui::widgets::Row::new(shown_cells(header.to_vec(), &widths)).style(heading()))
}

/// A rectangle centred in `area`, at most the given size.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

/// The rows of a long list that fit a table of `height` lines (borders and header included) around the
/// selected row: only those are built and drawn, so a list of 250 000 items costs what 40 do. The list scrolls
/// line by line as lazygit and htop do: it moves only when the selection would leave it, and `offset` keeps where
/// it was between frames (the view alone knows the height; it also records the page for PgUp/PgDn).
pub fn window(selected: usize, len: usize, height: u16, offset: &Cell<usize>, app: &App) -> std::ops::Range<usize> {
    let page = usize::from(height.saturating_sub(3)).max(1);
    app.scroll.page.set(u16::try_from(page).unwrap_or(u16::MAX));
    let selected = selected.min(len.saturating_sub(1));
    let mut start = offset.get().min(len.saturating_sub(page));
    if selected < start {
        start = selected;
    } else if selected >= start + page {
        start = selected + 1 - page;
    }
    offset.set(start);
    start..(start + page).min(len)
}

/// Remembers which list row is drawn on which screen line, from `first_line` down (None: a line that is not a
/// row, as the quota line), so a click selects what the person sees under the pointer.
pub fn clickable(app: &App, first_line: u16, rows: impl IntoIterator<Item = Option<usize>>) {
    let mut lines = app.scroll.clickable.borrow_mut();
    lines.clear();
    for (line, row) in (first_line..).zip(rows) {
        if let Some(row) = row {
            lines.push((line, row));
        }
    }
}
