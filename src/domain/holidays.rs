//! The working-day calendar: which days the state's offices work. Monday to Friday, except the public holidays
//! and the days off the government announces each year (Bộ luật Lao động 2019 Điều 112, and each year's notice
//! of days off and swaps), plus the Saturdays worked to make up a swapped day (*ngày làm bù*).
//!
//! The days are data (`data/calendar/YYYY.toml`, one file a year, each naming its source); this module reads
//! their texts (no I/O) and answers for the years it holds. A count that reaches a year it does not hold is
//! refused ([`NoCalendar`]) rather than silently counted Monday to Friday.

use super::calendar::Date;
use super::error::{DataError, line_of};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// One year's days off and make-up days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CalendarYear {
    /// The list is the law's holidays only, until the year's notice of days off is out.
    pub provisional: bool,
    /// Where the list comes from (the notices, word for word where it matters).
    pub source: String,
    /// Weekdays the offices are closed, with the holiday's name.
    pub days_off: BTreeMap<Date, String>,
    /// Saturdays or Sundays worked to make up a swapped day, with what they make up for.
    pub working_days: BTreeMap<Date, String>,
}

/// The years of public holidays the program knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkCalendar {
    years: BTreeMap<i32, CalendarYear>,
}

/// A count reached a year the calendar does not hold: its days off are unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("no calendar of public holidays for {year}")]
pub struct NoCalendar {
    /// The year whose public holidays are not in the calendar.
    pub year: i32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearFile {
    year: Spanned<i32>,
    #[serde(default)]
    provisional: bool,
    source: String,
    #[serde(default)]
    days_off: Vec<DayFile>,
    #[serde(default)]
    working_days: Vec<DayFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DayFile {
    date: Spanned<String>,
    name: String,
}

impl WorkCalendar {
    /// A calendar of no year: every count is refused.
    pub const fn empty() -> Self {
        WorkCalendar { years: BTreeMap::new() }
    }

    /// Reads the calendar from its files' texts, by name (`2025.toml`); each file is one year, named by it.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, DataError> {
        let mut years = BTreeMap::new();
        for (name, text) in files {
            let (year, days) = read_year(name, text)?;
            if years.insert(year, days).is_some() {
                return Err(DataError::at(name, 1, format!("the year {year} is given twice")));
            }
        }
        Ok(WorkCalendar { years })
    }

    /// The years held, in order.
    pub fn years(&self) -> impl Iterator<Item = (i32, &CalendarYear)> {
        self.years.iter().map(|(year, days)| (*year, days))
    }

    /// One year's days, if held.
    pub fn year(&self, year: i32) -> Option<&CalendarYear> {
        self.years.get(&year)
    }

    /// Whether the offices work on `day`; refused for a year the calendar does not hold.
    pub fn is_working_day(&self, day: Date) -> Result<bool, NoCalendar> {
        let year = self.years.get(&day.year).ok_or(NoCalendar { year: day.year })?;
        Ok(if day.is_weekday() { !year.days_off.contains_key(&day) } else { year.working_days.contains_key(&day) })
    }

    /// Working days from `from` to `to`, counting `to` and not `from` (a period *từ ngày nhận* begins the day
    /// after); 0 when `to` is not after `from`.
    pub fn working_days_between(&self, from: Date, to: Date) -> Result<i64, NoCalendar> {
        let mut count = 0;
        let mut day = from;
        while day < to {
            day = day.next();
            count += i64::from(self.is_working_day(day)?);
        }
        Ok(count)
    }

    /// The `n`-th working day after `from` (`from` itself not counted); `from` when `n` is 0.
    pub fn working_day_after(&self, from: Date, n: u32) -> Result<Date, NoCalendar> {
        let mut day = from;
        let mut left = n;
        while left > 0 {
            day = day.next();
            if self.is_working_day(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }

    /// The provisional years (law only, no notice yet) from `from`'s year to `to`'s, for a warning.
    pub fn provisional_between(&self, from: Date, to: Date) -> Vec<i32> {
        self.years.range(from.year..=to.year).filter(|(_, days)| days.provisional).map(|(year, _)| *year).collect()
    }
}

fn read_year(name: &str, text: &str) -> Result<(i32, CalendarYear), DataError> {
    let at = |offset: usize, message: String| DataError::at(name, line_of(text, offset), message);
    let file: YearFile = toml::from_str(text)
        .map_err(|error| at(error.span().map_or(0, |span| span.start), error.message().trim().to_string()))?;
    let year = *file.year.get_ref();
    let stem = name.rsplit('/').next().and_then(|base| base.strip_suffix(".toml")).unwrap_or(name);
    if stem != year.to_string() {
        return Err(at(file.year.span().start, format!("the file of the year {year} is named {year}.toml")));
    }
    if file.source.trim().is_empty() {
        return Err(DataError::at(name, 1, "source: say where the days come from (the notice, or the law)"));
    }
    let mut days = CalendarYear { provisional: file.provisional, source: file.source, ..CalendarYear::default() };
    for (list, weekday, into) in
        [(file.days_off, true, &mut days.days_off), (file.working_days, false, &mut days.working_days)]
    {
        for day in list {
            let position = day.date.span().start;
            let text_date = day.date.get_ref();
            let date = Date::parse_iso(text_date)
                .filter(|date| date.to_string() == *text_date)
                .ok_or_else(|| at(position, format!("date {text_date:?} is not a date like \"2025-01-29\"")))?;
            if date.year != year {
                return Err(at(position, format!("date {text_date} is not in {year}")));
            }
            if date.is_weekday() != weekday {
                let message = if weekday {
                    format!("{text_date} is a Saturday or Sunday, a day off anyway: list only weekdays off")
                } else {
                    format!("{text_date} is a weekday, a working day anyway: list only Saturdays or Sundays worked")
                };
                return Err(at(position, message));
            }
            if into.insert(date, day.name).is_some() {
                return Err(at(position, format!("date {text_date} is listed twice")));
            }
        }
    }
    Ok((year, days))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    const YEAR: &str = r#"
year = 2025
source = "a test"
[[days_off]]
date = "2025-01-01"
name = "Tết Dương lịch"
[[working_days]]
date = "2025-01-04"
name = "bù"
"#;

    #[test]
    fn holidays_are_not_worked_and_make_up_saturdays_are() {
        let calendar = WorkCalendar::from_files([("2025.toml", YEAR)]).unwrap();
        assert_eq!(calendar.is_working_day(date("2025-01-01")), Ok(false));
        assert_eq!(calendar.is_working_day(date("2025-01-02")), Ok(true));
        assert_eq!(calendar.is_working_day(date("2025-01-04")), Ok(true), "a make-up Saturday");
        assert_eq!(calendar.is_working_day(date("2025-01-05")), Ok(false));
        // Tue 31/12/2024 is outside the calendar.
        assert_eq!(calendar.is_working_day(date("2024-12-31")), Err(NoCalendar { year: 2024 }));
        // From Tue 31/12 (not counted): 01/01 off, Thu 02, Fri 03, Sat 04 (make-up), Mon 06.
        assert_eq!(calendar.working_days_between(date("2024-12-31"), date("2025-01-06")), Ok(4));
        assert_eq!(calendar.working_day_after(date("2024-12-31"), 4), Ok(date("2025-01-06")));
        assert_eq!(calendar.working_days_between(date("2025-01-06"), date("2025-01-02")), Ok(0));
        // Reaching into 2026, which the calendar does not hold, is refused.
        assert_eq!(
            calendar.working_days_between(date("2025-12-30"), date("2026-01-02")),
            Err(NoCalendar { year: 2026 })
        );
    }

    #[test]
    fn a_wrong_year_file_is_refused_naming_its_line() {
        let wrong = |text: &str, name: &str| WorkCalendar::from_files([(name, text)]).unwrap_err().to_string();
        assert!(wrong(YEAR, "2024.toml").contains("named 2025.toml"));
        let saturday = YEAR.replace("2025-01-01", "2025-01-11");
        assert!(wrong(&saturday, "2025.toml").starts_with("2025.toml:5:"), "{}", wrong(&saturday, "2025.toml"));
        let other_year = YEAR.replace("2025-01-01", "2024-01-01");
        assert!(wrong(&other_year, "2025.toml").contains("not in 2025"));
        let weekday = YEAR.replace("2025-01-04", "2025-01-03");
        assert!(wrong(&weekday, "2025.toml").contains("is a weekday"));
        let not_a_date = YEAR.replace("2025-01-01", "2025-1-1");
        assert!(wrong(&not_a_date, "2025.toml").contains("not a date"));
        let unsourced = YEAR.replace("a test", " ");
        assert!(wrong(&unsourced, "2025.toml").contains("source"));
        let twice = WorkCalendar::from_files([("2025.toml", YEAR), ("x/2025.toml", YEAR)]).unwrap_err();
        assert!(twice.to_string().contains("twice"));
    }
}
