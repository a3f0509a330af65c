//! Reading the whole round from the database into the domain's plain data.

use super::Store;
use super::error::Result;
use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::evaluate::{Round, UnitRecord};
use crate::domain::evidence::EvidenceCounts;
use crate::domain::grades::{Grade, GradeOverride};
use crate::domain::regulation::Regulation;
use crate::domain::scoring::ComponentScore;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use rust_decimal::Decimal;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;
use std::sync::Arc;

/// How many documents back each code of each unit; `units` are the units' codes and frameworks (their
/// positions in the regulation) in the round's order. The counts come in (unit, code) order: a unit's code is
/// looked up only when it changes (compared as bytes with the row before's), and each code is found by walking
/// its framework's codes in the same order, so no row is hashed.
fn count_documents(
    conn: &Connection,
    regulation: &Regulation,
    units: &[(&str, Option<usize>)],
) -> Result<EvidenceCounts> {
    let mut counts =
        EvidenceCounts::for_frameworks(regulation, units.iter().map(|(_, framework)| *framework).collect());
    let codes = counts.codes_in_order();
    let positions: HashMap<&str, usize> = units.iter().enumerate().map(|(index, (code, _))| (*code, index)).collect();
    let mut statement = conn
        .prepare("SELECT unit, criterion, COUNT(*) FROM evidence GROUP BY unit, criterion ORDER BY unit, criterion")?;
    let mut rows = statement.query([])?;
    let mut last_unit: Option<Vec<u8>> = None;
    let mut unit: Option<(usize, &[(String, u16)])> = None;
    let mut cursor = 0;
    while let Some(row) = rows.next()? {
        let bytes = |column| row.get_ref(column).and_then(|value| Ok(value.as_bytes()?));
        let code = bytes(0)?;
        if last_unit.as_deref() != Some(code) {
            unit = std::str::from_utf8(code).ok().and_then(|code| positions.get(code)).and_then(|&index| {
                let framework = counts.framework_of(index)?;
                Some((index, codes.get(framework)?.as_slice()))
            });
            last_unit = Some(code.to_vec());
            cursor = 0;
        }
        let Some((index, sorted)) = unit else { continue };
        let criterion = bytes(1)?;
        if sorted.get(cursor).is_some_and(|(known, _)| known.as_bytes() > criterion) {
            cursor = 0;
        }
        while sorted.get(cursor).is_some_and(|(known, _)| known.as_bytes() < criterion) {
            cursor += 1;
        }
        if let Some((known, id)) = sorted.get(cursor)
            && known.as_bytes() == criterion
        {
            counts.add_id(index, *id, row.get(2)?);
        }
    }
    Ok(counts)
}

/// How many documents back each (unit, criterion or component), one call each.
fn count_evidence(conn: &Connection, mut each: impl FnMut(&str, &str, u32)) -> Result<()> {
    let mut statement = conn.prepare("SELECT unit, criterion, COUNT(*) FROM evidence GROUP BY unit, criterion")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let text = |column| row.get_ref(column).and_then(|value| Ok(value.as_str()?));
        each(text(0)?, text(1)?, row.get(2)?);
    }
    Ok(())
}

