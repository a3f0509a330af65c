//! Effects run against the store, outside `update`: each write or read, and the action that reports it.

use super::app::{Action, Effect, Snapshot, Submissions, UnitRefresh, UnitSide};
use crate::domain::evaluate::Round;
use crate::domain::evidence::EvidenceCounts;
use crate::domain::permissions::Role;
use crate::domain::scoring::ComponentScore;
use crate::messages::desk;
use crate::store::appraise::{AppraisalInput, Saved};
use crate::store::error::StaleSave;
use crate::store::submission::Submission;
use crate::store::{Result, Store, StoreError};
use std::collections::BTreeMap;

/// Reads what the interface shows from the store.
pub fn snapshot(store: &Store) -> Result<Snapshot> {
    if let Some(unit) = store.actor().unit.clone().filter(|_| store.actor().role == Role::Unit) {
        return unit_snapshot(store, &unit);
    }
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
        unit_side: UnitSide::default(),
        submissions: submissions(store)?,
        previous_levels: store.previous_levels()?,
    })
}

/// Who has submitted, in a round that takes submissions (one with a submission, or a real round with a unit's
/// focal person: the demo's focal person is there to be tried, and its seeded units stay in the queues).
fn submitted(store: &Store) -> Result<Option<BTreeMap<String, Submission>>> {
    let by_unit: BTreeMap<String, Submission> =
        store.submissions()?.into_iter().filter_map(|s| s.submission.map(|done| (s.unit, done))).collect();
    let focal_person = !store.is_demo()? && store.users()?.iter().any(|u| u.role == Role::Unit);
    let takes_submissions = !by_unit.is_empty() || focal_person;
    Ok(takes_submissions.then_some(by_unit))
}

fn submissions(store: &Store) -> Result<Submissions> {
    let settings = store.round_settings()?;
    Ok(Submissions {
        by_unit: submitted(store)?,
        deadline: settings.deadline,
        appraisal_days: settings.appraisal_working_days,
        today: store.today().ok(),
    })
}

/// What a unit's focal person is given: its own unit only, without anything the council wrote (appraisals,
/// deduction reasons, grades, facts, comments) until its result is published, and its result then.
fn unit_snapshot(store: &Store, code: &str) -> Result<Snapshot> {
    let audit_id = store.audit_last_id()?;
    let mut units = Vec::new();
    if let Some(mut unit) = store.load_unit(code)? {
        for entry in unit.entries.values_mut() {
            *entry = ComponentScore {
                self_score: entry.self_score,
                explanation: std::mem::take(&mut entry.explanation),
                explanation_on_file: entry.explanation_on_file,
                applicable: entry.applicable,
                ..ComponentScore::default()
            };
        }
        unit.facts = BTreeMap::default();
        unit.grade_overrides = BTreeMap::default();
        units.push(unit);
    }
    let round = Round { year: store.year(), units, tie_orders: BTreeMap::default(), published: BTreeMap::default() };
    let mut evidence_counts = EvidenceCounts::new(store.regulation(), &round);
    for document in store.evidence_of(code)? {
        evidence_counts.add(0, &document.criterion, 1);
    }
    let approved = store.approved_blocs()?;
    let published = round.units.first().is_some_and(|unit| approved.contains(&unit.bloc));
    let unit_side = UnitSide {
        submission: store.submission_of(code)?,
        deadline: store.round_settings()?.deadline,
        today: store.today().ok(),
        result: if published { Some(store.unit_result(Some(code))?) } else { None },
    };
    Ok(Snapshot {
        audit_id,
        round,
        evidence_counts,
        approved,
        comments: Vec::new(),
        users: store.users()?.into_iter().filter(|u| u.name == store.actor().name).collect(),
        unit_side,
        submissions: Submissions::default(),
        previous_levels: BTreeMap::new(),
    })
}

