//! Argdown and AIF: round trips keep every node, text, kind and link; imports of real-shaped
//! files give the expected maps and warnings with lines; no input makes the readers panic.

mod common;

use argmap::interchange::{ImportFormat, aif, argdown, import, import_bytes};
use argmap::layout::{Scope, arrange};
use argmap::model::{ArgumentMap, Link, NodeKind, Position, Relation, has_errors, validate};
use argmap::render::measure::estimated_size;
use proptest::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

#[path = "common/run.rs"]
mod run;
use run::{argmap, stderr};

fn data(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(name),
    )
    .unwrap()
}

/// The map without what Argdown does not carry (positions) and with links in one order.
fn comparable(map: &ArgumentMap) -> ArgumentMap {
    let mut m = map.clone();
    for n in &mut m.nodes {
        n.pos = Position::default();
    }
    m.links
        .sort_by(|a, b| (a.from.as_str(), a.to.as_str()).cmp(&(b.from.as_str(), b.to.as_str())));
    m
}

fn link(map: &ArgumentMap, from: &str, to: &str) -> Option<Relation> {
    map.link(&from.into(), &to.into()).map(|l| l.relation)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn map_to_argdown_to_map_keeps_everything_but_positions(map in common::valid_map()) {
        let text = argdown::write(&map);
        let back = argdown::read(&text, "fallback")
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        // (An empty map is reported as empty.)
        prop_assert!(back.warnings.is_empty() || map.nodes.is_empty(), "{:?}\n{}", back.warnings, text);
        prop_assert_eq!(comparable(&back.map), comparable(&map), "{}", text);
        prop_assert!(!has_errors(&validate(&back.map)));
        // Deterministic.
        prop_assert_eq!(argdown::write(&map), text);
    }

    #[test]
    fn map_to_aif_to_map_keeps_everything(map in common::valid_map()) {
        let text = aif::write(&map);
        let back = aif::read(&text, "fallback")
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert!(back.warnings.is_empty() || map.nodes.is_empty(), "{:?}", back.warnings);
        prop_assert_eq!(&back.map, &map);
        prop_assert_eq!(aif::write(&map), text);
    }

    #[test]
    fn the_argdown_reader_never_panics_on_any_text(text in any::<String>()) {
        check_reader_result(&text, ImportFormat::Argdown);
    }

    #[test]
    fn the_argdown_reader_never_panics_on_argdown_like_text(text in argdown_like()) {
        check_reader_result(&text, ImportFormat::Argdown);
    }

    #[test]
    fn the_aif_reader_never_panics_on_aif_like_json(text in aif_like()) {
        check_reader_result(&text, ImportFormat::Aif);
    }

    #[test]
    fn the_aif_reader_never_panics_on_any_text(text in any::<String>()) {
        check_reader_result(&text, ImportFormat::Aif);
    }
}

/// A reader either gives a valid map, or errors placed inside the text.
fn check_reader_result(text: &str, format: ImportFormat) {
    match import(text, format, "t") {
        Ok(imported) => {
            assert!(!has_errors(&validate(&imported.map)), "{text:?}");
            let lines = text.split('\n').count();
            for w in &imported.warnings {
                assert!(
                    w.line.is_none_or(|l| l >= 1 && l <= lines),
                    "{w:?} in {text:?}"
                );
            }
        }
        Err(e) => {
            assert!(!e.errors.is_empty());
            let lines = text.split('\n').count();
            for m in &e.errors {
                assert!(
                    m.line.is_none_or(|l| l >= 1 && l <= lines),
                    "{m:?} in {text:?}"
                );
            }
        }
    }
}

/// Text made of Argdown's building blocks in any order.
fn argdown_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "[A]: ",
        "[B]",
        "<Arg>: ",
        "<Arg>",
        "text ",
        "more words",
        "\n",
        "\n\n",
        "  ",
        "    ",
        "+ ",
        "- ",
        "<+ ",
        "<- ",
        "+> ",
        "-> ",
        "_ ",
        "<_ ",
        "_> ",
        ">< ",
        "(1) ",
        "(2) ",
        "----",
        "--",
        "#tag ",
        "#(two words) ",
        "{a: 1}",
        "{id: \"x\", text: \"y\"}",
        "{broken: [}",
        "===",
        "// c",
        "/* c */",
        "/*",
        "<!-- c -->",
        "*",
        "**",
        "_",
        "\\",
        ".->.",
        ":+1:",
        "@[A]",
        "[l](http://x)",
        "# Head ",
        "* ",
        "1. ",
        "}",
        "{",
        "\r\n",
        "\t",
        "é",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

