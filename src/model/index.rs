//! Lookups by id for code that looks up many items of one map.
//!
//! [`ArgumentMap::node`], [`ArgumentMap::source`] and [`ArgumentMap::link`] scan the lists, which
//! is fine once but quadratic inside a loop over the map. Build a [`MapIndex`] once per pass
//! instead. Like those scans, it finds the *first* item with an id when a (broken) map holds
//! several.

use super::{ArgumentMap, Link, Node, NodeId, Source, SourceId};
use std::cell::OnceCell;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// Positions of a map's nodes, sources and links by id, borrowed from the map. Each kind's
/// table is built on its first lookup, so code that looks up only sources pays only for them.
#[derive(Clone, Debug)]
pub struct MapIndex<'a> {
    map: &'a ArgumentMap,
    nodes: OnceCell<HashMap<&'a NodeId, usize>>,
    sources: OnceCell<HashMap<&'a SourceId, usize>>,
    links: OnceCell<HashMap<(&'a NodeId, &'a NodeId), usize>>,
}

/// Position of the first item of each key.
fn first_positions<K: Eq + std::hash::Hash>(
    keys: impl ExactSizeIterator<Item = K>,
) -> HashMap<K, usize> {
    let mut out = HashMap::with_capacity(keys.len());
    for (i, key) in keys.enumerate() {
        if let Entry::Vacant(slot) = out.entry(key) {
            slot.insert(i);
        }
    }
    out
}

impl<'a> MapIndex<'a> {
    pub fn new(map: &'a ArgumentMap) -> Self {
        Self {
            map,
            nodes: OnceCell::new(),
            sources: OnceCell::new(),
            links: OnceCell::new(),
        }
    }

    fn nodes(&self) -> &HashMap<&'a NodeId, usize> {
        self.nodes
            .get_or_init(|| first_positions(self.map.nodes.iter().map(|n| &n.id)))
    }

    fn sources(&self) -> &HashMap<&'a SourceId, usize> {
        self.sources
            .get_or_init(|| first_positions(self.map.sources.iter().map(|s| &s.id)))
    }

    fn links(&self) -> &HashMap<(&'a NodeId, &'a NodeId), usize> {
        self.links
            .get_or_init(|| first_positions(self.map.links.iter().map(|l| (&l.from, &l.to))))
    }

    pub fn node_position(&self, id: &NodeId) -> Option<usize> {
        self.nodes().get(id).copied()
    }

    pub fn node(&self, id: &NodeId) -> Option<&'a Node> {
        self.node_position(id).map(|i| &self.map.nodes[i])
    }

    pub fn has_node(&self, id: &NodeId) -> bool {
        self.nodes().contains_key(id)
    }

    pub fn source_position(&self, id: &SourceId) -> Option<usize> {
        self.sources().get(id).copied()
    }

    pub fn source(&self, id: &SourceId) -> Option<&'a Source> {
        self.source_position(id).map(|i| &self.map.sources[i])
    }

    pub fn has_source(&self, id: &SourceId) -> bool {
        self.sources().contains_key(id)
    }

    /// The link from `from` to `to`, if any (a map holds at most one per pair).
    pub fn link(&self, from: &NodeId, to: &NodeId) -> Option<&'a Link> {
        self.links().get(&(from, to)).map(|&i| &self.map.links[i])
    }
}

impl ArgumentMap {
    /// An index of this map's items by id, for code that looks up many of them.
    pub fn index(&self) -> MapIndex<'_> {
        MapIndex::new(self)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{ArgumentMap, Link, Node, NodeKind, Position, Relation, Source};

    #[test]
    fn finds_what_the_scans_find_including_the_first_of_duplicates() {
        let mut map = ArgumentMap::new("t");
        let node = |id: &str, text: &str| {
            Node::new(id, NodeKind::Claim, text.to_owned(), Position::default())
        };
        map.nodes = vec![node("a", "first a"), node("b", "b"), node("a", "second a")];
        map.sources = vec![Source::new("s", "first s"), Source::new("s", "second s")];
        map.links = vec![
            Link::new("b", "a", Relation::Supports),
            Link::new("b", "a", Relation::Opposes),
        ];
        let index = map.index();
        for id in ["a", "b", "nowhere"] {
            let id = id.into();
            assert_eq!(index.node(&id), map.node(&id));
            assert_eq!(index.node_position(&id), map.node_position(&id));
            assert_eq!(index.has_node(&id), map.node(&id).is_some());
        }
        assert_eq!(index.node(&"a".into()).unwrap().text, "first a");
        assert_eq!(index.source(&"s".into()).unwrap().title, "first s");
        assert_eq!(index.source_position(&"s".into()), Some(0));
        assert!(!index.has_source(&"t".into()));
        let (b, a) = ("b".into(), "a".into());
        assert_eq!(index.link(&b, &a), map.link(&b, &a));
        assert_eq!(index.link(&b, &a).unwrap().relation, Relation::Supports);
        assert!(index.link(&a, &b).is_none());
    }
}
