//! The secretary's desk (issue 25), driven by keys: imports from the person's inbox with a preview that writes
//! nothing, a refused file's every problem with the round unchanged, users with the key line, the round's
//! settings, a paper submission and its reopening, the chairman's re-rating, a verified backup in `/xuat`.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

mod tui_support;

use std::path::{Path, PathBuf};
use thamdinh::store::Store;
use thamdinh::tui::app::{App, Desk, DeskAction, Pane, Screen};
use tui_support::{app_as, fixture_store, press, screen};

fn message(app: &App) -> String {
    app.message.as_ref().map(|(text, _)| text.clone()).unwrap_or_default()
}

/// The person's inbox (`/nhap` over SFTP) on disk.
fn inbox(store: &Store, user: &str) -> PathBuf {
    let folder = thamdinh::store::files::inbox_dir(store.path(), user);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

/// Every row of every table, as `sqlite3 .dump` would tell two rounds apart.
fn dump(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables.retain(|name| !name.starts_with("sqlite_"));
    let mut out = String::new();
    for table in tables {
        let mut statement = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = statement.column_count();
        let mut rows: Vec<String> = statement
            .query_map([], |row| {
                Ok((0..columns).map(|i| format!("{:?}", row.get_ref(i).unwrap())).collect::<Vec<_>>().join("|"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        out.push_str(&table);
        out.push('\n');
        out.push_str(&rows.join("\n"));
        out.push('\n');
    }
    out
}

/// Opens the desk pane and the action at `action` of this person's desk.
fn open_desk_action(app: &mut App, store: &mut Store, action: DeskAction) {
    let pane = app.panes().iter().position(|p| *p == Pane::Desk).expect("the desk is one of the panes") + 1;
    press(app, store, &pane.to_string());
    assert_eq!(app.browse.pane, Pane::Desk);
    press(app, store, "g");
    let row = app.desk_actions().iter().position(|a| *a == action).expect("the action is on this person's desk");
    for _ in 0..row {
        press(app, store, "<Down>");
    }
    press(app, store, "<Enter>");
}

fn unit_count(store: &Store) -> usize {
    store.load_round().unwrap().units.len()
}

#[test]
fn the_secretary_previews_an_import_from_the_inbox_then_imports_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let before_units = unit_count(&store);
    let folder = inbox(&store, "thu-ky");
    std::fs::write(
        folder.join("don-vi.csv"),
        "code,name,bloc,group\nsnv,Sở Nội vụ tỉnh Thái Nguyên,so-nganh,\nxa,Đơn vị A,so-nganh,\nxb,Đơn vị B,so-nganh,\n",
    )
    .unwrap();
    let mut app = app_as(&mut store, "thu-ky");
    assert!(app.panes().contains(&Pane::Desk), "the secretary has a desk");
    open_desk_action(&mut app, &mut store, DeskAction::Import);
    let Some(Desk::Files { files, .. }) = app.desk() else { panic!("the inbox is listed: {}", message(&app)) };
    assert_eq!(files.len(), 1);
    assert!(screen(&app, 120, 30).contains("don-vi.csv"), "{}", screen(&app, 120, 30));

    let dumped = dump(store.path());
    press(&mut app, &mut store, "<Enter>");
    let shown = screen(&app, 120, 30);
    assert!(matches!(app.desk(), Some(Desk::Preview { .. })), "{shown}\n{}", message(&app));
    assert!(shown.contains("3 dòng dữ liệu"), "{shown}");
    assert!(shown.contains("2 đơn vị mới, 1 thay đổi, 0 xóa"), "{shown}");
    assert_eq!(dump(store.path()), dumped, "a preview writes nothing, not even the audit log");
    assert_eq!(unit_count(&store), before_units);

    // Enter alone does not import: the question wants y.
    press(&mut app, &mut store, "<Enter>");
    assert_eq!(unit_count(&store), before_units);
    press(&mut app, &mut store, "y<Enter>");
    assert!(message(&app).contains("Đã nhập don-vi.csv: 3 dòng"), "{}", message(&app));
    assert_eq!(unit_count(&store), before_units + 2);
    let log = store.audit_log(None, None).unwrap();
    assert!(log.iter().any(|row| row.actor == "thu-ky" && row.action.contains("import")), "audited under the person");
}

#[test]
fn a_scores_file_previews_its_self_scores_and_a_file_of_unclear_kind_asks_which() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::init(&dir.path().join("round.db"), "thai-nguyen-2024", 2024).unwrap();
    store.import_units(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/thai-nguyen/units.csv")).unwrap();
    thamdinh::demo::add_demo_users(&mut store).unwrap();
    let folder = inbox(&store, "thu-ky");
    std::fs::write(
        folder.join("tu-cham.csv"),
        "unit,criterion,self_score,explanation\nsnv,II.1,3,Đủ\nsnv,II.2,2,Thiếu một báo cáo\nstp,II.1,3,Đủ\n",
    )
    .unwrap();
    let mut app = app_as(&mut store, "thu-ky");
    open_desk_action(&mut app, &mut store, DeskAction::Import);
    press(&mut app, &mut store, "<Enter>");
    let shown = screen(&app, 120, 30);
    assert!(shown.contains("3 điểm tự đánh giá mới, 0 thay đổi, 0 xóa"), "{shown}");
    assert!(shown.contains("3 giải trình mới"), "{shown}");
    press(&mut app, &mut store, "<Esc>");
    assert!(matches!(app.desk(), Some(Desk::Files { .. })), "Esc goes back to the files, nothing imported");
    assert!(store.load_round().unwrap().units.iter().all(|unit| unit.entries.values().all(|e| e.self_score.is_none())));

    // A file whose header says nothing of its kind: the desk asks.
    std::fs::write(folder.join("la.csv"), "x,y\n1,2\n").unwrap();
    press(&mut app, &mut store, "r");
    let Some(Desk::Files { files, .. }) = app.desk() else { panic!("files") };
    let index = files.iter().position(|f| f.ends_with("la.csv")).unwrap();
    for _ in 0..index {
        press(&mut app, &mut store, "<Down>");
    }
    press(&mut app, &mut store, "<Enter>");
    assert!(matches!(app.desk(), Some(Desk::Kind { .. })), "{}", screen(&app, 120, 30));
    press(&mut app, &mut store, "<Enter>");
    // Read as a units file, its header is refused: one problem, at line 1, nothing written.
    let Some(Desk::Problems { problems, .. }) = app.desk() else { panic!("{}", screen(&app, 120, 30)) };
    assert_eq!(problems.len(), 1, "{problems:?}");
}

#[test]
fn a_bad_file_shows_every_problem_with_its_line_and_leaves_the_round_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let folder = inbox(&store, "thu-ky");
    std::fs::write(
        folder.join("sai.csv"),
        "code,name,bloc,group\nxa,Đơn vị A,so-nganh,\nxb,Đơn vị B,khoi-la,\nxc,Đơn vị C,so-nganh,\nXY Z,Đơn vị D,so-nganh,\nxe,,so-nganh,\n",
    )
    .unwrap();
    let dumped = dump(store.path());
    let mut app = app_as(&mut store, "thu-ky");
    open_desk_action(&mut app, &mut store, DeskAction::Import);
    press(&mut app, &mut store, "<Enter>");
    let Some(Desk::Problems { problems, .. }) = app.desk().cloned() else {
        panic!("refused: {}\n{}", message(&app), screen(&app, 120, 30))
    };
    assert_eq!(problems.len(), 3, "every bad line, not only the first: {problems:#?}");
    for (problem, line) in problems.iter().zip(["3", "5", "6"]) {
        assert!(problem.contains("sai.csv") && problem.contains(line), "line {line} named: {problem}");
    }
    assert!(problems[0].contains("khoi-la"), "{}", problems[0]);
    assert!(problems[1].contains("code"), "the column is named: {}", problems[1]);
    let shown = screen(&app, 140, 30);
    assert!(shown.contains("3 lỗi"), "{shown}");
    press(&mut app, &mut store, "<Down><Down>");
    assert!(matches!(app.desk(), Some(Desk::Problems { selected: 2, .. })), "the list scrolls");
    assert_eq!(dump(store.path()), dumped, "nothing written, nothing audited");
    assert!(
        !thamdinh::store::files::uploads_dir(store.path()).join(format!("kiem-tra-{}", std::process::id())).exists()
    );
}

#[test]
fn the_secretary_adds_a_user_sees_the_key_line_and_removes_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    open_desk_action(&mut app, &mut store, DeskAction::Users);
    assert!(screen(&app, 120, 30).contains("tv-so-noi-vu"), "the users are listed");
    press(&mut app, &mut store, "a");
    press(&mut app, &mut store, "tv-moi<Tab>member<Tab>so-noi-vu<Tab><Tab>Nguyễn Văn Mới");
    // Esc over typed work asks first.
    press(&mut app, &mut store, "<Esc>");
    assert!(app.overlay.is_some(), "unsaved work is not dropped silently");
    press(&mut app, &mut store, "n<C-s>");
    let user = store.user("tv-moi").unwrap().expect("added");
    assert_eq!(user.full_name, "Nguyễn Văn Mới");
    assert_eq!(user.agency.as_deref(), Some("so-noi-vu"));
    let Some(Desk::Notice { lines, .. }) = app.desk() else { panic!("{}", screen(&app, 120, 30)) };
    let db = std::path::absolute(store.path()).unwrap();
    let line = lines.last().unwrap();
    assert!(
        line.starts_with("command=\"") && line.contains(&format!("--db {} --user tv-moi\",restrict,pty", db.display())),
        "{line}"
    );
    assert!(line.contains("ssh-ed25519 <KHÓA-CÔNG-KHAI-CỦA-NGƯỜI-DÙNG>"), "{line}");
    let log = store.audit_log(None, None).unwrap();
    assert!(log.iter().any(|row| row.actor == "thu-ky" && row.detail.contains("tv-moi")), "audited");

    // A unit's focal person needs a unit; the refusal stays in the form.
    press(&mut app, &mut store, "<Esc>a");
    press(&mut app, &mut store, "dm-x<Tab>unit<C-s>");
    let Some(Desk::Form(form)) = app.desk() else { panic!("the form stays") };
    assert!(form.error.is_some(), "refused without a unit");
    press(&mut app, &mut store, "<Esc>y");
    assert!(store.user("dm-x").unwrap().is_none());

    // Remove tv-moi: asked first.
    let index = app.desk_users().iter().position(|u| u.name == "tv-moi").unwrap();
    let Screen::Desk(Desk::Users { selected, .. }) = &mut app.screen else { panic!("users") };
    *selected = index;
    press(&mut app, &mut store, "d<Enter>");
    assert!(store.user("tv-moi").unwrap().unwrap().removed_at.is_none(), "Enter alone removes nobody");
    press(&mut app, &mut store, "y<Enter>");
    assert!(store.user("tv-moi").unwrap().is_none(), "{}", message(&app));
    let removed = store.users().unwrap().into_iter().find(|u| u.name == "tv-moi").unwrap();
    assert!(removed.removed_at.is_some(), "kept, marked removed");
    assert!(screen(&app, 120, 30).contains("đã xóa"), "the list says so");
}

#[test]
fn the_secretary_sets_the_deadline_the_vietnamese_way_and_records_then_reopens_a_paper_submission() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    open_desk_action(&mut app, &mut store, DeskAction::RoundSettings);
    press(&mut app, &mut store, "15/01/2025<Tab>20<C-s>");
    let settings = store.round_settings().unwrap();
    assert_eq!(
        settings.deadline.map(thamdinh::domain::calendar::Date::vietnamese).as_deref(),
        Some("15/01/2025"),
        "{}",
        message(&app)
    );
    assert_eq!(settings.appraisal_working_days, Some(20));
    // A period that is not a number is refused in the form.
    open_desk_action(&mut app, &mut store, DeskAction::RoundSettings);
    press(&mut app, &mut store, "<Tab>hai mươi<C-s>");
    assert!(matches!(app.desk(), Some(Desk::Form(form)) if form.error.is_some()));
    press(&mut app, &mut store, "<Esc>y");

    open_desk_action(&mut app, &mut store, DeskAction::PaperSubmission);
    press(&mut app, &mut store, "snv<Tab>10/01/2025<Tab>08/01/2025<Tab>12/BB-SNV<C-s>");
    let done = store.submission_of(&"snv".into()).unwrap().unwrap_or_else(|| panic!("{}", message(&app)));
    assert_eq!(done.minutes, "12/BB-SNV");
    assert!(message(&app).contains("12/BB-SNV"), "{}", message(&app));
    assert!(store.audit_log(Some("snv"), None).unwrap().iter().any(|row| row.actor == "thu-ky"));

    open_desk_action(&mut app, &mut store, DeskAction::Reopen);
    press(&mut app, &mut store, "snv<Tab>Thiếu biên bản họp<C-s>");
    assert!(store.submission_of(&"snv".into()).unwrap().is_none(), "{}", message(&app));
}

#[test]
fn the_chairman_rerates_from_the_desk_and_the_secretary_cannot() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let file = dir.path().join("iii7.csv");
    std::fs::write(&file, "unit,criterion,appraised_score,reason\nskhcn,III.7,\"2,5\",Thiếu một báo cáo\n").unwrap();
    store.import_scores(&file).unwrap();
    store.sign_in("chu-tich").unwrap();
    store.order_tie(&"so-nganh".into(), &["stp".into(), "snv".into()]).unwrap();
    store.approve_bloc(&"so-nganh".into()).unwrap();

    let secretary = app_as(&mut store, "thu-ky");
    assert!(!secretary.desk_actions().contains(&DeskAction::Rerate), "re-rating is the chairman's (Điều 10.4)");
    let mut chairman = app_as(&mut store, "chu-tich");
    assert!(!chairman.desk_actions().contains(&DeskAction::Users), "users are the secretary's");
    open_desk_action(&mut chairman, &mut store, DeskAction::Rerate);
    press(
        &mut chairman,
        &mut store,
        "snv<Tab>Phát hiện vi phạm sau phê duyệt<Tab><Tab><Tab><Tab>discipline<Tab>yes<C-s>",
    );
    assert!(
        chairman.message.as_ref().is_some_and(|(m, _)| m.contains("Đã xếp loại lại snv")),
        "{}",
        message(&chairman)
    );
    let log = store.audit_log(Some("snv"), None).unwrap();
    assert!(
        log.iter()
            .any(|row| row.actor == "chu-tich"
                && row.reason.as_deref().unwrap_or(&row.detail).contains("Phát hiện vi phạm")),
        "audited"
    );
    // Two changes at once are not one re-rating.
    open_desk_action(&mut chairman, &mut store, DeskAction::Rerate);
    press(&mut chairman, &mut store, "stp<Tab>Lý do<Tab>III.7<Tab>1<Tab><Tab>discipline<Tab>yes<C-s>");
    assert!(matches!(chairman.desk(), Some(Desk::Form(form)) if form.error.is_some()));
}

