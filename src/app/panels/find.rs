//! Find (Ctrl+F): a bar above the canvas. Typing filters (non-matching cards are dimmed),
//! Enter goes to the next match, Shift+Enter to the previous, Esc closes the bar and leaves
//! the found node selected with the keyboard back on the canvas.

use crate::edit::ChangeLog;
use crate::model::{ArgumentMap, NodeId};
use egui::{Key, Modifiers, Ui};
use std::collections::HashMap;

pub const FIELD_LABEL: &str = "Find in map";

#[derive(Default)]
pub struct FindState {
    pub open: bool,
    pub query: String,
    /// Index into the current matches of the one last gone to.
    pub current: Option<usize>,
    /// Focus the field on the next frame.
    pub focus: bool,
    /// The current matches (node indices, ascending), the query they are for and the last
    /// change of the map they include: every node's text is matched again when the query
    /// changes or nodes come or go; after an edit of some nodes, only those nodes.
    found: Vec<usize>,
    found_for: Option<(String, u64)>,
}

/// What the find bar asks the app to do.
pub enum FindRequest {
    /// Select and centre this node.
    GoTo(NodeId),
    Close,
}

/// Nodes whose text or notes contain `query`, case-insensitively, in map order.
pub fn matches(map: &ArgumentMap, query: &str) -> Vec<usize> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    map.nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| node_matches(n, &query))
        .map(|(i, _)| i)
        .collect()
}

/// Whether the node's text or notes contain `query` (trimmed and lowercased already).
fn node_matches(node: &crate::model::Node, query: &str) -> bool {
    contains_lowercase(&node.text, query) || contains_lowercase(&node.notes, query)
}

/// Whether `text`, lowercased, contains `query` (already lowercase). The same answer as
/// `text.to_lowercase().contains(query)`, without lowercasing a copy of every ASCII text
/// (most are): Find looks through every node again after each edit.
fn contains_lowercase(text: &str, query: &str) -> bool {
    if !text.is_ascii() {
        return text.to_lowercase().contains(query);
    }
    // An ASCII text lowercases to ASCII, which holds no other character.
    let (text, query) = (text.as_bytes(), query.as_bytes());
    let Some((&first, rest)) = query.split_first() else {
        return true;
    };
    if !first.is_ascii() || query.len() > text.len() {
        return false;
    }
    (0..=text.len() - query.len()).any(|at| {
        text[at].to_ascii_lowercase() == first
            && text[at + 1..at + query.len()]
                .iter()
                .zip(rest)
                .all(|(t, q)| t.to_ascii_lowercase() == *q)
    })
}

