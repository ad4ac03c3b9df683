//! Structured logs: JSON for machines (when stderr is not a terminal), readable for people.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use crate::platform::settings::LogFormat;

/// `PORTALE_LOG` (or `RUST_LOG`) filters, e.g. `info,portale=debug`.
pub fn init(format: LogFormat) {
    let filter = std::env::var("PORTALE_LOG")
        .or_else(|_| std::env::var("RUST_LOG"))
        .unwrap_or_else(|_| "info".to_owned());
    let filter = EnvFilter::try_new(&filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let json = match format {
        LogFormat::Json => true,
        LogFormat::Pretty => false,
        LogFormat::Auto => !std::io::stderr().is_terminal(),
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // A second initialisation (tests) is harmless: keep the first subscriber.
    let _ = if json {
        builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .try_init()
    } else {
        builder.try_init()
    };
}
