//! The command palette (Ctrl+Shift+P): every command with its shortcut, and the map's nodes,
//! filtered as you type; Enter runs the command or goes to the node.

use crate::app::commands::{self, Action};
use crate::model::{ArgumentMap, NodeId};
use egui::{Align2, Key, Modifiers, vec2};
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Matcher, Utf32Str};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The most nodes listed: enough to pick from, few enough to draw at once.
pub const MAX_NODES: usize = 50;
/// How much of a node's text a row shows.
const SNIPPET_CHARS: usize = 90;

/// One row of the palette.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Command(Action),
    /// A node, with the text its row shows.
    Node {
        id: NodeId,
        label: String,
    },
}

/// What the user picked.
#[derive(Clone, Debug, PartialEq)]
pub enum PaletteChoice {
    Run(Action),
    GoTo(NodeId),
}

#[derive(Default)]
pub struct Palette {
    pub open: bool,
    query: String,
    selected: usize,
    items: Vec<Item>,
    /// The query and map version `items` were computed for.
    computed_for: Option<(String, u64)>,
    /// Scroll the selected row into view on the next frame.
    scroll_to_selected: bool,
}

/// The commands and nodes matching `query`, best first. An empty query lists every command
/// in the table's order. Nodes are matched only when there is something typed, and only the
/// [`MAX_NODES`] best are kept (a bounded heap: linear in the map's size).
pub fn matches(query: &str, map: &ArgumentMap) -> Vec<Item> {
    let commands = Action::iter().filter(|a| *a != Action::CommandPalette);
    if query.trim().is_empty() {
        return commands.map(Item::Command).collect();
    }
    // Fuzzy, as in editors' palettes: "arr map" finds "Arrange map", and word order and case
    // do not matter. nucleo-matcher is helix's matcher: maintained, fast, and it scores
    // word-boundary and consecutive matches above scattered letters.
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    // Nodes are sentences: scattered letters of "arrange map" turn up in most of them, so a
    // node must hold each typed word (or the start of one) somewhere, in any order.
    let words = Pattern::new(
        query,
        CaseMatching::Ignore,
        Normalization::Smart,
        AtomKind::Substring,
    );
    let mut matcher = Matcher::default();
    let mut buf = Vec::new();
    let mut score = |text: &str| pattern.score(Utf32Str::new(text, &mut buf), &mut matcher);
    let mut node_matcher = Matcher::default();
    let mut node_buf = Vec::new();
    let mut node_score =
        |text: &str| words.score(Utf32Str::new(text, &mut node_buf), &mut node_matcher);

    // (score, commands before nodes, then table or map order)
    let mut ranked: Vec<(u32, usize, Item)> = Vec::new();
    for (order, action) in commands.enumerate() {
        if let Some(s) = score(action.text()) {
            ranked.push((s, order, Item::Command(action)));
        }
    }
    let mut best: BinaryHeap<Reverse<(u32, Reverse<usize>)>> = BinaryHeap::new();
    for (i, node) in map.nodes.iter().enumerate() {
        if let Some(s) = node_score(&node.text) {
            best.push(Reverse((s, Reverse(i))));
            if best.len() > MAX_NODES {
                best.pop(); // the weakest (and, among equals, the latest in the map)
            }
        }
    }
    let main = map.main_claim();
    ranked.extend(best.into_iter().map(|Reverse((s, Reverse(i)))| {
        let node = &map.nodes[i];
        let kind = if main == Some(&node.id) {
            "Main claim"
        } else {
            node.kind.label()
        };
        let label = format!("Go to {kind}: {}", snippet(&node.text));
        (
            s,
            usize::MAX / 2 + i,
            Item::Node {
                id: node.id.clone(),
                label,
            },
        )
    }));
    ranked.sort_by_key(|(s, order, _)| (Reverse(*s), *order));
    ranked.into_iter().map(|(_, _, item)| item).collect()
}

