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
