//! The pure `update`: keys become commands, commands change the state and ask for effects.

use super::*;
use crate::domain::permissions::{CouncilWrite, may};
use crate::domain::validate::{clean_text, has_visible};
use crate::store::rerate::RerateChange;
use crate::tui::keymap::{Command, Context, command_for};

/// The pure heart of the interface: applies one action and returns the effects to run.
/// The filtered views are rebuilt afterwards only if what they depend on moved.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut effects = apply_action(app, action);
    app.refresh_views();
    effects.extend(app.details_for_screen());
    effects
}

fn apply_action(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Resize | Action::Started => Vec::new(),
        Action::Reloaded(snapshot) => {
            app.load(*snapshot);
            Vec::new()
        }
        Action::ExternalChange => vec![Effect::Refresh { since: app.audit_id }],
        Action::UnitsRefreshed(refresh) => match app.apply(*refresh) {
            Some(()) => Vec::new(),
            None => vec![Effect::Reload],
        },
        Action::Saved(what) => {
            app.message = Some((what, false));
            if let Some(form) = app.form.take() {
                match app.next_item_after(&form.unit, &form.component) {
                    Some(next) => {
                        app.queue_selected = app.queue().iter().position(|i| *i == next).unwrap_or(app.queue_selected);
                        app.open_form(&next);
                        return vec![Effect::Refresh { since: app.audit_id }];
                    }
                    None => app.form = None,
                }
            }
            app.tie_edit = None;
            app.facts_form = None;
            app.grade_form = None;
            vec![Effect::Refresh { since: app.audit_id }]
        }
        Action::Stale { message, version } => {
            if let Some(form) = app.form.as_mut() {
                form.error = Some(message);
                form.based_on_version = version;
            } else {
                app.message = Some((message, true));
            }
            vec![Effect::Refresh { since: app.audit_id }]
        }
        Action::History { title, rows } => {
            app.history = Some((title, rows));
            Vec::new()
        }
        Action::UnitDetailsLoaded { unit, evidence, explanations } => {
            app.keep_details(unit, evidence, explanations);
            Vec::new()
        }
        Action::SignedIn(user) => {
            app.sign_in(user);
            Vec::new()
        }
        Action::Failed(error) => {
            match (app.form.as_mut(), app.grade_form.as_mut(), app.facts_form.as_mut()) {
                (Some(form), _, _) => form.error = Some(error),
                (None, Some(form), _) => form.error = Some(error),
                (None, None, Some(form)) => form.error = Some(error),
                (None, None, None) => app.message = Some((error, true)),
            }
            vec![Effect::Refresh { since: app.audit_id }]
        }
        Action::Key(key) => on_key(app, key),
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let context = app.context();
    let command = command_for(context, key);
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        return quit(app);
    }
    match (context, command) {
        (Context::ConfirmQuit, Some(Command::Yes)) => {
            match app.confirm.take() {
                Some(Pending::Quit) => app.should_quit = true,
                Some(Pending::CloseForm) => app.form = None,
                None => {}
            }
            Vec::new()
        }
        (Context::ConfirmQuit, Some(Command::No)) => {
            app.confirm = None;
            Vec::new()
        }
        (Context::ConfirmQuit, _) => Vec::new(),
        (Context::Help, Some(Command::Back)) => {
            app.help = false;
            Vec::new()
        }
        (Context::Help, _) => Vec::new(),
        (Context::History, Some(Command::Back)) => {
            app.history = None;
            Vec::new()
        }
        (Context::History, _) => Vec::new(),
        (Context::Picker, command) => on_picker(app, command),
        (Context::Unit, command) => on_unit(app, command),
        (Context::Approve, command) => on_approve(app, command, key),
        (Context::Form, command) => on_form(app, command, key),
        (Context::Filter, command) => {
            match command {
                Some(Command::Confirm) => app.filtering = false,
                Some(Command::Back) => {
                    app.filtering = false;
                    app.filter.clear();
                }
                _ => match key.code {
                    KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => app.filter.push(c),
                    KeyCode::Backspace => {
                        app.filter.pop();
                    }
                    _ => {}
                },
            }
            app.queue_selected = 0;
            app.ranking_selected = 0;
            Vec::new()
        }
        (Context::Ties, command) => on_ties(app, command, key),
        (Context::Facts, command) => on_facts(app, command, key),
        (Context::Grades, command) => on_grades(app, command, key),
        (Context::List, Some(command)) => on_list(app, command),
        (Context::List, None) => Vec::new(),
    }
}

