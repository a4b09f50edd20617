//! What the benchmarks share: generated maps (made once per size) and card sizes.

#![allow(dead_code)] // each benchmark uses its own part

use argmap::app::canvas::CardSizes;
use argmap::generate::generate;
use argmap::model::{ArgumentMap, Node};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The seed of every benchmark map.
pub const SEED: u64 = 1;

/// The generated map of `nodes` nodes (seed [`SEED`]), made once per process.
pub fn map(nodes: usize) -> Arc<ArgumentMap> {
    static MAPS: OnceLock<Mutex<HashMap<usize, Arc<ArgumentMap>>>> = OnceLock::new();
    let mut maps = MAPS.get_or_init(Default::default).lock().unwrap();
    maps.entry(nodes)
        .or_insert_with(|| Arc::new(generate(nodes, SEED)))
        .clone()
}

/// The map's file text, made once per process.
pub fn ron(nodes: usize) -> Arc<String> {
    static TEXTS: OnceLock<Mutex<HashMap<usize, Arc<String>>>> = OnceLock::new();
    let map = map(nodes);
    let mut texts = TEXTS.get_or_init(Default::default).lock().unwrap();
    texts
        .entry(nodes)
        .or_insert_with(|| Arc::new(argmap::format::to_ron_string(&map)))
        .clone()
}

/// Card sizes as the app estimates them before a card is first drawn.
pub fn card_size(node: &Node, is_main: bool) -> (f32, f32) {
    let size = CardSizes::default().size(node, is_main);
    (size.x, size.y)
}
