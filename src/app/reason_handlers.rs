//! Carrying out the reason commands: a co-premise beside the selected premise, an undercut of
//! the selected reason, joining premises into one reason and splitting one apart, cards
//! dragged into or out of a reason's box, and answering a critical question. Each is one
//! edit from `edit::reasons`, so one undo step.

use super::ArgmapApp;
use super::command_handlers::NEW_CARD_HEIGHT;
use super::view::NewLink;
use crate::edit::{self, Edit, EditError};
use crate::model::{ArgumentMap, Link, NodeId, NodeKind, Position};
use egui::{Rect, Vec2, pos2, vec2};
use std::collections::HashMap;

type Reason = (NodeId, NodeId);

fn ends(link: &Link) -> Reason {
    (link.from.clone(), link.to.clone())
}

/// The reason (not an undercut) on any node that `premise` is a premise of, the first in
/// the map's order.
fn reason_of(map: &ArgumentMap, premise: &NodeId) -> Option<Reason> {
    map.links
        .iter()
        .find(|l| !l.is_undercut() && l.premises().any(|p| p == premise))
        .map(ends)
}

impl ArgmapApp {
    /// The edit that joins the new node `id` to the map as `how` says.
    pub(super) fn joining(&self, id: &NodeId, how: NewLink) -> Result<Edit, EditError> {
        let map = self.doc.map();
        match how {
            NewLink::On(parent, relation) => Ok(Edit::AddLink {
                index: map.links.len(),
                link: Link::new(id.clone(), parent, relation),
            }),
            NewLink::CoPremise(from, to) => edit::add_premise(map, (&from, &to), id),
            NewLink::Undercut {
                reason: (from, to),
                answers,
            } => {
                if map.link(&from, &to).is_none() {
                    return Err(EditError::NoSuchLink(from, to));
                }
                Ok(Edit::AddLink {
                    index: map.links.len(),
                    link: Link {
                        answers,
                        ..Link::undercut(id.clone(), from, to)
                    },
                })
            }
        }
    }

    /// The reason the selection stands for: the selected link, or the reason the selected
    /// node is a premise of.
    fn selected_reason(&self) -> Option<Reason> {
        if let Some(link) = self.view.selection.link() {
            return Some(link.clone());
        }
        reason_of(self.doc.map(), self.view.selection.primary()?)
    }

    fn card_rect(&self, i: usize) -> Rect {
        self.sizes
            .rect(&self.doc.map().nodes[i], self.derived.is_main(i))
    }

    /// Where a new card goes near `near` (map units), clear of the cards there.
    fn clear_spot_near(&self, near: egui::Pos2) -> egui::Pos2 {
        let size = (super::canvas::card::CARD_WIDTH, NEW_CARD_HEIGHT);
        let pos = crate::layout::place_new_card(
            self.doc.map(),
            &self.card_size_of(),
            Position::new(near.x, near.y),
            size,
        );
        pos2(pos.x, pos.y)
    }

    /// Starts typing a new premise that bears on `reason`'s target together with its
    /// premises, placed beside the last of them.
    pub(super) fn add_co_premise(&mut self, reason: Option<Reason>) {
        let Some((from, to)) = reason.or_else(|| self.selected_reason()) else {
            self.window.message = Some(
                "Select a premise (a node that bears on another) or its link: Shift+Enter adds \
                 a premise that bears on the same node together with it."
                    .into(),
            );
            return;
        };
        let map = self.doc.map();
        let Some(link) = map.link(&from, &to) else {
            return;
        };
        // Of the selected premise's kind (evidence beside evidence), placed after the last.
        let last = link.premises().last().unwrap_or(&link.from);
        let Some(&p) = self.derived.index.get(last) else {
            return;
        };
        let selected = self
            .view
            .selection
            .primary()
            .filter(|id| link.premises().any(|q| q == *id))
            .and_then(|id| self.derived.index.get(id));
        let kind = map.nodes[*selected.unwrap_or(&p)].kind;
        let beside = self.card_rect(p);
        let at = self.clear_spot_near(beside.left_top());
        self.start_new_node(kind, at, Some(NewLink::CoPremise(from, to)));
        self.window.message = Some("Type the co-premise; Enter adds it to the reason.".into());
    }

