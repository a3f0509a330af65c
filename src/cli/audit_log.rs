//! `thamdinh audit verify|log`: checking the hash chain and reading the history.

use super::AuditCommand;
use super::output;
use crate::domain::text::escape_line;
use crate::store::audit::ChainCheck;
use crate::store::{Store, StoreError};

pub fn run(store: &Store, command: AuditCommand) -> Result<(), StoreError> {
    match command {
        AuditCommand::Verify { head: recorded } => match store.audit_verify()? {
            ChainCheck::Intact { rows, head } => {
                output::line(format!("{}: audit log intact: {rows} rows", store.path().display()))?;
                output::line(format!("head: {}", head.as_deref().unwrap_or("(empty)")))?;
                if let Some(recorded) = recorded {
                    match store.audit_row_of_head(&recorded)? {
                        Some(row) => output::line(format!(
                            "recorded head {recorded} is row {row} of {rows}: nothing up to it was changed or removed since it was recorded"
                        ))?,
                        None => {
                            return Err(StoreError::Refused(format!(
                                "{}: the recorded head {recorded} is not in this audit log: since it was recorded, rows were removed from the end of the log, or the log was rewritten and its hashes recomputed",
                                store.path().display()
                            )));
                        }
                    }
                }
                let unexplained = store.audit_unexplained()?;
                if unexplained.is_empty() {
                    output::line("every row of every table is what the audit log last wrote")?;
                    return Ok(());
                }
                let shown: Vec<String> =
                    unexplained.iter().take(20).map(|u| format!("  {}", escape_line(&u.to_string()))).collect();
                Err(StoreError::Refused(format!(
                    "{}: {} recorded values are not what the audit log last wrote (changed outside the program):\n{}{}",
                    store.path().display(),
                    unexplained.len(),
                    shown.join("\n"),
                    if unexplained.len() > 20 { "\n  …" } else { "" }
                )))
            }
            ChainCheck::Broken { row, problem } => Err(StoreError::Refused(format!(
                "{}: audit log BROKEN at row {row}: {problem}",
                store.path().display()
            ))),
        },
        AuditCommand::Log { unit, criterion } => {
            let rows = store.audit_log(unit.as_deref(), criterion.as_deref())?;
            if rows.is_empty() {
                eprintln!("{}: no audit rows match", escape_line(&store.path().display().to_string()));
            }
            let mut out = String::new();
            for row in rows {
                let place = match (&row.unit, &row.criterion) {
                    (Some(unit), Some(criterion)) => format!("{unit} {criterion}"),
                    (Some(unit), None) => unit.clone(),
                    _ => "-".into(),
                };
                let change = match (&row.field, &row.new_value, &row.old_value) {
                    (Some(field), new, old) if new.is_some() || old.is_some() => {
                        format!("{field}: {} → {}", old.as_deref().unwrap_or("—"), new.as_deref().unwrap_or("—"))
                    }
                    _ => row.detail.clone(),
                };
                let reason = row.reason.as_deref().map(|r| format!("  reason: {r}")).unwrap_or_default();
                // One row, one line: a newline typed into a reason is shown as `\x0a`, not as a forged row.
                let line = format!(
                    "#{:<6} {} {:<16} {:<14} {:<14} {change}{reason}",
                    row.id, row.at, row.actor, row.action, place
                );
                out.push_str(&escape_line(&line));
                out.push('\n');
            }
            Ok(output::print(&out)?)
        }
    }
}
