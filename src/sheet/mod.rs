//! Spreadsheets in and out: the official score sheet and the council's result as .xlsx, with a content hash; reading sheets back.

pub mod desk;
mod formulas;
pub mod layout;
pub mod model;
pub mod ranking;
pub mod read;
pub mod render;
pub mod score_sheet;

use crate::domain::evaluate::evaluate_round;
use crate::domain::permissions::CouncilWrite;
use crate::store::EvidenceRow;
use crate::store::Refused;
use crate::store::clock::Clock;
use crate::store::{FileFault, RowFault, RowPlace, Store, StoreError};
use layout::{AUDIT_MARKER, CHECK_MARKER};
use model::{Book, Sheet, Style};
use render::Footer;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why a workbook could not be read or made: the fault, on which sheet and at which cell; the store adds the file
/// name, and the catalog words it.
#[derive(Debug)]
pub struct SheetError {
    /// The worksheet, where the fault is on one.
    pub sheet: Option<String>,
    /// The cell (`D12`), where the fault is in one.
    pub cell: Option<String>,
    /// What is wrong.
    pub fault: Box<RowFault>,
}

impl SheetError {
    /// A fault of the workbook as a whole.
    pub fn workbook(fault: FileFault) -> SheetError {
        SheetError { sheet: None, cell: None, fault: Box::new(RowFault::from(fault)) }
    }

    /// A fault of one sheet, at none of its cells.
    pub fn sheet(sheet: &str, fault: FileFault) -> SheetError {
        SheetError { sheet: Some(sheet.to_string()), cell: None, fault: Box::new(RowFault::from(fault)) }
    }

    /// The error as the store reports it: `file.xlsx: sheet "stc", cell E14: …`.
    pub fn in_file(self, path: &Path) -> StoreError {
        let file = file_name(path);
        let place = match self.sheet {
            Some(sheet) => RowPlace::Sheet { file, sheet, cell: self.cell },
            None => RowPlace::File { file },
        };
        self.fault.at(place, None)
    }
}

pub(crate) fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// Imports every score sheet of a workbook a unit filled: each sheet read strictly (`read.rs`), a unit in one
/// sheet only, then the store writes them all in one transaction, audited (`Store::import_self_assessments`).
pub fn import_sheet(store: &mut Store, path: &Path) -> Result<crate::store::Imported, StoreError> {
    crate::store::paths::check_input(path)?;
    let book = read::RawBook::open(path).map_err(|e| e.in_file(path))?;
    let round = store.load_round()?;
    let mut assessments = Vec::new();
    let mut sheets_of_unit: BTreeMap<crate::domain::code::UnitCode, String> = BTreeMap::new();
    let by_unit = store.actor().role == crate::domain::permissions::Role::Unit;
    // A unit's focal person: the right to each sheet's unit first, before any cell is compared with the database.
    if by_unit {
        for sheet in &book.sheets {
            if let Some(unit) = sheet.unit_named() {
                store.permit_unit_sheet(&file_name(path), &sheet.name, &unit)?;
            }
        }
    }
    for sheet in &book.sheets {
        let assessment =
            read::parse_unit_sheet(sheet, store.regulation(), &round, !by_unit).map_err(|e| e.in_file(path))?;
        if let Some(first) = sheets_of_unit.insert(assessment.unit.clone(), sheet.name.clone()) {
            let fault = FileFault::UnitInTwoSheets { unit: assessment.unit.clone(), first };
            return Err(SheetError::sheet(&sheet.name, fault).in_file(path));
        }
        assessments.push(assessment);
    }
    if assessments.is_empty() {
        return Err(SheetError::workbook(FileFault::NoSheets).in_file(path));
    }
    store.import_self_assessments(&file_name(path), &assessments)
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The file written.
    pub path: PathBuf,
    /// How many worksheets it holds (one per unit for a score sheet).
    pub sheets: usize,
    /// SHA-256 of the workbook's content (see `model::canonical_text`).
    pub content_hash: String,
    /// The audit log's head when it was written; None for an empty log.
    pub audit_head: Option<String>,
}

/// Excel allows 31 characters in a sheet name; a unit code longer than that is cut and made unique.
fn sheet_names(codes: &[crate::domain::code::UnitCode]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for code in codes {
        let base: String = code.chars().take(31).collect();
        let mut name = base.clone();
        let mut n = 2;
        while names.iter().any(|taken| taken.eq_ignore_ascii_case(&name)) {
            let suffix = format!("~{n}");
            name = base.chars().take(31 - suffix.len()).collect::<String>() + &suffix;
            n += 1;
        }
        names.push(name);
    }
    names
}

