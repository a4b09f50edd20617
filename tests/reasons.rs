//! Reasons: linked premises, undercuts and schemes, through the file format, validation,
//! the edits (each undone), the JSON export and the picture.

#[path = "common/run.rs"]
mod run;

use argmap::edit::{self, Edit, EditError};
use argmap::export::{ExportFormat, ExportOptions, export};
use argmap::format::{parse_checked, to_ron_string};
use argmap::model::{ArgumentMap, Link, Node, NodeId, NodeKind, Position, Relation, validate};

const LINKED: &str = r#"(
    format_version: 4,
    title: "Cars",
    main_claim: Some("ban"),
    nodes: [
        (id: "ban", kind: Claim, text: "Ban cars downtown.", pos: (x: 0, y: 0)),
        (id: "air", kind: Evidence, text: "Air improves.", pos: (x: -200, y: 200)),
        (id: "shops", kind: Claim, text: "Shops keep their trade.", pos: (x: 100, y: 200)),
        (id: "cherry", kind: Counterpoint, text: "The cities were cherry-picked.", pos: (x: 400, y: 100)),
    ],
    links: [
        (from: "air", to: "ban", relation: Supports, with: ["shops"], scheme: Some("positive_consequences"), warrant: Some("Cleaner air without lost trade is worth it.")),
        (from: "cherry", to: "ban", relation: Opposes, undercuts: Some("air"), answers: Some(2)),
    ],
)
"#;

fn id(s: &str) -> NodeId {
    NodeId::from(s)
}

fn node(s: &str, kind: NodeKind, x: f32) -> Node {
    Node::new(s, kind, format!("Text of {s}."), Position::new(x, 0.0))
}

fn linked_map() -> ArgumentMap {
    parse_checked(LINKED.as_bytes())
        .unwrap_or_else(|e| panic!("{e:#?}"))
        .map
}

/// Applies `edit`, then its inverse, and checks the map came back exactly; returns the map
/// as it was after the edit.
fn apply_and_undo(map: &ArgumentMap, edit: Edit) -> ArgumentMap {
    let mut after = map.clone();
    let inverse = edit.apply(&mut after).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        validate(&after)
            .iter()
            .all(|p| p.severity == argmap::model::Severity::Warning),
        "the edit left errors: {:?}",
        validate(&after)
    );
    let mut undone = after.clone();
    inverse.apply(&mut undone).expect("the inverse applies");
    assert_eq!(&undone, map, "undo restores the map");
    after
}

#[test]
fn a_linked_reason_and_an_undercut_read_and_write_canonically() {
    let map = linked_map();
    let reason = &map.links[0];
    assert_eq!(
        reason.premises().collect::<Vec<_>>(),
        [&id("air"), &id("shops")]
    );
    assert_eq!(reason.scheme.as_deref(), Some("positive_consequences"));
    assert_eq!(
        map.links[1].undercut_target(),
        Some((&id("air"), &id("ban")))
    );
    let text = to_ron_string(&map);
    assert!(text.contains("format_version: 4,"), "{text}");
    assert!(
        text.contains(r#"(from: "air", to: "ban", relation: Supports, with: ["shops"], scheme: Some("positive_consequences"), warrant: Some("Cleaner air without lost trade is worth it."))"#),
        "{text}"
    );
    assert_eq!(parse_checked(text.as_bytes()).unwrap().map, map);
}

#[test]
fn plain_maps_keep_their_old_format_version() {
    let mut map = ArgumentMap::new("t");
    map.nodes = vec![
        node("a", NodeKind::Claim, 0.0),
        node("b", NodeKind::Evidence, 300.0),
    ];
    map.links = vec![Link::new("b", "a", Relation::Supports)];
    let text = to_ron_string(&map);
    assert!(text.contains("format_version: 1,"), "{text}");
    assert!(
        text.contains(r#"(from: "b", to: "a", relation: Supports)"#),
        "{text}"
    );
}

#[test]
fn broken_reasons_are_errors_at_their_line() {
    let broken = LINKED
        .replace(
            r#"with: ["shops"]"#,
            r#"with: ["shops", "ghost", "shops", "ban"]"#,
        )
        .replace(r#"undercuts: Some("air")"#, r#"undercuts: Some("nobody")"#);
    let errors = parse_checked(broken.as_bytes()).expect_err("errors");
    let lines: Vec<String> = errors
        .iter()
        .map(|d| format!("{}: {}", d.pos.map(|p| p.line).unwrap_or(0), d.message))
        .collect();
    let has = |line: u32, text: &str| {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("{line}: ")) && l.contains(text)),
            "no `{text}` at line {line} in {lines:#?}"
        )
    };
    has(12, "missing node \"ghost\"");
    has(12, "lists premise \"shops\" twice");
    has(12, "its own target \"ban\" as a premise");
    has(
        13,
        "undercuts the reason \"nobody->ban\", which is not in the map",
    );
}

