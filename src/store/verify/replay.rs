//! `audit verify`'s replay: every record of the log (`state.rs`) replayed in order into an empty copy of the
//! tables, a demo round's seeded values regenerated from its recipe, and that copy compared with the database,
//! table by table, row by row, column by column.

use super::judge::{Forged, Judge, LoggedRow, Touched, TriggerProblem, trigger_problems};
use crate::store::Refused;
use crate::store::Store;
use crate::store::error::{Result, StoreError};
use crate::store::rows::UnitRow;
use crate::store::seed::{DemoRecipe, write_generated};
use crate::store::state::{TABLES, shown};
use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

fn key_columns(table: &str) -> &'static [&'static str] {
    TABLES.iter().find(|(name, _)| *name == table).map_or(&[], |(_, key)| *key)
}

/// One record as `audit verify` reads it back.
#[derive(Debug, serde::Deserialize)]
struct RowState {
    table: String,
    /// Only for a removed row: a present one carries its key among its values.
    #[serde(default)]
    key: Vec<serde_json::Value>,
    row: Option<Vec<serde_json::Value>>,
}

/// The expected tables' columns, in table order, by table.
type Columns = std::collections::HashMap<String, Vec<String>>;

fn columns_of(conn: &Connection, schema: &str, table: &str) -> Result<Vec<String>> {
    let mut statement = conn.prepare(&format!("PRAGMA {schema}.table_info(\"{table}\")"))?;
    Ok(statement.query_map([], |row| row.get::<_, String>(1))?.collect::<rusqlite::Result<_>>()?)
}

fn sql_value(value: &serde_json::Value) -> Value {
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Integer(i64::from(*b)),
        serde_json::Value::Number(number) => match (number.as_i64(), number.as_f64()) {
            (Some(integer), _) => Value::Integer(integer),
            (None, Some(real)) => Value::Real(real),
            _ => Value::Text(number.to_string()),
        },
        serde_json::Value::String(text) => Value::Text(text.clone()),
        other => Value::Text(other.to_string()),
    }
}

/// What the log says of a value the database holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Logged {
    /// The log's last word for it.
    Value(Option<String>),
    /// No audit row ever wrote it.
    Never,
    /// The log wrote the row, and the database no longer has it.
    Gone,
}

/// A recorded value that the log does not explain: changed, added or removed outside the program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unexplained {
    /// The data table (`score`), or `audit` for a demo round's recipe that cannot be regenerated.
    pub table: String,
    /// The row's key, `stc, III.7`.
    pub key: String,
    /// The column; `(row)` for a row that is gone, or one added with nothing but its key.
    pub field: String,
    /// What the database holds now (shortened when long).
    pub recorded: Option<String>,
    /// What the log says of it.
    pub logged: Logged,
}

impl std::fmt::Display for Unexplained {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let place = format!("{} ({}) {}", self.table, self.key, self.field);
        let show = |value: &Option<String>| match value.as_deref() {
            None => "—".to_string(),
            Some("") => "\"\" (empty)".to_string(),
            Some(text) => text.to_string(),
        };
        let recorded = show(&self.recorded);
        match &self.logged {
            Logged::Value(logged) => {
                write!(f, "{place}: the database holds {recorded}, the log's last word is {}", show(logged))
            }
            Logged::Never => write!(f, "{place}: the database holds {recorded}, and no audit row ever wrote it"),
            Logged::Gone => write!(f, "{place}: the log wrote this row, and it is gone from the database"),
        }
    }
}

fn key_text(row: &rusqlite::Row<'_>, count: usize) -> rusqlite::Result<String> {
    let mut parts = Vec::with_capacity(count);
    for index in 0..count {
        parts.push(shown(row.get_ref(index)?).unwrap_or_else(|| "NULL".into()));
    }
    Ok(parts.join(", "))
}

