//! The automatic layout: tidy, clear of overlaps, deterministic, respectful of pins.

use argmap::generate::generate;
use argmap::layout::{
    CANVAS_ASPECT, COLUMN_GAP, H_GAP, Scope, V_GAP, arrange, arrange_to_fit, place_new_child,
};
use argmap::model::{
    ArgumentMap, LayoutDirection, Link, Node, NodeId, NodeKind, Position, Relation, outline,
};
use std::collections::HashMap;

/// The sizes Arrange uses for cards the canvas has not drawn yet.
fn card_size(node: &Node, is_main: bool) -> (f32, f32) {
    argmap::render::measure::estimated_size(node, is_main)
}

/// (left, top, right, bottom) of every card.
fn boxes(map: &ArgumentMap) -> Vec<(f32, f32, f32, f32)> {
    let main = map.main_claim().cloned();
    map.nodes
        .iter()
        .map(|n| {
            let (w, h) = card_size(n, Some(&n.id) == main.as_ref());
            (n.pos.x, n.pos.y, n.pos.x + w, n.pos.y + h)
        })
        .collect()
}

fn apply(map: &mut ArgumentMap, moves: &[(NodeId, Position)]) {
    let index: HashMap<NodeId, usize> = map
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.clone(), i))
        .collect();
    for (id, pos) in moves {
        map.nodes[index[id]].pos = *pos;
    }
}

fn arranged(mut map: ArgumentMap) -> ArgumentMap {
    let moves = arrange(&map, &card_size, &Scope::All);
    apply(&mut map, &moves);
    map
}

/// Every pair of cards is at least `H_GAP` apart side by side or `V_GAP` apart one above
/// the other. Sweep over cards sorted by left edge, so big maps stay quick.
fn assert_no_overlaps(map: &ArgumentMap) {
    let boxes = boxes(map);
    let mut order: Vec<usize> = (0..boxes.len()).collect();
    order.sort_by(|&a, &b| boxes[a].0.total_cmp(&boxes[b].0));
    for (k, &a) in order.iter().enumerate() {
        let (_, at, ar, ab) = boxes[a];
        for &b in &order[k + 1..] {
            let (bl, bt, _, bb) = boxes[b];
            if bl >= ar + H_GAP {
                break;
            }
            let apart_vertically = bt >= ab + V_GAP || at >= bb + V_GAP;
            assert!(
                apart_vertically,
                "cards {} at {:?} and {} at {:?} are too close",
                map.nodes[a].id, boxes[a], map.nodes[b].id, boxes[b]
            );
        }
    }
}

/// The tree the layout draws: each node's parent is where the outline first lists it.
fn tree_parents(map: &ArgumentMap) -> Vec<Option<(usize, Relation)>> {
    let mut parents = vec![None; map.nodes.len()];
    let mut path: Vec<usize> = Vec::new();
    for row in outline(map).rows.iter().filter(|r| !r.repeated) {
        path.truncate(row.depth);
        if let (Some(&p), Some(rel)) = (path.last(), row.relation) {
            parents[row.node] = Some((p, rel));
        }
        path.push(row.node);
    }
    parents
}

#[test]
fn generated_maps_of_several_sizes_have_no_overlaps() {
    for (nodes, seed) in [(1, 1), (2, 2), (12, 3), (150, 4), (1_000, 5), (5_000, 6)] {
        let map = generate(nodes, seed);
        assert_no_overlaps(&map);
        // Arranging from scratch (everything piled at the origin) gives the same tidy result.
        let mut piled = map.clone();
        for node in &mut piled.nodes {
            node.pos = Position::default();
        }
        let again = arranged(piled);
        assert_no_overlaps(&again);
    }
}

#[test]
fn the_article_map_arranges_without_overlaps_and_keeps_its_main_claim_in_place() {
    let map = argmap::bundled::article_map();
    let main = map.main_claim().unwrap().clone();
    let before = map.node(&main).unwrap().pos;
    let map = arranged(map);
    assert_no_overlaps(&map);
    assert_eq!(map.node(&main).unwrap().pos, before);
}

