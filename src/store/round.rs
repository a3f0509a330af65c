//! Reading the whole round from the database into the domain's plain data.

use super::Store;
use super::error::Result;
use crate::domain::evaluate::{Round, UnitRecord};
use crate::domain::grades::{Grade, GradeOverride};
use crate::domain::regulation::Regulation;
use rusqlite::{Connection, OpenFlags};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::str::FromStr;

/// A decimal stored as TEXT; the store only ever writes valid ones.
fn decimal(text: Option<String>) -> Option<Decimal> {
    text.and_then(|t| Decimal::from_str(&t).ok())
}

impl Store {
    /// Every unit with its scores, facts and overrides, and the chairman's tie orders.
    /// A large round is read in two halves at once, the second on its own read-only connection.
    pub fn load_round(&self) -> Result<Round> {
        let codes: Vec<String> = {
            let mut statement = self.conn.prepare("SELECT code FROM unit ORDER BY code")?;
            statement.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?
        };
        let units = if codes.len() < 2_000 {
            read_records(&self.conn, &self.regulation, &Units::All)?
        } else {
            let middle = codes[codes.len() / 2].clone();
            let second = Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            let regulation = &self.regulation;
            let (lower, upper) = std::thread::scope(|scope| {
                let upper = Units::From(middle.clone());
                let handle = scope.spawn(move || read_records(&second, regulation, &upper));
                let lower = read_records(&self.conn, regulation, &Units::Below(middle));
                let upper = match handle.join() {
                    Ok(result) => result,
                    Err(panic) => std::panic::resume_unwind(panic),
                };
                (lower, upper)
            });
            let mut units = lower?;
            units.append(&mut upper?);
            units
        };
        let tie_orders = self.tie_orders()?;
        Ok(Round { year: self.year, units: units.into_values().collect(), tie_orders })
    }

    /// One unit's record as `load_round` reads it (None for an unknown unit): what a session reads again
    /// when another session changed that unit, instead of the whole round.
    pub fn load_unit(&self, code: &str) -> Result<Option<UnitRecord>> {
        Ok(read_records(&self.conn, &self.regulation, &Units::One(code.to_string()))?.remove(code))
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

/// Every unit's record in `units` (through the tables' `unit` key prefix).
fn read_records(conn: &Connection, regulation: &Regulation, units: &Units) -> Result<BTreeMap<String, UnitRecord>> {
    {
        let (where_code, where_unit, bind): (&str, &str, Vec<&str>) = match units {
            Units::All => ("", "", vec![]),
            Units::One(code) => ("WHERE code = ?1", "WHERE unit = ?1", vec![code.as_str()]),
            Units::Below(code) => ("WHERE code < ?1", "WHERE unit < ?1", vec![code.as_str()]),
            Units::From(code) => ("WHERE code >= ?1", "WHERE unit >= ?1", vec![code.as_str()]),
        };
        let bind = rusqlite::params_from_iter(bind);
        let mut units: BTreeMap<String, UnitRecord> = BTreeMap::new();
        let mut statement =
            conn.prepare(&format!("SELECT code, name, bloc, unit_group FROM unit {where_code} ORDER BY code"))?;
        let rows = statement.query_map(bind.clone(), |row| {
            Ok(UnitRecord {
                code: row.get(0)?,
                name: row.get(1)?,
                bloc: row.get(2)?,
                group: row.get(3)?,
                ..UnitRecord::default()
            })
        })?;
        for unit in rows {
            let unit = unit?;
            units.insert(unit.code.clone(), unit);
        }

        let mut statement = conn.prepare(&format!(
            "SELECT unit, criterion, self_score, appraised_score, deduction_reason, explanation, applicable,
                    awaiting_confirmation, appraised_by, version FROM score {where_unit}"
        ))?;
        let mut rows = statement.query(bind.clone())?;
        while let Some(row) = rows.next()? {
            let unit: String = row.get(0)?;
            let Some(record) = units.get_mut(&unit) else { continue };
            let entry = record.entries.entry(row.get(1)?).or_default();
            entry.self_score = decimal(row.get(2)?);
            entry.appraised_score = decimal(row.get(3)?);
            entry.deduction_reason = row.get(4)?;
            entry.explanation = row.get(5)?;
            entry.applicable = row.get(6)?;
            entry.awaiting_confirmation = row.get(7)?;
            entry.appraised_by = row.get(8)?;
            entry.version = row.get(9)?;
        }

        let mut statement =
            conn.prepare(&format!("SELECT unit, criterion, score, leader FROM leader_score {where_unit}"))?;
        let mut rows = statement.query(bind.clone())?;
        while let Some(row) = rows.next()? {
            let unit: String = row.get(0)?;
            let Some(record) = units.get_mut(&unit) else { continue };
            if let Some(score) = decimal(row.get(2)?) {
                record.entries.entry(row.get(1)?).or_default().leader_scores.insert(row.get(3)?, score);
            }
        }

        let mut statement = conn.prepare(&format!("SELECT unit, name, value FROM fact {where_unit}"))?;
        let mut rows = statement.query(bind.clone())?;
        while let Some(row) = rows.next()? {
            let unit: String = row.get(0)?;
            let name: String = row.get(1)?;
            let value: String = row.get(2)?;
            let (Some(record), Some(definition)) = (units.get_mut(&unit), regulation.fact(&name)) else {
                continue;
            };
            if let Ok(value) = definition.parse_value(&value) {
                record.facts.insert(name, value);
            }
        }

        let mut statement =
            conn.prepare(&format!("SELECT unit, criterion, grade, reason FROM grade_override {where_unit}"))?;
        let mut rows = statement.query(bind)?;
        while let Some(row) = rows.next()? {
            let unit: String = row.get(0)?;
            let grade: String = row.get(2)?;
            let (Some(record), Ok(grade)) = (units.get_mut(&unit), Grade::from_str(&grade)) else { continue };
            record.grade_overrides.insert(row.get(1)?, GradeOverride { grade, reason: row.get(3)? });
        }
        Ok(units)
    }
}

impl Store {
    /// The chairman's orders of tie groups, by bloc.
    fn tie_orders(&self) -> Result<BTreeMap<String, Vec<Vec<String>>>> {
        let mut tie_orders: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
        let mut statement =
            self.conn.prepare("SELECT bloc, order_id, unit FROM tie_order ORDER BY bloc, order_id, position")?;
        let mut rows = statement.query([])?;
        let mut current: Option<(String, i64)> = None;
        while let Some(row) = rows.next()? {
            let bloc: String = row.get(0)?;
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
