//! The `thamdinh` command line: the contract in SPEC (`init`, `import …`, `tie`, `rank --json`).

mod audit_log;
mod interface;
mod output;
mod papers;
mod rank_report;
mod regulations;
mod table;
mod users;
mod year;

use crate::domain::code::{BlocCode, UnitCode};
use crate::messages::{self, CliError, CliRefusal, Lang, cli as say};
use crate::store::rerate::RerateChange;
use crate::store::{Refused, Store, StoreError};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The command line as `clap` reads it: the global options and the subcommand (SPEC, Command-line contract).
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
    /// Work as this council user (their role decides what may be written; the audit log names them).
    /// Without it, subcommands run as the service account `admin`, and the interface opens only the demo.
    #[arg(long, global = true, value_name = "NAME")]
    pub user: Option<String>,
    /// The language of messages: vi (the default) or en; without it, THAMDINH_LANG (vi or en),
    /// never the locale.
    #[allow(
        clippy::doc_markdown,
        reason = "clap prints this doc as the --help text, where backticks show as they are"
    )]
    #[arg(long, global = true, value_name = "vi|en", value_parser = ["vi", "en"])]
    pub lang: Option<String>,
    /// The subcommand; none opens the interface.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `thamdinh regulations …`.
#[derive(Subcommand, Debug)]
pub enum RegulationsCommand {
    /// Print a regulation's frameworks: each content, criterion and component with its code and points.
    Show {
        /// The regulation's id (see `thamdinh regulations`).
        id: String,
    },
    /// Validate a regulation folder without creating a round: every problem at once, or a summary of its rules.
    Check {
        /// The folder of one regulation (its regulation.toml at the top).
        dir: PathBuf,
    },
}