#[test]
fn arranging_is_deterministic_and_an_arranged_map_stays_as_it_is() {
    let map = generate(800, 9);
    let piled = {
        let mut m = map.clone();
        for (i, node) in m.nodes.iter_mut().enumerate() {
            node.pos = Position::new((i % 7) as f32 * 13.0, 0.0);
        }
        m
    };
    let first = arrange(&piled, &card_size, &Scope::All);
    let second = arrange(&piled, &card_size, &Scope::All);
    assert!(!first.is_empty());
    assert_eq!(first, second);
    // The generator's own layout is already arranged: nothing moves.
    assert_eq!(arrange(&map, &card_size, &Scope::All), vec![]);
    // Positions are whole units.
    assert!(
        first
            .iter()
            .all(|(_, p)| p.x.fract() == 0.0 && p.y.fract() == 0.0)
    );
}

#[test]
fn parents_stand_above_their_children_with_supports_left_of_opposes() {
    for map in [
        generate(2_000, 21),
        arranged(argmap::bundled::article_map()),
    ] {
        let boxes = boxes(&map);
        let parents = tree_parents(&map);
        // Per parent: right edge of its rightmost supporter, left edge of its leftmost opponent.
        let mut sides: HashMap<usize, (f32, f32)> = HashMap::new();
        let mut checked = 0;
        for (child, parent) in parents.iter().enumerate() {
            let Some((p, rel)) = *parent else { continue };
            let (_, _, _, p_bottom) = boxes[p];
            let (c_left, c_top, c_right, _) = boxes[child];
            assert!(
                c_top >= p_bottom + V_GAP,
                "{} is not below its parent {}",
                map.nodes[child].id,
                map.nodes[p].id
            );
            let entry = sides.entry(p).or_insert((f32::NEG_INFINITY, f32::INFINITY));
            match rel {
                Relation::Supports => entry.0 = entry.0.max(c_right),
                Relation::Opposes => entry.1 = entry.1.min(c_left),
            }
            checked += 1;
        }
        assert!(checked > 10);
        let mixed = sides
            .values()
            .filter(|(s, o)| s.is_finite() && o.is_finite())
            .count();
        assert!(mixed > 3, "some parents have both supporters and opponents");
        for (p, (support_right, oppose_left)) in sides {
            assert!(
                support_right + H_GAP <= oppose_left,
                "under {}, a supporter reaches {support_right} but an opponent starts at {oppose_left}",
                map.nodes[p].id
            );
        }
    }
}

#[test]
fn children_are_centred_under_their_parent() {
    let map = generate(300, 2);
    let boxes = boxes(&map);
    let mut spans: HashMap<usize, (f32, f32)> = HashMap::new();
    for (child, parent) in tree_parents(&map).iter().enumerate() {
        if let Some((p, _)) = parent {
            let centre = (boxes[child].0 + boxes[child].2) / 2.0;
            let span = spans
                .entry(*p)
                .or_insert((f32::INFINITY, f32::NEG_INFINITY));
            *span = (span.0.min(centre), span.1.max(centre));
        }
    }
    for (p, (first, last)) in spans {
        let centre = (boxes[p].0 + boxes[p].2) / 2.0;
        assert!(
            (centre - (first + last) / 2.0).abs() <= 1.0,
            "{} is not centred over its children: {centre} vs {first}..{last}",
            map.nodes[p].id
        );
    }
}

#[test]
fn pinned_nodes_stay_put_and_the_rest_keeps_clear_of_them() {
    let mut map = generate(600, 13);
    // Pin a few nodes, and move one right into the middle of the second row.
    let second_row_y = map
        .nodes
        .iter()
        .map(|n| n.pos.y)
        .filter(|&y| y > 0.0)
        .fold(f32::INFINITY, f32::min);
    for (i, node) in map.nodes.iter_mut().enumerate() {
        if i % 50 == 7 {
            node.pinned = true;
        }
    }
    map.nodes[7].pos = Position::new(-20.0, second_row_y + 15.0);
    map.nodes[57].pos = Position::new(5_000.0, -400.0);
    let pinned: Vec<(NodeId, Position)> = map
        .nodes
        .iter()
        .filter(|n| n.pinned)
        .map(|n| (n.id.clone(), n.pos))
        .collect();
    let moves = arrange(&map, &card_size, &Scope::All);
    assert!(
        moves
            .iter()
            .all(|(id, _)| !pinned.iter().any(|(p, _)| p == id))
    );
    apply(&mut map, &moves);
    for (id, pos) in &pinned {
        assert_eq!(map.node(id).unwrap().pos, *pos);
    }
    assert_no_overlaps(&map);
}

