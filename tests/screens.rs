//! Issue 22's screens: a leader's own score counts in the leader's queue, nothing acts behind the too-small notice,
//! a tie order is confirmed like an approval, and every form asks before Esc throws typed work away.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;
mod tui_support;

use std::path::Path;
use std::time::{Duration, Instant};
use thamdinh::domain::permissions::Role;
use thamdinh::store::Store;
use thamdinh::tui::app::{App, Overlay, Screen, Status};
use tui_support::{app_as, dispatch_ctrl, fixture_store, press, screen};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");
const BIN: &str = env!("CARGO_BIN_EXE_thamdinh");

/// The status of one unit's component in the user's queue (whatever the filter shows).
fn status_of(app: &App, unit: &str, component: &str) -> Option<Status> {
    app.queue()
        .iter()
        .find(|item| app.item_codes(item).is_some_and(|(u, c)| u == unit && c == component))
        .map(|item| item.status)
}

fn form_reason(app: &App) -> String {
    app.form().map(|form| form.reason.lines().join("\n")).unwrap_or_default()
}

#[test]
fn a_leaders_own_score_and_reason_count_in_the_leaders_queue() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut leader = app_as(&mut store, "lanh-dao-1");
    press(&mut leader, &mut store, "/stc<Enter>g");
    let left = leader.queue_left();
    assert!(status_of(&leader, "stc", "I.1").is_some_and(Status::is_open));
    press(&mut leader, &mut store, "<Enter>");
    assert_eq!(leader.form().map(|f| (f.unit.as_str(), f.component.as_str())), Some(("stc", "I.1")));
    press(&mut leader, &mut store, "3<Tab>Chưa quyết liệt<C-s>");
    assert!(leader.message.as_ref().is_some_and(|(m, e)| !e && m.contains("stc · I.1: 3")), "{:?}", leader.message);
    // The next item opened (I.2): back to I.1.
    press(&mut leader, &mut store, "<Esc>k");
    assert_eq!(status_of(&leader, "stc", "I.1"), Some(Status::Appraised), "the leader's own reason counts");
    assert_eq!(leader.queue_left(), left - 1, "the counter moves");
    // The form reopens with the leader's own score and reason; saving it unchanged writes nothing.
    press(&mut leader, &mut store, "<Enter>");
    assert_eq!(leader.form().map(|f| (f.unit.as_str(), f.component.as_str())), Some(("stc", "I.1")));
    assert_eq!(leader.form().map(|f| f.score.as_str()), Some("3"));
    assert_eq!(form_reason(&leader), "Chưa quyết liệt");
    let before = store.audit_last_id().unwrap();
    press(&mut leader, &mut store, "<C-s>");
    assert_eq!(store.audit_last_id().unwrap(), before, "no no-op audit row (3 → 3)");

    // A reason imported with the `leader` column counts the same.
    let file = dir.path().join("leaders.csv");
    std::fs::write(&file, "unit,criterion,appraised_score,reason,leader\nsnv,I.2,3,Chậm một số việc,lanh-dao-1\n")
        .unwrap();
    let mut admin = Store::open(store.path()).unwrap();
    admin.import_scores(&file).unwrap();
    let mut leader = app_as(&mut store, "lanh-dao-1");
    assert_eq!(status_of(&leader, "snv", "I.2"), Some(Status::Appraised));
    press(&mut leader, &mut store, "/snv<Enter>gj<Enter>");
    assert_eq!(leader.form().map(|f| (f.unit.as_str(), f.component.as_str())), Some(("snv", "I.2")));
    assert_eq!(form_reason(&leader), "Chậm một số việc");
}