/// The subcommands of `thamdinh` (SPEC, Command-line contract); without one, the interface opens.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new round (no units yet) for one regulation and year; with --from, next year's round from an
    /// earlier one: its regulation (or --regulation), units, users and settings, no scores, its levels remembered.
    Init {
        /// The regulation's id (see `thamdinh regulations`).
        #[arg(long, value_name = "ID", required_unless_present = "from")]
        regulation: Option<String>,
        /// The year appraised.
        #[arg(long, value_name = "YYYY")]
        year: i32,
        /// The earlier round's database (only read).
        #[arg(long, value_name = "OLD")]
        from: Option<PathBuf>,
    },
    /// Submit a unit's self-assessment: the date its leadership collective approved it and the minutes' number;
    /// or, with --reopen, reopen a submitted one (the secretary, with --unit and --reason).
    Submit {
        /// The unit (a unit's focal person submits its own; the secretary names it).
        #[arg(long, value_name = "CODE")]
        unit: Option<String>,
        /// The day the unit's leadership collective approved the self-assessment (YYYY-MM-DD or DD/MM/YYYY).
        #[arg(long, value_name = "DATE", required_unless_present = "reopen", conflicts_with = "reopen")]
        approved_on: Option<String>,
        /// The number of the collective's minutes (số biên bản).
        #[arg(long, value_name = "NUMBER", required_unless_present = "reopen", conflicts_with = "reopen")]
        minutes: Option<String>,
        /// The day a paper submission was received (YYYY-MM-DD or DD/MM/YYYY, not after today; the secretary or
        /// chairman): the submission's date, on which lateness is judged. Without it, today.
        #[arg(long, value_name = "DATE", conflicts_with = "reopen")]
        received: Option<String>,
        /// Reopen the unit's submitted self-assessment so the unit can change it again.
        #[arg(long, requires_all = ["unit", "reason"])]
        reopen: bool,
        /// Why it is reopened (recorded in the audit log).
        #[arg(long, requires = "reopen")]
        reason: Option<String>,
    },
    /// The round's deadline and appraisal period, and who has submitted.
    #[command(subcommand)]
    Round(RoundCommand),
    /// A unit's result once its bloc is approved: total, level, reasons, every deduction with its reason.
    Result {
        /// The unit (a unit's focal person sees its own).
        #[arg(long, value_name = "CODE")]
        unit: Option<String>,
        /// As JSON (the format scripts rely on).
        #[arg(long)]
        json: bool,
    },
    /// Import a CSV file (UTF-8, header row, columns by name), or a filled score sheet (.xlsx); a bad row changes nothing.
    Import {
        /// The file's kind.
        kind: ImportKind,
        /// The file to import.
        file: PathBuf,
    },
    /// Write spreadsheets (.xlsx), papers (.docx) and the publication page to print, sign and file, or check one against its hash.
    Export {
        /// What to write or check.
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Record the chairman's order of a tie group.
    Tie {
        /// The bloc's code.
        #[arg(long)]
        bloc: BlocCode,
        /// The units of the tie group, best first: U1,U2,…
        #[arg(long, value_delimiter = ',')]
        order: Vec<String>,
    },
    /// Approve a bloc's results (refused while a tie or an appraisal is outstanding); they are then frozen.
    Approve {
        /// The bloc's code.
        #[arg(long)]
        bloc: BlocCode,
    },
    /// Print the ranking of every bloc.
    Rank {
        /// As JSON (the contract scripts rely on).
        #[arg(long)]
        json: bool,
    },
    /// Create a new round filled with reproducible synthetic data (marked as demo data).
    Demo {
        /// The regulation's id.
        #[arg(long, default_value = "thai-nguyen-2024", value_name = "ID")]
        regulation: String,
        /// The year appraised.
        #[arg(long, default_value_t = 2024, value_name = "YYYY")]
        year: i32,
        /// Synthetic units (1 to 10000) spread over the blocs; without it, the units the regulation names.
        #[arg(long, value_name = "N")]
        units: Option<usize>,
        /// The random generator's seed: the same seed makes the same round.
        #[arg(long, default_value_t = 2024, value_name = "S")]
        seed: u64,
    },
    /// List the regulations this program can start a round with, each with its title; `show ID` prints one's
    /// frameworks with every code and its points; `check DIR` validates a regulation folder.
    Regulations {
        /// `show ID` or `check DIR`; none lists the regulations.
        #[command(subcommand)]
        command: Option<RegulationsCommand>,
    },
    /// Council users: who may open a session, with which role.
    #[command(subcommand)]
    User(UserCommand),
    /// The audit trail: check its hash chain, or print history.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Re-rate one unit of an approved bloc: the chairman, a reason, one change.
    Rerate {
        /// The unit's code.
        #[arg(long)]
        unit: crate::domain::code::UnitCode,
        /// The violation or shortcoming found.
        #[arg(long)]
        reason: String,
        /// A component (with --score) or a criterion (with --grade).
        #[arg(long)]
        criterion: Option<String>,
        /// The new appraised score.
        #[arg(long, requires = "criterion", conflicts_with_all = ["grade", "fact"])]
        score: Option<String>,
        /// The new grade: excellent, good, average, poor.
        #[arg(long, requires = "criterion", conflicts_with = "fact")]
        grade: Option<String>,
        /// A fact's name (with --value), e.g. discipline.
        #[arg(long, requires = "value")]
        fact: Option<String>,
        /// The fact's new value.
        #[arg(long, requires = "fact")]
        value: Option<String>,
        /// Where the chairman places the unit when its new total equals other units' (before or after them).
        #[arg(long, value_enum)]
        tie: Option<TieArg>,
    },
    /// Rate a unit excellent beyond its bloc's quota where the regulation lets the chairman decide so: the
    /// chairman, a reason; the unit meets every condition of excellent but the quota.
    ExceedQuota {
        /// The unit's code.
        #[arg(long)]
        unit: crate::domain::code::UnitCode,
        /// Why the unit is rated beyond the quota (or, with --undo, why the decision is withdrawn).
        #[arg(long)]
        reason: String,
        /// Withdraw the decision, while the bloc is not approved.
        #[arg(long)]
        undo: bool,
    },
    /// A verified copy of the round's database while sessions are open (never copy a live database by hand).
    Backup {
        /// A new file (never an existing one, the database or its companions).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// The chairman's place for a re-rated unit among the units it now ties with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TieArg {
    /// Above the units it ties with.
    Before,
    /// Below the units it ties with.
    After,
}

/// Written by hand rather than derived: the derive would print each value's doc comment (English) as its help,
/// and `rerate --help` words the values in `messages::help`, in the session's language.
impl ValueEnum for TieArg {
    fn value_variants<'a>() -> &'a [Self] {
        &[TieArg::Before, TieArg::After]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let name = match self {
            TieArg::Before => "before",
            TieArg::After => "after",
        };
        Some(clap::builder::PossibleValue::new(name))
    }
}

/// `thamdinh round …`: the round's deadline, appraisal period and papers' numbering.
#[derive(Subcommand, Debug)]
pub enum RoundCommand {
    /// Set the submission deadline and/or the appraisal period (working days from receipt). Nothing is refused by
    /// a date: a late submission is accepted and marked late.
    Set {
        /// YYYY-MM-DD or DD/MM/YYYY: the units submit before this day.
        #[arg(long, value_name = "DATE")]
        deadline: Option<String>,
        /// The appraisal period, in working days from the day a file is received.
        #[arg(long, value_name = "N")]
        appraisal_days: Option<u32>,
    },
    /// Set a paper's document number, its signer's full name and/or its date of issue, printed in place of the
    /// dotted lines (`-` clears a value); `export verify` makes the paper again with them.
    Paper {
        /// Which paper.
        #[arg(long, value_parser = ["report", "proposal", "decision", "minutes", "notice"])]
        kind: String,
        /// The number only (125): the paper writes 125/BC-HĐTĐ itself.
        #[arg(long, value_name = "N")]
        number: Option<String>,
        /// The signer's full name.
        #[arg(long, value_name = "NAME")]
        signer: Option<String>,
        /// The date of issue (YYYY-MM-DD or DD/MM/YYYY).
        #[arg(long, value_name = "DATE")]
        issued: Option<String>,
    },
    /// The deadline, the days left, the appraisal period, and each unit's submission.
    Show {
        /// As JSON (the format scripts rely on).
        #[arg(long)]
        json: bool,
    },
}

/// `thamdinh user …`: the council's users and units' focal persons.
#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Add a council user, or a unit's focal person (--role unit --unit CODE).
    Add {
        /// The login (lowercase letters without diacritics, digits, '-', '_', '.').
        name: String,
        /// The role: member, assistant, leader, secretary, chairman, or unit (a unit's focal person).
        #[arg(long, value_parser = ["member", "assistant", "leader", "secretary", "chairman", "unit"])]
        role: String,
        /// The appraising agency of a member or assistant (see the regulation's agencies).
        #[arg(long)]
        agency: Option<String>,
        /// The unit of a unit's focal person (role unit).
        #[arg(long, value_name = "CODE")]
        unit: Option<String>,
        /// The person's full name, as printed on the council's papers.
        #[arg(long, default_value = "")]
        full_name: String,
    },
    /// List the council's users (removed ones marked).
    List,
    /// Remove a user: their sessions are refused; the audit log keeps their name.
    Remove {
        /// The login.
        name: String,
    },
}

