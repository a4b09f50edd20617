//! Turns a parsed Argdown document into a map.
//!
//! Statements (by title: every `[T]` is one node however often it appears) and arguments
//! without a premise–conclusion structure become nodes; untitled top-level text without
//! relations is prose and goes to the map's description, as do headings. Relations and
//! inferences become reasons (see `reasons.rs`): support → supports; attack and contradiction
//! → opposes (a contradiction both ways); an undercut of an argument or inference → an
//! undercut of its reason; each inference → one reason of all its premises. What a map cannot
//! hold is reported as a warning with its line.

use super::lexer::Rel;
use super::parse::{Block, ElemKind, Element, ParseError, Parser, Pcs, PcsItem, Tree};
use super::reasons::{self as reasons_of, End, Inference, RelKind, Said};
use super::text::one_line;
use super::write::title_heading;
use crate::interchange::ids::{UniqueIds, slug};
use crate::interchange::kinds::infer_kinds;
use crate::interchange::lines::LineStarts;
use crate::interchange::yaml::{self, Yaml, flow};
use crate::interchange::{ImportError, Imported, Message, arrange_imported, line_col};
use crate::model::{
    ArgumentMap, Citation, Credibility, Node, NodeId, NodeKind, Position, Reliability, Source,
    SourceId, SourceKind, Step,
};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Statement(String),
    Argument(String),
    Untitled(usize),
}

#[derive(Debug)]
struct Entity {
    key: Key,
    at: usize,
    /// Where it is first defined (not just referred to): the node's place in the map.
    defined_at: Option<usize>,
    text: Option<String>,
    other_texts: Vec<(String, usize)>,
    tags: Vec<String>,
    data: Vec<(String, usize)>,
    extra_notes: Vec<String>,
    has_pcs: bool,
    /// For an argument with a structure: its last inference.
    main_inference: Option<usize>,
}

struct Builder<'a> {
    text: &'a str,
    /// Line starts of `text`: every statement and warning asks for its line.
    lines: LineStarts,
    entities: Vec<Entity>,
    /// (entity, tag) pairs already recorded, so that repeated tags cost nothing.
    tags_seen: HashSet<(usize, String)>,
    index: HashMap<Key, usize>,
    untitled: usize,
    relations: Vec<Said>,
    inferences: Vec<Inference>,
    prose: Vec<String>,
    warnings: Vec<Message>,
}