/// A thread's result, its panic passed on.
fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    match handle.join() {
        Ok(result) => result,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// Users' names, each held once for every entry that names them.
#[derive(Default)]
struct Names {
    known: HashMap<String, Arc<str>>,
    /// The name of the row before: most rows name the same user as the row before them.
    last: Option<Arc<str>>,
}

impl Names {
    /// The shared name a row's column holds (None for NULL).
    fn shared(&mut self, value: ValueRef<'_>) -> rusqlite::Result<Option<Arc<str>>> {
        let Some(name) = value.as_str_or_null()? else { return Ok(None) };
        if let Some(last) = self.last.as_ref().filter(|last| ***last == *name) {
            return Ok(Some(Arc::clone(last)));
        }
        let shared = match self.known.get(name) {
            Some(shared) => Arc::clone(shared),
            None => Arc::clone(self.known.entry(name.to_string()).or_insert_with(|| Arc::from(name))),
        };
        self.last = Some(Arc::clone(&shared));
        Ok(Some(shared))
    }
}

/// A decimal stored as TEXT; the store only ever writes valid ones.
fn decimal(value: ValueRef<'_>) -> Option<Decimal> {
    value.as_str().ok().and_then(|text| Decimal::from_str(text).ok())
}

impl Store {
    /// Every unit with its scores, facts and overrides, and the chairman's tie orders.
    pub fn load_round(&self) -> Result<Round> {
        Ok(self.read_round(Texts::All)?.0)
    }

    /// The round as the interface holds it: `load_round` less the units' explanations of their self-scores
    /// (a national round's explanations alone take tens of megabytes; `explanations_of` reads a unit's when
    /// it is shown), and how many documents back each criterion and component of every unit.
    pub fn load_round_for_interface(&self) -> Result<(Round, EvidenceCounts)> {
        self.read_round(Texts::WithoutExplanations)
    }

    /// A large round is read in two halves at once, and its documents counted alongside, each on its own
    /// read-only connection that is closed afterwards, so the page cache a whole-table read fills is not kept
    /// for the session. Documents are counted only when `texts` leaves the explanations out (the interface).
    fn read_round(&self, texts: Texts) -> Result<(Round, EvidenceCounts)> {
        let places: Vec<(String, BlocCode, Option<String>)> = {
            let mut statement = self.conn.prepare("SELECT code, bloc, unit_group FROM unit ORDER BY code")?;
            statement
                .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        let regulation = &self.regulation;
        let listed: Vec<(&str, Option<usize>)> = places
            .iter()
            .map(|(code, bloc, group)| (code.as_str(), regulation.framework_index_for(bloc, group.as_deref())))
            .collect();
        let counter = if texts == Texts::WithoutExplanations { Some(self.reader()?) } else { None };
        let (units, counts) = std::thread::scope(|scope| -> Result<_> {
            let listed = &listed;
            let counting = counter.map(|counter| scope.spawn(move || count_documents(&counter, regulation, listed)));
            let units = if places.len() < 2_000 {
                read_records(&self.conn, regulation, &Units::All, texts)?
            } else {
                let middle = places[places.len() / 2].0.clone();
                let (first, second) = (self.reader()?, self.reader()?);
                let upper = Units::From(middle.clone());
                let handle = scope.spawn(move || read_records(&second, regulation, &upper, texts));
                let lower = read_records(&first, regulation, &Units::Below(middle), texts);
                let mut units = lower?;
                units.append(&mut joined(handle)?);
                units
            };
            let counts = counting.map(joined).transpose()?;
            Ok((units, counts))
        })?;
        let tie_orders = self.tie_orders()?;
        let published = super::published::published_results(&self.conn)?;
        let quota_exceptions = self.quota_exceptions()?;
        let round = Round { year: self.year, units, tie_orders, published, quota_exceptions };
        // The counts are by the units' positions when the reading began; a unit added since shifts them.
        let same_units = round.units.len() == places.len()
            && round.units.iter().zip(&places).all(|(unit, (code, ..))| &unit.code == code);
        let counts = match counts {
            Some(counts) if same_units => counts,
            Some(_) => {
                let units: Vec<(&str, Option<usize>)> = round
                    .units
                    .iter()
                    .map(|unit| (unit.code.as_str(), regulation.framework_index_for(&unit.bloc, unit.group.as_deref())))
                    .collect();
                count_documents(&self.reader()?, regulation, &units)?
            }
            None => EvidenceCounts::default(),
        };
        Ok((round, counts))
    }

    /// A read-only connection for one whole-table read, closed after it: the page cache it fills is not
    /// kept for the session. It serves one thread only, so it takes no lock on each call (serialized mode
    /// locks on every column read).
    pub(super) fn reader(&self) -> Result<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let reader = Connection::open_with_flags(&self.path, flags)?;
        // A table read once from end to end gains nothing from a cache (SQLite's default is 2 MB).
        reader.pragma_update(None, "cache_size", 64)?;
        Ok(reader)
    }

    /// One unit's record as `load_round` reads it (None for an unknown unit): what a session reads again
    /// when another session changed that unit, instead of the whole round.
    pub fn load_unit(&self, code: &str) -> Result<Option<UnitRecord>> {
        Ok(read_records(&self.conn, &self.regulation, &Units::One(code.to_string()), Texts::All)?.pop())
    }

    /// How many documents each unit filed under each criterion or component code, by unit then code.
    pub fn document_counts(&self) -> Result<DocumentCounts> {
        let mut counts = DocumentCounts::default();
        count_evidence(&self.conn, |unit, code, documents| {
            counts.by_unit.entry(UnitCode::from(unit)).or_default().insert(code.to_string(), documents);
        })?;
        Ok(counts)
    }

    /// A unit's explanations of its self-scores, by component (only those it wrote).
    pub fn explanations_of(&self, unit: &UnitCode) -> Result<Vec<(String, String)>> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT criterion, explanation FROM score WHERE unit = ?1 AND explanation <> ''")?;
        let rows = statement.query_map([unit], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// How many documents back each (unit, criterion or component code), as the command line and the exports
/// read them (the interface keeps its compact `EvidenceCounts`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentCounts {
    by_unit: HashMap<UnitCode, HashMap<String, u32>>,
}

impl DocumentCounts {
    /// Documents the unit filed under this code.
    pub fn count(&self, unit: &UnitCode, code: &str) -> u32 {
        self.by_unit.get(unit).and_then(|codes| codes.get(code)).copied().unwrap_or(0)
    }
}

/// Which units a read covers.
enum Units {
    All,
    One(String),
    /// Codes before this one.
    Below(String),
    /// This code and those after.
    From(String),
}

/// Which texts of the score rows a read brings into memory.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Texts {
    All,
    WithoutExplanations,
}

/// Every unit's record in `units` (through the tables' `unit` key prefix), in code order.
fn read_records(conn: &Connection, regulation: &Regulation, units: &Units, texts: Texts) -> Result<Vec<UnitRecord>> {
    let (where_code, where_unit, bind): (&str, &str, Vec<&str>) = match units {
        Units::All => ("", "", vec![]),
        Units::One(code) => ("WHERE code = ?1", "WHERE unit = ?1", vec![code.as_str()]),
        Units::Below(code) => ("WHERE code < ?1", "WHERE unit < ?1", vec![code.as_str()]),
        Units::From(code) => ("WHERE code >= ?1", "WHERE unit >= ?1", vec![code.as_str()]),
    };
    let mut records = read_units(conn, where_code, &bind)?;
    let position = records.iter().enumerate().map(|(i, u)| (u.code.clone(), i)).collect();
    let filter = UnitFilter { where_unit, bind, position, last: RefCell::new((Vec::new(), None)) };
    read_scores(conn, &filter, texts, &mut records)?;
    read_leader_scores(conn, &filter, &mut records)?;
    read_facts(conn, &filter, regulation, &mut records)?;
    read_grade_overrides(conn, &filter, &mut records)?;
    Ok(records)
}

/// The units' rows of the per-unit tables: the WHERE clause on their `unit` key, its binding, and where each
/// unit sits among the records.
struct UnitFilter<'a> {
    where_unit: &'a str,
    bind: Vec<&'a str>,
    position: HashMap<UnitCode, usize>,
    /// The unit of the row before and its record: rows come one unit after another, so most rows name it again
    /// and are found without hashing their unit's code.
    last: RefCell<(Vec<u8>, Option<usize>)>,
}

