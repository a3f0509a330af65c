//! The council's terminal interface (ratatui + crossterm), in the Elm shape: state, a pure update, effects run here.

pub mod app;
pub mod keymap;
pub mod view;

use crate::store::appraise::{AppraisalInput, Saved};
use crate::store::error::StaleSave;
use crate::store::{Result, Store, StoreError};
use app::{Action, App, Effect, Snapshot, UnitRefresh, update};
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the database is asked whether another session wrote to it.
const POLL: Duration = Duration::from_millis(250);

/// Reads what the interface shows from the store.
pub fn snapshot(store: &Store) -> Result<Snapshot> {
    // Read first: a change committed while the rest is read is applied again by the next refresh.
    let audit_id = store.audit_last_id()?;
    let (round, evidence_counts) = store.load_round_for_interface()?;
    Ok(Snapshot {
        audit_id,
        round,
        evidence_counts,
        approved: store.approved_blocs()?,
        comments: store.comments()?,
        users: store.users()?,
    })
}

/// Reads again only the units the audit log says changed after row `since`; None when the whole round
/// must be read (a tie order, an approval, a user, a unit added …).
pub fn refresh(store: &Store, since: i64) -> Result<Option<UnitRefresh>> {
    let changes = store.changes_since(since)?;
    if changes.whole_round {
        return Ok(None);
    }
    let mut records = Vec::new();
    let mut evidence = Vec::new();
    for unit in &changes.units {
        let Some(record) = store.load_unit(unit)? else { return Ok(None) };
        records.push(record);
        evidence.extend(store.evidence_of(unit)?);
    }
    Ok(Some(UnitRefresh {
        records,
        evidence,
        comments: store.comments()?,
        approved: store.approved_blocs()?,
        audit_id: changes.last_id,
    }))
}

