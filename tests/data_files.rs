//! Every data file loads, and each framework matches the sums printed in its regulation.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod common;

use common::{bac_giang, d, thai_nguyen};
use thamdinh::domain::error::DataError;
use thamdinh::domain::loader::load_regulation;
use thamdinh::store::catalog;

fn maxima(regulation: &thamdinh::domain::regulation::Regulation, key: &str) -> (Vec<String>, Vec<String>) {
    let framework = regulation.frameworks.iter().find(|f| f.key == key).expect("framework");
    let contents = framework.contents.iter().map(|c| c.max.normalize().to_string()).collect();
    let criteria = framework.criteria().map(|(_, c)| c.max.normalize().to_string()).collect();
    (contents, criteria)
}

#[test]
fn every_regulation_in_data_loads() {
    assert_eq!(catalog::available(), ["bac-giang-453", "thai-nguyen-2024"]);
    for id in catalog::available() {
        let files = catalog::files(&id).unwrap();
        load_regulation(&id, &files).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn thai_nguyen_frameworks_match_the_printed_appendices() {
    let regulation = thai_nguyen();
    let printed = [
        ("phu-luc-1.toml", ["80", "17", "3"], ["20", "10", "20", "2", "28", "3", "9", "5", "1", "2"], 38),
        ("phu-luc-2.toml", ["80", "17", "3"], ["20", "10", "20", "2", "28", "6", "6", "5", "1", "2"], 37),
        ("phu-luc-3.toml", ["82", "15", "3"], ["20", "6", "25", "2", "29", "3", "7", "5", "1", "2"], 37),
        ("phu-luc-4.toml", ["82", "15", "3"], ["20", "4", "25", "3", "30", "6", "4", "5", "1", "2"], 37),
    ];
    for (key, contents, criteria, leaves) in printed {
        let (got_contents, got_criteria) = maxima(&regulation, key);
        assert_eq!(got_contents, contents, "{key}");
        assert_eq!(got_criteria, criteria, "{key}");
        let framework = regulation.frameworks.iter().find(|f| f.key == key).unwrap();
        assert_eq!(framework.components().count(), leaves, "{key}");
        let (_, group_one) = framework.criterion("I").unwrap();
        assert!(group_one.scored_by_leaders, "{key}: criterion I is scored by the provincial leaders");
        assert!(group_one.components.iter().all(|c| c.agencies == ["lanh-dao-ubnd"]));
    }
    // Decimal maxima are kept exactly.
    let framework = &regulation.frameworks[0];
    assert_eq!(framework.component("VII.3").unwrap().component.max, d("1.5"));
    // A merged agency cell inherits the row above: Phụ lục I V.3 and V.4 are Sở Nội vụ's.
    assert_eq!(framework.component("V.3").unwrap().component.agencies, ["so-noi-vu"]);
    // A cell naming several agencies: the first named leads.
    assert_eq!(framework.component("V.5").unwrap().component.agencies, ["so-noi-vu", "so-tttt", "so-tu-phap"]);
    assert_eq!(
        regulation.blocs.iter().map(|b| (b.code.as_str(), b.excellent_cap)).collect::<Vec<_>>(),
        [("so-nganh", Some(4)), ("huyen", Some(2)), ("su-nghiep", Some(1)), ("hoi", Some(1))]
    );
}

#[test]
fn bac_giang_parts_match_the_printed_appendix() {
    let regulation = bac_giang();
    assert_eq!(regulation.groups.len(), 17);
    let part_b_maxima: [&[&str]; 17] = [
        &["5", "5", "10", "10", "5", "5", "5", "5"],
        &["5"; 10],
        &["6", "6", "6", "6", "6", "5", "5", "5", "5"],
        &["7", "7", "6", "6", "6", "6", "6", "6"],
        &["6", "6", "6", "6", "6", "5", "5", "5", "5"],
        &["6", "6", "6", "6", "6", "5", "5", "5", "5"],
        &["6", "6", "6", "6", "6", "5", "5", "5", "5"],
        &["6", "6", "6", "6", "6", "5", "5", "5", "5"],
        &["6", "6", "6", "6", "6", "5", "5", "5", "5"],
        &["7", "7", "6", "6", "6", "6", "6", "6"],
        &["7", "6", "7", "6", "6", "6", "6", "6"],
        &["6", "6", "6", "6", "6", "5", "5", "5", "5"],
        &["6", "6", "6", "6", "6", "5", "5", "5", "5"],
        &["7", "7", "6", "6", "6", "6", "6", "6"],
        &["7", "7", "6", "6", "6", "6", "6", "6"],
        &["6", "6", "6", "6", "6", "5", "5", "5", "5"],
        &["6", "6", "6", "6", "6", "5", "5", "5", "5"],
    ];
    for (group, expected_b) in regulation.groups.iter().zip(part_b_maxima) {
        let framework = &regulation.frameworks[group.framework];
        let (contents, criteria) = maxima(&regulation, &framework.key);
        assert_eq!(contents, ["40", "50", "10"], "group {}", group.code);
        let part_b: Vec<&str> = criteria[4..criteria.len() - 3].iter().map(String::as_str).collect();
        assert_eq!(part_b, expected_b, "group {}", group.code);
        assert_eq!(&criteria[..4], ["10", "10", "10", "10"]);
        assert_eq!(&criteria[criteria.len() - 3..], ["4", "3", "3"]);
        let codes: Vec<&str> = framework.components().map(|p| p.component.code.as_str()).collect();
        assert_eq!(&codes[..3], ["A.1.1", "A.1.2", "A.2.1"]);
        assert_eq!(codes.last(), Some(&"C.3.2"));
        assert!(codes.contains(&"A.4.3") && codes.contains(&"B.1"));
    }
    let framework = &regulation.frameworks[0];
    assert_eq!(framework.criterion("C.2").unwrap().1.transfer_to.as_deref(), Some("C.1"));
    assert_eq!(framework.criterion("C.3").unwrap().1.transfer_to.as_deref(), Some("C.1"));
}

#[test]
fn the_named_units_import_cleanly() {
    for (id, count) in [("thai-nguyen-2024", 42), ("bac-giang-453", 56)] {
        let units = thamdinh::demo::named_units(id).unwrap();
        assert_eq!(units.len(), count, "{id}");
        let regulation = common::regulation(id);
        for unit in &units {
            assert!(regulation.framework_for(&unit.bloc, unit.group.as_deref()).is_some(), "{id} {}", unit.code);
        }
    }
}

fn broken(path: &str, from: &str, to: &str) -> DataError {
    let mut files = catalog::files("thai-nguyen-2024").unwrap();
    let text = files.get_mut(path).unwrap();
    assert!(text.contains(from), "{from}");
    *text = text.replacen(from, to, 1);
    load_regulation("thai-nguyen-2024", &files).unwrap_err()
}

#[test]
fn a_broken_data_file_is_refused_naming_file_and_line() {
    let error = broken("frameworks/phu-luc-1.toml", "max = \"1.5\"", "max = \"2.5\"").to_string();
    assert!(error.starts_with("thai-nguyen-2024/frameworks/phu-luc-1.toml:"), "{error}");
    assert!(error.contains("components of VII sum to 10, but its max is 9"), "{error}");

    let error =
        broken("frameworks/phu-luc-2.toml", "agencies = [\"thanh-tra-tinh\"]", "agencies = [\"so-xyz\"]").to_string();
    assert!(error.contains("agency so-xyz is not in agencies.toml"), "{error}");

    let error = broken("frameworks/phu-luc-3.toml", "code = \"III.2\"", "code = \"III.1\"").to_string();
    assert!(error.contains("III.1 out of sequence: expected III.2"), "{error}");

    let error = broken("regulation.toml", "rate = \"0.2\"", "rate = 0.2").to_string();
    assert!(error.starts_with("thai-nguyen-2024/regulation.toml:"), "{error}");

    let error = broken("regulation.toml", "fact = \"outstanding\"", "fact = \"outstandin\"").to_string();
    assert!(error.contains("fact outstandin is not declared"), "{error}");

    let error = broken("blocs.toml", "parts = [\"phu-luc-4.toml\"]", "parts = [\"phu-luc-9.toml\"]").to_string();
    assert!(error.contains("phu-luc-9.toml: missing"), "{error}");
}
