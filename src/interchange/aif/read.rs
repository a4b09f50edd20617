//! Reading AIF JSON: AIFdb's plain `{nodes, edges, locutions}` or OVA's wrapped
//! `{"AIF": {…}, "OVA": {…}, "text": …}`.
//!
//! I-nodes become nodes. Each RA node makes its premises (I-nodes into it) support its
//! conclusions (I-nodes out of it); each CA node makes its attackers oppose its targets. An RA
//! with several premises *and* several conclusions (and a CA with several attackers and
//! several targets) becomes one node of its own standing for its premises taken together, so
//! that the map has P + C links, not P × C. A CA that attacks an RA (an undercut) is read as
//! opposing that inference's conclusion (or the node standing for it). An edge straight from
//! one I-node to another is read as a support. L-nodes anchored to I-nodes through YA nodes
//! become citations: the speaker is a source (reported in the analysed text, OVA's `text`,
//! when there is one) and the locution is the quote. Node types argmap has no place for (MA,
//! PA, TA, other YA) are reported, counted per type.

use super::json::{self, Extension, Root, Scalar};
use crate::interchange::ids::{UniqueIds, slug};
use crate::interchange::kinds::infer_kinds;
use crate::interchange::lines::LineStarts;
use crate::interchange::{ImportError, Imported, Message, arrange_imported};
use crate::model::{
    ArgumentMap, Citation, Link, Node, NodeId, NodeKind, Position, Relation, Source, SourceId,
    SourceKind, Step,
};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

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
}

/// The links being made, each (from, to) pair once, by index into the map's nodes.
#[derive(Default)]
struct Links {
    pairs: HashMap<(usize, usize), Relation>,
    list: Vec<(usize, usize, Relation)>,
}

