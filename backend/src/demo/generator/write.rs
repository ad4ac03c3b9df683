//! Turning the generated members into registry rows: family, addresses, memberships and
//! civil status periods.

use chrono::NaiveDate;
use rand::Rng;

use super::{years_after, Generator, Member, StatusChange};
use crate::demo::names::STREETS;
use crate::registry::rules::vocabulary::CivilStatus;
use crate::registry::store::families::{
    NewAddress, NewCivilStatus, NewFamily, NewMembership, RegistryBatch,
};

impl Generator {
    /// Unmarried from birth; for the widowed and divorced, a past marriage that ended.
    pub(super) fn with_status(&mut self, mut member: Member, status: CivilStatus) -> Member {
        let birth = member.row.birth_date;
        member.statuses.push(StatusChange {
            status: CivilStatus::Unmarried,
            from: birth,
            partner_id: None,
        });
        if matches!(status, CivilStatus::Widowed | CivilStatus::Divorced) {
            let married = self.date_between(
                years_after(birth, 22),
                years_after(birth, 40).min(self.today),
            );
            let ended = self.date_between(years_after(married, 2).min(self.today), self.today);
            member.statuses.push(StatusChange {
                status: CivilStatus::Married,
                from: married,
                partner_id: None,
            });
            member.statuses.push(StatusChange {
                status,
                from: ended.max(married),
                partner_id: None,
            });
        }
        member
    }

    pub(super) fn with_union(
        &mut self,
        member: Member,
        status: Option<CivilStatus>,
        union_date: NaiveDate,
        partner_id: Option<String>,
    ) -> Member {
        let mut member = self.with_status(member, CivilStatus::Unmarried);
        if let Some(status) = status {
            member.statuses.push(StatusChange {
                status,
                from: union_date,
                partner_id,
            });
        }
        member
    }

    pub(super) fn write_family(
        &mut self,
        members: Vec<Member>,
        batch: &mut RegistryBatch,
    ) -> usize {
        let family_id = self.uuid();
        let registry_number = self.next_registry_number;
        self.next_registry_number += 1;
        let formed_on = members
            .iter()
            .map(|m| m.member_from)
            .min()
            .unwrap_or(self.today);
        batch.families.push(NewFamily {
            id: family_id.clone(),
            registry_number,
            formed_on,
            dissolved_on: None,
        });
        let moved_on = self
            .chance(25)
            .then(|| self.date_between(formed_on, self.today))
            .filter(|d| *d > formed_on);
        let first_until = moved_on;
        let address =
            |generator: &mut Generator, from: NaiveDate, to: Option<NaiveDate>| NewAddress {
                family_id: family_id.clone(),
                street: STREETS[generator.rng.random_range(0..STREETS.len())].to_owned(),
                house_number: generator.rng.random_range(1..=180).to_string(),
                interior: generator
                    .chance(30)
                    .then(|| generator.rng.random_range(1..=12).to_string()),
                postcode: crate::demo::DEMO_POSTCODE.to_owned(),
                valid_from: from,
                valid_to: to,
            };
        batch.addresses.push(address(self, formed_on, first_until));
        if let Some(moved) = moved_on {
            batch.addresses.push(address(self, moved, None));
        }
        let count = members.len();
        for member in members {
            batch.memberships.push(NewMembership {
                person_id: member.row.id.to_string(),
                family_id: family_id.clone(),
                relationship: member.relationship.as_str().to_owned(),
                valid_from: member.member_from,
                valid_to: member.member_to,
            });
            let ends = member
                .statuses
                .iter()
                .skip(1)
                .map(|s| Some(s.from))
                .chain(std::iter::once(None));
            for (change, valid_to) in member.statuses.iter().zip(ends) {
                batch.civil_statuses.push(NewCivilStatus {
                    person_id: member.row.id.to_string(),
                    status: change.status.as_str().to_owned(),
                    partner_id: change.partner_id.clone(),
                    event_place_code: None,
                    valid_from: change.from,
                    valid_to,
                });
            }
            batch.persons.push(member.row);
        }
        count
    }
}
