//! The audit trail: every write appended with who, when, what, old → new and reason, each row
//! chained to the one before by SHA-256, so a changed or removed row is found by `audit verify`.

use super::Store;
pub use super::action::{AppraisalTransition, AuditAction, ImportKind};
use super::error::Result;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

/// The log's columns in [`AuditRow`]'s order: what the trail writes and [`read_row`] reads.
macro_rules! audit_columns {
    () => {
        "id, at, actor, action, unit, criterion, field, old_value, new_value, reason, detail, prev_hash, hash, state"
    };
}

/// One row of the audit log as stored. Its fields are the log's columns, listed once: a [`Change`] is one of these
/// before the trail fills in who, when and the chain.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct AuditRow {
    pub id: i64,
    /// UTC, `2026-11-22T09:14:03.512Z`.
    pub at: String,
    pub actor: String,
    /// The action's slug as stored ([`AuditAction::slug`]); [`AuditRow::kind`] reads it.
    pub action: String,
    pub unit: Option<String>,
    pub criterion: Option<String>,
    /// Which value changed: `appraised_score`, `self_score`, a fact's name, …
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
    /// The sentence a person reads.
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
    /// The rows of the data tables as this write left them (schema 5 on): a JSON array of
    /// `{"table": …, "key": […], "row": {column: value, …}}`, `"row": null` for a removed row. The hash covers it,
    /// and `audit verify` replays these into an empty copy of the tables and compares it with the real ones.
    pub state: Option<String>,
}

impl AuditRow {
    /// The action this row records; None for a slug this program does not know (written by a newer one).
    pub fn kind(&self) -> Option<AuditAction> {
        AuditAction::from_slug(&self.action)
    }
}

/// What one audit row says: the row's own fields (unit, criterion, field, old and new value, reason, sentence), the
/// action, and the data rows it left; the trail adds who, when and the chain.
#[derive(Debug, Clone)]
#[must_use = "a change is written only when it is passed to the audit trail"]
pub struct Change {
    /// What the row records.
    pub action: AuditAction,
    /// The row as this change says it; `id`, `at`, `actor`, `action`, the hashes and `state` are the trail's.
    pub said: AuditRow,
    /// The rows this change left, each as [`row_state`] or [`removed_row`] wrote it.
    pub states: Vec<String>,
}

impl Change {
    /// A change of `action`, with the sentence a person reads.
    pub fn new(action: AuditAction, detail: impl Into<String>) -> Change {
        Change { action, said: AuditRow { detail: detail.into(), ..AuditRow::default() }, states: Vec::new() }
    }

    /// The unit it is about, and the criterion or component when it is about one.
    pub fn on(mut self, unit: &str, criterion: Option<&str>) -> Change {
        self.said.unit = Some(unit.to_string());
        self.said.criterion = criterion.map(str::to_string);
        self
    }

    /// The value it changed: which, from what, to what (None: absent).
    pub fn value(mut self, field: &str, old: Option<String>, new: Option<String>) -> Change {
        self.said.field = Some(field.to_string());
        self.said.old_value = old;
        self.said.new_value = new;
        self
    }

    /// Records what a row of a data table holds after this change (or that it is gone).
    pub fn state(mut self, state: String) -> Change {
        self.states.push(state);
        self
    }

    /// Records several rows' states, as [`Change::state`] does one.
    pub fn states(mut self, states: impl IntoIterator<Item = String>) -> Change {
        self.states.extend(states);
        self
    }

    /// The reason a person gave, trimmed; an empty one records none.
    pub fn because(mut self, reason: &str) -> Change {
        if !reason.trim().is_empty() {
            self.said.reason = Some(reason.trim().to_string());
        }
        self
    }
}

/// The hash of a row: SHA-256 over its fields and the previous row's hash, each field written as a marker
/// (absent or present), its length in bytes and its bytes, so no two different rows can hash alike.
pub fn row_hash(row: &AuditRow) -> String {
    let mut hasher = Sha256::new();
    let mut field = |value: Option<&str>| match value {
        None => hasher.update([0u8]),
        Some(text) => {
            hasher.update([1u8]);
            hasher.update((text.len() as u64).to_le_bytes());
            hasher.update(text.as_bytes());
        }
    };
    field(Some(&row.id.to_string()));
    field(Some(&row.at));
    field(Some(&row.actor));
    field(Some(&row.action));
    field(row.unit.as_deref());
    field(row.criterion.as_deref());
    field(row.field.as_deref());
    field(row.old_value.as_deref());
    field(row.new_value.as_deref());
    field(row.reason.as_deref());
    field(Some(&row.detail));
    field(Some(&row.prev_hash));
    // Rows written before schema 5 have no state: their hash stays what it was.
    if let Some(state) = &row.state {
        field(Some(state));
    }
    hex(&hasher.finalize())
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
    text
}

/// Appends rows inside one write transaction (which must be IMMEDIATE, so the chain's head cannot move under it).
pub(super) struct AuditTrail {
    actor: String,
    at: String,
    next_id: i64,
    prev_hash: String,
    /// The rows this trail has written.
    pub recorded: usize,
}

