//! The versioned RON schema and its conversion to and from [`ArgumentMap`].

use super::{Diagnostic, TextPos};
use crate::model::{
    ArgumentMap, Citation, LayoutDirection, Link, Node, NodeId, NodeKind, Source, Step,
};
use ron::value::RawValue;
use serde::{Deserialize, Serialize};

/// The format version this argmap writes. Files of this version and every older one load;
/// newer ones are refused with a message, never half-read.
///
/// Version history: 1 — the first release; 2 — adds the optional `presentation`; 3 — adds
/// the optional `layout_direction`; 4 — reasons: a link's optional co-premises (`with`),
/// `undercuts`, `scheme`, `warrant` and `answers`.
/// A map is written with the lowest version that can hold it, so maps without a
/// presentation still open in argmap releases that read only version 1.
pub const FORMAT_VERSION: u32 = 4;

/// Ron's default recursion limit (128) is far deeper than a map needs (about 6 levels) and
/// still keeps a hostile file of nested brackets from overflowing the stack.
const RECURSION_LIMIT: usize = 64;

#[derive(Serialize)]
#[serde(rename = "ArgumentMap")]
struct FileOut<'a> {
    format_version: u32,
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    main_claim: &'a Option<NodeId>,
    nodes: Vec<NodeOut<'a>>,
    /// One line per link: `(from: "a", to: "b", relation: Supports)`, and for a linked
    /// reason `(from: "a", to: "c", relation: Supports, with: ["b"])`.
    links: Vec<Box<RawValue>>,
    sources: &'a [Source],
    #[serde(skip_serializing_if = "Option::is_none")]
    presentation: Option<&'a [Step]>,
    #[serde(skip_serializing_if = "LayoutDirection::is_default")]
    layout_direction: LayoutDirection,
}

/// A node as written: like [`crate::model::Node`], but with its position on one line, `pos: (x: 1, y: 2)`.
/// Ron's pretty printer can only make every struct compact or none, so the small ones are
/// pre-rendered as raw RON.
#[derive(Serialize)]
#[serde(rename = "Node")]
struct NodeOut<'a> {
    id: &'a NodeId,
    kind: NodeKind,
    text: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    notes: &'a str,
    pos: Box<RawValue>,
    #[serde(skip_serializing_if = "is_false")]
    pinned: bool,
    #[serde(skip_serializing_if = "<[Citation]>::is_empty")]
    citations: &'a [Citation],
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// `value` as one-line RON, to be embedded verbatim in the pretty output.
fn one_line<T: Serialize>(value: &T) -> Box<RawValue> {
    let config = ron::ser::PrettyConfig::new()
        .compact_structs(true)
        .compact_arrays(true)
        .new_line("\n");
    let text = ron::Options::default()
        .to_string_pretty(value, config)
        .expect("plain data serialises to RON");
    RawValue::from_boxed_ron(text.into_boxed_str()).expect("ron reads back what it wrote")
}

#[derive(Deserialize)]
#[serde(rename = "ArgumentMap", deny_unknown_fields)]
struct FileIn {
    format_version: u32,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    main_claim: Option<NodeId>,
    #[serde(default)]
    nodes: Vec<Node>,
    #[serde(default)]
    links: Vec<Link>,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    presentation: Option<Vec<Step>>,
    #[serde(default)]
    layout_direction: LayoutDirection,
}

/// Reads only the version, ignoring everything else, so a newer file is refused with a
/// message about versions rather than about fields this argmap has never heard of.
#[derive(Deserialize)]
#[serde(rename = "ArgumentMap")]
struct VersionProbe {
    format_version: u32,
}

/// Why RON text is not a map this argmap can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", pos.map(|p| format!("{p}: ")).unwrap_or_default())]
pub struct FormatError {
    pub pos: Option<TextPos>,
    pub message: String,
}

impl FormatError {
    pub fn into_diagnostic(self) -> Diagnostic {
        Diagnostic::error(self.pos, self.message)
    }
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

fn from_ron_error(text: &str, e: ron::error::SpannedError) -> FormatError {
    let pos = TextPos {
        line: e.span.start.line,
        col: e.span.start.col,
    };
    let mut message = explain(&e.code);
    // Ron stops at the end of a cut-off file with "expected comma" or the like; say why.
    let end = TextPos::at_end_of(text.trim_end());
    let error_end = TextPos {
        line: e.span.end.line,
        col: e.span.end.col,
    };
    if error_end >= end && !matches!(e.code, ron::Error::Eof) {
        message = format!("the file ends too early (is it truncated?): {message}");
    }
    FormatError {
        pos: Some(pos),
        message,
    }
}

/// Ron's messages, reworded where they would puzzle someone who is not a Rust programmer.
fn explain(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => "the file ends too early (is it truncated?)".to_owned(),
        ron::Error::ExceededRecursionLimit => {
            "brackets are nested too deeply for a map file".to_owned()
        }
        ron::Error::MissingStructField { field, .. } => {
            format!("missing field `{field}`")
        }
        ron::Error::NoSuchStructField {
            expected, found, ..
        } => format!(
            "unknown field `{found}`; expected one of: {}",
            expected.join(", ")
        ),
        other => other.to_string(),
    }
}

/// U+FEFF at the very start of a file: a byte-order mark, which some editors write.
pub const BYTE_ORDER_MARK: &str = "\u{FEFF}";

