//! Checks a map for problems, reporting all of them at once with where each one is.

use super::{ArgumentMap, NodeId, NodeKind, Relation, SourceId};
use crate::text::{NormalizedText, QuoteSet};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Errors make a map unusable or ambiguous; warnings point at doubtful analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Where in the map a problem is. Indexes are positions in the map's lists (and so in the file).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ProblemPlace {
    /// The map as a whole (its title).
    Map,
    /// The map's `main_claim` setting.
    MainClaim,
    /// A step of the map's presentation.
    Presentation {
        step: usize,
    },
    Node {
        index: usize,
        id: NodeId,
    },
    Link {
        index: usize,
        from: NodeId,
        to: NodeId,
    },
    /// A critical question, numbered from 1, of the scheme of the reason at `links[index]`
    /// that nothing in the map answers yet.
    Question {
        index: usize,
        from: NodeId,
        to: NodeId,
        number: u32,
    },
    Source {
        index: usize,
        id: SourceId,
    },
    Citation {
        node: usize,
        node_id: NodeId,
        citation: usize,
    },
}

impl ProblemPlace {
    /// The node a problem is about, if any: what the GUI selects when the problem is clicked.
    pub fn node_id(&self) -> Option<&NodeId> {
        match self {
            ProblemPlace::Node { id, .. } => Some(id),
            ProblemPlace::Citation { node_id, .. } => Some(node_id),
            ProblemPlace::Link { from, .. } | ProblemPlace::Question { from, .. } => Some(from),
            ProblemPlace::Map
            | ProblemPlace::MainClaim
            | ProblemPlace::Source { .. }
            | ProblemPlace::Presentation { .. } => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Problem {
    pub severity: Severity,
    pub place: ProblemPlace,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.severity.as_str(), self.message)
    }
}

/// Every problem in the map, errors first, then warnings, each group in file order.
pub fn validate(map: &ArgumentMap) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |severity, place, message: String| {
        out.push(Problem {
            severity,
            place,
            message,
        })
    };
    use Severity::{Error, Warning};

    if map.title.trim().is_empty() {
        push(Warning, ProblemPlace::Map, "the map has no title".into());
    }

    // Nodes: ids unique and non-empty, text present.
    let mut first_node: HashMap<&NodeId, usize> = HashMap::with_capacity(map.nodes.len());
    // Each node's index, or its id's first node's: what links to the id reach.
    let mut canonical: Vec<usize> = Vec::with_capacity(map.nodes.len());
    for (index, node) in map.nodes.iter().enumerate() {
        let place = || ProblemPlace::Node {
            index,
            id: node.id.clone(),
        };
        if node.id.as_str().trim().is_empty() {
            push(
                Error,
                place(),
                format!("node #{} has an empty id", index + 1),
            );
        } else if let Some(&first) = first_node.get(&node.id) {
            canonical.push(first);
            push(
                Error,
                place(),
                format!(
                    "duplicate node id \"{}\" (also node #{})",
                    node.id,
                    first + 1
                ),
            );
        } else {
            first_node.insert(&node.id, index);
        }
        if canonical.len() == index {
            canonical.push(index);
        }
        if node.text.trim().is_empty() {
            push(Error, place(), format!("node \"{}\" has no text", node.id));
        }
    }

    // Sources: ids unique and non-empty, titled, second-hand links resolvable.
    let mut first_source: HashMap<&SourceId, usize> = HashMap::with_capacity(map.sources.len());
    for (index, source) in map.sources.iter().enumerate() {
        let place = || ProblemPlace::Source {
            index,
            id: source.id.clone(),
        };
        // Recorded even when empty, so that citations find the source as `map.source` does.
        let duplicate = first_source.contains_key(&source.id);
        if !duplicate {
            first_source.insert(&source.id, index);
        }
        if source.id.as_str().trim().is_empty() {
            push(
                Error,
                place(),
                format!("source #{} has an empty id", index + 1),
            );
        } else if duplicate {
            push(
                Error,
                place(),
                format!("duplicate source id \"{}\"", source.id),
            );
        }
        if source.title.trim().is_empty() {
            push(
                Error,
                place(),
                format!("source \"{}\" has no title", source.id),
            );
        }
        if source.url.contains(crate::text::is_hidden_char) {
            push(
                Warning,
                place(),
                format!(
                    "the URL of source \"{}\" contains hidden characters that can make it look \
                     like another address: {}",
                    source.id,
                    crate::text::escape_hidden(&source.url)
                ),
            );
        }
    }
    for (index, source) in map.sources.iter().enumerate() {
        if let Some(via) = &source.reported_in {
            let place = ProblemPlace::Source {
                index,
                id: source.id.clone(),
            };
            if via == &source.id {
                push(
                    Error,
                    place,
                    format!("source \"{}\" is reported in itself", source.id),
                );
            } else if !first_source.contains_key(via) {
                push(
                    Error,
                    place,
                    format!(
                        "source \"{}\" is reported in \"{via}\", which is not in the source library",
                        source.id
                    ),
                );
            }
        }
    }