/// JSON in AIF's shape with random types, ids and edges (some dangling, some odd).
fn aif_like() -> impl Strategy<Value = String> {
    let node = (
        0u8..12,
        prop::sample::select(vec!["I", "RA", "CA", "MA", "PA", "L", "YA", "TA", "", "X"]),
        "[a-z ]{0,6}",
        any::<bool>(),
    );
    let edge = (0u8..14, 0u8..14);
    (
        prop::collection::vec(node, 0..12),
        prop::collection::vec(edge, 0..16),
        any::<bool>(),
    )
        .prop_map(|(nodes, edges, wrapped)| {
            let nodes: Vec<String> = nodes
                .into_iter()
                .map(|(id, kind, text, numeric)| {
                    let id = if numeric {
                        id.to_string()
                    } else {
                        format!("\"{id}\"")
                    };
                    format!("{{\"nodeID\": {id}, \"type\": \"{kind}\", \"text\": \"{text}\"}}")
                })
                .collect();
            let edges: Vec<String> = edges
                .into_iter()
                .map(|(f, t)| format!("{{\"fromID\": \"{f}\", \"toID\": {t}}}"))
                .collect();
            let aif = format!(
                "{{\"nodes\": [{}], \"edges\": [{}], \"locutions\": []}}",
                nodes.join(", "),
                edges.join(", ")
            );
            if wrapped {
                format!("{{\"AIF\": {aif}, \"OVA\": {{\"nodes\": []}}, \"text\": \"<b>x</b>\"}}")
            } else {
                aif
            }
        })
}

#[test]
fn the_article_map_survives_both_round_trips() {
    let map = argmap::bundled::article_map();
    let text = argdown::write(&map);
    // Every node once as a definition, every link once as a reference line.
    assert_eq!(
        text.lines().filter(|l| l.starts_with('[')).count(),
        map.nodes.len()
    );
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with("  <+ [") || l.starts_with("  <- ["))
            .count(),
        map.links.len()
    );
    let back = argdown::read(&text, "x").unwrap();
    assert!(back.warnings.is_empty());
    assert_eq!(comparable(&back.map), comparable(&map));
    let back = aif::read(&aif::write(&map), "x").unwrap();
    assert_eq!(back.map, map);
}

