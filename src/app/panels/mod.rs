//! The panels around the canvas. Each reads the map and view state and reports what the user
//! asked for (select a node, toggle a panel) instead of changing the map itself.

pub mod find;
pub mod inspector;
pub mod menu;
pub mod outline;
pub mod problems;
pub mod reader;
mod reason_details;
pub mod sources;
pub mod status;
pub mod talk;

/// What the panels remember between frames: which tabs are showing and each panel's own
/// state (scroll, filters, Find's query).
#[derive(Default)]
pub struct Panels {
    pub left: LeftTab,
    pub right: RightTab,
    pub outline: outline::OutlineState,
    pub find: find::FindState,
    pub sources: sources::SourcesState,
    pub reader: reader::ReaderState,
    pub talk: talk::TalkState,
}

/// Which tab the left panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LeftTab {
    #[default]
    Outline,
    Sources,
    Problems,
    Talk,
}

/// Which tab the right panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RightTab {
    #[default]
    Inspector,
    Reader,
}
