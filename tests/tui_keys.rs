//! The interface driven by keys, as its users drive it: appraising, refusals, live ranking, the chairman's ties.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failed unwrap is a failed test")]

mod tui_support;

use thamdinh::domain::classification::Level;
use thamdinh::domain::code::UnitCode;
use thamdinh::domain::ranking::Outcome;
use thamdinh::tui::app::{Action, App, Pane};
use tui_support::{app_as, app_for, demo_store, fixture_store, press, screen};

fn ranking_of(app: &App, bloc: &str) -> Vec<(String, usize, Outcome)> {
    let result = app.results().iter().find(|r| r.bloc == bloc).expect("bloc");
    result.ranking.units.iter().map(|u| (u.unit.to_string(), u.rank, u.outcome)).collect()
}

#[test]
fn a_member_appraises_three_components_and_the_ranking_moves() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    assert_eq!(app.browse.pane, Pane::Queue);

    // skhcn's III.7 is the only item of Sở Nội vụ not yet appraised: filter to it.
    press(&mut app, &mut store, "/skhcn III.7<Enter>");
    let queue = app.queue();
    assert_eq!(queue.len(), 1, "{queue:?}");
    press(&mut app, &mut store, "<Enter>");
    assert!(app.form().is_some());
    // 2 of 3 needs a reason: refused inline, nothing written.
    press(&mut app, &mut store, "2<C-s>");
    let error = app.form().and_then(|f| f.error.clone()).expect("refused");
    assert!(error.contains("Cần lý do trừ điểm"), "{error}");
    assert!(screen(&app, 80, 24).contains("Cần lý do trừ điểm"));
    assert_eq!(
        store.load_round().unwrap().units.iter().find(|u| u.code == "skhcn").unwrap().entries["III.7"].appraised_score,
        None
    );
    // The refusal put the cursor in the reason box: the reason is typed straight away.
    assert_eq!(app.form().map(|f| f.field), Some(thamdinh::tui::app::Field::Reason));
    press(&mut app, &mut store, "Chưa có sản phẩm cụ thể<C-s>");
    assert!(app.message.as_ref().is_some_and(|(m, error)| !error && m.contains("skhcn · III.7")), "{:?}", app.message);

    // Two more: snv and stp lose points on V.5; the tie at the top is broken by the scores.
    press(&mut app, &mut store, "<Esc>");
    for (unit, score, reason) in [("snv", "11,25", "Chậm một nhiệm vụ"), ("stp", "11,5", "Chậm báo cáo")] {
        press(&mut app, &mut store, &format!("<Esc>/{unit} V.5<Enter><Enter>{score}<Tab>{reason}<C-s><Esc>"));
    }
    let ranking = ranking_of(&app, "so-nganh");
    let order: Vec<&str> = ranking.iter().map(|(u, _, _)| u.as_str()).collect();
    assert_eq!(order, ["stp", "snv", "skhcn", "sxd", "stc", "sct", "syt"]);
    assert_eq!(ranking[0].2, Outcome::Level(Level::Excellent), "stp 99.5 takes the one excellent place");
    assert_eq!(ranking[1].2, Outcome::Level(Level::Good), "snv 99.25 is beyond the quota");
    let skhcn = ranking.iter().find(|(u, _, _)| u == "skhcn").unwrap();
    assert_eq!(skhcn.1, 3, "skhcn 99.00 once III.7 is appraised at 2");
    // The store agrees with the screen.
    let reread = app_for(&store, false);
    assert_eq!(ranking_of(&reread, "so-nganh"), ranking);
}

#[test]
fn a_refused_score_keeps_the_old_value() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    press(&mut app, &mut store, "/stc V.5<Enter><Enter>");
    let form = app.form().unwrap();
    assert_eq!(form.score, "7");
    press(&mut app, &mut store, "13<C-s>");
    let error = app.form().and_then(|f| f.error.clone()).unwrap();
    assert!(error.contains("vượt điểm tối đa 12"), "{error}");
    // Saved from the reason box, a refused score brings the cursor back to the score, where typing fixes it.
    press(&mut app, &mut store, "<Tab>x<C-s>");
    assert_eq!(app.form().map(|f| f.field), Some(thamdinh::tui::app::Field::Score));
    press(&mut app, &mut store, "<BS>2");
    assert_eq!(app.form().map(|f| f.score.as_str()), Some("12"));
    press(&mut app, &mut store, "<Esc>");
    assert!(app.overlay.is_some(), "closing a changed form asks first");
    press(&mut app, &mut store, "y");
    assert!(app.form().is_none());
    let stc = store.load_round().unwrap().units.into_iter().find(|u| u.code == "stc").unwrap();
    assert_eq!(stc.entries["V.5"].appraised_score, Some(rust_decimal::Decimal::from(7)));
}

#[test]
fn the_chairman_orders_a_tie_and_the_pending_units_get_their_levels() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "chu-tich");
    let before = ranking_of(&app, "so-nganh");
    assert_eq!(before[0].2, Outcome::TiePending);
    assert_eq!(before[1].2, Outcome::TiePending);
    press(&mut app, &mut store, "3");
    assert_eq!(app.browse.pane, Pane::Ties);
    assert_eq!(app.open_ties(), [("so-nganh".into(), vec!["snv".into(), "stp".into()])]);
    // Put stp first: select the second unit, move it up, confirm.
    press(&mut app, &mut store, "<Enter>jK<Enter>y<Enter>");
    assert!(app.tie_edit().is_none());
    let after = ranking_of(&app, "so-nganh");
    assert_eq!((after[0].0.as_str(), after[0].1, after[0].2), ("stp", 1, Outcome::Level(Level::Excellent)));
    assert_eq!((after[1].0.as_str(), after[1].1, after[1].2), ("snv", 2, Outcome::Level(Level::Good)));
    assert!(app.open_ties().is_empty());
    // Approval is refused while skhcn's III.7 waits for its appraisal, and says why.
    press(&mut app, &mut store, "1a");
    let blocker = app.approval().and_then(|p| p.blocker.clone()).expect("the prompt says why not");
    assert!(blocker.contains("còn 1 tiêu chí thành phần chưa được thẩm định"), "{blocker}");
    assert!(screen(&app, 80, 24).contains("chưa thể phê duyệt"));
    press(&mut app, &mut store, "y<Enter>");
    assert!(app.approved.is_empty(), "a blocked approval cannot be confirmed");
    press(&mut app, &mut store, "<Esc>");
    assert!(app.approval().is_none());
    // Once appraised, the chairman approves and the bloc shows as approved.
    press(&mut app, &mut store, "3");
    let file = dir.path().join("last.csv");
    std::fs::write(
        &file,
        "unit,criterion,self_score,appraised_score,reason\nskhcn,III.7,\"2,5\",\"2,5\",Thiếu một báo cáo\n",
    )
    .unwrap();
    // The member's appraisal arrives as the service account's import (the chairman does not appraise).
    thamdinh::store::Store::open(store.path()).unwrap().import_scores(&file).unwrap();
    press(&mut app, &mut store, "1");
    let reloaded = thamdinh::tui::app::Action::Reloaded(Box::new(thamdinh::tui::snapshot(&store).unwrap()));
    thamdinh::tui::dispatch(&mut app, &mut store, reloaded);
    press(&mut app, &mut store, "a");
    assert!(app.approval().is_some() && app.approved.is_empty(), "one `a` asks first");
    press(&mut app, &mut store, "<Enter>");
    assert!(app.approved.is_empty(), "Enter alone does not approve");
    press(&mut app, &mut store, "y<Enter>");
    assert!(app.approved.contains("so-nganh"), "{:?}", app.message);
    // The status line gives the head the approval left, to record outside the database.
    let head = store.audit_head().unwrap().unwrap();
    assert!(app.message.as_ref().is_some_and(|(m, _)| m.contains(&format!("Nhật ký: {head}"))), "{:?}", app.message);
    assert!(screen(&app, 100, 30).contains("ĐÃ PHÊ DUYỆT"));
}

