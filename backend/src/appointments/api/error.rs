//! The one place where the appointments' errors become HTTP answers.

use crate::appointments::Error;
use crate::platform::http::error::ApiError;
use crate::platform::i18n::Text;

impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        match error {
            Error::NotFound => ApiError::NotFound,
            Error::Invalid(fields) => ApiError::Validation(fields),
            Error::SlotFull => ApiError::conflict(
                "slot_full",
                "Il posto scelto è stato appena prenotato da un'altra persona: scegliere un altro orario.",
                "The place chosen has just been booked by someone else: choose another time.",
            ),
            Error::TooManyBookings(limit) => ApiError::conflict(
                "too_many_bookings",
                &format!("Presso questo sportello si possono avere al massimo {limit} appuntamenti in corso: annullarne uno per prenotarne un altro."),
                &format!("At this desk one may hold at most {limit} upcoming appointments: cancel one to book another."),
            ),
            Error::TooLateToCancel => ApiError::conflict(
                "too_late_to_cancel",
                "Il termine per annullare online è scaduto: contattare l'Ufficio.",
                "The time to cancel online has passed: please contact the office.",
            ),
            Error::Closed(state) => ApiError::conflict(
                "appointment_closed",
                &format!("L'appuntamento non è più prenotato (stato: {state})."),
                &format!("The appointment is no longer booked (state: {state})."),
            ),
            Error::AttendanceTooEarly => ApiError::unprocessable(
                "attendance_too_early",
                Text::new(
                    "La presenza si registra dal giorno dell'appuntamento.",
                    "Attendance is recorded from the day of the appointment.",
                ),
            ),
            Error::Db(db) => db.into(),
            Error::Internal(_) => ApiError::internal(error),
        }
    }
}
