//! Every command the user can give from a menu, a button, a shortcut or the command palette,
//! in one table: each command's text, tooltip and keys are written once, in [`Action::info`],
//! and every list of commands is [`Action::ALL`], made from the enum's own declaration, so the
//! menus, the shortcut handler, the shortcuts window and the palette cannot disagree.

use super::navigate::Direction;
use crate::model::NodeKind;
use egui::{Key, KeyboardShortcut, Modifiers};

/// Declares the enum and `ALL`, the list of its variants, from one list of names, so a new
/// command cannot be left out of the list. (A small macro rather than strum's `EnumIter`: the
/// derive would rebuild syn with more features, and every proc-macro crate after it.)
macro_rules! commands {
    ($(#[$meta:meta])* pub enum $name:ident { $($variant:ident,)* }) => {
        $(#[$meta])*
        pub enum $name { $($variant,)* }

        impl $name {
            /// Every command, in the order declared.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
        }
    };
}

commands! {
    /// The order of the variants is the order of the shortcuts window and of the palette.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Action {
        New,
        Open,
        Save,
        SaveAs,
        Import,
        Export,
        ExportPresentation,
        Quit,
        Undo,
        Redo,
        Cut,
        Copy,
        Paste,
        Delete,
        SelectAll,
        AddLinkedNode,
        AddClaim,
        AddEvidence,
        AddCounterpoint,
        AddCoPremise,
        UndercutReason,
        JoinReasons,
        SplitReason,
        EditText,
        Find,
        CommandPalette,
        ArrangeAll,
        ArrangeSelection,
        TogglePin,
        ClearSelection,
        GoUp,
        GoDown,
        GoLeft,
        GoRight,
        FitMap,
        ZoomToSelection,
        ZoomIn,
        ZoomOut,
        ZoomActualSize,
        UiLarger,
        UiSmaller,
        UiReset,
        ToggleOutline,
        ToggleInspector,
        ToggleLegend,
        Present,
        ShowShortcuts,
    }
}

/// One row of the command table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CommandInfo {
    /// What menus, the palette and the shortcuts window call it.
    pub text: &'static str,
    /// A sentence saying what it does (menu and toolbar tooltips, the palette).
    pub tooltip: &'static str,
    /// The main shortcut (menus show it).
    pub shortcut: Option<KeyboardShortcut>,
    /// Another key that does the same.
    pub alternative: Option<KeyboardShortcut>,
    /// The shortcut works while a text field has the keyboard. Editing keys (undo, copy,
    /// select all, Enter, Tab…) then belong to the field; file and window commands do not.
    pub while_typing: bool,
}

const fn command(
    text: &'static str,
    tooltip: &'static str,
    shortcut: Option<KeyboardShortcut>,
) -> CommandInfo {
    CommandInfo {
        text,
        tooltip,
        shortcut,
        alternative: None,
        while_typing: false,
    }
}

impl CommandInfo {
    const fn or(self, alternative: KeyboardShortcut) -> Self {
        Self {
            alternative: Some(alternative),
            ..self
        }
    }

    const fn while_typing(self) -> Self {
        Self {
            while_typing: true,
            ..self
        }
    }
}

const fn mods(command: bool, shift: bool, alt: bool) -> Modifiers {
    Modifiers {
        alt,
        ctrl: false,
        shift,
        mac_cmd: false,
        command,
    }
}

const fn key(key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(Modifiers::NONE, key))
}
const fn ctrl(key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(mods(true, false, false), key))
}
const fn ctrl_shift(key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(mods(true, true, false), key))
}
const fn shift(key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(mods(false, true, false), key))
}
const fn alt(key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(mods(false, false, true), key))
}
const fn alt_shift(key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(mods(false, true, true), key))
}

