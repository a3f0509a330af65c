//! Where regulations come from: the data files built into the program, or a folder named by `THAMDINH_DATA_DIR`.

use crate::domain::loader::DataFiles;
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));
}

/// The environment variable naming a data folder to read regulations from instead of the built-in ones.
pub const DATA_DIR_VARIABLE: &str = "THAMDINH_DATA_DIR";

fn data_dir() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_VARIABLE).map(PathBuf::from)
}

/// The ids of the regulations available to `init`.
pub fn available() -> Vec<String> {
    let mut ids: Vec<String> = match data_dir() {
        Some(dir) => std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .flatten()
                    .filter(|e| e.path().join("regulation.toml").is_file())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default(),
        None => embedded::FILES
            .iter()
            .filter_map(|(path, _)| path.strip_suffix("/regulation.toml").map(str::to_string))
            .collect(),
    };
    ids.sort();
    ids.dedup();
    ids
}

/// The texts of one regulation's files, or None when there is no such regulation.
pub fn files(regulation: &str) -> Option<DataFiles> {
    let files = match data_dir() {
        Some(dir) => read_folder(&dir.join(regulation)),
        None => embedded::FILES
            .iter()
            .filter_map(|(path, text)| {
                let relative = path.strip_prefix(regulation)?.strip_prefix('/')?;
                Some((relative.to_string(), text.to_string()))
            })
            .collect(),
    };
    files.contains_key("regulation.toml").then_some(files)
}

fn read_folder(folder: &Path) -> DataFiles {
    let mut files = DataFiles::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if let (Ok(relative), Ok(text)) = (path.strip_prefix(folder), std::fs::read_to_string(&path)) {
                files.insert(relative.to_string_lossy().replace('\\', "/"), text);
            }
        }
    }
    files
}
