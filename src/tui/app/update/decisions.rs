//! Keys on the deciders' screens: a unit's file, the approval prompt, a tie's order, facts and grade overrides.

use super::{close_form, moved, type_into};
use crate::messages::Lang;
use crate::store::rerate::RerateChange;
use crate::tui::app::*;
use crate::tui::keymap::Command;

pub(super) fn on_unit(app: &mut App, command: Option<Command>) -> Vec<Effect> {
    let count = app.unit_view().map(|view| app.unit_components(&view.unit).len()).unwrap_or(0);
    let Screen::Unit { view, .. } = &mut app.screen else { return Vec::new() };
    match command {
        Some(command) if command.moves_in_list() => view.selected = moved(view.selected, count, command, 5),
        Some(Command::ToggleChart) => view.chart = !view.chart,
        Some(Command::History) => {
            let (unit, selected) = (view.unit.clone(), view.selected);
            if let Some(place) = app.unit_components(&unit).get(selected) {
                return vec![Effect::LoadHistory { unit, component: place.component.code.to_string() }];
            }
        }
        Some(Command::DownloadPath) => {
            let (unit, selected) = (view.unit.clone(), view.selected);
            let component = app.unit_components(&unit).get(selected).map(|place| place.component.code.to_string());
            if let Some(component) = component {
                return app.show_paths(&unit, &component);
            }
        }
        Some(Command::Help) => app.overlay = Some(Overlay::Help),
        // Esc on the chart goes back to the file's text; on the text it closes the file.
        Some(Command::Back) if view.chart => view.chart = false,
        Some(Command::Back) => {
            let back = match std::mem::replace(&mut app.screen, Screen::Browse { filtering: false }) {
                Screen::Unit { back: Some(back), .. } => *back,
                Screen::Unit { back: None, .. }
                | Screen::Picker { .. }
                | Screen::Browse { .. }
                | Screen::Appraisal(_)
                | Screen::Comment(_)
                | Screen::TieOrder(_)
                | Screen::Facts(_)
                | Screen::Grades(_)
                | Screen::Approval(_)
                | Screen::SelfAssess(_)
                | Screen::Submit(_)
                | Screen::Desk(_) => Screen::Browse { filtering: false },
            };
            app.screen = back;
        }
        _ => {}
    }
    Vec::new()
}

pub(super) fn on_approve(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    let Screen::Approval(prompt) = &mut app.screen else { return Vec::new() };
    let ctrl_s = key.code == KeyCode::Char('s') && key.modifiers.contains(KeyModifiers::CONTROL);
    match command {
        Some(Command::Back) => app.close_screen(),
        Some(Command::Confirm) if prompt.blocker.is_none() && (ctrl_s || prompt.typed.trim() == "y") => {
            let bloc = prompt.bloc.clone();
            app.close_screen();
            return vec![Effect::Approve { bloc }];
        }
        Some(Command::Confirm) => {}
        _ => type_into(&mut prompt.typed, key),
    }
    Vec::new()
}

pub(super) fn on_ties(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    let Screen::TieOrder(edit) = &mut app.screen else { return Vec::new() };
    if edit.reason_focus {
        return on_tie_reason(app, command, key);
    }
    if edit.confirm.is_some() {
        return on_tie_confirm(app, command, key);
    }
    let last = edit.units.len().saturating_sub(1);
    match command {
        Some(Command::Up) => edit.selected = edit.selected.saturating_sub(1),
        Some(Command::Down) => edit.selected = (edit.selected + 1).min(last),
        Some(Command::MoveUp) if edit.selected > 0 => {
            edit.units.swap(edit.selected, edit.selected - 1);
            edit.selected -= 1;
        }
        Some(Command::MoveDown) if edit.selected < last => {
            edit.units.swap(edit.selected, edit.selected + 1);
            edit.selected += 1;
        }
        // A reopened order asks the reason for the change first.
        Some(Command::Confirm) if edit.reason.is_some() => {
            edit.reason_focus = true;
            app.message = None;
        }
        // A new order is asked about first: a second Enter never records it (`y` and Enter, or Ctrl-S, do).
        Some(Command::Confirm) => {
            edit.confirm = Some(String::new());
            app.message = None;
        }
        Some(Command::ViewUnit) => {
            if let Some(unit) = edit.units.get(edit.selected).cloned() {
                app.open_unit(unit.into(), None);
            }
        }
        Some(Command::Back) => close_form(app),
        _ => {}
    }
    Vec::new()
}

