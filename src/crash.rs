//! Crash reports: when argmap panics, a report (version, OS, message, backtrace, the last
//! command) is written beside the crash-recovery files, and the normal panic goes on. The next
//! window start says where the report is. Nothing is ever sent anywhere.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What the user did last, for the report. Short: a command's name or a request's summary.
static LAST_COMMAND: Mutex<String> = Mutex::new(String::new());

/// The longest "last command" kept (a canvas request can name many nodes).
const MAX_COMMAND_CHARS: usize = 200;

/// Report files are `crash-<seconds since 1970>-<process id>.txt`.
const PREFIX: &str = "crash-";
const EXTENSION: &str = "txt";

/// Remembers `command` as the last thing the user did.
pub fn note_command(command: &str) {
    let mut last = LAST_COMMAND.lock().unwrap_or_else(|e| e.into_inner());
    last.clear();
    last.extend(command.chars().take(MAX_COMMAND_CHARS));
}

/// Remembers a request from the canvas (its debug form, cut short without formatting all of it).
pub fn note_canvas_request(request: &dyn std::fmt::Debug) {
    note_command(&summary(request));
}

fn summary(request: &dyn std::fmt::Debug) -> String {
    let mut text = Bounded(String::new());
    let _ = write!(text, "canvas: {request:?}");
    text.0
}

/// A `fmt::Write` that stops (with an error, ending the formatting) once it is full.
struct Bounded(String);

impl std::fmt::Write for Bounded {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let room = MAX_COMMAND_CHARS.saturating_sub(self.0.chars().count());
        self.0.extend(s.chars().take(room));
        if s.chars().count() > room {
            Err(std::fmt::Error)
        } else {
            Ok(())
        }
    }
}

fn last_command() -> String {
    // `try_lock`: a panic while the lock is held must not deadlock the hook.
    match LAST_COMMAND.try_lock() {
        Ok(last) => last.clone(),
        Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner().clone(),
        Err(std::sync::TryLockError::WouldBlock) => "(unknown)".into(),
    }
}

/// Everything a crash report says.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub message: String,
    /// `file:line:column` of the panic.
    pub location: Option<String>,
    pub thread: String,
    pub last_command: String,
    pub command_line: String,
    pub backtrace: String,
    /// Seconds since 1970 (UTC).
    pub time: u64,
}

impl Report {
    /// The report for a panic happening now, on this thread.
    pub fn of_panic(info: &std::panic::PanicHookInfo<'_>) -> Self {
        let message = info
            .payload_as_str()
            .unwrap_or("(a panic without a message)")
            .to_owned();
        Self {
            message,
            location: info
                .location()
                .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column())),
            thread: std::thread::current()
                .name()
                .unwrap_or("(unnamed)")
                .to_owned(),
            last_command: last_command(),
            command_line: std::env::args().collect::<Vec<_>>().join(" "),
            // Captured whatever RUST_BACKTRACE says: the report is for whoever fixes the bug.
            backtrace: std::backtrace::Backtrace::force_capture().to_string(),
            time: now(),
        }
    }

    pub fn text(&self) -> String {
        let mut text = String::new();
        let _ = writeln!(text, "argmap crash report");
        let _ = writeln!(text, "version: {}", env!("CARGO_PKG_VERSION"));
        let _ = writeln!(text, "os: {}", os_description());
        let _ = writeln!(text, "time: {} (seconds since 1970, UTC)", self.time);
        let _ = writeln!(text, "thread: {}", self.thread);
        let _ = writeln!(text, "message: {}", self.message);
        let location = self.location.as_deref().unwrap_or("(unknown)");
        let _ = writeln!(text, "location: {location}");
        let last = if self.last_command.is_empty() {
            "(none yet)"
        } else {
            &self.last_command
        };
        let _ = writeln!(text, "last command: {last}");
        let _ = writeln!(text, "command line: {}", self.command_line);
        let _ = writeln!(text, "\nbacktrace:\n{}", self.backtrace);
        let _ = writeln!(
            text,
            "\nThis file stays on this computer: argmap sends nothing anywhere. To report the \
             problem, attach this file (read it first: it names your files and what you did)."
        );
        text
    }
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `linux x86_64 (Debian GNU/Linux 13 (trixie))`: the platform, and the distribution when
/// /etc/os-release names it.
pub fn os_description() -> String {
    let platform = format!("{} {}", std::env::consts::OS, std::env::consts::ARCH);
    let pretty = read_bounded(Path::new("/etc/os-release"), 16 * 1024).and_then(|text| {
        text.lines()
            .find_map(|l| l.strip_prefix("PRETTY_NAME="))
            .map(|v| v.trim_matches('"').to_owned())
    });
    match pretty {
        Some(name) => format!("{platform} ({name})"),
        None => platform,
    }
}

