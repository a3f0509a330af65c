//! The recorder: what every audited write leaves in the data tables, recorded in its audit row (the row hash
//! covers it). `audit verify` (`verify/`) replays these records; nothing here knows of it.
//!
//! A record is one JSON object per row: `{"table":"score","row":["stc","III.7","3",…]}`, the row's values in the
//! table's column order (as `SELECT *` gives them), or `{"table":"fact","key":["stc","discipline"],"row":null}` for
//! a row the write removed. The values are positional to keep the log small (an import of 100 000 rows records
//! 100 000 of them): a migration may add columns at the end of a table (older records then lack them, and the
//! columns take their defaults), but one that reorders, removes or rewrites columns must record a baseline of the
//! rows it leaves, as migration 5 does. Replaying the log in order gives the tables the log explains; any
//! difference from the database is a change made behind the program's back (raw SQL): a value the log never
//! wrote, a value different from the log's last word, or a row the log wrote that is gone.

use super::audit::{AuditAction, AuditTrail, Change};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, Result};
use std::fmt::Write as _;

/// Every data table `audit verify` compares, with its key columns.
pub const TABLES: &[(&str, &[&str])] = &[
    ("round", &["id"]),
    ("regulation_file", &["path"]),
    ("unit", &["code"]),
    ("council_user", &["name"]),
    ("score", &["unit", "criterion"]),
    ("leader_score", &["unit", "criterion", "leader"]),
    ("grade_override", &["unit", "criterion"]),
    ("fact", &["unit", "name"]),
    ("evidence", &["unit", "criterion", "reference"]),
    ("tie_order", &["bloc", "order_id", "position"]),
    ("comment", &["id"]),
    ("approval", &["bloc"]),
    ("rerating", &["id"]),
    ("submission", &["unit"]),
    ("round_setting", &["id"]),
    ("previous_level", &["unit"]),
    ("published_result", &["unit"]),
    ("document_file", &["id"]),
    ("paper_setting", &["kind"]),
    ("quota_exception", &["unit"]),
];

fn push_json_text(out: &mut String, text: &str) {
    out.push('"');
    let mut plain = 0;
    for (at, byte) in text.bytes().enumerate() {
        if byte >= 0x20 && byte != b'"' && byte != b'\\' {
            continue;
        }
        out.push_str(&text[plain..at]);
        plain = at + 1;
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            control => {
                let _ = write!(out, "\\u{control:04x}");
            }
        }
    }
    out.push_str(&text[plain..]);
    out.push('"');
}

fn push_json_value(out: &mut String, value: ValueRef<'_>) {
    match value {
        ValueRef::Integer(number) => {
            let _ = write!(out, "{number}");
        }
        ValueRef::Real(number) if number.is_finite() => {
            let _ = write!(out, "{number:?}");
        }
        // JSON has no NaN nor infinity.
        ValueRef::Null | ValueRef::Real(_) => out.push_str("null"),
        ValueRef::Text(bytes) => push_json_text(out, &String::from_utf8_lossy(bytes)),
        ValueRef::Blob(bytes) => push_json_text(out, &super::audit::hex(bytes)),
    }
}

/// The record of a row as a statement returned it (`RETURNING *` or `SELECT *`): every column, in table order.
pub fn row_state(table: &str, row: &rusqlite::Row<'_>) -> Result<String> {
    let mut out = String::with_capacity(192);
    out.push_str("{\"table\":");
    push_json_text(&mut out, table);
    out.push_str(",\"row\":[");
    for index in 0..row.as_ref().column_count() {
        if index > 0 {
            out.push(',');
        }
        push_json_value(&mut out, row.get_ref(index)?);
    }
    out.push_str("]}");
    Ok(out)
}

/// The record of a row a write removed.
pub fn removed_row(table: &str, key: &[Value]) -> String {
    let mut out = String::from("{\"table\":");
    push_json_text(&mut out, table);
    out.push_str(",\"key\":[");
    for (n, value) in key.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        push_json_value(&mut out, ValueRef::from(value));
    }
    out.push_str("],\"row\":null}");
    out
}

/// A key of text parts (most tables).
pub fn text_key(parts: &[&str]) -> Vec<Value> {
    parts.iter().map(|part| Value::Text((*part).to_string())).collect()
}

/// Migration 5: each row the tables already hold gets one `baseline` audit row recording it, marked as taken at
/// migration time (not a council decision), so the rows of a database from before are compared from then on.
pub(super) fn seal_baseline(tx: &Connection) -> Result<()> {
    let mut trail =
        AuditTrail::begin(tx, crate::domain::permissions::SERVICE_ACCOUNT, super::clock::Clock::from_env())?;
    for (table, keys) in TABLES {
        // Tables of later migrations do not exist yet when migration 5 runs.
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
            [table],
            |r| r.get(0),
        )?;
        if !exists {
            continue;
        }
        let order: Vec<String> = keys.iter().map(|k| format!("\"{k}\"")).collect();
        let mut statement = tx.prepare(&format!("SELECT * FROM \"{table}\" ORDER BY {}", order.join(", ")))?;
        let positions: Vec<usize> = keys.iter().filter_map(|k| statement.column_index(k).ok()).collect();
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let mut key = Vec::with_capacity(positions.len());
            for &position in &positions {
                key.push(shown(row.get_ref(position)?).unwrap_or_default());
            }
            let detail = format!(
                "baseline, taken at migration to schema 5: {table} ({}) as the database held it then (not a council decision)",
                key.join(", ")
            );
            trail.record(tx, Change::new(AuditAction::Baseline, detail).state(row_state(table, row)?))?;
        }
    }
    Ok(())
}

/// A value as a person reads it in a report: text, shortened past 80 characters; None for NULL.
pub(crate) fn shown(value: ValueRef<'_>) -> Option<String> {
    let text = match value {
        ValueRef::Null => return None,
        ValueRef::Integer(number) => number.to_string(),
        ValueRef::Real(number) => number.to_string(),
        ValueRef::Text(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        ValueRef::Blob(bytes) => super::audit::hex(bytes),
    };
    Some(match text.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    })
}
