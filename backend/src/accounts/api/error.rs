//! The one place where the accounts feature's errors become HTTP answers.

use crate::accounts::rules::privileges::Overreach;
use crate::accounts::rules::username::UsernameProblem;
use crate::accounts::Error;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::i18n::Text;

impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        let code = error.code();
        match error {
            Error::InvalidCredentials => ApiError::unauthorized(
                code,
                "Credenziali non valide: controllare codice fiscale (o nome utente) e password.",
                "Invalid credentials: check the tax code (or user name) and the password.",
            ),
            Error::InvalidRefreshToken => ApiError::unauthorized(
                code,
                "La sessione è terminata: accedere di nuovo.",
                "The session has ended: please log in again.",
            ),
            Error::SmartCardMissing => ApiError::unauthorized(
                code,
                "Per accedere con la Carta Nazionale dei Servizi occorre inserire la carta nel lettore e scegliere il certificato di autenticazione quando il browser lo richiede.",
                "To log in with the smart card (CNS/CRS), insert it in the reader and choose its authentication certificate when the browser asks for it.",
            ),
            Error::SmartCardUnreadable => ApiError::unauthorized(
                code,
                "Il certificato della carta non riporta un codice fiscale valido: non è possibile accedere con questa carta.",
                "The card's certificate carries no valid tax code: this card cannot be used to log in.",
            ),
            Error::SmartCardNotRegistered => ApiError::unauthorized(
                code,
                "Nessun utente del portale corrisponde al codice fiscale della carta: occorre prima registrarsi.",
                "No portal account matches the tax code on the card: please register first.",
            ),
            Error::LoginTicketInvalid => ApiError::unauthorized(
                code,
                "L'accesso con SPID o CIE non è più valido (già usato o scaduto): ripetere l'accesso.",
                "The SPID or CIE login is no longer valid (already used or expired): please log in again.",
            ),
            Error::PendingIdentification => ApiError::forbidden(
                code,
                "L'account è in attesa di identificazione: presentarsi allo Sportello Unico con un documento d'identità valido.",
                "The account awaits identification: please come to the Sportello Unico with a valid identity document.",
            ),
            Error::Locked => ApiError::forbidden(
                code,
                "L'account è bloccato. Rivolgersi all'Ufficio Servizi Demografici.",
                "The account is locked. Please contact the registry office.",
            ),
            Error::Rejected => ApiError::forbidden(
                code,
                "La richiesta di registrazione non è stata accolta. Rivolgersi all'Ufficio Servizi Demografici.",
                "The registration was not accepted. Please contact the registry office.",
            ),
            Error::RegistrationClosed => ApiError::forbidden(
                code,
                "In questo Comune non è più possibile registrarsi al portale con codice fiscale e password: per accedere si usano gli strumenti indicati nella pagina «Come accedere».",
                "This municipality no longer accepts registrations with tax code and password: please use the means listed on the “How to access” page.",
            ),
            Error::Overreach(overreach) => {
                let (it, en) = match overreach {
                    Overreach::OwnGroups => (
                        "Non è possibile modificare i gruppi del proprio account: occorre un altro amministratore.",
                        "You cannot change the groups of your own account: another administrator must.",
                    ),
                    Overreach::BeyondOwnPermissions => (
                        "Non è possibile attribuire permessi che non si possiedono.",
                        "You cannot grant permissions you do not hold.",
                    ),
                    Overreach::MorePrivilegedAccount => (
                        "Questo account ha permessi che lei non possiede: può modificarlo solo chi li possiede.",
                        "This account holds permissions you do not: only someone who holds them may change it.",
                    ),
                    Overreach::AdministrationWithoutGroupsManage => (
                        "I gruppi che amministrano utenti o gruppi si attribuiscono solo con il permesso di gestione dei gruppi.",
                        "Groups that administer accounts or groups can be given only with the permission to manage groups.",
                    ),
                    Overreach::StaffGroupForCitizen => (
                        "Un account di cittadino non può far parte di un gruppo con permessi di back office.",
                        "A citizen's account cannot join a group with back-office permissions.",
                    ),
                };
                if overreach == Overreach::StaffGroupForCitizen {
                    ApiError::unprocessable(code, Text::new(it, en))
                } else {
                    ApiError::forbidden(code, it, en)
                }
            }
            Error::LastAdministrator => ApiError::conflict(
                code,
                "L'operazione lascerebbe il portale senza alcun amministratore attivo in grado di gestire utenti e gruppi.",
                "This would leave the portal with no active administrator able to manage accounts and groups.",
            ),
            Error::BadUsername(problem) => ApiError::Validation(vec![FieldError::new(
                "username",
                username_problem(problem),
            )]),
            Error::UnknownGroups(unknown) => ApiError::Validation(
                unknown
                    .into_iter()
                    .map(|group| {
                        FieldError::new(
                            "group_ids",
                            Text::new(
                                format!("Gruppo inesistente: {group}."),
                                format!("No such group: {group}."),
                            ),
                        )
                    })
                    .collect(),
            ),
            Error::UsernameTaken => ApiError::conflict(
                code,
                "Il nome utente è già usato da un altro account: sceglierne un altro.",
                "The user name is already used by another account: please choose another.",
            ),
            Error::AdministratorExists(_) => ApiError::conflict(
                code,
                "Esiste già un amministratore attivo.",
                "An active administrator exists already.",
            ),
            Error::Throttled(throttled) => throttled.into(),
            Error::Db(db) => db.into(),
            Error::Token(_) | Error::Corrupt(_) => ApiError::internal(error),
        }
    }
}

/// What is wrong with a user name, in words.
pub fn username_problem(problem: UsernameProblem) -> Text {
    match problem {
        UsernameProblem::TooShort => Text::new(
            "Il nome utente deve avere almeno 3 caratteri.",
            "The user name must have at least 3 characters.",
        ),
        UsernameProblem::TooLong => Text::new(
            "Il nome utente può avere al massimo 32 caratteri.",
            "The user name may have at most 32 characters.",
        ),
        UsernameProblem::ForbiddenCharacter => Text::new(
            "Il nome utente può contenere solo lettere minuscole non accentate, cifre, punto, trattino e trattino basso.",
            "The user name may contain only lower-case letters without accents, digits, dot, dash and underscore.",
        ),
    }
}
