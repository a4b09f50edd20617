//! The reader: a source's full text beside the map, with every quote that a node cites
//! highlighted. Hover a highlight to see its node, click it to go there; select text to make
//! a new node from it or to quote it for the selected node.

use crate::app::derived::Derived;
use crate::app::theme::Theme;
use crate::model::{ArgumentMap, NodeId, NodeKind, SourceId};
use crate::text::NormalizedText;
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Ui};
use std::ops::Range;
use std::sync::Arc;

#[derive(Default)]
pub struct ReaderState {
    pub source: Option<SourceId>,
    /// The selected text, as a byte range of the source text.
    pub selection: Option<Range<usize>>,
    /// Scroll to this node's quote on the next frame.
    pub scroll_to: Option<NodeId>,
    /// The node whose quote the reader last scrolled to, so it scrolls once per selection.
    scrolled_for: Option<NodeId>,
    /// Where each highlight's first line was on screen last frame (for tests and tooltips).
    pub highlight_rects: Vec<(NodeId, egui::Rect)>,
}

impl ReaderState {
    pub fn open(&mut self, source: SourceId, node: Option<NodeId>) {
        if self.source.as_ref() != Some(&source) {
            self.selection = None;
        }
        self.source = Some(source);
        self.scroll_to = node;
        self.scrolled_for = None;
    }
}

pub enum ReaderRequest {
    GoTo(NodeId),
    NewNode {
        kind: NodeKind,
        source: SourceId,
        quote: String,
    },
    QuoteForSelected {
        source: SourceId,
        quote: String,
    },
}

/// One highlighted quote: where it is in the text and which node cites it.
struct Highlight {
    range: Range<usize>,
    node: NodeId,
    label: String,
}

fn highlights(map: &ArgumentMap, source: &SourceId, text: &str) -> Vec<Highlight> {
    let normalized = NormalizedText::new(text);
    let mut out = Vec::new();
    for node in &map.nodes {
        for citation in node.citations.iter().filter(|c| &c.source == source) {
            if let Some(range) = normalized.find(&citation.quote) {
                out.push(Highlight {
                    range,
                    node: node.id.clone(),
                    label: format!("{}: {}", node.kind.label(), node.text),
                });
            }
        }
    }
    out.sort_by_key(|h| (h.range.start, h.range.end));
    out
}

/// The text as it is shown: line breaks inside a paragraph (left by PDF or web extraction)
/// become spaces so the text flows; a break after a sentence that starts a new one, and blank
/// lines, stay. Every replacement is one byte for one byte, so offsets still match the source.
fn flowing(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if c != '\n' {
            out.push(c);
            continue;
        }
        let prev = text[..i].trim_end_matches([' ', '\t']).chars().next_back();
        let next = text[i + 1..].chars().next();
        let blank_line =
            prev.is_none() || bytes.get(i + 1) == Some(&b'\n') || i > 0 && bytes[i - 1] == b'\n';
        let sentence_ends =
            prev.is_some_and(|p| matches!(p, '.' | '?' | '!' | ':' | '"' | '”' | '’'));
        let starts_sentence = next.is_some_and(|n| {
            n.is_uppercase() || n.is_numeric() || matches!(n, '“' | '"' | '•' | '-' | '*')
        });
        out.push(if blank_line || (sentence_ends && starts_sentence) {
            '\n'
        } else {
            ' '
        });
    }
    out
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

fn byte_to_char(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].chars().count()
}

