use argmap::cli::{Cli, run};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let window = cli.command.is_none();
    // RUST_LOG picks what is shown (e.g. `RUST_LOG=debug`, `RUST_LOG=eframe=debug,winit=info`).
    // Without it the window shows warnings from eframe, winit, glow and the file dialogs; the
    // command line shows only errors, so its own messages stay the only thing on stderr.
    let default = if window { "warn" } else { "error" };
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or(default)).init();
    // Crash reports go beside the crash-recovery files; nothing is sent anywhere.
    argmap::crash::install(argmap::app::recovery_folder());
    argmap::crash::note_command(&format!(
        "start: {}",
        std::env::args().collect::<Vec<_>>().join(" ")
    ));
    match cli.command {
        Some(command) => run(command),
        None => argmap::app::run(cli.file, cli.present),
    }
}