impl FindState {
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
        self.found_for = None;
    }

    /// Brings the matches up to date with the query and the map, whose recent changes are
    /// `changes` and node positions `index`; true when the matches changed.
    pub fn refresh(
        &mut self,
        map: &ArgumentMap,
        changes: &ChangeLog,
        index: &HashMap<NodeId, usize>,
    ) -> bool {
        let newest = changes.newest();
        let change = match &self.found_for {
            Some((query, seen)) if *query == self.query => changes.since(*seen),
            _ => None,
        };
        if let Some(change) = change
            && !change.rebuild
        {
            self.found_for = Some((self.query.clone(), newest));
            let query = self.query.trim().to_lowercase();
            let mut changed = false;
            if !change.shifts.is_empty() {
                // Indices move with the nodes inserted and removed before them.
                let moved = self.found.iter().filter_map(|&i| change.node_after(i));
                let moved: Vec<usize> = moved.collect();
                changed |= moved != self.found;
                self.found = moved;
            }
            let inserted = change.inserted_nodes().into_iter();
            let touched = change.nodes.iter().filter_map(|id| {
                let i = *index.get(id)?;
                map.nodes.get(i).is_some_and(|n| &n.id == id).then_some(i)
            });
            for i in inserted.chain(touched) {
                let Some(node) = map.nodes.get(i) else {
                    continue;
                };
                let now = !query.is_empty() && node_matches(node, &query);
                match (self.found.binary_search(&i), now) {
                    (Err(at), true) => self.found.insert(at, i),
                    (Ok(at), false) => {
                        self.found.remove(at);
                    }
                    _ => continue,
                }
                changed = true;
            }
            return changed;
        }
        self.found = matches(map, &self.query);
        self.found_for = Some((self.query.clone(), newest));
        true
    }

    /// The current matches, as of the last [`FindState::refresh`].
    pub fn found(&self) -> &[usize] {
        &self.found
    }

    pub fn show(&mut self, ui: &mut Ui, map: &ArgumentMap) -> Option<FindRequest> {
        let field_id = egui::Id::unique("argmap-find-field");
        let mut request = None;
        // Indices only (cheap to copy); `step` needs `self` mutably beside them.
        let found = self.found.clone();
        // Enter / Shift+Enter / Esc belong to the bar while its field has the keyboard.
        // (egui itself drops focus on Esc before we see it, hence "had focus".)
        if ui.memory(|m| m.has_focus(field_id) || m.had_focus_last_frame(field_id)) {
            let (next, previous, close) = ui.input_mut(|i| {
                let previous = i.consume_key(Modifiers::SHIFT, Key::Enter);
                let next = i.consume_key(Modifiers::NONE, Key::Enter);
                let close = i.consume_key(Modifiers::NONE, Key::Escape);
                (next, previous, close)
            });
            if close {
                return Some(FindRequest::Close);
            }
            if next || previous {
                request = self.step(&found, map, next);
            }
        }
        ui.horizontal(|ui| {
            let label = ui.label(FIELD_LABEL);
            let field = egui::TextEdit::singleline(&mut self.query)
                .id(field_id)
                .hint_text("words to look for")
                .desired_width(320.0);
            let response = ui.add(field).labelled_by(label.id);
            if self.focus {
                response.request_focus();
                self.focus = false;
            }
            if response.changed() {
                self.current = None;
            }
            let status = match (found.len(), self.current) {
                (0, _) if self.query.trim().is_empty() => String::new(),
                (0, _) => "No matches".to_owned(),
                (n, Some(c)) => format!("{} of {n}", c + 1),
                (n, None) => format!("{n} found"),
            };
            ui.label(status);
            if ui.button("Previous").on_hover_text("Shift+Enter").clicked() {
                request = self.step(&found, map, false);
            }
            if ui.button("Next").on_hover_text("Enter").clicked() {
                request = self.step(&found, map, true);
            }
            if ui.button("Close").on_hover_text("Esc").clicked() {
                request = Some(FindRequest::Close);
            }
        });
        request
    }

    fn step(&mut self, found: &[usize], map: &ArgumentMap, forward: bool) -> Option<FindRequest> {
        if found.is_empty() {
            return None;
        }
        let n = found.len();
        let next = match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
        };
        self.current = Some(next);
        Some(FindRequest::GoTo(map.nodes[found[next]].id.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_text_and_notes_case_insensitively() {
        let map = crate::bundled::article_map();
        let hits = matches(&map, "KHAMENEI");
        assert!(hits.len() > 3);
        assert!(hits.iter().all(|&i| {
            let n = &map.nodes[i];
            n.text.to_lowercase().contains("khamenei")
                || n.notes.to_lowercase().contains("khamenei")
        }));
        assert!(matches(&map, "   ").is_empty());
        assert!(matches(&map, "zzzz-not-there").is_empty());
    }

    #[test]
    fn ascii_and_other_texts_match_as_lowercased_copies_do() {
        let texts = [
            "Air got CLEANER",
            "Straße und STRASSE",
            "ǅemal İstanbul",
            "",
            "K",
        ];
        let queries = [
            "cleaner", "er", "straße", "strasse", "ǆ", "i̇st", "k", "", "x", "ü",
        ];
        for text in texts {
            for query in queries {
                assert_eq!(
                    contains_lowercase(text, query),
                    text.to_lowercase().contains(query),
                    "{text:?} {query:?}"
                );
            }
        }
        // The Kelvin sign lowercases to an ASCII k: not an ASCII text, so the slow path sees it.
        assert!(contains_lowercase("\u{212A}elvin", "kelvin"));
    }

    #[test]
    fn matches_are_recomputed_when_the_query_or_the_map_changes_and_only_then() {
        use crate::edit::{Change, Edit};
        let mut map = crate::bundled::article_map();
        let index: HashMap<NodeId, usize> = (map.nodes.iter().enumerate())
            .map(|(i, n)| (n.id.clone(), i))
            .collect();
        let mut log = ChangeLog::default();
        let mut find = FindState::default();
        find.open();
        find.query = "Rouhani".into();
        assert!(find.refresh(&map, &log, &index));
        let rouhani = find.found().to_vec();
        assert_eq!(rouhani, matches(&map, "Rouhani"));
        assert!(!find.refresh(&map, &log, &index), "nothing changed");
        find.query.push_str(" ult");
        assert!(find.refresh(&map, &log, &index));
        assert!(find.found().len() < rouhani.len());

        // An edit of one node's text: that node is matched again, and only it.
        let first = map.nodes[0].id.clone();
        let edit = Edit::SetText {
            id: first.clone(),
            text: format!("{} Rouhani ult", map.nodes[0].text),
        };
        log.record(Change::of(&edit));
        edit.apply(&mut map).unwrap();
        assert!(find.refresh(&map, &log, &index));
        assert!(find.found().contains(&0));
        assert_eq!(find.found(), matches(&map, "Rouhani ult"));
        // An edit that changes no match: nothing to redraw.
        let edit = Edit::SetText {
            id: first,
            text: format!("{} again", map.nodes[0].text),
        };
        log.record(Change::of(&edit));
        edit.apply(&mut map).unwrap();
        assert!(!find.refresh(&map, &log, &index));
        assert_eq!(find.found(), matches(&map, "Rouhani ult"));

        // Nodes coming or going: matched again from scratch.
        map.nodes.remove(0);
        log.record(Change::everything());
        assert!(find.refresh(&map, &log, &index));
        assert_eq!(find.found(), matches(&map, "Rouhani ult"));
        // Reopening the bar recomputes even with the same query and map.
        find.open();
        assert!(find.refresh(&map, &log, &index));
    }
}