/// Parses a map from RON text without validating it. A leading byte-order mark is skipped
/// (positions then count from after it, as editors show them).
pub fn from_ron_str(text: &str) -> Result<ArgumentMap, FormatError> {
    let text = text.strip_prefix(BYTE_ORDER_MARK).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FormatError {
            pos: Some(TextPos { line: 1, col: 1 }),
            message: "the file is empty; a map file starts with `(format_version: 1, …`".to_owned(),
        });
    }
    // One pass for the usual case. Only a file that does not read is probed for its version,
    // so that a newer file gets a message about versions rather than about unknown fields.
    let file: FileIn = match options().from_str(text) {
        Ok(file) => file,
        Err(e) => {
            // The probe ignores the map's shape, so its errors are about the text itself
            // (cut off, nested too deep), which say more than a complaint about a field.
            let probe = options()
                .from_str::<VersionProbe>(text)
                .map_err(|e| from_ron_error(text, e))?;
            check_version(text, probe.format_version)?;
            return Err(from_ron_error(text, e));
        }
    };
    check_version(text, file.format_version)?;
    Ok(ArgumentMap {
        title: file.title,
        description: file.description,
        main_claim: file.main_claim,
        nodes: file.nodes,
        links: file.links,
        sources: file.sources,
        presentation: file.presentation,
        layout_direction: file.layout_direction,
    })
}

fn check_version(text: &str, version: u32) -> Result<(), FormatError> {
    if version > FORMAT_VERSION {
        return Err(FormatError {
            pos: find_version_pos(text),
            message: format!(
                "this map was written by a newer argmap (format version {version}); this argmap \
                 reads format versions up to {FORMAT_VERSION}. Update argmap to open it."
            ),
        });
    }
    if version == 0 {
        return Err(FormatError {
            pos: find_version_pos(text),
            message: "format_version must be 1 or more".to_owned(),
        });
    }
    Ok(())
}

fn find_version_pos(text: &str) -> Option<TextPos> {
    text.find("format_version")
        .map(|at| TextPos::of_offset(text, at))
}

/// The lowest format version that holds everything in `map`.
pub fn version_of(map: &ArgumentMap) -> u32 {
    if map.links.iter().any(|l| !l.is_plain()) {
        4
    } else if !map.layout_direction.is_default() {
        3
    } else if map.presentation.is_some() {
        2
    } else {
        1
    }
}

/// The map as pretty RON: fixed field order, list order as in the map, whole-unit positions,
/// multi-line texts kept multi-line. The same map always gives the same bytes.
pub fn to_ron_string(map: &ArgumentMap) -> String {
    let mut text = options()
        .without_recursion_limit()
        .to_string_pretty(&file_out(map), pretty())
        // Serialising plain data to a String cannot fail; if it ever did, that is a bug.
        .expect("a map always serialises to RON");
    text.push('\n');
    text
}

/// [`to_ron_string`]'s bytes written to `out` as they are made, so that saving a big map
/// does not hold its whole text (45 MB at 100,000 nodes) beside the map.
pub fn write_ron(map: &ArgumentMap, out: impl std::io::Write) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = KeepError {
        inner: out,
        error: None,
    };
    let written =
        options()
            .without_recursion_limit()
            .to_io_writer_pretty(&mut out, &file_out(map), pretty());
    if let Some(error) = out.error.take() {
        return Err(error); // as the system gave it (disk full, …), not ron's text of it
    }
    written.map_err(|e| std::io::Error::other(format!("the map could not be written: {e}")))?;
    out.write_all(b"\n")?;
    out.flush()
}

/// A writer that keeps the first error of the one it wraps: ron turns an I/O error into
/// text, and the caller needs its kind.
struct KeepError<W> {
    inner: W,
    error: Option<std::io::Error>,
}

impl<W: std::io::Write> std::io::Write for KeepError<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).map_err(|e| {
            let kind = e.kind();
            self.error.get_or_insert(e);
            std::io::Error::from(kind) // what ron is handed; the caller gets the original
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// What the file holds, in its order, borrowing from the map.
fn file_out(map: &ArgumentMap) -> FileOut<'_> {
    FileOut {
        format_version: version_of(map),
        title: &map.title,
        description: &map.description,
        main_claim: &map.main_claim,
        nodes: map
            .nodes
            .iter()
            .map(|n| NodeOut {
                id: &n.id,
                kind: n.kind,
                text: &n.text,
                notes: &n.notes,
                pos: one_line(&n.pos),
                pinned: n.pinned,
                citations: &n.citations,
            })
            .collect(),
        links: map.links.iter().map(one_line).collect(),
        sources: &map.sources,
        presentation: map.presentation.as_deref(),
        layout_direction: map.layout_direction,
    }
}

fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .escape_strings(false)
        .compact_structs(false)
        .depth_limit(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{self, Write};

    #[test]
    fn a_map_written_to_a_writer_is_the_text_of_the_map() {
        // Generated maps hold linked reasons, undercuts, schemes, sources and a walk.
        let map = crate::generate::generate(300, 7);
        let mut written = Vec::new();
        write_ron(&map, &mut written).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), to_ron_string(&map));
    }

    /// Takes `room` bytes, then reports the disk full.
    struct SmallDisk {
        room: usize,
    }

    impl Write for SmallDisk {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::from(io::ErrorKind::StorageFull));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_full_disk_is_reported_as_a_full_disk() {
        let map = crate::generate::generate(300, 7);
        let error = write_ron(&map, SmallDisk { room: 1000 }).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::StorageFull);
    }
}
