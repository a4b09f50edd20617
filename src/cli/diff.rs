//! `argmap diff OLD NEW`: what changed between two maps, item by item. Also a git external
//! diff driver: `argmap diff --git PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE`.

use super::{EXIT_INVALID, EXIT_USAGE, report_error};
use crate::diff::diff;
use crate::format::{self, from_ron_str};
use crate::model::ArgumentMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A map file for comparing: parsed but not validated (a map with errors can still be
/// compared); an empty file or `/dev/null` (git's side of an added or deleted file) is an
/// empty map.
pub(super) fn read_map(path: &Path) -> Result<ArgumentMap, String> {
    if path == Path::new("/dev/null") {
        return Ok(ArgumentMap::default());
    }
    let bytes = format::read_bounded(path, format::MAX_FILE_BYTES)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{} is not UTF-8 text (is it a map file?)", path.display()))?;
    if text.trim().is_empty() {
        return Ok(ArgumentMap::default());
    }
    from_ron_str(&text).map_err(|e| e.into_diagnostic().render(path))
}

pub fn run(files: &[PathBuf], git: bool) -> ExitCode {
    if git {
        return run_git(files);
    }
    let [old, new] = files else {
        report_error(
            "diff takes two map files: argmap diff OLD.ron NEW.ron (or --git with git's 7 arguments)",
        );
        return ExitCode::from(EXIT_USAGE);
    };
    let (old_map, new_map) = match (read_map(old), read_map(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            for e in [a.err(), b.err()].into_iter().flatten() {
                report_error(e);
            }
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let changes = diff(&old_map, &new_map);
    print!("{changes}");
    if changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_INVALID)
    }
}

/// git calls an external diff with `path old-file old-hex old-mode new-file new-hex new-mode`
/// and treats any exit code but 0 as a failure, so this form exits 0 whether or not the maps
/// differ. A side that is not a readable map is shown as its changed lines instead.
fn run_git(args: &[PathBuf]) -> ExitCode {
    let [path, old, _, _, new, _, _] = args else {
        report_error(format_args!(
            "diff --git expects the 7 arguments git passes (path old-file old-hex old-mode new-file new-hex new-mode), got {}",
            args.len()
        ));
        return ExitCode::from(EXIT_USAGE);
    };
    let name = path.display();
    println!("diff --argmap a/{name} b/{name}");
    match (read_map(old), read_map(new)) {
        (Ok(a), Ok(b)) => {
            let changes = diff(&a, &b);
            if changes.is_empty() {
                println!("(the maps are the same; only bytes or the file mode changed)");
            } else {
                print!("{changes}");
            }
        }
        (a, b) => {
            for e in [a.err(), b.err()].into_iter().flatten() {
                println!("argmap: {e}");
            }
            println!("(showing the changed lines instead)");
            line_fallback(old, new);
        }
    }
    ExitCode::SUCCESS
}

/// The lines between the common start and the common end of two files, as `-`/`+` lines.
fn line_fallback(old: &Path, new: &Path) {
    let read = |p: &Path| {
        if p == Path::new("/dev/null") {
            String::new()
        } else {
            let bytes = format::read_bounded(p, format::MAX_FILE_BYTES).unwrap_or_default();
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    let (a, b) = (read(old), read(new));
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    println!("@@ line {} @@", prefix + 1);
    for line in &a[prefix..a.len() - suffix] {
        println!("-{line}");
    }
    for line in &b[prefix..b.len() - suffix] {
        println!("+{line}");
    }
}
