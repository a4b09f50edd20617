//! The worked examples of `docs/evaluation.md`, and properties of the weighing.

use super::*;
use crate::model::{Link, Node, NodeKind, Position, Relation};
use proptest::prelude::*;

/// A map of claims `ids`, with `links` as (from, to, relation) and optional co-premises.
fn map(ids: &[&str], links: &[(&str, &str, Relation)]) -> ArgumentMap {
    let mut map = ArgumentMap::new("t");
    for id in ids {
        map.nodes
            .push(Node::new(*id, NodeKind::Claim, "x", Position::default()));
    }
    for (from, to, relation) in links {
        map.links.push(Link::new(*from, *to, *relation));
    }
    map
}

use Relation::{Opposes as Con, Supports as Pro};

fn statuses(map: &ArgumentMap, judgements: &Judgements) -> Vec<(String, Status)> {
    let evaluation = evaluate(map, judgements);
    map.nodes
        .iter()
        .map(|n| n.id.to_string())
        .zip(evaluation.nodes)
        .collect()
}

fn of(map: &ArgumentMap) -> Vec<(String, Status)> {
    statuses(map, &Judgements::none(map))
}

fn expect(pairs: &[(&str, Status)]) -> Vec<(String, Status)> {
    pairs.iter().map(|(id, s)| (id.to_string(), *s)).collect()
}

use Status::{Defeated, Holds, Undecided};

#[test]
fn example_1_presumption() {
    let m = map(&["a"], &[]);
    assert_eq!(of(&m), expect(&[("a", Holds)]));
}

#[test]
fn example_2_reinstatement() {
    // a attacked by b, b attacked by c, nothing attacks c.
    let m = map(&["a", "b", "c"], &[("b", "a", Con), ("c", "b", Con)]);
    assert_eq!(
        of(&m),
        expect(&[("a", Holds), ("b", Defeated), ("c", Holds)])
    );
}

#[test]
fn example_3_mutual_attack() {
    let m = map(&["a", "b"], &[("a", "b", Con), ("b", "a", Con)]);
    assert_eq!(of(&m), expect(&[("a", Undecided), ("b", Undecided)]));
}

#[test]
fn an_odd_cycle_is_undecided_and_so_is_what_it_attacks() {
    let m = map(
        &["a", "b", "c", "d"],
        &[
            ("a", "b", Con),
            ("b", "c", Con),
            ("c", "a", Con),
            ("c", "d", Con),
        ],
    );
    assert_eq!(
        of(&m),
        expect(&[
            ("a", Undecided),
            ("b", Undecided),
            ("c", Undecided),
            ("d", Undecided)
        ])
    );
}

#[test]
fn example_4_a_linked_reason_needs_every_premise() {
    // p and q together support c; d opposes c, weakly. r defeats q, so the reason for c
    // fails and the weak reason against it decides.
    let mut m = map(
        &["c", "p", "q", "d", "r"],
        &[("p", "c", Pro), ("d", "c", Con), ("r", "q", Con)],
    );
    m.links[0].with = vec!["q".into()];
    let mut j = Judgements::none(&m);
    j.strengths[1] = Some(Strength::Weak);
    let evaluation = evaluate(&m, &j);
    assert_eq!(evaluation.reasons, vec![Defeated, Holds, Holds]);
    assert_eq!(
        statuses(&m, &j),
        expect(&[
            ("c", Defeated),
            ("p", Holds),
            ("q", Defeated),
            ("d", Holds),
            ("r", Holds)
        ])
    );
    // Without r, both premises hold: 0.6 for c outweighs 0.3 against it.
    m.links.pop();
    m.nodes.pop();
    j.strengths.pop();
    j.marks.pop();
    j.standards.pop();
    assert_eq!(evaluate(&m, &j).nodes[0], Holds);
}

