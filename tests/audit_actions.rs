//! Databases written before the audit actions became a type still verify: the stored slugs did not change,
//! so neither did any row's hash, and every stored action reads back as a known one.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

use std::path::Path;
use thamdinh::store::Store;
use thamdinh::store::audit::{AppraisalTransition, AuditAction, ChainCheck, ImportKind};

/// `round.db`: a Thái Nguyên round made by the program before this change from the CSV fixtures (imports,
/// users added and removed, a tie ordered, a bloc approved and re-rated); `demo.db`: a demo round it seeded.
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/before-audit-action");

fn open_copy(name: &str, dir: &Path) -> Store {
    let copy = dir.join(name);
    std::fs::copy(Path::new(FIXTURES).join(name), &copy).unwrap();
    Store::open(&copy).unwrap()
}

#[test]
fn a_database_written_before_the_change_still_verifies() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["round.db", "demo.db"] {
        let store = open_copy(name, dir.path());
        assert!(matches!(store.audit_verify().unwrap(), ChainCheck::Intact { .. }), "{name}: chain intact");
        assert!(store.audit_unexplained().unwrap().is_empty(), "{name}: every table as the log wrote it");
        for row in store.audit_log(None, None).unwrap() {
            assert!(row.kind().is_some(), "{name}: row {} has a known action {:?}", row.id, row.action);
        }
    }
}

#[test]
fn the_stored_actions_read_back_as_their_types() {
    let dir = tempfile::tempdir().unwrap();
    let store = open_copy("round.db", dir.path());
    let kinds: std::collections::BTreeSet<AuditAction> =
        store.audit_log(None, None).unwrap().iter().filter_map(thamdinh::store::audit::AuditRow::kind).collect();
    for expected in [
        AuditAction::Init,
        AuditAction::Unit,
        AuditAction::SelfScore,
        AuditAction::Appraisal(AppraisalTransition::Appraise),
        AuditAction::Fact,
        AuditAction::OverrideGrade,
        AuditAction::Evidence,
        AuditAction::AddUser,
        AuditAction::RemoveUser,
        AuditAction::OrderTie,
        AuditAction::Approve,
        AuditAction::Rerate,
        AuditAction::Import(ImportKind::Units),
        AuditAction::Import(ImportKind::Scores),
    ] {
        assert!(kinds.contains(&expected), "the fixture records {expected}");
    }
}

#[test]
fn a_write_after_the_change_extends_the_old_chain() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_copy("round.db", dir.path());
    store.order_tie(&"so-nganh".into(), &["stp".into(), "snv".into()]).unwrap();
    assert!(matches!(store.audit_verify().unwrap(), ChainCheck::Intact { .. }));
    let last = store.audit_log(None, None).unwrap().pop().unwrap();
    assert_eq!(last.kind(), Some(AuditAction::OrderTie));
    assert_eq!(last.action, "order tie");
}
