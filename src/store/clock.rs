//! The program's one clock: Vietnam's time (`Asia/Ho_Chi_Minh` from the tz database bundled in the program, so a
//! machine set to UTC or without a tz database names files the same), file-name stamps, the times stored on rows,
//! and dates written the Vietnamese way. `THAMDINH_NOW` (`2026-12-07T01:43:00Z`) or `THAMDINH_TODAY`
//! (`2026-12-07`, taken as 09:00 in Vietnam) fixes the clock, so tests and demonstrations fix "today".

use crate::domain::calendar::Date;
use jiff::{Timestamp, ZonedDateTime as Zoned};

pub use crate::domain::vn_time::{in_vietnam, vietnam};

/// The variable fixing the clock to a UTC time.
pub const NOW_VARIABLE: &str = "THAMDINH_NOW";
/// The variable fixing the clock to a day (09:00 in Vietnam that day).
pub const TODAY_VARIABLE: &str = "THAMDINH_TODAY";

/// The program's one clock, a value passed to whatever stamps or dates something: the store carries it
/// ([`crate::store::Store::clock`]), read once from the environment when the round is opened, and a test sets
/// its own ([`crate::store::Store::set_clock`]) instead of changing the process's environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Clock {
    /// A fixed instant (`THAMDINH_NOW`, `THAMDINH_TODAY`, or a test's); None reads the system's time.
    fixed: Option<Timestamp>,
}

impl Clock {
    /// The system's time, unless `THAMDINH_NOW` or `THAMDINH_TODAY` fixes it (an unreadable one is ignored,
    /// with a log line).
    pub fn from_env() -> Clock {
        Clock { fixed: fixed() }
    }

    /// A clock stopped at `at`.
    pub fn fixed_at(at: Timestamp) -> Clock {
        Clock { fixed: Some(at) }
    }

    /// Now, as a UTC instant.
    pub fn now_utc(self) -> Timestamp {
        self.fixed.unwrap_or_else(Timestamp::now)
    }

    /// Now, in Vietnam.
    pub fn now(self) -> Zoned {
        self.now_utc().to_zoned_datetime(vietnam())
    }

    /// Today's date in Vietnam.
    pub fn today(self) -> Date {
        Date::from_civil(self.now().date())
    }

    /// Now as the audit trail stores it: `2026-12-07T01:43:00.512Z` (UTC, milliseconds; the form SQLite's
    /// `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` wrote, so old and new rows read alike).
    pub fn stored_now(self) -> String {
        self.now_utc().strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
    }

    /// Now as the rows' own times are stored: `2026-12-07T01:43:00Z` (UTC, whole seconds). Every row's time
    /// comes from here, never from SQLite's `now` (the schema's defaults are for rows written by hand).
    pub fn stored_now_seconds(self) -> String {
        self.now_utc().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    }

    /// Now as a workbook's check block writes it: `2024-11-20 08:30`, UTC.
    pub fn sheet_now(self) -> String {
        self.now_utc().strftime("%Y-%m-%d %H:%M").to_string()
    }
}

fn fixed() -> Option<Timestamp> {
    if let Some(text) = std::env::var(NOW_VARIABLE).ok().filter(|v| !v.is_empty()) {
        let parsed = text.trim().parse::<Timestamp>().ok();
        if parsed.is_none() {
            tracing::warn!("{NOW_VARIABLE}={text:?} is not a time like 2026-12-07T01:43:00Z: ignored");
        }
        return parsed;
    }
    let text = std::env::var(TODAY_VARIABLE).ok().filter(|v| !v.is_empty())?;
    let day = Date::parse_iso(&text);
    if day.is_none() {
        tracing::warn!("{TODAY_VARIABLE}={text:?} is not a date like 2026-12-07: ignored");
    }
    let at = day?.civil().at(9, 0, 0, 0).to_zoned_datetime(vietnam()).ok()?;
    Some(at.timestamp())
}

/// `20261207-0843`: an export's file-name stamp, Vietnam's local time.
pub fn stamp(at: &Zoned) -> String {
    at.strftime("%Y%m%d-%H%M").to_string()
}

/// `ngày 05 tháng 12 năm 2026`.
pub fn date_words(at: &Zoned) -> String {
    format!("ngày {:02} tháng {:02} năm {}", at.day(), at.month(), at.year())
}

/// `05/12/2026 09:14`.
pub fn shown(at: &Zoned) -> String {
    at.strftime("%d/%m/%Y %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_vietnam_time_not_utc() {
        let at = in_vietnam("2026-12-07T01:43:00Z").unwrap();
        assert_eq!(stamp(&at), "20261207-0843");
        assert_eq!(date_words(&at), "ngày 07 tháng 12 năm 2026");
        let late = in_vietnam("2026-12-04 17:30").unwrap();
        assert_eq!(date_words(&late), "ngày 05 tháng 12 năm 2026");
        assert_eq!(shown(&late), "05/12/2026 00:30");
        assert!(in_vietnam("không phải giờ").is_none());
    }

    #[test]
    fn stored_times_keep_sqlites_shape() {
        let shape = |text: &str| text.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect::<String>();
        let clock = Clock::from_env();
        assert_eq!(shape(&clock.stored_now()), "9999-99-99T99:99:99.999Z");
        assert_eq!(shape(&clock.sheet_now()), "9999-99-99 99:99");
        assert_eq!(shape(&clock.stored_now_seconds()), "9999-99-99T99:99:99Z");
    }
}

#[cfg(test)]
mod fixed_clock {
    use super::*;

    #[test]
    fn a_fixed_clock_stamps_every_form_at_its_instant() {
        let clock = Clock::fixed_at("2026-12-07T01:43:00Z".parse().unwrap());
        assert_eq!(clock.stored_now_seconds(), "2026-12-07T01:43:00Z");
        assert_eq!(clock.stored_now(), "2026-12-07T01:43:00.000Z");
        assert_eq!(clock.sheet_now(), "2026-12-07 01:43");
        assert_eq!(clock.today().to_string(), "2026-12-07");
        let evening = Clock::fixed_at("2026-12-07T17:30:00Z".parse().unwrap());
        assert_eq!(evening.today().to_string(), "2026-12-08", "today is Vietnam's day");
    }
}
