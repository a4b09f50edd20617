//! Reading AIF JSON: AIFdb's plain `{nodes, edges, locutions}` or OVA's wrapped
//! `{"AIF": {…}, "OVA": {…}, "text": …}`.
//!
//! I-nodes become nodes. Each RA node is one reason holding all its premises (I-nodes into it)
//! for each conclusion (I-nodes out of it): one reason per conclusion, sharing the premises.
//! Each CA node is one opposing reason of all its attackers on each target; a CA that attacks
//! an RA or CA is an undercut of the reason that node became. Schemes named by the S-node
//! are kept (the catalogue's id when it knows the name). Only when a reason per conclusion
//! would repeat more than a thousand premises does one node stand for the premises taken
//! together. An edge straight from one I-node to another is read as a support. L-nodes
//! anchored to I-nodes through YA nodes become citations: the speaker is a source (reported
//! in the analysed text, OVA's `text`, when there is one) and the locution is the quote. Node
//! types argmap has no place for (MA, PA, TA, other YA) are reported, counted per type.

use super::json::{self, Extension, Root, Scalar};
use crate::interchange::ids::{UniqueIds, slug};
use crate::interchange::kinds::infer_kinds;
use crate::interchange::lines::LineStarts;
use crate::interchange::reasons::{Reason, Reasons, scheme_named};
use crate::interchange::{ImportError, Imported, Message, arrange_imported};
use crate::model::{
    ArgumentMap, Citation, Node, NodeId, NodeKind, Position, Relation, Source, SourceId,
    SourceKind, Step, scheme,
};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

/// Line of the first `KEY: X` in the raw text for each X (`key` is `"nodeID"` or
/// `"edgeID"`, quotes included), for messages: serde_json keeps no places. One pass; the
/// X are borrowed from the text.
fn first_lines<'a>(text: &'a str, key: &str, lines: &LineStarts) -> HashMap<&'a str, usize> {
    let mut found = HashMap::new();
    for (start, _) in text.match_indices(key) {
        let rest = text[start + key.len()..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start();
        let value = if let Some(quoted) = rest.strip_prefix('"') {
            quoted.split('"').next().unwrap_or_default()
        } else {
            rest.split(|c: char| !c.is_ascii_alphanumeric() && c != '.' && c != '-')
                .next()
                .unwrap_or_default()
        };
        found.entry(value).or_insert_with(|| lines.line(start));
    }
    found
}

/// A message at `line` when it is known.
fn placed(line: Option<usize>, message: String) -> Message {
    match line {
        Some(l) => Message::at(l, None, message),
        None => Message::nowhere(message),
    }
}

/// An AIF node, its strings borrowed from the file where they can be.
struct AifNode<'a> {
    id: Cow<'a, str>,
    kind: Cow<'a, str>,
    text: Cow<'a, str>,
    scheme: Option<Cow<'a, str>>,
    scheme_id: Option<Cow<'a, str>>,
}

/// The premises of an RA (or attackers of a CA) and what they bear on together: conclusions
/// (or targets), each with the reason it undercuts when it does.
struct Shared {
    premises: Vec<usize>,
    targets: Vec<(usize, Option<usize>)>,
    relation: Relation,
    scheme: Option<String>,
    s_node: usize,
}

/// Beyond this many premise–conclusion pairs, an S-node's premises get a node of their own
/// rather than being repeated in a reason per conclusion, so that no file makes more than a
/// constant times its edges in premises: P × C ≤ 1024 with P + C edges is at most 16
/// premises per edge.
const MOST_SHARED_PREMISES: usize = 1024;

/// Makes a node for an S-node's premises taken together; see `joint_text`.
type JointNode<'n> = dyn FnMut(&mut Vec<Node>, &mut Vec<usize>, usize, &str) -> usize + 'n;

