//! Text exports for reports: the Markdown outline and the Graphviz graph.

use argmap::bundled::article_map;
use argmap::export::{ExportFormat, ExportOptions, export};
use argmap::model::{ArgumentMap, Citation, Link, Node, NodeKind, Position, Relation, Source};

fn text(map: &ArgumentMap, format: ExportFormat) -> String {
    String::from_utf8(export(map, format, &ExportOptions::default()).unwrap()).unwrap()
}

/// Markdown text with backslash escapes removed: what a reader sees.
fn unescape(markdown: &str) -> String {
    let mut out = String::new();
    let mut chars = markdown.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            out.push(chars.next().unwrap());
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn markdown_outline_of_the_article_map() {
    let map = article_map();
    let md = text(&map, ExportFormat::Markdown);
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines[0], format!("# {}", map.title));
    assert!(md.contains(&map.description));

    // The main claim comes first, before any list item.
    let main = map.node(map.main_claim().unwrap()).unwrap();
    let main_line = lines
        .iter()
        .position(|l| l.starts_with("**Main claim:**"))
        .unwrap();
    assert!(unescape(lines[main_line]).contains(&main.text));
    let first_item = lines
        .iter()
        .position(|l| l.trim_start().starts_with("- "))
        .unwrap();
    assert!(main_line < first_item);

    // Every node is written out exactly once; repeats are short back-references.
    let body: Vec<String> = lines
        .iter()
        .take_while(|l| !l.starts_with("[^"))
        .map(|l| unescape(l))
        .collect();
    for node in &map.nodes {
        let full = body.iter().filter(|l| l.contains(&node.text)).count();
        assert_eq!(full, 1, "{:?} written {full} times", node.text);
    }
    let back_references = body.iter().filter(|l| l.contains("*see above:*")).count();
    let items = body
        .iter()
        .filter(|l| l.trim_start().starts_with("- "))
        .count();
    assert_eq!(items + 1, map.nodes.len() + back_references);
    assert!(
        back_references >= 1,
        "the article map has a node bearing on two others"
    );
    for line in body.iter().filter(|l| l.trim_start().starts_with("- ")) {
        let item = line.trim_start();
        assert!(
            item.starts_with("- **Supports** (") || item.starts_with("- **Opposes** ("),
            "{item}"
        );
    }

    // A footnote for every citation, with the quote verbatim, the source and its rating.
    let citations: Vec<&Citation> = map.nodes.iter().flat_map(|n| &n.citations).collect();
    let notes: Vec<String> = lines
        .iter()
        .filter(|l| l.starts_with("[^"))
        .map(|l| unescape(l))
        .collect();
    assert_eq!(notes.len(), citations.len());
    for (i, (note, citation)) in notes.iter().zip(&citations).enumerate() {
        let n = i + 1;
        assert!(note.starts_with(&format!("[^{n}]: ")), "{note}");
        assert_eq!(
            md.matches(&format!("[^{n}]")).count(),
            2,
            "used once, defined once"
        );
        assert!(
            note.contains(&format!("\u{201c}{}\u{201d}", citation.quote)),
            "{note}"
        );
        assert!(note.contains(&citation.locator));
        let source = map.source(&citation.source).unwrap();
        assert!(note.contains(&source.title));
        if let Some(r) = source.reliability {
            assert!(note.contains(&format!("Reliability {} ({})", r.letter(), r.meaning())));
        }
        if let Some(c) = source.credibility {
            assert!(note.contains(&format!("credibility {} ({})", c.level(), c.meaning())));
        }
    }
    assert_eq!(md, text(&map, ExportFormat::Markdown), "deterministic");
}

fn small_map(text: &str) -> ArgumentMap {
    let mut map = ArgumentMap::new("Escaping # test");
    map.nodes = vec![
        Node::new("main", NodeKind::Claim, "The claim", Position::default()),
        Node::new("e", NodeKind::Evidence, text, Position::new(0.0, 200.0)),
        Node::new(
            "lonely",
            NodeKind::Counterpoint,
            "- not a list",
            Position::default(),
        ),
    ];
    map.links = vec![Link::new("e", "main", Relation::Supports)];
    map.main_claim = Some("main".into());
    map
}

