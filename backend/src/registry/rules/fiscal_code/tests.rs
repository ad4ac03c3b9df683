#![allow(clippy::unwrap_used)]

use chrono::{Datelike, Days, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::*;

/// Surname, name, sex, birth date, birthplace, expected code.
type Example = (
    &'static str,
    &'static str,
    Sex,
    (i32, u32, u32),
    &'static str,
    &'static str,
);

/// Expected codes were computed independently with python-codicefiscale 0.12.
#[rustfmt::skip]
const EXAMPLES: &[Example] = &[
    ("Rossi", "Mario", Sex::M, (1985, 12, 10), "H501", "RSSMRA85T10H501O"),
    ("Bianchi", "Maria", Sex::F, (1990, 3, 15), "F205", "BNCMRA90C55F205B"),
    ("Verdi", "Gianfranco", Sex::M, (1972, 7, 4), "L219", "VRDGFR72L04L219K"),
    ("Fo", "Dario", Sex::M, (1926, 3, 24), "I441", "FOXDRA26C24I441H"),
    ("Li", "Wu", Sex::F, (2001, 8, 30), "Z210", "LIXWUX01M70Z210C"),
    ("D'Angelo", "Nicolò", Sex::M, (1968, 2, 29), "F839", "DNGNCL68B29F839C"),
    ("De Luca", "Anna Maria", Sex::F, (1955, 11, 1), "F839", "DLCNMR55S41F839X"),
    ("Müller", "Hélène", Sex::F, (1999, 1, 31), "Z133", "MLLHLN99A71Z133A"),
    ("Smith", "John", Sex::M, (2015, 6, 5), "Z404", "SMTJHN15H05Z404Z"),
    ("Ng", "Ugo", Sex::M, (2000, 2, 29), "H501", "NGXGUO00B29H501B"),
    ("Òrsola-Ñúñez", "Ælfric Þór", Sex::F, (1940, 10, 10), "Z131", "RSLLRC40R50Z131Y"),
];

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn reference() -> NaiveDate {
    date(2025, 6, 30)
}

fn mario_rossi() -> PersonalData<'static> {
    PersonalData {
        surname: "Rossi",
        name: "Mario",
        sex: Sex::M,
        birth_date: date(1985, 12, 10),
        birth_place_code: "H501",
    }
}

fn code(text: &str) -> FiscalCode {
    FiscalCode::parse(text).unwrap()
}

/// A code with the given first 15 characters and the right check character.
fn with_check(body: &str) -> String {
    let check = check_character(body.as_bytes());
    format!("{body}{}", char::from(check))
}

fn surname_code(surname: &str) -> String {
    let data = PersonalData {
        surname,
        ..mario_rossi()
    };
    FiscalCode::compute(&data).unwrap().as_str()[0..3].to_owned()
}

fn name_code(name: &str) -> String {
    let data = PersonalData {
        name,
        ..mario_rossi()
    };
    FiscalCode::compute(&data).unwrap().as_str()[3..6].to_owned()
}

#[test]
fn known_examples_compute_parse_decode_and_match() {
    for &(surname, name, sex, (y, m, d), place, expected) in EXAMPLES {
        let data = PersonalData {
            surname,
            name,
            sex,
            birth_date: date(y, m, d),
            birth_place_code: place,
        };
        let computed = FiscalCode::compute(&data).unwrap();
        assert_eq!(computed.as_str(), expected, "{surname} {name}");
        let parsed = code(expected);
        assert_eq!(parsed, computed);
        assert!(parsed.matches(&data));
        assert_eq!(
            parsed.decode(reference()).unwrap(),
            DecodedFiscalCode {
                sex,
                birth_date: date(y, m, d),
                birth_place_code: place.to_owned(),
                omocodia_level: 0,
            }
        );
    }
}

#[test]
fn parse_normalizes_case_and_whitespace() {
    let parsed = code("  rssmra 85t10\th501o\n");
    assert_eq!(parsed.as_str(), "RSSMRA85T10H501O");
    assert_eq!(code("RsSmRa85T10h501O").as_str(), "RSSMRA85T10H501O");
}