impl Reasons {
    /// One reason per target, all with the S-node's premises; or, when that would repeat too
    /// many premises, one reason from the premises to a node made for them and one from that
    /// node to each target (with a warning). Returns the reasons on the targets, in order.
    #[allow(clippy::too_many_arguments)]
    fn add_shared(
        &mut self,
        shared: Shared,
        map_nodes: &mut Vec<Node>,
        aif_of: &mut Vec<usize>,
        joint_node: &mut JointNode,
        via: &str,
        line: Option<usize>,
        warnings: &mut Vec<Message>,
    ) -> Vec<usize> {
        let Shared {
            premises,
            targets,
            relation,
            scheme,
            s_node,
        } = shared;
        let (p, t) = (premises.len(), targets.len());
        let reason =
            |premises: Vec<usize>, (target, undercuts): (usize, Option<usize>), k| Reason {
                premises,
                target,
                relation,
                undercuts,
                scheme: scheme.clone(),
                order: (s_node, k),
                s_node: Some(s_node),
                warrant: None,
                answers: None,
            };
        if p > 1 && t > 1 && p * t > MOST_SHARED_PREMISES {
            let (what, ends, acts) = match relation {
                Relation::Supports => ("premises", "conclusions", "supports each conclusion"),
                Relation::Opposes => ("attackers", "targets", "opposes each target"),
            };
            let joint = joint_node(map_nodes, aif_of, s_node, &format!("the {what}"));
            warnings.push(placed(
                line,
                format!(
                    "{via} has {p} {what} and {t} {ends}; argmap adds the node \"{}\" for its {what} taken jointly: together they support it, and it {acts} ({} reasons, not {t} reasons of {p} premises each)",
                    map_nodes[joint].id,
                    t + 1,
                ),
            ));
            let mut together = reason(premises, (joint, None), 0);
            together.relation = Relation::Supports;
            together.undercuts = None;
            together.scheme = None;
            self.add(together, map_nodes, via, line, warnings);
            return targets
                .into_iter()
                .enumerate()
                .filter_map(|(k, target)| {
                    self.add(
                        reason(vec![joint], target, k + 1),
                        map_nodes,
                        via,
                        line,
                        warnings,
                    )
                })
                .collect();
        }
        targets
            .into_iter()
            .enumerate()
            .filter_map(|(k, target)| {
                self.add(
                    reason(premises.clone(), target, k),
                    map_nodes,
                    via,
                    line,
                    warnings,
                )
            })
            .collect()
    }
}

/// The scheme an RA or CA node names, in its `scheme` member or its text (AIFdb writes the
/// scheme's name as the node's text): the catalogue's id when the catalogue knows it, else
/// the name as written. A scheme given only by a number (`schemeID`) is reported: its name is
/// in AIFdb's scheme table, which argmap does not have.
fn scheme_of(node: &AifNode, line: Option<usize>, warnings: &mut Vec<Message>) -> Option<String> {
    let names = [node.scheme.as_deref(), Some(node.text.as_ref())];
    let named: Vec<String> = names
        .into_iter()
        .flatten()
        .filter_map(scheme_named)
        .collect();
    // A catalogue scheme wins over a foreign name given with it.
    if let Some(known) = named.iter().find(|n| scheme::find(n).is_some()) {
        return Some(known.clone());
    }
    if let Some(first) = named.into_iter().next() {
        return Some(first);
    }
    if let Some(number) = node.scheme_id.as_deref().map(str::trim)
        && !number.is_empty()
        && !matches!(number, "71" | "72")
    {
        warnings.push(placed(
            line,
            format!(
                "\"{}\" names its scheme only by the number {number}, whose name argmap does not know; the scheme is left out",
                node.id
            ),
        ));
    }
    None
}

/// Each node of `list` once, in order, when `keep` says so.
fn distinct(list: &[usize], keep: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut seen = HashSet::new();
    list.iter()
        .copied()
        .filter(|&n| keep(n) && seen.insert(n))
        .collect()
}

/// OVA's analysed text is HTML; argmap keeps it as plain text.
fn html_to_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            out.push_str(&rest[lt..]);
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt].trim().to_ascii_lowercase();
        if tag.starts_with("br") || tag == "/div" || tag == "/p" {
            out.push('\n');
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded.trim().to_owned()
}

/// The text of the node that stands for the premises of an inference (or the attackers of a
/// conflict) taken together: what it is, and the scheme the AIF node names.
fn joint_text(what: &str, node: &AifNode) -> String {
    let scheme = [
        node.text.trim(),
        node.scheme.as_deref().unwrap_or("").trim(),
    ]
    .into_iter()
    .find(|s| !s.is_empty())
    .map(|s| format!(" ({s})"))
    .unwrap_or_default();
    format!("{what} of \"{}\" taken jointly{scheme}", node.id)
}

