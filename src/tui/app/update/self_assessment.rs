//! Keys of a unit's focal person: one component's self-assessment form (score, explanation, not-applicable
//! mark, documents) and the submission prompt.

use super::type_into;
use crate::messages::Lang;
use crate::store::Cell;
use crate::store::self_assessment::SelfAssessmentInput;
use crate::tui::app::*;
use crate::tui::keymap::Command;

pub(super) fn on_self_form(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    let refused_score = match (&command, app.self_form()) {
        (Some(Command::Save), Some(form)) => app.self_score_refusal(form),
        _ => None,
    };
    let file = match (&command, app.self_form()) {
        (Some(Command::DescribeFile), Some(form)) => app.file_to_describe(form),
        _ => None,
    };
    let Screen::SelfAssess(form) = &mut app.screen else { return Vec::new() };
    match command {
        Some(Command::Save) if refused_score.is_some() => {
            form.error = refused_score;
            form.field = SelfField::Score;
        }
        Some(Command::Save) => {
            let explanation = form.explanation.lines().join("\n");
            let score = form.score.trim().to_string();
            return vec![Effect::SaveSelfAssessment(SelfAssessmentInput {
                unit: form.unit.clone(),
                component: form.component.clone(),
                // An empty field clears what was recorded, as `-` does in a file.
                self_score: if score.is_empty() || !form.applicable { Cell::Clear } else { Cell::Set(score) },
                explanation: if explanation.trim().is_empty() { Cell::Clear } else { Cell::Set(explanation) },
                applicable: Cell::Set(form.applicable),
            })];
        }
        Some(Command::AddDocument) => return add_document(form, app.lang),
        Some(Command::DescribeFile) => return describe_file(form, file, app.lang),
        Some(Command::RemoveDocument) => {
            let reference = form.document[0].trim().to_string();
            if reference.is_empty() {
                form.error = Some(crate::messages::status::NUMBER_TO_REMOVE.say(app.lang).into());
                return Vec::new();
            }
            return vec![Effect::RemoveDocument {
                unit: form.unit.clone(),
                component: form.component.clone(),
                reference,
            }];
        }
        Some(Command::ToggleApplicable) => {
            form.applicable = !form.applicable;
            form.dirty = true;
        }
        Some(Command::NextField) => form.next_field(),
        Some(Command::Back) => super::close_form(app),
        Some(Command::Help) => app.overlay = Some(Overlay::Help),
        _ => type_into_self_form(form, key),
    }
    Vec::new()
}

fn add_document(form: &mut SelfForm, lang: Lang) -> Vec<Effect> {
    let [reference, date, title] = form.document.clone().map(|field| field.trim().to_string());
    if reference.is_empty() || title.is_empty() {
        form.error = Some(crate::messages::status::DOCUMENT_NEEDS.say(lang).into());
        form.field = SelfField::DocumentReference;
        return Vec::new();
    }
    vec![Effect::AddDocument { unit: form.unit.clone(), component: form.component.clone(), reference, date, title }]
}

/// The typed number, date and title given to `file` (chosen by `App::file_to_describe`): checked by the store as
/// a typed document is.
fn describe_file(form: &mut SelfForm, file: Option<(i64, String)>, lang: Lang) -> Vec<Effect> {
    let Some((file, name)) = file else {
        form.error = Some(crate::messages::status::no_file_to_describe(lang).into());
        return Vec::new();
    };
    let [reference, date, title] = form.document.clone().map(|field| field.trim().to_string());
    if reference.is_empty() || title.is_empty() {
        form.error = Some(crate::messages::status::DOCUMENT_NEEDS.say(lang).into());
        form.field = SelfField::DocumentReference;
        return Vec::new();
    }
    vec![Effect::DescribeFile { unit: form.unit.clone(), file, name, reference, date, title }]
}

fn type_into_self_form(form: &mut SelfForm, key: KeyEvent) {
    let in_score = form.field == SelfField::Score;
    let plain = !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let replaces_score = in_score && !form.score_typed && plain && matches!(key.code, KeyCode::Char(_));
    match form.line_field() {
        Some(field) => {
            let before = field.clone();
            if replaces_score {
                field.clear();
            }
            type_into(field, key);
            if *field != before && in_score {
                form.dirty = true;
                form.score_typed = true;
            }
        }
        None => {
            if form.explanation.input(key) {
                form.dirty = true;
            }
        }
    }
    form.error = None;
}

pub(super) fn on_submit(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    let Screen::Submit(form) = &mut app.screen else { return Vec::new() };
    match command {
        Some(Command::Confirm) => {
            let (approved_on, minutes) = (form.approved_on.trim().to_string(), form.minutes.trim().to_string());
            if approved_on.is_empty() || minutes.is_empty() {
                let article = app.regulation.citations.submission_approval.as_deref();
                form.error = Some(crate::messages::status::submission_needs(article, app.lang));
                return Vec::new();
            }
            return vec![Effect::Submit { approved_on, minutes }];
        }
        Some(Command::NextField) => form.on_minutes = !form.on_minutes,
        Some(Command::Back) => super::close_form(app),
        _ => {
            let field = if form.on_minutes { &mut form.minutes } else { &mut form.approved_on };
            type_into(field, key);
            form.error = None;
        }
    }
    Vec::new()
}
