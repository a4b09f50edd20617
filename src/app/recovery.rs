//! Crash recovery: unsaved work is written to a recovery file every few seconds; after a
//! crash or kill, the next start offers to restore it.

use crate::model::ArgumentMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub const INTERVAL: Duration = Duration::from_secs(3);

/// What a recovery file holds: the map and the file it belongs to (if it had one).
pub struct Recovered {
    pub map: ArgumentMap,
    pub original: Option<PathBuf>,
    pub file: PathBuf,
}

pub struct Recovery {
    folder: Option<PathBuf>,
    last_written: Option<(u64, Instant)>,
    /// The write under way. Writing a 100,000-node map takes longer than a frame, so it runs
    /// on its own thread on a shared snapshot; it says whether the file was written.
    writing: Option<JoinHandle<bool>>,
}

impl Recovery {
    /// Recovery files live in `folder` (the platform's per-user data folder by default).
    pub fn new(folder: Option<PathBuf>) -> Self {
        Self {
            folder,
            last_written: None,
            writing: None,
        }
    }

    pub fn default_folder() -> Option<PathBuf> {
        directories::ProjectDirs::from("org", "argmap", "argmap")
            .map(|d| d.data_local_dir().join("recovery"))
    }

    fn file(&self) -> Option<PathBuf> {
        // One per process: two argmap windows never overwrite each other's recovery.
        Some(
            self.folder
                .as_ref()?
                .join(format!("unsaved-{}.ron", std::process::id())),
        )
    }

    /// Writes the map (in the background) if it changed since the last write and the interval
    /// has passed. Failures are ignored: recovery is a safety net, never a reason to interrupt
    /// work; a failed write is tried again at the next interval.
    pub fn maybe_write(
        &mut self,
        map: &Arc<ArgumentMap>,
        original: Option<&Path>,
        version: u64,
        now: Instant,
    ) {
        if self.writing.as_ref().is_some_and(|w| !w.is_finished()) {
            return;
        }
        self.finish_writing();
        if let Some((written, at)) = self.last_written
            && (written == version || now.duration_since(at) < INTERVAL)
        {
            return;
        }
        let Some(file) = self.file() else { return };
        let header = match original {
            Some(p) => format!("// argmap recovery of: {}\n", p.display()),
            None => "// argmap recovery of: (unsaved new map)\n".to_owned(),
        };
        let map = Arc::clone(map);
        self.last_written = Some((version, now));
        self.writing = Some(std::thread::spawn(move || {
            let _ = std::fs::create_dir_all(file.parent().unwrap_or(Path::new(".")));
            let text = header + &crate::format::to_ron_string(&map);
            crate::format::write_atomically(&file, text.as_bytes()).is_ok()
        }));
    }

    /// Waits for the write under way to finish.
    #[cfg(test)]
    pub fn flush(&mut self) {
        self.finish_writing();
    }

    /// Waits for the write under way; if it failed, the next call writes again.
    fn finish_writing(&mut self) {
        if let Some(writing) = self.writing.take()
            && !writing.join().unwrap_or(false)
        {
            self.last_written = None;
        }
    }

    /// The map is saved (or deliberately discarded): the recovery file is no longer needed.
    pub fn clear(&mut self) {
        // A write still under way would bring the file back after it is removed.
        self.finish_writing();
        if let Some(file) = self.file() {
            let _ = std::fs::remove_file(file);
        }
        self.last_written = None;
    }

    /// Recovery files left by argmap processes that are no longer running, newest first.
    pub fn leftovers(&self) -> Vec<Recovered> {
        let Some(folder) = &self.folder else {
            return Vec::new();
        };
        let Ok(entries) = std::fs::read_dir(folder) else {
            return Vec::new();
        };
        let mine = self.file();
        let mut found: Vec<(std::time::SystemTime, Recovered)> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| Some(p) != mine.as_ref() && p.extension().is_some_and(|e| e == "ron"))
            .filter(|p| !pid_of(p).is_some_and(process_is_running))
            .filter_map(|file| {
                let text =
                    crate::format::read_text_bounded(&file, crate::format::MAX_FILE_BYTES).ok()?;
                let original = text
                    .lines()
                    .next()
                    .and_then(|l| l.strip_prefix("// argmap recovery of: "))
                    .filter(|p| !p.starts_with('('))
                    .map(PathBuf::from);
                let map = crate::format::from_ron_str(&text).ok()?;
                let modified = std::fs::metadata(&file).and_then(|m| m.modified()).ok()?;
                Some((
                    modified,
                    Recovered {
                        map,
                        original,
                        file,
                    },
                ))
            })
            .collect();
        found.sort_by_key(|f| std::cmp::Reverse(f.0));
        found.into_iter().map(|(_, r)| r).collect()
    }
}

fn pid_of(file: &Path) -> Option<u32> {
    file.file_stem()?
        .to_str()?
        .strip_prefix("unsaved-")?
        .parse()
        .ok()
}

/// Whether a process with this id is alive (Linux: /proc). Elsewhere, assume not, so a
/// leftover is always offered.
fn process_is_running(pid: u32) -> bool {
    pid != std::process::id() && Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_unsaved_work_and_a_later_run_finds_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut recovery = Recovery::new(Some(dir.path().to_owned()));
        let map = Arc::new(crate::bundled::article_map());
        let t0 = Instant::now();
        recovery.maybe_write(&map, Some(Path::new("/maps/a.ron")), 1, t0);
        recovery.flush();
        let file = recovery.file().unwrap();
        assert!(file.exists());
        // Pretend the process died: rename to a pid that is not running.
        let orphan = dir.path().join("unsaved-4000000000.ron");
        std::fs::rename(&file, &orphan).unwrap();
        let found = Recovery::new(Some(dir.path().to_owned())).leftovers();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].map, *map);
        assert_eq!(found[0].original.as_deref(), Some(Path::new("/maps/a.ron")));
        // Its own file is never offered back to the running process.
        recovery.maybe_write(&map, None, 2, t0 + INTERVAL);
        recovery.flush();
        assert_eq!(recovery.leftovers().len(), 1);
        recovery.clear();
        assert!(!recovery.file().unwrap().exists());
    }

    #[test]
    fn does_not_rewrite_an_unchanged_map_or_write_too_often() {
        let dir = tempfile::tempdir().unwrap();
        let mut recovery = Recovery::new(Some(dir.path().to_owned()));
        let map = Arc::new(ArgumentMap::new("t"));
        let t0 = Instant::now();
        recovery.maybe_write(&map, None, 1, t0);
        recovery.flush();
        let file = recovery.file().unwrap();
        std::fs::remove_file(&file).unwrap();
        recovery.maybe_write(&map, None, 1, t0 + INTERVAL * 2);
        recovery.flush();
        assert!(!file.exists(), "same version: no write");
        recovery.maybe_write(&map, None, 2, t0 + Duration::from_millis(10));
        recovery.flush();
        assert!(!file.exists(), "too soon: no write");
        recovery.maybe_write(&map, None, 2, t0 + INTERVAL * 2);
        recovery.flush();
        assert!(file.exists());
    }
}
