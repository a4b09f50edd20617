use super::{EXIT_INVALID, EXIT_USAGE, report_error};
use crate::export::{ExportFormat, ExportOptions, export};
use crate::format::{self, OpenError};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    file: &Path,
    to: &Path,
    format: Option<ExportFormat>,
    options: &ExportOptions,
) -> ExitCode {
    if !(options.scale.is_finite() && options.scale > 0.0 && options.scale <= 32.0) {
        report_error(format_args!(
            "--scale must be between 0 and 32, not {}",
            options.scale
        ));
        return ExitCode::from(EXIT_USAGE);
    }
    let to_stdout = to.as_os_str() == "-";
    let Some(format) = format.or_else(|| ExportFormat::from_path(to)) else {
        report_error(format_args!(
            "cannot tell the export format from \"{}\"; use an extension ({}) or --format",
            to.display(),
            ExportFormat::list()
        ));
        return ExitCode::from(EXIT_USAGE);
    };
    let map = match format::open(file) {
        Ok(loaded) => loaded.map,
        Err(e @ OpenError::Io { .. }) => {
            report_error(e);
            return ExitCode::from(EXIT_USAGE);
        }
        Err(OpenError::Invalid { diagnostics, .. }) => {
            for d in &diagnostics {
                eprintln!("{}", d.render(file));
            }
            report_error(format_args!(
                "{} has errors; fix them (see `argmap check`) before exporting",
                file.display()
            ));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let bytes = match export(&map, format, options) {
        Ok(bytes) => bytes,
        Err(e) => {
            report_error(format_args!("cannot export {}: {e}", file.display()));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let written = if to_stdout {
        std::io::stdout().lock().write_all(&bytes)
    } else {
        format::write_atomically(to, &bytes)
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report_error(format_args!("cannot write {}: {e}", to.display()));
            ExitCode::from(EXIT_USAGE)
        }
    }
}
