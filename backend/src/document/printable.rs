//! Text ready to be printed on a document, with no notion of pages or fonts: what the
//! certificates' and the self-declarations' wording produce and the PDF layer lays out.

use chrono::NaiveDate;

/// A piece of text, printed bold or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
}

impl Run {
    pub fn normal(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: false,
        }
    }

    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph(pub Vec<Run>);

impl Paragraph {
    /// The paragraph without its formatting.
    pub fn plain(&self) -> String {
        self.0.iter().map(|run| run.text.as_str()).collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Dates on documents are printed the Italian way: `12/03/1980`.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// The article before a printed date: "il 12/03/1980", but "l'8" and "l'11" ("otto",
/// "undici" begin with a vowel).
pub fn date_article(date: NaiveDate) -> &'static str {
    use chrono::Datelike as _;
    match date.day() {
        8 | 11 => "l'",
        _ => "il ",
    }
}

/// "CERTIFICATO DI RESIDENZA" → "Certificato di residenza", for metadata and mail subjects.
pub fn sentence_case(title: &str) -> String {
    let lower = title.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_and_eleven_take_the_elided_article() {
        let on = |d| {
            let date = NaiveDate::from_ymd_opt(2025, 2, d).expect("date");
            format!("{}{}", date_article(date), format_date(date))
        };
        assert_eq!(on(11), "l'11/02/2025");
        assert_eq!(on(8), "l'08/02/2025");
        assert_eq!(on(1), "il 01/02/2025");
        assert_eq!(on(18), "il 18/02/2025");
        assert_eq!(
            sentence_case("CERTIFICATO DI RESIDENZA"),
            "Certificato di residenza"
        );
    }
}
