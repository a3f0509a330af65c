//! Every screen rendered at 80×24 and 160×48 and compared with reviewed snapshots (`cargo insta review`).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tui_support;

use tui_support::{app_as, app_for, demo_store, fixture_store, press, screen};

#[test]
fn picker() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let app = app_for(&store, false);
    for (width, height) in [(80, 24), (160, 48)] {
        let text = screen(&app, width, height);
        assert!(text.contains("Bạn là ai?"), "{text}");
        insta::assert_snapshot!(format!("picker_{width}x{height}"), text);
    }
}

#[test]
fn member_queue() {
    // The queue opens on the first item still waiting for this member, not on work already done.
    snapshot_meaning("queue", "tv-so-noi-vu", "", "III.7  2,5         —         Thiếu hồ sơ");
}

#[test]
fn member_queue_filtered_by_status() {
    snapshot_meaning("queue_pending", "tv-so-noi-vu", "s", "[Chưa thẩm định]");
}

#[test]
fn scoring_form_with_an_inline_refusal() {
    snapshot_meaning("form", "tv-so-noi-vu", "/snv V.5<Enter><Enter>9<C-s>", "✗ ");
}

#[test]
fn ranking() {
    snapshot_meaning("ranking", "thu-ky", "", "trên vạch: chỉ tiêu xuất sắc 1");
}

#[test]
fn progress() {
    snapshot_meaning("progress", "thu-ky", "<Tab>", "198/199");
}

#[test]
fn ties() {
    snapshot_meaning("ties", "chu-tich", "3", "so-nganh: snv, stp — cùng 100,000 điểm");
}

#[test]
fn ordering_a_tie() {
    snapshot_meaning("tie_order", "chu-tich", "3<Enter>", "Xác nhận thứ tự");
}

#[test]
fn help_overlay() {
    // The secretary's help lists the secretary's keys, never the chairman's.
    snapshot_meaning("help", "thu-ky", "?", "Ghi nhận sự kiện");
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    press(&mut app, &mut store, "?");
    let text = screen(&app, 160, 48);
    assert!(!text.contains("Phê duyệt") && !text.contains("Điều chỉnh xếp loại"), "{text}");
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
    snapshot_meaning("facts", "thu-ky", "f", "Số đơn vị trực thuộc");
}

#[test]
fn grade_override_form() {
    snapshot_meaning("grades", "chu-tich", "/syt<Enter>o", "Bỏ điều chỉnh");
}

#[test]
fn comment_form_of_a_co_assigned_agency() {
    snapshot_meaning("comment", "tv-so-tttt", "/stc<Enter><Enter>", "Phiếu góp ý");
}

/// A screen reached by keys, at both sizes, with one assertion of what it means at each.
fn snapshot_meaning(name: &str, user: &str, keys: &str, meaning: &str) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, user);
    press(&mut app, &mut store, keys);
    for (width, height) in [(80, 24), (160, 48)] {
        let text = screen(&app, width, height);
        assert!(text.contains(meaning), "{name} at {width}×{height} lacks {meaning:?}:\n{text}");
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

#[test]
fn unit_file() {
    snapshot_meaning("unit_file", "thu-ky", "/syt<Enter><Enter>jjjjjjj", "Lý do trừ điểm: Còn đơn thư tồn đọng");
}

#[test]
fn unit_chart() {
    snapshot_meaning("unit_chart", "thu-ky", "/syt<Enter><Enter>c", "▇ thẩm định");
}

#[test]
fn approval_prompt() {
    snapshot_meaning("approval_prompt", "chu-tich", "la", "Gõ y rồi Enter");
}

#[test]
fn approval_blocked() {
    snapshot_meaning("approval_blocked", "chu-tich", "a", "chưa thể phê duyệt");
}

#[test]
fn charts() {
    snapshot_meaning("charts", "chu-tich", "4", "Xuất sắc ≥ 90");
}

#[test]
fn tie_order_figures() {
    snapshot_meaning("tie_order_figures", "chu-tich", "3<Enter>", "100,000");
}

#[test]
fn too_small() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let app = app_as(&mut store, "thu-ky");
    let text = screen(&app, 40, 12);
    assert!(text.contains("Cửa sổ quá nhỏ"), "{text}");
    insta::assert_snapshot!("too_small_40x12", text);
}

/// The ranking's reasons wrap with a hanging indent, as the unit's file does: at a narrow width a reason's
/// second line starts under its first word, past the bullet, never at the border.
#[test]
fn ranking_reasons_wrap_with_a_hanging_indent() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let app = app_as(&mut store, "thu-ky");
    for (width, height) in [(80, 24), (90, 30)] {
        let text = screen(&app, width, height);
        let lines: Vec<&str> = text.lines().collect();
        let title = lines.iter().position(|line| line.contains("Lý do xếp loại")).expect("the reasons pane");
        let inside: Vec<&str> = lines[title + 1..]
            .iter()
            .take_while(|line| line.starts_with('│'))
            .map(|line| line.trim_start_matches('│'))
            .collect();
        let wrapped =
            inside.iter().filter(|line| !line.starts_with('•') && !line.trim().trim_end_matches('│').is_empty());
        let mut continued = 0;
        for line in wrapped {
            assert!(
                line.starts_with("  ") && !line.starts_with("   "),
                "a wrapped reason without its hanging indent: {line:?}\n{text}"
            );
            continued += 1;
        }
        assert!(continued > 0, "no reason wrapped at {width} columns:\n{text}");
    }
}
