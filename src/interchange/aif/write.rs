//! Writing a map as AIF JSON in OVA's wrapping: `{"AIF": {…}, "OVA": {…}, "text": "", "argmap": {…}}`.
//!
//! Every node is an I-node (its id and text). A supports link is an RA node (scheme "Default
//! Inference", 72) with edges premise → RA → conclusion; an opposes link is a CA node
//! ("Default Conflict", 71) with edges attacker → CA → target. `OVA` holds the cards'
//! positions (S-nodes sit between their ends). The `argmap` member keeps what AIF has no
//! place for (kinds, notes, citations, sources, the main claim, the talk); other tools
//! ignore it, and argmap reads it back.

use crate::interchange::reasons::scheme_named;
use crate::model::{ArgumentMap, Citation, NodeId, NodeKind, Relation, Source, Step, scheme};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

pub const INFERENCE_SCHEME: (&str, &str) = ("Default Inference", "72");
pub const CONFLICT_SCHEME: (&str, &str) = ("Default Conflict", "71");

// The document as small structs that borrow from the map, so that writing a large map needs
// little more memory than the text itself (a `serde_json::Value` per node and edge took
// hundreds of bytes each). Fields are in alphabetical order, as `Value` objects print them.

#[derive(Serialize)]
struct Document<'a> {
    #[serde(rename = "AIF")]
    aif: Aif<'a>,
    #[serde(rename = "OVA")]
    ova: Ova<'a>,
    argmap: Extension<'a>,
    text: &'static str,
}

#[derive(Serialize)]
struct Aif<'a> {
    edges: Vec<Edge<'a>>,
    locutions: [(); 0],
    nodes: Vec<AifNode<'a>>,
    participants: [(); 0],
    schemefulfillments: Vec<Fulfilment<'a>>,
}

#[derive(Serialize)]
#[allow(non_snake_case)]
struct AifNode<'a> {
    nodeID: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheme: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    schemeID: Option<&'static str>,
    text: &'a str,
    timestamp: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
#[allow(non_snake_case)]
struct Edge<'a> {
    edgeID: usize,
    formEdgeID: (),
    fromID: Cow<'a, str>,
    toID: Cow<'a, str>,
}

#[derive(Serialize)]
#[allow(non_snake_case)]
struct Fulfilment<'a> {
    nodeID: Cow<'a, str>,
    schemeID: &'static str,
}

#[derive(Serialize)]
struct Ova<'a> {
    edges: Vec<OvaEdge<'a>>,
    firstname: &'static str,
    nodes: Vec<OvaNode<'a>>,
    surname: &'static str,
    url: &'static str,
}

#[derive(Serialize)]
#[allow(non_snake_case)]
struct OvaNode<'a> {
    nodeID: Cow<'a, str>,
    timestamp: &'static str,
    visible: bool,
    x: i64,
    y: i64,
}

#[derive(Serialize)]
#[allow(non_snake_case)]
struct OvaEdge<'a> {
    fromID: Cow<'a, str>,
    toID: Cow<'a, str>,
    visible: bool,
}

#[derive(Serialize)]
struct Extension<'a> {
    description: &'a str,
    format: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    main_claim: Option<&'a str>,
    nodes: Vec<ExtensionNode<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    presentation: Option<Sorted<'a, Step>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reasons: Vec<ExtensionReason<'a>>,
    sources: Sorted<'a, Source>,
    title: &'a str,
}

/// What AIF has no place for about a reason, by the RA or CA node that stands for it.
#[derive(Serialize)]
struct ExtensionReason<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    answers: Option<u32>,
    node: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheme: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    warrant: Option<&'a str>,
}

#[derive(Serialize)]
struct ExtensionNode<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    citations: Option<Sorted<'a, Citation>>,
    id: &'a str,
    kind: NodeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pinned: Option<bool>,
}

/// Items of the model written with their keys in alphabetical order, one at a time.
struct Sorted<'a, T>(&'a [T]);

impl<T: Serialize> Serialize for Sorted<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(&serde_json::to_value(item).map_err(S::Error::custom)?)?;
        }
        seq.end()
    }
}

