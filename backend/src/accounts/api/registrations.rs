//! Online registration (seed 001): the citizen's data, checked against the codice
//! fiscale; a generated password by e-mail; the account waits for identification at the
//! counter. An accessible proof of work stands in for the image captcha.

use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::registration_challenge::{check_challenge, ProofOfWork};
use crate::accounts::password;
use crate::accounts::store::accounts::{self, NewRegistration};
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::mail::{self, Email, NewMail};
use crate::platform::auth::tokens::TokenKeys;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::platform::i18n::Text;
use crate::platform::throttle::rule::ThrottleRule;
use crate::registry::places::{self, PlaceKind};
use crate::registry::rules::fiscal_code::{FiscalCode, PersonalData};
use crate::registry::rules::sex::Sex;

/// Registrations from one address: ten an hour.
const PER_ADDRESS: ThrottleRule = ThrottleRule {
    window: chrono::Duration::hours(1),
    lock_at_failure: 10,
    first_lock: chrono::Duration::hours(1),
    max_lock: chrono::Duration::hours(6),
};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResidenceAddress {
    pub province: Option<String>,
    pub municipality: Option<String>,
    pub street: Option<String>,
    pub number: Option<String>,
}

/// The registration form of seed 001; starred fields there are required here.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "surname": "Rossi", "name": "Mario", "sex": "M", "birth_date": "1985-12-10",
    "birth_country": "IT", "birth_place_code": "H501", "fiscal_code": "RSSMRA85T10H501O",
    "email": "mario.rossi@example.org",
    "proof_of_work": {"challenge": "…", "nonce": "48213"}
}))]
pub struct RegistrationRequest {
    pub surname: String,
    pub name: String,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    /// `IT`, or the Belfiore code (`Z…`) of the foreign state of birth.
    #[schema(example = "IT")]
    pub birth_country: String,
    /// Belfiore code of the Italian municipality of birth; only when born in Italy.
    #[schema(example = "H501")]
    pub birth_place_code: Option<String>,
    pub fiscal_code: String,
    pub email: String,
    pub pec: Option<String>,
    pub phone: Option<String>,
    pub residence: Option<ResidenceAddress>,
    pub proof_of_work: ProofOfWork,
}

#[derive(Serialize, ToSchema)]
pub struct RegistrationAccepted {
    pub id: String,
    #[schema(example = "pending_identification")]
    pub status: String,
    /// What happens next, in the caller's language.
    pub next_steps: String,
}

/// Registration with a password can be switched off (SPEC §2: the law now wants SPID, CIE
/// or CNS); the challenge is refused too, so that the form says so before it is filled.
pub(super) fn ensure_open(state: &AppState) -> Result<(), ApiError> {
    if state.settings.registration_enabled {
        Ok(())
    } else {
        Err(crate::accounts::Error::RegistrationClosed.into())
    }
}

fn required(value: &str, field: &str, errors: &mut Vec<FieldError>) -> String {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > 100 {
        errors.push(FieldError::new(
            field,
            Text::new(
                "Campo obbligatorio (massimo 100 caratteri).",
                "Required (at most 100 characters).",
            ),
        ));
    }
    value.to_owned()
}

