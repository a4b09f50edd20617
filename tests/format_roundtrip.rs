//! The file keeps everything: save then load gives the same map, and saving is deterministic.

mod common;

use argmap::format::{from_ron_str, save, to_ron_string};
use argmap::model::{ArgumentMap, Node, NodeKind, Position};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn save_then_load_gives_the_same_map(map in common::any_map()) {
        let text = to_ron_string(&map);
        let loaded = from_ron_str(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&loaded, &map);
        // And the text of the reloaded map is byte-identical: saving twice changes nothing.
        prop_assert_eq!(to_ron_string(&loaded), text);
    }
}

#[test]
fn saving_twice_to_disk_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.ron");
    let map = argmap::bundled::article_map();
    save(&map, &path).unwrap();
    let first = std::fs::read(&path).unwrap();
    let reloaded = argmap::format::open(&path).unwrap().map;
    save(&reloaded, &path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first);
}

#[test]
fn the_bundled_file_is_already_in_canonical_form() {
    // A hand edit that is not in saved form would make the first save rewrite the whole file.
    let map = argmap::bundled::article_map();
    assert_eq!(to_ron_string(&map), argmap::bundled::ARTICLE_MAP_RON);
}

#[test]
fn positions_are_stored_as_whole_units_without_float_noise() {
    let mut map = ArgumentMap::new("t");
    map.nodes.push(Node::new(
        "a",
        NodeKind::Claim,
        "x",
        Position::new(120.000_01, -39.6),
    ));
    map.nodes.push(Node::new(
        "b",
        NodeKind::Claim,
        "y",
        Position::new(f32::NAN, f32::INFINITY),
    ));
    let text = to_ron_string(&map);
    assert!(text.contains("pos: (x: 120, y: -40),"), "{text}");
    assert!(text.contains("pos: (x: 0, y: 0),"), "{text}");
}

#[test]
fn a_one_node_edit_is_a_few_line_diff() {
    let map = argmap::bundled::article_map();
    let before = to_ron_string(&map);
    let mut edited = map.clone();
    edited.nodes[3].text.push_str(" (edited)");
    let after = to_ron_string(&edited);
    let changed = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed, 1);
}

#[test]
fn maps_without_a_presentation_stay_format_version_1() {
    let mut map = argmap::bundled::article_map();
    assert!(to_ron_string(&map).contains("format_version: 1,"));
    map.presentation = Some(vec![argmap::model::Step::of(vec![map.nodes[0].id.clone()])]);
    let text = to_ron_string(&map);
    assert!(text.contains("format_version: 2,"));
    assert_eq!(from_ron_str(&text).unwrap(), map);
}

#[test]
fn a_layout_direction_is_saved_as_version_3_and_left_out_when_it_is_the_default() {
    use argmap::model::LayoutDirection;
    let mut map = argmap::bundled::article_map();
    let text = to_ron_string(&map);
    assert!(!text.contains("layout_direction"));
    assert!(text.contains("format_version: 1,"));
    for direction in [LayoutDirection::Up, LayoutDirection::Right] {
        map.layout_direction = direction;
        let text = to_ron_string(&map);
        assert!(text.contains(&format!("layout_direction: {direction:?},")));
        assert!(text.contains("format_version: 3,"));
        assert_eq!(from_ron_str(&text).unwrap(), map);
    }
    // A file of an older version, which has no such field, opens with the default.
    let old = "(format_version: 2, title: \"t\")";
    assert_eq!(
        from_ron_str(old).unwrap().layout_direction,
        LayoutDirection::Down
    );
    // A direction argmap does not know is refused with its place.
    let bad = "(format_version: 3, title: \"t\", layout_direction: Sideways)";
    let e = from_ron_str(bad).unwrap_err();
    assert!(e.pos.is_some(), "{e}");
}