#[test]
fn the_secretary_sees_the_ranking_and_cannot_open_a_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    assert_eq!(app.panes(), [Pane::Ranking, Pane::Progress, Pane::Charts, Pane::Desk]);
    press(&mut app, &mut store, "<Enter>");
    assert!(app.form().is_none() && app.tie_edit().is_none());
    assert!(app.unit_view().is_some(), "Enter opens the unit's file, read-only");
    press(&mut app, &mut store, "<Esc>3");
    assert_eq!(app.browse.pane, Pane::Charts, "the secretary has no ties pane: the third is the charts");
    press(&mut app, &mut store, "1");
    assert!(app.queue().is_empty(), "the secretary has no appraisal queue");
    let text = screen(&app, 160, 48);
    assert!(text.contains("Chờ Chủ tịch quyết định thứ tự"), "{text}");
    assert!(text.contains("chỉ tiêu xuất sắc 1"), "{text}");
    // Diacritic-free filter finds Sở Nội vụ.
    press(&mut app, &mut store, "/so noi vu<Enter>");
    assert_eq!(app.ranking_rows().len(), 1);
}

#[test]
fn no_key_panics_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let keys = [
        "j", "k", "<Enter>", "<Tab>", "<Esc>", "/", "x", "<BS>", "s", "?", "3", "2", "1", "K", "J", "<C-s>", "G", "g",
        "<Right>", "9",
    ];
    for user in ["tv-so-noi-vu", "tgv-so-noi-vu", "lanh-dao-1", "thu-ky", "chu-tich"] {
        let mut app = app_as(&mut store, user);
        let mut state = 7u64;
        for _ in 0..400 {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let key = keys[(state >> 33) as usize % keys.len()];
            press(&mut app, &mut store, key);
            for (w, h) in [(80, 24), (40, 10)] {
                screen(&app, w, h);
            }
            if app.should_quit {
                break;
            }
        }
    }
}

#[test]
fn the_secretary_records_facts_and_the_level_follows() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    // stc (95, outstanding) is good only by the quota; record discipline "yes": not completed.
    press(&mut app, &mut store, "/stc<Enter>f");
    let form = app.facts_form().expect("facts form");
    assert_eq!(form.unit, "stc");
    assert_eq!(form.values[0], ("discipline".to_string(), thamdinh::domain::facts::FactValue::Choice("none".into())));
    press(&mut app, &mut store, "  <C-s>");
    assert!(app.facts_form().is_none(), "saved and closed: {:?}", app.message);
    let stc = ranking_of(&app, "so-nganh").into_iter().find(|(u, _, _)| u == "stc").unwrap();
    assert_eq!(stc.2, Outcome::Level(Level::NotCompleted));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Không HT") || shown.contains("Không hoàn thành nhiệm vụ"), "{shown}");
    // Counts go up and down with + and -.
    press(&mut app, &mut store, "f");
    let subunits = app.facts_form().unwrap().values.iter().position(|(n, _)| n == "subunits_total").unwrap();
    press(&mut app, &mut store, &format!("{}+++-<C-s>", "j".repeat(subunits)));
    let round = store.load_round().unwrap();
    let stc = round.units.iter().find(|u| u.code == "stc").unwrap();
    assert_eq!(stc.facts["subunits_total"], thamdinh::domain::facts::FactValue::Count(2));
    assert_eq!(stc.facts["discipline"], thamdinh::domain::facts::FactValue::Choice("yes".into()));
}

#[test]
fn the_chairman_overrides_a_grade_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "chu-tich");
    press(&mut app, &mut store, "/syt<Enter>o");
    let form = app.grade_form().expect("grade form");
    let v = form.criteria.iter().position(|(c, _, _)| c == "V").unwrap();
    for _ in 0..v {
        press(&mut app, &mut store, "<Down>");
    }
    // Override V (proposed average, already overridden to good) to poor: F2 cycles good → average → poor.
    press(&mut app, &mut store, "<F2><F2>");
    press(&mut app, &mut store, "<C-s>");
    let error = app.grade_form().and_then(|f| f.error.clone()).expect("a reason is required");
    assert!(error.contains("Cần lý do"), "{error}");
    press(&mut app, &mut store, "Không có sản phẩm cải cách<C-s>");
    assert!(app.grade_form().is_none(), "{:?}", app.message);
    let syt = ranking_of(&app, "so-nganh").into_iter().find(|(u, _, _)| u == "syt").unwrap();
    assert_eq!(syt.2, Outcome::Level(Level::NotCompleted), "a poor criterion fails every level");
    let round = store.load_round().unwrap();
    let override_ = &round.units.iter().find(|u| u.code == "syt").unwrap().grade_overrides["V"];
    assert_eq!(override_.grade, thamdinh::domain::grades::Grade::Poor);
}