#[test]
fn women_have_forty_added_to_the_day() {
    let data = PersonalData {
        surname: "Bianchi",
        name: "Maria",
        sex: Sex::F,
        birth_date: date(1990, 3, 15),
        birth_place_code: "F205",
    };
    let computed = FiscalCode::compute(&data).unwrap();
    assert_eq!(&computed.as_str()[9..11], "55");
    let decoded = computed.decode(reference()).unwrap();
    assert_eq!(decoded.sex, Sex::F);
    assert_eq!(decoded.birth_date.day(), 15);

    let male = FiscalCode::compute(&PersonalData {
        sex: Sex::M,
        ..data
    })
    .unwrap();
    assert_eq!(&male.as_str()[9..11], "15");
    assert!(!male.matches(&data));
}

#[test]
fn names_with_four_or_more_consonants_take_first_third_and_fourth() {
    assert_eq!(name_code("Gianfranco"), "GFR");
    assert_eq!(name_code("Cristoforo"), "CST");
    assert_eq!(name_code("Jean-Luc"), "JLC");
    assert_eq!(name_code("Anna Maria"), "NMR");
    assert_eq!(name_code("Marco"), "MRC");
    // Surnames always take the first three consonants.
    assert_eq!(surname_code("Schettino"), "SCH");
    assert_eq!(surname_code("Cristoforo"), "CRS");
}

#[test]
fn consonants_are_completed_with_vowels_then_x() {
    assert_eq!(surname_code("Fo"), "FOX");
    assert_eq!(surname_code("Li"), "LIX");
    assert_eq!(surname_code("O"), "OXX");
    assert_eq!(surname_code("Ng"), "NGX");
    assert_eq!(surname_code("Zoë"), "ZOE");
    assert_eq!(name_code("Al"), "LAX");
    assert_eq!(name_code("Wu"), "WUX");
    assert_eq!(name_code("Ugo"), "GUO");
    assert_eq!(name_code("Yves"), "YVS");
}

#[test]
fn accents_fold_and_non_letters_are_ignored() {
    assert_eq!(surname_code("D'Angelo"), "DNG");
    assert_eq!(surname_code("D’Angelo"), "DNG");
    assert_eq!(surname_code("De Luca"), "DLC");
    assert_eq!(surname_code("Dell'Acqua-Rossi 2"), "DLL");
    assert_eq!(name_code("Nicolò"), "NCL");
    assert_eq!(name_code("NICOLÒ"), "NCL");
    assert_eq!(surname_code("Müller"), "MLL");
    assert_eq!(name_code("Hélène"), "HLN");
    assert_eq!(name_code("He\u{301}le\u{300}ne"), "HLN");
    assert_eq!(surname_code("Òrsola-Ñúñez"), "RSL");
    assert_eq!(name_code("Ælfric Þór"), "LRC");
    assert_eq!(surname_code("Straße"), "STR");
    assert_eq!(name_code("Straße"), "SRS");
    assert_eq!(name_code("Łukasz"), "LSZ");
    assert_eq!(name_code("Ðorđe"), "DRD");
    assert_eq!(surname_code("Nguyễn"), "NGY");
    assert_eq!(surname_code("İnönü"), "NNI");
    assert_eq!(surname_code("ÀÈÉÌÒÙ"), "AEE");
}

#[test]
fn foreign_births_use_z_codes() {
    let data = PersonalData {
        surname: "Smith",
        name: "John",
        sex: Sex::M,
        birth_date: date(2015, 6, 5),
        birth_place_code: "Z404",
    };
    let computed = FiscalCode::compute(&data).unwrap();
    assert_eq!(computed.as_str(), "SMTJHN15H05Z404Z");
    let decoded = computed.decode(reference()).unwrap();
    assert_eq!(decoded.birth_place_code, "Z404");
    assert_eq!(decoded.birth_date, date(2015, 6, 5));
}

#[test]
fn birth_place_code_is_trimmed_and_uppercased() {
    let data = PersonalData {
        birth_place_code: " h501 ",
        ..mario_rossi()
    };
    assert_eq!(
        FiscalCode::compute(&data).unwrap().as_str(),
        "RSSMRA85T10H501O"
    );
}

#[test]
fn birth_place_code_must_be_a_letter_and_three_digits() {
    for bad in [
        "", "H50", "H5011", "1501", "HH01", "H5O1", "Z40A", "H 501", "È501", "H50١",
    ] {
        let data = PersonalData {
            birth_place_code: bad,
            ..mario_rossi()
        };
        assert_eq!(
            FiscalCode::compute(&data),
            Err(FiscalCodeError::InvalidBirthPlaceCode),
            "{bad:?}"
        );
        assert!(!code("RSSMRA85T10H501O").matches(&data));
    }
}

