//! The edit layer: any sequence of edits can be undone back to the original map, and redone.

mod common;

use argmap::edit::{self, Edit, History, delete_links, delete_nodes, insert_fragment};
use argmap::model::{
    ArgumentMap, Citation, Link, Node, NodeKind, Position, Relation, Severity, Source, validate,
};
use proptest::prelude::*;

/// What to do, in terms of indexes into whatever the map holds when it is done.
#[derive(Clone, Debug)]
enum Intent {
    AddNode(u8, String, i16, i16),
    DeleteNodes(Vec<usize>),
    SetText(usize, String),
    SetNotes(usize, String),
    SetKind(usize, u8),
    Move(Vec<usize>, i16, i16),
    Link(usize, usize, bool),
    Unlink(usize),
    Flip(usize),
    Cite(usize, usize, String),
    AddSource(String),
    RemoveSource(usize),
    RenameSource(usize, String),
    Title(String),
    Main(usize),
    Paste(Vec<usize>),
    AddPremise(usize, usize),
    RemovePremise(usize, usize),
    TakeOut(usize, usize),
    Join(usize, usize),
    Split(usize),
    Undercut(usize, usize),
    Retarget(usize, usize),
    Scheme(usize, u8),
    Warrant(usize, String),
}

fn intent() -> impl Strategy<Value = Intent> {
    let i = 0usize..16;
    prop_oneof![
        (0u8..3, common::text(), any::<i16>(), any::<i16>())
            .prop_map(|(k, t, x, y)| Intent::AddNode(k, t, x, y)),
        prop::collection::vec(i.clone(), 1..3).prop_map(Intent::DeleteNodes),
        (i.clone(), common::text()).prop_map(|(n, t)| Intent::SetText(n, t)),
        (i.clone(), common::text()).prop_map(|(n, t)| Intent::SetNotes(n, t)),
        (i.clone(), 0u8..3).prop_map(|(n, k)| Intent::SetKind(n, k)),
        (
            prop::collection::vec(i.clone(), 1..4),
            any::<i16>(),
            any::<i16>()
        )
            .prop_map(|(n, x, y)| Intent::Move(n, x, y)),
        (i.clone(), i.clone(), any::<bool>()).prop_map(|(a, b, s)| Intent::Link(a, b, s)),
        i.clone().prop_map(Intent::Unlink),
        i.clone().prop_map(Intent::Flip),
        (i.clone(), 0usize..4, common::text()).prop_map(|(n, s, q)| Intent::Cite(n, s, q)),
        common::text().prop_map(Intent::AddSource),
        (0usize..4).prop_map(Intent::RemoveSource),
        (0usize..4, common::text()).prop_map(|(s, t)| Intent::RenameSource(s, t)),
        common::text().prop_map(Intent::Title),
        i.clone().prop_map(Intent::Main),
        prop::collection::vec(i.clone(), 1..4).prop_map(Intent::Paste),
        (i.clone(), i.clone()).prop_map(|(l, n)| Intent::AddPremise(l, n)),
        (i.clone(), 0usize..3).prop_map(|(l, k)| Intent::RemovePremise(l, k)),
        (i.clone(), 0usize..3).prop_map(|(l, k)| Intent::TakeOut(l, k)),
        (i.clone(), i.clone()).prop_map(|(a, b)| Intent::Join(a, b)),
        i.clone().prop_map(Intent::Split),
        (i.clone(), i.clone()).prop_map(|(n, l)| Intent::Undercut(n, l)),
        (i.clone(), i.clone()).prop_map(|(l, n)| Intent::Retarget(l, n)),
        (i.clone(), 0u8..4).prop_map(|(l, k)| Intent::Scheme(l, k)),
        (i, common::text()).prop_map(|(l, t)| Intent::Warrant(l, t)),
    ]
}

fn kind(k: u8) -> NodeKind {
    NodeKind::ALL[k as usize % 3]
}

