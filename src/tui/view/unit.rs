//! A unit's file, read-only, for those who decide: its standing and reasons, facts, criterion grades, and every
//! component with its scores, who appraised, the deduction reason, the unit's explanation, its documents and the
//! comments of co-appraising agencies; or, with `c`, self-score against appraised score by criterion.

use super::{heading, selected, warning};
use crate::domain::evaluate::{UnitRecord, evaluate_unit};
use crate::domain::framework::{ComponentPlace, Criterion};
use crate::domain::scoring::{ComponentScore, CriterionResult};
use crate::domain::vn_time::vietnam_time;
use crate::messages::Lang;
use crate::messages::views::{self as words, Word, word};
use crate::store::EvidenceRow;
use crate::store::council::CommentRow;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph};

/// Who entered an appraised score, in the council's words: the full name, the role and the agency.
pub fn who_appraised(app: &App, by: &str) -> String {
    match app.users.iter().find(|u| u.name == by) {
        Some(user) => {
            let agency =
                user.agency.as_deref().map(|a| app.regulation.agency(a).map_or(a, |agency| agency.name.as_str()));
            let name = super::full_name(app, by);
            let person = super::with_role(&name, &app.role_name(user.role));
            match agency.filter(|agency| !super::says(&name, agency)) {
                Some(agency) => format!("{person} — {agency}"),
                None => person,
            }
        }
        None if by == crate::domain::permissions::SERVICE_ACCOUNT => words::imported_by(by, app.lang),
        None => by.to_string(),
    }
}

/// Wraps a text into lines of at most `width` columns (never fewer than ten beyond the indent), each line
/// after the first indented two more than the first.
fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    super::wrap::lines(text, width.max(indent + 10), indent, indent + 2)
}

/// The lines of a unit's file at a width, and the line where each component begins.
pub fn lines(app: &App, code: &str, width: u16) -> (Vec<Line<'static>>, Vec<usize>) {
    let mut file = File { out: Vec::new(), starts: Vec::new(), width: usize::from(width), lang: app.lang };
    let Some(unit) = app.unit(code) else { return (file.out, file.starts) };
    file.standing(app, unit);
    let Some(framework) = app.regulation.framework_for(&unit.bloc, unit.group.as_deref()) else {
        return (file.out, file.starts);
    };
    let evaluation = evaluate_unit(&app.regulation, unit);
    // The unit's comments, read once (a round may hold many).
    let comments: Vec<&CommentRow> = app.comments.iter().filter(|c| c.unit == code).collect();
    let selected = app.unit_view().map(|v| v.selected);
    let mut position = 0;
    for content in &framework.contents {
        file.out.push(Line::raw(""));
        let content_score = evaluation
            .as_ref()
            .and_then(|e| e.score.contents.iter().find(|(c, _)| *c == content.code).and_then(|(_, s)| *s));
        let scored =
            content_score.map(|s| words::appraised_of(&words::score(s, app.lang), app.lang)).unwrap_or_default();
        let max = words::max_of(&words::score(content.max, app.lang), app.lang);
        let heading_text = format!("{} {} — {max}{scored}", content.code, content.name);
        file.text(&heading_text, 0, heading().underlined());
        for criterion in &content.criteria {
            let result = evaluation.as_ref().and_then(|e| e.score.criterion(&criterion.code));
            file.text(&criterion_heading(unit, criterion, result, app.lang), 1, heading());
            for component in &criterion.components {
                // Each middle level (B.2.1) just before its first leaf, with its subtotal.
                for sub in criterion.subcriteria.iter().filter(|sub| sub.leaves.first() == Some(&component.code)) {
                    let subtotal = crate::domain::scoring::UnitScore::subtotal(sub, &unit.entries);
                    let line =
                        crate::messages::subtotals::subtotal_line(app.lang, &sub.code, &sub.name, sub.max, subtotal);
                    file.text(&line, 1 + sub.depth, heading());
                }
                let Some(place) = framework.component_at(position) else { continue };
                let here = selected == Some(position);
                position += 1;
                let on_it: Vec<&CommentRow> =
                    comments.iter().copied().filter(|c| c.criterion == component.code).collect();
                file.component(app, unit, &place, here, &on_it);
            }
        }
    }
    (file.out, file.starts)
}