/// `thamdinh audit …`: the audit trail.
#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Recompute the hash chain; exit non-zero and name the first broken row if any row was changed or removed,
    /// then compare every table with what the log wrote.
    Verify {
        /// A head recorded outside the database (the printed Nhật ký, the hash `approve` printed): it must be in
        /// the chain, which proves nothing up to it was changed or removed since.
        #[arg(long, value_name = "HASH")]
        head: Option<String>,
    },
    /// Print the history, oldest first.
    Log {
        /// The unit's code.
        #[arg(long)]
        unit: Option<String>,
        /// A criterion (also matches its components) or a component.
        #[arg(long)]
        criterion: Option<String>,
    },
}

/// The kinds of file `thamdinh import` reads, each with its CSV columns.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ImportKind {
    /// code,name,bloc,group
    Units,
    /// unit,criterion[,self_score][,appraised_score][,reason][,applicable][,explanation][,leader]: an empty cell keeps, `-` clears
    #[allow(clippy::doc_markdown, reason = "clap prints this doc as the --help text, where backticks show as they are")]
    #[allow(
        rustdoc::broken_intra_doc_links,
        reason = "the optional columns' brackets are the --help text's, not links; escaping them would print the backslashes"
    )]
    Scores,
    /// unit,criterion,grade,reason
    Grades,
    /// unit,fact,value
    Facts,
    /// unit,criterion,title,reference,date
    Evidence,
    /// A score sheet (.xlsx) as `export sheet` wrote it, filled by the unit: self-scores, explanations, evidence
    Sheet,
}