#[test]
fn a_co_assigned_agency_comments_and_the_leading_agency_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-tttt");
    // V.5 (Nội vụ; TT&TT; Tư pháp) is led by Sở Nội vụ: Sở TT&TT only comments.
    let queue = app.queue();
    assert!(
        queue.iter().all(|i| app.item_codes(i).is_some_and(|(_, component)| component == "V.5")
            && i.status == thamdinh::tui::app::Status::CoAssigned),
        "{queue:?}"
    );
    assert!(screen(&app, 80, 24).contains("còn 0 /"), "comments are not work left");
    press(&mut app, &mut store, "/stc<Enter><Enter>");
    assert!(app.comment_form().is_some(), "a co-appraising agency's item opens the comment form");
    press(&mut app, &mut store, "<C-s>");
    assert!(app.comment_form().and_then(|f| f.error.clone()).is_some_and(|e| e.contains("Chưa nhập ý kiến")));
    press(&mut app, &mut store, "Chưa cập nhật dịch vụ công trực tuyến<C-s>");
    assert!(app.message.as_ref().is_some_and(|(m, e)| !e && m.contains("góp ý")), "{:?}", app.message);
    let round = store.load_round().unwrap();
    let stc = round.units.iter().find(|u| u.code == "stc").unwrap();
    assert_eq!(stc.entries["V.5"].appraised_score, Some(rust_decimal::Decimal::from(7)), "a comment writes no score");

    let mut lead = app_as(&mut store, "tv-so-noi-vu");
    press(&mut lead, &mut store, "/stc V.5<Enter><Enter>");
    let text = screen(&lead, 120, 40);
    assert!(text.contains("Góp ý của Sở Thông tin và Truyền thông: Chưa cập nhật dịch vụ công trực tuyến"), "{text}");
    // The store refuses a comment from the leading or an unrelated agency.
    assert!(store.add_comment(&"stc".into(), "V.5", "x").is_err());
    store.sign_in("tv-thanh-tra-tinh").unwrap();
    assert!(store.add_comment(&"stc".into(), "V.5", "x").is_err());
}

#[test]
fn the_assistant_enters_and_the_member_confirms_from_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut assistant = app_as(&mut store, "tgv-so-noi-vu");
    press(&mut assistant, &mut store, "/skhcn III.7<Enter><Enter>2<Tab>Thiếu một báo cáo<C-s>");
    let (message, is_error) = assistant.message.clone().expect("a message");
    assert!(!is_error && message.contains("chờ thành viên Hội đồng xác nhận"), "{message}");

    let mut member = app_as(&mut store, "tv-so-noi-vu");
    press(&mut member, &mut store, "s");
    while member.browse.status_filter != Some(thamdinh::tui::app::Status::AwaitingConfirmation) {
        press(&mut member, &mut store, "s");
    }
    let waiting = member.queue();
    assert_eq!(waiting.len(), 1, "{waiting:?}");
    assert!(screen(&member, 120, 30).contains("Chờ xác nhận"));
    press(&mut member, &mut store, "<Enter>");
    let text = screen(&member, 160, 48);
    assert!(text.contains("Điểm hiện tại: Tổ giúp việc Sở Nội vụ nhập — CHỜ XÁC NHẬN"), "{text}");
    press(&mut member, &mut store, "<C-s>");
    let (message, _) = member.message.clone().expect("a message");
    assert!(message.contains("Đã xác nhận skhcn · III.7: 2"), "{message}");
    let log = store.audit_log(Some("skhcn"), Some("III.7")).unwrap();
    let actions: Vec<(&str, &str)> = log.iter().map(|r| (r.actor.as_str(), r.action.as_str())).collect();
    assert_eq!(actions[actions.len() - 2..], [("tgv-so-noi-vu", "enter"), ("tv-so-noi-vu", "confirm")]);
}

#[test]
fn a_stale_save_shows_the_newer_value_and_a_second_save_goes_over_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    press(&mut app, &mut store, "/skhcn III.7<Enter><Enter>2<Tab>Thiếu một báo cáo");
    // Meanwhile another session of the agency saves the same component.
    let path = store.path().to_path_buf();
    let mut other = thamdinh::store::Store::open(&path).unwrap();
    other.sign_in("tv-so-noi-vu").unwrap();
    let version = other.appraisal_version(&"skhcn".into(), "III.7").unwrap();
    other
        .save_appraisal(&thamdinh::store::appraise::AppraisalInput {
            unit: "skhcn".into(),
            component: "III.7".into(),
            appraised: rust_decimal::Decimal::from(3),
            deduction_reason: "Đủ hồ sơ".into(),
            based_on_version: version,
        })
        .unwrap();
    press(&mut app, &mut store, "<C-s>");
    let error = app.form().and_then(|f| f.error.clone()).expect("refused, form kept");
    assert!(
        error.contains("tv-so-noi-vu đã lưu 3 (lý do: Đủ hồ sơ)") && error.contains("Điểm bạn nhập (2)"),
        "{error}"
    );
    assert_eq!(app.form().unwrap().score, "2", "the typed value is not lost");
    // Having seen it, the member saves again: it goes over the newer value, audited.
    press(&mut app, &mut store, "<C-s>");
    assert!(
        app.message.as_ref().is_some_and(|(m, e)| !e && m.contains("Đã lưu skhcn · III.7: 2")),
        "{:?}",
        app.message
    );
    let log = store.audit_log(Some("skhcn"), Some("III.7")).unwrap();
    let last = log.last().unwrap();
    assert_eq!((last.old_value.as_deref(), last.new_value.as_deref()), (Some("3"), Some("2")));
}

#[test]
fn f3_shows_a_components_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    press(&mut app, &mut store, "/skhcn III.7<Enter><Enter>2<Tab>Thiếu một báo cáo<C-s>");
    press(&mut app, &mut store, "<Esc>/skhcn III.7<Enter><F3>");
    let (title, rows) = app.history().map(|(t, r)| (t.to_string(), r.to_vec())).expect("history shown");
    assert_eq!(title, "skhcn · III.7");
    assert!(rows.iter().any(|r| r.actor == "tv-so-noi-vu" && r.new_value.as_deref() == Some("2")));
    let text = screen(&app, 160, 48);
    assert!(text.contains("Lịch sử — skhcn · III.7") && text.contains("Thiếu một báo cáo"), "{text}");
    // Who, by the full name the council's papers print, not the login.
    let full_name = store.user("tv-so-noi-vu").unwrap().unwrap().full_name;
    assert!(!full_name.is_empty() && text.contains(&full_name), "{full_name} in {text}");
    press(&mut app, &mut store, "<Esc>");
    assert!(app.history().is_none());
}

#[test]
fn the_demo_picker_signs_the_store_in_as_the_chosen_user() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_for(&store, true);
    let index = app.choices().iter().position(|(u, _)| u.name == "thu-ky").expect("offered");
    press(&mut app, &mut store, &format!("{}<Enter>", "j".repeat(index)));
    assert_eq!(app.user.as_ref().map(|u| u.name.as_str()), Some("thu-ky"));
    assert_eq!(store.actor().name, "thu-ky", "the store writes as the picked user");
    assert_eq!(app.panes(), [Pane::Ranking, Pane::Progress, Pane::Charts, Pane::Desk]);
}

