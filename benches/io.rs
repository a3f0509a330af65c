//! Files in and out at scale: importing a CSV of 100 000 score rows (one transaction, audited value by value)
//! and exporting every unit's score sheet to .xlsx. `cargo bench --bench io`.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use thamdinh::store::Store;

#[path = "tools/import_rows.rs"]
mod import_rows;

fn main() {
    divan::main();
}

struct Fixture {
    dir: tempfile::TempDir,
    path: PathBuf,
    csv: PathBuf,
}

/// 4 000 synthetic units (about 100 000 components) and a CSV appraising 100 000 of them.
static IMPORT: LazyLock<Fixture> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("import.db");
    let store = thamdinh::demo::create(&path, "thai-nguyen-2024", 2024, Some(4_000), 1).expect("demo round");
    let text = import_rows::scores_csv(&store);
    let csv = dir.path().join("scores.csv");
    std::fs::write(&csv, text).expect("csv");
    Fixture { dir, path, csv }
});

fn copy_of(fixture: &Fixture, name: &str) -> PathBuf {
    let copy = fixture.dir.path().join(name);
    let _ = std::fs::remove_file(&copy);
    std::fs::copy(&fixture.path, &copy).expect("copy");
    copy
}

#[divan::bench(sample_count = 3)]
fn import_100_000_score_rows(bencher: divan::Bencher) {
    let fixture = &*IMPORT;
    bencher.with_inputs(|| copy_of(fixture, "copy.db")).bench_local_values(|copy: PathBuf| {
        let mut store = Store::open(&copy).expect("open");
        store.import_scores(&fixture.csv).map(|imported| imported.rows).unwrap_or(0)
    });
}

fn export_all(units: Option<usize>, bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("export.db");
    let store = thamdinh::demo::create(&path, "thai-nguyen-2024", 2024, units, 1).expect("demo round");
    let out = dir.path().join("all.xlsx");
    bencher.bench_local(|| {
        thamdinh::sheet::export_sheets(&store, None, &out, thamdinh::sheet::Existing::Replace, &mut |_, _| {})
            .map(|d| d.sheets)
    });
    let _ = Path::new(&out);
}

#[divan::bench(sample_count = 3)]
fn export_every_score_sheet_42_units(bencher: divan::Bencher) {
    export_all(None, bencher);
}

#[divan::bench(sample_count = 2)]
fn export_every_score_sheet_1000_units(bencher: divan::Bencher) {
    export_all(Some(1000), bencher);
}

/// Every paper of a 60-unit round: the report, proposal, decision, minutes, a notice to each unit and the
/// publication page (issue 23 asks for all of them under a second).
#[divan::bench(sample_count = 3)]
fn every_paper_of_a_60_unit_round(bencher: divan::Bencher) {
    use thamdinh::papers::{PaperKind, export_notices, export_paper, publication};
    use thamdinh::sheet::Existing::Replace;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("papers.db");
    let store = thamdinh::demo::create(&path, "thai-nguyen-2024", 2024, Some(60), 1).expect("demo round");
    let notices = dir.path().join("notices");
    std::fs::create_dir(&notices).expect("folder");
    bencher.bench_local(|| {
        for (kind, name) in [
            (PaperKind::Report, "report.docx"),
            (PaperKind::Proposal, "proposal.docx"),
            (PaperKind::Decision, "decision.docx"),
            (PaperKind::Minutes, "minutes.docx"),
        ] {
            export_paper(&store, &kind, &dir.path().join(name), Replace).expect("paper");
        }
        let written = export_notices(&store, &notices, Replace).expect("notices").len();
        // Nothing is approved in a demo round: the publication is refused, which is part of the work too.
        let _ = publication::export_publication(&store, &dir.path().join("page.html"), Replace);
        written
    });
}