#[test]
fn a_node_nothing_applicable_attacks_holds_whatever_its_support() {
    // c's only reason fails (its premise is defeated), but nothing speaks against c.
    let m = map(&["c", "p", "r"], &[("p", "c", Pro), ("r", "p", Con)]);
    assert_eq!(
        of(&m),
        expect(&[("c", Holds), ("p", Defeated), ("r", Holds)])
    );
}

#[test]
fn example_5_an_undercut_defeats_the_reason_not_its_premise() {
    // e supports c; d opposes c, weakly; u undercuts the reason e->c (it grants e, denies
    // that e shows c). With the reason for it gone, the weak reason against c decides.
    let mut m = map(
        &["c", "e", "u", "d"],
        &[("e", "c", Pro), ("u", "c", Con), ("d", "c", Con)],
    );
    m.links[1].undercuts = Some("e".into());
    let mut j = Judgements::none(&m);
    j.strengths[2] = Some(Strength::Weak);
    let evaluation = evaluate(&m, &j);
    assert_eq!(evaluation.reasons, vec![Defeated, Holds, Holds]);
    assert_eq!(
        statuses(&m, &j),
        expect(&[("c", Defeated), ("e", Holds), ("u", Holds), ("d", Holds)])
    );
    // An undercut of the undercut reinstates the reason: 0.6 for c outweighs 0.3.
    m.nodes
        .push(Node::new("v", NodeKind::Claim, "x", Position::default()));
    let mut back = Link::new("v", "c", Con);
    back.undercuts = Some("u".into());
    m.links.push(back);
    let mut j = Judgements::none(&m);
    j.strengths[2] = Some(Strength::Weak);
    let evaluation = evaluate(&m, &j);
    assert_eq!(evaluation.reasons, vec![Holds, Defeated, Holds, Holds]);
    assert_eq!(evaluation.nodes[0], Holds);
}

#[test]
fn example_6_marks_are_inputs() {
    // b attacks a; the analyst rejects b: a holds again. Accepting a node that the map
    // defeats keeps it holding, and the disagreement is reported.
    let m = map(&["a", "b"], &[("b", "a", Con)]);
    let mut j = Judgements::none(&m);
    j.marks[1] = Some(Mark::Rejected);
    assert_eq!(statuses(&m, &j), expect(&[("a", Holds), ("b", Defeated)]));
    assert!(
        evaluate(&m, &j).disagreements.is_empty(),
        "b has no reasons"
    );
    let mut j = Judgements::none(&m);
    j.marks[0] = Some(Mark::Accepted);
    let evaluation = evaluate(&m, &j);
    assert_eq!(evaluation.nodes, vec![Holds, Holds]);
    assert_eq!(evaluation.disagreements, vec![(0, Defeated)]);
}

#[test]
fn example_7_preponderance_weighs_the_strongest_on_each_side() {
    // c has a strong reason for it and a weak one against it: it holds. Swap the
    // strengths and it is defeated.
    let m = map(&["c", "p", "q"], &[("p", "c", Pro), ("q", "c", Con)]);
    let mut j = Judgements::none(&m);
    j.strengths = vec![Some(Strength::Strong), Some(Strength::Weak)];
    assert_eq!(evaluate(&m, &j).nodes[0], Holds);
    j.strengths = vec![Some(Strength::Weak), Some(Strength::Strong)];
    assert_eq!(evaluate(&m, &j).nodes[0], Defeated);
    // Equal weights: the reasons for it do not outweigh those against it.
    assert_eq!(of(&m)[0].1, Defeated);
}

