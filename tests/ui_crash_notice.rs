//! After a crash, the next start says where the crash report is.

use argmap::app::{ArgmapApp, Environment, ScriptedDialogs, Startup};
use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness_with_recovery(folder: &std::path::Path) -> Harness<'static, ArgmapApp> {
    let folder = folder.to_owned();
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1600.0, 1000.0))
        .build_eframe(move |cc| {
            let env = Environment {
                dialogs: Box::new(ScriptedDialogs::default()),
                recovery_folder: Some(folder),
            };
            ArgmapApp::new(cc, Startup::bundled(), env)
        });
    harness.run();
    harness
}

#[test]
fn the_next_start_names_the_crash_report_until_dismissed() {
    let dir = tempfile::tempdir().unwrap();
    let report = argmap::crash::Report {
        message: "boom".into(),
        location: None,
        thread: "main".into(),
        last_command: "Arrange map".into(),
        command_line: "argmap".into(),
        backtrace: String::new(),
        time: 1_790_000_000,
    };
    let file = argmap::crash::write_report(dir.path(), &report).unwrap();

    let mut harness = harness_with_recovery(dir.path());
    assert_eq!(harness.state().crash_notice(), Some(file.as_path()));
    harness.get_by_label_contains("stopped because of a bug");
    harness.get_by_label(&file.display().to_string());
    harness.get_by_label("OK").click();
    harness.run();
    assert_eq!(harness.state().crash_notice(), None);
    assert!(
        harness
            .query_by_label_contains("stopped because of a bug")
            .is_none()
    );

    // No report, no notice.
    let empty = tempfile::tempdir().unwrap();
    let harness = harness_with_recovery(empty.path());
    assert_eq!(harness.state().crash_notice(), None);
}
