//! What changed between two versions of a map, item by item (matched by id), not line by line.

use super::words::word_changes;
use crate::model::{ArgumentMap, Citation, Link, Node, NodeId, Relation, Source, SourceId};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::Hash;

/// One field that differs: its name and both values as people read them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub old: String,
    pub new: String,
    /// For a long text that kept some of its words: the changed words in their context
    /// (`…word [-old-]{+new+} word…`), shown instead of `old → new`.
    pub words: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// The map's title, description, main claim or talk.
    Map(FieldChange),
    NodeAdded(Node),
    NodeRemoved(Node),
    NodeChanged {
        id: NodeId,
        changes: Vec<FieldChange>,
    },
    LinkAdded(Link),
    LinkRemoved(Link),
    LinkChanged {
        from: NodeId,
        to: NodeId,
        old: Relation,
        new: Relation,
    },
    /// A reason's parts beyond its relation: co-premises, undercut, scheme, warrant, answer.
    ReasonChanged {
        from: NodeId,
        to: NodeId,
        changes: Vec<FieldChange>,
    },
    SourceAdded(Source),
    SourceRemoved(Source),
    SourceChanged {
        id: SourceId,
        changes: Vec<FieldChange>,
    },
    /// The same items are there, in another order ("nodes", "links", "sources").
    Reordered(&'static str),
}

/// Every change from one map to another, in file order: map fields, nodes, links, sources.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapDiff {
    pub entries: Vec<Entry>,
}

impl MapDiff {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A string value for messages: quoted, with line breaks shown as `\n`.
pub(crate) fn quoted(text: &str) -> String {
    format!("{text:?}")
}

/// `quoted`, cut to about `max` characters.
pub(crate) fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        quoted(text)
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{}…", quoted(&cut))
    }
}

fn change(field: &str, old: String, new: String) -> FieldChange {
    FieldChange {
        field: field.to_owned(),
        old,
        new,
        words: None,
    }
}

/// A changed text: short one-line texts as `"old" → "new"`; longer ones as their changed
/// words when the versions share any, else both cut to `max` characters.
fn text_change(field: &str, old: &str, new: &str, max: usize) -> FieldChange {
    let short_line = |t: &str| t.chars().count() <= 80 && !t.contains('\n');
    let words = if short_line(old) && short_line(new) {
        None
    } else {
        word_changes(old, new)
    };
    FieldChange {
        words,
        ..change(field, short(old, max), short(new, max))
    }
}

/// An optional long text (a source's text): none, or its start and its length.
fn sized(text: Option<&str>) -> String {
    match text {
        None => "none".to_owned(),
        Some(t) => format!("{} ({} characters)", short(t, 120), t.chars().count()),
    }
}

fn optional(value: Option<&str>) -> String {
    value.map_or_else(|| "none".to_owned(), quoted)
}

fn citation_text(c: &Citation) -> String {
    let mut s = format!("of {}", quoted(c.source.as_str()));
    if !c.quote.is_empty() {
        s.push_str(&format!(": {}", short(&c.quote, 80)));
    }
    if !c.locator.is_empty() {
        s.push_str(&format!(" ({})", c.locator));
    }
    s
}

/// The fields of a node that differ between `old` and `new` (same id).
pub fn node_changes(old: &Node, new: &Node) -> Vec<FieldChange> {
    let mut out = Vec::new();
    if old.text != new.text {
        out.push(text_change("text", &old.text, &new.text, 200));
    }
    if old.kind != new.kind {
        out.push(change(
            "kind",
            old.kind.as_str().into(),
            new.kind.as_str().into(),
        ));
    }
    if old.notes != new.notes {
        out.push(text_change("notes", &old.notes, &new.notes, 200));
    }
    let (a, b) = (old.pos.rounded(), new.pos.rounded());
    if a != b {
        out.push(change(
            "moved",
            format!("({}, {})", a.x, a.y),
            format!("({}, {})", b.x, b.y),
        ));
    }
    if old.pinned != new.pinned {
        let word = |p: bool| if p { "pinned" } else { "not pinned" }.to_owned();
        out.push(change("pinned", word(old.pinned), word(new.pinned)));
    }
    let (old_cites, new_cites): (HashSet<&Citation>, HashSet<&Citation>) = (
        old.citations.iter().collect(),
        new.citations.iter().collect(),
    );
    for c in &new.citations {
        if !old_cites.contains(c) {
            out.push(change("+ citation", String::new(), citation_text(c)));
        }
    }
    for c in &old.citations {
        if !new_cites.contains(c) {
            out.push(change("- citation", citation_text(c), String::new()));
        }
    }
    out
}