/// Applies one record to the expected tables.
fn apply(expected: &Connection, columns: &Columns, state: &RowState) -> Result<()> {
    let keys = key_columns(&state.table);
    // The record's values as the log holds them (JSON), never a Rust debug struct.
    let record = || serde_json::Value::Array(state.row.clone().unwrap_or_else(|| state.key.clone())).to_string();
    let unreadable = || StoreError::from(Refused::AuditRecordUnfit { table: state.table.clone(), record: record() });
    let Some(table_columns) = columns.get(&state.table).filter(|_| !keys.is_empty()) else {
        return Err(unreadable());
    };
    match &state.row {
        Some(values) => {
            if values.len() > table_columns.len() {
                return Err(unreadable());
            }
            let names: Vec<String> = table_columns[..values.len()].iter().map(|name| format!("\"{name}\"")).collect();
            let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
            let sql = format!(
                "INSERT OR REPLACE INTO main.\"{}\" ({}) VALUES ({})",
                state.table,
                names.join(", "),
                marks.join(", ")
            );
            expected.prepare_cached(&sql)?.execute(params_from_iter(values.iter().map(sql_value)))?;
        }
        None if state.key.len() != keys.len() => return Err(unreadable()),
        None => {
            let filter: Vec<String> = keys.iter().enumerate().map(|(i, c)| format!("\"{c}\" = ?{}", i + 1)).collect();
            let sql = format!("DELETE FROM main.\"{}\" WHERE {}", state.table, filter.join(" AND "));
            expected.prepare_cached(&sql)?.execute(params_from_iter(state.key.iter().map(sql_value)))?;
        }
    }
    Ok(())
}

impl Store {
    /// Replays every record of the log (and regenerates a demo round's seeded values from its recipe) into an
    /// empty copy of the tables, then compares that copy with the database, table by table, row by row, column by
    /// column.
    pub(crate) fn replay_and_compare(&self) -> Result<Judgement> {
        let mut expected = Connection::open("")?;
        expected.pragma_update(None, "cache_size", -32_768)?;
        crate::store::schema::migrations().to_latest(&mut expected)?;
        let triggers: Vec<(String, String)> = {
            let mut statement = expected.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")?;
            statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<rusqlite::Result<_>>()?
        };
        for (trigger, _) in &triggers {
            expected.execute_batch(&format!("DROP TRIGGER \"{trigger}\""))?;
        }
        let mut columns = Columns::new();
        for (table, _) in TABLES {
            columns.insert(table.to_string(), columns_of(&expected, "main", table)?);
        }
        let mut found = Vec::new();
        // One transaction reads the log and the tables: one snapshot of the database, however busy it is.
        crate::store::open_error::attach_read_only(&expected, &self.path, "real")?;
        expected.execute_batch("BEGIN")?;
        let mut judge = Judge::new(&self.regulation, &expected)?;
        {
            let mut statement = expected.prepare(
                "SELECT id, actor, action, field, new_value, state, at, unit, criterion FROM real.audit ORDER BY id",
            )?;
            let mut rows = statement.query([])?;
            while let Some(row) = rows.next()? {
                let id: i64 = row.get(0)?;
                let states: Vec<RowState> = match row.get::<_, Option<String>>(5)? {
                    Some(text) => serde_json::from_str(&text).map_err(|e| {
                        StoreError::from(Refused::AuditRecordUnreadable { row: id, why: e.to_string() })
                    })?,
                    None => Vec::new(),
                };
                let (actor, action, at): (String, String, String) = (row.get(1)?, row.get(2)?, row.get(6)?);
                let (unit, criterion, field): (Option<String>, Option<String>, Option<String>) =
                    (row.get(7)?, row.get(8)?, row.get(3)?);
                let logged = LoggedRow {
                    id,
                    at: &at,
                    actor: &actor,
                    action: &action,
                    unit: unit.as_deref(),
                    criterion: criterion.as_deref(),
                    field: field.as_deref(),
                };
                judge.row(&expected, &logged, &touched(&columns, &states))?;
                for state in &states {
                    apply(&expected, &columns, state)?;
                }
                let demo_seed = row.get_ref(2)?.as_str().ok() == Some("seed")
                    && row.get_ref(3)?.as_str_or_null().ok().flatten() == Some("demo_seed");
                if demo_seed {
                    let actor: String = row.get(1)?;
                    let recipe: Option<String> = row.get(4)?;
                    let unit_columns = columns.get("unit").map(Vec::as_slice).unwrap_or_default();
                    if let Err(problem) = self.regenerate(&expected, &actor, recipe.as_deref(), unit_columns, &states) {
                        found.push(Unexplained {
                            table: "audit".into(),
                            key: id.to_string(),
                            field: "new_value".into(),
                            recorded: recipe,
                            logged: Logged::Value(Some(format!(
                                "a demo round this program cannot regenerate: {problem}"
                            ))),
                        });
                    }
                }
            }
        }
        for (table, _) in TABLES {
            compare_table(&expected, table, &mut found)?;
        }
        let forged = std::mem::take(&mut judge.found);
        let triggers = trigger_problems(&triggers, &expected)?;
        expected.execute_batch("COMMIT")?;
        found.sort_by(|a, b| {
            let order = |u: &Unexplained| TABLES.iter().position(|(t, _)| *t == u.table).unwrap_or(TABLES.len());
            (order(a), &a.key, &a.field).cmp(&(order(b), &b.key, &b.field))
        });
        Ok(Judgement { unexplained: found, forged, triggers })
    }