fn snippet(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > SNIPPET_CHARS {
        let cut: String = line.chars().take(SNIPPET_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        line
    }
}

impl Palette {
    pub fn toggle(&mut self) {
        if self.open {
            self.open = false;
        } else {
            *self = Palette {
                open: true,
                ..Palette::default()
            };
        }
    }

    fn refresh(&mut self, map: &ArgumentMap, version: u64) {
        let current = (self.query.clone(), version);
        if self.computed_for.as_ref() != Some(&current) {
            self.items = matches(&self.query, map);
            if self
                .computed_for
                .as_ref()
                .is_none_or(|(q, _)| *q != self.query)
            {
                self.selected = 0;
            }
            self.selected = self.selected.min(self.items.len().saturating_sub(1));
            self.computed_for = Some(current);
        }
    }

    /// Draws the palette when open; returns what the user picked (and then closes).
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        map: &ArgumentMap,
        version: u64,
    ) -> Option<PaletteChoice> {
        if !self.open {
            return None;
        }
        self.refresh(map, version);
        // Taken before the text field sees them: Enter would end its editing, arrows would
        // move its cursor.
        let (enter, up, down, toggle) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                Action::CommandPalette
                    .shortcut()
                    .is_some_and(|s| i.consume_shortcut(&s)),
            )
        });
        if down && self.selected + 1 < self.items.len() {
            self.selected += 1;
            self.scroll_to_selected = true;
        }
        if up && self.selected > 0 {
            self.selected -= 1;
            self.scroll_to_selected = true;
        }
        let mut clicked = None;
        let id = egui::Id::unique("command palette");
        // Wider with a larger interface text size, so commands and shortcuts still fit.
        let width = 560.0 * ctx.global_style().text_styles[&egui::TextStyle::Body].size / 12.5;
        let modal = egui::Modal::new(id)
            .area(egui::Modal::default_area(id).anchor(Align2::CENTER_TOP, vec2(0.0, 70.0)))
            .show(ctx, |ui| {
                ui.set_width(width);
                let title = ui.label("Command palette");
                let field = egui::TextEdit::singleline(&mut self.query)
                    .id(egui::Id::unique("command palette query"))
                    .hint_text("Type a command, or words of a node to go to it")
                    .desired_width(f32::INFINITY);
                let response = ui.add(field).labelled_by(title.id);
                if !response.has_focus() {
                    response.request_focus();
                }
                ui.separator();
                if self.items.is_empty() {
                    ui.weak("No command or node matches.");
                }
                egui::ScrollArea::vertical()
                    .max_height(ui.text_style_height(&egui::TextStyle::Body) * 24.0)
                    .show(ui, |ui| {
                        for (i, item) in self.items.iter().enumerate() {
                            let selected = i == self.selected;
                            let row = match item {
                                Item::Command(action) => {
                                    let mut button =
                                        egui::Button::selectable(selected, action.text());
                                    if let Some(keys) = commands::keys_text(ui.ctx(), *action) {
                                        button = button.shortcut_text(keys);
                                    }
                                    ui.add(button.min_size(vec2(ui.available_width(), 0.0)))
                                        .on_hover_text(action.tooltip())
                                }
                                Item::Node { label, .. } => ui.add(
                                    egui::Button::selectable(selected, label.as_str())
                                        .truncate()
                                        .min_size(vec2(ui.available_width(), 0.0)),
                                ),
                            };
                            if selected && self.scroll_to_selected {
                                row.scroll_to_me(None);
                            }
                            if row.clicked() {
                                clicked = Some(i);
                            }
                        }
                    });
            });
        self.scroll_to_selected = false;
        let picked = clicked.or((enter && !self.items.is_empty()).then_some(self.selected));
        let choice = picked
            .and_then(|i| self.items.get(i))
            .map(|item| match item {
                Item::Command(action) => PaletteChoice::Run(*action),
                Item::Node { id, .. } => PaletteChoice::GoTo(id.clone()),
            });
        if choice.is_some() || toggle || modal.should_close() {
            self.open = false;
        }
        choice
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_query_lists_every_command_but_itself() {
        let map = crate::bundled::article_map();
        let items = matches("", &map);
        assert_eq!(items.len(), Action::iter().count() - 1);
        assert!(!items.contains(&Item::Command(Action::CommandPalette)));
        assert!(items.iter().all(|i| matches!(i, Item::Command(_))));
    }

    #[test]
    fn typed_letters_find_the_command_first() {
        let map = crate::bundled::article_map();
        assert_eq!(
            matches("arrange map", &map)[0],
            Item::Command(Action::ArrangeAll)
        );
        assert_eq!(
            matches("ARR MAP", &map)[0],
            Item::Command(Action::ArrangeAll)
        );
        assert_eq!(
            matches("shortcuts", &map)[0],
            Item::Command(Action::ShowShortcuts)
        );
        assert!(matches("qqqxxzz", &map).is_empty());
    }

    #[test]
    fn a_nodes_words_find_that_node_first() {
        let map = crate::bundled::article_map();
        let node = &map.nodes[map.nodes.len() / 2];
        let words: Vec<&str> = node.text.split_whitespace().take(4).collect();
        let items = matches(&words.join(" "), &map);
        match &items[0] {
            Item::Node { id, label } => {
                assert_eq!(id, &node.id);
                assert!(label.starts_with("Go to "), "{label}");
            }
            other => panic!("expected the node first, got {other:?}"),
        }
    }

    #[test]
    fn a_command_name_does_not_list_nodes_that_merely_hold_its_letters() {
        let map = crate::bundled::article_map();
        // Every node of the article holds a, r, n, g, e, m, p scattered; none holds "arrange".
        let items = matches("arrange map", &map);
        assert!(matches!(items[0], Item::Command(Action::ArrangeAll)));
        assert!(
            !items.iter().any(|i| matches!(i, Item::Node { .. })),
            "{items:?}"
        );
        // Words in any order, and the start of a word, still find a node.
        let found = matches("dialogue khamen", &map);
        assert!(found.iter().any(|i| matches!(i, Item::Node { .. })));
    }

    #[test]
    fn keeps_only_the_best_nodes_of_a_big_map() {
        let map = crate::generate::generate(5_000, 7);
        let items = matches("e", &map);
        let nodes = items
            .iter()
            .filter(|i| matches!(i, Item::Node { .. }))
            .count();
        assert_eq!(nodes, MAX_NODES);
    }
}
