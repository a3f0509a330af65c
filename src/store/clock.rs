//! Vietnam's clock (`Asia/Ho_Chi_Minh` from the tz database bundled in the program, so a machine set to UTC or
//! without a tz database names files the same): file-name stamps and dates written the Vietnamese way.

use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime as Zoned};

/// Vietnam's time zone; UTC+7 if the bundled database should lack it.
pub fn vietnam() -> TimeZone {
    jiff::tz::db().get("Asia/Ho_Chi_Minh").unwrap_or_else(|_| TimeZone::fixed(jiff::tz::offset(7)))
}

/// Now, in Vietnam.
pub fn now() -> Zoned {
    Timestamp::now().to_zoned_datetime(vietnam())
}

/// `20261207-0843`: an export's file-name stamp, Vietnam's local time.
pub fn stamp(at: &Zoned) -> String {
    at.strftime("%Y%m%d-%H%M").to_string()
}

/// A stored UTC time (`2026-12-05T02:14:00Z`, or `2026-12-05 02:14`) in Vietnam, if it reads as one.
pub fn in_vietnam(utc: &str) -> Option<Zoned> {
    let text = utc.trim();
    let parsed = text.parse::<Timestamp>().ok().or_else(|| {
        let civil = text.replace(' ', "T").parse::<jiff::civil::DateTime>().ok()?;
        Some(civil.to_zoned_datetime(TimeZone::UTC).ok()?.timestamp())
    })?;
    Some(parsed.to_zoned_datetime(vietnam()))
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
}
