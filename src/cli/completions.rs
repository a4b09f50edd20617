//! `argmap completions SHELL`: the shell's completion script, made from the command line's
//! own definition, so it never falls behind a new command or option.

use super::{Cli, EXIT_USAGE, report_error};
use clap::CommandFactory;
use clap_complete::Shell;
use std::io::Write;
use std::process::ExitCode;

pub fn run(shell: Shell) -> ExitCode {
    // Generated into memory first: clap_complete panics when its writer fails, and standard
    // output may be a closed pipe.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "argmap", &mut script);
    match std::io::stdout().lock().write_all(&script) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report_error(format_args!("cannot write the {shell} completions: {e}"));
            ExitCode::from(EXIT_USAGE)
        }
    }
}
