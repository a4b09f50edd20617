//! Unit tests of the three-way merge rules.

use super::*;
use crate::model::{
    ArgumentMap, Citation, Link, Node, NodeKind, Position, Relation, Source, has_errors, validate,
};

fn base() -> ArgumentMap {
    let mut m = ArgumentMap::new("T");
    m.nodes = vec![
        Node::new("a", NodeKind::Claim, "A", Position::new(0.0, 0.0)),
        Node::new("b", NodeKind::Evidence, "B", Position::new(0.0, 200.0)),
        Node::new(
            "c",
            NodeKind::Counterpoint,
            "C",
            Position::new(300.0, 200.0),
        ),
    ];
    m.links = vec![
        Link::new("b", "a", Relation::Supports),
        Link::new("c", "a", Relation::Opposes),
    ];
    m.sources = vec![Source::new("s1", "Source")];
    m
}

fn text(m: &ArgumentMap, id: &str) -> String {
    m.node(&id.into()).unwrap().text.clone()
}

#[test]
fn edits_of_different_nodes_combine_without_conflict() {
    let b = base();
    let mut o = base();
    o.nodes[0].text = "A ours".into();
    o.links.push(Link::new("b", "c", Relation::Opposes));
    let mut t = base();
    t.nodes[1].text = "B theirs".into();
    t.nodes[2].kind = NodeKind::Claim;
    t.links.retain(|l| l.from.as_str() != "c");
    t.sources[0].url = "https://x.org".into();
    let m = merge(&b, &o, &t);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(text(&m.map, "a"), "A ours");
    assert_eq!(text(&m.map, "b"), "B theirs");
    assert_eq!(m.map.node(&"c".into()).unwrap().kind, NodeKind::Claim);
    assert!(m.map.link(&"c".into(), &"a".into()).is_none());
    assert!(m.map.link(&"b".into(), &"c".into()).is_some());
    assert_eq!(m.map.sources[0].url, "https://x.org");
    assert!(!has_errors(&validate(&m.map)));
}

#[test]
fn same_field_changed_differently_is_a_conflict_and_ours_wins() {
    let b = base();
    let mut o = base();
    o.nodes[0].text = "ours".into();
    let mut t = base();
    t.nodes[0].text = "theirs".into();
    let m = merge(&b, &o, &t);
    assert_eq!(
        m.conflicts,
        vec!["conflict: node \"a\" text changed on both sides: ours \"ours\" / theirs \"theirs\""]
    );
    assert_eq!(text(&m.map, "a"), "ours");
}

#[test]
fn positions_changed_on_both_sides_keep_ours_without_conflict() {
    let b = base();
    let mut o = base();
    o.nodes[0].pos = Position::new(10.0, 10.0);
    let mut t = base();
    t.nodes[0].pos = Position::new(-50.0, 0.0);
    t.nodes[1].pos = Position::new(5.0, 5.0);
    let m = merge(&b, &o, &t);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.map.nodes[0].pos, Position::new(10.0, 10.0));
    assert_eq!(m.map.nodes[1].pos, Position::new(5.0, 5.0));
    assert_eq!(m.notes.len(), 1);
}

#[test]
fn a_node_deleted_on_one_side_and_edited_on_the_other_is_kept() {
    let b = base();
    let mut o = base();
    o.nodes.retain(|n| n.id.as_str() != "c");
    o.links.retain(|l| l.from.as_str() != "c");
    let mut t = base();
    t.nodes[2].text = "C edited".into();
    let m = merge(&b, &o, &t);
    assert_eq!(
        m.conflicts,
        vec![
            "conflict: node \"c\" was deleted by ours but changed by theirs; theirs' version is kept"
        ]
    );
    assert_eq!(text(&m.map, "c"), "C edited");
    // Ours deleted the link (unchanged in theirs): it goes.
    assert!(m.map.link(&"c".into(), &"a".into()).is_none());
    assert!(!has_errors(&validate(&m.map)));
}

#[test]
fn a_deleted_node_the_other_side_links_to_is_kept() {
    let b = base();
    let mut o = base();
    o.nodes.retain(|n| n.id.as_str() != "c");
    o.links.retain(|l| l.from.as_str() != "c");
    let mut t = base();
    t.links.push(Link::new("b", "c", Relation::Opposes));
    let m = merge(&b, &o, &t);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert!(m.conflicts[0].contains("node \"c\" was deleted on one side"));
    assert!(m.map.link(&"b".into(), &"c".into()).is_some());
    assert!(!has_errors(&validate(&m.map)));
}

#[test]
fn nodes_added_on_both_sides_under_the_same_id_are_both_kept() {
    let b = base();
    let mut o = base();
    o.nodes.push(Node::new(
        "n4",
        NodeKind::Evidence,
        "ours new",
        Position::default(),
    ));
    o.links.push(Link::new("n4", "a", Relation::Supports));
    let mut t = base();
    t.nodes.push(Node::new(
        "n4",
        NodeKind::Evidence,
        "theirs new",
        Position::default(),
    ));
    t.links.push(Link::new("n4", "b", Relation::Supports));
    let m = merge(&b, &o, &t);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(text(&m.map, "n4"), "ours new");
    assert_eq!(text(&m.map, "n5"), "theirs new");
    assert!(m.map.link(&"n4".into(), &"a".into()).is_some());
    assert!(m.map.link(&"n5".into(), &"b".into()).is_some());
    assert!(m.map.link(&"n4".into(), &"b".into()).is_none());
    assert_eq!(m.notes.len(), 1);
    // Theirs' addition comes after the node it follows in theirs.
    let ids: Vec<&str> = m.map.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, vec!["a", "b", "c", "n5", "n4"]);
}

#[test]
fn citations_merge_as_sets_and_links_relation_conflicts() {
    let mut b = base();
    b.nodes[1].citations = vec![Citation::new("s1", "one")];
    let mut o = b.clone();
    o.nodes[1].citations.push(Citation::new("s1", "two"));
    o.links[0].relation = Relation::Opposes;
    let mut t = b.clone();
    t.nodes[1].citations = vec![Citation::new("s1", "three")];
    t.links[0].relation = Relation::Supports;
    let m = merge(&b, &o, &t);
    let quotes: Vec<&str> = m.map.nodes[1]
        .citations
        .iter()
        .map(|c| c.quote.as_str())
        .collect();
    assert_eq!(quotes, vec!["two", "three"]);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(m.map.links[0].relation, Relation::Opposes);
}

#[test]
fn a_cited_source_deleted_by_one_side_is_kept() {
    let b = base();
    let mut o = base();
    o.sources.clear();
    let mut t = base();
    t.nodes[1].citations.push(Citation::new("s1", "q"));
    let m = merge(&b, &o, &t);
    assert_eq!(m.map.sources.len(), 1);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert!(!has_errors(&validate(&m.map)));
}

#[test]
fn merging_with_itself_changes_nothing() {
    let b = base();
    let m = merge(&b, &b, &b);
    assert!(m.conflicts.is_empty() && m.notes.is_empty());
    assert_eq!(m.map, b);
    assert!(diff(&b, &m.map).is_empty());
}
