//! Growth tests for code that looks items up by id (issue 17): each map is big enough that a
//! lookup by linear scan inside a loop over the map would take minutes, while the indexed
//! code takes about a second. They assert results, never times.

use argmap::diff::{diff, merge};
use argmap::edit::{Edit, insert_fragment};
use argmap::export::{ExportFormat, ExportOptions, export};
use argmap::model::{
    ArgumentMap, Citation, Link, Node, NodeId, NodeKind, Position, Relation, Reliability, Severity,
    Source, Step, validate,
};

const MANY: usize = 100_000;
/// For the tests that merge or edit whole maps (many passes over every item, slow in a debug
/// build): still far past where a scan per item takes minutes.
const CHAIN: usize = 50_000;

fn node(id: impl Into<NodeId>, kind: NodeKind, text: String) -> Node {
    Node::new(id, kind, text, Position::default())
}

fn rated_source(i: usize) -> Source {
    let mut s = Source::new(format!("s{i}"), format!("Source {i}"));
    s.reliability = Some(Reliability::B);
    s
}

/// A main claim with `MANY` pieces of evidence, each citing a source of its own.
fn star_citing_many_sources() -> ArgumentMap {
    let mut map = ArgumentMap::new("Many sources");
    map.nodes
        .push(node("main", NodeKind::Claim, "Main.".into()));
    for i in 0..MANY {
        let mut e = node(
            format!("e{i}"),
            NodeKind::Evidence,
            format!("Evidence {i}."),
        );
        e.citations.push(Citation::new(format!("s{i}"), ""));
        map.nodes.push(e);
        map.links
            .push(Link::new(format!("e{i}"), "main", Relation::Supports));
        map.sources.push(rated_source(i));
    }
    map.main_claim = Some("main".into());
    map
}

/// A chain of `CHAIN` claims, each supporting the one before, each citing its own source.
fn chain() -> ArgumentMap {
    let mut map = ArgumentMap::new("Chain");
    for i in 0..CHAIN {
        let mut n = node(format!("n{i}"), NodeKind::Claim, format!("Claim {i}."));
        n.citations.push(Citation::new(format!("s{i}"), ""));
        map.nodes.push(n);
        map.sources.push(rated_source(i));
        if i > 0 {
            map.links.push(Link::new(
                format!("n{i}"),
                format!("n{}", i - 1),
                Relation::Supports,
            ));
        }
    }
    map
}

#[test]
fn validating_many_citations_of_many_sources_finds_each_source() {
    let mut map = star_citing_many_sources();
    let errors = |map: &ArgumentMap| {
        validate(map)
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.message)
            .collect::<Vec<_>>()
    };
    assert_eq!(errors(&map), Vec::<String>::new());
    map.nodes[MANY / 2]
        .citations
        .push(Citation::new("nowhere", ""));
    assert_eq!(
        errors(&map),
        vec![format!(
            "node \"e{}\" cites missing source \"nowhere\"",
            MANY / 2 - 1
        )]
    );
}

#[test]
fn many_quotes_of_one_long_source_are_each_looked_for_in_one_reading_of_it() {
    // A 3.6 MB source quoted 20,000 times near its end: a search through the text per
    // quote would read 60 GB.
    const SENTENCES: usize = 100_000;
    const QUOTES: usize = 20_000;
    let mut map = ArgumentMap::new("One long source");
    let mut source = rated_source(0);
    source.text = Some(
        (0..SENTENCES)
            .map(|i| format!("Sentence number {i} says\nsomething. "))
            .collect(),
    );
    map.sources.push(source);
    map.nodes
        .push(node("main", NodeKind::Claim, "Main.".into()));
    for q in 0..=QUOTES {
        let mut e = node(
            format!("e{q}"),
            NodeKind::Evidence,
            format!("Evidence {q}."),
        );
        // The last quote is not in the text (there is no sentence 100,000).
        let sentence = SENTENCES - QUOTES + q;
        e.citations.push(Citation::new(
            "s0",
            format!("Sentence  number {sentence} says something"),
        ));
        map.nodes.push(e);
        map.links
            .push(Link::new(format!("e{q}"), "main", Relation::Supports));
    }
    map.main_claim = Some("main".into());
    let unquoted: Vec<String> = validate(&map)
        .into_iter()
        .filter(|p| p.message.contains("not found"))
        .map(|p| p.message)
        .collect();
    assert_eq!(
        unquoted,
        [format!(
            "node \"e{QUOTES}\" quotes words not found in the text of source \"s0\""
        )]
    );
}

