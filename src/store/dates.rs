//! The dates people type (a document's date, a receipt, a deadline, a date of issue): the forms read, the years
//! allowed, and the sentence that explains them. The calendar itself is `domain::calendar` (on `jiff`).

/// The years a document's date may carry: from the founding of the state to well past any round; year 0000 or
/// 9999 is a typing slip, not a document.
pub const DATE_YEARS: std::ops::RangeInclusive<u32> = 1945..=2100;

/// How a refused date is explained: the forms read and the years allowed.
pub const DATE_RULE: &str = "YYYY-MM-DD or DD/MM/YYYY, a year from 1945 to 2100";

/// Reads `2024-11-20`, `20/11/2024` or `20-11-2024` into ISO form (the year is the part of four digits, first
/// or last), checking the calendar and the years in `DATE_YEARS`.
pub fn parse_date(text: &str) -> Option<String> {
    let text = text.trim();
    let separator = if text.contains('/') { '/' } else { '-' };
    let parts: Vec<&str> = text.split(separator).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    let digits = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_digit())
    };
    // yyyy-mm-dd exactly; else d/m/yyyy or d-m-yyyy, one or two digits for the day and the month.
    let (year, month, day) = if separator == '-' && digits(a, 4..=4) && digits(b, 2..=2) && digits(c, 2..=2) {
        (*a, *b, *c)
    } else if digits(a, 1..=2) && digits(b, 1..=2) && digits(c, 4..=4) {
        (*c, *b, *a)
    } else {
        return None;
    };
    let year: u32 = year.parse().ok().filter(|year| DATE_YEARS.contains(year))?;
    let date = crate::domain::calendar::Date::new(i32::try_from(year).ok()?, month.parse().ok()?, day.parse().ok()?)?;
    Some(date.to_string())
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates_in_both_forms_and_the_calendar_checked() {
        assert_eq!(parse_date("2024-11-20").as_deref(), Some("2024-11-20"));
        assert_eq!(parse_date("5/3/2024").as_deref(), Some("2024-03-05"));
        assert_eq!(parse_date("05-12-2026").as_deref(), Some("2026-12-05"));
        assert_eq!(parse_date("29/02/2024").as_deref(), Some("2024-02-29"));
        assert_eq!(parse_date("29/02/2023"), None);
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("yesterday"), None);
    }

    #[test]
    fn only_the_documented_forms_are_dates() {
        // dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, yyyy-mm-dd.
        assert_eq!(parse_date("01/05/2024").as_deref(), Some("2024-05-01"));
        assert_eq!(parse_date("1/5/2024").as_deref(), Some("2024-05-01"));
        assert_eq!(parse_date("01-05-2024").as_deref(), Some("2024-05-01"));
        assert_eq!(parse_date(" 2024-05-01 ").as_deref(), Some("2024-05-01"));
        for wrong in ["2024-+5-+1", "2024-05/01", "2024-05-001", "2024/05/01", "2024-5-1", "+1/05/2024", "01/05/+2024"]
        {
            assert_eq!(parse_date(wrong), None, "{wrong}");
        }
        for wrong in ["001/05/2024", "01/005/2024", "01/05/02024", "01/05-2024", "01//2024", "٠١/٠٥/٢٠٢٤"] {
            assert_eq!(parse_date(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn a_date_outside_plausible_years_is_no_date() {
        assert_eq!(parse_date("0000-01-01"), None);
        assert_eq!(parse_date("31/12/9999"), None);
        assert_eq!(parse_date("31/12/1944"), None);
        assert_eq!(parse_date("01/01/1945").as_deref(), Some("1945-01-01"));
        assert_eq!(parse_date("2100-12-31").as_deref(), Some("2100-12-31"));
    }
}
