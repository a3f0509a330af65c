//! `audit verify` beyond the chain: the replay of the log's records against the tables (`replay.rs`), the judgement
//! of each row against what the program would have allowed (`judge.rs`), and, for databases older than the records,
//! each value the log names field by field against its last word. It sits above the trail (`audit.rs`), the
//! recorder (`state.rs`), the migrations (`schema.rs`) and the seed, and none of them names it.

mod judge;
mod replay;

pub use judge::{Forged, ForgedWhy, TriggerProblem};
pub use replay::{Judgement, Logged, Unexplained};

use crate::store::Store;
use crate::store::error::Result;

impl Store {
    /// Compares every data table with what the audit log says it holds: the log's records of the rows each write
    /// left are replayed (a demo round's seeded values regenerated from its recipe) and compared with the tables
    /// (`replay.rs`). Then, for databases older than those records, every score, leader's score, grade override
    /// and fact the log names field by field is compared with the last value it wrote.
    pub fn audit_unexplained(&self) -> Result<Vec<Unexplained>> {
        Ok(self.audit_judgement()?.unexplained)
    }

    /// Everything `audit verify` checks beyond the chain: the tables against the log ([`Store::audit_unexplained`]),
    /// each row against what the program would have allowed when it was written (`judge.rs`), and the schema's
    /// triggers against the database's.
    pub fn audit_judgement(&self) -> Result<Judgement> {
        let mut judgement = self.replay_and_compare()?;
        let found = &mut judgement.unexplained;
        let reported: std::collections::HashSet<(String, String, String)> =
            found.iter().map(|u| (u.table.clone(), u.key.clone(), u.field.clone())).collect();
        for legacy in self.fields_unlike_the_log()? {
            if !reported.contains(&(legacy.table.clone(), legacy.key.clone(), legacy.field.clone())) {
                found.push(legacy);
            }
        }
        Ok(judgement)
    }

    /// Each score, leader's score, grade override and fact that an audit row names by field, compared with the last
    /// value the log wrote for it (what `audit verify` checked before every write recorded its rows).
    fn fields_unlike_the_log(&self) -> Result<Vec<Unexplained>> {
        type Key = (String, Option<String>, String);
        // The log and the tables read in one snapshot (dropped, so rolled back: nothing is written).
        let _snapshot = rusqlite::Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Deferred)?;
        let mut last: std::collections::HashMap<Key, Option<String>> = std::collections::HashMap::new();
        {
            let mut statement = self.conn.prepare(
                "SELECT unit, criterion, field, new_value FROM audit WHERE unit IS NOT NULL AND field IS NOT NULL ORDER BY id",
            )?;
            let mut rows = statement.query([])?;
            while let Some(row) = rows.next()? {
                last.insert((row.get(0)?, row.get(1)?, row.get(2)?), row.get(3)?);
            }
        }
        // Each value: the log's field for it (unit, criterion, field), what the table holds, and where it is.
        let mut statement = self.conn.prepare(
            "SELECT unit, criterion, 'appraised_score', appraised_score, 'score', unit || ', ' || criterion, 'appraised_score' FROM score
             UNION ALL SELECT unit, criterion, 'self_score', self_score, 'score', unit || ', ' || criterion, 'self_score' FROM score
             UNION ALL SELECT unit, criterion, 'grade', grade, 'grade_override', unit || ', ' || criterion, 'grade' FROM grade_override
             UNION ALL SELECT unit, criterion, 'leader_score:' || leader, score, 'leader_score',
                unit || ', ' || criterion || ', ' || leader, 'score' FROM leader_score
             UNION ALL SELECT unit, NULL, name, value, 'fact', unit || ', ' || name, 'value' FROM fact",
        )?;
        let mut rows = statement.query([])?;
        let mut unexplained = Vec::new();
        while let Some(row) = rows.next()? {
            let field: Key = (row.get(0)?, row.get(1)?, row.get(2)?);
            let value: Option<String> = row.get(3)?;
            // A value no row names is the replay's to judge (a seeded value, or one sealed at migration 5).
            if let Some(logged) = last.get(&field)
                && logged != &value
            {
                unexplained.push(Unexplained {
                    table: row.get(4)?,
                    key: row.get(5)?,
                    field: row.get(6)?,
                    recorded: value,
                    logged: Logged::Value(logged.clone()),
                });
            }
        }
        Ok(unexplained)
    }
}