#[test]
fn diff_of_a_node_with_many_citations_names_just_the_changed_ones() {
    let mut old = ArgumentMap::new("t");
    let mut n = node("e", NodeKind::Evidence, "Evidence.".into());
    n.citations = (0..MANY)
        .map(|i| Citation::new("s", format!("quote {i}")))
        .collect();
    old.nodes.push(n);
    let mut new = old.clone();
    new.nodes[0].citations.remove(7);
    new.nodes[0]
        .citations
        .push(Citation::new("s", "a new quote"));
    assert_eq!(
        diff(&old, &new).to_string(),
        "~ node \"e\":\n    + citation of \"s\": \"a new quote\"\n    - citation of \"s\": \"quote 7\"\n"
    );
    assert!(diff(&old, &old).is_empty());
}

#[test]
fn merge_of_a_long_chain_with_many_sources_combines_both_sides() {
    let base = chain();
    let mut ours = base.clone();
    ours.nodes[CHAIN / 2].text = "Ours' wording.".into();
    ours.sources[CHAIN - 1].url = "https://example.org/ours".into();
    let mut theirs = base.clone();
    theirs
        .nodes
        .push(node("new", NodeKind::Evidence, "Theirs' evidence.".into()));
    theirs
        .links
        .push(Link::new("new", "n0", Relation::Supports));
    theirs.sources[0].title = "Theirs' title".into();
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let map = &merged.map;
    assert_eq!(map.nodes.len(), CHAIN + 1);
    assert_eq!(map.links.len(), CHAIN);
    assert_eq!(map.sources.len(), CHAIN);
    let index = map.index();
    assert_eq!(
        index.node(&format!("n{}", CHAIN / 2).into()).unwrap().text,
        "Ours' wording."
    );
    assert_eq!(index.node(&"new".into()).unwrap().text, "Theirs' evidence.");
    assert_eq!(index.source(&"s0".into()).unwrap().title, "Theirs' title");
    assert_eq!(
        index.source(&format!("s{}", CHAIN - 1).into()).unwrap().url,
        "https://example.org/ours"
    );
}

#[test]
fn merge_where_both_sides_add_many_nodes_under_the_same_ids_keeps_all_of_them() {
    let base = ArgumentMap::new("t");
    let side = |who: &str| {
        let mut m = base.clone();
        m.nodes = (0..MANY / 10)
            .map(|i| node(format!("n{i}"), NodeKind::Claim, format!("{who} {i}")))
            .collect();
        m
    };
    let merged = merge(&base, &side("ours"), &side("theirs"));
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.map.nodes.len(), 2 * (MANY / 10));
    assert_eq!(merged.notes.len(), MANY / 10, "one note per renamed node");
    let texts: std::collections::HashSet<&str> =
        merged.map.nodes.iter().map(|n| n.text.as_str()).collect();
    assert!(texts.contains("ours 77") && texts.contains("theirs 77"));
}

#[test]
fn the_main_claim_of_many_separate_claims_is_found_without_a_walk_per_claim() {
    let mut map = ArgumentMap::new("t");
    map.nodes = (0..MANY)
        .map(|i| node(format!("c{i}"), NodeKind::Claim, format!("Claim {i}.")))
        .collect();
    assert_eq!(map.main_claim(), Some(&"c0".into()));
    // The claim most of the map leads to wins, wherever it is.
    map.nodes.push(node("e1", NodeKind::Evidence, "E.".into()));
    map.nodes.push(node("e2", NodeKind::Evidence, "E.".into()));
    map.links.push(Link::new("e1", "c777", Relation::Supports));
    map.links.push(Link::new("e2", "e1", Relation::Supports));
    assert_eq!(map.main_claim(), Some(&"c777".into()));
}