/// Runs one effect against the store and reports what happened as an action.
pub fn run_effect(store: &mut Store, effect: Effect) -> Action {
    tracing::info!(?effect, "effect");
    let outcome = match effect {
        Effect::SaveAppraisal { unit, component, appraised, reason, based_on_version } => {
            let input = AppraisalInput {
                unit: unit.clone(),
                component: component.clone(),
                appraised,
                deduction_reason: reason,
                based_on_version,
            };
            let shown = crate::domain::score::display_vi(appraised);
            match store.save_appraisal(&input) {
                Ok(saved) => Ok(match saved {
                    Saved::Final { .. } => format!("Đã lưu {unit} · {component}: {shown}"),
                    Saved::Confirmed { .. } => format!("Đã xác nhận {unit} · {component}: {shown}"),
                    Saved::AwaitingConfirmation { .. } => {
                        format!("Đã nhập {unit} · {component}: {shown} — chờ thành viên Hội đồng xác nhận")
                    }
                    Saved::LeaderScore => format!("Đã ghi điểm của lãnh đạo {unit} · {component}: {shown}"),
                }),
                Err(StoreError::Stale(stale)) => {
                    let StaleSave { current, current_reason, by, version, yours, .. } = *stale;
                    let current = match (current, current_reason.as_str()) {
                        (None, _) => "xóa điểm".to_string(),
                        (Some(score), "") => score,
                        (Some(score), why) => format!("{score} (lý do: {why})"),
                    };
                    return Action::Stale {
                        message: format!(
                            "Chưa lưu: {by} đã lưu {current} trong lúc bạn sửa. Điểm bạn nhập ({yours}) vẫn trong phiếu — xem lại, Ctrl-S lần nữa để ghi đè"
                        ),
                        version,
                    };
                }
                Err(error) => Err(error),
            }
        }
        Effect::OrderTie { bloc, order } => {
            store.order_tie(&bloc, &order).map(|()| format!("Đã ghi thứ tự của Chủ tịch: {}", order.join(", ")))
        }
        Effect::SaveFacts { unit, values } => {
            store.save_facts(&unit, &values).map(|()| format!("Đã ghi nhận sự kiện của {unit}"))
        }
        Effect::Rerate { unit, changes, reason } => {
            store.rerate(&unit, &changes, &reason).map(|()| format!("Đã xếp loại lại {unit} (Điều 10.4): {reason}"))
        }
        Effect::OverrideGrade { unit, criterion, grade, reason } => store
            .override_grade(&unit, &criterion, grade, &reason)
            .map(|()| format!("Đã điều chỉnh xếp loại {unit} · {criterion}: {}", grade.vietnamese())),
        Effect::RemoveOverride { unit, criterion, reason } => store
            .remove_grade_override(&unit, &criterion, &reason)
            .map(|()| format!("Đã bỏ điều chỉnh xếp loại {unit} · {criterion}: áp dụng xếp loại đề xuất")),
        Effect::Withdraw { unit, component, reason, based_on_version } => {
            match store.withdraw_appraisal(&unit, &component, &reason, based_on_version) {
                Ok(_) => Ok(format!("Đã rút kết quả thẩm định {unit} · {component}: {reason}")),
                Err(StoreError::Stale(stale)) => {
                    let StaleSave { current, by, version, .. } = *stale;
                    let current = current.unwrap_or_else(|| "xóa điểm".into());
                    return Action::Stale {
                        message: format!(
                            "Chưa rút: {by} đã lưu {current} trong lúc bạn xem. Xem lại, Ctrl-S lần nữa để rút"
                        ),
                        version,
                    };
                }
                Err(error) => Err(error),
            }
        }
        Effect::ReorderTie { bloc, order, reason } => store
            .reorder_tie(&bloc, &order, &reason)
            .map(|()| format!("Đã đổi thứ tự bằng điểm của Chủ tịch: {} ({reason})", order.join(", "))),
        Effect::Comment { unit, component, text } => {
            store.add_comment(&unit, &component, &text).map(|()| format!("Đã gửi góp ý cho {unit} · {component}"))
        }
        Effect::Approve { bloc } => {
            store.approve_bloc(&bloc).map(|head| format!("Đã phê duyệt kết quả khối {bloc} — Nhật ký: {head}"))
        }
        Effect::SignIn { name } => {
            return match store.sign_in(&name) {
                Ok(()) => Action::SignedIn(store.actor().clone()),
                Err(error) => Action::Failed(worded(&error)),
            };
        }
        Effect::LoadUnitDetails { unit } => {
            let details = store.evidence_of(&unit).and_then(|evidence| Ok((evidence, store.explanations_of(&unit)?)));
            return match details {
                Ok((evidence, explanations)) => Action::UnitDetailsLoaded { unit, evidence, explanations },
                Err(error) => Action::Failed(worded(&error)),
            };
        }
        Effect::LoadHistory { unit, component } => {
            return match store.audit_log(Some(&unit), Some(&component)) {
                Ok(rows) => Action::History { title: format!("{unit} · {component}"), rows },
                Err(error) => Action::Failed(worded(&error)),
            };
        }
        Effect::LoadUnitHistory { unit } => {
            // Newest first: a unit's history can be longer than the screen, which cuts the oldest rows.
            return match store.audit_log(Some(&unit), None) {
                Ok(mut rows) => {
                    rows.reverse();
                    Action::History {
                        title: format!("{unit} — mọi thay đổi của đơn vị, mới nhất trước"), rows
                    }
                }
                Err(error) => Action::Failed(worded(&error)),
            };
        }
        // A new file each time, named by the time (yesterday's export stays as it was printed and signed).
        Effect::ExportSheets { unit } => store.local_stamp().and_then(|stamp| {
            let what = unit.as_deref().unwrap_or("tat-ca");
            let out = crate::sheet::beside_database(store.path(), what, "bieu-cham-diem", &stamp);
            crate::sheet::export_sheets(store, unit.as_deref(), &out, crate::sheet::Existing::Refuse, &mut |_, _| {})
                .map(|done| format!("Đã xuất {} biểu chấm điểm: {}", done.sheets, done.path.display()))
        }),
        Effect::ExportRanking => store.local_stamp().and_then(|stamp| {
            let out = crate::sheet::beside_database(store.path(), "ket-qua", "xep-hang", &stamp);
            crate::sheet::export_ranking(store, &out, crate::sheet::Existing::Refuse)
                .map(|done| format!("Đã xuất kết quả xếp hạng: {}", done.path.display()))
        }),
        Effect::Refresh { since } => {
            return match refresh(store, since) {
                Ok(Some(refresh)) => Action::UnitsRefreshed(Box::new(refresh)),
                Ok(None) => match snapshot(store) {
                    Ok(snapshot) => Action::Reloaded(Box::new(snapshot)),
                    Err(error) => Action::Failed(worded(&error)),
                },
                Err(error) => Action::Failed(worded(&error)),
            };
        }
        Effect::Reload => {
            return snapshot(store)
                .map(|s| Action::Reloaded(Box::new(s)))
                .unwrap_or_else(|e| Action::Failed(worded(&e)));
        }
    };
    match outcome {
        Ok(message) => Action::Saved(message),
        Err(error) => {
            tracing::warn!(%error, "refused");
            Action::Failed(worded(&error))
        }
    }
}

