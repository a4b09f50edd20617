//! Generated maps: valid, exactly sized, realistic in mix, reproducible; and `argmap generate`.

use argmap::generate::generate;
use argmap::model::{ArgumentMap, NodeKind, Relation, Severity, has_errors, validate};
use std::collections::{HashMap, HashSet};

#[path = "common/run.rs"]
mod run;
use run::argmap;

fn share(map: &ArgumentMap, kind: NodeKind) -> f64 {
    map.nodes.iter().filter(|n| n.kind == kind).count() as f64 / map.nodes.len() as f64
}

#[test]
fn generated_maps_validate_and_have_exactly_the_nodes_asked_for() {
    for (nodes, seed) in [(1, 0), (2, 1), (3, 2), (10, 3), (257, 4), (1_200, 5)] {
        let map = generate(nodes, seed);
        assert_eq!(map.nodes.len(), nodes);
        let problems = validate(&map);
        assert!(!has_errors(&problems), "{nodes}/{seed}: {problems:?}");
        // Every quote is found in its source's text.
        assert!(
            !problems.iter().any(|p| p.message.contains("not found")),
            "{problems:?}"
        );
        assert_eq!(map.main_claim, Some(map.nodes[0].id.clone()));
        assert_eq!(map.nodes[0].kind, NodeKind::Claim);
        // Saved and read back, it is the same map.
        let text = argmap::format::to_ron_string(&map);
        assert_eq!(argmap::format::from_ron_str(&text).unwrap(), map);
        if nodes < 300 {
            let loaded = argmap::format::parse_checked(text.as_bytes()).expect("loads");
            assert_eq!(loaded.map, map);
        }
    }
    assert!(generate(0, 1).nodes.is_empty());
}

#[test]
fn the_mix_of_kinds_and_links_reads_like_an_argument() {
    let map = generate(5_000, 42);
    let (claims, evidence, counter) = (
        share(&map, NodeKind::Claim),
        share(&map, NodeKind::Evidence),
        share(&map, NodeKind::Counterpoint),
    );
    assert!((0.18..=0.32).contains(&counter), "counterpoints {counter}");
    assert!((0.40..=0.60).contains(&evidence), "evidence {evidence}");
    assert!((0.18..=0.35).contains(&claims), "claims {claims}");

    let kind: HashMap<_, _> = map.nodes.iter().map(|n| (&n.id, n.kind)).collect();
    // Evidence mostly bears on claims.
    let evidence_links: Vec<_> = map
        .links
        .iter()
        .filter(|l| kind[&l.from] == NodeKind::Evidence)
        .collect();
    let on_claims = evidence_links
        .iter()
        .filter(|l| kind[&l.to] == NodeKind::Claim)
        .count();
    assert!(on_claims * 2 > evidence_links.len());
    // Counterpoints oppose; some are answered by claims, not all.
    for link in &map.links {
        if kind[&link.from] == NodeKind::Counterpoint {
            assert_eq!(link.relation, Relation::Opposes);
        }
    }
    let answered: HashSet<_> = map
        .links
        .iter()
        .filter(|l| kind[&l.from] == NodeKind::Claim && kind[&l.to] == NodeKind::Counterpoint)
        .map(|l| &l.to)
        .collect();
    let counterpoints = map
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Counterpoint)
        .count();
    assert!(answered.len() * 5 > counterpoints && answered.len() < counterpoints);

    // A tree (every node but the main claim is a premise of one reason on its parent, each
    // parent has one to four children), then a few cross-links: nodes that also support a
    // second claim. The tree's reasons come first: together they hold every node but the
    // main claim once.
    let mut premises_seen: HashSet<_> = HashSet::new();
    let mut tree_len = 0;
    let mut children: HashMap<_, usize> = HashMap::new();
    for link in &map.links {
        if premises_seen.len() == map.nodes.len() - 1 {
            break;
        }
        for p in link.premises() {
            assert!(premises_seen.insert(p), "{p} in two tree reasons");
            *children.entry(&link.to).or_default() += 1;
        }
        tree_len += 1;
    }
    assert_eq!(premises_seen.len(), map.nodes.len() - 1);
    assert!(children.values().all(|&c| (1..=4).contains(&c)));
    let tree = &map.links[..tree_len];
    // Reasons as analysts write them: about one in five linked, one in twenty an undercut,
    // some with a scheme.
    let share_of = |f: &dyn Fn(&argmap::model::Link) -> bool| {
        tree.iter().filter(|l| f(l)).count() as f64 / tree.len() as f64
    };
    let linked = share_of(&|l| l.is_linked());
    let undercuts = share_of(&|l| l.is_undercut());
    let schemed = share_of(&|l| l.scheme.is_some());
    assert!((0.12..=0.28).contains(&linked), "linked {linked}");
    assert!((0.03..=0.08).contains(&undercuts), "undercuts {undercuts}");
    assert!((0.04..=0.15).contains(&schemed), "schemed {schemed}");
    assert!(tree.iter().all(|l| l.with.len() <= 3));
    let cross = &map.links[tree_len..];
    assert!(
        (10..=100).contains(&cross.len()),
        "{} cross-links",
        cross.len()
    );
    for link in cross {
        assert_eq!(link.relation, Relation::Supports);
        assert_eq!(kind[&link.to], NodeKind::Claim);
        assert_ne!(link.from, link.to);
    }
    let pairs: HashSet<_> = map.links.iter().map(|l| (&l.from, &l.to)).collect();
    assert_eq!(pairs.len(), map.links.len(), "no duplicate links");

    // Most evidence cites a source; sources are few and rated.
    let cited = map
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Evidence && !n.citations.is_empty())
        .count();
    let all_evidence = map
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Evidence)
        .count();
    assert!(cited * 4 > all_evidence * 3);
    assert!((3..=40).contains(&map.sources.len()));
    assert!(
        map.sources
            .iter()
            .all(|s| s.rating().is_some() && s.text.is_some())
    );

    // Card texts are sentences of 10 to 30 words.
    for node in &map.nodes {
        let words = node.text.split_whitespace().count();
        assert!((10..=30).contains(&words), "{}", node.text);
    }
}