/// Lays the text out with highlights: the selected node's quotes strongest.
fn layout(
    ui: &Ui,
    text: &str,
    marks: &[Highlight],
    selected: &[NodeId],
    wrap: f32,
) -> Arc<egui::Galley> {
    let theme = Theme::from_visuals(ui.visuals());
    let font = FontId::proportional(15.0);
    let plain = TextFormat {
        font_id: font.clone(),
        color: theme.text,
        ..Default::default()
    };
    let mark_bg = if theme.dark {
        Color32::from_rgb(0x4a, 0x43, 0x1c)
    } else {
        Color32::from_rgb(0xff, 0xf0, 0xa8)
    };
    let strong_bg = if theme.dark {
        Color32::from_rgb(0x7a, 0x55, 0x10)
    } else {
        Color32::from_rgb(0xff, 0xc8, 0x57)
    };
    // Split the text at every highlight boundary; each piece takes the strongest mark over it.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for m in marks {
        cuts.push(m.range.start);
        cuts.push(m.range.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping {
            max_width: wrap,
            ..Default::default()
        },
        ..Default::default()
    };
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a == b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        let over: Vec<&Highlight> = marks
            .iter()
            .filter(|m| m.range.start <= a && m.range.end >= b)
            .collect();
        let mut format = plain.clone();
        if !over.is_empty() {
            format.background = if over.iter().any(|m| selected.contains(&m.node)) {
                strong_bg
            } else {
                mark_bg
            };
        }
        job.append(&text[a..b], 0.0, format);
    }
    ui.fonts_mut(|f| f.layout_job(job))
}

