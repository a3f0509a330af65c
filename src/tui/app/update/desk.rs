//! Keys on the secretary's desk (issue 25). Each action asks for the effect that runs the command line's own
//! store function; nothing here writes.

use super::{close_form, moved, page, type_into};
use crate::messages::desk as say;
use crate::messages::desk_more as say_more;
use crate::sheet::desk::FileKind;
use crate::store::rerate::RerateChange;
use crate::tui::app::*;
use crate::tui::keymap::Command;

/// Enter on a row of the desk pane.
pub(super) fn open_action(app: &mut App) -> Vec<Effect> {
    let Some(action) = app.desk_actions().get(app.browse.desk_selected).copied() else { return Vec::new() };
    let form = |kind, fields| Screen::Desk(Desk::Form(DeskForm::new(kind, fields)));
    match action {
        DeskAction::Import => return vec![Effect::DeskInbox],
        DeskAction::Backup => return vec![Effect::Backup],
        DeskAction::Papers => app.screen = Screen::Desk(Desk::Papers { selected: 0 }),
        DeskAction::Users => app.screen = Screen::Desk(Desk::Users { selected: 0, removing: None }),
        // Empty fields: what is typed is the new value (the current ones are shown beside the form).
        DeskAction::RoundSettings => app.screen = form(DeskFormKind::RoundSettings, Vec::new()),
        DeskAction::PaperSubmission => app.screen = form(DeskFormKind::PaperSubmission, Vec::new()),
        DeskAction::Reopen => app.screen = form(DeskFormKind::Reopen, Vec::new()),
        DeskAction::Rerate => app.screen = form(DeskFormKind::Rerate, Vec::new()),
        DeskAction::ExceedQuota => app.screen = form(DeskFormKind::ExceedQuota, Vec::new()),
    }
    Vec::new()
}

#[expect(clippy::too_many_lines, reason = "one arm per desk screen, each a few keys: read as a table")]
pub(super) fn on_desk(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    let page = page(app);
    let lang = app.lang;
    let Screen::Desk(desk) = &mut app.screen else { return Vec::new() };
    match desk {
        Desk::Files { files, selected } => match command {
            Some(command) if command.moves_in_list() => *selected = moved(*selected, files.len(), command, page),
            Some(Command::Open) => {
                let Some(file) = files.get(*selected).cloned() else { return Vec::new() };
                match FileKind::guess(&file) {
                    Some(kind) => return vec![Effect::DeskPreview { file, kind }],
                    None => app.screen = Screen::Desk(Desk::Kind { file, selected: 0 }),
                }
            }
            Some(Command::Reload) => return vec![Effect::DeskInbox],
            Some(Command::Back) => app.close_screen(),
            _ => {}
        },
        Desk::Kind { file, selected } => match command {
            Some(command) if command.moves_in_list() => {
                *selected = moved(*selected, FileKind::ALL.len(), command, page);
            }
            Some(Command::Open) => {
                let kind = FileKind::ALL[(*selected).min(FileKind::ALL.len() - 1)];
                return vec![Effect::DeskPreview { file: file.clone(), kind }];
            }
            Some(Command::Back) => return vec![Effect::DeskInbox],
            _ => {}
        },
        Desk::Preview { file, kind, typed, .. } => match command {
            Some(Command::Confirm) if typed.trim().eq_ignore_ascii_case("y") => {
                return vec![Effect::DeskImport { file: file.clone(), kind: *kind }];
            }
            Some(Command::Confirm) => app.message = Some((say::PREVIEW_CONFIRM.say(lang).into(), true)),
            Some(Command::Back) => return vec![Effect::DeskInbox],
            _ => type_into(typed, key),
        },
        Desk::Problems { problems, selected, .. } => match command {
            Some(command) if command.moves_in_list() => *selected = moved(*selected, problems.len(), command, page),
            Some(Command::Back) => return vec![Effect::DeskInbox],
            _ => {}
        },
        Desk::Users { selected, removing } => match (removing.is_some(), command) {
            (false, Some(command)) if command.moves_in_list() => {
                *selected = moved(*selected, app.users.len(), command, page);
            }
            (false, Some(Command::AddUser)) => {
                app.screen = Screen::Desk(Desk::Form(DeskForm::new(DeskFormKind::AddUser, Vec::new())));
            }
            (false, Some(Command::RemoveUser)) => {
                let index = *selected;
                let current = app.desk_users().get(index).is_some_and(|user| user.removed_at.is_none());
                if current && let Screen::Desk(Desk::Users { removing, .. }) = &mut app.screen {
                    *removing = Some(String::new());
                }
            }
            (false, Some(Command::Back)) => app.close_screen(),
            (true, Some(Command::Confirm)) => {
                let index = *selected;
                if !removing.as_deref().is_some_and(|typed| typed.trim().eq_ignore_ascii_case("y")) {
                    app.message = Some((say::TYPE_Y.say(lang).into(), true));
                } else if let Some(user) = app.desk_users().get(index) {
                    return vec![Effect::RemoveUser { name: user.name.clone() }];
                }
            }
            (true, Some(Command::Back)) => *removing = None,
            (true, None) => {
                if let Some(typed) = removing {
                    type_into(typed, key);
                }
            }
            _ => {}
        },
        Desk::Form(form) => match command {
            Some(Command::NextField) => form.focus = (form.focus + 1) % form.fields.len().max(1),
            Some(Command::Save) => match form_effect(form, lang) {
                Ok(effect) => return vec![effect],
                Err(why) => form.error = Some(why),
            },
            Some(Command::Back) => close_form(app),
            _ => {
                if let Some(field) = form.fields.get_mut(form.focus) {
                    type_into(field, key);
                    form.error = None;
                    form.dirty = true;
                }
            }
        },
        Desk::Papers { selected } => match command {
            Some(command) if command.moves_in_list() => {
                *selected = moved(*selected, DeskPaper::ALL.len(), command, page);
            }
            Some(Command::Open) => {
                let paper = DeskPaper::ALL[(*selected).min(DeskPaper::ALL.len() - 1)];
                return vec![Effect::ExportPaper { paper }];
            }
            Some(Command::PaperNumbers) => {
                let paper = DeskPaper::ALL[(*selected).min(DeskPaper::ALL.len() - 1)];
                match paper.slot() {
                    Some(slot) => {
                        let fields = app.paper_numbering_fields(slot);
                        app.screen = Screen::Desk(Desk::Form(DeskForm::new(DeskFormKind::PaperNumbers(slot), fields)));
                    }
                    None => app.message = Some((say_more::no_numbering(app.lang).into(), true)),
                }
            }
            Some(Command::Back) => app.close_screen(),
            _ => {}
        },
        Desk::Notice { .. } => {
            if command == Some(Command::Back) {
                app.screen = Screen::Desk(Desk::Users { selected: 0, removing: None });
            }
        }
    }
    Vec::new()
}

