//! Graphviz DOT export: one node per argmap node and one edge per link, styled like the
//! canvas (shape and colours by kind, opposes dashed), for `dot -Tsvg` and friends.

use crate::model::{ArgumentMap, Link, NodeId, NodeKind, Relation};
use crate::render::clean::{clean, one_line};
use crate::render::style::{accent, card_fill, kind_label, relation_color};
use crate::render::wrap::wrap;
use std::collections::HashSet;
use std::fmt::Write;

/// Labels wrap like the cards (same width in the card font) but keep more lines.
const LABEL_LINES: usize = 30;
const FONT: &str = "Ubuntu,Helvetica,Arial,sans-serif";

pub fn to_dot(map: &ArgumentMap) -> String {
    let mut out = String::new();
    let title = one_line(&map.title);
    out.push_str("digraph argmap {\n");
    // Bottom to top: what supports or opposes a node sits below it, the main claim on top.
    let _ = writeln!(
        out,
        "  graph [rankdir=BT, labelloc=t, fontname=\"{FONT}\", fontsize=16, nodesep=0.3, \
         ranksep=0.5, label={}];",
        quoted(&title)
    );
    let _ = writeln!(
        out,
        "  node [fontname=\"{FONT}\", fontsize=11, margin=\"0.15,0.08\"];"
    );
    out.push_str("  edge [penwidth=1.5, arrowsize=0.8];\n");
    let main = map.main_claim();
    // Wrapping is most of the work: done for all labels at once, on every core.
    let wrapped = crate::render::parallel::map(&map.nodes, |_, node| {
        wrap(&clean(&node.text), 14.0, 220.0, LABEL_LINES).lines
    });
    for (node, lines) in map.nodes.iter().zip(wrapped) {
        let is_main = main == Some(&node.id);
        let (shape, style) = match node.kind {
            NodeKind::Claim => ("box", "filled"),
            NodeKind::Evidence => ("box", "rounded,filled"),
            // A note's folded corner echoes the card's cut corner.
            NodeKind::Counterpoint => ("note", "filled"),
        };
        let mut label = kind_label(node.kind, is_main);
        if !node.citations.is_empty() {
            let n = node.citations.len();
            let _ = write!(label, " · {n} citation{}", if n == 1 { "" } else { "s" });
        }
        for line in lines {
            label.push('\n');
            label.push_str(&line);
        }
        let _ = writeln!(
            out,
            "  {} [label={}, shape={shape}, style=\"{style}\", color=\"{}\", fillcolor=\"{}\", \
             penwidth={}];",
            quoted(node.id.as_str()),
            quoted(&label),
            accent(node.kind).hex(),
            card_fill(node.kind).hex(),
            if is_main { 3 } else { 1 },
        );
    }
    // Reasons beyond a plain arrow (linked, undercut, undercutting or schemed) meet at a
    // small junction point, as in Rationale and AIF: premises → point → target, and an
    // undercut's arrow ends on the point of the reason it attacks. Plain ones stay arrows.
    let undercut: HashSet<(&NodeId, &NodeId)> =
        map.links.iter().filter_map(Link::undercut_target).collect();
    let junction = |from: &NodeId, to: &NodeId| quoted(&format!("\u{0}reason {from}->{to}"));
    for link in &map.links {
        let style = match link.relation {
            Relation::Supports => "solid",
            Relation::Opposes => "dashed",
        };
        let color = relation_color(link.relation).hex();
        let relation = link.relation.as_str();
        if link.is_plain() && !undercut.contains(&(&link.from, &link.to)) {
            let _ = writeln!(
                out,
                "  {} -> {} [color=\"{color}\", style={style}, tooltip=\"{relation}\"];",
                quoted(link.from.as_str()),
                quoted(link.to.as_str()),
            );
            continue;
        }
        let point = junction(&link.from, &link.to);
        let _ = writeln!(
            out,
            "  {point} [shape=point, width=0.1, color=\"{color}\", tooltip=\"{}\"];",
            if link.is_linked() {
                "linked reason"
            } else {
                "reason"
            }
        );
        for premise in link.premises() {
            let _ = writeln!(
                out,
                "  {} -> {point} [color=\"{color}\", style={style}, arrowhead=none];",
                quoted(premise.as_str())
            );
        }
        let end = match link.undercut_target() {
            Some((premise, to)) => junction(premise, to),
            None => quoted(link.to.as_str()),
        };
        let label = link.scheme.as_deref().map_or(String::new(), |s| {
            format!(", label={}", quoted(crate::model::scheme::display_name(s)))
        });
        let tooltip = if link.is_undercut() {
            "undercuts"
        } else {
            relation
        };
        let _ = writeln!(
            out,
            "  {point} -> {end} [color=\"{color}\", style={style}, tooltip=\"{tooltip}\"{label}];"
        );
    }
    out.push_str("}\n");
    out
}

/// `text` as a DOT quoted string. Backslashes and quotes are escaped, line breaks become
/// DOT's `\n` and other control characters `\u{..}`, so distinct ids stay distinct and no
/// text can end the string or the statement early.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_everything_that_could_break_out() {
        assert_eq!(quoted(r#"say "hi"\"#), r#""say \"hi\"\\""#);
        assert_eq!(quoted("a\nb\u{7}"), r#""a\nb\u{7}""#);
        assert_ne!(quoted("a\u{7}"), quoted("a\\u{7}"));
    }
}
