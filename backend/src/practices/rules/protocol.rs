//! The protocol number as printed and searched: `2026/000123`.

pub fn format(year: Option<i32>, number: Option<i64>) -> Option<String> {
    Some(format!("{}/{:06}", year?, number?))
}

/// `2026/000123`, `2026/123` or `123` (any year).
pub fn parse(text: &str) -> Option<(Option<i32>, i64)> {
    let text = text.trim();
    let (year, number) = match text.split_once('/') {
        Some((year, number)) => (
            Some(
                year.parse::<i32>()
                    .ok()
                    .filter(|y| (2000..=2999).contains(y))?,
            ),
            number,
        ),
        None => (None, text),
    };
    let number = number.parse::<i64>().ok().filter(|n| *n > 0)?;
    Some((year, number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_printed_with_six_digits_and_read_back() {
        assert_eq!(
            format(Some(2026), Some(123)).as_deref(),
            Some("2026/000123")
        );
        assert_eq!(format(None, Some(1)), None);
        assert_eq!(parse("2026/000123"), Some((Some(2026), 123)));
        assert_eq!(parse(" 45 "), Some((None, 45)));
        assert_eq!(parse("26/1"), None);
        assert_eq!(parse("ROSSI"), None);
        assert_eq!(parse("0"), None);
    }
}
