//! Everything the user can do from a menu, a button or a shortcut, in one list, so menus,
//! the shortcut handler and the shortcuts window always agree.

use super::navigate::Direction;
use crate::model::NodeKind;
use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    New,
    Open,
    Save,
    SaveAs,
    /// File → Export…: the export dialog (format, options, whole map or selection).
    Export,
    /// File → Export presentation…: the talk's steps as a handout (PDF pages or pictures).
    ExportPresentation,
    /// File → Import…: an Argdown or AIF file as a new map.
    Import,
    Quit,
    Undo,
    Redo,
    Copy,
    Cut,
    Paste,
    Delete,
    SelectAll,
    /// Tab: a new node linked to the selected one, with the default kind for its parent.
    AddLinkedNode,
    /// A new node of this kind: linked to the selection if there is one, else on its own.
    AddNode(NodeKind),
    EditText,
    Find,
    FitMap,
    ZoomToSelection,
    ZoomIn,
    ZoomOut,
    ZoomActualSize,
    ClearSelection,
    Go(Direction),
    ToggleOutline,
    ToggleInspector,
    ToggleLegend,
    ShowShortcuts,
    /// Presentation mode (F5).
    Present,
    /// Lay out the whole map as a tidy tree (pinned nodes stay).
    ArrangeAll,
    /// Lay out the subtrees under the selected nodes.
    ArrangeSelection,
    /// Pin or unpin the selected nodes (pinned nodes keep their place when arranging).
    TogglePin,
    /// Open the n-th file of the recent-files list.
    OpenRecent(usize),
}

impl Action {
    /// Every action that has a shortcut, in the order the shortcuts window lists them.
    pub const WITH_SHORTCUTS: [Action; 35] = [
        Action::New,
        Action::Open,
        Action::Save,
        Action::SaveAs,
        Action::Export,
        Action::Import,
        Action::Quit,
        Action::Undo,
        Action::Redo,
        Action::Copy,
        Action::Cut,
        Action::Paste,
        Action::Delete,
        Action::SelectAll,
        Action::AddLinkedNode,
        Action::EditText,
        Action::Find,
        Action::ClearSelection,
        Action::FitMap,
        Action::ZoomToSelection,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomActualSize,
        Action::Go(Direction::Up),
        Action::Go(Direction::Down),
        Action::Go(Direction::Left),
        Action::Go(Direction::Right),
        Action::ToggleOutline,
        Action::ToggleInspector,
        Action::ToggleLegend,
        Action::ShowShortcuts,
        Action::Present,
        Action::ArrangeAll,
        Action::ArrangeSelection,
        Action::TogglePin,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Action::New => "New map",
            Action::Open => "Open…",
            Action::Save => "Save",
            Action::SaveAs => "Save as…",
            Action::Export => "Export…",
            Action::ExportPresentation => "Export presentation…",
            Action::Import => "Import…",
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::Copy => "Copy",
            Action::Cut => "Cut",
            Action::Paste => "Paste",
            Action::Delete => "Delete",
            Action::SelectAll => "Select all",
            Action::AddLinkedNode => "Add linked node",
            Action::AddNode(NodeKind::Claim) => "Add claim",
            Action::AddNode(NodeKind::Evidence) => "Add evidence",
            Action::AddNode(NodeKind::Counterpoint) => "Add counterpoint",
            Action::EditText => "Edit text",
            Action::Find => "Find…",
            Action::FitMap => "Fit map",
            Action::ZoomToSelection => "Zoom to selection",
            Action::ZoomIn => "Zoom in",
            Action::ZoomOut => "Zoom out",
            Action::ZoomActualSize => "Actual size (100%)",
            Action::ClearSelection => "Clear selection",
            Action::Go(Direction::Up) => "Go to the node it bears on",
            Action::Go(Direction::Down) => "Go to what bears on it",
            Action::Go(Direction::Left) => "Go to previous sibling",
            Action::Go(Direction::Right) => "Go to next sibling",
            Action::ToggleOutline => "Outline panel",
            Action::ToggleInspector => "Inspector panel",
            Action::ToggleLegend => "Legend",
            Action::ShowShortcuts => "Keyboard shortcuts",
            Action::OpenRecent(_) => "Open recent",
            Action::Present => "Present",
            Action::ArrangeAll => "Arrange map",
            Action::ArrangeSelection => "Arrange selected subtrees",
            Action::TogglePin => "Pin / unpin",
        }
    }

    /// The main shortcut (menus show it).
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let none = Modifiers::NONE;
        let cmd = Modifiers::COMMAND;
        let k = KeyboardShortcut::new;
        Some(match self {
            Action::New => k(cmd, Key::N),
            Action::Open => k(cmd, Key::O),
            Action::Save => k(cmd, Key::S),
            Action::SaveAs => k(cmd | Modifiers::SHIFT, Key::S),
            Action::Export => k(cmd, Key::E),
            Action::Import => k(cmd, Key::I),
            Action::Quit => k(cmd, Key::Q),
            Action::Undo => k(cmd, Key::Z),
            Action::Redo => k(cmd | Modifiers::SHIFT, Key::Z),
            Action::Copy => k(cmd, Key::C),
            Action::Cut => k(cmd, Key::X),
            Action::Paste => k(cmd, Key::V),
            Action::Delete => k(none, Key::Delete),
            Action::SelectAll => k(cmd, Key::A),
            Action::AddLinkedNode => k(none, Key::Tab),
            Action::EditText => k(none, Key::Enter),
            Action::Find => k(cmd, Key::F),
            Action::ClearSelection => k(none, Key::Escape),
            Action::FitMap => k(none, Key::F),
            Action::ZoomToSelection => k(Modifiers::SHIFT, Key::F),
            Action::ZoomIn => k(cmd, Key::Equals),
            Action::ZoomOut => k(cmd, Key::Minus),
            Action::ZoomActualSize => k(cmd, Key::Num0),
            Action::Go(Direction::Up) => k(Modifiers::ALT, Key::ArrowUp),
            Action::Go(Direction::Down) => k(Modifiers::ALT, Key::ArrowDown),
            Action::Go(Direction::Left) => k(Modifiers::ALT, Key::ArrowLeft),
            Action::Go(Direction::Right) => k(Modifiers::ALT, Key::ArrowRight),
            Action::ToggleOutline => k(cmd | Modifiers::SHIFT, Key::O),
            Action::ToggleInspector => k(cmd | Modifiers::SHIFT, Key::I),
            Action::ToggleLegend => k(cmd | Modifiers::SHIFT, Key::L),
            Action::ShowShortcuts => k(none, Key::F1),
            Action::Present => k(none, Key::F5),
            Action::ArrangeAll => k(cmd | Modifiers::SHIFT, Key::A),
            Action::ArrangeSelection => k(Modifiers::ALT | Modifiers::SHIFT, Key::A),
            Action::TogglePin => k(none, Key::P),
            Action::AddNode(_) | Action::OpenRecent(_) | Action::ExportPresentation => {
                return None;
            }
        })
    }

    /// Further keys that do the same.
    pub fn alternative_shortcuts(self) -> &'static [KeyboardShortcut] {
        const ZOOM_IN: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus)];
        const REDO: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)];
        const DELETE: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::NONE, Key::Backspace)];
        match self {
            Action::ZoomIn => &ZOOM_IN,
            Action::Redo => &REDO,
            Action::Delete => &DELETE,
            _ => &[],
        }
    }

    /// Whether the shortcut works while a text field has the keyboard. Editing keys (undo,
    /// copy, select all, Enter, Tab…) then belong to the field; file and window commands do not.
    pub fn fires_while_typing(self) -> bool {
        matches!(
            self,
            Action::New
                | Action::Open
                | Action::Save
                | Action::SaveAs
                | Action::Export
                | Action::Import
                | Action::Quit
                | Action::Find
                | Action::ZoomIn
                | Action::ZoomOut
                | Action::ZoomActualSize
                | Action::ShowShortcuts
                | Action::Present
                | Action::ToggleOutline
                | Action::ToggleInspector
                | Action::ToggleLegend
        )
    }

    /// Copy, cut and paste arrive as clipboard events from the platform, not as key presses.
    pub fn is_clipboard(self) -> bool {
        matches!(self, Action::Copy | Action::Cut | Action::Paste)
    }
}