#[test]
fn example_8_stricter_standards_ask_for_more() {
    // A moderate reason for c (0.6) and a weak one against it (0.3).
    let m = map(&["c", "p", "q"], &[("p", "c", Pro), ("q", "c", Con)]);
    let mut j = Judgements::none(&m);
    j.strengths = vec![Some(Strength::Moderate), Some(Strength::Weak)];
    let with = |standard| {
        let mut j = j.clone();
        j.standards[0] = Some(standard);
        evaluate(&m, &j).nodes[0]
    };
    assert_eq!(with(ProofStandard::Scintilla), Holds);
    assert_eq!(with(ProofStandard::Preponderance), Holds);
    assert_eq!(with(ProofStandard::ClearAndConvincing), Holds);
    assert_eq!(with(ProofStandard::BeyondReasonableDoubt), Defeated);
}

#[test]
fn example_9_unreliable_sources_weaken_the_evidence_they_back() {
    // Evidence e (from a source rated E, 5) supports c; a claim q opposes c, weakly.
    let mut m = map(&["c", "q"], &[("e", "c", Pro), ("q", "c", Con)]);
    let mut e = Node::new("e", NodeKind::Evidence, "x", Position::default());
    e.citations.push(crate::model::Citation::new("s", "x"));
    m.nodes.push(e);
    let mut source = crate::model::Source::new("s", "A report");
    source.reliability = Some(crate::model::Reliability::E);
    source.credibility = crate::model::Credibility::new(5);
    m.sources.push(source);
    let mut j = Judgements::none(&m);
    j.strengths = vec![Some(Strength::Strong), Some(Strength::Weak)];
    let evaluation = evaluate(&m, &j);
    assert!(
        (evaluation.weights[0] - 0.0625).abs() < 1e-6,
        "{:?}",
        evaluation.weights
    );
    assert_eq!(
        evaluation.nodes[0], Defeated,
        "1 × 0.25 × 0.25 does not outweigh 0.3"
    );
    // Marked accepted, the evidence counts in full.
    j.marks[2] = Some(Mark::Accepted);
    assert_eq!(evaluate(&m, &j).nodes[0], Holds);
}

#[test]
fn a_reason_judged_not_to_bear_never_applies() {
    let m = map(&["a", "b"], &[("b", "a", Con)]);
    let mut j = Judgements::none(&m);
    j.strengths[0] = Some(Strength::None);
    assert_eq!(statuses(&m, &j), expect(&[("a", Holds), ("b", Holds)]));
}

#[test]
fn explanations_name_what_decides() {
    let m = map(&["a", "b", "c"], &[("b", "a", Con), ("c", "b", Con)]);
    let evaluation = evaluate(&m, &Judgements::none(&m));
    assert_eq!(
        explain(&m, &evaluation, 1),
        [
            "\"b\" defeated",
            "weighed by preponderance of evidence: the strongest reason for it that applies is \
             none, against it \"c->b\" (0.60)",
            "  reason against it \"c->b\" applies (0.60): its premises hold and nothing undercuts it",
        ]
    );
    assert_eq!(
        explain(&m, &evaluation, 0)[1],
        "no reason against it applies: it holds by presumption"
    );
    assert_eq!(
        explain(&m, &evaluation, 0)[2],
        "  reason against it \"b->a\" does not apply: its premise \"b\" is defeated"
    );
}

#[test]
fn a_long_chain_and_a_wide_star_weigh_in_linear_time() {
    // 200,000 nodes in a chain of attacks, and one node with 200,000 reasons for it: a
    // path that looked at every reason of a node again on each decision would take hours.
    const N: usize = 200_000;
    let mut chain = ArgumentMap::new("chain");
    for i in 0..N {
        chain.nodes.push(Node::new(
            format!("n{i}"),
            NodeKind::Claim,
            "x",
            Position::default(),
        ));
    }
    for i in 1..N {
        chain
            .links
            .push(Link::new(format!("n{i}"), format!("n{}", i - 1), Con));
    }
    let evaluation = evaluate(&chain, &Judgements::none(&chain));
    // The last node is unattacked: it holds, the one before is defeated, and so on.
    let expected = |i: usize| {
        if (N - 1 - i).is_multiple_of(2) {
            Holds
        } else {
            Defeated
        }
    };
    assert!((0..N).all(|i| evaluation.nodes[i] == expected(i)));

    let mut star = ArgumentMap::new("star");
    star.nodes
        .push(Node::new("hub", NodeKind::Claim, "x", Position::default()));
    for i in 0..N {
        star.nodes.push(Node::new(
            format!("p{i}"),
            NodeKind::Claim,
            "x",
            Position::default(),
        ));
        let relation = if i % 2 == 0 { Pro } else { Con };
        star.links.push(Link::new(format!("p{i}"), "hub", relation));
    }
    let mut j = Judgements::none(&star);
    j.strengths[0] = Some(Strength::Strong);
    assert_eq!(evaluate(&star, &j).nodes[0], Holds);
}

