//! Writing a map as Argdown.
//!
//! Every node is defined once, at the top level, as a statement `[Title]: text #kind {data}`;
//! under it, each link that ends at it is one indented reference: `<+ [X]` (X supports it) or
//! `<- [X]` (X opposes it). So every link is written exactly once, however many parents a node
//! has and whatever cycles the map holds. A reason beyond a plain link (co-premises, a scheme, a
//! warrant, an answered question, or undercut) is an argument with its premise–conclusion
//! structure instead (see `ReasonPlan`). What Argdown has no place for (ids that are not the
//! title, exact text with line breaks, notes, citations, sources, the main claim, the talk) is
//! written as YAML data, which Argdown keeps and argmap reads back.

use super::text::{escape, is_safe_title, one_line, title_from_text};
use crate::interchange::ids::slug;
use crate::interchange::reasons::scheme_named;
use crate::interchange::yaml::{Yaml, flow, quote};
use crate::model::{ArgumentMap, Citation, Node, NodeId, Relation, Source, scheme};
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
         // a statement are what bears on it: \"<+ [X]\" X supports it, \"<- [X]\" X opposes it.\n\
         // Reasons with more to say (co-premises, schemes…) are arguments, after the statements.\n",
    );
    if map.nodes.is_empty() {
        // Argdown needs at least one block: the title as a heading, which argmap reads back
        // as the title it is.
        let _ = writeln!(out, "\n# {}", escape(&title_heading(&map.title)));
    }
    let index = map.node_index();
    let plan = ReasonPlan::of(map, &index, &titles);
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); map.nodes.len()];
    for (i, link) in map.links.iter().enumerate() {
        if plan.as_relation(i, link)
            && let Some(&to) = index.get(&link.to)
        {
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
            if let Some(&from) = index.get(&link.from) {
                let _ = writeln!(out, "  {marker} [{}]", titles[from]);
            }
        }
    }
    for (i, link) in map.links.iter().enumerate() {
        if let Some(title) = &plan.argument[i] {
            argument(map, &index, &titles, &plan, i, link, title, &mut out);
        }
    }
    out
}

/// Which reasons are written as Argdown arguments (with a premise–conclusion structure),
/// and their titles: a reason with co-premises, a scheme, a warrant or an answered
/// question, or one that is undercut. The rest are relation lines: `<+`/`<-` under their
/// target, or (an undercut) `<_` under the argument of the reason it attacks.
struct ReasonPlan {
    argument: Vec<Option<String>>,
    /// The plain undercuts of each reason, written under its argument.
    undercut_lines: Vec<Vec<usize>>,
    /// The reason each undercut attacks.
    attacks: Vec<Option<usize>>,
    /// The title of the conclusion written for each opposing reason's argument.
    against: Vec<Option<String>>,
}

impl ReasonPlan {
    fn of(map: &ArgumentMap, index: &HashMap<&NodeId, usize>, titles: &[String]) -> Self {
        let by_name = map.reason_index();
        let attacks: Vec<Option<usize>> = map
            .links
            .iter()
            .map(|l| {
                l.undercut_target()
                    .and_then(|name| by_name.get(&name).copied())
            })
            .collect();
        let mut undercut = vec![false; map.links.len()];
        for &r in attacks.iter().flatten() {
            undercut[r] = true;
        }
        let title = |id: &NodeId| index.get(id).map_or(id.to_string(), |&n| titles[n].clone());
        let mut used_arguments: HashSet<String> = HashSet::new();
        let mut used_statements: HashSet<String> = titles.iter().cloned().collect();
        let mut argument = Vec::with_capacity(map.links.len());
        let mut against = Vec::with_capacity(map.links.len());
        for (i, l) in map.links.iter().enumerate() {
            // More than a plain link or a plain undercut can say.
            let whole = !l.with.is_empty()
                || l.scheme.is_some()
                || l.warrant.is_some()
                || l.answers.is_some();
            if !(whole || undercut[i]) {
                argument.push(None);
                against.push(None);
                continue;
            }
            let word = match l.relation {
                Relation::Supports => "for",
                Relation::Opposes => "against",
            };
            let base = format!("{} {word} {}", title(&l.from), title(&l.to));
            let name = unique(&base, &mut used_arguments);
            against.push(
                (l.relation == Relation::Opposes)
                    .then(|| unique(&format!("Against {name}"), &mut used_statements)),
            );
            argument.push(Some(name));
        }
        let mut undercut_lines = vec![Vec::new(); map.links.len()];
        for (i, a) in attacks.iter().enumerate() {
            if let Some(r) = *a
                && argument[i].is_none()
            {
                undercut_lines[r].push(i);
            }
        }
        ReasonPlan {
            argument,
            undercut_lines,
            attacks,
            against,
        }
    }

