//! Files that are not what they seem: endless devices and pipes, read-only and other users'
//! maps, names at the length limit, dangling links, byte-order marks, out-of-range positions
//! and addresses disguised with direction overrides. Each is refused with a message or
//! handled without losing or changing anything silently.

#[path = "common/run.rs"]
mod run;

use run::{argmap, stderr, stdout};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The bundled map with a comment in front: valid, but not in canonical form, so `fmt`
/// wants to rewrite it.
fn unformatted_map() -> String {
    format!("// hand-edited\n{}", argmap::bundled::ARTICLE_MAP_RON)
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

// --- Unbounded input -------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn importing_an_endless_device_stops_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    for device in ["/dev/zero", "/dev/urandom"] {
        let out = argmap(
            &["import", device, "--format", "argdown", "--to", "out.ron"],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2), "{device}: {}", stderr(&out));
        let message = stderr(&out);
        assert!(
            message.contains(device) && message.contains("larger than 256 MiB"),
            "{message}"
        );
        assert!(!dir.path().join("out.ron").exists());
    }
}

#[cfg(unix)]
#[test]
fn importing_a_pipe_longer_than_the_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args([
            "import",
            "/dev/stdin",
            "--format",
            "argdown",
            "--to",
            "out.ron",
        ])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        // Argdown text, 1 MiB at a time, to 300 MiB: argmap stops reading at 256 MiB and
        // closes the pipe, which ends this loop with an error.
        let chunk = "# A statement\n".repeat((1 << 20) / 14);
        for _ in 0..300 {
            if stdin.write_all(chunk.as_bytes()).is_err() {
                return;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("larger than 256 MiB"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("out.ron").exists());
}

#[cfg(unix)]
#[test]
fn diffing_an_endless_device_stops_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "m.ron", argmap::bundled::ARTICLE_MAP_RON);
    let out = argmap(&["diff", "/dev/zero", "m.ron"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("/dev/zero") && stderr(&out).contains("larger than 1 GiB"),
        "{}",
        stderr(&out)
    );
}

// --- Read-only and other users' maps ------------------------------------------------------

#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// True when the tests run as root (who may write anything, and give files away).
#[cfg(unix)]
fn running_as_root(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = write(dir, "probe", "");
    let uid = std::fs::metadata(&probe).unwrap().uid();
    std::fs::remove_file(probe).unwrap();
    uid == 0
}

