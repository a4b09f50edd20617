//! The command line: `argmap [FILE]`, `argmap check`, `argmap export`.

mod arrange;
mod check;
mod completions;
mod diff;
mod evaluate;
mod export;
mod fmt;
mod generate;
mod import;
mod manpage;
mod merge;

use crate::export::{Background, ExportFormat, ExportOptions};
use crate::report::report_error;
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
    /// Weigh a map: which nodes and reasons hold, are defeated or stay undecided.
    ///
    /// A node holds by presumption while no reason against it applies; once one does, the
    /// reasons for it must outweigh those against it by its proof standard. On plain
    /// attacks this is grounded semantics. The rules, with worked examples, are in
    /// docs/evaluation.md. Exits 0, or 1 for a map with errors.
    Evaluate {
        /// Map file to weigh.
        file: PathBuf,
        /// Print JSON: the main claim's status, every node's mark and status, every
        /// reason's strength, weight and status.
        #[arg(long, conflicts_with = "explain")]
        json: bool,
        /// Explain why one node holds, is defeated or is undecided, naming the reasons,
        /// undercuts and judgements that decide it.
        #[arg(long, value_name = "NODE_ID")]
        explain: Option<String>,
    },
    /// Lay out a map file as Arrange does in the window, and write it back.
    ///
    /// The trees are packed into the shape of a window's canvas; pinned nodes stay put.
    /// --direction is saved with the map, so later arranging keeps it. Exits 0 when the map
    /// was arranged, 2 when the file cannot be read or has errors (printed as
    /// FILE:LINE:COL: error: message; the file is left as it is).
    Arrange {
        /// The map file to arrange.
        file: PathBuf,
        /// Which way the trees grow from their roots (default: the map's own, else down).
        #[arg(long, value_enum)]
        direction: Option<arrange::Direction>,
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
        /// Output file; `-` writes to standard output (then --format is required). With
        /// --steps and png or svg, a directory.
        #[arg(long = "to", short = 'o', value_name = "OUT")]
        to: PathBuf,
        /// Output format, when the extension does not say.
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Pixels per map unit for PNG output (per page unit with --steps).
        #[arg(long, default_value_t = 2.0)]
        scale: f32,
        /// Background of PNG/SVG/PDF output.
        #[arg(long, value_enum, default_value_t = Background::White)]
        background: Background,
        /// Leave the legend out of pictures.
        #[arg(long)]
        no_legend: bool,
        /// Presentation handout: a page per step of the talk, as presentation mode shows it.
        ///
        /// Each page is a 16:10 landscape page with the step's nodes highlighted, earlier
        /// steps' dimmed and later ones hidden, framed as presentation mode frames the step,
        /// with the step counter, the step's title and the sources of what it shows. The steps
        /// are the talk arranged in the map (the Talk tab), or the default walk through the
        /// argument. `--to talk.pdf --steps` writes one PDF with a page per step;
        /// `--to DIR --steps --format png` (or svg) writes DIR/step-01.png, step-02.png, …,
        /// creating DIR if needed. Other formats have no pages and are refused.
        #[arg(long)]
        steps: bool,
    },
    /// Write a generated map of N nodes (laid out, with sources), for trying argmap at scale.
    ///
    /// The same --nodes and --seed always give the same map.
    Generate {
        /// How many nodes the map has.
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
        nodes: u64,
        /// Seed for the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The map file to write.
        #[arg(long = "to", short = 'o', value_name = "FILE.ron")]
        to: PathBuf,
    },
    /// Read an Argdown (.argdown, .ad) or AIF JSON (.json, .aif) file into a map file.
    ///
    /// Warnings name what the map cannot hold, as IN:LINE: warning: message. Exits 0 when the
    /// map was written, 1 when the input is broken, 2 on usage or file errors.
    Import {
        /// The Argdown or AIF file to read.
        input: PathBuf,
        /// The map file to write (.ron).
        #[arg(long = "to", short = 'o', value_name = "MAP.ron")]
        to: PathBuf,
        /// Input format, when the extension does not say.
        #[arg(long, value_enum)]
        format: Option<crate::interchange::ImportFormat>,
    },
    /// Show what changed between two maps: nodes, links and sources added, removed, changed.
    ///
    /// Exits 0 when the maps are the same, 1 when they differ, 2 on errors. With --git it takes
    /// the 7 arguments git passes to an external diff and exits 0 either way:
    /// git config diff.argmap.command "argmap diff --git".
    Diff {
        /// OLD.ron NEW.ron (or, with --git: PATH OLD OLD-HEX OLD-MODE NEW NEW-HEX NEW-MODE).
        #[arg(required = true, num_args = 2..=7)]
        files: Vec<PathBuf>,
        /// Run as git's external diff driver.
        #[arg(long)]
        git: bool,
    },
    /// Three-way merge of maps by id; conflicts are listed and resolved in ours' favour.
    ///
    /// Exits 0 when merged cleanly, 1 with conflicts (OUT is still written), 2 on errors.
    /// As a git merge driver: git config merge.argmap.driver "argmap merge %O %A %B -o %A".
    Merge {
        /// The common ancestor.
        base: PathBuf,
        /// Our version.
        ours: PathBuf,
        /// Their version.
        theirs: PathBuf,
        /// Where to write the merged map.
        #[arg(long = "output", short = 'o', value_name = "OUT.ron")]
        output: PathBuf,
    },
    /// Print the shell completion script for bash, zsh, fish, powershell or elvish.
    ///
    /// For example: argmap completions bash > ~/.local/share/bash-completion/completions/argmap
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page, argmap(1), as roff (man -l - reads it).
    Manpage {
        /// Write argmap.1 and a page for each command (argmap-check.1, …) into this folder
        /// instead, creating it if needed.
        #[arg(long = "to", short = 'o', value_name = "DIR")]
        to: Option<PathBuf>,
    },
}

/// Runs a subcommand; `None` means no subcommand was given and the window should open.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { files } => check::run(&files),
        Command::Evaluate {
            file,
            json,
            explain,
        } => evaluate::run(&file, json, explain.as_deref()),
        Command::Arrange { file, direction } => arrange::run(&file, direction),
        Command::Export {
            file,
            to,
            format,
            scale,
            background,
            no_legend,
            steps,
        } => {
            let options = ExportOptions {
                scale,
                background,
                legend: !no_legend,
            };
            export::run(&file, &to, format, &options, steps)
        }
        Command::Fmt { files, check } => fmt::run(&files, check),
        Command::Generate { nodes, seed, to } => generate::run(nodes as usize, seed, &to),
        Command::Import { input, to, format } => import::run(&input, &to, format),
        Command::Diff { files, git } => diff::run(&files, git),
        Command::Merge {
            base,
            ours,
            theirs,
            output,
        } => merge::run(&base, &ours, &theirs, &output),
        Command::Completions { shell } => completions::run(shell),
        Command::Manpage { to } => manpage::run(to.as_deref()),
    }
}