#[test]
fn markdown_escapes_node_text() {
    let md = text(
        &small_map("*bold* [link](x) # heading"),
        ExportFormat::Markdown,
    );
    assert!(
        md.contains(r"- **Supports** (evidence): \*bold\* \[link\](x) \# heading"),
        "{md}"
    );
    assert!(!md.contains("*bold*") && !md.contains("[link]"));
    // Unconnected nodes have their own section; text that looks like markup stays text.
    let tail = md
        .split("## Not connected to the main claim")
        .nth(1)
        .unwrap();
    assert!(
        tail.contains(r"- **Counterpoint**: \- not a list"),
        "{tail}"
    );
    // A line break stays inside its list item.
    let md = text(&small_map("one\n# two"), ExportFormat::Markdown);
    assert!(md.contains("one\\\n  \\# two"), "{md}");
}

#[test]
fn markdown_of_an_empty_and_a_very_deep_map() {
    let md = text(&ArgumentMap::new(""), ExportFormat::Markdown);
    assert!(md.starts_with("# Argument map\n") && md.contains("no nodes"));
    let mut deep = ArgumentMap::new("deep");
    for i in 0..3_000 {
        deep.nodes.push(Node::new(
            format!("n{i}"),
            NodeKind::Claim,
            format!("step {i}"),
            Position::default(),
        ));
        if i > 0 {
            deep.links.push(Link::new(
                format!("n{i}"),
                format!("n{}", i - 1),
                Relation::Supports,
            ));
        }
    }
    let md = text(&deep, ExportFormat::Markdown);
    assert!(md.len() < 300_000, "indentation is capped: {}", md.len());
    assert!(md.contains("step 2999"));
}

#[test]
fn markdown_footnotes_name_missing_and_second_hand_sources() {
    let mut map = small_map("Fact");
    let mut direct = Source::new("s1", "Column");
    direct.reported_in = Some("s2".into());
    direct.url = "https://example.org/a".into();
    map.sources = vec![direct, Source::new("s2", "Newspaper")];
    map.nodes[1].citations = vec![Citation::new("s1", "q *1*"), Citation::new("gone", "")];
    let md = text(&map, ExportFormat::Markdown);
    assert!(md.contains(r"[^1]: “q \*1\*”. *Column* (article). Reported in *Newspaper*. Not rated. <https://example.org/a>"), "{md}");
    assert!(
        md.contains("[^2]: Source “gone” (not in this map)."),
        "{md}"
    );
}

#[test]
fn dot_has_one_node_per_node_and_one_edge_per_link() {
    let map = article_map();
    let dot = text(&map, ExportFormat::Dot);
    assert!(dot.starts_with("digraph argmap {\n") && dot.ends_with("}\n"));
    let node_lines = dot.lines().filter(|l| l.contains(" [label=")).count();
    assert_eq!(node_lines, map.nodes.len());
    let edges: Vec<&str> = dot.lines().filter(|l| l.contains(" -> ")).collect();
    assert_eq!(edges.len(), map.links.len());
    for (edge, link) in edges.iter().zip(&map.links) {
        assert!(edge.starts_with(&format!("  \"{}\" -> \"{}\" [", link.from, link.to)));
        let dashed = edge.contains("style=dashed");
        assert_eq!(dashed, link.relation == Relation::Opposes, "{edge}");
    }
    assert!(dot.contains("MAIN CLAIM"));
    assert_eq!(dot, text(&map, ExportFormat::Dot), "deterministic");
}

#[test]
fn dot_escapes_quotes_backslashes_and_newlines() {
    let mut map = small_map("He said \"no\"\nthen left \\ twice");
    map.nodes[1].id = "e \"quoted\"\nid".into();
    map.links[0].from = map.nodes[1].id.clone();
    let dot = text(&map, ExportFormat::Dot);
    // Every statement is on one line: as many lines as statements.
    assert_eq!(
        dot.lines().count(),
        1 + 3 + map.nodes.len() + map.links.len() + 1
    );
    assert!(
        dot.contains(r#""e \"quoted\"\nid" [label="EVIDENCE\nHe said \"no\"\nthen left \\ twice""#),
        "{dot}"
    );
    assert!(dot.contains(r#""e \"quoted\"\nid" -> "main""#));
    for line in dot.lines().skip(1).take(dot.lines().count() - 2) {
        assert!(line.ends_with("];"), "{line}");
    }
}
