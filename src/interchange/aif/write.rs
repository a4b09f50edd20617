//! Writing a map as AIF JSON in OVA's wrapping: `{"AIF": {…}, "OVA": {…}, "text": "", "argmap": {…}}`.
//!
//! Every node is an I-node (its id and text). A supports link is an RA node (scheme "Default
//! Inference", 72) with edges premise → RA → conclusion; an opposes link is a CA node
//! ("Default Conflict", 71) with edges attacker → CA → target. `OVA` holds the cards'
//! positions (S-nodes sit between their ends). The `argmap` member keeps what AIF has no
//! place for (kinds, notes, citations, sources, the main claim, the talk); other tools
//! ignore it, and argmap reads it back.

use crate::model::{ArgumentMap, Relation};
use serde_json::{Value, json};
use std::collections::HashSet;

pub const INFERENCE_SCHEME: (&str, &str) = ("Default Inference", "72");
pub const CONFLICT_SCHEME: (&str, &str) = ("Default Conflict", "71");

/// The map as AIF JSON (pretty-printed, deterministic).
pub fn write(map: &ArgumentMap) -> String {
    let taken: HashSet<&str> = map.nodes.iter().map(|n| n.id.as_str()).collect();
    let mut counter = 0usize;
    let mut fresh = |prefix: &str| loop {
        counter += 1;
        let id = format!("{prefix}{counter}");
        if !taken.contains(id.as_str()) {
            return id;
        }
    };
    let mut nodes: Vec<Value> = Vec::new();
    let mut ova_nodes: Vec<Value> = Vec::new();
    for node in &map.nodes {
        let p = node.pos.rounded();
        nodes.push(
            json!({"nodeID": node.id.as_str(), "text": node.text, "type": "I", "timestamp": ""}),
        );
        ova_nodes.push(json!({"nodeID": node.id.as_str(), "visible": true, "x": p.x as i64, "y": p.y as i64, "timestamp": ""}));
    }
    let mut edges: Vec<Value> = Vec::new();
    let mut ova_edges: Vec<Value> = Vec::new();
    let mut fulfilments: Vec<Value> = Vec::new();
    let mut edge_id = 0usize;
    for link in &map.links {
        let (Some(from), Some(to)) = (map.node(&link.from), map.node(&link.to)) else {
            continue;
        };
        let (kind, (scheme, scheme_id), prefix) = match link.relation {
            Relation::Supports => ("RA", INFERENCE_SCHEME, "ra"),
            Relation::Opposes => ("CA", CONFLICT_SCHEME, "ca"),
        };
        let s_id = fresh(prefix);
        nodes.push(json!({"nodeID": s_id, "text": scheme, "type": kind, "timestamp": "", "scheme": scheme, "schemeID": scheme_id}));
        fulfilments.push(json!({"nodeID": s_id, "schemeID": scheme_id}));
        let (a, b) = (from.pos.rounded(), to.pos.rounded());
        ova_nodes.push(json!({
            "nodeID": s_id, "visible": true,
            "x": ((a.x + b.x) / 2.0).round() as i64, "y": ((a.y + b.y) / 2.0).round() as i64,
            "timestamp": ""
        }));
        for (f, t) in [
            (from.id.as_str(), s_id.as_str()),
            (s_id.as_str(), to.id.as_str()),
        ] {
            edge_id += 1;
            edges.push(json!({"edgeID": edge_id, "fromID": f, "toID": t, "formEdgeID": null}));
            ova_edges.push(json!({"fromID": f, "toID": t, "visible": true}));
        }
    }
    let extension_nodes: Vec<Value> = map
        .nodes
        .iter()
        .map(|n| {
            let mut v = json!({"id": n.id.as_str(), "kind": n.kind});
            if !n.notes.is_empty() {
                v["notes"] = json!(n.notes);
            }
            if n.pinned {
                v["pinned"] = json!(true);
            }
            if !n.citations.is_empty() {
                v["citations"] = json!(n.citations);
            }
            v
        })
        .collect();
    let mut extension = json!({
        "format": 1,
        "title": map.title,
        "description": map.description,
        "nodes": extension_nodes,
        "sources": map.sources,
    });
    if let Some(main) = &map.main_claim {
        extension["main_claim"] = json!(main.as_str());
    }
    if let Some(steps) = &map.presentation {
        extension["presentation"] = json!(steps);
    }
    let doc = json!({
        "AIF": {
            "nodes": nodes,
            "edges": edges,
            "locutions": [],
            "participants": [],
            "schemefulfillments": fulfilments,
        },
        "OVA": {"firstname": "", "surname": "", "url": "", "nodes": ova_nodes, "edges": ova_edges},
        "text": "",
        "argmap": extension,
    });
    let mut text = serde_json::to_string_pretty(&doc).expect("JSON values serialise");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Node, NodeKind, Position};

    #[test]
    fn supports_are_ra_and_opposes_are_ca_with_edges_through_them() {
        let mut map = ArgumentMap::new("T");
        map.nodes = vec![
            Node::new("c", NodeKind::Claim, "Claim", Position::new(0.0, 0.0)),
            Node::new("e", NodeKind::Evidence, "Fact", Position::new(0.0, 200.0)),
            Node::new(
                "ra1",
                NodeKind::Counterpoint,
                "But",
                Position::new(300.0, 200.0),
            ),
        ];
        map.links = vec![
            Link::new("e", "c", Relation::Supports),
            Link::new("ra1", "c", Relation::Opposes),
        ];
        let v: Value = serde_json::from_str(&write(&map)).unwrap();
        let nodes = v["AIF"]["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), 5);
        assert_eq!(nodes[3]["type"], "RA");
        assert_eq!(nodes[3]["nodeID"], "ra2"); // "ra1" is a node's id
        assert_eq!(nodes[3]["schemeID"], "72");
        assert_eq!(nodes[4]["type"], "CA");
        assert_eq!(nodes[4]["scheme"], "Default Conflict");
        let edges = v["AIF"]["edges"].as_array().unwrap();
        assert_eq!(edges[0]["fromID"], "e");
        assert_eq!(edges[0]["toID"], "ra2");
        assert_eq!(edges[1]["toID"], "c");
        assert_eq!(v["OVA"]["nodes"][1]["y"], 200);
        assert_eq!(v["argmap"]["nodes"][2]["kind"], "Counterpoint");
    }
}
