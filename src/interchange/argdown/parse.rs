//! Builds the structure of an Argdown document from its tokens: front matter, headings,
//! statements and arguments with the trees of relations under them, and premise–conclusion
//! structures. The grammar is the reference parser's (`@argdown/core` 1.7.5, `parser.js`),
//! read leniently where that costs nothing (a definition on the line after another starts a
//! new block; a heading ends at its line's end).

use super::lexer::{Lexer, Rel, Tok, Token};
use std::borrow::Cow;
use std::collections::VecDeque;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElemKind {
    Statement,
    Argument,
    /// The inference of a premise–conclusion structure, as the root of what undercuts it.
    Inference,
}

/// A statement or argument as written at one place.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub kind: ElemKind,
    pub title: Option<String>,
    /// `[T]` or `<T>` without a text of its own.
    pub reference: bool,
    /// The text as written (emphasis markers and trailing tags taken out), not yet tidied.
    pub text: String,
    pub tags: Vec<String>,
    /// `{…}` data and its byte offset.
    pub data: Option<(String, usize)>,
    pub at: usize,
}

/// An element and what hangs under it by relation lines; `nodes[0]` is the root.
#[derive(Clone, Debug, PartialEq)]
pub struct Tree {
    pub nodes: Vec<TreeNode>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TreeNode {
    pub element: Element,
    /// The node above, how this one relates to it, and where the relation marker is.
    pub parent: Option<(usize, Rel, usize)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PcsItem {
    Statement {
        number: String,
        tree: Tree,
    },
    /// The root of `tree` is an [`ElemKind::Inference`] element holding the rules as text
    /// and the data; the rest is what undercuts the inference.
    Inference {
        tree: Tree,
    },
}

/// A premise–conclusion structure, and the argument it reconstructs when one precedes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Pcs {
    pub argument: Option<String>,
    pub items: Vec<PcsItem>,
    pub at: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading {
        level: usize,
        text: String,
        at: usize,
    },
    Tree(Tree),
    Pcs(Pcs),
}

/// A whole document at once (see [`parse`]).
#[cfg(test)]
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// The front matter's YAML and its byte offset.
    pub front_matter: Option<(String, usize)>,
    pub blocks: Vec<Block>,
    /// Remarks (byte offset, message) about what was read leniently.
    pub remarks: Vec<(usize, String)>,
}

/// Why the document cannot be read: a byte offset and a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub at: usize,
    pub message: String,
}

/// The whole document at once.
#[cfg(test)]
pub fn parse(text: &str) -> Result<Document, ParseError> {
    let mut p = Parser::new(Lexer::new(text), text.len());
    let front_matter = p.front_matter();
    let mut blocks = Vec::new();
    while let Some(block) = p.next_block()? {
        blocks.push(block);
    }
    Ok(Document {
        front_matter,
        blocks,
        remarks: p.remarks(),
    })
}

/// Reads a document block by block, the tokens as they are needed: the front matter first
/// ([`Parser::front_matter`]), then each [`Block`] ([`Parser::next_block`]), then the
/// remarks ([`Parser::remarks`]). Only one block is held at a time.
pub struct Parser<'a> {
    lexer: Lexer<'a>,
    /// The next tokens: two, or all that are left.
    ahead: VecDeque<Token<'a>>,
    end: usize,
    /// Remarks (byte offset, message) about what was read leniently.
    remarks: Vec<(usize, String)>,
    /// The title of the argument the last block was about, if it was about one: a
    /// premise–conclusion structure right after it reconstructs it.
    after_argument: Option<String>,
}

fn is_content(tok: &Tok) -> bool {
    matches!(tok, Tok::Text(_) | Tok::Tag(_) | Tok::Emph { .. })
}

impl<'a> Parser<'a> {
    pub fn new(lexer: Lexer<'a>, text_len: usize) -> Self {
        let mut p = Parser {
            lexer,
            ahead: VecDeque::with_capacity(2),
            end: text_len,
            remarks: Vec::new(),
            after_argument: None,
        };
        p.fill();
        p
    }

    fn fill(&mut self) {
        while self.ahead.len() < 2 {
            match self.lexer.next_token() {
                Some(token) => self.ahead.push_back(token),
                None => break,
            }
        }
    }

    /// Moves past the current token.
    fn bump(&mut self) {
        self.ahead.pop_front();
        self.fill();
    }

