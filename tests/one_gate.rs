//! Issue 27, item 1: each rule is asked in one place. The refusal the interface shows before it offers a key or a
//! prompt (approval, withdrawal, a council write) is the store's refusal of the same write, word for word; and
//! the interface holds no copy of its own of who may write what.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

mod tui_support;

use std::path::Path;
use thamdinh::domain::facts::FactValue;
use thamdinh::domain::permissions::{CouncilWrite, Role, may};
use thamdinh::messages::{Lang, store_error};
use thamdinh::store::appraise::AppraisalInput;
use thamdinh::store::{Store, StoreError};
use thamdinh::tui::app::App;
use thamdinh::tui::keymap::{BINDINGS, When};
use tui_support::{app_as, fixture_store, press};

/// The store's refusal of a write, as the catalog words it for people.
fn store_says<T: std::fmt::Debug>(result: Result<T, StoreError>) -> String {
    store_error(&result.expect_err("the store refuses this write"), Lang::Vi)
}

fn message(app: &App) -> String {
    app.message.as_ref().map(|(text, _)| text.clone()).unwrap_or_default()
}

fn form_error(app: &App) -> String {
    app.form().and_then(|form| form.error.clone()).unwrap_or_default()
}

fn appraise(store: &mut Store, unit: &str, component: &str, points: i64, reason: &str) {
    let version = store.appraisal_version(&unit.into(), component).unwrap();
    let input = AppraisalInput {
        unit: unit.into(),
        component: component.into(),
        appraised: rust_decimal::Decimal::from(points),
        deduction_reason: reason.into(),
        based_on_version: version,
    };
    store.save_appraisal(&input).unwrap();
}

#[test]
fn the_approval_prompt_says_what_the_store_refuses_word_for_word() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());

    // A component left to appraise (skhcn III.7).
    let app = {
        let mut app = app_as(&mut store, "chu-tich");
        press(&mut app, &mut store, "a");
        app
    };
    let shown = app.approval().and_then(|prompt| prompt.blocker.clone()).expect("the prompt says why not");
    assert_eq!(shown, store_says(store.approve_bloc(&"so-nganh".into())));
    assert!(shown.contains("chưa được thẩm định"), "{shown}");

    // Appraised: the tie the chairman has not ordered is what keeps it.
    store.sign_in("tv-so-noi-vu").unwrap();
    appraise(&mut store, "skhcn", "III.7", 2, "Thiếu một báo cáo");
    let mut app = app_as(&mut store, "chu-tich");
    press(&mut app, &mut store, "a");
    let shown = app.approval().and_then(|prompt| prompt.blocker.clone()).expect("a tie keeps it");
    assert_eq!(shown, store_says(store.approve_bloc(&"so-nganh".into())));
    assert!(shown.contains("thứ tự bằng điểm"), "{shown}");

    // Ordered and approved through the interface: asked again, the approved bloc says so, as the store does.
    press(&mut app, &mut store, "<Esc>3<Enter>jK<Enter>y<Enter>1a");
    assert_eq!(app.approval().and_then(|prompt| prompt.blocker.clone()), None);
    press(&mut app, &mut store, "y<Enter>");
    assert!(app.approved.contains("so-nganh"), "{:?}", app.message);
    press(&mut app, &mut store, "a");
    let shown = app.approval().and_then(|prompt| prompt.blocker.clone()).expect("approved already");
    assert_eq!(shown, store_says(store.approve_bloc(&"so-nganh".into())));
}

