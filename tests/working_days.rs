#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test fails loudly on what it did not expect")]
//! Issue 22 item 14: the appraisal period (2610 Điều 9.5: 50 *ngày làm việc* from receipt) skips the public
//! holidays and the government's announced days off of each year (`data/calendar/`), and counts the Saturdays
//! worked to make up a swap; a period that reaches a year with no calendar says so instead of counting Mon–Fri.

mod binary;

use binary::ok;
use serde_json::Value;
use std::path::Path;
use thamdinh::domain::calendar::{Date, NoCalendar, appraisal_days_left, appraisal_deadline, appraisal_period};
use thamdinh::store::catalog::work_calendar;

fn date(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

#[test]
fn the_built_in_calendar_holds_2024_to_2027_with_2027_provisional() {
    let calendar = work_calendar().unwrap();
    let years: Vec<(i32, bool)> = calendar.years().map(|(year, days)| (year, days.provisional)).collect();
    assert_eq!(years, [(2024, false), (2025, false), (2026, false), (2027, true)]);
    for (year, days) in calendar.years() {
        assert!(days.source.contains("Bộ luật Lao động"), "{year}: {}", days.source);
        // The law's eleven days (1/1, five of Tết, Giỗ Tổ, 30/4, 1/5, 2/9 and one beside it) fall on weekdays
        // or are made up on one; swaps only add days, paid back by make-up Saturdays.
        let swaps = days.working_days.len();
        assert_eq!(days.days_off.len(), 11 + swaps, "{year}: the law's 11 days and {swaps} swapped");
    }
    // Tết Ất Tỵ: from Saturday 25/01 to Sunday 02/02/2025, five weekdays.
    let tet = calendar.year(2025).unwrap();
    for day in ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"] {
        assert!(tet.days_off.contains_key(&date(day)), "{day}");
        assert_eq!(calendar.is_working_day(date(day)), Ok(false), "{day}");
    }
    assert_eq!(calendar.is_working_day(date("2025-02-03")), Ok(true));
    // Tết Bính Ngọ: from Saturday 14/02 to Sunday 22/02/2026.
    for day in ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"] {
        assert_eq!(calendar.is_working_day(date(day)), Ok(false), "{day}");
    }
    // Saturday 10/01/2026 is worked, making up for Friday 02/01/2026.
    assert_eq!(calendar.is_working_day(date("2026-01-10")), Ok(true));
    assert_eq!(calendar.is_working_day(date("2026-01-02")), Ok(false));
    assert_eq!(calendar.is_working_day(date("2028-01-03")), Err(NoCalendar { year: 2028 }));
}

#[test]
fn a_period_from_late_november_2024_crosses_new_year_and_tet_2025() {
    let calendar = work_calendar().unwrap();
    // Received Monday 25/11/2024; the period begins the next day. Working days, counted by hand on the calendar:
    //   26–29/11 (Tue–Fri)                                      4   →  4
    //   02–06, 09–13, 16–20, 23–27/12                           20  → 24
    //   30–31/12                                                2   → 26
    //   01/01/2025 Tết Dương lịch off; 02–03/01                 2   → 28
    //   06–10, 13–17, 20–24/01                                  15  → 43
    //   27–31/01 Tết Ất Tỵ (25/01–02/02) off                    0   → 43
    //   03–07/02                                                5   → 48
    //   10/02, 11/02                                            2   → 50: Tuesday 11/02/2025.
    // Monday to Friday alone would end on Monday 03/02/2025, six working days early.
    let received = date("2024-11-25");
    assert_eq!(appraisal_deadline(calendar, received, 50), Ok(date("2025-02-11")));
    assert_eq!(appraisal_days_left(calendar, received, 50, date("2025-01-24")), Ok(7));
    // During Tết no day is spent: still 7 left on Friday 31/01.
    assert_eq!(appraisal_days_left(calendar, received, 50, date("2025-01-31")), Ok(7));
    assert_eq!(appraisal_days_left(calendar, received, 50, date("2025-02-11")), Ok(0));
    assert_eq!(appraisal_days_left(calendar, received, 50, date("2025-02-12")), Ok(-1));
}

#[test]
fn a_period_from_late_november_2025_crosses_the_new_year_swap_and_tet_2026() {
    let calendar = work_calendar().unwrap();
    // Received Tuesday 25/11/2025:
    //   26–28/11                                                3   →  3
    //   01–05, 08–12, 15–19, 22–26/12                           20  → 23
    //   29–31/12                                                3   → 26
    //   01/01/2026 off, 02/01 swapped off                       0   → 26
    //   05–09/01, and Saturday 10/01 worked (make-up)           6   → 32
    //   12–16, 19–23, 26–30/01                                  15  → 47
    //   02/02, 03/02, 04/02                                     3   → 50: Wednesday 04/02/2026.
    assert_eq!(appraisal_deadline(calendar, date("2025-11-25"), 50), Ok(date("2026-02-04")));
    // Received Monday 15/12/2025 (a late file), the period crosses Tết Bính Ngọ too:
    //   16–19/12                                                4   →  4
    //   22–26/12, 29–31/12                                      8   → 12
    //   01–02/01 off; 05–09/01 and Saturday 10/01               6   → 18
    //   12/01 – 13/02, five weeks                               25  → 43
    //   16–20/02 Tết (14/02–22/02) off                          0   → 43
    //   23–27/02                                                5   → 48
    //   02/03, 03/03                                            2   → 50: Tuesday 03/03/2026.
    let received = date("2025-12-15");
    assert_eq!(appraisal_deadline(calendar, received, 50), Ok(date("2026-03-03")));
    assert_eq!(appraisal_days_left(calendar, received, 50, date("2026-02-13")), Ok(7));
    assert_eq!(appraisal_days_left(calendar, received, 50, date("2026-02-20")), Ok(7));
}

