//! Sharing maps with other argument-mapping tools: Argdown (text, argdown.org) and the
//! Argument Interchange Format in JSON (AIF, as OVA and AIFdb write it).
//!
//! Writers turn a map into the other format. Readers turn the other format into a map that
//! validates without errors, and report whatever the map cannot hold as warnings with their
//! line in the input; broken input is refused with errors giving line and column, never a
//! panic. `docs/interchange.md` describes the mapping both ways.

pub mod aif;
pub mod argdown;
mod ids;
mod kinds;
mod lines;
mod reasons;
mod yaml;

use crate::layout::arrange_new_map;
use crate::model::{ArgumentMap, Severity, has_errors, validate};
use crate::render::measure::estimated_size;
use std::fmt;
use std::path::Path;

/// Lays out an imported map as Arrange All lays out a map whose cards have not been drawn
/// yet (with [`estimated_size`]), so the import looks as if Arrange had run.
pub fn arrange_imported(map: &mut ArgumentMap) {
    arrange_new_map(map, &estimated_size);
}

/// A format argmap can import.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// Argdown text (`.argdown`, `.ad`).
    Argdown,
    /// AIF JSON, plain (AIFdb) or wrapped by OVA (`.json`, `.aif`).
    Aif,
}

impl ImportFormat {
    /// The format a file name asks for by its extension (case-insensitive).
    pub fn from_path(path: &Path) -> Option<ImportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "argdown" | "ad" => Some(ImportFormat::Argdown),
            "json" | "aif" => Some(ImportFormat::Aif),
            _ => None,
        }
    }
}

/// A remark about an input file: where (1-based line, and column when known) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub line: Option<usize>,
    pub col: Option<usize>,
    pub text: String,
}

impl Message {
    pub fn at(line: usize, col: Option<usize>, text: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            col,
            text: text.into(),
        }
    }

    pub fn nowhere(text: impl Into<String>) -> Self {
        Self {
            line: None,
            col: None,
            text: text.into(),
        }
    }

    /// `FILE:LINE:COL: error: …`, `FILE:LINE: warning: …` or `FILE: warning: …`.
    pub fn render(&self, file: &Path, severity: Severity) -> String {
        let place = match (self.line, self.col) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", file.display()),
            (Some(l), None) => format!("{}:{l}", file.display()),
            _ => file.display().to_string(),
        };
        format!("{place}: {}: {}", severity.as_str(), self.text)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.col) {
            (Some(l), Some(c)) => write!(f, "{l}:{c}: {}", self.text),
            (Some(l), None) => write!(f, "{l}: {}", self.text),
            _ => f.write_str(&self.text),
        }
    }
}

/// A map read from another format, with what could not be carried over.
#[derive(Clone, Debug)]
pub struct Imported {
    pub map: ArgumentMap,
    pub warnings: Vec<Message>,
}

/// The input could not be read; `errors` holds at least one message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub errors: Vec<Message>,
}

impl ImportError {
    pub fn one(message: Message) -> Self {
        Self {
            errors: vec![message],
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportError {}

/// Refuses an imported map that would not be a valid argmap map, naming every error.
pub(crate) fn refuse_invalid(map: &crate::model::ArgumentMap) -> Result<(), ImportError> {
    let errors: Vec<Message> = crate::model::validate(map)
        .into_iter()
        .filter(|p| p.severity == crate::model::Severity::Error)
        .map(|p| Message::nowhere(format!("the imported map would be invalid: {}", p.message)))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ImportError { errors })
    }
}

/// Reads `text` in `format`. `fallback_title` names the map when the input has no title
/// (the CLI passes the file name).
pub fn import(
    text: &str,
    format: ImportFormat,
    fallback_title: &str,
) -> Result<Imported, ImportError> {
    let imported = match format {
        ImportFormat::Argdown => argdown::read(text, fallback_title),
        ImportFormat::Aif => aif::read(text, fallback_title),
    }?;
    debug_assert!(
        !has_errors(&validate(&imported.map)),
        "an import produced an invalid map: {:?}",
        validate(&imported.map)
    );
    Ok(imported)
}

/// [`import`] for bytes: refuses text that is not UTF-8 with the place of the first bad byte.
pub fn import_bytes(
    bytes: &[u8],
    format: ImportFormat,
    fallback_title: &str,
) -> Result<Imported, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let pos = crate::format::TextPos::at_end_of(good);
        ImportError::one(Message::at(
            pos.line,
            Some(pos.col),
            "the file is not UTF-8 text",
        ))
    })?;
    // A byte-order mark is not part of the text.
    import(
        text.strip_prefix('\u{feff}').unwrap_or(text),
        format,
        fallback_title,
    )
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let pos = crate::format::TextPos::of_offset(text, offset);
    (pos.line, pos.col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_extensions() {
        assert_eq!(
            ImportFormat::from_path(Path::new("a.Argdown")),
            Some(ImportFormat::Argdown)
        );
        assert_eq!(
            ImportFormat::from_path(Path::new("a.ad")),
            Some(ImportFormat::Argdown)
        );
        assert_eq!(
            ImportFormat::from_path(Path::new("x/a.json")),
            Some(ImportFormat::Aif)
        );
        assert_eq!(
            ImportFormat::from_path(Path::new("a.aif")),
            Some(ImportFormat::Aif)
        );
        assert_eq!(ImportFormat::from_path(Path::new("a.ron")), None);
    }

    #[test]
    fn messages_render_like_compiler_output() {
        let file = Path::new("in.argdown");
        assert_eq!(
            Message::at(3, Some(4), "bad").render(file, Severity::Error),
            "in.argdown:3:4: error: bad"
        );
        assert_eq!(
            Message::at(3, None, "odd").render(file, Severity::Warning),
            "in.argdown:3: warning: odd"
        );
        assert_eq!(
            Message::nowhere("odd").render(file, Severity::Warning),
            "in.argdown: warning: odd"
        );
    }

    #[test]
    fn non_utf8_is_refused_with_a_place() {
        let e = import_bytes(b"[a]: ok\n\xff", ImportFormat::Argdown, "t").unwrap_err();
        assert_eq!(e.errors[0].line, Some(2));
    }
}
