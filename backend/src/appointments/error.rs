//! What can go wrong with a desk or an appointment, in the feature's own words.

use crate::platform::db::DbError;
use crate::platform::validation::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not found")]
    NotFound,
    /// Fields break the rules; each is named.
    #[error("invalid: {0:?}")]
    Invalid(Vec<FieldError>),
    /// The last place of the slot went to someone else.
    #[error("the slot is full")]
    SlotFull,
    /// The citizen already holds as many bookings at the desk as it allows.
    #[error("already {0} bookings at this desk")]
    TooManyBookings(u32),
    /// Too late to cancel online: the desk's notice has passed.
    #[error("too late to cancel")]
    TooLateToCancel,
    /// Attendance is recorded from the appointment's day on.
    #[error("attendance before the appointment's day")]
    AttendanceTooEarly,
    /// Cancelled, attended or missed: nothing more to do.
    #[error("the appointment is {0}")]
    Closed(String),
    #[error("document: {0}")]
    Internal(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for Error {
    fn from(error: diesel::result::Error) -> Error {
        Error::Db(error.into())
    }
}