/// The score sheets of the given units (every unit when empty), one sheet each, in that order.
pub fn score_sheets_book(
    store: &Store,
    units: &[crate::domain::code::UnitCode],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Book, StoreError> {
    let regulation = store.regulation();
    let round = store.load_round()?;
    let codes: Vec<crate::domain::code::UnitCode> =
        if units.is_empty() { round.units.iter().map(|u| u.code.clone()).collect() } else { units.to_vec() };
    if codes.is_empty() {
        return Err(StoreError::from(Refused::NoUnitsYet));
    }
    let results = evaluate_round(regulation, &round);
    let mut evidence: BTreeMap<crate::domain::code::UnitCode, Vec<EvidenceRow>> = BTreeMap::new();
    for row in store.all_evidence()? {
        evidence.entry(row.unit.clone()).or_default().push(row);
    }
    let names = sheet_names(&codes);
    let approved_blocs = store.approved_blocs()?;
    let mut book = Book::default();
    for (index, (code, sheet_name)) in codes.iter().zip(names).enumerate() {
        let unit = round
            .units
            .iter()
            .find(|u| &u.code == code)
            .ok_or_else(|| StoreError::from(Refused::UnknownUnit { unit: code.to_string() }))?;
        let framework = regulation
            .framework_for(&unit.bloc, unit.group.as_deref())
            .ok_or_else(|| StoreError::from(Refused::NoFramework { unit: code.clone() }))?;
        let approved = approved_blocs.contains(&unit.bloc);
        // A unit's focal person before approval: its own sheet, with nothing the council wrote.
        let own = store.actor().role == crate::domain::permissions::Role::Unit && !approved;
        let ranked = results.iter().flat_map(|r| r.ranking.units.iter()).find(|r| &r.unit == code).filter(|_| !own);
        let input = score_sheet::UnitSheet {
            regulation,
            year: store.year(),
            unit,
            framework,
            evidence: evidence.get(code.as_str()).map(|rows| rows.iter().collect()).unwrap_or_default(),
            ranked,
            sheet_name,
            approved,
            own,
        };
        book.sheets.push(score_sheet::build(&input));
        progress(index + 1, codes.len());
    }
    Ok(book)
}

/// Where the interface writes an export: beside the database, `<database name>-<kind>-<what>-<stamp>.xlsx`
/// (`round-xep-hang-ket-qua-20261130-1605.xlsx`), with `-2`, `-3` … added when that name is taken, so an
/// export never replaces yesterday's file.
pub fn beside_database(db: &Path, what: &str, kind: &str, stamp: &str) -> PathBuf {
    let stem = db.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "thamdinh".into());
    let named = |n: u32| {
        let suffix = if n < 2 { String::new() } else { format!("-{n}") };
        db.with_file_name(format!("{stem}-{kind}-{what}-{stamp}{suffix}.xlsx"))
    };
    (1..10_000).map(named).find(|path| std::fs::symlink_metadata(path).is_err()).unwrap_or_else(|| named(10_000))
}

/// What an export does when its file already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse, naming the file (the default of `export … --out`, and the interface's).
    Refuse,
    /// Replace it (`--force`); never the round's own database, whatever is asked.
    Replace,
}

