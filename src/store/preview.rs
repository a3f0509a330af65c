//! A write tried in a transaction that is rolled back: what an import would change (the secretary's desk shows it
//! before the import is confirmed), counted by comparing the round's values before and after.

use super::{Result, Store};
use rusqlite::{Connection, Transaction};
use std::collections::BTreeMap;

/// One write transaction: the file's own, or, inside a preview, a savepoint of the preview's transaction.
pub(crate) enum WriteTx<'c> {
    /// An ordinary write: its own immediate transaction, committed for real.
    Top(Transaction<'c>),
    /// A write inside a preview: a savepoint of the preview's transaction, which is rolled back whole.
    Nested(Savepoint<'c>),
}

/// A savepoint released into the preview's transaction on commit, rolled back if dropped before.
pub(crate) struct Savepoint<'c> {
    conn: &'c Connection,
    done: bool,
}

const SAVEPOINT: &str = "thamdinh_write";

impl<'c> WriteTx<'c> {
    pub(super) fn nested(conn: &'c Connection) -> Result<WriteTx<'c>> {
        conn.execute_batch(&format!("SAVEPOINT {SAVEPOINT}"))?;
        Ok(WriteTx::Nested(Savepoint { conn, done: false }))
    }

    /// Commits the write (into the preview's transaction when it is one).
    pub fn commit(self) -> Result<()> {
        match self {
            WriteTx::Top(tx) => Ok(tx.commit()?),
            WriteTx::Nested(mut savepoint) => {
                savepoint.conn.execute_batch(&format!("RELEASE {SAVEPOINT}"))?;
                savepoint.done = true;
                Ok(())
            }
        }
    }
}

impl std::ops::Deref for WriteTx<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        match self {
            WriteTx::Top(tx) => tx,
            WriteTx::Nested(savepoint) => savepoint.conn,
        }
    }
}

impl Drop for Savepoint<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = self.conn.execute_batch(&format!("ROLLBACK TO {SAVEPOINT}; RELEASE {SAVEPOINT}"));
        }
    }
}

/// What a preview counts: the kinds of values an import writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    /// Units (code, name, bloc, group).
    Units,
    /// The units' self-scores.
    SelfScores,
    /// The units' explanations of their self-scores.
    Explanations,
    /// Components marked not applicable.
    NotApplicable,
    /// The council's appraised scores.
    Appraisals,
    /// The council's deduction reasons.
    Reasons,
    /// The provincial leaders' own scores of group I components.
    LeaderScores,
    /// The chairman's criterion grade overrides.
    Grades,
    /// The units' facts (discipline, outstanding …).
    Facts,
    /// The documents cited as evidence.
    Evidence,
}

/// How many values of one kind an import adds, changes and removes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeCount {
    /// The kind of value.
    pub item: Item,
    /// Values the import adds where none was.
    pub new: usize,
    /// Values it replaces with another.
    pub changed: usize,
    /// Values it clears.
    pub removed: usize,
}

/// A write tried and rolled back: what it returned, and what it would change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview<T> {
    /// What the write returned (as if it had been kept).
    pub outcome: T,
    /// Only the kinds with a change, in `Item` order.
    pub changes: Vec<ChangeCount>,
}

/// Each kind of value as (key, value) rows.
const WATCHED: &[(Item, &str)] = &[
    (Item::Units, "SELECT code, name || char(31) || bloc || char(31) || coalesce(unit_group, '') FROM unit"),
    (Item::SelfScores, "SELECT unit || '/' || criterion, self_score FROM score WHERE self_score IS NOT NULL"),
    (Item::Explanations, "SELECT unit || '/' || criterion, explanation FROM score WHERE explanation <> ''"),
    (Item::NotApplicable, "SELECT unit || '/' || criterion, 'no' FROM score WHERE applicable = 0"),
    (Item::Appraisals, "SELECT unit || '/' || criterion, appraised_score FROM score WHERE appraised_score IS NOT NULL"),
    (Item::Reasons, "SELECT unit || '/' || criterion, deduction_reason FROM score WHERE deduction_reason <> ''"),
    (
        Item::LeaderScores,
        "SELECT unit || '/' || criterion || '/' || leader, score || char(31) || deduction_reason FROM leader_score",
    ),
    (Item::Grades, "SELECT unit || '/' || criterion, grade || char(31) || reason FROM grade_override"),
    (Item::Facts, "SELECT unit || '/' || name, value FROM fact"),
    (
        Item::Evidence,
        "SELECT unit || '/' || criterion || '/' || reference, title || char(31) || issued_on FROM evidence",
    ),
];

type Values = Vec<BTreeMap<String, String>>;

fn values(conn: &Connection) -> Result<Values> {
    WATCHED
        .iter()
        .map(|(_, sql)| {
            let mut statement = conn.prepare_cached(sql)?;
            let rows = statement.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<BTreeMap<_, _>>>()?)
        })
        .collect()
}

fn compare(before: &Values, after: &Values) -> Vec<ChangeCount> {
    WATCHED
        .iter()
        .zip(before.iter().zip(after))
        .map(|((item, _), (before, after))| {
            let new = after.keys().filter(|key| !before.contains_key(*key)).count();
            let removed = before.keys().filter(|key| !after.contains_key(*key)).count();
            let changed = after.iter().filter(|(key, value)| before.get(*key).is_some_and(|old| old != *value)).count();
            ChangeCount { item: *item, new, changed, removed }
        })
        .filter(|count| count.new + count.changed + count.removed > 0)
        .collect()
}

impl Store {
    /// Runs `write` in a transaction that is always rolled back: its outcome, and the values it would add,
    /// change and remove. The writes inside are checked and audited as for real (their audit rows go too).
    pub fn preview<T>(&mut self, write: impl FnOnce(&mut Store) -> Result<T>) -> Result<Preview<T>> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let tried = values(&self.conn).and_then(|before| {
            let outcome = write(self)?;
            let after = values(&self.conn)?;
            Ok(Preview { outcome, changes: compare(&before, &after) })
        });
        self.conn.execute_batch("ROLLBACK")?;
        tried
    }
}
