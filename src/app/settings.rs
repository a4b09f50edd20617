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
    /// The interface text size (View → Interface text), 1.0 being egui's usual size; the map's
    /// zoom is separate.
    pub ui_scale: f32,
    /// The last crash report the window announced, so each is announced once.
    pub announced_crash_report: Option<std::path::PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            show_outline: true,
            show_inspector: true,
            show_legend: true,
            recent: Vec::new(),
            ui_scale: super::ui_scale::DEFAULT,
            announced_crash_report: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_saved_before_the_interface_scale_existed_still_load() {
        let old = "(show_outline: false, show_inspector: true, show_legend: true, recent: [])";
        let settings: Settings = ron::from_str(old).unwrap();
        assert!(!settings.show_outline);
        assert_eq!(settings.ui_scale, 1.0);
        let mut scaled = Settings {
            ui_scale: 1.3,
            ..Settings::default()
        };
        scaled.recent.push("/maps/a.ron".into());
        let text = ron::to_string(&scaled).unwrap();
        assert_eq!(ron::from_str::<Settings>(&text).unwrap(), scaled);
    }
}
