//! AIF, the Argument Interchange Format, in the JSON that OVA and AIFdb use.

mod json;
mod read;
mod write;

pub use read::read;
pub use write::{write, write_to};