#[test]
fn a_subtree_is_arranged_under_its_root_and_nothing_else_moves() {
    let mut map = generate(1_500, 17);
    let parents = tree_parents(&map);
    // A node two levels down with a subtree of a few nodes.
    let mut descendants: Vec<Vec<usize>> = vec![Vec::new(); map.nodes.len()];
    for v in 0..map.nodes.len() {
        let mut up = parents[v].map(|(p, _)| p);
        while let Some(a) = up {
            descendants[a].push(v);
            up = parents[a].map(|(p, _)| p);
        }
    }
    let root = (1..map.nodes.len())
        .find(|&v| (5..40).contains(&descendants[v].len()))
        .expect("a mid-sized subtree");
    let root_id = map.nodes[root].id.clone();
    // Scramble the subtree.
    for (k, &v) in descendants[root].iter().enumerate() {
        map.nodes[v].pos = Position::new(k as f32 * 7.0, -3_000.0 + k as f32 * 5.0);
    }
    let before = map.clone();
    let moves = arrange(&map, &card_size, &Scope::Subtree(vec![root_id.clone()]));
    assert!(!moves.is_empty());
    for (id, _) in &moves {
        let i = map.node_position(id).unwrap();
        assert!(
            descendants[root].contains(&i),
            "{id} is outside the subtree"
        );
    }
    apply(&mut map, &moves);
    for (i, node) in map.nodes.iter().enumerate() {
        if !descendants[root].contains(&i) {
            assert_eq!(node.pos, before.nodes[i].pos, "{} moved", node.id);
        }
    }
    let root_box = boxes(&map)[root];
    for &v in &descendants[root] {
        assert!(map.nodes[v].pos.y >= root_box.3 + V_GAP);
    }
    assert_no_overlaps(&map);
    // Unknown ids are ignored; an empty list moves nothing.
    assert_eq!(
        arrange(&map, &card_size, &Scope::Subtree(vec!["nope".into()])),
        vec![]
    );
    assert_eq!(arrange(&map, &card_size, &Scope::Subtree(vec![])), vec![]);
}

/// Packing trees into the canvas's shape (issue 16) replaced "other trees to the right of
/// the main tree": they may now stand beside or below it, but never on it.
#[test]
fn cycles_and_separate_trees_stand_clear_of_the_main_tree() {
    let mut map = ArgumentMap::new("parts");
    let add = |map: &mut ArgumentMap, id: &str, kind| {
        map.nodes.push(Node::new(
            id,
            kind,
            format!("{id} text"),
            Position::default(),
        ));
    };
    for id in ["main", "a", "b", "c"] {
        add(&mut map, id, NodeKind::Claim);
    }
    for id in ["other", "o1", "loop1", "loop2", "alone"] {
        add(&mut map, id, NodeKind::Evidence);
    }
    map.main_claim = Some("main".into());
    map.links = vec![
        Link::new("a", "main", Relation::Supports),
        Link::new("b", "main", Relation::Opposes),
        Link::new("c", "a", Relation::Supports),
        Link::new("c", "b", Relation::Supports), // c bears on two claims
        Link::new("o1", "other", Relation::Supports),
        Link::new("loop1", "loop2", Relation::Supports),
        Link::new("loop2", "loop1", Relation::Supports),
    ];
    let map = arranged(map);
    assert_no_overlaps(&map);
    let pos = |id: &str| map.node(&id.into()).unwrap().pos;
    // The main tree is one block: nothing else inside its bounding box.
    let main_tree = ["main", "a", "b", "c"];
    let (l, t) = main_tree.iter().fold((f32::MAX, f32::MAX), |(l, t), id| {
        (l.min(pos(id).x), t.min(pos(id).y))
    });
    let (r, b) = main_tree.iter().fold((f32::MIN, f32::MIN), |(r, b), id| {
        (r.max(pos(id).x + 240.0), b.max(pos(id).y + 60.0))
    });
    for id in ["other", "o1", "loop1", "loop2", "alone"] {
        let p = pos(id);
        let inside = p.x < r && p.x + 240.0 > l && p.y < b && p.y + 60.0 > t;
        assert!(!inside, "{id} is inside the main tree");
    }
    // c sits under a, its first parent in outline order.
    assert!(pos("c").y > pos("a").y);
    assert!((pos("c").x - pos("a").x).abs() < 1.0);
    assert!(
        pos("a").x < pos("b").x,
        "the supporter is left of the opponent"
    );
    assert!(pos("o1").y > pos("other").y);
}

