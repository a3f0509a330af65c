//! Every screen rendered at 80×24 and 160×48 and compared with reviewed snapshots (`cargo insta review`).

mod tui_support;

use thamdinh::tui::app::Role;
use tui_support::{app_for, demo_store, fixture_store, press, screen};

fn choose(role: &Role) -> String {
    let roles = [
        Role::Member { agency: "so-noi-vu".into() },
        Role::Member { agency: "thanh-tra-tinh".into() },
        Role::Member { agency: "so-tai-chinh".into() },
        Role::Member { agency: "van-phong-ubnd".into() },
        Role::Member { agency: "so-tttt".into() },
        Role::Member { agency: "so-tu-phap".into() },
        Role::Member { agency: "lanh-dao-ubnd".into() },
        Role::Secretary,
        Role::Chairman,
    ];
    let index = roles.iter().position(|r| r == role).expect("role");
    format!("{}<Enter>", "j".repeat(index))
}

/// Renders one screen reached by keys from the start-up picker, at both sizes.
fn snapshot(name: &str, keys: &str) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_for(&store, false);
    press(&mut app, &mut store, keys);
    insta::assert_snapshot!(format!("{name}_80x24"), screen(&app, 80, 24));
    insta::assert_snapshot!(format!("{name}_160x48"), screen(&app, 160, 48));
}

#[test]
fn picker() {
    snapshot("picker", "");
}

#[test]
fn member_queue() {
    snapshot("queue", &choose(&Role::Member { agency: "so-noi-vu".into() }));
}

#[test]
fn member_queue_filtered_by_status() {
    snapshot("queue_pending", &(choose(&Role::Member { agency: "so-noi-vu".into() }) + "s"));
}

#[test]
fn scoring_form_with_an_inline_refusal() {
    snapshot("form", &(choose(&Role::Member { agency: "so-noi-vu".into() }) + "/snv V.5<Enter><Enter>9<C-s>"));
}

#[test]
fn ranking() {
    snapshot("ranking", &choose(&Role::Secretary));
}

#[test]
fn progress() {
    snapshot("progress", &(choose(&Role::Secretary) + "<Tab>"));
}

#[test]
fn ties() {
    snapshot("ties", &(choose(&Role::Chairman) + "3"));
}

#[test]
fn ordering_a_tie() {
    snapshot("tie_order", &(choose(&Role::Chairman) + "3<Enter>"));
}

#[test]
fn help_overlay() {
    snapshot("help", &(choose(&Role::Secretary) + "?"));
}

#[test]
fn the_demo_is_marked_as_demo() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(dir.path());
    let app = app_for(&store, true);
    let text = screen(&app, 80, 24);
    assert!(text.lines().next().unwrap().contains("DỮ LIỆU MINH HỌA"), "{text}");
}

#[test]
fn facts_form() {
    snapshot("facts", &(choose(&Role::Secretary) + "f"));
}

#[test]
fn grade_override_form() {
    snapshot("grades", &(choose(&Role::Chairman) + "/syt<Enter>o"));
}

#[test]
fn comment_form_of_a_co_assigned_agency() {
    snapshot("comment", &(choose(&Role::Member { agency: "so-tttt".into() }) + "/stc<Enter><Enter>"));
}