/// Writes the score sheet of one unit, or of every unit (one sheet each) into one workbook.
pub fn export_sheets(
    store: &Store,
    unit: Option<&str>,
    out: &Path,
    existing: Existing,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Exported, StoreError> {
    let actor = store.actor();
    let own = actor.unit.as_deref();
    let unit = match actor.role {
        crate::domain::permissions::Role::Unit => unit.or(own),
        _ => unit,
    };
    match (actor.role, unit) {
        // A unit's focal person: its own unit's sheet at any time (before approval without the council's
        // columns, to sign, stamp and send); another unit's as `result` allows (never before approval).
        (crate::domain::permissions::Role::Unit, Some(unit)) if Some(unit) == own => {}
        (crate::domain::permissions::Role::Unit, Some(unit)) => store.permit_result(&unit.into())?,
        _ => store.permit(CouncilWrite::Export)?,
    }
    check_destination(store.path(), out, existing)?;
    let units: Vec<crate::domain::code::UnitCode> = unit.map(|u| vec![u.into()]).unwrap_or_default();
    let book = score_sheets_book(store, &units, progress)?;
    let title = match unit {
        Some(code) => format!("Biểu chấm điểm {code} năm {}", store.year()),
        None => format!("Biểu chấm điểm các cơ quan, đơn vị năm {}", store.year()),
    };
    finish(store, book, out, existing, &title)
}

/// Writes the council's result: each bloc's ranking, the list by level, and what each agency appraised.
pub fn export_ranking(store: &Store, out: &Path, existing: Existing) -> Result<Exported, StoreError> {
    store.permit(CouncilWrite::Export)?;
    check_destination(store.path(), out, existing)?;
    let book = ranking::build(store)?;
    finish(store, book, out, existing, &format!("Kết quả thẩm định năm {}", store.year()))
}

/// Adds the check block to every sheet, renders the workbook and writes it in one step (a temporary file renamed).
fn finish(store: &Store, book: Book, out: &Path, existing: Existing, title: &str) -> Result<Exported, StoreError> {
    let footer = Footer { content_hash: book.content_hash(), audit_head: store.audit_head()? };
    // Checked again just before writing: the database's -wal file may have appeared meanwhile.
    check_destination(store.path(), out, existing)?;
    write_workbook(book, &footer, out, title, existing, &store.clock().sheet_now())
}

/// Refuses an export's destination that is the round's database or one of its companion files (whatever
/// `--force` says), something that is not a regular file, or an existing file unless it may be replaced: the
/// store's one guard, [`crate::store::paths::check_destination`].
pub fn check_destination(db: &Path, out: &Path, existing: Existing) -> Result<(), StoreError> {
    crate::store::paths::check_destination(db, out, existing == Existing::Replace)
}

/// Writes a workbook model with the given footer (normally its own content hash) and check block,
/// replacing `out` if it exists (the caller decided; the exports go through `check_destination`).
pub fn write_book(book: Book, footer: &Footer, out: &Path, title: &str) -> Result<Exported, StoreError> {
    write_workbook(book, footer, out, title, Existing::Replace, &Clock::from_env().sheet_now())
}

fn write_workbook(
    mut book: Book,
    footer: &Footer,
    out: &Path,
    title: &str,
    existing: Existing,
    stamp: &str,
) -> Result<Exported, StoreError> {
    let content_hash = footer.content_hash.clone();
    let audit_head = footer.audit_head.clone();
    for sheet in &mut book.sheets {
        add_check_block(sheet, footer, stamp);
    }
    let bytes = render::to_xlsx(&book, footer, title)
        .map_err(|e| SheetError::workbook(FileFault::NotMade { why: e.to_string() }).in_file(out))?;
    write_file(&bytes, out, existing)?;
    Ok(Exported { path: out.to_path_buf(), sheets: book.sheets.len(), content_hash, audit_head })
}

/// Writes the bytes to a new temporary file in the destination's folder, then moves it into place in one step:
/// a reader never sees half a workbook, and a crash leaves at most a stray `.tmp` file. Without leave to
/// replace, the move is a hard link, which fails rather than replace a file that appeared meanwhile.
pub(crate) fn write_file(bytes: &[u8], out: &Path, existing: Existing) -> Result<(), StoreError> {
    use std::io::Write;
    let io = |e: std::io::Error| FileFault::NotWritten { why: e.to_string() }.in_file(out.display().to_string());
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    let (temporary, mut file) = (0..100)
        .find_map(|n| {
            let candidate = out.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()));
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&candidate) {
                Ok(file) => Some(Ok((candidate, file))),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => None,
                Err(e) => Some(Err(e)),
            }
        })
        .unwrap_or_else(|| Err(std::io::Error::other("no free temporary file name")))
        .map_err(io)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    let placed = written.and_then(|()| match existing {
        Existing::Replace => std::fs::rename(&temporary, out),
        Existing::Refuse => match std::fs::hard_link(&temporary, out) {
            Ok(()) => std::fs::remove_file(&temporary),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
            // A file system without hard links: the check made just before is what protects the file.
            Err(_) if std::fs::symlink_metadata(out).is_err() => std::fs::rename(&temporary, out),
            Err(e) => Err(e),
        },
    });
    if let Err(error) = placed {
        let _ = std::fs::remove_file(&temporary);
        if error.kind() == std::io::ErrorKind::AlreadyExists {
            return Err(StoreError::from(Refused::ExportExists { file: out.display().to_string() }));
        }
        return Err(io(error));
    }
    Ok(())
}