#[test]
fn below_the_smallest_size_only_q_acts() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut member = app_as(&mut store, "tv-so-noi-vu");
    screen(&member, 40, 12);
    press(&mut member, &mut store, "<Enter>?3<C-s>/");
    assert!(matches!(member.screen, Screen::Browse { filtering: false }), "nothing opened unseen");
    assert!(member.overlay.is_none() && member.browse.filter.is_empty());
    // Back at a full size the same keys act.
    screen(&member, 80, 24);
    press(&mut member, &mut store, "<Enter>");
    assert!(member.form().is_some());
    press(&mut member, &mut store, "1");
    // Shrunk with typed work: q asks (on the notice), n stays, q and y quit.
    let shown = screen(&member, 40, 12);
    assert!(shown.contains("Cửa sổ quá nhỏ"), "{shown}");
    press(&mut member, &mut store, "<Tab>x");
    assert_eq!(member.form().map(|f| f.score.as_str()), Some("1"), "nothing typed unseen");
    press(&mut member, &mut store, "q");
    assert!(screen(&member, 120, 12).contains("y để thoát"), "the question shows on the notice");
    press(&mut member, &mut store, "n");
    assert!(member.overlay.is_none() && !member.should_quit);
    press(&mut member, &mut store, "qy");
    assert!(member.should_quit);
}

#[test]
fn a_tie_order_is_confirmed_before_it_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut chairman = app_as(&mut store, "chu-tich");
    let before = store.audit_last_id().unwrap();
    press(&mut chairman, &mut store, "3<Enter><Enter>");
    assert!(chairman.tie_edit().is_some_and(|edit| edit.confirm.is_some()), "a second Enter asks");
    assert!(screen(&chairman, 120, 40).contains("Gõ y rồi Enter"));
    press(&mut chairman, &mut store, "<Enter>");
    assert_eq!(store.audit_last_id().unwrap(), before, "a double (or triple) Enter records nothing");
    assert!(store.load_round().unwrap().tie_orders.is_empty());
    // Esc goes back to the order; y and Enter record the order as set.
    press(&mut chairman, &mut store, "<Esc>");
    assert!(chairman.tie_edit().is_some_and(|edit| edit.confirm.is_none()));
    press(&mut chairman, &mut store, "jK<Enter>y<Enter>");
    assert!(chairman.tie_edit().is_none(), "{:?}", chairman.message);
    let round = store.load_round().unwrap();
    assert_eq!(round.tie_orders["so-nganh"], vec![vec!["stp".to_string(), "snv".to_string()]]);
}

/// A round whose units have not self-assessed, with the council and a focal person for snv.
fn round_before_self_assessment(dir: &Path) -> Store {
    let mut store = Store::init(&dir.join("round.db"), "thai-nguyen-2024", 2024).unwrap();
    store.import_units(&Path::new(FIXTURES).join("units.csv")).unwrap();
    thamdinh::demo::add_demo_users(&mut store).unwrap();
    store.add_unit_user("dau-moi-snv", "Nguyễn Thị Đầu Mối", &"snv".into()).unwrap();
    store
}

/// Esc on the form asks; `n` keeps the form as typed; Esc and `y` close it. Returns the screen before Esc.
fn esc_asks(app: &mut App, store: &mut Store, form: &str) {
    assert!(app.has_unsaved_work(), "{form}: typed work counts as unsaved");
    let open = std::mem::discriminant(&app.screen);
    press(app, store, "<Esc>");
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))), "{form}: Esc asks first");
    press(app, store, "n");
    assert!(app.overlay.is_none() && std::mem::discriminant(&app.screen) == open, "{form}: n keeps the form");
    press(app, store, "<Esc>y");
    assert!(matches!(app.screen, Screen::Browse { .. }), "{form}: y throws the work away");
}

/// Esc on an untouched form closes it at once.
fn esc_closes(app: &mut App, store: &mut Store, form: &str) {
    assert!(!app.has_unsaved_work(), "{form}: nothing typed");
    press(app, store, "<Esc>");
    assert!(app.overlay.is_none() && matches!(app.screen, Screen::Browse { .. }), "{form}: closed without a question");
}