    /// A demo round's generated values, written into the expected tables as `thamdinh demo` wrote them.
    fn regenerate(
        &self,
        expected: &Connection,
        actor: &str,
        recipe: Option<&str>,
        unit_columns: &[String],
        states: &[RowState],
    ) -> std::result::Result<(), String> {
        let recipe: DemoRecipe =
            serde_json::from_str(recipe.unwrap_or_default()).map_err(|e| format!("unreadable recipe: {e}"))?;
        let text = |row: &Vec<serde_json::Value>, column: &str| {
            let index = unit_columns.iter().position(|c| c == column)?;
            row.get(index).and_then(|value| value.as_str()).map(str::to_string)
        };
        let units: Vec<UnitRow> = states
            .iter()
            .filter(|state| state.table == "unit")
            .filter_map(|state| state.row.as_ref())
            .map(|row| UnitRow {
                code: text(row, "code").unwrap_or_default(),
                name: text(row, "name").unwrap_or_default(),
                bloc: text(row, "bloc").unwrap_or_default().into(),
                group: text(row, "unit_group"),
            })
            .collect();
        let seed = recipe.generate(&self.regulation, &units).map_err(|e| e.to_string())?;
        write_generated(expected, &seed, actor).map_err(|e| e.to_string())
    }
}

/// What `audit verify` finds beyond the chain: values the log does not explain, rows the program would not have
/// written, and the schema's guards (triggers) gone or altered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Judgement {
    /// Values of the tables the log does not explain.
    pub unexplained: Vec<Unexplained>,
    /// Rows of the log the program would not have written.
    pub forged: Vec<Forged>,
    /// The schema's triggers gone or altered.
    pub triggers: Vec<TriggerProblem>,
}

impl Judgement {
    /// Nothing found: every value explained, every row allowed, every trigger in place.
    pub fn is_clean(&self) -> bool {
        self.unexplained.is_empty() && self.forged.is_empty() && self.triggers.is_empty()
    }
}

