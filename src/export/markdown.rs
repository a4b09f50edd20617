//! Markdown export: the argument as a nested outline for reports.
//!
//! The map's title and description, then the main claim and what supports and opposes it as
//! nested bullet lists, every item with its relation and kind; each citation becomes a
//! footnote with the source, its rating, the quote and where it is in the source. A node that
//! bears on several nodes is written out once and referred back to after that. Nodes not
//! connected to the main claim follow in a section of their own.

use crate::model::{
    ArgumentMap, Citation, Link, MapIndex, Node, NodeId, NodeKind, OutlineRow, Relation, outline,
};
use crate::render::clean::{clean, one_line};
use std::collections::HashMap;
use std::fmt::Write;

/// Lists deeper than this are written at this depth (with the real depth noted), so a very
/// deep chain neither makes the file quadratic in size nor defeats Markdown renderers.
const MAX_INDENT: usize = 16;
/// How many words a back-reference repeats.
const BACK_REFERENCE_WORDS: usize = 8;

pub fn to_markdown(map: &ArgumentMap) -> String {
    let mut doc = Doc::default();
    let title = one_line(&map.title);
    let title = if title.is_empty() {
        "Argument map".to_owned()
    } else {
        title
    };
    doc.line(&format!("# {}", escape(&title)));
    let description = clean(&map.description);
    if !description.trim().is_empty() {
        doc.blank();
        for paragraph in description.split("\n\n").filter(|p| !p.trim().is_empty()) {
            doc.line(&text_block(paragraph, ""));
            doc.blank();
        }
        doc.out.pop();
    }

    let tree = outline(map);
    let index = map.index();
    let (attached, unattached) = tree.rows.split_at(tree.unattached_from);
    doc.blank();
    match attached.split_first() {
        Some((root, children)) => {
            doc.line("## The argument");
            doc.blank();
            let node = &map.nodes[root.node];
            let kind = match node.kind {
                NodeKind::Claim => String::new(),
                kind => format!(" ({})", kind.as_str()),
            };
            let notes = doc.footnotes(&index, node);
            doc.line(&format!(
                "**Main claim{kind}:** {}{notes}",
                text_block(&node.text, "")
            ));
            if !children.is_empty() {
                doc.blank();
                doc.rows(map, &index, children, 1, Some(root.node));
            }
        }
        None => doc.line("This map has no nodes."),
    }
    if !unattached.is_empty() {
        doc.blank();
        doc.line("## Not connected to the main claim");
        doc.blank();
        doc.rows(map, &index, unattached, 0, None);
    }
    if !doc.notes.is_empty() {
        doc.blank();
        let notes = std::mem::take(&mut doc.notes);
        for (i, note) in notes.iter().enumerate() {
            doc.line(&format!("[^{}]: {note}", i + 1));
        }
    }
    doc.out
}

#[derive(Default)]
struct Doc {
    out: String,
    /// Footnote texts, numbered from 1 in order of first use.
    notes: Vec<String>,
}

