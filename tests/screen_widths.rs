//! Every screen at 80, 120 and 160 columns (issue 22 items 17–18, issue 21's wide characters): table columns give
//! way by priority and never cut a unit's code, total or level; the hint bar keeps each role's first keys and
//! always ends with the help key; the history scrolls to its last row; wide emoji never move a border.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tools;
mod tui_support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use thamdinh::store::Store;
use thamdinh::tui::view;
use tui_support::{app_as, fixture_store, press, screen};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");

/// A unit with a long code, and one whose name is long and holds wide emoji and a flag. (A line separator in a
/// name is refused at entry now: `tests/bounds.rs`; a cell that holds one shows ⏎, `view::one_line`.)
const LONG_CODE: &str = "bqlda-nong-nghiep-ptnt";
const EMOJI_CODE: &str = "emoji";
const EMOJI_NAME: &str =
    "Ban 👨\u{200d}👩\u{200d}👧 gia đình 🇻🇳 Việt Nam dòng 1 dòng 2 và một cái tên rất dài để bị cắt";

/// The fixture round with two more units in the departments' bloc (no scores: they rank last).
fn round_with_hard_names(dir: &Path) -> Store {
    let units = std::fs::read_to_string(Path::new(FIXTURES).join("units.csv")).unwrap();
    let units = format!(
        "{}\n{LONG_CODE},Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn,so-nganh,\n\"{EMOJI_CODE}\",\"{EMOJI_NAME}\",so-nganh,\n",
        units.trim_end()
    );
    let path = dir.join("units.csv");
    std::fs::write(&path, units).unwrap();
    let mut store = Store::init(&dir.join("round.db"), "thai-nguyen-2024", 2024).unwrap();
    store.import_units(&path).unwrap();
    store.import_scores(&Path::new(FIXTURES).join("scores.csv")).unwrap();
    store.import_facts(&Path::new(FIXTURES).join("facts.csv")).unwrap();
    thamdinh::demo::add_demo_users(&mut store).unwrap();
    store.add_unit_user("dau-moi-snv", "Nguyễn Thị Đầu Mối", &"snv".into()).unwrap();
    store
}

/// The ranking's rows of a screen (a rank first) holding `code` as a whole cell.
fn rows_with<'a>(text: &'a str, code: &str) -> Vec<&'a str> {
    text.lines()
        .filter(|line| line.strip_prefix('│').is_some_and(|row| row.starts_with(|c: char| c.is_ascii_digit())))
        .filter(|line| line.split_whitespace().any(|word| word.trim_matches('│') == code))
        .collect()
}

#[test]
fn the_ranking_never_cuts_a_code_a_total_or_a_level() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = round_with_hard_names(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    press(&mut app, &mut store, "/bqlda-nong<Enter>");
    for (width, height) in [(80, 24), (120, 40), (160, 50)] {
        let text = screen(&app, width, height);
        let rows = rows_with(&text, LONG_CODE);
        assert_eq!(rows.len(), 1, "{LONG_CODE} shows whole at {width}×{height}:\n{text}");
        let row = rows[0];
        // Its level whole, short at 80 columns, in words where there is room.
        let level = if width >= 120 { "Không hoàn thành nhiệm vụ" } else { "Không HT" };
        assert!(row.contains(level), "the level reads {level:?} at {width}×{height}: {row}");
        assert!(row.contains("0,00"), "the total shows at {width}×{height}: {row}");
        // The name gives way, marked as cut, never ending mid-cell unseen.
        if width == 80 {
            assert!(row.contains('…'), "a long name is cut with … at 80 columns: {row}");
        }
        if width == 160 {
            assert!(row.contains("0,000"), "the three-decimal total shows at 160 columns: {row}");
        }
        let right = row.chars().last().unwrap();
        assert_eq!(right, '│', "the right border stays at {width}×{height}: {row}");
        insta::assert_snapshot!(format!("ranking_long_code_{width}x{height}"), text);
    }
    // Every unit of the first page: code and level each whole (the level is the row's last cell, one of the
    // level names, short or in words).
    press(&mut app, &mut store, "<Esc>");
    let levels = [
        "Xuất sắc",
        "Tốt",
        "Hoàn thành",
        "Không HT",
        "Chờ Chủ tịch",
        "Hoàn thành xuất sắc nhiệm vụ",
        "Hoàn thành tốt nhiệm vụ",
        "Hoàn thành nhiệm vụ",
        "Không hoàn thành nhiệm vụ",
        "Chờ Chủ tịch quyết định thứ tự",
    ];
    for (width, height) in [(80, 24), (160, 50)] {
        let text = screen(&app, width, height);
        for code in ["snv", "stp", "skhcn", "sxd", "stc", "sct", "syt"] {
            let rows = rows_with(&text, code);
            assert_eq!(rows.len(), 1, "{code} whole at {width}×{height}:\n{text}");
            let body = rows[0].trim_end_matches('│').trim_end();
            let body = body.trim_end_matches(" *").trim_end_matches(" (tạm tính)");
            let whole = levels.iter().any(|level| body.ends_with(&format!(" {level}")));
            assert!(whole, "{code}'s level whole at {width}×{height}: {}", rows[0]);
        }
    }
}

