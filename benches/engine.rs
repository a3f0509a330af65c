//! The engine at the real size (42 units) and at national scale (10 000 units, about 372 000 component scores):
//! loading a round, ranking every bloc, and the incremental update after one score changes — side by side with
//! the obvious alternative, reading everything again from SQL and ranking it all. `cargo bench --bench engine`.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use std::sync::LazyLock;
use thamdinh::demo;
use thamdinh::domain::evaluate::{Round, evaluate_round};
use thamdinh::domain::regulation::Regulation;
use thamdinh::domain::standing::Standing;
use thamdinh::store::Store;

fn main() {
    divan::main();
}

struct Fixture {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    regulation: Regulation,
    round: Round,
    standing: Standing,
}

fn fixture(units: Option<usize>) -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    let store = demo::create(&path, "thai-nguyen-2024", 2024, units, 1).expect("demo round");
    let round = store.load_round().expect("round");
    let standing = Standing::new(store.regulation(), &round);
    Fixture { regulation: store.regulation().clone(), round, standing, path, _dir: dir }
}

static REAL: LazyLock<Fixture> = LazyLock::new(|| fixture(None));
static NATIONAL: LazyLock<Fixture> = LazyLock::new(|| fixture(Some(10_000)));

fn size(name: &str) -> &'static Fixture {
    if name == "real" { &REAL } else { &NATIONAL }
}

/// The round with one appraised score changed in the middle unit: what a save does.
fn one_change(fixture: &Fixture) -> (Round, usize) {
    let mut round = fixture.round.clone();
    let index = round.units.len() / 2;
    let unit = &mut round.units[index];
    let entry = unit.entries.values_mut().next().expect("an entry");
    entry.appraised_score = Some(rust_decimal::Decimal::ZERO);
    entry.deduction_reason = "bench".into();
    (round, index)
}

#[divan::bench(args = ["real", "national"], sample_count = 10)]
fn load_round(name: &str) -> usize {
    let fixture = size(name);
    Store::open(&fixture.path).and_then(|store| store.load_round()).map(|round| round.units.len()).unwrap_or(0)
}

#[divan::bench(args = ["real", "national"], sample_count = 10)]
fn rank_every_bloc(name: &str) -> usize {
    let fixture = size(name);
    evaluate_round(&fixture.regulation, divan::black_box(&fixture.round)).len()
}

/// After one score changes: re-evaluate that unit and re-rank its bloc (what the interface does).
#[divan::bench(args = ["real", "national"], sample_count = 60)]
fn incremental_update_after_one_change(bencher: divan::Bencher, name: &str) {
    let fixture = size(name);
    let (round, index) = one_change(fixture);
    bencher.with_inputs(|| fixture.standing.clone()).bench_local_values(|mut standing| {
        standing.unit_changed(&fixture.regulation, &round, index);
        standing
    });
}

/// The obvious alternative after one change: read the whole round from SQL again and rank everything.
#[divan::bench(args = ["real", "national"], sample_count = 5)]
fn full_recompute_from_sql_after_one_change(name: &str) -> usize {
    let fixture = size(name);
    let Ok(store) = Store::open(&fixture.path) else { return 0 };
    let Ok(round) = store.load_round() else { return 0 };
    evaluate_round(store.regulation(), &round).len()
}

#[divan::bench(sample_count = 3)]
fn generate_round_1000_units(bencher: divan::Bencher) {
    bencher.bench_local(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        demo::create(&dir.path().join("g.db"), "thai-nguyen-2024", 2024, Some(1000), 1).is_ok()
    });
}
