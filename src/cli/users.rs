//! `thamdinh user add|list|remove`: the council's users, managed by whoever holds the database.

use super::UserCommand;
use super::output;
use crate::domain::permissions::Role;
use crate::domain::text::escape_line;
use crate::store::{Store, StoreError};
use std::str::FromStr;

pub fn run(mut store: Store, command: UserCommand) -> Result<(), StoreError> {
    match command {
        UserCommand::Add { name, role, agency, unit, full_name } => {
            let role = Role::from_str(&role).map_err(StoreError::Refused)?;
            match (role, unit) {
                (Role::Unit, Some(unit)) => {
                    store.add_unit_user(&name, &full_name, &unit)?;
                    output::line(format!("{name}: added as {role}, đơn vị {unit}"))?;
                    return Ok(());
                }
                (Role::Unit, None) => {
                    return Err(StoreError::Refused(
                        "cán bộ đầu mối (--role unit) thuộc một đơn vị: thêm --unit MÃ_ĐƠN_VỊ".into(),
                    ));
                }
                (_, Some(unit)) => {
                    return Err(StoreError::Refused(format!(
                        "chỉ cán bộ đầu mối (--role unit) mới gắn với đơn vị; một {role} làm việc cho Hội đồng, bỏ --unit {unit}"
                    )));
                }
                (_, None) => {}
            }
            store.add_user(&name, &full_name, role, agency.as_deref())?;
            output::line(format!("{name}: added as {role}{}", agency.map(|a| format!(", {a}")).unwrap_or_default()))?;
        }
        UserCommand::List => {
            let mut out = format!("{:<24} {:<10} {:<20} {:<30} status\n", "name", "role", "agency/unit", "full name");
            for user in store.users()? {
                let status = match &user.removed_at {
                    Some(at) => format!("removed {at}"),
                    None => format!("added {}", user.added_at),
                };
                let line = format!(
                    "{:<24} {:<10} {:<20} {:<30} {status}",
                    user.name,
                    user.role.slug(),
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
            output::line(format!("{name}: removed; the audit log keeps their name"))?;
        }
    }
    Ok(())
}
