//! The desk's further work (issue 25): each paper's number, signer and date of issue set from the list of papers;
//! a long status line (a backup's path and hash) shown whole at 100 columns; a unit added by `import units`
//! audited as *Thêm đơn vị*, a unit changed as *Cập nhật đơn vị*.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]

mod tui_support;

use thamdinh::store::Store;
use thamdinh::store::paper_settings::PaperSlot;
use thamdinh::tui::app::{App, Desk, DeskAction, DeskFormKind, Pane, Screen};
use tui_support::{app_as, fixture_store, press, screen};

fn message(app: &App) -> String {
    app.message.as_ref().map(|(text, _)| text.clone()).unwrap_or_default()
}

fn open_desk_action(app: &mut App, store: &mut Store, action: DeskAction) {
    let pane = app.panes().iter().position(|p| *p == Pane::Desk).expect("the desk is one of the panes") + 1;
    press(app, store, &pane.to_string());
    press(app, store, "g");
    let row = app.desk_actions().iter().position(|a| *a == action).expect("the action is on this person's desk");
    for _ in 0..row {
        press(app, store, "<Down>");
    }
    press(app, store, "<Enter>");
}

#[test]
fn the_secretary_sets_a_papers_number_signer_and_date_from_the_list_of_papers() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    open_desk_action(&mut app, &mut store, DeskAction::Papers);
    assert!(matches!(app.screen, Screen::Desk(Desk::Papers { selected: 0 })));
    let shown = screen(&app, 160, 30);
    assert!(shown.contains("Báo cáo kết quả thẩm định (.docx) — chưa đặt số, người ký"), "{shown}");
    press(&mut app, &mut store, "n");
    assert!(
        matches!(&app.screen, Screen::Desk(Desk::Form(form)) if form.kind == DeskFormKind::PaperNumbers(PaperSlot::Report))
    );
    press(&mut app, &mut store, "125<Tab>Nguyễn Văn An<Tab>05/12/2024<Enter>");
    let said = message(&app);
    assert!(said.contains("125/BC-HĐTĐ") && said.contains("Nguyễn Văn An") && said.contains("05/12/2024"), "{said}");
    assert!(matches!(app.screen, Screen::Desk(Desk::Papers { selected: 0 })), "back on the list, on the paper");
    let set = store.paper_numbering(PaperSlot::Report).unwrap();
    assert_eq!(
        (set.number.as_deref(), set.signer.as_deref(), set.issued_on.as_deref()),
        (Some("125"), Some("Nguyễn Văn An"), Some("2024-12-05"))
    );
    let shown = screen(&app, 200, 30);
    assert!(shown.contains("số 125/BC-HĐTĐ · Nguyễn Văn An · 05/12/2024"), "the list shows what is set: {shown}");
    // The form opens with what is set; emptying a field clears it, a bad date is refused and changes nothing.
    press(&mut app, &mut store, "n");
    let Screen::Desk(Desk::Form(form)) = &app.screen else { panic!("the form") };
    assert_eq!(form.fields, ["125", "Nguyễn Văn An", "05/12/2024"]);
    press(&mut app, &mut store, "<Tab><Tab>");
    for _ in 0.."05/12/2024".len() {
        press(&mut app, &mut store, "<BS>");
    }
    press(&mut app, &mut store, "31/02/2024<Enter>");
    let Screen::Desk(Desk::Form(form)) = &app.screen else { panic!("the form stays open on a refusal") };
    assert!(form.error.as_deref().is_some_and(|why| why.contains("ngày ban hành")), "{:?}", form.error);
    assert_eq!(store.paper_numbering(PaperSlot::Report).unwrap().issued_on.as_deref(), Some("2024-12-05"));
    for _ in 0.."31/02/2024".len() {
        press(&mut app, &mut store, "<BS>");
    }
    press(&mut app, &mut store, "<Enter>");
    assert_eq!(store.paper_numbering(PaperSlot::Report).unwrap().issued_on, None, "an emptied field clears");
    let log = store.audit_log(None, None).unwrap();
    assert!(log.iter().any(|row| row.actor == "thu-ky" && row.detail.contains("paper:report:signer")), "audited");
    // A member has no desk: the papers' settings are the council office's.
    let member = app_as(&mut store, "tv-so-noi-vu");
    assert!(!member.desk_actions().contains(&DeskAction::Papers));
}