    fn peek(&self) -> Option<&Tok<'a>> {
        self.ahead.front().map(|t| &t.tok)
    }

    fn peek_at(&self, n: usize) -> Option<&Tok<'a>> {
        self.ahead.get(n).map(|t| &t.tok)
    }

    fn here(&self) -> usize {
        self.ahead.front().map_or(self.end, |t| t.at)
    }

    /// The lexer's remarks, then the parser's.
    pub fn remarks(mut self) -> Vec<(usize, String)> {
        let mut all = self.lexer.take_remarks();
        all.append(&mut self.remarks);
        all
    }

    fn error<T>(&self, message: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError {
            at: self.here(),
            message: message.into(),
        })
    }

    fn skip_breaks(&mut self) {
        while matches!(self.peek(), Some(Tok::Newline | Tok::Emptyline)) {
            self.bump();
        }
    }

    /// The front matter's YAML and its byte offset, if the document starts with one.
    pub fn front_matter(&mut self) -> Option<(String, usize)> {
        self.skip_breaks();
        let at = self.here();
        if let Some(Tok::FrontMatter(yaml)) = self.peek() {
            let yaml = yaml.to_string();
            self.bump();
            return Some((yaml, at));
        }
        None
    }

    /// The next block, none at the end of the document.
    pub fn next_block(&mut self) -> Result<Option<Block>, ParseError> {
        let block = self.block()?;
        self.after_argument = match &block {
            Some(Block::Tree(tree)) if tree.nodes[0].element.kind == ElemKind::Argument => {
                tree.nodes[0].element.title.clone()
            }
            _ => None,
        };
        Ok(block)
    }

    fn block(&mut self) -> Result<Option<Block>, ParseError> {
        self.skip_breaks();
        let Some(tok) = self.peek() else {
            return Ok(None);
        };
        match tok {
            Tok::FrontMatter(_) => {
                self
                    .error("front matter (between `===` lines) must come first in the document")
            }
            Tok::Heading(level) => {
                let (level, at) = (*level, self.here());
                self.bump();
                let element = self.content(ElemKind::Statement, None, false, at, true);
                if let Some((_, data_at)) = element.data {
                    self.remarks.push((
                        data_at,
                        "the data of a heading (group settings) is not kept".into(),
                    ));
                }
                Ok(Some(Block::Heading {
                    level,
                    text: element.text,
                    at,
                }))
            }
            Tok::StatementNumber(_) => {
                let argument = self.after_argument.take();
                Ok(Some(Block::Pcs(self.pcs(argument)?)))
            }
            Tok::Relation { .. } => {
                self
                    .error("this relation has no statement or argument above it to belong to")
            }
            Tok::Inference { .. } => {
                self.error(
                        "an inference line (`--`) must stand between numbered premises and a numbered conclusion",
                    )
            }
            Tok::Data(_) => {
                self.error(
                    "data `{…}` must follow the statement, argument or heading it belongs to",
                )
            }
            Tok::ListItem => {
                self.bump();
                Ok(Some(Block::Tree(self.tree()?)))
            }
            _ => Ok(Some(Block::Tree(self.tree()?))),
        }
    }

    /// An element and the relation lines under it.
    fn tree(&mut self) -> Result<Tree, ParseError> {
        let root = self.element()?;
        let mut tree = Tree {
            nodes: vec![TreeNode {
                element: root,
                parent: None,
            }],
        };
        self.relation_lines(&mut tree)?;
        Ok(tree)
    }

    /// Relation lines below the tree's root, nested by indentation.
    fn relation_lines(&mut self, tree: &mut Tree) -> Result<(), ParseError> {
        let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
        loop {
            while self.peek() == Some(&Tok::Newline) {
                self.bump();
            }
            let Some(Tok::Relation { rel, indent }) = self.peek() else {
                return Ok(());
            };
            let (rel, indent, at) = (*rel, *indent, self.here());
            if indent == 0 {
                return self.error(
                    "a relation (`+`, `-`, `<+`, `->`, …) must be indented under the statement or argument it belongs to",
                );
            }
            while stack.len() > 1 && stack.last().is_some_and(|(i, _)| *i >= indent) {
                stack.pop();
            }
            let parent = stack.last().map_or(0, |(_, n)| *n);
            self.bump();
            if rel == Rel::Contradicts
                && matches!(self.peek(), Some(Tok::ArgumentDef(_) | Tok::ArgumentRef(_)))
            {
                return self.error("a contradiction (`><`) can only join two statements");
            }
            let element = self.element()?;
            tree.nodes.push(TreeNode {
                element,
                parent: Some((parent, rel, at)),
            });
            stack.push((indent, tree.nodes.len() - 1));
        }
    }

    /// A statement or argument: a definition, a reference, or untitled text.
    fn element(&mut self) -> Result<Element, ParseError> {
        let at = self.here();
        match self.peek().cloned() {
            Some(Tok::StatementDef(title)) => {
                self.bump();
                Ok(self.content(ElemKind::Statement, Some(title), false, at, false))
            }
            Some(Tok::ArgumentDef(title)) => {
                self.bump();
                Ok(self.content(ElemKind::Argument, Some(title), false, at, false))
            }
            Some(Tok::StatementRef(title)) => {
                self.bump();
                Ok(self.content(ElemKind::Statement, Some(title), true, at, false))
            }
            Some(Tok::ArgumentRef(title)) => {
                self.bump();
                Ok(self.content(ElemKind::Argument, Some(title), true, at, false))
            }
            Some(tok) if is_content(&tok) => {
                Ok(self.content(ElemKind::Statement, None, false, at, false))
            }
            _ => self.error(
                "expected a statement (`[Title]: text`) or an argument (`<Title>: text`) here",
            ),
        }
    }

    /// The text after a title (up to the data, the next relation line or structure, or an
    /// empty line). `one_line` stops at the end of the line (headings).
    fn content(
        &mut self,
        kind: ElemKind,
        title: Option<Cow<'a, str>>,
        reference: bool,
        at: usize,
        one_line: bool,
    ) -> Element {
        let mut pieces: Vec<Tok<'a>> = Vec::new();
        let mut data = None;
        while let Some(tok) = self.peek().cloned() {
            match tok {
                tok if is_content(&tok) => {
                    pieces.push(tok);
                    self.bump();
                }
                Tok::Newline if !one_line => {
                    let next = self.peek_at(1);
                    if next.is_some_and(is_content) {
                        pieces.push(Tok::Text(" ".into()));
                        self.bump();
                    } else if matches!(next, Some(Tok::Data(_))) {
                        self.bump();
                    } else {
                        break;
                    }
                }
                Tok::Data(raw) => {
                    data = Some((raw.into_owned(), self.here()));
                    self.bump();
                    break;
                }
                Tok::StatementDef(_)
                | Tok::StatementRef(_)
                | Tok::ArgumentDef(_)
                | Tok::ArgumentRef(_)
                    if !pieces.is_empty() || reference =>
                {
                    // A title inside text: Argdown wants `@[Title]` for that. Keep it as text.
                    let shown = match &tok {
                        Tok::StatementDef(t) => format!("[{t}]:"),
                        Tok::StatementRef(t) => format!("[{t}]"),
                        Tok::ArgumentDef(t) => format!("<{t}>:"),
                        Tok::ArgumentRef(t) => format!("<{t}>"),
                        _ => unreachable!("matched above"),
                    };
                    self.remarks.push((
                        self.here(),
                        format!(
                            "{shown} inside text is kept as text (write @{} to mention it)",
                            shown.trim_end_matches(':')
                        ),
                    ));
                    pieces.push(Tok::Text(shown.into()));
                    self.bump();
                }
                _ => break,
            }
        }
        let (text, tags) = assemble(&pieces);
        Element {
            kind,
            title: title.map(Cow::into_owned),
            reference,
            text,
            tags,
            data,
            at,
        }
    }

    fn pcs(&mut self, argument: Option<String>) -> Result<Pcs, ParseError> {
        let at = self.here();
        let mut items: Vec<PcsItem> = Vec::new();
        loop {
            while self.peek() == Some(&Tok::Newline) {
                self.bump();
            }
            match self.peek().cloned() {
                Some(Tok::StatementNumber(number)) => {
                    self.bump();
                    if matches!(self.peek(), Some(Tok::ArgumentDef(_) | Tok::ArgumentRef(_))) {
                        return self.error(
                            "a numbered line of a premise–conclusion structure must be a statement, not an argument",
                        );
                    }
                    let tree = self.tree()?;
                    items.push(PcsItem::Statement {
                        number: number.into_owned(),
                        tree,
                    });
                }
                Some(Tok::Inference { rules, data }) => {
                    let inference_at = self.here();
                    if !matches!(items.last(), Some(PcsItem::Statement { .. })) {
                        return self
                            .error("an inference line (`--`) must follow a numbered premise");
                    }
                    self.bump();
                    let mut tree = Tree {
                        nodes: vec![TreeNode {
                            element: Element {
                                kind: ElemKind::Inference,
                                title: None,
                                reference: false,
                                text: rules.into_owned(),
                                tags: Vec::new(),
                                data: data.map(|d| (d.to_owned(), inference_at)),
                                at: inference_at,
                            },
                            parent: None,
                        }],
                    };
                    self.relation_lines(&mut tree)?;
                    items.push(PcsItem::Inference { tree });
                }
                _ => break,
            }
        }
        let inferences = items
            .iter()
            .filter(|i| matches!(i, PcsItem::Inference { .. }))
            .count();
        if inferences == 0 || !matches!(items.last(), Some(PcsItem::Statement { .. })) {
            return Err(ParseError {
                at,
                message: "a premise–conclusion structure needs numbered premises, an inference line (`----`) and a numbered conclusion after it".into(),
            });
        }
        Ok(Pcs {
            argument,
            items,
            at,
        })
    }
}

