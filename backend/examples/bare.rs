//! The floor of the benchmarks: a bare actix-web server on the same runtime settings as
//! `portale serve` (2 workers), answering a fixed 1.9 KB JSON body, with no middleware,
//! no database and no authentication. `bench/profile.sh` measures it in the same run as
//! the portal's hot paths, so the portal's figures read as a fraction of this one.
//!   cargo run --release --example bare -- 127.0.0.1:PORT

use actix_web::{web, App, HttpResponse, HttpServer};

fn body() -> String {
    // About the size of a family record answer.
    let members: Vec<String> = (0..6)
        .map(|i| {
            format!(
                r#"{{"id":"p-{i:032}","surname":"ROSSI","name":"MEMBRO {i}","fiscal_code":"RSSMRA80A01H501{i}","born_on":"1980-01-0{d}","relationship":"figlio","sex":"M","citizenship":"italiana","birth_place":"Valdoria (XX)","registered_since":"2001-05-12"}}"#,
                d = i + 1
            )
        })
        .collect();
    format!(
        r#"{{"family_id":"f-000000000000000000000001","address":"Via Roma 1, 00099 Valdoria","situation_date":"2026-12-06","members":[{}]}}"#,
        members.join(",")
    )
}

fn main() -> std::io::Result<()> {
    let bind = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8099".to_owned());
    let body = web::Data::new(body());
    actix_web::rt::System::new().block_on(async move {
        HttpServer::new(move || {
            App::new().app_data(body.clone()).route(
                "/",
                web::get().to(|body: web::Data<String>| async move {
                    HttpResponse::Ok()
                        .content_type("application/json")
                        .body(body.get_ref().clone())
                }),
            )
        })
        .workers(2)
        .bind(bind)?
        .run()
        .await
    })
}