impl Action {
    /// The command table.
    ///
    /// Canvas zoom is Ctrl+=/-/0, as in drawing programs; the interface text size is the same
    /// keys with Shift (egui's own Ctrl+plus/minus GUI zoom is turned off, see `ui_scale`).
    /// On a US keyboard Shift+= types `+`, so "larger" also answers to `Plus`.
    pub const fn info(self) -> CommandInfo {
        use Action as A;
        match self {
            A::New => command("New map", "Start an empty map.", ctrl(Key::N)).while_typing(),
            A::Open => command("Open…", "Open a map file.", ctrl(Key::O)).while_typing(),
            A::Save => command("Save", "Save the map to its file.", ctrl(Key::S)).while_typing(),
            A::SaveAs => command(
                "Save as…",
                "Save the map to a new file.",
                ctrl_shift(Key::S),
            )
            .while_typing(),
            A::Import => command(
                "Import…",
                "Open an Argdown or AIF file as a new map.",
                ctrl(Key::I),
            )
            .while_typing(),
            A::Export => command(
                "Export…",
                "Write the map (or the selection) as a picture, PDF, text or data file.",
                ctrl(Key::E),
            )
            .while_typing(),
            A::ExportPresentation => command(
                "Export presentation…",
                "Write the talk's steps as PDF pages or pictures.",
                None,
            ),
            A::Quit => command("Quit", "Close argmap.", ctrl(Key::Q)).while_typing(),
            A::Undo => command("Undo", "Undo the last change.", ctrl(Key::Z)),
            A::Redo => command("Redo", "Redo the change just undone.", ctrl_shift(Key::Z))
                .or(KeyboardShortcut::new(mods(true, false, false), Key::Y)),
            A::Cut => command(
                "Cut",
                "Copy the selected nodes, then delete them.",
                ctrl(Key::X),
            ),
            A::Copy => command(
                "Copy",
                "Copy the selected nodes (paste them into any map).",
                ctrl(Key::C),
            ),
            A::Paste => command(
                "Paste",
                "Paste copied nodes, or text as a new claim.",
                ctrl(Key::V),
            ),
            A::Delete => command(
                "Delete",
                "Delete the selected nodes or link.",
                key(Key::Delete),
            )
            .or(KeyboardShortcut::new(Modifiers::NONE, Key::Backspace)),
            A::SelectAll => command("Select all", "Select every node.", ctrl(Key::A)),
            A::AddLinkedNode => command(
                "Add linked node",
                "Add a node that bears on the selected one, of the usual kind for it.",
                key(Key::Tab),
            ),
            A::AddClaim => command(
                "Add claim",
                "Add a claim (linked to the selection, if any).",
                None,
            ),
            A::AddEvidence => command(
                "Add evidence",
                "Add evidence (linked to the selection, if any).",
                None,
            ),
            A::AddCounterpoint => command(
                "Add counterpoint",
                "Add a counterpoint (linked to the selection, if any).",
                None,
            ),
            A::AddCoPremise => command(
                "Add co-premise",
                "Add a premise that bears on the same node only together with the selected one.",
                shift(Key::Enter),
            ),
            A::UndercutReason => command(
                "Undercut reason",
                "Add a counterpoint that attacks the selected reason's inference, not its claim.",
                key(Key::U),
            ),
            A::JoinReasons => command(
                "Join into one reason",
                "Make the selected premises one reason: they then count only together.",
                key(Key::J),
            ),
            A::SplitReason => command(
                "Split reason",
                "Split the selected linked reason into one reason per premise.",
                shift(Key::J),
            ),
            A::EditText => command(
                "Edit text",
                "Type the selected node's text.",
                key(Key::Enter),
            ),
            A::Find => command("Find…", "Find nodes by their words.", ctrl(Key::F)).while_typing(),
            A::CommandPalette => command(
                "Command palette…",
                "Run any command, or go to a node, by typing a few of its letters.",
                ctrl_shift(Key::P),
            )
            .while_typing(),
            A::ArrangeAll => command(
                "Arrange map",
                "Lay out the whole map as a tidy tree (pinned nodes stay).",
                ctrl_shift(Key::A),
            ),
            A::ArrangeSelection => command(
                "Arrange selected subtrees",
                "Lay out the subtrees under the selected nodes.",
                alt_shift(Key::A),
            ),
            A::TogglePin => command(
                "Pin / unpin",
                "Pinned nodes keep their place when the map is arranged.",
                key(Key::P),
            ),
            A::ClearSelection => command("Clear selection", "Select nothing.", key(Key::Escape)),
            A::GoUp => command(
                "Go to the node it bears on",
                "Select the node the selected one supports or opposes.",
                alt(Key::ArrowUp),
            ),
            A::GoDown => command(
                "Go to what bears on it",
                "Select a node that supports or opposes the selected one.",
                alt(Key::ArrowDown),
            ),
            A::GoLeft => command(
                "Go to previous sibling",
                "Select the previous node bearing on the same parent.",
                alt(Key::ArrowLeft),
            ),
            A::GoRight => command(
                "Go to next sibling",
                "Select the next node bearing on the same parent.",
                alt(Key::ArrowRight),
            ),
            A::FitMap => command("Fit map", "Show the whole map.", key(Key::F)),
            A::ZoomToSelection => command(
                "Zoom to selection",
                "Show the selected nodes as large as they fit.",
                shift(Key::F),
            ),
            A::ZoomIn => command("Zoom in", "Zoom the map in.", ctrl(Key::Equals))
                .or(KeyboardShortcut::new(mods(true, false, false), Key::Plus))
                .while_typing(),
            A::ZoomOut => command("Zoom out", "Zoom the map out.", ctrl(Key::Minus)).while_typing(),
            A::ZoomActualSize => command(
                "Actual size (100%)",
                "Show the map at 100%.",
                ctrl(Key::Num0),
            )
            .while_typing(),
            A::UiLarger => command(
                "Larger interface text",
                "Make the menus, panels and dialogs larger (not the map).",
                ctrl_shift(Key::Plus),
            )
            .or(KeyboardShortcut::new(mods(true, true, false), Key::Equals))
            .while_typing(),
            A::UiSmaller => command(
                "Smaller interface text",
                "Make the menus, panels and dialogs smaller (not the map).",
                ctrl_shift(Key::Minus),
            )
            .while_typing(),
            A::UiReset => command(
                "Default interface text size",
                "Menus, panels and dialogs at their usual size.",
                ctrl_shift(Key::Num0),
            )
            .while_typing(),
            A::ToggleOutline => command(
                "Outline panel",
                "Show or hide the left panel (outline, sources, problems, talk).",
                ctrl_shift(Key::O),
            )
            .while_typing(),
            A::ToggleInspector => command(
                "Inspector panel",
                "Show or hide the right panel (inspector, reader).",
                ctrl_shift(Key::I),
            )
            .while_typing(),
            A::ToggleLegend => command(
                "Legend",
                "Show or hide the legend of kinds and links.",
                ctrl_shift(Key::L),
            )
            .while_typing(),
            A::Present => command(
                "Present",
                "Show the talk step by step, full screen (Esc leaves).",
                key(Key::F5),
            )
            .while_typing(),
            A::ShowShortcuts => command(
                "Keyboard shortcuts",
                "List every shortcut and mouse gesture.",
                key(Key::F1),
            )
            .while_typing(),
        }
    }

