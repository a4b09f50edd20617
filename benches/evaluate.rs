//! Weighing a map (`argmap::evaluate`): `cargo bench --bench evaluate`.
//!
//! The generated maps hold linked reasons and undercuts; `evaluate` finds every node's and
//! reason's status from them (issue 14's targets: 10,000 nodes ≤ 10 ms, 100,000 ≤ 150 ms).

mod common;

use argmap::evaluate::{Judgements, evaluate};
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[1_000, 10_000, 100_000];

#[divan::bench(args = SIZES, sample_count = 20, max_time = 6)]
fn statuses(bencher: Bencher, nodes: usize) {
    let map = common::map(nodes);
    let judgements = Judgements::none(&map);
    bencher.bench_local(|| evaluate(black_box(&map), &judgements));
}
