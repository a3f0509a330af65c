//! Reading the audit log back: the history, its head, the chain's check, and what changed since a given row.

use super::Store;
use super::audit::{AuditAction, AuditRow, COLUMNS, ChainCheck, check_chain, read_row};
use super::error::Result;
use rusqlite::{OptionalExtension, params};

impl Store {
    /// Recomputes the whole chain.
    pub fn audit_verify(&self) -> Result<ChainCheck> {
        let mut statement = self.conn.prepare(&format!("SELECT {COLUMNS} FROM audit ORDER BY id"))?;
        let rows = statement.query_map([], read_row)?;
        let mut collected = Vec::new();
        for row in rows {
            collected.push(row?);
        }
        Ok(check_chain(collected))
    }

    /// The history, oldest first; optionally of one unit, and of one criterion or component of it.
    /// A criterion also matches its components (`I` matches `I.1`, `I.2`, …).
    pub fn audit_log(&self, unit: Option<&str>, criterion: Option<&str>) -> Result<Vec<AuditRow>> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM audit
             WHERE (?1 IS NULL OR unit = ?1)
               AND (?2 IS NULL OR criterion = ?2 OR criterion LIKE ?2 || '.%')
             ORDER BY id"
        ))?;
        let rows = statement.query_map(params![unit, criterion], read_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The row whose hash is `head` (a head recorded outside the database), if the log holds it. With the chain
    /// intact, a row with that hash proves that no row up to it was changed or removed since it was recorded: its
    /// hash covers its content and, through `prev_hash`, every row before it.
    pub fn audit_row_of_head(&self, head: &str) -> Result<Option<i64>> {
        let head = head.trim().to_ascii_lowercase();
        Ok(self.conn.query_row("SELECT id FROM audit WHERE hash = ?1", [head], |r| r.get(0)).optional()?)
    }

    /// The hash of the newest audit row (the head of the chain); None for an empty log.
    pub fn audit_head(&self) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT hash FROM audit ORDER BY id DESC LIMIT 1", [], |r| r.get(0)).optional()?)
    }
}

/// What the log says changed after a given row: the units touched, or that the round must be read whole
/// (a tie order, an approval, a user, a new unit …). The interface reads only those units again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangesSince {
    /// The newest row's id (the next call starts after it).
    pub last_id: i64,
    /// The units whose rows changed.
    pub units: std::collections::BTreeSet<crate::domain::code::UnitCode>,
    /// Something beyond single units changed: read the round whole.
    pub whole_round: bool,
}

impl Store {
    /// The id of the newest audit row (0 for an empty log).
    pub fn audit_last_id(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT COALESCE(MAX(id), 0) FROM audit", [], |r| r.get(0))?)
    }

    /// The changes recorded after row `after`.
    pub fn changes_since(&self, after: i64) -> Result<ChangesSince> {
        let mut changes = ChangesSince { last_id: after, ..ChangesSince::default() };
        let mut statement = self.conn.prepare_cached("SELECT id, unit, action FROM audit WHERE id > ?1 ORDER BY id")?;
        let mut rows = statement.query([after])?;
        while let Some(row) = rows.next()? {
            changes.last_id = row.get(0)?;
            let action = AuditAction::from_slug(&row.get::<_, String>(2)?);
            match (row.get::<_, Option<crate::domain::code::UnitCode>>(1)?, action) {
                (Some(unit), action) if action.is_none_or(AuditAction::changes_one_unit) => {
                    changes.units.insert(unit);
                }
                // An import's summary row: its values have rows of their own.
                (None, Some(AuditAction::Import(_))) => {}
                _ => changes.whole_round = true,
            }
        }
        Ok(changes)
    }
}