    // Links: both ends exist, no self-links, one link per pair.
    // By node index, so that each link's ends are looked up once.
    let mut linked = vec![false; map.nodes.len()];
    let mut supported = vec![false; map.nodes.len()];
    let mut answered = vec![false; map.nodes.len()];
    let mut pairs: HashMap<(&NodeId, &NodeId), usize> = HashMap::with_capacity(map.links.len());
    for (index, link) in map.links.iter().enumerate() {
        let place = || ProblemPlace::Link {
            index,
            from: link.from.clone(),
            to: link.to.clone(),
        };
        // Made only for a link with a problem: most have none, and this runs for every link.
        let describe = || format!("link \"{}\" -> \"{}\"", link.from, link.to);
        let ends = [&link.from, &link.to].map(|end| (end, first_node.get(end).copied()));
        for (end, found) in ends {
            match found {
                Some(i) => linked[i] = true,
                None => push(
                    Error,
                    place(),
                    format!("{} refers to missing node \"{end}\"", describe()),
                ),
            }
        }
        if let Some(to) = ends[1].1 {
            match link.relation {
                Relation::Supports => supported[to] = true,
                Relation::Opposes => answered[to] = true,
            }
        }
        if link.from == link.to {
            push(
                Error,
                place(),
                format!("{} links a node to itself", describe()),
            );
        }
        if let Some(&first) = pairs.get(&(&link.from, &link.to)) {
            push(
                Error,
                place(),
                format!("duplicate {} (also link #{})", describe(), first + 1),
            );
        } else {
            pairs.insert((&link.from, &link.to), index);
        }
        for premise in &link.with {
            if let Some(&i) = first_node.get(premise) {
                linked[i] = true;
            }
        }
    }
    for problem in super::reasons::reason_problems(map, &first_node, &pairs) {
        out.push(problem);
    }
    let mut push = |severity, place, message: String| {
        out.push(Problem {
            severity,
            place,
            message,
        })
    };

    if let Some(main) = &map.main_claim {
        match first_node.get(main).map(|&i| &map.nodes[i]) {
            None => push(
                Error,
                ProblemPlace::MainClaim,
                format!("the main claim \"{main}\" is not a node of the map"),
            ),
            Some(node) if node.kind != NodeKind::Claim => push(
                Warning,
                ProblemPlace::MainClaim,
                format!(
                    "the main claim \"{main}\" is {} {} node, not a claim",
                    article(node.kind),
                    node.kind.as_str()
                ),
            ),
            Some(_) => {}
        }
    }

    // Citations: sources exist; doubtful ones are warnings.
    let unquoted = quotes_not_found(map, &first_source);
    for (node_index, node) in map.nodes.iter().enumerate() {
        for (citation_index, citation) in node.citations.iter().enumerate() {
            let place = || ProblemPlace::Citation {
                node: node_index,
                node_id: node.id.clone(),
                citation: citation_index,
            };
            match first_source.get(&citation.source).map(|&i| &map.sources[i]) {
                None => push(
                    Error,
                    place(),
                    format!(
                        "node \"{}\" cites missing source \"{}\"",
                        node.id, citation.source
                    ),
                ),
                Some(source) => {
                    if source.reliability.is_none() && source.credibility.is_none() {
                        push(
                            Warning,
                            place(),
                            format!(
                                "node \"{}\" cites source \"{}\", which is not rated",
                                node.id, source.id
                            ),
                        );
                    }
                    if unquoted.contains(&(node_index, citation_index)) {
                        push(
                            Warning,
                            place(),
                            format!(
                                "node \"{}\" quotes words not found in the text of source \"{}\"",
                                node.id, source.id
                            ),
                        );
                    }
                }
            }
        }
    }