/// The question before a new tie order is recorded: `y` and Enter (or Ctrl-S) record it, Esc goes back to the
/// order, anything else is typed at the question.
fn on_tie_confirm(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    let Screen::TieOrder(edit) = &mut app.screen else { return Vec::new() };
    let Some(typed) = edit.confirm.as_mut() else { return Vec::new() };
    let ctrl_s = key.code == KeyCode::Char('s') && key.modifiers.contains(KeyModifiers::CONTROL);
    match command {
        Some(Command::Back) => edit.confirm = None,
        _ if ctrl_s || (command == Some(Command::Confirm) && typed.trim() == "y") => {
            return vec![Effect::OrderTie { bloc: edit.bloc.clone(), order: edit.units.clone() }];
        }
        Some(Command::Confirm) => {
            app.message = Some((crate::messages::status::TYPE_Y_FOR_ORDER.say(app.lang).into(), true));
        }
        _ => type_into(typed, key),
    }
    Vec::new()
}

/// A reopened tie order's reason for the change: Enter saves the new order with it, Esc goes back to the order.
fn on_tie_reason(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    let Screen::TieOrder(edit) = &mut app.screen else { return Vec::new() };
    let Some(reason) = edit.reason.as_mut() else { return Vec::new() };
    match command {
        Some(Command::Confirm) if reason.trim().is_empty() => {
            app.message = Some((crate::messages::status::REORDER_NEEDS_REASON.say(app.lang).into(), true));
        }
        Some(Command::Confirm) => {
            return vec![Effect::ReorderTie {
                bloc: edit.bloc.clone(),
                order: edit.units.clone(),
                reason: reason.trim().to_string(),
            }];
        }
        Some(Command::Back) => edit.reason_focus = false,
        _ => type_into(reason, key),
    }
    Vec::new()
}

pub(super) fn on_facts(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    let recorded = app.facts_form().and_then(|f| app.unit(&f.unit)).map(|u| u.facts.clone()).unwrap_or_default();
    let Screen::Facts(form) = &mut app.screen else { return Vec::new() };
    let last = form.values.len().saturating_sub(1);
    if form.reason_focus && !matches!(command, Some(Command::Save | Command::Back | Command::NextField)) {
        if let Some(reason) = form.rerate_reason.as_mut() {
            reason.input(key);
        }
        form.error = None;
        return Vec::new();
    }
    match command {
        Some(Command::NextField) if form.rerate_reason.is_some() => form.reason_focus = !form.reason_focus,
        Some(Command::Up) => form.selected = form.selected.saturating_sub(1),
        Some(Command::Down) => form.selected = (form.selected + 1).min(last),
        Some(command @ (Command::Cycle | Command::Increase | Command::Decrease)) => {
            let Some((name, value)) = form.values.get_mut(form.selected) else { return Vec::new() };
            let Some(definition) = app.regulation.fact(name) else { return Vec::new() };
            *value = changed_fact(&definition.kind, value, command);
        }
        Some(Command::Save) => match &form.rerate_reason {
            None => return vec![Effect::SaveFacts { unit: form.unit.clone(), values: form.values.clone() }],
            Some(reason) => {
                let reason = reason.lines().join("\n").trim().to_string();
                // A fact never recorded holds its default, as the form showed it.
                let changes: Vec<RerateChange> = form
                    .values
                    .iter()
                    .filter(|(name, value)| {
                        let default =
                            app.regulation.fact(name).map(crate::domain::facts::FactDefinition::default_value);
                        recorded.get(name).or(default.as_ref()) != Some(value)
                    })
                    .map(|(name, value)| RerateChange::Fact { name: name.clone(), value: value.to_string() })
                    .collect();
                if changes.is_empty() {
                    form.error = Some(crate::messages::status::NO_FACT_CHANGED.say(app.lang).into());
                } else if reason.is_empty() {
                    let rerating = app.regulation.rerating.as_deref();
                    form.error = Some(crate::messages::rerating::needs_reason(rerating, app.lang));
                    form.reason_focus = true;
                } else {
                    return vec![Effect::Rerate { unit: form.unit.clone(), changes, reason }];
                }
            }
        },
        Some(Command::Back) => close_form(app),
        _ => {}
    }
    Vec::new()
}

