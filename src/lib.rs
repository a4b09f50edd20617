//! argmap: argument maps as data, files, exports and a desktop app.
//!
//! - [`model`]: the map itself (nodes, links, sources) and its validation; no UI, no files.
//! - [`format`]: the `.ron` file format, with positioned error messages and atomic saving.
//! - [`export`]: other formats for other tools and for reports.
//! - [`render`]: maps laid out as pictures (cards, text lines, link routes) for SVG/PNG/PDF.
//! - [`cli`]: the command line.
//! - [`bundled`]: maps built into the binary.
//! - [`layout`]: automatic arrangement of a map as a tidy tree.
//! - [`generate`]: realistic generated maps for tests and benchmarks.
//! - [`interchange`]: Argdown and AIF, to share maps with other argument-mapping tools.
//! - [`evaluate`]: weighing a map: which claims hold, from its reasons and judgements.
//! - [`diff`]: what changed between two maps, and three-way merges (git drivers).
//! - [`report`]: the one-line `argmap: error: …` form failures take on stderr.
//! - [`crash`]: crash reports written when argmap panics (kept locally, never sent).

pub mod app;
pub mod bundled;
pub mod cli;
pub mod crash;
pub mod diff;
pub mod edit;
pub mod evaluate;
pub mod export;
pub mod format;
pub mod generate;
pub mod interchange;
pub mod layout;
pub mod model;
pub mod render;
pub mod report;
pub mod text;
