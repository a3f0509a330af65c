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

/// Now, as a UTC instant: the fixed time if one is set (an unreadable one is ignored, with a log line).
pub fn now_utc() -> Timestamp {
    fixed().unwrap_or_else(Timestamp::now)
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

/// Now, in Vietnam.
pub fn now() -> Zoned {
    now_utc().to_zoned_datetime(vietnam())
}

/// Today's date in Vietnam.
pub fn today() -> Date {
    Date::from_civil(now().date())
}

/// Now as the audit trail stores it: `2026-12-07T01:43:00.512Z` (UTC, milliseconds; the form SQLite's
/// `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` wrote, so old and new rows read alike).
pub fn stored_now() -> String {
    now_utc().strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// Now as the rows' own times are stored: `2026-12-07T01:43:00Z` (UTC, whole seconds).
pub fn stored_now_seconds() -> String {
    now_utc().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Now as a workbook's check block writes it: `2024-11-20 08:30`, UTC.
pub fn sheet_now() -> String {
    now_utc().strftime("%Y-%m-%d %H:%M").to_string()
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
        assert_eq!(shape(&stored_now()), "9999-99-99T99:99:99.999Z");
        assert_eq!(shape(&sheet_now()), "9999-99-99 99:99");
    }
}
