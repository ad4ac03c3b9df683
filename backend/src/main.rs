use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = portale::cli::Cli::parse();
    match portale::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("portale: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
