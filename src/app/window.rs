//! The window's own state: the user's settings, the file dialogs, crash recovery, how recent
//! files were left, the status message and the title last sent.

use super::dialogs::FileDialogs;
use super::file_views::{FileViews, Tracker};
use super::recovery::Recovery;
use super::settings::Settings;

pub struct WindowState {
    pub settings: Settings,
    pub dialogs: Box<dyn FileDialogs>,
    pub recovery: Recovery,
    /// How each recent file was left (camera, tabs), and which file the window shows.
    pub file_views: FileViews,
    pub file_view_tracker: Tracker,
    /// A short message for the status bar: what just happened or why something was refused.
    pub message: Option<String>,
    pub sent_title: String,
    /// The window may close: the user has answered for any unsaved changes.
    pub closing: bool,
    /// A text field had the keyboard last frame. egui drops focus on Esc before the app sees
    /// the key, so this keeps that Esc from also clearing the selection (and the field).
    pub was_typing: bool,
    /// Start presenting on the first frame (`argmap --present`).
    pub present_on_start: bool,
}

impl WindowState {
    pub fn new(
        settings: Settings,
        dialogs: Box<dyn FileDialogs>,
        recovery: Recovery,
        file_views: FileViews,
        title: String,
    ) -> Self {
        Self {
            settings,
            dialogs,
            recovery,
            file_views,
            file_view_tracker: Tracker::default(),
            message: None,
            sent_title: title,
            closing: false,
            was_typing: false,
            present_on_start: false,
        }
    }
}