impl Doc {
    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }

    /// Outline rows as a nested list; rows at `base_depth` are top-level items.
    fn rows(
        &mut self,
        map: &ArgumentMap,
        index: &MapIndex,
        rows: &[OutlineRow],
        base_depth: usize,
        root: Option<usize>,
    ) {
        // The reason each row's node is a premise of, on its parent row's node: one pass
        // over the links, then a lookup per row.
        let reasons: HashMap<(&NodeId, &NodeId), &Link> = map
            .links
            .iter()
            .flat_map(|l| l.premises().map(move |p| ((p, &l.to), l)))
            .collect();
        // Row nodes by depth, from the root: the last one above a row is its parent.
        let mut parents: Vec<usize> = root.into_iter().collect();
        for row in rows {
            let node = &map.nodes[row.node];
            parents.truncate(row.depth);
            let parent = parents.last().map(|&p| &map.nodes[p].id);
            parents.push(row.node);
            let reason = parent.and_then(|p| reasons.get(&(&node.id, p)).copied());
            let level = row.depth.saturating_sub(base_depth);
            let shown = level.min(MAX_INDENT);
            let indent = "  ".repeat(shown);
            let deeper = if shown < level {
                format!("(level {}) ", level + 1)
            } else {
                String::new()
            };
            let linked = reason.filter(|r| r.is_linked() && !row.repeated);
            if let Some(r) = linked {
                // A linked reason is one item, at its first premise; a co-premise gets its
                // own line only to hold what bears on it.
                if r.from != node.id {
                    if row.subtree_len > 0 {
                        self.line(&format!(
                            "{indent}- {deeper}*(co-premise above)* ({}): {}",
                            node.kind.as_str(),
                            escape(&first_words(&node.text))
                        ));
                    }
                    continue;
                }
                let mut parts = Vec::new();
                for premise in r.premises() {
                    let Some(p) = index.node(premise) else {
                        continue;
                    };
                    let notes = self.footnotes(index, p);
                    parts.push(format!(
                        "{}{notes}",
                        text_block(&p.text, &format!("{indent}  "))
                    ));
                }
                let verb = match r.relation {
                    Relation::Supports => "Support jointly",
                    Relation::Opposes => "Oppose jointly",
                };
                self.line(&format!(
                    "{indent}- {deeper}**{verb}**{}: {}{}",
                    scheme_note(r),
                    parts.join("; "),
                    warrant_note(r)
                ));
                continue;
            }
            let head = match (row.relation, reason.and_then(|r| r.undercuts.as_ref())) {
                (Some(_), Some(premise)) => {
                    let attacked = index
                        .node(premise)
                        .map_or(premise.as_str(), |n| n.text.as_str());
                    format!(
                        "**Undercuts** ({}) the inference from “{}”",
                        node.kind.as_str(),
                        escape(&first_words(attacked))
                    )
                }
                (Some(relation), None) => {
                    format!("**{}** ({})", verb(relation), node.kind.as_str())
                }
                (None, _) => format!("**{}**", node.kind.label()),
            };
            let extra = reason
                .filter(|_| !row.repeated)
                .map_or(String::new(), scheme_note);
            if row.repeated {
                self.line(&format!(
                    "{indent}- {deeper}{head}: *see above:* {}",
                    escape(&first_words(&node.text))
                ));
            } else {
                let notes = self.footnotes(index, node);
                let text = text_block(&node.text, &format!("{indent}  "));
                let warrant = reason.map_or(String::new(), warrant_note);
                self.line(&format!(
                    "{indent}- {deeper}{head}{extra}: {text}{notes}{warrant}"
                ));
            }
        }
    }

    /// Footnote references for the node's citations (`[^3][^4]`), recording their texts.
    fn footnotes(&mut self, index: &MapIndex, node: &Node) -> String {
        let mut refs = String::new();
        for citation in &node.citations {
            self.notes.push(footnote(index, citation));
            let _ = write!(refs, "[^{}]", self.notes.len());
        }
        refs
    }
}

/// ` *(Argument From Sign)*` for a reason with a scheme.
fn scheme_note(reason: &Link) -> String {
    reason.scheme.as_deref().map_or(String::new(), |s| {
        format!(" *({})*", escape(crate::model::scheme::display_name(s)))
    })
}

/// ` — *warrant:* …` for a reason with a warrant.
fn warrant_note(reason: &Link) -> String {
    reason.warrant.as_deref().map_or(String::new(), |w| {
        format!(" — *warrant:* {}", escape(&one_line(w)))
    })
}

fn verb(relation: Relation) -> &'static str {
    match relation {
        Relation::Supports => "Supports",
        Relation::Opposes => "Opposes",
    }
}

