//! Writing maps in formats for other tools and for reports.
//!
//! Each format lives in its own module; [`ExportFormat`] picks one from a name or file extension.

mod dot;
mod json;
pub mod losses;
mod markdown;
mod pdf;
mod png;
mod steps;
pub(crate) mod svg;

use crate::model::ArgumentMap;
use std::path::Path;

pub use steps::{has_pages, step_file_name, step_pictures, step_svgs, steps_pdf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// JSON for scripts and other tools.
    Json,
    /// Argdown text, for the Argdown tools (argdown.org).
    Argdown,
    /// AIF JSON (Argument Interchange Format) for OVA and AIFdb.
    Aif,
    /// SVG picture of the map as it looks on the canvas.
    Svg,
    /// PNG picture of the map (--scale pixels per map unit).
    Png,
    /// PDF page with the map as vector graphics.
    Pdf,
    /// Markdown outline of the argument, with citations as footnotes.
    Markdown,
    /// Graphviz DOT graph.
    Dot,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 8] = [
        ExportFormat::Json,
        ExportFormat::Argdown,
        ExportFormat::Aif,
        ExportFormat::Svg,
        ExportFormat::Png,
        ExportFormat::Pdf,
        ExportFormat::Markdown,
        ExportFormat::Dot,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Argdown => "argdown",
            ExportFormat::Aif => "aif",
            ExportFormat::Svg => "svg",
            ExportFormat::Png => "png",
            ExportFormat::Pdf => "pdf",
            ExportFormat::Markdown => "md",
            ExportFormat::Dot => "dot",
        }
    }

    /// What the format is, for menus and file dialogs.
    pub fn description(self) -> &'static str {
        match self {
            ExportFormat::Json => "JSON (for scripts and other tools)",
            ExportFormat::Argdown => "Argdown (for the Argdown tools)",
            ExportFormat::Aif => "AIF JSON (for OVA and AIFdb)",
            ExportFormat::Svg => "SVG picture",
            ExportFormat::Png => "PNG picture",
            ExportFormat::Pdf => "PDF document",
            ExportFormat::Markdown => "Markdown outline (for reports)",
            ExportFormat::Dot => "Graphviz DOT graph",
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

/// Whether [`write_to`] writes `format` as it is made, without holding the whole file.
pub fn streams(format: ExportFormat) -> bool {
    matches!(format, ExportFormat::Svg | ExportFormat::Aif)
}

/// The map in `format` written to `out`: as it is made for the formats that [`streams`]
/// says, else made whole first. (Buffer `out`: SVG and AIF write in small pieces.)
pub fn write_to(
    map: &ArgumentMap,
    format: ExportFormat,
    options: &ExportOptions,
    out: &mut dyn std::io::Write,
) -> Result<(), WriteError> {
    match format {
        ExportFormat::Svg => svg::write_svg(map, options, out)?,
        ExportFormat::Aif => crate::interchange::aif::write_to(map, out)?,
        _ => out.write_all(&export(map, format, options)?)?,
    }
    Ok(())
}

/// Why [`write_to`] stopped: the export could not be made, or not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// The map in `format`, as the bytes of a file.
pub fn export(
    map: &ArgumentMap,
    format: ExportFormat,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        ExportFormat::Json => json::to_json(map).into_bytes(),
        ExportFormat::Argdown => crate::interchange::argdown::write(map).into_bytes(),
        ExportFormat::Aif => crate::interchange::aif::write(map).into_bytes(),
        ExportFormat::Svg => svg::to_svg(map, options).into_bytes(),
        ExportFormat::Png => png::to_png(map, options)?,
        ExportFormat::Pdf => pdf::to_pdf(map, options)?,
        ExportFormat::Markdown => markdown::to_markdown(map).into_bytes(),
        ExportFormat::Dot => dot::to_dot(map).into_bytes(),
    })
}
