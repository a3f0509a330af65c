//! Opening the scoring form of a queue item and checking it as the store will, before any write.

use super::*;
use crate::domain::appraisal::check_reason;
use crate::domain::code::UnitCode;
use crate::domain::validate::{clean_text, has_visible};

impl App {
    /// Opens the form of an item (`update` then asks for the unit's documents and explanations if they
    /// are not in memory, as for any unit on screen).
    pub(super) fn open_form(&mut self, item: QueueItem) {
        let Some((unit, component)) = self.item_codes(&item) else { return };
        self.know_comments_on(&unit, &component);
        self.open_form_fields(item.status, unit, component);
    }

    fn open_form_fields(&mut self, status: Status, unit_code: UnitCode, component: String) {
        if status == Status::CoAssigned {
            let mut text = TextArea::default();
            text.set_placeholder_text(crate::messages::status::COMMENT_PLACEHOLDER.say(self.lang));
            self.screen = Screen::Comment(CommentForm { unit: unit_code, component, text, error: None, dirty: false });
            return;
        }
        let Some(unit) = self.unit(&unit_code) else { return };
        let entry = unit.entries.get(&component);
        // A leader reads and edits their own score and reason, not the mean nor the component's reason.
        let (shown, reason_text) = match &self.user {
            Some(user) if user.role == Role::Leader => (
                entry.and_then(|e| e.leader_scores.get(&user.name).copied()),
                entry.map(|e| e.leader_scores.reason(&user.name).to_string()).unwrap_or_default(),
            ),
            _ => (
                entry.and_then(ComponentScore::effective_appraised),
                entry.map(|e| e.deduction_reason.clone()).unwrap_or_default(),
            ),
        };
        let score = shown.map(display_vi).unwrap_or_default();
        let mut reason = TextArea::new(reason_text.lines().map(str::to_string).collect());
        // Typing continues the recorded reason rather than writing in front of it.
        reason.move_cursor(ratatui_textarea::CursorMove::Bottom);
        reason.move_cursor(ratatui_textarea::CursorMove::End);
        reason.set_placeholder_text(crate::messages::status::DEDUCTION_PLACEHOLDER.say(self.lang));
        self.screen = Screen::Appraisal(Form {
            unit: unit_code,
            component,
            score,
            reason,
            field: Field::Score,
            error: None,
            dirty: false,
            based_on_version: entry.map_or(0, |e| e.version),
            withdrawing: None,
        });
    }

    /// Checks the form as the store will, so a refusal shows inline before any write.
    /// On a refusal, names the field to fix (the cursor goes there) and says why.
    pub(super) fn check_form(&self) -> Result<Effect, (Field, String)> {
        use crate::messages::status as say;
        let score = |why: say::Words| (Field::Score, why.say(self.lang).to_string());
        let Some(form) = self.form() else { return Err(score(say::NO_FORM)) };
        let unit = self.unit(&form.unit).ok_or_else(|| score(say::UNIT_GONE))?;
        let place = self.place(unit, &form.component).ok_or_else(|| score(say::CRITERION_GONE))?;
        let max = place.component.max;
        if form.score.trim().is_empty() {
            return Err(score(say::NO_APPRAISED_SCORE));
        }
        let appraised = parse_score(&form.score, &self.regulation.score_rule(max))
            .map_err(|error| (Field::Score, say::score_input(&error, self.lang)))?;
        let reason = form.reason.lines().join("\n");
        let self_score = unit.entries.get(&form.component).and_then(|e| e.self_score);
        check_reason(max, self_score, appraised, &reason)
            .map_err(|why| (Field::Reason, say::reason_needed(&why, self.lang)))?;
        let reason = clean_text(&reason).map_err(|why| {
            (
                Field::Reason,
                say::field_refused(
                    say::Field::Deduction,
                    &crate::messages::text::text_refusal(&why, self.lang),
                    self.lang,
                ),
            )
        })?;
        Ok(Effect::SaveAppraisal {
            unit: form.unit.clone(),
            component: form.component.clone(),
            appraised,
            reason,
            based_on_version: form.based_on_version,
        })
    }
}

impl App {
    /// Checks the comment form as the store will.
    pub(super) fn check_comment(&self) -> Result<Effect, String> {
        let Some(form) = self.comment_form() else {
            return Err(crate::messages::status::NO_COMMENT_FORM.say(self.lang).into());
        };
        let text = form.text.lines().join("\n");
        if !has_visible(&text) {
            return Err(crate::messages::status::NO_COMMENT.say(self.lang).into());
        }
        let text = clean_text(&text).map_err(|why| {
            crate::messages::status::field_refused(
                crate::messages::status::Field::Comment,
                &crate::messages::text::text_refusal(&why, self.lang),
                self.lang,
            )
        })?;
        Ok(Effect::Comment { unit: form.unit.clone(), component: form.component.clone(), text })
    }
}