/// A refusal or failure of the store as the interface shows it: always in Vietnamese, from the catalog.
fn worded(error: &StoreError) -> String {
    crate::messages::store_error(error, crate::messages::Lang::Vi)
}

/// Applies an action and every effect it leads to.
pub fn dispatch(app: &mut App, store: &mut Store, action: Action) {
    let mut effects: VecDeque<Effect> = update(app, action).into();
    while let Some(effect) = effects.pop_front() {
        let action = run_effect(store, effect);
        effects.extend(update(app, action));
    }
}

/// Sends the interface's log to `thamdinh.log` beside the database, never to the screen.
fn start_log(store: &Store) {
    let folder = store.path().parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let writer = tracing_appender::rolling::never(folder, "thamdinh.log");
    let _ = tracing_subscriber::fmt().with_writer(writer).with_ansi(false).try_init();
}

/// Opens the interface on a store until the user quits or the process is told to terminate.
pub fn run(mut store: Store, demo: bool) -> Result<()> {
    start_log(&store);
    tracing::info!(db = %store.path().display(), "interface opened");
    let user = (store.actor().role != crate::domain::permissions::Role::ServiceAccount).then(|| store.actor().clone());
    let terminate = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&terminate))?;
    }
    // Installs a panic hook that restores the terminal before the panic message.
    let mut terminal = ratatui::try_init()?;
    watch_for_termination(Arc::clone(&terminate));
    let result = open_and_run(&mut terminal, &mut store, demo, user, &terminate);
    ratatui::restore();
    result
}

/// Says at once that the round is being read (a large round takes a second), reads it, then runs.
fn open_and_run(
    terminal: &mut ratatui::DefaultTerminal,
    store: &mut Store,
    demo: bool,
    user: Option<crate::domain::permissions::Actor>,
    terminate: &AtomicBool,
) -> Result<()> {
    let opening = format!(" thamdinh — đang đọc {} …", store.path().display());
    terminal.draw(|frame| frame.render_widget(ratatui::text::Line::raw(opening.as_str()), frame.area()))?;
    let mut app = App::new(store.regulation().clone(), snapshot(store)?, demo, user);
    terminal.draw(|frame| view::draw(frame, &app))?;
    dispatch(&mut app, store, Action::Started);
    event_loop(terminal, &mut app, store, terminate)
}

/// Ends the process on SIGTERM, a hang-up or the loss of its parent, even while crossterm is blocked reading input
/// (after a hang-up its reader spins on end-of-file and never returns to the event loop).
/// A save in progress is one SQLite transaction, so leaving mid-way loses nothing committed.
fn watch_for_termination(terminate: Arc<AtomicBool>) {
    let parent = std::os::unix::process::parent_id();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(100));
            // A changed parent means the terminal that started us is gone (e.g. its tmux server was killed).
            if terminate.load(Ordering::Relaxed) || std::os::unix::process::parent_id() != parent {
                tracing::info!("terminated by signal");
                ratatui::restore();
                std::process::exit(0);
            }
        }
    });
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    store: &mut Store,
    terminate: &AtomicBool,
) -> Result<()> {
    let mut version = store.data_version()?;
    loop {
        terminal.draw(|frame| view::draw(frame, app))?;
        if app.should_quit || terminate.load(Ordering::Relaxed) {
            return Ok(());
        }
        if event::poll(POLL)? {
            match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => dispatch(app, store, Action::Key(key)),
                Event::Resize(..) => dispatch(app, store, Action::Resize),
                _ => {}
            }
        }
        // Another session committed: read the round again so the ranking moves live.
        let now = store.data_version()?;
        if now != version {
            version = now;
            dispatch(app, store, Action::ExternalChange);
        }
    }
}