pub fn read(text: &str, fallback_title: &str) -> Result<Imported, ImportError> {
    let not_aif = || {
        ImportError::one(Message::at(
            1,
            Some(1),
            "this JSON is not AIF: it has no \"nodes\" list (nor an \"AIF\" object with one)",
        ))
    };
    let root = json::parse(text)
        .map_err(|e| {
            ImportError::one(Message::at(
                e.line().max(1),
                Some(e.column().max(1)),
                format!("not valid JSON: {e}"),
            ))
        })?
        .ok_or_else(not_aif)?;
    let Root {
        wrapped,
        plain,
        ova,
        text: analysed,
        extension,
    } = root;
    let aif = wrapped.unwrap_or(plain);
    let Some(raw_nodes) = aif.nodes.0 else {
        return Err(not_aif());
    };
    let line_starts = LineStarts::new(text);
    let node_lines = first_lines(text, "\"nodeID\"", &line_starts);
    let edge_lines = first_lines(text, "\"edgeID\"", &line_starts);
    let line_of = |id: &str| node_lines.get(id).copied();
    let mut warnings: Vec<Message> = Vec::new();

    let mut nodes: Vec<AifNode> = Vec::with_capacity(raw_nodes.len());
    let mut by_id: HashMap<Cow<str>, usize> = HashMap::with_capacity(raw_nodes.len());
    for (i, n) in raw_nodes.into_iter().enumerate() {
        let Some(id) = n.id.into_id() else {
            warnings.push(Message::nowhere(format!(
                "AIF node #{} has no nodeID; it is left out",
                i + 1
            )));
            continue;
        };
        let kind = n.kind.into_str().unwrap_or_default();
        let node_text = n.text.into_str().unwrap_or_default();
        if by_id.contains_key(&id) {
            warnings.push(placed(
                line_of(&id),
                format!("the nodeID \"{id}\" appears twice; the second node is left out"),
            ));
            continue;
        }
        by_id.insert(id.clone(), nodes.len());
        nodes.push(AifNode {
            id,
            kind,
            text: node_text,
            scheme: n.scheme.into_str(),
            scheme_id: n.scheme_id.into_id(),
        });
    }
    let is = |i: usize, kind: &str| nodes[i].kind == kind;
    let mut ins: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    let mut outs: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    // Edges straight from one I-node to another, with their lines.
    let mut direct: Vec<(usize, usize, Option<usize>)> = Vec::new();
    for e in aif.edges.0.into_iter().flatten() {
        let from = e.from.into_id();
        let to = e.to.into_id();
        let line =
            e.id.into_id()
                .and_then(|id| edge_lines.get(id.as_ref()).copied())
                .or_else(|| from.as_deref().and_then(line_of));
        match (from.as_ref().and_then(|f| by_id.get(f)), to.as_ref().and_then(|t| by_id.get(t))) {
            (Some(&f), Some(&t)) => {
                outs[f].push(t);
                ins[t].push(f);
                if is(f, "I") && is(t, "I") {
                    direct.push((f, t, line));
                }
            }
            _ => warnings.push(placed(
                line,
                format!(
                    "an edge from \"{}\" to \"{}\" names a node that is not in the file; it is left out",
                    from.unwrap_or_default(),
                    to.unwrap_or_default()
                ),
            )),
        }
    }

    // I-nodes become nodes, with the AIF ids (unique, non-empty) as node ids.
    let mut ids = UniqueIds::default();
    // The map node of each I-node, and the AIF node each map node comes from.
    let mut node_of: Vec<Option<usize>> = vec![None; nodes.len()];
    let mut aif_of: Vec<usize> = Vec::new();
    let mut map_nodes: Vec<Node> = Vec::new();
    for (i, n) in nodes.iter().enumerate().filter(|(i, _)| is(*i, "I")) {
        let id = if n.id.trim().is_empty() {
            ids.fresh("", "node")
        } else {
            ids.fresh(&n.id, "node")
        };
        let text = if n.text.trim().is_empty() {
            warnings.push(placed(
                line_of(&n.id),
                format!("I-node \"{}\" has no text", n.id),
            ));
            "(no text)".to_owned()
        } else {
            n.text.to_string()
        };
        node_of[i] = Some(map_nodes.len());
        aif_of.push(i);
        map_nodes.push(Node::new(id, NodeKind::Claim, text, Position::default()));
    }
    let mut joint_node = |map_nodes: &mut Vec<Node>,
                          aif_of: &mut Vec<usize>,
                          s: usize,
                          what: &str| {
        let n = &nodes[s];
        let base = if n.id.trim().is_empty() { "" } else { &n.id };
        let id = ids.fresh(
            base,
            if n.kind == "RA" {
                "inference"
            } else {
                "conflict"
            },
        );
        let mut node = Node::new(
            id,
            NodeKind::Claim,
            joint_text(what, n),
            Position::default(),
        );
        node.notes = format!(
            "Made by argmap on import for the AIF {} node \"{}\", which joins several nodes to several others.",
            n.kind, n.id
        );
        aif_of.push(s);
        map_nodes.push(node);
        map_nodes.len() - 1
    };

    let mut reasons = Reasons::default();
    let map_of = |i: usize| node_of[i].expect("I-nodes are map nodes");
    // What each S-node made: its reasons on its conclusions (or targets), in their order. An
    // undercut of the S-node attacks the first of them.
    let mut made: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    // A conflict that attacks an S-node is read once that S-node's reasons are known:
    // `waiting_on[c]` counts the S-nodes conflict `c` still waits for, `attacked_by[s]` the
    // conflicts waiting for `s` (Kahn's order, so a chain of undercuts is one pass).
    let is_s = |i: usize| is(i, "RA") || is(i, "CA");
    let mut waiting_on: Vec<usize> = vec![0; nodes.len()];
    let mut attacked_by: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for c in (0..nodes.len()).filter(|&c| is(c, "CA")) {
        for t in distinct(&outs[c], is_s) {
            waiting_on[c] += 1;
            attacked_by[t].push(c);
        }
    }
    let mut ready: VecDeque<usize> = (0..nodes.len())
        .filter(|&s| is_s(s) && waiting_on[s] == 0)
        .collect();
    let mut read_s_nodes = 0;
    while let Some(s) = ready.pop_front() {
        read_s_nodes += 1;
        let n = &nodes[s];
        let line = line_of(&n.id);
        let scheme = scheme_of(n, line, &mut warnings);
        // Premises (or attackers) in edge order, repeats kept so that they are reported.
        let premises: Vec<usize> = ins[s]
            .iter()
            .copied()
            .filter(|&p| is(p, "I"))
            .map(map_of)
            .collect();
        // What the S-node bears on: (conclusion or target, the reason it undercuts).
        let (via, relation, targets) = if n.kind == "RA" {
            let via = format!("inference (RA) \"{}\"", n.id);
            for t in distinct(&outs[s], is_s) {
                warnings.push(placed(
                    line,
                    format!(
                        "{via} leads to the {} node \"{}\", which argmap cannot show; that edge is left out",
                        nodes[t].kind, nodes[t].id
                    ),
                ));
            }
            let conclusions: Vec<usize> = distinct(&outs[s], |t| is(t, "I"))
                .into_iter()
                .map(map_of)
                .collect();
            if premises.is_empty() || conclusions.is_empty() {
                warnings.push(placed(
                    line,
                    format!("{via} lacks a premise or a conclusion; left out"),
                ));
            }
            let targets: Vec<(usize, Option<usize>)> =
                conclusions.iter().map(|&c| (c, None)).collect();
            (via, Relation::Supports, targets)
        } else {
            let via = format!("conflict (CA) \"{}\"", n.id);
            if premises.is_empty() {
                warnings.push(placed(line, format!("{via} has no attacker; left out")));
            }
            // Each target: an I-node it opposes, or the reason of the S-node it undercuts.
            let mut targets: Vec<(usize, Option<usize>)> = Vec::new();
            for t in distinct(&outs[s], |_| true) {
                if is(t, "I") {
                    targets.push((map_of(t), None));
                } else if is_s(t) {
                    let attacked = &nodes[t];
                    match made[t].as_slice() {
                        [] => warnings.push(placed(
                            line,
                            format!(
                                "{via} attacks {} \"{}\", which is left out; so is the attack",
                                if attacked.kind == "RA" {
                                    "inference"
                                } else {
                                    "conflict"
                                },
                                attacked.id
                            ),
                        )),
                        [first, rest @ ..] => {
                            let reason = &reasons.list[*first];
                            if !rest.is_empty() {
                                warnings.push(placed(
                                    line,
                                    format!(
                                        "{via} undercuts \"{}\", which bears on {} nodes; argmap reads it as undercutting the reason on the first, \"{}\"",
                                        attacked.id,
                                        rest.len() + 1,
                                        map_nodes[reason.target].id
                                    ),
                                ));
                            }
                            targets.push((reason.target, Some(reason.premises[0])));
                        }
                    }
                } else {
                    warnings.push(placed(
                        line,
                        format!(
                            "{via} attacks a {} node, which argmap cannot show; left out",
                            nodes[t].kind
                        ),
                    ));
                }
            }
            (via, Relation::Opposes, targets)
        };
        if !premises.is_empty() && !targets.is_empty() {
            made[s] = reasons.add_shared(
                Shared {
                    premises,
                    targets,
                    relation,
                    scheme,
                    s_node: s,
                },
                &mut map_nodes,
                &mut aif_of,
                &mut joint_node,
                &via,
                line,
                &mut warnings,
            );
        }
        for &c in &attacked_by[s] {
            waiting_on[c] -= 1;
            if waiting_on[c] == 0 {
                ready.push_back(c);
            }
        }
    }
    if read_s_nodes
        < nodes
            .iter()
            .filter(|n| n.kind == "RA" || n.kind == "CA")
            .count()
    {
        for c in (0..nodes.len()).filter(|&c| is(c, "CA") && waiting_on[c] > 0) {
            warnings.push(placed(
                line_of(&nodes[c].id),
                format!(
                    "conflict (CA) \"{}\" attacks a conflict that, in a circle of attacks on attacks, attacks it back; argmap cannot tell which reason each attacks, so it is left out",
                    nodes[c].id
                ),
            ));
        }
    }

    let mut ignored: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (s, n) in nodes.iter().enumerate() {
        let anchors = ins[s].iter().any(|&l| is(l, "L")) && outs[s].iter().any(|&i| is(i, "I"));
        match n.kind.as_ref() {
            "I" | "L" | "RA" | "CA" => {}
            "YA" if anchors => {}
            other => {
                let kind = if other.is_empty() { "untyped" } else { other };
                ignored
                    .entry(kind.to_owned())
                    .or_insert((0, n.id.to_string()))
                    .0 += 1;
            }
        }
    }
    // AIF puts an inference or a conflict between two I-nodes; an edge straight from one to
    // the other most likely means the first supports the second.
    for (edge, (f, t, line)) in direct.into_iter().enumerate() {
        let (from, to) = (&nodes[f].id, &nodes[t].id);
        let via = format!("the edge from I-node \"{from}\" to I-node \"{to}\"");
        if f != t {
            warnings.push(placed(
                line,
                format!(
                    "{via} has no inference (RA) or conflict (CA) node between them; argmap reads it as \"{from}\" supporting \"{to}\""
                ),
            ));
        }
        reasons.add(
            Reason::new(
                vec![map_of(f)],
                map_of(t),
                Relation::Supports,
                (nodes.len() + edge, 0),
            ),
            &map_nodes,
            &via,
            line,
            &mut warnings,
        );
    }
    for (kind, (count, first)) in &ignored {
        let what = match kind.as_str() {
            "MA" => "rephrase (MA) nodes",
            "PA" => "preference (PA) nodes",
            "TA" => "transition (TA) nodes",
            "YA" => "illocution (YA) nodes that do not anchor a locution to an I-node",
            _ => "nodes of this type",
        };
        warnings.push(placed(
            line_of(first),
            format!(
                "{what} (type \"{kind}\") left out, argmap has no place for them: {count} (first \"{first}\")"
            ),
        ));
    }

    let mut map = ArgumentMap::new(
        extension
            .as_ref()
            .and_then(|e| e.title.as_str())
            .unwrap_or(fallback_title),
    );
    // The map's reasons in the file's order (conflicts on S-nodes were read after them).
    let mut list = reasons.list;
    list.sort_by_key(|r| r.order);
    // Each premise–target pair, for placing nodes made for S-nodes.
    let ends: Vec<(usize, usize)> = list
        .iter()
        .flat_map(|r| r.premises.iter().map(move |&p| (p, r.target)))
        .collect();
    let mut links_of_s_node: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, r) in list.iter().enumerate() {
        if let Some(s) = r.s_node {
            links_of_s_node
                .entry(nodes[s].id.as_ref())
                .or_default()
                .push(index);
        }
    }
    map.links = list.iter().map(|r| r.to_link(&map_nodes)).collect();
    map.nodes = map_nodes;

    match extension {
        Some(ext) => apply_extension(&mut map, ext, &links_of_s_node, &mut warnings),
        None => {
            let url = ova.as_ref().map_or(&Scalar::Other, |o| &o.url);
            let people = Speakers {
                analysed: &analysed,
                url,
                participants: aif.participants.items(),
                locutions: aif.locutions.items(),
            };
            locutions(&mut map, people, &nodes, &outs, &node_of, &mut warnings);
            let guesses = infer_kinds(map.nodes.iter().map(|n| n.id.as_str()), &map.links);
            for (node, kind) in map.nodes.iter_mut().zip(guesses) {
                node.kind = kind;
            }
        }
    }
    let ova_nodes = ova.map(|o| o.nodes.0.unwrap_or_default());
    place(
        &mut map,
        ova_nodes.unwrap_or_default(),
        &nodes,
        &aif_of,
        &ends,
    );
    if map.nodes.is_empty() {
        warnings.push(Message::nowhere(
            "the file has no I-nodes; the map is empty",
        ));
    }
    crate::interchange::refuse_invalid(&map)?;
    warnings.sort_by_key(|w| w.line.unwrap_or(usize::MAX));
    Ok(Imported { map, warnings })
}

