//! `argmap manpage`: the manual page, made from the command line's own definition, so it
//! says what `--help` says.

use super::{Cli, EXIT_USAGE, report_error};
use crate::format;
use clap::CommandFactory;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Prints argmap(1) to standard output, or with `to` writes argmap.1 and a page for each
/// command (argmap-check.1, …) into that folder, creating it if needed.
pub fn run(to: Option<&Path>) -> ExitCode {
    match to {
        None => print_main_page(),
        Some(dir) => write_pages(dir),
    }
}

fn print_main_page() -> ExitCode {
    let mut page = Vec::new();
    let written =
        render(main_command(), &mut page).and_then(|()| std::io::stdout().lock().write_all(&page));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report_error(format_args!("cannot write the manual page: {e}"));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn write_pages(dir: &Path) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        report_error(format_args!("cannot create {}: {e}", dir.display()));
        return ExitCode::from(EXIT_USAGE);
    }
    let main = main_command();
    // Each command's page is named by its display name ("argmap-check"), set by build().
    let commands = std::iter::once(main.clone()).chain(main.get_subcommands().cloned());
    for command in commands.filter(|c| !c.is_hide_set()) {
        let path = dir.join(format!("{}.1", page_name(&command)));
        let mut page = Vec::new();
        let written =
            render(command, &mut page).and_then(|()| format::write_atomically(&path, &page));
        if let Err(e) = written {
            report_error(format_args!("cannot write {}: {e}", path.display()));
            return ExitCode::from(EXIT_USAGE);
        }
    }
    ExitCode::SUCCESS
}

/// The command line, built (so commands know their full names), without the `help` command:
/// it is `--help` again and has no page of its own.
fn main_command() -> clap::Command {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    command
}

fn page_name(command: &clap::Command) -> &str {
    command
        .get_display_name()
        .unwrap_or_else(|| command.get_name())
}

/// One page, footed "argmap VERSION" like the main page (commands have no version of their own).
fn render(command: clap::Command, out: &mut Vec<u8>) -> std::io::Result<()> {
    let source = format!("argmap {}", env!("CARGO_PKG_VERSION"));
    clap_mangen::Man::new(command).source(source).render(out)
}
