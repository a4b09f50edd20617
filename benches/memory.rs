//! Memory held with a 100,000-node map loaded: `cargo bench --bench memory`.
//!
//! Writes the generated map to a temporary file, then measures in a fresh child process (so
//! nothing from generating the map is left on the heap): resident memory before reading the
//! file, after reading and parsing it (the map kept, the file's bytes dropped), and the
//! peak. The map is read with `format::parse_checked`, as opening a file does (parse,
//! validate, place each warning in the text). Then the map is opened in the app (headless, in
//! egui_kittest's harness, a few frames drawn) and the resident memory measured again, at
//! the opening view and fitted (`F`). The real window adds the OpenGL driver and its
//! buffers: see BENCHMARKS.md for how that is measured.

mod common;

use argmap::app::{ArgmapApp, Environment, ScriptedDialogs, Startup};
use std::path::Path;
use std::process::Command;

const NODES: usize = 100_000;
const CHILD: &str = "ARGMAP_MEMORY_BENCH_FILE";

fn main() {
    if let Ok(path) = std::env::var(CHILD) {
        measure(Path::new(&path));
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("map.ron");
    std::fs::write(&path, common::ron(NODES).as_bytes()).expect("the map is written");
    let status = Command::new(std::env::current_exe().expect("this benchmark's path"))
        .env(CHILD, &path)
        .status()
        .expect("the measuring process runs");
    assert!(status.success());
}

fn measure(path: &Path) {
    let before = resident_mib();
    let bytes = std::fs::read(path).expect("the map file reads");
    let file_mib = bytes.len() as f64 / (1024.0 * 1024.0);
    let loaded = argmap::format::parse_checked(&bytes).expect("the map loads");
    let map = loaded.map;
    drop(loaded.warnings);
    drop(bytes);
    let after = resident_mib();
    let peak = peak_mib();
    println!("memory with a {NODES}-node map loaded (file {file_mib:.1} MiB):");
    println!("  resident before loading      {before:>7.1} MiB");
    println!("  resident with the map loaded {after:>7.1} MiB");
    // Includes heap the allocator keeps after the file's bytes and the warnings are freed.
    println!("  grown by loading             {:>7.1} MiB", after - before);
    println!("  peak while loading           {peak:>7.1} MiB");
    assert_eq!(map.nodes.len(), NODES);

    // The same map open in the app (headless, a few frames drawn at the start-up view).
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_eframe(move |cc| {
            ArgmapApp::new(
                cc,
                Startup::with_map(map, None),
                Environment {
                    dialogs: Box::new(ScriptedDialogs::default()),
                    recovery_folder: None,
                },
            )
        });
    for _ in 0..3 {
        harness.step();
    }
    let app = resident_mib();
    println!("  resident with it open in app {app:>7.1} MiB");
    // Fitted (F): every card and link on screen, drawn into the far-out meshes.
    harness.key_press(egui::Key::F);
    for _ in 0..3 {
        harness.step();
    }
    let fitted = resident_mib();
    println!("  resident with the map fitted {fitted:>7.1} MiB");
    println!("  peak overall                 {:>7.1} MiB", peak_mib());
    assert_eq!(harness.state().map().nodes.len(), NODES);
}

/// Resident set size from /proc/self/statm (second field, in pages).
fn resident_mib() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").expect("Linux /proc");
    let pages: f64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .expect("statm has a resident field");
    pages * page_size() / (1024.0 * 1024.0)
}

/// The peak resident set size (VmHWM) from /proc/self/status.
fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc");
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("status has VmHWM");
    kib / 1024.0
}

fn page_size() -> f64 {
    // Every Linux machine argmap runs on uses 4 KiB pages; /proc/self/smaps would say
    // otherwise, but statm's unit is the page size the kernel was built with.
    let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap_or_default();
    smaps
        .lines()
        .find_map(|l| l.strip_prefix("KernelPageSize:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(4096.0, |kib| kib * 1024.0)
}
