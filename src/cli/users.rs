//! `thamdinh user add|list|remove`: the council's users, managed by whoever holds the database.

use super::UserCommand;
use crate::domain::permissions::Role;
use crate::store::{Store, StoreError};
use std::io::Write;
use std::str::FromStr;

pub fn run(mut store: Store, command: UserCommand) -> Result<(), StoreError> {
    match command {
        UserCommand::Add { name, role, agency, full_name } => {
            let role = Role::from_str(&role).map_err(StoreError::Refused)?;
            store.add_user(&name, &full_name, role, agency.as_deref())?;
            println!("{name}: added as {role}{}", agency.map(|a| format!(", {a}")).unwrap_or_default());
        }
        UserCommand::List => {
            let mut out = format!("{:<24} {:<10} {:<20} {:<30} status\n", "name", "role", "agency", "full name");
            for user in store.users()? {
                let status = match &user.removed_at {
                    Some(at) => format!("removed {at}"),
                    None => format!("added {}", user.added_at),
                };
                out.push_str(&format!(
                    "{:<24} {:<10} {:<20} {:<30} {status}\n",
                    user.name,
                    user.role.slug(),
                    user.agency.as_deref().unwrap_or("-"),
                    user.full_name
                ));
            }
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = std::io::stdout().lock().write_all(out.as_bytes());
        }
        UserCommand::Remove { name } => {
            store.remove_user(&name)?;
            println!("{name}: removed; the audit log keeps their name");
        }
    }
    Ok(())
}
