//! Opening the interface from the command line: the demo database or a round, as one of its users.

use crate::messages::{CliError, CliRefusal, Lang, cli as say};
use crate::store::Store;
use std::path::Path;

/// Opens the interface as `user`, on the given database or on the demo database (created on first run).
/// Without a user only a demo round opens, on the start-up picker; a real round needs `--user`.
pub(super) fn open_interface(db: Option<&Path>, user: Option<&str>, lang: Lang) -> Result<(), CliError> {
    let mut store = match db {
        Some(path) => Store::open(path)?,
        None => crate::demo::ensure_demo(&crate::demo::demo_path())?,
    };
    let demo = store.is_demo()?;
    match user {
        Some(name) => {
            // A unit's focal person gets its own screens, loaded with its own unit only (`tui::snapshot`).
            if let Err(error) = store.sign_in(name) {
                let removed = store.users()?.iter().any(|u| u.name == name && u.removed_at.is_some());
                return Err(if removed {
                    CliRefusal::AccountRemoved { name: name.to_string() }.into()
                } else {
                    error.into()
                });
            }
            // The deployment's forced command: sshd asks for the sftp subsystem (sftp, scp, `WinSCP`), or a session
            // has no terminal (`ssh host` without -t), which gets one line saying how to connect.
            if std::env::var("SSH_ORIGINAL_COMMAND").is_ok_and(|command| crate::sftp::is_sftp_request(&command)) {
                return Ok(crate::sftp::serve(store)?);
            }
            if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                return Err(CliRefusal::NeedsTerminal.into());
            }
        }
        None if demo => {}
        None => {
            return Err(CliRefusal::NeedsUser { db: store.path().display().to_string() }.into());
        }
    }
    let path = store.path().to_path_buf();
    let result = crate::tui::run(store, demo, lang);
    if demo && db.is_none() {
        println!("{}", say::demo_database(lang, &path));
    }
    Ok(result?)
}
