//! Times as the council reads them: the store keeps UTC (`2026-11-22T09:14:03.512Z`); people see Vietnam's
//! time (`Asia/Ho_Chi_Minh` from the time-zone database bundled in the program, so a server set to UTC or without
//! a tz database reads the same) as `22/11/2026 16:14`. The arithmetic is `jiff`'s.

use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};

/// Vietnam's time zone; UTC+7 if the bundled database should lack it.
pub fn vietnam() -> TimeZone {
    jiff::tz::db().get("Asia/Ho_Chi_Minh").unwrap_or_else(|_| TimeZone::fixed(jiff::tz::offset(7)))
}

/// A stored UTC time (`2026-12-05T02:14:00Z`, or `2026-12-05 02:14`) in Vietnam, if it reads as one.
pub fn in_vietnam(utc: &str) -> Option<ZonedDateTime> {
    let text = utc.trim();
    let parsed = text.parse::<Timestamp>().ok().or_else(|| {
        let civil = text.replace(' ', "T").parse::<jiff::civil::DateTime>().ok()?;
        Some(civil.to_zoned_datetime(TimeZone::UTC).ok()?.timestamp())
    })?;
    Some(parsed.to_zoned_datetime(vietnam()))
}

/// `2026-11-22T09:14:03.512Z` → `22/11/2026 16:14` (Vietnam). Text that is not such a time is returned as it is.
pub fn vietnam_time(utc: &str) -> String {
    in_vietnam(utc).map_or_else(|| utc.to_string(), |at| at.strftime("%d/%m/%Y %H:%M").to_string())
}

#[cfg(test)]
mod tests {
    use super::vietnam_time;

    #[test]
    fn utc_becomes_vietnam_time() {
        assert_eq!(vietnam_time("2026-11-22T09:14:03.512Z"), "22/11/2026 16:14");
        assert_eq!(vietnam_time("2026-11-22T17:00:00Z"), "23/11/2026 00:00");
        assert_eq!(vietnam_time("2024-02-28T20:30:00Z"), "29/02/2024 03:30");
        assert_eq!(vietnam_time("2023-02-28T20:30:00Z"), "01/03/2023 03:30");
        assert_eq!(vietnam_time("2026-12-31T23:59:59Z"), "01/01/2027 06:59");
        assert_eq!(vietnam_time("2026-04-30T18:05:00Z"), "01/05/2026 01:05");
        assert_eq!(vietnam_time("không phải giờ"), "không phải giờ");
        assert_eq!(vietnam_time("2026-13-01T00:00:00Z"), "2026-13-01T00:00:00Z");
    }
}