/// Reads again only the units the audit log says changed after row `since`; None when the whole round
/// must be read (a tie order, an approval, a user, a unit added …).
pub fn refresh(store: &Store, since: i64) -> Result<Option<UnitRefresh>> {
    // A unit's focal person reads its own unit again whole (one unit, and never another's changes).
    if store.actor().role == Role::Unit {
        return Ok(None);
    }
    let changes = store.changes_since(since)?;
    if changes.whole_round {
        return Ok(None);
    }
    let mut records = Vec::new();
    let (mut evidence, mut files) = (Vec::new(), Vec::new());
    for unit in &changes.units {
        let Some(record) = store.load_unit(unit)? else { return Ok(None) };
        records.push(record);
        evidence.extend(store.evidence_of(unit)?);
        files.extend(store.document_files(unit)?);
    }
    Ok(Some(UnitRefresh {
        records,
        evidence,
        files,
        comments: store.comments()?,
        approved: store.approved_blocs()?,
        published: store.published_results()?,
        submitted: submitted(store)?,
        audit_id: changes.last_id,
    }))
}

/// Runs one effect against the store and reports what happened as an action.
pub fn run_effect(store: &mut Store, effect: Effect) -> Action {
    tracing::info!(?effect, "effect");
    match effect {
        Effect::SaveAppraisal { unit, component, appraised, reason, based_on_version } => {
            let input = AppraisalInput { unit, component, appraised, deduction_reason: reason, based_on_version };
            save_appraisal(store, &input)
        }
        Effect::Withdraw { unit, component, reason, based_on_version } => {
            withdraw(store, &unit, &component, &reason, based_on_version)
        }
        Effect::DeskInbox => Action::DeskFiles(crate::sheet::desk::inbox_files(store.path(), &store.actor().name)),
        Effect::DeskPreview { file, kind } => desk_preview(store, file, kind),
        Effect::AddUser { name, role, agency, unit, full_name } => {
            match store.add_user_typed(&name, &full_name, &role, agency.as_deref(), unit.as_deref()) {
                Ok(_) => Action::DeskUserAdded { key_line: key_line(store, &name), name },
                Err(error) => failed(&error),
            }
        }
        Effect::SignIn { name } => match store.sign_in(&name) {
            Ok(()) => Action::SignedIn(store.actor().clone()),
            Err(error) => failed(&error),
        },
        Effect::LoadUnitDetails { .. }
        | Effect::LoadHistory { .. }
        | Effect::LoadUnitHistory { .. }
        | Effect::Refresh { .. }
        | Effect::Reload => read(store, effect),
        write @ (Effect::OrderTie { .. }
        | Effect::SaveFacts { .. }
        | Effect::Rerate { .. }
        | Effect::OverrideGrade { .. }
        | Effect::RemoveOverride { .. }
        | Effect::ReorderTie { .. }
        | Effect::Comment { .. }
        | Effect::Approve { .. }
        | Effect::ExportSheets { .. }
        | Effect::ExportRanking
        | Effect::SaveSelfAssessment(_)
        | Effect::AddDocument { .. }
        | Effect::DescribeFile { .. }
        | Effect::RemoveDocument { .. }
        | Effect::Submit { .. }
        | Effect::DeskImport { .. }
        | Effect::RemoveUser { .. }
        | Effect::SetRound { .. }
        | Effect::RecordPaper { .. }
        | Effect::Reopen { .. }
        | Effect::Backup
        | Effect::ExportPaper { .. }) => {
            let attempt = attempt_of(&write);
            match decide(store, write) {
                Ok(message) => Action::Saved(message),
                Err(error) => {
                    // A unit's focal person's refused attempt is audited as on the command line (who, what,
                    // when; no values); a failure to record leaves the refusal as it is.
                    if error.is_refusal() {
                        let _ = store.record_refused_attempt(attempt);
                    }
                    failed(&error)
                }
            }
        }
    }
}

/// What a write of the interface is, as a refused attempt's audit row names it (the command line's words).
fn attempt_of(write: &Effect) -> &'static str {
    match write {
        Effect::OrderTie { .. } => "tie",
        Effect::SaveFacts { .. } => "facts",
        Effect::Rerate { .. } => "rerate",
        Effect::OverrideGrade { .. } | Effect::RemoveOverride { .. } => "override",
        Effect::ReorderTie { .. } => "tie --reorder",
        Effect::Comment { .. } => "comment",
        Effect::Approve { .. } => "approve",
        Effect::ExportSheets { .. } => "export sheets",
        Effect::ExportRanking => "export ranking",
        Effect::SaveSelfAssessment(_) => "self-assessment (interface)",
        Effect::AddDocument { .. } => "add document (interface)",
        Effect::RemoveDocument { .. } => "remove document (interface)",
        Effect::Submit { .. } => "submit",
        _ => "interface",
    }
}

