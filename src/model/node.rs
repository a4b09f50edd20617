use super::{NodeId, SourceId};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What role a node plays in the argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NodeKind {
    /// An assertion the argument makes, argues for, or rebuts with.
    Claim,
    /// Facts, quotes or data offered in support of (or against) something.
    Evidence,
    /// An objection: something that speaks against a claim.
    Counterpoint,
}

impl NodeKind {
    pub const ALL: [NodeKind; 3] = [NodeKind::Claim, NodeKind::Evidence, NodeKind::Counterpoint];

    /// The lower-case word used in exports, the CLI and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Claim => "claim",
            NodeKind::Evidence => "evidence",
            NodeKind::Counterpoint => "counterpoint",
        }
    }

    /// The capitalised word shown to people.
    pub fn label(self) -> &'static str {
        match self {
            NodeKind::Claim => "Claim",
            NodeKind::Evidence => "Evidence",
            NodeKind::Counterpoint => "Counterpoint",
        }
    }

    pub fn parse(word: &str) -> Option<NodeKind> {
        NodeKind::ALL
            .into_iter()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(word))
    }
}

/// A point on the map canvas, in map units (one unit is one logical pixel at 100% zoom).
///
/// Files store whole units so that saving never writes float noise such as `120.00001`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Position {
    pub x: f32,
    pub y: f32,
}

impl Position {
    /// The largest coordinate a file may hold (either sign): far beyond any map, and small
    /// enough to be saved as a whole number without overflowing.
    pub const MAX_COORDINATE: f64 = 1e15;

    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    /// The position as it will be stored: whole units.
    pub fn rounded(self) -> Self {
        Self::new(round_unit(self.x), round_unit(self.y))
    }
}

fn round_unit(v: f32) -> f32 {
    // Non-finite positions would poison layout and rendering; they are stored as 0.
    // Clamped so that every saved file reads back.
    let max = Position::MAX_COORDINATE as f32;
    if v.is_finite() {
        v.round().clamp(-max, max)
    } else {
        0.0
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename = "Position", deny_unknown_fields)]
struct StoredPosition {
    x: f64,
    y: f64,
}

impl Serialize for Position {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(rename = "Position")]
        struct Whole {
            x: i64,
            y: i64,
        }
        let p = self.rounded();
        Whole {
            x: p.x as i64,
            y: p.y as i64,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Position {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Accept fractions written by hand or by other tools; they round on the next save.
        let p = StoredPosition::deserialize(deserializer)?;
        // A coordinate beyond the range would be saved as something else (infinity as 0,
        // 3.4e38 as i64::MAX): refused, so that the file says where.
        for (axis, v) in [("x", p.x), ("y", p.y)] {
            if !(v.is_finite() && v.abs() <= Position::MAX_COORDINATE) {
                return Err(serde::de::Error::custom(format!(
                    "position {axis} = {v:e} is out of range; positions go from -1e15 to 1e15"
                )));
            }
        }
        Ok(Position::new(p.x as f32, p.y as f32))
    }
}

/// Ties a node to a source: the exact words relied on and where to find them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub source: SourceId,
    /// The passage quoted verbatim from the source.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// Where in the source: page, paragraph, timestamp…
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub locator: String,
}

impl Citation {
    pub fn new(source: impl Into<SourceId>, quote: impl Into<String>) -> Self {
        Self {
            source: source.into(),
            quote: quote.into(),
            locator: String::new(),
        }
    }
}

/// One box on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: NodeId,
    pub kind: NodeKind,
    pub text: String,
    /// Longer commentary that does not belong on the card.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    pub pos: Position,
    /// Pinned nodes keep their place when the map is auto-arranged.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pinned: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Node {
    pub fn new(
        id: impl Into<NodeId>,
        kind: NodeKind,
        text: impl Into<String>,
        pos: Position,
    ) -> Self {
        Self {
            id: id.into(),
            kind,
            text: text.into(),
            notes: String::new(),
            pos,
            pinned: false,
            citations: Vec::new(),
        }
    }
}
