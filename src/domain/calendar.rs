//! The round's calendar: the submission deadline (Thái Nguyên Điều 8.2.a) and the appraisal period counted in
//! working days (Điều 9.5). Today's date is the caller's (the store reads Vietnam's date); nothing here reads a
//! clock, and nothing here refuses a submission: the council decides.
//!
//! Working days are those of the [`WorkCalendar`]: Monday to Friday without the public holidays and the days the
//! government announces off each year, with the Saturdays worked to make up a swap (`data/calendar/`). A period
//! that reaches a year the calendar does not hold is not counted ([`NoCalendar`]), never guessed.

pub use super::holidays::{NoCalendar, WorkCalendar};
use std::fmt;

/// A calendar date (proleptic Gregorian), kept as its parts; the calendar arithmetic is `jiff`'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year (the round's year, for a deadline).
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

impl Date {
    /// A valid date, or None.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let civil =
            jiff::civil::Date::new(i16::try_from(year).ok()?, i8::try_from(month).ok()?, i8::try_from(day).ok()?)
                .ok()?;
        Some(Date::from_civil(civil))
    }

    /// The date of a `jiff` civil date.
    pub fn from_civil(civil: jiff::civil::Date) -> Date {
        Date {
            year: i32::from(civil.year()),
            month: u32::from(civil.month().unsigned_abs()),
            day: u32::from(civil.day().unsigned_abs()),
        }
    }

    /// As a `jiff` civil date (every `Date` is a valid one: `new` checked it).
    pub fn civil(self) -> jiff::civil::Date {
        let part = |value: u32| i8::try_from(value).unwrap_or(1);
        jiff::civil::Date::new(i16::try_from(self.year).unwrap_or(1970), part(self.month), part(self.day))
            .unwrap_or(jiff::civil::Date::ZERO)
    }

    /// Reads `2024-11-25` exactly (the form the store keeps): four, two and two digits.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let text = text.trim();
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes.iter().enumerate().all(|(at, b)| if at == 4 || at == 7 { *b == b'-' } else { b.is_ascii_digit() });
        if !shaped {
            return None;
        }
        let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<u32>().ok();
        Date::new(i32::try_from(number(0..4)?).ok()?, number(5..7)?, number(8..10)?)
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> i64 {
        i64::from(self.civil().weekday().to_monday_zero_offset())
    }

    /// Monday to Friday (whether the offices work that day is the [`WorkCalendar`]'s answer).
    pub fn is_weekday(self) -> bool {
        self.weekday() < 5
    }

    /// The same day `years` later (or earlier); 29/02 becomes 28/02 in a year without it.
    #[must_use]
    pub fn plus_years(self, years: i32) -> Date {
        self.civil().checked_add(jiff::Span::new().years(years)).map_or(self, Date::from_civil)
    }

    /// The next day.
    #[must_use]
    pub fn next(self) -> Date {
        self.civil().tomorrow().map_or(self, Date::from_civil)
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
    today.civil().until(deadline.civil()).map_or(0, |span| i64::from(span.get_days()))
}

/// Whether a submission on `on` is after the deadline (*trước ngày …*: the deadline's own day is already late).
pub fn is_late(on: Date, deadline: Date) -> bool {
    on >= deadline
}

/// The last day of an appraisal period of `period` working days that began on `received` (the day the unit's
/// self-assessment was received; Điều 9.5: *tối đa 50 ngày làm việc, từ ngày nhận được báo cáo*): the
/// `period`-th working day after it.
pub fn appraisal_deadline(calendar: &WorkCalendar, received: Date, period: u32) -> Result<Date, NoCalendar> {
    calendar.working_day_after(received, period)
}

/// Where an appraisal period stands: its last day, the working days left of it, and the years counted on a
/// provisional calendar (the law's holidays only, the year's notice not yet out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppraisalPeriod {
    /// The last working day of the period (2610 Điều 9.5: 50 working days from receipt).
    pub deadline: Date,
    /// Negative once overrun; None when overrun into a year the calendar does not hold (the deadline is known,
    /// by how many working days it is overrun is not).
    pub days_left: Option<i64>,
    /// The years the period crosses whose holidays are provisional: the law's only, that year's notice not yet out.
    pub provisional: Vec<i32>,
}

/// The appraisal period of a unit whose self-assessment was received on `received`, as of `today`.
pub fn appraisal_period(
    calendar: &WorkCalendar,
    received: Date,
    period: u32,
    today: Date,
) -> Result<AppraisalPeriod, NoCalendar> {
    let deadline = appraisal_deadline(calendar, received, period)?;
    let days_left = if today <= deadline {
        Some(appraisal_days_left(calendar, received, period, today)?)
    } else {
        calendar.working_days_between(deadline, today).ok().map(|overrun| -overrun)
    };
    let provisional = calendar.provisional_between(received, deadline);
    Ok(AppraisalPeriod { deadline, days_left, provisional })
}

/// Working days left of that period as of `today` (0 on its last day, negative once it is overrun).
pub fn appraisal_days_left(
    calendar: &WorkCalendar,
    received: Date,
    period: u32,
    today: Date,
) -> Result<i64, NoCalendar> {
    Ok(i64::from(period) - calendar.working_days_between(received, today)?)
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
    /// Where the regulation states the appraisal period, word for word.
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
        assert!(Date::parse_iso("2024-+5-+1").is_none() && Date::parse_iso("2024-05-001").is_none());
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
    fn the_appraisal_period_skips_weekends_and_the_calendars_days_off() {
        let year = "year = 2025\nsource = \"test\"\n[[days_off]]\ndate = \"2025-01-01\"\nname = \"Tết Dương lịch\"\n";
        let empty_2024 = "year = 2024\nsource = \"test\"\n";
        let calendar = WorkCalendar::from_files([("2024.toml", empty_2024), ("2025.toml", year)]).unwrap();
        // Monday 25/11 to Monday 02/12: five working days.
        assert_eq!(appraisal_days_left(&calendar, date("2024-11-25"), 50, date("2024-11-25")), Ok(50));
        assert_eq!(appraisal_days_left(&calendar, date("2024-11-25"), 50, date("2024-12-02")), Ok(45));
        // Ten weeks of weekdays, less 01/01/2025: the fiftieth working day is Tuesday 04/02/2025.
        assert_eq!(appraisal_deadline(&calendar, date("2024-11-25"), 50), Ok(date("2025-02-04")));
        assert_eq!(appraisal_days_left(&calendar, date("2024-11-25"), 50, date("2025-02-04")), Ok(0));
        assert_eq!(appraisal_days_left(&calendar, date("2024-11-25"), 50, date("2025-02-05")), Ok(-1));
        // A period reaching 2026, which this calendar does not hold, is not counted.
        assert_eq!(appraisal_deadline(&calendar, date("2025-11-25"), 50), Err(NoCalendar { year: 2026 }));
    }
}
