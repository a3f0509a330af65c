//! First figures for issue 6: generating, loading and ranking a round at the real size and at 10 000 units.
//! Run with `cargo bench`. No targets are asserted here; BENCHMARKS.md will record them.

use std::sync::LazyLock;
use thamdinh::demo;
use thamdinh::domain::evaluate::{Round, evaluate_round};
use thamdinh::domain::regulation::Regulation;
use thamdinh::store::Store;

fn main() {
    divan::main();
}

struct Fixture {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    regulation: Regulation,
    round: Round,
}

fn fixture(units: Option<usize>) -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    let store = demo::create(&path, "thai-nguyen-2024", 2024, units, 1).expect("demo round");
    let round = store.load_round().expect("round");
    Fixture { regulation: store.regulation().clone(), round, path, _dir: dir }
}

static REAL: LazyLock<Fixture> = LazyLock::new(|| fixture(None));
static NATIONAL: LazyLock<Fixture> = LazyLock::new(|| fixture(Some(10_000)));

#[divan::bench]
fn rank_every_bloc_42_units() -> usize {
    evaluate_round(&REAL.regulation, divan::black_box(&REAL.round)).len()
}

#[divan::bench(sample_count = 10)]
fn rank_every_bloc_10000_units() -> usize {
    evaluate_round(&NATIONAL.regulation, divan::black_box(&NATIONAL.round)).len()
}

#[divan::bench(sample_count = 10)]
fn load_round_10000_units() -> usize {
    Store::open(&NATIONAL.path).and_then(|store| store.load_round()).map(|round| round.units.len()).unwrap_or(0)
}

#[divan::bench(sample_count = 3)]
fn generate_round_1000_units(bencher: divan::Bencher) {
    bencher.bench_local(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        demo::create(&dir.path().join("g.db"), "thai-nguyen-2024", 2024, Some(1000), 1).is_ok()
    });
}
