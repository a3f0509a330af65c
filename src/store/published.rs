//! The published result of approved blocs: the snapshot the approval writes (`published_result`, frozen by
//! trigger), the bloc's quota on its approval row, and each re-rating's new result of its unit.

use super::error::Result;
use super::state::row_state;
use crate::domain::code::{BlocCode, UnitCode};
use crate::domain::published::{Published, PublishedBloc, level_of_slug};
use crate::domain::ranking::{BlocRanking, Outcome};
use rusqlite::{Connection, params};
use std::collections::BTreeMap;
use std::str::FromStr;

impl super::Store {
    /// Every approved bloc's published results, as every reader of an approved bloc shows them.
    pub fn published_results(&self) -> Result<BTreeMap<BlocCode, PublishedBloc>> {
        published_results(&self.conn)
    }
}

/// Reads every approved bloc's published results, with each unit's latest re-rating in place of its approved
/// result. Blocs approved before results were published (an older database) are left out: they are ranked as
/// before.
pub(super) fn published_results(conn: &Connection) -> Result<BTreeMap<BlocCode, PublishedBloc>> {
    let mut blocs: BTreeMap<BlocCode, PublishedBloc> = BTreeMap::new();
    let mut statement = conn.prepare_cached(
        "SELECT bloc, eligible, quota FROM approval WHERE eligible IS NOT NULL AND quota IS NOT NULL",
    )?;
    let rows = statement
        .query_map([], |row| Ok((row.get::<_, BlocCode>(0)?, row.get::<_, i64>(1)?, row.get::<_, i64>(2)?)))?;
    for row in rows {
        let (bloc, eligible, quota) = row?;
        let count = |n: i64| usize::try_from(n).unwrap_or(0);
        blocs.insert(bloc, PublishedBloc { eligible: count(eligible), quota: count(quota), units: BTreeMap::new() });
    }
    let mut statement = conn.prepare_cached("SELECT bloc, unit, rank, level, total FROM published_result")?;
    let rows = statement.query_map([], |row| {
        Ok((row.get::<_, BlocCode>(0)?, row.get::<_, UnitCode>(1)?, row.get::<_, i64>(2)?, row.get(3)?, row.get(4)?))
    })?;
    for row in rows {
        let (bloc, unit, rank, level, total): (BlocCode, UnitCode, i64, String, String) = row?;
        if let (Some(published), Some(result)) = (blocs.get_mut(&bloc), read(rank, &level, &total, false)) {
            published.units.insert(unit, result);
        }
    }
    let mut statement = conn.prepare_cached(
        "SELECT r.unit, r.rank, r.level, r.total FROM rerating r WHERE r.open = 0 AND r.level IS NOT NULL
         AND r.rank IS NOT NULL AND r.total IS NOT NULL ORDER BY r.id",
    )?;
    let rows = statement.query_map([], |row| {
        Ok((row.get::<_, UnitCode>(0)?, row.get::<_, i64>(1)?, row.get::<_, String>(2)?, row.get::<_, String>(3)?))
    })?;
    for row in rows {
        let (unit, rank, level, total) = row?;
        let Some(result) = read(rank, &level, &total, true) else { continue };
        if let Some(entry) = blocs.values_mut().find_map(|bloc| bloc.units.get_mut(&unit)) {
            *entry = result;
        }
    }
    Ok(blocs)
}

fn read(rank: i64, level: &str, total: &str, rerated: bool) -> Option<Published> {
    Some(Published {
        rank: usize::try_from(rank).ok()?,
        level: level_of_slug(level)?,
        total: rust_decimal::Decimal::from_str(total).ok()?,
        rerated,
    })
}

/// Writes a bloc's published results as its approval leaves them (inside the approval's transaction); returns the
/// rows' states for the approval's audit row.
pub(super) fn write_published(tx: &Connection, bloc: &BlocCode, ranking: &BlocRanking) -> Result<Vec<String>> {
    let mut statement = tx.prepare_cached(
        "INSERT INTO published_result (unit, bloc, rank, level, total) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING *",
    )?;
    let mut states = Vec::with_capacity(ranking.units.len());
    for unit in &ranking.units {
        let level = match unit.outcome {
            Outcome::Level(level) => level.slug(),
            // Approval is refused while a tie is open; a pending tie never reaches here.
            Outcome::TiePending => continue,
        };
        let rank = i64::try_from(unit.rank).unwrap_or(i64::MAX);
        states.push(statement.query_row(params![unit.unit, bloc, rank, level, unit.total.to_string()], |row| {
            row_state("published_result", row)
        })?);
    }
    Ok(states)
}
