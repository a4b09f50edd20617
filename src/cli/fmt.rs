use super::{EXIT_INVALID, EXIT_USAGE, report_error};
use crate::format;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(files: &[PathBuf], check_only: bool) -> ExitCode {
    let mut failed = false;
    let mut unformatted = 0usize;
    for path in files {
        // One bounded read: the bytes parsed are the bytes compared.
        let current = match format::read_map_bytes(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                report_error(e);
                failed = true;
                continue;
            }
        };
        let map = match format::parse_valid(&current) {
            Ok(map) => map,
            Err(diagnostics) => {
                for d in &diagnostics {
                    eprintln!("{}", d.render(path));
                }
                failed = true;
                continue;
            }
        };
        let canonical = format::to_ron_string(&map);
        if current == canonical.as_bytes() {
            continue;
        }
        unformatted += 1;
        if check_only {
            println!("{}: not in canonical form", path.display());
        } else if let Err(e) = format::write_atomically(path, canonical.as_bytes()) {
            report_error(format_args!("cannot write {}: {e}", path.display()));
            failed = true;
        } else {
            println!("{}: rewritten", path.display());
        }
    }
    if failed {
        ExitCode::from(EXIT_USAGE)
    } else if check_only && unformatted > 0 {
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    }
}