/// `thamdinh export …`: workbooks, papers and the publication page, or a check of one.
#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// The score sheet of one unit, or of every unit (one sheet each) in one workbook.
    Sheet {
        /// The unit; without it, every unit of the round.
        #[arg(long, value_name = "CODE")]
        unit: Option<String>,
        /// A new file (an existing one is refused without --force; the round's database always).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// The council's result: each bloc's ranking, the list by level, what each agency appraised.
    Ranking {
        /// A new file (an existing one is refused without --force; the round's database always).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Recompute an exported workbook's or paper's content hash; with --db, compare it with the same export made now.
    Verify {
        /// An exported workbook or paper (.docx).
        file: PathBuf,
    },
    /// The council's summary report (.docx, Báo cáo kết quả thẩm định).
    Report(PaperOut),
    /// The proposal asking to recognise the results (.docx, Tờ trình).
    Proposal(PaperOut),
    /// The draft decision recognising the results, with its appendix (.docx).
    Decision(PaperOut),
    /// The council meeting's minutes (.docx, Biên bản).
    Minutes(PaperOut),
    /// The notice of its result to one unit, or to every unit into a folder (.docx, Thông báo).
    Notice {
        /// The unit.
        #[arg(long, value_name = "CODE", conflicts_with = "all")]
        unit: Option<String>,
        /// Every unit, one file each, into the folder --out.
        #[arg(long)]
        all: bool,
        /// Where the notice goes.
        #[command(flatten)]
        out: PaperOut,
    },
    /// The published result of the approved blocs: one self-contained HTML page.
    Publication(PaperOut),
}

/// Where a paper goes.
#[derive(clap::Args, Debug)]
pub struct PaperOut {
    /// A new file (an existing one is refused without --force; the round's database always).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Replace FILE if it exists.
    #[arg(long)]
    force: bool,
}

fn require_db(db: Option<&Path>) -> Result<&Path, CliError> {
    db.ok_or(CliError::Cli(CliRefusal::DbRequired))
}

/// The language of this run: `--lang`, else `THAMDINH_LANG`, else Vietnamese (read before the arguments are parsed, so that the
/// help and the usage errors are in it too).
pub fn language(args: &[String]) -> Lang {
    Lang::choose(args, |name| std::env::var(name).ok())
}

/// The command line's definition, its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    messages::help::localize(Cli::command(), lang)
}

/// Runs the command line; errors go to stderr with a non-zero exit.
pub fn run() -> ExitCode {
    let args: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let lang = language(&args);
    let matches = command(lang).try_get_matches_from(&args);
    let attempt = matches.as_ref().map(attempt_of).unwrap_or_default();
    let parsed = matches.and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // --help, --version: printed as clap lays them out.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprint!("{}", messages::help::usage_error(&error, lang));
            return ExitCode::from(2);
        }
    };
    let (db, user) = (cli.db.clone(), cli.user.clone());
    match execute(cli, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::Store(error)) if error.is_refusal() => {
            record_refusal(db.as_deref(), user.as_deref(), &attempt);
            output::error(&messages::cli_error(&CliError::Store(error), lang));
            ExitCode::FAILURE
        }
        // The reader of our output went away (`| head -1`): what it wanted was printed.
        Err(CliError::Store(StoreError::Terminal(error))) if output::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            output::error(&messages::cli_error(&error, lang));
            ExitCode::FAILURE
        }
    }
}

/// The command a line runs, as the audit names a refused attempt: its subcommands (`import scores`,
/// `export sheet`), never a value.
fn attempt_of(matches: &clap::ArgMatches) -> String {
    let mut words = Vec::new();
    let mut at = matches;
    while let Some((name, sub)) = at.subcommand() {
        words.push(name.to_string());
        at = sub;
    }
    if let Ok(Some(kind)) = at.try_get_one::<ImportKind>("kind") {
        words.push(format!("{kind:?}").to_lowercase());
    }
    words.join(" ")
}

/// Records a unit's focal person's refused attempt in the audit log (who, what, when; no values). A failure to
/// record leaves the refusal as it is.
fn record_refusal(db: Option<&Path>, user: Option<&str>, attempt: &str) {
    let (Some(db), Some(user)) = (db, user) else { return };
    if let Ok(mut store) = Store::open(db)
        && store.sign_in(user).is_ok()
    {
        let _ = store.record_refused_attempt(attempt);
    }
}

/// Opens the round as the named user, or as the service account.
fn open_as(db: Option<&Path>, user: Option<&str>) -> Result<Store, CliError> {
    let mut store = Store::open(require_db(db)?)?;
    if let Some(name) = user {
        store.sign_in(name)?;
    }
    Ok(store)
}

