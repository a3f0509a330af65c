//! Pictures for the secretary and the chairman: the totals of a bloc against the regulation's thresholds and
//! the quota line, and the appraisal's progress per agency.

use super::{heading, warning};
use crate::domain::classification::Level;
use crate::domain::ranking::Outcome;
use crate::messages::levels;
use crate::messages::views::{self as words, Word, word};
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, LineGauge, Paragraph};
use rust_decimal::Decimal;

/// Width of a bin of totals, in points.
const BIN: u32 = 5;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let agencies = app.agency_progress();
    let gauges_height = super::cells(agencies.len()).saturating_add(2).min(area.height / 2);
    let [totals, progress] = Layout::vertical([Constraint::Min(8), Constraint::Length(gauges_height)]).areas(area);
    distribution(frame, app, totals);
    gauges(frame, app, progress);
}

/// How many units of the selected bloc have a total in each bin of 5 points, coloured by the level the bin
/// reaches; the thresholds come from the regulation's `total_at_least` conditions.
fn distribution(frame: &mut Frame, app: &App, area: Rect) {
    let Some(result) = app.results().get(app.browse.bloc) else {
        frame.render_widget(Paragraph::new(word(Word::NoUnitYet, app.lang)).block(Block::bordered()), area);
        return;
    };
    let ranking = &result.ranking;
    let bloc_name = app.regulation.bloc(&result.bloc).map(|b| b.name.as_str()).unwrap_or(&result.bloc);
    let block = Block::bordered().title(words::distribution_title(
        bloc_name,
        app.browse.bloc + 1,
        app.results().len(),
        app.lang,
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let thresholds = app.regulation.classification.total_thresholds();
    let bins = (100 / BIN) as usize;
    let mut counts = vec![0u64; bins];
    for unit in &ranking.units {
        let bin = u32::try_from(unit.official_total.floor()).unwrap_or(0) / BIN;
        counts[(bin as usize).min(bins - 1)] += 1;
    }
    let level_of = |start: Decimal| thresholds.iter().find(|(_, at)| start >= *at).map(|(level, _)| *level);
    let colour = |level: Option<Level>| match level {
        Some(level) => super::level_style(Outcome::Level(level)),
        None => Style::new().fg(Color::Red),
    };
    let lang = app.lang;
    // The lowest level in full words where the line has room, abbreviated on a narrow screen.
    let legend_with = |below: &str| {
        let mut legend = vec![Span::styled(word(Word::Thresholds, lang), heading())];
        for (level, at) in &thresholds {
            legend.push(Span::styled(
                format!("{} ≥ {}", levels::level_short(&app.regulation, *level, lang), words::score(*at, lang)),
                colour(Some(*level)),
            ));
            legend.push(Span::raw(" · "));
        }
        legend.push(Span::styled(words::below_thresholds(below, lang), colour(None)));
        Line::from(legend)
    };
    let legend = legend_with(&levels::outcome(&app.regulation, Outcome::Level(Level::NotCompleted), lang));
    let legend = if legend.width() <= usize::from(inner.width) {
        legend
    } else {
        legend_with(&levels::level_short(&app.regulation, Level::NotCompleted, lang))
    };
    let last = ranking.quota.checked_sub(1).and_then(|at| ranking.units.get(at));
    let last_total = last.map(|last| words::total(last.official_total, lang));
    let quota_text = words::chart_quota(ranking.quota, ranking.eligible, last_total.as_deref(), lang);
    let quota_line = if last.is_some() { Line::styled(quota_text, warning()) } else { Line::raw(quota_text) };
    let quota_bin = ranking.quota.checked_sub(1).and_then(|at| ranking.units.get(at)).map(|u| {
        usize::try_from(u32::try_from(u.official_total.floor()).unwrap_or(0) / BIN).unwrap_or(0).min(bins - 1)
    });
    let [legend_area, quota_area, chart_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(3)]).areas(inner);
    frame.render_widget(legend, legend_area);
    frame.render_widget(quota_line, quota_area);
    let bars: Vec<Bar> = counts
        .iter()
        .enumerate()
        .map(|(bin, count)| {
            let from = u32::try_from(bin).map_or(u32::MAX, |bin| bin.saturating_mul(BIN));
            let start = Decimal::from(from);
            let label = if quota_bin == Some(bin) { "▼".to_string() } else { from.to_string() };
            Bar::default().value(*count).label(Line::from(label)).style(colour(level_of(start)))
        })
        .collect();
    let width = (chart_area.width.saturating_sub(u16::try_from(bins).unwrap_or(20)) / 20).clamp(1, 5);
    frame.render_widget(
        BarChart::default().data(BarGroup::default().bars(&bars)).bar_width(width).bar_gap(1),
        chart_area,
    );
}

/// Components appraised per leading agency, as gauges.
fn gauges(frame: &mut Frame, app: &App, area: Rect) {
    let block = Block::bordered().title(word(Word::AgencyProgress, app.lang));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let label_width = super::cells(
        app.agency_progress()
            .keys()
            .map(|code| Span::raw(app.regulation.agency(code).map(|a| a.name.as_str()).unwrap_or(code)).width())
            .max()
            .unwrap_or(10)
            .min(usize::from(inner.width / 2)),
    ) + 1;
    let rows = Layout::vertical(vec![Constraint::Length(1); usize::from(inner.height)]).split(inner);
    for ((code, (done, total)), row) in app.agency_progress().iter().zip(rows.iter()) {
        let name = app.regulation.agency(code).map(|a| a.name.as_str()).unwrap_or(code);
        #[allow(clippy::cast_precision_loss, reason = "a gauge's ratio of two counts of components, far below 2^52")]
        let ratio = if *total == 0 { 1.0 } else { *done as f64 / *total as f64 };
        let [label, gauge] = Layout::horizontal([Constraint::Length(label_width), Constraint::Min(10)]).areas(*row);
        frame.render_widget(Line::raw(super::safe(name).into_owned()), label);
        frame.render_widget(
            LineGauge::default()
                .ratio(ratio.clamp(0.0, 1.0))
                .label(format!("{done}/{total}"))
                .filled_style(Style::new().fg(if done == total { Color::Green } else { Color::Yellow })),
            gauge,
        );
    }
}
