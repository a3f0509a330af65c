//! `thamdinh user add|list|remove`: the council's users, managed by whoever holds the database.

use super::UserCommand;
use super::output;
use super::table::{self, Column};
use crate::messages::{CliError, Lang, cli as say};
use crate::store::Store;

/// The least width of a cut column of `user list` (a role's or a name's first words).
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
            let limit = table::width_limit();
            if limit.is_some_and(|limit| table::natural_width(&header, &rows) > limit) {
                // A narrow terminal keeps one line per user: shorter headings, the status's date without its
                // time, the role and the full name cut with "…" to their share.
                let mut rows = rows;
                for row in &mut rows {
                    if let Some((date, _time)) = row[4].rsplit_once(' ') {
                        row[4] = date.to_string();
                    }
                }
                let header = crate::messages::users::narrow_user_columns(lang);
                let columns = [Column::WHOLE, Column::cut(LEAST), Column::WHOLE, Column::cut(LEAST), Column::WHOLE];
                output::print(&table::render(&columns, &header, &rows, limit))?;
                return Ok(());
            }
            // Wide enough (or piped): one line per user, every word whole.
            let columns = [Column::WHOLE; 5];
            output::print(&table::render(&columns, &header, &rows, limit))?;
        }
        UserCommand::Remove { name } => {
            store.remove_user(&name)?;
            output::line(say::user_removed(lang, &name))?;
        }
    }
    Ok(())
}
