//! Places of birth as the codice fiscale encodes them: Italian comuni, current
//! and ceased, and foreign states, each with its Belfiore (cadastral) code.
//!
//! The table is `backend/data/places.csv` (source, licence and attribution in
//! `backend/data/README.md`), embedded at compile time and parsed once, on
//! first use. There is no I/O at run time.
//!
//! A code can have several rows, one per period in which it had a given name
//! and province (`A001` was *Abano* until 1924, *Abano Terme* since): use
//! [`by_code_at`] with the date of birth to get the name in use then.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

/// The generated table; see `scripts/refresh-places.py`.
const PLACES_CSV: &str = include_str!("../../data/places.csv");

const HEADER: [&str; 6] = ["code", "name", "province", "kind", "valid_from", "valid_to"];

/// Whether a place is an Italian comune or a foreign state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Comune,
    State,
}

/// One place under one name, for the period in which that name was in use.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Place {
    /// Belfiore code: a letter and three digits; `Z` and digits for states.
    #[schema(example = "H501")]
    pub code: String,
    /// Italian name in that period.
    #[schema(example = "Roma")]
    pub name: String,
    /// Two-letter sigla of the province in that period; none for states.
    #[schema(example = "RM")]
    pub province: Option<String>,
    pub kind: PlaceKind,
    /// First day of the period; none when unknown.
    pub valid_from: Option<NaiveDate>,
    /// Last day of the period; none while the place still has this name.
    pub valid_to: Option<NaiveDate>,
}

impl Place {
    /// Whether this row is still in force (no end date).
    pub fn is_current(&self) -> bool {
        self.valid_to.is_none()
    }

    /// Whether `date` falls in this row's period (open ends included).
    pub fn is_valid_on(&self, date: NaiveDate) -> bool {
        self.valid_from.is_none_or(|from| from <= date) && self.valid_to.is_none_or(|to| date <= to)
    }
}

/// Every row of the table, sorted by code and then by start of validity.
pub fn all() -> &'static [Place] {
    &table().places
}

/// The most recent row for `code`: the one still in force, or else the one
/// that ended last. The code is matched ignoring case and surrounding blanks.
pub fn by_code(code: &str) -> Option<&'static Place> {
    let table = table();
    rows_for(table, code)?
        .iter()
        .map(|&index| &table.places[index])
        .max_by_key(|place| recency(place))
}

/// The row for `code` in force on `date`; when none is (a date before the
/// first known period, or in a gap), the most recent row as [`by_code`].
pub fn by_code_at(code: &str, date: NaiveDate) -> Option<&'static Place> {
    let table = table();
    let rows = rows_for(table, code)?;
    rows.iter()
        .map(|&index| &table.places[index])
        .filter(|place| place.is_valid_on(date))
        .max_by_key(|place| recency(place))
        .or_else(|| by_code(code))
}

/// Places whose name matches `query`, at most `limit` of them.
///
/// Matching ignores case, accents, apostrophes, hyphens and spaces (`citta`
/// finds *Città di Castello*, `santangelo` finds *Sant'Angelo Lodigiano*).
/// Names that start with the query come first, then names that contain it;
/// within each group current places come before ceased ones, then the order
/// is alphabetical. A blank query matches nothing.
pub fn search(query: &str, limit: usize) -> Vec<&'static Place> {
    let needle = fold(query);
    if needle.is_empty() || limit == 0 {
        return Vec::new();
    }
    let table = table();
    let mut hits: Vec<(u8, bool, usize)> = table
        .folded
        .iter()
        .enumerate()
        .filter_map(|(index, key)| {
            let tier = if key.starts_with(&needle) {
                0
            } else if key.contains(&needle) {
                1
            } else {
                return None;
            };
            Some((tier, !table.places[index].is_current(), index))
        })
        .collect();
    hits.sort_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then_with(|| table.folded[a.2].cmp(&table.folded[b.2]))
            .then_with(|| table.places[a.2].name.cmp(&table.places[b.2].name))
            .then_with(|| a.2.cmp(&b.2))
    });
    hits.into_iter()
        .take(limit)
        .map(|(_, _, index)| &table.places[index])
        .collect()
}