#[test]
fn names_without_letters_are_rejected() {
    for surname in ["", "  ", "'-' ", "123", "\u{301}"] {
        let data = PersonalData {
            surname,
            ..mario_rossi()
        };
        assert_eq!(
            FiscalCode::compute(&data),
            Err(FiscalCodeError::NameHasNoLetters(NameField::Surname))
        );
    }
    let data = PersonalData {
        name: "---",
        ..mario_rossi()
    };
    assert_eq!(
        FiscalCode::compute(&data),
        Err(FiscalCodeError::NameHasNoLetters(NameField::Name))
    );
}

#[test]
fn letters_of_other_scripts_are_rejected() {
    let data = PersonalData {
        name: "Иван",
        ..mario_rossi()
    };
    assert_eq!(
        FiscalCode::compute(&data),
        Err(FiscalCodeError::UnsupportedLetter(NameField::Name))
    );
    let data = PersonalData {
        surname: "Rossi 李",
        ..mario_rossi()
    };
    assert_eq!(
        FiscalCode::compute(&data),
        Err(FiscalCodeError::UnsupportedLetter(NameField::Surname))
    );
}

#[test]
fn omocodia_substitutes_right_to_left() {
    // Verified with python-codicefiscale.
    let expected = [
        "RSSMRA85T10H501O",
        "RSSMRA85T10H50MG",
        "RSSMRA85T10H5LMR",
        "RSSMRA85T10HRLMM",
        "RSSMRA85T1LHRLMP",
        "RSSMRA85TMLHRLMA",
        "RSSMRA8RTMLHRLMM",
        "RSSMRAURTMLHRLMJ",
    ];
    let base = code(expected[0]);
    for (level, expected) in expected.iter().enumerate() {
        let level = level as u8;
        assert_eq!(base.with_omocodia(level).as_str(), *expected);
        assert_eq!(code(expected).omocodia_level(), level);
    }
}

#[test]
fn every_omocodia_level_parses_decodes_and_matches() {
    for &(surname, name, sex, (y, m, d), place, expected) in EXAMPLES {
        let data = PersonalData {
            surname,
            name,
            sex,
            birth_date: date(y, m, d),
            birth_place_code: place,
        };
        let base = code(expected);
        let base_decoded = base.decode(reference()).unwrap();
        for level in 1..=7 {
            let omocode = base.with_omocodia(level);
            assert_eq!(omocode.omocodia_level(), level);
            let parsed = code(&omocode.as_str().to_lowercase());
            assert_eq!(parsed, omocode);
            assert_eq!(parsed.without_omocodia(), base);
            assert!(parsed.matches(&data));
            assert_eq!(
                parsed.decode(reference()).unwrap(),
                DecodedFiscalCode {
                    omocodia_level: level,
                    ..base_decoded.clone()
                }
            );
        }
    }
}

#[test]
fn with_omocodia_starts_from_the_base_code_and_caps_at_seven() {
    let base = code("RSSMRA85T10H501O");
    let level_seven = base.with_omocodia(7);
    assert_eq!(base.with_omocodia(0), base);
    assert_eq!(base.with_omocodia(8), level_seven);
    assert_eq!(base.with_omocodia(u8::MAX), level_seven);
    assert_eq!(level_seven.with_omocodia(1).as_str(), "RSSMRA85T10H50MG");
    assert_eq!(level_seven.with_omocodia(0), base);
    assert_eq!(base.without_omocodia(), base);
}

#[test]
fn substitutions_out_of_order_are_accepted() {
    // Only the day's units digit substituted; check character from
    // python-codicefiscale's list of the 128 omocodes.
    let parsed = code("RSSMRA85T1LH501R");
    assert_eq!(parsed.omocodia_level(), 1);
    assert_eq!(parsed.without_omocodia().as_str(), "RSSMRA85T10H501O");
    assert!(parsed.matches(&mario_rossi()));
    assert_eq!(
        parsed.decode(reference()).unwrap().birth_date,
        date(1985, 12, 10)
    );
}

#[test]
fn decode_restores_omocodia_digits_in_birth_place() {
    let decoded = code("RSSMRAURTMLHRLMJ").decode(reference()).unwrap();
    assert_eq!(decoded.birth_place_code, "H501");
    assert_eq!(decoded.birth_date, date(1985, 12, 10));
    assert_eq!(decoded.sex, Sex::M);
    assert_eq!(decoded.omocodia_level, 7);
}

