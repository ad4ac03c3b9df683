//! Black-box tests of the API, run against SQLite by default and against PostgreSQL when
//! `PORTALE_TEST_DATABASE_URL` is set (the test command runs both).
#![allow(clippy::unwrap_used)]

mod accounts;
mod appointments;
mod audit;
mod auth;
mod backup;
mod catalogue;
mod certificates;
mod cli;
mod client_keys;
mod clients;
mod errors;
mod federation;
mod fiscal_code;
mod helpers;
mod mail;
mod matrix;
mod operations;
mod pdnd;
mod practices;
mod privileges;
mod rbac;
mod registrations;
mod registry;
mod self_declarations;
mod sessions;
mod smartcard;
mod spa;
mod staff;
mod webhooks;
