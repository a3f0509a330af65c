//! Times as the council reads them: the store keeps UTC (`2026-11-22T09:14:03.512Z`); people see Vietnam's
//! time (UTC+7, no daylight saving) as `22/11/2026 16:14`. Plain integer date arithmetic, no time library.

use super::calendar::days_in;

/// `2026-11-22T09:14:03.512Z` → `22/11/2026 16:14` (UTC+7). Text that is not such a time is returned as it is.
pub fn vietnam_time(utc: &str) -> String {
    parse(utc)
        .map(|(year, month, day, hour, minute)| {
            let (year, month, day, hour) = plus_seven_hours(year, month, day, hour);
            format!("{day:02}/{month:02}/{year:04} {hour:02}:{minute:02}")
        })
        .unwrap_or_else(|| utc.to_string())
}

fn parse(text: &str) -> Option<(i32, u32, u32, u32, u32)> {
    let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<u32>().ok();
    let separators = [(4, b'-'), (7, b'-'), (13, b':')];
    if !separators.iter().all(|&(at, byte)| text.as_bytes().get(at) == Some(&byte)) {
        return None;
    }
    if !matches!(text.as_bytes().get(10), Some(b'T' | b' ')) {
        return None;
    }
    let year = i32::try_from(number(0..4)?).ok()?;
    let (month, day, hour, minute) = (number(5..7)?, number(8..10)?, number(11..13)?, number(14..16)?);
    let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in(year, month) && hour < 24 && minute < 60;
    valid.then_some((year, month, day, hour, minute))
}

fn plus_seven_hours(year: i32, month: u32, day: u32, hour: u32) -> (i32, u32, u32, u32) {
    let hour = hour + 7;
    if hour < 24 {
        return (year, month, day, hour);
    }
    let hour = hour - 24;
    if day < days_in(year, month) {
        (year, month, day + 1, hour)
    } else if month < 12 {
        (year, month + 1, 1, hour)
    } else {
        (year + 1, 1, 1, hour)
    }
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