#[test]
fn wrong_check_character_names_the_expected_one() {
    assert_eq!(
        FiscalCode::parse("RSSMRA85T10H501A"),
        Err(FiscalCodeError::CheckCharacter {
            expected: 'O',
            found: 'A'
        })
    );
    assert_eq!(
        FiscalCode::parse("RSSMRA85T10H50MO"),
        Err(FiscalCodeError::CheckCharacter {
            expected: 'G',
            found: 'O'
        })
    );
}

#[test]
fn every_single_character_change_is_rejected() {
    let alphabet: Vec<char> = ('A'..='Z').chain('0'..='9').collect();
    for valid in ["RSSMRA85T10H501O", "RSSMRAURTMLHRLMJ", "DLCNMR55S41F839X"] {
        for position in 0..LENGTH {
            for &replacement in &alphabet {
                let mut chars: Vec<char> = valid.chars().collect();
                if chars[position] == replacement {
                    continue;
                }
                chars[position] = replacement;
                let changed: String = chars.into_iter().collect();
                assert!(FiscalCode::parse(&changed).is_err(), "{changed}");
            }
        }
    }
}

#[test]
fn length_is_checked_first() {
    assert_eq!(
        FiscalCode::parse(""),
        Err(FiscalCodeError::Length { found: 0 })
    );
    assert_eq!(
        FiscalCode::parse("RSSMRA85T10H501"),
        Err(FiscalCodeError::Length { found: 15 })
    );
    assert_eq!(
        FiscalCode::parse("RSSMRA85T10H501OO"),
        Err(FiscalCodeError::Length { found: 17 })
    );
    // Counted in characters, not bytes.
    assert_eq!(
        FiscalCode::parse("RSSMRA85T10H501È"),
        Err(FiscalCodeError::InvalidCharacter { position: 16 })
    );
}

#[test]
fn characters_are_checked_by_position() {
    let cases = [
        ("1SSMRA85T10H501O", 1),
        ("RSSMR485T10H501O", 6),
        ("RSSMRAA5T10H501O", 7),
        ("RSSMRA8OT10H501O", 8),
        ("RSSMRA85910H501O", 9),
        ("RSSMRA85T1-H501O", 11),
        ("RSSMRA85T105501O", 12),
        ("RSSMRA85T10H5W1O", 14),
        ("RSSMRA85T10H50KO", 15),
        ("RSSMRA85T10H5010", 16),
        ("RSSMRA85T1ÒH501O", 11),
    ];
    for (text, position) in cases {
        assert_eq!(
            FiscalCode::parse(text),
            Err(FiscalCodeError::InvalidCharacter { position }),
            "{text}"
        );
    }
}

#[test]
fn month_letter_must_be_one_of_the_twelve() {
    for letter in ('A'..='Z').filter(|c| !"ABCDEHLMPRST".contains(*c)) {
        let text = with_check(&format!("RSSMRA85{letter}10H501"));
        assert_eq!(
            FiscalCode::parse(&text),
            Err(FiscalCodeError::InvalidMonth),
            "{text}"
        );
    }
}

#[test]
fn day_must_be_in_the_male_or_female_range() {
    for day in ["00", "32", "39", "40", "72", "80", "99", "LL", "QL", "VV"] {
        let text = with_check(&format!("RSSMRA85T{day}H501"));
        assert_eq!(
            FiscalCode::parse(&text),
            Err(FiscalCodeError::InvalidDay),
            "{text}"
        );
    }
    for day in ["01", "31", "41", "71", "LM", "PM", "TM"] {
        let text = with_check(&format!("RSSMRA85T{day}H501"));
        assert!(FiscalCode::parse(&text).is_ok(), "{text}");
    }
}

#[test]
fn calendar_invalid_dates_fail_to_decode() {
    for body in [
        "RSSMRA85B31H501",
        "RSSMRA85B29H501",
        "RSSMRA85D31H501",
        "RSSMRA85S71H501",
    ] {
        let parsed = code(&with_check(body));
        assert_eq!(
            parsed.decode(reference()),
            Err(FiscalCodeError::InvalidDate),
            "{body}"
        );
    }
    let leap = code(&with_check("RSSMRA84B29H501"));
    assert_eq!(
        leap.decode(reference()).unwrap().birth_date,
        date(1984, 2, 29)
    );
}