/// A unit's file being laid out: its lines, where each component begins, the width they wrap to.
struct File {
    out: Vec<Line<'static>>,
    starts: Vec<usize>,
    width: usize,
    lang: Lang,
}

impl File {
    fn text(&mut self, text: &str, indent: usize, style: Style) {
        for line in wrap(text, self.width, indent) {
            self.out.push(Line::styled(line, style));
        }
    }

    /// The unit, its rank, total and level with the reasons, and its facts.
    fn standing(&mut self, app: &App, unit: &UnitRecord) {
        let bloc = app.regulation.bloc(&unit.bloc).map(|b| b.name.as_str()).unwrap_or(&unit.bloc);
        self.text(&format!("{} ({}) — {bloc}", super::safe(&unit.name), unit.code), 0, heading());
        if let Some(ranked) = app.ranked(&unit.code) {
            let lang = self.lang;
            let provisional = if ranked.provisional { word(Word::Provisional, lang) } else { "" };
            self.out.push(Line::from(vec![
                Span::raw(words::standing(ranked.rank, lang)),
                Span::styled(words::score(ranked.official_total, lang), heading()),
                Span::raw(format!(" ({}){provisional} · ", words::total(ranked.tiebreak_total, lang))),
                Span::styled(
                    if ranked.quota_exception {
                        format!(
                            "{} ({})",
                            crate::messages::levels::outcome(&app.regulation, ranked.outcome, lang),
                            crate::messages::exceed::beyond_mark(lang)
                        )
                    } else {
                        crate::messages::levels::outcome(&app.regulation, ranked.outcome, lang)
                    },
                    super::level_style(ranked.outcome),
                ),
            ]));
            self.out.push(Line::styled(word(Word::StandingReasons, lang), heading()));
            for reason in app.reasons_of(ranked) {
                self.text(&format!("• {}", super::safe(&reason)), 2, Style::new());
            }
        }
        if !app.regulation.facts.is_empty() {
            let source = app.regulation.citations.facts.as_deref();
            self.out.push(Line::styled(crate::messages::views::facts_heading(source, self.lang), heading()));
            for definition in app.regulation.facts.iter().filter(|d| d.applies_to(&unit.bloc)) {
                let value = unit.facts.get(&definition.name).cloned().unwrap_or_else(|| definition.default_value());
                self.text(&format!("• {}: {}", definition.title, definition.display_value(&value)), 2, Style::new());
            }
        }
    }

    /// One component: its scores, who appraised it and why points were deducted, the unit's explanation, its
    /// documents and the co-appraising agencies' comments.
    fn component(
        &mut self,
        app: &App,
        unit: &UnitRecord,
        place: &ComponentPlace<'_>,
        here: bool,
        comments: &[&CommentRow],
    ) {
        let component = place.component;
        self.starts.push(self.out.len());
        let entry = unit.entries.get(&component.code);
        let lang = self.lang;
        let shown = |v: Option<rust_decimal::Decimal>| v.map(|v| words::score(v, lang)).unwrap_or_else(|| "—".into());
        let not_applicable = entry.is_some_and(|e| !e.applicable);
        let head = format!(
            "{} {} — {}{}",
            component.code,
            component.name,
            words::max_of(&words::score(component.max, lang), lang),
            words::component_scores(
                &shown(entry.and_then(|e| e.self_score)),
                &shown(entry.and_then(ComponentScore::effective_appraised)),
                not_applicable,
                lang
            )
        );
        self.text(&head, 2, if here { selected() } else { Style::new().bold() });
        if let Some(gap) = app.file_gap(&unit.code, place) {
            self.text(&words::gap_line(super::gap_words(gap, lang), lang), 4, warning());
        }
        if let Some(entry) = entry {
            self.appraisal(app, entry);
        }
        self.documents(&app.evidence_for(&unit.code, place));
        for file in app.files_for(&unit.code, place) {
            let line = format!("– {} · {}", super::safe(&file.name), crate::messages::uploads::file_line(file));
            self.text(&line, 6, Style::new());
            for preview in file.preview.iter().flat_map(|preview| preview.lines().take(2)) {
                self.text(&format!("│ {}", super::safe(preview)), 8, Style::new().fg(Color::DarkGray));
            }
        }
        for comment in comments {
            let agency = app.regulation.agency(&comment.agency).map(|a| a.name.as_str()).unwrap_or(&comment.agency);
            let line = words::comment_line(agency, Some(&vietnam_time(&comment.at)), &super::safe(&comment.text), lang);
            self.text(&line, 4, Style::new().fg(Color::Cyan));
        }
    }

