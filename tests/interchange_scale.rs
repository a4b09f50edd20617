//! Argdown and AIF at scale: imports and exports stay linear in their input (issue 17).
//!
//! Each input is big enough that the quadratic code these tests guard against would take
//! minutes, while the linear code takes about a second; the tests assert on the results
//! (counts, ids, warnings and their lines), never on time. Every import's output is also
//! bounded by its input: no AIF node may turn into more links than it has edges.

use argmap::interchange::{ImportFormat, aif, argdown, import};
use argmap::model::{ArgumentMap, Link, Node, NodeKind, Position, Relation};
use serde_json::{Value, json};

#[path = "common/run.rs"]
mod run;
use run::{argmap, stderr};

/// A chain of `n` nodes with generated ids (`n1`…), each supporting the one before.
fn chain(n: usize, text: impl Fn(usize) -> String) -> ArgumentMap {
    let mut map = ArgumentMap::new("Chain");
    map.nodes = (1..=n)
        .map(|i| {
            Node::new(
                format!("n{i}"),
                NodeKind::Claim,
                text(i),
                Position::new(i as f32, 0.0),
            )
        })
        .collect();
    map.links = (2..=n)
        .map(|i| {
            Link::new(
                format!("n{i}").as_str(),
                format!("n{}", i - 1).as_str(),
                Relation::Supports,
            )
        })
        .collect();
    map
}

/// Plain AIFdb JSON, pretty-printed (one key per line, like real files).
fn aif_json(nodes: Vec<Value>, edges: Vec<Value>) -> String {
    serde_json::to_string_pretty(&json!({"nodes": nodes, "edges": edges, "locutions": []})).unwrap()
}

fn i_node(id: &str, text: &str) -> Value {
    json!({"nodeID": id, "text": text, "type": "I"})
}

fn s_node(id: &str, kind: &str) -> Value {
    json!({"nodeID": id, "text": "Default", "type": kind})
}

fn edge(n: &mut usize, from: &str, to: &str) -> Value {
    *n += 1;
    json!({"edgeID": n.to_string(), "fromID": from, "toID": to})
}

/// The 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).unwrap();
    1 + text[..at].matches('\n').count()
}

/// Item 1: every message of an AIF import used to count lines from the start of the file.
#[test]
fn a_large_aif_file_imports_with_every_warning_on_its_line() {
    let n = 20_000;
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let mut e = 0;
    for i in 1..=n {
        // The last I-node has no text: its warning must name its line, far down the file.
        let text = if i == n {
            String::new()
        } else {
            format!("Claim {i}")
        };
        nodes.push(i_node(&format!("i{i}"), &text));
        if i > 1 {
            nodes.push(s_node(&format!("ra{i}"), "RA"));
            edges.push(edge(&mut e, &format!("i{i}"), &format!("ra{i}")));
            edges.push(edge(&mut e, &format!("ra{i}"), &format!("i{}", i - 1)));
        }
    }
    let text = aif_json(nodes, edges);
    let imported = import(&text, ImportFormat::Aif, "big").unwrap();
    assert_eq!(imported.map.nodes.len(), n);
    assert_eq!(imported.map.links.len(), n - 1);
    let w = &imported.warnings;
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].text.contains(&format!("\"i{n}\" has no text")),
        "{w:?}"
    );
    assert_eq!(
        w[0].line,
        Some(line_of(&text, &format!("\"nodeID\": \"i{n}\"")))
    );
}

/// Item 2: an Argdown import asked for the line of every statement by counting from the
/// start of the text.
#[test]
fn argmaps_own_argdown_export_of_a_large_map_imports_back() {
    let map = chain(50_000, |i| format!("Reason number {i} for the one above."));
    let text = argdown::write(&map);
    let back = argdown::read(&text, "t").unwrap();
    assert!(back.warnings.is_empty(), "{:?}", &back.warnings[..3]);
    assert_eq!(back.map.nodes.len(), 50_000);
    assert_eq!(back.map.links.len(), 49_999);
    assert_eq!(back.map.nodes[49_999].id.as_str(), "n50000");
    assert_eq!(back.map.nodes[49_999].text, map.nodes[49_999].text);
}