impl Links {
    /// Adds `from` → `to` unless it is a loop or the pair is linked already; `via` (the AIF
    /// node or edge that makes the link, on `line`) names it in warnings.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        warnings: &mut Vec<Message>,
        names: &[Node],
        from: usize,
        to: usize,
        relation: Relation,
        via: &str,
        line: Option<usize>,
    ) {
        if from == to {
            warnings.push(placed(
                line,
                format!("{via} links a node to itself; left out"),
            ));
            return;
        }
        match self.pairs.get(&(from, to)) {
            Some(r) if *r == relation => {}
            Some(_) => warnings.push(placed(
                line,
                format!(
                    "\"{}\" both supports and opposes \"{}\"; the first link is kept",
                    names[from].id.as_str(),
                    names[to].id.as_str()
                ),
            )),
            None => {
                self.pairs.insert((from, to), relation);
                self.list.push((from, to, relation));
            }
        }
    }
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
    let i_nodes = |list: &[usize]| distinct(list, |n| is(n, "I"));

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

    // An RA with several premises and several conclusions, or several conclusions and an
    // undercut, gets a node of its own: P × C links (or undercuts × C) would grow as the
    // square of the file.
    let undercut: Vec<bool> = (0..nodes.len())
        .map(|s| is(s, "RA") && ins[s].iter().any(|&c| is(c, "CA")))
        .collect();
    let mut stands_for: Vec<Option<usize>> = vec![None; nodes.len()];
    for s in (0..nodes.len()).filter(|&s| is(s, "RA")) {
        let (p, c) = (i_nodes(&ins[s]).len(), i_nodes(&outs[s]).len());
        if p >= 1 && c > 1 && (p > 1 || undercut[s]) {
            stands_for[s] = Some(joint_node(&mut map_nodes, &mut aif_of, s, "the premises"));
        }
    }

    let mut links = Links::default();
    let mut ignored: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut ignore = |kind: &str, id: &str| {
        let entry = ignored.entry(kind.to_owned()).or_insert((0, id.to_owned()));
        entry.0 += 1;
    };
    let map_of = |i: usize| node_of[i].expect("I-nodes are map nodes");
    for (s, n) in nodes.iter().enumerate() {
        let line = line_of(&n.id);
        let via = format!("\"{}\"", n.id);
        match n.kind.as_ref() {
            "RA" => {
                let premises = i_nodes(&ins[s]);
                let conclusions = i_nodes(&outs[s]);
                for &t in &distinct(&outs[s], |t| is(t, "RA") || is(t, "CA")) {
                    warnings.push(placed(
                        line,
                        format!(
                            "inference \"{}\" leads to the {} node \"{}\", which argmap cannot show; that edge is left out",
                            n.id, nodes[t].kind, nodes[t].id
                        ),
                    ));
                }
                if premises.is_empty() || conclusions.is_empty() {
                    warnings.push(placed(
                        line,
                        format!(
                            "inference \"{}\" lacks a premise or a conclusion; left out",
                            n.id
                        ),
                    ));
                } else if let Some(joint) = stands_for[s] {
                    for &p in &premises {
                        links.add(
                            &mut warnings,
                            &map_nodes,
                            map_of(p),
                            joint,
                            Relation::Supports,
                            &via,
                            line,
                        );
                    }
                    for &c in &conclusions {
                        links.add(
                            &mut warnings,
                            &map_nodes,
                            joint,
                            map_of(c),
                            Relation::Supports,
                            &via,
                            line,
                        );
                    }
                    warnings.push(placed(
                        line,
                        format!(
                            "inference (RA) \"{}\" has {} premises and {} conclusions{}; argmap adds the node \"{}\" for its premises taken jointly: each premise supports it and it supports each conclusion ({} links, not {})",
                            n.id,
                            premises.len(),
                            conclusions.len(),
                            if premises.len() > 1 { "" } else { " and is undercut" },
                            map_nodes[joint].id.as_str(),
                            premises.len() + conclusions.len(),
                            premises.len() * conclusions.len()
                        ),
                    ));
                } else {
                    // One side has a single node: at most P + C links.
                    for &c in &conclusions {
                        for &p in &premises {
                            links.add(
                                &mut warnings,
                                &map_nodes,
                                map_of(p),
                                map_of(c),
                                Relation::Supports,
                                &via,
                                line,
                            );
                        }
                    }
                }
            }
            "CA" => {
                let attackers: Vec<usize> = i_nodes(&ins[s]).into_iter().map(map_of).collect();
                if attackers.is_empty() {
                    warnings.push(placed(
                        line,
                        format!("conflict \"{}\" has no attacker; left out", n.id),
                    ));
                }
                // Each target is one map node: an I-node, or what an undercut inference
                // stands for (its node, or its one conclusion).
                let mut targets: Vec<usize> = Vec::new();
                for &target in &distinct(&outs[s], |_| true) {
                    if is(target, "I") {
                        targets.push(map_of(target));
                    } else if is(target, "RA") {
                        let conclusions = i_nodes(&outs[target]);
                        let inferred = match (stands_for[target], conclusions.as_slice()) {
                            (Some(joint), _) => Some(joint),
                            (None, [one]) if !i_nodes(&ins[target]).is_empty() => {
                                Some(map_of(*one))
                            }
                            _ => None,
                        };
                        match inferred {
                            Some(t) => {
                                let what = if stands_for[target].is_some() {
                                    "the node that stands for it"
                                } else {
                                    "that inference's conclusion"
                                };
                                warnings.push(placed(
                                    line,
                                    format!(
                                        "conflict \"{}\" attacks inference \"{}\" (an undercut); argmap reads it as opposing {what}",
                                        n.id, nodes[target].id
                                    ),
                                ));
                                targets.push(t);
                            }
                            None => warnings.push(placed(
                                line,
                                format!(
                                    "conflict \"{}\" attacks inference \"{}\", which is left out; so is the attack",
                                    n.id, nodes[target].id
                                ),
                            )),
                        }
                    } else {
                        warnings.push(placed(
                            line,
                            format!(
                                "conflict \"{}\" attacks a {} node, which argmap cannot show; left out",
                                n.id, nodes[target].kind
                            ),
                        ));
                    }
                }
                let targets = distinct(&targets, |_| true);
                if attackers.len() > 1 && targets.len() > 1 {
                    let joint = joint_node(&mut map_nodes, &mut aif_of, s, "the attackers");
                    for &a in &attackers {
                        links.add(
                            &mut warnings,
                            &map_nodes,
                            a,
                            joint,
                            Relation::Supports,
                            &via,
                            line,
                        );
                    }
                    for &t in &targets {
                        links.add(
                            &mut warnings,
                            &map_nodes,
                            joint,
                            t,
                            Relation::Opposes,
                            &via,
                            line,
                        );
                    }
                    warnings.push(placed(
                        line,
                        format!(
                            "conflict (CA) \"{}\" has {} attackers and {} targets; argmap adds the node \"{}\" for its attackers taken jointly: each attacker supports it and it opposes each target ({} links, not {})",
                            n.id,
                            attackers.len(),
                            targets.len(),
                            map_nodes[joint].id.as_str(),
                            attackers.len() + targets.len(),
                            attackers.len() * targets.len()
                        ),
                    ));
                } else {
                    // One side has a single node: at most A + T links.
                    for &t in &targets {
                        for &a in &attackers {
                            links.add(
                                &mut warnings,
                                &map_nodes,
                                a,
                                t,
                                Relation::Opposes,
                                &via,
                                line,
                            );
                        }
                    }
                }
            }
            "I" | "L" => {}
            "YA" if ins[s].iter().any(|&l| is(l, "L")) && outs[s].iter().any(|&i| is(i, "I")) => {}
            other => ignore(if other.is_empty() { "untyped" } else { other }, &n.id),
        }
    }
    // AIF puts an inference or a conflict between two I-nodes; an edge straight from one to
    // the other most likely means the first supports the second.
    for (f, t, line) in direct {
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
        links.add(
            &mut warnings,
            &map_nodes,
            map_of(f),
            map_of(t),
            Relation::Supports,
            &via,
            line,
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
    map.links = links
        .list
        .iter()
        .map(|&(f, t, relation)| {
            Link::new(map_nodes[f].id.clone(), map_nodes[t].id.clone(), relation)
        })
        .collect();
    map.nodes = map_nodes;

    match extension {
        Some(ext) => apply_extension(&mut map, ext, &mut warnings),
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
        &links.list,
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
    links: &[(usize, usize, Relation)],
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
    for &(f, t, _) in links {
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
fn apply_extension(map: &mut ArgumentMap, ext: Extension, warnings: &mut Vec<Message>) {
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