#[test]
fn a_long_status_line_is_shown_whole_at_100_columns() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    open_desk_action(&mut app, &mut store, DeskAction::Backup);
    let said = message(&app);
    assert!(said.chars().count() > 100, "a backup's message is long: {said}");
    let shown = screen(&app, 100, 30);
    let hash = said.rsplit(' ').next().unwrap();
    assert!(shown.replace('\n', "").contains(hash), "the hash at the end is on the screen:\n{shown}");
}

#[test]
fn a_unit_added_by_an_import_reads_as_added_and_a_changed_one_as_updated() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db");
    let mut store = Store::init(&db, "thai-nguyen-2024", 2024).unwrap();
    let units = dir.path().join("units.csv");
    std::fs::write(&units, "code,name,bloc,group\nsnv,Sở Nội vụ,so-nganh,\n").unwrap();
    store.import_units(&units).unwrap();
    std::fs::write(&units, "code,name,bloc,group\nsnv,Sở Nội vụ tỉnh,so-nganh,\n").unwrap();
    store.import_units(&units).unwrap();
    drop(store);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_thamdinh"))
        .env_remove("THAMDINH_LANG")
        .args(["audit", "log", "--db", &db.display().to_string()])
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&output.stdout).to_string();
    let added: Vec<&str> = log.lines().filter(|l| l.contains("Thêm đơn vị")).collect();
    let updated: Vec<&str> = log.lines().filter(|l| l.contains("Cập nhật đơn vị")).collect();
    assert_eq!((added.len(), updated.len()), (1, 1), "{log}");
    assert!(updated[0].contains("Sở Nội vụ tỉnh"), "{log}");
}

#[test]
fn a_key_in_the_members_form_names_the_files_download_path_and_copies_it() {
    use thamdinh::tui::app::{Action, Effect, Overlay, update};
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    press(&mut app, &mut store, "<Enter>");
    let Screen::Appraisal(form) = &app.screen else { panic!("the form is open") };
    let (unit, component) = (form.unit.clone(), form.component.clone());
    let f6 = || {
        Action::Key(ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::F(6),
            ratatui::crossterm::event::KeyModifiers::NONE,
        ))
    };
    assert!(update(&mut app, f6()).is_empty() && message(&app).contains("chưa có tệp"), "no file yet");
    // One PDF sent for that component (as the service account), read again as a new upload is.
    let mut admin = Store::open(store.path()).unwrap();
    let temp = dir.path().join("upload.pdf");
    std::fs::write(&temp, "%PDF-1.4\n2 0 obj << /Type /Pages /Count 1 >> endobj\n%%EOF\n").unwrap();
    admin.accept_upload(&unit, &component, "qd-1.pdf", &temp, None).unwrap();
    drop(admin);
    let loaded = thamdinh::tui::run_effect(
        &mut store,
        Effect::LoadUnitDetails { unit: unit.clone() },
        thamdinh::messages::Lang::Vi,
    );
    update(&mut app, loaded);

    let effects = update(&mut app, f6());
    let path = format!("/{unit}/{component}/qd-1.pdf");
    let line = format!("scp thamdinh@MÁY-CHỦ:{path} .");
    assert_eq!(effects, vec![Effect::Clipboard { text: line.clone() }], "the effect carries the path");
    assert!(matches!(&app.overlay, Some(Overlay::Paths { lines, .. }) if lines == &vec![line.clone()]));
    let shown = screen(&app, 140, 40);
    assert!(shown.contains(&path) && shown.contains("Tải tệp về máy của bạn"), "{shown}");
    for effect in effects {
        let action = thamdinh::tui::run_effect(&mut store, effect, thamdinh::messages::Lang::Vi);
        update(&mut app, action);
    }
    assert!(message(&app).contains("nếu terminal cho phép") && message(&app).contains(&path), "{}", message(&app));
    assert_eq!(thamdinh::tui::osc52("/a"), "\u{1b}]52;c;L2E=\u{7}", "OSC 52: ESC ] 52 ; c ; base64 BEL");
    press(&mut app, &mut store, "<Esc>");
    assert!(app.overlay.is_none() && matches!(app.screen, Screen::Appraisal(_)), "Esc closes the overlay only");
}
