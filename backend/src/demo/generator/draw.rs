//! The random draws of the generator, all from its one seeded stream.

use chrono::NaiveDate;
use rand::Rng;

use super::{add_days, years_after, Generator};
use crate::demo::names::{FEMALE_NAMES, ITALIAN_BIRTHPLACES, MALE_NAMES, SURNAMES};
use crate::registry::rules::sex::Sex;

impl Generator {
    pub(super) fn chance(&mut self, percent: u32) -> bool {
        self.rng.random_range(0..100) < percent
    }

    /// An index drawn with the given weights.
    pub(super) fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut pick = self.rng.random_range(0..total.max(1));
        for (index, weight) in weights.iter().enumerate() {
            if pick < *weight {
                return index;
            }
            pick -= weight;
        }
        0
    }

    pub(super) fn sex(&mut self) -> Sex {
        if self.rng.random_bool(0.5) {
            Sex::M
        } else {
            Sex::F
        }
    }

    pub(super) fn surname(&mut self) -> String {
        SURNAMES[self.rng.random_range(0..SURNAMES.len())].to_owned()
    }

    pub(super) fn name(&mut self, sex: Sex) -> String {
        let names = match sex {
            Sex::M => MALE_NAMES,
            Sex::F => FEMALE_NAMES,
        };
        names[self.rng.random_range(0..names.len())].to_owned()
    }

    /// Nearby towns are likelier birthplaces than the far cities.
    pub(super) fn italian_birthplace(&mut self) -> &'static str {
        let bias = self.rng.random_range(0.0f64..1.0).powi(2);
        let index = (bias * ITALIAN_BIRTHPLACES.len() as f64) as usize;
        ITALIAN_BIRTHPLACES[index.min(ITALIAN_BIRTHPLACES.len() - 1)]
    }

    pub(super) fn birth_for_age(&mut self, age: i32) -> NaiveDate {
        let latest = years_after(self.today, -age);
        let earliest = add_days(years_after(self.today, -age - 1), 1);
        self.date_between(earliest, latest)
    }

    /// A day in `[from, to]`; `from` when the range is empty.
    pub(super) fn date_between(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let span = (to - from).num_days();
        if span <= 0 {
            return from;
        }
        add_days(from, self.rng.random_range(0..=span as u64))
    }

    pub(super) fn uuid(&mut self) -> String {
        uuid::Builder::from_random_bytes(self.rng.random())
            .into_uuid()
            .to_string()
    }
}
