//! The uploads refused to each user over SFTP, kept so the person learns why: the OpenSSH clients (`sftp`, `scp`)
//! show only a reply's code (*Failure*), and sshd drops what the program writes to standard error in a file session.
//! A refusal stores nothing of the file and leaves the audit log as it was; this small table holds only the path the
//! user sent, when, and the reason (which quotes only what the user sent), each user's last [`KEPT_PER_USER`].

use super::Store;
use super::error::Result;

/// How many refusals each user keeps; older ones are dropped as new ones come.
pub const KEPT_PER_USER: i64 = 20;
/// How long a refusal is shown on the unit's screen (the note in the folder keeps them all).
pub const SHOWN_DAYS: i64 = 7;

/// One refused upload, as its user reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadRefusal {
    /// When, as stored (UTC, `2026-12-07T01:43:00Z`).
    pub at: String,
    /// The path in the user's folder, as the user sent it (`/stc/I.1/gia.pdf`).
    pub path: String,
    /// Why, in Vietnamese.
    pub reason: String,
    /// Why, in English.
    pub reason_en: String,
}

impl Store {
    /// Keeps a refused upload of this session's user (not audited: nothing was stored), dropping the user's older
    /// ones beyond [`KEPT_PER_USER`].
    pub fn record_upload_refusal(&self, path: &str, reason: &str, reason_en: &str) -> Result<()> {
        let tx = self.write_transaction()?;
        let user = &self.actor.name;
        tx.execute(
            "INSERT INTO upload_refusal (user, at, path, reason, reason_en) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![user, self.clock.stored_now_seconds(), path, reason, reason_en],
        )?;
        tx.execute(
            "DELETE FROM upload_refusal WHERE user = ?1 AND id NOT IN
             (SELECT id FROM upload_refusal WHERE user = ?1 ORDER BY id DESC LIMIT ?2)",
            rusqlite::params![user, KEPT_PER_USER],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// This session's user's refused uploads, newest first (never another user's).
    pub fn upload_refusals(&self) -> Result<Vec<UploadRefusal>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT at, path, reason, reason_en FROM upload_refusal WHERE user = ?1 ORDER BY id DESC",
        )?;
        let rows = statement.query_map([&self.actor.name], |r| {
            Ok(UploadRefusal { at: r.get(0)?, path: r.get(1)?, reason: r.get(2)?, reason_en: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// This session's user's refused uploads of the last [`SHOWN_DAYS`] days, newest first: what its screen shows.
    pub fn recent_upload_refusals(&self) -> Result<Vec<UploadRefusal>> {
        let now = self.clock.now_utc();
        let since = now.checked_sub(jiff::SignedDuration::from_hours(24 * SHOWN_DAYS)).unwrap_or(now);
        let since = since.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        Ok(self.upload_refusals()?.into_iter().filter(|r| r.at >= since).collect())
    }
}
