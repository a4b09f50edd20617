//! Writing a map as Argdown.
//!
//! Every node is defined once, at the top level, as a statement `[Title]: text #kind {data}`;
//! under it, each link that ends at it is one indented reference: `<+ [X]` (X supports it) or
//! `<- [X]` (X opposes it). So every link is written exactly once, however many parents a node
//! has and whatever cycles the map holds. What Argdown has no place for (ids that are not the
//! title, exact text with line breaks, notes, citations, sources, the main claim, the talk) is
//! written as YAML data, which Argdown keeps and argmap reads back.

use super::text::{escape, is_safe_title, one_line, title_from_text};
use crate::interchange::ids::slug;
use crate::interchange::yaml::{Yaml, flow, quote};
use crate::model::{ArgumentMap, Citation, Node, Relation, Source};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// Shown instead of a text that has nothing printable; the exact text is in the data.
const NO_VISIBLE_TEXT: &str = "(no printable text)";

/// The map as an Argdown document.
pub fn write(map: &ArgumentMap) -> String {
    let titles = titles(map);
    let mut out = String::new();
    front_matter(map, &mut out);
    out.push_str(
        "// Written by argmap. Each node is a statement tagged with its kind; the lines under\n\
         // a statement are what bears on it: \"<+ [X]\" X supports it, \"<- [X]\" X opposes it.\n",
    );
    if map.nodes.is_empty() {
        // Argdown needs at least one block: the title as a heading, which argmap reads back
        // as the title it is.
        let _ = writeln!(out, "\n# {}", escape(&title_heading(&map.title)));
    }
    let index = map.node_index();
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); map.nodes.len()];
    for (i, link) in map.links.iter().enumerate() {
        if let Some(&to) = index.get(&link.to) {
            incoming[to].push(i);
        }
    }
    for (i, node) in map.nodes.iter().enumerate() {
        out.push('\n');
        statement(node, &titles[i], &mut out);
        for &l in &incoming[i] {
            let link = &map.links[l];
            let marker = match link.relation {
                Relation::Supports => "<+",
                Relation::Opposes => "<-",
            };
            // Each premise of a linked reason as a relation of its own, until reasons are
            // written as Argdown arguments (the export warns that the linkage is lost).
            for premise in link.premises() {
                if let Some(&from) = index.get(premise) {
                    let _ = writeln!(out, "  {marker} [{}]", titles[from]);
                }
            }
        }
    }
    out
}

/// The text of the heading that stands for the map's title in an otherwise empty document.
pub fn title_heading(title: &str) -> String {
    let visible = one_line(title);
    if visible.is_empty() {
        "(untitled map)".to_owned()
    } else {
        visible
    }
}

/// One title per node, unique: the node's id when it reads well as a title, else the first
/// words of its text. Ids that are used as they are get their titles first.
fn titles(map: &ArgumentMap) -> Vec<String> {
    let verbatim = |node: &Node| {
        let id = node.id.as_str();
        is_safe_title(id) && !is_generated_id(id)
    };
    let mut used: HashSet<String> = map
        .nodes
        .iter()
        .filter(|n| verbatim(n))
        .map(|n| n.id.0.clone())
        .collect();
    // The number to try next after each base: all below it are taken, so many nodes whose
    // texts start alike cost one try each rather than a count from 2 every time.
    let mut next: HashMap<String, usize> = HashMap::new();
    map.nodes
        .iter()
        .map(|node| {
            if verbatim(node) {
                return node.id.0.clone();
            }
            let from_text = title_from_text(&node.text);
            let from_id = title_from_text(node.id.as_str());
            let base = [from_text, from_id]
                .into_iter()
                .find(|t| is_safe_title(t))
                .unwrap_or_else(|| "Statement".to_owned());
            if used.insert(base.clone()) {
                return base;
            }
            let n = next.entry(base.clone()).or_insert(2);
            loop {
                let title = format!("{base} ({n})");
                *n += 1;
                if used.insert(title.clone()) {
                    return title;
                }
            }
        })
        .collect()
}