pub fn show(
    ui: &mut Ui,
    map: &ArgumentMap,
    derived: &Derived,
    state: &mut ReaderState,
    selected: &[NodeId],
) -> Option<ReaderRequest> {
    let mut request = None;
    let with_text: Vec<_> = map.sources.iter().filter(|s| s.text.is_some()).collect();
    if with_text.is_empty() {
        ui.label(RichText::new("No source in this map has its full text. Add the text in the source's editor (Sources tab) to read it here.").weak());
        return None;
    }
    if state
        .source
        .as_ref()
        .is_none_or(|id| map.source(id).and_then(|s| s.text.as_ref()).is_none())
    {
        state.source = Some(with_text[0].id.clone());
    }
    let source_id = state.source.clone()?;
    let source = map.source(&source_id)?;
    ui.horizontal(|ui| {
        let combo_label = ui.label("Source");
        egui::ComboBox::new("reader-source", "")
            .selected_text(&source.title)
            .width(ui.available_width() - 8.0)
            .show_ui(ui, |ui| {
                for s in &with_text {
                    if ui.selectable_label(s.id == source_id, &s.title).clicked() {
                        state.open(s.id.clone(), None);
                    }
                }
            })
            .response
            .labelled_by(combo_label.id);
    });
    let flowed = flowing(source.text.as_deref().unwrap_or_default());
    let text = flowed.as_str();
    let marks = highlights(map, &source_id, text);

    // Making nodes from the selection.
    let selection = state
        .selection
        .clone()
        .filter(|r| r.end > r.start && r.end <= text.len());
    ui.horizontal_wrapped(|ui| {
        let quote = selection
            .as_ref()
            .map(|r| text[r.clone()].trim().to_owned())
            .filter(|q| !q.is_empty());
        let enabled = quote.is_some();
        if ui
            .add_enabled(enabled, egui::Button::new("New evidence from selection"))
            .clicked()
        {
            request = quote.clone().map(|quote| ReaderRequest::NewNode {
                kind: NodeKind::Evidence,
                source: source_id.clone(),
                quote,
            });
        }
        if ui
            .add_enabled(
                enabled,
                egui::Button::new("New counterpoint from selection"),
            )
            .clicked()
        {
            request = quote.clone().map(|quote| ReaderRequest::NewNode {
                kind: NodeKind::Counterpoint,
                source: source_id.clone(),
                quote,
            });
        }
        if ui
            .add_enabled(
                enabled && !selected.is_empty(),
                egui::Button::new("Quote for selected node"),
            )
            .clicked()
        {
            request = quote.clone().map(|quote| ReaderRequest::QuoteForSelected {
                source: source_id.clone(),
                quote,
            });
        }
    });
    if selection.is_none() {
        ui.label(RichText::new("Select text to make a node from it. Highlights are quoted by nodes: click one to go to its node.").weak().small());
    }
    ui.separator();

    // Which quote to scroll to: the selected node's, once per selection.
    let target = state.scroll_to.take().or_else(|| {
        selected
            .last()
            .cloned()
            .filter(|id| state.scrolled_for.as_ref() != Some(id))
    });
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let wrap = ui.available_width();
            let mut layouter = |ui: &Ui, buffer: &dyn egui::TextBuffer, _wrap: f32| {
                layout(ui, buffer.as_str(), &marks, selected, wrap)
            };
            let mut shown = text;
            let output = egui::TextEdit::multiline(&mut shown)
                .id(egui::Id::unique(("argmap-reader", &source_id)))
                .layouter(&mut layouter)
                .frame(egui::Frame::NONE)
                .desired_width(f32::INFINITY)
                .show(ui);
            output.response.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Document,
                    true,
                    format!("Text of {}", source.title),
                )
            });
            // The selection, kept as a byte range of the source text.
            if let Some(range) = output.cursor_range {
                let chars = range.as_sorted_char_range();
                let (a, b) = (
                    char_to_byte(text, chars.start.0),
                    char_to_byte(text, chars.end.0),
                );
                state.selection = (b > a).then_some(a..b);
            }
            state.highlight_rects = marks
                .iter()
                .map(|m| {
                    let a = output
                        .galley
                        .pos_from_cursor(CCursor::new(byte_to_char(text, m.range.start)));
                    (
                        m.node.clone(),
                        a.translate(output.galley_pos.to_vec2())
                            .expand2(egui::vec2(6.0, 0.0))
                            .translate(egui::vec2(8.0, 0.0)),
                    )
                })
                .collect();
            // Hover and click on a highlight.
            let at_pointer = output.response.hover_pos().map(|p| {
                let cursor = output.galley.cursor_from_pos(p - output.galley_pos);
                char_to_byte(text, cursor.index.0)
            });
            if let Some(byte) = at_pointer
                && let Some(mark) = marks.iter().find(|m| m.range.contains(&byte))
            {
                let label = mark.label.clone();
                let response = output
                    .response
                    .response
                    .clone()
                    .on_hover_text(format!("Quoted by {label}. Click to go to it."));
                if response.clicked() && state.selection.is_none() {
                    request = Some(ReaderRequest::GoTo(mark.node.clone()));
                }
            }
            if let Some(node) = target
                && let Some(mark) = marks.iter().find(|m| m.node == node)
                && derived.index.contains_key(&node)
            {
                let start = output
                    .galley
                    .pos_from_cursor(CCursor::new(byte_to_char(text, mark.range.start)));
                ui.scroll_to_rect(
                    start.translate(output.galley_pos.to_vec2()).expand(40.0),
                    Some(egui::Align::Center),
                );
                state.scrolled_for = Some(node);
            }
        });
    request
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracted_line_breaks_flow_but_paragraphs_stay() {
        let text = "Khamenei’s fear of what he called “cultural\npenetration” of Iran.\nThe primary motive.\n\nNew paragraph";
        let shown = flowing(text);
        assert_eq!(
            shown,
            "Khamenei’s fear of what he called “cultural penetration” of Iran.\nThe primary motive.\n\nNew paragraph"
        );
        assert_eq!(shown.len(), text.len());
    }

    #[test]
    fn every_quote_of_the_article_is_found_and_byte_offsets_round_trip() {
        let map = crate::bundled::article_map();
        let text = map.source(&"article".into()).unwrap().text.clone().unwrap();
        let marks = highlights(&map, &"article".into(), &text);
        let citing = map
            .nodes
            .iter()
            .flat_map(|n| &n.citations)
            .filter(|c| c.source.as_str() == "article")
            .count();
        assert_eq!(marks.len(), citing);
        for m in &marks {
            let back = char_to_byte(&text, byte_to_char(&text, m.range.start));
            assert_eq!(back, m.range.start);
        }
    }
}
