//! The SQLite store: one round (regulation + year) per database file, migrations, imports and the round's data.
//!
//! How the files depend on each other (`tests/store_graph.rs` reads the imports and holds this):
//! - the trail (`audit.rs`, `action.rs`) names only the clock; the recorder (`state.rs`) only the trail: their
//!   errors are SQLite's, so every write reaches them and they reach nothing back;
//! - the migrations (`schema.rs`) name the trail and the recorder (migrations 4 and 5 seal the log);
//! - `audit verify` (`verify/`: the replay, the judgement of each row) sits above them all and the seed, and only
//!   this file names it;
//! - the shapes the files share live in `rows.rs` and `dates.rs`, so nobody names `import.rs` for one;
//! - one cycle is left, justified in the test: the typed refusals (`error.rs` and the refusal each rule defines
//!   beside it). Every file extends [`Store`], defined here: an edge to this file is no layer.

pub mod action;
pub mod appraise;
mod approval;
pub mod audit;
pub mod backup;
pub mod catalog;
pub mod clock;
mod codes;
pub mod council;
mod csv_input;
pub mod dates;
mod documents;
pub mod error;
pub mod exceptions;
mod file_fault;
pub mod files;
pub mod generate;
pub mod history;
pub mod import;

pub mod next_year;
pub mod open_error;
pub mod paper_settings;
pub mod papers;
mod parts;
pub mod paths;
pub mod pdf;
pub mod preview;
mod published;
pub mod refused;
pub mod rerate;
mod round;
pub mod round_settings;
mod row_problem;
pub mod rows;
pub mod schema;
pub mod seed;
pub mod self_assessment;
mod sheet_import;
pub mod state;
pub mod submission;
pub mod ties;
pub mod trust;
pub mod unit_result;
pub mod upload_refusals;
pub mod users;
pub mod verify;
mod write;

pub use error::{
    CsvProblem, FileFault, HeldScore, Oversize, Refused, Result, RowFault, RowItem, RowPlace, RowProblem, RowRefused,
    SheetItem, StoreError, Subject, TextField,
};
pub use round::DocumentCounts;
pub use rows::{EvidenceRow, Imported, ScoreRow};
pub use write::{CLEAR_MARKER, Cell};

use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::framework::ComponentPlace;
use crate::domain::loader::{DataFiles, load_regulation};
use crate::domain::permissions::{Actor, CouncilWrite, may};
use crate::domain::regulation::Regulation;
use audit::{AuditAction, AuditTrail, Change};
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior, params};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// An open round: the database, the regulation it was created with, and who is writing.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    regulation: Regulation,
    year: i32,
    /// Every write is checked against this actor's role and recorded under their name.
    actor: Actor,
    /// The one clock every row's time, stamp and "today" comes from.
    clock: clock::Clock,
}

/// How a write waits while another connection writes: SQLite's own busy timeout sleeps ever longer between tries
/// (up to 100 ms), so under load a waiting save keeps missing the moments the lock is free, is overtaken by the
/// others' short writes again and again and gives up ("database is locked") after its 10 s. This tries again
/// every 2 ms, for at least 30 s.
fn wait_for_the_writer(tries: i32) -> bool {
    std::thread::sleep(Duration::from_millis(2));
    tries < 15_000
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_handler(Some(wait_for_the_writer))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // A large import stays in memory until it commits instead of spilling pages mid-transaction (32 MB).
    conn.pragma_update(None, "cache_size", -32_768)?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    Ok(())
}

impl Store {
    /// Creates a new round in a new (or empty) database file.
    pub fn init(path: &Path, regulation_id: &str, year: i32) -> Result<Store> {
        Store::init_with(path, regulation_id, year, |_, _, _| Ok(()))
    }

