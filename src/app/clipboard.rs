//! Copying nodes as RON text, so they paste into this map, another map, or a text editor.

use crate::model::{ArgumentMap, NodeId};
use std::collections::HashSet;

/// The selected nodes with the links among them and the sources they cite, as a small map.
pub fn fragment(map: &ArgumentMap, ids: &[NodeId]) -> ArgumentMap {
    let chosen: HashSet<&NodeId> = ids.iter().collect();
    let nodes: Vec<_> = map
        .nodes
        .iter()
        .filter(|n| chosen.contains(&n.id))
        .cloned()
        .collect();
    let links = map
        .links
        .iter()
        .filter(|l| chosen.contains(&l.from) && chosen.contains(&l.to))
        .cloned()
        .collect();
    let cited: HashSet<_> = nodes
        .iter()
        .flat_map(|n| n.citations.iter().map(|c| &c.source))
        .collect();
    // Keep second-hand sources' parents too, so the fragment is a valid map on its own.
    let mut wanted: HashSet<_> = cited.into_iter().cloned().collect();
    loop {
        let more: Vec<_> = map
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
    let sources = map
        .sources
        .iter()
        .filter(|s| wanted.contains(&s.id))
        .cloned()
        .collect();
    ArgumentMap {
        title: map.title.clone(),
        description: String::new(),
        main_claim: None,
        nodes,
        links,
        sources,
        presentation: None,
    }
}

/// What was on the clipboard: argmap nodes, or plain text.
pub enum Pasted {
    Nodes(ArgumentMap),
    Text(String),
}

pub fn parse(text: &str) -> Option<Pasted> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    match crate::format::from_ron_str(trimmed) {
        Ok(fragment) if !fragment.nodes.is_empty() => Some(Pasted::Nodes(fragment)),
        _ => Some(Pasted::Text(trimmed.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::to_ron_string;

    #[test]
    fn a_copied_fragment_keeps_inner_links_and_cited_sources_only() {
        let map = crate::bundled::article_map();
        let main = map.main_claim().unwrap().clone();
        let child = map.incoming(&main).next().unwrap().from.clone();
        let outsider = map
            .nodes
            .iter()
            .find(|n| n.id != main && n.id != child)
            .unwrap()
            .id
            .clone();
        let f = fragment(&map, &[main.clone(), child.clone()]);
        assert_eq!(f.nodes.len(), 2);
        assert!(f.link(&child, &main).is_some());
        assert!(
            f.links
                .iter()
                .all(|l| l.from != outsider && l.to != outsider)
        );
        assert!(!crate::model::has_errors(&crate::model::validate(&f)));
        match parse(&to_ron_string(&f)) {
            Some(Pasted::Nodes(back)) => assert_eq!(back, f),
            _ => panic!("the fragment did not parse back"),
        }
        assert!(matches!(parse("just words"), Some(Pasted::Text(t)) if t == "just words"));
        assert!(parse("  ").is_none());
    }
}
