//! `THAMDINH_DATA_DIR` adds regulations beside the built-in ones; a folder that is missing, holds none, or
//! repeats a built-in id is refused at start-up, naming it.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use std::path::Path;
use std::process::{Command, Output};

fn run(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_thamdinh"))
        .args(args)
        .env("THAMDINH_DATA_DIR", data_dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("run thamdinh")
}

/// Copies the built-in Thái Nguyên folder to `dir/<id>`, with its id changed.
fn copy_regulation(dir: &Path, id: &str) {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/thai-nguyen-2024");
    let target = dir.join(id);
    std::fs::create_dir_all(target.join("frameworks")).unwrap();
    for entry in walk(&source) {
        let relative = entry.strip_prefix(&source).unwrap();
        let mut text = std::fs::read_to_string(&entry).unwrap();
        if relative == Path::new("regulation.toml") {
            text = text.replace("id = \"thai-nguyen-2024\"", &format!("id = \"{id}\""));
        }
        std::fs::write(target.join(relative), text).unwrap();
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() { files.extend(walk(&path)) } else { files.push(path) }
    }
    files
}

fn stderr(output: &Output) -> String {
    assert!(!output.status.success(), "should have been refused: {}", String::from_utf8_lossy(&output.stdout));
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn a_data_folder_adds_to_the_built_in_regulations() {
    let dir = tempfile::tempdir().unwrap();
    copy_regulation(dir.path(), "tinh-thu");
    let output = run(dir.path(), &["regulations"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let listed = String::from_utf8(output.stdout).unwrap();
    for id in ["bac-giang-453", "thai-nguyen-2024", "tinh-thu"] {
        assert!(listed.lines().any(|line| line.starts_with(id)), "{id} not listed: {listed}");
    }
    // Both a built-in regulation and the added one make a round.
    for id in ["thai-nguyen-2024", "tinh-thu"] {
        let db = dir.path().join(format!("{id}.db"));
        let output = run(dir.path(), &["init", "--db", db.to_str().unwrap(), "--regulation", id, "--year", "2024"]);
        assert!(output.status.success(), "{id}: {}", String::from_utf8_lossy(&output.stderr));
    }
}

#[test]
fn an_id_both_built_in_and_in_the_folder_is_refused_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    copy_regulation(dir.path(), "thai-nguyen-2024");
    let error = stderr(&run(dir.path(), &["regulations"]));
    assert!(error.contains("data/thai-nguyen-2024"), "{error}");
    assert!(error.contains(&dir.path().join("thai-nguyen-2024").display().to_string()), "{error}");
}

#[test]
fn a_missing_or_empty_folder_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("khong-co");
    let error = stderr(&run(&missing, &["regulations"]));
    assert!(error.contains(&missing.display().to_string()) && error.contains("không có thư mục"), "{error}");
    std::fs::create_dir(dir.path().join("rong")).unwrap();
    let empty = dir.path().join("rong");
    let error = stderr(&run(&empty, &["regulations"]));
    assert!(error.contains(&empty.display().to_string()) && error.contains("không chứa quy chế"), "{error}");
}

#[test]
fn rank_json_names_the_tie_key_that_decided_where_the_regulation_lists_its_chain() {
    let dir = tempfile::tempdir().unwrap();
    copy_regulation(dir.path(), "tinh-thu");
    let toml = dir.path().join("tinh-thu/regulation.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, text.replacen("tiebreak_decimals = 3", "tie_keys = [\"part:ND-II\", \"criterion:I\"]", 1))
        .unwrap();
    let db = dir.path().join("r.db");
    let db = db.to_str().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    let units = write("units.csv", "code,name,bloc,group\na,Đơn vị A,so-nganh,\nb,Đơn vị B,so-nganh,\n");
    let scores = write("scores.csv", "unit,criterion,appraised_score,reason\na,VI.2,2,\nb,III.2,2,Chậm tiến độ\n");
    for args in [
        vec!["init", "--db", db, "--regulation", "tinh-thu", "--year", "2024"],
        vec!["import", "units", "--db", db, &units],
        vec!["import", "scores", "--db", db, &scores],
    ] {
        let output = run(dir.path(), &args);
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    }
    let output = run(dir.path(), &["rank", "--db", db, "--json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let ranked = report["blocs"][0]["units"].as_array().unwrap();
    assert_eq!(ranked[0]["unit"], "a", "equal totals: a's part ND-II (2) beats b's (0)");
    assert_eq!(ranked[1]["unit"], "b");
    assert_eq!(ranked[1]["tie_key"], "part:ND-II");
    assert!(ranked[1].get("total3").is_none(), "no further decimal is a tie key: {}", ranked[1]);
    let reasons = ranked[1]["reasons"].to_string();
    assert!(reasons.contains("xếp dưới vì điểm Phần ND-II thấp hơn (0 so với 2)"), "{reasons}");
}