/// Mouse gestures, listed in the shortcuts window after the keys.
pub const MOUSE: [(&str, &str); 9] = [
    (
        "Drag the background, middle-drag, scroll, arrow keys",
        "Pan",
    ),
    ("Ctrl + scroll, pinch", "Zoom around the pointer"),
    ("Click / Shift+click", "Select / add to the selection"),
    ("Shift + drag the background", "Select with a box"),
    ("Drag a card", "Move it (and the rest of the selection)"),
    (
        "Drag the dot on a card's right edge onto another card",
        "Link them",
    ),
    ("Double-click the background", "Add a claim there"),
    ("Double-click a card", "Edit its text"),
    ("Right-click a card, link or the background", "More actions"),
];

/// What Tab creates under a node of each kind, and how it is linked (documented in the README).
pub fn default_child(parent: NodeKind) -> (NodeKind, crate::model::Relation) {
    use crate::model::Relation;
    match parent {
        // Evidence supports a claim, and evidence can back other evidence.
        NodeKind::Claim | NodeKind::Evidence => (NodeKind::Evidence, Relation::Supports),
        // A counterpoint is answered by a claim that rebuts it.
        NodeKind::Counterpoint => (NodeKind::Claim, Relation::Opposes),
    }
}

/// A shortcut as people write it: `Ctrl+=` rather than egui's `Ctrl+Equals`.
pub fn shortcut_text(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    let text = ctx.format_shortcut(shortcut);
    let (mods, key) = match text.rfind('+') {
        Some(i) if i + 1 < text.len() => text.split_at(i + 1),
        _ => ("", text.as_str()),
    };
    let key = match key {
        "Equals" => "=",
        "Minus" => "-",
        "Plus" => "+",
        "Num0" => "0",
        other => other,
    };
    format!("{mods}{key}")
}
