//! The YAML that Argdown files carry: `{…}` data after a statement and `===` front matter.
//!
//! argmap reads this YAML itself instead of through a crate. serde_yaml is deprecated and
//! archived; its fork serde_yml was found unsound (RUSTSEC-2025-0068) and is deprecated too;
//! the maintained pure-Rust parsers (yaml-rust2, saphyr) would be a sizeable dependency for the
//! few short data blocks an Argdown file holds. What is read: block mappings and sequences, flow
//! mappings and sequences (also over several lines), plain, single- and double-quoted scalars
//! with every escape, `|` and `>` block scalars, and comments. Anchors, aliases, tags and
//! directives are refused with a clear message; the importer then keeps such data as text in
//! the node's notes, so nothing is lost.
//!
//! The writer emits only flow collections of double-quoted strings, numbers and booleans, and
//! escapes every character that could let Argdown's lexer end a `{…}` block or a front matter
//! early (`}`, `===`, line breaks).

use std::fmt::Write;

/// A YAML value. Mapping keys are kept as text, in file order.
#[derive(Clone, Debug, PartialEq)]
pub enum Yaml {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Yaml>),
    Map(Vec<(String, Yaml)>),
}

impl Yaml {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Yaml::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The value under `key`, when this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Yaml> {
        match self {
            Yaml::Map(pairs) => pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Text for a scalar (strings as they are, numbers and booleans as written).
    pub fn scalar_text(&self) -> Option<String> {
        match self {
            Yaml::Str(s) => Some(s.clone()),
            Yaml::Int(i) => Some(i.to_string()),
            Yaml::Float(f) => Some(f.to_string()),
            Yaml::Bool(b) => Some(b.to_string()),
            Yaml::Null | Yaml::Seq(_) | Yaml::Map(_) => None,
        }
    }
}

/// Why a YAML text could not be read; `line` is 0-based within the YAML text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub message: String,
}

/// Nesting deeper than this is refused: real data is two or three levels deep, and a limit
/// keeps hostile input from overflowing the stack.
const MAX_DEPTH: usize = 64;

/// Reads one YAML document (an empty text is `Null`).
pub fn parse(text: &str) -> Result<Yaml, YamlError> {
    let lines: Vec<Vec<char>> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).chars().collect())
        .collect();
    let mut p = Parser {
        lines,
        line: 0,
        depth: 0,
    };
    p.skip_blank_lines();
    if p.line >= p.lines.len() {
        return Ok(Yaml::Null);
    }
    let indent = p.indent_of(p.line);
    let value = p.block_node(indent)?;
    p.skip_blank_lines();
    if p.line < p.lines.len() {
        return Err(p.error("unexpected text after the data (check the indentation)"));
    }
    Ok(value)
}

struct Parser {
    lines: Vec<Vec<char>>,
    line: usize,
    depth: usize,
}

fn is_blank_or_comment(line: &[char]) -> bool {
    let rest: Vec<char> = line
        .iter()
        .copied()
        .skip_while(|c| *c == ' ' || *c == '\t')
        .collect();
    rest.is_empty() || rest[0] == '#'
}

impl Parser {
    fn error(&self, message: impl Into<String>) -> YamlError {
        YamlError {
            line: self.line.min(self.lines.len().saturating_sub(1)),
            message: message.into(),
        }
    }

