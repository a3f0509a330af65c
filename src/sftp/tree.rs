//! The virtual folder one user sees over SFTP: every path is read as names in this tree (never as a path of
//! the server's disk), so nothing outside it can be named — no database, no `..`, no link.
//!
//! ```text
//! /xuat/                      the exports this user made (the interface's x, X, e write there)
//! /xuat-hoi-dong/NGƯỜI/       every user's exports (secretary, chairman)
//! /nhap/                      the files this user sends to import from the desk (secretary, chairman)
//! /ĐƠN-VỊ/                    a unit (a unit's focal person: its own only; the council: every unit)
//! /ĐƠN-VỊ/TIÊU-CHÍ/TỆP        the unit's documents of a criterion; a unit sends new ones here
//! /ĐƠN-VỊ/bieu-cham-ky/TỆP    its signed, stamped score sheet
//! /ĐƠN-VỊ/ho-so-ĐƠN-VỊ.zip    the unit's whole dossier with its manifest (secretary, chairman)
//! /TU-CHOI-TAI-LEN.txt        this user's refused uploads and why (read only; listed once there is one)
//! /ĐƠN-VỊ/TIÊU-CHÍ/TU-CHOI-TAI-LEN.txt   the same, of that folder
//! ```

use crate::domain::code::UnitCode;
use crate::domain::permissions::Role;
pub use crate::messages::refusals::NOTE_FILE;
use crate::store::Store;

/// The folder of the user's own exports.
pub const EXPORTS: &str = "xuat";
/// The folder of every user's exports (secretary, chairman).
pub const ALL_EXPORTS: &str = "xuat-hoi-dong";
/// The user's inbox: files sent to be imported from the secretary's desk (those who may import).
pub const INBOX: &str = "nhap";

/// A place of the virtual folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// The top of the tree: the folders this user may see.
    Root,
    /// A user's exports folder.
    Exports(String),
    /// The council's exports, every user's (for those who may read the round).
    AllExports,
    /// One export: its owner and name.
    ExportFile(String, String),
    /// A unit's folder of documents, by its code.
    Unit(UnitCode),
    /// A unit's folder for a criterion or its signed sheet.
    Folder(UnitCode, String),
    /// A name in a unit's folder: a document there, or one to send.
    Document(UnitCode, String, String),
    /// A unit's dossier (zip).
    Dossier(UnitCode),
    /// The user's inbox (`/nhap`).
    Inbox,
    /// A file of the user's inbox, there or to send.
    InboxFile(String),
    /// The note of this user's refused uploads: all of them (None), or those sent into a unit's folder.
    Note(Option<(UnitCode, String)>),
}

/// Why a path names nothing this user may reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Miss {
    /// Nothing of that name.
    Missing,
    /// There is, but not for this user.
    Forbidden,
}

/// A client's path as names from the root, `.` and `..` resolved within the tree (`..` at the root stays there).
pub fn names(path: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                names.pop();
            }
            name => names.push(name.to_string()),
        }
    }
    names
}

/// The dossier's file name in a unit's folder.
pub fn dossier_name(unit: &UnitCode) -> String {
    format!("ho-so-{unit}.zip")
}

/// Whether this session's user reads the whole council's papers (every export, every dossier).
pub fn reads_papers(store: &Store) -> bool {
    matches!(store.actor().role, Role::Secretary | Role::Chairman | Role::ServiceAccount)
}

/// Whether this session's user has an inbox: those who may import (the secretary's desk reads it).
pub fn has_inbox(store: &Store) -> bool {
    crate::domain::permissions::may(store.actor(), crate::domain::permissions::CouncilWrite::Import).is_ok()
}

/// Whether this session's user may see `unit`'s folder.
fn sees_unit(store: &Store, unit: &UnitCode) -> bool {
    match (&store.actor().role, &store.actor().unit) {
        (Role::Unit, own) => own.as_deref() == Some(unit),
        _ => true,
    }
}

/// What `path` names for this session's user.
pub fn resolve(store: &Store, path: &str) -> Result<Node, Miss> {
    let names = names(path);
    let me = store.actor().name.clone();
    let parts: Vec<&str> = names.iter().map(String::as_str).collect();
    match parts.as_slice() {
        [] => Ok(Node::Root),
        [NOTE_FILE] => Ok(Node::Note(None)),
        [EXPORTS] => Ok(Node::Exports(me)),
        [EXPORTS, name] => Ok(Node::ExportFile(me, (*name).to_string())),
        [INBOX, ..] if !has_inbox(store) => Err(Miss::Forbidden),
        [INBOX] => Ok(Node::Inbox),
        [INBOX, name] => Ok(Node::InboxFile((*name).to_string())),
        [ALL_EXPORTS, ..] if !reads_papers(store) => Err(Miss::Forbidden),
        [ALL_EXPORTS] => Ok(Node::AllExports),
        [ALL_EXPORTS, owner] => Ok(Node::Exports((*owner).to_string())),
        [ALL_EXPORTS, owner, name] => Ok(Node::ExportFile((*owner).to_string(), (*name).to_string())),
        [unit, rest @ ..] => unit_node(store, &UnitCode::from(*unit), rest),
    }
}

fn unit_node(store: &Store, unit: &UnitCode, rest: &[&str]) -> Result<Node, Miss> {
    let Ok(folders) = store.document_folders(unit) else {
        return Err(if store.actor().role == Role::Unit { Miss::Forbidden } else { Miss::Missing });
    };
    if !sees_unit(store, unit) {
        return Err(Miss::Forbidden);
    }
    let folder = |name: &str| folders.iter().any(|f| f == name);
    match rest {
        [] => Ok(Node::Unit(unit.clone())),
        [name] if *name == dossier_name(unit) => {
            if reads_papers(store) {
                Ok(Node::Dossier(unit.clone()))
            } else {
                Err(Miss::Forbidden)
            }
        }
        [name] if folder(name) => Ok(Node::Folder(unit.clone(), (*name).to_string())),
        [name, file] if folder(name) && *file == NOTE_FILE => Ok(Node::Note(Some((unit.clone(), (*name).to_string())))),
        [name, file] if folder(name) => Ok(Node::Document(unit.clone(), (*name).to_string(), (*file).to_string())),
        _ => Err(Miss::Missing),
    }
}