#[test]
fn the_withdrawal_refusal_is_the_stores_word_for_word() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let withdraw = |store: &mut Store| {
        let version = store.appraisal_version(&"skhcn".into(), "III.7").unwrap();
        store_says(store.withdraw_appraisal(&"skhcn".into(), "III.7", "Nhầm", version))
    };

    // Nothing recorded yet.
    let mut member = app_as(&mut store, "tv-so-noi-vu");
    press(&mut member, &mut store, "/skhcn III.7<Enter><Enter><C-d>");
    let shown = form_error(&member);
    assert_eq!(shown, withdraw(&mut store));
    assert!(shown.contains("không có gì để rút"), "{shown}");

    // A member's final figure: the assistant may not withdraw it.
    press(&mut member, &mut store, "2<Tab>Thiếu một báo cáo<C-s>");
    let mut assistant = app_as(&mut store, "tgv-so-noi-vu");
    press(&mut assistant, &mut store, "/skhcn III.7<Enter><Enter><C-d>");
    let shown = form_error(&assistant);
    assert_eq!(shown, withdraw(&mut store));
    assert!(shown.contains("Tổ giúp việc"), "{shown}");

    // A provincial leader's own score is not withdrawn here.
    let component = "I.1";
    store.sign_in("lanh-dao-1").unwrap();
    appraise(&mut store, "skhcn", component, 3, "Chưa quyết liệt");
    let mut leader = app_as(&mut store, "lanh-dao-1");
    press(&mut leader, &mut store, &format!("/skhcn {component}<Enter><Enter><C-d>"));
    let shown = form_error(&leader);
    let version = store.appraisal_version(&"skhcn".into(), component).unwrap();
    assert_eq!(shown, store_says(store.withdraw_appraisal(&"skhcn".into(), component, "Nhầm", version)));
    assert!(shown.contains("Lãnh đạo"), "{shown}");
}

/// The writes whose keys the keymap offers only to those the rules allow, and a store call that makes each.
type Write = fn(&mut Store, &Path) -> Result<(), StoreError>;
const STORE_WRITES: &[(CouncilWrite, Write)] = &[
    (CouncilWrite::Approve, |store, _| store.approve_bloc(&"so-nganh".into()).map(drop)),
    (CouncilWrite::OrderTie, |store, _| store.order_tie(&"so-nganh".into(), &["stp".into(), "snv".into()])),
    (CouncilWrite::Facts, |store, _| {
        store.save_facts(&"stc".into(), &[("outstanding".into(), FactValue::Bool(false))])
    }),
    (CouncilWrite::ManageUsers, |store, _| store.add_user("moi", "Người mới", Role::Member, Some("so-noi-vu"))),
    (CouncilWrite::Backup, |store, dir| store.backup(&dir.join("copy.db")).map(drop)),
    (CouncilWrite::PaperSettings, |store, _| {
        use thamdinh::store::paper_settings::{PaperSlot, SettingChange};
        let number = SettingChange::Set("12".into());
        store.set_paper_numbering(PaperSlot::Report, number, SettingChange::Keep, SettingChange::Keep).map(drop)
    }),
];

#[test]
fn a_key_that_does_not_act_for_this_user_says_the_stores_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    store.add_unit_user("dau-moi-snv", "", &"snv".into()).unwrap();
    let mut checked = 0;
    for user in ["tv-so-noi-vu", "tgv-so-noi-vu", "lanh-dao-1", "thu-ky", "chu-tich", "dau-moi-snv"] {
        let app = app_as(&mut store, user);
        let actor = store.actor().clone();
        for binding in BINDINGS {
            let write = match binding.when {
                When::May(write, _) => write,
                When::OverrideGrades => CouncilWrite::OverrideGrade,
                _ => continue,
            };
            let Err(refusal) = may(&actor, write) else { continue };
            // The interface's refusal is the store's: the refusal of that write, as the store words it.
            let forbidden = store_error(&StoreError::Forbidden(Box::new(refusal)), Lang::Vi);
            assert_eq!(app.acts(binding), Err(forbidden.clone()), "{user}: {}", binding.label);
            if let Some((_, write)) = STORE_WRITES.iter().find(|(w, _)| *w == write) {
                assert_eq!(store_says(write(&mut store, dir.path())), forbidden, "{user}: {}", binding.label);
            }
            checked += 1;
        }
    }
    assert!(checked > 20, "the keymap offers council writes: {checked}");

    // Pressed, the key says it on the message line and nothing opens.
    let mut secretary = app_as(&mut store, "thu-ky");
    press(&mut secretary, &mut store, "a");
    assert_eq!(message(&secretary), store_says(store.approve_bloc(&"so-nganh".into())));
    assert!(secretary.approval().is_none());
}

