//! Reading AIF JSON: AIFdb's plain `{nodes, edges, locutions}` or OVA's wrapped
//! `{"AIF": {…}, "OVA": {…}, "text": …}`.
//!
//! I-nodes become nodes. Each RA node makes every premise (I-node into it) support every
//! conclusion (I-node out of it); each CA node makes its attackers oppose its target. A CA
//! that attacks an RA (an undercut) is read as opposing that inference's conclusion. L-nodes
//! anchored to I-nodes through YA nodes become citations: the speaker is a source (reported
//! in the analysed text, OVA's `text`, when there is one) and the locution is the quote.
//! Node types argmap has no place for (MA, PA, TA, other YA) are reported, counted per type.

use crate::interchange::ids::{UniqueIds, slug};
use crate::interchange::kinds::infer_kinds;
use crate::interchange::{ImportError, Imported, Message, tidy_layout};
use crate::model::{
    ArgumentMap, Citation, Link, Node, NodeId, NodeKind, Position, Relation, Source, SourceId,
    SourceKind, Step,
};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// An id in AIF may be a string or a number.
fn id_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Line of the first `"nodeID": X` for each id in the raw text, for messages.
fn node_lines(text: &str) -> HashMap<String, usize> {
    let mut lines = HashMap::new();
    let mut search = 0;
    while let Some(found) = text[search..].find("\"nodeID\"") {
        let start = search + found;
        search = start + 8;
        let rest = text[search..].trim_start();
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
        let line = 1 + text[..start].bytes().filter(|b| *b == b'\n').count();
        lines.entry(value.to_owned()).or_insert(line);
    }
    lines
}

struct AifNode {
    id: String,
    kind: String,
    text: String,
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

pub fn read(text: &str, fallback_title: &str) -> Result<Imported, ImportError> {
    let root: Value = serde_json::from_str(text).map_err(|e| {
        ImportError::one(Message::at(
            e.line().max(1),
            Some(e.column().max(1)),
            format!("not valid JSON: {e}"),
        ))
    })?;
    let aif = match root.get("AIF") {
        Some(inner @ Value::Object(_)) => inner,
        _ => &root,
    };
    let Some(raw_nodes) = aif.get("nodes").and_then(Value::as_array) else {
        return Err(ImportError::one(Message::at(
            1,
            Some(1),
            "this JSON is not AIF: it has no \"nodes\" list (nor an \"AIF\" object with one)",
        )));
    };
    let lines = node_lines(text);
    let mut warnings: Vec<Message> = Vec::new();
    let warn_at = |warnings: &mut Vec<Message>, id: &str, message: String| {
        warnings.push(match lines.get(id) {
            Some(&l) => Message::at(l, None, message),
            None => Message::nowhere(message),
        });
    };

    let mut nodes: Vec<AifNode> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (i, n) in raw_nodes.iter().enumerate() {
        let Some(id) = n.get("nodeID").and_then(id_of) else {
            warnings.push(Message::nowhere(format!(
                "AIF node #{} has no nodeID; it is left out",
                i + 1
            )));
            continue;
        };
        let kind = n
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let node_text = n
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        if by_id.contains_key(&id) {
            warn_at(
                &mut warnings,
                &id,
                format!("the nodeID \"{id}\" appears twice; the second node is left out"),
            );
            continue;
        }
        by_id.insert(id.clone(), nodes.len());
        nodes.push(AifNode {
            id,
            kind,
            text: node_text,
        });
    }
    let mut ins: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    let mut outs: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for e in aif
        .get("edges")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let from = e.get("fromID").and_then(id_of);
        let to = e.get("toID").and_then(id_of);
        match (from.as_ref().and_then(|f| by_id.get(f)), to.as_ref().and_then(|t| by_id.get(t))) {
            (Some(&f), Some(&t)) => {
                outs[f].push(t);
                ins[t].push(f);
            }
            _ => warnings.push(Message::nowhere(format!(
                "an edge from \"{}\" to \"{}\" names a node that is not in the file; it is left out",
                from.unwrap_or_default(),
                to.unwrap_or_default()
            ))),
        }
    }
    let is = |i: usize, kind: &str| nodes[i].kind == kind;