/// Item 2, deep indentation: the input grows as the square of the depth, and the import
/// stays linear in the input.
#[test]
fn deeply_indented_argdown_imports_with_warnings_on_their_lines() {
    let depth = 4_000;
    let mut text = String::from("[S0]: Root.\n");
    for d in 1..=depth {
        text.push_str(&" ".repeat(d));
        text.push_str(&format!("+ [S{d}]: Statement {d}.\n"));
    }
    // One warning at the very end: a statement stated again with other words.
    text.push_str(&format!("\n[S{depth}]: Other words.\n"));
    let imported = argdown::read(&text, "t").unwrap();
    let map = &imported.map;
    assert_eq!(map.nodes.len(), depth + 1);
    assert_eq!(map.links.len(), depth);
    let deepest = map.node(&format!("s{depth}").as_str().into()).unwrap();
    // A chain: every statement in the row beneath the one it supports.
    let parent = map
        .node(&format!("s{}", depth - 1).as_str().into())
        .unwrap();
    assert!(deepest.pos.y > parent.pos.y && deepest.pos.y > depth as f32 * 60.0);
    let w = &imported.warnings;
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].line, Some(depth + 3));
}

/// Item 3: fresh ids for statements with the same words started counting at 2 every time.
#[test]
fn many_untitled_statements_with_the_same_words_get_numbered_ids() {
    let n = 50_000;
    let mut text = String::from("[Root]: The root.\n");
    for _ in 0..n {
        text.push_str("  + The same words again.\n");
    }
    let map = argdown::read(&text, "t").unwrap().map;
    assert_eq!(map.nodes.len(), n + 1);
    assert_eq!(map.links.len(), n);
    assert_eq!(map.nodes[1].id.as_str(), "the-same-words-again");
    assert_eq!(map.nodes[2].id.as_str(), "the-same-words-again-2");
    assert_eq!(
        map.nodes[n].id.as_str(),
        format!("the-same-words-again-{n}")
    );
}

/// Item 4: the Argdown writer's search for a free title started at 2 for every node.
#[test]
fn many_nodes_whose_texts_start_alike_get_numbered_titles() {
    let n = 50_000;
    let map = chain(n, |i| format!("The same six opening words here, then {i}."));
    let text = argdown::write(&map);
    // Titles are made of the first six words: all but the first are numbered.
    let title = "The same six opening words here";
    assert!(text.contains(&format!(
        "\n[{title}]: The same six opening words here, then 1."
    )));
    assert!(text.contains(&format!(
        "\n[{title} (2)]: The same six opening words here, then 2."
    )));
    assert!(text.contains(&format!(
        "\n[{title} ({n})]: The same six opening words here, then {n}."
    )));
    let titles = text.matches(&format!("\n[{title}")).count();
    assert_eq!(titles, n);
    let back = argdown::read(&text, "t").unwrap().map;
    assert_eq!(back.nodes.len(), n);
    assert_eq!(back.links.len(), n - 1);
}

