//! The argument map as pure data: nodes, links, sources and citations, plus validation.
//!
//! Nothing here knows about egui or files; the GUI, the file format and the CLI all build on it.

mod child;
mod ids;
mod index;
mod judgement;
mod link;
mod map;
mod node;
mod outline;
mod presentation;
mod reasons;
pub mod scheme;
mod source;
mod subset;
pub use subset::links_among;
mod validate;

pub use child::{child_relation, tab_child};
pub use ids::{NodeId, SourceId};
pub use index::MapIndex;
pub use judgement::{Mark, ProofStandard, Strength};
pub use link::{Link, Relation, reason_name};
pub use map::{ArgumentMap, LayoutDirection};
pub use node::{Citation, Node, NodeKind, Position};
pub use outline::{Outline, OutlineRow, outline, outline_with_ends};
pub use presentation::{Step, default_steps, relation_word};
pub use reasons::{OpenQuestion, open_questions};
pub use source::{Credibility, Reliability, Source, SourceKind};
pub use validate::{Problem, ProblemPlace, Severity, has_errors, validate};
