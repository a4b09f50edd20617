//! The analyst's judgements that the weighing of a map starts from: a mark on a node, a
//! strength on a reason, a proof standard on a claim. See `docs/evaluation.md`.

use serde::{Deserialize, Serialize};

/// The analyst's verdict on a node, taken as given when the map is weighed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Accepted,
    Rejected,
}

impl Mark {
    /// The mark as files, JSON and messages name it.
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Accepted => "accepted",
            Mark::Rejected => "rejected",
        }
    }
}

/// How strongly a reason's premises bear on its target, as the analyst judges it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Strong,
    Moderate,
    Weak,
    /// Judged not to bear on the target at all: the reason never applies.
    None,
}

impl Strength {
    /// The strength as files, JSON and messages name it.
    pub fn as_str(self) -> &'static str {
        match self {
            Strength::Strong => "strong",
            Strength::Moderate => "moderate",
            Strength::Weak => "weak",
            Strength::None => "none",
        }
    }

    /// The weight a reason of this strength has before its premises' sources are counted;
    /// a reason with no strength set counts as moderate.
    pub fn weight(strength: Option<Strength>) -> f32 {
        match strength {
            Some(Strength::Strong) => 1.0,
            Some(Strength::Moderate) | None => 0.6,
            Some(Strength::Weak) => 0.3,
            Some(Strength::None) => 0.0,
        }
    }
}

/// How much the reasons for a claim must outweigh those against it for it to hold
/// (Carneades' proof standards).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProofStandard {
    /// One applicable reason for it is enough.
    Scintilla,
    /// The strongest applicable reason for it outweighs the strongest against it.
    #[default]
    Preponderance,
    /// Preponderance, with the strongest reason for it at least 0.6 and ahead by 0.3.
    ClearAndConvincing,
    /// The strongest reason for it at least 0.9, ahead by 0.6, and none against it of 0.2
    /// or more.
    BeyondReasonableDoubt,
}

impl ProofStandard {
    /// Whether a claim meets this standard when the strongest applicable reason for it
    /// weighs `pro` and the strongest against it `con` (0 for none). `pro` is `None` when
    /// no reason for it applies.
    pub fn met(self, pro: Option<f32>, con: f32) -> bool {
        let Some(pro) = pro else { return false };
        match self {
            ProofStandard::Scintilla => true,
            ProofStandard::Preponderance => pro > con,
            ProofStandard::ClearAndConvincing => pro >= 0.6 && pro - con >= 0.3,
            ProofStandard::BeyondReasonableDoubt => pro >= 0.9 && pro - con >= 0.6 && con < 0.2,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ProofStandard::Scintilla => "scintilla of evidence",
            ProofStandard::Preponderance => "preponderance of evidence",
            ProofStandard::ClearAndConvincing => "clear and convincing evidence",
            ProofStandard::BeyondReasonableDoubt => "beyond reasonable doubt",
        }
    }
}
