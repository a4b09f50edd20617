//! What opens on top of the window: the export dialog, questions and reports (`prompt`), the
//! source editor, the command palette, the shortcuts list and the crash notice.

pub mod crash_notice;
pub mod export;
pub mod palette;
pub mod prompt;
pub mod shortcuts;
pub mod source_editor;

use std::path::PathBuf;

/// The overlays' state: which are open, and what each holds while it is.
#[derive(Default)]
pub struct Overlays {
    /// File → Export…: whether the dialog is open, and its choices.
    pub export: export::ExportDialog,
    /// A question waiting for the user's answer (unsaved changes, restore, problems).
    pub prompt: Option<prompt::Prompt>,
    /// The source being added or edited, while its editor is open.
    pub source_draft: Option<source_editor::SourceDraft>,
    /// The command palette (Ctrl+Shift+P).
    pub palette: palette::Palette,
    pub show_shortcuts: bool,
    /// A crash report from an earlier run, announced once.
    pub crash_notice: Option<PathBuf>,
}

impl Overlays {
    /// Whether an overlay has the keyboard, so the window's shortcuts must wait.
    pub fn has_keyboard(&self) -> bool {
        self.prompt.is_some() || self.export.open || self.palette.open
    }
}
