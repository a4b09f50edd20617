//! Automatic layout of generated maps: `cargo bench --bench layout`.
//!
//! `arrange` lays out a map whose cards are all piled at the origin (the worst case: every
//! card moves); `arrange_laid_out` re-arranges a map that is already tidy (nothing moves).

mod common;

use argmap::layout::{Scope, arrange};
use argmap::model::Position;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

#[divan::bench(args = [100, 1_000, 10_000, 100_000], sample_count = 10, max_time = 5)]
fn arrange_piled(bencher: Bencher, nodes: usize) {
    let mut map = (*common::map(nodes)).clone();
    for node in &mut map.nodes {
        node.pos = Position::default();
    }
    bencher.bench_local(|| arrange(black_box(&map), &common::card_size, &Scope::All));
}

#[divan::bench(args = [100, 1_000, 10_000, 100_000], sample_count = 10, max_time = 5)]
fn arrange_laid_out(bencher: Bencher, nodes: usize) {
    let map = common::map(nodes);
    bencher.bench_local(|| arrange(black_box(&map), &common::card_size, &Scope::All));
}