/// The fields of a source that differ (long texts are summarised).
pub fn source_changes(old: &Source, new: &Source) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut text = |field: &str, a: &str, b: &str| {
        if a != b {
            out.push(change(field, short(a, 120), short(b, 120)));
        }
    };
    text("title", &old.title, &new.title);
    text("kind", old.kind.as_str(), new.kind.as_str());
    text("authors", &old.authors.join("; "), &new.authors.join("; "));
    text("outlet", &old.outlet, &new.outlet);
    text("date", &old.date, &new.date);
    text("url", &old.url, &new.url);
    text("accessed", &old.accessed, &new.accessed);

    let rating = |s: &Source| s.rating().unwrap_or_else(|| "unrated".into());
    if rating(old) != rating(new) {
        out.push(change("rating", rating(old), rating(new)));
    }
    if old.reported_in != new.reported_in {
        out.push(change(
            "reported in",
            optional(old.reported_in.as_ref().map(|s| s.as_str())),
            optional(new.reported_in.as_ref().map(|s| s.as_str())),
        ));
    }
    if old.notes != new.notes {
        out.push(text_change("notes", &old.notes, &new.notes, 120));
    }
    match (&old.text, &new.text) {
        (Some(a), Some(b)) if a != b => out.push(text_change("text", a, b, 120)),
        (a, b) if a != b => out.push(change("text", sized(a.as_deref()), sized(b.as_deref()))),
        _ => {}
    }
    out
}

/// Each item's key with how many items before it had the same key: items are matched by
/// both, so a (broken) map with a duplicate id compares equal to itself, its second `a`
/// matched with the other's second `a`.
fn keyed<K: Copy + Eq + Hash>(keys: impl ExactSizeIterator<Item = K>) -> Vec<(K, usize)> {
    let mut seen: HashMap<K, usize> = HashMap::with_capacity(keys.len());
    keys.map(|k| {
        let count = seen.entry(k).or_insert(0);
        *count += 1;
        (k, *count - 1)
    })
    .collect()
}

/// Whether the items common to both lists come in the same order.
fn same_order<K: Eq + Hash>(old: &[K], new: &[K]) -> bool {
    let in_new: HashSet<&K> = new.iter().collect();
    let in_old: HashSet<&K> = old.iter().collect();
    old.iter()
        .filter(|k| in_new.contains(k))
        .eq(new.iter().filter(|k| in_old.contains(k)))
}

