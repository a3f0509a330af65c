//! Keys on the panes: moving through the lists, opening what is selected, the filter, the picker, exports.
//! Who may press what is the keymap's `when` (answered from `domain::permissions`), not restated here.

use super::{moved, page, quit, type_into};
use crate::domain::code::UnitCode;
use crate::domain::permissions::CouncilWrite;
use crate::tui::app::*;
use crate::tui::keymap::Command;

pub(super) fn on_picker(app: &mut App, command: Option<Command>) -> Vec<Effect> {
    let Screen::Picker { selected } = app.screen else { return Vec::new() };
    let choices = app.choices();
    match command {
        Some(command) if command.moves_in_list() => {
            app.screen = Screen::Picker { selected: moved(selected, choices.len(), command, page(app)) }
        }
        Some(Command::Open) => {
            if let Some((user, _)) = choices.into_iter().nth(selected) {
                return vec![Effect::SignIn { name: user.name }];
            }
        }
        Some(Command::Quit) => app.should_quit = true,
        _ => {}
    }
    Vec::new()
}

/// Typing the filter: Enter keeps it, Esc drops it, Ctrl-U clears what was typed.
pub(super) fn on_filter(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    match command {
        Some(Command::Confirm) => app.close_screen(),
        Some(Command::Back) => {
            app.close_screen();
            app.browse.filter.clear();
        }
        Some(Command::ClearFilter) => app.browse.filter.clear(),
        _ => type_into(&mut app.browse.filter, key),
    }
    app.browse.queue_selected = 0;
    app.browse.ranking_selected = 0;
    Vec::new()
}

pub(super) fn on_list(app: &mut App, command: Command) -> Vec<Effect> {
    match command {
        Command::Up
        | Command::Down
        | Command::Top
        | Command::Bottom
        | Command::PageUp
        | Command::PageDown
        | Command::HalfPageUp
        | Command::HalfPageDown => {
            let page = page(app);
            let (selected, len) = app.selection();
            *selected = moved(*selected, len, command, page);
        }
        Command::Left | Command::Right => other_bloc(app, command == Command::Right),
        Command::NextPane
        | Command::PreviousPane
        | Command::Pane1
        | Command::Pane2
        | Command::Pane3
        | Command::Pane4
        | Command::Pane5 => {
            switch_pane(app, command);
        }
        Command::Open if app.browse.pane == Pane::Desk => return super::desk::open_action(app),
        Command::Open => open_selected(app),
        Command::ViewUnit => view_unit(app),
        Command::Approve => ask_approval(app),
        Command::EditFacts => open_facts(app),
        Command::OverrideGrade => open_grades(app),
        Command::History => return history(app),
        Command::Filter => app.screen = Screen::Browse { filtering: true },
        Command::CycleStatus => cycle_status(app),
        Command::NextOpen => app.select_next_open(),
        Command::NextUnit => app.select_next_unit(),
        Command::SubmitSelfAssessment => ask_submission(app),
        Command::Back => {
            app.browse.filter.clear();
            app.browse.status_filter = None;
            app.message = None;
        }
        Command::Help => app.overlay = Some(Overlay::Help),
        Command::Quit => return quit(app),
        Command::ExportSheet | Command::ExportAllSheets | Command::ExportRanking => return export(app, command),
        // The unit's round holds its own unit only.
        Command::ExportOwnSheet => {
            return app
                .round
                .units
                .first()
                .map(|u| Effect::ExportSheets { unit: Some(u.code.clone()) })
                .into_iter()
                .collect();
        }
        _ => {}
    }
    Vec::new()
}

/// `p`: the submission prompt, unless it is already submitted.
fn ask_submission(app: &mut App) {
    match &app.unit_side.submission {
        Some(done) => {
            let on = crate::domain::vn_time::vietnam_time(&done.submitted_at);
            app.message = Some((crate::messages::status::submitted_at(&on, &done.minutes, app.lang), false));
        }
        None => app.screen = Screen::Submit(SubmitForm::default()),
    }
}

fn other_bloc(app: &mut App, forward: bool) {
    let count = app.results().len();
    if count == 0 {
        return;
    }
    let bloc = app.browse.bloc;
    app.browse.bloc = if forward { (bloc + 1) % count } else { (bloc + count - 1) % count };
    app.browse.ranking_selected = 0;
}

fn switch_pane(app: &mut App, command: Command) {
    let panes = app.panes();
    if panes.is_empty() {
        return;
    }
    let index = panes.iter().position(|p| *p == app.browse.pane).unwrap_or(0);
    let wanted = match command {
        Command::NextPane => (index + 1) % panes.len(),
        Command::PreviousPane => (index + panes.len() - 1) % panes.len(),
        Command::Pane1 => 0,
        Command::Pane2 => 1,
        Command::Pane3 => 2,
        Command::Pane4 => 3,
        _ => 4,
    };
    if let Some(pane) = panes.get(wanted) {
        app.browse.pane = *pane;
    }
}

fn cycle_status(app: &mut App) {
    app.browse.status_filter = match app.browse.status_filter {
        None => Some(Status::Pending),
        Some(Status::Pending) => Some(Status::NeedsReason),
        Some(Status::NeedsReason) => Some(Status::IncompleteFile),
        Some(Status::IncompleteFile) => Some(Status::AwaitingConfirmation),
        Some(Status::AwaitingConfirmation) => Some(Status::Appraised),
        Some(Status::Appraised) => Some(Status::CoAssigned),
        Some(Status::CoAssigned) if app.submissions.by_unit.is_some() => Some(Status::NotSubmitted),
        Some(Status::CoAssigned | Status::NotSubmitted) => None,
    };
    app.browse.queue_selected = 0;
}

