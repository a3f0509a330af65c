//! The round's calendar: the submission deadline (Thái Nguyên Điều 8.2.a) and the appraisal period counted in
//! working days (Điều 9.5), as plain date arithmetic. Today's date is the caller's (the store reads Vietnam's
//! date); nothing here reads a clock, and nothing here refuses anything: the council decides.
//!
//! Working days are Monday to Friday. Public holidays (Tết, 30/4, 1/5, 2/9 …) and the days the government
//! swaps are **not** counted out: they change every year by decision, and the council knows them; the figures
//! are a guide, never a refusal.

use std::fmt;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

fn leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The days of a month of a year (February by the Gregorian leap rule).
pub fn days_in(year: i32, month: u32) -> u32 {
    match month {
        2 if leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// A valid date, or None.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in(year, month)).then_some(Date { year, month, day })
    }

    /// Reads `2024-11-25` (the form the store keeps).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> i64 {
        // 1970-01-01 was a Thursday (3).
        (self.days_since_epoch() + 3).rem_euclid(7)
    }

    pub fn is_working_day(self) -> bool {
        self.weekday() < 5
    }

    /// The same day `years` later (or earlier); 29/02 becomes 28/02 in a year without it.
    #[must_use]
    pub fn plus_years(self, years: i32) -> Date {
        let year = self.year + years;
        Date { year, month: self.month, day: self.day.min(days_in(year, self.month)) }
    }

    /// The next day.
    #[must_use]
    pub fn next(self) -> Date {
        if self.day < days_in(self.year, self.month) {
            Date { day: self.day + 1, ..self }
        } else if self.month < 12 {
            Date { month: self.month + 1, day: 1, ..self }
        } else {
            Date { year: self.year + 1, month: 1, day: 1 }
        }
    }

    /// `25/11/2024`, as the council writes a date.
    pub fn vietnamese(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

/// A stored date (`2024-05-15`) as people read it (`15/05/2024`); text that is not a date is shown as stored.
pub fn shown_vietnamese(stored: &str) -> String {
    Date::parse_iso(stored).map_or_else(|| stored.to_string(), Date::vietnamese)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Calendar days from `today` to `deadline`: positive while it is ahead, 0 on the day, negative after it.
/// The regulation says *trước ngày 25/11* (before that day): a submission on the deadline's day or later is late.
pub fn days_to_deadline(today: Date, deadline: Date) -> i64 {
    deadline.days_since_epoch() - today.days_since_epoch()
}

/// Whether a submission on `on` is after the deadline (*trước ngày …*: the deadline's own day is already late).
pub fn is_late(on: Date, deadline: Date) -> bool {
    on >= deadline
}

/// Working days (Mon–Fri, holidays not counted out: see the module) from `from` to `to`, counting `to` and not
/// `from`; 0 when `to` is not after `from`.
pub fn working_days_between(from: Date, to: Date) -> i64 {
    let (start, end) = (from.days_since_epoch(), to.days_since_epoch());
    if end <= start {
        return 0;
    }
    let whole_weeks = (end - start) / 7;
    let mut count = whole_weeks * 5;
    let mut day = start + whole_weeks * 7;
    while day < end {
        day += 1;
        if (day + 3).rem_euclid(7) < 5 {
            count += 1;
        }
    }
    count
}

/// Working days left of an appraisal period of `period` working days that began on `received` (the day the
/// unit's self-assessment was received; Điều 9.5: *tối đa 50 ngày làm việc, từ ngày nhận được báo cáo*), as of
/// `today`: negative once the period is overrun.
pub fn appraisal_days_left(received: Date, period: u32, today: Date) -> i64 {
    i64::from(period) - working_days_between(received, today)
}

/// The deadlines a regulation states (`[deadlines]` of its `regulation.toml`), each with its words; absent where
/// the regulation states none.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    /// The submission deadline's day in the round's year, `MM-DD` (Thái Nguyên Điều 8.2.a: `11-25`).
    pub submission: Option<String>,
    /// Where the regulation says it, word for word.
    pub submission_source: Option<String>,
    /// The appraisal period in working days from receipt (Thái Nguyên Điều 9.5: 50).
    pub appraisal_working_days: Option<u32>,
    pub appraisal_source: Option<String>,
}

impl Deadlines {
    /// The submission deadline of a round of `year`, if the regulation states one (checked when loaded).
    pub fn submission_in(&self, year: i32) -> Option<Date> {
        let (month, day) = self.submission.as_deref()?.split_once('-')?;
        Date::new(year, month.parse().ok()?, day.parse().ok()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap_or(Date { year: 0, month: 0, day: 0 })
    }

    #[test]
    fn dates_count_days_and_weekdays() {
        assert_eq!(date("1970-01-01").days_since_epoch(), 0);
        assert_eq!(date("2024-11-25").weekday(), 0, "25/11/2024 is a Monday");
        assert_eq!(date("2024-11-23").weekday(), 5);
        assert_eq!(days_to_deadline(date("2024-11-20"), date("2024-11-25")), 5);
        assert_eq!(days_to_deadline(date("2024-12-01"), date("2024-11-25")), -6);
        assert!(Date::parse_iso("2023-02-29").is_none());
        assert_eq!(date("2024-02-29").plus_years(1), date("2025-02-28"));
        assert_eq!(date("2024-12-31").next(), date("2025-01-01"));
    }

    #[test]
    fn the_deadline_day_itself_is_late() {
        assert!(!is_late(date("2024-11-24"), date("2024-11-25")));
        assert!(is_late(date("2024-11-25"), date("2024-11-25")));
    }

    #[test]
    fn working_days_skip_weekends() {
        // Monday 25/11 to Monday 02/12: five working days.
        assert_eq!(working_days_between(date("2024-11-25"), date("2024-12-02")), 5);
        // Friday to Monday: one.
        assert_eq!(working_days_between(date("2024-11-29"), date("2024-12-02")), 1);
        assert_eq!(working_days_between(date("2024-12-02"), date("2024-11-29")), 0);
        assert_eq!(appraisal_days_left(date("2024-11-25"), 50, date("2024-11-25")), 50);
        assert_eq!(appraisal_days_left(date("2024-11-25"), 50, date("2024-12-02")), 45);
        // Ten weeks later the fifty days are spent.
        assert_eq!(appraisal_days_left(date("2024-11-25"), 50, date("2025-02-03")), 0);
        assert_eq!(appraisal_days_left(date("2024-11-25"), 50, date("2025-02-04")), -1);
    }
}
