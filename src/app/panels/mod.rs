//! The panels around the canvas. Each reads the map and view state and reports what the user
//! asked for (select a node, toggle a panel) instead of changing the map itself.

pub mod inspector;
pub mod menu;
pub mod outline;
pub mod problems;
pub mod reader;
pub mod shortcuts;
pub mod source_editor;
pub mod sources;
pub mod status;
pub mod talk;