impl UnitFilter<'_> {
    fn params(&self) -> rusqlite::ParamsFromIter<Vec<&str>> {
        rusqlite::params_from_iter(self.bind.clone())
    }

    /// The record of the unit a row (unit first) belongs to, if it is one of those read.
    /// The row's unit is compared as bytes with the row before's; only a new unit's code is checked as text.
    fn find(&self, row: &rusqlite::Row<'_>) -> rusqlite::Result<Option<usize>> {
        let Ok(unit) = row.get_ref(0)?.as_bytes() else { return Ok(None) };
        let mut last = self.last.borrow_mut();
        if last.1.is_none() || last.0 != unit {
            let found = std::str::from_utf8(unit).ok().and_then(|unit| self.position.get(unit).copied());
            last.0.clear();
            last.0.extend_from_slice(unit);
            last.1 = found;
        }
        Ok(last.1)
    }
}

/// The units themselves (code, name, bloc, group), in code order, with nothing recorded for them yet.
fn read_units(conn: &Connection, where_code: &str, bind: &[&str]) -> Result<Vec<UnitRecord>> {
    let mut records: Vec<UnitRecord> = Vec::new();
    let mut statement =
        conn.prepare(&format!("SELECT code, name, bloc, unit_group FROM unit {where_code} ORDER BY code"))?;
    let rows = statement.query_map(rusqlite::params_from_iter(bind), |row| {
        Ok(UnitRecord {
            code: row.get(0)?,
            name: row.get(1)?,
            bloc: row.get(2)?,
            group: row.get(3)?,
            ..UnitRecord::default()
        })
    })?;
    for unit in rows {
        records.push(unit?);
    }
    Ok(records)
}