    /// Every command, in the table's order.
    pub fn iter() -> impl Iterator<Item = Action> {
        Self::ALL.iter().copied()
    }

    pub fn text(self) -> &'static str {
        self.info().text
    }

    pub fn tooltip(self) -> &'static str {
        self.info().tooltip
    }

    /// The main shortcut (menus show it).
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.info().shortcut
    }

    /// Every key that runs it: the main shortcut, then the alternative.
    pub fn shortcuts(self) -> impl Iterator<Item = KeyboardShortcut> {
        let info = self.info();
        info.shortcut.into_iter().chain(info.alternative)
    }

    pub fn fires_while_typing(self) -> bool {
        self.info().while_typing
    }

    /// Copy, cut and paste arrive as clipboard events from the platform, not as key presses.
    pub fn is_clipboard(self) -> bool {
        matches!(self, Action::Copy | Action::Cut | Action::Paste)
    }

    /// The command that adds a node of this kind.
    pub fn add_node(kind: NodeKind) -> Action {
        match kind {
            NodeKind::Claim => Action::AddClaim,
            NodeKind::Evidence => Action::AddEvidence,
            NodeKind::Counterpoint => Action::AddCounterpoint,
        }
    }

    /// The kind of node this command adds, if it adds one.
    pub fn node_kind(self) -> Option<NodeKind> {
        match self {
            Action::AddClaim => Some(NodeKind::Claim),
            Action::AddEvidence => Some(NodeKind::Evidence),
            Action::AddCounterpoint => Some(NodeKind::Counterpoint),
            _ => None,
        }
    }

    /// Where this command moves the selection, if it is a "go to" command.
    pub fn direction(self) -> Option<Direction> {
        match self {
            Action::GoUp => Some(Direction::Up),
            Action::GoDown => Some(Direction::Down),
            Action::GoLeft => Some(Direction::Left),
            Action::GoRight => Some(Direction::Right),
            _ => None,
        }
    }
}

/// Mouse gestures, listed in the shortcuts window after the keys.
pub const MOUSE: [(&str, &str); 11] = [
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
    (
        "Drag the dot on a card's right edge onto a link",
        "Undercut that reason",
    ),
    (
        "Drag a card into a reason's box, or out of it",
        "Make it a co-premise, or take it out",
    ),
    ("Double-click the background", "Add a claim there"),
    ("Double-click a card", "Edit its text"),
    ("Right-click a card, link or the background", "More actions"),
];

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

/// Every key of a command as people write them: `Ctrl+= or Ctrl++`.
pub fn keys_text(ctx: &egui::Context, action: Action) -> Option<String> {
    let keys: Vec<String> = action.shortcuts().map(|s| shortcut_text(ctx, &s)).collect();
    (!keys.is_empty()).then(|| keys.join(" or "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_command_has_its_own_text_and_a_tooltip() {
        let mut texts = HashSet::new();
        for action in Action::iter() {
            let info = action.info();
            assert!(
                texts.insert(info.text),
                "two commands named {:?}",
                info.text
            );
            assert!(
                info.tooltip.ends_with('.') && info.tooltip.len() > 8,
                "{action:?} needs a tooltip sentence"
            );
        }
    }

    #[test]
    fn no_two_commands_share_a_key() {
        let mut seen = HashSet::new();
        for action in Action::iter() {
            for shortcut in action.shortcuts() {
                let m = shortcut.modifiers;
                let key = (m.command, m.shift, m.alt, shortcut.logical_key);
                assert!(seen.insert(key), "{action:?} reuses {shortcut:?}");
            }
        }
    }

    #[test]
    fn add_and_go_commands_map_to_their_kinds_and_directions() {
        for kind in NodeKind::ALL {
            assert_eq!(Action::add_node(kind).node_kind(), Some(kind));
        }
        let directions: Vec<Direction> = Action::iter().filter_map(Action::direction).collect();
        assert_eq!(directions.len(), 4);
    }
}
