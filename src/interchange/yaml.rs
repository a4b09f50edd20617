//! The YAML that Argdown files carry: `{…}` data after a statement and `===` front matter.
//!
//! Reading goes through saphyr's parser, a maintained, pure-Rust and fully YAML 1.2 one, so
//! anchors and aliases, tags, block scalars with indentation indicators (`|2`) and every
//! other construct the Argdown tools (js-yaml) accept are read too. argmap builds its own
//! small tree from the parser's events rather than taking saphyr's loader: that way every
//! alias is counted before it is copied, and data whose aliases would expand beyond
//! [`MAX_ALIAS_EXPANSION`] (an "alias bomb", billion laughs) is refused while it is still
//! small, and nesting stays bounded.
//!
//! The writer emits only flow collections of double-quoted strings, numbers and booleans, and
//! escapes every character that could let Argdown's lexer end a `{…}` block or a front matter
//! early (`}`, `===`, line breaks).

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError, Tag};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
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

/// Why a YAML text could not be read: `line` is 0-based within the YAML text, `col` 1-based
/// within that line (in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

/// Nesting deeper than this is refused: real data is two or three levels deep, and a limit
/// keeps the tree (and the recursion that drops or compares it) small.
const MAX_DEPTH: usize = 64;

/// How much aliases may copy, in values plus characters of text, before the data is refused.
/// Real data reuses a few small anchors; a billion-laughs text of a few hundred bytes would
/// otherwise expand to gigabytes.
pub const MAX_ALIAS_EXPANSION: usize = 1_000_000;

/// Reads one YAML document (an empty text is `Null`).
pub fn parse(text: &str) -> Result<Yaml, YamlError> {
    parse_events(text).map_err(|e| within(e, text))
}

/// The parser places an error at the end of input on the line after the last one: keep every
/// position inside the text, so a warning points at a line that exists.
fn within(mut error: YamlError, text: &str) -> YamlError {
    let last_line = text.matches('\n').count();
    if error.line > last_line {
        error.line = last_line;
        error.col = text.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    }
    error
}

fn parse_events(text: &str) -> Result<Yaml, YamlError> {
    let mut reader = Reader::default();
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(scan_error)?;
        reader.at = span.start;
        match event {
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
            Event::DocumentStart(_) => {
                reader.documents += 1;
                if reader.documents > 1 {
                    return Err(reader.error("a second YAML document (`---`) in the same data"));
                }
            }
            Event::Alias(id) => reader.alias(id)?,
            Event::Scalar(value, style, anchor, tag) => {
                reader.scalar(value, style, anchor, tag.as_deref())?;
            }
            Event::SequenceStart(anchor, _) => reader.open(anchor, Body::Seq(Vec::new()))?,
            Event::MappingStart(anchor, _) => reader.open(anchor, Body::Map(OpenMap::default()))?,
            Event::SequenceEnd | Event::MappingEnd => reader.close()?,
        }
    }
    Ok(reader.root.unwrap_or(Yaml::Null))
}

fn scan_error(e: ScanError) -> YamlError {
    let mut error = position(e.marker());
    e.info().clone_into(&mut error.message);
    error
}

fn position(at: &Marker) -> YamlError {
    YamlError {
        line: at.line().saturating_sub(1),
        col: at.col() + 1,
        message: String::new(),
    }
}

/// A value with what it costs: `size` counts its values and characters, `height` its levels.
struct Sized {
    value: Yaml,
    size: usize,
    height: usize,
}

#[derive(Default)]
struct OpenMap {
    pairs: Vec<(String, Yaml)>,
    keys: HashSet<String>,
    /// The key read, waiting for its value.
    key: Option<String>,
    /// That key is a plain `<<`.
    key_is_merge: bool,
    /// Values of `<<` merge keys, merged in when the mapping closes.
    merges: Vec<Yaml>,
}

enum Body {
    Seq(Vec<Yaml>),
    Map(OpenMap),
}