#[test]
fn the_argdown_primer_imports_as_argdown_reads_it() {
    // 10 relations in Argdown's own JSON, and one linked reason from its premise–conclusion
    // structure: <Argument 1> is that reason, not a node.
    let imported = argdown::read(&data("argdown-primer.argdown"), "primer").unwrap();
    let map = &imported.map;
    assert_eq!(map.title, "Welcome to Argdown!");
    assert_eq!(map.nodes.len(), 12);
    assert_eq!(map.links.len(), 11);
    assert_eq!(
        link(map, "argument-title", "statement-2"),
        Some(Relation::Supports)
    );
    assert_eq!(
        link(map, "another-argument", "statement-2"),
        Some(Relation::Opposes)
    );
    // `[Intro] -> <Argument 1>`: an attack on the argument, read as an undercut of its inference.
    let intro = map
        .link(&"intro".into(), &"and-now-the-conclusion".into())
        .unwrap();
    assert_eq!(
        intro.undercuts,
        Some("first-premise-this-is-is-a-normal".into())
    );
    assert_eq!(
        link(map, "and-now-the-conclusion", "statement-1"),
        Some(Relation::Opposes)
    );
    let reason = map
        .link(
            &"first-premise-this-is-is-a-normal".into(),
            &"and-now-the-conclusion".into(),
        )
        .unwrap();
    assert_eq!(reason.relation, Relation::Supports);
    assert_eq!(reason.with, ["statement-2".into()]);
    assert_eq!(
        reason.scheme.as_deref(),
        Some("Some inference rule (Some additional info: 1,2)")
    );
    assert!(map.node(&"argument-1".into()).is_none());
    let statement_1 = map.node(&"statement-1".into()).unwrap();
    assert_eq!(
        statement_1.text,
        "Another statement (after a blank line), this time with a title defined in square brackets. We can use the title to refer to this statement later or mention it in other statements."
    );
    assert_eq!(statement_1.notes, "Tags: #(Another tag)");
    // Prose and headings are kept in the description.
    assert!(
        map.description
            .starts_with("# Welcome to Argdown!\n\nThis Argdown document only demonstrates")
    );
    assert!(
        map.description
            .contains("a #tag and a link (https://github.com/christianvoigt/argdown-parser).")
    );
    let lines: Vec<Option<usize>> = imported.warnings.iter().map(|w| w.line).collect();
    assert_eq!(
        lines,
        vec![Some(1), Some(22), Some(48), Some(48), Some(55), Some(66)]
    );
    assert!(
        imported.warnings[2]
            .text
            .contains("<Argument 1> is read as the reason")
    );
    assert!(
        imported.warnings[3]
            .text
            .contains("attack on the argument <Argument 1> is read as an undercut")
    );
    assert!(
        imported.warnings[4]
            .text
            .contains("heading \"Argument reconstructions\"")
    );
    assert!(
        imported.warnings[5]
            .text
            .contains("[Statement 2] is stated again")
    );
}

#[test]
fn the_car_free_example_uses_every_construct() {
    let imported = argdown::read(&data("car-free-city.argdown"), "x").unwrap();
    let map = &imported.map;
    assert_eq!(map.title, "Should the city ban cars from the old town?");
    // <Cleaner air> has a structure: it is a linked reason, not a node.
    assert_eq!(map.nodes.len(), 10);
    assert_eq!(map.links.len(), 9);
    let kind = |id: &str| map.node(&id.into()).unwrap().kind;
    assert_eq!(kind("ban"), NodeKind::Claim); // its own tag
    assert_eq!(kind("shops"), NodeKind::Counterpoint);
    assert_eq!(kind("no2-data"), NodeKind::Evidence);
    let undercut = map
        .link(&"not-comparable".into(), &"air-improves".into())
        .unwrap();
    assert_eq!(undercut.undercuts, Some("no2-data".into())); // undercut of <Cleaner air>
    assert_eq!(
        link(map, "footfall", "footfall-fell"),
        Some(Relation::Opposes)
    ); // contradiction
    assert_eq!(
        link(map, "footfall-fell", "footfall"),
        Some(Relation::Opposes)
    );
    assert_eq!(link(map, "air-improves", "ban"), Some(Relation::Supports)); // +>
    assert_eq!(link(map, "ban", "commute"), Some(Relation::Opposes)); // list item
    let reason = map
        .link(&"no2-data".into(), &"air-improves".into())
        .unwrap();
    assert_eq!(reason.with, ["lower-no2-means-cleaner-air".into()]);
    assert_eq!(reason.scheme.as_deref(), Some("Inference from the data"));
    assert_eq!(
        map.node(&"no2-data".into()).unwrap().notes,
        "source: Urban Institute report, p. 12\n\nyear: 2021"
    );
    assert_eq!(
        map.node(&"footfall".into()).unwrap().text,
        "Footfall rose in the car-free streets studied."
    );
    assert!(
        map.description
            .contains("What does the ban cost commuters? ❓ Nobody [yet] knows #1 priority.")
    );
    let warnings: Vec<String> = imported
        .warnings
        .iter()
        .map(|w| format!("{}: {}", w.line.unwrap_or(0), w.text))
        .collect();
    assert_eq!(warnings.len(), 7, "{warnings:?}");
    assert!(
        warnings[0].starts_with("1: front matter settings not kept")
            && warnings[0].ends_with("color, model")
    );
    assert!(warnings[1].starts_with("20: the argument <Cleaner air> is read as the reason"));
    assert!(warnings[2].starts_with("21: a support of the argument <Cleaner air>"));
    // [NO2 data] supports <Cleaner air> and is its premise: the linked reason wins.
    assert!(warnings[3].starts_with("21: the relation from \"no2-data\""));
    assert!(warnings[4].starts_with("25: \"ban\" cannot support or attack itself"));
    assert!(warnings[5].starts_with("36: the inference's data is not kept"));
    assert!(warnings[6].starts_with("42: heading \"Open questions\""));
}