#[test]
fn every_form_asks_before_esc_throws_typed_work_away() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    // The member's scoring form.
    let mut member = app_as(&mut store, "tv-so-noi-vu");
    press(&mut member, &mut store, "/stc V.5<Enter><Enter>");
    esc_closes(&mut member, &mut store, "scoring");
    press(&mut member, &mut store, "<Enter>1");
    esc_asks(&mut member, &mut store, "scoring");
    // A co-appraising agency's comment form.
    let members: Vec<String> = member.users.iter().filter(|u| u.role == Role::Member).map(|u| u.name.clone()).collect();
    let mut commented = false;
    for name in members {
        let mut app = app_as(&mut store, &name);
        let Some(at) = app.queue().iter().position(|item| item.status == Status::CoAssigned) else { continue };
        press(&mut app, &mut store, "g");
        for _ in 0..at {
            press(&mut app, &mut store, "j");
        }
        press(&mut app, &mut store, "<Enter>");
        assert!(app.comment_form().is_some(), "{name}");
        esc_closes(&mut app, &mut store, "comment");
        press(&mut app, &mut store, "<Enter>Cần bổ sung");
        esc_asks(&mut app, &mut store, "comment");
        commented = true;
        break;
    }
    assert!(commented, "some member comments on a shared component");
    // The secretary's facts form.
    let mut secretary = app_as(&mut store, "thu-ky");
    press(&mut secretary, &mut store, "f");
    assert!(secretary.facts_form().is_some());
    esc_closes(&mut secretary, &mut store, "facts");
    press(&mut secretary, &mut store, "f ");
    esc_asks(&mut secretary, &mut store, "facts");
    // The chairman's grade override, and a tie order moved.
    let mut chairman = app_as(&mut store, "chu-tich");
    press(&mut chairman, &mut store, "o");
    assert!(chairman.grade_form().is_some());
    esc_closes(&mut chairman, &mut store, "grades");
    press(&mut chairman, &mut store, "oLý do");
    esc_asks(&mut chairman, &mut store, "grades");
    press(&mut chairman, &mut store, "3<Enter>");
    esc_closes(&mut chairman, &mut store, "tie order");
    press(&mut chairman, &mut store, "<Enter>jK");
    esc_asks(&mut chairman, &mut store, "tie order");

    // The unit's self-assessment form and its submission.
    let dir = tempfile::tempdir().unwrap();
    let mut store = round_before_self_assessment(dir.path());
    let mut unit = app_as(&mut store, "dau-moi-snv");
    press(&mut unit, &mut store, "<Enter>");
    assert!(matches!(unit.screen, Screen::SelfAssess(_)));
    esc_closes(&mut unit, &mut store, "self-assessment");
    press(&mut unit, &mut store, "<Enter>1");
    esc_asks(&mut unit, &mut store, "self-assessment");
    press(&mut unit, &mut store, "<Enter><Tab><Tab>12/KH-SNV");
    esc_asks(&mut unit, &mut store, "self-assessment's document");
    press(&mut unit, &mut store, "p");
    assert!(matches!(unit.screen, Screen::Submit(_)));
    esc_closes(&mut unit, &mut store, "submission");
    press(&mut unit, &mut store, "p20/11/2024");
    esc_asks(&mut unit, &mut store, "submission");
    dispatch_ctrl(&mut unit, &mut store, 'c');
    assert!(unit.should_quit, "nothing unsaved: Ctrl-C quits");
}

/// The fixture round with its demo council, in a private tmux server; None (skipped) without tmux.
fn tmux_round(dir: &Path, name: &str) -> Option<(String, tools::Tmux)> {
    if !tools::available("tmux", "-V", "tmux") {
        return None;
    }
    let db = dir.join("round.db").display().to_string();
    tools::fixture_round(&db);
    tools::thamdinh(&["user", "add", "--db", &db, "lanh-dao-1", "--role", "leader", "--full-name", "Lê Văn C"]);
    tools::thamdinh(&["user", "add", "--db", &db, "chu-tich", "--role", "chairman", "--full-name", "Nguyễn Văn A"]);
    tools::thamdinh(&["user", "add", "--db", &db, "thu-ky", "--role", "secretary", "--full-name", "Trần Thị B"]);
    Some((db, tools::Tmux::new(&format!("thamdinh-screens-{name}-{}", std::process::id()), "screens")))
}