/// One footnote: the quote and where it is, then the source, its byline and its rating.
fn footnote(index: &MapIndex, citation: &Citation) -> String {
    let mut parts = Vec::new();
    let quote = one_line(&citation.quote);
    let locator = one_line(&citation.locator);
    match (quote.is_empty(), locator.is_empty()) {
        (false, false) => parts.push(format!(
            "\u{201c}{}\u{201d} ({}).",
            escape(&quote),
            escape(&locator)
        )),
        (false, true) => parts.push(format!("\u{201c}{}\u{201d}.", escape(&quote))),
        (true, false) => parts.push(format!("{}.", escape(&locator))),
        (true, true) => {}
    }
    let Some(source) = index.source(&citation.source) else {
        parts.push(format!(
            "Source \u{201c}{}\u{201d} (not in this map).",
            escape(&one_line(citation.source.as_str()))
        ));
        return parts.join(" ");
    };
    let mut what = format!("*{}*", escape(&one_line(&source.title)));
    let byline: Vec<String> = [
        one_line(&source.authors.join(", ")),
        one_line(&source.outlet),
        one_line(&source.date),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    if !byline.is_empty() {
        let _ = write!(what, ", {}", escape(&byline.join(", ")));
    }
    let _ = write!(what, " ({}).", source.kind.as_str());
    parts.push(what);
    if let Some(via) = source.reported_in.as_ref().and_then(|id| index.source(id)) {
        parts.push(format!("Reported in *{}*.", escape(&one_line(&via.title))));
    }
    parts.push(rating(source));
    let url = encode_hidden(source.url.trim());
    if is_plain_url(&url) {
        parts.push(format!("<{url}>"));
    }
    parts.join(" ")
}

/// "Reliability C (fairly reliable), credibility 3 (possibly true)."
fn rating(source: &crate::model::Source) -> String {
    match (source.reliability, source.credibility) {
        (None, None) => "Not rated.".to_owned(),
        (r, c) => format!(
            "{}, {}.",
            r.map_or("Reliability not rated".to_owned(), |r| format!(
                "Reliability {} ({})",
                r.letter(),
                r.meaning()
            )),
            c.map_or("credibility not rated".to_owned(), |c| format!(
                "credibility {} ({})",
                c.level(),
                c.meaning()
            ))
        ),
    }
}

/// The address with its hidden characters (controls, direction overrides, zero-width
/// spaces) percent-encoded: the link still leads where it did, and what a reader sees is the
/// address it leads to (`%E2%80%AE`, not text shown backwards).
fn encode_hidden(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if crate::text::is_hidden_char(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// An http(s) address that can stand in an autolink as it is.
fn is_plain_url(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(|c: char| c.is_whitespace() || c == '<' || c == '>' || c.is_control())
}

/// The first few words of a text, for a back-reference.
fn first_words(text: &str) -> String {
    let text = one_line(text);
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() > BACK_REFERENCE_WORDS {
        format!("{}…", words[..BACK_REFERENCE_WORDS].join(" "))
    } else {
        text
    }
}

/// A node's or description's text, its lines joined by hard line breaks whose continuation
/// lines are indented by `indent` (so they stay inside the list item).
fn text_block(text: &str, indent: &str) -> String {
    let text = clean(text);
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| {
            l.split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|l| !l.is_empty())
        .map(|l| escape(&l))
        .collect();
    lines.join(&format!("\\\n{indent}"))
}

/// One line of text with every character that Markdown (CommonMark and GitHub's extensions)
/// could read as markup escaped: emphasis, code, links, HTML, headings, tables, strikethrough,
/// maths, entities, and list or quote markers at the start of a line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let entity = c == '&'
            && chars
                .peek()
                .is_some_and(|n| n.is_alphanumeric() || *n == '#');
        if entity
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '$'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    // At the start of a line "-", "+", "=" and "1." / "1)" begin lists or headings.
    let first = out.chars().next();
    if matches!(first, Some('-' | '+' | '=')) {
        out.insert(0, '\\');
    } else if let Some(end) = out.find(|c: char| !c.is_ascii_digit())
        && end > 0
        && matches!(out[end..].chars().next(), Some('.' | ')'))
    {
        out.insert(end, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_in_addresses_are_percent_encoded() {
        assert_eq!(
            encode_hidden("https://x.org/\u{202E}fdp.exe"),
            "https://x.org/%E2%80%AEfdp.exe"
        );
        assert_eq!(
            encode_hidden("https://x.org/a\u{7}b"),
            "https://x.org/a%07b"
        );
        assert_eq!(encode_hidden("https://x.org/café"), "https://x.org/café");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("*bold* [link](x) # heading"),
            "\\*bold\\* \\[link\\](x) \\# heading"
        );
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("1984. A year"), "1984\\. A year");
        assert_eq!(
            escape("a <b> & c_d `e` | ~f~ $g$ &amp;"),
            "a \\<b\\> & c\\_d \\`e\\` \\| \\~f\\~ \\$g\\$ \\&amp;"
        );
        assert_eq!(escape("Trump's 2018 talks."), "Trump's 2018 talks.");
    }

    #[test]
    fn multi_line_text_stays_in_its_item() {
        assert_eq!(
            text_block("one\n\n  two\r\n# three", "    "),
            "one\\\n    two\\\n    \\# three"
        );
    }

    #[test]
    fn back_references_are_short() {
        assert_eq!(first_words("a b c"), "a b c");
        assert_eq!(first_words("1 2 3 4 5 6 7 8 9 10"), "1 2 3 4 5 6 7 8…");
    }
}