fn add_check_block(sheet: &mut Sheet, footer: &Footer, stamp: &str) {
    let bottom = sheet.last_row().max(sheet.row_heights.keys().copied().max().unwrap_or(0));
    let row = bottom + 2;
    let last = (0..=sheet.last_column()).rev().find(|c| !sheet.hidden_columns.contains(c)).unwrap_or(0);
    let head = footer.audit_head.as_deref().unwrap_or("(nhật ký trống)");
    let text = format!(
        "{CHECK_MARKER}{}\n{AUDIT_MARKER}{head}\nXuất bởi thamdinh {} lúc {} (giờ Việt Nam). Đối chiếu với cơ sở dữ liệu: thamdinh export verify --db <tệp dữ liệu> <tệp này>",
        footer.content_hash,
        env!("CARGO_PKG_VERSION"),
        crate::domain::vn_time::vietnam_time(stamp),
    );
    sheet.merged_text((row, 0), (row, last), text, Style { italic: true, size: 8.0, ..Style::default() });
    sheet.fit_row(row);
    sheet.check_row = Some(row);
}

/// What `export verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// The hash the file states in its check block.
    pub stated_hash: String,
    /// The audit head the file states; None where it states an empty log.
    pub stated_audit_head: Option<String>,
    /// The hash of the file's content as it is now.
    pub actual_hash: String,
    /// With a database: its audit head now, and the hash of the same export made from it now.
    pub database: Option<(Option<String>, String)>,
}

impl Verification {
    /// The content is what the check block states: nothing was changed since the export.
    pub fn intact(&self) -> bool {
        self.stated_hash == self.actual_hash
    }
}

/// Recomputes a workbook's content hash and compares it with its check block, and with the database when given.
/// Comparing a workbook with the database tells whether its values are the stored ones: a unit's focal person
/// compares only its own unit's score sheet, once its result may be seen; anything else (the ranking, another
/// unit's sheet, several sheets) would answer guesses about the council's appraisals.
fn permit_verify(store: &Store, units: &[crate::domain::code::UnitCode]) -> Result<(), StoreError> {
    let actor = store.actor();
    if actor.role != crate::domain::permissions::Role::Unit {
        return Ok(());
    }
    match units {
        [unit] if actor.unit.as_deref() == Some(unit.as_str()) => store.permit_result(unit),
        _ => Ok(crate::domain::permissions::may_read_round(actor)?),
    }
}

/// `export verify`: recomputes a workbook's content hash and compares it with its check block, and with the database
/// when given (its audit head, and the same export made from it now).
///
/// # Errors
/// The file cannot be read, has no check block, or the actor may not compare it with the database (a unit's focal
/// person: its own sheet only, once its result may be seen).
pub fn verify(path: &Path, store: Option<&Store>) -> Result<Verification, StoreError> {
    crate::store::paths::check_input(path)?;
    let workbook = read::RawBook::open(path).map_err(|e| e.in_file(path))?;
    let (stated_hash, stated_audit_head) = workbook.check_block().map_err(|e| e.in_file(path))?;
    let actual_hash = model::sha256_hex(&workbook.canonical_text());
    let database = match store {
        None => None,
        Some(store) => {
            let units = workbook.score_sheet_units();
            permit_verify(store, &units)?;
            let book = if units.is_empty() {
                ranking::build(store)?
            } else {
                score_sheets_book(store, &units, &mut |_, _| {})?
            };
            Some((store.audit_head()?, book.content_hash()))
        }
    };
    Ok(Verification { stated_hash, stated_audit_head, actual_hash, database })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_codes_make_distinct_sheet_names() {
        let long = crate::domain::code::UnitCode::from("x".repeat(40));
        let names = sheet_names(&[long.clone(), long, "stc".into()]);
        assert_eq!(names[0].chars().count(), 31);
        assert_ne!(names[0], names[1]);
        assert!(names[1].chars().count() <= 31);
        assert_eq!(names[2], "stc");
    }

    #[test]
    fn the_clock_reads_as_a_date() {
        let stamp = Clock::from_env().sheet_now();
        assert_eq!(stamp.len(), 16, "{stamp}");
        assert!(stamp.starts_with("20"), "{stamp}");
        let shown = crate::domain::vn_time::vietnam_time(&stamp);
        assert_eq!((shown.len(), &shown[2..3], &shown[5..6]), (16, "/", "/"), "people read {shown}");
    }
}
