//! Why a codice fiscale is not valid, in words a citizen understands, in both languages.

use super::FiscalCodeError;
use crate::platform::i18n::Text;

pub fn describe(error: &FiscalCodeError) -> Text {
    match error {
        FiscalCodeError::Length { found } => Text::new(
            format!("Il codice fiscale è composto da 16 caratteri; ne sono stati indicati {found}."),
            format!("A tax code has 16 characters; {found} were given."),
        ),
        FiscalCodeError::InvalidCharacter { position } => Text::new(
            format!("Il carattere in posizione {position} non è ammesso in quella posizione."),
            format!("The character at position {position} is not allowed there."),
        ),
        FiscalCodeError::InvalidMonth => Text::new(
            "Il nono carattere non corrisponde a un mese (lettere ammesse: A B C D E H L M P R S T).",
            "The ninth character is not a month letter (A B C D E H L M P R S T).",
        ),
        FiscalCodeError::InvalidDay => Text::new(
            "Il giorno di nascita non è valido (01-31, oppure 41-71 per le donne).",
            "The day of birth is not valid (01-31, or 41-71 for women).",
        ),
        FiscalCodeError::CheckCharacter { expected, found } => Text::new(
            format!("Il carattere di controllo è errato: atteso {expected}, indicato {found}."),
            format!("The check character is wrong: expected {expected}, found {found}."),
        ),
        FiscalCodeError::InvalidDate => Text::new(
            "La data di nascita indicata nel codice non esiste.",
            "The date of birth encoded in the code does not exist.",
        ),
        FiscalCodeError::InvalidBirthPlaceCode => Text::new(
            "Il codice del luogo di nascita non corrisponde ad alcun comune italiano o stato estero.",
            "The birthplace code matches no Italian municipality or foreign state.",
        ),
        FiscalCodeError::NameHasNoLetters(field) => Text::new(
            format!("Il campo {} non contiene lettere.", field_it(field.as_str())),
            format!("The {} contains no letters.", field.as_str()),
        ),
        FiscalCodeError::UnsupportedLetter(field) => Text::new(
            format!("Il campo {} contiene lettere non latine.", field_it(field.as_str())),
            format!("The {} contains letters that are not Latin.", field.as_str()),
        ),
    }
}

fn field_it(field: &str) -> &str {
    match field {
        "surname" => "cognome",
        "name" => "nome",
        other => other,
    }
}