#[test]
fn a_period_reaching_a_year_without_a_calendar_is_not_counted() {
    let calendar = work_calendar().unwrap();
    // From 01/12/2027 fifty working days reach 2028, which has no calendar yet.
    let period = appraisal_period(calendar, date("2027-12-01"), 50, date("2027-12-02"));
    assert_eq!(period, Err(NoCalendar { year: 2028 }));
    // 2027 is counted, on its provisional (law only) list, and says so.
    let period = appraisal_period(calendar, date("2026-11-25"), 50, date("2026-12-07")).unwrap();
    assert_eq!(period.provisional, [2027]);
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thai-nguyen");

#[test]
fn round_show_gives_each_units_appraisal_deadline_on_the_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db").display().to_string();
    ok(&["init", "--db", &db, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    ok(&["import", "units", "--db", &db, &format!("{FIXTURES}/units.csv")]);
    ok(&["import", "scores", "--db", &db, &format!("{FIXTURES}/scores.csv")]);
    ok(&["user", "add", "--db", &db, "thu-ky", "--role", "secretary"]);
    ok(&["user", "add", "--db", &db, "dau-moi-sxd", "--role", "unit", "--unit", "sxd"]);
    let received = ["--received", "25/11/2024"];
    let minutes = ["--approved-on", "2024-11-01", "--minutes", "2/BB"];
    ok(&[&["submit", "--db", &db, "--user", "thu-ky", "--unit", "sxd"][..], &minutes, &received].concat());

    let text = ok(&["round", "show", "--db", &db]);
    let sxd = text.lines().find(|line| line.trim_start().starts_with("sxd ")).unwrap();
    assert!(sxd.contains("hạn thẩm định 11/02/2025"), "Tết 2025 counted out: {sxd}");
    assert!(text.contains("trừ ngày nghỉ lễ, Tết") && text.contains("lịch các năm 2024–2027"), "{text}");
    let show: Value = serde_json::from_str(&ok(&["round", "show", "--db", &db, "--json"])).unwrap();
    assert_eq!(show["appraisal"]["sxd"]["deadline"], "2025-02-11");
    let english = ok(&["round", "show", "--db", &db, "--lang", "en"]);
    assert!(english.contains("appraisal due 2025-02-11"), "{english}");
    assert!(Path::new(&db).exists());
}

#[test]
fn a_fixed_today_moves_the_days_left_through_tet() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db").display().to_string();
    ok(&["init", "--db", &db, "--regulation", "thai-nguyen-2024", "--year", "2024"]);
    ok(&["import", "units", "--db", &db, &format!("{FIXTURES}/units.csv")]);
    ok(&["import", "scores", "--db", &db, &format!("{FIXTURES}/scores.csv")]);
    ok(&["user", "add", "--db", &db, "thu-ky", "--role", "secretary"]);
    ok(&["user", "add", "--db", &db, "dau-moi-sxd", "--role", "unit", "--unit", "sxd"]);
    let minutes = ["--approved-on", "2024-11-01", "--minutes", "2/BB", "--received", "25/11/2024"];
    ok(&[&["submit", "--db", &db, "--user", "thu-ky", "--unit", "sxd"][..], &minutes].concat());
    let show_on = |today: &str| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_thamdinh"))
            .args(["round", "show", "--db", &db])
            .env("THAMDINH_TODAY", today)
            .env_remove("THAMDINH_NOW")
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let text = String::from_utf8(output.stdout).unwrap();
        text.lines().find(|line| line.trim_start().starts_with("sxd ")).unwrap().to_string()
    };
    // Friday 24/01/2025: 43 of the 50 days spent (see the count above); Tết spends none.
    assert!(
        show_on("2025-01-24").contains("hạn thẩm định 11/02/2025, còn 7 ngày làm việc"),
        "{}",
        show_on("2025-01-24")
    );
    assert!(show_on("2025-01-31").contains("còn 7 ngày làm việc"), "{}", show_on("2025-01-31"));
    assert!(show_on("2025-02-11").contains("còn 0 ngày làm việc"), "{}", show_on("2025-02-11"));
    assert!(show_on("2025-02-13").contains("đã quá 2 ngày làm việc"), "{}", show_on("2025-02-13"));
}