/// Enter: the queue's item opens its form, a tie group its order, a unit its file.
fn open_selected(app: &mut App) {
    match app.browse.pane {
        Pane::Queue => {
            if let Some(item) = app.queue().get(app.browse.queue_selected).copied() {
                app.open_form(item);
            }
        }
        Pane::Ties => open_tie(app),
        Pane::Ranking | Pane::Progress => view_unit(app),
        Pane::SelfAssessment => app.open_self_form(app.browse.self_selected),
        Pane::Charts | Pane::Result | Pane::Desk => {}
    }
}

fn open_tie(app: &mut App) {
    let Some((bloc, units, ordered)) = app.tie_row(app.browse.ties_selected) else { return };
    let (bloc, units) = (bloc.clone(), units.iter().map(UnitCode::to_string).collect::<Vec<_>>());
    if ordered && app.approved.contains(&bloc) {
        app.message = Some((crate::messages::status::tie_locked(&bloc, app.lang), true));
        return;
    }
    // A recorded order reopens as recorded; saving it asks the reason for the change.
    let reason = ordered.then(String::new);
    app.screen = Screen::TieOrder(TieEdit { bloc, units, selected: 0, reason, reason_focus: false, confirm: None });
}

/// Opens the read-only file of the unit selected where it is listed (the queue's item opens on its component).
fn view_unit(app: &mut App) {
    let (unit, component) = match app.browse.pane {
        Pane::Queue => match app.queue().get(app.browse.queue_selected).and_then(|item| app.item_codes(item)) {
            Some((unit, component)) => (Some(unit), Some(component)),
            None => (None, None),
        },
        Pane::Ranking => (app.selected_ranked_unit(), None),
        Pane::Progress => (app.round.units.get(app.browse.progress_selected).map(|u| u.code.clone()), None),
        Pane::Ties => (app.tie_row(app.browse.ties_selected).and_then(|(_, units, _)| units.first().cloned()), None),
        Pane::Charts | Pane::SelfAssessment | Pane::Result | Pane::Desk => (None, None),
    };
    if let Some(unit) = unit {
        app.open_unit(unit, component.as_deref());
    }
}

/// `a`: asks first, showing what approval freezes (the store's approval is unchanged).
fn ask_approval(app: &mut App) {
    let Some(result) = app.results().get(app.browse.bloc) else { return };
    let bloc = result.bloc.clone();
    let blocker = app.approval_blocker(&bloc);
    app.screen = Screen::Approval(ApprovalPrompt { bloc, typed: String::new(), blocker });
}

fn open_facts(app: &mut App) {
    let Some(unit) = app.selected_ranked_unit() else { return };
    let bloc = app.unit(&unit).map(|u| u.bloc.clone()).unwrap_or_default();
    let values = app
        .regulation
        .facts
        .iter()
        .filter(|def| def.applies_to(&bloc))
        .map(|def| {
            let current = app.unit(&unit).and_then(|u| u.facts.get(&def.name).cloned());
            (def.name.clone(), current.unwrap_or_else(|| def.default_value()))
        })
        .collect();
    // On an approved bloc the change is a re-rating with a reason, which only the chairman makes (Điều 10.4).
    let approved = app.unit(&unit).is_some_and(|u| app.approved.contains(&u.bloc));
    if let (true, Err(refusal)) = (approved, app.may_write(CouncilWrite::Rerate)) {
        app.message = Some((refusal, true));
        return;
    }
    let rerate_reason = approved.then(|| rerate_reason_box(app.regulation.rerating.as_deref(), app.lang));
    app.screen =
        Screen::Facts(FactsForm { unit, values, selected: 0, rerate_reason, reason_focus: false, error: None });
}

fn open_grades(app: &mut App) {
    let Some(code) = app.selected_ranked_unit() else { return };
    let Some(evaluation) = app.unit(&code).and_then(|unit| evaluate_unit(&app.regulation, unit)) else { return };
    let criteria: Vec<_> =
        evaluation.score.criteria.iter().map(|c| (c.code.clone(), c.proposed_grade, c.grade)).collect();
    let chosen = criteria.first().and_then(|c| c.2);
    let mut reason = TextArea::default();
    reason.set_placeholder_text(crate::messages::status::OVERRIDE_PLACEHOLDER.say(app.lang));
    app.screen = Screen::Grades(GradeForm { unit: code, criteria, selected: 0, chosen, reason, error: None });
}

/// F3: the selected queue item's history, or the selected ranked unit's whole history.
fn history(app: &mut App) -> Vec<Effect> {
    match app.browse.pane {
        Pane::Ranking => app.selected_ranked_unit().map(|unit| Effect::LoadUnitHistory { unit }).into_iter().collect(),
        Pane::Queue => app
            .queue()
            .get(app.browse.queue_selected)
            .and_then(|item| app.item_codes(item))
            .map(|(unit, component)| Effect::LoadHistory { unit, component })
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

/// The secretary's and the chairman's exports; the files land beside the database.
fn export(app: &mut App, command: Command) -> Vec<Effect> {
    match command {
        Command::ExportAllSheets => vec![Effect::ExportSheets { unit: None }],
        Command::ExportRanking => vec![Effect::ExportRanking],
        _ => {
            let unit = match app.browse.pane {
                Pane::Progress => app.round.units.get(app.browse.progress_selected).map(|u| u.code.clone()),
                _ => app.selected_ranked_unit(),
            };
            match unit {
                Some(unit) => vec![Effect::ExportSheets { unit: Some(unit) }],
                None => {
                    app.message = Some((crate::messages::status::CHOOSE_UNIT_TO_EXPORT.say(app.lang).into(), true));
                    Vec::new()
                }
            }
        }
    }
}