/// A fact's value after Space, `+` or `-`.
fn changed_fact(kind: &FactKind, value: &FactValue, command: Command) -> FactValue {
    match (kind, value, command) {
        (FactKind::Bool, FactValue::Bool(b), Command::Cycle) => FactValue::Bool(!b),
        (FactKind::Choice(choices), FactValue::Choice(current), Command::Cycle) => {
            let next = choices.iter().position(|c| c == current).map(|i| (i + 1) % choices.len()).unwrap_or(0);
            choices.get(next).map_or_else(|| value.clone(), |choice| FactValue::Choice(choice.clone()))
        }
        (FactKind::Count, FactValue::Count(n), Command::Increase | Command::Cycle) => FactValue::Count(n + 1),
        (FactKind::Count, FactValue::Count(n), Command::Decrease) => FactValue::Count(n.saturating_sub(1)),
        (_, other, _) => other.clone(),
    }
}

pub(super) fn on_grades(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    let unit = app.grade_form().and_then(|f| app.unit(&f.unit));
    let approved = unit.is_some_and(|u| app.approved.contains(&u.bloc));
    let overridden: BTreeSet<String> = unit.map(|u| u.grade_overrides.keys().cloned().collect()).unwrap_or_default();
    let Screen::Grades(form) = &mut app.screen else { return Vec::new() };
    let last = form.criteria.len().saturating_sub(1);
    match command {
        Some(Command::Up | Command::Down) => {
            form.selected = if command == Some(Command::Up) {
                form.selected.saturating_sub(1)
            } else {
                (form.selected + 1).min(last)
            };
            form.chosen = form.criteria.get(form.selected).and_then(|c| c.2);
        }
        Some(Command::Cycle) => {
            form.chosen = Some(match form.chosen {
                Some(Grade::Excellent) => Grade::Good,
                Some(Grade::Good) => Grade::Average,
                Some(Grade::Average) => Grade::Poor,
                _ => Grade::Excellent,
            });
        }
        Some(Command::RemoveOverride) => {
            let rerating = app.regulation.rerating.as_deref();
            let locked =
                approved.then(|| crate::messages::status::OVERRIDE_LOCKED.cite(app.lang, rerating).into_owned());
            return remove_override(form, &overridden, locked, app.lang);
        }
        Some(Command::Save) => return save_override(form, approved, app.lang),
        Some(Command::Back) => close_form(app),
        _ => {
            form.reason.input(key);
            form.error = None;
        }
    }
    Vec::new()
}

/// `locked`: the bloc is approved, and why the override stays (citing the regulation's article of re-rating).
fn remove_override(
    form: &mut GradeForm,
    overridden: &BTreeSet<String>,
    locked: Option<String>,
    lang: Lang,
) -> Vec<Effect> {
    let reason = form.reason.lines().join("\n");
    let Some((criterion, _, _)) = form.criteria.get(form.selected) else { return Vec::new() };
    if !overridden.contains(criterion) {
        form.error = Some(crate::messages::status::no_override(criterion, lang));
    } else if let Some(locked) = locked {
        form.error = Some(locked);
    } else if reason.trim().is_empty() {
        form.error = Some(crate::messages::status::REMOVAL_NEEDS_REASON.say(lang).into());
    } else {
        return vec![Effect::RemoveOverride {
            unit: form.unit.clone(),
            criterion: criterion.clone(),
            reason: reason.trim().to_string(),
        }];
    }
    Vec::new()
}

fn save_override(form: &mut GradeForm, approved: bool, lang: Lang) -> Vec<Effect> {
    let reason = form.reason.lines().join("\n");
    let (Some((criterion, proposed, _)), Some(grade)) = (form.criteria.get(form.selected), form.chosen) else {
        return Vec::new();
    };
    // An override equal to the proposed grade is not stored (the store refuses it too).
    if *proposed == Some(grade) {
        form.error = Some(crate::messages::status::already_proposed(crate::messages::status::grade(grade, lang), lang));
        return Vec::new();
    }
    if reason.trim().is_empty() {
        form.error = Some(crate::messages::status::OVERRIDE_NEEDS_REASON.say(lang).into());
        return Vec::new();
    }
    let (unit, criterion, reason) = (form.unit.clone(), criterion.clone(), reason.trim().to_string());
    // On an approved bloc the override is a re-rating (Điều 10.4).
    if approved {
        return vec![Effect::Rerate { unit, changes: vec![RerateChange::Grade { criterion, grade }], reason }];
    }
    vec![Effect::OverrideGrade { unit, criterion, grade, reason }]
}
