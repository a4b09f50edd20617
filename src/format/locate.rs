//! Places validation problems in the RON text they came from.
//!
//! Ron reports positions only for syntax and type errors, not for the values it parsed, so this
//! module reads the bracket structure of the file itself (strings, comments and all) to find
//! where the n-th node, link, source or citation starts. It runs only when there are problems.

use super::Diagnostic;
use crate::model::{Problem, ProblemPlace};

pub fn locate_problems(text: &str, problems: &[Problem]) -> Vec<Diagnostic> {
    if problems.is_empty() {
        return Vec::new();
    }
    let root = Scanner::new(text).root();
    let lines = super::diagnostic::LineIndex::new(text);
    problems
        .iter()
        .map(|problem| Diagnostic {
            severity: problem.severity,
            pos: root
                .as_ref()
                .and_then(|root| offset_of(root, &problem.place))
                .map(|at| lines.pos(at)),
            message: problem.message.clone(),
            problem: Some(Box::new(problem.clone())),
        })
        .collect()
}

fn offset_of(root: &Item<'_>, place: &ProblemPlace) -> Option<usize> {
    let element = |list: &str, index: usize| root.field(list)?.element(index);
    match place {
        ProblemPlace::Map => root.field_name_offset("title"),
        ProblemPlace::MainClaim => root.field_name_offset("main_claim"),
        ProblemPlace::Node { index, .. } => element("nodes", *index).map(|i| i.start),
        ProblemPlace::Presentation { step } => element("presentation", *step)
            .map(|i| i.start)
            .or_else(|| root.field_name_offset("presentation")),
        ProblemPlace::Link { index, .. } | ProblemPlace::Question { index, .. } => {
            element("links", *index).map(|i| i.start)
        }
        ProblemPlace::Source { index, .. } => element("sources", *index).map(|i| i.start),
        ProblemPlace::Citation { node, citation, .. } => {
            let node = element("nodes", *node)?;
            node.field("citations")
                .and_then(|c| c.element(*citation))
                .map(|i| i.start)
                .or(Some(node.start))
        }
    }
}

/// A value in the file: where it starts, and its inner structure when it has one.
#[derive(Debug)]
struct Item<'a> {
    start: usize,
    shape: Shape<'a>,
}

#[derive(Debug)]
enum Shape<'a> {
    /// `(name: value, …)`: each field's name, where the name starts, and its value.
    // Names are borrowed from the file: a big map has millions of fields.
    Struct(Vec<(&'a str, usize, Item<'a>)>),
    /// `[a, b]` or a tuple `(a, b)`.
    List(Vec<Item<'a>>),
    Atom,
}

impl<'a> Item<'a> {
    fn field(&self, name: &str) -> Option<&Item<'a>> {
        match &self.shape {
            Shape::Struct(fields) => fields.iter().find(|f| f.0 == name).map(|f| &f.2),
            _ => None,
        }
    }

    fn field_name_offset(&self, name: &str) -> Option<usize> {
        match &self.shape {
            Shape::Struct(fields) => fields.iter().find(|f| f.0 == name).map(|f| f.1),
            _ => None,
        }
    }

    fn element(&self, index: usize) -> Option<&Item<'a>> {
        match &self.shape {
            Shape::List(items) => items.get(index),
            _ => None,
        }
    }
}

/// Deeper than any map file nests; stops a hostile file from exhausting the stack.
const MAX_DEPTH: usize = 256;