/// What changed from `old` to `new`.
pub fn diff(old: &ArgumentMap, new: &ArgumentMap) -> MapDiff {
    let mut entries = Vec::new();
    if old.title != new.title {
        entries.push(Entry::Map(change(
            "title",
            quoted(&old.title),
            quoted(&new.title),
        )));
    }
    if old.description != new.description {
        entries.push(Entry::Map(text_change(
            "description",
            &old.description,
            &new.description,
            200,
        )));
    }
    if old.main_claim != new.main_claim {
        entries.push(Entry::Map(change(
            "main claim",
            optional(old.main_claim.as_ref().map(|id| id.as_str())),
            optional(new.main_claim.as_ref().map(|id| id.as_str())),
        )));
    }
    if old.presentation != new.presentation {
        let steps = |p: &Option<Vec<crate::model::Step>>| match p {
            None => "the default walk".to_owned(),
            Some(steps) => format!("{} arranged steps", steps.len()),
        };
        entries.push(Entry::Map(change(
            "talk",
            steps(&old.presentation),
            steps(&new.presentation),
        )));
    }

    if old.layout_direction != new.layout_direction {
        entries.push(Entry::Map(change(
            "layout direction",
            old.layout_direction.as_str().to_owned(),
            new.layout_direction.as_str().to_owned(),
        )));
    }

    let (old_keys, new_keys) = (
        keyed(old.nodes.iter().map(|n| &n.id)),
        keyed(new.nodes.iter().map(|n| &n.id)),
    );
    let new_at: HashMap<_, &Node> = new_keys.iter().copied().zip(&new.nodes).collect();
    let in_old: HashSet<_> = old_keys.iter().collect();
    for (k, n) in old_keys.iter().zip(&old.nodes) {
        match new_at.get(k) {
            None => entries.push(Entry::NodeRemoved(n.clone())),
            Some(m) => {
                let changes = node_changes(n, m);
                if !changes.is_empty() {
                    entries.push(Entry::NodeChanged {
                        id: n.id.clone(),
                        changes,
                    });
                }
            }
        }
    }
    for (k, n) in new_keys.iter().zip(&new.nodes) {
        if !in_old.contains(k) {
            entries.push(Entry::NodeAdded(n.clone()));
        }
    }
    if !same_order(&old_keys, &new_keys) {
        entries.push(Entry::Reordered("nodes"));
    }

    let (old_keys, new_keys) = (
        keyed(old.links.iter().map(|l| (&l.from, &l.to))),
        keyed(new.links.iter().map(|l| (&l.from, &l.to))),
    );
    let new_at: HashMap<_, &Link> = new_keys.iter().copied().zip(&new.links).collect();
    let in_old: HashSet<_> = old_keys.iter().collect();
    for (k, l) in old_keys.iter().zip(&old.links) {
        match new_at.get(k) {
            None => entries.push(Entry::LinkRemoved(l.clone())),
            Some(m) => {
                if m.relation != l.relation {
                    entries.push(Entry::LinkChanged {
                        from: l.from.clone(),
                        to: l.to.clone(),
                        old: l.relation,
                        new: m.relation,
                    });
                }
                let changes = reason_changes(l, m);
                if !changes.is_empty() {
                    entries.push(Entry::ReasonChanged {
                        from: l.from.clone(),
                        to: l.to.clone(),
                        changes,
                    });
                }
            }
        }
    }
    for (k, l) in new_keys.iter().zip(&new.links) {
        if !in_old.contains(k) {
            entries.push(Entry::LinkAdded(l.clone()));
        }
    }
    if !same_order(&old_keys, &new_keys) {
        entries.push(Entry::Reordered("links"));
    }

    let (old_keys, new_keys) = (
        keyed(old.sources.iter().map(|s| &s.id)),
        keyed(new.sources.iter().map(|s| &s.id)),
    );
    let new_at: HashMap<_, &Source> = new_keys.iter().copied().zip(&new.sources).collect();
    let in_old: HashSet<_> = old_keys.iter().collect();
    for (k, s) in old_keys.iter().zip(&old.sources) {
        match new_at.get(k) {
            None => entries.push(Entry::SourceRemoved(s.clone())),
            Some(t) => {
                let changes = source_changes(s, t);
                if !changes.is_empty() {
                    entries.push(Entry::SourceChanged {
                        id: s.id.clone(),
                        changes,
                    });
                }
            }
        }
    }
    for (k, s) in new_keys.iter().zip(&new.sources) {
        if !in_old.contains(k) {
            entries.push(Entry::SourceAdded(s.clone()));
        }
    }
    if !same_order(&old_keys, &new_keys) {
        entries.push(Entry::Reordered("sources"));
    }
    MapDiff { entries }
}

/// What changed in a reason beyond its relation, part by part.
fn reason_changes(old: &Link, new: &Link) -> Vec<FieldChange> {
    let list = |ids: &[NodeId]| {
        let quoted: Vec<String> = ids.iter().map(|id| quoted(id.as_str())).collect();
        format!("[{}]", quoted.join(", "))
    };
    let opt = |v: &Option<String>| v.as_ref().map_or("none".to_owned(), |s| quoted(s));
    let mut out = Vec::new();
    if old.with != new.with {
        out.push(change("co-premises", list(&old.with), list(&new.with)));
    }
    if old.undercuts != new.undercuts {
        let name =
            |p: &Option<NodeId>| p.as_ref().map_or("none".to_owned(), |p| quoted(p.as_str()));
        out.push(change(
            "undercuts",
            name(&old.undercuts),
            name(&new.undercuts),
        ));
    }
    if old.scheme != new.scheme {
        out.push(change("scheme", opt(&old.scheme), opt(&new.scheme)));
    }
    if old.warrant != new.warrant {
        out.push(change("warrant", opt(&old.warrant), opt(&new.warrant)));
    }
    if old.answers != new.answers {
        let n = |a: Option<u32>| a.map_or("none".to_owned(), |n| n.to_string());
        out.push(change("answers", n(old.answers), n(new.answers)));
    }
    out
}

fn arrow(l: &Link) -> String {
    let with: Vec<String> = l
        .with
        .iter()
        .map(|p| format!(" + {}", quoted(p.as_str())))
        .collect();
    let undercut = l.undercuts.as_ref().map_or(String::new(), |p| {
        format!(" (undercutting {}'s reason)", quoted(p.as_str()))
    });
    format!(
        "{}{} → {}{undercut}",
        quoted(l.from.as_str()),
        with.concat(),
        quoted(l.to.as_str())
    )
}