#[test]
fn century_is_the_latest_not_after_the_reference_date() {
    let decode = |body: &str, reference: NaiveDate| {
        code(&with_check(body))
            .decode(reference)
            .map(|decoded| decoded.birth_date)
    };
    let reference = date(2025, 6, 30);
    assert_eq!(decode("RSSMRA15H05H501", reference), Ok(date(2015, 6, 5)));
    assert_eq!(decode("RSSMRA85T10H501", reference), Ok(date(1985, 12, 10)));
    assert_eq!(decode("RSSMRA00A01H501", reference), Ok(date(2000, 1, 1)));
    assert_eq!(decode("RSSMRA26A01H501", reference), Ok(date(1926, 1, 1)));
    // Same two-digit year as the reference: the reference day itself is the
    // last one of this century, the day after is a century earlier.
    assert_eq!(decode("RSSMRA25H30H501", reference), Ok(date(2025, 6, 30)));
    assert_eq!(decode("RSSMRA25L01H501", reference), Ok(date(1925, 7, 1)));
    assert_eq!(decode("RSSMRA25A01H501", reference), Ok(date(2025, 1, 1)));
    // 1900 and 2100 are not leap years, 2000 is.
    assert_eq!(decode("RSSMRA00B29H501", reference), Ok(date(2000, 2, 29)));
    assert_eq!(
        decode("RSSMRA00B29H501", date(2150, 1, 1)),
        Ok(date(2000, 2, 29))
    );
    assert_eq!(
        decode("RSSMRA00B29H501", date(2000, 1, 15)),
        Err(FiscalCodeError::InvalidDate)
    );
    assert_eq!(
        decode("RSSMRA00B29H501", date(2000, 2, 29)),
        Ok(date(2000, 2, 29))
    );
    assert_eq!(
        decode("RSSMRA99T31H501", date(2000, 1, 1)),
        Ok(date(1999, 12, 31))
    );
}

#[test]
fn error_codes_are_stable_and_distinct() {
    let errors = [
        (FiscalCodeError::Length { found: 3 }, "length"),
        (
            FiscalCodeError::InvalidCharacter { position: 1 },
            "invalid_character",
        ),
        (FiscalCodeError::InvalidMonth, "invalid_month"),
        (FiscalCodeError::InvalidDay, "invalid_day"),
        (
            FiscalCodeError::CheckCharacter {
                expected: 'A',
                found: 'B',
            },
            "check_character",
        ),
        (FiscalCodeError::InvalidDate, "invalid_date"),
        (
            FiscalCodeError::InvalidBirthPlaceCode,
            "invalid_birth_place_code",
        ),
        (
            FiscalCodeError::NameHasNoLetters(NameField::Surname),
            "name_has_no_letters",
        ),
        (
            FiscalCodeError::UnsupportedLetter(NameField::Name),
            "unsupported_letter",
        ),
    ];
    for (error, code) in &errors {
        assert_eq!(error.code(), *code);
    }
    let mut codes: Vec<_> = errors.iter().map(|(error, _)| error.code()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), errors.len());
    assert_eq!(
        FiscalCodeError::NameHasNoLetters(NameField::Surname).to_string(),
        "the surname contains no letters"
    );
    assert_eq!(
        FiscalCodeError::CheckCharacter {
            expected: 'O',
            found: 'A'
        }
        .to_string(),
        "wrong check character: expected O, found A"
    );
}

#[test]
fn string_conversions_and_serde() {
    let parsed: FiscalCode = "rssmra85t10h501o".parse().unwrap();
    assert_eq!(parsed.to_string(), "RSSMRA85T10H501O");
    assert_eq!(
        serde_json::to_string(&parsed).unwrap(),
        "\"RSSMRA85T10H501O\""
    );
    let deserialized: FiscalCode = serde_json::from_str("\" rssmra85t10h501o \"").unwrap();
    assert_eq!(deserialized, parsed);
    let error = serde_json::from_str::<FiscalCode>("\"RSSMRA85T10H501A\"").unwrap_err();
    assert!(error.to_string().contains("expected O"), "{error}");
    assert!(serde_json::from_str::<FiscalCode>("42").is_err());

    let decoded = parsed.decode(reference()).unwrap();
    assert_eq!(
        serde_json::to_value(&decoded).unwrap(),
        serde_json::json!({
            "sex": "M",
            "birth_date": "1985-12-10",
            "birth_place_code": "H501",
            "omocodia_level": 0,
        })
    );
}

