//! Maps as pictures, without egui: the layout of cards, text and links that picture exports
//! (SVG, PNG, PDF) draw. [`build`] turns a map into a [`Scene`] of positioned shapes and text
//! lines in map units that mirrors the canvas (same font, sizes, colours and link routes).

pub mod arrow;
pub mod card;
pub mod clean;
pub mod font;
pub mod geom;
mod grid;
mod legend;
pub mod measure;
pub mod page;
pub mod palette;
pub mod parallel;
mod parts;
pub mod reason;
pub mod route;
mod scene;
pub mod style;
pub mod wrap;

pub use parts::{
    Arrow, Badge, Card, Emphasis, Halo, Icon, Legend, Marker, ReasonBox, SchemeLabel, TextRun,
};
pub use scene::{Scene, build};