/// Opens the round only to read it (no write, no migration: an archived round in a read-only folder reads).
/// A round of an older schema is upgraded once as before where the file can be written; where it cannot,
/// the read-only open's refusal says to open it once with write access.
fn open_to_read(db: Option<&Path>, user: Option<&str>) -> Result<Store, CliError> {
    let path = require_db(db)?;
    let mut store = match Store::open_read_only(path) {
        Err(StoreError::Refused(old)) if matches!(*old, Refused::OldSchema { .. }) => match Store::open(path) {
            Err(StoreError::Open(_) | StoreError::Sqlite(_) | StoreError::Migration(_)) => {
                return Err(StoreError::Refused(old).into());
            }
            opened => opened?,
        },
        opened => opened?,
    };
    if let Some(name) = user {
        store.sign_in(name)?;
    }
    Ok(store)
}

/// Opens the round to read all of it: refused to a unit's focal person, who reads only its own unit (`result`).
fn open_reader(db: Option<&Path>, user: Option<&str>) -> Result<Store, CliError> {
    let store = open_to_read(db, user)?;
    crate::domain::permissions::may_read_round(store.actor()).map_err(StoreError::from)?;
    Ok(store)
}

/// `thamdinh exceed-quota`: the chairman's decision beyond the quota, or (`--undo`) its withdrawal.
fn exceed_quota(mut store: Store, unit: &UnitCode, reason: &str, undo: bool, lang: Lang) -> Result<(), CliError> {
    if undo {
        store.withdraw_quota_exception(unit, reason)?;
        output::line(messages::exceed::withdrawn(lang, unit, reason.trim()))?;
    } else {
        store.exceed_quota(unit, reason)?;
        let article = store.regulation().quota.chairman_exception.clone().unwrap_or_default();
        output::line(messages::exceed::decided(lang, unit, &article, reason.trim()))?;
    }
    Ok(())
}

/// The one change a `rerate` names: a score, a grade or a fact (any other mix is refused).
fn rerate_change(
    criterion: Option<String>,
    score: Option<String>,
    grade: Option<String>,
    fact: Option<String>,
    value: Option<String>,
) -> Result<RerateChange, CliError> {
    Ok(match (criterion, score, grade, fact, value) {
        (Some(component), Some(appraised), None, None, None) => RerateChange::Score { component, appraised },
        (Some(criterion), None, Some(grade), None, None) => {
            let grade = grade.parse().map_err(|_| Refused::UnknownGrade { grade })?;
            RerateChange::Grade { criterion, grade }
        }
        (None, None, None, Some(name), Some(value)) => RerateChange::Fact { name, value },
        _ => return Err(CliRefusal::RerateOneThing.into()),
    })
}

