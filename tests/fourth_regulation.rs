//! Issue 26's promise: "a fourth regulation, written later from `data/README.md` alone, must load and rank
//! correctly with no code change". `tests/fixtures/regulations4/thu-nghiem-335/` was written that way from its
//! text (`van-ban.txt` beside it, *[GIẢ LẬP]*: the national frame of Nghị định 335/2025/NĐ-CP, Part A 30 points,
//! Part B 70, four levels at 90/70/50, excellent at most 20 % of the units rated good or above, ties by Part B then
//! the chairman). A round of it runs through the command line from CSV to approval, and its ranks and levels are
//! the ones worked out by hand from the text:
//!
//! | unit | A.1 | A.2 | B.1 | B.2 | total | Part B | level |
//! |---|---|---|---|---|---|---|---|
//! | xa-an | 15 | 14 | 38 | 28 | 95 | 66 | excellent (the quota's one place) |
//! | xa-binh | 14 | 14 | 37 | 27,5 | 92,5 | 64,5 | good (excellent's conditions, beyond the quota) |
//! | xa-phu | 14 | 13 | 35 | 29 | 91 | 64 | not completed (Điều 2.4: criminal prosecution) |
//! | xa-giang | 14 | 14 | 32 | 26 | 86 | 58 | good |
//! | xa-cat | 13 | 12 | 30 | 25 | 80 | 55 | good; above xa-dong by Part B |
//! | xa-dong | 15 | 15 | 25 | 25 | 80 | 50 | good |
//! | tt-eo | 10 | 10 | 20 | 15 | 55 | 35 | completed |
//!
//! Eligible (good or above, nothing of Điều 2.4): 5 units, quota ⌊20 % × 5⌋ = 1. Then xa-hung joins with xa-cat's
//! very scores: 6 eligible, quota ⌊1,2⌋ = 1; xa-cat and xa-hung are equal on the total and on Part B, so the
//! chairman orders them and approval waits for that order.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

use std::path::Path;
use std::process::{Command, Output};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/regulations4");
const ROUND: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/round4");

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_thamdinh"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("THAMDINH_LANG")
        .env("THAMDINH_DATA_DIR", DATA)
        .args(args)
        .output()
        .unwrap()
}

fn ok(args: &[&str]) -> String {
    let output = run(args);
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// A unit as `rank --json` places it: (code, rank, total, level, tie key).
type Placed = (String, u64, String, String, String);

/// The bloc `xa`: eligible, quota, and each unit in rank order.
fn ranking(db: &str) -> (u64, u64, Vec<Placed>) {
    let json: serde_json::Value = serde_json::from_str(&ok(&["rank", "--db", db, "--json"])).unwrap();
    assert_eq!(json["regulation"], "thu-nghiem-335");
    let bloc = &json["blocs"][0];
    assert_eq!(bloc["bloc"], "xa");
    let units = bloc["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|unit| {
            (
                unit["unit"].as_str().unwrap().to_string(),
                unit["rank"].as_u64().unwrap(),
                unit["total"].as_str().unwrap().to_string(),
                unit["level"].as_str().unwrap().to_string(),
                unit["tie_key"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    (bloc["eligible"].as_u64().unwrap(), bloc["quota"].as_u64().unwrap(), units)
}

fn row(unit: &str, rank: u64, total: &str, level: &str, key: &str) -> Placed {
    (unit.into(), rank, total.into(), level.into(), key.into())
}

#[test]
fn a_regulation_written_from_the_readme_alone_checks_ranks_and_approves() {
    let folder = Path::new(DATA).join("thu-nghiem-335");
    // The README's whole `[classification]` example is this regulation's, word for word: it loads.
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/README.md")).unwrap();
    let example = readme.split("```toml\n[classification]").nth(1).unwrap().split("```").next().unwrap();
    let data = std::fs::read_to_string(folder.join("regulation.toml")).unwrap();
    assert!(data.ends_with(&format!("[classification]{example}")), "the README's example differs from the data");
    let check = ok(&["regulations", "check", folder.to_str().unwrap()]);
    for shown in ["A Tiêu chí chung — 30", "B Kết quả thực hiện nhiệm vụ — 70", "10 đơn vị → 2", "25 đơn vị → 5"]
    {
        assert!(check.contains(shown), "{shown}: {check}");
    }
    assert!(ok(&["regulations"]).contains("thu-nghiem-335"), "offered beside the built-in ones");

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r4.db").display().to_string();
    ok(&["init", "--db", &db, "--regulation", "thu-nghiem-335", "--year", "2025"]);
    let units = folder.join("units.csv");
    ok(&["import", "units", "--db", &db, units.to_str().unwrap()]);
    for (kind, file) in [("scores", "self.csv"), ("scores", "appraisals.csv"), ("facts", "facts.csv")] {
        ok(&["import", kind, "--db", &db, &format!("{ROUND}/{file}")]);
    }
    let (eligible, quota, units) = ranking(&db);
    assert_eq!((eligible, quota), (5, 1));
    assert_eq!(
        units,
        [
            row("xa-an", 1, "95.00", "excellent", ""),
            row("xa-binh", 2, "92.50", "good", ""),
            row("xa-phu", 3, "91.00", "not_completed", ""),
            row("xa-giang", 4, "86.00", "good", ""),
            row("xa-cat", 5, "80.00", "good", "part:B"),
            row("xa-dong", 6, "80.00", "good", "part:B"),
            row("tt-eo", 7, "55.00", "completed", ""),
        ]
    );

    // The tie's reason writes the total as the ranking does, at the regulation's two decimals.
    let json: serde_json::Value = serde_json::from_str(&ok(&["rank", "--db", &db, "--json"])).unwrap();
    let cat = json["blocs"][0]["units"].as_array().unwrap().iter().find(|u| u["unit"] == "xa-cat").unwrap();
    let reasons = cat["reasons"].to_string();
    assert!(reasons.contains("Bằng tổng điểm 80,00 với đơn vị xa-dong"), "{reasons}");

    // A unit with xa-cat's scores: equal on every key, the chairman orders them; approval waits for it.
    ok(&["import", "units", "--db", &db, &format!("{ROUND}/more-units.csv")]);
    ok(&["import", "scores", "--db", &db, &format!("{ROUND}/more-scores.csv")]);
    let (eligible, quota, units) = ranking(&db);
    assert_eq!((eligible, quota), (6, 1));
    assert_eq!(
        units[4..7],
        [
            row("xa-cat", 5, "80.00", "good", "chairman"),
            row("xa-hung", 5, "80.00", "good", "chairman"),
            row("xa-dong", 7, "80.00", "good", "part:B"),
        ]
    );
    let refused = run(&["approve", "--db", &db, "--bloc", "xa"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("xa-cat,xa-hung"), "{refused:?}");
    ok(&["tie", "--db", &db, "--bloc", "xa", "--order", "xa-hung,xa-cat"]);
    ok(&["approve", "--db", &db, "--bloc", "xa"]);
    let (_, _, units) = ranking(&db);
    let order: Vec<(&str, u64)> = units.iter().map(|u| (u.0.as_str(), u.1)).collect();
    assert_eq!(
        order,
        [
            ("xa-an", 1),
            ("xa-binh", 2),
            ("xa-phu", 3),
            ("xa-giang", 4),
            ("xa-hung", 5),
            ("xa-cat", 6),
            ("xa-dong", 7),
            ("tt-eo", 8)
        ]
    );
}
