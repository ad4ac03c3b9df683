//! The client's address, for throttling and the audit log. Forwarded headers are
//! believed only when the operator says a trusted proxy sets them: otherwise anyone
//! could pick the address an IP lock applies to.

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
    use super::strip_port;

    #[test]
    fn ports_are_stripped_from_addresses() {
        assert_eq!(strip_port("192.0.2.1:5000"), "192.0.2.1");
        assert_eq!(strip_port("192.0.2.1"), "192.0.2.1");
        assert_eq!(strip_port("[2001:db8::1]:443"), "2001:db8::1");
        assert_eq!(strip_port("2001:db8::1"), "2001:db8::1");
        assert_eq!(strip_port("unknown"), "unknown");
    }
}