/// Waits a moment for keys to be read (ESC followed at once by another key would read as Alt-key).
fn settle() {
    std::thread::sleep(Duration::from_millis(300));
}

fn audit(db: &str) -> String {
    let out = std::process::Command::new(BIN)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["audit", "log", "--db", db])
        .output()
        .expect("audit");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn wait_until_gone(tmux: &tools::Tmux) {
    let start = Instant::now();
    while tmux.alive() {
        assert!(start.elapsed() < Duration::from_secs(10), "did not quit:\n{}", tmux.screen());
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn the_leader_scores_and_the_row_counts_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let Some((db, tmux)) = tmux_round(dir.path(), "leader") else { return };
    tmux.open(120, 40, &format!("{BIN} --db {db} --user lanh-dao-1"));
    tmux.wait_for("Hàng chờ");
    tmux.keys(&["/"]);
    tmux.type_text("stc");
    tmux.keys(&["Enter"]);
    settle();
    tmux.keys(&["g"]);
    settle();
    tmux.keys(&["Enter"]);
    tmux.wait_for("stc · I.1");
    tmux.type_text("3");
    tmux.keys(&["Tab"]);
    tmux.type_text("Chưa quyết liệt");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Đã ghi điểm của lãnh đạo");
    settle();
    tmux.keys(&["Escape"]);
    let screen = tmux.wait_for("Đã thẩm định");
    let row = screen.lines().find(|line| line.contains("I.1")).unwrap_or_default();
    assert!(row.contains("Đã thẩm định"), "{screen}");
    settle();
    tmux.keys(&["k"]);
    settle();
    tmux.keys(&["Enter"]);
    tmux.wait_for("stc · I.1");
    tmux.wait_for("Chưa quyết liệt");
    let rows = audit(&db).lines().count();
    tmux.keys(&["C-s"]);
    settle();
    assert_eq!(audit(&db).lines().count(), rows, "saving again unchanged writes no audit row");
}

#[test]
fn nothing_acts_behind_the_size_notice_and_a_tie_asks_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let Some((db, tmux)) = tmux_round(dir.path(), "small") else { return };
    tmux.open(40, 12, &format!("{BIN} --db {db} --user chu-tich"));
    tmux.wait_for("Cửa sổ quá nhỏ");
    // Enter, ? and 3 at the notice: nothing opens behind it.
    for key in ["3", "Enter", "?", "Enter", "C-s"] {
        tmux.keys(&[key]);
        settle();
    }
    tmux.run(&["resize-window", "-t", "screens", "-x", "120", "-y", "40"]);
    let screen = tmux.wait_for("1 Xếp hạng");
    assert!(!screen.contains("Phím tắt") && !screen.contains("Gõ y rồi Enter"), "{screen}");
    assert_eq!(store_orders(&db), 0, "nothing recorded behind the notice");
    // The tie: a double Enter asks and records nothing; y and Enter record it.
    tmux.keys(&["3"]);
    settle();
    tmux.keys(&["Enter"]);
    settle();
    tmux.keys(&["Enter"]);
    tmux.wait_for("Gõ y rồi Enter");
    tmux.keys(&["Enter"]);
    settle();
    assert_eq!(store_orders(&db), 0, "a double Enter records nothing");
    tmux.keys(&["y"]);
    settle();
    tmux.keys(&["Enter"]);
    tmux.wait_for("Đã ghi thứ tự của Chủ tịch");
    assert_eq!(store_orders(&db), 1);
    tmux.keys(&["q"]);
    wait_until_gone(&tmux);
}