#[test]
fn broken_argdown_is_an_error_with_line_and_column() {
    let e = argdown::read(&data("broken-relation.argdown"), "x").unwrap_err();
    assert_eq!(e.errors.len(), 1);
    assert_eq!((e.errors[0].line, e.errors[0].col), (Some(4), Some(4)));
    assert!(
        e.errors[0]
            .text
            .contains("no statement or argument above it")
    );
}

#[test]
fn an_ova3_file_gives_nodes_links_positions_and_sources() {
    let imported = aif::read(&data("ova3-car-free.json"), "ova3-car-free").unwrap();
    let map = &imported.map;
    assert_eq!(map.nodes.len(), 6);
    assert_eq!(map.links.len(), 4);
    assert_eq!(link(map, "2", "1"), Some(Relation::Supports));
    assert_eq!(link(map, "3", "1"), Some(Relation::Opposes));
    assert_eq!(link(map, "4", "3"), Some(Relation::Opposes));
    // The conflict on the inference 2 → 1 is an undercut of that reason, not an attack on 1.
    let undercut = map.link(&"6".into(), &"1".into()).unwrap();
    assert_eq!(undercut.relation, Relation::Opposes);
    assert_eq!(undercut.undercuts.as_ref().map(|p| p.as_str()), Some("2"));
    assert_eq!(map.nodes[3].pos, Position::new(650.0, 550.0));
    let ids: Vec<&str> = map.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["text", "alice", "bob"]);
    assert!(
        map.sources[0]
            .text
            .as_deref()
            .unwrap()
            .contains("Shops depend on customers who arrive by car. & more.")
    );
    assert_eq!(
        map.sources[2].reported_in.as_ref().unwrap().as_str(),
        "text"
    );
    let c = &map.nodes[2].citations[0];
    assert_eq!(
        (c.source.as_str(), c.quote.as_str()),
        ("bob", "Shops depend on customers who arrive by car.")
    );
    let w: Vec<String> = imported
        .warnings
        .iter()
        .map(|w| format!("{:?}: {}", w.line, w.text))
        .collect();
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(w.iter().any(|w| w.contains("\"TA\"")));
    assert!(w.iter().any(|w| w.contains("\"MA\"")));
    assert!(imported.warnings.iter().all(|w| w.line.is_some()));
}

#[test]
fn a_plain_aifdb_file_with_numeric_ids_and_a_dangling_edge() {
    let imported = aif::read(&data("aifdb-nuclear.json"), "nuclear").unwrap();
    let map = &imported.map;
    assert_eq!(map.title, "nuclear");
    assert_eq!(map.nodes.len(), 4);
    // The inference with two premises is one linked reason, its premises in edge order.
    assert_eq!(map.links.len(), 2);
    let linked = map.link(&"2".into(), &"1".into()).unwrap();
    assert_eq!(linked.relation, Relation::Supports);
    assert_eq!(linked.with, vec!["3".into()]);
    assert_eq!(linked.scheme, None); // "Default Inference" names no scheme
    assert_eq!(link(map, "5", "1"), Some(Relation::Opposes));
    assert_eq!(map.nodes[0].kind, NodeKind::Claim);
    assert_eq!(map.nodes[1].kind, NodeKind::Evidence);
    assert_eq!(map.nodes[2].kind, NodeKind::Evidence);
    assert_eq!(map.nodes[3].kind, NodeKind::Counterpoint);
    // No OVA positions: laid out as a tree without overlaps.
    let mut places: Vec<(i64, i64)> = map
        .nodes
        .iter()
        .map(|n| (n.pos.x as i64, n.pos.y as i64))
        .collect();
    places.sort();
    places.dedup();
    assert_eq!(places.len(), 4);
    assert_eq!(imported.warnings.len(), 2);
}