/// Claims n0…n5 with plain attacks among them.
fn attack_graph() -> impl Strategy<Value = ArgumentMap> {
    proptest::collection::btree_set((0..6usize, 0..6usize), 0..14).prop_map(|pairs| {
        let ids: Vec<String> = (0..6).map(|i| format!("n{i}")).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let links: Vec<(&str, &str, Relation)> = pairs
            .iter()
            .filter(|(a, b)| a != b)
            .map(|&(a, b)| (refs[a], refs[b], Con))
            .collect();
        map(&refs, &links)
    })
}

/// Grounded labelling the textbook way: IN when every attacker is OUT, OUT when an
/// attacker is IN, until nothing changes.
fn grounded(map: &ArgumentMap) -> Vec<Status> {
    let n = map.nodes.len();
    let index = map.node_index();
    let attackers: Vec<Vec<usize>> = (0..n)
        .map(|i| {
            map.links
                .iter()
                .filter(|l| index[&l.to] == i)
                .map(|l| index[&l.from])
                .collect()
        })
        .collect();
    let mut label = vec![Undecided; n];
    loop {
        let mut changed = false;
        for i in 0..n {
            if label[i] != Undecided {
                continue;
            }
            if attackers[i].iter().all(|&a| label[a] == Defeated) {
                label[i] = Holds;
                changed = true;
            } else if attackers[i].iter().any(|&a| label[a] == Holds) {
                label[i] = Defeated;
                changed = true;
            }
        }
        if !changed {
            return label;
        }
    }
}

proptest! {
    #[test]
    fn plain_attacks_are_weighed_by_grounded_semantics(m in attack_graph()) {
        prop_assert_eq!(evaluate(&m, &Judgements::none(&m)).nodes, grounded(&m));
    }

    #[test]
    fn with_no_attacks_every_unmarked_node_holds(
        pairs in proptest::collection::btree_set((0..6usize, 0..6usize), 0..14),
    ) {
        let ids: Vec<String> = (0..6).map(|i| format!("n{i}")).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let links: Vec<(&str, &str, Relation)> = pairs
            .iter()
            .filter(|(a, b)| a != b)
            .map(|&(a, b)| (refs[a], refs[b], Pro))
            .collect();
        let m = map(&refs, &links);
        prop_assert!(evaluate(&m, &Judgements::none(&m)).nodes.iter().all(|s| *s == Holds));
    }

    #[test]
    fn statuses_do_not_depend_on_the_order_of_the_file(
        m in attack_graph(),
        supports in proptest::collection::vec(any::<bool>(), 14),
        seed in any::<u64>(),
    ) {
        let mut m = m;
        for (link, s) in m.links.iter_mut().zip(supports) {
            if s {
                link.relation = Pro;
            }
        }
        let before = of(&m);
        // Reverse, then rotate by the seed: another order of nodes and of links.
        m.nodes.reverse();
        m.links.reverse();
        let k = (seed as usize) % m.nodes.len().max(1);
        m.nodes.rotate_left(k);
        let mut after = of(&m);
        after.sort();
        let mut before = before;
        before.sort();
        prop_assert_eq!(before, after);
    }
}
