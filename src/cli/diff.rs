//! `argmap diff OLD NEW`: what changed between two maps, item by item. Also a git external
//! diff driver: `argmap diff --git PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE`.

use super::{EXIT_INVALID, EXIT_USAGE, report_error};
use crate::diff::diff;
use crate::format::{self, Diagnostic, check_text_errors};
use crate::model::ArgumentMap;
use similar::TextDiff;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// A map file's bytes, none for `/dev/null` (git's side of an added or deleted file). At most
/// `MAX_FILE_BYTES` are read: pipes and devices report no size, so the limit is on what is read.
fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    if path == Path::new("/dev/null") {
        return Ok(Vec::new());
    }
    format::read_bounded(path, format::MAX_FILE_BYTES)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    String::from_utf8(read_bytes(path)?)
        .map_err(|_| format!("{} is not UTF-8 text (is it a map file?)", path.display()))
}

/// A map file for comparing or merging, with the errors validation finds in it, each placed
/// in the file (a map with errors can still be compared, not merged). An empty file is an
/// empty map.
pub(super) fn read_map(path: &Path) -> Result<(ArgumentMap, Vec<Diagnostic>), String> {
    let text = read_text(path)?;
    if text.trim().is_empty() {
        return Ok((ArgumentMap::default(), Vec::new()));
    }
    check_text_errors(&text).map_err(|e| e.render(path))
}

/// [`read_map`] of several files at once, each on its own thread (a big map takes most of a
/// second to read and check), the results in order.
pub(super) fn read_maps<const N: usize>(
    paths: [&Path; N],
) -> [Result<(ArgumentMap, Vec<Diagnostic>), String>; N] {
    std::thread::scope(|scope| {
        paths
            .map(|path| scope.spawn(move || read_map(path)))
            .map(|reading| match reading.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            })
    })
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
    let (old_map, new_map) = match read_maps([old.as_path(), new.as_path()]) {
        [Ok(a), Ok(b)] => (a, b),
        [a, b] => {
            for e in [a.err(), b.err()].into_iter().flatten() {
                report_error(e);
            }
            return ExitCode::from(EXIT_USAGE);
        }
    };
    // Problems are said, not shown as changes; the maps are still compared item by item.
    for (path, (_, errors)) in [(old, &old_map), (new, &new_map)] {
        for e in errors {
            eprintln!("{}", e.render(path));
        }
    }
    let changes = diff(&old_map.0, &new_map.0);
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
    match read_maps([old.as_path(), new.as_path()]) {
        [Ok((a, a_errors)), Ok((b, b_errors))] => {
            let sides = [
                (format!("a/{name}"), a_errors),
                (format!("b/{name}"), b_errors),
            ];
            for (side, errors) in &sides {
                for e in errors {
                    println!("argmap: {}", e.render(Path::new(side)));
                }
            }
            let changes = diff(&a, &b);
            if changes.is_empty() {
                println!("(the maps are the same; only bytes or the file mode changed)");
            } else {
                print!("{changes}");
            }
        }
        [a, b] => {
            for e in [a.err(), b.err()].into_iter().flatten() {
                println!("argmap: {e}");
            }
            println!("(showing the changed lines instead)");
            let read = |p: &Path| match read_bytes(p) {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) => format!("({e})\n"),
            };
            print!(
                "{}",
                changed_lines(&read(old), &read(new), &name.to_string())
            );
        }
    }
    ExitCode::SUCCESS
}

/// The changed lines of two texts as a unified diff (3 lines of context), as git shows them.
/// Bounded: after a deadline the line diff settles for a coarser (still correct) answer.
fn changed_lines(old: &str, new: &str, name: &str) -> String {
    TextDiff::configure()
        .timeout(Duration::from_secs(1))
        .diff_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}