    // I-nodes become nodes, with the AIF ids (unique, non-empty) as node ids.
    let mut ids = UniqueIds::default();
    let mut node_of: HashMap<usize, usize> = HashMap::new();
    let mut map_nodes: Vec<Node> = Vec::new();
    for (i, n) in nodes.iter().enumerate().filter(|(i, _)| is(*i, "I")) {
        let id = if n.id.trim().is_empty() {
            ids.fresh("", "node")
        } else {
            ids.fresh(&n.id, "node")
        };
        let text = if n.text.trim().is_empty() {
            warn_at(
                &mut warnings,
                &n.id,
                format!("I-node \"{}\" has no text", n.id),
            );
            "(no text)".to_owned()
        } else {
            n.text.clone()
        };
        node_of.insert(i, map_nodes.len());
        map_nodes.push(Node::new(id, NodeKind::Claim, text, Position::default()));
    }

    let mut links: Vec<Link> = Vec::new();
    let mut pairs: HashMap<(usize, usize), Relation> = HashMap::new();
    let mut add =
        |warnings: &mut Vec<Message>, from: usize, to: usize, relation: Relation, via: &str| {
            let (f, t) = (node_of[&from], node_of[&to]);
            if f == t {
                warn_at(
                    warnings,
                    via,
                    format!("\"{via}\" links a node to itself; left out"),
                );
                return;
            }
            match pairs.get(&(f, t)) {
                Some(r) if *r == relation => {}
                Some(_) => warn_at(
                    warnings,
                    via,
                    format!(
                        "\"{}\" both supports and opposes \"{}\"; the first link is kept",
                        nodes[from].id, nodes[to].id
                    ),
                ),
                None => {
                    pairs.insert((f, t), relation);
                    links.push(Link::new(
                        map_nodes[f].id.clone(),
                        map_nodes[t].id.clone(),
                        relation,
                    ));
                }
            }
        };
    let mut ignored: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut ignore = |kind: &str, id: &str| {
        let entry = ignored.entry(kind.to_owned()).or_insert((0, id.to_owned()));
        entry.0 += 1;
    };
    for (s, n) in nodes.iter().enumerate() {
        match n.kind.as_str() {
            "RA" => {
                let premises: Vec<usize> = ins[s].iter().copied().filter(|&p| is(p, "I")).collect();
                let conclusions: Vec<usize> =
                    outs[s].iter().copied().filter(|&c| is(c, "I")).collect();
                if premises.is_empty() || conclusions.is_empty() {
                    warn_at(
                        &mut warnings,
                        &n.id,
                        format!(
                            "inference \"{}\" lacks a premise or a conclusion; left out",
                            n.id
                        ),
                    );
                }
                for &c in &conclusions {
                    for &p in &premises {
                        add(&mut warnings, p, c, Relation::Supports, &n.id);
                    }
                }
            }
            "CA" => {
                let attackers: Vec<usize> =
                    ins[s].iter().copied().filter(|&p| is(p, "I")).collect();
                if attackers.is_empty() {
                    warn_at(
                        &mut warnings,
                        &n.id,
                        format!("conflict \"{}\" has no attacker; left out", n.id),
                    );
                }
                for &target in &outs[s] {
                    let targets: Vec<usize> = if is(target, "I") {
                        vec![target]
                    } else if is(target, "RA") {
                        warn_at(
                            &mut warnings,
                            &n.id,
                            format!(
                                "conflict \"{}\" attacks inference \"{}\" (an undercut); argmap reads it as opposing that inference's conclusion",
                                n.id, nodes[target].id
                            ),
                        );
                        outs[target]
                            .iter()
                            .copied()
                            .filter(|&c| is(c, "I"))
                            .collect()
                    } else {
                        warn_at(
                            &mut warnings,
                            &n.id,
                            format!(
                                "conflict \"{}\" attacks a {} node, which argmap cannot show; left out",
                                n.id, nodes[target].kind
                            ),
                        );
                        Vec::new()
                    };
                    for t in targets {
                        for &a in &attackers {
                            add(&mut warnings, a, t, Relation::Opposes, &n.id);
                        }
                    }
                }
            }
            "I" | "L" => {}
            "YA" if ins[s].iter().any(|&l| is(l, "L")) && outs[s].iter().any(|&i| is(i, "I")) => {}
            other => ignore(if other.is_empty() { "untyped" } else { other }, &n.id),
        }
    }
    for (kind, (count, first)) in &ignored {
        let what = match kind.as_str() {
            "MA" => "rephrase (MA) nodes",
            "PA" => "preference (PA) nodes",
            "TA" => "transition (TA) nodes",
            "YA" => "illocution (YA) nodes that do not anchor a locution to an I-node",
            _ => "nodes of this type",
        };
        warn_at(
            &mut warnings,
            first,
            format!(
                "{what} (type \"{kind}\") left out, argmap has no place for them: {count} (first \"{first}\")"
            ),
        );
    }