/// The map as AIF JSON (pretty-printed, deterministic).
pub fn write(map: &ArgumentMap) -> String {
    let mut bytes = Vec::new();
    write_to(map, &mut bytes).expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// [`write`] into `out` as the text is made: a big map's text (140 MB for 100,000 nodes)
/// is never held whole.
pub fn write_to(map: &ArgumentMap, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let taken: HashSet<&str> = map.nodes.iter().map(|n| n.id.as_str()).collect();
    let mut counter = 0usize;
    let mut fresh = |prefix: &str| loop {
        counter += 1;
        let id = format!("{prefix}{counter}");
        if !taken.contains(id.as_str()) {
            return id;
        }
    };
    let mut nodes: Vec<AifNode> = Vec::with_capacity(map.nodes.len() + map.links.len());
    let mut ova_nodes: Vec<OvaNode> = Vec::with_capacity(map.nodes.len() + map.links.len());
    for node in &map.nodes {
        let p = node.pos.rounded();
        nodes.push(AifNode {
            nodeID: Cow::Borrowed(node.id.as_str()),
            scheme: None,
            schemeID: None,
            text: &node.text,
            timestamp: "",
            kind: "I",
        });
        ova_nodes.push(OvaNode {
            nodeID: Cow::Borrowed(node.id.as_str()),
            timestamp: "",
            visible: true,
            x: p.x as i64,
            y: p.y as i64,
        });
    }
    let mut edges: Vec<Edge> = Vec::with_capacity(2 * map.links.len());
    let mut ova_edges: Vec<OvaEdge> = Vec::with_capacity(2 * map.links.len());
    let mut fulfilments: Vec<Fulfilment> = Vec::with_capacity(map.links.len());
    // One index for every link's ends: `map.node` is a search through all nodes.
    let index = map.node_index();
    // Each reason's RA or CA id, by its name (first premise, target), for the undercuts that
    // attack it.
    let s_ids: Vec<String> = map
        .links
        .iter()
        .map(|link| {
            fresh(match link.relation {
                Relation::Supports => "ra",
                Relation::Opposes => "ca",
            })
        })
        .collect();
    let s_id_of: HashMap<(&NodeId, &NodeId), &str> = map
        .links
        .iter()
        .zip(&s_ids)
        .map(|(link, id)| ((&link.from, &link.to), id.as_str()))
        .collect();
    let mut extension_reasons: Vec<ExtensionReason> = Vec::new();
    for (link, s_id) in map.links.iter().zip(&s_ids) {
        let (Some(&from), Some(&to)) = (index.get(&link.from), index.get(&link.to)) else {
            continue;
        };
        let (from, to) = (&map.nodes[from], &map.nodes[to]);
        let (kind, (default_scheme, default_id)) = match link.relation {
            Relation::Supports => ("RA", INFERENCE_SCHEME),
            Relation::Opposes => ("CA", CONFLICT_SCHEME),
        };
        // A scheme by its name, as AIFdb writes it (AIFdb's numbers for schemes are its
        // own; only the defaults' are known).
        let (scheme, scheme_id) = match link.scheme.as_deref() {
            Some(stored) => (scheme::display_name(stored), None),
            None => (default_scheme, Some(default_id)),
        };
        let reads_back = link.scheme.is_none() || scheme_named(scheme) == link.scheme;
        if !reads_back || link.warrant.is_some() || link.answers.is_some() {
            extension_reasons.push(ExtensionReason {
                answers: link.answers,
                node: s_id.clone(),
                scheme: link.scheme.as_deref().filter(|_| !reads_back),
                warrant: link.warrant.as_deref(),
            });
        }
        nodes.push(AifNode {
            nodeID: Cow::Owned(s_id.clone()),
            scheme: Some(scheme),
            schemeID: scheme_id,
            text: scheme,
            timestamp: "",
            kind,
        });
        if let Some(scheme_id) = scheme_id {
            fulfilments.push(Fulfilment {
                nodeID: Cow::Owned(s_id.clone()),
                schemeID: scheme_id,
            });
        }
        let (a, b) = (from.pos.rounded(), to.pos.rounded());
        ova_nodes.push(OvaNode {
            nodeID: Cow::Owned(s_id.clone()),
            timestamp: "",
            visible: true,
            x: ((a.x + b.x) / 2.0).round() as i64,
            y: ((a.y + b.y) / 2.0).round() as i64,
        });
        // An undercut attacks the node of the reason it undercuts, not the target.
        let conclusion = match link.undercut_target().and_then(|name| s_id_of.get(&name)) {
            Some(&attacked) => Cow::Owned(attacked.to_owned()),
            None => Cow::Borrowed(to.id.as_str()),
        };
        let premises = link
            .premises()
            .map(|p| (Cow::Borrowed(p.as_str()), Cow::Owned(s_id.clone())));
        for (f, t) in premises.chain([(Cow::Owned(s_id.clone()), conclusion)]) {
            edges.push(Edge {
                edgeID: edges.len() + 1,
                formEdgeID: (),
                fromID: f.clone(),
                toID: t.clone(),
            });
            ova_edges.push(OvaEdge {
                fromID: f,
                toID: t,
                visible: true,
            });
        }
    }
    let extension_nodes: Vec<ExtensionNode> = map
        .nodes
        .iter()
        .map(|n| ExtensionNode {
            citations: (!n.citations.is_empty()).then_some(Sorted(&n.citations)),
            id: n.id.as_str(),
            kind: n.kind,
            notes: (!n.notes.is_empty()).then_some(n.notes.as_str()),
            pinned: n.pinned.then_some(true),
        })
        .collect();
    let doc = Document {
        aif: Aif {
            edges,
            locutions: [],
            nodes,
            participants: [],
            schemefulfillments: fulfilments,
        },
        ova: Ova {
            edges: ova_edges,
            firstname: "",
            nodes: ova_nodes,
            surname: "",
            url: "",
        },
        argmap: Extension {
            description: &map.description,
            format: 1,
            main_claim: map.main_claim.as_ref().map(|m| m.as_str()),
            nodes: extension_nodes,
            presentation: map.presentation.as_deref().map(Sorted),
            reasons: extension_reasons,
            sources: Sorted(&map.sources),
            title: &map.title,
        },
        text: "",
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Node, Position};
    use serde_json::Value;

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