fn execute(cli: Cli, lang: Lang) -> Result<(), CliError> {
    // A `THAMDINH_DATA_DIR` that is missing, empty or repeats a built-in id is refused before anything runs.
    crate::store::catalog::check().map_err(StoreError::from)?;
    let Some(command) = cli.command else {
        return interface::open_interface(cli.db.as_deref(), cli.user.as_deref(), lang);
    };
    let (db, user) = (cli.db.as_deref(), cli.user.as_deref());
    match command {
        Command::Regulations { command: None } => regulations::list(lang)?,
        Command::Regulations { command: Some(RegulationsCommand::Show { id }) } => regulations::show(&id, lang)?,
        Command::Regulations { command: Some(RegulationsCommand::Check { dir }) } => regulations::check(&dir, lang)?,
        Command::Demo { regulation, year, units, seed } => {
            if let Some(units) = units
                && !crate::demo::units_in_bound(units)
            {
                return Err(CliRefusal::DemoUnits { units, limit: crate::demo::MAX_UNITS }.into());
            }
            let path = require_db(db)?;
            let store = crate::demo::create(path, &regulation, year, units, seed)?;
            output::line(say::demo_created(lang, path, &store.regulation().id, store.year(), seed))?;
        }
        Command::Init { regulation, year, from } => init(db, regulation, year, from, lang)?,
        Command::Submit { unit, approved_on, minutes, received, reopen, reason } => {
            let reopen = if reopen { reason.as_deref().or(Some("")) } else { None };
            year::submit(
                open_as(db, user)?,
                unit.as_deref(),
                approved_on.as_deref(),
                minutes.as_deref(),
                received.as_deref(),
                reopen,
                lang,
            )?;
        }
        Command::Round(RoundCommand::Set { deadline, appraisal_days }) => {
            let mut store = open_as(db, user)?;
            store.set_round_settings(deadline.as_deref(), appraisal_days)?;
            year::show(&store, false, lang)?;
        }
        Command::Round(RoundCommand::Paper { kind, number, signer, issued }) => {
            round_paper(open_as(db, user)?, &kind, [number, signer, issued], lang)?;
        }
        Command::Round(RoundCommand::Show { json }) => year::show(&open_reader(db, user)?, json, lang)?,
        Command::Result { unit, json } => year::result(&open_to_read(db, user)?, unit.as_deref(), json, lang)?,
        Command::Import { kind, file } => import(db, user, kind, &file, lang)?,
        Command::Export { what } => export(db, user, what, lang)?,
        Command::Tie { bloc, order } => {
            let mut store = open_as(db, user)?;
            store.order_tie(&bloc, &order)?;
            output::line(say::tie_ordered(lang, &bloc, &order))?;
        }
        Command::Approve { bloc } => approve(db, user, &bloc, lang)?,
        Command::User(command @ UserCommand::List) => users::run(open_reader(db, user)?, command, lang)?,
        Command::User(command) => users::run(open_as(db, user)?, command, lang)?,
        Command::Audit(command) => return audit_log::run(&open_reader(db, user)?, command, lang),
        Command::Rerate { unit, reason, criterion, score, grade, fact, value, tie } => {
            let change = rerate_change(criterion, score, grade, fact, value)?;
            let tie = tie.map(|tie| match tie {
                TieArg::Before => crate::domain::published::TiePlace::Before,
                TieArg::After => crate::domain::published::TiePlace::After,
            });
            open_as(db, user)?.rerate_placed(&unit, &[change], tie, &reason)?;
            output::line(say::rerated(lang, &unit, &reason))?;
        }
        Command::ExceedQuota { unit, reason, undo } => exceed_quota(open_as(db, user)?, &unit, &reason, undo, lang)?,
        Command::Backup { out } => {
            let store = open_as(db, user)?;
            output::line(messages::trust::backup_made(lang, &store.backup(&out)?))?;
        }
        Command::Rank { json } => {
            let store = open_reader(db, user)?;
            let round = store.load_round()?;
            if json {
                let previous = store.previous_levels()?;
                let documents = store.document_counts()?;
                output::json(&rank_report::json(store.regulation(), &round, &documents, &previous, lang))?;
            } else {
                output::print(&rank_report::text(store.regulation(), &round, lang))?;
            }
        }
    }
    Ok(())
}

/// `round paper`: a paper's number, signer and date of issue (`-` clears one), then every paper's settings.
fn round_paper(
    mut store: Store,
    kind: &str,
    [number, signer, issued]: [Option<String>; 3],
    lang: Lang,
) -> Result<(), CliError> {
    use crate::store::paper_settings::{PaperSlot, SettingChange};
    // clap's value parser admits only the five slugs.
    let slot = PaperSlot::from_slug(kind).unwrap_or(PaperSlot::Report);
    store.set_paper_numbering(
        slot,
        SettingChange::from_typed(number.as_deref()),
        SettingChange::from_typed(signer.as_deref()),
        SettingChange::from_typed(issued.as_deref()),
    )?;
    year::papers(&store, lang)
}

/// `init`: a new round, empty or carried over from last year's database (`--from`).
fn init(
    db: Option<&Path>,
    regulation: Option<String>,
    year: i32,
    from: Option<PathBuf>,
    lang: Lang,
) -> Result<(), CliError> {
    let path = require_db(db)?;
    let store = match (&from, regulation) {
        (Some(from), regulation) => Store::init_from(path, from, year, regulation.as_deref())?,
        (None, Some(regulation)) => Store::init(path, &regulation, year)?,
        (None, None) => return Err(CliRefusal::RegulationOrFrom.into()),
    };
    output::line(say::round_created(lang, path, &store.regulation().id, store.year()))?;
    if let Some(from) = from {
        output::line(say::carried_over(lang, path, &from))?;
    }
    Ok(())
}