/// `src/tui`'s code, tests left out, file by file.
fn interface_sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, found: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]").next().unwrap_or_default().to_string();
                let name = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().display().to_string();
                found.push((name, code));
            }
        }
    }
    let mut found = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui"), &mut found);
    found.sort();
    found
}

/// The interface decides no right and no blocker of its own: who may write what is `domain::permissions` and
/// `domain::gates`, asked; the refusals are the catalog's. A new copy (a role matched for a write right, a
/// sentence saying who may, an approval or withdrawal rule written again) fails here.
#[test]
fn the_interface_keeps_no_copy_of_a_rule() {
    // Where the interface names a role, and why it may: what a role sees (its panes, a leader's own score in its
    // form and queue, a unit's own screens) and what the effects do for the service account (paths). A new line
    // naming a role is a new decision: ask the domain's gate instead, or say here why it is not a right.
    const ROLES_NAMED: &[(&str, usize)] = &[
        ("src/tui/app/forms.rs", 1),      // a leader's form shows their own score
        ("src/tui/app/mod.rs", 1),        // a member confirms in the queue
        ("src/tui/app/panes.rs", 4),      // the panes of each role
        ("src/tui/app/unit_side.rs", 1),  // a unit's own unit
        ("src/tui/app/update/mod.rs", 1), // a unit reloads its own round on sign-in
        ("src/tui/app/views.rs", 5),      // a leader's own score and reason in the queue
        ("src/tui/effects.rs", 7),        // the service account's paths; a unit's refusals audited
        ("src/tui/mod.rs", 1),            // the service account picks a user
    ];
    // The one place each gate is asked from the interface.
    const GATES_ASKED: &[(&str, &str, usize)] =
        &[("src/tui/app/mod.rs", "approval_gate(", 1), ("src/tui/app/update/appraisal.rs", "withdrawal_gate(", 1)];
    const TIES_LISTED: &[(&str, usize)] = &[("src/tui/app/views.rs", 1), ("src/tui/view/overlays.rs", 2)];
    let mut problems = Vec::new();
    for (file, code) in interface_sources() {
        let named = code.lines().filter(|line| line.contains("Role::")).count();
        let allowed = ROLES_NAMED.iter().find(|(f, _)| *f == file).map_or(0, |(_, n)| *n);
        if named > allowed {
            problems
                .push(format!("{file}: names a role on {named} lines (allowed {allowed}): ask domain::permissions"));
        }
        // Sentences that say who may write, or why a bloc cannot be approved or an appraisal withdrawn, are the
        // catalog's (messages::gates), from the domain's typed refusal.
        for copy in [
            "\"Chỉ Thư ký",
            "\"Chỉ Chủ tịch",
            "chỉ Chủ tịch Hội đồng",
            "chỉ Thư ký",
            "Chưa thể phê duyệt",
            "chưa thể phê duyệt",
            "kết quả thẩm định để rút",
            "chỉ rút",
            "không rút",
        ] {
            if code.contains(copy) {
                problems.push(format!("{file}: words a gate itself ({copy:?}): use messages::gates"));
            }
        }
        // The gates' inputs read again by hand: a count of unappraised components or of open ties.
        for copy in [".unappraised", "awaiting_confirmation &&", "approval_gate(", "withdrawal_gate("] {
            let allowed = GATES_ASKED.iter().find(|(f, c, _)| *f == file && *c == copy).map_or(0, |(_, _, n)| *n);
            if code.matches(copy).count() > allowed {
                problems.push(format!("{file}: decides a blocker itself ({copy:?}): ask domain::gates"));
            }
        }
        // The open ties are listed (the ties pane, the approval prompt's list), never counted into a refusal.
        let ties = code.matches("unresolved_ties()").count();
        let listed = TIES_LISTED.iter().find(|(f, _)| *f == file).map_or(0, |(_, n)| *n);
        if ties > listed {
            problems.push(format!("{file}: reads the open ties {ties} times (listed {listed}): ask domain::gates"));
        }
    }
    let keys = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui/app/keys.rs")).unwrap();
    assert!(!keys.contains("fn who_may"), "src/tui/app/keys.rs: a second wording of the permissions");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
