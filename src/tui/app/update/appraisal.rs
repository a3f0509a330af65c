//! Keys in the scoring form (score, deduction reason, withdrawal) and in a co-appraising agency's comment form.

use super::close_form;
use crate::domain::gates::{Recorded, withdrawal_gate};
use crate::domain::permissions::may_appraise;
use crate::domain::validate::{clean_text, has_visible};
use crate::tui::app::*;
use crate::tui::keymap::Command;

pub(super) fn on_form(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    if app.form().is_some_and(|f| f.withdrawing.is_some()) {
        return on_withdraw(app, command, key);
    }
    // On an approved bloc the form is read-only from the start: nothing typed, saved or withdrawn.
    if app.form_read_only() && !matches!(command, Some(Command::Back | Command::Help | Command::History)) {
        app.message = Some((app.read_only_note(), true));
        return Vec::new();
    }
    match command {
        Some(Command::Withdraw) => start_withdrawal(app),
        Some(Command::Save) => match app.check_form() {
            Ok(effect) => return vec![effect],
            Err((field, error)) => {
                if let Screen::Appraisal(form) = &mut app.screen {
                    form.field = field;
                    form.error = Some(error);
                }
            }
        },
        Some(Command::NextField) => {
            if let Screen::Appraisal(form) = &mut app.screen {
                form.field = if form.field == Field::Score { Field::Reason } else { Field::Score };
            }
        }
        Some(Command::Back) => close_form(app),
        Some(Command::Help) => app.overlay = Some(Overlay::Help),
        Some(Command::OfferedReason) => offer_reason(app),
        Some(Command::History) => return form_history(app),
        Some(Command::DownloadPath) => {
            if let Screen::Appraisal(form) = &app.screen {
                let (unit, component) = (form.unit.clone(), form.component.clone());
                return app.show_paths(&unit, &component);
            }
        }
        _ => {
            if let Screen::Appraisal(form) = &mut app.screen {
                type_into_form(form, key);
            }
        }
    }
    Vec::new()
}

fn form_history(app: &App) -> Vec<Effect> {
    let (unit, component) = match &app.screen {
        Screen::Appraisal(form) => (&form.unit, &form.component),
        Screen::Comment(form) => (&form.unit, &form.component),
        // The history of a component is asked from its form only.
        Screen::Picker { .. }
        | Screen::Browse { .. }
        | Screen::TieOrder(_)
        | Screen::Facts(_)
        | Screen::Grades(_)
        | Screen::Unit { .. }
        | Screen::Approval(_)
        | Screen::SelfAssess(_)
        | Screen::Submit(_)
        | Screen::Desk(_) => return Vec::new(),
    };
    vec![Effect::LoadHistory { unit: unit.clone(), component: component.clone() }]
}

fn type_into_form(form: &mut Form, key: KeyEvent) {
    match form.field {
        // Every character typed is kept, as typed: the validator refuses what is not a score and
        // says why, instead of the field dropping keys it does not like (`-1` must not become `1`).
        Field::Score => match key.code {
            KeyCode::Char(c) if !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
                // The first key typed replaces a score shown from before, as in a spreadsheet cell.
                if !form.dirty {
                    form.score.clear();
                }
                form.score.push(c);
                form.dirty = true;
            }
            KeyCode::Backspace => {
                form.score.pop();
                form.dirty = true;
            }
            KeyCode::Enter => form.field = Field::Reason,
            _ => {}
        },
        Field::Reason => {
            if form.reason.input(key) {
                form.dirty = true;
            }
        }
    }
    form.error = None;
}

/// Ctrl-D in the scoring form: the reason box asks why the recorded appraisal is withdrawn (refused here, in
/// the council's words, where the store would refuse).
fn start_withdrawal(app: &mut App) {
    let refusal = app.form().and_then(|form| app.withdrawal_refusal(form));
    let Screen::Appraisal(form) = &mut app.screen else { return };
    if let Some(refusal) = refusal {
        form.error = Some(refusal);
        return;
    }
    let mut reason = TextArea::default();
    reason.set_placeholder_text(crate::messages::status::WITHDRAW_PLACEHOLDER.say(app.lang));
    form.withdrawing = Some(std::mem::replace(&mut form.reason, reason));
    form.field = Field::Reason;
    form.error = None;
}

