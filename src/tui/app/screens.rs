//! What fills the screen (`Screen`), what is drawn over it (`Overlay`), the state each form holds, and the
//! accessors that answer "is this screen open, and with what" (one per screen), with the keyboard's context.

use super::*;
use crate::domain::code::BlocCode;

/// Which field of the scoring form has the keys (Tab switches).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The appraised score (`điểm thẩm định`).
    Score,
    /// The reason for the deduction (`lý do trừ điểm`), several lines.
    Reason,
}

/// The scoring form of one component.
pub struct Form {
    /// The unit appraised.
    pub unit: crate::domain::code::UnitCode,
    /// The component appraised.
    pub component: String,
    /// The appraised score as typed (decimal comma allowed); checked on save.
    pub score: String,
    /// The reason for scoring below the self-score; the regulation requires one then.
    pub reason: TextArea<'static>,
    /// The field the keys go to.
    pub field: Field,
    /// Why the last save was refused, shown on the form.
    pub error: Option<String>,
    /// Something was typed since the form opened: leaving asks first.
    pub dirty: bool,
    /// The component's version when the form opened; the store refuses the save if another session saved since.
    pub based_on_version: i64,
    /// Withdrawing the recorded appraisal: the reason box asks the reason for it, and this keeps the deduction
    /// reason it held, given back if the withdrawal is cancelled (Esc).
    pub withdrawing: Option<TextArea<'static>>,
}

/// A co-appraising agency's comment on one component (it writes no score).
pub struct CommentForm {
    /// The unit commented on.
    pub unit: crate::domain::code::UnitCode,
    /// The component commented on.
    pub component: String,
    /// The comment being typed.
    pub text: TextArea<'static>,
    /// Why the last save was refused.
    pub error: Option<String>,
    /// Something was typed since the form opened: leaving asks first.
    pub dirty: bool,
}

/// What fills the screen; each screen owns its state, and `update` moves between them.
#[expect(clippy::large_enum_variant, reason = "one screen lives at a time, inside the App: boxing buys nothing")]
pub enum Screen {
    /// The demo's start-up picker: who is at the keyboard (the selected choice).
    Picker {
        /// The user the cursor is on (index in `App::users`).
        selected: usize,
    },
    /// The panes and their lists (`App::browse`); `filtering` while the filter is being typed.
    Browse {
        /// The filter line has the keys (`/` until Enter or Esc).
        filtering: bool,
    },
    /// The scoring form of one component.
    Appraisal(Form),
    /// A co-appraising agency's comment.
    Comment(CommentForm),
    /// The chairman ordering one tie group.
    TieOrder(TieEdit),
    /// The secretary recording a unit's facts (the chairman re-rating them).
    Facts(FactsForm),
    /// The chairman overriding criterion grades.
    Grades(GradeForm),
    /// A unit's file, read-only; `back` is the screen it was opened from when that was not the panes.
    Unit {
        /// The unit shown and the component selected.
        view: UnitView,
        /// The screen to go back to on Esc; None: the panes.
        back: Option<Box<Screen>>,
    },
    /// The chairman about to approve a bloc.
    Approval(ApprovalPrompt),
    /// A unit's focal person filling one component's self-assessment.
    SelfAssess(SelfForm),
    /// A unit's focal person submitting its self-assessment.
    Submit(SubmitForm),
    /// The secretary's desk at work: a file list, a preview, a form …
    Desk(Desk),
}

/// What is drawn over the screen, and takes the keys until it is closed.
pub enum Overlay {
    /// The keys that act here, from the keymap.
    Help,
    /// A component's (or a unit's) audit history: title and rows, oldest first.
    /// Who by full name (login → full name, where one is recorded).
    History {
        /// What the history is of (unit · component, or the unit).
        title: String,
        /// The audit rows, oldest first.
        rows: Vec<AuditRow>,
        /// Each user's full name by login.
        names: BTreeMap<String, String>,
    },
    /// A question before unsaved work is thrown away.
    Confirm(Pending),
    /// The commands that fetch a component's files over SFTP, one selected (copied to the clipboard).
    Paths {
        /// One `scp` command per file of the component.
        lines: Vec<String>,
        /// The line Enter copies to the clipboard.
        selected: usize,
    },
}