#[test]
fn a_provincial_leader_scores_group_i_and_the_mean_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut leader = app_as(&mut store, "lanh-dao-1");
    let queue = leader.queue();
    let in_group_one =
        |i: &thamdinh::tui::app::QueueItem| leader.item_codes(i).is_some_and(|(_, c)| c.starts_with("I."));
    assert!(!queue.is_empty() && queue.iter().all(in_group_one), "{queue:?}");
    press(&mut leader, &mut store, "/stc I.1<Enter><Enter>3<Tab>Chưa quyết liệt<C-s>");
    assert!(leader.message.as_ref().is_some_and(|(m, e)| !e && m.contains("Đã ghi điểm của lãnh đạo stc · I.1: 3")));
    let mut other = app_as(&mut store, "lanh-dao-2");
    press(&mut other, &mut store, "/stc I.1<Enter><Enter>4<C-s>");
    let stc = store.load_round().unwrap().units.into_iter().find(|u| u.code == "stc").unwrap();
    assert_eq!(stc.entries["I.1"].effective_appraised(), Some(rust_decimal::Decimal::new(35, 1)));
    press(&mut other, &mut store, "<Esc>/stc I.1<Enter><Enter>");
    let text = screen(&other, 160, 48);
    assert!(
        text.contains("Điểm của các lãnh đạo: Lãnh đạo UBND tỉnh 1 3; Lãnh đạo UBND tỉnh 2 4 — trung bình 3,5"),
        "{text}"
    );
}

#[test]
fn another_sessions_save_is_applied_unit_by_unit_and_equals_a_full_reload() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut secretary = app_as(&mut store, "thu-ky");
    let before = secretary.audit_id;
    // A member's session on its own connection saves skhcn's missing appraisal.
    let mut member = thamdinh::store::Store::open(store.path()).unwrap();
    member.sign_in("tv-so-noi-vu").unwrap();
    member
        .save_appraisal(&thamdinh::store::appraise::AppraisalInput {
            unit: "skhcn".into(),
            component: "III.7".into(),
            appraised: rust_decimal::Decimal::from(3),
            deduction_reason: "Đủ".into(),
            based_on_version: member.appraisal_version(&"skhcn".into(), "III.7").unwrap(),
        })
        .unwrap();
    let changes = store.changes_since(before).unwrap();
    assert!(!changes.whole_round && changes.units.iter().eq(["skhcn"]), "{changes:?}");
    thamdinh::tui::dispatch(&mut secretary, &mut store, thamdinh::tui::app::Action::ExternalChange);
    assert!(secretary.audit_id > before);
    let fresh = app_as(&mut store, "thu-ky");
    assert_eq!(secretary.results(), fresh.results(), "the unit-by-unit update equals reading everything");
    let skhcn = ranking_of(&secretary, "so-nganh").into_iter().find(|(u, _, _)| u == "skhcn").unwrap();
    assert_eq!(skhcn.1, 1, "at 100 points skhcn shares the top");
}

#[test]
fn typing_in_a_recorded_reason_continues_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let before = store.load_round().unwrap().units.into_iter().find(|u| u.code == "stc").unwrap().entries["V.5"]
        .deduction_reason
        .clone();
    assert!(!before.is_empty());
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    press(&mut app, &mut store, "/stc V.5<Enter><Enter><Tab>; đã xác minh<C-s>");
    let after = store.load_round().unwrap().units.into_iter().find(|u| u.code == "stc").unwrap().entries["V.5"]
        .deduction_reason
        .clone();
    assert_eq!(after, format!("{before}; đã xác minh"));
}

#[test]
fn the_chairman_re_rates_a_unit_of_an_approved_bloc_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let file = dir.path().join("last.csv");
    std::fs::write(&file, "unit,criterion,self_score,appraised_score,reason\nskhcn,III.7,\"2,5\",\"2,5\",Thiếu\n")
        .unwrap();
    store.import_scores(&file).unwrap();
    store.order_tie(&"so-nganh".into(), &["stp".into(), "snv".into()]).unwrap();
    store.approve_bloc(&"so-nganh".into()).unwrap();

    let mut secretary = app_as(&mut store, "thu-ky");
    press(&mut secretary, &mut store, "/stc<Enter>f");
    assert!(secretary.facts_form().is_none());
    assert!(
        secretary.message.as_ref().is_some_and(|(m, e)| *e && m.contains("chỉ Chủ tịch")),
        "{:?}",
        secretary.message
    );

    let mut chairman = app_as(&mut store, "chu-tich");
    press(&mut chairman, &mut store, "/stc<Enter>f");
    assert!(chairman.facts_form().is_some_and(|f| f.rerate_reason.is_some()));
    assert!(screen(&chairman, 120, 30).contains("xếp loại lại (Điều 10.4)"));
    press(&mut chairman, &mut store, "  <C-s>");
    let error = chairman.facts_form().and_then(|f| f.error.clone()).expect("a reason is required");
    assert!(error.contains("cần lý do"), "{error}");
    press(&mut chairman, &mut store, "Vi phạm kỷ luật phát hiện sau phê duyệt<C-s>");
    assert!(chairman.facts_form().is_none(), "{:?}", chairman.message);
    let stc = ranking_of(&chairman, "so-nganh").into_iter().find(|(u, _, _)| u == "stc").unwrap();
    assert_eq!(stc.2, Outcome::Level(Level::NotCompleted));
    let log = store.audit_log(Some("stc"), None).unwrap();
    let rerated: Vec<&str> = log.iter().filter(|r| r.action == "rerate").filter_map(|r| r.field.as_deref()).collect();
    assert_eq!(rerated, ["discipline", "level"], "only the fact that changed, then the level it led to");
    let last = log.last().unwrap();
    assert_eq!((last.actor.as_str(), last.action.as_str()), ("chu-tich", "rerate"));
    assert_eq!(last.reason.as_deref(), Some("Vi phạm kỷ luật phát hiện sau phê duyệt"));
}

#[test]
fn the_interface_holds_only_the_explanations_of_the_units_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    let explained = |app: &thamdinh::tui::app::App| -> Vec<UnitCode> {
        let units = app.round.units.iter().filter(|u| u.entries.values().any(|e| !e.explanation.is_empty()));
        units.map(|u| u.code.clone()).collect()
    };
    assert!(explained(&app).is_empty(), "the round is held without explanations");

    // On screen: the preview's unit is read, and its explanation shown.
    thamdinh::tui::dispatch(&mut app, &mut store, Action::Started);
    let (first, component) = app.item_codes(&app.queue()[0]).unwrap();
    assert_eq!(explained(&app), std::slice::from_ref(&first));
    let text: String = store.explanations_of(&first).unwrap().into_iter().find(|(c, _)| *c == component).unwrap().1;
    assert!(screen(&app, 160, 48).contains(&format!("Giải trình: {}", text.split(' ').next().unwrap())));

    // Another unit's form reads that unit's, and shows them.
    let other = app.round.units.iter().map(|u| u.code.clone()).find(|code| *code != first).unwrap();
    press(&mut app, &mut store, &format!("/{other}<Enter><Enter>"));
    let form = app.form().expect("the form of the other unit");
    let text: String =
        store.explanations_of(&other).unwrap().into_iter().find(|(c, _)| *c == form.component).unwrap().1;
    assert_eq!(explained(&app), [first, other]);
    assert!(screen(&app, 160, 48).contains(text.split(' ').next().unwrap()));
}