#[test]
fn a_50000_deep_chain_is_arranged_without_overflowing_the_stack() {
    let mut map = ArgumentMap::new("deep");
    for i in 0..50_000 {
        map.nodes.push(Node::new(
            format!("n{i}"),
            NodeKind::Claim,
            "A link in a very long chain of reasoning.",
            Position::new((i % 3) as f32, 0.0),
        ));
        if i > 0 {
            map.links.push(Link::new(
                format!("n{i}"),
                format!("n{}", i - 1),
                Relation::Supports,
            ));
        }
    }
    map.main_claim = Some("n0".into());
    let moves = arrange(&map, &card_size, &Scope::All);
    assert_eq!(moves.len(), 49_999);
    apply(&mut map, &moves);
    for pair in map.nodes.windows(2) {
        assert_eq!(pair[1].pos.x, pair[0].pos.x);
        assert!(pair[1].pos.y >= pair[0].pos.y + V_GAP);
    }
}

#[test]
fn a_new_child_goes_right_of_its_siblings_on_free_canvas() {
    let map = generate(400, 5);
    let boxes = boxes(&map);
    for parent in map.nodes.iter().step_by(37) {
        let size = (240.0, 90.0);
        let pos = place_new_child(&map, &card_size, &parent.id, size);
        let (l, t, r, b) = (pos.x, pos.y, pos.x + size.0, pos.y + size.1);
        for (i, &(bl, bt, br, bb)) in boxes.iter().enumerate() {
            let apart = bl >= r + H_GAP || l >= br + H_GAP || bt >= b + V_GAP || t >= bb + V_GAP;
            assert!(
                apart,
                "the new child of {} crowds {}",
                parent.id, map.nodes[i].id
            );
        }
        let p = map.node_position(&parent.id).unwrap();
        assert!(t >= boxes[p].3 + V_GAP, "below its parent");
        // Right of every existing child in that row.
        for link in map.incoming(&parent.id) {
            let c = map.node_position(&link.from).unwrap();
            if boxes[c].1 == t {
                assert!(l >= boxes[c].2 + H_GAP);
            }
        }
    }
}

// ---- Fitting the window (issue 16) ----

/// The canvas the issue measures: a 1600×1000 window with both side panels open.
const CANVAS: (f32, f32) = (700.0, 820.0);

/// The zoom "Fit map" shows `map` at in a `CANVAS`-sized canvas, through the window's own
/// fitting (its margins included, no upper limit), and the map's width:height ratio.
fn fit_of(map: &ArgumentMap) -> (f32, f32) {
    let (mut l, mut t, mut r, mut b) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for (bl, bt, br, bb) in boxes(map) {
        (l, t, r, b) = (l.min(bl), t.min(bt), r.max(br), b.max(bb));
    }
    let bounds = egui::Rect::from_min_max(egui::pos2(l, t), egui::pos2(r, b));
    let canvas = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(CANVAS.0, CANVAS.1));
    let zoom = argmap::app::Camera::fitting(canvas, bounds, f32::MAX).zoom;
    (zoom, bounds.width() / bounds.height())
}

/// The layout's ratio is within 2.5 times the canvas's, either way.
fn assert_canvas_shaped(what: &str, ratio: f32) {
    let canvas = CANVAS.0 / CANVAS.1;
    assert!(
        ratio <= canvas * 2.5 && ratio >= canvas / 2.5,
        "{what}: width:height {ratio:.2}, the canvas's {canvas:.2}"
    );
}

fn import(path: &str) -> ArgumentMap {
    let text = std::fs::read_to_string(path).unwrap();
    let imported = if path.ends_with(".json") {
        argmap::interchange::aif::read(&text, "t")
    } else {
        argmap::interchange::argdown::read(&text, "t")
    };
    imported.unwrap().map
}

fn article_file() -> ArgumentMap {
    let text = std::fs::read_to_string("maps/khamenei-trump-dialogue.ron").unwrap();
    argmap::format::from_ron_str(&text).unwrap()
}

#[test]
fn the_arranged_article_map_fits_the_canvas_large_and_in_its_shape() {
    let map = arranged(article_file());
    assert_no_overlaps(&map);
    let (zoom, ratio) = fit_of(&map);
    // Issue 16 asks for 35%; before it, Arrange gave 13% (a strip about five times wider than
    // tall). What the packing reaches today is held here so it cannot slip back.
    assert!(zoom >= 0.29, "the article fits at {:.0}%", zoom * 100.0);
    assert_canvas_shaped("the article", ratio);
}