impl App {
    /// Why the form's appraisal cannot be withdrawn by this user, if it cannot: the store's gate
    /// (`domain::gates::withdrawal_gate`) asked of what the interface holds, in the store's words.
    fn withdrawal_refusal(&self, form: &Form) -> Option<String> {
        let user = self.user.as_ref()?;
        let unit = self.unit(&form.unit)?;
        let place = self.place(unit, &form.component)?;
        let rerating = self.regulation.rerating.as_deref();
        let leaders = self.regulation.leaders_name.as_deref();
        let refuse =
            |why| crate::messages::gates::withdrawal(&form.unit, &form.component, why, rerating, leaders, self.lang);
        let entry = match may_appraise(user, &place, &form.unit) {
            Ok(entry) => entry,
            Err(refusal) => return Some(crate::messages::gates::forbidden(&refusal, self.lang)),
        };
        let recorded = unit.entries.get(&form.component).and_then(Recorded::of);
        withdrawal_gate(entry, self.approved.contains(&unit.bloc), recorded, &user.name).err().map(refuse)
    }
}

/// The scoring form while it asks the reason of a withdrawal: Ctrl-S withdraws, Esc gives the form back.
fn on_withdraw(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    if command == Some(Command::Help) {
        app.overlay = Some(Overlay::Help);
        return Vec::new();
    }
    let lang = app.lang;
    let Screen::Appraisal(form) = &mut app.screen else { return Vec::new() };
    match command {
        Some(Command::Save) => {
            let reason = form.reason.lines().join("\n");
            if !has_visible(&reason) {
                form.error = Some(crate::messages::status::WITHDRAWAL_NEEDS_REASON.say(app.lang).into());
                return Vec::new();
            }
            match clean_text(&reason) {
                Ok(reason) => {
                    return vec![Effect::Withdraw {
                        unit: form.unit.clone(),
                        component: form.component.clone(),
                        reason,
                        based_on_version: form.based_on_version,
                    }];
                }
                Err(why) => {
                    form.error = Some(crate::messages::status::field_refused(
                        crate::messages::status::Field::Withdrawal,
                        &crate::messages::text::text_refusal(&why, lang),
                        lang,
                    ));
                }
            }
        }
        Some(Command::Back) => {
            if let Some(recorded) = form.withdrawing.take() {
                form.reason = recorded;
            }
            form.error = None;
        }
        Some(Command::NextField | Command::Withdraw) => {}
        _ => {
            form.reason.input(key);
            form.error = None;
        }
    }
    Vec::new()
}

/// Fills the deduction reason the council usually gives for the form's incomplete file (Điều 9.4.đ), after
/// what is already written; the member may still edit it. Nothing happens where the file is complete.
fn offer_reason(app: &mut App) {
    let gap = app.form().and_then(|form| {
        let unit = app.unit(&form.unit)?;
        app.file_gap(&form.unit, &app.place(unit, &form.component)?)
    });
    let Screen::Appraisal(form) = &mut app.screen else { return };
    let Some(gap) = gap else {
        form.error = Some(crate::messages::status::NOTHING_TO_OFFER.say(app.lang).into());
        return;
    };
    let offered = gap.offered_reason();
    let written = form.reason.lines().join("\n");
    if !written.contains(offered) {
        form.reason.move_cursor(ratatui_textarea::CursorMove::Bottom);
        form.reason.move_cursor(ratatui_textarea::CursorMove::End);
        let separator = if written.trim().is_empty() { "" } else { "; " };
        form.reason.insert_str(format!("{separator}{offered}"));
        form.dirty = true;
    }
    form.field = Field::Reason;
    form.error = None;
}

/// A co-appraising agency's comment: Ctrl-S sends it and moves to the next item.
pub(super) fn on_comment(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    match command {
        Some(Command::Save) => match app.check_comment() {
            Ok(effect) => return vec![effect],
            Err(error) => {
                if let Screen::Comment(form) = &mut app.screen {
                    form.error = Some(error);
                }
            }
        },
        Some(Command::Back) => close_form(app),
        Some(Command::Help) => app.overlay = Some(Overlay::Help),
        Some(Command::History) => return form_history(app),
        _ => {
            if let Screen::Comment(form) = &mut app.screen {
                if form.text.input(key) {
                    form.dirty = true;
                }
                form.error = None;
            }
        }
    }
    Vec::new()
}