/// `import KIND FILE`: one file into the round, in one transaction, as the user.
fn import(db: Option<&Path>, user: Option<&str>, kind: ImportKind, file: &Path, lang: Lang) -> Result<(), CliError> {
    let mut store = open_as(db, user)?;
    let imported = match kind {
        ImportKind::Units => store.import_units(file)?,
        ImportKind::Scores => store.import_scores(file)?,
        ImportKind::Grades => store.import_grades(file)?,
        ImportKind::Facts => store.import_facts(file)?,
        ImportKind::Evidence => store.import_evidence(file)?,
        ImportKind::Sheet => crate::sheet::import_sheet(&mut store, file)?,
    };
    output::line(say::rows_imported(lang, file, imported.rows, imported.changes))?;
    Ok(())
}

/// `approve --bloc BLOC`: freezes the bloc's results and prints the audit head to record elsewhere.
fn approve(db: Option<&Path>, user: Option<&str>, bloc: &BlocCode, lang: Lang) -> Result<(), CliError> {
    let mut store = open_as(db, user)?;
    let head = store.approve_bloc(bloc)?;
    for line in say::approved(lang, bloc, &head) {
        output::line(line)?;
    }
    Ok(())
}

/// A progress bar on stderr for long exports; hidden when stderr is not a terminal.
fn progress_bar(lang: Lang) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) = indicatif::ProgressStyle::with_template(say::sheets_progress(lang)) {
        bar.set_style(style);
    }
    bar
}

fn export(db: Option<&Path>, user: Option<&str>, what: ExportCommand, lang: Lang) -> Result<(), CliError> {
    match what {
        ExportCommand::Sheet { unit, out, force } => {
            let store = open_as(db, user)?;
            // A unit's focal person exports its own unit's sheet (once approved); naming none means its own.
            let unit = match (unit, &store.actor().unit) {
                (None, Some(own)) => Some(own.clone()),
                (unit, _) => unit.map(UnitCode::from),
            };
            let bar = progress_bar(lang);
            let existing = existing(force);
            let exported = crate::sheet::export_sheets(&store, unit.as_deref(), &out, existing, &mut |done, total| {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            })?;
            bar.finish_and_clear();
            print_exported(&exported, lang)?;
        }
        ExportCommand::Ranking { out, force } => {
            let store = open_as(db, user)?;
            print_exported(&crate::sheet::export_ranking(&store, &out, existing(force))?, lang)?;
        }
        paper @ (ExportCommand::Report(_)
        | ExportCommand::Proposal(_)
        | ExportCommand::Decision(_)
        | ExportCommand::Minutes(_)
        | ExportCommand::Notice { .. }
        | ExportCommand::Publication(_)) => papers::export(&open_as(db, user)?, paper, lang)?,
        ExportCommand::Verify { file } => {
            let store = match db {
                Some(_) => Some(open_to_read(db, user)?),
                None => None,
            };
            let check = if crate::papers::is_paper(&file) {
                if let Some(store) = &store {
                    crate::domain::permissions::may_read_round(store.actor()).map_err(StoreError::from)?;
                }
                crate::papers::verify(&file, store.as_ref())?
            } else {
                crate::sheet::verify(&file, store.as_ref())?
            };
            for line in say::export_hashes(lang, &file, &check.stated_hash, &check.actual_hash) {
                output::line(line)?;
            }
            let shown = file.display().to_string();
            if !check.intact() {
                return Err(CliRefusal::ExportAltered { file: shown }.into());
            }
            output::line(say::export_intact(lang, &file))?;
            if let Some((head, now)) = check.database {
                let same_head = head == check.stated_audit_head;
                if now == check.actual_hash {
                    output::line(say::export_matches_database(lang, &file))?;
                } else if same_head {
                    return Err(CliRefusal::ExportLayoutChanged { file: shown, now }.into());
                } else {
                    return Err(CliRefusal::ExportDatabaseChanged {
                        file: shown,
                        head_then: check.stated_audit_head.clone(),
                        head_now: head,
                        now,
                    }
                    .into());
                }
            }
        }
    }
    Ok(())
}

fn existing(force: bool) -> crate::sheet::Existing {
    if force { crate::sheet::Existing::Replace } else { crate::sheet::Existing::Refuse }
}

fn print_exported(exported: &crate::sheet::Exported, lang: Lang) -> std::io::Result<()> {
    output::line(say::exported(
        lang,
        &exported.path,
        exported.sheets,
        &exported.content_hash,
        exported.audit_head.as_deref(),
    ))
}
