use super::{EXIT_INVALID, EXIT_USAGE, report_error};
use crate::export::{
    ExportFormat, ExportOptions, WriteError, export, has_pages, step_pictures, steps_pdf, streams,
    write_to,
};
use crate::format::{self, OpenError};
use crate::model::ArgumentMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    file: &Path,
    to: &Path,
    format: Option<ExportFormat>,
    options: &ExportOptions,
    steps: bool,
) -> ExitCode {
    if !(options.scale.is_finite() && options.scale > 0.0 && options.scale <= 32.0) {
        report_error(format_args!(
            "--scale must be between 0 and 32, not {}",
            options.scale
        ));
        return ExitCode::from(EXIT_USAGE);
    }
    let to_stdout = to.as_os_str() == "-";
    let given = format;
    let Some(format) = format.or_else(|| ExportFormat::from_path(to)) else {
        report_error(format_args!(
            "cannot tell the export format from \"{}\"; use an extension ({}) or --format",
            to.display(),
            ExportFormat::list()
        ));
        return ExitCode::from(EXIT_USAGE);
    };
    let pictures = steps && format != ExportFormat::Pdf;
    if steps && let Err(message) = check_steps_target(to, format, given.is_some()) {
        report_error(message);
        return ExitCode::from(EXIT_USAGE);
    }
    let map = match load(file) {
        Ok(map) => map,
        Err(code) => return code,
    };
    if !steps {
        warn_losses(&map, file, format);
    }
    if pictures {
        return write_pictures(&map, file, to, format, options);
    }
    if !steps && streams(format) {
        return write_streamed(&map, file, to, format, options);
    }
    let bytes = match if steps {
        steps_pdf(&map, options)
    } else {
        export(&map, format, options)
    } {
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

/// The export written to `to` (or standard output) as it is made, through a buffer: a big
/// SVG or AIF file is never held whole.
fn write_streamed(
    map: &ArgumentMap,
    file: &Path,
    to: &Path,
    format: ExportFormat,
    options: &ExportOptions,
) -> ExitCode {
    // An export that cannot be made is told apart from a file that cannot be written.
    let mut not_made = None;
    let mut write = |out: &mut dyn Write| {
        let mut out = std::io::BufWriter::new(out);
        match write_to(map, format, options, &mut out) {
            Ok(()) => out.flush(),
            Err(WriteError::Io(e)) => Err(e),
            Err(WriteError::Export(e)) => {
                let error = std::io::Error::other(e.to_string());
                not_made = Some(e);
                Err(error)
            }
        }
    };
    let written = if to.as_os_str() == "-" {
        write(&mut std::io::stdout().lock())
    } else {
        format::write_atomically_with(to, |f| write(f))
    };
    if let Some(e) = not_made {
        report_error(format_args!("cannot export {}: {e}", file.display()));
        return ExitCode::from(EXIT_INVALID);
    }
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report_error(format_args!("cannot write {}: {e}", to.display()));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Whether `--steps` can write `format` to `to`: a PDF is one file; SVG and PNG pictures, one
/// per step, go into a directory, named with --format (an extension would suggest one file).
fn check_steps_target(to: &Path, format: ExportFormat, format_given: bool) -> Result<(), String> {
    if !has_pages(format) {
        return Err(format!(
            "--steps writes a page per step, which {} cannot hold; use pdf, png or svg",
            format.extension()
        ));
    }
    if format == ExportFormat::Pdf {
        return Ok(());
    }
    let ext = format.extension();
    if to.as_os_str() == "-" {
        return Err(format!(
            "--steps with {ext} writes one picture per step, which cannot go to standard \
             output; give a directory: --to DIR --format {ext}"
        ));
    }
    if !format_given {
        return Err(format!(
            "--steps with {ext} writes one picture per step into a directory; give it with \
             --to DIR --format {ext} (or export one PDF: --to talk.pdf --steps)"
        ));
    }
    if to.exists() && !to.is_dir() {
        return Err(format!(
            "{} is a file, not a directory; --steps with {ext} writes step-01.{ext}, \
             step-02.{ext}, … into a directory",
            to.display()
        ));
    }
    Ok(())
}

/// The step pictures of `map` written into the directory `dir` (created when missing).
fn write_pictures(
    map: &ArgumentMap,
    file: &Path,
    dir: &Path,
    format: ExportFormat,
    options: &ExportOptions,
) -> ExitCode {
    let pictures = match step_pictures(map, format, options) {
        Ok(pictures) => pictures,
        Err(e) => {
            report_error(format_args!("cannot export {}: {e}", file.display()));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        report_error(format_args!(
            "cannot create the directory {}: {e}",
            dir.display()
        ));
        return ExitCode::from(EXIT_USAGE);
    }
    for (name, bytes) in &pictures {
        let path = dir.join(name);
        if let Err(e) = format::write_atomically(&path, bytes) {
            report_error(format_args!("cannot write {}: {e}", path.display()));
            return ExitCode::from(EXIT_USAGE);
        }
    }
    ExitCode::SUCCESS
}

/// The map in `file`, or the exit code after reporting why it cannot be exported.
/// The most reasons named one by one; the rest are counted.
const LOSSES_LISTED: usize = 20;

/// Says, as FILE:LINE:COL: warning: …, which reasons the format cannot keep whole.
fn warn_losses(map: &ArgumentMap, file: &Path, format: ExportFormat) {
    let losses = crate::export::losses::reason_losses(map, format);
    if losses.is_empty() {
        return;
    }
    // The file was just read whole; read again only to place the warnings at their lines.
    let text = format::read_map_bytes(file)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default();
    let shown = &losses[..losses.len().min(LOSSES_LISTED)];
    for d in format::locate_problems(&text, shown) {
        eprintln!("{}", d.render(file));
    }
    if losses.len() > shown.len() {
        eprintln!(
            "{}: warning: and {} more reasons the same (export to JSON to keep them all)",
            file.display(),
            losses.len() - shown.len()
        );
    }
}

fn load(file: &Path) -> Result<ArgumentMap, ExitCode> {
    match format::open_valid(file) {
        Ok(map) => Ok(map),
        Err(e @ OpenError::Io { .. }) => {
            report_error(e);
            Err(ExitCode::from(EXIT_USAGE))
        }
        Err(OpenError::Invalid { diagnostics, .. }) => {
            for d in &diagnostics {
                eprintln!("{}", d.render(file));
            }
            report_error(format_args!(
                "{} has errors; fix them (see `argmap check`) before exporting",
                file.display()
            ));
            Err(ExitCode::from(EXIT_INVALID))
        }
    }
}