    /// Creates a new round as `init` does, and lets `fill` write more rows in the same transaction, after the
    /// round's own audit row (`init --from` carries the previous round's units, users and settings this way).
    fn init_with(
        path: &Path,
        regulation_id: &str,
        year: i32,
        fill: impl FnOnce(&Transaction<'_>, &mut AuditTrail, &Regulation) -> Result<()>,
    ) -> Result<Store> {
        if !(1990..=2200).contains(&year) {
            return Err(StoreError::BadYear(year));
        }
        let files = catalog::files(regulation_id).ok_or_else(|| StoreError::UnknownRegulation {
            id: regulation_id.to_string(),
            available: catalog::available(),
        })?;
        let regulation = load_regulation(regulation_id, &files)?;
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
            return Err(trust::TrustRefused::NotRegularFile { file: path.display().to_string() }.into());
        }
        if path.exists() && std::fs::metadata(path).map(|m| m.len() > 0).unwrap_or(false) {
            return match Store::open(path) {
                Ok(existing) => Err(StoreError::AlreadyInitialised {
                    path: path.to_path_buf(),
                    regulation: existing.regulation.id,
                    year: existing.year,
                }),
                Err(error) => Err(error),
            };
        }
        let clock = clock::Clock::from_env();
        let mut conn = Connection::open(path)?;
        configure(&conn)?;
        schema::migrations().to_latest(&mut conn)?;
        let actor = Actor::service_account();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
        let mut states = vec![tx.query_row(
            "INSERT INTO round (id, regulation, year, created_at) VALUES (1, ?1, ?2, ?3) RETURNING *",
            params![regulation_id, year, clock.stored_now_seconds()],
            |row| state::row_state("round", row),
        )?];
        for (file, content) in files
            .iter()
            .filter(|(file, _)| Path::new(file).extension().is_some_and(|ext| ext.eq_ignore_ascii_case("toml")))
        {
            states.push(tx.query_row(
                "INSERT INTO regulation_file (path, content) VALUES (?1, ?2) RETURNING *",
                params![file, content],
                |row| state::row_state("regulation_file", row),
            )?);
        }
        let mut trail = AuditTrail::begin(&tx, &actor.name, clock)?;
        trail.record(
            &tx,
            Change::new(AuditAction::Init, format!("round {regulation_id} {year} created"))
                .value("round", None, Some(format!("{regulation_id} {year}")))
                .states(states),
        )?;
        fill(&tx, &mut trail, &regulation)?;
        tx.commit()?;
        let actor = actor.in_round_of(regulation.leaders_name.as_deref());
        Ok(Store { conn, path: path.to_path_buf(), regulation, year, actor, clock })
    }

    /// Opens an existing round; refuses a file that is not a thamdinh database or is from a newer program.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, false)
    }

    /// Opens an existing round only to read it (`init --from` reads last year's round and never writes it): no
    /// migration, so a database of an older schema is refused, saying how to bring it up to date.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        Store::open_with(path, true)
    }

    fn open_with(path: &Path, read_only: bool) -> Result<Store> {
        if !path.is_file() {
            return Err(StoreError::Missing { path: path.to_path_buf() });
        }
        let not_ours = || StoreError::NotThamdinh { path: path.to_path_buf() };
        let mut conn = if read_only {
            open_error::open_read_only(path)?
        } else {
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            Connection::open_with_flags(path, flags).map_err(|e| open_error::classify(path, e))?
        };
        let application_id: i64 =
            conn.query_row("PRAGMA application_id", [], |row| row.get(0)).map_err(|e| open_error::classify(path, e))?;
        if application_id != schema::APPLICATION_ID {
            return Err(not_ours());
        }
        let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0)).map_err(|_| not_ours())?;
        // Every round is created at the latest schema, so version 0 with our id is a file whose schema is not
        // ours (an empty SQLite file given our id, or another program's): migrating it would only fail noisily.
        if version <= 0 {
            return Err(not_ours());
        }
        let supported = schema::LATEST_VERSION;
        if version > supported {
            return Err(StoreError::TooNew { path: path.to_path_buf(), found: version, supported });
        }
        if read_only && version < supported {
            return Err(Refused::OldSchema { path: path.display().to_string(), version }.into());
        }
        if read_only {
            conn.busy_timeout(Duration::from_secs(10))?;
        } else {
            configure(&conn)?;
            schema::migrations().to_latest(&mut conn)?;
        }
        let (regulation_id, year): (String, i32) =
            conn.query_row("SELECT regulation, year FROM round WHERE id = 1", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })?;
        let mut files = DataFiles::new();
        {
            let mut statement = conn.prepare("SELECT path, content FROM regulation_file")?;
            let rows = statement.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?;
            for row in rows {
                let (file, content) = row?;
                files.insert(file, content);
            }
        }
        let regulation = load_regulation(&regulation_id, &files)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            actor: Actor::service_account().in_round_of(regulation.leaders_name.as_deref()),
            regulation,
            year,
            clock: clock::Clock::from_env(),
        })
    }

    /// The regulation the round was created with (as stored in the database, not as the program ships it now).
    pub fn regulation(&self) -> &Regulation {
        &self.regulation
    }

    /// The round's year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The database file this round is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Who this session writes as.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// The time now in Vietnam as a file name's stamp, `20261130-1605`.
    pub fn local_stamp(&self) -> Result<String> {
        // Vietnam's time whatever the machine's zone (SQLite's 'localtime' is the machine's: UTC on a server).
        Ok(clock::stamp(&self.clock.now()))
    }

    /// Changes whenever another connection commits; cheap to poll.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |row| row.get(0))?)
    }
}

