//! The command line as a user runs it: exit codes, messages, outputs.

use std::path::Path;

#[path = "common/run.rs"]
mod run;
use run::argmap;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write_bundled(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("article.ron");
    std::fs::write(&path, argmap::bundled::ARTICLE_MAP_RON).unwrap();
    path
}

#[test]
fn check_passes_a_good_map_and_fails_a_broken_one_with_positions() {
    let dir = tempfile::tempdir().unwrap();
    write_bundled(dir.path());
    let ok = argmap(&["check", "article.ron"], dir.path());
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok.stderr));
    // The article map's only remarks are the argument check's warnings (points the article
    // leaves open), with their positions.
    let out = text(&ok.stdout);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(
        out.lines()
            .all(|l| l.starts_with("article.ron:") && l.contains(": warning: ")),
        "{out}"
    );

    std::fs::write(
        dir.path().join("bad.ron"),
        "(\n    format_version: 1,\n    title: \"T\",\n    nodes: [(id: \"a\", kind: Claim, text: 3)],\n)\n",
    )
    .unwrap();
    let bad = argmap(&["check", "article.ron", "bad.ron"], dir.path());
    assert_eq!(bad.status.code(), Some(1));
    assert!(text(&bad.stdout).ends_with("bad.ron:4:41: error: Expected string\n"));
    assert!(text(&bad.stderr).contains("checked 2 files: 1 error, 3 warnings"));
}

#[test]
fn check_prints_warnings_but_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("w.ron"),
        "(format_version: 1, title: \"T\", nodes: [\n  (id: \"e\", kind: Evidence, text: \"E\", pos: (x: 0, y: 0)),\n])\n",
    )
    .unwrap();
    let out = argmap(&["check", "w.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        "w.ron:2:3: warning: evidence \"e\" cites no source\n"
    );
}

#[test]
fn unreadable_files_and_bad_usage_exit_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let missing = argmap(&["check", "nope.ron"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        text(&missing.stderr)
            .starts_with("argmap: error: nope.ron: cannot read the file: No such file"),
        "{}",
        text(&missing.stderr)
    );
    let usage = argmap(&["frobnicate", "x", "y"], dir.path());
    assert_eq!(usage.status.code(), Some(2));
    assert!(!text(&usage.stderr).contains("panicked"));
    let no_files = argmap(&["check"], dir.path());
    assert_eq!(no_files.status.code(), Some(2));
}

#[test]
fn export_writes_json_with_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    write_bundled(dir.path());
    let out = argmap(&["export", "article.ron", "--to", "out.JSON"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.JSON")).unwrap())
            .unwrap();
    let map = argmap::bundled::article_map();
    assert_eq!(json["title"], map.title.as_str());
    assert_eq!(json["nodes"].as_array().unwrap().len(), map.nodes.len());
    assert_eq!(json["links"].as_array().unwrap().len(), map.links.len());
    assert_eq!(json["nodes"][0]["id"], map.nodes[0].id.as_str());
    assert!(
        json["sources"][0]["text"]
            .as_str()
            .unwrap()
            .contains("Khamenei")
    );

    let stdout = argmap(
        &["export", "article.ron", "--to", "-", "--format", "json"],
        dir.path(),
    );
    assert_eq!(stdout.status.code(), Some(0));
    assert_eq!(
        text(&stdout.stdout),
        std::fs::read_to_string(dir.path().join("out.JSON")).unwrap()
    );
}

#[test]
fn export_refuses_unknown_formats_and_broken_maps() {
    let dir = tempfile::tempdir().unwrap();
    write_bundled(dir.path());
    let unknown = argmap(&["export", "article.ron", "--to", "out.xyz"], dir.path());
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(
        text(&unknown.stderr),
        "argmap: error: cannot tell the export format from \"out.xyz\"; use an extension (json, argdown, aif, svg, png, pdf, md, dot) or --format\n"
    );
    std::fs::write(dir.path().join("bad.ron"), "(format_version: 1").unwrap();
    let broken = argmap(&["export", "bad.ron", "--to", "out.json"], dir.path());
    assert_eq!(broken.status.code(), Some(1));
    assert!(text(&broken.stderr).starts_with(
        "bad.ron:1:18: error: the file ends too early (is it truncated?): Expected comma"
    ));
    assert!(!dir.path().join("out.json").exists());
}

#[test]
fn fmt_rewrites_hand_edited_files_into_canonical_form() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("m.ron"),
        "( format_version:1,title:\"T\", nodes:[(id:\"a\",kind:Claim,text:\"A\",pos:(x:1.4,y:2))] )",
    )
    .unwrap();
    let check = argmap(&["fmt", "--check", "m.ron"], dir.path());
    assert_eq!(check.status.code(), Some(1));
    let fix = argmap(&["fmt", "m.ron"], dir.path());
    assert_eq!(fix.status.code(), Some(0));
    let again = argmap(&["fmt", "--check", "m.ron"], dir.path());
    assert_eq!(again.status.code(), Some(0));
    let written = std::fs::read_to_string(dir.path().join("m.ron")).unwrap();
    assert!(
        written.contains("            pos: (x: 1, y: 2),\n"),
        "{written}"
    );
}

#[test]
fn help_and_version() {
    let dir = tempfile::tempdir().unwrap();
    let help = argmap(&["--help"], dir.path());
    assert_eq!(help.status.code(), Some(0));
    for word in ["check", "export", "fmt", "[FILE]"] {
        assert!(text(&help.stdout).contains(word), "{word}");
    }
    let version = argmap(&["--version"], dir.path());
    assert_eq!(
        text(&version.stdout),
        format!("argmap {}\n", env!("CARGO_PKG_VERSION"))
    );
}
