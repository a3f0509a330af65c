//! Refusals of the trust guards (files written and read, backups): typed here, worded in `messages::trust`.

/// A file the program will not write or read, or a backup that did not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrustRefused {
    /// A destination that exists and is not a regular file (a device, a FIFO, a folder), `--force` or not.
    #[error(
        "{file}: not a regular file (a device, a pipe or a folder); a file is written only as a new or regular file, --force or not"
    )]
    NotRegularFile {
        /// The destination as given.
        file: String,
    },
    /// An input that is not a regular file (`/dev/zero`, a FIFO, a folder).
    #[error("{file}: not a regular file (a device, a pipe or a folder); give a file")]
    InputNotRegularFile {
        /// The input as given.
        file: String,
    },
    /// An input file above the size bound.
    #[error("{file}: larger than {} MB; an input file is read only up to that size", limit >> 20)]
    InputTooLarge {
        /// The input as given.
        file: String,
        /// The bound, in bytes.
        limit: u64,
    },
    /// A quoted CSV field that is never closed: it would swallow every row after it.
    #[error(
        "{file}:{line}: a quote (\") opens here and is never closed; close it, or the rows after it would be read as its text"
    )]
    CsvQuoteOpen {
        /// The CSV file.
        file: String,
        /// The line the quote opens on.
        line: u64,
    },
    /// A line break inside a cell of a column that is not text (only explanation, reason and title may span lines).
    #[error(
        "{file}:{line}: column {column}: a line break inside the cell (a quote left open?); only explanation, reason and title may span lines"
    )]
    CsvLineBreak {
        /// The CSV file.
        file: String,
        /// The line the cell starts on.
        line: u64,
        /// The column's name in the header.
        column: String,
    },
    /// A `leader` cell naming no user with the leader role.
    #[error(
        "{file}:{line}: column leader: {leader:?} is not {} of this round (the name or full name of a user with the leader role; see `thamdinh user list`)",
        leaders.as_ref().map_or_else(|| "a provincial leader".to_string(), |name| format!("one of the leaders ({name})"))
    )]
    NotALeader {
        /// The CSV file.
        file: String,
        /// The row's line.
        line: u64,
        /// The cell as written.
        leader: String,
        /// The regulation's words for the leaders (`leaders_name`); None: the seeds'.
        leaders: Option<String>,
    },
    /// A backup's destination that exists: a backup never replaces a file.
    #[error("{file}: the file already exists; a backup is always a new file: choose another name")]
    BackupExists {
        /// The destination as given.
        file: String,
    },
    /// A backup copy whose check failed: it was removed.
    #[error("{file}: the copy did not verify ({why}); it was removed, the database is untouched")]
    BackupNotVerified {
        /// The copy, now removed.
        file: String,
        /// What failed: SQLite's integrity check, the audit chain or a table against the log, or the copy itself.
        why: String,
    },
}

impl From<TrustRefused> for super::StoreError {
    fn from(why: TrustRefused) -> super::StoreError {
        super::StoreError::Trust(Box::new(why))
    }
}

impl super::Store {
    /// Writes a unit's focal person's refused attempt to the audit log: who (this session's user), what (the
    /// command, `import scores`), when (the row's time), never the values it tried. Other roles: nothing.
    pub fn record_refused_attempt(&self, what: &str) -> super::Result<()> {
        if self.actor.role != crate::domain::permissions::Role::Unit {
            return Ok(());
        }
        let tx = self.write_transaction()?;
        let mut change = super::audit::Change::new(
            super::audit::AuditAction::Refused,
            format!("{} ({}) refused: {what}", self.actor.name, self.actor.unit.as_deref().unwrap_or("-")),
        )
        .value("attempt", None, Some(what.to_string()));
        change.said.unit = self.actor.unit.as_ref().map(ToString::to_string);
        self.audit_trail(&tx)?.record(&tx, change)?;
        tx.commit()?;
        Ok(())
    }
}