/// A refusal or a failure, worded for the person at the keyboard: always in Vietnamese, from the catalog.
fn failed(error: &StoreError) -> Action {
    tracing::warn!(%error, "refused");
    Action::Failed(crate::messages::store_error(error, crate::messages::Lang::Vi))
}

fn save_appraisal(store: &mut Store, input: &AppraisalInput) -> Action {
    let (unit, component) = (&input.unit, &input.component);
    let shown = crate::domain::score::display_vi(input.appraised);
    match store.save_appraisal(input) {
        Ok(saved) => Action::Saved(match saved {
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
                (Some(value), "") => value,
                (Some(value), why) => format!("{value} (lý do: {why})"),
            };
            Action::Stale {
                message: format!(
                    "Chưa lưu: {by} đã lưu {current} trong lúc bạn sửa. Điểm bạn nhập ({yours}) vẫn trong phiếu — xem lại, Ctrl-S lần nữa để ghi đè"
                ),
                version,
            }
        }
        Err(error) => failed(&error),
    }
}

fn withdraw(store: &mut Store, unit: &str, component: &str, reason: &str, based_on_version: i64) -> Action {
    match store.withdraw_appraisal(unit, component, reason, based_on_version) {
        Ok(_) => Action::Saved(format!("Đã rút kết quả thẩm định {unit} · {component}: {reason}")),
        Err(StoreError::Stale(stale)) => {
            let StaleSave { current, by, version, .. } = *stale;
            let current = current.unwrap_or_else(|| "xóa điểm".into());
            Action::Stale {
                message: format!("Chưa rút: {by} đã lưu {current} trong lúc bạn xem. Xem lại, Ctrl-S lần nữa để rút"),
                version,
            }
        }
        Err(error) => failed(&error),
    }
}

/// The council's decisions and papers: one write (or one export) each, and what the message line says of it.
fn decide(store: &mut Store, effect: Effect) -> Result<String> {
    match effect {
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
        Effect::ReorderTie { bloc, order, reason } => store
            .reorder_tie(&bloc, &order, &reason)
            .map(|()| format!("Đã đổi thứ tự bằng điểm của Chủ tịch: {} ({reason})", order.join(", "))),
        Effect::Comment { unit, component, text } => {
            store.add_comment(&unit, &component, &text).map(|()| format!("Đã gửi góp ý cho {unit} · {component}"))
        }
        Effect::Approve { bloc } => {
            store.approve_bloc(&bloc).map(|head| format!("Đã phê duyệt kết quả khối {bloc} — Nhật ký: {head}"))
        }
        Effect::ExportSheets { unit } => export_sheets(store, unit.as_deref()),
        Effect::SaveSelfAssessment(input) => {
            store.save_self_assessment(&input).map(|()| format!("Đã lưu tự đánh giá {}", input.component))
        }
        Effect::AddDocument { unit, component, reference, date, title } => store
            .add_document(&unit, &component, &title, &reference, &date)
            .map(|()| format!("Đã thêm tài liệu {reference} cho {component}")),
        Effect::DescribeFile { unit, file, name, reference, date, title } => store
            .describe_file(&unit, file, &title, &reference, &date)
            .map(|()| crate::messages::uploads::file_described(&name, &reference)),
        Effect::RemoveDocument { unit, component, reference } => store
            .remove_document(&unit, &component, &reference)
            .map(|()| format!("Đã bỏ tài liệu {reference} của {component}")),
        Effect::Submit { approved_on, minutes } => store.submit(None, &approved_on, &minutes).map(|done| {
            let late = if done.late { " — nộp sau hạn, được ghi là nộp muộn" } else { "" };
            format!("Đã nộp bản tự đánh giá (biên bản số {}){late}", done.minutes)
        }),
        Effect::ExportRanking => export_ranking(store),
        Effect::DeskImport { file, kind } => {
            let shown = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            crate::sheet::desk::import_file(store, kind, &file).map(|done| desk::imported(&shown, done.rows))
        }
        Effect::RemoveUser { name } => store.remove_user(&name).map(|()| desk::user_removed(&name)),
        Effect::SetRound { deadline, appraisal_days } => store
            .set_round_settings(deadline.as_deref(), appraisal_days)
            .map(|()| desk::round_set(deadline.as_deref(), appraisal_days)),
        Effect::RecordPaper { unit, received, approved_on, minutes } => store
            .submit_received(Some(&unit), &approved_on, &minutes, received.as_deref())
            .map(|done| desk::paper_recorded(&unit, &done.minutes, done.late)),
        Effect::Reopen { unit, reason } => store.reopen_submission(&unit, &reason).map(|()| desk::reopened(&unit)),
        Effect::Backup => backup(store),
        Effect::ExportPaper { paper } => export_paper(store, paper),
        // `run_effect` sends only the writes above here.
        _ => Ok(String::new()),
    }
}

