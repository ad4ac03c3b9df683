//! A deterministic generator of a fictional municipality's registry: realistic household
//! shapes (ISTAT proportions, roughly), consistent ages, marriages, deaths, moves, foreign
//! residents, and codici fiscali computed from each person's data (with omocodia where two
//! persons would collide). The same seed and size always give the same registry.

use std::collections::HashSet;

use chrono::{Datelike, Days, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::names::FOREIGN_STATES;
use crate::registry::rules::fiscal_code::{FiscalCode, PersonalData};
use crate::registry::rules::sex::Sex;
use crate::registry::rules::vocabulary::{CivilStatus, Relationship, ITALIAN_CITIZENSHIP};
use crate::registry::store::families::{PersonRow, RegistryBatch};

/// The date the generated registry describes; fixed so that output never depends on "today".
pub fn reference_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default()
}

pub struct Generator {
    rng: ChaCha8Rng,
    today: NaiveDate,
    used_codes: HashSet<String>,
    next_registry_number: i64,
    sections: i32,
}

/// A person being built, before the rows are written.
struct Member {
    row: PersonRow,
    relationship: Relationship,
    member_from: NaiveDate,
    member_to: Option<NaiveDate>,
    /// Civil status changes in date order; each lasts until the next one.
    statuses: Vec<StatusChange>,
}

struct StatusChange {
    status: CivilStatus,
    from: NaiveDate,
    partner_id: Option<String>,
}

impl Generator {
    pub fn new(seed: u64, total_persons: usize) -> Generator {
        Generator {
            rng: ChaCha8Rng::seed_from_u64(seed),
            today: reference_date(),
            used_codes: HashSet::with_capacity(total_persons),
            next_registry_number: 1,
            sections: i32::try_from(total_persons / 900)
                .unwrap_or(i32::MAX)
                .max(1),
        }
    }

    /// Appends one family of at most `room` persons to the batch; returns how many persons.
    pub fn family(&mut self, room: usize, batch: &mut RegistryBatch) -> usize {
        let roll = self.rng.random_range(0..100);
        let foreign = self.pick_foreign_state();
        let members = match roll {
            _ if room == 1 => self.single(foreign),
            0..=32 => self.single(foreign),
            33..=52 => self.couple(foreign, 0, room),
            53..=87 => {
                let children = 1 + self.weighted(&[50, 38, 12]);
                self.couple(foreign, children, room)
            }
            88..=96 => self.single_parent(foreign, room),
            _ => self.extended(foreign, room),
        };
        self.write_family(members, batch)
    }