#[test]
fn a_talk_step_of_many_nodes_is_checked_and_described_in_one_pass() {
    let mut map = star_citing_many_sources();
    let all: Vec<NodeId> = map.nodes.iter().map(|n| n.id.clone()).collect();
    let step = Step::of(all);
    let lines = step.source_lines(&map);
    assert_eq!(lines.len(), MANY);
    assert_eq!(lines[0], "Source: Source 0 — reliability B-");
    Edit::SetPresentation {
        steps: Some(vec![step]),
    }
    .apply(&mut map)
    .unwrap();
    let mut bad = vec![Step::of(vec!["nowhere".into()])];
    bad.extend(map.presentation.clone().unwrap());
    assert!(
        Edit::SetPresentation { steps: Some(bad) }
            .apply(&mut map)
            .is_err()
    );
}

#[test]
fn markdown_export_of_many_citations_names_each_source() {
    let map = star_citing_many_sources();
    let bytes = export(&map, ExportFormat::Markdown, &ExportOptions::default()).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text.matches("*Source ").count(), MANY);
    assert!(text.contains(&format!("*Source {}* (", MANY - 1)));
    assert!(!text.contains("not in this map"));
}

#[test]
fn a_new_child_of_a_node_with_many_children_goes_beside_them() {
    let map = star_citing_many_sources();
    let size = |_: &Node, _: bool| -> (f32, f32) { (240.0, 100.0) };
    // Every child sits in one row below the parent: the new one goes right of them all.
    let mut map = map;
    for (i, n) in map.nodes.iter_mut().enumerate().skip(1) {
        n.pos = Position::new(300.0 * i as f32, 400.0);
    }
    let pos = argmap::layout::place_new_child(&map, &size, &"main".into(), (240.0, 100.0));
    assert_eq!(pos.y, 400.0);
    assert!(pos.x >= 300.0 * MANY as f32 + 240.0, "{pos:?}");
}

#[test]
fn pasting_many_sources_reuses_the_identical_ones_by_id() {
    let map = star_citing_many_sources();
    let mut fragment = map.clone();
    fragment.sources[3].title = "Changed".into();
    let (edit, _) = insert_fragment(&map, &fragment, (0.0, 0.0));
    let Edit::Batch(edits) = edit else {
        panic!("a batch")
    };
    let added: Vec<_> = edits
        .iter()
        .filter_map(|e| match e {
            Edit::AddSource { source, .. } => Some(source.id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(added, ["s3-1"], "only the changed source is added, renamed");
}

#[test]
fn deleting_and_pasting_many_nodes_and_undoing_take_one_pass_each() {
    use argmap::edit::{History, delete_nodes};
    let original = chain();
    let mut map = original.clone();
    let mut history = History::default();
    // Every other node: each takes two links with it.
    let doomed: Vec<NodeId> = map.nodes.iter().step_by(2).map(|n| n.id.clone()).collect();
    let delete = delete_nodes(&map, &doomed);
    history.apply(&mut map, delete).unwrap();
    assert_eq!(map.nodes.len(), CHAIN / 2);
    assert!(map.links.is_empty(), "every link touched a deleted node");
    let deleted = map.clone();
    history.undo(&mut map).unwrap();
    assert_eq!(map, original);
    history.redo(&mut map).unwrap();
    assert_eq!(map, deleted);
    history.undo(&mut map).unwrap();

    let (paste, new_ids) = insert_fragment(&map, &original, (10.0, 10.0));
    history.apply(&mut map, paste).unwrap();
    assert_eq!(map.nodes.len(), 2 * CHAIN);
    assert_eq!(map.links.len(), 2 * (CHAIN - 1));
    assert_eq!(new_ids.len(), CHAIN);
    history.undo(&mut map).unwrap();
    assert_eq!(map, original);
}