/// Positions from OVA when every I-node has one (a node made for an S-node without one sits
/// amid the nodes it links), else arranged as Arrange All would.
fn place(
    map: &mut ArgumentMap,
    ova_nodes: Vec<json::OvaNode>,
    nodes: &[AifNode],
    aif_of: &[usize],
    links: &[(usize, usize)],
) {
    let mut positions: HashMap<Cow<str>, Position> = HashMap::with_capacity(ova_nodes.len());
    for n in ova_nodes {
        if let (Some(x), Some(y)) = (n.x.as_f64(), n.y.as_f64())
            && let Some(id) = n.id.into_id()
        {
            positions.insert(id, Position::new(x as f32, y as f32));
        }
    }
    let given: Vec<Option<Position>> = aif_of
        .iter()
        .map(|&a| positions.get(nodes[a].id.as_ref()).copied())
        .collect();
    let all_i_placed = aif_of
        .iter()
        .zip(&given)
        .all(|(&a, p)| p.is_some() || nodes[a].kind != "I");
    if !all_i_placed || map.nodes.is_empty() {
        arrange_imported(map);
        return;
    }
    // Nodes made for S-nodes link only I-nodes, which are placed.
    let mut sums: Vec<(f32, f32, f32)> = vec![(0.0, 0.0, 0.0); given.len()];
    for &(f, t) in links {
        for (me, other) in [(f, t), (t, f)] {
            if given[me].is_none()
                && let Some(p) = given[other]
            {
                let s = &mut sums[me];
                *s = (s.0 + p.x, s.1 + p.y, s.2 + 1.0);
            }
        }
    }
    for (i, node) in map.nodes.iter_mut().enumerate() {
        let pos = given[i].unwrap_or_else(|| {
            let (x, y, count) = sums[i];
            let count = count.max(1.0);
            Position::new(x / count, y / count)
        });
        node.pos = pos.rounded();
    }
}

