//! What the window opens with: the bundled map, a file, or a new map for a path to create.

use super::document::Document;
use crate::format::{self, OpenError};
use crate::model::ArgumentMap;
use std::path::PathBuf;

pub struct Startup {
    pub document: Document,
    /// A file that would not open: its name and its problems, one line each.
    pub problems: Option<(String, Vec<String>)>,
}

impl Startup {
    /// The bundled article map.
    pub fn bundled() -> Self {
        Self {
            document: Document::new(crate::bundled::article_map(), None),
            problems: None,
        }
    }

    /// A given map, saved to `path` if it has one (tests, and maps made by other code).
    pub fn with_map(map: ArgumentMap, path: Option<PathBuf>) -> Self {
        Self {
            document: Document::new(map, path),
            problems: None,
        }
    }

    pub fn from_arg(file: Option<PathBuf>) -> Self {
        let Some(path) = file else {
            return Self::bundled();
        };
        if !path.exists() {
            // A new map that will be saved to `path`.
            let title = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            return Self {
                document: Document::new(ArgumentMap::new(title), Some(path)),
                problems: None,
            };
        }
        match format::open(&path) {
            Ok(loaded) => Self {
                document: Document::new(loaded.map, Some(path)),
                problems: None,
            },
            Err(e) => {
                // Also on stderr, for whoever started argmap from a terminal.
                eprintln!("{e}");
                let lines = match &e {
                    OpenError::Io { .. } => vec![e.to_string()],
                    OpenError::Invalid { diagnostics, .. } => {
                        diagnostics.iter().map(|d| d.render(&path)).collect()
                    }
                };
                let name = path.display().to_string();
                Self {
                    document: Document::new(ArgumentMap::new("Untitled map"), None),
                    problems: Some((name, lines)),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_that_does_not_exist_opens_a_new_map_that_saves_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case-notes.ron");
        let startup = Startup::from_arg(Some(path.clone()));
        assert!(startup.problems.is_none());
        assert_eq!(startup.document.path(), Some(path.as_path()));
        assert!(startup.document.map().nodes.is_empty());
        assert_eq!(startup.document.map().title, "case-notes");
        assert!(!path.exists(), "nothing is written until the user saves");
    }

    #[test]
    fn a_broken_file_opens_an_empty_map_with_its_problems() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.ron");
        std::fs::write(
            &path,
            "(format_version: 1, title: \"x\", nodes: [(id: \"a\")])",
        )
        .unwrap();
        let startup = Startup::from_arg(Some(path.clone()));
        let (file, lines) = startup.problems.expect("problems to show");
        assert_eq!(file, path.display().to_string());
        assert!(lines[0].contains("missing field `kind`"), "{lines:?}");
        assert_eq!(
            startup.document.path(),
            None,
            "saving must not overwrite the broken file"
        );
    }
}