    for (index, node) in map.nodes.iter().enumerate() {
        let place = || ProblemPlace::Node {
            index,
            id: node.id.clone(),
        };
        if node.kind == NodeKind::Evidence && node.citations.is_empty() {
            push(
                Warning,
                place(),
                format!("evidence \"{}\" cites no source", node.id),
            );
        }
        let at = canonical[index];
        if map.nodes.len() > 1 && !linked[at] {
            push(
                Warning,
                place(),
                format!("node \"{}\" is not linked to anything", node.id),
            );
        } else if node.kind == NodeKind::Claim && !supported[at] {
            push(
                Warning,
                place(),
                format!("claim \"{}\" has nothing supporting it", node.id),
            );
        } else if node.kind == NodeKind::Counterpoint && !answered[at] {
            push(
                Warning,
                place(),
                format!("counterpoint \"{}\" is not answered by anything", node.id),
            );
        }
    }

    if let Some(steps) = &map.presentation {
        let mut shown: HashSet<&NodeId> = HashSet::new();
        for (n, step) in steps.iter().enumerate() {
            if step.nodes.is_empty() {
                push(
                    Warning,
                    ProblemPlace::Presentation { step: n },
                    format!("presentation step {} shows nothing", n + 1),
                );
            }
            for id in &step.nodes {
                if !first_node.contains_key(id) {
                    push(
                        Error,
                        ProblemPlace::Presentation { step: n },
                        format!("presentation step {} shows missing node \"{id}\"", n + 1),
                    );
                } else if !shown.insert(id) {
                    push(
                        Warning,
                        ProblemPlace::Presentation { step: n },
                        format!("presentation step {} shows node \"{id}\" again", n + 1),
                    );
                }
            }
        }
    }

    // Stable sort: errors first, file order kept within each severity.
    out.sort_by_key(|p| p.severity);
    out
}

/// The citations, as (node index, citation index), whose quote is not in their source's
/// text (where the source has one). Each source's text is normalised and read once for all
/// the quotes of it, not once per quote: a long source cited thousands of times stays linear.
fn quotes_not_found(
    map: &ArgumentMap,
    sources: &HashMap<&SourceId, usize>,
) -> HashSet<(usize, usize)> {
    let mut quotes: Vec<Vec<((usize, usize), String)>> = vec![Vec::new(); map.sources.len()];
    for (node_index, node) in map.nodes.iter().enumerate() {
        for (citation_index, citation) in node.citations.iter().enumerate() {
            if let Some(&source) = sources.get(&citation.source)
                && map.sources[source].text.is_some()
                && !citation.quote.trim().is_empty()
            {
                let quote = NormalizedText::new(&citation.quote).into_folded();
                quotes[source].push(((node_index, citation_index), quote));
            }
        }
    }
    let mut missing = HashSet::new();
    for (source, quotes) in map.sources.iter().zip(quotes) {
        let Some(text) = source.text.as_deref().filter(|_| !quotes.is_empty()) else {
            continue;
        };
        let set = QuoteSet::new(quotes.iter().map(|(_, q)| q.as_str()));
        let found = set.found_in(NormalizedText::new(text).as_str());
        for ((citation, _), found) in quotes.iter().zip(found) {
            if !found {
                missing.insert(*citation);
            }
        }
    }
    missing
}

fn article(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Evidence => "an",
        NodeKind::Claim | NodeKind::Counterpoint => "a",
    }
}

