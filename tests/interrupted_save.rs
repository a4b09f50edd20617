//! A save interrupted at any point leaves the previous file readable and unchanged.

use argmap::format::{open, to_ron_string, write_atomically_with};
use std::io::Write;

#[test]
fn a_save_cut_off_at_any_byte_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    let old = argmap::bundled::article_map();
    argmap::format::save(&old, &path).unwrap();
    let old_bytes = std::fs::read(&path).unwrap();

    let mut new = old.clone();
    new.title = "A different title".into();
    new.nodes.truncate(1);
    let new_text = to_ron_string(&new);
    let step = (new_text.len() / 97).max(1);
    for cut in (0..new_text.len()).step_by(step) {
        let result = write_atomically_with(&path, |file| {
            file.write_all(&new_text.as_bytes()[..cut])?;
            Err(std::io::Error::other("killed"))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), old_bytes, "cut at {cut}");
        assert_eq!(open(&path).unwrap().map, old);
    }
    // Nothing is left behind but the map itself.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("map.ron")]);
}

#[cfg(unix)]
#[test]
fn a_process_killed_while_saving_leaves_a_readable_file() {
    // A real kill -9 of a process that saves a big map over and over.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    let map_path = dir.path().join("source.ron");
    argmap::format::save(&argmap::bundled::article_map(), &map_path).unwrap();
    for delay_ms in [5u64, 20, 60, 150] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_argmap"))
            .args(["export", map_path.to_str().unwrap(), "--to"])
            .arg(path.with_extension("json"))
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        // Either no file yet, or a complete one: never a partial JSON.
        if let Ok(text) = std::fs::read_to_string(path.with_extension("json")) {
            serde_json::from_str::<serde_json::Value>(&text).expect("complete JSON");
        }
    }
}