/// How many tie orders the round records.
fn store_orders(db: &str) -> usize {
    let store = Store::open(Path::new(db)).unwrap();
    store.load_round().unwrap().tie_orders.into_values().flatten().count()
}

#[test]
fn the_units_form_and_the_facts_form_ask_before_esc_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let Some((db, tmux)) = tmux_round(dir.path(), "forms") else { return };
    tmux.open(120, 40, &format!("{BIN} --db {db} --user thu-ky"));
    tmux.wait_for("1 Xếp hạng");
    tmux.keys(&["f"]);
    settle();
    tmux.keys(&["Space"]);
    settle();
    tmux.keys(&["Escape"]);
    tmux.wait_for("Phiếu chưa lưu");
    tmux.keys(&["n"]);
    settle();
    tmux.keys(&["Escape"]);
    settle();
    tmux.keys(&["y"]);
    settle();
    tmux.keys(&["q"]);
    wait_until_gone(&tmux);

    // A round before self-assessment: the unit's own form.
    let fresh = dir.path().join("fresh.db").display().to_string();
    let units = Path::new(FIXTURES).join("units.csv").display().to_string();
    tools::thamdinh(&["init", "--db", &fresh, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    tools::thamdinh(&["import", "units", "--db", &fresh, &units]);
    tools::thamdinh(&["user", "add", "--db", &fresh, "dau-moi-snv", "--role", "unit", "--unit", "snv"]);
    tmux.open(120, 40, &format!("{BIN} --db {fresh} --user dau-moi-snv"));
    tmux.wait_for("Tự đánh giá");
    tmux.keys(&["Enter"]);
    settle();
    tmux.keys(&["Tab"]);
    tmux.type_text("Giải trình chưa lưu");
    settle();
    tmux.keys(&["Escape"]);
    tmux.wait_for("Phiếu chưa lưu");
    tmux.keys(&["n"]);
    tmux.wait_for("Giải trình chưa lưu");
}

/// Runs the program (Vietnamese unless `--lang en` is among the arguments) and returns its standard output.
fn run(args: &[&str]) -> String {
    let out = std::process::Command::new(BIN)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("THAMDINH_LANG")
        .args(args)
        .output()
        .expect("thamdinh");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_units_result_writes_the_decimal_comma_and_scrolls_to_its_deductions() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    store.add_unit_user("dau-moi-dai-tu", "Cán bộ đầu mối UBND huyện Đại Từ", &"h-dai-tu".into()).unwrap();
    let file = dir.path().join("half.csv");
    std::fs::write(&file, "unit,criterion,appraised_score,reason\nh-dai-tu,II.4,\"0,5\",Chậm báo cáo\n").unwrap();
    Store::open(store.path()).unwrap().import_scores(&file).unwrap();
    let mut chairman = Store::open(store.path()).unwrap();
    chairman.sign_in("chu-tich").unwrap();
    chairman.approve_bloc(&"huyen".into()).unwrap();

    let mut unit = app_as(&mut store, "dau-moi-dai-tu");
    press(&mut unit, &mut store, "2");
    // At 80×24 the keys scroll the pane down to the last deduction.
    let first = screen(&unit, 80, 24);
    assert!(!first.contains("thamdinh export sheet"), "the pane is longer than the screen: {first}");
    press(&mut unit, &mut store, "G");
    let last = screen(&unit, 80, 24);
    assert!(last.contains("thamdinh export sheet"), "G reaches the end: {last}");
    press(&mut unit, &mut store, "g");
    assert_eq!(screen(&unit, 80, 24), first);
    // Line by line, every deduction shows, with the decimal comma.
    let mut seen = String::new();
    for _ in 0..80 {
        seen.push_str(&screen(&unit, 240, 24));
        press(&mut unit, &mut store, "j");
    }
    assert!(seen.contains("thẩm định 0,5: Chậm báo cáo"), "{seen}");
    assert!(!seen.contains("0.5"), "{seen}");

    let db = store.path().display().to_string();
    let text = run(&["result", "--db", &db, "--user", "dau-moi-dai-tu"]);
    assert!(text.contains(": 1 / 1 / 0,5 — Chậm báo cáo"), "{text}");
    let english = run(&["result", "--db", &db, "--user", "dau-moi-dai-tu", "--lang", "en"]);
    assert!(english.contains(": 1 / 1 / 0.5 — Chậm báo cáo"), "{english}");
}

#[test]
fn a_newcomer_finds_the_regulations_their_codes_and_a_units_side_in_the_demo() {
    let list = run(&["regulations"]);
    let ids: Vec<&str> = list.lines().filter_map(|line| line.split_whitespace().next()).collect();
    assert!(ids.contains(&"thai-nguyen-2024"), "{list}");
    let line = list.lines().find(|line| line.starts_with("thai-nguyen-2024")).unwrap();
    assert!(line.trim_end().len() > "thai-nguyen-2024".len() + 10, "each id with its title: {list}");
    assert!(list.contains("regulations show"), "{list}");
    let tree = run(&["regulations", "show", "thai-nguyen-2024"]);
    assert!(tree.contains("Khung") && tree.contains("áp dụng cho"), "{tree}");
    assert!(tree.lines().any(|l| l.trim_start().starts_with("I.1 ") && l.contains("4 điểm")), "{tree}");
    assert!(tree.contains("Lãnh đạo UBND tỉnh chấm"), "{tree}");
    for id in ids.iter().filter(|id| id.contains('-')) {
        let tree = run(&["regulations", "show", id, "--lang", "en"]);
        assert!(tree.contains("Framework") && tree.contains("points"), "{id}: {tree}");
    }

    let dir = tempfile::tempdir().unwrap();
    let store = tui_support::demo_store(dir.path());
    let mut store = store;
    let mut picker = tui_support::app_for(&store, true);
    let at = picker.choices().iter().position(|(user, _)| user.role == Role::Unit).expect("a focal person to try");
    press(&mut picker, &mut store, "g");
    for _ in 0..at {
        press(&mut picker, &mut store, "j");
    }
    press(&mut picker, &mut store, "<Enter>");
    let own = picker.user.as_ref().and_then(|user| user.unit.clone()).expect("signed in as the unit");
    let codes: Vec<String> = picker.round.units.iter().map(|unit| unit.code.to_string()).collect();
    assert_eq!(codes, [own], "the focal person holds its own unit only");
    // The demo's council still finds the seeded units in its queues.
    let member = app_as(&mut store, "tv-so-noi-vu");
    assert!(!member.queue().is_empty());
}

#[test]
fn esc_leaves_the_chart_tabs_click_and_the_incomplete_file_filter_agrees_with_the_rows() {
    use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut secretary = app_as(&mut store, "thu-ky");
    press(&mut secretary, &mut store, "<Enter>c");
    assert!(secretary.unit_view().is_some_and(|view| view.chart));
    press(&mut secretary, &mut store, "<Esc>");
    assert!(secretary.unit_view().is_some_and(|view| !view.chart), "Esc on the chart goes back to the file");
    press(&mut secretary, &mut store, "<Esc>");
    assert!(secretary.unit_view().is_none());

    // The tabs: a click on the second one opens its pane.
    let tabs = screen(&secretary, 120, 40).lines().nth(1).unwrap().to_string();
    let column = tabs.find("2 Tiến độ").map(|byte| tabs[..byte].chars().count()).unwrap();
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: u16::try_from(column).unwrap(),
        row: 1,
        modifiers: KeyModifiers::NONE,
    };
    thamdinh::tui::dispatch(&mut secretary, &mut store, thamdinh::tui::app::Action::Mouse(click, Instant::now()));
    assert_eq!(secretary.browse.pane, thamdinh::tui::app::Pane::Progress);

    // Thiếu hồ sơ lists every item whose file has a gap, appraised or not, as the rows read.
    let mut member = app_as(&mut store, "tv-so-noi-vu");
    let with_gap: Vec<_> = member.queue().iter().filter(|item| item.incomplete).copied().collect();
    assert!(with_gap.iter().any(|item| item.status == Status::Appraised), "some appraised item has a gap");
    press(&mut member, &mut store, "sss");
    assert_eq!(member.browse.status_filter, Some(Status::IncompleteFile));
    assert_eq!(member.queue(), with_gap.as_slice());
}