#[test]
fn matches_rejects_any_differing_field() {
    let rossi = code("RSSMRA85T10H501O");
    let data = mario_rossi();
    assert!(rossi.matches(&data));
    assert!(rossi.matches(&PersonalData {
        surname: "ROSSI",
        name: "mario",
        ..data
    }));
    let others = [
        PersonalData {
            surname: "Bianchi",
            ..data
        },
        PersonalData {
            name: "Marco",
            ..data
        },
        PersonalData {
            sex: Sex::F,
            ..data
        },
        PersonalData {
            birth_date: date(1985, 12, 11),
            ..data
        },
        PersonalData {
            birth_date: date(1885, 12, 10),
            ..data
        },
        PersonalData {
            birth_place_code: "F205",
            ..data
        },
        PersonalData { name: "", ..data },
    ];
    for other in &others {
        let matches = rossi.matches(other);
        // Same two-digit year: the code cannot tell 1885 from 1985.
        assert_eq!(matches, other.birth_date.year() == 1885, "{other:?}");
    }
}

const NAME_ALPHABET: &[char] = &[
    'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S',
    'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'a', 'e', 'i', 'o', 'u', 'n', 'r', 's', 't', 'à', 'è', 'é',
    'ì', 'ò', 'ù', 'À', 'È', 'Ç', 'ñ', 'ü', 'ß', 'ø', 'Ł', 'ž', ' ', '\'', '-', '’',
];

fn random_name(rng: &mut ChaCha8Rng) -> String {
    let length = rng.random_range(1..=14);
    let mut name = String::new();
    // Starting with an ASCII letter guarantees at least one letter.
    name.push(NAME_ALPHABET[rng.random_range(0..26)]);
    for _ in 1..length {
        name.push(NAME_ALPHABET[rng.random_range(0..NAME_ALPHABET.len())]);
    }
    name
}

fn random_place(rng: &mut ChaCha8Rng) -> String {
    let letter = char::from(b'A' + rng.random_range(0..26u8));
    format!("{letter}{:03}", rng.random_range(0..1000))
}

#[test]
fn random_data_round_trips() {
    let mut rng = ChaCha8Rng::seed_from_u64(0x00C0_D1CE_F15C);
    let oldest = date(reference().year() - 99, 1, 1);
    let span = (reference() - oldest).num_days() as u64;
    for _ in 0..5000 {
        let surname = random_name(&mut rng);
        let name = random_name(&mut rng);
        let place = random_place(&mut rng);
        let sex = if rng.random_bool(0.5) { Sex::M } else { Sex::F };
        let birth_date = oldest
            .checked_add_days(Days::new(rng.random_range(0..=span)))
            .unwrap();
        let data = PersonalData {
            surname: &surname,
            name: &name,
            sex,
            birth_date,
            birth_place_code: &place,
        };
        let computed = FiscalCode::compute(&data).unwrap();
        let parsed = code(computed.as_str());
        assert_eq!(parsed, computed);
        assert!(parsed.matches(&data));
        let expected = DecodedFiscalCode {
            sex,
            birth_date,
            birth_place_code: place.clone(),
            omocodia_level: 0,
        };
        assert_eq!(parsed.decode(reference()).unwrap(), expected);

        let level = rng.random_range(1..=7);
        let omocode = code(computed.with_omocodia(level).as_str());
        assert_eq!(omocode.omocodia_level(), level);
        assert_eq!(omocode.without_omocodia(), computed);
        assert!(omocode.matches(&data));
        assert_eq!(
            omocode.decode(reference()).unwrap(),
            DecodedFiscalCode {
                omocodia_level: level,
                ..expected
            }
        );
    }
}

#[test]
fn random_input_never_panics_and_valid_codes_are_stable() {
    let mut rng = ChaCha8Rng::seed_from_u64(16);
    let alphabet: Vec<char> = ('A'..='Z').chain('0'..='9').chain(" aò€".chars()).collect();
    let mut accepted = 0;
    for _ in 0..20_000 {
        let length = rng.random_range(14..=18);
        let text: String = (0..length)
            .map(|_| alphabet[rng.random_range(0..alphabet.len())])
            .collect();
        if let Ok(parsed) = FiscalCode::parse(&text) {
            accepted += 1;
            assert_eq!(code(parsed.as_str()), parsed);
            assert_eq!(
                parsed.without_omocodia().with_omocodia(0),
                parsed.without_omocodia()
            );
            let _ = parsed.decode(reference());
        }
    }
    // Random text is almost never a valid code.
    assert!(accepted < 20, "{accepted}");
}
