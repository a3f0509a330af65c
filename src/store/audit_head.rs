//! The head of the audit log: the hash that ties an exported sheet to the state of the database it came from.

use super::Store;
use super::error::Result;
use rusqlite::OptionalExtension;
use sha2::{Digest, Sha256};

impl Store {
    /// The hash of the newest audit row (the head of the chain); None for an empty log.
    pub fn audit_head(&self) -> Result<Option<String>> {
        // Replaced on merge by the hash chain of issue 4.
        let newest: Option<(i64, String, String, String, String)> = self
            .conn
            .query_row("SELECT id, at, actor, action, detail FROM audit ORDER BY id DESC LIMIT 1", [], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
            })
            .optional()?;
        Ok(newest.map(|(id, at, actor, action, detail)| {
            let digest = Sha256::digest(format!("{id}|{at}|{actor}|{action}|{detail}").as_bytes());
            digest.iter().map(|byte| format!("{byte:02x}")).collect()
        }))
    }
}
