//! `thamdinh audit verify|log`: checking the hash chain and reading the history.

use super::AuditCommand;
use super::output;
use crate::domain::text::escape_line;
use crate::messages::{
    CliError, CliRefusal, Lang, audit_action, cli as say, field_name, field_value, trust, unvalued_detail,
};
use crate::store::Store;
use crate::store::audit::{AuditAction, ChainCheck};

/// How many values `audit verify` names when the tables differ from the log.
const SHOWN: usize = 20;

/// `audit verify`: every file the units sent, rehashed; a missing or changed one is named and fails the check.
fn stored_files(store: &Store, db: String, lang: Lang) -> Result<(), CliError> {
    let problems = store.check_stored_files()?;
    if problems.is_empty() {
        let count = store.all_document_files()?.len();
        return Ok(output::line(crate::messages::uploads::stored_files_intact(lang, count))?);
    }
    let shown = problems.iter().map(|p| crate::messages::uploads::stored_file_problem(p, lang)).collect();
    Err(CliRefusal::StoredFiles { db, shown }.into())
}

/// `audit verify` after the chain: the tables against the log, each row against what the program would have
/// allowed, the schema's triggers; every finding said, the last one as the refusal.
fn judged(store: &Store, db: String, lang: Lang) -> Result<(), CliError> {
    let judgement = store.audit_judgement()?;
    if judgement.is_clean() {
        output::line(say::audit_tables_match(lang))?;
        return stored_files(store, db, lang);
    }
    // Every finding is said: the triggers, the forged rows, the values; the last one is the refusal.
    let mut findings: Vec<CliRefusal> = Vec::new();
    if !judgement.triggers.is_empty() {
        let shown = judgement.triggers.iter().map(|t| trust::trigger_problem(t, lang)).collect();
        findings.push(CliRefusal::Triggers { db: db.clone(), shown });
    }
    if !judgement.forged.is_empty() {
        let shown = judgement
            .forged
            .iter()
            .take(SHOWN)
            .map(|f| escape_line(&trust::forged_row(f, store.regulation().leaders_name.as_deref(), lang)).into_owned())
            .collect();
        findings.push(CliRefusal::Forged { db: db.clone(), count: judgement.forged.len(), shown });
    }
    let unexplained = &judgement.unexplained;
    if !unexplained.is_empty() {
        let shown =
            unexplained.iter().take(SHOWN).map(|u| escape_line(&trust::unexplained(u, lang)).into_owned()).collect();
        findings.push(CliRefusal::Unexplained { db: db.clone(), count: unexplained.len(), shown });
    }
    let last = findings.pop().unwrap_or(CliRefusal::Triggers { db, shown: Vec::new() });
    for finding in &findings {
        output::error(&crate::messages::cli::cli_refusal(finding, lang));
    }
    Err(last.into())
}

pub fn run(store: &Store, command: AuditCommand, lang: Lang) -> Result<(), CliError> {
    let db = store.path().display().to_string();
    match command {
        AuditCommand::Verify { head: recorded } => match store.audit_verify()? {
            ChainCheck::Intact { rows, head } => {
                for line in say::audit_intact(lang, store.path(), rows, head.as_deref()) {
                    output::line(line)?;
                }
                if let Some(recorded) = recorded {
                    match store.audit_row_of_head(&recorded)? {
                        Some(row) => output::line(say::audit_head_found(lang, &recorded, row, rows))?,
                        None => return Err(CliRefusal::HeadNotInLog { db, head: recorded }.into()),
                    }
                }
                judged(store, db, lang)
            }
            ChainCheck::Broken { row, problem } => {
                Err(CliRefusal::ChainBroken { db, row, problem: Box::new(problem) }.into())
            }
        },
        AuditCommand::Log { unit, criterion } => {
            let rows = store.audit_log(unit.as_deref(), criterion.as_deref())?;
            if rows.is_empty() {
                eprintln!("{}", escape_line(&say::audit_no_rows(lang, store.path())));
            }
            // The action's column as wide as the longest name in this language.
            let leaders = crate::messages::leaders::score_action(lang, store.regulation().leaders_name.as_deref());
            let width = AuditAction::ALL
                .iter()
                .map(|a| audit_action(*a, lang).chars().count())
                .chain([leaders.chars().count()])
                .max()
                .unwrap_or(14);
            // People by their full name, the login in parentheses (a service account, or a user without a full
            // name, by the login alone); the column as wide as the longest.
            let people: std::collections::BTreeMap<String, String> = store
                .users()?
                .into_iter()
                .filter(|user| !user.full_name.trim().is_empty())
                .map(|user| (user.name.clone(), say::person(&user.full_name, &user.name)))
                .collect();
            let person = |login: &str| people.get(login).cloned().unwrap_or_else(|| login.to_string());
            let actor_width = rows.iter().map(|row| person(&row.actor).chars().count()).max().unwrap_or(16).max(16);
            let mut out = String::new();
            for row in rows {
                let place = match (&row.unit, &row.criterion) {
                    (Some(unit), Some(criterion)) => format!("{unit} {criterion}"),
                    (Some(unit), None) => unit.clone(),
                    _ => "-".into(),
                };
                let change = match (&row.field, &row.new_value, &row.old_value) {
                    (Some(field), new, old) if new.is_some() || old.is_some() => {
                        let shown = |value: Option<&str>| {
                            value.map_or_else(|| "—".to_string(), |v| field_value(field, v, store.regulation(), lang))
                        };
                        let name = field_name(field, store.regulation(), lang);
                        format!("{name}: {} → {}", shown(old.as_deref()), shown(new.as_deref()))
                    }
                    _ => unvalued_detail(&row.action, &row.detail, lang),
                };
                let reason = row.reason.as_deref().map(|r| say::audit_reason(lang, r)).unwrap_or_default();
                let action = crate::messages::audit_row_action(
                    &row.action,
                    row.field.as_deref(),
                    row.old_value.as_deref(),
                    store.regulation().leaders_name.as_deref(),
                    lang,
                );
                // One row, one line: a newline typed into a reason is shown as `\x0a`, not as a forged row.
                let line = format!(
                    "#{:<6} {} {:<actor_width$} {action:<width$} {place:<14} {change}{reason}",
                    row.id,
                    say::moment(lang, &row.at),
                    person(&row.actor)
                );
                out.push_str(&escape_line(&line));
                out.push('\n');
            }
            Ok(output::print(&out)?)
        }
    }
}