#[test]
fn a_members_form_on_an_approved_bloc_reads_as_read_only_from_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut chairman = Store::open(store.path()).unwrap();
    chairman.sign_in("chu-tich").unwrap();
    chairman.approve_bloc(&"huyen".into()).unwrap();
    let mut member = app_as(&mut store, "tv-so-noi-vu");
    press(&mut member, &mut store, "/h-dai-tu<Enter>g<Enter>");
    let before = member.form().map(|form| form.score.clone()).expect("the form opens to be read");
    let shown = screen(&member, 120, 40);
    assert!(shown.contains("chỉ xem"), "{shown}");
    assert!(!shown.contains("Lưu và sang mục sau"), "no save offered: {shown}");
    press(&mut member, &mut store, "1<Tab>x");
    assert_eq!(member.form().map(|form| form.score.clone()), Some(before), "nothing typed");
    press(&mut member, &mut store, "<Esc>");
    assert!(member.form().is_none() && member.overlay.is_none());
}

#[test]
fn the_help_uses_the_width_and_scrolls_and_the_hints_fit_the_role() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut chairman = app_as(&mut store, "chu-tich");
    press(&mut chairman, &mut store, "?");
    let wide = screen(&chairman, 160, 48);
    let border = wide.lines().find(|line| line.contains("Phím tắt")).unwrap();
    assert!(border.chars().count() > 120, "the help uses the terminal's width: {wide}");
    // At 80×24 the chairman's keys are more than a screen: the help scrolls to the last one.
    let top = screen(&chairman, 80, 24);
    press(&mut chairman, &mut store, "G");
    let bottom = screen(&chairman, 80, 24);
    assert_ne!(top, bottom, "G scrolls the help");
    assert!(bottom.contains("Xuất kết quả xếp hạng"), "{bottom}");
    press(&mut chairman, &mut store, "<Esc>");
    assert!(chairman.overlay.is_none());
    // One spelling of keys everywhere, and Enter said for the pane at hand.
    let hints = screen(&chairman, 200, 24);
    let hint_bar = hints.lines().last().unwrap_or_default().to_string();
    assert!(!hint_bar.contains("phiếu chấm (thành viên)"), "{hint_bar}");
    assert!(hint_bar.contains("Xem hồ sơ đơn vị"), "{hint_bar}");
    let mut member = app_as(&mut store, "tv-so-noi-vu");
    press(&mut member, &mut store, "/stc V.5<Enter><Enter>");
    let form = screen(&member, 200, 24);
    assert!(form.contains("Ctrl-S") && !form.contains("C-s"), "{form}");
    press(&mut member, &mut store, "<C-d>");
    let withdrawing = screen(&member, 200, 24);
    let hint_bar = withdrawing.lines().last().unwrap_or_default();
    assert!(!hint_bar.contains("Lưu và sang mục sau") && hint_bar.contains("Rút kết quả"), "{hint_bar}");
}

#[test]
fn an_unknown_subcommand_is_named_and_a_dash_date_is_read() {
    let out =
        std::process::Command::new(BIN).env_remove("LANG").env_remove("THAMDINH_LANG").arg("rnak").output().unwrap();
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && error.contains("không có lệnh rnak"), "{error}");

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db").display().to_string();
    tools::fixture_round(&db);
    tools::thamdinh(&["round", "set", "--db", &db, "--deadline", "05-12-2026"]);
    let shown = run(&["round", "show", "--db", &db]);
    assert!(shown.contains("05/12/2026"), "{shown}");
}
