//! A part of a map as a map of its own: chosen nodes, the links among them and the sources
//! they cite. Copying nodes and exporting a selection both use it.

use super::{ArgumentMap, Link, NodeId, SourceId};
use std::collections::{HashMap, HashSet};

/// The links of `links` among the nodes `rename` gives new ids to (`None`: left out), renamed:
/// a reason keeps the premises that are there (the next becomes its first when the first is
/// not), and an undercut comes along only when the reason it attacks does, naming it anew.
/// Copying a linked reason with some of its premises thus copies what holds among them, and
/// never a reason or undercut pointing outside. Linear in the links.
pub fn links_among(links: &[Link], rename: &dyn Fn(&NodeId) -> Option<NodeId>) -> Vec<Link> {
    let restricted: Vec<Option<Link>> = links
        .iter()
        .map(|l| {
            let to = rename(&l.to)?;
            let premises: Vec<NodeId> = l.premises().filter_map(rename).collect();
            let (first, rest) = premises.split_first()?;
            Some(Link {
                from: first.clone(),
                to,
                with: rest.to_vec(),
                ..l.clone()
            })
        })
        .collect();
    let by_name: HashMap<(&NodeId, &NodeId), usize> = links
        .iter()
        .enumerate()
        .map(|(i, l)| ((&l.from, &l.to), i))
        .collect();
    // Whether each link comes along: it is there, and so is the reason it undercuts, if any.
    let mut keep: Vec<Option<bool>> = vec![None; links.len()];
    for start in 0..links.len() {
        let mut path = Vec::new();
        let mut at = start;
        let kept = loop {
            if let Some(known) = keep[at] {
                break known;
            }
            if restricted[at].is_none() {
                break false;
            }
            let Some(attacked) = links[at].undercut_target() else {
                break true;
            };
            match by_name.get(&attacked) {
                Some(&next) if path.len() <= links.len() => {
                    path.push(at);
                    at = next;
                }
                // Attacking nothing, or a circle only a broken file has.
                _ => break false,
            }
        };
        keep[at] = Some(kept);
        for i in path {
            keep[i] = Some(kept);
        }
    }
    let mut out = Vec::new();
    for (i, link) in restricted.iter().enumerate() {
        let (Some(true), Some(link)) = (keep[i], link) else {
            continue;
        };
        let mut link = link.clone();
        if let Some(attacked) = links[i].undercut_target()
            && let Some(Some(target)) = by_name.get(&attacked).map(|&j| &restricted[j])
        {
            link.undercuts = Some(target.from.clone());
        }
        out.push(link);
    }
    out
}

impl ArgumentMap {
    /// The nodes `ids` names (in map order; unknown ids are ignored), the links whose both ends
    /// are among them, and only the sources those nodes cite — with the sources those are
    /// reported in, so the result is a valid map on its own. The main claim is kept when it is
    /// one of the chosen nodes; the description and the talk's steps (which describe the whole
    /// map) are left out.
    pub fn subset(&self, ids: &[NodeId]) -> ArgumentMap {
        let chosen: HashSet<&NodeId> = ids.iter().collect();
        let nodes: Vec<_> = self
            .nodes
            .iter()
            .filter(|n| chosen.contains(&n.id))
            .cloned()
            .collect();
        let links = links_among(&self.links, &|id| chosen.contains(id).then(|| id.clone()));
        let mut wanted: HashSet<SourceId> = nodes
            .iter()
            .flat_map(|n| n.citations.iter().map(|c| c.source.clone()))
            .collect();
        // Second-hand sources need their parents (`reported_in`), transitively.
        loop {
            let more: Vec<_> = self
                .sources
                .iter()
                .filter(|s| wanted.contains(&s.id))
                .filter_map(|s| s.reported_in.clone())
                .filter(|id| !wanted.contains(id))
                .collect();
            if more.is_empty() {
                break;
            }
            wanted.extend(more);
        }
        let sources = self
            .sources
            .iter()
            .filter(|s| wanted.contains(&s.id))
            .cloned()
            .collect();
        let main_claim = self
            .main_claim
            .clone()
            .filter(|id| chosen.contains(id) && self.node(id).is_some());
        ArgumentMap {
            title: self.title.clone(),
            description: String::new(),
            main_claim,
            nodes,
            links,
            sources,
            presentation: None,
            layout_direction: self.layout_direction,
        }
    }
}

#[cfg(test)]
mod reason_tests {
    use super::links_among;
    use crate::model::{Link, NodeId, Relation};