#[test]
fn open_critical_questions_are_warnings_and_an_answer_closes_one() {
    let map = linked_map();
    let warnings: Vec<String> = validate(&map).into_iter().map(|p| p.message).collect();
    let open: Vec<&String> = warnings
        .iter()
        .filter(|w| w.contains("critical question"))
        .collect();
    // Positive consequences has three questions; the undercut answers the second.
    assert_eq!(open.len(), 2, "{open:#?}");
    assert!(
        open.iter()
            .any(|w| w.contains("critical question 1 is open"))
    );
    assert!(
        open.iter()
            .any(|w| w.contains("critical question 3 is open"))
    );
    assert_eq!(argmap::model::open_questions(&map).len(), 2);
}

#[test]
fn joining_two_reasons_and_splitting_them_again_round_trip() {
    let mut map = ArgumentMap::new("t");
    map.nodes = vec![
        node("c", NodeKind::Claim, 0.0),
        node("a", NodeKind::Evidence, 0.0),
        node("b", NodeKind::Evidence, 300.0),
        node("u", NodeKind::Counterpoint, 600.0),
    ];
    map.links = vec![
        Link::new("a", "c", Relation::Supports),
        Link::new("b", "c", Relation::Supports),
        Link::undercut("u", "b", "c"),
    ];
    let join = edit::join_reasons(&map, (&id("a"), &id("c")), (&id("b"), &id("c"))).unwrap();
    let joined = apply_and_undo(&map, join);
    assert_eq!(joined.links.len(), 2);
    assert_eq!(joined.links[0].with, [id("b")]);
    // b's undercut now attacks the joined reason.
    assert_eq!(
        joined.links[1].undercut_target(),
        Some((&id("a"), &id("c")))
    );

    let split = edit::split_reason(&joined, (&id("a"), &id("c"))).unwrap();
    let apart = apply_and_undo(&joined, split);
    assert_eq!(apart.links.len(), 3);
    assert_eq!(apart.links[1], Link::new("b", "c", Relation::Supports));
    assert!(apart.links.iter().all(|l| l.with.is_empty()));
}

#[test]
fn premises_come_and_go_and_the_undercut_follows_the_reasons_name() {
    let map = linked_map();
    let added = {
        let mut m = map.clone();
        m.nodes.push(node("jobs", NodeKind::Claim, 700.0));
        m
    };
    let add = edit::add_premise(&added, (&id("air"), &id("ban")), &id("jobs")).unwrap();
    let with_jobs = apply_and_undo(&added, add);
    assert_eq!(with_jobs.links[0].with, [id("shops"), id("jobs")]);

    // Removing the first premise renames the reason: the undercut comes along.
    let remove = edit::remove_premise(&map, (&id("air"), &id("ban")), &id("air")).unwrap();
    let without_air = apply_and_undo(&map, remove);
    let reason = without_air.links.iter().find(|l| !l.is_undercut()).unwrap();
    assert_eq!(
        (reason.from.clone(), reason.with.clone()),
        (id("shops"), vec![])
    );
    let undercut = without_air.links.iter().find(|l| l.is_undercut()).unwrap();
    assert_eq!(undercut.undercut_target(), Some((&id("shops"), &id("ban"))));
}

