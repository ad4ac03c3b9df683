//! The registry model and the demo generator, on the backend the environment selects.

use chrono::{Days, NaiveDate};
use diesel::prelude::*;
use portale::platform::db::schema::civil_status_periods;
use portale::platform::db::schema::family_addresses;
use portale::platform::db::schema::family_memberships;
use portale::platform::db::schema::persons;
use portale::platform::db::{Database, DbConnection};
use portale::registry::rules::fiscal_code::{FiscalCode, PersonalData};
use portale::registry::rules::sex::Sex;
use portale::registry::store::families::family_of_person_at;
use portale::registry::store::families::PersonRow;
use portale::registry::PersonId;

use crate::helpers::TestDatabase;

fn seeded(persons: usize, seed: u64) -> (Database, TestDatabase, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let database = TestDatabase::create(&dir.path().join("registry.sqlite3"));
    let db = Database::connect(&database.url, 2).unwrap();
    db.migrate().unwrap();
    portale::demo::seed_registry(&db, persons, seed, false).unwrap();
    (db, database, dir)
}

fn all_persons(conn: &mut DbConnection) -> Vec<PersonRow> {
    persons::table
        .select(PersonRow::as_select())
        .order(persons::fiscal_code)
        .load(conn)
        .unwrap()
}

#[test]
fn every_seeded_fiscal_code_is_valid_unique_and_consistent_with_the_person() {
    let (db, _guard, _dir) = seeded(1_500, 7);
    let mut conn = db.connection().unwrap();
    let persons = all_persons(&mut conn);
    assert_eq!(persons.len(), 1_500);
    let mut seen = std::collections::HashSet::new();
    for person in &persons {
        let code = FiscalCode::parse(&person.fiscal_code).unwrap();
        let data = PersonalData {
            surname: &person.surname,
            name: &person.name,
            sex: Sex::parse(&person.sex).unwrap(),
            birth_date: person.birth_date,
            birth_place_code: &person.birth_place_code,
        };
        assert!(
            code.matches(&data),
            "{} does not match {data:?}",
            person.fiscal_code
        );
        assert!(
            seen.insert(code.without_omocodia().as_str().to_owned())
                || code.omocodia_level() > 0
                || code.without_omocodia() != code
        );
        assert!(portale::registry::places::by_code(&person.birth_place_code).is_some());
    }
}

#[test]
fn the_same_seed_gives_the_same_registry_and_another_seed_another() {
    let (first, _g1, _d1) = seeded(400, 42);
    let (second, _g2, _d2) = seeded(400, 42);
    let (third, _g3, _d3) = seeded(400, 43);
    let codes = |db: &Database| -> Vec<String> {
        all_persons(&mut db.connection().unwrap())
            .into_iter()
            .map(|p| p.fiscal_code)
            .collect()
    };
    assert_eq!(codes(&first), codes(&second));
    assert_ne!(codes(&first), codes(&third));
}

#[test]
fn seeding_refuses_a_registry_that_has_data() {
    let (db, _guard, _dir) = seeded(120, 1);
    let error = portale::demo::seed_registry(&db, 100, 1, false)
        .err()
        .unwrap()
        .to_string();
    assert!(error.contains("already holds 120 persons"), "{error}");
}

