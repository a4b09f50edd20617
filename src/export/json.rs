//! JSON export: the whole map, with string ids, for scripts and other tools.

use crate::format::version_of;
use crate::model::{ArgumentMap, Citation, Link, Node, Source, reason_name};
use serde::Serialize;

#[derive(Serialize)]
struct JsonMap<'a> {
    format_version: u32,
    title: &'a str,
    description: &'a str,
    main_claim: Option<&'a str>,
    nodes: Vec<JsonNode<'a>>,
    /// One entry per premise → target node of every reason, as before reasons existed, so
    /// older readers still work (an undercut's entries go to the attacked reason's target).
    links: Vec<JsonLink<'a>>,
    /// Every reason: all its premises, and a node or (an undercut) a reason as its target.
    reasons: Vec<JsonReason<'a>>,
    sources: Vec<JsonSource<'a>>,
    /// The talk's steps (node ids), arranged or the default walk.
    steps: Vec<JsonStep>,
}

#[derive(Serialize)]
struct JsonStep {
    title: String,
    nodes: Vec<String>,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: &'a str,
    kind: &'static str,
    text: &'a str,
    notes: &'a str,
    x: f32,
    y: f32,
    pinned: bool,
    citations: Vec<JsonCitation<'a>>,
}

#[derive(Serialize)]
struct JsonCitation<'a> {
    source: &'a str,
    quote: &'a str,
    locator: &'a str,
}

#[derive(Serialize)]
struct JsonLink<'a> {
    from: &'a str,
    to: &'a str,
    relation: &'static str,
}

#[derive(Serialize)]
struct JsonReason<'a> {
    /// `first premise->target`, as argmap names reasons.
    id: String,
    premises: Vec<&'a str>,
    target: JsonTarget,
    relation: &'static str,
    scheme: Option<&'a str>,
    warrant: Option<&'a str>,
    /// The critical question (from 1) of the attacked reason's scheme this answers.
    answers: Option<u32>,
}

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum JsonTarget {
    Node(String),
    Reason(String),
}

fn reason(l: &Link) -> JsonReason<'_> {
    JsonReason {
        id: l.name(),
        premises: l.premises().map(|p| p.as_str()).collect(),
        target: match l.undercut_target() {
            Some((premise, to)) => JsonTarget::Reason(reason_name(premise, to)),
            None => JsonTarget::Node(l.to.0.clone()),
        },
        relation: l.relation.as_str(),
        scheme: l.scheme.as_deref(),
        warrant: l.warrant.as_deref(),
        answers: l.answers,
    }
}

#[derive(Serialize)]
struct JsonSource<'a> {
    id: &'a str,
    kind: &'static str,
    title: &'a str,
    /// All authors joined with "; ", for tools that expect one string.
    author: String,
    authors: &'a [String],
    outlet: &'a str,
    date: &'a str,
    url: &'a str,
    accessed: &'a str,
    reliability: Option<String>,
    credibility: Option<u8>,
    reported_in: Option<&'a str>,
    notes: &'a str,
    text: Option<&'a str>,
}

fn node(n: &Node) -> JsonNode<'_> {
    let pos = n.pos.rounded();
    JsonNode {
        id: n.id.as_str(),
        kind: n.kind.as_str(),
        text: &n.text,
        notes: &n.notes,
        x: pos.x,
        y: pos.y,
        pinned: n.pinned,
        citations: n.citations.iter().map(citation).collect(),
    }
}

fn citation(c: &Citation) -> JsonCitation<'_> {
    JsonCitation {
        source: c.source.as_str(),
        quote: &c.quote,
        locator: &c.locator,
    }
}

fn source(s: &Source) -> JsonSource<'_> {
    JsonSource {
        id: s.id.as_str(),
        kind: s.kind.as_str(),
        title: &s.title,
        author: s.authors.join("; "),
        authors: &s.authors,
        outlet: &s.outlet,
        date: &s.date,
        url: &s.url,
        accessed: &s.accessed,
        reliability: s.reliability.map(|r| r.letter().to_string()),
        credibility: s.credibility.map(|c| c.level()),
        reported_in: s.reported_in.as_ref().map(|id| id.as_str()),
        notes: &s.notes,
        text: s.text.as_deref(),
    }
}

pub fn to_json(map: &ArgumentMap) -> String {
    let json = JsonMap {
        format_version: version_of(map),
        title: &map.title,
        description: &map.description,
        main_claim: map.main_claim().map(|id| id.as_str()),
        nodes: map.nodes.iter().map(node).collect(),
        links: map
            .links
            .iter()
            .flat_map(|l| {
                l.premises().map(|p| JsonLink {
                    from: p.as_str(),
                    to: l.to.as_str(),
                    relation: l.relation.as_str(),
                })
            })
            .collect(),
        reasons: map.links.iter().map(reason).collect(),
        sources: map.sources.iter().map(source).collect(),
        steps: map
            .steps()
            .into_iter()
            .map(|s| JsonStep {
                title: s.title,
                nodes: s.nodes.into_iter().map(|n| n.0).collect(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&json).expect("plain data serialises to JSON");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Credibility, Link, NodeKind, Position, Relation, Reliability};

    #[test]
    fn has_the_documented_shape_with_string_ids() {
        let mut map = ArgumentMap::new("T");
        let mut s = Source::new("s1", "Report");
        s.authors = vec!["A. Writer".into(), "B. Writer".into()];
        s.reliability = Some(Reliability::B);
        s.credibility = Credibility::new(2);
        map.sources.push(s);
        let mut e = Node::new("e1", NodeKind::Evidence, "Fact", Position::new(1.4, -2.6));
        e.citations.push(Citation::new("s1", "q"));
        map.nodes = vec![
            Node::new("c1", NodeKind::Claim, "Claim", Position::default()),
            e,
        ];
        map.links.push(Link::new("e1", "c1", Relation::Supports));

        let v: serde_json::Value = serde_json::from_str(&to_json(&map)).unwrap();
        assert_eq!(v["format_version"], 1);
        assert_eq!(v["title"], "T");
        assert_eq!(v["nodes"][1]["id"], "e1");
        assert_eq!(v["nodes"][1]["kind"], "evidence");
        assert_eq!(v["nodes"][1]["x"], 1.0);
        assert_eq!(v["nodes"][1]["y"], -3.0);
        assert_eq!(v["nodes"][1]["citations"][0]["source"], "s1");
        assert_eq!(v["nodes"][1]["citations"][0]["quote"], "q");
        assert_eq!(v["links"][0]["relation"], "supports");
        assert_eq!(v["sources"][0]["author"], "A. Writer; B. Writer");
        assert_eq!(v["sources"][0]["reliability"], "B");
        assert_eq!(v["sources"][0]["credibility"], 2);
        assert_eq!(v["sources"][0]["text"], serde_json::Value::Null);
        assert_eq!(v["main_claim"], "c1");
    }
}
