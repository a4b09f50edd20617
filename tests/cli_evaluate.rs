//! `argmap evaluate`: the weighing of a map as a user runs it (rules in docs/evaluation.md).

use std::path::Path;

#[path = "common/run.rs"]
mod run;
use run::argmap;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Reinstatement (docs/evaluation.md, example 2), with a main claim: c attacks b, b
/// attacks a.
const REINSTATED: &str = r#"(
    format_version: 1,
    title: "Reinstatement",
    main_claim: Some("a"),
    nodes: [
        (id: "a", kind: Claim, text: "The bridge is safe.", pos: (x: 0, y: 0)),
        (id: "b", kind: Counterpoint, text: "An inspector found cracks.", pos: (x: 0, y: 200)),
        (id: "c", kind: Counterpoint, text: "The cracks were in the paint only.", pos: (x: 0, y: 400)),
    ],
    links: [
        (from: "b", to: "a", relation: Opposes),
        (from: "c", to: "b", relation: Opposes),
    ],
)
"#;

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn evaluate_prints_every_status_with_the_main_claim_first() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "m.ron", REINSTATED);
    let out = argmap(&["evaluate", "m.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = text(&out.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "main claim \"a\": holds");
    assert_eq!(
        lines[1],
        "3 nodes: 2 hold, 1 defeated, 0 undecided; 2 reasons: 1 apply, 1 do not, 0 undecided"
    );
    let row = |id: &str| {
        lines
            .iter()
            .find(|l| l.split_whitespace().nth(2) == Some(id))
            .unwrap_or_else(|| panic!("no row for {id} in\n{out}"))
            .split_whitespace()
            .next()
            .unwrap()
    };
    assert_eq!(
        (row("a"), row("b"), row("c")),
        ("holds", "defeated", "holds")
    );
    assert!(out.contains("fails      -           0.60  b->a"), "{out}");
    assert!(out.contains("applies    -           0.60  c->b"), "{out}");
}

#[test]
fn evaluate_json_follows_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "m.ron", REINSTATED);
    let out = argmap(&["evaluate", "m.ron", "--json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["main_claim"],
        serde_json::json!({"id": "a", "status": "holds"})
    );
    let statuses: Vec<(&str, &str)> = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        statuses,
        [("a", "holds"), ("b", "defeated"), ("c", "holds")]
    );
    assert!(json["nodes"][0]["mark"].is_null());
    assert_eq!(json["reasons"][0]["id"], "b->a");
    assert_eq!(json["reasons"][0]["status"], "defeated");
    assert!(json["reasons"][0]["strength"].is_null());
    assert_eq!(json["reasons"][1]["status"], "holds");
}

#[test]
fn evaluate_explains_one_node_by_what_decides_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "m.ron", REINSTATED);
    let out = argmap(&["evaluate", "m.ron", "--explain", "a"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "\"a\" holds\n\
         no reason against it applies: it holds by presumption\n  \
         reason against it \"b->a\" does not apply: its premise \"b\" is defeated\n"
    );
}

#[test]
fn evaluate_refuses_a_missing_node_a_broken_map_and_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "m.ron", REINSTATED);
    let missing = argmap(&["evaluate", "m.ron", "--explain", "zz"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        text(&missing.stderr).contains("m.ron has no node \"zz\""),
        "{}",
        text(&missing.stderr)
    );

    write(
        dir.path(),
        "bad.ron",
        &REINSTATED.replace("to: \"a\"", "to: \"q\""),
    );
    let bad = argmap(&["evaluate", "bad.ron"], dir.path());
    assert_eq!(bad.status.code(), Some(1));
    let err = text(&bad.stderr);
    assert!(
        err.contains("bad.ron:11:9: error: ") && err.contains("missing node \"q\""),
        "{err}"
    );
    assert!(bad.stdout.is_empty());

    let gone = argmap(&["evaluate", "nowhere.ron"], dir.path());
    assert_eq!(gone.status.code(), Some(2));
    assert!(text(&gone.stderr).contains("nowhere.ron"));
}

#[test]
fn the_article_map_is_weighed_and_its_main_claim_named() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "article.ron", argmap::bundled::ARTICLE_MAP_RON);
    let out = argmap(&["evaluate", "article.ron", "--json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["main_claim"]["id"], "main");
    let nodes = json["nodes"].as_array().unwrap();
    assert!(nodes.len() > 20);
    // Every status is one of the three, and the counterpoints the article answers fail.
    assert!(nodes.iter().all(|n| matches!(
        n["status"].as_str(),
        Some("holds" | "defeated" | "undecided")
    )));
    assert!(nodes.iter().any(|n| n["status"] == "defeated"));
}