    /// Written as a relation line under its target statement.
    fn as_relation(&self, i: usize, link: &crate::model::Link) -> bool {
        self.argument[i].is_none() && !link.is_undercut()
    }
}

/// `base`, or `base (2)`, `base (3)`… whichever `used` does not hold yet (then it does).
fn unique(base: &str, used: &mut HashSet<String>) -> String {
    if used.insert(base.to_owned()) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base} ({n})"))
        .find(|t| used.insert(t.clone()))
        .expect("some number is free")
}

/// A reason as an Argdown argument: its data (what the structure cannot say), the undercuts
/// written as lines, what it opposes, then its premise–conclusion structure. An opposing
/// reason concludes a statement marked `{argmap: against}` that attacks (or undercuts) its
/// target, as Argdown has an attacking argument do; argmap reads it back as the reason.
#[allow(clippy::too_many_arguments)]
fn argument(
    map: &ArgumentMap,
    index: &HashMap<&NodeId, usize>,
    titles: &[String],
    plan: &ReasonPlan,
    i: usize,
    link: &crate::model::Link,
    title: &str,
    out: &mut String,
) {
    let stored = link.scheme.as_deref();
    let rule = stored.map(scheme::display_name).filter(|name| {
        scheme_named(name).as_deref() == stored
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\''))
    });
    let mut data = vec![("argmap".to_owned(), Yaml::Str("reason".into()))];
    if let (Some(s), None) = (stored, rule) {
        data.push(("scheme".into(), Yaml::Str(s.to_owned())));
    }
    if let Some(w) = &link.warrant {
        data.push(("warrant".into(), Yaml::Str(w.clone())));
    }
    if let Some(n) = link.answers {
        data.push(("answers".into(), Yaml::Int(i64::from(n))));
    }
    let _ = writeln!(out, "\n<{title}> {}", flow(&Yaml::Map(data)));
    let title_of = |id: &NodeId| index.get(id).map(|&n| titles[n].as_str());
    for &u in &plan.undercut_lines[i] {
        if let Some(t) = title_of(&map.links[u].from) {
            let _ = writeln!(out, "  <_ [{t}]");
        }
    }
    match (plan.attacks[i], link.relation) {
        (Some(r), _) => {
            if let Some(attacked) = &plan.argument[r] {
                let _ = writeln!(out, "  _> <{attacked}>");
            }
        }
        (None, Relation::Opposes) => {
            if let Some(t) = title_of(&link.to) {
                let _ = writeln!(out, "  -> [{t}]");
            }
        }
        (None, Relation::Supports) => {}
    }
    out.push('\n');
    let mut n = 0;
    for premise in link.premises() {
        if let Some(t) = title_of(premise) {
            n += 1;
            let _ = writeln!(out, "({n}) [{t}]");
        }
    }
    match rule {
        Some(name) => {
            let _ = writeln!(out, "-- {name} --");
        }
        None => out.push_str("----\n"),
    }
    n += 1;
    match &plan.against[i] {
        Some(aux) => {
            let what = match plan.attacks[i].and_then(|r| plan.argument[r].as_deref()) {
                Some(attacked) => {
                    format!("The premises of <{attacked}> do not support its conclusion.")
                }
                None => format!(
                    "Not so: {}",
                    index
                        .get(&link.to)
                        .map_or(String::new(), |&t| one_line(&map.nodes[t].text))
                ),
            };
            let _ = writeln!(
                out,
                "({n}) [{aux}]: {} {{argmap: \"against\"}}",
                escape(&what)
            );
        }
        None => {
            if let Some(t) = title_of(&link.to) {
                let _ = writeln!(out, "({n}) [{t}]");
            }
        }
    }
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
