//! UI preferences remembered between runs (through eframe's storage).

use serde::{Deserialize, Serialize};

pub const STORAGE_KEY: &str = "argmap-settings";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub show_outline: bool,
    pub show_inspector: bool,
    pub show_legend: bool,
    /// Recently opened or saved maps, newest first.
    pub recent: Vec<std::path::PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            show_outline: true,
            show_inspector: true,
            show_legend: true,
            recent: Vec::new(),
        }
    }
}
