//! The `.ron` map file: reading, writing and reporting problems with their place in the file.
//!
//! See `docs/format.md` for the format itself.

mod atomic;
mod diagnostic;
mod locate;
pub use locate::locate_problems;
mod read;
mod ron_file;

pub use atomic::{write_atomically, write_atomically_with};
pub use diagnostic::{Diagnostic, TextPos};
pub use read::{MAX_FILE_BYTES, MAX_IMPORT_BYTES, read_bounded, read_text_bounded};
pub use ron_file::{
    BYTE_ORDER_MARK, FORMAT_VERSION, FormatError, from_ron_str, to_ron_string, version_of,
};

use crate::model::{ArgumentMap, Problem, Severity, validate};
use std::path::{Path, PathBuf};

/// A map read from a file, with the warnings validation found in it.
#[derive(Debug)]
pub struct LoadedMap {
    pub map: ArgumentMap,
    pub warnings: Vec<Diagnostic>,
}

/// Why a file could not be opened as a map. `Display` gives one `FILE:LINE:COL: …` line per problem.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", render_all(path, diagnostics))]
    Invalid {
        path: PathBuf,
        /// Every problem, errors first; at least one is an error.
        diagnostics: Vec<Diagnostic>,
    },
}

fn render_all(path: &Path, diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(|d| d.render(path)).collect();
    lines.join("\n")
}

impl OpenError {
    /// Every problem as a diagnostic (an I/O failure becomes one without a position).
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            OpenError::Io { source, .. } => vec![Diagnostic::error(
                None,
                format!("cannot read the file: {source}"),
            )],
            OpenError::Invalid { diagnostics, .. } => diagnostics.clone(),
        }
    }
}

/// Reads, parses and validates a map file. Errors of any kind (syntax, types, a newer format
/// version, validation errors) refuse the file; warnings come back with the map.
pub fn open(path: &Path) -> Result<LoadedMap, OpenError> {
    let bytes = read_map_bytes(path)?;
    parse_checked(&bytes).map_err(|diagnostics| OpenError::Invalid {
        path: path.to_owned(),
        diagnostics,
    })
}

/// The bytes of a map file, at most [`MAX_FILE_BYTES`] of them.
pub fn read_map_bytes(path: &Path) -> Result<Vec<u8>, OpenError> {
    read_bounded(path, MAX_FILE_BYTES).map_err(|source| OpenError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Parses and validates map bytes; `Err` holds every problem (errors first) when any is an error.
pub fn parse_checked(bytes: &[u8]) -> Result<LoadedMap, Vec<Diagnostic>> {
    let (text, map, problems) = parse_and_validate(utf8_text(bytes)?).map_err(|d| vec![d])?;
    let diagnostics = locate::locate_problems(text, &problems);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        Err(diagnostics)
    } else {
        Ok(LoadedMap {
            map,
            warnings: diagnostics,
        })
    }
}

/// Every problem of the map file at `path`, errors first, each placed in the file: what
/// `argmap check` reports, which needs no map. The map is dropped before the problems are
/// placed, as placing a big map's tens of thousands of warnings with the map still held was
/// the command's peak (over four times the file).
pub fn check_file(path: &Path) -> Result<Vec<Diagnostic>, OpenError> {
    let bytes = read_map_bytes(path)?;
    let text = match utf8_text(&bytes) {
        Ok(text) => text,
        Err(diagnostics) => return Ok(diagnostics),
    };
    Ok(match parse_and_validate(text) {
        Ok((text, map, problems)) => {
            drop(map);
            locate::locate_problems(text, &problems)
        }
        Err(diagnostic) => vec![diagnostic],
    })
}

/// [`open`] for commands that need only the map (export, fmt): the problems are placed in
/// the file only when there are errors to report. Placing a big map's warnings, which these
/// commands do not show, took a third of loading it.
pub fn open_valid(path: &Path) -> Result<ArgumentMap, OpenError> {
    let bytes = read_map_bytes(path)?;
    parse_valid(&bytes).map_err(|diagnostics| OpenError::Invalid {
        path: path.to_owned(),
        diagnostics,
    })
}

/// [`parse_checked`] without placing warnings: the map, or every problem when any is an error.
pub fn parse_valid(bytes: &[u8]) -> Result<ArgumentMap, Vec<Diagnostic>> {
    let (text, map, problems) = parse_and_validate(utf8_text(bytes)?).map_err(|d| vec![d])?;
    if problems.iter().any(|p| p.severity == Severity::Error) {
        Err(locate::locate_problems(text, &problems))
    } else {
        Ok(map)
    }
}

/// Validates an in-memory map the way `open` would, placing each problem in `text`,
/// the map's RON form.
pub fn check_text(text: &str) -> Result<(ArgumentMap, Vec<Diagnostic>), Diagnostic> {
    let (text, map, problems) = parse_and_validate(text)?;
    Ok((map, locate::locate_problems(text, &problems)))
}

/// [`check_text`] placing only the errors: for commands that act on errors alone (diff and
/// merge), which need not place a big map's thousands of warnings.
pub fn check_text_errors(text: &str) -> Result<(ArgumentMap, Vec<Diagnostic>), Diagnostic> {
    let (text, map, mut problems) = parse_and_validate(text)?;
    problems.retain(|p| p.severity == Severity::Error);
    Ok((map, locate::locate_problems(text, &problems)))
}

/// Map bytes as text, without a byte-order mark: some Windows editors start UTF-8 files with
/// one; it is not part of the text, so positions count from after it.
fn utf8_text(bytes: &[u8]) -> Result<&str, Vec<Diagnostic>> {
    let bytes = bytes
        .strip_prefix(BYTE_ORDER_MARK.as_bytes())
        .unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        vec![Diagnostic::error(
            Some(TextPos::at_end_of(valid)),
            "the file is not UTF-8 text (is it a map file?)".to_owned(),
        )]
    })
}

/// `text` without a byte-order mark, the map it holds and the map's problems, not yet placed
/// in the text: each caller places those it reports.
fn parse_and_validate(text: &str) -> Result<(&str, ArgumentMap, Vec<Problem>), Diagnostic> {
    let text = text.strip_prefix(BYTE_ORDER_MARK).unwrap_or(text);
    let map = from_ron_str(text).map_err(FormatError::into_diagnostic)?;
    let problems = validate(&map);
    Ok((text, map, problems))
}

/// Writes `map` to `path` so that a crash at any moment leaves either the old or the new file.
pub fn save(map: &ArgumentMap, path: &Path) -> std::io::Result<()> {
    write_atomically_with(path, |file| {
        ron_file::write_ron(map, std::io::BufWriter::with_capacity(1 << 16, file))
    })
}