/// The text of some content pieces, with emphasis markers taken out (those that are closed)
/// and tags after the last word taken out; and every tag.
fn assemble(pieces: &[Tok<'_>]) -> (String, Vec<String>) {
    // Which emphasis openings are closed.
    let mut closed = vec![false; pieces.len()];
    let mut open: Vec<(usize, &str)> = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if let Tok::Emph {
            marker,
            open: is_open,
        } = p
        {
            if *is_open {
                open.push((i, marker));
            } else if let Some(pos) = open.iter().rposition(|(_, m)| m == marker) {
                let (j, _) = open.remove(pos);
                closed[j] = true;
                closed[i] = true;
            }
        }
    }
    let last_word = pieces.iter().rposition(|p| {
        matches!(p, Tok::Text(t) if !t.trim().is_empty()) || matches!(p, Tok::Emph { .. })
    });
    let mut text = String::new();
    let mut tags = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, p) in pieces.iter().enumerate() {
        match p {
            Tok::Text(t) => text.push_str(t),
            Tok::Tag(tag) => {
                if seen.insert(tag) {
                    tags.push(tag.to_string());
                }
                if last_word.is_some_and(|w| i < w) {
                    if tag.contains(' ') {
                        text.push_str(&format!("#({tag}) "));
                    } else {
                        text.push_str(&format!("#{tag} "));
                    }
                }
            }
            Tok::Emph { marker, .. } if !closed[i] => text.push_str(marker),
            _ => {}
        }
    }
    (text, tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        parse(text).unwrap()
    }

    fn err(text: &str) -> ParseError {
        parse(text).unwrap_err()
    }

    #[test]
    fn relation_trees_nest_by_indentation() {
        let d = doc("[A]: a\n  + [B]: b\n    - <C>: c\n  -> d\n\n[E]: e");
        assert_eq!(d.blocks.len(), 2);
        let Block::Tree(tree) = &d.blocks[0] else {
            panic!()
        };
        let parents: Vec<Option<(usize, Rel)>> = tree
            .nodes
            .iter()
            .map(|n| n.parent.map(|(p, r, _)| (p, r)))
            .collect();
        assert_eq!(
            parents,
            vec![
                None,
                Some((0, Rel::ChildSupports)),
                Some((1, Rel::ChildAttacks)),
                Some((0, Rel::ParentAttacks))
            ]
        );
        assert_eq!(tree.nodes[2].element.kind, ElemKind::Argument);
        assert_eq!(tree.nodes[3].element.title, None);
        assert_eq!(tree.nodes[3].element.text, "d");
    }

    #[test]
    fn text_continues_over_lines_and_loses_markers_and_trailing_tags() {
        let d = doc("[A]: one *two*\n three #(x y) four #pro #con {a: 1}");
        let Block::Tree(tree) = &d.blocks[0] else {
            panic!()
        };
        let e = &tree.nodes[0].element;
        assert_eq!(e.text, "one two three #(x y) four ");
        assert_eq!(e.tags, vec!["x y", "pro", "con"]);
        assert_eq!(e.data.as_ref().unwrap().0, "{a: 1}");
    }

    #[test]
    fn pcs_belongs_to_the_argument_before_it() {
        let d = doc("<Arg>: gist\n\n(1) [P]: p\n(2) q\n--\nrule\n--\n(3) c\n  -> [X]\n");
        let Block::Pcs(pcs) = &d.blocks[1] else {
            panic!()
        };
        assert_eq!(pcs.argument.as_deref(), Some("Arg"));
        assert_eq!(pcs.items.len(), 4);
        let PcsItem::Inference { tree } = &pcs.items[2] else {
            panic!()
        };
        assert_eq!(tree.nodes[0].element.text, "rule");
    }

    #[test]
    fn broken_structure_is_an_error_with_a_place() {
        assert_eq!(err("  + [B]").at, 2);
        assert!(err("[A]: a\n+ b").message.contains("indented"));
        assert!(err("(1) p\n(2) q").message.contains("inference"));
        assert!(err("[a]: x\n\n----\n").message.contains("inference"));
        assert!(err("{a: 1}").message.contains("data"));
    }

    #[test]
    fn headings_end_at_their_line() {
        let d = doc("# Title *here*\n[A]: a");
        assert_eq!(
            d.blocks[0],
            Block::Heading {
                level: 1,
                text: "Title here".into(),
                at: 0
            }
        );
        assert_eq!(d.blocks.len(), 2);
    }
}