    fn appraisal(&mut self, app: &App, entry: &ComponentScore) {
        let lang = self.lang;
        if let Some(by) = entry.appraised_by.as_deref() {
            let who = super::safe(&who_appraised(app, by)).into_owned();
            self.text(&words::appraised_by(&who, entry.awaiting_confirmation, lang), 4, Style::new());
        }
        if !entry.leader_scores.is_empty() {
            let scores: Vec<String> = entry
                .leader_scores
                .iter()
                .map(|(l, s)| format!("{} {}", super::full_name(app, l), words::score(*s, lang)))
                .collect();
            self.text(&words::leader_scores(&scores.join("; "), None, lang), 4, Style::new());
        }
        if !entry.deduction_reason.is_empty() {
            self.text(&words::deduction_reason(&super::safe(&entry.deduction_reason), lang), 4, Style::new());
        }
        let explanation = if entry.explanation.is_empty() { word(Word::NoneGiven, lang) } else { &entry.explanation };
        self.text(&words::explanation_line(&super::safe(explanation), lang), 4, Style::new());
    }

    fn documents(&mut self, documents: &[&EvidenceRow]) {
        self.text(&words::documents_heading(documents.len(), self.lang), 4, Style::new());
        if documents.is_empty() {
            return;
        }
        for doc in documents {
            let line = format!(
                "– {} · {} · {}",
                super::safe(&doc.reference),
                super::safe(&crate::domain::calendar::shown_vietnamese(&doc.issued_on)),
                super::safe(&doc.title)
            );
            self.text(&line, 6, Style::new());
        }
    }
}

/// A criterion's heading: max, appraised score, proposed grade and the chairman's override with its reason.
fn criterion_heading(unit: &UnitRecord, criterion: &Criterion, result: Option<&CriterionResult>, lang: Lang) -> String {
    let max = words::max_of(&words::score(criterion.max, lang), lang);
    let mut about = format!("{} {} — {max}", criterion.code, criterion.name);
    let Some(result) = result else { return about };
    if let Some(score) = result.score {
        about.push_str(&words::appraised_of(&words::score(score, lang), lang));
    }
    if let Some(proposed) = result.proposed_grade {
        about.push_str(&words::proposed_grade(words::grade(proposed, lang), lang));
    }
    if let Some(over) = unit.grade_overrides.get(&criterion.code) {
        let reason = super::safe(&over.reason);
        about.push_str(&words::grade_override(words::grade(over.grade, lang), &reason, lang));
    }
    about
}

/// A unit's file for those who decide (Enter on a ranking row): its standing, criteria and components, read-only.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(view) = app.unit_view() else { return };
    let components = app.unit_components(&view.unit);
    let current = components.get(view.selected).map(|p| p.component.code.as_str()).unwrap_or("");
    let block = Block::bordered().title(words::unit_file_title(
        &view.unit,
        current,
        view.selected + 1,
        components.len(),
        app.lang,
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
            Span::raw(word(Word::ChartLegend, app.lang)),
            Span::styled(word(Word::ChartSelf, app.lang), Style::new().fg(Color::Yellow)),
            Span::raw("  "),
            Span::styled(word(Word::ChartAppraised, app.lang), Style::new().fg(Color::Green)),
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
