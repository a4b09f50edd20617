//! Writing maps in formats for other tools and for reports.
//!
//! Each format lives in its own module; [`ExportFormat`] picks one from a name or file extension.

mod json;

use crate::model::ArgumentMap;
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// JSON for scripts and other tools.
    Json,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 1] = [ExportFormat::Json];

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
        }
    }

    /// What the format is, for menus and file dialogs.
    pub fn description(self) -> &'static str {
        match self {
            ExportFormat::Json => "JSON (for scripts and other tools)",
        }
    }

    /// The format a file name asks for by its extension (case-insensitive).
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        ExportFormat::ALL.into_iter().find(|f| f.extension() == ext)
    }

    /// "json, svg, …" for messages.
    pub fn list() -> String {
        ExportFormat::ALL
            .iter()
            .map(|f| f.extension())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Background of picture exports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Background {
    #[default]
    White,
    Transparent,
}

/// Settings that picture formats use (text formats ignore them).
#[derive(Clone, Debug, PartialEq)]
pub struct ExportOptions {
    /// Pixels per map unit for raster output.
    pub scale: f32,
    pub background: Background,
    /// Draw a legend of kinds and relations.
    pub legend: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            scale: 2.0,
            background: Background::White,
            legend: true,
        }
    }
}

/// Why an export could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Render(String),
}

/// The map in `format`, as the bytes of a file.
pub fn export(
    map: &ArgumentMap,
    format: ExportFormat,
    _options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        ExportFormat::Json => json::to_json(map).into_bytes(),
    })
}