fn optional(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// Registers a citizen. The codice fiscale must be valid and match surname, name, sex,
/// birth date and birthplace (omocodia accepted); one account per codice fiscale (409).
/// A generated password is e-mailed; the account stays pending until an operator
/// identifies the person at the counter.
#[utoipa::path(
    tag = "auth",
    request_body = RegistrationRequest,
    responses(
        (status = 201, body = RegistrationAccepted),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
        (status = 429, response = crate::platform::http::responses::TooManyRequests),
    )
)]
#[post("/registrations")]
pub async fn register(
    req: HttpRequest,
    state: web::Data<AppState>,
    tokens: web::Data<TokenKeys>,
    body: Json<RegistrationRequest>,
) -> Result<HttpResponse, ApiError> {
    ensure_open(&state)?;
    let body = body.0;
    let lang = crate::platform::i18n::Lang::from_headers(req.headers());
    let mut errors = Vec::new();
    if let Err(error) = check_challenge(&tokens, &body.proof_of_work) {
        errors.push(error);
    }
    let surname = required(&body.surname, "surname", &mut errors);
    let name = required(&body.name, "name", &mut errors);
    let today = Utc::now().date_naive();
    if body.birth_date > today
        || body.birth_date < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(body.birth_date)
    {
        errors.push(FieldError::new(
            "birth_date",
            Text::new("Data di nascita non valida.", "Not a valid birth date."),
        ));
    }
    let birth_place = birth_place(&body, &mut errors);
    let email = Email::parse(&body.email).map_err(|_| {
        errors.push(FieldError::new(
            "email",
            Text::new(
                "Indirizzo di posta elettronica non valido.",
                "Not a valid e-mail address.",
            ),
        ))
    });
    let pec = optional(body.pec.clone());
    if pec.as_deref().is_some_and(|p| Email::parse(p).is_err()) {
        errors.push(FieldError::new(
            "pec",
            Text::new(
                "Indirizzo PEC non valido.",
                "Not a valid certified e-mail (PEC) address.",
            ),
        ));
    }
    let fiscal_code = match FiscalCode::parse(&body.fiscal_code) {
        Ok(code) => Some(code),
        Err(error) => {
            errors.push(FieldError::new(
                "fiscal_code",
                crate::registry::rules::fiscal_code::describe(&error),
            ));
            None
        }
    };
    if let (Some(code), Some(place)) = (&fiscal_code, &birth_place) {
        let data = PersonalData {
            surname: &surname,
            name: &name,
            sex: body.sex,
            birth_date: body.birth_date,
            birth_place_code: place,
        };
        if !code.matches(&data) {
            errors.push(FieldError::new(
                "fiscal_code",
                Text::new(
                    "Il codice fiscale non corrisponde a cognome, nome, sesso, data e luogo di nascita indicati.",
                    "The tax code does not match the surname, name, sex, date and place of birth given.",
                ),
            ));
        }
    }
    let (Some(code), Some(place), Ok(email)) = (fiscal_code, birth_place, email) else {
        return Err(ApiError::Validation(errors));
    };
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }

    let generated = password::generate();
    let hash = password::hash(&generated).map_err(ApiError::internal)?;
    let residence = body.residence;
    let registration = NewRegistration {
        id: uuid::Uuid::now_v7().to_string(),
        role: "citizen".to_owned(),
        fiscal_code: Some(code.as_str().to_owned()),
        surname,
        name,
        sex: Some(body.sex.as_str().to_owned()),
        birth_date: Some(body.birth_date),
        birth_place_code: Some(place),
        email: Some(email.as_str().to_owned()),
        pec,
        phone: optional(body.phone),
        address_province: residence
            .as_ref()
            .and_then(|r| optional(r.province.clone())),
        address_municipality: residence
            .as_ref()
            .and_then(|r| optional(r.municipality.clone())),
        address_street: residence.as_ref().and_then(|r| optional(r.street.clone())),
        address_number: residence.as_ref().and_then(|r| optional(r.number.clone())),
        password_hash: Some(hash),
        status: "pending_identification".to_owned(),
        must_change_password: true,
        created_at: mail::now_utc(),
    };
    let welcome = welcome_mail(&state, email, &registration, &generated);
    let origin = Origin::from_request(&req);
    let id = registration.id.clone();
    state
        .db
        .run(move |conn| {
            if let Some(ip) = &origin.ip {
                crate::platform::throttle::charge(conn, &format!("register:{ip}"), &PER_ADDRESS)?;
            }
            crate::platform::db::transaction(conn, |conn| {
                if !accounts::insert_registration(conn, &registration)? {
                    return Err(ApiError::Conflict {
                        code: "account_exists",
                        detail: Text::new(
                            "Esiste già un account per questo codice fiscale. Per accedere usare la password ricevuta o la procedura di recupero.",
                            "An account already exists for this tax code. Log in with the password you received, or recover it.",
                        ),
                    });
                }
                mail::enqueue(conn, &welcome)?;
                let label = format!("{} {} ({})", registration.surname, registration.name, code.as_str());
                let entry = AuditEntry::new(Actor { id: Some(&registration.id), label: &label }, actions::ACCOUNT_REGISTERED)
                    .subject("account", &registration.id);
                audit::record(conn, &origin, entry)?;
                Ok(())
            })
        })
        .await?;
    let next_steps = Text::new(
        "Registrazione ricevuta. La password è stata inviata all'indirizzo e-mail indicato. Per attivare l'account presentarsi allo Sportello Unico con un documento d'identità valido.",
        "Registration received. The password has been sent to the e-mail address given. To activate the account, come to the Sportello Unico with a valid identity document.",
    );
    Ok(HttpResponse::Created().json(RegistrationAccepted {
        id,
        status: "pending_identification".to_owned(),
        next_steps: next_steps.get(lang).to_owned(),
    }))
}

/// The Belfiore code the codice fiscale must carry: the comune for births in Italy, the
/// foreign state otherwise; it must exist on the birth date.
fn birth_place(body: &RegistrationRequest, errors: &mut Vec<FieldError>) -> Option<String> {
    let country = body.birth_country.trim().to_uppercase();
    let (field, code, kind) = if country == "IT" {
        let code = body
            .birth_place_code
            .as_deref()
            .unwrap_or("")
            .trim()
            .to_uppercase();
        ("birth_place_code", code, PlaceKind::Comune)
    } else {
        ("birth_country", country, PlaceKind::State)
    };
    match places::by_code_at(&code, body.birth_date).filter(|p| p.kind == kind) {
        Some(place) => Some(place.code.clone()),
        None => {
            errors.push(FieldError::new(
                field,
                Text::new(
                    "Luogo di nascita non riconosciuto.",
                    "Place of birth not recognised.",
                ),
            ));
            None
        }
    }
}

fn welcome_mail(
    state: &AppState,
    to: Email,
    registration: &NewRegistration,
    password: &str,
) -> NewMail {
    let municipality = &state.settings.municipality;
    let office = &municipality.office;
    let body = format!(
        "Gentile {name} {surname},\n\n\
         la Sua richiesta di registrazione al Portale dei Servizi Demografici del {municipality} è stata ricevuta.\n\n\
         Codice utente (codice fiscale): {code}\n\
         Password provvisoria: {password}\n\n\
         Per attivare l'account è necessario presentarsi allo Sportello Unico ({address}, {city}) con un documento \
         d'identità in corso di validità. Al primo accesso Le sarà chiesto di scegliere una nuova password.\n\n\
         Se non ha richiesto la registrazione, ignori questo messaggio.\n\n\
         {office_name} - {municipality}\n{base}\n",
        name = registration.name,
        surname = registration.surname,
        municipality = municipality.name,
        code = registration.fiscal_code.as_deref().unwrap_or_default(),
        address = office.address,
        city = office.city,
        office_name = office.name,
        base = state.settings.effective_public_base_url(),
    );
    NewMail::new(
        to,
        format!(
            "{}: registrazione al Portale dei Servizi Demografici",
            municipality.name
        ),
        body,
    )
}
