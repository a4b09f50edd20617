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

/// The map in `format`, as the bytes of a file.
pub fn export(map: &ArgumentMap, format: ExportFormat) -> Vec<u8> {
    match format {
        ExportFormat::Json => json::to_json(map).into_bytes(),
    }
}