#[test]
fn an_open_form_keeps_its_explanation_when_the_whole_round_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    thamdinh::tui::dispatch(&mut app, &mut store, Action::Started);
    press(&mut app, &mut store, "<Enter>");
    let form = app.form().expect("a form");
    let (unit, component) = (form.unit.clone(), form.component.clone());
    let text: String = store.explanations_of(&unit).unwrap().into_iter().find(|(c, _)| *c == component).unwrap().1;
    let shown = |app: &App| screen(app, 160, 48).contains(&format!("Giải trình của đơn vị: {text}"));
    assert!(shown(&app));
    // Another session changed something that makes the round be read whole (a tie order, an approval …).
    let reread = thamdinh::tui::snapshot(&store).unwrap();
    thamdinh::tui::dispatch(&mut app, &mut store, Action::Reloaded(Box::new(reread)));
    assert!(app.form().is_some(), "the form stays open");
    assert!(shown(&app), "{}", screen(&app, 160, 48));
}

/// Thái Nguyên Điều 9.4.đ ("Chỉ thực hiện thẩm định đối với các tiêu chí có đủ tài liệu kiểm chứng … và giải
/// trình chi tiết, rõ ràng"): an incomplete file has its own status in the member's queue (for `s`), is marked in
/// the form, which offers the usual deduction reason on F2 without writing it unasked, and is counted in the
/// secretary's progress.
#[test]
fn an_incomplete_file_is_marked_in_the_queue_the_form_and_the_progress() {
    use thamdinh::tui::app::Status;
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    // skhcn's III.7 has a self-score without explanation and no document under III: incomplete, still open.
    press(&mut app, &mut store, "/skhcn III.7<Enter>");
    assert_eq!(app.queue().iter().map(|i| i.status).collect::<Vec<_>>(), [Status::IncompleteFile]);
    press(&mut app, &mut store, "<Esc>sss");
    assert_eq!(app.browse.status_filter, Some(Status::IncompleteFile));
    assert!(!app.queue().is_empty() && app.queue().iter().all(|i| i.incomplete));
    assert!(screen(&app, 100, 30).contains("Thiếu hồ sơ"));

    press(&mut app, &mut store, "<Esc>/skhcn III.7<Enter><Enter>");
    let form = app.form().expect("form");
    assert!(form.reason.lines().join("").is_empty(), "the reason is offered, never written unasked");
    let shown = screen(&app, 160, 48);
    assert!(
        shown.contains(
            "⚠ Thiếu hồ sơ: thiếu giải trình và tài liệu kiểm chứng — F2 điền lý do “không có tài liệu kiểm chứng”"
        ),
        "{shown}"
    );
    press(&mut app, &mut store, "2<F2>");
    let form = app.form().expect("form");
    assert_eq!(form.reason.lines().join("\n"), "không có tài liệu kiểm chứng");
    press(&mut app, &mut store, "<F2><C-s>");
    let entry = store.load_round().unwrap().units.iter().find(|u| u.code == "skhcn").unwrap().entries["III.7"].clone();
    assert_eq!(entry.deduction_reason, "không có tài liệu kiểm chứng", "F2 twice writes it once");
    // Appraised, and still marked wherever it is shown.
    press(&mut app, &mut store, "<Esc><Esc>/skhcn III.7<Enter>");
    assert_eq!(app.queue()[0].status, Status::Appraised);
    assert!(screen(&app, 100, 30).contains("Đã thẩm định · thiếu hồ sơ"));

    let mut secretary = app_as(&mut store, "thu-ky");
    press(&mut secretary, &mut store, "2");
    let shown = screen(&secretary, 120, 30);
    assert!(shown.contains("Thiếu hồ sơ") && shown.contains("thiếu hồ sơ:"), "{shown}");
}

/// Issue 12: whatever is typed into the score field stays there as typed (nothing dropped: `-1` is not `1`,
/// `1/2` is not `12`), and a score that is saved is exactly the number typed, or the form refuses it and says why.
#[test]
fn the_score_field_keeps_what_was_typed_and_saves_exactly_that_or_refuses() {
    use proptest::prelude::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use std::str::FromStr;
    use thamdinh::tui::app::{Effect, update};
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    press(&mut app, &mut store, "/skhcn III.7<Enter><Enter><Tab>lý do thẩm định<Tab>");
    let app = std::cell::RefCell::new(app);
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(256));
    let typed = proptest::string::string_regex("[0-9,.%e/ a-]{1,7}").unwrap();
    runner
        .run(&typed, |typed| {
            let app = &mut *app.borrow_mut();
            let thamdinh::tui::app::Screen::Appraisal(form) = &mut app.screen else { panic!("form open") };
            form.score.clear();
            form.dirty = false;
            for c in typed.chars() {
                update(app, Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
            }
            prop_assert_eq!(&app.form().unwrap().score, &typed, "nothing typed is dropped");
            let effects = update(app, Action::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)));
            let saved = effects.iter().find_map(|effect| match effect {
                Effect::SaveAppraisal { appraised, .. } => Some(*appraised),
                _ => None,
            });
            match saved {
                Some(appraised) => {
                    let exact = rust_decimal::Decimal::from_str(&typed.trim().replace(',', "."));
                    prop_assert_eq!(exact.ok(), Some(appraised), "saved exactly what was typed");
                }
                None => prop_assert!(app.form().unwrap().error.is_some(), "a refusal says why"),
            }
            Ok(())
        })
        .unwrap();
}

/// The lines of the screen that hold a text.
fn lines_with<'a>(text: &'a str, needle: &str) -> Vec<&'a str> {
    text.lines().filter(|line| line.contains(needle)).collect()
}