fn read_bounded(path: &Path, limit: u64) -> Option<String> {
    use std::io::Read as _;
    let mut text = String::new();
    std::fs::File::open(path)
        .ok()?
        .take(limit)
        .read_to_string(&mut text)
        .ok()?;
    Some(text)
}

/// Writes `report` into `folder` (created if needed); returns the file.
pub fn write_report(folder: &Path, report: &Report) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(folder)?;
    let file = folder.join(format!(
        "{PREFIX}{}-{}.{EXTENSION}",
        report.time,
        std::process::id()
    ));
    std::fs::write(&file, report.text())?;
    Ok(file)
}

/// Installs the panic hook: reports go into `folder` (the recovery folder; `None` writes
/// none). The hook that was there before (Rust's message on stderr) still runs, and the
/// panic unwinds as it would have.
pub fn install(folder: Option<PathBuf>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let written = folder
            .as_deref()
            .map(|folder| (folder, write_report(folder, &Report::of_panic(info))));
        previous(info);
        match written {
            Some((_, Ok(file))) => eprintln!(
                "argmap: error: argmap crashed (a bug). A crash report is in {}; unsaved work \
                 is offered back at the next start.",
                file.display()
            ),
            Some((folder, Err(e))) => eprintln!(
                "argmap: error: argmap crashed, and the crash report could not be written to \
                 {}: {e}",
                folder.display()
            ),
            None => {}
        }
    }));
}

/// The newest crash report in `folder`, unless it is `already_announced`.
pub fn new_report(folder: &Path, already_announced: Option<&Path>) -> Option<PathBuf> {
    let newest = std::fs::read_dir(folder)
        .ok()?
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(PREFIX) && name.ends_with(&format!(".{EXTENSION}"))
        })
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)))?
        .1;
    (Some(newest.as_path()) != already_announced).then_some(newest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        Report {
            message: "index out of bounds: the len is 3 but the index is 7".into(),
            location: Some("src/app/canvas/mod.rs:120:9".into()),
            thread: "main".into(),
            last_command: "Arrange map".into(),
            command_line: "argmap maps/case.ron".into(),
            backtrace: "   0: argmap::app::canvas::draw\n   1: main".into(),
            time: 1_790_000_000,
        }
    }

    #[test]
    fn a_report_says_version_os_message_place_last_command_and_backtrace() {
        let dir = tempfile::tempdir().unwrap();
        let file = write_report(dir.path(), &report()).unwrap();
        assert_eq!(file.parent(), Some(dir.path()));
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(name, format!("crash-1790000000-{}.txt", std::process::id()));
        let text = std::fs::read_to_string(&file).unwrap();
        for expected in [
            concat!("version: ", env!("CARGO_PKG_VERSION")),
            &format!("os: {} {}", std::env::consts::OS, std::env::consts::ARCH),
            "message: index out of bounds: the len is 3 but the index is 7",
            "location: src/app/canvas/mod.rs:120:9",
            "last command: Arrange map",
            "command line: argmap maps/case.ron",
            "backtrace:\n   0: argmap::app::canvas::draw",
            "sends nothing anywhere",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
        }
    }

    #[test]
    fn the_newest_report_is_new_until_it_has_been_announced() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(new_report(dir.path(), None), None);
        // A recovery file beside it is not a report.
        std::fs::write(dir.path().join("unsaved-12.ron"), "()").unwrap();
        let older = write_report(dir.path(), &report()).unwrap();
        let newer = write_report(
            dir.path(),
            &Report {
                time: report().time + 60,
                ..report()
            },
        )
        .unwrap();
        // Same second on a coarse file system: the later name still wins.
        let at = std::time::SystemTime::now();
        for f in [&older, &newer] {
            std::fs::File::options()
                .write(true)
                .open(f)
                .unwrap()
                .set_modified(at)
                .unwrap();
        }
        assert_eq!(new_report(dir.path(), None), Some(newer.clone()));
        assert_eq!(new_report(dir.path(), Some(newer.as_path())), None);
        assert_eq!(new_report(dir.path(), Some(older.as_path())), Some(newer));
    }

    #[test]
    fn a_long_canvas_request_is_cut_short() {
        let ids: Vec<String> = (0..100_000).map(|i| format!("n{i}")).collect();
        let last = summary(&ids);
        assert!(last.starts_with("canvas: [\"n0\", \"n1\""), "{last}");
        assert_eq!(last.chars().count(), MAX_COMMAND_CHARS);
    }
}
