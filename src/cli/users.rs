//! `thamdinh user add|list|remove`: the council's users, managed by whoever holds the database.

use super::UserCommand;
use super::output;
use super::table::{self, Column};
use crate::messages::{CliError, Lang, cli as say};
use crate::store::Store;
use unicode_width::UnicodeWidthStr;

/// The least width of a wrapping column of `user list` (a role's or a name's first words).
const LEAST: usize = 12;

pub fn run(mut store: Store, command: UserCommand, lang: Lang) -> Result<(), CliError> {
    match command {
        UserCommand::Add { name, role, agency, unit, full_name } => {
            let role = store.add_user_typed(&name, &full_name, &role, agency.as_deref(), unit.as_deref())?;
            match unit {
                Some(unit) => output::line(say::unit_user_added(lang, &name, role, &unit.into()))?,
                None => {
                    let leaders = store.regulation().leaders_name.as_deref();
                    output::line(say::user_added(lang, &name, role, agency.as_deref(), leaders))?;
                }
            }
        }
        UserCommand::List => {
            let header = say::user_columns(lang);
            let users = store.users()?;
            let leaders = store.regulation().leaders_name.clone();
            let role_name = |role| crate::messages::leaders::role(role, lang, leaders.as_deref());
            let rows: Vec<Vec<String>> = users
                .iter()
                .map(|user| {
                    vec![
                        user.name.clone(),
                        role_name(user.role),
                        user.agency.as_deref().or(user.unit.as_deref()).unwrap_or("-").to_string(),
                        user.full_name.clone(),
                        say::user_status(lang, user.removed_at.as_deref(), &user.added_at),
                    ]
                })
                .collect();
            // A narrow terminal wraps the role, the full name and the status; the status keeps its date on one
            // line (`thêm 08/12/2026`, the time below).
            let status = rows
                .iter()
                .filter_map(|row| row[4].rsplit_once(' ').map(|(date, _)| date.width()))
                .max()
                .unwrap_or(LEAST);
            let columns = [
                Column::WHOLE,
                Column::wrapping(LEAST),
                Column::WHOLE,
                Column::wrapping(LEAST),
                Column::wrapping(status),
            ];
            output::print(&table::render(&columns, &header, &rows, table::width_limit()))?;
        }
        UserCommand::Remove { name } => {
            store.remove_user(&name)?;
            output::line(say::user_removed(lang, &name))?;
        }
    }
    Ok(())
}
