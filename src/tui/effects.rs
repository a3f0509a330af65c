//! Effects run against the store, outside `update`: each write or read, and the action that reports it.

use super::app::{Action, Effect, Snapshot, Submissions, UnitRefresh, UnitSide};
use crate::domain::code::UnitCode;
use crate::domain::evaluate::Round;
use crate::domain::evidence::EvidenceCounts;
use crate::domain::permissions::Role;
use crate::domain::scoring::ComponentScore;
use crate::messages::{Lang, desk, status as say};
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
fn submitted(store: &Store) -> Result<Option<BTreeMap<crate::domain::code::UnitCode, Submission>>> {
    let by_unit: BTreeMap<crate::domain::code::UnitCode, Submission> =
        store.submissions()?.into_iter().filter_map(|s| s.submission.map(|done| (s.unit, done))).collect();
    let focal_person = !store.is_demo()? && store.users()?.iter().any(|u| u.role == Role::Unit);
    let takes_submissions = !by_unit.is_empty() || focal_person;
    Ok(takes_submissions.then_some(by_unit))
}

fn submissions(store: &Store) -> Result<Submissions> {
    let settings = store.round_settings()?;
    let papers = crate::papers::settings::of_round(store)?;
    Ok(Submissions {
        by_unit: submitted(store)?,
        deadline: settings.deadline,
        appraisal_days: settings.appraisal_working_days,
        today: store.today().ok(),
        papers: paper_rows(store, &papers)?,
        proposal_to: papers.known_addressee().map(str::to_string),
    })
}

/// Each paper's settings with its number as it prints, for the desk's list of papers.
fn paper_rows(
    store: &Store,
    settings: &crate::papers::settings::PaperSettings,
) -> Result<Vec<(PaperSlot, PaperNumbering, Option<String>)>> {
    Ok(store
        .paper_numberings()?
        .into_iter()
        .map(|(slot, numbering)| {
            let number = numbering.number.as_deref().map(|n| crate::papers::document_number(settings, slot, n));
            (slot, numbering, number)
        })
        .collect())
}