/// What argmap wrote under `"argmap"`: kinds, notes, citations, sources, main claim, talk.
fn apply_extension(
    map: &mut ArgumentMap,
    ext: Extension,
    links_of_s_node: &HashMap<&str, Vec<usize>>,
    warnings: &mut Vec<Message>,
) {
    // A reason's warrant, answer and exact scheme, by the S-node that stands for it.
    for r in ext.reasons.items() {
        let Some(links) = r.node.as_str().and_then(|id| links_of_s_node.get(id)) else {
            warnings.push(Message::nowhere(format!(
                "\"argmap\" describes the reason of \"{}\", which is no inference or conflict of the file; left out",
                r.node.as_str().unwrap_or_default()
            )));
            continue;
        };
        for &l in links {
            let link = &mut map.links[l];
            if let Some(s) = r.scheme.as_str() {
                link.scheme = Some(s.to_owned());
            }
            link.warrant = r.warrant.as_str().map(str::to_owned);
            link.answers = r.answers.as_u32();
        }
    }
    if let Some(d) = ext.description.as_str() {
        map.description = d.to_owned();
    }
    let mut sources: Vec<Source> = Vec::new();
    let mut kept: HashSet<SourceId> = HashSet::new();
    for s in ext
        .sources
        .as_ref()
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        match serde_json::from_value::<Source>(s.clone()) {
            Ok(source) if !kept.contains(&source.id) && !source.title.trim().is_empty() => {
                kept.insert(source.id.clone());
                sources.push(source)
            }
            Ok(source) => warnings.push(Message::nowhere(format!(
                "source \"{}\" is a duplicate or has no title; left out",
                source.id
            ))),
            Err(e) => warnings.push(Message::nowhere(format!(
                "a source in \"argmap\" cannot be read ({e}); left out"
            ))),
        }
    }
    let known: HashSet<SourceId> = sources.iter().map(|s| s.id.clone()).collect();
    for s in &mut sources {
        if s.reported_in
            .as_ref()
            .is_some_and(|via| !known.contains(via) || *via == s.id)
        {
            s.reported_in = None;
        }
    }
    map.sources = sources;
    let mut infer = Vec::new();
    // What the extension says about each node, by id (the first entry for an id counts).
    let mut info_of: HashMap<&str, &json::ExtensionNode> = HashMap::new();
    for n in ext.nodes.items() {
        if let Some(id) = n.id.as_str() {
            info_of.entry(id).or_insert(n);
        }
    }
    for (i, node) in map.nodes.iter_mut().enumerate() {
        let Some(&info) = info_of.get(node.id.as_str()) else {
            infer.push(i);
            continue;
        };
        match info.kind.clone().map(serde_json::from_value::<NodeKind>) {
            Some(Ok(kind)) => node.kind = kind,
            _ => infer.push(i),
        }
        node.notes = info.notes.as_str().unwrap_or("").to_owned();
        node.pinned = info.pinned.as_bool().unwrap_or(false);
        if let Some(cs) = info.citations.as_ref().and_then(Value::as_array) {
            for c in cs {
                match serde_json::from_value::<Citation>(c.clone()) {
                    Ok(c) if known.contains(&c.source) => node.citations.push(c),
                    _ => warnings.push(Message::nowhere(format!(
                        "a citation of node \"{}\" names no source of the map; left out",
                        node.id
                    ))),
                }
            }
        }
    }
    let guesses = infer_kinds(map.nodes.iter().map(|n| n.id.as_str()), &map.links);
    for i in infer {
        map.nodes[i].kind = guesses[i];
    }
    if let Some(main) = ext.main_claim.as_str()
        && map.node(&NodeId::from(main)).is_some()
    {
        map.main_claim = Some(main.into());
    }
    if let Some(steps) = ext.presentation
        && let Ok(mut steps) = serde_json::from_value::<Vec<Step>>(steps)
    {
        let known: HashSet<&NodeId> = map.nodes.iter().map(|n| &n.id).collect();
        for step in &mut steps {
            step.nodes.retain(|id| known.contains(id));
        }
        map.presentation = Some(steps);
    }
}