/// The rows a write's records touch, as the judgement reads them: the table, its first key column's value, and a
/// unit row's new bloc.
fn touched(columns: &Columns, states: &[RowState]) -> Vec<Touched> {
    states
        .iter()
        .map(|state| {
            let table_columns = columns.get(&state.table).map(Vec::as_slice).unwrap_or_default();
            let position = |column: &str| table_columns.iter().position(|c| c == column);
            let text = |value: Option<&serde_json::Value>| value.and_then(|v| v.as_str()).map(str::to_string);
            let first = key_columns(&state.table).first().copied().unwrap_or_default();
            match &state.row {
                Some(values) => Touched {
                    table: state.table.clone(),
                    first_key: text(position(first).and_then(|at| values.get(at))),
                    new_bloc: (state.table == "unit")
                        .then(|| text(position("bloc").and_then(|at| values.get(at))))
                        .flatten(),
                    role: (state.table == "council_user")
                        .then(|| text(position("role").and_then(|at| values.get(at))))
                        .flatten(),
                },
                None => Touched {
                    table: state.table.clone(),
                    first_key: text(state.key.first()),
                    new_bloc: None,
                    role: None,
                },
            }
        })
        .collect()
}

/// The differences between the expected table (`main`) and the real one (`real`).
fn compare_table(expected: &Connection, table: &str, found: &mut Vec<Unexplained>) -> Result<()> {
    let keys = key_columns(table);
    let real_columns = columns_of(expected, "real", table)?;
    let columns: Vec<String> = columns_of(expected, "main", table)?
        .into_iter()
        .filter(|c| real_columns.contains(c) && !keys.contains(&c.as_str()))
        .collect();
    let join: Vec<String> = keys.iter().map(|k| format!("r.\"{k}\" = m.\"{k}\"")).collect();
    let join = join.join(" AND ");
    let key_list = |alias: &str| keys.iter().map(|k| format!("{alias}.\"{k}\"")).collect::<Vec<_>>().join(", ");
    let entry = |key: String, field: &str, recorded: Option<String>, logged: Logged| Unexplained {
        table: table.to_string(),
        key,
        field: field.to_string(),
        recorded,
        logged,
    };

    // Values different from the log's last word.
    if !columns.is_empty() {
        let pairs: Vec<String> = columns.iter().map(|c| format!("r.\"{c}\", m.\"{c}\"")).collect();
        let same: Vec<String> = columns.iter().map(|c| format!("r.\"{c}\" IS m.\"{c}\"")).collect();
        let sql = format!(
            "SELECT {}, {} FROM real.\"{table}\" r JOIN main.\"{table}\" m ON {join} WHERE NOT ({})",
            key_list("r"),
            pairs.join(", "),
            same.join(" AND ")
        );
        let mut statement = expected.prepare(&sql)?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let key = key_text(row, keys.len())?;
            for (n, column) in columns.iter().enumerate() {
                let (real, logged) = (row.get_ref(keys.len() + 2 * n)?, row.get_ref(keys.len() + 2 * n + 1)?);
                if real != logged {
                    found.push(entry(key.clone(), column, shown(real), Logged::Value(shown(logged))));
                }
            }
        }
    }
    // Rows the log never wrote.
    let all: Vec<String> = columns.iter().map(|c| format!("r.\"{c}\"")).collect();
    let selected = if all.is_empty() { key_list("r") } else { format!("{}, {}", key_list("r"), all.join(", ")) };
    let sql = format!(
        "SELECT {selected} FROM real.\"{table}\" r WHERE NOT EXISTS (SELECT 1 FROM main.\"{table}\" m WHERE {join})"
    );
    let mut statement = expected.prepare(&sql)?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let key = key_text(row, keys.len())?;
        let before = found.len();
        for (n, column) in columns.iter().enumerate() {
            if let Some(value) = shown(row.get_ref(keys.len() + n)?) {
                found.push(entry(key.clone(), column, Some(value), Logged::Never));
            }
        }
        if found.len() == before {
            found.push(entry(key, "(row)", None, Logged::Never));
        }
    }
    // Rows the log wrote that are gone.
    let sql = format!(
        "SELECT {} FROM main.\"{table}\" m WHERE NOT EXISTS (SELECT 1 FROM real.\"{table}\" r WHERE {join})",
        key_list("m")
    );
    let mut statement = expected.prepare(&sql)?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        found.push(entry(key_text(row, keys.len())?, "(row)", None, Logged::Gone));
    }
    Ok(())
}