impl fmt::Display for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fields = |f: &mut fmt::Formatter<'_>, changes: &[FieldChange]| -> fmt::Result {
            for c in changes {
                if let Some(words) = &c.words {
                    writeln!(f, "    {}: {words}", c.field)?;
                } else if c.field.starts_with('+') {
                    writeln!(f, "    {} {}", c.field, c.new)?;
                } else if c.field.starts_with('-') {
                    writeln!(f, "    {} {}", c.field, c.old)?;
                } else {
                    writeln!(f, "    {}: {} → {}", c.field, c.old, c.new)?;
                }
            }
            Ok(())
        };
        match self {
            Entry::Map(c) => match &c.words {
                Some(words) => writeln!(f, "~ {}: {words}", c.field),
                None => writeln!(f, "~ {}: {} → {}", c.field, c.old, c.new),
            },
            Entry::NodeAdded(n) => writeln!(
                f,
                "+ node {} ({}): {}",
                quoted(n.id.as_str()),
                n.kind.as_str(),
                short(&n.text, 100)
            ),
            Entry::NodeRemoved(n) => writeln!(
                f,
                "- node {} ({}): {}",
                quoted(n.id.as_str()),
                n.kind.as_str(),
                short(&n.text, 100)
            ),
            Entry::NodeChanged { id, changes } => {
                writeln!(f, "~ node {}:", quoted(id.as_str()))?;
                fields(f, changes)
            }
            Entry::LinkAdded(l) => writeln!(f, "+ link {} ({})", arrow(l), l.relation.as_str()),
            Entry::LinkRemoved(l) => writeln!(f, "- link {} ({})", arrow(l), l.relation.as_str()),
            Entry::LinkChanged { from, to, old, new } => writeln!(
                f,
                "~ link {} → {}: {} → {}",
                quoted(from.as_str()),
                quoted(to.as_str()),
                old.as_str(),
                new.as_str()
            ),
            Entry::ReasonChanged { from, to, changes } => {
                writeln!(
                    f,
                    "~ reason {} → {}:",
                    quoted(from.as_str()),
                    quoted(to.as_str())
                )?;
                fields(f, changes)
            }
            Entry::SourceAdded(s) => {
                writeln!(
                    f,
                    "+ source {}: {}",
                    quoted(s.id.as_str()),
                    short(&s.title, 100)
                )
            }
            Entry::SourceRemoved(s) => {
                writeln!(
                    f,
                    "- source {}: {}",
                    quoted(s.id.as_str()),
                    short(&s.title, 100)
                )
            }
            Entry::SourceChanged { id, changes } => {
                writeln!(f, "~ source {}:", quoted(id.as_str()))?;
                fields(f, changes)
            }
            Entry::Reordered(what) => writeln!(f, "~ {what} reordered"),
        }
    }
}

impl fmt::Display for MapDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.entries {
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NodeKind, Position};

    fn base() -> ArgumentMap {
        let mut m = ArgumentMap::new("T");
        m.nodes = vec![
            Node::new("a", NodeKind::Claim, "A", Position::new(0.0, 0.0)),
            Node::new("b", NodeKind::Evidence, "B", Position::new(0.0, 200.0)),
        ];
        m.links = vec![Link::new("b", "a", Relation::Supports)];
        m.sources = vec![Source::new("s", "Source")];
        m
    }

    #[test]
    fn equal_maps_have_no_changes() {
        assert!(diff(&base(), &base()).is_empty());
    }

    #[test]
    fn changes_name_items_and_fields() {
        let old = base();
        let mut new = base();
        new.title = "T2".into();
        new.nodes[0].text = "A changed".into();
        new.nodes[0].pos = Position::new(10.0, 0.0);
        new.nodes[1].citations.push(Citation::new("s", "quote"));
        new.nodes.push(Node::new(
            "c",
            NodeKind::Counterpoint,
            "C",
            Position::default(),
        ));
        new.links[0].relation = Relation::Opposes;
        new.links.push(Link::new("c", "a", Relation::Opposes));
        new.sources[0].url = "https://x.org".into();
        let text = diff(&old, &new).to_string();
        assert_eq!(
            text,
            "~ title: \"T\" → \"T2\"\n\
             ~ node \"a\":\n    text: \"A\" → \"A changed\"\n    moved: (0, 0) → (10, 0)\n\
             ~ node \"b\":\n    + citation of \"s\": \"quote\"\n\
             + node \"c\" (counterpoint): \"C\"\n\
             ~ link \"b\" → \"a\": supports → opposes\n\
             + link \"c\" → \"a\" (opposes)\n\
             ~ source \"s\":\n    url: \"\" → \"https://x.org\"\n"
        );
    }

    #[test]
    fn removals_and_reordering() {
        let old = base();
        let mut new = base();
        new.nodes.reverse();
        new.links.clear();
        new.sources.clear();
        let text = diff(&old, &new).to_string();
        assert_eq!(
            text,
            "~ nodes reordered\n- link \"b\" → \"a\" (supports)\n- source \"s\": \"Source\"\n"
        );
    }
}
