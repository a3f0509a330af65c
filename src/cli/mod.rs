//! The `thamdinh` command line: the contract in SPEC (`init`, `import …`, `tie`, `rank --json`).

mod rank_report;

use crate::store::{Store, StoreError};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "thamdinh",
    version,
    about = "Hội đồng thẩm định: chấm điểm, xếp loại và xếp hạng các cơ quan, đơn vị"
)]
pub struct Cli {
    /// The round's database file (without a subcommand: the demo database).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new round (no units yet) for one regulation and year.
    Init {
        #[arg(long, value_name = "ID")]
        regulation: String,
        #[arg(long, value_name = "YYYY")]
        year: i32,
    },
    /// Import a CSV file (UTF-8, header row, columns by name); a bad row changes nothing.
    Import { kind: ImportKind, file: PathBuf },
    /// Record the chairman's order of a tie group.
    Tie {
        #[arg(long)]
        bloc: String,
        /// The units of the tie group, best first: U1,U2,…
        #[arg(long, value_delimiter = ',')]
        order: Vec<String>,
    },
    /// Approve a bloc's results (refused while a tie or an appraisal is outstanding); they are then frozen.
    Approve {
        #[arg(long)]
        bloc: String,
    },
    /// Print the ranking of every bloc.
    Rank {
        /// As JSON (the contract scripts rely on).
        #[arg(long)]
        json: bool,
    },
    /// Create a new round filled with reproducible synthetic data (marked as demo data).
    Demo {
        #[arg(long, default_value = "thai-nguyen-2024", value_name = "ID")]
        regulation: String,
        #[arg(long, default_value_t = 2024, value_name = "YYYY")]
        year: i32,
        /// Synthetic units spread over the blocs; without it, the units the regulation names.
        #[arg(long, value_name = "N")]
        units: Option<usize>,
        #[arg(long, default_value_t = 2024, value_name = "S")]
        seed: u64,
    },
    /// List the regulations this program can start a round with.
    Regulations,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ImportKind {
    /// code,name,bloc,group
    Units,
    /// unit,criterion,self_score,appraised_score,reason[,applicable][,explanation][,leader]
    Scores,
    /// unit,criterion,grade,reason
    Grades,
    /// unit,fact,value
    Facts,
    /// unit,criterion,title,reference,date
    Evidence,
}

fn require_db(db: &Option<PathBuf>) -> Result<&Path, StoreError> {
    db.as_deref().ok_or_else(|| StoreError::Refused("--db PATH is required".into()))
}

/// Runs the command line; errors go to stderr with a non-zero exit.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match execute(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("thamdinh: {error}");
            ExitCode::FAILURE
        }
    }
}

fn execute(cli: Cli) -> Result<(), StoreError> {
    let Some(command) = cli.command else {
        return crate::demo::open_interface(cli.db.as_deref());
    };
    match command {
        Command::Regulations => {
            for id in crate::store::catalog::available() {
                println!("{id}");
            }
        }
        Command::Demo { regulation, year, units, seed } => {
            let path = require_db(&cli.db)?;
            let store = crate::demo::create(path, &regulation, year, units, seed)?;
            println!("{}: demo round {} {} created (seed {seed})", path.display(), store.regulation().id, store.year());
        }
        Command::Init { regulation, year } => {
            let path = require_db(&cli.db)?;
            let store = Store::init(path, &regulation, year)?;
            println!("{}: round {} {} created", path.display(), store.regulation().id, store.year());
        }
        Command::Import { kind, file } => {
            let mut store = Store::open(require_db(&cli.db)?)?;
            let imported = match kind {
                ImportKind::Units => store.import_units(&file)?,
                ImportKind::Scores => store.import_scores(&file)?,
                ImportKind::Grades => store.import_grades(&file)?,
                ImportKind::Facts => store.import_facts(&file)?,
                ImportKind::Evidence => store.import_evidence(&file)?,
            };
            println!("{}: {} rows imported", file.display(), imported.rows);
        }
        Command::Tie { bloc, order } => {
            let mut store = Store::open(require_db(&cli.db)?)?;
            store.order_tie(&bloc, &order)?;
            println!("{bloc}: tie ordered {}", order.join(", "));
        }
        Command::Approve { bloc } => {
            let mut store = Store::open(require_db(&cli.db)?)?;
            store.approve_bloc(&bloc)?;
            println!("{bloc}: results approved and frozen");
        }
        Command::Rank { json } => {
            let store = Store::open(require_db(&cli.db)?)?;
            let round = store.load_round()?;
            let report = if json {
                rank_report::json(store.regulation(), &round) + "\n"
            } else {
                rank_report::text(store.regulation(), &round)
            };
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = std::io::stdout().lock().write_all(report.as_bytes());
        }
    }
    Ok(())
}