/// The write a desk form asks for, from what was typed; what the store refuses it says after.
fn form_effect(form: &DeskForm, lang: crate::messages::Lang) -> Result<Effect, String> {
    let text = |index: usize| form.value(index).unwrap_or_default().to_string();
    let given = |index: usize| form.value(index).map(ToString::to_string);
    Ok(match form.kind {
        DeskFormKind::AddUser => {
            Effect::AddUser { name: text(0), role: text(1), agency: given(2), unit: given(3), full_name: text(4) }
        }
        DeskFormKind::RoundSettings => {
            let days = match form.value(1) {
                Some(days) => Some(days.parse::<u32>().map_err(|_| say::NUMBER_NEEDED.say(lang).to_string())?),
                None => None,
            };
            if form.value(0).is_none() && days.is_none() {
                return Err(say::NOTHING_TYPED.say(lang).into());
            }
            Effect::SetRound { deadline: given(0), appraisal_days: days }
        }
        DeskFormKind::PaperSubmission => {
            Effect::RecordPaper { unit: text(0).into(), received: given(1), approved_on: text(2), minutes: text(3) }
        }
        DeskFormKind::Reopen => Effect::Reopen { unit: text(0).into(), reason: text(1) },
        DeskFormKind::PaperNumbers(slot) => {
            Effect::SetPaperNumbering { slot, number: given(0), signer: given(1), issued: given(2), lang }
        }
        DeskFormKind::ExceedQuota => {
            let undo = match form.value(2) {
                None => false,
                Some(typed) if crate::messages::exceed::means_withdraw(typed) => true,
                Some(_) => return Err(crate::messages::exceed::DESK_UNDO_WORD.say(lang).into()),
            };
            Effect::ExceedQuota { unit: text(0).into(), reason: text(1), undo }
        }
        DeskFormKind::Rerate => {
            let change = match (given(2), given(3), given(4), given(5), given(6)) {
                (Some(component), Some(appraised), None, None, None) => RerateChange::Score { component, appraised },
                (Some(criterion), None, Some(grade), None, None) => {
                    let grade = grade.parse().map_err(|_| say::RERATE_ONE_THING.say(lang).to_string())?;
                    RerateChange::Grade { criterion, grade }
                }
                (None, None, None, Some(name), Some(value)) => RerateChange::Fact { name, value },
                _ => return Err(say::RERATE_ONE_THING.say(lang).into()),
            };
            Effect::Rerate { unit: text(0).into(), changes: vec![change], reason: text(1) }
        }
    })
}
