//! The pure `update`: actions (keys and the results of effects) change the screen state and ask for effects.
//! Keys reach a screen's handler only when the keymap says they act there (`App::acts`); a key that does not
//! act says why in the message line.

mod appraisal;
mod browse;
mod decisions;
mod desk;
mod mouse;
mod self_assessment;

use super::*;
use crate::tui::keymap::{Command, Context, binding_for};

/// The pure heart of the interface: applies one action and returns the effects to run.
/// The filtered views are rebuilt afterwards only if what they depend on moved.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut effects = apply_action(app, action);
    app.refresh_views();
    effects.extend(app.details_for_screen());
    effects
}

fn apply_action(app: &mut App, action: Action) -> Vec<Effect> {
    let refresh = |app: &App| vec![Effect::Refresh { since: app.audit_id }];
    match action {
        Action::Resize | Action::Started => Vec::new(),
        Action::Reloaded(snapshot) => {
            app.load(*snapshot);
            Vec::new()
        }
        Action::ExternalChange => refresh(app),
        Action::UnitsRefreshed(changes) => match app.apply(*changes) {
            Some(()) => Vec::new(),
            None => vec![Effect::Reload],
        },
        Action::Copied(text) => copied(app, &text),
        Action::Saved(what) => {
            app.message = Some((what, false));
            // A user removed on the desk: the list of users is read again (users are not read unit by unit).
            let users = matches!(app.screen, Screen::Desk(Desk::Users { .. }));
            after_save(app);
            if users { vec![Effect::Reload] } else { refresh(app) }
        }
        Action::Stale { message, version } => {
            stale(app, message, version);
            refresh(app)
        }
        Action::History { title, rows, names } => {
            app.overlay = Some(Overlay::History { title, rows, names });
            app.scroll.history.set(0);
            Vec::new()
        }
        Action::UnitDetailsLoaded { unit, evidence, explanations, files } => {
            app.keep_files(&unit, files);
            app.keep_details(unit, evidence, explanations);
            Vec::new()
        }
        Action::SignedIn(user) => {
            // A unit's focal person holds its own unit only (nothing the council wrote before publication): the
            // council's round the picker read is read again as the unit's.
            let unit = user.role == Role::Unit;
            app.sign_in(user);
            if unit { vec![Effect::Reload] } else { Vec::new() }
        }
        Action::Failed(error) => {
            show_refusal(app, error);
            refresh(app)
        }
        Action::DeskFiles(files) => {
            app.screen = Screen::Desk(Desk::Files { files, selected: 0 });
            Vec::new()
        }
        Action::DeskPreviewed { file, kind, rows, changes } => {
            app.screen = Screen::Desk(Desk::Preview { file, kind, rows, changes, typed: String::new() });
            Vec::new()
        }
        Action::DeskRefused { file, problems } => {
            app.message = Some((crate::messages::desk::problems(problems.len(), app.lang), true));
            app.screen = Screen::Desk(Desk::Problems { file, problems, selected: 0 });
            Vec::new()
        }
        Action::DeskUserAdded { name, key_line } => {
            use crate::messages::desk as say;
            app.message = Some((say::user_added(&name, app.lang), false));
            let (title, lines) = (say::KEY_LINE_TITLE.say(app.lang).into(), vec![say::key_line_help(&name, app.lang)]);
            let lines = [lines, vec![String::new(), key_line]].concat();
            app.screen = Screen::Desk(Desk::Notice { title, lines });
            refresh(app)
        }
        Action::Key(key) => on_key(app, key),
        Action::Mouse(event, at) => mouse::on_mouse(app, event, at),
    }
}

/// Another session saved first: the scoring form takes the newer version and says so under its fields.
#[deny(clippy::wildcard_enum_match_arm, reason = "every screen is named: a new form must say what it does here")]
fn stale(app: &mut App, message: String, version: i64) {
    match &mut app.screen {
        Screen::Appraisal(form) => {
            form.error = Some(message);
            form.based_on_version = version;
        }
        // Only the scoring form saves against a version; every other screen says it on the status line.
        Screen::Picker { .. }
        | Screen::Browse { .. }
        | Screen::Comment(_)
        | Screen::TieOrder(_)
        | Screen::Facts(_)
        | Screen::Grades(_)
        | Screen::Unit { .. }
        | Screen::Approval(_)
        | Screen::SelfAssess(_)
        | Screen::Submit(_)
        | Screen::Desk(_) => app.message = Some((message, true)),
    }
}