#[test]
fn imported_argdown_is_laid_out_as_a_tree() {
    let map = argdown::read("[A]: a\n  + [B]: b\n  + [C]: c\n    - [D]: d\n", "t")
        .unwrap()
        .map;
    let pos = |id: &str| map.node(&id.into()).unwrap().pos;
    let (a, b, c, d) = (pos("a"), pos("b"), pos("c"), pos("d"));
    // What bears on a node stands in the row beneath it, supporters left of opponents.
    assert!(
        a.y < b.y && b.y == c.y && c.y < d.y,
        "{a:?} {b:?} {c:?} {d:?}"
    );
    assert!(b.x < c.x, "{b:?} {c:?}");
    assert!(
        b.x < a.x && a.x < c.x,
        "a is centred over b and c: {a:?} {b:?} {c:?}"
    );
}

/// Imports are laid out by `layout::arrange`, as Arrange All does for cards not drawn yet:
/// arranging from scratch gives the same positions, and arranging again moves nothing.
#[test]
fn an_imported_map_is_placed_as_arrange_places_it() {
    let imports = [
        argdown::read(&data("car-free-city.argdown"), "t")
            .unwrap()
            .map,
        argdown::read(&data("argdown-primer.argdown"), "t")
            .unwrap()
            .map,
        aif::read(&data("aifdb-nuclear.json"), "t").unwrap().map,
    ];
    for imported in imports {
        assert!(imported.nodes.len() > 3);
        let mut fresh = imported.clone();
        for node in &mut fresh.nodes {
            node.pos = Position::default();
        }
        let moves = arrange(&fresh, &estimated_size, &Scope::All);
        assert!(!moves.is_empty());
        let index = fresh.node_index();
        let moves: Vec<(usize, Position)> = moves
            .into_iter()
            .map(|(id, pos)| (index[&id], pos))
            .collect();
        for (i, pos) in moves {
            fresh.nodes[i].pos = pos;
        }
        let positions = |m: &ArgumentMap| m.nodes.iter().map(|n| n.pos).collect::<Vec<_>>();
        assert_eq!(positions(&imported), positions(&fresh));
        assert!(arrange(&imported, &estimated_size, &Scope::All).is_empty());
    }
}

#[test]
fn links_to_a_node_from_several_parents_and_cycles_are_written_once_each() {
    let mut map = ArgumentMap::new("Cycles");
    for id in ["a", "b", "c"] {
        map.nodes.push(argmap::model::Node::new(
            id,
            NodeKind::Claim,
            id.to_uppercase(),
            Position::default(),
        ));
    }
    map.links = vec![
        Link::new("a", "b", Relation::Supports),
        Link::new("b", "c", Relation::Supports),
        Link::new("c", "a", Relation::Opposes),
        Link::new("a", "c", Relation::Opposes),
    ];
    let text = argdown::write(&map);
    assert_eq!(text.matches("\n  <").count(), 4, "{text}");
    let back = argdown::read(&text, "t").unwrap().map;
    assert_eq!(comparable(&back), comparable(&map));
}

#[test]
fn import_bytes_refuses_non_utf8_and_ignores_a_bom() {
    assert!(import_bytes(b"\xef\xbb\xbf[A]: a\n", ImportFormat::Argdown, "t").is_ok());
    let e = import_bytes(b"[A]: a\n\xfe", ImportFormat::Aif, "t").unwrap_err();
    assert_eq!(e.errors[0].line, Some(2));
}

// The command line.