/// The chairman ordering one tie group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieEdit {
    /// The bloc of the tie.
    pub bloc: BlocCode,
    /// The tied units' codes in the order being set, first to last.
    pub units: Vec<String>,
    /// The unit being moved.
    pub selected: usize,
    /// Reopening a recorded order: the reason for the change, asked when the chairman saves (None: a new order).
    pub reason: Option<String>,
    /// Typing goes to the reason (the new order is set; Enter saves it, Esc goes back to the order).
    pub reason_focus: bool,
    /// A new order about to be recorded: what was typed at the question (`y` and Enter, or Ctrl-S, records it;
    /// Esc goes back to the order). None while the order is being set. A decision is confirmed like an approval.
    pub confirm: Option<String>,
}

/// The secretary recording a unit's facts; on an approved bloc, the chairman re-rating them (Điều 10.4).
pub struct FactsForm {
    /// The unit whose facts are edited.
    pub unit: crate::domain::code::UnitCode,
    /// Every fact of the regulation by code, with its value as being edited.
    pub values: Vec<(String, FactValue)>,
    /// The fact the cursor is on.
    pub selected: usize,
    /// Present when the bloc is approved: the change is a re-rating and needs the chairman's reason.
    pub rerate_reason: Option<TextArea<'static>>,
    /// Typing goes to the reason (Tab switches).
    pub reason_focus: bool,
    /// Why the last save was refused.
    pub error: Option<String>,
}

/// A re-rating's reason box, citing the regulation's article of re-rating (`rerating`) where it has one.
pub fn rerate_reason_box(rerating: Option<&str>, lang: crate::messages::Lang) -> TextArea<'static> {
    let mut reason = TextArea::default();
    reason.set_placeholder_text(crate::messages::rerating::placeholder(rerating, lang));
    reason
}

/// The chairman overriding the grade of one criterion of a unit.
pub struct GradeForm {
    /// The unit whose grades are overridden.
    pub unit: crate::domain::code::UnitCode,
    /// (criterion code, proposed grade, grade that counts now)
    pub criteria: Vec<(String, Option<Grade>, Option<Grade>)>,
    /// The criterion the cursor is on.
    pub selected: usize,
    /// The grade chosen for it (Space cycles the grades); None: none chosen yet, nothing to save.
    pub chosen: Option<Grade>,
    /// Why, required, recorded in the audit log.
    pub reason: TextArea<'static>,
    /// Why the last save was refused.
    pub error: Option<String>,
}

/// A unit's file, read-only: every component with its scores, reasons, explanation and documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitView {
    /// The unit shown.
    pub unit: crate::domain::code::UnitCode,
    /// The selected component's position in the unit's framework (`Framework::components` order).
    pub selected: usize,
    /// Self-score against appraised score by criterion, as a chart, instead of the text.
    pub chart: bool,
}

/// The chairman about to approve a bloc: nothing is written until `y` and Enter (or Ctrl-S).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApprovalPrompt {
    /// The bloc about to be approved.
    pub bloc: BlocCode,
    /// What was typed: `y` confirms.
    pub typed: String,
    /// Why approval is not possible yet (then nothing can be confirmed).
    pub blocker: Option<String>,
}

/// What waits for the answer to "throw away the unsaved work?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// Leaving the program.
    Quit,
    /// Closing the form in front.
    CloseForm,
}

