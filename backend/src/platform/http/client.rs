//! The client's address, for throttling and the audit log. Forwarded headers are
//! believed only when the operator says a trusted proxy sets them: otherwise anyone
//! could pick the address an IP lock applies to.

use std::net::IpAddr;

use actix_web::{web, HttpRequest};

use crate::platform::http::AppState;

pub fn client_ip(req: &HttpRequest) -> Option<String> {
    let trust_proxy = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|state| state.settings.trust_proxy_headers);
    if trust_proxy {
        let info = req.connection_info();
        return info.realip_remote_addr().map(strip_port);
    }
    req.peer_addr().map(|addr| addr.ip().to_string())
}

/// Where a request comes from, for a decision a client must not be able to steer by
/// writing headers itself (who may read `/metrics`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientOrigin {
    /// The address of the client, as far as it can be known.
    Address(IpAddr),
    /// Relayed by a proxy whose forwarding headers are not believed, or whose headers
    /// disagree: the client's address is unknown.
    Unknown,
}

const FORWARDING_HEADERS: [&str; 3] = ["forwarded", "x-forwarded-for", "x-real-ip"];

/// The client's address for access decisions. Without `trust_proxy_headers` it is the
/// peer, unless the request carries forwarding headers (then a proxy relayed it and
/// the client is unknown). With it, the address the *nearest* proxy reports: the last
/// entry of `X-Forwarded-For` / `Forwarded`, the one the trusted proxy appended — not
/// the first, which the client may have written itself.
pub fn access_origin(req: &HttpRequest) -> ClientOrigin {
    let trust_proxy = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|state| state.settings.trust_proxy_headers);
    let headers = req.headers();
    let values = |name: &str| -> Vec<String> {
        headers
            .get_all(name)
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect()
    };
    let relayed = FORWARDING_HEADERS
        .iter()
        .any(|name| headers.contains_key(*name));
    let peer = req.peer_addr().map(|addr| addr.ip());
    if !relayed {
        return peer.map_or(ClientOrigin::Unknown, ClientOrigin::Address);
    }
    if !trust_proxy {
        return ClientOrigin::Unknown;
    }
    nearest_reported(
        &values("x-forwarded-for"),
        &values("forwarded"),
        &values("x-real-ip"),
    )
    .map_or(ClientOrigin::Unknown, ClientOrigin::Address)
}

/// The last hop of each forwarding header present; they must agree.
fn nearest_reported(
    forwarded_for: &[String],
    forwarded: &[String],
    real_ip: &[String],
) -> Option<IpAddr> {
    let last_entry = |values: &[String]| -> Option<String> {
        let joined = values.join(",");
        joined.rsplit(',').next().map(|s| s.trim().to_owned())
    };
    let mut candidates = Vec::new();
    if !forwarded_for.is_empty() {
        candidates.push(last_entry(forwarded_for).map(|e| strip_port(&e)));
    }
    if !forwarded.is_empty() {
        let element = last_entry(forwarded).unwrap_or_default();
        let node = element.split(';').find_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            key.trim()
                .eq_ignore_ascii_case("for")
                .then(|| strip_port(value.trim().trim_matches('"')))
        });
        candidates.push(node);
    }
    if !real_ip.is_empty() {
        candidates.push(last_entry(real_ip).map(|e| strip_port(&e)));
    }
    let mut addresses = candidates
        .into_iter()
        .map(|c| c.and_then(|c| c.parse::<IpAddr>().ok()));
    let first = addresses.next()??;
    addresses.all(|other| other == Some(first)).then_some(first)
}

/// `192.0.2.1:5000` → `192.0.2.1`, `[2001:db8::1]:443` → `2001:db8::1`; anything else as is.
fn strip_port(address: &str) -> String {
    if let Ok(socket) = address.parse::<std::net::SocketAddr>() {
        return socket.ip().to_string();
    }
    let bare = address.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.to_string(),
        Err(_) => address.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::{nearest_reported, strip_port};

    #[test]
    fn ports_are_stripped_from_addresses() {
        assert_eq!(strip_port("192.0.2.1:5000"), "192.0.2.1");
        assert_eq!(strip_port("192.0.2.1"), "192.0.2.1");
        assert_eq!(strip_port("[2001:db8::1]:443"), "2001:db8::1");
        assert_eq!(strip_port("2001:db8::1"), "2001:db8::1");
        assert_eq!(strip_port("unknown"), "unknown");
    }

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| (*v).to_owned()).collect()
    }

    #[test]
    fn the_nearest_proxy_reports_the_client_and_a_spoofed_first_hop_is_ignored() {
        let ip = |s: &str| Some(s.parse().unwrap());
        // The client wrote `127.0.0.1`; the proxy appended what it saw.
        let spoofed = strings(&["127.0.0.1, 203.0.113.9"]);
        assert_eq!(nearest_reported(&spoofed, &[], &[]), ip("203.0.113.9"));
        let repeated = strings(&["127.0.0.1", "203.0.113.9"]);
        assert_eq!(nearest_reported(&repeated, &[], &[]), ip("203.0.113.9"));
        let forwarded = strings(&["for=127.0.0.1, for=\"[2001:db8::7]:4711\";proto=https"]);
        assert_eq!(nearest_reported(&[], &forwarded, &[]), ip("2001:db8::7"));
        assert_eq!(
            nearest_reported(&[], &[], &strings(&["192.0.2.4"])),
            ip("192.0.2.4")
        );
        // Headers that disagree, or name no address, leave the client unknown.
        let other = strings(&["for=192.0.2.1"]);
        assert_eq!(nearest_reported(&spoofed, &other, &[]), None);
        assert_eq!(nearest_reported(&strings(&["unknown"]), &[], &[]), None);
        assert_eq!(nearest_reported(&[], &strings(&["proto=https"]), &[]), None);
    }
}
