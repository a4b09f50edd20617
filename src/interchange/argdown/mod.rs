//! Argdown (argdown.org): a plain-text syntax for arguments, read and written by argmap.
//!
//! The reader is written by hand for argmap: there is no Rust crate that parses Argdown (the
//! only implementation is the JavaScript `@argdown/core`), and argmap must not need Node.js
//! to open a file. It follows that implementation's lexer and grammar (version 1.7.5) for
//! statements, arguments, relations, premise–conclusion structures, tags, data, front
//! matter, headings and comments. `tests/interop/argdown.sh` checks the writer against the
//! real Argdown tool.

mod lexer;
mod parse;
mod reasons;
mod text;
mod to_map;
mod write;

pub use write::write;

use super::{ImportError, Imported, Message, line_col};

/// Reads an Argdown document; `fallback_title` names the map when the document does not.
pub fn read(text: &str, fallback_title: &str) -> Result<Imported, ImportError> {
    // Tokens are read as the parser needs them, and each block goes into the map as soon as
    // it is read: no table of all tokens or of all blocks.
    let parser = parse::Parser::new(lexer::Lexer::new(text), text.len());
    to_map::to_map(text, parser, fallback_title).map_err(|e| match e {
        to_map::Failure::Parse(e) => {
            let (line, col) = line_col(text, e.at);
            ImportError::one(Message::at(line, Some(col), e.message))
        }
        to_map::Failure::Import(e) => e,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NodeKind, Relation};

    #[test]
    fn a_small_debate_becomes_nodes_and_links() {
        let text = "\
===
title: Cars
===

[Ban]: The city should ban cars.
  + <Air>: Air quality improves. #pro
  - [Shops]: Shops need car customers.
    - Footfall rose in car-free streets.
  <_ <Undercut>: The comparison cities differ.

# Notes

Some prose about the debate.
";
        let imported = read(text, "fallback").unwrap();
        let map = &imported.map;
        assert_eq!(map.title, "Cars");
        let ids: Vec<&str> = map.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "ban",
                "air",
                "shops",
                "footfall-rose-in-car-free-streets",
                "undercut"
            ]
        );
        let kinds: Vec<NodeKind> = map.nodes.iter().map(|n| n.kind).collect();
        assert_eq!(
            kinds,
            vec![
                NodeKind::Claim,
                NodeKind::Evidence,
                NodeKind::Counterpoint,
                NodeKind::Counterpoint,
                NodeKind::Counterpoint
            ]
        );
        assert_eq!(map.links.len(), 4);
        assert_eq!(map.links[0].relation, Relation::Supports);
        assert!(
            map.links[1..]
                .iter()
                .all(|l| l.relation == Relation::Opposes)
        );
        assert_eq!(map.nodes[1].notes, "Tags: #pro");
        assert_eq!(map.description, "# Notes\n\nSome prose about the debate.");
        // The heading is reported with its line.
        assert!(
            imported
                .warnings
                .iter()
                .any(|w| w.line == Some(11) && w.text.contains("heading"))
        );
    }

    #[test]
    fn a_premise_conclusion_structure_is_one_reason_of_all_its_premises() {
        let text = "<Arg>: The gist.\n\n(1) [P1]: First premise.\n(2) Second premise.\n-- Argument from expert opinion --\n(3) [C]: Conclusion.\n  -> [T]: Target.\n";
        let imported = read(text, "t").unwrap();
        let map = imported.map;
        let reason = map.link(&"p1".into(), &"c".into()).unwrap();
        assert_eq!(reason.relation, Relation::Supports);
        assert_eq!(reason.with, ["second-premise".into()]);
        assert_eq!(reason.scheme.as_deref(), Some("expert_opinion"));
        assert_eq!(
            map.link(&"c".into(), &"t".into()).map(|l| l.relation),
            Some(Relation::Opposes)
        );
        assert_eq!(map.links.len(), 2);
        // The argument is the reason, not a node; what it said of its own is reported.
        assert!(map.node(&"arg".into()).is_none());
        assert!(
            imported.warnings.iter().any(|w| w.line == Some(1)
                && w.text.contains("<Arg>")
                && w.text
                    .contains("its title and its text \"The gist.\" are not kept")),
            "{:?}",
            imported.warnings
        );
    }

    #[test]
    fn several_inferences_are_a_chain_of_reasons_and_undercuts_attack_their_inference() {
        let text = "[T]: Target.\n\n<A>\n  <_ [U]: The rule fails here.\n\n(1) [P]: P.\n(2) [Q]: Q.\n----\n  <_ [V]: Not this step.\n(3) [M]: Middle.\n(4) [R]: R.\n----\n(5) [T]\n";
        let imported = read(text, "t").unwrap();
        let map = imported.map;
        let first = map.link(&"p".into(), &"m".into()).unwrap();
        assert_eq!(first.with, ["q".into()]);
        let second = map.link(&"m".into(), &"t".into()).unwrap();
        assert_eq!(second.with, ["r".into()]);
        // An undercut of the argument attacks its last inference's reason; one under an
        // inference line attacks that inference's.
        let u = map.link(&"u".into(), &"t".into()).unwrap();
        assert_eq!(u.undercuts, Some("m".into()));
        let v = map.link(&"v".into(), &"m".into()).unwrap();
        assert_eq!(v.undercuts, Some("p".into()));
        assert_eq!(v.relation, Relation::Opposes);
        assert_eq!(map.links.len(), 4);
        let problems = crate::model::validate(&map);
        assert!(
            problems
                .iter()
                .all(|p| p.severity == crate::model::Severity::Warning),
            "{problems:?}"
        );
    }

    #[test]
    fn a_document_that_cannot_be_read_is_reported_so_though_its_map_failed_first() {
        // The map fails at the second structure for <Arg>; the document itself is broken
        // further down. Blocks go into the map as they are read, yet the reading error is
        // the one reported, as when the whole document was read first.
        let twice = "<Arg>: gist\n\n(1) p\n----\n(2) c\n\n<Arg>\n\n(1) q\n----\n(2) d\n";
        let e = read(twice, "t").unwrap_err();
        assert!(e.errors[0].text.contains("only one"), "{e}");
        let e = read(&format!("{twice}\n  + [B]: b\n"), "t").unwrap_err();
        assert_eq!(e.errors[0].line, Some(13), "{e}");
        assert!(
            e.errors[0].text.contains("no statement or argument above"),
            "{e}"
        );
    }

    #[test]
    fn errors_have_line_and_column() {
        let e = read("[A]: a\n\n   + [B]: b\n", "t").unwrap_err();
        assert_eq!((e.errors[0].line, e.errors[0].col), (Some(3), Some(4)));
    }
}