    fn enter(&mut self) -> Result<(), YamlError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("the data is nested too deeply"));
        }
        Ok(())
    }

    fn indent_of(&self, line: usize) -> usize {
        self.lines[line].iter().take_while(|c| **c == ' ').count()
    }

    fn skip_blank_lines(&mut self) {
        while self.line < self.lines.len() && is_blank_or_comment(&self.lines[self.line]) {
            self.line += 1;
        }
    }

    /// A node in block context whose first line is indented by exactly `indent`.
    fn block_node(&mut self, indent: usize) -> Result<Yaml, YamlError> {
        self.enter()?;
        let line = &self.lines[self.line];
        let rest = &line[indent..];
        let value = if rest.first() == Some(&'-') && rest.get(1).is_none_or(|c| *c == ' ') {
            self.block_seq(indent)
        } else if key_split(rest).is_some() {
            self.block_map(indent)
        } else {
            let (value, end) = self.inline_value(indent, indent.saturating_sub(1))?;
            self.expect_line_end(end)?;
            Ok(value)
        };
        self.depth -= 1;
        value
    }

    fn block_seq(&mut self, indent: usize) -> Result<Yaml, YamlError> {
        let mut items = Vec::new();
        loop {
            self.skip_blank_lines();
            if self.line >= self.lines.len() || self.indent_of(self.line) != indent {
                break;
            }
            let line = &self.lines[self.line];
            if line.get(indent) != Some(&'-') || line.get(indent + 1).is_some_and(|c| *c != ' ') {
                break;
            }
            let after: Vec<char> = line[indent + 1..].to_vec();
            if is_blank_or_comment(&after) {
                self.line += 1;
                self.skip_blank_lines();
                if self.line < self.lines.len() && self.indent_of(self.line) > indent {
                    let inner = self.indent_of(self.line);
                    items.push(self.block_node(inner)?);
                } else {
                    items.push(Yaml::Null);
                }
            } else {
                // `- value` or `- key: value`: blank out the dash and read the rest as a node
                // indented where its text starts.
                let inner = indent + 1 + after.iter().take_while(|c| **c == ' ').count();
                self.lines[self.line][indent] = ' ';
                items.push(self.block_node(inner)?);
            }
        }
        Ok(Yaml::Seq(items))
    }

    fn block_map(&mut self, indent: usize) -> Result<Yaml, YamlError> {
        let mut pairs: Vec<(String, Yaml)> = Vec::new();
        loop {
            self.skip_blank_lines();
            if self.line >= self.lines.len() {
                break;
            }
            let here = self.indent_of(self.line);
            if here < indent {
                break;
            }
            if here > indent {
                return Err(self.error("unexpected indentation"));
            }
            let line = self.lines[self.line].clone();
            let Some((key, value_col)) = key_split(&line[indent..]) else {
                break;
            };
            let key = self.key_text(&key)?;
            if pairs.iter().any(|(k, _)| *k == key) {
                return Err(self.error(format!("the key \"{key}\" appears twice")));
            }
            let value_col = indent + value_col;
            let after = &line[value_col.min(line.len())..];
            let value_col = value_col
                + after
                    .iter()
                    .take_while(|c| **c == ' ' || **c == '\t')
                    .count();
            let value = if is_blank_or_comment(after) {
                self.line += 1;
                self.skip_blank_lines();
                if self.line < self.lines.len() {
                    let next = self.indent_of(self.line);
                    let next_line = &self.lines[self.line];
                    let is_seq_here = next == indent
                        && next_line.get(indent) == Some(&'-')
                        && next_line.get(indent + 1).is_none_or(|c| *c == ' ');
                    if next > indent || is_seq_here {
                        self.block_node(next)?
                    } else {
                        Yaml::Null
                    }
                } else {
                    Yaml::Null
                }
            } else {
                let (value, end) = self.inline_value(value_col, indent)?;
                self.expect_line_end(end)?;
                value
            };
            pairs.push((key, value));
        }
        Ok(Yaml::Map(pairs))
    }

    fn key_text(&self, key: &[char]) -> Result<String, YamlError> {
        let text: String = key.iter().collect();
        let text = text.trim();
        match text.chars().next() {
            Some('"') | Some('\'') => {
                let mut sub = Parser {
                    lines: vec![text.chars().collect()],
                    line: 0,
                    depth: 0,
                };
                let (value, _) = sub.quoted(0, 0).map_err(|e| self.error(e.message))?;
                Ok(value)
            }
            _ => Ok(text.to_owned()),
        }
    }

    /// After a value: nothing but spaces and a comment may follow on its line.
    fn expect_line_end(&mut self, (line, col): (usize, usize)) -> Result<(), YamlError> {
        self.line = line;
        let rest = &self.lines[line][col.min(self.lines[line].len())..];
        let spaces = rest
            .iter()
            .take_while(|c| **c == ' ' || **c == '\t')
            .count();
        let ok = spaces == rest.len() || (spaces > 0 && rest[spaces] == '#');
        if !ok {
            return Err(self.error("unexpected text after a value"));
        }
        self.line = line + 1;
        Ok(())
    }

    /// A value that starts at (`self.line`, `col`) in block context; `parent` is the
    /// indentation of the key or dash that owns it. Returns the value and where it ended.
    fn inline_value(
        &mut self,
        col: usize,
        parent: usize,
    ) -> Result<(Yaml, (usize, usize)), YamlError> {
        let line = self.line;
        let c = self.lines[line].get(col).copied().unwrap_or(' ');
        match c {
            '"' | '\'' => {
                let (s, end) = self.quoted(line, col)?;
                Ok((Yaml::Str(s), end))
            }
            '[' | '{' => self.flow_node(line, col),
            '|' | '>' => {
                let value = self.block_scalar(col, parent)?;
                let end_line = self.line.saturating_sub(1);
                Ok((Yaml::Str(value), (end_line, self.lines[end_line].len())))
            }
            '&' | '*' | '!' | '%' | '@' | '`' => Err(self.error(format!(
                "YAML feature `{c}` (anchors, aliases, tags, directives) is not supported"
            ))),
            _ => {
                // A plain scalar, which may go on over more-indented lines.
                let text: String = self.lines[line][col..].iter().collect();
                let mut value = strip_comment(&text).trim().to_owned();
                let mut end = (line, self.lines[line].len());
                let mut next = line + 1;
                while next < self.lines.len()
                    && !is_blank_or_comment(&self.lines[next])
                    && self.indent_of(next) > parent
                    && key_split(&self.lines[next][self.indent_of(next)..]).is_none()
                {
                    let more: String = self.lines[next].iter().collect();
                    value.push(' ');
                    value.push_str(strip_comment(&more).trim());
                    end = (next, self.lines[next].len());
                    next += 1;
                }
                Ok((plain_scalar(&value), end))
            }
        }
    }

    /// `|` or `>` at (`self.line`, `col`): the more-indented lines below are the text.
    fn block_scalar(&mut self, col: usize, parent: usize) -> Result<String, YamlError> {
        let header: String = self.lines[self.line][col..].iter().collect();
        let header = strip_comment(&header).trim().to_owned();
        let folded = header.starts_with('>');
        let chomp = if header.contains('-') {
            '-'
        } else if header.contains('+') {
            '+'
        } else {
            ' '
        };
        self.line += 1;
        let mut body: Vec<String> = Vec::new();
        let mut content_indent: Option<usize> = None;
        while self.line < self.lines.len() {
            let l = &self.lines[self.line];
            let blank = l.iter().all(|c| *c == ' ');
            let ind = self.indent_of(self.line);
            if !blank && ind <= parent {
                break;
            }
            if !blank && content_indent.is_none() {
                content_indent = Some(ind);
            }
            let cut = content_indent.unwrap_or(usize::MAX).min(l.len());
            if !blank && ind < content_indent.unwrap_or(0) {
                return Err(self.error("a line of the block text is indented less than the first"));
            }
            body.push(l[cut..].iter().collect());
            self.line += 1;
        }
        let mut trailing = 0;
        while body.last().is_some_and(|l| l.is_empty()) {
            body.pop();
            trailing += 1;
        }
        let mut text = String::new();
        for (i, l) in body.iter().enumerate() {
            if i > 0 {
                let prev = &body[i - 1];
                let joins_with_space =
                    folded && !prev.is_empty() && !l.is_empty() && !l.starts_with(' ');
                text.push(if joins_with_space { ' ' } else { '\n' });
            }
            text.push_str(l);
        }
        match chomp {
            '-' => {}
            '+' => {
                text.push('\n');
                text.extend(std::iter::repeat_n('\n', trailing));
            }
            _ => {
                if !body.is_empty() {
                    text.push('\n');
                }
            }
        }
        Ok(text)
    }

    fn char_at(&self, line: usize, col: usize) -> Option<char> {
        self.lines.get(line).and_then(|l| l.get(col)).copied()
    }

    /// Skips spaces, line breaks and comments inside a flow collection.
    fn skip_flow_space(&self, mut line: usize, mut col: usize) -> (usize, usize) {
        loop {
            match self.char_at(line, col) {
                Some(' ') | Some('\t') => col += 1,
                Some('#')
                    if col == 0 || matches!(self.char_at(line, col - 1), Some(' ' | '\t')) =>
                {
                    line += 1;
                    col = 0;
                }
                None if line + 1 < self.lines.len() => {
                    line += 1;
                    col = 0;
                }
                _ => return (line, col),
            }
        }
    }

    fn flow_node(&mut self, line: usize, col: usize) -> Result<(Yaml, (usize, usize)), YamlError> {
        self.line = line;
        if self.char_at(line, col).is_none() {
            return Err(self.error("the data ends where a value should be"));
        }
        self.enter()?;
        let open = self.char_at(line, col);
        let result = match open {
            Some('[') => self.flow_seq(line, col + 1),
            Some('{') => self.flow_map(line, col + 1),
            Some('"') | Some('\'') => {
                let (s, end) = self.quoted(line, col)?;
                Ok((Yaml::Str(s), end))
            }
            Some(c @ ('&' | '*' | '!')) => Err(self.error(format!(
                "YAML feature `{c}` (anchors, aliases, tags) is not supported"
            ))),
            _ => {
                let mut end = col;
                let l = &self.lines[line];
                while end < l.len() {
                    let c = l[end];
                    let ends = matches!(c, ',' | ']' | '}' | '[' | '{')
                        || (c == ':'
                            && l.get(end + 1)
                                .is_none_or(|n| matches!(n, ' ' | '\t' | ',' | ']' | '}')))
                        || (c == '#' && end > col && matches!(l[end - 1], ' ' | '\t'));
                    if ends {
                        break;
                    }
                    end += 1;
                }
                let text: String = l[col..end].iter().collect();
                Ok((plain_scalar(text.trim()), (line, end)))
            }
        };
        self.depth -= 1;
        result
    }

    fn flow_seq(&mut self, line: usize, col: usize) -> Result<(Yaml, (usize, usize)), YamlError> {
        let mut items = Vec::new();
        let (mut line, mut col) = self.skip_flow_space(line, col);
        loop {
            self.line = line;
            match self.char_at(line, col) {
                Some(']') => return Ok((Yaml::Seq(items), (line, col + 1))),
                None => return Err(self.error("a `[` list is never closed with `]`")),
                _ => {}
            }
            let (item, (l, c)) = self.flow_node(line, col)?;
            items.push(item);
            let (l, c) = self.skip_flow_space(l, c);
            self.line = l;
            match self.char_at(l, c) {
                Some(',') => (line, col) = self.skip_flow_space(l, c + 1),
                Some(']') => return Ok((Yaml::Seq(items), (l, c + 1))),
                _ => return Err(self.error("expected `,` or `]` in a `[` list")),
            }
        }
    }

    fn flow_map(&mut self, line: usize, col: usize) -> Result<(Yaml, (usize, usize)), YamlError> {
        let mut pairs: Vec<(String, Yaml)> = Vec::new();
        let (mut line, mut col) = self.skip_flow_space(line, col);
        loop {
            self.line = line;
            match self.char_at(line, col) {
                Some('}') => return Ok((Yaml::Map(pairs), (line, col + 1))),
                None => return Err(self.error("a `{` mapping is never closed with `}`")),
                _ => {}
            }
            let (key, (l, c)) = self.flow_node(line, col)?;
            let key = match key {
                Yaml::Seq(_) | Yaml::Map(_) => {
                    return Err(self.error("a mapping key must be a single value"));
                }
                Yaml::Null => String::new(),
                other => other.scalar_text().unwrap_or_default(),
            };
            if pairs.iter().any(|(k, _)| *k == key) {
                return Err(self.error(format!("the key \"{key}\" appears twice")));
            }
            let (l, c) = self.skip_flow_space(l, c);
            let (value, (l, c)) = if self.char_at(l, c) == Some(':') {
                let (vl, vc) = self.skip_flow_space(l, c + 1);
                if matches!(self.char_at(vl, vc), Some(',') | Some('}')) {
                    (Yaml::Null, (vl, vc))
                } else {
                    self.flow_node(vl, vc)?
                }
            } else {
                (Yaml::Null, (l, c))
            };
            pairs.push((key, value));
            let (l, c) = self.skip_flow_space(l, c);
            self.line = l;
            match self.char_at(l, c) {
                Some(',') => (line, col) = self.skip_flow_space(l, c + 1),
                Some('}') => return Ok((Yaml::Map(pairs), (l, c + 1))),
                _ => return Err(self.error("expected `,` or `}` in a `{` mapping")),
            }
        }
    }

    /// A single- or double-quoted scalar starting at (`line`, `col`), possibly over several
    /// lines (folded as YAML folds them).
    fn quoted(&mut self, line: usize, col: usize) -> Result<(String, (usize, usize)), YamlError> {
        let quote = self.char_at(line, col).unwrap_or('"');
        let (mut l, mut c) = (line, col + 1);
        let mut out = String::new();
        loop {
            self.line = l;
            let Some(ch) = self.char_at(l, c) else {
                // A line break inside the quotes: fold it.
                if l + 1 >= self.lines.len() {
                    return Err(self.error("a quoted text is never closed"));
                }
                while out.ends_with(' ') || out.ends_with('\t') {
                    out.pop();
                }
                l += 1;
                let mut empty_lines = 0;
                while l < self.lines.len() && self.lines[l].iter().all(|c| *c == ' ' || *c == '\t')
                {
                    if l + 1 >= self.lines.len() {
                        self.line = l;
                        return Err(self.error("a quoted text is never closed"));
                    }
                    empty_lines += 1;
                    l += 1;
                }
                if empty_lines == 0 {
                    out.push(' ');
                } else {
                    out.extend(std::iter::repeat_n('\n', empty_lines));
                }
                c = self.lines[l]
                    .iter()
                    .take_while(|c| **c == ' ' || **c == '\t')
                    .count();
                continue;
            };
            if ch == quote {
                if quote == '\'' && self.char_at(l, c + 1) == Some('\'') {
                    out.push('\'');
                    c += 2;
                    continue;
                }
                return Ok((out, (l, c + 1)));
            }
            if ch == '\\' && quote == '"' {
                let Some(e) = self.char_at(l, c + 1) else {
                    // An escaped line break: the lines join without a space.
                    if l + 1 >= self.lines.len() {
                        return Err(self.error("a quoted text is never closed"));
                    }
                    l += 1;
                    c = self.lines[l]
                        .iter()
                        .take_while(|c| **c == ' ' || **c == '\t')
                        .count();
                    continue;
                };
                let simple = match e {
                    '0' => Some('\0'),
                    'a' => Some('\u{7}'),
                    'b' => Some('\u{8}'),
                    't' | '\t' => Some('\t'),
                    'n' => Some('\n'),
                    'v' => Some('\u{b}'),
                    'f' => Some('\u{c}'),
                    'r' => Some('\r'),
                    'e' => Some('\u{1b}'),
                    ' ' => Some(' '),
                    '"' => Some('"'),
                    '/' => Some('/'),
                    '\\' => Some('\\'),
                    'N' => Some('\u{85}'),
                    '_' => Some('\u{a0}'),
                    'L' => Some('\u{2028}'),
                    'P' => Some('\u{2029}'),
                    _ => None,
                };
                if let Some(s) = simple {
                    out.push(s);
                    c += 2;
                    continue;
                }
                let digits = match e {
                    'x' => 2,
                    'u' => 4,
                    'U' => 8,
                    _ => return Err(self.error(format!("unknown escape `\\{e}` in a quoted text"))),
                };
                let hex: String = (0..digits)
                    .filter_map(|i| self.char_at(l, c + 2 + i))
                    .collect();
                let code = (hex.len() == digits)
                    .then(|| u32::from_str_radix(&hex, 16).ok())
                    .flatten()
                    .and_then(char::from_u32)
                    .ok_or_else(|| {
                        self.error(format!("bad escape `\\{e}{hex}` in a quoted text"))
                    })?;
                out.push(code);
                c += 2 + digits;
                continue;
            }
            out.push(ch);
            c += 1;
        }
    }
}