/// The concrete edit for an intent on the current map, or `None` if it names nothing.
fn edit_for(map: &ArgumentMap, intent: &Intent) -> Option<Edit> {
    let node = |i: &usize| {
        map.nodes
            .get(i % map.nodes.len().max(1))
            .map(|n| n.id.clone())
    };
    let reason = |i: &usize| {
        map.links
            .get(i % map.links.len().max(1))
            .map(|l| (l.from.clone(), l.to.clone()))
    };
    let premise = |i: &usize, k: &usize| {
        let l = map.links.get(i % map.links.len().max(1))?;
        let premises: Vec<_> = l.premises().cloned().collect();
        premises.get(k % premises.len()).cloned()
    };
    // A builder's refusal is a refused edit, as the window reports it.
    let built = |r: Result<Edit, edit::EditError>| r.ok();
    Some(match intent {
        Intent::AddPremise(l, n) => {
            let (f, t) = reason(l)?;
            built(edit::add_premise(map, (&f, &t), &node(n)?))?
        }
        Intent::RemovePremise(l, k) => {
            let (f, t) = reason(l)?;
            built(edit::remove_premise(map, (&f, &t), &premise(l, k)?))?
        }
        Intent::TakeOut(l, k) => {
            let (f, t) = reason(l)?;
            built(edit::take_out_premise(map, (&f, &t), &premise(l, k)?))?
        }
        Intent::Join(a, b) => {
            let ((af, at), (bf, bt)) = (reason(a)?, reason(b)?);
            built(edit::join_reasons(map, (&af, &at), (&bf, &bt)))?
        }
        Intent::Split(l) => {
            let (f, t) = reason(l)?;
            built(edit::split_reason(map, (&f, &t)))?
        }
        Intent::Undercut(n, l) => {
            let (f, t) = reason(l)?;
            built(edit::undercut(map, &node(n)?, (&f, &t)))?
        }
        Intent::Retarget(l, n) => {
            let (f, t) = reason(l)?;
            built(edit::retarget(map, (&f, &t), &node(n)?))?
        }
        Intent::Scheme(l, k) => {
            let (f, t) = reason(l)?;
            let scheme = ["expert_opinion", "sign", "cause_to_effect"]
                .get(*k as usize)
                .map(|s| s.to_string());
            built(edit::set_scheme(map, (&f, &t), scheme))?
        }
        Intent::Warrant(l, w) => {
            let (f, t) = reason(l)?;
            built(edit::set_warrant(map, (&f, &t), w))?
        }
        Intent::AddNode(k, text, x, y) => Edit::AddNode {
            index: map.nodes.len(),
            node: Node::new(
                map.fresh_node_id(),
                kind(*k),
                text.clone(),
                Position::new(*x as f32, *y as f32),
            ),
        },
        Intent::DeleteNodes(is) => {
            delete_nodes(map, &is.iter().filter_map(node).collect::<Vec<_>>())
        }
        Intent::SetText(i, t) => Edit::SetText {
            id: node(i)?,
            text: t.clone(),
        },
        Intent::SetNotes(i, t) => Edit::SetNotes {
            id: node(i)?,
            notes: t.clone(),
        },
        Intent::SetKind(i, k) => Edit::SetKind {
            id: node(i)?,
            kind: kind(*k),
        },
        Intent::Move(is, dx, dy) => Edit::Move {
            moves: is
                .iter()
                .filter_map(|i| {
                    let n = map.node(&node(i)?)?;
                    Some((
                        n.id.clone(),
                        Position::new(n.pos.x + *dx as f32, n.pos.y + *dy as f32),
                    ))
                })
                .collect(),
        },
        Intent::Link(a, b, s) => Edit::AddLink {
            index: map.links.len() / 2,
            link: Link::new(
                node(a)?,
                node(b)?,
                if *s {
                    Relation::Supports
                } else {
                    Relation::Opposes
                },
            ),
        },
        Intent::Unlink(i) => {
            let l = map.links.get(i % map.links.len().max(1))?;
            delete_links(map, &[(l.from.clone(), l.to.clone())])
        }
        Intent::Flip(i) => {
            let l = map.links.get(i % map.links.len().max(1))?;
            Edit::SetRelation {
                from: l.from.clone(),
                to: l.to.clone(),
                relation: l.relation.flipped(),
            }
        }
        Intent::Cite(i, s, q) => {
            let id = node(i)?;
            let source = map.sources.get(s % map.sources.len().max(1))?.id.clone();
            let mut citations = map.node(&id)?.citations.clone();
            citations.push(Citation::new(source, q.clone()));
            Edit::SetCitations { id, citations }
        }
        Intent::AddSource(t) => Edit::AddSource {
            index: 0,
            source: Source::new(map.fresh_source_id(), t.clone()),
        },
        Intent::RemoveSource(s) => Edit::RemoveSource {
            id: map.sources.get(*s)?.id.clone(),
        },
        Intent::RenameSource(s, t) => {
            let mut source = map.sources.get(*s)?.clone();
            source.title = t.clone();
            Edit::UpdateSource { source }
        }
        Intent::Title(t) => Edit::SetTitle { title: t.clone() },
        Intent::Main(i) => Edit::SetMainClaim { id: node(i) },
        Intent::Paste(is) => {
            let mut fragment = ArgumentMap::default();
            for i in is {
                let n = map.node(&node(i)?)?.clone();
                if fragment.node(&n.id).is_none() {
                    fragment.nodes.push(n);
                }
            }
            fragment.links = map
                .links
                .iter()
                .filter(|l| fragment.node(&l.from).is_some() && fragment.node(&l.to).is_some())
                .cloned()
                .collect();
            insert_fragment(map, &fragment, (30.0, 30.0)).0
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn undoing_every_edit_restores_the_map_and_redo_restores_the_edits(
        original in common::valid_map(),
        intents in prop::collection::vec(intent(), 1..25),
    ) {
        let mut map = original.clone();
        let mut history = History::default();
        let mut applied = 0;
        for intent in &intents {
            if let Some(edit) = edit_for(&map, intent) {
                let before = map.clone();
                match history.apply(&mut map, edit) {
                    Ok(()) => {
                        applied += 1;
                        // Edits keep a valid map valid.
                        let errors: Vec<_> = validate(&map)
                            .into_iter()
                            .filter(|p| p.severity == Severity::Error)
                            .collect();
                        prop_assert!(errors.is_empty(), "{:?} left {:?}", intent, errors);
                    }
                    // A refused edit leaves the map exactly as it was.
                    Err(_) => prop_assert_eq!(&map, &before),
                }
            }
        }
        let edited = map.clone();
        let edited_version = history.version();
        for _ in 0..applied {
            prop_assert!(history.undo(&mut map).is_some());
        }
        prop_assert!(history.undo(&mut map).is_none());
        prop_assert_eq!(&map, &original);
        prop_assert_eq!(history.version(), 0);
        for _ in 0..applied {
            prop_assert!(history.redo(&mut map).is_some());
        }
        prop_assert_eq!(&map, &edited);
        prop_assert_eq!(history.version(), edited_version);
    }
}

fn small_map() -> ArgumentMap {
    let mut map = ArgumentMap::new("t");
    map.nodes = vec![
        Node::new("c", NodeKind::Claim, "C", Position::new(0.0, 0.0)),
        Node::new("e", NodeKind::Evidence, "E", Position::new(0.0, 200.0)),
    ];
    map.links = vec![Link::new("e", "c", Relation::Supports)];
    map
}

#[test]
fn links_to_self_twice_or_to_nothing_are_refused_with_a_reason() {
    let mut map = small_map();
    let add = |from: &str, to: &str| Edit::AddLink {
        index: 0,
        link: Link::new(from, to, Relation::Supports),
    };
    assert_eq!(
        add("c", "c").apply(&mut map).unwrap_err().to_string(),
        "a node cannot support or oppose itself"
    );
    assert_eq!(
        add("e", "c").apply(&mut map).unwrap_err().to_string(),
        "these two nodes are already linked"
    );
    assert_eq!(
        add("e", "x").apply(&mut map).unwrap_err().to_string(),
        "there is no node \"x\""
    );
    assert_eq!(map, small_map());
}

#[test]
fn deleting_a_node_takes_its_links_and_undo_brings_both_back() {
    let mut map = small_map();
    let mut history = History::default();
    let edit = delete_nodes(&map, &["c".into()]);
    history.apply(&mut map, edit).unwrap();
    assert_eq!(map.nodes.len(), 1);
    assert!(map.links.is_empty());
    history.undo(&mut map);
    assert_eq!(map, small_map());
}

#[test]
fn a_failing_batch_changes_nothing() {
    let mut map = small_map();
    let batch = Edit::Batch(vec![
        Edit::SetText {
            id: "c".into(),
            text: "changed".into(),
        },
        Edit::SetText {
            id: "missing".into(),
            text: "x".into(),
        },
    ]);
    assert!(batch.apply(&mut map).is_err());
    assert_eq!(map, small_map());
}

#[test]
fn pasting_renames_taken_ids_and_keeps_inner_links() {
    let map = small_map();
    let (edit, ids) = insert_fragment(&map, &small_map(), (40.0, 40.0));
    let mut pasted = map.clone();
    edit.apply(&mut pasted).unwrap();
    assert_eq!(pasted.nodes.len(), 4);
    assert_eq!(ids.len(), 2);
    assert!(
        ids.iter()
            .all(|id| id.as_str() != "c" && id.as_str() != "e")
    );
    assert!(pasted.link(&ids[1], &ids[0]).is_some());
    assert_eq!(pasted.node(&ids[0]).unwrap().pos, Position::new(40.0, 40.0));
}

#[test]
fn deleting_a_cited_source_removes_its_citations_and_undo_restores_them() {
    let mut map = small_map();
    let mut article = Source::new("a", "Article");
    article.text = Some("Air got cleaner in every district.".into());
    map.sources.push(article);
    let mut via = Source::new("v", "Statement");
    via.reported_in = Some("a".into());
    map.sources.push(via);
    map.nodes[1].citations = vec![
        Citation::new("a", "Air got cleaner"),
        Citation::new("v", "cleaner"),
    ];
    let original = map.clone();

    assert_eq!(
        map.citing_nodes(&"a".into())
            .map(|n| n.id.as_str())
            .collect::<Vec<_>>(),
        ["e"]
    );
    let mut history = History::default();
    let edit = argmap::edit::delete_source(&map, &"a".into());
    history.apply(&mut map, edit).unwrap();
    assert!(map.source(&"a".into()).is_none());
    assert_eq!(map.nodes[1].citations, vec![Citation::new("v", "cleaner")]);
    assert_eq!(map.source(&"v".into()).unwrap().reported_in, None);
    assert!(!argmap::model::has_errors(&argmap::model::validate(&map)));
    history.undo(&mut map);
    assert_eq!(map, original);
}

#[test]
fn a_citation_keeps_its_quote_when_the_node_text_changes_and_is_flagged_if_the_source_changes() {
    let mut map = small_map();
    let mut article = Source::new("a", "Article");
    article.reliability = Some(argmap::model::Reliability::B);
    article.text = Some(
        "Officials said the “car-free” zone\ncut emissions by a third — a café owner disagreed."
            .into(),
    );
    map.sources.push(article);
    // Straight quotes and a line break in the quote still anchor to the curly, wrapped text.
    map.nodes[1].citations = vec![Citation::new(
        "a",
        "the \"car-free\" zone cut emissions by a third — a café",
    )];
    let quote_warnings = |map: &ArgumentMap| {
        argmap::model::validate(map)
            .into_iter()
            .filter(|p| p.message.contains("not found"))
            .count()
    };
    assert_eq!(quote_warnings(&map), 0);
    let mut history = History::default();
    history
        .apply(
            &mut map,
            Edit::SetText {
                id: "e".into(),
                text: "Emissions fell".into(),
            },
        )
        .unwrap();
    assert_eq!(
        quote_warnings(&map),
        0,
        "editing the node does not lose its anchor"
    );
    let mut changed = map.source(&"a".into()).unwrap().clone();
    changed.text = Some("A different text entirely.".into());
    history
        .apply(&mut map, Edit::UpdateSource { source: changed })
        .unwrap();
    assert_eq!(
        map.nodes[1].citations.len(),
        1,
        "a lost quote is kept, not dropped"
    );
    assert_eq!(quote_warnings(&map), 1, "and flagged");
}