/// A collection being read.
struct Open {
    anchor: usize,
    body: Body,
    size: usize,
    height: usize,
}

#[derive(Default)]
struct Reader {
    stack: Vec<Open>,
    anchors: HashMap<usize, Sized>,
    root: Option<Yaml>,
    documents: usize,
    /// What aliases have copied so far (see [`MAX_ALIAS_EXPANSION`]).
    expanded: usize,
    /// Where the current event starts.
    at: Marker,
}

impl Reader {
    fn error(&self, message: impl Into<String>) -> YamlError {
        YamlError {
            message: message.into(),
            ..position(&self.at)
        }
    }

    fn expects_key(&self) -> bool {
        matches!(self.stack.last(), Some(Open { body: Body::Map(m), .. }) if m.key.is_none())
    }

    fn open(&mut self, anchor: usize, body: Body) -> Result<(), YamlError> {
        if self.expects_key() {
            return Err(self.error("a list or mapping as a key is not supported"));
        }
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.error("the data is nested too deeply"));
        }
        self.stack.push(Open {
            anchor,
            body,
            size: 1,
            height: 1,
        });
        Ok(())
    }

    fn close(&mut self) -> Result<(), YamlError> {
        let Some(open) = self.stack.pop() else {
            return Err(self.error("a list or mapping ends that never began"));
        };
        let value = match open.body {
            Body::Seq(items) => Yaml::Seq(items),
            Body::Map(mut map) => {
                merge(&mut map);
                Yaml::Map(map.pairs)
            }
        };
        let sized = Sized {
            value,
            size: open.size,
            height: open.height,
        };
        self.place(sized, open.anchor)
    }

    fn scalar(
        &mut self,
        text: Cow<'_, str>,
        style: ScalarStyle,
        anchor: usize,
        tag: Option<&Tag>,
    ) -> Result<(), YamlError> {
        let size = 1 + text.len();
        if self.expects_key() {
            let is_merge = style == ScalarStyle::Plain && text == "<<";
            if anchor != 0 {
                let anchored = Sized {
                    value: Yaml::Str(text.to_string()),
                    size,
                    height: 0,
                };
                self.anchors.insert(anchor, anchored);
            }
            return self.key(text.into_owned(), size, is_merge);
        }
        let value = resolve(&text, style, tag);
        let sized = Sized {
            value,
            size,
            height: 0,
        };
        self.place(sized, anchor)
    }

    fn alias(&mut self, id: usize) -> Result<(), YamlError> {
        let Some(anchored) = self.anchors.get(&id) else {
            return Err(self.error("an alias (`*name`) to an anchor that is not defined before it"));
        };
        self.expanded = self.expanded.saturating_add(anchored.size);
        if self.expanded > MAX_ALIAS_EXPANSION {
            return Err(self.error(format!(
                "the aliases (`*name`) expand to more than {MAX_ALIAS_EXPANSION} values and \
                 characters (an alias bomb); the data is refused"
            )));
        }
        if self.expects_key() {
            let Some(text) = anchored.value.scalar_text() else {
                return Err(self.error("an alias to a list or mapping as a key is not supported"));
            };
            let size = anchored.size;
            return self.key(text, size, false);
        }
        if self.stack.len() + anchored.height > MAX_DEPTH {
            return Err(self.error("the data is nested too deeply"));
        }
        let copy = Sized {
            value: anchored.value.clone(),
            size: anchored.size,
            height: anchored.height,
        };
        self.place(copy, 0)
    }

    fn key(&mut self, key: String, size: usize, is_merge: bool) -> Result<(), YamlError> {
        let at = self.at;
        let Some(Open {
            body: Body::Map(map),
            size: total,
            ..
        }) = self.stack.last_mut()
        else {
            return Ok(());
        };
        *total = total.saturating_add(size);
        // A merge key is checked when its value is known (see `place`).
        if !is_merge && !map.keys.insert(key.clone()) {
            return Err(duplicate(&at, &key));
        }
        map.key = Some(key);
        map.key_is_merge = is_merge;
        Ok(())
    }

    /// Puts a finished value where it belongs: into the open list or mapping, or as the root.
    fn place(&mut self, sized: Sized, anchor: usize) -> Result<(), YamlError> {
        if anchor != 0 {
            let anchored = Sized {
                value: sized.value.clone(),
                size: sized.size,
                height: sized.height,
            };
            self.anchors.insert(anchor, anchored);
        }
        let at = self.at;
        let Some(parent) = self.stack.last_mut() else {
            self.root = Some(sized.value);
            return Ok(());
        };
        parent.size = parent.size.saturating_add(sized.size);
        parent.height = parent.height.max(sized.height + 1);
        match &mut parent.body {
            Body::Seq(items) => items.push(sized.value),
            Body::Map(map) => {
                let key = map.key.take().unwrap_or_default();
                if std::mem::take(&mut map.key_is_merge) {
                    if is_mergeable(&sized.value) {
                        map.merges.push(sized.value);
                        return Ok(());
                    }
                    // `<<` with a plain value is an ordinary key.
                    if !map.keys.insert(key.clone()) {
                        return Err(duplicate(&at, &key));
                    }
                }
                map.pairs.push((key, sized.value));
            }
        }
        Ok(())
    }
}