struct Table {
    places: Vec<Place>,
    /// Search key of each place, same order as `places`.
    folded: Vec<String>,
    /// Row indices of each code, in table order.
    by_code: HashMap<String, Vec<usize>>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The CSV is generated and embedded at build time, and a unit test
        // parses it: failing here means the build shipped a broken file.
        let places = parse(PLACES_CSV)
            .unwrap_or_else(|error| panic!("embedded places.csv is invalid: {error}"));
        let folded = places.iter().map(|place| fold(&place.name)).collect();
        let mut by_code: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, place) in places.iter().enumerate() {
            by_code.entry(place.code.clone()).or_default().push(index);
        }
        Table {
            places,
            folded,
            by_code,
        }
    })
}

fn rows_for<'t>(table: &'t Table, code: &str) -> Option<&'t [usize]> {
    let code = code.trim();
    if code.len() != 4 {
        return None;
    }
    table
        .by_code
        .get(code.to_ascii_uppercase().as_str())
        .map(Vec::as_slice)
}

/// Orders rows of one code from oldest to newest: open-ended rows last, then
/// by end date, then by start date.
fn recency(place: &Place) -> (NaiveDate, NaiveDate) {
    (
        place.valid_to.unwrap_or(NaiveDate::MAX),
        place.valid_from.unwrap_or(NaiveDate::MIN),
    )
}

/// Search key: lower case, accents removed, and only letters and digits kept.
fn fold(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => 'i',
            'ł' | 'ľ' | 'ĺ' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ŕ' | 'ř' => 'r',
            'ś' | 'š' | 'ş' => 's',
            'ť' | 'ţ' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            'ß' => {
                key.push_str("ss");
                continue;
            }
            'æ' => {
                key.push_str("ae");
                continue;
            }
            'œ' => {
                key.push_str("oe");
                continue;
            }
            other => other,
        };
        if base.is_alphanumeric() {
            key.push(base);
        }
    }
    key
}

fn parse(text: &str) -> Result<Vec<Place>, String> {
    let mut records = parse_records(text)?.into_iter();
    let header = records.next().ok_or("the file is empty")?;
    if header.fields != HEADER {
        return Err(format!("unexpected header {:?}", header.fields));
    }
    records
        .map(|record| {
            parse_place(&record.fields).map_err(|error| format!("line {}: {error}", record.line))
        })
        .collect()
}

fn parse_place(fields: &[String]) -> Result<Place, String> {
    let [code, name, province, kind, valid_from, valid_to] = fields else {
        return Err(format!(
            "{} fields instead of {}",
            fields.len(),
            HEADER.len()
        ));
    };
    let well_formed = code.len() == 4
        && code.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && code.chars().skip(1).all(|c| c.is_ascii_digit());
    if !well_formed {
        return Err(format!("bad code {code:?}"));
    }
    if name.trim().is_empty() {
        return Err("empty name".to_owned());
    }
    let kind = match kind.as_str() {
        "comune" => PlaceKind::Comune,
        "state" => PlaceKind::State,
        other => return Err(format!("bad kind {other:?}")),
    };
    let province = match (kind, province.as_str()) {
        (PlaceKind::State, "") => None,
        (PlaceKind::Comune, p) if p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase()) => {
            Some(p.to_owned())
        }
        (_, p) => return Err(format!("bad province {p:?} for a {kind:?}")),
    };
    let valid_from = parse_date(valid_from)?;
    let valid_to = parse_date(valid_to)?;
    if let (Some(from), Some(to)) = (valid_from, valid_to) {
        if to < from {
            return Err(format!("period ends ({to}) before it starts ({from})"));
        }
    }
    Ok(Place {
        code: code.clone(),
        name: name.clone(),
        province,
        kind,
        valid_from,
        valid_to,
    })
}