impl App {
    /// Where the keyboard is: the overlay's context if one is open, else the screen's.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Confirm(_)) => Context::ConfirmQuit,
            Some(Overlay::Help) => Context::Help,
            Some(Overlay::History { .. }) => Context::History,
            Some(Overlay::Paths { .. }) => Context::Paths,
            None => self.screen_context(),
        }
    }

    /// The context of the screen under any overlay (the help lists its keys).
    pub fn screen_context(&self) -> Context {
        match &self.screen {
            Screen::Picker { .. } => Context::Picker,
            Screen::Browse { filtering: true } => Context::Filter,
            Screen::Browse { filtering: false } => Context::List,
            Screen::Appraisal(_) => Context::Form,
            Screen::Comment(_) => Context::Comment,
            Screen::TieOrder(_) => Context::Ties,
            Screen::Facts(_) => Context::Facts,
            Screen::Grades(_) => Context::Grades,
            Screen::Unit { .. } => Context::Unit,
            Screen::Approval(_) => Context::Approve,
            Screen::SelfAssess(_) => Context::SelfForm,
            Screen::Submit(_) => Context::Submit,
            Screen::Desk(desk) => match desk {
                Desk::Files { .. } => Context::DeskFiles,
                Desk::Kind { .. } => Context::DeskKind,
                Desk::Preview { .. } => Context::DeskPreview,
                Desk::Problems { .. } => Context::DeskProblems,
                Desk::Users { removing: None, .. } => Context::DeskUsers,
                Desk::Users { removing: Some(_), .. } => Context::DeskRemove,
                Desk::Form(_) => Context::DeskForm,
                Desk::Papers { .. } => Context::DeskPapers,
                Desk::Notice { .. } => Context::DeskNotice,
            },
        }
    }

    /// The scoring form is of a unit whose bloc is approved: it is read, not written.
    pub fn form_read_only(&self) -> bool {
        self.form().and_then(|form| self.unit(&form.unit)).is_some_and(|unit| self.approved.contains(&unit.bloc))
    }

    /// The scoring form, when it is the screen (each accessor below answers for one screen only: a `let … else`, not a `match` with a catch-all, so no decision about the other screens hides here).
    pub fn form(&self) -> Option<&Form> {
        let Screen::Appraisal(form) = &self.screen else { return None };
        Some(form)
    }

    /// The co-appraising agency's comment form, when it is the screen.
    pub fn comment_form(&self) -> Option<&CommentForm> {
        let Screen::Comment(form) = &self.screen else { return None };
        Some(form)
    }

    /// The chairman's tie order being set, when it is the screen.
    pub fn tie_edit(&self) -> Option<&TieEdit> {
        let Screen::TieOrder(edit) = &self.screen else { return None };
        Some(edit)
    }

    /// The facts form (or the chairman's re-rating), when it is the screen.
    pub fn facts_form(&self) -> Option<&FactsForm> {
        let Screen::Facts(form) = &self.screen else { return None };
        Some(form)
    }

    /// The chairman's grade override, when it is the screen.
    pub fn grade_form(&self) -> Option<&GradeForm> {
        let Screen::Grades(form) = &self.screen else { return None };
        Some(form)
    }

    /// The unit's file on screen.
    pub fn unit_view(&self) -> Option<&UnitView> {
        let Screen::Unit { view, .. } = &self.screen else { return None };
        Some(view)
    }

    /// The approval prompt, when it is the screen.
    pub fn approval(&self) -> Option<&ApprovalPrompt> {
        let Screen::Approval(prompt) = &self.screen else { return None };
        Some(prompt)
    }

    /// The history overlay's title and rows, when it is open.
    pub fn history(&self) -> Option<(&str, &[AuditRow])> {
        match &self.overlay {
            Some(Overlay::History { title, rows, .. }) => Some((title, rows)),
            _ => None,
        }
    }

    /// The demo picker's selected choice, while it is the screen.
    pub fn picker(&self) -> Option<usize> {
        let Screen::Picker { selected } = self.screen else { return None };
        Some(selected)
    }

    /// The filter is being typed.
    pub fn filtering(&self) -> bool {
        matches!(self.screen, Screen::Browse { filtering: true })
    }
}
