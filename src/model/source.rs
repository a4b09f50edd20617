use super::SourceId;
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// What sort of document a source is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceKind {
    #[default]
    Article,
    Report,
    Statement,
    Interview,
    Dataset,
    WebPage,
    Other,
}

impl SourceKind {
    pub const ALL: [SourceKind; 7] = [
        SourceKind::Article,
        SourceKind::Report,
        SourceKind::Statement,
        SourceKind::Interview,
        SourceKind::Dataset,
        SourceKind::WebPage,
        SourceKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Article => "article",
            SourceKind::Report => "report",
            SourceKind::Statement => "statement",
            SourceKind::Interview => "interview",
            SourceKind::Dataset => "dataset",
            SourceKind::WebPage => "web page",
            SourceKind::Other => "other",
        }
    }
}

/// Admiralty (NATO) source reliability, A (completely reliable) to F (cannot be judged).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Reliability {
    A,
    B,
    C,
    D,
    E,
    F,
}

impl Reliability {
    pub const ALL: [Reliability; 6] = [
        Reliability::A,
        Reliability::B,
        Reliability::C,
        Reliability::D,
        Reliability::E,
        Reliability::F,
    ];

    pub fn letter(self) -> char {
        match self {
            Reliability::A => 'A',
            Reliability::B => 'B',
            Reliability::C => 'C',
            Reliability::D => 'D',
            Reliability::E => 'E',
            Reliability::F => 'F',
        }
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Reliability::A => "completely reliable",
            Reliability::B => "usually reliable",
            Reliability::C => "fairly reliable",
            Reliability::D => "not usually reliable",
            Reliability::E => "unreliable",
            Reliability::F => "reliability cannot be judged",
        }
    }
}

/// Admiralty (NATO) information credibility, 1 (confirmed) to 6 (cannot be judged).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Credibility(u8);

impl Credibility {
    pub fn new(level: u8) -> Option<Self> {
        (1..=6).contains(&level).then_some(Self(level))
    }

    pub fn all() -> impl Iterator<Item = Credibility> {
        (1..=6).map(Credibility)
    }

    pub fn level(self) -> u8 {
        self.0
    }

    pub fn meaning(self) -> &'static str {
        match self.0 {
            1 => "confirmed by other sources",
            2 => "probably true",
            3 => "possibly true",
            4 => "doubtful",
            5 => "improbable",
            _ => "truth cannot be judged",
        }
    }
}

impl<'de> Deserialize<'de> for Credibility {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let level = u8::deserialize(deserializer)?;
        Credibility::new(level).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "credibility must be 1 to 6 (Admiralty scale), found {level}"
            ))
        })
    }
}

impl fmt::Display for Credibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A document the map relies on, with the analyst's rating of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: SourceId,
    #[serde(default)]
    pub kind: SourceKind,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Publisher or outlet.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outlet: String,
    /// Publication date as the analyst knows it: `2018-07-18`, `2018-07`, `2018`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// When the analyst read the source online.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub accessed: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credibility: Option<Credibility>,
    /// The source through which this one is known, when it is reported second-hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_in: Option<SourceId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The full text, so quotes can be found and highlighted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Source {
    pub fn new(id: impl Into<SourceId>, title: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            ..Self::default()
        }
    }

    /// "authors · outlet · date · kind", leaving out what is not known.
    pub fn byline(&self) -> String {
        let mut parts = Vec::new();
        if !self.authors.is_empty() {
            parts.push(self.authors.join(", "));
        }
        for field in [&self.outlet, &self.date] {
            if !field.is_empty() {
                parts.push(field.clone());
            }
        }
        parts.push(self.kind.as_str().to_owned());
        parts.join(" · ")
    }

    /// "B2"-style rating, or `None` when neither half is rated.
    pub fn rating(&self) -> Option<String> {
        match (self.reliability, self.credibility) {
            (None, None) => None,
            (r, c) => Some(format!(
                "{}{}",
                r.map_or('-', Reliability::letter),
                c.map_or_else(|| "-".to_owned(), |c| c.to_string())
            )),
        }
    }
}