/// What a unit's focal person is given: its own unit only, without anything the council wrote (appraisals,
/// deduction reasons, grades, facts, comments) until its result is published, and its result then.
fn unit_snapshot(store: &Store, code: &UnitCode) -> Result<Snapshot> {
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
    let round = Round { year: store.year(), units, ..Round::default() };
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
        refusals: store.recent_upload_refusals()?,
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

use crate::store::paper_settings::{PaperNumbering, PaperSlot};

/// Runs one effect against the store and reports what happened as an action, worded in `lang`.
pub fn run_effect(store: &mut Store, effect: Effect, lang: Lang) -> Action {
    tracing::info!(?effect, "effect");
    match effect {
        Effect::SaveAppraisal { unit, component, appraised, reason, based_on_version } => {
            let input = AppraisalInput { unit, component, appraised, deduction_reason: reason, based_on_version };
            save_appraisal(store, &input, lang)
        }
        Effect::Withdraw { unit, component, reason, based_on_version } => {
            withdraw(store, &unit, &component, &reason, based_on_version, lang)
        }
        // `dispatch` writes it to the terminal; a caller running effects itself only hears it was copied.
        Effect::Clipboard { text } => Action::Copied(text),
        Effect::DeskInbox => Action::DeskFiles(crate::sheet::desk::inbox_files(store.path(), &store.actor().name)),
        Effect::DeskPreview { file, kind } => desk_preview(store, file, kind, lang),
        Effect::AddUser { name, role, agency, unit, full_name } => {
            match store.add_user_typed(&name, &full_name, &role, agency.as_deref(), unit.as_deref()) {
                Ok(_) => Action::DeskUserAdded { key_line: key_line(store, &name, lang), name },
                Err(error) => failed(&error, lang),
            }
        }
        Effect::SignIn { name } => match store.sign_in(&name) {
            Ok(()) => Action::SignedIn(store.actor().clone()),
            Err(error) => failed(&error, lang),
        },
        Effect::LoadUnitDetails { .. }
        | Effect::LoadHistory { .. }
        | Effect::LoadUnitHistory { .. }
        | Effect::Refresh { .. }
        | Effect::Reload => read(store, effect, lang),
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
        | Effect::ExceedQuota { .. }
        | Effect::Backup
        | Effect::ExportPaper { .. }
        | Effect::SetPaperNumbering { .. }) => {
            let attempt = attempt_of(&write);
            match decide(store, write, lang) {
                Ok(message) => Action::Saved(message),
                Err(error) => {
                    // A unit's focal person's refused attempt is audited as on the command line (who, what,
                    // when; no values); a failure to record leaves the refusal as it is.
                    if error.is_refusal() {
                        let _ = store.record_refused_attempt(attempt);
                    }
                    failed(&error, lang)
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
        Effect::ExceedQuota { .. } => "exceed-quota",
        _ => "interface",
    }
}

/// A refusal or a failure, worded for the person at the keyboard in the language of the run, from the catalog.
fn failed(error: &StoreError, lang: Lang) -> Action {
    tracing::warn!(%error, "refused");
    Action::Failed(crate::messages::store_error(error, lang))
}

fn save_appraisal(store: &mut Store, input: &AppraisalInput, lang: Lang) -> Action {
    let item = format!("{} · {}", input.unit, input.component);
    let shown = say::score(input.appraised, lang);
    match store.save_appraisal(input) {
        Ok(saved) => {
            let saved = match saved {
                Saved::Final { .. } => say::SavedAs::Final,
                Saved::Confirmed { .. } => say::SavedAs::Confirmed,
                Saved::AwaitingConfirmation { .. } => say::SavedAs::AwaitingConfirmation,
                Saved::LeaderScore => say::SavedAs::LeaderScore,
            };
            Action::Saved(say::appraisal_saved(saved, &item, &shown, lang))
        }
        Err(StoreError::Stale(stale)) => {
            let StaleSave { current, current_reason, by, version, yours, .. } = *stale;
            let current = say::current_value(current.as_deref(), &current_reason, lang);
            Action::Stale { message: say::stale_save(&by, &current, &yours, lang), version }
        }
        Err(error) => failed(&error, lang),
    }
}

fn withdraw(
    store: &mut Store,
    unit: &UnitCode,
    component: &str,
    reason: &str,
    based_on_version: i64,
    lang: Lang,
) -> Action {
    match store.withdraw_appraisal(unit, component, reason, based_on_version) {
        Ok(_) => Action::Saved(say::withdrawn(&format!("{unit} · {component}"), reason, lang)),
        Err(StoreError::Stale(stale)) => {
            let StaleSave { current, by, version, .. } = *stale;
            let current = say::current_value(current.as_deref(), "", lang);
            Action::Stale { message: say::stale_withdrawal(&by, &current, lang), version }
        }
        Err(error) => failed(&error, lang),
    }
}

/// The council's decisions and papers: one write (or one export) each, and what the message line says of it.
fn decide(store: &mut Store, effect: Effect, lang: Lang) -> Result<String> {
    let item = |unit: &UnitCode, part: &str| format!("{unit} · {part}");
    match effect {
        Effect::OrderTie { bloc, order } => {
            store.order_tie(&bloc, &order).map(|()| say::tie_ordered(&order.join(", "), lang))
        }
        Effect::SaveFacts { unit, values } => store.save_facts(&unit, &values).map(|()| say::facts_saved(&unit, lang)),
        Effect::Rerate { unit, changes, reason } => {
            let rerating = store.regulation().rerating.clone();
            store.rerate(&unit, &changes, &reason).map(|()| desk::rerated(&unit, &reason, rerating.as_deref(), lang))
        }
        Effect::OverrideGrade { unit, criterion, grade, reason } => store
            .override_grade(&unit, &criterion, grade, &reason)
            .map(|()| say::grade_overridden(&item(&unit, &criterion), say::grade(grade, lang), lang)),
        Effect::RemoveOverride { unit, criterion, reason } => store
            .remove_grade_override(&unit, &criterion, &reason)
            .map(|()| say::override_removed(&item(&unit, &criterion), lang)),
        Effect::ReorderTie { bloc, order, reason } => {
            store.reorder_tie(&bloc, &order, &reason).map(|()| say::tie_reordered(&order.join(", "), &reason, lang))
        }
        Effect::Comment { unit, component, text } => {
            store.add_comment(&unit, &component, &text).map(|()| say::comment_sent(&item(&unit, &component), lang))
        }
        Effect::Approve { bloc } => store.approve_bloc(&bloc).map(|head| say::approved(&bloc, &head, lang)),
        Effect::ExportSheets { unit } => export_sheets(store, unit.as_deref(), lang),
        Effect::SaveSelfAssessment(input) => {
            store.save_self_assessment(&input).map(|()| say::self_assessment_saved(&input.component, lang))
        }
        Effect::AddDocument { unit, component, reference, date, title } => store
            .add_document(&unit, &component, &title, &reference, &date)
            .map(|()| say::document_added(&reference, &component, lang)),
        Effect::DescribeFile { unit, file, name, reference, date, title } => store
            .describe_file(&unit, file, &title, &reference, &date)
            .map(|()| say::file_described(&name, &reference, lang)),
        Effect::RemoveDocument { unit, component, reference } => store
            .remove_document(&unit, &component, &reference)
            .map(|()| say::document_removed(&reference, &component, lang)),
        Effect::Submit { approved_on, minutes } => {
            store.submit(None, &approved_on, &minutes).map(|done| say::submitted(&done.minutes, done.late, lang))
        }
        Effect::ExportRanking => export_ranking(store, lang),
        Effect::DeskImport { file, kind } => {
            let shown = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            crate::sheet::desk::import_file(store, kind, &file).map(|done| desk::imported(&shown, done.rows, lang))
        }
        Effect::RemoveUser { name } => store.remove_user(&name).map(|()| desk::user_removed(&name, lang)),
        Effect::SetRound { deadline, appraisal_days } => store
            .set_round_settings(deadline.as_deref(), appraisal_days)
            .map(|()| desk::round_set(deadline.as_deref(), appraisal_days, lang)),
        Effect::RecordPaper { unit, received, approved_on, minutes } => store
            .submit_received(Some(&unit), &approved_on, &minutes, received.as_deref())
            .map(|done| desk::paper_recorded(&unit, &done.minutes, done.late, lang)),
        Effect::Reopen { unit, reason } => {
            store.reopen_submission(&unit, &reason).map(|()| desk::reopened(&unit, lang))
        }
        Effect::Backup => backup(store, lang),
        Effect::ExportPaper { paper } => export_paper(store, paper, lang),
        Effect::SetPaperNumbering { slot, number, signer, issued, lang } => {
            set_paper_numbering(store, slot, [number, signer, issued], lang)
        }
        Effect::ExceedQuota { unit, reason, undo: false } => store.exceed_quota(&unit, &reason).map(|()| {
            let article = store.regulation().quota.chairman_exception.clone().unwrap_or_default();
            crate::messages::exceed::decided(lang, &unit, &article, reason.trim())
        }),
        Effect::ExceedQuota { unit, reason, undo: true } => store
            .withdraw_quota_exception(&unit, &reason)
            .map(|()| crate::messages::exceed::withdrawn(lang, &unit, reason.trim())),
        // `run_effect` sends only the writes above here.
        _ => Ok(String::new()),
    }
}

// A new file each time, named by the time (yesterday's export stays as it was printed and signed).
fn export_sheets(store: &Store, unit: Option<&str>, lang: Lang) -> Result<String> {
    let out = export_target(store, unit.unwrap_or("tat-ca"), "bieu-cham-diem")?;
    crate::sheet::export_sheets(store, unit, &out, crate::sheet::Existing::Refuse, &mut |_, _| {})
        .map(|done| say::sheets_exported(done.sheets, &shown_export(store, &done.path, lang), lang))
}

fn export_ranking(store: &Store, lang: Lang) -> Result<String> {
    let out = export_target(store, "ket-qua", "xep-hang")?;
    crate::sheet::export_ranking(store, &out, crate::sheet::Existing::Refuse)
        .map(|done| say::ranking_exported(&shown_export(store, &done.path, lang), lang))
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
fn shown_export(store: &Store, path: &std::path::Path, lang: Lang) -> String {
    match (store.actor().role, path.file_name()) {
        (crate::domain::permissions::Role::ServiceAccount, _) | (_, None) => path.display().to_string(),
        (_, Some(name)) => say::download(&name.to_string_lossy(), lang),
    }
}

/// The desk's preview of an import: tried in a transaction that is rolled back; what it would change, or every
/// problem of the file, worded.
fn desk_preview(store: &mut Store, file: std::path::PathBuf, kind: crate::sheet::desk::FileKind, lang: Lang) -> Action {
    match crate::sheet::desk::preview_file(store, kind, &file) {
        Ok(crate::sheet::desk::Checked::Clean(preview)) => {
            Action::DeskPreviewed { file, kind, rows: preview.outcome.rows, changes: preview.changes }
        }
        Ok(crate::sheet::desk::Checked::Refused(problems)) => Action::DeskRefused {
            file,
            problems: problems.iter().map(|e| crate::messages::store_error(e, lang)).collect(),
        },
        Err(error) => failed(&error, lang),
    }
}

/// The `authorized_keys` line of a new user: this program, this database, their name; the key left to fill.
fn key_line(store: &Store, name: &str, lang: Lang) -> String {
    let program = std::env::current_exe()
        .ok()
        .filter(|exe| exe.file_name().is_some_and(|n| n == "thamdinh"))
        .map_or_else(|| "/usr/local/bin/thamdinh".to_string(), |exe| exe.display().to_string());
    let db = std::path::absolute(store.path()).unwrap_or_else(|_| store.path().to_path_buf());
    desk::key_line(&program, &db.display().to_string(), name, lang)
}

/// A backup of the round into the person's exports folder (`/xuat`), verified before it is announced.
fn backup(store: &Store, lang: Lang) -> Result<String> {
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
    Ok(desk::backup_made(&shown_export(store, &made.path, lang), made.audit_head.as_deref().unwrap_or("—"), lang))
}

/// A paper's number, signer and date of issue as the desk's form typed them (an empty field clears its value),
/// said back as `round show` says it.
fn set_paper_numbering(
    store: &mut Store,
    slot: crate::store::paper_settings::PaperSlot,
    [number, signer, issued]: [Option<String>; 3],
    lang: crate::messages::Lang,
) -> Result<String> {
    use crate::store::paper_settings::SettingChange;
    let change = |value: Option<String>| value.map_or(SettingChange::Clear, SettingChange::Set);
    let set = store.set_paper_numbering(slot, change(number), change(signer), change(issued))?;
    let settings = crate::papers::settings::of_round(store)?;
    let number = set.number.as_deref().map(|n| crate::papers::document_number(&settings, slot, n));
    let line = crate::messages::desk_more::paper_line(lang, slot, &set, number.as_deref());
    Ok(crate::messages::desk_more::numbering_set(lang, &line))
}

/// One of the council's papers into the person's exports folder (`/xuat`), named by the time.
fn export_paper(store: &Store, paper: super::app::DeskPaper, lang: Lang) -> Result<String> {
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
            return Ok(desk::notices_written(&shown_export(store, &out, lang), written.len(), lang));
        }
        DeskPaper::Publication => {
            let done = crate::papers::publication::export_publication(store, &out, refuse)?;
            return Ok(desk::paper_written(&shown_export(store, &done.path, lang), lang));
        }
    };
    let written = crate::papers::export_paper(store, &kind, &out, refuse)?;
    Ok(desk::paper_written(&shown_export(store, &written.exported.path, lang), lang))
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

fn read(store: &Store, effect: Effect, lang: Lang) -> Action {
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
            let title = say::unit_history(&unit, lang);
            Ok(Action::History { title, rows, names: full_names(store)? })
        }),
        Effect::Refresh { since } => refresh(store, since).and_then(|changes| match changes {
            Some(changes) => Ok(Action::UnitsRefreshed(Box::new(changes))),
            None => snapshot(store).map(|s| Action::Reloaded(Box::new(s))),
        }),
        _ => snapshot(store).map(|s| Action::Reloaded(Box::new(s))),
    };
    action.unwrap_or_else(|error| failed(&error, lang))
}