#[test]
fn imported_files_fit_the_canvas_at_ten_percent_or_more() {
    for path in [
        "tests/data/aifdb-nuclear.json",
        "tests/data/ova3-car-free.json",
        "tests/data/argdown-primer.argdown",
        "tests/data/car-free-city.argdown",
    ] {
        // As after Arrange: OVA files keep the positions OVA gave their nodes.
        let map = arranged(import(path));
        assert_no_overlaps(&map);
        let (zoom, ratio) = fit_of(&map);
        assert!(zoom >= 0.10, "{path} fits at {:.0}%", zoom * 100.0);
        assert_canvas_shaped(path, ratio);
    }
}

/// A map shaped like a real AIFdb corpus of 179 nodes: several roots, a few claims with
/// wide fan-outs of premises, chains, and many nodes linked to nothing.
fn corpus_like() -> ArgumentMap {
    let mut map = ArgumentMap::new("corpus");
    let add = |map: &mut ArgumentMap, text_len: usize| {
        let i = map.nodes.len();
        let text = "word ".repeat(3 + (i * 7919) % text_len);
        let kind = if i.is_multiple_of(5) {
            NodeKind::Claim
        } else {
            NodeKind::Evidence
        };
        map.nodes
            .push(Node::new(format!("n{i}"), kind, text, Position::default()));
        format!("n{i}")
    };
    let link = |map: &mut ArgumentMap, from: &str, to: &str, i: usize| {
        let relation = if i % 4 == 3 {
            Relation::Opposes
        } else {
            Relation::Supports
        };
        map.links.push(Link::new(from, to, relation));
    };
    // Eight roots: fan-outs of 30, 20 and 12 premises, and five small trees with chains.
    for (r, fan) in [30usize, 20, 12, 6, 5, 4, 4, 3].into_iter().enumerate() {
        let root = add(&mut map, 30);
        for k in 0..fan {
            let child = add(&mut map, 40);
            link(&mut map, &child, &root, k);
            if r >= 3 && k.is_multiple_of(2) {
                let grandchild = add(&mut map, 40);
                link(&mut map, &grandchild, &child, k + 1);
            }
        }
    }
    while map.nodes.len() < 179 {
        add(&mut map, 50);
    }
    map
}

#[test]
fn a_corpus_shaped_map_fits_the_canvas_at_ten_percent_or_more() {
    let map = arranged(corpus_like());
    assert_eq!(map.nodes.len(), 179);
    assert_no_overlaps(&map);
    let (zoom, ratio) = fit_of(&map);
    assert!(zoom >= 0.10, "the corpus fits at {:.1}%", zoom * 100.0);
    assert_canvas_shaped("the corpus", ratio);
}

#[test]
fn unlinked_nodes_are_gathered_in_a_grid_not_a_row() {
    let mut map = ArgumentMap::new("loose");
    for i in 0..60 {
        map.nodes.push(Node::new(
            format!("n{i}"),
            NodeKind::Evidence,
            "A loose note.",
            Position::default(),
        ));
    }
    let map = arranged(map);
    assert_no_overlaps(&map);
    let (_, ratio) = fit_of(&map);
    assert_canvas_shaped("60 loose notes", ratio);
}

#[test]
fn a_wide_canvas_gets_a_wider_packing_than_a_tall_one() {
    let map = corpus_like();
    let ratio_for = |aspect: f32| {
        let mut m = map.clone();
        let moves = arrange_to_fit(&m, &card_size, &Scope::All, aspect);
        apply(&mut m, &moves);
        assert_no_overlaps(&m);
        fit_of(&m).1
    };
    assert!(ratio_for(3.0) > ratio_for(CANVAS_ASPECT));
    assert!(ratio_for(CANVAS_ASPECT) > ratio_for(0.3));
}

