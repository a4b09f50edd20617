//! Comparing and merging maps by their items (nodes, links, sources matched by id), so that a
//! change reads as "node X: text changed" rather than as lines of RON, and so that git can
//! merge two branches' edits of one map (`argmap diff --git`, `argmap merge`).

mod compare;
mod merge;
mod words;

pub use compare::{Entry, FieldChange, MapDiff, diff};
pub use merge::{Merged, merge};

#[cfg(test)]
mod tests;