/// Issue 22.17 and 22.20: the title bar names the user by the full name the store holds (never the login), whole
/// at every width.
#[test]
fn the_title_never_cuts_the_users_full_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = round_with_hard_names(dir.path());
    for user in ["tv-so-tttt", "thu-ky", "chu-tich", "lanh-dao-1", "dau-moi-snv"] {
        let full_name = store.users().unwrap().into_iter().find(|u| u.name == user).unwrap().full_name;
        assert_ne!(full_name, user);
        let app = app_as(&mut store, user);
        for width in [80, 120, 160] {
            let text = screen(&app, width, 24);
            let title = text.lines().next().unwrap();
            assert!(title.contains(&full_name), "{user}'s full name whole at {width} columns: {title}");
            assert!(!title.contains(&format!("({user})")), "{user} named by login at {width} columns: {title}");
        }
    }
}

/// The keys each role must always see at 80 columns (their first work), in the bar's order.
const TOP_KEYS: &[(&str, &[&str])] = &[
    ("tv-so-noi-vu", &["Enter", "v", "/"]),
    ("lanh-dao-1", &["Enter", "v", "/"]),
    ("thu-ky", &["Tab", "Enter", "f"]),
    ("chu-tich", &["Tab", "Enter", "a"]),
    ("dau-moi-snv", &["Tab", "Enter", "p"]),
];

#[test]
fn every_roles_hint_bar_keeps_its_first_keys_and_ends_with_help() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = round_with_hard_names(dir.path());
    for (user, keys) in TOP_KEYS {
        let app = app_as(&mut store, user);
        for width in [80u16, 120] {
            let text = screen(&app, width, 24);
            let bar = text.lines().last().unwrap();
            assert!(bar.ends_with("?  thêm phím"), "{user}'s bar at {width} ends with the help key: {bar:?}");
            for key in *keys {
                assert!(bar.contains(&format!(" {key}  ")), "{user}'s bar at {width} has {key}: {bar:?}");
            }
            assert!(thamdinh::tui::view::text_width(bar) <= usize::from(width), "{bar}");
        }
    }
    // At 120 columns the unit's bar shows its own sheet too.
    let app = app_as(&mut store, "dau-moi-snv");
    let text = screen(&app, 120, 24);
    assert!(text.lines().last().unwrap().contains(" b  "), "{text}");
}

#[test]
fn the_history_scrolls_to_its_last_row_with_the_panes_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    // Twenty-four changes of one component, each with its reason: more than an 80×24 screen holds.
    for n in 1..=24 {
        let path = dir.path().join(format!("change-{n}.csv"));
        let appraised = if n % 2 == 0 { 10 } else { 11 };
        std::fs::write(
            &path,
            format!(
                "unit,criterion,self_score,appraised_score,reason,explanation\nsnv,V.5,12,{appraised},lần {n} đổi,\n"
            ),
        )
        .unwrap();
        store.import_scores(&path).unwrap();
    }
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    press(&mut app, &mut store, "/snv V.5<Enter>");
    press(&mut app, &mut store, "<F3>");
    let first = screen(&app, 80, 24);
    assert!(first.contains("Lý do"), "the reason column shows at 80 columns:\n{first}");
    assert!(first.contains("lần 1 đổi"), "the first change shows first:\n{first}");
    assert!(
        !first.contains("lần 24 đổi"),
        "twenty-four changes do not fit 80×24 — else this test proves nothing:\n{first}"
    );
    assert!(first.contains("PgUp/PgDn"), "the title says how to scroll:\n{first}");
    press(&mut app, &mut store, "G");
    let last = screen(&app, 80, 24);
    assert!(last.contains("lần 24 đổi"), "End reaches the last change:\n{last}");
    press(&mut app, &mut store, "g");
    assert!(screen(&app, 80, 24).contains("lần 1 đổi"), "Home goes back to the first");
    press(&mut app, &mut store, "jjjjjjjjjjjjjjjjjjjj");
    assert!(screen(&app, 80, 24).contains("lần 24 đổi"), "↓ reaches the last change");
    // The history's times are today's: masked, so the picture holds on any day.
    insta::assert_snapshot!("history_scrolled_80x24", masked_times(&screen(&app, 80, 24)));
}