/// Each unit's score entries. Rows come in key order, one unit after another; each unit's map is built at
/// once from its rows (a map filled one entry at a time in key order leaves every node half empty). Whether an
/// explanation is on file is asked of SQLite (a character other than a space, as `trim(explanation) <> ''` says:
/// a first byte above the space decides it without GLOB's pattern matching) so that no explanation is copied to
/// trim it. The three yes/no columns come as one number's bits (each column read costs about as much as the
/// rest of the row's work), and the explanations' column is not read when they are left out.
fn read_scores(conn: &Connection, filter: &UnitFilter<'_>, texts: Texts, records: &mut [UnitRecord]) -> Result<()> {
    let explanation = if texts == Texts::All { ", explanation" } else { "" };
    let mut statement = conn.prepare(&format!(
        "SELECT unit, criterion, self_score, appraised_score, deduction_reason, version, appraised_by,
                (applicable <> 0) + 2 * (awaiting_confirmation <> 0)
                + 4 * (CASE WHEN explanation >= '!' THEN 1 ELSE explanation GLOB '*[^ ]*' END){explanation}
         FROM score {} ORDER BY unit, criterion",
        filter.where_unit
    ))?;
    let mut rows = statement.query(filter.params())?;
    // A user's name is held once, however many entries they appraised; rows by one user mostly follow each other.
    let mut names = Names::default();
    let mut current: Option<usize> = None;
    let mut gathered: Vec<(String, ComponentScore)> = Vec::new();
    let mut finish = |unit: Option<usize>, gathered: &mut Vec<(String, ComponentScore)>| {
        if let Some(record) = unit.and_then(|unit| records.get_mut(unit)) {
            record.entries = gathered.drain(..).collect();
        }
    };
    while let Some(row) = rows.next()? {
        let unit = filter.find(row)?;
        if unit != current {
            finish(current, &mut gathered);
            current = unit;
        }
        if unit.is_none() {
            continue;
        }
        let flags: i64 = row.get(7)?;
        let entry = ComponentScore {
            self_score: decimal(row.get_ref(2)?),
            appraised_score: decimal(row.get_ref(3)?),
            deduction_reason: row.get(4)?,
            explanation: if texts == Texts::All { row.get::<_, String>(8)?.into_boxed_str() } else { Box::default() },
            applicable: flags & 1 != 0,
            awaiting_confirmation: flags & 2 != 0,
            appraised_by: names.shared(row.get_ref(6)?)?,
            version: row.get(5)?,
            explanation_on_file: flags & 4 != 0,
            ..ComponentScore::default()
        };
        gathered.push((row.get(1)?, entry));
    }
    finish(current, &mut gathered);
    Ok(())
}

