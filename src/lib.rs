//! argmap: argument maps as data, files, exports and a desktop app.
//!
//! - [`model`]: the map itself (nodes, links, sources) and its validation; no UI, no files.
//! - [`format`]: the `.ron` file format, with positioned error messages and atomic saving.
//! - [`export`]: other formats for other tools and for reports.
//! - [`cli`]: the command line.
//! - [`bundled`]: maps built into the binary.

pub mod app;
pub mod bundled;
pub mod cli;
pub mod edit;
pub mod export;
pub mod format;
pub mod model;
pub mod text;