fn quit(app: &mut App) -> Vec<Effect> {
    if app.form.as_ref().is_some_and(|f| f.dirty) {
        app.confirm = Some(Pending::Quit);
    } else {
        app.should_quit = true;
    }
    Vec::new()
}

fn on_picker(app: &mut App, command: Option<Command>) -> Vec<Effect> {
    let choices = app.choices();
    match command {
        Some(
            command @ (Command::Up
            | Command::Down
            | Command::Top
            | Command::Bottom
            | Command::PageUp
            | Command::PageDown),
        ) => {
            app.picker = moved(app.picker, choices.len(), command, page(app));
        }
        Some(Command::Open) => {
            if let Some((user, _)) = choices.into_iter().nth(app.picker) {
                return vec![Effect::SignIn { name: user.name }];
            }
        }
        Some(Command::Quit) => app.should_quit = true,
        _ => {}
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

fn on_list(app: &mut App, command: Command) -> Vec<Effect> {
    let panes = app.panes();
    let index = panes.iter().position(|p| *p == app.pane).unwrap_or(0);
    let page = page(app);
    match command {
        Command::Up
        | Command::Down
        | Command::Top
        | Command::Bottom
        | Command::PageUp
        | Command::PageDown
        | Command::HalfPageUp
        | Command::HalfPageDown => {
            let (selected, len) = app.selection();
            *selected = moved(*selected, len, command, page);
        }
        Command::Left | Command::Right
            if matches!(app.pane, Pane::Ranking | Pane::Charts) && !app.results().is_empty() =>
        {
            let count = app.results().len();
            app.bloc = if command == Command::Right { (app.bloc + 1) % count } else { (app.bloc + count - 1) % count };
            app.ranking_selected = 0;
        }
        Command::NextPane => app.pane = panes[(index + 1) % panes.len()],
        Command::PreviousPane => app.pane = panes[(index + panes.len() - 1) % panes.len()],
        Command::Pane1 | Command::Pane2 | Command::Pane3 | Command::Pane4 => {
            let wanted = match command {
                Command::Pane1 => 0,
                Command::Pane2 => 1,
                Command::Pane3 => 2,
                _ => 3,
            };
            if let Some(pane) = panes.get(wanted) {
                app.pane = *pane;
            }
        }
        Command::Open => match app.pane {
            Pane::Queue => {
                if let Some(item) = app.queue().get(app.queue_selected).copied() {
                    app.open_form(&item);
                }
            }
            Pane::Ties => {
                if let Some((bloc, units, ordered)) = app.tie_row(app.ties_selected) {
                    let (bloc, units) = (bloc.to_string(), units.to_vec());
                    if ordered && app.approved.contains(&bloc) {
                        app.message = Some((
                            format!("Khối {bloc} đã phê duyệt: thứ tự bằng điểm đã ghi không mở lại được"),
                            true,
                        ));
                    } else {
                        // A recorded order reopens as recorded; saving it asks the reason for the change.
                        let reason = ordered.then(String::new);
                        app.tie_edit = Some(TieEdit { bloc, units, selected: 0, reason, reason_focus: false });
                    }
                }
            }
            Pane::Ranking | Pane::Progress => view_unit(app),
            Pane::Charts => {}
        },
        Command::ViewUnit => view_unit(app),
        Command::Approve => {
            if app.role() == Some(Role::Chairman)
                && app.pane == Pane::Ranking
                && let Some(result) = app.results().get(app.bloc)
            {
                // Asks first: approval freezes the bloc (the store's approval is unchanged).
                let bloc = result.bloc.clone();
                let blocker = app.approval_blocker(&bloc);
                app.approval = Some(ApprovalPrompt { bloc, typed: String::new(), blocker });
            }
        }
        Command::EditFacts
            if matches!(app.role(), Some(Role::Secretary | Role::Chairman)) && app.pane == Pane::Ranking =>
        {
            if let Some(unit) = app.selected_ranked_unit() {
                let values = app
                    .regulation
                    .facts
                    .iter()
                    .map(|def| {
                        let current = app.unit(&unit).and_then(|u| u.facts.get(&def.name).cloned());
                        (def.name.clone(), current.unwrap_or_else(|| def.default_value()))
                    })
                    .collect();
                // On an approved bloc only the chairman may change facts, and it is a re-rating with a reason.
                let approved = app.unit(&unit).is_some_and(|u| app.approved.contains(&u.bloc));
                if approved && app.role() != Some(Role::Chairman) {
                    app.message =
                        Some(("Khối đã phê duyệt: chỉ Chủ tịch Hội đồng xếp loại lại (Điều 10.4)".into(), true));
                    return Vec::new();
                }
                let rerate_reason = approved.then(rerate_reason_box);
                app.facts_form =
                    Some(FactsForm { unit, values, selected: 0, rerate_reason, reason_focus: false, error: None });
            }
        }
        Command::OverrideGrade
            if app.role() == Some(Role::Chairman) && app.pane == Pane::Ranking && app.regulation.grades.is_some() =>
        {
            if let Some(code) = app.selected_ranked_unit()
                && let Some(unit) = app.unit(&code)
                && let Some(evaluation) = evaluate_unit(&app.regulation, unit)
            {
                let criteria: Vec<_> =
                    evaluation.score.criteria.iter().map(|c| (c.code.clone(), c.proposed_grade, c.grade)).collect();
                let chosen = criteria.first().and_then(|c| c.2);
                let mut reason = TextArea::default();
                reason.set_placeholder_text("Lý do điều chỉnh (bắt buộc)");
                app.grade_form = Some(GradeForm { unit: code, criteria, selected: 0, chosen, reason, error: None });
            }
        }
        Command::History if app.pane == Pane::Ranking => {
            if let Some(unit) = app.selected_ranked_unit() {
                return vec![Effect::LoadUnitHistory { unit }];
            }
        }
        Command::History if app.pane == Pane::Queue => {
            if let Some((unit, component)) = app.queue().get(app.queue_selected).and_then(|item| app.item_codes(item)) {
                return vec![Effect::LoadHistory { unit, component }];
            }
        }
        Command::Filter => app.filtering = true,
        Command::CycleStatus => {
            app.status_filter = match app.status_filter {
                None => Some(Status::Pending),
                Some(Status::Pending) => Some(Status::NeedsReason),
                Some(Status::NeedsReason) => Some(Status::IncompleteFile),
                Some(Status::IncompleteFile) => Some(Status::AwaitingConfirmation),
                Some(Status::AwaitingConfirmation) => Some(Status::Appraised),
                Some(Status::Appraised) => Some(Status::CoAssigned),
                Some(Status::CoAssigned) => None,
            };
            app.queue_selected = 0;
        }
        Command::Back => {
            app.filter.clear();
            app.status_filter = None;
            app.message = None;
        }
        Command::Help => app.help = true,
        Command::Quit => return quit(app),
        Command::ExportSheet | Command::ExportAllSheets | Command::ExportRanking => return export(app, command),
        _ => {}
    }
    Vec::new()
}

/// Opens the read-only file of the unit selected where it is listed (the queue's item opens on its component).
fn view_unit(app: &mut App) {
    let (unit, component) = match app.pane {
        Pane::Queue => match app.queue().get(app.queue_selected).and_then(|item| app.item_codes(item)) {
            Some((unit, component)) => (Some(unit), Some(component)),
            None => (None, None),
        },
        Pane::Ranking => (app.selected_ranked_unit(), None),
        Pane::Progress => (app.round.units.get(app.progress_selected).map(|u| u.code.clone()), None),
        Pane::Ties => (app.tie_row(app.ties_selected).and_then(|(_, units, _)| units.first().cloned()), None),
        Pane::Charts => (None, None),
    };
    if let Some(unit) = unit {
        app.open_unit(unit, component.as_deref());
    }
}

fn on_unit(app: &mut App, command: Option<Command>) -> Vec<Effect> {
    let count = app.unit_view.as_ref().map(|view| app.unit_components(&view.unit).len()).unwrap_or(0);
    let Some(view) = app.unit_view.as_mut() else { return Vec::new() };
    match command {
        Some(
            command @ (Command::Up
            | Command::Down
            | Command::Top
            | Command::Bottom
            | Command::PageUp
            | Command::PageDown),
        ) => view.selected = moved(view.selected, count, command, 5),
        Some(Command::ToggleChart) => view.chart = !view.chart,
        Some(Command::History) => {
            let unit = view.unit.clone();
            let selected = view.selected;
            if let Some(place) = app.unit_components(&unit).get(selected) {
                return vec![Effect::LoadHistory { unit, component: place.component.code.clone() }];
            }
        }
        Some(Command::Help) => app.help = true,
        Some(Command::Back) => app.unit_view = None,
        _ => {}
    }
    Vec::new()
}

fn on_approve(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    let Some(prompt) = app.approval.as_mut() else { return Vec::new() };
    let ctrl_s = key.code == KeyCode::Char('s') && key.modifiers.contains(KeyModifiers::CONTROL);
    match command {
        Some(Command::Back) => app.approval = None,
        Some(Command::Confirm) if prompt.blocker.is_none() && (ctrl_s || prompt.typed.trim() == "y") => {
            let bloc = prompt.bloc.clone();
            app.approval = None;
            return vec![Effect::Approve { bloc }];
        }
        Some(Command::Confirm) => {}
        _ => match key.code {
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => prompt.typed.push(c),
            KeyCode::Backspace => {
                prompt.typed.pop();
            }
            _ => {}
        },
    }
    Vec::new()
}

/// The secretary's and the chairman's exports (SPEC, roles; the rule is `permissions::may`, as below the
/// interface); the files land beside the database.
fn export(app: &mut App, command: Command) -> Vec<Effect> {
    let allowed = app.user.as_ref().is_some_and(|user| may(user, CouncilWrite::Export).is_ok());
    if !allowed {
        app.message = Some(("Chỉ Thư ký và Chủ tịch Hội đồng xuất biểu".into(), true));
        return Vec::new();
    }
    match command {
        Command::ExportAllSheets => vec![Effect::ExportSheets { unit: None }],
        Command::ExportRanking => vec![Effect::ExportRanking],
        _ => {
            let unit = match app.pane {
                Pane::Progress => app.round.units.get(app.progress_selected).map(|u| u.code.clone()),
                _ => app.selected_ranked_unit(),
            };
            match unit {
                Some(unit) => vec![Effect::ExportSheets { unit: Some(unit) }],
                None => {
                    app.message = Some(("Chọn một đơn vị để xuất biểu chấm điểm".into(), true));
                    Vec::new()
                }
            }
        }
    }
}

fn on_form(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    if app.form.as_ref().is_some_and(|f| f.withdrawing.is_some()) {
        return on_withdraw(app, command, key);
    }
    match command {
        Some(Command::Withdraw) => start_withdrawal(app),
        Some(Command::Save) => match app.check_form() {
            Ok(effect) => return vec![effect],
            Err(error) => {
                if let Some(form) = app.form.as_mut() {
                    form.error = Some(error);
                }
            }
        },
        Some(Command::NextField) => {
            if let Some(form) = app.form.as_mut().filter(|f| !f.commenting) {
                form.field = if form.field == Field::Score { Field::Reason } else { Field::Score };
            }
        }
        Some(Command::Back) => {
            if app.form.as_ref().is_some_and(|f| f.dirty) {
                app.confirm = Some(Pending::CloseForm);
            } else {
                app.form = None;
            }
        }
        Some(Command::Help) => app.help = true,
        Some(Command::OfferedReason) => offer_reason(app),
        Some(Command::History) => {
            if let Some(form) = &app.form {
                return vec![Effect::LoadHistory { unit: form.unit.clone(), component: form.component.clone() }];
            }
        }
        _ => {
            let Some(form) = app.form.as_mut() else { return Vec::new() };
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
    }
    Vec::new()
}

/// Ctrl-D in the scoring form: the reason box asks why the recorded appraisal is withdrawn (refused here, in
/// the council's words, where the store would refuse).
fn start_withdrawal(app: &mut App) {
    let Some(form) = app.form.as_ref() else { return };
    let unit = app.unit(&form.unit);
    let entry = unit.and_then(|u| u.entries.get(&form.component));
    let me = app.user.as_ref().map(|u| u.name.as_str());
    let refusal = if form.commenting {
        Some("Cơ quan phối hợp góp ý, không rút kết quả thẩm định")
    } else if app.role() == Some(Role::Leader) {
        Some("Điểm của lãnh đạo tỉnh không rút ở đây: nhập điểm mới")
    } else if unit.is_some_and(|u| app.approved.contains(&u.bloc)) {
        Some("Khối đã phê duyệt: không rút kết quả thẩm định (Chủ tịch xếp loại lại, Điều 10.4)")
    } else if entry.and_then(|e| e.appraised_score).is_none() {
        Some("Chưa có kết quả thẩm định để rút")
    } else if app.role() == Some(Role::Assistant)
        && !entry.is_some_and(|e| e.awaiting_confirmation && e.appraised_by.as_deref() == me)
    {
        Some("Tổ giúp việc chỉ rút điểm mình đã nhập còn chờ xác nhận; thành viên Hội đồng của cơ quan rút điểm này")
    } else {
        None
    };
    let Some(form) = app.form.as_mut() else { return };
    if let Some(refusal) = refusal {
        form.error = Some(refusal.into());
        return;
    }
    let mut reason = TextArea::default();
    reason.set_placeholder_text("Lý do rút kết quả thẩm định (bắt buộc)");
    form.withdrawing = Some(std::mem::replace(&mut form.reason, reason));
    form.field = Field::Reason;
    form.error = None;
}

/// The scoring form while it asks the reason of a withdrawal: Ctrl-S withdraws, Esc gives the form back.
fn on_withdraw(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    let Some(form) = app.form.as_mut() else { return Vec::new() };
    match command {
        Some(Command::Save) => {
            let reason = form.reason.lines().join("\n");
            if !has_visible(&reason) {
                form.error = Some("Cần lý do rút kết quả thẩm định".into());
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
                Err(why) => form.error = Some(format!("Lý do rút kết quả {why}")),
            }
        }
        Some(Command::Back) => {
            if let Some(recorded) = form.withdrawing.take() {
                form.reason = recorded;
            }
            form.error = None;
        }
        Some(Command::Help) => app.help = true,
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
    let gap = app.form.as_ref().filter(|form| !form.commenting).and_then(|form| {
        let unit = app.unit(&form.unit)?;
        app.file_gap(&form.unit, &app.place(unit, &form.component)?)
    });
    let Some(form) = app.form.as_mut() else { return };
    let Some(gap) = gap else {
        form.error = Some("Hồ sơ của tiêu chí này đủ giải trình và tài liệu kiểm chứng: không có lý do gợi ý".into());
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

fn on_ties(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    let Some(edit) = app.tie_edit.as_mut() else { return Vec::new() };
    let last = edit.units.len().saturating_sub(1);
    if edit.reason_focus {
        let Some(reason) = edit.reason.as_mut() else { return Vec::new() };
        match command {
            Some(Command::Confirm) if reason.trim().is_empty() => {
                app.message = Some(("Cần lý do đổi thứ tự bằng điểm đã ghi".into(), true));
            }
            Some(Command::Confirm) => {
                return vec![Effect::ReorderTie {
                    bloc: edit.bloc.clone(),
                    order: edit.units.clone(),
                    reason: reason.trim().to_string(),
                }];
            }
            Some(Command::Back) => edit.reason_focus = false,
            _ => match key.code {
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => reason.push(c),
                KeyCode::Backspace => {
                    reason.pop();
                }
                _ => {}
            },
        }
        return Vec::new();
    }
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
        Some(Command::Confirm) => return vec![Effect::OrderTie { bloc: edit.bloc.clone(), order: edit.units.clone() }],
        Some(Command::ViewUnit) => {
            if let Some(unit) = edit.units.get(edit.selected).cloned() {
                app.open_unit(unit, None);
            }
        }
        Some(Command::Back) => app.tie_edit = None,
        _ => {}
    }
    Vec::new()
}

fn on_facts(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    let recorded = app.facts_form.as_ref().and_then(|f| app.unit(&f.unit)).map(|u| u.facts.clone()).unwrap_or_default();
    let Some(form) = app.facts_form.as_mut() else { return Vec::new() };
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
            *value = match (&definition.kind, &*value, command) {
                (FactKind::Bool, FactValue::Bool(b), Command::Cycle) => FactValue::Bool(!b),
                (FactKind::Choice(choices), FactValue::Choice(current), Command::Cycle) => {
                    let next = choices.iter().position(|c| c == current).map(|i| (i + 1) % choices.len()).unwrap_or(0);
                    FactValue::Choice(choices[next].clone())
                }
                (FactKind::Count, FactValue::Count(n), Command::Increase | Command::Cycle) => FactValue::Count(n + 1),
                (FactKind::Count, FactValue::Count(n), Command::Decrease) => FactValue::Count(n.saturating_sub(1)),
                (_, other, _) => other.clone(),
            };
        }
        Some(Command::Save) => match &form.rerate_reason {
            None => return vec![Effect::SaveFacts { unit: form.unit.clone(), values: form.values.clone() }],
            Some(reason) => {
                let reason = reason.lines().join("\n").trim().to_string();
                let changes: Vec<RerateChange> = form
                    .values
                    .iter()
                    // A fact never recorded holds its default, as the form showed it.
                    .filter(|(name, value)| {
                        let default = app.regulation.fact(name).map(|definition| definition.default_value());
                        recorded.get(name).or(default.as_ref()) != Some(value)
                    })
                    .map(|(name, value)| RerateChange::Fact { name: name.clone(), value: value.to_string() })
                    .collect();
                if changes.is_empty() {
                    form.error = Some("Chưa thay đổi sự kiện nào".into());
                } else if reason.is_empty() {
                    form.error = Some("Xếp loại lại cần lý do (Điều 10.4): Tab để nhập".into());
                    form.reason_focus = true;
                } else {
                    return vec![Effect::Rerate { unit: form.unit.clone(), changes, reason }];
                }
            }
        },
        Some(Command::Back) => app.facts_form = None,
        _ => {}
    }
    Vec::new()
}

fn on_grades(app: &mut App, command: Option<Command>, key: KeyEvent) -> Vec<Effect> {
    let unit = app.grade_form.as_ref().and_then(|f| app.unit(&f.unit));
    let approved = unit.is_some_and(|u| app.approved.contains(&u.bloc));
    let overridden: BTreeSet<String> = unit.map(|u| u.grade_overrides.keys().cloned().collect()).unwrap_or_default();
    let Some(form) = app.grade_form.as_mut() else { return Vec::new() };
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
            let reason = form.reason.lines().join("\n");
            let Some((criterion, _, _)) = form.criteria.get(form.selected) else { return Vec::new() };
            if !overridden.contains(criterion) {
                form.error = Some(format!("Tiêu chí {criterion} không có điều chỉnh: đang áp dụng xếp loại đề xuất"));
            } else if approved {
                form.error = Some("Khối đã phê duyệt: không bỏ điều chỉnh (Chủ tịch xếp loại lại, Điều 10.4)".into());
            } else if reason.trim().is_empty() {
                form.error = Some("Cần lý do bỏ điều chỉnh xếp loại".into());
            } else {
                return vec![Effect::RemoveOverride {
                    unit: form.unit.clone(),
                    criterion: criterion.clone(),
                    reason: reason.trim().to_string(),
                }];
            }
        }
        Some(Command::Save) => {
            let reason = form.reason.lines().join("\n");
            let (Some((criterion, proposed, _)), Some(grade)) = (form.criteria.get(form.selected), form.chosen) else {
                return Vec::new();
            };
            // An override equal to the proposed grade is not stored (the store refuses it too).
            if *proposed == Some(grade) {
                form.error = Some(format!(
                    "{} là xếp loại đề xuất: không lưu điều chỉnh (C-d để bỏ điều chỉnh đang có)",
                    grade.vietnamese()
                ));
                return Vec::new();
            }
            if reason.trim().is_empty() {
                form.error = Some("Cần lý do điều chỉnh xếp loại".into());
                return Vec::new();
            }
            // On an approved bloc the override is a re-rating (Điều 10.4).
            if approved {
                return vec![Effect::Rerate {
                    unit: form.unit.clone(),
                    changes: vec![RerateChange::Grade { criterion: criterion.clone(), grade }],
                    reason: reason.trim().to_string(),
                }];
            }
            return vec![Effect::OverrideGrade {
                unit: form.unit.clone(),
                criterion: criterion.clone(),
                grade,
                reason: reason.trim().to_string(),
            }];
        }
        Some(Command::Back) => app.grade_form = None,
        _ => {
            form.reason.input(key);
            form.error = None;
        }
    }
    Vec::new()
}
