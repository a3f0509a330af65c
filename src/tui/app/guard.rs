//! The unsaved-work guard: what each screen counts as typed and not saved (Esc and quitting ask first).

use super::*;

impl App {
    /// A form holds what was typed and not saved: Esc and quitting ask before throwing it away. Every screen
    /// is named, so a new form says here what counts as its unsaved work.
    #[deny(clippy::wildcard_enum_match_arm, reason = "every screen is named: a new form must say what it does here")]
    pub fn has_unsaved_work(&self) -> bool {
        match &self.screen {
            Screen::Picker { .. }
            | Screen::Browse { .. }
            | Screen::Unit { .. }
            | Screen::Approval(_)
            | Screen::Desk(
                Desk::Files { .. }
                | Desk::Kind { .. }
                | Desk::Preview { .. }
                | Desk::Problems { .. }
                | Desk::Users { .. }
                | Desk::Papers { .. }
                | Desk::Notice { .. },
            ) => false,
            Screen::Appraisal(form) => form.dirty,
            Screen::Desk(Desk::Form(form)) => form.dirty,
            Screen::Comment(form) => form.dirty,
            Screen::SelfAssess(form) => form.dirty || form.document.iter().any(|field| !field.trim().is_empty()),
            Screen::Submit(form) => !form.approved_on.trim().is_empty() || !form.minutes.trim().is_empty(),
            Screen::TieOrder(edit) => {
                let as_listed = self
                    .open_ties
                    .iter()
                    .chain(&self.recorded_ties)
                    .any(|(bloc, units)| *bloc == edit.bloc && units.iter().eq(edit.units.iter()));
                !as_listed || edit.confirm.is_some() || edit.reason.as_ref().is_some_and(|r| !r.trim().is_empty())
            }
            Screen::Facts(form) => self.facts_changed(form) || form.rerate_reason.as_ref().is_some_and(has_text),
            Screen::Grades(form) => {
                let current = form.criteria.get(form.selected).and_then(|criterion| criterion.2);
                has_text(&form.reason) || form.chosen != current
            }
        }
    }

    /// The facts form holds a value other than the one recorded (or, never recorded, its default).
    pub(super) fn facts_changed(&self, form: &FactsForm) -> bool {
        let recorded = self.unit(&form.unit).map(|unit| &unit.facts);
        form.values.iter().any(|(name, value)| {
            let default = self.regulation.fact(name).map(crate::domain::facts::FactDefinition::default_value);
            recorded.and_then(|facts| facts.get(name)).or(default.as_ref()) != Some(value)
        })
    }
}

/// A text box holds more than blanks.
pub(super) fn has_text(text: &TextArea<'_>) -> bool {
    text.lines().iter().any(|line| !line.trim().is_empty())
}
