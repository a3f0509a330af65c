//! The audit trail: every write appended with who, when, what, old → new and reason, each row
//! chained to the one before by SHA-256, so a changed or removed row is found by `audit verify`. The trail names
//! no other file of the store but the actions and the clock: its errors are SQLite's, and reading the log back is
//! `history.rs`.

pub use super::action::{AppraisalTransition, AuditAction, ImportKind};
use crate::domain::code::UnitCode;
use rusqlite::{Connection, OptionalExtension, Result, params};
use sha2::{Digest, Sha256};

/// One row of the audit log as stored. Its fields are the log's columns, listed once: a [`Change`] is one of these
/// before the trail fills in who, when and the chain.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct AuditRow {
    /// Its place in the chain, from 1 with no gap.
    pub id: i64,
    /// UTC, `2026-11-22T09:14:03.512Z`.
    pub at: String,
    /// Who wrote it: a user's login, or the service account.
    pub actor: String,
    /// The action's slug as stored ([`AuditAction::slug`]); [`AuditRow::kind`] reads it.
    pub action: String,
    /// The unit it is about, when it is about one.
    pub unit: Option<String>,
    /// The criterion or component it is about, when it is about one.
    pub criterion: Option<String>,
    /// Which value changed: `appraised_score`, `self_score`, a fact's name, …
    pub field: Option<String>,
    /// The value before (None: there was none).
    pub old_value: Option<String>,
    /// The value after (None: removed or cleared).
    pub new_value: Option<String>,
    /// The reason a person gave.
    pub reason: Option<String>,
    /// The sentence a person reads.
    pub detail: String,
    /// The hash of the row before it (empty for the first).
    pub prev_hash: String,
    /// Its own hash ([`row_hash`]), over its fields and `prev_hash`.
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
    /// The rows this change left, each as [`row_state`](crate::store::state::row_state) or
    /// [`removed_row`](crate::store::state::removed_row) wrote it.
    pub states: Vec<String>,
}

impl Change {
    /// A change of `action`, with the sentence a person reads.
    pub fn new(action: AuditAction, detail: impl Into<String>) -> Change {
        Change { action, said: AuditRow { detail: detail.into(), ..AuditRow::default() }, states: Vec::new() }
    }

    /// The unit it is about, and the criterion or component when it is about one.
    pub fn on(mut self, unit: &UnitCode, criterion: Option<&str>) -> Change {
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

/// Bytes as lowercase hexadecimal, two digits a byte (the hashes as stored).
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
    /// A trail that appends after the log's head, stamping every row with `actor` and the clock's time now.
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

    /// Appends one row: `change` stamped with the trail's actor and time, chained to the row before.
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
        conn.prepare_cached(
            "INSERT INTO audit (id, at, actor, action, unit, criterion, field, old_value, new_value, reason, detail, prev_hash, hash, state)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )?
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

pub(super) fn read_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<AuditRow> {
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

/// The log's columns as [`read_row`] reads them (in [`AuditRow`]'s order).
pub(super) const COLUMNS: &str =
    "id, at, actor, action, unit, criterion, field, old_value, new_value, reason, detail, prev_hash, hash, state";

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
    Intact {
        /// How many rows the log holds.
        rows: i64,
        /// The newest row's hash; None for an empty log.
        head: Option<String>,
    },
    /// The first row where the chain breaks, and how.
    Broken {
        /// The row's id.
        row: i64,
        /// How it breaks there.
        problem: ChainBreak,
    },
}

/// How the chain breaks at a row (the English words here; the catalog words it in Vietnamese).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    #[error("rows {from}–{to} are missing: removed from the log")]
    /// Rows are missing before this one.
    Missing {
        /// The first id missing.
        from: i64,
        /// The last id missing.
        to: i64,
    },
    #[error("row {row} is out of order")]
    /// An id repeats or goes back.
    OutOfOrder {
        /// The row's id.
        row: i64,
    },
    #[error("it does not link to the row before it: a row before it was changed, removed or replaced")]
    /// Its `prev_hash` is not the hash of the row before.
    Unlinked,
    #[error(
        "its content ({action} by {actor} at {at}: {detail}) does not match its hash: it was changed after it was written"
    )]
    /// Its content no longer gives its hash.
    Altered {
        /// The row's action, as stored now.
        action: String,
        /// Its actor, as stored now.
        actor: String,
        /// Its time, as stored now.
        at: String,
        /// Its sentence, as stored now.
        detail: String,
    },
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