impl Builder<'_> {
    fn line(&self, at: usize) -> usize {
        self.lines.line(at)
    }

    fn warn(&mut self, at: usize, message: impl Into<String>) {
        let line = self.line(at);
        self.warnings.push(Message::at(line, None, message));
    }

    /// The entity an element stands for, recording what it says about it.
    fn register(&mut self, e: &Element) -> usize {
        let key = match (&e.kind, &e.title) {
            (ElemKind::Argument, Some(t)) => Key::Argument(t.clone()),
            (_, Some(t)) => Key::Statement(t.clone()),
            (ElemKind::Argument, None) | (_, None) => {
                self.untitled += 1;
                Key::Untitled(self.untitled)
            }
        };
        let idx = match self.index.get(&key) {
            Some(&i) => i,
            None => {
                self.entities.push(Entity {
                    key: key.clone(),
                    at: e.at,
                    defined_at: None,
                    text: None,
                    other_texts: Vec::new(),
                    tags: Vec::new(),
                    data: Vec::new(),
                    extra_notes: Vec::new(),
                    has_pcs: false,
                    main_inference: None,
                });
                self.index.insert(key, self.entities.len() - 1);
                self.entities.len() - 1
            }
        };
        let text = one_line(&e.text);
        if e.reference && !text.is_empty() {
            self.warn(
                e.at,
                format!(
                    "text after the reference {} is not part of it and is not kept: \"{text}\"",
                    shown(&self.entities[idx].key)
                ),
            );
        } else if !text.is_empty() {
            let entity = &mut self.entities[idx];
            match &entity.text {
                None => entity.text = Some(text),
                Some(first) if *first != text => entity.other_texts.push((text, e.at)),
                Some(_) => {}
            }
        }
        let entity = &mut self.entities[idx];
        if !e.reference && entity.defined_at.is_none() {
            entity.defined_at = Some(e.at);
        }
        // Most statements have one tag and one data block: room for one, not the four a
        // first push makes (with 100,000 statements that is 17 MB). Later pushes grow the
        // list as usual.
        for tag in &e.tags {
            if self.tags_seen.insert((idx, tag.clone())) {
                if entity.tags.is_empty() {
                    entity.tags.reserve_exact(1);
                }
                entity.tags.push(tag.clone());
            }
        }
        if let Some(data) = &e.data {
            if entity.data.is_empty() {
                entity.data.reserve_exact(1);
            }
            entity.data.push(data.clone());
        }
        idx
    }

    fn relate(&mut self, from: End, to: End, kind: RelKind, at: usize) {
        self.relations.push(Said { from, to, kind, at });
    }

    /// Registers a tree's elements and relations; `root` stands for the root when given.
    fn tree(&mut self, tree: &Tree, root: Option<End>) -> End {
        let mut ids = Vec::with_capacity(tree.nodes.len());
        for (i, node) in tree.nodes.iter().enumerate() {
            let idx = match (i, root) {
                (0, Some(r)) => r,
                _ => End::Entity(self.register(&node.element)),
            };
            ids.push(idx);
            if let Some((parent, rel, at)) = node.parent {
                let p = ids[parent];
                match rel {
                    Rel::ChildSupports => self.relate(idx, p, RelKind::Supports, at),
                    Rel::ChildAttacks => self.relate(idx, p, RelKind::Attacks, at),
                    Rel::ChildUndercuts => self.relate(idx, p, RelKind::Undercuts, at),
                    Rel::ParentSupports => self.relate(p, idx, RelKind::Supports, at),
                    Rel::ParentAttacks => self.relate(p, idx, RelKind::Attacks, at),
                    Rel::ParentUndercuts => self.relate(p, idx, RelKind::Undercuts, at),
                    Rel::Contradicts => {
                        self.relate(idx, p, RelKind::Attacks, at);
                        self.relate(p, idx, RelKind::Attacks, at);
                    }
                }
            }
        }
        ids[0]
    }

    fn pcs(&mut self, pcs: &Pcs) -> Result<(), ImportError> {
        let argument = match &pcs.argument {
            Some(title) => {
                let idx = self.index.get(&Key::Argument(title.clone())).copied();
                if let Some(i) = idx {
                    if self.entities[i].has_pcs {
                        let (line, col) = line_col(self.text, pcs.at);
                        return Err(ImportError::one(Message::at(
                            line,
                            Some(col),
                            format!(
                                "the argument <{title}> already has a premise–conclusion structure; an argument can have only one"
                            ),
                        )));
                    }
                    self.entities[i].has_pcs = true;
                }
                idx
            }
            None => None,
        };
        let mut group: Vec<usize> = Vec::new();
        let mut previous_conclusion: Option<usize> = None;
        let mut pending: Option<(&Tree, usize)> = None;
        for item in &pcs.items {
            match item {
                PcsItem::Statement { tree, .. } => {
                    let End::Entity(idx) = self.tree(tree, None) else {
                        continue;
                    };
                    if let Some((inference, at)) = pending.take() {
                        // `idx` is this inference's conclusion; its premises are the
                        // statements since the last inference, and the last conclusion.
                        let premises: Vec<usize> = previous_conclusion
                            .iter()
                            .chain(group.iter())
                            .copied()
                            .collect();
                        let element = &inference.nodes[0].element;
                        let rules = one_line(&element.text);
                        if let Some((data, data_at)) = &element.data {
                            self.warn(
                                *data_at,
                                format!("the inference's data is not kept (argmap's reasons have no place for it): {data}"),
                            );
                        }
                        let k = self.inferences.len();
                        self.inferences.push(Inference {
                            premises,
                            conclusion: idx,
                            argument,
                            scheme: crate::interchange::reasons::scheme_named(&rules),
                            warrant: None,
                            answers: None,
                            at,
                        });
                        self.tree(inference, Some(End::Inference(k)));
                        group.clear();
                        previous_conclusion = Some(idx);
                    } else {
                        group.push(idx);
                    }
                }
                PcsItem::Inference { tree } => {
                    pending = Some((tree, tree.nodes[0].element.at));
                }
            }
        }
        if let Some(a) = argument
            && !self.inferences.is_empty()
            && previous_conclusion.is_some()
        {
            self.entities[a].main_inference = Some(self.inferences.len() - 1);
        }
        Ok(())
    }
}

/// "a", "a and b", "a, b and c".
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => format!("{one} is"),
        [init @ .., last] => format!("{} and {last} are", init.join(", ")),
    }
}