#[test]
fn households_look_real() {
    let (db, _guard, _dir) = seeded(3_000, 3);
    let mut conn = db.connection().unwrap();
    let persons = all_persons(&mut conn);
    let foreign = persons.iter().filter(|p| p.citizenship != "IT").count();
    assert!(
        (100..600).contains(&foreign),
        "foreign residents: {foreign}"
    );
    let electors = persons.iter().filter(|p| p.is_elector).count();
    assert!(electors > 1_500 && electors < 2_800, "electors: {electors}");
    let heads: i64 = family_memberships::table
        .filter(family_memberships::relationship.eq("head"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert!(heads > 1_000 && heads < 1_700, "families: {heads}");
    let married: i64 = civil_status_periods::table
        .filter(civil_status_periods::status.eq("married"))
        .filter(civil_status_periods::valid_to.is_null())
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert!(married > 600, "married: {married}");
}

#[test]
fn a_family_is_read_as_it_was_at_a_date() {
    let (db, _guard, _dir) = seeded(3_000, 5);
    let mut conn = db.connection().unwrap();
    let today = portale::demo::reference_date();

    // A death: before it the deceased is a member, after it not, and the survivor is widowed.
    let deceased: PersonRow = persons::table
        .filter(persons::death_date.is_not_null())
        .select(PersonRow::as_select())
        .first(&mut conn)
        .expect("the demo registry has deaths");
    let death = deceased.death_date.unwrap();
    let family_id: String = family_memberships::table
        .filter(family_memberships::person_id.eq(deceased.id.as_str()))
        .select(family_memberships::family_id)
        .first(&mut conn)
        .unwrap();
    let survivor: String = family_memberships::table
        .filter(family_memberships::family_id.eq(&family_id))
        .filter(family_memberships::person_id.ne(deceased.id.as_str()))
        .filter(family_memberships::relationship.eq("head"))
        .select(family_memberships::person_id)
        .first(&mut conn)
        .unwrap();
    let before = family_of_person_at(
        &mut conn,
        &PersonId::new(survivor.clone()),
        death.checked_sub_days(Days::new(1)).unwrap(),
    )
    .unwrap()
    .unwrap();
    let after = family_of_person_at(&mut conn, &PersonId::new(survivor.clone()), today)
        .unwrap()
        .unwrap();
    assert!(before.members.iter().any(|m| m.person.id == deceased.id));
    assert!(!after.members.iter().any(|m| m.person.id == deceased.id));
    assert_eq!(after.members[0].relationship, "head");
    assert!(matches!(
        after.members[0].civil_status.as_deref(),
        Some("widowed" | "civil_union_dissolved_by_death")
    ));
    assert_eq!(
        before.members[0]
            .civil_status
            .as_deref()
            .map(|s| s == "married" || s == "civil_union"),
        Some(true)
    );

    // A move: the address in force before the move is the first one.
    let moved_families: Vec<String> = family_addresses::table
        .filter(family_addresses::valid_to.is_not_null())
        .select(family_addresses::family_id)
        .load(&mut conn)
        .unwrap();
    let (moved_family, moved_on): (String, NaiveDate) = family_addresses::table
        .filter(family_addresses::valid_to.is_null())
        .filter(family_addresses::family_id.eq_any(&moved_families))
        .select((family_addresses::family_id, family_addresses::valid_from))
        .first(&mut conn)
        .expect("the demo registry has moves");
    let member: String = family_memberships::table
        .filter(family_memberships::family_id.eq(&moved_family))
        .filter(family_memberships::valid_from.lt(moved_on))
        .select(family_memberships::person_id)
        .first(&mut conn)
        .unwrap();
    let old = family_of_person_at(
        &mut conn,
        &PersonId::new(member.clone()),
        moved_on.checked_sub_days(Days::new(1)).unwrap(),
    )
    .unwrap()
    .unwrap();
    let new = family_of_person_at(&mut conn, &PersonId::new(member.clone()), moved_on)
        .unwrap()
        .unwrap();
    assert_eq!(new.address.as_ref().unwrap().valid_from, moved_on);
    assert!(old.address.as_ref().unwrap().valid_from < moved_on);

    // Nobody belongs to a family before being born.
    let child: PersonRow = persons::table
        .inner_join(family_memberships::table)
        .filter(family_memberships::relationship.eq("child"))
        .filter(persons::birth_date.gt(NaiveDate::from_ymd_opt(2015, 1, 1).unwrap()))
        .select(PersonRow::as_select())
        .first(&mut conn)
        .unwrap();
    let unborn = child.birth_date.checked_sub_days(Days::new(1)).unwrap();
    assert!(family_of_person_at(&mut conn, &child.id, unborn)
        .unwrap()
        .is_none());
}

#[test]
fn demo_preparation_writes_the_credentials_of_api_md_once() {
    let dir = tempfile::tempdir().unwrap();
    let database = TestDatabase::create(&dir.path().join("demo.sqlite3"));
    let settings = portale::platform::settings::Settings {
        database_url: Some(portale::platform::settings::Secret(database.url.clone())),
        data_dir: dir.path().to_path_buf(),
        demo_persons: 600,
        ..Default::default()
    };
    let db = portale::open_database(&settings).unwrap();
    let printed = portale::demo::prepare(&db, &settings).unwrap();
    let file = std::fs::read_to_string(dir.path().join("demo-credentials.json")).unwrap();
    let credentials: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert!(printed.contains(credentials["citizen"]["password"].as_str().unwrap()));
    for key in ["citizen", "citizen2", "nonresident"] {
        assert!(
            FiscalCode::parse(credentials[key]["fiscal_code"].as_str().unwrap()).is_ok(),
            "{key}"
        );
    }
    assert_eq!(credentials["operator"]["username"], "operatore");
    assert_eq!(credentials["admin"]["username"], "admin");
    assert_eq!(credentials["base_url"], "http://127.0.0.1:8080");

    let mut conn = db.connection().unwrap();
    let today = portale::demo::reference_date();
    let family = family_of_person_at(
        &mut conn,
        &PersonId::new(credentials["citizen"]["person_id"].as_str().unwrap()),
        today,
    )
    .unwrap()
    .unwrap();
    assert!(family.members.len() >= 3);
    assert_eq!(
        family.members[0].person.fiscal_code,
        credentials["citizen"]["fiscal_code"]
    );
    let other = family_of_person_at(
        &mut conn,
        &PersonId::new(credentials["citizen2"]["person_id"].as_str().unwrap()),
        today,
    )
    .unwrap()
    .unwrap();
    assert_ne!(family.family_id, other.family_id);
    let nonresident = portale::registry::store::families::find_person_by_fiscal_code(
        &mut conn,
        credentials["nonresident"]["fiscal_code"].as_str().unwrap(),
    )
    .unwrap();
    assert!(nonresident.is_none());
    drop(conn);

    // A restart prints the same file and creates nothing.
    let again = portale::demo::prepare(&db, &settings).unwrap();
    assert!(again.contains(credentials["admin"]["password"].as_str().unwrap()));
    assert_eq!(
        portale::accounts::store::accounts::count(&mut db.connection().unwrap()).unwrap(),
        5
    );
}