#[test]
fn the_secretary_opens_a_ranked_units_file_and_reads_its_deductions_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    press(&mut app, &mut store, "/syt<Enter><Enter>");
    let view = app.unit_view().cloned().expect("Enter on a ranked unit opens its file");
    assert_eq!((view.unit.as_str(), view.selected), ("syt", 0));
    let text = screen(&app, 160, 48);
    assert!(text.contains("Hồ sơ đơn vị syt (chỉ đọc)"), "{text}");
    assert!(text.contains("Lý do xếp loại:") && text.contains("Sự kiện"), "{text}");
    // Down to syt's II.3, appraised 3,5 of 4 with the council's reason.
    let at = app.unit_components("syt").iter().position(|p| p.component.code == "II.3").expect("II.3");
    press(&mut app, &mut store, &"j".repeat(at));
    let text = screen(&app, 160, 48);
    assert!(text.contains("II.3") && text.contains("Lý do trừ điểm: Còn đơn thư tồn đọng"), "{text}");
    assert!(text.contains("thẩm định 3,5"), "{text}");
    // Scrolling keeps the selected component on screen, down to the last.
    press(&mut app, &mut store, "G");
    let last = app.unit_components("syt").last().map(|p| p.component.code.clone()).unwrap();
    assert!(screen(&app, 80, 24).contains(&format!(" {last} ")), "the last component is shown after G");
    press(&mut app, &mut store, "g");
    assert_eq!(app.unit_view().map(|v| v.selected), Some(0));
    // F3 on a line: that component's history, in Vietnam time.
    press(&mut app, &mut store, &format!("{}<F3>", "j".repeat(at)));
    let (title, rows) = app.history().map(|(t, r)| (t.to_string(), r.to_vec())).expect("history");
    assert_eq!(title, "syt · II.3");
    let text = screen(&app, 160, 48);
    let first = rows.first().expect("the import is in the history");
    assert!(text.contains(&thamdinh::domain::vn_time::vietnam_time(&first.at)), "{text}");
    assert!(text.contains("giờ Việt Nam"), "{text}");
    // Each change is named in Vietnamese from the catalog, never by its stored slug.
    let name = thamdinh::messages::audit_action_slug(&first.action, thamdinh::messages::Lang::Vi);
    assert!(name != first.action && text.contains(&name), "{name:?} for {:?} in {text}", first.action);
    assert!(!text.contains(&format!(" {} ", first.action)), "the slug {:?} shown: {text}", first.action);
    press(&mut app, &mut store, "<Esc>");
    assert!(app.history().is_none() && app.unit_view().is_some(), "Esc closes the history, back in the file");
    press(&mut app, &mut store, "<Esc>");
    assert!(app.unit_view().is_none());
}

#[test]
fn a_units_file_asks_for_its_documents_and_shows_them_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "chu-tich");
    // From the progress pane.
    let snv = app.round.units.iter().position(|u| u.code == "snv").unwrap();
    press(&mut app, &mut store, &format!("2{}<Enter>", "j".repeat(snv)));
    assert_eq!(app.unit_view().map(|v| v.unit.as_str()), Some("snv"));
    assert!(app.evidence.keys().any(|(unit, _)| unit == "snv"), "the file's documents were read");
    let at = app.unit_components("snv").iter().position(|p| p.component.code == "V.5").unwrap();
    press(&mut app, &mut store, &"j".repeat(at));
    let text = screen(&app, 160, 48);
    assert!(text.contains("152/BC-SNV") && text.contains("Báo cáo kết quả cải cách hành chính năm 2024"), "{text}");
    // The chart of the unit: self-score against appraisal by criterion.
    press(&mut app, &mut store, "c");
    assert!(app.unit_view().is_some_and(|v| v.chart));
    assert!(screen(&app, 80, 24).contains("tự đánh giá") && screen(&app, 80, 24).contains("VIII"));
}

#[test]
fn the_file_opens_from_the_ties_and_the_queue_keeps_enter_for_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "chu-tich");
    press(&mut app, &mut store, "3<Enter>jv");
    assert_eq!(app.unit_view().map(|v| v.unit.as_str()), Some("stp"), "v on a unit of the tie group");
    press(&mut app, &mut store, "<Esc>");
    assert!(app.unit_view().is_none() && app.tie_edit().is_some(), "back to ordering the tie");

    let mut member = app_as(&mut store, "tv-so-noi-vu");
    press(&mut member, &mut store, "/skhcn III.7<Enter>v");
    let view = member.unit_view().cloned().expect("v opens the file");
    assert_eq!(view.unit, "skhcn");
    let components = member.unit_components("skhcn");
    assert_eq!(components[view.selected].component.code, "III.7", "on the queue's component");
    assert!(member.form().is_none());
    // An incomplete file is marked in the unit view.
    let text = screen(&member, 160, 48);
    assert!(text.contains("Thiếu hồ sơ"), "{text}");
    press(&mut member, &mut store, "<Esc><Enter>");
    assert!(member.form().is_some(), "Enter in the queue still opens the scoring form");
}

#[test]
fn approving_a_bloc_asks_first_and_esc_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    // Every component of the huyen bloc appraised.
    let mut app = app_as(&mut store, "chu-tich");
    let huyen = app.results().iter().position(|r| r.bloc == "huyen").expect("huyen");
    press(&mut app, &mut store, &format!("{}a", "l".repeat(huyen)));
    let prompt = app.approval().cloned().expect("a asks first");
    assert_eq!(prompt.bloc, "huyen");
    if let Some(why) = prompt.blocker {
        panic!("huyen is fully appraised in the fixture: {why}");
    }
    let text = screen(&app, 80, 24);
    assert!(text.contains("Phê duyệt kết quả") && text.contains("chỉ tiêu xuất sắc"), "{text}");
    assert!(text.contains("h-dai-tu"), "the units approved are listed: {text}");
    press(&mut app, &mut store, "x<Enter>");
    assert!(app.approved.is_empty(), "only y confirms");
    press(&mut app, &mut store, "<Esc>");
    assert!(app.approval().is_none() && app.approved.is_empty(), "Esc cancels");
    assert!(!store.approved_blocs().unwrap().contains("huyen"));
    press(&mut app, &mut store, "a<C-s>");
    assert!(app.approved.contains("huyen"), "Ctrl-S confirms: {:?}", app.message);
}

