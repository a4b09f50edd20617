//! Reading and writing map files: `cargo bench --bench file`.
//!
//! `load` is what opening a file costs once its bytes are read (`format::parse_checked`:
//! parse, validate, place every problem in the text); `parse` and `validate` are its first
//! two steps alone. `to_ron` and `save` are the two halves of saving.

mod common;

use argmap::format;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[100, 1_000, 10_000, 100_000];

/// The whole load, with every warning placed in the text (the map has thousands).
#[divan::bench(args = SIZES, sample_count = 5, max_time = 12)]
fn load(bencher: Bencher, nodes: usize) {
    let bytes = common::ron(nodes);
    bencher.bench_local(|| format::parse_checked(black_box(bytes.as_bytes())).map(|m| m.map));
}

#[divan::bench(args = SIZES, sample_count = 10, max_time = 4)]
fn parse(bencher: Bencher, nodes: usize) {
    let text = common::ron(nodes);
    bencher.bench_local(|| format::from_ron_str(black_box(&text)));
}

#[divan::bench(args = SIZES, sample_count = 10, max_time = 4)]
fn validate(bencher: Bencher, nodes: usize) {
    let map = common::map(nodes);
    bencher.bench_local(|| argmap::model::validate(black_box(&map)));
}

#[divan::bench(args = SIZES, sample_count = 10, max_time = 4)]
fn to_ron(bencher: Bencher, nodes: usize) {
    let map = common::map(nodes);
    bencher.bench_local(|| format::to_ron_string(black_box(&map)));
}

#[divan::bench(args = SIZES, sample_count = 10, max_time = 4)]
fn save(bencher: Bencher, nodes: usize) {
    let map = common::map(nodes);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    bencher.bench_local(|| format::save(black_box(&map), &path).unwrap());
}
