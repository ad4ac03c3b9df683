//! Whether a name typed by someone checking a certificate is the name on it: case,
//! accents, apostrophes, hyphens and spacing do not matter ("D'Angelo Nicolò" is
//! "DANGELO NICOLO"), every letter does.

/// The letters and digits of a name, upper case, without diacritics.
pub fn fold(name: &str) -> String {
    name.chars()
        .filter_map(|c| {
            let base = match c {
                'à' | 'á' | 'â' | 'ä' | 'À' | 'Á' | 'Â' | 'Ä' => 'A',
                'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'E',
                'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
                'ò' | 'ó' | 'ô' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Ö' => 'O',
                'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
                'ç' | 'Ç' => 'C',
                'ñ' | 'Ñ' => 'N',
                other => other,
            };
            base.is_alphanumeric()
                .then(|| base.to_uppercase())
                .map(|u| u.collect::<String>())
        })
        .collect()
}

pub fn same_name(typed: &str, recorded: &str) -> bool {
    let typed = fold(typed);
    !typed.is_empty() && typed == fold(recorded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_and_punctuation_do_not_matter() {
        assert!(same_name("d'angelo", "D'ANGELO"));
        assert!(same_name("Nicolo", "NICOLÒ"));
        assert!(same_name("de  luca", "DE LUCA"));
        assert!(same_name("Rossi-Bianchi", "ROSSI BIANCHI"));
    }

    #[test]
    fn letters_do() {
        assert!(!same_name("Rossi", "ROSSO"));
        assert!(!same_name("", ""));
        assert!(!same_name("  ", "ROSSI"));
    }
}