/// Where a block mapping line `key: value` splits: the key's characters and the column where
/// the value starts. `None` when the line is not a `key:` line.
fn key_split(rest: &[char]) -> Option<(Vec<char>, usize)> {
    let first = *rest.first()?;
    if matches!(first, '[' | '{' | '#' | '|' | '>' | '&' | '*' | '!') {
        return None;
    }
    let mut i = 0;
    if first == '"' || first == '\'' {
        // A quoted key: find its closing quote, then expect `:`.
        i = 1;
        while i < rest.len() {
            if rest[i] == '\\' && first == '"' {
                i += 2;
                continue;
            }
            if rest[i] == first {
                if first == '\'' && rest.get(i + 1) == Some(&'\'') {
                    i += 2;
                    continue;
                }
                break;
            }
            i += 1;
        }
        i += 1;
        while rest.get(i) == Some(&' ') {
            i += 1;
        }
        if rest.get(i) != Some(&':') || rest.get(i + 1).is_some_and(|c| *c != ' ' && *c != '\t') {
            return None;
        }
        return Some((rest[..i].to_vec(), i + 1));
    }
    while i < rest.len() {
        let c = rest[i];
        if c == '#' && i > 0 && matches!(rest[i - 1], ' ' | '\t') {
            return None;
        }
        if c == ':' && rest.get(i + 1).is_none_or(|n| *n == ' ' || *n == '\t') {
            return Some((rest[..i].to_vec(), i + 1));
        }
        i += 1;
    }
    None
}