#[cfg(unix)]
#[test]
fn fmt_refuses_a_read_only_map_and_leaves_it_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "m.ron", &unformatted_map());
    set_mode(&path, 0o444);
    // The folder is writable, and the tests run as root: only the file's mode says no.
    let out = argmap(&["fmt", "m.ron"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("m.ron") && stderr(&out).contains("read-only (mode 0444)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), unformatted_map());
    assert_eq!(mode_of(&path), 0o444);
    // Made writable again, it is rewritten.
    set_mode(&path, 0o644);
    let out = argmap(&["fmt", "m.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        argmap::bundled::ARTICLE_MAP_RON
    );
}

#[cfg(unix)]
#[test]
fn saving_another_users_map_keeps_its_owner() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    if !running_as_root(dir.path()) {
        eprintln!("skipped: only root can give a file to another user");
        return;
    }
    let path = write(dir.path(), "m.ron", &unformatted_map());
    std::os::unix::fs::chown(&path, Some(4321), Some(4322)).unwrap();
    set_mode(&path, 0o664);
    let out = argmap(&["fmt", "m.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4321, 4322));
    assert_eq!(mode_of(&path), 0o664);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        argmap::bundled::ARTICLE_MAP_RON
    );
}

// --- Names and links ----------------------------------------------------------------------

#[test]
fn a_map_whose_name_is_near_the_length_limit_saves() {
    let dir = tempfile::tempdir().unwrap();
    let name = format!("{}.ron", "m".repeat(246));
    assert_eq!(name.len(), 250);
    let path = write(dir.path(), &name, &unformatted_map());
    let out = argmap(&["fmt", &name], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        argmap::bundled::ARTICLE_MAP_RON
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file left behind");
}

#[cfg(unix)]
#[test]
fn saving_through_a_dangling_link_creates_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("maps")).unwrap();
    // link.ron -> chain.ron -> maps/new.ron (missing), both links relative.
    std::os::unix::fs::symlink("chain.ron", dir.path().join("link.ron")).unwrap();
    std::os::unix::fs::symlink("maps/new.ron", dir.path().join("chain.ron")).unwrap();
    let out = argmap(
        &["generate", "--nodes", "5", "--to", "link.ron"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for link in ["link.ron", "chain.ron"] {
        let meta = std::fs::symlink_metadata(dir.path().join(link)).unwrap();
        assert!(meta.file_type().is_symlink(), "{link} is still a link");
    }
    let target = dir.path().join("maps/new.ron");
    assert_eq!(argmap::format::open(&target).unwrap().map.nodes.len(), 5);
}

#[cfg(unix)]
#[test]
fn saving_through_a_live_link_rewrites_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = write(dir.path(), "real.ron", &unformatted_map());
    std::os::unix::fs::symlink("real.ron", dir.path().join("link.ron")).unwrap();
    let out = argmap(&["fmt", "link.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meta = std::fs::symlink_metadata(dir.path().join("link.ron")).unwrap();
    assert!(meta.file_type().is_symlink());
    assert_eq!(
        std::fs::read_to_string(real).unwrap(),
        argmap::bundled::ARTICLE_MAP_RON
    );
}

// --- What a file says ---------------------------------------------------------------------

const SMALL: &str = r#"(
    format_version: 1,
    title: "T",
    nodes: [
        (id: "a", kind: Claim, text: "A", pos: (x: 0, y: 0)),
    ],
)
"#;

#[test]
fn a_position_beyond_the_range_is_refused_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let text = SMALL.replace("(x: 0, y: 0)", "(x: 3.4e38, y: 0)");
    let path = write(dir.path(), "far.ron", &text);
    let out = argmap(&["check", "far.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).starts_with("far.ron:5:")
            && stdout(&out).contains("error: position x = 3.4e38 is out of range"),
        "{}",
        stdout(&out)
    );
    // Nothing rewrites it as 9223372036854775807.
    let out = argmap(&["fmt", "far.ron"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(path).unwrap(), text);
    // Infinity (and anything beyond f32) is refused too, not saved as 0.
    let text = SMALL.replace("(x: 0, y: 0)", "(x: 0, y: -1e39)");
    write(dir.path(), "inf.ron", &text);
    let out = argmap(&["check", "inf.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("position y = -1e39"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_map_starting_with_a_byte_order_mark_loads() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "bom.ron",
        &format!("\u{FEFF}{}", argmap::bundled::ARTICLE_MAP_RON),
    );
    write(dir.path(), "plain.ron", argmap::bundled::ARTICLE_MAP_RON);
    let out = argmap(&["check", "bom.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = argmap(&["diff", "bom.ron", "plain.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // Positions count from after the mark, as editors show them.
    let broken = SMALL.replace(r#"text: "A","#, r#"text: "A""#);
    write(dir.path(), "broken.ron", &broken);
    write(dir.path(), "broken-bom.ron", &format!("\u{FEFF}{broken}"));
    let plain = stdout(&argmap(&["check", "broken.ron"], dir.path()));
    let bom = stdout(&argmap(&["check", "broken-bom.ron"], dir.path()));
    assert!(plain.starts_with("broken.ron:5:"), "{plain}");
    assert_eq!(bom.replace("broken-bom.ron", "broken.ron"), plain);
}

const SPOOFED_URL: &str = "https://example.org/report-\u{202E}fdp.exe";

fn map_with_spoofed_url() -> String {
    let mut map = argmap::bundled::article_map();
    map.sources[0].url = SPOOFED_URL.into();
    argmap::format::to_ron_string(&map)
}

#[test]
fn check_warns_about_an_address_with_a_direction_override() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "m.ron", &map_with_spoofed_url());
    let out = argmap(&["check", "m.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0), "a warning, not an error");
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.contains("hidden characters"))
        .unwrap_or_else(|| panic!("no warning about the address: {text}"));
    assert!(
        line.starts_with("m.ron:") && line.contains(": warning: "),
        "{line}"
    );
    assert!(
        line.contains(r"https://example.org/report-\u{202E}fdp.exe"),
        "{line}"
    );
    assert!(
        !text.contains('\u{202E}'),
        "the override itself is never printed"
    );
}

#[test]
fn markdown_shows_an_address_with_a_direction_override_encoded() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "m.ron", &map_with_spoofed_url());
    let out = argmap(&["export", "m.ron", "--to", "m.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = std::fs::read_to_string(dir.path().join("m.md")).unwrap();
    assert!(!md.contains('\u{202E}'), "{md}");
    assert!(
        md.contains("<https://example.org/report-%E2%80%AEfdp.exe>"),
        "{md}"
    );
}

// --- In the window --------------------------------------------------------------------------

#[path = "common/ui.rs"]
mod ui;

#[cfg(unix)]
#[test]
fn saving_a_read_only_map_in_the_window_offers_save_as() {
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "m.ron", argmap::bundled::ARTICLE_MAP_RON);
    set_mode(&path, 0o444);
    let copy = dir.path().join("copy.ron");
    let dialogs = std::rc::Rc::new(argmap::app::ScriptedDialogs::answering([Some(
        copy.clone(),
    )]));
    let mut harness = ui::harness_with(
        argmap::app::Startup::from_arg(Some(path.clone())),
        dialogs.clone(),
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(harness.state().is_prompting());
    harness.get_by_label("The map could not be saved");
    harness.get_by_label(&format!(
        "{}: the file is read-only (mode 0444); argmap does not replace it. Save under another \
         name, or make the file writable first",
        path.display()
    ));
    harness.get_by_label("Save As…").click();
    harness.run();
    assert!(!harness.state().is_prompting());
    assert_eq!(
        dialogs.asked.borrow().as_slice(),
        ["save is-khamenei-ruling-out-dialogue-with-trump.ron"]
    );
    assert_eq!(
        &argmap::format::open(&copy).unwrap().map,
        harness.state().map()
    );
    assert_eq!(harness.state().path(), Some(copy.as_path()));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        argmap::bundled::ARTICLE_MAP_RON
    );
    assert_eq!(mode_of(&path), 0o444);
}