impl Store {
    /// A unit's bloc and group; an unknown unit is refused.
    fn unit_place(&self, unit: &UnitCode) -> Result<(BlocCode, Option<String>)> {
        self.conn
            .prepare_cached("SELECT bloc, unit_group FROM unit WHERE code = ?1")?
            .query_row([unit], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?
            .ok_or_else(|| StoreError::from(Refused::UnknownUnit { unit: unit.to_string() }))
    }

    /// A unit's bloc and where one component sits in its framework; refused when either is unknown.
    fn component_of(&self, unit: &UnitCode, component: &str) -> Result<(BlocCode, ComponentPlace<'_>)> {
        let (bloc, group) = self.unit_place(unit)?;
        let framework = self
            .regulation
            .framework_for(&bloc, group.as_deref())
            .ok_or_else(|| StoreError::from(Refused::NoFramework { unit: unit.into() }))?;
        let place = framework.component(component).ok_or_else(|| {
            StoreError::from(Refused::UnknownComponent { unit: unit.into(), component: component.to_string() })
        })?;
        Ok((bloc, place))
    }
}

impl Store {
    /// Starts a write: IMMEDIATE, so two sessions never both read a version and then both write.
    /// Borrows the store shared, so the checks inside the transaction can read through `self`.
    /// Inside a preview (`Store::preview`, a transaction already open and rolled back at its end) the write is a
    /// savepoint of it: it commits into the preview, never to the file.
    fn write_transaction(&self) -> Result<preview::WriteTx<'_>> {
        if self.conn.is_autocommit() {
            Ok(preview::WriteTx::Top(Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?))
        } else {
            preview::WriteTx::nested(&self.conn)
        }
    }

    /// The audit trail of one write transaction, recording under this session's actor.
    fn audit_trail(&self, tx: &Connection) -> Result<AuditTrail> {
        Ok(AuditTrail::begin(tx, &self.actor.name, self.clock)?)
    }

    /// The clock this store stamps with (read from the environment when the round was opened).
    pub fn clock(&self) -> clock::Clock {
        self.clock
    }

    /// Stops this store's clock at another instant: what a test or a demonstration fixes "now" with, without
    /// touching the process's environment.
    pub fn set_clock(&mut self, clock: clock::Clock) {
        self.clock = clock;
    }

    /// Refuses, naming the rule, a write this session's role does not allow.
    pub(crate) fn permit(&self, write: CouncilWrite) -> Result<()> {
        Ok(may(&self.actor, write)?)
    }
}

/// A person's text as it is stored: NFC, trimmed, no control characters (`validate::clean_text`);
/// `field` and `at` name it in a refusal.
fn clean(text: &str, field: TextField, at: &Subject) -> Result<String> {
    crate::domain::validate::check(field.kind(), text)
        .map_err(|why| StoreError::from(Refused::BadText { field, at: at.clone(), why }))
}

/// A person's text that must say something: as `clean`, and refused when nothing in it is visible.
fn required(text: &str, field: TextField, at: &Subject) -> Result<String> {
    let text = clean(text, field, at)?;
    if crate::domain::validate::has_visible(&text) {
        Ok(text)
    } else {
        Err(StoreError::from(Refused::TextNeeded { field, at: at.clone() }))
    }
}

/// One audit row in its own trail: for a transaction that records a single change.
fn audit_one(tx: &Connection, actor: &Actor, clock: clock::Clock, change: Change) -> Result<()> {
    Ok(AuditTrail::begin(tx, &actor.name, clock)?.record(tx, change)?)
}