    fn pick_foreign_state(&mut self) -> Option<&'static str> {
        if self.rng.random_range(0..100) >= 9 {
            return None;
        }
        let total: u32 = FOREIGN_STATES.iter().map(|(_, w)| w).sum();
        let mut pick = self.rng.random_range(0..total);
        FOREIGN_STATES.iter().find_map(|(code, weight)| {
            if pick < *weight {
                Some(*code)
            } else {
                pick -= weight;
                None
            }
        })
    }

    fn single(&mut self, foreign: Option<&'static str>) -> Vec<Member> {
        let age = self.rng.random_range(20..=95);
        let sex = self.sex();
        let birth = self.birth_for_age(age);
        let surname = self.surname();
        let mut person = self.person(&surname, sex, birth, foreign, foreign);
        let since = self.date_between(years_after(birth, 18), self.today);
        person.member_from = since;
        person.relationship = Relationship::Head;
        let status = if age > 70 && self.chance(50) {
            CivilStatus::Widowed
        } else if age > 35 && self.chance(15) {
            CivilStatus::Divorced
        } else {
            CivilStatus::Unmarried
        };
        person.row.registered_on = since;
        vec![self.with_status(person, status)]
    }

    fn couple(
        &mut self,
        foreign: Option<&'static str>,
        children: usize,
        room: usize,
    ) -> Vec<Member> {
        let children = children.min(room.saturating_sub(2));
        let head_age = if children > 0 {
            self.rng.random_range(28..=58)
        } else {
            self.rng.random_range(25..=90)
        };
        let partner_age = (head_age + self.rng.random_range(-6..=6)).clamp(22, 95);
        let surname = self.surname();
        let head_sex = if self.chance(65) { Sex::M } else { Sex::F };
        let civil_union = children == 0 && self.chance(4);
        let partner_sex = if civil_union {
            head_sex
        } else {
            opposite(head_sex)
        };
        let head_birth = self.birth_for_age(head_age);
        let partner_birth = self.birth_for_age(partner_age);
        let partner_surname = self.surname();
        let mut head = self.person(&surname, head_sex, head_birth, foreign, foreign);
        let mut partner = self.person(
            &partner_surname,
            partner_sex,
            partner_birth,
            foreign,
            foreign,
        );
        let youngest_adult = years_after(head_birth.max(partner_birth), 20);
        let latest_union = if children > 0 {
            years_after(self.today, -(children as i32) * 2 - 1)
        } else {
            self.today
        };
        let union_date = self.date_between(youngest_adult, latest_union.max(youngest_adult));
        let married = !civil_union && self.chance(85);
        head.relationship = Relationship::Head;
        partner.relationship = match (civil_union, married) {
            (true, _) => Relationship::CivilPartner,
            (false, true) => Relationship::Spouse,
            (false, false) => Relationship::Cohabitant,
        };
        for member in [&mut head, &mut partner] {
            member.member_from = union_date;
            member.row.registered_on = union_date;
        }
        let father_surname = if head_sex == Sex::M {
            surname.clone()
        } else {
            partner_surname.clone()
        };
        let mut members = Vec::new();
        let status = match (civil_union, married) {
            (true, _) => Some(CivilStatus::CivilUnion),
            (false, true) => Some(CivilStatus::Married),
            _ => None,
        };
        let (head_id, partner_id) = (head.row.id.to_string(), partner.row.id.to_string());
        let elderly = head_age > 72 && partner_age > 72;
        let partner_died = elderly && status.is_some() && self.chance(12);
        members.push(self.with_union(head, status, union_date, Some(partner_id)));
        members.push(self.with_union(partner, status, union_date, Some(head_id)));
        if partner_died {
            let death = self.date_between(years_after(union_date, 5).min(self.today), self.today);
            let survivor_status = if civil_union {
                CivilStatus::CivilUnionDissolvedByDeath
            } else {
                CivilStatus::Widowed
            };
            let deceased = &mut members[1];
            deceased.member_to = Some(death);
            deceased.row.deregistered_on = Some(death);
            deceased.row.death_date = Some(death);
            deceased.row.deregistration_reason = Some("death".to_owned());
            deceased.row.is_elector = false;
            deceased.row.electoral_section = None;
            members[0].statuses.push(StatusChange {
                status: survivor_status,
                from: death,
                partner_id: None,
            });
        }
        let mother_birth = if head_sex == Sex::F {
            head_birth
        } else {
            partner_birth
        };
        for _ in 0..children {
            let earliest = union_date.max(years_after(mother_birth, 18));
            let latest = years_after(mother_birth, 45).min(self.today);
            if earliest >= latest {
                break;
            }
            let birth = self.date_between(earliest, latest);
            let birthplace = self.italian_birthplace();
            let sex = self.sex();
            let mut child = self.person(&father_surname, sex, birth, Some(birthplace), foreign);
            child.relationship = Relationship::Child;
            child.member_from = birth;
            child.row.registered_on = birth;
            members.push(self.with_status(child, CivilStatus::Unmarried));
        }
        members
    }

    fn single_parent(&mut self, foreign: Option<&'static str>, room: usize) -> Vec<Member> {
        let children = (1 + self.weighted(&[60, 40])).min(room.saturating_sub(1));
        let parent_age = self.rng.random_range(30..=60);
        let sex = if self.chance(80) { Sex::F } else { Sex::M };
        let birth = self.birth_for_age(parent_age);
        let surname = self.surname();
        let mut parent = self.person(&surname, sex, birth, foreign, foreign);
        let since = self.date_between(years_after(birth, 22), years_after(self.today, -1));
        parent.relationship = Relationship::Head;
        parent.member_from = since;
        parent.row.registered_on = since;
        let status = if self.chance(60) {
            CivilStatus::Divorced
        } else {
            CivilStatus::Unmarried
        };
        let mut members = vec![self.with_status(parent, status)];
        for _ in 0..children {
            let birth = self.date_between(
                years_after(birth, 20),
                years_after(since, 1).min(self.today),
            );
            let (sex, birthplace) = (self.sex(), self.italian_birthplace());
            let mut child = self.person(&surname, sex, birth, Some(birthplace), foreign);
            child.relationship = Relationship::Child;
            child.member_from = since.max(birth);
            child.row.registered_on = since.max(birth);
            members.push(self.with_status(child, CivilStatus::Unmarried));
        }
        members
    }

    /// A couple with children and the widowed parent of the head, who joined later.
    fn extended(&mut self, foreign: Option<&'static str>, room: usize) -> Vec<Member> {
        let children = 1 + self.weighted(&[50, 50]);
        let mut members = self.couple(foreign, children, room.saturating_sub(1));
        if members.len() >= room {
            return members;
        }
        let head_birth = members[0].row.birth_date;
        let formed = members[0].member_from;
        let surname = self.surname();
        let birth = self.date_between(years_after(head_birth, -40), years_after(head_birth, -22));
        let mut parent = self.person(&surname, Sex::F, birth, foreign, foreign);
        let joined = self.date_between(formed, self.today);
        parent.relationship = Relationship::Parent;
        parent.member_from = joined;
        parent.row.registered_on = joined;
        members.push(self.with_status(parent, CivilStatus::Widowed));
        members
    }

    fn person(
        &mut self,
        surname: &str,
        sex: Sex,
        birth_date: NaiveDate,
        birthplace: Option<&'static str>,
        citizenship: Option<&'static str>,
    ) -> Member {
        let name = self.name(sex);
        let birth_place_code = birthplace.unwrap_or_else(|| self.italian_birthplace());
        let fiscal_code =
            self.unique_fiscal_code(surname, &name, sex, birth_date, birth_place_code);
        let italian = citizenship.is_none();
        let adult = years_after(birth_date, 18) <= self.today;
        let section = self.rng.random_range(1..=self.sections);
        Member {
            row: PersonRow {
                id: self.uuid().into(),
                fiscal_code,
                surname: surname.to_owned(),
                name,
                sex: sex.as_str().to_owned(),
                birth_date,
                birth_place_code: birth_place_code.to_owned(),
                citizenship: citizenship.unwrap_or(ITALIAN_CITIZENSHIP).to_owned(),
                is_elector: italian && adult,
                electoral_section: (italian && adult).then_some(section),
                registered_on: birth_date,
                deregistered_on: None,
                deregistration_reason: None,
                death_date: None,
            },
            relationship: Relationship::Head,
            member_from: birth_date,
            member_to: None,
            statuses: Vec::new(),
        }
    }

    fn unique_fiscal_code(
        &mut self,
        surname: &str,
        name: &str,
        sex: Sex,
        birth_date: NaiveDate,
        place: &str,
    ) -> String {
        let data = PersonalData {
            surname,
            name,
            sex,
            birth_date,
            birth_place_code: place,
        };
        let base = FiscalCode::compute(&data)
            .expect("generated names have letters and places are valid codes");
        (0..=7)
            .map(|level| base.with_omocodia(level).as_str().to_owned())
            .find(|code| self.used_codes.insert(code.clone()))
            .expect("eight omocodia levels always leave a free code among a few persons")
    }
}

mod draw;
mod write;

fn opposite(sex: Sex) -> Sex {
    match sex {
        Sex::M => Sex::F,
        Sex::F => Sex::M,
    }
}

/// The same day `years` later (earlier when negative), 28 February for 29 February.
pub fn years_after(date: NaiveDate, years: i32) -> NaiveDate {
    let year = date.year() + years;
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
        .unwrap_or(date)
}

fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}
