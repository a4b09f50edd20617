//! Every kind of broken file gets a clear message with its place, and nothing panics.

use argmap::format::{Diagnostic, TextPos, parse_checked};
use argmap::model::Severity;
use proptest::prelude::*;

const GOOD: &str = r#"(
    format_version: 1,
    title: "T",
    nodes: [
        (id: "a", kind: Claim, text: "A", pos: (x: 0, y: 0)),
        (id: "b", kind: Counterpoint, text: "B", pos: (x: 0, y: 0)),
    ],
    links: [(from: "b", to: "a", relation: Opposes)],
    sources: [],
)
"#;

fn errors_of(text: &str) -> Vec<Diagnostic> {
    match parse_checked(text.as_bytes()) {
        Ok(loaded) => panic!("expected errors, loaded {:?}", loaded.map.title),
        Err(d) => d,
    }
}

/// The single error for `text`: its line, column and message.
fn only_error(text: &str) -> (usize, usize, String) {
    let d = errors_of(text);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].severity, Severity::Error);
    let pos = d[0].pos.expect("a position");
    (pos.line, pos.col, d[0].message.clone())
}

#[test]
fn the_good_file_loads_without_problems() {
    let loaded = parse_checked(GOOD.as_bytes()).unwrap();
    assert_eq!(loaded.map.nodes.len(), 2);
    // Only the argument check's remarks: nothing is wrong with the file itself.
    let warnings: Vec<_> = loaded.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        warnings,
        [
            "claim \"a\" has nothing supporting it",
            "counterpoint \"b\" is not answered by anything"
        ]
    );
}

#[test]
fn syntax_error_points_at_the_missing_comma() {
    let text = GOOD.replace(r#"text: "A","#, r#"text: "A""#);
    assert_eq!(only_error(&text), (5, 42, "Expected comma".into()));
}

#[test]
fn wrong_type_points_at_the_value() {
    let text = GOOD.replace(r#"text: "A""#, "text: 5");
    assert_eq!(only_error(&text), (5, 37, "Expected string".into()));
}

#[test]
fn misspelt_field_lists_the_expected_ones() {
    let text = GOOD.replace(r#"text: "A""#, r#"txt: "A""#);
    let (line, col, message) = only_error(&text);
    assert_eq!((line, col), (5, 32));
    assert_eq!(
        message,
        "unknown field `txt`; expected one of: id, kind, text, notes, pos, pinned, citations"
    );
}

#[test]
fn missing_field_is_named() {
    let text = GOOD.replace("kind: Claim, ", "");
    let (line, _, message) = only_error(&text);
    assert_eq!(line, 5);
    assert_eq!(message, "missing field `kind`");
}

#[test]
fn unknown_kind_lists_the_kinds() {
    let text = GOOD.replace("kind: Claim", "kind: Argument");
    let (line, col, message) = only_error(&text);
    assert_eq!((line, col), (5, 25));
    assert!(message.contains("`Argument`"), "{message}");
    assert!(
        message.contains("`Claim`, `Evidence`, or `Counterpoint`"),
        "{message}"
    );
}

#[test]
fn truncated_file_says_so() {
    let (line, _, message) = only_error(&GOOD[..120]);
    assert_eq!(line, 5);
    assert_eq!(message, "the file ends too early (is it truncated?)");
}

#[test]
fn empty_file_says_so() {
    assert_eq!(
        only_error("  \n"),
        (
            1,
            1,
            "the file is empty; a map file starts with `(format_version: 1, …`".into()
        )
    );
}

#[test]
fn binary_file_is_refused_at_the_first_bad_byte() {
    let d = parse_checked(b"(\n  title: \xff\xfe").unwrap_err();
    assert_eq!(d[0].pos, Some(TextPos { line: 2, col: 10 }));
    assert_eq!(
        d[0].message,
        "the file is not UTF-8 text (is it a map file?)"
    );
}

#[test]
fn newer_format_version_is_refused_with_advice() {
    let text = GOOD.replace("format_version: 1", "format_version: 7");
    let (line, col, message) = only_error(&text);
    assert_eq!((line, col), (2, 5));
    assert!(
        message.contains("newer argmap (format version 7)"),
        "{message}"
    );
    assert!(message.contains("Update argmap"), "{message}");
}

#[test]
fn credibility_outside_the_admiralty_scale_is_refused() {
    let text = GOOD.replace(
        "sources: [],",
        r#"sources: [(id: "s", title: "S", credibility: Some(9))],"#,
    );
    let (line, _, message) = only_error(&text);
    assert_eq!(line, 9);
    assert_eq!(
        message,
        "credibility must be 1 to 6 (Admiralty scale), found 9"
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let text = format!(
        "(format_version: 1, title: \"x\", nodes: {}{})",
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    let (_, _, message) = only_error(&text);
    assert_eq!(message, "brackets are nested too deeply for a map file");
}

#[test]
fn huge_strings_load() {
    let big = "word ".repeat(2_000_000);
    let text = GOOD.replace(r#"text: "A""#, &format!("text: {big:?}"));
    let loaded = parse_checked(text.as_bytes()).unwrap();
    assert_eq!(loaded.map.nodes[0].text.len(), big.len());
}

#[test]
fn validation_errors_are_all_reported_with_their_places() {
    let text = GOOD
        .replace(r#"(from: "b", to: "a""#, r#"(from: "b", to: "zz""#)
        .replace(r#"id: "b""#, r#"id: "a""#);
    let d = errors_of(&text);
    let rendered: Vec<String> = d
        .iter()
        .map(|d| d.render(std::path::Path::new("m.ron")))
        .collect();
    assert_eq!(
        rendered,
        vec![
            "m.ron:6:9: error: duplicate node id \"a\" (also node #1)",
            "m.ron:8:13: error: link \"b\" -> \"zz\" refers to missing node \"b\"",
            "m.ron:8:13: error: link \"b\" -> \"zz\" refers to missing node \"zz\"",
            "m.ron:5:9: warning: node \"a\" is not linked to anything",
            "m.ron:6:9: warning: node \"a\" is not linked to anything",
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_checked(&bytes);
    }

    #[test]
    fn damaged_good_files_never_panic(cut in 0usize..GOOD.len(), insert in "[\\[\\](){}\",:a-z0-9 ]{0,8}") {
        let mut text = GOOD.to_owned();
        let at = (0..=cut).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        text.insert_str(at, &insert);
        let _ = parse_checked(text.as_bytes());
        let _ = parse_checked(&GOOD.as_bytes()[..cut]);
    }
}
