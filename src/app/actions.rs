//! Everything the user can do from a menu, a button or a shortcut, in one list, so menus,
//! the shortcut handler and the shortcuts window always agree.

use super::navigate::Direction;
use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
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
}

impl Action {
    /// Every action that has a shortcut, in the order the shortcuts window lists them.
    pub const WITH_SHORTCUTS: [Action; 15] = [
        Action::Quit,
        Action::FitMap,
        Action::ZoomToSelection,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomActualSize,
        Action::ClearSelection,
        Action::Go(Direction::Up),
        Action::Go(Direction::Down),
        Action::Go(Direction::Left),
        Action::Go(Direction::Right),
        Action::ToggleOutline,
        Action::ToggleInspector,
        Action::ToggleLegend,
        Action::ShowShortcuts,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Action::Quit => "Quit",
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
        }
    }

    /// The main shortcut (menus show it).
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let none = Modifiers::NONE;
        let k = KeyboardShortcut::new;
        Some(match self {
            Action::Quit => k(Modifiers::COMMAND, Key::Q),
            Action::FitMap => k(none, Key::F),
            Action::ZoomToSelection => k(Modifiers::SHIFT, Key::F),
            Action::ZoomIn => k(Modifiers::COMMAND, Key::Equals),
            Action::ZoomOut => k(Modifiers::COMMAND, Key::Minus),
            Action::ZoomActualSize => k(Modifiers::COMMAND, Key::Num0),
            Action::ClearSelection => k(none, Key::Escape),
            Action::Go(Direction::Up) => k(Modifiers::ALT, Key::ArrowUp),
            Action::Go(Direction::Down) => k(Modifiers::ALT, Key::ArrowDown),
            Action::Go(Direction::Left) => k(Modifiers::ALT, Key::ArrowLeft),
            Action::Go(Direction::Right) => k(Modifiers::ALT, Key::ArrowRight),
            Action::ToggleOutline => k(Modifiers::COMMAND | Modifiers::SHIFT, Key::O),
            Action::ToggleInspector => k(Modifiers::COMMAND | Modifiers::SHIFT, Key::I),
            Action::ToggleLegend => k(Modifiers::COMMAND | Modifiers::SHIFT, Key::L),
            Action::ShowShortcuts => k(none, Key::F1),
        })
    }

    /// Further keys that do the same (Ctrl++ as well as Ctrl+=, for keyboards without `=`).
    pub fn alternative_shortcuts(self) -> &'static [KeyboardShortcut] {
        const ZOOM_IN: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus)];
        match self {
            Action::ZoomIn => &ZOOM_IN,
            _ => &[],
        }
    }

    /// Whether the shortcut still works while a text field has the keyboard: Ctrl/Cmd
    /// combinations and function keys do; plain letters, arrows and Esc belong to the field.
    pub fn fires_while_typing(self) -> bool {
        self.shortcut()
            .is_some_and(|s| s.modifiers.command || matches!(s.logical_key, Key::F1 | Key::F5))
    }
}

/// Other keys the canvas understands that are not actions of their own (listed in the
/// shortcuts window).
pub const CANVAS_KEYS: [(&str, &str); 6] = [
    ("Drag background / middle mouse", "Pan"),
    ("Arrow keys", "Pan"),
    ("Scroll wheel", "Pan"),
    ("Ctrl + scroll, pinch", "Zoom around the pointer"),
    ("Click", "Select a node"),
    ("Shift/Ctrl + click", "Add to or remove from the selection"),
];
