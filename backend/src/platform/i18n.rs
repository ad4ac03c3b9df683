//! The two languages of the portal and how a request chooses one.

use serde::Serialize;

/// Italian is the default: the users are Italian, English is the courtesy language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Lang {
    #[default]
    It,
    En,
}

impl Lang {
    /// Picks the language from an `Accept-Language` value, honouring q-values; anything
    /// that is neither Italian nor English falls back to Italian.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for item in header.split(',') {
            let mut parts = item.trim().split(';');
            let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let lang = match tag.split('-').next() {
                Some("it") => Lang::It,
                Some("en") => Lang::En,
                _ => continue,
            };
            if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, lang));
            }
        }
        best.map(|(_, lang)| lang).unwrap_or_default()
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }
}

/// A user-facing text in both languages, chosen when the response is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub it: String,
    pub en: String,
}

impl Text {
    pub fn new(it: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            it: it.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::It => &self.it,
            Lang::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_preferred_supported_language() {
        assert_eq!(
            Lang::from_accept_language("en-GB,en;q=0.9,it;q=0.8"),
            Lang::En
        );
        assert_eq!(
            Lang::from_accept_language("de-DE,it;q=0.5,en;q=0.4"),
            Lang::It
        );
        assert_eq!(Lang::from_accept_language("fr, en;q=0.1"), Lang::En);
        assert_eq!(Lang::from_accept_language("en;q=0, it;q=0.2"), Lang::It);
    }

    #[test]
    fn defaults_to_italian() {
        assert_eq!(Lang::from_accept_language(""), Lang::It);
        assert_eq!(Lang::from_accept_language("de, fr"), Lang::It);
        assert_eq!(Lang::from_accept_language("*"), Lang::It);
    }
}

/// A text known at compile time in both languages, for catalogues kept as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaticText {
    pub it: &'static str,
    pub en: &'static str,
}

impl StaticText {
    pub const fn new(it: &'static str, en: &'static str) -> StaticText {
        StaticText { it, en }
    }

    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::It => self.it,
            Lang::En => self.en,
        }
    }

    pub fn to_text(self) -> Text {
        Text::new(self.it, self.en)
    }
}
