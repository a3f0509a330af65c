//! The secretary's desk (issue 25): previewing an import of a whole province — 60 units' self-assessments as
//! one CSV, and as one workbook of 60 score sheets — tried in a transaction that is rolled back, with the
//! before/after count. Each must take well under a second. `cargo bench --bench desk`.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use std::fmt::Write;
use std::path::PathBuf;
use std::sync::LazyLock;
use thamdinh::sheet::desk::{Checked, FileKind, preview_file};
use thamdinh::store::Store;

fn main() {
    divan::main();
}

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
    csv: PathBuf,
    workbook: PathBuf,
}

/// A demo round of 60 units; a CSV giving every component of every unit a new self-score and explanation; the
/// workbook of every unit's score sheet.
static PROVINCE: LazyLock<Fixture> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("desk.db");
    let store = thamdinh::demo::create(&path, "thai-nguyen-2024", 2024, Some(60), 1).expect("demo round");
    let round = store.load_round().expect("round");
    assert_eq!(round.units.len(), 60);
    let mut text = String::from("unit,criterion,self_score,explanation\n");
    for unit in &round.units {
        let framework = store.regulation().framework_for(&unit.bloc, unit.group.as_deref()).expect("framework");
        // Its own self-score again (the demo's appraisals compare with it) and a new explanation for each.
        for place in framework.components().filter(|p| !p.criterion.scored_by_leaders) {
            let score = unit.entries.get(&place.component.code).and_then(|e| e.self_score);
            let score = score.map(|s| s.to_string()).unwrap_or_default();
            let _ = writeln!(text, "{},{},{score},Giải trình mới của đơn vị", unit.code, place.component.code);
        }
    }
    let csv = dir.path().join("tu-cham.csv");
    std::fs::write(&csv, text).expect("csv");
    let workbook = dir.path().join("bieu.xlsx");
    thamdinh::sheet::export_sheets(&store, None, &workbook, thamdinh::sheet::Existing::Refuse, &mut |_, _| {})
        .expect("sheets");
    Fixture { _dir: dir, path, csv, workbook }
});

fn preview(kind: FileKind, file: &std::path::Path) -> usize {
    let mut store = Store::open(&PROVINCE.path).expect("open");
    match preview_file(&mut store, kind, file).expect("preview") {
        Checked::Clean(preview) => preview.changes.len(),
        Checked::Refused(problems) => panic!("{problems:?}"),
    }
}

#[divan::bench(sample_count = 5)]
fn preview_60_units_csv(bencher: divan::Bencher) {
    let fixture = &*PROVINCE;
    bencher.bench_local(|| preview(FileKind::Scores, &fixture.csv));
}

#[divan::bench(sample_count = 5)]
fn preview_60_units_sheets(bencher: divan::Bencher) {
    let fixture = &*PROVINCE;
    bencher.bench_local(|| preview(FileKind::Sheet, &fixture.workbook));
}