#[test]
fn the_tie_screen_shows_names_totals_grades_and_differences() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    // Make snv and stp differ on two components but keep the same total.
    let file = dir.path().join("swap.csv");
    std::fs::write(
        &file,
        "unit,criterion,self_score,appraised_score,reason\nsnv,I.1,,\"3,5\",Chậm\nstp,I.2,,\"3,5\",Chậm\n",
    )
    .unwrap();
    store.import_scores(&file).unwrap();
    let mut app = app_as(&mut store, "chu-tich");
    assert_eq!(app.open_ties().len(), 1, "snv and stp still tie");
    press(&mut app, &mut store, "3<Enter>");
    let text = screen(&app, 160, 48);
    assert!(text.contains("Sở Nội vụ") && text.contains("Sở Tư pháp"), "{text}");
    let total = app.ranked("snv").unwrap().tiebreak_total.to_string().replace('.', ",");
    assert!(total.split(',').nth(1).is_some_and(|d| d.len() == 3), "{total}");
    assert_eq!(lines_with(&text, &total).len(), 3, "every total to 3 decimals: {text}");
    assert!(text.contains("VIII"), "criterion grades side by side: {text}");
    assert!(text.contains("Tiêu chí thành phần khác nhau (3)"), "{text}");
    assert!(text.contains("I.1 (tối đa 4): skhcn 4 · snv 3,5 · stp 4"), "{text}");
    assert!(text.contains("III.7 (tối đa 3): skhcn 2,5 · snv 3 · stp 3"), "{text}");
    assert!(!text.contains("V.5 (tối đa"), "components where they agree are not listed: {text}");
}

#[test]
fn lists_page_like_lazygit_and_the_filter_matches_what_is_shown() {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    press(&mut app, &mut store, "2");
    let units = app.round.units.len();
    assert!(units > 40, "{units}");
    screen(&app, 80, 24);
    let page = usize::from(app.scroll.page.get());
    assert!(page > 3, "the view records its page");
    let press_key = |app: &mut App, store: &mut thamdinh::store::Store, code, modifiers| {
        let key = ratatui::crossterm::event::KeyEvent::new(code, modifiers);
        thamdinh::tui::dispatch(app, store, Action::Key(key));
        screen(app, 80, 24);
    };
    press_key(&mut app, &mut store, KeyCode::PageDown, KeyModifiers::NONE);
    assert_eq!(app.browse.progress_selected, page);
    press_key(&mut app, &mut store, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(app.browse.progress_selected, page - page / 2);
    press_key(&mut app, &mut store, KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(app.browse.progress_selected, page);
    press_key(&mut app, &mut store, KeyCode::End, KeyModifiers::NONE);
    assert_eq!(app.browse.progress_selected, units - 1);
    press_key(&mut app, &mut store, KeyCode::Home, KeyModifiers::NONE);
    assert_eq!(app.browse.progress_selected, 0);
    // Line by line: one step below the page moves the list by one line, not a page.
    for _ in 0..page {
        press_key(&mut app, &mut store, KeyCode::Down, KeyModifiers::NONE);
    }
    assert_eq!(app.scroll.progress.get(), 1, "the list moved one line");
    press_key(&mut app, &mut store, KeyCode::Up, KeyModifiers::NONE);
    assert_eq!(app.scroll.progress.get(), 1, "moving up inside the page does not scroll");
    // The picker pages too.
    let mut picker = tui_support::app_for(&store, true);
    press(&mut picker, &mut store, "G");
    assert_eq!(picker.picker(), Some(picker.choices().len() - 1));
    press(&mut picker, &mut store, "g");
    assert_eq!(picker.picker(), Some(0));
    // The filter matches codes and names, not the hidden bloc code.
    press(&mut app, &mut store, "1/so-nganh<Enter>");
    assert!(app.ranking_rows().is_empty());
    assert!(screen(&app, 80, 24).contains("không có mục nào khớp"));
}

#[test]
fn a_small_terminal_is_told_and_the_hint_bar_never_cuts_a_word() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "chu-tich");
    let small = screen(&app, 40, 12);
    assert!(small.contains("Cửa sổ quá nhỏ: cần ít nhất 80×24"), "{small}");
    assert!(!small.contains("Xếp hạng"), "no broken screen under the notice");
    for keys in ["", "<Enter>", "3<Enter>", "a"] {
        press(&mut app, &mut store, &format!("<Esc><Esc>1{keys}"));
        let text = screen(&app, 80, 24);
        let hints = text.lines().last().unwrap_or("");
        let words: std::collections::BTreeSet<&str> = thamdinh::tui::keymap::BINDINGS
            .iter()
            .flat_map(|b| {
                b.description.say(thamdinh::messages::Lang::Vi).split_whitespace().chain(b.label.split_whitespace())
            })
            .chain(thamdinh::messages::screens::more_keys(thamdinh::messages::Lang::Vi).split_whitespace())
            .chain(thamdinh::tui::keymap::BINDINGS.iter().flat_map(|b| {
                let short =
                    thamdinh::messages::screens::short_hint(&format!("{:?}", b.command), thamdinh::messages::Lang::Vi);
                short.unwrap_or_default().split_whitespace()
            }))
            .collect();
        for word in hints.split_whitespace() {
            assert!(words.contains(word), "{word:?} is a cut word in {hints:?}");
        }
        assert!(hints.contains("Esc") || keys.is_empty(), "the way out is always in the hint bar: {hints:?}");
    }
}

#[test]
fn the_chairman_removes_a_grade_override_and_an_override_equal_to_the_proposal_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "chu-tich");
    press(&mut app, &mut store, "/syt<Enter>o");
    let form = app.grade_form().expect("grade form");
    let v = form.criteria.iter().position(|(c, _, _)| c == "V").unwrap();
    press(&mut app, &mut store, &"<Down>".repeat(v));
    // V is proposed average and overridden to good: F2 once chooses average, the proposal itself.
    press(&mut app, &mut store, "<F2>");
    assert!(screen(&app, 160, 48).contains("(= đề xuất, không lưu; Ctrl-D bỏ điều chỉnh)"));
    press(&mut app, &mut store, "Giữ nguyên<C-s>");
    let error = app.grade_form().and_then(|f| f.error.clone()).expect("not saved");
    assert!(error.contains("là xếp loại đề xuất: không lưu điều chỉnh"), "{error}");
    // C-d removes the override; the reason box gives its reason.
    press(&mut app, &mut store, &"<BS>".repeat("Giữ nguyên".chars().count()));
    press(&mut app, &mut store, "<C-d>");
    let error = app.grade_form().and_then(|f| f.error.clone()).expect("a reason is required");
    assert!(error.contains("Cần lý do bỏ điều chỉnh"), "{error}");
    press(&mut app, &mut store, "Đã đối chiếu lại sản phẩm<C-d>");
    assert!(app.grade_form().is_none(), "{:?}", app.message);
    let record = store.load_unit("syt").unwrap().unwrap();
    assert!(!record.grade_overrides.contains_key("V"));
    let last = store.audit_log(Some("syt"), Some("V")).unwrap().pop().unwrap();
    assert_eq!(last.reason.as_deref(), Some("Đã đối chiếu lại sản phẩm"));
    // Nothing left to remove.
    press(&mut app, &mut store, "o");
    press(&mut app, &mut store, &"<Down>".repeat(v));
    press(&mut app, &mut store, "Bỏ<C-d>");
    let error = app.grade_form().and_then(|f| f.error.clone()).expect("nothing to remove");
    assert!(error.contains("không có điều chỉnh"), "{error}");
}