#[test]
fn deleting_a_premise_node_keeps_the_reason_and_deleting_a_reason_takes_its_undercuts() {
    let map = linked_map();
    let gone = apply_and_undo(&map, edit::delete_nodes(&map, &[id("air")]));
    assert_eq!(gone.links.len(), 2);
    assert!(
        gone.links
            .iter()
            .any(|l| l.from == id("shops") && !l.is_undercut())
    );
    assert!(
        gone.links
            .iter()
            .any(|l| l.undercut_target() == Some((&id("shops"), &id("ban"))))
    );

    let unlinked = apply_and_undo(&map, edit::delete_links(&map, &[(id("air"), id("ban"))]));
    assert!(unlinked.links.is_empty(), "{:?}", unlinked.links);

    // Removing the reason alone, with its undercut left, is refused.
    let mut m = map.clone();
    let refused = Edit::RemoveLink {
        from: id("air"),
        to: id("ban"),
    }
    .apply(&mut m);
    assert_eq!(refused, Err(EditError::LinkUndercut(id("air"), id("ban"))));
    assert_eq!(m, map);
}

#[test]
fn retargeting_moves_the_undercuts_and_schemes_and_warrants_set_and_clear() {
    let mut map = linked_map();
    map.nodes.push(node("other", NodeKind::Claim, 900.0));
    let moved = apply_and_undo(
        &map,
        edit::retarget(&map, (&id("air"), &id("ban")), &id("other")).unwrap(),
    );
    assert_eq!(moved.links[0].to, id("other"));
    let undercut = moved.links.iter().find(|l| l.is_undercut()).unwrap();
    assert_eq!(undercut.undercut_target(), Some((&id("air"), &id("other"))));

    let schemed = apply_and_undo(
        &map,
        edit::set_scheme(
            &map,
            (&id("air"), &id("ban")),
            Some("expert_opinion".into()),
        )
        .unwrap(),
    );
    assert_eq!(schemed.links[0].scheme.as_deref(), Some("expert_opinion"));
    let cleared = apply_and_undo(
        &map,
        edit::set_warrant(&map, (&id("air"), &id("ban")), "  ").unwrap(),
    );
    assert_eq!(cleared.links[0].warrant, None);
}

#[test]
fn edits_refuse_reasons_that_break_the_rules() {
    let map = linked_map();
    let add = |link: Link| {
        let mut m = map.clone();
        Edit::AddLink { index: 0, link }.apply(&mut m)
    };
    // shops already bears on ban through air's reason.
    assert_eq!(
        add(Link::new("shops", "ban", Relation::Supports)),
        Err(EditError::AlreadyBearsOn(id("shops"), id("ban")))
    );
    let mut twice = Link::new("cherry", "air", Relation::Opposes);
    twice.with = vec![id("shops"), id("shops")];
    assert_eq!(add(twice), Err(EditError::DuplicatePremise(id("shops"))));
    assert_eq!(
        add(Link::undercut("cherry", "nobody", "air")),
        Err(EditError::NoSuchLink(id("nobody"), id("air")))
    );
    assert_eq!(
        edit::split_reason(&map, (&id("cherry"), &id("ban"))).unwrap_err(),
        EditError::CannotSplit
    );
}

#[test]
fn json_keeps_one_link_per_premise_and_lists_the_reasons() {
    let map = linked_map();
    let json = export(&map, ExportFormat::Json, &ExportOptions::default()).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let links: Vec<(String, String)> = value["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["from"].as_str().unwrap().into(),
                l["to"].as_str().unwrap().into(),
            )
        })
        .collect();
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(
        links,
        [
            pair("air", "ban"),
            pair("shops", "ban"),
            pair("cherry", "ban")
        ]
    );
    let reasons = value["reasons"].as_array().unwrap();
    assert_eq!(reasons[0]["id"], "air->ban");
    assert_eq!(reasons[0]["premises"], serde_json::json!(["air", "shops"]));
    assert_eq!(reasons[0]["target"], serde_json::json!({"node": "ban"}));
    assert_eq!(reasons[0]["scheme"], "positive_consequences");
    assert_eq!(
        reasons[1]["target"],
        serde_json::json!({"reason": "air->ban"})
    );
    assert_eq!(reasons[1]["relation"], "opposes");
    assert_eq!(reasons[1]["answers"], 2);
}