/// Item 5: the AIF writer looked up both ends of every link by a search through all nodes;
/// the reader looked up each node's kind and notes by a search through all of them.
#[test]
fn a_large_map_goes_to_aif_and_back_unchanged() {
    let n = 50_000;
    let map = chain(n, |i| format!("Claim {i}."));
    let text = aif::write(&map);
    let v: Value = serde_json::from_str(&text).unwrap();
    let nodes = v["AIF"]["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), n + (n - 1));
    assert_eq!(v["AIF"]["edges"].as_array().unwrap().len(), 2 * (n - 1));
    let back = aif::read(&text, "t").unwrap();
    assert!(back.warnings.is_empty());
    assert_eq!(back.map, map);
}

/// Item 9: an RA with P premises and C conclusions gave P × C links.
#[test]
fn an_inference_with_many_premises_and_conclusions_gives_linear_links() {
    let (p, c) = (1_000, 1_000);
    let mut nodes = vec![s_node("ra", "RA")];
    let mut edges = Vec::new();
    let mut e = 0;
    for i in 0..p {
        nodes.push(i_node(&format!("p{i}"), &format!("Premise {i}")));
        edges.push(edge(&mut e, &format!("p{i}"), "ra"));
    }
    for i in 0..c {
        nodes.push(i_node(&format!("c{i}"), &format!("Conclusion {i}")));
        edges.push(edge(&mut e, "ra", &format!("c{i}")));
    }
    let text = aif_json(nodes, edges);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("wide.json"), &text).unwrap();
    let out = argmap(&["import", "wide.json", "--to", "wide.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let line = line_of(&text, "\"nodeID\": \"ra\"");
    assert!(
        err.contains(&format!(
            "wide.json:{line}: warning: inference (RA) \"ra\" has 1000 premises and 1000 conclusions; argmap adds the node \"ra\" for its premises taken jointly"
        )),
        "{err}"
    );
    let imported = import(&text, ImportFormat::Aif, "wide").unwrap();
    let map = &imported.map;
    assert!(map.links.len() <= p + c, "{} links", map.links.len());
    assert_eq!(map.nodes.len(), p + c + 1);
    let joint = map.node(&"ra".into()).unwrap();
    assert!(
        joint.text.contains("premises of \"ra\" taken jointly"),
        "{}",
        joint.text
    );
    assert_eq!(joint.kind, NodeKind::Claim);
    // The premises support the joint node together (one reason, in edge order), and it
    // supports every conclusion.
    let together = map.link(&"p0".into(), &"ra".into()).unwrap();
    assert_eq!(together.relation, Relation::Supports);
    assert_eq!(together.with.len(), p - 1);
    assert_eq!(together.with[p - 2].as_str(), format!("p{}", p - 1));
    for i in [0, c - 1] {
        let l = map.link(&"ra".into(), &format!("c{i}").as_str().into());
        assert_eq!(l.map(|l| l.relation), Some(Relation::Supports));
    }
    // Every link and premise comes from an edge of the file.
    let premises: usize = map.links.iter().map(|l| 1 + l.with.len()).sum();
    assert_eq!(premises, p + c);
}

/// Item 9 for conflicts: many attackers of many targets, and many undercuts of an inference
/// with many conclusions, each stay linear.
#[test]
fn conflicts_and_undercuts_give_linear_links() {
    let k = 1_000;
    let mut nodes = vec![
        s_node("ca", "CA"),
        s_node("ra", "RA"),
        i_node("why", "The premise"),
    ];
    let mut edges = Vec::new();
    let mut e = 0;
    edges.push(edge(&mut e, "why", "ra"));
    for i in 0..k {
        // Attackers and targets of one conflict.
        nodes.push(i_node(&format!("a{i}"), &format!("Attacker {i}")));
        nodes.push(i_node(&format!("t{i}"), &format!("Target {i}")));
        edges.push(edge(&mut e, &format!("a{i}"), "ca"));
        edges.push(edge(&mut e, "ca", &format!("t{i}")));
        // Conclusions of one inference, and conflicts that undercut it.
        nodes.push(i_node(&format!("c{i}"), &format!("Conclusion {i}")));
        edges.push(edge(&mut e, "ra", &format!("c{i}")));
        nodes.push(s_node(&format!("u{i}"), "CA"));
        nodes.push(i_node(&format!("ua{i}"), &format!("Undercutter {i}")));
        edges.push(edge(&mut e, &format!("ua{i}"), &format!("u{i}")));
        edges.push(edge(&mut e, &format!("u{i}"), "ra"));
    }
    let text = aif_json(nodes, edges);
    let imported = import(&text, ImportFormat::Aif, "t").unwrap();
    let map = &imported.map;
    // No AIF node makes more links than it has edges.
    assert!(
        map.links.len() <= e,
        "{} links from {e} edges",
        map.links.len()
    );
    let relation = |f: &str, t: &str| map.link(&f.into(), &t.into()).map(|l| l.relation);
    assert_eq!(relation("a0", "ca"), Some(Relation::Supports));
    assert_eq!(relation("ca", "t999"), Some(Relation::Opposes));
    // One premise and many conclusions: a reason per conclusion; the undercuts attack the
    // reason on the first conclusion (with a warning each: AIF's undercut is of all of them).
    assert_eq!(relation("why", "c0"), Some(Relation::Supports));
    assert_eq!(relation("why", "c999"), Some(Relation::Supports));
    let undercut = map.link(&"ua5".into(), &"c0".into()).unwrap();
    assert_eq!(undercut.relation, Relation::Opposes);
    assert_eq!(undercut.undercuts.as_ref().map(|p| p.as_str()), Some("why"));
    let w = &imported.warnings;
    let ca_line = line_of(&text, "\"nodeID\": \"ca\"");
    assert!(
        w.iter().any(|m| m.line == Some(ca_line)
            && m.text
                .contains("conflict (CA) \"ca\" has 1000 attackers and 1000 targets")),
        "{:?}",
        &w[..3]
    );
    let u5_line = line_of(&text, "\"nodeID\": \"u5\"");
    assert!(
        w.iter().any(|m| m.line == Some(u5_line)
            && m.text.contains(
                "conflict (CA) \"u5\" undercuts \"ra\", which bears on 1000 nodes; argmap reads it as undercutting the reason on the first, \"c0\""
            )),
        "{:?}",
        &w[..3]
    );
}

/// Item 16: an edge straight from one I-node to another was dropped without a word.
#[test]
fn an_edge_between_two_i_nodes_is_kept_as_a_support_with_a_warning() {
    let mut e = 0;
    let nodes = vec![i_node("a", "A claim"), i_node("b", "Its reason")];
    let edges = vec![edge(&mut e, "b", "a")];
    let text = aif_json(nodes, edges);
    let imported = import(&text, ImportFormat::Aif, "t").unwrap();
    assert_eq!(
        imported.map.links,
        vec![Link::new("b", "a", Relation::Supports)]
    );
    let w = &imported.warnings;
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].line, Some(line_of(&text, "\"edgeID\": \"1\"")));
    assert!(
        w[0].text
            .contains("the edge from I-node \"b\" to I-node \"a\"")
            && w[0].text.contains("\"b\" supporting \"a\""),
        "{w:?}"
    );
}

/// The Argdown lexer searched to the end of the text once per unclosed `/*`, `<!--` and `{`,
/// and to the end of the line once per `[` or `<` that closes nowhere on it.
#[test]
fn text_full_of_unclosed_comments_brackets_and_braces_is_read_in_one_pass() {
    let n = 30_000;
    let mut text = String::from("[A]: start");
    for _ in 0..n {
        text.push_str(" /* <!-- {");
    }
    text.push_str("\n[B]: ");
    for _ in 0..n {
        text.push_str("[x<y ");
    }
    text.push('\n');
    let imported = argdown::read(&text, "t").unwrap();
    let map = &imported.map;
    assert_eq!(map.nodes.len(), 2);
    assert!(
        map.nodes[0].text.starts_with("start /* <!-- { /*"),
        "{}",
        &map.nodes[0].text[..40]
    );
    assert!(
        map.nodes[1].text.starts_with("[x<y [x<y"),
        "{}",
        &map.nodes[1].text[..40]
    );
    let w = &imported.warnings;
    assert_eq!(w.len(), 2 * n, "{:?}", &w[..3]);
    assert!(
        w.iter()
            .all(|m| m.line == Some(1) && m.text.contains("never closed"))
    );
}