#[test]
fn a_node_with_many_children_wraps_them_into_rows() {
    let mut map = ArgumentMap::new("fan");
    map.nodes.push(Node::new(
        "root",
        NodeKind::Claim,
        "Root",
        Position::default(),
    ));
    for i in 0..40 {
        map.nodes.push(Node::new(
            format!("c{i}"),
            NodeKind::Evidence,
            "A premise.",
            Position::default(),
        ));
        map.links
            .push(Link::new(format!("c{i}"), "root", Relation::Supports));
    }
    let map = arranged(map);
    assert_no_overlaps(&map);
    let rows: std::collections::BTreeSet<i64> =
        map.nodes[1..].iter().map(|n| n.pos.y as i64).collect();
    assert!(
        rows.len() >= 2,
        "the 40 children stand in {} row(s)",
        rows.len()
    );
    // Still in outline order left to right, so Arrange keeps the order the user gave.
    for pair in map.nodes[1..].windows(2) {
        assert!(pair[0].pos.x < pair[1].pos.x);
    }
    let (_, ratio) = fit_of(&map);
    assert!(
        ratio < 40.0 * 280.0 / 300.0 / 2.0,
        "not one long row: {ratio:.1}"
    );
}

#[test]
fn each_direction_puts_children_on_its_side_of_their_parent() {
    for direction in LayoutDirection::ALL {
        for mut map in [generate(600, 3), article_file(), corpus_like()] {
            map.layout_direction = direction;
            let map = arranged(map);
            assert_no_overlaps(&map);
            let boxes = boxes(&map);
            for (child, parent) in tree_parents(&map).iter().enumerate() {
                let Some((p, _)) = *parent else { continue };
                let (c, p) = (boxes[child], boxes[p]);
                let ok = match direction {
                    LayoutDirection::Down => c.1 >= p.3 + V_GAP,
                    LayoutDirection::Up => c.3 + V_GAP <= p.1,
                    LayoutDirection::Right => c.0 >= p.2 + COLUMN_GAP,
                };
                assert!(
                    ok,
                    "{direction:?}: {} is on the wrong side",
                    map.nodes[child].id
                );
            }
            // Arranging again moves nothing.
            assert_eq!(
                arrange(&map, &card_size, &Scope::All),
                vec![],
                "{direction:?}"
            );
        }
    }
}

#[test]
fn huge_fan_outs_and_many_loose_nodes_arrange_in_linear_time() {
    // 100,000 premises of one claim and 100,000 nodes linked to nothing: a quadratic step
    // anywhere (wrapping, packing, the grid) would take minutes here.
    let mut map = ArgumentMap::new("huge");
    map.nodes.push(Node::new(
        "root",
        NodeKind::Claim,
        "Root",
        Position::default(),
    ));
    for i in 0..100_000 {
        map.nodes.push(Node::new(
            format!("c{i}"),
            NodeKind::Evidence,
            "A premise.",
            Position::default(),
        ));
        map.links
            .push(Link::new(format!("c{i}"), "root", Relation::Supports));
    }
    for i in 0..100_000 {
        map.nodes.push(Node::new(
            format!("u{i}"),
            NodeKind::Evidence,
            "A loose note.",
            Position::default(),
        ));
    }
    let map = arranged(map);
    assert_no_overlaps(&map);
}

/// The figures BENCHMARKS.md reports:
/// `cargo test --test layout fit_report -- --ignored --nocapture`.
#[test]
#[ignore = "prints the fit table for BENCHMARKS.md"]
fn fit_report() {
    let mut maps = vec![(
        "maps/khamenei-trump-dialogue.ron".to_owned(),
        article_file(),
    )];
    for path in [
        "tests/data/aifdb-nuclear.json",
        "tests/data/ova3-car-free.json",
        "tests/data/argdown-primer.argdown",
        "tests/data/car-free-city.argdown",
    ] {
        maps.push((path.to_owned(), import(path)));
    }
    maps.push((
        "corpus-shaped map (tests/layout.rs)".to_owned(),
        corpus_like(),
    ));
    for n in [100, 300, 1_000, 10_000] {
        maps.push((format!("argmap generate --nodes {n}"), generate(n, 1)));
    }
    println!("| map | nodes | direction | fit zoom | width:height |");
    println!("|---|---:|---|---:|---:|");
    for (name, map) in maps {
        for direction in LayoutDirection::ALL {
            let mut m = map.clone();
            m.layout_direction = direction;
            let m = arranged(m);
            let (zoom, ratio) = fit_of(&m);
            println!(
                "| {name} | {} | {} | {:.0}% | {ratio:.2} |",
                m.nodes.len(),
                direction.as_str(),
                zoom * 100.0
            );
        }
    }
}
