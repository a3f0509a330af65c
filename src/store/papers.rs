//! The store's part of the council's papers: why one was refused (the catalog, `messages::papers`, words it),
//! the regulation's stored `papers.toml`, and when each bloc was approved.

/// A paper refused, nothing written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaperRefusal {
    /// `export publication` publishes approved blocs only.
    #[error("no bloc is approved yet: the publication lists approved results only (thamdinh approve --bloc BLOC)")]
    NothingApproved,
    /// The regulation's `papers.toml` does not read.
    #[error("papers.toml of the regulation does not read: {why}")]
    SettingsInvalid {
        /// What does not read, as the TOML reader says it.
        why: String,
    },
    /// `export notice --all` writes into a folder.
    #[error("{folder}: not a folder; --all writes one notice per unit into a folder")]
    NotAFolder {
        /// The path given as `--out`.
        folder: String,
    },
    /// `export notice` names a unit or asks for all of them.
    #[error("name the unit (--unit CODE) or ask for every unit (--all --out FOLDER)")]
    NoticeOfWhom,
    /// A file `export verify` cannot read as a paper.
    #[error("{file}: not a paper thamdinh wrote (no check block): {why}")]
    NotAPaper {
        /// The file given.
        file: String,
        /// What is missing or does not match.
        why: String,
    },
    /// `round paper` with nothing to set.
    #[error("give --number N, --signer NAME and/or --issued DATE (`-` clears one)")]
    NoPaperSetting,
    /// A document number that is not one short token (`125`).
    #[error("document number {value:?} refused: {why:?}")]
    NumberNotValid {
        /// The number as typed.
        value: String,
        /// What is wrong with it.
        why: crate::store::paper_settings::NumberFault,
    },
    /// A signer's name that is not one line of a name's length.
    #[error("signer's name refused: {why}")]
    SignerNotValid {
        /// What is wrong with it.
        why: crate::domain::validate::TextRefusal,
    },
    /// A date of issue that is not a date.
    #[error("date of issue {value:?} is not a date ({})", crate::store::dates::DATE_RULE)]
    IssuedNotADate {
        /// The date as typed.
        value: String,
    },
}

impl crate::store::Store {
    /// The text of one of the regulation's files as stored in the round at `init` (`papers.toml`), if stored.
    pub fn regulation_file(&self, path: &str) -> super::error::Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT content FROM regulation_file WHERE path = ?1", [path], |row| row.get(0))
            .optional()?)
    }
}

/// A bloc's approval: when (UTC, `2026-12-05T02:14:00Z`) and by whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approval {
    /// The bloc approved.
    pub bloc: crate::domain::code::BlocCode,
    /// When, in UTC (`2026-12-05T02:14:00Z`); the papers show it in Vietnam's time.
    pub approved_at: String,
    /// The chairman's login.
    pub actor: String,
}

impl crate::store::Store {
    /// Every approved bloc with its approval.
    pub fn approvals(&self) -> super::error::Result<Vec<Approval>> {
        let mut statement = self.conn.prepare("SELECT bloc, approved_at, actor FROM approval ORDER BY bloc")?;
        let rows = statement
            .query_map([], |row| Ok(Approval { bloc: row.get(0)?, approved_at: row.get(1)?, actor: row.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
