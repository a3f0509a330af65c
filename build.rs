//! Embeds every file under `data/` into the binary, so a new regulation folder needs no code change.
#![allow(clippy::expect_used, reason = "a build script fails by panicking: cargo prints the message")]

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn collect(dir: &Path, root: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, root, files);
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("toml" | "csv"))
            && let Ok(relative) = path.strip_prefix(root)
        {
            files.push((relative.to_string_lossy().replace('\\', "/"), path.clone()));
        }
    }
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let data = manifest.join("data");
    println!("cargo:rerun-if-changed=data");
    let mut files = Vec::new();
    collect(&data, &data, &mut files);
    files.sort();
    let mut code =
        String::from("/// Every data file, by path under `data/`.\npub static FILES: &[(&str, &str)] = &[\n");
    for (relative, path) in files {
        let _ = writeln!(code, "    ({relative:?}, include_str!({:?})),", path.display().to_string());
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_data.rs");
    fs::write(out, code).expect("write embedded_data.rs");
}