#[test]
fn wide_emoji_and_line_separators_keep_the_borders() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = round_with_hard_names(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    press(&mut app, &mut store, "/emoji<Enter>");
    for (width, height) in [(80u16, 24u16), (160, 50)] {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| view::draw(frame, &app)).unwrap();
        let buffer = terminal.backend().buffer().clone();
        let row = (0..height)
            .find(|y| (0..width).any(|x| buffer[(x, *y)].symbol() == "V" && buffer[(x + 1, *y)].symbol() == "N"))
            .unwrap_or_else(|| panic!("the flag reads VN at {width}×{height}:\n{}", screen(&app, width, height)));
        assert_eq!(buffer[(width - 1, row)].symbol(), "│", "the right border at {width}×{height}");
        assert_eq!(buffer[(0, row)].symbol(), "│", "the left border at {width}×{height}");
        // Each cell's symbol measures what the terminal draws: one cluster, no joiner left to fuse emoji.
        for x in 0..width {
            let symbol = buffer[(x, row)].symbol();
            assert!(!symbol.contains('\u{200d}'), "a joiner reached the terminal at column {x}: {symbol:?}");
        }
    }
}

#[test]
fn the_submit_prompt_lists_what_blocks_it_before_enter() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::init(&dir.path().join("round.db"), "thai-nguyen-2024", 2024).unwrap();
    store.import_units(&Path::new(FIXTURES).join("units.csv")).unwrap();
    thamdinh::demo::add_demo_users(&mut store).unwrap();
    store.add_unit_user("dau-moi-snv", "Nguyễn Thị Đầu Mối", &"snv".into()).unwrap();
    let mut unit = app_as(&mut store, "dau-moi-snv");
    press(&mut unit, &mut store, "p");
    let prompt = screen(&unit, 100, 30);
    assert!(prompt.contains("còn 33 tiêu chí thành phần chưa tự chấm điểm (II.1, II.2"), "{prompt}");
    assert!(
        !prompt.contains("(I.1") && !prompt.contains(" I.1,"),
        "group I is the leaders', never the unit's gap: {prompt}"
    );
    // One self-score later the prompt names one fewer, before any Enter.
    press(&mut unit, &mut store, "<Esc><Enter>1<Tab>Đã ban hành kế hoạch<C-s><Esc>p");
    let prompt = screen(&unit, 100, 30);
    assert!(prompt.contains("còn 32 tiêu chí thành phần chưa tự chấm điểm (II.2,"), "{prompt}");
    // Every component scored: the prompt says so, and Enter then submits.
    press(&mut unit, &mut store, "<Esc>");
    store.import_scores(&tools::fill_self_assessment(dir.path(), "snv")).unwrap();
    let mut unit = app_as(&mut store, "dau-moi-snv");
    press(&mut unit, &mut store, "p");
    let prompt = screen(&unit, 100, 30);
    assert!(prompt.contains("Mọi tiêu chí thành phần đã tự chấm điểm."), "{prompt}");
}

/// `text` with every `dd/mm/yyyy hh:mm` written as `dd/mm/yyyy hh:mm` literally (the clock's time masked).
fn masked_times(text: &str) -> String {
    let shape = "00/00/0000 00:00";
    let chars: Vec<char> = text.chars().collect();
    let fits = |at: usize| {
        chars.len() >= at + shape.len()
            && shape.chars().zip(&chars[at..]).all(|(s, c)| if s == '0' { c.is_ascii_digit() } else { s == *c })
    };
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < chars.len() {
        if fits(at) {
            out.push_str("dd/mm/yyyy hh:mm");
            at += shape.len();
        } else {
            out.push(chars[at]);
            at += 1;
        }
    }
    out
}

#[test]
fn the_desk_list_marks_a_cut_action_with_an_ellipsis() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = round_with_hard_names(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    press(&mut app, &mut store, "4");
    let text = screen(&app, 80, 24);
    let rows: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("│ ") && !line.trim_matches(|c: char| c == '│' || c.is_whitespace()).is_empty())
        .collect();
    assert!(rows.len() >= 6, "the desk lists its actions:\n{text}");
    // The inbox's action names every kind of file: too long for 80 columns, it ends in … inside the border.
    let inbox = rows.iter().find(|row| row.contains("/nhap")).expect("the inbox's action");
    assert!(inbox.trim_end_matches('│').trim_end().ends_with('…'), "a cut action ends in …: {inbox}");
    for row in rows {
        assert!(row.ends_with('│'), "the right border stays: {row}");
    }
    let wide = screen(&app, 160, 24);
    assert!(!wide.contains('…'), "at 160 columns nothing is cut:\n{wide}");
}
