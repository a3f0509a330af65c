//! Issue 22 item 4: under `bac-giang-453` a whole part (A, B, C) or C.1 with no applicable item is refused
//! (Điều 4.1 fixes A 40, B 50, C 10), on every path that writes `applicable`: CSV, the unit's form, the sheet.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

use std::fmt::Write;
use std::path::Path;
use thamdinh::store::self_assessment::SelfAssessmentInput;
use thamdinh::store::{Cell, Store};

fn round(dir: &Path) -> Store {
    let mut store = Store::init(&dir.join("453.db"), "bac-giang-453", 2024).unwrap();
    std::fs::write(dir.join("units.csv"), "code,name,bloc,group\nbtc,Ban Tổ chức Tỉnh ủy,tap-the,I\n").unwrap();
    store.import_units(&dir.join("units.csv")).unwrap();
    store.add_unit_user("dau-moi-btc", "Đầu mối Ban Tổ chức", &"btc".into()).unwrap();
    store
}

/// The codes of the components of a part (content) or of a criterion.
fn codes(store: &Store, of: &str) -> Vec<String> {
    let framework = store.regulation().framework_for(&"tap-the".into(), Some("I")).unwrap();
    framework
        .components()
        .filter(|p| p.content.code == of || p.criterion.code == of)
        .map(|p| p.component.code.to_string())
        .collect()
}

fn not_applicable_csv(dir: &Path, codes: &[String]) -> std::path::PathBuf {
    let mut csv = String::from("unit,criterion,applicable\n");
    for code in codes {
        writeln!(csv, "btc,{code},no").unwrap();
    }
    let path = dir.join("na.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

fn vietnamese(error: &thamdinh::store::StoreError) -> String {
    thamdinh::messages::store_error(error, thamdinh::messages::Lang::Vi)
}

fn marked(store: &Store) -> usize {
    store.load_unit("btc").unwrap().unwrap().entries.values().filter(|e| !e.applicable).count()
}

#[test]
fn a_whole_part_or_c1_not_applicable_is_refused_by_csv() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = round(dir.path());
    for part in ["A", "B", "C", "C.1"] {
        let all = codes(&store, part);
        assert!(!all.is_empty(), "{part}");
        let refused = store.import_scores(&not_applicable_csv(dir.path(), &all)).unwrap_err();
        let text = vietnamese(&refused);
        assert!(text.contains(&format!("mọi nội dung của {part} sẽ là không áp dụng")), "{part}: {text}");
        assert!(text.contains("Điều 4.1"), "{text}");
        assert_eq!(marked(&store), 0, "{part}: a refused import changes nothing");
    }
    // All of part A but one item: accepted.
    let mut most = codes(&store, "A");
    most.pop();
    store.import_scores(&not_applicable_csv(dir.path(), &most)).unwrap();
    assert_eq!(marked(&store), most.len());
}

#[test]
fn the_units_form_cannot_mark_the_last_item_of_a_part() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = round(dir.path());
    let mut all = codes(&store, "A");
    let last = all.pop().unwrap();
    store.import_scores(&not_applicable_csv(dir.path(), &all)).unwrap();
    store.sign_in("dau-moi-btc").unwrap();
    let input = SelfAssessmentInput {
        unit: "btc".into(),
        component: last,
        self_score: Cell::Keep,
        explanation: Cell::Keep,
        applicable: Cell::Set(false),
    };
    let refused = store.save_self_assessment(&input).unwrap_err();
    assert!(vietnamese(&refused).contains("mọi nội dung của A"), "{}", vietnamese(&refused));
    assert_eq!(marked(&store), all.len(), "nothing changed");
}
