//! The 100 000-row appraisal CSV the import benchmark and the instruction-count probe both read: one row per
//! component a member appraises, unit by unit, so both measure the same file.

use std::fmt::Write;
use thamdinh::store::Store;

/// How many rows the import is measured with.
pub const ROWS: usize = 100_000;

/// The CSV text of [`ROWS`] appraisal rows over the round's units (every component but the leaders').
pub fn scores_csv(store: &Store) -> String {
    let round = store.load_round().expect("round");
    let mut text = String::from("unit,criterion,self_score,appraised_score,reason\n");
    let mut rows = 0;
    'units: for unit in &round.units {
        let framework = store.regulation().framework_for(&unit.bloc, unit.group.as_deref()).expect("framework");
        for place in framework.components().filter(|p| !p.criterion.scored_by_leaders) {
            let _ = writeln!(text, "{},{},0,0,bench", unit.code, place.component.code);
            rows += 1;
            if rows == ROWS {
                break 'units;
            }
        }
    }
    assert_eq!(rows, ROWS, "the round is too small for 100 000 rows");
    text
}