fn duplicate(at: &Marker, key: &str) -> YamlError {
    YamlError {
        message: format!("the key \"{key}\" appears twice"),
        ..position(at)
    }
}

/// `<<: *base` or `<<: [*a, *b]`: mappings whose pairs a mapping takes in (YAML 1.1 merge
/// keys, which js-yaml and so the Argdown tools read).
fn is_mergeable(value: &Yaml) -> bool {
    match value {
        Yaml::Map(_) => true,
        Yaml::Seq(items) => items.iter().all(|i| matches!(i, Yaml::Map(_))),
        _ => false,
    }
}

/// Pairs of merged mappings that the mapping does not have itself, earlier mappings first.
fn merge(map: &mut OpenMap) {
    for merged in std::mem::take(&mut map.merges) {
        let sources = match merged {
            Yaml::Map(pairs) => vec![pairs],
            Yaml::Seq(items) => items
                .into_iter()
                .filter_map(|i| match i {
                    Yaml::Map(pairs) => Some(pairs),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        for pairs in sources {
            for (k, v) in pairs {
                if map.keys.insert(k.clone()) {
                    map.pairs.push((k, v));
                }
            }
        }
    }
}

/// A scalar's value: plain ones by YAML 1.2's core schema, quoted and block ones as text,
/// unless a core-schema tag (`!!str`, `!!int`, …) says otherwise. Other tags (`!custom`)
/// configure other tools and are ignored.
fn resolve(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Yaml {
    if let Some(tag) = tag.filter(|t| t.is_yaml_core_schema()) {
        return match tag.suffix.as_str() {
            "null" | "bool" | "int" | "float" => match plain_scalar(text) {
                Yaml::Str(_) => Yaml::Str(text.to_owned()),
                typed => typed,
            },
            _ => Yaml::Str(text.to_owned()),
        };
    }
    match style {
        ScalarStyle::Plain => plain_scalar(text),
        _ => Yaml::Str(text.to_owned()),
    }
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
    #[test]
    fn an_error_at_the_end_of_one_line_stays_on_that_line() {
        let e = super::parse("{text: x").unwrap_err();
        assert_eq!((e.line, e.col), (0, 9), "{e:?}");
    }

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
    fn reads_anchors_aliases_and_merge_keys() {
        let y = parse("base: &b {kind: book, year: 2020}\ncopy: *b\nlist: [&x one, *x]\nbook:\n  <<: *b\n  year: 2021\n").unwrap();
        assert_eq!(y.get("copy"), y.get("base"));
        assert_eq!(y.get("list"), Some(&Yaml::Seq(vec![s("one"), s("one")])));
        let book = y.get("book").unwrap();
        assert_eq!(book.get("kind"), Some(&s("book")));
        assert_eq!(book.get("year"), Some(&Yaml::Int(2021)), "its own keys win");
        assert_eq!(
            parse("a: {x: 1}\n\"<<\": 2\n").unwrap().get("<<"),
            Some(&Yaml::Int(2))
        );
    }

    #[test]
    fn reads_tags() {
        let y = parse("a: !!str 12\nb: !!int \"7\"\nc: !custom text\nd: !!map {e: 1}\n").unwrap();
        assert_eq!(y.get("a"), Some(&s("12")));
        assert_eq!(y.get("b"), Some(&Yaml::Int(7)));
        assert_eq!(y.get("c"), Some(&s("text")), "an unknown tag is ignored");
        assert_eq!(y.get("d").unwrap().get("e"), Some(&Yaml::Int(1)));
    }

    #[test]
    fn reads_block_scalars_with_an_indentation_indicator() {
        let y = parse("a: |2\n    indented\n  text\nb: >-\n  folded\n  lines\n").unwrap();
        assert_eq!(y.get("a"), Some(&s("  indented\ntext\n")));
        assert_eq!(y.get("b"), Some(&s("folded lines")));
    }

    #[test]
    fn a_wrapped_line_with_a_colon_is_not_taken_for_a_key() {
        // A flow list wrapped over two lines, its second line a one-pair mapping.
        let y = parse("a: [x,\n  y: z]\nb: 'long text\n  more: here'\n").unwrap();
        let pair = Yaml::Map(vec![("y".into(), s("z"))]);
        assert_eq!(y.get("a"), Some(&Yaml::Seq(vec![s("x"), pair])));
        assert_eq!(y.get("b"), Some(&s("long text more: here")));
        let explicit = parse("? a\n: b\n").unwrap();
        assert_eq!(explicit.get("a"), Some(&s("b")));
    }

    #[test]
    fn refuses_an_alias_bomb_with_a_clear_message() {
        let mut text = String::from(
            "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
        );
        let names: Vec<char> = ('b'..='j').collect();
        let mut previous = 'a';
        for name in names {
            let items = vec![format!("*{previous}"); 9].join(", ");
            text.push_str(&format!("{name}: &{name} [{items}]\n"));
            previous = name;
        }
        let e = parse(&text).unwrap_err();
        assert!(e.message.contains("alias bomb"), "{}", e.message);
        assert!(
            e.line >= 5,
            "where the expansion passes the bound: {}",
            e.line
        );
        // Anchors reused a few times are fine.
        assert!(parse("a: &a [1, 2]\nb: [*a, *a, *a]\n").is_ok());
        // Deep nesting through aliases is refused too, not a stack overflow.
        let deep = format!(
            "a: &a {}1{}\nb: &b [[[[[[[[[[*a]]]]]]]]]]\nc: [*b, *b]",
            "[".repeat(60),
            "]".repeat(60)
        );
        assert!(
            parse(&deep)
                .unwrap_err()
                .message
                .contains("nested too deeply")
        );
    }

    #[test]
    fn errors_say_where() {
        let e = parse("a: 1\nb: [1, 2\nc: 3\n").unwrap_err();
        assert!(e.line >= 1, "{e:?}");
        let e = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!((e.line, e.col), (2, 1), "{e:?}");
        assert!(e.message.contains("\"a\" appears twice"), "{}", e.message);
        let e = parse("x: 1\ny: *nowhere\n").unwrap_err();
        assert_eq!(e.line, 1, "{e:?}");
        assert!(parse("{a: [1, 2}").is_err());
        assert!(parse("{a: \"never closed}").is_err());
        assert!(parse("a: 1\n---\nb: 2\n").is_err());
        let deep = format!("{}1{}", "[".repeat(100), "]".repeat(100));
        assert!(
            parse(&deep)
                .unwrap_err()
                .message
                .contains("nested too deeply")
        );
        assert!(parse(&"[".repeat(100_000)).is_err());
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