// A new file each time, named by the time (yesterday's export stays as it was printed and signed).
fn export_sheets(store: &Store, unit: Option<&str>) -> Result<String> {
    let out = export_target(store, unit.unwrap_or("tat-ca"), "bieu-cham-diem")?;
    crate::sheet::export_sheets(store, unit, &out, crate::sheet::Existing::Refuse, &mut |_, _| {})
        .map(|done| format!("Đã xuất {} biểu chấm điểm: {}", done.sheets, shown_export(store, &done.path)))
}

fn export_ranking(store: &Store) -> Result<String> {
    let out = export_target(store, "ket-qua", "xep-hang")?;
    crate::sheet::export_ranking(store, &out, crate::sheet::Existing::Refuse)
        .map(|done| format!("Đã xuất kết quả xếp hạng: {}", shown_export(store, &done.path)))
}

/// Where the interface writes an export: a council user's own folder `<db>.files/xuat/<user>/`, which they
/// download as `/xuat/…` over SFTP (issue 24); the service account's (the demo's) beside the database.
fn export_target(store: &Store, what: &str, kind: &str) -> Result<std::path::PathBuf> {
    let stamp = store.local_stamp()?;
    if store.actor().role == crate::domain::permissions::Role::ServiceAccount {
        return Ok(crate::sheet::beside_database(store.path(), what, kind, &stamp));
    }
    let folder = crate::store::files::exports_dir(store.path(), &store.actor().name);
    crate::store::files::private_dir(&folder)?;
    let db_name = store.path().file_name().unwrap_or(std::ffi::OsStr::new("thamdinh"));
    Ok(crate::sheet::beside_database(&folder.join(db_name), what, kind, &stamp))
}

/// An export as its user fetches it: `/xuat/NAME` (sftp, scp, `WinSCP`) for a council user, else its path.
fn shown_export(store: &Store, path: &std::path::Path) -> String {
    match (store.actor().role, path.file_name()) {
        (crate::domain::permissions::Role::ServiceAccount, _) | (_, None) => path.display().to_string(),
        (_, Some(name)) => format!("/xuat/{} (tải về bằng sftp/scp/WinSCP)", name.to_string_lossy()),
    }
}

/// The desk's preview of an import: tried in a transaction that is rolled back; what it would change, or every
/// problem of the file, worded.
fn desk_preview(store: &mut Store, file: std::path::PathBuf, kind: crate::sheet::desk::FileKind) -> Action {
    match crate::sheet::desk::preview_file(store, kind, &file) {
        Ok(crate::sheet::desk::Checked::Clean(preview)) => {
            Action::DeskPreviewed { file, kind, rows: preview.outcome.rows, changes: preview.changes }
        }
        Ok(crate::sheet::desk::Checked::Refused(problems)) => Action::DeskRefused {
            file,
            problems: problems.iter().map(|e| crate::messages::store_error(e, crate::messages::Lang::Vi)).collect(),
        },
        Err(error) => failed(&error),
    }
}

/// The `authorized_keys` line of a new user: this program, this database, their name; the key left to fill.
fn key_line(store: &Store, name: &str) -> String {
    let program = std::env::current_exe()
        .ok()
        .filter(|exe| exe.file_name().is_some_and(|n| n == "thamdinh"))
        .map_or_else(|| "/usr/local/bin/thamdinh".to_string(), |exe| exe.display().to_string());
    let db = std::path::absolute(store.path()).unwrap_or_else(|_| store.path().to_path_buf());
    desk::key_line(&program, &db.display().to_string(), name)
}

