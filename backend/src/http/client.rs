//! The client's address, for throttling and the audit log. Forwarded headers are
//! believed only when the operator says a trusted proxy sets them: otherwise anyone
//! could pick the address an IP lock applies to.

use actix_web::{web, HttpRequest};

use crate::AppState;

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

fn strip_port(address: &str) -> String {
    match address.parse::<std::net::SocketAddr>() {
        Ok(socket) => socket.ip().to_string(),
        Err(_) => address.trim_matches(['[', ']']).to_owned(),
    }
}