/// A refusal goes under the open form's fields, or on the status line.
#[deny(clippy::wildcard_enum_match_arm, reason = "every screen is named: a new form must say what it does here")]
fn show_refusal(app: &mut App, error: String) {
    match &mut app.screen {
        Screen::Appraisal(form) => form.error = Some(error),
        Screen::Comment(form) => form.error = Some(error),
        Screen::Grades(form) => form.error = Some(error),
        Screen::Facts(form) => form.error = Some(error),
        Screen::SelfAssess(form) => form.error = Some(error),
        Screen::Submit(form) => form.error = Some(error),
        Screen::Desk(Desk::Form(form)) => form.error = Some(error),
        // Every screen is named: a new form says here whether a refusal goes under its fields.
        Screen::Picker { .. }
        | Screen::Browse { .. }
        | Screen::TieOrder(_)
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
        ) => app.message = Some((error, true)),
    }
}

/// A write went through: a scoring or comment form moves on to the next item waiting for this user (as the
/// hint promises), a decision screen closes, a unit's file stays open.
#[deny(clippy::wildcard_enum_match_arm, reason = "every screen is named: a new form must say what it does here")]
fn after_save(app: &mut App) {
    let (unit, component) = match std::mem::replace(&mut app.screen, Screen::Browse { filtering: false }) {
        Screen::Appraisal(form) => (form.unit, form.component),
        Screen::Comment(form) => (form.unit, form.component),
        keep @ (Screen::Unit { .. } | Screen::Picker { .. } | Screen::Browse { .. }) => {
            app.screen = keep;
            return;
        }
        // A paper's number set: back to the list of papers, on it.
        Screen::Desk(Desk::Form(DeskForm { kind: DeskFormKind::PaperNumbers(slot), .. })) => {
            let selected = DeskPaper::ALL.iter().position(|p| p.slot() == Some(slot)).unwrap_or(0);
            app.screen = Screen::Desk(Desk::Papers { selected });
            return;
        }
        // A user removed: the list stays; any other desk action done goes back to the desk.
        Screen::Desk(Desk::Users { selected, .. }) => {
            app.screen = Screen::Desk(Desk::Users { selected, removing: None });
            return;
        }
        Screen::TieOrder(_)
        | Screen::Facts(_)
        | Screen::Grades(_)
        | Screen::Approval(_)
        | Screen::Submit(_)
        | Screen::Desk(_) => return,
        // A self-assessment saved (or a document added) stays open on its component: the unit goes on with it.
        Screen::SelfAssess(mut form) => {
            form.dirty = false;
            form.error = None;
            form.document = Default::default();
            app.screen = Screen::SelfAssess(form);
            return;
        }
    };
    if let Some(next) = app.next_item_after(&unit, &component) {
        app.browse.queue_selected = app.queue().iter().position(|i| *i == next).unwrap_or(app.browse.queue_selected);
        app.open_form(next);
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        return quit(app);
    }
    if app.scroll.too_small.get() {
        return too_small_key(app, key);
    }
    let context = app.context();
    let command = match binding_for(context, key) {
        Some(binding) => match app.acts(binding) {
            Ok(()) => Some(binding.command),
            Err(why) => {
                app.message = Some((why, true));
                return Vec::new();
            }
        },
        None => None,
    };
    match context {
        Context::ConfirmQuit => on_confirm(app, command),
        Context::Help => {
            match command {
                Some(Command::Back) => {
                    app.overlay = None;
                    app.scroll.help.set(0);
                }
                // The view clamps the offset to the text it wraps; a page is the overlay's height.
                Some(command) if command.moves_in_list() => {
                    let lines = app.scroll.help_lines.get();
                    app.scroll.help.set(moved(app.scroll.help.get(), lines, command, page(app)));
                }
                _ => {}
            }
            Vec::new()
        }
        Context::Paths => on_paths(app, command),
        // The history scrolls with the keys of every pane; the view clamps the offset to the rows that fit.
        Context::History => {
            match command {
                Some(Command::Back) => {
                    app.overlay = None;
                    app.scroll.history.set(0);
                }
                Some(command) if command.moves_in_list() => {
                    let lines = app.scroll.history_lines.get();
                    app.scroll.history.set(moved(app.scroll.history.get(), lines, command, page(app)));
                }
                _ => {}
            }
            Vec::new()
        }
        Context::Picker => browse::on_picker(app, command),
        Context::Filter => browse::on_filter(app, command, key),
        Context::List => command.map(|command| browse::on_list(app, command)).unwrap_or_default(),
        Context::Form => appraisal::on_form(app, command, key),
        Context::Comment => appraisal::on_comment(app, command, key),
        Context::Unit => decisions::on_unit(app, command),
        Context::Approve => decisions::on_approve(app, command, key),
        Context::Ties => decisions::on_ties(app, command, key),
        Context::Facts => decisions::on_facts(app, command, key),
        Context::Grades => decisions::on_grades(app, command, key),
        Context::SelfForm => self_assessment::on_self_form(app, command, key),
        Context::Submit => self_assessment::on_submit(app, command, key),
        Context::DeskFiles
        | Context::DeskKind
        | Context::DeskPreview
        | Context::DeskProblems
        | Context::DeskUsers
        | Context::DeskRemove
        | Context::DeskForm
        | Context::DeskNotice
        | Context::DeskPapers => desk::on_desk(app, command, key),
    }
}