fn shown(key: &Key) -> String {
    match key {
        Key::Statement(t) => format!("[{t}]"),
        Key::Argument(t) => format!("<{t}>"),
        Key::Untitled(n) => format!("(untitled statement {n})"),
    }
}

/// What the front matter says, and the prose lines it adds to the description.
#[derive(Default)]
struct FrontMatter {
    title: Option<String>,
    description: Option<String>,
    main_claim: Option<String>,
    sources: Vec<(Yaml, usize)>,
    presentation: Option<Yaml>,
    extra_description: Vec<String>,
}

fn front_matter(b: &mut Builder, yaml_text: &str, at: usize) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let base_line = b.line(at);
    let value = match yaml::parse(yaml_text) {
        Ok(v) => v,
        Err(e) => {
            // The YAML starts after the opening `===`: columns hold from its second line on.
            b.warnings.push(Message::at(
                base_line + e.line,
                (e.line > 0).then_some(e.col),
                format!(
                    "the front matter is not YAML argmap can read ({}); it is ignored",
                    e.message
                ),
            ));
            return fm;
        }
    };
    let Yaml::Map(pairs) = value else {
        if value != Yaml::Null {
            b.warnings.push(Message::at(
                base_line,
                None,
                "the front matter is not a YAML mapping; it is ignored",
            ));
        }
        return fm;
    };
    let mut ignored = Vec::new();
    for (key, value) in pairs {
        match (key.as_str(), &value) {
            ("title", v) if v.scalar_text().is_some() => fm.title = v.scalar_text(),
            ("argmap", Yaml::Map(_)) => {
                fm.description = value
                    .get("description")
                    .and_then(Yaml::as_str)
                    .map(str::to_owned);
                fm.main_claim = value
                    .get("main_claim")
                    .and_then(Yaml::as_str)
                    .map(str::to_owned);
                if let Some(Yaml::Seq(sources)) = value.get("sources") {
                    fm.sources = sources.iter().map(|s| (s.clone(), at)).collect();
                }
                fm.presentation = value.get("presentation").cloned();
            }
            ("subTitle" | "author" | "date" | "abstract", v) if v.scalar_text().is_some() => {
                fm.extra_description
                    .push(format!("{key}: {}", v.scalar_text().unwrap_or_default()));
            }
            _ => ignored.push(key),
        }
    }
    if !ignored.is_empty() {
        b.warnings.push(Message::at(
            base_line,
            None,
            format!(
                "front matter settings not kept (they configure Argdown's own views): {}",
                ignored.join(", ")
            ),
        ));
    }
    fm
}

/// The parts of a node's data argmap understands; everything else is kept as notes.
#[derive(Default)]
struct NodeData {
    id: Option<String>,
    text: Option<String>,
    notes: Vec<String>,
    pinned: bool,
    /// (source, quote, locator) and where the data is: three strings take much less room
    /// than the YAML mapping they come from.
    citations: Vec<([String; 3], usize)>,
    /// `{argmap: against}`: the conclusion argmap writes for an opposing reason.
    against: bool,
    /// `{argmap: reason}`: an argument argmap wrote for a reason (its title is made up).
    written_for_a_reason: bool,
    /// For an argument with a structure: what its reason has beyond the structure.
    scheme: Option<String>,
    warrant: Option<String>,
    answers: Option<u32>,
}