/// What a file says about who said what: OVA's analysed text and its address, and AIF's
/// participants and locutions.
struct Speakers<'s, 'a> {
    analysed: &'s Scalar<'a>,
    url: &'s Scalar<'a>,
    participants: &'s [json::Participant<'a>],
    locutions: &'s [json::Locution<'a>],
}

/// Sources and citations from L-nodes anchored to I-nodes (L → YA → I) and OVA's text.
fn locutions(
    map: &mut ArgumentMap,
    said: Speakers,
    nodes: &[AifNode],
    outs: &[Vec<usize>],
    node_of: &[Option<usize>],
    warnings: &mut Vec<Message>,
) {
    let text = said
        .analysed
        .as_str()
        .map(html_to_text)
        .filter(|t| !t.is_empty());
    let mut people: HashMap<Cow<str>, String> = HashMap::new();
    for p in said.participants {
        if let Some(id) = p.id.clone().into_id() {
            let name = [&p.firstname, &p.surname]
                .into_iter()
                .filter_map(Scalar::as_str)
                .collect::<Vec<_>>()
                .join(" ");
            people.insert(id, name.trim().to_owned());
        }
    }
    let mut speaker_of: HashMap<Cow<str>, String> = HashMap::new();
    for l in said.locutions {
        if let (Some(node), Some(person)) = (l.node.clone().into_id(), l.person.clone().into_id())
            && let Some(name) = people.get(&person).filter(|n| !n.is_empty())
        {
            speaker_of.insert(node, name.clone());
        }
    }
    let mut ids = UniqueIds::default();
    let text_source = text.map(|t| {
        ids.take("text");
        let mut s = Source::new("text", "Analysed text");
        s.kind = SourceKind::Other;
        s.text = Some(t);
        if let Some(url) = said.url.as_str() {
            s.url = url.to_owned();
        }
        s
    });
    let has_text = text_source.is_some();
    // The source of locutions without a speaker when there is no analysed text.
    let mut locutions_source: Option<SourceId> = None;
    let mut sources: Vec<Source> = text_source.into_iter().collect();
    // Citations already given, so that a locution anchored twice is cited once.
    let mut cited: HashSet<(usize, SourceId, String)> = HashSet::new();
    let mut by_speaker: HashMap<String, SourceId> = HashMap::new();
    let mut unanchored = 0;
    for (l, n) in nodes.iter().enumerate().filter(|(_, n)| n.kind == "L") {
        let targets: Vec<usize> = outs[l]
            .iter()
            .filter(|&&ya| nodes[ya].kind == "YA")
            .flat_map(|&ya| outs[ya].iter().copied())
            .filter(|&i| nodes[i].kind == "I")
            .collect();
        if targets.is_empty() {
            unanchored += 1;
            continue;
        }
        let (speaker, quote) = match speaker_of.get(n.id.as_ref()) {
            Some(name) => (
                Some(name.clone()),
                n.text
                    .strip_prefix(&format!("{name}:"))
                    .unwrap_or(&n.text)
                    .trim()
                    .to_owned(),
            ),
            None => match n.text.split_once(": ") {
                Some((who, said)) if !who.is_empty() && who.len() < 60 => {
                    (Some(who.trim().to_owned()), said.trim().to_owned())
                }
                _ => (None, n.text.trim().to_owned()),
            },
        };
        let source_id = match speaker {
            Some(name) => by_speaker
                .entry(name.clone())
                .or_insert_with(|| {
                    let id = ids.fresh(&slug(&name, 30), "speaker");
                    let mut s = Source::new(id.as_str(), name.as_str());
                    s.kind = SourceKind::Statement;
                    if has_text {
                        s.reported_in = Some("text".into());
                    }
                    sources.push(s);
                    id.into()
                })
                .clone(),
            None if has_text => SourceId::from("text"),
            None => locutions_source
                .get_or_insert_with(|| {
                    let id = ids.fresh("locutions", "locutions");
                    let mut s = Source::new(id.as_str(), "Locutions in the AIF file");
                    s.kind = SourceKind::Other;
                    sources.push(s);
                    SourceId::from(id)
                })
                .clone(),
        };
        for t in targets {
            let Some(m) = node_of[t] else { continue };
            if cited.insert((m, source_id.clone(), quote.clone())) {
                map.nodes[m]
                    .citations
                    .push(Citation::new(source_id.clone(), quote.clone()));
            }
        }
    }
    if unanchored > 0 {
        warnings.push(Message::nowhere(format!(
            "{unanchored} locutions (L-nodes) are not anchored to an I-node through a YA node; left out"
        )));
    }
    map.sources = sources;
}

