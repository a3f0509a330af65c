//! The one table of keys: dispatch, the help overlay and the hint bar are all read from it, so they never drift.

use super::app::Pane;
use crate::domain::permissions::CouncilWrite;
use crate::messages::keys::{self as k, Words};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Declares `Context` and `Context::ALL` from one list, so every context is in `ALL` by construction (tests walk
/// it: a new context is covered without anyone listing it).
macro_rules! contexts {
    ($($(#[$meta:meta])* $name:ident,)*) => {
        /// Where the keyboard is: each context has its own bindings.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Context {
            $($(#[$meta])* $name,)*
        }

        impl Context {
            /// Every context, in the order declared.
            pub const ALL: &[Context] = &[$(Context::$name),*];
        }
    };
}

contexts! {
    /// The demo's start-up picker: who is at the keyboard.
    Picker,
    /// The panes and their lists (queue, ranking, progress, ties, charts, desk, a unit's own panes).
    List,
    /// A member's scoring form of one component.
    Form,
    /// A co-appraising agency's comment.
    Comment,
    /// The filter line being typed (`/`).
    Filter,
    /// The chairman ordering one tie group.
    Ties,
    /// The secretary's facts of a unit (the chairman's re-rating of them on an approved bloc).
    Facts,
    /// The chairman overriding criterion grades.
    Grades,
    /// The help overlay: every key that acts where it was opened.
    Help,
    /// The audit history of one component.
    History,
    /// The question before unsaved work is thrown away (leaving, or closing a form).
    ConfirmQuit,
    /// A unit's file, read-only.
    Unit,
    /// The chairman confirming the approval of a bloc.
    Approve,
    /// A unit's focal person filling one component's self-assessment.
    SelfForm,
    /// A unit's focal person submitting its self-assessment.
    Submit,
    /// The desk: the files of the person's inbox.
    DeskFiles,
    /// The desk: the kind of a file that does not say it.
    DeskKind,
    /// The desk: an import's preview, before it is confirmed.
    DeskPreview,
    /// The desk: every problem of a refused file.
    DeskProblems,
    /// The desk: the council's users.
    DeskUsers,
    /// The desk: the question before a user is removed.
    DeskRemove,
    /// The desk: a form (a user, the round's settings, a paper submission, a reopening, a re-rating).
    DeskForm,
    /// The desk: a text to copy (a new user's key line).
    DeskNotice,
    /// The desk: the council's papers to write.
    DeskPapers,
    /// Where to fetch a component's files from (sftp/scp), one to copy.
    Paths,
}

/// What a key asks for; `update` gives it meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// One row up.
    Up,
    /// One row down.
    Down,
    /// The previous bloc (ranking, charts).
    Left,
    /// The next bloc (ranking, charts).
    Right,
    /// The list's first row.
    Top,
    /// The list's last row.
    Bottom,
    /// The next pane's tab.
    NextPane,
    /// The previous pane's tab.
    PreviousPane,
    /// The first pane's tab.
    Pane1,
    /// The second pane's tab.
    Pane2,
    /// The third pane's tab.
    Pane3,
    /// The fourth pane's tab.
    Pane4,
    /// One screenful up.
    PageUp,
    /// One screenful down.
    PageDown,
    /// Half a screenful up.
    HalfPageUp,
    /// Half a screenful down.
    HalfPageDown,
    /// Open the selected unit's file, read-only.
    ViewUnit,
    /// The unit's file as a chart (self-score against appraised score).
    ToggleChart,
    /// Open what is selected (a form, a tie group, a file to preview, a paper to write).
    Open,
    /// Close what is in front (a form asks first if something was typed), or clear the filter.
    Back,
    /// Leave the program (asking first if something was typed and not saved).
    Quit,
    /// The help overlay.
    Help,
    /// Start typing the filter.
    Filter,
    /// The queue's next status filter (pending, needs a reason, incomplete file …, all).
    CycleStatus,
    /// Save the form (the scoring form then opens the next item).
    Save,
    /// The form's next field.
    NextField,
    /// Move the selected unit of a tie one place up.
    MoveUp,
    /// Move the selected unit of a tie one place down.
    MoveDown,
    /// Confirm what the screen asks (a tie order, an approval, an import, a removal, a submission, the filter).
    Confirm,
    /// The chairman approving the selected bloc (opens the prompt).
    Approve,
    /// The selected unit's facts.
    EditFacts,
    /// The selected unit's criterion grades, to override.
    OverrideGrade,
    /// The selected fact's (or grade's) next value.
    Cycle,
    /// A count fact one up.
    Increase,
    /// A count fact one down.
    Decrease,
    /// Yes: throw the unsaved work away.
    Yes,
    /// No: back to the work.
    No,
    /// The audit history of the selected component (or unit).
    History,
    /// The selected unit's score sheet (.xlsx) beside the database.
    ExportSheet,
    /// Every unit's score sheet beside the database.
    ExportAllSheets,
    /// The council's result beside the database.
    ExportRanking,
    /// Fill the deduction reason the council usually gives for an incomplete file.
    OfferedReason,
    /// Remove the selected criterion's grade override (the proposed grade applies again).
    RemoveOverride,
    /// Withdraw the form's appraisal, with a reason.
    Withdraw,
    /// Clear the filter being typed.
    ClearFilter,
    /// The queue's next item still waiting for this user.
    NextOpen,
    /// The queue's first item of the next unit.
    NextUnit,
    /// Submit the unit's self-assessment.
    SubmitSelfAssessment,
    /// The unit's own score sheet (.xlsx) beside the database, to sign and stamp.
    ExportOwnSheet,
    /// Mark the component not applicable (or applicable again).
    ToggleApplicable,
    /// Cite the document typed as evidence of this component.
    AddDocument,
    /// Remove the selected cited document.
    RemoveDocument,
    /// Give the number, date and title typed to a file the unit sent for this component (issue 24).
    DescribeFile,
    /// The fifth pane's tab.
    Pane5,
    /// Read a list again (the desk's inbox).
    Reload,
    /// The desk's form for a new user.
    AddUser,
    /// Remove the selected user (asks first).
    RemoveUser,
    /// The selected paper's document number, signer and date of issue (`round paper`).
    PaperNumbers,
    /// The exact download path of a component's files, copied to the clipboard (OSC 52).
    DownloadPath,
}

impl Command {
    /// Moves the selection of a list (a row, a page, an end), as `update::moved` applies it.
    pub fn moves_in_list(self) -> bool {
        matches!(
            self,
            Command::Up | Command::Down | Command::Top | Command::Bottom | Command::PageUp | Command::PageDown
        )
    }
}

/// When a binding acts, beyond its context; `App::acts` answers it, and says why not in one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Wherever its context is.
    Always,
    /// In these panes of the browse screen.
    Panes(&'static [Pane]),
    /// The user may make this council write (`domain::permissions::may`), in these panes.
    May(CouncilWrite, &'static [Pane]),
    /// The chairman, on the ranking, under a regulation that grades criteria.
    OverrideGrades,
    /// The user has at least this many panes, and more than one (a digit that opens the only pane is not a key).
    PaneCount(usize),
    /// The regulation lets a unit mark a component not applicable (453, Điều 4.2).
    NotApplicableAllowed,
    /// The approval prompt is open on a bloc nothing keeps from approval (no component left to appraise,
    /// no tie left to order, not approved already).
    ApprovalOpen,
}

/// One line of the keymap: in this context, these keys ask for this command, when the condition holds.
pub struct Binding {
    /// Where the keyboard must be.
    pub context: Context,
    /// The keys (with modifiers) that ask for it; any of them.
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the key is written in the help and the hint bar.
    pub label: &'static str,
    /// What they ask for.
    pub command: Command,
    /// When it acts: the help and the hint bar list only what acts now.
    pub when: When,
    /// Shown in the one-line hint bar (in table order, as many as fit).
    pub hint: bool,
    /// What it does, in the council's words (`messages::keys`, in the language of the run).
    pub description: Words,
}

const fn bind(
    context: Context,
    keys: &'static [(KeyCode, KeyModifiers)],
    label: &'static str,
    command: Command,
    when: When,
    hint: bool,
    description: Words,
) -> Binding {
    Binding { context, keys, label, command, when, hint, description }
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const QUEUE: &[Pane] = &[Pane::Queue];
const RANKING: &[Pane] = &[Pane::Ranking];
/// The panes that list units or items (Enter and `v` open what is selected).
const LISTS: &[Pane] = &[Pane::Queue, Pane::Ranking, Pane::Progress, Pane::Ties, Pane::SelfAssessment, Pane::Desk];
/// The panes where `v` opens a unit's file (not the unit's own self-assessment: it has no appraisal to show yet).
const UNIT_FILES: &[Pane] = &[Pane::Queue, Pane::Ranking, Pane::Progress, Pane::Ties];
/// The panes that list units one per row (`x` exports the selected one's sheet).
const UNIT_LISTS: &[Pane] = &[Pane::Ranking, Pane::Progress];
const BLOC_PANES: &[Pane] = &[Pane::Ranking, Pane::Charts];
const FILTERED: &[Pane] = &[Pane::Queue, Pane::Ranking];
const HISTORIES: &[Pane] = &[Pane::Queue, Pane::Ranking];
const ANY_PANE: &[Pane] = &[Pane::Queue, Pane::Ranking, Pane::Progress, Pane::Ties, Pane::Charts];
const SELF_ASSESSMENT: &[Pane] = &[Pane::SelfAssessment];
/// Wherever the panes are (the desk's screens keep the desk pane).
const ANY_DESK: &[Pane] = &[Pane::Desk];

use Command as C;
use Context::{
    Approve, Comment, ConfirmQuit, DeskFiles, DeskForm, DeskKind, DeskNotice, DeskPapers, DeskPreview, DeskProblems,
    DeskRemove, DeskUsers, Facts, Filter, Form, Grades, Help, History, List, Paths, Picker, SelfForm, Submit, Ties,
    Unit,
};
use CouncilWrite as W;
use KeyCode::{BackTab, Char, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab, Up};
use When::{Always, ApprovalOpen, May, NotApplicableAllowed, OverrideGrades, PaneCount, Panes};

/// Every key, one line each, grouped by context; within a context the order is the hint bar's.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    //   context       keys                                                       label      command                when                             hint   description
    // Picker
    bind(Picker,      &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, k::UP),
    bind(Picker,      &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, k::DOWN),
    bind(Picker,      &[(Enter, NONE)],                                          "Enter",   C::Open,               Always,                          true,  k::ACT_AS),
    bind(Picker,      &[(Char('q'), NONE), (Esc, NONE)],                         "q",       C::Quit,               Always,                          true,  k::QUIT),
    bind(Picker,      &[(Home, NONE), (Char('g'), NONE)],                        "g/Home",  C::Top,                Always,                          false, k::LIST_TOP),
    bind(Picker,      &[(End, NONE), (Char('G'), SHIFT), (Char('G'), NONE)],     "G/End",   C::Bottom,             Always,                          false, k::LIST_BOTTOM),
    bind(Picker,      &[(PageUp, NONE), (Char('u'), CTRL)],                      "PgUp",    C::PageUp,             Always,                          false, k::PAGE_UP),
    bind(Picker,      &[(PageDown, NONE), (Char('d'), CTRL)],                    "PgDn",    C::PageDown,           Always,                          false, k::PAGE_DOWN),
    // List
    bind(List,        &[(Char('?'), NONE)],                                      "?",       C::Help,               Always,                          true,  k::HELP),
    bind(List,        &[(Char('q'), NONE)],                                      "q",       C::Quit,               Always,                          true,  k::QUIT),
    bind(List,        &[(Tab, NONE)],                                            "Tab",     C::NextPane,           PaneCount(2),                    true,  k::NEXT_PANE),
    bind(List,        &[(Enter, NONE)],                                          "Enter",   C::Open,               Panes(LISTS),                    true,  k::OPEN_SELECTED),
    bind(List,        &[(Char('a'), NONE)],                                      "a",       C::Approve,            May(W::Approve, RANKING),        true,  k::APPROVE),
    bind(List,        &[(Char('f'), NONE)],                                      "f",       C::EditFacts,          May(W::Facts, RANKING),          true,  k::EDIT_FACTS),
    bind(List,        &[(Char('v'), NONE)],                                      "v",       C::ViewUnit,           Panes(UNIT_FILES),                 true,  k::VIEW_UNIT),
    bind(List,        &[(Char('/'), NONE)],                                      "/",       C::Filter,             Panes(FILTERED),                 true,  k::FILTER),
    bind(List,        &[(Char('s'), NONE)],                                      "s",       C::CycleStatus,        Panes(QUEUE),                    true,  k::STATUS),
    bind(List,        &[(Char('n'), NONE)],                                      "n",       C::NextOpen,           Panes(QUEUE),                    true,  k::NEXT_OPEN),
    bind(List,        &[(Char('N'), SHIFT), (Char('N'), NONE)],                  "N",       C::NextUnit,           Panes(QUEUE),                    true,  k::NEXT_UNIT),
    bind(List,        &[(Char('p'), NONE)],                                      "p",       C::SubmitSelfAssessment, Panes(SELF_ASSESSMENT),        true,  k::SUBMIT_SELF),
    bind(List,        &[(Char('b'), NONE)],                                      "b",       C::ExportOwnSheet,     Panes(SELF_ASSESSMENT),          true,  k::EXPORT_OWN_SHEET),
    bind(List,        &[(F(3), NONE)],                                           "F3",      C::History,            Panes(HISTORIES),                true,  k::HISTORY_SELECTED),
    bind(List,        &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, k::LINE_UP),
    bind(List,        &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, k::LINE_DOWN),
    bind(List,        &[(Left, NONE), (Char('h'), NONE)],                        "←/h",     C::Left,               Panes(BLOC_PANES),               false, k::PREVIOUS_BLOC),
    bind(List,        &[(Right, NONE), (Char('l'), NONE)],                       "→/l",     C::Right,              Panes(BLOC_PANES),               false, k::NEXT_BLOC),
    bind(List,        &[(Home, NONE), (Char('g'), NONE)],                        "g/Home",  C::Top,                Always,                          false, k::LIST_TOP),
    bind(List,        &[(PageUp, NONE)],                                         "PgUp",    C::PageUp,             Always,                          false, k::PAGE_UP),
    bind(List,        &[(PageDown, NONE)],                                       "PgDn",    C::PageDown,           Always,                          false, k::PAGE_DOWN),
    bind(List,        &[(Char('u'), CTRL)],                                      "Ctrl-U",     C::HalfPageUp,         Always,                          false, k::HALF_PAGE_UP),
    bind(List,        &[(Char('d'), CTRL)],                                      "Ctrl-D",     C::HalfPageDown,       Always,                          false, k::HALF_PAGE_DOWN),
    bind(List,        &[(End, NONE), (Char('G'), SHIFT), (Char('G'), NONE)],     "G/End",   C::Bottom,             Always,                          false, k::LIST_BOTTOM),
    bind(List,        &[(BackTab, SHIFT), (BackTab, NONE)],                      "Shift-Tab",   C::PreviousPane,       PaneCount(2),                    false, k::PREVIOUS_PANE),
    bind(List,        &[(Char('1'), NONE)],                                      "1",       C::Pane1,              PaneCount(1),                    false, k::PANE_1),
    bind(List,        &[(Char('2'), NONE)],                                      "2",       C::Pane2,              PaneCount(2),                    false, k::PANE_2),
    bind(List,        &[(Char('3'), NONE)],                                      "3",       C::Pane3,              PaneCount(3),                    false, k::PANE_3),
    bind(List,        &[(Char('4'), NONE)],                                      "4",       C::Pane4,              PaneCount(4),                    false, k::PANE_4),
    bind(List,        &[(Char('5'), NONE)],                                      "5",       C::Pane5,              PaneCount(5),                    false, k::PANE_5),
    bind(List,        &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          false, k::CLEAR_OR_BACK),
    bind(List,        &[(Char('o'), NONE)],                                      "o",       C::OverrideGrade,      OverrideGrades,                  true,  k::OVERRIDE_GRADE),
    bind(List,        &[(Char('x'), NONE)],                                      "x",       C::ExportSheet,        May(W::Export, UNIT_LISTS),      true,  k::EXPORT_SHEET),
    bind(List,        &[(Char('X'), SHIFT), (Char('X'), NONE)],                  "X",       C::ExportAllSheets,    May(W::Export, ANY_PANE),        true,  k::EXPORT_ALL_SHEETS),
    bind(List,        &[(Char('e'), NONE)],                                      "e",       C::ExportRanking,      May(W::Export, ANY_PANE),        true,  k::EXPORT_RANKING),
    // Filter
    bind(Filter,      &[(Enter, NONE)],                                          "Enter",   C::Confirm,            Always,                          true,  k::KEEP_FILTER),
    bind(Filter,      &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::CLEAR_FILTER),
    bind(Filter,      &[(Char('u'), CTRL)],                                      "Ctrl-U",     C::ClearFilter,        Always,                          false, k::ERASE_FILTER),
    // Form
    bind(Form,        &[(Char('s'), CTRL)],                                      "Ctrl-S",     C::Save,               Always,                          true,  k::SAVE_AND_NEXT),
    bind(Form,        &[(Tab, NONE), (BackTab, SHIFT), (BackTab, NONE)],         "Tab",     C::NextField,          Always,                          true,  k::SCORE_OR_REASON),
    bind(Form,        &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::CLOSE_FORM),
    bind(Form,        &[(F(1), NONE)],                                           "F1",      C::Help,               Always,                          true,  k::HELP),
    bind(Form,        &[(F(2), NONE)],                                           "F2",      C::OfferedReason,      Always,                          true,  k::OFFERED_REASON),
    bind(Form,        &[(Char('d'), CTRL)],                                      "Ctrl-D",     C::Withdraw,           Always,                          true,  k::WITHDRAW),
    bind(Form,        &[(F(6), NONE)],                                           "F6",      C::DownloadPath,       Always,                          false, k::DOWNLOAD_PATHS_CRITERION),
    bind(Form,        &[(F(3), NONE)],                                           "F3",      C::History,            Always,                          true,  k::HISTORY_CRITERION),
    // Comment
    bind(Comment,     &[(Char('s'), CTRL)],                                      "Ctrl-S",     C::Save,               Always,                          true,  k::SEND_COMMENT),
    bind(Comment,     &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::CLOSE_COMMENT),
    bind(Comment,     &[(F(1), NONE)],                                           "F1",      C::Help,               Always,                          true,  k::HELP),
    bind(Comment,     &[(F(3), NONE)],                                           "F3",      C::History,            Always,                          true,  k::HISTORY_CRITERION),
    // Ties
    bind(Ties,        &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, k::UNIT_ABOVE),
    bind(Ties,        &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, k::UNIT_BELOW),
    bind(Ties,        &[(Char('K'), SHIFT), (Char('K'), NONE)],                  "K",       C::MoveUp,             Always,                          true,  k::MOVE_UNIT_UP),
    bind(Ties,        &[(Char('J'), SHIFT), (Char('J'), NONE)],                  "J",       C::MoveDown,           Always,                          true,  k::MOVE_UNIT_DOWN),
    bind(Ties,        &[(Enter, NONE)],                                          "Enter",   C::Confirm,            Always,                          true,  k::CONFIRM_ORDER),
    bind(Ties,        &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::CANCEL),
    bind(Ties,        &[(Char('v'), NONE)],                                      "v",       C::ViewUnit,           Always,                          true,  k::VIEW_SELECTED_UNIT),
    // Facts
    bind(Facts,       &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, k::UP),
    bind(Facts,       &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, k::DOWN),
    bind(Facts,       &[(Char(' '), NONE), (Enter, NONE)],                       "Space",   C::Cycle,              Always,                          true,  k::CHANGE_VALUE),
    bind(Facts,       &[(Char('+'), NONE), (Char('+'), SHIFT)],                  "+",       C::Increase,           Always,                          true,  k::INCREASE),
    bind(Facts,       &[(Char('-'), NONE)],                                      "-",       C::Decrease,           Always,                          true,  k::DECREASE),
    bind(Facts,       &[(Char('s'), CTRL)],                                      "Ctrl-S",     C::Save,               Always,                          true,  k::SAVE),
    bind(Facts,       &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::CLOSE),
    bind(Facts,       &[(Tab, NONE), (BackTab, SHIFT), (BackTab, NONE)],         "Tab",     C::NextField,          Always,                          false, k::FACTS_OR_REASON),
    // Grades
    bind(Grades,      &[(Up, NONE)],                                             "↑",       C::Up,                 Always,                          false, k::CRITERION_ABOVE),
    bind(Grades,      &[(Down, NONE)],                                           "↓",       C::Down,               Always,                          false, k::CRITERION_BELOW),
    bind(Grades,      &[(F(2), NONE)],                                           "F2",      C::Cycle,              Always,                          true,  k::CHANGE_GRADE),
    bind(Grades,      &[(Char('s'), CTRL)],                                      "Ctrl-S",     C::Save,               Always,                          true,  k::SAVE_OVERRIDE),
    bind(Grades,      &[(Char('d'), CTRL)],                                      "Ctrl-D",     C::RemoveOverride,     Always,                          true,  k::REMOVE_OVERRIDE),
    bind(Grades,      &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::CLOSE),
    // Unit
    bind(Unit,        &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, k::COMPONENT_ABOVE),
    bind(Unit,        &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, k::COMPONENT_BELOW),
    bind(Unit,        &[(PageUp, NONE), (Char('u'), CTRL)],                      "PgUp",    C::PageUp,             Always,                          false, k::MANY_UP),
    bind(Unit,        &[(PageDown, NONE), (Char('d'), CTRL)],                    "PgDn",    C::PageDown,           Always,                          false, k::MANY_DOWN),
    bind(Unit,        &[(Home, NONE), (Char('g'), NONE)],                        "g/Home",  C::Top,                Always,                          false, k::FILE_TOP),
    bind(Unit,        &[(End, NONE), (Char('G'), SHIFT), (Char('G'), NONE)],     "G/End",   C::Bottom,             Always,                          false, k::FILE_BOTTOM),
    bind(Unit,        &[(Esc, NONE), (Char('q'), NONE)],                         "Esc",     C::Back,               Always,                          true,  k::CLOSE_FILE),
    bind(Unit,        &[(Char('y'), NONE), (F(6), NONE)],                        "y",       C::DownloadPath,       Always,                          false, k::DOWNLOAD_PATHS_ITEM),
    bind(Unit,        &[(F(3), NONE)],                                           "F3",      C::History,            Always,                          true,  k::HISTORY_ITEM),
    bind(Unit,        &[(Char('c'), NONE)],                                      "c",       C::ToggleChart,        Always,                          true,  k::CHART),
    bind(Unit,        &[(Char('?'), NONE), (F(1), NONE)],                        "?",       C::Help,               Always,                          false, k::HELP),
    // Approve
    bind(Approve,     &[(Enter, NONE), (Char('s'), CTRL)],                       "y Enter", C::Confirm,            ApprovalOpen,                    true,   k::CONFIRM_APPROVAL),
    bind(Approve,     &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::CANCEL_APPROVAL),
    // SelfForm
    bind(SelfForm,    &[(Char('s'), CTRL)],                                      "Ctrl-S",     C::Save,               Always,                          true,  k::SAVE_SELF),
    bind(SelfForm,    &[(Tab, NONE), (BackTab, SHIFT), (BackTab, NONE)],         "Tab",     C::NextField,          Always,                          true,  k::NEXT_SELF_FIELD),
    bind(SelfForm,    &[(Char('a'), CTRL)],                                      "Ctrl-A",     C::AddDocument,        Always,                          true,  k::ADD_DOCUMENT),
    bind(SelfForm,    &[(Char('x'), CTRL)],                                      "Ctrl-X",     C::RemoveDocument,     Always,                          true,  k::REMOVE_DOCUMENT),
    bind(SelfForm,    &[(Char('f'), CTRL)],                                      "Ctrl-F",     C::DescribeFile,       Always,                          true,  k::DESCRIBE_FILE),
    bind(SelfForm,    &[(F(4), NONE)],                                           "F4",      C::ToggleApplicable,   NotApplicableAllowed,            false, k::TOGGLE_APPLICABLE),
    bind(SelfForm,    &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::CLOSE_UNSAVED),
    bind(SelfForm,    &[(F(1), NONE)],                                           "F1",      C::Help,               Always,                          false, k::HELP),
    // Submit
    bind(Submit,      &[(Enter, NONE), (Char('s'), CTRL)],                       "Enter",   C::Confirm,            Always,                          true,  k::SUBMIT),
    bind(Submit,      &[(Tab, NONE), (BackTab, SHIFT), (BackTab, NONE)],         "Tab",     C::NextField,          Always,                          true,  k::DATE_OR_MINUTES),
    bind(Submit,      &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::CANCEL_SUBMIT),
    // DeskFiles
    bind(DeskFiles,   &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, k::FILE_ABOVE),
    bind(DeskFiles,   &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, k::FILE_BELOW),
    bind(DeskFiles,   &[(Enter, NONE)],                                          "Enter",   C::Open,               Always,                          true,  k::PREVIEW_IMPORT),
    bind(DeskFiles,   &[(Char('r'), NONE)],                                      "r",       C::Reload,             Always,                          true,  k::RELOAD_INBOX),
    bind(DeskFiles,   &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::BACK_TO_DESK),
    // DeskKind
    bind(DeskKind,    &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, k::KIND_ABOVE),
    bind(DeskKind,    &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, k::KIND_BELOW),
    bind(DeskKind,    &[(Enter, NONE)],                                          "Enter",   C::Open,               Always,                          true,  k::PREVIEW_KIND),
    bind(DeskKind,    &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::BACK_TO_FILES),
    // DeskPreview
    bind(DeskPreview, &[(Enter, NONE), (Char('s'), CTRL)],                       "y Enter", C::Confirm,            Always,                          true,  k::CONFIRM_IMPORT),
    bind(DeskPreview, &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::CANCEL_IMPORT),
    // DeskProblems
    bind(DeskProblems, &[(Up, NONE), (Char('k'), NONE)],                         "↑/k",     C::Up,                 Always,                          false, k::PROBLEM_ABOVE),
    bind(DeskProblems, &[(Down, NONE), (Char('j'), NONE)],                       "↓/j",     C::Down,               Always,                          true,  k::PROBLEM_BELOW),
    bind(DeskProblems, &[(PageUp, NONE), (Char('u'), CTRL)],                     "PgUp",    C::PageUp,             Always,                          false, k::PAGE_UP),
    bind(DeskProblems, &[(PageDown, NONE), (Char('d'), CTRL)],                   "PgDn",    C::PageDown,           Always,                          false, k::PAGE_DOWN),
    bind(DeskProblems, &[(Esc, NONE), (Char('q'), NONE)],                        "Esc",     C::Back,               Always,                          true,  k::BACK_TO_FILES),
    // DeskUsers
    bind(DeskUsers,   &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, k::USER_ABOVE),
    bind(DeskUsers,   &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, k::USER_BELOW),
    bind(DeskUsers,   &[(Char('a'), NONE)],                                      "a",       C::AddUser,            May(W::ManageUsers, ANY_DESK),   true,  k::ADD_USER),
    bind(DeskUsers,   &[(Char('d'), NONE), (Delete, NONE)],                      "d",       C::RemoveUser,         May(W::ManageUsers, ANY_DESK),   true,  k::REMOVE_USER),
    bind(DeskUsers,   &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::BACK_TO_DESK),
    // DeskRemove
    bind(DeskRemove,  &[(Enter, NONE)],                                          "y Enter", C::Confirm,            Always,                          true,  k::CONFIRM_REMOVE),
    bind(DeskRemove,  &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::CANCEL_REMOVE),
    // DeskForm
    bind(DeskForm,    &[(Char('s'), CTRL), (Enter, NONE)],                       "Enter",   C::Save,               Always,                          true,  k::RECORD),
    bind(DeskForm,    &[(Tab, NONE), (BackTab, SHIFT), (BackTab, NONE)],         "Tab",     C::NextField,          Always,                          true,  k::NEXT_FIELD),
    bind(DeskForm,    &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::CLOSE_ASKS),
    // DeskPapers
    bind(DeskPapers,  &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          false, k::PAPER_ABOVE),
    bind(DeskPapers,  &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          false, k::PAPER_BELOW),
    bind(DeskPapers,  &[(Enter, NONE)],                                          "Enter",   C::Open,               Always,                          true,  k::EXPORT_PAPER),
    bind(DeskPapers,  &[(Char('n'), NONE)],                                      "n",       C::PaperNumbers,       May(W::PaperSettings, ANY_DESK), true,  k::PAPER_NUMBERS),
    bind(DeskPapers,  &[(Esc, NONE)],                                            "Esc",     C::Back,               Always,                          true,  k::BACK_TO_DESK),
    // DeskNotice
    bind(DeskNotice,  &[(Esc, NONE), (Enter, NONE)],                             "Esc",     C::Back,               Always,                          true,  k::COPIED),
    // History
    bind(History,     &[(Esc, NONE), (Char('q'), NONE), (F(3), NONE)],           "Esc",     C::Back,               Always,                          true,  k::CLOSE_HISTORY),
    bind(History,     &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          true,  k::SCROLL_UP),
    bind(History,     &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          true,  k::SCROLL_DOWN),
    bind(History,     &[(PageUp, NONE), (Char('u'), CTRL)],                      "PgUp",    C::PageUp,             Always,                          false, k::PAGE_UP),
    bind(History,     &[(PageDown, NONE), (Char('d'), CTRL)],                    "PgDn",    C::PageDown,           Always,                          false, k::PAGE_DOWN),
    bind(History,     &[(Home, NONE), (Char('g'), NONE)],                        "g/Home",  C::Top,                Always,                          false, k::TOP),
    bind(History,     &[(End, NONE), (Char('G'), SHIFT), (Char('G'), NONE)],     "G/End",   C::Bottom,             Always,                          false, k::BOTTOM),
    // Help
    bind(Paths,       &[(Esc, NONE), (Char('q'), NONE), (F(6), NONE)],           "Esc",     C::Back,               Always,                          true,  k::CLOSE),
    bind(Paths,       &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          true,  k::FILE_ABOVE),
    bind(Paths,       &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          true,  k::FILE_BELOW),
    bind(Paths,       &[(Enter, NONE), (Char('y'), NONE)],                       "Enter",   C::DownloadPath,       Always,                          true,  k::COPY_DOWNLOAD),
    bind(Help,        &[(Esc, NONE), (Char('?'), NONE), (Char('q'), NONE), (F(1), NONE)], "Esc",     C::Back,               Always,                          true,  k::CLOSE_HELP),
    bind(Help,        &[(Up, NONE), (Char('k'), NONE)],                          "↑/k",     C::Up,                 Always,                          true,  k::SCROLL_UP),
    bind(Help,        &[(Down, NONE), (Char('j'), NONE)],                        "↓/j",     C::Down,               Always,                          true,  k::SCROLL_DOWN),
    bind(Help,        &[(PageUp, NONE), (Char('u'), CTRL)],                      "PgUp",    C::PageUp,             Always,                          false, k::PAGE_UP),
    bind(Help,        &[(PageDown, NONE), (Char('d'), CTRL)],                    "PgDn",    C::PageDown,           Always,                          false, k::PAGE_DOWN),
    bind(Help,        &[(Home, NONE), (Char('g'), NONE)],                        "g/Home",  C::Top,                Always,                          false, k::TOP),
    bind(Help,        &[(End, NONE), (Char('G'), SHIFT), (Char('G'), NONE)],     "G/End",   C::Bottom,             Always,                          false, k::BOTTOM),
    // ConfirmQuit
    bind(ConfirmQuit, &[(Char('y'), NONE), (Char('c'), NONE)],                   "y",       C::Yes,                Always,                          true,  k::QUIT_DROPPING),
    bind(ConfirmQuit, &[(Char('n'), NONE), (Esc, NONE)],                         "n",       C::No,                 Always,                          true,  k::STAY),
];

/// The binding of a key in a context, if any (whether it acts now is `App::acts`).
pub fn binding_for(context: Context, key: KeyEvent) -> Option<&'static Binding> {
    let modifiers = key.modifiers & (KeyModifiers::SHIFT | KeyModifiers::CONTROL | KeyModifiers::ALT);
    BINDINGS
        .iter()
        .filter(|binding| binding.context == context)
        .find(|binding| binding.keys.iter().any(|(code, mods)| *code == key.code && *mods == modifiers))
}

/// The bindings of a context, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |binding| binding.context == context)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_means_two_things_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for key in a.keys {
                        assert!(!b.keys.contains(key), "{:?} {key:?} bound to {} and {}", a.context, a.label, b.label);
                    }
                }
            }
        }
    }

    #[test]
    fn every_context_has_a_way_out() {
        for &context in Context::ALL {
            assert!(
                bindings(context).any(|b| matches!(b.command, C::Back | C::Quit | C::No)),
                "{context:?} has no way out"
            );
        }
    }

    #[test]
    fn every_context_is_listed_once_and_has_keys() {
        for (i, context) in Context::ALL.iter().enumerate() {
            assert!(!Context::ALL[i + 1..].contains(context), "{context:?} twice");
            assert!(bindings(*context).next().is_some(), "{context:?} has no keys");
        }
    }
}