struct Scanner<'a> {
    text: &'a [u8],
    at: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            at: 0,
        }
    }

    fn root(mut self) -> Option<Item<'a>> {
        self.skip_trivia();
        // `#![enable(...)]` attributes may precede the value.
        while self.peek() == Some(b'#') {
            while let Some(c) = self.peek() {
                self.at += 1;
                if c == b']' {
                    break;
                }
            }
            self.skip_trivia();
        }
        self.value(0)
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.text.get(self.at + 1).copied()) {
                (Some(c), _) if c.is_ascii_whitespace() => self.at += 1,
                (Some(b'/'), Some(b'/')) => {
                    while let Some(c) = self.peek() {
                        self.at += 1;
                        if c == b'\n' {
                            break;
                        }
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    // Block comments nest in RON.
                    self.at += 2;
                    let mut depth = 1;
                    while depth > 0 && self.at < self.text.len() {
                        if self.text[self.at..].starts_with(b"/*") {
                            depth += 1;
                            self.at += 2;
                        } else if self.text[self.at..].starts_with(b"*/") {
                            depth -= 1;
                            self.at += 2;
                        } else {
                            self.at += 1;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn value(&mut self, depth: usize) -> Option<Item<'a>> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_trivia();
        let start = self.at;
        let shape = match self.peek()? {
            b'(' => self.group(b')', depth)?,
            b'[' => self.group(b']', depth)?,
            b'{' => self.group(b'}', depth)?,
            b'"' => {
                self.string()?;
                Shape::Atom
            }
            b'\'' => {
                self.char_literal();
                Shape::Atom
            }
            b'r' if matches!(self.text.get(self.at + 1), Some(b'"' | b'#')) => {
                self.at += 1;
                self.raw_string()?;
                Shape::Atom
            }
            b'b' if self.text.get(self.at + 1) == Some(&b'"') => {
                self.at += 1;
                self.string()?;
                Shape::Atom
            }
            _ => {
                self.word();
                self.skip_trivia();
                // `Some(x)`, `Name(...)`: a named value; its inside is what matters.
                if self.peek() == Some(b'(') {
                    self.group(b')', depth)?
                } else {
                    Shape::Atom
                }
            }
        };
        Some(Item { start, shape })
    }

    /// A bracketed group, at its opening bracket. `(a: 1)` is a struct, anything else a list.
    fn group(&mut self, close: u8, depth: usize) -> Option<Shape<'a>> {
        self.at += 1;
        let mut fields = Vec::new();
        let mut items = Vec::new();
        loop {
            self.skip_trivia();
            match self.peek()? {
                c if c == close => {
                    self.at += 1;
                    break;
                }
                b',' => {
                    self.at += 1;
                    continue;
                }
                _ => {}
            }
            if close == b')'
                && let Some((name, name_at)) = self.field_name()
            {
                let value = self.value(depth + 1)?;
                fields.push((name, name_at, value));
                continue;
            }
            let before = self.at;
            let item = self.value(depth + 1)?;
            if close == b'}' {
                // Map entries: `key: value`; keep the key, skip the value.
                self.skip_trivia();
                if self.peek() == Some(b':') {
                    self.at += 1;
                    self.value(depth + 1)?;
                }
            }
            items.push(item);
            if self.at == before {
                self.at += 1; // never loop on a byte nothing understands
            }
        }
        Some(if fields.is_empty() {
            Shape::List(items)
        } else {
            Shape::Struct(fields)
        })
    }

    /// `name:` at the cursor (not `name::`); consumes it if present.
    fn field_name(&mut self) -> Option<(&'a str, usize)> {
        let start = self.at;
        self.word();
        let text: &'a [u8] = self.text;
        let name = std::str::from_utf8(&text[start..self.at]).unwrap_or("");
        self.skip_trivia();
        if !name.is_empty()
            && self.peek() == Some(b':')
            && self.text.get(self.at + 1) != Some(&b':')
        {
            self.at += 1;
            Some((name.trim_start_matches("r#"), start))
        } else {
            self.at = start;
            None
        }
    }

    fn word(&mut self) {
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric()
                || matches!(c, b'_' | b'#' | b'.' | b'+' | b'-')
                || c >= 0x80
            {
                self.at += 1;
            } else {
                break;
            }
        }
    }

    fn string(&mut self) -> Option<()> {
        self.at += 1;
        while let Some(c) = self.peek() {
            self.at += 1;
            match c {
                b'\\' => self.at += 1,
                b'"' => return Some(()),
                _ => {}
            }
        }
        None
    }

    fn raw_string(&mut self) -> Option<()> {
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.at += 1;
        }
        if self.peek() != Some(b'"') {
            return None;
        }
        self.at += 1;
        let mut closing = vec![b'"'];
        closing.extend(std::iter::repeat_n(b'#', hashes));
        let rest = &self.text[self.at..];
        let end = rest.windows(closing.len()).position(|w| w == closing)?;
        self.at += end + closing.len();
        Some(())
    }

    fn char_literal(&mut self) {
        self.at += 1;
        if self.peek() == Some(b'\\') {
            self.at += 2;
        }
        while let Some(c) = self.peek() {
            self.at += 1;
            if c == b'\'' {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::TextPos;
    use crate::model::Severity;

    const TEXT: &str = r##"// a comment with (brackets [
(
    format_version: 1,
    title: "T",
    nodes: [
        (id: "a", kind: Claim, text: "has ) and ] inside", pos: (x: 0, y: 0)),
        (
            id: "b",
            kind: Evidence,
            text: r#"raw "quoted" )"#,
            pos: (x: 1, y: 2),
            /* nested /* comment */ ) */
            citations: [
                (source: "s", quote: "q"),
                (source: "t", quote: "it's"),
            ],
        ),
    ],
    links: [(from: "b", to: "a", relation: Supports)],
)
"##;

    fn pos(place: ProblemPlace) -> Option<TextPos> {
        let problem = Problem {
            severity: Severity::Error,
            place,
            message: String::new(),
        };
        locate_problems(TEXT, &[problem])[0].pos
    }

    #[test]
    fn finds_nodes_links_and_citations_past_strings_and_comments() {
        let p = |line, col| Some(TextPos { line, col });
        assert_eq!(pos(ProblemPlace::Map), p(4, 5));
        assert_eq!(
            pos(ProblemPlace::Node {
                index: 0,
                id: "a".into()
            }),
            p(6, 9)
        );
        assert_eq!(
            pos(ProblemPlace::Node {
                index: 1,
                id: "b".into()
            }),
            p(7, 9)
        );
        let citation = ProblemPlace::Citation {
            node: 1,
            node_id: "b".into(),
            citation: 1,
        };
        assert_eq!(pos(citation), p(15, 17));
        let link = ProblemPlace::Link {
            index: 0,
            from: "b".into(),
            to: "a".into(),
        };
        assert_eq!(pos(link), p(19, 13));
        assert_eq!(pos(ProblemPlace::MainClaim), None);
        assert_eq!(
            pos(ProblemPlace::Node {
                index: 9,
                id: "z".into()
            }),
            None
        );
    }
}