impl AuditTrail {
    pub fn begin(conn: &Connection, actor: &str, clock: super::clock::Clock) -> Result<AuditTrail> {
        // Cached statements: a session saving one appraisal after another parses them once.
        let at = clock.stored_now();
        let head: Option<(i64, String)> = conn
            .prepare_cached("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (last_id, prev_hash) = head.unwrap_or((0, String::new()));
        Ok(AuditTrail { actor: actor.to_string(), at, next_id: last_id + 1, prev_hash, recorded: 0 })
    }

    pub fn record(&mut self, conn: &Connection, change: Change) -> Result<()> {
        let mut row = AuditRow {
            id: self.next_id,
            at: self.at.clone(),
            actor: self.actor.clone(),
            action: change.action.slug().to_string(),
            prev_hash: std::mem::take(&mut self.prev_hash),
            hash: String::new(),
            state: (!change.states.is_empty()).then(|| format!("[{}]", change.states.join(","))),
            ..change.said
        };
        row.hash = row_hash(&row);
        conn.prepare_cached(concat!(
            "INSERT INTO audit (",
            audit_columns!(),
            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
        ))?
        .execute(params![
            row.id,
            row.at,
            row.actor,
            row.action,
            row.unit,
            row.criterion,
            row.field,
            row.old_value,
            row.new_value,
            row.reason,
            row.detail,
            row.prev_hash,
            row.hash,
            row.state
        ])?;
        self.next_id += 1;
        self.prev_hash = row.hash;
        self.recorded += 1;
        Ok(())
    }

    /// An import's summary row, written only when the rows it sums up changed something (`since`: the trail's
    /// count before them): an import that changes nothing leaves no row. Returns how many changed.
    pub fn record_summary(&mut self, conn: &Connection, since: usize, change: Change) -> Result<usize> {
        let changed = self.recorded - since;
        if changed > 0 {
            self.record(conn, change)?;
        }
        Ok(changed)
    }
}

fn read_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<AuditRow> {
    Ok(AuditRow {
        id: row.get(0)?,
        at: row.get(1)?,
        actor: row.get(2)?,
        action: row.get(3)?,
        unit: row.get(4)?,
        criterion: row.get(5)?,
        field: row.get(6)?,
        old_value: row.get(7)?,
        new_value: row.get(8)?,
        reason: row.get(9)?,
        detail: row.get(10)?,
        prev_hash: row.get(11)?,
        hash: row.get(12)?,
        state: row.get(13)?,
    })
}

/// The log's columns as [`read_row`] reads them.
const COLUMNS: &str = audit_columns!();

/// Migration 4: rows written before the chain existed get their hashes, in order.
pub(super) fn seal_legacy_rows(tx: &Connection) -> Result<()> {
    let rows: Vec<AuditRow> = {
        // The state column comes with schema 5.
        let mut statement = tx.prepare(
            "SELECT id, at, actor, action, unit, criterion, field, old_value, new_value, reason, detail, prev_hash, hash, NULL
             FROM audit ORDER BY id",
        )?;
        statement.query_map([], read_row)?.collect::<rusqlite::Result<_>>()?
    };
    let mut prev_hash = String::new();
    for mut row in rows {
        row.prev_hash = prev_hash;
        row.hash = row_hash(&row);
        tx.execute(
            "UPDATE audit SET prev_hash = ?1, hash = ?2 WHERE id = ?3",
            params![row.prev_hash, row.hash, row.id],
        )?;
        prev_hash = row.hash;
    }
    Ok(())
}

/// The result of checking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainCheck {
    /// Every row matches its hash and links to the one before.
    Intact { rows: i64, head: Option<String> },
    /// The first row where the chain breaks, and how.
    Broken { row: i64, problem: ChainBreak },
}

/// How the chain breaks at a row (the English words here; the catalog words it in Vietnamese).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    #[error("rows {from}–{to} are missing: removed from the log")]
    Missing { from: i64, to: i64 },
    #[error("row {row} is out of order")]
    OutOfOrder { row: i64 },
    #[error("it does not link to the row before it: a row before it was changed, removed or replaced")]
    Unlinked,
    #[error(
        "its content ({action} by {actor} at {at}: {detail}) does not match its hash: it was changed after it was written"
    )]
    Altered { action: String, actor: String, at: String, detail: String },
}

/// Checks a sequence of rows, oldest first.
pub fn check_chain(rows: impl IntoIterator<Item = AuditRow>) -> ChainCheck {
    let mut prev_hash = String::new();
    let mut count = 0;
    for (expected_id, row) in (1..).zip(rows) {
        if row.id != expected_id {
            let problem = if row.id > expected_id {
                ChainBreak::Missing { from: expected_id, to: row.id - 1 }
            } else {
                ChainBreak::OutOfOrder { row: row.id }
            };
            return ChainCheck::Broken { row: row.id, problem };
        }
        if row.prev_hash != prev_hash {
            return ChainCheck::Broken { row: row.id, problem: ChainBreak::Unlinked };
        }
        if row_hash(&row) != row.hash {
            return ChainCheck::Broken {
                row: row.id,
                problem: ChainBreak::Altered {
                    action: row.action.clone(),
                    actor: row.actor.clone(),
                    at: row.at.clone(),
                    detail: row.detail.clone(),
                },
            };
        }
        prev_hash = row.hash;
        count += 1;
    }
    ChainCheck::Intact { rows: count, head: (count > 0).then_some(prev_hash) }
}

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
    pub units: std::collections::BTreeSet<String>,
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
            match (row.get::<_, Option<String>>(1)?, action) {
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