    let extension = root.get("argmap");
    let mut map = ArgumentMap::new(
        extension
            .and_then(|e| e.get("title"))
            .and_then(Value::as_str)
            .unwrap_or(fallback_title),
    );
    map.nodes = map_nodes;
    map.links = links;

    match extension {
        Some(ext) => apply_extension(&mut map, ext, &mut warnings),
        None => {
            locutions(
                &mut map,
                &root,
                aif,
                &nodes,
                &ins,
                &outs,
                &node_of,
                &mut warnings,
            );
            let guesses = infer_kinds(map.nodes.iter().map(|n| n.id.as_str()), &map.links);
            for (node, kind) in map.nodes.iter_mut().zip(guesses) {
                node.kind = kind;
            }
        }
    }

    // Positions from OVA when every node has one, else a tidy tree.
    let mut positions: HashMap<String, Position> = HashMap::new();
    for n in root
        .get("OVA")
        .and_then(|o| o.get("nodes"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let (Some(id), Some(x), Some(y)) = (
            n.get("nodeID").and_then(id_of),
            n.get("x").and_then(Value::as_f64),
            n.get("y").and_then(Value::as_f64),
        ) {
            positions.insert(id, Position::new(x as f32, y as f32));
        }
    }
    let aif_ids: HashMap<usize, &str> = node_of
        .iter()
        .map(|(&aif, &n)| (n, nodes[aif].id.as_str()))
        .collect();
    let all_placed = (0..map.nodes.len()).all(|i| positions.contains_key(aif_ids[&i]));
    if all_placed && !map.nodes.is_empty() {
        for (i, node) in map.nodes.iter_mut().enumerate() {
            node.pos = positions[aif_ids[&i]].rounded();
        }
    } else {
        tidy_layout(&mut map);
    }
    if map.nodes.is_empty() {
        warnings.push(Message::nowhere(
            "the file has no I-nodes; the map is empty",
        ));
    }
    crate::interchange::refuse_invalid(&map)?;
    warnings.sort_by_key(|w| w.line.unwrap_or(usize::MAX));
    Ok(Imported { map, warnings })
}

/// What argmap wrote under `"argmap"`: kinds, notes, citations, sources, main claim, talk.
fn apply_extension(map: &mut ArgumentMap, ext: &Value, warnings: &mut Vec<Message>) {
    if let Some(d) = ext.get("description").and_then(Value::as_str) {
        map.description = d.to_owned();
    }
    let mut sources: Vec<Source> = Vec::new();
    for s in ext
        .get("sources")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        match serde_json::from_value::<Source>(s.clone()) {
            Ok(source)
                if !sources.iter().any(|o| o.id == source.id)
                    && !source.title.trim().is_empty() =>
            {
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
    for (i, node) in map.nodes.iter_mut().enumerate() {
        let info = ext.get("nodes").and_then(Value::as_array).and_then(|ns| {
            ns.iter()
                .find(|n| n.get("id").and_then(Value::as_str) == Some(node.id.as_str()))
        });
        let Some(info) = info else {
            infer.push(i);
            continue;
        };
        match info
            .get("kind")
            .cloned()
            .map(serde_json::from_value::<NodeKind>)
        {
            Some(Ok(kind)) => node.kind = kind,
            _ => infer.push(i),
        }
        node.notes = info
            .get("notes")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        node.pinned = info.get("pinned").and_then(Value::as_bool).unwrap_or(false);
        if let Some(cs) = info.get("citations").and_then(Value::as_array) {
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
    if let Some(main) = ext.get("main_claim").and_then(Value::as_str)
        && map.node(&NodeId::from(main)).is_some()
    {
        map.main_claim = Some(main.into());
    }
    if let Some(steps) = ext.get("presentation").cloned()
        && let Ok(mut steps) = serde_json::from_value::<Vec<Step>>(steps)
    {
        for step in &mut steps {
            step.nodes
                .retain(|id| map.nodes.iter().any(|n| &n.id == id));
        }
        map.presentation = Some(steps);
    }
}

/// Sources and citations from L-nodes anchored to I-nodes (L → YA → I) and OVA's text.
#[allow(clippy::too_many_arguments)]
fn locutions(
    map: &mut ArgumentMap,
    root: &Value,
    aif: &Value,
    nodes: &[AifNode],
    ins: &[Vec<usize>],
    outs: &[Vec<usize>],
    node_of: &HashMap<usize, usize>,
    warnings: &mut Vec<Message>,
) {
    let text = root
        .get("text")
        .and_then(Value::as_str)
        .map(html_to_text)
        .filter(|t| !t.is_empty());
    let mut people: HashMap<String, String> = HashMap::new();
    for p in aif
        .get("participants")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(id) = p.get("participantID").and_then(id_of) {
            let name = [p.get("firstname"), p.get("surname")]
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(" ");
            people.insert(id, name.trim().to_owned());
        }
    }
    let mut speaker_of: HashMap<String, String> = HashMap::new();
    for l in aif
        .get("locutions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let (Some(node), Some(person)) = (
            l.get("nodeID").and_then(id_of),
            l.get("personID").and_then(id_of),
        ) && let Some(name) = people.get(&person).filter(|n| !n.is_empty())
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
        if let Some(url) = root
            .get("OVA")
            .and_then(|o| o.get("url"))
            .and_then(Value::as_str)
        {
            s.url = url.to_owned();
        }
        s
    });
    let mut sources: Vec<Source> = text_source.into_iter().collect();
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
        let (speaker, quote) = match speaker_of.get(&n.id) {
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
                    if sources.first().is_some_and(|t| t.id.as_str() == "text") {
                        s.reported_in = Some("text".into());
                    }
                    sources.push(s);
                    id.into()
                })
                .clone(),
            None => {
                if !sources
                    .iter()
                    .any(|s| s.id.as_str() == "text" || s.id.as_str() == "locutions")
                {
                    ids.take("locutions");
                    let mut s = Source::new("locutions", "Locutions in the AIF file");
                    s.kind = SourceKind::Other;
                    sources.push(s);
                }
                let fallback = if sources.iter().any(|s| s.id.as_str() == "text") {
                    "text"
                } else {
                    "locutions"
                };
                SourceId::from(fallback)
            }
        };
        for t in targets {
            let node = &mut map.nodes[node_of[&t]];
            let citation = Citation::new(source_id.clone(), quote.clone());
            if !node.citations.contains(&citation) {
                node.citations.push(citation);
            }
        }
    }
    let _ = ins;
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
    fn html_text_becomes_plain_text() {
        assert_eq!(
            html_to_text("<div><span id=\"n\">A</span> &amp; B.</div><div>C<br></div>"),
            "A & B.\nC"
        );
    }
}
