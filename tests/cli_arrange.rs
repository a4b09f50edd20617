//! `argmap arrange`: Arrange All on a file, as a user or a script runs it.

use std::path::Path;

#[path = "common/run.rs"]
mod run;
use run::argmap;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn read(path: &Path) -> argmap::model::ArgumentMap {
    argmap::format::from_ron_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn arrange_lays_out_a_file_as_arrange_does_and_says_what_it_did() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.ron");
    // A map written by another tool: every card at the origin.
    let mut map = argmap::generate::generate(300, 4);
    for node in &mut map.nodes {
        node.pos = argmap::model::Position::default();
    }
    std::fs::write(&path, argmap::format::to_ron_string(&map)).unwrap();

    let out = argmap(&["arrange", "m.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    let trees = argmap::layout::tree_count(&map);
    assert!(
        said.starts_with(&format!(
            "m.ron: arranged 300 nodes in {trees} tree{}, direction down (",
            if trees == 1 { "" } else { "s" }
        )),
        "{said}"
    );
    // The positions are the ones Arrange gives.
    let moves = argmap::layout::arrange(
        &map,
        &argmap::render::measure::estimated_size,
        &argmap::layout::Scope::All,
    );
    let arranged = read(&path);
    for (id, pos) in moves {
        assert_eq!(arranged.node(&id).unwrap().pos, pos);
    }
    // Arranging again changes nothing, and the file is left byte for byte.
    let before = std::fs::read(&path).unwrap();
    let again = argmap(&["arrange", "m.ron"], dir.path());
    assert!(
        text(&again.stdout).contains("(0 moved)"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_direction_given_is_saved_with_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.ron");
    std::fs::write(&path, argmap::bundled::ARTICLE_MAP_RON).unwrap();
    let out = argmap(&["arrange", "m.ron", "--direction", "up"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("direction up"));
    let map = read(&path);
    assert_eq!(map.layout_direction, argmap::model::LayoutDirection::Up);
    // Up: the main claim is below everything that bears on it directly.
    let main = map.node(map.main_claim().unwrap()).unwrap().pos;
    for link in map.incoming(map.main_claim().unwrap()) {
        assert!(map.node(&link.from).unwrap().pos.y < main.y);
    }
    // Without --direction the map's own is kept.
    let out = argmap(&["arrange", "m.ron"], dir.path());
    assert!(text(&out.stdout).contains("direction up"));
    let bad = argmap(&["arrange", "m.ron", "--direction", "sideways"], dir.path());
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_broken_file_is_refused_with_its_place_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    let broken = "(\n    format_version: 1,\n    title: \"T\",\n    nodes: [(id: \"a\", kind: Claim, text: 3)],\n)\n";
    std::fs::write(&path, broken).unwrap();
    let out = argmap(&["arrange", "bad.ron"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.starts_with("bad.ron:4:"), "{err}");
    assert!(err.contains("error"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    let missing = argmap(&["arrange", "missing.ron"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("missing.ron"));
}