/// A backup of the round into the person's exports folder (`/xuat`), verified before it is announced.
fn backup(store: &Store) -> Result<String> {
    let stamp = store.local_stamp()?;
    let stem = store.path().file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name = format!("{stem}-sao-luu-{stamp}.db");
    let out = if store.actor().role == crate::domain::permissions::Role::ServiceAccount {
        store.path().with_file_name(&name)
    } else {
        let folder = crate::store::files::exports_dir(store.path(), &store.actor().name);
        crate::store::files::private_dir(&folder)?;
        folder.join(&name)
    };
    let made = store.backup(&out)?;
    Ok(desk::backup_made(&shown_export(store, &made.path), made.audit_head.as_deref().unwrap_or("—")))
}

/// One of the council's papers into the person's exports folder (`/xuat`), named by the time.
fn export_paper(store: &Store, paper: super::app::DeskPaper) -> Result<String> {
    use super::app::DeskPaper;
    use crate::papers::PaperKind;
    let stamp = store.local_stamp()?;
    let stem = store.path().file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let folder = if store.actor().role == crate::domain::permissions::Role::ServiceAccount {
        store.path().parent().map(std::path::Path::to_path_buf).unwrap_or_default()
    } else {
        let folder = crate::store::files::exports_dir(store.path(), &store.actor().name);
        crate::store::files::private_dir(&folder)?;
        folder
    };
    let extension = if paper == DeskPaper::Publication { "html" } else { "docx" };
    let out = folder.join(format!("{stem}-{}-{stamp}.{extension}", paper.slug()));
    let refuse = crate::sheet::Existing::Refuse;
    let kind = match paper {
        DeskPaper::Report => PaperKind::Report,
        DeskPaper::Proposal => PaperKind::Proposal,
        DeskPaper::Decision => PaperKind::Decision,
        DeskPaper::Minutes => PaperKind::Minutes,
        DeskPaper::Notices => {
            let out = folder.join(format!("{stem}-{}-{stamp}", paper.slug()));
            crate::store::files::private_dir(&out)?;
            let written = crate::papers::export_notices(store, &out, refuse)?;
            return Ok(desk::notices_written(&shown_export(store, &out), written.len()));
        }
        DeskPaper::Publication => {
            let done = crate::papers::publication::export_publication(store, &out, refuse)?;
            return Ok(desk::paper_written(&shown_export(store, &done.path)));
        }
    };
    let written = crate::papers::export_paper(store, &kind, &out, refuse)?;
    Ok(desk::paper_written(&shown_export(store, &written.exported.path)))
}

/// Reads: a unit's details, a history, the changes of other sessions, the whole round.
/// Every user's full name by login (removed users too: the history names them), where one is recorded.
fn full_names(store: &Store) -> Result<BTreeMap<String, String>> {
    Ok(store
        .users()?
        .into_iter()
        .filter(|user| !user.full_name.trim().is_empty())
        .map(|user| (user.name, user.full_name))
        .collect())
}

fn read(store: &Store, effect: Effect) -> Action {
    let action = match effect {
        Effect::LoadUnitDetails { unit } => store
            .evidence_of(&unit)
            .and_then(|evidence| Ok((evidence, store.explanations_of(&unit)?, store.document_files(&unit)?)))
            .map(|(evidence, explanations, files)| Action::UnitDetailsLoaded { unit, evidence, explanations, files }),
        Effect::LoadHistory { unit, component } => store.audit_log(Some(&unit), Some(&component)).and_then(|rows| {
            Ok(Action::History { title: format!("{unit} · {component}"), rows, names: full_names(store)? })
        }),
        // Newest first: a unit's history can be longer than the screen, which cuts the oldest rows.
        Effect::LoadUnitHistory { unit } => store.audit_log(Some(&unit), None).and_then(|mut rows| {
            rows.reverse();
            let title = format!("{unit} — mọi thay đổi của đơn vị, mới nhất trước");
            Ok(Action::History { title, rows, names: full_names(store)? })
        }),
        Effect::Refresh { since } => refresh(store, since).and_then(|changes| match changes {
            Some(changes) => Ok(Action::UnitsRefreshed(Box::new(changes))),
            None => snapshot(store).map(|s| Action::Reloaded(Box::new(s))),
        }),
        _ => snapshot(store).map(|s| Action::Reloaded(Box::new(s))),
    };
    action.unwrap_or_else(|error| failed(&error))
}
