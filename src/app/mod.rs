//! The desktop window.

use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(_file: Option<PathBuf>) -> ExitCode {
    crate::cli::report_error("the argmap window is not built yet");
    ExitCode::from(crate::cli::EXIT_USAGE)
}