#[test]
fn the_appraising_agency_withdraws_an_appraisal_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "tv-so-noi-vu");
    press(&mut app, &mut store, "/skhcn III.7<Enter><Enter>2<Tab>Thiếu một báo cáo<C-s>");
    press(&mut app, &mut store, "<Esc><Esc>/skhcn III.7<Enter><Enter>");
    assert_eq!(app.form().map(|f| f.component.as_str()), Some("III.7"));
    // C-d asks the reason in the reason box; Esc gives the deduction reason back.
    press(&mut app, &mut store, "<C-d>");
    assert!(screen(&app, 160, 48).contains("Lý do rút kết quả thẩm định"));
    press(&mut app, &mut store, "<Esc>");
    let form = app.form().expect("the form stays open");
    assert!(form.withdrawing.is_none());
    assert_eq!(form.reason.lines().join("\n"), "Thiếu một báo cáo");
    press(&mut app, &mut store, "<C-d><C-s>");
    let error = app.form().and_then(|f| f.error.clone()).expect("a reason is required");
    assert!(error.contains("Cần lý do rút"), "{error}");
    press(&mut app, &mut store, "Chấm nhầm tài liệu<C-s>");
    let record = store.load_unit("skhcn").unwrap().unwrap();
    assert_eq!(record.entries["III.7"].appraised_score, None);
    let last = store.audit_log(Some("skhcn"), Some("III.7")).unwrap().pop().unwrap();
    assert_eq!((last.action.as_str(), last.reason.as_deref()), ("withdraw", Some("Chấm nhầm tài liệu")));
    assert!(app.message.as_ref().is_some_and(|(m, _)| m.contains("Đã rút kết quả thẩm định")), "{:?}", app.message);
    // The history words the withdrawal as the value it removed, not the English detail the log stores.
    press(&mut app, &mut store, "<Esc><Esc>/skhcn III.7<Enter><F3>");
    let history = screen(&app, 160, 48);
    assert!(history.contains("Rút kết quả thẩm định") && history.contains("2 → —"), "{history}");
    assert!(!history.contains("withdrawn") && !history.contains("skhcn III.7:"), "{history}");
    press(&mut app, &mut store, "<Esc>");

    // Nothing recorded: nothing to withdraw. An assistant does not withdraw a member's final figure.
    press(&mut app, &mut store, "<Esc><Esc>/skhcn III.7<Enter><Enter><C-d>");
    let error = app.form().and_then(|f| f.error.clone()).expect("nothing to withdraw");
    assert!(error.contains("chưa có kết quả thẩm định, không có gì để rút"), "{error}");
    press(&mut app, &mut store, "2<Tab>Thiếu một báo cáo<C-s>");
    let mut assistant = app_as(&mut store, "tgv-so-noi-vu");
    press(&mut assistant, &mut store, "/skhcn III.7<Enter><Enter><C-d>");
    let error = assistant.form().and_then(|f| f.error.clone()).expect("refused");
    assert!(error.contains("Tổ giúp việc chỉ rút kết quả do mình nhập"), "{error}");
}

#[test]
fn the_chairman_reopens_a_recorded_tie_order_and_changes_it_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "chu-tich");
    press(&mut app, &mut store, "3<Enter>jK<Enter>y<Enter>");
    assert!(app.open_ties().is_empty());
    assert_eq!(app.recorded_ties(), [("so-nganh".into(), vec!["stp".into(), "snv".into()])]);
    assert!(screen(&app, 160, 48).contains("đã sắp thứ tự"));
    // Enter reopens it as recorded; Enter after the new order asks the reason, Enter again saves.
    press(&mut app, &mut store, "<Enter>");
    let edit = app.tie_edit().cloned().expect("the tie editor");
    assert_eq!(edit.units, ["stp", "snv"]);
    press(&mut app, &mut store, "jK<Enter>");
    assert!(app.tie_edit().is_some_and(|e| e.reason_focus));
    assert!(screen(&app, 160, 48).contains("Lý do đổi thứ tự đã ghi"));
    press(&mut app, &mut store, "<Enter>");
    assert!(app.message.as_ref().is_some_and(|(m, _)| m.contains("Cần lý do")), "{:?}", app.message);
    press(&mut app, &mut store, "Xét lại khen thưởng<Enter>");
    assert!(app.tie_edit().is_none(), "{:?}", app.message);
    let after = ranking_of(&app, "so-nganh");
    assert_eq!((after[0].0.as_str(), after[1].0.as_str()), ("snv", "stp"));
    let round = store.load_round().unwrap();
    assert_eq!(round.tie_orders["so-nganh"], vec![vec!["snv".to_string(), "stp".to_string()]]);
    let last = store.audit_log(None, None).unwrap().pop().unwrap();
    assert_eq!(last.reason.as_deref(), Some("Xét lại khen thưởng"));
}

#[test]
fn f3_on_a_ranking_row_shows_the_units_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    press(&mut app, &mut store, "/syt<Enter><F3>");
    let (title, rows) = app.history().map(|(t, r)| (t.to_string(), r.to_vec())).expect("history shown");
    assert_eq!(title, "syt — mọi thay đổi của đơn vị, mới nhất trước");
    assert!(rows.windows(2).all(|pair| pair[0].id > pair[1].id), "newest first");
    assert!(rows.iter().all(|r| r.unit.as_deref() == Some("syt")));
    let criteria: std::collections::BTreeSet<_> = rows.iter().filter_map(|r| r.criterion.clone()).collect();
    assert!(criteria.contains("V") && criteria.len() > 1, "{criteria:?}");
    press(&mut app, &mut store, "<Esc>");
    assert!(app.history().is_none());
}

#[test]
fn a_units_history_names_its_facts_by_their_titles() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture_store(dir.path());
    let mut app = app_as(&mut store, "thu-ky");
    press(&mut app, &mut store, "/sct<Enter><F3>");
    let rows = app.history().map(|(_, r)| r.to_vec()).expect("history shown");
    let text = screen(&app, 160, 48);
    let facts: Vec<_> = rows
        .iter()
        .filter(|r| r.criterion.is_none())
        .filter_map(|r| r.field.as_deref().and_then(|f| app.regulation.fact(f)))
        .collect();
    assert_eq!(facts.len(), 2, "sct's two facts: {rows:?}");
    for fact in facts {
        assert!(text.contains(&fact.title) && !text.contains(&fact.name), "{} in {text}", fact.title);
    }
    assert!(text.contains("Ghi nhận sự kiện") && !text.contains(" fact "), "{text}");
}
