// Shared by the integration tests: arbitrary maps for property tests.
#![allow(dead_code)]

use argmap::model::{
    ArgumentMap, Citation, Credibility, Link, Node, NodeKind, Position, Relation, Reliability,
    Source, SourceKind,
};
use proptest::prelude::*;

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ,.'’“”\"#()\\[\\]{}\\\\/-]{0,40}",
        any::<String>(),
        Just("line one\nline two\r\n\ttabbed \"quoted\" r#\"raw\"# end".to_owned()),
    ]
}

fn kind() -> impl Strategy<Value = NodeKind> {
    prop::sample::select(NodeKind::ALL.to_vec())
}

fn source_kind() -> impl Strategy<Value = SourceKind> {
    prop::sample::select(SourceKind::ALL.to_vec())
}

fn source(id: String) -> impl Strategy<Value = Source> {
    (
        source_kind(),
        text(),
        prop::collection::vec(text(), 0..3),
        (text(), text(), text(), text()),
        prop::option::of(prop::sample::select(Reliability::ALL.to_vec())),
        prop::option::of(1u8..=6),
        (text(), prop::option::of(text())),
    )
        .prop_map(
            move |(
                kind,
                title,
                authors,
                (outlet, date, url, accessed),
                rel,
                cred,
                (notes, body),
            )| {
                Source {
                    id: id.clone().into(),
                    kind,
                    title,
                    authors,
                    outlet,
                    date,
                    url,
                    accessed,
                    reliability: rel,
                    credibility: cred.and_then(Credibility::new),
                    reported_in: None,
                    notes,
                    text: body,
                }
            },
        )
}

/// Maps of any content (not necessarily valid): what matters is that files keep everything.
pub fn any_map() -> impl Strategy<Value = ArgumentMap> {
    (0usize..8, 0usize..4)
        .prop_flat_map(|(n_nodes, n_sources)| {
            let sources: Vec<_> = (0..n_sources).map(|i| source(format!("s{i}"))).collect();
            let nodes = prop::collection::vec(
                (
                    kind(),
                    text(),
                    text(),
                    (-100_000i32..100_000, -100_000i32..100_000),
                    any::<bool>(),
                    prop::collection::vec((0..4usize, text(), text()), 0..3),
                ),
                n_nodes,
            );
            let links = prop::collection::vec((0..8usize, 0..8usize, any::<bool>()), 0..10);
            (text(), text(), sources, nodes, links, any::<bool>())
        })
        .prop_map(|(title, description, sources, nodes, links, named_main)| {
            let mut map = ArgumentMap {
                title,
                description,
                ..ArgumentMap::default()
            };
            map.sources = sources;
            for (i, (kind, text, notes, (x, y), pinned, cites)) in nodes.into_iter().enumerate() {
                let mut node = Node::new(
                    format!("n{i}"),
                    kind,
                    text,
                    Position::new(x as f32, y as f32),
                );
                node.notes = notes;
                node.pinned = pinned;
                node.citations = cites
                    .into_iter()
                    .map(|(s, quote, locator)| Citation {
                        source: format!("s{s}").into(),
                        quote,
                        locator,
                    })
                    .collect();
                map.nodes.push(node);
            }
            let n = map.nodes.len().max(1);
            map.links = links
                .into_iter()
                .map(|(f, t, sup)| {
                    Link::new(
                        format!("n{}", f % n),
                        format!("n{}", t % n),
                        if sup {
                            Relation::Supports
                        } else {
                            Relation::Opposes
                        },
                    )
                })
                .collect();
            if named_main && !map.nodes.is_empty() {
                map.main_claim = Some(map.nodes[0].id.clone());
            }
            map
        })
}

/// Maps without validation errors (what the app can open), of any content otherwise.
pub fn valid_map() -> impl Strategy<Value = ArgumentMap> {
    any_map().prop_map(|mut map| {
        for node in &mut map.nodes {
            if node.text.trim().is_empty() {
                node.text = "text".into();
            }
        }
        for source in &mut map.sources {
            if source.title.trim().is_empty() {
                source.title = "title".into();
            }
        }
        let sources: Vec<_> = map.sources.iter().map(|s| s.id.clone()).collect();
        for node in &mut map.nodes {
            node.citations.retain(|c| sources.contains(&c.source));
        }
        let mut seen = std::collections::HashSet::new();
        map.links
            .retain(|l| l.from != l.to && seen.insert((l.from.clone(), l.to.clone())));
        assert!(!argmap::model::has_errors(&argmap::model::validate(&map)));
        map
    })
}