    /// Starts typing a counterpoint that undercuts `reason` (attacks its inference, not its
    /// target), placed beside the reason's arrow; `answers` is the critical question of its
    /// scheme it answers, if any.
    pub(super) fn undercut_reason(&mut self, reason: Option<Reason>, answers: Option<u32>) {
        let Some((from, to)) = reason.or_else(|| self.selected_reason()) else {
            self.window.message = Some(
                "Select a link or a premise first: U adds a counterpoint that attacks the \
                 inference, not the claim."
                    .into(),
            );
            return;
        };
        let map = self.doc.map();
        let Some(i) = map.links.iter().position(|l| l.same_ends(&from, &to)) else {
            return;
        };
        let card = |n: usize| self.card_rect(n);
        let Some(placed) = super::canvas::reasons::place(map, &self.derived, &card, i) else {
            return;
        };
        let marker = super::canvas::reasons::marker(&placed.route);
        let at = self.clear_spot_near(marker + vec2(60.0, -NEW_CARD_HEIGHT / 2.0));
        self.start_new_node(
            NodeKind::Counterpoint,
            at,
            Some(NewLink::Undercut {
                reason: (from, to),
                answers,
            }),
        );
        self.window.message = Some(match answers.and_then(|n| self.question_text(i, n)) {
            Some(question) => format!("Answering: {question}"),
            None => "Type the undercut: why the premises do not support the conclusion.".into(),
        });
    }

    fn question_text(&self, link: usize, number: u32) -> Option<String> {
        let scheme = self.doc.map().links.get(link)?.scheme.as_deref()?;
        let found = crate::model::scheme::find(scheme)?;
        let question = found.questions.get(number.checked_sub(1)? as usize)?;
        Some(format!("{} — {question}", found.name))
    }

    /// Joins the selected premises into one reason: those that bear on the same node the
    /// same way as the first become one linked reason, and selected nodes that do not yet
    /// bear on it join as co-premises.
    pub(super) fn join_selected(&mut self) {
        let selected = self.view.selection.nodes().to_vec();
        let map = self.doc.map();
        let keep = selected.iter().find_map(|id| reason_of(map, id));
        let Some(keep) = keep.filter(|_| selected.len() >= 2) else {
            self.window.message = Some(
                "Select two or more nodes, one of which bears on another: J joins them into \
                 one reason."
                    .into(),
            );
            return;
        };
        // Each selected node's reason on the kept reason's target, from one pass over links.
        let mut on_target: HashMap<&NodeId, Reason> = HashMap::new();
        for link in map
            .links
            .iter()
            .filter(|l| l.to == keep.1 && !l.is_undercut())
        {
            for p in link.premises() {
                on_target.insert(p, ends(link));
            }
        }
        let mut scratch = map.clone();
        let mut edits = Vec::new();
        let mut joined = 0;
        for id in &selected {
            if id == &keep.1 {
                continue;
            }
            let step = match on_target.get(id) {
                Some(reason) if reason == &keep => continue,
                Some(reason) => {
                    edit::join_reasons(&scratch, (&keep.0, &keep.1), (&reason.0, &reason.1))
                }
                None => edit::add_premise(&scratch, (&keep.0, &keep.1), id),
            };
            // Each step is built on the map as the steps before it left it.
            match step.and_then(|e| e.clone().apply(&mut scratch).map(|_| e)) {
                Ok(e) => {
                    edits.push(e);
                    joined += 1;
                }
                Err(e) => {
                    self.window.message = Some(format!("Not joined: {e}."));
                    return;
                }
            }
            // A reason already joined stays the kept one's: later lookups see it.
            on_target.insert(id, keep.clone());
        }
        if joined == 0 {
            self.window.message = Some("These already form one reason.".into());
            return;
        }
        if self.apply(Edit::Batch(edits)) {
            self.view.selection.select_link(keep.0, keep.1);
            self.window.message =
                Some("Joined into one reason: its premises now count only together.".into());
        }
    }

