//! The command line: `argmap [FILE]`, `argmap check`, `argmap export`.

mod check;
mod export;
mod fmt;

use crate::export::{Background, ExportFormat, ExportOptions};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit code for a map with errors (`check`, `export`).
pub const EXIT_INVALID: u8 = 1;
/// Exit code for usage and I/O problems (clap uses it too).
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "argmap",
    version,
    about = "Map arguments: claims, evidence and counterpoints, with their sources.",
    long_about = "Map arguments: claims, evidence and counterpoints, with their sources.\n\n\
        With no command, opens FILE in the argmap window (or the bundled example map when no \
        FILE is given).",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Map file to open in the window; created on first save if it does not exist.
    pub file: Option<PathBuf>,

    /// Start in presentation mode (full screen, step by step; Esc leaves).
    #[arg(long)]
    pub present: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check map files and print every problem as FILE:LINE:COL: error|warning: message.
    ///
    /// Exits 0 when no file has errors (warnings allowed), 1 when a file has errors,
    /// 2 when a file cannot be read.
    Check {
        /// Map files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Rewrite map files in the canonical form argmap saves (like `cargo fmt`).
    ///
    /// Hand edits and merges then diff cleanly against maps saved by the app.
    Fmt {
        /// Map files to rewrite.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Change nothing; exit 1 if any file is not in canonical form.
        #[arg(long)]
        check: bool,
    },
    /// Write a map in another format, chosen by the output's extension or --format.
    Export {
        /// The map to export.
        file: PathBuf,
        /// Output file; `-` writes to standard output (then --format is required).
        #[arg(long = "to", short = 'o', value_name = "OUT")]
        to: PathBuf,
        /// Output format, when the extension does not say.
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Pixels per map unit for PNG output.
        #[arg(long, default_value_t = 2.0)]
        scale: f32,
        /// Background of PNG/SVG/PDF output.
        #[arg(long, value_enum, default_value_t = Background::White)]
        background: Background,
        /// Leave the legend out of pictures.
        #[arg(long)]
        no_legend: bool,
    },
}

/// Runs a subcommand; `None` means no subcommand was given and the window should open.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { files } => check::run(&files),
        Command::Export {
            file,
            to,
            format,
            scale,
            background,
            no_legend,
        } => {
            let options = ExportOptions {
                scale,
                background,
                legend: !no_legend,
            };
            export::run(&file, &to, format, &options)
        }
        Command::Fmt { files, check } => fmt::run(&files, check),
    }
}

/// Prints `argmap: error: …` to stderr: the one-line form every CLI failure takes.
pub fn report_error(message: impl std::fmt::Display) {
    eprintln!("argmap: error: {message}");
}