/// The provincial leaders' scores of group I, each on its component's entry.
fn read_leader_scores(conn: &Connection, filter: &UnitFilter<'_>, records: &mut [UnitRecord]) -> Result<()> {
    let mut statement = conn.prepare(&format!(
        "SELECT unit, criterion, score, leader, deduction_reason FROM leader_score {}",
        filter.where_unit
    ))?;
    let mut rows = statement.query(filter.params())?;
    while let Some(row) = rows.next()? {
        let Some(unit) = filter.find(row)? else { continue };
        if let Some(score) = decimal(row.get_ref(2)?) {
            let scores = &mut records[unit].entries.or_default(&row.get::<_, String>(1)?).leader_scores;
            scores.insert(row.get(3)?, score);
            scores.set_reason(row.get(3)?, row.get(4)?);
        }
    }
    Ok(())
}

/// The facts recorded for each unit, as the regulation defines them (a fact it no longer defines is passed over).
fn read_facts(
    conn: &Connection,
    filter: &UnitFilter<'_>,
    regulation: &Regulation,
    records: &mut [UnitRecord],
) -> Result<()> {
    let mut statement = conn.prepare(&format!("SELECT unit, name, value FROM fact {}", filter.where_unit))?;
    let mut rows = statement.query(filter.params())?;
    while let Some(row) = rows.next()? {
        let Some(unit) = filter.find(row)? else { continue };
        let name: String = row.get(1)?;
        let value: String = row.get(2)?;
        let Some(definition) = regulation.fact(&name) else { continue };
        if let Ok(value) = definition.parse_value(&value) {
            records[unit].facts.insert(name, value);
        }
    }
    Ok(())
}

/// The chairman's grade overrides of each unit's criteria.
fn read_grade_overrides(conn: &Connection, filter: &UnitFilter<'_>, records: &mut [UnitRecord]) -> Result<()> {
    let mut statement =
        conn.prepare(&format!("SELECT unit, criterion, grade, reason FROM grade_override {}", filter.where_unit))?;
    let mut rows = statement.query(filter.params())?;
    while let Some(row) = rows.next()? {
        let Some(unit) = filter.find(row)? else { continue };
        let grade: String = row.get(2)?;
        let Ok(grade) = Grade::from_str(&grade) else { continue };
        records[unit].grade_overrides.insert(row.get(1)?, GradeOverride { grade, reason: row.get(3)? });
    }
    Ok(())
}

impl Store {
    /// The chairman's orders of tie groups, by bloc.
    fn tie_orders(&self) -> Result<BTreeMap<BlocCode, Vec<Vec<UnitCode>>>> {
        let mut tie_orders: BTreeMap<BlocCode, Vec<Vec<UnitCode>>> = BTreeMap::new();
        let mut statement =
            self.conn.prepare("SELECT bloc, order_id, unit FROM tie_order ORDER BY bloc, order_id, position")?;
        let mut rows = statement.query([])?;
        let mut current: Option<(BlocCode, i64)> = None;
        while let Some(row) = rows.next()? {
            let bloc: BlocCode = row.get(0)?;
            let order_id: i64 = row.get(1)?;
            let orders = tie_orders.entry(bloc.clone()).or_default();
            if current.as_ref() != Some(&(bloc.clone(), order_id)) {
                orders.push(Vec::new());
                current = Some((bloc, order_id));
            }
            if let Some(order) = orders.last_mut() {
                order.push(row.get(2)?);
            }
        }

        Ok(tie_orders)
    }
}