    /// Splits a linked reason into one reason per premise.
    pub(super) fn split(&mut self, reason: Option<Reason>) {
        let map = self.doc.map();
        let linked = reason
            .or_else(|| self.selected_reason())
            .filter(|(f, t)| map.link(f, t).is_some_and(Link::is_linked));
        let Some((from, to)) = linked else {
            self.window.message =
                Some("Select a linked reason (premises in one box) to split it.".into());
            return;
        };
        match edit::split_reason(map, (&from, &to)) {
            Ok(edit) => {
                if self.apply(edit) {
                    self.window.message = Some("Split: each premise now bears on its own.".into());
                }
            }
            Err(e) => self.window.message = Some(format!("Not split: {e}.")),
        }
    }

    pub(super) fn take_out_of_reason(&mut self, premise: NodeId, reason: Reason) {
        match edit::take_out_premise(self.doc.map(), (&reason.0, &reason.1), &premise) {
            Ok(edit) => {
                if self.apply(edit) {
                    self.window.message =
                        Some("Taken out of the reason: it now bears on its own.".into());
                }
            }
            Err(e) => self.window.message = Some(format!("Not done: {e}.")),
        }
    }

    /// Cards moved by `delta`. A single card dropped into another reason's box joins it as a
    /// co-premise; a co-premise dropped outside its own box leaves it. Either way the move
    /// and the change are one undo step.
    pub(super) fn move_cards(&mut self, ids: Vec<NodeId>, delta: Vec2) {
        let map = self.doc.map();
        let moves: Vec<(NodeId, Position)> = ids
            .iter()
            .filter_map(|id| {
                let n = self.derived.node(map, id)?;
                Some((
                    id.clone(),
                    Position::new(n.pos.x + delta.x, n.pos.y + delta.y),
                ))
            })
            .collect();
        let regroup = match ids.as_slice() {
            [one] => self.regrouping(one, delta),
            _ => None,
        };
        let Some((regroup, message)) = regroup else {
            self.apply(Edit::Move { moves });
            return;
        };
        if self.apply(Edit::Batch(vec![Edit::Move { moves }, regroup])) {
            self.window.message = Some(message.into());
        }
    }

    /// What dropping card `id`, moved by `delta`, does to the reasons: the edit and what to
    /// tell the user. One pass over the links.
    fn regrouping(&self, id: &NodeId, delta: Vec2) -> Option<(Edit, &'static str)> {
        let map = self.doc.map();
        let &n = self.derived.index.get(id)?;
        let centre = self.card_rect(n).center() + delta;
        let card = |i: usize| self.card_rect(i);
        let mut into = None;
        for (i, link) in map.links.iter().enumerate() {
            if !link.is_linked() || link.is_undercut() {
                continue;
            }
            let boxed = super::canvas::reasons::place(map, &self.derived, &card, i)
                .and_then(|placed| placed.boxed);
            let Some(boxed) = boxed else { continue };
            let member = link.premises().any(|p| p == id);
            if member && !boxed.contains(centre) {
                let edit = edit::take_out_premise(map, (&link.from, &link.to), id).ok()?;
                return Some((edit, "Taken out of the reason: it now bears on its own."));
            }
            if !member && &link.to != id && into.is_none() && boxed.contains(centre) {
                into = Some(ends(link));
            }
        }
        let (from, to) = into?;
        let edit = edit::add_premise(map, (&from, &to), id).ok()?;
        Some((
            edit,
            "Added to the reason as a co-premise (Ctrl+Z to undo).",
        ))
    }

    /// A link's handle dropped on another reason's arrow: `attacker` undercuts it.
    pub(super) fn undercut_with(&mut self, attacker: NodeId, (from, to): Reason) {
        match edit::undercut(self.doc.map(), &attacker, (&from, &to)) {
            Ok(edit) => {
                if self.apply(edit) {
                    self.window.message =
                        Some("Undercut: it now attacks the inference, not the claim.".into());
                }
            }
            Err(e) => self.window.message = Some(format!("Not done: {e}.")),
        }
    }
}