#[test]
fn the_picture_boxes_a_linked_reason_and_lands_the_undercut_on_its_marker() {
    let map = linked_map();
    let scene = argmap::render::build(&map, false);
    assert_eq!(scene.boxes.len(), 1);
    let boxed = scene.boxes[0].rect;
    for card in &scene.cards[1..3] {
        assert!(
            boxed.contains(card.rect.min) && boxed.contains(card.rect.max),
            "the box holds both premise cards"
        );
    }
    assert_eq!(
        scene.arrows.len(),
        2,
        "one arrow per reason, not per premise"
    );
    let reason_marker = scene.arrows[0].marker.centre;
    let undercut_tip = scene.arrows[1].head[0];
    let distance = ((undercut_tip.x - reason_marker.x).powi(2)
        + (undercut_tip.y - reason_marker.y).powi(2))
    .sqrt();
    assert!(
        distance < 15.0,
        "the undercut ends at the marker: {distance}"
    );
    assert_eq!(scene.labels.len(), 1);
    assert_eq!(scene.labels[0].text, "Positive Consequences");
    let svg =
        String::from_utf8(export(&map, ExportFormat::Svg, &ExportOptions::default()).unwrap())
            .unwrap();
    assert!(svg.contains(r#"class="reason-box""#));
    assert!(svg.contains(">Positive Consequences</text>"));
}

#[test]
fn deleting_many_co_premises_stays_linear() {
    // 40,000 reasons of three premises each: a quadratic pass over links per premise would
    // take minutes.
    let n = 40_000;
    let mut map = ArgumentMap::new("big");
    for i in 0..n {
        map.nodes.push(node(&format!("c{i}"), NodeKind::Claim, 0.0));
        for p in 0..3 {
            map.nodes
                .push(node(&format!("p{i}_{p}"), NodeKind::Evidence, 0.0));
        }
        let mut link = Link::new(format!("p{i}_0"), format!("c{i}"), Relation::Supports);
        link.with = vec![id(&format!("p{i}_1")), id(&format!("p{i}_2"))];
        map.links.push(link);
    }
    let doomed: Vec<NodeId> = (0..n).map(|i| id(&format!("p{i}_1"))).collect();
    let mut after = map.clone();
    let inverse = edit::delete_nodes(&map, &doomed).apply(&mut after).unwrap();
    assert_eq!(after.links.len(), n);
    assert!(after.links.iter().all(|l| l.with.len() == 1));
    inverse.apply(&mut after).unwrap();
    assert_eq!(after, map);
}

#[test]
fn copying_and_pasting_keeps_what_holds_among_the_nodes_copied() {
    let map = linked_map();
    // All four: the linked reason with its scheme and warrant, and its undercut.
    let all: Vec<NodeId> = map.nodes.iter().map(|n| n.id.clone()).collect();
    let (paste, ids) = edit::insert_fragment(&map, &map.subset(&all), (40.0, 40.0));
    let pasted = apply_and_undo(&map, paste);
    let renamed: std::collections::HashMap<&NodeId, &NodeId> = all.iter().zip(&ids).collect();
    let copy = pasted
        .link(renamed[&id("air")], renamed[&id("ban")])
        .unwrap();
    assert_eq!(copy.with, [renamed[&id("shops")].clone()]);
    assert_eq!(copy.scheme, map.links[0].scheme);
    assert_eq!(copy.warrant, map.links[0].warrant);
    let undercut = pasted
        .link(renamed[&id("cherry")], renamed[&id("ban")])
        .unwrap();
    assert_eq!(undercut.undercuts.as_ref(), Some(renamed[&id("air")]));

    // Without "air": the reason is "shops" alone, and the undercut follows it.
    let part = map.subset(&[id("ban"), id("shops"), id("cherry")]);
    assert!(
        validate(&part)
            .iter()
            .all(|p| p.severity == argmap::model::Severity::Warning)
    );
    assert_eq!(part.links[0].premises().collect::<Vec<_>>(), [&id("shops")]);
    assert_eq!(part.links[1].undercuts, Some(id("shops")));
}

#[test]
fn an_export_that_cannot_keep_a_reason_whole_says_so_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cars.ron"), LINKED).unwrap();
    for to in [
        "out.argdown",
        "out.aif",
        "out.md",
        "out.dot",
        "out.json",
        "out.svg",
    ] {
        let out = run::argmap(&["export", "cars.ron", "-o", to], dir.path());
        assert!(out.status.success(), "{to}: {}", run::stderr(&out));
        let err = run::stderr(&out);
        if to == "out.md" || to == "out.dot" {
            // Markdown and DOT keep the reasons' structure; the answered question's number
            // (and, in DOT, the warrant) is left out, and said so at its line.
            assert!(!err.contains("co-premises"), "{to}: {err}");
            assert!(
                err.contains("cars.ron:13:9: warning: reason \"cherry->ban\""),
                "{to}: {err}"
            );
        } else {
            assert!(!err.contains("warning"), "{to}: {err}");
        }
    }
}

#[test]
fn argdown_writes_a_reason_as_an_argument_and_reads_it_back_whole() {
    let map = linked_map();
    let text = argmap::interchange::argdown::write(&map);
    // The linked reason: an argument with its structure and scheme as the inference rule;
    // the undercut, which answers a question, an argument undercutting it.
    assert!(
        text.contains(
            "(1) [air]\n(2) [shops]\n-- Argument From Positive Consequences --\n(3) [ban]\n"
        ),
        "{text}"
    );
    assert!(text.contains("  _> <air for ban>\n"), "{text}");
    assert!(text.contains("{argmap: \"against\"}"), "{text}");
    let back = argmap::interchange::argdown::read(&text, "t").unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    let mut want = map.links.clone();
    let mut got = back.map.links.clone();
    want.sort_by_key(|l| l.name());
    got.sort_by_key(|l| l.name());
    assert_eq!(got, want);
}

#[test]
fn markdown_writes_a_linked_reason_as_one_item_with_its_scheme_and_an_undercut_as_such() {
    let map = linked_map();
    let md =
        String::from_utf8(export(&map, ExportFormat::Markdown, &ExportOptions::default()).unwrap())
            .unwrap();
    assert!(
        md.contains("- **Support jointly** *(Argument From Positive Consequences)*: Air improves.; Shops keep their trade. — *warrant:* Cleaner air without lost trade is worth it."),
        "{md}"
    );
    assert!(
        md.contains("- **Undercuts** (counterpoint) the inference from “Air improves.”: The cities were cherry-picked."),
        "{md}"
    );
    assert_eq!(md.matches("Shops keep their trade.").count(), 1, "{md}");
}

#[test]
fn dot_joins_co_premises_at_a_point_and_ends_an_undercut_on_its_reasons_point() {
    let map = linked_map();
    let dot =
        String::from_utf8(export(&map, ExportFormat::Dot, &ExportOptions::default()).unwrap())
            .unwrap();
    let point = r#""\u{0}reason air->ban""#;
    for edge in [
        format!(r#""air" -> {point}"#),
        format!(r#""shops" -> {point}"#),
        format!(r#"{point} -> "ban""#),
        format!(r#""\u{{0}}reason cherry->ban" -> {point}"#),
    ] {
        assert!(dot.contains(&edge), "{edge} in\n{dot}");
    }
    assert!(
        dot.contains(r#"label="Argument From Positive Consequences""#),
        "{dot}"
    );
}

#[test]
fn aif_writes_a_linked_reason_as_one_ra_node_fed_by_every_premise_and_its_undercut_onto_it() {
    let map = linked_map();
    let aif = export(&map, ExportFormat::Aif, &ExportOptions::default()).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&aif).unwrap();
    let edges: Vec<(&str, &str)> = json["AIF"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["fromID"].as_str().unwrap(), e["toID"].as_str().unwrap()))
        .collect();
    let into_ra: Vec<&str> = edges
        .iter()
        .filter(|(_, to)| to.starts_with("ra"))
        .map(|(from, _)| *from)
        .collect();
    // Both premises, and the undercut's CA, which attacks the inference, not "ban".
    assert_eq!(into_ra, ["air", "shops", "ca2"], "{edges:?}");
    assert!(edges.contains(&("cherry", "ca2")), "{edges:?}");
    assert!(!edges.contains(&("ca2", "ban")), "{edges:?}");
    let ras: std::collections::HashSet<&str> = edges
        .iter()
        .filter(|(f, _)| f.starts_with("ra"))
        .map(|(f, _)| *f)
        .collect();
    assert_eq!(ras.len(), 1, "one RA node for the linked reason: {edges:?}");
}
