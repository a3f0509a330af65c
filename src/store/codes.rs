//! The round's codes (`domain::code`) as SQLite values: stored and read as the text they hold.

use crate::domain::code::{BlocCode, ComponentCode, UnitCode};
use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

macro_rules! code_as_text {
    ($($name:ident),*) => {$(
        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                String::column_result(value).map($name::from)
            }
        }
    )*};
}

code_as_text!(UnitCode, BlocCode, ComponentCode);