/// True when any problem is an error.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, Link, Node, Position, Relation, Source};

    fn node(id: &str, kind: NodeKind) -> Node {
        Node::new(id, kind, format!("text of {id}"), Position::default())
    }

    fn messages(map: &ArgumentMap) -> Vec<(Severity, String)> {
        validate(map)
            .into_iter()
            .map(|p| (p.severity, p.message))
            .collect()
    }

    fn sound_map() -> ArgumentMap {
        let mut map = ArgumentMap::new("Sound");
        let mut source = Source::new("s1", "A source");
        source.reliability = Some(crate::model::Reliability::B);
        map.sources.push(source);
        let mut ev = node("e", NodeKind::Evidence);
        ev.citations.push(Citation::new("s1", "quoted"));
        map.nodes = vec![node("c", NodeKind::Claim), ev];
        map.links = vec![Link::new("e", "c", Relation::Supports)];
        map
    }

    #[test]
    fn a_sound_map_has_no_problems() {
        assert_eq!(messages(&sound_map()), vec![]);
    }

    #[test]
    fn reports_every_error_at_once_with_its_place() {
        let mut map = sound_map();
        map.nodes.push(node("c", NodeKind::Claim));
        map.nodes[0].text = "  ".into();
        map.links.push(Link::new("e", "ghost", Relation::Supports));
        map.links.push(Link::new("c", "c", Relation::Opposes));
        map.links.push(Link::new("e", "c", Relation::Opposes));
        map.nodes[1].citations.push(Citation::new("nowhere", "q"));
        map.sources.push(Source::new("s1", "Again"));

        let problems = validate(&map);
        let errors: Vec<_> = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.message.as_str())
            .collect();
        assert_eq!(
            errors,
            vec![
                "node \"c\" has no text",
                "duplicate node id \"c\" (also node #1)",
                "duplicate source id \"s1\"",
                "link \"e\" -> \"ghost\" refers to missing node \"ghost\"",
                "link \"c\" -> \"c\" links a node to itself",
                "duplicate link \"e\" -> \"c\" (also link #1)",
                "node \"e\" cites missing source \"nowhere\"",
            ]
        );
        let dup = problems
            .iter()
            .find(|p| p.message.starts_with("duplicate node"))
            .unwrap();
        assert_eq!(
            dup.place,
            ProblemPlace::Node {
                index: 2,
                id: "c".into()
            }
        );
        let cite = problems
            .iter()
            .find(|p| p.message.contains("missing source"))
            .unwrap();
        assert_eq!(
            cite.place,
            ProblemPlace::Citation {
                node: 1,
                node_id: "e".into(),
                citation: 1
            }
        );
    }

    #[test]
    fn doubtful_analysis_is_a_warning() {
        let mut map = sound_map();
        map.nodes[1].citations.clear();
        map.nodes.push(node("lonely", NodeKind::Counterpoint));
        assert_eq!(
            messages(&map),
            vec![
                (Severity::Warning, "evidence \"e\" cites no source".into()),
                (
                    Severity::Warning,
                    "node \"lonely\" is not linked to anything".into()
                ),
            ]
        );
    }

    #[test]
    fn unsupported_claims_unanswered_counterpoints_and_unrated_sources_are_warnings() {
        let mut map = sound_map();
        map.nodes.push(node("bare", NodeKind::Claim));
        map.nodes.push(node("cp", NodeKind::Counterpoint));
        map.links.push(Link::new("bare", "c", Relation::Supports));
        map.links.push(Link::new("cp", "c", Relation::Opposes));
        map.sources[0].reliability = None;
        assert_eq!(
            messages(&map),
            vec![
                (
                    Severity::Warning,
                    "node \"e\" cites source \"s1\", which is not rated".into()
                ),
                (
                    Severity::Warning,
                    "claim \"bare\" has nothing supporting it".into()
                ),
                (
                    Severity::Warning,
                    "counterpoint \"cp\" is not answered by anything".into()
                ),
            ]
        );
        // Answering the counterpoint and supporting the claim clears them.
        map.nodes.push(node("answer", NodeKind::Claim));
        map.links.push(Link::new("answer", "cp", Relation::Opposes));
        map.links.push(Link::new("e", "bare", Relation::Supports));
        map.links.push(Link::new("e", "answer", Relation::Supports));
        map.sources[0].credibility = crate::model::Credibility::new(2);
        assert_eq!(messages(&map), vec![]);
    }

    #[test]
    fn quotes_must_be_found_in_the_source_text() {
        let mut map = sound_map();
        map.sources[0].text = Some("The text was\nquoted here.".into());
        assert_eq!(messages(&map), vec![]);
        map.nodes[1].citations[0].quote = "not in there".into();
        assert_eq!(
            messages(&map),
            vec![(
                Severity::Warning,
                "node \"e\" quotes words not found in the text of source \"s1\"".into()
            )]
        );
    }

    #[test]
    fn main_claim_must_exist() {
        let mut map = sound_map();
        map.main_claim = Some("gone".into());
        assert!(has_errors(&validate(&map)));
        map.main_claim = Some("e".into());
        assert_eq!(
            messages(&map),
            vec![(
                Severity::Warning,
                "the main claim \"e\" is an evidence node, not a claim".into()
            )]
        );
    }
}
