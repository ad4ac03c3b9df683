//! What the HTTP benchmarks share: the database they run on.

/// A fresh PostgreSQL database when `BENCH_POSTGRES_URL` names a server, else a SQLite
/// file in `dir`.
pub fn database_url(bench: &str, dir: &std::path::Path) -> String {
    match std::env::var("BENCH_POSTGRES_URL") {
        Ok(admin) => {
            let name = format!("portale_bench_{bench}_{}", std::process::id());
            let status = std::process::Command::new("psql")
                .args([
                    &admin,
                    "-qc",
                    &format!("DROP DATABASE IF EXISTS {name}"),
                    "-c",
                    &format!("CREATE DATABASE {name}"),
                ])
                .status()
                .expect("psql");
            assert!(status.success());
            format!(
                "{}/{name}",
                admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b)
            )
        }
        Err(_) => dir.join("portale.sqlite3").to_string_lossy().into_owned(),
    }
}