fn parse_date(field: &str) -> Result<Option<NaiveDate>, String> {
    if field.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(field, "%Y-%m-%d")
        .map(Some)
        .map_err(|error| format!("bad date {field:?}: {error}"))
}

struct Record {
    /// Line on which the record starts, from 1.
    line: usize,
    fields: Vec<String>,
}

/// Splits CSV text into records: comma-separated fields, double-quoted when
/// they contain commas, quotes (doubled) or line breaks; `\n` or `\r\n`
/// between records; blank lines skipped.
fn parse_records(text: &str) -> Result<Vec<Record>, String> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut in_quotes = false;
    // Whether the current field was quoted (and so is complete when the quote
    // closes): only a separator or the end of the record may follow.
    let mut closed_quote = false;
    let mut chars = text.chars().peekable();

    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    in_quotes = false;
                    closed_quote = true;
                }
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                other => field.push(other),
            }
            continue;
        }
        match c {
            ',' => {
                fields.push(std::mem::take(&mut field));
                closed_quote = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                if !(fields.is_empty() && field.is_empty() && !closed_quote) {
                    fields.push(std::mem::take(&mut field));
                    records.push(Record {
                        line: record_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
                closed_quote = false;
                line += 1;
                record_line = line;
            }
            '"' if field.is_empty() && !closed_quote => in_quotes = true,
            _ if closed_quote => {
                return Err(format!("line {line}: text after a closing quote"));
            }
            '"' => return Err(format!("line {line}: quote inside an unquoted field")),
            other => field.push(other),
        }
    }
    if in_quotes {
        return Err(format!("line {record_line}: unterminated quoted field"));
    }
    if !(fields.is_empty() && field.is_empty() && !closed_quote) {
        fields.push(field);
        records.push(Record {
            line: record_line,
            fields,
        });
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn place(code: &str) -> &'static Place {
        by_code(code).unwrap_or_else(|| panic!("{code} should be in the table"))
    }

    #[test]
    fn embedded_table_parses() {
        let places = parse(PLACES_CSV).expect("embedded CSV must parse");
        assert_eq!(places.len(), all().len());
    }

    #[test]
    fn roma_and_milano() {
        let roma = place("H501");
        assert_eq!(roma.name, "Roma");
        assert_eq!(roma.province.as_deref(), Some("RM"));
        assert_eq!(roma.kind, PlaceKind::Comune);
        assert!(roma.is_current());

        let milano = place("F205");
        assert_eq!(milano.name, "Milano");
        assert_eq!(milano.province.as_deref(), Some("MI"));
    }

    #[test]
    fn code_lookup_ignores_case_and_blanks() {
        assert_eq!(by_code(" h501 ").map(|p| p.name.as_str()), Some("Roma"));
        assert!(by_code("H50").is_none());
        assert!(by_code("H5011").is_none());
        assert!(by_code("").is_none());
        assert!(by_code("Z999").is_none());
    }

    #[test]
    fn united_states_is_a_state() {
        let usa = place("Z404");
        assert_eq!(usa.kind, PlaceKind::State);
        assert_eq!(usa.name, "Stati Uniti d'America");
        assert_eq!(usa.province, None);
        assert!(usa.is_current());
    }

    #[test]
    fn former_state_keeps_its_end_date() {
        let czechoslovakia = place("Z105");
        assert_eq!(czechoslovakia.name, "Cecoslovacchia");
        assert_eq!(czechoslovakia.kind, PlaceKind::State);
        assert!(czechoslovakia.valid_to.is_some());
    }

    #[test]
    fn renamed_comune_resolves_by_date() {
        // A001 was "Abano" until 1924-11-13, "Abano Terme" since.
        assert_eq!(place("A001").name, "Abano Terme");
        let at = |d| by_code_at("A001", d).map(|p| p.name.as_str());
        assert_eq!(at(date(1920, 5, 1)), Some("Abano"));
        assert_eq!(at(date(1924, 11, 13)), Some("Abano"));
        assert_eq!(at(date(1924, 11, 14)), Some("Abano Terme"));
        assert_eq!(at(date(1980, 1, 1)), Some("Abano Terme"));
        // Before the first known period: the most recent row.
        assert_eq!(at(date(1800, 1, 1)), Some("Abano Terme"));
    }

    #[test]
    fn province_change_resolves_by_date() {
        // Castagnole delle Lanze moved from Alessandria to Asti in 1935.
        let province = |d| by_code_at("C049", d).and_then(|p| p.province.as_deref());
        assert_eq!(province(date(1930, 1, 1)), Some("AL"));
        assert_eq!(province(date(1990, 1, 1)), Some("AT"));
    }

    #[test]
    fn ceased_comune_resolves() {
        // Abbadia Alpina (TO) was merged into Pinerolo in 1928.
        let ceased = place("A003");
        assert_eq!(ceased.name, "Abbadia Alpina");
        assert_eq!(ceased.province.as_deref(), Some("TO"));
        assert!(!ceased.is_current());
        let born = by_code_at("A003", date(1900, 3, 1)).expect("valid in 1900");
        assert!(born.is_valid_on(date(1900, 3, 1)));
        assert_eq!(born.name, "Abbadia Alpina");
        // After it ceased there is no row in force: the last one is returned.
        assert_eq!(
            by_code_at("A003", date(2000, 1, 1)).map(|p| p.name.as_str()),
            Some("Abbadia Alpina")
        );
    }

    #[test]
    fn row_counts_are_sane() {
        let current = |kind| {
            all()
                .iter()
                .filter(|p| p.kind == kind && p.is_current())
                .count()
        };
        assert!(
            current(PlaceKind::Comune) > 7_800,
            "{}",
            current(PlaceKind::Comune)
        );
        assert!(
            current(PlaceKind::State) > 200,
            "{}",
            current(PlaceKind::State)
        );
        let ceased = all().iter().filter(|p| !p.is_current()).count();
        assert!(ceased > 5_000, "{ceased}");
    }

    #[test]
    fn table_is_well_formed() {
        let mut current_codes = std::collections::HashSet::new();
        for pair in all().windows(2) {
            assert!(
                (&pair[0].code, pair[0].valid_from) <= (&pair[1].code, pair[1].valid_from),
                "rows out of order at {}",
                pair[1].code
            );
        }
        for p in all() {
            assert_eq!(
                p.kind == PlaceKind::State,
                p.code.starts_with('Z'),
                "{}",
                p.code
            );
            assert_eq!(
                p.kind == PlaceKind::State,
                p.province.is_none(),
                "{}",
                p.code
            );
            assert_eq!(p.name.trim(), p.name, "{}", p.code);
            if p.is_current() && p.kind == PlaceKind::Comune {
                assert!(
                    current_codes.insert(p.code.clone()),
                    "two current rows for {}",
                    p.code
                );
            }
            assert_eq!(by_code(&p.code).map(|found| &found.code), Some(&p.code));
        }
    }

    #[test]
    fn search_ignores_case_and_accents() {
        let names = |query, limit| -> Vec<&str> {
            search(query, limit)
                .into_iter()
                .map(|p| p.name.as_str())
                .collect()
        };
        assert!(names("citta", 20).contains(&"Città di Castello"));
        assert_eq!(
            names("CITTÀ DI CAST", 5).first(),
            Some(&"Città di Castello")
        );
        assert_eq!(names("roma", 5).first(), Some(&"Roma"));
        assert!(names("forli", 10).contains(&"Forlì"));
        assert!(names("sant angelo lod", 5).contains(&"Sant'Angelo Lodigiano"));
        assert!(names("santangelo lod", 5).contains(&"Sant'Angelo Lodigiano"));
        assert!(names("stati uniti", 5).contains(&"Stati Uniti d'America"));
        assert!(names("perù", 5).contains(&"Perù"));
    }

    #[test]
    fn search_orders_prefix_then_substring_and_current_first() {
        let results = search("castello", 10_000);
        assert!(results.len() > 20);
        let position = |name: &str| results.iter().position(|p| p.name == name);
        let prefix = position("Castello di Godego").expect("prefix match");
        let substring = position("Città di Castello").expect("substring match");
        assert!(prefix < substring);

        let key = |p: &Place| {
            let folded = fold(&p.name);
            (!folded.starts_with("castello"), !p.is_current())
        };
        for pair in results.windows(2) {
            assert!(
                key(pair[0]) <= key(pair[1]),
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
    }

    #[test]
    fn search_respects_limit_and_blank_queries() {
        assert_eq!(search("san", 7).len(), 7);
        assert!(search("san", 0).is_empty());
        assert!(search("", 10).is_empty());
        assert!(search(" ' - ", 10).is_empty());
        assert!(search("zzzzqqq", 10).is_empty());
    }

    #[test]
    fn fold_keeps_only_base_letters_and_digits() {
        assert_eq!(fold("Città di Castello"), "cittadicastello");
        assert_eq!(fold("Sant'Angelo"), "santangelo");
        assert_eq!(fold("Castello-Molina di Fiemme"), "castellomolinadifiemme");
        assert_eq!(
            fold("Savogna d'Isonzo-Sovodnje ob Soči"),
            "savognadisonzosovodnjeobsoci"
        );
        assert_eq!(
            fold("Sotto il Monte Giovanni XXIII"),
            "sottoilmontegiovannixxiii"
        );
    }

    #[test]
    fn serializes_kind_in_snake_case() {
        let json = serde_json::to_value(place("H501")).expect("serializable");
        assert_eq!(json["kind"], "comune");
        assert_eq!(json["province"], "RM");
        assert_eq!(json["valid_to"], serde_json::Value::Null);
        let json = serde_json::to_value(place("Z105")).expect("serializable");
        assert_eq!(json["kind"], "state");
        assert_eq!(json["valid_to"], "1993-01-01");
    }

    #[test]
    fn csv_parser_handles_quotes() {
        let text = "code,name,province,kind,valid_from,valid_to\r\n\
                    A001,\"Comma, \"\"quoted\"\"\",PD,comune,1900-01-01,\r\n\
                    \n\
                    Z404,Plain,,state,,1999-12-31";
        let places = parse(text).expect("valid CSV");
        assert_eq!(places.len(), 2);
        assert_eq!(places[0].name, "Comma, \"quoted\"");
        assert_eq!(places[0].valid_from, Some(date(1900, 1, 1)));
        assert_eq!(places[0].valid_to, None);
        assert_eq!(places[1].province, None);
        assert_eq!(places[1].valid_to, Some(date(1999, 12, 31)));

        let records = parse_records("a,\"multi\nline\",c\nd,,\n").expect("valid CSV");
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].fields, ["a", "multi\nline", "c"]);
        assert_eq!(records[1].line, 3);
        assert_eq!(records[1].fields, ["d", "", ""]);
    }

    #[test]
    fn csv_parser_rejects_malformed_input() {
        const HEAD: &str = "code,name,province,kind,valid_from,valid_to\n";
        let bad = |body: &str| parse(&format!("{HEAD}{body}")).expect_err(body);
        assert!(bad("A001,Abano,PD,comune,1900-01-01").contains("5 fields"));
        assert!(bad("A01,Abano,PD,comune,,").contains("bad code"));
        assert!(bad("A001,Abano,PD,town,,").contains("bad kind"));
        assert!(bad("A001,Abano,,comune,,").contains("bad province"));
        assert!(bad("Z404,USA,US,state,,").contains("bad province"));
        assert!(bad("A001,Abano,PD,comune,1900-13-01,").contains("bad date"));
        assert!(bad("A001,Abano,PD,comune,1900-01-02,1900-01-01").contains("before"));
        assert!(bad("A001,\"Abano,PD,comune,,").contains("unterminated"));
        assert!(bad("A001,\"Abano\"x,PD,comune,,").contains("after a closing quote"));
        assert!(bad("A001,Ab\"ano,PD,comune,,").contains("quote inside"));
        assert!(parse("code,name\n").is_err());
        assert!(parse("").is_err());
    }
}