/// `text` without a trailing ` # comment`.
fn strip_comment(text: &str) -> &str {
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'#' && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t') {
            return &text[..i];
        }
    }
    text
}

/// What a plain (unquoted) scalar means, by YAML 1.2's core schema.
fn plain_scalar(text: &str) -> Yaml {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Yaml::Null,
        "true" | "True" | "TRUE" => return Yaml::Bool(true),
        "false" | "False" | "FALSE" => return Yaml::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Yaml::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Yaml::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Yaml::Float(f64::NAN),
        _ => {}
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(i) = text.parse::<i64>() {
            return Yaml::Int(i);
        }
    } else if let Some(hex) = text.strip_prefix("0x")
        && let Ok(i) = i64::from_str_radix(hex, 16)
    {
        return Yaml::Int(i);
    } else if let Some(oct) = text.strip_prefix("0o")
        && let Ok(i) = i64::from_str_radix(oct, 8)
    {
        return Yaml::Int(i);
    }
    let looks_numeric = digits
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'.')
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'));
    if looks_numeric && let Ok(f) = text.parse::<f64>() {
        return Yaml::Float(f);
    }
    Yaml::Str(text.to_owned())
}

/// `text` as a double-quoted YAML string that is safe inside Argdown's `{…}` and `===` blocks:
/// line breaks, `}`, runs of `===` and everything YAML cannot hold unescaped are escaped.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '}' => out.push_str("\\x7D"),
            '=' if chars.get(i + 1) == Some(&'=') && chars.get(i + 2) == Some(&'=') => {
                out.push_str("\\x3D");
            }
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c if (c as u32) < 0x20 || (0x7f..=0x9f).contains(&(c as u32)) => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `value` on one line in flow style (strings always double-quoted, see [`quote`]).
pub fn flow(value: &Yaml) -> String {
    let mut out = String::new();
    write_flow(value, &mut out);
    out
}