/// Below the smallest size only the notice is drawn: `q` quits (asking first over unsaved work, and then
/// `y`/`n` answer), every other key is ignored, so nothing is typed, opened or saved unseen.
fn too_small_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) {
        return Vec::new();
    }
    match (&app.overlay, key.code) {
        (Some(Overlay::Confirm(_)), KeyCode::Char('y')) => app.should_quit = true,
        (Some(Overlay::Confirm(_)), KeyCode::Char('n') | KeyCode::Esc) => app.overlay = None,
        (Some(Overlay::Confirm(_)), _) => {}
        (_, KeyCode::Char('q')) => return quit(app),
        _ => {}
    }
    Vec::new()
}

fn on_confirm(app: &mut App, command: Option<Command>) -> Vec<Effect> {
    match command {
        Some(Command::Yes) => match app.overlay.take() {
            Some(Overlay::Confirm(Pending::Quit)) => app.should_quit = true,
            Some(Overlay::Confirm(Pending::CloseForm)) => app.close_screen(),
            _ => {}
        },
        Some(Command::No) => app.overlay = None,
        _ => {}
    }
    Vec::new()
}

/// A text sent to the terminal's clipboard: said on the status line.
fn copied(app: &mut App, text: &str) -> Vec<Effect> {
    app.message = Some((crate::messages::desk_more::copied(app.lang, text), false));
    Vec::new()
}

/// Keys on the download paths of a component's files: move, copy the selected one, close.
fn on_paths(app: &mut App, command: Option<Command>) -> Vec<Effect> {
    let Some(Overlay::Paths { lines, selected }) = &mut app.overlay else { return Vec::new() };
    match command {
        Some(Command::Back) => app.overlay = None,
        Some(Command::DownloadPath) => {
            if let Some(line) = lines.get(*selected) {
                return vec![Effect::Clipboard { text: line.clone() }];
            }
        }
        Some(command) if command.moves_in_list() => *selected = moved(*selected, lines.len(), command, 5),
        _ => {}
    }
    Vec::new()
}

/// Esc on a form: closed at once, or after a question when it holds unsaved work (`has_unsaved_work` says
/// what that is on each screen).
fn close_form(app: &mut App) {
    if app.has_unsaved_work() {
        app.overlay = Some(Overlay::Confirm(Pending::CloseForm));
    } else {
        app.close_screen();
    }
}

/// Quits, asking first when a form holds unsaved work.
fn quit(app: &mut App) -> Vec<Effect> {
    if app.has_unsaved_work() {
        app.overlay = Some(Overlay::Confirm(Pending::Quit));
    } else {
        app.should_quit = true;
    }
    Vec::new()
}

/// The lines a page moves: what the last list drawn showed, or ten before the first frame.
fn page(app: &App) -> usize {
    match usize::from(app.scroll.page.get()) {
        0 => 10,
        lines => lines,
    }
}

/// A selection moved by a key over a list of `len` rows, `page` of them on screen (as lazygit and htop move).
pub fn moved(selected: usize, len: usize, command: Command, page: usize) -> usize {
    let last = len.saturating_sub(1);
    let half = (page / 2).max(1);
    let target = match command {
        Command::Up => selected.saturating_sub(1),
        Command::Down => selected + 1,
        Command::Top => 0,
        Command::Bottom => last,
        Command::PageUp => selected.saturating_sub(page),
        Command::PageDown => selected + page,
        Command::HalfPageUp => selected.saturating_sub(half),
        Command::HalfPageDown => selected + half,
        _ => selected,
    };
    target.min(last)
}

/// A one-line text field (the filter, a tie order's reason, the approval's `y`): the key typed into it.
fn type_into(text: &mut String, key: KeyEvent) {
    match key.code {
        KeyCode::Char(c) if !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => text.push(c),
        KeyCode::Backspace => {
            text.pop();
        }
        _ => {}
    }
}
