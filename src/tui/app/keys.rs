//! Which keys act now: the keymap's conditions answered from the screen state and `domain::permissions`,
//! and, for a key that does not act, why, in one line.

use super::*;
use crate::domain::permissions::{CouncilWrite, may};
use crate::messages::keys as k;
use crate::tui::keymap::{Binding, Command, When, bindings};

impl App {
    /// Whether a binding acts now; `Err` says why not, in the store's words where a rule refuses it.
    pub fn acts(&self, binding: &Binding) -> Result<(), String> {
        if binding.context == Context::Form {
            self.acts_in_form(binding.command)?;
        }
        match binding.when {
            When::Always => Ok(()),
            When::Panes(panes) => self.in_panes(binding.label, panes),
            When::May(write, panes) => {
                self.may_write(write)?;
                self.in_panes(binding.label, panes)
            }
            When::OverrideGrades => {
                self.may_write(CouncilWrite::OverrideGrade)?;
                if self.regulation.grades.is_none() {
                    return Err(k::NO_GRADES.say(self.lang).into());
                }
                self.in_panes(binding.label, &[Pane::Ranking])
            }
            When::NotApplicableAllowed if self.regulation.not_applicable_allowed => Ok(()),
            When::NotApplicableAllowed => Err(k::NO_NOT_APPLICABLE.say(self.lang).into()),
            When::PaneCount(count) => self.has_panes(count),
            When::ApprovalOpen => match self.approval().map(|prompt| &prompt.blocker) {
                Some(None) => Ok(()),
                Some(Some(why)) => Err(why.clone()),
                None => Err(k::NOTHING_TO_APPROVE.say(self.lang).into()),
            },
        }
    }

    /// A pane key acts when the user has that many panes, and more than one (nothing to switch to else).
    fn has_panes(&self, count: usize) -> Result<(), String> {
        let panes = self.panes().len();
        if panes < count {
            Err(k::no_pane(count, self.lang))
        } else if panes < 2 {
            Err(k::ONE_PANE.say(self.lang).into())
        } else {
            Ok(())
        }
    }

    /// In the scoring form: while a withdrawal is asked only Ctrl-S (withdraw), Esc and the help act; on an
    /// approved bloc nothing that writes does.
    fn acts_in_form(&self, command: Command) -> Result<(), String> {
        let reading = matches!(command, Command::Back | Command::Help | Command::History);
        if self.form().is_some_and(|form| form.withdrawing.is_some()) && !reading && command != Command::Save {
            return Err(k::WITHDRAWING.say(self.lang).into());
        }
        if self.form_read_only() && !reading {
            return Err(self.read_only_note());
        }
        Ok(())
    }

    /// Why the scoring form of an approved bloc takes no keys (and what it says from the moment it opens), citing
    /// the regulation's article of re-rating where it has one.
    pub fn read_only_note(&self) -> String {
        crate::messages::status::READ_ONLY.cite(self.lang, self.regulation.rerating.as_deref()).into_owned()
    }

    /// What a key does here, as the hint bar and the help say it: the keymap's words, made particular where
    /// one key does different things (Enter on each pane, Ctrl-S and Esc while a withdrawal is asked).
    pub fn describe_binding(&self, binding: &Binding) -> std::borrow::Cow<'static, str> {
        let withdrawing = self.form().is_some_and(|form| form.withdrawing.is_some());
        let words = match (binding.context, binding.command) {
            (Context::List, Command::Open) => match self.browse.pane {
                Pane::Queue => k::OPEN_FORM,
                Pane::Ranking | Pane::Progress => k::VIEW_UNIT,
                Pane::Ties => k::ORDER_TIE,
                Pane::SelfAssessment => k::OPEN_SELF_FORM,
                Pane::Desk => k::DO_SELECTED,
                Pane::Charts | Pane::Result => binding.description,
            },
            (Context::List, Command::Pane1 | Command::Pane2 | Command::Pane3 | Command::Pane4 | Command::Pane5) => {
                // The digit names the pane it opens, as its tab does (not "Pane 1").
                let panes = self.panes();
                let index = match binding.command {
                    Command::Pane1 => 0,
                    Command::Pane2 => 1,
                    Command::Pane3 => 2,
                    Command::Pane4 => 3,
                    _ => 4,
                };
                return panes.get(index).map_or_else(
                    || binding.description.cite(self.lang, self.regulation.rerating.as_deref()),
                    |pane| pane.title_in(self.lang).into(),
                );
            }
            (Context::Form, Command::Save) if withdrawing => k::WITHDRAW_NOW,
            (Context::Form, Command::Back) if withdrawing => k::STOP_WITHDRAWING,
            _ => binding.description,
        };
        words.cite(self.lang, self.regulation.rerating.as_deref())
    }

    /// The bindings of a context that act now, in the table's order (the help and the hint bar).
    pub fn acting(&self, context: Context) -> impl Iterator<Item = &'static Binding> + '_ {
        bindings(context).filter(move |binding| self.acts(binding).is_ok())
    }

    /// The signed-in user may make this council write (`domain::permissions::may`).
    pub fn user_may(&self, write: CouncilWrite) -> bool {
        self.user.as_ref().is_some_and(|user| may(user, write).is_ok())
    }

    /// The signed-in user may make this write; otherwise the store's refusal, word for word.
    pub(super) fn may_write(&self, write: CouncilWrite) -> Result<(), String> {
        let Some(user) = self.user.as_ref() else { return Err(crate::messages::gates::no_user(self.lang).into()) };
        may(user, write).map_err(|refusal| crate::messages::gates::forbidden(&refusal, self.lang))
    }

    fn in_panes(&self, label: &str, panes: &[Pane]) -> Result<(), String> {
        if panes.contains(&self.browse.pane) {
            return Ok(());
        }
        let mine = self.panes();
        let names: Vec<&str> =
            panes.iter().filter(|pane| mine.contains(pane)).map(|pane| pane.title_in(self.lang)).collect();
        Err(k::other_pane(label, &names, self.lang))
    }
}