/// Ids argmap makes up (`n12`), which say nothing as titles.
fn is_generated_id(id: &str) -> bool {
    id.strip_prefix('n')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn statement(node: &Node, title: &str, out: &mut String) {
    let visible = one_line(&node.text);
    let shown = if visible.is_empty() {
        NO_VISIBLE_TEXT
    } else {
        &visible
    };
    let _ = write!(out, "[{title}]: {} #{}", escape(shown), node.kind.as_str());
    let mut data: Vec<(String, Yaml)> = Vec::new();
    // The reader makes ids from titles the way `slug` does; say the id when that would differ.
    if slug(title, 40) != node.id.as_str() {
        data.push(("id".into(), Yaml::Str(node.id.0.clone())));
    }
    if visible != node.text {
        data.push(("text".into(), Yaml::Str(node.text.clone())));
    }
    if node.pinned {
        data.push(("pinned".into(), Yaml::Bool(true)));
    }
    if !node.notes.is_empty() {
        data.push(("notes".into(), Yaml::Str(node.notes.clone())));
    }
    if !node.citations.is_empty() {
        data.push((
            "citations".into(),
            Yaml::Seq(node.citations.iter().map(citation).collect()),
        ));
    }
    if !data.is_empty() {
        out.push(' ');
        out.push_str(&flow(&Yaml::Map(data)));
    }
    out.push('\n');
}

fn citation(c: &Citation) -> Yaml {
    let mut pairs = vec![("source".to_owned(), Yaml::Str(c.source.0.clone()))];
    if !c.quote.is_empty() {
        pairs.push(("quote".into(), Yaml::Str(c.quote.clone())));
    }
    if !c.locator.is_empty() {
        pairs.push(("locator".into(), Yaml::Str(c.locator.clone())));
    }
    Yaml::Map(pairs)
}

fn source(s: &Source) -> Yaml {
    let mut pairs = vec![
        ("id".to_owned(), Yaml::Str(s.id.0.clone())),
        ("kind".into(), Yaml::Str(s.kind.as_str().to_owned())),
        ("title".into(), Yaml::Str(s.title.clone())),
    ];
    if !s.authors.is_empty() {
        pairs.push((
            "authors".into(),
            Yaml::Seq(s.authors.iter().map(|a| Yaml::Str(a.clone())).collect()),
        ));
    }
    for (key, value) in [
        ("outlet", &s.outlet),
        ("date", &s.date),
        ("url", &s.url),
        ("accessed", &s.accessed),
    ] {
        if !value.is_empty() {
            pairs.push((key.into(), Yaml::Str(value.clone())));
        }
    }
    if let Some(r) = s.reliability {
        pairs.push(("reliability".into(), Yaml::Str(r.letter().to_string())));
    }
    if let Some(c) = s.credibility {
        pairs.push(("credibility".into(), Yaml::Int(i64::from(c.level()))));
    }
    if let Some(via) = &s.reported_in {
        pairs.push(("reported_in".into(), Yaml::Str(via.0.clone())));
    }
    if !s.notes.is_empty() {
        pairs.push(("notes".into(), Yaml::Str(s.notes.clone())));
    }
    if let Some(text) = &s.text {
        pairs.push(("text".into(), Yaml::Str(text.clone())));
    }
    Yaml::Map(pairs)
}

/// `title` for Argdown's own use, and under `argmap:` what only argmap reads.
fn front_matter(map: &ArgumentMap, out: &mut String) {
    out.push_str("===\n");
    let _ = writeln!(out, "title: {}", quote(&map.title));
    out.push_str("argmap:\n  format: 1\n");
    if !map.description.is_empty() {
        let _ = writeln!(out, "  description: {}", quote(&map.description));
    }
    if let Some(main) = &map.main_claim {
        let _ = writeln!(out, "  main_claim: {}", quote(main.as_str()));
    }
    if !map.sources.is_empty() {
        out.push_str("  sources:\n");
        for s in &map.sources {
            let _ = writeln!(out, "    - {}", flow(&source(s)));
        }
    }
    if let Some(steps) = &map.presentation {
        out.push_str("  presentation:\n");
        for step in steps {
            let mut pairs = Vec::new();
            if !step.title.is_empty() {
                pairs.push(("title".to_owned(), Yaml::Str(step.title.clone())));
            }
            pairs.push((
                "nodes".into(),
                Yaml::Seq(step.nodes.iter().map(|n| Yaml::Str(n.0.clone())).collect()),
            ));
            let _ = writeln!(out, "    - {}", flow(&Yaml::Map(pairs)));
        }
    }
    out.push_str("===\n\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, NodeKind, Position};

    #[test]
    fn every_node_once_and_every_link_once_as_a_reference() {
        let mut map = ArgumentMap::new("T");
        for (id, kind) in [
            ("ban", NodeKind::Claim),
            ("air", NodeKind::Evidence),
            ("n7", NodeKind::Counterpoint),
        ] {
            map.nodes.push(Node::new(
                id,
                kind,
                format!("Text of {id}."),
                Position::default(),
            ));
        }
        map.links = vec![
            Link::new("air", "ban", Relation::Supports),
            Link::new("n7", "ban", Relation::Opposes),
            Link::new("n7", "air", Relation::Opposes),
            Link::new("ban", "n7", Relation::Opposes),
        ];
        let text = write(&map);
        assert!(
            text.contains("[ban]: Text of ban. #claim\n  <+ [air]\n  <- [Text of n7]\n"),
            "{text}"
        );
        assert!(
            text.contains("[Text of n7]: Text of n7. #counterpoint {id: \"n7\"}\n  <- [ban]\n"),
            "{text}"
        );
        assert_eq!(text.matches("\n  <").count(), 4);
    }

    #[test]
    fn titles_are_unique_and_ids_used_verbatim_win() {
        let mut map = ArgumentMap::new("T");
        map.nodes = vec![
            Node::new("n1", NodeKind::Claim, "Same", Position::default()),
            Node::new("Same", NodeKind::Claim, "x", Position::default()),
            Node::new("n2", NodeKind::Claim, "Same", Position::default()),
            Node::new("n3", NodeKind::Claim, "]]]", Position::default()),
        ];
        assert_eq!(titles(&map), vec!["Same (2)", "Same", "Same (3)", "n3"]);
    }
}