#[cfg(test)]
mod tests {
    use super::super::write::{CONFLICT_SCHEME, INFERENCE_SCHEME};
    use super::*;

    #[test]
    fn schemes_are_the_ones_the_notes_name() {
        assert_eq!(INFERENCE_SCHEME.1, "72");
        assert_eq!(CONFLICT_SCHEME.1, "71");
    }

    #[test]
    fn plain_aifdb_json_with_numeric_ids() {
        let text = r#"{"nodes": [
            {"nodeID": 1, "text": "Claim", "type": "I"},
            {"nodeID": 2, "text": "Fact", "type": "I"},
            {"nodeID": 3, "text": "Default Inference", "type": "RA"},
            {"nodeID": 4, "text": "Objection", "type": "I"},
            {"nodeID": 5, "text": "Default Conflict", "type": "CA"},
            {"nodeID": 6, "text": "Default Rephrase", "type": "MA"}
        ], "edges": [
            {"edgeID": 1, "fromID": 2, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 1},
            {"edgeID": 3, "fromID": 4, "toID": 5}, {"edgeID": 4, "fromID": 5, "toID": 1}
        ], "locutions": []}"#;
        let imported = read(text, "plain").unwrap();
        let map = &imported.map;
        assert_eq!(map.title, "plain");
        assert_eq!(map.nodes.len(), 3);
        assert_eq!(
            map.link(&"2".into(), &"1".into()).unwrap().relation,
            Relation::Supports
        );
        assert_eq!(
            map.link(&"4".into(), &"1".into()).unwrap().relation,
            Relation::Opposes
        );
        assert_eq!(map.nodes[1].kind, NodeKind::Evidence);
        assert_eq!(map.nodes[2].kind, NodeKind::Counterpoint);
        let w = &imported.warnings;
        assert!(
            w.iter()
                .any(|m| m.text.contains("\"MA\"") && m.line == Some(7)),
            "{w:?}"
        );
    }

    #[test]
    fn broken_json_is_reported_with_line_and_column() {
        let e = read("{\n  \"nodes\": [,]\n}", "t").unwrap_err();
        assert_eq!(e.errors[0].line, Some(2));
        assert!(
            read("[1, 2]", "t").unwrap_err().errors[0]
                .text
                .contains("not AIF")
        );
    }

    #[test]
    fn values_of_odd_types_count_as_missing_and_the_last_of_a_twice_given_key_counts() {
        // Read as a `serde_json::Value` would have it: "AIF" that is not an object leaves
        // the top level's nodes in force; unknown members, nested or not, are passed over;
        // a node that is not an object has no nodeID; numbers are ids as JSON prints them.
        let text = r#"{"AIF": 3, "nodes": [
            {"nodeID": 1.5, "type": "I", "text": "Claim", "extra": {"a": [1, {"b": null}]}},
            {"nodeID": -2, "type": "I", "text": "Fact", "text": "Fact, said twice"},
            {"nodeID": "e\u0033", "type": ["I"], "text": "Untyped"},
            "not a node",
            {"nodeID": "ra", "type": "RA", "scheme": 72}
        ], "edges": [
            {"fromID": -2, "toID": "ra"}, {"fromID": "ra", "toID": 1.5}, {"fromID": true}
        ], "argmap": null}"#;
        let imported = read(text, "odd").unwrap();
        let map = &imported.map;
        let ids: Vec<&str> = map.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["1.5", "-2"], "{:?}", imported.warnings);
        assert_eq!(map.nodes[1].text, "Fact, said twice");
        assert_eq!(map.links.len(), 1);
        // `"argmap": null` is an extension (saying nothing): kinds are inferred from links.
        assert_eq!(map.nodes[1].kind, NodeKind::Evidence);
        let w: Vec<&str> = imported.warnings.iter().map(|m| m.text.as_str()).collect();
        assert!(
            w.iter()
                .any(|m| m.contains("\"untyped\"") && m.contains("\"e3\"")),
            "{w:?}"
        );
        assert!(
            w.iter().any(|m| m.contains("AIF node #4 has no nodeID")),
            "{w:?}"
        );
        assert!(
            w.iter().any(|m| m.contains("an edge from \"\" to \"\"")),
            "{w:?}"
        );

        // The wrapper, when it is an object, is where the nodes are.
        let wrapped =
            r#"{"nodes": [], "AIF": {"nodes": [{"nodeID": 7, "type": "I", "text": "In"}]}}"#;
        assert_eq!(read(wrapped, "w").unwrap().map.nodes[0].id.as_str(), "7");

        // JSON nested deeper than serde_json allows is refused, even where nothing is read.
        let deep = format!(
            r#"{{"nodes": [], "unused": {}{}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        let e = read(&deep, "deep").unwrap_err();
        assert!(e.errors[0].text.contains("recursion limit"), "{e}");
    }

    #[test]
    fn html_text_becomes_plain_text() {
        assert_eq!(
            html_to_text("<div><span id=\"n\">A</span> &amp; B.</div><div>C<br></div>"),
            "A & B.\nC"
        );
    }
}