    #[test]
    fn a_reason_keeps_the_premises_copied_and_an_undercut_follows_its_reason() {
        let linked = Link {
            with: vec!["b".into(), "c".into()],
            ..Link::new("a", "t", Relation::Supports)
        };
        let undercut = Link::undercut("u", "a", "t");
        let deeper = Link::undercut("v", "u", "t");
        let links = [linked, undercut, deeper];
        // Without "a": the reason is b+c, and the undercuts follow its new name.
        let without_a = |id: &NodeId| (id.as_str() != "a").then(|| id.clone());
        let kept = links_among(&links, &without_a);
        assert_eq!(kept.len(), 3);
        assert_eq!(
            kept[0].premises().collect::<Vec<_>>(),
            [&NodeId::from("b"), &"c".into()]
        );
        assert_eq!(kept[1].undercuts, Some("b".into()));
        assert_eq!(kept[2].undercuts, Some("u".into()));
        // Without the target, nothing: the undercuts go with the reason.
        let without_t = |id: &NodeId| (id.as_str() != "t").then(|| id.clone());
        assert!(links_among(&links, &without_t).is_empty());
        // Without the first undercutter, the undercut of it goes too.
        let without_u = |id: &NodeId| (id.as_str() != "u").then(|| id.clone());
        assert_eq!(links_among(&links, &without_u).len(), 1);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{
        ArgumentMap, Citation, Link, Node, NodeKind, Position, Relation, Source, has_errors,
        validate,
    };

    fn source(id: &str, reported_in: Option<&str>) -> Source {
        let mut s = Source::new(id, format!("Source {id}"));
        s.reported_in = reported_in.map(Into::into);
        s
    }

    /// c ← e1 (cites s1, which is reported in s0), c ← k (cites s2), e2 → e1; s3 is uncited.
    fn map() -> ArgumentMap {
        let mut map = ArgumentMap::new("Test");
        map.description = "About everything".into();
        let at = Position::new(0.0, 0.0);
        let mut e1 = Node::new("e1", NodeKind::Evidence, "Evidence one", at);
        e1.citations.push(Citation::new("s1", ""));
        let mut k = Node::new("k", NodeKind::Counterpoint, "But", at);
        k.citations.push(Citation::new("s2", ""));
        map.nodes = vec![
            Node::new("c", NodeKind::Claim, "Claim", at),
            e1,
            k,
            Node::new("e2", NodeKind::Evidence, "Evidence two", at),
        ];
        map.links = vec![
            Link::new("e1", "c", Relation::Supports),
            Link::new("k", "c", Relation::Opposes),
            Link::new("e2", "e1", Relation::Supports),
        ];
        map.sources = vec![
            source("s0", None),
            source("s1", Some("s0")),
            source("s2", None),
            source("s3", None),
        ];
        map.main_claim = Some("c".into());
        map.presentation = Some(Vec::new());
        assert!(!has_errors(&validate(&map)));
        map
    }

    fn ids(items: &[&str]) -> Vec<crate::model::NodeId> {
        items.iter().map(|&s| s.into()).collect()
    }

    #[test]
    fn keeps_the_chosen_nodes_their_inner_links_and_cited_sources() {
        let map = map();
        let part = map.subset(&ids(&["e1", "c"]));
        let nodes: Vec<_> = part.nodes.iter().map(|n| n.id.0.as_str()).collect();
        assert_eq!(nodes, ["c", "e1"], "map order, not selection order");
        assert_eq!(part.links, vec![Link::new("e1", "c", Relation::Supports)]);
        let sources: Vec<_> = part.sources.iter().map(|s| s.id.0.as_str()).collect();
        assert_eq!(
            sources,
            ["s0", "s1"],
            "the cited source and the one it is reported in"
        );
        assert_eq!(part.main_claim, Some("c".into()));
        assert_eq!(part.title, "Test");
        assert!(part.description.is_empty());
        assert_eq!(part.presentation, None);
        assert!(!has_errors(&validate(&part)));
    }

    #[test]
    fn leaves_out_links_to_nodes_outside_and_the_main_claim_when_not_chosen() {
        let map = map();
        let part = map.subset(&ids(&["k", "e2", "nowhere"]));
        let nodes: Vec<_> = part.nodes.iter().map(|n| n.id.0.as_str()).collect();
        assert_eq!(nodes, ["k", "e2"]);
        assert!(part.links.is_empty(), "both links go to nodes left out");
        let sources: Vec<_> = part.sources.iter().map(|s| s.id.0.as_str()).collect();
        assert_eq!(sources, ["s2"]);
        assert_eq!(part.main_claim, None);
        assert!(!has_errors(&validate(&part)));
    }

    #[test]
    fn all_nodes_give_the_map_without_uncited_sources_and_none_give_an_empty_map() {
        let map = map();
        let all: Vec<_> = map.nodes.iter().map(|n| n.id.clone()).collect();
        let whole = map.subset(&all);
        assert_eq!(whole.nodes, map.nodes);
        assert_eq!(whole.links, map.links);
        assert_eq!(whole.sources.len(), 3, "s3 is cited by nothing");
        let none = map.subset(&[]);
        assert!(none.nodes.is_empty() && none.links.is_empty() && none.sources.is_empty());
    }
}
