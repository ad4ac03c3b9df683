//! Feature-free building blocks every feature uses: settings, the database, the HTTP
//! edge, who is calling, the throttle, mail addresses, time and text. Nothing here
//! imports a feature.

pub mod auth;
pub mod creation;
pub mod db;
pub mod email;
pub mod federation;
pub mod hex;
pub mod http;
pub mod i18n;
pub mod id;
pub mod ip_range;
pub mod italian_calendar;
pub mod italian_time;
pub mod jose;
pub mod metrics;
pub mod settings;
pub mod telemetry;
pub mod throttle;
pub mod validation;
