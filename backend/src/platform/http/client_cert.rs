//! The client certificate of a TLS connection, handed from the handshake to the handlers.
//! rustls has verified it before [`capture`] runs (see `http::tls`): a certificate found
//! here chains to a configured CA and is valid now.

use std::any::Any;
use std::sync::Arc;

use actix_tls::accept::rustls_0_23::TlsStream;
use actix_web::dev::Extensions;
use actix_web::rt::net::TcpStream;
use actix_web::HttpRequest;

/// The verified leaf certificate (DER) the client presented, one per connection.
#[derive(Debug, Clone)]
pub struct ClientCertificate(pub Arc<Vec<u8>>);

impl ClientCertificate {
    pub fn der(&self) -> &[u8] {
        &self.0
    }
}

/// `HttpServer::on_connect` callback: keeps the leaf certificate of a TLS connection in
/// the connection's extensions, where every request on it can read it.
pub fn capture(connection: &dyn Any, extensions: &mut Extensions) {
    let Some(tls) = connection.downcast_ref::<TlsStream<TcpStream>>() else {
        return;
    };
    let (_, session) = tls.get_ref();
    if let Some(leaf) = session.peer_certificates().and_then(|chain| chain.first()) {
        extensions.insert(ClientCertificate(Arc::new(leaf.to_vec())));
    }
}

impl ClientCertificate {
    /// The certificate of the request's connection; none over plain HTTP, or when the
    /// visitor chose none (no card in the reader).
    pub fn of(req: &HttpRequest) -> Option<ClientCertificate> {
        req.conn_data::<ClientCertificate>().cloned()
    }
}
