//! Copying nodes as RON text, so they paste into this map, another map, or a text editor.

use crate::model::{ArgumentMap, NodeId};

/// The selected nodes with the links among them and the sources they cite, as a small map.
pub fn fragment(map: &ArgumentMap, ids: &[NodeId]) -> ArgumentMap {
    ArgumentMap {
        // Pasting never makes a node the main claim.
        main_claim: None,
        ..map.subset(ids)
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
