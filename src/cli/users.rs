//! `thamdinh user add|list|remove`: the council's users, managed by whoever holds the database.

use super::UserCommand;
use super::output;
use crate::domain::text::escape_line;
use crate::messages::{CliError, Lang, cli as say};
use crate::store::Store;

pub fn run(mut store: Store, command: UserCommand, lang: Lang) -> Result<(), CliError> {
    match command {
        UserCommand::Add { name, role, agency, unit, full_name } => {
            let role = store.add_user_typed(&name, &full_name, &role, agency.as_deref(), unit.as_deref())?;
            match unit {
                Some(unit) => output::line(say::unit_user_added(lang, &name, role, &unit))?,
                None => {
                    let leaders = store.regulation().leaders_name.as_deref();
                    output::line(say::user_added(lang, &name, role, agency.as_deref(), leaders))?;
                }
            }
        }
        UserCommand::List => {
            let [name, role, agency, full_name, status] = say::user_columns(lang);
            let users = store.users()?;
            let leaders = store.regulation().leaders_name.clone();
            let role_name = |role| crate::messages::leaders::role(role, lang, leaders.as_deref());
            // The role's column as wide as the longest role name shown, at least 10.
            let width = users.iter().map(|u| role_name(u.role).chars().count()).fold(10, usize::max);
            let mut out = format!("{name:<24} {role:<width$} {agency:<20} {full_name:<30} {status}\n");
            for user in users {
                let status = say::user_status(lang, user.removed_at.as_deref(), &user.added_at);
                let line = format!(
                    "{:<24} {:<width$} {:<20} {:<30} {status}",
                    user.name,
                    role_name(user.role),
                    user.agency.as_deref().or(user.unit.as_deref()).unwrap_or("-"),
                    user.full_name
                );
                out.push_str(&escape_line(&line));
                out.push('\n');
            }
            output::print(&out)?;
        }
        UserCommand::Remove { name } => {
            store.remove_user(&name)?;
            output::line(say::user_removed(lang, &name))?;
        }
    }
    Ok(())
}