#[test]
fn a_backup_lands_in_the_persons_export_folder_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    open_desk_action(&mut app, &mut store, DeskAction::Backup);
    let said = message(&app);
    assert!(said.contains("/xuat/") && said.contains("kiểm tra"), "{said}");
    let folder = thamdinh::store::files::exports_dir(store.path(), "thu-ky");
    let copies: Vec<_> = std::fs::read_dir(&folder).unwrap().flatten().map(|e| e.path()).collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    let copy = Store::open(&copies[0]).unwrap();
    assert_eq!(copy.load_round().unwrap().units.len(), store.load_round().unwrap().units.len());
}

/// The desk's actions carry no numbers: the digits switch panes (the pane bar numbers them), so a number beside
/// an action would promise a key that does something else. Every digit the screen shows on the pane bar goes to
/// that pane, even from the desk, and Enter on a row opens the action that row names.
#[test]
fn the_desk_shows_no_number_its_digit_keys_would_not_keep() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    for user in ["thu-ky", "chu-tich"] {
        let mut app = app_as(&mut store, user);
        let panes = app.panes();
        let desk = panes.iter().position(|p| *p == Pane::Desk).unwrap() + 1;
        press(&mut app, &mut store, &desk.to_string());
        let shown = screen(&app, 160, 40);
        let rows: Vec<&str> = shown.lines().filter(|line| line.starts_with('│')).collect();
        for action in app.desk_actions() {
            let row = rows
                .iter()
                .find(|row| row.contains(&*action.label(app.lang, app.regulation.rerating.as_deref())))
                .unwrap_or_else(|| panic!("{user}: {action:?} is not on the desk:\n{shown}"));
            let text = row.trim_start_matches('│').trim_start();
            assert!(
                !text.starts_with(|c: char| c.is_ascii_digit()),
                "{user}: the desk numbers {action:?} though the digit keys switch panes:\n{shown}"
            );
        }
        // Every digit of the pane bar goes to its pane, from the desk too.
        for (index, pane) in panes.iter().enumerate() {
            press(&mut app, &mut store, &desk.to_string());
            press(&mut app, &mut store, &(index + 1).to_string());
            assert_eq!(app.browse.pane, *pane, "{user}: digit {} from the desk", index + 1);
        }
        // Enter on a row opens what the row says (the last row: the council's papers).
        press(&mut app, &mut store, &desk.to_string());
        press(&mut app, &mut store, "g");
        let papers = app.desk_actions().iter().position(|a| *a == DeskAction::Papers).unwrap();
        for _ in 0..papers {
            press(&mut app, &mut store, "<Down>");
        }
        press(&mut app, &mut store, "<Enter>");
        assert!(
            matches!(app.screen, Screen::Desk(Desk::Papers { .. })),
            "{user}: Enter on the papers' row opens no papers"
        );
    }
}