fn write_flow(value: &Yaml, out: &mut String) {
    match value {
        Yaml::Null => out.push_str("null"),
        Yaml::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Yaml::Int(i) => out.push_str(&i.to_string()),
        Yaml::Float(f) if f.is_nan() => out.push_str(".nan"),
        Yaml::Float(f) if f.is_infinite() => out.push_str(if *f > 0.0 { ".inf" } else { "-.inf" }),
        Yaml::Float(f) => {
            let s = f.to_string();
            out.push_str(&s);
            if !s.contains(['.', 'e', 'E']) {
                out.push_str(".0");
            }
        }
        Yaml::Str(s) => out.push_str(&quote(s)),
        Yaml::Seq(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_flow(item, out);
            }
            out.push(']');
        }
        Yaml::Map(pairs) => {
            out.push('{');
            for (i, (k, v)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if is_plain_key(k) {
                    out.push_str(k);
                } else {
                    out.push_str(&quote(k));
                }
                out.push_str(": ");
                write_flow(v, out);
            }
            out.push('}');
        }
    }
}

/// Keys argmap writes unquoted: lower-case words with `_`.
fn is_plain_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit())
        && !key.as_bytes()[0].is_ascii_digit()
        && !matches!(key, "true" | "false" | "null")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Yaml {
        Yaml::Str(v.to_owned())
    }

    #[test]
    fn reads_flow_data_as_argdown_writes_it() {
        let y = parse(r#"{id: "a", text: "x: \"y\" \x7D \u00e9", n: 3, ok: true, c: [{source: 's1', quote: 'it''s'}]}"#)
            .unwrap();
        assert_eq!(y.get("id"), Some(&s("a")));
        assert_eq!(y.get("text"), Some(&s("x: \"y\" } é")));
        assert_eq!(y.get("n"), Some(&Yaml::Int(3)));
        assert_eq!(y.get("ok"), Some(&Yaml::Bool(true)));
        let c = y.get("c").unwrap();
        let Yaml::Seq(items) = c else { panic!() };
        assert_eq!(items[0].get("quote"), Some(&s("it's")));
    }

    #[test]
    fn reads_block_front_matter() {
        let text = "title: Pros and Cons\nsubTitle: A Simple Analysis  \ncolor:\n    colorScheme: colorbrewer-category10\n    tagColors:\n        pro: 0\n        con: 1\nlist:\n  - a\n  - {b: 2}\n  - key: v\n    other: w\nabstract: |\n  line one\n  line two\n";
        let y = parse(text).unwrap();
        assert_eq!(y.get("title"), Some(&s("Pros and Cons")));
        assert_eq!(y.get("subTitle"), Some(&s("A Simple Analysis")));
        let colors = y.get("color").unwrap().get("tagColors").unwrap();
        assert_eq!(colors.get("con"), Some(&Yaml::Int(1)));
        let Some(Yaml::Seq(list)) = y.get("list") else {
            panic!()
        };
        assert_eq!(list[0], s("a"));
        assert_eq!(list[1].get("b"), Some(&Yaml::Int(2)));
        assert_eq!(list[2].get("other"), Some(&s("w")));
        assert_eq!(y.get("abstract"), Some(&s("line one\nline two\n")));
    }

    #[test]
    fn flow_collections_may_span_lines() {
        let y = parse("{a: [1,\n  2], b: \"x\n  y\"}").unwrap();
        assert_eq!(
            y.get("a"),
            Some(&Yaml::Seq(vec![Yaml::Int(1), Yaml::Int(2)]))
        );
        assert_eq!(y.get("b"), Some(&s("x y")));
    }

    #[test]
    fn refuses_what_it_does_not_support_with_a_line() {
        let e = parse("a: 1\nb: &anchor 2\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("not supported"), "{}", e.message);
        assert!(parse("{a: [1, 2}").is_err());
        assert!(parse("a: 1\na: 2").is_err());
        assert!(parse("{a: \"never closed}").is_err());
    }

    #[test]
    fn quote_round_trips_and_hides_argdown_delimiters() {
        for text in [
            "plain",
            "a } b === c ==== d",
            "line\nbreak\r\n\ttab \u{2028} \u{85} \u{7f} \u{0}",
            "quotes \" and \\ and 'single'",
            "emoji 🎉 and é",
        ] {
            let q = quote(text);
            assert!(
                !q.contains('}') && !q.contains("===") && !q.contains('\n'),
                "{q}"
            );
            let y = parse(&format!("{{t: {q}}}")).unwrap();
            assert_eq!(y.get("t"), Some(&s(text)), "{q}");
        }
    }

    #[test]
    fn flow_writer_output_reads_back() {
        let v = Yaml::Map(vec![
            ("id".into(), s("x")),
            ("n".into(), Yaml::Int(-4)),
            ("f".into(), Yaml::Float(2.0)),
            (
                "Odd Key".into(),
                Yaml::Seq(vec![s("a"), Yaml::Null, Yaml::Bool(false)]),
            ),
        ]);
        assert_eq!(parse(&flow(&v)).unwrap(), v);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "-",
            "- - -",
            ":",
            "{",
            "[",
            "\"",
            "'",
            "? x",
            "a:\n  - b\n c",
            "{a: }",
            "[,]",
            "a: |",
            "a: >-\n\n  x\n\n",
            "\"\\",
            "\"\\u12",
            "- a\n-",
            "{a: b}: c",
            "a:\tb",
        ] {
            let _ = parse(text);
        }
    }
}
