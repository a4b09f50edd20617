//! File → Import…: an Argdown or AIF JSON file becomes a new, unsaved map. What the map
//! cannot hold is listed as warnings; a broken file is refused and the current map stays.

use super::ArgmapApp;
use super::overlays::prompt::Prompt;
use crate::interchange::{ImportFormat, Imported, import_bytes};
use crate::model::Severity;
use std::path::{Path, PathBuf};

impl ArgmapApp {
    /// Imports `path`, or asks which file; unsaved changes have been dealt with already.
    pub(super) fn import(&mut self, path: Option<PathBuf>) {
        let near = self.doc.path().or(self.doc.origin());
        let folder = near.and_then(Path::parent).map(Path::to_owned);
        match path.or_else(|| self.window.dialogs.open_import(folder.as_deref())) {
            Some(path) => self.import_path(&path),
            None => self.window.message = Some("Nothing imported.".into()),
        }
    }

    /// Imports an Argdown or AIF file as a new, unsaved map, keeping the current map if the
    /// file cannot be read.
    pub fn import_path(&mut self, path: &Path) {
        let Imported { map, warnings } = match read(path) {
            Ok(imported) => imported,
            Err(lines) => {
                self.overlays.prompt = Some(Prompt::Report {
                    heading: "This file could not be imported".into(),
                    file: path.display().to_string(),
                    lines,
                    footer: "The map you had open is unchanged.".into(),
                });
                return;
            }
        };
        let mut counts = vec![
            format!("{} node{}", map.nodes.len(), plural(map.nodes.len())),
            format!("{} link{}", map.links.len(), plural(map.links.len())),
        ];
        if !map.sources.is_empty() {
            counts.push(format!(
                "{} source{}",
                map.sources.len(),
                plural(map.sources.len())
            ));
        }
        if !warnings.is_empty() {
            counts.push(format!(
                "{} warning{}",
                warnings.len(),
                plural(warnings.len())
            ));
        }
        let summary = format!(
            "Imported {} ({}): a new map, not saved yet.",
            path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into()
            ),
            counts.join(", ")
        );
        self.doc.replace_imported(map, path.to_owned());
        self.after_replace(summary);
        self.view.fit_pending = true;
        if !warnings.is_empty() {
            self.overlays.prompt = Some(Prompt::Report {
                heading: format!(
                    "Imported with {} warning{}",
                    warnings.len(),
                    plural(warnings.len())
                ),
                file: path.display().to_string(),
                lines: warnings
                    .iter()
                    .map(|w| w.render(path, Severity::Warning))
                    .collect(),
                footer: "The rest of the file is open as a new, unsaved map.".into(),
            });
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Reads and converts `path`; on failure, the lines to show (`FILE:LINE:COL: error: …`).
fn read(path: &Path) -> Result<Imported, Vec<String>> {
    let bytes = crate::format::read_bounded(path, crate::format::MAX_IMPORT_BYTES)
        .map_err(|e| vec![format!("Cannot read {}: {e}.", path.display())])?;
    let format = format_of(path, &bytes);
    let fallback_title = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    import_bytes(&bytes, format, &fallback_title).map_err(|e| {
        e.errors
            .iter()
            .map(|m| m.render(path, Severity::Error))
            .collect()
    })
}

/// The format from the extension; a file with another extension is AIF when it looks like
/// JSON, else Argdown.
fn format_of(path: &Path, bytes: &[u8]) -> ImportFormat {
    ImportFormat::from_path(path).unwrap_or_else(|| {
        let first = bytes
            .iter()
            .copied()
            .find(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF);
        if first == Some(b'{') {
            ImportFormat::Aif
        } else {
            ImportFormat::Argdown
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_extension_or_else_the_content() {
        assert_eq!(format_of(Path::new("a.ad"), b"{"), ImportFormat::Argdown);
        assert_eq!(format_of(Path::new("a.JSON"), b"[a]"), ImportFormat::Aif);
        assert_eq!(
            format_of(Path::new("a.txt"), b" \n{\"nodes\": []}"),
            ImportFormat::Aif
        );
        assert_eq!(
            format_of(Path::new("a"), b"[a]: text"),
            ImportFormat::Argdown
        );
    }

    #[test]
    fn a_broken_file_gives_errors_with_line_and_column() {
        let lines = read(Path::new("tests/data/broken-relation.argdown")).unwrap_err();
        assert!(!lines.is_empty());
        for line in &lines {
            let rest = line
                .strip_prefix("tests/data/broken-relation.argdown:")
                .unwrap_or_else(|| panic!("no file name: {line}"));
            let mut parts = rest.splitn(3, ':');
            assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
            assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
            assert!(parts.next().unwrap().starts_with(" error: "), "{line}");
        }
        assert!(read(Path::new("tests/data/no-such-file.argdown")).is_err());
    }
}
