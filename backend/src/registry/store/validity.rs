//! The registry's validity periods. A period is `[valid_from, valid_to)`: `valid_to` is
//! the first day it no longer holds, `NULL` while it still does.

use chrono::NaiveDate;
use diesel::dsl::{And, Gt, IsNull, LtEq, Or};
use diesel::prelude::*;
use diesel::sql_types::{Date, Nullable};

/// The filter of the rows whose period holds on a date.
pub type ValidOn<From, To> = And<LtEq<From, NaiveDate>, Or<IsNull<To>, Gt<To, NaiveDate>>>;

/// `valid_from <= date AND (valid_to IS NULL OR valid_to > date)`, for the two columns
/// of one table's period.
pub fn valid_on<From, To>(valid_from: From, valid_to: To, date: NaiveDate) -> ValidOn<From, To>
where
    From: Expression<SqlType = Date>,
    To: Expression<SqlType = Nullable<Date>> + Copy,
{
    valid_from
        .le(date)
        .and(valid_to.is_null().or(valid_to.gt(date)))
}