fn node_data(b: &mut Builder, entity: usize) -> NodeData {
    let mut out = NodeData::default();
    let is_reason = b.entities[entity].main_inference.is_some();
    // `notes:` values go before every other note, the last one first.
    let mut leading_notes: Vec<String> = Vec::new();
    // The raw data is not needed once read.
    let data = std::mem::take(&mut b.entities[entity].data);
    for (raw, at) in data {
        // Argdown reads `{` + line break … `}` as block YAML without the braces.
        let block = raw
            .strip_prefix('{')
            .filter(|r| r.trim_start_matches([' ', '\t']).starts_with(['\n', '\r']))
            .and_then(|r| r.strip_suffix('}'));
        let (yaml_text, line_shift) = match block {
            Some(inner) => (inner.to_owned(), 0),
            None => (raw.clone(), 0),
        };
        let value = match yaml::parse(&yaml_text) {
            Ok(v) => v,
            Err(e) => {
                let (first_line, first_col) = line_col(b.text, at);
                let line = first_line + e.line + line_shift;
                // On the first line the YAML starts at the `{` (block data just after it).
                let col = match e.line {
                    0 => first_col + e.col - 1 + usize::from(block.is_some()),
                    _ => e.col,
                };
                b.warnings.push(Message::at(
                    line,
                    Some(col),
                    format!(
                        "data that is not YAML argmap can read ({}) is kept as text in the notes",
                        e.message
                    ),
                ));
                out.notes.push(raw);
                continue;
            }
        };
        let Yaml::Map(pairs) = value else {
            out.notes.push(raw);
            continue;
        };
        for (key, value) in pairs {
            match (key.as_str(), value) {
                ("id", Yaml::Str(s)) if !s.trim().is_empty() && out.id.is_none() => {
                    out.id = Some(s)
                }
                ("text", Yaml::Str(s)) if !s.trim().is_empty() && out.text.is_none() => {
                    out.text = Some(s);
                }
                ("notes", Yaml::Str(s)) => leading_notes.push(s),
                ("pinned", Yaml::Bool(p)) => out.pinned = p,
                ("argmap", Yaml::Str(s)) if s == "against" => out.against = true,
                ("argmap", Yaml::Str(s)) if s == "reason" => out.written_for_a_reason = true,
                ("scheme", Yaml::Str(s)) if is_reason => out.scheme = Some(s),
                ("warrant", Yaml::Str(s)) if is_reason => out.warrant = Some(s),
                ("answers", Yaml::Int(n)) if is_reason && n > 0 && n <= i64::from(u32::MAX) => {
                    out.answers = Some(n as u32)
                }
                ("citations", Yaml::Seq(items)) => {
                    out.citations.extend(items.into_iter().map(|c| {
                        let text =
                            |key: &str| c.get(key).and_then(Yaml::scalar_text).unwrap_or_default();
                        ([text("source"), text("quote"), text("locator")], at)
                    }));
                }
                (_, value) => out.notes.push(format!("{key}: {}", plain(&value))),
            }
        }
    }
    leading_notes.reverse();
    leading_notes.append(&mut out.notes);
    out.notes = leading_notes;
    out
}

/// A YAML value for people: strings as they are, the rest in flow style.
fn plain(value: &Yaml) -> String {
    match value {
        Yaml::Str(s) => s.clone(),
        other => flow(other),
    }
}

fn sources(b: &mut Builder, list: &[(Yaml, usize)]) -> Vec<Source> {
    let mut out: Vec<Source> = Vec::new();
    let mut ids = HashSet::new();
    for (value, at) in list {
        let at = *at;
        let Some(id) = value
            .get("id")
            .and_then(Yaml::scalar_text)
            .filter(|s| !s.trim().is_empty())
        else {
            b.warn(at, "a source in the front matter has no id; it is left out");
            continue;
        };
        if !ids.insert(id.clone()) {
            b.warn(
                at,
                format!("the source id \"{id}\" appears twice; the second is left out"),
            );
            continue;
        }
        let text = |key: &str| {
            value
                .get(key)
                .and_then(Yaml::scalar_text)
                .unwrap_or_default()
        };
        let mut source = Source::new(id.as_str(), text("title"));
        if source.title.trim().is_empty() {
            b.warn(
                at,
                format!("source \"{id}\" has no title; it is called \"Untitled\""),
            );
            source.title = "Untitled".into();
        }
        let kind_word: String = text("kind")
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        source.kind = SourceKind::ALL
            .into_iter()
            .find(|k| k.as_str().replace(' ', "") == kind_word)
            .unwrap_or_default();
        source.authors = match value.get("authors") {
            Some(Yaml::Seq(items)) => items.iter().filter_map(Yaml::scalar_text).collect(),
            Some(v) => v.scalar_text().into_iter().collect(),
            None => Vec::new(),
        };
        source.outlet = text("outlet");
        source.date = text("date");
        source.url = text("url");
        source.accessed = text("accessed");
        source.notes = text("notes");
        source.text = value.get("text").and_then(Yaml::scalar_text);
        source.reliability = Reliability::ALL
            .into_iter()
            .find(|r| text("reliability").eq_ignore_ascii_case(&r.letter().to_string()));
        source.credibility = match value.get("credibility") {
            Some(Yaml::Int(c)) => u8::try_from(*c).ok().and_then(Credibility::new),
            _ => None,
        };
        source.reported_in = value
            .get("reported_in")
            .and_then(Yaml::scalar_text)
            .map(SourceId::from);
        out.push(source);
    }
    // Second-hand links must name a source of the map.
    let known: HashSet<SourceId> = out.iter().map(|s| s.id.clone()).collect();
    for s in &mut out {
        if let Some(via) = &s.reported_in
            && (!known.contains(via) || *via == s.id)
        {
            let message = format!(
                "source \"{}\" is reported in \"{via}\", which is not another source of the map; that link is left out",
                s.id
            );
            s.reported_in = None;
            b.warnings.push(Message::nowhere(message));
        }
    }
    out
}