#[test]
fn cli_import_writes_a_valid_map_and_prints_warnings_with_lines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("primer.argdown"),
        data("argdown-primer.argdown"),
    )
    .unwrap();
    let out = argmap(
        &["import", "primer.argdown", "--to", "primer.ron"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("primer.argdown:1: warning: heading \"Welcome to Argdown!\""),
        "{err}"
    );
    assert!(
        err.contains(
            "imported primer.argdown into primer.ron: 12 nodes, 11 links, 0 sources, 6 warnings"
        ),
        "{err}"
    );
    let check = argmap(&["check", "primer.ron"], dir.path());
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn cli_import_reports_broken_input_and_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.ad"), data("broken-relation.argdown")).unwrap();
    let out = argmap(&["import", "bad.ad", "--to", "bad.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("bad.ad:4:4: error: this relation has no statement"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("bad.ron").exists());

    std::fs::write(dir.path().join("x.txt"), "[A]: a").unwrap();
    let out = argmap(&["import", "x.txt", "--to", "x.ron"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--format"));
    let out = argmap(
        &["import", "x.txt", "--format", "argdown", "--to", "x.ron"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = argmap(&["import", "missing.aif", "--to", "m.ron"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn cli_export_to_argdown_and_aif_by_extension_or_format() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.ron"), argmap::bundled::ARTICLE_MAP_RON).unwrap();
    for (args, file) in [
        (vec!["export", "a.ron", "--to", "a.argdown"], "a.argdown"),
        (vec!["export", "a.ron", "--to", "a.aif"], "a.aif"),
        (
            vec!["export", "a.ron", "--format", "aif", "--to", "a.aif.json"],
            "a.aif.json",
        ),
    ] {
        let out = argmap(&args, dir.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let back = argmap(
            &[
                "import",
                file,
                "--format",
                if file.ends_with("argdown") {
                    "argdown"
                } else {
                    "aif"
                },
                "--to",
                "back.ron",
            ],
            dir.path(),
        );
        assert_eq!(back.status.code(), Some(0), "{}", stderr(&back));
        let same = argmap(&["diff", "a.ron", "back.ron"], dir.path());
        let changes = String::from_utf8_lossy(&same.stdout).into_owned();
        // AIF keeps positions and order; Argdown lists links under the node they bear on.
        assert!(
            changes.lines().all(|l| l.starts_with("~ node")
                || l.contains("moved:")
                || l == "~ links reordered"),
            "{changes}"
        );
        if file != "a.argdown" {
            assert_eq!(same.status.code(), Some(0), "{changes}");
        }
    }
    let text = std::fs::read_to_string(dir.path().join("a.aif")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["AIF"]["nodes"].as_array().unwrap().len(), 32 + 32);
}

/// An AIF file's inferences and conflicts as texts: for each RA or CA node and each I-node
/// or S-node it bears on, its type, its premises' texts and what it bears on (an I-node's
/// text, or for an undercut the attacked S-node's own premises and first conclusion).
fn s_structures(text: &str) -> BTreeSet<(String, BTreeSet<String>, String)> {
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    let aif = if v["AIF"].is_object() { &v["AIF"] } else { &v };
    let id = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut kind_of = HashMap::new();
    let mut text_of = HashMap::new();
    for n in aif["nodes"].as_array().unwrap() {
        kind_of.insert(
            id(&n["nodeID"]),
            n["type"].as_str().unwrap_or("").to_owned(),
        );
        text_of.insert(
            id(&n["nodeID"]),
            n["text"].as_str().unwrap_or("").to_owned(),
        );
    }
    let (mut ins, mut outs): (HashMap<String, Vec<String>>, HashMap<String, Vec<String>>) =
        Default::default();
    for e in aif["edges"].as_array().unwrap() {
        outs.entry(id(&e["fromID"]))
            .or_default()
            .push(id(&e["toID"]));
        ins.entry(id(&e["toID"]))
            .or_default()
            .push(id(&e["fromID"]));
    }
    let of_kind = |list: Option<&Vec<String>>, kinds: &[&str]| -> Vec<String> {
        list.into_iter()
            .flatten()
            .filter(|n| kinds.contains(&kind_of.get(*n).map_or("", |k| k.as_str())))
            .cloned()
            .collect()
    };
    let premises = |s: &String| -> BTreeSet<String> {
        of_kind(ins.get(s), &["I"])
            .iter()
            .map(|p| text_of[p].clone())
            .collect()
    };
    let mut out = BTreeSet::new();
    for (s, kind) in &kind_of {
        if kind != "RA" && kind != "CA" {
            continue;
        }
        for t in of_kind(outs.get(s), &["I", "RA", "CA"]) {
            let target = if kind_of[&t] == "I" {
                text_of[&t].clone()
            } else {
                let first = of_kind(outs.get(&t), &["I"]);
                format!(
                    "the reason of {:?} on {:?}",
                    premises(&t),
                    text_of[&first[0]]
                )
            };
            out.insert((kind.clone(), premises(s), target));
        }
    }
    out
}

/// Real AIFdb and OVA files (see tests/data/README.md): import, export and import again keep
/// every I-node and every inference and conflict with its premises and what it bears on.
#[test]
fn real_aifdb_corpora_keep_their_inferences_and_conflicts_through_a_round_trip() {
    for name in [
        "aifdb-ff-19393.json",
        "aifdb-ff-19395.json",
        "aifdb-ff-19398.json",
        "aifdb-ff-19476.json",
        "papa-rebut-undercut.json",
    ] {
        let original = data(name);
        let imported = aif::read(&original, name).unwrap();
        assert!(!has_errors(&validate(&imported.map)), "{name}");
        let exported = aif::write(&imported.map);
        let again = aif::read(&exported, name).unwrap();
        assert!(again.warnings.is_empty(), "{name}: {:?}", again.warnings);
        assert_eq!(again.map, imported.map, "{name}");

        let v: serde_json::Value = serde_json::from_str(&original).unwrap();
        let aif_nodes = v.get("AIF").unwrap_or(&v)["nodes"]
            .as_array()
            .unwrap()
            .clone();
        let i_texts: BTreeSet<&str> = aif_nodes
            .iter()
            .filter(|n| n["type"] == "I")
            .map(|n| n["text"].as_str().unwrap())
            .collect();
        let texts: BTreeSet<&str> = again.map.nodes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, i_texts, "{name}");
        let before = s_structures(&original);
        assert!(!before.is_empty(), "{name}");
        assert_eq!(s_structures(&exported), before, "{name}");
    }
    // What the files hold beyond one premise and one conclusion is kept as reasons.
    let linked = aif::read(&data("aifdb-ff-19395.json"), "t").unwrap().map;
    let jihadist = linked
        .links
        .iter()
        .find(|l| l.scheme.as_deref() == Some("Jihadist Point"))
        .unwrap();
    assert_eq!(jihadist.with.len(), 2);
    let undercut = aif::read(&data("papa-rebut-undercut.json"), "t")
        .unwrap()
        .map;
    assert_eq!(undercut.links.iter().filter(|l| l.is_undercut()).count(), 1);
}

/// Maps whose reasons have co-premises, undercuts (of undercuts too), schemes (catalogue ids
/// and foreign names), warrants and answers: candidate reasons kept to argmap's rules.
fn reason_map() -> impl Strategy<Value = ArgumentMap> {
    let candidate = (
        0..6usize,
        prop::collection::vec(0..6usize, 1..4),
        any::<bool>(),
        0..4usize,
        0..3usize,
        prop::option::of(0..8usize),
    );
    (2..7usize, prop::collection::vec(candidate, 0..12)).prop_map(|(n, candidates)| {
        let mut map = ArgumentMap::new("Reasons");
        for i in 0..n {
            map.nodes.push(argmap::model::Node::new(
                format!("n{i}"),
                NodeKind::Claim,
                format!("Statement {i}"),
                Position::new(i as f32 * 10.0, 0.0),
            ));
        }
        let id = |i: usize| argmap::model::NodeId::from(format!("n{}", i % n).as_str());
        let mut premise_of: HashMap<(usize, usize), usize> = HashMap::new();
        for (target, premises, supports, scheme, extra, undercut) in candidates {
            let target = target % n;
            let mut seen = std::collections::HashSet::new();
            let premises: Vec<usize> = premises
                .into_iter()
                .map(|p| p % n)
                .filter(|&p| {
                    p != target && seen.insert(p) && !premise_of.contains_key(&(p, target))
                })
                .collect();
            let Some(&first) = premises.first() else {
                continue;
            };
            let mut link = Link::new(
                id(first),
                id(target),
                if supports {
                    Relation::Supports
                } else {
                    Relation::Opposes
                },
            );
            link.with = premises[1..].iter().map(|&p| id(p)).collect();
            link.scheme = match scheme {
                1 => Some("expert_opinion".to_owned()),
                2 => Some("Lack of extremist motivation".to_owned()),
                3 => Some("analogy".to_owned()),
                _ => None,
            };
            if extra == 1 {
                link.warrant = Some("Experts are usually right.".to_owned());
            }
            // An undercut of an earlier reason on the same target.
            if let Some(pick) = undercut {
                let on_target: Vec<&Link> = map.links.iter().filter(|l| l.to == link.to).collect();
                if !on_target.is_empty() {
                    link.undercuts = Some(on_target[pick % on_target.len()].from.clone());
                    link.relation = Relation::Opposes;
                }
            }
            if extra == 2 && link.scheme.as_deref() == Some("expert_opinion") {
                link.answers = Some(1);
            }
            for &p in &premises {
                premise_of.insert((p, target), map.links.len());
            }
            map.links.push(link);
        }
        // An answer must name a question of a reason it bears on: keep only valid maps.
        if has_errors(&validate(&map)) {
            for link in &mut map.links {
                link.answers = None;
            }
        }
        assert!(!has_errors(&validate(&map)), "{:?}", validate(&map));
        map
    })
}

/// Premises, target, relation, the attacked reason's first premise, scheme.
type ReasonByText = (
    BTreeSet<String>,
    String,
    &'static str,
    Option<String>,
    Option<String>,
);

/// A reason by its nodes' texts: premises as a set, target, relation, and for an undercut the
/// text of the attacked reason's first premise.
fn reasons_by_text(map: &ArgumentMap) -> BTreeSet<ReasonByText> {
    let text: HashMap<&argmap::model::NodeId, &str> =
        map.nodes.iter().map(|n| (&n.id, n.text.as_str())).collect();
    map.links
        .iter()
        .map(|l| {
            (
                l.premises().map(|p| text[p].to_owned()).collect(),
                text[&l.to].to_owned(),
                l.relation.as_str(),
                l.undercuts.as_ref().map(|u| text[u].to_owned()),
                l.scheme.clone(),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn reasons_go_to_aif_and_back(map in reason_map()) {
        let text = aif::write(&map);
        let back = aif::read(&text, "t").map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert!(back.warnings.is_empty(), "{:?}", back.warnings);
        prop_assert_eq!(reasons_by_text(&back.map), reasons_by_text(&map));
        // The `argmap` member gives back warrants and answers too; without it (as another
        // tool would read it) the reasons themselves are the same.
        prop_assert_eq!(&back.map.links, &map.links);
        let mut bare: serde_json::Value = serde_json::from_str(&text).unwrap();
        bare.as_object_mut().unwrap().remove("argmap");
        let foreign = aif::read(&bare.to_string(), "t").unwrap();
        prop_assert_eq!(reasons_by_text(&foreign.map), reasons_by_text(&map));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Every reason — co-premises, undercuts of reasons and of undercuts, schemes, warrants,
    /// answered questions — is written as Argdown and read back whole, without a warning.
    #[test]
    fn reasons_go_to_argdown_and_back(map in reason_map()) {
        let text = argdown::write(&map);
        let back = argdown::read(&text, "t")
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert!(back.warnings.is_empty(), "{:?}\n{}", back.warnings, text);
        prop_assert_eq!(reasons_by_text(&back.map), reasons_by_text(&map), "{}", text);
        let extras = |m: &ArgumentMap| -> BTreeSet<(ReasonByText, Option<String>, Option<u32>)> {
            let by_text: Vec<ReasonByText> = m
                .links
                .iter()
                .map(|l| {
                    let one = ArgumentMap { links: vec![l.clone()], ..m.clone() };
                    reasons_by_text(&one).into_iter().next().unwrap()
                })
                .collect();
            assert_eq!(by_text.len(), m.links.len());
            m.links
                .iter()
                .zip(by_text)
                .map(|(l, r)| (r, l.warrant.clone(), l.answers))
                .collect()
        };
        prop_assert_eq!(extras(&back.map), extras(&map), "{}", text);
        prop_assert_eq!(back.map.nodes.len(), map.nodes.len(), "{}", text);
        prop_assert!(!has_errors(&validate(&back.map)));
    }
}
