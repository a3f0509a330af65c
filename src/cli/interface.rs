//! Opening the interface from the command line: the demo database or a round, as one of its users.

use crate::store::{Result, Store, StoreError};
use std::path::Path;

/// Opens the interface as `user`, on the given database or on the demo database (created on first run).
/// Without a user only a demo round opens, on the start-up picker; a real round needs `--user`.
pub(super) fn open_interface(db: Option<&Path>, user: Option<&str>) -> Result<()> {
    let mut store = match db {
        Some(path) => Store::open(path)?,
        None => crate::demo::ensure_demo(&crate::demo::demo_path())?,
    };
    let demo = store.is_demo()?;
    match user {
        Some(name) => {
            store.sign_in(name)?;
            // The unit's screens (issue 16) come with the interface's rewrite; until then the council's screens,
            // which hold every unit, never open for a unit's focal person.
            crate::domain::permissions::may_read_round(store.actor())?;
        }
        None if demo => {}
        None => {
            return Err(StoreError::Refused(format!(
                "{}: a council round opens as one of its users: thamdinh --db {} --user NAME (see `thamdinh user list --db {}`); the start-up picker is for the demo only",
                store.path().display(),
                store.path().display(),
                store.path().display()
            )));
        }
    }
    let path = store.path().to_path_buf();
    let result = crate::tui::run(store, demo);
    if demo && db.is_none() {
        println!("Cơ sở dữ liệu minh họa (demo database): {}", path.display());
    }
    result
}