/// Why a document gives no map: it cannot be read, or the map cannot be made.
pub enum Failure {
    Parse(ParseError),
    Import(ImportError),
}

/// The map an Argdown document describes, read block by block from `parser`.
pub fn to_map(text: &str, mut parser: Parser, fallback_title: &str) -> Result<Imported, Failure> {
    let mut b = Builder {
        text,
        lines: LineStarts::new(text),
        entities: Vec::new(),
        tags_seen: HashSet::new(),
        index: HashMap::new(),
        untitled: 0,
        relations: Vec::new(),
        inferences: Vec::new(),
        prose: Vec::new(),
        warnings: Vec::new(),
    };
    let fm = match parser.front_matter() {
        Some((yaml_text, at)) => front_matter(&mut b, &yaml_text, at),
        None => FrontMatter::default(),
    };
    let mut first_heading = None;
    // A broken document is reported as broken, even when the map of its first part cannot
    // be made: after such an error the rest is only read.
    let mut failed: Option<ImportError> = None;
    while let Some(block) = parser.next_block().map_err(Failure::Parse)? {
        if failed.is_some() {
            continue;
        }
        match &block {
            Block::Heading { level, text, at } => {
                let heading = one_line(text);
                if *level == 1
                    && fm
                        .title
                        .as_deref()
                        .is_some_and(|t| title_heading(t) == heading)
                {
                    // The title of a map without nodes, as argmap writes it.
                    continue;
                }
                b.warn(
                    *at,
                    format!("heading \"{heading}\" is kept in the map's description (argmap has no groups)"),
                );
                first_heading.get_or_insert_with(|| heading.clone());
                b.prose.push(format!("{} {heading}", "#".repeat(*level)));
            }
            Block::Tree(tree) => {
                let root = &tree.nodes[0].element;
                let is_prose = tree.nodes.len() == 1
                    && root.title.is_none()
                    && root.kind == ElemKind::Statement
                    && root.data.is_none();
                if is_prose {
                    let mut paragraph = one_line(&root.text);
                    for tag in &root.tags {
                        let written = format!("#{tag}");
                        if !paragraph.contains(&written)
                            && !paragraph.contains(&format!("#({tag})"))
                        {
                            paragraph.push(' ');
                            paragraph.push_str(&written);
                        }
                    }
                    b.prose.push(paragraph);
                } else {
                    b.tree(tree, None);
                }
            }
            Block::Pcs(pcs) => {
                if let Err(e) = b.pcs(pcs) {
                    failed = Some(e);
                }
            }
        }
    }
    if let Some(e) = failed {
        return Err(Failure::Import(e));
    }
    // The parser's remarks come first, as when the whole document was parsed before the map
    // was made (the sort below keeps their order within a line).
    let mut remarks = Vec::new();
    for (at, message) in parser.remarks() {
        remarks.push(Message::at(b.line(at), None, message));
    }
    b.warnings.splice(0..0, remarks);

    let mut map = ArgumentMap::new(
        fm.title
            .clone()
            .or(first_heading)
            .unwrap_or_else(|| fallback_title.to_owned()),
    );
    map.sources = sources(&mut b, &fm.sources);

    // Node ids: ids from the data first, so that made-up ones never take them.
    let data: Vec<NodeData> = (0..b.entities.len())
        .map(|i| node_data(&mut b, i))
        .collect();
    // Arguments with a structure are reasons, not nodes, and so is the conclusion argmap
    // writes for an opposing reason.
    let main_inference: Vec<Option<usize>> = b.entities.iter().map(|e| e.main_inference).collect();
    let mut against_of: Vec<Option<usize>> = vec![None; b.entities.len()];
    for (a, m) in main_inference.iter().enumerate() {
        let Some(m) = *m else { continue };
        let c = b.inferences[m].conclusion;
        if data[c].against {
            against_of[c] = Some(m);
        }
        let inference = &mut b.inferences[m];
        if data[a].scheme.is_some() {
            inference.scheme = data[a].scheme.clone();
        }
        inference.warrant = data[a].warrant.clone();
        inference.answers = data[a].answers;
        let entity = &b.entities[a];
        let mut lost = Vec::new();
        if !data[a].written_for_a_reason {
            lost.push("its title".to_owned());
        }
        if let Some(text) = &entity.text {
            lost.push(format!("its text \"{text}\""));
        }
        if !entity.tags.is_empty() {
            lost.push(format!("its tags #{}", entity.tags.join(" #")));
        }
        if !data[a].notes.is_empty() || !entity.extra_notes.is_empty() {
            lost.push("its other data".to_owned());
        }
        if !lost.is_empty() {
            let (at, key) = (entity.at, shown(&entity.key));
            b.warn(
                at,
                format!(
                    "the argument {key} is read as the reason its premise–conclusion structure gives; argmap's reasons have no titles or texts of their own, so {} not kept",
                    join_and(&lost)
                ),
            );
        }
    }
    let is_node: Vec<bool> = (0..b.entities.len())
        .map(|e| main_inference[e].is_none() && against_of[e].is_none())
        .collect();
    let mut ids = UniqueIds::default();
    let mut node_ids: Vec<Option<String>> = vec![None; b.entities.len()];
    for (i, d) in data.iter().enumerate() {
        if !is_node[i] {
            continue;
        }
        if let Some(id) = &d.id {
            if ids.take(id) {
                node_ids[i] = Some(id.clone());
            } else {
                let at = b.entities[i].at;
                b.warn(
                    at,
                    format!("the id \"{id}\" is used twice; this node gets another"),
                );
            }
        }
    }
    for (i, entity) in b.entities.iter().enumerate() {
        if is_node[i] && node_ids[i].is_none() {
            let (base, fallback) = match &entity.key {
                Key::Statement(t) => (slug(t, 40), "statement"),
                Key::Argument(t) => (slug(t, 40), "argument"),
                Key::Untitled(_) => (
                    slug(entity.text.as_deref().unwrap_or_default(), 40),
                    "statement",
                ),
            };
            node_ids[i] = Some(ids.fresh(&base, fallback));
        }
    }

    let source_ids: HashSet<&SourceId> = map.sources.iter().map(|s| &s.id).collect();
    let mut kinds: Vec<Option<NodeKind>> = Vec::new();
    let mut nodes = Vec::new();
    let mut warnings = Vec::new();
    let mut node_of: Vec<Option<usize>> = vec![None; b.entities.len()];
    for (i, (entity, d)) in b.entities.iter_mut().zip(data).enumerate() {
        if !is_node[i] {
            continue;
        }
        node_of[i] = Some(nodes.len());
        let line = b.lines.line(entity.at);
        // The text moves into the node: the entity's is not needed after.
        let text = match (d.text, entity.text.take()) {
            (Some(t), _) => t,
            (None, Some(t)) => t,
            (None, None) => {
                let title = match &entity.key {
                    Key::Statement(t) | Key::Argument(t) => t.clone(),
                    Key::Untitled(_) => "(no text)".into(),
                };
                warnings.push(Message::at(
                    line,
                    None,
                    format!(
                        "{} has no text anywhere; its title is its text",
                        shown(&entity.key)
                    ),
                ));
                title
            }
        };
        let text = if text.trim().is_empty() {
            "(no text)".to_owned()
        } else {
            text
        };
        let kind_tags: Vec<NodeKind> = entity
            .tags
            .iter()
            .filter_map(|t| NodeKind::parse(t))
            .collect();
        kinds.push(kind_tags.first().copied());
        let mut notes: Vec<String> = d.notes;
        let other_tags: Vec<String> = entity
            .tags
            .iter()
            .filter(|t| NodeKind::parse(t).is_none())
            .map(|t| {
                if t.contains(' ') {
                    format!("#({t})")
                } else {
                    format!("#{t}")
                }
            })
            .collect();
        if !other_tags.is_empty() {
            notes.push(format!("Tags: {}", other_tags.join(" ")));
        }
        for (other, at) in &entity.other_texts {
            warnings.push(Message::at(
                b.lines.line(*at),
                None,
                format!(
                    "{} is stated again with other words; they are kept in its notes",
                    shown(&entity.key)
                ),
            ));
            notes.push(format!("Also stated as: {other}"));
        }
        notes.extend(entity.extra_notes.iter().cloned());
        let mut citations = Vec::new();
        for ([source, quote, locator], at) in d.citations {
            if source_ids.contains(&SourceId::from(source.as_str())) {
                citations.push(Citation {
                    source: source.into(),
                    quote,
                    locator,
                });
            } else {
                warnings.push(Message::at(
                    b.lines.line(at),
                    None,
                    format!("a citation of \"{source}\", which is not a source of the map, is kept in the notes"),
                ));
                notes.push(
                    format!("Citation of \"{source}\": {quote} {locator}")
                        .trim()
                        .to_owned(),
                );
            }
        }
        let mut node = Node::new(
            node_ids[i].clone().unwrap_or_default(),
            NodeKind::Claim,
            text,
            Position::default(),
        );
        node.notes = notes.join("\n\n");
        node.pinned = d.pinned;
        node.citations = citations;
        nodes.push(node);
    }
    b.warnings.extend(warnings);
    // What the map needs of the entities is in its nodes now, but for their keys (for
    // warnings) and places (for the order): their tables go before the links are made.
    let places: Vec<usize> = b
        .entities
        .iter()
        .zip(&is_node)
        .filter(|(_, node)| **node)
        .map(|(e, _)| e.defined_at.unwrap_or(e.at))
        .collect();
    let keys: Vec<Key> = std::mem::take(&mut b.entities)
        .into_iter()
        .map(|e| e.key)
        .collect();
    b.index = HashMap::new();
    b.tags_seen = HashSet::new();

    let shown_entity = |e: usize| shown(&keys[e]);
    let links = reasons_of::links(
        reasons_of::Document {
            relations: std::mem::take(&mut b.relations),
            inferences: std::mem::take(&mut b.inferences),
            node_of: &node_of,
            main_inference: &main_inference,
            against_of: &against_of,
            shown: &shown_entity,
            lines: &b.lines,
        },
        &nodes,
        &mut b.warnings,
    );
    let inferred = infer_kinds(nodes.iter().map(|n| n.id.as_str()), &links);
    for ((node, kind), guess) in nodes.iter_mut().zip(kinds).zip(inferred) {
        node.kind = kind.unwrap_or(guess);
    }
    // Nodes in the order they are defined (a reference may come before the definition).
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by_key(|&i| places[i]);
    drop(keys);
    let mut slots: Vec<Option<Node>> = nodes.into_iter().map(Some).collect();
    map.nodes = order.into_iter().filter_map(|i| slots[i].take()).collect();
    map.links = links;

    if let Some(main) = fm.main_claim {
        if map.node(&NodeId::from(main.as_str())).is_some() {
            map.main_claim = Some(main.into());
        } else {
            b.warnings.push(Message::nowhere(format!(
                "the main claim \"{main}\" named in the front matter is not a node; argmap will pick one"
            )));
        }
    }
    if let Some(Yaml::Seq(steps)) = &fm.presentation {
        let known: HashSet<String> = map.nodes.iter().map(|n| n.id.0.clone()).collect();
        let steps: Vec<Step> = steps
            .iter()
            .map(|s| Step {
                title: s
                    .get("title")
                    .and_then(Yaml::scalar_text)
                    .unwrap_or_default(),
                nodes: match s.get("nodes") {
                    Some(Yaml::Seq(ns)) => ns
                        .iter()
                        .filter_map(Yaml::scalar_text)
                        .filter(|n| known.contains(n))
                        .map(NodeId::from)
                        .collect(),
                    _ => Vec::new(),
                },
            })
            .collect();
        map.presentation = Some(steps);
    }

    let mut description: Vec<String> = Vec::new();
    if let Some(d) = fm.description {
        description.push(d);
    }
    description.extend(fm.extra_description);
    description.extend(b.prose.iter().cloned());
    map.description = description.join("\n\n");

    if map.nodes.is_empty() {
        b.warnings.push(Message::nowhere(
            "no statements or arguments found; the map is empty",
        ));
    }
    arrange_imported(&mut map);
    crate::interchange::refuse_invalid(&map).map_err(Failure::Import)?;
    // In file order; remarks about the whole file last.
    b.warnings.sort_by_key(|w| w.line.unwrap_or(usize::MAX));
    Ok(Imported {
        map,
        warnings: b.warnings,
    })
}