#[test]
fn the_same_seed_gives_the_same_map_and_other_seeds_differ() {
    let a = generate(700, 3);
    assert_eq!(a, generate(700, 3));
    assert_eq!(
        argmap::format::to_ron_string(&a),
        argmap::format::to_ron_string(&generate(700, 3))
    );
    let b = generate(700, 4);
    assert_ne!(a, b);
    assert_ne!(
        a.nodes.iter().map(|n| &n.text).collect::<Vec<_>>(),
        b.nodes.iter().map(|n| &n.text).collect::<Vec<_>>()
    );
}

#[test]
fn generated_maps_are_laid_out() {
    let map = generate(300, 8);
    let distinct: HashSet<(i64, i64)> = map
        .nodes
        .iter()
        .map(|n| (n.pos.x as i64, n.pos.y as i64))
        .collect();
    assert_eq!(
        distinct.len(),
        map.nodes.len(),
        "every card has its own place"
    );
    let main = &map.nodes[0];
    assert!(map.nodes[1..].iter().all(|n| n.pos.y > main.pos.y));
}

#[test]
fn the_generate_command_writes_a_map_that_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let out = argmap(
        &[
            "generate", "--nodes", "250", "--seed", "9", "--to", "big.ron",
        ],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("250 nodes"));
    let path = dir.path().join("big.ron");
    let loaded = argmap::format::open(&path).expect("the file opens");
    assert_eq!(loaded.map, generate(250, 9));
    assert!(
        loaded
            .warnings
            .iter()
            .all(|d| d.severity == Severity::Warning)
    );

    let check = argmap(&["check", "big.ron"], dir.path());
    assert_eq!(check.status.code(), Some(0));

    // Without --seed, seed 1.
    let default = argmap(&["generate", "--nodes", "20", "--to", "d.ron"], dir.path());
    assert_eq!(default.status.code(), Some(0));
    assert_eq!(
        argmap::format::open(&dir.path().join("d.ron")).unwrap().map,
        generate(20, 1)
    );
}

#[test]
fn the_generate_command_refuses_bad_arguments_and_unwritable_places() {
    let dir = tempfile::tempdir().unwrap();
    let zero = argmap(&["generate", "--nodes", "0", "--to", "z.ron"], dir.path());
    assert_eq!(zero.status.code(), Some(2));
    assert!(!dir.path().join("z.ron").exists());
    let missing = argmap(&["generate", "--to", "z.ron"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    let nowhere = argmap(
        &["generate", "--nodes", "5", "--to", "no/such/folder/m.ron"],
        dir.path(),
    );
    assert_eq!(nowhere.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&nowhere.stderr).starts_with("argmap: error: cannot write"));
}
