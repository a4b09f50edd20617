//! `argmap import IN --to MAP.ron`: reads Argdown or AIF JSON into a map file.

use super::{EXIT_INVALID, EXIT_USAGE, report_error};
use crate::format;
use crate::interchange::{ImportFormat, import_bytes};
use crate::model::Severity;
use std::path::Path;
use std::process::ExitCode;

pub fn run(input: &Path, to: &Path, format: Option<ImportFormat>) -> ExitCode {
    let Some(format) = format.or_else(|| ImportFormat::from_path(input)) else {
        report_error(format_args!(
            "cannot tell the format of \"{}\" from its extension; use .argdown, .ad, .json or .aif, or --format argdown|aif",
            input.display()
        ));
        return ExitCode::from(EXIT_USAGE);
    };
    if to
        .extension()
        .is_none_or(|e| !e.eq_ignore_ascii_case("ron"))
    {
        report_error(format_args!(
            "the map to write should be a .ron file, not \"{}\"",
            to.display()
        ));
        return ExitCode::from(EXIT_USAGE);
    }
    let bytes = match format::read_bounded(input, format::MAX_IMPORT_BYTES) {
        Ok(bytes) => bytes,
        Err(e) => {
            report_error(format_args!("cannot read {}: {e}", input.display()));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let fallback_title = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let imported = match import_bytes(&bytes, format, &fallback_title) {
        Ok(imported) => imported,
        Err(e) => {
            for message in &e.errors {
                eprintln!("{}", message.render(input, Severity::Error));
            }
            report_error(format_args!("{} cannot be imported", input.display()));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    for warning in &imported.warnings {
        eprintln!("{}", warning.render(input, Severity::Warning));
    }
    if let Err(e) = format::save(&imported.map, to) {
        report_error(format_args!("cannot write {}: {e}", to.display()));
        return ExitCode::from(EXIT_USAGE);
    }
    let map = &imported.map;
    eprintln!(
        "imported {} into {}: {} nodes, {} links, {} sources, {} warning{}",
        input.display(),
        to.display(),
        map.nodes.len(),
        map.links.len(),
        map.sources.len(),
        imported.warnings.len(),
        if imported.warnings.len() == 1 {
            ""
        } else {
            "s"
        }
    );
    ExitCode::SUCCESS
}
