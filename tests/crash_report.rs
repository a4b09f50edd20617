//! The panic hook, installed as `main` installs it: a panic writes a crash report into the
//! given folder, and the panic still unwinds as usual. (One test in this file: the hook is
//! process-wide.)

#[test]
fn a_panic_writes_a_report_and_still_panics() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("recovery");
    argmap::crash::install(Some(folder.clone()));
    argmap::crash::note_command("Arrange map");

    let outcome = std::panic::catch_unwind(|| {
        panic!("test-only panic: the map has {} nodes", 3);
    });
    assert!(outcome.is_err(), "the panic continues after the report");

    let report = argmap::crash::new_report(&folder, None).expect("a report in the folder");
    let text = std::fs::read_to_string(&report).unwrap();
    for expected in [
        concat!("version: ", env!("CARGO_PKG_VERSION")),
        std::env::consts::OS,
        "message: test-only panic: the map has 3 nodes",
        "location: tests/crash_report.rs:",
        "last command: Arrange map",
        "backtrace:",
        "crash_report",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // Announced once: the window remembers the report it told about.
    assert_eq!(
        argmap::crash::new_report(&folder, Some(report.as_path())),
        None
    );
}
