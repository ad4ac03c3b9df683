//! Prometheus figures: requests by route and status, and their latency; mail delivery
//! outcomes. Cheap to clone: every clone feeds the same registry.

use std::time::Duration;

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, Opts, Registry, TextEncoder,
};

#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    mail: IntCounterVec,
    certificate_phases: HistogramVec,
}

impl Metrics {
    pub fn new() -> Result<Metrics, prometheus::Error> {
        let registry = Registry::new_custom(Some("portale".to_owned()), None)?;
        let requests = IntCounterVec::new(
            Opts::new(
                "http_requests_total",
                "HTTP requests by method, route and status",
            ),
            &["method", "route", "status"],
        )?;
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "HTTP request latency by route",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ]),
            &["method", "route"],
        )?;
        let mail = IntCounterVec::new(
            Opts::new(
                "mail_deliveries_total",
                "Mail delivery attempts by outcome: sent, retry (temporary failure, tried again \
                 later), failed (given up), requeued (an administrator retried a failed mail)",
            ),
            &["outcome"],
        )?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        let certificate_phases = HistogramVec::new(
            HistogramOpts::new(
                "certificate_issue_phase_seconds",
                "Time to issue a certificate by phase: registry (reading the subject and the \
                 checks), document (wording, PDF, QR, seal, PAdES signature), store (insert and \
                 audit entry, one transaction)",
            )
            .buckets(vec![
                0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
            ]),
            &["phase"],
        )?;
        registry.register(Box::new(mail.clone()))?;
        registry.register(Box::new(certificate_phases.clone()))?;
        // Every outcome shows from the start, at 0, so rates and alerts need no special case.
        for outcome in ["sent", "retry", "failed", "requeued"] {
            mail.with_label_values(&[outcome]);
        }
        Ok(Metrics {
            registry,
            requests,
            latency,
            mail,
            certificate_phases,
        })
    }

    pub fn observe(&self, method: &str, route: &str, status: u16, elapsed: Duration) {
        self.requests
            .with_label_values(&[method, route, &status.to_string()])
            .inc();
        self.latency
            .with_label_values(&[method, route])
            .observe(elapsed.as_secs_f64());
    }

    pub fn observe_certificate_phase(&self, phase: &str, elapsed: Duration) {
        self.certificate_phases
            .with_label_values(&[phase])
            .observe(elapsed.as_secs_f64());
    }

    pub fn count_mail(&self, outcome: MailOutcome) {
        self.mail.with_label_values(&[outcome.label()]).inc();
    }

    pub fn render(&self) -> Result<String, prometheus::Error> {
        let mut buffer = Vec::new();
        TextEncoder::new().encode(&self.registry.gather(), &mut buffer)?;
        Ok(String::from_utf8_lossy(&buffer).into_owned())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailOutcome {
    Sent,
    Retry,
    Failed,
    Requeued,
}

impl MailOutcome {
    fn label(self) -> &'static str {
        match self {
            MailOutcome::Sent => "sent",
            MailOutcome::Retry => "retry",
            MailOutcome::Failed => "failed",
            MailOutcome::Requeued => "requeued",
        }
    }
}
